//! The noun phrase before a figure (`全区发现违法行为35件次` → 违法行为): connectives off
//! its end; enumerators, places, prepositions and governing verbs off its start.

use super::words::{
    is_benefactive, is_connective, is_level_verb, is_measure, is_place, is_subject_end,
};
use super::{is_number, joined, noun_like, one_char, segment, several_chars, window, WINDOW_CHARS};
use crate::model::Short;

/// The noun phrase that ends `head`: connectives off its end; enumerators, place and
/// time words, prepositions and the verbs that govern the phrase off its start.
pub(super) fn noun_before(head: &str, level: bool) -> Short {
    let whole = head.trim();
    let head = window(whole, WINDOW_CHARS, true);
    let all = segment(head);
    // The words are cut off the ends of this slice, not moved.
    let mut words: &[(&str, &str)] = &all;
    // A window that starts inside the clause may start inside a word: that word goes.
    if head.len() < whole.len() && !words.is_empty() {
        words = &words[1..];
    }
    // Connectives off the end, then a verb that reports a level (`占比提高|到`, `时限
    // 压缩|至`) when a noun or the figure it starts from (`由20天|缩短|到`) stands before it.
    // Where the figure that ends `words` starts: a number within its last three words,
    // after something else (`105|批`, `15|个|工作日`, `8|.|5|%`).
    let figure_at = |words: &[(&str, &str)]| {
        let n = words.len();
        // Written in digits or numerals: jieba tags `若干` and `多项` as numbers too.
        let digits = |w: &str| {
            w.chars().all(|c| {
                c.is_ascii_digit()
                    || ('０'..='９').contains(&c)
                    || "零一二三四五六七八九十百千万亿两".contains(c)
            })
        };
        let k = (n.saturating_sub(3).max(1)..n)
            .find(|&k| is_number(words[k].0, words[k].1) && digits(words[k].0))?;
        let unit = &words[k + 1..];
        let unit_like = unit.len() <= 2
            && !unit.is_empty()
            && unit
                .iter()
                .all(|(w, t)| one_char(w) || noun_like(t) || is_number(w, t) || *w == "个");
        unit_like.then_some(k)
    };
    let ends_in_figure = |words: &[(&str, &str)]| figure_at(words).is_some();
    while let Some(((w, _), rest)) = words.split_last() {
        let n = words.len();
        let last_is_verb = level
            && n >= 2
            && is_level_verb(w)
            && (noun_like(words[n - 2].1) || ends_in_figure(rest));
        if is_connective(w) || w.trim().is_empty() || last_is_verb {
            words = rest;
        } else {
            break;
        }
    }
    // A figure ending the clause before this one's (`来访１０５批|３１２人次`, `审批时间由
    // 20天|缩短到10天`) shares its label: its number and unit come off the end, and then
    // what joined the label to it (`由`).
    if let Some(k) = figure_at(words) {
        words = &words[..k];
        // The rest of a decimal (`8.`) and the number's other digits.
        while let Some(((w, t), rest)) = words.split_last() {
            if !(is_number(w, t) || matches!(*w, "." | "．")) {
                break;
            }
            words = rest;
        }
        while let Some(((w, _), rest)) = words.split_last() {
            if !is_connective(w) {
                break;
            }
            words = rest;
        }
    }
    // Everything up to the last verb that opens a noun phrase (`接受|群众咨询`).
    let mut start = 0;
    // Where the last `的` is: a verb before it opens a relative clause.
    let last_de = words.iter().rposition(|(w, _)| *w == "的");
    // A verb right after a dropped one modifies the noun (`公示|执法信息`, `下放|审批权限`).
    let mut after_dropped_verb = false;
    for i in 0..words.len() {
        let (w, tag) = words[i];
        // A one-character noun after a verb is its suffix (`审结|率`), not its object.
        let opens_phrase = words
            .get(i + 1)
            .is_some_and(|(w, t)| noun_like(t) && several_chars(w));
        let suffix_next = words.get(i + 1).is_some_and(|(w, t)| {
            one_char(w)
                && noun_like(t)
                && matches!(*w, "率" | "度" | "量" | "数" | "额" | "员" | "者")
        });
        // A rate keeps the verb that says what it measures (`整改|完成率`).
        let rate_next = words
            .get(i + 1)
            .is_some_and(|(w, _)| w.ends_with('率') || *w == "度");
        // A verb before a measure of it names it (`审批|时间`, `处罚|金额`).
        let measure_next = words.get(i + 1).is_some_and(|(w, _)| is_measure(w));
        let prev_noun = i > 0 && noun_like(words[i - 1].1);
        // After a modifier (`平均|办理时限`) a verb is part of the phrase.
        let prev_modifier = i > start && matches!(words[i - 1].1, "a" | "b" | "d");
        // `聘请法律顾问的单位`: the verb opens a relative clause, which the label keeps.
        let relative = last_de.is_some_and(|k| k > i);
        let next_verb = words.get(i + 1).is_some_and(|(_, t)| t.starts_with('v'));
        let enumerator = w.ends_with('是') && i > 0 && words[i - 1].1 == "m";
        // An opening quote or bracket stays: the label keeps what it encloses whole.
        let opener = w.starts_with(['“', '《', '（', '(', '「', '‘']);
        // A verb right after a closing quote belongs to the quoted name
        // (`“双随机、一公开”抽查任务`).
        let after_quote = i > start && words[i - 1].0.ends_with(['”', '》', '」', '’']);
        // A verb opening the phrase and followed by another verb governs or qualifies it
        // (`集中|清理涉及…的文件`, `公开|招聘调解员`): never the relative clause's own verb.
        let plain_verb = |w: &str, t: &str| matches!(t, "v" | "vd") && several_chars(w);
        let chained = i == start
            && plain_verb(w, tag)
            && words.get(i + 1).is_some_and(|(w, t)| plain_verb(w, t));
        // A one-character verb (`受|教育群众`) modifies what follows.
        let verb = (tag == "v"
            && !measure_next
            && several_chars(w)
            && opens_phrase
            && !prev_noun
            && !after_dropped_verb)
            || (tag == "vd" && i + 1 < words.len() && !suffix_next && !rate_next && !measure_next);
        let skip = matches!(tag, "p" | "c" | "t" | "m" | "r" | "f")
            || (tag == "d" && next_verb)
            || (tag == "w" && !opener)
            || is_place(w)
            || enumerator
            || chained
            || (verb && !prev_modifier && !relative && !after_quote);
        let more = i + 1 < words.len();
        // The subject ends here (`共`, `现有`), a list of examples (`…等|主题活动`), a
        // group (`执法人员中|法律专业人员比例`), or a
        // figure before (`建筑五十八处、|面积`): the thing counted starts after it.
        let subject_end = more && is_subject_end(w);
        let examples_end = more && (w == "等" || (w == "中" && tag == "f"));
        let figure_end = more
            && matches!(w, "、" | "，" | ",")
            && words[start..i]
                .iter()
                .rev()
                .take(3)
                .any(|(w, t)| is_number(w, t));
        let skip = skip || (w == "有" && i == start);
        let two_char_verb = |(w, t): (&str, &str)| matches!(t, "v" | "vd") && several_chars(w);
        // After `帮助|为` the noun is who benefits and the verb after it governs the thing
        // counted (`帮助企业解决|困难问题`).
        let benefit = i == start + 1
            && start > 0
            && is_benefactive(words[start - 1].0)
            && noun_like(words[start].1)
            && two_char_verb(words[i]);
        // A one-character verb after a verb governs its object (`带头讲|法治课`).
        let verb_pair = tag == "v"
            && one_char(w)
            && i > start
            && two_char_verb(words[i - 1])
            && words.get(i + 1).is_some_and(|(_, t)| noun_like(t));
        let drop = skip && (i == start || tag.starts_with('v') || enumerator)
            || benefit
            || verb_pair
            || subject_end
            || examples_end
            || figure_end;
        if drop {
            start = i + 1;
        }
        // Not after the end of a subject (`累计|创建示范村`): that verb governs.
        after_dropped_verb = drop && tag.starts_with('v') && !subject_end;
    }
    let start = start.min(words.len()) + long_phrase_cut(&words[start.min(words.len())..]);
    let label = joined(head, &words[start..]);
    let label = label
        // Pauses off both ends; an opening mark only off the end, a closing only off the start.
        // (`matches!`, not `"，、；：）》”".contains(c)`: a string search per character.)
        .trim_start_matches(|c: char| {
            matches!(
                c,
                ',' | ';' | ':' | ')' | '，' | '、' | '；' | '：' | '）' | '》' | '”'
            )
        })
        .trim_end_matches(|c: char| {
            matches!(
                c,
                ',' | ';' | ':' | '(' | '，' | '、' | '；' | '：' | '（' | '《' | '“'
            )
        });
    Short::new(label)
}

