//! What `figures` reads and what it leaves alone, one number form per test.

use super::*;

fn shown(text: &str) -> Vec<(&str, f64, String, bool)> {
    figures(text)
        .into_iter()
        .map(|f| {
            (
                &text[f.start..f.end],
                f.value,
                f.unit.to_string(),
                f.approx(),
            )
        })
        .collect()
}

/// Display, qualifier, bound, base value, base unit, change.
type Typed<'a> = (
    &'a str,
    Option<&'static str>,
    Option<Bound>,
    f64,
    String,
    Option<Change>,
);

fn typed(text: &str) -> Vec<Typed<'_>> {
    figures(text)
        .into_iter()
        .map(|f| {
            (
                &text[f.start..f.end],
                f.qualifier,
                f.bound,
                f.base_value,
                f.base_unit.to_string(),
                f.change,
            )
        })
        .collect()
}

fn displays(text: &str) -> Vec<&str> {
    figures(text)
        .into_iter()
        .map(|f| &text[f.start..f.end])
        .collect()
}

#[test]
fn counts_amounts_and_ratios() {
    let t = "接受群众咨询718人次、投入约143.4万元,140多项业务,解决率达86.4%。";
    assert_eq!(
        shown(t),
        [
            ("718人次", 718.0, "人次".to_string(), false),
            ("约143.4万元", 143.4, "万元".to_string(), true),
            ("140多项", 140.0, "项".to_string(), true),
            ("86.4%", 86.4, "%".to_string(), false),
        ]
    );
}

#[test]
fn thousands_separators_and_percentage_points() {
    let t = "投入资金1,200万元,处理案件185宗,376人,提高3个百分点,共12,345,678元,办件3 456件,压缩至2.5个工作日。";
    assert_eq!(
        displays(t),
        [
            "1,200万元",
            "185宗",
            "376人",
            "3个百分点",
            "12,345,678元",
            "3 456件",
            "2.5个工作日"
        ]
    );
}

#[test]
fn years_dates_names_and_slogans_are_not_figures() {
    let t = "2020年,《纲要(2015-2020年)》(2016—2020年)3月、10月份、1月31日前,430课后学堂,“白加黑、5+2”,2020年12月17日";
    assert_eq!(shown(t), []);
    let t = "２０２１年１２月，〔2021〕3号文件，拨打12345热线，第3批，第三次，5G基站，G20";
    assert_eq!(shown(t), []);
}

#[test]
fn full_width_digits_points_and_percent() {
    let t = "开展检查１５次，满意率９７．２％，结案率96．3%，共１，２０８家次。";
    assert_eq!(
        displays(t),
        ["１５次", "９７．２％", "96．3%", "１，２０８家次"]
    );
    assert_eq!(figures(t)[1].value, 97.2);
    assert_eq!(figures(t)[2].value, 96.3);
}

#[test]
fn chinese_numerals_as_counts() {
    let t = "办理复议案件十六件，举办讲座三十场，培训三千余人次，召开两次会议，一百零五项。";
    let f = figures(t);
    assert_eq!(
        displays(t),
        ["十六件", "三十场", "三千余人次", "两次", "一百零五项"]
    );
    let values: Vec<f64> = f.iter().map(|f| f.value).collect();
    assert_eq!(values, [16.0, 30.0, 3000.0, 2.0, 105.0]);
}

#[test]
fn numerals_in_names_and_phrases_are_not_figures() {
    let t = "一是落实行政执法三项制度，推进一网通办和最多跑一次，深入一线，第三次会议，十分重要，三分之一，五年规划，十四五，二〇二一年，数十次，千家万户，一批案件，中央八项规定。";
    assert_eq!(displays(t), Vec::<&str>::new());
}

#[test]
fn compound_units_and_measure_words() {
    let t =
        "检查35件次、1,208家次、走访86户次，授课12课时，归档320卷，评分98分，植树500株，发放3批。";
    assert_eq!(
        shown(t)
            .into_iter()
            .map(|(d, _, u, _)| (d, u))
            .collect::<Vec<_>>(),
        [
            ("35件次", "件次".to_string()),
            ("1,208家次", "家次".to_string()),
            ("86户次", "户次".to_string()),
            ("12课时", "课时".to_string()),
            ("320卷", "卷".to_string()),
            ("98分", "分".to_string()),
            ("500株", "株".to_string()),
            ("3批", "批".to_string()),
        ]
    );
}

#[test]
fn scale_words_and_base_units() {
    let t = "排查隐患2.6万余处，户籍人口31万户籍人口，投入1.8亿元，受理1.2万件，约143.4万元。";
    assert_eq!(
        typed(t),
        [
            (
                "2.6万余处",
                Some("余"),
                Some(Bound::Approx),
                26000.0,
                "处".into(),
                None
            ),
            ("31万", None, None, 310000.0, "".into(), None),
            ("1.8亿元", None, None, 180000000.0, "元".into(), None),
            ("1.2万件", None, None, 12000.0, "件".into(), None),
            (
                "约143.4万元",
                Some("约"),
                Some(Bound::Approx),
                1434000.0,
                "元".into(),
                None
            ),
        ]
    );
}

