//! The `search` command as a user runs it: text and JSON output, exit codes, errors.

#![allow(clippy::unwrap_used)]

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn search(args: &[&str]) -> assert_cmd::assert::Assert {
    Command::cargo_bin("report-tui")
        .unwrap()
        .arg("search")
        .args(args)
        .assert()
}

fn stdout(args: &[&str]) -> String {
    String::from_utf8(search(args).success().get_output().stdout.clone()).unwrap()
}

fn json(args: &[&str]) -> Vec<Value> {
    let mut all = vec!["--json"];
    all.extend(args);
    serde_json::from_str::<Value>(&stdout(&all))
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn text_is_one_hit_a_line_place_kind_text() {
    let out = stdout(&["718"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        [
            "1.4.p1.s2  statistic  群众法律咨询：718人次（接受群众咨询718人次）",
            "1.4.p1.m1  measure    通过政府购买服务的形式,在36个村居配置一村(居)一法律顾问,并在街道层面和黄编村、丹山村两村建立公共法律服务实体平台,接受群众咨询718人次、审查合同37份、出具法律意见书18份、参与调处纠纷55宗、开展法治讲座142场。",
        ]
    );
    assert!(!out.contains('\x1b'), "no marks when piped");
}

#[test]
fn pinyin_finds_the_hanzi() {
    for q in ["zfjly", "zhifajiluyi", "zhifajly"] {
        let out = stdout(&[q, "--limit", "1"]);
        assert!(
            out.starts_with("4.3.p1.s1  statistic  执法记录仪"),
            "{q}: {out}"
        );
    }
}

#[test]
fn json_carries_place_score_indices_and_statistic_fields() {
    let hits = json(&["法律意见"]);
    let first = &hits[0];
    assert_eq!(first["kind"], "statistic");
    assert_eq!(first["id"], "1.4.p1.s4");
    assert_eq!(first["node"], "1.4");
    assert_eq!(first["section"], "1");
    assert_eq!(first["path"][0], "一、依法全面履行政府职能");
    assert_eq!(first["path"][1], "(四)优化公共服务");
    assert_eq!(first["label"], "出具法律意见书");
    assert_eq!(first["value"], 18.0);
    assert_eq!(first["unit"], "份");
    assert_eq!(first["display"], "18份");
    assert_eq!(first["exact"], true);
    assert!(first["score"].as_i64().unwrap() > 0);
    // Indices are char indices into text, and pick out the query.
    let text: Vec<char> = first["text"].as_str().unwrap().chars().collect();
    let picked: String = first["indices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| text[i.as_u64().unwrap() as usize])
        .collect();
    assert_eq!(picked, "法律意见");
    // Measures carry no statistic fields.
    let measure = hits.iter().find(|h| h["kind"] == "measure").unwrap();
    assert!(measure.get("label").is_none());
    // Best first.
    let scores: Vec<(bool, i64)> = hits
        .iter()
        .map(|h| (h["exact"].as_bool().unwrap(), h["score"].as_i64().unwrap()))
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
}

#[test]
fn kind_and_limit_filter() {
    let hits = json(&["执法", "--kind", "section"]);
    assert!(hits.len() > 1);
    assert!(hits.iter().all(|h| h["kind"] == "section"));
    assert_eq!(json(&["执法", "--limit", "2"]).len(), 2);
    let out = stdout(&["#44"]);
    assert!(out.lines().all(|l| l.contains("  statistic  ")), "{out}");
}

#[test]
fn no_hits_exit_1_with_nothing_printed() {
    search(&["'量子计算机"]).code(1).stdout("").stderr("");
    search(&["'量子计算机", "--json"]).code(1).stdout("[]\n");
}

#[test]
fn bad_input_exits_2_with_one_line() {
    let one_line = predicate::str::is_match("^report-tui: [^\n]+\n$").unwrap();
    search(&[""])
        .code(2)
        .stdout("")
        .stderr(one_line.clone().and(predicate::str::contains("empty")));
    search(&["#"]).code(2).stderr(one_line.clone());
    search(&["法律", "--kind", "figure"])
        .code(2)
        .stderr(one_line.clone().and(predicate::str::contains("figure")));
    search(&["法律", "--limit", "0"])
        .code(2)
        .stderr(one_line.clone());
    search(&["法律", "--limit", "many"])
        .code(2)
        .stderr(one_line);
}

#[test]
fn several_reports_get_a_report_column() {
    let out = stdout(&["zfjly", "--corpus", "3"]);
    let rows: Vec<Vec<&str>> = out
        .lines()
        .map(|l| l.split_whitespace().take(3).collect())
        .collect();
    let titles = ["市桥街", "沙头街", "东环街"].map(|t| format!("{t}2020年法治政府建设工作报告"));
    let want: Vec<Vec<&str>> = ["4.3.p1.s1", "4.3.p1.m1"]
        .iter()
        .flat_map(|id| {
            let kind = if id.contains(".s") {
                "statistic"
            } else {
                "measure"
            };
            titles.iter().map(move |t| vec![t.as_str(), *id, kind])
        })
        .collect();
    assert_eq!(rows, want);
    let items = stdout(&["--print-items"]);
    let triple = stdout(&["--print-items", "--corpus", "3"]);
    assert!(items.lines().count() > 150);
    assert_eq!(triple.lines().count(), 3 * items.lines().count());
    assert!(items.lines().any(|l| l == "(三)加强执法保障"));
}

/// Over a folder, `--no-cache` (an index in parts, joined on the importing threads) and
/// the cache (one index, built then read back) print the same hits, errors and exit
/// codes, in every output form.
#[test]
fn a_folder_answers_the_same_with_and_without_the_cache() {
    let root = std::env::temp_dir().join(format!("report-tui-parts-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let reports = root.join("reports");
    Command::cargo_bin("report-tui")
        .unwrap()
        .args(["gen-corpus", "16"])
        .arg(&reports)
        .assert()
        .success();
    std::fs::write(reports.join("zz-bad.txt"), b"\xfd\xff not text").unwrap();
    let run = |args: &[&str]| {
        let out = Command::cargo_bin("report-tui")
            .unwrap()
            .env("XDG_CACHE_HOME", root.join("cache"))
            .arg("search")
            .args(args)
            .arg("--report")
            .arg(&reports)
            .output()
            .unwrap();
        (out.status.code(), out.stdout, out.stderr)
    };
    for query in ["zfjly", "执法", "1", "法律 咨询", "#万元", "qqqxxx"] {
        for form in [&[][..], &["--json"], &["--limit", "5"]] {
            let args = [&[query][..], form].concat();
            let cached = run(&args);
            let warm = run(&args);
            let parts = run(&[&args[..], &["--no-cache"]].concat());
            assert_eq!(parts, cached, "{args:?}");
            assert_eq!(parts, warm, "{args:?}, warm");
            assert_eq!(parts.0, Some(2), "the bad file fails the run: {args:?}");
            assert!(!parts.1.is_empty() || query == "qqqxxx", "{args:?}");
        }
    }
    let items = |extra: &[&str]| run(&[&["--print-items"][..], extra].concat()).1;
    assert_eq!(items(&["--no-cache"]), items(&[]));
    std::fs::remove_dir_all(&root).unwrap();
}
