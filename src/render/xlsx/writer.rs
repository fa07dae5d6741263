//! The one table writer: lays a declared [`Table`] out on a sheet, through rust_xlsxwriter or,
//! for a long table, through [`LongTables`] (see [`super::table`]).
//!
//! Every value sits where its kind puts it — text and dates on the left, numbers on the right
//! with an indent that keeps them off the next column's text ([`Align`]) — and every heading sits
//! like the values under it, so that a number stands under its own heading; a right-aligned
//! heading with a filter button keeps the button off its text.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Worksheet, XlsxError};

use super::cell::{money_number_format, put_text, text_width, Align, Cell, Style};
use super::long_tables::{LongTables, PROBES};
use super::table::{columns_of, fit, headings, Column, Columns, Look, Table, TableRows, Visit};
use super::widths::{Widths, MARGIN};
use crate::base::i18n::Catalogue;

pub(crate) use super::excel_table::{add_table, TableSpec};

/// The title over a table.
pub(crate) fn section_format() -> Format {
    Format::new()
        .set_bold()
        .set_font_size(12)
        .set_border_bottom(FormatBorder::Thin)
}

/// A sheet being laid out from top to bottom: the row the next part goes in, and the widths its
/// columns have grown to.
pub(crate) struct SheetLayout<'a> {
    pub(crate) sheet: &'a mut Worksheet,
    pub(crate) text: Catalogue,
    /// The row the next part goes in (0-based).
    pub(crate) row: u32,
    /// The column the next table starts in (0-based; a long table always starts in column A).
    pub(crate) col: u16,
    pub(crate) widths: Widths,
    /// The text of each wrapped cell of the short tables (row, column, text), to give its row the
    /// height of its lines once the columns' widths are known ([`SheetLayout::apply`]).
    wrapped: Vec<(u32, u16, String)>,
    /// Where the rows of long tables go; none: every table is written through rust_xlsxwriter.
    long: Option<&'a mut LongTables>,
}

impl<'a> SheetLayout<'a> {
    pub(crate) fn new(sheet: &'a mut Worksheet, text: Catalogue, long: Option<&'a mut LongTables>) -> Self {
        SheetLayout {
            sheet,
            text,
            row: 0,
            col: 0,
            widths: Widths::new(),
            wrapped: Vec::new(),
            long,
        }
    }

    /// Sets the columns' widths, and gives each row of wrapped text in a short table the height
    /// of its lines at those widths (not every program works it out on opening the file).
    pub(crate) fn apply(&mut self) -> Result<(), XlsxError> {
        self.widths.apply(self.sheet)?;
        let mut heights: std::collections::BTreeMap<u32, u32> = Default::default();
        for (row, col, text) in &self.wrapped {
            let width = self.widths.0.get(usize::from(*col)).copied().unwrap_or(8.43);
            let room = (width - MARGIN + 1.0).max(1.0);
            let lines: u32 = (text.lines())
                .map(|line| (text_width(line) as f64 / room).ceil().max(1.0) as u32)
                .sum();
            let most = heights.entry(*row).or_insert(1);
            *most = (*most).max(lines);
        }
        for (row, lines) in heights.into_iter().filter(|(_, lines)| *lines > 1) {
            self.sheet.set_row_height(row, LINE_HEIGHT * f64::from(lines))?;
        }
        Ok(())
    }

    /// Writes `table` of `rows` at the current row and column: the title if any, the header, the
    /// rows, as an Excel table named `name` (unique in the workbook: letters, digits, underscore).
    /// Moves on to two rows under the table; returns the row of its header.
    pub(crate) fn table<T: Table, Rows: TableRows<T::Row> + ?Sized>(
        &mut self,
        table: &T,
        rows: &Rows,
        title: Option<&str>,
        name: &str,
    ) -> Result<u32, XlsxError> {
        let columns = columns_of(table);
        let headings = headings(&columns, &self.text);
        let mut row = self.row;
        if let Some(title) = title {
            self.sheet
                .write_string_with_format(row, self.col, title, &section_format())?;
            row += 1;
        }
        let styles = column_styles(table, rows, columns.len());
        let aligns: Vec<Align> = (columns.iter().zip(&styles))
            .map(|(column, style)| Align::of(*style, column.align))
            .collect();
        let at = Placed {
            header: row,
            first: self.col,
            headings: &headings,
            aligns: &aligns,
            styles: &styles,
            name,
            filters: T::FILTERS,
        };
        self.row = match T::LOOK {
            Look::Typed => self.typed(table, rows, &at)?,
            Look::Plain => rows.with_slice(|rows| self.plain(table, rows, &at))?,
        };
        Ok(row)
    }

