//! The review-authority table of CR02 (procedure 5.2.4.1–5.2.4.3) as data: which review an order
//! needs, decided from its product category, document type, amount and flags against the table
//! in the settings (`[contracts.review_authority]`, `[contracts.large_amount_rule]`,
//! `large_amount`, and the rankings `method_ranking` / `role_ranking`).
//!
//! Nothing is guessed. When a value the decision depends on is blank or unreadable, every value
//! it could have is tried: when all of them lead to the same review the answer is known, else the
//! possible answers are returned together with the values that block the decision.

use rust_decimal::Decimal;
use unicode_width::UnicodeWidthStr;

use crate::base::i18n::Catalogue;
use crate::registers::{Kind, Record, Registers, Value, PRODUCT_CATEGORIES};
use crate::settings::{ContractSettings, ReviewRequirement};

const KIND: Kind = Kind::Contracts;

/// A row of the table: the kind of order it applies to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Case {
    /// Oral (telephone) order of a routine product, whatever its amount (5.2.4.1 a).
    OralOrder,
    /// Other order of a routine product below `large_amount`, none of the three flags (5.2.4.1 b).
    Routine,
    /// Routine product with large quantity, tight delivery or technical difficulty (5.2.4.2 a).
    RoutineFlagged,
    /// Other order of a routine product at or above `large_amount`: the procedure is silent, the
    /// settings decide (`large_amount_rule`).
    LargeAmount,
    NonRoutine,
    CustomerDrawing,
    NewProduct,
    SpecialTech,
}

impl Case {
    /// The rows in the order `clerk rules CR02` and the report show them (SPEC 2, CR02).
    pub const ALL: [Case; 8] = [
        Case::OralOrder,
        Case::Routine,
        Case::RoutineFlagged,
        Case::LargeAmount,
        Case::NonRoutine,
        Case::CustomerDrawing,
        Case::NewProduct,
        Case::SpecialTech,
    ];

    /// Its catalogue key suffix (`contracts.case.<key>`), also its settings key.
    pub fn key(self) -> &'static str {
        match self {
            Case::OralOrder => "oral_order",
            Case::Routine => "routine",
            Case::RoutineFlagged => "routine_flagged",
            Case::LargeAmount => "large_amount",
            Case::NonRoutine => "non_routine",
            Case::CustomerDrawing => "customer_drawing",
            Case::NewProduct => "new_product",
            Case::SpecialTech => "special_tech",
        }
    }

    /// The procedure clause the row comes from.
    pub fn clause(self) -> &'static str {
        match self {
            Case::OralOrder => "5.2.4.1 a",
            Case::Routine | Case::LargeAmount => "5.2.4.1 b",
            Case::RoutineFlagged => "5.2.4.2 a",
            Case::NonRoutine | Case::CustomerDrawing => "5.2.4.2 b",
            Case::NewProduct | Case::SpecialTech => "5.2.4.3 a",
        }
    }

    /// The settings key of the row.
    pub fn settings_key(self) -> String {
        match self {
            Case::LargeAmount => "contracts.large_amount_rule".into(),
            other => format!("contracts.review_authority.{}", other.key()),
        }
    }

    /// The review the settings require for this row.
    pub fn requirement(self, settings: &ContractSettings) -> &ReviewRequirement {
        let table = &settings.review_authority;
        match self {
            Case::OralOrder => &table.oral_order,
            Case::Routine => &table.routine,
            Case::RoutineFlagged => &table.routine_flagged,
            Case::LargeAmount => &settings.large_amount_rule,
            Case::NonRoutine => &table.non_routine,
            Case::CustomerDrawing => &table.customer_drawing,
            Case::NewProduct => &table.new_product,
            Case::SpecialTech => &table.special_tech,
        }
    }

    /// The row's label in the report language (`routine product under 1,000,000`).
    pub fn label(self, settings: &ContractSettings, text: &Catalogue) -> String {
        text.fmt(
            &format!("contracts.case.{}", self.key()),
            &[("amount", &thousands(settings.large_amount))],
        )
    }
}

