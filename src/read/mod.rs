//! Finding the spreadsheets in an inbox and reading their cells (SPEC 1.1).
//!
//! Every `.xlsx .xlsm .xls .xlsb .ods .csv` under the inbox is read; Excel lock files (`~$…`),
//! hidden files and other types are skipped and listed. Cells are handed row by row to a sink with
//! their absolute Excel position, so a register is never held twice in memory. xlsx/xlsm/xlsb are
//! read through calamine's streaming cell reader: a stray value at XFD60000 costs one cell, not a
//! dense range of a billion cells.

pub(crate) mod cell;
pub mod contain;
pub mod kept;
pub mod pipe;

pub use self::cell::RawCell;

use std::fs::File;
use std::io::{BufReader, Read};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use calamine::{Data, DataRef, Reader, SheetType, SheetVisible};
use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use compact_str::{CompactString, ToCompactString};
use sha2::{Digest, Sha256};

/// Why a file could not be read: a catalogue key (`read.<key>`) and the values its text names, so
/// the one line the user sees is in the report language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadError {
    pub key: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl ReadError {
    fn new(key: &'static str) -> ReadError {
        ReadError { key, args: Vec::new() }
    }

    fn with(key: &'static str, args: &[(&'static str, String)]) -> ReadError {
        ReadError {
            key,
            args: args.to_vec(),
        }
    }

    /// The reader stopped without a reason (a panic it could not recover from).
    pub fn gave_up() -> ReadError {
        ReadError::new("gave_up")
    }

    /// A contained reader stopped for using too much `memory` or `time`.
    pub fn stopped(what: &str) -> ReadError {
        ReadError::new(if what == "time" {
            "stopped_time"
        } else {
            "stopped_memory"
        })
    }

    /// A reason that crossed a process boundary as text, back to a catalogue key.
    pub fn from_parts(key: &str, args: Vec<(String, String)>) -> ReadError {
        const NAMES: [&str; 9] = ["detail", "sheet", "parts", "max", "part", "mb", "kb", "cell", "rows"];
        let full = format!("read.{key}");
        let key = TEXTS
            .iter()
            .find(|(k, _)| *k == full)
            .and_then(|(k, _)| k.strip_prefix("read."))
            .unwrap_or("gave_up");
        let args = args
            .into_iter()
            .filter_map(|(name, value)| NAMES.iter().find(|n| **n == name).map(|n| (*n, value)))
            .collect();
        ReadError { key, args }
    }

    /// A parser's or the system's own words, kept as the detail of "cannot be read".
    pub fn damaged(detail: impl std::fmt::Display) -> ReadError {
        ReadError::with("damaged", &[("detail", describe(&detail))])
    }

    /// The one-line reason in a language.
    pub fn text(&self, catalogue: &crate::base::i18n::Catalogue) -> String {
        let args: Vec<(&str, &str)> = self.args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        catalogue.fmt(&format!("read.{}", self.key), &args)
    }
}

