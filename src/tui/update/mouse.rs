//! State changes from the mouse: a click or a wheel turn acts on the pane under its cell.

use super::compare_screen::compare;
use super::help::help;
use super::navigate::{self, scroll_detail, select_row};
use super::search::{make_rows, refresh_preview, search};
use super::stats::stats;
use crate::tui::input::action::{Action, Effect};
use crate::tui::layout::{self, contains};
use crate::tui::state::app::{App, Focus, Mode};
use crate::tui::state::document::{Doc, DocLine, TargetKind};
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthChar;

pub fn click(app: &mut App, column: u16, row: u16) -> Option<Effect> {
    match app.mode {
        Mode::Browse => {
            let areas = app.browse_areas(app.focus);
            // A press on the border starts moving it; `drag` follows the mouse.
            app.dragging_border = areas.separator.is_some_and(|s| contains(s, column, row));
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
                let x = usize::from(column.saturating_sub(layout::text_area(p.content).x));
                app.focus = Focus::Detail;
                let target = target_at(&app.detail.doc, line, x);
                app.detail.cursor = target.or(app.detail.cursor);
            }
        }
        Mode::Search => {
            let area = layout::search(app.width, app.height).results;
            let f = &app.finder;
            match list_click(area, f.scroll, f.selected, f.ranked, column, row) {
                Some(ListClick::Again) => return search(app, Action::Open),
                Some(ListClick::Row(at)) => {
                    app.finder.selected = at;
                    make_rows(app);
                    refresh_preview(app);
                }
                None => {}
            }
        }
        Mode::Stats => {
            let area = layout::stats(app.width, app.height).rows;
            let t = &app.table;
            match list_click(area, t.scroll, t.selected, t.visible.len(), column, row) {
                Some(ListClick::Again) => return stats(app, Action::Open),
                Some(ListClick::Row(at)) => app.table.selected = at,
                None => {}
            }
        }
        Mode::Compare => {
            let r = layout::stats(app.width, app.height).rows;
            if contains(r, column, row) {
                let at = app.compare.scroll + usize::from(row - r.y);
                if at == app.compare.selected {
                    return compare(app, Action::Open);
                } else if at < app.compare.visible.len() {
                    app.compare.selected = at;
                }
            }
        }
        Mode::Help => {}
    }
    None
}

/// What a click on a list did: chose a row, or clicked the selected one again (which
/// opens it, as a double click would).
enum ListClick {
    Row(usize),
    Again,
}

/// A click at (`column`, `row`) on a list of `len` rows drawn in `area` from `scroll`.
fn list_click(
    area: Rect,
    scroll: usize,
    selected: usize,
    len: usize,
    column: u16,
    row: u16,
) -> Option<ListClick> {
    if !contains(area, column, row) {
        return None;
    }
    let at = scroll + usize::from(row - area.y);
    match at {
        _ if at == selected => Some(ListClick::Again),
        _ if at < len => Some(ListClick::Row(at)),
        _ => None,
    }
}

/// The target under a click: a row of the figures table, else the figure whose
/// characters hold the clicked cell, else the sentence there. A click between figures
/// takes the sentence, never a neighbour figure on the same line.
fn target_at(doc: &Doc, line: usize, x: usize) -> Option<usize> {
    let (block, range) = match doc.lines.get(line)? {
        DocLine::TableRow(t) => return Some(*t),
        DocLine::Text { block, range } => (*block, range.clone()),
        _ => return None,
    };
    let text = doc.blocks.get(block)?.text.get(range.clone())?;
    // The byte under cell `x`: walk the line's characters, counting their cells; past
    // the end of the line, its last character.
    let mut cells = 0;
    let at = text
        .char_indices()
        .find(|(_, c)| {
            cells += c.width().unwrap_or(0);
            cells > x
        })
        .map_or(range.end.saturating_sub(1), |(i, _)| range.start + i);
    let on = |k: TargetKind| {
        doc.targets
            .iter()
            .position(|t| t.what.kind == k && t.block == block && t.range.contains(&at))
    };
    on(TargetKind::Statistic).or_else(|| on(TargetKind::Measure))
}

/// The mouse moved with the button held: the border follows it if the press was on it.
pub fn drag(app: &mut App, column: u16) {
    if app.mode == Mode::Browse && app.dragging_border {
        navigate::resize_tree(app, 0, Some(column));
    }
}

pub fn wheel(app: &mut App, column: u16, row: u16, down: bool) {
    let delta = if down { 3 } else { -3 };
    match app.mode {
        Mode::Browse => {
            let areas = app.browse_areas(app.focus);
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
        Mode::Compare => {
            let _ = compare(app, if down { Action::Down } else { Action::Up });
        }
        Mode::Help => help(app, if down { Action::Down } else { Action::Up }),
    }
}
