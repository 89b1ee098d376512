//! Where the figure scan has anything to test: an ASCII or full-width digit, or one of
//! the 14 hanzi that can open a figure. Everything else (nearly every byte of a report)
//! is passed over here, sixteen bytes at a time where the CPU allows.

use super::utf8_len;
use crate::import::numbers;

/// The hanzi that can open a figure: the numerals that start one (`numbers::starts_chinese`),
/// 零 (`零点五`), and 百, 千 (`百分之`, `千分之`, `近千家`).
const LEADS: [char; 14] = [
    '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千', '零',
];

/// For each lead byte E4..E9 of a three-byte hanzi, a bit per second byte (its low six
/// bits) that some character of `LEADS` has: 8 of the 384 pairs, so nearly every hanzi
/// is passed over after two byte reads, without decoding it.
const LEAD_PAIRS: [u64; 6] = {
    let mut pairs = [0u64; 6];
    let mut k = 0;
    while k < LEADS.len() {
        let c = LEADS[k] as u32;
        pairs[((c >> 12) - 4) as usize] |= 1 << ((c >> 6) & 0x3F);
        k += 1;
    }
    pairs
};

/// The first character at or after `i` where the scan has anything to test (or the end).
/// What it passes over, the scan would have stepped over one character at a time.
#[inline]
pub(super) fn next_candidate(b: &[u8], mut i: usize) -> usize {
    // Sixteen bytes at a time while seventeen remain: each may-be hit is tested exactly
    // here, so the common hanzi that share a numeral's first two bytes (不, 中, 为, 了,
    // 事 share 一's and 二's) do not go back to the scan.
    while let Some(mut hits) = wide::hits(b, i) {
        while hits != 0 {
            let p = i + hits.trailing_zeros() as usize;
            if is_candidate(b, p, b[p]) {
                return p;
            }
            hits &= hits - 1;
        }
        // Hits are only ever at the start of a character, so `i` may land inside one.
        i += 16;
    }
    while let Some(&c) = b.get(i) {
        if is_candidate(b, i, c) {
            return i;
        }
        // A continuation byte (where the wide pass left off) is never a candidate and
        // is stepped over one at a time.
        i += utf8_len(c);
    }
    i
}

/// An ASCII or full-width digit at `i`, or a character of `LEADS`.
#[inline]
fn is_candidate(b: &[u8], i: usize, c: u8) -> bool {
    match c {
        b'0'..=b'9' => true,
        0xE4..=0xE9 => {
            let second = b.get(i + 1).map_or(0, |s| s & 0x3F);
            (LEAD_PAIRS[usize::from(c - 0xE4)] >> second) & 1 == 1 && {
                let third = b.get(i + 2).map_or(0, |t| t & 0x3F);
                let code =
                    (u32::from(c & 0x0F) << 12) | (u32::from(second) << 6) | u32::from(third);
                char::from_u32(code).is_some_and(|ch| LEADS.contains(&ch))
            }
        }
        0xEF => numbers::digit_at(b, i).is_some(),
        _ => false,
    }
}

/// SSE2 (every x86-64 CPU has it): sixteen bytes tested at once for anything that may
/// be a candidate.
#[cfg(target_arch = "x86_64")]
mod wide {
    use std::arch::x86_64::{
        __m128i, _mm_and_si128, _mm_cmpeq_epi8, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
        _mm_set_epi64x,
    };

    #[target_feature(enable = "sse2")]
    fn load(bytes: &[u8; 16]) -> __m128i {
        let x = u128::from_le_bytes(*bytes);
        _mm_set_epi64x((x >> 64) as u64 as i64, x as u64 as i64)
    }

    /// Lanes where `x` equals `byte`.
    #[target_feature(enable = "sse2")]
    fn equal(x: __m128i, byte: u8) -> __m128i {
        _mm_cmpeq_epi8(x, _mm_set1_epi8(byte as i8))
    }

    /// Lanes where `x & mask` equals `byte`.
    #[target_feature(enable = "sse2")]
    fn masked(x: __m128i, mask: u8, byte: u8) -> __m128i {
        equal(_mm_and_si128(x, _mm_set1_epi8(mask as i8)), byte)
    }

    /// A bit for each of the sixteen bytes from `i` that may be a candidate (each one
    /// starts a character, and every candidate among them has its bit), or None where
    /// fewer than seventeen bytes remain.
    #[inline]
    pub(super) fn hits(b: &[u8], i: usize) -> Option<u32> {
        let v = b.get(i..)?.first_chunk::<16>()?;
        let w = b.get(i + 1..)?.first_chunk::<16>()?;
        // SAFETY: SSE2 is part of the x86-64 baseline, so every CPU this runs on has it.
        Some(unsafe { hits_sse2(v, w) })
    }

    /// `v` the bytes from `i`, `w` each lane's next byte.
    #[target_feature(enable = "sse2")]
    fn hits_sse2(v: &[u8; 16], w: &[u8; 16]) -> u32 {
        let (v, w) = (load(v), load(w));
        // `0`..`?` (digits and six stray signs), a full-width lead EF, and the pairs
        // of `LEADS`: E4 B8..BB, E5 85/8D/9B, E7 99, E9 9B.
        let digits = masked(v, 0xF0, 0x30);
        let full_width = equal(v, 0xEF);
        let e4 = _mm_and_si128(equal(v, 0xE4), masked(w, 0xFC, 0xB8));
        let e5 = _mm_and_si128(
            equal(v, 0xE5),
            _mm_or_si128(masked(w, 0xF7, 0x85), equal(w, 0x9B)),
        );
        let e7 = _mm_and_si128(equal(v, 0xE7), equal(w, 0x99));
        let e9 = _mm_and_si128(equal(v, 0xE9), equal(w, 0x9B));
        let any = _mm_or_si128(
            _mm_or_si128(digits, full_width),
            _mm_or_si128(_mm_or_si128(e4, e5), _mm_or_si128(e7, e9)),
        );
        _mm_movemask_epi8(any) as u32
    }
}

#[cfg(not(target_arch = "x86_64"))]
mod wide {
    pub(super) fn hits(_: &[u8], _: usize) -> Option<u32> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The character-by-character scan `next_candidate` replaces.
    fn one_at_a_time(b: &[u8], mut i: usize) -> usize {
        while let Some(&c) = b.get(i) {
            if is_candidate(b, i, c) {
                return i;
            }
            i += utf8_len(c);
        }
        i
    }

    #[test]
    fn every_lead_is_a_candidate_and_the_skip_agrees_with_a_plain_scan() {
        let filler = "依法行政：全面推进（法治）政府建设，ab:;?上下不中为主也了事于人以们件";
        let mut text = String::new();
        for (k, c) in LEADS.iter().chain(&['１', '9', '〇', '亿']).enumerate() {
            text.push_str(&filler[..filler.char_indices().nth(k % 30).map_or(0, |(i, _)| i)]);
            text.push(*c);
        }
        text.push_str(filler);
        let b = text.as_bytes();
        for i in (0..=b.len()).filter(|&i| text.is_char_boundary(i)) {
            assert_eq!(next_candidate(b, i), one_at_a_time(b, i), "from {i}");
        }
        // Hanzi, signs and letters none of which is a candidate, around each lead.
        let plain = "法治政府建设依法行政，ab?:（推进）";
        assert_eq!(one_at_a_time(plain.as_bytes(), 0), plain.len());
        for c in LEADS {
            let s = format!("{plain}{c}{plain}");
            assert_eq!(next_candidate(s.as_bytes(), 0), plain.len(), "{c}");
        }
    }
}
