//! Finds the figures (counts, amounts, ratios) in a paragraph and tells them from
//! years, dates, names and slogans, which also contain digits but are not statistics.

use super::sentences::Clauses;

/// A figure found in a text, before it gets ids and a place in the model.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// Byte range of `display` in the text.
    pub start: usize,
    pub end: usize,
    pub value: f64,
    pub unit: String,
    pub approx: bool,
}

/// Base units, longest first so `人次` wins over `人` and `个月` over `个`.
const UNITS: &[&str] = &[
    "平方公里",
    "平方米",
    "人次",
    "批次",
    "个百分点",
    "个工作日",
    "工作日",
    "个月",
    "公里",
    "小时",
    "元",
    "人",
    "份",
    "宗",
    "场",
    "个",
    "项",
    "名",
    "件",
    "台",
    "条",
    "次",
    "户",
    "家",
    "起",
    "所",
    "间",
    "处",
    "米",
    "吨",
    "天",
    "期",
    "批",
    "座",
    "张",
    "册",
    "本",
    "篇",
    "套",
    "辆",
    "支",
    "位",
    "栋",
    "亩",
    "倍",
    "年",
    "%",
    "％",
];
/// Qualifiers before a figure that make it approximate; kept in `display`.
const APPROX_BEFORE: &[&str] = &["大约", "超过", "约", "近", "逾", "超"];
/// Qualifiers after a number or unit that make it approximate (`140多项`, `20余人`).
const APPROX_AFTER: &[&str] = &["多", "余"];

/// Every statistic-like figure in `text`, in order.
pub fn figures(text: &str) -> Vec<Figure> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        let end_num = number_end(bytes, i);
        i = end_num;
        if let Some(f) = classify(text, start, end_num) {
            i = f.end;
            out.push(f);
        } else {
            // Skip the rest of a range or date (`2015-2020`, `12月17`) handled as one.
            i = skip_joined(text, i);
        }
    }
    out
}

/// End of `\d+(\.\d+)?` starting at `i`.
/// End of `\d+(,\d{3})*(\.\d+)?` starting at `i`: thousands separators (`1,200万元`, also
/// a space or thin space: `3 456件`) count only after one to three leading digits and in
/// groups of exactly three, so a clause break (`185宗,276人`, `3,5`) is never read as one.
fn number_end(bytes: &[u8], mut i: usize) -> usize {
    let start = i;
    while i < bytes.len() && bytes[i].is_ascii_digit() {
        i += 1;
    }
    if i - start <= 3 {
        // The separator's length in bytes at `at`, if it is followed by a group of three.
        let group = |at: usize| {
            let rest = &bytes[at..];
            let sep = [",", " ", "\u{2009}", "\u{202F}"]
                .into_iter()
                .find(|s| rest.starts_with(s.as_bytes()))?
                .len();
            let digits = rest.get(sep..sep + 3)?;
            let after = rest.get(sep + 3);
            (digits.iter().all(u8::is_ascii_digit) && after.is_none_or(|b| !b.is_ascii_digit()))
                .then_some(sep + 3)
        };
        while let Some(len) = group(i) {
            i += len;
        }
    }
    if i + 1 < bytes.len() && bytes[i] == b'.' && bytes[i + 1].is_ascii_digit() {
        i += 1;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
    }
    i
}

/// After a number that is not a statistic, skip a joined number (`-2020`, `—2020`).
fn skip_joined(text: &str, i: usize) -> usize {
    let rest = &text[i..];
    for sep in ["-", "—", "–", "~", "～", "至"] {
        if let Some(r) = rest.strip_prefix(sep) {
            if r.starts_with(|c: char| c.is_ascii_digit()) {
                return number_end(text.as_bytes(), i + sep.len());
            }
        }
    }
    i
}

