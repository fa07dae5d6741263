//! Phase timings for the benchmark: with `CLERK_TIMINGS=1` in the environment, each phase of a
//! run prints one line to stderr (`timing read 1.234 s`). Off by default; never in a report.

use std::sync::OnceLock;
use std::time::Instant;

fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("CLERK_TIMINGS").is_some_and(|v| v != "0"))
}

/// Prints how long the phase took when it is dropped (if timings are on).
pub struct Phase {
    name: std::borrow::Cow<'static, str>,
    start: Instant,
    cpu: f64,
}

impl Phase {
    pub fn start(name: impl Into<std::borrow::Cow<'static, str>>) -> Phase {
        Phase {
            name: name.into(),
            start: Instant::now(),
            cpu: if enabled() { cpu_seconds() } else { 0.0 },
        }
    }
}

impl Drop for Phase {
    fn drop(&mut self) {
        if enabled() {
            let (now, peak) = memory_mb();
            eprintln!(
                "timing {:<12} {:.3} s  (cpu {:.2} s, memory now {now} MB, peak {peak} MB)",
                self.name,
                self.start.elapsed().as_secs_f64(),
                cpu_seconds() - self.cpu
            );
        }
    }
}

/// CPU time the process has used so far, user and system, on all its threads (Unix; zero
/// elsewhere).
fn cpu_seconds() -> f64 {
    #[cfg(unix)]
    {
        // SAFETY: getrusage fills the struct it is given; a zeroed rusage is a valid value.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        if unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) } == 0 {
            let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
            return seconds(usage.ru_utime) + seconds(usage.ru_stime);
        }
    }
    0.0
}

/// The process's resident memory now and at its peak, in MB (Linux; zeros elsewhere).
fn memory_mb() -> (u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|line| line.strip_prefix(name))
            .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
            .map_or(0, |kb| kb / 1024)
    };
    (field("VmRSS:"), field("VmHWM:"))
}
