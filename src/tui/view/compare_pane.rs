//! The comparison screen: filter line and sort order, then one row per indicator with
//! its figure in each report, the change into each column, and a small chart when the
//! indicator has three figures or more. The selected report's column is highlighted;
//! columns that do not fit scroll with it.

use super::two_sided;
use crate::tui::layout::StatsAreas;
use crate::tui::state::app::App;
use crate::tui::state::compare_view::CompareRow;
use crate::tui::wrap::{pad, truncate, width};
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Paragraph, Sparkline};
use ratatui::Frame;

/// Cells of a change column; a figure column is as wide as its report's name.
const CHANGE: usize = 16;
const UNIT: usize = 6;

/// Cells the report columns take: each figure, and a change before all but the first.
fn span(fit: usize, figure: usize) -> usize {
    fit * (figure + 1) + fit.saturating_sub(1) * (CHANGE + 1)
}

/// Which report columns fit in `cols` cells beside an indicator of at least 16 cells:
/// (first column, how many, indicator width), the selected column always among them.
fn window(
    cols: usize,
    reports: usize,
    selected: usize,
    chart: usize,
    figure: usize,
) -> (usize, usize, usize) {
    let fixed = UNIT + 3 + chart;
    let fit = (1..=reports.max(1))
        .rev()
        .find(|&k| cols >= fixed + span(k, figure) + 16)
        .unwrap_or(1);
    let first = selected
        .saturating_sub(fit - 1)
        .min(reports.saturating_sub(fit));
    let label = cols.saturating_sub(fixed + span(fit, figure)).max(8);
    (first, fit, label)
}

/// The row's cells shown: (text, width, is a figure).
fn cells_text(
    row: &CompareRow,
    first: usize,
    fit: usize,
    figure: usize,
) -> Vec<(String, usize, bool)> {
    let mut out = Vec::new();
    for c in first..first + fit {
        if c > first {
            let change = row.changes.get(c - 1).copied().flatten();
            out.push((
                change.map(|ch| ch.display()).unwrap_or_default(),
                CHANGE,
                false,
            ));
        }
        let fig = row.cells.get(c).and_then(|x| x.as_ref());
        out.push((
            fig.map_or_else(|| "-".into(), |f| f.display.to_string()),
            figure,
            true,
        ));
    }
    out
}

pub fn draw(frame: &mut Frame, app: &App, areas: StatsAreas) {
    let t = &app.theme;
    let v = &app.compare;
    let l = app.lang;

    let prompt = format!(" {}: ", l.pick("筛选", "Filter"));
    let info = format!("{}/{}  {} ", v.visible.len(), v.rows.len(), v.sort.label(l));
    let line = two_sided(
        vec![
            Span::styled(prompt.clone(), t.key()),
            Span::raw(v.filter.text()),
        ],
        vec![Span::styled(info, t.dim())],
        usize::from(areas.filter.width),
    );
    frame.render_widget(Paragraph::new(line), areas.filter);
    if v.editing {
        let x = areas.filter.x + (width(&prompt) + v.filter.cursor_column()) as u16;
        if x < areas.filter.right() {
            frame.set_cursor_position((x, areas.filter.y));
        }
    }

    if v.pending.is_some() {
        // Lined up on a thread of their own (see `CompareView::start`): say so.
        let n = app.reports.len();
        let note = match l {
            crate::tui::lang::Lang::Zh => format!(" 正在后台比对 {n} 份报告中的指标……"),
            crate::tui::lang::Lang::En => {
                format!(" Lining up the indicators of {n} reports in the background...")
            }
        };
        frame.render_widget(Paragraph::new(note).style(t.dim()), areas.rows);
        return;
    }
    let cols = usize::from(areas.rows.width);
    let chart = if v.names.len() >= 3 {
        v.names.len().clamp(3, 12) + 1
    } else {
        0
    };
    let figure = v
        .names
        .iter()
        .map(|n| width(n))
        .max()
        .unwrap_or(0)
        .clamp(10, 20);
    let (first, fit, label_w) = window(cols, v.names.len(), v.column, chart, figure);
    let mut header = format!(
        " {} {} ",
        pad(l.pick("指标", "Indicator"), label_w),
        pad(l.pick("单位", "Unit"), UNIT)
    );
    for c in first..first + fit {
        if c > first {
            header.push_str(&format!(
                "{} ",
                pad_left(&format!("+/- {}", short(&v.names[c])), CHANGE)
            ));
        }
        header.push_str(&format!("{} ", pad_left(&v.names[c], figure)));
    }
    frame.render_widget(
        Paragraph::new(truncate(&header, cols)).style(t.heading()),
        areas.columns,
    );

    for (screen_row, (i, &r)) in v
        .visible
        .iter()
        .enumerate()
        .skip(v.scroll)
        .take(usize::from(areas.rows.height))
        .enumerate()
    {
        let row = &v.rows[r];
        let selected = i == v.selected;
        let mut spans = vec![Span::raw(format!(
            " {} {} ",
            pad(&row.indicator, label_w),
            pad(&row.unit, UNIT)
        ))];
        let mut column = first;
        for (text, w, is_figure) in cells_text(row, first, fit, figure) {
            let cell = format!("{} ", pad_left(&truncate(&text, w), w));
            let style = match (is_figure && column == v.column && selected, is_figure) {
                (true, _) => t.key(),
                (false, true) => ratatui::style::Style::default(),
                (false, false) => t.dim(),
            };
            spans.push(Span::styled(cell, style));
            if is_figure {
                column += 1;
            }
        }
        let y = areas.rows.y + screen_row as u16;
        let line = two_sided(spans, vec![], cols);
        let line = match selected {
            true if v.editing => line.style(t.selected_unfocused()),
            true => line.style(t.selected()),
            false => line,
        };
        frame.render_widget(
            Paragraph::new(line),
            Rect::new(areas.rows.x, y, areas.rows.width, 1),
        );
        // A series of three or more figures gets a one-line chart at the right edge.
        let bases: Vec<Option<f64>> = row
            .cells
            .iter()
            .map(|c| c.as_ref().map(|c| c.base))
            .collect();
        if chart > 0 && bases.iter().flatten().count() >= 3 && cols > chart {
            let area = Rect::new(
                areas.rows.x + (cols - chart) as u16,
                y,
                (chart - 1) as u16,
                1,
            );
            let (values, max) = chart_values(&bases);
            let spark = Sparkline::default().data(values).max(max).style(t.key());
            frame.render_widget(spark, area);
        }
    }
}

/// The chart's bars: heights above a floor half the spread below the smallest figure,
/// so 99.5% → 99.8% shows as a rise rather than three full bars; in thousandths, since
/// the widget takes integers.
fn chart_values(bases: &[Option<f64>]) -> (Vec<Option<u64>>, u64) {
    let present = bases.iter().flatten();
    let lo = present.clone().copied().fold(f64::INFINITY, f64::min);
    let hi = present.copied().fold(f64::NEG_INFINITY, f64::max);
    let floor = (lo - (hi - lo) * 0.5).max(0.0);
    let spread = (hi - floor).max(f64::EPSILON);
    let bar = |b: f64| ((b - floor) / spread * 1000.0).round() as u64;
    (bases.iter().map(|b| b.map(bar)).collect(), 1000)
}

/// `清河街道 2021` → `2021` for a change header, where room is short.
fn short(name: &str) -> &str {
    name.rsplit(' ').next().unwrap_or(name)
}

fn pad_left(s: &str, w: usize) -> String {
    let s = truncate(s, w);
    format!("{}{s}", " ".repeat(w.saturating_sub(width(&s))))
}
