//! A report written flat for the models cache: a stream of little-endian u32 words (counts,
//! flags, spans) and one UTF-8 blob that every string is a span of. Text is stored once:
//! a measure, a lead, a quote or a figure's display is a span of its paragraph's text, a
//! preamble paragraph a span of the preamble, a title a span of its heading, and short
//! strings (ids, units, labels) are stored once per report however often they recur.
//! `model_decode` reads it back; the layout is the order of the calls here.

use crate::model::{Bound, Change, Paragraph, Report, Section, Statistic};
use std::collections::HashMap;

/// Strings up to this long are looked up before being added: ids, units and labels recur
/// (a figure names its measure's id; `件` appears hundreds of times in a report).
const SHORT: usize = 64;
/// Sections nest at most this deep in a model that loaded (`Report::validate` allows 32):
/// deeper is not written, and the reader refuses it too, so a crafted file cannot make
/// the decoder recurse without bound.
pub const MAX_DEPTH: usize = 40;

/// `report` as one record: the length of the words in bytes (u32), the words, the blob.
/// `None` when it cannot be written (a blob over 4 GB, sections nested deeper than
/// `MAX_DEPTH`): then the cache is not written and the files are imported next time.
pub fn encode(report: &Report) -> Option<Vec<u8>> {
    let mut e = Encoder::default();
    e.report(report)?;
    if e.overflow {
        return None;
    }
    let words = u32::try_from(e.words.len()).ok()?;
    let mut out = Vec::with_capacity(4 + e.words.len() + e.blob.len());
    out.extend_from_slice(&words.to_le_bytes());
    out.extend_from_slice(&e.words);
    out.extend_from_slice(e.blob.as_bytes());
    Some(out)
}

/// A string's place in the blob: byte offset and length.
#[derive(Clone, Copy)]
struct Span {
    at: usize,
    len: usize,
}

#[derive(Default)]
struct Encoder<'a> {
    words: Vec<u8>,
    blob: String,
    short: HashMap<&'a str, Span>,
    /// A span or count did not fit in a u32.
    overflow: bool,
}

impl<'a> Encoder<'a> {
    fn u32(&mut self, n: usize) {
        let n = u32::try_from(n).unwrap_or_else(|_| {
            self.overflow = true;
            0
        });
        self.words.extend_from_slice(&n.to_le_bytes());
    }

    fn u64(&mut self, n: u64) {
        self.words.extend_from_slice(&n.to_le_bytes());
    }

    fn flag(&mut self, b: bool) {
        self.u32(usize::from(b));
    }

    fn span(&mut self, s: Span) {
        self.u32(s.at);
        self.u32(s.len);
    }

    fn append(&mut self, s: &str) -> Span {
        let at = self.blob.len();
        self.blob.push_str(s);
        Span { at, len: s.len() }
    }

    /// Any string: a short one is stored once per report.
    fn str(&mut self, s: &'a str) -> Span {
        let span = match (s.len() <= SHORT, self.short.get(s)) {
            (true, Some(&span)) => span,
            (true, None) => {
                let span = self.append(s);
                self.short.insert(s, span);
                span
            }
            (false, _) => self.append(s),
        };
        self.span(span);
        span
    }

    /// A string that is usually part of `within` (at byte `hint` of it, if known): written
    /// as a span of it when found there, else added.
    fn part(&mut self, s: &'a str, within: Span, hint: usize) -> Span {
        let hay = self
            .blob
            .get(within.at..within.at + within.len)
            .unwrap_or("");
        let at_hint = hint.checked_add(s.len()).and_then(|end| hay.get(hint..end));
        let found = match at_hint == Some(s) {
            true => Some(hint),
            false => hay.find(s),
        };
        let span = match found {
            Some(i) => Span {
                at: within.at + i,
                len: s.len(),
            },
            None => self.append(s),
        };
        self.span(span);
        span
    }

    fn opt(&mut self, s: Option<&'a str>) {
        self.flag(s.is_some());
        if let Some(s) = s {
            self.str(s);
        }
    }

