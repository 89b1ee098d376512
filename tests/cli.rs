//! The data commands as a script sees them: output, formats and exit codes.
#![allow(clippy::unwrap_used)] // test helpers outside #[test] fns

mod command;

use command::{cli, fixture, stdout};
use predicates::prelude::*;

#[test]
fn outline_lists_every_section_indented() {
    let out = stdout(&["outline"]);
    for heading in [
        "一、依法全面履行政府职能",
        "五、落实制度,政务信息更加公开透明",
        "十、下一步工作意见",
    ] {
        assert!(out.contains(heading), "{heading}");
    }
    assert!(out.contains("\n4.3       (三)加强执法保障  [1]\n"), "{out}");
    assert!(out.contains("  - 严格履行行政决策程序"));
    // 10 sections, 13 sub-items and 6 paragraph leads.
    assert_eq!(
        out.lines()
            .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()))
            .count(),
        29
    );
}

#[test]
fn outline_json_is_a_tree() {
    let v: serde_json::Value = serde_json::from_str(&stdout(&["outline", "--json"])).unwrap();
    let sections = v[0]["sections"].as_array().unwrap();
    assert_eq!(sections.len(), 10);
    assert_eq!(sections[3]["subsections"][2]["title"], "加强执法保障");
    assert_eq!(sections[0]["statistics"], 10);
}

#[test]
fn show_prints_a_sub_item_verbatim() {
    let out = stdout(&["show", "4.3"]);
    let source = report_tui::embedded::REPORT_TEXT;
    let first = out.lines().next().unwrap();
    assert!(first.starts_with("(三)加强执法保障。制定《市桥街执法队行政执法记录仪使用管理规定》"));
    for line in out.lines() {
        assert!(source.contains(line), "{line}");
    }
    let v: serde_json::Value = serde_json::from_str(&stdout(&["show", "4", "--json"])).unwrap();
    assert_eq!(v["number"], "四");
    assert_eq!(v["subsections"].as_array().unwrap().len(), 3);
}

#[test]
fn stats_json_fields_for_scripts() {
    let v: serde_json::Value =
        serde_json::from_str(&stdout(&["stats", "--format", "json"])).unwrap();
    let all = v.as_array().unwrap();
    assert_eq!(all.len(), 38);
    let s = all.iter().find(|s| s["display"] == "约143.4万元").unwrap();
    assert_eq!(s["node"], "1.4");
    assert_eq!(s["section"], "1");
    assert_eq!(s["value"], 143.4);
    assert_eq!(s["unit"], "万元");
    assert_eq!(s["approx"], true);
    assert_eq!(s["label"], "市桥医院人才补助经费");
    assert_eq!(s["quote"], "向市桥医院投入人才补助经费约143.4万元");
    assert_eq!(s["qualifier"], "约");
    assert_eq!(s["bound"], "approx");
    assert_eq!(
        s["base"],
        serde_json::json!({"value": 1434000, "unit": "元"})
    );
    assert_eq!(s["change"], serde_json::Value::Null);
    let c = all.iter().find(|s| s["display"] == "718人次").unwrap();
    assert_eq!(c["value"], 718, "whole numbers are JSON integers");
}

#[test]
fn stats_tsv_and_csv_paste_into_a_spreadsheet() {
    let tsv = stdout(&["stats", "--section", "4", "--format", "tsv"]);
    let rows: Vec<Vec<&str>> = tsv.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(
        rows[0],
        [
            "id",
            "node",
            "section",
            "label",
            "value",
            "unit",
            "display",
            "approx",
            "quote",
            "qualifier",
            "bound",
            "base_value",
            "base_unit",
            "change"
        ]
    );
    assert_eq!(rows.len(), 5, "header and the four figures of section 四");
    assert!(rows.iter().all(|r| r.len() == 14));
    assert_eq!(rows[4][3..7], ["执法记录仪等执法设备", "44", "台", "44台"]);
    let csv = stdout(&["stats", "--section", "6", "--format", "csv"]);
    assert!(
        csv.contains("\n6.p1.s1,6,6,调解网络中的社区,28,个,28个,false,建立共有28个社区,,,28,个,\n"),
        "{csv}"
    );
    // A field with a comma is quoted (RFC 4180).
    let r = report_tui::model::Statistic {
        quote: "甲,乙\"丙\"".into(),
        ..report_tui::embedded::report().unwrap().all_statistics()[0]
            .1
            .clone()
    };
    let mut report = report_tui::embedded::report().unwrap();
    report.sections[0].subsections[3].paragraphs[0].statistics[0] = r;
    let rows = report_tui::export::stat_rows(std::slice::from_ref(&report), Some("1.4"));
    let csv = report_tui::export::stats(&rows[..1], report_tui::export::StatFormat::Csv, false);
    assert!(csv.contains(",\"甲,乙\"\"丙\"\"\",,,"), "{csv}");
    let md = stdout(&["stats", "--section", "4.3", "--format", "md"]);
    assert_eq!(
        md,
        "| id | node | section | label | value | unit | display | approx | quote | qualifier | bound | base_value | base_unit | change |\n\
         |---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n\
         | 4.3.p1.s1 | 4.3 | 4 | 执法记录仪等执法设备 | 44 | 台 | 44台 | false | 配备执法记录仪、摄录仪、相机、音像设备等共计44台 |  |  | 44 | 台 |  |\n"
    );
}

