//! Units for comparing: a figure's value in its base unit (万元 → 元), and whether two
//! units count the same thing.
//!
//! The importer gives each figure its `base` (value and unit); `scaled` only serves models
//! written before that field existed, and turns a change back into a row's unit.

use super::words::Words;
use crate::model::Statistic;

/// A figure in its base unit: the importer's `base`, else scaled here.
pub fn base(stat: &Statistic) -> (f64, &str) {
    match &stat.base {
        Some(b) => (b.value, b.unit.as_str()),
        None => {
            let (factor, unit) = scaled(&stat.unit);
            (stat.value * factor, unit)
        }
    }
}

/// A unit split into its scale and base: `万元` → (10000, `元`), `亿元` → (1e8, `元`).
pub fn scaled(unit: &str) -> (f64, &str) {
    let mut factor = 1.0;
    let mut rest = unit;
    // `万` alone is a figure without a unit (`1.5万`), so a prefix needs a base after it.
    while let Some(c) = rest.chars().next() {
        let f = match c {
            '亿' => 1e8,
            '万' => 1e4,
            '千' => 1e3,
            '百' => 1e2,
            _ => break,
        };
        let after = &rest[c.len_utf8()..];
        if after.is_empty() || after.starts_with('分') {
            break; // `百分点`, `千分比` are no scale.
        }
        factor *= f;
        rest = after;
    }
    (factor, rest)
}

/// The value in the base unit: `143.4万元` → 1,434,000 元.
pub fn base_value(stat: &Statistic) -> f64 {
    base(stat).0
}

/// Rates: a change between them is in percentage points.
pub fn is_rate(unit: &str) -> bool {
    matches!(scaled(unit).1, "%" | "％" | "‰")
}

/// How well two units go together: 1 for the same base unit, 0.9 for units of one
/// group in the data file (件/宗), `None` when they count different things (件/人次).
pub fn compatibility(words: &Words, a: &Statistic, b: &Statistic) -> Option<f64> {
    let (a, b) = (base(a).1, base(b).1);
    if a == b {
        return Some(1.0);
    }
    match (words.unit_group(a), words.unit_group(b)) {
        (Some(x), Some(y)) if x == y => Some(0.9),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_scale_to_the_base_unit() {
        assert_eq!(scaled("万元"), (1e4, "元"));
        assert_eq!(scaled("亿元"), (1e8, "元"));
        assert_eq!(scaled("件"), (1.0, "件"));
        assert_eq!(scaled("万"), (1.0, "万"));
        assert_eq!(scaled("百分点"), (1.0, "百分点"));
    }

    /// A figure as an old model has it: no `base`, so the unit is scaled here.
    fn stat(value: f64, unit: &str) -> Statistic {
        let mut s = crate::embedded::report().unwrap().all_statistics()[0]
            .1
            .clone();
        s.value = value;
        s.unit = unit.into();
        s.base = None;
        s
    }

    #[test]
    fn units_compare_after_scaling_and_by_group() {
        let w = Words::builtin();
        let c = |a: &str, b: &str| compatibility(&w, &stat(1.0, a), &stat(1.0, b));
        assert_eq!(c("万元", "亿元"), Some(1.0));
        assert_eq!(c("件", "宗"), Some(0.9));
        assert_eq!(c("件", "人次"), None);
        assert_eq!(c("人", "人次"), None);
        assert_eq!(c("%", "个百分点"), None);
        assert_eq!(base_value(&stat(1.5, "亿元")), 15e7);
    }
}
