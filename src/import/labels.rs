//! Labels that name what a figure counts, from the clause around it, cut at word
//! boundaries (jieba-rs), and labels as data (`assets/labels.json`, `import --labels`).

use std::sync::LazyLock;

use jieba_rs::Jieba;

use super::figures::Figure;
use super::sentences::Clauses;

const WORDS_TXT: &str = include_str!("../../assets/words.txt");

/// Loaded on the first label, never for a JSON model (the embedded report's path).
/// Measured: jieba's full dictionary takes 600-750 ms to load, this one ~3 ms.
static JIEBA: LazyLock<Jieba> = LazyLock::new(load_segmenter);

/// The segmenter with the label dictionary (public for `benches/import.rs`).
pub fn load_segmenter() -> Jieba {
    let dict: String = WORDS_TXT
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .flat_map(|l| [l, "\n"])
        .collect();
    Jieba::with_dict(&mut std::io::BufReader::new(dict.as_bytes()))
        .unwrap_or_else(|_| Jieba::empty())
}

/// Words that join a label to its figure (`共计`, `达`), dropped from the label's end.
const CONNECTIVES: &[&str] = &[
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
];
/// Verbs that report a level (`占比提高到68.5%`), dropped from a label's end.
const LEVEL_VERBS: &[&str] = &[
    "提高", "提升", "增加", "增长", "下降", "降低", "压缩", "缩短", "减少", "保持", "控制", "稳定",
    "发展",
];
/// Words that close the subject of a clause (`执法部门共|办理…`, `执法队现有|执法人员`):
/// the thing counted comes after them.
const SUBJECT_ENDS: &[&str] = &["共", "仅", "均", "现有", "仅有", "共有", "已有", "累计"];

/// Nouns that measure what the verb before them does (`审批时间`, `处罚金额`).
const MEASURES: &[&str] = &[
    "时间", "时限", "金额", "数量", "人数", "总数", "总量", "面积", "比例", "占比", "次数", "天数",
];

/// A number as jieba leaves it: tagged `m`, or digits it does not know (full-width).
fn is_number(word: &str, tag: &str) -> bool {
    tag == "m"
        || word
            .chars()
            .all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
}
/// Place and scope words that open a clause (`全区`, `我县`) rather than name a thing.
const PLACES: &[&str] = &[
    "全区",
    "全县",
    "全市",
    "全镇",
    "全街",
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
    "辖区",
    "辖内",
    "全体",
    "园区",
    "园区内",
    "区内",
    "辖区内",
];
/// Comparison words: a change figure's clause names no thing of its own.
const COMPARISONS: &[&str] = &[
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

/// A word that can be (part of) the thing counted. `x` is jieba's tag for a word it does
/// not know; in these reports those are mostly the genre's own nouns.
fn noun_like(tag: &str) -> bool {
    tag.starts_with('n') || matches!(tag, "vn" | "an" | "j" | "l" | "b" | "ng" | "nz" | "i" | "x")
}

fn tags(text: &str) -> Vec<(&str, &str)> {
    JIEBA
        .tag(text, false)
        .into_iter()
        .map(|t| {
            // Punctuation is `x` too: keep `x` for hanzi only.
            let hanzi = t
                .word
                .chars()
                .all(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c));
            (t.word, if t.tag == "x" && !hanzi { "w" } else { t.tag })
        })
        .collect()
}

/// The clause that holds a figure, and a label naming what it counts: the noun after
/// the figure when the number comes first (`1,530项政务服务事项` → 政务服务事项),
/// otherwise the noun phrase before it without verbs, enumerators, place words and
/// connectives (`全区发现违法行为35件次` → 违法行为). Cuts fall between words only.
pub fn quote_and_label(
    clauses: &Clauses,
    text: &str,
    f: &Figure,
    previous: Option<&str>,
) -> (String, String) {
    let quote = clauses.around(f.start, f.end);
    let display = &text[f.start..f.end];
    let (head, tail) = quote.split_once(display).unwrap_or((quote, ""));
    let ratio = matches!(
        f.unit.as_str(),
        "%" | "％" | "‰" | "倍" | "个百分点" | "百分点"
    );
    if !ratio {
        if let Some(noun) = noun_after(tail) {
            return (quote.to_string(), noun);
        }
    }
    let label = noun_before(head, f.change.is_none());
    let label = match (label.is_empty() || is_comparison(&label), previous) {
        (true, Some(p)) if f.change.is_some() || is_comparison(&label) => format!("{p}{label}"),
        (true, _) if label.is_empty() => head.trim().to_string(),
        _ => label,
    };
    (quote.to_string(), label)
}

