//! Classified lines → the report's parts: title, addressee, preamble, the section tree,
//! closing line and sign-off. A text without recognised headings becomes one unnumbered
//! section, so it still opens.

use super::headings::{Line, KINDS};
use super::paragraph::{child_id, paragraph, view};
use super::sentences;
use crate::model::{Layout, Paragraph, Report, Section, Shared, Short};

/// A content line: borrowed from the decoded text unless sanitising changed it.
pub type Text<'a> = std::borrow::Cow<'a, str>;

/// Longest first sentence of a numbered item that counts as its title.
const HEADING_MAX_CHARS: usize = 40;
/// Longest line that counts as a title or an issuer line.
const TITLE_MAX_CHARS: usize = 60;
/// Longest addressee (`市人大常委会：`) or closing line (`特此报告。`).
const SALUTATION_MAX_CHARS: usize = 30;

/// `source` is the text the lines were cut from: paragraphs are views into it.
pub fn build(
    source: &Shared,
    lines: &[Text],
    kinds: Vec<Line>,
    layout: Layout,
    fallback_title: &str,
) -> Report {
    let view = |part: &str| view(source, part);
    // Levels: the numbering styles this document uses, outermost first.
    let mut used = [false; KINDS];
    for k in &kinds {
        if let Line::Heading { kind, .. } = k {
            used[usize::from(*kind)] = true;
        }
    }
    let level_of =
        |kind: u8| -> u8 { used[..=usize::from(kind)].iter().filter(|u| **u).count() as u8 };
    let first = kinds
        .iter()
        .position(|k| matches!(k, Line::Heading { kind, .. } if level_of(*kind) == 1));
    let body_start = first.unwrap_or(0);
    // Sign-off: a date line at the very end, and the short unpunctuated lines above it.
    let mut end = lines.len();
    let (mut date, mut date_text, mut issuers) = (None, None, Vec::new());
    if let Some(Line::Date(iso)) = kinds.last() {
        date = Some(iso.clone());
        date_text = lines.last().map(|l| l.to_string());
        end -= 1;
        while end > body_start + 1
            && issuers.len() < 4
            && is_issuer(&lines[end - 1], &kinds[end - 1])
        {
            end -= 1;
            issuers.insert(0, lines[end].to_string());
        }
    }
    let mut closing = None;
    if end > body_start + 1 && is_closing(&lines[end - 1]) {
        end -= 1;
        closing = Some(lines[end].to_string());
    }
    // Front matter: an optional title line, an optional addressee, then the preamble.
    let mut head = 0;
    let title = lines
        .first()
        .filter(|t| {
            head < body_start.max(usize::from(first.is_none())) && head < end && is_title(t)
        })
        .map(|t| t.to_string());
    head += usize::from(title.is_some());
    let addressee = lines
        .get(head)
        .filter(|a| head < end && is_addressee(a))
        .map(|a| a.to_string());
    head += usize::from(addressee.is_some());
    let (front, sections) = match first {
        Some(first) => (
            &lines[head.min(first)..first],
            sections(&lines[first..end], &kinds[first..end], &level_of, &view),
        ),
        None => (
            &lines[..0],
            vec![unnumbered(&lines[head.min(end)..end], &view)],
        ),
    };
    let intro: Vec<Paragraph> = front
        .iter()
        .enumerate()
        .map(|(i, t)| paragraph(child_id("intro", ".p", i + 1), view(t)))
        .collect();
    Report {
        title_supplied: title.is_none(),
        title: title.unwrap_or_else(|| fallback_title.to_string()),
        issuers,
        date,
        date_text,
        addressee,
        closing,
        encoding: "UTF-8".to_string(),
        preamble: front.join("\n"),
        intro,
        sections,
        layout,
    }
}

/// The one section of a text whose headings were not recognised: no number, no title,
/// every line a paragraph. Its empty heading is not a line of the source.
fn unnumbered(lines: &[Text], view: &dyn Fn(&str) -> Shared) -> Section {
    Section {
        id: "1".into(),
        number: Short::default(),
        title: String::new(),
        heading: String::new(),
        inline: false,
        paragraphs: lines
            .iter()
            .enumerate()
            .map(|(i, l)| paragraph(child_id("1", ".p", i + 1), view(l)))
            .collect(),
        subsections: Vec::new(),
    }
}

/// True for the report that `build` made from a text without recognised headings.
pub fn is_unnumbered(report: &Report) -> bool {
    matches!(report.sections.as_slice(), [s] if s.number.is_empty() && s.heading.is_empty())
}

/// A heading's first sentence is its title when it carries no figure and is either the
/// whole line without a full stop (`一、依法全面履行政府职能`) or short (`加大市场监管。`).
fn is_heading_sentence(first: &str) -> bool {
    let bare = sentences::strip_terminator(first);
    (bare.len() == first.trim_end().len() || bare.chars().count() <= HEADING_MAX_CHARS)
        && super::figures(first).is_empty()
}