/// Catalogue texts of the reasons a file cannot be read.
pub static TEXTS: &[crate::base::i18n::Entry] = &[
    (
        "read.damaged",
        [
            "the file is damaged or unreadable ({detail})",
            "檔案已損壞或無法讀取({detail})",
            "文件已损坏或无法读取({detail})",
        ],
    ),
    (
        "read.gave_up",
        [
            "the file is damaged (the spreadsheet reader gave up on it)",
            "檔案已損壞(試算表讀取程式無法處理)",
            "文件已损坏(电子表格读取程序无法处理)",
        ],
    ),
    (
        "read.stopped_memory",
        [
            "reading the file needed far more memory than a register can (its declared size is huge); save it again as .xlsx",
            "讀取此檔案所需的記憶體遠超一般台帳(宣告的範圍極大),請另存為 .xlsx",
            "读取此文件所需的内存远超一般台账(声明的范围极大),请另存为 .xlsx",
        ],
    ),
    (
        "read.stopped_time",
        [
            "reading the file took too long and was stopped; it may be damaged — save it again as .xlsx",
            "讀取此檔案時間過長,已停止;檔案可能已損壞,請另存為 .xlsx",
            "读取此文件时间过长,已停止;文件可能已损坏,请另存为 .xlsx",
        ],
    ),
    (
        "read.empty",
        [
            "the file is empty (0 bytes)",
            "檔案是空的(0 位元組)",
            "文件是空的(0 字节)",
        ],
    ),
    (
        "read.password",
        [
            "the file is password-protected; save a copy without a password",
            "檔案有密碼保護,請另存一份沒有密碼的副本",
            "文件有密码保护,请另存一份没有密码的副本",
        ],
    ),
    (
        "read.web_page",
        [
            "this is a web page or XML file saved with a spreadsheet name; open it in Excel and save it as .xlsx",
            "這是以試算表名稱存檔的網頁或 XML 檔,請用 Excel 開啟後另存為 .xlsx",
            "这是以电子表格名称保存的网页或 XML 文件,请用 Excel 打开后另存为 .xlsx",
        ],
    ),
    (
        "read.too_old",
        [
            "an Excel 2–4 worksheet, too old to read; save it as .xlsx",
            "Excel 2–4 格式的工作表,版本太舊無法讀取,請另存為 .xlsx",
            "Excel 2–4 格式的工作表,版本太旧无法读取,请另存为 .xlsx",
        ],
    ),
    (
        "read.unknown",
        [
            "not a spreadsheet file (unknown content); it may be damaged",
            "不是試算表檔案(內容無法辨認),可能已損壞",
            "不是电子表格文件(内容无法识别),可能已损坏",
        ],
    ),
    (
        "read.zip_parts",
        [
            "the workbook holds {parts} parts, more than {max}; it is not a normal workbook",
            "活頁簿含有 {parts} 個部分,超過 {max} 個,不是正常的活頁簿",
            "工作簿含有 {parts} 个部分,超过 {max} 个,不是正常的工作簿",
        ],
    ),
    (
        "read.zip_bomb",
        [
            "part {part} would unpack to {mb} MB from {kb} KB: refused as a zip bomb",
            "部分 {part} 會從 {kb} KB 解壓成 {mb} MB:視為壓縮炸彈,拒絕讀取",
            "部分 {part} 会从 {kb} KB 解压成 {mb} MB:视为压缩炸弹,拒绝读取",
        ],
    ),
    (
        "read.too_big",
        [
            "the workbook would unpack to {mb} MB, more than {max} MB",
            "活頁簿解壓後有 {mb} MB,超過 {max} MB",
            "工作簿解压后有 {mb} MB,超过 {max} MB",
        ],
    ),
    (
        "read.zip_csv",
        [
            "a zip archive named .csv; unpack it first",
            "以 .csv 命名的壓縮檔,請先解壓",
            "以 .csv 命名的压缩文件,请先解压",
        ],
    ),
    (
        "read.zip_other",
        [
            "a zip archive, but not a workbook",
            "是壓縮檔,但不是活頁簿",
            "是压缩文件,但不是工作簿",
        ],
    ),
    (
        "skip.cells_ignored",
        [
            "values beyond column AMJ (the 1,024th) were not read",
            "第 AMJ 欄(第 1,024 欄)以後的值未讀取",
            "第 AMJ 列(第 1,024 列)以后的值未读取",
        ],
    ),
    (
        "read.sheet",
        [
            "sheet {sheet}: {detail}",
            "工作表 {sheet}:{detail}",
            "工作表 {sheet}:{detail}",
        ],
    ),
    ("skip.lock_file", ["Excel lock file", "Excel 鎖定檔", "Excel 锁定文件"]),
    ("skip.hidden", ["hidden file", "隱藏檔案", "隐藏文件"]),
    ("skip.not_a_spreadsheet", ["not a spreadsheet", "不是試算表", "不是电子表格"]),
    ("skip.unreadable", ["cannot be read", "無法讀取", "无法读取"]),
    ("skip.not_recognised", ["not recognised as a register", "無法辨識為台帳", "无法识别为台账"]),
    ("skip.empty", ["empty sheet", "空白工作表", "空白工作表"]),
];

/// Bounds on what one file may cost (settings `[limits]`): a stray value far out, a workbook that
/// unpacks to gigabytes, a range declared huge. Within them every real register is read whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Limits {
    /// Columns kept per sheet (Excel has 16,384); values beyond are left out and listed.
    pub max_columns: u32,
    /// Rows kept per sheet; values beyond are left out and listed.
    pub max_rows: u32,
    /// Parts a zipped workbook may hold.
    pub max_zip_parts: usize,
    /// What a zipped workbook may unpack to, in MB.
    pub max_unpacked_mb: u64,
    /// Memory of the child process that reads an xls or ods file, in MB.
    pub reader_memory_mb: u64,
    /// Time that child may take, in seconds.
    pub reader_seconds: u64,
}

impl Limits {
    pub const DEFAULT: Limits = Limits {
        max_columns: 1024,
        max_rows: 2_000_000,
        max_zip_parts: 10_000,
        max_unpacked_mb: 4096,
        reader_memory_mb: 1024,
        reader_seconds: 120,
    };
}

impl Default for Limits {
    fn default() -> Self {
        Limits::DEFAULT
    }
}

static LIMITS: std::sync::RwLock<Limits> = std::sync::RwLock::new(Limits::DEFAULT);

/// Sets the limits of the reads that follow (the run's settings).
pub fn set_limits(limits: Limits) {
    *LIMITS.write().unwrap_or_else(|e| e.into_inner()) = limits;
}

pub fn limits() -> Limits {
    *LIMITS.read().unwrap_or_else(|e| e.into_inner())
}

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
    /// The sheet was read, but values beyond the limits were left out (detail: the first cell).
    CellsIgnored,
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
            SkipReason::CellsIgnored => "skip.cells_ignored",
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
        let format = match entry.path().extension() {
            Some(ext) => ext.to_str().and_then(Format::from_extension),
            // No extension at all: a workbook is still a workbook (text files stay unread).
            None => sniff(entry.path(), Format::Xlsx).ok().filter(|f| *f != Format::Csv),
        };
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
    /// False when the sink has no use for the 1-based `row`: a replay of kept rows
    /// ([`crate::read::kept::KeptSheet::replay`]) then steps over its cells without building them.
    fn wants_row(&self, _row: u32) -> bool {
        true
    }
    /// Values beyond the columns kept were left out; `cell` is the first of them (`XFD60000`).
    fn cells_ignored(&mut self, _cell: &str) {}
    /// The sheet's merged areas of more than one cell (0-based first row, first column, last
    /// row, last column), before its rows. The rows carry an area's value in each of its cells.
    fn merged_areas(&mut self, _areas: &[Merge]) {}
    fn end_sheet(&mut self);
    /// The sink to give a sheet's cells to on a second thread, where they are made into rows
    /// ([`crate::read::pipe`]); None (the default): the reader makes them into rows itself.
    fn second_thread(&mut self) -> Option<&mut (dyn SheetSink + Send)> {
        None
    }
}

