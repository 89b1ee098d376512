//! Scores on SkimMatcherV2's scale, so exact runs and scattered matches compare: 16 a
//! character, bonuses where a word or a figure starts. Each character's bonus is worked
//! out once, when the index is built, because scoring runs for every candidate.

use super::symbols::{Class, Sym, Symbols};

// SkimMatcherV2's defaults.
pub(crate) const MATCH: i64 = 16;
const HEAD: i64 = 8;
const CONSECUTIVE: i64 = 4;
/// For a figure's first and last digit: typing a whole number (`18`) beats typing the
/// tail or head of a longer one (`718`, `185`). Skim's camel-case bonus, reused.
const FIGURE: i64 = 6;
/// Cost of a character typed short (first letter, `zh`, half a syllable) in a pinyin run:
/// more than it adds (16 + 4), so a run spelt in whole syllables beats a longer one that
/// needs shortcuts: `hezhang` is 河长 (he-zhang), not 严[格执行] (he-z-hang).
pub(crate) const SHORTCUT: i64 = 24;

/// Set on a character's mark when a figure ends with it.
const ENDS_FIGURE: u8 = 0x80;

/// A character's mark: its in-place bonus (start of text, after punctuation, or a
/// figure's first digit; Chinese punctuation counts, which Skim's ASCII rules miss) and
/// whether a figure ends there. Worked out from the character and its neighbours when a
/// run is scored, not stored: a mark a character was a third of the index's text.
fn mark_at<T: Sym>(symbols: &Symbols, text: &[T], i: usize) -> u8 {
    // A symbol id out of range (only in a damaged cache) counts as punctuation.
    let class = |i: usize| symbols.class_or_other(text[i].id());
    // A decimal point between digits is part of the figure, not a break.
    let in_figure = |i: usize| {
        class(i) == Class::Digit
            || (symbols.char_or_nul(text[i].id()) == '.'
                && i > 0
                && class(i - 1) == Class::Digit
                && i + 1 < text.len()
                && class(i + 1) == Class::Digit)
    };
    let bonus = match i {
        0 => 2 * HEAD,
        _ if class(i - 1) == Class::Other && !in_figure(i - 1) => HEAD,
        _ if class(i) == Class::Digit && !in_figure(i - 1) => FIGURE,
        _ => 0,
    };
    let ends = class(i) == Class::Digit && (i + 1 == text.len() || !in_figure(i + 1));
    bonus as u8 | if ends { ENDS_FIGURE } else { 0 }
}

fn bonus(mark: u8) -> i64 {
    i64::from(mark & !ENDS_FIGURE)
}

/// Skim's score of the contiguous run `start..end` of `text` (symbol ids), which must be
/// non-empty and in range, its marks worked out on the spot: for a matcher, which scores
/// a few runs of a text.
pub(crate) fn run<T: Sym>(symbols: &Symbols, text: &[T], start: usize, end: usize) -> i64 {
    run_with(|i| mark_at(symbols, text, i), start, end)
}

/// Every mark of `text`, into `out` (cleared first): for the summaries, which score a
/// run at every character, so each mark is worked out once (`run_marked`).
pub(crate) fn marks<T: Sym>(symbols: &Symbols, text: &[T], out: &mut Vec<u8>) {
    // `mark_at` in two linear passes: each character's flags (digit, other, point) read
    // from one table a symbol, then each mark from its own and its neighbours' flags,
    // whether a neighbour is in a figure worked out as the pass reaches it. The summaries
    // fill marks for tens of millions of characters, and every keystroke for its hits.
    use super::symbols::{MARK_DIGIT as DIGIT, MARK_OTHER as OTHER, MARK_POINT as POINT};
    let n = text.len();
    out.clear();
    out.extend(text.iter().map(|s| symbols.mark_flags_or_other(s.id())));
    // Whether the character at `i` (flags `f`, neighbours `b` and `a`) is in a figure.
    let in_figure = |b: Option<u8>, f: u8, a: Option<u8>| {
        f & DIGIT != 0
            || (f & POINT != 0
                && b.is_some_and(|b| b & DIGIT != 0)
                && a.is_some_and(|a| a & DIGIT != 0))
    };
    let (mut before, mut before_in) = (0u8, false);
    let mut here_in = n > 0 && in_figure(None, out[0], out.get(1).copied());
    for i in 0..n {
        let here = out[i];
        let after = out.get(i + 1).copied();
        let after_in = after.is_some_and(|a| in_figure(Some(here), a, out.get(i + 2).copied()));
        let bonus = match i {
            0 => 2 * HEAD,
            _ if before & OTHER != 0 && !before_in => HEAD,
            _ if here & DIGIT != 0 && !before_in => FIGURE,
            _ => 0,
        };
        let ends = here & DIGIT != 0 && !after_in;
        out[i] = bonus as u8 | if ends { ENDS_FIGURE } else { 0 };
        (before, before_in, here_in) = (here, here_in, after_in);
    }
}

