//! Scores the indicator alignment against hand-made truth files: pairs found among the
//! true pairs (recall), true pairs among those made (precision), no look-alike paired,
//! every statistic in exactly one row. `cargo test --test compare_alignment -- --nocapture`
//! prints the misses and the wrong pairs.
#![allow(clippy::unwrap_used)]

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

use report_tui::compare::{self, Aliases};

/// A figure: (report index, statistic index).
type Fig = (usize, usize);

struct Scored {
    true_pairs: usize,
    made: usize,
    found: usize,
    lookalikes: Vec<String>,
    notes: Vec<String>,
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/compare")
        .join(name)
}

/// The folder's reports with the file each came from, in name order.
fn open(folder: &str) -> (Vec<PathBuf>, Vec<report_tui::Report>) {
    let (files, errors) = report_tui::load::expand(&[fixture(folder)]);
    assert!(errors.is_empty(), "{errors:?}");
    let reports = files
        .iter()
        .map(|f| report_tui::load::load_file(f).unwrap())
        .collect();
    (files, reports)
}

fn score(folder: &str, truth: &str, aliases: &Aliases) -> Scored {
    let (files, reports) = open(folder);
    let reports = &reports;
    let stem = |i: usize| files[i].file_stem().unwrap().to_string_lossy().to_string();
    let label = |f: Fig| {
        let (_, s) = reports[f.0].all_statistics()[f.1];
        format!("{}:{}", stem(f.0), s.quote)
    };
    // Truth: figure → indicator key, and the look-alike sets.
    let text = std::fs::read_to_string(fixture(truth)).unwrap();
    let mut key: HashMap<Fig, String> = HashMap::new();
    let mut lookalike: Vec<BTreeSet<String>> = Vec::new();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        if let Some(rest) = line.strip_prefix("lookalike ") {
            lookalike.push(rest.split_whitespace().map(String::from).collect());
            continue;
        }
        let (name, cells) = line.split_once(" = ").expect("KEY = cells");
        for cell in cells.split(" | ") {
            let (file, quote) = cell.split_once(':').unwrap();
            let r = (0..reports.len()).find(|&i| stem(i) == file).expect(file);
            let hits: Vec<usize> = reports[r]
                .all_statistics()
                .iter()
                .enumerate()
                .filter(|(_, (_, s))| s.quote == quote)
                .map(|(i, _)| i)
                .collect();
            assert_eq!(hits.len(), 1, "{cell}: one statistic with this quote");
            assert!(
                key.insert((r, hits[0]), name.to_string()).is_none(),
                "{cell} twice"
            );
        }
    }
    let key_of = |f: Fig| {
        key.get(&f)
            .cloned()
            .unwrap_or_else(|| format!("alone {}", label(f)))
    };

    let alignment = compare::align(reports, aliases);
    // Every statistic in exactly one row.
    let mut seen: HashMap<Fig, usize> = HashMap::new();
    for row in &alignment.rows {
        let cells: Vec<Fig> = row
            .cells
            .iter()
            .flatten()
            .map(|c| (c.report, c.index))
            .collect();
        for f in cells {
            *seen.entry(f).or_default() += 1;
        }
    }
    let total: usize = reports.iter().map(|r| r.all_statistics().len()).sum();
    assert_eq!(seen.len(), total, "every statistic is in a row");
    assert!(seen.values().all(|&n| n == 1), "no statistic in two rows");

    let pair = |a: Fig, b: Fig| if a < b { (a, b) } else { (b, a) };
    let mut made: BTreeSet<(Fig, Fig)> = BTreeSet::new();
    for row in &alignment.rows {
        let cells: Vec<Fig> = row
            .cells
            .iter()
            .flatten()
            .map(|c| (c.report, c.index))
            .collect();
        for (i, &a) in cells.iter().enumerate() {
            for &b in &cells[i + 1..] {
                made.insert(pair(a, b));
            }
        }
    }
    let figs: Vec<Fig> = seen.keys().copied().collect();
    let mut truth_pairs: BTreeSet<(Fig, Fig)> = BTreeSet::new();
    for &a in &figs {
        for &b in &figs {
            if a.0 != b.0 && a < b && key.contains_key(&a) && key.get(&a) == key.get(&b) {
                truth_pairs.insert(pair(a, b));
            }
        }
    }
    if std::env::var("COMPARE_DUMP").is_ok() {
        for (a, b, sc) in compare::all_scores(reports) {
            let sc = sc.unwrap_or(-1.0);
            let t = truth_pairs.contains(&pair(a, b));
            if (t && sc < 0.6) || (!t && sc > 0.25) {
                let tf = if t { "T" } else { "F" };
                println!("DUMP {tf} {sc:.3} {} ~ {}", label(a), label(b));
            }
        }
    }
    let mut notes = Vec::new();
    let mut lookalikes = Vec::new();
    for &(a, b) in made.difference(&truth_pairs) {
        let (ka, kb) = (key_of(a), key_of(b));
        let line = format!("wrong pair: {} ({ka}) + {} ({kb})", label(a), label(b));
        if lookalike
            .iter()
            .any(|set| set.contains(&ka) && set.contains(&kb))
        {
            lookalikes.push(line.clone());
        }
        notes.push(line);
    }
    for &(a, b) in truth_pairs.difference(&made) {
        notes.push(format!(
            "missed: {} + {} ({})",
            label(a),
            label(b),
            key_of(a)
        ));
    }
    Scored {
        true_pairs: truth_pairs.len(),
        made: made.len(),
        found: made.intersection(&truth_pairs).count(),
        lookalikes,
        notes,
    }
}

