//! Reports → text for people and scripts: outlines, sections, statistics tables.
//! Shared by the CLI and the TUI's copy commands, so a pasted table matches `stats`.

pub mod compare;
mod outline;
mod table;

pub use outline::{outline_json, outline_text, show_text};
pub use table::{stat_rows, stats, StatFormat, StatRow};

/// Longest title shown for an untitled item before it is cut.
const UNTITLED_CHARS: usize = 24;

/// Text of a heading as a reader cites it: `四、公正文明执法`, `(三)加强执法保障`.
pub fn heading_label(s: &crate::model::Section) -> String {
    let title = s.display_title(UNTITLED_CHARS);
    let bare_number = s
        .number
        .chars()
        .all(|c| !c.is_ascii_punctuation() && !"()（）、．".contains(c));
    if bare_number {
        format!("{}、{title}", s.number)
    } else {
        format!("{}{title}", s.number)
    }
}
