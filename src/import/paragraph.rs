//! A paragraph's sentences (measures), figures (statistics) and lead.

use super::figures::figures;
use super::labels;
use super::sentences;
use crate::model::{Base, Measure, Paragraph, Shared, Short, Statistic};

/// Longest first sentence that still counts as a paragraph's lead.
const LEAD_MAX_CHARS: usize = 20;

/// A paragraph with its sentences as measures and its figures as statistics.
/// `text` is a view into the imported source (or a buffer of its own): its sentences, lead
/// and quotes are views into the same buffer.
pub fn paragraph(id: Short, shared: Shared) -> Paragraph {
    let text: &str = &shared;
    let found = figures(text);
    // Sentences are contiguous and cover the text: each span ends where the next starts.
    // Clauses (the figures' quotes) are cut in the same pass, and only for a paragraph
    // with figures: most have none.
    let (spans, clause_spans) = sentences::sentence_and_clause_spans(text, !found.is_empty());
    let clauses = &sentences::Clauses::from_pieces(text, clause_spans);
    let measures: Vec<Measure> = spans
        .iter()
        .enumerate()
        .map(|(i, &(a, b))| Measure {
            id: child_id(&id, ".m", i + 1),
            text: shared.substr(a..b),
        })
        .collect();
    let mut statistics: Vec<Statistic> = Vec::with_capacity(found.len());
    for (i, f) in found.into_iter().enumerate() {
        let previous = statistics.last().map(|s| s.label.as_str());
        let (quote, label) = labels::quote_and_label(clauses, text, &f, previous);
        // Sentence ends ascend: the first past the figure's start holds it.
        let m = spans.partition_point(|&(_, end)| end <= f.start);
        statistics.push(Statistic {
            id: child_id(&id, ".s", i + 1),
            label,
            value: f.value,
            display: Short::new(&text[f.start..f.end]),
            approx: f.approx(),
            qualifier: f.qualifier.map(Short::const_new),
            bound: f.bound,
            base: Some(Base {
                value: f.base_value,
                unit: f.base_unit,
            }),
            change: f.change,
            quote: view(&shared, quote),
            offset: f.start,
            measure: measures.get(m).map(|m| m.id.clone()).unwrap_or_default(),
            unit: f.unit,
        });
    }
    let lead = match measures.as_slice() {
        [first, _, ..] => {
            let t = sentences::strip_terminator(&first.text);
            // A lead reads as a heading: short, one clause closed by a full stop (not the
            // `；` of an enumeration such as 一是…；二是…), no figure of its own.
            (t.chars().nth(LEAD_MAX_CHARS).is_none()
                && first
                    .text
                    .trim_end()
                    .ends_with(['。', '.', '！', '!', '？', '?'])
                && figures(t).is_empty()
                && t.len() < first.text.trim_end().len()
                && !t.contains(['，', ',', '；', ';', '：', ':']))
            .then(|| view(&shared, t))
        }
        _ => None,
    };
    Paragraph {
        id,
        lead,
        text: shared,
        measures,
        statistics,
    }
}

/// `part` as a view into `text` when it is a slice of it (as lines, clauses and sentences
/// are), else (a line that sanitising changed) in a buffer of its own.
pub(super) fn view(text: &Shared, part: &str) -> Shared {
    text.try_substr_from(part)
        .unwrap_or_else(|| Shared::from(part))
}

/// `{parent}{sep}{n}` (`4.2.p3`, `4.2.p3.m1`): ids are made for every paragraph, measure
/// and statistic. Written into a stack buffer and copied once: `format!` grew a heap string
/// twice, and pushing piece by piece into a `Short` checks its layout at every push.
pub(super) fn child_id(parent: &str, sep: &str, n: usize) -> Short {
    let mut digits = [0u8; 20];
    let mut k = digits.len();
    let mut rest = n;
    loop {
        k -= 1;
        digits[k] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let digits = &digits[k..];
    let len = parent.len() + sep.len() + digits.len();
    let mut buf = [0u8; 64];
    let Some(out) = buf.get_mut(..len) else {
        // An id this long is nested past any real report; still exact, on the heap.
        let digits = std::str::from_utf8(digits).unwrap_or_default();
        return Short::from_iter([parent, sep, digits]);
    };
    out[..parent.len()].copy_from_slice(parent.as_bytes());
    out[parent.len()..parent.len() + sep.len()].copy_from_slice(sep.as_bytes());
    out[parent.len() + sep.len()..].copy_from_slice(digits);
    // SAFETY: `out` is a whole `str` (parent), another (separator) and ASCII digits, one
    // after another: valid UTF-8. Checking it again was a third of this function, which
    // runs for every paragraph, sentence and figure (6% of an import, callgrind).
    debug_assert!(std::str::from_utf8(out).is_ok());
    Short::new(unsafe { std::str::from_utf8_unchecked(out) })
}

#[cfg(test)]
mod tests {
    #[test]
    fn child_ids_read_as_format_wrote_them() {
        for n in [0, 1, 9, 10, 99, 100, 12_345, usize::MAX] {
            assert_eq!(super::child_id("4.2.p3", ".m", n), format!("4.2.p3.m{n}"));
        }
        assert_eq!(super::child_id("", "", 7), "7");
        // Past the stack buffer: the same id, made on the heap.
        let deep = "1.".repeat(40);
        assert_eq!(super::child_id(&deep, ".p", 12), format!("{deep}.p12"));
    }
}
