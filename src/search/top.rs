//! Ranking only what a page shows: every item of the pool is matched and scored (the
//! count and the next keystroke's pool need that), but only the best `limit` are ranked
//! in full and get their highlight indices.
//!
//! Shaped by measurement on the 1,000-report corpus: a one-letter query matches ~159,000
//! of 177,000 items, and making a `Hit` (its index vector) for each and sorting them all
//! was most of a keystroke. Here a match is a `u64` rank key (`scan::rank_key`, unique per
//! item), the best `limit` keys are picked with `select_nth_unstable` and sorted, and
//! those few items are matched once more for their indices. Since keys are unique, the
//! first `limit` hits are exactly the first `limit` of a full sort.

use super::index::{Columns, Index};
use super::letters::NONE;
use super::matcher::{compile, match_item, Compiled};
use super::pairs::FULL;
use super::query::Query;
use super::scan::{rank_key, sort_by_rank, threads_for};
use super::Hit;
use fuzzy_matcher::skim::SkimMatcherV2;
use std::ops::Range;

/// A summary's scores for a query, one byte an item.
#[derive(Clone, Copy)]
pub(crate) enum Plane<'a> {
    /// By item (`Index::item`'s numbering).
    ByItem(&'a [i8]),
    /// By place in the pool searched.
    ByPlace(&'a [i8]),
}

/// The best hits for a query, how many there are, and every matched item.
#[derive(Default)]
pub(crate) struct Top {
    /// The best `limit` hits, best first.
    pub(crate) hits: Vec<Hit>,
    /// How many items matched.
    pub(crate) total: usize,
    /// Every matched item in document order: the pool for a query that refines this one.
    pub(crate) items: Vec<u32>,
}

/// The best `limit` hits for `query` among `pool` (every item when `None`), on every
/// core for a large pool. `plane`, a summary's scores for this query (`letters`, `pairs`),
/// stands in for matching: `NONE` no match, `FULL` match in full.
pub(crate) fn run(
    index: &Index,
    query: &Query,
    pool: Option<&[u32]>,
    skim: &SkimMatcherV2,
    limit: usize,
    plane: Option<Plane>,
) -> Top {
    // A byte an item: threads would cost more than they save.
    let threads = match plane {
        Some(_) => 1,
        None => threads_for(index, pool),
    };
    run_on(index, query, pool, skim, limit, threads, plane)
}

pub(crate) fn run_on(
    index: &Index,
    query: &Query,
    pool: Option<&[u32]>,
    skim: &SkimMatcherV2,
    limit: usize,
    threads: usize,
    plane: Option<Plane>,
) -> Top {
    let words: Vec<Compiled> = query
        .words
        .iter()
        .map(|w| compile(&index.symbols, w))
        .collect();
    let cols = index.columns();
    let count = pool.map_or(index.len(), <[u32]>::len);
    let item_at = |at: usize| pool.map_or(at, |p| p[at] as usize);
    // A query with no words lists items in document order, as `scan` does.
    let ranked = !words.is_empty();
    // Each stretch: its matched items, and the keys of its best `limit` matches.
    let summary = |at: usize, item: usize| {
        plane.map(|p| {
            let score = match p {
                Plane::ByItem(scores) => scores.get(item),
                Plane::ByPlace(scores) => scores.get(at),
            };
            score.copied().unwrap_or(NONE)
        })
    };
    let of_kind = |item: usize| query.kind.is_none_or(|k| cols.kind(item) == k);
    let scan = |range: Range<usize>| -> (Vec<u32>, Vec<u64>) {
        let mut items = Vec::new();
        let mut keys = Vec::new();
        let mut indices = Vec::new();
        // With a summary, the lowest score that can still be among this stretch's best
        // `limit`: keys below it would only be dropped by `best` (160,000 of them for `z`
        // at 1,000 reports, 1.6 million at 10,000).
        let floor = match plane {
            Some(_) => floor(
                range.clone().filter_map(|at| {
                    let item = item_at(at);
                    summary(at, item).filter(|_| of_kind(item))
                }),
                limit,
            ),
            None => i8::MIN,
        };
        for at in range {
            let item = item_at(at);
            let kind = cols.kind(item);
            if query.kind.is_some_and(|k| kind != k) {
                continue;
            }
            match summary(at, item) {
                None | Some(FULL) => {}
                Some(NONE) => continue,
                // The rank key `match_item` gives: a summarised match is contiguous.
                Some(score) => {
                    items.push(item as u32);
                    if score >= floor {
                        keys.push(rank_key(true, i64::from(score), kind, at as u32));
                    }
                    continue;
                }
            }
            if let Some((exact, score)) = match_item(&cols, item, &words, skim, &mut indices) {
                items.push(item as u32);
                keys.push(match ranked {
                    true => rank_key(exact, score, kind, at as u32),
                    false => at as u64,
                });
            }
        }
        best(&mut keys, limit);
        (items, keys)
    };
    let size = count.div_ceil(threads.max(1)).max(1);
    let ranges: Vec<Range<usize>> = (0..count.div_ceil(size))
        .map(|t| t * size..((t + 1) * size).min(count))
        .collect();
    let stretches = crate::parallel::map_on(&ranges, threads, |_, r| scan(r.clone()));
    let mut top = Top {
        total: stretches.iter().map(|(items, _)| items.len()).sum(),
        ..Top::default()
    };
    top.items.reserve_exact(top.total);
    let mut keys = Vec::new();
    for (items, best) in stretches {
        top.items.extend(items);
        keys.extend(best);
    }
    keys.sort_unstable();
    keys.truncate(limit);
    // The few hits shown: matched again, now keeping their highlight indices.
    top.hits = keys
        .iter()
        .filter_map(|&key| hit(&cols, &words, skim, item_at(key as u32 as usize)))
        .collect();
    top
}

/// The hits for items already ranked (a page kept from an earlier search of `query`),
/// matched again for their highlights.
pub(crate) fn highlight(
    index: &Index,
    query: &Query,
    skim: &SkimMatcherV2,
    ranked: &[u32],
) -> Vec<Hit> {
    let words: Vec<Compiled> = query
        .words
        .iter()
        .map(|w| compile(&index.symbols, w))
        .collect();
    let cols = index.columns();
    ranked
        .iter()
        .filter(|&&item| (item as usize) < index.len())
        .filter_map(|&item| hit(&cols, &words, skim, item as usize))
        .collect()
}

/// One item matched with its highlight indices.
fn hit(cols: &Columns, words: &[Compiled], skim: &SkimMatcherV2, item: usize) -> Option<Hit> {
    let mut indices = Vec::new();
    let (exact, score) = match_item(cols, item, words, skim, &mut indices)?;
    Some(Hit {
        item,
        score,
        exact,
        indices,
    })
}

/// The highest score that at least `limit` of `scores` reach (`NONE` and `FULL` aside),
/// or the lowest score if fewer than `limit` have one.
fn floor(scores: impl Iterator<Item = i8>, limit: usize) -> i8 {
    let mut counts = [0usize; 256];
    for s in scores.filter(|&s| s != NONE && s != FULL) {
        counts[usize::from(s as u8 ^ 0x80)] += 1;
    }
    let mut reached = 0;
    for (at, &n) in counts.iter().enumerate().rev() {
        reached += n;
        if reached >= limit {
            return (at as u8 ^ 0x80) as i8;
        }
    }
    i8::MIN
}

/// Keep the `limit` smallest keys, ascending.
fn best(keys: &mut Vec<u64>, limit: usize) {
    if limit == 0 {
        keys.clear();
    } else if keys.len() > limit {
        keys.select_nth_unstable(limit - 1);
        keys.truncate(limit);
        keys.sort_unstable();
    } else {
        // Keys come in position order, which the radix sort needs.
        sort_by_rank(keys);
    }
}

#[cfg(test)]
mod tests {
    use super::super::{corpus, matcher::skim, scan};
    use super::*;

    /// The page a user sees first is the head of the full ranking, for broad and
    /// selective queries alike, on any number of threads; the count and pool are all.
    #[test]
    fn the_best_k_are_the_head_of_the_full_ranking() {
        let base = crate::embedded::report().unwrap();
        let index = Index::build(&corpus::generate(&base, 12));
        let skim = skim();
        for q in [
            "",
            "#",
            "z",
            "f",
            "zf",
            "zfjly",
            "法律意见",
            "7",
            "执法 44",
            "#z",
            "@执法",
        ] {
            let query = Query::lenient(q);
            let full = scan::run(&index, &query, None, &skim);
            assert!(!full.hits.is_empty(), "{q}: hits to rank");
            if q == "z" {
                assert!(full.hits.len() > 1000, "a broad query: more than a page");
            }
            for limit in [1, 5, 100, 1000, usize::MAX] {
                for threads in [1, 2, 3] {
                    let top = run_on(&index, &query, None, &skim, limit, threads, None);
                    let head = &full.hits[..limit.min(full.hits.len())];
                    assert_eq!(top.hits, head, "{q}, best {limit} on {threads} threads");
                    assert_eq!(top.total, full.hits.len(), "{q}");
                    assert_eq!(top.items, full.items, "{q}");
                }
            }
        }
    }

    #[test]
    fn a_pool_narrows_as_a_full_search_does() {
        let base = crate::embedded::report().unwrap();
        let index = Index::build(&corpus::generate(&base, 6));
        let skim = skim();
        let broad = run(&index, &Query::lenient("z"), None, &skim, 10, None);
        let narrow = Query::lenient("zfj");
        let pooled = run(&index, &narrow, Some(&broad.items), &skim, 10, None);
        let fresh = run(&index, &narrow, None, &skim, 10, None);
        assert_eq!(pooled.hits, fresh.hits);
        assert_eq!((pooled.total, &pooled.items), (fresh.total, &fresh.items));
    }
}
