//! Matching and ranking on a small made-up report: hanzi, initials, full pinyin,
//! polyphones, ü, figures, several words, exact, kinds, ties and the Searcher.

use super::matcher::skim;
use super::*;
use fuzzy_matcher::FuzzyMatcher;

const TEXT: &str = "\
一、依法行政
依法严格落实行政执法责任制。全面推进依法行政工作。执行法规记得录入仪表。
二、执法保障
配备执法记录仪、摄录仪共计44台。去银行办理业务。出具法律意见书18份,接受咨询718人次,涉及金额143.4万元。
三、妇女权益
保障妇女权益,受理出嫁女申请20件。";

fn index() -> Index {
    Index::build(&[crate::import::import(TEXT, "测试").unwrap()])
}

/// Ids of the hits for `query`, best first.
fn ids(index: &Index, query: &str) -> Vec<String> {
    let q = Query::parse(query).unwrap();
    let hits = index.search(&q);
    hits.iter()
        .map(|h| index.item(h.item).id.to_string())
        .collect()
}

fn first(index: &Index, query: &str) -> String {
    ids(index, query).into_iter().next().unwrap_or_default()
}

#[test]
fn items_in_document_order_with_places() {
    let index = index();
    let all: Vec<(&str, Kind)> = index.items().map(|i| (i.id, i.kind)).collect();
    assert_eq!(
        all[..4],
        [
            ("1", Kind::Section),
            ("1.p1", Kind::Section),
            ("1.p1.m1", Kind::Measure),
            ("1.p1.m2", Kind::Measure)
        ]
    );
    let stat = index.items().find(|i| i.id == "2.p1.s3").unwrap();
    assert_eq!(stat.text, "咨询：718人次（接受咨询718人次）"); // the label drops the verb
    assert_eq!((stat.node, stat.section), ("2", "2"));
    assert_eq!(stat.path.to_vec(), ["二、执法保障"]);
    assert_eq!(stat.figure.as_ref().map(|f| f.value), Some(718.0));
    // A statistic follows the measure that holds it.
    let at = |id: &str| index.items().position(|i| i.id == id).unwrap();
    assert!(at("2.p1.m3") < at("2.p1.s2") && at("2.p1.s2") < at("3"));
}

#[test]
fn exact_beats_scattered_even_where_skim_prefers_scattered() {
    let index = index();
    // The premise: on its own, Skim scores the scattered 依法…行政 at the start higher.
    let skim = skim();
    let scattered = skim
        .fuzzy_match("依法严格落实行政执法责任制。", "依法行政")
        .unwrap();
    let exact = skim
        .fuzzy_match("全面推进依法行政工作。", "依法行政")
        .unwrap();
    assert!(scattered > exact, "{scattered} vs {exact}");
    let hits = index.search(&Query::parse("依法行政").unwrap());
    let top = index.item(hits[0].item);
    assert_eq!(top.id, "1", "the heading 一、依法行政 starts a word");
    assert!(hits[0].exact);
    let m2 = hits
        .iter()
        .position(|h| index.item(h.item).id == "1.p1.m2")
        .unwrap();
    let m1 = hits
        .iter()
        .position(|h| index.item(h.item).id == "1.p1.m1")
        .unwrap();
    assert!(
        m2 < m1 && !hits[m1].exact,
        "exact sentence first, scattered after"
    );
}

#[test]
fn initials_match_contiguous_runs_only() {
    let index = index();
    // 执行法规记得录入仪表 has 执…法…记…录…仪 scattered: not a match.
    // The statistic's label and quote (配备执法记录仪、摄录仪…44台) match too, and a
    // statistic ranks before a measure on a tie.
    assert_eq!(ids(&index, "zfjly"), ["2.p1.s1", "2.p1.m1"]);
    let hits = index.search(&Query::parse("zfjly").unwrap());
    let text: Vec<char> = index.item(hits[0].item).text.chars().collect();
    let picked: String = hits[0].indices.iter().map(|&i| text[i]).collect();
    assert_eq!(picked, "执法记录仪", "indices map back to the hanzi");
}

