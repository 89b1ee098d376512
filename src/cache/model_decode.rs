//! A report read back from its flat record (`model_encode` wrote it, in the same order).
//! Every read is checked: a span outside the blob or off a character boundary, a count
//! larger than the bytes left, an unknown tag or nesting past `MAX_DEPTH` gives `None`,
//! never a panic, so a damaged record is refused like any stale entry.

use super::model_encode::MAX_DEPTH;
use crate::model::{
    Base, Bound, Change, Layout, Measure, Paragraph, Report, Section, Shared, Statistic,
};

/// The report in `record`, or `None` if the record is not one `encode` wrote.
pub fn decode(record: &[u8]) -> Option<Report> {
    let words_len = u32::from_le_bytes(record.get(..4)?.try_into().ok()?) as usize;
    let words = record.get(4..4usize.checked_add(words_len)?)?;
    // One validation for the whole blob; each span is then checked to fall on character
    // boundaries by `str::get`.
    let blob = simdutf8::basic::from_utf8(record.get(4 + words_len..)?).ok()?;
    // Texts (paragraphs, sentences, leads, quotes) are views into one copy of the blob.
    let shared = arcstr::ArcStr::from(blob);
    let mut d = Decoder {
        words,
        at: 0,
        blob,
        shared,
    };
    let report = d.report()?;
    // Every word read: a record with bytes to spare is not one we wrote.
    (d.at == words.len()).then_some(report)
}

struct Decoder<'a> {
    words: &'a [u8],
    at: usize,
    blob: &'a str,
    shared: arcstr::ArcStr,
}

