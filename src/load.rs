//! Opening reports from files and folders: plain text or JSON, in parallel, each failure
//! one error naming its file, the rest still opened.

use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::model::Report;

/// Files larger than this are refused: real reports are tens of KB, and reading a
/// multi-GB file by mistake would stall the app.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Opened reports: those that opened, in name order, and one error per file that did
/// not. What `load` returns, what the CLI works on and what the browser opens with.
#[derive(Debug, Default)]
pub struct Loaded {
    pub reports: Vec<Report>,
    pub errors: Vec<Error>,
}

/// Expand paths into report files: a folder gives every `.txt` and `.json` in it,
/// recursively, in name order; a file is taken as given.
pub fn expand(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Error>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => {
                let before = files.len();
                walk(p, &mut files, &mut errors);
                files[before..].sort();
                if files.len() == before {
                    errors.push(Error::NoReportsInFolder(p.display().to_string()));
                }
            }
            Ok(_) => files.push(p.clone()),
            Err(source) => errors.push(Error::Io {
                path: p.display().to_string(),
                source,
            }),
        }
    }
    (files, errors)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<Error>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(source) => {
            errors.push(Error::Io {
                path: dir.display().to_string(),
                source,
            });
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        // symlink_metadata: a symlinked folder is not followed, so a link loop cannot hang us.
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        if meta.is_dir() {
            walk(&path, files, errors);
        } else if is_report_file(&path) {
            files.push(path);
        }
    }
}

fn is_report_file(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("txt" | "json")
    )
}

/// Read and parse one file. JSON is recognised by its `.json` extension.
pub fn load_file(path: &Path) -> Result<Report, Error> {
    let name = path.display().to_string();
    let io = |source| Error::Io {
        path: name.clone(),
        source,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_FILE_BYTES {
        return Err(Error::TooLarge {
            size,
            limit: MAX_FILE_BYTES,
        }
        .in_file(&name));
    }
    let bytes = std::fs::read(path).map_err(io)?;
    let is_json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let parsed = if is_json {
        crate::embedded::from_json_bytes(&bytes)
    } else {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        crate::import::import_bytes(&bytes, &stem)
    };
    parsed.map_err(|e| e.in_file(&name))
}

/// Load every file, in parallel over the machine's cores; `progress(done, total)` is
/// called as files finish (from worker threads).
pub fn load(paths: &[PathBuf], progress: &(dyn Fn(usize, usize) + Sync)) -> Loaded {
    let (files, mut errors) = expand(paths);
    let total = files.len();
    let done = std::sync::atomic::AtomicUsize::new(0);
    // Every file on its own (a panic while importing one is a bug: it is raised again
    // here, so no file is dropped or given another's result).
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let results = crate::parallel::map_on(&files, cores, |_, f| {
        let r = load_file(f);
        let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        progress(n, total);
        r
    });
    let mut reports = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok(report) => reports.push(report),
            Err(e) => errors.push(e),
        }
    }
    Loaded { reports, errors }
}
