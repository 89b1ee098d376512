//! From groups to rows: each group of figures (see `merge`) becomes a row with one cell
//! a column, named after its latest figure, with how sure each pairing is.

use std::collections::HashMap;

use super::features::{Bag, Figure};
use super::pairing::Scorer;
use super::{Cell, Row};
use crate::model::Report;

/// Rows in reading order: by where each row's right-most figure stands in its report
/// (as a fraction of the report), so the latest report's order holds and dropped
/// indicators fall in where they stood.
/// With `confidence`, each cell says how sure its pairing is; without, `None` (finding
/// it compares every figure of a row with every other: only JSON shows it).
pub fn build(
    reports: &[Report],
    figures: &[Figure],
    scorer: &Scorer,
    columns: &[usize],
    groups: Vec<Vec<usize>>,
    confidence: bool,
) -> Vec<Row> {
    // Figures come in report order, each report's from 0: a report's first figure is
    // where a cell's figure is found without a search.
    let mut counts = vec![0_usize; reports.len()];
    for f in figures {
        counts[f.report] += 1;
    }
    let mut start = Vec::with_capacity(reports.len());
    let mut at = 0;
    for &n in &counts {
        start.push(at);
        at += n;
    }
    // Each report's figures: its statistics in document order, as `all_statistics`
    // lists them, without walking the report again for each row.
    let of_report: Vec<&[Figure]> = (0..reports.len())
        .map(|r| &figures[start[r]..start[r] + counts[r]])
        .collect();
    let counts: Vec<usize> = counts.into_iter().map(|n| n.max(1)).collect();
    let mut column_of = vec![0; reports.len()];
    for (at, &r) in columns.iter().enumerate() {
        column_of[r] = at;
    }
    let alike = confidence.then(|| signatures(figures, scorer));
    let mut placed: Vec<(f64, Row)> = groups
        .into_iter()
        .map(|members| {
            let sure = alike.as_ref().map(|sig| confidences(scorer, &members, sig));
            let mut row = row(figures, &column_of, &members, sure);
            let last = &figures[latest(&row, &start)];
            let place = last.index as f64 / counts[last.report] as f64;
            row.indicator = name(&of_report, figures, &members, last);
            (place, row)
        })
        .collect();
    placed.sort_by(|a, b| a.0.total_cmp(&b.0));
    placed.into_iter().map(|(_, r)| r).collect()
}

/// The figure the row is named after (its right-most).
fn latest(row: &Row, start: &[usize]) -> usize {
    let cell = row.cells.iter().rev().flatten().next();
    cell.map_or(0, |c| start[c.report] + c.index)
}

/// A short label its report uses more than once (`办结`, `办结率`) says what it counts
/// only with the sentence's first figure: `12345热线受理群众诉求 / 办结率`.
fn describe(of_report: &[&[Figure]], label: &str, figure: &Figure) -> String {
    if !is_bare(of_report, label, figure) {
        return label.to_string();
    }
    let first = of_report[figure.report]
        .iter()
        .map(|f| f.stat)
        .find(|s| s.measure == figure.stat.measure);
    match first {
        Some(s) if s.id != figure.stat.id => format!("{} / {label}", s.label),
        _ => label.to_string(),
    }
}

/// Whether a label says too little on its own: two chars or fewer (`力量`), or short and
/// used for more than one figure of its report (`办结`).
fn is_bare(of_report: &[&[Figure]], label: &str, figure: &Figure) -> bool {
    let n = label.chars().count();
    let repeated = || {
        let stats = of_report[figure.report].iter();
        stats.filter(|f| f.stat.label == label).count() > 1
    };
    n <= 2 || (n <= BARE_LABEL && repeated())
}

/// The row's name: the latest label that says enough on its own, else the latest label
/// described by its sentence.
fn name(of_report: &[&[Figure]], figures: &[Figure], members: &[usize], last: &Figure) -> String {
    let mut by_column: Vec<&Figure> = members.iter().map(|&f| &figures[f]).collect();
    by_column.sort_by_key(|f| std::cmp::Reverse(f.report));
    let full = std::iter::once(last)
        .chain(by_column)
        .find(|f| !is_bare(of_report, &f.stat.label, f));
    match full {
        Some(f) => f.stat.label.to_string(),
        None => describe(of_report, &last.stat.label, last),
    }
}

/// Labels of this many chars or fewer are described by their sentence.
const BARE_LABEL: usize = 4;