/// A sheet's cells on their way to rows: made into rows here, or handed over to a second thread
/// that makes them ([`SheetSink::second_thread`]). `C` is a cell as the reader has it.
pub(crate) enum Cells<'a, C, M> {
    Here(RowAssembler<'a>, M),
    There(&'a mut crate::read::pipe::CellSender<C>),
}

impl<C, M: FnMut(C) -> (u32, u32, RawCell)> Cells<'_, C, M> {
    fn push(&mut self, cell: C) -> Result<(), ReadError> {
        match self {
            Cells::Here(rows, make) => {
                let (row0, col0, cell) = make(cell);
                rows.push(row0, col0, cell);
                Ok(())
            }
            Cells::There(to) => to.push(cell),
        }
    }
}

/// Reads one sheet's cells with `read` into rows for `sink`: `make` gives a cell's 0-based
/// position and value, on whichever thread makes the rows. The sheet's merged areas apply.
fn sheet_cells<C, M>(
    sink: &mut dyn SheetSink,
    merges: Vec<Merge>,
    make: M,
    read: impl FnOnce(&mut Cells<'_, C, M>) -> Result<(), ReadError>,
) -> Result<(), ReadError>
where
    C: Send,
    M: FnMut(C) -> (u32, u32, RawCell) + Send,
{
    if let Some(sink) = sink.second_thread() {
        return crate::read::pipe::cells_into_rows(sink, merges, make, |to| read(&mut Cells::There(to)));
    }
    let mut cells = Cells::Here(RowAssembler::with_merges(sink, merges), make);
    read(&mut cells)?;
    if let Cells::Here(rows, _) = &mut cells {
        rows.finish();
    }
    Ok(())
}

/// Excel's own limit on the text of one cell; longer text (a hand-made file, a CSV) is cut here,
/// so every workbook we write can hold what we read.
pub const MAX_CELL_CHARS: usize = 32_767;

/// Text as it is kept: control characters other than tab and line breaks removed (they could
/// drive a terminal or break a workbook), and no more than [`MAX_CELL_CHARS`] characters.
pub fn clean_text(text: &str) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r');
    let long = text.len() > MAX_CELL_CHARS && text.chars().nth(MAX_CELL_CHARS).is_some();
    // The control characters are U+0000–U+001F, U+007F and U+0080–U+009F (UTF-8 C2 80–C2 9F):
    // a text without such bytes — nearly every cell — is kept without decoding its characters.
    let maybe_bad = |b: &u8| *b < 0x20 || *b == 0x7F || *b == 0xC2;
    if !long && (!text.as_bytes().iter().any(maybe_bad) || !text.chars().any(bad)) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(text.chars().filter(|c| !bad(*c)).take(MAX_CELL_CHARS).collect())
}

/// Reads every worksheet of `file` into `sink`. An error is the file's one-line reason.
pub fn read_file(file: &InboxFile, sink: &mut dyn SheetSink) -> Result<(), ReadError> {
    let format = sniff(&file.path, file.format)?;
    match format {
        // Read as one dense range each: contained in a child process when `main` allows it.
        Format::Xls | Format::Ods if crate::read::contain::enabled() => {
            crate::read::contain::read(&file.path, format, sink)
        }
        _ => read_in_process(&file.path, format, sink),
    }
}

/// Reads a file of a known format in this process; a panic in the parser costs the file only.
pub fn read_in_process(path: &Path, format: Format, sink: &mut dyn SheetSink) -> Result<(), ReadError> {
    let outcome = catch_unwind(AssertUnwindSafe(|| match format {
        Format::Xlsx => read_xlsx(path, sink),
        Format::Xlsb => read_xlsb(path, sink),
        Format::Xls => read_range_workbook::<calamine::Xls<BufReader<File>>>(path, sink),
        Format::Ods => read_range_workbook::<calamine::Ods<BufReader<File>>>(path, sink),
        Format::Csv => read_csv(path, sink),
    }));
    match outcome {
        Ok(result) => result,
        Err(_) => Err(ReadError::gave_up()),
    }
}

/// A part that unpacks to more than this many times its packed size (and over 1 MB) is a zip bomb.
const MAX_RATIO: u64 = 200;

