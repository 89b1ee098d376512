//! The models cache: the imported reports of a set of `--report` files, with the errors and
//! warnings their loading gave, in a file beside the index entry (`models-<same name>`)
//! and keyed by the same fingerprint. Reading it back takes a fraction of importing: each
//! report is a flat record (`model_encode`) decoded on every core.
//!
//! The file: a header (magic, format, sizes, a hash over the key and the table), the key,
//! the errors and warnings, each report's outline (what the browser's tree lists before
//! any report is decoded, see `lazy_models`), a table of records (offset, length, hash of
//! each), then the records. Written to a temporary name and renamed; anything that does not check out
//! (missing, foreign, damaged, stale) is ignored, and the files are imported again.

use super::key::{entry_name, fingerprint, Fingerprint};
use super::reader::Reader;
use super::{model_decode, model_encode};
use crate::model::{Outline, Report};
use std::path::{Path, PathBuf};

const MAGIC: &[u8; 8] = b"RTUIMDL\0";
/// Bump whenever the file's layout, the record layout or the model's fields change.
pub const FORMAT: u32 = 4;
/// Magic, format, a reserved word, key length, report count, build, hash.
const HEAD: usize = 8 + 4 + 4 + 8 + 8 + 16 + 16;
/// Offset, length and hash of one record.
const ROW: usize = 8 + 8 + 8;

/// What a models entry gives back: the reports that opened, one message per file that
/// did not, one per file that opened with a caveat.
pub struct Models {
    pub reports: Vec<Report>,
    pub errors: Vec<String>,
    pub warnings: Vec<String>,
}

/// The models entry that goes with the index entry named `index_name` (`index-….bin`).
pub fn name(index_name: &str) -> String {
    let tail = index_name.strip_prefix("index-").unwrap_or(index_name);
    format!("models-{tail}")
}

/// The models of the files `args` name, from the entry in `dir`, if it is keyed by
/// exactly `key` (taken from the files now). A hit renews the entry's time, as pruning
/// keeps recently used entries first.
pub fn open(dir: &Path, args: &[PathBuf], key: &Fingerprint) -> Option<Models> {
    let path = dir.join(name(&entry_name(args)));
    let models = read(&path, key)?;
    super::renew(&path);
    Some(models)
}

/// Save the models in `loaded`, keyed by `key` taken before the files were read, and only
/// if no file changed while they were read (else the key could describe other bytes than
/// the ones imported). A cache that cannot be written is not an error.
pub fn save(
    dir: &Path,
    args: &[PathBuf],
    files: &[PathBuf],
    key: &Fingerprint,
    loaded: &crate::load::Loaded,
) {
    if fingerprint(files).as_ref() != Some(key) {
        return;
    }
    let errors: Vec<String> = loaded.errors.iter().map(ToString::to_string).collect();
    let path = dir.join(name(&entry_name(args)));
    if write(&path, key, &errors, &loaded.warnings, &loaded.reports).is_ok() {
        super::prune(dir, &path, super::MAX_ENTRIES, super::MAX_BYTES);
    }
}

/// Write an entry atomically (temporary file, then rename). Fails, writing nothing, when a
/// report cannot be encoded.
pub fn write(
    path: &Path,
    key: &Fingerprint,
    errors: &[String],
    warnings: &[String],
    reports: &[Report],
) -> std::io::Result<()> {
    let records: Option<Vec<Vec<u8>>> =
        crate::parallel::map(reports, |_, r| model_encode::encode(r))
            .into_iter()
            .collect();
    let records = records.ok_or_else(|| std::io::Error::other("a report cannot be cached"))?;
    let build = crate::BUILD;
    let mut body = Vec::new();
    key.encode(&mut body);
    for lines in [errors, warnings] {
        put(&mut body, lines.len() as u64);
        lines.iter().for_each(|l| bytes(&mut body, l.as_bytes()));
    }
    reports
        .iter()
        .for_each(|r| put_outline(&mut body, &Outline::of(r)));
    let key_len = body.len();
    let mut at = (HEAD + key_len + records.len() * ROW) as u64;
    for r in &records {
        put(&mut body, at);
        put(&mut body, r.len() as u64);
        put(&mut body, xxhash_rust::xxh3::xxh3_64(r));
        at += r.len() as u64;
    }
    let mut head = Vec::with_capacity(HEAD);
    head.extend_from_slice(MAGIC);
    head.extend_from_slice(&FORMAT.to_le_bytes());
    head.extend_from_slice(&0u32.to_le_bytes());
    put(&mut head, key_len as u64);
    put(&mut head, records.len() as u64);
    head.extend_from_slice(&build.to_le_bytes());
    head.extend_from_slice(&xxhash_rust::xxh3::xxh3_128(&body).to_le_bytes());

    let mut parts: Vec<&[u8]> = vec![&head, &body];
    parts.extend(records.iter().map(Vec::as_slice));
    super::write_atomically(path, &parts)
}

fn put(out: &mut Vec<u8>, n: u64) {
    out.extend_from_slice(&n.to_le_bytes());
}

fn bytes(out: &mut Vec<u8>, b: &[u8]) {
    put(out, b.len() as u64);
    out.extend_from_slice(b);
}

/// Flags (preamble, sign-off), the section count, then each section's flag and id.
fn put_outline(out: &mut Vec<u8>, o: &Outline) {
    let flags = u32::from(o.intro) | u32::from(o.sign_off) << 1;
    out.extend_from_slice(&flags.to_le_bytes());
    out.extend_from_slice(&(o.sections.len() as u32).to_le_bytes());
    for (id, opens) in &o.sections {
        out.extend_from_slice(&u32::from(*opens).to_le_bytes());
        bytes(out, id.as_bytes());
    }
}

