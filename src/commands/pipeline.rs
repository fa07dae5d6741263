//! The month's job, one way through: files → typed records → findings → report model.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use indicatif::ProgressBar;

use crate::base::i18n::Catalogue;
use crate::base::sealed::Sealed;
use crate::base::spill::Spill;
use crate::history;
use crate::month::{Month, Period};
use crate::read::count::Counted;
use crate::read::kept::{Keeping, KeptSheet};
use crate::read::{self, InboxFile, ReadError, ReadOptions, SheetSink, SkipReason};
use crate::registers::{LoadedFile, Loader, Matcher, Registers, Skip, SkipDetail};
use crate::render::annotate;
use crate::report::lifecycle::Lifecycle;
use crate::report::{About, Report};
use crate::rules::{self, Context};
use crate::settings::{Settings, SettingsSource};

/// Reads every register in the inbox. Files are read in parallel ([`crate::base::parallel`]), then
/// combined in path order.
/// The rows kept for the annotated copies are put away in `spill` until the rules say which rows
/// the copies show.
pub fn load(
    inbox_dir: &Path,
    settings: &Settings,
    reading: &Reading,
    text: &Catalogue,
    spill: &Arc<Spill>,
) -> Registers {
    let progress = reading.progress;
    let keep = (reading.keep_rows).then(|| spill.clone());
    let options = ReadOptions {
        limits: settings.limits,
        reader_exe: reading.reader_exe.map(Path::to_path_buf),
    };
    let (files, skipped) = read::discover(inbox_dir, reading.exclude, &options);
    let matcher = Matcher::new(&settings.vocabulary());
    progress.set_length(files.len() as u64);
    let mut registers = Registers {
        skipped: skipped.into_iter().map(Skip::from).collect(),
        one_file: inbox_dir.is_file(),
        ..Registers::default()
    };
    let results = read_all(&files, &matcher, &options, (progress, text), keep.as_ref());
    for (file, result) in files.iter().zip(results) {
        match result {
            Ok((loaded, kept)) => {
                registers.add(loaded);
                if keep.is_some() {
                    registers.kept.insert(file.rel.clone(), kept);
                }
            }
            Err(error) => {
                let reason = error.text(text);
                registers
                    .errors
                    .push(text.fmt("os.path", &[("path", &file.rel), ("error", &reason)]));
                registers.skipped.push(Skip {
                    file: file.rel.clone(),
                    sheet: None,
                    reason: SkipReason::Unreadable,
                    detail: SkipDetail::Text(reason),
                });
            }
        }
    }
    registers
}

/// One file's typed sheets, and its rows as read when `keep` (put away there). `piped`: the file
/// is parsed on this thread while its cells are made into rows, typed and kept on a second
/// ([`crate::read::pipe`]).
fn read_one(
    file: &InboxFile,
    matcher: &Matcher,
    options: &ReadOptions,
    keep: Option<&Arc<Spill>>,
    (piped, rows): (bool, &AtomicU64),
) -> Result<(LoadedFile, Vec<KeptSheet>), ReadError> {
    let _t = crate::base::timing::Phase::start(file.rel.clone());
    let sha = read::sha256(&file.path)?;
    let mut loader = Loader::new(matcher, &file.rel, &sha);
    // Reads into `sink`, on this thread or (its cells) on two. A panic while typing costs the
    // file only, on either thread, as one in the parser does. Its rows are counted into `rows`.
    let read = |sink: &mut (dyn SheetSink + Send)| {
        let mut counted = Counted::new(sink, rows);
        match piped {
            true => read::read_file(file, options, &mut crate::read::pipe::TwoThreads(&mut counted)),
            false => read::read_file(file, options, &mut counted),
        }
    };
    let (format, kept) = match keep {
        None => (read(&mut loader)?, Vec::new()),
        Some(spill) => {
            let mut keeping = Keeping {
                inner: &mut loader,
                sheets: Vec::new(),
                spill: Some(spill.clone()),
            };
            (read(&mut keeping)?, keeping.sheets)
        }
    };
    let mut loaded = loader.out;
    if format == read::Format::Csv {
        for sheet in &mut loaded.sheets {
            sheet.source.layout = crate::registers::Layout::Csv;
        }
    }
    Ok((loaded, kept))
}

type Read = Result<(LoadedFile, Vec<KeptSheet>), ReadError>;

