//! The index's storage: flat columns of numbers and one UTF-8 blob, either in one buffer
//! (a memory-mapped cache file, the embedded image) or each column in its own as built,
//! read in place without decoding.
//!
//! Layout (native endianness; the cache's header says which): `u64` column count, then a
//! `(offset, length)` pair of `u64` per column, then the columns, each starting at a
//! multiple of 8 bytes. Every read is bounds-checked and cast with `bytemuck`, which
//! checks alignment and size, so a damaged buffer gives wrong or empty answers, never
//! undefined behaviour or a panic; the cache checks a hash before it gets that far.
//!
//! Strings are `(offset, length)` spans into one blob, as `u32` pairs while the blob is
//! under 4 GiB (233 MB for 10,000 reports) and `u64` pairs only past that: the spans were
//! 15% of a cache entry at `u64`.

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
    /// Item `i`'s text is `Text[starts[i]..starts[i + 1]]` (`u32`, items + 1).
    Starts,
    /// Four `u64` per item: the bloom filter of its symbols.
    Blooms,
    /// Kind per item (`u8`: 0 section, 1 measure, 2 statistic).
    Kinds,
    /// Per item, spans into `Strings`: id, then text.
    ItemStrs,
    /// Per item: report, node, figure (`u32` triples; figure `u32::MAX` for none).
    ItemRefs,
    /// Per node: node id, top-level section (spans into `Strings`, 2 per node).
    NodeStrs,
    /// Per node: first breadcrumb in `Crumbs`, how many (`u32` pairs).
    NodeCrumbs,
    /// Breadcrumb headings (spans into `Strings`).
    Crumbs,
    /// Per figure: label, unit, display, quote (spans, 4 per figure; all but the unit
    /// inside the statistic's item text, `label：display（quote）`, so stored once).
    FigStrs,
    /// Per figure: the value as `f64` bits (`u64`).
    FigValues,
    /// Per figure: approximate or not (`u8`).
    FigApprox,
    /// Per report: its title (a span into `Strings`).
    Titles,
    /// Per report: its place (`市桥街`; a span into `Strings`), from `identity`.
    Places,
    /// Per report: the year it covers (`i64`; `i64::MIN` for none), from `identity`.
    Years,
    /// One `u64`: 1 when the spans above are `u64` pairs, 0 for `u32`.
    WideSpans,
    /// Every string above, UTF-8, back to back.
    Strings,
}

/// The columns that hold spans into `Strings`.
const SPAN_COLS: [Col; 6] = [
    Col::ItemStrs,
    Col::NodeStrs,
    Col::Crumbs,
    Col::FigStrs,
    Col::Titles,
    Col::Places,
];

/// A run of `(offset, length)` spans into the store's strings, at the store's width.
#[derive(Clone, Copy)]
pub(crate) enum Spans<'a> {
    Narrow(&'a [u32]),
    Wide(&'a [u64]),
}

impl<'a> Spans<'a> {
    /// How many spans.
    pub(crate) fn len(&self) -> usize {
        match self {
            Spans::Narrow(s) => s.len() / 2,
            Spans::Wide(s) => s.len() / 2,
        }
    }

    /// Spans `range` of these; empty if out of range.
    pub(crate) fn sub(self, range: Range<usize>) -> Spans<'a> {
        let pairs = 2 * range.start..2 * range.end;
        match self {
            Spans::Narrow(s) => Spans::Narrow(s.get(pairs).unwrap_or_default()),
            Spans::Wide(s) => Spans::Wide(s.get(pairs).unwrap_or_default()),
        }
    }

    /// Span `i` as offset and length; `None` if out of range or past `usize`.
    fn get(&self, i: usize) -> Option<(usize, usize)> {
        match self {
            Spans::Narrow(s) => Some((*s.get(2 * i)? as usize, *s.get(2 * i + 1)? as usize)),
            Spans::Wide(s) => Some((
                usize::try_from(*s.get(2 * i)?).ok()?,
                usize::try_from(*s.get(2 * i + 1)?).ok()?,
            )),
        }
    }
}

pub(crate) const COLS: usize = Col::Strings as usize + 1;

