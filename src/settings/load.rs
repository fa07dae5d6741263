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
            let toml_text = std::fs::read_to_string(&path).map_err(|e| {
                text.fmt(
                    "config.unreadable",
                    &[
                        ("path", &path.display().to_string()),
                        ("error", &crate::base::os::io_words(&e, text)),
                    ],
                )
            })?;
            let settings = parse(&toml_text, text)
                .map_err(|e| text.fmt("os.path", &[("path", &path.display().to_string()), ("error", &e)]))?;
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
            let start = span.start.min(toml_text.len());
            let line = toml_text[..start].matches('\n').count() + 1;
            let line_text = toml_text.lines().nth(line - 1).unwrap_or_default();
            // The key as the settings name it: its table's name, a dot, the key (`email.smtp_port`).
            let table = (toml_text.lines().take(line).filter_map(|l| l.trim().strip_prefix('['))).last();
            let table = table.map(|t| t.trim_start_matches('[').trim_end_matches(']').trim().to_string());
            let prefix = table.map(|t| format!("{t}.")).unwrap_or_default();
            let key = line_text
                .split_once('=')
                .map(|(k, _)| k.trim().trim_matches('"'))
                .unwrap_or_default();
            let key = if key.is_empty() {
                String::new()
            } else {
                format!("{prefix}{key}")
            };
            let message = toml_words(&message, &key, &prefix, text);
            text.fmt("config.line", &[("line", &line.to_string()), ("message", &message)])
        }
        None => toml_words(&message, "", "", text),
    }
}

/// The TOML reader's message in plain words: the key, what it expects, what was written.
fn toml_words(message: &str, key: &str, prefix: &str, text: &Catalogue) -> String {
    let unquote = |s: &str| s.trim().trim_matches(|c| c == '`' || c == '"').to_string();
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let (field, known) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let known: Vec<String> = known.trim_start_matches("one of ").split(", ").map(unquote).collect();
        let key = format!("{prefix}{}", unquote(field));
        return text.fmt("config.unknown_key", &[("key", &key), ("known", &text.list(&known))]);
    }
    let found_expected = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "))
        .and_then(|rest| rest.rsplit_once(", expected "));
    match found_expected {
        Some((found, expected)) if !key.is_empty() => {
            let (kind, value) = found.split_once(' ').unwrap_or((found, ""));
            let found = text.fmt(
                &format!("config.found.{}", kind_key(kind)),
                &[("value", &unquote(value))],
            );
            let expected = text.get(&format!("config.expected.{}", expected_key(expected)));
            text.fmt(
                "config.wrong_type",
                &[("key", key), ("expected", &expected), ("found", &found)],
            )
        }
        _ => text.fmt("config.syntax", &[("detail", message)]),
    }
}

fn kind_key(kind: &str) -> &'static str {
    match kind {
        "string" => "string",
        "integer" => "integer",
        "float" => "float",
        "boolean" => "boolean",
        "sequence" | "array" => "list",
        _ => "other",
    }
}

fn expected_key(expected: &str) -> &'static str {
    match expected {
        "u16" => "port",
        "u8" | "u32" | "u64" | "usize" => "count",
        "i8" | "i16" | "i32" | "i64" | "an integer" => "integer",
        "a boolean" => "boolean",
        "a string" => "string",
        "a sequence" => "list",
        _ => "other",
    }
}

/// [`parse`], with errors in English from this layer's own texts: for tests.
#[cfg(test)]
pub(crate) fn parse_in_english(toml_text: &str) -> Result<Settings, String> {
    let texts = crate::base::i18n::Texts::new(&[super::TEXTS]).leak();
    parse(toml_text, &Catalogue::new(Lang::En, texts))
}
