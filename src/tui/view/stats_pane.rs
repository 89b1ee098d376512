//! The statistics table: filter line and sort order, column names, then one row per figure
//! with its place, label, value, unit and the figure as printed. Columns narrow with the
//! terminal; the label column takes what is left.

use super::two_sided;
use crate::tui::layout::StatsAreas;
use crate::tui::state::app::App;
use crate::tui::state::stats_table::StatRow;
use crate::tui::wrap::{pad, truncate, width};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// Column widths in cells: place, label, value, unit, as printed (0 = hidden), sized to
/// their content (`content`, the widest cell of each). The figure as printed always shows,
/// since it carries the qualifier (`约143.4万元`); value and unit join it when the label
/// keeps room; the label takes what is left, up to its widest, so at 200 columns it
/// stays next to its figures.
pub fn columns(cols: usize, content: [usize; 5]) -> [usize; 5] {
    let [place, label, value, unit, printed] = content;
    let place = place.min(cols / 4);
    let printed = printed.min(16);
    // One space after every shown column, and one before the first.
    let room = |shown: &[usize]| {
        cols.saturating_sub(
            1 + shown
                .iter()
                .filter(|&&w| w > 0)
                .map(|w| w + 1)
                .sum::<usize>(),
        )
    };
    let with_numbers = room(&[place, value, unit, printed]);
    let (value, unit) = match with_numbers >= label.min(24) {
        true => (value, unit),
        false => (0, 0),
    };
    let label = room(&[place, value, unit, printed]).min(label);
    [place, label, value, unit, printed]
}

fn row_text(cells: [&str; 5], widths: [usize; 5]) -> String {
    let mut out = String::from(" ");
    for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
        if w == 0 {
            continue;
        }
        // Values read best right-aligned, so their digits line up.
        if i == 2 {
            out.push_str(&" ".repeat(w.saturating_sub(width(cell))));
            out.push_str(&truncate(cell, w));
        } else {
            out.push_str(&pad(cell, w));
        }
        out.push(' ');
    }
    out
}

pub fn draw(frame: &mut Frame, app: &App, areas: StatsAreas) {
    let t = &app.theme;
    let table = &app.table;
    let l = app.lang;

    let prompt = format!(" {}: ", l.pick("筛选", "Filter"));
    let filter = vec![
        Span::styled(prompt.clone(), t.key()),
        Span::raw(table.filter.text()),
    ];
    let scope = match (&table.scope, table.whole) {
        (Some(key), false) => format!(
            "{} {}  ",
            l.pick("本节", "in"),
            crate::tui::state::tree::place(&app.reports, key, l)
        ),
        _ => format!("{}  ", l.pick("全部", "all")),
    };
    let info = format!(
        "{scope}{}/{}  {} ",
        table.visible.len(),
        table.rows.len(),
        table.sort.label(l)
    );
    let line = two_sided(
        filter,
        vec![Span::styled(info, t.dim())],
        usize::from(areas.filter.width),
    );
    frame.render_widget(Paragraph::new(line), areas.filter);
    if table.editing {
        let x = areas.filter.x + (width(&prompt) + table.filter.cursor_column()) as u16;
        if x < areas.filter.right() {
            frame.set_cursor_position((x, areas.filter.y));
        }
    }

    // With several reports the place names its report, so the column widens.
    let many = app.reports.len() > 1;
    let widths = columns(usize::from(areas.rows.width), table.widths);
    let place = |row: &StatRow| match many {
        true => format!("{} {}", row.source, row.place),
        false => row.place.clone(),
    };
    let names = crate::tui::state::stats_table::column_names(l);
    frame.render_widget(
        Paragraph::new(row_text(names, widths)).style(t.heading()),
        areas.columns,
    );

    let cols = usize::from(areas.rows.width);
    let lines: Vec<Line> = table
        .visible
        .iter()
        .enumerate()
        .skip(table.scroll)
        .take(usize::from(areas.rows.height))
        .map(|(i, &r)| {
            let row: &StatRow = &table.rows[r];
            let value = crate::model::format_value(row.value);
            let text = row_text(
                [&place(row), &row.label, &value, &row.unit, &row.display],
                widths,
            );
            let line = two_sided(vec![Span::raw(text)], vec![], cols);
            match i == table.selected {
                true if table.editing => line.style(t.selected_unfocused()),
                true => line.style(t.selected()),
                false => line,
            }
        })
        .collect();
    let lines = match (lines.is_empty(), table.filter.text().trim().is_empty()) {
        (true, false) => vec![Line::styled(
            l.pick(
                " 没有匹配的数字（Esc 清除筛选，a 看全部数字）",
                " No figure matches (Esc clears the filter, a shows all figures)",
            ),
            t.dim(),
        )],
        _ => lines,
    };
    frame.render_widget(Paragraph::new(lines), areas.rows);
}