    /// A table of the typed look; returns the row two under it.
    fn typed<T: Table, Rows: TableRows<T::Row> + ?Sized>(
        &mut self,
        table: &T,
        rows: &Rows,
        at: &Placed,
    ) -> Result<u32, XlsxError> {
        let formats = TypedFormats::new();
        // Each column's most common format becomes the table column's: the table gives it to the
        // column's cells, and only to them (a worksheet column format would also reach the sheet's
        // titles and other tables), without a look-up of the format for every cell. Cells in
        // another format (a quote prefix, another type) are written with theirs after the table.
        let column_formats: Vec<Option<&Format>> = at.styles.iter().map(|s| s.map(|s| formats.of(s))).collect();
        if T::LONG && at.first == 0 && self.long.as_ref().is_some_and(|long| long.takes(rows.count())) {
            return self.typed_long(table, rows, at, &formats, &column_formats);
        }
        rows.with_slice(|rows| self.typed_held(table, rows, at, &formats, &column_formats))
    }

    /// A table of the typed look written through rust_xlsxwriter; returns the row two under it.
    fn typed_held<'r, T: Table>(
        &mut self,
        table: &'r T,
        rows: &'r [T::Row],
        at: &Placed,
        formats: &TypedFormats,
        column_formats: &[Option<&Format>],
    ) -> Result<u32, XlsxError> {
        let last = at.header + rows.len() as u32;
        let mut others = Vec::new();
        // A table that is never long keeps its wrapped cells for the rows' heights.
        let mut wrapped = (!T::LONG).then_some(&mut self.wrapped);
        for (place, row) in rows.iter().enumerate() {
            let mut write = TypedRow {
                visit: Visit { row, place, col: 0 },
                first: at.first,
                r: at.header + 1 + place as u32,
                sheet: self.sheet,
                widths: &mut self.widths,
                styles: at.styles,
                others: &mut others,
                wrapped: wrapped.as_deref_mut(),
                error: None,
            };
            table.columns(&mut write);
            write.error.map_or(Ok(()), Err)?;
        }
        add_table(self.sheet, &at.spec(last, column_formats), &mut self.widths)?;
        for (r, c, cell, style) in others {
            write_typed(self.sheet, r, c, &cell, Some(formats.of(style)))?;
        }
        Ok(last.max(at.header + 1) + 2)
    }

    /// A long table of the typed look, its rows left to [`LongTables`]; returns the row two under
    /// it.
    fn typed_long<T: Table, Rows: TableRows<T::Row> + ?Sized>(
        &mut self,
        table: &T,
        rows: &Rows,
        at: &Placed,
        formats: &TypedFormats,
        column_formats: &[Option<&Format>],
    ) -> Result<u32, XlsxError> {
        // Past a sheet's last row rust_xlsxwriter refuses the cells; so does this.
        if u64::from(at.header) + rows.count() as u64 >= 1_048_576 {
            return Err(XlsxError::RowColumnLimitError);
        }
        // The rows go in when the workbook is saved; the placeholder rows under the header hold a
        // probe cell in each format, written after the table so that they keep their own.
        if let Some(long) = self.long.as_deref_mut() {
            let (sheet, columns) = (self.sheet.name(), at.headings.len() as u16);
            long.add(&sheet, at.name, at.header, columns, table, rows, &mut self.widths);
        }
        let last_probe = at.header + PROBES;
        add_table(self.sheet, &at.spec(last_probe, column_formats), &mut self.widths)?;
        for (k, style) in Style::ALL.iter().enumerate() {
            (self.sheet).write_string_with_format(at.header + 1 + k as u32, 0, "x", formats.of(*style))?;
        }
        Ok(at.header + rows.count() as u32 + 2)
    }

    /// A table of the plain look; returns the row two under it.
    fn plain<'r, T: Table>(&mut self, table: &'r T, rows: &'r [T::Row], at: &Placed) -> Result<u32, XlsxError> {
        let formats = PlainFormats::new();
        for (place, row) in rows.iter().enumerate() {
            let mut write = PlainRow {
                visit: Visit { row, place, col: 0 },
                first: at.first,
                r: at.header + 1 + place as u32,
                sheet: self.sheet,
                widths: &mut self.widths,
                formats: &formats,
                error: None,
            };
            table.columns(&mut write);
            write.error.map_or(Ok(()), Err)?;
        }
        let last = at.header + rows.len() as u32;
        add_table(self.sheet, &at.spec(last, &[]), &mut self.widths)?;
        Ok(last.max(at.header + 1) + 2)
    }
}

