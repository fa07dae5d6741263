//! Finding the spreadsheets in an inbox ([`discover`]): the files to read and the files skipped.

use std::path::{Path, PathBuf};

use super::sniff::sniff;
use super::ReadOptions;

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
    /// The sheet was read; lines under its last record (填表人, 審核, 合計…) are no records.
    Footer,
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
            SkipReason::Footer => "skip.footer",
        }
    }
}

/// Lists the spreadsheets under `inbox` (recursively, sorted by path) and the files skipped.
/// `exclude` is a folder not to enter (the report folder when it lies inside the inbox). A file
/// without an extension is sniffed (within `options`' limits).
pub fn discover(inbox: &Path, exclude: Option<&Path>, options: &ReadOptions) -> (Vec<InboxFile>, Vec<Skipped>) {
    if inbox.is_file() {
        return one_file(inbox, exclude, options);
    }
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    for entry in walk(inbox, exclude) {
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
        match found(inbox, &entry, options) {
            Some(Ok(file)) => files.push(file),
            Some(Err(skip)) => skipped.push(skip),
            None => {}
        }
    }
    (files, skipped)
}

/// `clerk check register.xlsx`: that one file, named relative to its folder.
fn one_file(path: &Path, exclude: Option<&Path>, options: &ReadOptions) -> (Vec<InboxFile>, Vec<Skipped>) {
    let base = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let (files, skipped) = discover(base, exclude, options);
    let wanted = relative(base, path);
    (
        files.into_iter().filter(|f| f.rel == wanted).collect(),
        skipped.into_iter().filter(|s| s.file == wanted).collect(),
    )
}

/// Everything under `inbox`, sorted by name, but for hidden folders and the `exclude`d one.
fn walk(inbox: &Path, exclude: Option<&Path>) -> impl Iterator<Item = walkdir::Result<walkdir::DirEntry>> {
    let exclude = exclude.and_then(|p| p.canonicalize().ok());
    walkdir::WalkDir::new(inbox)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(move |entry| {
            let hidden_dir =
                entry.depth() > 0 && entry.file_type().is_dir() && entry.file_name().to_string_lossy().starts_with('.');
            let excluded = match (&exclude, entry.file_type().is_dir()) {
                (Some(ex), true) => entry.path().canonicalize().map(|p| &p == ex).unwrap_or(false),
                _ => false,
            };
            !hidden_dir && !excluded
        })
}

/// What an entry under `inbox` is: a spreadsheet to read, a file skipped and why, or nothing to
/// list (a folder, the settings file).
fn found(inbox: &Path, entry: &walkdir::DirEntry, options: &ReadOptions) -> Option<Result<InboxFile, Skipped>> {
    if !entry.file_type().is_file() {
        return None;
    }
    let name = entry.file_name().to_string_lossy().to_string();
    let rel = relative(inbox, entry.path());
    if name.eq_ignore_ascii_case("clerk.toml") {
        return None; // the settings file, not an input
    }
    let reason = if name.starts_with("~$") {
        Some(SkipReason::LockFile)
    } else if name.starts_with('.') {
        Some(SkipReason::Hidden)
    } else {
        None
    };
    if let Some(reason) = reason {
        return Some(Err(Skipped {
            file: rel,
            sheet: None,
            reason,
            detail: String::new(),
        }));
    }
    let format = match entry.path().extension() {
        Some(ext) => ext.to_str().and_then(Format::from_extension),
        // No extension at all: a workbook is still a workbook (text files stay unread).
        None => sniff(entry.path(), Format::Xlsx, &options.limits)
            .ok()
            .filter(|f| *f != Format::Csv),
    };
    Some(match format {
        Some(format) => Ok(InboxFile {
            path: entry.path().to_path_buf(),
            rel,
            format,
        }),
        None => Err(Skipped {
            file: rel,
            sheet: None,
            reason: SkipReason::NotASpreadsheet,
            detail: String::new(),
        }),
    })
}

fn relative(base: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(base).unwrap_or(path);
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().to_string())
        .collect();
    parts.join("/")
}