/// Reads every file on every core, the longest first; the results come back in file order. A
/// file that is more than half of all the reading (one large register among small ones, or the
/// only file) would keep one core busy while the others wait: it is read on two threads. The
/// progress line counts the files, and the rows read so far ([`rows_read`]).
fn read_all(
    files: &[InboxFile],
    matcher: &Matcher,
    options: &ReadOptions,
    (progress, text): (&ProgressBar, &Catalogue),
    keep: Option<&Arc<Spill>>,
) -> Vec<Read> {
    // Each file with its cost, found once (from the file's size).
    let costed: Vec<(&InboxFile, u64)> = files.iter().map(|file| (file, reading_cost(file))).collect();
    let total: u64 = costed.iter().map(|(_, cost)| cost).sum();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let rows = AtomicU64::new(0);
    std::thread::scope(|scope| {
        let (done, stop) = std::sync::mpsc::channel::<()>();
        if !progress.is_hidden() {
            scope.spawn(|| show_rows(progress, &rows, text, stop));
        }
        let results = crate::base::parallel::in_parallel_longest_first(
            &costed,
            |(_, cost)| *cost,
            |&(file, cost)| {
                progress.set_message(file.rel.clone());
                let piped = cores > 1 && cost.saturating_mul(2) > total;
                let result = read_one(file, matcher, options, keep, (piped, &rows));
                progress.inc(1);
                result
            },
        );
        drop(done);
        results
    })
}

/// How often the progress line shows the count of rows anew.
const TICK: std::time::Duration = std::time::Duration::from_millis(200);

/// Shows the count of rows read on the progress line every [`TICK`], until `stop` says the
/// reading is done.
fn show_rows(progress: &ProgressBar, rows: &AtomicU64, text: &Catalogue, stop: std::sync::mpsc::Receiver<()>) {
    let mut shown = None;
    while let Err(std::sync::mpsc::RecvTimeoutError::Timeout) = stop.recv_timeout(TICK) {
        let now = rows.load(Ordering::Relaxed);
        if shown != Some(now) {
            progress.set_prefix(rows_read(text, now));
            shown = Some(now);
        }
    }
}

/// The progress line's count of rows read: `1234567 rows read`.
pub fn rows_read(text: &Catalogue, rows: u64) -> String {
    text.fmt("cli.rows_read", &[("rows", &rows.to_string())])
}

/// About how long a file takes to read: its size, a compressed workbook counting three times
/// its bytes (its XML inflates to several times the size of the same rows as CSV).
fn reading_cost(file: &InboxFile) -> u64 {
    let size = std::fs::metadata(&file.path).map_or(0, |m| m.len());
    match file.format {
        crate::read::Format::Csv => size,
        _ => size.saturating_mul(3),
    }
}

/// Everything one run produced: the registers read (their rows kept for the annotated copies,
/// when asked) and the report model.
pub struct Checked {
    pub inbox: PathBuf,
    pub registers: Registers,
    pub report: Report,
    /// What the history keeps of the run, when it keeps one.
    pub history: Option<history::After>,
}

/// How the inbox is read by [`check`].
pub struct Reading<'a> {
    /// A folder inside the inbox that is not part of it (the reports); the kept rows and the long
    /// tables' rows are put away there, where it exists ([`Spill::beside`]).
    pub exclude: Option<&'a Path>,
    pub progress: &'a ProgressBar,
    /// Keep the rows as read, for the annotated copies ([`crate::read::kept`]).
    pub keep_rows: bool,
    /// The clerk executable, to read xls and ods files in a child process of it
    /// ([`crate::read::contain`]); None: in this process.
    pub reader_exe: Option<&'a Path>,
    /// What the history holds before the period (the records of closed months, the previous
    /// month's findings), asked for once the inbox is read (it is read from the history
    /// meanwhile, on a thread of its own); None: no history (or it could not be read).
    pub history: Option<&'a mut dyn FnMut() -> Option<history::Before>>,
}