#[test]
fn stats_table_aligns_wide_characters() {
    let out = stdout(&["stats", "--section", "4"]);
    let col =
        |line: &str| unicode_width::UnicodeWidthStr::width(&line[..line.find("44台").unwrap_or(0)]);
    let line = out.lines().find(|l| l.contains("44台")).unwrap();
    let header = out.lines().next().unwrap();
    assert_eq!(
        col(line),
        unicode_width::UnicodeWidthStr::width(&header[..header.find("display").unwrap()])
    );
}

#[test]
fn import_writes_the_model() {
    let dir = std::env::temp_dir().join(format!("report-tui-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("r.json");
    cli()
        .args(["import", &fixture("fullwidth_three_levels.txt"), "-o"])
        .arg(&out)
        .assert()
        .success();
    let r = report_tui::embedded::from_json(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(r.title, "东山区2021年法治政府建设年度报告");
    let stdout_json = stdout(&["import", &fixture("crlf_bom.txt")]);
    assert!(stdout_json.contains("\"line_ending\": \"\\r\\n\""));
}

#[test]
fn bad_input_is_one_line_on_stderr_and_exit_2() {
    let cases: &[(&[&str], &str)] = &[
        (&["show", "11"], "no section or sub-item \"11\""),
        (
            &["stats", "--section", "4.9"],
            "no section or sub-item \"4.9\"",
        ),
        (
            &["import", "/no/such/file.txt"],
            "/no/such/file.txt: No such file",
        ),
        (
            &["import", &fixture("empty.txt")],
            "empty.txt: the file is empty",
        ),
        (
            &["import", &fixture("not_utf8.txt")],
            "not UTF-8 text: invalid byte at offset 25",
        ),
        (&["stats", "--format", "xml"], "invalid value 'xml'"),
    ];
    for (args, message) in cases {
        let out = cli().args(*args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(message), "{args:?}: {err}");
        if args[0] != "stats" || args[1] != "--format" {
            assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
            assert!(out.stdout.is_empty());
        }
    }
}

#[test]
fn text_without_headings_opens_with_one_warning_line() {
    let out = cli()
        .args(["import", &fixture("no_sections.txt")])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("no_sections.txt: no numbered headings") && err.contains("one section"),
        "{err}"
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["sections"].as_array().unwrap().len(), 1);
    assert_eq!(v["sections"][0]["paragraphs"].as_array().unwrap().len(), 2);
}

#[test]
fn hostile_file_escapes_never_reach_stdout() {
    cli()
        .args(["import", &fixture("hostile.txt")])
        .assert()
        .success()
        .stdout(predicate::str::contains("\u{1b}").not())
        .stdout(predicate::str::contains("␛]52"));
}

#[test]
fn import_with_labels_gives_the_embedded_model_and_refuses_a_stale_file() {
    let root = env!("CARGO_MANIFEST_DIR");
    let out = stdout(&[
        "import",
        &format!("{root}/assets/report.txt"),
        "--labels",
        &format!("{root}/assets/labels.json"),
    ]);
    let imported: serde_json::Value = serde_json::from_str(&out).unwrap();
    let embedded: serde_json::Value =
        serde_json::from_str(report_tui::embedded::REPORT_JSON).unwrap();
    assert_eq!(imported, embedded);

    let dir = std::env::temp_dir().join(format!("report-tui-labels-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let stale = dir.join("stale.json");
    std::fs::write(&stale, r#"{"labels": {"9.9.p9.s9": "不存在"}}"#).unwrap();
    let out = cli()
        .args(["import", &format!("{root}/assets/report.txt"), "--labels"])
        .arg(&stale)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("stale.json") && err.contains("9.9.p9.s9"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).ok();
}
