//! Plain text → `Report`: any report numbered `一、` / `(一)` / `1.`, with an optional title
//! line and sign-off. Nothing is lost: whatever is not a heading stays paragraph text, and
//! `rebuild` gives the input back.

mod figures;
mod headings;
mod labels;
mod numbers;
mod sentences;
mod units;

pub use figures::{base_of, figures, Figure};
pub use headings::date_line;
pub use labels::Labels;
pub use sentences::{clause_around, sentences};

use crate::error::{Error, Result};
use crate::model::{Base, Layout, Measure, Paragraph, Report, Section, Statistic};
use crate::sanitize::sanitize;
use headings::{classify, Line};

/// Longest first sentence that still counts as a paragraph's lead.
const LEAD_MAX_CHARS: usize = 20;
/// Longest first sentence of a numbered item that counts as its title.
const HEADING_MAX_CHARS: usize = 40;
/// Longest line that counts as a title or an issuer line.
const TITLE_MAX_CHARS: usize = 60;

/// Import raw bytes: checks UTF-8 (reporting the offset of the first bad byte).
pub fn import_bytes(bytes: &[u8], fallback_title: &str) -> Result<Report> {
    let text = std::str::from_utf8(bytes).map_err(|e| Error::not_utf8(bytes, e))?;
    import(text, fallback_title)
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
    let mut raw: Vec<&str> = body.split('\n').collect();
    let final_newline = body.ends_with('\n');
    if final_newline {
        raw.pop();
    }
    // CRLF when every line break is `\r\n`; otherwise any `\r` stays in the padding.
    let broken = if final_newline {
        &raw[..]
    } else {
        &raw[..raw.len() - 1]
    };
    let crlf = !broken.is_empty()
        && broken.iter().all(|l| l.ends_with('\r'))
        && (final_newline || !raw.last().is_some_and(|l| l.ends_with('\r')));
    let mut layout = Layout {
        line_ending: if crlf { "\r\n" } else { "\n" }.to_string(),
        final_newline,
        bom,
        ..Layout::default()
    };
    // Content lines, trimmed and sanitised; padding and blank lines go to the layout.
    let mut lines: Vec<String> = Vec::new();
    for (n, l) in raw.iter().enumerate() {
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
        lines.push(sanitize(content));
    }
    build(lines, layout, fallback_title)
}

fn build(lines: Vec<String>, layout: Layout, fallback_title: &str) -> Result<Report> {
    let kinds: Vec<Line> = lines.iter().map(|l| classify(l)).collect();
    let first = kinds
        .iter()
        .position(|k| matches!(k, Line::Heading { level: 1, .. }))
        .ok_or(Error::NoSections)?;
    // Sign-off: a date line at the very end, and the short unpunctuated lines above it.
    let mut end = lines.len();
    let (mut date, mut date_text, mut issuers) = (None, None, Vec::new());
    if let Some(Line::Date(iso)) = kinds.last() {
        date = Some(iso.clone());
        date_text = lines.last().cloned();
        end -= 1;
        while end > first + 1 && issuers.len() < 4 && is_issuer(&lines[end - 1], &kinds[end - 1]) {
            end -= 1;
            issuers.insert(0, lines[end].clone());
        }
    }
    // Front matter: an optional title line, then the preamble.
    let mut front = &lines[..first];
    let mut title = None;
    if let Some(t) = front.first() {
        if is_title(t) {
            title = Some(t.clone());
            front = &front[1..];
        }
    }
    let intro: Vec<Paragraph> = front
        .iter()
        .enumerate()
        .map(|(i, t)| paragraph(format!("intro.p{}", i + 1), t))
        .collect();
    let sections = sections(&lines[first..end], &kinds[first..end]);
    Ok(Report {
        title_supplied: title.is_none(),
        title: title.unwrap_or_else(|| fallback_title.to_string()),
        issuers,
        date,
        date_text,
        addressee: None,
        closing: None,
        encoding: "UTF-8".to_string(),
        preamble: front.join("\n"),
        intro,
        sections,
        layout,
    })
}

/// A heading's first sentence is its title when it carries no figure and is either the
/// whole line without a full stop (`一、依法全面履行政府职能`) or short (`加大市场监管。`).
fn is_heading_sentence(first: &str) -> bool {
    let bare = sentences::strip_terminator(first);
    figures(first).is_empty()
        && (bare.len() == first.trim_end().len() || bare.chars().count() <= HEADING_MAX_CHARS)
}

fn is_title(line: &str) -> bool {
    line.chars().count() <= TITLE_MAX_CHARS
        && !line.ends_with(['。', '：', ':', '，', ',', '；', ';'])
}

