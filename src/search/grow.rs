//! The next letter's summary for a longer word: once a query of two or more letters
//! (`zf`) has many hits, the best score of every word one letter longer (`zfa`…`zfz`) for
//! each hit, built on a thread of its own while the page is read.
//!
//! Exact by construction: each longer word is spelt by the scan's own `Spelling`, only
//! at the places where the typed word spells a run. Any run of the longer word starts
//! where the shorter one spells (its characters less the last unit spell the shorter
//! word: a character that took the last letter is then half-typed or typed by its first
//! letter), and spans at most one character more than the word has letters, so only
//! letters of the readings there are tried. Items with a Latin letter, which may match
//! scattered, are marked `FULL` and matched in full.

use super::index::{Index, Syms};
use super::letters::NONE;
use super::pairs::{Pairs, FULL, LETTERS};
use super::score::{self, SHORTCUT};
use super::spell::{units, Spelling};
use super::symbols::Sym;

/// The summary of every word `word` + one letter over `pool`'s items, by place in the
/// pool; `None` for a word that is not all letters, or a score that does not fit a byte.
pub(crate) fn grow(index: &Index, word: &str, pool: &[u32]) -> Option<Pairs> {
    let symbols = &index.symbols;
    if !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let typed = Spelling::new(symbols, &units(symbols, word)?)?;
    let longer: Vec<Spelling> = (b'a'..=b'z')
        .map(|b| Spelling::new(symbols, &units(symbols, &format!("{word}{}", b as char))?))
        .collect::<Option<_>>()?;
    // Per symbol: every letter of its readings (where a run may find the next letter),
    // and whether it is a Latin letter.
    let ids = 0..symbols.len() as u32;
    let letters: Vec<u32> = ids
        .clone()
        .map(|s| {
            let bits = symbols.readings(s).iter().flat_map(|r| r.iter());
            bits.fold(0, |m, &b| m | 1 << (b - b'a'))
        })
        .collect();
    let latin: Vec<bool> = ids
        .map(|s| symbols.readings(s).is_empty() && symbols.starts(s) != 0)
        .collect();
    let cols = index.columns();
    let span = word.len() + 1;
    let mut rows = vec![[NONE; LETTERS]; pool.len()];
    let mut marks = Vec::new();
    for (row, &item) in rows.iter_mut().zip(pool) {
        let item = item as usize;
        if item >= index.len() {
            continue;
        }
        cols.marks_of(item).fill(&mut marks);
        let ids: Vec<usize> = match cols.text_of(item) {
            Syms::Narrow(t) => t.iter().map(|s| s.id()).collect(),
            Syms::Wide(t) => t.iter().map(|s| s.id()).collect(),
        };
        if ids.iter().any(|&s| latin.get(s).copied().unwrap_or(false)) {
            *row = [FULL; LETTERS];
            continue;
        }
        let mut best = [i64::MIN; LETTERS];
        let text = cols.text_of(item);
        for at in 0..ids.len() {
            let spelt = match text {
                Syms::Narrow(t) => typed.run_at(t, at),
                Syms::Wide(t) => typed.run_at(t, at),
            };
            if spelt.is_none() {
                continue;
            }
            let window = &ids[at..(at + span).min(ids.len())];
            let mut next = window
                .iter()
                .fold(0u32, |m, &s| m | letters.get(s).copied().unwrap_or(0));
            while next != 0 {
                let b = next.trailing_zeros() as usize;
                next &= next - 1;
                let run = match text {
                    Syms::Narrow(t) => longer[b].run_at(t, at),
                    Syms::Wide(t) => longer[b].run_at(t, at),
                };
                if let Some(run) = run {
                    let penalty = SHORTCUT * i64::from(run.shortcuts);
                    best[b] = best[b].max(score::run_marked(&marks, run.start, run.end) - penalty);
                }
            }
        }
        for (cell, &score) in row.iter_mut().zip(&best) {
            if score != i64::MIN {
                *cell = i8::try_from(score).ok().filter(|&s| s > FULL)?;
            }
        }
    }
    Some(Pairs::from_rows(&rows))
}

#[cfg(test)]
mod tests {
    use super::super::{corpus, matcher::skim, top, Query};
    use super::*;
    use proptest::prelude::*;

    /// Every word one letter longer than `word`: the page, count and pool read from the
    /// summary are the scan's, over the hits of `word`.
    fn agree(index: &Index, word: &str, limits: &[usize]) -> Result<(), TestCaseError> {
        let skim = skim();
        let typed = top::run_on(index, &Query::lenient(word), None, &skim, 1, 1, None);
        let Some(next) = grow(index, word, &typed.items) else {
            return Err(TestCaseError::fail(format!("{word}: no summary")));
        };
        for b in 'a'..='z' {
            let q = Query::lenient(&format!("{word}{b}"));
            let plane = next.plane(b as u8).map(top::Plane::ByPlace);
            for &limit in limits {
                let plain = top::run_on(index, &q, Some(&typed.items), &skim, limit, 1, None);
                let quick = top::run_on(index, &q, Some(&typed.items), &skim, limit, 1, plane);
                prop_assert_eq!(&quick.hits, &plain.hits, "{}{}", word, b);
                prop_assert_eq!(quick.total, plain.total);
                prop_assert_eq!(&quick.items, &plain.items);
            }
        }
        Ok(())
    }

    #[test]
    fn every_next_letter_ranks_as_the_scan_does() {
        let base = crate::embedded::report().unwrap();
        let index = Index::build(&corpus::generate(&base, 2));
        for word in ["z", "zf", "zh", "zfj", "zhif", "yf", "fl", "xz", "shi", "a"] {
            agree(&index, word, &[1, 200]).unwrap();
        }
    }

    fn text() -> impl Strategy<Value = String> {
        let chars: Vec<char> = "azZfｓ阿鹅哦行长执法记录仪在做作中政银女律山水。，、 7１2.x%"
            .chars()
            .collect();
        proptest::collection::vec(proptest::sample::select(chars), 1..20)
            .prop_map(|cs| cs.into_iter().collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]
        #[test]
        fn the_next_letter_summary_ranks_as_the_scan(
            texts in proptest::collection::vec(text(), 1..8),
            word in proptest::sample::select(vec!["z", "zh", "zu", "zf", "zhi", "zhe", "xi", "xing", "nv", "lv", "a", "ch"]),
        ) {
            let body: String = texts
                .iter()
                .enumerate()
                .map(|(i, t)| format!("{}、标题\n{t}。\n", ["一", "二", "三", "四", "五", "六", "七", "八"][i]))
                .collect();
            let Ok(report) = crate::import::import(&body, "测试") else {
                return Ok(());
            };
            agree(&Index::build(&[report]), word, &[1, 1000])?;
        }
    }
}
