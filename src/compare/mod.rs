//! Lining up the same indicator across reports (years, places): every statistic of the
//! open reports goes into exactly one row, each row holds at most one statistic per
//! report, and each cell says how sure the pairing is.
//!
//! Figures pair on what they count (label words with synonyms, unit after scaling,
//! headings and sentence), never on their numbers; words that change meaning (新增/累计,
//! 受理/办结, 应/实际) keep figures apart. See `assets/compare-words.txt`.

pub mod aliases;
pub mod change;
mod cutting;
#[cfg(test)]
mod differential;
mod features;
mod merge;
mod mix;
mod pairing;
pub mod unit_match;
pub mod words;

use crate::identity::Identity;
use crate::model::{Report, Statistic};

pub use aliases::Aliases;
pub use change::Change;

/// One statistic in a row.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// Index of the report in the slice given to `align`.
    pub report: usize,
    /// Position of the statistic in `report.all_statistics()`.
    pub index: usize,
    /// How sure the pairing is, 0–1: for a paired figure, its best link to the row's
    /// others (1 when pinned); for a figure alone, 1 less its best rejected candidate.
    /// `None` when the alignment was made without it (`align_rows`).
    pub confidence: Option<f64>,
}

/// One indicator across the reports.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The label of its latest figure (right-most column).
    pub indicator: String,
    /// The unit of that figure; changes are given in it.
    pub unit: String,
    /// One per column, `None` where the report has no such figure.
    pub cells: Vec<Option<Cell>>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Alignment {
    /// Report indices in column order: by place, then year.
    pub columns: Vec<usize>,
    pub rows: Vec<Row>,
}

impl Alignment {
    /// The statistic (with its node id) a cell stands for.
    pub fn stat<'r>(reports: &'r [Report], cell: &Cell) -> Option<(&'r str, &'r Statistic)> {
        reports
            .get(cell.report)?
            .all_statistics()
            .get(cell.index)
            .copied()
    }
}

/// Up to this many reports, every pair of them is compared.
const ALL_PAIRS: usize = 16;
/// Beyond that, each report is compared with this many columns to its right.
const REACH: usize = 4;

/// Column order: place, then year, then title (reports without a year last in place).
pub fn column_order(reports: &[Report]) -> Vec<usize> {
    let ids: Vec<Identity> = reports.iter().map(Identity::of).collect();
    let mut order: Vec<usize> = (0..reports.len()).collect();
    order.sort_by(|&a, &b| {
        let key = |i: usize| {
            (
                &ids[i].place,
                ids[i].year.unwrap_or(i32::MAX),
                &reports[i].title,
            )
        };
        key(a).cmp(&key(b))
    });
    order
}

/// Group the statistics of `reports` into indicators, each cell with its confidence.
pub fn align(reports: &[Report], aliases: &Aliases) -> Alignment {
    aligned(reports, aliases, true)
}

/// As `align`, without the cells' confidence (`None`): finding it compares each figure
/// of a row with the row's others, and only the JSON output shows it.
pub fn align_rows(reports: &[Report], aliases: &Aliases) -> Alignment {
    aligned(reports, aliases, false)
}

fn aligned(reports: &[Report], aliases: &Aliases, confidence: bool) -> Alignment {
    let words = words::Words::builtin();
    let figures = features::figures(reports, &words);
    let scorer = pairing::Scorer::new(&words, &figures, reports, aliases);
    let columns = column_order(reports);
    let edges = edges(&scorer, reports.len(), &columns);
    let groups = merge::merge(&scorer, figures.len(), &edges);
    let rows = rows::build(reports, &figures, &scorer, &columns, groups, confidence);
    Alignment { columns, rows }
}

/// The pairs the assignments make, best first.
fn edges(scorer: &pairing::Scorer, reports: usize, columns: &[usize]) -> Vec<(usize, usize, f64)> {
    let figures = scorer.figures;
    let mut by_report: Vec<Vec<usize>> = vec![Vec::new(); reports];
    for (f, figure) in figures.iter().enumerate() {
        if let Some(of) = by_report.get_mut(figure.report) {
            of.push(f);
        }
    }
    // Each report's column, looked up in the sort below (a search of the columns per
    // comparison was a tenth of aligning 1,000 reports).
    let mut column_of = vec![0; reports];
    for (at, &r) in columns.iter().enumerate() {
        column_of[r] = at;
    }
    let position = |r: usize| column_of.get(r).copied().unwrap_or(0);
    // Every pair of reports, so an indicator can skip a year (2020 and 2022 only); past
    // ALL_PAIRS reports, each with the next REACH columns only, since one assignment per
    // pair grows with the square of the reports (1,000 reports: 500,000 assignments).
    let reach = if columns.len() <= ALL_PAIRS {
        columns.len()
    } else {
        REACH
    };
    let mut pairs = Vec::new();
    for (i, &p) in columns.iter().enumerate() {
        for &q in columns.iter().skip(i + 1).take(reach) {
            pairs.push((p, q));
        }
    }
    // Each assignment is its own work: on every core, the pairs kept in this order.
    let assigned = crate::parallel::map(&pairs, |_, &(p, q)| {
        scorer.assign(&by_report[p], &by_report[q])
    });
    let mut edges: Vec<(usize, usize, f64)> = assigned.into_iter().flatten().collect();
    // Best pairs first; of equal ones, the nearer columns (the next year before the
    // one after), since an indicator is most alike to its neighbour.
    edges.sort_by(|x, y| {
        let gap = |e: &(usize, usize, f64)| {
            position(figures[e.0].report).abs_diff(position(figures[e.1].report))
        };
        y.2.total_cmp(&x.2).then(gap(x).cmp(&gap(y)))
    });
    edges
}

mod rows;

/// Every pair of statistics of two different reports with how alike the alignment
/// scores them (`None`: never paired), each statistic as (report index, position in
/// `all_statistics()`). For tuning and for explaining a pairing.
#[allow(clippy::type_complexity)]
pub fn all_scores(reports: &[Report]) -> Vec<((usize, usize), (usize, usize), Option<f64>)> {
    let words = words::Words::builtin();
    let figures = features::figures(reports, &words);
    let scorer = pairing::Scorer::new(&words, &figures, reports, &Aliases::default());
    let mut out = Vec::new();
    for (a, x) in figures.iter().enumerate() {
        for (b, y) in figures.iter().enumerate().skip(a + 1) {
            if x.report != y.report {
                out.push(((x.report, x.index), (y.report, y.index), scorer.score(a, b)));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Past ALL_PAIRS reports each is compared with its next few columns only; a
    /// synthetic series (same labels, other places, years and figures) still lines up
    /// whole, every statistic in one row.
    #[test]
    fn many_reports_line_up_through_their_neighbours() {
        let base = crate::embedded::report().unwrap();
        let reports = crate::search::corpus::generate(&base, ALL_PAIRS + 4);
        let alignment = align(&reports, &Aliases::default());
        let cells: usize = alignment
            .rows
            .iter()
            .map(|r| r.cells.iter().flatten().count())
            .sum();
        let stats: usize = reports.iter().map(|r| r.all_statistics().len()).sum();
        assert_eq!(cells, stats, "every statistic in exactly one row");
        assert_eq!(alignment.rows.len(), base.all_statistics().len());
    }
}
