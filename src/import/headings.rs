//! Classifies the lines of a plain-text report: numbered headings in nine styles,
//! the sign-off's date line, and everything else as text.

/// The numbering styles of headings, outermost first. A document's levels are the
/// styles it uses, in this order: `第一部分`/`第一章` → `第一节` → `第一条` → `一、` →
/// `（一）` → `1.` → `（1）` → `1)` → `①`.
pub const KINDS: usize = 9;
/// `第X节` and `第X条`, after `部分`/`章` (kind 0): their kinds.
const ORDINAL_KINDS: [(&str, u8); 2] = [("节", 1), ("条", 2)];
const CN: u8 = 3;
const CN_BRACKETED: u8 = 4;
const DIGIT: u8 = 5;
const DIGIT_BRACKETED: u8 = 6;
const DIGIT_PAREN: u8 = 7;
const CIRCLED: u8 = 8;

/// What one line of the source is.
#[derive(Debug, Clone, PartialEq)]
pub enum Line<'a> {
    Blank,
    /// A numbered heading: its numbering style (an index into the order above), its number
    /// as the model shows it, the marker as printed (`一、`, `第一部分　`), and the rest.
    Heading {
        kind: u8,
        number: String,
        marker: &'a str,
        rest: &'a str,
    },
    /// A sign-off date line, with its ISO form.
    Date(String),
    Text,
}

const CN_DIGITS: &str = "零〇一二三四五六七八九十百";

fn is_cn_numeral(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| CN_DIGITS.contains(c))
}

/// The byte length of the Chinese numerals a line starts with when there are one to
/// three of them (`十二`), else 0.
fn cn_numeral_run(line: &str) -> usize {
    let mut len = 0;
    for (count, c) in line.chars().enumerate() {
        if !CN_DIGITS.contains(c) {
            return if count == 0 { 0 } else { len };
        }
        if count == 3 {
            return 0;
        }
        len += c.len_utf8();
    }
    len
}

/// Leading digits, half- or full-width (`12`, `１２`): their byte length, or 0.
fn digits_len(s: &str) -> usize {
    s.char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || ('０'..='９').contains(c)))
        .map_or(s.len(), |(i, _)| i)
}

/// Separators after a `第一部分` marker, kept in the marker as printed.
fn part_separator_len(s: &str) -> usize {
    s.char_indices()
        .find(|(_, c)| !matches!(c, ' ' | '\u{3000}' | '\t' | '、' | '：' | ':' | '.' | '．'))
        .map_or(s.len(), |(i, _)| i)
}

