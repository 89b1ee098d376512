//! Moving through the tree and the detail pane, and jumping to a node or target; the
//! scroll maths lives here, using the size recorded on resize, so views never scroll.

use crate::tui::layout;
use crate::tui::state::app::{App, DocView, Focus};
use crate::tui::state::document::Doc;
use crate::tui::state::finder::Jump;
use crate::tui::state::tree::{self, NodeKey};

/// The first row to show so that `selected` is visible in `height` rows, and no blank
/// space is left below the last of `len` rows (after the terminal grew, say).
pub fn keep_visible(selected: usize, scroll: usize, height: usize, len: usize) -> usize {
    let scroll = if height == 0 || selected < scroll {
        selected
    } else if selected >= scroll + height {
        selected + 1 - height
    } else {
        scroll
    };
    scroll.min(len.saturating_sub(height))
}

/// Move a list selection by `delta` within `len` rows shown `height` at a time.
pub fn step(selected: &mut usize, scroll: &mut usize, len: usize, height: usize, delta: isize) {
    let last = len.saturating_sub(1) as isize;
    *selected = (*selected as isize + delta).clamp(0, last.max(0)) as usize;
    *scroll = keep_visible(*selected, *scroll, height, len);
}

pub fn tree_height(app: &App) -> usize {
    let b = app.browse_areas(Focus::Tree);
    b.tree.map_or(0, |p| usize::from(p.content.height))
}

pub fn detail_height(app: &App) -> usize {
    app.detail_text_size().1
}

/// Make the tree `delta` columns wider (narrower if negative), or as wide as `to`;
/// the text re-wraps to what is left.
pub fn resize_tree(app: &mut App, delta: i32, to: Option<u16>) {
    let now = app
        .browse_areas(Focus::Tree)
        .tree
        .map_or(layout::default_tree_width(app.width), |p| p.content.width);
    let wanted = to.map_or(i32::from(now) + delta, i32::from);
    let wanted = u16::try_from(wanted.max(0)).unwrap_or(u16::MAX);
    app.tree_cols = Some(layout::clamp_tree_width(app.width, wanted));
    sync_detail(app);
    select_row(app, app.tree.selected as isize);
}

/// Select tree row `row` (clamped) and show its node.
pub fn select_row(app: &mut App, row: isize) {
    let last = app.tree.rows.len().saturating_sub(1);
    app.tree.selected = row.clamp(0, last as isize) as usize;
    app.tree.scroll = keep_visible(
        app.tree.selected,
        app.tree.scroll,
        tree_height(app),
        app.tree.rows.len(),
    );
    sync_detail(app);
}

/// Rebuild the detail pane if the selected node or the wrap width changed. A new node
/// starts at the top; a re-wrap keeps the cursor on the same target.
pub fn sync_detail(app: &mut App) {
    let Some(key) = app.tree.selected_key().cloned() else {
        return;
    };
    let width = layout::detail_text_width_with(app.width, app.tree_cols);
    let same_node = app.detail.doc.key == key;
    if same_node && app.detail.doc.width == width {
        clamp_detail(app);
        return;
    }
    let target = app
        .detail
        .cursor
        .and_then(|c| app.detail.doc.targets.get(c))
        .map(|t| t.what.clone());
    let doc = Doc::build(&app.reports, &key, width);
    let cursor = match (same_node, target) {
        (true, Some(t)) => doc.find(&t),
        _ if app.focus == Focus::Detail && !doc.targets.is_empty() => Some(0),
        _ => None,
    };
    app.detail = DocView {
        doc,
        scroll: 0,
        cursor,
    };
    show_cursor(app);
}

fn clamp_detail(app: &mut App) {
    let max = app
        .detail
        .doc
        .lines
        .len()
        .saturating_sub(detail_height(app));
    app.detail.scroll = app.detail.scroll.min(max);
}

/// Scroll so the current target is in view, a third of the way down when it had to move.
pub fn show_cursor(app: &mut App) {
    let height = detail_height(app);
    place_target(&mut app.detail, height);
    clamp_detail(app);
}

pub fn place_target(view: &mut DocView, height: usize) {
    let Some(t) = view.cursor.and_then(|c| view.doc.targets.get(c)) else {
        return;
    };
    let visible = view.scroll..view.scroll + height;
    if !(visible.contains(&t.lines.start) && t.lines.end <= visible.end) {
        view.scroll = t.lines.start.saturating_sub(height / 3);
    }
    let max = view.doc.lines.len().saturating_sub(height);
    view.scroll = view.scroll.min(max);
}

/// Step the detail cursor by `delta` targets; with no targets, scroll by lines.
pub fn step_cursor(app: &mut App, delta: isize) {
    let n = app.detail.doc.targets.len();
    if n == 0 {
        scroll_detail(app, delta);
        return;
    }
    let at = match app.detail.cursor {
        Some(c) => c as isize + delta,
        None => 0,
    };
    app.detail.cursor = Some(at.clamp(0, n as isize - 1) as usize);
    show_cursor(app);
}

/// Scroll the detail pane by `delta` lines; the cursor follows into view.
pub fn scroll_detail(app: &mut App, delta: isize) {
    let height = detail_height(app);
    let max = app.detail.doc.lines.len().saturating_sub(height);
    app.detail.scroll = (app.detail.scroll as isize + delta).clamp(0, max as isize) as usize;
    let view = app.detail.scroll..app.detail.scroll + height;
    let on_screen = |c: usize| {
        app.detail
            .doc
            .targets
            .get(c)
            .is_some_and(|t| view.contains(&t.lines.start))
    };
    if let Some(c) = app.detail.cursor {
        if !on_screen(c) {
            let first = (0..app.detail.doc.targets.len()).find(|&t| on_screen(t));
            app.detail.cursor = first.or(Some(c));
        }
    }
}

/// Expand or collapse `key`, keeping the selection on the same node.
pub fn set_expanded(app: &mut App, key: &NodeKey, open: bool) {
    let changed = match open {
        true => app.tree.expanded.insert(key.clone()),
        false => app.tree.expanded.remove(key),
    };
    if changed {
        relist(app, key);
    }
}

/// Recompute the rows and select `key` in them.
fn relist(app: &mut App, key: &NodeKey) {
    app.tree.rows = tree::flatten(&app.reports, &app.tree.expanded);
    let row = app
        .tree
        .rows
        .iter()
        .position(|r| r.key == *key)
        .unwrap_or(0);
    select_row(app, row as isize);
}

/// Take the tree and detail pane to a node and target: expand its ancestors, select it,
/// scroll the target into view and focus the detail pane so `y` copies the target.
pub fn jump(app: &mut App, to: &Jump) {
    for a in tree::ancestors(&app.reports, &to.key) {
        app.tree.expanded.insert(a);
    }
    relist(app, &to.key);
    if let Some(target) = &to.target {
        app.focus = Focus::Detail;
        app.detail.cursor = app.detail.doc.find(target);
        show_cursor(app);
    }
}
