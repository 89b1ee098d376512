//! A synthetic corpus: `n` reports made from one by renaming its place (`市桥` → `沙头`…),
//! moving its year and changing every figure, for benchmarks and for trying many reports.
//!
//! Deterministic (a fixed-seed generator), so benchmark runs compare like with like. The
//! copies keep the base report's sentences, so every hit in the base is a hit in each
//! copy: for search this is a pessimistic corpus, with far more hits than varied reports.

use crate::model::{Paragraph, Report, Section};
use std::collections::HashMap;

/// Place names swapped in for the base report's; `市桥` itself comes first.
const PLACES: [&str; 16] = [
    "市桥", "沙头", "东环", "桥南", "钟村", "大石", "洛浦", "石壁", "大龙", "沙湾", "南村", "新造",
    "化龙", "石楼", "石碁", "东涌",
];
/// Must start with 市: `text` looks for that character.
const BASE_PLACE: &str = "市桥";

/// `n` variants of `base`; the first keeps its place and year but not its figures.
pub fn generate(base: &Report, n: usize) -> Vec<Report> {
    let which: Vec<usize> = (0..n).collect();
    crate::parallel::map(&which, |_, &i| variant(base, i))
}

/// The `i`th variant: place `PLACES[i % 16]`, year moved back by `i / 16 % 10`, and each
/// distinct figure scaled by a factor in [0.5, 1.5), rounded to its printed precision.
pub fn variant(base: &Report, i: usize) -> Report {
    let base_year = base.year().unwrap_or("2020").to_string();
    let year = base_year
        .parse::<u32>()
        .map(|y| (y - (i / PLACES.len() % 10) as u32).to_string())
        .unwrap_or_else(|_| base_year.clone());
    let mut v = Variant {
        place: PLACES[i % PLACES.len()],
        base_year,
        year,
        figures: HashMap::new(),
        state: 0x5EED_0000_0000_0000 ^ i as u64,
    };
    let mut r = base.clone();
    for s in [&mut r.title, &mut r.preamble] {
        *s = v.text(s);
    }
    r.issuers = r.issuers.iter().map(|s| v.text(s)).collect();
    r.date_text = r.date_text.as_deref().map(|s| v.text(s));
    r.date = r
        .date
        .as_deref()
        .map(|d| d.replacen(&v.base_year, &v.year, 1));
    r.intro.iter_mut().for_each(|p| v.paragraph(p));
    r.sections.iter_mut().for_each(|s| v.section(s));
    r
}

struct Variant {
    place: &'static str,
    base_year: String,
    year: String,
    /// Figure as printed in the base → as printed in this variant, so a figure repeated
    /// in a paragraph, its measure and its statistic stays the same everywhere.
    figures: HashMap<String, String>,
    state: u64,
}

impl Variant {
    fn section(&mut self, s: &mut Section) {
        s.title = self.text(&s.title);
        s.heading = self.text(&s.heading);
        s.paragraphs.iter_mut().for_each(|p| self.paragraph(p));
        s.subsections.iter_mut().for_each(|s| self.section(s));
    }

    fn paragraph(&mut self, p: &mut Paragraph) {
        let before = std::mem::take(&mut p.text);
        p.text = self.text(&before).into();
        p.lead = p.lead.as_deref().map(|l| self.text(l).into());
        for m in &mut p.measures {
            m.text = self.text(&m.text).into();
        }
        for s in &mut p.statistics {
            // The text before a figure ends outside any number or name, so it maps alone.
            s.offset = before.get(..s.offset).map_or(0, |t| self.text(t).len());
            s.label = self.text(&s.label).into();
            s.display = self.text(&s.display).into();
            s.quote = self.text(&s.quote).into();
            if let Some(value) = first_number(&s.display) {
                s.value = value;
            }
        }
    }

