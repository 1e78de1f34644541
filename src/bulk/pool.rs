//! Work on several threads with the results kept in input order, in bounded memory.

use std::collections::{BTreeMap, VecDeque};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

/// How many inputs each worker may be ahead of the output: enough to keep the threads busy
/// when one cable is slow, few enough that memory does not grow with the input.
const AHEAD_PER_JOB: usize = 16;

/// Feeds what `produce` emits through `work` on `jobs` threads and hands the results to
/// `consume` in the order they were emitted. At most `jobs × 16` items are in flight, so
/// memory is bounded whatever the input's size. `emit` returns false, and the run winds
/// down, once `consume` has returned false (a closed output).
///
/// With one job everything runs on the calling thread: no threads, no channels. With more and
/// [`Caller::Works`], the calling thread is one of the `jobs` workers: between items it hands
/// `consume` whatever is ready (for a cheap `consume`, such as writing lines); with
/// [`Caller::Consumes`] it only consumes, beside `jobs` workers (for a `consume` as costly as
/// the work, such as making Python objects).
///
/// Threads wait on each other as little as possible (a thread put to sleep and woken for every
/// cable cost more than the second core gave): the queue holds the whole window, the producer
/// is woken only once half the window is free, and the calling thread sleeps only when it has
/// nothing to work on and nothing to hand on (one lock over the queue, the results and the
/// window, so that it can wait for either). A panic on any thread, or `consume` saying stop,
/// closes the run: the other threads end instead of waiting for it.
pub fn run_ordered<T: Send, U: Send>(
    jobs: usize,
    caller: Caller,
    produce: impl FnOnce(&mut dyn FnMut(T) -> bool) + Send,
    work: impl Fn(T) -> U + Sync,
    mut consume: impl FnMut(U) -> bool,
) {
    if jobs <= 1 {
        produce(&mut |item| consume(work(item)));
        return;
    }
    let works = caller == Caller::Works;
    let shared = Shared::new(jobs * AHEAD_PER_JOB, works);
    std::thread::scope(|scope| {
        // Whatever way this thread leaves (a closed output, a panic in `consume`), the others
        // are told, so that the scope's end does not wait for them forever.
        let _leaving = Leaving::always(&shared);
        let shared = &shared;
        scope.spawn(move || {
            let _leaving = Leaving::on_panic(shared);
            produce(&mut |item| shared.emit(item));
            shared.finish();
        });
        for _ in 0..if works { jobs - 1 } else { jobs } {
            let work = &work;
            scope.spawn(move || {
                let _leaving = Leaving::on_panic(shared);
                while let Some((seq, item)) = shared.next_item() {
                    if !shared.done(seq, work(item)) {
                        break;
                    }
                }
            });
        }
        let mut ready = BTreeMap::new();
        let mut batch = Vec::new();
        let mut next = 0;
        loop {
            while let Some(result) = ready.remove(&next) {
                next += 1;
                if !consume(result) {
                    return;
                }
            }
            match shared.caller_turn(next, &mut batch) {
                Turn::Results => ready.extend(batch.drain(..)),
                Turn::Work(seq, item) => {
                    ready.insert(seq, work(item));
                }
                Turn::End => return,
            }
        }
    });
}

/// What the calling thread of [`run_ordered`] does besides consuming.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Caller {
    /// It works on items too: one of the `jobs`.
    Works,
    /// It only consumes; `jobs` threads work.
    Consumes,
}

/// The state the threads of [`run_ordered`] share, under one lock, and the three places they
/// wait: helpers for an item, the producer for room in the window, the calling thread for a
/// result (or, when it works, an item). Each is woken only when it waits and has something to do.
struct Shared<T, U> {
    state: Mutex<State<T, U>>,
    items: Condvar,
    room: Condvar,
    caller: Condvar,
    window: usize,
    caller_works: bool,
}

