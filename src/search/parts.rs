//! An index in parts, one a thread that imports: each thread joins the reports it imported
//! onto a part of its own, so joining and interning run on every core instead of on the
//! one that waits for the files; a search ranks each part and merges the parts' hits into
//! the ranking one index over the same reports, in order, gives.
//!
//! Measured at 1,000 reports (`search --no-cache`): the single joining thread was a third
//! of the CPU, and the two importing threads waited for it (docs/BENCHMARKS.md).

use super::build::ReportItems;
use super::index::Index;
use super::item::Item;
use super::join::Builder;
use super::{scan, Hit, Query};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Mutex, PoisonError};

/// Where a report's items went: its part, and its number among that part's reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placed {
    part: u32,
    local: u32,
}

/// Parts being built, shared by the importing threads: a thread takes a free part, joins
/// a report onto it and puts it back, so there are as many parts as threads at once.
#[derive(Default)]
pub struct PartsBuilder {
    free: Mutex<Vec<(u32, Builder)>>,
    made: AtomicU32,
}

impl PartsBuilder {
    /// Join one report's items onto a free part, on the calling thread.
    pub fn add(&self, items: ReportItems) -> Placed {
        let (part, mut builder) = self.take();
        let local = builder.reports();
        builder.add(items);
        self.give(part, builder);
        Placed { part, local }
    }

    /// A free part, or a new one when every part is taken.
    fn take(&self) -> (u32, Builder) {
        let free = self.lock().pop();
        free.unwrap_or_else(|| (self.made.fetch_add(1, Ordering::Relaxed), Builder::new()))
    }

    fn give(&self, part: u32, builder: Builder) {
        self.lock().push((part, builder));
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<(u32, Builder)>> {
        // A thread that panicked while joining (a bug) took its part out of the pool; the
        // pool itself is whole.
        self.free.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The finished parts; `order` holds each report's place, reports in order. A part
    /// whose thread panicked while joining onto it (a bug) is gone with its reports, which
    /// `Parts::lost` counts.
    pub fn finish(self, order: &[Placed]) -> Parts {
        let mut built = self
            .free
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner);
        built.sort_by_key(|(part, _)| *part);
        // Finishing copies a part's columns into one buffer: each part on a thread.
        let finished: Vec<(u32, Index)> = std::thread::scope(|s| {
            let running: Vec<_> = built
                .into_iter()
                .map(|(part, builder)| {
                    s.spawn(move || (part, super::IndexBuilder::of(builder).finish()))
                })
                .collect();
            running.into_iter().filter_map(|t| t.join().ok()).collect()
        });
        let mut global: Vec<Vec<u32>> = Vec::new();
        let mut indexes = Vec::new();
        for (part, index) in finished {
            while global.len() <= part as usize {
                global.push(Vec::new());
                indexes.push(None);
            }
            global[part as usize] = vec![u32::MAX; index.report_count()];
            indexes[part as usize] = Some(index);
        }
        let (mut kept, mut lost) = (0, 0);
        for p in order {
            match global
                .get_mut(p.part as usize)
                .and_then(|g| g.get_mut(p.local as usize))
            {
                Some(slot) => {
                    *slot = kept;
                    kept += 1;
                }
                None => lost += 1,
            }
        }
        // Parts that did not finish have no slot: the rest are numbered anew.
        let (indexes, global) = indexes
            .into_iter()
            .zip(global)
            .filter_map(|(index, g)| Some((index?, g)))
            .unzip();
        Parts {
            indexes,
            global,
            reports: kept as usize,
            lost,
        }
    }
}

/// The parts of an index, searched together.
pub struct Parts {
    indexes: Vec<Index>,
    /// Part → its report number → the report's number among all reports.
    global: Vec<Vec<u32>>,
    reports: usize,
    lost: usize,
}

/// A hit in one part.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartHit {
    pub part: usize,
    pub hit: Hit,
}

impl Parts {
    pub fn report_count(&self) -> usize {
        self.reports
    }

    /// Reports placed in a part that did not finish (see `PartsBuilder::finish`).
    pub fn lost(&self) -> usize {
        self.lost
    }

    pub fn part(&self, part: usize) -> &Index {
        &self.indexes[part]
    }

    /// The number among all reports of the report that holds `item` in `part`.
    pub fn report_of(&self, part: usize, item: &Item) -> usize {
        self.global[part][item.report] as usize
    }

    /// Every hit for `query`, best first: the ranking `Index::search` gives over the same
    /// reports joined in order (exact, score, kind, then document order).
    pub fn search(&self, query: &Query) -> Vec<PartHit> {
        let mut keyed: Vec<(u128, PartHit)> = Vec::new();
        for (part, index) in self.indexes.iter().enumerate() {
            for hit in index.search(query) {
                let kind = index.kind(hit.item);
                let report = self.global[part][index.report_number(hit.item)];
                // Items of a report are contiguous and in document order within its part.
                let rank = scan::rank_key(hit.exact, hit.score, kind, 0) >> 32;
                let key = u128::from(rank) << 64 | u128::from(report) << 32 | hit.item as u128;
                keyed.push((key, PartHit { part, hit }));
            }
        }
        keyed.sort_unstable_by_key(|(key, _)| *key);
        keyed.into_iter().map(|(_, h)| h).collect()
    }

    /// Every item, reports in order and each report's items in document order, as
    /// `(part, item)`.
    pub fn items_in_order(&self) -> Vec<(usize, usize)> {
        let mut keyed: Vec<(u64, usize, usize)> = Vec::new();
        for (part, index) in self.indexes.iter().enumerate() {
            for item in 0..index.len() {
                let report = self.global[part][index.report_number(item)];
                keyed.push((u64::from(report) << 32 | item as u64, part, item));
            }
        }
        keyed.sort_unstable();
        keyed.into_iter().map(|(_, p, i)| (p, i)).collect()
    }
}

#[cfg(test)]
#[path = "parts_tests.rs"]
mod tests;
