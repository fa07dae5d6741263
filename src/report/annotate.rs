//! Annotated registers (SPEC 3, `annotated/`): for each input workbook with findings, a copy with
//! the same sheets and values, the offending cells highlighted and a note giving rule and message,
//! so that staff can fix their own register. Inputs are never touched.
//!
//! A copy needs every cell, not only the typed values of the register columns: `run` keeps each
//! sheet's rows as first read ([`crate::kept`]), so the inputs are read once. A sheet longer than
//! `report.annotate_max_rows` is copied as its header and the rows with findings only, each with
//! its original row number in a first column. Each copy is written straight from the kept rows,
//! on whichever core is free.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rust_xlsxwriter::{Color, DocProperties, Format, FormatPattern, Workbook, Worksheet, XlsxError};

use super::Report;
use crate::finding::{Finding, Severity};
use crate::inbox::{SheetRow, SheetSink};
use crate::kept::KeptSheet;
use crate::value::RawCell;

/// Catalogue texts of the annotated copies.
pub static TEXTS: &[(&str, [&str; 3])] = &[
    ("annotate.row", ["Row in the register", "原表行號", "原表行号"]),
    (
        "annotate.partial",
        [
            "This register has {rows} rows; the copy holds its header and the rows with findings only.",
            "此台帳共 {rows} 行;副本只保留表頭和有問題的行。",
            "此台账共 {rows} 行;副本只保留表头和有问题的行。",
        ],
    ),
];

/// 0-based column of a finding's column (letters, or a CSV column number).
fn column_index(column: &str) -> Option<u32> {
    if column.is_empty() {
        return None;
    }
    if let Ok(n) = column.parse::<u32>() {
        return n.checked_sub(1);
    }
    let mut n: u32 = 0;
    for c in column.chars() {
        if !c.is_ascii_uppercase() {
            return None;
        }
        n = n.checked_mul(26)?.checked_add(u32::from(c as u8 - b'A') + 1)?;
    }
    n.checked_sub(1)
}

/// Where the copy of `rel` goes: same folders, `.xlsx`.
fn target(dir: &Path, rel: &str) -> PathBuf {
    let mut path = dir.join("annotated");
    for part in rel.split('/') {
        path.push(part);
    }
    match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase) {
        Some(ext) if ext == "xlsx" => path,
        Some(ext) => {
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().to_string())
                .unwrap_or_default();
            path.with_file_name(format!("{stem}.{ext}.xlsx"))
        }
        None => path.with_extension("xlsx"),
    }
}

/// One annotated copy to write: an input file with findings, and its findings.
pub struct AnnotatedCopy<'a> {
    rel: &'a str,
    findings: Vec<&'a Finding>,
    /// The file's rows as first read.
    kept: Vec<KeptSheet>,
}

impl AnnotatedCopy<'_> {
    /// How many findings the copy marks (the larger, the longer it takes to write).
    pub fn findings(&self) -> usize {
        self.findings.len()
    }
}

/// The copies to write, one per input file with findings, in file order, each taking its kept
/// rows out of `kept`. Copies from an earlier run of the same month would be stale: the
/// `annotated/` folder is emptied first.
pub fn plan<'a>(
    report: &'a Report,
    out_dir: &Path,
    kept: &mut BTreeMap<String, Vec<KeptSheet>>,
) -> Result<Vec<AnnotatedCopy<'a>>, String> {
    let mut by_file: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    for f in &report.findings {
        by_file.entry(f.file.as_str()).or_default().push(f);
    }
    let dir = out_dir.join("annotated");
    if dir.is_dir() {
        std::fs::remove_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    Ok(by_file
        .into_iter()
        .filter_map(|(rel, findings)| {
            let kept = kept.remove(rel)?;
            Some(AnnotatedCopy { rel, findings, kept })
        })
        .collect())
}

/// Writes one annotated copy into `out_dir/annotated/`; returns its path.
pub fn write(report: &Report, copy: &AnnotatedCopy, out_dir: &Path, max_rows: u64) -> Result<PathBuf, String> {
    let rel = copy.rel;
    let _t = crate::timing::Phase::start(format!("annotated {rel}"));
    let mut copier = Copier::new(report, rel, &copy.findings, max_rows);
    for sheet in &copy.kept {
        copier.begin_sheet(&sheet.name, sheet.hidden);
        sheet.replay(&mut copier);
        copier.end_sheet();
    }
    let bytes = copier.finish().map_err(|e| format!("{rel}: {e}"))?;
    let out = target(out_dir, rel);
    super::write_atomically(&out, &bytes)?;
    Ok(out)
}

