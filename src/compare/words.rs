//! The word data of the comparison (`assets/compare-words.txt`): synonyms, look-alike
//! words, masks, filler and unit groups; and cutting a label into comparable words.

use std::collections::HashMap;

use super::cutting::{firsts, replace_all, starts, Chars};
use super::mix::MixState;

/// A word as compared, in a number: a lexicon word (its canonical's number), or one char
/// or two chars of a run no lexicon word covers. Two keys are equal exactly when the words
/// they stand for are: a char is marked (`·办`, and no lexicon word holds `·`), and a
/// pair is never a lexicon word (`words` would have taken it whole: every canonical word
/// is a synonym of itself). Numbers, not strings: cutting builds no string per word.
pub type WordKey = u64;
/// One char (`·c`): weighs half.
const SINGLE: WordKey = 1 << 62;
const PAIR: WordKey = 2 << 62;
const LEXICON: WordKey = 3 << 62;

/// Whether a word is a single char of an unknown run (`·办`).
pub fn is_single(word: WordKey) -> bool {
    word >> 62 == SINGLE >> 62
}

/// The data file, compiled in; a test parses it.
pub const WORDS: &str = include_str!("../../assets/compare-words.txt");

/// Longest lexicon word we look for, in chars (`法治宣传教育` is six).
pub(super) const MAX_WORD: usize = 8;

/// One look-alike word found in a label: which group, which side of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Tag {
    pub group: u16,
    pub side: u16,
}

#[derive(Debug, Default)]
pub struct Words {
    /// Every synonym → its canonical word (the first of its line), by number.
    canonical: HashMap<String, u32>,
    /// Canonical word → its number.
    canonical_ids: HashMap<String, u32>,
    /// Look-alike word → its tag.
    tags: HashMap<String, Tag>,
    /// Groups whose absence also keeps figures apart (`!!`).
    pub strict: Vec<bool>,
    /// Groups also read from the sentence before a figure (`!@`, subjects).
    pub from_sentence: Vec<bool>,
    masks: Vec<String>,
    filler: Vec<String>,
    /// Unit → its group number.
    units: HashMap<String, usize>,
    /// First char of a synonym → the lengths (bit `n - 1`: `n` chars) it comes in, so a
    /// position no word starts at costs one lookup, not eight (1,000 reports: the words
    /// were four fifths of `compare`).
    canonical_starts: HashMap<char, u8, MixState>,
    tag_starts: HashMap<char, u8, MixState>,
    /// First char → the masks or filler starting with it, by position in their list.
    mask_starts: HashMap<char, Vec<usize>, MixState>,
    filler_starts: HashMap<char, Vec<usize>, MixState>,
}

impl Words {
    /// The compiled-in data. Its parse is tested, so a failure is a build defect and
    /// yields empty data rather than a panic.
    pub fn builtin() -> Words {
        Words::parse(WORDS).unwrap_or_default()
    }

