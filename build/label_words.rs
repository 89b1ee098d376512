//! Build script part: turns the label dictionary (`assets/words.txt`) and jieba's guesses
//! for lone characters (`assets/char-tags.txt`) into Rust arrays, so a process that labels
//! figures neither parses nor loads anything: the words as a trie (`build/label_trie.rs`)
//! with each word's tag and log frequency. (Loading the dictionary into jieba-rs cost
//! ~3 ms in every process that imported a text file.)

use std::fmt::Write as _;

use super::label_trie;

/// Writes `$OUT_DIR/label_words.rs`, which `src/import/labels/segmenter.rs` includes.
/// (`build.rs` already reruns when anything under `assets/` changes.)
pub fn write() {
    let words = std::fs::read_to_string("assets/words.txt").expect("assets/words.txt");
    let char_tags = std::fs::read_to_string("assets/char-tags.txt").expect("assets/char-tags.txt");
    let mut out = String::new();
    write_entries(&mut out, &words);
    write_char_tags(&mut out, &char_tags);
    let path =
        std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("label_words.rs");
    std::fs::write(path, out).expect("writes label_words.rs");
}

/// The entries as `Jieba::load_dict` reads them: split at whitespace into word, frequency
/// (0 when missing) and part of speech (empty when missing). A frequency that is not a
/// number fails the build, where jieba would have refused the whole dictionary.
fn write_entries(out: &mut String, words: &str) {
    let entries = words
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let mut fields = l.split_whitespace();
            let word = fields.next().expect("a word");
            let freq: usize = fields.next().map_or(0, |f| {
                f.parse()
                    .unwrap_or_else(|_| panic!("assets/words.txt: {l:?}: not a frequency"))
            });
            (word, freq, fields.next().unwrap_or(""))
        });
    // Each word once, as jieba keeps a word listed twice: the tag of its first entry, the
    // frequency of its last; the total is the sum of those frequencies.
    let mut distinct: Vec<(&str, usize, &str)> = Vec::new();
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (word, freq, tag) in entries {
        match seen.get(word) {
            Some(&i) => distinct[i].1 = freq,
            None => {
                seen.insert(word, distinct.len());
                distinct.push((word, freq, tag));
            }
        }
    }
    let total: usize = distinct.iter().map(|d| d.1).sum();

    // Indices into a short list of tags, not a `&str` a word: each pointer in a static
    // array is a relocation the loader applies at every start (72,000 of them were
    // ~0.7 ms of every process, searches included).
    let mut tags: Vec<&str> = distinct.iter().map(|e| e.2).collect();
    tags.sort_unstable();
    tags.dedup();
    assert!(tags.len() <= 256, "tag indices are u8");
    let _ = writeln!(
        out,
        "/// The parts of speech the words have.\npub(super) static TAG_NAMES: [&str; {}] = {tags:?};",
        tags.len()
    );
    let tag_of: Vec<usize> = distinct
        .iter()
        .map(|e| tags.binary_search(&e.2).unwrap_or(0))
        .collect();
    label_trie::array(
        out,
        "Each word's part of speech, in `TAG_NAMES`.",
        "WORD_TAGS",
        "u8",
        &tag_of,
    );
    // `ln` as jieba takes it at load, `(freq as f64).ln()`, computed here on the build
    // machine and stored as bits (a test checks them against the target's `ln`).
    let bits = |x: usize| (x as f64).ln().to_bits();
    let _ = write!(
        out,
        "/// Each word's `ln(frequency)`, as `f64` bits.\npub(super) static WORD_LOG_FREQS: [u64; {}] = [",
        distinct.len()
    );
    for (_, freq, _) in &distinct {
        let _ = write!(out, "{:#x},", bits(*freq));
    }
    let _ = writeln!(out, "];");
    let _ = writeln!(
        out,
        "/// `ln` of the sum of the words' frequencies, as `f64` bits.\npub(super) static LOG_TOTAL: u64 = {:#x};",
        bits(total)
    );
    let words: Vec<&str> = distinct.iter().map(|e| e.0).collect();
    label_trie::write(out, &words);
}

/// `tag<TAB>characters` lines, as (character, tag) sorted by character.
fn write_char_tags(out: &mut String, char_tags: &str) {
    let mut tags: Vec<(char, &str)> = char_tags
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .flat_map(|(tag, chars)| chars.chars().map(move |c| (c, tag)))
        .collect();
    tags.sort();
    let mut names: Vec<&str> = tags.iter().map(|t| t.1).collect();
    names.sort_unstable();
    names.dedup();
    let _ = writeln!(
        out,
        "/// jieba's part-of-speech guesses for lone CJK characters.\npub(super) static GUESS_NAMES: [&str; {}] = {names:?};",
        names.len()
    );
    let _ = write!(
        out,
        "/// Each CJK character that gets a guess other than `x`, sorted.\npub(super) static GUESSED: [char; {}] = [",
        tags.len()
    );
    for (c, _) in &tags {
        let _ = write!(out, "{c:?},");
    }
    let _ = writeln!(out, "];");
    let _ = write!(
        out,
        "/// Its guess, in `GUESS_NAMES`.\npub(super) static GUESSES: [u8; {}] = [",
        tags.len()
    );
    for (_, tag) in &tags {
        let _ = write!(out, "{},", names.binary_search(tag).unwrap_or(0));
    }
    let _ = writeln!(out, "];");
}
