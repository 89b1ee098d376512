//! Ambiguous-width characters in the text (“ ” — in the reports) for terminals that draw
//! them two cells wide, as terminals set up for East Asian width do.
//!
//! ratatui counts them as one cell, so in such a terminal every one of them pushes the rest
//! of its line a cell to the right and layouts break. We ask the terminal at start-up how
//! wide it draws `“`; if two, the finished frame gets each ambiguous character replaced by
//! a one-cell look-alike. Only the screen changes: copying and search see the real text.

use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthChar;

/// One cell in ratatui's count, two in an East Asian terminal.
pub fn is_ambiguous(c: char) -> bool {
    c.width() == Some(1) && c.width_cjk() == Some(2)
}

/// A look-alike that is one cell in every terminal.
pub fn narrow(c: char) -> char {
    match c {
        '“' | '”' | '″' => '"',
        '‘' | '’' | '′' => '\'',
        '—' | '–' | '―' | '─' | '━' => '-',
        '…' | '·' | '•' | '∙' => '.',
        '│' | '┃' => '|',
        '×' => 'x',
        // The comparison screen's charts (Sparkline bars).
        '▁' | '▂' | '▃' => '_',
        '▄' | '▅' | '▆' => '=',
        '▇' | '█' => '#',
        _ => '?',
    }
}

/// Replace every ambiguous character in the frame (run after drawing, before flushing).
pub fn narrow_buffer(buf: &mut Buffer) {
    for cell in &mut buf.content {
        let mut chars = cell.symbol().chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            if is_ambiguous(c) {
                cell.set_char(narrow(c));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_dashes_are_ambiguous_and_get_narrow_stand_ins() {
        for c in ['“', '”', '—', '…', '·'] {
            assert!(is_ambiguous(c), "{c}");
            assert!(!is_ambiguous(narrow(c)), "{c}");
        }
        for c in ['中', 'a', '，', '›'] {
            assert!(!is_ambiguous(c), "{c}");
        }
    }

    #[test]
    fn a_frame_loses_its_ambiguous_characters_and_keeps_the_rest() {
        let mut buf = Buffer::with_lines(["落实“五个百分百”——好"]);
        narrow_buffer(&mut buf);
        let text: String = buf.content.iter().map(|c| c.symbol()).collect();
        assert!(
            text.starts_with("落 实 \"五 个 百 分 百 \"--好"),
            "{text:?}"
        );
    }
}