/// Where a table goes and how its columns look: its header row and first column, headings, the
/// alignment and most common style of each column, name, and whether it has filter buttons.
struct Placed<'a> {
    header: u32,
    first: u16,
    headings: &'a [String],
    aligns: &'a [Align],
    styles: &'a [Option<Style>],
    name: &'a str,
    filters: bool,
}

impl<'a> Placed<'a> {
    /// The table as [`add_table`] makes it, down to `last_row`, its columns in `formats`.
    fn spec(&self, last_row: u32, formats: &'a [Option<&'a Format>]) -> TableSpec<'a> {
        TableSpec {
            header: self.header,
            first: self.first,
            last_row,
            headings: self.headings,
            name: self.name,
            formats,
            aligns: self.aligns,
            filters: self.filters,
        }
    }
}

/// The formats of the typed look, one for each [`Style`].
struct TypedFormats([Format; 8]);

impl TypedFormats {
    fn new() -> Self {
        let top = || Format::new().set_align(FormatAlign::Top);
        let left = |f: Format| Align::Left.on(f, 0);
        let right = |f: Format| Align::Right.on(f, 1);
        let date = left(top().set_num_format("yyyy-mm-dd"));
        let datetime = left(top().set_num_format("yyyy-mm-dd hh:mm"));
        let int = right(top().set_num_format("#,##0"));
        let money = right(top().set_num_format(money_number_format()));
        let percent = right(top().set_num_format("0.0%"));
        let month_day = left(top().set_num_format("mm-dd"));
        let text = left(top().set_text_wrap());
        let quoted = text.clone().set_quote_prefix();
        // In the order of Style::ALL.
        TypedFormats([text, quoted, int, money, date, datetime, percent, month_day])
    }

    fn of(&self, style: Style) -> &Format {
        &self.0[style.index()]
    }
}

/// Each column's most common [`Style`] (the first of equals), none for an empty column; quoted
/// text counts as text.
fn column_styles<T: Table, Rows: TableRows<T::Row> + ?Sized>(
    table: &T,
    rows: &Rows,
    columns: usize,
) -> Vec<Option<Style>> {
    struct Count<'c, 'r, R> {
        visit: Visit<'r, R>,
        counts: &'c mut [[usize; 7]],
    }
    impl<'r, R> Columns<'r, R> for Count<'_, 'r, R> {
        fn place(&self) -> usize {
            self.visit.place
        }
        fn cell(&mut self, _: Column, value: impl Fn(&'r R) -> Cell<'r>) {
            let (col, cell) = self.visit.next(value);
            let kind = Style::of(&cell).and_then(|s| Style::COLUMN.iter().position(|a| *a == s));
            if let (Some(kind), Some(counts)) = (kind, self.counts.get_mut(usize::from(col))) {
                counts[kind] += 1;
            }
        }
    }
    let mut counts = vec![[0usize; 7]; columns];
    rows.each(|place, row| {
        let visit = Visit { row, place, col: 0 };
        table.columns(&mut Count {
            visit,
            counts: &mut counts,
        });
    });
    (counts.iter())
        .map(|counts| {
            let (best, count) =
                (counts.iter().enumerate()).fold((0, 0), |b, (i, n)| if *n > b.1 { (i, *n) } else { b });
            (count > 0).then_some(Style::COLUMN[best])
        })
        .collect()
}

/// Writes a row of a typed table through rust_xlsxwriter: the cells in their column's format
/// without one of their own (the table gives them theirs), the others kept for after the table.
struct TypedRow<'w, 'r, R> {
    visit: Visit<'r, R>,
    /// The sheet's column of the table's first.
    first: u16,
    /// The sheet's row (0-based).
    r: u32,
    sheet: &'w mut Worksheet,
    widths: &'w mut Widths,
    styles: &'w [Option<Style>],
    others: &'w mut Vec<(u32, u16, Cell<'r>, Style)>,
    /// Where the row's text that may wrap goes, for the row's height (none: a long table).
    wrapped: Option<&'w mut Vec<(u32, u16, String)>>,
    error: Option<XlsxError>,
}

