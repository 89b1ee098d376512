//! The `report-tui` binary: parse arguments, run, map errors to exit codes.

fn main() {
    tune_allocator();
    std::process::exit(report_tui::cli::main());
}

/// glibc raises its mmap threshold each time a large mapped block is freed; after that the
/// index's large columns come from the heap and stay resident once freed. A fixed trim
/// threshold (which also keeps the mmap threshold at its 128 KiB default) hands them
/// back: peak RSS of `search --no-cache` over 1,000 reports 107 -> 90-93 MB, CPU the same
/// within noise (docs/BENCHMARKS.md, "Import without the cache"). mimalloc was tried for
/// the same run and peaked at 199 MB.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn tune_allocator() {
    // SAFETY: mallopt only sets a malloc parameter; no other thread exists yet.
    unsafe {
        libc::mallopt(libc::M_TRIM_THRESHOLD, 128 * 1024);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn tune_allocator() {}
