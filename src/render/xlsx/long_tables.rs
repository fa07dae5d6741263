//! The long tables of the rule-family sheets — the month's contracts and amendments, the guest
//! lists — which reach tens of thousands of rows in a large month.
//!
//! As with the Findings rows ([`super::findings`]), clerk writes their rows itself, straight
//! into the saved workbook. The table writer ([`super::writer::SheetLayout::table`]) has
//! rust_xlsxwriter lay a declared long table out (title, header, the table with its column
//! formats) over a few placeholder rows holding one probe cell in each format a row can use, and
//! [`LongTables::add`] makes the rows' XML at once from the declaration, with a mark where each
//! cell's style number goes. [`LongTables::complete`] reads the numbers rust_xlsxwriter gave
//! the probes in the saved workbook, puts the rows in place of the probe rows and sets the table's
//! and the sheet's ranges. Every cell keeps the value and style rust_xlsxwriter would have given
//! it; text goes in as inline strings rather than through the shared-string table.
//!
//! Tables under a chart stay with rust_xlsxwriter, which fills the chart's cache from their cells;
//! so do tables not declared long ([`super::table::Table::LONG`]), and long ones of a few rows.

use std::collections::BTreeMap;
use std::io::Write;

use rust_xlsxwriter::IntoExcelDateTime;

use super::cell::{Cell, Style};
use super::table::{fit, Column, Columns, Table, TableRows};
use super::widths::Widths;
use crate::base::sealed::Sealed;
use crate::read::column_letters;
use crate::render::ooxml::{
    attribute, cell_start, escape_attribute, inline_text, number_end, push_int, read_part, style_of, with_dimension,
    write_marked, write_parts,
};

/// Placeholder rows under a long table's header: one probe cell for each of [`Style::ALL`].
pub(super) const PROBES: u32 = Style::ALL.len() as u32;

/// The long tables of one workbook, between laying out and [`LongTables::complete`].
pub(crate) struct LongTables {
    tables: Vec<LongTable>,
    /// Off: long tables are written through rust_xlsxwriter like any other (the reference the
    /// tests compare with).
    enabled: bool,
}

/// One long table whose rows are still to be put in.
struct LongTable {
    sheet: String,
    name: String,
    /// 0-based rows of the header and of the last row.
    header: u32,
    last: u32,
    /// Columns of the table.
    columns: u16,
    /// The `<row>` elements, each cell's style marked with its place in [`Style::ALL`]
    /// ([`crate::render::ooxml::MARK`]), compressed until the workbook is saved ([`Sealed`]: a
    /// large month's tables are tens of megabytes of XML, held while its other files are made).
    rows: Sealed,
}

impl LongTables {
    pub(crate) fn new() -> Self {
        LongTables {
            tables: Vec::new(),
            enabled: true,
        }
    }

    #[cfg(test)]
    pub(crate) fn disabled() -> Self {
        LongTables {
            tables: Vec::new(),
            enabled: false,
        }
    }

    /// Whether a table of `rows` rows has its rows written here.
    pub(super) fn takes(&self, rows: usize) -> bool {
        self.enabled && rows >= PROBES as usize
    }

