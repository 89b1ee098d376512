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

use crate::cache::reports::Browsed;
use crate::clipboard::TerminalClipboard;
use input::action::Action;
use ratatui::backend::CrosstermBackend;
use ratatui::Terminal;
use state::app::App;
use std::io::{stdout, IsTerminal};
use std::sync::Arc;
use terminal::{guard, loading};

/// Bytes buffered per frame: a full 200x60 screen of styled Chinese fits.
const FRAME_BUFFER: usize = 1 << 17;

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
/// `open` loads the reports, on a thread of its own, reporting `(done, total)` files to
/// a callback; meanwhile the screen shows a loading line and answers quit keys and
/// signals. Signal handling is in place before the terminal is changed at all.
pub fn run<F>(open: F, options: &Options) -> crate::Result<(i32, Vec<crate::Error>)>
where
    F: FnOnce(&(dyn Fn(usize, usize) + Sync)) -> crate::Result<Browsed> + Send + 'static,
{
    if !stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(io(std::io::Error::other(
            "not a terminal: the browser needs one (use a subcommand, see --help)",
        )));
    }
    let lang = lang::Lang::choose(options.lang.as_deref(), |k| std::env::var(k).ok());
    let mouse = !options.no_mouse;
    let signals = guard::Signals::install();
    let guard = guard::Guard::enter(mouse).map_err(io)?;
    let narrow_ambiguous = guard::ambiguous_is_wide();
    // A frame goes out in one write: through stdout's own 1 KB buffer a search screen
    // (10-16 KB) took 5-16 writes, each waking the terminal to parse a piece. Ratatui
    // flushes after every frame, so nothing waits in the buffer.
    let out = std::io::BufWriter::with_capacity(FRAME_BUFFER, stdout());
    let backend = terminal::backend::Compact::new(CrosstermBackend::new(out));
    let mut term = Terminal::new(backend).map_err(io)?;
    let size = crossterm::terminal::size().map_err(io)?;
    let progress = Arc::new(loading::Progress::default());
    let (done, result) = std::sync::mpsc::channel();
    let shared = progress.clone();
    // Not joined: quitting while a file still loads ends the process with it.
    std::thread::spawn(move || {
        let built = open(&|n, total| shared.files(n, total)).map(|opened| {
            let app = (!opened.reports.is_empty()).then(|| {
                let library = state::library::Library::from(opened.reports);
                // From the index cache when it had the folder; else built here.
                let engine = match opened.index {
                    Some(index) => state::search_engine::Engine::with_index(index),
                    None => {
                        shared.indexing();
                        state::search_engine::Engine::new(library.all())
                    }
                };
                App::open(library, lang, engine, size)
            });
            (app, opened.errors)
        });
        let _ = done.send(built);
    });
    let waited = loading::wait(&mut term, lang, &progress, &result, &signals, mouse);
    let (app, errors) = match waited.map_err(io)? {
        loading::Waited::Quit => return Ok((signals.exit_code(), Vec::new())),
        loading::Waited::Done(None) => {
            return Err(io(std::io::Error::other("loading the reports crashed")))
        }
        loading::Waited::Done(Some(built)) => built?,
    };
    let Some(mut app) = app else {
        drop(guard);
        let mut errors = errors;
        // One file that failed is its own one line; several get a summary after them.
        if errors.len() != 1 {
            errors.push(crate::Error::NothingOpened);
        }
        return Ok((2, errors));
    };
    app.theme = theme::Theme::from_env(std::env::var_os("NO_COLOR").as_deref());
    app.mouse = mouse;
    app.narrow_ambiguous = narrow_ambiguous;
    // The terminal may have been resized while loading.
    let (width, height) = crossterm::terminal::size().map_err(io)?;
    update::update(&mut app, Action::Resize { width, height });
    if !errors.is_empty() {
        app.status = Some(state::status::Status::NotOpened(errors.len()));
    }
    let mut clipboard = TerminalClipboard::new(stdout());
    let console = &mut event_loop::Crossterm::new(signals.clone());
    let stop = signals.stop_flag();
    let result = event_loop::run(&mut term, &mut app, console, &mut clipboard, stop);
    drop(guard);
    // The process ends next: freeing every report one by one (1,000 reports: ~30 ms of
    // CPU; 10,000: ~0.7 s) would only delay the shell's prompt.
    std::mem::forget(app);
    result.map(|()| (signals.exit_code(), errors)).map_err(io)
}
