//! The change between two figures of one indicator: absolute and % for levels,
//! percentage points for rates; values compared in their base unit (万元 vs 亿元).

use super::unit_match;
use crate::model::{format_value, Statistic};

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Change {
    /// In the row's unit; `percent` is `None` when the earlier value is 0.
    Level { delta: f64, percent: Option<f64> },
    /// Percentage points between two rates.
    Rate { points: f64 },
}

impl Change {
    /// From `before` to `after`, expressed in `unit` (the row's unit).
    pub fn between(before: &Statistic, after: &Statistic, unit: &str) -> Change {
        let b = unit_match::base_value(before);
        let a = unit_match::base_value(after);
        if unit_match::is_rate(unit) {
            return Change::Rate {
                points: round(a - b),
            };
        }
        let scale = unit_match::scaled(unit).0;
        Change::Level {
            delta: round((a - b) / scale),
            percent: (b != 0.0).then(|| ((a - b) / b * 1000.0).round() / 10.0),
        }
    }

    /// Whether the value moved at all.
    pub fn is_zero(&self) -> bool {
        match self {
            Change::Level { delta, .. } => *delta == 0.0,
            Change::Rate { points } => *points == 0.0,
        }
    }

    /// For sorting by change: the percent for levels (or the delta when there is none),
    /// the points for rates.
    pub fn magnitude(&self) -> f64 {
        match self {
            Change::Level {
                percent: Some(p), ..
            } => *p,
            Change::Level { delta, .. } => *delta,
            Change::Rate { points } => *points,
        }
    }

    /// `+42 (+5.8%)`, `-3`, `+1.2pp`, `0`.
    pub fn display(&self) -> String {
        let signed = |v: f64| {
            if v > 0.0 {
                format!("+{}", format_value(v))
            } else {
                format_value(v)
            }
        };
        match self {
            Change::Level {
                delta,
                percent: Some(p),
            } if *delta != 0.0 => format!("{} ({}%)", signed(*delta), signed(*p)),
            Change::Level { delta, .. } => signed(*delta),
            Change::Rate { points } => format!("{}pp", signed(*points)),
        }
    }
}

/// Floating-point noise off (`0.30000000000000004` → `0.3`): six decimals are more than
/// any report prints.
fn round(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn levels_rates_and_scaled_units() {
        let c = Change::between(&stat(100.0, "件"), &stat(142.0, "件"), "件");
        assert_eq!(c.display(), "+42 (+42%)");
        let c = Change::between(&stat(86.4, "%"), &stat(90.0, "%"), "%");
        assert_eq!(c.display(), "+3.6pp");
        let c = Change::between(&stat(1.5, "亿元"), &stat(14000.0, "万元"), "万元");
        assert_eq!(c.display(), "-1000 (-6.7%)");
        let c = Change::between(&stat(0.0, "件"), &stat(3.0, "件"), "件");
        assert_eq!(c.display(), "+3");
        assert!(Change::between(&stat(6.0, "件"), &stat(6.0, "件"), "件").is_zero());
    }
}
