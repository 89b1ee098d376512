//! Wrapping the real report at every width from 13 to 120 cells: lines never start with
//! closing punctuation, figures are never split, nothing is lost; and random text never
//! breaks the width or loses a character.
#![cfg(feature = "tui")]
#![allow(clippy::unwrap_used)]

use proptest::prelude::*;
use report_tui::embedded;
use report_tui::tui::wrap::{width, wrap};

const CLOSING: &[char] = &[
    '，', '。', '、', '；', '：', '？', '！', '）', '》', '”', ',', ')', '.',
];

#[test]
fn the_report_wraps_cleanly_at_every_width() {
    let report = embedded::report().unwrap();
    for (_, p) in report.all_paragraphs() {
        let keep: Vec<_> = p
            .statistics
            .iter()
            .map(|s| s.offset..s.offset + s.display.len())
            .collect();
        // The narrowest text the app shows is 38 cells (a 40-column terminal); from 13 on
        // every unbreakable piece of this report (a figure with its comma, say) fits.
        for max in 13..=120 {
            let lines = wrap(&p.text, max, &keep);
            let texts: Vec<&str> = lines.iter().map(|r| &p.text[r.clone()]).collect();
            assert_eq!(texts.concat(), p.text, "{max}: text lost");
            for (i, l) in texts.iter().enumerate() {
                assert!(width(l) <= max, "{max}: {l:?} is too wide");
                if i > 0 {
                    assert!(
                        !l.starts_with(CLOSING),
                        "{max}: {l:?} starts with closing punctuation"
                    );
                }
            }
            for s in &p.statistics {
                if width(&s.display) <= max {
                    assert!(
                        lines
                            .iter()
                            .any(|r| r.start <= s.offset && s.offset + s.display.len() <= r.end),
                        "{max}: {} split",
                        s.display
                    );
                }
            }
        }
    }
}

proptest! {
    #[test]
    fn random_text_keeps_every_character_within_the_width(text in "[a-z0-9 ，。“”中文字\\n]{0,80}", max in 1usize..40) {
        let lines = wrap(&text, max, &[]);
        let joined: String = lines.iter().map(|r| &text[r.clone()]).collect();
        prop_assert_eq!(joined, text.replace('\n', ""));
        prop_assert!(lines.len() > text.matches('\n').count());
        for r in &lines {
            let l = &text[r.clone()];
            // A single wide character is wider than a one-cell line; nothing else may be.
            prop_assert!(width(l) <= max || l.chars().count() == 1, "{:?} wider than {}", l, max);
        }
    }
}
