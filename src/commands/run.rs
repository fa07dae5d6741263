//! `clerk run`: reads and checks the inbox, writes the month's workbook, HTML summaries,
//! findings.json and annotated copies (on every core), packages the e-mails when asked, and
//! prints what it wrote.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::console::{no_register, print_errors, print_summary, printed, progress_bar};
use super::mail::{self, Mode, Sending};
use super::outbox;
use super::pipeline::{self, Checked};
use super::setup::{prepare, Outcome};
use super::texts;
use crate::base::i18n::Lang;
use crate::commands::cli::RunArgs;
use crate::history::{self, History};
use crate::month::{Period, Span};
use crate::render::annotate::{self, AnnotatedCopy};
use crate::render::{eml, html};
use crate::report::{self, Report};
use crate::settings::{Attach, Settings, SettingsSource};

/// `clerk run`. `reader_exe`: the clerk executable, to read xls and ods files contained in a child
/// process of it ([`crate::read::contain`]); None reads them in this process.
pub fn run(args: &RunArgs, reader_exe: Option<&Path>) -> Outcome {
    let (settings, source, lang, period) = match prepare(&args.common, false) {
        Ok(p) => p,
        Err(e) => return Outcome::Failed(e),
    };
    if let Some(message) = no_sender(args, &settings, &source, lang) {
        return Outcome::Failed(message);
    }
    let history = match open_history(args, &period, lang) {
        Ok(h) => h,
        Err(e) => return Outcome::Failed(e),
    };
    let progress = progress_bar();
    let (checked, mut history, unread) = check_alongside_history(
        args,
        (&settings, &source, lang),
        &period,
        &progress,
        history,
        reader_exe,
    );
    if let Some(e) = unread {
        progress.finish_and_clear();
        return Outcome::Failed(e);
    }
    progress.finish_and_clear();
    print_errors(&checked);
    if let Some(message) = no_register(&checked) {
        return Outcome::Failed(message);
    }
    let out_dir = args.out.join(&period.label);
    let text = checked.report.text();
    let (listed, messages) = match write(checked, &settings, &args.out, &out_dir, args.email, history.as_mut()) {
        Ok(written) => written,
        Err(e) => return Outcome::Failed(e),
    };
    // What `clerk send` needs to send the messages with the same settings.
    if let (true, SettingsSource::File(path)) = (args.email, &source) {
        if let Err(e) = outbox::record_settings(&out_dir, path, &text) {
            return Outcome::Failed(e);
        }
    }
    if let ended @ (Outcome::Failed(_) | Outcome::Findings) = printed(listed, Outcome::Done, &text) {
        return ended;
    }
    if !args.send {
        return Outcome::Done;
    }
    // `--send`: each message once, with the run's settings; a failed one is named, the others go.
    let how = Sending {
        email: &settings.email,
        settings_name: &mail::settings_name(&source, &text),
        text: &text,
        mode: Mode::Scheduled { resend: args.resend },
    };
    mail::each(&messages, &text, |path| mail::one(path, &how))
}

/// Reads and checks the inbox (`pipeline::check`) while the history is read on a thread of its
/// own (a large month's findings and closed records take it a few tenths of a second); gives the
/// history back, and the line saying why it could not be read, if it could not.
fn check_alongside_history(
    args: &RunArgs,
    (settings, source, lang): (&Settings, &SettingsSource, Lang),
    period: &Period,
    progress: &indicatif::ProgressBar,
    history: Option<History>,
    reader_exe: Option<&Path>,
) -> (pipeline::Checked, Option<History>, Option<String>) {
    std::thread::scope(|scope| {
        let out = &args.out;
        let has_history = history.is_some();
        let mut pending = history.map(|h| {
            scope.spawn(move || {
                let before = read_history(&h, period, out);
                (h, before)
            })
        });
        let (mut back, mut unread) = (None, None);
        let mut before = || {
            let (h, before) = (pending.take()?.join()).unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            back = Some(h);
            before.map_err(|e| unread = Some(e)).ok()
        };
        let checked = pipeline::check(
            &args.common.inbox,
            settings,
            source.clone(),
            period,
            texts::catalogue(lang),
            pipeline::Reading {
                exclude: Some(out),
                progress,
                keep_rows: true,
                reader_exe,
                history: if has_history { Some(&mut before) } else { None },
            },
        );
        (checked, back, unread)
    })
}

/// The history in the output folder, for a month's run without `--no-history` (a quarter's,
/// half-year's or year's report neither reads nor writes it).
fn open_history(args: &RunArgs, period: &Period, lang: Lang) -> Result<Option<History>, String> {
    if args.no_history || period.span() != Span::Month {
        return Ok(None);
    }
    History::open(&args.out, texts::catalogue(lang)).map(Some)
}

/// What the history holds before the period.
fn read_history(history: &History, period: &Period, out: &Path) -> Result<history::Before, String> {
    let _t = crate::base::timing::Phase::start("history read");
    history.before(&period.label, out)
}

