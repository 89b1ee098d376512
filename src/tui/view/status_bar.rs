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
        // As much of the note as fits: the copied text comes last, so only it is cut.
        Some(m) => vec![Span::styled(
            crate::tui::wrap::truncate(&format!(" {m}"), usize::from(area.width)),
            t.message(),
        )],
        None => {
            // Whole hints only: a hint cut in half reads as a different key.
            let cost = |key: &str, label: &str| width(key) + width(label) + 3;
            keymap::fitting_hints(app.context(), app.lang, usize::from(area.width), cost)
                .into_iter()
                .flat_map(|(key, label)| {
                    [
                        Span::styled(format!(" {key}"), t.key()),
                        Span::raw(format!(" {label} ")),
                    ]
                })
                .collect()
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
