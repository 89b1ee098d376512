//! How long the data layer takes: parsing the embedded model, importing and rebuilding text.
//! Run with `cargo bench --bench model`.

use report_tui::embedded::{from_json, REPORT_JSON, REPORT_TEXT};

fn main() {
    divan::main();
}

/// Start-up cost of the embedded report: JSON → typed model, sanitising included.
#[divan::bench]
fn load_embedded_json() -> report_tui::Report {
    from_json(divan::black_box(REPORT_JSON)).expect("embedded model parses")
}

/// Importing the plain text of the same report.
#[divan::bench]
fn import_plain_text() -> report_tui::Report {
    report_tui::import::import(divan::black_box(REPORT_TEXT), "report").expect("imports")
}

#[divan::bench]
fn rebuild_text(bencher: divan::Bencher) {
    let report = from_json(REPORT_JSON).expect("embedded model parses");
    bencher.bench(|| report_tui::rebuild::rebuild(divan::black_box(&report)));
}
