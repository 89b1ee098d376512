//! The section tree: one row per visible node with `+`/`-` markers (ASCII, one cell in every
//! terminal), indentation, each node's count of statistics on the right, and the path to
//! the selected node in bold.

use super::two_sided;
use crate::tui::layout::Pane;
use crate::tui::state::app::{App, Focus};
use crate::tui::state::tree;
use crate::tui::wrap;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

pub fn draw(frame: &mut Frame, app: &App, pane: Pane) {
    let t = &app.theme;
    let focused = app.focus == Focus::Tree;
    // One column is kept free before the separator, so labels never touch it.
    let cols = usize::from(pane.content.width).saturating_sub(1);
    let header = format!(" {}", app.lang.pick("目录", "Contents"));
    frame.render_widget(
        Paragraph::new(wrap::pad(&header, usize::from(pane.header.width)))
            .style(t.pane_header(focused)),
        pane.header,
    );
    let path = selected_path(app);
    let rows = app.tree.rows.iter().enumerate().skip(app.tree.scroll);
    let lines: Vec<Line> = rows
        .take(usize::from(pane.content.height))
        .map(|(i, row)| {
            let marker = match (row.expandable, row.expanded) {
                (true, true) => "- ",
                (true, false) => "+ ",
                _ => "  ",
            };
            let count = match tree::statistic_count(&app.reports, &row.key) {
                0 => String::new(),
                n => format!(" {n} "),
            };
            let indent = " ".repeat(1 + 2 * row.depth);
            let room = cols.saturating_sub(indent.len() + marker.len() + count.len());
            let label = wrap::truncate(&tree::label(&app.reports, &row.key, app.lang), room);
            let left = vec![Span::raw(format!("{indent}{marker}{label}"))];
            let line = two_sided(left, vec![Span::styled(count, t.dim())], cols);
            match (i == app.tree.selected, focused) {
                (true, true) => line.style(t.selected()),
                (true, false) => line.style(t.selected_unfocused()),
                _ if path.contains(&i) => line.style(t.heading()),
                _ => line,
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), pane.content);
}

/// Rows of the selected node's ancestors, drawn bold so the path to it stands out.
fn selected_path(app: &App) -> Vec<usize> {
    let rows = &app.tree.rows;
    let mut depth = rows.get(app.tree.selected).map_or(0, |r| r.depth);
    let mut path = Vec::new();
    for i in (0..app.tree.selected.min(rows.len())).rev() {
        if depth == 0 {
            break;
        }
        if rows[i].depth < depth {
            depth = rows[i].depth;
            path.push(i);
        }
    }
    path
}
