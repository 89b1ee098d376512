//! The section tree: one row per visible node with `+`/`-` markers (ASCII, one cell in every
//! terminal), indentation, and each node's count of statistics on the right.

use super::two_sided;
use crate::tui::app::{App, Focus};
use crate::tui::layout::Pane;
use crate::tui::nodes;
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
    let rows = app.tree.rows.iter().enumerate().skip(app.tree.scroll);
    let lines: Vec<Line> = rows
        .take(usize::from(pane.content.height))
        .map(|(i, row)| {
            let marker = match (row.expandable, row.expanded) {
                (true, true) => "- ",
                (true, false) => "+ ",
                _ => "  ",
            };
            let count = match nodes::statistic_count(&app.reports, &row.key) {
                0 => String::new(),
                n => format!(" {n} "),
            };
            let indent = " ".repeat(1 + 2 * row.depth);
            let room = cols.saturating_sub(indent.len() + marker.len() + count.len());
            let label = wrap::truncate(&nodes::label(&app.reports, &row.key, app.lang), room);
            let left = vec![Span::raw(format!("{indent}{marker}{label}"))];
            let line = two_sided(left, vec![Span::styled(count, t.dim())], cols);
            match (i == app.tree.selected, focused) {
                (true, true) => line.style(t.selected()),
                (true, false) => line.style(t.selected_unfocused()),
                _ => line,
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), pane.content);
}
