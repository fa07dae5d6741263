//! The rules. Each rule is a unit struct in a file of its own: its id, default severity, the
//! clause it enforces, the settings it reads, its texts in three languages (title, explanation,
//! messages) and its check — a pure function of the month ([`crate::month::Month`]) and the
//! settings that turns standings into findings. [`registry`] lists them all.
//!
//! Rules never format output and never work a standing out for themselves when the month has it:
//! what "reviewed in time" or "overdue" means lives in `month`, which the report reads too.

pub mod contracts;
pub mod feedback;
pub mod finding;
pub mod generic;
pub mod guests;
pub mod records;
pub mod registry;
#[cfg(test)]
pub(crate) mod testing;
pub mod texts;

use crate::base::i18n::{Catalogue, Entry};
use crate::base::message::{Arg, Message};
use crate::month::{Month, Period};
use crate::registers::{AnyField, Field, Kind, Record, Registers};
use crate::rules::finding::{Finding, Severity};
use crate::settings::Settings;

/// What a rule sees.
pub struct Context<'a> {
    pub month: &'a Month<'a>,
    pub registers: &'a Registers,
    pub settings: &'a Settings,
    pub period: &'a Period,
    pub text: Catalogue,
}

impl<'a> Context<'a> {
    pub fn new(month: &'a Month<'a>, text: Catalogue) -> Self {
        Context {
            month,
            registers: month.registers,
            settings: month.settings,
            period: month.period,
            text,
        }
    }

    /// A column's name, said in the language the message is written in.
    pub fn field_label(&self, field: impl Into<AnyField>) -> Arg {
        Arg::field(field.into().name)
    }

    /// Names of columns as a message lists them (`company and phone`, `「單位」和「電話」`), and
    /// how many there are (for `{n|is|are}`).
    pub fn fields(&self, fields: &[impl Into<AnyField> + Copy]) -> (Arg, Arg) {
        let names = fields.iter().map(|f| (*f).into().name);
        (Arg::fields(names), Arg::count(fields.len()))
    }

    /// A finding of `rule`, with its severity in this period and its clause, at `field` of
    /// `record`.
    pub fn finding(&self, rule: &dyn Rule, record: &Record, field: impl Into<AnyField>, message: Message) -> Finding {
        let severity = rule.severity_in(self.period);
        self.finding_as(rule, severity, rule.clause(), record, field, message)
    }

    /// A finding of `rule` with a severity and clause of its own (a late review is a warning where
    /// a missing one is an error; a row of the authority table cites its own clause).
    pub fn finding_as(
        &self,
        rule: &dyn Rule,
        severity: Severity,
        clause: &'static str,
        record: &Record,
        field: impl Into<AnyField>,
        message: Message,
    ) -> Finding {
        Finding::at(
            rule.id(),
            severity,
            clause,
            self.registers,
            record,
            field.into(),
            message,
        )
    }
}

pub trait Rule: Sync {
    fn id(&self) -> &'static str;
    fn severity(&self) -> Severity;
    /// The severity of its findings in a period; the default severity unless a rule says
    /// otherwise (GH02 is a warning when the quarterly review is due).
    fn severity_in(&self, _period: &Period) -> Severity {
        self.severity()
    }
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
    /// The registers whose rows the rule looks up in another register (an amendment's contract,
    /// a visit's guest). Such a rule is not run when the inbox is one file: the register it
    /// looks in may be kept in another file, and every row would look unknown.
    fn joins(&self) -> &'static [Kind] {
        &[]
    }
    /// The columns it reads, and what a blank cell in each means to it. `clerk init` tells staff
    /// from these which rules check a column and whether it must be filled in; a test blanks
    /// each column of a correct row and holds every rule that then reports it to its word.
    fn reads(&self) -> &'static [Reads] {
        &[]
    }
    /// One problem is reported at each of the records sharing an id, each finding naming the
    /// others' places (RG03's duplicate ids): a summary lists the findings of one id as one line.
    fn reports_each_place(&self) -> bool {
        false
    }
    /// Its texts: `rule.ID.title`, `rule.ID.explain` and its messages, key → [en, zh-Hant, zh-Hans].
    fn texts(&self) -> &'static [Entry];
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>);
}

/// A column a rule reads, and what a blank cell there means to the rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reads {
    pub field: AnyField,
    pub blank: Blank,
}

/// What a blank cell of a column means to a rule that reads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Blank {
    /// Reported in every row the rule judges: the column must be filled in.
    Reported,
    /// Reported in some rows only (a meeting review's minutes, a major complaint's report).
    ReportedWhen,
    /// Read (compared, matched, counted), but a blank cell is no finding of the rule's.
    Read,
}

impl Reads {
    /// A column the rule reports whenever it is blank.
    pub const fn reported<T>(field: Field<T>) -> Reads {
        Reads {
            field: field.any(),
            blank: Blank::Reported,
        }
    }
    /// A column the rule reports blank in some rows only.
    pub const fn reported_when<T>(field: Field<T>) -> Reads {
        Reads {
            field: field.any(),
            blank: Blank::ReportedWhen,
        }
    }
    /// A column whose value the rule reads, never reporting it blank.
    pub const fn read<T>(field: Field<T>) -> Reads {
        Reads {
            field: field.any(),
            blank: Blank::Read,
        }
    }
}

/// Runs every rule that [`registry::runs`] on the registers; findings in SPEC 6 order.
///
/// Rules only read the month, so they run on every core; their findings are put together in
/// rule order before sorting, so the result is the same whichever thread ran which rule.
pub fn check_all(ctx: &Context) -> Vec<Finding> {
    let rules: Vec<&dyn Rule> = registry::all()
        .filter(|rule| registry::runs(*rule, ctx.registers))
        .collect();
    let by_rule = crate::base::parallel::in_parallel(&rules, |rule| {
        let _t = crate::base::timing::Phase::start(rule.id());
        let mut out = Vec::new();
        rule.check(ctx, &mut out);
        out
    });
    let mut findings: Vec<Finding> = by_rule.into_iter().flatten().collect();
    finding::sort(&mut findings, &ctx.text);
    findings
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::base::i18n::{Lang, Texts};

    /// The texts of the rules and the layers below them, for the rules' tests.
    pub(crate) fn catalogue(lang: Lang) -> Catalogue {
        static TEXTS: std::sync::OnceLock<&'static Texts> = std::sync::OnceLock::new();
        let texts = TEXTS.get_or_init(|| {
            let mut tables = vec![
                crate::base::i18n::TEXTS,
                crate::base::os::TEXTS,
                crate::read::TEXTS,
                crate::values::TEXTS,
                crate::registers::texts::TEXTS,
                crate::settings::TEXTS,
                crate::month::PERIOD_TEXTS,
                crate::month::authority::TEXTS,
            ];
            tables.extend(registry::texts());
            Texts::new(&tables).with_words(crate::month::words).leak()
        });
        Catalogue::new(lang, texts)
    }
}
