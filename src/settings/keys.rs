//! Every key of clerk.toml described once: where it is written, what it holds in plain words and
//! an example line. A settings file is checked against this table before serde reads it
//! ([`super::shape`]), so that a wrong value is named as the user wrote it (`[feedback]
//! review_days`) with what it should be, and a new setting cannot be added without saying so.

/// The review methods and approvers' roles the contract rankings may name, lowest first.
pub(super) const METHODS: [&str; 3] = ["authorized", "countersign", "meeting"];
pub(super) const ROLES: [&str; 3] = ["sales_manager", "production_vp", "general_manager"];

/// What a key holds. Each kind's wording is a catalogue text (`expect.*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Expects {
    /// Any text in quotes.
    Text,
    /// A list of texts in quotes.
    Texts,
    /// One of these texts.
    OneOf(&'static [&'static str]),
    /// A whole number from `min` to `max`, counting `unit`.
    Whole {
        unit: Unit,
        min: u64,
        max: u64,
    },
    YesNo,
    /// A list of rule ids or their first letters (`[departments]`).
    RuleIds,
    /// An e-mail address, or nothing (`""`).
    Address,
    /// A list of e-mail addresses.
    Addresses,
    /// The name of an environment variable.
    EnvName,
    /// A server's name, without spaces.
    Host,
}

impl Expects {
    /// The catalogue text that says it in words (`one of {values}`, `a whole number of days…`).
    pub(super) fn text_key(self) -> &'static str {
        match self {
            Expects::Text => "expect.text",
            Expects::Texts => "expect.texts",
            Expects::OneOf(_) => "expect.one_of",
            Expects::Whole { unit, .. } => unit.key(),
            Expects::YesNo => "expect.yes_no",
            Expects::RuleIds => "expect.rule_ids",
            Expects::Address => "expect.address",
            Expects::Addresses => "expect.addresses",
            Expects::EnvName => "expect.env_name",
            Expects::Host => "expect.host",
        }
    }
}

/// What a whole number counts; its catalogue text is `expect.<id>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Unit {
    Days,
    Hours,
    Months,
    Amount,
    Rows,
    Columns,
    Count,
    Megabytes,
    Seconds,
    Port,
}

impl Unit {
    pub(super) fn key(self) -> &'static str {
        match self {
            Unit::Days => "expect.days",
            Unit::Hours => "expect.hours",
            Unit::Months => "expect.months",
            Unit::Amount => "expect.amount",
            Unit::Rows => "expect.rows",
            Unit::Columns => "expect.columns",
            Unit::Count => "expect.count",
            Unit::Megabytes => "expect.megabytes",
            Unit::Seconds => "expect.seconds",
            Unit::Port => "expect.port",
        }
    }
}

/// One key of clerk.toml.
#[derive(Debug)]
pub(super) struct Key {
    /// The table it is written under (`feedback`, `contracts.review_authority`), "" at the top;
    /// `*` stands for any name (a register, a department).
    pub section: &'static str,
    /// Its name in that table (dotted inside a row of a table: `routine.method`); `*`: any name.
    pub name: &'static str,
    pub expects: Expects,
    /// A line as it is written in clerk.toml.
    pub example: &'static str,
    /// A table that holds one key of its row must hold this one too (a review row's method
    /// and approver), so that half a row cannot take the other half from the default.
    pub required: bool,
}

const fn key(section: &'static str, name: &'static str, expects: Expects, example: &'static str) -> Key {
    Key {
        section,
        name,
        expects,
        example,
        required: false,
    }
}

const fn whole(unit: Unit, min: u64, max: u64) -> Expects {
    Expects::Whole { unit, min, max }
}

const U32: u64 = u32::MAX as u64;
const LANGUAGES: &[&str] = &["en", "zh-Hant", "zh-Hans"];
const DATE_ORDERS: &[&str] = &["ymd", "dmy", "mdy"];
const SECURITY: &[&str] = &["starttls", "tls", "none"];
const ATTACH: &[&str] = &["department", "full", "none"];

/// A review row's method and approver (`[contracts.review_authority]`, `large_amount_rule`).
macro_rules! review_row {
    ($section:literal, $method:literal, $approver:literal, $example:literal) => {
        [
            Key {
                section: $section,
                name: $method,
                expects: Expects::OneOf(&METHODS),
                example: $example,
                required: true,
            },
            Key {
                section: $section,
                name: $approver,
                expects: Expects::OneOf(&ROLES),
                example: $example,
                required: true,
            },
        ]
    };
}

