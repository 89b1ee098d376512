//! The label segmenter held equal to jieba-rs 0.11 with the same dictionary: `tag_each`
//! gives what `Jieba::tag(text, false)` gives, and `segment` that with punctuation as `w`,
//! on every window the labels of the fixtures, the embedded report and a generated corpus
//! ask for, every 24-character window of those texts, and random strings of dictionary
//! words, unknown CJK characters, ASCII, full-width digits, punctuation, spaces, line
//! breaks and characters outside the BMP.

use std::sync::LazyLock;

use jieba_rs::Jieba;
use proptest::prelude::*;

use super::route::lookup;
use super::segmenter::{
    guess, segment, tag_each, CJK, LOG_TOTAL, RECORDED, TAG_NAMES, WORD_LOG_FREQS, WORD_TAGS,
};

const WORDS_TXT: &str = include_str!("../../../assets/words.txt");
const CHAR_TAGS_TXT: &str = include_str!("../../../assets/char-tags.txt");

/// The dictionary's entries: word, frequency, tag.
fn entries() -> impl Iterator<Item = (&'static str, usize, &'static str)> {
    WORDS_TXT
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let mut fields = l.split_whitespace();
            let word = fields.next().unwrap();
            let freq = fields.next().map_or(0, |f| f.parse().unwrap());
            (word, freq, fields.next().unwrap_or(""))
        })
}

/// jieba with the label dictionary, read as jieba reads a dictionary file.
static JIEBA: LazyLock<Jieba> = LazyLock::new(|| {
    let dict: String = entries()
        .flat_map(|(w, f, t)| [w.to_string(), format!(" {f} {t}\n")])
        .collect();
    Jieba::with_dict(&mut std::io::BufReader::new(dict.as_bytes())).unwrap()
});

fn ours(text: &str) -> Vec<(&str, &'static str)> {
    let mut words = Vec::new();
    tag_each(text, |w, t| words.push((w, t)));
    words
}

fn jiebas(text: &str) -> Vec<(&str, &str)> {
    JIEBA
        .tag(text, false)
        .into_iter()
        .map(|t| (t.word, t.tag))
        .collect()
}

/// `segment` as the labels had it from jieba: `x` kept for hanzi only, else `w`.
fn assert_same(text: &str) {
    let jieba = jiebas(text);
    assert_eq!(ours(text), jieba, "{text:?}");
    let hanzi = |w: &str| w.chars().all(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c));
    let labels: Vec<(&str, &str)> = jieba
        .iter()
        .map(|&(w, t)| (w, if t == "x" && !hanzi(w) { "w" } else { t }))
        .collect();
    assert_eq!(*segment(text), labels[..], "{text:?}");
}

#[test]
fn the_tables_hold_every_word_with_its_first_tag_and_last_frequency() {
    let mut words = std::collections::HashMap::new();
    for (word, freq, tag) in entries() {
        words.entry(word).or_insert((freq, tag)).0 = freq;
    }
    for (&word, &(freq, tag)) in &words {
        let id = lookup(word).unwrap_or_else(|| panic!("{word}")) as usize;
        assert_eq!(TAG_NAMES[usize::from(WORD_TAGS[id])], tag, "{word}");
        assert_eq!(WORD_LOG_FREQS[id], (freq as f64).ln().to_bits(), "{word}");
        // A prefix is a word only when the dictionary has it.
        let mut ends = word.char_indices().map(|(i, _)| i).skip(1);
        assert!(ends.all(|i| lookup(&word[..i]).is_some() == words.contains_key(&word[..i])));
    }
    let total: usize = words.values().map(|w| w.0).sum();
    assert_eq!(LOG_TOTAL, (total as f64).ln().to_bits());
    assert_eq!(lookup("石碁"), None);
    assert_eq!(lookup(""), None);
}

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
        assert_eq!(guess(&c.to_string()), jieba_guess(&empty, c), "{c}");
    }
}

/// Every file under tests/fixtures, and the embedded report's text.
fn texts() -> Vec<Vec<u8>> {
    let mut texts = vec![crate::embedded::REPORT_TEXT.as_bytes().to_vec()];
    let mut dirs = vec![std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures"
    ))];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                texts.push(std::fs::read(&path).unwrap());
            }
        }
    }
    texts
}

