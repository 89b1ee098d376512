//! What the comparison knows of each statistic: its label's words, its context's words
//! (section titles, the sentence around it), its look-alike words and its unit; words
//! weighted by how rare they are among the open reports, so 开展 counts less than 复议.

use std::collections::HashMap;

use super::mix::MixState;
use super::words::{is_single, Tag, WordKey, Words};
use crate::identity::Identity;
use crate::model::{Report, Statistic};

/// A bag of words: (word id, weight), sorted by id; `total` is the sum of weights.
#[derive(Debug, Clone, Default)]
pub struct Bag {
    pub items: Vec<(u32, f64)>,
    pub total: f64,
}

impl Bag {
    /// Weighted Dice overlap in [0, 1].
    pub fn overlap(&self, other: &Bag) -> f64 {
        if self.total == 0.0 || other.total == 0.0 {
            return 0.0;
        }
        let (mut i, mut j, mut common) = (0, 0, 0.0);
        while i < self.items.len() && j < other.items.len() {
            let (a, b) = (self.items[i], other.items[j]);
            match a.0.cmp(&b.0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    common += a.1.min(b.1);
                    i += 1;
                    j += 1;
                }
            }
        }
        2.0 * common / (self.total + other.total)
    }
}

/// The lead's words weigh together at most this share of the label's.
const LEAD_SHARE: f64 = 0.35;
/// A label weighs at least this much for the cap, so an elliptical label (`累计达`)
/// can lean on its lead (`新增持证执法人员4人，`) for what it counts.
const MIN_OWN: f64 = 8.0;

/// Word ids with a weight factor each (see `Interner`).
type Weighted = Vec<(u32, f64)>;

/// A statistic before its words are weighted: report, index, label, context, tags.
type Raw<'a> = (usize, usize, &'a Statistic, Weighted, Weighted, Vec<Tag>);

/// One statistic of one open report, ready to compare.
#[derive(Debug, Clone)]
pub struct Figure<'a> {
    pub report: usize,
    /// Position in `report.all_statistics()`.
    pub index: usize,
    pub stat: &'a Statistic,
    pub label: Bag,
    pub context: Bag,
    pub tags: Vec<Tag>,
}

/// Words numbered in order of first sight; a word is hashed once where it is cut, not
/// again for its frequency and its weight.
#[derive(Default)]
struct Interner {
    ids: HashMap<WordKey, u32, MixState>,
    /// Per id: single characters (`·办`) weigh half.
    single: Vec<bool>,
}

impl Interner {
    fn id(&mut self, word: WordKey) -> u32 {
        let next = self.ids.len() as u32;
        let id = *self.ids.entry(word).or_insert(next);
        if id == next {
            self.single.push(is_single(word));
        }
        id
    }

    fn weighted(&mut self, words: Vec<WordKey>, factor: impl Fn(usize, usize) -> f64) -> Weighted {
        let n = words.len();
        words
            .into_iter()
            .enumerate()
            .map(|(i, w)| (self.id(w), factor(i, n)))
            .collect()
    }
}

