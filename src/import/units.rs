//! Counting units as data (`assets/units.txt`): measure words from CC-CEDICT, units of
//! measure, and the words that merely begin with a unit's character.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use super::affix::starts_with;

const UNITS_TXT: &str = include_str!("../../assets/units.txt");

/// Lists by their first character. Looked up after every figure and at every numeral:
/// with std's SipHash, hashing the key was 7% of the figure scan.
type ByChar = HashMap<char, Vec<&'static str>, BuildHasherDefault<CharHasher>>;

/// A hash for `char` keys: the code point times an odd constant (Fibonacci hashing).
#[derive(Default)]
struct CharHasher(u64);

impl Hasher for CharHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u32(u32::from(b) ^ (self.0 as u32).rotate_left(8));
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.0 = u64::from(n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

struct Units {
    /// Units by first character, longest first, so `人次` wins over `人`.
    units: ByChar,
    /// Words that begin with a unit's character (`部门`, `户籍`), by first character.
    words: ByChar,
    /// Set phrases with a numeral and a unit that are not counts (`三项制度`).
    phrases: Vec<&'static str>,
}

static UNITS: LazyLock<Units> = LazyLock::new(|| {
    let mut units = ByChar::default();
    let mut words = ByChar::default();
    let mut phrases = Vec::new();
    let mut section = "";
    for line in UNITS_TXT.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        if line.starts_with('[') {
            section = line;
            continue;
        }
        if section == "[phrases]" {
            phrases.push(line);
            continue;
        }
        let Some(first) = line.chars().next() else {
            continue;
        };
        let map = if section == "[words]" {
            &mut words
        } else {
            &mut units
        };
        map.entry(first).or_default().push(line);
    }
    for list in units.values_mut().chain(words.values_mut()) {
        list.sort_by_key(|u| std::cmp::Reverse(u.len()));
    }
    Units {
        units,
        words,
        phrases,
    }
});

/// The longest unit that `rest` starts with, a following `次` joined on (`件次`, `家次`).
/// None when `rest` starts with a word that only begins with a unit (`部门`, `户籍`).
pub fn unit_at(rest: &str) -> Option<&str> {
    if starts_word(rest) {
        return None;
    }
    let first = rest.chars().next()?;
    let u = UNITS
        .units
        .get(&first)?
        .iter()
        .find(|u| starts_with(rest, u))?;
    let after = &rest[u.len()..];
    let len = if after.starts_with('次') && !u.ends_with('次') && !starts_word(after) {
        u.len() + '次'.len_utf8()
    } else {
        u.len()
    };
    Some(&rest[..len])
}

/// `rest` starts with a word that begins with a unit's character (`部门`, `户籍人口`).
pub fn starts_word(rest: &str) -> bool {
    rest.chars()
        .next()
        .and_then(|c| UNITS.words.get(&c))
        .is_some_and(|ws| ws.iter().any(|w| starts_with(rest, w)))
}

/// The set phrase `rest` starts with (`三项制度`), if any: a name, not a count.
pub fn phrase_at(rest: &str) -> Option<&'static str> {
    UNITS.phrases.iter().copied().find(|p| starts_with(rest, p))
}

/// True when `unit` is in the list.
#[cfg(test)]
fn is_unit(unit: &str) -> bool {
    unit.chars()
        .next()
        .and_then(|c| UNITS.units.get(&c))
        .is_some_and(|us| us.contains(&unit))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_unit_and_compounds() {
        assert_eq!(unit_at("人次参加"), Some("人次"));
        assert_eq!(unit_at("件次,"), Some("件次"));
        assert_eq!(unit_at("家次"), Some("家次"));
        assert_eq!(unit_at("个百分点"), Some("个百分点"));
        assert_eq!(unit_at("课时"), Some("课时"));
        assert_eq!(unit_at("卷档案"), Some("卷"));
        assert_eq!(unit_at("株"), Some("株"));
        assert_eq!(unit_at("部门联合"), None);
        assert_eq!(unit_at("户籍人口"), None);
        assert_eq!(unit_at("热线"), None);
        assert!(is_unit("人") && is_unit("％") && !is_unit("热"));
    }
}
