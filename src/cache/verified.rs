//! A note beside an index entry that it passed its hash with the file status it has now,
//! so later runs need not hash it again (540 MB at 10,000 reports, a quarter of a warm
//! search) while nothing has written to it.
//!
//! Trusted as the reports' status is (`key.rs`): an entry is only ever replaced by rename
//! (a new inode), and any write to it moves its change time, which no user can set back.
//! A note is written only for an entry whose status has settled (unchanged for
//! `SETTLE_NS`), so a write in the same tick of the file system's clock cannot hide.

use std::path::{Path, PathBuf};

/// Status older than this before the note is written; as `key::SETTLE_NS`.
const SETTLE_NS: i64 = 3_000_000_000;

/// Where the note for the entry at `entry` is kept: `verified-<entry name>`.
pub fn note_path(entry: &Path) -> Option<PathBuf> {
    let name = entry.file_name()?.to_str()?;
    Some(entry.with_file_name(format!("verified-{name}")))
}

/// What the note records: the entry's device, inode, size, modification and change
/// times, and the hash its header claims (a new entry under the same name differs).
fn record(meta: &std::fs::Metadata, hash: u128) -> Option<Vec<u8>> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let mut out = Vec::with_capacity(56);
        let ctime = meta.ctime().saturating_mul(1_000_000_000) + meta.ctime_nsec();
        let mtime = meta.mtime().saturating_mul(1_000_000_000) + meta.mtime_nsec();
        for n in [
            meta.dev(),
            meta.ino(),
            meta.size(),
            mtime as u64,
            ctime as u64,
        ] {
            out.extend_from_slice(&n.to_le_bytes());
        }
        out.extend_from_slice(&hash.to_le_bytes());
        Some(out)
    }
    #[cfg(not(unix))]
    {
        let _ = (meta, hash);
        None
    }
}

/// Whether the entry with status `meta`, whose header claims `hash`, passed that hash
/// before with exactly this status.
pub fn is_noted(entry: &Path, meta: &std::fs::Metadata, hash: u128) -> bool {
    let (Some(want), Some(note)) = (record(meta, hash), note_path(entry)) else {
        return false;
    };
    // At most one byte more than a note: anything else in its place is not one.
    use std::io::Read;
    let mut have = Vec::new();
    super::open_regular(&note)
        .and_then(|f| f.take(want.len() as u64 + 1).read_to_end(&mut have).ok())
        .is_some_and(|_| have == want)
}

/// Note that the entry with status `meta` passed `hash`, if its status has settled; a
/// note that cannot be written only costs the next run a hash.
pub fn note(entry: &Path, meta: &std::fs::Metadata, hash: u128) {
    let changed = [meta.modified(), changed_at(meta)]
        .into_iter()
        .flatten()
        .map(nanos)
        .max();
    let now = nanos(std::time::SystemTime::now());
    let settled = changed.is_some_and(|t| t < now.saturating_sub(SETTLE_NS));
    let (Some(bytes), Some(path)) = (record(meta, hash), note_path(entry)) else {
        return;
    };
    if settled {
        let _ = super::write_atomically(&path, &[&bytes]);
    }
}

/// The change time, where the platform has one.
fn changed_at(meta: &std::fs::Metadata) -> std::io::Result<std::time::SystemTime> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let secs = std::time::Duration::new(meta.ctime().max(0) as u64, meta.ctime_nsec() as u32);
        Ok(std::time::UNIX_EPOCH + secs)
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        Err(std::io::Error::other("no change time"))
    }
}

fn nanos(t: std::time::SystemTime) -> i64 {
    t.duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX))
}
