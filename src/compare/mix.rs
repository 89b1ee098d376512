//! A hash for keys that are numbers (word keys, chars, figure and report numbers): a
//! rotate, xor and multiply per number and splitmix64's finaliser, not SipHash's rounds.
//! Cutting words looks a char up at every position of every figure's text.

use std::hash::{BuildHasherDefault, Hasher};

/// A hash for numbers that are keys (word keys, figure and report numbers):
/// splitmix64's finaliser, not SipHash's rounds.
#[derive(Default)]
pub struct Mix(u64);

/// Hash maps and sets keyed by numbers.
pub type MixState = BuildHasherDefault<Mix>;

impl Hasher for Mix {
    fn finish(&self) -> u64 {
        let mut x = self.0;
        x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        x ^ (x >> 31)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    // A word is looked up for every word of every figure. Keys differ in high bits too
    // (a pair's first char): `finish` mixes the bits both ways. The multiply spreads a
    // tuple's first number before the next comes in, so (a, b) and (a ^ 1, b ^ 32) differ.
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
}
