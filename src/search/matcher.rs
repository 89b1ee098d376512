//! Matching and ranking: each query word against an item (exact substring, pinyin run,
//! or scattered via SkimMatcherV2), the scores, and the order of hits.

use super::index::Index;
use super::query::{Query, Word};
use super::spell::{units, Spelling};
use super::symbols::{bloom_add, bloom_covers, Bloom, Class, Symbols};
use super::{Hit, Kind};
use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use std::ops::Range;

/// The scattered matcher, case-insensitive like the rest of matching.
pub(crate) fn skim() -> SkimMatcherV2 {
    SkimMatcherV2::default().ignore_case()
}

// SkimMatcherV2's default scoring, so exact and scattered scores share one scale.
const MATCH: i64 = 16;
const HEAD: i64 = 8;
const CONSECUTIVE: i64 = 4;
/// For a figure's first and last digit: typing a whole number (`18`) beats typing the
/// tail or head of a longer one (`718`, `185`). Skim's camel-case bonus, reused.
const FIGURE: i64 = 6;
/// Cost of a character typed short (first letter, `zh`, half a syllable) in a pinyin run:
/// more than it adds (16 + 4), so a run spelt in whole syllables beats a longer one that
/// needs shortcuts: `hezhang` is 河长 (he-zhang), not 严[格执行] (he-z-hang).
const SHORTCUT: i64 = 24;

/// A query word prepared against one index.
struct Compiled<'q> {
    word: &'q Word,
    /// The word as symbol ids; `None` if some char never occurs in the index.
    literal: Option<Vec<u32>>,
    bloom: Bloom,
    /// The pinyin spelling, when the word has letters and is not exact.
    spelling: Option<Spelling>,
    /// Scattered matches allowed: not exact, and no digit.
    scattered: bool,
}

fn compile<'q>(symbols: &Symbols, word: &'q Word) -> Compiled<'q> {
    let literal: Option<Vec<u32>> = word.text.chars().map(|c| symbols.get(c)).collect();
    let mut bloom = Bloom::default();
    for &s in literal.iter().flatten() {
        bloom_add(&mut bloom, s);
    }
    let has_letter = word.text.bytes().any(|b| b.is_ascii_lowercase());
    Compiled {
        word,
        literal,
        bloom,
        spelling: (has_letter && !word.exact)
            .then(|| units(symbols, &word.text))
            .flatten()
            .and_then(|u| Spelling::new(symbols, &u)),
        scattered: !word.exact && !word.text.bytes().any(|b| b.is_ascii_digit()),
    }
}

/// Pools smaller than this are scanned on the calling thread: below it, spawning threads
/// costs more than it saves (the embedded report has ~200 items, a corpus 175,000).
const PARALLEL_MIN: usize = 20_000;

/// Hits for `query` among `pool` (every item when `None`), ranked.
pub(crate) fn run(
    index: &Index,
    query: &Query,
    pool: Option<&[u32]>,
    skim: &SkimMatcherV2,
) -> Vec<Hit> {
    let words: Vec<Compiled> = query
        .words
        .iter()
        .map(|w| compile(&index.symbols, w))
        .collect();
    let count = pool.map_or(index.items().len(), <[u32]>::len);
    let scan = |range: Range<usize>| -> Vec<Hit> {
        range
            .map(|i| pool.map_or(i, |p| p[i] as usize))
            .filter(|&item| query.kind.is_none_or(|k| index.kinds[item] == k))
            .filter_map(|item| match_item(index, item, &words, skim))
            .collect()
    };
    let threads = match count >= PARALLEL_MIN {
        true => std::thread::available_parallelism().map_or(1, |n| n.get().min(8)),
        false => 1,
    };
    // Chunks are scanned in parallel and joined in order, so hits stay in document order,
    // which `rank` relies on for ties.
    let mut hits = match threads {
        1 => scan(0..count),
        _ => std::thread::scope(|s| {
            let size = count.div_ceil(threads);
            let scan = &scan;
            let chunks: Vec<_> = (0..threads)
                .map(|t| s.spawn(move || scan(t * size..((t + 1) * size).min(count))))
                .collect();
            let mut hits = Vec::new();
            for chunk in chunks {
                hits.extend(
                    chunk
                        .join()
                        .unwrap_or_else(|e| std::panic::resume_unwind(e)),
                );
            }
            hits
        }),
    };
    match words.is_empty() {
        true => hits.sort_unstable_by_key(|h| h.item),
        false => rank(&mut hits, &index.kinds),
    }
    hits
}

