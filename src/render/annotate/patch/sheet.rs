//! One sheet's XML looked through once for the changes its marks need: the style of each marked
//! cell (a cell not in the XML, such as a blank required value, is made in its row, in column
//! order, and a row not in the XML in its place), the sheet's `<dimension>` and the rows' `spans`
//! widened to the cells made, and where a `<legacyDrawing>` for the notes goes. The sheet's sizes
//! are gathered on the way, to place the notes' boxes. Nothing else is touched.

use std::collections::BTreeMap;

use quick_xml::events::BytesStart;

use super::xml::{attribute, prefix_of, relationship_id, Edit, Ev, Events, Piece};
use crate::render::notes::Grid;
use crate::rules::finding::Severity;

/// The marked cells of a sheet: (row, 1-based; column, 0-based) and the most severe finding.
pub(in crate::render::annotate) type Marks = BTreeMap<(u32, u32), Severity>;

/// What a sheet's XML needs and has.
#[derive(Debug)]
pub(super) struct Scanned {
    /// The changes for the marks, in order.
    pub(super) edits: Vec<Edit>,
    /// The sheet's column widths and row heights.
    pub(super) grid: Grid,
    /// The relationship id of the sheet's `<legacyDrawing>`, if it has one.
    pub(super) legacy_drawing: Option<String>,
    /// Where a `<legacyDrawing>` goes (its place in the order the schema gives a sheet's parts).
    pub(super) legacy_at: usize,
    /// The prefix of the sheet's elements (`x:`), usually none.
    pub(super) prefix: String,
    /// Whether the root binds `r:` to the relationships namespace.
    pub(super) r_bound: bool,
}

/// The parts of a sheet that come after `<legacyDrawing>` (ECMA-376 CT_Worksheet).
const AFTER_LEGACY_DRAWING: [&[u8]; 8] = [
    b"legacyDrawingHF",
    b"drawingHF",
    b"picture",
    b"oleObjects",
    b"controls",
    b"webPublishItems",
    b"tableParts",
    b"extLst",
];

/// Looks through a sheet's XML for what `marks` need.
pub(super) fn scan(xml: &[u8], marks: &Marks) -> Result<Scanned, String> {
    let mut scan = Scan::new(xml, marks);
    let mut events = Events::new(xml);
    while let Some((ev, name, start, end)) = events.next()? {
        let depth = events.depth;
        match ev {
            Ev::Open { tag, empty } => {
                scan.open(&tag, name, depth, empty, start, end)?;
                if !empty {
                    events.enter();
                }
                if scan.in_data && name == b"sheetData" {
                    // On to the end of the rows, if they can be stepped through.
                    if let Some(close) = scan.rows(end)? {
                        events.jump(close, 2);
                    }
                }
            }
            Ev::Close => scan.close(name, depth, start),
            Ev::Other => {}
        }
    }
    scan.finish()
}

/// The row being looked through.
struct Row {
    r: u32,
    /// Its marks: (column, severity), in order, and the next not yet met.
    marks: Vec<(u32, Severity)>,
    next: usize,
    /// The last cell's column.
    last_col: Option<u32>,
    /// The row's own style (`customFormat`), for cells made in it.
    style: Option<u32>,
}

struct Scan<'x, 'm> {
    xml: &'x [u8],
    marks: &'m Marks,
    /// The marked rows, in order, and the next not yet reached.
    rows: Vec<u32>,
    next_row: usize,
    edits: Vec<Edit>,
    prefix: String,
    r_bound: bool,
    in_cols: bool,
    in_data: bool,
    data_done: bool,
    last_row: u32,
    row: Option<Row>,
    /// (first, last, style) of the columns with a style, 0-based.
    col_styles: Vec<(u32, u32, u32)>,
    col_px: u32,
    row_px: u32,
    cols: Vec<(u32, u32, u32)>,
    heights: Vec<(u32, u32)>,
    /// The `<dimension>`'s range and its offset.
    dimension: Option<(String, usize)>,
    legacy_drawing: Option<String>,
    legacy_at: Option<usize>,
    /// Inside a top-level `mc:AlternateContent` starting here: its first choice tells its place.
    alternate: Option<usize>,
    end_at: usize,
}

