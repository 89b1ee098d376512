//! Helpers shared by the terminal UI tests: an app on the embedded report with the search
//! engine, key playback and a text rendering of the screen for snapshots.
#![allow(dead_code, clippy::unwrap_used)]

use ratatui::backend::TestBackend;
use ratatui::Terminal;
use report_tui::tui::input::action::{Action, Effect};
use report_tui::tui::lang::Lang;
use report_tui::tui::state::app::App;
use report_tui::tui::state::line_input::Edit;
use report_tui::tui::state::search_engine::Engine;
use report_tui::tui::update::update;
use report_tui::{embedded, Report};
use unicode_width::UnicodeWidthStr;

pub fn reports() -> Vec<Report> {
    vec![embedded::report().unwrap()]
}

pub fn app_sized(width: u16, height: u16) -> App {
    let engine = Engine::new(&reports());
    App::new(reports(), Lang::Zh, engine, (width, height))
}

pub fn app() -> App {
    app_sized(120, 40)
}

/// Play actions in order; returns the effects they asked for.
pub fn play(app: &mut App, actions: impl IntoIterator<Item = Action>) -> Vec<Effect> {
    actions.into_iter().filter_map(|a| update(app, a)).collect()
}

/// The actions of typing `text` into a query or filter line.
pub fn typing(text: &str) -> Vec<Action> {
    text.chars()
        .map(|c| Action::Edit(Edit::Insert(c.to_string())))
        .collect()
}

/// Draw the app into a test terminal of its own size.
pub fn draw(app: &App) -> Terminal<TestBackend> {
    let mut term = Terminal::new(TestBackend::new(app.width, app.height)).unwrap();
    term.draw(|f| report_tui::tui::view::draw(f, app)).unwrap();
    term
}

/// The screen as text, one line per row, trailing spaces trimmed. Cells hidden behind a
/// wide character are skipped, so Chinese reads as it does on screen.
pub fn screen(app: &App) -> String {
    let term = draw(app);
    let buf = term.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        let mut x = 0;
        while x < buf.area.width {
            let sym = buf[(x, y)].symbol();
            line.push_str(sym);
            x += sym.width().max(1) as u16;
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
