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

/// Column widths in cells: place, label, value, unit, as printed (0 = hidden). Narrow
/// terminals show the figure as printed instead of value and unit, which it combines.
fn columns(cols: usize, place: usize) -> [usize; 5] {
    let [place, value, unit, printed] = match cols {
        100.. => [place, 10, 6, 16],
        60..100 => [place, 10, 6, 0],
        _ => [place.min(10), 0, 0, 12],
    };
    let used = [place, value, unit, printed]
        .iter()
        .filter(|&&w| w > 0)
        .map(|w| w + 1)
        .sum::<usize>();
    let label = cols.saturating_sub(used + 2);
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
    let info = format!(
        "{}/{}  {} ",
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
    let widths = columns(usize::from(areas.rows.width), if many { 24 } else { 12 });
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
    frame.render_widget(Paragraph::new(lines), areas.rows);
}