impl<'r, R> Columns<'r, R> for TypedRow<'_, 'r, R> {
    fn place(&self) -> usize {
        self.visit.place
    }

    fn cell(&mut self, column: Column, value: impl Fn(&'r R) -> Cell<'r>) {
        let (c, cell) = self.visit.next(value);
        let Some(style) = Style::of(&cell) else { return };
        let at = self.first + c;
        fit(self.widths, column, at, &cell);
        if let (Cell::Text(t), Some(wrapped)) = (&cell, self.wrapped.as_deref_mut()) {
            // Text shorter than any column is never wrapped.
            if t.len() > 8 || t.contains('\n') {
                wrapped.push((self.r, at, t.to_string()));
            }
        }
        if self.styles.get(usize::from(c)).copied().flatten() != Some(style) {
            self.others.push((self.r, at, cell, style));
        } else if let Err(e) = write_typed(self.sheet, self.r, at, &cell, None) {
            self.error.get_or_insert(e);
        }
    }
}

/// Writes a cell of a typed table, in `format` or (none) its table column's.
fn write_typed(sheet: &mut Worksheet, r: u32, c: u16, cell: &Cell, format: Option<&Format>) -> Result<(), XlsxError> {
    match (cell, format) {
        (Cell::Empty, _) => {}
        (Cell::Text(t), None) => drop(sheet.write_string(r, c, t.as_ref())?),
        (Cell::Text(t), Some(f)) => drop(sheet.write_string_with_format(r, c, t.as_ref(), f)?),
        (Cell::Date(d), None) => drop(sheet.write_datetime(r, c, *d)?),
        (Cell::Date(d), Some(f)) => drop(sheet.write_datetime_with_format(r, c, *d, f)?),
        (Cell::MonthDay(d), None) => drop(sheet.write_datetime(r, c, *d)?),
        (Cell::MonthDay(d), Some(f)) => drop(sheet.write_datetime_with_format(r, c, *d, f)?),
        (Cell::DateTime(d), None) => drop(sheet.write_datetime(r, c, *d)?),
        (Cell::DateTime(d), Some(f)) => drop(sheet.write_datetime_with_format(r, c, *d, f)?),
        (number, None) => drop(sheet.write_number(r, c, number.number())?),
        (number, Some(f)) => drop(sheet.write_number_with_format(r, c, number.number(), f)?),
    }
    Ok(())
}

/// The height of a line of text in a row, in points (Calibri 11, and a Chinese font's taller line).
const LINE_HEIGHT: f64 = 16.0;

/// The formats of the plain look.
struct PlainFormats {
    text: Format,
    count: Format,
    number: Format,
    money: Format,
    date: Format,
    month_day: Format,
    datetime: Format,
    percent: Format,
}

impl PlainFormats {
    fn new() -> Self {
        let right = |f: Format| Align::Right.on(f, 1);
        PlainFormats {
            text: Align::Left.on(Format::new(), 0),
            count: right(Format::new().set_num_format("#,##0")),
            number: right(Format::new()),
            money: right(Format::new().set_num_format(money_number_format())),
            date: Align::Left.on(Format::new().set_num_format("yyyy-mm-dd"), 0),
            month_day: Align::Left.on(Format::new().set_num_format("mm-dd"), 0),
            datetime: Align::Left.on(Format::new().set_num_format("yyyy-mm-dd hh:mm"), 0),
            percent: right(Format::new().set_num_format("0.0%")),
        }
    }
}

/// Writes a row of a plain table through rust_xlsxwriter, cell by cell in its own format. Text
/// is written as rust_xlsxwriter writes a string with a format: an empty one leaves a blank cell.
struct PlainRow<'w, 'r, R> {
    visit: Visit<'r, R>,
    first: u16,
    r: u32,
    sheet: &'w mut Worksheet,
    widths: &'w mut Widths,
    formats: &'w PlainFormats,
    error: Option<XlsxError>,
}

impl<'r, R> Columns<'r, R> for PlainRow<'_, 'r, R> {
    fn place(&self) -> usize {
        self.visit.place
    }

