//! Matching: each query word against an item, as an exact substring, a pinyin run, or
//! scattered via SkimMatcherV2, with its score and the chars to highlight.

use super::index::{Columns, Syms};
use super::query::Word;
use super::score::SHORTCUT;
use super::spell::{units, Spelling};
use super::symbols::{bloom_add, bloom_covers, Bloom, Sym, Symbols};
use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;

/// The scattered matcher, case-insensitive like the rest of matching.
pub(crate) fn skim() -> SkimMatcherV2 {
    SkimMatcherV2::default().ignore_case()
}

/// A query word prepared against one index.
pub(crate) struct Compiled<'q> {
    word: &'q Word,
    /// The word as symbol ids; `None` if some char never occurs in the index.
    literal: Option<Vec<u32>>,
    bloom: Bloom,
    /// The pinyin spelling, when the word has letters and is not exact.
    spelling: Option<Spelling>,
    /// Scattered matches allowed: not exact, and no digit.
    scattered: bool,
}

pub(crate) fn compile<'q>(symbols: &Symbols, word: &'q Word) -> Compiled<'q> {
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

/// Match every word; on success `indices` (cleared first) holds the matched chars,
/// ascending.
pub(crate) fn match_item(
    index: &Columns,
    item: usize,
    words: &[Compiled],
    skim: &SkimMatcherV2,
    indices: &mut Vec<usize>,
) -> Option<(bool, i64)> {
    indices.clear();
    let (mut exact, mut score) = (true, 0);
    for w in words {
        let (e, s) = match_word(index, item, w, skim, indices)?;
        exact &= e;
        score += s;
    }
    if words.len() > 1 {
        indices.sort_unstable();
        indices.dedup();
    }
    Some((exact, score))
}

/// Match one word; on success append its char indices to `out` and say whether it was
/// contiguous, with its score.
fn match_word(
    index: &Columns,
    item: usize,
    w: &Compiled,
    skim: &SkimMatcherV2,
    out: &mut Vec<usize>,
) -> Option<(bool, i64)> {
    match index.text_of(item) {
        Syms::Narrow(text) => match_in(index, item, text, w, skim, out),
        Syms::Wide(text) => match_in(index, item, text, w, skim, out),
    }
}

fn match_in<T: Sym>(
    index: &Columns,
    item: usize,
    text: &[T],
    w: &Compiled,
    skim: &SkimMatcherV2,
    out: &mut Vec<usize>,
) -> Option<(bool, i64)> {
    let marks = index.marks_of(item);
    let present = w.literal.is_some() && bloom_covers(index.bloom(item), &w.bloom);
    // Best contiguous run: (score, start, end).
    let mut best: Option<(i64, usize, usize)> = None;
    let mut consider = |start: usize, end: usize, penalty: i64| {
        let score = marks.run(start, end) - penalty;
        if best.is_none_or(|(s, _, _)| score > s) {
            best = Some((score, start, end));
        }
    };
    // The first unit is checked inline: calling out for every position is most of the cost.
    if let (true, Some(lit)) = (present, &w.literal) {
        let (first, rest) = (lit[0] as usize, &lit[1..]);
        for start in 0..(text.len() + 1).saturating_sub(lit.len()) {
            if text[start].id() == first
                && text[start + 1..start + lit.len()]
                    .iter()
                    .zip(rest)
                    .all(|(t, &r)| t.id() == r as usize)
            {
                consider(start, start + lit.len(), 0);
            }
        }
    }
    if let Some(spelling) = &w.spelling {
        spelling.each_run(text, |run| {
            let penalty = SHORTCUT * i64::from(run.shortcuts);
            consider(run.start, run.end, penalty);
        });
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
        rest.next_if(|&&r| r as usize == s.id());
    }
    if rest.peek().is_some() {
        return None;
    }
    let (score, indices) = skim.fuzzy_indices(index.index.item(item).text, &w.word.text)?;
    out.extend(indices);
    Some((false, score))
}
