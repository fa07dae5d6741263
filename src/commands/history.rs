//! `clerk history [--out DIR] [--record ID] [--rule ID] [--format text|json]`: the months a record
//! or a rule appeared in, with each finding's status, from the output folder's history. Phone
//! numbers and birthdays are masked as in the HTML summaries; the history itself is only read.

use std::io::Write;

use super::cli::{HistoryArgs, OutputFormat};
use super::console::printed;
use super::setup::{language, load_settings, Outcome};
use super::texts;
use crate::base::i18n::Catalogue;
use crate::base::message::Message;
use crate::history::{Filter, History, StoredFinding, FILE_NAME};
use crate::render::json::HistoryRow;
use crate::report::mask_personal;

/// `clerk history`.
pub fn history(args: &HistoryArgs) -> Outcome {
    let lang =
        match load_settings(None, None, args.lang.as_deref()).and_then(|(s, _)| language(args.lang.as_deref(), &s)) {
            Ok(lang) => lang,
            Err(e) => return Outcome::Failed(e),
        };
    let text = texts::catalogue(lang);
    if !args.out.join(FILE_NAME).is_file() {
        let out = args.out.display().to_string();
        return Outcome::Failed(text.fmt("history.none", &[("out", &out)]));
    }
    let findings = match History::open(&args.out, text).and_then(|h| query(&h, args, &text)) {
        Ok(f) => f,
        Err(e) => return Outcome::Failed(e),
    };
    let mut out = std::io::stdout().lock();
    let written = match args.format {
        OutputFormat::Json => write_json(&findings, &mut out),
        OutputFormat::Text => write_text(&findings, &text, &mut out),
    };
    printed(written.and_then(|()| out.flush()), Outcome::Done, &text)
}

/// The findings asked for, every month's when neither a record nor a rule is named.
fn query(history: &History, args: &HistoryArgs, text: &Catalogue) -> Result<Vec<StoredFinding>, String> {
    let filter = match (&args.record, &args.rule) {
        (Some(record), _) => Some(Filter::Record(record.trim())),
        (None, Some(rule)) => Some(Filter::Rule(rule.trim())),
        (None, None) => None,
    };
    let mut findings = history.findings(None, filter)?;
    if let (Some(_), Some(rule)) = (&args.record, &args.rule) {
        findings.retain(|f| f.rule.eq_ignore_ascii_case(rule.trim()));
    }
    findings.iter_mut().for_each(|f| say(f, text));
    Ok(findings)
}

/// A finding's message said in the language asked for (a row stored as text only keeps its
/// text), phone numbers and birthdays masked as the HTML summaries mask them.
fn say(f: &mut StoredFinding, text: &Catalogue) {
    f.message = Message::text(mask_personal(&f.field, &text.render(&f.message)));
}

fn write_json(findings: &[StoredFinding], out: &mut impl Write) -> std::io::Result<()> {
    let rows: Vec<HistoryRow> = (findings.iter())
        .map(|f| HistoryRow {
            month: Some(&f.month),
            rule: &f.rule,
            severity: f.severity,
            register: &f.register,
            record: &f.record,
            file: &f.file,
            sheet: &f.sheet,
            row: f.row,
            column: &f.column,
            field: &f.field,
            message: f.message.as_text().unwrap_or_default(),
            first_reported: &f.first_reported,
            status: f.status,
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &rows)?;
    writeln!(out)
}

/// One line per finding, month by month, each month under a line of its own.
fn write_text(findings: &[StoredFinding], text: &Catalogue, out: &mut impl Write) -> std::io::Result<()> {
    if findings.is_empty() {
        return writeln!(out, "{}", text.get("history.nothing"));
    }
    let mut month = "";
    for f in findings {
        if f.month != month {
            month = &f.month;
            let n = findings.iter().filter(|g| g.month == month).count();
            let words = crate::month::period_words(month, text);
            let line = text.fmt("history.month", &[("month", &words), ("n", &n.to_string())]);
            writeln!(out, "{line}")?;
        }
        let status = text.get(&format!("status.{}", f.status.id()));
        let record = if f.record.is_empty() { "—" } else { f.record.as_str() };
        let args = [
            ("rule", f.rule.as_str()),
            ("record", record),
            ("status", &status),
            ("first", &f.first_reported),
            ("message", f.message.as_text().unwrap_or_default()),
        ];
        writeln!(out, "  {}", text.fmt("history.row", &args))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::finding::{Severity, Status};

    #[test]
    fn phone_numbers_and_birthdays_are_masked() {
        let finding = |field: &str, message: &str| StoredFinding {
            month: "2026-11".into(),
            rule: "RC01".into(),
            register: "guests".into(),
            record: "G-0001".into(),
            field: field.into(),
            severity: Severity::Warning,
            file: "g.xlsx".into(),
            sheet: "s".into(),
            row: 2,
            column: "G".into(),
            message: Message::text(message),
            first_reported: "2026-11".into(),
            status: Status::New,
        };
        let text = texts::catalogue(crate::base::i18n::Lang::En);
        let said = |field: &str, message: &str| {
            let mut f = finding(field, message);
            say(&mut f, &text);
            f.message.as_text().unwrap_or_default().to_string()
        };
        let phone = said("phone", "Phone 13912345678 → 13812345678");
        assert!(phone.starts_with("Phone 139****5678"), "{phone}");
        assert!(phone.ends_with("→ 138****5678"), "{phone}");
        let birthday = said("birthday", "Birthday 1980-05-06 → 1980-06-05");
        assert!(!birthday.contains("1980"), "{birthday}");
        assert_eq!(said("amount", "Amount 1200000 → 1300000"), "Amount 1200000 → 1300000");
    }
}
