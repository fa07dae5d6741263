//! What each command does, between the parsed command line and the exit status.

pub mod cli;
pub mod init;
pub mod pipeline;
pub mod send;
pub mod texts;

use std::io::Write;
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use unicode_width::UnicodeWidthStr;

use self::pipeline::Checked;
use crate::base::i18n::{Catalogue, Lang};
use crate::commands::cli::{CheckArgs, Common, FailOn, OutputFormat, RunArgs, SendArgs};
use crate::month::Period;
use crate::render::eml;
use crate::report::{self, Report};
use crate::rules::finding::Severity;
use crate::rules::registry;
use crate::settings::{self, Settings, SettingsSource};

/// How a command ended: the exit status and, on failure, one line for stderr.
pub enum Outcome {
    Done,
    /// `check` found something at or above `--fail-on`.
    Findings,
    /// Bad usage, or nothing could be read: the message says what.
    Failed(String),
}

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

fn language(flag: Option<&str>, settings: &Settings) -> Result<Lang, String> {
    match flag {
        Some(code) => Lang::parse(code).ok_or_else(|| bad_lang(code)),
        None => Ok(settings.language),
    }
}

fn bad_lang(code: &str) -> String {
    texts::catalogue(Lang::En).fmt("cli.bad_lang", &[("code", code)])
}

/// The language of messages written before the settings are read: `--lang` when it is valid.
fn early_text(flag: Option<&str>) -> Catalogue {
    texts::catalogue(flag.and_then(Lang::parse).unwrap_or_default())
}

/// Settings, language and period of `run`/`check`.
fn prepare(common: &Common, default_all: bool) -> Result<(Settings, SettingsSource, Lang, Period), String> {
    let early = early_text(common.lang.as_deref());
    if !common.inbox.exists() {
        return Err(early.fmt("cli.no_inbox", &[("path", &common.inbox.display().to_string())]));
    }
    let inbox_dir = if common.inbox.is_dir() {
        Some(common.inbox.as_path())
    } else {
        common.inbox.parent()
    };
    let (settings, source) = settings::load(common.config.as_deref(), inbox_dir, &early)?;
    let lang = language(common.lang.as_deref(), &settings)?;
    let period = match (&common.month, &common.period) {
        (Some(m), _) => {
            let bad = || texts::catalogue(lang).fmt("cli.bad_month", &[("value", m)]);
            let p = Period::parse(m).map_err(|_| bad())?;
            if p.label.len() != 7 {
                return Err(bad());
            }
            p
        }
        (None, Some(p)) => {
            Period::parse(p).map_err(|_| texts::catalogue(lang).fmt("cli.bad_period", &[("value", p)]))?
        }
        (None, None) if default_all => Period::all(today()),
        (None, None) => Period::previous_month(today()),
    };
    Ok((settings, source, lang, period))
}

/// A bar on stderr while the files are read; indicatif draws nothing when stderr is not a terminal.
fn progress_bar() -> ProgressBar {
    let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}") {
        bar.set_style(style);
    }
    bar
}

fn no_register(checked: &Checked) -> Option<String> {
    if checked.registers.sources.is_empty() {
        let text = checked.report.text();
        let mut lines: Vec<String> = checked.registers.errors.clone();
        lines.push(text.fmt("cli.no_register", &[("inbox", &checked.inbox.display().to_string())]));
        Some(lines.join("\n"))
    } else {
        None
    }
}

