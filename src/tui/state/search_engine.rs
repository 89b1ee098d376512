//! The search engine (`crate::search`) behind the search screen's `SearchBackend`.

use super::finder::{Found, FoundKind, Results, SearchBackend};
use crate::model::Report;
use crate::search::{Index, Kind, Searcher};

/// The engine with its per-keystroke narrowing. `Searcher` borrows the index and both live
/// as long as the app, so the index is leaked once and freed with the process; that beats
/// a self-referential struct for data that never dies early.
pub struct Engine {
    index: &'static Index,
    searcher: Searcher<'static>,
}

impl Engine {
    pub fn new(reports: &[Report]) -> Engine {
        let index: &'static Index = Box::leak(Box::new(Index::build(reports)));
        Engine {
            index,
            searcher: Searcher::new(index),
        }
    }
}

impl SearchBackend for Engine {
    fn search(&mut self, input: &str, limit: usize) -> Result<Results, String> {
        let index = self.index;
        let hits = self.searcher.search(input);
        let found = hits
            .iter()
            .take(limit)
            .filter_map(|h| {
                let item = (h.item < index.len()).then(|| index.item(h.item))?;
                Some(Found {
                    report: item.report,
                    kind: match item.kind {
                        Kind::Section => FoundKind::Section,
                        Kind::Measure => FoundKind::Measure,
                        Kind::Statistic => FoundKind::Statistic,
                    },
                    id: item.id.to_string(),
                    node: item.node.to_string(),
                    text: item.text.to_string(),
                    indices: h.indices.clone(),
                })
            })
            .collect();
        Ok(Results {
            found,
            total: hits.len(),
        })
    }
}
