//! Pinyin spelling: does a query word spell a contiguous run of characters, each typed
//! as a reading, its first letter or `zh`/`ch`/`sh`, the last one possibly half-typed?
//!
//! Contiguity is the point: letters scattered over initials match almost anything
//! (`zfjly` hit 19 of the report's 134 sentences fuzzily, 1 contiguously).

use super::symbols::{letter_bit, Sym, Symbols};

/// One unit of a query word: an ASCII letter, spelt against readings, or any other
/// character, which must be equal (as a symbol id) to the text's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    Letter(u8),
    Char(u32),
}

/// Longest word spelt in pinyin: a step length is a bit in a `u32`.
const MAX_UNITS: usize = 31;

/// A run of text that a word spells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Run {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Characters typed short (first letter, `zh`/`ch`/`sh`, half a syllable) rather
    /// than as a whole reading: weaker evidence, which the score counts against.
    pub(crate) shortcuts: u32,
}

/// A word's spelling, prepared against one index: for every offset into the word and
/// every symbol, the lengths of word the symbol can consume there (bit `n`: `n` units;
/// low half any way, high half as a whole reading). Built per query so the scan does
/// table lookups, not string comparisons.
pub(crate) struct Spelling {
    len: usize,
    symbols: usize,
    /// Offset-major: `steps[k * symbols + sym]`, so the row for offset 0, which the scan
    /// reads for every character, is dense.
    steps: Vec<u64>,
}

impl Spelling {
    /// `None` for a word longer than `MAX_UNITS`, which is then not matched as pinyin.
    pub(crate) fn new(symbols: &Symbols, units: &[Unit]) -> Option<Spelling> {
        if units.is_empty() || units.len() > MAX_UNITS {
            return None;
        }
        let count = symbols.len();
        let mut steps = vec![0; units.len() * count];
        for (k, unit) in units.iter().enumerate() {
            let row = &mut steps[k * count..(k + 1) * count];
            // Only symbols that can start this unit can have steps here.
            let candidates = match unit {
                Unit::Letter(l) => symbols.starting_with(*l),
                Unit::Char(id) => std::slice::from_ref(id),
            };
            for &sym in candidates {
                row[sym as usize] = steps_of(symbols, sym, &units[k..]);
            }
        }
        Some(Spelling {
            len: units.len(),
            symbols: count,
            steps,
        })
    }

    /// Zero (no step) for a symbol the index does not have, which a damaged cache could
    /// hold: reads are checked here rather than by scanning the whole text on load.
    fn steps(&self, sym: usize, k: usize) -> u64 {
        match sym < self.symbols {
            true => self.steps.get(k * self.symbols + sym).copied().unwrap_or(0),
            false => 0,
        }
    }

    /// Call `found` with every run of `text` the word spells.
    pub(crate) fn each_run<T: Sym>(&self, text: &[T], mut found: impl FnMut(Run)) {
        let first = &self.steps[..self.symbols];
        for (at, &sym) in text.iter().enumerate() {
            // Checked inline, before the recursive search: most characters fail here.
            let steps = first.get(sym.id()).copied().unwrap_or(0);
            if steps != 0 {
                if let Some(run) = self.run_from(text, at, steps) {
                    found(run);
                }
            }
        }
    }

    /// The run that starts at `at`, if the word spells one there (as `each_run` finds it).
    pub(crate) fn run_at<T: Sym>(&self, text: &[T], at: usize) -> Option<Run> {
        let sym = text.get(at)?.id();
        let steps = self.steps[..self.symbols].get(sym).copied().unwrap_or(0);
        match steps {
            0 => None,
            _ => self.run_from(text, at, steps),
        }
    }

    /// The run from `at`, given the steps of `text[at]` for the word's first unit (not 0).
    #[inline(always)]
    fn run_from<T: Sym>(&self, text: &[T], at: usize, steps: u64) -> Option<Run> {
        // A one-letter word is one step: the first keystroke scans everything.
        let (end, shortcuts) = match self.len {
            1 => (at + 1, u32::from(steps & (1 << 33) == 0)),
            _ => self.from(text, at, 0, steps)?,
        };
        Some(Run {
            start: at,
            end,
            shortcuts,
        })
    }

    /// The end (exclusive) of the run from `at` that spells the word from unit `k` on,
    /// with its shortcuts, given the steps of `text[at]` there. Longer steps are tried
    /// first, so whole syllables come first.
    fn from<T: Sym>(&self, text: &[T], at: usize, k: usize, steps: u64) -> Option<(usize, u32)> {
        let (mut any, whole) = (steps as u32, (steps >> 32) as u32);
        while any != 0 {
            let n = 31 - any.leading_zeros() as usize;
            any &= !(1 << n);
            let short = u32::from(whole & (1 << n) == 0);
            if k + n == self.len {
                return Some((at + 1, short));
            }
            let Some(&next) = text.get(at + 1) else {
                continue;
            };
            let next_steps = self.steps(next.id(), k + n);
            if next_steps == 0 {
                continue;
            }
            if let Some((end, shortcuts)) = self.from(text, at + 1, k + n, next_steps) {
                return Some((end, shortcuts + short));
            }
        }
        None
    }
}

