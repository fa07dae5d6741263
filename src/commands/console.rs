//! What the terminal shows: the lines of errors, the short table of registers `run` prints, the
//! files and sheets skipped, and the one summary line. Every command writes its lines through
//! [`printed`]: a reader that stops reading (`clerk rules | head -1`) ends it quietly.

use std::io::Write;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use unicode_width::UnicodeWidthStr;

use super::pipeline::Checked;
use super::setup::Outcome;
use crate::base::i18n::Catalogue;
use crate::report::{Report, SkippedRow};

/// How a command that printed ends: as `outcome` when its lines were written; quietly with
/// status 0 when the reader went away (`clerk rules | head -1`: the pipe was closed), as `cat`,
/// ripgrep and cargo end; with one line when standard output could not be written otherwise.
pub(super) fn printed(result: std::io::Result<()>, outcome: Outcome, text: &Catalogue) -> Outcome {
    match result {
        Ok(()) => outcome,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Outcome::Done,
        Err(e) => Outcome::Failed(text.fmt("cli.stdout", &[("error", &e.to_string())])),
    }
}

/// A line on stderr; a closed stderr is no reason to stop.
pub(super) fn warn(line: &str) {
    let _ = writeln!(std::io::stderr(), "{line}");
}

pub(super) fn summary_line(report: &Report) -> String {
    let c = &report.counts;
    report.text().fmt(
        "cli.summary",
        &[
            ("errors", &c.errors.to_string()),
            ("warnings", &c.warnings.to_string()),
            ("infos", &c.infos.to_string()),
            ("rows", &c.covered.to_string()),
            ("sheets", &c.sheets.to_string()),
        ],
    )
}

pub(super) fn print_errors(checked: &Checked) {
    if checked.registers.sources.is_empty() {
        return; // reported once, as the failure
    }
    for e in &checked.registers.errors {
        warn(e);
    }
}

/// Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).
fn use_color() -> bool {
    use std::io::IsTerminal;
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal()
}

/// Pads to a display width (CJK characters are two columns wide).
pub(super) fn pad(text: &str, width: usize) -> String {
    let w = UnicodeWidthStr::width(text);
    format!("{text}{}", " ".repeat(width.saturating_sub(w)))
}

/// The short table `run` prints: one line per register, then the files and sheets skipped and
/// the summary line.
pub(super) fn print_summary(report: &Report, out: &mut impl Write) -> std::io::Result<()> {
    let text = report.text();
    let headers = [
        text.get("col.register"),
        text.get("col.rows"),
        text.get("col.rows_covered"),
        text.get("col.errors"),
        text.get("col.warnings"),
        text.get("col.infos"),
    ];
    let mut rows: Vec<Vec<String>> = Vec::new();
    for r in &report.registers {
        if r.present {
            rows.push(vec![
                r.label.clone(),
                r.rows.to_string(),
                r.covered.to_string(),
                r.errors.to_string(),
                r.warnings.to_string(),
                r.infos.to_string(),
            ]);
        } else {
            rows.push(vec![r.label.clone(), "—".into(), r.absent_text.clone()]);
        }
    }
    let mut widths: Vec<usize> = headers.iter().map(|h| UnicodeWidthStr::width(h.as_str())).collect();
    for row in rows.iter().filter(|r| r.len() == headers.len()) {
        for (i, cell) in row.iter().enumerate() {
            widths[i] = widths[i].max(UnicodeWidthStr::width(cell.as_str()));
        }
    }
    let color = use_color();
    let line = |cells: &[String]| -> String {
        cells
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let padded = pad(c, widths.get(i).copied().unwrap_or(0));
                // Errors red, warnings yellow, when there are any and colour is wanted.
                let code = match i {
                    3 if c.parse::<usize>().is_ok_and(|n| n > 0) => Some("31"),
                    4 if c.parse::<usize>().is_ok_and(|n| n > 0) => Some("33"),
                    _ => None,
                };
                match code {
                    Some(code) if color => format!("\x1b[{code}m{padded}\x1b[0m"),
                    _ => padded,
                }
            })
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    let heading = [
        ("title", report.title.clone()),
        ("company", report.company.clone()),
        ("period", crate::render::words::period_words(&report.period, &text)),
    ];
    writeln!(out, "{}", text.fmt("cli.heading", &pairs(&heading)))?;
    if let Some(notice) = report.empty_period_notice() {
        writeln!(out, "{notice}")?;
    }
    writeln!(out, "{}", line(&headers))?;
    for row in &rows {
        writeln!(out, "{}", line(row))?;
    }
    for s in &report.skipped {
        writeln!(out, "{}", skipped_line(s, &text))?;
    }
    writeln!(out, "{}", summary_line(report))
}

/// `(name, value)` pairs as the catalogue takes them.
pub(super) fn pairs<'a>(values: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    values.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

/// A bar on stderr while the files are read: the files read of all, the rows read so far
/// (`pipeline::rows_read`), the file begun last. indicatif draws nothing when stderr is not a terminal.
pub(super) fn progress_bar() -> ProgressBar {
    let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} {prefix} {wide_msg}") {
        bar.set_style(style);
    }
    bar
}

/// When no register could be read: each file and sheet skipped, and why, on stderr; then the
/// line that says so, for the failure.
pub(super) fn no_register(checked: &Checked) -> Option<String> {
    if !checked.registers.sources.is_empty() {
        return None;
    }
    let text = checked.report.text();
    for s in &checked.report.skipped {
        warn(&skipped_line(s, &text));
    }
    Some(text.fmt("cli.no_register", &[("inbox", &checked.inbox.display().to_string())]))
}

/// One file or sheet skipped: `skipped: file › sheet: why (detail)`.
pub(super) fn skipped_line(s: &SkippedRow, text: &Catalogue) -> String {
    let place = match &s.sheet {
        Some(sheet) => format!("{} › {}", s.file, sheet),
        None => s.file.clone(),
    };
    let args = [
        ("place", place.as_str()),
        ("reason", &s.reason_text),
        ("detail", &s.detail),
    ];
    match s.detail.is_empty() {
        true => text.fmt("cli.skipped", &args),
        false => text.fmt("cli.skipped_detail", &args),
    }
}
