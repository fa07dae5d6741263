//! The `clerk` binary: parse the command line, run the command, map the outcome to the exit
//! status (0 done; 1 `check` found something at or above `--fail-on`; 2 bad usage or nothing
//! could be read). Errors are one line each; a panic never reaches the user as a stack trace.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use clerk::commands::cli::{Cli, Command};
use clerk::commands::{self, Outcome};

/// mimalloc rather than the system allocator: a large run makes and frees millions of small
/// values (cells, records, messages), and glibc's allocator spent a fifth of the run on them.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    no_huge_pages();
    std::panic::set_hook(Box::new(|_| {}));
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some(clerk::read::contain::CHILD_FLAG) {
        // A contained reader of one xls/ods file (see src/read/contain.rs).
        let code = clerk::read::contain::child_main(args.get(2..).unwrap_or(&[]));
        return ExitCode::from(code as u8);
    }
    // xls and ods files are read in child processes of this executable.
    let reader_exe = std::env::current_exe().ok();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return match e.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => ExitCode::SUCCESS,
                _ => ExitCode::from(2),
            };
        }
    };
    let outcome = std::panic::catch_unwind(|| match &cli.command {
        Command::Run(args) => commands::run(args, reader_exe.as_deref()),
        Command::Check(args) => commands::check(args, reader_exe.as_deref()),
        Command::Rules { id, lang, config } => commands::rules(id.as_deref(), lang.as_deref(), config.as_deref()),
        Command::Init { dir, lang } => commands::init(dir, lang.as_deref()),
        Command::Send(args) => commands::send(args),
        Command::History(args) => commands::history(args),
        Command::Completions { shell } => commands::completions(*shell),
    });
    match outcome {
        Ok(Outcome::Done) => ExitCode::SUCCESS,
        Ok(Outcome::Findings) => ExitCode::from(1),
        Ok(Outcome::Failed(message)) => {
            let _ = writeln!(std::io::stderr(), "clerk: {message}");
            ExitCode::from(2)
        }
        Err(_) => {
            let _ = writeln!(
                std::io::stderr(),
                "clerk: internal error; please report it with the command you ran"
            );
            ExitCode::from(2)
        }
    }
}

/// Asks Linux not to back this process's memory with transparent huge pages. A run touches its
/// memory in small pieces over many places; with huge pages the kernel zeroes 2 MB for each first
/// touch, and on the benchmark's million rows that doubled the time spent in the kernel (2.5 s →
/// 1.2 s of system time; 0.5 s of wall time; see BENCHMARKS.md). Affects this process only.
fn no_huge_pages() {
    // SAFETY: PR_SET_THP_DISABLE takes plain integers and changes nothing but this flag.
    #[cfg(target_os = "linux")]
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}
