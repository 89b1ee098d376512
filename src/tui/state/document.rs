//! The detail pane's content for one node: text blocks, the measures and statistics one can
//! step through (targets), and the wrapped lines, all computed outside rendering.

use super::library::Library;
use super::tree::NodeKey;
use crate::model::{Paragraph, Report, Section, Shared};
use crate::tui::wrap::wrap;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetKind {
    Measure,
    Statistic,
}

/// A measure or statistic by id: what search hits and the cursor point at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetRef {
    pub kind: TargetKind,
    pub id: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub text: Shared,
    pub heading: bool,
    /// Byte ranges of statistics in `text`, for inline highlighting, in ascending order
    /// (drawing a line binary-searches them).
    pub statistics: Vec<Range<usize>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub what: TargetRef,
    /// A statistic's label (`执法记录仪等执法设备`); empty for a sentence.
    pub label: String,
    /// Section id holding it, or `"intro"`.
    pub node: String,
    pub block: usize,
    pub range: Range<usize>,
    /// Lines (into `Doc::lines`) the target covers in the text.
    pub lines: Range<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum DocLine {
    Text {
        block: usize,
        range: Range<usize>,
    },
    Blank,
    /// The heading of the statistics table under the text.
    TableHeader,
    /// A row of that table: the index of the statistic's target.
    TableRow(usize),
}

/// The widest the figures table's value column gets (`约154.16万元` is 12 cells).
const VALUE_COLS_MAX: usize = 14;

#[derive(Debug, Clone, PartialEq)]
pub struct Doc {
    pub key: NodeKey,
    pub width: usize,
    pub blocks: Vec<Block>,
    pub targets: Vec<Target>,
    pub lines: Vec<DocLine>,
    /// Rows of the figures table, and the width of its value column, worked out with the
    /// layout rather than on every frame (a node can hold hundreds of thousands).
    pub figures: usize,
    pub value_cols: usize,
}

impl Doc {
    /// The content of `key`, wrapped to `width` cells.
    pub fn build(reports: &Library, key: &NodeKey, width: usize) -> Doc {
        let mut doc = Doc {
            key: key.clone(),
            width,
            blocks: Vec::new(),
            targets: Vec::new(),
            lines: Vec::new(),
            figures: 0,
            value_cols: 0,
        };
        if let Some(report) = reports.get(key.report()) {
            doc.fill(reports, report, key);
        }
        doc.layout(width);
        doc
    }

    /// Index of the target `what`, if this node shows it.
    pub fn find(&self, what: &TargetRef) -> Option<usize> {
        self.targets.iter().position(|t| t.what == *what)
    }

    fn fill(&mut self, reports: &Library, report: &Report, key: &NodeKey) {
        let r = key.report();
        match key {
            NodeKey::Report(_) => {
                self.text(&report.title, true);
                if !report.preamble.is_empty() {
                    self.text(&report.preamble, false);
                }
            }
            NodeKey::Intro(_) => report.intro.iter().for_each(|p| self.paragraph("intro", p)),
            NodeKey::Section(_, id) => {
                if let Some(s) = reports.section(r, id) {
                    self.section(s);
                }
            }
            NodeKey::Lead(_, pid) => {
                let node = reports.paragraph_section(r, pid).unwrap_or("intro");
                if let Some(p) = reports.paragraph(r, pid) {
                    self.paragraph(node, p);
                }
            }
            NodeKey::SignOff(_) => {
                let mut lines = report.issuers.clone();
                lines.extend(report.date_text.clone());
                self.text(&lines.join("\n"), false);
            }
        }
    }

    fn section(&mut self, s: &Section) {
        self.text(&s.heading, true);
        s.paragraphs.iter().for_each(|p| self.paragraph(&s.id, p));
        s.subsections.iter().for_each(|c| self.section(c));
    }

    fn text(&mut self, text: &str, heading: bool) {
        self.blocks.push(Block {
            text: Shared::from(text),
            heading,
            statistics: Vec::new(),
        });
    }

    /// A paragraph block, with one target per sentence followed by that sentence's figures.
    fn paragraph(&mut self, node: &str, p: &Paragraph) {
        let block = self.blocks.len();
        let valid = |r: &Range<usize>| p.text.get(r.clone()).is_some();
        let stat_range = |s: &crate::model::Statistic| s.offset..s.offset + s.display.len();
        // Figures no sentence claims are highlighted in the text but are not targets.
        let (sentences, _) = p.statistics_by_measure();
        let mut start = 0;
        for (m, statistics) in sentences {
            let range = start..start + m.text.len();
            start = range.end;
            if valid(&range) {
                self.push_target(TargetKind::Measure, &m.id, "", node, block, range);
            }
            for s in statistics {
                if valid(&stat_range(s)) {
                    let range = stat_range(s);
                    self.push_target(TargetKind::Statistic, &s.id, &s.label, node, block, range);
                }
            }
        }
        let mut statistics: Vec<Range<usize>> =
            p.statistics.iter().map(stat_range).filter(valid).collect();
        statistics.sort_by_key(|r| r.start);
        self.blocks.push(Block {
            text: p.text.clone(),
            heading: false,
            statistics,
        });
    }

    fn push_target(
        &mut self,
        kind: TargetKind,
        id: &str,
        label: &str,
        node: &str,
        block: usize,
        range: Range<usize>,
    ) {
        self.targets.push(Target {
            what: TargetRef {
                kind,
                id: id.to_string(),
            },
            label: label.to_string(),
            node: node.to_string(),
            block,
            range,
            lines: 0..0,
        });
    }

    /// Wrap every block and place the statistics table; records each target's lines.
    fn layout(&mut self, width: usize) {
        self.lines.clear();
        // Targets are pushed block by block, so each block's targets are the next run.
        let mut next_target = 0;
        for (i, b) in self.blocks.iter().enumerate() {
            // A heading sits right above its text; other blocks are set apart by a blank line.
            if i > 0 && (b.heading || !self.blocks[i - 1].heading) {
                self.lines.push(DocLine::Blank);
            }
            let first = self.lines.len();
            let ranges = wrap(&b.text, width, &b.statistics);
            let run = self.targets[next_target..]
                .iter()
                .take_while(|t| t.block == i)
                .count();
            for t in &mut self.targets[next_target..next_target + run] {
                // The line holding a byte (lines ascend: a binary search); a byte past
                // every line (an empty target at the end) belongs to the last line.
                let line_of = |at: usize| {
                    ranges
                        .partition_point(|r| r.end <= at)
                        .min(ranges.len().saturating_sub(1))
                };
                let a = line_of(t.range.start);
                let z = line_of(t.range.end.saturating_sub(1).max(t.range.start)).max(a);
                t.lines = first + a..first + z + 1;
            }
            next_target += run;
            self.lines.extend(
                ranges
                    .into_iter()
                    .map(|range| DocLine::Text { block: i, range }),
            );
        }
        let stats: Vec<usize> = (0..self.targets.len())
            .filter(|&t| self.targets[t].what.kind == TargetKind::Statistic)
            .collect();
        self.figures = stats.len();
        self.value_cols = stats
            .iter()
            .filter_map(|&t| {
                let x = &self.targets[t];
                self.blocks.get(x.block)?.text.get(x.range.clone())
            })
            .map(crate::tui::wrap::width)
            .max()
            .unwrap_or(0)
            .min(VALUE_COLS_MAX);
        if !stats.is_empty() {
            self.lines.push(DocLine::Blank);
            self.lines.push(DocLine::TableHeader);
            self.lines.extend(stats.into_iter().map(DocLine::TableRow));
        }
    }
}
