//! What `y` and `Y` put on the clipboard: a figure as printed, a sentence, a node's text,
//! each optionally with a citation naming the report and the section.

use crate::model::Report;
use crate::tui::state::document::{TargetKind, TargetRef};
use crate::tui::state::library::Library;
use crate::tui::state::tree::NodeKey;

/// The section as a citation names it: `四、(三)加强执法保障` (numbers down the path, then
/// the innermost label); `四、公正文明执法` for a top-level section.
pub fn cite_place(report: &Report, section: &str) -> Option<String> {
    let path = report.section_path(section);
    let (last, above) = path.split_last()?;
    let numbers: String = above.iter().map(|s| s.numbered()).collect();
    Some(format!("{numbers}{}", last.label()))
}

/// `（报告标题，四、(三)加强执法保障）`; the preamble and sign-off cite the report alone.
pub fn citation(report: &Report, node: &str) -> String {
    match cite_place(report, node) {
        Some(place) => format!("（{}，{place}）", report.title),
        None => format!("（{}）", report.title),
    }
}

/// The text of a measure or statistic; with `cited`, a statistic reads
/// `label：44台（title，place）` and a sentence is followed by its citation.
pub fn target_text(report: &Report, node: &str, what: &TargetRef, cited: bool) -> Option<String> {
    let paragraphs = report.all_paragraphs();
    // What is copied plain, and what a citation follows.
    let (plain, named) = match what.kind {
        TargetKind::Statistic => {
            let s = paragraphs
                .iter()
                .flat_map(|(_, p)| &p.statistics)
                .find(|s| s.id == what.id)?;
            (s.display.to_string(), format!("{}：{}", s.label, s.display))
        }
        TargetKind::Measure => {
            let m = paragraphs
                .iter()
                .flat_map(|(_, p)| &p.measures)
                .find(|m| m.id == what.id)?;
            (m.text.to_string(), m.text.to_string())
        }
    };
    Some(match cited {
        true => format!("{named}{}", citation(report, node)),
        false => plain,
    })
}

/// A node's full text: headings and paragraphs, one per line; cited on a last line.
pub fn node_text(reports: &Library, key: &NodeKey, cited: bool) -> String {
    let Some(report) = reports.get(key.report()) else {
        return String::new();
    };
    let doc = crate::tui::state::document::Doc::build(reports, key, usize::MAX);
    let mut text: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
    let cite;
    if cited {
        let node = match key {
            NodeKey::Section(_, id) => id.as_str(),
            NodeKey::Lead(r, pid) => reports.paragraph_section(*r, pid).unwrap_or(""),
            _ => "",
        };
        cite = citation(report, node);
        text.push(&cite);
    }
    text.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embedded;

    fn stat(id: &str) -> TargetRef {
        TargetRef {
            kind: TargetKind::Statistic,
            id: id.into(),
        }
    }

    #[test]
    fn a_statistic_copies_as_printed_and_with_its_citation() {
        let r = embedded::report().unwrap();
        assert_eq!(
            target_text(&r, "4.3", &stat("4.3.p1.s1"), false).unwrap(),
            "44台"
        );
        assert_eq!(
            target_text(&r, "4.3", &stat("4.3.p1.s1"), true).unwrap(),
            "执法记录仪等执法设备：44台（市桥街2020年法治政府建设工作报告，四、(三)加强执法保障）"
        );
    }

    #[test]
    fn a_sentence_copies_verbatim_and_with_its_citation() {
        let r = embedded::report().unwrap();
        let (_, p) = r
            .all_paragraphs()
            .into_iter()
            .find(|(n, _)| *n == "4.3")
            .unwrap();
        let m = &p.measures[0];
        let what = TargetRef {
            kind: TargetKind::Measure,
            id: m.id.to_string(),
        };
        assert_eq!(target_text(&r, "4.3", &what, false).unwrap(), m.text);
        assert_eq!(
            target_text(&r, "4.3", &what, true).unwrap(),
            format!(
                "{}（市桥街2020年法治政府建设工作报告，四、(三)加强执法保障）",
                m.text
            )
        );
    }

    #[test]
    fn places_cite_top_level_sections_and_sub_items() {
        let r = embedded::report().unwrap();
        assert_eq!(cite_place(&r, "4").unwrap(), "四、公正文明执法");
        assert_eq!(cite_place(&r, "1.4").unwrap(), "一、(四)优化公共服务");
        assert_eq!(cite_place(&r, "intro"), None);
    }

    #[test]
    fn node_text_holds_heading_and_paragraphs() {
        let r = Library::new(vec![embedded::report().unwrap()]);
        let text = node_text(&r, &NodeKey::Section(0, "4.3".into()), true);
        assert!(
            text.starts_with("(三)加强执法保障。\n制定《市桥街执法队"),
            "{text}"
        );
        assert!(text.ends_with("\n（市桥街2020年法治政府建设工作报告，四、(三)加强执法保障）"));
    }
}
