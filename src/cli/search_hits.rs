//! The `search` command: one hit a line (or a JSON array), best first; exit 0 with hits,
//! 1 with none (like grep), 2 on bad input, with a one-line error.

use crate::search::{corpus, Hit, Index, Item, Kind, Query};
use serde::Serialize;
use std::io::{IsTerminal, Write};

/// Most synthetic reports `--corpus` makes in memory (about 230 KB each).
const MAX_CORPUS: usize = 10_000;

#[derive(clap::Args, Debug, Clone)]
pub struct SearchArgs {
    /// Words that must all match, in any order: hanzi (fuzzy), pinyin (`zhifajiluyi`,
    /// `zfjly`), figures (`718`, `86.4`). `'word` for an exact substring. A leading `#`
    /// keeps statistics, `>` measures, `@` sections.
    // `required` shows `<QUERY>` in the usage; a required argument in conflict with one
    // given may be left out, so the benchmarks' hidden `--print-items` runs without it.
    #[arg(required = true, conflicts_with = "print_items")]
    pub query: Option<String>,
    /// Only hits of this kind: section, measure or statistic.
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
    /// Print at most N hits.
    #[arg(long, value_name = "N")]
    pub limit: Option<String>,
    /// Print a JSON array of hits, with each statistic's label, value, unit and display.
    #[arg(long)]
    pub json: bool,
    /// For benchmarks: search N synthetic reports made from the embedded one.
    #[arg(long, hide = true, value_name = "N")]
    pub corpus: Option<usize>,
    /// For benchmarks: print every searchable text, one a line (fzf's input), and exit.
    #[arg(long, hide = true)]
    pub print_items: bool,
    #[command(flatten)]
    pub open: super::ReportArgs,
}

/// Run the command; errors are reported here, as one line, so the exit code is all that
/// is returned.
pub fn run(args: SearchArgs, reports: Vec<crate::Report>) -> i32 {
    match search(&args, reports) {
        Ok(code) => code,
        Err(message) => {
            super::say(&message);
            2
        }
    }
}

fn search(args: &SearchArgs, reports: Vec<crate::Report>) -> Result<i32, String> {
    let kind = args
        .kind
        .as_deref()
        .map(str::parse::<Kind>)
        .transpose()
        .map_err(|e| e.to_string())?;
    let limit = match args.limit.as_deref().map(str::parse::<usize>) {
        None => usize::MAX,
        Some(Ok(n)) if n > 0 => n,
        Some(_) => {
            return Err(format!(
                "--limit wants a whole number of at least 1, not {:?}",
                args.limit.as_deref().unwrap_or_default()
            ))
        }
    };
    let query = match &args.query {
        Some(q) => Some(Query::parse(q).map_err(|e| e.to_string())?),
        None => None,
    };
    if let Some(n) = args.corpus.filter(|n| *n > MAX_CORPUS) {
        return Err(format!(
            "--corpus takes at most {MAX_CORPUS} reports, not {n}"
        ));
    }
    let reports = match (args.corpus, reports.first()) {
        (Some(n), Some(base)) => corpus::generate(base, n),
        _ => reports,
    };
    let index = Index::build(&reports);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = match query.filter(|_| !args.print_items) {
        None => print_items(&mut out, &index),
        Some(query) => {
            let query = match kind {
                Some(k) => query.with_kind(Some(k)),
                None => query,
            };
            let hits = index.search(&query);
            let shown = &hits[..hits.len().min(limit)];
            let result = match args.json {
                true => print_json(&mut out, &index, &reports, shown),
                false => print_text(
                    &mut out,
                    &index,
                    shown,
                    (reports.len() > 1).then_some(&reports),
                ),
            };
            result.map(|()| if hits.is_empty() { 1 } else { 0 })
        }
    };
    // The process ends next: freeing a corpus's worth of strings one by one would take
    // ~40 ms of it for nothing, so the memory goes back to the system with the process.
    std::mem::forget(index);
    std::mem::forget(reports);
    match written.and_then(|code| out.flush().map(|()| code)) {
        Ok(code) => Ok(code),
        // A reader that stops early (`| head`) is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(0),
        Err(e) => Err(format!("writing the hits: {e}")),
    }
}

fn print_items(out: &mut impl Write, index: &Index) -> std::io::Result<i32> {
    for item in index.items() {
        writeln!(out, "{}", item.text)?;
    }
    Ok(0)
}

/// `[report]  place  kind  text`: the report's title (padded by display width) only when
/// several are open; matched characters marked only when stdout is a terminal.
fn print_text(
    out: &mut impl Write,
    index: &Index,
    hits: &[Hit],
    many: Option<&[crate::Report]>,
) -> std::io::Result<()> {
    use unicode_width::UnicodeWidthStr;
    let title = |item: &Item| many.map_or("", |r| r[item.report].title.as_str());
    let title_width = hits
        .iter()
        .map(|h| title(&index.items()[h.item]).width())
        .max()
        .unwrap_or(0);
    let width = hits
        .iter()
        .map(|h| index.items()[h.item].id.len())
        .max()
        .unwrap_or(0);
    let mark = std::io::stdout().is_terminal().then(|| {
        match std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
            true => "\x1b[1;4m",
            false => "\x1b[1;31m",
        }
    });
    for hit in hits {
        let item = &index.items()[hit.item];
        let kind = item.kind.name();
        if many.is_some() {
            let t = title(item);
            write!(out, "{t}{}  ", " ".repeat(title_width - t.width()))?;
        }
        write!(out, "{:width$}  {kind:9}  ", item.id)?;
        match mark {
            Some(on) => write_marked(out, &item.text, &hit.indices, on)?,
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
    item: &'a Item,
    score: i64,
    exact: bool,
    indices: &'a [usize],
}

fn print_json(
    out: &mut impl Write,
    index: &Index,
    reports: &[crate::Report],
    hits: &[Hit],
) -> std::io::Result<()> {
    let ids: Vec<crate::identity::Identity> =
        reports.iter().map(crate::identity::Identity::of).collect();
    let hits: Vec<JsonHit> = hits
        .iter()
        .map(|h| JsonHit {
            report: &reports[index.items()[h.item].report].title,
            place: &ids[index.items()[h.item].report].place,
            year: ids[index.items()[h.item].report].year,
            item: &index.items()[h.item],
            score: h.score,
            exact: h.exact,
            indices: &h.indices,
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
