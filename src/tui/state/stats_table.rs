//! The statistics table's data: every figure of every report with its place, filtered and
//! sorted, and the TSV that `Y` copies.

use super::library::Library;
use super::line_input::LineInput;
use super::tree::{self, NodeKey};
use crate::export::{delimited, Separator};
use crate::model::{format_value, Report, Shared, Short};
use crate::tui::lang::Lang;

#[derive(Debug, Clone, PartialEq)]
pub struct StatRow {
    pub report: usize,
    /// Section id holding the figure, or `"intro"`.
    pub node: String,
    pub id: Short,
    /// `四 › (三)`.
    pub place: String,
    /// The report's short name (`市桥街2020年`) when there are several, else empty; the
    /// filter matches it, so typing a place or year narrows the table to one report.
    pub source: String,
    pub label: Short,
    pub value: f64,
    pub unit: Short,
    /// As printed, with qualifiers: `约143.4万元`.
    pub display: Short,
    pub quote: Shared,
}

/// The table's column names, as its header row shows them and as `Y` copies them.
pub fn column_names(lang: Lang) -> [&'static str; 5] {
    [
        lang.pick("位置", "Place"),
        lang.pick("标签", "Label"),
        lang.pick("数值", "Value"),
        lang.pick("单位", "Unit"),
        lang.pick("原文", "As printed"),
    ]
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Document order, which is also by section.
    #[default]
    Place,
    ValueDown,
    ValueUp,
}

