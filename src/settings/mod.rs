//! Settings (SPEC 5): one TOML file, checked against the description of every key (`keys.rs`,
//! `shape.rs`), then parsed and validated; an unknown key or a wrong value is an error naming the
//! key as it is written (`[feedback] review_days`), what it should hold in plain words and what
//! it holds. The built-in default is `templates/clerk.toml`, the same commented file
//! that `clerk init` writes out, so the documentation and the defaults cannot drift apart.

mod defaults;
mod keys;
mod load;
mod shape;
#[cfg(test)]
mod tests;
mod texts;
mod validate;

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

pub use defaults::{COURTESY_PHRASES, FORBIDDEN_PHRASES};
#[cfg(test)]
pub(crate) use load::parse_in_english;
pub use load::{load, parse};
pub use texts::{SHAPE_TEXTS, TEXTS};
pub use validate::enum_values;

use crate::base::i18n::Lang;
use crate::values::DateOrder;

/// The commented default settings file.
pub const DEFAULT_TOML: &str = include_str!("../../templates/clerk.toml");

/// The commented default settings file with its comments in `lang`, as `clerk init` writes it.
/// The values are those of [`DEFAULT_TOML`], line for line (a test compares them).
pub fn default_toml(lang: Lang) -> &'static str {
    match lang {
        Lang::En => DEFAULT_TOML,
        Lang::ZhHant => include_str!("../../templates/clerk.zh-Hant.toml"),
        Lang::ZhHans => include_str!("../../templates/clerk.zh-Hans.toml"),
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    pub company: String,
    pub language: Lang,
    pub currency: String,
    pub date_order: DateOrder,
    /// register → column → extra header words.
    pub columns: BTreeMap<String, BTreeMap<String, Vec<String>>>,
    /// column → word → canonical value.
    pub enums: BTreeMap<String, BTreeMap<String, String>>,
    pub contracts: ContractSettings,
    pub feedback: FeedbackSettings,
    pub complaints: ComplaintSettings,
    pub guests: GuestSettings,
    pub report: ReportSettings,
    pub limits: crate::read::Limits,
    pub departments: BTreeMap<String, Vec<String>>,
    pub email: EmailSettings,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ContractSettings {
    /// Routine products at or above this amount need `large_amount_rule` (CR02).
    pub large_amount: u64,
    pub notice_days: u32,
    pub large_amount_rule: ReviewRequirement,
    /// Review methods, weakest first: a stronger review than required is compliant (CR02).
    pub method_ranking: Vec<String>,
    /// Approver roles, lowest authority first (CR02).
    pub role_ranking: Vec<String>,
    /// The other rows of the review-authority table (CR02).
    pub review_authority: ReviewAuthority,
}

/// A review method and the role that must approve it. Both keys must be written when the table
/// is written, so that a half-written row cannot silently take another row's values.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewRequirement {
    pub method: String,
    pub approver: String,
}

/// The review-authority table of CR02 (procedure 5.2.4.1–5.2.4.3), one requirement per kind of
/// order; routine products at or above `large_amount` are `ContractSettings::large_amount_rule`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReviewAuthority {
    /// Oral (telephone) order of a routine product (5.2.4.1 a).
    pub oral_order: ReviewRequirement,
    /// Routine product below `large_amount`, none of the three flags (5.2.4.1 b).
    pub routine: ReviewRequirement,
    /// Routine product with large quantity, tight delivery or technical difficulty (5.2.4.2 a).
    pub routine_flagged: ReviewRequirement,
    /// Non-routine product (5.2.4.2 b).
    pub non_routine: ReviewRequirement,
    /// Product made to the customer's drawing (5.2.4.2 b).
    pub customer_drawing: ReviewRequirement,
    /// New product needing design and development (5.2.4.3 a).
    pub new_product: ReviewRequirement,
    /// Product with special technical requirements (5.2.4.3 a).
    pub special_tech: ReviewRequirement,
}

impl ReviewAuthority {
    /// The rows with their settings key, in table order.
    pub fn rows(&self) -> [(&'static str, &ReviewRequirement); 7] {
        [
            ("oral_order", &self.oral_order),
            ("routine", &self.routine),
            ("routine_flagged", &self.routine_flagged),
            ("non_routine", &self.non_routine),
            ("customer_drawing", &self.customer_drawing),
            ("new_product", &self.new_product),
            ("special_tech", &self.special_tech),
        ]
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FeedbackSettings {
    pub review_days: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ComplaintSettings {
    pub report_hours: u32,
    pub forbidden_phrases: Vec<String>,
    pub courtesy_phrases: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct GuestSettings {
    pub class_a_spend: u64,
    pub class_b_spend: u64,
    pub required_a: Vec<String>,
    pub required_b: Vec<String>,
    pub new_months: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReportSettings {
    pub annotate_max_rows: u64,
    pub mask_personal_data: bool,
}

/// `[email]`: who receives the month's messages (`clerk run --email`) and how `clerk send`
/// delivers them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EmailSettings {
    /// The sender, `Name <address>` or a bare address.
    pub from: String,
    /// Copied on every message.
    pub cc: Vec<String>,
    /// Audience (`manager` or a department of `[departments]`) → addresses.
    pub recipients: BTreeMap<String, Vec<String>>,
    pub smtp_host: String,
    /// None: the usual port of `security` (587 starttls, 465 tls, 25 none).
    pub smtp_port: Option<u16>,
    /// Empty: send without logging in.
    pub smtp_user: String,
    /// The environment variable that holds the SMTP password.
    pub password_env: String,
    /// `starttls`, `tls` or `none`.
    pub security: String,
    /// The workbook each message carries.
    pub attach: Attach,
}

/// `[email] attach`: the workbook a message carries. The manager's message carries the whole
/// workbook unless `none`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Attach {
    /// A department's message: a workbook of its own part, personal data masked as in the HTML.
    #[default]
    Department,
    /// Every message: the whole workbook (the user's explicit choice).
    Full,
    /// No message carries a workbook.
    None,
}

/// Where the settings came from, for the report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SettingsSource {
    BuiltIn,
    File(PathBuf),
}

impl EmailSettings {
    /// The SMTP port: the one set, else the usual one for the security.
    pub fn port(&self) -> u16 {
        self.smtp_port.unwrap_or(match self.security.as_str() {
            "tls" => 465,
            "none" => 25,
            _ => 587,
        })
    }
}

impl Settings {
    /// The header and option words these settings add, and their date order: how a sheet is read.
    pub fn vocabulary(&self) -> crate::registers::Vocabulary<'_> {
        crate::registers::Vocabulary {
            columns: &self.columns,
            enums: &self.enums,
            date_order: self.date_order,
        }
    }
}
