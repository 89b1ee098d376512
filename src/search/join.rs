//! Joining reports' items onto an index's columns as they come, in order, and interning
//! their texts as symbol ids with bloom filters.

use super::build::ReportItems;
use super::store::{Buf, Col, Store, Writer};
use super::symbols::{bloom_add, fold, Bloom, Symbols};

/// An index being built report by report: each report's items joined onto the columns
/// and their texts interned as they come, so a caller importing reports on other
/// threads never holds more than a few reports' items, and interning (single-threaded)
/// runs beside the import instead of after it.
pub(crate) struct Builder {
    w: Writer,
    reports: u32,
    nodes: u32,
    crumbs: u32,
    figures: u32,
    text: TextIndex,
}

impl Builder {
    pub(crate) fn new() -> Builder {
        Builder {
            w: Writer::new(),
            reports: 0,
            nodes: 0,
            crumbs: 0,
            figures: 0,
            text: TextIndex::new(false),
        }
    }

    /// How many reports were joined.
    pub(crate) fn reports(&self) -> u32 {
        self.reports
    }

    /// Join one report's items, the next in order.
    pub(crate) fn add(&mut self, items: ReportItems) {
        let ReportItems { part: p, named } = items;
        let w = &mut self.w;
        // Almost always narrow: when a text holds more than 65,536 distinct characters,
        // `finish` indexes every text a second time, wide.
        if self.text.fits {
            for pair in p.item_strs.chunks_exact(4) {
                let (at, len) = (pair[2] as usize, pair[3] as usize);
                self.text
                    .item(p.strings.get(at..at + len).unwrap_or_default());
            }
        }
        let base = w.string(&p.strings)[0];
        let shift = |pairs: &[u64]| -> Vec<u64> {
            let mut out = pairs.to_vec();
            out.iter_mut().step_by(2).for_each(|at| *at += base);
            out
        };
        w.put(Col::ItemStrs, &shift(&p.item_strs));
        let (r, nodes, figures) = (self.reports, self.nodes, self.figures);
        let refs: Vec<u32> = p
            .item_refs
            .chunks_exact(2)
            .flat_map(|nf| {
                let fig = nf[1].checked_add(figures).filter(|_| nf[1] != u32::MAX);
                [r, nf[0] + nodes, fig.unwrap_or(u32::MAX)]
            })
            .collect();
        w.put(Col::ItemRefs, &refs);
        w.put(Col::Kinds, &p.kinds);
        w.put(Col::NodeStrs, &shift(&p.node_strs));
        let crumbs = self.crumbs;
        let node_crumbs: Vec<u32> = p
            .node_crumbs
            .chunks_exact(2)
            .flat_map(|fl| [fl[0] + crumbs, fl[1]])
            .collect();
        w.put(Col::NodeCrumbs, &node_crumbs);
        w.put(Col::Crumbs, &shift(&p.crumbs));
        w.put(Col::FigStrs, &shift(&p.fig_strs));
        w.put(Col::FigValues, &p.fig_values);
        w.put(Col::FigApprox, &p.fig_approx);
        let pair = w.string(&named.title);
        w.put(Col::Titles, &pair);
        let pair = w.string(&named.place);
        w.put(Col::Places, &pair);
        w.put(Col::Years, &[named.year.map_or(i64::MIN, i64::from)]);
        self.reports += 1;
        self.nodes += (p.node_crumbs.len() / 2) as u32;
        self.crumbs += (p.crumbs.len() / 2) as u32;
        self.figures += p.fig_values.len() as u32;
    }

    /// The store, and the symbols its text was interned with (so opening it need not
    /// intern them again).
    pub(crate) fn finish(self) -> (Store, Symbols) {
        let mut w = self.w;
        let symbols = if self.text.fits {
            self.text.write(&mut w)
        } else {
            index_wide(&mut w)
        };
        (w.finish(), symbols)
    }
}

/// Every item's folded text as symbol ids, with its start and bloom filter.
struct TextIndex {
    symbols: Symbols,
    wide: bool,
    /// False once a narrow (`u16`) text ran out of symbol ids.
    fits: bool,
    text: Buf,
    starts: Vec<u32>,
    blooms: Vec<u64>,
    /// The current item's symbols (reused), and the same narrowed to `u16`.
    syms: Vec<u32>,
    narrow: Vec<u16>,
    /// Basic Multilingual Plane char as written → its symbol id + 1 (0: not seen yet), so
    /// a char met before is neither folded nor looked up again.
    seen: Vec<u32>,
}