    /// Makes the XML of `rows` of `table` ([`Table::LONG`]), under a header in 0-based row
    /// `header` of `sheet`, fitting `widths` to them.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn add<T: Table, Rows: TableRows<T::Row> + ?Sized>(
        &mut self,
        sheet: &str,
        name: &str,
        header: u32,
        columns: u16,
        table: &T,
        rows: &Rows,
        widths: &mut Widths,
    ) {
        let names: Vec<String> = (0..u32::from(columns)).map(column_letters).collect();
        let (mut xml, mut sealed) = (String::new(), Sealed::default());
        rows.each(|place, row| {
            let r = header + 2 + place as u32;
            xml.clear();
            xml.push_str("<row r=\"");
            push_int(&mut xml, r);
            xml.push_str("\">");
            let mut cells = RowXml {
                row,
                place,
                col: 0,
                r,
                xml: &mut xml,
                names: &names,
                widths,
                any: false,
            };
            table.columns(&mut cells);
            // rust_xlsxwriter writes no row without cells
            if cells.any {
                xml.push_str("</row>");
                sealed.push(xml.as_bytes());
            }
        });
        sealed.finish();
        self.tables.push(LongTable {
            sheet: sheet.to_string(),
            name: name.to_string(),
            header,
            last: header + rows.count() as u32,
            columns,
            rows: sealed,
        });
    }

    /// `book` (as rust_xlsxwriter saved it) with every long table's rows in place of its probes.
    /// (A run puts [`LongTables::parts`] into the workbook together with the Findings sheet's.)
    #[cfg(test)]
    pub(crate) fn complete(&self, book: Vec<u8>) -> Result<Vec<u8>, String> {
        match self.parts(&book)? {
            Some(parts) => crate::render::ooxml::replace_parts(book, &[parts])
                .map_err(|e| format!("the workbook's long tables could not be written: {e}")),
            None => Ok(book),
        }
    }

    /// The sheets and tables of the long tables, as parts to go into `book`
    /// ([`crate::render::ooxml::replace_parts`]); none when there are no long tables.
    pub(crate) fn parts(&self, book: &[u8]) -> Result<Option<Vec<u8>>, String> {
        if self.tables.is_empty() {
            return Ok(None);
        }
        let failed = |e: String| format!("the workbook's long tables could not be written: {e}");
        // rust_xlsxwriter numbers the sheet parts in the order of the sheets.
        let workbook = read_part(book, "xl/workbook.xml").map_err(failed)?;
        let names: Vec<&str> = workbook
            .split("<sheet ")
            .skip(1)
            .filter_map(|s| attribute(s, "name"))
            .collect();
        let mut by_sheet: BTreeMap<usize, Vec<&LongTable>> = BTreeMap::new();
        for table in &self.tables {
            let mut name = String::new();
            escape_attribute(&table.sheet, &mut name);
            let index = names
                .iter()
                .position(|n| *n == name)
                .ok_or_else(|| failed(format!("no sheet {}", table.sheet)))?;
            by_sheet.entry(index).or_default().push(table);
        }

        let mut saved: Vec<(String, String, Vec<&LongTable>)> = Vec::new();
        let mut tables: Vec<(String, String)> = Vec::new();
        for (index, mut long) in by_sheet {
            long.sort_by_key(|t| t.header);
            let part = format!("xl/worksheets/sheet{}.xml", index + 1);
            let xml = read_part(book, &part).map_err(failed)?;
            let rels = read_part(book, &format!("xl/worksheets/_rels/sheet{}.xml.rels", index + 1)).map_err(failed)?;
            // The sheet's table parts, each read once, by the name of its table.
            let mut table_parts: Vec<(String, String)> = Vec::new();
            let targets = (rels.split("<Relationship ").skip(1))
                .filter(|r| attribute(r, "Type").is_some_and(|t| t.ends_with("/table")))
                .filter_map(|r| attribute(r, "Target"))
                .filter_map(|t| t.strip_prefix("../"));
            for target in targets {
                let name = format!("xl/{target}");
                let xml = read_part(book, &name).map_err(failed)?;
                table_parts.push((name, xml));
            }
            for table in &long {
                let found = table_parts.iter().find(|(_, xml)| {
                    let element = xml.find("<table ").map_or("", |at| &xml[at..]);
                    attribute(element, "name") == Some(table.name.as_str())
                });
                let (table_part, table_xml) = found.ok_or_else(|| failed(format!("no table {}", table.name)))?;
                let last_col = column_letters(u32::from(table.columns) - 1);
                let old = format!("ref=\"A{}:{last_col}{}\"", table.header + 1, table.header + 1 + PROBES);
                let new = format!("ref=\"A{}:{last_col}{}\"", table.header + 1, table.last + 1);
                if !table_xml.contains(&old) {
                    return Err(failed(format!("{table_part} does not span {old}")));
                }
                tables.push((table_part.clone(), table_xml.replace(&old, &new)));
            }
            saved.push((part, xml, long));
        }
        let mut sheets: Vec<(&str, SheetParts)> = Vec::new();
        for (part, xml, long) in &saved {
            let parts = SheetParts::new(xml, long).map_err(|e| failed(format!("{part}: {e}")))?;
            sheets.push((part, parts));
        }

        let replaced: Vec<&str> = (sheets.iter().map(|(p, _)| *p))
            .chain(tables.iter().map(|(p, _)| p.as_str()))
            .collect();
        write_parts(&replaced, |name, out| {
            if let Some((_, sheet)) = sheets.iter().find(|(p, _)| *p == name) {
                return sheet.write(out);
            }
            match tables.iter().find(|(p, _)| p == name) {
                Some((_, xml)) => out.write_all(xml.as_bytes()),
                None => Ok(()),
            }
        })
        .map(Some)
        .map_err(failed)
    }
}

