//! The first keystroke's summary: for every item and every letter, the best score a
//! one-letter query gets there, so typing `z` reads one byte an item instead of matching
//! every character of the corpus.
//!
//! Shaped by measurement on the 1,000-report corpus (177,000 items, 6 million characters):
//! `z` matches ~159,000 items; spelling it against every character was 44% of a broad
//! keystroke's CPU (~9 ms on two threads). Built once per index, off the keystroke path
//! (`Index::summarise_letters`); until it is ready, the same query is scanned as before.
//! It must rank exactly as the scan does: the scan's rule for a one-letter word (see
//! `spell`) is restated in `score_of` and a property test holds the two together.

use super::index::{Columns, Index, Syms};
use super::query::Query;
use super::score::{self, SHORTCUT};
use super::symbols::{Sym, Symbols};
use std::ops::Range;

const LETTERS: usize = 26;
/// The item has no character that a one-letter query for this letter matches.
pub(crate) const NONE: i8 = i8::MIN;

pub(crate) struct Letters {
    items: usize,
    /// Letter-major, `best[letter * items + item]`: a query reads one dense plane.
    best: Vec<i8>,
}

impl Letters {
    /// The summary of every item; `None` when some score does not fit a byte, which only
    /// a damaged cache could cause (the scan then answers, as it always can).
    pub(crate) fn build(index: &Index) -> Option<Letters> {
        let per_symbol = PerSymbol::new(&index.symbols);
        let cols = index.columns();
        let items = index.len();
        let threads = super::scan::threads_for(index, None);
        let size = items.div_ceil(threads.max(1)).max(1);
        let ranges: Vec<Range<usize>> = (0..items.div_ceil(size))
            .map(|t| t * size..((t + 1) * size).min(items))
            .collect();
        let parts = crate::parallel::map_on(&ranges, threads, |_, r| {
            summarise(&cols, &per_symbol, r.clone())
        });
        let mut best = Vec::with_capacity(LETTERS * items);
        for letter in 0..LETTERS {
            for (range, part) in ranges.iter().zip(&parts) {
                let part = part.as_deref()?;
                best.extend_from_slice(&part[letter * range.len()..(letter + 1) * range.len()]);
            }
        }
        Some(Letters { items, best })
    }

    /// Best scores per item for `query`, when it is one pinyin letter (not `'`-exact):
    /// `NONE` where an item does not match.
    pub(crate) fn plane(&self, query: &Query) -> Option<&[i8]> {
        let [word] = query.words.as_slice() else {
            return None;
        };
        let &[letter @ b'a'..=b'z'] = word.text.as_bytes() else {
            return None;
        };
        if word.exact {
            return None;
        }
        let at = usize::from(letter - b'a') * self.items;
        self.best.get(at..at + self.items)
    }
}

/// What a one-letter query needs of each symbol, as bit sets of letters.
struct PerSymbol {
    /// Letters a reading starts with, or the Latin letter itself: where the letter matches.
    starts: Vec<u32>,
    /// Letters the symbol spells whole (a reading of one letter, `a`, `e`, `o`, or the Latin
    /// letter itself), so typing it is no shortcut.
    whole: Vec<u32>,
}

impl PerSymbol {
    fn new(symbols: &Symbols) -> PerSymbol {
        let ids = 0..symbols.len() as u32;
        let starts: Vec<u32> = ids.clone().map(|s| symbols.starts(s)).collect();
        let whole = ids
            .map(|s| match symbols.readings(s) {
                // A Latin letter in the text is typed as itself.
                [] => symbols.starts(s),
                readings => readings
                    .iter()
                    .filter_map(|r| match **r {
                        [l @ b'a'..=b'z'] => Some(1 << (l - b'a')),
                        _ => None,
                    })
                    .fold(0, |m, bit| m | bit),
            })
            .collect();
        PerSymbol { starts, whole }
    }
}

/// Letter-major best scores of `range`'s items; `None` if one does not fit a byte.
fn summarise(cols: &Columns, per_symbol: &PerSymbol, range: Range<usize>) -> Option<Vec<i8>> {
    let n = range.len();
    let mut out = vec![NONE; LETTERS * n];
    let mut best = [i64::MIN; LETTERS];
    let mut marks = Vec::new();
    for (at, item) in range.enumerate() {
        best.fill(i64::MIN);
        cols.marks_of(item).fill(&mut marks);
        match cols.text_of(item) {
            Syms::Narrow(text) => best_of(text, &marks, per_symbol, &mut best),
            Syms::Wide(text) => best_of(text, &marks, per_symbol, &mut best),
        }
        for (letter, &score) in best.iter().enumerate() {
            if score != i64::MIN {
                out[letter * n + at] = i8::try_from(score).ok().filter(|&s| s != NONE)?;
            }
        }
    }
    Some(out)
}

