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
/// in `dir`. The errors are those of the files, not of expanding `args`.
pub fn with_index(
    dir: &Path,
    args: &[PathBuf],
    files: &[PathBuf],
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Loaded {
    let (entry, key) = super::lookup(dir, args, files);
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
