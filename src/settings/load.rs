//! Finding, reading and parsing the settings file.

use std::path::{Path, PathBuf};

use super::{Settings, SettingsSource};
use crate::base::i18n::Catalogue;
#[cfg(test)]
use crate::base::i18n::Lang;

/// Finds and loads the settings: `--config FILE`, else `clerk.toml` in the inbox, else in the
/// current folder, else the built-in default.
pub fn load(
    explicit: Option<&Path>,
    inbox: Option<&Path>,
    text: &Catalogue,
) -> Result<(Settings, SettingsSource), String> {
    let candidates: Vec<PathBuf> = match explicit {
        Some(path) => {
            if !path.is_file() {
                return Err(text.fmt("config.not_found", &[("path", &path.display().to_string())]));
            }
            vec![path.to_path_buf()]
        }
        None => inbox
            .map(|dir| dir.join("clerk.toml"))
            .into_iter()
            .chain(std::iter::once(PathBuf::from("clerk.toml")))
            .collect(),
    };
    for path in candidates {
        if path.is_file() {
            let toml_text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let settings = parse(&toml_text, text).map_err(|e| format!("{}: {e}", path.display()))?;
            return Ok((settings, SettingsSource::File(path)));
        }
    }
    Ok((Settings::default(), SettingsSource::BuiltIn))
}

/// Parses and validates settings text.
pub fn parse(toml_text: &str, text: &Catalogue) -> Result<Settings, String> {
    let settings: Settings = toml::from_str(toml_text).map_err(|e| one_line_toml_error(&e, toml_text, text))?;
    settings.validate(text)?;
    Ok(settings)
}

fn one_line_toml_error(err: &toml::de::Error, toml_text: &str, text: &Catalogue) -> String {
    let message = err.message().trim().replace('\n', " ");
    match err.span() {
        Some(span) => {
            let line = toml_text[..span.start.min(toml_text.len())].matches('\n').count() + 1;
            text.fmt("config.line", &[("line", &line.to_string()), ("message", &message)])
        }
        None => message,
    }
}

/// [`parse`], with errors in English from this layer's own texts: for tests.
#[cfg(test)]
pub(crate) fn parse_in_english(toml_text: &str) -> Result<Settings, String> {
    let texts = crate::base::i18n::Texts::new(&[super::TEXTS]).leak();
    parse(toml_text, &Catalogue::new(Lang::En, texts))
}