impl TextIndex {
    fn new(wide: bool) -> TextIndex {
        TextIndex {
            symbols: Symbols::new(),
            wide,
            fits: true,
            text: Buf::default(),
            starts: vec![0],
            blooms: Vec::new(),
            syms: Vec::new(),
            narrow: Vec::new(),
            seen: vec![0; 0x10000],
        }
    }

    fn symbol(&mut self, c: char) -> u32 {
        match self.seen.get(c as usize) {
            Some(&known) if known != 0 => known - 1,
            _ => {
                let sym = self.symbols.intern(fold(c));
                if let Some(slot) = self.seen.get_mut(c as usize) {
                    *slot = sym + 1;
                }
                sym
            }
        }
    }

    fn item(&mut self, s: &str) {
        // The item's symbols go to typed scratch vectors sized for the worst case (one
        // symbol a byte), then to the column at once: the column's aligned buffer grows
        // per call, a copy of 2 bytes per character was a call to memcpy each, and
        // `extend` from `chars()` checked capacity at every character.
        let mut bloom = Bloom::default();
        let count;
        if self.wide {
            let mut syms = std::mem::take(&mut self.syms);
            syms.resize(s.len(), 0);
            count = self.fill(s, &mut syms, &mut bloom, |sym| sym);
            self.text
                .extend_from_slice(bytemuck::cast_slice(&syms[..count]));
            self.syms = syms;
        } else {
            let mut narrow = std::mem::take(&mut self.narrow);
            narrow.resize(s.len(), 0);
            let mut high = 0;
            count = self.fill(s, &mut narrow, &mut bloom, |sym| {
                high |= sym;
                sym as u16
            });
            // A symbol past `u16`: `finish` indexes every text again, wide.
            self.fits &= high <= u32::from(u16::MAX);
            self.text
                .extend_from_slice(bytemuck::cast_slice(&narrow[..count]));
            self.narrow = narrow;
        }
        let last = self.starts[self.starts.len() - 1];
        self.starts.push(last + count as u32);
        self.blooms.extend(bloom);
    }

    /// Each char of `s` as a symbol into `out` (at least `s.len()` long), added to
    /// `bloom`; how many were written.
    fn fill<T>(
        &mut self,
        s: &str,
        out: &mut [T],
        bloom: &mut Bloom,
        mut put: impl FnMut(u32) -> T,
    ) -> usize {
        let mut count = 0;
        for (slot, c) in out.iter_mut().zip(s.chars()) {
            let sym = self.symbol(c);
            bloom_add(bloom, sym);
            *slot = put(sym);
            count += 1;
        }
        count
    }

    fn write(self, w: &mut Writer) -> Symbols {
        let chars: Vec<u32> = (0..self.symbols.len() as u32)
            .map(|s| self.symbols.char_of(s) as u32)
            .collect();
        w.put(Col::Chars, &chars);
        *w.col_mut(Col::Text) = self.text;
        w.put(Col::Wide, &[u64::from(self.wide)]);
        w.put(Col::Starts, &self.starts);
        w.put(Col::Blooms, &self.blooms);
        self.symbols
    }
}

/// Index every item's text again, wide, from the joined columns: for the rare text with
/// more than 65,536 distinct characters.
fn index_wide(w: &mut Writer) -> Symbols {
    // Read back byte by byte: a byte vector need not be aligned for `u64` (an empty one
    // is not), so no cast.
    let pairs: Vec<u64> = w
        .get(Col::ItemStrs)
        .chunks_exact(8)
        .map(|b| u64::from_ne_bytes(b.try_into().unwrap_or_default()))
        .collect();
    let strings = w.get(Col::Strings);
    let mut text = TextIndex::new(true);
    for pair in pairs.chunks_exact(4) {
        let (at, len) = (pair[2] as usize, pair[3] as usize);
        // Always some text (the blob was written just now), so every item gets a span.
        let s = strings
            .get(at..at + len)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or_default();
        text.item(s);
    }
    text.write(w)
}
