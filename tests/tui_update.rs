//! `update` driven by actions, no terminal: navigation, jumps, copying, the list screens.
#![cfg(feature = "tui")]
#![allow(clippy::unwrap_used)]

mod common;

use common::{app, play, typing};
use report_tui::clipboard::Outcome;
use report_tui::tui::input::action::{Action, Effect};
use report_tui::tui::state::app::{Focus, Mode};
use report_tui::tui::state::document::TargetKind;
use report_tui::tui::state::status::{CopySummary, Status};
use report_tui::tui::state::tree::NodeKey;
use Action::*;

fn section(id: &str) -> NodeKey {
    NodeKey::Section(0, id.into())
}

fn selected(app: &report_tui::tui::state::app::App) -> NodeKey {
    app.tree.selected_key().cloned().unwrap()
}

fn copied(effects: &[Effect]) -> &str {
    match effects.last() {
        Some(Effect::Copy { text, .. }) => text,
        other => panic!("expected a copy, got {other:?}"),
    }
}

/// From the top: the preamble, then 一 to 十 (四 is the fifth row), then the sign-off.
fn go_to_section_four() -> report_tui::tui::state::app::App {
    let mut a = app();
    play(&mut a, [Down, Down, Down, Down]);
    assert_eq!(selected(&a), section("4"));
    a
}

#[test]
fn the_tree_starts_with_preamble_ten_sections_and_sign_off() {
    let a = app();
    let keys: Vec<_> = a.tree.rows.iter().map(|r| r.key.clone()).collect();
    assert_eq!(keys.first(), Some(&NodeKey::Intro(0)));
    assert_eq!(keys.last(), Some(&NodeKey::SignOff(0)));
    assert_eq!(keys.len(), 12);
    assert_eq!(selected(&a), NodeKey::Intro(0));
}

#[test]
fn right_expands_left_collapses_and_goes_to_the_parent() {
    let mut a = go_to_section_four();
    play(&mut a, [Right]);
    assert!(a.tree.rows.iter().any(|r| r.key == section("4.3")));
    play(&mut a, [Right, Down, Down]);
    assert_eq!(selected(&a), section("4.3"));
    play(&mut a, [Left]);
    assert_eq!(
        selected(&a),
        section("4"),
        "left on a leaf goes to the parent"
    );
    play(&mut a, [Left]);
    assert!(
        !a.tree.rows.iter().any(|r| r.key == section("4.3")),
        "left on an open node collapses it"
    );
    assert_eq!(selected(&a), section("4"));
}

#[test]
fn top_bottom_and_pages_stay_in_bounds() {
    let mut a = app();
    play(&mut a, [Bottom]);
    assert_eq!(selected(&a), NodeKey::SignOff(0));
    play(&mut a, [Down, PageDown, HalfPageDown]);
    assert_eq!(a.tree.selected, a.tree.rows.len() - 1);
    play(&mut a, [Top, Up, PageUp]);
    assert_eq!(a.tree.selected, 0);
}

#[test]
fn stepping_through_the_detail_pane_visits_sentences_and_figures_in_order() {
    let mut a = go_to_section_four();
    play(&mut a, [Right, Down, Down, Down, Open]);
    assert_eq!(selected(&a), section("4.3"));
    assert_eq!(a.focus, Focus::Detail);
    let kinds: Vec<_> = a
        .detail
        .doc
        .targets
        .iter()
        .map(|t| (t.what.kind, t.what.id.as_str()))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (TargetKind::Measure, "4.3.p1.m1"),
            (TargetKind::Statistic, "4.3.p1.s1"),
            (TargetKind::Measure, "4.3.p2.m1"),
            (TargetKind::Measure, "4.3.p2.m2"),
        ]
    );
    assert_eq!(a.detail.cursor, Some(0));
    let fx = play(&mut a, [Down, Copy]);
    assert_eq!(copied(&fx), "44台");
    let fx = play(&mut a, [CopyCited]);
    assert_eq!(
        copied(&fx),
        "执法记录仪等执法设备：44台（市桥街2020年法治政府建设工作报告，四、(三)加强执法保障）"
    );
    let fx = play(&mut a, [Down, Copy]);
    assert_eq!(copied(&fx), "全面落实行政执法责任制。");
    play(&mut a, [Bottom]);
    assert_eq!(a.detail.cursor, Some(3));
    play(&mut a, [Back]);
    assert_eq!(a.focus, Focus::Tree);
}