#[test]
fn full_pinyin_mixed_and_polyphones() {
    let index = index();
    assert_eq!(first(&index, "zhifajiluyi"), "2.p1.s1");
    assert_eq!(first(&index, "zhifajly"), "2.p1.s1");
    assert_eq!(first(&index, "yinhang"), "2.p1.m2", "行 read hang");
    // 行政 mid-sentence and in the heading score alike; measures rank before sections.
    let xingzheng = ids(&index, "xingzheng");
    assert_eq!(xingzheng[..3], ["1.p1.m1", "1.p1.m2", "1"], "行 read xing");
    assert_eq!(first(&index, "YinHang"), "2.p1.m2", "case folded");
}

#[test]
fn u_umlaut_typed_as_v_or_u() {
    let index = index();
    assert_eq!(first(&index, "chujianv"), "3.p1.s1");
    assert_eq!(first(&index, "chujianu"), "3.p1.s1");
    assert_eq!(first(&index, "flyjs"), "2.p1.s2", "律 is lü");
}

#[test]
fn figures_find_their_statistics() {
    let index = index();
    assert_eq!(first(&index, "718"), "2.p1.s3");
    assert_eq!(first(&index, "143.4"), "2.p1.s4");
    assert_eq!(first(&index, "万元"), "2.p1.s4");
    // A whole number beats the tail of a longer one: 18份 before 718人次.
    assert_eq!(first(&index, "18"), "2.p1.s2");
    // Digits never match scattered: 7…1…8…4 spans two figures.
    assert!(ids(&index, "7184").is_empty());
}

#[test]
fn every_word_must_match_in_any_order() {
    let index = index();
    assert_eq!(first(&index, "执法 44"), "2.p1.s1");
    assert_eq!(ids(&index, "执法 44"), ids(&index, "44 执法"));
    assert!(ids(&index, "执法 出嫁女").is_empty());
}

#[test]
fn leading_quote_asks_for_an_exact_substring() {
    let index = index();
    assert_eq!(ids(&index, "'依法行政"), ["1", "1.p1.m2"]);
    assert!(ids(&index, "'zfjly").is_empty(), "no pinyin");
    assert_eq!(ids(&index, "'执法记录仪").len(), 2);
}

#[test]
fn kinds_by_prefix_or_override() {
    let index = index();
    let kinds = |q: Query| -> Vec<Kind> {
        index
            .search(&q)
            .iter()
            .map(|h| index.item(h.item).kind)
            .collect()
    };
    let only = |v: Vec<Kind>, k| !v.is_empty() && v.iter().all(|x| *x == k);
    assert!(only(kinds(Query::parse("#执法").unwrap()), Kind::Statistic));
    assert!(kinds(Query::parse("#出嫁女 执法").unwrap()).is_empty());
    assert!(only(kinds(Query::parse("#44").unwrap()), Kind::Statistic));
    assert!(only(kinds(Query::parse(">执法").unwrap()), Kind::Measure));
    assert!(only(kinds(Query::parse("@执法").unwrap()), Kind::Section));
    let overridden = Query::parse("#44").unwrap().with_kind(Some(Kind::Measure));
    assert!(only(kinds(overridden), Kind::Measure));
    assert_eq!(
        kinds(Query::parse("#44").unwrap().with_kind(None)).len(),
        2,
        "the statistic and its sentence"
    );
}

#[test]
fn results_are_deterministic() {
    let (a, b) = (index(), index());
    for q in ["执法", "zf", "1", "法 意见"] {
        let q = Query::parse(q).unwrap();
        assert_eq!(a.search(&q), b.search(&q));
    }
}

