//! An alignment of reports as text: an aligned table, TSV, CSV, Markdown or JSON, with
//! the change between neighbouring columns. Shared by `report-tui compare` and the
//! browser's copy of the matrix, so a pasted matrix matches the command.

use serde_json::{json, Value};

use super::delimited::{delimited, Separator};
use super::table::{value_json, StatFormat};
use crate::compare::{Alignment, Change, Row};
use crate::identity::Identity;
use crate::model::{format_value, Report, Statistic};

/// The statistics of one row, one per column, resolved once.
pub struct Line<'a> {
    pub row: &'a Row,
    pub stats: Vec<Option<(&'a str, &'a Statistic)>>,
}

impl<'a> Line<'a> {
    /// The row's statistics, from `listed` (`statistics(reports)`).
    pub fn new(listed: &[Vec<(&'a str, &'a Statistic)>], row: &'a Row) -> Line<'a> {
        let stats = row
            .cells
            .iter()
            .map(|c| {
                let c = c.as_ref()?;
                listed.get(c.report)?.get(c.index).copied()
            })
            .collect();
        Line { row, stats }
    }

    /// The change from each column to the next, where both have the figure.
    pub fn changes(&self) -> Vec<Option<Change>> {
        self.stats
            .windows(2)
            .map(|w| match (w[0], w[1]) {
                (Some((_, a)), Some((_, b))) => Some(Change::between(a, b, &self.row.unit)),
                _ => None,
            })
            .collect()
    }

    /// Two of its figures differ (after scaling units).
    pub fn changed(&self) -> bool {
        let values: Vec<f64> = self
            .stats
            .iter()
            .flatten()
            .map(|(_, s)| crate::compare::unit_match::base_value(s))
            .collect();
        values.iter().any(|v| *v != values[0])
    }
}

/// Every report's statistics with their node ids, listed once for all the lines: a
/// listing per cell walked a report's sections for each of 380,000 cells over 10,000
/// reports.
pub fn statistics(reports: &[Report]) -> Vec<Vec<(&str, &Statistic)>> {
    reports.iter().map(Report::all_statistics).collect()
}

/// The column names: `市桥街 2020`.
pub fn column_names(reports: &[Report], alignment: &Alignment) -> Vec<String> {
    alignment
        .columns
        .iter()
        .map(|&r| Identity::of(&reports[r]).name(&reports[r]))
        .collect()
}

/// Render the lines in `format`.
pub fn render(
    reports: &[Report],
    alignment: &Alignment,
    lines: &[Line],
    format: StatFormat,
) -> String {
    let names = column_names(reports, alignment);
    match format {
        StatFormat::Json => {
            serde_json::to_string_pretty(&to_json(reports, alignment, lines)).unwrap_or_default()
                + "\n"
        }
        StatFormat::Tsv => spreadsheet(&names, lines, Separator::Tab),
        StatFormat::Csv => spreadsheet(&names, lines, Separator::Comma),
        StatFormat::Md => markdown(&names, lines),
        StatFormat::Table => aligned(&names, lines),
    }
}

/// Header and cells for reading: indicator, unit, then each report's figure, each
/// followed by the change from the column before it (`+42 (+5.8%)`, `+1.2pp`).
fn readable(names: &[String], lines: &[Line]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut header = vec!["indicator".to_string(), "unit".to_string()];
    for (i, n) in names.iter().enumerate() {
        header.push(n.clone());
        if i > 0 {
            header.push(format!("Δ {n}"));
        }
    }
    let body = lines
        .iter()
        .map(|l| {
            let mut cells = vec![l.row.indicator.clone(), l.row.unit.clone()];
            let changes = l.changes();
            for (i, s) in l.stats.iter().enumerate() {
                cells.push(s.map(|(_, s)| s.display.to_string()).unwrap_or_default());
                if i > 0 {
                    cells.push(changes[i - 1].map(|c| c.display()).unwrap_or_default());
                }
            }
            cells
        })
        .collect();
    (header, body)
}

/// For spreadsheets the changes are numbers: `Δ` (in the row's unit, or percentage
/// points for rates) and `Δ%`, so they sort and sum; figures stay as printed, and text
/// cells are made formula-safe by the shared writer.
fn spreadsheet(names: &[String], lines: &[Line], separator: Separator) -> String {
    let mut header = vec!["indicator".to_string(), "unit".to_string()];
    let mut numbers = Vec::new();
    for (i, n) in names.iter().enumerate() {
        header.push(n.clone());
        if i > 0 {
            numbers.push(format!("Δ {n}"));
            numbers.push(format!("Δ% {n}"));
            header.extend(numbers[numbers.len() - 2..].iter().cloned());
        }
    }
    let body: Vec<Vec<String>> = lines
        .iter()
        .map(|l| {
            let mut cells = vec![l.row.indicator.clone(), l.row.unit.clone()];
            let changes = l.changes();
            for (i, s) in l.stats.iter().enumerate() {
                cells.push(s.map(|(_, s)| s.display.to_string()).unwrap_or_default());
                if i > 0 {
                    let (delta, percent) = match changes[i - 1] {
                        Some(Change::Level { delta, percent }) => (
                            format_value(delta),
                            percent.map(format_value).unwrap_or_default(),
                        ),
                        Some(Change::Rate { points }) => (format_value(points), String::new()),
                        None => (String::new(), String::new()),
                    };
                    cells.push(delta);
                    cells.push(percent);
                }
            }
            cells
        })
        .collect();
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let numbers: Vec<&str> = numbers.iter().map(String::as_str).collect();
    delimited(&header, &body, separator, &numbers)
}

fn markdown(names: &[String], lines: &[Line]) -> String {
    let (header, body) = readable(names, lines);
    let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
    let mut out = format!(
        "| {} |\n",
        header
            .iter()
            .map(|h| cell(h))
            .collect::<Vec<_>>()
            .join(" | ")
    );
    out.push_str(&format!("|{}\n", "---|".repeat(header.len())));
    for row in body {
        let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out
}

/// Columns padded by display width (hanzi are two cells); numbers right-aligned.
fn aligned(names: &[String], lines: &[Line]) -> String {
    let (header, body) = readable(names, lines);
    // `Δ` is ambiguous-width: two cells in East Asian terminals, which would shift the
    // columns; the terminal table says `+/-`.
    let header: Vec<String> = header.iter().map(|h| h.replacen("Δ ", "+/- ", 1)).collect();
    let rows: Vec<Vec<&str>> = std::iter::once(&header)
        .chain(&body)
        .map(|r| r.iter().map(String::as_str).collect())
        .collect();
    // Indicator and unit read left to right; the figures and changes line up on the right.
    super::columns::padded(&rows, 2)
}

/// The JSON of the issue: `reports` in column order, `rows` with one cell per report
/// (`null` where it has no such figure) and the changes between neighbouring columns.
pub fn to_json(reports: &[Report], alignment: &Alignment, lines: &[Line]) -> Value {
    let names = column_names(reports, alignment);
    let report_list: Vec<Value> = alignment
        .columns
        .iter()
        .zip(&names)
        .map(|(&r, name)| {
            let id = Identity::of(&reports[r]);
            json!({"title": reports[r].title, "place": id.place, "year": id.year,
                   "name": name, "date": reports[r].date})
        })
        .collect();
    let rows: Vec<Value> = lines
        .iter()
        .map(|l| {
            let cells: Vec<Value> = l
                .stats
                .iter()
                .zip(&l.row.cells)
                .map(|(s, c)| match (s, c) {
                    (Some((node, s)), Some(c)) => json!({
                        "id": s.id, "value": value_json(s.value), "display": s.display,
                        "quote": s.quote, "confidence": c.confidence, "label": s.label,
                        "unit": s.unit, "node": node,
                    }),
                    _ => Value::Null,
                })
                .collect();
            let changes: Vec<Value> = l.changes().iter().map(change_json).collect();
            json!({"indicator": l.row.indicator, "unit": l.row.unit, "cells": cells,
                   "changes": changes})
        })
        .collect();
    json!({"reports": report_list, "rows": rows})
}

fn change_json(c: &Option<Change>) -> Value {
    match c {
        None => Value::Null,
        Some(Change::Level { delta, percent }) => {
            json!({"delta": value_json(*delta), "percent": percent, "display": c.map(|c| c.display())})
        }
        Some(Change::Rate { points }) => {
            json!({"points": value_json(*points), "display": c.map(|c| c.display())})
        }
    }
}
