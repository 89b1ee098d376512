//! The index: every searchable item of a list of reports, in document order, with its
//! folded text stored as symbol ids and a bloom filter of the symbols it holds.

use super::symbols::{bloom_add, fold, Bloom, Symbols};
use super::{matcher, scan, score};
use super::{Figure, Hit, Item, Kind, Query};
use crate::model::{Paragraph, Report, Section, Statistic};
use crate::parallel;
use std::sync::Arc;

/// Built once when reports are loaded; searching only reads it.
pub struct Index {
    items: Vec<Item>,
    pub(crate) symbols: Symbols,
    /// The folded text of every item as symbol ids, concatenated; `spans` cut it.
    text: Vec<u32>,
    /// A scoring mark per char of `text` (see `score::mark`).
    marks: Vec<u8>,
    spans: Vec<(u32, u32)>,
    pub(crate) blooms: Vec<Bloom>,
    /// Kinds again, dense, so filtering by kind does not touch the items.
    pub(crate) kinds: Vec<Kind>,
}

impl Index {
    /// Index every section and sub-item heading, paragraph lead, measure and statistic.
    pub fn build(reports: &[Report]) -> Index {
        // Reports are independent: their items are made on every core, then joined.
        let per_report = parallel::map(reports, |r, report| {
            let mut items = Vec::new();
            let mut add = Adder {
                report: r,
                items: &mut items,
            };
            let no_path: Arc<[String]> = Arc::from(Vec::new());
            let intro = Place {
                node: "intro",
                top: "intro",
                path: &no_path,
            };
            for p in &report.intro {
                add.paragraph(p, intro);
            }
            for s in &report.sections {
                add.section(s, &mut Vec::new());
            }
            items
        });
        let mut items = Vec::with_capacity(per_report.iter().map(Vec::len).sum());
        per_report.into_iter().for_each(|r| items.extend(r));
        let mut symbols = Symbols::new();
        let mut text = Vec::with_capacity(items.iter().map(|i| i.text.len() / 3).sum());
        let mut marks = Vec::with_capacity(text.capacity());
        let mut spans = Vec::with_capacity(items.len());
        let mut blooms = Vec::with_capacity(items.len());
        for item in &items {
            let start = text.len();
            let mut bloom = Bloom::default();
            for c in item.text.chars() {
                let sym = symbols.intern(fold(c));
                bloom_add(&mut bloom, sym);
                text.push(sym);
            }
            score::mark(&symbols, &text[start..], &mut marks);
            spans.push((start as u32, (text.len() - start) as u32));
            blooms.push(bloom);
        }
        let kinds = items.iter().map(|i| i.kind).collect();
        Index {
            items,
            symbols,
            text,
            marks,
            spans,
            blooms,
            kinds,
        }
    }

    /// Every item, in document order (reports in the order given).
    pub fn items(&self) -> &[Item] {
        &self.items
    }

    /// Every hit for `query` over the whole index, best first.
    pub fn search(&self, query: &Query) -> Vec<Hit> {
        scan::run(self, query, None, &matcher::skim()).hits
    }

    /// An item's folded text as symbol ids, one per char of its `text`.
    pub(crate) fn text_of(&self, item: usize) -> &[u32] {
        let (start, len) = self.spans[item];
        &self.text[start as usize..(start + len) as usize]
    }

    /// An item's scoring marks, one per char of its `text`.
    pub(crate) fn marks_of(&self, item: usize) -> &[u8] {
        let (start, len) = self.spans[item];
        &self.marks[start as usize..(start + len) as usize]
    }
}

/// Appends the items of one report in document order.
struct Adder<'a> {
    report: usize,
    items: &'a mut Vec<Item>,
}

/// Where an item sits: its node, top-level section and breadcrumb.
#[derive(Clone, Copy)]
struct Place<'p> {
    node: &'p str,
    top: &'p str,
    /// Shared by every item of the node: one breadcrumb per node, not per item, which
    /// was most of a 1,000-report index's memory.
    path: &'p Arc<[String]>,
}

impl Adder<'_> {
    fn section(&mut self, s: &Section, path: &mut Vec<String>) {
        let heading = s.label();
        path.push(heading.clone());
        let shared: Arc<[String]> = Arc::from(path.as_slice());
        let place = Place {
            node: &s.id,
            top: s.top_id(),
            path: &shared,
        };
        self.push(Kind::Section, &s.id, place, heading, None);
        for p in &s.paragraphs {
            self.paragraph(p, place);
        }
        for sub in &s.subsections {
            self.section(sub, path);
        }
        path.pop();
    }

    /// The lead, then each measure followed by the statistics it holds.
    fn paragraph(&mut self, p: &Paragraph, place: Place) {
        if let Some(lead) = &p.lead {
            self.push(Kind::Section, &p.id, place, lead.clone(), None);
        }
        // What no sentence claims stays searchable at the end.
        let (sentences, unclaimed) = p.statistics_by_measure();
        for (m, statistics) in sentences {
            self.push(Kind::Measure, &m.id, place, m.text.clone(), None);
            for s in statistics {
                self.statistic(s, place);
            }
        }
        for s in unclaimed {
            self.statistic(s, place);
        }
    }

    fn statistic(&mut self, s: &Statistic, place: Place) {
        let text = match s.label.is_empty() {
            true => format!("{}（{}）", s.display, s.quote),
            false => format!("{}：{}（{}）", s.label, s.display, s.quote),
        };
        let figure = Figure {
            label: s.label.clone(),
            value: s.value,
            unit: s.unit.clone(),
            display: s.display.clone(),
            approx: s.approx,
            quote: s.quote.clone(),
        };
        self.push(Kind::Statistic, &s.id, place, text, Some(Box::new(figure)));
    }

    fn push(
        &mut self,
        kind: Kind,
        id: &str,
        place: Place,
        text: String,
        figure: Option<Box<Figure>>,
    ) {
        self.items.push(Item {
            report: self.report,
            kind,
            id: id.to_string(),
            node: place.node.to_string(),
            section: place.top.to_string(),
            path: Arc::clone(place.path),
            text,
            figure,
        });
    }
}
