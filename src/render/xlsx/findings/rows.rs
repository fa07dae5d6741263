//! The Findings sheet's rows, written as XML straight into the saved workbook: a visitor of the
//! declared table ([`super::FindingsTable`]) that gives each cell the style rust_xlsxwriter gave
//! its probe, colours the severities and links each finding's cell to the register's.

use std::cell::RefCell;
use std::io::Write;

use unicode_width::UnicodeWidthStr;

use super::{Findings, FindingsTable, Styles};
use crate::registers::Location;
use crate::render::ooxml::{inline_text, push_int, push_points};
use crate::render::xlsx::cell::{looks_like_formula, Cell};
use crate::render::xlsx::table::{Column, Columns, Table, Width};
use crate::rules::finding::{Finding, Severity};

/// The longest link location Excel takes.
const MAX_LOCATION: usize = 2_080;

/// The tallest row Excel takes, in points.
const MAX_ROW_HEIGHT: f64 = 409.0;

/// The column letters of the sheet's columns (ten, and two more with a history).
pub(super) const COLUMNS: &[u8; 12] = b"ABCDEFGHIJKL";

/// A finding's link: the row (1-based), the probe row of its file, and its place in the file.
pub(super) struct Link {
    pub(super) row: u32,
    pub(super) file: u32,
    pub(super) location: String,
}

impl Findings<'_> {
    /// Writes one `<row>` per finding (the first `rows`), numbered from 2, keeping their links.
    pub(super) fn write_rows(
        &self,
        out: &mut dyn Write,
        styles: &Styles,
        rows: usize,
        links: &mut Vec<Link>,
    ) -> std::io::Result<()> {
        let said = RefCell::new(String::new());
        let table = FindingsTable {
            wording: &self.wording,
            said: Some(&said),
        };
        let mut xml = String::with_capacity(8192);
        for (place, finding) in self.report.findings.iter().take(rows).enumerate() {
            let r = place as u32 + 2;
            xml.clear();
            *said.borrow_mut() = self.wording.text.render(&finding.message);
            self.row_start(&mut xml, r, &said.borrow());
            let mut cells = FindingCells {
                finding,
                place,
                col: 0,
                r,
                xml: &mut xml,
                styles,
                links,
                sheet: self,
            };
            table.columns(&mut cells);
            xml.push_str("</row>");
            out.write_all(xml.as_bytes())?;
        }
        Ok(())
    }

    /// The `<row>` tag of a finding's row. Wrapped messages get the height of their lines: Excel
    /// grows such rows on its own, LibreOffice and printing do not. (Excel's rows end at 409
    /// points.)
    fn row_start(&self, xml: &mut String, r: u32, message: &str) {
        let lines = (UnicodeWidthStr::width(message) as f64 / self.message_width).ceil();
        xml.push_str("<row r=\"");
        push_int(xml, r);
        if lines > 1.0 {
            // Points as rust_xlsxwriter stores them (whole pixels).
            let pixels = ((15.0 * lines).min(MAX_ROW_HEIGHT) * 4.0 / 3.0).round() as u32;
            xml.push_str("\" ht=\"");
            push_points(xml, pixels);
            xml.push_str("\" customHeight=\"1\">");
        } else {
            xml.push_str("\">");
        }
    }
}

/// Writes the cells of one finding's row.
struct FindingCells<'x, 'r> {
    finding: &'r Finding,
    place: usize,
    col: usize,
    /// The sheet's row (1-based).
    r: u32,
    xml: &'x mut String,
    styles: &'x Styles,
    links: &'x mut Vec<Link>,
    sheet: &'x Findings<'x>,
}

impl FindingCells<'_, '_> {
    fn next(&mut self) -> usize {
        self.col += 1;
        self.col - 1
    }
}

impl<'r> Columns<'r, Finding> for FindingCells<'_, 'r> {
    fn place(&self) -> usize {
        self.place
    }

    /// Text, in its column's format (the Findings table holds text only).
    fn cell(&mut self, column: Column, value: impl Fn(&'r Finding) -> Cell<'r>) {
        let col = self.next();
        let Cell::Text(text) = value(self.finding) else { return };
        let s = self.styles;
        let (plain, quoted) = match column.width {
            Width::Wrap { .. } => (s.wrap, s.wrap_quoted),
            _ => (s.top, s.top_quoted),
        };
        let style = if looks_like_formula(&text) { quoted } else { plain };
        cell(self.xml, col, self.r, style, &text);
    }

    fn severity(&mut self, _: impl Into<Column>, value: impl Fn(&'r Finding) -> (Severity, &'r str)) {
        let col = self.next();
        let (severity, text) = value(self.finding);
        let style = match severity {
            Severity::Error => self.styles.error,
            Severity::Warning => self.styles.warning,
            Severity::Info => self.styles.top,
        };
        cell(self.xml, col, self.r, style, text);
    }

    /// The cell's reference, linked to the cell while the sheet has links to spare.
    fn link(&mut self, _: impl Into<Column>, value: impl Fn(&'r Finding) -> &'r Location) {
        let col = self.next();
        let location = value(self.finding);
        let place = location.cell();
        let file = match self.links.len() < self.sheet.max_links && location.is_linkable() {
            true => self.sheet.files.get(location.file.as_str()),
            false => None,
        };
        let target = file.map(|&file| (file, format!("'{}'!{place}", location.sheet.replace('\'', "''"))));
        match target {
            Some((file, location)) if location.encode_utf16().count() <= MAX_LOCATION => {
                cell(self.xml, col, self.r, self.styles.link, &place);
                self.links.push(Link {
                    row: self.r,
                    file,
                    location,
                });
            }
            _ => cell(self.xml, col, self.r, self.styles.top, &place),
        }
    }
}

/// One `<c>` with inline text, as rust_xlsxwriter writes it; none for empty text (as
/// rust_xlsxwriter leaves out an empty string without a format of its own).
fn cell(out: &mut String, col: usize, row: u32, style: u32, text: &str) {
    if text.is_empty() {
        return;
    }
    out.push_str("<c r=\"");
    out.push(COLUMNS[col] as char);
    push_int(out, row);
    out.push('"');
    if style > 0 {
        out.push_str(" s=\"");
        push_int(out, style);
        out.push('"');
    }
    inline_text(out, text);
}
