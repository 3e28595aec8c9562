//! One stable sort for every list the engine and the app order.
//!
//! Why not `slice::sort_by` everywhere: Rust compiles the standard sort afresh for every
//! element type and every comparison closure, and in the browser bundle that came to some
//! thirty copies of the same algorithm. Here the standard sort runs once, on positions, with
//! the comparison behind a `dyn`; the items are then moved into place by following the
//! permutation's cycles. Stable, like `sort_by`: equal items keep their order.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in their order.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let order = {
        let shared: &[T] = items;
        sorted_positions(shared.len(), &mut |a, b| compare(&shared[a], &shared[b]))
    };
    permute(items, order);
}

/// Sorts `items` by the key `key` gives each, keeping equal keys in their order.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The positions `0..n` in the order `compare` puts them: the one instantiation of the
/// standard sort.
fn sorted_positions(n: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Rearranges `items` so that position `i` holds what was at `order[i]`, by swaps along each
/// cycle of the permutation (every item moves once).
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..items.len() {
        let mut at = start;
        loop {
            let from = order[at];
            // A position whose item is in place points at itself.
            order[at] = at;
            if from == start || from == at {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_as_the_standard_stable_sort_does() {
        // Pairs sorted by their first number only: the second shows equal keys keep order.
        let mut ours = vec![(3, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (3, 'e'), (0, 'f')];
        let mut standard = ours.clone();
        sort_by_key(&mut ours, |p| p.0);
        standard.sort_by_key(|p| p.0);
        assert_eq!(ours, standard);
        assert_eq!(
            ours,
            vec![(0, 'f'), (1, 'b'), (1, 'd'), (2, 'c'), (3, 'a'), (3, 'e')]
        );
    }

    #[test]
    fn every_arrangement_of_five_items_comes_out_sorted() {
        // All 120 orders of five distinct items, each a different permutation to undo.
        let mut seen = 0;
        let mut items = [0, 1, 2, 3, 4];
        let mut heap = |items: &[i32; 5]| {
            let mut copy = *items;
            sort(&mut copy);
            assert_eq!(copy, [0, 1, 2, 3, 4], "from {items:?}");
            seen += 1;
        };
        permutations(&mut items, 5, &mut heap);
        assert_eq!(seen, 120);
    }

    /// Heap's algorithm: calls `visit` once with every arrangement of `items[..k]`.
    fn permutations(items: &mut [i32; 5], k: usize, visit: &mut dyn FnMut(&[i32; 5])) {
        if k == 1 {
            visit(items);
            return;
        }
        for i in 0..k {
            permutations(items, k - 1, visit);
            let j = if k.is_multiple_of(2) { i } else { 0 };
            items.swap(j, k - 1);
        }
    }

    #[test]
    fn an_empty_or_single_list_is_left_alone() {
        let mut none: Vec<i32> = Vec::new();
        sort(&mut none);
        assert!(none.is_empty());
        let mut one = vec![7];
        sort(&mut one);
        assert_eq!(one, vec![7]);
    }

    #[test]
    fn descending_orders_and_float_comparisons_work_through_the_closure() {
        let mut values = vec![2.5, -1.0, 9.75, 0.0];
        sort_by(&mut values, |a: &f64, b| b.total_cmp(a));
        assert_eq!(values, vec![9.75, 2.5, 0.0, -1.0]);
    }
}
