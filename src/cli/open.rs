//! Opening the reports a command works on: `--report` paths, or the embedded report.
//! Failures are printed as they are found, one line each; the rest still open.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::load::Loaded;

/// With no paths, the embedded report. Otherwise every report the paths hold, each
/// failure printed as one line (the errors are returned too, already printed); an error
/// only when none of them opened.
pub fn open(paths: &[PathBuf]) -> Result<Loaded> {
    reported(open_quietly(paths, &progress(usize::MAX))?)
}

/// `open`, with the reports of files and folders taken from the models cache when it has
/// them (and saved there when not), unless `no_cache`: `outline`, `stats` and `compare`
/// over a folder then skip importing it.
pub fn open_cached(paths: &[PathBuf], no_cache: bool) -> Result<Loaded> {
    let dir = cacheable(paths, no_cache).then(crate::cache::dir).flatten();
    let Some(dir) = dir else {
        return open(paths);
    };
    let (files, expand_errors) = crate::load::expand(paths);
    let progress = progress(files.len());
    let mut loaded = crate::cache::reports::without_index(&dir, paths, &files, &progress);
    loaded.errors.splice(0..0, expand_errors);
    reported(loaded)
}

/// Print the warnings and errors of what opened; an error when nothing did.
fn reported(mut opened: Loaded) -> Result<Loaded> {
    say_failures(
        &opened.warnings,
        &mut opened.errors,
        opened.reports.is_empty(),
    )?;
    Ok(opened)
}

/// As `open` for files and folders (not the embedded report), streamed: what `keep`
/// makes of each report on the thread that imported it goes to `take`, in order (see
/// `load::load_each`). How many opened and how many failed.
pub fn open_each<T: Send>(
    paths: &[PathBuf],
    keep: &(dyn Fn(crate::model::Report) -> T + Sync),
    take: &mut dyn FnMut(T),
) -> Result<crate::load::Outcome> {
    let mut opened = crate::load::load_each(paths, &progress(usize::MAX), keep, take);
    say_failures(&opened.warnings, &mut opened.errors, opened.opened == 0)?;
    Ok(opened)
}

/// Print the warnings and the errors, one line each; an error when nothing opened (the
/// one file's own error when a single file failed).
fn say_failures(warnings: &[String], errors: &mut Vec<Error>, none: bool) -> Result<()> {
    for w in warnings {
        super::say(w);
    }
    // Nothing opened because of one file: its error is the one line.
    if none && errors.len() == 1 {
        return Err(errors.remove(0));
    }
    for e in errors.iter() {
        super::say(e);
    }
    if none {
        return Err(Error::NothingOpened);
    }
    Ok(())
}

/// The reports and the errors, printing nothing: the browser shows progress in its own
/// screen and prints the errors once the terminal is restored.
pub fn open_quietly(paths: &[PathBuf], progress: &(dyn Fn(usize, usize) + Sync)) -> Result<Loaded> {
    if paths.is_empty() {
        return Ok(Loaded {
            reports: vec![crate::embedded::report()?],
            ..Loaded::default()
        });
    }
    let files: Vec<PathBuf> = paths
        .iter()
        .filter(|p| p.as_os_str() != EMBEDDED)
        .cloned()
        .collect();
    let mut loaded = crate::load::load(&files, progress);
    // `--report @embedded` opens the built-in report beside files: first when named
    // first, else after them.
    if let Some(at) = paths.iter().position(|p| p.as_os_str() == EMBEDDED) {
        let index = if at == 0 { 0 } else { loaded.reports.len() };
        loaded.reports.insert(index, crate::embedded::report()?);
    }
    Ok(loaded)
}

/// A progress callback that draws a bar on stderr when it is a terminal and there are
/// more than 20 files (`usize::MAX`: not known yet, decided by the callback's total).
pub fn progress(files: usize) -> impl Fn(usize, usize) + Sync {
    let show = std::io::stderr().is_terminal() && files > 20;
    move |done, total| {
        if show && total > 20 {
            progress_bar(done, total);
        }
    }
}

/// Whether the index over `paths` goes through the cache: files and folders only (the
/// embedded report is indexed in a millisecond), unless `--no-cache`.
pub fn cacheable(paths: &[PathBuf], no_cache: bool) -> bool {
    !no_cache && !paths.is_empty() && paths.iter().all(|p| p.as_os_str() != EMBEDDED)
}

/// The `--report` value that names the embedded report.
pub const EMBEDDED: &str = "@embedded";

/// `[#########           ] 450/1000` on stderr, cleared when done. ASCII only, so it
/// lines up in every terminal.
fn progress_bar(done: usize, total: usize) {
    const WIDTH: usize = 30;
    let filled = done * WIDTH / total.max(1);
    let mut err = std::io::stderr().lock();
    let _ = if done == total {
        write!(err, "\r{}\r", " ".repeat(WIDTH + 24))
    } else {
        write!(
            err,
            "\r[{}{}] {done}/{total}",
            "#".repeat(filled),
            " ".repeat(WIDTH - filled)
        )
    };
    let _ = err.flush();
}

/// For the browser: the reports and their search index, each from the cache when it has
/// a valid entry for the files (else imported or built here and saved, so the next start
/// finds them). With both entries warm, nothing is imported.
#[cfg(feature = "tui")]
pub fn open_for_browser(
    paths: &[PathBuf],
    no_cache: bool,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<crate::cache::reports::Browsed> {
    let dir = cacheable(paths, no_cache).then(crate::cache::dir).flatten();
    let Some(dir) = dir else {
        return open_quietly(paths, progress).map(Into::into);
    };
    let (files, expand_errors) = crate::load::expand(paths);
    let mut loaded = crate::cache::reports::for_browser(&dir, paths, &files, progress);
    loaded.errors.splice(0..0, expand_errors);
    Ok(loaded)
}
