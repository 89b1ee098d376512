//! One cache file: a header (format, build, sizes, a hash over everything after it), the key
//! (every file's fingerprint), the errors and warnings the files gave, then the index's store,
//! mapped and read in place. Written to a temporary name and renamed, so a reader sees a
//! whole old file or a whole new one; a crash mid-write leaves a file whose hash fails.

use super::key::Fingerprint;
use super::reader::Reader;
use crate::search::Index;
use std::path::Path;

const MAGIC: &[u8; 8] = b"RTUIIDX\0";
/// Bump whenever the layout of the file or of the index's columns changes.
pub const FORMAT: u32 = 9;
/// Written in native order: a file from a machine of the other endianness is foreign.
const ENDIAN: u32 = 0x0102_0304;
/// Magic, format, endianness, build, key length, store offset, store length, hash.
const HEAD: usize = 8 + 4 + 4 + 16 + 8 + 8 + 8 + 16;

/// What an entry holds besides the index: one message per file that could not be opened,
/// and one per file that opened with a caveat.
pub struct Entry {
    pub index: Index,
    pub errors: Vec<String>,
    pub warnings: Vec<String>,
}

/// Write an entry atomically (temporary file, then rename).
pub fn write(
    path: &Path,
    key: &Fingerprint,
    errors: &[String],
    warnings: &[String],
    index: &Index,
) -> std::io::Result<()> {
    let mut body = Vec::new();
    key.encode(&mut body);
    for lines in [errors, warnings] {
        put(&mut body, lines.len() as u64);
        for line in lines {
            put(&mut body, line.len() as u64);
            body.extend_from_slice(line.as_bytes());
        }
    }
    let key_len = body.len();
    body.resize((HEAD + key_len).next_multiple_of(8) - HEAD, 0);
    let store_at = HEAD + body.len();
    let mut head = Vec::with_capacity(HEAD);
    head.extend_from_slice(MAGIC);
    head.extend_from_slice(&FORMAT.to_le_bytes());
    head.extend_from_slice(&ENDIAN.to_ne_bytes());
    head.extend_from_slice(&crate::BUILD.to_le_bytes());
    // Written and hashed piece by piece: an index built in memory keeps its columns apart.
    let store = index.pieces();
    let store_len: usize = store.iter().map(|p| p.len()).sum();
    for n in [key_len, store_at, store_len] {
        put(&mut head, n as u64);
    }
    head.extend_from_slice(&digest(&body, &store).to_le_bytes());
    let mut all: Vec<&[u8]> = vec![&head, &body];
    all.extend(store);
    super::write_atomically(path, &all)
}

/// Stores are hashed in pieces this big, on every core.
const PIECE: usize = 4 << 20;

