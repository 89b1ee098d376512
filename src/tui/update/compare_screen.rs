//! State changes of the comparison screen: opening it (all indicators, or the one of a
//! figure), moving over rows and reports, filtering, sorting by change, opening a figure
//! in its report and copying a cell or the matrix.

use super::navigate::{self, step};
use super::stats::rows_height;
use crate::search::Kind;
use crate::tui::input::action::{Action, Effect};
use crate::tui::state::app::{App, Mode};
use crate::tui::state::finder::{Found, Jump};
use crate::tui::state::line_input::{Edit, LineInput};
use crate::tui::state::status::{CopySummary, Status};

/// Open the screen with every indicator; from the table, its filter comes along.
pub fn open_all(app: &mut App, filter: Option<String>) {
    enter(app);
    app.compare.only = None;
    app.compare.wanted = None;
    if let Some(text) = filter {
        app.compare.filter = LineInput::default();
        app.compare.filter.apply(&Edit::Insert(text));
    }
    app.compare.refresh();
}

/// Open the screen on the indicator of figure `id` of report `report` (once the rows
/// are there, when they are lined up in the background).
pub fn open_figure(app: &mut App, report: usize, id: &str) {
    enter(app);
    if !app.compare.ready {
        app.compare.wanted = Some((report, id.to_string()));
        return;
    }
    app.compare.wanted = None;
    let row = app.compare.rows.iter().position(|r| r.holds(report, id));
    app.compare.only = row;
    app.compare.filter = LineInput::default();
    app.compare.refresh();
    app.compare.selected = 0;
    app.compare.scroll = 0;
    let cells = row.map(|r| &app.compare.rows[r].cells);
    if let Some(col) = cells.and_then(|c| {
        c.iter()
            .position(|c| c.as_ref().is_some_and(|c| c.report == report))
    }) {
        app.compare.column = col;
    }
}

fn enter(app: &mut App) {
    if app.mode != Mode::Compare {
        app.compare_from = app.mode;
    }
    app.mode = Mode::Compare;
    app.compare.start(&app.reports);
}

/// The rows lined up in the background arrived: show them (on the figure asked for, if
/// one was). Whether there is anything new to draw.
pub fn arrived(app: &mut App) -> bool {
    if !app.compare.poll() {
        return false;
    }
    if let Some((report, id)) = app.compare.wanted.take() {
        if app.mode == Mode::Compare {
            open_figure(app, report, &id);
        }
    }
    true
}

pub fn compare(app: &mut App, action: Action) -> Option<Effect> {
    let (n, h) = (app.compare.visible.len(), rows_height(app));
    let v = &mut app.compare;
    match action {
        Action::Edit(e) if v.filter.apply(&e) => {
            v.refresh();
            step(&mut v.selected, &mut v.scroll, v.visible.len(), h, 0);
        }
        Action::Down => step(&mut v.selected, &mut v.scroll, n, h, 1),
        Action::Up => step(&mut v.selected, &mut v.scroll, n, h, -1),
        Action::Top => step(&mut v.selected, &mut v.scroll, n, h, isize::MIN / 2),
        Action::Bottom => step(&mut v.selected, &mut v.scroll, n, h, isize::MAX / 2),
        Action::PageDown => step(&mut v.selected, &mut v.scroll, n, h, h.max(1) as isize),
        Action::PageUp => step(&mut v.selected, &mut v.scroll, n, h, -(h.max(1) as isize)),
        Action::Left => v.column = v.column.saturating_sub(1),
        Action::Right => v.column = (v.column + 1).min(v.names.len().saturating_sub(1)),
        Action::Filter => v.editing = true,
        Action::KeepFilter => v.editing = false,
        Action::Back if v.editing => {
            v.editing = false;
            if v.filter.apply(&Edit::Clear) {
                v.refresh();
                step(&mut v.selected, &mut v.scroll, v.visible.len(), h, 0);
            }
        }
        Action::Back => app.mode = app.compare_from,
        Action::Compare => open_all(app, None),
        Action::Sort => {
            v.sort = v.sort.next();
            v.refresh();
            step(&mut v.selected, &mut v.scroll, v.visible.len(), h, 0);
            app.status = Some(Status::CompareSorted(v.sort));
        }
        Action::Open => {
            let cell = v.selected_cell()?;
            let found = Found {
                report: cell.report,
                kind: Kind::Statistic,
                id: cell.id.to_string(),
                node: cell.node.clone(),
                text: String::new(),
                indices: Vec::new(),
            };
            let to = Jump::to(&app.reports, &found);
            app.mode = Mode::Browse;
            navigate::jump(app, &to);
        }
        Action::Copy => {
            let cell = v.selected_cell()?;
            return Some(Effect::Copy {
                text: cell.display.to_string(),
                summary: CopySummary::Text(cell.display.to_string()),
            });
        }
        Action::CopyCited => {
            return Some(Effect::Copy {
                text: v.tsv(app.lang),
                summary: CopySummary::ComparisonRows(v.visible.len()),
            });
        }
        _ => {}
    }
    None
}
