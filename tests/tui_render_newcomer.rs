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

#[test]
fn help_explains_the_query_language_and_the_row_markers() {
    let mut actions = vec![Help];
    actions.extend(std::iter::repeat_n(PageDown, 20));
    for (w, h) in SIZES {
        let mut a = app_sized(w, h);
        play(&mut a, actions.clone());
        let shown = screen(&a);
        assert!(
            shown.contains("[节] [S]"),
            "{w}x{h}: the last note shows\n{shown}"
        );
    }
    snap("help_notes", &SIZES, &actions);
    let mut a = app_sized(120, 40);
    play(&mut a, actions.clone());
    let shown = screen(&a);
    for note in [
        "搜索语法",
        "拼音：全拼或首字母",
        "# 开头：只找数字",
        "结果标记",
        "[数] [#]",
    ] {
        assert!(shown.contains(note), "{note}\n{shown}");
    }
}

const WITH_WIDE: [(u16, u16); 4] = [(120, 40), (80, 24), (40, 12), (200, 60)];

/// 九 open, its untitled (一) selected and shown: the tree and the pane header name it
/// by its opening words, as `outline` does.
#[test]
fn untitled_items_show_their_opening_words_in_tree_and_detail() {
    let actions = std::iter::repeat_n(Down, 9)
        .chain([Right, Down, Open])
        .collect::<Vec<_>>();
    let mut a = app_sized(120, 40);
    play(&mut a, actions.clone());
    let shown = screen(&a);
    assert!(shown.contains("(一)本次新冠肺炎疫情时间长"), "{shown}");
    assert!(
        shown.contains("九 › (一) 本次新冠肺炎疫情时间长"),
        "the pane header names it\n{shown}"
    );
    assert!(
        shown.contains("引言"),
        "the preamble is 引言, as in outline"
    );
    snap("untitled_item", &WITH_WIDE, &actions);
}

#[test]
fn the_tree_widens_with_the_terminal_and_the_table_keeps_labels_by_their_figures() {
    // 一 open: its long sub-item headings.
    snap("tree_widths", &WITH_WIDE, &[Down, Right]);
    snap(
        "table_widths",
        &WITH_WIDE,
        &[
            Statistics, Down, Down, Down, Down, Down, Down, Down, Down, Down,
        ],
    );
    let mut a = app_sized(200, 60);
    play(&mut a, [Down, Right]);
    let shown = screen(&a);
    assert!(
        shown.contains("(一)完善体制机制,扎实推进法治政府建设工作"),
        "200 columns show the whole heading\n{shown}"
    );
    // At every size, a figure with a qualifier shows it.
    for (w, h) in WITH_WIDE {
        let mut a = app_sized(w, h);
        play(&mut a, [Statistics, Filter]);
        play(&mut a, common::typing("补助"));
        let shown = screen(&a);
        assert!(shown.contains("约143.4万元"), "{w}x{h}\n{shown}");
    }
}

#[test]
fn a_table_filter_without_matches_says_so() {
    let mut actions = vec![Statistics, Filter];
    actions.extend(common::typing("qqqxyz"));
    snap("table_no_match", &SIZES, &actions);
    let mut a = app_sized(80, 24);
    play(&mut a, actions);
    assert!(screen(&a).contains("没有匹配的数字"));
}
