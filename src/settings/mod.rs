//! Settings (SPEC 5): one TOML file, parsed and then validated; unknown keys and wrong types are
//! errors naming the key. The built-in default is `templates/clerk.toml`, the same commented file
//! that `clerk init` writes out, so the documentation and the defaults cannot drift apart.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::base::i18n::{Catalogue, Lang};
use crate::registers::{ColumnType, Kind};
use crate::values::DateOrder;

/// [`parse`], with errors in English from this layer's own texts: for tests.
#[cfg(test)]
pub(crate) fn parse_in_english(toml_text: &str) -> Result<Settings, String> {
    let texts = crate::base::i18n::Texts::new(&[TEXTS]).leak();
    parse(toml_text, &Catalogue::new(Lang::En, texts))
}

/// Catalogue texts of settings errors. Keys and values of clerk.toml are quoted as written.
pub static TEXTS: &[crate::base::i18n::Entry] = &[
    (
        "config.not_found",
        [
            "{path}: settings file not found",
            "{path}:找不到設定檔",
            "{path}:找不到设定文件",
        ],
    ),
    (
        "config.line",
        [
            "line {line}: {message}",
            "第 {line} 行:{message}",
            "第 {line} 行:{message}",
        ],
    ),
    (
        "config.not_one_of",
        [
            "{key}: `{value}` is not one of {allowed}",
            "{key}:`{value}` 不是 {allowed} 之一",
            "{key}:`{value}` 不是 {allowed} 之一",
        ],
    ),
    (
        "config.not_audience",
        [
            "{key}: not an audience; use {known} (departments come from [departments])",
            "{key}:不是收件對象;請用 {known}(部門來自 [departments])",
            "{key}:不是收件对象;请用 {known}(部门来自 [departments])",
        ],
    ),
    (
        "config.not_host",
        [
            "email.smtp_host: `{value}` is not a host name",
            "email.smtp_host:`{value}` 不是主機名稱",
            "email.smtp_host:`{value}` 不是主机名称",
        ],
    ),
    (
        "config.not_port",
        [
            "email.smtp_port: 0 is not a port",
            "email.smtp_port:0 不是有效的連接埠",
            "email.smtp_port:0 不是有效的端口",
        ],
    ),
    (
        "config.not_env",
        [
            "email.password_env: `{value}` is not an environment variable name",
            "email.password_env:`{value}` 不是環境變數名稱",
            "email.password_env:`{value}` 不是环境变量名称",
        ],
    ),
    (
        "config.address_control",
        [
            "{key}: `{value}` holds a line break or control character",
            "{key}:`{value}` 含有換行或控制字元",
            "{key}:`{value}` 含有换行或控制字符",
        ],
    ),
    (
        "config.not_address",
        [
            "{key}: `{value}` is not an e-mail address",
            "{key}:`{value}` 不是電子郵件地址",
            "{key}:`{value}` 不是电子邮件地址",
        ],
    ),
    (
        "config.ranking",
        [
            "{key}: list each of {known} exactly once, weakest first",
            "{key}:{known} 每項列一次,由弱到強",
            "{key}:{known} 每项列一次,由弱到强",
        ],
    ),
    (
        "config.unknown_register",
        [
            "{key}: unknown register (use contracts, amendments, feedback, guests, visits or callbacks)",
            "{key}:沒有這種台帳(請用 contracts、amendments、feedback、guests、visits 或 callbacks)",
            "{key}:没有这种台账(请用 contracts、amendments、feedback、guests、visits 或 callbacks)",
        ],
    ),
    (
        "config.no_column",
        [
            "{key}: the {register} register has no column `{column}`",
            "{key}:{register} 台帳沒有 `{column}` 欄",
            "{key}:{register} 台账没有 `{column}` 栏",
        ],
    ),
    (
        "config.not_enum_column",
        [
            "{key}: `{column}` is not a column with fixed values",
            "{key}:`{column}` 不是有固定選項的欄",
            "{key}:`{column}` 不是有固定选项的栏",
        ],
    ),
    (
        "config.class_spend",
        [
            "guests.class_b_spend: must not exceed guests.class_a_spend",
            "guests.class_b_spend:不可大於 guests.class_a_spend",
            "guests.class_b_spend:不可大于 guests.class_a_spend",
        ],
    ),
    (
        "config.department_name",
        [
            "{key}: a department name may hold letters, digits, `-` and `_` only (and not be `manager`)",
            "{key}:部門名稱只能含字母、數字、`-` 和 `_`(且不可為 `manager`)",
            "{key}:部门名称只能含字母、数字、`-` 和 `_`(且不可为 `manager`)",
        ],
    ),
];

