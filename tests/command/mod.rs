//! Running the binary as a script does, for the command-line tests: a fixture's path,
//! a run's exit code and output, and stdout of a run that must succeed.
#![allow(dead_code, clippy::unwrap_used)]

use assert_cmd::Command;

pub fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

pub fn cli() -> Command {
    Command::cargo_bin("report-tui").unwrap()
}

/// Exit code, stdout and stderr of `report-tui ARGS`.
pub fn run(args: &[&str]) -> (i32, String, String) {
    let out = cli().args(args).output().unwrap();
    let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
    (
        out.status.code().unwrap(),
        text(out.stdout),
        text(out.stderr),
    )
}

/// Stdout of `report-tui ARGS`, which must succeed.
pub fn stdout(args: &[&str]) -> String {
    let out = cli().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}
