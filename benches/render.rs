//! How long the terminal UI takes per frame and per keystroke: drawing the longest section
//! into a 200x60 test terminal, re-wrapping on resize, and stepping through the tree.
//! Run with `cargo bench --bench render`; a frame should stay far under 16 ms.

use ratatui::backend::TestBackend;
use ratatui::Terminal;
use report_tui::tui::input::action::Action;
use report_tui::tui::lang::Lang;
use report_tui::tui::state::app::App;
use report_tui::tui::state::search_engine::Engine;
use report_tui::tui::update::update;

fn main() {
    divan::main();
}

/// The app at 一 › (四), the longest sub-item, with the detail pane focused.
fn app(width: u16, height: u16) -> App {
    let report = report_tui::embedded::report().expect("embedded model parses");
    let engine = Engine::new(std::slice::from_ref(&report));
    let mut app = App::new(vec![report], Lang::Zh, engine, (width, height));
    for a in [
        Action::Down,
        Action::Right,
        Action::Down,
        Action::Down,
        Action::Down,
        Action::Down,
        Action::Open,
    ] {
        update(&mut app, a);
    }
    app
}

#[divan::bench]
fn draw_frame_200x60(bencher: divan::Bencher) {
    let app = app(200, 60);
    let mut term = Terminal::new(TestBackend::new(200, 60)).expect("test terminal");
    bencher.bench_local(|| {
        term.draw(|f| report_tui::tui::view::draw(f, &app))
            .expect("draws");
    });
}

/// A resize re-wraps the detail text at the new width.
#[divan::bench]
fn resize_rewrap(bencher: divan::Bencher) {
    let mut app = app(200, 60);
    let mut wide = true;
    bencher.bench_local(|| {
        wide = !wide;
        let width = if wide { 200 } else { 120 };
        update(&mut app, Action::Resize { width, height: 60 });
    });
}

/// Moving down the tree rebuilds the detail pane for the new node.
#[divan::bench]
fn tree_step(bencher: divan::Bencher) {
    let mut app = app(200, 60);
    update(&mut app, Action::SwitchFocus);
    let mut down = true;
    bencher.bench_local(|| {
        down = !down;
        update(&mut app, if down { Action::Down } else { Action::Up });
    });
}

/// A hostile node: one paragraph of 1 MB holding 40,000 figures. Layout is linear in the
/// text, and a frame only looks at the figures on its visible lines.
fn huge_app() -> App {
    let line = "开展执法检查12次、审查合同3份,".repeat(20_000);
    let report = report_tui::import::import(&format!("一、标题\n{line}"), "huge").expect("imports");
    let engine = Engine::new(std::slice::from_ref(&report));
    let mut app = App::new(vec![report], Lang::Zh, engine, (200, 60));
    for a in [Action::Down, Action::Open] {
        update(&mut app, a);
    }
    app
}

#[divan::bench(sample_count = 20)]
fn huge_paragraph_layout(bencher: divan::Bencher) {
    let mut app = huge_app();
    let mut wide = true;
    bencher.bench_local(|| {
        wide = !wide;
        let width = if wide { 200 } else { 120 };
        update(&mut app, Action::Resize { width, height: 60 });
    });
}

#[divan::bench(sample_count = 20)]
fn huge_paragraph_frame(bencher: divan::Bencher) {
    let app = huge_app();
    let mut term = Terminal::new(TestBackend::new(200, 60)).expect("test terminal");
    bencher.bench_local(|| {
        term.draw(|f| report_tui::tui::view::draw(f, &app))
            .expect("draws");
    });
}
