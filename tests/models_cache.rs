//! The models cache gives back exactly the reports a fresh import gives: for the embedded
//! report, every layout and holdout fixture, and whatever happens to the files (changed,
//! touched, cut short, rewritten with the same size and time) or to the cache file itself
//! (damaged, foreign, truncated), which is then ignored and rebuilt.
#![allow(clippy::unwrap_used)] // test helpers outside #[test] fns

mod cache_files;

use cache_files::{apply, change, texts, Place};
use proptest::prelude::*;
use report_tui::cache::reports::Reports;
use report_tui::cache::{self, models};
use report_tui::load::Loaded;
use report_tui::model::{Outline, Report};
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The models entry of the place's reports folder.
fn models_file(place: &Place) -> PathBuf {
    let index = cache::entry_name(&[place.reports()]);
    place.cache().join(models::name(&index))
}

/// What the browser is given: reports, error lines and warnings.
type Opened = (Vec<Report>, Vec<String>, Vec<String>);

fn parts(loaded: Loaded) -> Opened {
    let errors = loaded.errors.iter().map(ToString::to_string).collect();
    (loaded.reports, errors, loaded.warnings)
}

/// Through both caches, as the browser opens a folder; whether the models came from the
/// cache (an entry keyed by the files as they are now was there before the call). Reports
/// left in the cache to be read on demand are read here, every one.
fn browser(place: &Place) -> (Opened, bool) {
    let args = [place.reports()];
    let (files, _) = report_tui::load::expand(&args);
    let hit = cache::fingerprint(&files)
        .and_then(|key| models::read(&models_file(place), &key))
        .is_some();
    let opened = cache::reports::for_browser(&place.cache(), &args, &files, &|_, _| {});
    let reports = match opened.reports {
        Reports::Decoded(reports) => reports,
        Reports::Lazy(models) => models.all().into_iter().map(Result::unwrap).collect(),
    };
    let index = opened.index.as_ref().unwrap();
    assert_eq!(
        index.report_count(),
        reports.len(),
        "index and models agree"
    );
    for (r, report) in reports.iter().enumerate() {
        assert_eq!(index.report_title(r), report.title);
    }
    let errors = opened.errors.iter().map(ToString::to_string).collect();
    ((reports, errors, opened.warnings), hit)
}

/// A fresh import, no cache involved.
fn fresh(place: &Place) -> Opened {
    parts(report_tui::load::load(&[place.reports()], &|_, _| {}))
}

/// Every report text the fixtures hold, by path.
fn fixture_files() -> Vec<PathBuf> {
    let mut files = vec![root().join("assets/report.txt")];
    for folder in ["tests/fixtures/layouts", "tests/fixtures/holdout"] {
        let (found, errors) = report_tui::load::expand(&[root().join(folder)]);
        assert!(errors.is_empty(), "{errors:?}");
        files.extend(
            found
                .into_iter()
                .filter(|p| p.extension().is_some_and(|e| e == "txt")),
        );
    }
    files
}

#[test]
fn decoded_models_equal_a_fresh_import_for_every_fixture() {
    let files = fixture_files();
    assert!(files.len() > 20, "{} fixtures", files.len());
    let loaded = report_tui::load::load(&files, &|_, _| {});
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    // The embedded model (JSON) too, and a generated corpus with its varied figures.
    let mut reports = loaded.reports;
    let embedded = report_tui::embedded::report().unwrap();
    reports.extend(report_tui::search::corpus::generate(&embedded, 40));
    reports.push(embedded);
    let place = Place::new();
    let key = cache::fingerprint(&files).unwrap();
    let path = place.cache().join("models-test.bin");
    let (errors, warnings) = (vec!["e: one".to_string()], vec!["w: 二".to_string()]);
    models::write(&path, &key, &errors, &warnings, &reports).unwrap();
    let back = models::read(&path, &key).unwrap();
    assert_eq!(back.reports.len(), reports.len());
    for (got, want) in back.reports.iter().zip(&reports) {
        assert_eq!(got, want, "{}", want.title);
    }
    assert_eq!((&back.errors, &back.warnings), (&errors, &warnings));
    // Read on demand (as the browser does), each report and its outline are the same.
    let lazy = cache::LazyModels::at(&path, &key).unwrap();
    assert_eq!(lazy.len(), reports.len());
    assert_eq!(
        (lazy.errors(), lazy.warnings()),
        (&errors[..], &warnings[..])
    );
    for (r, want) in reports.iter().enumerate().rev() {
        assert_eq!(&lazy.report(r).unwrap(), want, "{}", want.title);
        assert_eq!(lazy.outline(r), Some(&Outline::of(want)), "{}", want.title);
    }
    assert!(lazy.report(reports.len()).is_err(), "past the end");
}

