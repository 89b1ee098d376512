//! The fast paths of the alignment against the plain code they replaced, on random small
//! sets of reports: the merge (groups kept by class, not pair by pair) and each cell's
//! confidence (alike figures taken a kind at a time). The gate's table is checked the
//! same way in `pairing`.

use proptest::prelude::*;

use super::aliases::{Aliases, FigureRef, Rule};
use super::features::{self, Figure};
use super::pairing::Scorer;
use super::words::Words;
use super::{merge, rows};
use crate::model::{Change, Paragraph, Report, Section};

/// A small deterministic generator, so a failing seed replays.
pub(super) struct Rng(pub u64);

impl Rng {
    pub fn below(&mut self, n: usize) -> usize {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n.max(1)
    }
}

/// Every paragraph of a report, to change its figures.
fn each_paragraph(report: &mut Report, f: &mut dyn FnMut(&mut Paragraph)) {
    fn walk(sections: &mut [Section], f: &mut dyn FnMut(&mut Paragraph)) {
        for s in sections {
            s.paragraphs.iter_mut().for_each(&mut *f);
            walk(&mut s.subsections, f);
        }
    }
    report.intro.iter_mut().for_each(&mut *f);
    walk(&mut report.sections, f);
}

/// Variants of the embedded report (some repeated, so alike figures meet), some figures
/// relabelled, given other units or made changes, some dropped; and a few alias rules
/// by label, so pins and splits meet the classes.
pub(super) fn random_reports(seed: u64) -> (Vec<Report>, Aliases) {
    let mut rng = Rng(seed | 1);
    let base = crate::embedded::report().expect("embedded report");
    let labels: Vec<String> = base
        .all_statistics()
        .iter()
        .map(|(_, s)| s.label.to_string())
        .collect();
    const UNITS: [&str; 8] = ["件", "宗", "人", "人次", "万元", "亿元", "%", "个"];
    let n = 2 + rng.below(6);
    let mut reports = Vec::new();
    for _ in 0..n {
        let mut r = crate::search::corpus::variant(&base, rng.below(6) * 16 + rng.below(3));
        if rng.below(3) > 0 {
            each_paragraph(&mut r, &mut |p| {
                p.statistics.retain_mut(|s| {
                    match rng.below(24) {
                        0 => s.label = labels[rng.below(labels.len())].as_str().into(),
                        1 | 2 => {
                            s.unit = UNITS[rng.below(UNITS.len())].into();
                            s.base = None;
                        }
                        3 => s.change = [None, Some(Change::Up), Some(Change::Down)][rng.below(3)],
                        4 => return false,
                        _ => {}
                    }
                    true
                })
            });
        }
        reports.push(r);
    }
    let mut rules = Vec::new();
    for _ in 0..rng.below(4) {
        let same = rng.below(2) == 0;
        let mut pick = || FigureRef {
            report: None,
            name: labels[rng.below(labels.len())].clone(),
        };
        let (x, y) = (pick(), pick());
        rules.push(if same {
            Rule::Same(vec![x, y])
        } else {
            Rule::Apart(x, y)
        });
    }
    (reports, Aliases { rules })
}

/// The merge as it was: every pair of members of the two groups tested at each join.
fn plain_merge(scorer: &Scorer, count: usize, edges: &[(usize, usize, f64)]) -> Vec<Vec<usize>> {
    let mut group: Vec<usize> = (0..count).collect();
    let mut members: Vec<Vec<usize>> = (0..count).map(|f| vec![f]).collect();
    let figures = scorer.figures;
    for &(a, b, _) in edges {
        let (ga, gb) = (group[a], group[b]);
        if ga == gb {
            continue;
        }
        let clash = members[ga].iter().any(|&x| {
            members[gb]
                .iter()
                .any(|&y| figures[x].report == figures[y].report || scorer.gate(x, y).is_none())
        });
        if clash {
            continue;
        }
        let moved = std::mem::take(&mut members[gb]);
        for &f in &moved {
            group[f] = ga;
        }
        members[ga].extend(moved);
    }
    members
        .into_iter()
        .filter(|m| !m.is_empty())
        .map(|mut m| {
            m.sort_unstable();
            m
        })
        .collect()
}

/// A cell's confidence as it was: a score against every other member (or every figure
/// of another report, for a figure alone).
fn plain_confidence(figures: &[Figure], scorer: &Scorer, members: &[usize], f: usize) -> f64 {
    let best = |candidates: &mut dyn Iterator<Item = usize>| {
        candidates
            .filter_map(|g| scorer.score(f, g))
            .fold(0.0_f64, f64::max)
    };
    let c = if members.len() > 1 {
        best(&mut members.iter().copied().filter(|&g| g != f)).min(1.0)
    } else {
        1.0 - best(&mut (0..figures.len()).filter(|&g| figures[g].report != figures[f].report))
    };
    (c.clamp(0.0, 1.0) * 100.0).round() / 100.0
}

/// Both merges and both confidences on one random set; edges as the assignments make
/// them, then random pairs in random order (groups of mixed classes and pins).
fn check(seed: u64) -> Result<(), TestCaseError> {
    let (reports, aliases) = random_reports(seed);
    let words = Words::builtin();
    let figures = features::figures(&reports, &words);
    let scorer = Scorer::new(&words, &figures, &reports, &aliases);
    let columns = super::column_order(&reports);
    let edges = super::edges(&scorer, reports.len(), &columns);
    let groups = merge::merge(&scorer, figures.len(), &edges);
    prop_assert_eq!(&groups, &plain_merge(&scorer, figures.len(), &edges));
    let signatures = rows::signatures(&figures, &scorer);
    let same_confidences = |groups: &[Vec<usize>]| -> Result<(), TestCaseError> {
        for members in groups {
            let plain: Vec<f64> = members
                .iter()
                .map(|&f| plain_confidence(&figures, &scorer, members, f))
                .collect();
            prop_assert_eq!(rows::confidences(&scorer, members, &signatures), plain);
        }
        Ok(())
    };
    same_confidences(&groups)?;
    let mut rng = Rng(seed ^ 0x9E37_79B9_7F4A_7C15);
    let mut random = Vec::new();
    for a in 0..figures.len() {
        for b in a + 1..figures.len() {
            if figures[a].report != figures[b].report && rng.below(3) == 0 {
                random.push((a, b, 0.0));
            }
        }
    }
    for i in (1..random.len()).rev() {
        random.swap(i, rng.below(i + 1));
    }
    let groups = merge::merge(&scorer, figures.len(), &random);
    prop_assert_eq!(&groups, &plain_merge(&scorer, figures.len(), &random));
    same_confidences(&groups)?;
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    #[test]
    fn fast_merge_and_confidence_equal_the_plain_ones(seed in any::<u64>()) {
        check(seed)?;
    }
}
