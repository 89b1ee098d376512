//! State changes of the statistics table: moving, filtering, sorting, opening a figure's
//! place and copying rows.

use super::navigate::{self, step};
use crate::search::Kind;
use crate::tui::input::action::{Action, Effect};
use crate::tui::layout;
use crate::tui::state::app::{App, Mode};
use crate::tui::state::finder::{Found, Jump};
use crate::tui::state::line_input::Edit;
use crate::tui::state::status::{CopySummary, Status};

pub(super) fn rows_height(app: &App) -> usize {
    usize::from(layout::stats(app.width, app.height).rows.height)
}

pub fn stats(app: &mut App, action: Action) -> Option<Effect> {
    let (n, h) = (app.table.visible.len(), rows_height(app));
    let t = &mut app.table;
    match action {
        Action::Edit(e) if t.filter.apply(&e) => {
            // The same engine as `/`, kept to figures (`#`): pinyin, fuzzy, digits.
            let query = t.filter.text().trim();
            t.found = match query.is_empty() {
                true => None,
                false => {
                    let r = app.engine.search(&format!("#{query}"), usize::MAX);
                    Some(
                        r.found
                            .into_iter()
                            .map(|f| (f.report, f.id.into()))
                            .collect(),
                    )
                }
            };
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
        Action::ToggleScope if t.scope.is_some() => {
            t.whole = !t.whole;
            t.refresh();
            step(&mut t.selected, &mut t.scroll, t.visible.len(), h, 0);
        }
        Action::KeepFilter => t.editing = false,
        Action::Back if t.editing => {
            t.editing = false;
            if t.filter.apply(&Edit::Clear) {
                t.found = None;
                t.refresh();
                step(&mut t.selected, &mut t.scroll, t.visible.len(), h, 0);
            }
        }
        Action::Back => app.mode = Mode::Browse,
        Action::Sort => {
            t.sort = t.sort.next();
            t.refresh();
            step(&mut t.selected, &mut t.scroll, t.visible.len(), h, 0);
            app.status = Some(Status::Sorted(t.sort));
        }
        Action::Open => {
            let row = t.selected_row()?;
            let found = Found {
                report: row.report,
                kind: Kind::Statistic,
                id: row.id.to_string(),
                node: row.node.clone(),
                text: String::new(),
                indices: Vec::new(),
            };
            let to = Jump::to(&app.reports, &found);
            app.mode = Mode::Browse;
            navigate::jump(app, &to);
        }
        Action::Compare => {
            let filter = t.filter.text().to_string();
            super::compare_screen::open_all(app, (!filter.is_empty()).then_some(filter));
        }
        Action::CompareFigure => {
            let (report, id) = t.selected_row().map(|r| (r.report, r.id.clone()))?;
            super::compare_screen::open_figure(app, report, &id);
        }
        Action::Copy => {
            let row = t.selected_row()?;
            return Some(Effect::Copy {
                text: row.display.to_string(),
                summary: CopySummary::Text(row.display.to_string()),
            });
        }
        Action::CopyCited => {
            return Some(Effect::Copy {
                text: t.tsv(&app.reports, app.lang),
                summary: CopySummary::TableRows(t.visible.len()),
            });
        }
        _ => {}
    }
    None
}
