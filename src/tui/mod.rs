//! The terminal browser: `run` takes the terminal, opens the reports behind a loading line,
//! builds the `App` and hands it to the event loop; the rooms below hold the rest
//! (see docs/ARCHITECTURE.md).

pub mod event_loop;
pub mod input;
pub mod lang;
pub mod layout;
pub mod state;
pub mod terminal;
pub mod theme;
pub mod update;
pub mod view;
pub mod wrap;

use crate::clipboard::TerminalClipboard;
use crate::load::Loaded;
use ratatui::backend::CrosstermBackend;
use ratatui::Terminal;
use state::app::App;
use std::io::{stdout, IsTerminal};
use std::sync::atomic::Ordering;
use terminal::{guard, loading};

/// What the command line decides about the UI.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub no_mouse: bool,
    /// `--lang`; `None` follows the locale.
    pub lang: Option<String>,
}

fn io(source: std::io::Error) -> crate::Error {
    crate::Error::Io {
        path: "terminal".into(),
        source,
    }
}

/// Open the browser and return the exit code when the user quits, with the errors of
/// files that could not be opened (for the caller to print on the restored terminal).
/// `open` loads the reports inside the full screen, reporting `(done, total)` files to a
/// callback that draws a loading line.
pub fn run<F>(open: F, options: &Options) -> crate::Result<(i32, Vec<crate::Error>)>
where
    F: FnOnce(&(dyn Fn(usize, usize) + Sync)) -> crate::Result<Loaded>,
{
    if !stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(io(std::io::Error::other(
            "not a terminal: the browser needs one (use a subcommand, see --help)",
        )));
    }
    let lang = lang::Lang::choose(options.lang.as_deref(), |k| std::env::var(k).ok());
    let mouse = !options.no_mouse;
    let guard = guard::Guard::enter(mouse).map_err(io)?;
    let narrow_ambiguous = guard::ambiguous_is_wide();
    let term = Terminal::new(CrosstermBackend::new(stdout())).map_err(io)?;
    let (opened, mut term) = loading::load(term, lang, open)?;
    let (reports, errors, index) = (opened.reports, opened.errors, opened.index);
    if reports.is_empty() {
        drop(guard);
        let mut errors = errors;
        errors.push(crate::Error::NothingOpened);
        return Ok((2, errors));
    }
    let (width, height) = crossterm::terminal::size().map_err(io)?;
    let index = index.unwrap_or_else(|| crate::search::Index::build(&reports));
    let engine = state::search_engine::Engine::with_index(index);
    let mut app = App::new(reports, lang, engine, (width, height));
    app.theme = theme::Theme::from_env(std::env::var_os("NO_COLOR").as_deref());
    app.mouse = mouse;
    app.narrow_ambiguous = narrow_ambiguous;
    if !errors.is_empty() {
        app.status = Some(state::status::Status::NotOpened(errors.len()));
    }
    let mut clipboard = TerminalClipboard::new(stdout());
    let stop = guard::stop_signal();
    let console = &mut event_loop::Crossterm;
    let result = event_loop::run(&mut term, &mut app, console, &mut clipboard, &stop);
    drop(guard);
    // Killed by a signal: the shell convention, 128 + its number.
    let code = match stop.load(Ordering::SeqCst) {
        0 => 0,
        signal => 128 + signal as i32,
    };
    result.map(|()| (code, errors)).map_err(io)
}