#[test]
fn searcher_follows_typing_backspace_and_prefixes() {
    let index = std::sync::Arc::new(index());
    let mut searcher = Searcher::new(index.clone());
    for input in [
        "z",
        "zf",
        "zfj",
        "zf",
        "z",
        "zh",
        "zhifa",
        "#",
        "#4",
        "#44",
        "44",
        ">44",
        "'执",
        "'执法 4",
    ] {
        let fresh = match Query::parse(input) {
            Ok(q) => index.search(&q),
            Err(_) => index.search(&Query::lenient(input)),
        };
        assert_eq!(searcher.search(input), fresh.as_slice(), "{input:?}");
    }
    // No words: everything (of the prefix's kind) in document order.
    assert_eq!(searcher.search("").len(), index.len());
    let stats: Vec<usize> = searcher.search("#").iter().map(|h| h.item).collect();
    assert_eq!(stats.len(), 5);
    assert!(stats.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn an_index_of_no_reports_is_empty_and_searchable() {
    let index = Index::build(&[]);
    assert_eq!((index.len(), index.report_count()), (0, 0));
    assert!(index.search(&Query::parse("执法").unwrap()).is_empty());
    let owned = Index::build_owned(Vec::new());
    assert!(owned.is_empty());
}

/// A statistic's label, display and quote are stored once, inside its item text: each
/// still reads back exactly as the model has it, with or without a label.
#[test]
fn every_figure_reads_back_as_the_model_has_it() {
    let base = crate::embedded::report().unwrap();
    let mut reports = corpus::generate(&base, 3);
    reports.push(crate::import::import(TEXT, "测试").unwrap());
    let mut unlabelled = reports[0].clone();
    for s in unlabelled
        .sections
        .iter_mut()
        .flat_map(|s| &mut s.paragraphs)
    {
        s.statistics.iter_mut().for_each(|st| st.label.clear());
    }
    reports.push(unlabelled);
    let index = Index::build(&reports);
    let mut want: std::collections::HashMap<(usize, &str), &crate::model::Statistic> = reports
        .iter()
        .enumerate()
        .flat_map(|(r, report)| {
            report
                .all_statistics()
                .into_iter()
                .map(move |(_, s)| ((r, s.id.as_str()), s))
        })
        .collect();
    for item in index.items() {
        let Some(f) = item.figure else { continue };
        let s = want.remove(&(item.report, item.id)).unwrap();
        assert_eq!(
            (f.label, f.unit, f.display, f.quote, f.approx),
            (&*s.label, &*s.unit, &*s.display, &*s.quote, s.approx)
        );
        assert_eq!(f.value.to_bits(), s.value.to_bits());
    }
    assert!(want.is_empty(), "one figure per statistic");
    assert!(reports
        .last()
        .unwrap()
        .all_statistics()
        .iter()
        .any(|(_, s)| s.label.is_empty()));
}

#[test]
fn an_index_built_while_importing_is_the_index_of_the_models() {
    let dir = std::env::temp_dir().join(format!("report-tui-stream-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let texts = [
        TEXT,
        crate::embedded::REPORT_TEXT,
        "无标题的一段文字，共计3件。",
    ];
    for round in 0..12 {
        let text = texts[round % texts.len()];
        std::fs::write(dir.join(format!("{round:02}.txt")), text).unwrap();
    }
    let paths = [dir.clone()];
    let mut streamed = IndexBuilder::default();
    let keep = |r: crate::model::Report| ReportItems::of(&r);
    let outcome = crate::load::load_each(&paths, &|_, _| {}, &keep, &mut |i| streamed.add(i));
    let streamed = streamed.finish();
    let loaded = crate::load::load(&paths, &|_, _| {});
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!((outcome.opened, loaded.reports.len()), (12, 12));
    assert_eq!(outcome.warnings, loaded.warnings);
    assert_eq!(
        outcome.warnings.len(),
        4,
        "the text without headings, each time"
    );
    let built = Index::build(&loaded.reports);
    assert!(built.len() > 100);
    assert_eq!(streamed.as_bytes(), built.as_bytes());
}

/// More than 65,536 distinct characters: the index's text turns wide (`u32` symbols) and
/// still finds each sentence by a character only it holds, past the narrow range too.
#[test]
fn a_text_with_more_distinct_characters_than_u16_holds_is_indexed_wide() {
    let chars = ('\u{4E00}'..='\u{9FA5}')
        .chain('\u{AC00}'..='\u{D7A3}')
        .chain('\u{20000}'..='\u{2A6D6}');
    let chars: Vec<char> = chars.collect();
    assert!(chars.len() > 70_000);
    // Sentences of 100 characters each, one paragraph per 50 sentences.
    let mut text = String::from("一、总体\n");
    for (i, sentence) in chars.chunks(100).enumerate() {
        text.extend(sentence);
        text.push('。');
        if i % 50 == 49 {
            text.push('\n');
        }
    }
    let index = Index::build(&[crate::import::import(&text, "宽").unwrap()]);
    for c in [chars[5], chars[30_000], chars[chars.len() - 3]] {
        let hits = ids(&index, &c.to_string());
        let holder = index
            .items()
            .filter(|i| i.kind == Kind::Measure && i.text.contains(c))
            .map(|i| i.id.to_string())
            .collect::<Vec<_>>();
        assert_eq!(holder.len(), 1, "{c}");
        assert_eq!(hits, holder, "{c}");
    }
}