    /// Parse the data format; the error names the line.
    pub fn parse(text: &str) -> Result<Words, String> {
        let mut w = Words::default();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (kind, rest) = line.split_once(' ').unwrap_or((line, ""));
            let items: Vec<&str> = rest.split_whitespace().collect();
            match kind {
                "=" => {
                    let Some(first) = items.first() else {
                        return Err(format!("line {}: `=` needs words", n + 1));
                    };
                    let next = w.canonical_ids.len() as u32;
                    let id = *w.canonical_ids.entry(first.to_string()).or_insert(next);
                    for item in &items {
                        w.canonical.insert(item.to_string(), id);
                    }
                }
                "!" | "!!" | "!@" => {
                    let group = w.strict.len() as u16;
                    w.strict.push(kind == "!!");
                    w.from_sentence.push(kind == "!@");
                    for (side, part) in rest.split('|').enumerate() {
                        for item in part.split_whitespace() {
                            let tag = Tag {
                                group,
                                side: side as u16,
                            };
                            w.tags.insert(item.to_string(), tag);
                        }
                    }
                }
                "x" => w.masks.extend(items.iter().map(|s| s.to_string())),
                "-" => w.filler.extend(items.iter().map(|s| s.to_string())),
                "~" => {
                    let group = w.units.len() + 1;
                    for item in items {
                        w.units.insert(item.to_string(), group);
                    }
                }
                other => return Err(format!("line {}: unknown directive {other:?}", n + 1)),
            }
        }
        // Longest first, so `本街道` goes before `本街`.
        w.filler
            .sort_by_key(|f| std::cmp::Reverse(f.chars().count()));
        w.canonical_starts = starts(w.canonical.keys());
        w.tag_starts = starts(w.tags.keys());
        w.mask_starts = firsts(&w.masks);
        w.filler_starts = firsts(&w.filler);
        Ok(w)
    }

    /// The unit's group, so `件` and `宗` compare; units in no group stand alone.
    pub fn unit_group(&self, unit: &str) -> Option<usize> {
        self.units.get(unit).copied()
    }

    /// The look-alike words of `text` (longest match first, masks skipped), sorted.
    pub fn tags(&self, text: &str) -> Vec<Tag> {
        let masked = replace_all(text, &self.masks, &self.mask_starts, "\u{3000}");
        let chars = Chars::of(&masked);
        let mut out = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            match self.longest(&chars, i, &self.tag_starts, |w| self.tags.get(w).copied()) {
                Some((len, tag)) => {
                    out.push(tag);
                    i += len;
                }
                None => i += 1,
            }
        }
        out.sort();
        out.dedup();
        out
    }

    /// The look-alike words of a figure: those of its own words, and of a subject group
    /// (`!@`) it has none of, the one side the sentence before it names, if only one.
    pub fn figure_tags(&self, own: &str, lead: &str) -> Vec<Tag> {
        let mut tags = self.tags(own);
        let before = self.tags(lead);
        for t in &before {
            let subject = self.from_sentence.get(t.group as usize) == Some(&true);
            let one_side = before
                .iter()
                .all(|o| o.group != t.group || o.side == t.side);
            if subject && one_side && !tags.iter().any(|o| o.group == t.group) {
                tags.push(*t);
            }
        }
        tags.sort();
        tags.dedup();
        tags
    }

    /// The comparable words of a label: filler and `strip` (the report's place) removed,
    /// lexicon words kept whole and made canonical, the rest as character pairs and
    /// single characters (the latter marked with a leading `·`, to weigh less).
    pub fn words(&self, text: &str, strip: &str) -> Vec<WordKey> {
        let stripped;
        let mut s = text;
        if !strip.is_empty() && text.contains(strip) {
            stripped = text.replace(strip, " ");
            s = &stripped;
        }
        let s = replace_all(s, &self.filler, &self.filler_starts, " ");
        let chars = Chars::of(&s);
        let mut out = Vec::new();
        let mut run: Vec<char> = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            let c = chars.at(i);
            if !is_word_char(c) {
                flush(&mut run, &mut out);
                i += 1;
                continue;
            }
            match self.longest(&chars, i, &self.canonical_starts, |w| {
                self.canonical.get(w).copied()
            }) {
                Some((len, canon)) => {
                    flush(&mut run, &mut out);
                    out.push(LEXICON | u64::from(canon));
                    i += len;
                }
                None => {
                    run.push(c);
                    i += 1;
                }
            }
        }
        flush(&mut run, &mut out);
        out
    }

    /// The longest lexicon entry starting at `i`, with its length in chars; `starts`
    /// says which lengths the lexicon has for the char at `i`.
    fn longest<T>(
        &self,
        chars: &Chars,
        i: usize,
        starts: &HashMap<char, u8, MixState>,
        find: impl Fn(&str) -> Option<T>,
    ) -> Option<(usize, T)> {
        let lengths = starts.get(&chars.at(i)).copied().unwrap_or(0);
        if lengths == 0 {
            return None;
        }
        let max = MAX_WORD.min(chars.len() - i);
        (1..=max)
            .rev()
            .filter(|len| lengths & (1 << (len - 1)) != 0)
            .find_map(|len| find(chars.slice(i, len)).map(|t| (len, t)))
    }
}