struct State<T, U> {
    queue: VecDeque<(usize, T)>,
    /// Results of helpers, not yet taken by the calling thread.
    results: Vec<(usize, U)>,
    /// Items emitted, and items handed to `consume`: at most `window` apart.
    produced: usize,
    consumed: usize,
    phase: Phase,
    idle_helpers: usize,
    producer_waits: bool,
    caller_waits: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// The producer may emit more.
    Producing,
    /// The producer has emitted its last item.
    Produced,
    /// The run is over (the output closed, or a thread panicked): everyone stops.
    Closed,
}

enum Turn<T> {
    /// Results were moved to the caller's batch.
    Results,
    /// An item for the calling thread to work on.
    Work(usize, T),
    /// Every item has been handed on, or the run is closed.
    End,
}

impl<T, U> Shared<T, U> {
    fn new(window: usize, caller_works: bool) -> Self {
        let state = State {
            queue: VecDeque::with_capacity(window),
            results: Vec::new(),
            produced: 0,
            consumed: 0,
            phase: Phase::Producing,
            idle_helpers: 0,
            producer_waits: false,
            caller_waits: false,
        };
        Shared {
            state: Mutex::new(state),
            items: Condvar::new(),
            room: Condvar::new(),
            caller: Condvar::new(),
            window,
            caller_works,
        }
    }

    fn lock(&self) -> MutexGuard<'_, State<T, U>> {
        // A thread that panicked never does so holding the lock (work and consume run outside it).
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn wait<'a>(condvar: &Condvar, guard: MutexGuard<'a, State<T, U>>) -> MutexGuard<'a, State<T, U>> {
        condvar.wait(guard).unwrap_or_else(PoisonError::into_inner)
    }

    /// The producer's item, once the window has room; false once the run is closed.
    fn emit(&self, item: T) -> bool {
        let mut s = self.lock();
        while s.produced - s.consumed >= self.window && s.phase != Phase::Closed {
            s.producer_waits = true;
            s = Self::wait(&self.room, s);
            s.producer_waits = false;
        }
        if s.phase == Phase::Closed {
            return false;
        }
        let seq = s.produced;
        s.queue.push_back((seq, item));
        s.produced += 1;
        if s.idle_helpers > 0 {
            self.items.notify_one();
        } else if s.caller_waits && self.caller_works {
            self.caller.notify_one();
        }
        true
    }

    fn finish(&self) {
        let mut s = self.lock();
        if s.phase == Phase::Producing {
            s.phase = Phase::Produced;
        }
        self.items.notify_all();
        self.caller.notify_one();
    }

    /// A helper's next item; `None` once there are no more, or the run is closed.
    fn next_item(&self) -> Option<(usize, T)> {
        let mut s = self.lock();
        loop {
            if s.phase == Phase::Closed {
                return None;
            }
            if let Some(item) = s.queue.pop_front() {
                return Some(item);
            }
            if s.phase == Phase::Produced {
                return None;
            }
            s.idle_helpers += 1;
            s = Self::wait(&self.items, s);
            s.idle_helpers -= 1;
        }
    }

    /// A helper's result; false once the run is closed.
    fn done(&self, seq: usize, result: U) -> bool {
        let mut s = self.lock();
        if s.phase == Phase::Closed {
            return false;
        }
        s.results.push((seq, result));
        if s.caller_waits {
            self.caller.notify_one();
        }
        true
    }

    /// The calling thread, having handed on `next` results in all: what next. It sleeps only
    /// when there is no result to take and no item it may work on.
    fn caller_turn(&self, next: usize, batch: &mut Vec<(usize, U)>) -> Turn<T> {
        let mut s = self.lock();
        s.consumed = next;
        // The producer is woken once half the window is free, not at every item.
        if s.producer_waits && s.produced - s.consumed <= self.window / 2 {
            self.room.notify_one();
        }
        loop {
            if s.phase == Phase::Closed {
                return Turn::End;
            }
            if !s.results.is_empty() {
                std::mem::swap(&mut s.results, batch);
                return Turn::Results;
            }
            if self.caller_works
                && let Some((seq, item)) = s.queue.pop_front()
            {
                return Turn::Work(seq, item);
            }
            if s.phase == Phase::Produced && s.produced == next {
                return Turn::End;
            }
            s.caller_waits = true;
            s = Self::wait(&self.caller, s);
            s.caller_waits = false;
        }
    }

    fn close(&self) {
        let mut s = self.lock();
        s.phase = Phase::Closed;
        self.items.notify_all();
        self.room.notify_all();
        self.caller.notify_all();
    }
}

