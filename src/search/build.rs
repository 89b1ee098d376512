//! Building an index's columns from reports: every heading, paragraph lead, measure and
//! statistic in document order, their strings written once into one blob, then every
//! item's folded text as symbol ids with its scoring marks and bloom filter.

use super::store::{Col, Store, Writer};
use super::symbols::{bloom_add, fold, Bloom, Symbols};
use super::{score, Kind};
use crate::model::{Paragraph, Report, Section, Statistic};
use crate::parallel;

/// One report's items, with string offsets into its own blob (shifted when joined).
#[derive(Default)]
struct Part {
    strings: String,
    /// Per item: id and text pairs, as in `Col::ItemStrs`.
    item_strs: Vec<u64>,
    /// Per item: node, figure (report-local; figure `u32::MAX` for none).
    item_refs: Vec<u32>,
    kinds: Vec<u8>,
    node_strs: Vec<u64>,
    node_crumbs: Vec<u32>,
    crumbs: Vec<u64>,
    fig_strs: Vec<u64>,
    fig_values: Vec<u64>,
    fig_approx: Vec<u8>,
}

impl Part {
    fn string(&mut self, s: &str) -> [u64; 2] {
        let at = self.strings.len() as u64;
        self.strings.push_str(s);
        [at, s.len() as u64]
    }

    /// A new node with its breadcrumb; its number.
    fn node(&mut self, id: &str, top: &str, path: &[String]) -> u32 {
        let first = (self.crumbs.len() / 2) as u32;
        for heading in path {
            let pair = self.string(heading);
            self.crumbs.extend(pair);
        }
        let pairs = [self.string(id), self.string(top)];
        self.node_strs.extend(pairs.concat());
        self.node_crumbs.extend([first, path.len() as u32]);
        (self.node_crumbs.len() / 2 - 1) as u32
    }

    /// A new item; the span of its text.
    fn push(&mut self, kind: Kind, id: &str, node: u32, text: &str, figure: u32) -> [u64; 2] {
        let pairs = [self.string(id), self.string(text)];
        self.item_strs.extend(pairs.concat());
        self.item_refs.extend([node, figure]);
        self.kinds.push(kind as u8);
        pairs[1]
    }

    fn section(&mut self, s: &Section, path: &mut Vec<String>) {
        let heading = s.label();
        path.push(heading.clone());
        let node = self.node(&s.id, s.top_id(), path);
        self.push(Kind::Section, &s.id, node, &heading, u32::MAX);
        for p in &s.paragraphs {
            self.paragraph(p, node);
        }
        for sub in &s.subsections {
            self.section(sub, path);
        }
        path.pop();
    }

    /// The lead, then each measure followed by the statistics it holds.
    fn paragraph(&mut self, p: &Paragraph, node: u32) {
        if let Some(lead) = &p.lead {
            self.push(Kind::Section, &p.id, node, lead, u32::MAX);
        }
        // What no sentence claims stays searchable at the end.
        let (sentences, unclaimed) = p.statistics_by_measure();
        for (m, statistics) in sentences {
            self.push(Kind::Measure, &m.id, node, &m.text, u32::MAX);
            for s in statistics {
                self.statistic(s, node);
            }
        }
        for s in unclaimed {
            self.statistic(s, node);
        }
    }

    fn statistic(&mut self, s: &Statistic, node: u32) {
        let colon = if s.label.is_empty() { "" } else { "：" };
        let text = format!("{}{colon}{}（{}）", s.label, s.display, s.quote);
        let figure = (self.fig_values.len()) as u32;
        let [at, _] = self.push(Kind::Statistic, &s.id, node, &text, figure);
        // Label, display and quote are spans of the text just written: stored once.
        let label = [at, s.label.len() as u64];
        let display = [
            label[0] + label[1] + colon.len() as u64,
            s.display.len() as u64,
        ];
        let quote = [
            display[0] + display[1] + "（".len() as u64,
            s.quote.len() as u64,
        ];
        let unit = self.string(&s.unit);
        self.fig_strs.extend([label, unit, display, quote].concat());
        self.fig_values.push(s.value.to_bits());
        self.fig_approx.push(u8::from(s.approx));
    }
}

fn part(report: &Report) -> Part {
    let mut part = Part::default();
    let intro = part.node("intro", "intro", &[]);
    for p in &report.intro {
        part.paragraph(p, intro);
    }
    for s in &report.sections {
        part.section(s, &mut Vec::new());
    }
    part
}

/// The columns of an index over `reports`.
pub(crate) fn build(reports: &[Report]) -> (Store, Symbols) {
    // Reports are independent: their parts are made on every core, then joined.
    let parts = parallel::map(reports, |_, r| part(r));
    finish(parts, reports.iter().map(named).collect())
}

/// What output says of a report: its title, place and year.
struct Named {
    title: String,
    place: String,
    year: Option<i32>,
}