/// The bytes behind a store: a mapped file, an image compiled into the binary, or the
/// columns just built, each in a buffer of its own.
pub(crate) enum Bytes {
    Static(&'static [u8]),
    Mapped {
        map: memmap2::Mmap,
        /// Where the store starts in the file (a multiple of 8).
        at: usize,
    },
    /// Built in memory: the column table of the joined layout
    /// and the columns apart. Joining them into one buffer was a copy of the whole index
    /// into fresh memory, a third of the page faults of `search --no-cache`; the cache
    /// writes the pieces in the joined layout instead (`Store::pieces`).
    Columns {
        head: Vec<u64>,
        cols: Vec<Buf>,
    },
}

impl Bytes {
    /// The joined layout, for the variants that hold it in one buffer.
    fn get(&self) -> &[u8] {
        match self {
            Bytes::Static(bytes) => bytes,
            Bytes::Mapped { map, at } => map.get(*at..).unwrap_or_default(),
            Bytes::Columns { head, .. } => bytemuck::cast_slice(head),
        }
    }
}

/// An 8-aligned, growable byte buffer: a column being built, read as `u16`, `u32` or `u64`
/// once built without a copy into aligned memory.
#[derive(Clone, Default)]
pub(crate) struct Buf {
    words: Vec<u64>,
    len: usize,
}

impl Buf {
    pub(crate) fn extend_from_slice(&mut self, bytes: &[u8]) {
        let end = self.len + bytes.len();
        self.words.resize(end.div_ceil(8), 0);
        bytemuck::cast_slice_mut::<u64, u8>(&mut self.words)[self.len..end].copy_from_slice(bytes);
        self.len = end;
    }

    pub(crate) fn as_slice(&self) -> &[u8] {
        &bytemuck::cast_slice::<u64, u8>(&self.words)[..self.len]
    }

    pub(crate) fn len(&self) -> usize {
        self.len
    }

    pub(crate) fn reserve(&mut self, bytes: usize) {
        let words = (self.len + bytes).div_ceil(8);
        self.words.reserve(words.saturating_sub(self.words.len()));
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

    /// The store in its joined layout as consecutive pieces (the column table, then each
    /// column and its padding to 8 bytes), for writing it to a file without joining it.
    pub(crate) fn pieces(&self) -> Vec<&[u8]> {
        const PAD: [u8; 8] = [0; 8];
        match &self.bytes {
            Bytes::Columns { head, cols } => {
                let mut pieces = vec![bytemuck::cast_slice::<u64, u8>(head)];
                for col in cols {
                    pieces.push(col.as_slice());
                    pieces.push(&PAD[..col.len().next_multiple_of(8) - col.len()]);
                }
                pieces
            }
            whole => vec![whole.get()],
        }
    }

    /// The store in its joined layout, as one buffer (a copy when built in memory).
    pub(crate) fn as_bytes(&self) -> std::borrow::Cow<'_, [u8]> {
        match self.pieces().as_slice() {
            [whole] => std::borrow::Cow::Borrowed(whole),
            pieces => std::borrow::Cow::Owned(pieces.concat()),
        }
    }

    pub(crate) fn bytes(&self, col: Col) -> &[u8] {
        match &self.bytes {
            Bytes::Columns { cols, .. } => cols.get(col as usize).map_or(&[], Buf::as_slice),
            whole => whole
                .get()
                .get(self.cols[col as usize].clone())
                .unwrap_or_default(),
        }
    }

    /// A column as `T`s; empty if its length is not a whole number of them.
    pub(crate) fn slice<T: bytemuck::Pod>(&self, col: Col) -> &[T] {
        bytemuck::try_cast_slice(self.bytes(col)).unwrap_or_default()
    }

    /// A column of spans into the strings, at the width the store was written with.
    pub(crate) fn spans(&self, col: Col) -> Spans<'_> {
        match self.slice::<u64>(Col::WideSpans).first() {
            Some(1) => Spans::Wide(self.slice(col)),
            _ => Spans::Narrow(self.slice(col)),
        }
    }

    /// The string at span `i` of `spans`; empty if out of range or not UTF-8.
    pub(crate) fn str_at(&self, spans: Spans, i: usize) -> &str {
        let Some((at, len)) = spans.get(i) else {
            return "";
        };
        at.checked_add(len)
            .and_then(|end| self.bytes(Col::Strings).get(at..end))
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or_default()
    }
}

