//! Reports → text for people and scripts: outlines, sections, statistics tables.
//! Shared by the CLI and the TUI's copy commands, so a pasted table matches `stats`.

mod outline;
mod table;

pub use outline::{outline_json, outline_text, show_text};
pub use table::{stat_rows, stats, StatFormat, StatRow};

/// Text of a heading as a reader cites it: `四、公正文明执法`, `(三)加强执法保障`.
pub fn heading_label(s: &crate::model::Section) -> String {
    if s.number
        .chars()
        .all(|c| !c.is_ascii_punctuation() && !"()（）、.．".contains(c))
    {
        format!("{}、{}", s.number, s.title)
    } else {
        format!("{}{}", s.number, s.title)
    }
}
