//! The long tables of the rule-family sheets — the month's contracts and amendments, the guest
//! lists — which reach tens of thousands of rows in a large month.
//!
//! As with the Findings rows ([`super::findings_sheet`]), clerk writes their rows itself, straight
//! into the saved workbook. [`super::xlsx::write_long_table`] has rust_xlsxwriter lay the table out
//! (title, header, the table with its column formats) over a few placeholder rows holding one
//! probe cell in each format a row can use, and makes the rows' XML at once, with a mark where
//! each cell's style number goes. [`LongTables::complete`] reads the numbers rust_xlsxwriter gave
//! the probes in the saved workbook, puts the rows in place of the probe rows and sets the table's
//! and the sheet's ranges. Every cell keeps the value and style rust_xlsxwriter would have given
//! it; text goes in as inline strings rather than through the shared-string table.
//!
//! Tables under a chart stay with rust_xlsxwriter, which fills the chart's cache from their cells.

use std::collections::BTreeMap;
use std::io::Write;

use rust_xlsxwriter::IntoExcelDateTime;

use super::ooxml::{
    attribute, cell_start, escape_attribute, inline_text, number_end, push_int, read_part, style_of, with_dimension,
    write_marked, write_parts,
};
use super::xlsx::{Cell, Style, Widths};
use crate::read::column_letters;

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
    /// Columns of the table, and of its widest row.
    columns: u16,
    width: u16,
    /// The `<row>` elements, each cell's style marked with its place in [`Style::ALL`]
    /// ([`super::ooxml::MARK`]).
    xml: String,
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

    /// Makes the XML of `rows`, under a header in 0-based row `header` of `sheet`, fitting
    /// `widths` to them.
    pub(super) fn add(
        &mut self,
        sheet: &str,
        name: &str,
        header: u32,
        columns: u16,
        rows: &[Vec<Cell>],
        widths: &mut Widths,
    ) {
        let width = rows.iter().map(Vec::len).max().unwrap_or(0).max(columns as usize);
        let names: Vec<String> = (0..width as u32).map(column_letters).collect();
        let mut xml = String::with_capacity(rows.len() * 64 * columns as usize);
        for (i, cells) in rows.iter().enumerate() {
            let r = header + 2 + i as u32;
            let start = xml.len();
            xml.push_str("<row r=\"");
            push_int(&mut xml, r);
            xml.push_str("\">");
            let mut any = false;
            for (c, cell) in cells.iter().enumerate() {
                let Some(style) = Style::of(cell) else { continue };
                any = true;
                match cell {
                    Cell::Text(t) => widths.fit(c as u16, t),
                    _ => widths.fit(c as u16, &cell.shown()),
                }
                cell_start(&mut xml, &names[c], r, Some(style.index()));
                let number = match cell {
                    Cell::Text(t) => {
                        inline_text(&mut xml, t);
                        continue;
                    }
                    Cell::Int(n) => *n as f64,
                    Cell::Money(m) => super::xlsx::money_value(m),
                    Cell::Percent(p) => *p,
                    Cell::Date(d) => d.to_excel_serial_date(),
                    Cell::DateTime(d) => d.to_excel_serial_date(),
                    Cell::Empty => continue,
                };
                number_end(&mut xml, number);
            }
            if any {
                xml.push_str("</row>");
            } else {
                xml.truncate(start); // rust_xlsxwriter writes no row without cells
            }
        }
        self.tables.push(LongTable {
            sheet: sheet.to_string(),
            name: name.to_string(),
            header,
            last: header + rows.len() as u32,
            columns,
            width: width as u16,
            xml,
        });
    }

    /// `book` (as rust_xlsxwriter saved it) with every long table's rows in place of its probes.
    /// (A run puts [`LongTables::parts`] into the workbook together with the Findings sheet's.)
    #[cfg(test)]
    pub(crate) fn complete(&self, book: Vec<u8>) -> Result<Vec<u8>, String> {
        match self.parts(&book)? {
            Some(parts) => super::ooxml::replace_parts(book, &[parts])
                .map_err(|e| format!("the workbook's long tables could not be written: {e}")),
            None => Ok(book),
        }
    }

    /// The sheets and tables of the long tables, as parts to go into `book`
    /// ([`super::ooxml::replace_parts`]); none when there are no long tables.
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
                Piece::Table(table, styles) => write_marked(out, &table.xml, styles)?,
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
        c2 = c2.max(t.width.max(1) - 1);
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
pub(super) mod tests {
    use std::collections::BTreeMap;

    use chrono::NaiveDate;
    use rust_decimal::Decimal;
    use rust_xlsxwriter::Workbook;

    use super::super::findings_sheet::tests::sample_report;
    use super::super::xlsx::{write_long_table, write_table};
    use super::*;

    fn part(book: &[u8], name: &str) -> String {
        read_part(book, name).unwrap()
    }

