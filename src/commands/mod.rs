//! What each command does, between the parsed command line and the exit status.

mod check;
pub mod cli;
pub mod column_notes;
mod console;
mod explain;
pub mod history;
pub mod init;
mod mail;
mod message;
pub mod outbox;
pub mod pipeline;
mod run;
pub mod send;
mod setup;
pub mod texts;

use std::io::Write;
use std::path::Path;

pub use self::check::check;
use self::console::printed;
pub use self::explain::rules;
pub use self::history::history;
pub use self::run::run;
use self::setup::bad_lang;
pub use self::setup::Outcome;
use crate::base::i18n::Lang;
use crate::commands::cli::SendArgs;

pub fn init(dir: &Path, lang: Option<&str>) -> Outcome {
    let lang = match lang {
        None => Lang::En,
        Some(code) => match Lang::parse(code) {
            Some(l) => l,
            None => return Outcome::Failed(bad_lang(code)),
        },
    };
    let text = texts::catalogue(lang);
    match crate::commands::init::write(dir, &text) {
        Ok(files) => {
            let mut out = std::io::stdout().lock();
            let listed = files.iter().try_for_each(|(path, written)| {
                let key = if *written { "cli.wrote" } else { "cli.exists" };
                writeln!(out, "{}", text.fmt(key, &[("path", &path.display().to_string())]))
            });
            printed(listed.and_then(|()| out.flush()), Outcome::Done, &text)
        }
        Err(e) => Outcome::Failed(e),
    }
}

/// `clerk completions SHELL`: the shell's completion script, made from the command line's
/// definition (written whole, so that a closed pipe ends it quietly like any other output).
pub fn completions(shell: clap_complete::Shell) -> Outcome {
    let mut script = Vec::new();
    clap_complete::generate(
        shell,
        &mut <cli::Cli as clap::CommandFactory>::command(),
        "clerk",
        &mut script,
    );
    let mut out = std::io::stdout().lock();
    let written = out.write_all(&script).and_then(|()| out.flush());
    printed(written, Outcome::Done, &texts::catalogue(Lang::En))
}

/// `clerk send FILE.eml…`: delivers each packaged message over SMTP (or, with `--dry-run`, checks
/// everything a send checks and says what it would send). Every failure is one line naming the
/// file; the others are still sent.
pub fn send(args: &SendArgs) -> Outcome {
    mail::send_files(args)
}
