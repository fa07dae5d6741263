//! The notes of an annotated copy, written as the copy's comment and drawing parts directly.
//!
//! rust_xlsxwriter keeps each note as a full `Note` (its own `Format`) in a map per row and copies
//! that map twice while saving: about 10 KB of memory per note. A copy of a large register with
//! tens of thousands of findings spent three quarters of its time and most of the run's memory on
//! its notes. So the copy gives rust_xlsxwriter the first note of each sheet only — the workbook
//! then has every part, relation and content type a sheet with notes needs — and the comments
//! (`xl/commentsN.xml`) and their shapes (`xl/drawings/vmlDrawingN.vml`) are written here with all
//! the notes, in the very form rust_xlsxwriter gives them (a test compares the two part by part).
//!
//! The shapes are placed as rust_xlsxwriter places them, on a [`Grid`] of the sheet's column
//! widths and row heights: the default one for a copy from values (a note within four rows or
//! columns of the sheet's last ones is there left to rust_xlsxwriter), the sheet's own for the
//! notes added to a staff's package (`annotate/patch/`), which also writes its new comments
//! parts with [`write_comments`].

use std::fmt::Write as _;
use std::io::Write;

use super::ooxml::{escape, push_int, push_points};
use rust_xlsxwriter::{Note, Worksheet, XlsxError};

/// Rows and columns of a worksheet (rust_xlsxwriter's `ROW_MAX` / `COL_MAX`).
pub(super) const ROW_MAX: u32 = 1_048_576;
pub(super) const COL_MAX: u16 = 16_384;
/// Default row height and column width in pixels.
const ROW_PX: u32 = 20;
const COL_PX: u32 = 64;
/// The note box, in pixels.
const NOTE_WIDTH: u32 = 320;
const NOTE_HEIGHT: u32 = 120;
const AUTHOR: &str = "clerk";

/// The note rust_xlsxwriter writes (and [`write_comments`] and [`write_vml`] describe).
pub(super) fn note(text: &str) -> Note {
    Note::new(text)
        .set_author(AUTHOR)
        .set_width(NOTE_WIDTH)
        .set_height(NOTE_HEIGHT)
}

/// Whether rust_xlsxwriter must place the notes of a copy itself: it moves the boxes of notes
/// within four rows or columns of the sheet's end (cells 0-based).
pub(super) fn placed_by_library(row: u32, col: u32) -> bool {
    row >= ROW_MAX - 4 || col >= u32::from(COL_MAX) - 4
}

/// The notes of one copy, sheet by sheet: the first of each sheet goes to rust_xlsxwriter, all
/// are kept here — or, for a copy with a note [`placed_by_library`], all go to rust_xlsxwriter.
pub(super) struct CopyNotes {
    by_library: bool,
    /// Each worksheet's notes, (row, column, text) in row, then column order.
    sheets: Vec<Vec<(u32, u16, String)>>,
}

impl CopyNotes {
    pub(super) fn new(by_library: bool) -> Self {
        CopyNotes {
            by_library,
            sheets: Vec::new(),
        }
    }

    /// The next worksheet of the copy begins.
    pub(super) fn begin_sheet(&mut self) {
        self.sheets.push(Vec::new());
    }

    /// Adds the note of cell (`row`, `col`) of the current sheet.
    pub(super) fn add(&mut self, sheet: &mut Worksheet, row: u32, col: u16, text: String) -> Result<(), XlsxError> {
        if self.sheets.is_empty() {
            self.begin_sheet();
        }
        let notes = self.sheets.last_mut().expect("a sheet has begun");
        if notes.is_empty() || self.by_library {
            sheet.insert_note(row, col, &note(&text))?;
        }
        if !self.by_library {
            notes.push((row, col, text));
        }
        Ok(())
    }

