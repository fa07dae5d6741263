//! The registry: every rule clerk checks, in the order `clerk rules` lists them. A new rule is one
//! line here (and its file, and its fixture folder under `tests/rules/`).

use super::contracts::{Cr01, Cr02, Cr03, Cr04, Cr05, Cr06, Cr07};
use super::feedback::{Cp01, Cp02, Cp03, Cp04, Fb01, Fb02};
use super::generic::{Rg01, Rg02, Rg03, Rg04};
use super::guests::{Gh01, Gh02, Gh03, Gh04, Gh05, Gh06};
use super::records::{Rc01, Rc02};
use super::Rule;
use crate::base::i18n::{Catalogue, Entry};
use crate::registers::Registers;

pub static RULES: &[&dyn Rule] = &[
    &Rg01, &Rg02, &Rg03, &Rg04, // generic
    &Cr01, &Cr02, &Cr03, &Cr04, &Cr05, &Cr06, &Cr07, // contracts (Part 1, 5.2)
    &Fb01, &Fb02, &Cp01, &Cp02, &Cp03, &Cp04, // feedback and complaints (Part 1, 5.3; Part 3)
    &Gh01, &Gh02, &Gh03, &Gh04, &Gh05, &Gh06, // guest relations (Part 2)
    &Rc01, &Rc02, // records control (Part 1, 6), from the history
];

/// Every rule, in listing order.
pub fn all() -> impl Iterator<Item = &'static dyn Rule> {
    RULES.iter().copied()
}

/// Whether a rule runs on the registers read: all its registers are present, and, when it joins
/// registers, the inbox was more than one file.
pub fn runs(rule: &dyn Rule, registers: &Registers) -> bool {
    // A rule that joins registers does not run on one file.
    let may_join = !registers.one_file || rule.joins().is_empty();
    may_join && rule.registers().iter().all(|k| registers.has(*k))
}

/// The rules that join registers and were not run because the inbox was one file, though the
/// registers they compare are in it.
pub fn not_run_on_one_file(registers: &Registers) -> Vec<&'static dyn Rule> {
    if !registers.one_file {
        return Vec::new();
    }
    all()
        .filter(|r| !r.joins().is_empty() && r.joins().iter().any(|k| registers.has(*k)))
        .filter(|r| r.registers().iter().all(|k| registers.has(*k)))
        .collect()
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

/// A clause as the report language writes it: `Part 3 四, 五` is `第三篇 四、五`, `5.2.4.5; 6.2`
/// is `5.2.4.5；6.2`. findings.json keeps the clause as the rule gives it.
pub fn clause_words(clause: &str, text: &Catalogue) -> String {
    let parts: Vec<String> = clause
        .split("; ")
        .map(|part| {
            let Some(rest) = part.strip_prefix("Part ") else {
                return part.to_string();
            };
            let (number, items) = rest.split_once(' ').unwrap_or((rest, ""));
            let items: Vec<String> = items.split(", ").map(String::from).collect();
            let name = text.get(&format!("clause.part.{number}"));
            text.fmt("clause.in_part", &[("part", &name), ("items", &text.list(&items))])
        })
        .collect();
    parts.join(&text.get("clause.sep"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::i18n::Lang;
    use crate::rules::tests::catalogue;

    #[test]
    fn every_message_is_a_sentence() {
        // A finding's message ends with a full stop (its capital letter is put on by
        // `finding::sentence`, as a message may open with a column's name); the pieces messages
        // are made of (a separator, a profile named in another message) are no sentences.
        for (key, row) in texts().into_iter().flatten() {
            if !key.starts_with("msg.") || key.ends_with(".sep") || key.ends_with(".profile") {
                continue;
            }
            assert!(row[0].ends_with('.'), "{key}: {}", row[0]);
            assert!(row[1].ends_with('。') && row[2].ends_with('。'), "{key}");
            let first = row[0].chars().next().unwrap_or(' ');
            assert!(first.is_uppercase() || first == '{', "{key}: {}", row[0]);
        }
    }

    #[test]
    fn clauses_in_words() {
        let zh = catalogue(Lang::ZhHant);
        assert_eq!(clause_words("Part 3 四, 五", &zh), "第三篇 四、五");
        assert_eq!(clause_words("Part 2 三; 6.8", &zh), "第二篇 三；6.8");
        assert_eq!(
            clause_words("5.2.4.5; 6.2; 6.3", &catalogue(Lang::ZhHans)),
            "5.2.4.5；6.2；6.3"
        );
        assert_eq!(clause_words("Part 3 服務忌語", &zh), "第三篇 服務忌語");
        let en = catalogue(Lang::En);
        assert_eq!(clause_words("Part 3 四, 五", &en), "Part 3 四, 五");
        // Every part a rule cites has a name.
        for rule in all() {
            for lang in Lang::ALL {
                assert!(
                    !clause_words(rule.clause(), &catalogue(lang)).contains("clause."),
                    "{}",
                    rule.id()
                );
            }
        }
    }

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
    fn rules_that_join_registers_are_not_run_on_one_file_and_are_named() {
        use crate::rules::testing::{registers, Kind, Settings, Sheet};
        let sheet = |kind, header| Sheet::new(kind, header, &[]);
        let guests = sheet(Kind::Guests, "客戶編號 | 姓名 | 類別");
        let visits = sheet(Kind::Visits, "日期 | 客戶編號 | 消費金額");
        let callbacks = sheet(Kind::Callbacks, "日期 | 客戶編號 | 回訪人");
        let contracts = sheet(Kind::Contracts, "合同編號 | 顧客 | 類型 | 產品類別 | 接收日期");
        let amendments = sheet(Kind::Amendments, "合同編號 | 修訂日期");
        let ids = |rules: Vec<&'static dyn Rule>| rules.iter().map(|r| r.id()).collect::<Vec<_>>();
        // (sheets, rules named as not run, rules run in a folder but not on one file): GH05 runs on
        // a guest register alone and finds nothing there, so it is not named.
        for (sheets, not_run, left_out) in [
            (vec![guests.clone(), visits], vec!["GH02", "GH05"], vec!["GH02", "GH05"]),
            (
                vec![guests.clone(), callbacks],
                vec!["GH04", "GH05"],
                vec!["GH04", "GH05"],
            ),
            (vec![guests], vec![], vec!["GH05"]),
            (vec![contracts.clone(), amendments.clone()], vec!["CR07"], vec!["CR07"]),
            (vec![amendments], vec![], vec![]),
            (vec![contracts], vec![], vec![]),
        ] {
            let mut read = registers(&Settings::default(), &sheets);
            let ran = |read: &Registers| all().filter(|r| runs(*r, read)).map(|r| r.id()).collect::<Vec<_>>();
            let in_a_folder = ran(&read);
            assert!(ids(not_run_on_one_file(&read)).is_empty());
            read.one_file = true;
            assert_eq!(ids(not_run_on_one_file(&read)), not_run);
            let on_one_file = ran(&read);
            let missing: Vec<&str> = in_a_folder
                .iter()
                .copied()
                .filter(|id| !on_one_file.contains(id))
                .collect();
            assert_eq!(missing, left_out);
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
