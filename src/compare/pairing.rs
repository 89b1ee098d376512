//! How alike two figures of two reports are, and which pairs are made: one assignment
//! (Kuhn–Munkres) per pair of reports, so each figure pairs at most once per report and
//! the best whole matching wins, not the first come.

use std::collections::{HashMap, HashSet};

use pathfinding::prelude::{kuhn_munkres, Matrix};

use super::aliases::{Aliases, Rule};
use super::features::Figure;
use super::unit_match;
use super::words::{Tag, Words};
use crate::model::Report;

/// Score of a pinned pair: above any computed one, so an assignment always keeps it.
pub const PINNED: f64 = 2.0;
/// Below this, two figures are not the same indicator. Chosen on our fixtures so that a
/// shared verb and unit alone (开展…场 vs 开展…场) stay below it.
pub const THRESHOLD: f64 = 0.3;
/// A look-alike word on one side only (新增 法律顾问 vs 法律顾问): likely, not certain.
const ONE_SIDED: f64 = 0.85;
/// Weight of the label against the context (headings and the rest of the sentence).
const LABEL_WEIGHT: f64 = 0.8;
/// Most gate classes kept as a table (4,096² entries of 16 bytes: 256 MB would be too
/// many; 1,024² is 16 MB). The fixtures and generated corpora have well under 200.
const MAX_CLASSES: usize = 1024;

pub struct Scorer<'a> {
    pub words: &'a Words,
    pub figures: &'a [Figure<'a>],
    pins: HashSet<(usize, usize)>,
    apart: HashSet<(usize, usize)>,
    /// Each figure's gate class: figures with one (change, base unit, tags) pass or
    /// fail the gate alike against any other figure, so it is worked out once per pair
    /// of classes (a few hundred) instead of once per pair of figures (millions).
    pub class: Vec<u32>,
    /// Whether a figure is named by an alias rule: only pairs of two such figures can
    /// be pinned or kept apart, so only they need the rule sets.
    pub special: Vec<bool>,
    /// `table[c * classes + d]`: the gate of classes `c` and `d` (`None` when never).
    table: Vec<Option<f64>>,
    classes: usize,
}

fn key(a: usize, b: usize) -> (usize, usize) {
    (a.min(b), a.max(b))
}

