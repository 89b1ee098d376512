//! Build script: a hash of the sources that decide what an import gives (`src/`,
//! `assets/`, the manifest and lock file), so a cache entry written by another build is
//! known as stale without reading the executable at run time. And the label dictionary
//! as Rust arrays (`build/label_words.rs`, `build/label_trie.rs`).

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

#[path = "build/label_trie.rs"]
mod label_trie;
#[path = "build/label_words.rs"]
mod label_words;

fn main() {
    label_words::write();
    let inputs = ["src", "assets", "build", "Cargo.toml", "Cargo.lock"];
    let mut files = Vec::new();
    for input in inputs {
        println!("cargo:rerun-if-changed={input}");
        walk(Path::new(input), &mut files);
    }
    files.sort();
    // Two differently seeded hashes make 128 bits: a chance collision between two builds
    // is not a worry at 64, but the cache stores 128 and the second costs nothing.
    let mut halves = [0u64; 2];
    for (seed, half) in halves.iter_mut().enumerate() {
        let mut hasher = std::hash::DefaultHasher::new();
        seed.hash(&mut hasher);
        for file in &files {
            file.hash(&mut hasher);
            std::fs::read(file).unwrap_or_default().hash(&mut hasher);
        }
        *half = hasher.finish();
    }
    println!(
        "cargo:rustc-env=REPORT_TUI_BUILD={:016x}{:016x}",
        halves[0], halves[1]
    );
}

fn walk(path: &Path, files: &mut Vec<PathBuf>) {
    if path.is_dir() {
        for entry in std::fs::read_dir(path).into_iter().flatten().flatten() {
            walk(&entry.path(), files);
        }
    } else if path.is_file() {
        files.push(path.to_path_buf());
    }
}
