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
//! The shapes' positions follow rust_xlsxwriter's for sheets with default row heights and column
//! widths, which the copies keep; a note within four rows or columns of the sheet's last ones
//! (where rust_xlsxwriter moves its box) is left to rust_xlsxwriter.

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
            Part::Shapes(notes, data_id) => write_vml(notes, data_id, out),
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
fn write_comments(notes: &[(u32, u16, String)], to: &mut dyn Write) -> std::io::Result<()> {
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

/// Writes `xl/drawings/vmlDrawingN.vml` of a sheet whose shapes are numbered from `data_id`.
fn write_vml(notes: &[(u32, u16, String)], data_id: u32, to: &mut dyn Write) -> std::io::Result<()> {
    let mut out = String::with_capacity(CHUNK + 4096);
    out.push_str(
        "<xml xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" \
         xmlns:x=\"urn:schemas-microsoft-com:office:excel\"><o:shapelayout v:ext=\"edit\"><o:idmap v:ext=\"edit\" data=\"",
    );
    let _ = write!(out, "{data_id}");
    for i in 0..notes.len() as u32 / 1024 {
        let _ = write!(out, ",{}", data_id + i + 1);
    }
    out.push_str(
        "\"/></o:shapelayout><v:shapetype id=\"_x0000_t202\" coordsize=\"21600,21600\" o:spt=\"202\" \
         path=\"m,l,21600r21600,l21600,xe\"><v:stroke joinstyle=\"miter\"/><v:path gradientshapeok=\"t\" \
         o:connecttype=\"rect\"/></v:shapetype>",
    );
    // The same for every box.
    let mut size = String::from("pt;width:");
    push_points(&mut size, NOTE_WIDTH);
    size.push_str("pt;height:");
    push_points(&mut size, NOTE_HEIGHT);
    size.push_str("pt;z-index:");
    for (i, (row, col, _)) in notes.iter().enumerate() {
        // The box: one column right of the cell, from the row above it (rust_xlsxwriter's
        // placement for default sizes, offsets in pixels).
        let (row, col) = (*row, u32::from(*col));
        let (box_row, y1) = if row == 0 { (0, 2) } else { (row - 1, 10) };
        let (box_col, x1) = (col + 1, 15);
        let x_abs = box_col * COL_PX + x1;
        let y_abs = box_row * ROW_PX + y1;
        let (x2, y2) = (NOTE_WIDTH + x1, NOTE_HEIGHT + y1);
        out.push_str("<v:shape id=\"_x0000_s");
        push_int(&mut out, data_id * 1024 + 1 + i as u32);
        out.push_str("\" type=\"#_x0000_t202\" style=\"position:absolute;margin-left:");
        push_points(&mut out, x_abs);
        out.push_str("pt;margin-top:");
        push_points(&mut out, y_abs);
        out.push_str(&size);
        push_int(&mut out, i + 1);
        out.push_str(
            ";visibility:hidden\" fillcolor=\"#ffffe1\" o:insetmode=\"auto\"><v:fill color2=\"#ffffe1\"/>\
             <v:shadow on=\"t\" color=\"black\" obscured=\"t\"/><v:path o:connecttype=\"none\"/>\
             <v:textbox style=\"mso-direction-alt:auto\"><div style=\"text-align:left\"></div></v:textbox>\
             <x:ClientData ObjectType=\"Note\"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>",
        );
        let anchor = [
            box_col,
            x1,
            box_row,
            y1,
            box_col + x2 / COL_PX,
            x2 % COL_PX,
            box_row + y2 / ROW_PX,
            y2 % ROW_PX,
        ];
        for (k, n) in anchor.into_iter().enumerate() {
            if k > 0 {
                out.push_str(", ");
            }
            push_int(&mut out, n);
        }
        out.push_str("</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>");
        push_int(&mut out, row);
        out.push_str("</x:Row><x:Column>");
        push_int(&mut out, col);
        out.push_str("</x:Column></x:ClientData></v:shape>");
        flush_full(&mut out, to)?;
    }
    out.push_str("</xml>");
    to.write_all(out.as_bytes())
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
