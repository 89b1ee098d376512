//! A report's search items: every heading, paragraph lead, measure and statistic in
//! document order, their strings written once into one blob per report; `join` puts the
//! reports' items together into an index's columns.

use super::join::Builder;
use super::store::Store;
use super::symbols::Symbols;
use super::Kind;
use crate::model::{Paragraph, Report, Section, Statistic};
use crate::parallel;

/// One report's items, with string offsets into its own blob (shifted when joined).
#[derive(Default)]
pub(super) struct Part {
    pub(super) strings: String,
    /// Per item: id and text pairs, as in `Col::ItemStrs`.
    pub(super) item_strs: Vec<u64>,
    /// Per item: node, figure (report-local; figure `u32::MAX` for none).
    pub(super) item_refs: Vec<u32>,
    pub(super) kinds: Vec<u8>,
    pub(super) node_strs: Vec<u64>,
    pub(super) node_crumbs: Vec<u32>,
    pub(super) crumbs: Vec<u64>,
    pub(super) fig_strs: Vec<u64>,
    pub(super) fig_values: Vec<u64>,
    pub(super) fig_approx: Vec<u8>,
}

/// A `(offset, length)` pair into a part's strings.
type Span = [u64; 2];

/// Every string is written to the blob once: a node's id is also its item's id and holds
/// its top-level id, a heading is its item's text and every breadcrumb below it, and a
/// statistic's label, display and quote are spans of its item's text. Nothing else is
/// copied on the way (no `format!`, no string per item).
impl Part {
    /// Room for a report's items, counted first: growing the blob and the columns item by
    /// item reallocated and copied them (1.5% of indexing, callgrind).
    fn sized_for(report: &Report) -> Part {
        let (mut text, mut items, mut figures, mut nodes) = (0, 0, 0, 1);
        let mut paragraphs: Vec<&Paragraph> = report.intro.iter().collect();
        let mut stack: Vec<&Section> = report.sections.iter().collect();
        while let Some(s) = stack.pop() {
            nodes += 1;
            text += 2 * s.heading.len() + s.id.len();
            paragraphs.extend(&s.paragraphs);
            stack.extend(&s.subsections);
        }
        for p in paragraphs {
            // Each sentence is an item; a figure's item repeats its clause with its label.
            text += p.text.len() + p.lead.as_ref().map_or(0, |l| l.len());
            items += p.measures.len() + p.statistics.len() + 1;
            figures += p.statistics.len();
            text += p
                .statistics
                .iter()
                .map(|s| 2 * s.quote.len())
                .sum::<usize>();
        }
        items += nodes;
        Part {
            // Ids are short; a measure's id and its text, a node's id and its heading.
            strings: String::with_capacity(text + 16 * items),
            item_strs: Vec::with_capacity(4 * items),
            item_refs: Vec::with_capacity(2 * items),
            kinds: Vec::with_capacity(items),
            node_strs: Vec::with_capacity(4 * nodes),
            node_crumbs: Vec::with_capacity(2 * nodes),
            crumbs: Vec::with_capacity(8 * nodes),
            fig_strs: Vec::with_capacity(8 * figures),
            fig_values: Vec::with_capacity(figures),
            fig_approx: Vec::with_capacity(figures),
        }
    }

    fn string(&mut self, s: &str) -> Span {
        let at = self.strings.len() as u64;
        self.strings.push_str(s);
        [at, s.len() as u64]
    }

    /// A new node with its breadcrumb (spans of headings already written); its number
    /// and the span of its id.
    fn node(&mut self, id: &str, top: &str, path: &[Span]) -> (u32, Span) {
        let first = (self.crumbs.len() / 2) as u32;
        self.crumbs.extend(path.iter().flatten());
        let id_span = self.string(id);
        // The top-level id is the id's first part (`4` of `4.3`).
        let top = match id.starts_with(top) {
            true => [id_span[0], top.len() as u64],
            false => self.string(top),
        };
        self.node_strs.extend(id_span.iter().chain(&top));
        self.node_crumbs.extend([first, path.len() as u32]);
        ((self.node_crumbs.len() / 2 - 1) as u32, id_span)
    }

    fn push_spans(&mut self, kind: Kind, id: Span, node: u32, text: Span, figure: u32) {
        self.item_strs.extend(id.iter().chain(&text));
        self.item_refs.extend([node, figure]);
        self.kinds.push(kind as u8);
    }

    fn push(&mut self, kind: Kind, id: &str, node: u32, text: &str, figure: u32) {
        let (id, text) = (self.string(id), self.string(text));
        self.push_spans(kind, id, node, text, figure);
    }

    fn section(&mut self, s: &Section, path: &mut Vec<Span>) {
        let at = self.strings.len() as u64;
        s.write_label(&mut self.strings);
        let heading = [at, self.strings.len() as u64 - at];
        path.push(heading);
        let (node, id) = self.node(&s.id, s.top_id(), path);
        self.push_spans(Kind::Section, id, node, heading, u32::MAX);
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

    /// The item reads `label：display（quote）` (`display（quote）` without a label).
    fn statistic(&mut self, s: &Statistic, node: u32) {
        let id = self.string(&s.id);
        let start = self.strings.len() as u64;
        let label = self.string(&s.label);
        if !s.label.is_empty() {
            self.strings.push('：');
        }
        let display = self.string(&s.display);
        self.strings.push('（');
        let quote = self.string(&s.quote);
        self.strings.push('）');
        let text = [start, self.strings.len() as u64 - start];
        let unit = self.string(&s.unit);
        let figure = (self.fig_values.len()) as u32;
        self.fig_strs
            .extend([label, unit, display, quote].iter().flatten());
        self.fig_values.push(s.value.to_bits());
        self.fig_approx.push(u8::from(s.approx));
        self.push_spans(Kind::Statistic, id, node, text, figure);
    }
}

fn part(report: &Report) -> Part {
    let mut part = Part::sized_for(report);
    let (intro, _) = part.node("intro", "intro", &[]);
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
    let items = parallel::map(reports, |_, r| ReportItems::of(r));
    build_items(items)
}

/// What output says of a report: its title, place and year.
pub(super) struct Named {
    pub(super) title: String,
    pub(super) place: String,
    pub(super) year: Option<i32>,
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
    let items = parallel::map(&reports, |_, r| ReportItems::of(r));
    drop(reports);
    build_items(items)
}

/// One report's items and what output says of it, made on the thread that imported the
/// report so its model can be freed there at once (see `load::load_each`).
pub struct ReportItems {
    pub(super) part: Part,
    pub(super) named: Named,
}

impl ReportItems {
    pub(crate) fn of(report: &Report) -> ReportItems {
        ReportItems {
            part: part(report),
            named: named(report),
        }
    }
}

/// The columns of an index over reports whose items are already made, in their order.
pub(crate) fn build_items(items: Vec<ReportItems>) -> (Store, Symbols) {
    let mut b = Builder::new();
    // Each part is freed once joined.
    items.into_iter().for_each(|i| b.add(i));
    b.finish()
}
