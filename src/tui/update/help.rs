//! State changes of the help screen: scrolling, and closing back to where it was opened.

use crate::tui::input::action::Action;
use crate::tui::input::keymap;
use crate::tui::layout;
use crate::tui::state::app::App;

pub fn help(app: &mut App, action: Action) {
    let page = usize::from(layout::screen(app.width, app.height).body.height).max(1) as isize;
    let delta = match action {
        Action::Down => 1,
        Action::Up => -1,
        Action::PageDown => page,
        Action::PageUp => -page,
        Action::Back | Action::Help => {
            app.mode = app.help_from;
            return;
        }
        _ => 0,
    };
    let max = keymap::help_lines().len().saturating_sub(page as usize);
    app.help_scroll = (app.help_scroll as isize + delta).clamp(0, max as isize) as usize;
}