/// The rows that apply to an order whose facts are all known. An order needs every row that
/// applies to it. Oral orders of a routine product are governed by 5.2.4.1 a whatever their
/// amount (the procedure is not silent about them, so the large-amount setting does not apply);
/// the flags of 5.2.4.2 a apply to every order of a routine product, oral ones included.
pub fn cases(category: &str, oral: bool, large: bool, flagged: bool) -> Vec<Case> {
    match category {
        "routine" => {
            let mut cases = Vec::new();
            if oral {
                cases.push(Case::OralOrder);
            } else if large {
                cases.push(Case::LargeAmount);
            } else if !flagged {
                cases.push(Case::Routine);
            }
            if flagged {
                cases.push(Case::RoutineFlagged);
            }
            cases
        }
        "non_routine" => vec![Case::NonRoutine],
        "customer_drawing" => vec![Case::CustomerDrawing],
        "new_product" => vec![Case::NewProduct],
        "special_tech" => vec![Case::SpecialTech],
        _ => Vec::new(),
    }
}

/// A review as ranks: 0 is the weakest method / the lowest role of the settings' rankings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Need {
    pub method: usize,
    pub role: usize,
}

/// The rank of a method code in `method_ranking` (validated to hold every method once).
pub fn method_rank(settings: &ContractSettings, code: &str) -> usize {
    settings.method_ranking.iter().position(|m| m == code).unwrap_or(0)
}

pub fn role_rank(settings: &ContractSettings, code: &str) -> usize {
    settings.role_ranking.iter().position(|r| r == code).unwrap_or(0)
}

pub fn method_code(settings: &ContractSettings, rank: usize) -> &str {
    settings.method_ranking.get(rank).map(String::as_str).unwrap_or("")
}

pub fn role_code(settings: &ContractSettings, rank: usize) -> &str {
    settings.role_ranking.get(rank).map(String::as_str).unwrap_or("")
}

/// The review that satisfies every row of `cases`: the strongest method and highest role among them.
pub fn need_of(settings: &ContractSettings, cases: &[Case]) -> Need {
    cases.iter().fold(Need { method: 0, role: 0 }, |acc, case| {
        let r = case.requirement(settings);
        Need {
            method: acc.method.max(method_rank(settings, &r.method)),
            role: acc.role.max(role_rank(settings, &r.approver)),
        }
    })
}

/// Why a value is not known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gap {
    /// The cell is blank.
    Blank,
    /// The cell could not be read (an RG02 finding exists).
    Unreadable,
    /// The sheet has no such column.
    NoColumn,
}

/// A value that is known, or the field and the reason it is not.
pub type Fact<T> = Result<T, (&'static str, Gap)>;

/// Why `field` of `record` holds no value.
pub fn gap(registers: &Registers, record: &Record, field: &str) -> Gap {
    let source = &registers.sources[record.source];
    if record.is_unreadable(KIND, field) {
        Gap::Unreadable
    } else if !KIND.field(field).is_some_and(|i| source.has_column(i)) {
        Gap::NoColumn
    } else {
        Gap::Blank
    }
}

fn enum_fact(registers: &Registers, record: &Record, field: &'static str) -> Fact<&'static str> {
    match record.get(KIND, field) {
        Some(Value::Enum(code)) => Ok(code),
        _ => Err((field, gap(registers, record, field))),
    }
}

/// The facts of an order that the table depends on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Facts {
    pub category: Fact<&'static str>,
    pub oral: Fact<bool>,
    pub large: Fact<bool>,
    pub flagged: Fact<bool>,
}

pub const FLAGS: [&str; 3] = ["large_quantity", "tight_delivery", "technical_difficulty"];

impl Facts {
    /// Reads the facts of a contracts record. The 萬元 scaling of an amount header is already done
    /// by the reader. A blank flag is "no" (SPEC 1.3), and so is a flag column the sheet does not keep.
    pub fn of(registers: &Registers, settings: &ContractSettings, record: &Record) -> Facts {
        let category = enum_fact(registers, record, "product_category");
        let oral = enum_fact(registers, record, "document_type").map(|d| d == "oral_order");
        let large = match record.get(KIND, "amount") {
            Some(Value::Money(amount)) => Ok(*amount >= Decimal::from(settings.large_amount)),
            _ => Err(("amount", gap(registers, record, "amount"))),
        };
        let set = FLAGS
            .iter()
            .any(|f| matches!(record.get(KIND, f), Some(Value::Flag(true))));
        let unreadable = FLAGS.iter().copied().find(|f| record.is_unreadable(KIND, f));
        let flagged = match (set, unreadable) {
            (true, _) => Ok(true),
            (false, Some(field)) => Err((field, Gap::Unreadable)),
            (false, None) => Ok(false),
        };
        Facts {
            category,
            oral,
            large,
            flagged,
        }
    }
}

/// One possible answer: the rows that apply and the review they need.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub cases: Vec<Case>,
    pub need: Need,
}

