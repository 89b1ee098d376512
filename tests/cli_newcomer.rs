//! The command line as a newcomer meets it (issue 11): section numbers as the report
//! prints them, help that lists only what each command takes, completions and a man page.
#![allow(clippy::unwrap_used)]

mod command;

use command::{cli, stdout};
use predicates::prelude::*;

#[test]
fn sections_are_taken_as_the_report_numbers_them() {
    let by_id = stdout(&["stats", "--section", "6", "--format", "tsv"]);
    assert_eq!(by_id.lines().count(), 14, "a header and 六's 13 figures");
    assert_eq!(
        stdout(&["stats", "--section", "六", "--format", "tsv"]),
        by_id
    );
    let sub = stdout(&["show", "4.3"]);
    assert!(sub.starts_with("(三)加强执法保障。"), "{sub}");
    for form in ["四(三)", "四（三）", "4(3)"] {
        assert_eq!(stdout(&["show", form]), sub, "{form}");
    }
    assert_eq!(stdout(&["show", "引言"]), stdout(&["show", "intro"]));
    cli()
        .args(["show", "十一"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("十一").and(predicate::str::contains("四(三)")));
}

#[test]
fn help_names_the_forms_a_section_takes() {
    for cmd in ["show", "stats"] {
        let help = stdout(&[cmd, "--help"]);
        assert!(help.contains("`六`") && help.contains("`四(三)`"), "{help}");
    }
}

#[test]
fn browser_options_stay_off_the_data_commands() {
    let top = stdout(&["--help"]);
    assert!(top.contains("--no-mouse") && top.contains("--lang"));
    for cmd in ["outline", "stats", "import", "show", "search"] {
        let help = stdout(&[cmd, "--help"]);
        assert!(
            !help.contains("--no-mouse") && !help.contains("--lang"),
            "{cmd}: {help}"
        );
    }
    let import = stdout(&["import", "--help"]);
    assert!(!import.contains("--report"), "{import}");
    assert!(import.contains("<FILE>  The plain-text report"), "{import}");
    let stats = stdout(&["stats", "--help"]);
    assert!(
        stats.contains("--format <FORMAT>    How to print them"),
        "{stats}"
    );
    cli()
        .args(["-r", "x.txt", "import", "y.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("`import` takes its file"));
    cli().args(["outline", "--no-mouse"]).assert().code(2);
    // --report works before and after the command's name.
    let fixture = format!("{}/tests/fixtures/two_reports", env!("CARGO_MANIFEST_DIR"));
    assert_eq!(
        stdout(&["-r", &fixture, "outline"]),
        stdout(&["outline", "-r", &fixture])
    );
}

#[test]
fn search_says_its_query_is_required_in_one_clean_line() {
    let help = stdout(&["search", "--help"]);
    assert!(
        help.contains("report-tui search [OPTIONS] <QUERY>"),
        "{help}"
    );
    let out = cli().arg("search").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err,
        "report-tui: the following required arguments were not provided: <QUERY> (see --help)\n"
    );
}

#[test]
fn completions_offer_commands_and_section_numbers() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = stdout(&["completions", shell]);
        assert!(
            script.contains("outline") && script.contains("stats"),
            "{shell}"
        );
    }
    let zsh = stdout(&["completions", "zsh"]);
    for section in ["4.3", "四(三)", "intro"] {
        assert!(zsh.contains(section), "zsh completes {section}");
    }
    let fish = stdout(&["completions", "fish"]);
    assert!(fish.contains("四(三)"), "{fish}");
    cli().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn the_man_page_documents_every_command() {
    let man = stdout(&["man"]);
    assert!(
        man.starts_with(".ie") || man.contains(".TH report-tui 1"),
        "{man}"
    );
    for cmd in [
        "outline",
        "show",
        "stats",
        "import",
        "search",
        "completions",
    ] {
        assert!(man.contains(cmd), "{cmd}");
    }
}