impl Sort {
    pub fn next(self) -> Sort {
        match self {
            Sort::Place => Sort::ValueDown,
            Sort::ValueDown => Sort::ValueUp,
            Sort::ValueUp => Sort::Place,
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Sort::Place => lang.pick("按位置", "by place"),
            Sort::ValueDown => lang.pick("按数值降序", "by value, largest first"),
            Sort::ValueUp => lang.pick("按数值升序", "by value, smallest first"),
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct StatsTable {
    pub rows: Vec<StatRow>,
    pub filter: LineInput,
    /// True while keys go into the filter line.
    pub editing: bool,
    pub sort: Sort,
    /// Indices into `rows` that pass the filter, in display order.
    pub visible: Vec<usize>,
    pub selected: usize,
    pub scroll: usize,
    /// The node the table opened on: only its figures show until `whole` widens it.
    pub scope: Option<NodeKey>,
    /// Every figure shows, whatever the scope.
    pub whole: bool,
    /// The widest cell of each column (place with its report, label, value, unit, as
    /// printed), header included, worked out once: the table sizes its columns to them.
    pub widths: [usize; 5],
    /// The figures the search engine finds for the filter (report, statistic id), so
    /// pinyin and fuzzy words filter as they search with `/`; `None` with no filter.
    pub found: Option<std::collections::HashSet<(usize, Short)>>,
}

/// The figures of report `r` as rows, each placed as `tree::place` places its node.
fn rows_of(r: usize, report: &Report, many: bool, lang: Lang) -> Vec<StatRow> {
    let places = tree::places(report);
    let source = match many {
        true => tree::short_title(report),
        false => String::new(),
    };
    report
        .all_statistics()
        .into_iter()
        .map(|(node, s)| StatRow {
            report: r,
            node: node.to_string(),
            id: s.id.clone(),
            place: match node {
                "intro" => tree::label_of_intro(lang),
                id => places.get(id).cloned().unwrap_or_default(),
            },
            source: source.clone(),
            label: s.label.clone(),
            value: s.value,
            unit: s.unit.clone(),
            display: s.display.clone(),
            quote: s.quote.clone(),
        })
        .collect()
}

/// Whether `row` is a figure of the node `key` (its sub-items included).
pub fn in_scope(row: &StatRow, key: &NodeKey) -> bool {
    match key {
        NodeKey::Report(r) => row.report == *r,
        NodeKey::Intro(r) => row.report == *r && row.node == "intro",
        NodeKey::Section(r, id) => {
            row.report == *r
                && row
                    .node
                    .strip_prefix(id.as_str())
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
        }
        NodeKey::Lead(r, pid) => {
            row.report == *r
                && row
                    .id
                    .strip_prefix(pid.as_str())
                    .is_some_and(|rest| rest.starts_with('.'))
        }
        NodeKey::SignOff(_) => false,
    }
}

impl StatsTable {
    pub fn new(reports: &Library, lang: Lang) -> StatsTable {
        let many = reports.len() > 1;
        // Each report's rows on its own core.
        let rows: Vec<StatRow> = reports
            .map_each(|r, report| rows_of(r, report, many, lang))
            .into_iter()
            .flatten()
            .collect();
        let mut widths = column_names(lang).map(crate::tui::wrap::width);
        for r in &rows {
            let place = match r.source.is_empty() {
                true => r.place.clone(),
                false => format!("{} {}", r.source, r.place),
            };
            let value = format_value(r.value);
            let cells: [&str; 5] = [&place, &r.label, &value, &r.unit, &r.display];
            for (w, cell) in widths.iter_mut().zip(cells) {
                *w = (*w).max(crate::tui::wrap::width(cell));
            }
        }
        let mut table = StatsTable {
            rows,
            widths,
            ..StatsTable::default()
        };
        table.refresh();
        table
    }

    /// Recompute the visible rows after the filter or sort changed; keeps the selection
    /// on the same figure when it is still visible.
    pub fn refresh(&mut self) {
        let was = self.visible.get(self.selected).copied();
        let needle = self.filter.text().to_lowercase();
        let words: Vec<&str> = needle.split_whitespace().collect();
        let scope = self.scope.as_ref().filter(|_| !self.whole);
        self.visible = (0..self.rows.len())
            .filter(|&i| scope.is_none_or(|k| in_scope(&self.rows[i], k)))
            .filter(|&i| {
                let r = &self.rows[i];
                if self
                    .found
                    .as_ref()
                    .is_some_and(|f| f.contains(&(r.report, r.id.clone())))
                {
                    return true;
                }
                // Places and report names are not in the engine's text: matched here.
                let fields = [&*r.source, &*r.place, &*r.label, &*r.display, &*r.quote];
                let hay = fields.join(" ").to_lowercase();
                words.iter().all(|w| hay.contains(w))
            })
            .collect();
        let rows = &self.rows;
        match self.sort {
            Sort::Place => {}
            Sort::ValueDown => self
                .visible
                .sort_by(|&a, &b| rows[b].value.total_cmp(&rows[a].value)),
            Sort::ValueUp => self
                .visible
                .sort_by(|&a, &b| rows[a].value.total_cmp(&rows[b].value)),
        }
        self.selected = was
            .and_then(|w| self.visible.iter().position(|&i| i == w))
            .unwrap_or(0);
    }

    /// Open on the figures of `key`, the figure `at` (a statistic id) selected if given;
    /// a node without figures opens the whole table.
    pub fn open_on(&mut self, key: &NodeKey, at: Option<&str>) {
        self.scope = Some(key.clone());
        self.whole = !self.rows.iter().any(|r| in_scope(r, key));
        self.selected = 0;
        self.scroll = 0;
        self.visible.clear();
        self.refresh();
        if let Some(p) = at.and_then(|id| self.visible.iter().position(|&i| self.rows[i].id == id))
        {
            self.selected = p;
        }
    }

    /// The figures of `key` alone as TSV, as the detail pane's figures table lists them.
    pub fn node_tsv(&self, reports: &Library, lang: Lang, key: &NodeKey) -> String {
        let rows: Vec<usize> = (0..self.rows.len())
            .filter(|&i| in_scope(&self.rows[i], key))
            .collect();
        self.rows_tsv(reports, lang, &rows)
    }

    pub fn selected_row(&self) -> Option<&StatRow> {
        self.visible.get(self.selected).map(|&i| &self.rows[i])
    }

    /// The visible rows as tab-separated values with a header row, for a spreadsheet;
    /// written by the same writer as `stats --format tsv`.
    pub fn tsv(&self, reports: &Library, lang: Lang) -> String {
        self.rows_tsv(reports, lang, &self.visible)
    }

    fn rows_tsv(&self, reports: &Library, lang: Lang, rows: &[usize]) -> String {
        let mut header = vec![lang.pick("报告", "Report")];
        header.extend(column_names(lang));
        let body: Vec<Vec<String>> = rows
            .iter()
            .map(|&i| {
                let r = &self.rows[i];
                let title = reports.get(r.report).map_or("", |rep| rep.title.as_str());
                vec![
                    title.to_string(),
                    r.place.clone(),
                    r.label.to_string(),
                    format_value(r.value),
                    r.unit.to_string(),
                    r.display.to_string(),
                ]
            })
            .collect();
        delimited(&header, &body, Separator::Tab, &[column_names(lang)[2]])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embedded;
    use crate::tui::state::line_input::Edit;

    fn table() -> (Library, StatsTable) {
        let reports = Library::new(vec![embedded::report().unwrap()]);
        let t = StatsTable::new(&reports, Lang::Zh);
        (reports, t)
    }

    #[test]
    fn filter_keeps_matching_rows_and_sort_orders_by_value() {
        let (_, mut t) = table();
        let all = t.visible.len();
        assert_eq!(all, t.rows.len());
        t.filter.apply(&Edit::Insert("执法".into()));
        t.refresh();
        assert!(t.visible.len() < all && !t.visible.is_empty());
        t.sort = Sort::ValueDown;
        t.refresh();
        let values: Vec<f64> = t.visible.iter().map(|&i| t.rows[i].value).collect();
        assert!(values.windows(2).all(|w| w[0] >= w[1]), "{values:?}");
    }

    #[test]
    fn tsv_has_a_header_and_one_line_per_visible_row() {
        let (reports, mut t) = table();
        t.filter.apply(&Edit::Insert("执法记录仪".into()));
        t.refresh();
        let tsv = t.tsv(&reports, Lang::Zh);
        let lines: Vec<&str> = tsv.lines().collect();
        assert_eq!(lines[0], "报告\t位置\t标签\t数值\t单位\t原文");
        assert_eq!(
            lines[1],
            "市桥街2020年法治政府建设工作报告\t四 › (三)\t执法记录仪等执法设备\t44\t台\t44台"
        );
        assert_eq!(lines.len(), 2);
    }
}