#[test]
fn copying_in_the_tree_takes_the_node_text() {
    let mut a = go_to_section_four();
    let fx = play(&mut a, [Copy]);
    assert!(
        copied(&fx).starts_with("四、公正文明执法\n每年按照区文件规定"),
        "{}",
        copied(&fx)
    );
}

#[test]
fn search_jumps_to_the_figure_and_n_steps_through_hits() {
    let mut a = app();
    play(&mut a, [Search]);
    assert_eq!(a.mode, Mode::Search);
    play(&mut a, typing("执法记录仪"));
    assert!(a.finder.found.len() >= 2, "{:?}", a.finder.found);
    let preview = a.preview.as_ref().unwrap();
    assert_eq!(
        preview.doc.key,
        section("4.3"),
        "the preview shows the best hit in context"
    );
    play(&mut a, [Open]);
    assert_eq!(a.mode, Mode::Browse);
    assert_eq!(selected(&a), section("4.3"));
    assert_eq!(a.focus, Focus::Detail);
    assert_eq!(copied(&play(&mut a, [Copy])), "44台");
    // Hits are walked in document order, from the one chosen (not the first).
    let hits = a.hits.as_ref().unwrap();
    let (n, at) = (hits.jumps.len(), hits.at);
    play(&mut a, [NextHit]);
    assert_eq!(a.hits.as_ref().unwrap().at, (at + 1) % n);
    play(&mut a, [PrevHit, PrevHit]);
    assert_eq!(
        a.hits.as_ref().unwrap().at,
        (at + n - 1) % n,
        "N wraps around"
    );
    play(&mut a, [Back, Back]);
    assert!(a.hits.is_none(), "Esc in the tree forgets the hits");
    play(&mut a, [NextHit]);
    assert_eq!(a.status, Some(Status::NoHits), "n without hits says why");
}

#[test]
fn search_keeps_its_query_and_esc_returns_without_moving() {
    let mut a = app();
    play(&mut a, [Search]);
    play(&mut a, typing("调解"));
    play(&mut a, [Down, Back]);
    assert_eq!((a.mode, selected(&a)), (Mode::Browse, NodeKey::Intro(0)));
    play(&mut a, [Search]);
    assert_eq!(a.finder.input.text(), "调解");
    assert!(!a.finder.found.is_empty());
}

#[test]
fn the_table_filters_sorts_copies_tsv_and_jumps() {
    let mut a = app();
    play(&mut a, [Statistics, Filter]);
    assert!(a.table.editing);
    play(&mut a, typing("执法记录仪"));
    play(&mut a, [KeepFilter]);
    assert_eq!(a.table.visible.len(), 1);
    let fx = play(&mut a, [CopyCited]);
    assert_eq!(copied(&fx).lines().count(), 2, "header and one row");
    assert!(
        matches!(
            &fx[..],
            [Effect::Copy {
                summary: CopySummary::TableRows(1),
                ..
            }]
        ),
        "the status bar will name it as one table row"
    );
    assert_eq!(copied(&play(&mut a, [Copy])), "44台");
    play(&mut a, [Open]);
    assert_eq!((a.mode, selected(&a)), (Mode::Browse, section("4.3")));
    let cursor = a.detail.cursor.unwrap();
    assert_eq!(a.detail.doc.targets[cursor].what.id, "4.3.p1.s1");
}

#[test]
fn esc_while_filtering_clears_the_filter() {
    let mut a = app();
    play(&mut a, [Statistics, Filter]);
    play(&mut a, typing("zzz"));
    assert!(a.table.visible.is_empty());
    play(&mut a, [Back]);
    assert!(!a.table.editing);
    assert_eq!(a.table.visible.len(), a.table.rows.len());
}

