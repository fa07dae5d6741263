//! What each command does, between the parsed command line and the exit status.

mod check;
pub mod cli;
mod console;
mod explain;
pub mod init;
pub mod pipeline;
mod run;
pub mod send;
pub mod texts;

use std::path::Path;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

pub use self::check::check;
pub use self::explain::rules;
use self::pipeline::Checked;
pub use self::run::run;
use crate::base::i18n::{Catalogue, Lang};
use crate::commands::cli::{Common, SendArgs};
use crate::month::Period;
use crate::settings::{self, Settings, SettingsSource};

/// How a command ended: the exit status and, on failure, one line for stderr.
pub enum Outcome {
    Done,
    /// `check` found something at or above `--fail-on`.
    Findings,
    /// Bad usage, or nothing could be read: the message says what.
    Failed(String),
}

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

fn language(flag: Option<&str>, settings: &Settings) -> Result<Lang, String> {
    match flag {
        Some(code) => Lang::parse(code).ok_or_else(|| bad_lang(code)),
        None => Ok(settings.language),
    }
}

fn bad_lang(code: &str) -> String {
    texts::catalogue(Lang::En).fmt("cli.bad_lang", &[("code", code)])
}

/// The language of messages written before the settings are read: `--lang` when it is valid.
fn early_text(flag: Option<&str>) -> Catalogue {
    texts::catalogue(flag.and_then(Lang::parse).unwrap_or_default())
}

/// Settings, language and period of `run`/`check`.
fn prepare(common: &Common, default_all: bool) -> Result<(Settings, SettingsSource, Lang, Period), String> {
    let early = early_text(common.lang.as_deref());
    if !common.inbox.exists() {
        return Err(early.fmt("cli.no_inbox", &[("path", &common.inbox.display().to_string())]));
    }
    let inbox_dir = if common.inbox.is_dir() {
        Some(common.inbox.as_path())
    } else {
        common.inbox.parent()
    };
    let (settings, source) = settings::load(common.config.as_deref(), inbox_dir, &early)?;
    let lang = language(common.lang.as_deref(), &settings)?;
    let period = match (&common.month, &common.period) {
        (Some(m), _) => {
            let bad = || texts::catalogue(lang).fmt("cli.bad_month", &[("value", m)]);
            let p = Period::parse(m).map_err(|_| bad())?;
            if p.label.len() != 7 {
                return Err(bad());
            }
            p
        }
        (None, Some(p)) => {
            Period::parse(p).map_err(|_| texts::catalogue(lang).fmt("cli.bad_period", &[("value", p)]))?
        }
        (None, None) if default_all => Period::all(today()),
        (None, None) => Period::previous_month(today()),
    };
    Ok((settings, source, lang, period))
}

/// A bar on stderr while the files are read; indicatif draws nothing when stderr is not a terminal.
fn progress_bar() -> ProgressBar {
    let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}") {
        bar.set_style(style);
    }
    bar
}

fn no_register(checked: &Checked) -> Option<String> {
    if checked.registers.sources.is_empty() {
        let text = checked.report.text();
        let mut lines: Vec<String> = checked.registers.errors.clone();
        lines.push(text.fmt("cli.no_register", &[("inbox", &checked.inbox.display().to_string())]));
        Some(lines.join("\n"))
    } else {
        None
    }
}

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
                if written {
                    println!("{} {}", text.get("cli.wrote"), path.display());
                } else {
                    println!("{}: {}", path.display(), text.get("init.exists"));
                }
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