#[test]
fn every_window_the_labels_ask_for_is_cut_and_tagged_as_jieba_does() {
    let base = crate::embedded::report().unwrap();
    let corpus: Vec<String> = crate::search::corpus::generate(&base, 100)
        .into_iter()
        .map(|mut r| {
            r.title_supplied = false;
            crate::rebuild::rebuild(&r)
        })
        .collect();
    RECORDED.set(Some(Vec::new()));
    for text in texts() {
        let _ = crate::import::import_bytes(&text, "fixture");
        // Each line as a report of its own too, as scripts/same-models.sh imports the
        // holdout's sentences: its clauses meet the window at other places.
        if let Ok((text, _)) = crate::import::decode(&text) {
            for line in text.lines().filter(|l| !l.trim().is_empty()) {
                let _ = crate::import::import(line, "line");
            }
        }
    }
    for text in &corpus {
        crate::import::import(text, "report").unwrap();
    }
    let windows: std::collections::BTreeSet<String> =
        RECORDED.take().unwrap().into_iter().collect();
    // 758 distinct windows when written: the corpus repeats the embedded report's clauses.
    assert!(windows.len() > 600, "{} windows", windows.len());
    for w in &windows {
        assert_same(w);
    }
}

#[test]
fn every_24_character_window_of_the_texts_is_cut_and_tagged_as_jieba_does() {
    let mut texts: Vec<String> = texts()
        .iter()
        .filter_map(|t| crate::import::decode(t).ok().map(|t| t.0.into_owned()))
        .collect();
    // Dictionary words back to back, which overlap into other words.
    texts.push(WORDS_TXT.lines().skip(30_000).take(300).collect());
    texts.push("石碁镇2020年受理案件12件，𠀀字ABC12３４。\r\n在职人员覆盖率100%".to_string());
    let mut windows = 0;
    for text in &texts {
        let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        for (k, &a) in starts.iter().enumerate() {
            let b = starts.get(k + 24).copied().unwrap_or(text.len());
            assert_same(&text[a..b]);
            windows += 1;
        }
    }
    assert!(windows > 100_000, "{windows} windows");
}

#[test]
fn a_text_of_more_words_than_fit_inline_is_whole() {
    let text = "，".repeat(40) + &WORDS_TXT.lines().skip(20_000).take(50).collect::<String>();
    assert!(segment(&text).len() > 80);
    assert_same(&text);
}

/// The words of the dictionary, for random texts.
static WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| entries().map(|e| e.0).collect());

/// A piece of a random text: mostly dictionary words, which overlap into other words when
/// put side by side, and everything else a report may hold.
fn piece() -> impl Strategy<Value = String> {
    let unknown_hanzi = (0x4E00u32..=0x9FFF).prop_filter_map("a hanzi the dictionary lacks", |c| {
        char::from_u32(c)
            .filter(|c| lookup(&c.to_string()).is_none())
            .map(String::from)
    });
    let select = |s: &[&'static str]| prop::sample::select(s.to_vec()).prop_map(String::from);
    prop_oneof![
        6 => (0..WORDS.len()).prop_map(|i| WORDS[i].to_string()),
        2 => unknown_hanzi,
        1 => select(&["㐀", "䶵", "豈", "鶴", "𠀀", "𪛖", "𫝀", "𮯠", "丽"]),
        2 => "[a-zA-Z0-9]{1,4}",
        1 => "[０-９]{1,3}",
        2 => select(&[
            "，", "。", "、", "；", "：", "（", "）", "“", "”", "《", "》", "%", ".", "-", "+",
            "#", "&", "_", "·", "—", "％", "．", "!", "?",
        ]),
        1 => select(&[" ", "  ", "\u{3000}", "\t", "\r\n", "\n", "\r"]),
        1 => select(&["😀", "𝔸", "\u{10FFFF}", "\u{E000}"]),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn random_texts_are_cut_and_tagged_as_jieba_does(
        pieces in prop::collection::vec(piece(), 0..30)
    ) {
        let text = pieces.concat();
        prop_assert_eq!(ours(&text), jiebas(&text), "{:?}", text);
    }
}
