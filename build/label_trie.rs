//! Build script part: the label dictionary's words as a character trie in flat arrays,
//! walked in place by `src/import/labels/route.rs` (no load step, no pointers for the
//! loader to relocate).
//!
//! Characters are numbered 1.. in code point order (`code`), through a two-level table
//! of 256-character pages. Node 0 is the root; node `k` for `k` in 1..=codes is the
//! one-character prefix of code `k`, so the first step of a walk is free. Deeper nodes are
//! numbered breadth first, so a node's children are consecutive: `NODE_FIRST[n] ..
//! NODE_FIRST[n + 1]`, sorted by `NODE_CODE` for a binary search.

use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Writes the trie of `words` (each once); a node ending word `i` holds `i + 1` in
/// `NODE_WORD`.
pub fn write(out: &mut String, words: &[&str]) {
    let mut chars: Vec<char> = words.iter().flat_map(|w| w.chars()).collect();
    chars.sort_unstable();
    chars.dedup();
    assert!(chars.len() < usize::from(u16::MAX), "codes are u16");
    assert!(words.len() < usize::from(u16::MAX), "word numbers are u16");
    let code = |c: char| chars.binary_search(&c).map_or(0, |k| k + 1);

    // The trie with provisional node numbers: the root, then every character as a child of
    // the root (so that renumbering gives node `k` to code `k`), then the longer prefixes.
    let mut children: Vec<BTreeMap<usize, usize>> = vec![BTreeMap::new()];
    let mut word_at: Vec<usize> = vec![0];
    for k in 1..=chars.len() {
        children[0].insert(k, k);
        children.push(BTreeMap::new());
        word_at.push(0);
    }
    for (i, word) in words.iter().enumerate() {
        let mut node = 0;
        for c in word.chars() {
            let next = children.len();
            node = *children[node].entry(code(c)).or_insert(next);
            if node == next {
                children.push(BTreeMap::new());
                word_at.push(0);
            }
        }
        assert!(node != 0, "no empty words");
        word_at[node] = i + 1;
    }

    // Breadth first: a node's children get consecutive numbers, in code order.
    let mut order = vec![0];
    let mut first = Vec::with_capacity(children.len() + 1);
    let mut node_code = vec![0usize];
    let mut k = 0;
    while k < order.len() {
        first.push(order.len());
        for (&c, &child) in &children[order[k]] {
            order.push(child);
            node_code.push(c);
        }
        k += 1;
    }
    first.push(order.len());
    assert!(order[1..=chars.len()].iter().copied().eq(1..=chars.len()));

    let mut pages: Vec<usize> = chars.iter().map(|&c| c as usize >> 8).collect();
    pages.dedup();
    let mut page_of = vec![0usize; 0x11_0000 >> 8];
    let mut codes = vec![0usize; 256 * (pages.len() + 1)];
    for (k, &p) in pages.iter().enumerate() {
        page_of[p] = k + 1;
    }
    for &c in &chars {
        codes[page_of[c as usize >> 8] * 256 + (c as usize & 0xFF)] = code(c);
    }

    array(
        out,
        "Each 256-character page's block in `CHAR_CODES` (0: none of them is in a word).",
        "CHAR_PAGES",
        "u16",
        &page_of,
    );
    array(
        out,
        "Each character's code, 0 for one in no word of the dictionary.",
        "CHAR_CODES",
        "u16",
        &codes,
    );
    array(
        out,
        "Where each node's children start; the next node's start ends them.",
        "NODE_FIRST",
        "u32",
        &first,
    );
    array(
        out,
        "The code of each node's last character.",
        "NODE_CODE",
        "u16",
        &node_code,
    );
    let node_word: Vec<usize> = order.iter().map(|&n| word_at[n]).collect();
    array(
        out,
        "The word each node ends, plus one (0: none).",
        "NODE_WORD",
        "u16",
        &node_word,
    );
}

/// `static NAME: [TYPE; N] = [...];` with a doc line.
pub fn array(out: &mut String, doc: &str, name: &str, ty: &str, values: &[usize]) {
    let _ = write!(
        out,
        "/// {doc}\npub(super) static {name}: [{ty}; {}] = [",
        values.len()
    );
    for v in values {
        let _ = write!(out, "{v},");
    }
    let _ = writeln!(out, "];");
}