    fn cell(&mut self, column: Column, value: impl Fn(&'r R) -> Cell<'r>) {
        let (c, cell) = self.visit.next(value);
        let c = self.first + c;
        fit(self.widths, column, c, &cell);
        let (sheet, r, f) = (&mut *self.sheet, self.r, self.formats);
        let written = match &cell {
            Cell::Empty => Ok(()),
            Cell::Text(t) => put_text(sheet, r, c, t, &f.text),
            Cell::Int(_) => sheet.write_number_with_format(r, c, cell.number(), &f.count).map(drop),
            Cell::Number(n) => sheet.write_number_with_format(r, c, *n, &f.number).map(drop),
            Cell::Money(_) => sheet.write_number_with_format(r, c, cell.number(), &f.money).map(drop),
            Cell::Percent(p) => sheet.write_number_with_format(r, c, *p, &f.percent).map(drop),
            Cell::Date(d) => sheet.write_datetime_with_format(r, c, *d, &f.date).map(drop),
            Cell::MonthDay(d) => sheet.write_datetime_with_format(r, c, *d, &f.month_day).map(drop),
            Cell::DateTime(d) => sheet.write_datetime_with_format(r, c, *d, &f.datetime).map(drop),
        };
        if let Err(e) = written {
            self.error.get_or_insert(e);
        }
    }
}

#[cfg(test)]
mod tests {
    use rust_xlsxwriter::Workbook;

    use super::*;
    use crate::base::i18n::Lang;
    use crate::render::tests::part;

    /// The `<xf>` of `cell` in the first sheet (its attributes and alignment).
    fn xf_of(book: &[u8], cell: &str) -> String {
        let sheet = part(book, "xl/worksheets/sheet1.xml");
        let at = sheet
            .find(&format!("<c r=\"{cell}\""))
            .unwrap_or_else(|| panic!("no {cell}"));
        let tag = &sheet[at..at + sheet[at..].find('>').unwrap()];
        let s: usize = tag
            .split(" s=\"")
            .nth(1)
            .map_or(0, |s| s[..s.find('"').unwrap()].parse().unwrap());
        let styles = part(book, "xl/styles.xml");
        let xfs = &styles[styles.find("<cellXfs").unwrap()..styles.find("</cellXfs>").unwrap()];
        let xf = xfs.split("<xf ").nth(s + 1).unwrap();
        xf.split("</xf>").next().unwrap().to_string()
    }

    /// Two columns of any cells, in the plain look or the typed.
    struct Pairs<const PLAIN: bool>;

    impl<const PLAIN: bool> Table for Pairs<PLAIN> {
        type Row = (Cell<'static>, Cell<'static>);
        const LOOK: Look = if PLAIN { Look::Plain } else { Look::Typed };
        fn columns<'r>(&'r self, c: &mut impl Columns<'r, Self::Row>) {
            c.cell("What".into(), |(what, _)| what.clone());
            c.cell(Column::by_heading("Count"), |(_, count)| count.clone());
        }
    }

    /// A workbook with one table of `rows` under a title line, and the row after the table.
    fn book<const PLAIN: bool>(rows: &[(Cell<'static>, Cell<'static>)]) -> (Vec<u8>, u32) {
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write_string(0, 0, "Title above the table").unwrap();
        let mut at = SheetLayout::new(sheet, crate::commands::texts::catalogue(Lang::En), None);
        at.row = 1;
        at.table(&Pairs::<PLAIN>, rows, None, "Mixed").unwrap();
        let next = at.row;
        (book.save_to_buffer().unwrap(), next)
    }

