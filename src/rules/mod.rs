//! The rule registry. Each rule is a unit struct with its id, default severity, the clause it
//! enforces, the settings it reads and a check: a pure function of the typed registers, the
//! settings and the period. Rules never format output; their explanation and messages live in the
//! catalogue ([`crate::base::i18n`]) in three languages, so `clerk rules ID` and the findings share one text.

pub mod contracts;
pub mod feedback;
pub mod finding;
pub mod generic;
pub mod guests;
pub mod texts;

use std::sync::OnceLock;

use crate::base::i18n::Catalogue;
use crate::month::period::{coverage, Coverage, Period};
use crate::registers::{Kind, Record, Registers};
use crate::rules::finding::{Finding, Severity};
use crate::settings::Settings;

/// What a rule sees.
pub struct Context<'a> {
    pub registers: &'a Registers,
    pub settings: &'a Settings,
    pub period: &'a Period,
    pub text: Catalogue,
    /// The guest register indexed, and the visits matched to it: made once, by whichever rule or
    /// report part asks first (several GH rules and the Guests sheet need them).
    guest_book: OnceLock<guests::history::GuestBook<'a>>,
    visits: OnceLock<Vec<guests::history::VisitEntry>>,
    /// Each record's coverage, by kind (`kind as usize`): told once, not by every rule
    /// that goes through the records.
    coverage: [OnceLock<Vec<Coverage>>; Kind::ALL.len()],
}

impl<'a> Context<'a> {
    pub fn new(registers: &'a Registers, settings: &'a Settings, period: &'a Period, text: Catalogue) -> Self {
        Context {
            registers,
            settings,
            period,
            text,
            guest_book: OnceLock::new(),
            visits: OnceLock::new(),
            coverage: Default::default(),
        }
    }

    /// The guest register, indexed by id and name.
    pub fn guest_book(&self) -> &guests::history::GuestBook<'a> {
        self.guest_book
            .get_or_init(|| guests::history::GuestBook::new(self.registers))
    }

    /// Every dated visit with its spend and the profile it belongs to, in register order.
    pub fn visit_entries(&self) -> &[guests::history::VisitEntry] {
        self.visits
            .get_or_init(|| guests::history::visit_entries(self.registers, self.guest_book()))
    }

    pub fn coverage(&self, kind: Kind, record: &Record) -> Coverage {
        coverage(self.period, kind, record)
    }

    /// Records of a kind with their index and coverage.
    pub fn records(&self, kind: Kind) -> impl Iterator<Item = (usize, &'a Record, Coverage)> + '_ {
        let records: &'a [Record] = self.registers.by_kind.get(&kind).map_or(&[], |r| r.records.as_slice());
        let coverage =
            self.coverage[kind as usize].get_or_init(|| records.iter().map(|r| self.coverage(kind, r)).collect());
        records.iter().zip(coverage).enumerate().map(|(i, (r, c))| (i, r, *c))
    }

    /// A column's name in the report language.
    pub fn field_label(&self, field: &str) -> String {
        crate::registers::texts::field_label(&self.text, field)
    }
}

pub trait Rule: Sync {
    fn id(&self) -> &'static str;
    fn severity(&self) -> Severity;
    /// The procedure clause (or spec section) the rule enforces.
    fn clause(&self) -> &'static str;
    /// Settings keys the rule reads, as written in clerk.toml.
    fn settings(&self) -> &'static [&'static str] {
        &[]
    }
    /// The registers the rule needs; it runs only when all are present.
    fn registers(&self) -> &'static [Kind] {
        &[]
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>);

    /// A finding of this rule, with its default severity and clause, at `field` of `record`.
    fn finding(&self, ctx: &Context, kind: Kind, record: &Record, field: &str, message: String) -> Finding {
        Finding::at(
            self.id(),
            self.severity(),
            self.clause(),
            ctx.registers,
            kind,
            record,
            field,
            message,
        )
    }
}

/// The rule families; each lists its rules in the order `clerk rules` shows them.
static FAMILIES: &[&[&dyn Rule]] = &[generic::RULES, contracts::RULES, feedback::RULES, guests::RULES];

/// Every rule clerk checks, in the order `clerk rules` lists them.
pub fn all() -> impl Iterator<Item = &'static dyn Rule> {
    FAMILIES.iter().flat_map(|family| family.iter().copied())
}

pub fn find(id: &str) -> Option<&'static dyn Rule> {
    all().find(|r| r.id().eq_ignore_ascii_case(id))
}

/// Runs every rule whose registers are present; findings in SPEC 6 order.
///
/// Rules only read the registers, so they run on every core; their findings are put together in
/// rule order before sorting, so the result is the same whichever thread ran which rule.
pub fn check_all(ctx: &Context) -> Vec<Finding> {
    let rules: Vec<&dyn Rule> = all()
        .filter(|rule| rule.registers().iter().all(|k| ctx.registers.has(*k)))
        .collect();
    let by_rule = crate::base::parallel::in_parallel(&rules, |rule| {
        let _t = crate::base::timing::Phase::start(rule.id());
        let mut out = Vec::new();
        rule.check(ctx, &mut out);
        out
    });
    let mut findings: Vec<Finding> = by_rule.into_iter().flatten().collect();
    crate::rules::finding::sort(&mut findings);
    findings
}

/// The rules' text in a language: title and explanation.
pub fn title(rule: &dyn Rule, text: &Catalogue) -> String {
    text.get(&format!("rule.{}.title", rule.id()))
}

pub fn explanation(rule: &dyn Rule, text: &Catalogue) -> String {
    text.get(&format!("rule.{}.explain", rule.id()))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::base::i18n::{Lang, Texts};

    /// The texts of the rules and the layers below them, for the rules' tests.
    pub(crate) fn catalogue(lang: Lang) -> Catalogue {
        static TEXTS: std::sync::OnceLock<&'static Texts> = std::sync::OnceLock::new();
        let texts = TEXTS.get_or_init(|| {
            Texts::new(&[
                crate::read::TEXTS,
                crate::values::TEXTS,
                crate::registers::texts::TEXTS,
                crate::settings::TEXTS,
                texts::TEXTS,
                contracts::TEXTS,
                feedback::TEXTS,
                guests::TEXTS,
            ])
            .leak()
        });
        Catalogue::new(lang, texts)
    }

    #[test]
    fn every_rule_is_documented_in_every_language() {
        for rule in all() {
            for lang in Lang::ALL {
                let c = catalogue(lang);
                for key in [
                    format!("rule.{}.title", rule.id()),
                    format!("rule.{}.explain", rule.id()),
                ] {
                    assert!(c.has(&key), "{key} missing in {lang:?}");
                }
            }
            assert!(!rule.clause().is_empty(), "{} has no clause", rule.id());
        }
    }

    #[test]
    fn rule_ids_are_unique() {
        let mut ids: Vec<&str> = all().map(|r| r.id()).collect();
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n);
    }
}
