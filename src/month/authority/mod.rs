//! The review-authority table of CR02 (procedure 5.2.4.1–5.2.4.3) as data: which review an order
//! needs, decided from its product category, document type, amount and flags against the table
//! in the settings (`[contracts.review_authority]`, `[contracts.large_amount_rule]`,
//! `large_amount`, and the rankings `method_ranking` / `role_ranking`).
//!
//! Nothing is guessed. When a value the decision depends on is blank or unreadable, every value
//! it could have is tried: when all of them lead to the same review the answer is known, else the
//! possible answers are returned together with the values that block the decision.

mod required;
#[cfg(test)]
mod tests;

pub use required::{gap, required, verdict, Actual, Fact, Facts, Gap, Outcome, Required, Verdict, FLAGS};

use crate::base::i18n::Catalogue;
use crate::base::message::{Arg, Message};
use crate::settings::{ContractSettings, ReviewRequirement};

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
        text.say(&self.message(settings))
    }

    /// The row's label as a message's data.
    pub fn message(self, settings: &ContractSettings) -> Message {
        Message::of(
            format!("contracts.case.{}", self.key()),
            [("amount", Arg::from(thousands(settings.large_amount)))],
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

/// A method's name, as a message's data.
pub fn method_arg(code: &str) -> Arg {
    Arg::text(format!("contracts.method.{code}"))
}

/// A role's name, as a message's data.
pub fn role_arg(code: &str) -> Arg {
    Arg::text(format!("contracts.role.{code}"))
}

/// `countersign review approved by the general manager`.
pub fn need_label(settings: &ContractSettings, text: &Catalogue, need: Need) -> String {
    text.say(&need_message(settings, need))
}

/// A review needed, as a message's data.
pub fn need_message(settings: &ContractSettings, need: Need) -> Message {
    Message::of(
        "contracts.review",
        [
            ("method", method_arg(method_code(settings, need.method))),
            ("role", role_arg(role_code(settings, need.role))),
        ],
    )
}

/// The names of the table's rows, methods and roles, and of a review: key → [en, zh-Hant, zh-Hans].
#[rustfmt::skip]
pub static TEXTS: &[crate::base::i18n::Entry] = &[
    ("contracts.case.oral_order", ["oral order of a routine product", "常規產品的口頭訂單", "常规产品的口头订单"]),
    ("contracts.case.routine", ["routine product under {amount}", "金額低於 {amount} 的常規產品", "金额低于 {amount} 的常规产品"]),
    ("contracts.case.routine_flagged", [
        "routine product with large quantity, tight delivery or technical difficulty",
        "數量較大、交貨期緊或技術難度大的常規產品",
        "数量较大、交货期紧或技术难度大的常规产品",
    ]),
    ("contracts.case.large_amount", ["routine product of {amount} or more", "金額 {amount} 及以上的常規產品", "金额 {amount} 及以上的常规产品"]),
    ("contracts.case.non_routine", ["non-routine product", "非常規產品", "非常规产品"]),
    ("contracts.case.customer_drawing", ["product made to the customer's drawing", "顧客帶圖加工的產品", "顾客带图加工的产品"]),
    ("contracts.case.new_product", ["new product needing design and development", "需設計開發的新產品", "需设计开发的新产品"]),
    ("contracts.case.special_tech", ["product with special technical requirements", "有特殊技術要求的產品", "有特殊技术要求的产品"]),
    ("contracts.method.authorized", ["authorized-person review", "授權人員評審", "授权人员评审"]),
    ("contracts.method.countersign", ["countersign review", "會簽評審", "会签评审"]),
    ("contracts.method.meeting", ["meeting review", "會議評審", "会议评审"]),
    ("contracts.role.sales_manager", ["sales manager", "銷售公司經理", "销售公司经理"]),
    ("contracts.role.production_vp", ["production vice-president", "生產副總經理", "生产副总经理"]),
    ("contracts.role.general_manager", ["general manager", "總經理", "总经理"]),
    ("contracts.review", ["{method} approved by the {role}", "{role}批准的{method}", "{role}批准的{method}"]),
];
