//! Splits text into sentences (measures) and clauses (statistic quotes), bracket-aware.
//!
//! The source mixes full-width `。；“”《》（）` with half-width `; ( ) .`, so both count
//! everywhere. A terminator inside 《》“”() never splits: `《…(2015-2020年)》` stays whole.

mod punctuation;
use punctuation::next_punctuation;

/// Characters that end a sentence.
fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';')
}

/// Characters that end a clause (a sentence end, or a comma-like pause).
fn ends_clause(c: char) -> bool {
    ends_sentence(c) || matches!(c, '，' | ',' | '、' | '：' | ':')
}

fn opens(c: char) -> bool {
    matches!(c, '《' | '“' | '（' | '(' | '「' | '『' | '【' | '〈' | '‘')
}

fn closes(c: char) -> bool {
    matches!(c, '》' | '”' | '）' | ')' | '」' | '』' | '】' | '〉' | '’')
}

/// The character at byte `i` and its length. Only the bytes of a character's start are
/// read: `text` is valid UTF-8 and `i` is on a boundary.
#[inline]
fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes();
    let lead = b[i];
    if lead < 0x80 {
        return (char::from(lead), 1);
    }
    if (0xE0..0xF0).contains(&lead) && i + 2 < b.len() {
        let c = (u32::from(lead & 0x0F) << 12)
            | (u32::from(b[i + 1] & 0x3F) << 6)
            | u32::from(b[i + 2] & 0x3F);
        return (char::from_u32(c).unwrap_or('\u{FFFD}'), 3);
    }
    let c = text[i..].chars().next().unwrap_or('\u{FFFD}');
    (c, c.len_utf8())
}

/// An ASCII digit ends right before byte `i`.
fn digit_before(b: &[u8], i: usize) -> bool {
    i > 0 && b[i - 1].is_ascii_digit()
}

/// A `.` that is not a decimal point (`143.4`) ends a sentence like `。`.
fn is_full_stop(b: &[u8], i: usize) -> bool {
    b[i] == b'.' && !(digit_before(b, i) && b.get(i + 1).is_some_and(u8::is_ascii_digit))
}

/// A `,` or space inside a number written with thousands separators (`1,200`, `3 456`):
/// a digit before, exactly three after.
fn is_thousands_separator(b: &[u8], i: usize, len: usize) -> bool {
    let digit = |j: usize| b.get(j).is_some_and(u8::is_ascii_digit);
    digit_before(b, i)
        && digit(i + len)
        && digit(i + len + 1)
        && digit(i + len + 2)
        && !digit(i + len + 3)
}

/// Byte ranges of the clauses of `text`, cut after each clause end at bracket depth 0.
/// Closing quotes right after a terminator (`。”`) and trailing whitespace stay with the
/// piece they close, so the pieces concatenate back to `text`; so for sentences.
fn clause_spans(text: &str) -> Vec<(usize, usize)> {
    sentence_and_clause_spans(text, true).1
}

/// The sentences of `text`, stopping after `most` (the last of them then ends where an
/// uncapped cut's would).
fn cut_at_most(text: &str, most: usize) -> Vec<(usize, usize)> {
    let mut sentences = Vec::new();
    cut_into(text, most, &mut sentences, None);
    sentences
}

/// Sentences and, when asked for, clauses of `text` in one pass. Every sentence end is
/// a clause end, and what a piece takes after its end (closing brackets, whitespace)
/// changes neither the bracket depth nor any boundary, so one scan gives both cuts.
///
/// Only ASCII bytes and characters led by `E2`, `E3` or `EF` (general, CJK and
/// full-width punctuation) can open, close or end anything: `next_punctuation` passes
/// over the rest eight bytes at a time.
fn cut_into(
    text: &str,
    most: usize,
    sentences: &mut Vec<(usize, usize)>,
    mut clauses: Option<&mut Vec<(usize, usize)>>,
) {
    let b = text.as_bytes();
    let (mut sentence_start, mut clause_start) = (0, 0);
    let mut depth: usize = 0;
    let mut i = 0;
    loop {
        i = next_punctuation(b, i);
        if i >= b.len() {
            break;
        }
        let (c, len) = char_at(text, i);
        if opens(c) {
            depth += 1;
        } else if closes(c) {
            depth = depth.saturating_sub(1);
        } else if depth == 0
            && !(matches!(c, ',' | ' ' | '\u{2009}' | '\u{202F}')
                && is_thousands_separator(b, i, len))
        {
            let sentence = ends_sentence(c) || is_full_stop(b, i);
            let clause = clauses.is_some() && (sentence || ends_clause(c));
            if sentence || clause {
                let mut j = i + len;
                while j < b.len() {
                    let (next, next_len) = char_at(text, j);
                    if !(closes(next) || next.is_whitespace()) {
                        break;
                    }
                    j += next_len;
                }
                if let Some(clauses) = clauses.as_deref_mut() {
                    clauses.push((clause_start, j));
                    clause_start = j;
                }
                if sentence {
                    sentences.push((sentence_start, j));
                    sentence_start = j;
                    if sentences.len() == most {
                        return;
                    }
                }
                i = j;
                continue;
            }
        }
        i += len;
    }
    if sentence_start < text.len() {
        sentences.push((sentence_start, text.len()));
    }
    if let Some(clauses) = clauses {
        if clause_start < text.len() {
            clauses.push((clause_start, text.len()));
        }
    }
}

