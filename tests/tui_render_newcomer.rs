//! What a new user sees (issue 11), as text snapshots at 120x40, 80x24 and 40x12 (and
//! 200x60 where widths matter), committed under tests/snapshots.
#![cfg(feature = "tui")]
#![allow(clippy::unwrap_used)]

mod common;

use common::{app_sized, play, screen};
use report_tui::clipboard::Outcome;
use report_tui::tui::input::action::Action::{self, *};
use report_tui::tui::layout;

const SIZES: [(u16, u16); 3] = [(120, 40), (80, 24), (40, 12)];

fn snap(name: &str, sizes: &[(u16, u16)], actions: &[Action]) {
    for &(w, h) in sizes {
        let mut a = app_sized(w, h);
        play(&mut a, actions.to_vec());
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen(&a));
    }
}

fn status_line(actions: &[Action], w: u16, h: u16) -> String {
    let mut a = app_sized(w, h);
    play(&mut a, actions.to_vec());
    screen(&a).lines().last().unwrap().to_string()
}

#[test]
fn help_and_quit_never_drop_from_the_hint_bar() {
    for (w, h) in SIZES {
        for actions in [vec![], vec![Statistics]] {
            let line = status_line(&actions, w, h);
            assert!(
                line.contains("? 帮助") && line.contains("q 退出"),
                "{w}x{h} after {actions:?}: {line}"
            );
        }
    }
}

#[test]
fn the_copy_note_shows_as_much_as_fits_and_the_count() {
    let copied = Copied {
        summary:
            "执法记录仪等执法设备：44台（市桥街2020年法治政府建设工作报告，四、(三)加强执法保障）"
                .into(),
        chars: 51,
        outcome: Outcome {
            osc52: Ok(()),
            system: Err("no display".into()),
        },
    };
    snap("copy_note", &SIZES, &[copied]);
}

#[test]
fn every_occurrence_of_the_query_stays_highlighted_after_enter() {
    let mut actions = vec![Search];
    actions.extend(common::typing("执法"));
    actions.push(Open);
    for (w, h) in SIZES {
        let mut a = app_sized(w, h);
        play(&mut a, actions.clone());
        let term = common::draw(&a);
        let buf = term.backend().buffer();
        let matched = a.theme.matched();
        // Each 执 shown in the text, whatever the line, is drawn in the matched style.
        let mut shown = 0;
        let pane = layout::browse(w, h, a.focus).detail.unwrap().content;
        for y in pane.y..pane.bottom() {
            for x in pane.x..pane.right().saturating_sub(2) {
                let cell = &buf[(x, y)];
                if cell.symbol() == "执" && buf[(x + 2, y)].symbol() == "法" {
                    shown += 1;
                    assert!(
                        cell.modifier.contains(matched.add_modifier),
                        "{w}x{h}: 执法 at {x},{y} is not highlighted: {:?}\n{}",
                        cell,
                        screen(&a)
                    );
                }
            }
        }
        assert!(shown >= 1, "{w}x{h}: no 执法 on screen");
    }
    snap("hits_highlighted", &SIZES, &actions);
}
