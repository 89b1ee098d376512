//! End to end in a real terminal: the binary runs in a tmux pane (120x40, set-clipboard
//! on), keys are typed with send-keys, the screen is read with capture-pane and the
//! clipboard with show-buffer, which holds what the app sent by OSC 52.
#![cfg(feature = "tui")]
#![allow(clippy::unwrap_used)]

mod tmux;

use std::process::Command;
use std::time::{Duration, Instant};
use tmux::{app_pid, ended_restored, Tmux};

/// Start the app and check the tree shows all ten sections.
fn start_at_the_tree(name: &str) -> Tmux {
    let t = Tmux::start(name, "");
    let screen = t.wait_for("十、下一步工作意见");
    for n in [
        "一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、", "九、", "十、",
    ] {
        assert!(
            screen.contains(n),
            "section {n} missing from the tree:\n{screen}"
        );
    }
    assert_eq!(
        t.format("#{alternate_on} #{mouse_any_flag}"),
        "1 1",
        "alternate screen and mouse on"
    );
    t
}

/// Search `query`, jump to the best hit, copy it; then check clipboard, screen and exit.
fn search_jump_copy_quit(name: &str, query: &str) {
    let t = start_at_the_tree(name);
    t.keys(&["/"]);
    t.wait_for("/ ");
    t.type_text(query);
    t.wait_for("[数]");
    t.keys(&["Enter"]);
    copy_and_quit(&t);
}

/// At 四 › (三) with the cursor on 44台: `y`, check the clipboard, `q`, check the terminal.
fn copy_and_quit(t: &Tmux) {
    t.wait_for("四 › (三)");
    t.keys(&["y"]);
    let screen = t.wait_for("): 44台");
    assert_eq!(t.buffer(), "44台", "OSC 52 reached tmux's buffer");
    assert!(screen.contains("四 › (三)"), "{screen}");

    t.keys(&["q"]);
    assert!(ended_restored(t).contains("EXIT:0"));
}

#[test]
fn hanzi_search_jumps_copies_by_osc52_and_quits_cleanly() {
    search_jump_copy_quit("hanzi", "执法记录仪");
}

#[test]
fn table_filter_jumps_copies_by_osc52_and_quits_cleanly() {
    let t = start_at_the_tree("table");
    t.keys(&["s", "/"]);
    t.type_text("执法记录仪");
    t.wait_for("1/38");
    t.keys(&["Enter", "Enter"]);
    copy_and_quit(&t);
}

#[test]
fn pinyin_search_does_the_same() {
    search_jump_copy_quit("pinyin", "zfjly");
}

#[test]
fn ctrl_c_and_no_mouse_leave_the_terminal_restored() {
    let t = Tmux::start("ctrlc", "--no-mouse --lang en");
    t.wait_for("Contents");
    assert_eq!(
        t.format("#{alternate_on} #{mouse_any_flag}"),
        "1 0",
        "--no-mouse captures nothing"
    );
    t.keys(&["C-c"]);
    assert!(ended_restored(&t).contains("EXIT:0"));
}

#[test]
fn resizing_to_one_cell_and_back_never_breaks() {
    let t = Tmux::start("resize", "");
    t.wait_for("目录");
    for (w, h) in [
        ("80", "24"),
        ("40", "12"),
        ("20", "5"),
        ("1", "1"),
        ("120", "40"),
    ] {
        t.run(&["resize-window", "-t", "0", "-x", w, "-y", h]);
        std::thread::sleep(Duration::from_millis(150));
    }
    t.wait_for("目录");
    t.keys(&["q"]);
    assert!(ended_restored(&t).contains("EXIT:0"));
}

/// Not a test: the program the panic test runs in tmux. It enters the full-screen terminal
/// as the app does, draws, then panics, so the panic path is checked in a real terminal.
#[test]
#[ignore = "run by a_panic_restores_the_terminal_and_shows_its_message"]
fn panic_probe() {
    let _guard = report_tui::tui::terminal::guard::Guard::enter(true).unwrap();
    let backend = ratatui::backend::CrosstermBackend::new(std::io::stdout());
    let mut term = ratatui::Terminal::new(backend).unwrap();
    term.draw(|f| f.render_widget("probe is drawing", f.area()))
        .unwrap();
    std::thread::sleep(Duration::from_millis(300));
    panic!("probe panicked on purpose");
}