fn row(figures: &[Figure], column_of: &[usize], members: &[usize], sure: Option<Vec<f64>>) -> Row {
    let mut cells = vec![None; column_of.len()];
    let mut latest = members[0];
    let mut latest_column = 0;
    for (i, &f) in members.iter().enumerate() {
        let column = column_of[figures[f].report];
        if column >= latest_column {
            latest_column = column;
            latest = f;
        }
        cells[column] = Some(Cell {
            report: figures[f].report,
            index: figures[f].index,
            confidence: sure.as_ref().map(|s| s[i]),
        });
    }
    Row {
        indicator: figures[latest].stat.label.to_string(),
        unit: figures[latest].stat.unit.to_string(),
        cells,
    }
}

/// Each member's confidence, in `members` order. Paired: the best link to the row's
/// other figures. Alone: 1 less the best candidate it could have had (0 when a
/// look-alike almost took it).
///
/// Figures alike in all the score reads (class, words and weights, no alias rule names
/// them) score alike against any other, so a row's figures are taken a kind at a time:
/// a row of 1,000 copies of one indicator is a few kinds, not 500,000 pairs.
pub(super) fn confidences(scorer: &Scorer, members: &[usize], signature: &[u64]) -> Vec<f64> {
    let figures = scorer.figures;
    let round = |c: f64| (c.clamp(0.0, 1.0) * 100.0).round() / 100.0;
    if members.len() == 1 {
        let f = members[0];
        let best = (0..figures.len())
            .filter(|&g| figures[g].report != figures[f].report)
            .filter_map(|g| scorer.score(f, g))
            .fold(0.0_f64, f64::max);
        return vec![round(1.0 - best)];
    }
    let mut kinds: Vec<Vec<usize>> = Vec::new();
    let mut by_signature: HashMap<u64, Vec<usize>> = HashMap::new();
    let mut kind_of = Vec::with_capacity(members.len());
    for &f in members {
        let found = match scorer.special[f] {
            true => None,
            false => by_signature
                .get(&signature[f])
                .and_then(|ks| ks.iter().copied().find(|&k| alike(scorer, kinds[k][0], f))),
        };
        let k = found.unwrap_or_else(|| {
            kinds.push(Vec::new());
            let k = kinds.len() - 1;
            if !scorer.special[f] {
                by_signature.entry(signature[f]).or_default().push(k);
            }
            k
        });
        kinds[k].push(f);
        kind_of.push(k);
    }
    // Scores are symmetric: each pair of kinds once, for both.
    let mut best = vec![0.0_f64; kinds.len()];
    for (i, kind) in kinds.iter().enumerate() {
        if let [a, b, ..] = kind[..] {
            best[i] = best[i].max(scorer.score(a, b).unwrap_or(0.0));
        }
        for (j, other) in kinds.iter().enumerate().skip(i + 1) {
            if let Some(s) = scorer.score(kind[0], other[0]) {
                best[i] = best[i].max(s);
                best[j] = best[j].max(s);
            }
        }
    }
    // A pin (score PINNED) is as sure as it gets: 1.
    kind_of.iter().map(|&k| round(best[k].min(1.0))).collect()
}

/// Whether `a` and `b` are alike in everything a score reads of them (see `confidences`).
fn alike(scorer: &Scorer, a: usize, b: usize) -> bool {
    let (x, y) = (&scorer.figures[a], &scorer.figures[b]);
    let same = |p: &Bag, q: &Bag| {
        p.total.to_bits() == q.total.to_bits()
            && p.items.len() == q.items.len()
            && p.items
                .iter()
                .zip(&q.items)
                .all(|(i, j)| i.0 == j.0 && i.1.to_bits() == j.1.to_bits())
    };
    scorer.class[a] == scorer.class[b] && same(&x.label, &y.label) && same(&x.context, &y.context)
}

/// A hash of what a score reads of each figure, to find alike figures quickly.
pub(super) fn signatures(figures: &[Figure], scorer: &Scorer) -> Vec<u64> {
    let mut bytes = Vec::new();
    figures
        .iter()
        .enumerate()
        .map(|(f, x)| {
            bytes.clear();
            bytes.extend(scorer.class[f].to_le_bytes());
            for bag in [&x.label, &x.context] {
                bytes.extend(bag.total.to_bits().to_le_bytes());
                for (id, w) in &bag.items {
                    bytes.extend(id.to_le_bytes());
                    bytes.extend(w.to_bits().to_le_bytes());
                }
            }
            xxhash_rust::xxh3::xxh3_64(&bytes)
        })
        .collect()
}
