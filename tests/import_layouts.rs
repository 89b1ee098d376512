//! The importer scored on one fixture per layout family (tests/fixtures/layouts), each with
//! a truth file written for it: structure, every figure typed, and the numbers that are
//! not figures. Fails below 100% recall, precision and structure; prints the scores.
#![allow(clippy::unwrap_used)] // test helpers outside #[test] fns

use report_tui::import::{decode, import_bytes};
use report_tui::model::{Report, Statistic};
use report_tui::rebuild::rebuild;
use serde_json::{json, Value};

const FIXTURES: &[&str] = &[
    "part_headings",
    "chapter_fullwidth",
    "chinese_numerals",
    "colon_bounds",
    "gbk",
    "utf16",
    "no_headings",
    "dept_paren_items",
    "town_circled",
    "county_sections",
    "district_articles",
];

/// Reports written apart from the importer, by another hand (docs/HOLDOUT.md): scored by
/// the same scorer, held to the level reached rather than to 100%.
const HOLDOUT: &[&str] = &[
    "city_bureau",
    "district_parts",
    "street_numerals",
    "town_fullwidth",
    "county_bounds",
    "zone_fresh",
];

fn dir(set: &str) -> String {
    format!("{}/tests/fixtures/{set}", env!("CARGO_MANIFEST_DIR"))
}

/// A statistic as the truth files write it (everything but where it is).
fn typed(s: &Statistic) -> Value {
    let base = s.base.as_ref().unwrap();
    json!({
        "display": s.display, "value": s.value, "unit": s.unit, "qualifier": s.qualifier,
        "bound": s.bound, "base": [base.value, base.unit], "change": s.change,
    })
}

fn same_number(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => (x - y).abs() < 1e-9,
        _ => a == b,
    }
}

/// Figures equal in every typed field (numbers compared as numbers).
fn matches(got: &Value, want: &Value) -> bool {
    ["display", "unit", "qualifier", "bound", "change"]
        .iter()
        .all(|k| got[k] == want[k])
        && same_number(&got["value"], &want["value"])
        && same_number(&got["base"][0], &want["base"][0])
        && got["base"][1] == want["base"][1]
}

fn sections(r: &Report) -> Vec<Value> {
    r.all_sections()
        .iter()
        .map(|s| json!([s.id, s.number, s.title]))
        .collect()
}

#[derive(Default)]
struct Score {
    truth: usize,
    found: usize,
    matched: usize,
    labels: usize,
    structure: usize,
    structure_total: usize,
    /// Numbers that are not figures but were taken as one.
    taken: Vec<String>,
}

fn score(set: &str, name: &str, total: &mut Score) {
    let bytes = std::fs::read(format!("{}/{name}.txt", dir(set))).unwrap();
    let truth: Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{}/{name}.truth.json", dir(set))).unwrap(),
    )
    .unwrap();
    let r = import_bytes(&bytes, name).unwrap();
    let (text, _) = decode(&bytes).unwrap();
    assert_eq!(rebuild(&r), text, "{name}: rebuilds byte for byte");

    // Structure: the report's parts and every section and item with its title.
    let parts = [
        ("encoding", json!(r.encoding)),
        ("title", json!(r.title)),
        ("addressee", json!(r.addressee)),
        ("closing", json!(r.closing)),
        ("issuers", json!(r.issuers)),
        ("date", json!(r.date)),
    ];
    for (k, got) in parts {
        total.structure_total += 1;
        if got == truth[k] {
            total.structure += 1;
        } else {
            eprintln!("{name}: {k} {got} != {}", truth[k]);
        }
    }
    let want_sections = truth["sections"].as_array().unwrap();
    let got_sections = sections(&r);
    total.structure_total += want_sections.len();
    total.structure += want_sections
        .iter()
        .filter(|w| got_sections.contains(w))
        .count();
    if got_sections.len() != want_sections.len() {
        total.structure_total += 1; // an extra or missing section is an error too
        eprintln!("{name}: sections {got_sections:?}");
    }

    // Figures: recall and precision on every typed field, labels scored apart.
    let got: Vec<(Value, String)> = r
        .all_statistics()
        .iter()
        .map(|(_, s)| (typed(s), s.label.to_string()))
        .collect();
    let want = truth["figures"].as_array().unwrap();
    let mut unused: Vec<bool> = vec![true; got.len()];
    for w in want {
        let hit = got
            .iter()
            .enumerate()
            .position(|(i, (g, _))| unused[i] && matches(g, w));
        match hit {
            Some(i) => {
                unused[i] = false;
                total.matched += 1;
                if got[i].1 == w["label"].as_str().unwrap() {
                    total.labels += 1;
                } else {
                    eprintln!(
                        "{name}: label {:?} for {} (truth {})",
                        got[i].1, w["display"], w["label"]
                    );
                }
            }
            None => eprintln!("{name}: missed {w}"),
        }
    }
    for (i, (g, _)) in got.iter().enumerate() {
        if unused[i] {
            eprintln!("{name}: not in the truth {g}");
        }
    }
    total.truth += want.len();
    total.found += got.len();

    // Numbers that are not figures: still whole in the text once figures are blanked.
    let mut rest = String::new();
    for (_, p) in r.all_paragraphs() {
        let mut t = p.text.to_string();
        for s in p.statistics.iter().rev() {
            t.replace_range(s.offset..s.offset + s.display.len(), "_");
        }
        rest.push_str(&t);
        rest.push('\n');
    }
    for s in r.all_sections() {
        rest.push_str(&s.heading);
        rest.push('\n');
    }
    rest.push_str(&format!(
        "{}\n{}",
        r.title,
        r.date_text.clone().unwrap_or_default()
    ));
    for phrase in truth["not_figures"].as_array().unwrap() {
        let phrase = phrase.as_str().unwrap();
        assert!(
            text.contains(phrase),
            "{name}: {phrase:?} is not in the source"
        );
        if !rest.contains(phrase) {
            eprintln!("{name}: {phrase:?} was taken as a figure");
            total.taken.push(format!("{name}: {phrase}"));
        }
    }
}