/// The review an order needs: one outcome when the facts decide it, several when a value the
/// decision depends on is not known (then `blockers` names those values).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Required {
    /// Distinct needs, weakest first.
    pub outcomes: Vec<Outcome>,
    /// The unknown values whose value changes the answer, in the order category, document type,
    /// amount, flags.
    pub blockers: Vec<(&'static str, Gap)>,
}

impl Required {
    pub fn is_known(&self) -> bool {
        self.outcomes.len() == 1
    }

    /// The weakest possible need (every outcome needs at least this).
    pub fn floor(&self) -> Need {
        Need {
            method: self.outcomes.iter().map(|o| o.need.method).min().unwrap_or(0),
            role: self.outcomes.iter().map(|o| o.need.role).min().unwrap_or(0),
        }
    }
}

fn domain<T: Copy>(fact: Fact<T>, all: &[T]) -> Vec<T> {
    match fact {
        Ok(v) => vec![v],
        Err(_) => all.to_vec(),
    }
}

/// The review an order needs under the settings.
pub fn required(settings: &ContractSettings, facts: &Facts) -> Required {
    let categories: Vec<&'static str> = PRODUCT_CATEGORIES.iter().map(|v| v.code).collect();
    let bools = [false, true];
    let domains = (
        domain(facts.category, &categories),
        domain(facts.oral, &bools),
        domain(facts.large, &bools),
        domain(facts.flagged, &bools),
    );
    // Every combination of the possible values, with its need.
    let mut combos: Vec<((usize, usize, usize, usize), Outcome)> = Vec::new();
    for (a, category) in domains.0.iter().enumerate() {
        for (b, oral) in domains.1.iter().enumerate() {
            for (c, large) in domains.2.iter().enumerate() {
                for (d, flagged) in domains.3.iter().enumerate() {
                    let cases = cases(category, *oral, *large, *flagged);
                    let need = need_of(settings, &cases);
                    combos.push(((a, b, c, d), Outcome { cases, need }));
                }
            }
        }
    }
    let mut outcomes: Vec<Outcome> = Vec::new();
    for (_, outcome) in &combos {
        if !outcomes.iter().any(|o| o.need == outcome.need) {
            outcomes.push(outcome.clone());
        }
    }
    outcomes.sort_by_key(|o| (o.need.method + o.need.role, o.need));
    // An unknown value blocks the decision when changing it alone changes the need.
    let mut blockers = Vec::new();
    if outcomes.len() > 1 {
        let matters = |position: usize| {
            combos.iter().any(|(key, outcome)| {
                combos.iter().any(|(other, o)| {
                    let differs_only_there = (0..4).all(|p| (p == position) != (index(key, p) == index(other, p)));
                    differs_only_there && o.need != outcome.need
                })
            })
        };
        let facts_in_order = [
            facts.category.err(),
            facts.oral.err(),
            facts.large.err(),
            facts.flagged.err(),
        ];
        for (position, unknown) in facts_in_order.into_iter().enumerate() {
            if let Some(blocker) = unknown {
                if matters(position) {
                    blockers.push(blocker);
                }
            }
        }
    }
    Required { outcomes, blockers }
}

