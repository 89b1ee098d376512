//! The embedded model against its source, `assets/report.txt`: nothing lost, nothing invented.
#![allow(clippy::unwrap_used)] // test helpers outside #[test] fns

use report_tui::embedded::{report, REPORT_TEXT};
use report_tui::import::{import, Labels};
use report_tui::model::{Paragraph, Report};
use report_tui::rebuild::rebuild;

fn model() -> Report {
    report().expect("the embedded model parses")
}

#[test]
fn assets_text_is_the_seed_verbatim() {
    let on_disk = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/report.txt"))
        .expect("assets/report.txt is readable");
    assert_eq!(on_disk, REPORT_TEXT.as_bytes());
    // 44 line breaks, no final newline: 45 lines.
    assert_eq!(REPORT_TEXT.lines().count(), 45);
    assert!(!REPORT_TEXT.ends_with('\n'));
}

#[test]
fn model_rebuilds_the_source_byte_for_byte() {
    assert_eq!(rebuild(&model()), REPORT_TEXT);
}

#[test]
fn report_fields() {
    let r = model();
    assert_eq!(r.title, "市桥街2020年法治政府建设工作报告");
    assert!(r.title_supplied, "the source has no title line");
    assert_eq!(r.issuers, ["中共市桥街工作委员会", "市桥街道办事处"]);
    assert_eq!(r.date.as_deref(), Some("2020-12-17"));
    assert_eq!(r.preamble, REPORT_TEXT.lines().next().unwrap());
}

#[test]
fn all_ten_sections_and_their_sub_items() {
    let r = model();
    let numbers: Vec<&str> = r.sections.iter().map(|s| s.number.as_str()).collect();
    assert_eq!(
        numbers,
        ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
    );
    let subs: Vec<usize> = r.sections.iter().map(|s| s.subsections.len()).collect();
    assert_eq!(subs, [6, 0, 0, 3, 0, 0, 0, 0, 2, 2]);
    let s43 = r.find_section("4.3").unwrap();
    assert_eq!(
        (s43.number.as_str(), s43.title.as_str()),
        ("(三)", "加强执法保障")
    );
    assert_eq!(r.find_section("4").unwrap().title, "公正文明执法");
    for s in r.all_sections() {
        assert!(!s.title.ends_with('。'), "{} title ends with 。", s.id);
        assert!(
            REPORT_TEXT.contains(&s.heading),
            "{} heading is verbatim",
            s.id
        );
        assert!(s.heading.contains(&s.title));
    }
}

#[test]
fn leads_of_unnumbered_headings() {
    let r = model();
    let leads = |id: &str| -> Vec<String> {
        let s = r.find_section(id).unwrap();
        s.paragraphs
            .iter()
            .filter_map(|p| p.lead.as_ref().map(|l| l.to_string()))
            .collect()
    };
    assert_eq!(
        leads("3"),
        [
            "严格履行行政决策程序",
            "重大行政决策均能经合法性审查",
            "建立健全政府法律顾问制度",
            "发挥政府法制员积极作用"
        ]
    );
    assert_eq!(leads("4.3"), ["全面落实行政执法责任制"]);
    assert_eq!(leads("5"), ["建立健全行政问责制度"]);
}

fn paragraphs(r: &Report) -> Vec<&Paragraph> {
    r.all_paragraphs().into_iter().map(|(_, p)| p).collect()
}

#[test]
fn measures_are_every_sentence_in_order() {
    let r = model();
    let mut ids = std::collections::HashSet::new();
    for p in paragraphs(&r) {
        let joined: String = p.measures.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(
            joined, p.text,
            "{}: measures concatenate to the paragraph",
            p.id
        );
        for m in &p.measures {
            assert!(ids.insert(m.id.clone()), "duplicate id {}", m.id);
            let body = m.text.trim_end_matches(['”', '）', ')', '》']);
            let inner = &body[..body.len() - body.chars().last().map_or(0, char::len_utf8)];
            assert!(
                !inner.contains(['。', '；', ';', '！', '？']) || inner.contains(['《', '“', '(']),
                "{} holds two sentences: {}",
                m.id,
                m.text
            );
        }
    }
    assert!(ids.len() > 100);
}

