//! What an order needs under the table, and how the review recorded compares.

use rust_decimal::Decimal;

use super::{cases, method_rank, need_of, role_rank, Case, Need};
use crate::registers::contracts::{self, PRODUCT_CATEGORIES};
use crate::registers::field::{Code, Flag};
use crate::registers::{AnyField, Field, Record, Registers};
use crate::settings::ContractSettings;

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
pub type Fact<T> = Result<T, (AnyField, Gap)>;

/// Why `field` of `record` holds no value.
pub fn gap(registers: &Registers, record: &Record, field: AnyField) -> Gap {
    let source = registers.source_of(record);
    if record.is_unreadable(field) {
        Gap::Unreadable
    } else if !source.has_column(field.index()) {
        Gap::NoColumn
    } else {
        Gap::Blank
    }
}

fn enum_fact(registers: &Registers, record: &Record, field: Field<Code>) -> Fact<&'static str> {
    record
        .code(field)
        .ok_or_else(|| (field.any(), gap(registers, record, field.any())))
}

/// The facts of an order that the table depends on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Facts {
    pub category: Fact<&'static str>,
    pub oral: Fact<bool>,
    pub large: Fact<bool>,
    pub flagged: Fact<bool>,
}

pub const FLAGS: [Field<Flag>; 3] = [
    contracts::LARGE_QUANTITY,
    contracts::TIGHT_DELIVERY,
    contracts::TECHNICAL_DIFFICULTY,
];

impl Facts {
    /// Reads the facts of a contracts record. The 萬元 scaling of an amount header is already done
    /// by the reader. A blank flag is "no" (SPEC 1.3), and so is a flag column the sheet does not keep.
    pub fn of(registers: &Registers, settings: &ContractSettings, record: &Record) -> Facts {
        let category = enum_fact(registers, record, contracts::PRODUCT_CATEGORY);
        let oral = enum_fact(registers, record, contracts::DOCUMENT_TYPE).map(|d| d == "oral_order");
        let amount = contracts::AMOUNT;
        let large = match record.money(amount) {
            Some(amount) => Ok(amount >= Decimal::from(settings.large_amount)),
            None => Err((amount.any(), gap(registers, record, amount.any()))),
        };
        let set = FLAGS.iter().any(|f| record.flag(*f) == Some(true));
        let unreadable = FLAGS.iter().copied().find(|f| record.is_unreadable(*f));
        let flagged = match (set, unreadable) {
            (true, _) => Ok(true),
            (false, Some(field)) => Err((field.any(), Gap::Unreadable)),
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
    pub blockers: Vec<(AnyField, Gap)>,
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
            method: enum_fact(registers, record, contracts::REVIEW_METHOD).map(|m| method_rank(settings, m)),
            role: enum_fact(registers, record, contracts::APPROVER_ROLE).map(|r| role_rank(settings, r)),
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
    Unknown { blockers: Vec<(AnyField, Gap)> },
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