#[test]
fn sorting_by_value_puts_the_largest_figure_first() {
    let mut a = app();
    play(&mut a, [Statistics, Sort]);
    let first = &a.table.rows[a.table.visible[0]];
    assert!(a.table.rows.iter().all(|r| r.value <= first.value));
}

#[test]
fn help_returns_to_where_it_was_opened() {
    let mut a = app();
    play(&mut a, [Statistics, Help]);
    assert_eq!(a.mode, Mode::Help);
    play(&mut a, [PageDown, Down, Back]);
    assert_eq!(a.mode, Mode::Stats);
}

#[test]
fn the_status_bar_says_how_a_copy_went() {
    let mut a = app();
    let ok = Outcome {
        osc52: Ok(()),
        system: Ok(()),
    };
    play(
        &mut a,
        [Copied {
            summary: "44台".into(),
            chars: 3,
            outcome: ok.clone(),
        }],
    );
    let note = |outcome| Status::Copied {
        summary: "44台".into(),
        chars: 3,
        outcome,
    };
    assert_eq!(a.status, Some(note(ok)));
    let osc_only = Outcome {
        osc52: Ok(()),
        system: Err("no display".into()),
    };
    play(
        &mut a,
        [Copied {
            summary: "44台".into(),
            chars: 3,
            outcome: osc_only.clone(),
        }],
    );
    assert_eq!(a.status, Some(note(osc_only)));
    assert!(
        common::screen(&a).contains("已复制 3 字 (仅 OSC 52): 44台"),
        "the status bar puts it into words"
    );
    play(&mut a, [Down]);
    assert_eq!(a.status, None, "the next key clears the note");
}

#[test]
fn clicks_select_and_toggle_tree_rows() {
    let mut a = app();
    // Row 0 is the title bar, row 1 the tree header: the fifth node (四) is on row 6.
    play(&mut a, [Click { column: 5, row: 6 }]);
    assert_eq!(selected(&a), section("4"));
    play(&mut a, [Click { column: 5, row: 6 }]);
    assert!(
        a.tree.rows.iter().any(|r| r.key == section("4.3")),
        "a second click expands"
    );
    play(&mut a, [Click { column: 60, row: 3 }]);
    assert_eq!(a.focus, Focus::Detail);
}

#[test]
fn the_mouse_can_be_left_to_the_terminal() {
    let mut a = app();
    assert_eq!(play(&mut a, [ToggleMouse]), vec![Effect::Mouse(false)]);
    assert!(!a.mouse);
}

#[test]
fn resizing_keeps_the_selection_and_rewraps_the_text() {
    let mut a = go_to_section_four();
    let wide = a.detail.doc.lines.len();
    play(
        &mut a,
        [
            Resize {
                width: 1,
                height: 1,
            },
            Resize {
                width: 60,
                height: 20,
            },
        ],
    );
    assert_eq!(selected(&a), section("4"));
    assert!(
        a.detail.doc.lines.len() > wide,
        "narrower text takes more lines"
    );
}

#[test]
fn growing_the_terminal_scrolls_the_tree_back_into_view() {
    let mut a = app();
    play(
        &mut a,
        [
            Resize {
                width: 120,
                height: 12,
            },
            Bottom,
        ],
    );
    assert!(a.tree.scroll > 0);
    play(
        &mut a,
        [Resize {
            width: 120,
            height: 40,
        }],
    );
    assert_eq!(
        a.tree.scroll, 0,
        "all rows fit again, so none is scrolled off"
    );
}

#[test]
fn quit_asks_the_loop_to_stop() {
    assert_eq!(play(&mut app(), [Quit]), vec![Effect::Quit]);
}

