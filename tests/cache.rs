//! The index cache gives exactly the answer a fresh import gives, whatever happens to the
//! files (changed, touched, cut short, rewritten with the same size and time) or to the
//! cache file itself (damaged, foreign, truncated).
#![allow(clippy::unwrap_used)] // test helpers outside #[test] fns

mod cache_files;

use cache_files::{apply, change, texts, Change, Place};
use proptest::prelude::*;
use report_tui::cache::{self, Opened};
use report_tui::search::{Index, Query};
use std::time::Duration;

const QUERIES: [&str; 5] = ["执法", "zfjly", "44", "法律意见", "'报告"];

/// Everything a search shows, for every query: items and hits, and the error messages.
fn answer(index: &Index, errors: &[String]) -> String {
    let mut out = format!("{errors:?}\n{} reports\n", index.report_count());
    for r in 0..index.report_count() {
        out += &format!("{}\n", index.report_title(r));
    }
    for q in QUERIES {
        for h in index.search(&Query::parse(q).unwrap()) {
            let item = index.item(h.item);
            out += &format!("{q} {h:?} {item:?}\n");
        }
    }
    out
}

/// Open through the cache; the answer, and whether it came from the cache.
fn cached(place: &Place) -> (String, bool) {
    let args = [place.reports()];
    let (files, _) = report_tui::load::expand(&args);
    match cache::open(&place.cache(), &args, &files, &|_, _| {}) {
        Opened::Cached(entry) => {
            let lines = [entry.errors, entry.warnings].concat();
            (answer(&entry.index, &lines), true)
        }
        Opened::Built { index, loaded } => {
            let errors = loaded.errors.iter().map(ToString::to_string);
            let lines: Vec<String> = errors.chain(loaded.warnings).collect();
            (answer(&index, &lines), false)
        }
    }
}

/// What a fresh import gives, no cache involved.
fn fresh(place: &Place) -> String {
    let loaded = report_tui::load::load(&[place.reports()], &|_, _| {});
    let errors = loaded.errors.iter().map(ToString::to_string);
    let lines: Vec<String> = errors.chain(loaded.warnings).collect();
    answer(&Index::build(&loaded.reports), &lines)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn the_answer_always_follows_the_files(changes in proptest::collection::vec(change(), 1..5)) {
        let texts = texts();
        let place = Place::with(&texts);
        let (first, from_cache) = cached(&place);
        prop_assert!(!from_cache, "an empty cache cannot answer");
        prop_assert_eq!(&first, &fresh(&place));
        for change in &changes {
            apply(&place, &texts, change);
            let want = fresh(&place);
            let (after, _) = cached(&place);
            prop_assert_eq!(&after, &want, "after {:?}", change);
            let (again, from_cache) = cached(&place);
            prop_assert!(from_cache, "unchanged files are answered from the cache");
            prop_assert_eq!(&again, &want, "from the cache after {:?}", change);
        }
    }
}

/// Files left alone past the settling window are not read again for their hash (their
/// status is as the entry recorded it); any later write, even one that puts the size and
/// modification time back, still gives the files' answer.
#[test]
fn settled_files_answer_from_the_cache_and_a_later_write_is_still_seen() {
    let texts = texts();
    let place = Place::with(&texts);
    // Past the three-second window in which a file's times are not trusted.
    std::thread::sleep(Duration::from_millis(3_200));
    assert!(!cached(&place).1);
    let (again, from_cache) = cached(&place);
    assert!(from_cache);
    assert_eq!(again, fresh(&place));
    for change in [
        Change::SameSizeAndTime(1),
        Change::SameSizeAndTime(0),
        Change::Replace(2, 0),
        Change::Touch(0, 5),
    ] {
        apply(&place, &texts, &change);
        let want = fresh(&place);
        assert_eq!(cached(&place).0, want, "after {change:?}");
        let (again, from_cache) = cached(&place);
        assert!(from_cache, "after {change:?}");
        assert_eq!(again, want, "from the cache after {change:?}");
    }
}

