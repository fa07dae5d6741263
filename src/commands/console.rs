//! What the terminal shows: the lines of errors, the short table of registers `run` prints, and
//! the one summary line.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use unicode_width::UnicodeWidthStr;

use super::pipeline::Checked;
use crate::report::{Report, SkippedRow};

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
        eprintln!("{e}");
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

/// The short table `run` prints: one line per register.
pub(super) fn print_summary(report: &Report) {
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
        ("title", text.get("report.title")),
        ("company", report.company.clone()),
        ("period", crate::render::words::period_words(&report.period, &text)),
    ];
    println!("{}", text.fmt("cli.heading", &pairs(&heading)));
    println!("{}", line(&headers));
    for row in &rows {
        println!("{}", line(row));
    }
    for s in &report.skipped {
        println!("{}", skipped_line(s, report, false));
    }
    println!("{}", summary_line(report));
}

/// `(name, value)` pairs as the catalogue takes them.
pub(super) fn pairs<'a>(values: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    values.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

/// A file or sheet skipped, with why, and (`detail`) the closest register when there is one.
pub(super) fn skipped_line(s: &SkippedRow, report: &Report, detail: bool) -> String {
    let text = report.text();
    let place = skipped_place(s);
    let mut values = vec![("place", place.as_str()), ("reason", s.reason_text.as_str())];
    if s.detail.is_empty() || !detail {
        text.fmt("cli.skipped", &values)
    } else {
        values.push(("detail", s.detail.as_str()));
        text.fmt("cli.skipped_detail", &values)
    }
}

/// A bar on stderr while the files are read; indicatif draws nothing when stderr is not a terminal.
pub(super) fn progress_bar() -> ProgressBar {
    let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}") {
        bar.set_style(style);
    }
    bar
}

pub(super) fn no_register(checked: &Checked) -> Option<String> {
    if checked.registers.sources.is_empty() {
        let text = checked.report.text();
        let mut lines: Vec<String> = checked.registers.errors.clone();
        lines.push(text.fmt("cli.no_register", &[("inbox", &checked.inbox.display().to_string())]));
        Some(lines.join("\n"))
    } else {
        None
    }
}

/// Where a skipped file or sheet is: `file › sheet`, or the file.
pub(super) fn skipped_place(s: &SkippedRow) -> String {
    match &s.sheet {
        Some(sheet) => format!("{} › {}", s.file, sheet),
        None => s.file.clone(),
    }
}
