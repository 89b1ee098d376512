//! Makes untrusted text safe for a terminal: control characters become visible symbols.
//!
//! Applied once, when text enters the model (import or JSON load), so every consumer
//! (TUI, CLI, JSON output) only ever sees safe text. Visible rather than removed, so a
//! reader can tell the file was tampered with.

/// Replace C0/C1 control characters (except tab) and bidi overrides with visible stand-ins.
/// `ESC` becomes `␛`, other C0 controls their Control Pictures (U+2400…), DEL `␡`,
/// C1 controls and bidi controls `�`.
pub fn sanitize(text: &str) -> String {
    if !text.chars().any(is_unsafe) {
        return text.to_string();
    }
    text.chars().map(visible).collect()
}

/// Sanitise in place, allocating only when needed.
pub fn sanitize_in_place(text: &mut String) {
    if text.chars().any(is_unsafe) {
        *text = text.chars().map(visible).collect();
    }
}

pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\t' && c != '\n')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
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

    #[test]
    fn escape_sequences_become_visible() {
        assert_eq!(sanitize("a\u{1b}]52;c;eHl6\u{7}b"), "a␛]52;c;eHl6␇b");
        assert_eq!(sanitize("\u{1b}[2J"), "␛[2J");
        assert_eq!(sanitize("x\u{9b}31m"), "x\u{FFFD}31m");
        assert_eq!(sanitize("\u{202E}abc"), "\u{FFFD}abc");
    }

    #[test]
    fn ordinary_text_is_untouched() {
        let s = "接受群众咨询718人次,约143.4万元\t“五个百分百”";
        assert_eq!(sanitize(s), s);
    }
}