/// The review-authority table's rows (SPEC 2, CR02).
const REVIEW_ROWS: [[Key; 2]; 8] = [
    review_row!(
        "contracts.large_amount_rule",
        "method",
        "approver",
        "method = \"countersign\""
    ),
    review_row!(
        "contracts.review_authority",
        "oral_order.method",
        "oral_order.approver",
        "oral_order = { method = \"authorized\", approver = \"sales_manager\" }"
    ),
    review_row!(
        "contracts.review_authority",
        "routine.method",
        "routine.approver",
        "routine = { method = \"authorized\", approver = \"sales_manager\" }"
    ),
    review_row!(
        "contracts.review_authority",
        "routine_flagged.method",
        "routine_flagged.approver",
        "routine_flagged = { method = \"countersign\", approver = \"production_vp\" }"
    ),
    review_row!(
        "contracts.review_authority",
        "non_routine.method",
        "non_routine.approver",
        "non_routine = { method = \"countersign\", approver = \"general_manager\" }"
    ),
    review_row!(
        "contracts.review_authority",
        "customer_drawing.method",
        "customer_drawing.approver",
        "customer_drawing = { method = \"countersign\", approver = \"general_manager\" }"
    ),
    review_row!(
        "contracts.review_authority",
        "new_product.method",
        "new_product.approver",
        "new_product = { method = \"meeting\", approver = \"general_manager\" }"
    ),
    review_row!(
        "contracts.review_authority",
        "special_tech.method",
        "special_tech.approver",
        "special_tech = { method = \"meeting\", approver = \"general_manager\" }"
    ),
];

/// Every other key, in the order of templates/clerk.toml.
const KEYS: &[Key] = &[
    key("", "company", Expects::Text, "company = \"Our Company\""),
    key("", "language", Expects::OneOf(LANGUAGES), "language = \"zh-Hant\""),
    key("", "currency", Expects::Text, "currency = \"CNY\""),
    key("", "date_order", Expects::OneOf(DATE_ORDERS), "date_order = \"dmy\""),
    key("columns.*", "*", Expects::Texts, "amount = [\"Contract value\"]"),
    key("enums.*", "*", Expects::Text, "\"frame agreement\" = \"contract\""),
    key(
        "contracts",
        "large_amount",
        whole(Unit::Amount, 0, u64::MAX),
        "large_amount = 1000000",
    ),
    key("contracts", "notice_days", whole(Unit::Days, 0, U32), "notice_days = 3"),
    key(
        "contracts",
        "method_ranking",
        Expects::Texts,
        "method_ranking = [\"authorized\", \"countersign\", \"meeting\"]",
    ),
    key(
        "contracts",
        "role_ranking",
        Expects::Texts,
        "role_ranking = [\"sales_manager\", \"production_vp\", \"general_manager\"]",
    ),
    key("feedback", "review_days", whole(Unit::Days, 0, U32), "review_days = 7"),
    key(
        "complaints",
        "report_hours",
        whole(Unit::Hours, 0, U32),
        "report_hours = 24",
    ),
    key(
        "complaints",
        "forbidden_phrases",
        Expects::Texts,
        "forbidden_phrases = [\"老頭\"]",
    ),
    key(
        "complaints",
        "courtesy_phrases",
        Expects::Texts,
        "courtesy_phrases = [\"您好\"]",
    ),
    key(
        "guests",
        "class_a_spend",
        whole(Unit::Amount, 0, u64::MAX),
        "class_a_spend = 100000",
    ),
    key(
        "guests",
        "class_b_spend",
        whole(Unit::Amount, 0, u64::MAX),
        "class_b_spend = 20000",
    ),
    key(
        "guests",
        "required_a",
        Expects::Texts,
        "required_a = [\"company\", \"phone\"]",
    ),
    key(
        "guests",
        "required_b",
        Expects::Texts,
        "required_b = [\"company\", \"phone\"]",
    ),
    key("guests", "new_months", whole(Unit::Months, 0, U32), "new_months = 12"),
    key(
        "report",
        "annotate_max_rows",
        whole(Unit::Rows, 0, u64::MAX),
        "annotate_max_rows = 50000",
    ),
    key(
        "report",
        "mask_personal_data",
        Expects::YesNo,
        "mask_personal_data = true",
    ),
    key(
        "limits",
        "max_columns",
        whole(Unit::Columns, 1, 16_384),
        "max_columns = 1024",
    ),
    key("limits", "max_rows", whole(Unit::Rows, 1, U32), "max_rows = 2000000"),
    key(
        "limits",
        "max_zip_parts",
        whole(Unit::Count, 1, U32),
        "max_zip_parts = 10000",
    ),
    key(
        "limits",
        "max_unpacked_mb",
        whole(Unit::Megabytes, 1, U32),
        "max_unpacked_mb = 4096",
    ),
    key(
        "limits",
        "reader_memory_mb",
        whole(Unit::Megabytes, 1, U32),
        "reader_memory_mb = 1024",
    ),
    key(
        "limits",
        "reader_seconds",
        whole(Unit::Seconds, 1, U32),
        "reader_seconds = 120",
    ),
    key("departments", "*", Expects::RuleIds, "sales = [\"CR\", \"CP01\"]"),
    key(
        "email",
        "from",
        Expects::Address,
        "from = \"Office <office@example.com>\"",
    ),
    key("email", "cc", Expects::Addresses, "cc = [\"manager@example.com\"]"),
    key("email", "smtp_host", Expects::Host, "smtp_host = \"smtp.example.com\""),
    key("email", "security", Expects::OneOf(SECURITY), "security = \"starttls\""),
    key("email", "smtp_port", whole(Unit::Port, 1, 65_535), "smtp_port = 587"),
    key("email", "attach", Expects::OneOf(ATTACH), "attach = \"department\""),
    key(
        "email",
        "smtp_user",
        Expects::Text,
        "smtp_user = \"office@example.com\"",
    ),
    key(
        "email",
        "password_env",
        Expects::EnvName,
        "password_env = \"CLERK_SMTP_PASSWORD\"",
    ),
    key(
        "email.recipients",
        "*",
        Expects::Addresses,
        "sales = [\"Sales office <sales@example.com>\"]",
    ),
];

