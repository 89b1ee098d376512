//! Plain text → `Report`: reports numbered `第一部分` / `一、` / `（一）` / `1.` / `（1）` in
//! any mix, with an optional title, addressee, closing line and sign-off; UTF-8, GBK or
//! UTF-16. Nothing is lost: whatever is not a heading stays paragraph text, and `rebuild`
//! gives the (decoded) input back.

mod affix;
mod decode;
mod figures;
mod headings;
mod labels;
mod numbers;
mod paragraph;
mod sentences;
mod structure;
mod units;

pub use decode::decode;
pub use figures::{base_of, figures, Figure};
pub use headings::date_line;
pub use labels::{segment, Labels, Words};
pub use paragraph::paragraph;
pub use sentences::{clause_around, sentences};
pub use structure::is_unnumbered;

use crate::error::{Error, Result};
use crate::model::{Layout, Report};
use crate::sanitize::sanitize_cow;

/// The warning for a text whose headings were not recognised (it opens as one section).
pub const UNNUMBERED_WARNING: &str =
    "no numbered headings (第一部分, 一、, （一）, 1.) recognised: opened as one section";

/// Import raw bytes: UTF-8, or GBK/GB18030 or UTF-16 with a byte-order mark, recorded in
/// the model's `encoding`. Other bytes are an error naming the first bad byte.
pub fn import_bytes(bytes: &[u8], fallback_title: &str) -> Result<Report> {
    let (text, encoding) = decode(bytes)?;
    let mut report = import(&text, fallback_title)?;
    report.encoding = encoding.to_string();
    Ok(report)
}

/// Import a report. `fallback_title` is used (and marked supplied) when there is no title line.
pub fn import(text: &str, fallback_title: &str) -> Result<Report> {
    let (bom, body) = match text.strip_prefix('\u{FEFF}') {
        Some(b) => (true, b),
        None => (false, text),
    };
    if body.trim().is_empty() {
        return Err(Error::Empty);
    }
    // The text in one shared buffer, copied once: the model's paragraphs, sentences and
    // quotes are views into it instead of a heap string each. Views hold 32-bit offsets
    // (files are refused past `load::MAX_FILE_BYTES` long before).
    if u32::try_from(body.len()).is_err() {
        let size = body.len() as u64;
        return Err(Error::TooLarge {
            size,
            limit: u64::from(u32::MAX),
        });
    }
    let source = crate::model::Shared::from(body);
    let body: &str = &source;
    // CRLF when every line break is `\r\n`; otherwise any `\r` stays in the padding. A
    // text without `\r` (one memchr) is not read line by line for it.
    let final_newline = body.ends_with('\n');
    // A final line feed ends the last line: the empty piece after it is no line.
    let lines_text = body.strip_suffix('\n').unwrap_or(body);
    let crlf = memchr::memchr(b'\r', body.as_bytes()).is_some() && {
        let (mut breaks, mut every_cr, mut last) = (0usize, true, "");
        for (k, piece) in body.split('\n').enumerate() {
            every_cr &= k == 0 || last.ends_with('\r');
            (breaks, last) = (k, piece);
        }
        breaks > 0 && every_cr && (final_newline || !last.ends_with('\r'))
    };
    let raw = lines_of(lines_text);
    // One check of the whole text (nearly always clean) instead of one per line; a text
    // with anything to clean (a `\r` of CRLF counts) is checked line by line.
    let clean = !crate::sanitize::has_unsafe(lines_text);
    let mut layout = Layout {
        line_ending: if crlf { "\r\n" } else { "\n" }.to_string(),
        final_newline,
        bom,
        ..Layout::default()
    };
    // Content lines, trimmed and sanitised; padding and blank lines go to the layout.
    let mut lines: Vec<structure::Text> = Vec::new();
    for (n, l) in raw.enumerate() {
        let l = match l.strip_suffix('\r') {
            Some(stripped) if crlf => stripped,
            _ => l,
        };
        let content = l.trim();
        if content.is_empty() {
            layout.blank_lines.push((n, l.to_string()));
            continue;
        }
        let lead_len = l.len() - l.trim_start().len();
        let (lead, trail) = (&l[..lead_len], &l[lead_len + content.len()..]);
        if !lead.is_empty() || !trail.is_empty() {
            layout.padding.push((n, lead.into(), trail.into()));
        }
        lines.push(match clean {
            true => std::borrow::Cow::Borrowed(content),
            false => sanitize_cow(content),
        });
    }
    let kinds = lines.iter().map(|l| headings::classify(l)).collect();
    let report = structure::build(&source, &lines, kinds, layout, fallback_title);
    Ok(report)
}

/// The pieces of `text` between line feeds, as `text.split('\n')` gives them, found by
/// the memchr crate's SIMD search: std's byte search was 4% of an import (callgrind).
fn lines_of(text: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]);
    ends.map(move |end| {
        // A line feed is ASCII: both ends fall on character boundaries.
        let line = text.get(start..end).unwrap_or_default();
        start = end + 1;
        line
    })
}

#[cfg(test)]
mod lines_tests {
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn lines_are_the_pieces_split_gives(text in "[a\n\r法。 ]{0,40}") {
            let ours: Vec<&str> = super::lines_of(&text).collect();
            let split: Vec<&str> = text.split('\n').collect();
            prop_assert_eq!(ours, split);
        }
    }
}
