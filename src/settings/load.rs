//! Finding, reading and parsing the settings file.

use std::path::{Path, PathBuf};

use toml::de::DeTable;

use super::{shape, Settings, SettingsSource};
use crate::base::i18n::{Catalogue, Lang};

/// Finds and loads the settings: `--config FILE`, else `clerk.toml` in the inbox, else in the
/// current folder, else the built-in default. `rules` are the rule ids there are (`[departments]`
/// names them). A settings error is in the language `lang` (`--lang`) names, else in the file's
/// own `language` when that can be read, else in `text`'s.
pub fn load(
    explicit: Option<&Path>,
    inbox: Option<&Path>,
    rules: &[&str],
    lang: Option<Lang>,
    text: &Catalogue,
) -> Result<(Settings, SettingsSource), String> {
    let text = lang.map_or(*text, |l| text.in_lang(l));
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
            let in_file = |text: &Catalogue, message: &str| {
                text.fmt(
                    "config.in_file",
                    &[("path", &path.display().to_string()), ("message", message)],
                )
            };
            let toml_text = std::fs::read_to_string(&path).map_err(|e| {
                text.fmt(
                    "config.unreadable",
                    &[
                        ("path", &path.display().to_string()),
                        ("error", &crate::base::os::io_words(&e, &text)),
                    ],
                )
            })?;
            let text = match lang {
                Some(_) => text,
                None => file_language(&toml_text).map_or(text, |l| text.in_lang(l)),
            };
            let settings = parse(&toml_text, rules, &text).map_err(|e| in_file(&text, &e))?;
            return Ok((settings, SettingsSource::File(path)));
        }
    }
    Ok((Settings::default(), SettingsSource::BuiltIn))
}

/// The `language` a settings file names at its top, when it names one clerk has, even if the
/// rest of the file cannot be read: the language to say what is wrong with it in.
fn file_language(toml_text: &str) -> Option<Lang> {
    if let Ok(table) = DeTable::parse(toml_text) {
        return table
            .get_ref()
            .get("language")?
            .get_ref()
            .as_str()
            .and_then(Lang::parse);
    }
    // Not TOML as a whole: the line `language = "…"` above the first section.
    let line = toml_text
        .lines()
        .map(str::trim)
        .take_while(|l| !l.starts_with('['))
        .find_map(|l| l.strip_prefix("language")?.trim_start().strip_prefix('='))?;
    let value = line.trim().strip_prefix('"')?;
    Lang::parse(&value[..value.find('"')?])
}

/// Parses and validates settings text; `rules` are the rule ids there are.
pub fn parse(toml_text: &str, rules: &[&str], text: &Catalogue) -> Result<Settings, String> {
    let table = DeTable::parse(toml_text).map_err(|e| one_line_toml_error(&e, toml_text, text))?;
    shape::check(table.get_ref(), toml_text, rules, text).map_err(|problem| {
        let line = line_of(toml_text, problem.span.start);
        text.fmt(
            "config.line",
            &[("line", &line.to_string()), ("message", &problem.message)],
        )
    })?;
    let settings: Settings = toml::from_str(toml_text).map_err(|e| one_line_toml_error(&e, toml_text, text))?;
    settings.validate(text)?;
    Ok(settings)
}

fn line_of(toml_text: &str, at: usize) -> usize {
    toml_text[..at.min(toml_text.len())].matches('\n').count() + 1
}

fn one_line_toml_error(err: &toml::de::Error, toml_text: &str, text: &Catalogue) -> String {
    let message = err.message().trim().replace('\n', " ");
    match err.span() {
        Some(span) => {
            let line = line_of(toml_text, span.start);
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

/// [`parse`], with errors in English from this layer's own texts and every rule id of the
/// registry: for tests.
#[cfg(test)]
pub(crate) fn parse_in_english(toml_text: &str) -> Result<Settings, String> {
    let texts = crate::base::i18n::Texts::new(&[super::TEXTS, super::SHAPE_TEXTS, crate::base::i18n::TEXTS]).leak();
    let rules: Vec<&str> = crate::rules::registry::all().map(|r| r.id()).collect();
    parse(toml_text, &rules, &Catalogue::new(Lang::En, texts))
}