/// `clerk run`. `reader_exe`: the clerk executable, to read xls and ods files contained in a child
/// process of it ([`crate::read::contain`]); None reads them in this process.
pub fn run(args: &RunArgs, reader_exe: Option<&Path>) -> Outcome {
    let (settings, source, lang, period) = match prepare(&args.common, false) {
        Ok(p) => p,
        Err(e) => return Outcome::Failed(e),
    };
    if args.email && settings.email.from.trim().is_empty() {
        let name = match &source {
            SettingsSource::File(p) => p.display().to_string(),
            SettingsSource::BuiltIn => "clerk.toml".into(),
        };
        return Outcome::Failed(texts::catalogue(lang).fmt("email.no_from", &[("settings", &name)]));
    }
    let out_dir = args.out.join(&period.label);
    let progress = progress_bar();
    let checked = pipeline::check(
        &args.common.inbox,
        &settings,
        source,
        &period,
        texts::catalogue(lang),
        pipeline::Reading {
            exclude: Some(&args.out),
            progress: &progress,
            keep_rows: true,
            reader_exe,
        },
    );
    progress.finish_and_clear();
    print_errors(&checked);
    if let Some(message) = no_register(&checked) {
        return Outcome::Failed(message);
    }
    let max_rows = settings.report.annotate_max_rows;
    let pipeline::Checked {
        mut registers,
        mut report,
        ..
    } = checked;
    crate::render::annotate::prune(&mut registers.kept, &report.findings, &registers.sources, max_rows);
    // The report holds what the files need from here on: the typed records (most of a large
    // run's memory) go while the files are written, on a thread of their own (freeing a million
    // records' values takes a core a sixth of a second).
    // (Should no thread be had, the records go here and now, as the closure is dropped.)
    let records = std::mem::take(&mut registers.by_kind);
    let _ = std::thread::Builder::new().spawn(move || drop(records));
    report.out_dir = Some(out_dir.clone());
    if report.period.len() == 7 {
        report.trend = report::earlier_months(&args.out, &report.period);
        if !report.trend.is_empty() {
            let c = &report.counts;
            report.trend.push(report::TrendPoint {
                month: report.period.clone(),
                errors: c.errors,
                warnings: c.warnings,
                infos: c.infos,
            });
        }
    }
    let stem = report.stem();
    let workbook = out_dir.join(format!("{stem}.xlsx"));
    let json = out_dir.join("findings.json");
    let workbook_name = format!("{stem}.xlsx");
    // The folder must exist before the workbook is written: its links to the source cells are
    // made relative to it, and a first run would otherwise differ from a rerun (and so would the
    // workbook attached to the e-mail).
    if let Err(e) = std::fs::create_dir_all(&out_dir) {
        return Outcome::Failed(format!("{}: {e}", out_dir.display()));
    }
    let routing = crate::render::html::Routing::new(&settings.departments);
    // The workbook, the HTML summaries, findings.json and the annotated copies are written on
    // every core, the longest first: the workbook, then findings.json and the copies by the work
    // each is likely to take, the summaries last (short tasks at the end keep both cores busy to
    // the end).
    let mut kept = std::mem::take(&mut registers.kept);
    let copies = match crate::render::annotate::plan(&report, &out_dir, &mut kept) {
        Ok(c) => c,
        Err(e) => return Outcome::Failed(e),
    };
    enum Output<'a> {
        Workbook,
        Html,
        Json,
        Annotated(&'a crate::render::annotate::AnnotatedCopy<'a>),
    }
    enum Written {
        File,
        Html(Vec<crate::render::html::Summary>, Vec<PathBuf>),
        Copy(PathBuf),
    }
    let mut outputs = vec![Output::Workbook, Output::Html, Output::Json];
    outputs.extend(copies.iter().map(Output::Annotated));
    // In a copy's units (see `AnnotatedCopy::cost`): a finding in findings.json ~1.3 µs.
    let cost = |output: &Output| match output {
        Output::Workbook => u64::MAX,
        Output::Annotated(copy) => copy.cost(),
        Output::Json => 85 * report.findings.len() as u64,
        Output::Html => 0,
    };
    let written = crate::base::parallel::in_parallel_longest_first(&outputs, cost, |output| match output {
        Output::Workbook => {
            let _t = crate::base::timing::Phase::start("workbook");
            crate::render::xlsx::write(&report, &workbook).map(|_| Written::File)
        }
        Output::Html => {
            let _t = crate::base::timing::Phase::start("html");
            let summaries = crate::render::html::render_all(&report, &routing, &workbook_name)?;
            let files = crate::render::html::write_all(&summaries, &report.period, &out_dir)?;
            Ok(Written::Html(summaries, files))
        }
        Output::Json => {
            let _t = crate::base::timing::Phase::start("json");
            crate::render::write_atomically_with(&json, |out| crate::render::json::write(&report, out))
                .map(|_| Written::File)
        }
        Output::Annotated(copy) => crate::render::annotate::write(&report, copy, &out_dir, max_rows).map(Written::Copy),
    });
    let (mut summaries, mut html, mut annotated) = (Vec::new(), Vec::new(), Vec::new());
    for result in written {
        match result {
            Ok(Written::File) => {}
            Ok(Written::Html(s, files)) => (summaries, html) = (s, files),
            Ok(Written::Copy(path)) => annotated.push(path),
            Err(e) => return Outcome::Failed(e),
        }
    }
    let packaged = if args.email {
        match eml::write_all(&report, &settings.email, &summaries, &workbook, &out_dir) {
            Ok(p) => p,
            Err(e) => return Outcome::Failed(e),
        }
    } else {
        Vec::new()
    };
    print_summary(&report);
    let text = report.text();
    for path in std::iter::once(&workbook).chain(&html).chain([&json]) {
        println!("{} {}", text.get("cli.wrote"), path.display());
    }
    if !annotated.is_empty() {
        println!(
            "{} {} ({})",
            text.get("cli.wrote"),
            out_dir.join("annotated").display(),
            annotated.len()
        );
    }
    for p in &packaged {
        match p {
            eml::Packaged::Written(path) => println!("{} {}", text.get("cli.wrote"), path.display()),
            eml::Packaged::Skipped(line) => println!("{line}"),
        }
    }
    // The run is over: the report (its findings and model, a hundred thousand values on a large
    // run) is let go on a thread of its own, which the process's end may cut short, rather than
    // value by value on this one (the last 50 ms of a run of a million rows).
    drop((text, copies));
    let leftovers = (report, registers);
    let _ = std::thread::Builder::new().spawn(move || drop(leftovers));
    Outcome::Done
}

