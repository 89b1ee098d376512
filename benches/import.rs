//! Import throughput in MB/s, one core: the embedded report's text, a corpus of generated
//! reports (`gen-corpus`), the layout fixtures, and the parts of the import on their own.
//! Run with `cargo bench --bench import`.

use divan::counter::BytesCount;
use report_tui::import::{figures, import, import_bytes, sentences};

fn main() {
    divan::main();
}

/// 200 generated reports when benchmarking (3 MB); fewer in the debug build of
/// `cargo test --all-targets`, which runs each bench once.
const REPORTS: usize = if cfg!(debug_assertions) { 5 } else { 200 };

fn corpus() -> &'static [String] {
    static TEXTS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    TEXTS.get_or_init(|| {
        let base = report_tui::embedded::report().expect("embedded model parses");
        report_tui::search::corpus::generate(&base, REPORTS)
            .into_iter()
            .map(|mut r| {
                r.title_supplied = false;
                report_tui::rebuild::rebuild(&r)
            })
            .collect()
    })
}

fn layouts() -> &'static [Vec<u8>] {
    static FILES: std::sync::OnceLock<Vec<Vec<u8>>> = std::sync::OnceLock::new();
    FILES.get_or_init(|| {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/layouts");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .expect("fixtures")
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        files
            .iter()
            .map(|p| std::fs::read(p).expect("fixture"))
            .collect()
    })
}

/// The embedded report's text (8 KB), whole import: structure, sentences, figures, labels.
#[divan::bench]
fn embedded_report(bencher: divan::Bencher) {
    let text = report_tui::embedded::REPORT_TEXT;
    bencher
        .counter(BytesCount::of_str(text))
        .bench(|| import(divan::black_box(text), "report").expect("imports"));
}

/// The generated corpus, every report imported in turn.
#[divan::bench(sample_count = 10)]
fn generated_corpus(bencher: divan::Bencher) {
    let texts = corpus();
    let bytes: usize = texts.iter().map(String::len).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        for t in texts {
            divan::black_box(import(t, "report").expect("imports"));
        }
    });
}

/// The seven layout fixtures from bytes (GBK and UTF-16 decoded on the way).
#[divan::bench]
fn layout_fixtures(bencher: divan::Bencher) {
    let files = layouts();
    let bytes: usize = files.iter().map(Vec::len).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        for f in files {
            divan::black_box(import_bytes(f, "fixture").expect("imports"));
        }
    });
}

/// Parts on their own, over the corpus: sentence cutting, and the figure scan.
#[divan::bench(sample_count = 10)]
fn corpus_sentences_only(bencher: divan::Bencher) {
    let texts = corpus();
    let bytes: usize = texts.iter().map(String::len).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        for t in texts {
            divan::black_box(sentences(t));
        }
    });
}

#[divan::bench(sample_count = 10)]
fn corpus_figures_only(bencher: divan::Bencher) {
    let texts = corpus();
    let bytes: usize = texts.iter().map(String::len).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        for t in texts {
            divan::black_box(figures(t));
        }
    });
}

/// One label's segmentation: a 24-character window beside a figure, with the label
/// segmenter (compile-time tables, nothing to load) and, side by side, jieba-rs 0.11's
/// `tag` with the same dictionary, which it replaced (loaded before timing: ~3 ms a
/// process).
const WINDOW: &str = "全年受理群众来访，排查化解矛盾纠纷，政务服务事项网上可办率";

#[divan::bench]
fn segment_one_window() -> usize {
    report_tui::import::segment(divan::black_box(WINDOW)).len()
}

#[divan::bench]
fn segment_one_window_jieba(bencher: divan::Bencher) {
    let dict: String = include_str!("../assets/words.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .flat_map(|l| [l, "\n"])
        .collect();
    let jieba = jieba_rs::Jieba::with_dict(&mut dict.as_bytes()).expect("dictionary loads");
    bencher.bench(|| jieba.tag(divan::black_box(WINDOW), false).len());
}

/// Loading jieba-rs with the label dictionary, as every process that imported a text file
/// did before the segmenter's tables were compiled in (they need no load).
#[divan::bench(sample_count = 5)]
fn segmenter_load_jieba_label_dictionary() -> jieba_rs::Jieba {
    let dict: String = include_str!("../assets/words.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .flat_map(|l| [l, "\n"])
        .collect();
    jieba_rs::Jieba::with_dict(&mut dict.as_bytes()).expect("dictionary loads")
}