/// Every key described.
pub(super) fn all() -> impl Iterator<Item = &'static Key> {
    KEYS.iter().chain(REVIEW_ROWS.iter().flatten())
}

impl Key {
    /// The parts of its full name (`contracts`, `review_authority`, `routine`, `method`).
    pub(super) fn path(&self) -> impl Iterator<Item = &'static str> {
        let section = self.section.split('.').filter(|p| !p.is_empty());
        section.chain(self.name.split('.'))
    }

    /// How many parts of its full name are the table it is written under.
    pub(super) fn section_len(&self) -> usize {
        self.section.split('.').filter(|p| !p.is_empty()).count()
    }

    /// Its full name starts with `path` (`*` matching any part).
    fn starts_with(&self, path: &[String]) -> bool {
        let mut own = self.path();
        path.iter()
            .all(|part| own.next().is_some_and(|p| p == "*" || p == part))
    }

    fn len(&self) -> usize {
        self.path().count()
    }
}

/// The key written at `path` (`["feedback", "review_days"]`).
pub(super) fn find(path: &[String]) -> Option<&'static Key> {
    all().find(|k| k.len() == path.len() && k.starts_with(path))
}

/// `path` is a table of keys (`["contracts"]`, `["columns", "guests"]`).
pub(super) fn is_section(path: &[String]) -> bool {
    all().any(|k| k.len() > path.len() && k.starts_with(path))
}

/// The keys a table at `path` must hold when it is written.
pub(super) fn required_in(path: &[String]) -> impl Iterator<Item = &'static Key> + '_ {
    all().filter(move |k| k.required && k.len() == path.len() + 1 && k.starts_with(path))
}

/// What may be written in the table at `path`: its keys, and its tables as `[name]`.
pub(super) fn names_in(path: &[String]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for k in all().filter(|k| k.len() > path.len() && k.starts_with(path)) {
        let parts: Vec<&str> = k.path().collect();
        let next = parts[path.len()];
        let name = if k.len() > path.len() + 1 && k.section_len() > path.len() {
            format!("[{}]", parts[..=path.len()].join("."))
        } else {
            next.to_string()
        };
        if next != "*" && !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// A key as the user finds it in the file: `[feedback] review_days`, or `language` at the top.
/// `section_len` parts of `path` are the table's name.
pub(super) fn shown(path: &[String], section_len: usize) -> String {
    let section_len = section_len.min(path.len().saturating_sub(1));
    let part = |p: &String| {
        let bare = !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        match bare {
            true => p.clone(),
            false => format!("{p:?}"),
        }
    };
    let section: Vec<String> = path[..section_len].iter().map(part).collect();
    let name: Vec<String> = path[section_len..].iter().map(part).collect();
    match section.is_empty() {
        true => name.join("."),
        false => format!("[{}] {}", section.join("."), name.join(".")),
    }
}

/// [`shown`] for a key in a table: `[section] name`.
pub(super) fn named(section: &str, name: &str) -> String {
    let mut path: Vec<String> = section.split('.').filter(|p| !p.is_empty()).map(String::from).collect();
    let len = path.len();
    path.push(name.to_string());
    shown(&path, len)
}
