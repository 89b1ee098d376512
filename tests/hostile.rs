//! Untrusted input, one test per attack of issue 8's table: each asserts the exit code, the
//! one error line, a time bound where a hang was the failure, and that no ESC, BEL or C1
//! control reaches stdout or stderr. The browser's rows (signals while loading, the FIFO
//! folder and the 100,000-section model on screen) are in `e2e_tmux.rs`.
#![cfg(unix)]
#![allow(clippy::unwrap_used)]

mod models;

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Where a hang was the failure: a run that takes longer is killed and fails the test.
const HANG: Duration = Duration::from_secs(20);

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
    took: Duration,
}

fn run(args: &[&str]) -> Run {
    run_in(args, None)
}

fn run_in(args: &[&str], stdin: Option<std::process::Stdio>) -> Run {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("report-tui"));
    cmd.args(args);
    cmd.stdin(stdin.unwrap_or_else(std::process::Stdio::null));
    let started = Instant::now();
    let out = Command::from_std(cmd).timeout(HANG).output().unwrap();
    let took = started.elapsed();
    assert!(took < HANG, "{args:?} hung: killed after {took:?}");
    let run = Run {
        code: out.status.code().unwrap_or(-1),
        stdout: safe("stdout", &out.stdout),
        stderr: safe("stderr", &out.stderr),
        took,
    };
    if run.code == 2 {
        assert_eq!(run.stderr.lines().count(), run.stderr.matches('\n').count());
    }
    run
}

/// The bytes as text, after checking they hold no ESC, BEL or C1 control a terminal would
/// act on (the output is UTF-8, so a C1 control would be U+0080…U+009F).
fn safe(stream: &str, bytes: &[u8]) -> String {
    assert!(!bytes.contains(&0x1b), "ESC on {stream}");
    assert!(!bytes.contains(&0x07), "BEL on {stream}");
    let text = String::from_utf8(bytes.to_vec()).unwrap_or_else(|_| panic!("{stream}: not UTF-8"));
    assert!(
        !text.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c)),
        "C1 control on {stream}"
    );
    text
}

/// A fresh temporary folder, removed on drop.
struct Dir(PathBuf);

