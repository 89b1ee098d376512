//! Numbers as these reports print them: Arabic digits, half- or full-width (`1,208`,
//! `９７．２`, `96．3`), and Chinese numerals (`十六`, `三千`, `两`, `一百零五`).
//!
//! Works on bytes: a full-width digit is `EF BC 90..=99`, its point `EF BC 8E`, its comma
//! `EF BC 8C`, so no character is decoded on the way.

/// A number found at a byte offset: where it ends and what it is worth.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number {
    pub end: usize,
    pub value: f64,
    /// Written in Chinese numerals (`十六`), not digits.
    pub chinese: bool,
}

/// The ASCII digit at `i`, or a full-width one (3 bytes); with its length.
#[inline]
pub fn digit_at(b: &[u8], i: usize) -> Option<(u8, usize)> {
    match b.get(i)? {
        c @ b'0'..=b'9' => Some((c - b'0', 1)),
        0xEF if b.get(i + 1) == Some(&0xBC) => match b.get(i + 2)? {
            c @ 0x90..=0x99 => Some((c - 0x90, 3)),
            _ => None,
        },
        _ => None,
    }
}

/// The length of a decimal point at `i` (`.` or full-width `．`).
fn point_at(b: &[u8], i: usize) -> Option<usize> {
    match b.get(i)? {
        b'.' => Some(1),
        0xEF if b.get(i + 1) == Some(&0xBC) && b.get(i + 2) == Some(&0x8E) => Some(3),
        _ => None,
    }
}

/// The length of a thousands separator at `i`: `,` `，` space, thin spaces.
fn separator_at(b: &[u8], i: usize) -> Option<usize> {
    match b.get(i..)? {
        [b',' | b' ', ..] => Some(1),
        // `，` (U+FF0C), then the thin spaces U+2009 and U+202F.
        [0xEF, 0xBC, 0x8C, ..] | [0xE2, 0x80, 0x89 | 0xAF, ..] => Some(3),
        _ => None,
    }
}

/// Digits from `i`: their count, value and where they end.
fn digits(b: &[u8], mut i: usize) -> (usize, u64, usize) {
    let (mut n, mut v) = (0, 0u64);
    while let Some((d, len)) = digit_at(b, i) {
        v = v.saturating_mul(10).saturating_add(u64::from(d));
        n += 1;
        i += len;
    }
    (n, v, i)
}

/// `\d+(,\d{3})*(\.\d+)?` at `i`, digits half- or full-width. Thousands separators count
/// only after one to three leading digits and in groups of exactly three, so a clause
/// break (`185宗,276人`, `3,5`) is never read as one.
pub fn arabic(b: &[u8], i: usize) -> Option<Number> {
    let (n, mut whole, mut end) = digits(b, i);
    if n == 0 {
        return None;
    }
    if n <= 3 {
        while let Some(sep) = separator_at(b, end) {
            let (k, group, after) = digits(b, end + sep);
            if k != 3 {
                break;
            }
            whole = whole.saturating_mul(1000).saturating_add(group);
            end = after;
        }
    }
    let mut value = whole as f64;
    if let Some(p) = point_at(b, end) {
        let (k, frac, after) = digits(b, end + p);
        if k > 0 {
            value += frac as f64 / 10f64.powi(k as i32);
            end = after;
        }
    }
    Some(Number {
        end,
        value,
        chinese: false,
    })
}

/// The value of a Chinese digit (`两` counts as 2).
pub fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn chinese_power(c: char) -> Option<u64> {
    Some(match c {
        '十' => 10,
        '百' => 100,
        '千' => 1_000,
        '万' => 10_000,
        '亿' => 100_000_000,
        _ => return None,
    })
}