/// `run` over marks `marks` filled.
pub(crate) fn run_marked(marks: &[u8], start: usize, end: usize) -> i64 {
    run_with(|i| marks[i], start, end)
}

fn run_with(mark: impl Fn(usize) -> u8, start: usize, end: usize) -> i64 {
    let mut carried = bonus(mark(start));
    let mut score = MATCH + carried;
    for i in start + 1..end {
        let b = bonus(mark(i));
        if b >= HEAD && b > carried {
            carried = b;
        }
        score += MATCH + b.max(carried).max(CONSECUTIVE);
    }
    if mark(end - 1) & ENDS_FIGURE != 0 {
        score += FIGURE;
    }
    score
}

#[cfg(test)]
mod tests {
    use super::super::symbols::fold;
    use super::*;

    fn score(text: &str, start: usize, end: usize) -> i64 {
        let mut symbols = Symbols::new();
        let syms: Vec<u32> = text.chars().map(|c| symbols.intern(fold(c))).collect();
        run(&symbols, &syms, start, end)
    }

    /// The marks as the index stored them, a column of its own (format 8 and before):
    /// the reference the marks worked out on the spot must equal.
    fn stored_marks(symbols: &Symbols, text: &[u32]) -> Vec<u8> {
        let class = |i: usize| symbols.class_or_other(text[i] as usize);
        let in_figure = |i: usize| {
            class(i) == Class::Digit
                || (symbols.char_of(text[i]) == '.'
                    && i > 0
                    && class(i - 1) == Class::Digit
                    && i + 1 < text.len()
                    && class(i + 1) == Class::Digit)
        };
        let mut out = Vec::new();
        for i in 0..text.len() {
            let bonus = match i {
                0 => 2 * HEAD,
                _ if class(i - 1) == Class::Other && !in_figure(i - 1) => HEAD,
                _ if class(i) == Class::Digit && !in_figure(i - 1) => FIGURE,
                _ => 0,
            };
            let ends = class(i) == Class::Digit && (i + 1 == text.len() || !in_figure(i + 1));
            out.push(bonus as u8 | if ends { ENDS_FIGURE } else { 0 });
        }
        out
    }

    /// The score over stored marks, as format 8 computed it.
    fn stored_run(marks: &[u8], start: usize, end: usize) -> i64 {
        let mut carried = bonus(marks[start]);
        let mut score = MATCH + carried;
        for &m in &marks[start + 1..end] {
            let b = bonus(m);
            if b >= HEAD && b > carried {
                carried = b;
            }
            score += MATCH + b.max(carried).max(CONSECUTIVE);
        }
        if marks[end - 1] & ENDS_FIGURE != 0 {
            score += FIGURE;
        }
        score
    }

    proptest::proptest! {
        /// Every run of every text scores as it did over the stored marks: digits, points,
        /// hanzi, Latin letters and punctuation in any mix, a point first or last.
        #[test]
        fn runs_score_as_over_stored_marks(picks in proptest::collection::vec(0usize..12, 1..24)) {
            let alphabet = ['1', '8', '.', '．', '执', '法', 'a', 'Z', '，', '、', '%', '５'];
            let text: String = picks.iter().map(|&i| alphabet[i]).collect();
            let mut symbols = Symbols::new();
            let syms: Vec<u32> = text.chars().map(|c| symbols.intern(fold(c))).collect();
            let marks = stored_marks(&symbols, &syms);
            let narrow: Vec<u16> = syms.iter().map(|&s| s as u16).collect();
            let mut filled = Vec::new();
            super::marks(&symbols, &narrow, &mut filled);
            proptest::prop_assert_eq!(&filled, &marks);
            for start in 0..syms.len() {
                for end in start + 1..=syms.len() {
                    let want = stored_run(&marks, start, end);
                    proptest::prop_assert_eq!(run(&symbols, &syms, start, end), want);
                    proptest::prop_assert_eq!(run(&symbols, &narrow, start, end), want);
                    proptest::prop_assert_eq!(run_marked(&filled, start, end), want);
                }
            }
        }
    }

    #[test]
    fn word_starts_score_higher() {
        // At the start of the text, after Chinese punctuation, and inside a sentence.
        assert_eq!(score("依法行政", 0, 2), 16 + 16 + 16 + 16);
        assert_eq!(score("、依法行政", 1, 3), 16 + 8 + 16 + 8);
        assert_eq!(score("推进依法行政", 2, 4), 16 + 16 + 4);
    }

    #[test]
    fn whole_figures_score_higher() {
        let text = "咨询718人次、意见书18份";
        assert_eq!(
            score(text, 3, 5),
            16 + 16 + 4 + 6,
            "the tail of 718: ends, not starts"
        );
        assert_eq!(score(text, 11, 13), 16 + 6 + 16 + 6 + 6, "18 whole");
        // 86.4 is one figure: no break at the point, and 86 alone is not whole.
        let rate = "解决率达86.4%";
        assert_eq!(score(rate, 4, 8), 16 + 6 + 3 * (16 + 6) + 6);
        assert_eq!(score(rate, 4, 6), 16 + 6 + 16 + 6);
    }
}
