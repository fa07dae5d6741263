//! One way to use both cores: a task over a list of items, each thread taking the next item not
//! yet taken, the results given back in item order (so nothing depends on which thread finished
//! first).

use std::sync::atomic::{AtomicUsize, Ordering};

/// Runs `task` on every item on up to as many threads as there are cores; results in item order.
/// A panic in a task is raised again here, as if the items had been done one after another.
pub fn in_parallel<I: Sync, T: Send>(items: &[I], task: impl Fn(&I) -> T + Sync) -> Vec<T> {
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len());
    if workers <= 1 {
        return items.iter().map(task).collect();
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else { break };
            done.push((i, task(item)));
        }
        done
    };
    let mut results: Vec<(usize, T)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers).map(|_| scope.spawn(work)).collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
            .collect()
    });
    results.sort_unstable_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, t)| t).collect()
}

/// [`in_parallel`] with the items of the largest `cost` started first — so that a long task taken
/// last does not keep one core busy while the others wait — the results still in item order.
pub fn in_parallel_longest_first<I: Sync, T: Send>(
    items: &[I],
    cost: impl Fn(&I) -> u64,
    task: impl Fn(&I) -> T + Sync,
) -> Vec<T> {
    let mut order: Vec<(u64, usize)> = items.iter().enumerate().map(|(i, item)| (cost(item), i)).collect();
    order.sort_by_key(|&(cost, i)| (std::cmp::Reverse(cost), i));
    let done = in_parallel(&order, |&(_, i)| task(&items[i]));
    let mut by_item: Vec<Option<T>> = (0..items.len()).map(|_| None).collect();
    for (&(_, i), result) in order.iter().zip(done) {
        by_item[i] = Some(result);
    }
    by_item.into_iter().flatten().collect()
}

/// Runs `there` on a second thread while `here` runs on this one (so `here` keeps this thread's
/// state); gives both results. A panic in either is raised again here.
pub fn both<A: Send, B>(there: impl FnOnce() -> A + Send, here: impl FnOnce() -> B) -> (A, B) {
    std::thread::scope(|scope| {
        let other = scope.spawn(there);
        let b = here();
        let a = other.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (a, b)
    })
}

/// Gives the calling thread (and the threads it starts) only what the cores have left over: work
/// that runs beside the run's own — the history's fingerprints beside the rules — then takes no
/// core from it, and does its share while a core would otherwise wait. (Linux: the thread's nice
/// value set to 19; elsewhere, nothing.)
pub fn yield_to_others() {
    #[cfg(target_os = "linux")]
    // SAFETY: setpriority only reads its arguments; on Linux PRIO_PROCESS with a thread id names
    // that one thread.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, libc::gettid() as libc::id_t, 19);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_costliest_start_first_and_results_come_back_in_item_order() {
        let items: Vec<u64> = (0..40).collect();
        let started = std::sync::Mutex::new(Vec::new());
        let out = in_parallel_longest_first(
            &items,
            |n| *n,
            |n| {
                started.lock().unwrap().push((std::thread::current().id(), *n));
                n * 2
            },
        );
        assert_eq!(out, (0..40).map(|n| n * 2).collect::<Vec<_>>());
        let started = started.into_inner().unwrap();
        // Each thread takes the costliest item not yet taken, so each did its items from the
        // costliest down. (Which thread got which, and when each noted its start, is up to the
        // scheduler: a thread may note its first item after another has done several.)
        let mut threads = Vec::new();
        for (thread, _) in &started {
            if !threads.contains(thread) {
                threads.push(*thread);
            }
        }
        for thread in threads {
            let done: Vec<u64> = started.iter().filter(|(t, _)| *t == thread).map(|(_, n)| *n).collect();
            assert!(done.windows(2).all(|w| w[0] > w[1]), "{done:?}");
        }
        let mut all: Vec<u64> = started.iter().map(|(_, n)| *n).collect();
        all.sort_unstable();
        assert_eq!(all, items);
    }

    #[test]
    fn results_come_back_in_item_order() {
        let items: Vec<u64> = (0..100).collect();
        let out = in_parallel(&items, |n| {
            // Uneven work, so threads finish out of order.
            std::thread::sleep(std::time::Duration::from_micros((100 - n) * 10));
            n * 2
        });
        assert_eq!(out, (0..100).map(|n| n * 2).collect::<Vec<_>>());
        assert!(in_parallel(&[] as &[u8], |_| 0).is_empty());
    }

    #[test]
    fn both_gives_both_results_and_keeps_this_thread_for_the_second() {
        let here = std::thread::current().id();
        let (a, b) = both(|| std::thread::current().id(), || std::thread::current().id());
        assert_ne!(a, here);
        assert_eq!(b, here);
    }
}
