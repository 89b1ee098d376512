//! What a new user trips over (issue 11), played as actions on the app: a second search
//! replaces the first query, a click picks the figure under it, n / N walk the text,
//! the table opens on the selected node's figures.
#![cfg(feature = "tui")]
#![allow(clippy::unwrap_used)]

mod common;

use common::{app, play, typing};
use report_tui::tui::input::action::{Action, Effect};
use report_tui::tui::layout;
use report_tui::tui::state::app::{App, Focus, Mode};
use report_tui::tui::state::document::{DocLine, TargetKind};
use report_tui::tui::state::tree::NodeKey;
use report_tui::tui::wrap::width;
use Action::*;

fn copied(effects: &[Effect]) -> String {
    match effects.last() {
        Some(Effect::Copy { text, .. }) => text.clone(),
        other => panic!("expected a copy, got {other:?}"),
    }
}

/// Section 六 selected and opened (the preamble, then 一 to 六).
fn at_six() -> App {
    let mut a = app();
    play(&mut a, [Down, Down, Down, Down, Down, Down]);
    assert_eq!(
        a.tree.selected_key().unwrap(),
        &NodeKey::Section(0, "6".into())
    );
    a
}

#[test]
fn a_second_search_replaces_the_last_query_and_the_history_recalls_it() {
    let mut a = app();
    play(&mut a, [Search]);
    play(&mut a, typing("flyjs"));
    play(&mut a, [Open]);
    assert_eq!(a.mode, Mode::Browse);
    play(&mut a, [Search]);
    assert_eq!(a.finder.input.text(), "flyjs", "the last query shows");
    assert!(
        a.finder.input.is_selected(),
        "selected, so typing replaces it"
    );
    play(&mut a, typing("zfjly"));
    assert_eq!(a.finder.input.text(), "zfjly");
    assert!(a.finder.total > 0, "zfjly finds 执法记录仪");
    play(&mut a, [OlderQuery]);
    assert_eq!(
        a.finder.input.text(),
        "flyjs",
        "Ctrl-p recalls the last query"
    );
    assert!(a.finder.total > 0);
    play(&mut a, [NewerQuery]);
    assert_eq!(
        a.finder.input.text(),
        "",
        "Ctrl-n past the newest: an empty line"
    );
}

/// The screen cell of the first occurrence of `figure` in the detail pane's text.
fn cell_of(a: &App, figure: &str) -> (u16, u16) {
    let pane = layout::browse(a.width, a.height, a.focus).detail.unwrap();
    let text = layout::text_area(pane.content);
    let doc = &a.detail.doc;
    for (i, line) in doc.lines.iter().enumerate().skip(a.detail.scroll) {
        let DocLine::Text { block, range } = line else {
            continue;
        };
        let shown = &doc.blocks[*block].text[range.clone()];
        if let Some(at) = shown.find(figure) {
            let x = text.x + width(&shown[..at]) as u16;
            let y = text.y + (i - a.detail.scroll) as u16;
            return (x, y);
        }
    }
    panic!("{figure} is not on screen");
}

#[test]
fn a_click_on_a_figure_picks_that_figure_not_the_last_on_its_line() {
    let mut a = at_six();
    // 六 opens: 28个 is the first of the four figures on its line, 42个 comes later.
    for (figure, next_cell) in [("28个", 0), ("28个", 2), ("42个", 1), ("185宗", 3)] {
        let (x, y) = cell_of(&a, figure);
        play(
            &mut a,
            [Click {
                column: x + next_cell,
                row: y,
            }],
        );
        assert_eq!(a.focus, Focus::Detail);
        let c = a.detail.cursor.unwrap();
        assert_eq!(a.detail.doc.targets[c].what.kind, TargetKind::Statistic);
        assert_eq!(copied(&play(&mut a, [Copy])), figure);
    }
    // A click on the words between figures takes the sentence around them.
    let (x, y) = cell_of(&a, "调解网络");
    play(&mut a, [Click { column: x, row: y }]);
    let text = copied(&play(&mut a, [Copy]));
    assert!(text.starts_with("建立共有28个社区"), "{text}");
}
