//! What the status bar says for a moment, as data: `update` records what happened, and
//! the status bar puts it into words in the UI language (see `view::status_bar`).

use super::compare_view::CompareSort;
use super::stats_table::Sort;
use crate::clipboard::Outcome;

/// What a copy put on the clipboard, as the status bar names it.
#[derive(Debug, Clone, PartialEq)]
pub enum CopySummary {
    /// A figure, a sentence or a node's text (the status bar shows its start).
    Text(String),
    /// The statistics table's visible rows, as TSV.
    TableRows(usize),
    /// The comparison screen's visible rows, as TSV.
    ComparisonRows(usize),
    /// The figures of the node at `place`, as TSV.
    Figures { place: String, rows: usize },
}

impl From<&str> for CopySummary {
    fn from(text: &str) -> CopySummary {
        CopySummary::Text(text.to_string())
    }
}

/// A transient note; the next key clears it.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    /// `summary` went to the clipboard by the means `outcome` reports.
    Copied {
        summary: CopySummary,
        /// How many characters went to the clipboard.
        chars: usize,
        outcome: Outcome,
    },
    /// The app now takes clicks and the wheel (`true`), or leaves them to the terminal.
    Mouse(bool),
    /// `n` / `N` with no search hits to walk.
    NoHits,
    /// The statistics table is now sorted this way.
    Sorted(Sort),
    /// The comparison screen is now sorted this way.
    CompareSorted(CompareSort),
    /// `c` where no figure is selected.
    NotAFigure,
    /// This many files could not be opened; their errors are printed on exit.
    NotOpened(usize),
    /// A report could not be read from a damaged cache entry (the error's words).
    Unreadable(String),
}

impl Status {
    /// Whether it reports a failure, which the status bar shows as an error.
    pub fn is_error(&self) -> bool {
        matches!(self, Status::Copied { outcome, .. } if outcome.osc52.is_err() && outcome.system.is_err())
            || matches!(self, Status::NotOpened(_) | Status::Unreadable(_))
    }
}
