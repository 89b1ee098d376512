//! Helpers shared by the terminal UI tests: an app on the embedded report, a stand-in
//! search backend, key playback and a text rendering of the screen for snapshots.
#![allow(dead_code, clippy::unwrap_used)]

use ratatui::backend::TestBackend;
use ratatui::Terminal;
use report_tui::tui::action::{Action, Effect};
use report_tui::tui::app::App;
use report_tui::tui::finder::{Found, FoundKind, Results, SearchBackend};
use report_tui::tui::input::Edit;
use report_tui::tui::lang::Lang;
use report_tui::tui::update::update;
use report_tui::{embedded, Report};
use unicode_width::UnicodeWidthStr;

/// A test double for the search engine: plain substring matching over figures' labels
/// and sentences, figures first. It exists to drive the search screen in tests; the
/// real ranking is the search module's job and is tested there.
pub struct Substring(pub Vec<Report>);

impl SearchBackend for Substring {
    fn search(&mut self, input: &str, limit: usize) -> Result<Results, String> {
        let q = input.trim();
        if q.is_empty() {
            return Ok(Results::default());
        }
        let mut out = Vec::new();
        for (r, report) in self.0.iter().enumerate() {
            for (node, p) in report.all_paragraphs() {
                for s in &p.statistics {
                    let text = format!("{} {}", s.label, s.display);
                    out.extend(found(r, FoundKind::Statistic, &s.id, node, &text, q));
                }
            }
            for (node, p) in report.all_paragraphs() {
                for m in &p.measures {
                    out.extend(found(r, FoundKind::Measure, &m.id, node, &m.text, q));
                }
            }
        }
        let total = out.len();
        out.truncate(limit);
        Ok(Results { found: out, total })
    }
}

fn found(
    report: usize,
    kind: FoundKind,
    id: &str,
    node: &str,
    text: &str,
    q: &str,
) -> Option<Found> {
    let at = text.find(q)?;
    let first = text[..at].chars().count();
    Some(Found {
        report,
        kind,
        id: id.into(),
        node: node.into(),
        text: text.into(),
        indices: (first..first + q.chars().count()).collect(),
    })
}

pub fn reports() -> Vec<Report> {
    vec![embedded::report().unwrap()]
}

pub fn app_sized(width: u16, height: u16) -> App {
    App::new(
        reports(),
        Lang::Zh,
        Box::new(Substring(reports())),
        (width, height),
    )
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