fn is_comparison(label: &str) -> bool {
    if label.is_empty() {
        return false;
    }
    let mut rest = label;
    while !rest.is_empty() {
        match COMPARISONS.iter().find(|c| rest.starts_with(*c)) {
            Some(c) => rest = &rest[c.len()..],
            None => return false,
        }
    }
    true
}

/// Segment only this many characters next to a figure: a label is shorter, and jieba's
/// cost grows with the text it is given.
const WINDOW_CHARS: usize = 24;

/// The last (`from_end`) or first `n` characters of `text`.
fn window(text: &str, n: usize, from_end: bool) -> &str {
    if from_end {
        let at = text.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
        &text[at..]
    } else {
        let at = text.char_indices().nth(n).map_or(text.len(), |(i, _)| i);
        &text[..at]
    }
}

/// The noun phrase that opens `tail` (`政务服务事项提供…` → 政务服务事项).
fn noun_after(tail: &str) -> Option<String> {
    let tail = window(tail, WINDOW_CHARS, false);
    let words = tags(tail);
    if !words.first().is_some_and(|(_, t)| noun_like(t)) {
        return None;
    }
    let mut end = 0;
    let mut at = 0;
    for (i, (w, t)) in words.iter().enumerate() {
        let next_noun = words.get(i + 1).is_some_and(|(_, n)| noun_like(n));
        if noun_like(t) {
            at += w.len();
            end = at;
        } else if *t == "uj" && next_noun {
            at += w.len(); // 的 inside a noun phrase
        } else {
            break;
        }
    }
    (end > 0).then(|| tail[..end].to_string())
}

/// The noun phrase that ends `head`: connectives off its end; enumerators, place and
/// time words, prepositions and the verbs that govern the phrase off its start.
fn noun_before(head: &str, level: bool) -> String {
    let whole = head.trim();
    let head = window(whole, WINDOW_CHARS, true);
    let mut words = tags(head);
    // A window that starts inside the clause may start inside a word: that word goes.
    if head.len() < whole.len() && !words.is_empty() {
        words.remove(0);
    }
    // Connectives off the end, then a verb that reports a level (`占比提高|到`, `时限
    // 压缩|至`) when a noun stands before it.
    loop {
        let n = words.len();
        let last_is_verb =
            level && n >= 2 && LEVEL_VERBS.contains(&words[n - 1].0) && noun_like(words[n - 2].1);
        if words
            .last()
            .is_some_and(|(w, _)| CONNECTIVES.contains(w) || w.trim().is_empty())
            || last_is_verb
        {
            words.pop();
        } else {
            break;
        }
    }
    // A figure ending the clause before this one's (`来访１０５批|３１２人次`) shares its
    // label: its number and unit come off the end.
    let n = words.len();
    if n >= 3 && is_number(words[n - 2].0, words[n - 2].1) && words[n - 1].0.chars().count() == 1 {
        words.truncate(n - 1);
        while words.last().is_some_and(|(w, t)| is_number(w, t)) {
            words.pop();
        }
    }
    // Everything up to the last verb that opens a noun phrase (`接受|群众咨询`).
    let mut start = 0;
    // A verb right after a dropped one modifies the noun (`公示|执法信息`, `下放|审批权限`).
    let mut after_dropped_verb = false;
    for i in 0..words.len() {
        let (w, tag) = words[i];
        // A one-character noun after a verb is its suffix (`审结|率`), not its object.
        let opens_phrase = words
            .get(i + 1)
            .is_some_and(|(w, t)| noun_like(t) && w.chars().count() > 1);
        let suffix_next = words.get(i + 1).is_some_and(|(w, t)| {
            w.chars().count() == 1 && noun_like(t) && "率度量数额员者".contains(*w)
        });
        // A rate keeps the verb that says what it measures (`整改|完成率`).
        let rate_next = words
            .get(i + 1)
            .is_some_and(|(w, _)| w.ends_with('率') || *w == "度");
        // A verb before a measure of it names it (`审批|时间`, `处罚|金额`).
        let measure_next = words.get(i + 1).is_some_and(|(w, _)| MEASURES.contains(w));
        let prev_noun = i > 0 && noun_like(words[i - 1].1);
        // After a modifier (`平均|办理时限`) a verb is part of the phrase.
        let prev_modifier = i > start && matches!(words[i - 1].1, "a" | "b" | "d");
        // `聘请法律顾问的单位`: the verb opens a relative clause, which the label keeps.
        let relative = words[i + 1..].iter().any(|(w, _)| *w == "的");
        let next_verb = words.get(i + 1).is_some_and(|(_, t)| t.starts_with('v'));
        let enumerator = w.ends_with('是') && i > 0 && words[i - 1].1 == "m";
        // An opening quote or bracket stays: the label keeps what it encloses whole.
        let opener = w.starts_with(['“', '《', '（', '(', '「', '‘']);
        // A one-character verb (`受|教育群众`) modifies what follows.
        let verb = (tag == "v"
            && !measure_next
            && w.chars().count() > 1
            && opens_phrase
            && !prev_noun
            && !after_dropped_verb)
            || (tag == "vd" && i + 1 < words.len() && !suffix_next && !rate_next && !measure_next);
        let skip = matches!(tag, "p" | "c" | "t" | "m" | "r" | "f")
            || (tag == "d" && next_verb)
            || (tag == "w" && !opener)
            || PLACES.contains(&w)
            || enumerator
            || (verb && !prev_modifier && !relative);
        let more = i + 1 < words.len();
        // The subject ends here (`共`, `现有`), a list of examples (`…等|主题活动`), a
        // group (`执法人员中|法律专业人员比例`), or a
        // figure before (`建筑五十八处、|面积`): the thing counted starts after it.
        let subject_end = more && SUBJECT_ENDS.contains(&w);
        let examples_end = more && (w == "等" || (w == "中" && tag == "f"));
        let figure_end = more
            && matches!(w, "、" | "，" | ",")
            && words[start..i]
                .iter()
                .rev()
                .take(3)
                .any(|(w, t)| is_number(w, t));
        let skip = skip || (w == "有" && i == start);
        let drop = skip && (i == start || tag.starts_with('v') || enumerator)
            || subject_end
            || examples_end
            || figure_end;
        if drop {
            start = i + 1;
        }
        after_dropped_verb = drop && tag.starts_with('v');
    }
    let start = start.min(words.len()) + long_phrase_cut(&words[start.min(words.len())..]);
    words[start..]
        .iter()
        .map(|(w, _)| *w)
        .collect::<String>()
        // Pauses off both ends; an opening mark only off the end, a closing only off the start.
        .trim_start_matches(|c: char| ",;:)".contains(c) || "，、；：）》”".contains(c))
        .trim_end_matches(|c: char| ",;:(".contains(c) || "，、；：（《“".contains(c))
        .to_string()
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
                && w.chars().count() >= 2
                && words.get(i + 1).is_some_and(|(_, n)| noun_like(n))
                && chars(&words[i + 1..]) >= 4
        })
        .map_or(0, |i| i + 1)
}

