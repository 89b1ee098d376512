//! A one-line text input (search query, table filter) with a cursor that counts cells.
//!
//! Hand-written rather than tui-input: our keymap turns keys into actions first, and
//! tui-input wants raw crossterm events (and ignores paste). The cursor is a char index;
//! `cursor_column` gives the cell column so the terminal cursor (and an IME's candidate
//! window) sits right after wide characters.

use crate::tui::wrap::width;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineInput {
    text: String,
    /// Cursor position in chars, `0..=text.chars().count()`.
    cursor: usize,
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

    pub fn cursor_column(&self) -> usize {
        width(&self.text[..self.byte(self.cursor)])
    }

    /// Apply an edit; returns whether the text changed (so callers re-run a search only then).
    pub fn apply(&mut self, edit: &Edit) -> bool {
        let len = self.text.chars().count();
        match edit {
            Edit::Insert(s) => {
                // Pasted text may hold newlines and tabs; a query is one line.
                let clean: String = s
                    .chars()
                    .map(|c| if c.is_whitespace() { ' ' } else { c })
                    .filter(|c| !c.is_control())
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
    fn pasted_newlines_become_spaces() {
        assert_eq!(typed("执法\n记录仪\r").text(), "执法 记录仪 ");
    }
}
