//! A finding: one rule broken by one record, located at file › sheet › cell.

use std::cmp::Ordering;

use serde::Serialize;

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
    pub message: String,
    pub clause: &'static str,
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
        message: String,
    ) -> Finding {
        let source = &registers.sources[record.source];
        Finding {
            rule,
            severity,
            register: record.kind,
            record: record.label(),
            location: source.location(field.index(), record.row),
            field: field.name.to_string(),
            message: sentence(message),
            clause,
        }
    }
}

/// A message as a sentence: its first letter a capital (a message may open with a column's or
/// a case's name, which the catalogue writes in lower case). Chinese has no capitals.
pub fn sentence(mut message: String) -> String {
    if let Some(first) = message.chars().next().filter(char::is_ascii_lowercase) {
        message.replace_range(..1, &first.to_ascii_uppercase().to_string());
    }
    message
}

/// SPEC 6 order: register, file, sheet, row, rule (then column, for a stable result).
pub fn sort(findings: &mut [Finding]) {
    findings.sort_by(compare);
}

fn compare(a: &Finding, b: &Finding) -> Ordering {
    a.register
        .cmp(&b.register)
        .then_with(|| a.location.file.cmp(&b.location.file))
        .then_with(|| a.location.sheet.cmp(&b.location.sheet))
        .then_with(|| a.location.row.cmp(&b.location.row))
        .then_with(|| a.rule.cmp(b.rule))
        .then_with(|| a.location.column.cmp(&b.location.column))
        .then_with(|| a.message.cmp(&b.message))
}
