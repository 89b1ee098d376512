//! How long the data layer takes: parsing the embedded model, importing and rebuilding text.
//! Run with `cargo bench --bench parse`.

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

/// A hostile shape: one line of 1 MB holding 40,000 figures. Import stays linear in the
/// text (clauses are cut once per paragraph, not once per figure).
#[divan::bench(sample_count = 10)]
fn import_one_huge_line(bencher: divan::Bencher) {
    let line = "开展执法检查12次、审查合同3份,".repeat(20_000);
    let text = format!("一、标题\n{line}");
    bencher.bench(|| report_tui::import::import(divan::black_box(&text), "huge").expect("imports"));
}
