//! `clerk rules`: the rules, one line each, or one rule explained with the settings it reads.

use std::path::Path;

use super::console::pad;
use super::setup::{early_text, language, Outcome};
use super::texts;
use crate::rules::registry;
use crate::settings;

/// `clerk rules [ID]`.
pub fn rules(id: Option<&str>, lang: Option<&str>, config_path: Option<&Path>) -> Outcome {
    let (settings, _) = match settings::load(config_path, None, &early_text(lang)) {
        Ok(s) => s,
        Err(e) => return Outcome::Failed(e),
    };
    let lang = match language(lang, &settings) {
        Ok(l) => l,
        Err(e) => return Outcome::Failed(e),
    };
    let text = texts::catalogue(lang);
    match id {
        None => {
            for rule in registry::all() {
                let severity = text.get(&format!("severity.{}", rule.severity().id()));
                println!(
                    "{}  {}  {}  ({})",
                    rule.id(),
                    pad(&severity, 7),
                    registry::title(rule, &text),
                    rule.clause()
                );
            }
            Outcome::Done
        }
        Some(id) => match registry::find(id) {
            None => {
                let ids: Vec<&str> = registry::all().map(|r| r.id()).collect();
                Outcome::Failed(text.fmt("cli.no_rule", &[("id", id), ("ids", &ids.join(", "))]))
            }
            Some(rule) => {
                println!("{} — {}", rule.id(), registry::title(rule, &text));
                println!(
                    "{}: {}",
                    text.get("col.severity"),
                    text.get(&format!("severity.{}", rule.severity().id()))
                );
                println!("{}: {}", text.get("col.clause"), rule.clause());
                println!();
                println!("{}", registry::explanation(rule, &text));
                if rule.id() == "CR02" {
                    println!();
                    println!("{}", crate::rules::contracts::authority_table(&settings, &text));
                }
                if !rule.settings().is_empty() {
                    println!();
                    println!("{}:", text.get("cli.settings"));
                    let json = serde_json::to_value(&settings).unwrap_or_default();
                    for key in rule.settings() {
                        let mut value = &json;
                        for part in key.split('.') {
                            value = &value[part];
                        }
                        println!("  {key} = {value}");
                    }
                }
                Outcome::Done
            }
        },
    }
}
