//! Model → the exact source text. The proof that the model lost nothing.

use crate::model::{Report, Section};

/// The text the report was imported from, byte for byte (for sanitised text, the
/// sanitised form).
pub fn rebuild(report: &Report) -> String {
    let mut content: Vec<String> = Vec::new();
    if !report.title_supplied {
        content.push(report.title.clone());
    }
    content.extend(report.addressee.iter().cloned());
    content.extend(report.intro.iter().map(|p| p.text.to_string()));
    for s in &report.sections {
        section_lines(s, &mut content);
    }
    content.extend(report.closing.iter().cloned());
    content.extend(report.issuers.iter().cloned());
    content.extend(report.date_text.iter().cloned());

    let layout = &report.layout;
    let total = content.len() + layout.blank_lines.len();
    let mut blanks = layout.blank_lines.iter().peekable();
    let mut padding = layout.padding.iter().peekable();
    let mut content = content.into_iter();
    let mut lines = Vec::with_capacity(total);
    for n in 0..total {
        if let Some((_, text)) = blanks.next_if(|(line, _)| *line == n) {
            lines.push(text.clone());
            continue;
        }
        let text = content.next().unwrap_or_default();
        match padding.next_if(|(line, _, _)| *line == n) {
            Some((_, lead, trail)) => lines.push(format!("{lead}{text}{trail}")),
            None => lines.push(text),
        }
    }
    let mut out = String::new();
    if layout.bom {
        out.push('\u{FEFF}');
    }
    out.push_str(&lines.join(&layout.line_ending));
    if layout.final_newline {
        out.push_str(&layout.line_ending);
    }
    out
}

/// The lines of a section as printed: heading (with any inline paragraph), paragraphs,
/// then sub-items.
pub fn section_lines(s: &Section, out: &mut Vec<String>) {
    let mut paragraphs = s.paragraphs.iter();
    let mut heading = s.heading.clone();
    if s.inline {
        if let Some(p) = paragraphs.next() {
            heading.push_str(&p.text);
        }
    }
    // The one section of a text without recognised headings has no heading line.
    if !(heading.is_empty() && s.number.is_empty()) {
        out.push(heading);
    }
    out.extend(paragraphs.map(|p| p.text.to_string()));
    for sub in &s.subsections {
        section_lines(sub, out);
    }
}