    fn report(&mut self, r: &'a Report) -> Option<()> {
        self.str(&r.title);
        self.flag(r.title_supplied);
        self.u32(r.issuers.len());
        for s in &r.issuers {
            self.str(s);
        }
        for s in [&r.date, &r.date_text, &r.addressee, &r.closing] {
            self.opt(s.as_deref());
        }
        self.str(&r.encoding);
        let preamble = self.str(&r.preamble);
        self.u32(r.intro.len());
        let mut at = 0;
        for p in &r.intro {
            // Preamble paragraphs are its lines: usually found in order.
            let span = self.paragraph(p, Some((preamble, at)));
            at = (span.at + span.len).saturating_sub(preamble.at);
        }
        self.u32(r.sections.len());
        for s in &r.sections {
            self.section(s, 1)?;
        }
        let l = &r.layout;
        self.str(&l.line_ending);
        self.flag(l.final_newline);
        self.flag(l.bom);
        self.u32(l.blank_lines.len());
        for (line, text) in &l.blank_lines {
            self.u64(*line as u64);
            self.str(text);
        }
        self.u32(l.padding.len());
        for (line, lead, trail) in &l.padding {
            self.u64(*line as u64);
            self.str(lead);
            self.str(trail);
        }
        Some(())
    }

    fn section(&mut self, s: &'a Section, depth: usize) -> Option<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.str(&s.id);
        self.str(&s.number);
        let heading = self.str(&s.heading);
        self.part(&s.title, heading, 0);
        self.flag(s.inline);
        self.u32(s.paragraphs.len());
        for p in &s.paragraphs {
            self.paragraph(p, None);
        }
        self.u32(s.subsections.len());
        for sub in &s.subsections {
            self.section(sub, depth + 1)?;
        }
        Some(())
    }

    /// A paragraph, its text added or (for the preamble's) found in `within`.
    fn paragraph(&mut self, p: &'a Paragraph, within: Option<(Span, usize)>) -> Span {
        self.str(&p.id);
        let text = match within {
            Some((span, hint)) => self.part(&p.text, span, hint),
            None => self.str(&p.text),
        };
        self.flag(p.lead.is_some());
        if let Some(lead) = &p.lead {
            self.part(lead, text, 0);
        }
        self.u32(p.measures.len());
        // The measures of a paragraph concatenate to its text.
        let mut at = 0;
        for m in &p.measures {
            self.str(&m.id);
            let span = self.part(&m.text, text, at);
            at = (span.at + span.len).saturating_sub(text.at);
        }
        self.u32(p.statistics.len());
        for s in &p.statistics {
            self.statistic(s, text);
        }
        text
    }

    fn statistic(&mut self, s: &'a Statistic, text: Span) {
        self.str(&s.id);
        self.str(&s.label);
        self.u64(s.value.to_bits());
        self.str(&s.unit);
        self.part(&s.display, text, s.offset);
        self.flag(s.approx);
        self.opt(s.qualifier.as_deref());
        self.u32(match s.bound {
            None => 0,
            Some(Bound::Approx) => 1,
            Some(Bound::Lower) => 2,
            Some(Bound::Upper) => 3,
        });
        self.flag(s.base.is_some());
        if let Some(b) = &s.base {
            self.u64(b.value.to_bits());
            self.str(&b.unit);
        }
        self.u32(match s.change {
            None => 0,
            Some(Change::Up) => 1,
            Some(Change::Down) => 2,
        });
        self.part(&s.quote, text, 0);
        self.u64(s.offset as u64);
        self.str(&s.measure);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blob_len(r: &Report) -> usize {
        let mut e = Encoder::default();
        e.report(r).unwrap();
        e.blob.len()
    }

    #[test]
    fn sentences_quotes_and_figures_are_stored_as_spans_of_their_paragraph() {
        let r = crate::embedded::report().unwrap();
        let mut bare = r.clone();
        let mut cleared = 0;
        let mut strip = |p: &mut Paragraph| {
            for m in &mut p.measures {
                cleared += m.text.len();
                m.text = Default::default();
            }
            for st in &mut p.statistics {
                st.quote = Default::default();
                st.display.clear();
            }
        };
        bare.intro.iter_mut().for_each(&mut strip);
        fn each(s: &mut Section, f: &mut dyn FnMut(&mut Paragraph)) {
            s.paragraphs.iter_mut().for_each(&mut *f);
            s.subsections.iter_mut().for_each(|s| each(s, f));
        }
        bare.sections.iter_mut().for_each(|s| each(s, &mut strip));
        // Emptied, the texts take no room; kept, they take none either: each is a span.
        assert!(cleared > 10_000, "{cleared} bytes of sentences");
        assert_eq!(blob_len(&r), blob_len(&bare));
    }
}
