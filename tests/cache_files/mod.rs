//! What the cache tests share: report texts to write and swap, a temporary folder of
//! reports with a cache folder beside it, and the changes a user makes to files
//! (replace, touch, truncate, rewrite with the same size and time).
#![allow(dead_code, clippy::unwrap_used)]

use proptest::prelude::*;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Report texts to write and swap: the embedded report and two small ones.
pub fn texts() -> Vec<String> {
    let fixture = |n: &str| {
        std::fs::read_to_string(format!("{}/tests/fixtures/{n}", env!("CARGO_MANIFEST_DIR")))
            .unwrap()
    };
    vec![
        std::fs::read_to_string(format!("{}/assets/report.txt", env!("CARGO_MANIFEST_DIR")))
            .unwrap(),
        fixture("indented_thousands.txt"),
        fixture("no_title_no_signoff.txt"),
    ]
}

/// A temporary folder for the reports and one for the cache, removed on drop.
pub struct Place {
    pub root: PathBuf,
}

impl Place {
    pub fn new() -> Place {
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let root =
            std::env::temp_dir().join(format!("report-tui-cache-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("reports")).unwrap();
        Place { root }
    }
    /// A new place with `texts` written as its reports `r0.txt`, `r1.txt`, ….
    pub fn with(texts: &[String]) -> Place {
        let place = Place::new();
        for (i, text) in texts.iter().enumerate() {
            std::fs::write(place.file(i), text).unwrap();
        }
        place
    }
    pub fn reports(&self) -> PathBuf {
        self.root.join("reports")
    }
    pub fn cache(&self) -> PathBuf {
        self.root.join("cache")
    }
    pub fn file(&self, i: usize) -> PathBuf {
        self.reports().join(format!("r{i}.txt"))
    }
}

impl Drop for Place {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

pub fn mtime(path: &Path) -> SystemTime {
    std::fs::metadata(path).unwrap().modified().unwrap()
}

pub fn set_mtime(path: &Path, time: SystemTime) {
    let file = std::fs::File::options().write(true).open(path).unwrap();
    file.set_modified(time).unwrap();
}

#[derive(Clone, Debug)]
pub enum Change {
    /// Write another report's text into file `.0`.
    Replace(usize, usize),
    /// Move the modification time on, content unchanged.
    Touch(usize, u64),
    /// Cut the file to this fraction of its length (often mid-character: an error).
    Truncate(usize, u8),
    /// Change one digit (or, with none, one byte) and put the size and time back as
    /// they were: only the content hash can tell.
    SameSizeAndTime(usize),
}

pub fn apply(place: &Place, texts: &[String], change: &Change) {
    match *change {
        Change::Replace(f, t) => std::fs::write(place.file(f), &texts[t]).unwrap(),
        Change::Touch(f, secs) => {
            let path = place.file(f);
            set_mtime(&path, mtime(&path) + Duration::from_secs(secs + 1));
        }
        Change::Truncate(f, part) => {
            let path = place.file(f);
            let len = std::fs::metadata(&path).unwrap().len();
            let file = std::fs::File::options().write(true).open(&path).unwrap();
            file.set_len(len * u64::from(part) / 256).unwrap();
        }
        Change::SameSizeAndTime(f) => {
            let path = place.file(f);
            let before = mtime(&path);
            let mut bytes = std::fs::read(&path).unwrap();
            match bytes.iter().position(u8::is_ascii_digit) {
                Some(at) => {
                    bytes[at] = if bytes[at] == b'9' {
                        b'1'
                    } else {
                        bytes[at] + 1
                    }
                }
                None if bytes.is_empty() => {}
                None => bytes[0] ^= 1,
            }
            std::fs::write(&path, &bytes).unwrap();
            set_mtime(&path, before);
        }
    }
}

pub fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        (0..3usize, 0..3usize).prop_map(|(f, t)| Change::Replace(f, t)),
        (0..3usize, 0..100u64).prop_map(|(f, s)| Change::Touch(f, s)),
        (0..3usize, any::<u8>()).prop_map(|(f, p)| Change::Truncate(f, p)),
        (0..3usize).prop_map(Change::SameSizeAndTime),
    ]
}
