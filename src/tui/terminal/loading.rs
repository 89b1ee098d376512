//! The loading line: while `--report` files are read (in parallel, on other threads),
//! the full screen already shows how far it has got, then that the index is being built.

use crate::load::Loaded;
use crate::tui::io;
use crate::tui::lang::Lang;
use ratatui::backend::Backend;
use ratatui::layout::{Alignment, Constraint, Layout};
use ratatui::widgets::Paragraph;
use ratatui::Terminal;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Redraw the line at most this often: workers finish files far faster than a terminal
/// needs frames.
const EVERY: Duration = Duration::from_millis(50);

/// Run `open`, drawing progress; then say the index is being built (the caller builds it).
pub fn load<B, F>(term: Terminal<B>, lang: Lang, open: F) -> crate::Result<(Loaded, Terminal<B>)>
where
    B: Backend + Send,
    B::Error: std::error::Error + Send + Sync + 'static,
    F: FnOnce(&(dyn Fn(usize, usize) + Sync)) -> crate::Result<Loaded>,
{
    let term = Mutex::new(term);
    let started = Instant::now();
    // When the line was last drawn, in ms since `started`; `u64::MAX`: never yet.
    let last = AtomicU64::new(u64::MAX);
    let progress = |done: usize, total: usize| {
        let now = started.elapsed().as_millis() as u64;
        let drawn = last.load(Ordering::Relaxed);
        let due = drawn == u64::MAX || now >= drawn + EVERY.as_millis() as u64;
        // try_lock: a worker never waits for another's frame.
        if total > 1 && (due || done == total) {
            if let Ok(mut t) = term.try_lock() {
                last.store(now, Ordering::Relaxed);
                let text = match lang {
                    Lang::Zh => format!("正在打开报告 {done}/{total}"),
                    Lang::En => format!("Opening reports {done}/{total}"),
                };
                let _ = t.draw(|f| line(f, &text));
            }
        }
    };
    let opened = open(&progress)?;
    let mut term = term.into_inner().unwrap_or_else(|e| e.into_inner());
    if opened.reports.len() > 1 && opened.index.is_none() {
        let text = lang
            .pick("正在建立搜索索引", "Building the search index")
            .to_string();
        term.draw(|f| line(f, &text))
            .map_err(|e| io(std::io::Error::other(e)))?;
    }
    Ok((opened, term))
}

/// One centred line in the middle of the screen.
fn line(frame: &mut ratatui::Frame, text: &str) {
    let [_, middle, _] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(frame.area());
    frame.render_widget(Paragraph::new(text).alignment(Alignment::Center), middle);
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::backend::TestBackend;

    /// The screen's text without spaces (a wide character's second cell is a space).
    fn screen(term: &Terminal<TestBackend>) -> String {
        let buffer = term.backend().buffer();
        buffer
            .content()
            .iter()
            .map(|c| c.symbol())
            .collect::<String>()
            .replace(' ', "")
    }

    #[test]
    fn shows_how_many_files_are_open_then_the_index() {
        let report = crate::embedded::report().unwrap();
        let term = Terminal::new(TestBackend::new(40, 5)).unwrap();
        let one = report.clone();
        let (opened, term) = load(term, Lang::Zh, |progress| {
            progress(2, 3);
            Ok(Loaded {
                reports: vec![one],
                errors: vec![crate::Error::Empty],
                ..Loaded::default()
            })
        })
        .unwrap();
        assert_eq!((opened.reports.len(), opened.errors.len()), (1, 1));
        assert!(
            screen(&term).contains("正在打开报告2/3"),
            "{}",
            screen(&term)
        );

        let term = Terminal::new(TestBackend::new(40, 5)).unwrap();
        let two = vec![report.clone(), report];
        let (_, term) = load(term, Lang::En, |progress| {
            progress(2, 2);
            Ok(Loaded {
                reports: two,
                ..Loaded::default()
            })
        })
        .unwrap();
        assert!(screen(&term).contains("Buildingthesearchindex"));
    }
}
