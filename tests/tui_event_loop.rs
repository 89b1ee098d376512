//! The event loop carrying out effects, played with a fake terminal and clipboard: keys in,
//! copies, mouse changes, suspends and quits out, and the frames it draws.
#![cfg(feature = "tui")]
#![allow(clippy::unwrap_used)]

mod common;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use report_tui::clipboard::FakeClipboard;
use report_tui::tui::event_loop::{self, Console};
use report_tui::tui::state::status::Status;
use report_tui::tui::update::copy_text;
use std::collections::VecDeque;
use std::io;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// A terminal that hands out scripted events and records what the loop asked of it.
/// Out of events, it raises `stop` as a terminating signal would.
struct FakeConsole<'a> {
    events: VecDeque<Event>,
    mouse: Vec<bool>,
    suspended: Vec<bool>,
    stop: &'a AtomicUsize,
}

impl<'a> FakeConsole<'a> {
    fn new(events: impl IntoIterator<Item = Event>, stop: &'a AtomicUsize) -> Self {
        FakeConsole {
            events: events.into_iter().collect(),
            mouse: Vec::new(),
            suspended: Vec::new(),
            stop,
        }
    }
}

impl Console for FakeConsole<'_> {
    fn event(&mut self, _: Duration) -> io::Result<Option<Event>> {
        let next = self.events.pop_front();
        if next.is_none() {
            self.stop.store(15, Ordering::SeqCst);
        }
        Ok(next)
    }

    fn set_mouse(&mut self, on: bool) -> io::Result<()> {
        self.mouse.push(on);
        Ok(())
    }

    fn suspend(&mut self, mouse: bool) -> io::Result<()> {
        self.suspended.push(mouse);
        Ok(())
    }
}

fn key(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

fn ctrl(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

fn release(c: char) -> Event {
    let mut k = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    k.kind = KeyEventKind::Release;
    Event::Key(k)
}

/// The last row of the test terminal: the status bar.
fn status_bar(term: &Terminal<TestBackend>) -> String {
    let buf = term.backend().buffer();
    let y = buf.area.height - 1;
    (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect()
}

#[test]
fn keys_become_copies_mouse_changes_suspends_and_a_quit() {
    let stop = AtomicUsize::new(0);
    let mut app = common::app_sized(100, 30);
    let mut term = Terminal::new(TestBackend::new(100, 30)).unwrap();
    let mut clipboard = FakeClipboard {
        no_system: Some("no display".into()),
        ..FakeClipboard::default()
    };
    // A released `q` is not a press: the loop must not quit on it.
    let mut console = FakeConsole::new([release('q'), key('j'), key('y')], &stop);
    event_loop::run(&mut term, &mut app, &mut console, &mut clipboard, &stop).unwrap();
    assert_eq!(
        stop.load(Ordering::SeqCst),
        15,
        "it ran until the events ran out"
    );

    // `y` copied the selected node's text, and the outcome came back to the status bar.
    let node = app.tree.selected_key().unwrap().clone();
    assert_eq!(
        clipboard.copied,
        [copy_text::node_text(&app.reports, &node, false)]
    );
    assert!(matches!(
        &app.status,
        Some(Status::Copied { outcome, .. }) if outcome.system == Err("no display".into())
    ));
    assert!(
        status_bar(&term).contains("OSC 52"),
        "the last frame shows the note: {}",
        status_bar(&term)
    );

    // `m` hands the mouse to the terminal, Ctrl-z suspends, then `q` quits before `j`.
    stop.store(0, Ordering::SeqCst);
    console.events = [key('m'), ctrl('z'), key('q'), key('j')].into();
    let row = app.tree.selected;
    event_loop::run(&mut term, &mut app, &mut console, &mut clipboard, &stop).unwrap();
    assert_eq!(
        stop.load(Ordering::SeqCst),
        0,
        "q ended the loop, not the fake's signal"
    );
    assert_eq!(console.mouse, [false]);
    assert_eq!(
        console.suspended,
        [false],
        "suspended with the mouse left to the terminal"
    );
    assert_eq!(console.events.len(), 1, "nothing after q was read");
    assert_eq!(app.tree.selected, row);
    assert_eq!(clipboard.copied.len(), 1);
}

#[test]
fn a_terminating_signal_ends_the_loop_and_a_resize_reaches_the_app() {
    let stop = AtomicUsize::new(0);
    let mut app = common::app_sized(80, 24);
    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mut console = FakeConsole::new([Event::Resize(120, 40)], &stop);
    let mut clipboard = FakeClipboard::default();
    event_loop::run(&mut term, &mut app, &mut console, &mut clipboard, &stop).unwrap();
    assert_eq!((app.width, app.height), (120, 40));
    assert!(clipboard.copied.is_empty() && console.mouse.is_empty());
}
