//! Work on several threads with the results kept in input order, in bounded memory.

use std::collections::BTreeMap;
use std::sync::mpsc::{self, TryRecvError};
use std::sync::{Condvar, Mutex, TryLockError};

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
/// nothing to work on and nothing to hand on.
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
    let window = jobs * AHEAD_PER_JOB;
    let gate = Gate::new(window);
    let (job_tx, job_rx) = mpsc::sync_channel::<(usize, T)>(window);
    let job_rx = Mutex::new(job_rx);
    let (done_tx, done_rx) = mpsc::channel::<(usize, U)>();
    std::thread::scope(|scope| {
        let producer_gate = &gate;
        scope.spawn(move || {
            let mut seq = 0;
            produce(&mut |item| {
                if !producer_gate.enter() || job_tx.send((seq, item)).is_err() {
                    return false;
                }
                seq += 1;
                true
            });
        });
        let helpers = if caller == Caller::Works { jobs - 1 } else { jobs };
        for _ in 0..helpers {
            let done_tx = done_tx.clone();
            let (job_rx, work) = (&job_rx, &work);
            scope.spawn(move || {
                loop {
                    // The lock is held only while taking the next item, never while working.
                    let next = job_rx.lock().map_or(Err(mpsc::RecvError), |rx| rx.recv());
                    let Ok((seq, item)) = next else { break };
                    if done_tx.send((seq, work(item))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done_tx);
        let mut waiting = BTreeMap::new();
        let mut next = 0;
        // This thread takes items from the queue too while it works (`Caller::Works`) and the
        // producer has not finished.
        let mut takes_items = caller == Caller::Works;
        'out: loop {
            while let Some(result) = waiting.remove(&next) {
                next += 1;
                if !consume(result) {
                    break 'out;
                }
                gate.leave();
            }
            // Never wait for the queue's lock: a worker holds it while it waits for the producer,
            // which may itself be waiting for this thread to hand results on.
            if takes_items {
                let taken = match job_rx.try_lock() {
                    Ok(rx) => rx.try_recv(),
                    Err(TryLockError::WouldBlock) => Err(TryRecvError::Empty),
                    Err(TryLockError::Poisoned(_)) => Err(TryRecvError::Disconnected),
                };
                match taken {
                    Ok((seq, item)) => {
                        waiting.insert(seq, work(item));
                        while let Ok((seq, result)) = done_rx.try_recv() {
                            waiting.insert(seq, result);
                        }
                        continue;
                    }
                    Err(TryRecvError::Disconnected) => takes_items = false,
                    Err(TryRecvError::Empty) => {}
                }
            }
            // Nothing to work on: wait for a worker's result. None comes once every worker has
            // ended (the producer finished, the queue empty), and by then every result has been
            // handed on above.
            let Ok((seq, result)) = done_rx.recv() else { break };
            waiting.insert(seq, result);
        }
        // Closing the gate ends the producer; with the results' channel closed the workers end
        // at their next item.
        gate.close();
        drop(done_rx);
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

/// How many items are in flight, against the window: the producer waits at a full window and
/// is woken once half of it is free, not at every item.
struct Gate {
    state: Mutex<(usize, bool)>,
    freed: Condvar,
    window: usize,
}

impl Gate {
    fn new(window: usize) -> Self {
        Gate { state: Mutex::new((0, false)), freed: Condvar::new(), window }
    }

    /// One more item in flight, once the window allows; false once closed.
    fn enter(&self) -> bool {
        let Ok(mut state) = self.state.lock() else { return false };
        while state.0 >= self.window && !state.1 {
            state = match self.freed.wait(state) {
                Ok(state) => state,
                Err(_) => return false,
            };
        }
        state.0 += 1;
        !state.1
    }

    /// One item written.
    fn leave(&self) {
        if let Ok(mut state) = self.state.lock() {
            state.0 -= 1;
            if state.0 == self.window / 2 {
                self.freed.notify_one();
            }
        }
    }

    fn close(&self) {
        if let Ok(mut state) = self.state.lock() {
            state.1 = true;
            self.freed.notify_one();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Caller, run_ordered};

    #[test]
    fn results_come_in_input_order_whatever_the_jobs() {
        for (jobs, caller) in [(1, Caller::Works), (2, Caller::Works), (5, Caller::Works), (2, Caller::Consumes)] {
            let mut out = Vec::new();
            run_ordered(
                jobs,
                caller,
                |emit| {
                    for i in 0..500u64 {
                        if !emit(i) {
                            break;
                        }
                    }
                },
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
}