/// Longest label kept whole; past it, a subject and its verb are dropped too
/// (`县政府常务会议专题听取|法治政府建设汇报`).
const LONG_LABEL_CHARS: usize = 12;

/// Where a long label's object starts: after its last verb of two or more characters that
/// is followed by at least four characters of noun phrase. 0 keeps the label whole, as
/// for a relative clause (`…审议的重大事项`).
fn long_phrase_cut(words: &[(&str, &str)]) -> usize {
    let chars = |ws: &[(&str, &str)]| ws.iter().map(|(w, _)| w.chars().count()).sum::<usize>();
    if chars(words) <= LONG_LABEL_CHARS || words.iter().any(|(w, _)| *w == "的") {
        return 0;
    }
    (0..words.len())
        .rev()
        .find(|&i| {
            let (w, t) = words[i];
            // Never past a negation: `不予|处罚案件` would say the opposite.
            t.starts_with('v')
                && !w.starts_with(['不', '未', '无', '没'])
                && several_chars(w)
                && words.get(i + 1).is_some_and(|(_, n)| noun_like(n))
                && chars(&words[i + 1..]) >= 4
        })
        .map_or(0, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::super::noun_after;
    use super::noun_before;

    #[test]
    fn a_name_after_the_number_keeps_its_bracket_and_its_rank() {
        assert_eq!(
            noun_after("村（社区）配备了法律顾问").as_deref(),
            Some("村（社区）")
        );
        assert_eq!(
            noun_after("新任科级干部开展").as_deref(),
            Some("新任科级干部")
        );
    }

    #[test]
    fn the_thing_counted_comes_after_the_subject_the_verb_and_a_figure_before() {
        for (head, label) in [
            ("全区各行政执法部门共办理行政处罚案件", "行政处罚案件"),
            ("全街道新增持证执法人员", "新增持证执法人员"),
            ("镇综合行政执法队现有执法人员", "执法人员"),
            ("检查经营主体", "经营主体"),
            ("出动检查人员", "检查人员"),
            ("拆除违法建筑五十八处、面积", "面积"),
            ("全年接待群众来访１０５批", "群众来访"),
            ("组织开展宪法宣传周、民法典宣传月等主题活动", "主题活动"),
            ("整改完成率", "整改完成率"),
            ("审批时间压缩至", "审批时间"),
            ("全年调解各类纠纷", "纠纷"),
            ("全区累计创建国家级民主法治示范村", "国家级民主法治示范村"),
            (
                "集中清理涉及营商环境的政策措施文件",
                "涉及营商环境的政策措施文件",
            ),
            (
                "全年开展“双随机、一公开”抽查任务",
                "“双随机、一公开”抽查任务",
            ),
            (
                "市本级行政机关负责人出庭应诉率达到",
                "行政机关负责人出庭应诉率",
            ),
            ("全市现有在编行政执法人员", "在编行政执法人员"),
            ("帮助企业解决困难问题", "困难问题"),
            ("领导班子带头讲法治课", "法治课"),
        ] {
            assert_eq!(noun_before(head, true), label, "{head}");
        }
    }
}