/// `clerk check`; `reader_exe` as for [`run`].
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
        },
    );
    print_errors(&checked);
    if let Some(message) = no_register(&checked) {
        return Outcome::Failed(message);
    }
    let report = checked.report;
    let text = report.text();
    let mut out = std::io::stdout().lock();
    match args.format {
        OutputFormat::Json => {
            let _ = crate::render::json::write(&report, &mut out);
        }
        OutputFormat::Text => {
            for s in &report.skipped {
                let place = match &s.sheet {
                    Some(sheet) => format!("{} › {}", s.file, sheet),
                    None => s.file.clone(),
                };
                let detail = if s.detail.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", s.detail)
                };
                let _ = writeln!(out, "{}: {place}: {}{detail}", text.get("cli.skipped"), s.reason_text);
            }
            for f in &report.findings {
                let severity = text.get(&format!("severity.{}", f.severity.id()));
                let record = if f.record.is_empty() {
                    String::new()
                } else {
                    format!(" [{}]", f.record)
                };
                let _ = writeln!(
                    out,
                    "{}: {} {}{}: {}",
                    f.location.place(),
                    severity,
                    f.rule,
                    record,
                    f.message
                );
            }
            let _ = writeln!(out, "{}", summary_line(&report));
        }
    }
    let threshold = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    };
    match threshold {
        Some(t) if report.findings.iter().any(|f| f.severity >= t) => Outcome::Findings,
        _ => Outcome::Done,
    }
}

