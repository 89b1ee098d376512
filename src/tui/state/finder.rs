//! The search screen's state: the query line, the best hits in the UI's terms (from
//! `search_engine`) and where each hit takes the reader.

use super::document::{TargetKind, TargetRef};
use super::library::Library;
use super::line_input::LineInput;
use super::search_engine::Engine;
use super::tree::NodeKey;
use crate::search::Kind;

/// One search hit, in the UI's terms.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub report: usize,
    pub kind: Kind,
    /// Section id (`"4.3"`), paragraph id of a lead (`"3.p1"`), measure or statistic id.
    pub id: String,
    /// Section id holding it, `"intro"` for the preamble.
    pub node: String,
    /// The text the engine matched.
    pub text: String,
    /// Matched positions in `text`, as char indices.
    pub indices: Vec<usize>,
}

/// Some of the best hits of a query, how many there were in all, and how many are ranked
/// (the list can show that many: at most `LIMIT`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Results {
    pub found: Vec<Found>,
    pub total: usize,
    pub ranked: usize,
}

/// How many hits the results list holds: more than anyone scrolls through, few enough
/// that ranking them stays cheap on a keystroke over a large corpus.
pub const LIMIT: usize = 1000;

/// Rows made at a time, beyond those on screen: making all 1,000 on every keystroke
/// (strings copied out of the index) was the largest part of a narrow query's time.
const ROWS: usize = 100;

/// Where a hit takes the reader: a tree node, and the sentence or figure in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Jump {
    pub key: NodeKey,
    pub target: Option<TargetRef>,
}

impl Jump {
    /// The node that shows a hit: the lead paragraph when the hit's paragraph has one
    /// (the most precise node), else its section or the preamble.
    pub fn to(reports: &Library, f: &Found) -> Jump {
        let kind = match f.kind {
            // A section hit is a heading, or a paragraph lead (`"3.p1"`), its own node.
            Kind::Section => {
                let key = match f.id.contains(".p") {
                    true => NodeKey::Lead(f.report, f.id.as_str().into()),
                    false => NodeKey::of_node(f.report, &f.id),
                };
                return Jump { key, target: None };
            }
            Kind::Measure => TargetKind::Measure,
            Kind::Statistic => TargetKind::Statistic,
        };
        let paragraph = f.id.rsplit_once('.').map_or("", |(p, _)| p);
        let lead = reports
            .paragraph(f.report, paragraph)
            .is_some_and(|p| p.lead.is_some());
        Jump {
            key: match lead {
                true => NodeKey::Lead(f.report, paragraph.into()),
                false => NodeKey::of_node(f.report, &f.node),
            },
            target: Some(TargetRef {
                kind,
                id: f.id.clone(),
            }),
        }
    }
}

/// The order of `found` in the text: by report, then by where each hit stands (a
/// section's heading, then its paragraphs, each followed by its sentences and figures).
pub fn document_order(reports: &Library, found: &[Found]) -> Vec<usize> {
    use std::collections::{BTreeMap, HashMap};
    // Per report: hit id → the hits with it; only those reports are walked.
    let mut wanted: BTreeMap<usize, HashMap<&str, Vec<usize>>> = BTreeMap::new();
    for (i, f) in found.iter().enumerate() {
        let ids = wanted.entry(f.report).or_default();
        ids.entry(f.id.as_str()).or_default().push(i);
    }
    // From the models cache most of these reports are not decoded yet: all at once, on
    // every core, rather than one by one here.
    reports.prepare(wanted.keys().copied());
    let mut place = vec![usize::MAX; found.len()];
    for (r, ids) in &wanted {
        let Some(report) = reports.get(*r) else {
            continue;
        };
        let mut next = 0;
        let mut add = |id: &str| {
            for &i in ids.get(id).into_iter().flatten() {
                place[i] = place[i].min(next);
            }
            next += 1;
        };
        let paragraphs = |ps: &[crate::model::Paragraph], add: &mut dyn FnMut(&str)| {
            for p in ps {
                add(&p.id);
                let (sentences, rest) = p.statistics_by_measure();
                for (m, stats) in sentences {
                    add(&m.id);
                    stats.iter().for_each(|s| add(&s.id));
                }
                rest.iter().for_each(|s| add(&s.id));
            }
        };
        paragraphs(&report.intro, &mut add);
        for s in report.all_sections() {
            add(&s.id);
            paragraphs(&s.paragraphs, &mut add);
        }
    }
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_key(|&i| (found[i].report, place[i]));
    order
}