fn classify(text: &str, start: usize, end_num: usize) -> Option<Figure> {
    let before = &text[..start];
    let number = &text[start..end_num];
    let mut rest = &text[end_num..];
    // Slogans and work modes (`5+2`), ordinals (`第3`), names with digits (`430课后学堂`)
    // and dates (`3月`, `17日`) are not figures.
    if before.ends_with('+') || rest.starts_with('+') || before.ends_with('第') {
        return None;
    }
    if rest.starts_with(['月', '日', '号', '时', '-', '—', '–', '~', '～', '至', '.']) {
        return None;
    }
    if rest.starts_with('年') && number.len() == 4 {
        return None; // a year
    }
    let mut approx = false;
    let mut after = String::new();
    for q in APPROX_AFTER {
        if let Some(r) = rest.strip_prefix(q) {
            approx = true;
            after.push_str(q);
            rest = r;
        }
    }
    let multiplier = ["万", "亿", "千", "百"]
        .into_iter()
        .find(|m| {
            rest.strip_prefix(m)
                .is_some_and(|r| UNITS.iter().any(|u| r.starts_with(u)))
        })
        .unwrap_or("");
    rest = &rest[multiplier.len()..];
    let base = UNITS.iter().find(|u| rest.starts_with(*u))?;
    let mut end = end_num + after.len() + multiplier.len() + base.len();
    if after.is_empty() {
        if let Some(q) = APPROX_AFTER.iter().find(|q| text[end..].starts_with(*q)) {
            approx = true;
            end += q.len();
        }
    }
    let mut display_start = start;
    if let Some(q) = APPROX_BEFORE.iter().find(|q| before.ends_with(*q)) {
        approx = true;
        display_start = start - q.len();
    }
    Some(Figure {
        start: display_start,
        end,
        value: number
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '.')
            .collect::<String>()
            .parse()
            .ok()?,
        unit: format!("{multiplier}{base}"),
        approx,
    })
}

/// The clause that holds a figure, and a label made from it by removing the figure and
/// the connective words around it (`接受群众咨询718人次` → `接受群众咨询`).
pub fn quote_and_label(clauses: &Clauses, text: &str, f: &Figure) -> (String, String) {
    let quote = clauses.around(f.start, f.end).to_string();
    let display = &text[f.start..f.end];
    let (head, tail) = quote.split_once(display).unwrap_or((quote.as_str(), ""));
    let mut head = head.trim();
    for w in [
        "共计", "共有", "合计", "累计", "达到", "约为", "为", "达", "共", "的",
    ] {
        head = head.strip_suffix(w).unwrap_or(head);
    }
    let label = if head.chars().count() >= 2 {
        head.to_string()
    } else {
        format!("{head}{}", tail.trim())
    };
    (quote, label)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str) -> Vec<(&str, f64, String, bool)> {
        figures(text)
            .into_iter()
            .map(|f| (&text[f.start..f.end], f.value, f.unit, f.approx))
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
            shown(t),
            [
                ("1,200万元", 1200.0, "万元".to_string(), false),
                ("185宗", 185.0, "宗".to_string(), false),
                ("376人", 376.0, "人".to_string(), false),
                ("3个百分点", 3.0, "个百分点".to_string(), false),
                ("12,345,678元", 12345678.0, "元".to_string(), false),
                ("3 456件", 3456.0, "件".to_string(), false),
                ("2.5个工作日", 2.5, "个工作日".to_string(), false),
            ]
        );
    }

    #[test]
    fn years_dates_names_and_slogans_are_not_figures() {
        let t = "2020年,《纲要(2015-2020年)》(2016—2020年)3月、10月份、1月31日前,430课后学堂,“白加黑、5+2”,2020年12月17日";
        assert_eq!(shown(t), []);
    }

    #[test]
    fn label_comes_from_the_clause() {
        let t = "平台,接受群众咨询718人次、审查合同37份。";
        let f = &figures(t)[0];
        assert_eq!(
            quote_and_label(&Clauses::new(t), t, f),
            ("接受群众咨询718人次".into(), "接受群众咨询".into())
        );
    }
}
