//! Property test: random actions at random sizes (1x1 to 250x80) never panic, in `update`
//! or in drawing, and every selection and scroll stays in bounds.
#![cfg(feature = "tui")]
#![allow(clippy::unwrap_used)]

mod common;

use proptest::prelude::*;
use report_tui::clipboard::Outcome;
use report_tui::tui::input::action::Action;
use report_tui::tui::input::keymap::{self, Context};
use report_tui::tui::layout;
use report_tui::tui::state::app::{App, Mode};
use report_tui::tui::state::line_input::Edit;
use report_tui::tui::update::navigate;
use report_tui::tui::update::update;

/// Every action a key is bound to, read from the keymap, so a new binding is tried here
/// without anyone adding it by hand.
fn bound_actions() -> Vec<Action> {
    let mut all: Vec<Action> = Vec::new();
    for c in Context::ALL {
        for b in keymap::bindings(c) {
            if !all.contains(&b.action) {
                all.push(b.action.clone());
            }
        }
    }
    all
}

fn action() -> impl Strategy<Value = Action> {
    use Action::{Click, Resize, Wheel};
    let bound = prop::sample::select(bound_actions());
    // Typed text reaches the app as characters, not bindings.
    let typed = prop::sample::select(vec!["执法", "a", "4", "调解", "zf", "#"])
        .prop_map(|t| Action::Edit(Edit::Insert(t.into())));
    let copied = any::<(bool, bool)>().prop_map(|(osc52, system)| Action::Copied {
        summary: "44台".into(),
        chars: 3,
        outcome: Outcome {
            osc52: if osc52 { Ok(()) } else { Err("closed".into()) },
            system: if system {
                Ok(())
            } else {
                Err("no display".into())
            },
        },
    });
    prop_oneof![
        7 => bound,
        2 => typed,
        1 => copied,
        1 => (0u16..260, 0u16..90).prop_map(|(column, row)| Click { column, row }),
        1 => (0u16..260, 0u16..90, any::<bool>()).prop_map(|(column, row, down)| Wheel { column, row, down }),
        1 => (1u16..=250, 1u16..=80).prop_map(|(width, height)| Resize { width, height }),
    ]
}

/// `selected` is on screen in a list that shows `height` rows from `scroll`.
fn visible(selected: usize, scroll: usize, height: usize) -> bool {
    height == 0 || (scroll <= selected && selected < scroll + height)
}

/// `tree_scrolled`: the wheel scrolled the tree since the selection last moved, which may
/// leave the selected row off screen (as in any list the wheel scrolls).
fn check_bounds(app: &App, tree_scrolled: bool) {
    assert!(app.tree.selected < app.tree.rows.len());
    let tree_height = navigate::tree_height(app);
    assert!(
        tree_scrolled || visible(app.tree.selected, app.tree.scroll, tree_height),
        "tree row {} not in view: scroll {}, height {tree_height}",
        app.tree.selected,
        app.tree.scroll
    );
    // No blank rows below the last one.
    assert!(app.tree.scroll <= app.tree.rows.len().saturating_sub(tree_height));
    if let Some(c) = app.detail.cursor {
        assert!(c < app.detail.doc.targets.len());
    }
    assert!(app.detail.scroll <= app.detail.doc.lines.len());
    assert!(app.finder.selected < app.finder.found.len().max(1));
    let results = usize::from(layout::search(app.width, app.height).results.height);
    assert!(visible(app.finder.selected, app.finder.scroll, results));
    assert!(app.table.selected < app.table.visible.len().max(1));
    let rows = usize::from(layout::stats(app.width, app.height).rows.height);
    assert!(visible(app.table.selected, app.table.scroll, rows));
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
        let mut tree_scrolled = false;
        for a in actions {
            let before = app.tree.selected;
            let wheel = matches!(a, Action::Wheel { .. }) && app.mode == Mode::Browse;
            let resize = matches!(a, Action::Resize { .. });
            update(&mut app, a);
            tree_scrolled = match (wheel, resize || app.tree.selected != before) {
                (true, _) => true,
                (false, true) => false,
                (false, false) => tree_scrolled,
            };
            check_bounds(&app, tree_scrolled);
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
