//! A paragraph's sentences (measures), figures (statistics) and lead.

use super::figures::figures;
use super::labels;
use super::sentences::{self, sentences};
use crate::model::{Base, Measure, Paragraph, Statistic};

/// Longest first sentence that still counts as a paragraph's lead.
const LEAD_MAX_CHARS: usize = 20;

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
    let mut previous: Option<String> = None;
    let statistics = figures(text)
        .into_iter()
        .enumerate()
        .map(|(i, f)| {
            let (quote, label) = labels::quote_and_label(&clauses, text, &f, previous.as_deref());
            previous = Some(label.clone());
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