/// The commented default settings file.
pub const DEFAULT_TOML: &str = include_str!("../../templates/clerk.toml");

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

    /// Checks addresses and audiences; `departments` are the department names of the settings.
    fn validate(&self, departments: &BTreeMap<String, Vec<String>>, text: &Catalogue) -> Result<(), String> {
        if !["starttls", "tls", "none"].contains(&self.security.as_str()) {
            return Err(text.fmt(
                "config.not_one_of",
                &[
                    ("key", "email.security"),
                    ("value", &self.security),
                    ("allowed", "starttls, tls, none"),
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
                        ("known", &known.join(", ")),
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

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            company: "Our Company".into(),
            language: Lang::En,
            currency: "CNY".into(),
            date_order: DateOrder::Ymd,
            columns: BTreeMap::new(),
            enums: BTreeMap::new(),
            contracts: ContractSettings::default(),
            feedback: FeedbackSettings::default(),
            complaints: ComplaintSettings::default(),
            guests: GuestSettings::default(),
            report: ReportSettings::default(),
            limits: crate::read::Limits::default(),
            departments: [
                ("sales", &["CR"][..]),
                ("customer-service", &["FB", "CP"][..]),
                ("guest-relations", &["GH"][..]),
            ]
            .into_iter()
            .map(|(d, r)| (d.to_string(), strings(r)))
            .collect(),
            email: EmailSettings::default(),
        }
    }
}

impl Default for ContractSettings {
    fn default() -> Self {
        ContractSettings {
            large_amount: 1_000_000,
            notice_days: 3,
            large_amount_rule: ReviewRequirement::default(),
            method_ranking: strings(&METHODS),
            role_ranking: strings(&ROLES),
            review_authority: ReviewAuthority::default(),
        }
    }
}

impl ReviewRequirement {
    fn new(method: &str, approver: &str) -> Self {
        ReviewRequirement {
            method: method.into(),
            approver: approver.into(),
        }
    }
}

/// The review a routine product at or above `large_amount` needs when the settings do not say:
/// the procedure is silent, so the one of a routine product with a large quantity (5.2.4.2 a).
impl Default for ReviewRequirement {
    fn default() -> Self {
        ReviewRequirement::new("countersign", "production_vp")
    }
}

/// SPEC 2, CR02.
impl Default for ReviewAuthority {
    fn default() -> Self {
        ReviewAuthority {
            oral_order: ReviewRequirement::new("authorized", "sales_manager"),
            routine: ReviewRequirement::new("authorized", "sales_manager"),
            routine_flagged: ReviewRequirement::new("countersign", "production_vp"),
            non_routine: ReviewRequirement::new("countersign", "general_manager"),
            customer_drawing: ReviewRequirement::new("countersign", "general_manager"),
            new_product: ReviewRequirement::new("meeting", "general_manager"),
            special_tech: ReviewRequirement::new("meeting", "general_manager"),
        }
    }
}

impl Default for FeedbackSettings {
    fn default() -> Self {
        FeedbackSettings { review_days: 7 }
    }
}

/// Part 3, 服務忌語 items 1–28, item 1 split into its example words and the bracketed
/// alternatives of items 5, 14 and 24 split out.
pub const FORBIDDEN_PHRASES: &[&str] = &[
    "老頭",
    "老太婆",
    "神經病",
    "喂,干什麼",
    "喊什麼,等一會兒",
    "少啰嗦,快點講",
    "你管不著",
    "你少管閑事",
    "喂,叫你呢",
    "不關我的事",
    "急什麼,還沒上班呢",
    "找別人去,我管不著",
    "墻上貼著,自己看",
    "就你急,怎麼不早來",
    "給你講過幾遍了,怎麼還拎不清",
    "急什麼,沒看我正忙著嗎",
    "你能怎麼樣",
    "你看著辦",
    "沒看快下班了嗎,早干什麼了",
    "煩不煩",
    "這麼晚了明天來",
    "你問我,我問誰",
    "這事我管不了,你去找我們領導",
    "你這人是不是有毛病",
    "你這人真啰嗦",
    "你耳聾啦",
    "有意見,找領導",
    "我就這態度",
    "有本事你告去",
    "叫什麼,等一下",
    "我就這種態度,怎麼啦",
    "不是我管,我不曉得",
    "不知道,你問我,我問誰",
];

/// Part 3, 文明用語.
pub const COURTESY_PHRASES: &[&str] = &[
    "您好",
    "請進",
    "請坐",
    "請講",
    "請問",
    "請稍等",
    "謝謝",
    "對不起",
    "請原諒",
    "很抱歉",
    "很報歉",
    "沒關系",
    "不客氣",
    "請您排隊等候",
    "請不要著急",
    "很高興能為您服務",
    "請您先看一下須知",
    "請告訴我",
    "我能為您提供什麼幫助",
    "我理解您的心情",
    "我會盡量幫助您",
    "請您按規定填寫表格",
    "有不懂的地方您盡管問",
    "讓您久等了",
    "不用謝",
    "請放心",
    "我們幫您辦",
    "請留下寶貴意見",
    "請留下保貴意見",
    "您慢走",
    "請走好",
    "再見",
    "為您服務是我應該做的",
    "您的需求就是我的職責",
];

impl Default for ComplaintSettings {
    fn default() -> Self {
        ComplaintSettings {
            report_hours: 24,
            forbidden_phrases: strings(FORBIDDEN_PHRASES),
            courtesy_phrases: strings(COURTESY_PHRASES),
        }
    }
}

impl Default for GuestSettings {
    fn default() -> Self {
        GuestSettings {
            class_a_spend: 100_000,
            class_b_spend: 20_000,
            required_a: strings(&["company", "phone", "birthday", "dietary_habits", "anniversary"]),
            required_b: strings(&["company", "phone"]),
            new_months: 12,
        }
    }
}

impl Default for ReportSettings {
    fn default() -> Self {
        ReportSettings {
            annotate_max_rows: 50_000,
            mask_personal_data: true,
        }
    }
}

impl Default for EmailSettings {
    fn default() -> Self {
        EmailSettings {
            from: String::new(),
            cc: Vec::new(),
            recipients: ["manager", "sales", "customer-service", "guest-relations"]
                .into_iter()
                .map(|a| (a.to_string(), Vec::new()))
                .collect(),
            smtp_host: String::new(),
            smtp_port: None,
            smtp_user: String::new(),
            password_env: "CLERK_SMTP_PASSWORD".into(),
            security: "starttls".into(),
        }
    }
}

/// Where the settings came from, for the report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SettingsSource {
    BuiltIn,
    File(PathBuf),
}

/// Finds and loads the settings: `--config FILE`, else `clerk.toml` in the inbox, else in the
/// current folder, else the built-in default.
pub fn load(
    explicit: Option<&Path>,
    inbox: Option<&Path>,
    text: &Catalogue,
) -> Result<(Settings, SettingsSource), String> {
    let candidates: Vec<PathBuf> = match explicit {
        Some(path) => {
            if !path.is_file() {
                return Err(text.fmt("config.not_found", &[("path", &path.display().to_string())]));
            }
            vec![path.to_path_buf()]
        }
        None => inbox
            .map(|dir| dir.join("clerk.toml"))
            .into_iter()
            .chain(std::iter::once(PathBuf::from("clerk.toml")))
            .collect(),
    };
    for path in candidates {
        if path.is_file() {
            let toml_text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let settings = parse(&toml_text, text).map_err(|e| format!("{}: {e}", path.display()))?;
            return Ok((settings, SettingsSource::File(path)));
        }
    }
    Ok((Settings::default(), SettingsSource::BuiltIn))
}

/// Parses and validates settings text.
pub fn parse(toml_text: &str, text: &Catalogue) -> Result<Settings, String> {
    let settings: Settings = toml::from_str(toml_text).map_err(|e| one_line_toml_error(&e, toml_text, text))?;
    settings.validate(text)?;
    Ok(settings)
}

fn one_line_toml_error(err: &toml::de::Error, toml_text: &str, text: &Catalogue) -> String {
    let message = err.message().trim().replace('\n', " ");
    match err.span() {
        Some(span) => {
            let line = toml_text[..span.start.min(toml_text.len())].matches('\n').count() + 1;
            text.fmt("config.line", &[("line", &line.to_string()), ("message", &message)])
        }
        None => message,
    }
}

const METHODS: [&str; 3] = ["authorized", "countersign", "meeting"];
const ROLES: [&str; 3] = ["sales_manager", "production_vp", "general_manager"];

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
                return Err(text.fmt("config.ranking", &[("key", key), ("known", &known.join(", "))]));
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
                        ("allowed", &METHODS.join(", ")),
                    ],
                ));
            }
            if !ROLES.contains(&row.approver.as_str()) {
                return Err(text.fmt(
                    "config.not_one_of",
                    &[
                        ("key", &format!("{key}.approver")),
                        ("value", &row.approver),
                        ("allowed", &ROLES.join(", ")),
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
                            ("allowed", &allowed.join(", ")),
                        ],
                    ));
                }
            }
        }
        self.contracts.validate(text)?;
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
        self.email.validate(&self.departments, text)
    }

    /// Extra header words for one column, from `[columns.<register>]`.
    /// The header and option words these settings add, and their date order: how a sheet is read.
    pub fn vocabulary(&self) -> crate::registers::Vocabulary<'_> {
        crate::registers::Vocabulary {
            columns: &self.columns,
            enums: &self.enums,
            date_order: self.date_order,
        }
    }
}

