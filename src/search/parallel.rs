//! Mapping a slice on every core, in order: used where 1,000 reports are turned into
//! other things (variants, index items) and each is independent of the rest.

/// Below this many elements the work is done on the calling thread.
const MIN_PER_THREAD: usize = 8;

/// `f` applied to every element (with its index), results in the slice's order.
pub(crate) fn map<T: Sync, R: Send>(all: &[T], f: impl Fn(usize, &T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get().min(8))
        .min(all.len() / MIN_PER_THREAD)
        .max(1);
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
    }
}
