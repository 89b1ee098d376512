//! Running a query over a pool of items: scan and rank (on every core, in stretches, for
//! a large pool), then merge the stretches.
//!
//! Shaped by measurement on the 1,000-report corpus (175,000 items), where a one-letter
//! query matches nearly all of them: each thread ranks its own stretch, so the calling
//! thread only merges. (Recording matches compactly and allocating every hit on the
//! calling thread was slower; so was reusing the last search's index vectors.)

use super::index::Index;
use super::matcher::{compile, match_item, Compiled};
use super::query::Query;
use super::Hit;
use fuzzy_matcher::skim::SkimMatcherV2;
use std::ops::Range;

/// Pools smaller than this are scanned on the calling thread: below it, spawning threads
/// costs more than it saves (the embedded report has ~200 items, a corpus 175,000).
const PARALLEL_MIN: usize = 20_000;

/// What a search gives: hits best first, and the items that matched in document order
/// (the pool for a query that refines this one).
#[derive(Default)]
pub(crate) struct Outcome {
    pub(crate) hits: Vec<Hit>,
    pub(crate) items: Vec<u32>,
}

/// Every hit for `query` among `pool` (every item when `None`), ranked.
pub(crate) fn run(
    index: &Index,
    query: &Query,
    pool: Option<&[u32]>,
    skim: &SkimMatcherV2,
) -> Outcome {
    let count = pool.map_or(index.items().len(), <[u32]>::len);
    let threads = match count >= PARALLEL_MIN {
        true => std::thread::available_parallelism().map_or(1, |n| n.get().min(8)),
        false => 1,
    };
    run_on(index, query, pool, skim, threads)
}

fn run_on(
    index: &Index,
    query: &Query,
    pool: Option<&[u32]>,
    skim: &SkimMatcherV2,
    threads: usize,
) -> Outcome {
    let words: Vec<Compiled> = query
        .words
        .iter()
        .map(|w| compile(&index.symbols, w))
        .collect();
    let count = pool.map_or(index.items().len(), <[u32]>::len);
    // A query with no words lists items in document order, as they come.
    let ranked = !words.is_empty();
    let scan = |range: Range<usize>| -> Outcome {
        // Sized for the worst case up front: growing by doubling means large reallocations,
        // each of which makes glibc consolidate the small blocks the last search freed.
        let mut hits = Vec::with_capacity(range.len());
        let mut indices = Vec::new();
        for i in range {
            let item = pool.map_or(i, |p| p[i] as usize);
            if query.kind.is_some_and(|k| index.kinds[item] != k) {
                continue;
            }
            if let Some((exact, score)) = match_item(index, item, &words, skim, &mut indices) {
                let indices = std::mem::take(&mut indices);
                hits.push(Hit {
                    item,
                    score,
                    exact,
                    indices,
                });
            }
        }
        let items = hits.iter().map(|h| h.item as u32).collect();
        if ranked {
            rank(&mut hits, index);
        }
        Outcome { hits, items }
    };
    if threads <= 1 {
        return scan(0..count);
    }
    let stretches: Vec<Outcome> = std::thread::scope(|s| {
        let size = count.div_ceil(threads);
        let scan = &scan;
        let handles: Vec<_> = (0..threads)
            .map(|t| s.spawn(move || scan(t * size..((t + 1) * size).min(count))))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    let mut merged = Outcome {
        hits: Vec::with_capacity(stretches.iter().map(|o| o.hits.len()).sum()),
        items: Vec::with_capacity(stretches.iter().map(|o| o.items.len()).sum()),
    };
    let mut heads = Vec::new();
    for stretch in stretches {
        merged.items.extend(stretch.items);
        heads.push(stretch.hits.into_iter().peekable());
    }
    // Stretches come in document order, so the order of `rank` carries across them.
    let order = |h: &Hit| match ranked {
        true => (!h.exact, -h.score, index.kinds[h.item].tie_rank(), h.item),
        false => (false, 0, 0, h.item),
    };
    while let Some(head) = heads
        .iter_mut()
        .filter_map(|h| Some((order(h.peek()?), h)))
        .min_by(|a, b| a.0.cmp(&b.0))
        .map(|(_, h)| h)
    {
        merged.hits.extend(head.next());
    }
    merged
}

/// Best first: exact before scattered, then score, then statistics › measures ›
/// sections, then document order (`hits` come in document order, so position stands
/// for it). Sorts packed `u64` keys, then permutes: comparing hits directly was several
/// times slower on 150,000 of them.
fn rank(hits: &mut [Hit], index: &Index) {
    const SCORE_BITS: u32 = 29;
    let span = 1i64 << (SCORE_BITS - 1);
    let mut keys: Vec<u64> = hits
        .iter()
        .enumerate()
        .map(|(at, h)| {
            let score = (h.score.clamp(-span, span - 1) + span) as u64;
            let lower = ((1u64 << SCORE_BITS) - 1) - score;
            let kind = u64::from(index.kinds[h.item].tie_rank());
            u64::from(!h.exact) << 63 | lower << 34 | kind << 32 | at as u64
        })
        .collect();
    keys.sort_unstable();
    // Position `i` takes the hit at `from[i]`: permute in place, cycle by cycle, rather
    // than allocate a second vector of hits.
    const DONE: u32 = u32::MAX;
    let mut from: Vec<u32> = keys.iter().map(|k| *k as u32).collect();
    for start in 0..from.len() {
        let mut at = start;
        while from[at] != DONE {
            let next = from[at] as usize;
            from[at] = DONE;
            if next == start {
                break;
            }
            hits.swap(at, next);
            at = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{corpus, matcher::skim};
    use super::*;

    #[test]
    fn threads_change_nothing() {
        let base = crate::embedded::report().unwrap();
        let index = Index::build(&corpus::generate(&base, 12));
        let skim = skim();
        for q in ["z", "zfjly", "法律意见", "7", "执法 44", "#", "@执法"] {
            let query = Query::lenient(q);
            let one = run_on(&index, &query, None, &skim, 1);
            for threads in [2, 3, 7] {
                let many = run_on(&index, &query, None, &skim, threads);
                assert_eq!(one.hits, many.hits, "{q} on {threads} threads");
                assert_eq!(one.items, many.items, "{q} on {threads} threads");
            }
            assert!(one.items.windows(2).all(|w| w[0] < w[1]), "document order");
        }
    }

    #[test]
    fn ties_go_statistics_measures_sections_then_document_order() {
        let base = crate::embedded::report().unwrap();
        let index = Index::build(&[base]);
        let hits = run_on(&index, &Query::lenient("执法"), None, &skim(), 1).hits;
        for pair in hits.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            let rank = |h: &Hit| index.items()[h.item].kind.tie_rank();
            let ordered =
                (!a.exact, -a.score, rank(a), a.item) < (!b.exact, -b.score, rank(b), b.item);
            assert!(ordered, "{a:?} before {b:?}");
        }
    }
}
