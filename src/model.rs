//! The report as data: `Report` → `Section` → `Paragraph` → `Measure` / `Statistic`, serde-ready.
//!
//! Every string here is verbatim from the source (after `sanitize`), so the model can
//! rebuild its source byte for byte (see `rebuild`). Field names are a public contract:
//! scripts read them from `--json` output, so rename nothing.

use serde::{Deserialize, Serialize};

mod by_measure;
mod names;
mod outline;
mod safe_text;
pub use names::{PREAMBLE_NAME, SIGNOFF_NAME, UNTITLED_CHARS};
pub use outline::Outline;

/// Ids, units, labels and figures as printed: nearly all fit in 24 bytes, so they are kept
/// inline, without a heap allocation each (a report has thousands; allocating and freeing
/// them was a quarter of import time). Serialised as plain strings, like `String`.
pub type Short = compact_str::CompactString;

/// A paragraph's text and the sentences, lead and quotes cut from it: views into one
/// reference-counted buffer (the imported source text, or the paragraph's own when
/// sanitising changed it), so the text is stored once and a view costs no allocation.
/// Serialised as a plain string.
pub type Shared = arcstr::Substr;

/// One work report. A value type: the app holds a `Vec<Report>`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub title: String,
    /// True when the source has no title line and `title` was supplied by us.
    #[serde(default)]
    pub title_supplied: bool,
    /// Issuer lines of the sign-off, verbatim, in order.
    #[serde(default)]
    pub issuers: Vec<String>,
    /// Sign-off date as ISO `YYYY-MM-DD` (`YYYY-MM` when printed without a day), when
    /// the source has a date line.
    #[serde(default)]
    pub date: Option<String>,
    /// The date line as printed (`2020年12月17日`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_text: Option<String>,
    /// A line addressing the report before the preamble (`市人大常委会：`), verbatim.
    #[serde(default)]
    pub addressee: Option<String>,
    /// A closing line after the last section (`特此报告。`), verbatim.
    #[serde(default)]
    pub closing: Option<String>,
    /// The encoding the source was decoded from: `UTF-8`, `GBK`, `GB18030`, `UTF-16LE`,
    /// `UTF-16BE`. The model's texts are the decoded text either way.
    #[serde(default = "utf8")]
    pub encoding: String,
    /// The opening text before the first numbered section, verbatim (lines joined by `\n`).
    #[serde(default)]
    pub preamble: String,
    /// The preamble as paragraphs, so its sentences and figures are searchable like any other.
    #[serde(default)]
    pub intro: Vec<Paragraph>,
    pub sections: Vec<Section>,
    /// What the rebuild needs beyond the content: line endings, blank lines, padding.
    #[serde(default)]
    pub layout: Layout,
}

/// A numbered section (`四、`), sub-item (`(三)`) or third-level item (`1.`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// `"4"`, `"4.3"`, `"4.3.1"`.
    pub id: Short,
    /// `四` for sections; `(三)`, `（三）`, `1.`, `（1）` for lower levels, as printed.
    pub number: Short,
    /// Verbatim, without the trailing `。`. Empty when the item opens with a statement
    /// instead of a heading (`(一)本次新冠肺炎疫情时间长,…`): then all its text is paragraph.
    pub title: String,
    /// The heading as printed: number, separator, title and any closing punctuation.
    pub heading: String,
    /// True when the first paragraph continues on the heading's line (`(一)标题。正文…`).
    #[serde(default, skip_serializing_if = "is_false")]
    pub inline: bool,
    pub paragraphs: Vec<Paragraph>,
    pub subsections: Vec<Section>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    /// `"4.3.p1"`; preamble paragraphs are `"intro.p1"`.
    pub id: Short,
    pub text: Shared,
    /// A short opening sentence that acts as an unnumbered heading (`严格履行行政决策程序`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<Shared>,
    pub measures: Vec<Measure>,
    pub statistics: Vec<Statistic>,
}

/// One sentence of a paragraph. The measures of a paragraph concatenate to its text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Measure {
    /// `"4.3.p1.m2"`.
    pub id: Short,
    pub text: Shared,
}

/// One Arabic-numeral figure: a count, an amount or a ratio.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statistic {
    /// `"1.4.p1.s3"`.
    pub id: Short,
    /// A short self-contained description (`群众法律咨询`).
    pub label: Short,
    /// Written as an integer when it is one (`718`, not `718.0`), so scripts compare cleanly.
    #[serde(serialize_with = "whole_or_decimal")]
    pub value: f64,
    pub unit: Short,
    /// The figure as printed, with qualifiers (`约143.4万元`).
    pub display: Short,
    /// True for any qualifier (`约`, `余`, `以上`…): kept for scripts written before `bound`.
    pub approx: bool,
    /// The qualifier as printed (`约`, `余`, `超过`, `以上`, `不少于`, `不足`), if any.
    #[serde(default)]
    pub qualifier: Option<Short>,
    /// What the qualifier says of the true figure.
    #[serde(default)]
    pub bound: Option<Bound>,
    /// The value in the base unit (`约143.4万元` → 1434000 元), so figures of different
    /// scale compare. `None` only in models written before this field existed.
    #[serde(default)]
    pub base: Option<Base>,
    /// `up` or `down` when the figure is a change (`同比增长12.5%`), not a level.
    #[serde(default)]
    pub change: Option<Change>,
    /// The clause that contains the figure, verbatim.
    pub quote: Shared,
    /// Byte offset of `display` in the paragraph's text, for highlighting.
    pub offset: usize,
    /// Id of the measure (sentence) that holds the figure.
    pub measure: Short,
}

