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

#[test]
fn the_table_opens_on_the_selected_nodes_figures_and_widens_to_all() {
    let mut a = at_six();
    play(&mut a, [Statistics]);
    assert_eq!(a.mode, Mode::Stats);
    let places: Vec<&str> = a
        .table
        .visible
        .iter()
        .map(|&i| a.table.rows[i].node.as_str())
        .collect();
    assert_eq!(places.len(), 13, "六's 13 figures");
    assert!(places.iter().all(|n| *n == "6"), "{places:?}");
    assert_eq!(a.table.selected_row().unwrap().display, "28个");
    play(&mut a, [ToggleScope]);
    assert_eq!(a.table.visible.len(), 38, "a widens to every figure");
    assert_eq!(
        a.table.selected_row().unwrap().display,
        "28个",
        "on the same figure"
    );
    play(&mut a, [ToggleScope, Back]);
    assert_eq!(a.table.visible.len(), 13);

    // From a figure in the detail pane, the table opens on that figure.
    let (x, y) = cell_of(&a, "185宗");
    play(&mut a, [Click { column: x, row: y }, Statistics]);
    assert_eq!(a.table.selected_row().unwrap().display, "185宗");

    // A sub-item's scope holds its own figures; one without figures opens them all.
    let mut b = app();
    play(&mut b, [Down, Down, Down, Down, Right, Down, Down, Down]);
    assert_eq!(
        b.tree.selected_key().unwrap(),
        &NodeKey::Section(0, "4.3".into())
    );
    play(&mut b, [Statistics]);
    assert_eq!(b.table.visible.len(), 1);
    let mut c = app();
    play(&mut c, [Down, Down, Statistics]);
    assert_eq!(c.table.visible.len(), 38, "二 has no figures: all of them");
}

#[test]
fn the_nodes_figures_copy_as_tsv() {
    let mut a = at_six();
    let tsv = copied(&play(&mut a, [CopyFigures]));
    let lines: Vec<&str> = tsv.lines().collect();
    assert_eq!(lines.len(), 14, "{tsv}");
    assert_eq!(lines[0], "报告\t位置\t标签\t数值\t单位\t原文");
    assert_eq!(
        lines[1],
        "市桥街2020年法治政府建设工作报告\t六\t调解网络中的社区\t28\t个\t28个"
    );
}

/// Every node key in document order (the whole tree expanded).
fn document_nodes(a: &App) -> Vec<NodeKey> {
    use report_tui::tui::state::tree;
    let mut expanded = std::collections::HashSet::new();
    loop {
        let rows = tree::flatten(&a.reports, &expanded);
        let before = expanded.len();
        expanded.extend(rows.iter().map(|r| r.key.clone()));
        if expanded.len() == before {
            return rows.into_iter().map(|r| r.key).collect();
        }
    }
}

#[test]
fn n_walks_the_hits_in_document_order_from_the_one_chosen() {
    let mut a = app();
    play(&mut a, [Search]);
    play(&mut a, typing("执法"));
    let total = a.finder.found.len();
    assert!(total > 5, "{total}");
    // The best hit is not the first in the text: take the third ranked.
    play(&mut a, [Down, Down]);
    let chosen = a.finder.found[2].id.clone();
    play(&mut a, [Open]);
    let hits = a.hits.clone().unwrap();
    assert_eq!(hits.jumps.len(), total);
    let nodes = document_nodes(&a);
    let place = |a: &App| {
        let key = a.tree.selected_key().unwrap();
        let node = nodes.iter().position(|k| k == key).unwrap();
        let target = a.detail.cursor.map_or(-1, |c| c as isize);
        (node, target)
    };
    let mut seen = vec![place(&a)];
    let cursor_id = |a: &App| {
        a.detail
            .cursor
            .map(|c| a.detail.doc.targets[c].what.id.clone())
    };
    if let Some(id) = cursor_id(&a) {
        assert_eq!(id, chosen, "Enter goes to the hit chosen");
    }
    for _ in 1..total {
        play(&mut a, [NextHit]);
        seen.push(place(&a));
    }
    let at = hits.at;
    // From the chosen hit to the end, then from the start: each step moves on in the text.
    let (tail, head) = seen.split_at(total - at);
    for run in [tail, head] {
        assert!(
            run.windows(2).all(|w| w[0] <= w[1]),
            "n steps forward in the text: {run:?}"
        );
    }
    play(&mut a, [NextHit]);
    assert_eq!(place(&a), seen[0], "n wraps round to the chosen hit");
    play(&mut a, [PrevHit]);
    assert_eq!(place(&a), seen[total - 1], "N steps back");
}

#[test]
fn the_tree_width_follows_keys_and_a_drag_on_the_border() {
    let mut a = app();
    let tree_width = |a: &App| a.browse_areas(Focus::Tree).tree.unwrap().content.width;
    let text_width = |a: &App| a.detail.doc.width;
    let (tree, text) = (tree_width(&a), text_width(&a));
    play(&mut a, [WiderTree, WiderTree]);
    assert_eq!(tree_width(&a), tree + 8);
    assert_eq!(
        text_width(&a),
        text - 8,
        "the text re-wraps to what is left"
    );
    play(&mut a, [NarrowerTree]);
    assert_eq!(tree_width(&a), tree + 4);
    // Press on the border and drag it to column 60.
    let border = a.browse_areas(Focus::Tree).separator.unwrap();
    play(
        &mut a,
        [
            Click {
                column: border.x,
                row: 10,
            },
            Drag {
                column: 60,
                row: 10,
            },
        ],
    );
    assert_eq!(tree_width(&a), 60);
    // A drag that did not start on the border moves nothing.
    play(
        &mut a,
        [
            Click {
                column: 100,
                row: 10,
            },
            Drag {
                column: 30,
                row: 10,
            },
        ],
    );
    assert_eq!(tree_width(&a), 60);
    // However far it is dragged, 30 columns stay for the text.
    play(
        &mut a,
        [
            Click {
                column: 60,
                row: 10,
            },
            Drag {
                column: 119,
                row: 10,
            },
        ],
    );
    assert_eq!(tree_width(&a), 90);
}

#[test]
fn the_table_filter_takes_pinyin_as_search_does() {
    let mut a = app();
    play(&mut a, [Down, Down, Statistics]);
    assert_eq!(a.table.visible.len(), 38);
    play(&mut a, [Filter]);
    play(&mut a, typing("zfjly"));
    let shown: Vec<&str> = a
        .table
        .visible
        .iter()
        .map(|&i| a.table.rows[i].display.as_str())
        .collect();
    assert_eq!(shown, vec!["44台"], "zfjly: 执法记录仪");
    // Figures and places still filter as before.
    play(
        &mut a,
        [Edit(report_tui::tui::state::line_input::Edit::Clear)],
    );
    play(&mut a, typing("四 › (三)"));
    assert_eq!(a.table.visible.len(), 1);
    play(&mut a, [Back]);
    assert_eq!(a.table.visible.len(), 38, "Esc clears the filter");
}
