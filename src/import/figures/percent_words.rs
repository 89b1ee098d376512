//! Percentages written in words (`百分之九十五`, `百分之九十五点五`, `百分之百`, and
//! with digits, `百分之95`), and per-mille ones (`千分之三`, `千分之0.5`): a figure with
//! unit `%` or `‰`, its bounds and change read as for `95%`.

use super::{change_before, strip_any, Figure, AFTER, BEFORE};
use crate::import::affix::ends_with;
use crate::import::numbers;
use crate::model::Short;

/// The words that open a share, and the unit it is written with in digits.
const LEADS: [(&str, &str); 2] = [("百分之", "%"), ("千分之", "‰")];

/// The percentage (or per-mille figure) in words at byte `i` of `text`, if one starts there.
pub(super) fn at(text: &str, i: usize) -> Option<Figure> {
    let (lead, unit) = LEADS.iter().find(|(lead, _)| text[i..].starts_with(lead))?;
    let after = i + lead.len();
    let whole = if *unit == "%" { '百' } else { '千' };
    let (value, mut end) = match text[after..].strip_prefix(whole) {
        Some(_) => (
            if *unit == "%" { 100.0 } else { 1000.0 },
            after + whole.len_utf8(),
        ),
        None => {
            // Digits after the words are as common in typed reports as numerals
            // (`百分之95`); a following `%` would say it twice, so none is taken.
            let n = numbers::arabic(text.as_bytes(), after)
                .filter(|n| !text[n.end..].starts_with(['%', '％', '‰']))
                .or_else(|| numbers::chinese(text, after))?;
            // `百分之九十五万` is not a percentage of anything these reports print.
            if text[n.end..].starts_with(['万', '亿']) {
                return None;
            }
            (n.value, n.end)
        }
    };
    let (mut qualifier, mut bound) = (None, None);
    if let Some((r, q, b)) = strip_any(&text[end..], AFTER) {
        if !matches!(q, "余" | "多") {
            end = text.len() - r.len();
            (qualifier, bound) = (Some(q), Some(b));
        }
    }
    let mut start = i;
    if let Some((q, b)) = BEFORE.iter().find(|(q, _)| ends_with(&text[..i], q)) {
        start = i - q.len();
        (qualifier, bound) = (Some(*q), Some(*b));
    }
    Some(Figure {
        start,
        end,
        value,
        unit: Short::new(unit),
        qualifier,
        bound,
        change: change_before(&text[..start]),
        base_value: value,
        base_unit: Short::new(unit),
    })
}

#[cfg(test)]
mod tests {
    use super::super::figures;
    use crate::model::{Bound, Change};

    fn one(text: &str) -> (String, f64, String) {
        let f = figures(text);
        assert_eq!(f.len(), 1, "{text}: {f:?}");
        let f = &f[0];
        (
            text[f.start..f.end].to_string(),
            f.value,
            f.unit.to_string(),
        )
    }

    #[test]
    fn percentages_in_words() {
        assert_eq!(
            one("办结率达百分之九十五。"),
            ("百分之九十五".into(), 95.0, "%".into())
        );
        assert_eq!(
            one("满意率为百分之九十五点五，"),
            ("百分之九十五点五".into(), 95.5, "%".into())
        );
        assert_eq!(
            one("实现百分之百全覆盖"),
            ("百分之百".into(), 100.0, "%".into())
        );
        assert_eq!(
            one("比例为百分之八点零五"),
            ("百分之八点零五".into(), 8.05, "%".into())
        );
    }

    #[test]
    fn digits_after_the_words_and_per_mille() {
        assert_eq!(
            one("群众满意率达到百分之95以上。"),
            ("百分之95以上".into(), 95.0, "%".into())
        );
        assert_eq!(
            one("结案率为百分之９８．５，"),
            ("百分之９８．５".into(), 98.5, "%".into())
        );
        assert_eq!(
            one("刑事发案率控制在千分之三以内"),
            ("千分之三以内".into(), 3.0, "‰".into())
        );
        assert_eq!(
            one("差错率低于千分之0.5。"),
            ("千分之0.5".into(), 0.5, "‰".into())
        );
    }

    #[test]
    fn bounds_and_changes_as_for_digits() {
        let f = &figures("出庭率超过百分之九十")[0];
        assert_eq!((f.qualifier, f.bound), (Some("超过"), Some(Bound::Lower)));
        let f = &figures("达到百分之八十以上")[0];
        assert_eq!((f.qualifier, f.bound), (Some("以上"), Some(Bound::Lower)));
        let f = &figures("同比下降百分之十二")[0];
        assert_eq!((f.value, f.change), (12.0, Some(Change::Down)));
    }

    #[test]
    fn not_percentages() {
        for text in [
            "百分之",
            "落实“五个百分百”",
            "百分制考核",
            "百分之九十五万",
            "千分之",
            "千分制",
        ] {
            assert!(
                figures(text).iter().all(|f| f.unit != "%" && f.unit != "‰"),
                "{text}"
            );
        }
    }
}