#[test]
fn every_optional_field_survives() {
    let mut r = report_tui::embedded::report().unwrap();
    r.title_supplied = true;
    r.date_text = Some("2020年12月17日".into());
    r.addressee = Some("市人大常委会：".into());
    r.closing = Some("特此报告。".into());
    r.layout.bom = true;
    r.layout.line_ending = "\r\n".into();
    r.layout.blank_lines = vec![(3, " \t".into()), (usize::MAX, String::new())];
    r.layout.padding = vec![(7, "  ".into(), "\u{3000}".into())];
    let p = r.sections[0].subsections.iter_mut();
    let p = p
        .flat_map(|s| s.paragraphs.iter_mut())
        .find(|p| !p.statistics.is_empty())
        .unwrap();
    p.lead = Some("不在正文里的导语".into());
    let st = &mut p.statistics[0];
    st.value = -0.0;
    st.qualifier = Some("约".into());
    st.bound = Some(report_tui::model::Bound::Upper);
    st.change = Some(report_tui::model::Change::Down);
    st.base = Some(report_tui::model::Base {
        value: 1.5e300,
        unit: "元".into(),
    });
    st.offset = usize::MAX;
    st.quote = "不在段落里的引文".into();
    r.sections[1].title = "不在标题行里".into();
    let place = Place::new();
    let key = cache::Fingerprint {
        files: Vec::new(),
        taken_ns: 0,
    };
    let path = place.cache().join("models-one.bin");
    models::write(&path, &key, &[], &[], std::slice::from_ref(&r)).unwrap();
    let back = models::read(&path, &key).unwrap();
    assert_eq!(back.reports, [r.clone()]);
    let p = back.reports[0].sections[0].subsections.iter();
    let figure = &p
        .flat_map(|s| &s.paragraphs)
        .find(|p| !p.statistics.is_empty())
        .unwrap()
        .statistics[0];
    assert!(figure.value.is_sign_negative());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn the_browsers_reports_always_follow_the_files(changes in proptest::collection::vec(change(), 1..5)) {
        let texts = texts();
        let place = Place::with(&texts);
        let (first, hit) = browser(&place);
        prop_assert!(!hit, "an empty cache cannot answer");
        prop_assert_eq!(&first, &fresh(&place));
        for change in &changes {
            apply(&place, &texts, change);
            let want = fresh(&place);
            let (after, _) = browser(&place);
            prop_assert_eq!(&after, &want, "after {:?}", change);
            let (again, hit) = browser(&place);
            prop_assert!(hit, "unchanged files are opened from the cache");
            prop_assert_eq!(&again, &want, "from the cache after {:?}", change);
        }
    }
}