/// Makes the `<row>` of a long table's row, cell by cell, each cell's style marked with its place
/// in [`Style::ALL`].
struct RowXml<'x, 'r, R> {
    row: &'r R,
    place: usize,
    col: u16,
    /// The sheet's row (1-based).
    r: u32,
    xml: &'x mut String,
    /// The letters of the table's columns.
    names: &'x [String],
    widths: &'x mut Widths,
    /// Whether the row has a cell yet.
    any: bool,
}

impl<'r, R> Columns<'r, R> for RowXml<'_, 'r, R> {
    fn place(&self) -> usize {
        self.place
    }

    fn cell(&mut self, column: Column, value: impl Fn(&'r R) -> Cell<'r>) {
        let c = self.col;
        self.col += 1;
        let cell = value(self.row);
        let Some(style) = Style::of(&cell) else { return };
        self.any = true;
        fit(self.widths, column, c, &cell);
        cell_start(self.xml, &self.names[usize::from(c)], self.r, Some(style.index()));
        match &cell {
            Cell::Text(t) => inline_text(self.xml, t),
            Cell::Date(d) | Cell::MonthDay(d) => number_end(self.xml, d.to_excel_serial_date()),
            Cell::DateTime(d) => number_end(self.xml, d.to_excel_serial_date()),
            number => number_end(self.xml, number.number()),
        }
    }
}

/// A sheet as rust_xlsxwriter saved it, cut where its long tables' rows go.
struct SheetParts<'a> {
    /// Up to `<sheetData>`, the dimension set to cover the long tables.
    head: String,
    /// rust_xlsxwriter's rows (the probe rows left out) and the long tables, in row order.
    rows: Vec<Piece<'a>>,
    /// From `</sheetData>` on.
    tail: &'a str,
}

enum Piece<'a> {
    Rows(&'a str),
    Table(&'a LongTable, [String; PROBES as usize]),
}

impl<'a> SheetParts<'a> {
    fn new(xml: &'a str, long: &[&'a LongTable]) -> Result<SheetParts<'a>, String> {
        let start = xml.find("<sheetData>").ok_or("no sheet data")?;
        let end = xml.find("</sheetData>").ok_or("no end of sheet data")?;
        let data = &xml[start + "<sheetData>".len()..end];
        let mut rows = Vec::new();
        let mut pending = long.iter().copied().peekable();
        let mut starts: Vec<usize> = data.match_indices("<row ").map(|(at, _)| at).collect();
        starts.push(data.len());
        for pair in starts.windows(2) {
            let row = &data[pair[0]..pair[1]];
            let r: u32 = attribute(row, "r")
                .and_then(|r| r.parse().ok())
                .ok_or("a row without a number")?;
            if long.iter().any(|t| r > t.header + 1 && r <= t.header + 1 + PROBES) {
                continue; // a probe row
            }
            if let Some(t) = long.iter().find(|t| r > t.header + 1 && r <= t.last + 1) {
                return Err(format!("row {r} lies in table {}", t.name));
            }
            while let Some(t) = pending.next_if(|t| t.header + 1 < r) {
                rows.push(Piece::Table(t, probe_styles(xml, t)?));
            }
            rows.push(Piece::Rows(row));
        }
        for t in pending {
            rows.push(Piece::Table(t, probe_styles(xml, t)?));
        }
        let head = dimension_covering(&xml[..start + "<sheetData>".len()], long);
        Ok(SheetParts {
            head,
            rows,
            tail: &xml[end..],
        })
    }

    fn write(&self, out: &mut dyn Write) -> std::io::Result<()> {
        out.write_all(self.head.as_bytes())?;
        for piece in &self.rows {
            match piece {
                Piece::Rows(xml) => out.write_all(xml.as_bytes())?,
                Piece::Table(table, styles) => table.rows.each_chunk(|xml| write_marked(out, xml, styles))?,
            }
        }
        out.write_all(self.tail.as_bytes())
    }
}

