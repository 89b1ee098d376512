//! Entering and leaving the full-screen terminal, with restore on every exit path:
//! normal return, error (the guard's `Drop`) and panic (a hook that runs before the
//! default one, so the panic message lands on a sane screen).

use crossterm::cursor::Show;
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};
use std::io::{stdout, Write};
use std::sync::Once;

/// Undo everything `Guard::enter` may have done. Safe to call more than once and when
/// setup stopped half way: each step is attempted whatever the others did.
pub fn restore() {
    let _ = disable_raw_mode();
    let mut out = stdout();
    // ratatui::restore does not undo mouse capture or bracketed paste; we do both.
    let _ = execute!(
        out,
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        Show
    );
    let _ = out.flush();
}

/// Holds the terminal in raw mode on the alternate screen until dropped.
pub struct Guard;

impl Guard {
    pub fn enter(mouse: bool) -> std::io::Result<Guard> {
        static HOOK: Once = Once::new();
        HOOK.call_once(|| {
            let previous = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                restore();
                previous(info);
            }));
        });
        // Made before the first change, so an error half way still restores on drop.
        let guard = Guard;
        enable_raw_mode()?;
        execute!(stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
        set_mouse(mouse)?;
        Ok(guard)
    }
}

/// Capture the mouse (clicks and wheel reach the app) or leave it to the terminal
/// (so the user can select text with it).
pub fn set_mouse(on: bool) -> std::io::Result<()> {
    match on {
        true => execute!(stdout(), EnableMouseCapture),
        false => execute!(stdout(), DisableMouseCapture),
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}
