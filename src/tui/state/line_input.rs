//! A one-line text input (search query, table filter) with a cursor that counts cells.
//!
//! Hand-written rather than tui-input: our keymap turns keys into actions first, and
//! tui-input wants raw crossterm events (and ignores paste). The cursor is a char index;
//! `cursor_column` gives the cell column so the terminal cursor (and an IME's candidate
//! window) sits right after wide characters.

use crate::tui::wrap::width;

/// Longest line kept: the longest query searched (`search::MAX_CHARS`).
pub const MAX_CHARS: usize = crate::search::MAX_CHARS;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineInput {
    text: String,
    /// Cursor position in chars, `0..=text.chars().count()`.
    cursor: usize,
    /// The whole text is selected, as a browser's find bar shows the last query: typing
    /// replaces it, Backspace clears it, a cursor key keeps it and moves on.
    selected: bool,
}

/// One editing intent on a line input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    Insert(String),
    DeleteBack,
    DeleteForward,
    DeleteWord,
    Clear,
    Left,
    Right,
    Home,
    End,
}

impl LineInput {
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn is_selected(&self) -> bool {
        self.selected && !self.text.is_empty()
    }

    /// Select the whole text, the cursor at its end.
    pub fn select_all(&mut self) {
        self.selected = true;
        self.cursor = self.text.chars().count();
    }

    /// Replace the text (a query from the history), selected so typing replaces it too.
    pub fn set(&mut self, text: &str) {
        self.text = text.to_string();
        self.select_all();
    }

    pub fn cursor_column(&self) -> usize {
        width(&self.text[..self.byte(self.cursor)])
    }

    /// Apply an edit; returns whether the text changed (so callers re-run a search only then).
    pub fn apply(&mut self, edit: &Edit) -> bool {
        if std::mem::take(&mut self.selected) && !self.text.is_empty() {
            match edit {
                Edit::Insert(_) | Edit::DeleteBack | Edit::DeleteForward | Edit::DeleteWord => {
                    self.text.clear();
                    self.cursor = 0;
                    if let Edit::Insert(_) = edit {
                        self.apply(edit);
                    }
                    return true;
                }
                _ => {}
            }
        }
        let len = self.text.chars().count();
        match edit {
            Edit::Insert(s) => {
                // Pasted text may hold newlines and tabs; a query is one line. Characters
                // the terminal would draw at another width than we count are dropped
                // (see `sanitize`). Only what fits under `MAX_CHARS` is taken, however
                // much was pasted: a search reads no further.
                let room = MAX_CHARS.saturating_sub(len);
                let clean: String = s
                    .chars()
                    .map(|c| if c.is_whitespace() { ' ' } else { c })
                    .filter(|c| !crate::sanitize::is_unsafe(*c))
                    .take(room)
                    .collect();
                if clean.is_empty() {
                    return false;
                }
                let at = self.byte(self.cursor);
                self.text.insert_str(at, &clean);
                self.cursor += clean.chars().count();
                true
            }
            Edit::DeleteBack if self.cursor > 0 => {
                self.cursor -= 1;
                self.text.remove(self.byte(self.cursor));
                true
            }
            Edit::DeleteForward if self.cursor < len => {
                self.text.remove(self.byte(self.cursor));
                true
            }
            Edit::DeleteWord if self.cursor > 0 => {
                let chars: Vec<char> = self.text.chars().collect();
                let mut from = self.cursor;
                while from > 0 && chars[from - 1] == ' ' {
                    from -= 1;
                }
                while from > 0 && chars[from - 1] != ' ' {
                    from -= 1;
                }
                let (a, b) = (self.byte(from), self.byte(self.cursor));
                self.text.replace_range(a..b, "");
                self.cursor = from;
                true
            }
            Edit::Clear if !self.text.is_empty() => {
                self.text.clear();
                self.cursor = 0;
                true
            }
            Edit::Left => {
                self.cursor = self.cursor.saturating_sub(1);
                false
            }
            Edit::Right => {
                self.cursor = (self.cursor + 1).min(len);
                false
            }
            Edit::Home => {
                self.cursor = 0;
                false
            }
            Edit::End => {
                self.cursor = len;
                false
            }
            _ => false,
        }
    }

    fn byte(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(i, _)| i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(s: &str) -> LineInput {
        let mut input = LineInput::default();
        input.apply(&Edit::Insert(s.into()));
        input
    }

    #[test]
    fn cursor_column_counts_wide_characters_as_two_cells() {
        let mut input = typed("执法ab");
        assert_eq!(input.cursor_column(), 6);
        input.apply(&Edit::Left);
        input.apply(&Edit::Left);
        assert_eq!(input.cursor_column(), 4);
        input.apply(&Edit::Insert("记".into()));
        assert_eq!(input.text(), "执法记ab");
    }

    #[test]
    fn deleting_edits_at_the_cursor() {
        let mut input = typed("zf jly");
        assert!(input.apply(&Edit::DeleteWord));
        assert_eq!(input.text(), "zf ");
        assert!(input.apply(&Edit::DeleteBack));
        input.apply(&Edit::Home);
        assert!(input.apply(&Edit::DeleteForward));
        assert_eq!(input.text(), "f");
        assert!(!input.apply(&Edit::DeleteBack), "nothing before the cursor");
    }

    #[test]
    fn a_pasted_megabyte_is_cut_to_what_a_search_reads() {
        let mut input = typed("执法 ");
        let page = "依法行政 ".repeat(200_000);
        assert!(input.apply(&Edit::Insert(page)));
        assert_eq!(input.text().chars().count(), MAX_CHARS);
        assert!(input.text().starts_with("执法 依法行政 "));
        assert!(!input.apply(&Edit::Insert("x".into())), "full");
        let input = typed("执\u{200D}法\u{202E}\u{1b}[2J");
        assert_eq!(input.text(), "执法[2J");
        assert_eq!(input.cursor_column(), 7);
    }

    #[test]
    fn a_selected_text_is_replaced_by_typing_and_kept_by_cursor_keys() {
        let mut input = typed("flyjs");
        input.select_all();
        assert!(input.is_selected());
        assert!(input.apply(&Edit::Insert("z".into())));
        assert_eq!(input.text(), "z");
        assert!(!input.is_selected());
        input.select_all();
        assert!(input.apply(&Edit::DeleteBack));
        assert_eq!(input.text(), "");
        let mut kept = typed("执法");
        kept.select_all();
        kept.apply(&Edit::End);
        kept.apply(&Edit::Insert("记".into()));
        assert_eq!(kept.text(), "执法记");
    }

    #[test]
    fn pasted_newlines_become_spaces() {
        assert_eq!(typed("执法\n记录仪\r").text(), "执法 记录仪 ");
    }
}
