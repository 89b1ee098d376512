//! What a cache entry is keyed by: every file's path, size, modification time and a hash
//! of its content, read on every core. The hash is what makes a same-size, same-time
//! rewrite (`touch -r`, a restored backup) still count as a change.
//!
//! Reading every file for its hash was half of a warm search over 10,000 reports, so a
//! file whose status is exactly as an entry recorded it (size, modification and change
//! times, inode, device) keeps the hash recorded then, as git trusts its index: a write
//! always moves the change time, which no user can set back. A file changed within
//! `SETTLE_NS` before that key was taken could have changed again within the same tick
//! of the file system's clock after it was read; it is read again every time.

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// One file as it stands now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileKey {
    pub path: PathBuf,
    pub size: u64,
    /// Modification time in nanoseconds since 1970 (negative before).
    pub mtime_ns: i64,
    /// Status change time, inode and device (0 where the platform has none): with size
    /// and modification time, what says the file was not written since it was hashed.
    pub ctime_ns: i64,
    pub ino: u64,
    pub dev: u64,
    /// xxh3-128 of the content.
    pub hash: u128,
}

/// Every file of a set, in order; equal fingerprints mean the same bytes were read.
#[derive(Clone, Debug)]
pub struct Fingerprint {
    pub files: Vec<FileKey>,
    /// When it was taken (ns since 1970): files changed shortly before are not settled.
    pub taken_ns: i64,
}

/// Two fingerprints are equal when their files are: when each was taken does not matter.
impl PartialEq for Fingerprint {
    fn eq(&self, other: &Self) -> bool {
        self.files == other.files
    }
}

impl Eq for Fingerprint {}

/// A file changed less than this before a key was taken is read again on every lookup:
/// file times come from a coarse clock (a few ms on Linux, 2 s on FAT), so a write in the
/// same tick after the read would leave its times unchanged.
const SETTLE_NS: i64 = 3_000_000_000;

/// The fingerprint of `files`, every file read and hashed, or `None` if one of them cannot
/// be read (then nothing is cached: the error it gives must come from the file, every time).
pub fn fingerprint(files: &[PathBuf]) -> Option<Fingerprint> {
    fingerprint_against(files, None)
}

/// The fingerprint of `files`, taking the hash from `known` (a key an entry recorded) for
/// each file whose status is exactly as recorded there and was settled when it was taken.
pub fn fingerprint_against(files: &[PathBuf], known: Option<&Fingerprint>) -> Option<Fingerprint> {
    fingerprint_settled(files, known, SETTLE_NS)
}

