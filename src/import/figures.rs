//! Finds the figures (counts, amounts, ratios) in a paragraph and tells them from
//! years, dates, ordinals, names and slogans, which also contain numbers but are not
//! statistics. One pass over the bytes; characters are decoded only at hanzi that can
//! start a Chinese numeral.

use super::affix::{ends_with, starts_with, strip_prefix};
use super::numbers::{self, Number};
use super::units::{phrase_at, starts_word, unit_at};
use crate::model::Short;
use crate::model::{Bound, Change};
use leads::next_candidate;

/// A figure found in a text, before it gets ids and a place in the model.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// Byte range of `display` in the text.
    pub start: usize,
    pub end: usize,
    /// The number as printed, before any scale word (`143.4` of `约143.4万元`).
    pub value: f64,
    /// Scale word and unit (`万元`, `人次`, `万处`); `万` alone for `31万户籍人口`.
    pub unit: Short,
    pub qualifier: Option<&'static str>,
    pub bound: Option<Bound>,
    pub change: Option<Change>,
    /// `value` times the scale word (`143.4万` → 1434000).
    pub base_value: f64,
    /// The unit without its scale word (`元` of `万元`).
    pub base_unit: Short,
}

impl Figure {
    /// Any qualifier makes a figure approximate, as the model's `approx` always said.
    pub fn approx(&self) -> bool {
        self.qualifier.is_some()
    }
}

/// Qualifiers before a number, longest first, with what they say of the figure.
const BEFORE: &[(&str, Bound)] = &[
    ("不少于", Bound::Lower),
    ("不低于", Bound::Lower),
    ("不超过", Bound::Upper),
    ("超过", Bound::Lower),
    ("突破", Bound::Lower),
    ("至少", Bound::Lower),
    ("不足", Bound::Upper),
    ("不到", Bound::Upper),
    ("大约", Bound::Approx),
    ("将近", Bound::Approx),
    ("接近", Bound::Approx),
    ("约", Bound::Approx),
    ("近", Bound::Approx),
    ("逾", Bound::Lower),
    ("超", Bound::Lower),
];
/// Right after the number or its scale word (`140多项`, `2.6万余处`).
const MIDDLE: &[(&str, Bound)] = &[("余", Bound::Approx), ("多", Bound::Approx)];
/// After the unit (`300人以上`, `20人左右`).
const AFTER: &[(&str, Bound)] = &[
    ("以上", Bound::Lower),
    ("以下", Bound::Upper),
    ("以内", Bound::Upper),
    ("左右", Bound::Approx),
    ("余", Bound::Approx),
    ("多", Bound::Approx),
];
/// Scale words after a number, longest first, with their factor.
const SCALES: &[(&str, f64)] = &[
    ("万亿", 1e12),
    ("千万", 1e7),
    ("百万", 1e6),
    ("亿", 1e8),
    ("万", 1e4),
    ("千", 1e3),
    ("百", 1e2),
];
/// Verbs that make the figure after them a change rather than a level.
/// `新增` is not here: `新增市场主体2.3万户` counts what is new, a level.
const UP: &[&str] = &[
    "增长",
    "增加",
    "上升",
    "提高",
    "提升",
    "增幅",
    "增幅为",
    "同比增",
    "环比增",
];
const DOWN: &[&str] = &[
    "下降",
    "减少",
    "降低",
    "缩短",
    "回落",
    "降幅",
    "降幅为",
    "同比减",
    "同比降",
    "环比降",
];

/// A figure's value in its base unit: the scale word folded in (`143.4`, `万元` →
/// 1434000 元). For models written before `base` existed.
pub fn base_of(value: f64, unit: &str) -> crate::model::Base {
    let (scale, factor) = SCALES
        .iter()
        .find(|(s, _)| unit.starts_with(s))
        .map_or(("", 1.0), |(s, f)| (*s, *f));
    crate::model::Base {
        value: value * factor,
        unit: Short::new(&unit[scale.len()..]),
    }
}