    /// Rename the place, move the year, change figures; dates (`12月17日`) stay. One
    /// pass, since it runs on every string of 1,000 reports.
    fn text(&mut self, s: &str) -> String {
        let mut out = String::with_capacity(s.len() + 8);
        let mut rest = s;
        while let Some(start) = rest.find(|c: char| c.is_ascii_digit() || c == '市') {
            out.push_str(&rest[..start]);
            rest = &rest[start..];
            if let Some(after) = rest.strip_prefix(BASE_PLACE) {
                out.push_str(self.place);
                rest = after;
                continue;
            }
            if !rest.starts_with(|c: char| c.is_ascii_digit()) {
                out.push('市');
                rest = &rest['市'.len_utf8()..];
                continue;
            }
            let len = number_len(rest);
            let (number, after) = rest.split_at(len);
            if number == self.base_year {
                out.push_str(&self.year);
            } else if len == 4 || after.starts_with(['年', '月', '日']) {
                out.push_str(number);
            } else {
                self.figure(number, &mut out);
            }
            rest = after;
        }
        out.push_str(rest);
        out
    }

    /// Append this variant's figure for `number`, choosing it the first time.
    fn figure(&mut self, number: &str, out: &mut String) {
        if let Some(f) = self.figures.get(number) {
            out.push_str(f);
            return;
        }
        let decimals = number.split_once('.').map_or(0, |(_, d)| d.len());
        let factor = 0.5 + self.next_unit();
        let value = number.parse::<f64>().unwrap_or(0.0) * factor;
        let printed = match decimals {
            0 => format!("{}", (value.round() as u64).max(1)),
            d => format!("{value:.d$}"),
        };
        out.push_str(&printed);
        self.figures.insert(number.to_string(), printed);
    }

    /// SplitMix64, mapped to [0, 1).
    fn next_unit(&mut self) -> f64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        (z >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Length in bytes of the number at the start of `s`: digits, optionally `.` and digits.
fn number_len(s: &str) -> usize {
    let digits = |t: &str| t.bytes().take_while(u8::is_ascii_digit).count();
    let whole = digits(s);
    match s[whole..].strip_prefix('.') {
        Some(frac) if digits(frac) > 0 => whole + 1 + digits(frac),
        _ => whole,
    }
}

fn first_number(s: &str) -> Option<f64> {
    let start = s.find(|c: char| c.is_ascii_digit())?;
    let len = number_len(&s[start..]);
    s[start..start + len].parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embedded;

    #[test]
    fn variants_stay_valid_models() {
        let base = embedded::report().unwrap();
        let corpus = generate(&base, 40);
        assert_eq!(corpus.len(), 40);
        for r in &corpus {
            for (_, p) in r.all_paragraphs() {
                let joined: String = p.measures.iter().map(|m| m.text.as_str()).collect();
                assert_eq!(joined, p.text, "{}", p.id);
                for s in &p.statistics {
                    assert!(
                        p.text[s.offset..].starts_with(s.display.as_str()),
                        "{}",
                        s.id
                    );
                    assert!(s.quote.contains(s.display.as_str()), "{}", s.id);
                    assert_eq!(first_number(&s.display), Some(s.value), "{}", s.id);
                }
            }
        }
    }

    #[test]
    fn variants_differ_and_repeat() {
        let base = embedded::report().unwrap();
        let a = generate(&base, 20);
        assert_eq!(a, generate(&base, 20), "deterministic");
        assert_eq!(a[1].title, "沙头街2020年法治政府建设工作报告");
        assert_eq!(a[17].title, "沙头街2019年法治政府建设工作报告");
        assert_eq!(a[17].date.as_deref(), Some("2019-12-17"));
        assert_ne!(a[0], base, "figures change even in the first");
        assert_eq!(a[0].all_sections().len(), base.all_sections().len());
        // Dates are not figures; other years stay.
        assert!(
            a[17].preamble.contains("(2015-2019年)"),
            "{}",
            a[17].preamble
        );
        let text = &a[3].sections[3].paragraphs[0].text;
        assert!(text.contains("每年1月31日前"), "{text}");
    }

    #[test]
    fn numbers_are_read_whole() {
        assert_eq!(number_len("143.4万元"), 5);
        assert_eq!(number_len("18份。"), 2);
        assert_eq!(number_len("3.名"), 1);
        assert_eq!(first_number("约154.16万元"), Some(154.16));
    }
}
