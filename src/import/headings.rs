//! Classifies the lines of a plain-text report: numbered headings at three levels,
//! the sign-off's date line, and everything else as text.

/// What one line of the source is.
#[derive(Debug, Clone, PartialEq)]
pub enum Line<'a> {
    Blank,
    /// A numbered heading: its level (1 `一、`, 2 `(一)`, 3 `1.`/`（1）`), its number as the
    /// model shows it, the marker as printed (`一、`), and the text after the marker.
    Heading {
        level: u8,
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

/// Classify a line that has already been trimmed of surrounding whitespace.
pub fn classify(line: &str) -> Line<'_> {
    if line.is_empty() {
        return Line::Blank;
    }
    if let Some(iso) = date_line(line) {
        return Line::Date(iso);
    }
    // 一、标题
    if let Some(i) = line.find('、') {
        let num = &line[..i];
        if is_cn_numeral(num) && num.chars().count() <= 3 {
            return heading(1, num.to_string(), line, i + '、'.len_utf8());
        }
    }
    // (一) （一） (1) （1）
    for (open, close) in [('(', ')'), ('（', '）')] {
        if let Some(r) = line.strip_prefix(open) {
            if let Some(i) = r.find(close) {
                let inner = &r[..i];
                let end = open.len_utf8() + i + close.len_utf8();
                if is_cn_numeral(inner) && inner.chars().count() <= 3 {
                    return heading(2, line[..end].to_string(), line, end);
                }
                if (1..=2).contains(&inner.len()) && inner.bytes().all(|b| b.is_ascii_digit()) {
                    return heading(3, line[..end].to_string(), line, end);
                }
            }
        }
    }
    // 1. 1、 1．  (but not 1.5万元)
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        let r = &line[digits..];
        for sep in [".", "、", "．"] {
            if let Some(after) = r.strip_prefix(sep) {
                if !after.starts_with(|c: char| c.is_ascii_digit()) && !after.is_empty() {
                    let end = digits + sep.len();
                    return heading(3, line[..end].to_string(), line, end);
                }
            }
        }
    }
    Line::Text
}

fn heading(level: u8, number: String, line: &str, end: usize) -> Line<'_> {
    Line::Heading {
        level,
        number,
        marker: &line[..end],
        rest: &line[end..],
    }
}

/// `2020年12月17日` or `二〇二〇年十二月十七日` → `2020-12-17`.
pub fn date_line(line: &str) -> Option<String> {
    let (y, r) = line.split_once('年')?;
    let (m, r) = r.split_once('月')?;
    let d = r.strip_suffix('日')?;
    let year = if y.chars().count() == 4 && y.chars().all(|c| c.is_ascii_digit()) {
        y.parse().ok()?
    } else if y.chars().count() == 4 {
        y.chars()
            .try_fold(0u32, |acc, c| Some(acc * 10 + cn_digit(c)?))?
    } else {
        return None;
    };
    let month = small_number(m)?;
    let day = small_number(d)?;
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
            Line::Heading { level, number, .. } => Some((level, number)),
            _ => None,
        }
    }

    #[test]
    fn headings_at_three_levels() {
        assert_eq!(level("四、公正文明执法"), Some((1, "四".into())));
        assert_eq!(level("十二、其他"), Some((1, "十二".into())));
        assert_eq!(level("(三)加强执法保障。"), Some((2, "(三)".into())));
        assert_eq!(level("（三）加强执法保障"), Some((2, "（三）".into())));
        assert_eq!(level("1.完善制度"), Some((3, "1.".into())));
        assert_eq!(level("2、完善制度"), Some((3, "2、".into())));
        assert_eq!(level("（1）完善制度"), Some((3, "（1）".into())));
    }

    #[test]
    fn text_that_only_looks_numbered() {
        assert_eq!(level("一是健全机制"), None);
        assert_eq!(level("1.5万元用于"), None);
        assert_eq!(level("2020年,市桥街未制定"), None);
        assert_eq!(level("(场点)落实"), None);
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
    }
}
