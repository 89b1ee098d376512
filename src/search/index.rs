//! The index: every searchable item of a list of reports, in document order, with its
//! folded text stored as symbol ids and a bloom filter of the symbols it holds. Its
//! columns are built in memory or mapped from the cache, and read in place either way.

use super::build::{self, ReportItems};
use super::item::{Crumbs, Figure, Item};
use super::join::Builder;
use super::letters::Letters;
use super::store::{Bytes, Col, Store};
use super::symbols::{Bloom, Symbols};
use super::{matcher, scan, Hit, Kind, Query};
use crate::model::Report;

/// Built once when reports are loaded (or mapped from the cache); searching only reads it.
pub struct Index {
    store: Store,
    pub(crate) symbols: Symbols,
    len: usize,
    wide: bool,
    /// Derived from the columns on demand, not stored: see `summarise_letters`.
    letters: std::sync::OnceLock<Option<Letters>>,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index")
            .field("items", &self.len)
            .field("reports", &self.report_count())
            .finish_non_exhaustive()
    }
}

/// An item's folded text as symbol ids: `u16` unless the index has more distinct
/// characters than that holds.
#[derive(Clone, Copy)]
pub(crate) enum Syms<'a> {
    Narrow(&'a [u16]),
    Wide(&'a [u32]),
}

const KINDS: [Kind; 3] = [Kind::Section, Kind::Measure, Kind::Statistic];

/// An index built report by report as each is imported (see `load::load_each`): the
/// same index `Index::build` gives on the reports in the same order.
pub struct IndexBuilder(Builder);

impl Default for IndexBuilder {
    fn default() -> Self {
        IndexBuilder(Builder::new())
    }
}

impl IndexBuilder {
    pub(crate) fn of(builder: Builder) -> IndexBuilder {
        IndexBuilder(builder)
    }

    /// Join the next report's items.
    pub fn add(&mut self, items: ReportItems) {
        self.0.add(items);
    }

    pub fn finish(self) -> Index {
        let (store, symbols) = self.0.finish();
        Index::open(store, Some(symbols)).unwrap_or_else(Index::empty)
    }
}

impl Index {
    /// Index every section and sub-item heading, paragraph lead, measure and statistic.
    pub fn build(reports: &[Report]) -> Index {
        let (store, symbols) = build::build(reports);
        // What was just built passes its own checks; `unwrap_or_else` keeps a bug from
        // becoming a panic (an empty index would show it).
        Index::open(store, Some(symbols)).unwrap_or_else(Index::empty)
    }

    /// The same as `build`, freeing each report's model as soon as its items are made
    /// (only the titles are kept): for a search that needs nothing else of them.
    pub fn build_owned(reports: Vec<Report>) -> Index {
        let (store, symbols) = build::build_owned(reports);
        Index::open(store, Some(symbols)).unwrap_or_else(Index::empty)
    }

    /// An index read in place from a mapped file, the store starting at byte `at` (a
    /// multiple of 8); `None` unless every column is consistent with the others.
    pub fn from_mapped(map: memmap2::Mmap, at: usize) -> Option<Index> {
        Index::open(Store::open(Bytes::Mapped { map, at })?, None)
    }

    /// The embedded report's index, read in place from the image built with the binary
    /// (`assets/report.index`, tested to equal a fresh build), so a search of it parses
    /// and indexes nothing; built from the model if the image does not open (a machine
    /// of the other endianness).
    pub fn embedded() -> crate::error::Result<Index> {
        let image = Store::open(Bytes::Static(super::image::EMBEDDED));
        match image.and_then(|store| Index::open(store, None)) {
            Some(index) => Ok(index),
            None => Ok(Index::build_owned(vec![crate::embedded::report()?])),
        }
    }

    /// The bytes the index is stored in, for the cache to write; `from_mapped` reads them.
    /// One buffer (a copy) for an index built in memory: see `pieces`.
    pub fn as_bytes(&self) -> std::borrow::Cow<'_, [u8]> {
        self.store.as_bytes()
    }

    /// `as_bytes` as consecutive pieces, without joining them.
    pub fn pieces(&self) -> Vec<&[u8]> {
        self.store.pieces()
    }

    fn empty() -> Index {
        let store = super::store::Writer::new().finish();
        Index {
            store,
            symbols: Symbols::new(),
            len: 0,
            wide: false,
            letters: std::sync::OnceLock::new(),
        }
    }

    /// Check the columns against each other, so no later read can go out of range. Symbol
    /// ids in the text are not scanned (12 MB for 1,000 reports): matching reads every
    /// per-symbol table with a check instead. `built`: the symbols the store was just
    /// built with, which then need not be interned again.
    fn open(store: Store, built: Option<Symbols>) -> Option<Index> {
        let chars = store.slice::<u32>(Col::Chars);
        let symbols = match built {
            Some(symbols) if symbols.len() == chars.len() => symbols,
            _ => {
                let mut symbols = Symbols::new();
                for (id, &c) in chars.iter().enumerate() {
                    if symbols.intern(char::from_u32(c)?) as usize != id {
                        return None;
                    }
                }
                symbols
            }
        };
        let wide = *store.slice::<u64>(Col::Wide).first()? == 1;
        let starts = store.slice::<u32>(Col::Starts);
        let len = starts.len().checked_sub(1)?;
        let chars = match wide {
            true => store.slice::<u32>(Col::Text).len(),
            false => store.slice::<u16>(Col::Text).len(),
        };
        let nodes = store.slice::<u32>(Col::NodeCrumbs).len() / 2;
        let crumbs = store.spans(Col::Crumbs).len();
        let figures = store.slice::<u64>(Col::FigValues).len();
        let reports = store.spans(Col::Titles).len();
        let refs_ok = store.slice::<u32>(Col::ItemRefs).chunks_exact(3).all(|r| {
            (r[0] as usize) < reports
                && (r[1] as usize) < nodes
                && (r[2] == u32::MAX || (r[2] as usize) < figures)
        });
        let crumbs_ok = store
            .slice::<u32>(Col::NodeCrumbs)
            .chunks_exact(2)
            .all(|c| c[0] as usize + c[1] as usize <= crumbs);
        let ok = starts.first() == Some(&0)
            && starts.windows(2).all(|w| w[0] <= w[1])
            && starts.last().is_some_and(|&s| s as usize == chars)
            && store.slice::<u64>(Col::Blooms).len() == 4 * len
            && store.slice::<u8>(Col::Kinds).len() == len
            && store.slice::<u8>(Col::Kinds).iter().all(|&k| k < 3)
            && store
                .slice::<u64>(Col::WideSpans)
                .first()
                .is_some_and(|&w| w < 2)
            && store.spans(Col::ItemStrs).len() == 2 * len
            && store.slice::<u32>(Col::ItemRefs).len() == 3 * len
            && store.spans(Col::NodeStrs).len() == 2 * nodes
            && store.spans(Col::FigStrs).len() == 4 * figures
            && store.spans(Col::Places).len() == reports
            && store.slice::<u8>(Col::FigApprox).len() == figures
            && refs_ok
            && crumbs_ok;
        ok.then_some(Index {
            store,
            symbols,
            len,
            wide,
            letters: std::sync::OnceLock::new(),
        })
    }

    /// How many items there are.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Item `i` (an index into `0..len()`, as in `Hit::item`).
    ///
    /// # Panics
    /// When `i` is out of range, as slice indexing does.
    pub fn item(&self, i: usize) -> Item<'_> {
        let s = &self.store;
        let strs = s.spans(Col::ItemStrs);
        let refs = &s.slice::<u32>(Col::ItemRefs)[3 * i..3 * i + 3];
        let node = refs[1] as usize;
        let node_strs = s.spans(Col::NodeStrs);
        let crumbs = &s.slice::<u32>(Col::NodeCrumbs)[2 * node..2 * node + 2];
        let (first, count) = (crumbs[0] as usize, crumbs[1] as usize);
        let text = s.str_at(strs, 2 * i + 1);
        Item {
            report: refs[0] as usize,
            kind: self.kind(i),
            id: s.str_at(strs, 2 * i),
            node: s.str_at(node_strs, 2 * node),
            section: s.str_at(node_strs, 2 * node + 1),
            path: Crumbs {
                store: s,
                spans: s.spans(Col::Crumbs).sub(first..first + count),
            },
            text,
            figure: (refs[2] != u32::MAX).then(|| self.figure(refs[2] as usize)),
        }
    }

    fn figure(&self, f: usize) -> Figure<'_> {
        let s = &self.store;
        let strs = s.spans(Col::FigStrs);
        Figure {
            label: s.str_at(strs, 4 * f),
            value: f64::from_bits(s.slice::<u64>(Col::FigValues)[f]),
            unit: s.str_at(strs, 4 * f + 1),
            display: s.str_at(strs, 4 * f + 2),
            approx: s.slice::<u8>(Col::FigApprox)[f] != 0,
            quote: s.str_at(strs, 4 * f + 3),
        }
    }

    /// Every item, in document order (reports in the order given).
    pub fn items(&self) -> impl ExactSizeIterator<Item = Item<'_>> + '_ {
        (0..self.len).map(|i| self.item(i))
    }

    /// How many reports the index was built from.
    pub fn report_count(&self) -> usize {
        self.store.spans(Col::Titles).len()
    }

    /// The title of report `r` (as in `Item::report`); empty if out of range.
    pub fn report_title(&self, r: usize) -> &str {
        self.store.str_at(self.store.spans(Col::Titles), r)
    }

    /// The place report `r` covers (`市桥街`), as `identity` reads it; empty if none.
    pub fn report_place(&self, r: usize) -> &str {
        self.store.str_at(self.store.spans(Col::Places), r)
    }

    /// The year report `r` covers, as `identity` reads it.
    pub fn report_year(&self, r: usize) -> Option<i32> {
        let years = self.store.slice::<i64>(Col::Years);
        years.get(r).and_then(|&y| i32::try_from(y).ok())
    }

    /// Build the summary that answers a one-letter query (`letters`) on a thread of its
    /// own, so a search box's first keystroke reads a byte an item. Until it is ready,
    /// such queries are scanned; the answer is the same either way. It costs ~26 bytes an
    /// item (4.6 MB for 1,000 reports), so only the browser asks for it.
    pub fn summarise_letters(index: &std::sync::Arc<Index>) {
        let index = std::sync::Arc::clone(index);
        // If no thread can be had, one-letter queries go on being scanned.
        super::searcher::spawn_idle(move || {
            index.letters_now();
        });
    }

    /// Build the letter summary now, on this thread (for benchmarks: see
    /// `summarise_letters`).
    pub fn summarise_letters_now(&self) {
        self.letters_now();
    }

    /// The letter summary, built here if it is not yet.
    pub(crate) fn letters_now(&self) -> Option<&Letters> {
        self.letters.get_or_init(|| Letters::build(self)).as_ref()
    }

    /// The letter summary if it is ready; never waits for it.
    pub(crate) fn letters(&self) -> Option<&Letters> {
        self.letters.get().and_then(Option::as_ref)
    }

    /// Every hit for `query` over the whole index, best first.
    pub fn search(&self, query: &Query) -> Vec<Hit> {
        scan::run(self, query, None, &matcher::skim()).hits
    }

    pub(crate) fn kind(&self, item: usize) -> Kind {
        self.columns().kind(item)
    }

    /// The number of the report that holds `item` (`Item::report`), read alone.
    pub(crate) fn report_number(&self, item: usize) -> usize {
        self.store.slice::<u32>(Col::ItemRefs)[3 * item] as usize
    }

    /// The columns matching reads, each looked up once (see `Columns`).
    pub(crate) fn columns(&self) -> Columns<'_> {
        let s = &self.store;
        Columns {
            index: self,
            starts: s.slice::<u32>(Col::Starts),
            text: match self.wide {
                true => Syms::Wide(s.slice::<u32>(Col::Text)),
                false => Syms::Narrow(s.slice::<u16>(Col::Text)),
            },
            blooms: s.slice::<u64>(Col::Blooms),
            kinds: s.slice::<u8>(Col::Kinds),
        }
    }
}

