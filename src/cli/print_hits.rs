//! Printing `search`'s answer: hits as text lines or a JSON array, or every searchable
//! text (fzf's input, for the benchmarks), from one index or an index in parts alike.

use super::search_hits::Searched;
use crate::search::{Hit, Index, Item, PartHit};
use serde::Serialize;
use std::io::{IsTerminal, Write};

/// A hit with what a line or a JSON object shows of it.
pub(super) struct Row<'a> {
    /// The report's number among all open reports.
    report: usize,
    title: &'a str,
    place: &'a str,
    year: Option<i32>,
    item: Item<'a>,
    hit: &'a Hit,
}

/// A report's title, place and year, as rows show them.
type Named<'a> = (&'a str, &'a str, Option<i32>);

/// The rows of `hits` (a `Searched::One`'s) or `part_hits` (a `Searched::Parts`'s). Each
/// report's title, place and year are read once: each read checks its bytes are UTF-8,
/// and 10,000 reports can give 20,000 hits (a fifth of a warm search was such reads).
pub(super) fn rows<'a>(
    searched: &'a Searched,
    hits: &'a [Hit],
    part_hits: &'a [PartHit],
) -> Vec<Row<'a>> {
    let mut named: Vec<Option<Named<'a>>> = vec![None; searched.report_count()];
    let mut row = |report: usize, index: &'a Index, item: Item<'a>, hit: &'a Hit| {
        let local = item.report;
        let read = || {
            let title = index.report_title(local);
            (title, index.report_place(local), index.report_year(local))
        };
        let (title, place, year) = match named.get_mut(report) {
            Some(slot) => *slot.get_or_insert_with(read),
            None => read(),
        };
        Row {
            report,
            title,
            place,
            year,
            item,
            hit,
        }
    };
    match searched {
        Searched::One(index) => hits
            .iter()
            .map(|hit| {
                let item = index.item(hit.item);
                row(item.report, index, item, hit)
            })
            .collect(),
        Searched::Parts(parts) => part_hits
            .iter()
            .map(|PartHit { part, hit }| {
                let index = parts.part(*part);
                let item = index.item(hit.item);
                row(parts.report_of(*part, &item), index, item, hit)
            })
            .collect(),
    }
}

/// Every searchable text, one a line, in document order.
pub(super) fn print_items(out: &mut impl Write, searched: &Searched) -> std::io::Result<i32> {
    match searched {
        Searched::One(index) => {
            for item in index.items() {
                writeln!(out, "{}", item.text)?;
            }
        }
        Searched::Parts(parts) => {
            for (part, i) in parts.items_in_order() {
                writeln!(out, "{}", parts.part(part).item(i).text)?;
            }
        }
    }
    Ok(0)
}

/// `[report]  place  kind  text`: the report's title (padded by display width) only when
/// several are open; matched characters marked only when stdout is a terminal.
pub(super) fn print_text<'a>(
    out: &mut impl Write,
    rows: &[Row<'a>],
    reports: usize,
) -> std::io::Result<()> {
    use unicode_width::UnicodeWidthStr;
    let many = reports > 1;
    let title = |row: &Row<'a>| -> &'a str {
        match many {
            true => row.title,
            false => "",
        }
    };
    // Each title is measured once: 10,000 reports can give tens of thousands of hits.
    let mut widths: Vec<Option<usize>> = vec![None; reports];
    let mut title_width = 0;
    for row in rows {
        if let Some(known @ None) = widths.get_mut(row.report) {
            let w = title(row).width();
            title_width = title_width.max(w);
            *known = Some(w);
        }
    }
    let width = rows.iter().map(|r| r.item.id.len()).max().unwrap_or(0);
    let mark = std::io::stdout().is_terminal().then(|| {
        match std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
            true => "\x1b[1;4m",
            false => "\x1b[1;31m",
        }
    });
    for row in rows {
        let item = &row.item;
        let kind = item.kind.name();
        if many {
            let pad = title_width - widths[row.report].unwrap_or(title_width);
            write!(out, "{}{}  ", title(row), " ".repeat(pad))?;
        }
        write!(out, "{:width$}  {kind:9}  ", item.id)?;
        match mark {
            Some(on) => write_marked(out, item.text, &row.hit.indices, on)?,
            None => out.write_all(item.text.as_bytes())?,
        }
        writeln!(out)?;
    }
    Ok(())
}

fn write_marked(
    out: &mut impl Write,
    text: &str,
    indices: &[usize],
    on: &str,
) -> std::io::Result<()> {
    let mut next = indices.iter().peekable();
    let mut marking = false;
    for (i, c) in text.chars().enumerate() {
        let matched = next.next_if_eq(&&i).is_some();
        match (matched, marking) {
            (true, false) => out.write_all(on.as_bytes())?,
            (false, true) => out.write_all(b"\x1b[0m")?,
            _ => {}
        }
        marking = matched;
        write!(out, "{c}")?;
    }
    if marking {
        out.write_all(b"\x1b[0m")?;
    }
    Ok(())
}

#[derive(Serialize)]
struct JsonHit<'a> {
    /// The report's title.
    report: &'a str,
    place: &'a str,
    year: Option<i32>,
    #[serde(flatten)]
    item: Item<'a>,
    score: i64,
    exact: bool,
    indices: &'a [usize],
}

pub(super) fn print_json(out: &mut impl Write, rows: &[Row]) -> std::io::Result<()> {
    let hits: Vec<JsonHit> = rows
        .iter()
        .map(|r| JsonHit {
            report: r.title,
            place: r.place,
            year: r.year,
            item: r.item,
            score: r.hit.score,
            exact: r.hit.exact,
            indices: &r.hit.indices,
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &hits)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_only_the_matched_characters() {
        let mut out = Vec::new();
        write_marked(&mut out, "执法记录仪44台", &[2, 3, 5, 7], "<").unwrap();
        let marked = String::from_utf8(out).unwrap();
        assert_eq!(marked, "执法<记录\x1b[0m仪<4\x1b[0m4<台\x1b[0m");
    }
}
