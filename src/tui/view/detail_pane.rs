//! The detail pane: the selected node's text, pre-wrapped, with figures highlighted inline,
//! the current sentence or figure in reverse video, and the node's figures tabled below.

use super::{layered, two_sided};
use crate::tui::layout::{text_area, Pane};
use crate::tui::state::app::{App, DocView, Focus};
use crate::tui::state::document::DocLine;
use crate::tui::state::tree::{self, NodeKey};
use crate::tui::wrap;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

pub fn draw(frame: &mut Frame, app: &App, pane: Pane) {
    let focused = app.focus == Focus::Detail;
    header(frame, app, &app.detail, pane.header, focused);
    render_doc(frame, app, &app.detail, text_area(pane.content), focused);
}

/// The pane header: where the node is (`四 › (三) 加强执法保障`), and which lines show.
pub fn header(frame: &mut Frame, app: &App, view: &DocView, area: Rect, focused: bool) {
    let key = &view.doc.key;
    let mut place = tree::place(&app.reports, key, app.lang);
    // With several reports, the place alone is ambiguous: every report has a 一.
    if let (true, Some(r)) = (app.reports.len() > 1, app.reports.get(key.report())) {
        if !matches!(key, NodeKey::Report(_)) {
            place = format!("{} › {place}", r.title);
        }
    }
    let title = match key {
        NodeKey::Section(r, id) => app
            .reports
            .get(*r)
            .and_then(|rep| rep.find_section(id))
            .map(|s| s.title.as_str()),
        _ => None,
    };
    let left = match title {
        Some(t) => format!(" {place} {t}"),
        None => format!(" {place}"),
    };
    let total = view.doc.lines.len();
    let right = match total > 1 {
        true => format!(" {}/{} ", (view.scroll + 1).min(total), total),
        false => String::new(),
    };
    let cols = usize::from(area.width);
    let left = wrap::truncate(&left, cols.saturating_sub(wrap::width(&right)));
    let line = two_sided(vec![Span::raw(left)], vec![Span::raw(right)], cols);
    frame.render_widget(
        Paragraph::new(line).style(app.theme.pane_header(focused)),
        area,
    );
}

/// Draw the visible lines of a node's content into `area`.
pub fn render_doc(frame: &mut Frame, app: &App, view: &DocView, area: Rect, show_cursor: bool) {
    let t = &app.theme;
    let doc = &view.doc;
    let cursor = view
        .cursor
        .filter(|_| show_cursor)
        .and_then(|c| doc.targets.get(c).map(|t| (c, t)));
    let value_cols = doc.value_cols;
    let cols = usize::from(area.width);
    let lines: Vec<Line> = doc
        .lines
        .iter()
        .skip(view.scroll)
        .take(usize::from(area.height))
        .map(|line| match line {
            DocLine::Text { block, range } => {
                let Some(b) = doc.blocks.get(*block) else {
                    return Line::default();
                };
                let base = if b.heading { t.heading() } else { Style::new() };
                // Only the figures on this line: they ascend, so a binary search finds the
                // first, and drawing stays cheap in a paragraph with very many figures.
                let first = b.statistics.partition_point(|r| r.end <= range.start);
                let mut layers: Vec<_> = b.statistics[first..]
                    .iter()
                    .take_while(|r| r.start < range.end)
                    .map(|r| (r.clone(), t.statistic()))
                    .collect();
                if let Some((_, c)) = cursor.filter(|(_, c)| c.block == *block) {
                    layers.push((c.range.clone(), t.cursor()));
                }
                Line::from(layered(&b.text, range.clone(), base, &layers))
            }
            DocLine::Blank => Line::default(),
            DocLine::TableHeader => Line::styled(
                format!(
                    "{} ({})",
                    app.lang.pick("本节数字", "Figures here"),
                    doc.figures
                ),
                t.heading(),
            ),
            DocLine::TableRow(i) => {
                let Some(x) = doc.targets.get(*i) else {
                    return Line::default();
                };
                let value = doc
                    .blocks
                    .get(x.block)
                    .and_then(|b| b.text.get(x.range.clone()))
                    .unwrap_or("");
                let value = format!(
                    "{:>pad$}",
                    "",
                    pad = value_cols.saturating_sub(wrap::width(value))
                ) + value;
                let row = wrap::pad(&format!("  {value}  {}", x.label), cols);
                let styled = Line::from(vec![Span::raw(row)]);
                match cursor.is_some_and(|(c, _)| c == *i) {
                    true => styled.style(t.cursor()),
                    false => styled,
                }
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}
