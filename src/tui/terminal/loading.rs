//! The loading screen: while `--report` files are read and the index and app are built
//! (on another thread), this thread keeps drawing how far it has got and reading keys and
//! signals, so q, Ctrl-c, Esc, SIGTERM and Ctrl-z answer at once however long loading
//! takes, and a slow file never freezes the screen.

use super::guard::{self, Signals};
use crate::tui::input::action::Action;
use crate::tui::input::keymap::{self, Context};
use crate::tui::lang::Lang;
use crossterm::event::{self, Event, KeyEventKind};
use ratatui::backend::Backend;
use ratatui::layout::{Alignment, Constraint, Layout};
use ratatui::widgets::Paragraph;
use ratatui::Terminal;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::Duration;

/// How often the screen is redrawn and the flags read while waiting. The result is
/// noticed at the next tick, so the tick is added to the first frame: half of it on
/// average (with 50 ms, 25 ms of a 150 ms budget). A redraw that changes nothing writes
/// nothing, so a short tick costs little.
const TICK: Duration = Duration::from_millis(10);

/// How far loading has got, written by the loading thread, read by the screen.
#[derive(Debug, Default)]
pub struct Progress {
    done: AtomicUsize,
    total: AtomicUsize,
    indexing: AtomicBool,
}

impl Progress {
    /// `done` of `total` files read (called from the reading workers).
    pub fn files(&self, done: usize, total: usize) {
        self.total.store(total, Ordering::Relaxed);
        self.done.fetch_max(done, Ordering::Relaxed);
    }

    /// The files are read; the search index and the app are being built.
    pub fn indexing(&self) {
        self.indexing.store(true, Ordering::Relaxed);
    }

    /// The line the loading screen shows.
    pub fn line(&self, lang: Lang) -> String {
        let (done, total) = (
            self.done.load(Ordering::Relaxed),
            self.total.load(Ordering::Relaxed),
        );
        if self.indexing.load(Ordering::Relaxed) {
            return lang
                .pick("正在建立搜索索引", "Building the search index")
                .to_string();
        }
        match (total > 1, lang) {
            (true, Lang::Zh) => format!("正在打开报告 {done}/{total}"),
            (true, Lang::En) => format!("Opening reports {done}/{total}"),
            (false, _) => lang.pick("正在打开报告", "Opening the report").to_string(),
        }
    }
}

/// How the wait ended.
pub enum Waited<T> {
    /// The loading thread's result (`None`: it died without one).
    Done(Option<T>),
    /// A quit key or a terminating signal.
    Quit,
}

/// Draw the loading line until `result` delivers, the user quits, or a signal ends it.
pub fn wait<B, T>(
    term: &mut Terminal<B>,
    lang: Lang,
    progress: &Progress,
    result: &Receiver<T>,
    signals: &Signals,
    mouse: bool,
) -> std::io::Result<Waited<T>>
where
    B: Backend,
    B::Error: Into<std::io::Error>,
{
    loop {
        if signals.stopped() != 0 {
            return Ok(Waited::Quit);
        }
        if signals.take_suspend() {
            suspend(term, mouse)?;
        }
        match result.try_recv() {
            Ok(value) => return Ok(Waited::Done(Some(value))),
            Err(TryRecvError::Disconnected) => return Ok(Waited::Done(None)),
            Err(TryRecvError::Empty) => {}
        }
        let text = progress.line(lang);
        term.draw(|f| line(f, &text)).map_err(Into::into)?;
        if !event::poll(TICK)? {
            continue;
        }
        let Event::Key(key) = event::read()? else {
            continue;
        };
        if key.kind != KeyEventKind::Press {
            continue;
        }
        match keymap::action(Context::Browse, key) {
            Some(Action::Quit | Action::Back) => return Ok(Waited::Quit),
            Some(Action::Suspend) => suspend(term, mouse)?,
            _ => {}
        }
    }
}

fn suspend<B>(term: &mut Terminal<B>, mouse: bool) -> std::io::Result<()>
where
    B: Backend,
    B::Error: Into<std::io::Error>,
{
    guard::suspend(mouse)?;
    term.clear().map_err(Into::into)
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

    #[test]
    fn the_line_says_how_many_files_are_open_then_the_index() {
        let p = Progress::default();
        assert_eq!(p.line(Lang::Zh), "正在打开报告");
        p.files(2, 3);
        // Workers finish out of order: the count never goes back.
        p.files(1, 3);
        assert_eq!(p.line(Lang::Zh), "正在打开报告 2/3");
        assert_eq!(p.line(Lang::En), "Opening reports 2/3");
        p.indexing();
        assert_eq!(p.line(Lang::En), "Building the search index");
    }
}