/// Columns being built, each in an aligned buffer of its own.
#[derive(Default)]
pub(crate) struct Writer {
    cols: Vec<Buf>,
}

impl Writer {
    pub(crate) fn new() -> Writer {
        Writer {
            cols: vec![Buf::default(); COLS],
        }
    }

    /// Append values to a column.
    pub(crate) fn put<T: bytemuck::Pod>(&mut self, col: Col, values: &[T]) {
        self.cols[col as usize].extend_from_slice(bytemuck::cast_slice(values));
    }

    /// A column's bytes so far.
    pub(crate) fn get(&self, col: Col) -> &[u8] {
        self.cols[col as usize].as_slice()
    }

    /// A column to append bytes to directly.
    pub(crate) fn col_mut(&mut self, col: Col) -> &mut Buf {
        &mut self.cols[col as usize]
    }

    /// Append a string to the blob; its `(offset, length)` pair.
    pub(crate) fn string(&mut self, s: &str) -> [u64; 2] {
        let blob = &mut self.cols[Col::Strings as usize];
        let at = blob.len() as u64;
        blob.extend_from_slice(s.as_bytes());
        [at, s.len() as u64]
    }

    /// The store, its columns kept where they were built, with the column table of their
    /// joined layout. Spans, written as `u64` pairs, are narrowed to `u32` when the
    /// strings allow.
    pub(crate) fn finish(mut self) -> Store {
        let wide = self.cols[Col::Strings as usize].len() > u32::MAX as usize;
        if !wide {
            for col in SPAN_COLS {
                let mut narrow = Buf::default();
                narrow.reserve(self.cols[col as usize].len() / 2);
                for b in self.cols[col as usize].as_slice().chunks_exact(8) {
                    let n = u64::from_ne_bytes(b.try_into().unwrap_or_default());
                    // In range: every offset and length is within the strings.
                    narrow.extend_from_slice(&(n as u32).to_ne_bytes());
                }
                self.cols[col as usize] = narrow;
            }
        }
        let mut flag = Buf::default();
        flag.extend_from_slice(&u64::from(wide).to_ne_bytes());
        self.cols[Col::WideSpans as usize] = flag;
        let mut head = vec![COLS as u64];
        let mut at = 8 * (1 + 2 * COLS);
        for col in &self.cols {
            head.extend([at as u64, col.len() as u64]);
            at += col.len().next_multiple_of(8);
        }
        let cols = std::array::from_fn(|c| {
            let start = head[1 + 2 * c] as usize;
            start..start + head[2 + 2 * c] as usize
        });
        Store {
            bytes: Bytes::Columns {
                head,
                cols: self.cols,
            },
            cols,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_round_trip_and_damage_is_refused() {
        let mut w = Writer::new();
        w.put(Col::Chars, &[0x6CD5u32, 0x5F8B]);
        w.put(Col::Kinds, &[1u8, 2, 3]);
        let pair = w.string("执法");
        w.put(Col::Titles, &pair);
        let store = w.finish();
        assert_eq!(store.slice::<u32>(Col::Chars), [0x6CD5, 0x5F8B]);
        assert_eq!(store.slice::<u8>(Col::Kinds), [1, 2, 3]);
        let titles = store.spans(Col::Titles);
        assert!(
            matches!(titles, Spans::Narrow(_)),
            "a small blob has u32 spans"
        );
        assert_eq!(store.str_at(titles, 0), "执法");
        assert_eq!(store.str_at(titles, 1), "", "out of range");
        assert_eq!(
            store.str_at(Spans::Narrow(&[1, 2]), 0),
            "",
            "not on a char boundary"
        );
        assert_eq!(store.str_at(Spans::Wide(&[u64::MAX, 2]), 0), "");
        assert_eq!(store.str_at(Spans::Narrow(&[u32::MAX, 2]), 0), "");

        let bytes: Vec<u8> = store.as_bytes().to_vec();
        assert_eq!(bytes, store.pieces().concat());
        let words = |b: &[u8]| {
            let mut w = vec![0u64; b.len().div_ceil(8)];
            bytemuck::cast_slice_mut::<u64, u8>(&mut w)[..b.len()].copy_from_slice(b);
            // Leaked: a test's few bytes, 8-aligned as a store's buffer is.
            Bytes::Static(bytemuck::cast_slice(Vec::leak(w)))
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