fn index(key: &(usize, usize, usize, usize), position: usize) -> usize {
    match position {
        0 => key.0,
        1 => key.1,
        2 => key.2,
        _ => key.3,
    }
}

/// The review recorded for an order: method and role ranks, or why they are not known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Actual {
    pub method: Fact<usize>,
    pub role: Fact<usize>,
}

impl Actual {
    pub fn of(registers: &Registers, settings: &ContractSettings, record: &Record) -> Actual {
        Actual {
            method: enum_fact(registers, record, "review_method").map(|m| method_rank(settings, m)),
            role: enum_fact(registers, record, "approver_role").map(|r| role_rank(settings, r)),
        }
    }
}

/// How a recorded review compares with the required one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// At least as strong as every possible requirement.
    Compliant,
    /// Weaker than required whatever the unknown values are: `need` is the weakest possible
    /// requirement, `cases` the rows it comes from.
    Weak {
        need: Need,
        cases: Vec<Case>,
        method_weak: bool,
        role_weak: bool,
    },
    /// Cannot be told: the values that block it, the recorded method and role first.
    Unknown { blockers: Vec<(&'static str, Gap)> },
}

/// Compares the recorded review with the requirement. Stronger than required is compliant.
pub fn verdict(required: &Required, actual: &Actual) -> Verdict {
    let floor = required.floor();
    let method_weak = matches!(actual.method, Ok(m) if m < floor.method);
    let role_weak = matches!(actual.role, Ok(r) if r < floor.role);
    if method_weak || role_weak {
        let cases = required
            .outcomes
            .iter()
            .find(|o| o.need == floor)
            .or(required.outcomes.first())
            .map(|o| o.cases.clone())
            .unwrap_or_default();
        return Verdict::Weak {
            need: floor,
            cases,
            method_weak,
            role_weak,
        };
    }
    let satisfies = |need: Need| {
        matches!(actual.method, Ok(m) if m >= need.method) && matches!(actual.role, Ok(r) if r >= need.role)
    };
    if required.outcomes.iter().all(|o| satisfies(o.need)) {
        return Verdict::Compliant;
    }
    let mut blockers = Vec::new();
    if let Err(b) = actual.role {
        blockers.push(b);
    }
    if let Err(b) = actual.method {
        blockers.push(b);
    }
    blockers.extend(required.blockers.iter().copied());
    Verdict::Unknown { blockers }
}

/// `1000000` → `1,000,000`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A method's name in the report language.
pub fn method_label(text: &Catalogue, code: &str) -> String {
    text.get(&format!("contracts.method.{code}"))
}

pub fn role_label(text: &Catalogue, code: &str) -> String {
    text.get(&format!("contracts.role.{code}"))
}

/// `countersign review approved by the general manager`.
pub fn need_label(settings: &ContractSettings, text: &Catalogue, need: Need) -> String {
    text.fmt(
        "contracts.review",
        &[
            ("method", &method_label(text, method_code(settings, need.method))),
            ("role", &role_label(text, role_code(settings, need.role))),
        ],
    )
}

fn pad(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(text.width())))
}