/// What the file really is, from its first bytes, whatever its name says: staff rename files, and
/// programs save HTML or CSV under a `.xls` name. Damaged, empty, encrypted and bomb-like files
/// get a plain reason instead of a parser error.
pub fn sniff(path: &Path, named: Format) -> Result<Format, ReadError> {
    let mut head = [0u8; 8];
    let n = File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .map_err(ReadError::damaged)?;
    let head = &head[..n];
    if n == 0 {
        return Err(ReadError::new("empty"));
    }
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        return check_zip(path, named);
    }
    if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        // An OLE container: a real .xls, or an Office file saved with a password.
        let bytes = std::fs::read(path).map_err(ReadError::damaged)?;
        let utf16 = |s: &str| s.encode_utf16().flat_map(u16::to_le_bytes).collect::<Vec<u8>>();
        if bytes.windows(32).any(|w| w == &utf16("EncryptedPackage")[..]) {
            return Err(ReadError::new("password"));
        }
        return Ok(Format::Xls);
    }
    let text_like = head.iter().all(|b| !matches!(b, 0..=8 | 14..=26 | 28..=31));
    if named == Format::Csv && text_like {
        return Ok(Format::Csv);
    }
    if text_like {
        let start = String::from_utf8_lossy(head)
            .trim_start_matches('\u{feff}')
            .trim_start()
            .to_ascii_lowercase();
        if start.starts_with('<') {
            return Err(ReadError::new("web_page"));
        }
        return Ok(Format::Csv);
    }
    match named {
        Format::Xls
            if head.starts_with(&[0x09, 0x00])
                || head.starts_with(&[0x09, 0x02])
                || head.starts_with(&[0x09, 0x04]) =>
        {
            Err(ReadError::new("too_old"))
        }
        _ => Err(ReadError::new("unknown")),
    }
}

fn check_zip(path: &Path, named: Format) -> Result<Format, ReadError> {
    let file = File::open(path).map_err(ReadError::damaged)?;
    let mut zip = zip::ZipArchive::new(BufReader::new(file)).map_err(ReadError::damaged)?;
    let limits = limits();
    if zip.len() > limits.max_zip_parts {
        return Err(ReadError::with(
            "zip_parts",
            &[
                ("parts", zip.len().to_string()),
                ("max", limits.max_zip_parts.to_string()),
            ],
        ));
    }
    let mut total: u64 = 0;
    let mut names = Vec::new();
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(ReadError::damaged)?;
        let name = entry.name().map(|n| n.to_string()).unwrap_or_default();
        let size = entry.size();
        let packed = entry.compressed_size().max(1);
        if size > 1 << 20 && size / packed > MAX_RATIO {
            return Err(ReadError::with(
                "zip_bomb",
                &[
                    ("part", name),
                    ("mb", (size >> 20).to_string()),
                    ("kb", (packed >> 10).to_string()),
                ],
            ));
        }
        total = total.saturating_add(size);
        names.push(name);
    }
    if total > limits.max_unpacked_mb.saturating_mul(1 << 20) {
        return Err(ReadError::with(
            "too_big",
            &[
                ("mb", (total >> 20).to_string()),
                ("max", limits.max_unpacked_mb.to_string()),
            ],
        ));
    }
    let has = |n: &str| names.iter().any(|x| x.eq_ignore_ascii_case(n));
    if has("xl/workbook.xml") {
        Ok(Format::Xlsx)
    } else if has("xl/workbook.bin") {
        Ok(Format::Xlsb)
    } else if has("content.xml") {
        Ok(Format::Ods)
    } else if named == Format::Csv {
        Err(ReadError::new("zip_csv"))
    } else {
        Err(ReadError::new("zip_other"))
    }
}

/// SHA-256 of a file, hex.
pub fn sha256(path: &Path) -> Result<String, ReadError> {
    let mut file = File::open(path).map_err(ReadError::damaged)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = file.read(&mut buf).map_err(ReadError::damaged)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hasher.finalize().iter().map(|b| format!("{b:02x}")).collect())
}

/// Workbooks up to this size get their merged areas read (see `read_xlsx`).
const MERGES_MAX_FILE_BYTES: u64 = 1 << 20;

/// Whether a part of the workbook at `path`, other than its shared strings, holds the word
/// `mergeCell` (as a sheet's list of merged areas does). calamine finds a sheet's merged areas by
/// parsing the whole sheet, the list being at its end; a workbook without any — every machine
/// export, most registers — is spared that second parse for the price of unpacking its parts
/// once more. When in doubt (a part that cannot be read), the answer is yes.
fn mentions_merged_cells(path: &Path) -> bool {
    let word = memchr::memmem::Finder::new(b"mergeCell");
    let Ok(file) = File::open(path) else { return true };
    let Ok(mut zip) = zip::ZipArchive::new(BufReader::new(file)) else {
        return true;
    };
    let mut buf = vec![0u8; 1 << 16];
    for i in 0..zip.len() {
        let Ok(mut part) = zip.by_index(i) else { return true };
        let Ok(name) = part.name().map(|n| n.to_ascii_lowercase()) else {
            return true;
        };
        if name.ends_with("sharedstrings.xml") || name.ends_with(".rels") || name.starts_with("docprops/") {
            continue;
        }
        if holds(&word, &mut part, &mut buf).unwrap_or(true) {
            return true;
        }
    }
    false
}

/// Whether the bytes of `input` hold `word`, read through `buf` (longer than the word): the last
/// bytes of each read are carried over, so that the word is found where it straddles two reads.
fn holds(word: &memchr::memmem::Finder, input: &mut impl Read, buf: &mut [u8]) -> std::io::Result<bool> {
    let keep = word.needle().len() - 1;
    let mut filled = 0;
    loop {
        let n = input.read(&mut buf[filled..])?;
        if n == 0 {
            return Ok(false);
        }
        filled += n;
        if word.find(&buf[..filled]).is_some() {
            return Ok(true);
        }
        let tail = filled.min(keep);
        buf.copy_within(filled - tail..filled, 0);
        filled = tail;
    }
}

