//! Prefix and suffix tests for the figure scan's word lists, checking one byte before
//! comparing the rest.
//!
//! Each figure found is tried against ~100 short words (bounds, scale words, units,
//! verbs of change, set phrases), nearly all of which fail. `str::starts_with` calls
//! `memcmp` for each; in a profile of the figure scan those calls were 18% of its time.
//! The needle's last byte is compared first: for a hanzi that is its last byte, one of
//! 64 values, so most tests end there without a call.

/// `hay.starts_with(needle)`.
#[inline]
pub fn starts_with(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    match n.len() {
        0 => true,
        len => h.len() >= len && h[len - 1] == n[len - 1] && h[..len] == *n,
    }
}

/// `hay.ends_with(needle)`.
#[inline]
pub fn ends_with(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    n.is_empty() || (h.last() == n.last() && h.ends_with(n))
}

/// `hay.strip_prefix(needle)`.
#[inline]
pub fn strip_prefix<'a>(hay: &'a str, needle: &str) -> Option<&'a str> {
    // `needle` is a whole prefix of valid UTF-8, so the cut is on a character boundary.
    starts_with(hay, needle).then(|| &hay[needle.len()..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agree_with_std() {
        let words = [
            "",
            "万",
            "万元",
            "超过",
            "人次",
            "a",
            "ab",
            "余人",
            "不超过",
        ];
        let hays = ["", "万元", "超过3", "3人次", "不超过", "a", "人", "余人次"];
        for h in hays {
            for w in words {
                assert_eq!(starts_with(h, w), h.starts_with(w), "{h} {w}");
                assert_eq!(ends_with(h, w), h.ends_with(w), "{h} {w}");
                assert_eq!(strip_prefix(h, w), h.strip_prefix(w), "{h} {w}");
            }
        }
    }
}