/// The columns a scan reads for every item, resolved once per scan: looking a column up
/// per item (its range, an alignment check) was a fifth of a broad query's time.
#[derive(Clone, Copy)]
pub(crate) struct Columns<'a> {
    pub(crate) index: &'a Index,
    starts: &'a [u32],
    text: Syms<'a>,
    blooms: &'a [u64],
    kinds: &'a [u8],
}

impl<'a> Columns<'a> {
    pub(crate) fn kind(&self, item: usize) -> Kind {
        KINDS[usize::from(self.kinds[item]).min(2)]
    }

    pub(crate) fn bloom(&self, item: usize) -> &'a Bloom {
        let four = &self.blooms[4 * item..4 * item + 4];
        four.try_into().unwrap_or(&[0; 4])
    }

    fn span(&self, item: usize) -> std::ops::Range<usize> {
        self.starts[item] as usize..self.starts[item + 1] as usize
    }

    /// An item's folded text as symbol ids, one per char of its `text`.
    pub(crate) fn text_of(&self, item: usize) -> Syms<'a> {
        let span = self.span(item);
        match self.text {
            Syms::Wide(t) => Syms::Wide(&t[span]),
            Syms::Narrow(t) => Syms::Narrow(&t[span]),
        }
    }

    /// An item's scoring marks, worked out from its text as runs are scored.
    pub(crate) fn marks_of(&self, item: usize) -> Marks<'a> {
        Marks {
            symbols: &self.index.symbols,
            text: self.text_of(item),
        }
    }
}

/// An item's scoring marks (`score::run`): not stored, since each is worked out from a
/// character and its neighbours, and a mark a character was 12% of a cache entry.
#[derive(Clone, Copy)]
pub(crate) struct Marks<'a> {
    symbols: &'a Symbols,
    text: Syms<'a>,
}

impl Marks<'_> {
    /// Every mark of the item's text, into `out`, for `score::run_marked`.
    pub(crate) fn fill(&self, out: &mut Vec<u8>) {
        match self.text {
            Syms::Narrow(t) => super::score::marks(self.symbols, t, out),
            Syms::Wide(t) => super::score::marks(self.symbols, t, out),
        }
    }

    /// The score of the contiguous run `start..end` of the item's text.
    pub(crate) fn run(&self, start: usize, end: usize) -> i64 {
        match self.text {
            Syms::Narrow(t) => super::score::run(self.symbols, t, start, end),
            Syms::Wide(t) => super::score::run(self.symbols, t, start, end),
        }
    }
}