/// What a qualifier says of the true figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Bound {
    /// `约`, `近`, `余`, `多`: about this much.
    Approx,
    /// `以上`, `不少于`, `超过`, `逾`: at least (or more than) this much.
    Lower,
    /// `以下`, `不足`, `不超过`: at most (or less than) this much.
    Upper,
}

/// The direction of a figure that is a change (`同比增长`, `下降…个百分点`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    Up,
    Down,
}

/// A figure in its base unit: scale words folded in (`万元` → `元`, `亿元` → `元`,
/// `万件` → `件`, `万余处` → `处`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Base {
    #[serde(serialize_with = "whole_or_decimal")]
    pub value: f64,
    pub unit: Short,
}

/// Source layout: enough to rebuild the text byte for byte.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Layout {
    /// Line ending of the source (`"\n"` or `"\r\n"`).
    #[serde(default = "lf")]
    pub line_ending: String,
    #[serde(default)]
    pub final_newline: bool,
    /// The source starts with a UTF-8 byte-order mark.
    #[serde(default, skip_serializing_if = "is_false")]
    pub bom: bool,
    /// Lines (0-based) that hold only whitespace, with that whitespace.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub blank_lines: Vec<(usize, String)>,
    /// Leading and trailing whitespace of content lines (0-based), where there is any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub padding: Vec<(usize, String, String)>,
}

impl Default for Layout {
    fn default() -> Self {
        Layout {
            line_ending: lf(),
            final_newline: false,
            bom: false,
            blank_lines: Vec::new(),
            padding: Vec::new(),
        }
    }
}

fn utf8() -> String {
    "UTF-8".to_string()
}

fn lf() -> String {
    "\n".to_string()
}

/// The figure as an integer when it is whole and exact in an `f64` (below 2^53).
pub fn whole(v: f64) -> Option<i64> {
    (v.fract() == 0.0 && v.abs() < 9e15).then_some(v as i64)
}

/// Serialise a figure as an integer when it is whole.
pub fn whole_or_decimal<S: serde::Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    match whole(*v) {
        Some(n) => s.serialize_i64(n),
        None => s.serialize_f64(*v),
    }
}

/// A figure's value as people write it: `718`, `143.4`. Every place that prints a value
/// (tables, TSV, CSV, the browser) goes through here.
pub fn format_value(v: f64) -> String {
    match whole(v) {
        Some(n) => n.to_string(),
        None => v.to_string(),
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Section {
    /// Sections in document order, this one first.
    pub fn walk(&self) -> Vec<&Section> {
        let mut out = vec![self];
        for s in &self.subsections {
            out.extend(s.walk());
        }
        out
    }

    /// The id of the top-level section this one belongs to (`"4.3"` → `"4"`).
    pub fn top_id(&self) -> &str {
        self.id.split('.').next().unwrap_or(&self.id)
    }

    /// Every statistic of this section and its sub-items, in document order.
    pub fn all_statistics(&self) -> impl Iterator<Item = &Statistic> {
        self.walk()
            .into_iter()
            .flat_map(|s| s.paragraphs.iter().flat_map(|p| p.statistics.iter()))
    }
}

impl Report {
    /// Every section and sub-item in document order.
    pub fn all_sections(&self) -> Vec<&Section> {
        self.sections.iter().flat_map(|s| s.walk()).collect()
    }

    /// The section or sub-item with this id (`"4"`, `"4.3"`).
    pub fn find_section(&self, id: &str) -> Option<&Section> {
        self.all_sections().into_iter().find(|s| s.id == id)
    }

    /// The chain of sections from the top level down to `id`, for breadcrumbs.
    pub fn section_path(&self, id: &str) -> Vec<&Section> {
        let mut path = Vec::new();
        let mut level = &self.sections;
        'outer: loop {
            for s in level {
                if s.id == id || id.starts_with(&format!("{}.", s.id)) {
                    path.push(s);
                    if s.id == id {
                        break 'outer;
                    }
                    level = &s.subsections;
                    continue 'outer;
                }
            }
            break;
        }
        path
    }

    /// Every paragraph (preamble included) with the id of the node that holds it.
    pub fn all_paragraphs(&self) -> Vec<(&str, &Paragraph)> {
        let mut out: Vec<(&str, &Paragraph)> = self.intro.iter().map(|p| ("intro", p)).collect();
        for s in self.all_sections() {
            out.extend(s.paragraphs.iter().map(|p| (s.id.as_str(), p)));
        }
        out
    }

    /// Every statistic with the id of the node that holds it, in document order.
    pub fn all_statistics(&self) -> Vec<(&str, &Statistic)> {
        self.all_paragraphs()
            .into_iter()
            .flat_map(|(node, p)| p.statistics.iter().map(move |s| (node, s)))
            .collect()
    }

    /// The year the report covers, taken from its date or title.
    pub fn year(&self) -> Option<&str> {
        if let Some(d) = &self.date {
            return d.get(..4);
        }
        // By bytes: four ASCII digits start and end on character boundaries, whatever
        // surrounds them, so the slice below cannot split a character.
        let t = &self.title;
        let i = t
            .as_bytes()
            .windows(4)
            .position(|w| w.iter().all(u8::is_ascii_digit))?;
        t.get(i..i + 4)
    }
}
