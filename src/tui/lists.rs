//! State changes of the list screens (search results, statistics table, help) and of the
//! mouse, which has to know which pane sits under a cell.

use super::action::{Action, Effect};
use super::app::{App, DocView, Focus, Mode};
use super::document::{Doc, DocLine, TargetKind};
use super::finder::{Found, FoundKind, Jump};
use super::layout::{self, contains};
use super::navigate::{self, keep_visible, place_target, scroll_detail, select_row};
use super::update::go_to_hit;

/// Move a list selection by `delta` within `len` rows shown `height` at a time.
fn step(selected: &mut usize, scroll: &mut usize, len: usize, height: usize, delta: isize) {
    let last = len.saturating_sub(1) as isize;
    *selected = (*selected as isize + delta).clamp(0, last.max(0)) as usize;
    *scroll = keep_visible(*selected, *scroll, height, len);
}

fn results_height(app: &App) -> usize {
    usize::from(layout::search(app.width, app.height).results.height)
}

fn rows_height(app: &App) -> usize {
    usize::from(layout::stats(app.width, app.height).rows.height)
}

/// Keep every selection in bounds and visible after a resize.
pub fn clamp_all(app: &mut App) {
    let (h, n) = (results_height(app), app.finder.found.len());
    step(&mut app.finder.selected, &mut app.finder.scroll, n, h, 0);
    let (h, n) = (rows_height(app), app.table.visible.len());
    step(&mut app.table.selected, &mut app.table.scroll, n, h, 0);
    refresh_preview(app);
}

/// Re-run the query and show the best hit in the preview.
pub fn refresh_search(app: &mut App) {
    app.finder.refresh(app.backend.as_mut());
    refresh_preview(app);
}

fn refresh_preview(app: &mut App) {
    // Kept to reuse its layout: while typing, the best hit often stays in the same node,
    // and laying out a node again per keystroke stalls on a huge paragraph.
    let previous = app.preview.take();
    let Some(area) = layout::search(app.width, app.height).preview else {
        return;
    };
    let Some(found) = app.finder.found.get(app.finder.selected) else {
        return;
    };
    let to = Jump::to(&app.reports, found);
    let text = layout::text_area(area.content);
    let width = usize::from(text.width.max(1));
    let doc = match previous {
        Some(view) if view.doc.key == to.key && view.doc.width == width => view.doc,
        _ => Doc::build(&app.reports, &to.key, width),
    };
    let cursor = to.target.as_ref().and_then(|t| doc.find(t));
    let mut view = DocView {
        doc,
        scroll: 0,
        cursor,
    };
    place_target(&mut view, usize::from(text.height));
    app.preview = Some(view);
}

pub fn search(app: &mut App, action: Action) -> Option<Effect> {
    let (n, h) = (app.finder.found.len(), results_height(app));
    let f = &mut app.finder;
    match action {
        Action::Edit(e) => {
            if f.input.apply(&e) {
                refresh_search(app);
            }
            return None;
        }
        Action::Down => step(&mut f.selected, &mut f.scroll, n, h, 1),
        Action::Up => step(&mut f.selected, &mut f.scroll, n, h, -1),
        Action::PageDown => step(&mut f.selected, &mut f.scroll, n, h, h.max(1) as isize),
        Action::PageUp => step(&mut f.selected, &mut f.scroll, n, h, -(h.max(1) as isize)),
        Action::Open => {
            let jumps: Vec<Jump> = f.found.iter().map(|x| Jump::to(&app.reports, x)).collect();
            let at = f.selected;
            go_to_hit(app, jumps, at);
            return None;
        }
        Action::Back => app.mode = Mode::Browse,
        _ => return None,
    }
    refresh_preview(app);
    None
}

pub fn stats(app: &mut App, action: Action) -> Option<Effect> {
    let (n, h) = (app.table.visible.len(), rows_height(app));
    let t = &mut app.table;
    match action {
        Action::Edit(e) if t.filter.apply(&e) => {
            t.refresh();
            step(&mut t.selected, &mut t.scroll, t.visible.len(), h, 0);
        }
        Action::Down => step(&mut t.selected, &mut t.scroll, n, h, 1),
        Action::Up => step(&mut t.selected, &mut t.scroll, n, h, -1),
        Action::Top => step(&mut t.selected, &mut t.scroll, n, h, isize::MIN / 2),
        Action::Bottom => step(&mut t.selected, &mut t.scroll, n, h, isize::MAX / 2),
        Action::PageDown => step(&mut t.selected, &mut t.scroll, n, h, h.max(1) as isize),
        Action::PageUp => step(&mut t.selected, &mut t.scroll, n, h, -(h.max(1) as isize)),
        Action::Filter => t.editing = true,
        Action::KeepFilter => t.editing = false,
        Action::Back if t.editing => {
            t.editing = false;
            if t.filter.apply(&super::input::Edit::Clear) {
                t.refresh();
                step(&mut t.selected, &mut t.scroll, t.visible.len(), h, 0);
            }
        }
        Action::Back => app.mode = Mode::Browse,
        Action::Sort => {
            t.sort = t.sort.next();
            t.refresh();
            step(&mut t.selected, &mut t.scroll, t.visible.len(), h, 0);
            app.message = Some(t.sort.label(app.lang).to_string());
        }
        Action::Open => {
            let row = t.selected_row()?;
            let found = Found {
                report: row.report,
                kind: FoundKind::Statistic,
                id: row.id.clone(),
                node: row.node.clone(),
                text: String::new(),
                indices: Vec::new(),
            };
            let to = Jump::to(&app.reports, &found);
            app.mode = Mode::Browse;
            navigate::jump(app, &to);
        }
        Action::Copy => {
            let row = t.selected_row()?;
            return Some(Effect::Copy {
                text: row.display.clone(),
                summary: row.display.clone(),
            });
        }
        Action::CopyCited => {
            let summary = format!(
                "{} {} {}",
                app.lang.pick("统计表", "table,"),
                t.visible.len(),
                app.lang.pick("行 TSV", "rows TSV")
            );
            return Some(Effect::Copy {
                text: t.tsv(&app.reports, app.lang),
                summary,
            });
        }
        _ => {}
    }
    None
}

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
    let max = super::view::help_pane::line_count(app).saturating_sub(page as usize);
    app.help_scroll = (app.help_scroll as isize + delta).clamp(0, max as isize) as usize;
}

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
