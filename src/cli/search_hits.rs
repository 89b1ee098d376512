//! The `search` command: one hit a line (or a JSON array), best first; exit 0 with hits,
//! 1 with none (like grep), 2 on bad input, with a one-line error.

use super::open;
use crate::search::{corpus, Hit, Index, IndexBuilder, Item, Kind, Query, ReportItems};
use serde::Serialize;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

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

/// Run the command over the reports at `paths` (the embedded one when empty), using the
/// index cache unless `no_cache`; errors are reported here, as one line, so the exit code
/// is all that is returned.
pub fn run(args: SearchArgs, paths: &[PathBuf], no_cache: bool) -> i32 {
    match search(&args, paths, no_cache) {
        Ok(code) => code,
        Err(message) => {
            super::say(&message);
            2
        }
    }
}

/// The index to search, and how many files failed to open (each already reported).
fn open_index(
    args: &SearchArgs,
    paths: &[PathBuf],
    no_cache: bool,
) -> Result<(Index, usize), String> {
    let cache_dir = (super::open::cacheable(paths, no_cache) && args.corpus.is_none())
        .then(crate::cache::dir)
        .flatten();
    if paths.is_empty() && args.corpus.is_none() {
        // The embedded report's index was built with the binary.
        return Ok((Index::embedded().map_err(|e| e.to_string())?, 0));
    }
    let files_only = !paths.is_empty() && paths.iter().all(|p| p.as_os_str() != open::EMBEDDED);
    if files_only && args.corpus.is_none() {
        // An index is built while importing, with or without the cache (whose warm path
        // allocates little either way).
        heap_steps_small();
    }
    if cache_dir.is_none() && files_only && args.corpus.is_none() {
        // Items are made as each report is imported and its model freed there.
        let mut index = IndexBuilder::default();
        let keep = |r: crate::model::Report| ReportItems::of(&r);
        let opened = open::open_each(paths, &keep, &mut |items| index.add(items))
            .map_err(|e| e.to_string())?;
        return Ok((index.finish(), opened.errors.len()));
    }
    let Some(dir) = cache_dir else {
        let opened = super::open::open(paths).map_err(|e| e.to_string())?;
        let reports = match (args.corpus, opened.reports.first()) {
            (Some(n), Some(base)) => corpus::generate(base, n),
            _ => opened.reports,
        };
        let index = Index::build_owned(reports);
        return Ok((index, opened.errors.len()));
    };
    let (files, mut errors) = crate::load::expand(paths);
    let progress = super::open::progress(files.len());
    let (index, failed) = match crate::cache::open(&dir, paths, &files, &progress) {
        crate::cache::Opened::Cached(entry) => {
            entry.warnings.iter().for_each(|w| super::say(w));
            let mut lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
            lines.extend(entry.errors);
            (entry.index, lines)
        }
        crate::cache::Opened::Built { index, loaded } => {
            loaded.warnings.iter().for_each(|w| super::say(w));
            errors.extend(loaded.errors);
            (index, errors.iter().map(ToString::to_string).collect())
        }
    };
    // As `open::open`: when nothing opened because of one file, its error is the one line.
    if index.report_count() == 0 && failed.len() == 1 {
        return Err(failed.concat());
    }
    failed.iter().for_each(|e| super::say(e));
    if index.report_count() == 0 {
        return Err(crate::Error::NothingOpened.to_string());
    }
    Ok((index, failed.len()))
}

/// Back to glibc's default top pad for the index built while importing: `main`'s 64 MB
/// steps (fewer `mprotect` calls reading the models cache) keep up to 64 MB a heap of what
/// this build frees resident. Peak RSS of `search --no-cache` over 1,000 reports: 138-139
/// MB with them, 78-80 MB without (docs/BENCHMARKS.md, "Import without the cache").
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn heap_steps_small() {
    // SAFETY: sets one of the allocator's tunables, which mallopt does under its lock.
    unsafe {
        libc::mallopt(libc::M_TOP_PAD, 0);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn heap_steps_small() {}

fn search(args: &SearchArgs, paths: &[PathBuf], no_cache: bool) -> Result<i32, String> {
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
    let (index, failed) = open_index(args, paths, no_cache)?;
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
                true => print_json(&mut out, &index, shown),
                false => print_text(&mut out, &index, shown),
            };
            result.map(|()| match (failed, hits.is_empty()) {
                (1.., _) => 2,
                (0, true) => 1,
                (0, false) => 0,
            })
        }
    };
    // The process ends next: unmapping or freeing the index is work for nothing.
    std::mem::forget(index);
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
fn print_text(out: &mut impl Write, index: &Index, hits: &[Hit]) -> std::io::Result<()> {
    use unicode_width::UnicodeWidthStr;
    let many = index.report_count() > 1;
    let title = |item: &Item| match many {
        true => index.report_title(item.report),
        false => "",
    };
    // Each item is looked up once: 10,000 reports can give tens of thousands of hits.
    let items: Vec<Item> = hits.iter().map(|h| index.item(h.item)).collect();
    let mut widths: Vec<Option<usize>> = vec![None; index.report_count()];
    let mut title_width = 0;
    for item in &items {
        if let Some(known @ None) = widths.get_mut(item.report) {
            let w = title(item).width();
            title_width = title_width.max(w);
            *known = Some(w);
        }
    }
    let width = items.iter().map(|i| i.id.len()).max().unwrap_or(0);
    let mark = std::io::stdout().is_terminal().then(|| {
        match std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
            true => "\x1b[1;4m",
            false => "\x1b[1;31m",
        }
    });
    for (hit, item) in hits.iter().zip(items) {
        let kind = item.kind.name();
        if many {
            let t = title(&item);
            let pad = title_width - widths[item.report].unwrap_or(title_width);
            write!(out, "{t}{}  ", " ".repeat(pad))?;
        }
        write!(out, "{:width$}  {kind:9}  ", item.id)?;
        match mark {
            Some(on) => write_marked(out, item.text, &hit.indices, on)?,
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

fn print_json(out: &mut impl Write, index: &Index, hits: &[Hit]) -> std::io::Result<()> {
    let hits: Vec<JsonHit> = hits
        .iter()
        .map(|h| JsonHit {
            report: index.report_title(index.item(h.item).report),
            place: index.report_place(index.item(h.item).report),
            year: index.report_year(index.item(h.item).report),
            item: index.item(h.item),
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
