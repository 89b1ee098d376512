//! `--report`: files and folders of reports, opened together; broken ones named, the rest kept.
#![allow(clippy::unwrap_used)] // test helpers outside #[test] fns

mod command;

use command::{fixture, run};

/// A temporary folder holding copies of fixtures, removed on drop.
struct Folder(std::path::PathBuf);

impl Folder {
    fn with(files: &[(&str, &str)]) -> Folder {
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("report-tui-{}-{n}", std::process::id()));
        std::fs::create_dir_all(dir.join("nested")).unwrap();
        for (name, from) in files {
            std::fs::copy(fixture(from), dir.join(name)).unwrap();
        }
        Folder(dir)
    }
    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn a_folder_opens_every_report_in_name_order() {
    let (code, out, err) = run(&["outline", "--report", &fixture("two_reports")]);
    assert_eq!((code, err.as_str()), (0, ""));
    let dong = out.find("东山区2021年法治政府建设年度报告").unwrap();
    let xihu = out.find("西湖镇2019年法治政府建设情况报告").unwrap();
    assert!(dong < xihu, "name order: a_… before b_…");
}

#[test]
fn report_option_goes_before_or_after_the_subcommand() {
    let after = run(&[
        "stats",
        "--format",
        "json",
        "--report",
        &fixture("two_reports"),
    ]);
    let before = run(&[
        "--report",
        &fixture("two_reports"),
        "stats",
        "--format",
        "json",
    ]);
    assert_eq!(after, before);
    let v: serde_json::Value = serde_json::from_str(&after.1).unwrap();
    let reports: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["report"].as_str().unwrap())
        .collect();
    assert_eq!(reports.len(), 10 + 4, "both reports' figures");
    assert!(reports.contains(&"西湖镇2019年法治政府建设情况报告"));
}

#[test]
fn several_reports_add_a_report_column() {
    let (_, tsv, _) = run(&["stats", "--format", "tsv", "-r", &fixture("two_reports")]);
    assert!(tsv.starts_with("report\tid\tnode\t"));
    assert!(tsv.contains("西湖镇2019年法治政府建设情况报告\t1.2.p1.s2\t1.2\t1\t涉及金额\t108.5\t万元\t108.5万元\tfalse\t涉及金额108.5万元\t\t\t1085000\t元\t\t西湖镇\t2019\n"), "place and year close each line");
    let (_, one, _) = run(&["stats", "--format", "tsv", "-r", &fixture("crlf_bom.txt")]);
    assert!(
        one.starts_with("id\tnode\t"),
        "one report: no report column"
    );
    let (_, shown, _) = run(&["show", "1.1", "-r", &fixture("two_reports")]);
    assert!(
        shown.starts_with("== 东山区2021年法治政府建设年度报告 ==\n（一）加强组织领导。"),
        "{shown}"
    );
    assert!(shown.contains("== 西湖镇2019年法治政府建设情况报告 ==\n(一)普法宣传。"));
}

#[test]
fn broken_files_are_named_and_the_rest_still_open() {
    let dir = Folder::with(&[
        ("a.txt", "fullwidth_three_levels.txt"),
        ("b.txt", "not_utf8.txt"),
        ("c.json", "malformed.json"),
        ("d.json", "wrong_shape.json"),
        ("e.txt", "empty.txt"),
        ("nested/f.txt", "no_sections.txt"),
        ("nested/g.txt", "crlf_bom.txt"),
    ]);
    let (code, out, err) = run(&["stats", "--format", "json", "-r", dir.path()]);
    assert_eq!(
        code, 2,
        "a failed file means exit 2, after doing what could be done"
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        v.as_array().unwrap().len(),
        15,
        "a.txt, nested/f.txt (as one section) and nested/g.txt opened"
    );
    let lines: Vec<&str> = err.lines().collect();
    let p = dir.path();
    assert_eq!(
        lines,
        [
            format!("report-tui: {p}/nested/f.txt: no numbered headings (第一部分, 一、, （一）, 1.) recognised: opened as one section"),
            format!("report-tui: {p}/b.txt: not UTF-8 text: invalid byte at offset 25 (line 2, column 5)"),
            format!("report-tui: {p}/c.json:1:28: malformed JSON: EOF while parsing a list"),
            format!("report-tui: {p}/d.json:1:12: not a report model: invalid type: integer `42`, expected a string"),
            format!("report-tui: {p}/e.txt: the file is empty"),
        ]
    );
}

#[test]
fn nothing_to_open_is_exit_2() {
    let empty = Folder::with(&[]);
    let (code, out, err) = run(&["outline", "-r", empty.path(), "-r", "/no/such/report.txt"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert_eq!(
        err,
        format!(
            "report-tui: {}: no .txt or .json reports in this folder\n\
             report-tui: /no/such/report.txt: No such file or directory (os error 2)\n\
             report-tui: no report could be opened\n",
            empty.path()
        )
    );
}

#[test]
fn hostile_titles_reach_the_terminal_only_as_visible_symbols() {
    let (code, out, _) = run(&["outline", "-r", &fixture("hostile.txt")]);
    assert_eq!(code, 0);
    assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'));
    assert!(out.starts_with("␛]52;c;aGFja2Vk␇恶意报告␛[2J\n"));
}

#[test]
fn files_over_the_size_limit_are_refused() {
    let dir = Folder::with(&[]);
    let big = dir.0.join("big.txt");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(report_tui::load::MAX_FILE_BYTES + 1).unwrap();
    let (code, _, err) = run(&["outline", "-r", big.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        err.contains("big.txt: larger than the 16777216-byte limit (16777217 bytes)"),
        "{err}"
    );
}

#[test]
fn search_across_reports_names_each_hit_s_report() {
    let (code, out, _) = run(&["search", "#12", "--json", "-r", &fixture("two_reports")]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let hits: Vec<(&str, &str)> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["report"].as_str().unwrap(),
                h["display"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        hits,
        [
            ("东山区2021年法治政府建设年度报告", "12件"),
            ("西湖镇2019年法治政府建设情况报告", "12场")
        ]
    );
    let (_, text, _) = run(&["search", "#12", "-r", &fixture("two_reports")]);
    assert!(
        text.starts_with("东山区2021年法治政府建设年度报告  1.1.1.p1.s1  statistic  "),
        "{text}"
    );
    let (code, _, _) = run(&["search", "不存在的词语", "-r", &fixture("two_reports")]);
    assert_eq!(code, 1, "no hits is exit 1, like grep");
}
