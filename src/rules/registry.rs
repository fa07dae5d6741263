//! The registry: every rule clerk checks, in the order `clerk rules` lists them. A new rule is one
//! line here (and its file, and its fixture folder under `tests/rules/`).

use super::contracts::{Cr01, Cr02, Cr03, Cr04, Cr05, Cr06, Cr07};
use super::feedback::{Cp01, Cp02, Cp03, Cp04, Fb01, Fb02};
use super::generic::{Rg01, Rg02, Rg03, Rg04};
use super::guests::{Gh01, Gh02, Gh03, Gh04, Gh05, Gh06};
use super::Rule;
use crate::base::i18n::{Catalogue, Entry};

pub static RULES: &[&dyn Rule] = &[
    &Rg01, &Rg02, &Rg03, &Rg04, // generic
    &Cr01, &Cr02, &Cr03, &Cr04, &Cr05, &Cr06, &Cr07, // contracts (Part 1, 5.2)
    &Fb01, &Fb02, &Cp01, &Cp02, &Cp03, &Cp04, // feedback and complaints (Part 1, 5.3; Part 3)
    &Gh01, &Gh02, &Gh03, &Gh04, &Gh05, &Gh06, // guest relations (Part 2)
];

/// Every rule, in listing order.
pub fn all() -> impl Iterator<Item = &'static dyn Rule> {
    RULES.iter().copied()
}

/// The rule of an id, in any case (`cr02`).
pub fn find(id: &str) -> Option<&'static dyn Rule> {
    all().find(|r| r.id().eq_ignore_ascii_case(id))
}

/// The texts of the rules: those the families share, then each rule's own.
pub fn texts() -> Vec<&'static [Entry]> {
    let shared: [&'static [Entry]; 2] = [super::texts::TEXTS, super::feedback::TEXTS];
    shared.into_iter().chain(all().map(|r| r.texts())).collect()
}

/// A rule's title in the catalogue's language.
pub fn title(rule: &dyn Rule, text: &Catalogue) -> String {
    text.get(&format!("rule.{}.title", rule.id()))
}

/// A rule's explanation, as `clerk rules ID` prints it.
pub fn explanation(rule: &dyn Rule, text: &Catalogue) -> String {
    text.get(&format!("rule.{}.explain", rule.id()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::i18n::Lang;
    use crate::rules::tests::catalogue;

    #[test]
    fn every_rule_is_documented_in_every_language() {
        for rule in all() {
            for lang in Lang::ALL {
                let c = catalogue(lang);
                for key in [
                    format!("rule.{}.title", rule.id()),
                    format!("rule.{}.explain", rule.id()),
                ] {
                    assert!(c.has(&key), "{key} missing in {lang:?}");
                }
            }
            assert!(!rule.clause().is_empty(), "{} has no clause", rule.id());
        }
    }

    #[test]
    fn a_rule_keeps_its_own_texts_only() {
        for rule in all() {
            let texts = rule.texts();
            for part in ["title", "explain"] {
                let key = format!("rule.{}.{part}", rule.id());
                assert!(texts.iter().any(|(k, _)| *k == key), "{key} is not with its rule");
            }
            for (key, _) in texts {
                if let Some(id) = key.strip_prefix("rule.").or_else(|| key.strip_prefix("msg.")) {
                    assert!(id.starts_with(rule.id()), "{key} is kept by {}", rule.id());
                }
            }
        }
    }

    #[test]
    fn a_rule_declares_each_column_it_reads_once() {
        for rule in all() {
            let fields: Vec<_> = rule.reads().iter().map(|r| r.field).collect();
            for (i, field) in fields.iter().enumerate() {
                assert!(
                    !fields[..i].contains(field),
                    "{} declares {} twice",
                    rule.id(),
                    field.name
                );
            }
        }
    }

    #[test]
    fn rule_ids_are_unique_and_listed_by_family_in_id_order() {
        let ids: Vec<&str> = all().map(|r| r.id()).collect();
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), ids.len());
        for family in ["RG", "CR", "FB", "CP", "GH"] {
            let of: Vec<&&str> = ids.iter().filter(|id| id.starts_with(family)).collect();
            assert!(of.windows(2).all(|w| w[0] < w[1]), "{family}: {of:?}");
        }
    }
}