/// Best first: exact before scattered, then score, then statistics › measures › sections,
/// then document order (`hits` arrive in document order, so their position stands for it).
///
/// Sorts packed `u64` keys rather than comparing hits: with 150,000 hits that is the
/// difference between a frame and three.
pub(crate) fn rank(hits: &mut [Hit], kinds: &[Kind]) {
    const SCORE_BITS: u32 = 28;
    let span = 1i64 << (SCORE_BITS - 1);
    let mut keys: Vec<u64> = hits
        .iter()
        .enumerate()
        .map(|(at, h)| {
            let worse = u64::from(!h.exact);
            let score = (h.score.clamp(-span, span - 1) + span) as u64;
            let lower = ((1u64 << SCORE_BITS) - 1) - score;
            let kind = u64::from(kinds[h.item].tie_rank());
            worse << 63 | lower << 35 | kind << 32 | at as u64
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

fn match_item(index: &Index, item: usize, words: &[Compiled], skim: &SkimMatcherV2) -> Option<Hit> {
    let mut hit = Hit {
        item,
        score: 0,
        exact: true,
        indices: Vec::new(),
    };
    for w in words {
        let (exact, score) = match_word(index, item, w, skim, &mut hit.indices)?;
        hit.exact &= exact;
        hit.score += score;
    }
    if words.len() > 1 {
        hit.indices.sort_unstable();
        hit.indices.dedup();
    }
    Some(hit)
}

/// Match one word; on success append its char indices to `out` and say whether it was
/// contiguous, with its score.
fn match_word(
    index: &Index,
    item: usize,
    w: &Compiled,
    skim: &SkimMatcherV2,
    out: &mut Vec<usize>,
) -> Option<(bool, i64)> {
    let text = index.text_of(item);
    let symbols = &index.symbols;
    let present = w.literal.is_some() && bloom_covers(&index.blooms[item], &w.bloom);
    // Best contiguous run: (score, start, end).
    let mut best: Option<(i64, usize, usize)> = None;
    let mut consider = |start: usize, end: usize, penalty: i64| {
        let score = run_score(symbols, text, start, end) - penalty;
        if best.is_none_or(|(s, _, _)| score > s) {
            best = Some((score, start, end));
        }
    };
    // The first unit is checked inline: calling out for every position is most of the cost.
    if let (true, Some(lit)) = (present, &w.literal) {
        let (first, rest) = (lit[0], &lit[1..]);
        for start in 0..(text.len() + 1).saturating_sub(lit.len()) {
            if text[start] == first && text[start + 1..start + lit.len()] == *rest {
                consider(start, start + lit.len(), 0);
            }
        }
    }
    if let Some(spelling) = &w.spelling {
        for run in spelling.runs(text) {
            let penalty = SHORTCUT * i64::from(run.shortcuts);
            consider(run.start, run.end, penalty);
        }
    }
    if let Some((score, start, end)) = best {
        out.extend(start..end);
        return Some((true, score));
    }
    if !(present && w.scattered) {
        return None;
    }
    let lit = w.literal.as_deref()?;
    let mut rest = lit.iter().peekable();
    for s in text {
        rest.next_if_eq(&s);
    }
    if rest.peek().is_some() {
        return None;
    }
    let (score, indices) = skim.fuzzy_indices(&index.items()[item].text, &w.word.text)?;
    out.extend(indices);
    Some((false, score))
}

/// Skim's score of a contiguous run `text[start..end]`, with Chinese punctuation as word
/// breaks (Skim only knows ASCII ones) and figure boundaries.
fn run_score(symbols: &Symbols, text: &[u32], start: usize, end: usize) -> i64 {
    let class = |i: usize| symbols.class(text[i]);
    let is_figure = |i: usize| {
        class(i) == Class::Digit
            || (symbols.char_of(text[i]) == '.' && i > 0 && class(i - 1) == Class::Digit)
    };
    let bonus = |i: usize| match i {
        0 => 2 * HEAD,
        _ if class(i - 1) == Class::Other && !is_figure(i - 1) => HEAD,
        _ if class(i) == Class::Digit && !is_figure(i - 1) => FIGURE,
        _ => 0,
    };
    let mut carried = bonus(start);
    let mut score = MATCH + carried;
    for i in start + 1..end {
        let b = bonus(i);
        if b >= HEAD && b > carried {
            carried = b;
        }
        score += MATCH + b.max(carried).max(CONSECUTIVE);
    }
    if class(end - 1) == Class::Digit && (end == text.len() || !is_figure(end)) {
        score += FIGURE;
    }
    score
}