/// A merged area, 0-based inclusive: (first row, first col, last row, last col).
pub type Merge = (u32, u32, u32, u32);

/// Collects streamed cells into rows. In a merged area the top-left value applies to every cell
/// of the area (a customer name merged over three order lines belongs to each of them).
pub(crate) struct RowAssembler<'a> {
    sink: &'a mut dyn SheetSink,
    current: Option<SheetRow>,
    merges: Vec<Merge>,
    anchors: std::collections::HashMap<(u32, u32), RawCell>,
    /// The first value left out for lying beyond the limits, 0-based (row, col).
    ignored: Option<(u32, u32)>,
    max_columns: u32,
    max_rows: u32,
    /// Cells of the last row given on: the next row's room, so that it does not grow cell by cell.
    width: usize,
}

impl<'a> RowAssembler<'a> {
    fn new(sink: &'a mut dyn SheetSink) -> Self {
        RowAssembler {
            sink,
            current: None,
            merges: Vec::new(),
            anchors: std::collections::HashMap::new(),
            ignored: None,
            max_columns: limits().max_columns.max(1),
            max_rows: limits().max_rows.max(1),
            width: 0,
        }
    }

    pub(crate) fn with_merges(sink: &'a mut dyn SheetSink, merges: Vec<Merge>) -> Self {
        // Only areas of more than one cell, and within the columns kept.
        let mut rows = RowAssembler::new(sink);
        rows.merges = merges
            .into_iter()
            .filter(|m| (m.0, m.1) != (m.2, m.3) && m.1 < rows.max_columns)
            .collect();
        if !rows.merges.is_empty() {
            rows.sink.merged_areas(&rows.merges);
        }
        rows
    }

    pub(crate) fn push(&mut self, row0: u32, col0: u32, cell: RawCell) {
        if cell.is_blank() {
            return;
        }
        if col0 >= self.max_columns || row0 >= self.max_rows {
            if self.ignored.is_none_or(|first| (row0, col0) < first) {
                self.ignored = Some((row0, col0));
            }
            return;
        }
        let cell = match cell {
            RawCell::Text(t) => match clean_text(&t) {
                std::borrow::Cow::Borrowed(_) => RawCell::Text(t),
                std::borrow::Cow::Owned(clean) => RawCell::Text(clean.into()),
            },
            RawCell::Error(e) => RawCell::Error(clean_text(&e).into_owned()),
            other => other,
        };
        if self.merges.iter().any(|m| (m.0, m.1) == (row0, col0)) {
            self.anchors.insert((row0, col0), cell.clone());
        }
        let row = row0 + 1;
        if self.current.as_ref().is_some_and(|r| r.row != row) {
            self.flush();
        }
        let width = self.width;
        let current = self.current.get_or_insert_with(|| SheetRow {
            row,
            cells: Vec::with_capacity(width),
        });
        let idx = col0 as usize;
        if idx < current.cells.len() {
            current.cells[idx] = cell;
        } else {
            // Blank cells before it (none when the cells come in order, as they nearly always do).
            current.cells.resize(idx, RawCell::Empty);
            current.cells.push(cell);
        }
    }

    fn flush(&mut self) {
        if let Some(mut row) = self.current.take() {
            let row0 = row.row - 1;
            for m in self.merges.iter().filter(|m| m.0 <= row0 && row0 <= m.2) {
                let Some(value) = self.anchors.get(&(m.0, m.1)) else {
                    continue;
                };
                let last = m.3.min(self.max_columns - 1) as usize;
                if row.cells.len() <= last {
                    row.cells.resize(last + 1, RawCell::Empty);
                }
                for col in m.1 as usize..=last {
                    if row.cells[col].is_blank() {
                        row.cells[col] = value.clone();
                    }
                }
            }
            // (A stray cell far to the right must not make every later row that wide.)
            self.width = row.cells.len().min(64);
            self.sink.row(row);
        }
    }

    /// The sheet's last row, and the note about values left out.
    pub(crate) fn finish(&mut self) {
        self.flush();
        if let Some((r, c)) = self.ignored.take() {
            self.sink
                .cells_ignored(&format!("{}{}", column_letters(c), u64::from(r) + 1));
        }
    }
}

fn is_worksheet(meta: &calamine::Sheet) -> bool {
    meta.typ == SheetType::WorkSheet
}

fn is_hidden(meta: &calamine::Sheet) -> bool {
    meta.visible != SheetVisible::Visible
}

fn read_xlsx(path: &Path, sink: &mut dyn SheetSink) -> Result<(), ReadError> {
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(path).map_err(ReadError::damaged)?;
    let sheets = book.sheets_metadata().to_vec();
    let read_merges =
        std::fs::metadata(path).is_ok_and(|m| m.len() <= MERGES_MAX_FILE_BYTES) && mentions_merged_cells(path);
    for meta in sheets.iter().filter(|m| is_worksheet(m)) {
        if !sink.begin_sheet(&meta.name, is_hidden(meta)) {
            continue;
        }
        // The merged areas are listed after the cells, so finding them is a pass of its own over
        // the sheet. Registers kept by hand (where merged data cells happen) are small; a large
        // machine export is spared the second pass, and so is a workbook that has none.
        let merges: Vec<Merge> = if read_merges {
            book.merge_cells_by_sheet_name(&meta.name)
                .unwrap_or_default()
                .iter()
                .map(|d| (d.start.0, d.start.1, d.end.0, d.end.1))
                .collect()
        } else {
            Vec::new()
        };
        let mut cells = book.worksheet_cells_reader(&meta.name).map_err(ReadError::damaged)?;
        sheet_cells(sink, merges, streamed_cell(), |to| {
            stream(&meta.name, to, || cells.next_cell().map_err(|e| describe(&e)))
        })?;
        drop(cells);
        sink.end_sheet();
    }
    Ok(())
}

