//! State changes of the statistics table: moving, filtering, sorting, opening a figure's
//! place and copying rows.

use super::navigate::{self, step};
use crate::search::Kind;
use crate::tui::input::action::{Action, Effect};
use crate::tui::layout;
use crate::tui::state::app::{App, Mode};
use crate::tui::state::finder::{Found, Jump};
use crate::tui::state::line_input::Edit;
use crate::tui::state::status::Status;

pub(super) fn rows_height(app: &App) -> usize {
    usize::from(layout::stats(app.width, app.height).rows.height)
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
            if t.filter.apply(&Edit::Clear) {
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
