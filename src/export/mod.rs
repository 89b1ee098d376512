//! Reports → text for people and scripts: outlines, sections, statistics tables.
//! Shared by the CLI and the TUI's copy commands, so a pasted table matches `stats`.

mod columns;
pub mod comparison;
mod delimited;
mod outline;
mod table;

pub use delimited::{delimited, spreadsheet_text, Separator};
pub use outline::{outline_json, outline_text, show_text};
pub use table::{stat_rows, stats, StatFormat, StatRow};
