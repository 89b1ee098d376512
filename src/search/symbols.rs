//! The characters of an index as small ids, each with its class and pinyin readings, so
//! matching never hashes a character or looks up a pinyin table in its inner loop.

use pinyin::ToPinyinMulti;
use std::collections::HashMap;

/// Folding applied to text and query alike: ASCII case, and full-width forms to ASCII
/// (`Ａ`→`a`, `％`→`%`, `（`→`(`), since reports mix both. One char to one char, so char
/// indices into the folded text are char indices into the original.
pub(crate) fn fold(c: char) -> char {
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    };
    c.to_ascii_lowercase()
}

/// A symbol id as stored in an index's text: `u16` (the usual case) or `u32`.
pub(crate) trait Sym: Copy {
    fn id(self) -> usize;
}

impl Sym for u16 {
    fn id(self) -> usize {
        usize::from(self)
    }
}

impl Sym for u32 {
    fn id(self) -> usize {
        self as usize
    }
}

/// What a character is for scoring boundaries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    /// Hanzi, Latin letters, any alphanumeric that is not an ASCII digit.
    Letter,
    Digit,
    /// Punctuation and spaces: a match right after one starts a word.
    Other,
}

/// 256-bit set of symbols, per item, to skip items that lack a query's characters.
pub(crate) type Bloom = [u64; 4];

pub(crate) fn bloom_add(bloom: &mut Bloom, sym: u32) {
    let h = sym.wrapping_mul(0x9E37_79B1) >> 24;
    bloom[(h >> 6) as usize] |= 1 << (h & 63);
}

pub(crate) fn bloom_covers(item: &Bloom, word: &Bloom) -> bool {
    item.iter().zip(word).all(|(i, w)| i & w == *w)
}

/// Interned characters. Ids are dense, in order of first appearance.
#[derive(Debug, Default)]
pub(crate) struct Symbols {
    /// Basic Multilingual Plane char → id + 1 (0: never seen); a flat table because
    /// interning every character of a 1,000-report corpus through a hash map is slow.
    bmp: Vec<u32>,
    astral: HashMap<char, u32>,
    chars: Vec<char>,
    classes: Vec<Class>,
    /// Per symbol, what scoring marks need of it (`score::marks`): digit, other, point.
    mark_flags: Vec<u8>,
    /// Looked up on the first query with a letter: a search for hanzi or digits never
    /// needs it, and looking up ~800 characters' readings was a tenth of a search on the
    /// embedded report.
    pinyin: std::sync::OnceLock<Pinyin>,
}

/// Every symbol's pinyin.
#[derive(Debug, Default)]
struct Pinyin {
    /// Bit `n` set when a reading starts with letter `a + n`, or the char is that letter.
    starts: Vec<u32>,
    /// Plain readings (no tones); ü appears twice, as `v` and as `u`.
    readings: Vec<Vec<Box<[u8]>>>,
    /// For each letter, the symbols that `starts` with it, so a query's pinyin table is
    /// filled only where it can be non-zero.
    by_letter: [Vec<u32>; 26],
}

impl Pinyin {
    fn of(chars: &[char]) -> Pinyin {
        let mut out = Pinyin::default();
        for (id, &c) in chars.iter().enumerate() {
            let readings = readings(c);
            let mut starts = readings.iter().fold(0, |m, r| m | letter_bit(r[0]));
            if c.is_ascii_lowercase() {
                starts |= letter_bit(c as u8);
            }
            out.starts.push(starts);
            for (n, list) in out.by_letter.iter_mut().enumerate() {
                if starts & (1 << n) != 0 {
                    list.push(id as u32);
                }
            }
            out.readings.push(readings);
        }
        out
    }
}

/// What `score::marks` reads of a symbol, one bit each.
pub(crate) const MARK_DIGIT: u8 = 1;
pub(crate) const MARK_OTHER: u8 = 2;
pub(crate) const MARK_POINT: u8 = 4;

fn mark_flags(class: Class, c: char) -> u8 {
    let class = match class {
        Class::Digit => MARK_DIGIT,
        Class::Other => MARK_OTHER,
        Class::Letter => 0,
    };
    class | if c == '.' { MARK_POINT } else { 0 }
}

pub(crate) fn letter_bit(letter: u8) -> u32 {
    1 << (letter - b'a')
}

impl Symbols {
    pub(crate) fn new() -> Symbols {
        Symbols {
            bmp: vec![0; 0x10000],
            ..Symbols::default()
        }
    }

    /// The id of a folded char, if it occurs anywhere in the index.
    pub(crate) fn get(&self, c: char) -> Option<u32> {
        match self.bmp.get(c as usize) {
            Some(0) => None,
            Some(n) => Some(n - 1),
            None => self.astral.get(&c).copied(),
        }
    }

