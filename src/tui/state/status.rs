//! What the status bar says for a moment, as data: `update` records what happened, and
//! the status bar puts it into words in the UI language (see `view::status_bar`).

use super::stats_table::Sort;
use crate::clipboard::Outcome;

/// A transient note; the next key clears it.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    /// `summary` went to the clipboard by the means `outcome` reports.
    Copied { summary: String, outcome: Outcome },
    /// The app now takes clicks and the wheel (`true`), or leaves them to the terminal.
    Mouse(bool),
    /// `n` / `N` with no search hits to walk.
    NoHits,
    /// The statistics table is now sorted this way.
    Sorted(Sort),
    /// This many files could not be opened; their errors are printed on exit.
    NotOpened(usize),
}

impl Status {
    /// Whether it reports a failure, which the status bar shows as an error.
    pub fn is_error(&self) -> bool {
        matches!(self, Status::Copied { outcome, .. } if outcome.osc52.is_err() && outcome.system.is_err())
            || matches!(self, Status::NotOpened(_))
    }
}
