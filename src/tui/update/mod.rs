//! `update(&mut App, Action) -> Option<Effect>`: every state change, with no terminal.
//! This file dispatches; each screen (browse, search, stats, help) and the mouse has its
//! own file, and `navigate` holds the movement and scroll maths they share.

mod browse;
mod compare_screen;
pub mod copy_text;
mod help;
mod mouse;
pub mod navigate;
mod search;
mod stats;

use crate::tui::input::action::{Action, Effect};
use crate::tui::state::app::{App, Hits, Mode};
use crate::tui::state::status::Status;
use navigate::{jump, step, sync_detail};

/// Work finished on another thread (the comparison's rows) taken into the state, when
/// no key came within a tick; whether there is anything new to draw.
pub fn background(app: &mut App) -> bool {
    compare_screen::arrived(app)
}

pub fn update(app: &mut App, action: Action) -> Option<Effect> {
    let effect = dispatch(app, action);
    // A report met damaged in the cache (while drawing or now) is said once, here.
    if let Some(message) = app.reports.take_failures().pop() {
        app.status = Some(Status::Unreadable(message));
    }
    effect
}

fn dispatch(app: &mut App, action: Action) -> Option<Effect> {
    if !matches!(action, Action::Copied { .. } | Action::Resize { .. }) {
        app.status = None;
    }
    match action {
        Action::Quit => return Some(Effect::Quit),
        Action::Suspend => return Some(Effect::Suspend),
        Action::Resize { width, height } => {
            app.width = width;
            app.height = height;
            sync_detail(app);
            navigate::select_row(app, app.tree.selected as isize);
            clamp_all(app);
        }
        Action::Copied {
            summary,
            chars,
            outcome,
        } => {
            app.status = Some(Status::Copied {
                summary,
                chars,
                outcome,
            })
        }
        Action::Help if app.mode != Mode::Help => {
            app.help_from = app.mode;
            app.mode = Mode::Help;
            app.help_scroll = 0;
        }
        Action::ToggleMouse => {
            app.mouse = !app.mouse;
            app.status = Some(Status::Mouse(app.mouse));
            return Some(Effect::Mouse(app.mouse));
        }
        Action::Click { column, row } => return mouse::click(app, column, row),
        Action::Wheel { column, row, down } => mouse::wheel(app, column, row, down),
        Action::Drag { column, .. } => mouse::drag(app, column),
        _ => {
            return match app.mode {
                Mode::Browse => browse::browse(app, action),
                Mode::Search => search::search(app, action),
                Mode::Stats => stats::stats(app, action),
                Mode::Compare => compare_screen::compare(app, action),
                Mode::Help => {
                    help::help(app, action);
                    None
                }
            }
        }
    }
    None
}

/// Keep every selection in bounds and visible after a resize.
fn clamp_all(app: &mut App) {
    let (h, n) = (search::results_height(app), app.finder.ranked);
    step(&mut app.finder.selected, &mut app.finder.scroll, n, h, 0);
    search::make_rows(app);
    let (h, n) = (stats::rows_height(app), app.table.visible.len());
    step(&mut app.table.selected, &mut app.table.scroll, n, h, 0);
    let n = app.compare.visible.len();
    step(&mut app.compare.selected, &mut app.compare.scroll, n, h, 0);
    search::refresh_preview(app);
}

/// Remember a search's hits for `n` / `N` and go to hit `hits.at`.
pub fn go_to_hit(app: &mut App, hits: Hits) {
    let Some(to) = hits.jumps.get(hits.at).cloned() else {
        return;
    };
    app.hits = Some(hits);
    app.mode = Mode::Browse;
    jump(app, &to);
}