fn named(r: &Report) -> Named {
    let id = crate::identity::Identity::of(r);
    Named {
        title: r.title.clone(),
        place: id.place,
        year: id.year,
    }
}

/// The same, freeing the reports once their items are made: the peak of a search over
/// 1,000 reports imported just for it is then the index, not the index and the models.
pub(crate) fn build_owned(reports: Vec<Report>) -> (Store, Symbols) {
    let parts = parallel::map(&reports, |_, r| part(r));
    let names = reports.iter().map(named).collect();
    drop(reports);
    finish(parts, names)
}

/// The store, and the symbols its text was interned with (so opening it need not intern
/// them again).
fn finish(parts: Vec<Part>, names: Vec<Named>) -> (Store, Symbols) {
    let mut w = Writer::new();
    let (mut nodes, mut crumbs, mut figures) = (0u32, 0u32, 0u32);
    // Each part is freed once joined.
    for (r, p) in parts.into_iter().enumerate() {
        let base = w.string(&p.strings)[0];
        let shift = |pairs: &[u64]| -> Vec<u64> {
            let mut out = pairs.to_vec();
            out.iter_mut().step_by(2).for_each(|at| *at += base);
            out
        };
        w.put(Col::ItemStrs, &shift(&p.item_strs));
        let refs: Vec<u32> = p
            .item_refs
            .chunks_exact(2)
            .flat_map(|nf| {
                let fig = nf[1].checked_add(figures).filter(|_| nf[1] != u32::MAX);
                [r as u32, nf[0] + nodes, fig.unwrap_or(u32::MAX)]
            })
            .collect();
        w.put(Col::ItemRefs, &refs);
        w.put(Col::Kinds, &p.kinds);
        w.put(Col::NodeStrs, &shift(&p.node_strs));
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
        nodes += (p.node_crumbs.len() / 2) as u32;
        crumbs += (p.crumbs.len() / 2) as u32;
        figures += p.fig_values.len() as u32;
    }
    for n in names {
        let pair = w.string(&n.title);
        w.put(Col::Titles, &pair);
        let pair = w.string(&n.place);
        w.put(Col::Places, &pair);
        w.put(Col::Years, &[n.year.map_or(i64::MIN, i64::from)]);
    }
    // Almost always narrow: only a text with more than 65,536 distinct characters is
    // indexed a second time, wide.
    let symbols = match index_text(&mut w, false) {
        Some(symbols) => symbols,
        None => index_text(&mut w, true).unwrap_or_default(),
    };
    (w.finish(), symbols)
}

/// Intern every item's folded text, with its marks, starts and bloom filter, writing the
/// columns in place; the symbols, or `None` if a narrow (`u16`) text ran out of ids.
fn index_text(w: &mut Writer, wide: bool) -> Option<Symbols> {
    // Read back byte by byte: a byte vector need not be aligned for `u64` (an empty one
    // is not), so no cast.
    let pairs: Vec<u64> = w
        .get(Col::ItemStrs)
        .chunks_exact(8)
        .map(|b| u64::from_ne_bytes(b.try_into().unwrap_or_default()))
        .collect();
    let strings = std::mem::take(w.col_mut(Col::Strings));
    let chars = strings.len() / 3;
    let mut symbols = Symbols::new();
    let mut text: Vec<u8> = Vec::with_capacity(chars * if wide { 4 } else { 2 });
    let mut marks = Vec::with_capacity(chars);
    let (mut starts, mut blooms) = (vec![0u32], Vec::new());
    let mut item = Vec::new();
    let mut fits = true;
    for pair in pairs.chunks_exact(4) {
        let (at, len) = (pair[2] as usize, pair[3] as usize);
        // Always some text (the blob was written just now), so every item gets a span.
        let s = strings
            .get(at..at + len)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or_default();
        let mut bloom = Bloom::default();
        item.clear();
        for c in s.chars() {
            let sym = symbols.intern(fold(c));
            bloom_add(&mut bloom, sym);
            item.push(sym);
            match (wide, u16::try_from(sym)) {
                (true, _) => text.extend_from_slice(&sym.to_ne_bytes()),
                (false, Ok(narrow)) => text.extend_from_slice(&narrow.to_ne_bytes()),
                (false, Err(_)) => fits = false,
            }
        }
        if !fits {
            *w.col_mut(Col::Strings) = strings;
            return None;
        }
        score::mark(&symbols, &item, &mut marks);
        starts.push(starts[starts.len() - 1] + item.len() as u32);
        blooms.extend(bloom);
    }
    *w.col_mut(Col::Strings) = strings;
    let chars: Vec<u32> = (0..symbols.len() as u32)
        .map(|s| symbols.char_of(s) as u32)
        .collect();
    w.put(Col::Chars, &chars);
    *w.col_mut(Col::Text) = text;
    w.put(Col::Wide, &[u64::from(wide)]);
    *w.col_mut(Col::Marks) = marks;
    w.put(Col::Starts, &starts);
    w.put(Col::Blooms, &blooms);
    Some(symbols)
}