/// The style numbers of a long table's probe cells (column A of its placeholder rows).
fn probe_styles(xml: &str, table: &LongTable) -> Result<[String; PROBES as usize], String> {
    let mut styles: [String; PROBES as usize] = Default::default();
    for (k, style) in styles.iter_mut().enumerate() {
        *style = style_of(xml, &format!("A{}", table.header + 2 + k as u32))
            .ok_or_else(|| format!("no probe cell in table {}", table.name))?;
    }
    Ok(styles)
}

/// `head` with its `<dimension>` widened to the long tables.
fn dimension_covering(head: &str, long: &[&LongTable]) -> String {
    let Some(at) = head.find("<dimension ref=\"") else {
        return head.to_string();
    };
    let from = at + "<dimension ref=\"".len();
    let range = &head[from..from + head[from..].find('"').unwrap_or(0)];
    let (first, last) = range.split_once(':').unwrap_or((range, range));
    let (Some((mut r1, mut c1)), Some((mut r2, mut c2))) = (cell(first), cell(last)) else {
        return head.to_string();
    };
    for t in long {
        r1 = r1.min(t.header + 1);
        r2 = r2.max(t.last + 1);
        c1 = 0;
        c2 = c2.max(t.columns.max(1) - 1);
    }
    let range = format!("{}{r1}:{}{r2}", column_letters(c1.into()), column_letters(c2.into()));
    with_dimension(head, &range)
}

