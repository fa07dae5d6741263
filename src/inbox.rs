//! Finding the spreadsheets in an inbox and reading their cells (SPEC 1.1).
//!
//! Every `.xlsx .xlsm .xls .xlsb .ods .csv` under the inbox is read; Excel lock files (`~$…`),
//! hidden files and other types are skipped and listed. Cells are handed row by row to a sink with
//! their absolute Excel position, so a register is never held twice in memory. xlsx/xlsm/xlsb are
//! read through calamine's streaming cell reader: a stray value at XFD60000 costs one cell, not a
//! dense range of a billion cells.

use std::fs::File;
use std::io::{BufReader, Read};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use calamine::{Data, DataRef, Reader, SheetType, SheetVisible};
use chrono::{NaiveDate, NaiveDateTime};
use sha2::{Digest, Sha256};

use crate::value::RawCell;

/// Columns beyond this are not kept (Excel's own limit is 16,384).
const MAX_COLUMNS: u32 = 1024;

/// A spreadsheet file found in the inbox.
#[derive(Clone, Debug)]
pub struct InboxFile {
    pub path: PathBuf,
    /// Path relative to the inbox, with `/` separators (as findings.json shows it).
    pub rel: String,
    pub format: Format,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Xlsx,
    Xlsb,
    Xls,
    Ods,
    Csv,
}

impl Format {
    /// The format of a file, by its extension.
    pub fn of(path: &Path) -> Option<Format> {
        path.extension()
            .and_then(|e| e.to_str())
            .and_then(Format::from_extension)
    }

    fn from_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "xlsx" | "xlsm" => Some(Format::Xlsx),
            "xlsb" => Some(Format::Xlsb),
            "xls" => Some(Format::Xls),
            "ods" => Some(Format::Ods),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }
}

/// A file or sheet that was not read, and why.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Skipped {
    pub file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    pub reason: SkipReason,
    /// Human detail (parser error, closest kind and missing columns…).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub detail: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SkipReason {
    LockFile,
    Hidden,
    NotASpreadsheet,
    Unreadable,
    NotRecognised,
    Empty,
}

impl SkipReason {
    /// Catalogue key of the reason's wording.
    pub fn key(self) -> &'static str {
        match self {
            SkipReason::LockFile => "skip.lock_file",
            SkipReason::Hidden => "skip.hidden",
            SkipReason::NotASpreadsheet => "skip.not_a_spreadsheet",
            SkipReason::Unreadable => "skip.unreadable",
            SkipReason::NotRecognised => "skip.not_recognised",
            SkipReason::Empty => "skip.empty",
        }
    }
}

/// Lists the spreadsheets under `inbox` (recursively, sorted by path) and the files skipped.
/// `exclude` is a folder not to enter (the report folder when it lies inside the inbox).
pub fn discover(inbox: &Path, exclude: Option<&Path>) -> (Vec<InboxFile>, Vec<Skipped>) {
    if inbox.is_file() {
        // `clerk check register.xlsx`: that one file, named relative to its folder.
        let base = match inbox.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let (files, skipped) = discover(base, exclude);
        let wanted = relative(base, inbox);
        return (
            files.into_iter().filter(|f| f.rel == wanted).collect(),
            skipped.into_iter().filter(|s| s.file == wanted).collect(),
        );
    }
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    let exclude = exclude.and_then(|p| p.canonicalize().ok());
    let walker = walkdir::WalkDir::new(inbox)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| {
            let hidden_dir =
                entry.depth() > 0 && entry.file_type().is_dir() && entry.file_name().to_string_lossy().starts_with('.');
            let excluded = match (&exclude, entry.file_type().is_dir()) {
                (Some(ex), true) => entry.path().canonicalize().map(|p| &p == ex).unwrap_or(false),
                _ => false,
            };
            !hidden_dir && !excluded
        });
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(err) => {
                let file = err
                    .path()
                    .map(|p| relative(inbox, p))
                    .unwrap_or_else(|| ".".to_string());
                skipped.push(Skipped {
                    file,
                    sheet: None,
                    reason: SkipReason::Unreadable,
                    detail: err.to_string(),
                });
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let name = entry.file_name().to_string_lossy().to_string();
        let rel = relative(inbox, entry.path());
        if name.eq_ignore_ascii_case("clerk.toml") {
            continue; // the settings file, not an input
        }
        let reason = if name.starts_with("~$") {
            Some(SkipReason::LockFile)
        } else if name.starts_with('.') {
            Some(SkipReason::Hidden)
        } else {
            None
        };
        if let Some(reason) = reason {
            skipped.push(Skipped {
                file: rel,
                sheet: None,
                reason,
                detail: String::new(),
            });
            continue;
        }
        let format = entry
            .path()
            .extension()
            .and_then(|e| e.to_str())
            .and_then(Format::from_extension);
        match format {
            Some(format) => files.push(InboxFile {
                path: entry.path().to_path_buf(),
                rel,
                format,
            }),
            None => skipped.push(Skipped {
                file: rel,
                sheet: None,
                reason: SkipReason::NotASpreadsheet,
                detail: String::new(),
            }),
        }
    }
    (files, skipped)
}

