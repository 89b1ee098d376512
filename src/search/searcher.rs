//! Search as you type: each keystroke's query is searched among the previous keystroke's
//! hits when it only grows (as fzf does), so a keystroke on a large corpus stays within a
//! frame; backspace returns to the hits kept for the shorter query. A UI that shows a
//! page asks for the best hits only (`search_top`), which skips ranking the rest.

use super::index::Index;
use super::pairs::Pairs;
use super::query::Query;
use super::top::Plane;
use super::Hit;
use super::{grow, matcher, scan, top};
use fuzzy_matcher::skim::SkimMatcherV2;
use std::sync::{Arc, OnceLock};

/// Hit lists this long are freed on another thread.
const BIG: usize = 20_000;

/// The search box's engine: call `search` with the whole input after every keystroke.
/// It shares the index (an `Arc`), so it can live as long as a UI needs it.
pub struct Searcher {
    index: Arc<Index>,
    skim: SkimMatcherV2,
    /// Each level's query refines the one below.
    levels: Vec<Level>,
    /// The query that `hits` answer, and the limit they were ranked to (`None`: all).
    last: Option<(Query, Option<usize>)>,
    hits: Vec<Hit>,
    /// How many items match the last query (`hits` may hold only the best of them).
    total: usize,
    /// The next letter's summary over a query's hits (`pairs`, `grow`), filled on
    /// another thread, with the query it grows.
    next: Option<(Query, Arc<OnceLock<Option<Pairs>>>)>,
    /// `NEXT_MIN`, lower in tests.
    next_min: usize,
}

/// A query typed on the way to the current one.
struct Level {
    query: Query,
    /// Its hits in document order: the pool for the next query that refines it.
    items: Vec<u32>,
    /// Its best hits' items, best first, and the limit they were ranked to: backspace to
    /// this query shows them again without a scan.
    page: Option<(usize, Vec<u32>)>,
}

/// Queries matching fewer items than this get no next-letter summary: the next letter's
/// scan of so few costs less than the thread. (At 1,000 reports `zfj` matches 9,000
/// items, whose scan took ~3 ms of the `l` keystroke.)
const NEXT_MIN: usize = 2_000;

impl Searcher {
    pub fn new(index: Arc<Index>) -> Self {
        Searcher {
            index,
            skim: matcher::skim(),
            levels: Vec::new(),
            last: None,
            hits: Vec::new(),
            total: 0,
            next: None,
            next_min: NEXT_MIN,
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
        while self.levels.last().is_some_and(|l| !query.refines(&l.query)) {
            self.levels.pop();
        }
        let below = self.levels.last();
        let pool = below.map(|l| l.items.as_slice());
        let kept = below
            .filter(|l| l.query == query)
            .and_then(|l| l.page.as_ref())
            .filter(|(kept, _)| Some(*kept) == limit);
        let (hits, items) = match (limit, kept) {
            (Some(_), Some((_, page))) => {
                let hits = top::highlight(&self.index, &query, &self.skim, page);
                (hits, Vec::new())
            }
            (None, _) => {
                let outcome = scan::run(&self.index, &query, pool, &self.skim);
                (outcome.hits, outcome.items)
            }
            (Some(limit), None) => {
                let plane = self.plane(&query, below.map(|l| &l.query));
                let best = top::run(&self.index, &query, pool, &self.skim, limit, plane);
                (best.hits, best.items)
            }
        };
        self.total = match (limit, kept) {
            (None, _) => hits.len(),
            (Some(_), Some(_)) => pool.map_or(0, <[u32]>::len),
            (Some(_), None) => items.len(),
        };
        let spent = std::mem::replace(&mut self.hits, hits);
        if spent.len() >= BIG {
            // Freeing 150,000 index vectors takes milliseconds of a keystroke; nothing
            // waits for it, so it happens beside the next frame rather than before it.
            // If no thread can be had, the closure and the hits are dropped right here.
            let _ = std::thread::Builder::new().spawn(move || drop(spent));
        }
        if below.is_none_or(|l| l.query != query) {
            if limit.is_some() && items.len() >= self.next_min {
                self.summarise_next(&query, &items);
            }
            let page = limit.map(|l| (l, self.hits.iter().map(|h| h.item as u32).collect()));
            self.levels.push(Level {
                query: query.clone(),
                items,
                page,
            });
        }
        self.last = Some((query, limit));
    }

    /// Wait until the summary the last query started (if any) is built: what a keystroke
    /// finds when the user typed at a human pace. For benchmarks and tests.
    pub fn settle(&self) {
        if let Some((_, cell)) = &self.next {
            cell.wait();
        }
    }

    /// A summary's scores standing in for matching `query` over the pool of `below` (the
    /// query whose hits are the pool), when one is ready; never waits for one.
    fn plane(&self, query: &Query, below: Option<&Query>) -> Option<Plane<'_>> {
        if let Some(plane) = self.index.letters().and_then(|l| l.plane(query)) {
            return Some(Plane::ByItem(plane));
        }
        let (summarised, next) = self.next.as_ref()?;
        let next = next.get()?.as_ref()?;
        let below = below.filter(|&b| b == summarised)?;
        let (word, typed) = (letters(below)?, letters(query)?);
        let (&last, grown) = typed.as_bytes().split_last()?;
        let plane = (grown == word.as_bytes()).then(|| next.plane(last))?;
        plane.map(Plane::ByPlace)
    }