/// 1-based row and 0-based column of a cell reference such as `B12`.
fn cell(reference: &str) -> Option<(u32, u16)> {
    let split = reference.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = reference.split_at(split);
    if letters.is_empty() || !letters.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let col = letters
        .bytes()
        .try_fold(0u32, |n, b| n.checked_mul(26)?.checked_add(u32::from(b - b'A') + 1))?;
    Some((digits.parse().ok()?, u16::try_from(col - 1).ok()?))
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use rust_decimal::Decimal;
    use rust_xlsxwriter::Workbook;

    use super::*;
    use crate::base::i18n::Lang;
    use crate::render::tests::{assert_same_workbook, part, sample_report};
    use crate::render::xlsx::writer::SheetLayout;

    /// A workbook as clerk writes it, the Findings sheet completed; `long` decides the long tables.
    fn render(report: &crate::report::Report, mut long: LongTables) -> (Vec<u8>, usize) {
        let (book, findings) = crate::render::xlsx::save(report, &mut long).unwrap();
        let book = long.complete(book).unwrap();
        (findings.complete(book).unwrap(), long.tables.len())
    }

    #[test]
    fn the_sample_months_workbook_has_the_cells_rust_xlsxwriter_wrote() {
        let out = tempfile::tempdir().unwrap();
        let report = sample_report(out.path());
        let (ours, long) = render(&report, LongTables::new());
        let (reference, none) = render(&report, LongTables::disabled());
        assert!(long >= 2, "the sample month has long tables ({long})");
        assert_eq!(none, 0);
        assert!(part(&ours, "xl/worksheets/sheet3.xml").contains("t=\"inlineStr\""));
        assert_same_workbook(&ours, &reference);
    }

    /// A long table whose rows are their cells, `columns` of them, each column any kind of cell.
    struct Cells {
        columns: usize,
    }

    impl Table for Cells {
        type Row = Vec<Cell<'static>>;
        const LONG: bool = true;
        fn columns<'r>(&'r self, c: &mut impl Columns<'r, Vec<Cell<'static>>>) {
            let headings = ["text", "mixed", "int", "money", "date", "at", "share"];
            for (i, heading) in headings.into_iter().enumerate().take(self.columns) {
                c.cell(heading.into(), move |row| row.get(i).cloned().unwrap_or(Cell::Empty));
            }
        }
    }

    /// Rows of every kind of cell, an empty row, text that needs escaping.
    fn awkward_rows() -> Vec<Vec<Cell<'static>>> {
        let day = NaiveDate::from_ymd_opt(2026, 10, 31).unwrap();
        let mut rows: Vec<Vec<Cell>> = (0..40)
            .map(|i| {
                vec![
                    Cell::Text(format!("客戶 {i}").into()),
                    match i % 4 {
                        0 => Cell::text("=SUM(A1)"),
                        1 => Cell::Int(i),
                        2 => Cell::Empty,
                        _ => Cell::text(" padded\n"),
                    },
                    Cell::Int(i * 1_000_003),
                    Cell::Money(Decimal::new(123_456_789 + i, 2)),
                    Cell::Date(day - chrono::Days::new(i as u64 * 40)),
                    Cell::DateTime(day.and_hms_opt(13, 7, i as u32).unwrap()),
                    Cell::Percent(i as f64 / 7.0),
                ]
            })
            .collect();
        rows[3] = vec![Cell::Empty, Cell::text("")];
        rows[5][0] = Cell::text("_x0041_ & <b> \u{1} 'quoted'");
        rows[7][2] = Cell::Money(Decimal::new(-5, 1));
        rows
    }

    /// A sheet with two long tables around a short one and a line of text, in a sheet whose name
    /// needs escaping.
    fn awkward_book(long: &mut LongTables) -> Vec<u8> {
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        sheet.set_name("Tom's & <list>").unwrap();
        let mut at = SheetLayout::new(sheet, crate::commands::texts::catalogue(Lang::En), Some(long));
        let mut rows = awkward_rows();
        at.table(&Cells { columns: 7 }, &rows, Some("First"), "First").unwrap();
        let short = [vec![Cell::text("one"), Cell::Int(1)]];
        at.table(&Cells { columns: 2 }, &short[..], Some("Short"), "Short")
            .unwrap();
        at.sheet.write_string(at.row, 0, "between").unwrap();
        at.row += 2;
        rows.truncate(PROBES as usize);
        at.table(&Cells { columns: 7 }, &rows, None, "Second").unwrap();
        at.widths.apply(at.sheet).unwrap();
        let book = book.save_to_buffer().unwrap();
        long.complete(book).unwrap()
    }

    #[test]
    fn awkward_long_tables_have_the_cells_rust_xlsxwriter_wrote() {
        let mut long = LongTables::new();
        let ours = awkward_book(&mut long);
        assert_eq!(long.tables.len(), 2, "the short table goes through rust_xlsxwriter");
        let reference = awkward_book(&mut LongTables::disabled());
        assert_same_workbook(&ours, &reference);
        let xml = part(&ours, "xl/worksheets/sheet1.xml");
        // First: title, header, 40 rows (1-42); Short: title, header, row (44-46); the line (48);
        // Second: header, 8 rows (50-58).
        assert!(xml.contains("<dimension ref=\"A1:G58\"/>"), "{}", &xml[..400]);
        assert!(xml.contains("<row r=\"3\"><c r=\"A3\" s=\""), "the first row of First");
        assert!(!xml.contains("<row r=\"6\""), "the row without cells");
        assert!(!xml.contains('\u{1}'));
        let numbers: Vec<u32> = xml
            .split("<row r=\"")
            .skip(1)
            .map(|row| row[..row.find('"').unwrap()].parse().unwrap())
            .collect();
        assert!(numbers.windows(2).all(|w| w[0] < w[1]), "{numbers:?}");
        assert_eq!(part(&ours, "xl/tables/table1.xml").matches("ref=\"A2:G42\"").count(), 2);
    }

    /// One column of whole numbers, `rows` of them.
    fn numbers(rows: i64) -> Vec<Vec<Cell<'static>>> {
        (0..rows).map(|i| vec![Cell::Int(i)]).collect()
    }

    #[test]
    fn a_long_table_past_the_sheets_last_row_is_refused_as_rust_xlsxwriter_refuses_it() {
        let rows = numbers(20);
        for mut long in [LongTables::new(), LongTables::disabled()] {
            let mut book = Workbook::new();
            let sheet = book.add_worksheet();
            let mut at = SheetLayout::new(sheet, crate::commands::texts::catalogue(Lang::En), Some(&mut long));
            at.row = 1_048_560;
            let result = at.table(&Cells { columns: 1 }, &rows, None, "T");
            assert!(
                matches!(result, Err(rust_xlsxwriter::XlsxError::RowColumnLimitError)),
                "{result:?}"
            );
            assert!(long.tables.is_empty());
        }
    }

    #[test]
    fn a_sheet_row_in_a_long_tables_rows_is_refused() {
        let mut long = LongTables::new();
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        let rows = numbers(20);
        let mut at = SheetLayout::new(sheet, crate::commands::texts::catalogue(Lang::En), Some(&mut long));
        at.table(&Cells { columns: 1 }, &rows, None, "T").unwrap();
        at.sheet.write_string(15, 0, "in the way").unwrap();
        let error = long.complete(book.save_to_buffer().unwrap()).unwrap_err();
        assert!(error.contains("row 16 lies in table T"), "{error}");
    }
}