fn relative(base: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(base).unwrap_or(path);
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().to_string())
        .collect();
    parts.join("/")
}

/// One row of a sheet: its 1-based Excel row number and its cells, index 0 = column A.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SheetRow {
    pub row: u32,
    pub cells: Vec<RawCell>,
}

impl SheetRow {
    pub fn cell(&self, col: u32) -> &RawCell {
        self.cells.get(col as usize).unwrap_or(&RawCell::Empty)
    }

    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(RawCell::is_blank)
    }
}

/// What a reader tells its sink.
pub trait SheetSink {
    /// A new sheet begins. Returns false to skip its rows.
    fn begin_sheet(&mut self, sheet: &str, hidden: bool) -> bool;
    /// The sheet's rows, in order; blank rows may be left out.
    fn row(&mut self, row: SheetRow);
    fn end_sheet(&mut self);
}

/// Reads every worksheet of `file` into `sink`. An error is the file's one-line reason.
pub fn read_file(file: &InboxFile, sink: &mut dyn SheetSink) -> Result<(), String> {
    let outcome = catch_unwind(AssertUnwindSafe(|| match file.format {
        Format::Xlsx => read_xlsx(&file.path, sink),
        Format::Xlsb => read_xlsb(&file.path, sink),
        Format::Xls => read_range_workbook::<calamine::Xls<BufReader<File>>>(&file.path, sink),
        Format::Ods => read_range_workbook::<calamine::Ods<BufReader<File>>>(&file.path, sink),
        Format::Csv => read_csv(&file.path, sink),
    }));
    match outcome {
        Ok(result) => result,
        Err(_) => Err("the file is damaged (the spreadsheet reader gave up on it)".to_string()),
    }
}

/// SHA-256 of a file, hex.
pub fn sha256(path: &Path) -> Result<String, String> {
    let mut file = File::open(path).map_err(|e| e.to_string())?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = file.read(&mut buf).map_err(|e| e.to_string())?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hasher.finalize().iter().map(|b| format!("{b:02x}")).collect())
}

/// Collects streamed cells into rows.
struct RowAssembler<'a> {
    sink: &'a mut dyn SheetSink,
    current: Option<SheetRow>,
}

impl<'a> RowAssembler<'a> {
    fn new(sink: &'a mut dyn SheetSink) -> Self {
        RowAssembler { sink, current: None }
    }

    fn push(&mut self, row0: u32, col0: u32, cell: RawCell) {
        if col0 >= MAX_COLUMNS || cell.is_blank() {
            return;
        }
        let row = row0 + 1;
        if self.current.as_ref().is_some_and(|r| r.row != row) {
            self.flush();
        }
        let current = self.current.get_or_insert_with(|| SheetRow { row, cells: Vec::new() });
        let idx = col0 as usize;
        if current.cells.len() <= idx {
            current.cells.resize(idx + 1, RawCell::Empty);
        }
        current.cells[idx] = cell;
    }

