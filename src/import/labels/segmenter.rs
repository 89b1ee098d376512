//! The tagged words behind labels: what jieba-rs 0.11's `Jieba::tag(text, false)` gives
//! with the label dictionary (`assets/words.txt`), punctuation tagged `w`, computed over
//! tables the build script writes (`route.rs` cuts; this file tags). jieba-rs itself is
//! only a dev-dependency now, for the test that holds the two equal
//! (`segmenter_tests.rs`): loading its dictionary cost ~3 ms in every process that
//! imported a text file, and its per-call allocations and trie ~15% of an import.

use super::route::{cut, lookup, NO_WORD};

// `TAG_NAMES`, `WORD_TAGS`, `WORD_LOG_FREQS`, `LOG_TOTAL`, the trie (`CHAR_PAGES`,
// `CHAR_CODES`, `NODES`) and jieba's guesses for lone CJK
// characters (`GUESS_NAMES`, `GUESSED`, `GUESSES`): assets/words.txt and
// assets/char-tags.txt as arrays, written by the build script (build/label_words.rs).
include!(concat!(env!("OUT_DIR"), "/label_words.rs"));

/// Words a window holds without the heap: a window of `WINDOW_CHARS` (24) characters has
/// at most that many. (Every word more is 32 bytes to fill and move per call.)
const INLINE: usize = 24;

/// Tagged words, in order: `(word, part of speech)`, slices of the text they came from.
pub struct Words<'a> {
    inline: [(&'a str, &'static str); INLINE],
    len: usize,
    /// All the words once there are more than `INLINE`.
    spill: Vec<(&'a str, &'static str)>,
}

impl<'a> Words<'a> {
    fn new() -> Self {
        Words {
            inline: [("", ""); INLINE],
            len: 0,
            spill: Vec::new(),
        }
    }

    #[inline]
    fn push(&mut self, word: (&'a str, &'static str)) {
        if let Some(slot) = self.inline.get_mut(self.len) {
            *slot = word;
            self.len += 1;
        } else {
            // `len` stays at `INLINE` from here on; `spill` holds them all.
            if self.spill.is_empty() {
                self.spill.extend_from_slice(&self.inline);
            }
            self.spill.push(word);
        }
    }
}

impl<'a> std::ops::Deref for Words<'a> {
    type Target = [(&'a str, &'static str)];

    fn deref(&self) -> &Self::Target {
        if self.spill.is_empty() {
            &self.inline[..self.len]
        } else {
            &self.spill
        }
    }
}

/// The words of `text` with their parts of speech, as `Jieba::tag(text, false)` gives
/// them, punctuation tagged `w` (public for `benches/import.rs`). Inlined, so that the
/// words are written in the caller's frame, not moved there.
#[inline]
pub fn segment(text: &str) -> Words<'_> {
    #[cfg(test)]
    RECORDED.with_borrow_mut(|r| r.as_mut().map(|r| r.push(text.to_string())));
    let mut words = Words::new();
    tag_each(text, |word, tag| {
        // Punctuation is `x` too: keep `x` for hanzi only.
        let hanzi = |w: &str| w.chars().all(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c));
        words.push((word, if tag == "x" && !hanzi(word) { "w" } else { tag }));
    });
    words
}

#[cfg(test)]
thread_local! {
    /// Every text `segment` is given on this thread while `Some` (for the differential test).
    pub(super) static RECORDED: std::cell::RefCell<Option<Vec<String>>> =
        const { std::cell::RefCell::new(None) };
}

/// `Jieba::tag(text, false)`'s words and tags, in order: a word of the dictionary has its
/// tag there, another jieba's guess (`guess`).
pub(super) fn tag_each<'a>(text: &'a str, mut emit: impl FnMut(&'a str, &'static str)) {
    cut(text, |word, id| {
        // As jieba's `tag_each`: the id the route chose, else the word looked up (a run
        // of ASCII letters and digits, a character outside the blocks of words).
        let id = if id == NO_WORD {
            lookup(word)
        } else {
            Some(id)
        };
        let tag = match id {
            Some(id) => TAG_NAMES[usize::from(WORD_TAGS[id as usize])],
            None => guess(word),
        };
        emit(word, tag);
    });
}

/// jieba's tag for a word its dictionary lacks (`Jieba::guess_tag`): `m` for digits,
/// `eng` for other ASCII letters and digits, the part-of-speech model's tag for a CJK
/// character (read from `assets/char-tags.txt`), `x` otherwise. (jieba asks its model
/// about a word of several CJK characters too, but without its HMM it never cuts one that
/// is not in the dictionary.)
pub(super) fn guess(word: &str) -> &'static str {
    let alphanumeric = word.chars().filter(char::is_ascii_alphanumeric).count();
    if alphanumeric > 0 {
        let digits = word.chars().filter(char::is_ascii_digit).count();
        return if digits == alphanumeric { "m" } else { "eng" };
    }
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if is_cjk(c) => GUESSED
            .binary_search(&c)
            .map_or("x", |k| GUESS_NAMES[usize::from(GUESSES[k])]),
        _ => "x",
    }
}

/// jieba-rs 0.11's `is_cjk`: the CJK Unified Ideographs, their extensions and the
/// compatibility ideographs. `segmenter_tests.rs` checks `assets/char-tags.txt` over all of them.
pub(super) fn is_cjk(c: char) -> bool {
    // The main block first: nearly every character of a report is in it.
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || CJK[1..].iter().any(|r| r.contains(&c))
}

pub(super) const CJK: [std::ops::RangeInclusive<char>; 9] = [
    '\u{4E00}'..='\u{9FFF}',
    '\u{3400}'..='\u{4DBF}',
    '\u{F900}'..='\u{FAFF}',
    '\u{20000}'..='\u{2A6DF}',
    '\u{2A700}'..='\u{2B73F}',
    '\u{2B740}'..='\u{2B81F}',
    '\u{2B820}'..='\u{2CEAF}',
    '\u{2CEB0}'..='\u{2EBEF}',
    '\u{2F800}'..='\u{2FA1F}',
];
