//! The comparison screen's data: every indicator across the open reports (from
//! `compare::align`, worked out once, when the screen first opens), filtered like the
//! statistics table, sorted by change, and the TSV that `Y` copies.

use std::sync::{Arc, Mutex};

use super::library::Library;
use super::line_input::LineInput;
use crate::compare::{self, Aliases, Change};
use crate::export::comparison::{column_names, statistics, Line};
use crate::export::{delimited, Separator};
use crate::model::{Report, Short, Statistic};
use crate::tui::lang::Lang;

/// One figure of a row, as the screen needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct CellView {
    pub report: usize,
    pub node: String,
    pub id: Short,
    pub display: Short,
    /// In the base unit, for the chart.
    pub base: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CompareRow {
    pub indicator: String,
    pub unit: String,
    /// One per column.
    pub cells: Vec<Option<CellView>>,
    /// From each column to the next.
    pub changes: Vec<Option<Change>>,
}

impl CompareRow {
    /// The latest change, for sorting: the right-most one there is.
    pub fn last_change(&self) -> Option<f64> {
        self.changes
            .iter()
            .rev()
            .flatten()
            .next()
            .map(Change::magnitude)
    }

    /// The row has the figure of this report at this id.
    pub fn holds(&self, report: usize, id: &str) -> bool {
        self.cells
            .iter()
            .flatten()
            .any(|c| c.report == report && c.id == id)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CompareSort {
    /// Reading order of the latest report.
    #[default]
    Place,
    /// Largest latest change first.
    ChangeDown,
    ChangeUp,
}

impl CompareSort {
    pub fn next(self) -> CompareSort {
        match self {
            CompareSort::Place => CompareSort::ChangeDown,
            CompareSort::ChangeDown => CompareSort::ChangeUp,
            CompareSort::ChangeUp => CompareSort::Place,
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            CompareSort::Place => lang.pick("按位置", "by place"),
            CompareSort::ChangeDown => lang.pick("按变化降序", "by change, largest first"),
            CompareSort::ChangeUp => lang.pick("按变化升序", "by change, smallest first"),
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct CompareView {
    /// Column names (`清河街道 2021`), in column order.
    pub names: Vec<String>,
    pub rows: Vec<CompareRow>,
    /// Whether `rows` have been worked out (on first opening).
    pub ready: bool,
    pub filter: LineInput,
    pub editing: bool,
    pub sort: CompareSort,
    /// Indices into `rows`, in display order.
    pub visible: Vec<usize>,
    pub selected: usize,
    pub scroll: usize,
    /// The selected column: what Enter opens and `y` copies.
    pub column: usize,
    /// `c` on a figure: only that indicator's row.
    pub only: Option<usize>,
    /// The rows being worked out on a thread of their own (many reports), put here when
    /// done; `poll` takes them.
    pub pending: Option<Arc<Mutex<Option<Aligned>>>>,
    /// A figure whose indicator to show once the rows arrive: (report, statistic id).
    pub wanted: Option<(usize, String)>,
}

/// Column names and rows.
pub type Aligned = (Vec<String>, Vec<CompareRow>);

/// Over this many reports the rows are lined up on a thread of their own while the
/// screen says so: 1,000 reports take about a second and a half of CPU, 10,000 tens of
/// seconds, and the keys must keep answering meanwhile.
pub const IN_BACKGROUND: usize = 100;

/// Every indicator across `reports` as the screen shows it.
fn aligned(reports: &[Report]) -> Aligned {
    // The screen shows no confidence: rows only (see `compare::align_rows`).
    let alignment = compare::align_rows(reports, &Aliases::default());
    let names = column_names(reports, &alignment);
    let listed = statistics(reports);
    let rows = alignment
        .rows
        .iter()
        .map(|row| to_row(&listed, row))
        .collect();
    (names, rows)
}

impl CompareView {
    /// Align the reports (once); later calls keep the work done.
    pub fn prepare(&mut self, reports: &[Report]) {
        if self.ready {
            return;
        }
        self.arrive(aligned(reports));
    }

    /// Align the reports once: here for a few, on a thread of their own past
    /// IN_BACKGROUND (`poll` takes the rows when they are done).
    pub fn start(&mut self, library: &Arc<Library>) {
        if self.ready || self.pending.is_some() {
            return;
        }
        if library.len() <= IN_BACKGROUND {
            self.prepare(library.all());
            return;
        }
        self.start_on_thread(library);
    }

    /// Align the reports on a thread of their own; `poll` takes the rows.
    pub fn start_on_thread(&mut self, library: &Arc<Library>) {
        let slot = Arc::new(Mutex::new(None));
        let (reports, done) = (Arc::clone(library), Arc::clone(&slot));
        let spawned = std::thread::Builder::new().spawn(move || {
            let rows = aligned(reports.all());
            if let Ok(mut done) = done.lock() {
                *done = Some(rows);
            }
        });
        match spawned {
            Ok(_) => self.pending = Some(slot),
            // No thread to be had: the work is done here, as for a few reports.
            Err(_) => self.prepare(library.all()),
        }
    }

    /// Whether the rows being lined up on their thread arrived just now.
    pub fn poll(&mut self) -> bool {
        let arrived = match &self.pending {
            Some(slot) => slot.lock().ok().and_then(|mut s| s.take()),
            None => None,
        };
        match arrived {
            Some(rows) => {
                self.pending = None;
                self.arrive(rows);
                true
            }
            None => false,
        }
    }

    fn arrive(&mut self, (names, rows): Aligned) {
        self.names = names;
        self.rows = rows;
        self.ready = true;
        self.refresh();
    }

    /// Recompute the visible rows after the filter, sort or `only` changed.
    pub fn refresh(&mut self) {
        let needle = self.filter.text().to_lowercase();
        let words: Vec<&str> = needle.split_whitespace().collect();
        self.visible = (0..self.rows.len())
            .filter(|&i| self.only.is_none_or(|o| o == i))
            .filter(|&i| {
                let r = &self.rows[i];
                let mut hay = format!("{} {}", r.indicator, r.unit);
                for (c, name) in r.cells.iter().zip(&self.names) {
                    if let Some(c) = c {
                        hay.push_str(&format!(" {name} {}", c.display));
                    }
                }
                let hay = hay.to_lowercase();
                words.iter().all(|w| hay.contains(w))
            })
            .collect();
        let rows = &self.rows;
        let key = |i: &usize| rows[*i].last_change();
        match self.sort {
            CompareSort::Place => {}
            CompareSort::ChangeDown => self.visible.sort_by(|a, b| {
                let (x, y) = (key(a), key(b));
                y.unwrap_or(f64::MIN).total_cmp(&x.unwrap_or(f64::MIN))
            }),
            CompareSort::ChangeUp => self.visible.sort_by(|a, b| {
                let (x, y) = (key(a), key(b));
                x.unwrap_or(f64::MAX).total_cmp(&y.unwrap_or(f64::MAX))
            }),
        }
        self.selected = self.selected.min(self.visible.len().saturating_sub(1));
        self.column = self.column.min(self.names.len().saturating_sub(1));
    }

    pub fn selected_row(&self) -> Option<&CompareRow> {
        self.visible.get(self.selected).map(|&i| &self.rows[i])
    }

    /// The selected row's figure in the selected column.
    pub fn selected_cell(&self) -> Option<&CellView> {
        self.selected_row()?.cells.get(self.column)?.as_ref()
    }

    /// The visible rows as TSV: a header naming the reports, figures as printed, and the
    /// change into each column after the first.
    pub fn tsv(&self, lang: Lang) -> String {
        let mut header = vec![
            lang.pick("指标", "Indicator").to_string(),
            lang.pick("单位", "Unit").to_string(),
        ];
        for (i, n) in self.names.iter().enumerate() {
            header.push(n.clone());
            if i > 0 {
                header.push(format!("Δ {n}"));
            }
        }
        let body: Vec<Vec<String>> = self
            .visible
            .iter()
            .map(|&i| {
                let r = &self.rows[i];
                let mut line = vec![r.indicator.clone(), r.unit.clone()];
                for (c, cell) in r.cells.iter().enumerate() {
                    line.push(
                        cell.as_ref()
                            .map(|c| c.display.to_string())
                            .unwrap_or_default(),
                    );
                    if c > 0 {
                        let change = r.changes.get(c - 1).copied().flatten();
                        line.push(change.map(|ch| ch.display()).unwrap_or_default());
                    }
                }
                line
            })
            .collect();
        let header: Vec<&str> = header.iter().map(String::as_str).collect();
        delimited(&header, &body, Separator::Tab, &[])
    }
}

fn to_row(listed: &[Vec<(&str, &Statistic)>], row: &compare::Row) -> CompareRow {
    let line = Line::new(listed, row);
    let cells = line
        .stats
        .iter()
        .zip(&row.cells)
        .map(|(stat, cell)| {
            let ((node, s), c) = (stat.as_ref()?, cell.as_ref()?);
            Some(CellView {
                report: c.report,
                node: node.to_string(),
                id: s.id.clone(),
                display: s.display.clone(),
                base: compare::unit_match::base_value(s),
            })
        })
        .collect();
    CompareRow {
        indicator: row.indicator.clone(),
        unit: row.unit.clone(),
        cells,
        changes: line.changes(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view() -> CompareView {
        let mut two = crate::embedded::report().unwrap();
        two.title = "市桥街2021年法治政府建设工作报告".into();
        two.date = None;
        let reports = vec![crate::embedded::report().unwrap(), two];
        let mut v = CompareView::default();
        v.prepare(&reports);
        v
    }

    #[test]
    fn two_copies_pair_every_figure_and_copy_as_tsv() {
        let v = view();
        assert_eq!(v.names, ["市桥街 2020", "市桥街 2021"]);
        assert!(v.rows.iter().all(|r| r.cells.iter().all(Option::is_some)));
        let tsv = v.tsv(Lang::En);
        assert!(tsv.starts_with("Indicator\tUnit\t市桥街 2020\t市桥街 2021\tΔ 市桥街 2021\n"));
        assert_eq!(tsv.lines().count(), v.rows.len() + 1);
    }

    #[test]
    fn rows_lined_up_on_a_thread_are_those_lined_up_here() {
        let here = view();
        let mut two = crate::embedded::report().unwrap();
        two.title = "市桥街2021年法治政府建设工作报告".into();
        two.date = None;
        let library = Arc::new(Library::new(vec![crate::embedded::report().unwrap(), two]));
        let mut v = CompareView::default();
        v.start_on_thread(&library);
        assert!(
            !v.ready && v.pending.is_some(),
            "not ready before the thread is done"
        );
        let waited = std::time::Instant::now();
        while !v.poll() {
            assert!(waited.elapsed().as_secs() < 60, "the thread never finished");
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert!(v.ready && v.pending.is_none());
        assert_eq!((&v.names, &v.rows), (&here.names, &here.rows));
        assert_eq!(v.visible, here.visible);
        assert!(!v.poll(), "taken once");
    }

    #[test]
    fn the_filter_narrows_and_only_keeps_one_row() {
        let mut v = view();
        v.filter = LineInput::default();
        v.filter.apply(&crate::tui::state::line_input::Edit::Insert(
            "法律咨询".into(),
        ));
        v.refresh();
        assert_eq!(v.visible.len(), 1);
        v.filter = LineInput::default();
        v.only = Some(3);
        v.refresh();
        assert_eq!(v.visible, [3]);
    }
}
