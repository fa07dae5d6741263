//! `findings.json` exactly as SPEC 6 lays it out.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::base::i18n::Catalogue;
use crate::registers::Kind;
use crate::report::lifecycle::Lifecycle;
use crate::report::{Report, TOOL, VERSION};
use crate::rules::finding::{Finding, Severity, Status};

#[derive(Serialize)]
struct FindingsFile<'a> {
    tool: &'static str,
    version: &'static str,
    month: &'a str,
    as_of: String,
    settings: &'a serde_json::Value,
    inputs: Vec<Input<'a>>,
    skipped: Vec<Skipped<'a>>,
    findings: Findings<'a>,
    summary: Summary,
    /// From the history (issue 25): the month against the previous reported one; absent without
    /// a history.
    #[serde(skip_serializing_if = "Option::is_none")]
    since_last_month: Option<SinceLastMonth<'a>>,
}

#[derive(Serialize)]
struct SinceLastMonth<'a> {
    /// The previous reported month (`YYYY-MM`); null in the history's first month.
    previous: Option<&'a str>,
    new: usize,
    carried_over: usize,
    fixed: usize,
    gone: usize,
    /// The previous month's findings not found now, fixed ones first, as that month listed them.
    no_longer_found: Vec<HistoryRow<'a>>,
}

/// A finding of a month as the history tells it: in findings.json's `since_last_month` (the
/// previous month's, no longer found) and in `clerk history --format json` (with its month).
#[derive(Serialize)]
pub struct HistoryRow<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub month: Option<&'a str>,
    pub rule: &'a str,
    pub severity: Severity,
    pub register: &'a str,
    pub record: &'a str,
    pub file: &'a str,
    pub sheet: &'a str,
    pub row: u32,
    pub column: &'a str,
    pub field: &'a str,
    pub message: &'a str,
    pub first_reported: &'a str,
    pub status: Status,
}

impl<'a> SinceLastMonth<'a> {
    fn of(lifecycle: &'a Lifecycle) -> Self {
        let closed = lifecycle.closed.iter().map(|c| HistoryRow {
            month: None,
            rule: &c.rule,
            severity: c.severity,
            register: c.register.map_or("", Kind::id),
            record: &c.record,
            file: &c.file,
            sheet: &c.sheet,
            row: c.row,
            column: &c.column,
            field: &c.field,
            message: &c.message,
            first_reported: &c.first_reported,
            status: c.status,
        });
        SinceLastMonth {
            previous: lifecycle.previous.as_deref(),
            new: lifecycle.new,
            carried_over: lifecycle.carried_over,
            fixed: lifecycle.fixed,
            gone: lifecycle.gone,
            no_longer_found: closed.collect(),
        }
    }
}

#[derive(Serialize)]
struct Input<'a> {
    file: &'a str,
    sheet: &'a str,
    register: &'static str,
    header_row: u32,
    rows: usize,
    sha256: &'a str,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    hidden: bool,
}

#[derive(Serialize)]
struct Skipped<'a> {
    file: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    sheet: Option<&'a str>,
    reason: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    detail: &'a str,
    /// The rows of a sheet read that are not records (`footer`), as the sheet numbers them.
    #[serde(skip_serializing_if = "<[u32]>::is_empty")]
    rows: &'a [u32],
    /// The rules not run (`one_file`).
    #[serde(skip_serializing_if = "<[&str]>::is_empty")]
    rules: &'a [&'static str],
}

/// The findings, each as SPEC 6 lays it out (its message said in the report's language), made
/// one by one as they are written.
struct Findings<'a>(&'a [Finding], Catalogue);

impl Serialize for Findings<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(|f| FindingRow::of(f, &self.1)))
    }
}

#[derive(Serialize)]
struct FindingRow<'a> {
    rule: &'static str,
    severity: Severity,
    register: Kind,
    record: &'a str,
    file: &'a str,
    sheet: &'a str,
    /// 1-based row as Excel shows it (CSV: the line number).
    row: u32,
    /// Letters; a CSV file's column number; empty when the sheet lacks the column.
    column: String,
    field: &'a str,
    message: String,
    clause: &'static str,
    /// From the history (issue 25): the month first reported (`YYYY-MM`) and the status against
    /// the previous reported month; absent without a history.
    #[serde(skip_serializing_if = "Option::is_none")]
    first_reported: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<Status>,
}

impl FindingRow<'_> {
    fn of<'f>(f: &'f Finding, text: &Catalogue) -> FindingRow<'f> {
        FindingRow {
            rule: f.rule,
            severity: f.severity,
            register: f.register,
            record: &f.record,
            file: &f.location.file,
            sheet: &f.location.sheet,
            row: f.location.row,
            column: f.location.column_name(),
            field: &f.field,
            message: text.render(&f.message),
            clause: f.clause,
            first_reported: f.since.as_ref().map(|s| s.first_reported.as_str()),
            status: f.since.as_ref().map(|s| s.status),
        }
    }
}

#[derive(Serialize)]
struct Summary {
    by_rule: BTreeMap<&'static str, usize>,
    by_severity: BTreeMap<&'static str, usize>,
}

/// Writes the findings file, pretty-printed, to `out` as it is made (a large month's runs to
/// tens of megabytes: built whole first, its memory cost more than the writing).
pub fn write(report: &Report, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut by_rule = BTreeMap::new();
    let mut by_severity = BTreeMap::new();
    for f in &report.findings {
        *by_rule.entry(f.rule).or_insert(0) += 1;
        *by_severity.entry(f.severity.id()).or_insert(0) += 1;
    }
    let file = FindingsFile {
        tool: TOOL,
        version: VERSION,
        month: &report.period,
        as_of: report.as_of.to_string(),
        settings: &report.settings_json,
        inputs: report
            .inputs
            .iter()
            .map(|i| Input {
                file: &i.file,
                sheet: &i.sheet,
                register: i.register.id(),
                header_row: i.header_row,
                rows: i.rows,
                sha256: &i.sha256,
                hidden: i.hidden,
            })
            .collect(),
        skipped: report
            .skipped
            .iter()
            .map(|s| Skipped {
                file: &s.file,
                sheet: s.sheet.as_deref(),
                reason: &s.reason,
                detail: &s.detail,
                rows: &s.rows,
                rules: &s.rules,
            })
            .collect(),
        findings: Findings(&report.findings, report.text()),
        summary: Summary { by_rule, by_severity },
        since_last_month: report.lifecycle.as_ref().map(SinceLastMonth::of),
    };
    serde_json::to_writer_pretty(&mut *out, &file)?;
    out.write_all(b"\n")
}