/// `--email` needs a sender in the settings: the line that says so, naming the settings file.
fn no_sender(args: &RunArgs, settings: &Settings, source: &SettingsSource, lang: Lang) -> Option<String> {
    if !args.email || !settings.email.from.trim().is_empty() {
        return None;
    }
    let name = match source {
        SettingsSource::File(p) => p.display().to_string(),
        SettingsSource::BuiltIn => "clerk.toml".into(),
    };
    Some(texts::catalogue(lang).fmt("email.no_from", &[("settings", &name)]))
}

/// Writes every output of a checked month into `out_dir` (under `out`, where earlier months'
/// findings give the trend) and lists what was written on stdout (how that went: the `Ok`, with
/// the messages packaged).
fn write(
    checked: Checked,
    settings: &Settings,
    out: &Path,
    out_dir: &Path,
    email: bool,
    history: Option<&mut History>,
) -> Result<(std::io::Result<()>, Vec<PathBuf>), String> {
    let max_rows = settings.report.annotate_max_rows;
    let Checked {
        mut registers,
        mut report,
        history: after,
        ..
    } = checked;
    // The report holds what the files need from here on: the typed records (most of a large
    // run's memory) go before the files are written, their pages back to the system for the
    // files to use. Freeing a million records takes 20 ms (their values are in blocks); freed on
    // a thread of their own beside the writing, they were still held while the writers took
    // 40 MB more (BENCHMARKS.md, nineteenth sitting).
    drop(std::mem::take(&mut registers.by_kind));
    crate::base::memory::give_back_now();
    report.out_dir = Some(out_dir.to_path_buf());
    add_trend(&mut report, out, after.as_ref());
    // The folder must exist before the workbook is written: its links to the source cells are
    // made relative to it, and a first run would otherwise differ from a rerun (and so would the
    // workbook attached to the e-mail).
    std::fs::create_dir_all(out_dir).map_err(|e| {
        let words = crate::base::os::io_words(&e, &report.text());
        report.text().fmt(
            "os.path",
            &[("path", &out_dir.display().to_string()), ("error", &words)],
        )
    })?;
    let mut kept = std::mem::take(&mut registers.kept);
    let copies = annotate::plan(&report, out_dir, &mut kept)?;
    let email = email.then_some(settings.email.attach);
    let (written, packaged) = alongside_history(history, after.as_ref(), &report, || {
        let written = write_outputs(&report, settings, &copies, out_dir, max_rows, email)?;
        let routing = html::Routing::new(&settings.departments);
        let packaged = match email {
            Some(_) => eml::write_all(
                &report,
                &settings.email,
                &routing,
                &written.summaries,
                &written.workbook,
                out_dir,
            )?,
            None => Vec::new(),
        };
        Ok((written, packaged))
    })?;
    let messages = written_messages(&packaged);
    let mut stdout = std::io::stdout().lock();
    let started = after.as_ref().filter(|a| !a.started.is_empty()).map(|a| {
        let text = report.text();
        let months: Vec<String> = (a.started.iter())
            .map(|s| crate::month::period_words(&s.month.month, &text))
            .collect();
        text.fmt("history.started", &[("months", &text.list_and(&months))])
    });
    let listed = started
        .map_or(Ok(()), |line| writeln!(stdout, "{line}"))
        .and_then(|()| print_summary(&report, &mut stdout))
        .and_then(|()| print_written(&report, &written, &packaged, out_dir, &mut stdout))
        .and_then(|()| stdout.flush());
    // The run is over: the report (its findings and model, a hundred thousand values on a large
    // run) is let go on a thread of its own, which the process's end may cut short, rather than
    // value by value on this one (the last 50 ms of a run of a million rows).
    drop(copies);
    let leftovers = (report, registers);
    let _ = std::thread::Builder::new().spawn(move || drop(leftovers));
    Ok((listed, messages))
}

/// The messages packaged (not those skipped for want of recipients), for `--send`.
fn written_messages(packaged: &[eml::Packaged]) -> Vec<PathBuf> {
    (packaged.iter())
        .filter_map(|p| match p {
            eml::Packaged::Written(path) => Some(path.clone()),
            eml::Packaged::Skipped(_) => None,
        })
        .collect()
}

/// A month's run shows the months before it that the history holds (without one, that `out`
/// holds findings.json of), and itself.
fn add_trend(report: &mut Report, out: &Path, after: Option<&history::After>) {
    let earlier = match after {
        Some(after) => (after.earlier.iter())
            .map(|m| report::TrendPoint {
                month: m.month.clone(),
                reported: true,
                errors: m.errors,
                warnings: m.warnings,
                infos: m.infos,
            })
            .collect(),
        None => report::earlier_months(out, &report.period),
    };
    report.trend = report::trend(earlier, report);
}