impl<'a> Scorer<'a> {
    pub fn new(
        words: &'a Words,
        figures: &'a [Figure<'a>],
        reports: &[Report],
        aliases: &Aliases,
    ) -> Scorer<'a> {
        let mut s = Scorer {
            words,
            figures,
            pins: HashSet::new(),
            apart: HashSet::new(),
            class: Vec::new(),
            special: vec![false; figures.len()],
            table: Vec::new(),
            classes: 0,
        };
        let matching = |r: &super::aliases::FigureRef| -> Vec<usize> {
            (0..figures.len())
                .filter(|&i| r.matches(&reports[figures[i].report], figures[i].stat))
                .collect()
        };
        for rule in &aliases.rules {
            match rule {
                Rule::Same(refs) => {
                    let all: Vec<usize> = refs.iter().flat_map(matching).collect();
                    for &a in &all {
                        s.special[a] = true;
                    }
                    for &a in &all {
                        for &b in &all {
                            if figures[a].report != figures[b].report {
                                s.pins.insert(key(a, b));
                            }
                        }
                    }
                }
                Rule::Apart(x, y) => {
                    let (xs, ys) = (matching(x), matching(y));
                    for &a in xs.iter().chain(&ys) {
                        s.special[a] = true;
                    }
                    for &a in &xs {
                        for &b in &ys {
                            s.apart.insert(key(a, b));
                        }
                    }
                }
            }
        }
        s.classify();
        s
    }

    /// Give each figure its gate class and work out the gate of every pair of classes.
    fn classify(&mut self) {
        let mut ids: HashMap<(usize, &str, &[Tag]), u32> = HashMap::new();
        let mut first: Vec<usize> = Vec::new();
        // The model's `Change` has no hash: its few values are numbered by first sight.
        let mut changes: Vec<Option<crate::model::Change>> = Vec::new();
        self.class = self
            .figures
            .iter()
            .enumerate()
            .map(|(f, x)| {
                let next = ids.len() as u32;
                let unit = unit_match::base(x.stat).1;
                let change = match changes.iter().position(|c| *c == x.stat.change) {
                    Some(at) => at,
                    None => {
                        changes.push(x.stat.change);
                        changes.len() - 1
                    }
                };
                *ids.entry((change, unit, &x.tags)).or_insert_with(|| {
                    first.push(f);
                    next
                })
            })
            .collect();
        let n = first.len();
        // Past this many classes the table would outgrow what it saves; then each pair
        // of figures is gated as before.
        if n > MAX_CLASSES {
            return;
        }
        self.classes = n;
        self.table = Vec::with_capacity(n * n);
        for &a in &first {
            for &b in &first {
                let gate = self.class_gate(a, b);
                self.table.push(gate);
            }
        }
    }

    /// The gate of `a` and `b` by their classes alone: change, unit and look-alikes.
    fn class_gate(&self, a: usize, b: usize) -> Option<f64> {
        let (x, y) = (&self.figures[a], &self.figures[b]);
        // A change (`同比增长12%`) never pairs with a level (`办结率12%`).
        if x.stat.change != y.stat.change {
            return None;
        }
        let unit = unit_match::compatibility(self.words, x.stat, y.stat)?;
        let tags = self.tag_factor(&x.tags, &y.tags)?;
        Some(unit * tags)
    }

    /// The gate of two classes (see `class`), for figures no alias rule names.
    pub fn classes_gate(&self, c: u32, d: u32, a: usize, b: usize) -> Option<f64> {
        if self.classes == 0 {
            return self.class_gate(a, b);
        }
        self.table[c as usize * self.classes + d as usize]
    }

    /// How likely figures `a` and `b` (indices into `figures`) count the same thing;
    /// `None` when they never can (same report, other unit, look-alike words, split).
    pub fn score(&self, a: usize, b: usize) -> Option<f64> {
        let factor = self.gate(a, b)?;
        if factor == PINNED {
            return Some(PINNED);
        }
        let (x, y) = (&self.figures[a], &self.figures[b]);
        let label = x.label.overlap(&y.label);
        let context = x.context.overlap(&y.context);
        Some((LABEL_WEIGHT * label + (1.0 - LABEL_WEIGHT) * context) * factor)
    }

    /// Whether `a` and `b` may pair at all, without weighing their words: `None` when
    /// never, `PINNED` when pinned, else the unit and look-alike factor of their score.
    pub fn gate(&self, a: usize, b: usize) -> Option<f64> {
        let (x, y) = (&self.figures[a], &self.figures[b]);
        if x.report == y.report {
            return None;
        }
        if self.special[a] && self.special[b] {
            if self.apart.contains(&key(a, b)) {
                return None;
            }
            if self.pins.contains(&key(a, b)) {
                return Some(PINNED);
            }
        }
        self.classes_gate(self.class[a], self.class[b], a, b)
    }

    /// 1 when the look-alike words agree; `None` when they contradict (受理 vs 办结);
    /// weaker when a word is on one side only, `None` for strict groups (增长).
    fn tag_factor(&self, a: &[Tag], b: &[Tag]) -> Option<f64> {
        if a == b {
            return Some(1.0);
        }
        let mut factor = 1.0;
        // Tags are few and sorted: their groups, without a hash set (this runs for every
        // pair of figures).
        let mut groups: Vec<u16> = a.iter().chain(b).map(|t| t.group).collect();
        groups.sort_unstable();
        groups.dedup();
        for g in groups {
            let sides = |tags: &[Tag]| -> Vec<u16> {
                tags.iter()
                    .filter(|t| t.group == g)
                    .map(|t| t.side)
                    .collect()
            };
            let (sa, sb) = (sides(a), sides(b));
            if sa == sb {
                continue;
            }
            if !sa.is_empty() && !sb.is_empty() && !sa.iter().any(|s| sb.contains(s)) {
                return None;
            }
            if self.words.strict.get(g as usize).copied().unwrap_or(false) {
                return None;
            }
            // A subject named on one side only (`行政复议案件` vs `复议案件`) is no sign
            // of a different figure: subjects only keep apart when they contradict.
            if self
                .words
                .from_sentence
                .get(g as usize)
                .copied()
                .unwrap_or(false)
            {
                continue;
            }
            factor *= ONE_SIDED;
        }
        Some(factor)
    }

    /// The pairs one assignment makes between reports `p` and `q`, with their scores.
    pub fn assign(&self, p: &[usize], q: &[usize]) -> Vec<(usize, usize, f64)> {
        if p.is_empty() || q.is_empty() {
            return Vec::new();
        }
        // kuhn_munkres wants no more rows than columns.
        let (rows, cols, flipped) = if p.len() <= q.len() {
            (p, q, false)
        } else {
            (q, p, true)
        };
        let scores: Vec<Vec<Option<f64>>> = rows
            .iter()
            .map(|&a| cols.iter().map(|&b| self.score(a, b)).collect())
            .collect();
        let weight = |s: Option<f64>| match s {
            Some(s) if s >= THRESHOLD => (s * 1000.0).round() as i64,
            _ => 0,
        };
        let matrix = Matrix::from_fn(rows.len(), cols.len(), |(i, j)| weight(scores[i][j]));
        let (_, assignment) = kuhn_munkres(&matrix);
        assignment
            .into_iter()
            .enumerate()
            .filter_map(|(i, j)| {
                let s = scores[i][j].filter(|s| *s >= THRESHOLD)?;
                let (a, b) = (rows[i], cols[j]);
                Some(if flipped { (b, a, s) } else { (a, b, s) })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The gate as it was, every step for every pair: the class table must agree.
    fn plain_gate(s: &Scorer, a: usize, b: usize) -> Option<f64> {
        let (x, y) = (&s.figures[a], &s.figures[b]);
        if x.report == y.report || s.apart.contains(&key(a, b)) {
            return None;
        }
        if s.pins.contains(&key(a, b)) {
            return Some(PINNED);
        }
        if x.stat.change != y.stat.change {
            return None;
        }
        let unit = unit_match::compatibility(s.words, x.stat, y.stat)?;
        let tags = s.tag_factor(&x.tags, &y.tags)?;
        Some(unit * tags)
    }

    #[test]
    fn the_class_table_gates_every_pair_as_the_plain_gate() {
        let words = Words::builtin();
        for seed in 1..12 {
            let (reports, aliases) = super::super::differential::random_reports(seed * 7919);
            let figures = super::super::features::figures(&reports, &words);
            let s = Scorer::new(&words, &figures, &reports, &aliases);
            for a in 0..figures.len() {
                for b in 0..figures.len() {
                    let bits = |g: Option<f64>| g.map(f64::to_bits);
                    assert_eq!(bits(s.gate(a, b)), bits(plain_gate(&s, a, b)), "{a} {b}");
                }
            }
        }
    }
}
