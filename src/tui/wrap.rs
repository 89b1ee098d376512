//! Line wrapping for Chinese text: UAX #14 break opportunities, minus those inside figures.
//!
//! ratatui's `Wrap` breaks only at spaces, which cuts unspaced Chinese mid-word and
//! starts lines with `，` or `）`. We wrap ourselves and render the lines unwrapped; the
//! byte ranges we return also give the line counts that scrolling needs.

use std::ops::Range;
use unicode_width::UnicodeWidthChar;

/// Display width of a string in terminal cells (control characters count as zero).
pub fn width(s: &str) -> usize {
    s.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// Split `text` into lines at most `max` cells wide, as byte ranges into `text`.
///
/// Breaks only where UAX #14 allows (between ideographs, never before closing
/// punctuation) and never strictly inside a `keep` range, so a figure like `143.4万元`
/// stays on one line. A piece wider than `max` on its own is cut between characters:
/// that is the only case where the rules above give way. `\n` forces a break and is
/// not part of any line. An empty text gives one empty line.
pub fn wrap(text: &str, max: usize, keep: &[Range<usize>]) -> Vec<Range<usize>> {
    let max = max.max(1);
    let mut lines = Vec::new();
    let mut start = 0;
    for piece in text.split('\n') {
        wrap_hard_line(text, start..start + piece.len(), max, keep, &mut lines);
        start += piece.len() + 1;
    }
    lines
}

fn wrap_hard_line(
    text: &str,
    span: Range<usize>,
    max: usize,
    keep: &[Range<usize>],
    lines: &mut Vec<Range<usize>>,
) {
    let line = &text[span.clone()];
    if line.is_empty() {
        lines.push(span.start..span.start);
        return;
    }
    // Break positions (absolute byte offsets) that split no figure. The last one is the
    // end of the line, which unicode-linebreak always reports. Breaks and kept ranges
    // both ascend, so one pointer walks the ranges: linear even for a paragraph of
    // megabytes holding many thousands of figures (checking every range at every break
    // stalled the app for minutes on such a file).
    let mut kept: Vec<&Range<usize>> = keep.iter().filter(|k| k.end > span.start).collect();
    kept.sort_by_key(|k| k.start);
    let mut next = 0;
    let breaks = unicode_linebreak::linebreaks(line)
        .map(|(at, _)| span.start + at)
        .filter(move |&at| {
            while next < kept.len() && kept[next].end <= at {
                next += 1;
            }
            // Ranges do not overlap (figures), so only the first unfinished one can hold `at`.
            !kept.get(next).is_some_and(|k| k.start < at && at < k.end)
        });

    let mut line_start = span.start;
    let mut line_width = 0;
    let mut seg_start = span.start;
    for seg_end in breaks {
        let seg_width = width(&text[seg_start..seg_end]);
        if line_width + seg_width <= max {
            line_width += seg_width;
        } else {
            if line_width > 0 {
                lines.push(line_start..seg_start);
                line_start = seg_start;
                line_width = 0;
            }
            // The segment may still be too wide for an empty line: cut it by characters.
            for (i, c) in text[seg_start..seg_end].char_indices() {
                let w = c.width().unwrap_or(0);
                if line_width + w > max && line_width > 0 {
                    lines.push(line_start..seg_start + i);
                    line_start = seg_start + i;
                    line_width = 0;
                }
                line_width += w;
            }
        }
        seg_start = seg_end;
    }
    lines.push(line_start..span.end);
}

/// Cut `s` to at most `max` cells, ending in `..` when something was cut.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    let room = max.saturating_sub(2);
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > room {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push_str(&".."[..max.min(2)]);
    out
}

/// Pad `s` with spaces on the right to exactly `cols` cells (truncating first if needed).
pub fn pad(s: &str, cols: usize) -> String {
    let mut out = truncate(s, cols);
    let w = width(&out);
    out.extend(std::iter::repeat_n(' ', cols.saturating_sub(w)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines<'a>(text: &'a str, max: usize, keep: &[Range<usize>]) -> Vec<&'a str> {
        wrap(text, max, keep)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn breaks_between_ideographs_and_keeps_commas_off_line_starts() {
        let got = lines("接受群众咨询718人次，审查合同37份。", 10, &[]);
        assert!(got.iter().all(|l| width(l) <= 10), "{got:?}");
        assert!(got.iter().skip(1).all(|l| !l.starts_with('，')), "{got:?}");
        assert_eq!(got.concat(), "接受群众咨询718人次，审查合同37份。");
    }

    #[test]
    fn a_kept_range_is_never_split() {
        let text = "投入人才补助经费约143.4万元，为计生";
        let at = text.find("143.4万元").unwrap();
        let figure = at..at + "143.4万元".len();
        let keep = std::slice::from_ref(&figure);
        // From 9 cells the figure (9 cells) fits on a line; below that it must be cut.
        for max in 9..30 {
            let got = lines(text, max, keep);
            assert!(
                got.iter().any(|l| l.contains("143.4万元")),
                "{max}: {got:?}"
            );
        }
    }

    #[test]
    fn quotes_stay_with_what_they_quote() {
        // UAX #14 keeps quotes to their neighbours (LB19), so 设“积 is one piece: from
        // 6 cells on, no line ends with “ or starts with ”.
        let text = "开设“积分入户”“积分入学”等工作窗口";
        for max in 6..20 {
            for l in lines(text, max, &[]) {
                assert!(!l.ends_with('“') && !l.starts_with('”'), "{max}: {l:?}");
            }
        }
    }

    #[test]
    fn newlines_force_breaks_and_empty_text_is_one_line() {
        assert_eq!(lines("甲\n\n乙", 10, &[]), vec!["甲", "", "乙"]);
        assert_eq!(wrap("", 10, &[]), vec![0..0]);
    }

    #[test]
    fn too_narrow_cuts_by_character() {
        assert_eq!(lines("一二三", 1, &[]), vec!["一", "二", "三"]);
    }

    #[test]
    fn truncate_and_pad_count_cells() {
        assert_eq!(truncate("执法记录仪", 6), "执法..");
        assert_eq!(truncate("abc", 3), "abc");
        assert_eq!(truncate("abcdef", 1), ".");
        assert_eq!(pad("执法", 6), "执法  ");
    }
}
