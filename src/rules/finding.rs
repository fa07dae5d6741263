//! A finding: one rule broken by one record, located at file › sheet › cell.

use std::cmp::Ordering;

use serde::Serialize;

use crate::base::i18n::Catalogue;
use crate::base::message::Message;
use crate::registers::{AnyField, Kind, Location, Record, Registers};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn id(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn parse(text: &str) -> Option<Severity> {
        match text {
            "info" => Some(Severity::Info),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

/// One finding: a rule broken by a record, at a cell (SPEC 6).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    pub register: Kind,
    /// The record's id (contract no., feedback no., guest id), or a short description where the
    /// register keeps none (`G-017 2026-10-05` for a visit).
    pub record: String,
    /// The cell of the field in the record's sheet; only the row when the sheet lacks the column.
    pub location: Location,
    /// Canonical column name.
    pub field: String,
    /// What is wrong, as data: said in a language when it is written ([`Catalogue::render`]).
    pub message: Message,
    pub clause: &'static str,
    /// Where the finding stands against the previous reported month, from the history (set after
    /// the rules; None without a history).
    pub since: Option<Since>,
}

/// A finding's place in its lifecycle, compared with the previous reported month (issue 25): the
/// same finding is the same rule, register, record and field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Not among the previous month's findings.
    New,
    /// Among the previous month's findings too.
    CarriedOver,
    /// A previous month's finding now absent, its record still there.
    Fixed,
    /// A previous month's finding whose record is in no register now.
    Gone,
}

impl Status {
    pub fn id(self) -> &'static str {
        match self {
            Status::New => "new",
            Status::CarriedOver => "carried_over",
            Status::Fixed => "fixed",
            Status::Gone => "gone",
        }
    }

    pub fn parse(text: &str) -> Option<Status> {
        [Status::New, Status::CarriedOver, Status::Fixed, Status::Gone]
            .into_iter()
            .find(|s| s.id() == text)
    }
}

/// A finding's status and the month it was first reported (`YYYY-MM`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Since {
    pub status: Status,
    pub first_reported: String,
}

impl Finding {
    /// A finding about `field` of `record` (the cell of that field in the record's sheet).
    #[allow(clippy::too_many_arguments)]
    pub fn at(
        rule: &'static str,
        severity: Severity,
        clause: &'static str,
        registers: &Registers,
        record: &Record,
        field: AnyField,
        message: Message,
    ) -> Finding {
        let source = registers.source_of(record);
        Finding {
            rule,
            severity,
            register: record.kind,
            record: record.label(),
            location: source.location(field.index(), record.row),
            field: field.name.to_string(),
            message,
            clause,
            since: None,
        }
    }
}

/// SPEC 6 order: register, file, sheet, row, rule (then column, then the message as `text` says
/// it, for a stable result).
pub fn sort(findings: &mut [Finding], text: &Catalogue) {
    findings.sort_by(compare);
    // Only findings equal but for their messages are told apart by them, each message said once.
    let mut start = 0;
    while start < findings.len() {
        let end = (start + 1..findings.len())
            .find(|&i| compare(&findings[start], &findings[i]) != Ordering::Equal)
            .unwrap_or(findings.len());
        if end - start > 1 {
            findings[start..end].sort_by_cached_key(|f| text.render(&f.message));
        }
        start = end;
    }
}

/// The order of two findings but for their messages.
fn compare(a: &Finding, b: &Finding) -> Ordering {
    a.register
        .cmp(&b.register)
        .then_with(|| a.location.file.cmp(&b.location.file))
        .then_with(|| a.location.sheet.cmp(&b.location.sheet))
        .then_with(|| a.location.row.cmp(&b.location.row))
        .then_with(|| a.rule.cmp(b.rule))
        .then_with(|| a.location.column.cmp(&b.location.column))
}
