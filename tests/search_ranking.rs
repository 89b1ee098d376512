//! Realistic queries over the embedded report, each with the hit that must come first,
//! across all ten sections: hanzi, scattered hanzi, pinyin (full, initials, mixed, ü),
//! figures, several words, exact, and kinds.

use report_tui::search::{Index, Kind, Query, Searcher};

fn index() -> Index {
    Index::build(&[report_tui::embedded::report().expect("the embedded report parses")])
}

/// (query, id of the first hit, why a reader wants that one first)
const TABLE: &[(&str, &str, &str)] = &[
    // 一、依法全面履行政府职能
    ("扫黑除恶", "1.3.p1.m4", "the one sentence about it"),
    ("非洲猪瘟", "1.2.p1.m3", "the one sentence about it"),
    ("718", "1.4.p1.s2", "the statistic, before the sentence holding it"),
    ("143.4", "1.4.p1.s9", "a decimal figure"),
    ("万元", "1.4.p1.s9", "the first statistic in 万元"),
    ("垃圾分类", "1.6.p1.m6", "scattered hanzi: 垃圾强制分类"),
    ("hezhang", "1.6.p1.m2", "full pinyin of 河长"),
    ("gcgm", "1.6.p1.m8", "initials of 公厕革命"),
    ("平安通", "1.4.p1.m4", "a quoted programme name"),
    ("'430课后", "1.4.p1.m13", "exact, with a figure that is a name"),
    // 二、完善依法行政制度体系
    ("规范性文件清理", "2.p1.m2", "exact beats the scattered 清理…规范性文件"),
    ("weizhiding", "2.p1.m4", "full pinyin of 未制定"),
    // 三、严格决策程序，促进科学民主决策
    ("471", "3.p4.s2", "a count"),
    ("律师事务所", "3.p3.m2", "the one sentence naming law firms"),
    ("兼职 法制员", "3.p4.s1", "two words: the statistic 兼职法制员"),
    ("fzyjjzy", "3.p4.m1", "initials of 发挥政府法制员积极作用: the sentence ties with the same words as a lead, and measures rank before sections"),
    // 四、公正文明执法
    ("zfjly", "4.3.p1.s1", "initials: the statistic whose label starts 执法记录仪"),
    ("zhifajiluyi", "4.3.p1.s1", "full pinyin of the same"),
    ("zhifajly", "4.3.p1.s1", "mixed full and initials"),
    ("4.41", "4.p1.s2", "a percentage"),
    ("联合执法队", "4.1.p1.m1", "the one sentence about it"),
    ("@执法", "4", "sections only: the first heading with 执法"),
    // 五、落实制度，政务信息更加公开透明
    ("86.4", "5.p2.s4", "the resolution rate"),
    ("xingzhengpeichang", "5.p5.m3", "full pinyin, 行 read xing"),
    ("人大代表", "5.p2.s1", "the statistic's label starts with it"),
    // 六、及时高效化解矛盾纠纷
    ("301.5", "6.p1.s7", "an amount"),
    ("chujianv", "6.p3.s2", "ü typed v: 出嫁女 starts this statistic's label"),
    ("chujianu", "6.p3.s2", "ü typed u"),
    ("调解组织", "6.p1.s4", "the statistic labelled 调解组织"),
    // 七、政府工作人员法治思维和依法行政能力不断提高
    ("谁执法谁普法", "7.p2.m1", "a slogan"),
    ("pfks", "7.p1.m3", "initials of 普法考试"),
    ("27", "7.p2.s1", "a figure typed whole"),
    // 八、加强党对法治政府建设的领导
    ("学习强国", "8.p1.m2", "the app"),
    ("sigeyishi", "8.p1.m3", "full pinyin of 四个意识"),
    // 九、存在的问题
    ("招工难", "9.1.p1.m1", "an untitled item: its problem statement is a measure"),
    ("燃气安全", "9.2.p1.m2", "the one sentence about it"),
    // 十、下一步工作意见
    ("双网融合", "10.2.p1.m1", "the first sentence of untitled 10.2"),
    ("自谋职业", "10.1.p1.m1", "the one sentence about it"),
    ("wanggezhang", "10.2.p1.m1", "full pinyin of 网格长"),
    // Several words, in any order; kinds by prefix.
    ("44 执法", "4.3.p1.s1", "a figure and a word"),
    ("执法 44", "4.3.p1.s1", "the same, other order"),
    ("#44", "4.3.p1.s1", "statistics only: the first 44"),
    (">执法记录仪", "4.3.p1.m1", "measures only"),
];

#[test]
fn the_right_hit_comes_first() {
    let index = index();
    let mut wrong = Vec::new();
    for (query, want, why) in TABLE {
        let hits = index.search(&Query::parse(query).expect("a valid query"));
        let first = hits.first().map(|h| index.item(h.item).id);
        if first != Some(want) {
            let top: Vec<String> = hits
                .iter()
                .take(3)
                .map(|h| format!("{} ({})", index.item(h.item).id, h.score))
                .collect();
            wrong.push(format!("{query:?}: want {want} ({why}), got {top:?}"));
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

#[test]
fn the_table_covers_all_ten_sections() {
    let mut sections: Vec<&str> = TABLE
        .iter()
        .map(|(_, id, _)| id.split('.').next().unwrap_or(id))
        .collect();
    sections.sort_by_key(|s| s.parse::<u32>().unwrap_or(0));
    sections.dedup();
    assert_eq!(
        sections,
        ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]
    );
    assert!(TABLE.len() >= 25);
}

#[test]
fn typing_gives_the_same_hits_as_searching_afresh() {
    let index = std::sync::Arc::new(index());
    let mut searcher = Searcher::new(index.clone());
    for (query, _, _) in TABLE {
        let typed: Vec<char> = query.chars().collect();
        for n in 1..=typed.len() {
            let prefix: String = typed[..n].iter().collect();
            let fresh = match Query::parse(&prefix) {
                Ok(q) => index.search(&q),
                Err(_) => continue,
            };
            assert_eq!(searcher.search(&prefix), fresh.as_slice(), "{prefix:?}");
        }
    }
}

#[test]
fn kind_filter_keeps_only_that_kind() {
    let index = index();
    for kind in [Kind::Section, Kind::Measure, Kind::Statistic] {
        let hits = index.search(&Query::parse("执法").unwrap().with_kind(Some(kind)));
        assert!(!hits.is_empty());
        assert!(hits.iter().all(|h| index.item(h.item).kind == kind));
    }
}