/// Runs `write` (the report's files) while the history is written on a thread of its own, in one
/// transaction kept only if `write` succeeds: the history's writing, one core's work of SQLite,
/// overlaps the files' instead of following them. Without a history, `write` alone.
fn alongside_history<T>(
    history: Option<&mut History>,
    after: Option<&history::After>,
    report: &Report,
    write: impl FnOnce() -> Result<T, String>,
) -> Result<T, String> {
    let (Some(history), Some(after)) = (history, after) else {
        return write();
    };
    std::thread::scope(|scope| {
        let (done, wait) = std::sync::mpsc::channel::<bool>();
        let recorder = scope.spawn(move || {
            crate::base::parallel::yield_to_others();
            let _t = crate::base::timing::Phase::start("history write");
            let findings = &report.findings;
            history.record_if(&after.entries(month_row(report), findings, &report.period), || {
                wait.recv().unwrap_or(false)
            })
        });
        let written = write();
        let _ = done.send(written.is_ok());
        let recorded = recorder.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        let written = written?;
        recorded.map(|()| written)
    })
}

/// The month's row in the history: its findings by severity.
fn month_row(report: &Report) -> history::MonthRow {
    history::MonthRow {
        month: report.period.clone(),
        origin: "run".into(),
        errors: report.counts.errors,
        warnings: report.counts.warnings,
        infos: report.counts.infos,
        kinds: Vec::new(),
    }
}

/// What a run wrote.
struct Written {
    workbook: PathBuf,
    json: PathBuf,
    summaries: Vec<html::Summary>,
    html: Vec<PathBuf>,
    annotated: Vec<PathBuf>,
}

/// The workbook, the HTML summaries, findings.json and the annotated copies, written on every
/// core, the longest first: the workbook, then findings.json and the copies by the work each is
/// likely to take, the summaries last (short tasks at the end keep both cores busy to the end).
/// `email`: `[email] attach` when the summaries are also the messages' bodies (`--email`).
fn write_outputs(
    report: &Report,
    settings: &Settings,
    copies: &[AnnotatedCopy],
    out_dir: &Path,
    max_rows: u64,
    email: Option<Attach>,
) -> Result<Written, String> {
    enum Output<'a> {
        Workbook,
        Html,
        Json,
        Annotated(&'a AnnotatedCopy<'a>),
    }
    enum Done {
        File,
        Html(Vec<html::Summary>, Vec<PathBuf>),
        Copy(annotate::Written),
    }
    let stem = report.stem();
    let workbook_name = format!("{stem}.xlsx");
    let mut files = Written {
        workbook: out_dir.join(&workbook_name),
        json: out_dir.join("findings.json"),
        summaries: Vec::new(),
        html: Vec::new(),
        annotated: Vec::new(),
    };
    let routing = html::Routing::new(&settings.departments);
    let mut outputs = vec![Output::Workbook, Output::Html, Output::Json];
    outputs.extend(copies.iter().map(Output::Annotated));
    // In a copy's units (see `AnnotatedCopy::cost`): a finding in findings.json ~1.3 µs.
    let cost = |output: &Output| match output {
        Output::Workbook => u64::MAX,
        Output::Annotated(copy) => copy.cost(),
        Output::Json => 85 * report.findings.len() as u64,
        Output::Html => 0,
    };
    let (workbook, json) = (&files.workbook, &files.json);
    let written = crate::base::parallel::in_parallel_longest_first(&outputs, cost, |output| match output {
        Output::Workbook => {
            let _t = crate::base::timing::Phase::start("workbook");
            crate::render::xlsx::write(report, workbook).map(|_| Done::File)
        }
        Output::Html => {
            let _t = crate::base::timing::Phase::start("html");
            let summaries = html::render_all(report, &routing, email)?;
            let files = html::write_all(&summaries, &report.period, out_dir)?;
            Ok(Done::Html(summaries, files))
        }
        Output::Json => {
            let _t = crate::base::timing::Phase::start("json");
            crate::render::write_atomically_with(json, |out| crate::render::json::write(report, out))
                .map(|_| Done::File)
        }
        Output::Annotated(copy) => annotate::write(report, copy, out_dir, max_rows).map(Done::Copy),
    });
    for result in written {
        match result? {
            Done::File => {}
            Done::Html(s, html) => (files.summaries, files.html) = (s, html),
            Done::Copy(copy) => {
                if let Some(line) = copy.warning {
                    eprintln!("{line}");
                }
                files.annotated.push(copy.path);
            }
        }
    }
    Ok(files)
}

/// One line per file written (the annotated copies as their folder and count).
fn print_written(
    report: &Report,
    written: &Written,
    packaged: &[eml::Packaged],
    out_dir: &Path,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let text = report.text();
    for path in std::iter::once(&written.workbook)
        .chain(&written.html)
        .chain([&written.json])
    {
        writeln!(out, "{}", wrote(&text, path))?;
    }
    if !written.annotated.is_empty() {
        let folder = out_dir.join("annotated").display().to_string();
        let n = written.annotated.len().to_string();
        writeln!(out, "{}", text.fmt("cli.wrote_copies", &[("path", &folder), ("n", &n)]))?;
    }
    for p in packaged {
        match p {
            eml::Packaged::Written(path) => writeln!(out, "{}", wrote(&text, path))?,
            eml::Packaged::Skipped(line) => writeln!(out, "{line}")?,
        }
    }
    Ok(())
}

fn wrote(text: &crate::base::i18n::Catalogue, path: &Path) -> String {
    text.fmt("cli.wrote", &[("path", &path.display().to_string())])
}