/// Classify a line that has already been trimmed of surrounding whitespace.
pub fn classify(line: &str) -> Line<'_> {
    if line.is_empty() {
        return Line::Blank;
    }
    if let Some(iso) = date_line(line) {
        return Line::Date(iso);
    }
    // 第一部分 / 第一章, then any separator
    if let Some(r) = line.strip_prefix('第') {
        let n = r
            .char_indices()
            .find(|(_, c)| !CN_DIGITS.contains(*c))
            .map_or(r.len(), |(i, _)| i);
        let after = &r[n..];
        if (1..=9).contains(&n) {
            if let Some(word) = ["部分", "章"].into_iter().find(|w| after.starts_with(w)) {
                let number_end = '第'.len_utf8() + n + word.len();
                let end = number_end + part_separator_len(&line[number_end..]);
                return heading(0, line[..number_end].to_string(), line, end);
            }
            // `第一节　…`, `第三条　…`: only with a separator, so `第一节课` and
            // `第三条措施` stay text.
            if let Some((word, kind)) = ORDINAL_KINDS.iter().find(|(w, _)| after.starts_with(w)) {
                let number_end = '第'.len_utf8() + n + word.len();
                let sep = part_separator_len(&line[number_end..]);
                if sep > 0 && number_end + sep < line.len() {
                    let end = number_end + sep;
                    return heading(*kind, line[..number_end].to_string(), line, end);
                }
            }
        }
    }
    // ①…⑳, and the one-character forms of `（一）`, `（1）`, `1.` (`㈠`, `⑴`, `⒈`)
    if let Some((c, kind)) = line
        .chars()
        .next()
        .and_then(|c| one_char_marker(c).map(|k| (c, k)))
    {
        let end = c.len_utf8();
        let rest = &line[end..];
        // `①形式单一；②力量薄弱。`: an inline run is a paragraph. A run later in an
        // item's text (`②化解纠纷。…其中①…；②…`) leaves the item a heading.
        let next = char::from_u32(c as u32 + 1);
        if rest.is_empty() || next.is_some_and(|n| first_sentence(rest).contains(n)) {
            return Line::Text;
        }
        return heading(kind, line[..end].to_string(), line, end);
    }
    // 一、标题 一．标题 一.标题: one to three numerals, then the separator. Read from the
    // line's start only: searching each line for each separator scanned every paragraph
    // three times over.
    let numerals = cn_numeral_run(line);
    if numerals > 0 {
        let after = &line[numerals..];
        if let Some(sep) = ['、', '．', '.']
            .into_iter()
            .find(|s| after.starts_with(*s))
        {
            return heading(
                CN,
                line[..numerals].to_string(),
                line,
                numerals + sep.len_utf8(),
            );
        }
    }
    // (一) （一） (1) （1） （１）
    for (open, close) in [('(', ')'), ('（', '）')] {
        if let Some(r) = line.strip_prefix(open) {
            if let Some(i) = r.find(close) {
                let inner = &r[..i];
                let end = open.len_utf8() + i + close.len_utf8();
                if enumerates_inline(&line[end..], open, inner, close) {
                    return Line::Text;
                }
                if is_cn_numeral(inner) && inner.chars().count() <= 3 {
                    return heading(CN_BRACKETED, line[..end].to_string(), line, end);
                }
                if !inner.is_empty()
                    && digits_len(inner) == inner.len()
                    && inner.chars().count() <= 2
                {
                    return heading(DIGIT_BRACKETED, line[..end].to_string(), line, end);
                }
            }
        }
    }
    // 1. 1、 1． １． (but not 1.5万元), and 1) 1）
    let digits = digits_len(line);
    if digits > 0 && line[..digits].chars().count() <= 2 {
        let r = &line[digits..];
        for (sep, kind) in [
            (".", DIGIT),
            ("、", DIGIT),
            ("．", DIGIT),
            (")", DIGIT_PAREN),
            ("）", DIGIT_PAREN),
        ] {
            if let Some(after) = r.strip_prefix(sep) {
                if digits_len(after) == 0 && !after.is_empty() {
                    let end = digits + sep.len();
                    if kind == DIGIT_PAREN && lists_inline(&line[..digits], sep, after) {
                        return Line::Text;
                    }
                    return heading(kind, line[..end].to_string(), line, end);
                }
            }
        }
    }
    Line::Text
}

/// A numbering marker that is one character, with its kind: circled numbers `①`…`⑳`,
/// and what Word's autonumbering leaves in plain text for `（一）`…`（十）` (`㈠`…`㈩`),
/// `（1）`…`（20）` (`⑴`…`⒇`) and `1.`…`20.` (`⒈`…`⒛`).
fn one_char_marker(c: char) -> Option<u8> {
    match c {
        '①'..='⑳' => Some(CIRCLED),
        '㈠'..='㈩' => Some(CN_BRACKETED),
        '⑴'..='⒇' => Some(DIGIT_BRACKETED),
        '⒈'..='⒛' => Some(DIGIT),
        _ => None,
    }
}

/// `1)形式单一；2)力量薄弱。`: a first point followed on its line by the second.
fn lists_inline(digits: &str, sep: &str, after: &str) -> bool {
    let second = match digits {
        "1" => "2",
        "１" => "２",
        _ => return false,
    };
    first_sentence(after).contains(&format!("{second}{sep}"))
}

