//! The detail pane: the selected node's text, pre-wrapped, with figures highlighted inline,
//! the current sentence or figure in reverse video, and the node's figures tabled below.

use super::{layered, two_sided};
use crate::tui::layout::{text_area, Pane};
use crate::tui::state::app::{App, DocView, Focus, Hits};
use crate::tui::state::document::Doc;
use crate::tui::state::document::DocLine;
use crate::tui::state::tree::{self, NodeKey};
use crate::tui::wrap;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;
use std::ops::Range;

pub fn draw(frame: &mut Frame, app: &App, pane: Pane) {
    let focused = app.focus == Focus::Detail;
    header(frame, app, &app.detail, pane.header, focused);
    let hits = app.hits.as_ref();
    render_doc(
        frame,
        app,
        &app.detail,
        text_area(pane.content),
        focused,
        hits,
    );
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
            .section(*r, id)
            // An untitled item is named by its opening words, as in the tree.
            .map(|s| s.display_title(crate::model::UNTITLED_CHARS)),
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
/// `hits`: the last search's, whose matches are highlighted wherever they show.
pub fn render_doc(
    frame: &mut Frame,
    app: &App,
    view: &DocView,
    area: Rect,
    show_cursor: bool,
    hits: Option<&Hits>,
) {
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
                if let Some(h) = hits {
                    let matched = matches(doc, h, *block, range.clone());
                    layers.extend(matched.into_iter().map(|r| (r, t.matched())));
                }
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
                let words = hits.map_or(&[][..], |h| h.words.as_slice());
                let layers: Vec<_> = words
                    .iter()
                    .flat_map(|w| row.match_indices(w.as_str()))
                    .map(|(i, m)| (i..i + m.len(), t.matched()))
                    .collect();
                let spans = layered(&row, 0..row.len(), Style::new(), &layers);
                let spans: Vec<Span> = spans
                    .into_iter()
                    .map(|s| Span::styled(s.content.into_owned(), s.style))
                    .collect();
                let styled = Line::from(spans);
                match cursor.is_some_and(|(c, _)| c == *i) {
                    true => styled.style(t.cursor()),
                    false => styled,
                }
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// Byte ranges of the last search's matches that touch `range` of block `block`: each
/// occurrence of a query word, and the chars a sentence matched by (pinyin, fuzzily).
/// Only the line's neighbourhood is scanned, so a huge paragraph draws as fast as a small one.
fn matches(doc: &Doc, hits: &Hits, block: usize, range: Range<usize>) -> Vec<Range<usize>> {
    let Some(text) = doc.blocks.get(block).map(|b| b.text.as_str()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let longest = hits.words.iter().map(String::len).max().unwrap_or(0);
    let mut from = range.start.saturating_sub(longest);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (range.end + longest).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    let window = &text[from..to];
    for w in &hits.words {
        out.extend(
            window
                .match_indices(w.as_str())
                .map(|(i, m)| from + i..from + i + m.len()),
        );
    }
    if !hits.marks.is_empty() {
        let first = doc.targets.partition_point(|t| t.block < block);
        for t in doc.targets[first..]
            .iter()
            .take_while(|t| t.block == block && t.range.start < range.end)
            .filter(|t| t.range.end > range.start)
        {
            let Some(indices) = hits.marks.get(&t.what.id) else {
                continue;
            };
            let Some(sentence) = text.get(t.range.clone()) else {
                continue;
            };
            out.extend(
                super::char_ranges(sentence, indices)
                    .into_iter()
                    .map(|r| t.range.start + r.start..t.range.start + r.end),
            );
        }
    }
    out
}
