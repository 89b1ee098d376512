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
            // Only a panic on the thread that drives the terminal ends the app; one on a
            // loading worker is caught and becomes that file's error, and restoring for
            // it would leave the running app drawing on the shell's screen.
            let ui = std::thread::current().id();
            let previous = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                if std::thread::current().id() == ui {
                    restore();
                }
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

/// Ctrl-z, or SIGTSTP from outside: restore the terminal, stop the process as a shell's
/// job control expects, and on `fg` take the terminal again. Where nothing can resume a
/// stopped process (no job control: the kernel discards the stop), it simply carries on.
pub fn suspend(mouse: bool) -> std::io::Result<()> {
    restore();
    #[cfg(unix)]
    stop_as_by_default()?;
    ACTIVE.store(true, Ordering::SeqCst);
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
    set_mouse(mouse)
}

/// Raise SIGTSTP with its default action (stop), then put our handler back. Raising it
/// with our handler in place would only set the suspend flag again; SIGSTOP instead would
/// also stop a process no shell can resume, where a SIGTSTP is discarded.
#[cfg(unix)]
fn stop_as_by_default() -> std::io::Result<()> {
    // SAFETY: plain sigaction calls with zeroed, then filled, structs; the previous action
    // (signal-hook's handler) is saved and reinstalled unchanged.
    unsafe {
        let mut default: libc::sigaction = std::mem::zeroed();
        default.sa_sigaction = libc::SIG_DFL;
        let mut ours: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(libc::SIGTSTP, &default, &mut ours) != 0 {
            return Err(std::io::Error::last_os_error());
        }
        let raised = libc::raise(libc::SIGTSTP);
        libc::sigaction(libc::SIGTSTP, &ours, std::ptr::null_mut());
        if raised != 0 {
            return Err(std::io::Error::last_os_error());
        }
    }
    Ok(())
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

/// The signals the browser answers, installed before the terminal is touched so that no
/// moment leaves it changed and unguarded: SIGTERM, SIGHUP, SIGINT and SIGQUIT end the
/// browser through its normal exit (restoring the terminal); SIGTSTP from outside suspends
/// it as Ctrl-z does. The loading screen and the event loop both poll these flags.
#[derive(Clone)]
pub struct Signals {
    stop: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    suspend: std::sync::Arc<AtomicBool>,
}

impl Signals {
    /// In raw mode Ctrl-c, Ctrl-\\ and Ctrl-z are keys, so these signals come from `kill`,
    /// or from the terminal's keys before raw mode starts.
    ///
    /// When the terminal itself goes away (a closed window, `tmux kill-server`: SIGHUP),
    /// crossterm's reader can spin on the tty's end-of-file inside `event::poll` and never
    /// return to the loop. So the thread that receives a terminating signal also ends the
    /// process itself, after a grace period, restoring what it can.
    pub fn install() -> Signals {
        let signals = Signals {
            stop: Default::default(),
            suspend: Default::default(),
        };
        #[cfg(unix)]
        {
            use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
            // Registration fails only for forbidden signals, which these are not; without
            // it the app still quits by keys.
            let wanted = [SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP];
            if let Ok(mut caught) = signal_hook::iterator::Signals::new(wanted) {
                let flags = signals.clone();
                std::thread::spawn(move || {
                    for signal in caught.forever() {
                        if signal == SIGTSTP {
                            flags.suspend.store(true, Ordering::SeqCst);
                            continue;
                        }
                        flags.stop.store(signal as usize, Ordering::SeqCst);
                        std::thread::sleep(SIGNAL_GRACE);
                        restore();
                        std::process::exit(128 + signal);
                    }
                });
            }
        }
        signals
    }

    /// The flag the event loop polls: a terminating signal's number once one arrived.
    pub fn stop_flag(&self) -> &std::sync::atomic::AtomicUsize {
        &self.stop
    }

    /// The number of the terminating signal that arrived, or 0.
    pub fn stopped(&self) -> usize {
        self.stop.load(Ordering::SeqCst)
    }

    /// True once per SIGTSTP that arrived since the last call.
    pub fn take_suspend(&self) -> bool {
        self.suspend.swap(false, Ordering::SeqCst)
    }

    /// The exit code: 0, or for a signal the shell convention, 128 + its number.
    pub fn exit_code(&self) -> i32 {
        match self.stopped() {
            0 => 0,
            signal => 128 + signal as i32,
        }
    }
}