    /// The id of a folded char, adding it (and looking up its readings) when new.
    pub(crate) fn intern(&mut self, c: char) -> u32 {
        if let Some(id) = self.get(c) {
            return id;
        }
        let id = self.chars.len() as u32;
        match self.bmp.get_mut(c as usize) {
            Some(slot) => *slot = id + 1,
            None => {
                self.astral.insert(c, id);
            }
        }
        // A new symbol: pinyin worked out before it is out of date.
        self.pinyin.take();
        self.chars.push(c);
        let class = if c.is_ascii_digit() {
            Class::Digit
        } else if c.is_alphanumeric() {
            Class::Letter
        } else {
            Class::Other
        };
        self.classes.push(class);
        self.mark_flags.push(mark_flags(class, c));
        id
    }

    fn pinyin(&self) -> &Pinyin {
        self.pinyin.get_or_init(|| Pinyin::of(&self.chars))
    }

    /// How many distinct symbols there are; ids run from 0 to this.
    pub(crate) fn len(&self) -> usize {
        self.chars.len()
    }

    pub(crate) fn char_of(&self, sym: u32) -> char {
        self.chars[sym as usize]
    }

    /// A symbol's class; an id out of range (only read from a damaged cache) is `Other`.
    pub(crate) fn class_or_other(&self, sym: usize) -> Class {
        self.classes.get(sym).copied().unwrap_or(Class::Other)
    }

    /// `mark_flags` of a symbol; out of range reads as other, as `class_or_other` does.
    pub(crate) fn mark_flags_or_other(&self, sym: usize) -> u8 {
        self.mark_flags.get(sym).copied().unwrap_or(MARK_OTHER)
    }

    /// `char_of`, for an id read from an index: out of range is NUL.
    pub(crate) fn char_or_nul(&self, sym: usize) -> char {
        self.chars.get(sym).copied().unwrap_or('\0')
    }

    pub(crate) fn starts(&self, sym: u32) -> u32 {
        self.pinyin().starts[sym as usize]
    }

    /// Symbols with a reading starting with `letter` (or that are the Latin letter).
    pub(crate) fn starting_with(&self, letter: u8) -> &[u32] {
        &self.pinyin().by_letter[usize::from(letter - b'a')]
    }

    pub(crate) fn readings(&self, sym: u32) -> &[Box<[u8]>] {
        &self.pinyin().readings[sym as usize]
    }
}

/// Every plain reading of a char, deduplicated, with ü spelt both `v` and `u`.
fn readings(c: char) -> Vec<Box<[u8]>> {
    let mut out: Vec<Box<[u8]>> = Vec::new();
    let Some(multi) = c.to_pinyin_multi() else {
        return out;
    };
    for p in multi {
        let plain = p.plain();
        for spelling in [plain.replace('ü', "v"), plain.replace('ü', "u")] {
            let bytes: Box<[u8]> = spelling.into_bytes().into();
            if !bytes.is_empty()
                && bytes.iter().all(u8::is_ascii_lowercase)
                && !out.contains(&bytes)
            {
                out.push(bytes);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spelt(c: char) -> Vec<String> {
        readings(c)
            .iter()
            .map(|r| String::from_utf8_lossy(r).into_owned())
            .collect()
    }

    #[test]
    fn polyphones_keep_every_reading() {
        let hang = spelt('行');
        assert!(hang.contains(&"xing".to_string()) && hang.contains(&"hang".to_string()));
    }

    #[test]
    fn u_umlaut_is_spelt_v_and_u() {
        // 女 also has the classical reading rǔ.
        assert_eq!(spelt('女')[..2], ["nv", "nu"]);
        assert!(spelt('律').contains(&"lv".to_string()));
    }

    #[test]
    fn folding_is_one_char_for_one() {
        assert_eq!(fold('Ａ'), 'a');
        assert_eq!(fold('％'), '%');
        assert_eq!(fold('（'), '(');
        assert_eq!(fold('法'), '法');
    }

    #[test]
    fn interning_is_stable_and_classifies() {
        let mut s = Symbols::new();
        let fa = s.intern('法');
        assert_eq!(s.intern('7'), fa + 1);
        assert_eq!(s.intern('法'), fa);
        assert_eq!(s.get('法'), Some(fa));
        assert_eq!(s.get('律'), None);
        assert_eq!(s.class_or_other(fa as usize), Class::Letter);
        assert_eq!(s.class_or_other(fa as usize + 1), Class::Digit);
        assert_eq!(s.starts(fa), letter_bit(b'f'));
        let emoji = s.intern('😀');
        assert_eq!(s.get('😀'), Some(emoji));
        assert_eq!(s.class_or_other(emoji as usize), Class::Other);
    }
}
