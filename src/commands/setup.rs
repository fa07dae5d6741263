//! What every command does first: the settings, the language of its messages and the period;
//! and how a command ends.

use std::path::Path;

use crate::base::i18n::{Catalogue, Lang};
use crate::commands::cli::Common;
use crate::commands::texts;
use crate::month::Period;
use crate::rules::registry;
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

pub(super) fn language(flag: Option<&str>, settings: &Settings) -> Result<Lang, String> {
    match flag {
        Some(code) => Lang::parse(code).ok_or_else(|| bad_lang(code)),
        None => Ok(settings.language),
    }
}

pub(super) fn bad_lang(code: &str) -> String {
    texts::catalogue(Lang::En).fmt("cli.bad_lang", &[("code", code)])
}

/// The language of messages written before the settings are read: `--lang` when it is valid.
pub(super) fn early_text(flag: Option<&str>) -> Catalogue {
    texts::catalogue(flag.and_then(Lang::parse).unwrap_or_default())
}

/// The settings of `--config FILE`, else of `clerk.toml` in `inbox` or the current folder, else
/// the built-in ones. What is wrong with them is said in the language of `--lang`, else in the
/// file's own `language`, else in English.
pub(super) fn load_settings(
    config: Option<&Path>,
    inbox: Option<&Path>,
    lang: Option<&str>,
) -> Result<(Settings, SettingsSource), String> {
    let rules: Vec<&str> = registry::all().map(|r| r.id()).collect();
    let lang = lang.and_then(Lang::parse);
    settings::load(config, inbox, &rules, lang, &texts::catalogue(Lang::default()))
}

/// Settings, language and period of `run`/`check`.
pub(super) fn prepare(common: &Common, default_all: bool) -> Result<(Settings, SettingsSource, Lang, Period), String> {
    let early = early_text(common.lang.as_deref());
    if !common.inbox.exists() {
        return Err(early.fmt("cli.no_inbox", &[("path", &common.inbox.display().to_string())]));
    }
    let inbox_dir = if common.inbox.is_dir() {
        Some(common.inbox.as_path())
    } else {
        common.inbox.parent()
    };
    let (settings, source) = load_settings(common.config.as_deref(), inbox_dir, common.lang.as_deref())?;
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