/// Every statistic of every report, in report then document order.
pub fn figures<'a>(reports: &'a [Report], words: &Words) -> Vec<Figure<'a>> {
    // Cutting is each report's own work, done on every core; numbering the words
    // after, in report order, gives them the ids a single pass gives.
    let which: Vec<usize> = (0..reports.len()).collect();
    let cuts = crate::parallel::map(&which, |_, &r| cut(&reports[r], words));
    let mut raw: Vec<Raw> = Vec::new();
    let mut interner = Interner::default();
    for (r, cuts) in cuts.into_iter().enumerate() {
        for (index, (stat, head, lead, context, tags)) in cuts.into_iter().enumerate() {
            let mut label =
                interner.weighted(head, |i, n| 0.6 + 0.4 * (i + 1) as f64 / n.max(1) as f64);
            label.extend(interner.weighted(lead, |_, _| -1.0));
            let context = interner.weighted(context, |_, _| 1.0);
            raw.push((r, index, stat, label, context, tags));
        }
    }
    // Inverse document frequency over statistics, shared by labels and contexts.
    let mut df: Vec<f64> = vec![0.0; interner.single.len()];
    let mut seen: Vec<u32> = Vec::new();
    for (_, _, _, label, context, _) in &raw {
        seen.clear();
        seen.extend(label.iter().chain(context).map(|(w, _)| *w));
        seen.sort_unstable();
        seen.dedup();
        for &id in &seen {
            df[id as usize] += 1.0;
        }
    }
    let n = raw.len().max(1) as f64;
    let idf: Vec<f64> = df
        .iter()
        .zip(&interner.single)
        .map(|(df, single)| {
            let single = if *single { 0.5 } else { 1.0 };
            single * (1.0 + (n / df.max(1.0)).ln())
        })
        .collect();
    let bag = |list: &Weighted| -> Bag {
        // Words marked -1 (the lead) share a weight of at most LEAD_SHARE of the rest,
        // so they tell two bare `办结` apart without outweighing a label.
        let own: f64 = list
            .iter()
            .filter(|(_, f)| *f > 0.0)
            .map(|(w, f)| f * idf[*w as usize])
            .sum();
        let lead: f64 = list
            .iter()
            .filter(|(_, f)| *f < 0.0)
            .map(|(w, _)| idf[*w as usize])
            .sum();
        let lead_factor = if lead > 0.0 {
            (LEAD_SHARE * own.max(MIN_OWN) / lead).min(1.0)
        } else {
            0.0
        };
        let mut items: Vec<(u32, f64)> = list
            .iter()
            .map(|(w, factor)| {
                let factor = if *factor < 0.0 { lead_factor } else { *factor };
                (*w, factor * idf[*w as usize])
            })
            .collect();
        // Each word once, at its greatest weight, by id.
        items.sort_by_key(|(i, _)| *i);
        items.dedup_by(|later, kept| {
            let same = later.0 == kept.0;
            if same {
                kept.1 = kept.1.max(later.1);
            }
            same
        });
        let total = items.iter().map(|(_, w)| w).sum();
        Bag { items, total }
    };
    // Each statistic's words freed as its bags are made: both at once were half the
    // peak memory (10,000 reports: 2 GB).
    raw.into_iter()
        .map(|(report, index, stat, label, context, tags)| Figure {
            report,
            index,
            stat,
            label: bag(&label),
            context: bag(&context),
            tags,
        })
        .collect()
}

/// A statistic's words as cut: its label's (head, then the lead's) and its context's.
type Cut<'a> = (
    &'a Statistic,
    Vec<WordKey>,
    Vec<WordKey>,
    Vec<WordKey>,
    Vec<Tag>,
);

/// Every statistic of one report, cut into words, in document order.
fn cut<'a>(report: &'a Report, words: &Words) -> Vec<Cut<'a>> {
    let place = Identity::of(report).place;
    // The headings' words are cut once a paragraph: cutting `titles after` is cutting
    // each apart, since no lexicon word, filler or place (checked) holds the space
    // between them.
    let apart = !place.contains(char::is_whitespace);
    let mut out = Vec::new();
    for (node, paragraph) in report.all_paragraphs() {
        if paragraph.statistics.is_empty() {
            continue;
        }
        let titles: String = report
            .section_path(node)
            .iter()
            .map(|s| s.title.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let title_words = apart.then(|| words.words(&titles, &place));
        for stat in &paragraph.statistics {
            let sentence = paragraph
                .measures
                .iter()
                .find(|m| m.id == stat.measure)
                .map_or("", |m| m.text.as_str());
            // What is counted stands at the end of a label, right before the figure
            // (`…调解纠纷`, `…办结率`); modifiers come first and weigh less.
            let own = format!("{} {}", stat.label, before_figure(stat));
            let head = words.words(&own, &place);
            // A short label leans on the clauses before it in its sentence
            // (`受理行政复议申请11件，办结9件`): they count, marked to be capped.
            let (lead, after) = sentence
                .split_once(stat.quote.as_str())
                .unwrap_or(("", sentence));
            let context = match &title_words {
                Some(t) => {
                    let mut all = t.clone();
                    all.extend(words.words(after, &place));
                    all
                }
                None => words.words(&format!("{titles} {after}"), &place),
            };
            let tags = words.figure_tags(&own, lead);
            out.push((stat, head, words.words(lead, &place), context, tags));
        }
    }
    out
}

/// The part of the clause before the figure (`实际出庭数量` of `实际出庭数量6件`).
fn before_figure(stat: &Statistic) -> &str {
    stat.quote.split(stat.display.as_str()).next().unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_statistic_becomes_one_figure() {
        let r = crate::embedded::report().unwrap();
        let reports = vec![r];
        let figs = figures(&reports, &Words::builtin());
        assert_eq!(figs.len(), reports[0].all_statistics().len());
        let same = figs[0].label.overlap(&figs[0].label);
        assert!((same - 1.0).abs() < 1e-9);
    }
}
