//! The settings file against the description of its keys ([`super::keys`]), before serde reads
//! it: a key that does not exist, a value of the wrong kind or out of range is one line naming
//! the key as it is written, what it should hold in plain words, and what it holds.

use std::ops::Range;

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use super::keys::{self, Expects, Key};
use crate::base::i18n::Catalogue;

/// The first thing wrong in a settings file: where, and the line that says it.
pub(super) struct Problem {
    pub span: Range<usize>,
    pub message: String,
}

/// What was found where a key's value should be: the value, or one item of a list.
enum Found {
    Value,
    Item(usize),
}

struct Shape<'a> {
    source: &'a str,
    rules: &'a [&'a str],
    text: &'a Catalogue,
    problems: Vec<Problem>,
}

/// Checks every key of `table` (parsed from `source`); `rules` are the rule ids there are.
pub(super) fn check(table: &DeTable, source: &str, rules: &[&str], text: &Catalogue) -> Result<(), Problem> {
    let mut shape = Shape {
        source,
        rules,
        text,
        problems: Vec::new(),
    };
    shape.table(table, &mut Vec::new());
    // Tables are walked by name; the user reads the file from the top.
    let first = shape.problems.into_iter().min_by_key(|p| p.span.start);
    first.map_or(Ok(()), Err)
}