#[test]
fn statistics_are_exact_and_in_place() {
    let r = model();
    let mut ids = std::collections::HashSet::new();
    for p in paragraphs(&r) {
        for s in &p.statistics {
            assert!(ids.insert(s.id.clone()), "duplicate id {}", s.id);
            assert!(
                p.text.contains(s.quote.as_str()),
                "{}: quote in paragraph",
                s.id
            );
            assert!(
                s.quote.contains(s.display.as_str()),
                "{}: display in quote",
                s.id
            );
            assert_eq!(
                &p.text[s.offset..s.offset + s.display.len()],
                s.display,
                "{}",
                s.id
            );
            let number: String = s
                .display
                .chars()
                .filter(|c| c.is_ascii_digit() || *c == '.')
                .collect();
            assert_eq!(s.value, number.parse::<f64>().unwrap(), "{}", s.id);
            assert!(
                s.display.contains(s.unit.as_str()),
                "{}: unit in display",
                s.id
            );
            let approx = ["约", "近", "多", "余", "超", "逾"]
                .iter()
                .any(|q| s.display.contains(q));
            assert_eq!(s.approx, approx, "{}", s.id);
            assert_eq!(s.approx, s.qualifier.is_some(), "{}", s.id);
            if let Some(q) = &s.qualifier {
                assert!(
                    s.display.contains(q.as_str()),
                    "{}: qualifier in display",
                    s.id
                );
            }
            assert!(
                !s.label.is_empty() && !s.label.contains(char::is_numeric),
                "{}",
                s.id
            );
            let m = p.measures.iter().find(|m| m.id == s.measure).unwrap();
            assert!(
                m.text.contains(s.display.as_str()),
                "{}: in its measure",
                s.id
            );
        }
    }
}

/// Digits in the source that are not statistics, each with why.
const NOT_STATISTICS: &[(&str, &str)] = &[
    ("2020年市桥街根据", "year"),
    ("(2015-2020年)", "years of a plan's title"),
    ("(2016—2020年)", "years of a plan's title (twice)"),
    ("在3月举办", "date"),
    ("10月份", "date"),
    ("430课后学堂", "a name"),
    ("5+2", "a work mode"),
    ("2020年,市桥街未制定", "year"),
    ("每年1月31日前", "date"),
    ("2020年新收", "year"),
    ("2020年12月17日", "sign-off date"),
];

#[test]
fn every_numeral_is_a_statistic_or_excluded_for_a_reason() {
    let r = model();
    // Blank out every statistic's display at its offset, then every excluded phrase.
    let mut rest = String::new();
    for p in paragraphs(&r) {
        let mut text = p.text.to_string();
        for s in p.statistics.iter().rev() {
            text.replace_range(s.offset..s.offset + s.display.len(), "_");
        }
        rest.push_str(&text);
        rest.push('\n');
    }
    rest.push_str(r.date_text.as_deref().unwrap_or(""));
    for (phrase, why) in NOT_STATISTICS {
        assert!(
            rest.contains(phrase),
            "exclusion {phrase:?} ({why}) not in the source"
        );
        rest = rest.replace(phrase, "_");
    }
    let left: Vec<&str> = rest
        .lines()
        .filter(|l| l.contains(|c: char| c.is_ascii_digit()))
        .collect();
    assert!(
        left.is_empty(),
        "numerals neither statistic nor excluded: {left:?}"
    );
}

/// `assets/report.json` is `import assets/report.txt --labels assets/labels.json`, exactly:
/// the curated labels and title are data, everything else is the importer's.
#[test]
fn embedded_model_is_the_import_with_curated_labels() {
    let mut imported = import(REPORT_TEXT, "report").unwrap();
    let labels =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/labels.json"))
            .unwrap();
    Labels::from_json(&labels)
        .unwrap()
        .apply(&mut imported)
        .unwrap();
    assert_eq!(imported, model());
    let all = imported.all_statistics();
    assert_eq!(all.len(), 38);
    assert!(all.iter().all(|(_, s)| s.base.is_some()));
}

#[test]
fn typed_figures_of_the_embedded_report() {
    let r = model();
    let find = |display: &str| {
        r.all_statistics()
            .into_iter()
            .map(|(_, s)| s)
            .find(|s| s.display == display)
            .unwrap()
            .clone()
    };
    let s = find("约143.4万元");
    assert_eq!(s.qualifier.as_deref(), Some("约"));
    assert_eq!(s.bound, Some(report_tui::model::Bound::Approx));
    let base = s.base.unwrap();
    assert_eq!((base.value, base.unit.as_str()), (1_434_000.0, "元"));
    assert_eq!(find("140多项").qualifier.as_deref(), Some("多"));
    assert_eq!(find("718人次").bound, None);
}

#[test]
fn statistics_per_section() {
    let r = model();
    let counts: Vec<usize> = r
        .sections
        .iter()
        .map(|s| s.all_statistics().count())
        .collect();
    assert_eq!(counts, [10, 0, 2, 4, 8, 13, 1, 0, 0, 0]);
}
