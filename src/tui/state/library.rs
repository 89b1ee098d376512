//! The open reports, decoded or read on demand from the models cache, with an index from
//! every section and paragraph id to its place in the structure, built once in one pass.
//!
//! The tree, breadcrumbs, detail pane and statistics table look nodes up by id many times
//! a frame. `Report::find_section` walks the whole report per call, which made a 20,000-
//! section model take 11–15 s to its first frame (quadratic); through this index every
//! lookup is a hash probe plus a walk down the node's own path.
//!
//! From a warm models cache a report is decoded when something first reads it (`get`):
//! the first frame over 10,000 reports lists them all from their outlines and decodes the
//! few it shows. The views that need every report (statistics, comparison) call `all`,
//! which decodes the rest on every core. Decoding behind `&self` is a cache, as the
//! index is: what a read returns never changes.

use crate::cache::reports::Reports;
use crate::cache::LazyModels;
use crate::model::{Outline, Paragraph, Report, Section, Short};
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

/// The reports, with their index.
pub struct Library {
    store: Store,
    /// Each report's index, built on its first lookup: over 1,000 reports building them
    /// all took 25-30 ms of CPU before the first frame, which looks up a few at most.
    index: Vec<OnceLock<ReportIndex>>,
    /// Reports that could not be read from a damaged cache entry: the messages, for the
    /// status bar (`take_failures`).
    failures: Mutex<Vec<String>>,
}

enum Store {
    Decoded {
        reports: Vec<Report>,
        outlines: Vec<Outline>,
    },
    Lazy {
        models: Box<LazyModels>,
        /// Each report decoded on its own, when first read.
        one: Vec<OnceLock<Report>>,
        /// Every report, once `all` was called; `get` reads here from then on.
        every: OnceLock<Vec<Report>>,
    },
}

#[derive(Default)]
struct ReportIndex {
    sections: HashMap<Short, SectionAt>,
    /// Paragraph id → the path of its section (empty for the preamble) and its index there.
    paragraphs: HashMap<Short, (Box<[u32]>, u32)>,
}

struct SectionAt {
    /// Child indices from `report.sections` down to the section.
    path: Box<[u32]>,
    /// Statistics in the section and its sub-items.
    statistics: usize,
}

impl Library {
    pub fn new(reports: Vec<Report>) -> Library {
        Library::from(Reports::Decoded(reports))
    }

    pub fn from(reports: Reports) -> Library {
        let store = match reports {
            Reports::Decoded(reports) => Store::Decoded {
                outlines: reports.iter().map(Outline::of).collect(),
                reports,
            },
            Reports::Lazy(models) => Store::Lazy {
                one: (0..models.len()).map(|_| OnceLock::new()).collect(),
                models,
                every: OnceLock::new(),
            },
        };
        let count = match &store {
            Store::Decoded { reports, .. } => reports.len(),
            Store::Lazy { models, .. } => models.len(),
        };
        Library {
            store,
            index: (0..count).map(|_| OnceLock::new()).collect(),
            failures: Mutex::new(Vec::new()),
        }
    }

    pub fn len(&self) -> usize {
        self.index.len()
    }

    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// Report `r`, decoded now if this is its first read.
    pub fn get(&self, r: usize) -> Option<&Report> {
        match &self.store {
            Store::Decoded { reports, .. } => reports.get(r),
            Store::Lazy {
                models, one, every, ..
            } => match every.get() {
                Some(all) => all.get(r),
                None => Some(one.get(r)?.get_or_init(|| self.readable(models.report(r)))),
            },
        }
    }

    /// Every report, in order, decoded now (on every core) if they were not yet.
    pub fn all(&self) -> &[Report] {
        match &self.store {
            Store::Decoded { reports, .. } => reports,
            Store::Lazy { models, every, .. } => {
                every.get_or_init(|| models.all().into_iter().map(|r| self.readable(r)).collect())
            }
        }
    }

    /// Make ready, on every core, the reports `wanted` (in any order, repeats allowed) and
    /// their lookup indexes, for work about to read them one by one: opening the hits of
    /// a search over 10,000 reports read up to 1,000 of them, each decoded in turn.
    pub fn prepare(&self, wanted: impl IntoIterator<Item = usize>) {
        let mut wanted: Vec<usize> = wanted.into_iter().collect();
        wanted.sort_unstable();
        wanted.dedup();
        // Those ready already cost nothing, and no thread is started for none.
        wanted.retain(|&r| self.index.get(r).is_some_and(|i| i.get().is_none()));
        crate::parallel::map(&wanted, |_, &r| {
            self.index(r);
        });
    }

    /// `f` over every report, on every core (each decoded first, as `all` does).
    pub fn map_each<R: Send>(&self, f: impl Fn(usize, &Report) -> R + Sync) -> Vec<R> {
        crate::parallel::map(self.all(), f)
    }

    /// Report `r`'s outline: what the tree lists of it before its content is read.
    pub fn outline(&self, r: usize) -> Option<&Outline> {
        match &self.store {
            Store::Decoded { outlines, .. } => outlines.get(r),
            Store::Lazy { models, .. } => models.outline(r),
        }
    }

    /// The messages of reports that could not be read since the last call.
    pub fn take_failures(&self) -> Vec<String> {
        self.failures
            .lock()
            .map(|mut f| std::mem::take(&mut *f))
            .unwrap_or_default()
    }

    /// A report as decoded, or, when its record is damaged, an empty report titled with
    /// the error, so the tree and panes say what happened in its place.
    fn readable(&self, decoded: crate::Result<Report>) -> Report {
        decoded.unwrap_or_else(|e| {
            let message = crate::sanitize::one_line(&e.to_string());
            if let Ok(mut f) = self.failures.lock() {
                f.push(message.clone());
            }
            unreadable(message)
        })
    }

    /// Report `r`'s index, built now if this is its first lookup.
    fn index(&self, r: usize) -> Option<&ReportIndex> {
        let report = self.get(r)?;
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
        let (Some(report), Some(at)) = (self.get(r), self.at(r, id)) else {
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
        let report = self.get(r)?;
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
        let report = self.get(r)?;
        let (path, _) = self.index(r)?.paragraphs.get(pid)?;
        walk(report, path).pop().map(|s| s.id.as_str())
    }

    fn at(&self, r: usize, id: &str) -> Option<&SectionAt> {
        self.index(r)?.sections.get(id)
    }
}

/// The stand-in for a report that could not be read: no content, the error as its title.
fn unreadable(message: String) -> Report {
    Report {
        title: message,
        title_supplied: true,
        issuers: Vec::new(),
        date: None,
        date_text: None,
        addressee: None,
        closing: None,
        encoding: String::new(),
        preamble: String::new(),
        intro: Vec::new(),
        sections: Vec::new(),
        layout: crate::model::Layout::default(),
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
        let first = !self.sections.contains_key(s.id.as_str());
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