fn fingerprint_settled(
    files: &[PathBuf],
    known: Option<&Fingerprint>,
    settle_ns: i64,
) -> Option<Fingerprint> {
    let taken_ns = nanos(std::time::SystemTime::now());
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(files.len().div_ceil(16).max(1));
    let size = files.len().div_ceil(threads).max(1);
    let keys: Vec<Option<FileKey>> = std::thread::scope(|s| {
        let handles: Vec<_> = files
            .chunks(size)
            .enumerate()
            .map(|(n, part)| {
                s.spawn(move || {
                    // One buffer per thread, reused: a fresh one per file cost a page
                    // fault per 4 KB read (145 MB for 10,000 reports).
                    let mut buffer = Vec::new();
                    part.iter()
                        .enumerate()
                        .map(|(i, p)| {
                            let was = known.and_then(|k| Some((k.files.get(n * size + i)?, k)));
                            was.and_then(|(was, k)| unchanged(p, was, k.taken_ns - settle_ns))
                                .or_else(|| file_key(p, &mut buffer))
                        })
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
    Some(Fingerprint {
        files: files?,
        taken_ns,
    })
}

/// `was` again, if `path` is the same regular file, unwritten since `was` was taken and
/// last changed before `settled_ns`; `None` when it must be read.
fn unchanged(path: &Path, was: &FileKey, settled_ns: i64) -> Option<FileKey> {
    let settled = was.mtime_ns.max(was.ctime_ns) < settled_ns;
    if !cfg!(unix) || !settled || was.path != path {
        return None;
    }
    let meta = std::fs::metadata(path).ok()?;
    let now = status(path, &meta, was.hash)?;
    (meta.is_file() && meta.len() <= crate::load::MAX_FILE_BYTES && now == *was).then_some(now)
}

/// A key for `path` from its status, with `hash` for its content.
fn status(path: &Path, meta: &std::fs::Metadata, hash: u128) -> Option<FileKey> {
    #[cfg(unix)]
    let (ctime_ns, ino, dev) = {
        use std::os::unix::fs::MetadataExt;
        let ctime = meta.ctime().saturating_mul(1_000_000_000);
        (
            ctime.saturating_add(meta.ctime_nsec()),
            meta.ino(),
            meta.dev(),
        )
    };
    #[cfg(not(unix))]
    let (ctime_ns, ino, dev) = (0, 0, 0);
    Some(FileKey {
        path: path.to_path_buf(),
        size: meta.len(),
        mtime_ns: nanos(meta.modified().ok()?),
        ctime_ns,
        ino,
        dev,
        hash,
    })
}

fn nanos(time: std::time::SystemTime) -> i64 {
    match time.duration_since(UNIX_EPOCH) {
        Ok(after) => i64::try_from(after.as_nanos()).unwrap_or(i64::MAX),
        Err(before) => -i64::try_from(before.duration().as_nanos()).unwrap_or(i64::MAX),
    }
}

fn file_key(path: &Path, buffer: &mut Vec<u8>) -> Option<FileKey> {
    // Through the loader's own reader, which refuses FIFOs, devices and the terminal
    // without waiting on them, and files over the size limit: any such file leaves the
    // whole set uncached. Size and time are the open file's, the one whose bytes are read.
    let meta = crate::load::read_report_file_into(path, buffer).ok()?;
    status(path, &meta, xxhash_rust::xxh3::xxh3_128(buffer))
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

impl Fingerprint {
    /// The key as an entry stores it (little-endian): when it was taken, how many files,
    /// then each file's path, status and hash.
    pub fn encode(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.taken_ns.to_le_bytes());
        out.extend_from_slice(&(self.files.len() as u64).to_le_bytes());
        for f in &self.files {
            let name = f.path.as_os_str().as_encoded_bytes();
            out.extend_from_slice(&(name.len() as u64).to_le_bytes());
            out.extend_from_slice(name);
            for n in [f.size, f.mtime_ns as u64, f.ctime_ns as u64, f.ino, f.dev] {
                out.extend_from_slice(&n.to_le_bytes());
            }
            out.extend_from_slice(&f.hash.to_le_bytes());
        }
    }

    /// A key `encode` wrote at the front of `bytes`, and how many bytes it took; `None`
    /// when it does not read as one (every read bounds-checked).
    pub fn decode(bytes: &[u8]) -> Option<(Fingerprint, usize)> {
        let mut r = super::reader::Reader::new(bytes);
        let taken_ns = r.u64()? as i64;
        let count = usize::try_from(r.u64()?).ok()?;
        // Each file takes at least 64 bytes: a count beyond that is damage, not a key.
        if count > bytes.len() / 64 {
            return None;
        }
        let mut files = Vec::with_capacity(count);
        for _ in 0..count {
            let len = usize::try_from(r.u64()?).ok()?;
            let path = path_of(r.take(len)?)?;
            let (size, mtime, ctime, ino, dev) = (r.u64()?, r.u64()?, r.u64()?, r.u64()?, r.u64()?);
            let hash = u128::from_le_bytes(r.take(16)?.try_into().ok()?);
            files.push(FileKey {
                path,
                size,
                mtime_ns: mtime as i64,
                ctime_ns: ctime as i64,
                ino,
                dev,
                hash,
            });
        }
        Some((Fingerprint { files, taken_ns }, r.at))
    }
}

/// The key an entry file at `path` was written with, read without mapping or checking the
/// rest: only hints for `fingerprint_against`, which keeps a recorded hash only for a file
/// whose status is as recorded, and the entry is still checked whole against the key. The
/// file opens with a header of `head` bytes, from which `key_len` reads the key's length
/// (`None` when the header is not one of ours); the key follows it.
pub fn stored(
    path: &Path,
    head: usize,
    key_len: &dyn Fn(&[u8]) -> Option<usize>,
) -> Option<Fingerprint> {
    use std::io::Read;
    let mut file = super::open_regular(path)?;
    let mut header = vec![0u8; head];
    file.read_exact(&mut header).ok()?;
    let len = key_len(&header)?;
    // The key is a few hundred bytes a file: anything larger than the file is damage.
    if len as u64 > file.metadata().ok()?.len() {
        return None;
    }
    let mut key = vec![0u8; len];
    file.read_exact(&mut key).ok()?;
    Fingerprint::decode(&key).map(|(key, _)| key)
}

/// A path from the bytes `as_encoded_bytes` gave on this platform.
fn path_of(bytes: &[u8]) -> Option<PathBuf> {
    #[cfg(unix)]
    return Some(PathBuf::from(
        <std::ffi::OsStr as std::os::unix::ffi::OsStrExt>::from_bytes(bytes),
    ));
    #[cfg(not(unix))]
    return std::str::from_utf8(bytes).ok().map(PathBuf::from);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A window that counts every file as settled, to test the status checks alone.
    const ALWAYS: i64 = i64::MIN / 4;

    fn place(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("report-tui-key-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_settled_unwritten_file_keeps_its_recorded_hash_and_any_write_reads_it_again() {
        let dir = place("settled");
        let file = dir.join("a.txt");
        std::fs::write(&file, "一、总体情况\n共办理12件。\n").unwrap();
        let files = [file.clone()];
        let real = fingerprint(&files).unwrap();
        // A recorded hash that no read could give: if it comes back, the file was not read.
        let mut known = real.clone();
        known.files[0].hash = 7;
        let kept = fingerprint_settled(&files, Some(&known), 0).unwrap();
        assert_eq!(
            kept.files[0].hash, 7,
            "status as recorded and settled: not read"
        );
        // Not settled (changed within the window before the key was taken): read.
        let read = fingerprint_settled(&files, Some(&known), i64::MAX / 2).unwrap();
        assert_eq!(read.files[0].hash, real.files[0].hash);
        // The same size and modification time, other bytes: the change time moved.
        let mtime = std::fs::metadata(&file).unwrap().modified().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(&file, "一、总体情况\n共办理13件。\n").unwrap();
        std::fs::File::options()
            .write(true)
            .open(&file)
            .unwrap()
            .set_modified(mtime)
            .unwrap();
        // Even counting every time as settled, the status tells the write.
        let after = fingerprint_settled(&files, Some(&known), ALWAYS).unwrap();
        assert_ne!(after.files[0].hash, 7);
        assert_eq!(after, fingerprint(&files).unwrap());
        assert_ne!(after, real, "the new bytes give another key");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_file_replaced_by_another_or_gone_is_not_taken_for_the_recorded_one() {
        let dir = place("replaced");
        let file = dir.join("a.txt");
        std::fs::write(&file, "共办理12件。").unwrap();
        let files = [file.clone()];
        let mut known = fingerprint(&files).unwrap();
        known.files[0].hash = 7;
        // Another file renamed over it: another inode, whatever its size and time.
        let other = dir.join("b.txt");
        std::fs::write(&other, "共办理13件。").unwrap();
        let mtime = std::fs::metadata(&file).unwrap().modified().unwrap();
        std::fs::File::options()
            .write(true)
            .open(&other)
            .unwrap()
            .set_modified(mtime)
            .unwrap();
        std::fs::rename(&other, &file).unwrap();
        let after = fingerprint_settled(&files, Some(&known), ALWAYS).unwrap();
        assert_ne!(after.files[0].hash, 7);
        std::fs::remove_file(&file).unwrap();
        assert!(fingerprint_settled(&files, Some(&known), ALWAYS).is_none());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_key_reads_back_as_written_and_damage_never_panics() {
        let dir = place("codec");
        let files: Vec<PathBuf> = (0..3).map(|i| dir.join(format!("{i}.txt"))).collect();
        for (i, f) in files.iter().enumerate() {
            std::fs::write(f, "共办理12件。".repeat(i + 1)).unwrap();
        }
        let key = fingerprint(&files).unwrap();
        let mut bytes = Vec::new();
        key.encode(&mut bytes);
        let (back, used) = Fingerprint::decode(&bytes).unwrap();
        assert_eq!(
            (back.clone(), back.taken_ns, used),
            (key.clone(), key.taken_ns, bytes.len())
        );
        for cut in 0..bytes.len() {
            assert!(Fingerprint::decode(&bytes[..cut]).is_none(), "cut at {cut}");
        }
        for at in 0..bytes.len() {
            let mut bad = bytes.clone();
            bad[at] ^= 0xFF;
            let _ = Fingerprint::decode(&bad);
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
