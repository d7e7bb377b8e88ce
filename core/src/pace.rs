//! Long work done in small steps, so a browser page keeps answering the family between them.
//!
//! Wasm runs on the page's one main thread. Merging the whole country's shards and indexing
//! 50 000 services takes seconds on a phone; done in one go, the page cannot take a keystroke
//! meanwhile. Such work is written as an `async fn` that takes a [`Pace`] and calls
//! [`Pace::tick`] after each small unit (a service, a word). The app's pace gives the page back
//! its thread every few milliseconds; [`Pace::never`] does not, and [`now`] runs such work at
//! once, as the native tools and the first start do.

use std::cmp::Ordering;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

/// One pause: a future the work awaits before going on.
pub type Pause = Pin<Box<dyn Future<Output = ()>>>;

/// When a long piece of work lets others run. Type-erased (one pause function), so the work is
/// compiled once, not once per caller.
pub struct Pace<'a> {
    pause: Option<&'a mut dyn FnMut() -> Pause>,
    /// Units of work between two asks of `pause`, which decides whether to actually pause.
    every: u32,
    since: u32,
    asked: u32,
}

impl<'a> Pace<'a> {
    /// Work that never pauses.
    pub fn never<'b>() -> Pace<'b> {
        Pace {
            pause: None,
            every: u32::MAX,
            since: 0,
            asked: 0,
        }
    }

    /// Asks `pause` after every `every` units of work; `pause` gives a ready future when it is
    /// not yet time to let the page run.
    pub fn new(every: u32, pause: &'a mut dyn FnMut() -> Pause) -> Pace<'a> {
        Pace {
            pause: Some(pause),
            every: every.max(1),
            since: 0,
            asked: 0,
        }
    }

    /// One unit of work is done.
    pub async fn tick(&mut self) {
        self.since += 1;
        if self.since < self.every {
            return;
        }
        self.since = 0;
        if let Some(pause) = self.pause.as_mut() {
            self.asked += 1;
            pause().await;
        }
    }

    /// How many times the work asked whether to pause: the tests' measure of how finely it is cut.
    pub fn asked(&self) -> u32 {
        self.asked
    }
}

/// Runs work that never pauses ([`Pace::never`]) to its end, here and now.
pub fn now<T>(work: impl Future<Output = T>) -> T {
    let mut work = std::pin::pin!(work);
    match work.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(done) => done,
        // Only a pause can leave the work waiting, and `Pace::never` has none.
        Poll::Pending => unreachable!("work run with Pace::never waited"),
    }
}

/// A copy of a list, made a few items per step.
pub async fn clone_in_steps<T: Clone>(items: &[T], pace: &mut Pace<'_>) -> Vec<T> {
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        out.push(item.clone());
        pace.tick().await;
    }
    out
}

/// Lets go of a list a few items per step: freeing 50 000 services at once holds the page
/// as long as copying them does.
pub async fn drop_in_steps<T>(items: Vec<T>, pace: &mut Pace<'_>) {
    let mut items = items;
    while items.pop().is_some() {
        pace.tick().await;
    }
}

/// The numbers `0..n` in the order `cmp` puts them (stable), sorted a short run at a time and
/// then merged a number at a time: sorting 50 000 names in one go holds a phone's page for a
/// good part of a second.
pub async fn order_in_steps(
    n: u32,
    cmp: &dyn Fn(u32, u32) -> Ordering,
    pace: &mut Pace<'_>,
) -> Vec<u32> {
    const RUN: usize = 512;
    let mut order: Vec<u32> = (0..n).collect();
    for run in order.chunks_mut(RUN) {
        crate::order::sort_by(run, |&a, &b| cmp(a, b));
        pace.tick().await;
    }
    let len = order.len();
    let mut merged = vec![0u32; len];
    let mut width = RUN;
    while width < len {
        for start in (0..len).step_by(2 * width) {
            let mid = (start + width).min(len);
            let end = (start + 2 * width).min(len);
            let (mut i, mut j) = (start, mid);
            for slot in &mut merged[start..end] {
                // The left run's number first among equals: stable.
                let right = j < end && (i == mid || cmp(order[j], order[i]) == Ordering::Less);
                if right {
                    *slot = order[j];
                    j += 1;
                } else {
                    *slot = order[i];
                    i += 1;
                }
                pace.tick().await;
            }
        }
        std::mem::swap(&mut order, &mut merged);
        width *= 2;
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordering_in_steps_is_a_stable_sort() {
        for n in [0u32, 1, 2, 511, 512, 513, 1500, 5000] {
            // Many equal keys, so a run taken in the wrong order would show.
            let keys: Vec<u32> = (0..n).map(|i| (i * 7919) % 97).collect();
            let mut expected: Vec<u32> = (0..n).collect();
            expected.sort_by_key(|&i| keys[i as usize]);
            let cmp = |a: u32, b: u32| keys[a as usize].cmp(&keys[b as usize]);
            let got = now(order_in_steps(n, &cmp, &mut Pace::never()));
            assert_eq!(got, expected, "n = {n}");
        }
    }

    #[test]
    fn never_runs_to_the_end_at_once() {
        let v: Vec<u32> = (0..1000).collect();
        let copy = now(async { clone_in_steps(&v, &mut Pace::never()).await });
        assert_eq!(copy, v);
    }

    #[test]
    fn a_pace_asks_after_every_few_units() {
        let mut asks = 0;
        let mut pause = || -> Pause {
            asks += 1;
            Box::pin(std::future::ready(()))
        };
        let mut pace = Pace::new(10, &mut pause);
        let v: Vec<u32> = (0..1000).collect();
        let copy = now(clone_in_steps(&v, &mut pace));
        assert_eq!(copy, v);
        assert_eq!(pace.asked(), 100);
        now(drop_in_steps(copy, &mut pace));
        assert_eq!(pace.asked(), 200);
        assert_eq!(asks, 200);
    }
}
