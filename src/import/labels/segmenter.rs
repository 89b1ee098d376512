//! The segmenter behind labels: jieba-rs with the label dictionary (`assets/words.txt`),
//! and the tagged words of a window of text, exactly as `Jieba::tag` gives them but without
//! jieba's part-of-speech model, whose load cost more than all the labels of 200 reports.

use std::sync::LazyLock;

use jieba_rs::Jieba;

// `entry`, `BY_WORD`, `GUESSED` and `GUESSES`: assets/words.txt and assets/char-tags.txt as
// arrays, written by the build script (build/label_words.rs).
include!(concat!(env!("OUT_DIR"), "/label_words.rs"));

#[cfg(test)]
const WORDS_TXT: &str = include_str!("../../../assets/words.txt");
#[cfg(test)]
const CHAR_TAGS_TXT: &str = include_str!("../../../assets/char-tags.txt");

/// Loaded on the first label, never for a JSON model (the embedded report's path).
/// Measured: jieba's full dictionary takes 600-750 ms to load; this one 26 million
/// instructions (callgrind), 4-5 ms at load 6, nearly all of it in `Jieba::add_word`.
static SEGMENTER: LazyLock<Segmenter> = LazyLock::new(Segmenter::load);

struct Segmenter {
    jieba: Jieba,
    /// The BMP characters that are words of the dictionary on their own, one bit each.
    single: Vec<u64>,
}

impl Segmenter {
    /// `Jieba::add_word` per entry leaves jieba as `Jieba::load_dict` over the same lines
    /// does (same words in the same order, a repeated word keeps its first tag and takes
    /// its last frequency, same total), without copying the dictionary into a reader and
    /// parsing it line by line (the build script did).
    fn load() -> Segmenter {
        let mut jieba = Jieba::empty();
        let mut single = vec![0u64; 0x1_0000 / 64];
        for i in 0..WORD_ENDS.len() {
            let (word, freq, tag) = entry(i);
            jieba.add_word(word, Some(freq), Some(tag));
            let mut chars = word.chars();
            if let (Some(c), None) = (chars.next(), chars.next()) {
                if let Some(bit) = single.get_mut(c as usize / 64) {
                    *bit |= 1 << (c as usize % 64);
                }
            }
        }
        Segmenter { jieba, single }
    }

    /// A character jieba would tag with its part-of-speech model if it stood alone: CJK
    /// and not a word of the dictionary (characters outside the BMP are always taken so;
    /// `tags_without_model` then looks them up).
    fn needs_model(&self, c: char) -> bool {
        is_cjk(c)
            && self
                .single
                .get(c as usize / 64)
                .is_none_or(|bits| bits & (1 << (c as usize % 64)) == 0)
    }
}

/// The segmenter with the label dictionary (public for `benches/import.rs`).
pub fn load_segmenter() -> Jieba {
    Segmenter::load().jieba
}

/// The words of `text` with their parts of speech, as `Jieba::tag(text, false)` gives
/// them, punctuation tagged `w`.
pub(super) fn tags(text: &str) -> Vec<(&str, &str)> {
    let s = &*SEGMENTER;
    let words = if text.chars().any(|c| s.needs_model(c)) {
        tags_without_model(&s.jieba, text)
    } else {
        None
    };
    words
        .unwrap_or_else(|| {
            s.jieba
                .tag(text, false)
                .into_iter()
                .map(|t| (t.word, t.tag))
                .collect()
        })
        .into_iter()
        .map(|(word, tag)| {
            // Punctuation is `x` too: keep `x` for hanzi only.
            let hanzi = |w: &str| w.chars().all(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c));
            (word, if tag == "x" && !hanzi(word) { "w" } else { tag })
        })
        .collect()
}

/// `Jieba::tag` rebuilt from `Jieba::cut`, for text with a CJK character the dictionary
/// lacks: a word of the dictionary has its tag, an unknown one jieba's guess
/// (`Jieba::guess_tag`: `m` for digits, `eng` for other ASCII letters and digits, the
/// part-of-speech model's tag for a CJK character, read from `assets/char-tags.txt`, `x`
/// otherwise). `None` for a word whose guess is not in that table (an unknown word of
/// several CJK characters, which jieba without its HMM never cuts).
fn tags_without_model<'a>(jieba: &Jieba, text: &'a str) -> Option<Vec<(&'a str, &'static str)>> {
    jieba
        .cut(text, false)
        .into_iter()
        .map(|t| match dictionary_tag(t.word) {
            Some(tag) => Some((t.word, tag)),
            None => guess(t.word).map(|tag| (t.word, tag)),
        })
        .collect()
}

/// A word's tag in the dictionary, the first one given where it lists a word twice (as
/// jieba keeps it).
fn dictionary_tag(word: &str) -> Option<&'static str> {
    let k = BY_WORD
        .binary_search_by(|&i| entry(usize::from(i)).0.cmp(word))
        .ok()?;
    Some(entry(usize::from(BY_WORD[k])).2)
}