#[test]
fn a_panic_restores_the_terminal_and_shows_its_message() {
    let me = std::env::current_exe().unwrap().display().to_string();
    let t = Tmux::start_program("panic", &me, "--ignored --exact panic_probe --nocapture");
    let screen = ended_restored(&t);
    assert!(screen.contains("probe panicked on purpose"), "{screen}");
    assert!(
        !screen.contains("EXIT:0"),
        "the probe fails as it should: {screen}"
    );
}

#[test]
fn sigterm_restores_the_terminal_and_exits_143() {
    let t = Tmux::start("sigterm", "");
    t.wait_for("目录");
    let pid = app_pid(&t);
    assert!(Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap()
        .success());
    let screen = ended_restored(&t);
    assert!(screen.contains("EXIT:143"), "{screen}");
}

#[test]
fn closing_the_terminal_ends_the_app() {
    // Found by hand: after `tmux kill-server` the app kept running at full CPU, its
    // terminal gone, crossterm spinning on the tty's end-of-file.
    let t = Tmux::start("hangup", "");
    t.wait_for("目录");
    let pid = app_pid(&t);
    assert!(!pid.is_empty());
    t.run(&["kill-server"]);
    let start = Instant::now();
    loop {
        let out = Command::new("ps")
            .args(["-o", "stat=", "-p", &pid])
            .output()
            .unwrap();
        let stat = String::from_utf8_lossy(&out.stdout).trim().to_string();
        // Gone, or a zombie waiting for a parent that died with tmux: either way, ended.
        if stat.is_empty() || stat.starts_with('Z') {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "the app (pid {pid}, state {stat}) outlived its terminal"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_folder_of_two_reports_is_searched_together() {
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/two_reports");
    let t = Tmux::start("two-reports", &format!("--report '{folder}'"));
    t.wait_for("2 份报告");
    t.keys(&["/"]);
    t.wait_for("/ ");
    // Figures with 12 in both reports: 审查规范性文件12件 (东山区) and 举办讲座12场 (西湖镇).
    t.type_text("#12");
    let screen = t.wait_for("举办讲座：12场");
    assert!(
        screen.contains("东山区2021年"),
        "hits from the first report:\n{screen}"
    );
    assert!(
        screen.contains("西湖镇2019年"),
        "hits from the second report:\n{screen}"
    );
    // The second report's hit is the second row.
    t.keys(&["Down", "Enter"]);
    t.wait_for("西湖镇2019年法治政府建设情况报告 › 一 › (一) 普法宣传");
    t.keys(&["y"]);
    t.wait_for("): 12场");
    assert_eq!(t.buffer(), "12场");
    t.keys(&["Y"]);
    t.wait_for("): 举办讲座");
    assert_eq!(
        t.buffer(),
        "举办讲座：12场（西湖镇2019年法治政府建设情况报告，一、(一)普法宣传）",
        "the citation names the second report"
    );
    t.keys(&["q"]);
    assert!(ended_restored(&t).contains("EXIT:0"));
}

#[test]
fn a_broken_file_is_named_and_the_rest_still_open() {
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let dir = std::env::temp_dir().join(format!("report-tui-e2e-broken-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(format!("{fixtures}/crlf_bom.txt"), dir.join("a.txt")).unwrap();
    std::fs::copy(format!("{fixtures}/not_utf8.txt"), dir.join("b.txt")).unwrap();
    let t = Tmux::start("broken", &format!("--report '{}'", dir.display()));
    let screen = t.wait_for("1 个文件无法打开");
    assert!(
        screen.contains("西湖镇2019年"),
        "the good report opened:\n{screen}"
    );
    t.keys(&["q"]);
    let screen = ended_restored(&t);
    assert!(screen.contains("EXIT:2"), "{screen}");
    assert!(
        screen.contains("b.txt: not UTF-8 text: invalid byte at offset 25"),
        "{screen}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn ctrl_z_hands_the_terminal_to_the_shell_until_fg() {
    // An interactive shell with job control, as a user has; not the `sh -c` of `start`.
    let t = Tmux::start_command("suspend", &["bash", "--norc", "--noprofile", "-i"]);
    t.type_text(&format!("'{}'", env!("CARGO_BIN_EXE_report-tui")));
    t.keys(&["Enter"]);
    t.wait_for("十、下一步工作意见");
    t.keys(&["C-z"]);
    t.wait_for("Stopped");
    assert_eq!(
        t.format("#{alternate_on} #{mouse_any_flag} #{cursor_flag}"),
        "0 0 1",
        "suspended: the shell has a normal terminal"
    );
    t.type_text("fg");
    t.keys(&["Enter"]);
    t.wait_for("十、下一步工作意见");
    assert_eq!(
        t.format("#{alternate_on} #{mouse_any_flag}"),
        "1 1",
        "back in the app"
    );
    t.quit_to_shell();
}

/// Where `text` first shows on the screen, as 1-based terminal cells (column, row), the
/// way a terminal reports a click: wide characters before it count two cells.
fn cell_of(screen: &str, text: &str) -> (usize, usize) {
    use unicode_width::UnicodeWidthStr;
    for (row, line) in screen.lines().enumerate() {
        if let Some(at) = line.find(text) {
            return (line[..at].width() + 1, row + 1);
        }
    }
    panic!("{text} is not on the screen:\n{screen}");
}

#[test]
fn a_second_search_replaces_the_first_query() {
    let t = start_at_the_tree("second-search");
    t.keys(&["/"]);
    t.wait_for("/ ");
    t.type_text("flyjs");
    t.wait_for("[");
    t.keys(&["Enter"]);
    t.wait_for("结果 ");
    t.keys(&["/"]);
    t.wait_for("/ flyjs");
    t.type_text("zfjly");
    let screen = t.wait_for("/ zfjly");
    assert!(!screen.contains("flyjszfjly"), "{screen}");
    t.wait_for("[数]");
    t.keys(&["Enter"]);
    copy_and_quit(&t);
}

#[test]
fn a_mouse_click_on_a_figure_copies_that_figure() {
    let t = start_at_the_tree("click");
    t.keys(&["j", "j", "j", "j", "j", "j"]);
    let screen = t.wait_for("六 及时高效化解矛盾纠纷");
    // 28个 is the first of four figures on its line; the click lands on its second cell.
    let (x, y) = cell_of(&screen, "28个");
    let press = format!("\x1b[<0;{};{y}M", x + 1);
    let release = format!("\x1b[<0;{};{y}m", x + 1);
    // The bytes a terminal sends for a left click (SGR mouse mode, which the app asked for).
    let hex = |s: &str| s.bytes().map(|b| format!("{b:02x}")).collect::<Vec<_>>();
    for seq in [press, release] {
        let mut args = vec![
            "send-keys".to_string(),
            "-t".into(),
            "0".into(),
            "-H".into(),
        ];
        args.extend(hex(&seq));
        t.run(&args.iter().map(String::as_str).collect::<Vec<_>>());
    }
    t.keys(&["y"]);
    t.wait_for("): 28个");
    assert_eq!(t.buffer(), "28个", "the figure under the click, not 42个");
    t.keys(&["q"]);
    assert!(ended_restored(&t).contains("EXIT:0"));
}

#[test]
fn the_table_opens_on_the_selected_sections_figures() {
    let t = start_at_the_tree("scoped-table");
    t.keys(&["j", "j", "j", "j", "j", "j"]);
    t.wait_for("六 及时高效化解矛盾纠纷");
    t.keys(&["s"]);
    let screen = t.wait_for("本节 六  13/38");
    assert!(screen.contains("调解网络中的社区"), "{screen}");
    t.keys(&["y"]);
    t.wait_for("): 28个");
    assert_eq!(t.buffer(), "28个");
    t.keys(&["a"]);
    t.wait_for("全部  38/38");
    t.keys(&["q"]);
    assert!(ended_restored(&t).contains("EXIT:0"));
}
