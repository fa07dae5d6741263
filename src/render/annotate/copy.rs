//! Copying one input file: its kept rows replayed into the copy, each cell in its look, each
//! finding's cell filled and noted.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use rust_xlsxwriter::{DocProperties, IntoExcelDateTime, Workbook, Worksheet, XlsxError};

use super::look::Look;
use super::merges::Merges;
use super::plan::{in_part, shown_in_part};
use super::sheet_xml::{complete, SheetXml};
use super::Writer;
use crate::read::RawCell;
use crate::read::{Merge, SheetRow, SheetSink};
use crate::report::Report;
use crate::rules::finding::{Finding, Severity};

/// The sheet being copied.
pub(super) struct SheetCopy {
    pub(super) sheet: Worksheet,
    /// Findings of this sheet by (row, 0-based column): the most severe, and each rule + message.
    pub(super) notes: BTreeMap<(u32, u32), (Severity, Vec<String>)>,
    pub(super) header_row: u32,
    /// Only the header and the rows with findings are kept, each after its original row number.
    pub(super) partial: bool,
    /// The next row of the copy (partial copies only).
    pub(super) out_row: u32,
    pub(super) rows: SheetXml,
    pub(super) merges: Merges,
    pub(super) widths: crate::render::xlsx::widths::Widths,
    /// A number as text, for its width.
    pub(super) number: String,
}

impl SheetCopy {
    /// Widens the copy's columns to the row's values (an area's value spans its columns).
    pub(super) fn fit(&mut self, row: &SheetRow, label: &str) {
        let shift: u16 = if self.partial { 1 } else { 0 };
        if self.partial {
            match row.row.cmp(&self.header_row) {
                std::cmp::Ordering::Equal => self.widths.fit(0, label),
                std::cmp::Ordering::Greater => self.widths.fit(0, &row.row.to_string()),
                std::cmp::Ordering::Less => {}
            }
        }
        let row0 = row.row - 1;
        for (c, cell) in row.cells.iter().enumerate() {
            let Ok(c) = u16::try_from(c) else { break };
            let Some(col) = c.checked_add(shift) else { break };
            let area = self.merges.area(row0, u32::from(c));
            if area.is_some_and(|m| m.3 > m.1 || (m.0, m.1) != (row0, u32::from(c))) {
                continue;
            }
            match cell {
                RawCell::Text(t) => self.widths.fit(col, t),
                RawCell::Error(t) => self.widths.fit(col, t),
                RawCell::Number(n) => {
                    self.number.clear();
                    let _ = write!(self.number, "{n}");
                    self.widths.fit(col, &self.number);
                }
                RawCell::DateTime(dt) if dt.time() == chrono::NaiveTime::MIN => self.widths.fit(col, "2026-10-31"),
                RawCell::DateTime(_) => self.widths.fit(col, "2026-10-31 23:59"),
                RawCell::Bool(_) => self.widths.fit(col, "FALSE"),
                RawCell::Empty => {}
            }
        }
    }
}

/// Receives one input file's kept rows and writes them straight into the copy; the rows a partial
/// copy leaves out are stepped over without being built.
pub(super) struct Copier<'a> {
    pub(super) report: &'a Report,
    pub(super) rel: &'a str,
    pub(super) findings: &'a [&'a Finding],
    pub(super) max_rows: u64,
    pub(super) writer: Writer,
    pub(super) book: Workbook,
    /// The sheet being copied (boxed: it is taken out and put back for every row).
    pub(super) current: Option<Box<SheetCopy>>,
    /// The rows of the sheets done, in order.
    pub(super) sheets: Vec<SheetXml>,
    /// The notes of the findings, written with the copy ([`crate::render::notes`]).
    pub(super) notes: crate::render::notes::CopyNotes,
    /// The first error from the workbook writer; the copy stops there.
    pub(super) error: Option<XlsxError>,
    /// The heading of a partial copy's first column.
    pub(super) row_label: String,
}