fn take_outline(r: &mut Reader) -> Option<Outline> {
    let flags = r.u32()?;
    if flags > 3 {
        return None;
    }
    let n = r.u32()? as usize;
    // Each section takes at least 12 bytes: a count past what is left is damage.
    if n.checked_mul(12)? > r.bytes.len().saturating_sub(r.at) {
        return None;
    }
    let mut sections = Vec::with_capacity(n);
    for _ in 0..n {
        let opens = match r.u32()? {
            0 => false,
            1 => true,
            _ => return None,
        };
        sections.push((std::str::from_utf8(r.bytes()?).ok()?.to_string(), opens));
    }
    Some(Outline {
        intro: flags & 1 != 0,
        sign_off: flags & 2 != 0,
        sections,
    })
}

/// The entry at `path` if it is whole, ours, of this format and keyed by exactly `key`;
/// `None` for anything else, which the caller imports and rewrites. Every record is
/// checked and decoded, on every core.
pub fn read(path: &Path, key: &Fingerprint) -> Option<Models> {
    let entry = map(path, key, true)?;
    let reports: Option<Vec<Report>> =
        crate::parallel::map(&entry.rows, |_, row| record(&entry.map, *row))
            .into_iter()
            .collect();
    Some(Models {
        reports: reports?,
        errors: entry.errors,
        warnings: entry.warnings,
    })
}

/// A models entry checked as far as it can be without reading its records: header, key,
/// lines, outlines and table hashed and compared, the records' places accounted for.
pub(super) struct Mapped {
    pub map: memmap2::Mmap,
    pub errors: Vec<String>,
    pub warnings: Vec<String>,
    pub outlines: Vec<Outline>,
    /// Offset, length and hash of each report's record.
    pub rows: Vec<(usize, usize, u64)>,
    /// The file's status when opened and the hash its header holds (over the key, the
    /// lines, the outlines and the table), for the note that it passed (`verified`).
    pub meta: std::fs::Metadata,
    pub hash: u128,
}

/// The report in the record at `row` of the entry `all`, if the record passes its hash
/// and decodes.
pub(super) fn record(all: &[u8], (at, len, hash): (usize, usize, u64)) -> Option<Report> {
    let record = all.get(at..at.checked_add(len)?)?;
    if xxhash_rust::xxh3::xxh3_64(record) != hash {
        return None;
    }
    model_decode::decode(record)
}

/// The entry at `path` mapped and checked up to its records (see `Mapped`); `populate`
/// reads the whole file in at once, for a caller that will decode every record.
pub(super) fn map(path: &Path, key: &Fingerprint, populate: bool) -> Option<Mapped> {
    let file = super::open_regular(path)?;
    let meta = file.metadata().ok()?;
    let mut options = memmap2::MmapOptions::new();
    if populate {
        options.populate();
    }
    // SAFETY: as for the index entry: the map is read-only and entries are only ever
    // replaced by rename, never written in place; a file cut short by something else
    // fails the length and hash checks before any record is decoded.
    let map = unsafe { options.map(&file) }.ok()?;
    let all: &[u8] = &map;
    let mut r = Reader { bytes: all, at: 0 };
    if r.take(8)? != MAGIC || r.u32()? != FORMAT || r.u32()? != 0 {
        return None;
    }
    let (key_len, count) = (r.usize()?, r.usize()?);
    // Another build's models are stale (see `crate::BUILD`).
    if r.u128()? != crate::BUILD {
        return None;
    }
    let hash = u128::from_le_bytes(r.take(16)?.try_into().ok()?);
    let table_end = HEAD
        .checked_add(key_len)?
        .checked_add(count.checked_mul(ROW)?)?;
    if xxhash_rust::xxh3::xxh3_128(all.get(HEAD..table_end)?) != hash {
        return None;
    }
    // Hashed, so this is what `write` wrote: the key is compared field by field.
    let (stored, used) = Fingerprint::decode(all.get(HEAD..HEAD + key_len)?)?;
    if stored != *key {
        return None;
    }
    r.at = HEAD + used;
    let (mut errors, mut warnings) = (Vec::new(), Vec::new());
    for lines in [&mut errors, &mut warnings] {
        for _ in 0..r.usize()? {
            lines.push(std::str::from_utf8(r.bytes()?).ok()?.to_string());
        }
    }
    let outlines: Vec<Outline> = (0..count)
        .map(|_| take_outline(&mut r))
        .collect::<Option<_>>()?;
    if r.at != HEAD + key_len {
        return None;
    }
    let rows: Vec<(usize, usize, u64)> = (0..count)
        .map(|_| Some((r.usize()?, r.usize()?, r.u64()?)))
        .collect::<Option<_>>()?;
    // The records follow the table end to end and end the file: nothing unaccounted for.
    let mut next = table_end;
    for &(at, len, _) in &rows {
        if at != next {
            return None;
        }
        next = at.checked_add(len)?;
    }
    if next != all.len() {
        return None;
    }
    Some(Mapped {
        map,
        errors,
        warnings,
        outlines,
        rows,
        meta,
        hash,
    })
}

/// The key the entry at `path` was written with, unchecked: hints for
/// `fingerprint_against` only (see `key::stored`).
pub fn stored_key(path: &Path) -> Option<Fingerprint> {
    super::key::stored(path, HEAD, &|head| {
        let mut r = Reader { bytes: head, at: 0 };
        if r.take(8)? != MAGIC || r.u32()? != FORMAT {
            return None;
        }
        r.take(4)?;
        r.usize()
    })
}
