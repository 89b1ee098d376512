//! Opening the reports a command works on: `--report` paths, or the embedded report.
//! Failures are printed as they are found, one line each; the rest still open.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::model::Report;

pub struct Opened {
    pub reports: Vec<Report>,
    /// How many files could not be opened (each already reported on stderr).
    pub failed: usize,
}

/// With no paths, the embedded report. Otherwise every report the paths hold; an error
/// only when none of them opened.
pub fn open(paths: &[PathBuf]) -> Result<Opened> {
    if paths.is_empty() {
        return Ok(Opened {
            reports: vec![crate::embedded::report()?],
            failed: 0,
        });
    }
    let show_progress = std::io::stderr().is_terminal();
    let loaded = crate::load::load(paths, &|done, total| {
        if show_progress && total > 20 {
            progress_bar(done, total);
        }
    });
    for e in &loaded.errors {
        eprintln!("report-tui: {e}");
    }
    if loaded.reports.is_empty() {
        return Err(Error::NothingOpened);
    }
    Ok(Opened {
        reports: loaded.reports,
        failed: loaded.errors.len(),
    })
}

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
