//! The section tree as data: node keys, their children, labels and places, flattened to rows.
//!
//! Hand-written rather than tui-tree-widget: we need the visible rows for mouse hits,
//! scrolling in `update` and jumping from search hits, which a widget keeps to itself.

use crate::model::{Paragraph, Report, Section, PREAMBLE_NAME, SIGNOFF_NAME};
use crate::tui::lang::Lang;
use std::collections::HashSet;

/// One node of the tree. Keys carry the report index so many reports can share a tree.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum NodeKey {
    /// A whole report; shown as a top-level node only when there is more than one.
    Report(usize),
    /// The preamble before `一、`.
    Intro(usize),
    /// A section or sub-item by id (`"4"`, `"4.3"`).
    Section(usize, String),
    /// A paragraph that opens with a lead sentence, by paragraph id.
    Lead(usize, String),
    /// Issuers and date.
    SignOff(usize),
}

impl NodeKey {
    /// The node that holds an item of report `report` whose node id is `node`, as the
    /// model and the search index write it: `"intro"` for the preamble, else a section id.
    pub fn of_node(report: usize, node: &str) -> NodeKey {
        match node {
            "intro" => NodeKey::Intro(report),
            id => NodeKey::Section(report, id.to_string()),
        }
    }

    pub fn report(&self) -> usize {
        match self {
            NodeKey::Report(r) | NodeKey::Intro(r) | NodeKey::SignOff(r) => *r,
            NodeKey::Section(r, _) | NodeKey::Lead(r, _) => *r,
        }
    }
}

/// A visible row of the flattened tree.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub key: NodeKey,
    pub depth: usize,
    pub expandable: bool,
    pub expanded: bool,
}

/// The top-level nodes: the parts of the report, or one node per report.
pub fn roots(reports: &[Report]) -> Vec<NodeKey> {
    match reports.len() {
        1 => children(reports, &NodeKey::Report(0)),
        n => (0..n).map(NodeKey::Report).collect(),
    }
}

pub fn children(reports: &[Report], key: &NodeKey) -> Vec<NodeKey> {
    let r = key.report();
    let Some(report) = reports.get(r) else {
        return Vec::new();
    };
    match key {
        NodeKey::Report(_) => {
            let mut out = Vec::new();
            if !report.intro.is_empty() {
                out.push(NodeKey::Intro(r));
            }
            out.extend(
                report
                    .sections
                    .iter()
                    .map(|s| NodeKey::Section(r, s.id.clone())),
            );
            if !report.issuers.is_empty() || report.date_text.is_some() {
                out.push(NodeKey::SignOff(r));
            }
            out
        }
        NodeKey::Section(_, id) => match report.find_section(id) {
            Some(s) => s
                .paragraphs
                .iter()
                .filter(|p| p.lead.is_some())
                .map(|p| NodeKey::Lead(r, p.id.clone()))
                .chain(
                    s.subsections
                        .iter()
                        .map(|c| NodeKey::Section(r, c.id.clone())),
                )
                .collect(),
            None => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// The visible rows: roots and the children of expanded nodes, depth first.
pub fn flatten(reports: &[Report], expanded: &HashSet<NodeKey>) -> Vec<Row> {
    fn push(
        reports: &[Report],
        expanded: &HashSet<NodeKey>,
        key: NodeKey,
        depth: usize,
        out: &mut Vec<Row>,
    ) {
        let kids = children(reports, &key);
        let open = !kids.is_empty() && expanded.contains(&key);
        out.push(Row {
            key,
            depth,
            expandable: !kids.is_empty(),
            expanded: open,
        });
        if open {
            for k in kids {
                push(reports, expanded, k, depth + 1, out);
            }
        }
    }
    let mut out = Vec::new();
    for k in roots(reports) {
        push(reports, expanded, k, 0, &mut out);
    }
    out
}

/// The nodes above `key`, outermost first, so a jump can expand them.
pub fn ancestors(reports: &[Report], key: &NodeKey) -> Vec<NodeKey> {
    let r = key.report();
    let mut out = Vec::new();
    if reports.len() > 1 && !matches!(key, NodeKey::Report(_)) {
        out.push(NodeKey::Report(r));
    }
    let Some(report) = reports.get(r) else {
        return out;
    };
    let section = match key {
        NodeKey::Section(_, id) => Some(id.as_str()),
        NodeKey::Lead(_, pid) => paragraph_section(report, pid),
        _ => None,
    };
    if let Some(id) = section {
        let path = report.section_path(id);
        for s in path {
            if matches!(key, NodeKey::Section(_, own) if *own == s.id) {
                break;
            }
            out.push(NodeKey::Section(r, s.id.clone()));
        }
    }
    out
}

/// The id of the section holding paragraph `pid` (`"4.3.p2"` → `"4.3"`).
pub fn paragraph_section<'a>(report: &Report, pid: &'a str) -> Option<&'a str> {
    let (node, _) = pid.rsplit_once(".p")?;
    (report.find_section(node).is_some()).then_some(node)
}

pub fn find_paragraph<'a>(report: &'a Report, pid: &str) -> Option<&'a Paragraph> {
    report
        .all_paragraphs()
        .into_iter()
        .map(|(_, p)| p)
        .find(|p| p.id == pid)
}

