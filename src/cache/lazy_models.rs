//! The models entry read on demand: the browser opens it checked up to its records and
//! decodes a report when something first needs its content.
//!
//! Decoding all 10,000 reports of a warm start took ~630 ms of CPU (most of it the kernel
//! handing out pages for ~700 MB of `Report`s) before the first frame, which shows a few
//! of them. Every record is checked against its hash when the entry opens, as a whole
//! entry would be, unless a run noted that it passed with the status it has now
//! (`verified`); and again when it is decoded, so damage done after the start (the file
//! written in place) is met then: the report gives one clear error, and the entry is
//! removed so the next start imports the files and writes it again.

use super::key::{entry_name, Fingerprint};
use super::models::{self, Mapped};
use crate::error::Error;
use crate::model::{Outline, Report};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

pub struct LazyModels {
    entry: Mapped,
    path: PathBuf,
    /// Whether the entry was found damaged (and removed) already.
    removed: AtomicBool,
}

impl LazyModels {
    /// The models entry for the files `args` name, if it is keyed by exactly `key`, with
    /// the errors and warnings the files gave when it was written. A hit renews its time.
    pub fn open(dir: &Path, args: &[PathBuf], key: &Fingerprint) -> Option<LazyModels> {
        let path = dir.join(models::name(&entry_name(args)));
        let models = LazyModels::at(&path, key)?;
        super::renew(&path);
        Some(models)
    }

    /// The entry at `path`, as `open` (without renewing it).
    pub fn at(path: &Path, key: &Fingerprint) -> Option<LazyModels> {
        let entry = models::map(path, key, false)?;
        if !super::verified::is_noted(path, &entry.meta, entry.hash) {
            let all: &[u8] = &entry.map;
            let whole = crate::parallel::map(&entry.rows, |_, &(at, len, hash)| {
                let record = at.checked_add(len).and_then(|end| all.get(at..end));
                record.is_some_and(|r| xxhash_rust::xxh3::xxh3_64(r) == hash)
            });
            if !whole.into_iter().all(|ok| ok) {
                return None;
            }
            super::verified::note(path, &entry.meta, entry.hash);
        }
        Some(LazyModels {
            entry,
            path: path.to_path_buf(),
            removed: AtomicBool::new(false),
        })
    }

    pub fn len(&self) -> usize {
        self.entry.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entry.rows.is_empty()
    }

    /// One message per file that did not open when the entry was written.
    pub fn errors(&self) -> &[String] {
        &self.entry.errors
    }

    /// One line per file that opened with a caveat.
    pub fn warnings(&self) -> &[String] {
        &self.entry.warnings
    }

    /// Report `r`'s outline, read with the entry (no record decoded).
    pub fn outline(&self, r: usize) -> Option<&Outline> {
        self.entry.outlines.get(r)
    }

    /// Report `r`, decoded now. A record that fails its hash or does not decode gives an
    /// error naming the entry, which is removed (once) so the next start rebuilds it.
    pub fn report(&self, r: usize) -> Result<Report, Error> {
        let row = self.entry.rows.get(r).copied();
        if let Some(report) = row.and_then(|row| models::record(&self.entry.map, row)) {
            return Ok(report);
        }
        if !self.removed.swap(true, Ordering::SeqCst) {
            // Unlinking leaves this process's map readable; nothing else reads it.
            let _ = std::fs::remove_file(&self.path);
        }
        Err(Error::DamagedCache {
            path: crate::sanitize::name(&self.path),
            report: r + 1,
        })
    }

    /// Every report, decoded on every core (for the views that need them all).
    pub fn all(&self) -> Vec<Result<Report, Error>> {
        crate::parallel::map(&self.entry.rows, |r, _| self.report(r))
    }
}
