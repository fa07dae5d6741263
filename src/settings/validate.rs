//! What the description of the keys cannot check (`keys.rs`): names of registers, columns,
//! options and departments, the review rankings, the class thresholds, the e-mail audiences.

use std::collections::BTreeMap;

use super::keys::{named, METHODS, ROLES};
use super::{ContractSettings, EmailSettings, Settings};
use crate::base::i18n::Catalogue;
use crate::registers::{ColumnType, Kind};

impl ContractSettings {
    /// The rankings name every method and role once.
    fn validate(&self, text: &Catalogue) -> Result<(), String> {
        for (key, ranking, known) in [
            ("method_ranking", &self.method_ranking, &METHODS),
            ("role_ranking", &self.role_ranking, &ROLES),
        ] {
            let mut sorted: Vec<&str> = ranking.iter().map(String::as_str).collect();
            sorted.sort_unstable();
            let mut expected = known.to_vec();
            expected.sort_unstable();
            if sorted != expected {
                return Err(text.fmt(
                    "config.ranking",
                    &[("key", &named("contracts", key)), ("known", &code_list(text, known))],
                ));
            }
        }
        Ok(())
    }
}

impl Settings {
    /// Checks what the description of the keys cannot: names of registers, columns, enum
    /// values and departments; the rankings; the class thresholds; the e-mail audiences.
    pub fn validate(&self, text: &Catalogue) -> Result<(), String> {
        self.validate_words(text)?;
        self.contracts.validate(text)?;
        self.validate_guests(text)?;
        self.validate_departments(text)?;
        self.email.validate(&self.departments, text)
    }

    /// The extra header words name known registers and columns; the extra option words known
    /// options.
    fn validate_words(&self, text: &Catalogue) -> Result<(), String> {
        for (register, columns) in &self.columns {
            let kind = Kind::from_id(register)
                .ok_or_else(|| text.fmt("config.unknown_register", &[("key", &named("columns", register))]))?;
            for column in columns.keys() {
                if kind.field(column).is_none() {
                    return Err(text.fmt(
                        "config.no_column",
                        &[
                            ("key", &named(&format!("columns.{register}"), column)),
                            ("register", register),
                            ("column", column),
                        ],
                    ));
                }
            }
        }
        for (column, words) in &self.enums {
            let values = enum_values(column).ok_or_else(|| {
                text.fmt(
                    "config.not_enum_column",
                    &[("key", &named("enums", column)), ("column", column)],
                )
            })?;
            for (word, code) in words {
                if !values.iter().any(|v| v.code == code) {
                    let allowed: Vec<&str> = values.iter().map(|v| v.code).collect();
                    return Err(text.fmt(
                        "config.not_one_of",
                        &[
                            ("key", &named(&format!("enums.{column}"), word)),
                            ("value", code),
                            ("allowed", &code_list(text, &allowed)),
                        ],
                    ));
                }
            }
        }
        Ok(())
    }

    fn validate_guests(&self, text: &Catalogue) -> Result<(), String> {
        for (key, fields) in [
            ("required_a", &self.guests.required_a),
            ("required_b", &self.guests.required_b),
        ] {
            for field in fields {
                if Kind::Guests.field(field).is_none() {
                    return Err(text.fmt(
                        "config.no_column",
                        &[
                            ("key", &named("guests", key)),
                            ("register", "guests"),
                            ("column", field),
                        ],
                    ));
                }
            }
        }
        if self.guests.class_b_spend > self.guests.class_a_spend {
            return Err(text.fmt("config.class_spend", &[]));
        }
        Ok(())
    }

    fn validate_departments(&self, text: &Catalogue) -> Result<(), String> {
        // A department's name becomes part of file names (summary-2026-10-<name>.html): letters,
        // digits, `-` and `_` only, so no name can reach outside the report folder.
        for name in self.departments.keys() {
            let safe = !name.is_empty()
                && name.len() <= 40
                && name.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_')
                && name != "manager";
            if !safe {
                return Err(text.fmt("config.department_name", &[("key", &named("departments", name))]));
            }
        }
        Ok(())
    }
}

/// The allowed values of an enum column, looked up by column name in any register.
pub fn enum_values(column: &str) -> Option<&'static [crate::registers::EnumValue]> {
    Kind::ALL.iter().flat_map(|k| k.columns()).find_map(|c| match c.ty {
        ColumnType::Enum(values) if c.name == column => Some(values),
        _ => None,
    })
}

impl EmailSettings {
    /// A list of recipients names an audience there is; `departments` are the department names
    /// of the settings.
    fn validate(&self, departments: &BTreeMap<String, Vec<String>>, text: &Catalogue) -> Result<(), String> {
        for (audience, addresses) in &self.recipients {
            // The default lists the built-in departments with no one; only a list with addresses
            // must name an audience that exists.
            if !addresses.is_empty() && audience != "manager" && !departments.contains_key(audience) {
                let mut known = vec!["manager".to_string()];
                known.extend(departments.keys().cloned());
                return Err(text.fmt(
                    "config.not_audience",
                    &[
                        ("key", &named("email.recipients", audience)),
                        ("known", &text.list(&known)),
                    ],
                ));
            }
        }
        Ok(())
    }
}

/// Codes as the message language lists them (`a, b` / `a、b`).
fn code_list(text: &Catalogue, codes: &[&str]) -> String {
    text.list(&codes.iter().map(|c| c.to_string()).collect::<Vec<_>>())
}