impl Shape<'_> {
    fn table(&mut self, table: &DeTable, path: &mut Vec<String>) {
        for (name, value) in table.iter() {
            path.push(name.get_ref().to_string());
            match keys::find(path) {
                Some(key) => self.value(key, path, value),
                None if keys::is_section(path) => match value.get_ref() {
                    DeValue::Table(inner) => {
                        self.table(inner, path);
                        self.required(inner, path, value.span());
                    }
                    _ => {
                        let found = self.found(value);
                        let message = self.text.fmt(
                            "config.not_section",
                            &[("key", &keys::shown(path, path.len() - 1)), ("found", &found)],
                        );
                        self.problem(value.span(), message);
                    }
                },
                None => {
                    let parent = &path[..path.len() - 1];
                    let known = self.text.list(&keys::names_in(parent));
                    let message = self.text.fmt(
                        "config.unknown_key",
                        &[("key", &keys::shown(path, path.len() - 1)), ("known", &known)],
                    );
                    self.problem(name.span(), message);
                }
            }
            path.pop();
        }
    }

    /// Both keys of a review row.
    fn required(&mut self, table: &DeTable, path: &[String], span: Range<usize>) {
        let required: Vec<&Key> = keys::required_in(path).collect();
        for key in &required {
            let name = key.path().last().unwrap_or_default();
            if table.get(name).is_none() {
                let mut full = path.to_vec();
                full.push(name.to_string());
                let all: Vec<String> = required
                    .iter()
                    .filter_map(|k| k.path().last())
                    .map(String::from)
                    .collect();
                let message = self.text.fmt(
                    "config.missing_key",
                    &[
                        ("key", &keys::shown(&full, key.section_len())),
                        ("keys", &self.text.list(&all)),
                    ],
                );
                self.problem(span.clone(), message);
            }
        }
    }

    fn problem(&mut self, span: Range<usize>, message: String) {
        self.problems.push(Problem { span, message });
    }

    /// A key's value against what it should hold.
    fn value(&mut self, key: &Key, path: &[String], value: &Spanned<DeValue>) {
        let found = match value.get_ref() {
            DeValue::Array(items) if is_list(key.expects) => items
                .iter()
                .position(|i| !self.fits(key.expects, i.get_ref()))
                .map(Found::Item),
            v if !is_list(key.expects) && self.fits(key.expects, v) => None,
            _ => Some(Found::Value),
        };
        let shown = keys::shown(path, key.section_len());
        let (span, message) = match (found, value.get_ref()) {
            (None, _) => return,
            (Some(Found::Item(i)), DeValue::Array(items)) => {
                let item = &items[i];
                let message = match item.get_ref() {
                    DeValue::String(id) if key.expects == Expects::RuleIds => self.unknown_rule(&shown, id),
                    _ => self.expects("config.expects_item", &shown, key, item),
                };
                (item.span(), message)
            }
            _ => (value.span(), self.expects("config.expects", &shown, key, value)),
        };
        self.problem(span, message);
    }

    /// `template` (`config.expects`, `config.expects_item`) filled for `key` and what it holds.
    fn expects(&self, template: &str, shown: &str, key: &Key, found: &Spanned<DeValue>) -> String {
        self.text.fmt(
            template,
            &[
                ("key", shown),
                ("expected", &self.expected(key.expects)),
                ("example", key.example),
                ("found", &self.found(found)),
            ],
        )
    }

    /// `value` is what `expects` asks for; for a list, one of its items.
    fn fits(&self, expects: Expects, value: &DeValue) -> bool {
        let text = match value {
            DeValue::String(s) => Some(s.as_ref()),
            _ => None,
        };
        match expects {
            Expects::Text | Expects::Texts => text.is_some(),
            Expects::OneOf(values) => text.is_some_and(|t| values.contains(&t)),
            Expects::YesNo => matches!(value, DeValue::Boolean(_)),
            Expects::Whole { min, max, .. } => match value {
                DeValue::Integer(n) => i128::from_str_radix(n.as_str(), n.radix())
                    .is_ok_and(|n| n >= i128::from(min) && n <= i128::from(max)),
                _ => false,
            },
            // A rule id or its first letters, in any case (as render::html::Routing reads them);
            // a blank entry routes nothing.
            Expects::RuleIds => text.is_some_and(|t| {
                let t = t.trim().to_uppercase();
                t.is_empty() || self.rules.iter().any(|r| r.to_uppercase().starts_with(&t))
            }),
            Expects::Address => text.is_some_and(|t| t.trim().is_empty() || is_address(t)),
            Expects::Addresses => text.is_some_and(is_address),
            Expects::EnvName => {
                text.is_some_and(|t| !t.is_empty() && t.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
            }
            Expects::Host => text.is_some_and(|t| !t.chars().any(|c| c.is_control() || c.is_whitespace())),
        }
    }

    /// A department's entry that names no rule: the families there are.
    fn unknown_rule(&self, key: &str, id: &str) -> String {
        let mut families: Vec<String> = Vec::new();
        for family in self.rules.iter().map(|r| r.chars().take(2).collect::<String>()) {
            if !families.contains(&family) {
                families.push(family);
            }
        }
        let example = self.rules.iter().find(|r| r.len() > 2).copied().unwrap_or_default();
        self.text.fmt(
            "config.unknown_rule",
            &[
                ("key", key),
                ("value", &self.quoted(id)),
                ("families", &self.text.list(&families)),
                ("example", example),
            ],
        )
    }

    /// What a key should hold, in words.
    fn expected(&self, expects: Expects) -> String {
        match expects {
            Expects::OneOf(values) => {
                let values: Vec<String> = values.iter().map(|v| self.quoted(v)).collect();
                self.text
                    .fmt(expects.text_key(), &[("values", &self.text.list(&values))])
            }
            Expects::Whole { min, max, .. } => {
                let (min, max) = (min.to_string(), max.to_string());
                self.text.fmt(expects.text_key(), &[("min", &min), ("max", &max)])
            }
            _ => self.text.get(expects.text_key()),
        }
    }

    fn quoted(&self, value: &str) -> String {
        self.text
            .fmt("config.quoted", &[("value", &value.escape_debug().to_string())])
    }

    /// What a value is, in words: a text quoted, a number as written, a list, a table.
    fn found(&self, value: &Spanned<DeValue>) -> String {
        match value.get_ref() {
            DeValue::String(s) => self.quoted(s),
            DeValue::Array(_) => self.text.get("config.found_list"),
            DeValue::Table(_) => self.text.get("config.found_table"),
            _ => {
                let written = self.source.get(value.span()).unwrap_or_default().trim();
                self.text.fmt("config.found_value", &[("value", written)])
            }
        }
    }
}

fn is_list(expects: Expects) -> bool {
    matches!(expects, Expects::Texts | Expects::RuleIds | Expects::Addresses)
}

/// An address as the settings write it: `Name <user@host>` or `user@host`, on one line.
fn is_address(text: &str) -> bool {
    !text.chars().any(char::is_control) && text.parse::<lettre::message::Mailbox>().is_ok()
}