/// The allowed values of an enum column, looked up by column name in any register.
pub fn enum_values(column: &str) -> Option<&'static [crate::registers::EnumValue]> {
    Kind::ALL.iter().flat_map(|k| k.columns()).find_map(|c| match c.ty {
        ColumnType::Enum(values) if c.name == column => Some(values),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    use super::parse_in_english as parse;

    #[test]
    fn documented_default_is_the_built_in_default() {
        assert_eq!(parse(DEFAULT_TOML), Ok(Settings::default()));
    }

    #[test]
    fn unknown_key_is_named() {
        let err = parse("[feedback]\nreview_dayz = 3\n").unwrap_err();
        assert!(err.contains("review_dayz"), "{err}");
        assert!(err.contains("line 2"), "{err}");
    }

    #[test]
    fn wrong_type_is_named() {
        let err = parse("[feedback]\nreview_days = \"seven\"\n").unwrap_err();
        assert!(err.contains("line 2"), "{err}");
    }

    #[test]
    fn unknown_column_and_enum_value_are_named() {
        let err = parse("[columns.contracts]\namountt = [\"價款\"]\n").unwrap_err();
        assert!(err.contains("columns.contracts.amountt"), "{err}");
        let err = parse("[enums.document_type]\n\"框架協議\" = \"contrakt\"\n").unwrap_err();
        assert!(err.contains("contrakt"), "{err}");
    }

    #[test]
    fn review_authority_table_is_settings() {
        let settings = parse(
            "[contracts]\nmethod_ranking = [\"authorized\", \"meeting\", \"countersign\"]\n\
             [contracts.review_authority]\nnon_routine = { method = \"meeting\", approver = \"general_manager\" }\n",
        )
        .unwrap();
        let c = &settings.contracts;
        assert_eq!(c.review_authority.non_routine.method, "meeting");
        assert_eq!(c.review_authority.routine.method, "authorized");
        assert_eq!(c.method_ranking[2], "countersign");
        assert_eq!(c.large_amount_rule, ReviewRequirement::default());
    }

    #[test]
    fn review_authority_values_are_validated() {
        let err =
            parse("[contracts.review_authority]\nroutine = { method = \"phone\", approver = \"sales_manager\" }\n")
                .unwrap_err();
        assert!(err.contains("contracts.review_authority.routine.method"), "{err}");
        let err = parse("[contracts.review_authority]\nroutine = { method = \"authorized\" }\n").unwrap_err();
        assert!(err.contains("approver"), "{err}");
        let err = parse("[contracts]\nrole_ranking = [\"sales_manager\", \"general_manager\"]\n").unwrap_err();
        assert!(err.contains("contracts.role_ranking"), "{err}");
        let err = parse("[contracts.large_amount_rule]\nmethod = \"meeting\"\napprover = \"ceo\"\n").unwrap_err();
        assert!(err.contains("contracts.large_amount_rule.approver"), "{err}");
    }

    #[test]
    fn partial_file_keeps_other_defaults() {
        let settings = parse("[contracts]\nnotice_days = 5\n").unwrap();
        assert_eq!(settings.contracts.notice_days, 5);
        assert_eq!(settings.contracts.large_amount, 1_000_000);
        assert_eq!(settings.feedback.review_days, 7);
    }

    #[test]
    fn department_names_cannot_leave_the_report_folder() {
        for bad in ["\"../../etc\"", "\"a/b\"", "\"a.b\"", "\"\"", "manager"] {
            let err = parse(&format!("[departments]\n{bad} = [\"CR\"]\n")).unwrap_err();
            assert!(err.contains("departments."), "{bad}: {err}");
        }
        assert_eq!(
            parse("[departments]\n\"銷售部\" = [\"CR\"]\nfront-desk = [\"GH\"]\n").err(),
            None
        );
    }
}
