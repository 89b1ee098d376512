//! Property test: random actions at random sizes (1x1 to 250x80) never panic, in `update`
//! or in drawing, and every selection and scroll stays in bounds; on the embedded report
//! and on mutated JSON models (hostile strings, cut or added sections, moved offsets).
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

/// Strings a hostile model might hold.
const HOSTILE: &[&str] = &[
    "\u{1b}]0;PWN\u{7}",
    "\u{1b}[2J",
    "=HYPERLINK(\"http://x\")",
    "依\u{200D}法\u{202E}行\u{2028}政\u{E0041}",
    "",
    "\n\n\t",
    "“五个百分百”——……",
    "4.3",
];

/// One edit of a model: a string replaced (now and then by a long run of it), an array
/// item cut, sections added, an offset moved. `at` picks the place among all candidates.
#[derive(Debug, Clone)]
enum Mutation {
    Text {
        at: usize,
        with: usize,
        repeat: usize,
    },
    Cut {
        at: usize,
    },
    AddSections {
        count: usize,
    },
    Offset {
        at: usize,
        to: usize,
    },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let repeat = prop_oneof![4 => Just(1usize), 1 => 100usize..5000];
    prop_oneof![
        4 => (any::<usize>(), 0..HOSTILE.len(), repeat)
            .prop_map(|(at, with, repeat)| Mutation::Text { at, with, repeat }),
        2 => any::<usize>().prop_map(|at| Mutation::Cut { at }),
        1 => (1usize..3000).prop_map(|count| Mutation::AddSections { count }),
        1 => (any::<usize>(), 0usize..400).prop_map(|(at, to)| Mutation::Offset { at, to }),
    ]
}

/// JSON pointers to every string and every array item under `v`.
fn places(v: &serde_json::Value, at: String, strings: &mut Vec<String>, items: &mut Vec<String>) {
    match v {
        serde_json::Value::String(_) => strings.push(at),
        serde_json::Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                let here = format!("{at}/{i}");
                items.push(here.clone());
                places(x, here, strings, items);
            }
        }
        serde_json::Value::Object(o) => {
            for (k, x) in o {
                places(x, format!("{at}/{k}"), strings, items);
            }
        }
        _ => {}
    }
}

fn mutate(model: &mut serde_json::Value, m: &Mutation) {
    let (mut strings, mut items) = (Vec::new(), Vec::new());
    places(model, String::new(), &mut strings, &mut items);
    match *m {
        Mutation::Text { at, with, repeat } => {
            let path = &strings[at % strings.len()];
            *model.pointer_mut(path).unwrap() = HOSTILE[with].repeat(repeat).into();
        }
        Mutation::Cut { at } => {
            let path = &items[at % items.len()];
            let (parent, index) = path.rsplit_once('/').unwrap();
            let list = model.pointer_mut(parent).unwrap().as_array_mut().unwrap();
            list.remove(index.parse::<usize>().unwrap());
        }
        Mutation::AddSections { count } => {
            let sections = model["sections"].as_array_mut().unwrap();
            let first = sections.len() + 1;
            for i in first..first + count {
                sections.push(serde_json::json!({
                    "id": i.to_string(), "number": i.to_string(), "title": format!("第{i}节"),
                    "heading": format!("{i}、第{i}节"), "paragraphs": [], "subsections": [],
                }));
            }
        }
        Mutation::Offset { at, to } => {
            let offsets: Vec<&String> =
                strings.iter().filter(|p| p.ends_with("/display")).collect();
            if let Some(path) = offsets.get(at % offsets.len().max(1)) {
                let stat = path.trim_end_matches("/display").to_string();
                model.pointer_mut(&stat).unwrap()["offset"] = to.into();
            }
        }
    }
}

fn engine_app(reports: Vec<report_tui::Report>, width: u16, height: u16) -> App {
    let engine = report_tui::tui::state::search_engine::Engine::new(&reports);
    App::new(
        reports,
        report_tui::tui::lang::Lang::Zh,
        engine,
        (width, height),
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 60, ..ProptestConfig::default() })]

    /// A mutated model either is refused on load (one error) or browses like any other:
    /// no panic, no hang, selections in bounds, and no escape or joiner on screen.
    #[test]
    fn mutated_models_browse_without_panic(
        mutations in prop::collection::vec(mutation(), 1..6),
        width in 1u16..=200,
        height in 1u16..=60,
        actions in prop::collection::vec(action(), 1..40),
    ) {
        let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/two_reports/b_xihu_2019.json");
        let mut model: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(fixture).unwrap()).unwrap();
        for m in &mutations {
            mutate(&mut model, m);
        }
        let Ok(report) = report_tui::embedded::from_json(&model.to_string()) else {
            return Ok(());
        };
        let embedded = report_tui::embedded::report().unwrap();
        let mut app = engine_app(vec![report, embedded], width, height);
        let started = std::time::Instant::now();
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
        let screen = common::screen(&app);
        prop_assert!(!screen.contains('\u{1b}') && !screen.contains('\u{200D}'), "{}", screen);
        prop_assert!(started.elapsed() < std::time::Duration::from_secs(20), "{:?}", started.elapsed());
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