    /// Start summarising every query one letter longer than `query` (one word of letters)
    /// over its hits, on another thread: the user reads the page meanwhile. If no thread
    /// can be had, the next letter is scanned.
    fn summarise_next(&mut self, query: &Query, items: &[u32]) {
        let Some(word) = letters(query).map(str::to_string) else {
            return;
        };
        let cell = Arc::new(OnceLock::new());
        let (index, pool, filled) = (Arc::clone(&self.index), items.to_vec(), Arc::clone(&cell));
        spawn_idle(move || {
            filled.get_or_init(|| match word.as_bytes() {
                // One letter: the rule restated, faster than spelling ~160,000 items 26 times.
                &[first] => Pairs::build(&index, first, &pool),
                _ => grow::grow(&index, &word, &pool),
            });
        });
        self.next = Some((query.clone(), cell));
    }
}

/// Run `work` on a thread of its own that runs only when no other thread wants a core
/// (Linux's `SCHED_IDLE`): a summary is for the next keystroke and must not slow the frame
/// the terminal is drawing now (on two cores, the app, the terminal and the summary
/// compete). If no thread can be had, the work is not done.
pub(crate) fn spawn_idle(work: impl FnOnce() + Send + 'static) {
    let _ = std::thread::Builder::new().spawn(move || {
        lower_priority();
        work();
    });
}

/// Make the calling thread run only when no other thread wants a core (`spawn_idle`).
pub(crate) fn lower_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: sched_setscheduler on the calling thread (0) with a plain struct; lowering
    // a thread's own policy needs no privilege, and a failure leaves it as it was.
    unsafe {
        let param = libc::sched_param { sched_priority: 0 };
        libc::sched_setscheduler(0, libc::SCHED_IDLE, &param);
    }
}

/// The word of a query that is one word of plain letters (`zf`, `#zf`; not `'zf`).
fn letters(query: &Query) -> Option<&str> {
    match query.words.as_slice() {
        [w] if !w.exact && w.text.bytes().all(|b| b.is_ascii_lowercase()) => Some(&w.text),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::corpus;
    use super::*;

    /// Typing letter by letter over a corpus broad enough for summaries: once each
    /// summary is ready it is used, and every page and count is a fresh scan's.
    #[test]
    fn summaries_answer_as_a_fresh_scan_does() {
        let base = crate::embedded::report().unwrap();
        let index = Arc::new(Index::build(&corpus::generate(&base, 20)));
        index.letters_now();
        let mut searcher = Searcher::new(Arc::clone(&index));
        searcher.next_min = 1000;
        let skim = matcher::skim();
        for typed in [
            "z", "zf", "zfj", "zfjl", "#z", "#zh", "s", "sh", "shi", "shif",
        ] {
            let query = Query::lenient(typed);
            searcher.settle();
            let below = searcher
                .levels
                .iter()
                .rev()
                .find(|l| query.refines(&l.query));
            let summarised = searcher.plane(&query, below.map(|l| &l.query)).is_some();
            // zfj and #z match fewer than `next_min` items: zfjl and #zh are scanned.
            let expect_summary = !["zfjl", "#zh"].contains(&typed);
            assert_eq!(summarised, expect_summary, "{typed}: summary used");
            let fresh = top::run_on(&index, &query, None, &skim, 50, 1, None);
            let (hits, total) = searcher.search_top(typed, 50);
            assert_eq!(
                (hits, total),
                (fresh.hits.as_slice(), fresh.total),
                "{typed}"
            );
        }
        // Each query typed on the way keeps its page (s, sh, shi, shif)...
        assert_eq!(searcher.levels.len(), 4);
        assert!(searcher.levels.iter().all(|l| l.page.is_some()));
        // ...and backspace shows it again, with its count.
        for typed in ["shi", "sh", "s", "z", "zf", "zfj", "zf", "z"] {
            let query = Query::lenient(typed);
            let fresh = top::run_on(&index, &query, None, &skim, 50, 1, None);
            let (hits, total) = searcher.search_top(typed, 50);
            let expected = (fresh.hits.as_slice(), fresh.total);
            assert_eq!((hits, total), expected, "back to {typed}");
        }
    }
}