#[test]
fn bounds_from_qualifiers() {
    let t =
        "培训300人以上，不少于20场，超过500人次，逾百家，不足5%，20人左右，近30个，1,000人以下，突破42万户。";
    let got: Vec<(&str, Option<&str>, Option<Bound>)> = typed(t)
        .into_iter()
        .map(|(d, q, b, ..)| (d, q, b))
        .collect();
    assert_eq!(
        got,
        [
            ("300人以上", Some("以上"), Some(Bound::Lower)),
            ("不少于20场", Some("不少于"), Some(Bound::Lower)),
            ("超过500人次", Some("超过"), Some(Bound::Lower)),
            ("逾百家", Some("逾"), Some(Bound::Lower)),
            ("不足5%", Some("不足"), Some(Bound::Upper)),
            ("20人左右", Some("左右"), Some(Bound::Approx)),
            ("近30个", Some("近"), Some(Bound::Approx)),
            ("1,000人以下", Some("以下"), Some(Bound::Upper)),
            ("突破42万户", Some("突破"), Some(Bound::Lower)),
        ]
    );
}

#[test]
fn bounds_on_bare_hundreds_and_within() {
    let got: Vec<(&str, f64, Option<&str>, Option<Bound>)> =
        typed("推动近千家企业承诺，压缩至1个工作日以内，走进千家万户，服务百姓。")
            .into_iter()
            .map(|(d, q, b, v, ..)| (d, v, q, b))
            .collect();
    assert_eq!(
        got,
        [
            ("近千家", 1000.0, Some("近"), Some(Bound::Approx)),
            ("1个工作日以内", 1.0, Some("以内"), Some(Bound::Upper)),
        ]
    );
}

#[test]
fn hours_that_name_a_service_are_not_figures() {
    assert_eq!(
        displays("设立24小时自助服务区3个，24小时内办结，培训40小时，时限24小时以内。"),
        ["3个", "24小时", "40小时", "24小时以内"]
    );
}

#[test]
fn an_increase_on_last_year_is_a_change() {
    let got: Vec<(&str, Option<Change>)> =
        typed("企业1,350家，较上年新增420家；新增市场主体2.3万户。")
            .into_iter()
            .map(|(d, .., c)| (d, c))
            .collect();
    assert_eq!(
        got,
        [
            ("1,350家", None),
            ("420家", Some(Change::Up)),
            ("2.3万户", None)
        ]
    );
}

#[test]
fn changes_and_levels() {
    let t = "同比增长12.5%，下降3.2个百分点，较上年减少8.6%，压缩至2.5个工作日，新增市场主体2.3万户，增幅达7%。";
    let got: Vec<(&str, Option<Change>)> = typed(t).into_iter().map(|(d, .., c)| (d, c)).collect();
    assert_eq!(
        got,
        [
            ("12.5%", Some(Change::Up)),
            ("3.2个百分点", Some(Change::Down)),
            ("8.6%", Some(Change::Down)),
            ("2.5个工作日", None),
            ("2.3万户", None),
            ("7%", Some(Change::Up)),
        ]
    );
}

#[test]
fn spans_phone_numbers_and_document_numbers_are_not_figures() {
    let t = "近3年来，连续5年获评先进。1至11月。拨打0571-12345678咨询。粤府办〔2020〕15号文件，2号楼，第15号令，国发〔2021〕7号，2021年1-11月。";
    assert_eq!(displays(t), Vec::<&str>::new());
}

#[test]
fn tenths_written_as_cheng_are_ratios() {
    let got: Vec<(&str, f64, String)> =
        shown("优秀案卷占比约三成，比例超过四成，7成以上，两个项目成为示范，十项成果，三成员")
            .into_iter()
            .map(|(d, v, u, _)| (d, v, u))
            .collect();
    assert_eq!(
        got,
        [
            ("约三成", 3.0, "成".to_string()),
            ("超过四成", 4.0, "成".to_string()),
            ("7成以上", 7.0, "成".to_string()),
            ("两个", 2.0, "个".to_string()),
            ("十项", 10.0, "项".to_string()),
        ]
    );
}

#[test]
fn at_least_before_a_verb_bounds_the_figure() {
    let got: Vec<(&str, Option<&str>, Option<Bound>)> =
        typed("每个镇至少建成1个工作站，至少开展2次，组织3次。")
            .into_iter()
            .map(|(d, q, b, ..)| (d, q, b))
            .collect();
    assert_eq!(
        got,
        [
            ("1个", Some("至少"), Some(Bound::Lower)),
            ("2次", Some("至少"), Some(Bound::Lower)),
            ("3次", None, None),
        ]
    );
}

#[test]
fn one_written_as_a_hanzi_counts_only_at_a_clause_end() {
    let t = "带头讲法治课一次。推行最多跑一次”改革，一次性告知，召开一次会议，一批案件。";
    assert_eq!(displays(t), ["一次"]);
}

#[test]
fn chinese_numerals_with_decimals() {
    assert_eq!(
        typed("纠错率下降零点五个百分点。"),
        vec![(
            "零点五个百分点",
            None,
            None,
            0.5,
            "个百分点".to_string(),
            Some(Change::Down)
        )]
    );
    assert_eq!(
        shown("投入一点五万元"),
        vec![("一点五万元", 1.5, "万元".to_string(), false)]
    );
    // `一点一滴` and a clock time are not figures.
    assert!(figures("从一点一滴做起，凌晨零点出发").is_empty());
}

#[test]
fn tenths_with_a_digit_after() {
    assert_eq!(
        shown("结案率达九成五，"),
        vec![("九成五", 9.5, "成".to_string(), false)]
    );
    assert_eq!(
        shown("约三成五以上"),
        vec![("约三成五以上", 3.5, "成".to_string(), true)]
    );
    // A count after 成 is its own figure: `三成五个` is not 3.5 成.
    assert_eq!(shown("占三成五个乡镇")[0].1, 3.0);
}