    fn flush(&mut self) {
        if let Some(row) = self.current.take() {
            self.sink.row(row);
        }
    }
}

fn is_worksheet(meta: &calamine::Sheet) -> bool {
    meta.typ == SheetType::WorkSheet
}

fn is_hidden(meta: &calamine::Sheet) -> bool {
    meta.visible != SheetVisible::Visible
}

fn read_xlsx(path: &Path, sink: &mut dyn SheetSink) -> Result<(), String> {
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(path).map_err(|e| describe(&e))?;
    let sheets = book.sheets_metadata().to_vec();
    for meta in sheets.iter().filter(|m| is_worksheet(m)) {
        if !sink.begin_sheet(&meta.name, is_hidden(meta)) {
            continue;
        }
        let mut cells = book.worksheet_cells_reader(&meta.name).map_err(|e| describe(&e))?;
        let mut rows = RowAssembler::new(sink);
        loop {
            match cells.next_cell() {
                Ok(Some(cell)) => {
                    let (r, c) = cell.get_position();
                    rows.push(r, c, from_data_ref(cell.get_value()));
                }
                Ok(None) => break,
                Err(e) => return Err(format!("sheet {}: {}", meta.name, describe(&e))),
            }
        }
        rows.flush();
        drop(cells);
        sink.end_sheet();
    }
    Ok(())
}

fn read_xlsb(path: &Path, sink: &mut dyn SheetSink) -> Result<(), String> {
    let mut book: calamine::Xlsb<_> = calamine::open_workbook(path).map_err(|e| describe(&e))?;
    let sheets = book.sheets_metadata().to_vec();
    for meta in sheets.iter().filter(|m| is_worksheet(m)) {
        if !sink.begin_sheet(&meta.name, is_hidden(meta)) {
            continue;
        }
        let mut cells = book.worksheet_cells_reader(&meta.name).map_err(|e| describe(&e))?;
        let mut rows = RowAssembler::new(sink);
        loop {
            match cells.next_cell() {
                Ok(Some(cell)) => {
                    let (r, c) = cell.get_position();
                    rows.push(r, c, from_data_ref(cell.get_value()));
                }
                Ok(None) => break,
                Err(e) => return Err(format!("sheet {}: {}", meta.name, describe(&e))),
            }
        }
        rows.flush();
        drop(cells);
        sink.end_sheet();
    }
    Ok(())
}

fn read_range_workbook<R>(path: &Path, sink: &mut dyn SheetSink) -> Result<(), String>
where
    R: Reader<BufReader<File>>,
    R::Error: std::fmt::Display,
{
    let mut book: R = calamine::open_workbook(path).map_err(|e: R::Error| describe(&e))?;
    let sheets = book.sheets_metadata().to_vec();
    for meta in sheets.iter().filter(|m| is_worksheet(m)) {
        if !sink.begin_sheet(&meta.name, is_hidden(meta)) {
            continue;
        }
        let range = book.worksheet_range(&meta.name).map_err(|e| describe(&e))?;
        let (row0, col0) = range.start().unwrap_or((0, 0));
        let mut rows = RowAssembler::new(sink);
        for (r, c, value) in range.used_cells() {
            rows.push(row0 + r as u32, col0 + c as u32, from_data(value));
        }
        rows.flush();
        sink.end_sheet();
    }
    Ok(())
}

fn describe(err: &dyn std::fmt::Display) -> String {
    let text = err.to_string();
    let line = text.lines().next().unwrap_or("").trim();
    if line.is_empty() {
        "unknown error".to_string()
    } else {
        line.to_string()
    }
}

fn excel_datetime(dt: &calamine::ExcelDateTime) -> RawCell {
    if dt.is_duration() {
        return RawCell::Number(dt.as_f64());
    }
    let value = dt.as_f64();
    // Range-check before converting: a huge number formatted as a date is not a date.
    if !(1.0..2_958_466.0).contains(&value) {
        return RawCell::Number(value);
    }
    let (y, m, d, hh, mm, ss, ms) = dt.to_ymd_hms_milli();
    let date = NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(d));
    let time = chrono::NaiveTime::from_hms_milli_opt(u32::from(hh), u32::from(mm), u32::from(ss), u32::from(ms));
    match (date, time) {
        (Some(date), Some(time)) => RawCell::DateTime(NaiveDateTime::new(date, time)),
        _ => RawCell::Number(value),
    }
}

