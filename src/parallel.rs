//! Mapping a slice on several threads, in order: used where many reports (or stretches of
//! an index) are turned into other things and each is independent of the rest.
//!
//! One panic policy for all of them: a panic in a worker is raised again on the calling
//! thread, as if the work had run there. Results are never dropped or paired with the
//! wrong element (a worker that panicked produces nothing to pair).

/// Below this many elements per thread, `map` uses fewer threads.
const MIN_PER_THREAD: usize = 8;

/// Threads worth starting: the machine's cores, at most eight.
pub fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
}

/// `f` applied to every element (with its index), results in the slice's order, on as
/// many threads as pay for themselves.
pub fn map<T: Sync, R: Send>(all: &[T], f: impl Fn(usize, &T) -> R + Sync) -> Vec<R> {
    // Asking for the cores reads cgroup files (a twentieth of a search on the embedded
    // report): not when one thread will do anyway.
    let most = all.len() / MIN_PER_THREAD;
    let threads = if most < 2 { 1 } else { threads().min(most) };
    map_on(all, threads, f)
}

/// `f` applied to every element (with its index), results in the slice's order, on
/// `threads` threads, each taking one stretch; 0 or 1 runs on the calling thread.
pub fn map_on<T: Sync, R: Send>(
    all: &[T],
    threads: usize,
    f: impl Fn(usize, &T) -> R + Sync,
) -> Vec<R> {
    let threads = threads.min(all.len()).max(1);
    if threads == 1 {
        return all.iter().enumerate().map(|(i, t)| f(i, t)).collect();
    }
    let size = all.len().div_ceil(threads);
    let f = &f;
    let parts: Vec<Vec<R>> = std::thread::scope(|s| {
        let handles: Vec<_> = all
            .chunks(size)
            .enumerate()
            .map(|(c, chunk)| {
                s.spawn(move || {
                    let base = c * size;
                    chunk
                        .iter()
                        .enumerate()
                        .map(|(i, t)| f(base + i, t))
                        .collect()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    let mut out = Vec::with_capacity(all.len());
    parts.into_iter().for_each(|p| out.extend(p));
    out
}

/// `make(0..total)` on `workers` threads, each result handed to `hand_on` on the calling
/// thread in index order while the others are made. Indices are handed out one at a time,
/// in order, so results that wait for an earlier one stay few (a stretch per thread, as
/// in `map`, would hold half the run back). A panic in `make` is raised again here.
pub fn in_order<M: Send>(
    workers: usize,
    total: usize,
    make: &(dyn Fn(usize) -> M + Sync),
    hand_on: &mut dyn FnMut(usize, M),
) {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let next = AtomicUsize::new(0);
    std::thread::scope(|s| {
        let (tx, rx) = std::sync::mpsc::sync_channel(4 * workers.max(1));
        let handles: Vec<_> = (0..workers.max(1))
            .map(|_| {
                let (tx, next) = (tx.clone(), &next);
                s.spawn(move || loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    // A closed channel: the calling thread panicked in `hand_on`; stop.
                    if i >= total || tx.send((i, make(i))).is_err() {
                        break;
                    }
                })
            })
            .collect();
        drop(tx);
        let mut waiting = std::collections::BTreeMap::new();
        let mut want = 0;
        // Ends when every worker is done (or one panicked: its result never comes).
        for (i, made) in rx {
            waiting.insert(i, made);
            while let Some(made) = waiting.remove(&want) {
                hand_on(want, made);
                want += 1;
            }
        }
        for h in handles {
            h.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
        }
    });
}

#[cfg(test)]
mod tests {
    #[test]
    fn keeps_order_and_indices() {
        let input: Vec<u32> = (0..1000).collect();
        let out = super::map(&input, |i, x| (i as u32, x * 2));
        assert_eq!(out.len(), 1000);
        assert!(out
            .iter()
            .enumerate()
            .all(|(i, (j, y))| *j == i as u32 && *y == 2 * i as u32));
        assert_eq!(super::map(&[7], |i, x| i + x), [7]);
        assert!(super::map(&[] as &[u8], |_, x| *x).is_empty());
        for threads in [0, 1, 3, 7, 2000] {
            assert_eq!(super::map_on(&input, threads, |_, x| *x), input);
        }
    }

    #[test]
    fn results_are_handed_on_in_order_when_later_ones_finish_first() {
        let make = |i: usize| {
            // The first few take longest, so later results arrive first.
            std::thread::sleep(std::time::Duration::from_millis(if i < 3 { 20 } else { 0 }));
            i * 10
        };
        for workers in [2, 3, 8] {
            let mut seen = Vec::new();
            super::in_order(workers, 50, &make, &mut |i, m| seen.push((i, m)));
            let want: Vec<(usize, usize)> = (0..50).map(|i| (i, i * 10)).collect();
            assert_eq!(seen, want, "{workers} workers");
        }
    }

    #[test]
    fn a_panic_while_making_in_order_reaches_the_caller_with_its_message() {
        let caught = std::panic::catch_unwind(|| {
            let make = |i: usize| match i {
                7 => panic!("made 7 badly"),
                _ => i,
            };
            super::in_order(2, 20, &make, &mut |_, _| {});
        });
        let payload = caught.expect_err("the panic is raised again, not swallowed");
        assert_eq!(payload.downcast_ref::<&str>(), Some(&"made 7 badly"));
    }

    #[test]
    fn a_worker_panic_reaches_the_caller_with_its_message() {
        let input: Vec<u32> = (0..100).collect();
        let caught = std::panic::catch_unwind(|| {
            super::map_on(&input, 4, |_, &x| match x {
                77 => panic!("worker failed on 77"),
                _ => x,
            })
        });
        let payload = caught.expect_err("the panic is raised again, not swallowed");
        assert_eq!(payload.downcast_ref::<&str>(), Some(&"worker failed on 77"));
    }
}