fn best_of<T: Sym>(text: &[T], marks: &[u8], per_symbol: &PerSymbol, best: &mut [i64; 26]) {
    for (at, sym) in text.iter().enumerate() {
        // Out of range only in a damaged cache, where the scan finds no step either.
        let mut letters = per_symbol.starts.get(sym.id()).copied().unwrap_or(0);
        if letters == 0 {
            continue;
        }
        let whole = per_symbol.whole.get(sym.id()).copied().unwrap_or(0);
        let run = score::run_marked(marks, at, at + 1);
        while letters != 0 {
            let letter = letters.trailing_zeros() as usize;
            letters &= letters - 1;
            let score = score_of(run, whole & (1 << letter) != 0);
            if let Some(b) = best.get_mut(letter) {
                *b = (*b).max(score);
            }
        }
    }
}

/// A one-letter run's score: typed short (the first letter of a longer reading) costs
/// `SHORTCUT`, as in the scan.
fn score_of(run: i64, whole: bool) -> i64 {
    match whole {
        true => run,
        false => run - SHORTCUT,
    }
}

#[cfg(test)]
mod tests {
    use super::super::{corpus, matcher::skim, top};
    use super::*;
    use proptest::prelude::*;

    fn scanned(index: &Index, q: &str, limit: usize) -> top::Top {
        top::run_on(index, &Query::lenient(q), None, &skim(), limit, 1, None)
    }

    fn summarised(index: &Index, letters: &Letters, q: &str, limit: usize) -> top::Top {
        let q = Query::lenient(q);
        let plane = letters.plane(&q).map(top::Plane::ByItem);
        top::run_on(index, &q, None, &skim(), limit, 1, plane)
    }

    /// Every letter, every kind prefix, on the generated corpus: the summary gives the
    /// same page, count and pool as matching every character.
    #[test]
    fn every_letter_ranks_as_the_scan_does() {
        let base = crate::embedded::report().unwrap();
        let index = Index::build(&corpus::generate(&base, 3));
        let letters = Letters::build(&index).unwrap();
        for letter in 'a'..='z' {
            for prefix in ["", "#", ">", "@"] {
                let q = format!("{prefix}{letter}");
                let plain = scanned(&index, &q, 300);
                let quick = summarised(&index, &letters, &q, 300);
                assert_eq!(quick.hits, plain.hits, "{q}");
                assert_eq!(
                    (quick.total, &quick.items),
                    (plain.total, &plain.items),
                    "{q}"
                );
            }
        }
        assert!(scanned(&index, "z", 300).total > 300, "z: more than a page");
    }

    #[test]
    fn only_one_plain_letter_reads_the_summary() {
        let index = Index::build(&[crate::embedded::report().unwrap()]);
        let letters = Letters::build(&index).unwrap();
        for q in ["z", "#z", " z "] {
            assert!(letters.plane(&Query::lenient(q)).is_some(), "{q}");
        }
        for q in ["zh", "'z", "z f", "7", "法", ""] {
            assert!(letters.plane(&Query::lenient(q)).is_none(), "{q}");
        }
    }

    /// Texts of Latin letters (upper and lower case, full width), polyphones, one-letter
    /// readings (阿 a, 鹅 e, 哦 o), digits and punctuation: every letter's page is the
    /// scan's.
    fn text() -> impl Strategy<Value = String> {
        let chars: Vec<char> = "aZzｚe阿鹅哦行长执法记录仪在中政银女律。，、 （）7１2.x%"
            .chars()
            .collect();
        proptest::collection::vec(proptest::sample::select(chars), 1..24)
            .prop_map(|cs| cs.into_iter().collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]
        #[test]
        fn the_summary_ranks_as_the_scan(texts in proptest::collection::vec(text(), 1..12)) {
            let body: String = texts
                .iter()
                .enumerate()
                .map(|(i, t)| format!("{}、标题\n{t}。\n", ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"][i]))
                .collect();
            let Ok(report) = crate::import::import(&body, "测试") else {
                return Ok(());
            };
            let index = Index::build(&[report]);
            let letters = Letters::build(&index).unwrap();
            for letter in 'a'..='z' {
                let q = letter.to_string();
                for limit in [1, 3, 1000] {
                    let plain = scanned(&index, &q, limit);
                    let quick = summarised(&index, &letters, &q, limit);
                    prop_assert_eq!(&quick.hits, &plain.hits, "{}", q);
                    prop_assert_eq!(quick.total, plain.total);
                    prop_assert_eq!(&quick.items, &plain.items);
                }
            }
        }
    }
}
