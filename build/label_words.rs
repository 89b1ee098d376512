//! Build script part: turns the label dictionary (`assets/words.txt`) and jieba's guesses
//! for lone characters (`assets/char-tags.txt`) into Rust arrays, so a process that labels
//! figures parses neither: parsing the dictionary was half of loading it (24 of 49 million instructions,
//! ~3 ms per process), and a word's tag is found by binary search without building a map.

use std::fmt::Write as _;

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
    let entries: Vec<(&str, usize, &str)> = words
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let mut fields = l.split_whitespace();
            let word = fields.next().expect("a word");
            let freq = fields.next().map_or(0, |f| {
                f.parse()
                    .unwrap_or_else(|_| panic!("assets/words.txt: {l:?}: not a frequency"))
            });
            (word, freq, fields.next().unwrap_or(""))
        })
        .collect();
    // Of a word listed twice, the first: jieba keeps the tag of its first entry.
    let mut by_word: Vec<usize> = (0..entries.len()).collect();
    by_word.sort_by_key(|&i| (entries[i].0, i));
    by_word.dedup_by_key(|i| entries[*i].0);
    assert!(entries.len() <= usize::from(u16::MAX), "indices are u16");

    let _ = writeln!(
        out,
        "/// Each entry of `assets/words.txt` in order: word, frequency, part of speech.\n\
         static ENTRIES: [(&str, usize, &str); {}] = [",
        entries.len()
    );
    for (word, freq, tag) in &entries {
        let _ = writeln!(out, "({word:?}, {freq}, {tag:?}),");
    }
    let _ = writeln!(
        out,
        "];\n/// Indices into `ENTRIES` sorted by word, each word once (its first entry).\n\
         static BY_WORD: [u16; {}] = [",
        by_word.len()
    );
    for i in &by_word {
        let _ = write!(out, "{i},");
    }
    let _ = writeln!(out, "];");
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
    let _ = writeln!(
        out,
        "/// jieba's part-of-speech guess for each CJK character that gets one other than `x`.\n\
         static CHAR_TAGS: [(char, &str); {}] = [",
        tags.len()
    );
    for (c, tag) in &tags {
        let _ = writeln!(out, "({c:?}, {tag:?}),");
    }
    let _ = writeln!(out, "];");
}