/// Text up to the first full stop, so a list later in an item's text is not the item's.
fn first_sentence(s: &str) -> &str {
    s.find(['。', '！', '？']).map_or(s, |i| &s[..i])
}

/// `(1)形式单一；(2)力量薄弱。`: a line that also holds the next number in the same
/// brackets lists its points inline, so it is a paragraph, not a heading.
fn enumerates_inline(rest: &str, open: char, inner: &str, close: char) -> bool {
    // Only a first point is tested: its second is what gives an inline list away.
    let second = match inner {
        "1" => '2',
        "１" => '２',
        "一" => '二',
        _ => return false,
    };
    rest.contains(&format!("{open}{second}{close}"))
}

fn heading(kind: u8, number: String, line: &str, end: usize) -> Line<'_> {
    Line::Heading {
        kind,
        number,
        marker: &line[..end],
        rest: &line[end..],
    }
}

/// `2020年12月17日` or `二〇二〇年十二月十七日` → `2020-12-17`; a date without a day
/// (`2023年12月`, `二〇二三年十二月`) → `2023-12`.
pub fn date_line(line: &str) -> Option<String> {
    // The longest date line, 二〇二二年十二月三十一日 with spaces, is far shorter: a
    // paragraph is not read character by character here.
    if line.len() > 64 || !line.contains('月') {
        return None;
    }
    // Full-width digits (`２０２１年`) read as half-width; spaces inside are allowed.
    let line: String = line
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{3000}'))
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            c => c,
        })
        .collect();
    let (y, r) = line.split_once('年')?;
    let (m, r) = r.split_once('月')?;
    let year = if y.chars().count() == 4 && y.chars().all(|c| c.is_ascii_digit()) {
        y.parse().ok()?
    } else if y.chars().count() == 4 {
        y.chars()
            .try_fold(0u32, |acc, c| Some(acc * 10 + cn_digit(c)?))?
    } else {
        return None;
    };
    let month = small_number(m)?;
    if r.is_empty() {
        return (1..=12)
            .contains(&month)
            .then(|| format!("{year:04}-{month:02}"));
    }
    let day = small_number(r.strip_suffix('日')?)?;
    ((1..=12).contains(&month) && (1..=31).contains(&day))
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

fn cn_digit(c: char) -> Option<u32> {
    "〇一二三四五六七八九"
        .chars()
        .position(|d| d == c)
        .or_else(|| (c == '零').then_some(0))
        .map(|p| p as u32)
}