#[test]
fn with_two_reports_rows_name_their_report_and_the_filter_finds_it() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/two_reports/b_xihu_2019.json"
    );
    let xihu = report_tui::embedded::from_json(&std::fs::read_to_string(path).unwrap()).unwrap();
    let reports = vec![common::reports().remove(0), xihu];
    let engine = report_tui::tui::state::search_engine::Engine::new(&reports);
    let mut a = report_tui::tui::state::app::App::new(
        reports,
        report_tui::tui::lang::Lang::Zh,
        engine,
        (120, 40),
    );
    assert_eq!(
        a.tree.rows.iter().filter(|r| r.depth == 0).count(),
        2,
        "a top-level node per report"
    );
    // The table opens on the selected report's figures; `a` widens it to both.
    play(&mut a, [Statistics, ToggleScope, Filter]);
    play(&mut a, typing("西湖镇"));
    assert!(!a.table.visible.is_empty());
    assert!(a.table.visible.iter().all(|&i| a.table.rows[i].report == 1));
    let shown = common::screen(&a);
    assert!(shown.contains("西湖镇2019年 一"), "{shown}");
}

fn click_at(column: u16, row: u16) -> [Action; 1] {
    [Click { column, row }]
}

#[test]
fn a_click_selects_a_hit_or_a_table_row_and_a_second_click_opens_it() {
    use report_tui::tui::layout;
    let mut a = app();
    play(&mut a, [Search]);
    play(&mut a, typing("执法"));
    let r = layout::search(a.width, a.height).results;
    play(&mut a, click_at(r.x + 2, r.y + 2));
    assert_eq!((a.mode, a.finder.selected), (Mode::Search, 2));
    let hit = a.finder.found[2].clone();
    play(&mut a, click_at(r.x + 2, r.y + 2));
    assert_eq!(a.mode, Mode::Browse, "the second click opens the hit");
    let hits = a.hits.as_ref().unwrap();
    assert_eq!(
        hits.jumps[hits.at],
        report_tui::tui::state::finder::Jump::to(&a.reports, &hit),
        "n / N start from the clicked hit"
    );

    play(&mut a, [Statistics]);
    if !a.table.whole {
        play(&mut a, [ToggleScope]);
    }
    play(&mut a, [Top]);
    let rows = layout::stats(a.width, a.height).rows;
    let below = rows.y + rows.height;
    play(&mut a, click_at(rows.x + 1, below));
    assert_eq!(a.table.selected, 0, "a click below the rows does nothing");
    play(&mut a, click_at(rows.x + 1, rows.y + 3));
    assert_eq!((a.mode, a.table.selected), (Mode::Stats, 3));
    let node = a.table.rows[a.table.visible[3]].node.clone();
    play(&mut a, click_at(rows.x + 1, rows.y + 3));
    assert_eq!(
        a.mode,
        Mode::Browse,
        "the second click opens the figure's place"
    );
    assert_eq!(selected(&a), section(&node));
}

#[test]
fn the_statistics_table_is_built_when_first_opened() {
    let mut a = app();
    assert!(
        !a.table_built && a.table.rows.is_empty(),
        "not before the first frame"
    );
    play(&mut a, [Action::Statistics]);
    assert!(a.table_built);
    let rows = a.table.rows.len();
    assert_eq!(rows, a.reports.all()[0].all_statistics().len());
    play(&mut a, [Action::Back, Action::Statistics]);
    assert_eq!(a.table.rows.len(), rows, "built once");
}

/// The hit list makes its rows as it scrolls: the empty query lists all 177 items of the
/// report, the first hundred are made up front, and stepping or paging past them makes
/// the rest, in document order; Enter walks every ranked hit.
#[test]
fn the_hit_list_makes_its_rows_as_it_scrolls() {
    let mut a = app();
    play(&mut a, [Search]);
    let all = a.finder.ranked;
    assert!(all > 150, "{all} items listed");
    assert!(
        a.finder.found.len() < all,
        "rows made up front: a page, not all"
    );
    play(&mut a, (0..10).map(|_| PageDown));
    play(&mut a, (0..150).map(|_| Down));
    let at = a.finder.selected;
    assert!(at >= 150, "{at}");
    let listed = a.engine.search("", all);
    assert_eq!(a.finder.found[..=at], listed.found[..=at]);
    play(&mut a, [Open]);
    assert_eq!(a.hits.as_ref().unwrap().jumps.len(), all);
}
