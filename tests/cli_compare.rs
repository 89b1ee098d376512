//! `report-tui compare`: formats, the JSON contract, filters, aliases and bad input.
#![allow(clippy::unwrap_used)]

mod command;

use command::{fixture, run};
use serde_json::Value;

fn series(extra: &[&str]) -> (i32, String, String) {
    let folder = fixture("compare/qinghe");
    let mut args = vec!["compare", "-r", folder.as_str()];
    args.extend(extra);
    run(&args)
}

#[test]
fn json_cells_are_the_stats_of_each_report() {
    let (code, out, err) = series(&["--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let reports = v["reports"].as_array().unwrap();
    let years: Vec<i64> = reports
        .iter()
        .map(|r| r["year"].as_i64().unwrap())
        .collect();
    assert_eq!(years, [2020, 2021, 2022], "columns run by year");
    assert!(reports.iter().all(|r| r["place"] == "清河街道"));
    // Each cell's id/value/display/quote is what `stats --format json` says of that report.
    for (i, name) in ["2020", "2021", "2022"].iter().enumerate() {
        let file = fixture(&format!("compare/qinghe/{name}.txt"));
        let (_, stats, _) = run(&["stats", "--format", "json", "-r", &file]);
        let stats: Vec<Value> = serde_json::from_str(&stats).unwrap();
        let mut cells = 0;
        for row in v["rows"].as_array().unwrap() {
            let cell = &row["cells"][i];
            if cell.is_null() {
                continue;
            }
            cells += 1;
            let stat = stats.iter().find(|s| s["id"] == cell["id"]).unwrap();
            for key in ["id", "value", "display", "quote"] {
                assert_eq!(cell[key], stat[key], "{key} of {}", cell["id"]);
            }
            let c = cell["confidence"].as_f64().unwrap();
            assert!((0.0..=1.0).contains(&c));
        }
        assert_eq!(cells, stats.len(), "every statistic of {name} in one row");
    }
    let rows = v["rows"].as_array().unwrap();
    let fines = rows.iter().find(|r| r["indicator"] == "罚没款").unwrap();
    assert_eq!(fines["changes"][0]["display"], "+13.7 (+35.5%)");
    let wages = rows.iter().find(|r| r["indicator"] == "欠薪").unwrap();
    assert_eq!(wages["cells"][1]["display"], "1.05亿元");
    assert_eq!(
        wages["changes"][0]["display"], "+1540 (+17.2%)",
        "亿元 against 万元"
    );
}

#[test]
fn table_names_columns_and_gives_changes() {
    let (code, out, _) = series(&[]);
    assert_eq!(code, 0);
    let header = out.lines().next().unwrap();
    assert!(header.starts_with("indicator"));
    assert!(header.contains("清河街道 2020") && header.contains("+/- 清河街道 2022"));
    let rate = out.lines().find(|l| l.starts_with("按时办结率")).unwrap();
    assert!(rate.contains("+0.2pp") && rate.contains("+0.1pp"), "{rate}");
    let rows = out.lines().count();
    let (_, changed, _) = series(&["--changed"]);
    assert!(
        changed.lines().count() < rows,
        "--changed drops rows that stayed"
    );
    assert!(
        !changed.contains("精简办事材料"),
        "a figure alone has not changed"
    );
    let (_, section, _) = series(&["--section", "行政执法"]);
    assert!(
        section.contains("新增持证执法人员") && !section.contains("罚没款"),
        "{section}"
    );
}

#[test]
fn spreadsheets_get_numbers_for_changes() {
    let (_, tsv, _) = series(&["--format", "tsv"]);
    let header: Vec<&str> = tsv.lines().next().unwrap().split('\t').collect();
    assert_eq!(
        &header[..5],
        [
            "indicator",
            "unit",
            "清河街道 2020",
            "清河街道 2021",
            "Δ 清河街道 2021"
        ]
    );
    let fines = tsv.lines().find(|l| l.starts_with("罚没款\t")).unwrap();
    assert_eq!(
        fines,
        "罚没款\t万元\t38.6万元\t52.3万元\t13.7\t35.5\t41.2万元\t-11.1\t-21.2"
    );
    let (_, csv, _) = series(&["--format", "csv"]);
    assert!(csv.starts_with("indicator,unit,清河街道 2020,"));
    let (_, md, _) = series(&["--format", "md"]);
    assert!(md.starts_with("| indicator | unit | 清河街道 2020 |"));
}

#[test]
fn the_embedded_report_opens_beside_others() {
    let two = fixture("two_reports");
    let (code, out, _) = run(&["compare", "-r", "@embedded", "-r", &two, "--format", "json"]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    let names: Vec<&str> = v["reports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["东山区 2021", "市桥街 2020", "西湖镇 2019"],
        "by place"
    );
}

#[test]
fn bad_input_is_one_line_and_exit_2() {
    let (code, _, err) = run(&["compare"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("at least two reports") && err.lines().count() == 1,
        "{err}"
    );
    let dir = std::env::temp_dir().join(format!("report-tui-aliases-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("aliases.txt");
    std::fs::write(&bad, "罚没款 = 罚没金额\nnot a rule\n").unwrap();
    let (code, _, err) = series(&["--aliases", bad.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        err.contains("aliases.txt:2:") && err.lines().count() == 1,
        "{err}"
    );
    let (code, _, err) = series(&["--aliases", "/nonexistent/aliases.txt"]);
    assert_eq!(code, 2, "{err}");
    std::fs::write(&bad, "清河街道 2020#1.2.p1.s4 != 清河街道 2021#1.2.p1.s4\n").unwrap();
    let (code, out, _) = series(&["--aliases", bad.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    let fines: Vec<&Value> = v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["indicator"] == "罚没款")
        .collect();
    assert_eq!(fines.len(), 2, "the split holds");
    std::fs::remove_dir_all(&dir).unwrap();
}