impl Decoder<'_> {
    fn u32(&mut self) -> Option<u32> {
        let bytes = self.words.get(self.at..self.at.checked_add(4)?)?;
        self.at += 4;
        Some(u32::from_le_bytes(bytes.try_into().ok()?))
    }

    fn u64(&mut self) -> Option<u64> {
        let bytes = self.words.get(self.at..self.at.checked_add(8)?)?;
        self.at += 8;
        Some(u64::from_le_bytes(bytes.try_into().ok()?))
    }

    fn flag(&mut self) -> Option<bool> {
        match self.u32()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    /// A count of things each taking at least `min_words` words (u32s): one that could not fit
    /// in what is left is refused before anything is allocated for it.
    fn count(&mut self, min_words: usize) -> Option<usize> {
        let n = self.u32()? as usize;
        let left = (self.words.len() - self.at) / 4;
        (n.checked_mul(min_words)? <= left).then_some(n)
    }

    /// A count, then that many things read by `item`, into a list allocated once at its
    /// exact size (collecting through `Option` would grow it by doubling).
    fn list<T>(
        &mut self,
        min_words: usize,
        mut item: impl FnMut(&mut Self) -> Option<T>,
    ) -> Option<Vec<T>> {
        let n = self.count(min_words)?;
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push(item(self)?);
        }
        Some(out)
    }

    /// A `String`, or a `Short` made inline without a heap allocation.
    fn str<T: for<'s> From<&'s str>>(&mut self) -> Option<T> {
        let at = self.u32()? as usize;
        let len = self.u32()? as usize;
        Some(T::from(self.blob.get(at..at.checked_add(len)?)?))
    }

    /// A text as a view into the shared copy of the blob: no allocation.
    fn text(&mut self) -> Option<Shared> {
        let at = self.u32()? as usize;
        let end = at.checked_add(self.u32()? as usize)?;
        // Checked as `str` first (in bounds, on character boundaries), so `substr`, which
        // panics otherwise, cannot.
        let text = self.blob.get(at..end)?;
        // Views hold 32-bit offsets; a record this large (none is) gets its own copy.
        match u32::try_from(end) {
            Ok(_) => Some(self.shared.substr(at..end)),
            Err(_) => Some(Shared::from(text)),
        }
    }

    fn opt<T: for<'s> From<&'s str>>(&mut self) -> Option<Option<T>> {
        match self.flag()? {
            true => self.str().map(Some),
            false => Some(None),
        }
    }

    fn usize(&mut self) -> Option<usize> {
        usize::try_from(self.u64()?).ok()
    }

    fn report(&mut self) -> Option<Report> {
        let title = self.str()?;
        let title_supplied = self.flag()?;
        let issuers = self.list(2, |d| d.str())?;
        let (date, date_text) = (self.opt()?, self.opt()?);
        let (addressee, closing) = (self.opt()?, self.opt()?);
        let encoding = self.str()?;
        let preamble = self.str()?;
        let intro = self.list(7, |d| d.paragraph())?;
        let sections = self.list(11, |d| d.section(1))?;
        let line_ending = self.str()?;
        let (final_newline, bom) = (self.flag()?, self.flag()?);
        let blank_lines = self.list(4, |d| Some((d.usize()?, d.str()?)))?;
        let padding = self.list(6, |d| Some((d.usize()?, d.str()?, d.str()?)))?;
        Some(Report {
            title,
            title_supplied,
            issuers,
            date,
            date_text,
            addressee,
            closing,
            encoding,
            preamble,
            intro,
            sections,
            layout: Layout {
                line_ending,
                final_newline,
                bom,
                blank_lines,
                padding,
            },
        })
    }

    fn section(&mut self, depth: usize) -> Option<Section> {
        if depth > MAX_DEPTH {
            return None;
        }
        let id = self.str()?;
        let number = self.str()?;
        let heading = self.str()?;
        let title = self.str()?;
        let inline = self.flag()?;
        let paragraphs = self.list(7, |d| d.paragraph())?;
        let subsections = self.list(11, |d| d.section(depth + 1))?;
        Some(Section {
            id,
            number,
            title,
            heading,
            inline,
            paragraphs,
            subsections,
        })
    }

    fn paragraph(&mut self) -> Option<Paragraph> {
        let id = self.str()?;
        let text = self.text()?;
        let lead = match self.flag()? {
            true => Some(self.text()?),
            false => None,
        };
        let measures = self.list(4, |d| {
            let id = d.str()?;
            Some(Measure {
                id,
                text: d.text()?,
            })
        })?;
        let statistics = self.list(21, |d| d.statistic())?;
        Some(Paragraph {
            id,
            text,
            lead,
            measures,
            statistics,
        })
    }

    fn statistic(&mut self) -> Option<Statistic> {
        let id = self.str()?;
        let label = self.str()?;
        let value = f64::from_bits(self.u64()?);
        let unit = self.str()?;
        let display = self.str()?;
        let approx = self.flag()?;
        let qualifier = self.opt()?;
        let bound = match self.u32()? {
            0 => None,
            1 => Some(Bound::Approx),
            2 => Some(Bound::Lower),
            3 => Some(Bound::Upper),
            _ => return None,
        };
        let base = match self.flag()? {
            true => Some(Base {
                value: f64::from_bits(self.u64()?),
                unit: self.str()?,
            }),
            false => None,
        };
        let change = match self.u32()? {
            0 => None,
            1 => Some(Change::Up),
            2 => Some(Change::Down),
            _ => return None,
        };
        Some(Statistic {
            id,
            label,
            value,
            unit,
            display,
            approx,
            qualifier,
            bound,
            base,
            change,
            quote: self.text()?,
            offset: self.usize()?,
            measure: self.str()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cache::model_encode::encode;

    #[test]
    fn a_record_reads_back_equal_and_a_damaged_one_is_refused_without_a_panic() {
        let r = crate::embedded::report().unwrap();
        let record = encode(&r).unwrap();
        assert_eq!(decode(&record), Some(r.clone()));
        // Cut anywhere: never a panic, and never the report (every word is needed).
        for len in (0..record.len()).step_by(7) {
            assert_eq!(decode(&record[..len]), None, "cut at {len}");
        }
        // Bytes changed anywhere: never a panic; what decodes is still a report.
        for at in (0..record.len()).step_by(11) {
            for bits in [0x01, 0xff] {
                let mut bad = record.clone();
                bad[at] ^= bits;
                let _ = decode(&bad);
            }
        }
        // Counts and spans far out of range.
        let mut huge = record.clone();
        huge[4..8].copy_from_slice(&u32::MAX.to_le_bytes());
        assert_eq!(decode(&huge), None);
    }

    #[test]
    fn nesting_past_the_limit_is_not_written() {
        let mut r = crate::embedded::report().unwrap();
        let mut deep = r.sections[0].clone();
        for _ in 0..MAX_DEPTH {
            let mut parent = r.sections[0].clone();
            parent.subsections = vec![deep];
            deep = parent;
        }
        r.sections = vec![deep];
        assert_eq!(encode(&r), None);
    }
}
