//! The `search` command: one hit a line (or a JSON array), best first; exit 0 with hits,
//! 1 with none (like grep), 2 on bad input, with a one-line error.

use super::open;
use super::print_hits::{print_items, print_json, print_text, rows};
use crate::search::{corpus, Index, Kind, Parts, PartsBuilder, Query, ReportItems};
use std::io::Write;
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
) -> Result<(Searched, usize), String> {
    let cache_dir = (super::open::cacheable(paths, no_cache) && args.corpus.is_none())
        .then(crate::cache::dir)
        .flatten();
    if paths.is_empty() && args.corpus.is_none() {
        // The embedded report's index was built with the binary.
        let index = Index::embedded().map_err(|e| e.to_string())?;
        return Ok((Searched::One(Box::new(index)), 0));
    }
    let files_only = !paths.is_empty() && paths.iter().all(|p| p.as_os_str() != open::EMBEDDED);
    if files_only && args.corpus.is_none() {
        // An index is built while importing, with or without the cache (whose warm path
        // allocates little either way).
        heap_steps_small();
    }
    if cache_dir.is_none() && files_only && args.corpus.is_none() {
        // Each report's items are made and joined onto an index part on the thread that
        // imported it, and its model freed there.
        let parts = PartsBuilder::default();
        let keep = |r: crate::model::Report| parts.add(ReportItems::of(&r));
        let mut order = Vec::new();
        let opened = open::open_each(paths, &keep, &mut |placed| order.push(placed))
            .map_err(|e| e.to_string())?;
        let parts = parts.finish(&order);
        if parts.lost() > 0 {
            let lost = crate::Error::NotIndexed(parts.lost());
            super::say(&lost);
        }
        let failed = opened.errors.len() + parts.lost();
        return Ok((Searched::Parts(parts), failed));
    }
    let Some(dir) = cache_dir else {
        let opened = super::open::open(paths).map_err(|e| e.to_string())?;
        let reports = match (args.corpus, opened.reports.first()) {
            (Some(n), Some(base)) => corpus::generate(base, n),
            _ => opened.reports,
        };
        let index = Index::build_owned(reports);
        return Ok((Searched::One(Box::new(index)), opened.errors.len()));
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
    Ok((Searched::One(Box::new(index)), failed.len()))
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
    let (searched, failed) = open_index(args, paths, no_cache)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = match query.filter(|_| !args.print_items) {
        None => print_items(&mut out, &searched),
        Some(query) => {
            let query = match kind {
                Some(k) => query.with_kind(Some(k)),
                None => query,
            };
            let (hits, part_hits) = match &searched {
                Searched::One(index) => (index.search(&query), Vec::new()),
                Searched::Parts(parts) => (Vec::new(), parts.search(&query)),
            };
            let found = hits.len() + part_hits.len();
            let shown = rows(
                &searched,
                &hits[..hits.len().min(limit)],
                &part_hits[..part_hits.len().min(limit)],
            );
            let result = match args.json {
                true => print_json(&mut out, &shown),
                false => print_text(&mut out, &shown, searched.report_count()),
            };
            drop(shown);
            // Freeing every hit's highlight is work for nothing, as below.
            std::mem::forget((hits, part_hits));
            result.map(|()| match (failed, found) {
                (1.., _) => 2,
                (0, 0) => 1,
                (0, _) => 0,
            })
        }
    };
    // The process ends next: unmapping or freeing the index is work for nothing.
    std::mem::forget(searched);
    match written.and_then(|code| out.flush().map(|()| code)) {
        Ok(code) => Ok(code),
        // A reader that stops early (`| head`) is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(0),
        Err(e) => Err(format!("writing the hits: {e}")),
    }
}

/// What a search runs over: one index (built, mapped from the cache or embedded), or an
/// index in parts, joined on the threads that imported the reports (`--no-cache`).
pub(super) enum Searched {
    One(Box<Index>),
    Parts(Parts),
}

impl Searched {
    pub(super) fn report_count(&self) -> usize {
        match self {
            Searched::One(index) => index.report_count(),
            Searched::Parts(parts) => parts.report_count(),
        }
    }
}