impl Dir {
    fn new(tag: &str) -> Dir {
        let dir =
            std::env::temp_dir().join(format!("report-tui-hostile-{}-{tag}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Dir(dir)
    }
    fn join(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
    fn s(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// The embedded report's text without its title line, so a title comes from the name.
fn untitled_report() -> String {
    let text = report_tui::embedded::REPORT_TEXT;
    text.split_once('\n').unwrap().1.to_string()
}

fn mkfifo(path: &Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(ok.success());
}

/// Nothing half-written left behind in `dir`.
fn no_temporary_files(dir: &Dir) {
    let names: Vec<String> = std::fs::read_dir(&dir.0)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
}

fn one_error_line(r: &Run) -> &str {
    assert_eq!(r.stderr.lines().count(), 1, "{:?}", r.stderr);
    r.stderr.trim_end()
}

#[test]
fn a_file_name_with_an_escape_sequence_is_shown_not_run() {
    let dir = Dir::new("name");
    let name = "x\u{1b}]0;PWN\u{7}.txt";
    std::fs::write(dir.join(name), untitled_report()).unwrap();
    std::fs::copy(
        fixture("two_reports/a_dongshan_2021.txt"),
        dir.join("b.txt"),
    )
    .unwrap();
    for args in [
        vec!["outline"],
        vec!["search", "执法"],
        vec!["stats", "--format", "csv"],
        vec!["stats", "--format", "tsv"],
        vec!["stats", "--format", "md"],
        vec!["stats"],
    ] {
        let mut all = vec!["-r", dir.s()];
        all.extend(args.iter().copied());
        let r = run(&all);
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        assert!(r.stdout.contains("x␛]0;PWN␇"), "{args:?}: {}", r.stdout);
    }
}

#[test]
fn an_error_about_a_hostile_name_is_one_safe_line() {
    let r = run(&["-r", "/nonexistent/\u{1b}]52;c;ZXZpbA==\u{7}", "outline"]);
    assert_eq!(r.code, 2);
    let line = one_error_line(&r);
    assert!(
        line.starts_with("report-tui: /nonexistent/␛]52;c;ZXZpbA==␇"),
        "{line}"
    );
    assert!(line.contains("No such file"), "{line}");

    let r = run(&["-r", "/nonexistent/a\nb\u{1b}[2J.txt", "stats"]);
    assert_eq!(r.code, 2);
    assert!(one_error_line(&r).contains("a␊b␛[2J.txt"), "{}", r.stderr);

    // A folder whose broken file has a hostile name: named safely, the rest still opens.
    let dir = Dir::new("errname");
    // Broken JSON: a text without headings now opens (one unnumbered section, a warning).
    std::fs::write(dir.join("bad\u{1b}[2J\n.json"), "{").unwrap();
    std::fs::copy(
        fixture("two_reports/a_dongshan_2021.txt"),
        dir.join("good.txt"),
    )
    .unwrap();
    let r = run(&["-r", dir.s(), "outline"]);
    assert_eq!(r.code, 2);
    assert!(one_error_line(&r).contains("bad␛[2J␊.json"), "{}", r.stderr);
    assert!(r.stdout.contains("东山"), "{}", r.stdout);
}

#[test]
fn the_warning_about_a_text_without_headings_names_it_safely() {
    let dir = Dir::new("warnname");
    let file = dir.join("w\u{1b}]0;PWN\u{7}.txt");
    std::fs::write(&file, "开展普法活动12场。\n").unwrap();
    let path = file.to_string_lossy().into_owned();
    for args in [
        vec!["-r", path.as_str(), "outline"],
        vec!["import", path.as_str()],
    ] {
        let r = run(&args);
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        assert!(one_error_line(&r).contains("w␛]0;PWN␇.txt"), "{}", r.stderr);
    }
}

#[test]
fn devices_are_refused_before_reading() {
    let dir = Dir::new("devices");
    std::os::unix::fs::symlink("/dev/zero", dir.join("z.txt")).unwrap();
    std::fs::copy(
        fixture("two_reports/a_dongshan_2021.txt"),
        dir.join("good.txt"),
    )
    .unwrap();
    for path in ["/dev/zero", "/dev/urandom"] {
        let r = run(&["-r", path, "outline"]);
        assert_eq!(r.code, 2);
        assert_eq!(
            r.stderr,
            format!("report-tui: {path}: not a regular file (a device)\n")
        );
        assert!(r.took < Duration::from_secs(5), "{path}: {:?}", r.took);
        let r = run(&["import", path]);
        assert_eq!(r.code, 2);
        assert_eq!(
            one_error_line(&r),
            format!("report-tui: {path}: not a regular file (a device)")
        );
    }
    // /dev/stdin fed by a pipe is a FIFO.
    let r = run_in(
        &["-r", "/dev/stdin", "outline"],
        Some(std::process::Stdio::piped()),
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("/dev/stdin: not a regular file"),
        "{}",
        r.stderr
    );
    // A symlink inside a folder is followed to the device and refused; the rest opens.
    let r = run(&["-r", dir.s(), "outline"]);
    assert_eq!(r.code, 2);
    assert!(
        one_error_line(&r).ends_with("z.txt: not a regular file (a device)"),
        "{}",
        r.stderr
    );
    assert!(r.stdout.contains("东山"));
}

#[test]
fn a_file_over_the_limit_is_refused_also_by_import() {
    let dir = Dir::new("large");
    let big = dir.join("big.txt");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(report_tui::load::MAX_FILE_BYTES + 1).unwrap();
    for args in [
        vec!["-r", big.to_str().unwrap(), "outline"],
        vec!["import", big.to_str().unwrap()],
    ] {
        let r = run(&args);
        assert_eq!(r.code, 2);
        assert!(
            r.stderr
                .lines()
                .next()
                .unwrap()
                .ends_with("big.txt: larger than the 16777216-byte limit (16777217 bytes)"),
            "{}",
            r.stderr
        );
    }
}

#[test]
fn a_fifo_never_blocks_and_the_other_reports_open() {
    let dir = Dir::new("fifo");
    mkfifo(&dir.join("pipe.txt"));
    std::fs::copy(
        fixture("two_reports/a_dongshan_2021.txt"),
        dir.join("good.txt"),
    )
    .unwrap();
    let r = run(&["-r", dir.s(), "outline"]);
    assert_eq!(r.code, 2);
    assert!(
        one_error_line(&r).ends_with("pipe.txt: not a regular file (a FIFO)"),
        "{}",
        r.stderr
    );
    assert!(r.stdout.contains("东山"), "{}", r.stdout);
    assert!(r.took < Duration::from_secs(5), "{:?}", r.took);

    let fifo = dir.join("pipe.txt");
    let r = run(&["import", fifo.to_str().unwrap()]);
    assert_eq!(r.code, 2);
    assert!(one_error_line(&r).ends_with("pipe.txt: not a regular file (a FIFO)"));
}

#[test]
fn a_figure_label_that_is_a_formula_is_neutralised_in_csv_and_tsv() {
    let dir = Dir::new("formula");
    let mut model: serde_json::Value =
        serde_json::from_str(report_tui::embedded::REPORT_JSON).unwrap();
    model["title"] = "@SUM(A1:A9)".into();
    let stats = model["sections"][0]["subsections"][3]["paragraphs"][0]["statistics"]
        .as_array_mut()
        .unwrap();
    stats[0]["label"] = r#"=HYPERLINK("http://evil.example","x")"#.into();
    stats[1]["label"] = "+1+cmd|' /C calc'!A0".into();
    stats[2]["label"] = "-2+3".into();
    std::fs::write(dir.join("a.json"), model.to_string()).unwrap();
    std::fs::copy(
        fixture("two_reports/a_dongshan_2021.txt"),
        dir.join("b.txt"),
    )
    .unwrap();

    let r = run(&["-r", dir.s(), "stats", "--format", "csv"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .contains(r#""'=HYPERLINK(""http://evil.example"",""x"")""#),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("'@SUM(A1:A9),"));
    assert!(r.stdout.contains(",'+1+cmd|' /C calc'!A0,") && r.stdout.contains(",'-2+3,"));
    let r = run(&["-r", dir.s(), "stats", "--format", "tsv"]);
    assert!(r.stdout.contains("\t'=HYPERLINK("), "{}", r.stdout);
    // No cell of any row begins with a formula character.
    for line in r.stdout.lines() {
        for cell in line.split('\t') {
            assert!(!cell.starts_with(['=', '+', '@']), "{cell:?}");
        }
    }
    // JSON stays verbatim: it is data, not a spreadsheet.
    let r = run(&["-r", dir.s(), "stats", "--format", "json"]);
    assert!(r.stdout.contains(r#""label": "=HYPERLINK("#));
}

#[test]
fn a_query_of_thousands_of_words_is_refused_with_the_cap() {
    let query: String = (0..5000).map(|i| format!("词{i} ")).collect();
    let r = run(&["search", &query]);
    assert_eq!(r.code, 2);
    assert_eq!(
        one_error_line(&r),
        format!(
            "report-tui: the query has {} characters; at most 256 are searched",
            query.chars().count()
        )
    );
    let query: String = (0..40).map(|i| format!("{i} ")).collect();
    let r = run(&["search", &query]);
    assert_eq!(r.code, 2);
    assert_eq!(
        one_error_line(&r),
        "report-tui: the query has 40 different words; at most 32 are searched"
    );
    // A word typed many times is one word.
    let r = run(&["search", &"执法 ".repeat(40)]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.took < Duration::from_secs(5));
}

#[test]
fn import_never_replaces_its_input() {
    let dir = Dir::new("import");
    let a = dir.join("a.txt");
    std::fs::write(&a, report_tui::embedded::REPORT_TEXT).unwrap();
    std::fs::hard_link(&a, dir.join("hard.txt")).unwrap();
    std::os::unix::fs::symlink(&a, dir.join("soft.json")).unwrap();
    let via = format!("{}/./a.txt", dir.s());
    for out in [
        a.to_str().unwrap(),
        dir.join("hard.txt").to_str().unwrap(),
        dir.join("soft.json").to_str().unwrap(),
        &via,
    ] {
        let r = run(&["import", a.to_str().unwrap(), "-o", out]);
        assert_eq!(r.code, 2, "{out}");
        assert_eq!(
            one_error_line(&r),
            format!("report-tui: {out}: is the input file itself; choose another output")
        );
        assert_eq!(
            std::fs::read_to_string(&a).unwrap(),
            report_tui::embedded::REPORT_TEXT
        );
    }
    // A good import writes the whole JSON and leaves no temporary file.
    let out = dir.join("a.json");
    let r = run(&["import", a.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    report_tui::embedded::from_json(&std::fs::read_to_string(&out).unwrap()).unwrap();
    no_temporary_files(&dir);
    // An output folder that does not exist: an error, the input untouched.
    let r = run(&[
        "import",
        a.to_str().unwrap(),
        "-o",
        dir.join("no/such/x.json").to_str().unwrap(),
    ]);
    assert_eq!(r.code, 2);
    assert!(one_error_line(&r).contains("x.json"));
}

/// `-o` onto a device, a FIFO or a symlink: written through, never replaced. Renaming the
/// temporary file over the output turned `/dev/null` into a regular file for root (seen
/// here; the tmux tests then failed). A FIFO stands in for the device in this test.
#[test]
fn import_writes_through_a_device_or_fifo_and_keeps_a_symlink() {
    let dir = Dir::new("import-special");
    let a = dir.join("a.txt");
    std::fs::write(&a, report_tui::embedded::REPORT_TEXT).unwrap();
    let fifo = dir.join("pipe.json");
    mkfifo(&fifo);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    let r = run(&["import", a.to_str().unwrap(), "-o", fifo.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // Checked before reading: a FIFO replaced by a file would leave the reader waiting.
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    let json = reader.join().unwrap();
    report_tui::embedded::from_json(&json).unwrap();
    // A symlink to a file: the file gets the JSON, the link stays a link.
    let file = dir.join("real.json");
    std::fs::write(&file, "old").unwrap();
    let link = dir.join("link.json");
    std::os::unix::fs::symlink(&file, &link).unwrap();
    let r = run(&["import", a.to_str().unwrap(), "-o", link.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    report_tui::embedded::from_json(&std::fs::read_to_string(&file).unwrap()).unwrap();
    no_temporary_files(&dir);
}

#[test]
fn invisible_and_bidi_characters_are_shown_as_replacement_marks() {
    let dir = Dir::new("invisible");
    let text = report_tui::embedded::REPORT_TEXT.replacen(
        "依法全面履行政府职能",
        "依\u{200D}法\u{200C}全面\u{200E}履行\u{202E}政府\u{2028}职能\u{E0041}",
        1,
    );
    std::fs::write(dir.join("a.txt"), text).unwrap();
    let r = run(&["-r", dir.join("a.txt").to_str().unwrap(), "outline"]);
    assert_eq!(r.code, 0);
    assert!(
        r.stdout.contains("依�法�全面�履行�政府�职能�"),
        "{}",
        r.stdout
    );
    for c in [
        '\u{200D}',
        '\u{200C}',
        '\u{200E}',
        '\u{202E}',
        '\u{2028}',
        '\u{E0041}',
    ] {
        assert!(!r.stdout.contains(c), "U+{:04X}", c as u32);
    }
}

#[test]
fn smaller_defects_of_json_models() {
    let dir = Dir::new("json");
    // A byte-order mark before the JSON is fine.
    let bom = dir.join("bom.json");
    std::fs::write(
        &bom,
        format!("\u{FEFF}{}", report_tui::embedded::REPORT_JSON),
    )
    .unwrap();
    let r = run(&["-r", bom.to_str().unwrap(), "outline"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // Nesting deeper than 128 inside a field the model does not know.
    let mut model: serde_json::Value =
        serde_json::from_str(report_tui::embedded::REPORT_JSON).unwrap();
    model["extra"] = serde_json::Value::Null;
    let deep = model.to_string().replacen(
        "\"extra\":null",
        &format!("\"extra\":{}{}", "[".repeat(200_000), "]".repeat(200_000)),
        1,
    );
    std::fs::write(dir.join("deep.json"), deep).unwrap();
    let r = run(&["-r", dir.join("deep.json").to_str().unwrap(), "outline"]);
    assert_eq!(r.code, 2);
    assert!(
        one_error_line(&r).contains("deep.json: nested deeper than 128 levels at line 1"),
        "{}",
        r.stderr
    );
    // A sub-item that repeats its parent's id: named, refused, nothing recurses.
    let mut model: serde_json::Value =
        serde_json::from_str(report_tui::embedded::REPORT_JSON).unwrap();
    model["sections"][0]["subsections"][0]["id"] = "1".into();
    std::fs::write(dir.join("loop.json"), model.to_string()).unwrap();
    let r = run(&["-r", dir.join("loop.json").to_str().unwrap(), "outline"]);
    assert_eq!(r.code, 2);
    assert_eq!(
        one_error_line(&r),
        format!(
            "report-tui: {}: not a valid report model: \"1\" appears twice",
            dir.join("loop.json").display()
        )
    );
}

#[test]
fn the_year_of_a_title_without_a_date_is_none_not_a_panic() {
    let mut r = report_tui::embedded::report().unwrap();
    r.date = None;
    r.title = "法治政府建设年度报告".into();
    assert_eq!(r.year(), None);
    r.title = "西湖区2019年法治政府建设年度报告".into();
    assert_eq!(r.year(), Some("2019"));
    r.title = "ab报告1".into();
    assert_eq!(r.year(), None);
}

#[test]
fn gen_corpus_refuses_a_huge_count_at_once() {
    let dir = Dir::new("corpus");
    let r = run(&["gen-corpus", "18446744073709551615", dir.s()]);
    assert_eq!(r.code, 2);
    assert_eq!(
        one_error_line(&r),
        "report-tui: at most 1000000 synthetic reports, not 18446744073709551615"
    );
    let r = run(&["gen-corpus", "3", dir.s()]);
    assert_eq!(r.code, 0);
    assert_eq!(std::fs::read_dir(&dir.0).unwrap().count(), 3);
}

#[test]
fn a_model_of_100000_sections_outlines_quickly() {
    let dir = Dir::new("big");
    std::fs::write(dir.join("big.json"), models::many_sections(100_000)).unwrap();
    let r = run(&["-r", dir.join("big.json").to_str().unwrap(), "outline"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout.lines().count(), 100_001);
    assert!(r.took < Duration::from_secs(10), "{:?}", r.took);
}

/// `Y` in the browser: the copied text names the report by its title, which came from the
/// hostile file name, so it must hold the visible form only.
#[cfg(feature = "tui")]
#[test]
fn the_browser_copies_a_title_from_a_hostile_name_as_visible_symbols() {
    use report_tui::tui::input::action::{Action, Effect};
    use report_tui::tui::state::app::App;
    use report_tui::tui::state::search_engine::Engine;
    use report_tui::tui::update::update;
    let dir = Dir::new("clipboard");
    let path = dir.join("x\u{1b}]0;PWN\u{7}.txt");
    std::fs::write(&path, untitled_report()).unwrap();
    let report = report_tui::load::load_file(&path).unwrap();
    let engine = Engine::new(std::slice::from_ref(&report));
    let mut app = App::new(
        vec![report],
        report_tui::tui::lang::Lang::Zh,
        engine,
        (120, 40),
    );
    update(&mut app, Action::Down);
    let Some(Effect::Copy { text, .. }) = update(&mut app, Action::CopyCited) else {
        panic!("Y copies");
    };
    assert!(text.contains("（x␛]0;PWN␇，二、"), "{text}");
    safe("clipboard", text.as_bytes());
}
