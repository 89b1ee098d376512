//! Hostile input in a real terminal (tmux): signals while reports load, signals from
//! outside, a FIFO beside a good report, a 100,000-section model, a pasted megabyte.
//! Each checks the terminal is left sane (icanon, echo, main screen, mouse off).
#![cfg(all(feature = "tui", unix))]
#![allow(clippy::unwrap_used)]

mod models;
mod tmux;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};
use tmux::{app_pid, ended_restored, Tmux};

/// A fresh temporary folder, removed on drop.
struct Dir(PathBuf);

impl Dir {
    fn new(tag: &str) -> Dir {
        let dir = std::env::temp_dir().join(format!(
            "report-tui-e2e-hostile-{}-{tag}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Dir(dir)
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn kill(signal: &str, pid: &str) {
    let ok = Command::new("kill").args([signal, pid]).status().unwrap();
    assert!(ok.success(), "kill {signal} {pid}");
}

/// Write `n` synthetic reports into `dir` with the app's own generator.
fn corpus(dir: &Path, n: usize) {
    let out = Command::new(env!("CARGO_BIN_EXE_report-tui"))
        .args(["gen-corpus", &n.to_string()])
        .arg(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn sigterm_while_a_large_folder_loads_leaves_the_terminal_sane() {
    let dir = Dir::new("sigterm-loading");
    corpus(&dir.0, 600);
    let t = Tmux::start("term-loading", &format!("-r '{}'", dir.0.display()));
    t.wait_for("正在打开报告");
    kill("-TERM", &app_pid(&t));
    let screen = ended_restored(&t);
    assert!(screen.contains("EXIT:143"), "{screen}");
}

#[test]
fn q_while_a_large_folder_loads_quits_at_once() {
    let dir = Dir::new("q-loading");
    corpus(&dir.0, 600);
    let t = Tmux::start("q-loading", &format!("-r '{}'", dir.0.display()));
    t.wait_for("正在打开报告");
    let asked = Instant::now();
    t.keys(&["q"]);
    let screen = ended_restored(&t);
    assert!(screen.contains("EXIT:0"), "{screen}");
    assert!(
        asked.elapsed() < Duration::from_secs(3),
        "{:?}",
        asked.elapsed()
    );
}

#[test]
fn sigquit_restores_the_terminal() {
    let t = Tmux::start("sigquit", "");
    t.wait_for("目录");
    kill("-QUIT", &app_pid(&t));
    let screen = ended_restored(&t);
    assert!(screen.contains("EXIT:131"), "{screen}");
}

#[test]
fn sigtstp_from_outside_suspends_as_ctrl_z_does() {
    let t = Tmux::start_command("tstp", &["bash", "--norc", "--noprofile", "-i"]);
    t.type_text(&format!("'{}'", env!("CARGO_BIN_EXE_report-tui")));
    t.keys(&["Enter"]);
    t.wait_for("十、下一步工作意见");
    kill("-TSTP", &app_pid(&t));
    t.wait_for("Stopped");
    assert_eq!(
        t.format("#{alternate_on} #{mouse_any_flag} #{cursor_flag}"),
        "0 0 1",
        "suspended: the shell has a normal terminal"
    );
    t.type_text("fg");
    t.keys(&["Enter"]);
    t.wait_for("十、下一步工作意见");
    assert_eq!(t.format("#{alternate_on} #{mouse_any_flag}"), "1 1");
    t.quit_to_shell();
}

#[test]
fn a_folder_with_a_fifo_opens_its_other_report() {
    let dir = Dir::new("fifo");
    let fifo = dir.0.join("pipe.txt");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/two_reports/a_dongshan_2021.txt"
    );
    std::fs::copy(fixture, dir.0.join("good.txt")).unwrap();
    let t = Tmux::start("fifo", &format!("-r '{}'", dir.0.display()));
    let screen = t.wait_for("1 个文件无法打开");
    assert!(
        screen.contains("东山区2021年"),
        "the good report opened:\n{screen}"
    );
    t.keys(&["q"]);
    let screen = ended_restored(&t);
    assert!(screen.contains("EXIT:2"), "{screen}");
    assert!(
        screen.contains("pipe.txt: not a regular file (a FIFO)"),
        "{screen}"
    );
}

#[test]
fn a_model_of_100000_sections_opens_and_g_reaches_the_last() {
    let dir = Dir::new("big");
    let path = dir.0.join("big.json");
    std::fs::write(&path, models::many_sections(100_000)).unwrap();
    let t = Tmux::start("big", &format!("-r '{}'", path.display()));
    // Generous: a debug build on two shared cores; the release build's figures are in
    // scripts/big-model.py.
    t.wait_for_up_to("第1节", Duration::from_secs(60));
    t.keys(&["G"]);
    t.wait_for("100000、第100000节");
    t.keys(&["g"]);
    t.wait_for("1、第1节");
    t.keys(&["q"]);
    assert!(ended_restored(&t).contains("EXIT:0"));
}

#[test]
fn a_pasted_megabyte_never_freezes_the_search() {
    let t = Tmux::start("paste", "");
    t.wait_for("目录");
    t.keys(&["/"]);
    t.wait_for("/ ");
    let page = std::env::temp_dir().join(format!("report-tui-paste-{}", std::process::id()));
    std::fs::write(&page, "执法 ".repeat(200_000)).unwrap();
    t.run(&["load-buffer", page.to_str().unwrap()]);
    let _ = std::fs::remove_file(&page);
    let pasted = Instant::now();
    // -p: as a bracketed paste, as a terminal delivers one.
    t.run(&["paste-buffer", "-p", "-t", "0"]);
    t.wait_for_up_to("执法 执法 执法", Duration::from_secs(30));
    t.keys(&["Escape"]);
    t.wait_for("目录");
    assert!(
        pasted.elapsed() < Duration::from_secs(30),
        "{:?}",
        pasted.elapsed()
    );
    t.keys(&["q"]);
    assert!(ended_restored(&t).contains("EXIT:0"));
}

#[test]
fn the_terminal_itself_as_a_report_is_refused_not_read() {
    // stdin is the pane's terminal: a device, refused before it is opened.
    let t = Tmux::start("stdin", "-r /dev/stdin");
    let screen = ended_restored(&t);
    assert!(screen.contains("EXIT:2"), "{screen}");
    assert!(
        screen.contains("report-tui: /dev/stdin: not a regular file (a device)"),
        "{screen}"
    );
}

#[test]
fn a_warning_about_a_text_without_headings_is_printed_after_the_browser() {
    let dir = Dir::new("warnafter");
    std::fs::write(
        dir.0.join("plain\u{1b}]0;X\u{7}.txt"),
        "全年开展普法活动12场。\n",
    )
    .unwrap();
    let t = Tmux::start("warnafter", &format!("-r '{}'", dir.0.display()));
    t.wait_for("12场");
    t.keys(&["q"]);
    let screen = ended_restored(&t);
    assert!(
        screen.contains("EXIT:0"),
        "a warning is not an error:\n{screen}"
    );
    assert!(
        screen.contains("plain␛]0;X␇.txt: no numbered headings"),
        "{screen}"
    );
}

#[test]
fn errors_printed_after_the_browser_show_hostile_names_as_symbols() {
    let dir = Dir::new("errnames");
    std::fs::write(dir.0.join("bad\u{1b}[2J\u{1b}]0;PWN\u{7}.txt"), "").unwrap();
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/two_reports/a_dongshan_2021.txt"
    );
    std::fs::copy(fixture, dir.0.join("good.txt")).unwrap();
    let t = Tmux::start("errnames", &format!("-r '{}'", dir.0.display()));
    t.wait_for("1 个文件无法打开");
    t.keys(&["q"]);
    let screen = ended_restored(&t);
    assert!(screen.contains("EXIT:2"), "{screen}");
    assert!(screen.contains("bad␛[2J␛]0;PWN␇.txt"), "{screen}");
    assert_eq!(
        t.format("#{pane_title}"),
        t.format("#{host}"),
        "the title was not changed"
    );
}