/// Every statistic-like figure in `text`, in order.
pub fn figures(text: &str) -> Vec<Figure> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    loop {
        i = next_candidate(b, i);
        if i >= b.len() {
            break;
        }
        let c = b[i];
        let number = if c.is_ascii_digit() || numbers::digit_at(b, i).is_some() {
            numbers::arabic(b, i)
        } else if (0xE4..=0xE9).contains(&c) {
            // A hanzi: only a few start a numeral.
            let ch = text[i..].chars().next().unwrap_or(' ');
            // Only 百分之 and 千分之 open a share in words: other hanzi, nearly every
            // byte of a report, skip the test.
            if matches!(ch, '百' | '千') {
                if let Some(f) = percent_words::at(text, i) {
                    i = f.end;
                    out.push(f);
                    continue;
                }
            }
            // Only 零 needs the next char (零点五).
            let point = ch == '零' && text[i + ch.len_utf8()..].starts_with('点');
            if numbers::starts_chinese(ch, point) {
                if let Some(p) = phrase_at(&text[i..]) {
                    i += p.len();
                    continue;
                }
                numbers::chinese(text, i).or_else(|| bare_power(text, i, ch))
            } else {
                None
            }
        } else {
            None
        };
        let Some(n) = number else {
            i += utf8_len(c);
            continue;
        };
        match classify(text, i, n) {
            Some(f) => {
                i = f.end;
                out.push(f);
            }
            None => i = skip_joined(text, n.end),
        }
    }
    out
}

/// `近千家`, `逾百人`: a bare 百 or 千 after a bound is one hundred or one thousand. Alone
/// it is a word (`百姓`, `千家万户`), so only a bound word before it makes it a number.
fn bare_power(text: &str, i: usize, ch: char) -> Option<Number> {
    let value = match ch {
        '百' => 100.0,
        '千' => 1000.0,
        _ => return None,
    };
    let before = &text[..i];
    ["近", "逾", "约", "超过", "将近", "接近"]
        .iter()
        .any(|q| ends_with(before, q))
        .then_some(Number {
            end: i + ch.len_utf8(),
            value,
            chinese: true,
        })
}

pub(super) fn utf8_len(lead: u8) -> usize {
    match lead {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    }
}

/// After a number that is not a statistic, skip a joined number (`-2020`, `—2020`).
fn skip_joined(text: &str, i: usize) -> usize {
    let rest = &text[i..];
    for sep in ["-", "—", "–", "~", "～", "至"] {
        if let Some(r) = strip_prefix(rest, sep) {
            if let Some(n) = numbers::arabic(r.as_bytes(), 0) {
                return i + sep.len() + n.end;
            }
        }
    }
    i
}

/// Digits in `s`, half- or full-width.
fn digit_count(s: &str) -> usize {
    s.chars()
        .filter(|c| c.is_ascii_digit() || ('０'..='９').contains(c))
        .count()
}

