//! The importer on reports of other layouts, on broken input, and on random input.
#![allow(clippy::unwrap_used)] // test helpers outside #[test] fns

use proptest::prelude::*;
use report_tui::import::{import, import_bytes};
use report_tui::model::Report;
use report_tui::rebuild::rebuild;
use report_tui::Error;

const GOOD: &[&str] = &[
    "fullwidth_three_levels",
    "no_title_no_signoff",
    "crlf_bom",
    "indented_thousands",
];

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn imported(name: &str) -> Report {
    import_bytes(&fixture(&format!("{name}.txt")), name).unwrap()
}

fn ids(r: &Report) -> Vec<(String, String)> {
    r.all_sections()
        .iter()
        .map(|s| (s.id.to_string(), s.title.clone()))
        .collect()
}

#[test]
fn every_fixture_rebuilds_byte_for_byte() {
    for name in GOOD {
        let bytes = fixture(&format!("{name}.txt"));
        let text = String::from_utf8(bytes).unwrap();
        assert_eq!(rebuild(&imported(name)), text, "{name}");
    }
}

#[test]
fn full_width_parentheses_and_three_levels() {
    let r = imported("fullwidth_three_levels");
    assert_eq!(r.title, "东山区2021年法治政府建设年度报告");
    assert!(!r.title_supplied);
    assert!(r.preamble.starts_with("2021年，东山区认真贯彻落实"));
    assert_eq!(r.issuers, ["东山区人民政府"]);
    assert_eq!(r.date.as_deref(), Some("2022-01-10"));
    let want = [
        ("1", "主要举措和成效"),
        ("1.1", "加强组织领导"),
        ("1.1.1", "完善制度"),
        ("1.1.2", "强化监督"),
        ("1.2", "推进依法行政"),
        ("1.2.1", ""),
        ("1.2.2", ""),
        ("2", "存在的不足"),
        ("3", "下一步工作安排"),
        ("3.1", "持续完善制度"),
        ("3.2", "加强队伍建设"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(ids(&r), want);
    assert_eq!(r.find_section("1.2.1").unwrap().number, "（1）");
    // An item that is a statement keeps its figures as statistics.
    let s = r.find_section("1.2.1").unwrap();
    let shown: Vec<&str> = s.paragraphs[0]
        .statistics
        .iter()
        .map(|s| s.display.as_str())
        .collect();
    assert_eq!(shown, ["15件", "6.7%"]);
    let s = r.find_section("1.1.2").unwrap();
    let st: Vec<(&str, bool)> = s.paragraphs[0]
        .statistics
        .iter()
        .map(|s| (s.display.as_str(), s.approx))
        .collect();
    assert_eq!(st, [("30余次", true), ("约25个", true), ("96.5%", false)]);
}

#[test]
fn no_title_no_signoff_blank_lines_and_indentation() {
    let r = imported("no_title_no_signoff");
    assert!(r.title_supplied, "no title line: the file name stands in");
    assert_eq!(r.title, "no_title_no_signoff");
    assert!(r.issuers.is_empty() && r.date.is_none());
    assert_eq!(r.preamble, "");
    let s = r.find_section("1").unwrap();
    assert!(
        s.paragraphs[0].text.starts_with("全年受理群众来访86批次"),
        "indentation is layout, not text"
    );
    let figures: Vec<&str> = r
        .all_statistics()
        .iter()
        .map(|(_, s)| s.display.as_str())
        .collect();
    assert_eq!(
        figures,
        ["86批次", "120宗", "99.2%", "1.2万户", "3天", "8次"]
    );
    assert_eq!(r.find_section("1.2").unwrap().number, "2、");
}

#[test]
fn crlf_and_byte_order_mark() {
    let r = imported("crlf_bom");
    assert_eq!(r.layout.line_ending, "\r\n");
    assert!(r.layout.bom);
    assert_eq!(r.title, "西湖镇2019年法治政府建设情况报告");
    assert_eq!(r.date.as_deref(), Some("2019-12-30"));
    assert!(r.all_sections().iter().all(|s| !s.title.contains('\r')));
}

#[test]
fn indentation_blank_lines_and_written_out_figures() {
    let r = imported("indented_thousands");
    assert_eq!(r.title, "某某区人民政府关于2022年法治政府建设情况的报告");
    assert!(r.preamble.starts_with("2022年，在市委、市政府的坚强领导下"));
    assert_eq!(
        (r.issuers.as_slice(), r.date.as_deref()),
        (&["某某区人民政府".to_string()][..], Some("2023-01-20"))
    );
    let figures: Vec<(&str, f64, &str)> = r
        .all_statistics()
        .iter()
        .map(|(_, s)| (s.display.as_str(), s.value, s.quote.as_str()))
        .filter(|(d, _, _)| d.contains([',', ' ']) || d.contains("工作日") || d.contains("百分点"))
        .collect();
    assert_eq!(
        figures,
        [
            ("1,200余人次", 1200.0, "参训人员1,200余人次"),
            ("2.5个工作日", 2.5, "平均办理时限压缩至2.5个工作日"),
            ("1,856项", 1856.0, "上线事项1,856项"),
            ("3 456件", 3456.0, "全年办理行政处罚案件3 456件"),
            ("3个百分点", 3.0, "较上年下降3个百分点"),
        ]
    );
    // 一是…；二是… is an enumeration, not a paragraph lead.
    assert_eq!(r.find_section("2").unwrap().paragraphs[0].lead, None);
}

#[test]
fn broken_input_gets_a_clear_error() {
    let err = |name: &str| import_bytes(&fixture(name), name).unwrap_err();
    assert!(matches!(err("empty.txt"), Error::Empty));
    // A text without recognised headings opens as one unnumbered section, every line a
    // paragraph, and still rebuilds.
    let r = imported("no_sections");
    assert!(report_tui::import::is_unnumbered(&r));
    assert_eq!(r.sections[0].paragraphs.len(), 2);
    let text = String::from_utf8(fixture("no_sections.txt")).unwrap();
    assert_eq!(rebuild(&r), text);
    match err("not_utf8.txt") {
        Error::NotUtf8 {
            offset,
            line,
            column,
        } => {
            assert_eq!((offset, line, column), ("一、标题\n正常文字".len(), 2, 5))
        }
        e => panic!("{e}"),
    }
    assert_eq!(
        err("not_utf8.txt").to_string(),
        "not UTF-8 text: invalid byte at offset 25 (line 2, column 5)"
    );
    assert!(matches!(import("  \n\t\n", "x"), Err(Error::Empty)));
}

#[test]
fn escape_sequences_never_reach_the_model() {
    let r = imported("hostile");
    let json = serde_json::to_string(&r).unwrap();
    assert!(
        !json.contains('\u{1b}') && !json.contains('\u{7}'),
        "{json}"
    );
    assert!(
        r.title.contains("␛]52;c;"),
        "made visible, not silently dropped: {}",
        r.title
    );
    assert_eq!(r.sections[0].title, "标题␛[31m红色␛[0m");
}

#[test]
fn json_models_from_files_are_sanitised_and_checked() {
    use report_tui::embedded::from_json;
    let bad = String::from_utf8(fixture("malformed.json")).unwrap();
    let e = from_json(&bad).unwrap_err().to_string();
    assert!(
        e.starts_with("malformed JSON: EOF while parsing a list at line 1, column"),
        "{e}"
    );
    let shape = String::from_utf8(fixture("wrong_shape.json")).unwrap();
    assert!(from_json(&shape)
        .unwrap_err()
        .to_string()
        .contains("invalid type"));
    let mut r = imported("fullwidth_three_levels");
    r.title = "\u{1b}]52;c;eA==\u{7}标题".into();
    let back = from_json(&serde_json::to_string(&r).unwrap()).unwrap();
    assert_eq!(back.title, "␛]52;c;eA==␇标题");
    let deep = "[".repeat(100_000);
    assert!(
        from_json(&deep).is_err(),
        "deep nesting is an error, not a stack overflow"
    );
}

/// Mutations of a fixture: lines dropped, duplicated or cut, characters inserted.
fn mutated() -> impl Strategy<Value = String> {
    let sources: Vec<String> = GOOD
        .iter()
        .map(|n| String::from_utf8(fixture(&format!("{n}.txt"))).unwrap())
        .chain([report_tui::embedded::REPORT_TEXT.to_string()])
        .collect();
    let pieces = "一、(（)）1.2、。，,；“”《》\n\r 　约多%万元人次0123456789年月日";
    (
        proptest::sample::select(sources),
        proptest::collection::vec(
            (
                any::<usize>(),
                any::<usize>(),
                proptest::sample::select(pieces.chars().collect::<Vec<_>>()),
            ),
            0..12,
        ),
    )
        .prop_map(|(src, edits)| {
            let mut chars: Vec<char> = src.chars().collect();
            for (at, len, c) in edits {
                let at = at % (chars.len() + 1);
                match len % 3 {
                    0 => chars.insert(at, c),
                    1 => {
                        let end = (at + len % 40).min(chars.len());
                        chars.drain(at..end);
                    }
                    _ => {
                        let end = (at + len % 200).min(chars.len());
                        let copy: Vec<char> = chars[at..end].to_vec();
                        chars.splice(at..at, copy);
                    }
                }
            }
            chars.into_iter().collect()
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn mutated_reports_never_panic_and_always_rebuild(text in mutated()) {
        if let Ok(r) = import(&text, "x") {
            let safe = !text.chars().any(report_tui::sanitize::is_unsafe);
            if safe {
                prop_assert_eq!(rebuild(&r), text);
            }
        }
    }

    #[test]
    fn random_text_never_panics(text in "\\PC{0,300}") {
        let _ = import(&text, "x");
    }

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = import_bytes(&bytes, "x");
        let _ = report_tui::embedded::from_json_bytes(&bytes);
    }

    /// A JSON model with bytes overwritten, inserted or cut: an error or a model, never a
    /// panic; whatever loads is sanitised.
    #[test]
    fn mutated_json_models_never_panic(edits in proptest::collection::vec((any::<usize>(), any::<u8>(), 0..3u8), 1..8)) {
        let mut bytes = fixture("two_reports/b_xihu_2019.json");
        for (at, byte, how) in edits {
            let at = at % (bytes.len() + 1);
            match how {
                0 if at < bytes.len() => bytes[at] = byte,
                1 => bytes.insert(at, byte),
                _ => { bytes.drain(at..(at + 16).min(bytes.len())); }
            }
        }
        if let Ok(r) = report_tui::embedded::from_json_bytes(&bytes) {
            let json = serde_json::to_string(&r).unwrap();
            prop_assert!(!json.contains(char::from(0x1b)), "an escape reached the model");
        }
    }
}

#[test]
fn tiny_texts_without_headings_rebuild() {
    for text in [
        "2020年12月17日",
        "标题",
        "标题\n特此报告。",
        "市政府：\n2020年12月17日\n",
        "某某区人民政府\n2021年1月5日",
    ] {
        let r = import(text, "x").unwrap();
        assert_eq!(rebuild(&r), text, "{text:?}");
    }
}
