//! What a cache entry is keyed by: every file's path, size, modification time and a hash
//! of its content, read on every core. The hash is what makes a same-size, same-time
//! rewrite (`touch -r`, a restored backup) still count as a change.

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// One file as it stands now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileKey {
    pub path: PathBuf,
    pub size: u64,
    /// Modification time in nanoseconds since 1970 (negative before).
    pub mtime_ns: i64,
    /// xxh3-128 of the content.
    pub hash: u128,
}

/// Every file of a set, in order; equal fingerprints mean the same bytes were read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fingerprint {
    pub files: Vec<FileKey>,
}

/// The fingerprint of `files`, or `None` if one of them cannot be read (then nothing is
/// cached: the error it gives must come from the file, every time).
pub fn fingerprint(files: &[PathBuf]) -> Option<Fingerprint> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(files.len().div_ceil(16).max(1));
    let size = files.len().div_ceil(threads).max(1);
    let keys: Vec<Option<FileKey>> = std::thread::scope(|s| {
        let handles: Vec<_> = files
            .chunks(size)
            .map(|part| {
                s.spawn(move || {
                    // One buffer per thread, reused: a fresh one per file cost a page
                    // fault per 4 KB read (145 MB for 10,000 reports).
                    let mut buffer = Vec::new();
                    part.iter()
                        .map(|p| file_key(p, &mut buffer))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    let files: Option<Vec<FileKey>> = keys.into_iter().collect();
    Some(Fingerprint { files: files? })
}

fn file_key(path: &Path, buffer: &mut Vec<u8>) -> Option<FileKey> {
    // Through the loader's own reader, which refuses FIFOs, devices and the terminal
    // without waiting on them, and files over the size limit: any such file leaves the
    // whole set uncached. Size and time are the open file's, the one whose bytes are read.
    let meta = crate::load::read_report_file_into(path, buffer).ok()?;
    let mtime_ns = match meta.modified().ok()?.duration_since(UNIX_EPOCH) {
        Ok(after) => i64::try_from(after.as_nanos()).unwrap_or(i64::MAX),
        Err(before) => -i64::try_from(before.duration().as_nanos()).unwrap_or(i64::MAX),
    };
    Some(FileKey {
        path: path.to_path_buf(),
        size: meta.len(),
        mtime_ns,
        hash: xxhash_rust::xxh3::xxh3_128(buffer),
    })
}

/// The name of the entry for a set of `--report` arguments: the same arguments find the
/// same entry, which a changed folder then overwrites rather than adding another.
pub fn entry_name(args: &[PathBuf]) -> String {
    let mut joined = Vec::new();
    for a in args {
        let path = std::fs::canonicalize(a).unwrap_or_else(|_| a.clone());
        joined.extend_from_slice(path.as_os_str().as_encoded_bytes());
        joined.push(0);
    }
    format!("index-{:032x}.bin", xxhash_rust::xxh3::xxh3_128(&joined))
}
