//! Property test: random actions at random sizes (1x1 to 250x80) never panic, in `update`
//! or in drawing, and every selection and scroll stays in bounds.
#![cfg(feature = "tui")]
#![allow(clippy::unwrap_used)]

mod common;

use proptest::prelude::*;
use report_tui::tui::input::action::Action;
use report_tui::tui::state::app::App;
use report_tui::tui::state::line_input::Edit;
use report_tui::tui::update::update;

fn action() -> impl Strategy<Value = Action> {
    use Action::{
        Back, Bottom, Click, Copy, CopyCited, Down, Filter, HalfPageDown, HalfPageUp, Help,
        KeepFilter, Left, NextHit, Open, PageDown, PageUp, PrevHit, Resize, Right, Search, Sort,
        Statistics, SwitchFocus, ToggleMouse, Top, Up, Wheel,
    };
    let plain = prop::sample::select(vec![
        Up,
        Down,
        Top,
        Bottom,
        PageUp,
        PageDown,
        HalfPageUp,
        HalfPageDown,
        Left,
        Right,
        Open,
        SwitchFocus,
        Search,
        Back,
        NextHit,
        PrevHit,
        Statistics,
        Copy,
        CopyCited,
        Help,
        ToggleMouse,
        Filter,
        Sort,
        KeepFilter,
    ]);
    let edit = prop::sample::select(vec![
        Edit::Insert("执法".into()),
        Edit::Insert("a".into()),
        Edit::Insert("4".into()),
        Edit::Insert("调解".into()),
        Edit::DeleteBack,
        Edit::DeleteWord,
        Edit::Clear,
        Edit::Left,
        Edit::End,
    ]);
    prop_oneof![
        6 => plain,
        2 => edit.prop_map(Action::Edit),
        1 => (0u16..260, 0u16..90).prop_map(|(column, row)| Click { column, row }),
        1 => (0u16..260, 0u16..90, any::<bool>()).prop_map(|(column, row, down)| Wheel { column, row, down }),
        1 => (1u16..=250, 1u16..=80).prop_map(|(width, height)| Resize { width, height }),
    ]
}

fn check_bounds(app: &App) {
    assert!(app.tree.selected < app.tree.rows.len());
    assert!(app.tree.scroll <= app.tree.selected || app.tree.rows.len() > app.tree.scroll);
    if let Some(c) = app.detail.cursor {
        assert!(c < app.detail.doc.targets.len());
    }
    assert!(app.detail.scroll <= app.detail.doc.lines.len());
    assert!(app.finder.selected < app.finder.found.len().max(1));
    assert!(app.table.selected < app.table.visible.len().max(1));
    if let Some(p) = &app.preview {
        assert!(p.cursor.is_none_or(|c| c < p.doc.targets.len()));
    }
    // The detail pane always shows the selected node.
    assert_eq!(Some(&app.detail.doc.key), app.tree.selected_key());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn random_keys_at_random_sizes_never_panic(
        width in 1u16..=250,
        height in 1u16..=80,
        actions in prop::collection::vec(action(), 1..60),
    ) {
        let mut app = common::app_sized(width, height);
        for a in actions {
            update(&mut app, a);
            check_bounds(&app);
        }
        common::draw(&app);
    }
}

#[test]
fn every_size_from_one_cell_draws_every_screen() {
    for (w, h) in [
        (1, 1),
        (2, 1),
        (1, 2),
        (39, 9),
        (40, 10),
        (41, 11),
        (79, 23),
        (80, 24),
        (250, 80),
    ] {
        let mut app = common::app_sized(w, h);
        for a in [
            Action::Down,
            Action::Open,
            Action::Search,
            Action::Edit(Edit::Insert("执法".into())),
            Action::Back,
            Action::Statistics,
            Action::Help,
        ] {
            update(&mut app, a);
            common::draw(&app);
        }
    }
}