impl<'x, 'm> Scan<'x, 'm> {
    fn new(xml: &'x [u8], marks: &'m Marks) -> Self {
        let mut rows: Vec<u32> = marks.keys().map(|k| k.0).collect();
        rows.dedup();
        Scan {
            xml,
            marks,
            rows,
            next_row: 0,
            edits: Vec::new(),
            prefix: String::new(),
            r_bound: false,
            in_cols: false,
            in_data: false,
            data_done: false,
            last_row: 0,
            row: None,
            col_styles: Vec::new(),
            col_px: 64,
            row_px: 20,
            cols: Vec::new(),
            heights: Vec::new(),
            dimension: None,
            legacy_drawing: None,
            legacy_at: None,
            alternate: None,
            end_at: xml.len(),
        }
    }

    fn open(
        &mut self,
        tag: &BytesStart,
        name: &[u8],
        depth: usize,
        empty: bool,
        start: usize,
        end: usize,
    ) -> Result<(), String> {
        match (depth, name) {
            (0, _) => self.root(tag),
            (1, b"dimension") => self.dimension = attribute(self.xml, tag, "ref"),
            (1, b"sheetFormatPr") => self.formats(tag),
            (1, b"cols") => self.in_cols = !empty,
            (2, b"col") if self.in_cols => self.col(tag),
            (1, b"sheetData") if empty => {
                let rows = self.rows_before(u32::MAX);
                let p = &self.prefix;
                let mut pieces = vec![Piece::Text(">".into())];
                pieces.extend(rows);
                pieces.push(Piece::Text(format!("</{p}sheetData>")));
                self.edits.push(Edit {
                    at: end - 2,
                    cut: 2,
                    pieces,
                });
                self.data_done = true;
            }
            (1, b"sheetData") => self.in_data = true,
            (2, b"row") if self.in_data => self.row(tag, empty, start, end)?,
            (3, b"c") if self.row.is_some() => self.cell(tag, start)?,
            (1, b"legacyDrawing") => self.legacy_drawing = relationship_id(tag, "id"),
            (1, b"AlternateContent") if self.data_done && !empty => self.alternate = Some(start),
            (3, _) if self.alternate.is_some() => {
                if AFTER_LEGACY_DRAWING.contains(&name) {
                    self.legacy_at.get_or_insert(self.alternate.unwrap_or(start));
                }
                self.alternate = None;
            }
            (1, _) if self.data_done && AFTER_LEGACY_DRAWING.contains(&name) => {
                self.legacy_at.get_or_insert(start);
            }
            _ => {}
        }
        Ok(())
    }

    fn close(&mut self, name: &[u8], depth: usize, start: usize) {
        match (depth, name) {
            (0, _) => self.end_at = start,
            (1, b"cols") => self.in_cols = false,
            (1, b"sheetData") if self.in_data => {
                let rows = self.rows_before(u32::MAX);
                self.edits.push(Edit {
                    at: start,
                    cut: 0,
                    pieces: rows,
                });
                self.in_data = false;
                self.data_done = true;
            }
            (1, b"AlternateContent") => self.alternate = None,
            (2, b"row") if self.in_data => {
                if let Some(mut row) = self.row.take() {
                    let cells = self.cells_before(&mut row, u32::MAX);
                    self.edits.push(Edit {
                        at: start,
                        cut: 0,
                        pieces: cells,
                    });
                }
            }
            _ => {}
        }
    }

    /// Steps through the rows from offset `from` (after `<sheetData>`) to its end by the names of
    /// their tags, looking at the start tag of each row and at the cells of the marked rows only:
    /// the offset of `</sheetData>`. None when the rows hold anything but elements and text
    /// (comments, CDATA could hold a tag's name): then every event is read.
    fn rows(&mut self, from: usize) -> Result<Option<usize>, String> {
        let xml = self.xml;
        let p = self.prefix.clone();
        let Some(close) = memchr::memmem::find(&xml[from..], format!("</{p}sheetData").as_bytes()) else {
            return Ok(None);
        };
        let close = from + close;
        let rows = &xml[from..close];
        if memchr::memmem::find(rows, b"<!").is_some() || memchr::memmem::find(rows, b"<?").is_some() {
            return Ok(None);
        }
        let (open, end_tag) = (format!("<{p}row"), format!("</{p}row>"));
        let mut at = from;
        while let Some((start, tag, empty, tag_end)) = next_tag(xml, at, close, &open)? {
            self.row(&tag, empty, start, tag_end)?;
            if empty {
                at = tag_end;
                continue;
            }
            let end = memchr::memmem::find(&xml[tag_end..close], end_tag.as_bytes()).ok_or("a row does not end")?;
            let end = tag_end + end;
            if self.row.is_some() {
                let cell = format!("<{p}c");
                let mut at = tag_end;
                while let Some((start, tag, _, tag_end)) = next_tag(xml, at, end, &cell)? {
                    self.cell(&tag, start)?;
                    at = tag_end;
                }
                self.close(b"row", 2, end);
            }
            at = end + end_tag.len();
        }
        Ok(Some(close))
    }

