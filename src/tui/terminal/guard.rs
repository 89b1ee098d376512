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
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Once;

/// Whether the terminal is in our full-screen state. Restoring twice is not harmless:
/// a second "leave alternate screen" moves the cursor back to where it was saved, so the
/// panic message (printed after the hook's restore) would be overwritten when the
/// unwinding guard restored again.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Undo everything `Guard::enter` may have done, once. Safe when setup stopped half way:
/// each step is attempted whatever the others did.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
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
        ACTIVE.store(true, Ordering::SeqCst);
        enable_raw_mode()?;
        execute!(stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
        set_mouse(mouse)?;
        Ok(guard)
    }
}

/// Ctrl-z: restore the terminal, stop the process (SIGTSTP, as a shell's job control
/// expects), and on `fg` take the terminal again. Where nothing can resume a stopped
/// process (no job control: the kernel discards the stop), it simply carries on.
pub fn suspend(mouse: bool) -> std::io::Result<()> {
    restore();
    #[cfg(unix)]
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    ACTIVE.store(true, Ordering::SeqCst);
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
    set_mouse(mouse)
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

/// Ask the terminal how wide it draws an ambiguous-width character: print `“` at the
/// top-left corner and read the cursor position back. No answer (an old terminal) counts
/// as narrow, the common case. Needs raw mode, so call it after `Guard::enter`.
pub fn ambiguous_is_wide() -> bool {
    use crossterm::cursor::{position, MoveTo};
    use crossterm::style::Print;
    use crossterm::terminal::{Clear, ClearType};
    if execute!(stdout(), MoveTo(0, 0), Print("“")).is_err() {
        return false;
    }
    let wide = matches!(position(), Ok((2, 0)));
    let _ = execute!(stdout(), MoveTo(0, 0), Clear(ClearType::All));
    wide
}

/// How long the event loop gets to leave by itself after a terminating signal.
const SIGNAL_GRACE: std::time::Duration = std::time::Duration::from_millis(500);

/// The number of a terminating signal (SIGTERM, SIGHUP, SIGINT) once one has arrived; the
/// event loop polls it and leaves through the same restore as `q`. In raw mode Ctrl-c is a
/// key, not SIGINT, so SIGINT comes only from `kill`.
///
/// When the terminal itself goes away (a closed window, `tmux kill-server`: SIGHUP),
/// crossterm's reader can spin on the tty's end-of-file inside `event::poll` and never
/// return to the loop. So the thread that receives the signal also ends the process
/// itself, after a grace period, restoring what it can.
pub fn stop_signal() -> std::sync::Arc<std::sync::atomic::AtomicUsize> {
    let flag = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        // Registration fails only for forbidden signals, which these are not; without it
        // the app still quits by keys.
        if let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT]) {
            let flag = flag.clone();
            std::thread::spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    flag.store(signal as usize, Ordering::SeqCst);
                    std::thread::sleep(SIGNAL_GRACE);
                    restore();
                    std::process::exit(128 + signal);
                }
            });
        }
    }
    flag
}