/// The tree label of a node.
pub fn label(reports: &[Report], key: &NodeKey, lang: Lang) -> String {
    let Some(report) = reports.get(key.report()) else {
        return String::new();
    };
    match key {
        NodeKey::Report(_) => report.title.clone(),
        NodeKey::Intro(_) => lang.pick(PREAMBLE_NAME, "Preamble").to_string(),
        NodeKey::SignOff(_) => lang.pick(SIGNOFF_NAME, "Sign-off").to_string(),
        NodeKey::Section(_, id) => report
            .find_section(id)
            .map(Section::label)
            .unwrap_or_default(),
        NodeKey::Lead(_, pid) => find_paragraph(report, pid)
            .and_then(|p| p.lead.clone())
            .unwrap_or_default(),
    }
}

/// Where a node sits, as the breadcrumb `四 › (三)`; the preamble and sign-off by name.
pub fn place(reports: &[Report], key: &NodeKey, lang: Lang) -> String {
    let Some(report) = reports.get(key.report()) else {
        return String::new();
    };
    let numbers = |id: &str| -> Vec<String> {
        report
            .section_path(id)
            .iter()
            .map(|s| s.number.clone())
            .collect()
    };
    match key {
        NodeKey::Section(_, id) => numbers(id).join(" › "),
        NodeKey::Lead(_, pid) => {
            let mut parts = paragraph_section(report, pid)
                .map(numbers)
                .unwrap_or_default();
            parts.push(label(reports, key, lang));
            parts.join(" › ")
        }
        _ => label(reports, key, lang),
    }
}

/// How many statistics a node holds, its sub-items included.
pub fn statistic_count(reports: &[Report], key: &NodeKey) -> usize {
    let Some(report) = reports.get(key.report()) else {
        return 0;
    };
    match key {
        NodeKey::Report(_) => report.all_statistics().len(),
        NodeKey::Intro(_) => report.intro.iter().map(|p| p.statistics.len()).sum(),
        NodeKey::Section(_, id) => report
            .find_section(id)
            .map_or(0, |s| s.all_statistics().count()),
        NodeKey::Lead(_, pid) => find_paragraph(report, pid).map_or(0, |p| p.statistics.len()),
        NodeKey::SignOff(_) => 0,
    }
}

/// A report's short name for rows that must say which report they are from: its title up
/// to the year (`市桥街2020年`), or its first eight characters.
pub fn short_title(report: &Report) -> String {
    let chars: Vec<char> = report.title.chars().collect();
    match chars.iter().take(14).position(|&c| c == '年') {
        Some(i) => chars[..=i].iter().collect(),
        None => chars.iter().take(8).collect(),
    }
}

/// `place`, prefixed with the report's short name when there are several reports.
pub fn place_in(reports: &[Report], key: &NodeKey, lang: Lang) -> String {
    let place = place(reports, key, lang);
    match (reports.len() > 1, reports.get(key.report())) {
        (true, Some(r)) => format!("{} {place}", short_title(r)),
        _ => place,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embedded;

    #[test]
    fn the_tree_names_every_section_as_the_outline_does() {
        let reports = vec![embedded::report().expect("the embedded report parses")];
        let outline = crate::export::outline_text(&reports);
        for s in reports[0].all_sections() {
            let tree = label(&reports, &NodeKey::Section(0, s.id.clone()), Lang::Zh);
            let line = outline
                .lines()
                .find(|l| l.split_whitespace().next() == Some(s.id.as_str()))
                .unwrap_or_default();
            assert!(line.contains(&tree), "{tree:?} not in {line:?}");
        }
        // An untitled item shows its opening words, not a bare number.
        let untitled = label(&reports, &NodeKey::Section(0, "9.1".into()), Lang::Zh);
        assert!(untitled.starts_with("(一)本次新冠肺炎疫情"), "{untitled}");
        let intro = label(&reports, &NodeKey::Intro(0), Lang::Zh);
        assert!(outline.contains(&format!("intro   {intro}")), "{outline}");
    }
}