/// Reads, works the month out, checks it and builds the report model: files → typed records →
/// the month's standings → findings → report.
pub fn check(
    inbox_dir: &Path,
    settings: &Settings,
    settings_source: SettingsSource,
    period: &Period,
    text: Catalogue,
    reading: Reading,
) -> Checked {
    let spill = put_away_beside(&reading);
    let mut registers = {
        let _t = crate::base::timing::Phase::start("read");
        load(inbox_dir, settings, &reading, &text, &spill)
    };
    crate::base::memory::give_back_sooner();
    // The rows kept for the annotated copies stand aside while the month is worked out: those no
    // copy shows go as soon as the findings are known, before the report is built and while the
    // history's fingerprints are made, when a large run's memory is at its highest.
    let mut kept = std::mem::take(&mut registers.kept);
    let mut before = reading.history.and_then(|before| before());
    let closed = before
        .as_mut()
        .map(|b| std::mem::take(&mut b.closed))
        .unwrap_or_default();
    let for_prints = before.as_mut().map(history::Before::for_prints);
    let month = Month::new(&registers, period, settings).with_closed(closed);
    let (report, history) = std::thread::scope(|scope| {
        // The history's fingerprints are made while the rules run and the report is built, with
        // what the cores leave over — unless RC01 and RC02 wait for them (records of closed
        // months to compare).
        let month = &month;
        let fingerprints = for_prints.map(|for_prints| {
            scope.spawn(move || {
                if !month.closed.has_records() {
                    crate::base::parallel::yield_to_others();
                }
                history::fingerprints(month, for_prints)
            })
        });
        let mut findings = check_rules(month, text, &mut kept, settings.report.annotate_max_rows);
        let closed = before.as_ref().map(|b| {
            let _t = crate::base::timing::Phase::start("history statuses");
            b.statuses(month, &mut findings)
        });
        let mut report = {
            let _t = crate::base::timing::Phase::start("model");
            let about = About {
                inbox: inbox_dir.to_path_buf(),
                settings_source,
                spill: Some(spill),
            };
            crate::base::memory::giving_back_at_once(|| Report::build(month, findings, text, about))
        };
        if let (Some(b), Some(closed)) = (&before, &closed) {
            let previous = b.previous.as_ref().map(|p| p.month.clone());
            report.lifecycle = Some(Lifecycle::new(&period.label, previous, &report.findings, closed, &text));
        }
        let said = {
            let _t = crate::base::timing::Phase::start("messages");
            crate::base::memory::giving_back_at_once(|| say_messages(&mut report, &text, before.is_some()))
        };
        // The fingerprints are waited for only now, the report built and its messages said.
        let chunks = fingerprints.map(|f| f.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)));
        let history = before
            .zip(closed.zip(chunks))
            .map(|(b, (closed, chunks))| history::After {
                messages: said,
                ..b.after(month, closed, chunks)
            });
        (report, history)
    });
    // The month's fingerprints are in the history's chunks now, its findings in the report.
    drop(month);
    registers.kept = kept;
    Checked {
        inbox: inbox_dir.to_path_buf(),
        registers,
        report,
        history,
    }
}

/// Where what waits for the files to be written — the kept rows, the long tables' rows — is put
/// away: beside the reports (where the output folder already is, as it is for a run that keeps its
/// history), or in memory when there is no output folder.
fn put_away_beside(reading: &Reading) -> Arc<Spill> {
    Arc::new(reading.exclude.map_or_else(Spill::in_memory, Spill::beside))
}

/// The month's findings, all rules checked; the kept rows no annotated copy will show (of a
/// register copied from values longer than `max_rows`, or of a file without findings) let go,
/// and the pages they and the rules' scratch held given back ([`crate::base::memory`]).
fn check_rules(
    month: &Month,
    text: Catalogue,
    kept: &mut BTreeMap<String, Vec<KeptSheet>>,
    max_rows: u64,
) -> Vec<rules::finding::Finding> {
    let findings = {
        let _t = crate::base::timing::Phase::start("rules");
        crate::base::memory::giving_back_at_once(|| rules::check_all(&Context::new(month, text)))
    };
    annotate::prune(kept, &findings, &month.registers.sources, max_rows);
    crate::base::memory::give_back_now();
    findings
}

