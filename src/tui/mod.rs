//! The terminal browser: the event loop that turns terminal events into actions, runs
//! `update`, carries out its effects (copy, quit, mouse) and draws.

pub mod input;
pub mod lang;
pub mod layout;
pub mod state;
pub mod terminal;
pub mod theme;
pub mod update;
pub mod view;
pub mod wrap;

use crate::clipboard::{Clipboard, TerminalClipboard};
use crate::model::Report;
use crossterm::event;
use input::action::{Action, Effect};
use input::event::to_action;
use ratatui::backend::CrosstermBackend;
use ratatui::Terminal;
use state::app::App;
use std::io::{stdout, IsTerminal};
use std::sync::Arc;
use std::time::Duration;
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

/// Reports and the errors of the files that could not be opened.
pub type Opened = (Vec<Report>, Vec<crate::Error>);

/// Open the browser and return the exit code when the user quits, with the errors of
/// files that could not be opened (for the caller to print on the restored terminal).
/// `open` loads the reports, on a thread of its own, reporting `(done, total)` files to
/// a callback; meanwhile the screen shows a loading line and answers quit keys and
/// signals. Signal handling is in place before the terminal is changed at all.
pub fn run<F>(open: F, options: &Options) -> crate::Result<(i32, Vec<crate::Error>)>
where
    F: FnOnce(&(dyn Fn(usize, usize) + Sync)) -> crate::Result<Opened> + Send + 'static,
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
    let mut term = Terminal::new(CrosstermBackend::new(stdout())).map_err(io)?;
    let size = crossterm::terminal::size().map_err(io)?;
    let progress = Arc::new(loading::Progress::default());
    let (done, result) = std::sync::mpsc::channel();
    let shared = progress.clone();
    // Not joined: quitting while a file still loads ends the process with it.
    std::thread::spawn(move || {
        let built = open(&|n, total| shared.files(n, total)).map(|(reports, errors)| {
            shared.indexing();
            let app = (!reports.is_empty()).then(|| {
                let backend = Box::new(state::search_engine::Engine::new(&reports));
                App::new(reports, lang, backend, size)
            });
            (app, errors)
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
        let n = errors.len();
        app.message = Some(match lang {
            lang::Lang::Zh => format!("{n} 个文件无法打开，错误信息在退出后显示"),
            lang::Lang::En => format!("{n} file(s) could not be opened: errors shown on exit"),
        });
    }
    let mut clipboard = TerminalClipboard::new(stdout());
    let result = event_loop(&mut term, &mut app, &mut clipboard, &signals);
    drop(guard);
    result.map(|()| (signals.exit_code(), errors)).map_err(io)
}

fn event_loop<B: ratatui::backend::Backend>(
    term: &mut Terminal<B>,
    app: &mut App,
    clipboard: &mut dyn Clipboard,
    signals: &guard::Signals,
) -> std::io::Result<()>
where
    B::Error: Into<std::io::Error>,
{
    loop {
        term.draw(|f| view::draw(f, app)).map_err(Into::into)?;
        // Events that mean nothing here (mouse moves, key releases) do not redraw.
        // Polling (not a blocking read) lets a signal end the loop within a tick.
        let action = loop {
            if signals.stopped() != 0 {
                return Ok(());
            }
            if signals.take_suspend() {
                break Action::Suspend;
            }
            if !event::poll(Duration::from_millis(100))? {
                continue;
            }
            if let Some(a) = to_action(app, event::read()?) {
                break a;
            }
        };
        match update::update(app, action) {
            Some(Effect::Quit) => return Ok(()),
            Some(Effect::Copy { text, summary }) => {
                let outcome = clipboard.copy(&text);
                update::update(app, Action::Copied { summary, outcome });
            }
            Some(Effect::Mouse(on)) => guard::set_mouse(on)?,
            Some(Effect::Suspend) => {
                guard::suspend(app.mouse)?;
                // The screen was the shell's meanwhile: draw every cell again.
                term.clear().map_err(Into::into)?;
            }
            None => {}
        }
    }
}
