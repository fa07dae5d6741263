//! A finding: one rule broken by one record, located at file › sheet › cell.

use std::cmp::Ordering;

use serde::Serialize;

use crate::registers::{Kind, Record, Registers, Source};

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

/// One finding, as findings.json shows it (SPEC 6).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    pub register: Kind,
    /// The record's id (contract no., feedback no., guest id), or a short description where the
    /// register keeps none (`G-017 2026-10-05` for a visit).
    pub record: String,
    pub file: String,
    pub sheet: String,
    /// 1-based row as Excel shows it.
    pub row: u32,
    /// Column letters (CSV: the column number); empty when the column is missing from the sheet.
    pub column: String,
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
        kind: Kind,
        record: &Record,
        field: &str,
        message: String,
    ) -> Finding {
        let source = &registers.sources[record.source];
        Finding {
            rule,
            severity,
            register: kind,
            record: record_label(kind, record),
            file: source.file.clone(),
            sheet: source.sheet.clone(),
            row: record.row,
            column: field_letters(source, kind, field),
            field: field.to_string(),
            message,
            clause,
        }
    }

    /// `file › sheet › F17` (CSV: `file › sheet › R17C6`).
    pub fn location(&self) -> String {
        place(&self.file, &self.sheet, &self.column, self.row)
    }
}

/// `file › sheet › F17`; for CSV, whose columns are numbers, Excel's R1C1 form `R17C6`.
pub fn place(file: &str, sheet: &str, column: &str, row: u32) -> String {
    if column.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        format!("{file} › {sheet} › R{row}C{column}")
    } else {
        format!("{file} › {sheet} › {column}{row}")
    }
}

fn field_letters(source: &Source, kind: Kind, field: &str) -> String {
    kind.field(field).and_then(|i| source.letters(i)).unwrap_or_default()
}

/// The id shown for a record.
pub fn record_label(kind: Kind, record: &Record) -> String {
    let text = |f: &str| record.text(kind, f).unwrap_or("").to_string();
    let date = |f: &str| record.date(kind, f).map(|d| d.date.to_string()).unwrap_or_default();
    let joined = |a: String, b: String| match (a.is_empty(), b.is_empty()) {
        (false, false) => format!("{a} {b}"),
        (false, true) => a,
        (true, false) => b,
        (true, true) => String::new(),
    };
    match kind {
        Kind::Contracts | Kind::Feedback => text("id"),
        Kind::Guests => text("guest_id"),
        Kind::Amendments => joined(text("contract_id"), date("amendment_date")),
        Kind::Visits => {
            let who = match text("guest_id") {
                id if id.is_empty() => text("name"),
                id => id,
            };
            joined(who, date("date"))
        }
        Kind::Callbacks => joined(text("guest_id"), date("date")),
    }
}

/// SPEC 6 order: register, file, sheet, row, rule (then column, for a stable result).
pub fn sort(findings: &mut [Finding]) {
    findings.sort_by(compare);
}

fn compare(a: &Finding, b: &Finding) -> Ordering {
    a.register
        .cmp(&b.register)
        .then_with(|| a.file.cmp(&b.file))
        .then_with(|| a.sheet.cmp(&b.sheet))
        .then_with(|| a.row.cmp(&b.row))
        .then_with(|| a.rule.cmp(b.rule))
        .then_with(|| a.column.len().cmp(&b.column.len()))
        .then_with(|| a.column.cmp(&b.column))
        .then_with(|| a.message.cmp(&b.message))
}
