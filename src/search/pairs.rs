//! The second keystroke's summary: once a one-letter query (`z`) is answered, the best
//! score of every two-letter query that grows it (`za`…`zz`) for each item of its pool,
//! built on a thread of its own while the user reads the page, so typing the second
//! letter reads one byte an item instead of spelling every character of ~160,000 items.
//!
//! The rule restated here is the scan's for a two-letter word (`spell::Spelling::from`):
//! at each character that starts with the first letter, one character spelling both
//! letters (a reading `zu`, `zh…`, or one that starts so: `zuo` half-typed) is tried
//! first; else that character and the next, which starts with the second letter. Each
//! character typed short costs `SHORTCUT`. A scattered match (Latin letters spread over
//! the text) is not restated: items with a Latin letter are marked `FULL`, matched in full.
//! A property test holds this to the scan.

use super::index::{Index, Syms};
use super::letters::NONE;
use super::score::{self, SHORTCUT};
use super::symbols::{Sym, Symbols};

pub(crate) const LETTERS: usize = 26;
/// The item must be matched in full (it has a Latin letter, which may match scattered).
pub(crate) const FULL: i8 = i8::MIN + 1;

pub(crate) struct Pairs {
    /// How many items the pool had.
    len: usize,
    /// Letter-major by place in the pool, `best[second * len + at]`: the second letter's
    /// query reads one dense plane.
    best: Vec<i8>,
}

impl Pairs {
    /// Best two-letter scores, `first` then every letter, for each item of `pool` by its
    /// place there; `None` when a score does not fit a byte (only a damaged cache could).
    pub(crate) fn build(index: &Index, first: u8, pool: &[u32]) -> Option<Pairs> {
        // On every core, at idle priority as the thread that asked: at 10,000 reports the
        // pool is 1.6 million items, and on one thread the summary was not ready by the
        // next keystroke typed at once (the scan then took 70 ms).
        Pairs::build_on(
            index,
            first,
            pool,
            super::scan::threads_for(index, Some(pool)),
        )
    }

    /// `build`, the pool cut into `threads` stretches, each filled on a thread of its own.
    fn build_on(index: &Index, first: u8, pool: &[u32], threads: usize) -> Option<Pairs> {
        let per_symbol = PerSymbol::new(&index.symbols, first);
        let cols = index.columns();
        // Item-major while matching (26 bytes an item, written together), then turned
        // letter-major: writing 26 planes a byte at a time missed the cache 26 times an item.
        let mut rows = vec![[NONE; LETTERS]; pool.len()];
        let fill = |rows: &mut [[i8; LETTERS]], pool: &[u32]| -> Option<()> {
            let mut scores = [i64::MIN; LETTERS];
            let mut marks = Vec::new();
            for (row, &item) in rows.iter_mut().zip(pool) {
                let item = item as usize;
                if item >= index.len() {
                    continue;
                }
                scores.fill(i64::MIN);
                cols.marks_of(item).fill(&mut marks);
                let full = match cols.text_of(item) {
                    Syms::Narrow(t) => best_of(t, &marks, &per_symbol, &mut scores),
                    Syms::Wide(t) => best_of(t, &marks, &per_symbol, &mut scores),
                };
                for (cell, &score) in row.iter_mut().zip(&scores) {
                    *cell = match (full, score) {
                        (true, _) => FULL,
                        (false, i64::MIN) => NONE,
                        (false, s) => i8::try_from(s).ok().filter(|&s| s > FULL)?,
                    };
                }
            }
            Some(())
        };
        let size = pool.len().div_ceil(threads.max(1)).max(1);
        let filled = threads == 1 && fill(&mut rows, pool).is_some();
        let filled = filled
            || threads > 1
                && std::thread::scope(|s| {
                    let running: Vec<_> = rows
                        .chunks_mut(size)
                        .zip(pool.chunks(size))
                        .map(|(rows, pool)| {
                            s.spawn(move || {
                                super::searcher::lower_priority();
                                fill(rows, pool)
                            })
                        })
                        .collect();
                    running
                        .into_iter()
                        .all(|t| t.join().ok().flatten().is_some())
                });
        if !filled {
            return None;
        }
        Some(Pairs::from_rows(&rows))
    }

    /// From item-major rows (one per place in the pool, a score per next letter).
    pub(crate) fn from_rows(rows: &[[i8; LETTERS]]) -> Pairs {
        let mut best = Vec::with_capacity(LETTERS * rows.len());
        for second in 0..LETTERS {
            best.extend(rows.iter().map(|row| row[second]));
        }
        Pairs {
            len: rows.len(),
            best,
        }
    }

    /// Scores for the two-letter word `first` + `second` by place in the pool (`NONE`:
    /// no match; `FULL`: match in full).
    pub(crate) fn plane(&self, second: u8) -> Option<&[i8]> {
        let at = usize::from(second.checked_sub(b'a')?) * self.len;
        self.best.get(at..at + self.len)
    }
}

/// Per symbol, as bit sets of second letters, for one first letter.
struct PerSymbol {
    /// Starts with the first letter (a reading's, or it is that Latin letter).
    opens: Vec<bool>,
    /// A one-letter reading equal to the first letter, or that Latin letter: not short.
    opens_whole: Vec<bool>,
    /// Second letters this one character spells together with the first (`zu`, `zh`,
    /// `zuo` half-typed), and those it spells as a whole reading (`zu`).
    both: Vec<u32>,
    both_whole: Vec<u32>,
    /// Letters it starts with, and those it is a whole one-letter reading of (for the
    /// character after the first).
    starts: Vec<u32>,
    whole: Vec<u32>,
    /// A Latin letter: the item may match scattered.
    latin: Vec<bool>,
}

