//! jieba-rs 0.11's `Jieba::cut(text, false)` over the label dictionary's compile-time trie
//! (`build/label_trie.rs`): the split into blocks, the words of the dictionary from every
//! character, the most probable route through them (the same `f64` sums and tie-breaking
//! as jieba's `calc`), and the cut along it. No load step and no allocation per call: the
//! route lives in a buffer each thread keeps.

use std::cell::Cell;

use super::segmenter::{CHAR_CODES, CHAR_PAGES, LOG_TOTAL, NODES, WORD_LOG_FREQS};

/// The word id of a step the dictionary has no word for.
pub(super) const NO_WORD: u32 = u32::MAX;

/// One step of the best route through a block, as jieba's `RouteEntry`.
#[derive(Clone, Copy)]
struct Step {
    /// Log-probability of the rest of the block from this character.
    prob: f64,
    /// Index of the character after the chosen word.
    end: usize,
    /// The chosen word, `NO_WORD` for a character on its own that no word starts with.
    word: u32,
}

/// A block's characters (byte offset, code, character) and its route, kept per thread.
#[derive(Default)]
struct Scratch {
    chars: Vec<(u32, u16, char)>,
    route: Vec<Step>,
}

thread_local! {
    static SCRATCH: Cell<Scratch> = const { Cell::new(Scratch { chars: Vec::new(), route: Vec::new() }) };
}

/// A character's code in the trie, 0 for one in no word.
fn code(c: char) -> u16 {
    let c = c as usize;
    let page = usize::from(CHAR_PAGES[c >> 8]);
    CHAR_CODES[page << 8 | (c & 0xFF)]
}

/// The child of a node on `code`, both as their `NODES` entries: a double array, whose
/// children are at the node's base plus their code, and hold that code as their check.
fn child(node: u64, code: u16) -> Option<u64> {
    let entry = *NODES.get((node as u32 as usize) + usize::from(code))?;
    (code != 0 && (entry >> 32) as u16 == code).then_some(entry)
}

/// The word a node ends (its `NODES` entry), if any.
fn word_of(node: u64) -> Option<u32> {
    let word = (node >> 48) as u32;
    (word != 0).then(|| word - 1)
}

/// The id of `word` in the dictionary.
pub(super) fn lookup(word: &str) -> Option<u32> {
    let mut chars = word.chars();
    // The node of a one-character prefix is at its code; 0 (the root) is no character.
    let first = usize::from(code(chars.next()?));
    let mut node = *NODES.get(first).filter(|_| first != 0)?;
    for c in chars {
        node = child(node, code(c))?;
    }
    word_of(node)
}

/// jieba's `RE_HAN_DEFAULT` (its `is_han_default`): the characters a block of words is
/// made of; everything else is cut one character at a time.
fn is_han_default(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || matches!(c, '+' | '#' | '&' | '.' | '_' | '%' | '-')
    } else {
        super::segmenter::is_cjk(c)
    }
}

/// Calls `emit(word, id)` for the words of `text` in order, as `Jieba::cut(text, false)`
/// cuts them, with the word's id when the route chose it from the dictionary (`NO_WORD`
/// otherwise, which does not mean the word is unknown: a run of ASCII letters and digits
/// is joined without a look-up, as jieba joins it).
pub(super) fn cut<'a>(text: &'a str, mut emit: impl FnMut(&'a str, u32)) {
    let mut scratch = SCRATCH.take();
    // One pass decodes each character once: blocks of `is_han_default` characters go
    // to the route with their codes, any other character is a word of its own.
    let mut chars = text.char_indices().peekable();
    while let Some(&(start, first)) = chars.peek() {
        if is_han_default(first) {
            scratch.chars.clear();
            while let Some((i, c)) = chars.next_if(|&(_, c)| is_han_default(c)) {
                scratch.chars.push(((i - start) as u32, code(c), c));
            }
            let end = chars.peek().map_or(text.len(), |&(i, _)| i);
            cut_block(&text[start..end], &mut scratch, &mut emit);
        } else {
            chars.next();
            // `\r\n` is one word.
            let end = if first == '\r' && chars.next_if(|&(_, c)| c == '\n').is_some() {
                start + 2
            } else {
                start + first.len_utf8()
            };
            emit(&text[start..end], NO_WORD);
        }
    }
    SCRATCH.set(scratch);
}

/// The words of one block along its most probable route (jieba's `cut_route` without
/// HMM): single ASCII letters and digits the route leaves in a row are one word.
/// `s.chars` holds the block's characters.
fn cut_block<'a>(block: &'a str, s: &mut Scratch, emit: &mut impl FnMut(&'a str, u32)) {
    route(&s.chars, &mut s.route);
    let (chars, route) = (&s.chars, &s.route);
    let n = chars.len();
    let at = |k: usize| chars.get(k).map_or(block.len(), |c| c.0 as usize);
    let run_word = |x: usize, y: usize| if y - x == 1 { route[x].word } else { NO_WORD };
    let mut x = 0;
    let mut left = None;
    while x < n {
        let Step { end: y, word, .. } = route[x];
        if y - x == 1 && chars[x].2.is_ascii_alphanumeric() {
            left.get_or_insert(x);
        } else {
            if let Some(start) = left.take() {
                emit(&block[at(start)..at(x)], run_word(start, x));
            }
            emit(&block[at(x)..at(y)], word);
        }
        x = y;
    }
    if let Some(start) = left {
        emit(&block[at(start)..], run_word(start, n));
    }
}

/// jieba's `calc`: from the last character back, the step with the highest
/// log-probability (`ln(freq) - ln(total)` plus the rest's), the longest on a tie; a
/// character no word starts with is a step of its own at frequency 1. The words from
/// each character come from walking the trie, shortest first, as jieba's DAG lists them.
fn route(chars: &[(u32, u16, char)], route: &mut Vec<Step>) {
    let n = chars.len();
    let log_total = f64::from_bits(LOG_TOTAL);
    let log1 = 0.0f64 - log_total;
    route.clear();
    route.resize(
        n + 1,
        Step {
            prob: 0.0,
            end: n,
            word: NO_WORD,
        },
    );
    for idx in (0..n).rev() {
        let mut best: Option<Step> = None;
        let first = usize::from(chars[idx].1);
        // The node of a one-character prefix is at its code; code 0 starts no word.
        let mut node = (first != 0).then(|| NODES[first]);
        let mut next = idx + 1;
        while let Some(entry) = node {
            if let Some(word) = word_of(entry) {
                let log_freq = f64::from_bits(WORD_LOG_FREQS[word as usize]);
                let prob = log_freq - log_total + route[next].prob;
                let better = best.is_none_or(|b| prob > b.prob || (prob == b.prob && next > b.end));
                if better {
                    best = Some(Step {
                        prob,
                        end: next,
                        word,
                    });
                }
            }
            node = chars.get(next).and_then(|&(_, c, _)| child(entry, c));
            next += 1;
        }
        route[idx] = best.unwrap_or(Step {
            prob: log1 + route[idx + 1].prob,
            end: idx + 1,
            word: NO_WORD,
        });
    }
}