/// A cell of a streaming reader (xlsx or xlsb) made into its position and value. Until then it
/// borrows its text from the workbook's shared strings, so that a sheet read on two threads has
/// the text copied on the second ([`crate::read::pipe`]).
fn streamed_cell() -> impl for<'a> FnMut(calamine::Cell<DataRef<'a>>) -> (u32, u32, RawCell) + Send {
    let mut days = Days::new();
    move |cell| {
        let (row0, col0) = cell.get_position();
        (row0, col0, from_data_ref(cell.get_value(), &mut days))
    }
}

/// Feeds a streaming cell reader (xlsx or xlsb) into the cells of one sheet.
fn stream<C, M: FnMut(C) -> (u32, u32, RawCell)>(
    sheet: &str,
    cells: &mut Cells<'_, C, M>,
    mut next: impl FnMut() -> Result<Option<C>, String>,
) -> Result<(), ReadError> {
    loop {
        match next() {
            Ok(Some(cell)) => cells.push(cell)?,
            Ok(None) => return Ok(()),
            Err(detail) => {
                return Err(ReadError::with(
                    "sheet",
                    &[("sheet", sheet.to_string()), ("detail", detail)],
                ))
            }
        }
    }
}

fn read_xlsb(path: &Path, sink: &mut dyn SheetSink) -> Result<(), ReadError> {
    let mut book: calamine::Xlsb<_> = calamine::open_workbook(path).map_err(ReadError::damaged)?;
    let sheets = book.sheets_metadata().to_vec();
    for meta in sheets.iter().filter(|m| is_worksheet(m)) {
        if !sink.begin_sheet(&meta.name, is_hidden(meta)) {
            continue;
        }
        let mut cells = book.worksheet_cells_reader(&meta.name).map_err(ReadError::damaged)?;
        sheet_cells(sink, Vec::new(), streamed_cell(), |to| {
            stream(&meta.name, to, || cells.next_cell().map_err(|e| describe(&e)))
        })?;
        drop(cells);
        sink.end_sheet();
    }
    Ok(())
}

fn read_range_workbook<R>(path: &Path, sink: &mut dyn SheetSink) -> Result<(), ReadError>
where
    R: Reader<BufReader<File>> + 'static,
    R::Error: std::fmt::Display,
{
    let mut book: R = calamine::open_workbook(path).map_err(|e: R::Error| ReadError::damaged(e))?;
    let sheets = book.sheets_metadata().to_vec();
    for meta in sheets.iter().filter(|m| is_worksheet(m)) {
        if !sink.begin_sheet(&meta.name, is_hidden(meta)) {
            continue;
        }
        let range = book.worksheet_range(&meta.name).map_err(ReadError::damaged)?;
        let (row0, col0) = range.start().unwrap_or((0, 0));
        let mut days = Days::new();
        let make =
            move |(r, c, value): (usize, usize, &Data)| (row0 + r as u32, col0 + c as u32, from_data(value, &mut days));
        sheet_cells(sink, merges(&book, &meta.name), make, |to| {
            range.used_cells().try_for_each(|cell| to.push(cell))
        })?;
        sink.end_sheet();
    }
    Ok(())
}