    fn root(&mut self, tag: &BytesStart) {
        self.prefix = prefix_of(tag);
        self.r_bound = tag
            .attributes()
            .with_checks(false)
            .flatten()
            .any(|a| a.key.into_inner() == "xmlns:r" && a.value == super::xml::REL_NS);
    }

    /// The sheet's default column width and row height.
    fn formats(&mut self, tag: &BytesStart) {
        let number = |name: &str| super::xml::value(tag, name).and_then(|v| v.parse::<f64>().ok());
        if let Some(points) = number("defaultRowHeight") {
            self.row_px = (points * 4.0 / 3.0).round().clamp(0.0, 4096.0) as u32;
        }
        if let Some(width) = number("defaultColWidth") {
            self.col_px = width_px(width);
        } else if let Some(base) = number("baseColWidth") {
            // Excel's: the base width in digits with padding, to whole 8 pixels.
            self.col_px = (((base * 7.0 + 5.0) / 8.0).ceil() * 8.0).clamp(0.0, 4096.0) as u32;
        }
    }

    fn col(&mut self, tag: &BytesStart) {
        let number = |name: &str| super::xml::value(tag, name).and_then(|v| v.parse::<f64>().ok());
        let (Some(min), Some(max)) = (number("min"), number("max")) else {
            return;
        };
        let (first, last) = ((min as u32).saturating_sub(1), (max as u32).saturating_sub(1));
        if let Some(style) = number("style") {
            self.col_styles.push((first, last, style as u32));
        }
        let hidden = flag(tag, "hidden");
        if hidden || number("width").is_some() {
            let px = if hidden {
                0
            } else {
                width_px(number("width").unwrap_or(0.0))
            };
            self.cols.push((first, last, px));
        }
    }

    fn row(&mut self, tag: &BytesStart, empty: bool, start: usize, end: usize) -> Result<(), String> {
        let r = match super::xml::value(tag, "r") {
            Some(r) => r.parse::<u32>().map_err(|_| format!("row number {r:?}"))?,
            None => self.last_row + 1,
        };
        if r <= self.last_row {
            return Err(format!("row {r} after row {}", self.last_row));
        }
        let before = self.rows_before(r);
        if !before.is_empty() {
            self.edits.push(Edit {
                at: start,
                cut: 0,
                pieces: before,
            });
        }
        self.last_row = r;
        let height = super::xml::value(tag, "ht").and_then(|h| h.parse::<f64>().ok());
        if flag(tag, "hidden") || height.is_some() {
            let px = match flag(tag, "hidden") {
                true => 0,
                false => (height.unwrap_or(0.0) * 4.0 / 3.0).round().clamp(0.0, 65_535.0) as u32,
            };
            self.heights.push((r - 1, px));
        }
        if self.rows.get(self.next_row) != Some(&r) {
            return Ok(());
        }
        self.next_row += 1;
        let marks: Vec<(u32, Severity)> = (self.marks.range((r, 0)..(r + 1, 0)))
            .map(|(&(_, col), &severity)| (col, severity))
            .collect();
        self.widen_spans(tag, &marks);
        let style = match flag(tag, "customFormat") {
            true => super::xml::value(tag, "s").and_then(|s| s.parse().ok()),
            false => None,
        };
        let mut row = Row {
            r,
            marks,
            next: 0,
            last_col: None,
            style,
        };
        match empty {
            true => {
                let mut pieces = vec![Piece::Text(">".into())];
                pieces.extend(self.cells_before(&mut row, u32::MAX));
                pieces.push(Piece::Text(format!("</{}row>", self.prefix)));
                self.edits.push(Edit {
                    at: end - 2,
                    cut: 2,
                    pieces,
                });
            }
            false => self.row = Some(row),
        }
        Ok(())
    }