/// A Chinese numeral at byte `i` of `text` (`十六`, `三千`, `一百零五`, `两`), with its
/// value. `万` and `亿` are left to the caller when they end the numeral (`三万人`: the
/// scale word), so `三` is returned there and the scale applies as it does after digits.
pub fn chinese(text: &str, i: usize) -> Option<Number> {
    let mut total: u64 = 0; // completed 万/亿 groups
    let mut section: u64 = 0; // below 万
    let mut digit: Option<u64> = None;
    let mut end = i;
    let mut any = false;
    let mut chars = text[i..].char_indices().peekable();
    while let Some((k, c)) = chars.next() {
        if let Some(d) = chinese_digit(c) {
            // A digit right after a non-zero digit (`二〇二〇`, `一二`) is a year or a
            // code, not a count; after `零` it keeps its place (`一百零五`).
            if digit.is_some_and(|p| p != 0) {
                return None;
            }
            digit = Some(u64::from(d));
        } else if let Some(p) = chinese_power(c) {
            if p >= 10_000 {
                // A scale word that ends the numeral is the caller's (`三万人`).
                let next = chars.peek().map(|(_, n)| *n);
                if !next.is_some_and(|n| chinese_digit(n).is_some() || chinese_power(n).is_some()) {
                    break;
                }
                total = (total + section + digit.unwrap_or(0)) * p;
                section = 0;
            } else {
                // `十六` has an implied one; `零` keeps its place (`一百零五`).
                section += digit.unwrap_or(u64::from(section == 0 && p == 10)) * p;
            }
            digit = None;
        } else {
            break;
        }
        any = true;
        end = i + k + c.len_utf8();
    }
    if !any {
        return None;
    }
    let whole = total + section + digit.unwrap_or(0);
    let (fraction, end) = decimals(text, end);
    let value = whole as f64 + fraction;
    (value > 0.0).then_some(Number {
        end,
        value,
        chinese: true,
    })
}

/// `点五`, `点零五` after a Chinese numeral: the decimals, one digit a place, rounded to
/// the places printed (95.5, not 95.4999…), and where they end.
fn decimals(text: &str, end: usize) -> (f64, usize) {
    let Some(r) = text[end..].strip_prefix('点') else {
        return (0.0, end);
    };
    let digits: Vec<u32> = r
        .chars()
        .map_while(|c| chinese_digit(c).filter(|_| c != '两'))
        .collect();
    if digits.is_empty() {
        return (0.0, end);
    }
    let places = 10f64.powi(digits.len() as i32);
    let n = digits.iter().fold(0.0, |acc, d| acc * 10.0 + f64::from(*d));
    // Every Chinese digit is three bytes in UTF-8.
    (n / places, end + '点'.len_utf8() + 3 * digits.len())
}

/// True when `c` can start a Chinese numeral; `零` only as `零点五`, which `next_is_point`
/// tells.
pub fn starts_chinese(c: char, next_is_point: bool) -> bool {
    (c == '零' && next_is_point)
        || (c != '〇'
            && c != '零'
            && (chinese_digit(c).is_some() || matches!(c, '十' | '百' | '千')))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ar(s: &str) -> (f64, &str) {
        let n = arabic(s.as_bytes(), 0).unwrap();
        (n.value, &s[n.end..])
    }

    fn cn(s: &str) -> Option<(f64, &str)> {
        chinese(s, 0).map(|n| (n.value, &s[n.end..]))
    }

    #[test]
    fn arabic_in_both_widths() {
        assert_eq!(ar("1,208家次"), (1208.0, "家次"));
        assert_eq!(ar("９７．２％"), (97.2, "％"));
        assert_eq!(ar("96．3%"), (96.3, "%"));
        assert_eq!(ar("１５次"), (15.0, "次"));
        assert_eq!(ar("１，２０８人"), (1208.0, "人"));
        assert_eq!(ar("185宗,276人"), (185.0, "宗,276人"));
        assert_eq!(ar("3,5"), (3.0, ",5"));
        assert_eq!(ar("143.4万元"), (143.4, "万元"));
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(cn("十六件"), Some((16.0, "件")));
        assert_eq!(cn("三十场"), Some((30.0, "场")));
        assert_eq!(cn("三千余人次"), Some((3000.0, "余人次")));
        assert_eq!(cn("两次"), Some((2.0, "次")));
        assert_eq!(cn("一百零五项"), Some((105.0, "项")));
        assert_eq!(cn("二十一个"), Some((21.0, "个")));
        assert_eq!(cn("三万人"), Some((3.0, "万人")));
        assert_eq!(cn("一万二千人"), Some((12000.0, "人")));
        assert_eq!(cn("二〇二〇年"), None);
        assert_eq!(cn("是"), None);
        assert_eq!(cn("九十五点五"), Some((95.5, "")));
        assert_eq!(cn("零点五个"), Some((0.5, "个")));
        assert_eq!(cn("八点零五"), Some((8.05, "")));
        assert_eq!(cn("一点五万元"), Some((1.5, "万元")));
        assert_eq!(cn("三点钟"), Some((3.0, "点钟")));
        assert_eq!(cn("零点"), None);
    }
}
