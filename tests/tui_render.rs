//! What the screens look like: text snapshots at 120x40, 80x24 and 40x12 (committed under
//! tests/snapshots), plus checks on styles that a text snapshot cannot show.
#![cfg(feature = "tui")]
#![allow(clippy::unwrap_used)]

mod common;

use common::{app_sized, draw, play, screen, typing};
use ratatui::style::Modifier;
use report_tui::tui::input::action::Action::{self, *};
use report_tui::tui::state::app::App;

const SIZES: [(u16, u16); 3] = [(120, 40), (80, 24), (40, 12)];

fn snap(name: &str, actions: &[Action]) {
    for (w, h) in SIZES {
        let mut a = app_sized(w, h);
        play(&mut a, actions.to_vec());
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen(&a));
    }
}

/// Section 四 open, (三) selected and opened in the detail pane.
fn at_four_three() -> Vec<Action> {
    vec![Down, Down, Down, Down, Right, Down, Down, Down, Open]
}

#[test]
fn browse_start() {
    snap("browse_start", &[]);
}

#[test]
fn browse_detail_on_a_figure() {
    let mut actions = at_four_three();
    actions.push(Down);
    snap("browse_figure", &actions);
}

#[test]
fn browse_long_section_scrolled() {
    snap(
        "browse_long",
        &[Down, Right, Down, Down, Down, Down, Open, Bottom],
    );
}

#[test]
fn search_with_hits() {
    let mut actions = vec![Search];
    actions.extend(typing("执法"));
    actions.push(Down);
    snap("search", &actions);
}

#[test]
fn statistics_table() {
    snap("stats", &[Statistics, Down, Down]);
}

#[test]
fn statistics_table_filtered_and_sorted() {
    let mut actions = vec![Statistics, Filter];
    actions.extend(typing("案件"));
    actions.extend([KeepFilter, Sort]);
    snap("stats_filtered", &actions);
}

#[test]
fn help_screen() {
    snap("help", &[Help]);
}

#[test]
fn too_small() {
    let a = app_sized(30, 8);
    insta::assert_snapshot!("too_small_30x8", screen(&a));
}

#[test]
fn english_labels() {
    let mut a = App::new(
        common::reports(),
        report_tui::tui::lang::Lang::En,
        report_tui::tui::state::search_engine::Engine::new(&common::reports()),
        (80, 24),
    );
    play(&mut a, [Statistics]);
    insta::assert_snapshot!("stats_english_80x24", screen(&a));
}

/// Cells showing `needle` on row `y`, walking the row as the terminal shows it (cells
/// hidden behind a wide character skipped).
fn cells_of(
    term: &ratatui::Terminal<ratatui::backend::TestBackend>,
    y: u16,
    needle: &str,
) -> Vec<ratatui::buffer::Cell> {
    let row = visible_cells(term, y);
    let text: String = row.iter().map(|c| c.symbol()).collect();
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} not on row {y}: {text}"));
    let first = text[..at].chars().count();
    row[first..first + needle.chars().count()].to_vec()
}

fn visible_cells(
    term: &ratatui::Terminal<ratatui::backend::TestBackend>,
    y: u16,
) -> Vec<ratatui::buffer::Cell> {
    let buf = term.backend().buffer();
    let mut out = Vec::new();
    let mut x = 0;
    while x < buf.area.width {
        let cell = buf[(x, y)].clone();
        x += unicode_width::UnicodeWidthStr::width(cell.symbol()).max(1) as u16;
        out.push(cell);
    }
    out
}

fn row_text(term: &ratatui::Terminal<ratatui::backend::TestBackend>, y: u16) -> String {
    visible_cells(term, y)
        .iter()
        .map(|c| c.symbol().to_string())
        .collect()
}

#[test]
fn matched_characters_are_highlighted_in_results() {
    let mut a = app_sized(120, 40);
    play(&mut a, [Search]);
    play(&mut a, typing("记录仪"));
    let term = draw(&a);
    // Row 2 holds the first hit (title bar, query line, then results).
    let first_hit = cells_of(&term, 2, "记录仪");
    let matched = a.theme.matched();
    for c in first_hit.iter().filter(|c| c.symbol() != " ") {
        assert_eq!(c.fg, matched.fg.unwrap(), "{:?}", c.symbol());
        assert!(c.modifier.contains(Modifier::BOLD));
    }
}

#[test]
fn the_current_figure_is_reversed_and_others_are_highlighted() {
    let mut a = app_sized(120, 40);
    let mut actions = at_four_three();
    actions.push(Down);
    play(&mut a, actions);
    let term = draw(&a);
    let row = (0..40).find(|&y| row_text(&term, y).contains("共计44台"));
    let cells = cells_of(&term, row.unwrap(), "44台");
    assert!(cells
        .iter()
        .all(|c| c.modifier.contains(Modifier::REVERSED)));
}

#[test]
fn no_color_draws_without_colours() {
    let mut a = app_sized(120, 40);
    a.theme = report_tui::tui::theme::Theme { no_color: true };
    play(&mut a, [Search]);
    play(&mut a, typing("执法"));
    let term = draw(&a);
    let buf = term.backend().buffer();
    for c in buf.content() {
        assert_eq!(
            (c.fg, c.bg),
            (ratatui::style::Color::Reset, ratatui::style::Color::Reset)
        );
    }
}

#[test]
fn in_east_asian_width_terminals_quotes_are_drawn_narrow() {
    // 十 › (二) quotes “网格长” and “双网融合”.
    let mut a = app_sized(120, 40);
    play(&mut a, [Bottom, Up, Right, Down, Down]);
    assert!(screen(&a).contains("“网格长”"));
    a.narrow_ambiguous = true;
    let shown = screen(&a);
    assert!(shown.contains("\"网格长\""), "{shown}");
    assert!(!shown.contains('“') && !shown.contains('”'));
}

#[test]
fn the_path_to_the_selected_node_is_bold() {
    let mut a = app_sized(120, 40);
    play(&mut a, at_four_three());
    let term = draw(&a);
    let row = (0..40)
        .find(|&y| row_text(&term, y).contains("四、公正文明执法"))
        .unwrap();
    let cells = cells_of(&term, row, "四、公正文明执法");
    assert!(cells.iter().all(|c| c.modifier.contains(Modifier::BOLD)));
    let other = (0..40)
        .find(|&y| row_text(&term, y).contains("五、落实制度"))
        .unwrap();
    assert!(!cells_of(&term, other, "五、落实制度")[0]
        .modifier
        .contains(Modifier::BOLD));
}