fn from_data_ref(value: &DataRef<'_>) -> RawCell {
    match value {
        DataRef::Int(i) => RawCell::Number(*i as f64),
        DataRef::Float(f) => RawCell::Number(*f),
        DataRef::String(s) => RawCell::Text(s.clone()),
        DataRef::SharedString(s) => RawCell::Text((*s).to_string()),
        DataRef::Bool(b) => RawCell::Bool(*b),
        DataRef::DateTime(dt) => excel_datetime(dt),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => RawCell::Text(s.clone()),
        DataRef::Error(e) => RawCell::Error(e.to_string()),
        DataRef::Empty => RawCell::Empty,
    }
}

fn from_data(value: &Data) -> RawCell {
    match value {
        Data::Int(i) => RawCell::Number(*i as f64),
        Data::Float(f) => RawCell::Number(*f),
        Data::String(s) => RawCell::Text(s.clone()),
        Data::Bool(b) => RawCell::Bool(*b),
        Data::DateTime(dt) => excel_datetime(dt),
        Data::DateTimeIso(s) | Data::DurationIso(s) => RawCell::Text(s.clone()),
        Data::Error(e) => RawCell::Error(e.to_string()),
        Data::Empty => RawCell::Empty,
    }
}

/// Decodes CSV bytes: UTF-8 (with or without BOM), else the legacy encoding chardetng detects
/// (GB18030 and Big5 are the ones staff here use).
pub fn decode_csv(bytes: &[u8]) -> (String, &'static str) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return (String::from_utf8_lossy(rest).into_owned(), "UTF-8");
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return (text.to_string(), "UTF-8");
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let mut encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
    if encoding == encoding_rs::GBK {
        encoding = encoding_rs::GB18030;
    }
    let (text, _, _) = encoding.decode(bytes);
    (text.into_owned(), encoding.name())
}

fn read_csv(path: &Path, sink: &mut dyn SheetSink) -> Result<(), String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let (text, _encoding) = decode_csv(&bytes);
    // Windows line ends: the csv reader's line count goes wrong on `\r\n` (the header and the first
    // row would both be line 1), so fold them to `\n` first.
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    };
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    if !sink.begin_sheet(&name, false) {
        return Ok(());
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = RowAssembler::new(sink);
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {
                // The line number where the record starts, so findings name the line a person sees.
                let line = record.position().map(|p| p.line()).unwrap_or(0).max(1);
                let row0 = u32::try_from(line - 1).unwrap_or(u32::MAX - 1);
                for (c, field) in record.iter().enumerate() {
                    rows.push(row0, c as u32, RawCell::Text(field.to_string()));
                }
            }
            Ok(false) => break,
            Err(e) => return Err(describe(&e)),
        }
    }
    rows.flush();
    sink.end_sheet();
    Ok(())
}

/// Excel column letters of a 0-based column index (0 → A, 26 → AA).
pub fn column_letters(col: u32) -> String {
    let mut n = col + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        out.push((b'A' + rem) as char);
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_match_excel() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(16383), "XFD");
    }

    #[test]
    fn csv_encodings_are_detected() {
        let text = "日期,客户编号,消费金额\n2026-10-05,G001,8800\n";
        let (gb, _, _) = encoding_rs::GB18030.encode(text);
        assert_eq!(decode_csv(&gb).0, text);
        let big5_text = "日期,客戶編號,消費金額\n2026-10-05,G001,8800\n";
        let (big5, _, _) = encoding_rs::BIG5.encode(big5_text);
        assert_eq!(decode_csv(&big5).0, big5_text);
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(text.as_bytes());
        assert_eq!(decode_csv(&bom).0, text);
    }
}
