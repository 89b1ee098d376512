//! Bytes → text: UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order
//! mark, and GBK/GB18030, which many government documents are saved in.

use std::borrow::Cow;

use crate::error::{Error, Result};

/// Share of the decoded characters (beyond ASCII) that must be hanzi or CJK punctuation
/// for bytes that are not UTF-8 to be taken as GBK: a report is mostly hanzi, while a
/// binary file or another legacy encoding decodes to scattered rare characters.
const MIN_CJK_SHARE: f64 = 0.8;

/// The text and the name of the encoding it was decoded from. A UTF-8 byte-order mark
/// stays in the text (the layout records it); a UTF-16 one is consumed by decoding.
pub fn decode(bytes: &[u8]) -> Result<(Cow<'_, str>, &'static str)> {
    // simdutf8 checks valid text about ten times as fast as std (validating a
    // 1,000-report folder was 5% of `search --no-cache`); std says where bad bytes are.
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        return Ok((Cow::Borrowed(text), "UTF-8"));
    }
    let utf8_error = match std::str::from_utf8(bytes) {
        Ok(text) => return Ok((Cow::Borrowed(text), "UTF-8")),
        Err(e) => e,
    };
    if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(bytes) {
        if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
            let (text, had_errors) = encoding.decode_with_bom_removal(bytes);
            if !had_errors {
                return Ok((Cow::Owned(text.into_owned()), encoding.name()));
            }
        }
    }
    let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
    if !had_errors && looks_chinese(&text) {
        let name = if is_gbk(bytes) { "GBK" } else { "GB18030" };
        return Ok((Cow::Owned(text.into_owned()), name));
    }
    Err(Error::not_utf8(bytes, utf8_error))
}

fn looks_chinese(text: &str) -> bool {
    let (mut cjk, mut other) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_ascii()) {
        let cjk_char = matches!(c,
            '\u{4E00}'..='\u{9FFF}' | '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}'
            | '\u{2010}'..='\u{201F}' | '\u{2026}' | '\u{00B7}');
        if cjk_char {
            cjk += 1;
        } else {
            other += 1;
        }
    }
    cjk > 0 && cjk as f64 >= MIN_CJK_SHARE * (cjk + other) as f64
}

/// No four-byte GB18030 sequence (a lead byte followed by a digit): plain GBK.
fn is_gbk(bytes: &[u8]) -> bool {
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] < 0x80 {
            i += 1;
        } else if bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
            return false;
        } else {
            i += 2;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gbk_utf16_and_utf8() {
        let text = "一、总体情况\n全年办理案件１５件。";
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        assert_eq!(decode(&gbk).unwrap(), (Cow::Borrowed(text), "GBK"));
        let mut le = vec![0xFF, 0xFE];
        le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&le).unwrap(), (Cow::Borrowed(text), "UTF-16LE"));
        let mut be = vec![0xFE, 0xFF];
        be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&be).unwrap(), (Cow::Borrowed(text), "UTF-16BE"));
        assert_eq!(decode(text.as_bytes()).unwrap().1, "UTF-8");
    }

    #[test]
    fn other_bytes_stay_an_error() {
        // Latin-1 prose and binary are neither UTF-8 nor plausible GBK.
        assert!(decode(b"caf\xe9 cr\xe8me br\xfbl\xe9e").is_err());
        assert!(decode(&[0x00, 0xFF, 0x80, 0x81, 0x00, 0xFE]).is_err());
    }
}
