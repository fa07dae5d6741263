//! Annotated registers (SPEC 3, `annotated/`): for each input workbook with findings, a copy with
//! the same sheets and values, the offending cells highlighted and a note giving rule and message,
//! so that staff can fix their own register. Inputs are never touched.
//!
//! This is the one renderer that reads the input files again: a copy needs every cell, and keeping
//! every cell of every register from the first pass would double the memory of a large run. Only
//! files with findings are read again, and a sheet longer than `report.annotate_max_rows` is copied
//! as its header and the rows with findings only, each with its original row number in a first
//! column.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rust_xlsxwriter::{Color, DocProperties, Format, FormatPattern, Note, Workbook, XlsxError};

use super::Report;
use crate::finding::{Finding, Severity};
use crate::inbox::{self, InboxFile, SheetRow, SheetSink};
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

/// All sheets of one file, as read.
#[derive(Default)]
struct Collected {
    sheets: Vec<(String, bool, Vec<SheetRow>)>,
}

impl SheetSink for Collected {
    fn begin_sheet(&mut self, sheet: &str, hidden: bool) -> bool {
        self.sheets.push((sheet.to_string(), hidden, Vec::new()));
        true
    }
    fn row(&mut self, row: SheetRow) {
        if let Some(last) = self.sheets.last_mut() {
            last.2.push(row);
        }
    }
    fn end_sheet(&mut self) {}
}

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

/// Writes the annotated copies into `out_dir/annotated/`; returns the files written.
pub fn write_all(report: &Report, out_dir: &Path, max_rows: u64) -> Result<Vec<PathBuf>, String> {
    let mut by_file: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    for f in &report.findings {
        by_file.entry(f.file.as_str()).or_default().push(f);
    }
    // Copies from an earlier run of the same month would be stale: start afresh.
    let dir = out_dir.join("annotated");
    if dir.is_dir() {
        std::fs::remove_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let mut written = Vec::new();
    for (rel, findings) in by_file {
        let path = report.inbox.join(rel);
        let path = if report.inbox.is_file() {
            report.inbox.parent().map(|p| p.join(rel)).unwrap_or(path)
        } else {
            path
        };
        let Some(format) = inbox::Format::of(&path) else {
            continue;
        };
        let file = InboxFile {
            path: path.clone(),
            rel: rel.to_string(),
            format,
        };
        let mut collected = Collected::default();
        if let Err(e) = inbox::read_file(&file, &mut collected) {
            return Err(format!("{rel}: {}", e.text(&report.text())));
        }
        let bytes = render(report, rel, &collected, &findings, max_rows).map_err(|e| format!("{rel}: {e}"))?;
        let out = target(out_dir, rel);
        super::write_atomically(&out, &bytes)?;
        written.push(out);
    }
    Ok(written)
}

fn render(
    report: &Report,
    rel: &str,
    collected: &Collected,
    findings: &[&Finding],
    max_rows: u64,
) -> Result<Vec<u8>, XlsxError> {
    let text = report.text();
    let mut book = Workbook::new();
    book.set_zip_compression_level(3);
    let created = report.as_of.and_time(chrono::NaiveTime::MIN);
    book.set_properties(&DocProperties::new().set_author("clerk").set_creation_datetime(&created));
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let datetime = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    let fills = |severity: Severity, base: &Format| {
        let color = match severity {
            Severity::Error => Color::RGB(0xFFC7CE),
            Severity::Warning => Color::RGB(0xFFEB9C),
            Severity::Info => Color::RGB(0xDDEBF7),
        };
        base.clone()
            .set_pattern(FormatPattern::Solid)
            .set_background_color(color)
    };
    for (name, hidden, rows) in &collected.sheets {
        let sheet = book.add_worksheet();
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
        if *hidden {
            sheet.set_hidden(true);
        }
        // Findings of this sheet, by (row, column).
        let mut notes: BTreeMap<(u32, u32), (Severity, Vec<String>)> = BTreeMap::new();
        for f in findings.iter().filter(|f| &f.sheet == name) {
            let col = column_index(&f.column).unwrap_or(0);
            let entry = notes.entry((f.row, col)).or_insert((f.severity, Vec::new()));
            entry.0 = entry.0.max(f.severity);
            entry.1.push(format!("{} {}", f.rule, f.message));
        }
        let input = report.inputs.iter().find(|i| i.file == rel && &i.sheet == name);
        let header_row = input.map(|i| i.header_row).unwrap_or(0);
        let partial = input.is_some_and(|i| i.rows as u64 > max_rows);
        let shift: u16 = if partial { 1 } else { 0 };
        let rows_with_findings: std::collections::BTreeSet<u32> = notes.keys().map(|(r, _)| *r).collect();
        let mut out_row: u32 = 0;
        if partial {
            let rows = input.map(|i| i.rows).unwrap_or(0).to_string();
            sheet.write_string(0, 0, text.fmt("annotate.partial", &[("rows", &rows)]))?;
            out_row = 1;
        }
        for row in rows {
            let keep = !partial || row.row <= header_row || rows_with_findings.contains(&row.row);
            if !keep {
                continue;
            }
            let r = if partial { out_row } else { row.row - 1 };
            out_row += 1;
            if partial {
                if row.row == header_row {
                    sheet.write_string(r, 0, text.get("annotate.row"))?;
                } else if row.row > header_row {
                    sheet.write_number(r, 0, row.row)?;
                }
            }
            for (c, cell) in row.cells.iter().enumerate() {
                let Ok(c) = u16::try_from(c) else { break };
                let Some(c) = c.checked_add(shift) else { break };
                let note = notes.get(&(row.row, u32::from(c - shift)));
                let plain = Format::new();
                let base = match cell {
                    RawCell::DateTime(dt) if dt.time() == chrono::NaiveTime::MIN => &date,
                    RawCell::DateTime(_) => &datetime,
                    _ => &plain,
                };
                let format = note.map(|(s, _)| fills(*s, base));
                let format = format.as_ref().unwrap_or(base);
                match cell {
                    RawCell::Empty => {
                        if note.is_some() {
                            sheet.write_blank(r, c, format)?;
                        }
                    }
                    RawCell::Text(t) => {
                        super::xlsx::put_text(sheet, r, c, t, format)?;
                    }
                    RawCell::Number(n) => {
                        sheet.write_number_with_format(r, c, *n, format)?;
                    }
                    RawCell::DateTime(dt) => {
                        sheet.write_datetime_with_format(r, c, *dt, format)?;
                    }
                    RawCell::Bool(b) => {
                        sheet.write_boolean_with_format(r, c, *b, format)?;
                    }
                    RawCell::Error(e) => {
                        sheet.write_string_with_format(r, c, e, format)?;
                    }
                }
            }
            // Findings on cells the row leaves empty (a blank required value).
            for ((_, col), (severity, _)) in notes.range((row.row, 0)..(row.row + 1, 0)) {
                let c = (*col as u16).saturating_add(shift);
                if row.cells.get(*col as usize).is_none_or(RawCell::is_blank) {
                    sheet.write_blank(r, c, &fills(*severity, &Format::new()))?;
                }
            }
            for ((_, col), (_, lines)) in notes.range((row.row, 0)..(row.row + 1, 0)) {
                let c = (*col as u16).saturating_add(shift);
                let note = Note::new(lines.join("\n"))
                    .set_author("clerk")
                    .set_width(320)
                    .set_height(120);
                sheet.insert_note(r, c, &note)?;
            }
        }
    }
    book.save_to_buffer()
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
