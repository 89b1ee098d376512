//! Build script part: the label dictionary's words as a character trie in flat arrays,
//! walked in place by `src/import/labels/route.rs` (no load step, no pointers for the
//! loader to relocate).
//!
//! Characters are numbered 1.. in code point order (`code`), through a two-level table
//! of 256-character pages. The nodes are a double array: one step is an addition and a
//! compare, where a binary search among a node's children was most of a window's time
//! (a node such as `全` has hundreds). The root is at position 0 and the one-character
//! prefix of code `k` at position `k`, so the first step of a walk is free.

use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Writes the trie of `words` (each once); a node ending word `i` holds `i + 1`.
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

    // A double array: the child of the node at position `p` on code `c` is at
    // `base(p) + c` when the check there is `c`. Bases are distinct, so a position's code
    // names its parent; a leaf's base is past the end. The root is at 0 with base 0, so
    // the node of a one-character prefix is at its code.
    let mut pos = vec![0usize; children.len()];
    let mut base = vec![0usize; children.len()];
    let mut check: Vec<usize> = vec![0; chars.len() + 1];
    let mut used_bases = std::collections::HashSet::from([0usize]);
    let mut first_free = chars.len() + 1;
    let mut queue: std::collections::VecDeque<usize> = (1..=chars.len()).collect();
    for k in 1..=chars.len() {
        pos[k] = k;
        check[k] = k;
    }
    while let Some(node) = queue.pop_front() {
        let codes: Vec<usize> = children[node].keys().copied().collect();
        let Some(&lowest) = codes.first() else {
            continue;
        };
        let mut b = first_free.saturating_sub(lowest).max(1);
        while used_bases.contains(&b)
            || codes
                .iter()
                .any(|&c| check.get(b + c).is_some_and(|&k| k != 0))
        {
            b += 1;
        }
        used_bases.insert(b);
        base[node] = b;
        for (&c, &child) in &children[node] {
            if check.len() <= b + c {
                check.resize(b + c + 1, 0);
            }
            check[b + c] = c;
            pos[child] = b + c;
            queue.push_back(child);
        }
        while check.get(first_free).is_some_and(|&k| k != 0) {
            first_free += 1;
        }
    }
    let size = check.len();
    let mut node_base = vec![size; size];
    let mut node_word = vec![0; size];
    for node in 0..children.len() {
        if !children[node].is_empty() {
            node_base[pos[node]] = base[node];
        }
        node_word[pos[node]] = word_at[node];
    }

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
    // One `u64` a position, so a step reads one word: base (bits 0-31), check (32-47),
    // word plus one (48-63).
    let nodes: Vec<usize> = (0..size)
        .map(|p| node_base[p] | check[p] << 32 | node_word[p] << 48)
        .collect();
    array(
        out,
        "The double array: each position's base (bits 0-31: its children are at base + \
         code; past the end for a leaf), check (32-47: the code that leads there, 0 for a \
         free position) and word plus one (48-63: the word it ends, 0 for none).",
        "NODES",
        "u64",
        &nodes,
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
