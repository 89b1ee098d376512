//! State changes of the search screen: the query, the ranked hits and the preview of the
//! selected hit.

use super::go_to_hit;
use super::navigate::{place_target, step};
use crate::search::Kind;
use crate::tui::input::action::{Action, Effect};
use crate::tui::layout;
use crate::tui::state::app::Hits;
use crate::tui::state::app::{App, DocView, Mode};
use crate::tui::state::document::Doc;
use crate::tui::state::finder::{document_order, Finder, Jump};
use crate::tui::state::library::Library;

pub(super) fn results_height(app: &App) -> usize {
    usize::from(layout::search(app.width, app.height).results.height)
}

/// Re-run the query and show the best hit in the preview.
pub fn refresh_search(app: &mut App) {
    app.finder.refresh(&mut app.engine);
    refresh_preview(app);
}

/// Make the rows the list shows, wherever it has scrolled to.
pub(super) fn make_rows(app: &mut App) {
    let h = results_height(app);
    let f = &mut app.finder;
    let upto = (f.scroll + h).max(f.selected + 1);
    f.make_rows(&mut app.engine, upto);
    // The rows on screen name their places: their reports read on every core now, not one
    // by one while drawing (from the models cache most are not decoded yet).
    let shown = f
        .found
        .iter()
        .skip(f.scroll)
        .take(h.max(1))
        .map(|x| x.report);
    app.reports.prepare(shown);
}

pub(super) fn refresh_preview(app: &mut App) {
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

/// The hits as `n` / `N` walk them: in document order (a pager's order, not the rank),
/// starting at the one chosen.
fn hits_in_document_order(reports: &Library, f: &Finder) -> Hits {
    let order = document_order(reports, &f.found);
    let marks = f
        .found
        .iter()
        .filter(|x| x.kind == Kind::Measure)
        .map(|x| (x.id.clone(), x.indices.clone()))
        .collect();
    Hits {
        jumps: order
            .iter()
            .map(|&i| Jump::to(reports, &f.found[i]))
            .collect(),
        at: order.iter().position(|&i| i == f.selected).unwrap_or(0),
        words: highlight_words(f.input.text()),
        marks,
    }
}

/// The words of a query as they stand in the text: without the kind prefix (`#`, `>`,
/// `@`) and the exact mark (`'`).
pub fn highlight_words(query: &str) -> Vec<String> {
    let query = query.trim_start().trim_start_matches(['#', '>', '@']);
    query
        .split_whitespace()
        .map(|w| w.trim_start_matches('\'').to_string())
        .filter(|w| !w.is_empty())
        .collect()
}

pub fn search(app: &mut App, action: Action) -> Option<Effect> {
    let (n, h) = (app.finder.ranked, results_height(app));
    let f = &mut app.finder;
    match action {
        Action::Edit(e) => {
            if f.input.apply(&e) {
                refresh_search(app);
            }
            return None;
        }
        Action::OlderQuery | Action::NewerQuery => {
            if f.recall(action == Action::OlderQuery) {
                refresh_search(app);
            }
            return None;
        }
        Action::Down => step(&mut f.selected, &mut f.scroll, n, h, 1),
        Action::Up => step(&mut f.selected, &mut f.scroll, n, h, -1),
        Action::PageDown => step(&mut f.selected, &mut f.scroll, n, h, h.max(1) as isize),
        Action::PageUp => step(&mut f.selected, &mut f.scroll, n, h, -(h.max(1) as isize)),
        Action::Open => {
            f.remember();
            // `n` / `N` walk every ranked hit.
            let all = f.ranked;
            f.make_rows(&mut app.engine, all);
            let hits = hits_in_document_order(&app.reports, &app.finder);
            go_to_hit(app, hits);
            return None;
        }
        Action::Back => app.mode = Mode::Browse,
        _ => return None,
    }
    make_rows(app);
    refresh_preview(app);
    None
}