/// The fill of a cell with findings: red, amber or blue by the most severe of them.
fn fill(severity: Severity, base: &Format) -> Format {
    let color = match severity {
        Severity::Error => Color::RGB(0xFFC7CE),
        Severity::Warning => Color::RGB(0xFFEB9C),
        Severity::Info => Color::RGB(0xDDEBF7),
    };
    base.clone()
        .set_pattern(FormatPattern::Solid)
        .set_background_color(color)
}

/// The sheet being copied.
struct SheetCopy {
    sheet: Worksheet,
    /// Findings of this sheet by (row, 0-based column): the most severe, and each rule + message.
    notes: BTreeMap<(u32, u32), (Severity, Vec<String>)>,
    header_row: u32,
    /// Only the header and the rows with findings are kept, each after its original row number.
    partial: bool,
    /// The next row of the copy (partial copies only).
    out_row: u32,
}

/// Receives one input file's kept rows and writes them straight into the copy; the rows a partial
/// copy leaves out are stepped over without being built.
struct Copier<'a> {
    report: &'a Report,
    rel: &'a str,
    findings: &'a [&'a Finding],
    max_rows: u64,
    book: Workbook,
    current: Option<SheetCopy>,
    date: Format,
    datetime: Format,
    /// The notes of the findings, written with the copy ([`super::notes`]).
    notes: super::notes::CopyNotes,
    /// The first error from the workbook writer; the copy stops there.
    error: Option<XlsxError>,
}

impl<'a> Copier<'a> {
    fn new(report: &'a Report, rel: &'a str, findings: &'a [&'a Finding], max_rows: u64) -> Self {
        let mut book = Workbook::new();
        book.set_zip_compression_level(3);
        let created = report.as_of.and_time(chrono::NaiveTime::MIN);
        book.set_properties(&DocProperties::new().set_author("clerk").set_creation_datetime(&created));
        // Rows and columns of the copy are those of the register (less one, 0-based), or fewer.
        let by_library = findings.iter().any(|f| {
            let col = column_index(&f.column).unwrap_or(0);
            super::notes::placed_by_library(f.row.saturating_sub(1), col.saturating_add(1))
        });
        Copier {
            report,
            rel,
            findings,
            max_rows,
            book,
            notes: super::notes::CopyNotes::new(by_library),
            current: None,
            date: Format::new().set_num_format("yyyy-mm-dd"),
            datetime: Format::new().set_num_format("yyyy-mm-dd hh:mm"),
            error: None,
        }
    }

    fn start(&mut self, name: &str, hidden: bool) -> Result<SheetCopy, XlsxError> {
        let mut sheet = Worksheet::new();
        // Sheet names are valid in the source workbook; CSV stems may not be.
        if sheet.set_name(name).is_err() {
            let safe: String = name
                .chars()
                .filter(|c| !"[]:*?/\\".contains(*c))
                .take(31)
                .collect::<String>()
                .trim_matches('\'')
                .to_string();
            let _ = sheet.set_name(if safe.is_empty() { "Sheet" } else { &safe });
        }
        if hidden {
            sheet.set_hidden(true);
        }
        let mut notes: BTreeMap<(u32, u32), (Severity, Vec<String>)> = BTreeMap::new();
        for f in self.findings.iter().filter(|f| f.sheet == name) {
            let col = column_index(&f.column).unwrap_or(0);
            let entry = notes.entry((f.row, col)).or_insert((f.severity, Vec::new()));
            entry.0 = entry.0.max(f.severity);
            entry.1.push(format!("{} {}", f.rule, f.message));
        }
        let input = self
            .report
            .inputs
            .iter()
            .find(|i| i.file == self.rel && i.sheet == name);
        let header_row = input.map(|i| i.header_row).unwrap_or(0);
        let partial = input.is_some_and(|i| i.rows as u64 > self.max_rows);
        let mut out_row = 0;
        if partial {
            let rows = input.map(|i| i.rows).unwrap_or(0).to_string();
            let text = self.report.text();
            sheet.write_string(0, 0, text.fmt("annotate.partial", &[("rows", &rows)]))?;
            out_row = 1;
        }
        self.notes.begin_sheet();
        Ok(SheetCopy {
            sheet,
            notes,
            header_row,
            partial,
            out_row,
        })
    }

    fn write(&mut self, copy: &mut SheetCopy, row: &SheetRow) -> Result<(), XlsxError> {
        let shift: u16 = if copy.partial { 1 } else { 0 };
        let sheet = &mut copy.sheet;
        let r = if copy.partial { copy.out_row } else { row.row - 1 };
        copy.out_row += 1;
        if copy.partial {
            if row.row == copy.header_row {
                sheet.write_string(r, 0, self.report.text().get("annotate.row"))?;
            } else if row.row > copy.header_row {
                sheet.write_number(r, 0, row.row)?;
            }
        }
        let notes = &copy.notes;
        for (c, cell) in row.cells.iter().enumerate() {
            let Ok(c) = u16::try_from(c) else { break };
            let Some(c) = c.checked_add(shift) else { break };
            let note = notes.get(&(row.row, u32::from(c - shift)));
            let base = match cell {
                RawCell::DateTime(dt) if dt.time() == chrono::NaiveTime::MIN => Some(&self.date),
                RawCell::DateTime(_) => Some(&self.datetime),
                _ => None,
            };
            let filled = note.map(|(s, _)| fill(*s, base.unwrap_or(&Format::new())));
            match (cell, filled.as_ref().or(base)) {
                (RawCell::Empty, Some(format)) => {
                    sheet.write_blank(r, c, format)?;
                }
                (RawCell::Empty, None) => {}
                (RawCell::Text(t), None) if !super::xlsx::looks_like_formula(t) => {
                    sheet.write_string(r, c, t)?;
                }
                (RawCell::Text(t), format) => {
                    super::xlsx::put_text(sheet, r, c, t, format.unwrap_or(&Format::new()))?;
                }
                (RawCell::Number(n), Some(format)) => {
                    sheet.write_number_with_format(r, c, *n, format)?;
                }
                (RawCell::Number(n), None) => {
                    sheet.write_number(r, c, *n)?;
                }
                (RawCell::DateTime(dt), format) => {
                    sheet.write_datetime_with_format(r, c, *dt, format.unwrap_or(&self.date))?;
                }
                (RawCell::Bool(b), Some(format)) => {
                    sheet.write_boolean_with_format(r, c, *b, format)?;
                }
                (RawCell::Bool(b), None) => {
                    sheet.write_boolean(r, c, *b)?;
                }
                (RawCell::Error(e), Some(format)) => {
                    sheet.write_string_with_format(r, c, e, format)?;
                }
                (RawCell::Error(e), None) => {
                    sheet.write_string(r, c, e)?;
                }
            }
        }
        // Findings on cells the row leaves empty (a blank required value).
        for ((_, col), (severity, _)) in notes.range((row.row, 0)..(row.row + 1, 0)) {
            let c = (*col as u16).saturating_add(shift);
            if row.cells.get(*col as usize).is_none_or(RawCell::is_blank) {
                sheet.write_blank(r, c, &fill(*severity, &Format::new()))?;
            }
        }
        for ((_, col), (_, lines)) in notes.range((row.row, 0)..(row.row + 1, 0)) {
            let c = (*col as u16).saturating_add(shift);
            self.notes.add(sheet, r, c, lines.join("\n"))?;
        }
        Ok(())
    }

    fn finish(mut self) -> Result<Vec<u8>, String> {
        self.end_sheet();
        if let Some(e) = self.error.take() {
            return Err(e.to_string());
        }
        let book = self.book.save_to_buffer().map_err(|e| e.to_string())?;
        self.notes.complete(book)
    }
}