fn summary_line(report: &Report) -> String {
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

fn print_errors(checked: &Checked) {
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
fn pad(text: &str, width: usize) -> String {
    let w = UnicodeWidthStr::width(text);
    format!("{text}{}", " ".repeat(width.saturating_sub(w)))
}

/// The short table `run` prints: one line per register.
fn print_summary(report: &Report) {
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
    println!("{} — {} {}", text.get("report.title"), report.company, report.period);
    println!("{}", line(&headers));
    for row in &rows {
        println!("{}", line(row));
    }
    for s in &report.skipped {
        let place = match &s.sheet {
            Some(sheet) => format!("{} › {}", s.file, sheet),
            None => s.file.clone(),
        };
        println!("{}: {place}: {}", text.get("cli.skipped"), s.reason_text);
    }
    println!("{}", summary_line(report));
}

pub fn rules(id: Option<&str>, lang: Option<&str>, config_path: Option<&Path>) -> Outcome {
    let (settings, _) = match settings::load(config_path, None, &early_text(lang)) {
        Ok(s) => s,
        Err(e) => return Outcome::Failed(e),
    };
    let lang = match language(lang, &settings) {
        Ok(l) => l,
        Err(e) => return Outcome::Failed(e),
    };
    let text = texts::catalogue(lang);
    match id {
        None => {
            for rule in registry::all() {
                let severity = text.get(&format!("severity.{}", rule.severity().id()));
                println!(
                    "{}  {}  {}  ({})",
                    rule.id(),
                    pad(&severity, 7),
                    registry::title(rule, &text),
                    rule.clause()
                );
            }
            Outcome::Done
        }
        Some(id) => match registry::find(id) {
            None => {
                let ids: Vec<&str> = registry::all().map(|r| r.id()).collect();
                Outcome::Failed(text.fmt("cli.no_rule", &[("id", id), ("ids", &ids.join(", "))]))
            }
            Some(rule) => {
                println!("{} — {}", rule.id(), registry::title(rule, &text));
                println!(
                    "{}: {}",
                    text.get("col.severity"),
                    text.get(&format!("severity.{}", rule.severity().id()))
                );
                println!("{}: {}", text.get("col.clause"), rule.clause());
                println!();
                println!("{}", registry::explanation(rule, &text));
                if rule.id() == "CR02" {
                    println!();
                    println!("{}", crate::rules::contracts::authority_table(&settings, &text));
                }
                if !rule.settings().is_empty() {
                    println!();
                    println!("{}:", text.get("cli.settings"));
                    let json = serde_json::to_value(&settings).unwrap_or_default();
                    for key in rule.settings() {
                        let mut value = &json;
                        for part in key.split('.') {
                            value = &value[part];
                        }
                        println!("  {key} = {value}");
                    }
                }
                Outcome::Done
            }
        },
    }
}

pub fn init(dir: &Path, lang: Option<&str>) -> Outcome {
    let lang = match lang {
        None => Lang::En,
        Some(code) => match Lang::parse(code) {
            Some(l) => l,
            None => return Outcome::Failed(bad_lang(code)),
        },
    };
    let text = texts::catalogue(lang);
    match crate::commands::init::write(dir, &text) {
        Ok(files) => {
            for (path, written) in files {
                if written {
                    println!("{} {}", text.get("cli.wrote"), path.display());
                } else {
                    println!("{}: {}", path.display(), text.get("init.exists"));
                }
            }
            Outcome::Done
        }
        Err(e) => Outcome::Failed(e),
    }
}

/// `clerk send FILE.eml…`: delivers each packaged message over SMTP (or, with `--dry-run`, says
/// what it would send). Every failure is one line naming the file; the others are still sent.
pub fn send(args: &SendArgs) -> Outcome {
    let (settings, source) = match settings::load(args.config.as_deref(), None, &early_text(args.lang.as_deref())) {
        Ok(s) => s,
        Err(e) => return Outcome::Failed(e),
    };
    let lang = match language(args.lang.as_deref(), &settings) {
        Ok(l) => l,
        Err(e) => return Outcome::Failed(e),
    };
    let text = texts::catalogue(lang);
    let settings_name = match &source {
        SettingsSource::File(p) => p.display().to_string(),
        SettingsSource::BuiltIn => text.get("report.settings_builtin"),
    };
    let mut failures = Vec::new();
    for path in &args.files {
        let file = path.display().to_string();
        let result = send::read(path, &text).and_then(|message| {
            if args.dry_run {
                Ok(send::describe(&file, &message, &settings.email, &text))
            } else {
                send::deliver(&file, &message, &settings.email, &settings_name, &text)
            }
        });
        match result {
            Ok(line) => println!("{line}"),
            Err(line) => failures.push(line),
        }
    }
    if failures.is_empty() {
        Outcome::Done
    } else {
        // main prints the first line after "clerk: "; the others get the same start.
        Outcome::Failed(failures.join("\nclerk: "))
    }
}
