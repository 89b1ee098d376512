//! The index cache: a search index over `--report` files, kept in the platform's cache
//! folder and mapped back in place, so a search over 1,000 reports need not import them.
//!
//! An entry is keyed by every file's path, size, modification time and content hash, by
//! the format version and by the build (`crate::BUILD`); it is used only when all of them
//! match and its own hash checks out. Anything else (missing, stale, foreign, damaged) is
//! ignored and rebuilt, so a cached answer is always the answer the files give.

mod file;
mod key;
mod model_decode;
mod model_encode;
pub mod models;
mod reader;
pub mod reports;
mod verified;

pub use file::{Entry, FORMAT};
pub use key::{entry_name, fingerprint, FileKey, Fingerprint};
pub use models::{Models, FORMAT as MODELS_FORMAT};

use crate::error::{Error, Result};
use crate::search::Index;
use std::path::{Path, PathBuf};

/// `~/.cache/report-tui` on Linux (`$XDG_CACHE_HOME/report-tui`), the platform's cache
/// folder elsewhere; `None` when there is no home to put it in.
pub fn dir() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    let base = etcetera::choose_base_strategy().ok()?;
    Some(base.cache_dir().join("report-tui"))
}

/// How the index for a set of files was obtained.
pub enum Opened {
    /// Read from the cache: the errors are the files that could not be opened then (and,
    /// their bytes being unchanged, still cannot).
    Cached(Entry),
    /// Imported and built now; the errors and warnings are there too (not the reports:
    /// each was freed once indexed, which keeps the peak memory of a search down).
    Built {
        index: Index,
        loaded: Box<crate::load::Loaded>,
    },
}

