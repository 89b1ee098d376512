//! A section as a reader names it: `4.3` (its id), `六`, `六、`, `四(三)`, `四（三）`, `4(3)`,
//! and `intro` / `引言` for the preamble. The CLI's `show` and `stats --section` take
//! all of them, so a number copied from the report works as it stands.

use crate::model::{Report, PREAMBLE_NAME};

/// The node id (`"4.3"`, `"intro"`) `reference` names in `report`, if any.
pub fn resolve(report: &Report, reference: &str) -> Option<String> {
    let reference = reference.trim();
    if matches!(reference, "intro" | "preamble") || reference == PREAMBLE_NAME {
        return (!report.intro.is_empty() || !report.preamble.is_empty())
            .then(|| "intro".to_string());
    }
    if report.find_section(reference).is_some() {
        return Some(reference.to_string());
    }
    // `(三)` alone is a sub-item of some section, not section 三.
    if reference.starts_with(['(', '（']) {
        return None;
    }
    let wanted = numbers(reference)?;
    report
        .all_sections()
        .into_iter()
        .find(|s| {
            let path = report.section_path(&s.id);
            path.len() == wanted.len()
                && path
                    .iter()
                    .zip(&wanted)
                    .all(|(p, w)| numbers(&p.number).as_deref() == Some(&[*w][..]))
        })
        .map(|s| s.id.to_string())
}

/// The numbers down a reference: `四(三)` → [4, 3], `4.3` → [4, 3], `六、` → [6]; `None`
/// if anything but numbers, brackets and separators is in it.
fn numbers(reference: &str) -> Option<Vec<u32>> {
    let mut out = Vec::new();
    let mut run = String::new();
    for c in reference.chars().chain([' ']) {
        if c.is_ascii_digit() || chinese_digit(c).is_some() || c == '十' {
            run.push(c);
            continue;
        }
        if !run.is_empty() {
            out.push(value(&run)?);
            run.clear();
        }
        if !"()（）、.．,，: ".contains(c) {
            return None;
        }
    }
    (!out.is_empty()).then_some(out)
}

fn chinese_digit(c: char) -> Option<u32> {
    "〇一二三四五六七八九"
        .chars()
        .position(|d| d == c)
        .map(|d| d as u32)
        .or((c == '零').then_some(0))
        .or((c == '两').then_some(2))
}

/// `12`, `十二`, `二十`, `二十三`, `十`; mixed runs (`1二`) are not numbers.
fn value(run: &str) -> Option<u32> {
    if run.chars().all(|c| c.is_ascii_digit()) {
        return run.parse().ok();
    }
    match run.split_once('十') {
        None => match run.chars().collect::<Vec<_>>()[..] {
            [c] => chinese_digit(c),
            _ => None,
        },
        Some((tens, ones)) => {
            let digit = |s: &str| match s.chars().collect::<Vec<_>>()[..] {
                [] => Some(None),
                [c] => chinese_digit(c).map(Some),
                _ => None,
            };
            let tens = digit(tens)?.unwrap_or(1);
            let ones = digit(ones)?.unwrap_or(0);
            Some(tens * 10 + ones)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_chinese_and_arabic_forms() {
        assert_eq!(numbers("四(三)"), Some(vec![4, 3]));
        assert_eq!(numbers("四（三）"), Some(vec![4, 3]));
        assert_eq!(numbers("4.3"), Some(vec![4, 3]));
        assert_eq!(numbers("十二、"), Some(vec![12]));
        assert_eq!(numbers("二十三"), Some(vec![23]));
        assert_eq!(numbers("执法"), None);
    }

    #[test]
    fn every_form_names_the_same_section() {
        let r = crate::embedded::report().unwrap();
        for reference in ["6", "六", "六、", " 六 "] {
            assert_eq!(resolve(&r, reference).as_deref(), Some("6"), "{reference}");
        }
        for reference in ["4.3", "四(三)", "四（三）", "4(3)", "四.三"] {
            assert_eq!(
                resolve(&r, reference).as_deref(),
                Some("4.3"),
                "{reference}"
            );
        }
        assert_eq!(resolve(&r, "引言").as_deref(), Some("intro"));
        assert_eq!(resolve(&r, "十一"), None);
        assert_eq!(resolve(&r, "(三)"), None, "a sub-item needs its section");
    }
}