/// Letters, digits and hanzi; punctuation and spaces end a run.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && c != '\u{3000}'
}

/// An unknown run as single characters and character pairs, in reading order
/// (`劳资` → ·劳 劳资 ·资), so a word's position in the label is kept.
fn flush(run: &mut Vec<char>, out: &mut Vec<WordKey>) {
    for (i, &c) in run.iter().enumerate() {
        out.push(SINGLE | u64::from(c));
        if let Some(&next) = run.get(i + 1) {
            out.push(PAIR | (u64::from(c) << 21) | u64::from(next));
        }
    }
    run.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_file_parses() {
        let w = Words::parse(WORDS).unwrap();
        assert!(
            w.canonical.len() > 50 && w.tags.len() > 20,
            "data file read"
        );
    }

    #[test]
    fn synonyms_become_one_word_and_filler_goes() {
        let w = Words::builtin();
        assert_eq!(
            w.words("全年办理行政复议案件", ""),
            w.words("受理复议申请", "")
        );
        assert_eq!(
            w.words("组织普法宣传活动", ""),
            w.words("开展法治宣传活动", "")
        );
    }

    #[test]
    fn look_alike_words_are_found_and_masks_respected() {
        let w = Words::builtin();
        let accepted = w.tags("受理行政复议申请");
        let closed = w.tags("办结行政复议案件");
        assert_eq!(accepted.len(), 2, "受理 and the subject 行政复议");
        assert_eq!(accepted[0].group, closed[0].group);
        assert_ne!(accepted[0].side, closed[0].side);
        assert!(
            w.tags("行政应诉案件")
                .iter()
                .all(|t| w.from_sentence[t.group as usize]),
            "应诉 is no 应"
        );
        let tags = w.tags("一审行政诉讼案件应出庭");
        let plain = tags.iter().filter(|t| !w.from_sentence[t.group as usize]);
        assert_eq!(plain.count(), 2, "一审 and 应 (and the subject 行政诉讼)");
        let refused: Vec<Tag> = w
            .tags("不予受理行政复议申请")
            .into_iter()
            .filter(|t| !w.from_sentence[t.group as usize])
            .collect();
        assert_eq!(refused.len(), 1, "不予受理 is one word, not 受理");
        assert_ne!(refused[0].side, accepted[0].side);
    }

    #[test]
    fn raised_to_is_a_level_and_stock_words_stay_apart_from_new() {
        let w = Words::builtin();
        assert!(
            w.tags("即办件占比提高到").is_empty(),
            "提高到 gives a level, not a change"
        );
        let stock = w.tags("实有市场主体");
        let new = w.tags("新登记市场主体");
        assert_eq!(stock[0].group, new[0].group);
        assert_ne!(stock[0].side, new[0].side);
        let sorted = |t: &str| {
            let mut v = w.words(t, "");
            v.sort();
            v
        };
        assert_eq!(
            sorted("实有市场主体"),
            sorted("市场主体总量"),
            "实有 and 总量 alike"
        );
    }

    #[test]
    fn a_rate_takes_its_subject_from_the_sentence_before_it() {
        let w = Words::builtin();
        let hotline = w.figure_tags("按期办结率", "12345热线派单4,210件，");
        let petitions = w.figure_tags("信访事项按期办结率", "");
        let subject = |tags: &[Tag]| {
            tags.iter()
                .find(|t| w.from_sentence[t.group as usize])
                .copied()
        };
        let (h, p) = (subject(&hotline).unwrap(), subject(&petitions).unwrap());
        assert_eq!(h.group, p.group);
        assert_ne!(h.side, p.side);
        // Two subjects before it: the sentence does not say which, so neither.
        assert!(subject(&w.figure_tags("办结率", "信访12件，热线30件，")).is_none());
    }

    #[test]
    fn unit_groups() {
        let w = Words::builtin();
        assert_eq!(w.unit_group("件"), w.unit_group("宗"));
        assert_ne!(w.unit_group("人"), w.unit_group("人次"));
    }

    #[test]
    fn unknown_directive_is_an_error() {
        assert!(Words::parse("? 受理").unwrap_err().contains("line 1"));
    }
}