#[test]
fn a_damaged_or_foreign_models_file_is_ignored_and_rebuilt() {
    let texts = texts();
    let place = Place::with(&texts);
    // A file that fails keeps failing, from the cache too, with the same message.
    std::fs::write(place.reports().join("bad.txt"), "").unwrap();
    let want = fresh(&place);
    assert_eq!(want.1.len(), 1, "{:?}", want.1);
    assert_eq!(browser(&place), (want.clone(), false));
    assert_eq!(browser(&place), (want.clone(), true));
    let path = models_file(&place);
    let good = std::fs::read(&path).unwrap();
    let other_index = std::fs::read(place.cache().join(cache::entry_name(&[place.reports()])));
    let flip = |at: usize| {
        let mut b = good.clone();
        b[at] ^= 0x20;
        b
    };
    let damages: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        ("cut short", good[..good.len() - 1].to_vec()),
        ("cut in the header", good[..20].to_vec()),
        ("a byte more", [good.as_slice(), b"x"].concat()),
        ("one byte flipped in a record", flip(good.len() * 3 / 4)),
        ("one byte flipped in the last record", flip(good.len() - 3)),
        ("one byte flipped in the key", flip(80)),
        // Bytes 32..48 name the build that wrote the file: another program's models
        // (another importer) are stale even for unchanged files.
        ("written by another build", flip(40)),
        ("another format version", flip(8)),
        ("the index entry in its place", other_index.unwrap()),
        (
            "garbage",
            (0..good.len()).map(|i| (i * 7919 % 251) as u8).collect(),
        ),
    ];
    for (what, bytes) in damages {
        std::fs::write(&path, &bytes).unwrap();
        assert!(browser(&place) == (want.clone(), false), "{what}");
        // Rewritten whole: the same length as the good file (the bytes differ only in
        // when the key was taken), and used on the next start (below).
        let now = std::fs::read(&path).unwrap();
        assert!(
            now.len() == good.len() && now != bytes,
            "rewritten after: {what}"
        );
        assert!(
            browser(&place) == (want.clone(), true),
            "used after: {what}"
        );
    }
}

#[test]
fn cache_info_and_clear_cover_the_models_entry() {
    let place = Place::new();
    std::fs::write(place.file(0), &texts()[0]).unwrap();
    browser(&place);
    let names: Vec<String> = cache::info(&place.cache())
        .into_iter()
        .map(|e| e.0)
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(names.iter().any(|n| n.starts_with("models-")), "{names:?}");
    assert_eq!(cache::clear(&place.cache()).unwrap(), 2);
    assert!(cache::info(&place.cache()).is_empty());
    assert!(!browser(&place).1, "cleared means imported again");
}

#[test]
fn outline_stats_and_compare_over_a_folder_read_the_models_cache() {
    let place = Place::new();
    for (i, text) in texts().iter().enumerate() {
        std::fs::write(place.file(i), text).unwrap();
    }
    let run = |args: &[&str]| {
        let out = assert_cmd::Command::cargo_bin("report-tui")
            .unwrap()
            .env("XDG_CACHE_HOME", place.cache())
            .args(args)
            .arg("--report")
            .arg(place.reports())
            .output()
            .unwrap();
        (out.status.code(), String::from_utf8(out.stdout).unwrap())
    };
    let models = || {
        place
            .cache()
            .join("report-tui")
            .join(models_file(&place).file_name().unwrap())
    };
    let commands: [&[&str]; 4] = [
        &["outline"],
        &["outline", "--json"],
        &["stats"],
        &["compare"],
    ];
    let uncached: Vec<_> = commands
        .iter()
        .map(|c| run(&[&["--no-cache"], *c].concat()))
        .collect();
    assert!(!models().exists(), "--no-cache writes nothing");
    for (command, want) in commands.iter().zip(&uncached) {
        assert_eq!(want.0, Some(0), "{command:?}");
        assert_eq!(&run(command), want, "{command:?}, first");
        assert!(models().exists(), "{command:?} saved the models");
        assert_eq!(&run(command), want, "{command:?}, from the cache");
    }
    // A changed file is read again, not answered from the cache.
    std::fs::write(place.file(1), &texts()[0]).unwrap();
    let fresh = run(&["--no-cache", "outline"]);
    assert_ne!(fresh, uncached[0]);
    assert_eq!(run(&["outline"]), fresh);
}
