//! Sorting through one compiled sort, so the browser download carries it once.
//!
//! Every `sort_by` with its own closure or element type is compiled into its own copy of the
//! standard library's sort (a dozen functions each): 50 call sites made 176 of them, 8.6 % of
//! the Wasm's code (issue 21). Here a list is sorted by first ordering its positions — always
//! the same `Vec<u32>` sorted through a `dyn` comparison, compiled once — and then moving the
//! items into that order, which is a few lines per element type. Stable, like `sort_by`. The
//! searches run on every keystroke keep their own sorts: there, speed comes first.

use std::cmp::Ordering;

/// The positions `0..n` in the order `cmp` puts them (stable).
pub fn positions(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<u32> {
    let mut order: Vec<u32> = (0..n as u32).collect();
    order.sort_by(|&a, &b| cmp(a as usize, b as usize));
    order
}

/// Sorts `list` by `cmp`, stable.
pub fn sort_by<T>(list: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    if list.len() < 2 {
        return;
    }
    let order = positions(list.len(), &|a, b| cmp(&list[a], &list[b]));
    arrange(list, order);
}

/// Sorts `list` by a key, stable.
pub fn sort_by_key<T, K: Ord>(list: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(list, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `list` in its natural order.
pub fn sort<T: Ord>(list: &mut [T]) {
    sort_by(list, T::cmp);
}

/// Sorted, each value once.
pub fn sort_dedup<T: Ord>(list: &mut Vec<T>) {
    sort(list);
    list.dedup();
}

/// Moves the items so that position `k` holds what was at `order[k]`, following each cycle of
/// the permutation with swaps (no copies, no `Clone` needed).
fn arrange<T>(list: &mut [T], mut order: Vec<u32>) {
    const DONE: u32 = u32::MAX;
    for start in 0..order.len() {
        if order[start] == DONE {
            continue;
        }
        let mut at = start;
        loop {
            let from = order[at] as usize;
            order[at] = DONE;
            if from == start {
                break;
            }
            list.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_as_the_standard_stable_sort_does() {
        for n in [0usize, 1, 2, 3, 10, 100, 1000] {
            // Many equal keys, so a sort that is not stable would show.
            let items: Vec<(u32, usize)> = (0..n).map(|i| ((i * 7919 % 13) as u32, i)).collect();
            let mut ours = items.clone();
            sort_by_key(&mut ours, |&(k, _)| k);
            let mut std_sorted = items.clone();
            std_sorted.sort_by_key(|&(k, _)| k);
            assert_eq!(ours, std_sorted, "n = {n}");
        }
    }

    #[test]
    fn strings_move_without_being_copied() {
        let mut v: Vec<String> = ["sv", "fi", "en", "fi", "so"].map(String::from).to_vec();
        sort_dedup(&mut v);
        assert_eq!(v, ["en", "fi", "so", "sv"]);
    }
}
