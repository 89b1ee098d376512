//! The section tree as data: node keys, their children, labels and places, flattened to rows.
//!
//! Hand-written rather than tui-tree-widget: we need the visible rows for mouse hits,
//! scrolling in `update` and jumping from search hits, which a widget keeps to itself.

use super::library::Library;
use crate::model::{Outline, Report, Section, Short, PREAMBLE_NAME, SIGNOFF_NAME};
use crate::tui::lang::Lang;
use std::collections::{HashMap, HashSet};

/// One node of the tree. Keys carry the report index so many reports can share a tree.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum NodeKey {
    /// A whole report; shown as a top-level node only when there is more than one.
    Report(usize),
    /// The preamble before `一、`.
    Intro(usize),
    /// A section or sub-item by id (`"4"`, `"4.3"`).
    Section(usize, Short),
    /// A paragraph that opens with a lead sentence, by paragraph id.
    Lead(usize, Short),
    /// Issuers and date.
    SignOff(usize),
}

impl NodeKey {
    /// The node that holds an item of report `report` whose node id is `node`, as the
    /// model and the search index write it: `"intro"` for the preamble, else a section id.
    pub fn of_node(report: usize, node: &str) -> NodeKey {
        match node {
            "intro" => NodeKey::Intro(report),
            id => NodeKey::Section(report, id.into()),
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
pub fn roots(reports: &Library) -> Vec<NodeKey> {
    match reports.len() {
        1 => children(reports, &NodeKey::Report(0)),
        n => (0..n).map(NodeKey::Report).collect(),
    }
}

pub fn children(reports: &Library, key: &NodeKey) -> Vec<NodeKey> {
    let r = key.report();
    let Some(report) = reports.get(r) else {
        return Vec::new();
    };
    match key {
        NodeKey::Report(_) => report_children(r, report),
        NodeKey::Section(_, id) => reports
            .section(r, id)
            .map(|s| section_children(r, s))
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

fn report_children(r: usize, report: &Report) -> Vec<NodeKey> {
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
    if report.has_sign_off() {
        out.push(NodeKey::SignOff(r));
    }
    out
}

fn section_children(r: usize, s: &Section) -> Vec<NodeKey> {
    s.paragraphs
        .iter()
        .filter(|p| p.lead.is_some())
        .map(|p| NodeKey::Lead(r, p.id.clone()))
        .chain(
            s.subsections
                .iter()
                .map(|c| NodeKey::Section(r, c.id.clone())),
        )
        .collect()
}

/// The visible rows: roots and the children of expanded nodes, depth first. Walks the
/// structure itself (no lookups by id), so it is linear in the rows it makes: a closed
/// section's children are neither built nor visited. A report's own level comes from its
/// outline, so listing 10,000 reports a level deep decodes none of them; an open section
/// reads its report.
pub fn flatten(reports: &Library, expanded: &HashSet<NodeKey>) -> Vec<Row> {
    let mut out = Vec::new();
    match reports.len() {
        1 => report_rows(reports, 0, 0, expanded, &mut out),
        n => {
            for r in 0..n {
                let key = NodeKey::Report(r);
                let expandable = reports.outline(r).is_some_and(Outline::has_children);
                let open = expandable && expanded.contains(&key);
                out.push(Row {
                    key,
                    depth: 0,
                    expandable,
                    expanded: open,
                });
                if open {
                    report_rows(reports, r, 1, expanded, &mut out);
                }
            }
        }
    }
    out
}

fn report_rows(
    reports: &Library,
    r: usize,
    depth: usize,
    expanded: &HashSet<NodeKey>,
    out: &mut Vec<Row>,
) {
    let Some(outline) = reports.outline(r) else {
        return;
    };
    let leaf = |key| Row {
        key,
        depth,
        expandable: false,
        expanded: false,
    };
    if outline.intro {
        out.push(leaf(NodeKey::Intro(r)));
    }
    for (i, (id, expandable)) in outline.sections.iter().enumerate() {
        let key = NodeKey::Section(r, id.as_str().into());
        let open = *expandable && expanded.contains(&key);
        if !open {
            out.push(Row {
                key,
                depth,
                expandable: *expandable,
                expanded: false,
            });
            continue;
        }
        // Open: its children are in the report itself.
        match reports.get(r).and_then(|report| report.sections.get(i)) {
            Some(s) => section_rows(r, s, depth, expanded, out),
            None => out.push(leaf(key)),
        }
    }
    if outline.sign_off {
        out.push(leaf(NodeKey::SignOff(r)));
    }
}

fn section_rows(
    r: usize,
    s: &Section,
    depth: usize,
    expanded: &HashSet<NodeKey>,
    out: &mut Vec<Row>,
) {
    let key = NodeKey::Section(r, s.id.clone());
    let expandable = s.has_tree_children();
    let open = expandable && expanded.contains(&key);
    out.push(Row {
        key,
        depth,
        expandable,
        expanded: open,
    });
    if !open {
        return;
    }
    for p in s.paragraphs.iter().filter(|p| p.lead.is_some()) {
        out.push(Row {
            key: NodeKey::Lead(r, p.id.clone()),
            depth: depth + 1,
            expandable: false,
            expanded: false,
        });
    }
    for sub in &s.subsections {
        section_rows(r, sub, depth + 1, expanded, out);
    }
}

/// The nodes above `key`, outermost first, so a jump can expand them.
pub fn ancestors(reports: &Library, key: &NodeKey) -> Vec<NodeKey> {
    let r = key.report();
    let mut out = Vec::new();
    if reports.len() > 1 && !matches!(key, NodeKey::Report(_)) {
        out.push(NodeKey::Report(r));
    }
    let section = match key {
        NodeKey::Section(_, id) => Some(id.as_str()),
        NodeKey::Lead(_, pid) => reports.paragraph_section(r, pid),
        _ => None,
    };
    if let Some(id) = section {
        for s in reports.section_path(r, id) {
            if matches!(key, NodeKey::Section(_, own) if *own == s.id) {
                break;
            }
            out.push(NodeKey::Section(r, s.id.clone()));
        }
    }
    out
}

/// The tree label of a node.
pub fn label(reports: &Library, key: &NodeKey, lang: Lang) -> String {
    let r = key.report();
    let Some(report) = reports.get(r) else {
        return String::new();
    };
    match key {
        // Which report is which: place and year first (`[清河街道 2021]`), then the title.
        NodeKey::Report(_) => {
            let name = crate::identity::Identity::of(report).name(report);
            format!("[{name}] {}", report.title)
        }
        NodeKey::Intro(_) => label_of_intro(lang),
        NodeKey::SignOff(_) => lang.pick(SIGNOFF_NAME, "Sign-off").to_string(),
        NodeKey::Section(_, id) => reports
            .section(r, id)
            .map(Section::label)
            .unwrap_or_default(),
        NodeKey::Lead(_, pid) => reports
            .paragraph(r, pid)
            .and_then(|p| p.lead.as_ref().map(|l| l.to_string()))
            .unwrap_or_default(),
    }
}

/// The preamble's node label.
pub fn label_of_intro(lang: Lang) -> String {
    lang.pick(PREAMBLE_NAME, "Preamble").to_string()
}

/// Every section's place in `report`, by id, as `place` gives it (`四 › (三)`; the first
/// of two equal ids, as lookups find it), in one walk: for a view that places every figure
/// of a report without holding the report in the library.
pub fn places(report: &Report) -> HashMap<&str, String> {
    fn walk<'a>(s: &'a [Section], above: &str, out: &mut HashMap<&'a str, String>) {
        for s in s {
            let here = match above.is_empty() {
                true => s.number.to_string(),
                false => format!("{above} › {}", s.number),
            };
            out.entry(s.id.as_str()).or_insert_with(|| here.clone());
            walk(&s.subsections, &here, out);
        }
    }
    let mut out = HashMap::new();
    walk(&report.sections, "", &mut out);
    out
}

/// Where a node sits, as the breadcrumb `四 › (三)`; the preamble and sign-off by name.
pub fn place(reports: &Library, key: &NodeKey, lang: Lang) -> String {
    let r = key.report();
    let numbers = |id: &str| -> Vec<String> {
        reports
            .section_path(r, id)
            .iter()
            .map(|s| s.number.to_string())
            .collect()
    };
    match key {
        NodeKey::Section(_, id) => numbers(id).join(" › "),
        NodeKey::Lead(_, pid) => {
            let mut parts = reports
                .paragraph_section(r, pid)
                .map(numbers)
                .unwrap_or_default();
            parts.push(label(reports, key, lang));
            parts.join(" › ")
        }
        _ => label(reports, key, lang),
    }
}

/// How many statistics a node holds, its sub-items included.
pub fn statistic_count(reports: &Library, key: &NodeKey) -> usize {
    let r = key.report();
    let Some(report) = reports.get(r) else {
        return 0;
    };
    match key {
        NodeKey::Report(_) => report
            .sections
            .iter()
            .map(|s| reports.statistic_count(r, &s.id))
            .chain(report.intro.iter().map(|p| p.statistics.len()))
            .sum(),
        NodeKey::Intro(_) => report.intro.iter().map(|p| p.statistics.len()).sum(),
        NodeKey::Section(_, id) => reports.statistic_count(r, id),
        NodeKey::Lead(_, pid) => reports.paragraph(r, pid).map_or(0, |p| p.statistics.len()),
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
pub fn place_in(reports: &Library, key: &NodeKey, lang: Lang) -> String {
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
        let reports = Library::new(vec![embedded::report().expect("the embedded report parses")]);
        let outline = crate::export::outline_text(reports.all());
        for s in reports.all()[0].all_sections() {
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

    #[test]
    fn places_in_one_walk_are_the_places_of_lookups() {
        let mut report = embedded::report().unwrap();
        // A repeated id: the first in document order is the one looked up.
        let mut twin = report.sections[1].clone();
        twin.id = report.sections[0].id.clone();
        report.sections.push(twin);
        let all = places(&report);
        let reports = Library::new(vec![report.clone()]);
        assert!(all.len() > 20, "{}", all.len());
        for s in report.all_sections() {
            let key = NodeKey::Section(0, s.id.clone());
            assert_eq!(
                all[s.id.as_str()],
                place(&reports, &key, Lang::Zh),
                "{}",
                s.id
            );
        }
    }
}