    /// Puts every note into `book`, the copy as rust_xlsxwriter saved it: with the first note of
    /// each sheet, the comment and drawing parts of every sheet with notes are written again;
    /// every other part is copied as it is.
    pub(super) fn complete(&self, book: Vec<u8>) -> Result<Vec<u8>, String> {
        if !self.sheets.iter().any(|notes| notes.len() > 1) {
            return Ok(book);
        }
        // rust_xlsxwriter numbers the parts over the sheets with notes, and the shapes of each
        // sheet in blocks of 1,024 from the sheet's first block. Each part is written as it goes
        // into the zip (a copy with 90,000 notes has 100 MB of them).
        enum Part<'n> {
            Comments(&'n [(u32, u16, String)]),
            /// The shapes, numbered from the data id.
            Shapes(&'n [(u32, u16, String)], u32),
        }
        let mut parts = std::collections::HashMap::new();
        let mut data_id = 1;
        for (n, notes) in self.sheets.iter().filter(|notes| !notes.is_empty()).enumerate() {
            parts.insert(format!("xl/comments{}.xml", n + 1), Part::Comments(notes));
            parts.insert(
                format!("xl/drawings/vmlDrawing{}.vml", n + 1),
                Part::Shapes(notes, data_id),
            );
            data_id += (1024 + notes.len() as u32) / 1024;
        }
        let names: Vec<&str> = parts.keys().map(String::as_str).collect();
        super::ooxml::rewrite_parts(book, &names, |name, out| match parts[name] {
            Part::Comments(notes) => write_comments(notes, out),
            Part::Shapes(notes, data_id) => write_vml(notes, data_id, &Grid::default(), out),
        })
        .map_err(|e| format!("the notes could not be added: {e}"))
    }
}

/// Bytes of a part made before they are written out.
const CHUNK: usize = 1 << 16;

/// Writes `buffer` to `out` and empties it once it holds a [`CHUNK`].
fn flush_full(buffer: &mut String, out: &mut dyn Write) -> std::io::Result<()> {
    if buffer.len() >= CHUNK {
        out.write_all(buffer.as_bytes())?;
        buffer.clear();
    }
    Ok(())
}

/// Writes `xl/commentsN.xml` of a sheet.
pub(super) fn write_comments(notes: &[(u32, u16, String)], to: &mut dyn Write) -> std::io::Result<()> {
    // The font of a note's text; the author's name comes first, in bold.
    let font = "<sz val=\"8\"/><color indexed=\"81\"/><rFont val=\"Tahoma\"/><family val=\"2\"/>";
    let mut out = String::with_capacity(CHUNK + 4096);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
    out.push_str("<comments xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
    // rust_xlsxwriter's default author comes first, unused.
    let _ = write!(
        out,
        "<authors><author>Author</author><author>{AUTHOR}</author></authors><commentList>"
    );
    let after_ref = format!(
        "\" authorId=\"1\"><text><r><rPr><b/>{font}</rPr><t>{AUTHOR}:</t></r><r><rPr>{font}</rPr><t xml:space=\"preserve\">"
    );
    for (row, col, text) in notes {
        out.push_str("<comment ref=\"");
        out.push_str(&crate::read::column_letters(u32::from(*col)));
        push_int(&mut out, row + 1);
        out.push_str(&after_ref);
        // The text goes on the line after the author's name.
        out.push('\n');
        escape(text, &mut out);
        out.push_str("</t></r></text></comment>");
        flush_full(&mut out, to)?;
    }
    out.push_str("</commentList></comments>");
    to.write_all(out.as_bytes())
}

/// Writes `xl/drawings/vmlDrawingN.vml` of a sheet laid out as `grid` whose shapes are numbered
/// from `data_id`.
pub(super) fn write_vml(
    notes: &[(u32, u16, String)],
    data_id: u32,
    grid: &Grid,
    to: &mut dyn Write,
) -> std::io::Result<()> {
    let mut out = String::with_capacity(CHUNK + 4096);
    out.push_str(
        "<xml xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" \
         xmlns:x=\"urn:schemas-microsoft-com:office:excel\"><o:shapelayout v:ext=\"edit\"><o:idmap v:ext=\"edit\" data=\"",
    );
    let _ = write!(out, "{data_id}");
    for i in 0..notes.len() as u32 / 1024 {
        let _ = write!(out, ",{}", data_id + i + 1);
    }
    out.push_str("\"/></o:shapelayout>");
    out.push_str(SHAPE_TYPE);
    for (i, (row, col, _)) in notes.iter().enumerate() {
        push_shape(&mut out, grid, data_id * 1024 + 1 + i as u32, i as u32 + 1, *row, *col);
        flush_full(&mut out, to)?;
    }
    out.push_str("</xml>");
    to.write_all(out.as_bytes())
}

/// The shape type every note's box refers to (`#_x0000_t202`).
pub(super) const SHAPE_TYPE: &str = "<v:shapetype id=\"_x0000_t202\" coordsize=\"21600,21600\" o:spt=\"202\" \
     path=\"m,l,21600r21600,l21600,xe\"><v:stroke joinstyle=\"miter\"/><v:path gradientshapeok=\"t\" \
     o:connecttype=\"rect\"/></v:shapetype>";

/// Appends the hidden box of the note of cell (`row`, `col`) (0-based), shape number `id`, at
/// `z_index`, placed on `grid` as rust_xlsxwriter places it.
pub(super) fn push_shape(out: &mut String, grid: &Grid, id: u32, z_index: u32, row: u32, col: u16) {
    let at = grid.place(row, u32::from(col));
    out.push_str("<v:shape id=\"_x0000_s");
    push_int(out, id);
    out.push_str("\" type=\"#_x0000_t202\" style=\"position:absolute;margin-left:");
    push_points(out, at.x_abs);
    out.push_str("pt;margin-top:");
    push_points(out, at.y_abs);
    out.push_str("pt;width:");
    push_points(out, NOTE_WIDTH);
    out.push_str("pt;height:");
    push_points(out, NOTE_HEIGHT);
    out.push_str("pt;z-index:");
    push_int(out, z_index);
    out.push_str(
        ";visibility:hidden\" fillcolor=\"#ffffe1\" o:insetmode=\"auto\"><v:fill color2=\"#ffffe1\"/>\
         <v:shadow on=\"t\" color=\"black\" obscured=\"t\"/><v:path o:connecttype=\"none\"/>\
         <v:textbox style=\"mso-direction-alt:auto\"><div style=\"text-align:left\"></div></v:textbox>\
         <x:ClientData ObjectType=\"Note\"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>",
    );
    for (k, n) in at.anchor.into_iter().enumerate() {
        if k > 0 {
            out.push_str(", ");
        }
        push_int(out, n);
    }
    out.push_str("</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>");
    push_int(out, row);
    out.push_str("</x:Row><x:Column>");
    push_int(out, col);
    out.push_str("</x:Column></x:ClientData></v:shape>");
}

/// A sheet's column widths and row heights in pixels, to place the notes' boxes: the defaults,
/// and the columns and rows of other sizes (hidden ones as 0).
#[derive(Clone, Debug)]
pub(super) struct Grid {
    col_px: u32,
    row_px: u32,
    /// (first, last, pixels) of columns of other widths, 0-based, in order, not overlapping.
    cols: Vec<(u32, u32, u32)>,
    /// (row, pixels) of rows of other heights, 0-based, in order; and the sum of their
    /// differences from the default up to each.
    rows: Vec<(u32, u32)>,
    row_sums: Vec<i64>,
}

impl Default for Grid {
    /// A sheet of default sizes (64 × 20 pixels), as the copies from values are.
    fn default() -> Self {
        Grid::new(COL_PX, ROW_PX, Vec::new(), Vec::new())
    }
}

/// Where a note's box goes: its left and top in pixels from the sheet's corner, and its anchor
/// (start column, x offset, start row, y offset, end column, x offset, end row, y offset).
pub(super) struct Place {
    pub(super) x_abs: u32,
    pub(super) y_abs: u32,
    pub(super) anchor: [u32; 8],
}

impl Grid {
    /// A grid of default sizes `col_px` × `row_px` with the columns and rows of other sizes.
    pub(super) fn new(col_px: u32, row_px: u32, mut cols: Vec<(u32, u32, u32)>, mut rows: Vec<(u32, u32)>) -> Grid {
        cols.sort_unstable();
        rows.sort_unstable();
        rows.dedup_by_key(|r| r.0);
        let mut sum = 0;
        let row_sums = (rows.iter())
            .map(|&(_, px)| {
                sum += i64::from(px) - i64::from(row_px);
                sum
            })
            .collect();
        Grid {
            col_px,
            row_px,
            cols,
            rows,
            row_sums,
        }
    }

    fn col_width(&self, col: u32) -> u32 {
        (self.cols.iter())
            .find(|&&(first, last, _)| first <= col && col <= last)
            .map_or(self.col_px, |c| c.2)
    }

    fn row_height(&self, row: u32) -> u32 {
        match self.rows.binary_search_by_key(&row, |r| r.0) {
            Ok(at) => self.rows[at].1,
            Err(_) => self.row_px,
        }
    }

    /// Pixels from the sheet's left edge to column `col`.
    fn x_of(&self, col: u32) -> u32 {
        let mut x = i64::from(col) * i64::from(self.col_px);
        for &(first, last, px) in self.cols.iter().take_while(|c| c.0 < col) {
            let count = i64::from(last.min(col - 1) - first + 1);
            x += count * (i64::from(px) - i64::from(self.col_px));
        }
        x.clamp(0, i64::from(u32::MAX)) as u32
    }

    /// Pixels from the sheet's top edge to row `row`.
    fn y_of(&self, row: u32) -> u32 {
        let before = self.rows.partition_point(|r| r.0 < row);
        let extra = before.checked_sub(1).map_or(0, |k| self.row_sums[k]);
        (i64::from(row) * i64::from(self.row_px) + extra).clamp(0, i64::from(u32::MAX)) as u32
    }

    /// The box of the note of cell (`row`, `col`), 0-based: as rust_xlsxwriter places a note's
    /// box (one column right of the cell, from the row above; to the left and up by the sheet's
    /// last columns and rows).
    pub(super) fn place(&self, row: u32, col: u32) -> Place {
        let col_max = u32::from(COL_MAX);
        let (mut col_start, mut x1) = match col {
            c if c + 3 >= col_max => (c - 3, 49),
            c => (c + 1, 15),
        };
        let (mut row_start, mut y1) = match row {
            0 => (0, 2),
            r if r + 1 == ROW_MAX => (r - 4, 14),
            r if r + 3 >= ROW_MAX => (r - 4, 16),
            r => (r - 1, 10),
        };
        let (x_abs, y_abs) = (self.x_of(col_start) + x1, self.y_of(row_start) + y1);
        // (Past the sheet's end, as rust_xlsxwriter counts; the bounds only keep a sheet of
        // zero sizes from running on.)
        let (col_end_max, row_end_max) = (col_max + 64, ROW_MAX + 1024);
        while x1 >= self.col_width(col_start) && col_start < col_end_max {
            x1 -= self.col_width(col_start);
            col_start += 1;
        }
        while y1 >= self.row_height(row_start) && row_start < row_end_max {
            y1 -= self.row_height(row_start);
            row_start += 1;
        }
        let (mut col_end, mut x2) = (col_start, NOTE_WIDTH + x1);
        while x2 >= self.col_width(col_end) && col_end < col_end_max {
            x2 -= self.col_width(col_end);
            col_end += 1;
        }
        let (mut row_end, mut y2) = (row_start, NOTE_HEIGHT + y1);
        while y2 >= self.row_height(row_end) && row_end < row_end_max {
            y2 -= self.row_height(row_end);
            row_end += 1;
        }
        let anchor = [col_start, x1, row_start, y1, col_end, x2, row_end, y2];
        Place { x_abs, y_abs, anchor }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_xlsxwriter::Workbook;
    use std::io::Read;

    /// Every part of an xlsx, by name.
    fn parts(bytes: &[u8]) -> std::collections::BTreeMap<String, Vec<u8>> {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        (0..zip.len())
            .map(|i| {
                let mut file = zip.by_index(i).unwrap();
                let mut data = Vec::new();
                file.read_to_end(&mut data).unwrap();
                (file.name().unwrap().to_string(), data)
            })
            .collect()
    }

    /// Sheets of notes: a long one (more than one block of shapes), none, a short one starting at
    /// the first row, odd text.
    fn sample() -> Vec<Vec<(u32, u16, String)>> {
        let long = (0..1500u32)
            .map(|i| (1 + i / 3, (i % 3) as u16 * 2, format!("RG01 {i} & <b> \"x\"\n第二行")))
            .collect();
        let short = vec![
            (0, 0, "first row, first column".to_string()),
            (0, 5, " leading space\u{1}control".to_string()),
            (7, 30, "far right".to_string()),
        ];
        vec![long, Vec::new(), short, vec![(3, 1, "alone".to_string())]]
    }

    /// A workbook dated as a copy is (not by the clock, so that two of them can be compared).
    fn new_book() -> Workbook {
        let mut book = Workbook::new();
        let created = chrono::NaiveDate::from_ymd_opt(2026, 10, 31)
            .unwrap()
            .and_time(chrono::NaiveTime::MIN);
        book.set_properties(&rust_xlsxwriter::DocProperties::new().set_creation_datetime(&created));
        book
    }

    /// A workbook with the sample's sheets and notes, each note given to `add`.
    fn book(mut add: impl FnMut(&mut Worksheet, u32, u16, &str)) -> Vec<u8> {
        let mut book = new_book();
        for (i, notes) in sample().iter().enumerate() {
            let sheet = book.add_worksheet();
            sheet.write_string(0, 0, format!("sheet {i}")).unwrap();
            for (r, c, t) in notes {
                // A copy's notes are on cells it writes (values, or blanks it highlights).
                sheet.write_number(*r, *c, f64::from(*r)).unwrap();
                add(sheet, *r, *c, t);
            }
        }
        book.save_to_buffer().unwrap()
    }

    #[test]
    fn the_parts_are_the_ones_rust_xlsxwriter_writes_with_every_note() {
        let expected = book(|sheet, r, c, t| {
            sheet.insert_note(r, c, &note(t)).unwrap();
        });
        let mut notes = CopyNotes::new(false);
        let mut sheets = 0;
        let first_only = {
            let mut book = new_book();
            for (i, sample) in sample().iter().enumerate() {
                let sheet = book.add_worksheet();
                sheet.write_string(0, 0, format!("sheet {i}")).unwrap();
                notes.begin_sheet();
                sheets += 1;
                for (r, c, t) in sample {
                    sheet.write_number(*r, *c, f64::from(*r)).unwrap();
                    notes.add(sheet, *r, *c, t.clone()).unwrap();
                }
            }
            book.save_to_buffer().unwrap()
        };
        assert_eq!(sheets, 4);
        assert_ne!(
            parts(&first_only),
            parts(&expected),
            "rust_xlsxwriter got the first notes only"
        );
        let completed = notes.complete(first_only).unwrap();
        let (got, want) = (parts(&completed), parts(&expected));
        assert_eq!(got.keys().collect::<Vec<_>>(), want.keys().collect::<Vec<_>>());
        for (name, data) in &want {
            let at = got[name].iter().zip(data).take_while(|(a, b)| a == b).count();
            assert!(
                got[name] == *data,
                "{name} differs from byte {at}:\n{}\n--- rust_xlsxwriter:\n{}",
                String::from_utf8_lossy(&got[name][at.saturating_sub(200)..(at + 300).min(got[name].len())]),
                String::from_utf8_lossy(&data[at.saturating_sub(200)..(at + 300).min(data.len())])
            );
        }
        // Deterministic: the same notes give the same bytes.
        let again = {
            let mut notes = CopyNotes::new(false);
            let first_only = book(|sheet, r, c, t| {
                if (r, c) == (1, 0) || (r, c) == (0, 0) || (r, c) == (3, 1) {
                    notes.begin_sheet();
                }
                notes.add(sheet, r, c, t.to_string()).unwrap();
            });
            notes.complete(first_only).unwrap()
        };
        assert_eq!(again, completed);
    }

    #[test]
    fn a_copy_with_notes_by_the_last_rows_leaves_them_all_to_rust_xlsxwriter() {
        assert!(placed_by_library(ROW_MAX - 1, 1));
        assert!(placed_by_library(5, u32::from(COL_MAX) - 2));
        assert!(!placed_by_library(ROW_MAX - 5, u32::from(COL_MAX) - 5));
        let mut notes = CopyNotes::new(true);
        let bytes = book(|sheet, r, c, t| notes.add(sheet, r, c, t.to_string()).unwrap());
        let comments = String::from_utf8(parts(&bytes)["xl/comments1.xml"].clone()).unwrap();
        assert_eq!(comments.matches("<comment ").count(), 1500);
        assert_eq!(notes.complete(bytes.clone()).unwrap(), bytes);
    }
}
