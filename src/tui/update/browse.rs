//! State changes of the browse screen: the tree and the detail pane, `n` / `N` through the
//! last search's hits, and copying what is selected.

use super::copy_text;
use super::navigate::{self, jump, scroll_detail, select_row, step_cursor};
use super::search::refresh_search;
use crate::tui::input::action::{Action, Effect};
use crate::tui::state::app::{App, Focus, Mode};
use crate::tui::state::document::TargetKind;
use crate::tui::state::status::{CopySummary, Status};

pub fn browse(app: &mut App, action: Action) -> Option<Effect> {
    let tree = app.focus == Focus::Tree;
    let sel = app.tree.selected as isize;
    let page = match tree {
        true => navigate::tree_height(app),
        false => navigate::detail_height(app),
    }
    .max(1) as isize;
    match action {
        Action::Down if tree => select_row(app, sel + 1),
        Action::Up if tree => select_row(app, sel - 1),
        Action::Down => step_cursor(app, 1),
        Action::Up => step_cursor(app, -1),
        Action::Top if tree => select_row(app, 0),
        Action::Bottom if tree => select_row(app, isize::MAX),
        Action::Top => step_cursor(app, isize::MIN / 2),
        Action::Bottom => step_cursor(app, isize::MAX / 2),
        Action::PageDown | Action::HalfPageDown | Action::PageUp | Action::HalfPageUp => {
            let half = matches!(action, Action::HalfPageDown | Action::HalfPageUp);
            let up = matches!(action, Action::PageUp | Action::HalfPageUp);
            let step = if half { (page / 2).max(1) } else { page };
            let step = if up { -step } else { step };
            match tree {
                true => select_row(app, sel + step),
                false => scroll_detail(app, step),
            }
        }
        Action::Left if tree => {
            let row = app.tree.rows.get(app.tree.selected).cloned()?;
            if row.expanded {
                navigate::set_expanded(app, &row.key, false);
            } else {
                let parent = app.tree.rows[..app.tree.selected]
                    .iter()
                    .rposition(|r| r.depth + 1 == row.depth);
                if let Some(p) = parent {
                    select_row(app, p as isize);
                }
            }
        }
        Action::Right if tree => {
            let row = app.tree.rows.get(app.tree.selected).cloned()?;
            if row.expandable && !row.expanded {
                navigate::set_expanded(app, &row.key, true);
            } else if row.expanded {
                select_row(app, sel + 1);
            }
        }
        Action::Left | Action::Back if !tree => app.focus = Focus::Tree,
        Action::Open | Action::SwitchFocus if tree => {
            app.focus = Focus::Detail;
            if app.detail.cursor.is_none() && !app.detail.doc.targets.is_empty() {
                scroll_detail(app, 0);
                let first = app
                    .detail
                    .doc
                    .targets
                    .iter()
                    .position(|t| t.lines.start >= app.detail.scroll);
                app.detail.cursor = first.or(Some(0));
            }
        }
        Action::SwitchFocus => app.focus = Focus::Tree,
        Action::Back => app.hits = None,
        Action::Search => {
            app.mode = Mode::Search;
            app.finder.open();
            refresh_search(app);
        }
        Action::Statistics => open_table(app),
        Action::Compare => super::compare_screen::open_all(app, None),
        Action::CompareFigure => compare_figure(app),
        Action::WiderTree => navigate::resize_tree(app, 4, None),
        Action::NarrowerTree => navigate::resize_tree(app, -4, None),
        Action::CopyFigures => {
            app.ensure_table();
            let key = app.tree.selected_key()?;
            let text = app.table.node_tsv(&app.reports, app.lang, key);
            let summary = CopySummary::Figures {
                place: crate::tui::state::tree::place(&app.reports, key, app.lang),
                rows: text.lines().count().saturating_sub(1),
            };
            return Some(Effect::Copy { text, summary });
        }
        Action::NextHit | Action::PrevHit => step_hit(app, action == Action::NextHit),
        Action::Copy | Action::CopyCited => return copy(app, action == Action::CopyCited),
        _ => {}
    }
    None
}

/// `c` in the detail pane on a figure: its indicator across the reports.
fn compare_figure(app: &mut App) {
    let target = match app.focus {
        Focus::Detail => app
            .detail
            .cursor
            .and_then(|c| app.detail.doc.targets.get(c)),
        Focus::Tree => None,
    };
    match target.filter(|t| t.what.kind == TargetKind::Statistic) {
        Some(t) => {
            let (report, id) = (app.detail.doc.key.report(), t.what.id.clone());
            super::compare_screen::open_figure(app, report, &id);
        }
        None => app.status = Some(Status::NotAFigure),
    }
}

/// The table opens on the selected node's figures, at the figure under the cursor.
fn open_table(app: &mut App) {
    app.ensure_table();
    let Some(key) = app.tree.selected_key().cloned() else {
        return;
    };
    let at = match app.focus {
        Focus::Detail => app
            .detail
            .cursor
            .and_then(|c| app.detail.doc.targets.get(c))
            .filter(|t| t.what.kind == TargetKind::Statistic)
            .map(|t| t.what.id.clone()),
        Focus::Tree => None,
    };
    app.table.open_on(&key, at.as_deref());
    let h = super::stats::rows_height(app);
    let t = &mut app.table;
    navigate::step(&mut t.selected, &mut t.scroll, t.visible.len(), h, 0);
    app.mode = Mode::Stats;
}

fn step_hit(app: &mut App, forward: bool) {
    let Some(hits) = app.hits.as_mut().filter(|h| !h.jumps.is_empty()) else {
        app.status = Some(Status::NoHits);
        return;
    };
    let n = hits.jumps.len();
    hits.at = if forward {
        (hits.at + 1) % n
    } else {
        (hits.at + n - 1) % n
    };
    let to = hits.jumps[hits.at].clone();
    jump(app, &to);
}

/// In the detail pane with a target: the figure or sentence; else the node's text.
fn copy(app: &App, cited: bool) -> Option<Effect> {
    let key = app.tree.selected_key()?;
    let target = match app.focus {
        Focus::Detail => app
            .detail
            .cursor
            .and_then(|c| app.detail.doc.targets.get(c)),
        Focus::Tree => None,
    };
    let text = match target {
        Some(t) => copy_text::target_text(app.reports.get(key.report())?, &t.node, &t.what, cited)?,
        None => copy_text::node_text(&app.reports, key, cited),
    };
    Some(Effect::Copy {
        summary: CopySummary::Text(text.clone()),
        text,
    })
}