impl PerSymbol {
    fn new(symbols: &Symbols, first: u8) -> PerSymbol {
        let n = symbols.len();
        let mut p = PerSymbol {
            opens: vec![false; n],
            opens_whole: vec![false; n],
            both: vec![0; n],
            both_whole: vec![0; n],
            starts: vec![0; n],
            whole: vec![0; n],
            latin: vec![false; n],
        };
        let bit = |l: u8| 1u32 << (l - b'a');
        for s in 0..n {
            let sym = s as u32;
            let starts = symbols.starts(sym);
            let readings = symbols.readings(sym);
            p.starts[s] = starts;
            p.latin[s] = readings.is_empty() && starts != 0;
            p.opens[s] = starts & bit(first) != 0;
            if p.latin[s] {
                // A Latin letter is typed as itself, one unit, whole.
                p.whole[s] = starts;
                p.opens_whole[s] = p.opens[s];
                continue;
            }
            for r in readings {
                match **r {
                    [l] => {
                        p.whole[s] |= bit(l);
                        p.opens_whole[s] |= l == first;
                    }
                    [f, second, ..] if f == first && second.is_ascii_lowercase() => {
                        p.both[s] |= bit(second);
                        if r.len() == 2 {
                            p.both_whole[s] |= bit(second);
                        }
                    }
                    _ => {}
                }
            }
        }
        p
    }
}

/// Best score per second letter in one text; true when it must be matched in full.
fn best_of<T: Sym>(text: &[T], marks: &[u8], p: &PerSymbol, best: &mut [i64; 26]) -> bool {
    let get = |at: usize| text.get(at).map(|s| s.id()).filter(|&s| s < p.opens.len());
    for at in 0..text.len() {
        let Some(s) = get(at) else {
            continue;
        };
        if p.latin[s] {
            return true;
        }
        if !p.opens[s] {
            continue;
        }
        let mut keep = |second: usize, score: i64| best[second] = best[second].max(score);
        // One character for both letters is tried first, and wins where it spells.
        let one = score::run_marked(marks, at, at + 1);
        for second in bits(p.both[s]) {
            keep(second, one - short(p.both_whole[s] & (1 << second) == 0));
        }
        let Some(next) = get(at + 1) else {
            continue;
        };
        let two = score::run_marked(marks, at, at + 2) - short(!p.opens_whole[s]);
        for second in bits(p.starts[next] & !p.both[s]) {
            keep(second, two - short(p.whole[next] & (1 << second) == 0));
        }
    }
    false
}

fn short(typed_short: bool) -> i64 {
    i64::from(typed_short) * SHORTCUT
}

fn bits(mut set: u32) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        let n = set.trailing_zeros();
        set &= set.wrapping_sub(1);
        (n < 32).then_some(n as usize)
    })
}

#[cfg(test)]
mod tests {
    use super::super::{corpus, matcher::skim, top, Query};
    use super::*;
    use proptest::prelude::*;

    /// Every two-letter query growing `first`: the page, count and pool read from the
    /// summary are the scan's.
    fn agree(index: &Index, first: char, limits: &[usize]) -> Result<(), TestCaseError> {
        let skim = skim();
        let one = top::run_on(
            index,
            &Query::lenient(&first.to_string()),
            None,
            &skim,
            1,
            1,
            None,
        );
        let pairs = Pairs::build(index, first as u8, &one.items).unwrap();
        for second in 'a'..='z' {
            let q = Query::lenient(&format!("{first}{second}"));
            let plane = pairs.plane(second as u8).map(top::Plane::ByPlace);
            for &limit in limits {
                let plain = top::run_on(index, &q, Some(&one.items), &skim, limit, 1, None);
                let quick = top::run_on(index, &q, Some(&one.items), &skim, limit, 1, plane);
                prop_assert_eq!(&quick.hits, &plain.hits, "{}{}", first, second);
                prop_assert_eq!(quick.total, plain.total);
                prop_assert_eq!(&quick.items, &plain.items);
            }
        }
        Ok(())
    }

    #[test]
    fn stretches_on_threads_change_nothing() {
        let base = crate::embedded::report().unwrap();
        let index = Index::build(&corpus::generate(&base, 3));
        let pool: Vec<u32> = (0..index.len() as u32).collect();
        for first in [b'z', b's', b'a'] {
            let one = Pairs::build_on(&index, first, &pool, 1).unwrap().best;
            for threads in [2, 3, 7] {
                let many = Pairs::build_on(&index, first, &pool, threads).unwrap().best;
                assert_eq!(one, many, "{} on {threads} threads", first as char);
            }
        }
    }

    #[test]
    fn every_pair_ranks_as_the_scan_does() {
        let base = crate::embedded::report().unwrap();
        let index = Index::build(&corpus::generate(&base, 2));
        for first in ['z', 's', 'f', 'y', 'x', 'a', 'e'] {
            agree(&index, first, &[1, 200]).unwrap();
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
        fn the_pair_summary_ranks_as_the_scan(
            texts in proptest::collection::vec(text(), 1..8),
            first in proptest::sample::select(vec!['z', 'a', 's', 'x', 'f']),
        ) {
            let body: String = texts
                .iter()
                .enumerate()
                .map(|(i, t)| format!("{}、标题\n{t}。\n", ["一", "二", "三", "四", "五", "六", "七", "八"][i]))
                .collect();
            let Ok(report) = crate::import::import(&body, "测试") else {
                return Ok(());
            };
            agree(&Index::build(&[report]), first, &[1, 1000])?;
        }
    }
}