/// Merged areas of a sheet in a format read as a whole range (xls has them; ods does not say).
fn merges<R: std::any::Any>(book: &R, sheet: &str) -> Vec<Merge> {
    let any = book as &dyn std::any::Any;
    match any.downcast_ref::<calamine::Xls<BufReader<File>>>() {
        Some(xls) => xls
            .merge_cells_by_sheet_name(sheet)
            .unwrap_or_default()
            .iter()
            .map(|d| (d.start.0, d.start.1, d.end.0, d.end.1))
            .collect(),
        None => Vec::new(),
    }
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

/// The whole-day dates of one sheet already read, by day number: a register holds a few
/// hundred days over and over, and every date of a workbook counts from the same epoch.
struct Days(Box<[(u32, NaiveDateTime)]>);

impl Days {
    const SLOTS: usize = 1024;

    fn new() -> Days {
        Days(vec![(u32::MAX, NaiveDateTime::MIN); Days::SLOTS].into_boxed_slice())
    }

    /// The date of whole day `day` of `dt`'s workbook (from 1 March 1900 on; none past 9999).
    fn date(&mut self, day: u32, dt: &calamine::ExcelDateTime) -> Option<NaiveDateTime> {
        let slot = &mut self.0[day as usize % Days::SLOTS];
        if slot.0 == day {
            return Some(slot.1);
        }
        // (Past the year 9999 calamine's parts stop at its last day: the long way, then.)
        let date = dt.as_datetime().filter(|d| d.year() <= 9999)?;
        *slot = (day, date);
        Some(date)
    }
}

fn excel_datetime(dt: &calamine::ExcelDateTime, days: &mut Days) -> RawCell {
    if dt.is_duration() {
        return RawCell::Number(dt.as_f64());
    }
    let value = dt.as_f64();
    // A time of day with no date (a cell formatted `h:mm`): the time a person sees.
    if (0.0..1.0).contains(&value) {
        let seconds = (value * 86_400.0).round() as u32;
        if let Some(time) = chrono::NaiveTime::from_num_seconds_from_midnight_opt(seconds.min(86_399), 0) {
            let shown = if time.second() == 0 { "%H:%M" } else { "%H:%M:%S" };
            return RawCell::Text(time.format(shown).to_compact_string());
        }
    }
    // Range-check before converting: a huge number formatted as a date is not a date.
    if !(1.0..2_958_466.0).contains(&value) {
        return RawCell::Number(value);
    }
    // A whole number of days from 1 March 1900 on — nearly every date cell — is its epoch plus
    // that many days (chrono's arithmetic; Excel's 1900 leap-day bug lies before it).
    if value.fract() == 0.0 && value >= 61.0 {
        if let Some(date) = days.date(value as u32, dt) {
            return RawCell::DateTime(date);
        }
    }
    excel_datetime_by_parts(dt, value)
}

/// A date or date and time from the calendar parts calamine works out (its 1900 leap-day bug,
/// times of day).
fn excel_datetime_by_parts(dt: &calamine::ExcelDateTime, value: f64) -> RawCell {
    let (y, m, d, hh, mm, ss, ms) = dt.to_ymd_hms_milli();
    let date = NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(d));
    let time = chrono::NaiveTime::from_hms_milli_opt(u32::from(hh), u32::from(mm), u32::from(ss), u32::from(ms));
    match (date, time) {
        (Some(date), Some(time)) => RawCell::DateTime(NaiveDateTime::new(date, time)),
        _ => RawCell::Number(value),
    }
}

fn from_data_ref(value: &DataRef<'_>, days: &mut Days) -> RawCell {
    match value {
        DataRef::Int(i) => RawCell::Number(*i as f64),
        DataRef::Float(f) => RawCell::Number(*f),
        DataRef::String(s) => RawCell::Text(CompactString::new(s)),
        DataRef::SharedString(s) => RawCell::Text(CompactString::new(s)),
        DataRef::Bool(b) => RawCell::Bool(*b),
        DataRef::DateTime(dt) => excel_datetime(dt, days),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => RawCell::Text(CompactString::new(s)),
        DataRef::Error(e) => RawCell::Error(e.to_string()),
        DataRef::Empty => RawCell::Empty,
    }
}

fn from_data(value: &Data, days: &mut Days) -> RawCell {
    match value {
        Data::Int(i) => RawCell::Number(*i as f64),
        Data::Float(f) => RawCell::Number(*f),
        Data::String(s) => RawCell::Text(CompactString::new(s)),
        Data::Bool(b) => RawCell::Bool(*b),
        Data::DateTime(dt) => excel_datetime(dt, days),
        Data::DateTimeIso(s) | Data::DurationIso(s) => RawCell::Text(CompactString::new(s)),
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
    if mostly_utf8(bytes) {
        // A UTF-8 file with a few bad bytes: they become U+FFFD in their cells (RG02 there),
        // instead of the whole file being read in a legacy encoding.
        return (String::from_utf8_lossy(bytes).into_owned(), "UTF-8");
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

/// True when the bytes are UTF-8 but for a few bad sequences: far more valid multi-byte
/// characters than errors. GB18030 or Big5 text read as UTF-8 gives almost nothing but errors.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut valid, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            bad += 1;
        }
    }
    bad * 8 <= valid
}

