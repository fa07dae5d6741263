//! The note on each header cell of the templates `clerk init` writes: whether the column must be
//! filled in, what to write, its options, an example as staff type it, and the rules that check it.
//!
//! What to write, the example and when a column is needed are the register's texts
//! (`registers::<kind>::HEADER_NOTES`). Whether it must be filled in and which rules check it come from
//! the rules' own declarations ([`Rule::reads`]): a note cannot call a column optional while a
//! rule reports it blank.

use crate::base::i18n::{Catalogue, Entry, Lang};
use crate::base::text;
use crate::month::authority::thousands;
use crate::registers::{AnyField, Column, ColumnType, EnumValue, Kind};
use crate::rules::{registry, Blank, Rule};
use crate::settings::Settings;

/// Whether staff must fill in a column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Need {
    /// A rule reports it blank in every row it judges.
    Required,
    /// A rule reports it blank in some rows, or the register's note says when it is needed (a
    /// date that exists once something has happened); the note's `.when` text says when.
    When,
    /// No rule reports it blank.
    Optional,
}

/// Whether `column` of `kind` must be filled in.
pub fn need(kind: Kind, column: &Column) -> Need {
    let blanks: Vec<Blank> = checked_by(column.field).into_iter().map(|(_, b)| b).collect();
    if blanks.contains(&Blank::Reported) {
        Need::Required
    } else if blanks.contains(&Blank::ReportedWhen) || has_text(kind, column, "when") {
        Need::When
    } else {
        Need::Optional
    }
}