/// The index over `args` (files and folders, already expanded into `files`): from the
/// cache in `dir` when its entry matches the files exactly, else imported, built and
/// saved there. A cache that cannot be written is not an error: the answer is the same.
pub fn open(
    dir: &Path,
    args: &[PathBuf],
    files: &[PathBuf],
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Opened {
    let (entry, key) = lookup(dir, args, files);
    if let Some(entry) = entry {
        renew(&dir.join(entry_name(args)));
        return Opened::Cached(entry);
    }
    // Streamed, as without the cache: each report's items are made on the thread that
    // imported it and its model freed there, so the first search over 1,000 reports holds
    // the index being built, not every model as well.
    let mut builder = crate::search::IndexBuilder::default();
    let keep = |r: crate::model::Report| crate::search::ReportItems::of(&r);
    let outcome = crate::load::load_each(files, progress, &keep, &mut |i| builder.add(i));
    let index = builder.finish();
    let loaded = crate::load::Loaded {
        reports: Vec::new(),
        errors: outcome.errors,
        warnings: outcome.warnings,
        index: None,
    };
    if let Some(key) = key {
        save(dir, args, files, &key, &loaded, &index);
    }
    Opened::Built {
        index,
        loaded: Box::new(loaded),
    }
}

/// Write `parts` back to back to `path` through a temporary file renamed into place, so a
/// reader sees a whole old file or a whole new one. No fsync: a file left half-written by
/// a crash fails its hashes and is rebuilt.
pub(crate) fn write_atomically(path: &Path, parts: &[&[u8]]) -> std::io::Result<()> {
    use std::io::Write;
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let temp = path.with_extension(format!("tmp{}", std::process::id()));
    let written = (|| {
        let mut out = std::io::BufWriter::new(std::fs::File::create(&temp)?);
        parts.iter().try_for_each(|p| out.write_all(p))?;
        out.into_inner().map_err(|e| e.into_error())?;
        std::fs::rename(&temp, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written
}

/// A cache file opened for reading, if it is a regular file: opened without waiting (a
/// FIFO put in its place must not hang a search) and checked once open.
pub(crate) fn open_regular(path: &Path) -> Option<std::fs::File> {
    let file = crate::load::open_nonblocking(path).ok()?;
    file.metadata().ok()?.is_file().then_some(file)
}

/// Mark the entry at `path` used now, for pruning (least recently used first), when its
/// time is over an hour old: renewing it on every hit would move its change time and void
/// the note that spares the next run hashing it (`verified`).
pub(crate) fn renew(path: &Path) {
    let Ok(file) = std::fs::File::options().write(true).open(path) else {
        return;
    };
    let now = std::time::SystemTime::now();
    let stale = file
        .metadata()
        .and_then(|m| m.modified())
        .map_or(true, |t| {
            now.duration_since(t).unwrap_or_default().as_secs() > 3600
        });
    if stale {
        let _ = file.set_modified(now);
    }
}

/// The entry for `files` if the cache has a valid one, and the files' fingerprint (for
/// `save`; `None` when a file cannot be read, and then nothing is cached).
pub fn lookup(
    dir: &Path,
    args: &[PathBuf],
    files: &[PathBuf],
) -> (Option<Entry>, Option<Fingerprint>) {
    let key = current_key(dir, args, files);
    let entry = key
        .as_ref()
        .and_then(|k| file::read(&dir.join(entry_name(args)), k));
    (entry, key)
}

/// The fingerprint of `files` now, reading again only the files whose status is not as
/// the cache's entry for `args` recorded it (see `key`); with no entry, every file.
pub fn current_key(dir: &Path, args: &[PathBuf], files: &[PathBuf]) -> Option<Fingerprint> {
    let name = entry_name(args);
    let known = file::stored_key(&dir.join(&name))
        .or_else(|| models::stored_key(&dir.join(models::name(&name))));
    key::fingerprint_against(files, known.as_ref())
}

/// Save the index built from `loaded`, keyed by `key` taken before the files were read,
/// and only if no file changed while they were read: otherwise the key could describe
/// other bytes than the ones imported.
pub fn save(
    dir: &Path,
    args: &[PathBuf],
    files: &[PathBuf],
    key: &Fingerprint,
    loaded: &crate::load::Loaded,
    index: &Index,
) {
    if fingerprint(files).as_ref() == Some(key) {
        let errors: Vec<String> = loaded.errors.iter().map(Error::to_string).collect();
        let path = dir.join(entry_name(args));
        if file::write(&path, key, &errors, &loaded.warnings, index).is_ok() {
            prune(dir, &path, MAX_ENTRIES, MAX_BYTES);
        }
    }
}

/// Entries kept at most: an index and a models entry per set of `--report` arguments, so
/// without a bound the folder would grow with every folder a user ever opened.
const MAX_ENTRIES: usize = 32;
/// Bytes kept at most (an index entry for 10,000 reports is about 540 MB).
const MAX_BYTES: u64 = 2 << 30;

/// Remove the least recently used entries (by modification time, which a cache hit
/// renews) until at most `max_entries` and `max_bytes` remain; `keep` always stays.
fn prune(dir: &Path, keep: &Path, max_entries: usize, max_bytes: u64) {
    let mut entries: Vec<(std::time::SystemTime, u64, PathBuf)> = info(dir)
        .into_iter()
        .map(|(name, _)| dir.join(name))
        .filter(|path| path != keep)
        .filter_map(|path| {
            let meta = std::fs::metadata(&path).ok()?;
            Some((meta.modified().ok()?, meta.len(), path))
        })
        .collect();
    // Newest first; what passes the budget is removed.
    entries.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut bytes = std::fs::metadata(keep).map_or(0, |m| m.len());
    for (i, (_, size, path)) in entries.iter().enumerate() {
        bytes += size;
        if i + 1 >= max_entries || bytes > max_bytes {
            let _ = std::fs::remove_file(path);
            // Its note, if any, goes with it: a note outliving its entry is clutter.
            if let Some(note) = verified::note_path(path) {
                let _ = std::fs::remove_file(note);
            }
        }
    }
}

/// What the cache holds: its folder, and each entry's name and size.
pub fn info(dir: &Path) -> Vec<(String, u64)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<(String, u64)> = entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let size = e.metadata().ok()?.len();
            let ours = name.starts_with("index-") || name.starts_with("models-");
            ours.then_some((name, size))
        })
        .collect();
    out.sort();
    out
}

/// Remove every entry; how many were removed.
pub fn clear(dir: &Path) -> Result<usize> {
    let mut removed = 0;
    // The notes that entries passed their hash go with them (not counted: not entries).
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        if entry.file_name().to_string_lossy().starts_with("verified-") {
            let _ = std::fs::remove_file(entry.path());
        }
    }
    for (name, _) in info(dir) {
        let path = dir.join(&name);
        std::fs::remove_file(&path).map_err(|source| Error::Io {
            path: path.display().to_string(),
            source,
        })?;
        removed += 1;
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pruning_removes_the_least_recently_used_entries_first() {
        let dir = std::env::temp_dir().join(format!("report-tui-prune-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let t0 = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000);
        for (i, name) in ["a", "b", "c", "d", "e"].iter().enumerate() {
            let path = dir.join(format!("index-{name}.bin"));
            std::fs::write(&path, vec![0u8; 100]).unwrap();
            let f = std::fs::File::options().write(true).open(&path).unwrap();
            f.set_modified(t0 + std::time::Duration::from_secs(i as u64 * 60))
                .unwrap();
        }
        std::fs::write(dir.join("not-ours.txt"), "x").unwrap();
        for name in ["a", "b", "e"] {
            std::fs::write(dir.join(format!("verified-index-{name}.bin")), "n").unwrap();
        }
        // "a" is the oldest but was just written: it stays; then the newest by time.
        prune(&dir, &dir.join("index-a.bin"), 3, u64::MAX);
        let names: Vec<String> = info(&dir).into_iter().map(|(n, _)| n).collect();
        assert_eq!(names, ["index-a.bin", "index-d.bin", "index-e.bin"]);
        // A byte budget of 250 keeps "a" and one more.
        prune(&dir, &dir.join("index-a.bin"), 16, 250);
        let names: Vec<String> = info(&dir).into_iter().map(|(n, _)| n).collect();
        assert_eq!(names, ["index-a.bin", "index-e.bin"]);
        assert!(dir.join("not-ours.txt").exists(), "only cache entries go");
        let notes = ["a", "b", "e"].map(|n| dir.join(format!("verified-index-{n}.bin")).exists());
        assert_eq!(
            notes,
            [true, false, true],
            "a pruned entry's note goes with it"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
