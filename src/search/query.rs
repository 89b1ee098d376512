//! The query language: words (AND, any order), a leading `'` for exact, and a kind prefix.

use super::symbols::fold;
use super::Kind;
use thiserror::Error;

/// Why a query cannot be searched; the messages are for the user.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum QueryError {
    #[error("the query is empty: type a word, pinyin or a figure")]
    Empty,
    #[error("unknown kind {0:?}: use section, measure or statistic")]
    UnknownKind(String),
}

/// A parsed query. Words are folded (see `symbols::fold`) once, here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    pub(crate) words: Vec<Word>,
    pub(crate) kind: Option<Kind>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Word {
    pub(crate) text: String,
    /// Typed with a leading `'`: only an exact substring matches.
    pub(crate) exact: bool,
}

impl Query {
    /// Parse what the user typed. `#` first restricts to statistics, `>` to measures, `@`
    /// to sections; words are separated by any whitespace (also the ideographic space).
    pub fn parse(input: &str) -> Result<Query, QueryError> {
        let query = Query::lenient(input);
        if query.words.is_empty() {
            return Err(QueryError::Empty);
        }
        Ok(query)
    }

    /// Like `parse`, but a query with no words is fine: the `Searcher` lists every item
    /// (of the prefix's kind) for it, as fzf does for an empty query.
    pub(crate) fn lenient(input: &str) -> Query {
        let folded: String = input.chars().map(fold).collect();
        let trimmed = folded.trim_start();
        let (kind, rest) = match trimmed.chars().next() {
            Some('#') => (Some(Kind::Statistic), &trimmed[1..]),
            Some('>') => (Some(Kind::Measure), &trimmed[1..]),
            Some('@') => (Some(Kind::Section), &trimmed[1..]),
            _ => (None, trimmed),
        };
        let words = rest
            .split_whitespace()
            .filter_map(|w| {
                let (exact, text) = match w.strip_prefix('\'') {
                    Some(t) => (true, t),
                    None => (false, w),
                };
                (!text.is_empty()).then(|| Word {
                    text: text.to_string(),
                    exact,
                })
            })
            .collect();
        Query { words, kind }
    }

    /// Restrict to one kind (`Some`) or to none (`None`), whatever the prefix said.
    pub fn with_kind(mut self, kind: Option<Kind>) -> Query {
        self.kind = kind;
        self
    }

    /// The kind the query is restricted to, if any.
    pub fn kind(&self) -> Option<Kind> {
        self.kind
    }

    /// True when every item matching `self` also matches `earlier`, so `self` can be
    /// searched among `earlier`'s hits alone: same kind or narrower, and each earlier word
    /// grown by typing at its end (every way a word matches survives shortening it).
    pub(crate) fn refines(&self, earlier: &Query) -> bool {
        (earlier.kind.is_none() || earlier.kind == self.kind)
            && self.words.len() >= earlier.words.len()
            && earlier
                .words
                .iter()
                .zip(&self.words)
                .all(|(e, n)| e.exact == n.exact && n.text.starts_with(&e.text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(q: &Query) -> Vec<(&str, bool)> {
        q.words.iter().map(|w| (w.text.as_str(), w.exact)).collect()
    }

    #[test]
    fn words_prefixes_and_exact() {
        let q = Query::parse("  法律  'Ｉ意见　718 ").unwrap();
        assert_eq!(
            words(&q),
            [("法律", false), ("i意见", true), ("718", false)]
        );
        assert_eq!(q.kind(), None);
        assert_eq!(Query::parse("#718").unwrap().kind(), Some(Kind::Statistic));
        assert_eq!(Query::parse("＃718").unwrap().kind(), Some(Kind::Statistic));
        assert_eq!(Query::parse(">执法").unwrap().kind(), Some(Kind::Measure));
        assert_eq!(Query::parse("@执法").unwrap().kind(), Some(Kind::Section));
        let overridden = Query::parse("#718").unwrap().with_kind(Some(Kind::Measure));
        assert_eq!(overridden.kind(), Some(Kind::Measure));
    }

    #[test]
    fn empty_queries_are_errors() {
        for input in ["", "   ", "#", "' '", "@ "] {
            assert_eq!(Query::parse(input), Err(QueryError::Empty), "{input:?}");
        }
        assert_eq!(Query::lenient("#").kind(), Some(Kind::Statistic));
    }

    #[test]
    fn kinds_parse_by_name() {
        assert_eq!("measure".parse::<Kind>(), Ok(Kind::Measure));
        assert_eq!(
            "figure".parse::<Kind>(),
            Err(QueryError::UnknownKind("figure".into()))
        );
    }

    #[test]
    fn refinement_is_growth_at_word_ends() {
        let q = |s| Query::lenient(s);
        assert!(q("zhif").refines(&q("zhi")));
        assert!(q("法律 意见").refines(&q("法律")));
        assert!(q("法律 意").refines(&q("法律 ")));
        assert!(q("#7").refines(&q("7")));
        assert!(q("#7").refines(&q("#")));
        assert!(!q("7").refines(&q("#7")));
        assert!(!q("#7").refines(&q(">7")));
        assert!(!q("zhf").refines(&q("zhi")));
        assert!(!q("'法律").refines(&q("法")));
        assert!(!q("律").refines(&q("法 律")));
    }
}