    /// The elements `<name …>…</name>` (or `<name …/>`) of a section of `xml`, in order.
    fn elements<'x>(xml: &'x str, name: &str) -> Vec<&'x str> {
        let open = format!("<{name}");
        let close = format!("</{name}>");
        let mut out = Vec::new();
        let mut rest = xml;
        while let Some(at) = rest.find(&open) {
            let after = &rest[at + open.len()..];
            if !after.starts_with([' ', '>', '/']) {
                rest = after;
                continue;
            }
            let tag_end = at + rest[at..].find('>').unwrap() + 1;
            let end = match rest[..tag_end].ends_with("/>") {
                true => tag_end,
                false => tag_end + rest[tag_end..].find(&close).unwrap() + close.len(),
            };
            out.push(&rest[at..end]);
            rest = &rest[end..];
        }
        out
    }

    /// Every cell style of a saved workbook by its number, spelled out: the `<xf>` with its number
    /// format, font, fill and border written into it.
    fn styles(book: &[u8]) -> Vec<String> {
        let xml = part(book, "xl/styles.xml");
        let section = |name: &str| match (xml.find(&format!("<{name} ")), xml.find(&format!("</{name}>"))) {
            (Some(start), Some(end)) => &xml[start..end],
            _ => "",
        };
        let formats: BTreeMap<&str, &str> = elements(section("numFmts"), "numFmt")
            .into_iter()
            .map(|f| (attribute(f, "numFmtId").unwrap(), attribute(f, "formatCode").unwrap()))
            .collect();
        let fonts = elements(section("fonts"), "font");
        let fills = elements(section("fills"), "fill");
        let borders = elements(section("borders"), "border");
        elements(section("cellXfs"), "xf")
            .into_iter()
            .map(|xf| {
                let number = |name: &str| attribute(xf, name).unwrap_or("0");
                let format = number("numFmtId");
                let nth = |list: &[&str], name: &str| list[number(name).parse::<usize>().unwrap()].to_string();
                let children = xf.find('>').map_or("", |at| &xf[at..]);
                format!(
                    "format {} font {} fill {} border {} quote {} {children}",
                    formats.get(format).copied().unwrap_or(format),
                    nth(&fonts, "fontId"),
                    nth(&fills, "fillId"),
                    nth(&borders, "borderId"),
                    attribute(xf, "quotePrefix").unwrap_or("0"),
                )
            })
            .collect()
    }

    /// Each cell of sheet `sheet` (1-based) by its reference: its value (shared or inline text as
    /// written, or the number) and its style spelled out.
    fn cells(book: &[u8], sheet: usize) -> BTreeMap<String, String> {
        let xml = part(book, &format!("xl/worksheets/sheet{sheet}.xml"));
        let shared = read_part(book, "xl/sharedStrings.xml").unwrap_or_default();
        let strings: Vec<&str> = elements(&shared, "si").into_iter().map(text).collect();
        let styles = styles(book);
        elements(&xml, "c")
            .into_iter()
            .map(|c| {
                let value = match attribute(c, "t") {
                    Some("s") => strings[value(c).parse::<usize>().unwrap()].to_string(),
                    Some("inlineStr") => text(c).to_string(),
                    _ => value(c).to_string(),
                };
                let style = &styles[attribute(c, "s").unwrap_or("0").parse::<usize>().unwrap()];
                (attribute(c, "r").unwrap().to_string(), format!("{value:?} {style}"))
            })
            .collect()
    }

    /// The text of a `<t>` in `xml`, as written (with `xml:space` said).
    fn text(xml: &str) -> &str {
        let at = xml.find("<t").unwrap();
        &xml[at..xml.find("</t>").unwrap()]
    }

    fn value(xml: &str) -> &str {
        xml.find("<v>").map_or("", |at| &xml[at + 3..xml.find("</v>").unwrap()])
    }

    /// What must be the same in the two workbooks: every cell of every sheet, each sheet's XML
    /// outside its rows, the tables.
    pub(crate) fn assert_same_workbook(ours: &[u8], reference: &[u8]) {
        let sheets = elements(&part(reference, "xl/workbook.xml"), "sheet").len();
        assert!(sheets > 0);
        for sheet in 1..=sheets {
            let (ours_cells, their_cells) = (cells(ours, sheet), cells(reference, sheet));
            for (at, theirs) in &their_cells {
                assert_eq!(ours_cells.get(at), Some(theirs), "sheet {sheet} cell {at}");
            }
            assert_eq!(ours_cells.len(), their_cells.len(), "sheet {sheet}");
            let name = format!("xl/worksheets/sheet{sheet}.xml");
            let (ours_xml, their_xml) = (part(ours, &name), part(reference, &name));
            let outside = |xml: &str| {
                let (head, rest) = xml.split_once("<sheetData>").unwrap();
                format!("{head}{}", &rest[rest.find("</sheetData>").unwrap()..])
            };
            assert_eq!(outside(&ours_xml), outside(&their_xml), "{name}");
        }
        for t in 1.. {
            let name = format!("xl/tables/table{t}.xml");
            let Ok(theirs) = read_part(reference, &name) else { break };
            assert_eq!(part(ours, &name), theirs, "{name}");
        }
    }

    /// A workbook as clerk writes it, the Findings sheet completed; `long` decides the long tables.
    fn render(report: &crate::report::Report, mut long: LongTables) -> (Vec<u8>, usize) {
        let (book, findings) = super::super::xlsx::save(report, &mut long).unwrap();
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

    /// A sheet with two long tables (every kind of cell, an empty row, a cell past the header) around
    /// a short one and a line of text, in a sheet whose name needs escaping.
    fn awkward_book(long: &mut LongTables) -> Vec<u8> {
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        sheet.set_name("Tom's & <list>").unwrap();
        let mut widths = Widths::new();
        let headers: Vec<String> = ["text", "mixed", "int", "money", "date", "at", "share"]
            .map(String::from)
            .to_vec();
        let day = NaiveDate::from_ymd_opt(2026, 10, 31).unwrap();
        let mut rows: Vec<Vec<Cell>> = (0..40)
            .map(|i| {
                vec![
                    Cell::Text(format!("客戶 {i}")),
                    match i % 4 {
                        0 => Cell::Text("=SUM(A1)".into()),
                        1 => Cell::Int(i),
                        2 => Cell::Empty,
                        _ => Cell::Text(" padded\n".into()),
                    },
                    Cell::Int(i * 1_000_003),
                    Cell::Money(Decimal::new(123_456_789 + i, 2)),
                    Cell::Date(day - chrono::Days::new(i as u64 * 40)),
                    Cell::DateTime(day.and_hms_opt(13, 7, i as u32).unwrap()),
                    Cell::Percent(i as f64 / 7.0),
                ]
            })
            .collect();
        rows[3] = vec![Cell::Empty, Cell::Text(String::new())];
        rows[5][0] = Cell::Text("_x0041_ & <b> \u{1} 'quoted'".into());
        rows[6].push(Cell::Text("past the header".into()));
        rows[7][2] = Cell::Money(Decimal::new(-5, 1));
        let mut row = write_long_table(sheet, long, 0, Some("First"), "First", &headers, &rows, &mut widths).unwrap();
        let short = vec![vec![Cell::Text("one".into()), Cell::Int(1)]];
        row = write_table(sheet, row, Some("Short"), "Short", &headers[..2], &short, &mut widths).unwrap();
        sheet.write_string(row, 0, "between").unwrap();
        rows.truncate(PROBES as usize);
        write_long_table(sheet, long, row + 2, None, "Second", &headers, &rows, &mut widths).unwrap();
        widths.apply(sheet).unwrap();
        let book = book.save_to_buffer().unwrap();
        long.complete(book).unwrap()
    }

    #[test]
    fn awkward_long_tables_have_the_cells_rust_xlsxwriter_wrote() {
        let mut long = LongTables::new();
        let ours = awkward_book(&mut long);
        assert_eq!(long.tables.len(), 2);
        let reference = awkward_book(&mut LongTables::disabled());
        assert_same_workbook(&ours, &reference);
        let xml = part(&ours, "xl/worksheets/sheet1.xml");
        // First: title, header, 40 rows (1-42); Short: title, header, row (44-46); the line (48);
        // Second: header, 7 rows (50-57).
        assert!(xml.contains("<dimension ref=\"A1:H57\"/>"), "{}", &xml[..400]);
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

    #[test]
    fn a_long_table_past_the_sheets_last_row_is_refused_as_rust_xlsxwriter_refuses_it() {
        let headers = vec!["a".to_string()];
        let rows: Vec<Vec<Cell>> = (0..20).map(|i| vec![Cell::Int(i)]).collect();
        for mut long in [LongTables::new(), LongTables::disabled()] {
            let mut book = Workbook::new();
            let sheet = book.add_worksheet();
            let result = write_long_table(
                sheet,
                &mut long,
                1_048_560,
                None,
                "T",
                &headers,
                &rows,
                &mut Widths::new(),
            );
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
        let headers = vec!["a".to_string()];
        let rows: Vec<Vec<Cell>> = (0..20).map(|i| vec![Cell::Int(i)]).collect();
        write_long_table(sheet, &mut long, 0, None, "T", &headers, &rows, &mut Widths::new()).unwrap();
        sheet.write_string(15, 0, "in the way").unwrap();
        let error = long.complete(book.save_to_buffer().unwrap()).unwrap_err();
        assert!(error.contains("row 16 lies in table T"), "{error}");
    }
}
