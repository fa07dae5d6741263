//! Containment of the whole-range readers (xls, ods).
//!
//! calamine reads xls and ods sheets as one dense range; a small file can declare a huge one (ods
//! `number-rows-repeated`, a stray xls cell) and ask for gigabytes, or a malformed file can loop.
//! `catch_unwind` stops a panic but not that. So `clerk` reads such files in a child process of
//! itself, with a memory limit and a time limit: a runaway file costs one line, never the run.
//! The child prints the rows as JSON lines; the parent hands them to the same sink as ever.
//!
//! Only when the reading options name the clerk executable ([`crate::read::ReadOptions`]): `main`
//! gives its own; a library user, or a unit test, reads in-process.

use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::Path;
use std::process::{ChildStdout, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use chrono::NaiveDateTime;
use compact_str::CompactString;
use serde_json::{json, Value as Json};

use crate::read::{Format, Limits, RawCell, ReadError, SheetRow, SheetSink};

/// The hidden first argument that makes `clerk` a reader child.
pub const CHILD_FLAG: &str = "__read-workbook";

fn format_name(format: Format) -> &'static str {
    match format {
        Format::Xls => "xls",
        Format::Ods => "ods",
        Format::Xlsx => "xlsx",
        Format::Xlsb => "xlsb",
        Format::Csv => "csv",
    }
}

fn format_from(name: &str) -> Option<Format> {
    [Format::Xls, Format::Ods, Format::Xlsx, Format::Xlsb, Format::Csv]
        .into_iter()
        .find(|f| format_name(*f) == name)
}

// ---- child side

/// Prints what the reader gives as JSON lines.
struct Printer<W: Write> {
    out: W,
}

impl<W: Write> Printer<W> {
    fn line(&mut self, value: Json) {
        let _ = writeln!(self.out, "{value}");
    }
}

fn encode(cell: &RawCell) -> Json {
    match cell {
        RawCell::Empty => Json::Null,
        RawCell::Text(t) => json!(["t", t.as_str()]),
        RawCell::Number(n) => json!(["n", n]),
        RawCell::DateTime(d) => json!(["d", d.format("%Y-%m-%dT%H:%M:%S%.3f").to_string()]),
        RawCell::Bool(b) => json!(["b", b]),
        RawCell::Error(e) => json!(["e", e]),
    }
}

fn decode(value: &Json) -> RawCell {
    let kind = value.get(0).and_then(Json::as_str);
    let v = value.get(1);
    match (kind, v) {
        (Some("t"), Some(Json::String(s))) => RawCell::Text(CompactString::new(s)),
        (Some("n"), Some(n)) => n.as_f64().map(RawCell::Number).unwrap_or(RawCell::Empty),
        (Some("d"), Some(Json::String(s))) => NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.3f")
            .map(RawCell::DateTime)
            .unwrap_or(RawCell::Empty),
        (Some("b"), Some(Json::Bool(b))) => RawCell::Bool(*b),
        (Some("e"), Some(Json::String(s))) => RawCell::Error(s.clone()),
        _ => RawCell::Empty,
    }
}

impl<W: Write> SheetSink for Printer<W> {
    fn begin_sheet(&mut self, sheet: &str, hidden: bool) -> bool {
        self.line(json!({ "sheet": sheet, "hidden": hidden }));
        true
    }
    fn row(&mut self, row: SheetRow) {
        let cells: Vec<Json> = row.cells.iter().map(encode).collect();
        self.line(json!({ "row": row.row, "cells": cells }));
    }
    fn cells_ignored(&mut self, cell: &str) {
        self.line(json!({ "ignored": cell }));
    }
    fn end_sheet(&mut self) {
        self.line(json!({ "end": true }));
    }
}

/// The child: `clerk __read-workbook FORMAT PATH MAX_COLUMNS MAX_ROWS`. Exit status 0 whether or
/// not the file could be read (the last line says which); anything else means it was stopped.
pub fn child_main(args: &[String]) -> i32 {
    let arg = |i: usize| args.get(i).map(String::as_str).unwrap_or("");
    let Some(format) = format_from(arg(0)) else { return 3 };
    let path = arg(1);
    let mut limits = Limits::default();
    if let (Ok(columns), Ok(rows)) = (arg(2).parse(), arg(3).parse()) {
        limits.max_columns = columns;
        limits.max_rows = rows;
    }
    let stdout = std::io::stdout();
    let mut printer = Printer {
        out: BufWriter::new(stdout.lock()),
    };
    let result = crate::read::read_in_process(Path::new(path), format, &limits, &mut printer);
    match result {
        Ok(()) => printer.line(json!({ "ok": true })),
        Err(e) => printer.line(json!({ "error": e.key, "args": e.args })),
    }
    let _ = printer.out.flush();
    0
}

// ---- parent side

