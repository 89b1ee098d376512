//! Search benchmarks: index build, one query each of hanzi, pinyin initials, full pinyin
//! and digits on the embedded report and on a 1,000-report synthetic corpus, and typing
//! queries keystroke by keystroke through the incremental `Searcher`.
//!
//! `cargo bench --bench lookup`; results and how to read them are in README.md, "## Search".

use divan::Bencher;
use report_tui::model::Report;
use report_tui::search::{corpus, Index, Query, Searcher};
use std::sync::{Arc, OnceLock};

fn main() {
    divan::main();
}

/// One query of each sort the issue names: hanzi, initials, full pinyin, digits.
const QUERIES: [&str; 4] = ["法律意见", "zfjly", "zhifajiluyi", "718"];

/// Reports in the synthetic corpus.
/// `cargo test --all-targets` runs each bench once in a debug build: a smaller corpus
/// checks the same code there without slowing CI.
const CORPUS: usize = if cfg!(debug_assertions) { 50 } else { 1000 };

fn report() -> &'static (Vec<Report>, Index) {
    static R: OnceLock<(Vec<Report>, Index)> = OnceLock::new();
    R.get_or_init(|| {
        let reports = vec![report_tui::embedded::report().expect("embedded report parses")];
        let index = Index::build(&reports);
        (reports, index)
    })
}

fn corpus() -> &'static (Vec<Report>, Arc<Index>) {
    static C: OnceLock<(Vec<Report>, Arc<Index>)> = OnceLock::new();
    C.get_or_init(|| {
        let reports = corpus::generate(&report().0[0], CORPUS);
        let index = Index::build(&reports);
        (reports, Arc::new(index))
    })
}

#[divan::bench]
fn build_report(b: Bencher) {
    let reports = &report().0;
    b.bench(|| Index::build(reports));
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn build_corpus(b: Bencher) {
    let reports = &corpus().0;
    b.bench(|| Index::build(reports));
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn generate_corpus(b: Bencher) {
    let base = &report().0[0];
    b.bench(|| corpus::generate(base, CORPUS));
}

#[divan::bench(args = QUERIES)]
fn query_report(b: Bencher, q: &str) {
    let index = &report().1;
    let query = Query::parse(q).expect("a valid query");
    b.bench(|| index.search(&query).len());
}

#[divan::bench(args = QUERIES, sample_count = 20)]
fn query_corpus(b: Bencher, q: &str) {
    let index = &corpus().1;
    let query = Query::parse(q).expect("a valid query");
    b.bench(|| index.search(&query).len());
}

/// Every keystroke of typing each query: the time of the keystroke alone, its
/// `Searcher` having already searched the text typed before it (as when typing).
const KEYSTROKES: [&str; 19] = [
    "z",
    "zh",
    "zhi",
    "zhif",
    "zhifa",
    "zhifaj",
    "zhifaji",
    "zhifajil",
    "zhifajilu",
    "zhifajiluy",
    "zhifajiluyi",
    "法",
    "法律",
    "法律意",
    "法律意见",
    "7",
    "71",
    "718",
    "718 z",
];

#[divan::bench(args = KEYSTROKES, sample_count = 20)]
fn keystroke_corpus(b: Bencher, typed: &str) {
    let index = &corpus().1;
    let before: String = {
        let mut chars: Vec<char> = typed.chars().collect();
        chars.pop();
        chars.into_iter().collect()
    };
    b.with_inputs(|| {
        let mut s = Searcher::new(Arc::clone(index));
        s.search(&before);
        s
    })
    .bench_local_refs(|s| s.search(typed).len());
}

/// The same keystrokes as the search screen makes them: only the page it shows (1,000
/// hits) ranked and highlighted, the rest counted.
#[divan::bench(args = KEYSTROKES, sample_count = 20)]
fn keystroke_page(b: Bencher, typed: &str) {
    let index = &corpus().1;
    let before: String = {
        let mut chars: Vec<char> = typed.chars().collect();
        chars.pop();
        chars.into_iter().collect()
    };
    b.with_inputs(|| {
        let mut s = Searcher::new(Arc::clone(index));
        s.search_top(&before, 1000);
        s
    })
    .bench_local_refs(|s| s.search_top(typed, 1000).1);
}

/// The same keystrokes typed at a human pace, as the browser's search screen sees them:
/// the index's letter summary built (the browser builds it while the tree shows) and the
/// summary the text typed before started (`Searcher::settle`) ready.
#[divan::bench(args = KEYSTROKES, sample_count = 20)]
fn keystroke_typed(b: Bencher, typed: &str) {
    let index = &corpus().1;
    index.summarise_letters_now();
    let before: String = {
        let mut chars: Vec<char> = typed.chars().collect();
        chars.pop();
        chars.into_iter().collect()
    };
    b.with_inputs(|| {
        let mut s = Searcher::new(Arc::clone(index));
        // The text typed before it, letter by letter, each summary settled.
        let mut so_far = String::new();
        for c in before.chars() {
            so_far.push(c);
            s.search_top(&so_far, 1000);
            s.settle();
        }
        s
    })
    .bench_local_refs(|s| s.search_top(typed, 1000).1);
}