/// The review-authority table in force, as `clerk rules CR02` shows it: one line per row with its
/// clause, required method and approver, then the rankings and the settings keys to change it.
pub fn table(settings: &ContractSettings, text: &Catalogue) -> String {
    let header = [
        text.get("contracts.table.order"),
        text.get("contracts.table.method"),
        text.get("contracts.table.approver"),
    ];
    let rows: Vec<[String; 3]> = Case::ALL
        .iter()
        .map(|case| {
            let r = case.requirement(settings);
            [
                format!("{} ({})", case.label(settings, text), case.clause()),
                method_label(text, &r.method),
                role_label(text, &r.approver),
            ]
        })
        .collect();
    let widths: Vec<usize> = (0..3)
        .map(|i| {
            rows.iter()
                .map(|r| r[i].width())
                .chain(std::iter::once(header[i].width()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: &[String; 3]| {
        format!(
            "  {}  {}  {}",
            pad(&cells[0], widths[0]),
            pad(&cells[1], widths[1]),
            cells[2]
        )
        .trim_end()
        .to_string()
    };
    let mut out = vec![text.get("contracts.table.title"), line(&header)];
    out.push(format!(
        "  {}",
        "-".repeat(widths[0] + widths[1] + widths[2].max(header[2].width()) + 4)
    ));
    out.extend(rows.iter().map(line));
    let methods: Vec<String> = settings
        .method_ranking
        .iter()
        .rev()
        .map(|m| method_label(text, m))
        .collect();
    let roles: Vec<String> = settings
        .role_ranking
        .iter()
        .rev()
        .map(|r| role_label(text, r))
        .collect();
    out.push(String::new());
    out.push(text.fmt(
        "contracts.table.ranking",
        &[("methods", &methods.join(" > ")), ("roles", &roles.join(" > "))],
    ));
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::i18n::Lang;
    use crate::settings::{parse_in_english as parse, Settings};

    fn facts(category: &'static str, oral: bool, large: Fact<bool>, flagged: bool) -> Facts {
        Facts {
            category: Ok(category),
            oral: Ok(oral),
            large,
            flagged: Ok(flagged),
        }
    }

    fn need(settings: &ContractSettings, method: &str, role: &str) -> Need {
        Need {
            method: method_rank(settings, method),
            role: role_rank(settings, role),
        }
    }

    fn only(required: &Required) -> Need {
        assert!(required.is_known(), "{required:?}");
        required.outcomes[0].need
    }

    #[test]
    fn the_default_table_is_the_spec_table() {
        let s = Settings::default().contracts;
        let n = |m, r| need(&s, m, r);
        let cases: [(Facts, Need); 8] = [
            (
                facts("routine", true, Ok(false), false),
                n("authorized", "sales_manager"),
            ),
            (
                facts("routine", true, Ok(true), false),
                n("authorized", "sales_manager"),
            ),
            (
                facts("routine", false, Ok(false), false),
                n("authorized", "sales_manager"),
            ),
            (
                facts("routine", false, Ok(false), true),
                n("countersign", "production_vp"),
            ),
            (
                facts("routine", false, Ok(true), false),
                n("countersign", "production_vp"),
            ),
            (
                facts("non_routine", false, Ok(false), false),
                n("countersign", "general_manager"),
            ),
            (
                facts("customer_drawing", true, Ok(false), false),
                n("countersign", "general_manager"),
            ),
            (
                facts("special_tech", false, Ok(true), true),
                n("meeting", "general_manager"),
            ),
        ];
        for (f, expected) in cases {
            assert_eq!(only(&required(&s, &f)), expected, "{f:?}");
        }
        assert_eq!(
            only(&required(&s, &facts("new_product", false, Ok(false), false))),
            n("meeting", "general_manager")
        );
        // A flagged oral order needs the countersign review of 5.2.4.2 a.
        assert_eq!(
            only(&required(&s, &facts("routine", true, Ok(false), true))),
            n("countersign", "production_vp")
        );
    }

    #[test]
    fn a_different_matrix_is_a_change_of_settings() {
        let s = parse(
            "[contracts]\nlarge_amount = 500000\n\
             [contracts.large_amount_rule]\nmethod = \"meeting\"\napprover = \"general_manager\"\n\
             [contracts.review_authority]\nnon_routine = { method = \"meeting\", approver = \"production_vp\" }\n",
        )
        .unwrap()
        .contracts;
        let r = required(&s, &facts("non_routine", false, Ok(false), false));
        assert_eq!(only(&r), need(&s, "meeting", "production_vp"));
        // Flagged and large: every row applies, so the stronger of the two.
        let mut f = facts("routine", false, Ok(true), true);
        assert_eq!(only(&required(&s, &f)), need(&s, "meeting", "general_manager"));
        f.large = Ok(false);
        assert_eq!(only(&required(&s, &f)), need(&s, "countersign", "production_vp"));
    }

    #[test]
    fn an_unknown_amount_blocks_only_routine_non_oral_orders() {
        let s = Settings::default().contracts;
        let blank = Err(("amount", Gap::Blank));
        let r = required(&s, &facts("routine", false, blank, false));
        assert_eq!(r.outcomes.len(), 2);
        assert_eq!(r.blockers, vec![("amount", Gap::Blank)]);
        assert_eq!(r.floor(), need(&s, "authorized", "sales_manager"));
        for f in [
            facts("routine", true, blank, false),
            facts("non_routine", false, blank, false),
        ] {
            let r = required(&s, &f);
            assert!(r.is_known() && r.blockers.is_empty(), "{f:?}");
        }
    }

    #[test]
    fn verdicts() {
        let s = Settings::default().contracts;
        let actual = |m: &str, r: &str| Actual {
            method: Ok(method_rank(&s, m)),
            role: Ok(role_rank(&s, r)),
        };
        let non_routine = required(&s, &facts("non_routine", false, Ok(false), false));
        assert!(matches!(
            verdict(&non_routine, &actual("authorized", "sales_manager")),
            Verdict::Weak {
                method_weak: true,
                role_weak: true,
                ..
            }
        ));
        assert!(matches!(
            verdict(&non_routine, &actual("authorized", "general_manager")),
            Verdict::Weak {
                method_weak: true,
                role_weak: false,
                ..
            }
        ));
        // Stronger than required is compliant.
        assert_eq!(
            verdict(&non_routine, &actual("meeting", "general_manager")),
            Verdict::Compliant
        );
        // A blank role cannot be judged; a known weak method can.
        let blank_role = Actual {
            method: Ok(method_rank(&s, "countersign")),
            role: Err(("approver_role", Gap::Blank)),
        };
        assert_eq!(
            verdict(&non_routine, &blank_role),
            Verdict::Unknown {
                blockers: vec![("approver_role", Gap::Blank)]
            }
        );
        // Amount unknown: a review strong enough for either answer is compliant; a weak one is unknown.
        let unknown = required(&s, &facts("routine", false, Err(("amount", Gap::Unreadable)), false));
        assert_eq!(
            verdict(&unknown, &actual("countersign", "production_vp")),
            Verdict::Compliant
        );
        assert_eq!(
            verdict(&unknown, &actual("authorized", "sales_manager")),
            Verdict::Unknown {
                blockers: vec![("amount", Gap::Unreadable)]
            }
        );
    }

    #[test]
    fn the_table_in_force_is_printed_from_the_settings() {
        let mut s = Settings::default().contracts;
        let text = crate::rules::tests::catalogue(Lang::En);
        let shown = table(&s, &text);
        assert!(
            shown.contains("routine product of 1,000,000 or more (5.2.4.1 b)"),
            "{shown}"
        );
        assert!(shown.contains("meeting review > countersign review"), "{shown}");
        s.large_amount = 2_000_000;
        s.review_authority.non_routine.method = "meeting".into();
        let shown = table(&s, &text);
        assert!(shown.contains("2,000,000 or more"), "{shown}");
        let line = shown.lines().find(|l| l.contains("non-routine")).unwrap();
        assert!(line.contains("meeting review"), "{line}");
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(1_000_000), "1,000,000");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(12_345), "12,345");
    }
}
