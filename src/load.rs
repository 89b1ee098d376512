//! Opening reports from files and folders: plain text or JSON, in parallel, each failure
//! one error naming its file, the rest still opened.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

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
    /// One line per file that opened with a caveat (headings not recognised).
    pub warnings: Vec<String>,
    /// The search index over `reports`, when the index cache had it (see `crate::cache`).
    pub index: Option<crate::search::Index>,
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
                // In name order as found: see `walk`.
                walk(p, &mut files, &mut errors);
                if files.len() == before {
                    errors.push(Error::NoReportsInFolder(crate::sanitize::name(p)));
                }
            }
            Ok(_) => files.push(p.clone()),
            Err(source) => errors.push(Error::io(p, source)),
        }
    }
    (files, errors)
}

/// Every report file under `dir`, in the order sorting their paths gives (a path sorts
/// by its components, each compared as bytes): each folder's entries in name order, a
/// folder's files where its name falls. Sorting 10,000 whole paths afterwards was 3% of
/// a warm search over them.
fn walk(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<Error>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(source) => {
            errors.push(Error::io(dir, source));
            return;
        }
    };
    // The entry's own type, as symlink_metadata gives it (a symlinked folder is not
    // followed, so a link loop cannot hang us), but read from the folder listing where
    // the file system gives it: one `lstat` less per file.
    let mut listed: Vec<(std::ffi::OsString, bool)> = entries
        .flatten()
        .filter_map(|entry| Some((entry.file_name(), entry.file_type().ok()?.is_dir())))
        .collect();
    listed.sort_unstable();
    for (name, is_dir) in listed {
        let path = dir.join(name);
        if is_dir {
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

/// The bytes of a report file, refused unless it is a regular file of at most
/// `MAX_FILE_BYTES`. The type is checked before opening (opening a FIFO waits for a
/// writer) and again on the open file, which is opened non-blocking in case it was swapped
/// in between; the read goes through a hard cap, so a file that grows or lies about its
/// size is refused as too large instead of read without end. Errors name the file.
pub fn read_report_file(path: &Path) -> Result<Vec<u8>, Error> {
    let mut bytes = Vec::new();
    read_report_file_into(path, &mut bytes)?;
    Ok(bytes)
}

/// `read_report_file` into a buffer the caller reuses (cleared first), returning the open
/// file's metadata: the cache's fingerprint reads 10,000 files this way without a fresh
/// allocation (and its page faults) for each.
pub fn read_report_file_into(path: &Path, bytes: &mut Vec<u8>) -> Result<std::fs::Metadata, Error> {
    bytes.clear();
    let name = || crate::sanitize::name(path);
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    regular(&meta).map_err(|e| e.in_file(name()))?;
    let file = open_nonblocking(path).map_err(|e| Error::io(path, e))?;
    let meta = file.metadata().map_err(|e| Error::io(path, e))?;
    regular(&meta).map_err(|e| e.in_file(name()))?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(Error::TooLarge {
            size: meta.len(),
            limit: MAX_FILE_BYTES,
        }
        .in_file(name()));
    }
    read_capped(file, meta.len(), bytes).map_err(|e| Error::io(path, e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Error::TooLargeWhileReading {
            limit: MAX_FILE_BYTES,
        }
        .in_file(name()));
    }
    Ok(meta)
}

/// Read to the end, or to one byte past `MAX_FILE_BYTES`, into `bytes`. The first read
/// asks for a byte more than `size`, the file's size when opened, so a file that has not
/// changed is read in one call and its end found by the next (`read_to_end` starts at
/// 8 KB and took three calls for a 15 KB report).
fn read_capped(mut file: std::fs::File, size: u64, bytes: &mut Vec<u8>) -> std::io::Result<()> {
    let cap = MAX_FILE_BYTES as usize + 1;
    bytes.resize((size as usize).saturating_add(1).min(cap), 0);
    let mut filled = 0;
    loop {
        if filled == bytes.len() {
            if filled >= cap {
                break;
            }
            bytes.resize(filled.saturating_mul(2).clamp(4096, cap), 0);
        }
        match file.read(&mut bytes[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    bytes.truncate(filled);
    Ok(())
}

/// Refuse anything but a regular file, saying what it is.
fn regular(meta: &std::fs::Metadata) -> Result<(), Error> {
    let kind = meta.file_type();
    if kind.is_file() {
        return Ok(());
    }
    let what = if kind.is_dir() {
        "a folder"
    } else {
        special_kind(&kind)
    };
    Err(Error::NotRegular(what))
}

#[cfg(unix)]
fn special_kind(kind: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        "a FIFO"
    } else if kind.is_char_device() || kind.is_block_device() {
        "a device"
    } else if kind.is_socket() {
        "a socket"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn special_kind(_: &std::fs::FileType) -> &'static str {
    "a special file"
}

#[cfg(unix)]
pub(crate) fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
}

#[cfg(not(unix))]
pub(crate) fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

/// Read and parse one file. JSON is recognised by its `.json` extension. A title taken
/// from the file name is sanitised like any text of the file.
pub fn load_file(path: &Path) -> Result<Report, Error> {
    let bytes = read_report_file(path)?;
    let parsed = if is_json(path) {
        crate::embedded::from_json_bytes(&bytes)
    } else {
        crate::import::import_bytes(&bytes, &fallback_title(path))
    };
    parsed.map_err(|e| e.in_file(crate::sanitize::name(path)))
}

/// The title of a report without a title line: its file name without the extension, made
/// one terminal-safe line.
pub fn fallback_title(path: &Path) -> String {
    path.file_stem()
        .map(|s| crate::sanitize::one_line(&s.to_string_lossy()))
        .unwrap_or_default()
}

fn is_json(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
}

/// Load every file, in parallel over the machine's cores; `progress(done, total)` is
/// called as files finish (from worker threads).
pub fn load(paths: &[PathBuf], progress: &(dyn Fn(usize, usize) + Sync)) -> Loaded {
    load_with(paths, progress, &load_file)
}

/// How a load went, beside what it kept: the errors and warnings as in `Loaded`.
#[derive(Debug, Default)]
pub struct Outcome {
    /// How many reports opened (each handed on).
    pub opened: usize,
    pub errors: Vec<Error>,
    pub warnings: Vec<String>,
}

/// `load`, streamed: each report is turned into what the caller keeps (`keep`) on the
/// thread that imported it, its model freed there, and each kept value is handed to
/// `take` on the calling thread in name order as soon as every file before it is done.
/// A search needs its items, not 1,000 models alive at once (their peak was most of a
/// search's memory), and can join them into its index while later files import.
pub fn load_each<T: Send>(
    paths: &[PathBuf],
    progress: &(dyn Fn(usize, usize) + Sync),
    keep: &(dyn Fn(Report) -> T + Sync),
    take: &mut dyn FnMut(T),
) -> Outcome {
    load_core(paths, progress, &load_file, keep, take)
}

type Reader<'a> = &'a (dyn Fn(&Path) -> Result<Report, Error> + Sync);

/// `load` with the per-file reader given, so a test can make one fail in any way. A reader
/// that panics on a file gives that file an error; every other file keeps its own result.
fn load_with(paths: &[PathBuf], progress: &(dyn Fn(usize, usize) + Sync), read: Reader) -> Loaded {
    let mut reports = Vec::new();
    let outcome = load_core(paths, progress, read, &|r| r, &mut |r| reports.push(r));
    Loaded {
        reports,
        errors: outcome.errors,
        warnings: outcome.warnings,
        index: None,
    }
}

/// A report made from one file, or why not; and whether its headings went unrecognised.
type Made<T> = Result<(T, bool), Error>;

fn load_core<T: Send>(
    paths: &[PathBuf],
    progress: &(dyn Fn(usize, usize) + Sync),
    read: Reader,
    keep: &(dyn Fn(Report) -> T + Sync),
    take: &mut dyn FnMut(T),
) -> Outcome {
    let (files, errors) = expand(paths);
    let total = files.len();
    let done = AtomicUsize::new(0);
    // A file is untrusted input: a panic while importing one (a bug) fails that file
    // alone, named, instead of the whole run.
    let make = |i: usize| -> Made<T> {
        let f = &files[i];
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            read(f).map(|report| {
                let unnumbered = crate::import::is_unnumbered(&report) && !is_json(f);
                (keep(report), unnumbered)
            })
        }))
        .unwrap_or_else(|_| Err(Error::ReaderCrashed.in_file(crate::sanitize::name(f))));
        progress(done.fetch_add(1, Ordering::Relaxed) + 1, total);
        r
    };
    let mut outcome = Outcome {
        errors,
        ..Outcome::default()
    };
    let mut hand_on = |i: usize, made: Made<T>| match made {
        Ok((item, unnumbered)) => {
            if unnumbered {
                let warning = crate::import::UNNUMBERED_WARNING;
                let name = crate::sanitize::name(&files[i]);
                outcome.warnings.push(format!("{name}: {warning}"));
            }
            outcome.opened += 1;
            take(item);
        }
        Err(e) => outcome.errors.push(e),
    };
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    if workers < 2 || total < 2 {
        (0..total).for_each(|i| hand_on(i, make(i)));
    } else {
        crate::parallel::in_order(workers.min(total), total, &make, &mut hand_on);
    }
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_expands_in_path_order() {
        let dir = std::env::temp_dir().join(format!("report-tui-walk-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        // Names where byte order and path order could part: a folder `a` beside `a.txt`
        // and `a-b.txt`, nested folders, upper case, digits, non-ASCII.
        for name in [
            "a.txt",
            "a-b.txt",
            "a/z.txt",
            "a/b/c.txt",
            "a b.txt",
            "B.txt",
            "b.json",
            "10.txt",
            "9.txt",
            "市桥/2020.txt",
            "市桥.txt",
            "a/b.txt",
            "skip.md",
        ] {
            let path = dir.join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, "x").unwrap();
        }
        let (files, errors) = expand(std::slice::from_ref(&dir));
        assert!(errors.is_empty());
        let mut sorted = files.clone();
        sorted.sort();
        assert_eq!(files, sorted);
        assert_eq!(files.len(), 12, "every .txt and .json, and nothing else");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_reader_that_panics_fails_only_its_file() {
        let dir = std::env::temp_dir().join(format!("report-tui-load-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let names = ["a.txt", "b.txt", "c.txt", "d.txt", "e.txt"];
        for n in names {
            std::fs::write(dir.join(n), "x").unwrap();
        }
        let read = |p: &Path| -> Result<Report, Error> {
            let stem = fallback_title(p);
            assert_ne!(stem, "b", "a reader bug on one file");
            let mut r = crate::embedded::report()?;
            r.title = stem;
            Ok(r)
        };
        let loaded = load_with(std::slice::from_ref(&dir), &|_, _| {}, &read);
        std::fs::remove_dir_all(&dir).unwrap();
        // Each report is titled after its own file: results stay paired with their files.
        let titles: Vec<&str> = loaded.reports.iter().map(|r| r.title.as_str()).collect();
        assert_eq!(titles, ["a", "c", "d", "e"]);
        assert_eq!(loaded.errors.len(), 1);
        let e = loaded.errors[0].to_string();
        assert!(e.contains("b.txt") && e.contains("crashed"), "{e}");
    }
}
