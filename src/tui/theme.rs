//! Every style the views use. Honours `NO_COLOR`; readable on dark and light backgrounds.
//!
//! Selection and the current target use reverse video, which follows the terminal's own
//! colours, so it reads on any background and without colour. Colours are accents only
//! (green figures, red matches: both legible on black and on white), never backgrounds;
//! without colour, modifiers carry the same distinctions.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Theme {
    pub no_color: bool,
}

impl Theme {
    /// `NO_COLOR` set to any non-empty value turns colour off (no-color.org).
    pub fn from_env(no_color: Option<&std::ffi::OsStr>) -> Theme {
        Theme {
            no_color: no_color.is_some_and(|v| !v.is_empty()),
        }
    }

    fn accent(&self, color: Color, plain: Modifier) -> Style {
        match self.no_color {
            true => Style::new().add_modifier(plain),
            false => Style::new().fg(color),
        }
    }

    pub fn title_bar(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    pub fn pane_header(&self, focused: bool) -> Style {
        match focused {
            true => self
                .accent(Color::Cyan, Modifier::UNDERLINED)
                .add_modifier(Modifier::BOLD),
            false => Style::new().add_modifier(Modifier::DIM),
        }
    }

    /// The selected row of the list that has focus.
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// The selected row of a list without focus: still visible, less loud.
    pub fn selected_unfocused(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    pub fn heading(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// A figure inside the text.
    pub fn statistic(&self) -> Style {
        self.accent(Color::Green, Modifier::BOLD)
            .add_modifier(Modifier::BOLD)
    }

    /// The measure or statistic the cursor is on.
    pub fn cursor(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// Characters a search matched.
    pub fn matched(&self) -> Style {
        self.accent(Color::Red, Modifier::UNDERLINED)
            .add_modifier(Modifier::BOLD)
    }

    pub fn dim(&self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    pub fn key(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn message(&self) -> Style {
        self.accent(Color::Green, Modifier::BOLD)
            .add_modifier(Modifier::BOLD)
    }

    pub fn error(&self) -> Style {
        self.accent(Color::Red, Modifier::BOLD)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_means_no_colours_anywhere() {
        let t = Theme::from_env(Some(std::ffi::OsStr::new("1")));
        for s in [
            t.statistic(),
            t.matched(),
            t.pane_header(true),
            t.message(),
            t.error(),
        ] {
            assert_eq!((s.fg, s.bg), (None, None), "{s:?}");
        }
        assert!(!Theme::from_env(Some(std::ffi::OsStr::new(""))).no_color);
        assert!(!Theme::from_env(None).no_color);
    }
}
