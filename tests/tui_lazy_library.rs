//! The browser over reports left in the models cache and decoded when first read shows
//! exactly what it shows over the same reports decoded at once: the tree, every node's
//! text, search, statistics and comparison. A record found damaged after the first frame
//! (the entry written in place meanwhile) gives one clear message, never a panic, and the
//! entry is rebuilt on the next start.
#![allow(clippy::unwrap_used)]

mod cache_files;
mod common;

use cache_files::{texts, Place};
use common::{play, screen, typing};
use report_tui::cache::reports::{for_browser, Browsed, Reports};
use report_tui::tui::input::action::Action;
use report_tui::tui::lang::Lang;
use report_tui::tui::state::app::App;
use report_tui::tui::state::library::Library;
use report_tui::tui::state::search_engine::Engine;
use std::io::{Read, Seek, SeekFrom, Write};

/// Six reports: the three texts twice over, under other names.
fn place() -> Place {
    let mut all = texts();
    all.extend(texts());
    Place::with(&all)
}

fn open(place: &Place) -> Browsed {
    let args = [place.reports()];
    let (files, errors) = report_tui::load::expand(&args);
    assert!(errors.is_empty());
    for_browser(&place.cache(), &args, &files, &|_, _| {})
}

/// Opened as the browser opens it: through both caches, which must be warm already for
/// the reports to stay in the models entry.
fn lazy_app(place: &Place) -> App {
    let opened = open(place);
    assert!(
        matches!(opened.reports, Reports::Lazy(_)),
        "both entries warm: nothing decoded yet"
    );
    let engine = Engine::with_index(opened.index.unwrap());
    App::open(Library::from(opened.reports), Lang::Zh, engine, (120, 40))
}

/// The same reports imported and held decoded, no cache involved.
fn decoded_app(place: &Place) -> App {
    let reports = report_tui::load::load(&[place.reports()], &|_, _| {}).reports;
    let engine = Engine::new(&reports);
    App::new(reports, Lang::Zh, engine, (120, 40))
}

/// Play `actions` on both apps, comparing their screens and tree rows after each one.
fn same_after(lazy: &mut App, decoded: &mut App, actions: &[Action]) {
    for a in actions {
        play(lazy, [a.clone()]);
        play(decoded, [a.clone()]);
        assert_eq!(lazy.tree.rows, decoded.tree.rows, "rows after {a:?}");
        assert_eq!(screen(lazy), screen(decoded), "screen after {a:?}");
    }
}

#[test]
fn the_browser_over_lazily_decoded_reports_shows_what_it_shows_over_decoded_ones() {
    let place = place();
    assert!(matches!(open(&place).reports, Reports::Decoded(_)), "cold");
    let (mut lazy, mut decoded) = (lazy_app(&place), decoded_app(&place));
    assert_eq!(lazy.reports.len(), 6);
    assert_eq!(screen(&lazy), screen(&decoded), "the first frame");
    // Every row of the tree, each report and section opened, with its text beside it.
    let rows = decoded.tree.rows.len();
    let mut walk = Vec::new();
    for _ in 0..rows * 3 {
        walk.extend([Action::Right, Action::Down]);
    }
    same_after(&mut lazy, &mut decoded, &walk);
    same_after(&mut lazy, &mut decoded, &[Action::Top, Action::Left]);
    // The detail pane of a section, stepped through.
    same_after(
        &mut lazy,
        &mut decoded,
        &[
            Action::Down,
            Action::Down,
            Action::SwitchFocus,
            Action::Down,
            Action::PageDown,
        ],
    );
    same_after(&mut lazy, &mut decoded, &[Action::SwitchFocus]);
    // A search, its results and preview, then walking its hits in the text.
    let mut search = vec![Action::Search];
    search.extend(typing("执法"));
    search.extend([
        Action::Down,
        Action::Down,
        Action::Open,
        Action::NextHit,
        Action::NextHit,
    ]);
    same_after(&mut lazy, &mut decoded, &search);
    // The statistics table and the comparison screen, which need every report.
    let views = [
        Action::Statistics,
        Action::Down,
        Action::PageDown,
        Action::Sort,
        Action::Back,
        Action::Compare,
        Action::Down,
        Action::Right,
        Action::Back,
    ];
    same_after(&mut lazy, &mut decoded, &views);
    assert_eq!(lazy.reports.all(), decoded.reports.all());
}

#[test]
fn a_damaged_record_met_after_the_first_frame_is_said_once_and_rebuilt() {
    let place = place();
    open(&place);
    let entry = std::fs::read_dir(place.cache())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("models-")
        })
        .unwrap();
    let mut app = lazy_app(&place);
    let first = screen(&app);
    assert!(!first.contains("could not be read"), "{first}");
    // Then a byte of the last report's record changes in place (the entry passed its
    // hashes when it opened; the report is not decoded yet).
    let at = std::fs::metadata(&entry).unwrap().len() - 3;
    let mut file = std::fs::File::options()
        .read(true)
        .write(true)
        .open(&entry)
        .unwrap();
    let mut byte = [0u8];
    file.seek(SeekFrom::Start(at)).unwrap();
    file.read_exact(&mut byte).unwrap();
    file.seek(SeekFrom::Start(at)).unwrap();
    file.write_all(&[byte[0] ^ 0x20]).unwrap();
    drop(file);
    // The last report's node: reading it meets the damage.
    play(&mut app, [Action::Bottom]);
    let shown = screen(&app);
    assert_eq!(
        shown.matches("could not be read").count(),
        2,
        "in the tree and in the status bar:\n{shown}"
    );
    assert!(!entry.exists(), "the damaged entry is removed");
    // The next key clears the note; the report keeps saying what happened.
    play(&mut app, [Action::Up]);
    assert_eq!(screen(&app).matches("could not be read").count(), 1);
    // Every report at once (statistics) still opens, the others whole.
    play(&mut app, [Action::Statistics]);
    assert!(app.table.rows.iter().any(|r| r.report == 0));
    assert!(app.table.rows.iter().all(|r| r.report != 5));
    play(&mut app, [Action::Back, Action::Compare, Action::Back]);

    // The next start imports the files again and writes the entry anew.
    let reopened = open(&place);
    assert!(matches!(reopened.reports, Reports::Decoded(_)));
    let (mut lazy, mut decoded) = (lazy_app(&place), decoded_app(&place));
    same_after(
        &mut lazy,
        &mut decoded,
        &[Action::Bottom, Action::Statistics],
    );
}
