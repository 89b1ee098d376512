//! From pairs to groups: pairs join figures into groups, never two figures of one
//! report, never two that must stay apart, in time near linear in the figures.
//!
//! Joining two groups asks whether any member of one may not pair with any member of
//! the other. Asked pair by pair that grows with the square of a row's length (1,000
//! reports: 19 million gate calls, a third of `compare`), so each group keeps what the
//! answer depends on: its reports, how many of its figures are of each gate class
//! (change, unit, look-alike words: figures of one class pass the gate alike), and the
//! figures an alias rule names (only two such figures can be pinned or kept apart).

use std::collections::HashSet;

use super::mix::MixState;
use super::pairing::Scorer;

/// One group while merging.
#[derive(Default)]
struct Group {
    /// The group's number as a plain merge would give it (the surviving group of each
    /// join keeps the first figure's): the groups come out in this order.
    label: usize,
    members: Vec<usize>,
    /// (class, a figure of it, figures no rule names, figures a rule names).
    classes: Vec<(u32, usize, usize, usize)>,
    /// Members that an alias rule names.
    named: Vec<usize>,
}

impl Group {
    fn of(scorer: &Scorer, f: usize) -> Group {
        let named = scorer.special[f];
        Group {
            label: f,
            members: vec![f],
            classes: vec![(scorer.class[f], f, usize::from(!named), usize::from(named))],
            named: if named { vec![f] } else { Vec::new() },
        }
    }

    fn absorb(&mut self, other: Group) {
        self.members.extend(other.members);
        for (class, of, plain, named) in other.classes {
            match self.classes.iter_mut().find(|c| c.0 == class) {
                Some(c) => {
                    c.2 += plain;
                    c.3 += named;
                }
                None => self.classes.push((class, of, plain, named)),
            }
        }
        self.named.extend(other.named);
    }
}

/// Join figures along `edges` (best first). Returns the groups, each in figure order;
/// every figure is in exactly one group. The same groups, in the same order, as
/// testing every pair of members of the two groups at each join (see the tests).
pub fn merge(scorer: &Scorer, count: usize, edges: &[(usize, usize, f64)]) -> Vec<Vec<usize>> {
    let figures = scorer.figures;
    // Figure → the slot holding its group; the smaller group moves into the larger, so
    // each figure moves O(log n) times.
    let mut slot: Vec<usize> = (0..count).collect();
    let mut groups: Vec<Group> = (0..count).map(|f| Group::of(scorer, f)).collect();
    // (slot, report) of every figure: whether a group has a figure of a report.
    let mut held: HashSet<(usize, usize), MixState> =
        (0..count).map(|f| (f, figures[f].report)).collect();
    for &(a, b, _) in edges {
        let (sa, sb) = (slot[a], slot[b]);
        if sa == sb {
            continue;
        }
        let (big, small) = if groups[sa].members.len() >= groups[sb].members.len() {
            (sa, sb)
        } else {
            (sb, sa)
        };
        let clash = groups[small]
            .members
            .iter()
            .any(|&x| held.contains(&(big, figures[x].report)))
            || clashing_classes(scorer, &groups[big], &groups[small])
            || groups[small].named.iter().any(|&x| {
                groups[big]
                    .named
                    .iter()
                    .any(|&y| scorer.gate(x, y).is_none())
            });
        if clash {
            continue;
        }
        let label = groups[sa].label;
        let moved = std::mem::take(&mut groups[small]);
        for &f in &moved.members {
            slot[f] = big;
            held.remove(&(small, figures[f].report));
            held.insert((big, figures[f].report));
        }
        groups[big].absorb(moved);
        groups[big].label = label;
    }
    let mut out: Vec<(usize, Vec<usize>)> = groups
        .into_iter()
        .filter(|g| !g.members.is_empty())
        .map(|mut g| {
            g.members.sort_unstable();
            (g.label, g.members)
        })
        .collect();
    out.sort_unstable_by_key(|g| g.0);
    out.into_iter().map(|(_, m)| m).collect()
}

/// Whether a figure of `x` and one of `y`, not both named by rules, may never pair
/// (pairs of two named figures are asked one by one: a pin can join what the classes
/// keep apart).
fn clashing_classes(scorer: &Scorer, x: &Group, y: &Group) -> bool {
    x.classes.iter().any(|&(c, f, x_plain, x_named)| {
        y.classes.iter().any(|&(d, g, y_plain, y_named)| {
            let pairs = x_plain * (y_plain + y_named) + x_named * y_plain;
            pairs > 0 && scorer.classes_gate(c, d, f, g).is_none()
        })
    })
}
