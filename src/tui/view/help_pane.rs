//! The help screen: every binding of every context, generated from the keymap that
//! dispatches keys, so it cannot drift from what the keys do.

use crate::tui::input::keymap::{self, HelpLine};
use crate::tui::state::app::App;
use crate::tui::wrap;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// Width of the keys column.
const KEYS: usize = 26;

fn lines(app: &App) -> Vec<Line<'static>> {
    let t = &app.theme;
    let line = |l: HelpLine| match l {
        HelpLine::Title => Line::styled(
            app.lang.pick(" 按键一览（Esc 关闭）", " Keys (Esc closes)"),
            t.heading(),
        ),
        HelpLine::Gap => Line::default(),
        HelpLine::Context(c) => Line::styled(format!(" {}", c.name(app.lang)), t.heading()),
        HelpLine::Binding(b) => Line::from(vec![
            Span::styled(format!("   {}", wrap::pad(&b.keys_text(), KEYS)), t.key()),
            Span::raw(b.label(app.lang)),
        ]),
    };
    keymap::help_lines().into_iter().map(line).collect()
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let all: Vec<Line> = lines(app)
        .into_iter()
        .skip(app.help_scroll)
        .take(usize::from(area.height))
        .collect();
    frame.render_widget(Paragraph::new(all), area);
}