fn check(folder: &str, truth: &str) {
    check_at(folder, truth, 0.9, 0.95);
}

/// Scores a series and holds it to floors for recall and precision; a look-alike paired
/// always fails.
fn check_at(folder: &str, truth: &str, min_recall: f64, min_precision: f64) {
    let s = score(folder, truth, &Aliases::default());
    let recall = s.found as f64 / s.true_pairs.max(1) as f64;
    let precision = s.found as f64 / s.made.max(1) as f64;
    println!(
        "{folder}: true pairs {}, made {}, found {} (recall {:.3}, precision {:.3})",
        s.true_pairs, s.made, s.found, recall, precision
    );
    for n in &s.notes {
        println!("  {n}");
    }
    assert!(
        s.lookalikes.is_empty(),
        "look-alikes paired: {:#?}",
        s.lookalikes
    );
    assert!(
        recall >= min_recall,
        "{folder}: recall {recall:.3} < {min_recall}"
    );
    assert!(
        precision >= min_precision,
        "{folder}: precision {precision:.3} < {min_precision}"
    );
}

#[test]
fn a_three_year_series_of_one_place_reworded() {
    check("qinghe", "qinghe.truth");
}

#[test]
fn two_places_of_one_year() {
    check("places", "places.truth");
}

/// Written after the tuning on the two sets above and not tuned on.
#[test]
fn a_held_out_pair_of_years() {
    check("meiling", "meiling.truth");
}

/// The holdout (tests/fixtures/holdout, docs/HOLDOUT.md), written apart from the alignment:
/// a county's three years reworded, and two districts of one year. Floors at the level
/// reached; the folders are named from tests/fixtures/compare.
#[test]
fn the_holdout_series_keep_their_scores() {
    // Before the fixes of docs/HOLDOUT.md: recall 0.923 (84/91), precision 1.000.
    check_at("../holdout/meilin", "../holdout/meilin.truth", 0.95, 1.0);
}

/// Written after the fixes above and not tuned on (docs/HOLDOUT.md). Untuned it paired a
/// look-alike, 信访 and 12345热线 `按期办结率` (recall 0.895, precision 0.944); subjects
/// read from the sentence (`!@`) keep them apart now.
#[test]
fn the_fresh_holdout_pair_keeps_its_scores() {
    check_at(
        "../holdout/fresh_pair",
        "../holdout/fresh_pair.truth",
        0.89,
        1.0,
    );
}

#[test]
fn the_holdout_places_keep_their_scores() {
    // Before the fixes of docs/HOLDOUT.md: recall 0.857 (18/21), precision 1.000.
    check_at(
        "../holdout/districts",
        "../holdout/districts.truth",
        0.95,
        1.0,
    );
}

#[test]
fn the_aliases_file_splits_and_pins_pairings() {
    let split = Aliases::parse("清河街道 2020#1.2.p1.s4 != 清河街道 2021#1.2.p1.s4\n").unwrap();
    let s = score("qinghe", "qinghe.truth", &split);
    assert!(s
        .notes
        .iter()
        .any(|n| n.starts_with("missed: 2020:罚没款38.6万元 + 2021:罚没款52.3万元")));
    let pin = Aliases::parse("清河街道 2021#7.p1.s4 = 清河街道 2022#1.1.p1.s4\n").unwrap();
    let s = score("qinghe", "qinghe.truth", &pin);
    assert!(
        s.notes
            .iter()
            .any(|n| n.contains("新建法治文化阵地4个") && n.contains("一网通办")),
        "a pin pairs what the machine keeps apart: {:#?}",
        s.notes
    );
}

/// `COMPARE_PAIRS="places 按期办结率97.7% 信访事项办结率98.1%" cargo test --test
/// compare_alignment explain -- --nocapture` prints how two figures (by quote) score.
#[test]
fn explain() {
    let Ok(spec) = std::env::var("COMPARE_PAIRS") else {
        return;
    };
    let parts: Vec<&str> = spec.split_whitespace().collect();
    let (_, reports) = open(parts[0]);
    let find = |q: &str| {
        reports.iter().enumerate().find_map(|(r, rep)| {
            rep.all_statistics()
                .iter()
                .position(|(_, s)| s.quote == q)
                .map(|i| (r, i))
        })
    };
    for q in parts[1..].chunks(2) {
        let (a, b) = (find(q[0]).unwrap(), find(q[1]).unwrap());
        let all = compare::all_scores(&reports);
        let found = all
            .iter()
            .find(|(x, y, _)| (*x, *y) == (a, b) || (*x, *y) == (b, a));
        println!("{} ~ {}: {:?}", q[0], q[1], found.map(|f| f.2));
    }
}
