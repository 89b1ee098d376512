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

    // Offsets into one string and indices into a short list of tags, not a `&str` an
    // entry: each pointer in a static array is a relocation the loader applies at every
    // start (72,000 of them were ~0.7 ms of every process, searches included).
    let mut tags: Vec<&str> = entries.iter().map(|e| e.2).collect();
    tags.sort_unstable();
    tags.dedup();
    assert!(tags.len() <= 256, "tag indices are u8");
    let text: String = entries.iter().map(|e| e.0).collect();
    let _ = writeln!(out, "/// The words of `assets/words.txt`, back to back.");
    let _ = writeln!(out, "static WORD_TEXT: &str = {text:?};");
    let _ = write!(
        out,
        "/// Where each entry's word ends in `WORD_TEXT`.\nstatic WORD_ENDS: [u32; {}] = [",
        entries.len()
    );
    let mut end = 0;
    for (word, _, _) in &entries {
        end += word.len();
        let _ = write!(out, "{end},");
    }
    let _ = writeln!(out, "];");
    let _ = write!(
        out,
        "/// Each entry's frequency.\nstatic FREQS: [usize; {}] = [",
        entries.len()
    );
    for (_, freq, _) in &entries {
        let _ = write!(out, "{freq},");
    }
    let _ = writeln!(out, "];");
    let _ = writeln!(
        out,
        "/// The parts of speech the entries name.\nstatic TAG_NAMES: [&str; {}] = {tags:?};",
        tags.len()
    );
    let _ = write!(
        out,
        "/// Each entry's part of speech, in `TAG_NAMES`.\nstatic TAGS: [u8; {}] = [",
        entries.len()
    );
    for (_, _, tag) in &entries {
        let _ = write!(out, "{},", tags.binary_search(tag).unwrap_or(0));
    }
    let _ = writeln!(out, "];");
    let _ = writeln!(
        out,
        "/// Entry `i` of `assets/words.txt`: word, frequency, part of speech.\n\
         fn entry(i: usize) -> (&'static str, usize, &'static str) {{\n\
         let start = if i == 0 {{ 0 }} else {{ WORD_ENDS[i - 1] as usize }};\n\
         (&WORD_TEXT[start..WORD_ENDS[i] as usize], FREQS[i], TAG_NAMES[usize::from(TAGS[i])])\n}}"
    );
    let _ = writeln!(
        out,
        "/// Indices of entries sorted by word, each word once (its first entry).\n\
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
    let mut names: Vec<&str> = tags.iter().map(|t| t.1).collect();
    names.sort_unstable();
    names.dedup();
    let _ = writeln!(
        out,
        "/// jieba's part-of-speech guesses for lone CJK characters.\nstatic GUESS_NAMES: [&str; {}] = {names:?};",
        names.len()
    );
    let _ = write!(
        out,
        "/// Each CJK character that gets a guess other than `x`, sorted.\nstatic GUESSED: [char; {}] = [",
        tags.len()
    );
    for (c, _) in &tags {
        let _ = write!(out, "{c:?},");
    }
    let _ = writeln!(out, "];");
    let _ = write!(
        out,
        "/// Its guess, in `GUESS_NAMES`.\nstatic GUESSES: [u8; {}] = [",
        tags.len()
    );
    for (_, tag) in &tags {
        let _ = write!(out, "{},", names.binary_search(tag).unwrap_or(0));
    }
    let _ = writeln!(out, "];");
}