fn is_issuer(line: &str, kind: &Line) -> bool {
    matches!(kind, Line::Text)
        && line.chars().count() <= TITLE_MAX_CHARS / 2
        && !line.contains(['。', '，', ',', '；', ';', '：', ':', '！', '？'])
}

/// Build the section tree: a heading closes every open section of its level or deeper.
fn sections(lines: &[String], kinds: &[Line]) -> Vec<Section> {
    let mut roots: Vec<Section> = Vec::new();
    // Open sections, outermost first, with their levels; closed into their parents.
    let mut open: Vec<(u8, Section)> = Vec::new();
    for (line, kind) in lines.iter().zip(kinds) {
        if let Line::Heading {
            level,
            number,
            marker,
            rest,
        } = kind
        {
            close_to(&mut open, &mut roots, *level);
            let siblings = match open.last() {
                Some((_, p)) => p.subsections.len(),
                None => roots.len(),
            };
            let id = match open.last() {
                Some((_, p)) => format!("{}.{}", p.id, siblings + 1),
                None => (siblings + 1).to_string(),
            };
            let first = sentences(rest).into_iter().next().unwrap_or("");
            // An item that opens with a statement rather than a heading (`(一)本次疫情时间长,
            // …并存。`) has no title: all its text is paragraph, so its sentences are
            // measures and its figures statistics.
            let first = if is_heading_sentence(first) {
                first
            } else {
                ""
            };
            let inline_text = &rest[first.len()..];
            let mut s = Section {
                title: sentences::strip_terminator(first).to_string(),
                heading: format!("{marker}{first}"),
                number: number.clone(),
                inline: !inline_text.is_empty(),
                id,
                paragraphs: Vec::new(),
                subsections: Vec::new(),
            };
            if s.inline {
                s.paragraphs
                    .push(paragraph(format!("{}.p1", s.id), inline_text));
            }
            open.push((*level, s));
        } else if let Some((_, s)) = open.last_mut() {
            // Date lines that are not the sign-off are ordinary text here.
            let id = format!("{}.p{}", s.id, s.paragraphs.len() + 1);
            s.paragraphs.push(paragraph(id, line));
        }
    }
    close_to(&mut open, &mut roots, 0);
    roots
}

fn close_to(open: &mut Vec<(u8, Section)>, roots: &mut Vec<Section>, level: u8) {
    while open.last().is_some_and(|(l, _)| *l >= level) {
        let Some((_, s)) = open.pop() else { break };
        match open.last_mut() {
            Some((_, parent)) => parent.subsections.push(s),
            None => roots.push(s),
        }
    }
}

/// A paragraph with its sentences as measures and its figures as statistics.
pub fn paragraph(id: String, text: &str) -> Paragraph {
    let mut measures = Vec::new();
    let mut bounds = Vec::new();
    let mut at = 0;
    for (i, s) in sentences(text).into_iter().enumerate() {
        measures.push(Measure {
            id: format!("{id}.m{}", i + 1),
            text: s.to_string(),
        });
        bounds.push(at + s.len());
        at += s.len();
    }
    let clauses = sentences::Clauses::new(text);
    let statistics = figures(text)
        .into_iter()
        .enumerate()
        .map(|(i, f)| {
            let (quote, label) = labels::quote_and_label(&clauses, text, &f);
            // Sentence ends ascend: the first past the figure's start holds it.
            let m = bounds.partition_point(|b| *b <= f.start);
            Statistic {
                id: format!("{id}.s{}", i + 1),
                label,
                value: f.value,
                unit: f.unit.clone(),
                display: text[f.start..f.end].to_string(),
                approx: f.approx(),
                qualifier: f.qualifier.map(str::to_string),
                bound: f.bound,
                base: Some(Base {
                    value: f.base_value,
                    unit: f.base_unit.clone(),
                }),
                change: f.change,
                quote,
                offset: f.start,
                measure: measures.get(m).map(|m| m.id.clone()).unwrap_or_default(),
            }
        })
        .collect();
    let lead = match measures.as_slice() {
        [first, _, ..] => {
            let t = sentences::strip_terminator(&first.text);
            // A lead reads as a heading: short, one clause closed by a full stop (not the
            // `；` of an enumeration such as 一是…；二是…), no figure of its own.
            (t.chars().count() <= LEAD_MAX_CHARS
                && first
                    .text
                    .trim_end()
                    .ends_with(['。', '.', '！', '!', '？', '?'])
                && figures(t).is_empty()
                && t.len() < first.text.trim_end().len()
                && !t.contains(['，', ',', '；', ';', '：', ':']))
            .then(|| t.to_string())
        }
        _ => None,
    };
    Paragraph {
        id,
        text: text.to_string(),
        lead,
        measures,
        statistics,
    }
}
