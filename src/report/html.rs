//! The HTML summary for the manager: one self-contained file with inline styles, no scripts and
//! no external files, so it reads the same in a browser and pasted into an e-mail. Built from the
//! tera template `templates/summary.html`, compiled into the binary. Personal data is masked.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use super::Report;
use crate::finding::Severity;
use crate::value;

pub const TEMPLATE: &str = include_str!("../../templates/summary.html");

/// How many findings the summary lists before pointing to the workbook.
const TOP_FINDINGS: usize = 25;

#[derive(Serialize)]
struct Row<'a> {
    severity: &'static str,
    severity_text: String,
    rule: &'static str,
    register: String,
    record: &'a str,
    location: String,
    message: String,
}

#[derive(Serialize)]
struct RuleBar<'a> {
    id: &'static str,
    title: &'a str,
    count: usize,
    /// Bar width in percent of the largest count.
    width: usize,
}

/// Hides phone numbers (`138****5678`) and birthdays (`**-03-14`) in text shown in HTML.
pub fn mask_personal(field: &str, text: &str) -> String {
    match field {
        "phone" => mask_digit_runs(text),
        "birthday" => mask_years(text),
        _ => text.to_string(),
    }
}

fn mask_digit_runs(text: &str) -> String {
    let mut out = String::new();
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        if run.len() >= 7 {
            out.push_str(&value::mask_phone(run));
        } else {
            out.push_str(run);
        }
        run.clear();
    };
    for c in text.chars() {
        if c.is_ascii_digit() {
            run.push(c);
        } else if (c == '-' || c == ' ') && !run.is_empty() {
            // keep grouping inside a number out of the masked output
            continue;
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

fn mask_years(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let is_year = i + 4 < chars.len()
            && chars[i..i + 4].iter().all(char::is_ascii_digit)
            && matches!(chars[i + 4], '-' | '/' | '.' | '年')
            && (i == 0 || !chars[i - 1].is_ascii_digit());
        if is_year {
            out.push_str("**");
            i += 4;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

pub fn render(report: &Report, workbook_name: &str) -> Result<String, String> {
    let text = report.text();
    let mask = |field: &str, t: &str| {
        if report.settings_json["report"]["mask_personal_data"]
            .as_bool()
            .unwrap_or(true)
        {
            mask_personal(field, t)
        } else {
            t.to_string()
        }
    };
    let mut ordered: Vec<&crate::finding::Finding> = report.findings.iter().collect();
    ordered.sort_by_key(|f| std::cmp::Reverse(f.severity));
    let top: Vec<Row> = ordered
        .iter()
        .filter(|f| f.severity >= Severity::Warning)
        .take(TOP_FINDINGS)
        .map(|f| Row {
            severity: f.severity.id(),
            severity_text: text.get(&format!("severity.{}", f.severity.id())),
            rule: f.rule,
            register: text.kind(f.register),
            record: &f.record,
            location: f.location(),
            message: mask(&f.field, &f.message),
        })
        .collect();
    let shown = top.len();
    let max = report.rules.iter().map(|r| r.count).max().unwrap_or(0).max(1);
    let bars: Vec<RuleBar> = report
        .rules
        .iter()
        .map(|r| RuleBar {
            id: r.id,
            title: &r.title,
            count: r.count,
            width: r.count * 100 / max,
        })
        .collect();

    let keys = [
        "report.title",
        "report.period",
        "report.as_of",
        "summary.registers",
        "summary.by_rule",
        "summary.skipped",
        "summary.no_findings",
        "html.top",
        "col.register",
        "col.rows",
        "col.rows_covered",
        "col.errors",
        "col.warnings",
        "col.infos",
        "col.rule",
        "col.title",
        "col.findings",
        "col.severity",
        "col.record",
        "col.cell",
        "col.message",
        "col.file",
        "col.sheet",
        "col.reason",
        "col.note",
    ];
    let labels: BTreeMap<String, String> = keys.iter().map(|k| (k.replace('.', "_"), text.get(k))).collect();
    let counts = &report.counts;
    let mut ctx = tera::Context::new();
    ctx.insert("t", &labels);
    ctx.insert("lang", report.lang.code());
    ctx.insert("company", &report.company);
    ctx.insert("period", &report.period);
    ctx.insert("as_of", &report.as_of.to_string());
    ctx.insert(
        "intro",
        &text.fmt(
            "html.intro",
            &[
                ("company", &report.company),
                ("period", &report.period),
                ("errors", &counts.errors.to_string()),
                ("warnings", &counts.warnings.to_string()),
                ("infos", &counts.infos.to_string()),
                ("rows", &counts.covered.to_string()),
            ],
        ),
    );
    ctx.insert("counts", counts);
    ctx.insert("registers", &report.registers);
    ctx.insert("rules", &bars);
    ctx.insert("top", &top);
    let remaining = report.findings.len() - shown;
    ctx.insert(
        "more",
        &if remaining > 0 {
            text.fmt("html.more", &[("n", &remaining.to_string())])
        } else {
            String::new()
        },
    );
    ctx.insert("skipped", &report.skipped);
    ctx.insert("blocks", &report.html_blocks());
    ctx.insert("attachment", &text.fmt("html.attachment", &[("file", workbook_name)]));
    ctx.insert("made_by", &text.fmt("report.made_by", &[("version", super::VERSION)]));

    let mut tera = tera::Tera::default();
    tera.add_raw_template("summary.html", TEMPLATE)
        .map_err(|e| format!("template summary.html: {e}"))?;
    tera.render("summary.html", &ctx).map_err(|e| {
        let mut msg = e.to_string();
        let mut source = std::error::Error::source(&e);
        while let Some(s) = source {
            msg.push_str(": ");
            msg.push_str(&s.to_string());
            source = s.source();
        }
        format!("template summary.html: {msg}")
    })
}

pub fn write(report: &Report, workbook_name: &str, path: &Path) -> Result<(), String> {
    let html = render(report, workbook_name)?;
    super::write_atomically(path, html.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_and_birthdays_are_masked() {
        assert_eq!(
            mask_personal("phone", "電話「138-1234-5678x」無法讀取"),
            "電話「138****5678x」無法讀取"
        );
        assert_eq!(mask_personal("birthday", "生日 1980-03-14 晚於"), "生日 **-03-14 晚於");
        assert_eq!(mask_personal("customer", "138-1234-5678"), "138-1234-5678");
    }
}