impl SheetSink for Copier<'_> {
    fn begin_sheet(&mut self, sheet: &str, hidden: bool) -> bool {
        self.end_sheet();
        match self.start(sheet, hidden) {
            Ok(copy) => self.current = Some(copy),
            Err(e) => {
                self.error.get_or_insert(e);
            }
        }
        true
    }

    fn wants_row(&self, row: u32) -> bool {
        match &self.current {
            Some(copy) if copy.partial => {
                row <= copy.header_row || copy.notes.range((row, 0)..(row + 1, 0)).next().is_some()
            }
            Some(_) => true,
            None => false,
        }
    }

    fn row(&mut self, row: SheetRow) {
        if !self.wants_row(row.row) {
            return;
        }
        let Some(mut copy) = self.current.take() else { return };
        if let Err(e) = self.write(&mut copy, &row) {
            self.error.get_or_insert(e);
        }
        self.current = Some(copy);
    }

    fn end_sheet(&mut self) {
        if let Some(copy) = self.current.take() {
            self.book.push_worksheet(copy.sheet);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_by_letters_or_number() {
        assert_eq!(column_index("A"), Some(0));
        assert_eq!(column_index("AA"), Some(26));
        assert_eq!(column_index("3"), Some(2));
        assert_eq!(column_index(""), None);
    }

    #[test]
    fn copies_keep_folders_and_become_xlsx() {
        let d = Path::new("/r");
        assert_eq!(target(d, "a/b.xlsx"), PathBuf::from("/r/annotated/a/b.xlsx"));
        assert_eq!(target(d, "a/b.ods"), PathBuf::from("/r/annotated/a/b.ods.xlsx"));
        assert_eq!(target(d, "v.csv"), PathBuf::from("/r/annotated/v.csv.xlsx"));
    }
}
