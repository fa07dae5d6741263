//! What serde cannot check: names of registers, columns, options, rules and departments, the
//! review-authority table, limits, e-mail addresses.

use std::collections::BTreeMap;

use super::{ContractSettings, EmailSettings, Settings};
use crate::base::i18n::Catalogue;
use crate::registers::{ColumnType, Kind};

pub(super) const METHODS: [&str; 3] = ["authorized", "countersign", "meeting"];
pub(super) const ROLES: [&str; 3] = ["sales_manager", "production_vp", "general_manager"];

impl ContractSettings {
    /// The rankings name every method and role once; every row of the table names known ones.
    fn validate(&self, text: &Catalogue) -> Result<(), String> {
        for (key, ranking, known) in [
            ("contracts.method_ranking", &self.method_ranking, &METHODS),
            ("contracts.role_ranking", &self.role_ranking, &ROLES),
        ] {
            let mut sorted: Vec<&str> = ranking.iter().map(String::as_str).collect();
            sorted.sort_unstable();
            let mut expected = known.to_vec();
            expected.sort_unstable();
            if sorted != expected {
                return Err(text.fmt("config.ranking", &[("key", key), ("known", &code_list(text, known))]));
            }
        }
        let rows = std::iter::once(("contracts.large_amount_rule".to_string(), &self.large_amount_rule)).chain(
            self.review_authority
                .rows()
                .into_iter()
                .map(|(name, row)| (format!("contracts.review_authority.{name}"), row)),
        );
        for (key, row) in rows {
            if !METHODS.contains(&row.method.as_str()) {
                return Err(text.fmt(
                    "config.not_one_of",
                    &[
                        ("key", &format!("{key}.method")),
                        ("value", &row.method),
                        ("allowed", &code_list(text, &METHODS)),
                    ],
                ));
            }
            if !ROLES.contains(&row.approver.as_str()) {
                return Err(text.fmt(
                    "config.not_one_of",
                    &[
                        ("key", &format!("{key}.approver")),
                        ("value", &row.approver),
                        ("allowed", &code_list(text, &ROLES)),
                    ],
                ));
            }
        }
        Ok(())
    }
}

impl Settings {
    /// Checks what serde cannot: names of registers, columns, enum values and rules.
    pub fn validate(&self, text: &Catalogue) -> Result<(), String> {
        self.validate_words(text)?;
        self.contracts.validate(text)?;
        self.validate_guests(text)?;
        self.validate_limits(text)?;
        self.validate_departments(text)?;
        self.email.validate(&self.departments, text)
    }

    /// The extra header words name known registers and columns; the extra option words known
    /// options.
    fn validate_words(&self, text: &Catalogue) -> Result<(), String> {
        for (register, columns) in &self.columns {
            let kind = Kind::from_id(register)
                .ok_or_else(|| text.fmt("config.unknown_register", &[("key", &format!("columns.{register}"))]))?;
            for column in columns.keys() {
                if kind.field(column).is_none() {
                    return Err(text.fmt(
                        "config.no_column",
                        &[
                            ("key", &format!("columns.{register}.{column}")),
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
                    &[("key", &format!("enums.{column}")), ("column", column)],
                )
            })?;
            for (word, code) in words {
                if !values.iter().any(|v| v.code == code) {
                    let allowed: Vec<&str> = values.iter().map(|v| v.code).collect();
                    return Err(text.fmt(
                        "config.not_one_of",
                        &[
                            ("key", &format!("enums.{column}.{word}")),
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
            ("guests.required_a", &self.guests.required_a),
            ("guests.required_b", &self.guests.required_b),
        ] {
            for field in fields {
                if Kind::Guests.field(field).is_none() {
                    return Err(text.fmt(
                        "config.no_column",
                        &[("key", key), ("register", "guests"), ("column", field)],
                    ));
                }
            }
        }
        if self.guests.class_b_spend > self.guests.class_a_spend {
            return Err(text.fmt("config.class_spend", &[]));
        }
        Ok(())
    }

    fn validate_limits(&self, text: &Catalogue) -> Result<(), String> {
        let l = &self.limits;
        for (key, value) in [
            ("limits.max_columns", u64::from(l.max_columns)),
            ("limits.max_rows", u64::from(l.max_rows)),
            ("limits.max_zip_parts", l.max_zip_parts as u64),
            ("limits.max_unpacked_mb", l.max_unpacked_mb),
            ("limits.reader_memory_mb", l.reader_memory_mb),
            ("limits.reader_seconds", l.reader_seconds),
        ] {
            if value == 0 {
                return Err(text.fmt("config.not_one_of", &[("key", key), ("value", "0"), ("allowed", "1…")]));
            }
        }
        if l.max_columns > 16_384 {
            let value = l.max_columns.to_string();
            return Err(text.fmt(
                "config.not_one_of",
                &[("key", "limits.max_columns"), ("value", &value), ("allowed", "1…16384")],
            ));
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
                return Err(text.fmt("config.department_name", &[("key", &format!("departments.{name}"))]));
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
    /// Checks addresses and audiences; `departments` are the department names of the settings.
    fn validate(&self, departments: &BTreeMap<String, Vec<String>>, text: &Catalogue) -> Result<(), String> {
        if !["starttls", "tls", "none"].contains(&self.security.as_str()) {
            return Err(text.fmt(
                "config.not_one_of",
                &[
                    ("key", "email.security"),
                    ("value", &self.security),
                    ("allowed", &code_list(text, &["starttls", "tls", "none"])),
                ],
            ));
        }
        if !self.from.trim().is_empty() {
            check_address("email.from", &self.from, text)?;
        }
        for address in &self.cc {
            check_address("email.cc", address, text)?;
        }
        for (audience, addresses) in &self.recipients {
            // The default lists the built-in departments with no one; only a list with addresses
            // must name an audience that exists.
            if !addresses.is_empty() && audience != "manager" && !departments.contains_key(audience) {
                let mut known = vec!["manager".to_string()];
                known.extend(departments.keys().cloned());
                return Err(text.fmt(
                    "config.not_audience",
                    &[
                        ("key", &format!("email.recipients.{audience}")),
                        ("known", &text.list(&known)),
                    ],
                ));
            }
            for address in addresses {
                check_address(&format!("email.recipients.{audience}"), address, text)?;
            }
        }
        if self.smtp_host.chars().any(|c| c.is_control() || c.is_whitespace()) {
            return Err(text.fmt(
                "config.not_host",
                &[("value", &self.smtp_host.escape_debug().to_string())],
            ));
        }
        if self.smtp_port == Some(0) {
            return Err(text.fmt("config.not_port", &[]));
        }
        let env_name_ok =
            !self.password_env.is_empty() && self.password_env.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !env_name_ok {
            return Err(text.fmt(
                "config.not_env",
                &[("value", &self.password_env.escape_debug().to_string())],
            ));
        }
        Ok(())
    }
}

/// An address as the settings write it: `Name <user@host>` or `user@host`, on one line.
fn check_address(key: &str, address: &str, text: &Catalogue) -> Result<(), String> {
    if address.chars().any(char::is_control) {
        return Err(text.fmt(
            "config.address_control",
            &[("key", key), ("value", &address.escape_debug().to_string())],
        ));
    }
    address
        .parse::<lettre::message::Mailbox>()
        .map(|_| ())
        .map_err(|_| text.fmt("config.not_address", &[("key", key), ("value", address)]))
}

/// Codes as the message language lists them (`a, b` / `a、b`).
fn code_list(text: &Catalogue, codes: &[&str]) -> String {
    text.list(&codes.iter().map(|c| c.to_string()).collect::<Vec<_>>())
}
