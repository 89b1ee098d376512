//! Which report is which: the place and the year a report covers, read from its title,
//! then its issuer and date, so columns and outputs can name reports as people do.

use crate::model::Report;

/// Words that end the place in a title written year-first (`2020年市桥街法治政府…`).
const PLACE_ENDS: &[&str] = &[
    "法治政府",
    "法治建设",
    "依法行政",
    "关于",
    "年度",
    "工作",
    "推进",
    "贯彻",
];
/// Words around a place that are not part of it (`关于`, `中共`, `人民政府`).
const NOT_PLACE: &[&str] = &["人民政府", "办事处", "关于", "中共", "党委"];

/// The place and the year one report covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    /// `市桥街`, `东山区`; empty when neither title nor issuer names one.
    pub place: String,
    pub year: Option<i32>,
}

impl Identity {
    pub fn of(report: &Report) -> Identity {
        Identity {
            place: place(report),
            year: year(report),
        }
    }

    /// How a column or a `report` cell names it: `市桥街 2020`, or the title's start.
    pub fn name(&self, report: &Report) -> String {
        match (self.place.is_empty(), self.year) {
            (false, Some(y)) => format!("{} {y}", self.place),
            (false, None) => self.place.clone(),
            (true, Some(y)) => format!("{} {y}", short_title(report)),
            (true, None) => short_title(report),
        }
    }
}

fn short_title(report: &Report) -> String {
    report.title.chars().take(12).collect()
}

/// The year the report covers: the title's year (`…2021年…`); else the preamble's first;
/// else the sign-off date, less one when signed in January–March, since annual reports
/// are signed after the year they cover (`2022-01-10` closes 2021).
pub fn year(report: &Report) -> Option<i32> {
    if let Some((_, y, _)) = year_in(&report.title) {
        return Some(y);
    }
    if let Some((_, y, _)) = year_in(&report.preamble) {
        return Some(y);
    }
    let date = report.date.as_deref()?;
    let y: i32 = date.get(..4)?.parse().ok()?;
    let month: u32 = date.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(12);
    Some(if month <= 3 { y - 1 } else { y })
}

/// The first `19xx年`/`20xx年` in `text`: byte start, year, byte end after `年`.
fn year_in(text: &str) -> Option<(usize, i32, usize)> {
    let b = text.as_bytes();
    (0..b.len().saturating_sub(3)).find_map(|i| {
        let digits = &b[i..i + 4];
        let before_digit = i > 0 && b[i - 1].is_ascii_digit();
        if before_digit
            || !digits.iter().all(u8::is_ascii_digit)
            || !text[i + 4..].starts_with('年')
        {
            return None;
        }
        let y: i32 = text[i..i + 4].parse().ok()?;
        (1949..=2100)
            .contains(&y)
            .then_some((i, y, i + 4 + '年'.len_utf8()))
    })
}

/// The place: what the title puts before its year, or right after a leading year; else
/// the first issuer line without `人民政府`/`办事处`.
pub fn place(report: &Report) -> String {
    // A supplied title (the file's name, or ours for the embedded report) is used too:
    // it holds a place only when it has the `2020年` shape.
    if let Some((start, _, end)) = year_in(&report.title) {
        let before = clean(&report.title[..start]);
        if !before.is_empty() {
            return before;
        }
        let after = &report.title[end..];
        let cut = PLACE_ENDS
            .iter()
            .filter_map(|w| after.find(w))
            .min()
            .unwrap_or(0);
        let place = clean(&after[..cut]);
        if !place.is_empty() {
            return place;
        }
    }
    report.issuers.first().map(|i| clean(i)).unwrap_or_default()
}

fn clean(text: &str) -> String {
    let mut s = text.trim().to_string();
    for w in NOT_PLACE {
        s = s.replace(w, "");
    }
    s.trim_matches(|c: char| c.is_whitespace() || "《》“”\"'，,、：:".contains(c))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(title: &str, issuer: &str, date: Option<&str>) -> Report {
        let mut r = crate::embedded::report().unwrap();
        r.title = title.into();
        r.issuers = vec![issuer.into()];
        r.date = date.map(String::from);
        r.preamble.clear();
        r
    }

    #[test]
    fn place_and_year_from_titles_as_written() {
        let cases = [
            (
                "市桥街2020年法治政府建设工作报告",
                "",
                None,
                "市桥街",
                Some(2020),
            ),
            (
                "2021年东山区法治政府建设年度报告",
                "",
                None,
                "东山区",
                Some(2021),
            ),
            (
                "关于西湖镇2019年法治政府建设情况的报告",
                "",
                None,
                "西湖镇",
                Some(2019),
            ),
            (
                "法治政府建设年度报告",
                "南沙区人民政府",
                Some("2022-01-10"),
                "南沙区",
                Some(2021),
            ),
            (
                "法治政府建设年度报告",
                "南沙区人民政府",
                Some("2021-12-30"),
                "南沙区",
                Some(2021),
            ),
        ];
        for (title, issuer, date, place, year) in cases {
            let r = report(title, issuer, date);
            let id = Identity::of(&r);
            assert_eq!((id.place.as_str(), id.year), (place, year), "{title}");
        }
    }

    #[test]
    fn the_embedded_report_is_shiqiao_2020() {
        let r = crate::embedded::report().unwrap();
        assert_eq!(Identity::of(&r).name(&r), "市桥街 2020");
    }
}