/// The rules that read `field` and what a blank cell means to each: those that report it blank
/// first, then in the order `clerk rules` lists them.
pub fn checked_by(field: AnyField) -> Vec<(&'static dyn Rule, Blank)> {
    let mut rules: Vec<(&'static dyn Rule, Blank)> = registry::all()
        .filter_map(|rule| {
            let reads = rule.reads().iter().find(|r| r.field == field)?;
            Some((rule, reads.blank))
        })
        .collect();
    rules.sort_by_key(|(_, blank)| match blank {
        Blank::Reported => 0,
        Blank::ReportedWhen => 1,
        Blank::Read => 2,
    });
    rules
}

/// The key of one of a column's note texts (`what`, `example`, `when`).
pub fn key(kind: Kind, column: &Column, part: &str) -> String {
    format!("note.{}.{}.{part}", kind.id(), column.name)
}

fn has_text(kind: Kind, column: &Column, part: &str) -> bool {
    let key = key(kind, column, part);
    kind.header_notes().iter().any(|(k, _)| *k == key)
}

/// The settings the notes name (`{review_days}`…), as the clerk.toml `init` writes sets them.
fn settings_args(settings: &Settings) -> Vec<(&'static str, String)> {
    vec![
        ("large_amount", thousands(settings.contracts.large_amount)),
        ("notice_days", settings.contracts.notice_days.to_string()),
        ("review_days", settings.feedback.review_days.to_string()),
        ("report_hours", settings.complaints.report_hours.to_string()),
        ("class_a_spend", thousands(settings.guests.class_a_spend)),
        ("class_b_spend", thousands(settings.guests.class_b_spend)),
        ("new_months", settings.guests.new_months.to_string()),
    ]
}

/// One of a column's note texts in the catalogue's language, its settings filled in.
pub fn part(kind: Kind, column: &Column, part: &str, text: &Catalogue, settings: &Settings) -> String {
    let args = settings_args(settings);
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    text.fmt(&key(kind, column, part), &args)
}

/// The note on `column`'s header cell, one line each: whether to fill it in and what to write; the
/// options of a drop-down; an example; the rules that check it.
pub fn note(kind: Kind, column: &Column, text: &Catalogue, settings: &Settings) -> String {
    let what = part(kind, column, "what", text, settings);
    let first = match need(kind, column) {
        Need::Required => text.fmt("init.need.required", &[("what", &what)]),
        Need::When => {
            let when = part(kind, column, "when", text, settings);
            text.fmt("init.need.when", &[("when", &when), ("what", &what)])
        }
        Need::Optional => text.fmt("init.need.optional", &[("what", &what)]),
    };
    let mut lines = vec![first];
    if let Some(options) = options(column, text) {
        lines.push(text.fmt(
            "init.note.options",
            &[("options", &options.join(&text.get("list.sep")))],
        ));
    }
    let example = part(kind, column, "example", text, settings);
    lines.push(text.fmt("init.note.example", &[("example", &example)]));
    let rules: Vec<String> = checked_by(column.field)
        .into_iter()
        .map(|(rule, _)| {
            let title = registry::title(rule, text);
            text.fmt("init.note.rule", &[("id", rule.id()), ("title", &title)])
        })
        .collect();
    if !rules.is_empty() {
        lines.push(text.fmt("init.note.rules", &[("rules", &text.list(&rules))]));
    }
    lines.join("\n")
}

/// The values of a drop-down column, as staff write them in the language.
/// An enum value as staff write it in a language.
pub fn option(value: &EnumValue, lang: Lang) -> String {
    let chinese = value.aliases.iter().find(|a| !a.is_ascii());
    match (lang, chinese) {
        (Lang::ZhHant, Some(label)) => label.to_string(),
        (Lang::ZhHans, Some(label)) => text::to_simplified(label),
        _ => value.code.replace('_', " "),
    }
}

pub fn options(column: &Column, text: &Catalogue) -> Option<Vec<String>> {
    match column.ty {
        ColumnType::Enum(values) => Some(values.iter().map(|v| option(v, text.lang)).collect()),
        ColumnType::Flag => Some(vec![text.get("init.yes"), text.get("init.no")]),
        _ => None,
    }
}

/// The lines of a note: key → [en, zh-Hant, zh-Hans].
#[rustfmt::skip]
pub static TEXTS: &[Entry] = &[
    ("init.need.required", ["Required. {what}", "必填。{what}", "必填。{what}"]),
    ("init.need.when", ["Required {when}. {what}", "{when}必填。{what}", "{when}必填。{what}"]),
    ("init.need.optional", ["Optional. {what}", "選填。{what}", "选填。{what}"]),
    ("init.note.options", ["Choose from: {options}.", "選項：{options}。", "选项：{options}。"]),
    ("init.note.example", ["Example: {example}", "例如：{example}", "例如：{example}"]),
    ("init.note.rule", ["{id} ({title})", "{id}（{title}）", "{id}（{title}）"]),
    ("init.note.rules", ["Checked by {rules}.", "檢查規則：{rules}。", "检查规则：{rules}。"]),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::i18n::Lang;
    use crate::commands::init::header;
    use crate::commands::texts::catalogue;
    use crate::rules::testing::{findings, registers, Sheet};

    fn columns() -> impl Iterator<Item = (Kind, &'static Column)> {
        Kind::ALL
            .into_iter()
            .flat_map(|k| k.columns().iter().map(move |c| (k, c)))
    }

    #[test]
    fn every_column_has_a_note_with_an_example_in_every_language() {
        let settings = Settings::default();
        for lang in Lang::ALL {
            let text = catalogue(lang);
            for (kind, column) in columns() {
                for part in ["what", "example"] {
                    assert!(
                        text.has(&key(kind, column, part)),
                        "{} {lang:?}",
                        key(kind, column, part)
                    );
                }
                let when = has_text(kind, column, "when");
                assert_eq!(when, need(kind, column) == Need::When, "{}", key(kind, column, "when"));
                let note = note(kind, column, &text, &settings);
                assert!(!note.contains('{'), "a placeholder left unfilled: {note}");
                let example = part(kind, column, "example", &text, &settings);
                assert!(note.lines().any(|l| l.ends_with(&example)), "{note}");
            }
        }
    }

    #[test]
    fn every_note_text_is_of_a_column() {
        for kind in Kind::ALL {
            for (k, _) in kind.header_notes() {
                let known = kind
                    .columns()
                    .iter()
                    .any(|c| ["what", "example", "when"].iter().any(|p| key(kind, c, p) == *k));
                assert!(known, "{k} is the note of no column");
            }
        }
    }

    #[test]
    fn rule_ids_named_in_the_notes_are_rules() {
        let ids: Vec<&str> = registry::all().map(|r| r.id()).collect();
        for kind in Kind::ALL {
            for (k, row) in kind.header_notes() {
                for text in row {
                    let chars: Vec<char> = text.chars().collect();
                    for w in chars.windows(4) {
                        let named = w[0].is_ascii_uppercase()
                            && w[1].is_ascii_uppercase()
                            && w[2].is_ascii_digit()
                            && w[3].is_ascii_digit();
                        let id: String = w.iter().collect();
                        assert!(!named || ids.contains(&id.as_str()), "{k}: {id}");
                    }
                }
            }
        }
    }

    /// One sheet per register: the template's headers in `lang` and one row of the notes'
    /// examples, with `blank` left blank.
    fn example_sheets(lang: Lang, blank: Option<(Kind, &Column)>) -> Vec<Sheet> {
        let text = catalogue(lang);
        let settings = Settings::default();
        Kind::ALL
            .into_iter()
            .map(|kind| {
                let headers: Vec<String> = kind.columns().iter().map(|c| header(c, lang)).collect();
                let row: Vec<String> = kind
                    .columns()
                    .iter()
                    .map(|c| match blank {
                        Some((k, b)) if k == kind && b.field == c.field => String::new(),
                        _ => part(kind, c, "example", &text, &settings),
                    })
                    .collect();
                let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
                let row: Vec<&str> = row.iter().map(String::as_str).collect();
                Sheet::cells(kind, &headers, &[&row]).in_file(&format!("{}.xlsx", kind.id()))
            })
            .collect()
    }

    /// What every rule finds in November 2026: (rule, register, field).
    fn found(sheets: &[Sheet]) -> Vec<(&'static str, Kind, String)> {
        let settings = Settings::default();
        let registers = registers(&settings, sheets);
        registry::all()
            .flat_map(|rule| findings(rule, &registers, &settings, "2026-11"))
            .map(|f| (f.rule, f.register, f.field))
            .collect()
    }

    #[test]
    fn the_examples_make_a_correct_row_of_every_register() {
        for lang in Lang::ALL {
            assert_eq!(found(&example_sheets(lang, None)), [], "{lang:?}");
        }
    }

    /// Each column blanked in turn in the rows of examples: a rule that then reports it declares
    /// that it reports it blank (so the note does not call it optional), and a rule that declares
    /// it reports it blank in every row does.
    #[test]
    fn the_rules_report_a_blank_column_as_they_declare() {
        for (kind, column) in columns() {
            let found = found(&example_sheets(Lang::ZhHant, Some((kind, column))));
            let at_column: Vec<&str> = found
                .iter()
                .filter(|(_, k, field)| *k == kind && field == column.name)
                .map(|(rule, _, _)| *rule)
                .collect();
            let declared = checked_by(column.field);
            for rule in &at_column {
                let blank = declared.iter().find(|(r, _)| r.id() == *rule).map(|(_, b)| *b);
                assert!(
                    matches!(blank, Some(Blank::Reported | Blank::ReportedWhen)),
                    "{rule} reports a blank {} {} but declares {blank:?}",
                    kind.id(),
                    column.name
                );
            }
            for (rule, blank) in declared {
                if blank == Blank::Reported {
                    assert!(
                        at_column.contains(&rule.id()),
                        "{} ignores a blank {} {}",
                        rule.id(),
                        kind.id(),
                        column.name
                    );
                }
            }
            if !at_column.is_empty() {
                assert_ne!(need(kind, column), Need::Optional, "{} {}", kind.id(), column.name);
            }
        }
    }
}
