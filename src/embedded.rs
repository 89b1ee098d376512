//! The report compiled into the binary, and loading a model from JSON.

use crate::error::Result;
use crate::model::Report;

/// The model of 市桥街 2020 年法治政府建设工作报告, embedded at build time.
pub const REPORT_JSON: &str = include_str!("../assets/report.json");
/// Its source text, embedded so tests and `rebuild` checks need no file system.
pub const REPORT_TEXT: &str = include_str!("../assets/report.txt");

/// Parse the embedded model. It is tested to parse, so an error here is a build defect.
pub fn report() -> Result<Report> {
    from_json(REPORT_JSON)
}

/// serde_json's own nesting limit, applied also inside fields the model does not know
/// (serde_json skips those without counting).
pub const MAX_JSON_DEPTH: usize = 128;

/// Parse a model from JSON, sanitise every string in it (a JSON file from elsewhere may
/// carry terminal escape sequences just like a text file), then check that it holds
/// together (`Report::validate`). A leading byte-order mark is allowed, as editors on
/// Windows write one.
pub fn from_json(json: &str) -> Result<Report> {
    let json = json.strip_prefix('\u{FEFF}').unwrap_or(json);
    check_depth(json)?;
    let mut report: Report = serde_json::from_str(json)?;
    report.sanitize();
    report.validate()?;
    fill_base(&mut report);
    Ok(report)
}

/// Refuse JSON nested deeper than `MAX_JSON_DEPTH`, anywhere in the document.
fn check_depth(json: &str) -> Result<()> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for (i, b) in json.bytes().enumerate() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_JSON_DEPTH {
                    let before = &json.as_bytes()[..i];
                    let line_start = before
                        .iter()
                        .rposition(|b| *b == b'\n')
                        .map_or(0, |p| p + 1);
                    return Err(crate::Error::TooDeep {
                        limit: MAX_JSON_DEPTH,
                        line: before.iter().filter(|b| **b == b'\n').count() + 1,
                        column: json[line_start..i].chars().count() + 1,
                    });
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// A model from the bytes of a `.json` file: UTF-8 checked (with where it fails), parsed,
/// sanitised, and refused when it has no sections.
pub fn from_json_bytes(bytes: &[u8]) -> Result<Report> {
    let text = std::str::from_utf8(bytes).map_err(|e| crate::Error::not_utf8(bytes, e))?;
    let report = from_json(text)?;
    if report.sections.is_empty() {
        return Err(crate::Error::NoSections);
    }
    Ok(report)
}

/// Models written before statistics had `base` get it from value and unit, so figures of
/// any model line up in base units.
fn fill_base(report: &mut Report) {
    let fill = |p: &mut crate::model::Paragraph| {
        for s in p.statistics.iter_mut().filter(|s| s.base.is_none()) {
            s.base = Some(crate::import::base_of(s.value, &s.unit));
        }
    };
    report.intro.iter_mut().for_each(fill);
    let mut stack: Vec<&mut crate::model::Section> = report.sections.iter_mut().collect();
    while let Some(s) = stack.pop() {
        s.paragraphs.iter_mut().for_each(fill);
        stack.extend(s.subsections.iter_mut());
    }
}
