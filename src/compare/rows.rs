//! From pairs to rows: pairs join figures into groups (never two figures of one report,
//! never two that must stay apart), and each group becomes a row with one cell a column.

use super::features::Figure;
use super::pairing::Scorer;
use super::{Cell, Row};
use crate::model::Report;

/// Join figures along `edges` (best first). Returns the groups, each in figure order;
/// every figure is in exactly one group.
pub fn merge(scorer: &Scorer, count: usize, edges: &[(usize, usize, f64)]) -> Vec<Vec<usize>> {
    let mut group: Vec<usize> = (0..count).collect();
    let mut members: Vec<Vec<usize>> = (0..count).map(|f| vec![f]).collect();
    let figures = scorer.figures;
    for &(a, b, _) in edges {
        let (ga, gb) = (group[a], group[b]);
        if ga == gb {
            continue;
        }
        let clash = members[ga].iter().any(|&x| {
            members[gb]
                .iter()
                .any(|&y| figures[x].report == figures[y].report || scorer.gate(x, y).is_none())
        });
        if clash {
            continue;
        }
        let moved = std::mem::take(&mut members[gb]);
        for &f in &moved {
            group[f] = ga;
        }
        members[ga].extend(moved);
    }
    members
        .into_iter()
        .filter(|m| !m.is_empty())
        .map(|mut m| {
            m.sort_unstable();
            m
        })
        .collect()
}

/// Rows in reading order: by where each row's right-most figure stands in its report
/// (as a fraction of the report), so the latest report's order holds and dropped
/// indicators fall in where they stood.
pub fn build(
    reports: &[Report],
    figures: &[Figure],
    scorer: &Scorer,
    columns: &[usize],
    groups: Vec<Vec<usize>>,
) -> Vec<Row> {
    let counts: Vec<usize> = (0..reports.len())
        .map(|r| figures.iter().filter(|f| f.report == r).count().max(1))
        .collect();
    let mut placed: Vec<(f64, Row)> = groups
        .into_iter()
        .map(|members| {
            let mut row = row(figures, scorer, columns, &members);
            let last = &figures[latest(&row, figures)];
            let place = last.index as f64 / counts[last.report] as f64;
            row.indicator = name(reports, figures, &members, last);
            (place, row)
        })
        .collect();
    placed.sort_by(|a, b| a.0.total_cmp(&b.0));
    placed.into_iter().map(|(_, r)| r).collect()
}

/// The figure the row is named after (its right-most).
fn latest<'f>(row: &Row, figures: &'f [Figure<'f>]) -> usize {
    let cell = row.cells.iter().rev().flatten().next();
    cell.and_then(|c| {
        figures
            .iter()
            .position(|f| f.report == c.report && f.index == c.index)
    })
    .unwrap_or(0)
}

/// A short label its report uses more than once (`办结`, `办结率`) says what it counts
/// only with the sentence's first figure: `12345热线受理群众诉求 / 办结率`.
fn describe(reports: &[Report], label: &str, figure: &Figure) -> String {
    if !is_bare(reports, label, figure) {
        return label.to_string();
    }
    let stats = reports[figure.report].all_statistics();
    let first = stats
        .into_iter()
        .map(|(_, s)| s)
        .find(|s| s.measure == figure.stat.measure);
    match first {
        Some(s) if s.id != figure.stat.id => format!("{} / {label}", s.label),
        _ => label.to_string(),
    }
}

/// Whether a label says too little on its own: two chars or fewer (`力量`), or short and
/// used for more than one figure of its report (`办结`).
fn is_bare(reports: &[Report], label: &str, figure: &Figure) -> bool {
    let n = label.chars().count();
    let repeated = || {
        let stats = reports[figure.report].all_statistics();
        stats.iter().filter(|(_, s)| s.label == label).count() > 1
    };
    n <= 2 || (n <= BARE_LABEL && repeated())
}

/// The row's name: the latest label that says enough on its own, else the latest label
/// described by its sentence.
fn name(reports: &[Report], figures: &[Figure], members: &[usize], last: &Figure) -> String {
    let mut by_column: Vec<&Figure> = members.iter().map(|&f| &figures[f]).collect();
    by_column.sort_by_key(|f| std::cmp::Reverse(f.report));
    let full = std::iter::once(last)
        .chain(by_column)
        .find(|f| !is_bare(reports, &f.stat.label, f));
    match full {
        Some(f) => f.stat.label.to_string(),
        None => describe(reports, &last.stat.label, last),
    }
}

/// Labels of this many chars or fewer are described by their sentence.
const BARE_LABEL: usize = 4;

fn row(figures: &[Figure], scorer: &Scorer, columns: &[usize], members: &[usize]) -> Row {
    let mut cells = vec![None; columns.len()];
    let mut latest = members[0];
    let mut latest_column = 0;
    for &f in members {
        let column = columns
            .iter()
            .position(|&c| c == figures[f].report)
            .unwrap_or(0);
        if column >= latest_column {
            latest_column = column;
            latest = f;
        }
        cells[column] = Some(Cell {
            report: figures[f].report,
            index: figures[f].index,
            confidence: confidence(figures, scorer, members, f),
        });
    }
    Row {
        indicator: figures[latest].stat.label.to_string(),
        unit: figures[latest].stat.unit.to_string(),
        cells,
    }
}

/// Paired: the best link to the row's other figures. Alone: 1 less the best candidate
/// it could have had (0 when a look-alike almost took it).
fn confidence(figures: &[Figure], scorer: &Scorer, members: &[usize], f: usize) -> f64 {
    let best = |candidates: &mut dyn Iterator<Item = usize>| {
        candidates
            .filter_map(|g| scorer.score(f, g))
            .fold(0.0_f64, f64::max)
    };
    let c = if members.len() > 1 {
        // A pin (score PINNED) is as sure as it gets: 1.
        best(&mut members.iter().copied().filter(|&g| g != f)).min(1.0)
    } else {
        1.0 - best(&mut (0..figures.len()).filter(|&g| figures[g].report != figures[f].report))
    };
    (c.clamp(0.0, 1.0) * 100.0).round() / 100.0
}
