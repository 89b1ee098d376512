//! Makes untrusted text safe for a terminal: one policy for report text and for names
//! (paths, file names, titles taken from them), in every output.
//!
//! Applied once, when text enters the model (import or JSON load), so every consumer
//! (TUI, CLI, JSON output) only ever sees safe text; names are cleaned where they are
//! turned into text (`name`), and every error line passes `one_line` on its way out.
//! Visible rather than removed, so a reader can tell the file was tampered with, and so
//! a sanitised text keeps its character count (offsets into it stay meaningful).
//!
//! The policy: C0/C1 controls (except tab and line feed in report text) become visible
//! stand-ins; characters a terminal draws with no width or that reorder or break lines
//! (zero-width spaces and joiners, bidi marks, embeddings, overrides and isolates, the
//! line and paragraph separators, tag characters, other format characters) become `�`.
//! What remains has the same width for `unicode-width` (so for ratatui) as for the
//! terminal, which is what keeps a drawn row from leaving stray cells behind.

/// Replace unsafe characters (see the module doc) with visible stand-ins. Keeps tab and
/// line feed, which report text may hold.
pub fn sanitize(text: &str) -> String {
    if !has_unsafe(text) {
        return text.to_string();
    }
    text.chars().map(visible).collect()
}

/// `sanitize`, borrowing the text when it is already safe (nearly always): the importer
/// cleans every line of every report and copies each into the model only once.
pub fn sanitize_cow(text: &str) -> std::borrow::Cow<'_, str> {
    match has_unsafe(text) {
        false => std::borrow::Cow::Borrowed(text),
        true => std::borrow::Cow::Owned(text.chars().map(visible).collect()),
    }
}

/// Sanitise in place, allocating only when needed.
pub fn sanitize_in_place<S>(text: &mut S)
where
    S: std::ops::Deref<Target = str> + From<String>,
{
    if has_unsafe(text) {
        *text = S::from(text.chars().map(visible).collect::<String>());
    }
}

/// A name (file name, path, anything said on one line) made safe: as `sanitize`, and tab
/// and line feed become visible too, so an error about it stays one line.
pub fn one_line(text: &str) -> String {
    if !text.chars().any(|c| is_unsafe(c) || c == '\n' || c == '\t') {
        return text.to_string();
    }
    text.chars()
        .map(|c| match c {
            '\n' => '␊',
            '\t' => '␉',
            c => visible(c),
        })
        .collect()
}

/// A path as a one-line, terminal-safe name (bytes that are not UTF-8 become `�`).
pub fn name(path: &std::path::Path) -> String {
    one_line(&path.to_string_lossy())
}

/// `text.chars().any(is_unsafe)`, as a byte scan: every line of every report passes here
/// (16 MB for 1,000 reports), and nearly all of it is ASCII or lies in U+3000..U+9FFF
/// (CJK punctuation and hanzi, lead bytes E3..E9), where no unsafe character is, so only
/// the rest is decoded. Sixteen bytes at a time where the CPU allows (4% of an import
/// went to this scan one character at a time).
pub(crate) fn has_unsafe(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(mut hits) = wide::suspects(b, i) {
        while hits != 0 {
            let p = i + hits.trailing_zeros() as usize;
            if unsafe_at(text, p) {
                return true;
            }
            hits &= hits - 1;
        }
        i += 16;
    }
    // The wide pass may stop inside a character: go on from the next one.
    while b.get(i).is_some_and(|&c| c & 0xC0 == 0x80) {
        i += 1;
    }
    while let Some(&lead) = b.get(i) {
        if lead < 0x80 || (0xE3..=0xE9).contains(&lead) {
            if unsafe_at(text, i) {
                return true;
            }
            i += if lead < 0x80 { 1 } else { 3 };
        } else {
            if unsafe_at(text, i) {
                return true;
            }
            i += text
                .get(i..)
                .and_then(|t| t.chars().next())
                .map_or(1, char::len_utf8);
        }
    }
    false
}