/// The hash of an entry: xxh3-128 over the key's hash and the hash of each `PIECE` bytes
/// of the store, so the pieces of a large store (46 MB for 1,000 reports) are hashed in
/// parallel. The store comes as consecutive slices (one, when mapped); a piece may span
/// several, and is hashed across them without a copy.
fn digest(key: &[u8], store: &[&[u8]]) -> u128 {
    let pieces = split(store, PIECE);
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(pieces.len())
        .max(1);
    let per = pieces.len().div_ceil(threads).max(1);
    let hash = |piece: &Vec<&[u8]>| match piece.as_slice() {
        [one] => xxhash_rust::xxh3::xxh3_64(one),
        parts => {
            let mut h = xxhash_rust::xxh3::Xxh3::new();
            parts.iter().for_each(|p| h.update(p));
            h.digest()
        }
    };
    let hashes: Vec<u64> = std::thread::scope(|s| {
        let handles: Vec<_> = pieces
            .chunks(per)
            .map(|group| s.spawn(move || group.iter().map(hash).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    let mut all = xxhash_rust::xxh3::xxh3_128(key).to_le_bytes().to_vec();
    hashes.iter().for_each(|h| all.extend(h.to_le_bytes()));
    xxhash_rust::xxh3::xxh3_128(&all)
}

/// Consecutive slices cut into pieces of `size` bytes (the last may be shorter), each
/// piece the run of sub-slices that makes it up.
fn split<'a>(slices: &[&'a [u8]], size: usize) -> Vec<Vec<&'a [u8]>> {
    let mut pieces = vec![Vec::new()];
    let mut room = size;
    for &slice in slices {
        let mut rest = slice;
        while !rest.is_empty() {
            if room == 0 {
                pieces.push(Vec::new());
                room = size;
            }
            let (now, later) = rest.split_at(rest.len().min(room));
            if let Some(piece) = pieces.last_mut() {
                piece.push(now);
            }
            room -= now.len();
            rest = later;
        }
    }
    pieces.retain(|p| !p.is_empty());
    pieces
}

fn put(out: &mut Vec<u8>, n: u64) {
    out.extend_from_slice(&n.to_le_bytes());
}

/// The entry at `path` if it is whole, ours, of this format, and keyed by exactly `key`;
/// `None` for anything else (missing, foreign, damaged, stale), which the caller rebuilds.
pub fn read(path: &Path, key: &Fingerprint) -> Option<Entry> {
    let file = super::open_regular(path)?;
    let meta = file.metadata().ok()?;
    // Whether a run noted that this entry, with this status, passed the hash its header
    // claims (read from the header before mapping, to know whether to populate).
    let noted = {
        use std::io::Read;
        let mut head = [0u8; HEAD];
        (&file).read_exact(&mut head).is_ok()
            && super::verified::is_noted(path, &meta, header_hash(&head))
    };
    // SAFETY: the map is read-only and entries are only ever replaced by rename, never
    // written in place, so the mapped bytes do not change under us; a file cut short by
    // something else would fail the length and hash checks below before any use.
    // Populated when it is to be hashed: every page is read for the hash anyway, and one
    // call maps them all cheaper than a fault per page; else only what is read is mapped.
    let options = match noted {
        true => memmap2::MmapOptions::new(),
        false => memmap2::MmapOptions::new().populate().clone(),
    };
    let map = unsafe { options.map(&file) }.ok()?;
    let bytes: &[u8] = &map;
    let mut r = Reader::new(bytes);
    if r.take(8)? != MAGIC || r.u32()? != FORMAT || native_u32(r.take(4)?) != ENDIAN {
        return None;
    }
    // The same files indexed by another build (a new importer, new label rules) can give
    // other items: its entries are stale (see `crate::BUILD`).
    if r.u128()? != crate::BUILD {
        return None;
    }
    let (key_len, store_at, store_len) = (r.usize()?, r.usize()?, r.usize()?);
    let hash = r.u128()?;
    if store_at % 8 != 0
        || store_at < HEAD + key_len
        || store_at.checked_add(store_len)? != bytes.len()
    {
        return None;
    }
    let (stored, used) = Fingerprint::decode(bytes.get(HEAD..HEAD + key_len)?)?;
    if stored != *key {
        return None;
    }
    let mut r = Reader {
        bytes: bytes.get(..HEAD + key_len)?,
        at: HEAD + used,
    };
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    for lines in [&mut errors, &mut warnings] {
        for _ in 0..r.usize()? {
            lines.push(std::str::from_utf8(r.bytes()?).ok()?.to_string());
        }
    }
    // Last, as it reads the whole file: only an entry that is otherwise right pays for it,
    // and only until a run notes that it passed with the status it has (`verified`).
    if !noted {
        if digest(bytes.get(HEAD..store_at)?, &[bytes.get(store_at..)?]) != hash {
            return None;
        }
        super::verified::note(path, &meta, hash);
    }
    let index = Index::from_mapped(map, store_at)?;
    Some(Entry {
        index,
        errors,
        warnings,
    })
}

/// The key the entry at `path` was written with, unchecked (see `key::stored`).
pub fn stored_key(path: &Path) -> Option<Fingerprint> {
    super::key::stored(path, HEAD, &|head| {
        let mut r = Reader { bytes: head, at: 0 };
        if r.take(8)? != MAGIC || r.u32()? != FORMAT || native_u32(r.take(4)?) != ENDIAN {
            return None;
        }
        r.take(16)?;
        r.usize()
    })
}

/// The hash a header (its first `HEAD` bytes) claims for the entry: its last 16 bytes.
fn header_hash(head: &[u8]) -> u128 {
    head.get(HEAD - 16..HEAD)
        .and_then(|b| b.try_into().ok())
        .map_or(0, u128::from_le_bytes)
}

/// The endianness marker, read in the machine's own order: the store's columns are in it,
/// so a file from a machine of the other order reads as another marker and is foreign.
fn native_u32(bytes: &[u8]) -> u32 {
    bytes.try_into().map_or(0, u32::from_ne_bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_store_in_pieces_hashes_as_the_same_bytes_in_one() {
        let bytes: Vec<u8> = (0..2 * PIECE + 12_345)
            .map(|i| (i * 7 % 251) as u8)
            .collect();
        let whole = digest(b"key", &[&bytes]);
        // Cut at odd places, across piece boundaries, with empty slices between.
        for cuts in [
            vec![3, PIECE - 1, PIECE + 2, 2 * PIECE],
            vec![PIECE, PIECE, 2 * PIECE + 5],
            vec![0, 1, 2, 2 * PIECE + 12_344],
        ] {
            let mut slices: Vec<&[u8]> = Vec::new();
            let mut at = 0;
            for cut in cuts {
                slices.push(&bytes[at..cut]);
                at = cut;
            }
            slices.push(&bytes[at..]);
            assert_eq!(digest(b"key", &slices), whole);
            let sizes: Vec<usize> = split(&slices, PIECE)
                .iter()
                .map(|p| p.iter().map(|s| s.len()).sum())
                .collect();
            assert_eq!(sizes, [PIECE, PIECE, 12_345]);
        }
        assert_ne!(digest(b"other", &[&bytes]), whole);
        assert_eq!(digest(b"key", &[]), digest(b"key", &[&[]]));
    }
}