/// The search screen: query line and results list.
#[derive(Default)]
pub struct Finder {
    pub input: LineInput,
    /// The first rows of the ranked hits, made as the list scrolls (`make_rows`).
    pub found: Vec<Found>,
    /// All hits of the query.
    pub total: usize,
    /// Hits the list can show: the best `LIMIT` of `total`.
    pub ranked: usize,
    pub selected: usize,
    pub scroll: usize,
    /// Queries taken with Enter, oldest first, each once.
    pub history: Vec<String>,
    /// Where Ctrl-p / Ctrl-n stand in `history`; `None` is the query being typed.
    pub history_at: Option<usize>,
}

/// How many queries the history keeps.
const HISTORY: usize = 100;

impl Finder {
    /// The screen opens: the last query shows selected, so typing replaces it.
    pub fn open(&mut self) {
        self.input.select_all();
        self.history_at = None;
    }

    /// Remember the query taken with Enter, as the newest in the history.
    pub fn remember(&mut self) {
        let q = self.input.text().trim();
        if q.is_empty() {
            return;
        }
        let q = q.to_string();
        self.history.retain(|h| *h != q);
        self.history.push(q);
        if self.history.len() > HISTORY {
            self.history.remove(0);
        }
        self.history_at = None;
    }

    /// Put an older (`back`) or newer query from the history in the line, as fzf's
    /// `--history` does; returns whether the line changed.
    pub fn recall(&mut self, back: bool) -> bool {
        let n = self.history.len();
        let at = match (self.history_at, back) {
            (_, _) if n == 0 => return false,
            (None, true) => Some(n - 1),
            (None, false) => return false,
            (Some(i), true) => Some(i.saturating_sub(1)),
            (Some(i), false) if i + 1 < n => Some(i + 1),
            (Some(_), false) => None,
        };
        let text = at
            .and_then(|i| self.history.get(i))
            .cloned()
            .unwrap_or_default();
        self.history_at = at;
        let changed = text != self.input.text();
        self.input.set(&text);
        changed
    }

    /// Run the query through the engine; the selection goes back to the best hit.
    pub fn refresh(&mut self, engine: &mut Engine) {
        self.selected = 0;
        self.scroll = 0;
        let results = engine.rows(self.input.text(), LIMIT, 0..ROWS);
        self.found = results.found;
        self.total = results.total;
        self.ranked = results.ranked;
    }

    /// Make the rows up to `upto` (and some beyond), if they are not yet.
    pub fn make_rows(&mut self, engine: &mut Engine, upto: usize) {
        let made = self.found.len();
        if made >= upto.min(self.ranked) {
            return;
        }
        let more = engine.rows(self.input.text(), LIMIT, made..upto + ROWS);
        self.found.extend(more.found);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embedded;

    fn found(kind: Kind, id: &str, node: &str) -> Found {
        Found {
            report: 0,
            kind,
            id: id.into(),
            node: node.into(),
            text: String::new(),
            indices: Vec::new(),
        }
    }

    #[test]
    fn hits_jump_to_the_most_precise_node() {
        let r = Library::new(vec![embedded::report().unwrap()]);
        let stat = Jump::to(&r, &found(Kind::Statistic, "4.3.p1.s1", "4.3"));
        assert_eq!(stat.key, NodeKey::Section(0, "4.3".into()));
        assert_eq!(stat.target.unwrap().kind, TargetKind::Statistic);
        // 三's fourth paragraph opens with a lead, so its figures open that lead's node.
        let led = Jump::to(&r, &found(Kind::Statistic, "3.p4.s2", "3"));
        assert_eq!(led.key, NodeKey::Lead(0, "3.p4".into()));
        let lead = Jump::to(&r, &found(Kind::Section, "3.p1", "3"));
        assert_eq!(
            (lead.key, lead.target),
            (NodeKey::Lead(0, "3.p1".into()), None)
        );
        let intro = Jump::to(&r, &found(Kind::Measure, "intro.p1.m1", "intro"));
        assert_eq!(intro.key, NodeKey::Intro(0));
    }
}