/// Labels as data: a title for a source without a title line, and a label per statistic
/// id. The embedded report's curated labels are `assets/labels.json`; `import --labels
/// FILE` applies a user's own the same way.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Labels {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub labels: std::collections::BTreeMap<String, String>,
}

impl Labels {
    /// Parse a labels file's text.
    pub fn from_json(json: &str) -> crate::Result<Labels> {
        Ok(serde_json::from_str(json)?)
    }

    /// Set the title and every labelled statistic's label. An id the report does not
    /// have is an error, so a stale file is noticed instead of silently doing nothing.
    pub fn apply(&self, report: &mut crate::model::Report) -> crate::Result<()> {
        if let Some(t) = &self.title {
            report.title = crate::sanitize::sanitize(t);
        }
        let mut unused: std::collections::BTreeSet<&str> =
            self.labels.keys().map(String::as_str).collect();
        let mut set = |p: &mut crate::model::Paragraph| {
            for s in &mut p.statistics {
                if let Some(l) = self.labels.get(&s.id) {
                    s.label = crate::sanitize::sanitize(l);
                    unused.remove(s.id.as_str());
                }
            }
        };
        report.intro.iter_mut().for_each(&mut set);
        let mut stack: Vec<&mut crate::model::Section> = report.sections.iter_mut().collect();
        while let Some(s) = stack.pop() {
            s.paragraphs.iter_mut().for_each(&mut set);
            stack.extend(s.subsections.iter_mut());
        }
        match unused.first() {
            Some(id) => Err(crate::Error::UnknownStatistic(id.to_string())),
            None => Ok(()),
        }
    }
}
#[cfg(test)]
mod tests {
    use super::noun_before;

    #[test]
    fn the_thing_counted_comes_after_the_subject_the_verb_and_a_figure_before() {
        for (head, label) in [
            ("全区各行政执法部门共办理行政处罚案件", "行政处罚案件"),
            ("镇综合行政执法队现有执法人员", "执法人员"),
            ("检查经营主体", "经营主体"),
            ("出动检查人员", "检查人员"),
            ("拆除违法建筑五十八处、面积", "面积"),
            ("全年接待群众来访１０５批", "群众来访"),
            ("组织开展宪法宣传周、民法典宣传月等主题活动", "主题活动"),
            ("整改完成率", "整改完成率"),
            ("审批时间压缩至", "审批时间"),
            ("全年调解各类纠纷", "纠纷"),
        ] {
            assert_eq!(noun_before(head, true), label, "{head}");
        }
    }
}
