//! Search as you type: each keystroke's query is searched among the previous keystroke's
//! hits when it only grows (as fzf does), so a keystroke on a large corpus stays within a
//! frame; backspace returns to the hits kept for the shorter query.

use super::index::Index;
use super::query::Query;
use super::Hit;
use super::{matcher, scan};
use fuzzy_matcher::skim::SkimMatcherV2;
use std::sync::Arc;

/// Hit lists this long are freed on another thread.
const BIG: usize = 20_000;

/// The search box's engine: call `search` with the whole input after every keystroke.
/// It shares the index (an `Arc`), so it can live as long as a UI needs it.
pub struct Searcher {
    index: Arc<Index>,
    skim: SkimMatcherV2,
    /// Each entry's query refines the one below; its items are that query's hits in
    /// document order, the pool for the next query that refines it.
    levels: Vec<(Query, Vec<u32>)>,
    /// The query that `hits` answer.
    last: Option<Query>,
    hits: Vec<Hit>,
}

impl Searcher {
    pub fn new(index: Arc<Index>) -> Self {
        Searcher {
            index,
            skim: matcher::skim(),
            levels: Vec::new(),
            last: None,
            hits: Vec::new(),
        }
    }

    /// The hits for `input`, best first. An input with no words (`""`, `"#"`) lists every
    /// item, of the prefix's kind if there is one, in document order.
    pub fn search(&mut self, input: &str) -> &[Hit] {
        let query = Query::lenient(input);
        if self.last.as_ref() == Some(&query) {
            return &self.hits;
        }
        while self.levels.last().is_some_and(|(q, _)| !query.refines(q)) {
            self.levels.pop();
        }
        let top = self.levels.last();
        let pool = top.map(|(_, items)| items.as_slice());
        let outcome = scan::run(&self.index, &query, pool, &self.skim);
        let spent = std::mem::replace(&mut self.hits, outcome.hits);
        if spent.len() >= BIG {
            // Freeing 150,000 index vectors takes milliseconds of a keystroke; nothing
            // waits for it, so it happens beside the next frame rather than before it.
            // If no thread can be had, the closure and the hits are dropped right here.
            let _ = std::thread::Builder::new().spawn(move || drop(spent));
        }
        if top.is_none_or(|(q, _)| *q != query) {
            self.levels.push((query.clone(), outcome.items));
        }
        self.last = Some(query);
        &self.hits
    }
}
