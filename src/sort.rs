//! Sorting for the explorer's short lists: a view's series, a table's years, a chart's labels.
//!
//! std's sorts are built for long slices, and each element type and comparison gets its own
//! copy of their machinery (several kilobytes apiece); together they were the largest generic
//! code in the WebAssembly. These lists hold at most a few dozen items, so an insertion sort
//! is as fast and a fraction of the size. Both sorts are stable, exactly like
//! `slice::sort_by`: equal items keep their order.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in their order.
pub fn by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    for sorted in 1..items.len() {
        let mut at = sorted;
        while at > 0 && compare(&items[at - 1], &items[at]) == Ordering::Greater {
            items.swap(at - 1, at);
            at -= 1;
        }
    }
}

/// Sorts `items` by the key `key` gives each, keeping items with equal keys in their order.
pub fn by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    by(items, |a, b| key(a).cmp(&key(b)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_as_std_does_and_keeps_ties_in_order() {
        let cases: [&[(u8, char)]; 5] = [
            &[],
            &[(1, 'a')],
            &[(3, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (3, 'e'), (0, 'f')],
            &[(5, 'a'), (4, 'b'), (3, 'c'), (2, 'd'), (1, 'e')],
            &[(2, 'a'), (2, 'b'), (2, 'c'), (1, 'd')],
        ];
        for case in cases {
            let mut ours = case.to_vec();
            let mut std = case.to_vec();
            by_key(&mut ours, |item| item.0);
            std.sort_by_key(|item| item.0);
            assert_eq!(ours, std, "sorting {case:?} by its numbers");
            by(&mut ours, |a, b| b.cmp(a));
            std.sort_by(|a, b| b.cmp(a));
            assert_eq!(ours, std, "sorting {case:?} in reverse");
        }
    }
}