/// `12`, `十二`, `十七`, `二十一`, `三十`.
fn small_number(s: &str) -> Option<u32> {
    if !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse().ok();
    }
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        ['十'] => Some(10),
        [d] => cn_digit(*d),
        ['十', d] => Some(10 + cn_digit(*d)?),
        [t, '十'] => Some(cn_digit(*t)? * 10),
        [t, '十', d] => Some(cn_digit(*t)? * 10 + cn_digit(*d)?),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn level(line: &str) -> Option<(u8, String)> {
        match classify(line) {
            Line::Heading { kind, number, .. } => Some((kind, number)),
            _ => None,
        }
    }

    #[test]
    fn headings_at_three_levels() {
        assert_eq!(level("第一部分　主要工作"), Some((0, "第一部分".into())));
        assert_eq!(level("第十二章：其他"), Some((0, "第十二章".into())));
        assert_eq!(level("四、公正文明执法"), Some((3, "四".into())));
        assert_eq!(level("十二、其他"), Some((3, "十二".into())));
        assert_eq!(level("三.其他"), Some((3, "三".into())));
        assert_eq!(level("(三)加强执法保障。"), Some((4, "(三)".into())));
        assert_eq!(level("（三）加强执法保障"), Some((4, "（三）".into())));
        assert_eq!(level("1.完善制度"), Some((5, "1.".into())));
        assert_eq!(level("2、完善制度"), Some((5, "2、".into())));
        assert_eq!(level("１．完善制度"), Some((5, "１．".into())));
        assert_eq!(level("（1）完善制度"), Some((6, "（1）".into())));
        assert_eq!(level("（１）完善制度"), Some((6, "（１）".into())));
        assert_eq!(level("(12)完善制度"), Some((6, "(12)".into())));
    }

    #[test]
    fn sections_articles_and_deep_items() {
        assert_eq!(level("第一节　依法行政"), Some((1, "第一节".into())));
        assert_eq!(level("第十二条 规范执法"), Some((2, "第十二条".into())));
        assert_eq!(level("1)完善制度"), Some((7, "1)".into())));
        assert_eq!(level("2）完善制度"), Some((7, "2）".into())));
        assert_eq!(level("１）完善制度"), Some((7, "１）".into())));
        assert_eq!(level("①完善制度"), Some((8, "①".into())));
        assert_eq!(level("⑳其他"), Some((8, "⑳".into())));
        assert_eq!(level("㈠加强组织领导"), Some((4, "㈠".into())));
        assert_eq!(level("⑵完善制度"), Some((6, "⑵".into())));
        assert_eq!(level("⒈完善制度"), Some((5, "⒈".into())));
    }

    #[test]
    fn inline_runs_and_look_alikes_stay_text() {
        assert_eq!(level("①形式单一；②力量薄弱。"), None);
        assert_eq!(level("1)形式单一；2)力量薄弱。"), None);
        assert_eq!(level("⑴形式单一；⑵力量薄弱。"), None);
        assert_eq!(level("1）形式单一；2）力量薄弱。"), None);
        assert_eq!(level("第一节课由局长主讲"), None);
        assert_eq!(level("第三条措施是"), None);
        assert_eq!(level("第二节"), None);
        assert_eq!(level("①"), None);
        assert_eq!(
            level("②化解纠纷。其中①邻里纠纷；②婚姻纠纷。"),
            Some((8, "②".into()))
        );
        assert_eq!(
            level("①规范执法。重点查处①占用耕地；②擅自加层。"),
            Some((8, "①".into()))
        );
        assert_eq!(level("1)规范执法。其中1)…；2)…"), Some((7, "1)".into())));
    }

    #[test]
    fn text_that_only_looks_numbered() {
        assert_eq!(level("一是健全机制"), None);
        assert_eq!(level("1.5万元用于"), None);
        assert_eq!(level("2020年,市桥街未制定"), None);
        assert_eq!(level("(场点)落实"), None);
        assert_eq!(level("第三方评估"), None);
        assert_eq!(level("第一次会议"), None);
        assert_eq!(level("(1)形式单一；(2)力量薄弱。"), None);
        assert_eq!(level("（一）学法不够；（二）用法不足。"), None);
    }

    #[test]
    fn date_lines() {
        assert_eq!(date_line("2020年12月17日").as_deref(), Some("2020-12-17"));
        assert_eq!(
            date_line("二〇二一年三月五日").as_deref(),
            Some("2021-03-05")
        );
        assert_eq!(
            date_line("二〇二一年十二月三十一日").as_deref(),
            Some("2021-12-31")
        );
        assert_eq!(date_line("2020年12月17日前完成"), None);
        assert_eq!(
            date_line("２０２１年１２月３０日").as_deref(),
            Some("2021-12-30")
        );
        assert_eq!(date_line("2022年1月 5日").as_deref(), Some("2022-01-05"));
        assert_eq!(date_line("2023年12月").as_deref(), Some("2023-12"));
        assert_eq!(date_line("二〇二三年十二月").as_deref(), Some("2023-12"));
        assert_eq!(date_line("２０２３年１２月").as_deref(), Some("2023-12"));
        assert_eq!(date_line("2023年13月"), None);
        assert_eq!(date_line("2023年12月起"), None);
        assert_eq!(date_line("23年12月"), None);
    }
}