/// Byte ranges of pieces of a text, in order.
pub(crate) type Spans = Vec<(usize, usize)>;

/// Byte ranges of the sentences of a paragraph and, when `with_clauses`, of its clauses
/// (for `Clauses::from_pieces`), cut in one pass.
pub(crate) fn sentence_and_clause_spans(text: &str, with_clauses: bool) -> (Spans, Spans) {
    let (mut sentences, mut clauses) = (Vec::new(), Vec::new());
    cut_into(
        text,
        usize::MAX,
        &mut sentences,
        with_clauses.then_some(&mut clauses),
    );
    (sentences, clauses)
}

/// The first of `sentences(text)`, without cutting the rest ("" for an empty text): a
/// heading line may carry a whole paragraph after its title.
pub fn first_sentence(text: &str) -> &str {
    cut_at_most(text, 1)
        .first()
        .map_or("", |&(a, b)| &text[a..b])
}

/// The sentences of a paragraph, verbatim; they concatenate to `text`.
pub fn sentences(text: &str) -> Vec<&str> {
    cut_at_most(text, usize::MAX)
        .into_iter()
        .map(|(a, b)| &text[a..b])
        .collect()
}

/// The clause around byte range `start..end` of `text`, without its closing punctuation.
/// A list `执法记录仪、摄录仪、相机等共计44台` is one clause: a `、` only separates clauses
/// when the part before it holds a figure of its own (`咨询718人次、审查合同37份`).
pub fn clause_around(text: &str, start: usize, end: usize) -> &str {
    Clauses::new(text).around(start, end)
}

/// The clauses of one text, cut once, so that finding the clause of each of many figures
/// stays linear in the text (a paragraph may be one huge line).
pub struct Clauses<'a> {
    text: &'a str,
    pieces: Vec<(usize, usize)>,
}

impl<'a> Clauses<'a> {
    pub fn new(text: &'a str) -> Self {
        Clauses {
            text,
            pieces: clause_spans(text),
        }
    }

    /// The clauses of `text` as `sentence_and_clause_spans` cut them.
    pub(crate) fn from_pieces(text: &'a str, pieces: Vec<(usize, usize)>) -> Self {
        Clauses { text, pieces }
    }

    /// See `clause_around`.
    pub fn around(&self, start: usize, end: usize) -> &'a str {
        clause_in(self.text, &self.pieces, start, end)
    }
}

fn clause_in<'a>(text: &'a str, pieces: &[(usize, usize)], start: usize, end: usize) -> &'a str {
    // Pieces are in order and cover the text: the one holding `start` ends after it.
    let k = pieces.partition_point(|(_, b)| *b <= start);
    if pieces
        .get(k)
        .is_none_or(|(a, b)| !(*a <= start && end <= *b))
    {
        return text.trim();
    }
    let mut a = pieces[k].0;
    for (pa, pb) in pieces[..k].iter().rev() {
        let piece = &text[*pa..*pb];
        if !piece.trim_end().ends_with('、') || piece.contains(|c: char| c.is_ascii_digit()) {
            break;
        }
        a = *pa;
    }
    let b = pieces[k].1;
    let piece = text[a..b].trim_end();
    let piece = piece.trim_end_matches(|c: char| ends_clause(c) || c == '.');
    // Never cut the figure itself off the quote.
    if a + piece.len() < end {
        text[a..end].trim()
    } else {
        piece.trim()
    }
}