/// The character starting at byte `i` is unsafe.
fn unsafe_at(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        Some(&c) if c < 0x80 => (c < 0x20 && c != b'\t' && c != b'\n') || c == 0x7F,
        Some(0xE3..=0xE9) => false,
        _ => text
            .get(i..)
            .and_then(|t| t.chars().next())
            .is_some_and(is_unsafe),
    }
}

/// SSE2 (in every x86-64 CPU): the bytes that may start an unsafe character, sixteen
/// at a time.
#[cfg(target_arch = "x86_64")]
mod wide {
    use std::arch::x86_64::{
        _mm_and_si128, _mm_andnot_si128, _mm_cmpeq_epi8, _mm_cmpgt_epi8, _mm_cmplt_epi8,
        _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8, _mm_set_epi64x,
    };

    /// A bit for each of the sixteen bytes from `i` that is an ASCII control or DEL, or
    /// leads a character outside U+3000..U+9FFF (so each starts a character, and every
    /// unsafe character among them has its bit); None where fewer than sixteen remain.
    #[inline]
    pub(super) fn suspects(b: &[u8], i: usize) -> Option<u32> {
        let v = b.get(i..)?.first_chunk::<16>()?;
        // SAFETY: SSE2 is part of the x86-64 baseline, so every CPU this runs on has it.
        Some(unsafe { suspects_sse2(v) })
    }

    #[target_feature(enable = "sse2")]
    fn suspects_sse2(bytes: &[u8; 16]) -> u32 {
        let x = u128::from_le_bytes(*bytes);
        let v = _mm_set_epi64x((x >> 64) as u64 as i64, x as u64 as i64);
        // Bytes as signed: ASCII is 0..=127, continuation bytes -128..=-65, lead bytes
        // C0..FF are -64..=-1, and E3..E9 are -29..=-23.
        let byte = |b: u8| _mm_set1_epi8(b as i8);
        let control = _mm_and_si128(_mm_cmplt_epi8(v, byte(0x20)), _mm_cmpgt_epi8(v, byte(0xFF)));
        let delete = _mm_cmpeq_epi8(v, byte(0x7F));
        let lead = _mm_and_si128(_mm_cmpgt_epi8(v, byte(0xBF)), _mm_cmplt_epi8(v, byte(0)));
        let cjk = _mm_and_si128(_mm_cmpgt_epi8(v, byte(0xE2)), _mm_cmplt_epi8(v, byte(0xEA)));
        let any = _mm_or_si128(_mm_or_si128(control, delete), _mm_andnot_si128(cjk, lead));
        _mm_movemask_epi8(any) as u32
    }
}

#[cfg(not(target_arch = "x86_64"))]
mod wide {
    pub(super) fn suspects(_: &[u8], _: usize) -> Option<u32> {
        None
    }
}

pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\t' && c != '\n') || is_invisible(c)
}

/// Format characters (Unicode category Cf), the line and paragraph separators and the
/// tag characters: drawn with no width, or reordering or breaking the line around them.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{AD}'
        | '\u{600}'..='\u{605}'
        | '\u{61C}'
        | '\u{6DD}'
        | '\u{70F}'
        | '\u{890}'..='\u{891}'
        | '\u{8E2}'
        | '\u{180E}'
        | '\u{200B}'..='\u{200F}'
        | '\u{2028}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}'
        | '\u{FEFF}'
        | '\u{FFF9}'..='\u{FFFB}'
        | '\u{110BD}'
        | '\u{110CD}'
        | '\u{13430}'..='\u{1343F}'
        | '\u{1BCA0}'..='\u{1BCA3}'
        | '\u{1D173}'..='\u{1D17A}'
        | '\u{E0000}'..='\u{E007F}')
}

