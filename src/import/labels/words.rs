//! The word lists of the label rules: connectives, level verbs, subject ends, measures,
//! place and scope words, comparisons. Data for the rules, which live in `before.rs`.

/// A word list, as the test of whether a word is in it. The test is a `match`, which the
/// compiler turns into a switch on length and a few integer compares: `LIST.contains(&w)`
/// over a slice was a loop of `memcmp` calls, 3% of an import's CPU when run for every
/// word of every label window.
macro_rules! words {
    ($(#[$doc:meta])* $test:ident: [$($word:literal),* $(,)?]) => {
        $(#[$doc])*
        pub(super) fn $test(w: &str) -> bool {
            matches!(w, $($word)|*)
        }
    };
}

words! {
    /// Words that join a label to its figure (`共计`, `达`), dropped from the label's end.
    is_connective: [
        "共计",
        "共有",
        "合计",
        "累计",
        "总计",
        "达到",
        "约为",
        "分别为",
        "分别",
        "为",
        "达",
        "共",
        "的",
        "是",
        "有",
        "计",
        "均",
        "已",
        "约",
        "近",
        "超过",
        "逾",
        "不少于",
        "不足",
        "其中",
        "仅",
        "到",
        "至",
        "在",
        "于",
        "提高到",
        "提高至",
        "提升到",
        "提升至",
        "增加到",
        "增加至",
        "增至",
        "下降到",
        "下降至",
        "降低到",
        "降低至",
        "降至",
        "压缩到",
        "压缩至",
        "缩短到",
        "缩短至",
        // Where a change starts (`审批时间由|20天缩短到10天`, `从|3天压缩至1天`).
        "由",
        "从",
        "原来",
    ]
}
words! {
    /// Verbs that report a level (`占比提高到68.5%`), dropped from a label's end.
    is_level_verb: [
        "提高", "提升", "增加", "增长", "下降", "降低", "压缩", "缩短", "减少", "保持", "控制", "稳定",
        "发展",
    ]
}
words! {
    /// Words that close the subject of a clause (`执法部门共|办理…`, `执法队现有|执法人员`):
    /// the thing counted comes after them.
    is_subject_end: ["共", "仅", "均", "现有", "仅有", "共有", "已有", "累计"]
}

words! {
    /// Words before whom a thing is done (`帮助|企业解决困难问题`): the noun after them is not
    /// the thing counted.
    is_benefactive: ["为", "帮助", "帮", "协助", "替", "指导"]
}

words! {
    /// Nouns that measure what the verb before them does (`审批时间`, `处罚金额`).
    is_measure: [
        "时间", "时限", "金额", "数量", "人数", "总数", "总量", "面积", "比例", "占比", "次数", "天数",
    ]
}

words! {
    /// Place and scope words that open a clause (`全区`, `我县`) rather than name a thing.
    is_place: [
        "全区",
        "全县",
        "全市",
        "全镇",
        "全街",
        "全街道",
        "本街道",
        "我街道",
        "全省",
        "全乡",
        "全年",
        "今年",
        "本年",
        "当年",
        "我区",
        "我县",
        "我市",
        "我镇",
        "我街",
        "本区",
        "本县",
        "本市",
        "本镇",
        "辖区",
        "辖内",
        "全体",
        "园区",
        "园区内",
        "区内",
        "辖区内",
    ]
}
/// Comparison words: a change figure's clause names no thing of its own.
pub(super) const COMPARISONS: &[&str] = &[
    "同比",
    "环比",
    "较上年",
    "比上年",
    "较去年",
    "比去年",
    "较",
    "比",
    "上年",
    "去年",
    "增长",
    "下降",
    "提高",
    "减少",
    "上升",
    "降低",
    "增加",
    "缩短",
    "提升",
    "增幅",
    "降幅",
    "新增",
];