/// An entry that passed its hash is noted (beside it) with its file status, and later
/// runs trust it without hashing it again, until anything writes to it: a damaged entry
/// of the same size is still refused and rebuilt.
#[test]
fn a_noted_entry_is_hashed_again_once_written_to() {
    let texts = texts();
    let place = Place::with(&texts);
    let want = fresh(&place);
    assert_eq!(cached(&place), (want.clone(), false));
    let name = cache::entry_name(&[place.reports()]);
    let (entry, note) = (
        place.cache().join(&name),
        place.cache().join(format!("verified-{name}")),
    );
    // A fresh entry is hashed on every use until its status has settled.
    assert_eq!(cached(&place), (want.clone(), true));
    assert!(!note.exists(), "not noted before it settles");
    std::thread::sleep(Duration::from_millis(3_200));
    assert_eq!(cached(&place), (want.clone(), true));
    assert!(note.exists(), "noted once it passed, settled");
    assert_eq!(cached(&place), (want.clone(), true), "used on the note");
    // One byte of the index flipped in place: same size, same name, a moved change time.
    let mut bytes = std::fs::read(&entry).unwrap();
    let at = bytes.len() - 100;
    bytes[at] ^= 0x55;
    std::fs::write(&entry, &bytes).unwrap();
    assert_eq!(cached(&place), (want.clone(), false), "refused and rebuilt");
    assert_eq!(cached(&place), (want, true));
}

/// A FIFO in place of an entry, its models file or its note is not a cache file: the
/// search answers from the files without waiting on it (and replaces the entry).
#[cfg(unix)]
#[test]
fn a_fifo_in_place_of_a_cache_file_is_ignored_without_waiting() {
    let texts = texts();
    let place = Place::with(&texts);
    let want = fresh(&place);
    let name = cache::entry_name(&[place.reports()]);
    std::fs::create_dir_all(place.cache()).unwrap();
    for fifo in [
        name.clone(),
        format!("verified-{name}"),
        cache::models::name(&name),
    ] {
        let made = std::process::Command::new("mkfifo")
            .arg(place.cache().join(fifo))
            .status()
            .unwrap();
        assert!(made.success());
    }
    let (tx, rx) = std::sync::mpsc::channel();
    let root = place.root.clone();
    std::thread::spawn(move || {
        let place = Place { root };
        let answer = cached(&place);
        std::mem::forget(place);
        let _ = tx.send(answer);
    });
    let answer = rx
        .recv_timeout(Duration::from_secs(20))
        .expect("no wait on a FIFO");
    assert_eq!(answer, (want, false));
}

#[test]
fn a_damaged_or_foreign_cache_file_is_ignored_and_rebuilt() {
    let texts = texts();
    let place = Place::with(&texts);
    let want = fresh(&place);
    assert_eq!(cached(&place), (want.clone(), false));
    assert_eq!(cached(&place), (want.clone(), true));
    let entry = std::fs::read_dir(place.cache())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "bin"))
        .unwrap();
    let good = std::fs::read(&entry).unwrap();
    // The whole entry is hashed: a byte flipped anywhere (the key, the header, any column
    // of the index) is caught, at sixteen places spread over the file.
    let mut damages: Vec<(String, Vec<u8>)> = (1..16)
        .map(|k| {
            let mut b = good.clone();
            let at = b.len() * k / 16;
            b[at] ^= 0x10;
            (format!("one byte flipped at {k}/16"), b)
        })
        .collect();
    let fixed: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        ("cut short", good[..good.len() - 1].to_vec()),
        ("cut in the header", good[..20].to_vec()),
        ("one byte flipped in the index", {
            let mut b = good.clone();
            let at = b.len() * 3 / 4;
            b[at] ^= 0x40;
            b
        }),
        ("one byte flipped in the key", {
            let mut b = good.clone();
            b[90] ^= 1;
            b
        }),
        ("written by another build", {
            let mut b = good.clone();
            b[16] ^= 1;
            b
        }),
        ("another format version", {
            let mut b = good.clone();
            b[8] = b[8].wrapping_add(1);
            b
        }),
        (
            "garbage",
            (0..good.len()).map(|i| (i * 7919 % 251) as u8).collect(),
        ),
    ];
    damages.extend(fixed.into_iter().map(|(w, b)| (w.to_string(), b)));
    for (what, bytes) in damages {
        std::fs::write(&entry, &bytes).unwrap();
        assert_eq!(cached(&place), (want.clone(), false), "{what}");
        assert_eq!(
            cached(&place),
            (want.clone(), true),
            "rebuilt after: {what}"
        );
    }
}

#[test]
fn info_lists_and_clear_empties() {
    let place = Place::new();
    std::fs::write(place.file(0), &texts()[0]).unwrap();
    assert!(cache::info(&place.cache()).is_empty());
    cached(&place);
    let entries = cache::info(&place.cache());
    assert_eq!(entries.len(), 1);
    assert!(entries[0].1 > 0);
    assert_eq!(cache::clear(&place.cache()).unwrap(), 1);
    assert!(cache::info(&place.cache()).is_empty());
    assert!(!cached(&place).1, "cleared means rebuilt");
}
