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
    #[error("the query has {0} characters; at most {MAX_CHARS} are searched")]
    TooLong(usize),
    #[error("the query has {0} different words; at most {MAX_WORDS} are searched")]
    TooManyWords(usize),
}

/// Longest query searched, in characters. Every word is matched against every item, so
/// an unbounded query (a pasted page) would cost minutes and gigabytes.
pub const MAX_CHARS: usize = 256;
/// Most words in a query; a word typed twice counts once.
pub const MAX_WORDS: usize = 32;

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
    /// Longer than `MAX_CHARS` or with more than `MAX_WORDS` different words is an error
    /// that states the cap.
    pub fn parse(input: &str) -> Result<Query, QueryError> {
        let chars = input.chars().count();
        if chars > MAX_CHARS {
            return Err(QueryError::TooLong(chars));
        }
        let query = Query::words_of(input, usize::MAX);
        if query.words.is_empty() {
            return Err(QueryError::Empty);
        }
        if query.words.len() > MAX_WORDS {
            return Err(QueryError::TooManyWords(query.words.len()));
        }
        Ok(query)
    }

    /// Like `parse`, but a query with no words is fine: the `Searcher` lists every item
    /// (of the prefix's kind) for it, as fzf does for an empty query.
    /// Beyond the caps, the rest of the input is not searched: typing goes on, and a
    /// pasted page costs what a full query costs.
    pub(crate) fn lenient(input: &str) -> Query {
        let end = input
            .char_indices()
            .nth(MAX_CHARS)
            .map_or(input.len(), |(i, _)| i);
        Query::words_of(&input[..end], MAX_WORDS)
    }

    /// The words of `input`, each once (in the order first typed), at most `max` of them.
    fn words_of(input: &str, max: usize) -> Query {
        let folded: String = input.chars().map(fold).collect();
        let trimmed = folded.trim_start();
        let (kind, rest) = match trimmed.chars().next() {
            Some('#') => (Some(Kind::Statistic), &trimmed[1..]),
            Some('>') => (Some(Kind::Measure), &trimmed[1..]),
            Some('@') => (Some(Kind::Section), &trimmed[1..]),
            _ => (None, trimmed),
        };
        let mut words: Vec<Word> = Vec::new();
        for w in rest.split_whitespace() {
            let (exact, text) = match w.strip_prefix('\'') {
                Some(t) => (true, t),
                None => (false, w),
            };
            let word = Word {
                text: text.to_string(),
                exact,
            };
            if text.is_empty() || words.contains(&word) {
                continue;
            }
            if words.len() == max {
                break;
            }
            words.push(word);
        }
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
    fn queries_are_bounded_and_words_count_once() {
        let q = Query::parse("执法 执法 zf 执法 zf").unwrap();
        assert_eq!(words(&q), [("执法", false), ("zf", false)]);
        let many: String = (0..5000).map(|i| format!("w{i} ")).collect();
        assert_eq!(
            Query::parse(&many),
            Err(QueryError::TooLong(many.chars().count()))
        );
        let words33: String = (0..33).map(|i| format!("{i} ")).collect();
        let e = Query::parse(&words33).unwrap_err();
        assert_eq!(e, QueryError::TooManyWords(33));
        assert!(e.to_string().contains("at most 32"), "{e}");
        let repeated = "zf ".repeat(80);
        assert_eq!(Query::parse(&repeated).unwrap().words.len(), 1);
        // The browser searches the first words of a pasted page.
        let q = Query::lenient(&many);
        assert!(q.words.len() <= MAX_WORDS && !q.words.is_empty());
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
