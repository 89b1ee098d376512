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

/// Parse a model from JSON and sanitise every string in it, since a JSON file from
/// elsewhere may carry terminal escape sequences just like a text file.
pub fn from_json(json: &str) -> Result<Report> {
    let mut report: Report = serde_json::from_str(json)?;
    report.sanitize();
    fill_base(&mut report);
    Ok(report)
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
