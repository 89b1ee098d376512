//! The search screen's state: the query line, the best hits in the UI's terms (from
//! `search_engine`) and where each hit takes the reader.

use super::document::{TargetKind, TargetRef};
use super::line_input::LineInput;
use super::search_engine::Engine;
use super::tree::{self, NodeKey};
use crate::model::Report;
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

/// The best hits of a query and how many there were in all.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Results {
    pub found: Vec<Found>,
    pub total: usize,
}

/// How many hits the results list holds: more than anyone scrolls through, few enough
/// that copying them out of the engine stays cheap on a keystroke over a large corpus.
pub const LIMIT: usize = 1000;

/// Where a hit takes the reader: a tree node, and the sentence or figure in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Jump {
    pub key: NodeKey,
    pub target: Option<TargetRef>,
}

impl Jump {
    /// The node that shows a hit: the lead paragraph when the hit's paragraph has one
    /// (the most precise node), else its section or the preamble.
    pub fn to(reports: &[Report], f: &Found) -> Jump {
        let kind = match f.kind {
            // A section hit is a heading, or a paragraph lead (`"3.p1"`), its own node.
            Kind::Section => {
                let key = match f.id.contains(".p") {
                    true => NodeKey::Lead(f.report, f.id.clone()),
                    false => NodeKey::of_node(f.report, &f.id),
                };
                return Jump { key, target: None };
            }
            Kind::Measure => TargetKind::Measure,
            Kind::Statistic => TargetKind::Statistic,
        };
        let paragraph = f.id.rsplit_once('.').map_or("", |(p, _)| p);
        let lead = reports
            .get(f.report)
            .and_then(|r| tree::find_paragraph(r, paragraph))
            .is_some_and(|p| p.lead.is_some());
        Jump {
            key: match lead {
                true => NodeKey::Lead(f.report, paragraph.to_string()),
                false => NodeKey::of_node(f.report, &f.node),
            },
            target: Some(TargetRef {
                kind,
                id: f.id.clone(),
            }),
        }
    }
}

/// The search screen: query line and results list.
#[derive(Default)]
pub struct Finder {
    pub input: LineInput,
    pub found: Vec<Found>,
    /// All hits of the query; `found` holds at most `LIMIT` of them.
    pub total: usize,
    pub selected: usize,
    pub scroll: usize,
}

impl Finder {
    /// Run the query through the engine; the selection goes back to the best hit.
    pub fn refresh(&mut self, engine: &mut Engine) {
        self.selected = 0;
        self.scroll = 0;
        let results = engine.search(self.input.text(), LIMIT);
        self.found = results.found;
        self.total = results.total;
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
        let r = vec![embedded::report().unwrap()];
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