/// Scores one set of fixtures; prints the totals and returns them as percentages:
/// (recall, precision, structure, labels), with the totals for what else to assert.
fn run(set: &str, names: &[&str]) -> ([f64; 4], Score) {
    let mut total = Score::default();
    for name in names {
        score(set, name, &mut total);
    }
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    let (recall, precision) = (
        pct(total.matched, total.truth),
        pct(total.matched, total.found),
    );
    let structure = pct(total.structure, total.structure_total);
    let labels = pct(total.labels, total.truth);
    println!(
        "{set}: {} fixtures, {} figures: recall {recall:.1}% ({}/{}), precision {precision:.1}% ({}/{}), structure {structure:.1}% ({}/{}), labels {labels:.1}% ({}/{}), not-figures taken {}",
        names.len(),
        total.truth,
        total.matched,
        total.truth,
        total.matched,
        total.found,
        total.structure,
        total.structure_total,
        total.labels,
        total.truth,
        total.taken.len()
    );
    ([recall, precision, structure, labels], total)
}

#[test]
fn every_layout_family_scores_100_percent() {
    let ([recall, precision, structure, labels], total) = run("layouts", FIXTURES);
    assert!(
        total.taken.is_empty(),
        "taken as figures: {:?}",
        total.taken
    );
    assert_eq!(recall, 100.0, "figure recall");
    assert_eq!(precision, 100.0, "figure precision");
    assert_eq!(structure, 100.0, "structure");
    // Labels are judged by hand in the truth files (the noun counted, without verbs,
    // enumerators, place words and connectives). The goal is 95% on reports never
    // seen; this floor is today's level, so a regression fails.
    assert!(total.labels >= 71, "labels {labels:.1}% < 94.7% (71/75)");
}

/// The holdout (tests/fixtures/holdout, docs/HOLDOUT.md): floors at the level reached.
#[test]
fn the_holdout_keeps_its_scores() {
    let ([recall, precision, structure, labels], total) = run("holdout", HOLDOUT);
    assert!(
        total.taken.is_empty(),
        "taken as figures: {:?}",
        total.taken
    );
    // Reached after the fixes of docs/HOLDOUT.md (the first five reports before them:
    // recall 95.0, precision 97.7, structure 99.0, labels 70.5).
    assert_eq!(recall, 100.0, "figure recall");
    assert_eq!(precision, 100.0, "figure precision");
    assert_eq!(structure, 100.0, "structure");
    assert!(total.labels >= 223, "labels {labels:.1}% < 92.1% (223/242)");
}

/// One figure sentence a line (tests/fixtures/holdout/label_sentences.tsv), written for the
/// label rule before it was changed: each sentence is imported as the one paragraph of a
/// report, and the label of the named figure must be one a reader would give.
#[test]
fn figure_sentences_get_the_label_a_reader_gives() {
    let tsv = std::fs::read_to_string(format!("{}/label_sentences.tsv", dir("holdout"))).unwrap();
    let (mut right, mut total) = (0, 0);
    for line in tsv.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
        let [sentence, display, labels] = line.split('\t').collect::<Vec<_>>()[..] else {
            panic!("not three columns: {line}");
        };
        let text = format!("某区2023年法治政府建设年度报告\n一、主要工作\n{sentence}\n");
        let r = report_tui::import::import(&text, "sentence").unwrap();
        let stats = r.all_statistics();
        let s = stats
            .iter()
            .map(|(_, s)| s)
            .find(|s| s.display == display)
            .unwrap_or_else(|| panic!("{display} not found in {sentence}"));
        total += 1;
        if labels.split('|').any(|l| l == s.label) {
            right += 1;
        } else {
            eprintln!(
                "label {:?} for {display} in {sentence} (want {labels})",
                s.label
            );
        }
    }
    let pct = 100.0 * right as f64 / total as f64;
    println!("label sentences: {pct:.1}% ({right}/{total})");
    // Before any change to the rule: 75.5% (37/49); after the fixes of docs/HOLDOUT.md
    // (bracketed names, rank and scope words, verb chains, a share of a group): 45/49.
    assert!(right >= 45, "labels {pct:.1}% ({right}/{total}) < 45/49");
}

/// A change from one figure to another (`由20天缩短到10天`) labels both figures with what
/// changed, never with a piece of the first figure (`办理时限从15个工作日`, `纠错率由8.`).
#[test]
fn both_figures_of_a_change_are_labelled_with_what_changed() {
    let text = "某区2023年法治政府建设年度报告\n一、主要工作\n\
        审批时间由20天缩短到10天。办理时限从15个工作日压缩至5个工作日。\
        行政复议纠错率由8.5%提高到12.3%。平均审批时间从原来的30天减少至12天。\n";
    let r = report_tui::import::import(text, "change").unwrap();
    let got: Vec<(String, String)> = r
        .all_statistics()
        .iter()
        .map(|(_, s)| (s.display.to_string(), s.label.to_string()))
        .collect();
    let want = [
        ("20天", "审批时间"),
        ("10天", "审批时间"),
        ("15个工作日", "办理时限"),
        ("5个工作日", "办理时限"),
        ("8.5%", "行政复议纠错率"),
        ("12.3%", "行政复议纠错率"),
        ("30天", "平均审批时间"),
        ("12天", "平均审批时间"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(d, l)| (d.to_string(), l.to_string()))
        .collect();
    assert_eq!(got, want);
}
