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
                let ids: Vec<String> = registry::all().map(|r| r.id().to_string()).collect();
                return Outcome::Failed(text.fmt("cli.no_rule", &[("id", id), ("ids", &text.list(&ids))]));
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
        let title = registry::title(rule, text);
        let clause = registry::clause_words(rule.clause(), text);
        let values = [("title", title.as_str()), ("clause", &clause)];
        writeln!(
            out,
            "{}  {}  {}",
            rule.id(),
            pad(&severity, 7),
            text.fmt("rules.item", &values)
        )?;
    }
    Ok(())
}

/// One rule: its title, severity, clause, explanation, and the settings it reads, in words.
fn explain(rule: &dyn Rule, settings: &Settings, text: &Catalogue, out: &mut impl Write) -> std::io::Result<()> {
    let title = registry::title(rule, text);
    writeln!(
        out,
        "{}",
        text.fmt("rules.heading", &[("id", rule.id()), ("title", &title)])
    )?;
    let severity = text.get(&format!("severity.{}", rule.severity().id()));
    writeln!(out, "{}", text.fmt("rules.severity", &[("severity", &severity)]))?;
    let clause = registry::clause_words(rule.clause(), text);
    writeln!(out, "{}", text.fmt("rules.clause", &[("clause", &clause)]))?;
    writeln!(out)?;
    writeln!(out, "{}", registry::explanation(rule, text))?;
    if rule.id() == "CR02" {
        writeln!(out)?;
        writeln!(out, "{}", crate::rules::contracts::authority_table(settings, text))?;
    }
    if !rule.settings().is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", text.get("cli.settings"))?;
        for line in crate::report::settings::under(settings, rule.settings(), text) {
            let values = [
                ("name", line.label.as_str()),
                ("key", &line.key),
                ("value", &line.value),
            ];
            writeln!(out, "  {}", text.fmt("setting.line", &values))?;
        }
    }
    Ok(())
}
