//! How soon freed memory goes back to the system. mimalloc, the binary's allocator
//! (src/main.rs), keeps a freed page for a second before it gives it back, in case it is asked
//! for again: reading the inbox frees cells and asks for new ones all the time, and the delay
//! spares it the system's work. What is freed after the reading — the rows no annotated copy
//! shows, the records once the report is built — is not asked for again, yet held that second,
//! it was a quarter of the peak of a million rows in one workbook. So from the end of the reading
//! a freed page goes back within a tenth of a second (BENCHMARKS.md, sixteenth sitting: a million
//! rows 447 → 396 MB, in one workbook 474 → 352 MB, the time within the noise; giving pages back
//! at once from the start cost a tenth more time).
//!
//! Even a tenth of a second is long where a phase frees much at its end and the next asks for
//! much: mimalloc gives a page back only when it next looks, and the pages the reading's threads,
//! a rule's scratch or the records freed were still held when the report model was built on top
//! of them (70–100 MB of a million rows' peak, BENCHMARKS.md, eighteenth sitting). So the run
//! gives them back at once at the end of those phases ([`give_back_now`]), and while the rules
//! run, the report model is built and the findings' messages are said — under a second of a
//! million rows, whose scratch comes and goes — a page goes back as soon as it is freed
//! ([`giving_back_at_once`]; the messages said in place of their data: 254 → 241 MB at a million
//! rows, BENCHMARKS.md, nineteenth sitting).
//!
//! Without mimalloc as the allocator (the tests, a heap profiler's build) the options are set and
//! unused, and giving back does nothing.

use libmimalloc_sys::{mi_option_set, mi_option_t};

/// `mi_option_purge_delay` of mimalloc 3's `mimalloc.h` (libmimalloc-sys names no constant for
/// it): the milliseconds a freed page is kept before it goes back to the system.
const PURGE_DELAY: mi_option_t = 15;

/// Milliseconds a freed page is kept once the reading is done.
const AFTER_READING_MS: std::ffi::c_long = 100;

/// From now on, a freed page goes back to the system within [`AFTER_READING_MS`]; those freed
/// by the reading go back now.
pub fn give_back_sooner() {
    set_purge_delay(AFTER_READING_MS);
    give_back_now();
}

/// Gives every page freed so far back to the system now, whichever thread freed it (a few
/// milliseconds).
pub fn give_back_now() {
    // SAFETY: asks mimalloc to collect its freed memory; callable from any thread at any time.
    unsafe { libmimalloc_sys::mi_collect(true) }
}

/// Runs `work` with every page it frees given back at once, then [`AFTER_READING_MS`] again.
pub fn giving_back_at_once<T>(work: impl FnOnce() -> T) -> T {
    set_purge_delay(0);
    let done = work();
    set_purge_delay(AFTER_READING_MS);
    done
}

fn set_purge_delay(ms: std::ffi::c_long) {
    // SAFETY: sets one of mimalloc's options, which it reads each time it decides.
    unsafe { mi_option_set(PURGE_DELAY, ms) }
}

#[cfg(test)]
mod tests {
    /// The milliseconds a freed page is kept now.
    fn purge_delay_ms() -> std::ffi::c_long {
        // SAFETY: reads one of mimalloc's options.
        unsafe { libmimalloc_sys::mi_option_get(super::PURGE_DELAY) }
    }

    /// Option 15 is the purge delay: mimalloc 3 keeps a freed page for 1000 ms unless told
    /// otherwise (a mimalloc that numbered its options anew would fail here), 100 once the
    /// reading is done, none while the rules run and 100 again after them.
    #[test]
    fn option_15_is_the_purge_delay_and_becomes_a_tenth_of_a_second_and_none_while_the_rules_run() {
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
            assert_eq!(purge_delay_ms(), 1000);
        }
        super::give_back_sooner();
        assert_eq!(purge_delay_ms(), 100);
        let during = super::giving_back_at_once(purge_delay_ms);
        assert_eq!((during, purge_delay_ms()), (0, 100));
    }
}
