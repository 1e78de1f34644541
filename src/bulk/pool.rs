//! Work on several threads with the results kept in input order, in bounded memory.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::sync::mpsc;

/// How many inputs each worker may be ahead of the output: enough to keep the threads busy
/// when one cable is slow, few enough that memory does not grow with the input.
const AHEAD_PER_JOB: usize = 16;

/// Feeds what `produce` emits through `work` on `jobs` threads and hands the results to
/// `consume` in the order they were emitted. At most `jobs × 16` items are in flight, so
/// memory is bounded whatever the input's size. `emit` returns false, and the run winds
/// down, once `consume` has returned false (a closed output).
///
/// With one job everything runs on the calling thread: no threads, no channels.
pub fn run_ordered<T: Send, U: Send>(
    jobs: usize,
    produce: impl FnOnce(&mut dyn FnMut(T) -> bool) + Send,
    work: impl Fn(T) -> U + Sync,
    mut consume: impl FnMut(U) -> bool,
) {
    if jobs <= 1 {
        produce(&mut |item| consume(work(item)));
        return;
    }
    let window = jobs * AHEAD_PER_JOB;
    // A token per item allowed in flight: the producer takes one per item, the consumer
    // gives it back once the item is written.
    let (token_tx, token_rx) = mpsc::sync_channel::<()>(window);
    for _ in 0..window {
        let _ = token_tx.send(());
    }
    let (job_tx, job_rx) = mpsc::sync_channel::<(usize, T)>(jobs);
    let job_rx = Mutex::new(job_rx);
    let (done_tx, done_rx) = mpsc::channel::<(usize, U)>();
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let mut seq = 0;
            produce(&mut |item| {
                if token_rx.recv().is_err() || job_tx.send((seq, item)).is_err() {
                    return false;
                }
                seq += 1;
                true
            });
        });
        for _ in 0..jobs {
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
        'out: for (seq, result) in &done_rx {
            waiting.insert(seq, result);
            while let Some(result) = waiting.remove(&next) {
                next += 1;
                if !consume(result) {
                    break 'out;
                }
                let _ = token_tx.send(());
            }
        }
        // Closing the channels ends the producer (no more tokens) and the workers (nowhere to
        // send); what the producer had already queued is drained so that it is never left
        // blocked on a full queue.
        drop(token_tx);
        drop(done_rx);
        while job_rx.lock().is_ok_and(|rx| rx.recv().is_ok()) {}
    });
}

#[cfg(test)]
mod tests {
    use super::run_ordered;

    #[test]
    fn results_come_in_input_order_whatever_the_jobs() {
        for jobs in [1, 2, 5] {
            let mut out = Vec::new();
            run_ordered(
                jobs,
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
            assert_eq!(out, (0..500).map(|i| i * 2).collect::<Vec<_>>(), "jobs {jobs}");
        }
    }

    #[test]
    fn a_consumer_that_stops_stops_the_producer() {
        let mut produced = 0;
        let mut taken = 0;
        run_ordered(
            2,
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
        assert_eq!(taken, 10);
        assert!(produced < 10 + 2 * 16 + 2, "the producer ran {produced} items ahead");
    }
}