impl<'a> Copier<'a> {
    pub(super) fn new(
        report: &'a Report,
        rel: &'a str,
        findings: &'a [&'a Finding],
        max_rows: u64,
        writer: Writer,
    ) -> Self {
        let mut book = Workbook::new();
        book.set_zip_compression_level(3);
        let created = report.as_of.and_time(chrono::NaiveTime::MIN);
        book.set_properties(&DocProperties::new().set_author("clerk").set_creation_datetime(&created));
        // Rows and columns of the copy are those of the register (less one, 0-based), or fewer.
        let by_library = findings.iter().any(|f| {
            let col = f.location.column.unwrap_or(0);
            crate::render::notes::placed_by_library(f.location.row.saturating_sub(1), col.saturating_add(1))
        });
        Copier {
            report,
            rel,
            findings,
            max_rows,
            writer,
            book,
            notes: crate::render::notes::CopyNotes::new(by_library),
            current: None,
            sheets: Vec::new(),
            error: None,
            row_label: report.text().get("annotate.row"),
        }
    }

    pub(super) fn start(&mut self, name: &str, hidden: bool) -> Result<SheetCopy, XlsxError> {
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
        if self.writer == Writer::Clerk {
            for (k, look) in Look::all().enumerate() {
                sheet.write_string_with_format(k as u32, 0, "x", &look.format())?;
            }
        }
        let notes = super::sheet_notes(self.findings, name, &self.report.text());
        let input = self
            .report
            .inputs
            .iter()
            .find(|i| i.file == self.rel && i.sheet == name);
        let header_row = input.map(|i| i.header_row).unwrap_or(0);
        let partial = input.is_some_and(|i| in_part(i.rows, self.max_rows));
        let mut copy = SheetCopy {
            sheet,
            notes,
            header_row,
            partial,
            out_row: 0,
            rows: SheetXml::default(),
            merges: Merges::default(),
            widths: crate::render::xlsx::widths::Widths::new(),
            number: String::new(),
        };
        if partial {
            let rows = input.map(|i| i.rows).unwrap_or(0).to_string();
            let line = self.report.text().fmt("annotate.partial", &[("rows", &rows)]);
            match self.writer {
                Writer::Clerk => {
                    copy.rows.begin_row(0);
                    copy.rows.text(0, Look::PLAIN, &line);
                    copy.rows.end_row();
                }
                #[cfg(test)]
                Writer::Library => drop(copy.sheet.write_string(0, 0, line)?),
            }
            copy.out_row = 1;
        }
        self.notes.begin_sheet();
        Ok(copy)
    }

    /// Writes a row of the register into the copy, with the fills and notes of its findings.
    pub(super) fn write(&mut self, copy: &mut SheetCopy, row: &SheetRow) -> Result<(), XlsxError> {
        let header = copy.header_row > 0 && row.row == copy.header_row;
        if header {
            // Frozen below the header, as registers usually are.
            let r = if copy.partial { copy.out_row } else { row.row - 1 };
            copy.sheet.set_freeze_panes(r + 1, 0)?;
        }
        #[cfg(test)]
        if self.writer == Writer::Library {
            return super::tests::write_with_library(self.report, &mut self.notes, copy, row);
        }
        let shift: u16 = if copy.partial { 1 } else { 0 };
        let r = if copy.partial { copy.out_row } else { row.row - 1 };
        copy.out_row += 1;
        // A sheet holds no more (a CSV can have more lines): the copy fails, as rust_xlsxwriter
        // would fail it.
        let last_col = row.cells.len().saturating_add(usize::from(shift));
        if r >= crate::render::notes::ROW_MAX || last_col > usize::from(crate::render::notes::COL_MAX) {
            return Err(XlsxError::RowColumnLimitError);
        }
        let out = &mut copy.rows;
        out.begin_row(r);
        if copy.partial {
            if row.row == copy.header_row {
                out.text(0, Look::HEADER, &self.row_label);
            } else if row.row > copy.header_row {
                out.number(0, Look::PLAIN, f64::from(row.row));
            }
        }
        let notes = &copy.notes;
        // The row's findings by column, looked up once (most rows have none), not cell by cell.
        let fills: Vec<(u32, Severity)> = notes
            .range((row.row, 0)..(row.row + 1, 0))
            .map(|(&(_, col), (severity, _))| (col, *severity))
            .collect();
        for (c, cell) in row.cells.iter().enumerate() {
            let Ok(c) = u16::try_from(c) else { break };
            let Some(c) = c.checked_add(shift) else { break };
            let fill = fills
                .iter()
                .find(|(col, _)| *col == u32::from(c - shift))
                .map(|(_, severity)| *severity);
            let look = Look::of(cell, fill, header);
            let away = copy.merges.away(row.row - 1, u32::from(c - shift));
            match cell {
                _ if away && fill.is_none() => {}
                // A blank cell with findings is shown filled, whatever blank it held.
                _ if fill.is_some() && (away || cell.is_blank()) => out.blank(c, Look { quoted: false, ..look }),
                RawCell::Empty => {}
                RawCell::Text(t) => out.text(c, look, t),
                RawCell::Number(n) => out.number(c, look, *n),
                RawCell::DateTime(dt) => out.number(c, look, dt.to_excel_serial_date()),
                RawCell::Bool(b) => out.boolean(c, look, *b),
                RawCell::Error(e) => out.text(c, look, e),
            }
        }
        // Findings on cells past the end of the row (a blank required value).
        for &(col, severity) in &fills {
            if col as usize >= row.cells.len() {
                let look = Look {
                    fill: Some(severity),
                    header,
                    ..Look::PLAIN
                };
                out.blank((col as u16).saturating_add(shift), look);
            }
        }
        out.end_row();
        for ((_, col), (_, lines)) in notes.range((row.row, 0)..(row.row + 1, 0)) {
            let c = (*col as u16).saturating_add(shift);
            self.notes.add(&mut copy.sheet, r, c, lines.join("\n"))?;
        }
        Ok(())
    }

    pub(super) fn finish(mut self) -> Result<Vec<u8>, String> {
        self.end_sheet();
        if let Some(e) = self.error.take() {
            return Err(e.to_string());
        }
        let book = self.book.save_to_buffer().map_err(|e| e.to_string())?;
        let book = self.notes.complete(book)?;
        match self.writer {
            Writer::Clerk => complete(book, &self.sheets),
            #[cfg(test)]
            Writer::Library => Ok(super::tests::with_merges(book, &self.sheets)),
        }
    }
}