fn read_csv(path: &Path, sink: &mut dyn SheetSink) -> Result<(), ReadError> {
    let bytes = std::fs::read(path).map_err(ReadError::damaged)?;
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
    let mut record = csv::StringRecord::new();
    sheet_cells(
        sink,
        Vec::new(),
        |cell| cell,
        |to| loop {
            match reader.read_record(&mut record) {
                Ok(true) => {
                    // The line number where the record starts, so findings name the line a person sees.
                    let line = record.position().map(|p| p.line()).unwrap_or(0).max(1);
                    let row0 = u32::try_from(line - 1).unwrap_or(u32::MAX - 1);
                    for (c, field) in record.iter().enumerate() {
                        to.push((row0, c as u32, RawCell::Text(CompactString::new(field))))?;
                    }
                }
                Ok(false) => return Ok(()),
                Err(e) => return Err(ReadError::damaged(e)),
            }
        },
    )?;
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

    #[test]
    fn only_a_workbook_with_merged_cells_gets_its_sheets_parsed_for_them() {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, merged: bool| {
            let mut book = rust_xlsxwriter::Workbook::new();
            let sheet = book.add_worksheet();
            sheet.write(0, 0, "客戶").unwrap();
            for row in 1..2000 {
                sheet.write(row, 0, format!("華東機械廠 {row}")).unwrap();
            }
            if merged {
                let plain = rust_xlsxwriter::Format::new();
                sheet.merge_range(2000, 1, 2001, 1, "華東", &plain).unwrap();
            }
            let path = dir.path().join(name);
            book.save(&path).unwrap();
            path
        };
        assert!(!mentions_merged_cells(&write("plain.xlsx", false)));
        assert!(mentions_merged_cells(&write("merged.xlsx", true)));
        // Not a workbook at all: in doubt, the merged areas are looked for.
        let junk = dir.path().join("junk.xlsx");
        std::fs::write(&junk, b"not a zip").unwrap();
        assert!(mentions_merged_cells(&junk));
    }

    #[test]
    fn a_word_is_found_across_the_reads_of_a_part() {
        /// Gives its bytes a few at a time, as an inflating reader may.
        struct Trickle<'a>(&'a [u8], usize);
        impl Read for Trickle<'_> {
            fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
                let n = self.1.min(self.0.len()).min(out.len());
                out[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let word = memchr::memmem::Finder::new(b"mergeCell");
        let xml = b"<sheetData/><mergeCells count=\"1\"><mergeCell ref=\"B3:B4\"/></mergeCells>";
        for step in 1..xml.len() {
            for room in [10, 16, 64] {
                let mut buf = vec![0; room];
                let found = holds(&word, &mut Trickle(xml, step), &mut buf).unwrap();
                assert!(found, "read {step} bytes at a time into {room}");
            }
        }
        let plain = b"<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row></sheetData>";
        assert!(!holds(&word, &mut Trickle(plain, 3), &mut [0; 12]).unwrap());
    }

    proptest::proptest! {
        /// A whole-day date taken the short way is the date the calendar parts give, in either
        /// epoch of Excel's.
        #[test]
        fn whole_day_dates_read_as_their_calendar_parts(day in 61u32..2_958_466, is_1904 in proptest::bool::ANY) {
            let value = f64::from(day);
            let dt = calamine::ExcelDateTime::new(value, calamine::ExcelDateTimeType::DateTime, is_1904);
            proptest::prop_assert_eq!(excel_datetime(&dt, &mut Days::new()), excel_datetime_by_parts(&dt, value));
        }
    }

    #[test]
    fn dates_on_either_side_of_the_short_way() {
        // One workbook in the 1900 system: its days are remembered as they are read.
        let mut days = Days::new();
        let mut at = |value: f64| {
            let dt = calamine::ExcelDateTime::new(value, calamine::ExcelDateTimeType::DateTime, false);
            excel_datetime(&dt, &mut days)
        };
        let day = |y, m, d| {
            RawCell::DateTime(
                NaiveDate::from_ymd_opt(y, m, d)
                    .unwrap()
                    .and_time(chrono::NaiveTime::MIN),
            )
        };
        assert_eq!(at(60.0), RawCell::Number(60.0), "Excel's 29 February 1900");
        assert_eq!(at(59.0), day(1900, 2, 28));
        assert_eq!(at(61.0), day(1900, 3, 1));
        assert_eq!(at(46_331.0), day(2026, 11, 5));
        assert_eq!(at(46_331.0), day(2026, 11, 5), "remembered");
        // A day that takes the same place among the remembered ones is still its own day.
        assert_eq!(at(46_331.0 + Days::SLOTS as f64), day(2029, 8, 25));
        assert_eq!(at(46_331.0), day(2026, 11, 5));
        let noon = NaiveDate::from_ymd_opt(2026, 11, 5)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap();
        assert_eq!(at(46_331.5), RawCell::DateTime(noon));
        // A workbook in the 1904 system counts its days from its own epoch.
        let in_1904 = calamine::ExcelDateTime::new(46_331.0 - 1462.0, calamine::ExcelDateTimeType::DateTime, true);
        assert_eq!(excel_datetime(&in_1904, &mut Days::new()), day(2026, 11, 5));
        // At the end of the calendar, in either epoch, as the parts give it.
        for is_1904 in [false, true] {
            let mut days = Days::new();
            for value in [2_957_003.0, 2_957_004.0, 2_958_465.0] {
                let dt = calamine::ExcelDateTime::new(value, calamine::ExcelDateTimeType::DateTime, is_1904);
                assert_eq!(
                    excel_datetime(&dt, &mut days),
                    excel_datetime_by_parts(&dt, value),
                    "{value} {is_1904}"
                );
            }
        }
    }

    #[test]
    fn control_characters_go_and_long_text_is_cut() {
        assert_eq!(clean_text("a\u{1b}[2Jb\u{7}\u{85}c\td\ne"), "a[2Jbc\td\ne");
        assert!(matches!(clean_text("plain 文字"), std::borrow::Cow::Borrowed(_)));
        let long = "字".repeat(MAX_CELL_CHARS + 5);
        assert_eq!(clean_text(&long).chars().count(), MAX_CELL_CHARS);
    }

    #[test]
    fn utf8_with_a_bad_byte_stays_utf8() {
        let mut bytes = "日期,客户编号\n2026-10-05,龙虾".as_bytes().to_vec();
        bytes.push(0xFF);
        let (text, encoding) = decode_csv(&bytes);
        assert_eq!(
            (text.as_str(), encoding),
            ("日期,客户编号\n2026-10-05,龙虾\u{FFFD}", "UTF-8")
        );
        let (gb, _, _) = encoding_rs::GB18030.encode("日期,客户编号\n2026-10-05,龙虾宴");
        assert!(!mostly_utf8(&gb));
    }
}