/// How many of `units` one character can consume, as bit sets of lengths (see
/// `Spelling`): a whole reading, `zh`/`ch`/`sh`, the first letter, or, when the word ends
/// inside this character's syllable, all that is left (the user is still typing it).
fn steps_of(symbols: &Symbols, sym: u32, units: &[Unit]) -> u64 {
    let whole_one = (1 << 1) << 32 | 1 << 1;
    let letter = match units[0] {
        Unit::Char(id) => return if sym == id { whole_one } else { 0 },
        Unit::Letter(l) => l,
    };
    if symbols.starts(sym) & letter_bit(letter) == 0 {
        return 0;
    }
    let readings = symbols.readings(sym);
    if readings.is_empty() {
        // A Latin letter in the text is typed as itself.
        return whole_one;
    }
    let typed = units
        .iter()
        .take_while(|u| matches!(u, Unit::Letter(_)))
        .count();
    let spells =
        |r: &[u8]| r.len() <= typed && r.iter().zip(units).all(|(b, u)| *u == Unit::Letter(*b));
    let (mut any, mut whole) = (1u64 << 1, 0u64);
    for r in readings {
        if spells(r) {
            any |= 1 << r.len();
            whole |= 1 << r.len();
        }
        if matches!(&r[..2.min(r.len())], b"zh" | b"ch" | b"sh") && spells(&r[..2]) {
            any |= 1 << 2;
        }
        if typed == units.len() && r.len() > typed && spells(&r[..typed]) {
            any |= 1 << typed;
        }
    }
    whole << 32 | any
}

/// Split a folded word into units; `None` when a non-letter never occurs in the index,
/// so nothing can match.
pub(crate) fn units(symbols: &Symbols, word: &str) -> Option<Vec<Unit>> {
    word.chars()
        .map(|c| match c {
            'a'..='z' => Some(Unit::Letter(c as u8)),
            _ => symbols.get(c).map(Unit::Char),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::symbols::fold;
    use super::*;

    /// The first run of `text` that `word` spells.
    fn run(text: &str, word: &str) -> Option<Run> {
        let mut symbols = Symbols::new();
        let syms: Vec<u32> = text.chars().map(|c| symbols.intern(fold(c))).collect();
        let spelling = Spelling::new(&symbols, &units(&symbols, word)?)?;
        let mut first = None;
        spelling.each_run(&syms, |run| {
            first.get_or_insert(run);
        });
        first
    }

    /// Where `word` spells a run of `text`: (start, end) in chars, first found.
    fn find(text: &str, word: &str) -> Option<(usize, usize)> {
        run(text, word).map(|r| (r.start, r.end))
    }

    #[test]
    fn shortcuts_are_counted() {
        let shortcuts = |word| run("执法记录仪", word).map(|r| r.shortcuts);
        assert_eq!(shortcuts("zhifajiluyi"), Some(0));
        assert_eq!(shortcuts("zfjly"), Some(5));
        assert_eq!(shortcuts("zhifajly"), Some(3));
        assert_eq!(shortcuts("zhfa"), Some(1));
        assert_eq!(shortcuts("zhifaj"), Some(1));
    }

    #[test]
    fn full_initials_and_mixed() {
        let text = "配备执法记录仪、摄录仪";
        assert_eq!(find(text, "zhifajiluyi"), Some((2, 7)));
        assert_eq!(find(text, "zfjly"), Some((2, 7)));
        assert_eq!(find(text, "zhifajly"), Some((2, 7)));
        assert_eq!(find(text, "zhfjly"), Some((2, 7)));
    }

    #[test]
    fn scattered_letters_do_not_spell() {
        // 执…记 with 法 skipped is not a run.
        assert_eq!(find("配备执法记录仪", "zjly"), None);
    }

    #[test]
    fn last_syllable_may_be_half_typed() {
        assert_eq!(find("执法记录仪", "zhifaj"), Some((0, 3)));
        assert_eq!(find("执法记录仪", "zhi"), Some((0, 1)));
        assert_eq!(find("执法记录仪", "zh"), Some((0, 1)));
        // Half-typed only at the end: `zhfa` is zh + fa, but `zhfjl` cannot half-type 法.
        assert_eq!(find("执法记录仪", "zhifjl"), Some((0, 4)));
        assert_eq!(find("执法记录仪", "zhiajl"), None);
    }

    #[test]
    fn polyphones_match_any_reading() {
        assert_eq!(find("依法行政", "xingzheng"), Some((2, 4)));
        assert_eq!(find("去银行", "yinhang"), Some((1, 3)));
        assert_eq!(find("去银行", "yh"), Some((1, 3)));
    }

    #[test]
    fn u_umlaut_typed_as_v_or_u() {
        assert_eq!(find("法律意见", "falv"), Some((0, 2)));
        assert_eq!(find("法律意见", "falu"), Some((0, 2)));
        assert_eq!(find("法律意见", "flyj"), Some((0, 4)));
    }

    #[test]
    fn other_characters_must_be_equal() {
        assert_eq!(find("共计44台", "44tai"), Some((2, 5)));
        assert_eq!(find("执法记录仪", "执fa"), Some((0, 2)));
        assert_eq!(find("番禺网格通APP", "tongapp"), Some((4, 8)));
        assert_eq!(find("共计44台", "45t"), None);
    }
}