/// jieba's tag for a word its dictionary lacks (`Jieba::guess_tag`).
fn guess(word: &str) -> Option<&'static str> {
    let alphanumeric = word.chars().filter(char::is_ascii_alphanumeric).count();
    if alphanumeric > 0 {
        let digits = word.chars().filter(char::is_ascii_digit).count();
        return Some(if digits == alphanumeric { "m" } else { "eng" });
    }
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if is_cjk(c) => Some(
            GUESSED
                .binary_search(&c)
                .map_or("x", |k| GUESS_NAMES[usize::from(GUESSES[k])]),
        ),
        _ if !word.chars().any(is_cjk) => Some("x"),
        _ => None,
    }
}

/// jieba-rs 0.11's `is_cjk`: the CJK Unified Ideographs, their extensions and the
/// compatibility ideographs. The test below checks `assets/char-tags.txt` over all of them.
fn is_cjk(c: char) -> bool {
    CJK.iter().any(|r| r.contains(&c))
}

const CJK: [std::ops::RangeInclusive<char>; 9] = [
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

#[cfg(test)]
mod tests {
    use super::*;

    /// jieba's own guess for a character alone (an empty dictionary knows no word).
    fn jieba_guess(jieba: &Jieba, c: char) -> String {
        let text = c.to_string();
        let tags = jieba.tag(&text, false);
        assert_eq!(tags.len(), 1, "{c}");
        tags[0].tag.to_string()
    }

    #[test]
    fn the_guesses_are_what_jieba_guesses() {
        let empty = Jieba::empty();
        let all = || CJK.iter().flat_map(|r| r.clone());
        if std::env::var_os("REPORT_TUI_WRITE_CHAR_TAGS").is_some() {
            let mut by_tag = std::collections::BTreeMap::<String, String>::new();
            for c in all() {
                by_tag.entry(jieba_guess(&empty, c)).or_default().push(c);
            }
            let header: String = CHAR_TAGS_TXT
                .lines()
                .take_while(|l| l.starts_with('#'))
                .map(|l| format!("{l}\n"))
                .collect();
            let body: String = by_tag
                .iter()
                .filter(|(tag, _)| *tag != "x")
                .map(|(tag, chars)| format!("{tag}\t{chars}\n"))
                .collect();
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/char-tags.txt");
            std::fs::write(path, header + &body).unwrap();
        }
        for c in all() {
            assert_eq!(
                guess(&c.to_string()),
                Some(jieba_guess(&empty, c).as_str()),
                "{c}"
            );
        }
    }

    /// The old load (`Jieba::with_dict` over the filtered lines) and the words it cuts.
    fn loaded_by_reader() -> Jieba {
        let dict: String = WORDS_TXT
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .flat_map(|l| [l, "\n"])
            .collect();
        Jieba::with_dict(&mut std::io::BufReader::new(dict.as_bytes())).unwrap()
    }

    /// Every fixture's text, and texts with characters the dictionary lacks (`碁`, `𠀀`),
    /// full-width digits, ASCII and a line break.
    fn texts() -> Vec<String> {
        let mut texts = vec![
            "石碁镇2020年受理案件12件，𠀀字ABC12３４。\r\n".to_string(),
            "在职人员村居法律顾问覆盖率100%".to_string(),
        ];
        let mut dirs = vec![std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures"
        ))];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    dirs.push(path);
                } else if let Ok(text) = std::fs::read_to_string(&path) {
                    texts.push(text);
                }
            }
        }
        texts.push(WORDS_TXT.lines().skip(30_000).take(300).collect());
        texts
    }

    /// Windows of every text, as the labels cut them (up to 24 characters).
    fn windows(texts: &[String]) -> Vec<&str> {
        let mut windows = Vec::new();
        for text in texts {
            let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
            for (k, &a) in starts.iter().enumerate().step_by(5) {
                let b = starts.get(k + 24).copied().unwrap_or(text.len());
                windows.push(&text[a..b]);
            }
        }
        windows
    }

    #[test]
    fn the_dictionary_loads_as_jieba_reads_it() {
        let old = loaded_by_reader();
        let new = load_segmenter();
        let texts = texts();
        for w in windows(&texts) {
            let tags = |j: &Jieba| -> Vec<(String, String)> {
                j.tag(w, false)
                    .into_iter()
                    .map(|t| (t.word.to_string(), t.tag.to_string()))
                    .collect()
            };
            assert_eq!(tags(&new), tags(&old), "{w}");
        }
    }

    #[test]
    fn tags_without_the_model_are_jiebas() {
        let s = &*SEGMENTER;
        let texts = texts();
        let mut rebuilt = 0;
        for w in windows(&texts) {
            let jieba: Vec<(&str, &str)> = s
                .jieba
                .tag(w, false)
                .into_iter()
                .map(|t| (t.word, t.tag))
                .collect();
            if let Some(ours) = tags_without_model(&s.jieba, w) {
                assert_eq!(ours, jieba, "{w}");
                rebuilt += 1;
            }
        }
        assert!(rebuilt > 1000, "{rebuilt} windows rebuilt");
    }
}
