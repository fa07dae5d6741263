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
                let title = registry::title(rule, &text);
                let clause = registry::clause_words(rule.clause(), &text);
                let values = [("title", title.as_str()), ("clause", &clause)];
                println!(
                    "{}  {}  {}",
                    rule.id(),
                    pad(&severity, 7),
                    text.fmt("rules.item", &values)
                );
            }
            Outcome::Done
        }
        Some(id) => match registry::find(id) {
            None => {
                let ids: Vec<String> = registry::all().map(|r| r.id().to_string()).collect();
                Outcome::Failed(text.fmt("cli.no_rule", &[("id", id), ("ids", &text.list(&ids))]))
            }
            Some(rule) => {
                let title = registry::title(rule, &text);
                println!("{}", text.fmt("rules.heading", &[("id", rule.id()), ("title", &title)]));
                let severity = text.get(&format!("severity.{}", rule.severity().id()));
                println!("{}", text.fmt("rules.severity", &[("severity", &severity)]));
                let clause = registry::clause_words(rule.clause(), &text);
                println!("{}", text.fmt("rules.clause", &[("clause", &clause)]));
                println!();
                println!("{}", registry::explanation(rule, &text));
                if rule.id() == "CR02" {
                    println!();
                    println!("{}", crate::rules::contracts::authority_table(&settings, &text));
                }
                if !rule.settings().is_empty() {
                    println!();
                    println!("{}", text.get("cli.settings"));
                    for line in crate::report::settings::under(&settings, rule.settings(), &text) {
                        let values = [
                            ("name", line.label.as_str()),
                            ("key", &line.key),
                            ("value", &line.value),
                        ];
                        println!("  {}", text.fmt("setting.line", &values));
                    }
                }
                Outcome::Done
            }
        },
    }
}
