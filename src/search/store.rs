//! The index's storage: flat columns of numbers and one UTF-8 blob in a single buffer,
//! either built in memory or a memory-mapped cache file, read in place without decoding.
//!
//! Layout (native endianness; the cache's header says which): `u64` column count, then a
//! `(offset, length)` pair of `u64` per column, then the columns, each starting at a
//! multiple of 8 bytes. Every read is bounds-checked and cast with `bytemuck`, which
//! checks alignment and size, so a damaged buffer gives wrong or empty answers, never
//! undefined behaviour or a panic; the cache checks a hash before it gets that far.

use std::ops::Range;

/// Every column of an index, in the order they are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(usize)]
pub(crate) enum Col {
    /// Symbol id → char (`u32`).
    Chars,
    /// Every item's folded text as symbol ids, `u16` while there are at most 65,536
    /// distinct characters (always, in real reports: ~800), else `u32` (`Wide` set).
    Text,
    /// One `u64`: 1 when `Text` holds `u32` symbols.
    Wide,
    /// A scoring mark per char of `Text` (`u8`).
    Marks,
    /// Item `i`'s text is `Text[starts[i]..starts[i + 1]]` (`u32`, items + 1).
    Starts,
    /// Four `u64` per item: the bloom filter of its symbols.
    Blooms,
    /// Kind per item (`u8`: 0 section, 1 measure, 2 statistic).
    Kinds,
    /// Per item, `(offset, length)` into `Strings` (`u64` pairs): id, then text.
    ItemStrs,
    /// Per item: report, node, figure (`u32` triples; figure `u32::MAX` for none).
    ItemRefs,
    /// Per node: node id, top-level section (`u64` pairs into `Strings`, 2 per node).
    NodeStrs,
    /// Per node: first breadcrumb in `Crumbs`, how many (`u32` pairs).
    NodeCrumbs,
    /// Breadcrumb headings (`u64` pairs into `Strings`).
    Crumbs,
    /// Per figure: label, unit, display, quote (`u64` pairs, 4 per figure).
    FigStrs,
    /// Per figure: the value as `f64` bits (`u64`).
    FigValues,
    /// Per figure: approximate or not (`u8`).
    FigApprox,
    /// Per report: its title (`u64` pair into `Strings`).
    Titles,
    /// Per report: its place (`市桥街`; `u64` pair into `Strings`), from `identity`.
    Places,
    /// Per report: the year it covers (`i64`; `i64::MIN` for none), from `identity`.
    Years,
    /// Every string above, UTF-8, back to back.
    Strings,
}

pub(crate) const COLS: usize = Col::Strings as usize + 1;

/// The bytes behind a store: an 8-aligned buffer of our own, or a mapped file.
pub(crate) enum Bytes {
    Owned(Vec<u64>),
    Mapped {
        map: memmap2::Mmap,
        /// Where the store starts in the file (a multiple of 8).
        at: usize,
    },
}

impl Bytes {
    fn get(&self) -> &[u8] {
        match self {
            Bytes::Owned(words) => bytemuck::cast_slice(words),
            Bytes::Mapped { map, at } => map.get(*at..).unwrap_or_default(),
        }
    }
}

/// A read-only set of columns.
pub(crate) struct Store {
    bytes: Bytes,
    cols: [Range<usize>; COLS],
}

impl Store {
    /// Read the column table; `None` if it does not fit the bytes or is misaligned.
    pub(crate) fn open(bytes: Bytes) -> Option<Store> {
        let all = bytes.get();
        let head: &[u64] = bytemuck::try_cast_slice(all.get(..8 * (1 + 2 * COLS))?).ok()?;
        if head[0] != COLS as u64 {
            return None;
        }
        let mut cols: [Range<usize>; COLS] = std::array::from_fn(|_| 0..0);
        for (c, col) in cols.iter_mut().enumerate() {
            let (at, len) = (head[1 + 2 * c], head[2 + 2 * c]);
            let at = usize::try_from(at).ok()?;
            let end = at.checked_add(usize::try_from(len).ok()?)?;
            if at % 8 != 0 || end > all.len() {
                return None;
            }
            *col = at..end;
        }
        Some(Store { bytes, cols })
    }

    /// The whole buffer, for writing it to a file.
    pub(crate) fn as_bytes(&self) -> &[u8] {
        self.bytes.get()
    }

    pub(crate) fn bytes(&self, col: Col) -> &[u8] {
        self.bytes
            .get()
            .get(self.cols[col as usize].clone())
            .unwrap_or_default()
    }

    /// A column as `T`s; empty if its length is not a whole number of them.
    pub(crate) fn slice<T: bytemuck::Pod>(&self, col: Col) -> &[T] {
        bytemuck::try_cast_slice(self.bytes(col)).unwrap_or_default()
    }