impl SheetSink for Copier<'_> {
    fn begin_sheet(&mut self, sheet: &str, hidden: bool) -> bool {
        self.end_sheet();
        match self.start(sheet, hidden) {
            Ok(copy) => self.current = Some(Box::new(copy)),
            Err(e) => {
                self.error.get_or_insert(e);
            }
        }
        true
    }

    fn wants_row(&self, row: u32) -> bool {
        match &self.current {
            Some(copy) if copy.partial => shown_in_part(row, copy.header_row, |row| {
                copy.notes.range((row, 0)..(row + 1, 0)).next().is_some()
            }),
            Some(_) => true,
            None => false,
        }
    }

    fn merged_areas(&mut self, areas: &[Merge]) {
        // A copy of some rows only has none (its rows are not where they were).
        let Some(copy) = self.current.as_mut().filter(|copy| !copy.partial) else {
            return;
        };
        copy.merges = Merges::new(areas);
    }

    fn row(&mut self, row: SheetRow) {
        if !self.wants_row(row.row) {
            return;
        }
        let Some(mut copy) = self.current.take() else { return };
        copy.merges.reach(row.row - 1);
        copy.fit(&row, &self.row_label);
        if let Err(e) = self.write(&mut copy, &row) {
            self.error.get_or_insert(e);
        }
        self.current = Some(copy);
    }

    fn end_sheet(&mut self) {
        if let Some(mut copy) = self.current.take() {
            if let Err(e) = copy.widths.apply(&mut copy.sheet) {
                self.error.get_or_insert(e);
            }
            self.book.push_worksheet(copy.sheet);
            copy.rows.merges = copy.merges.areas;
            self.sheets.push(copy.rows);
        }
    }
}
