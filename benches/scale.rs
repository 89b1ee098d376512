//! Opening many reports: 1,000 synthetic plain-text reports (`gen-corpus`) read, imported
//! and indexed for search. Run with `cargo bench --bench scale`.

use std::path::PathBuf;

fn main() {
    divan::main();
}

/// 1,000 when benchmarking; `cargo test --all-targets` runs each bench once in a debug
/// build, where a smaller corpus checks the same code without slowing CI.
const REPORTS: usize = if cfg!(debug_assertions) { 50 } else { 1000 };

/// The corpus folder under the system temp folder, written on first use and reused by
/// later runs (the generator is deterministic).
fn corpus() -> PathBuf {
    static DIR: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("report-tui-bench-corpus-{REPORTS}"));
        if std::fs::read_dir(&dir).is_ok_and(|d| d.count() == REPORTS) {
            return dir;
        }
        let base = report_tui::embedded::report().expect("embedded model parses");
        std::fs::create_dir_all(&dir).expect("temp folder");
        for (i, mut r) in report_tui::search::corpus::generate(&base, REPORTS)
            .into_iter()
            .enumerate()
        {
            r.title_supplied = false;
            let text = report_tui::rebuild::rebuild(&r);
            std::fs::write(dir.join(format!("{i:04}.txt")), text).expect("write report");
        }
        dir
    })
    .clone()
}

/// Read and import every file (in parallel over the cores), as `--report DIR` does.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn open_1000_reports(bencher: divan::Bencher) {
    let dir = [corpus()];
    bencher.bench(|| {
        let loaded = report_tui::load::load(&dir, &|_, _| {});
        assert_eq!(loaded.reports.len(), REPORTS);
        loaded
    });
}

/// Open and build the search index: the time from launch to a searchable app.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn open_and_index_1000_reports(bencher: divan::Bencher) {
    let dir = [corpus()];
    bencher.bench(|| {
        let loaded = report_tui::load::load(&dir, &|_, _| {});
        report_tui::search::Index::build(&loaded.reports)
    });
}

/// The same reports read back from the models cache (written once, before timing), as
/// the browser opens a folder it has opened before: the key check, each record's hash
/// and the decoding into `Report`s, on every core. Compare with `open_1000_reports`.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn read_1000_reports_from_the_models_cache(bencher: divan::Bencher) {
    use report_tui::cache::{fingerprint, models};
    let (files, _) = report_tui::load::expand(&[corpus()]);
    let key = fingerprint(&files).expect("the corpus reads");
    let path = std::env::temp_dir().join(format!("report-tui-bench-models-{REPORTS}.bin"));
    let loaded = report_tui::load::load(&files, &|_, _| {});
    models::write(&path, &key, &[], &[], &loaded.reports).expect("models written");
    bencher.bench(|| {
        let read = models::read(&path, &key).expect("the entry matches");
        assert_eq!(read.reports.len(), REPORTS);
        read
    });
    let _ = std::fs::remove_file(&path);
}
