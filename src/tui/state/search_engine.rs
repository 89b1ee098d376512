//! The search engine (`crate::search`) as the search screen uses it: the whole query line
//! in after every keystroke, the best hits out in the UI's terms.

use super::finder::{Found, Results};
use crate::model::Report;
use crate::search::{Index, Searcher};
use std::sync::Arc;

/// The engine with its per-keystroke narrowing, over an index it shares.
pub struct Engine {
    index: Arc<Index>,
    searcher: Searcher,
}

impl Engine {
    pub fn new(reports: &[Report]) -> Engine {
        let index = Arc::new(Index::build(reports));
        Engine {
            searcher: Searcher::new(Arc::clone(&index)),
            index,
        }
    }

    /// The first `limit` hits for `input`, best first, and how many there are in all.
    pub fn search(&mut self, input: &str, limit: usize) -> Results {
        let index = &self.index;
        let hits = self.searcher.search(input);
        let found = hits
            .iter()
            .take(limit)
            .filter_map(|h| {
                let item = (h.item < index.len()).then(|| index.item(h.item))?;
                Some(Found {
                    report: item.report,
                    kind: item.kind,
                    id: item.id.to_string(),
                    node: item.node.to_string(),
                    text: item.text.to_string(),
                    indices: h.indices.clone(),
                })
            })
            .collect();
        Results {
            found,
            total: hits.len(),
        }
    }
}