/// Says each finding's message once, in the report's language, for every writer to use as it is
/// (said again by each, a large month's messages cost the run a tenth more: BENCHMARKS.md); the
/// messages as data are handed back encoded for the history (`for_history`: a run that keeps
/// none does not encode them), in the findings' order, compressed.
fn say_messages(report: &mut Report, text: &Catalogue, for_history: bool) -> Sealed {
    let mut encoded = Sealed::default();
    for f in &mut report.findings {
        let said = crate::base::message::Message::text(text.render(&f.message));
        let message = std::mem::replace(&mut f.message, said);
        if for_history {
            history::findings::encode_message(&mut encoded.piece(), &message);
        }
    }
    encoded.finish();
    encoded
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every file of the sample month, read on one thread and on two ([`crate::read::pipe`]), with and
    /// without its rows kept, gives the same typed sheets, problems, skipped cells and kept rows.
    #[test]
    fn a_file_read_on_two_threads_gives_what_one_thread_gives() {
        let inbox = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
        let options = ReadOptions::default();
        let (files, _) = read::discover(&inbox, None, &options);
        let matcher = Matcher::new(&Settings::default().vocabulary());
        let mut records = 0;
        for file in &files {
            for keep_rows in [false, true] {
                let rows = AtomicU64::new(0);
                let (one, two) = (keep_rows.then(Arc::default), keep_rows.then(Arc::default));
                let direct = read_one(file, &matcher, &options, one.as_ref(), (false, &rows));
                let piped = read_one(file, &matcher, &options, two.as_ref(), (true, &rows));
                assert_eq!(format!("{piped:?}"), format!("{direct:?}"), "{}", file.rel);
                if let Ok((loaded, kept)) = direct {
                    records += loaded.sheets.iter().map(|s| s.records.len()).sum::<usize>();
                    assert_eq!(kept.is_empty(), !keep_rows || loaded.sheets.is_empty(), "{}", file.rel);
                }
            }
        }
        assert!(
            files.len() >= 5 && records > 100,
            "{} files, {records} records",
            files.len()
        );
    }

    /// A register of many batches of cells ([`crate::read::pipe`] hands them over 4,096 at a time):
    /// shared strings, dates, amounts, a merged title, a value far to the right and a second
    /// sheet. Read on two threads, it gives what one thread gives, row for row.
    #[test]
    fn a_large_workbook_read_on_two_threads_gives_what_one_thread_gives() {
        use rust_xlsxwriter::{Format, Workbook};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("合同評審台帳.xlsx");
        let mut book = Workbook::new();
        let date = Format::new().set_num_format("yyyy-mm-dd");
        for (name, rows) in [("2026", 3_000u32), ("2025", 700)] {
            let sheet = book.add_worksheet().set_name(name).unwrap();
            sheet.merge_range(0, 0, 0, 5, "合同評審台帳", &Format::new()).unwrap();
            for (col, title) in ["合同編號", "客戶名稱", "單據類型", "金額", "接收日期", "評審方式"]
                .iter()
                .enumerate()
            {
                sheet.write(1, col as u16, *title).unwrap();
            }
            for i in 0..rows {
                let row = i + 2;
                sheet.write(row, 0, format!("HT-{name}-{i:05}")).unwrap();
                sheet
                    .write(
                        row,
                        1,
                        ["華東機械廠", "南方貿易有限公司", "北京某某酒店管理集團有限責任公司"][i as usize % 3],
                    )
                    .unwrap();
                sheet.write(row, 2, ["合同", "訂單"][i as usize % 2]).unwrap();
                sheet.write(row, 3, f64::from(i) * 1_000.5).unwrap();
                let day = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Days::new(u64::from(i % 300));
                sheet.write_with_format(row, 4, &day, &date).unwrap();
                if i % 7 != 0 {
                    sheet.write(row, 5, "會簽評審").unwrap();
                }
            }
            sheet.write(rows / 2, 60, "stray").unwrap();
        }
        book.save(&path).unwrap();
        let options = ReadOptions::default();
        let (files, _) = read::discover(dir.path(), None, &options);
        assert_eq!(files.len(), 1);
        let matcher = Matcher::new(&Settings::default().vocabulary());
        for keep_rows in [false, true] {
            let (one, two) = (AtomicU64::new(0), AtomicU64::new(0));
            let spills = (keep_rows.then(Arc::default), keep_rows.then(Arc::default));
            let direct = read_one(&files[0], &matcher, &options, spills.0.as_ref(), (false, &one)).unwrap();
            let piped = read_one(&files[0], &matcher, &options, spills.1.as_ref(), (true, &two)).unwrap();
            assert_eq!(format!("{piped:?}"), format!("{direct:?}"));
            // The progress line's count: every row read, the title and header rows too.
            let counted = (one.load(Ordering::Relaxed), two.load(Ordering::Relaxed));
            assert_eq!(counted, (3_002 + 702, 3_002 + 702));
            let records: Vec<usize> = direct.0.sheets.iter().map(|s| s.records.len()).collect();
            assert_eq!(records, vec![3_000, 700]);
            if keep_rows {
                assert_eq!(piped.1.len(), 2);
            }
        }
    }

    /// The progress line's count of rows, as a user reads it in each language.
    #[test]
    fn the_progress_line_counts_the_rows_read_in_each_language() {
        use crate::base::i18n::Lang;
        let line = |lang, rows| rows_read(&crate::commands::texts::catalogue(lang), rows);
        assert_eq!(line(Lang::En, 1), "1 row read");
        assert_eq!(line(Lang::En, 1_234_567), "1234567 rows read");
        assert_eq!(line(Lang::ZhHant, 1_234_567), "已讀取 1234567 行");
        assert_eq!(line(Lang::ZhHans, 0), "已读取 0 行");
    }
}