/// A heading that ends at a colon (`（一）加强组织领导：区政府…`, `一、主要工作：`): the
/// part up to and with the colon, when short and without a figure or full stop.
fn colon_heading(rest: &str) -> Option<&str> {
    // Only a colon within the first HEADING_MAX_CHARS + 1 characters can end a heading:
    // the search stops there instead of decoding the whole of a long item's text.
    let (i, _) = rest
        .char_indices()
        .take(HEADING_MAX_CHARS + 1)
        .find(|(_, c)| matches!(c, '：' | ':'))?;
    let head = &rest[..i];
    let colon = rest[i..].chars().next()?.len_utf8();
    (head.chars().count() <= HEADING_MAX_CHARS
        && !head.is_empty()
        && !head.contains(['。', '；', ';', '！', '？', '，', ','])
        && super::figures(head).is_empty())
    .then(|| &rest[..i + colon])
}

fn is_title(line: &str) -> bool {
    line.chars().count() <= TITLE_MAX_CHARS
        && !line.ends_with(['。', '：', ':', '，', ',', '；', ';'])
}

/// `市人大常委会：`, `区委、区政府：`: a short line ending in a colon that is not the
/// preamble's `现将有关情况报告如下：`.
fn is_addressee(line: &str) -> bool {
    line.ends_with(['：', ':'])
        && line.chars().count() <= SALUTATION_MAX_CHARS
        && !line.contains(['。', '，', ',', '；', ';'])
        && !line.contains("如下")
        && !line.contains("报告")
}

/// `特此报告。`, `特此报告`, `以上报告，请审议。`.
fn is_closing(line: &str) -> bool {
    (line.starts_with("特此") || line.starts_with("以上报告"))
        && line.chars().count() <= SALUTATION_MAX_CHARS
}

fn is_issuer(line: &str, kind: &Line) -> bool {
    matches!(kind, Line::Text)
        && !is_closing(line)
        && line.chars().count() <= TITLE_MAX_CHARS / 2
        && !line.contains(['。', '，', ',', '；', ';', '：', ':', '！', '？'])
}

/// Build the section tree: a heading closes every open section of its level or deeper.
fn sections(
    lines: &[Text],
    kinds: &[Line],
    level_of: &dyn Fn(u8) -> u8,
    view: &dyn Fn(&str) -> Shared,
) -> Vec<Section> {
    let mut roots: Vec<Section> = Vec::new();
    // Open sections, outermost first, with their levels; closed into their parents.
    let mut open: Vec<(u8, Section)> = Vec::new();
    for (line, kind) in lines.iter().zip(kinds) {
        if let Line::Heading {
            kind,
            number,
            marker,
            rest,
        } = kind
        {
            let level = level_of(*kind);
            close_to(&mut open, &mut roots, level);
            let siblings = match open.last() {
                Some((_, p)) => p.subsections.len(),
                None => roots.len(),
            };
            let id = match open.last() {
                Some((_, p)) => child_id(&p.id, ".", siblings + 1),
                None => child_id("", "", siblings + 1),
            };
            open.push((level, item(id, number, marker, rest, view)));
        } else if let Some((_, s)) = open.last_mut() {
            // Date lines that are not the sign-off are ordinary text here.
            let id = child_id(&s.id, ".p", s.paragraphs.len() + 1);
            s.paragraphs.push(paragraph(id, view(line)));
        }
    }
    close_to(&mut open, &mut roots, 0);
    roots
}

/// A numbered item from its heading line: title, heading as printed, and any text that
/// continues on the line as its first paragraph.
fn item(
    id: Short,
    number: &str,
    marker: &str,
    rest: &str,
    view: &dyn Fn(&str) -> Shared,
) -> Section {
    let first = match colon_heading(rest) {
        Some(h) => h,
        None => {
            let first = sentences::first_sentence(rest);
            // An item that opens with a statement rather than a heading (`(一)本次疫情时间
            // 长,…并存。`) has no title: all its text is paragraph, so its sentences are
            // measures and its figures statistics.
            if is_heading_sentence(first) {
                first
            } else {
                ""
            }
        }
    };
    let inline_text = &rest[first.len()..];
    // `一、 标题：` reads 标题: spaces after the marker and a closing colon are layout.
    let title = sentences::strip_terminator(first)
        .trim_end_matches(['：', ':'])
        .trim();
    let mut s = Section {
        title: title.to_string(),
        heading: [marker, first].concat(),
        number: Short::new(number),
        inline: !inline_text.is_empty(),
        id,
        paragraphs: Vec::new(),
        subsections: Vec::new(),
    };
    if s.inline {
        s.paragraphs
            .push(paragraph(child_id(&s.id, ".p", 1), view(inline_text)));
    }
    s
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