    /// A row's `spans` (a hint of its first and last columns) taking in its marked columns.
    fn widen_spans(&mut self, tag: &BytesStart, marks: &[(u32, Severity)]) {
        let Some((spans, at)) = attribute(self.xml, tag, "spans") else {
            return;
        };
        let numbers: Vec<u32> = (spans.split([' ', ':'])).filter_map(|n| n.parse().ok()).collect();
        let (Some(&first), Some(&last)) = (numbers.iter().min(), numbers.iter().max()) else {
            return;
        };
        let (lo, hi) = (marks.iter()).fold((first, last), |(lo, hi), (col, _)| (lo.min(col + 1), hi.max(col + 1)));
        if (lo, hi) != (first, last) {
            self.edits.push(Edit::replace(at, spans.len(), format!("{lo}:{hi}")));
        }
    }

    fn cell(&mut self, tag: &BytesStart, start: usize) -> Result<(), String> {
        let Some(mut row) = self.row.take() else { return Ok(()) };
        let col = match super::xml::value(tag, "r") {
            Some(reference) => column_of(&reference).ok_or_else(|| format!("cell reference {reference:?}"))?,
            None => row.last_col.map_or(0, |c| c + 1),
        };
        if row.last_col.is_some_and(|last| last >= col) {
            return Err(format!("cells out of order in row {}", row.r));
        }
        row.last_col = Some(col);
        let before = self.cells_before(&mut row, col);
        if !before.is_empty() {
            self.edits.push(Edit {
                at: start,
                cut: 0,
                pieces: before,
            });
        }
        if let Some(&(_, severity)) = row.marks.get(row.next).filter(|m| m.0 == col) {
            row.next += 1;
            match attribute(self.xml, tag, "s") {
                Some((style, at)) => {
                    let base = style.parse().map_err(|_| format!("cell style {style:?}"))?;
                    let pieces = vec![Piece::Style(base, severity)];
                    self.edits.push(Edit {
                        at,
                        cut: style.len(),
                        pieces,
                    });
                }
                None => {
                    let at = start + 1 + self.prefix.len() + 1;
                    let pieces = vec![
                        Piece::Text(" s=\"".into()),
                        Piece::Style(0, severity),
                        Piece::Text("\"".into()),
                    ];
                    self.edits.push(Edit { at, cut: 0, pieces });
                }
            }
        }
        self.row = Some(row);
        Ok(())
    }

    /// The cells to make for the row's marks before column `col` (not yet met).
    fn cells_before(&self, row: &mut Row, col: u32) -> Vec<Piece> {
        let mut pieces = Vec::new();
        while let Some(&(c, severity)) = row.marks.get(row.next).filter(|m| m.0 < col) {
            row.next += 1;
            let base = row.style.unwrap_or_else(|| self.col_style(c));
            self.push_cell(&mut pieces, row.r, c, base, severity);
        }
        pieces
    }

    /// The rows to make for the marks before row `r` (not yet reached).
    fn rows_before(&mut self, r: u32) -> Vec<Piece> {
        let mut pieces = Vec::new();
        while let Some(&row) = self.rows.get(self.next_row).filter(|&&row| row < r) {
            self.next_row += 1;
            pieces.push(Piece::Text(format!("<{}row r=\"{row}\">", self.prefix)));
            for (&(_, col), &severity) in self.marks.range((row, 0)..(row + 1, 0)) {
                self.push_cell(&mut pieces, row, col, self.col_style(col), severity);
            }
            pieces.push(Piece::Text(format!("</{}row>", self.prefix)));
        }
        pieces
    }

    fn push_cell(&self, pieces: &mut Vec<Piece>, r: u32, col: u32, base: u32, severity: Severity) {
        let letters = crate::read::column_letters(col);
        pieces.push(Piece::Text(format!("<{}c r=\"{letters}{r}\" s=\"", self.prefix)));
        pieces.push(Piece::Style(base, severity));
        pieces.push(Piece::Text("\"/>".into()));
    }

    /// The style of column `col` (`<col style>`), the style of a new cell there.
    fn col_style(&self, col: u32) -> u32 {
        (self.col_styles.iter())
            .find(|&&(first, last, _)| first <= col && col <= last)
            .map_or(0, |c| c.2)
    }

