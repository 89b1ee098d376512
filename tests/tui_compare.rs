//! The comparison screen in the browser, by playing actions: `c` on a figure, `C` from
//! the table with its filter, moving over reports, Enter into context, `y` and `Y`.
#![allow(clippy::unwrap_used)]

mod common;

use common::{play, screen, typing};
use report_tui::tui::input::action::{Action, Effect};
use report_tui::tui::lang::Lang;
use report_tui::tui::state::app::{App, Focus, Mode};
use report_tui::tui::state::search_engine::Engine;

/// The 清河街道 series (2020–2022) open in the browser.
fn series_app() -> App {
    let folder = format!(
        "{}/tests/fixtures/compare/qinghe",
        env!("CARGO_MANIFEST_DIR")
    );
    let (files, _) = report_tui::load::expand(&[folder.into()]);
    let reports: Vec<_> = files
        .iter()
        .map(|f| report_tui::load::load_file(f).unwrap())
        .collect();
    let engine = Engine::new(&reports);
    App::new(reports, Lang::En, engine, (120, 40))
}

fn copied(effects: &[Effect]) -> &str {
    match effects.last() {
        Some(Effect::Copy { text, .. }) => text,
        other => panic!("expected a copy, got {other:?}"),
    }
}

/// The figures of the selected row, as the cells show them.
fn shown_row(app: &App) -> Vec<String> {
    let row = app.compare.selected_row().unwrap();
    row.cells
        .iter()
        .flatten()
        .map(|c| c.display.to_string())
        .collect()
}

#[test]
fn c_on_a_table_figure_shows_its_indicator_in_every_report() {
    let mut app = series_app();
    play(&mut app, [Action::Statistics, Action::Filter]);
    play(&mut app, typing("罚没款"));
    play(&mut app, [Action::KeepFilter, Action::CompareFigure]);
    assert_eq!(app.mode, Mode::Compare);
    assert_eq!(app.compare.visible.len(), 1);
    assert_eq!(shown_row(&app), ["38.6万元", "52.3万元", "41.2万元"]);
    let text = screen(&app);
    assert!(
        text.contains("+13.7 (+35.5%)") && text.contains("-11.1 (-21.2%)"),
        "{text}"
    );
    // y copies the figure of the selected report; l moves to the next report.
    assert_eq!(copied(&play(&mut app, [Action::Copy])), "38.6万元");
    assert_eq!(
        copied(&play(&mut app, [Action::Right, Action::Copy])),
        "52.3万元"
    );
    // Esc goes back to the table.
    play(&mut app, [Action::Back]);
    assert_eq!(app.mode, Mode::Stats);
}

/// Many reports are lined up on a thread of their own: the screen says so and keys
/// still answer; when the rows arrive (a tick without a key), the figure asked for is
/// the row shown, as when lined up at once.
#[test]
fn rows_lined_up_in_the_background_arrive_on_the_figure_asked_for() {
    let mut app = series_app();
    let reports = std::sync::Arc::clone(&app.reports);
    app.compare.start_on_thread(&reports);
    play(&mut app, [Action::Statistics, Action::Filter]);
    play(&mut app, typing("罚没款"));
    play(&mut app, [Action::KeepFilter, Action::CompareFigure]);
    assert_eq!(app.mode, Mode::Compare);
    let text = screen(&app);
    assert!(
        text.contains("Lining up the indicators of 3 reports"),
        "{text}"
    );
    play(&mut app, [Action::Down, Action::Right]);
    let waited = std::time::Instant::now();
    while !report_tui::tui::update::background(&mut app) {
        assert!(waited.elapsed().as_secs() < 60, "the rows never arrived");
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert_eq!(app.compare.visible.len(), 1);
    assert_eq!(shown_row(&app), ["38.6万元", "52.3万元", "41.2万元"]);
    assert!(screen(&app).contains("+13.7 (+35.5%)"));
}

#[test]
fn c_in_the_text_needs_a_figure_and_then_compares_it() {
    let mut app = series_app();
    play(&mut app, [Action::CompareFigure]);
    assert_eq!(app.mode, Mode::Browse, "the tree holds no figure");
    // Into the first report's first section, then into its text and onto a figure.
    play(
        &mut app,
        [
            Action::Down,
            Action::Right,
            Action::Down,
            Action::SwitchFocus,
        ],
    );
    assert_eq!(app.focus, Focus::Detail);
    // The figure 12860件 (applications received), found by its clause, not its label,
    // which is the importer's to choose.
    let id = app.reports.all()[0]
        .all_statistics()
        .into_iter()
        .find(|(_, s)| s.quote.ends_with("受理各类审批服务事项12860件"))
        .map(|(_, s)| s.id.clone())
        .unwrap();
    let figure = app
        .detail
        .doc
        .targets
        .iter()
        .position(|t| t.what.id == id)
        .unwrap();
    app.detail.cursor = Some(figure);
    play(&mut app, [Action::CompareFigure]);
    assert_eq!(app.mode, Mode::Compare);
    let row = app.compare.selected_row().unwrap();
    assert_eq!(row.cells.iter().flatten().count(), 3);
    assert_eq!(app.compare.column, 0, "the figure's own report is selected");
}

#[test]
fn the_full_screen_filters_sorts_opens_in_context_and_copies_the_matrix() {
    let mut app = series_app();
    play(&mut app, [Action::Statistics, Action::Filter]);
    play(&mut app, typing("欠薪"));
    play(&mut app, [Action::KeepFilter, Action::Compare]);
    assert_eq!(
        app.compare.filter.text(),
        "欠薪",
        "the table's filter comes along"
    );
    assert_eq!(app.compare.visible.len(), 1);
    play(
        &mut app,
        [
            Action::Filter,
            Action::Edit(report_tui::tui::state::line_input::Edit::Clear),
            Action::KeepFilter,
        ],
    );
    assert_eq!(app.compare.visible.len(), app.compare.rows.len());
    // Sorting by change puts the largest latest change first.
    play(&mut app, [Action::Sort]);
    let changes: Vec<f64> = app
        .compare
        .visible
        .iter()
        .filter_map(|&i| app.compare.rows[i].last_change())
        .collect();
    assert!(changes.windows(2).all(|w| w[0] >= w[1]), "{changes:?}");
    // Y: the matrix as TSV with a header naming the reports.
    let tsv = copied(&play(&mut app, [Action::CopyCited])).to_string();
    assert!(
        tsv.starts_with(
            "Indicator\tUnit\t清河街道 2020\t清河街道 2021\tΔ 清河街道 2021\t清河街道 2022\t"
        ),
        "{tsv}"
    );
    assert_eq!(tsv.lines().count(), app.compare.visible.len() + 1);
    // Enter shows the selected figure in its report.
    play(&mut app, [Action::Top, Action::Right, Action::Right]);
    let cell = app.compare.selected_cell().unwrap().clone();
    play(&mut app, [Action::Open]);
    assert_eq!(app.mode, Mode::Browse);
    let target = &app.detail.doc.targets[app.detail.cursor.unwrap()];
    assert_eq!(
        (app.detail.doc.key.report(), target.what.id.as_str()),
        (cell.report, cell.id.as_str())
    );
}

#[test]
fn a_series_of_three_gets_a_chart() {
    let mut app = series_app();
    play(&mut app, [Action::Compare]);
    let text = screen(&app);
    // Sparkline bars at the right edge of a row with three figures.
    let row = text.lines().find(|l| l.contains("罚没款")).unwrap();
    assert!(
        row.trim_end().ends_with(|c: char| ('▁'..='█').contains(&c)),
        "{row}"
    );
}