fn visible(c: char) -> char {
    match c {
        '\u{1B}' => '␛',
        '\u{7F}' => '␡',
        c if (c as u32) < 0x20 && c != '\t' && c != '\n' => {
            char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}')
        }
        c if is_unsafe(c) => '\u{FFFD}',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn the_byte_scan_finds_what_the_char_test_finds() {
        let mut text = String::new();
        for c in (0..0x3_0000)
            .chain(0xE_0000..0xE_0100)
            .filter_map(char::from_u32)
        {
            text.clear();
            text.extend(['执', 'a', c, '。', c]);
            assert_eq!(
                has_unsafe(&text),
                text.chars().any(is_unsafe),
                "U+{:04X}",
                c as u32
            );
            // Past the sixteen-byte pass, at every offset within it.
            for pad in 0..18 {
                text.clear();
                text.extend(std::iter::repeat_n('a', pad).chain("依法行政全面推进".chars()));
                text.push(c);
                text.push_str("法治政府");
                assert_eq!(
                    has_unsafe(&text),
                    text.chars().any(is_unsafe),
                    "U+{:04X} after {pad}",
                    c as u32
                );
            }
        }
        for t in ["依法行政。", "a\u{1b}]52;c;eHl6\u{7}b", "执\u{200B}法", ""] {
            assert_eq!(sanitize_cow(t), sanitize(t));
        }
        assert!(matches!(
            sanitize_cow("依法"),
            std::borrow::Cow::Borrowed(_)
        ));
        assert!(!has_unsafe("依法行政，全年办理案件１５件。\t\n"));
        assert!(has_unsafe("依法\u{1b}[2J行政"));
    }

    #[test]
    fn escape_sequences_become_visible() {
        assert_eq!(sanitize("a\u{1b}]52;c;eHl6\u{7}b"), "a␛]52;c;eHl6␇b");
        assert_eq!(sanitize("\u{1b}[2J"), "␛[2J");
        assert_eq!(sanitize("x\u{9b}31m"), "x\u{FFFD}31m");
        assert_eq!(sanitize("\u{202E}abc"), "\u{FFFD}abc");
    }

    #[test]
    fn invisible_and_bidi_characters_become_visible() {
        for c in [
            '\u{200B}',
            '\u{200C}',
            '\u{200D}',
            '\u{200E}',
            '\u{200F}',
            '\u{61C}',
            '\u{202A}',
            '\u{202E}',
            '\u{2066}',
            '\u{2069}',
            '\u{2028}',
            '\u{2029}',
            '\u{2060}',
            '\u{FEFF}',
            '\u{E0001}',
            '\u{E0041}',
            '\u{E007F}',
            '\u{AD}',
        ] {
            let text = format!("执{c}法");
            assert_eq!(sanitize(&text), "执\u{FFFD}法", "U+{:04X}", c as u32);
            assert_eq!(sanitize(&text).chars().count(), text.chars().count());
        }
    }

    #[test]
    fn every_character_left_has_the_width_a_terminal_gives_it() {
        // A heading of 12 ideographs with joiners between them: 24 cells, as drawn.
        let hostile: String = "依法全面履行政府职能加强"
            .chars()
            .flat_map(|c| [c, '\u{200D}'])
            .collect();
        let clean = sanitize(&hostile);
        assert_eq!(clean.replace('\u{FFFD}', "").width(), 24);
        assert!(!clean.contains('\u{200D}'));
    }

    #[test]
    fn names_stay_on_one_line() {
        assert_eq!(one_line("a\nb\tc\u{1b}]0;x\u{7}"), "a␊b␉c␛]0;x␇");
        assert_eq!(
            name(std::path::Path::new("/tmp/x\u{1b}[2J\n.txt")),
            "/tmp/x␛[2J␊.txt"
        );
    }

    #[test]
    fn ordinary_text_is_untouched() {
        let s = "接受群众咨询718人次,约143.4万元\t“五个百分百”";
        assert_eq!(sanitize(s), s);
        assert_eq!(one_line("市桥街 2020/报告.txt"), "市桥街 2020/报告.txt");
    }
}
