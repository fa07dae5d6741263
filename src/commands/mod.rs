//! What each command does, between the parsed command line and the exit status.

mod check;
pub mod cli;
pub mod column_notes;
mod console;
mod explain;
pub mod history;
pub mod init;
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
pub use self::setup::Outcome;
use self::setup::{bad_lang, language, load_settings};
use crate::base::i18n::Lang;
use crate::commands::cli::SendArgs;
use crate::settings::SettingsSource;

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

/// `clerk send FILE.eml…`: delivers each packaged message over SMTP (or, with `--dry-run`, says
/// what it would send). Every failure is one line naming the file; the others are still sent.
pub fn send(args: &SendArgs) -> Outcome {
    let (settings, source) = match load_settings(args.config.as_deref(), None, args.lang.as_deref()) {
        Ok(s) => s,
        Err(e) => return Outcome::Failed(e),
    };
    let lang = match language(args.lang.as_deref(), &settings) {
        Ok(l) => l,
        Err(e) => return Outcome::Failed(e),
    };
    let text = texts::catalogue(lang);
    let settings_name = match &source {
        SettingsSource::File(p) => p.display().to_string(),
        SettingsSource::BuiltIn => text.get("report.settings_builtin"),
    };
    let mut failures = Vec::new();
    let mut out = std::io::stdout().lock();
    for path in &args.files {
        let file = path.display().to_string();
        let result = send::read(path, &text).and_then(|message| {
            if args.dry_run {
                Ok(send::describe(&file, &message, &settings.email, &text))
            } else {
                send::deliver(&file, &message, &settings.email, &settings_name, &text)
            }
        });
        match result {
            Ok(line) => {
                if let Err(e) = writeln!(out, "{line}").and_then(|()| out.flush()) {
                    // A reader that stopped reading (`| head -1`) ends the sending here, as it
                    // would end `cat`; the failures so far are still said.
                    match printed(Err(e), Outcome::Done, &text) {
                        Outcome::Done => break,
                        failed => return failed,
                    }
                }
            }
            Err(line) => failures.push(line),
        }
    }
    if failures.is_empty() {
        Outcome::Done
    } else {
        // main prints the first line after "clerk: "; the others get the same start.
        Outcome::Failed(failures.join("\nclerk: "))
    }
}
