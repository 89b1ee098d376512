//! The pieces `words` cuts with: a text's chars with their byte offsets (a run of chars
//! looked up without copying it), which lengths of lexicon word start with each char, and
//! filler or masks replaced only where their first char occurs.

use std::collections::HashMap;

use super::mix::MixState;
use super::words::MAX_WORD;

/// A text with its chars' byte offsets, to look up a run of chars without copying it.
pub struct Chars<'t> {
    text: &'t str,
    /// Byte offset of each char, and the text's length last.
    offsets: Vec<usize>,
}

impl<'t> Chars<'t> {
    pub fn of(text: &'t str) -> Chars<'t> {
        let mut offsets: Vec<usize> = text.char_indices().map(|(at, _)| at).collect();
        offsets.push(text.len());
        Chars { text, offsets }
    }

    pub fn len(&self) -> usize {
        self.offsets.len() - 1
    }

    pub fn at(&self, i: usize) -> char {
        self.text[self.offsets[i]..].chars().next().unwrap_or(' ')
    }

    /// `len` chars from char `i`.
    pub fn slice(&self, i: usize, len: usize) -> &'t str {
        &self.text[self.offsets[i]..self.offsets[i + len]]
    }
}

/// For each first char, the lengths (bit `n - 1`) of the words starting with it, up to
/// MAX_WORD chars (longer ones are never looked up).
pub fn starts<'w>(words: impl Iterator<Item = &'w String>) -> HashMap<char, u8, MixState> {
    let mut out: HashMap<char, u8, MixState> = HashMap::default();
    for w in words {
        let n = w.chars().count();
        if let (Some(c), 1..=MAX_WORD) = (w.chars().next(), n) {
            *out.entry(c).or_default() |= 1 << (n - 1);
        }
    }
    out
}

/// First char → positions of the patterns starting with it.
pub fn firsts(patterns: &[String]) -> HashMap<char, Vec<usize>, MixState> {
    let mut out: HashMap<char, Vec<usize>, MixState> = HashMap::default();
    for (i, p) in patterns.iter().enumerate() {
        if let Some(c) = p.chars().next() {
            out.entry(c).or_default().push(i);
        }
    }
    out
}

/// Every pattern replaced by `with`, one pattern after another in list order (as a
/// chain of `str::replace`). Only patterns whose first char is in the text are tried:
/// replacing takes chars out and puts `with` (no pattern's char) in, so it never makes
/// a pattern appear whose first char was not there.
pub fn replace_all(
    text: &str,
    patterns: &[String],
    starts: &HashMap<char, Vec<usize>, MixState>,
    with: &str,
) -> String {
    let mut tried: Vec<usize> = text
        .chars()
        .filter_map(|c| starts.get(&c))
        .flatten()
        .copied()
        .collect();
    tried.sort_unstable();
    tried.dedup();
    let mut out = text.to_string();
    for p in tried {
        if out.contains(patterns[p].as_str()) {
            out = out.replace(patterns[p].as_str(), with);
        }
    }
    out
}
