//! Sending a month's messages, by hand (`clerk send FILE.eml…`) or at the end of a scheduled run
//! (`clerk run INBOX --email --send`): which settings each message goes with, what the record
//! of the month's folder says of it ([`super::outbox`]), and one line for each message.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::console::printed;
use super::outbox::{self, Before};
use super::setup::{early_text, language, load_settings, Outcome};
use super::{message, send, texts};
use crate::base::i18n::Catalogue;
use crate::commands::cli::SendArgs;
use crate::settings::{EmailSettings, SettingsSource};

/// How the messages go.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// `--dry-run`: everything is checked, nothing is sent.
    DryRun,
    /// `clerk send`: sent as asked, with a note when the record says it was sent before.
    ByHand,
    /// `clerk run --send`: a message the record says was sent is not sent again, unless `resend`.
    Scheduled { resend: bool },
}

/// The settings one message goes with.
pub struct Sending<'a> {
    pub email: &'a EmailSettings,
    /// The settings file's name, for the line that says what is missing in it.
    pub settings_name: &'a str,
    pub text: &'a Catalogue,
    pub mode: Mode,
}

/// The name of the settings in a line: the file's path, or "built-in defaults".
pub fn settings_name(source: &SettingsSource, text: &Catalogue) -> String {
    match source {
        SettingsSource::File(p) => p.display().to_string(),
        SettingsSource::BuiltIn => text.get("report.settings_builtin"),
    }
}

/// Sends (or checks) one message: the line to print, or the one line of its failure.
pub fn one(path: &Path, how: &Sending) -> Result<String, String> {
    let file = path.display().to_string();
    let text = how.text;
    let message = message::read(path, text)?;
    let prepared = send::prepare(&file, how.email, how.settings_name, text)?;
    if how.mode == Mode::DryRun {
        return Ok(send::describe(&file, &message, how.email, text));
    }
    let recorded = outbox::keeps_record(path);
    let before = match recorded {
        true => outbox::sent_before(path, &message.data, text)?,
        false => Before::Never,
    };
    if how.mode == (Mode::Scheduled { resend: false }) {
        if let Some(line) = outbox::skipped(&file, &before, text) {
            return Ok(line);
        }
    }
    let line = send::deliver(&file, &message, &prepared, how.email, text)?;
    if how.mode == Mode::ByHand {
        if let Some(note) = outbox::again(&file, &before, text) {
            eprintln!("{note}");
        }
    }
    if recorded {
        outbox::record_sent(path, &message.data, &message.to(), text)
            .map_err(|e| text.fmt("outbox.not_recorded", &[("file", &file), ("error", &e)]))?;
    }
    Ok(line)
}

/// Runs `one` on every file, printing each line as it comes; every failure is one line naming
/// the file, and the others still go.
pub fn each(files: &[PathBuf], text: &Catalogue, mut one: impl FnMut(&Path) -> Result<String, String>) -> Outcome {
    let mut failures = Vec::new();
    let mut out = std::io::stdout().lock();
    for path in files {
        match one(path) {
            Ok(line) => {
                if let Err(e) = writeln!(out, "{line}").and_then(|()| out.flush()) {
                    // A reader that stopped reading (`| head -1`) ends the sending here, as it
                    // would end `cat`; the failures so far are still said.
                    match printed(Err(e), Outcome::Done, text) {
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

/// Settings loaded for `clerk send`, with the language of its lines.
struct Loaded {
    email: EmailSettings,
    name: String,
    text: Catalogue,
}

/// `clerk send FILE.eml…`: each message with `--config FILE`, else with the settings the run that
/// packaged it used (named in its folder's `send-settings.toml`), else with `clerk.toml` of the
/// current folder or the built-in settings. By hand, a message is sent even when the record
/// says it was sent before (with a note); the sending is added to the record.
pub fn send_files(args: &SendArgs) -> Outcome {
    let early = early_text(args.lang.as_deref());
    let lang = args.lang.as_deref();
    // Settings by the file they come from (None: --config, or the current folder's).
    let mut loaded: BTreeMap<Option<PathBuf>, Loaded> = BTreeMap::new();
    let load = |file: Option<PathBuf>| -> Result<Loaded, String> {
        let config = file.as_deref().or(args.config.as_deref());
        let (settings, source) = load_settings(config, None, lang)?;
        let text = texts::catalogue(language(lang, &settings)?);
        Ok(Loaded {
            name: settings_name(&source, &text),
            email: settings.email,
            text,
        })
    };
    // With --config or without any recorded settings, a settings error ends the command at once.
    if args.config.is_some() || !args.files.iter().any(|f| outbox::keeps_record(f)) {
        match load(None) {
            Ok(l) => loaded.insert(None, l),
            Err(e) => return Outcome::Failed(e),
        };
    }
    let mode = if args.dry_run { Mode::DryRun } else { Mode::ByHand };
    let text = loaded.get(&None).map_or(early, |l| l.text);
    let mut noted = Vec::new();
    each(&args.files, &text, |path| {
        let key = match &args.config {
            Some(_) => None,
            None => recorded(path, &mut noted, &early)?,
        };
        if !loaded.contains_key(&key) {
            let l = load(key.clone())?;
            loaded.insert(key.clone(), l);
        }
        let settings = &loaded[&key];
        let how = Sending {
            email: &settings.email,
            settings_name: &settings.name,
            text: &settings.text,
            mode,
        };
        one(path, &how)
    })
}

/// The settings file recorded beside `path`, if any; a note when it has changed since the run,
/// once for each file (those `noted` already).
fn recorded(path: &Path, noted: &mut Vec<PathBuf>, text: &Catalogue) -> Result<Option<PathBuf>, String> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let Some(r) = outbox::recorded_settings(folder, &path.display().to_string(), text)? else {
        return Ok(None);
    };
    if r.changed && !noted.contains(&r.path) {
        let (settings, record) = (r.path.display().to_string(), r.record.display().to_string());
        eprintln!(
            "{}",
            text.fmt(
                "outbox.settings_changed",
                &[("settings", &settings), ("record", &record)]
            )
        );
        noted.push(r.path.clone());
    }
    Ok(Some(r.path))
}