/// Closes the run when dropped: always for the calling thread, on a panic for the others.
struct Leaving<'a, T, U> {
    shared: &'a Shared<T, U>,
    always: bool,
}

impl<'a, T, U> Leaving<'a, T, U> {
    fn always(shared: &'a Shared<T, U>) -> Self {
        Leaving { shared, always: true }
    }

    fn on_panic(shared: &'a Shared<T, U>) -> Self {
        Leaving { shared, always: false }
    }
}

impl<T, U> Drop for Leaving<'_, T, U> {
    fn drop(&mut self) {
        if self.always || std::thread::panicking() {
            self.shared.close();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Caller, run_ordered};

    /// A producer of the numbers below `n`, which stops when told.
    fn numbers(n: u64) -> impl FnOnce(&mut dyn FnMut(u64) -> bool) + Send {
        move |emit| {
            for i in 0..n {
                if !emit(i) {
                    break;
                }
            }
        }
    }

    #[test]
    fn results_come_in_input_order_whatever_the_jobs() {
        for (jobs, caller) in [(1, Caller::Works), (2, Caller::Works), (5, Caller::Works), (2, Caller::Consumes)] {
            let mut out = Vec::new();
            run_ordered(
                jobs,
                caller,
                numbers(500),
                |i| {
                    // Uneven work, so that later items often finish first.
                    std::thread::sleep(std::time::Duration::from_micros((i * 7919) % 300));
                    i * 2
                },
                |r| {
                    out.push(r);
                    true
                },
            );
            assert_eq!(out, (0..500).map(|i| i * 2).collect::<Vec<_>>(), "jobs {jobs}, {caller:?}");
        }
    }

    #[test]
    fn a_consumer_that_stops_stops_the_producer() {
        for caller in [Caller::Works, Caller::Consumes] {
            let mut produced = 0;
            let mut taken = 0;
            run_ordered(
                2,
                caller,
                |emit| {
                    for i in 0..1_000_000u64 {
                        if !emit(i) {
                            break;
                        }
                        produced += 1;
                    }
                },
                |i| i,
                |_| {
                    taken += 1;
                    taken < 10
                },
            );
            assert_eq!(taken, 10, "{caller:?}");
            assert!(produced < 10 + 2 * 16 + 2, "the producer ran {produced} items ahead ({caller:?})");
        }
    }

    #[test]
    fn a_panic_in_work_or_consume_ends_the_run_instead_of_hanging_it() {
        // Each case runs on a thread of its own, so that a hang fails the test instead of
        // stopping the suite.
        for (caller, in_work) in
            [(Caller::Works, true), (Caller::Works, false), (Caller::Consumes, true), (Caller::Consumes, false)]
        {
            let (tx, rx) = std::sync::mpsc::channel();
            std::thread::spawn(move || {
                let run = std::panic::catch_unwind(|| {
                    run_ordered(
                        2,
                        caller,
                        numbers(100_000),
                        |i| {
                            assert!(!in_work || i != 300, "work fails");
                            i
                        },
                        |i| {
                            assert!(in_work || i != 300, "consume fails");
                            true
                        },
                    );
                });
                let _ = tx.send(run.is_err());
            });
            let panicked = rx.recv_timeout(std::time::Duration::from_secs(20));
            assert_eq!(panicked, Ok(true), "{caller:?}, in work: {in_work}");
        }
    }
}
