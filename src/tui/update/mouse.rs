//! State changes from the mouse: a click or a wheel turn acts on the pane under its cell.

use super::help::help;
use super::navigate::{self, scroll_detail, select_row};
use super::search::{refresh_preview, search};
use super::stats::stats;
use crate::tui::input::action::{Action, Effect};
use crate::tui::layout::{self, contains};
use crate::tui::state::app::{App, Focus, Mode};
use crate::tui::state::document::{DocLine, TargetKind};

pub fn click(app: &mut App, column: u16, row: u16) -> Option<Effect> {
    match app.mode {
        Mode::Browse => {
            let areas = layout::browse(app.width, app.height, app.focus);
            if let Some(p) = areas.tree.filter(|p| contains(p.content, column, row)) {
                let at = app.tree.scroll + usize::from(row - p.content.y);
                let r = app.tree.rows.get(at)?.clone();
                app.focus = Focus::Tree;
                if at == app.tree.selected && r.expandable {
                    navigate::set_expanded(app, &r.key, !r.expanded);
                } else {
                    select_row(app, at as isize);
                }
            } else if let Some(p) = areas.detail.filter(|p| contains(p.content, column, row)) {
                let line = app.detail.scroll + usize::from(row - p.content.y);
                app.focus = Focus::Detail;
                let target = match app.detail.doc.lines.get(line) {
                    Some(DocLine::TableRow(t)) => Some(*t),
                    _ => {
                        // Prefer a figure on the clicked line over the sentence around it.
                        let on = |k: TargetKind| {
                            app.detail
                                .doc
                                .targets
                                .iter()
                                .rposition(|t| t.what.kind == k && t.lines.contains(&line))
                        };
                        on(TargetKind::Statistic).or_else(|| on(TargetKind::Measure))
                    }
                };
                app.detail.cursor = target.or(app.detail.cursor);
            }
        }
        Mode::Search => {
            let r = layout::search(app.width, app.height).results;
            if contains(r, column, row) {
                let at = app.finder.scroll + usize::from(row - r.y);
                if at == app.finder.selected {
                    return search(app, Action::Open);
                } else if at < app.finder.found.len() {
                    app.finder.selected = at;
                    refresh_preview(app);
                }
            }
        }
        Mode::Stats => {
            let r = layout::stats(app.width, app.height).rows;
            if contains(r, column, row) {
                let at = app.table.scroll + usize::from(row - r.y);
                if at == app.table.selected {
                    return stats(app, Action::Open);
                } else if at < app.table.visible.len() {
                    app.table.selected = at;
                }
            }
        }
        Mode::Help => {}
    }
    None
}

pub fn wheel(app: &mut App, column: u16, row: u16, down: bool) {
    let delta = if down { 3 } else { -3 };
    match app.mode {
        Mode::Browse => {
            let areas = layout::browse(app.width, app.height, app.focus);
            if areas
                .detail
                .is_some_and(|p| contains(p.content, column, row))
            {
                scroll_detail(app, delta);
            } else if areas.tree.is_some_and(|p| contains(p.content, column, row)) {
                let max = app
                    .tree
                    .rows
                    .len()
                    .saturating_sub(navigate::tree_height(app));
                app.tree.scroll =
                    (app.tree.scroll as isize + delta).clamp(0, max as isize) as usize;
            }
        }
        Mode::Search => {
            let _ = search(app, if down { Action::Down } else { Action::Up });
        }
        Mode::Stats => {
            let _ = stats(app, if down { Action::Down } else { Action::Up });
        }
        Mode::Help => help(app, if down { Action::Down } else { Action::Up }),
    }
}