    fn mixed() -> Vec<(Cell<'static>, Cell<'static>)> {
        vec![
            (Cell::text("plain"), Cell::Int(1_234)),
            (Cell::text("=looks like a formula"), Cell::Int(5)),
            (Cell::Int(42), Cell::text("n/a")),
            (Cell::text("more"), Cell::Empty),
        ]
    }

    #[test]
    fn a_table_column_gives_its_format_to_its_cells_and_a_cell_of_another_kind_keeps_its_own() {
        let (book, next) = book::<false>(&mixed());
        assert_eq!(next, 7, "two rows after the table");
        let int_format = |xf: &str| xf.contains("numFmtId=\"3\"") || xf.contains("numFmtId=\"16");
        // Text in the text column wraps and is top-aligned; formula-like text keeps its quote
        // prefix; a number in the text column has the number format.
        assert!(xf_of(&book, "A3").contains("wrapText=\"1\""), "{}", xf_of(&book, "A3"));
        let quoted = xf_of(&book, "A4");
        assert!(quoted.contains("quotePrefix=\"1\""), "{quoted}");
        assert!(int_format(&xf_of(&book, "A5")), "{}", xf_of(&book, "A5"));
        assert!(!xf_of(&book, "A5").contains("wrapText"), "{}", xf_of(&book, "A5"));
        assert!(int_format(&xf_of(&book, "B3")), "{}", xf_of(&book, "B3"));
        assert!(xf_of(&book, "B5").contains("wrapText=\"1\""), "{}", xf_of(&book, "B5"));
        // The table's formats stay in the table: the title above it has the default style.
        assert!(!xf_of(&book, "A1").contains("applyAlignment"), "{}", xf_of(&book, "A1"));
        let sheet = part(&book, "xl/worksheets/sheet1.xml");
        assert!(!sheet.contains("<c r=\"B6\""), "an empty cell stays empty");
        let table = part(&book, "xl/tables/table1.xml");
        assert_eq!(table.matches("dataDxfId=").count(), 2, "{table}");
    }

    #[test]
    fn a_plain_table_has_no_column_formats_and_counts_with_thousands_separators() {
        let (book, next) = book::<true>(&mixed());
        assert_eq!(next, 7);
        assert!(!xf_of(&book, "A3").contains("wrapText"), "{}", xf_of(&book, "A3"));
        assert!(
            xf_of(&book, "A4").contains("quotePrefix=\"1\""),
            "{}",
            xf_of(&book, "A4")
        );
        // A count stands on the right, a little off the next column.
        let count = xf_of(&book, "B3");
        assert!(
            count.contains("numFmtId=\"164\"") && count.contains("<alignment horizontal=\"right\" indent=\"1\"/>"),
            "{count}"
        );
        assert!(part(&book, "xl/styles.xml").contains("numFmtId=\"164\" formatCode=\"#,##0\""));
        let table = part(&book, "xl/tables/table1.xml");
        assert!(!table.contains("dataDxfId="), "{table}");
    }

    #[test]
    fn a_column_as_wide_as_its_heading_does_not_grow_to_its_values() {
        let rows = vec![(
            Cell::text("a rather long line of text"),
            Cell::text("a rather long line of text"),
        )];
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        let mut at = SheetLayout::new(sheet, crate::commands::texts::catalogue(Lang::En), None);
        at.table(&Pairs::<false>, &rows, Some("Title"), "Widths").unwrap();
        // "Count", its margins and its filter button.
        assert_eq!(at.widths.0, [28.0, 9.5]);
    }

    #[test]
    fn an_empty_table_keeps_one_blank_row() {
        let (book, next) = book::<false>(&[]);
        assert_eq!(next, 4, "the header, the blank row, a free row");
        let table = part(&book, "xl/tables/table1.xml");
        assert!(table.contains("ref=\"A2:B3\""), "{table}");
    }
}
