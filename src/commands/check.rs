//! `clerk check`: reads and checks the inbox and prints the findings (as lines or as the JSON of
//! findings.json); writes nothing. Its exit status says whether any finding reached `--fail-on`.

use std::io::Write;
use std::path::Path;

use indicatif::ProgressBar;

use super::console::{no_register, print_errors, printed, skipped_line, summary_line};
use super::setup::{prepare, Outcome};
use super::{pipeline, texts};
use crate::commands::cli::{CheckArgs, FailOn, OutputFormat};
use crate::report::Report;
use crate::rules::finding::Severity;

/// `clerk check`; `reader_exe` as for [`super::run`].
pub fn check(args: &CheckArgs, reader_exe: Option<&Path>) -> Outcome {
    let (settings, source, lang, period) = match prepare(&args.common, true) {
        Ok(p) => p,
        Err(e) => return Outcome::Failed(e),
    };
    let checked = pipeline::check(
        &args.common.inbox,
        &settings,
        source,
        &period,
        texts::catalogue(lang),
        pipeline::Reading {
            exclude: None,
            progress: &ProgressBar::hidden(),
            keep_rows: false,
            reader_exe,
            history: None,
        },
    );
    print_errors(&checked);
    if let Some(message) = no_register(&checked) {
        return Outcome::Failed(message);
    }
    let report = checked.report;
    let mut out = std::io::stdout().lock();
    let written = match args.format {
        OutputFormat::Json => {
            // The JSON stays whole on stdout; the line for an empty period goes to stderr.
            if let Some(notice) = report.empty_period_notice() {
                eprintln!("{notice}");
            }
            crate::render::json::write(&report, &mut out)
        }
        OutputFormat::Text => write_lines(&report, &mut out),
    }
    .and_then(|()| out.flush());
    let threshold = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    };
    let outcome = match threshold {
        Some(t) if report.findings.iter().any(|f| f.severity >= t) => Outcome::Findings,
        _ => Outcome::Done,
    };
    printed(written, outcome, &report.text())
}

/// The line for a period that covers no dated row, if so; one line per file or sheet skipped, one per finding (`place: severity rule [record]: message`),
/// and the summary line.
fn write_lines(report: &Report, out: &mut impl Write) -> std::io::Result<()> {
    let text = report.text();
    if let Some(notice) = report.empty_period_notice() {
        writeln!(out, "{notice}")?;
    }
    for s in &report.skipped {
        writeln!(out, "{}", skipped_line(s, &text))?;
    }
    for f in &report.findings {
        let severity = text.get(&format!("severity.{}", f.severity.id()));
        let place = f.location.place();
        let message = text.render(&f.message);
        let mut values = vec![
            ("place", place.as_str()),
            ("severity", severity.as_str()),
            ("rule", f.rule),
            ("message", message.as_str()),
        ];
        let key = if f.record.is_empty() {
            "cli.finding"
        } else {
            values.push(("record", f.record.as_str()));
            "cli.finding_record"
        };
        writeln!(out, "{}", text.fmt(key, &values))?;
    }
    writeln!(out, "{}", summary_line(report))
}
