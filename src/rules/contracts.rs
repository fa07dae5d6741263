//! Contract review rules CR01–CR07 (procedure Part 1, 5.2).

use super::Rule;

/// The rules of this family, in listing order.
pub static RULES: &[&dyn Rule] = &[];

/// Catalogue texts of this family: key → [en, zh-Hant, zh-Hans] (see [`crate::i18n`]).
pub static TEXTS: &[(&str, [&str; 3])] = &[];
