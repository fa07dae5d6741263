//! What each command does, between the parsed command line and the exit status.

mod check;
pub mod cli;
mod console;
mod explain;
pub mod init;
pub mod pipeline;
mod run;
pub mod send;
mod setup;
pub mod texts;

use std::path::Path;

pub use self::check::check;
pub use self::explain::rules;
pub use self::run::run;
pub use self::setup::Outcome;
use self::setup::{bad_lang, early_text, language};
use crate::base::i18n::Lang;
use crate::commands::cli::SendArgs;
use crate::settings::{self, SettingsSource};

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
            for (path, written) in files {
                let key = if written { "cli.wrote" } else { "cli.exists" };
                println!("{}", text.fmt(key, &[("path", &path.display().to_string())]));
            }
            Outcome::Done
        }
        Err(e) => Outcome::Failed(e),
    }
}

/// `clerk send FILE.eml…`: delivers each packaged message over SMTP (or, with `--dry-run`, says
/// what it would send). Every failure is one line naming the file; the others are still sent.
pub fn send(args: &SendArgs) -> Outcome {
    let (settings, source) = match settings::load(args.config.as_deref(), None, &early_text(args.lang.as_deref())) {
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
            Ok(line) => println!("{line}"),
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