/// True when a sentence is a closing terminator (used to strip it from titles and leads).
pub fn strip_terminator(sentence: &str) -> &str {
    sentence
        .trim_end()
        .trim_end_matches(|c: char| ends_sentence(c) || c == '.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_full_and_half_width_terminators() {
        let t = "加强审计监督。今年没有发生行政赔偿案件;好!";
        assert_eq!(
            sentences(t),
            ["加强审计监督。", "今年没有发生行政赔偿案件;", "好!"]
        );
    }

    #[test]
    fn never_splits_inside_brackets_or_quotes() {
        let t = "根据《纲要(2015-2020年)。》的要求。落实“五个百分百。”工作。";
        assert_eq!(
            sentences(t),
            [
                "根据《纲要(2015-2020年)。》的要求。",
                "落实“五个百分百。”工作。"
            ]
        );
    }

    #[test]
    fn the_first_sentence_is_the_first_of_the_sentences() {
        for t in [
            "",
            "无标点",
            "加强审计监督。今年没有发生行政赔偿案件;好!",
            "根据《纲要(2015-2020年)。》的要求。落实",
            "他说“好。”然后走了。 再见。",
        ] {
            let all = sentences(t);
            assert_eq!(first_sentence(t), all.first().copied().unwrap_or(""), "{t}");
        }
    }

    #[test]
    fn punctuation_is_found_as_a_byte_at_a_time_scan_finds_it() {
        let t = "全区共办理案件1,208件（其中行政复议“12”件）。 依法行政——法治政府·建设；好!再见abc(1)x.y:z?依法行政，全面推进法治政府建设";
        let b = t.as_bytes();
        let acts = |j: usize| b"(),.:;!?".contains(&b[j]) || matches!(b[j], 0xE2 | 0xE3 | 0xEF);
        for i in (0..=b.len()).filter(|&i| t.is_char_boundary(i)) {
            let first = (i..b.len()).find(|&j| acts(j)).unwrap_or(b.len());
            let found = next_punctuation(b, i);
            assert!(i <= found && found <= first, "from {i}: {found}, {first}");
            assert!(t.is_char_boundary(found), "from {i}: {found}");
        }
    }

    #[test]
    fn clauses_cut_with_the_sentences_are_the_clauses() {
        let t = "平台,接受群众咨询718人次、审查合同37份。配备执法记录仪、摄录仪等共计44台,以应对“五个百分百。”工作; 好!";
        let (sentences, clauses) = sentence_and_clause_spans(t, true);
        assert_eq!(sentences, cut_at_most(t, usize::MAX));
        assert_eq!(sentence_and_clause_spans(t, false), (sentences, Vec::new()));
        let pieces: Vec<&str> = clauses.iter().map(|&(a, b)| &t[a..b]).collect();
        assert_eq!(
            pieces,
            [
                "平台,",
                "接受群众咨询718人次、",
                "审查合同37份。",
                "配备执法记录仪、",
                "摄录仪等共计44台,",
                "以应对“五个百分百。”工作; ",
                "好!"
            ]
        );
    }

    #[test]
    fn decimal_points_do_not_split() {
        assert_eq!(sentences("约143.4万元。好."), ["约143.4万元。", "好."]);
    }

    #[test]
    fn whitespace_after_terminator_stays_with_its_sentence() {
        assert_eq!(
            sentences("他说“好。”然后走了。 再见。"),
            ["他说“好。”然后走了。 ", "再见。"]
        );
    }

    #[test]
    fn clause_is_cut_at_commas_and_enumeration_marks() {
        let t = "平台,接受群众咨询718人次、审查合同37份。";
        let s = t.find("718").unwrap();
        assert_eq!(clause_around(t, s, s + 3), "接受群众咨询718人次");
        let s = t.find("37").unwrap();
        assert_eq!(clause_around(t, s, s + 2), "审查合同37份");
        let t = "参训人员1,200余人次,其中";
        let s = t.find("1,200").unwrap();
        assert_eq!(
            clause_around(t, s, s + "1,200余人次".len()),
            "参训人员1,200余人次"
        );
        let t = "配备执法记录仪、摄录仪、相机等共计44台,以应对";
        let s = t.find("44").unwrap();
        assert_eq!(
            clause_around(t, s, s + 5),
            "配备执法记录仪、摄录仪、相机等共计44台"
        );
    }
}
