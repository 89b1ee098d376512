//! The status bar: a transient message (what was copied and how) or the current keys,
//! taken from the keymap, and on the right whether the mouse is left to the terminal.

use super::two_sided;
use crate::tui::input::keymap;
use crate::tui::state::app::App;
use crate::tui::wrap::width;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Paragraph;
use ratatui::Frame;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let t = &app.theme;
    let left: Vec<Span> = match &app.message {
        Some(m) => vec![Span::styled(format!(" {m}"), t.message())],
        None => {
            // Whole hints only: a hint cut in half reads as a different key.
            let mut spans = Vec::new();
            let mut used = 0;
            for (key, label) in keymap::hints(app.context(), app.lang) {
                let (key, label) = (format!(" {key}"), format!(" {label} "));
                used += width(&key) + width(&label);
                if used > usize::from(area.width) {
                    break;
                }
                spans.extend([Span::styled(key, t.key()), Span::raw(label)]);
            }
            spans
        }
    };
    let right = match app.mouse {
        true => vec![],
        false => vec![Span::styled(
            app.lang.pick("鼠标: 终端 ", "mouse: terminal "),
            t.dim(),
        )],
    };
    let line = two_sided(left, right, usize::from(area.width));
    frame.render_widget(Paragraph::new(line), area);
}
