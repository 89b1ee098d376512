//! The search engine (`crate::search`) as the search screen uses it: the whole query line
//! in after every keystroke, the best hits out in the UI's terms.

use super::finder::{Found, Results};
use crate::model::Report;
use crate::search::{Index, Searcher};
use std::ops::Range;
use std::sync::Arc;

/// The engine with its per-keystroke narrowing, over an index it shares.
pub struct Engine {
    index: Arc<Index>,
    searcher: Searcher,
}

impl Engine {
    pub fn new(reports: &[Report]) -> Engine {
        Engine::with_index(Index::build(reports))
    }

    /// Over an index already built (or read from the cache) for the app's reports.
    pub fn with_index(index: Index) -> Engine {
        let index = Arc::new(index);
        Index::summarise_letters(&index);
        Engine {
            searcher: Searcher::new(Arc::clone(&index)),
            index,
        }
    }

    /// The first `limit` hits for `input`, best first, and how many there are in all.
    pub fn search(&mut self, input: &str, limit: usize) -> Results {
        self.rows(input, limit, 0..limit)
    }

    /// Rows `rows` of the first `limit` hits for `input` (only those are made), how many
    /// there are in all and how many of them are ranked. Asking again for the same input
    /// and limit reuses the ranking: a list makes its rows as it scrolls.
    pub fn rows(&mut self, input: &str, limit: usize, rows: Range<usize>) -> Results {
        let index = &self.index;
        let query = crate::search::Query::lenient(input);
        if query.words.is_empty() {
            return listing(index, query.kind, limit, rows);
        }
        // Asked for every hit (the statistics filter), a full ranking does it in one pass.
        let (hits, total) = match limit >= index.len() {
            true => {
                let hits = self.searcher.search(input);
                (hits, hits.len())
            }
            false => self.searcher.search_top(input, limit),
        };
        let ranked = hits.len().min(limit);
        let rows = rows.start.min(ranked)..rows.end.min(ranked);
        let found = hits[rows]
            .iter()
            .filter(|h| h.item < index.len())
            .map(|h| found(index, h.item, h.indices.clone()))
            .collect();
        Results {
            found,
            total,
            ranked,
        }
    }
}

/// A query with no words (`/` just opened, or only `#`) lists items in document order:
/// only the rows asked for are made, not all 177,000 items of 1,000 reports.
fn listing(
    index: &Index,
    kind: Option<crate::search::Kind>,
    limit: usize,
    rows: Range<usize>,
) -> Results {
    let of_kind = |&i: &usize| kind.is_none_or(|k| index.kind(i) == k);
    let total = (0..index.len()).filter(of_kind).count();
    let ranked = total.min(limit);
    let rows = rows.start.min(ranked)..rows.end.min(ranked);
    let found = (0..index.len())
        .filter(of_kind)
        .skip(rows.start)
        .take(rows.len())
        .map(|i| found(index, i, Vec::new()))
        .collect();
    Results {
        found,
        total,
        ranked,
    }
}

fn found(index: &Index, i: usize, indices: Vec<usize>) -> Found {
    let item = index.item(i);
    Found {
        report: item.report,
        kind: item.kind,
        id: item.id.to_string(),
        node: item.node.to_string(),
        text: item.text.to_string(),
        indices,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Kind;

    #[test]
    fn an_empty_query_lists_one_page_and_counts_the_rest() {
        let base = crate::embedded::report().unwrap();
        let reports = crate::search::corpus::generate(&base, 12);
        let mut engine = Engine::new(&reports);
        let all = engine.index.len();
        assert!(all > 2000, "{all} items: more than a page");
        let listed = engine.search("", 1000);
        assert_eq!((listed.found.len(), listed.total), (1000, all));
        // Rows further down the listing are the same rows, made when asked for.
        let later = engine.rows("", 1000, 990..1200);
        assert_eq!((later.found.len(), later.ranked), (10, 1000));
        assert_eq!(later.found, listed.found[990..]);
        let first: Vec<&str> = listed.found.iter().take(3).map(|f| f.id.as_str()).collect();
        assert_eq!(first, ["intro.p1.m1", "intro.p1.m2", "1"], "document order");
        let statistics = engine.search("#", 1000);
        assert!(statistics.found.iter().all(|f| f.kind == Kind::Statistic));
        let counted = engine
            .index
            .items()
            .filter(|i| i.kind == Kind::Statistic)
            .count();
        assert_eq!(statistics.total, counted);
        // Typing after the listing still searches everything.
        let typed = engine.search("执法", 1000);
        assert_eq!(
            typed.total,
            engine
                .index
                .search(&crate::search::Query::lenient("执法"))
                .len()
        );
    }
}
