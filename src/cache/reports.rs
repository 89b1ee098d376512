//! Opening `--report` files through the caches: the reports from the models entry and
//! their search index from the index entry, each only when it is keyed by exactly the
//! files as they are now, else imported or built and saved for the next start. With both
//! entries warm nothing is imported, which is what lets the browser open 1,000 reports
//! quickly.

use super::key::Fingerprint;
use super::models;
use crate::error::Error;
use crate::load::Loaded;
use std::path::{Path, PathBuf};

/// The reports of `files` (what `args` expanded to) with their index, through the caches
/// in `dir`, once the index entry has been looked up: the index from its entry, else built
/// here and saved. The errors are those of the files, not of expanding `args`.
fn with_index(
    dir: &Path,
    args: &[PathBuf],
    files: &[PathBuf],
    (entry, key): (Option<super::Entry>, Option<Fingerprint>),
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Loaded {
    let mut loaded = through_models(dir, args, files, key.as_ref(), progress);
    let index = match entry {
        Some(entry) => entry.index,
        None => {
            let index = crate::search::Index::build(&loaded.reports);
            if let Some(key) = key {
                super::save(dir, args, files, &key, &loaded, &index);
            }
            index
        }
    };
    loaded.index = Some(index);
    loaded
}

/// The reports of `files` through the models cache in `dir`, without an index (for the
/// commands that print reports rather than search them).
pub fn without_index(
    dir: &Path,
    args: &[PathBuf],
    files: &[PathBuf],
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Loaded {
    let key = super::current_key(dir, args, files);
    through_models(dir, args, files, key.as_ref(), progress)
}

/// From the models entry when it matches `key`, else imported and saved. The errors a
/// cached entry gives are the ones the files gave when it was written: their bytes are
/// unchanged, so they still fail the same way.
fn through_models(
    dir: &Path,
    args: &[PathBuf],
    files: &[PathBuf],
    key: Option<&Fingerprint>,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Loaded {
    if let Some(cached) = key.and_then(|k| models::open(dir, args, k)) {
        return Loaded {
            reports: cached.reports,
            errors: cached.errors.into_iter().map(Error::Reported).collect(),
            warnings: cached.warnings,
            index: None,
        };
    }
    let loaded = crate::load::load(files, progress);
    if let Some(key) = key {
        models::save(dir, args, files, key, &loaded);
    }
    loaded
}

/// The reports as the browser holds them: decoded, or in the models entry, each decoded
/// when first needed (`LazyModels`).
pub enum Reports {
    Decoded(Vec<crate::model::Report>),
    Lazy(Box<super::LazyModels>),
}

impl Reports {
    pub fn len(&self) -> usize {
        match self {
            Reports::Decoded(all) => all.len(),
            Reports::Lazy(models) => models.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// What the browser opens with: the reports, the files that failed and those that opened
/// with a caveat, and the search index when one was read or built.
pub struct Browsed {
    pub reports: Reports,
    pub errors: Vec<Error>,
    pub warnings: Vec<String>,
    pub index: Option<crate::search::Index>,
}

impl From<Loaded> for Browsed {
    fn from(loaded: Loaded) -> Browsed {
        Browsed {
            reports: Reports::Decoded(loaded.reports),
            errors: loaded.errors,
            warnings: loaded.warnings,
            index: loaded.index,
        }
    }
}

/// The reports and their index for the browser. With both entries warm the reports stay
/// in the models entry, decoded on demand, so the first frame over 10,000 reports does not
/// wait for all of them; otherwise they are decoded (or imported) and the index read or
/// built from them.
pub fn for_browser(
    dir: &Path,
    args: &[PathBuf],
    files: &[PathBuf],
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Browsed {
    let (entry, key) = super::lookup(dir, args, files);
    let lazy = entry.as_ref().and(key.as_ref());
    if let Some(models) = lazy.and_then(|k| super::LazyModels::open(dir, args, k)) {
        return Browsed {
            errors: models
                .errors()
                .iter()
                .cloned()
                .map(Error::Reported)
                .collect(),
            warnings: models.warnings().to_vec(),
            reports: Reports::Lazy(Box::new(models)),
            index: entry.map(|e| e.index),
        };
    }
    with_index(dir, args, files, (entry, key), progress).into()
}
