//! From a terminal event to an action: key presses through the keymap, pasted text into
//! the line being edited, resizes, and clicks and wheel turns while the app has the mouse.

use super::action::Action;
use super::keymap;
use crate::tui::state::app::App;
use crate::tui::state::line_input;
use crossterm::event::{Event, KeyEventKind, MouseButton, MouseEventKind};

/// Translate a terminal event through the keymap. Only key presses count: some
/// terminals also report releases and repeats, which would act twice.
pub fn to_action(app: &App, event: Event) -> Option<Action> {
    match event {
        Event::Key(k) if k.kind == KeyEventKind::Press => keymap::action(app.context(), k),
        Event::Paste(text) if app.context().takes_text() => {
            Some(Action::Edit(line_input::Edit::Insert(text)))
        }
        Event::Resize(width, height) => Some(Action::Resize { width, height }),
        Event::Mouse(m) if app.mouse => {
            let (column, row) = (m.column, m.row);
            match m.kind {
                MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { column, row }),
                MouseEventKind::Drag(MouseButton::Left) => Some(Action::Drag { column, row }),
                MouseEventKind::ScrollDown => Some(Action::Wheel {
                    column,
                    row,
                    down: true,
                }),
                MouseEventKind::ScrollUp => Some(Action::Wheel {
                    column,
                    row,
                    down: false,
                }),
                _ => None,
            }
        }
        _ => None,
    }
}
