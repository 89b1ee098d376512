//! Search as you type: each keystroke's query is searched among the previous keystroke's
//! hits when it only grows (as fzf does), so a keystroke on a large corpus stays within a
//! frame; backspace returns to the hits kept for the shorter query. A UI that shows a
//! page asks for the best hits only (`search_top`), which skips ranking the rest.

use super::index::Index;
use super::pairs::Pairs;
use super::query::Query;
use super::top::Plane;
use super::Hit;
use super::{matcher, scan, top};
use fuzzy_matcher::skim::SkimMatcherV2;
use std::sync::{Arc, OnceLock};

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
    /// The query that `hits` answer, and the limit they were ranked to (`None`: all).
    last: Option<(Query, Option<usize>)>,
    hits: Vec<Hit>,
    /// How many items match the last query (`hits` may hold only the best of them).
    total: usize,
    /// The two-letter summary of a one-letter query's pool, filled on another thread.
    pairs: Option<(Query, Arc<OnceLock<Option<Pairs>>>)>,
}

/// One-letter queries matching fewer items than this get no two-letter summary: the
/// second letter's scan of so few costs less than a thread.
const PAIRS_MIN: usize = 20_000;

impl Searcher {
    pub fn new(index: Arc<Index>) -> Self {
        Searcher {
            index,
            skim: matcher::skim(),
            levels: Vec::new(),
            last: None,
            hits: Vec::new(),
            total: 0,
            pairs: None,
        }
    }

    /// The hits for `input`, best first. An input with no words (`""`, `"#"`) lists every
    /// item, of the prefix's kind if there is one, in document order.
    pub fn search(&mut self, input: &str) -> &[Hit] {
        self.run(input, None);
        &self.hits
    }

    /// The first `limit` hits for `input` (the same as `search(input)[..limit]`) and how
    /// many there are in all. Only those `limit` are ranked in full and highlighted, so a
    /// one-letter query matching most of a large corpus costs little more than its scan.
    pub fn search_top(&mut self, input: &str, limit: usize) -> (&[Hit], usize) {
        self.run(input, Some(limit));
        (&self.hits, self.total)
    }

    fn run(&mut self, input: &str, limit: Option<usize>) {
        let query = Query::lenient(input);
        if self.last.as_ref() == Some(&(query.clone(), limit)) {
            return;
        }
        while self.levels.last().is_some_and(|(q, _)| !query.refines(q)) {
            self.levels.pop();
        }
        let below = self.levels.last();
        let pool = below.map(|(_, items)| items.as_slice());
        let (hits, items) = match limit {
            None => {
                let outcome = scan::run(&self.index, &query, pool, &self.skim);
                (outcome.hits, outcome.items)
            }
            Some(limit) => {
                let plane = self.plane(&query, below.map(|(q, _)| q));
                let best = top::run(&self.index, &query, pool, &self.skim, limit, plane);
                (best.hits, best.items)
            }
        };
        self.total = match limit {
            None => hits.len(),
            Some(_) => items.len(),
        };
        let spent = std::mem::replace(&mut self.hits, hits);
        if spent.len() >= BIG {
            // Freeing 150,000 index vectors takes milliseconds of a keystroke; nothing
            // waits for it, so it happens beside the next frame rather than before it.
            // If no thread can be had, the closure and the hits are dropped right here.
            let _ = std::thread::Builder::new().spawn(move || drop(spent));
        }
        if below.is_none_or(|(q, _)| *q != query) {
            if limit.is_some() && letter(&query).is_some() && items.len() >= PAIRS_MIN {
                self.summarise_pairs(&query, &items);
            }
            self.levels.push((query.clone(), items));
        }
        self.last = Some((query, limit));
    }

    /// A summary's scores standing in for matching `query` over the pool of `below` (the
    /// query whose hits are the pool), when one is ready; never waits for one.
    fn plane(&self, query: &Query, below: Option<&Query>) -> Option<Plane<'_>> {
        if let Some(plane) = self.index.letters().and_then(|l| l.plane(query)) {
            return Some(Plane::ByItem(plane));
        }
        let (first, second) = two_letters(query)?;
        let (summarised, pairs) = self.pairs.as_ref()?;
        let pairs = pairs.get()?.as_ref()?;
        let below = below.filter(|&b| b == summarised)?;
        let plane = (letter(below) == Some(first)).then(|| pairs.plane(second))?;
        plane.map(Plane::ByPlace)
    }

    /// Start summarising every two-letter query growing `query` (one letter) over its
    /// hits, on another thread: the user reads the page meanwhile. If no thread can be
    /// had, the second letter is scanned.
    fn summarise_pairs(&mut self, query: &Query, items: &[u32]) {
        let Some(first) = letter(query) else {
            return;
        };
        let cell = Arc::new(OnceLock::new());
        let (index, pool, filled) = (Arc::clone(&self.index), items.to_vec(), Arc::clone(&cell));
        let _ = std::thread::Builder::new().spawn(move || {
            filled.get_or_init(|| Pairs::build(&index, first, &pool));
        });
        self.pairs = Some((query.clone(), cell));
    }
}

/// The letter of a query that is one plain letter (`z`, `#z`; not `'z`).
fn letter(query: &Query) -> Option<u8> {
    match (query.words.as_slice(), two_or_one(query)) {
        ([w], Some(&[l])) if !w.exact => Some(l),
        _ => None,
    }
}

/// The two letters of a query that is two plain letters (`zf`).
fn two_letters(query: &Query) -> Option<(u8, u8)> {
    match (query.words.as_slice(), two_or_one(query)) {
        ([w], Some(&[a, b])) if !w.exact => Some((a, b)),
        _ => None,
    }
}

/// The single word's text when it is one or two lowercase ASCII letters.
fn two_or_one(query: &Query) -> Option<&[u8]> {
    let [w] = query.words.as_slice() else {
        return None;
    };
    let bytes = w.text.as_bytes();
    (bytes.len() <= 2 && bytes.iter().all(u8::is_ascii_lowercase)).then_some(bytes)
}
