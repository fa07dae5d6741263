//! The Summary's tables: the sheets read and not read, the findings per register and per rule, and
//! the settings the rules used.

use std::collections::BTreeMap;

use super::{Counts, InputRow, RegisterRow, RuleRow, SkippedRow};
use crate::base::i18n::Catalogue;
use crate::month::{Month, Period};
use crate::registers::{Kind, Registers, SkipDetail};
use crate::rules::finding::{Finding, Severity};
use crate::rules::registry;
use crate::settings::Settings;

/// Each sheet read, with its rows and the rows the period covers.
pub(super) fn input_rows(month: &Month, text: &Catalogue) -> Vec<InputRow> {
    let registers = month.registers;
    let mut covered_by_source = vec![0usize; registers.sources.len()];
    for kind in Kind::ALL {
        for (_, record) in month.covered(kind) {
            covered_by_source[record.source as usize] += 1;
        }
    }
    registers
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let mut notes = Vec::new();
            if s.hidden {
                notes.push(text.get("summary.hidden_sheet"));
            }
            if s.complaint_record {
                notes.push(text.get("summary.complaint_record"));
            }
            InputRow {
                file: s.file.clone(),
                sheet: s.sheet.clone(),
                register: s.kind,
                register_label: s.kind.label(text),
                header_row: s.header_row,
                rows: s.rows,
                covered: covered_by_source[i],
                hidden: s.hidden,
                complaint_record: s.complaint_record,
                sha256: s.sha256.clone(),
                note: notes.join("; "),
            }
        })
        .collect()
}

/// Each file or sheet not read, and why.
pub(super) fn skipped_rows(registers: &Registers, text: &Catalogue) -> Vec<SkippedRow> {
    registers
        .skipped
        .iter()
        .map(|s| {
            let detail = match &s.detail {
                SkipDetail::Closest { kind, missing } => {
                    let missing: Vec<String> = missing
                        .iter()
                        .map(|f| crate::registers::texts::field_label(text, f.name))
                        .collect();
                    text.fmt(
                        "skip.closest",
                        &[("kind", &kind.label(text)), ("missing", &missing.join(", "))],
                    )
                }
                SkipDetail::Text(detail) => detail.clone(),
                SkipDetail::None | SkipDetail::Rows(_) => String::new(),
            };
            let rows = match &s.detail {
                SkipDetail::Rows(rows) => rows.clone(),
                _ => Vec::new(),
            };
            SkippedRow {
                file: s.file.clone(),
                sheet: s.sheet.clone(),
                reason: serde_json::to_value(s.reason)
                    .ok()
                    .and_then(|v| v.as_str().map(String::from))
                    .unwrap_or_default(),
                reason_text: match rows.as_slice() {
                    [] => text.get(s.reason.key()),
                    [_] => text.fmt("summary.footer.one", &[("rows", &row_ranges(&rows, text))]),
                    _ => text.fmt(
                        "summary.footer.many",
                        &[("n", &rows.len().to_string()), ("rows", &row_ranges(&rows, text))],
                    ),
                },
                detail,
                rows,
                rules: Vec::new(),
            }
        })
        .chain(one_file_row(registers, text))
        .collect()
}

/// The line saying which rules were not run on an inbox of one file, and why.
fn one_file_row(registers: &Registers, text: &Catalogue) -> Option<SkippedRow> {
    let rules: Vec<&'static str> = registry::not_run_on_one_file(registers)
        .iter()
        .map(|r| r.id())
        .collect();
    let key = match rules.len() {
        0 => return None,
        1 => "summary.one_file.one",
        _ => "summary.one_file.many",
    };
    let ids: Vec<String> = rules.iter().map(|id| id.to_string()).collect();
    Some(SkippedRow {
        file: registers.sources.first()?.file.clone(),
        sheet: None,
        reason: "one_file".into(),
        reason_text: text.fmt(key, &[("rules", &text.list(&ids))]),
        detail: String::new(),
        rows: Vec::new(),
        rules,
    })
}

/// Row numbers as runs: `58–59, 61` (`58–59、61`).
fn row_ranges(rows: &[u32], text: &Catalogue) -> String {
    let mut runs: Vec<(u32, u32)> = Vec::new();
    for &row in rows {
        match runs.last_mut() {
            Some((_, last)) if row == *last + 1 => *last = row,
            _ => runs.push((row, row)),
        }
    }
    let shown: Vec<String> = (runs.iter())
        .map(|&(first, last)| match first == last {
            true => first.to_string(),
            false => format!("{first}–{last}"),
        })
        .collect();
    text.list(&shown)
}

/// Findings by severity; rows, rows covered and sheets read.
pub(super) fn counts(findings: &[Finding], inputs: &[InputRow]) -> Counts {
    let mut counts = Counts::default();
    for f in findings {
        counts.add(f.severity);
    }
    counts.rows = inputs.iter().map(|i| i.rows).sum();
    counts.covered = inputs.iter().map(|i| i.covered).sum();
    counts.sheets = inputs.len();
    counts
}

/// Each register: given or not, its sheets and rows, its findings by severity.
pub(super) fn register_rows(inputs: &[InputRow], findings: &[Finding], text: &Catalogue) -> Vec<RegisterRow> {
    Kind::ALL
        .iter()
        .map(|&kind| {
            let of_kind: Vec<&InputRow> = inputs.iter().filter(|i| i.register == kind).collect();
            let mut row = RegisterRow {
                kind,
                label: kind.label(text),
                present: !of_kind.is_empty(),
                absent_text: if of_kind.is_empty() {
                    text.get(&format!("kind.absent.{}", kind.id()))
                } else {
                    String::new()
                },
                sheets: of_kind.len(),
                rows: of_kind.iter().map(|i| i.rows).sum(),
                covered: of_kind.iter().map(|i| i.covered).sum(),
                errors: 0,
                warnings: 0,
                infos: 0,
            };
            for f in findings.iter().filter(|f| f.register == kind) {
                match f.severity {
                    Severity::Error => row.errors += 1,
                    Severity::Warning => row.warnings += 1,
                    Severity::Info => row.infos += 1,
                }
            }
            row
        })
        .collect()
}

/// Each rule with its severity in the period, its count of findings and whether it was run.
pub(super) fn rule_rows(
    findings: &[Finding],
    registers: &Registers,
    period: &Period,
    text: &Catalogue,
) -> Vec<RuleRow> {
    let mut by_rule: BTreeMap<&str, usize> = BTreeMap::new();
    for f in findings {
        *by_rule.entry(f.rule).or_default() += 1;
    }
    registry::all()
        .map(|r| RuleRow {
            id: r.id(),
            title: registry::title(r, text),
            severity: r.severity_in(period),
            severity_text: text.get(&format!("severity.{}", r.severity_in(period).id())),
            clause: registry::clause_words(r.clause(), text),
            count: by_rule.get(r.id()).copied().unwrap_or(0),
            ran: registry::runs(r, registers),
        })
        .collect()
}

/// The settings the rules used, in words (each named with its key), and as JSON.
pub(super) fn settings(s: &Settings, text: &Catalogue) -> (Vec<(String, String)>, serde_json::Value) {
    let settings_json = serde_json::json!({
        "date_order": s.date_order,
        "contracts": s.contracts,
        "feedback": s.feedback,
        "complaints": s.complaints,
        "guests": s.guests,
        "report": s.report,
    });
    let settings = super::settings::in_words(s, text)
        .into_iter()
        .map(|l| (l.name_and_key(text), l.value))
        .collect();
    (settings, settings_json)
}
