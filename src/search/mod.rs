//! Search over loaded reports: what is searchable (`Item`), the query language (`Query`),
//! the index and its ranking (`Index`, `Hit`), and the per-keystroke `Searcher`.
//!
//! One engine for the command line and the terminal UI; it knows nothing of either.
//!
//! # What a query word matches
//! Every word of a query must match (any order, as in fzf). A word matches an item when:
//! - its characters occur contiguously in the item's text (an *exact* match);
//! - or it spells a contiguous run of the text in pinyin: each character typed as one of its
//!   readings (`xingzheng`), its first letter (`xz`), or `zh`/`ch`/`sh`, in any mix
//!   (`zhifajly`); the last character may be typed partly (`zhifaj` while typing `ji`), so
//!   a query never stops matching half-way through a syllable. Polyphones match any reading;
//!   ü is typed `v` or `u`. Also an exact match.
//! - or, failing both, its characters occur in order, scattered (SkimMatcherV2's fuzzy
//!   match). Words with a digit never match scattered: `718` spread over three figures
//!   means nothing. Words with a leading `'` match only as an exact substring.
//!
//! Case and full-width forms are folded (`Ａ`→`a`, `％`→`%`), both in the text and the query.
//!
//! # Prefixes (for the terminal UI's single input line)
//! A query starting with `#` searches statistics only, `>` measures only, `@` sections
//! (titles and paragraph leads) only. `Query::with_kind` overrides the prefix.
//!
//! # Ranking
//! Hits whose every word matched exactly come first; then by score (SkimMatcherV2's scale:
//! 16 a character, bonuses at word and figure boundaries); on ties statistics before
//! measures before sections; then document order. Results are deterministic.

pub mod corpus;
mod index;
mod matcher;
mod query;
mod scan;
mod score;
mod searcher;
mod spell;
mod symbols;

pub use index::Index;
pub use query::{Query, QueryError, MAX_CHARS, MAX_WORDS};
pub use searcher::Searcher;

use serde::Serialize;

/// What an item is. Paragraph leads count as sections: they are unnumbered headings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Section,
    Measure,
    Statistic,
}

impl Kind {
    /// Rank on score ties: statistics are the most specific answer, sections the least.
    fn tie_rank(self) -> u8 {
        match self {
            Kind::Statistic => 0,
            Kind::Measure => 1,
            Kind::Section => 2,
        }
    }

    /// The name used on the command line and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Section => "section",
            Kind::Measure => "measure",
            Kind::Statistic => "statistic",
        }
    }
}

impl std::str::FromStr for Kind {
    type Err = QueryError;

    fn from_str(s: &str) -> Result<Kind, QueryError> {
        match s {
            "section" => Ok(Kind::Section),
            "measure" => Ok(Kind::Measure),
            "statistic" => Ok(Kind::Statistic),
            other => Err(QueryError::UnknownKind(other.to_string())),
        }
    }
}

/// One searchable thing, with its place in the report, so a hit needs no model lookup.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Item {
    /// Index into the `&[Report]` the index was built from. Not in JSON: output names the
    /// report by its title instead, which a script can use.
    #[serde(skip)]
    pub report: usize,
    pub kind: Kind,
    /// Section id (`"4.3"`), paragraph id for a lead (`"3.p1"`), measure id (`"4.3.p1.m1"`)
    /// or statistic id (`"4.3.p1.s1"`).
    pub id: String,
    /// The section or sub-item that holds it (`"4.3"`; `"intro"` for the preamble).
    pub node: String,
    /// The top-level section (`"4"`; `"intro"` for the preamble).
    pub section: String,
    /// Breadcrumb of headings down to `node`, e.g. `["四、公正文明执法", "(三)加强执法保障"]`;
    /// empty for the preamble.
    pub path: std::sync::Arc<[String]>,
    /// What is shown and matched. Sections: the heading without closing punctuation
    /// (`(三)加强执法保障`); leads: the lead; measures: the sentence; statistics:
    /// `label：display（quote）`, e.g. `群众法律咨询：718人次（接受群众咨询718人次）`.
    pub text: String,
    /// For statistics: the figure's fields, flattened into JSON output. Boxed, since
    /// most items are not statistics and a corpus has hundreds of thousands of items.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub figure: Option<Box<Figure>>,
}

/// A statistic's fields, copied from the model.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Figure {
    pub label: String,
    #[serde(serialize_with = "crate::model::whole_or_decimal")]
    pub value: f64,
    pub unit: String,
    /// The figure as printed, with qualifiers (`约143.4万元`).
    pub display: String,
    pub approx: bool,
    /// The clause that holds the figure.
    pub quote: String,
}

/// One result: which item, how well it matched, and which characters to highlight.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Index into `Index::items()`.
    pub item: usize,
    pub score: i64,
    /// Every word matched contiguously (literally or in pinyin); such hits rank first.
    pub exact: bool,
    /// Char indices (not bytes, not columns) into the item's `text`, ascending.
    pub indices: Vec<usize>,
}

#[cfg(test)]
mod tests;