    fn finish(mut self) -> Result<Scanned, String> {
        if self.in_data || !self.data_done {
            return Err("no complete sheetData".into());
        }
        if let Some((range, at)) = self.dimension.take() {
            if let Some(wider) = widened(&range, self.marks) {
                self.edits.push(Edit::replace(at, range.len(), wider));
            }
        }
        self.edits.sort_by_key(|e| e.at);
        Ok(Scanned {
            edits: self.edits,
            grid: Grid::new(self.col_px, self.row_px, self.cols, self.heights),
            legacy_drawing: self.legacy_drawing,
            legacy_at: self.legacy_at.unwrap_or(self.end_at),
            prefix: self.prefix,
            r_bound: self.r_bound,
        })
    }
}

/// The next start tag named `open` (`<row`, with its prefix) between `from` and `to`: where it
/// starts, the tag, whether it is a whole element (`<row …/>`), where it ends.
#[allow(clippy::type_complexity)]
fn next_tag<'x>(
    xml: &'x [u8],
    from: usize,
    to: usize,
    open: &str,
) -> Result<Option<(usize, BytesStart<'x>, bool, usize)>, String> {
    let mut at = from;
    while let Some(found) = memchr::memmem::find(&xml[at..to], open.as_bytes()) {
        let start = at + found;
        let after = start + open.len();
        if !matches!(xml.get(after), Some(b' ' | b'\t' | b'\r' | b'\n' | b'>' | b'/')) {
            at = after;
            continue;
        }
        let end = tag_end(xml, after)
            .filter(|end| *end <= to)
            .ok_or("a tag does not end")?;
        let empty = xml[end - 2] == b'/';
        let content = std::str::from_utf8(&xml[start + 1..end - 1 - usize::from(empty)])
            .map_err(|_| "a tag not in UTF-8".to_string())?;
        return Ok(Some((
            start,
            BytesStart::from_content(content, open.len() - 1),
            empty,
            end,
        )));
    }
    Ok(None)
}

/// The offset after the `>` that ends the tag whose attributes start at `from` (a `>` in a quoted
/// value does not end it).
fn tag_end(xml: &[u8], from: usize) -> Option<usize> {
    let mut quote = None;
    for (i, &b) in xml.get(from..)?.iter().enumerate() {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if q == b => quote = None,
            (None, b'>') => return Some(from + i + 1),
            _ => {}
        }
    }
    None
}

/// Whether a flag attribute is set (`1` or `true`).
fn flag(tag: &BytesStart, name: &str) -> bool {
    matches!(super::xml::value(tag, name).as_deref(), Some("1" | "true"))
}

/// A column width as stored (characters with padding) in pixels, as Excel counts them for its
/// default font (digits 7 pixels wide).
fn width_px(width: f64) -> u32 {
    (((256.0 * width + 18.0) / 256.0 * 7.0).trunc()).clamp(0.0, 65_535.0) as u32
}

/// The 0-based column of a cell reference (`AB12` → 27).
pub(super) fn column_of(reference: &str) -> Option<u32> {
    let letters = reference.bytes().take_while(u8::is_ascii_alphabetic);
    let mut col: u32 = 0;
    let mut count = 0;
    for b in letters {
        col = col
            .checked_mul(26)?
            .checked_add(u32::from(b.to_ascii_uppercase() - b'A') + 1)?;
        count += 1;
    }
    (count > 0 && count <= 3).then(|| col - 1)
}

/// A `<dimension>` range taking in the marked cells; none if it already does (or reads oddly).
fn widened(range: &str, marks: &Marks) -> Option<String> {
    let (first, last) = range.split_once(':').unwrap_or((range, range));
    let corner = |cell: &str| -> Option<(u32, u32)> {
        let col = column_of(cell)?;
        let row = cell
            .trim_start_matches(|c: char| c.is_ascii_alphabetic())
            .parse()
            .ok()?;
        Some((row, col))
    };
    let ((r1, c1), (r2, c2)) = (corner(first)?, corner(last)?);
    let (mut top, mut left, mut bottom, mut right) = (r1, c1, r2, c2);
    for &(r, c) in marks.keys() {
        (top, left, bottom, right) = (top.min(r), left.min(c), bottom.max(r), right.max(c));
    }
    if (top, left, bottom, right) == (r1, c1, r2, c2) {
        return None;
    }
    let cell = |r: u32, c: u32| format!("{}{r}", crate::read::column_letters(c));
    Some(format!("{}:{}", cell(top, left), cell(bottom, right)))
}
