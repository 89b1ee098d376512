//! The event loop: draw, wait for an event, turn it into an action, run `update`, carry out
//! the effect it returns. What it needs from the terminal comes through `Console`, so a test
//! can play it with a fake terminal and clipboard (see tests/tui_event_loop.rs).

use super::input::action::{Action, Effect};
use super::input::event::to_action;
use super::state::app::App;
use super::terminal::guard;
use super::{update, view};
use crate::clipboard::Clipboard;
use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::Backend;
use ratatui::Terminal;
use std::io;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// How long one wait for an event lasts before the loop checks for a terminating signal.
const TICK: Duration = Duration::from_millis(100);

/// The terminal's side of the loop, apart from drawing.
pub trait Console {
    /// The next event, or `None` when `timeout` passes without one.
    fn event(&mut self, timeout: Duration) -> io::Result<Option<Event>>;
    /// Capture the mouse (clicks and wheel reach the app) or leave it to the terminal.
    fn set_mouse(&mut self, on: bool) -> io::Result<()>;
    /// Ctrl-z: give the terminal back to the shell until it resumes the app.
    fn suspend(&mut self, mouse: bool) -> io::Result<()>;
}

/// The real terminal, through crossterm and the restore guard.
pub struct Crossterm {
    signals: guard::Signals,
}

impl Crossterm {
    pub fn new(signals: guard::Signals) -> Crossterm {
        Crossterm { signals }
    }
}

impl Console for Crossterm {
    /// A SIGTSTP from outside arrives as the Ctrl-z key, so it suspends as Ctrl-z does.
    fn event(&mut self, timeout: Duration) -> io::Result<Option<Event>> {
        if self.signals.take_suspend() {
            let ctrl_z = KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL);
            return Ok(Some(Event::Key(ctrl_z)));
        }
        match event::poll(timeout)? {
            true => event::read().map(Some),
            false => Ok(None),
        }
    }

    fn set_mouse(&mut self, on: bool) -> io::Result<()> {
        guard::set_mouse(on)
    }

    fn suspend(&mut self, mouse: bool) -> io::Result<()> {
        guard::suspend(mouse)
    }
}

/// Run until the user quits or `stop` holds a signal's number.
pub fn run<B: Backend>(
    term: &mut Terminal<B>,
    app: &mut App,
    console: &mut dyn Console,
    clipboard: &mut dyn Clipboard,
    stop: &AtomicUsize,
) -> io::Result<()>
where
    B::Error: std::error::Error + Send + Sync + 'static,
{
    loop {
        term.draw(|f| view::draw(f, app))
            .map_err(io::Error::other)?;
        // Events that mean nothing here (mouse moves, key releases) do not redraw.
        // Waiting a tick at a time (not blocking) lets a signal end the loop promptly.
        // A tick without a key also takes in work finished on another thread (the
        // comparison's rows), and draws it.
        let action = loop {
            if stop.load(Ordering::SeqCst) != 0 {
                return Ok(());
            }
            match console.event(TICK)? {
                Some(e) => {
                    if let Some(a) = to_action(app, e) {
                        break Some(a);
                    }
                }
                None if update::background(app) => break None,
                None => {}
            }
        };
        let Some(action) = action else {
            continue;
        };
        match update::update(app, action) {
            Some(Effect::Quit) => return Ok(()),
            Some(Effect::Copy { text, summary }) => {
                let outcome = clipboard.copy(&text);
                let chars = text.chars().count();
                let copied = Action::Copied {
                    summary,
                    chars,
                    outcome,
                };
                update::update(app, copied);
            }
            Some(Effect::Mouse(on)) => console.set_mouse(on)?,
            Some(Effect::Suspend) => {
                console.suspend(app.mouse)?;
                // The screen was the shell's meanwhile: draw every cell again.
                term.clear().map_err(io::Error::other)?;
            }
            None => {}
        }
    }
}
