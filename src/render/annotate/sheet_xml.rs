//! The rows of a copy's sheets as clerk writes them, and their place in the saved copy.

use std::fmt::Write as _;

use super::look::Look;
use crate::read::Merge;

/// The rows of one sheet of a copy as clerk writes them: `<row>` elements whose cells carry a
/// mark for their [`Look`] ([`crate::render::ooxml::MARK`]). rust_xlsxwriter lays the sheet out (name,
/// visibility, the notes' parts) with one probe cell per look in column A; once the copy is
/// saved, [`complete`] puts these rows in place of the probes, each mark replaced by the style
/// number rust_xlsxwriter gave that look's probe.
#[derive(Default)]
pub(super) struct SheetXml {
    pub(super) rows: String,
    /// 0-based first row and column, last row and column, of the cells written.
    pub(super) bounds: Option<(u32, u16, u32, u16)>,
    /// Where the current row's XML starts, and whether it has a cell yet.
    pub(super) row_start: usize,
    pub(super) row_cells: bool,
    pub(super) row: u32,
    pub(super) columns: Vec<String>,
    /// The merged areas of a whole copy, as in the register.
    pub(super) merges: Vec<Merge>,
}

impl SheetXml {
    pub(super) fn begin_row(&mut self, row: u32) {
        self.row_start = self.rows.len();
        self.row_cells = false;
        self.row = row;
        self.rows.push_str("<row r=\"");
        crate::render::ooxml::push_int(&mut self.rows, row + 1);
        self.rows.push_str("\">");
    }

    /// Ends the row; a row without cells is not written (as rust_xlsxwriter does not).
    pub(super) fn end_row(&mut self) {
        match self.row_cells {
            true => self.rows.push_str("</row>"),
            false => self.rows.truncate(self.row_start),
        }
    }

    pub(super) fn start_cell(&mut self, col: u16, look: Look) {
        let (row, at) = (self.row, usize::from(col));
        while self.columns.len() <= at {
            self.columns
                .push(crate::read::column_letters(self.columns.len() as u32));
        }
        let index = (look != Look::PLAIN).then(|| look.index());
        crate::render::ooxml::cell_start(&mut self.rows, &self.columns[at], row + 1, index);
        self.row_cells = true;
        self.bounds = Some(match self.bounds {
            None => (row, col, row, col),
            Some((r1, c1, r2, c2)) => (r1.min(row), c1.min(col), r2.max(row), c2.max(col)),
        });
    }

    /// Text as rust_xlsxwriter writes a string: none when empty, unless it has a format (then a
    /// blank cell with it).
    pub(super) fn text(&mut self, col: u16, look: Look, text: &str) {
        if text.is_empty() {
            if look != Look::PLAIN {
                self.blank(col, look);
            }
            return;
        }
        self.start_cell(col, look);
        crate::render::ooxml::inline_text(&mut self.rows, text);
    }

    pub(super) fn number(&mut self, col: u16, look: Look, number: f64) {
        self.start_cell(col, look);
        crate::render::ooxml::number_end(&mut self.rows, number);
    }

    pub(super) fn boolean(&mut self, col: u16, look: Look, value: bool) {
        self.start_cell(col, look);
        self.rows.push_str(if value {
            " t=\"b\"><v>1</v></c>"
        } else {
            " t=\"b\"><v>0</v></c>"
        });
    }

    pub(super) fn blank(&mut self, col: u16, look: Look) {
        self.start_cell(col, look);
        self.rows.push_str("/>");
    }

    /// The sheet's `<mergeCells>` (none without merged areas).
    pub(super) fn merge_cells(&self) -> String {
        if self.merges.is_empty() {
            return String::new();
        }
        let cell = |r: u32, c: u32| format!("{}{}", crate::read::column_letters(c), r + 1);
        let mut xml = format!("<mergeCells count=\"{}\">", self.merges.len());
        for &(r1, c1, r2, c2) in &self.merges {
            let _ = write!(xml, "<mergeCell ref=\"{}:{}\"/>", cell(r1, c1), cell(r2, c2));
        }
        xml.push_str("</mergeCells>");
        xml
    }

    /// The `<dimension>` range of the cells written, as rust_xlsxwriter gives it.
    pub(super) fn dimension(&self) -> String {
        let cell = |r: u32, c: u16| format!("{}{}", crate::read::column_letters(u32::from(c)), r + 1);
        match self.bounds {
            None => "A1".to_string(),
            Some((r1, c1, r2, c2)) if (r1, c1) == (r2, c2) => cell(r1, c1),
            Some((r1, c1, r2, c2)) => format!("{}:{}", cell(r1, c1), cell(r2, c2)),
        }
    }
}

/// `book` (a copy as rust_xlsxwriter saved it, with probe cells) with the rows of `sheets`, the
/// copy's sheets in order.
pub(super) fn complete(book: Vec<u8>, sheets: &[SheetXml]) -> Result<Vec<u8>, String> {
    let mut parts = Vec::new();
    for (i, sheet) in sheets.iter().enumerate() {
        let name = format!("xl/worksheets/sheet{}.xml", i + 1);
        let xml = crate::render::ooxml::read_part(&book, &name)?;
        let styles = (0..Look::COUNT)
            .map(|k| crate::render::ooxml::style_of(&xml, &format!("A{}", k + 1)))
            .collect::<Option<Vec<String>>>()
            .ok_or_else(|| format!("{name}: no probe cells"))?;
        let (Some(start), Some(end)) = (xml.find("<sheetData>"), xml.find("</sheetData>")) else {
            return Err(format!("{name}: no sheet data"));
        };
        let head = crate::render::ooxml::with_dimension(&xml[..start], &sheet.dimension());
        // The merged areas come right after the rows (the placeholder has nothing between them).
        let tail = format!("{}{}", sheet.merge_cells(), &xml[end + "</sheetData>".len()..]);
        parts.push((name, head, styles, tail));
    }
    let names: Vec<&str> = parts.iter().map(|(name, ..)| name.as_str()).collect();
    crate::render::ooxml::rewrite_parts(book, &names, |name, out| {
        let Some(i) = parts.iter().position(|(n, ..)| n == name) else {
            return Ok(());
        };
        let (_, head, styles, tail) = &parts[i];
        out.write_all(head.as_bytes())?;
        match sheets[i].rows.is_empty() {
            true => out.write_all(b"<sheetData/>")?,
            false => {
                out.write_all(b"<sheetData>")?;
                crate::render::ooxml::write_marked(out, sheets[i].rows.as_bytes(), styles)?;
                out.write_all(b"</sheetData>")?;
            }
        }
        out.write_all(tail.as_bytes())
    })
    .map_err(|e| format!("the rows could not be written: {e}"))
}