fn strip_any<'a>(
    s: &'a str,
    list: &[(&'static str, Bound)],
) -> Option<(&'a str, &'static str, Bound)> {
    list.iter()
        .find_map(|(q, b)| strip_prefix(s, q).map(|r| (r, *q, *b)))
}

fn classify(text: &str, start: usize, n: Number) -> Option<Figure> {
    let before = &text[..start];
    let mut rest = &text[n.end..];
    // Ordinals (`第3`, `第三`), work modes (`5+2`), codes (`G20`, `5G`), vague counts
    // (`数十`, `几十`) and dates (`3月`, `17日`) are not figures.
    let prev = before.chars().next_back();
    if matches!(prev, Some('第' | '+' | '×' | '.' | '．'))
        || (n.chinese && matches!(prev, Some('数' | '几' | '若')))
        || prev.is_some_and(|c| c.is_ascii_alphanumeric())
        || rest.starts_with(|c: char| c == '+' || c.is_ascii_alphabetic())
        || rest.starts_with([
            '月', '日', '号', '时', '-', '—', '–', '~', '～', '至', '.', '．',
        ])
    {
        return None;
    }
    if rest.starts_with('年') && (n.chinese || digit_count(&text[start..n.end]) == 4) {
        return None; // a year, or a plan's span (`五年规划`)
    }
    // One written as `一` is a phrase (一线, 一网通办, 一批, 一次性), except a count that
    // ends its clause (`讲法治课一次。`).
    let lone_one = n.chinese && n.value == 1.0;
    // A numeral that opens a quotation or a title is a slogan or a name (“五个百分百”).
    if n.chinese && matches!(prev, Some('“' | '《' | '「' | '‘' | '"')) {
        return None;
    }
    let mut qualifier = None;
    let mut bound = None;
    if let Some((r, q, b)) = strip_any(rest, MIDDLE) {
        (rest, qualifier, bound) = (r, Some(q), Some(b));
    }
    let (scale, factor) = SCALES
        .iter()
        .find(|(s, _)| starts_with(rest, s))
        .map_or(("", 1.0), |(s, f)| (*s, *f));
    // 千 and 百 scale only a count with a unit (`3千人`); 万 and 亿 stand alone too.
    rest = &rest[scale.len()..];
    if qualifier.is_none() {
        if let Some((r, q, b)) = strip_any(rest, MIDDLE) {
            (rest, qualifier, bound) = (r, Some(q), Some(b));
        }
    }
    let unit = unit_at(rest).filter(|u| !(n.chinese && matches!(*u, "分" | "年")));
    let unit = match unit {
        Some(u) if rest[u.len()..].starts_with('之') => return None, // 三分之一
        Some(u) => u,
        None if matches!(scale, "万" | "亿" | "万亿") => "",
        None if starts_word(rest) => "",
        None => return None,
    };
    if unit.is_empty() && scale.is_empty() && n.chinese {
        return None;
    }
    if matches!(scale, "千" | "百") && unit.is_empty() {
        return None;
    }
    rest = &rest[unit.len()..];
    // `九成五`: a digit after 成 is its tenth (9.5 成), part of the figure.
    let mut value = n.value;
    if unit == "成" {
        if let Some(d) = rest
            .chars()
            .next()
            .filter(|c| *c != '两')
            .and_then(numbers::chinese_digit)
        {
            if !rest[3..].starts_with(|c: char| {
                numbers::chinese_digit(c).is_some() || unit_at(&rest[3..]).is_some()
            }) {
                value += f64::from(d) / 10.0;
                rest = &rest[3..];
            }
        }
    }
    if lone_one
        && (unit.is_empty()
            || ends_with(before, "最多跑")
            || !rest.starts_with(['。', '，', '；', '、', '！', '？', ',', ';']))
    {
        return None;
    }
    // `24小时自助服务区`, `24小时在线`: hours that name a service, not a duration counted.
    if unit == "小时"
        && rest
            .chars()
            .next()
            .is_some_and(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c) && !"内以左之的次".contains(c))
    {
        return None;
    }
    let mut end = text.len() - rest.len();
    if let Some((r, q, b)) = strip_any(rest, AFTER) {
        if qualifier.is_none() || !matches!(q, "余" | "多") {
            end = text.len() - r.len();
            qualifier = qualifier.or(Some(q));
            bound = bound.or(Some(b));
        }
    }
    let mut display_start = start;
    if let Some((q, b)) = BEFORE.iter().find(|(q, _)| ends_with(before, q)) {
        display_start = start - q.len();
        qualifier = Some(q);
        bound = Some(*b);
    } else if qualifier.is_none() && at_least_before_verb(before) {
        // `至少建成1个`: the bound governs the verb, the figure is what follows it.
        (qualifier, bound) = (Some("至少"), Some(Bound::Lower));
    }
    Some(Figure {
        start: display_start,
        end,
        value,
        unit: Short::from_iter([scale, unit]),
        qualifier,
        bound,
        change: change_before(&text[..display_start]),
        base_value: value * factor,
        // One spelling per unit in base units, so figures line up across reports.
        base_unit: Short::new(if unit == "％" { "%" } else { unit }),
    })
}

/// `至少` and one two-character verb right before the number (`至少建成1个`, `至少开展2次`).
fn at_least_before_verb(before: &str) -> bool {
    let mut chars = before.char_indices().rev();
    let verb = chars.next().zip(chars.next());
    verb.is_some_and(|((_, a), (i, b))| {
        [a, b].iter().all(|c| ('\u{4E00}'..='\u{9FFF}').contains(c))
            && ends_with(&before[..i], "至少")
    })
}

/// `同比增长12.5%`, `较上年减少8.6%`, `下降了3个百分点`: a change; `压缩至2.5天` is a level.
fn change_before(before: &str) -> Option<Change> {
    let b = before.trim_end_matches(['了', '达']);
    // `较上年新增420家` compares with last year: a change, where `新增…` alone is a level.
    let compared = |w: &str| {
        ends_with(b, w) && {
            let r = &b[..b.len() - w.len()];
            [
                "较上年",
                "比上年",
                "较去年",
                "比去年",
                "同比",
                "较上年度",
                "比上年度",
            ]
            .iter()
            .any(|c| ends_with(r, c))
        }
    };
    if UP.iter().any(|w| ends_with(b, w)) || compared("新增") {
        Some(Change::Up)
    } else if DOWN.iter().any(|w| ends_with(b, w)) {
        Some(Change::Down)
    } else {
        None
    }
}

#[cfg(test)]
mod figure_tests;
mod leads;
mod percent_words;
