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

mod build;
pub mod corpus;
mod grow;
mod image;
mod index;
mod item;
mod join;
mod letters;
mod matcher;
mod pairs;
mod parts;
mod query;
mod scan;
mod score;
mod searcher;
mod spell;
mod store;
mod symbols;
mod top;

pub use build::ReportItems;
pub use index::{Index, IndexBuilder};
pub use item::{Crumbs, Figure, Item};
pub use parts::{PartHit, Parts, PartsBuilder, Placed};
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

/// One result: which item, how well it matched, and which characters to highlight.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Index into the index's items (`Index::item`).
    pub item: usize,
    pub score: i64,
    /// Every word matched contiguously (literally or in pinyin); such hits rank first.
    pub exact: bool,
    /// Char indices (not bytes, not columns) into the item's `text`, ascending.
    pub indices: Vec<usize>,
}

#[cfg(test)]
mod search_tests;
