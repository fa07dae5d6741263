//! `clerk rules`: the rules, one line each, or one rule explained with the settings it reads.

use std::io::Write;
use std::path::Path;

use super::console::{pad, printed};
use super::setup::{language, load_settings, Outcome};
use super::texts;
use crate::base::i18n::Catalogue;
use crate::rules::registry;
use crate::rules::Rule;
use crate::settings::Settings;

/// `clerk rules [ID]`.
pub fn rules(id: Option<&str>, lang: Option<&str>, config_path: Option<&Path>) -> Outcome {
    let (settings, _) = match load_settings(config_path, None, lang) {
        Ok(s) => s,
        Err(e) => return Outcome::Failed(e),
    };
    let lang = match language(lang, &settings) {
        Ok(l) => l,
        Err(e) => return Outcome::Failed(e),
    };
    let text = texts::catalogue(lang);
    let mut out = std::io::stdout().lock();
    let listed = match id {
        None => list(&text, &mut out),
        Some(id) => match registry::find(id) {
            None => {
                let ids: Vec<&str> = registry::all().map(|r| r.id()).collect();
                return Outcome::Failed(text.fmt("cli.no_rule", &[("id", id), ("ids", &ids.join(", "))]));
            }
            Some(rule) => explain(rule, &settings, &text, &mut out),
        },
    };
    printed(listed.and_then(|()| out.flush()), Outcome::Done, &text)
}

/// One line per rule: id, severity, title, clause.
fn list(text: &Catalogue, out: &mut impl Write) -> std::io::Result<()> {
    for rule in registry::all() {
        let severity = text.get(&format!("severity.{}", rule.severity().id()));
        writeln!(
            out,
            "{}  {}  {}  ({})",
            rule.id(),
            pad(&severity, 7),
            registry::title(rule, text),
            rule.clause()
        )?;
    }
    Ok(())
}

/// One rule: its title, severity, clause, explanation, and the settings it reads as they are.
fn explain(rule: &dyn Rule, settings: &Settings, text: &Catalogue, out: &mut impl Write) -> std::io::Result<()> {
    writeln!(out, "{} — {}", rule.id(), registry::title(rule, text))?;
    writeln!(
        out,
        "{}: {}",
        text.get("col.severity"),
        text.get(&format!("severity.{}", rule.severity().id()))
    )?;
    writeln!(out, "{}: {}", text.get("col.clause"), rule.clause())?;
    writeln!(out)?;
    writeln!(out, "{}", registry::explanation(rule, text))?;
    if rule.id() == "CR02" {
        writeln!(out)?;
        writeln!(out, "{}", crate::rules::contracts::authority_table(settings, text))?;
    }
    if !rule.settings().is_empty() {
        writeln!(out)?;
        writeln!(out, "{}:", text.get("cli.settings"))?;
        let json = serde_json::to_value(settings).unwrap_or_default();
        for key in rule.settings() {
            let mut value = &json;
            for part in key.split('.') {
                value = &value[part];
            }
            writeln!(out, "  {key} = {value}")?;
        }
    }
    Ok(())
}
