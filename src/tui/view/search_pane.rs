//! The search screen: the query line, the ranked hits with matched characters highlighted,
//! and the selected hit previewed in context.

use super::detail_pane::{header, render_doc};
use super::{char_ranges, layered, two_sided};
use crate::search::Kind;
use crate::tui::layout::{text_area, SearchAreas};
use crate::tui::state::app::App;
use crate::tui::state::finder::Found;
use crate::tui::state::tree::{self, NodeKey};
use crate::tui::wrap;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// Cells before the query text: `/ `.
pub const PROMPT: &str = "/ ";

pub fn draw(frame: &mut Frame, app: &App, areas: SearchAreas) {
    let t = &app.theme;
    let f = &app.finder;

    let count = Span::styled(
        format!("{} {} ", f.total, app.lang.pick("条", "hits")),
        t.dim(),
    );
    let text = match f.input.is_selected() {
        true => Span::styled(f.input.text(), t.selected()),
        false => Span::raw(f.input.text()),
    };
    let query = vec![Span::styled(PROMPT, t.key()), text];
    frame.render_widget(
        Paragraph::new(two_sided(
            query,
            vec![count],
            usize::from(areas.query.width),
        )),
        areas.query,
    );
    let x = areas.query.x + (wrap::width(PROMPT) + f.input.cursor_column()) as u16;
    if x < areas.query.right() {
        frame.set_cursor_position((x, areas.query.y));
    }

    // Keep a column free before the separator.
    let cols = usize::from(areas.results.width).saturating_sub(1);
    let lines: Vec<Line> = match (f.found.is_empty(), f.input.text().trim().is_empty()) {
        (true, true) => vec![Line::styled(
            app.lang.pick(
                " 输入汉字、拼音或数字；结果随输入更新",
                " Type hanzi, pinyin or digits; hits update as you type",
            ),
            t.dim(),
        )],
        (true, false) => vec![Line::styled(
            app.lang.pick(" 没有结果", " No hits"),
            t.dim(),
        )],
        _ => {
            let shown = f.found.iter().enumerate().skip(f.scroll);
            let shown: Vec<_> = shown.take(usize::from(areas.results.height)).collect();
            // The place column is as wide as the widest place on screen, at most 12 cells
            // (24 with several reports, whose names it includes), so narrow terminals keep
            // room for the text.
            let place_cols = shown
                .iter()
                .map(|(_, hit)| wrap::width(&place(app, hit)))
                .max()
                .unwrap_or(0)
                .min(if app.reports.len() > 1 { 24 } else { 12 });
            shown
                .into_iter()
                .map(|(i, hit)| {
                    let line = result_line(app, hit, cols, place_cols);
                    match i == f.selected {
                        true => line.style(t.selected()),
                        false => line,
                    }
                })
                .collect()
        }
    };
    frame.render_widget(Paragraph::new(lines), areas.results);

    if let Some(sep) = areas.separator {
        frame.render_widget(
            Paragraph::new(vec![Line::raw("|"); usize::from(sep.height)]).style(t.dim()),
            sep,
        );
    }
    if let (Some(pane), Some(view)) = (areas.preview, &app.preview) {
        header(frame, app, view, pane.header, false);
        render_doc(frame, app, view, text_area(pane.content), true, None);
    }
}

/// Where a hit is: `四 › (三)`.
fn place(app: &App, hit: &Found) -> String {
    let key = NodeKey::of_node(hit.report, &hit.node);
    tree::place_in(&app.reports, &key, app.lang)
}

/// ` [数] 四 › (三)  …执法记录仪等执法设备 44台`: kind, place, then the text from a little
/// before the first match, so the match is on screen even in a long sentence.
fn result_line<'a>(app: &App, hit: &'a Found, cols: usize, place_cols: usize) -> Line<'a> {
    let t = &app.theme;
    let kind = match hit.kind {
        Kind::Section => app.lang.pick("[节]", "[S]"),
        Kind::Measure => app.lang.pick("[句]", "[M]"),
        Kind::Statistic => app.lang.pick("[数]", "[#]"),
    };
    let place = wrap::pad(&place(app, hit), place_cols);
    let lead = format!(" {kind} {place} ");
    let room = cols.saturating_sub(wrap::width(&lead));
    let matches = char_ranges(&hit.text, &hit.indices);
    // Start a few characters before the first match when it would fall off the line.
    let first = matches.first().map_or(0, |r| r.start);
    let mut start = 0;
    if wrap::width(&hit.text[..first]) + 4 > room {
        start = hit.text[..first]
            .char_indices()
            .rev()
            .nth(3)
            .map_or(0, |(b, _)| b);
    }
    let mut spans = vec![Span::styled(lead, t.dim())];
    let mut room = room;
    if start > 0 {
        spans.push(Span::styled("..", t.dim()));
        room = room.saturating_sub(2);
    }
    // Cut at the last character that fits, so the text stops short of the separator.
    let mut end = start;
    let mut used = 0;
    for (i, c) in hit.text[start..].char_indices() {
        used += wrap::width(c.encode_utf8(&mut [0; 4]));
        if used > room {
            break;
        }
        end = start + i + c.len_utf8();
    }
    let layers: Vec<_> = matches.into_iter().map(|r| (r, t.matched())).collect();
    spans.extend(layered(&hit.text, start..end, Style::new(), &layers));
    two_sided(spans, vec![], cols)
}
