//! Labels that name what a figure counts, from the clause around it, cut at word
//! boundaries (jieba's segmentation, rebuilt in `segmenter.rs` and `route.rs`): the choice between the noun after a figure
//! and the noun phrase before it. The rules for each side and the word lists they use
//! are in the files beside this one; labels as data in `data.rs`.

mod before;
mod data;
mod route;
mod segmenter;
#[cfg(test)]
mod segmenter_tests;
mod words;

use super::figures::Figure;
use super::sentences::Clauses;
use crate::model::Short;
use before::noun_before;
pub use data::Labels;
pub use segmenter::{segment, Words};
use words::COMPARISONS;

/// A number as jieba leaves it: tagged `m`, or digits it does not know (full-width).
fn is_number(word: &str, tag: &str) -> bool {
    tag == "m"
        || word
            .chars()
            .all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
}
/// A word that can be (part of) the thing counted. `x` is jieba's tag for a word it does
/// not know; in these reports those are mostly the genre's own nouns.
fn noun_like(tag: &str) -> bool {
    tag.starts_with('n') || matches!(tag, "vn" | "an" | "j" | "l" | "b" | "ng" | "nz" | "i" | "x")
}

/// A word of one character (`率`).
fn one_char(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some() && chars.next().is_none()
}

/// A word of two characters or more (`办理`).
fn several_chars(w: &str) -> bool {
    w.chars().nth(1).is_some()
}

/// The words of `text` from `words`, as one string: `text[first..last]` when they are
/// consecutive slices of it (as segmenting `text` gives them), else joined.
fn joined<'a>(text: &'a str, words: &[(&'a str, &str)]) -> std::borrow::Cow<'a, str> {
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return "".into();
    };
    let len: usize = words.iter().map(|(w, _)| w.len()).sum();
    match (offset_in(text, first.0), offset_in(text, last.0)) {
        (Some(a), Some(b)) if a + len == b + last.0.len() => text[a..a + len].into(),
        _ => words.iter().map(|(w, _)| *w).collect::<String>().into(),
    }
}

/// The clause that holds a figure, and a label naming what it counts: the noun after
/// the figure when the number comes first (`1,530项政务服务事项` → 政务服务事项),
/// otherwise the noun phrase before it without verbs, enumerators, place words and
/// connectives (`全区发现违法行为35件次` → 违法行为). Cuts fall between words only.
pub fn quote_and_label<'a>(
    clauses: &Clauses<'a>,
    text: &str,
    f: &Figure,
    previous: Option<&str>,
) -> (&'a str, Short) {
    let quote = clauses.around(f.start, f.end);
    let display = &text[f.start..f.end];
    // Split at the figure itself, not at the first place its text appears: `5个工作日` is
    // also the end of `15个工作日` before it in `从15个工作日压缩至5个工作日`.
    let at = offset_in(text, quote);
    let (head, tail) = at
        .and_then(|at| {
            Some((
                quote.get(..f.start.checked_sub(at)?)?,
                quote.get(f.end - at..)?,
            ))
        })
        .or_else(|| quote.split_once(display))
        .unwrap_or((quote, ""));
    let ratio = matches!(
        f.unit.as_str(),
        "%" | "％" | "‰" | "倍" | "个百分点" | "百分点"
    );
    if !ratio {
        if let Some(noun) = noun_after(tail) {
            return (quote, noun);
        }
    } else if let Some(noun) = tail.strip_prefix('的').and_then(noun_after) {
        // A share of a group (`82%的行政执法主体`) names the group.
        return (quote, noun);
    }
    let label = noun_before(head, f.change.is_none());
    let label = match (label.is_empty() || is_comparison(&label), previous) {
        (true, Some(p)) if f.change.is_some() || is_comparison(&label) => {
            Short::from_iter([p, label.as_str()])
        }
        (true, _) if label.is_empty() => Short::new(head.trim()),
        _ => label,
    };
    (quote, label)
}

/// Where `part` starts in `text`, when it is a slice of it (as a clause of it is).
fn offset_in(text: &str, part: &str) -> Option<usize> {
    let at = (part.as_ptr() as usize).checked_sub(text.as_ptr() as usize)?;
    (at.checked_add(part.len())? <= text.len()).then_some(at)
}

fn is_comparison(label: &str) -> bool {
    if label.is_empty() {
        return false;
    }
    let mut rest = label;
    while !rest.is_empty() {
        match COMPARISONS.iter().find(|c| rest.starts_with(*c)) {
            Some(c) => rest = &rest[c.len()..],
            None => return false,
        }
    }
    true
}

/// Segment only this many characters next to a figure: a label is shorter, and the
/// segmenter's cost grows with the text it is given.
const WINDOW_CHARS: usize = 24;

/// The last (`from_end`) or first `n` characters of `text`.
fn window(text: &str, n: usize, from_end: bool) -> &str {
    if from_end {
        let at = text.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
        &text[at..]
    } else {
        let at = text.char_indices().nth(n).map_or(text.len(), |(i, _)| i);
        &text[..at]
    }
}

/// The noun phrase that opens `tail` (`政务服务事项提供…` → 政务服务事项).
fn noun_after(tail: &str) -> Option<Short> {
    if tail.is_empty() {
        return None; // No word, so no noun (the figure ends its clause, the usual case).
    }
    let tail = window(tail, WINDOW_CHARS, false);
    let words = segment(tail);
    if !words.first().is_some_and(|(_, t)| noun_like(t)) {
        return None;
    }
    let mut end = 0;
    let mut at = 0;
    let mut open = false;
    for (i, (w, t)) in words.iter().enumerate() {
        let next_noun = words.get(i + 1).is_some_and(|(_, n)| noun_like(n));
        if noun_like(t) {
            at += w.len();
            end = at;
        } else if *w == "（" && end == at && bracketed_noun(&words[i..]) {
            // A bracket inside the name stays whole (`村（社区）`).
            at += w.len();
            open = true;
        } else if *w == "）" && open {
            at += w.len();
            end = at;
            open = false;
        } else if *t == "uj" && next_noun {
            at += w.len(); // 的 inside a noun phrase
        } else {
            break;
        }
    }
    (end > 0).then(|| Short::new(&tail[..end]))
}

/// `（…）` holding only nouns, closed within the window (`（社区）`).
fn bracketed_noun(words: &[(&str, &str)]) -> bool {
    let Some(close) = words.iter().position(|(w, _)| *w == "）") else {
        return false;
    };
    close > 1 && words[1..close].iter().all(|(_, t)| noun_like(t))
}
