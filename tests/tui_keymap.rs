//! The key contract: the keys users and tests rely on, no key bound twice, and the README's
//! key table generated from the same keymap that dispatches.
#![cfg(feature = "tui")]
#![allow(clippy::unwrap_used)]

mod common;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use report_tui::tui::input::action::Action;
use report_tui::tui::input::event::to_action;
use report_tui::tui::input::keymap::{self, Context};
use report_tui::tui::state::line_input::Edit;

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

#[test]
fn the_browse_contract_holds() {
    use Action::*;
    use KeyCode::{Char, Enter, Esc, Tab};
    let expect = [
        (key(KeyCode::Up), Up),
        (key(Char('k')), Up),
        (key(KeyCode::Down), Action::Down),
        (key(Char('j')), Action::Down),
        (key(KeyCode::Left), Action::Left),
        (key(Char('h')), Action::Left),
        (key(KeyCode::Right), Action::Right),
        (key(Char('l')), Action::Right),
        (key(Enter), Open),
        (key(Tab), SwitchFocus),
        (key(Char('g')), Top),
        (key(Char('G')), Bottom),
        (KeyEvent::new(Char('G'), KeyModifiers::SHIFT), Bottom),
        (key(KeyCode::PageUp), Action::PageUp),
        (key(KeyCode::PageDown), Action::PageDown),
        (ctrl('u'), HalfPageUp),
        (ctrl('d'), HalfPageDown),
        (key(Char('/')), Search),
        (key(Esc), Back),
        (key(Char('n')), NextHit),
        (key(Char('N')), PrevHit),
        (key(Char('s')), Statistics),
        (key(Char('c')), CompareFigure),
        (key(Char('C')), Compare),
        (key(Char('y')), Copy),
        (key(Char('Y')), CopyCited),
        (key(Char('?')), Help),
        (key(Char('q')), Quit),
        (ctrl('c'), Quit),
    ];
    for (k, action) in expect {
        assert_eq!(keymap::action(Context::Browse, k), Some(action), "{k:?}");
    }
}

#[test]
fn in_text_input_letters_type_and_ctrl_c_still_quits() {
    for c in [Context::Search, Context::StatsFilter] {
        assert_eq!(
            keymap::action(c, key(KeyCode::Char('q'))),
            Some(Action::Edit(Edit::Insert("q".into())))
        );
        assert_eq!(
            keymap::action(c, key(KeyCode::Char('执'))),
            Some(Action::Edit(Edit::Insert("执".into())))
        );
        assert_eq!(keymap::action(c, ctrl('c')), Some(Action::Quit));
    }
    assert_eq!(
        keymap::action(Context::Browse, key(KeyCode::Char('x'))),
        None
    );
}

#[test]
fn no_key_is_bound_twice_where_it_is_read() {
    for c in Context::ALL {
        let mut seen = Vec::new();
        let global = keymap::bindings(Context::Global).filter(|_| c != Context::Global);
        for b in keymap::bindings(c).chain(global) {
            for k in b.keys {
                assert!(!seen.contains(k), "{c:?}: {} bound twice", k.name());
                seen.push(*k);
            }
        }
    }
}

#[test]
fn every_context_has_hints() {
    for c in Context::ALL.into_iter().filter(|c| *c != Context::Global) {
        assert!(
            !keymap::hints(c, report_tui::tui::lang::Lang::Zh).is_empty(),
            "{c:?}"
        );
    }
}

#[test]
fn only_key_presses_act_and_paste_types_into_the_query() {
    let mut app = common::app();
    let mut release = key(KeyCode::Char('q'));
    release.kind = KeyEventKind::Release;
    assert_eq!(to_action(&app, Event::Key(release)), None);
    assert_eq!(
        to_action(&app, Event::Paste("执法".into())),
        None,
        "no text field to paste into"
    );
    common::play(&mut app, [Action::Search]);
    assert_eq!(
        to_action(&app, Event::Paste("执法\n记录仪".into())),
        Some(Action::Edit(Edit::Insert("执法\n记录仪".into())))
    );
    common::play(
        &mut app,
        [Action::Edit(Edit::Insert("执法\n记录仪".into()))],
    );
    assert_eq!(app.finder.input.text(), "执法 记录仪");
}

#[test]
fn the_readme_key_table_matches_the_keymap() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let table = keymap::markdown_table();
    assert!(
        readme.contains(&table),
        "README.md's key table is out of date; paste this under \"## The browser\":\n\n{table}"
    );
}
