//! Which figures each sentence of a paragraph holds: search items, the detail pane and
//! the finder list a sentence with its figures.

use super::{Measure, Paragraph, Statistic};
use std::collections::HashMap;

impl Paragraph {
    /// Each sentence with the figures it holds, in order, then the figures no sentence
    /// claims (possible in a model edited by hand). One pass: filtering every figure for
    /// every sentence is quadratic, and a hostile paragraph can hold hundreds of thousands
    /// of each. A figure goes with the first sentence of its id only.
    pub fn statistics_by_measure(&self) -> (Vec<(&Measure, Vec<&Statistic>)>, Vec<&Statistic>) {
        // A real paragraph has a few sentences and figures: finding each figure's sentence
        // by a scan beats hashing every id (3% of indexing 200 reports, callgrind).
        if self.measures.len().saturating_mul(self.statistics.len()) > 4096 {
            return self.statistics_by_measure_hashed();
        }
        let mut sentences: Vec<(&Measure, Vec<&Statistic>)> =
            self.measures.iter().map(|m| (m, Vec::new())).collect();
        let mut unclaimed = Vec::new();
        for s in &self.statistics {
            match self.measures.iter().position(|m| m.id == s.measure) {
                Some(i) => sentences[i].1.push(s),
                None => unclaimed.push(s),
            }
        }
        (sentences, unclaimed)
    }

    fn statistics_by_measure_hashed(&self) -> (Vec<(&Measure, Vec<&Statistic>)>, Vec<&Statistic>) {
        let mut by_measure: HashMap<&str, Vec<&Statistic>> = HashMap::new();
        for s in &self.statistics {
            by_measure.entry(s.measure.as_str()).or_default().push(s);
        }
        let sentences = self
            .measures
            .iter()
            .map(|m| (m, by_measure.remove(m.id.as_str()).unwrap_or_default()))
            .collect();
        let unclaimed = self
            .statistics
            .iter()
            .filter(|s| by_measure.contains_key(s.measure.as_str()))
            .collect();
        (sentences, unclaimed)
    }
}

#[cfg(test)]
mod tests {
    use crate::embedded;

    fn with_figures_in_several_sentences() -> super::Paragraph {
        let r = embedded::report().expect("the embedded report parses");
        let (_, p) = r
            .all_paragraphs()
            .into_iter()
            .find(|(_, p)| p.statistics.len() > 1 && p.measures.len() > 1)
            .expect("a paragraph with figures in several sentences");
        p.clone()
    }

    #[test]
    fn figures_go_with_their_sentence_and_the_unclaimed_come_last() {
        let mut p = with_figures_in_several_sentences();
        let (sentences, unclaimed) = p.statistics_by_measure();
        let claimed: usize = sentences.iter().map(|(_, s)| s.len()).sum();
        assert_eq!((claimed, unclaimed.len()), (p.statistics.len(), 0));
        for (m, statistics) in &sentences {
            assert!(statistics
                .iter()
                .all(|s| s.measure == m.id && m.text.contains(s.display.as_str())));
        }
        p.statistics[0].measure = "nowhere".into();
        let (_, unclaimed) = p.statistics_by_measure();
        assert_eq!(unclaimed.len(), 1);
        assert_eq!(unclaimed[0].id, p.statistics[0].id);
    }

    /// The scan for small paragraphs and the hashed pass for large ones agree, with ids
    /// repeated, missing and out of order (as a model edited by hand can have them).
    #[test]
    fn both_ways_of_pairing_figures_with_sentences_agree() {
        use proptest::prelude::*;
        let p = with_figures_in_several_sentences();
        let ids = || prop::collection::vec(0..6usize, 1..8);
        proptest!(|(measures in ids(), statistics in ids())| {
            let mut p = p.clone();
            p.measures = measures.iter().map(|&i| super::Measure {
                id: format!("m{i}").into(),
                text: p.measures[0].text.clone(),
            }).collect();
            p.statistics = statistics.iter().enumerate().map(|(k, &i)| super::Statistic {
                id: format!("s{k}").into(),
                measure: format!("m{i}").into(),
                ..p.statistics[0].clone()
            }).collect();
            let ids = |(s, u): (Vec<(&super::Measure, Vec<&super::Statistic>)>, Vec<&super::Statistic>)| {
                let s: Vec<_> = s.iter().map(|(m, st)| (m.id.clone(), st.iter().map(|x| x.id.clone()).collect::<Vec<_>>())).collect();
                (s, u.iter().map(|x| x.id.clone()).collect::<Vec<_>>())
            };
            prop_assert_eq!(ids(p.statistics_by_measure()), ids(p.statistics_by_measure_hashed()));
        });
    }
}