    /// The string at an `(offset, length)` pair; empty if out of range or not UTF-8.
    pub(crate) fn str(&self, pair: &[u64]) -> &str {
        let [at, len] = pair else { return "" };
        let bytes = self.bytes(Col::Strings);
        let (Ok(at), Ok(len)) = (usize::try_from(*at), usize::try_from(*len)) else {
            return "";
        };
        at.checked_add(len)
            .and_then(|end| bytes.get(at..end))
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or_default()
    }
}

/// Columns being built, then joined into one buffer.
#[derive(Default)]
pub(crate) struct Writer {
    cols: Vec<Vec<u8>>,
}

impl Writer {
    pub(crate) fn new() -> Writer {
        Writer {
            cols: vec![Vec::new(); COLS],
        }
    }

    /// Append values to a column.
    pub(crate) fn put<T: bytemuck::Pod>(&mut self, col: Col, values: &[T]) {
        self.cols[col as usize].extend_from_slice(bytemuck::cast_slice(values));
    }

    /// A column's bytes so far.
    pub(crate) fn get(&self, col: Col) -> &[u8] {
        &self.cols[col as usize]
    }

    /// A column to append bytes to directly.
    pub(crate) fn col_mut(&mut self, col: Col) -> &mut Vec<u8> {
        &mut self.cols[col as usize]
    }

    /// Append a string to the blob; its `(offset, length)` pair.
    pub(crate) fn string(&mut self, s: &str) -> [u64; 2] {
        let blob = &mut self.cols[Col::Strings as usize];
        let at = blob.len() as u64;
        blob.extend_from_slice(s.as_bytes());
        [at, s.len() as u64]
    }

    /// Join the columns into one 8-aligned buffer, freeing each once copied, so the
    /// peak is the index plus its largest column rather than twice the index.
    pub(crate) fn finish(self) -> Store {
        let head = 8 * (1 + 2 * COLS);
        let total = head
            + self
                .cols
                .iter()
                .map(|c| c.len().next_multiple_of(8))
                .sum::<usize>();
        let mut words = vec![0u64; total / 8];
        let bytes: &mut [u8] = bytemuck::cast_slice_mut(&mut words);
        let mut table = vec![COLS as u64];
        let mut at = head;
        for col in self.cols {
            let len = col.len();
            move_col(col, &mut bytes[at..at + len]);
            table.extend([at as u64, len as u64]);
            at += len.next_multiple_of(8);
        }
        bytes[..head].copy_from_slice(bytemuck::cast_slice(&table));
        let cols = std::array::from_fn(|c| {
            let start = table[1 + 2 * c] as usize;
            start..start + table[2 + 2 * c] as usize
        });
        Store {
            bytes: Bytes::Owned(words),
            cols,
        }
    }
}

/// Copy a column into place and free it as it goes, from its end, a chunk at a time:
/// freed whole after the copy, the largest column (the strings, 23 MB for 1,000
/// reports) was resident twice at the peak of a search without the cache.
fn move_col(mut col: Vec<u8>, to: &mut [u8]) {
    const CHUNK: usize = 1 << 20;
    let mut end = col.len();
    while end > 0 {
        let start = end.saturating_sub(CHUNK);
        to[start..end].copy_from_slice(&col[start..end]);
        col.truncate(start);
        // A large block is shrunk in place (glibc remaps it), handing its tail back.
        col.shrink_to_fit();
        end = start;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_round_trip_and_damage_is_refused() {
        let mut w = Writer::new();
        w.put(Col::Chars, &[0x6CD5u32, 0x5F8B]);
        w.put(Col::Marks, &[1u8, 2, 3]);
        let pair = w.string("执法");
        w.put(Col::Titles, &pair);
        let store = w.finish();
        assert_eq!(store.slice::<u32>(Col::Chars), [0x6CD5, 0x5F8B]);
        assert_eq!(store.slice::<u8>(Col::Marks), [1, 2, 3]);
        assert_eq!(store.str(store.slice::<u64>(Col::Titles)), "执法");
        assert_eq!(store.str(&[1, 2]), "", "not on a char boundary");
        assert_eq!(store.str(&[u64::MAX, 2]), "");

        let bytes: Vec<u8> = store.as_bytes().to_vec();
        let words = |b: &[u8]| {
            let mut w = vec![0u64; b.len().div_ceil(8)];
            bytemuck::cast_slice_mut::<u64, u8>(&mut w)[..b.len()].copy_from_slice(b);
            Bytes::Owned(w)
        };
        let again = Store::open(words(&bytes)).unwrap();
        assert_eq!(again.slice::<u32>(Col::Chars), [0x6CD5, 0x5F8B]);
        assert!(
            Store::open(words(&bytes[..bytes.len() - 8])).is_none(),
            "cut short"
        );
        assert!(Store::open(words(&[0u8; 16])).is_none());
        let mut wrong = bytes.clone();
        wrong[0] = 3;
        assert!(Store::open(words(&wrong)).is_none(), "another layout");
    }
}
