//! The terminal backend: crossterm's, sending no cursor move after a wide character.
//!
//! Ratatui's crossterm backend moves the cursor before every cell that does not follow
//! the last one drawn, and after a two-cell character the next cell is two on: so every
//! Chinese character cost an 8-byte `ESC[row;colH`. Measured on the search screen at
//! 120x40 (`scripts/bench-browser.py`): typing `z` wrote 16,271 bytes, 1,342 of them
//! cursor moves (12,140 bytes of escape sequences). Here the hidden second cell of a
//! wide character is drawn as nothing, in the same style, so the backend sees cells in a
//! row and writes no move; the cursor already stands there.

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};

/// A backend that draws through `inner`, eliding moves after wide characters.
pub struct Compact<B> {
    inner: B,
}

impl<B> Compact<B> {
    pub fn new(inner: B) -> Compact<B> {
        Compact { inner }
    }
}

/// Characters every terminal draws two cells wide: CJK ideographs, kana, hangul, CJK
/// punctuation and full-width forms. Others (emoji, whose width terminals disagree on)
/// keep their cursor move, so a disagreement cannot shift the rest of the line.
fn surely_wide(symbol: &str) -> bool {
    let mut chars = symbol.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return false;
    };
    matches!(c,
        '\u{1100}'..='\u{115F}'
        | '\u{2E80}'..='\u{303E}'
        | '\u{3041}'..='\u{33FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{A000}'..='\u{A4CF}'
        | '\u{AC00}'..='\u{D7A3}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FF60}'
        | '\u{FFE0}'..='\u{FFE6}'
    )
}

/// The cells to draw, with the hidden second cell of each wide character that the next
/// one follows added as an empty cell of the same style (it prints nothing).
fn compacted<'a>(content: impl Iterator<Item = (u16, u16, &'a Cell)>) -> Vec<(u16, u16, Cell)> {
    let mut out: Vec<(u16, u16, Cell)> = Vec::new();
    for (x, y, cell) in content {
        if let Some((px, py, prev)) = out.last() {
            if *py == y && px.checked_add(2) == Some(x) && surely_wide(prev.symbol()) {
                let mut blank = prev.clone();
                blank.set_symbol("");
                out.push((x - 1, y, blank));
            }
        }
        out.push((x, y, cell.clone()));
    }
    out
}

impl<B: Backend> Backend for Compact<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let cells = compacted(content);
        self.inner.draw(cells.iter().map(|(x, y, c)| (*x, *y, c)))
    }

    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::backend::CrosstermBackend;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Style};

    /// What each backend writes for the same change of screen.
    fn written(compact: bool, before: &Buffer, after: &Buffer) -> Vec<u8> {
        let mut out = Vec::new();
        let cells = before.diff(after);
        match compact {
            true => Compact::new(CrosstermBackend::new(&mut out))
                .draw(cells.into_iter())
                .unwrap(),
            false => CrosstermBackend::new(&mut out)
                .draw(cells.into_iter())
                .unwrap(),
        }
        out
    }

    #[test]
    fn wide_characters_need_no_cursor_moves() {
        let area = Rect::new(0, 0, 30, 2);
        let before = Buffer::empty(area);
        let mut after = Buffer::empty(area);
        after.set_string(0, 0, "执法记录仪、44台", Style::new());
        after.set_string(2, 1, "法律意见😀x", Style::new().fg(Color::Red));
        let plain = written(false, &before, &after);
        let compact = written(true, &before, &after);
        assert!(compact.len() < plain.len());
        let moves = |b: &[u8]| String::from_utf8_lossy(b).matches('H').count();
        // One move per row, and one after the emoji (its width is not trusted).
        assert_eq!(moves(&compact), 3, "{}", String::from_utf8_lossy(&compact));
        // The same text in the same styles, in the same order.
        let text = |b: &[u8]| {
            let s = String::from_utf8_lossy(b).into_owned();
            let re_free: String = s
                .split('\u{1b}')
                .map(|part| {
                    part.trim_start_matches(|c: char| c == '[' || c == ';' || c.is_ascii_digit())
                })
                .map(|part| part.get(1..).unwrap_or(""))
                .collect();
            re_free
        };
        assert_eq!(text(&compact), text(&plain));
    }
}
