//! The help screen: every binding of every context, generated from the keymap that
//! dispatches keys, so it cannot drift from what the keys do.

use crate::tui::input::keymap::{self, HelpLine};
use crate::tui::state::app::App;
use crate::tui::wrap;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// The widest the keys column gets.
const KEYS: usize = 26;

/// The keys column: as wide as the widest keys (or notation) plus a gap, so narrow
/// terminals keep room for what they do.
fn keys_width(help: &[HelpLine]) -> usize {
    let widest = help
        .iter()
        .map(|l| match l {
            HelpLine::Binding(b) => wrap::width(&b.keys_text()),
            HelpLine::Note(n, _) => wrap::width(n),
            _ => 0,
        })
        .max()
        .unwrap_or(0);
    (widest + 2).min(KEYS)
}

fn lines(app: &App) -> Vec<Line<'static>> {
    let t = &app.theme;
    let help = keymap::help_lines();
    let keys = keys_width(&help);
    let line = |l: HelpLine| match l {
        HelpLine::Title => Line::styled(
            app.lang.pick(" 按键一览（Esc 关闭）", " Keys (Esc closes)"),
            t.heading(),
        ),
        HelpLine::Gap => Line::default(),
        HelpLine::Context(c) => Line::styled(format!(" {}", c.name(app.lang)), t.heading()),
        HelpLine::Binding(b) => Line::from(vec![
            Span::styled(format!("   {}", wrap::pad(&b.keys_text(), keys)), t.key()),
            Span::raw(b.label(app.lang)),
        ]),
        HelpLine::NoteHeading(h) => {
            Line::styled(format!(" {}", app.lang.pick(h.0, h.1)), t.heading())
        }
        HelpLine::Note(notation, what) => Line::from(vec![
            Span::styled(format!("   {}", wrap::pad(notation, keys)), t.key()),
            Span::raw(app.lang.pick(what.0, what.1)),
        ]),
    };
    help.into_iter().map(line).collect()
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let all: Vec<Line> = lines(app)
        .into_iter()
        .skip(app.help_scroll)
        .take(usize::from(area.height))
        .collect();
    frame.render_widget(Paragraph::new(all), area);
}
