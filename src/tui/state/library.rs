//! The open reports, with an index from every section and paragraph id to its place in
//! the structure, built once in one pass.
//!
//! The tree, breadcrumbs, detail pane and statistics table look nodes up by id many times
//! a frame. `Report::find_section` walks the whole report per call, which made a 20,000-
//! section model take 11–15 s to its first frame (quadratic); through this index every
//! lookup is a hash probe plus a walk down the node's own path.

use crate::model::{Paragraph, Report, Section};
use std::collections::HashMap;

/// The reports, readable as a `[Report]`, with their index.
pub struct Library {
    reports: Vec<Report>,
    /// Each report's index, built on its first lookup: over 1,000 reports building them
    /// all took 25-30 ms of CPU before the first frame, which looks up a few at most.
    index: Vec<std::sync::OnceLock<ReportIndex>>,
}

#[derive(Default)]
struct ReportIndex {
    sections: HashMap<String, SectionAt>,
    /// Paragraph id → the path of its section (empty for the preamble) and its index there.
    paragraphs: HashMap<String, (Box<[u32]>, u32)>,
}

struct SectionAt {
    /// Child indices from `report.sections` down to the section.
    path: Box<[u32]>,
    /// Statistics in the section and its sub-items.
    statistics: usize,
}

impl Library {
    pub fn new(reports: Vec<Report>) -> Library {
        let index = reports.iter().map(|_| std::sync::OnceLock::new()).collect();
        Library { reports, index }
    }

    /// Report `r`'s index, built now if this is its first lookup.
    fn index(&self, r: usize) -> Option<&ReportIndex> {
        let report = self.reports.get(r)?;
        Some(
            self.index
                .get(r)?
                .get_or_init(|| ReportIndex::build(report)),
        )
    }

    /// The section `id` of report `r`.
    pub fn section(&self, r: usize, id: &str) -> Option<&Section> {
        self.section_path(r, id).pop()
    }

    /// The sections from the top level down to `id`, for breadcrumbs; empty if unknown.
    pub fn section_path(&self, r: usize, id: &str) -> Vec<&Section> {
        let (Some(report), Some(at)) = (self.reports.get(r), self.at(r, id)) else {
            return Vec::new();
        };
        walk(report, &at.path)
    }

    /// How many statistics section `id` holds, its sub-items included.
    pub fn statistic_count(&self, r: usize, id: &str) -> usize {
        self.at(r, id).map_or(0, |at| at.statistics)
    }

    /// The paragraph `pid` of report `r`, preamble paragraphs included.
    pub fn paragraph(&self, r: usize, pid: &str) -> Option<&Paragraph> {
        let report = self.reports.get(r)?;
        let (path, i) = self.index(r)?.paragraphs.get(pid)?;
        let list = match walk(report, path).pop() {
            Some(s) => &s.paragraphs,
            None => &report.intro,
        };
        list.get(*i as usize)
    }

    /// The id of the section that holds paragraph `pid`; `None` for the preamble or an
    /// unknown paragraph.
    pub fn paragraph_section(&self, r: usize, pid: &str) -> Option<&str> {
        let report = self.reports.get(r)?;
        let (path, _) = self.index(r)?.paragraphs.get(pid)?;
        walk(report, path).pop().map(|s| s.id.as_str())
    }

    fn at(&self, r: usize, id: &str) -> Option<&SectionAt> {
        self.index(r)?.sections.get(id)
    }
}

impl std::ops::Deref for Library {
    type Target = [Report];
    fn deref(&self) -> &[Report] {
        &self.reports
    }
}

/// Follow child indices down from the top level; stops where an index is out of range.
fn walk<'a>(report: &'a Report, path: &[u32]) -> Vec<&'a Section> {
    let mut out = Vec::with_capacity(path.len());
    let mut level = &report.sections;
    for &i in path {
        let Some(s) = level.get(i as usize) else {
            break;
        };
        out.push(s);
        level = &s.subsections;
    }
    out
}

impl ReportIndex {
    fn build(report: &Report) -> ReportIndex {
        let mut index = ReportIndex::default();
        for (i, p) in report.intro.iter().enumerate() {
            index
                .paragraphs
                .entry(p.id.clone())
                .or_insert((Box::new([]), i as u32));
        }
        let mut path = Vec::new();
        for (i, s) in report.sections.iter().enumerate() {
            path.push(i as u32);
            index.add(s, &mut path);
            path.pop();
        }
        index
    }

    /// Index `s` (at `path`) and its sub-items; returns its statistic count. Recursion is
    /// as deep as the model nests, which `Report::validate` bounds.
    fn add(&mut self, s: &Section, path: &mut Vec<u32>) -> usize {
        let mut statistics = 0;
        for (i, p) in s.paragraphs.iter().enumerate() {
            statistics += p.statistics.len();
            self.paragraphs
                .entry(p.id.clone())
                .or_insert_with(|| (path.clone().into(), i as u32));
        }
        // The first of two equal ids in document order wins, as `Report::find_section`
        // would find it (a JSON model with repeated ids is refused on load anyway).
        let first = !self.sections.contains_key(&s.id);
        for (i, sub) in s.subsections.iter().enumerate() {
            path.push(i as u32);
            statistics += self.add(sub, path);
            path.pop();
        }
        if first {
            let at = SectionAt {
                path: path.clone().into(),
                statistics,
            };
            self.sections.insert(s.id.clone(), at);
        }
        statistics
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lookup_agrees_with_the_model() {
        let report = crate::embedded::report().unwrap();
        let library = Library::new(vec![report.clone()]);
        for s in report.all_sections() {
            assert_eq!(library.section(0, &s.id), Some(s));
            let path: Vec<&str> = library
                .section_path(0, &s.id)
                .iter()
                .map(|s| s.id.as_str())
                .collect();
            let expected: Vec<&str> = report
                .section_path(&s.id)
                .iter()
                .map(|s| s.id.as_str())
                .collect();
            assert_eq!(path, expected);
            assert_eq!(
                library.statistic_count(0, &s.id),
                s.all_statistics().count()
            );
        }
        for (node, p) in report.all_paragraphs() {
            assert_eq!(library.paragraph(0, &p.id), Some(p));
            let section = library.paragraph_section(0, &p.id).unwrap_or("intro");
            assert_eq!(section, node);
        }
        assert_eq!(library.section(0, "99"), None);
        assert_eq!(library.section(1, "1"), None);
        assert_eq!(library.paragraph(0, "1.p99"), None);
    }
}
