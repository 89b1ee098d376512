//! The title bar: report title and date on the left, the search-hit counter on the right.

use super::two_sided;
use crate::tui::state::app::{App, Mode};
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Paragraph;
use ratatui::Frame;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let one = (app.reports.len() == 1)
        .then(|| app.reports.get(0))
        .flatten();
    let left = match one {
        Some(one) => format!(
            " {}  {}",
            one.title,
            one.date_text
                .as_deref()
                .or(one.date.as_deref())
                .unwrap_or("")
        ),
        None => format!(
            " report-tui  {} {}",
            app.reports.len(),
            app.lang.pick("份报告", "reports")
        ),
    };
    // The counter belongs to the hits being walked with n / N; while a new query is
    // typed it would count the old one's.
    let right = match &app.hits {
        Some(h) if !h.jumps.is_empty() && app.mode != Mode::Search => {
            format!(
                "{} {}/{} ",
                app.lang.pick("结果", "hit"),
                h.at + 1,
                h.jumps.len()
            )
        }
        _ => String::new(),
    };
    let line = two_sided(
        vec![Span::raw(left)],
        vec![Span::raw(right)],
        usize::from(area.width),
    );
    frame.render_widget(Paragraph::new(line).style(app.theme.title_bar()), area);
}
