//! Statistics as rows, and those rows as an aligned table, TSV, CSV, Markdown or JSON.

use super::delimited::{delimited, Separator};
use crate::identity::Identity;
use crate::model::{format_value, whole, Report, Statistic};
use serde_json::{json, Value};

/// One statistic with its place, across any number of reports.
#[derive(Debug, Clone, Copy)]
pub struct StatRow<'a> {
    pub report: &'a Report,
    /// Id of the section or sub-item that holds it (`"1.4"`, `"intro"`).
    pub node: &'a str,
    pub stat: &'a Statistic,
}

impl StatRow<'_> {
    /// Top-level section id (`"1.4"` → `"1"`).
    pub fn section(&self) -> &str {
        self.node.split('.').next().unwrap_or(self.node)
    }
}

/// How `stats` prints its rows. The command line offers these by `name`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatFormat {
    Table,
    Tsv,
    Csv,
    Md,
    Json,
}

impl StatFormat {
    pub const ALL: [StatFormat; 5] = [
        StatFormat::Table,
        StatFormat::Tsv,
        StatFormat::Csv,
        StatFormat::Md,
        StatFormat::Json,
    ];

    /// The name `--format` takes.
    pub fn name(self) -> &'static str {
        match self {
            StatFormat::Table => "table",
            StatFormat::Tsv => "tsv",
            StatFormat::Csv => "csv",
            StatFormat::Md => "md",
            StatFormat::Json => "json",
        }
    }
}

/// Every statistic, in document order, of the node `section` (and its sub-items) or of all.
pub fn stat_rows<'a>(reports: &'a [Report], section: Option<&str>) -> Vec<StatRow<'a>> {
    let within = |node: &str| match section {
        None => true,
        Some(id) => node == id || node.starts_with(&format!("{id}.")),
    };
    reports
        .iter()
        .flat_map(|r| {
            r.all_statistics()
                .into_iter()
                .filter(|(node, _)| within(node))
                .map(move |(node, stat)| StatRow {
                    report: r,
                    node,
                    stat,
                })
        })
        .collect()
}

/// The typed-figure columns come last, so scripts that read the first nine by position
/// keep working.
const HEADER: [&str; 14] = [
    "id",
    "node",
    "section",
    "label",
    "value",
    "unit",
    "display",
    "approx",
    "quote",
    "qualifier",
    "bound",
    "base_value",
    "base_unit",
    "change",
];

/// `approx`, `up`: the words the JSON uses.
fn word<T: serde::Serialize>(v: &Option<T>) -> String {
    match v.as_ref().map(serde_json::to_value) {
        Some(Ok(Value::String(s))) => s,
        _ => String::new(),
    }
}

fn fields(row: &StatRow) -> [String; 14] {
    let s = row.stat;
    [
        s.id.to_string(),
        row.node.to_string(),
        row.section().to_string(),
        s.label.to_string(),
        format_value(s.value),
        s.unit.to_string(),
        s.display.to_string(),
        s.approx.to_string(),
        s.quote.to_string(),
        s.qualifier.as_deref().unwrap_or_default().to_string(),
        word(&s.bound),
        s.base
            .as_ref()
            .map(|b| format_value(b.value))
            .unwrap_or_default(),
        s.base
            .as_ref()
            .map(|b| b.unit.to_string())
            .unwrap_or_default(),
        word(&s.change),
    ]
}

/// Render rows. With more than one report open, every format gains a `report` column.
pub fn stats(rows: &[StatRow], format: StatFormat, with_report: bool) -> String {
    let mut header: Vec<&str> = HEADER.to_vec();
    let mut body: Vec<Vec<String>> = rows.iter().map(|r| fields(r).to_vec()).collect();
    if with_report {
        // `report` leads (the title); `place` and `year` come last so the columns
        // scripts already read keep their positions.
        header.insert(0, "report");
        header.extend(["place", "year"]);
        for (line, row) in body.iter_mut().zip(rows) {
            let id = Identity::of(row.report);
            line.insert(0, row.report.title.clone());
            line.push(id.place);
            line.push(id.year.map(|y| y.to_string()).unwrap_or_default());
        }
    }
    match format {
        StatFormat::Json => {
            let items: Vec<Value> = rows.iter().map(row_json).collect();
            serde_json::to_string_pretty(&items).unwrap_or_default() + "\n"
        }
        StatFormat::Tsv => delimited(&header, &body, Separator::Tab, &["value"]),
        StatFormat::Csv => delimited(&header, &body, Separator::Comma, &["value"]),
        StatFormat::Md => markdown(&header, &body),
        StatFormat::Table => aligned(&header, &body),
    }
}

fn row_json(row: &StatRow) -> Value {
    let s = row.stat;
    let id = Identity::of(row.report);
    json!({
        "report": row.report.title, "place": id.place, "year": id.year, "id": s.id, "node": row.node, "section": row.section(),
        "label": s.label, "value": value_json(s.value), "unit": s.unit, "display": s.display,
        "approx": s.approx, "quote": s.quote, "qualifier": s.qualifier, "bound": s.bound,
        "base": s.base.as_ref().map(|b| json!({"value": value_json(b.value), "unit": b.unit})),
        "change": s.change,
    })
}

/// Whole numbers as JSON integers (`718`), others as decimals (`143.4`).
pub(crate) fn value_json(v: f64) -> Value {
    match whole(v) {
        Some(n) => json!(n),
        None => json!(v),
    }
}

fn markdown(header: &[&str], body: &[Vec<String>]) -> String {
    let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
    let mut out = format!("| {} |\n", header.join(" | "));
    out.push_str(&format!("|{}\n", "---|".repeat(header.len())));
    for row in body {
        let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out
}

/// Columns padded by display width (hanzi are two cells), for reading in a terminal.
/// Shows the columns a reader needs; `--format tsv` has them all.
fn aligned(header: &[&str], body: &[Vec<String>]) -> String {
    let keep: Vec<usize> = header
        .iter()
        .enumerate()
        .filter(|(_, h)| matches!(**h, "report" | "id" | "label" | "display" | "quote"))
        .map(|(i, _)| i)
        .collect();
    let rows: Vec<Vec<&str>> = std::iter::once(keep.iter().map(|&i| header[i]).collect())
        .chain(
            body.iter()
                .map(|row| keep.iter().map(|&i| row[i].as_str()).collect()),
        )
        .collect();
    super::columns::padded(&rows, usize::MAX)
}
