//! Finding the next byte the sentence cut may act on, sixteen or eight bytes at a time,
//! passing over runs of hanzi without a branch per character.

/// A byte at or after `i` that is ASCII or leads a character of U+2000..U+3FFF or
/// U+F000..U+FFFF (`E2`, `E3`, `EF`), with none of the characters `cut_into` acts on
/// (those and ASCII punctuation) before it. Such a byte always starts a character.
/// Sixteen bytes at a time where the CPU allows, then eight (SWAR); a report is mostly
/// hanzi, which this passes over without a branch per character.
pub(super) fn next_punctuation(b: &[u8], mut i: usize) -> usize {
    while let Some(hits) = wide::punctuation(b, i) {
        if hits != 0 {
            return i + hits.trailing_zeros() as usize;
        }
        // `i` may land inside a character: what follows finds only character starts.
        i += 16;
    }
    const LOW: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit of each byte of `w` equal to `byte`; exact up to the first such byte
    // (a borrow may set bits above it, which are never read).
    let equal = |w: u64, byte: u8| {
        let x = w ^ (LOW * u64::from(byte));
        x.wrapping_sub(LOW) & !x & HIGH
    };
    while let Some(chunk) = b.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        let w = u64::from_le_bytes(*chunk);
        let hits = (!w & HIGH) | equal(w, 0xE2) | equal(w, 0xE3) | equal(w, 0xEF);
        if hits != 0 {
            return i + (hits.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while b
        .get(i)
        .is_some_and(|&c| c >= 0x80 && !matches!(c, 0xE2 | 0xE3 | 0xEF))
    {
        i += 1;
    }
    i
}

/// SSE2 (in every x86-64 CPU): the characters `cut_into` acts on, sixteen bytes at once.
#[cfg(target_arch = "x86_64")]
mod wide {
    use std::arch::x86_64::{
        __m128i, _mm_and_si128, _mm_cmpeq_epi8, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
        _mm_set_epi64x,
    };

    /// A bit for each of the sixteen bytes from `i` that is `( ) , . : ; ! ?` or a lead
    /// byte E2, E3 or EF; None where fewer than sixteen remain.
    #[inline]
    pub(super) fn punctuation(b: &[u8], i: usize) -> Option<u32> {
        let v = b.get(i..)?.first_chunk::<16>()?;
        // SAFETY: SSE2 is part of the x86-64 baseline, so every CPU this runs on has it.
        Some(unsafe { punctuation_sse2(v) })
    }

    #[target_feature(enable = "sse2")]
    fn punctuation_sse2(bytes: &[u8; 16]) -> u32 {
        let x = u128::from_le_bytes(*bytes);
        let v = _mm_set_epi64x((x >> 64) as u64 as i64, x as u64 as i64);
        let masked = |mask: u8, byte: u8| -> __m128i {
            _mm_cmpeq_epi8(
                _mm_and_si128(v, _mm_set1_epi8(mask as i8)),
                _mm_set1_epi8(byte as i8),
            )
        };
        // `(` `)`; `,` `.`; `:` `;`; `!`; `?`; E2 E3; EF.
        let any = _mm_or_si128(
            _mm_or_si128(
                _mm_or_si128(masked(0xFE, b'('), masked(0xFD, b',')),
                _mm_or_si128(masked(0xFE, b':'), masked(0xFF, b'!')),
            ),
            _mm_or_si128(
                _mm_or_si128(masked(0xFF, b'?'), masked(0xFE, 0xE2)),
                masked(0xFF, 0xEF),
            ),
        );
        _mm_movemask_epi8(any) as u32
    }
}

#[cfg(not(target_arch = "x86_64"))]
mod wide {
    pub(super) fn punctuation(_: &[u8], _: usize) -> Option<u32> {
        None
    }
}
