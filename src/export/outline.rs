//! The section tree as indented text or JSON, and one section as printed.

use crate::model::{Report, Section, PREAMBLE_NAME, SIGNOFF_NAME};
use serde_json::{json, Value};

/// One node per line, indented two spaces a level; the id first so scripts can cut it.
pub fn outline_text(reports: &[Report]) -> String {
    let mut out = String::new();
    for r in reports {
        let date = r
            .date
            .as_deref()
            .map(|d| format!("  {d}"))
            .unwrap_or_default();
        out.push_str(&format!("{}{date}\n", r.title));
        if !r.preamble.is_empty() {
            out.push_str(&format!("{:<8}{PREAMBLE_NAME}\n", "intro"));
        }
        for s in &r.sections {
            section_text(s, 0, &mut out);
        }
        if !r.issuers.is_empty() || r.date_text.is_some() {
            let who = r.issuers.join("、");
            let when = r.date_text.clone().unwrap_or_default();
            let line = format!("{:<8}{SIGNOFF_NAME} {who} {when}", "signoff");
            out.push_str(line.trim_end());
            out.push('\n');
        }
    }
    out
}

fn section_text(s: &Section, depth: usize, out: &mut String) {
    let indent = "  ".repeat(depth);
    let n = s.all_statistics().count();
    let figures = if n > 0 {
        format!("  [{n}]")
    } else {
        String::new()
    };
    out.push_str(&format!("{:<8}{indent}{}{figures}\n", s.id, s.label()));
    for p in s.paragraphs.iter().filter(|p| p.lead.is_some()) {
        let lead = p.lead.as_deref().unwrap_or_default();
        out.push_str(&format!("{:<8}{indent}  - {lead}\n", p.id));
    }
    for sub in &s.subsections {
        section_text(sub, depth + 1, out);
    }
}

/// The tree as JSON: one object per report, nested sections with their leads and counts.
pub fn outline_json(reports: &[Report]) -> Value {
    let nodes: Vec<Value> = reports
        .iter()
        .map(|r| {
            json!({
                "title": r.title,
                "date": r.date,
                "issuers": r.issuers,
                "sections": r.sections.iter().map(section_json).collect::<Vec<_>>(),
            })
        })
        .collect();
    Value::Array(nodes)
}

fn section_json(s: &Section) -> Value {
    json!({
        "id": s.id,
        "number": s.number,
        "title": s.title,
        "leads": s.paragraphs.iter().filter_map(|p| p.lead.clone()).collect::<Vec<_>>(),
        "statistics": s.all_statistics().count(),
        "subsections": s.subsections.iter().map(section_json).collect::<Vec<_>>(),
    })
}

/// A section or sub-item as printed in the source, with its sub-items.
pub fn show_text(s: &Section) -> String {
    let mut lines = Vec::new();
    crate::rebuild::section_lines(s, &mut lines);
    lines.join("\n") + "\n"
}