/// Reads `path` in a contained child of `exe` (clerk) within `limits`, feeding `sink`.
pub fn read(
    path: &Path,
    format: Format,
    exe: &Path,
    limits: &Limits,
    sink: &mut dyn SheetSink,
) -> Result<(), ReadError> {
    let mut child = command(path, format, exe, limits)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| ReadError::damaged(format!("could not start the reader: {e}")))?;
    let Some(stdout) = child.stdout.take() else {
        let _ = child.kill();
        return Err(ReadError::damaged("could not start the reader"));
    };
    let (rx, reader) = lines_of(stdout);
    let deadline = Instant::now() + Duration::from_secs(limits.reader_seconds.max(1));
    let mut replay = Replay {
        sink,
        in_sheet: false,
        wanted: false,
        outcome: None,
    };
    let mut timed_out = false;
    loop {
        match rx.recv_timeout(Duration::from_millis(50)) {
            Ok(line) => replay.line(&line),
            Err(mpsc::RecvTimeoutError::Timeout) => {
                if Instant::now() > deadline {
                    timed_out = true;
                    let _ = child.kill();
                    break;
                }
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
    }
    let _ = child.wait();
    let _ = reader.join();
    if replay.in_sheet && replay.wanted {
        replay.sink.end_sheet();
    }
    match replay.outcome {
        Some(result) => result,
        None if timed_out => Err(ReadError::stopped("time")),
        None => Err(ReadError::stopped("memory")),
    }
}

/// The command that runs the child: `exe` with the hidden flag, the file and the limits on its
/// rows and columns, under a memory limit where the system has one.
fn command(path: &Path, format: Format, exe: &Path, limits: &Limits) -> Command {
    let args = [
        CHILD_FLAG.to_string(),
        format_name(format).to_string(),
        path.display().to_string(),
        limits.max_columns.to_string(),
        limits.max_rows.to_string(),
    ];
    if cfg!(unix) {
        // `ulimit -v` bounds the child's address space; exec keeps the process tree simple.
        let memory_kib = limits.reader_memory_mb.max(64) * 1024;
        let mut c = Command::new("sh");
        c.arg("-c")
            .arg(format!("ulimit -v {memory_kib} 2>/dev/null; exec \"$0\" \"$@\""))
            .arg(exe)
            .args(&args);
        c
    } else {
        let mut c = Command::new(exe);
        c.args(&args);
        c
    }
}

/// The child's lines as they come, read on a thread of their own (so that the parent can stop
/// waiting for them at the deadline).
fn lines_of(stdout: ChildStdout) -> (mpsc::Receiver<String>, std::thread::JoinHandle<()>) {
    let (tx, rx) = mpsc::channel::<String>();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            match line {
                Ok(line) => {
                    if tx.send(line).is_err() {
                        break;
                    }
                }
                Err(_) => break,
            }
        }
    });
    (rx, reader)
}

/// The child's lines made into the calls of the sink, and the outcome the child reports.
struct Replay<'a> {
    sink: &'a mut dyn SheetSink,
    in_sheet: bool,
    /// The sink wants the rows of the sheet begun last.
    wanted: bool,
    outcome: Option<Result<(), ReadError>>,
}

impl Replay<'_> {
    fn line(&mut self, line: &str) {
        let Ok(msg) = serde_json::from_str::<Json>(line) else {
            return;
        };
        if let Some(name) = msg.get("sheet").and_then(Json::as_str) {
            let hidden = msg.get("hidden").and_then(Json::as_bool).unwrap_or(false);
            self.wanted = self.sink.begin_sheet(name, hidden);
            self.in_sheet = true;
        } else if let Some(row) = msg.get("row").and_then(Json::as_u64) {
            if self.wanted {
                let cells = msg
                    .get("cells")
                    .and_then(Json::as_array)
                    .map(|c| c.iter().map(decode).collect());
                self.sink.row(SheetRow {
                    row: row as u32,
                    cells: cells.unwrap_or_default(),
                });
            }
        } else if let Some(cell) = msg.get("ignored").and_then(Json::as_str) {
            self.sink.cells_ignored(cell);
        } else if msg.get("end").is_some() {
            if self.wanted {
                self.sink.end_sheet();
            }
            self.in_sheet = false;
        } else if msg.get("ok").is_some() {
            self.outcome = Some(Ok(()));
        } else if let Some(key) = msg.get("error").and_then(Json::as_str) {
            self.outcome = Some(Err(child_error(key, msg.get("args"))));
        }
    }
}

/// A reader error sent by the child, back to a catalogue key of ours.
fn child_error(key: &str, args: Option<&Json>) -> ReadError {
    let args: Vec<(String, String)> = args
        .and_then(Json::as_array)
        .map(|pairs| {
            pairs
                .iter()
                .filter_map(|p| Some((p.get(0)?.as_str()?.to_string(), p.get(1)?.as_str()?.to_string())))
                .collect()
        })
        .unwrap_or_default();
    ReadError::from_parts(key, args)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_travel_unchanged() {
        let date = NaiveDateTime::parse_from_str("2026-10-03T14:30:00.000", "%Y-%m-%dT%H:%M:%S%.3f").unwrap();
        for cell in [
            RawCell::Text("合同 \"x\"\n".into()),
            RawCell::Number(1_200_000.5),
            RawCell::DateTime(date),
            RawCell::Bool(true),
            RawCell::Error("#N/A".into()),
            RawCell::Empty,
        ] {
            let json: Json = serde_json::from_str(&encode(&cell).to_string()).unwrap();
            assert_eq!(decode(&json), cell);
        }
    }
}
