//! Tables declared once, written by one writer.
//!
//! Each table of the workbook is a [`Table`]: its columns in order, each with its heading (a
//! catalogue key), how wide it grows ([`Width`]) and the [`Cell`] a row of the model gives it —
//! a typed value whose kind picks the number or date format and the alignment. The table writer
//! ([`super::writer::SheetLayout::table`]) writes a declared table under an optional title as an
//! Excel table (filters, banded rows):
//!
//! - the *typed* look ([`Look::Typed`], the rule families' sheets): text wrapped, everything
//!   top-aligned, dates as dates, amounts in the currency; each column's most common kind of value
//!   gives the table column its format;
//! - the *plain* look ([`Look::Plain`], the Summary's own tables): text as it is, counts with
//!   thousands separators, no column formats.
//!
//! A table that can run to many thousands of rows ([`Table::LONG`]) has them written straight into
//! the saved workbook when it is long ([`super::long_tables`]), with the very cells rust_xlsxwriter
//! would have written.
//!
//! A declaration names its columns to a [`Columns`] visitor; the writer runs it once for the
//! headings and once per row, with the visitor for what it is doing (counting each column's kinds
//! of value, writing the row through rust_xlsxwriter, making the row's XML, fitting widths). It is
//! all resolved at compile time: no cell is boxed and no column is called through a pointer.

use std::borrow::Cow;

use chrono::{NaiveDate, NaiveDateTime};
use rust_decimal::Decimal;

use super::cell::{Align, Cell};
use super::widths::{Widths, MARGIN};
use crate::base::i18n::Catalogue;
use crate::base::put_away::{Packed, PutAway};
use crate::registers::Location;
use crate::rules::finding::Severity;

/// A table of the workbook, declared once: its columns and how a row gives each its value.
pub(crate) trait Table {
    /// What one row of the table is laid out from.
    type Row;
    /// How the table's cells look.
    const LOOK: Look = Look::Typed;
    /// Whether the table can run to many thousands of rows (one per record of a register); such
    /// a table is written the fast way when it is long. Not for a table a chart draws on
    /// (rust_xlsxwriter fills a chart's cache from the cells it holds).
    const LONG: bool = false;
    /// Whether the table's headings carry filter buttons: a list of records does; a short table
    /// of figures, read at a glance, does not.
    const FILTERS: bool = true;

    /// Names each column, in order, with the value a row gives it.
    fn columns<'r>(&'r self, c: &mut impl Columns<'r, Self::Row>)
    where
        Self::Row: 'r;
}

/// The rows of a table: the model's own, or rows it put away ([`PutAway`]: the long tables'),
/// read back one chunk at a time.
pub(crate) trait TableRows<R> {
    fn count(&self) -> usize;
    /// Each row with its place, in order.
    fn each(&self, f: impl FnMut(usize, &R));
    /// `f` of the rows in one slice (rows put away are read back into one for it).
    fn with_slice<O>(&self, f: impl FnOnce(&[R]) -> O) -> O;
}

impl<R> TableRows<R> for [R] {
    fn count(&self) -> usize {
        self.len()
    }
    fn each(&self, mut f: impl FnMut(usize, &R)) {
        self.iter().enumerate().for_each(|(place, row)| f(place, row));
    }
    fn with_slice<O>(&self, f: impl FnOnce(&[R]) -> O) -> O {
        f(self)
    }
}

impl<R> TableRows<R> for Vec<R> {
    fn count(&self) -> usize {
        self.len()
    }
    fn each(&self, f: impl FnMut(usize, &R)) {
        self.as_slice().each(f)
    }
    fn with_slice<O>(&self, f: impl FnOnce(&[R]) -> O) -> O {
        f(self)
    }
}

impl<R: Packed> TableRows<R> for PutAway<R> {
    fn count(&self) -> usize {
        self.len()
    }
    fn each(&self, mut f: impl FnMut(usize, &R)) {
        self.iter().enumerate().for_each(|(place, row)| f(place, &row));
    }
    fn with_slice<O>(&self, f: impl FnOnce(&[R]) -> O) -> O {
        f(&self.iter().collect::<Vec<R>>())
    }
}

/// How a table's cells look (see the module's documentation).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Look {
    Typed,
    Plain,
}

/// How wide a column grows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Width {
    /// To its widest value (at most 70 characters).
    Fit,
    /// To its heading only: codes and counts whose values are narrower.
    Heading,
    /// Long text, wrapped: to its widest value, at most `max` wide (the tables of the typed look
    /// wrap all their text, at 70 at most); the Findings sheet's message keeps `min..=max`.
    Wrap { min: f64, max: f64 },
}

/// A column of a declared table.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Column {
    /// The catalogue key of the heading.
    pub(crate) heading: &'static str,
    pub(crate) width: Width,
    /// Where its values sit when it has none to tell (its heading follows its values).
    pub(crate) align: Align,
}

impl Column {
    /// A column as wide as its heading.
    pub(crate) const fn by_heading(heading: &'static str) -> Column {
        Column {
            heading,
            width: Width::Heading,
            align: Align::Left,
        }
    }

    /// A column of long text, wrapped, `min..=max` characters wide.
    pub(crate) const fn wrapped(heading: &'static str, min: f64, max: f64) -> Column {
        Column {
            heading,
            width: Width::Wrap { min, max },
            align: Align::Left,
        }
    }

    /// The column, of numbers.
    pub(crate) const fn right(self) -> Column {
        Column {
            align: Align::Right,
            ..self
        }
    }

    /// Whether the column grows to its values.
    pub(crate) fn fits(self) -> bool {
        self.width != Width::Heading
    }
}

impl From<&'static str> for Column {
    /// A column that grows to its values.
    fn from(heading: &'static str) -> Column {
        Column {
            heading,
            width: Width::Fit,
            align: Align::Left,
        }
    }
}

/// A whole number of the model, for an integer column (none: an empty cell).
pub(crate) trait Whole {
    fn whole(self) -> Option<i64>;
}

impl Whole for i64 {
    fn whole(self) -> Option<i64> {
        Some(self)
    }
}

impl Whole for u32 {
    fn whole(self) -> Option<i64> {
        Some(self.into())
    }
}

impl Whole for usize {
    fn whole(self) -> Option<i64> {
        Some(self as i64)
    }
}

impl<N: Whole> Whole for Option<N> {
    fn whole(self) -> Option<i64> {
        self.and_then(Whole::whole)
    }
}

/// What a [`Table`] names its columns to. [`Columns::cell`] is the one column a visitor must
/// take; the others say what kind of value the column holds.
pub(crate) trait Columns<'r, R: 'r> {
    /// The place of the row being visited among the table's rows (0 for the first).
    fn place(&self) -> usize;

    /// A column whose cell in each row is `value` of the row.
    fn cell(&mut self, column: Column, value: impl Fn(&'r R) -> Cell<'r>);

    /// Text; empty text is an empty cell (in the plain look a blank one, as rust_xlsxwriter
    /// writes an empty string with a format).
    fn text(&mut self, column: impl Into<Column>, value: impl Fn(&'r R) -> &'r str) {
        self.cell(column.into(), move |r| Cell::text(value(r)))
    }

    /// Whole numbers, with thousands separators.
    fn int<N: Whole>(&mut self, column: impl Into<Column>, value: impl Fn(&'r R) -> N) {
        self.cell(column.into().right(), move |r| {
            value(r).whole().map_or(Cell::Empty, Cell::Int)
        })
    }

    /// Amounts, in the currency of the settings.
    fn money<M: Into<Option<Decimal>>>(&mut self, column: impl Into<Column>, value: impl Fn(&'r R) -> M) {
        self.cell(column.into().right(), move |r| {
            value(r).into().map_or(Cell::Empty, Cell::Money)
        })
    }

    /// Days.
    fn date<D: Into<Option<NaiveDate>>>(&mut self, column: impl Into<Column>, value: impl Fn(&'r R) -> D) {
        self.cell(column.into(), move |r| value(r).into().map_or(Cell::Empty, Cell::Date))
    }

    /// Days of the coming year, shown by month and day (a birthday's next occurrence).
    fn month_day(&mut self, column: impl Into<Column>, value: impl Fn(&'r R) -> Option<NaiveDate>) {
        self.cell(column.into(), move |r| value(r).map_or(Cell::Empty, Cell::MonthDay))
    }

    /// Days, each with its time of day where the model has one.
    fn date_time(
        &mut self,
        column: impl Into<Column>,
        value: impl Fn(&'r R) -> (Option<NaiveDate>, Option<NaiveDateTime>),
    ) {
        self.cell(column.into(), move |r| match value(r) {
            (_, Some(at)) => Cell::DateTime(at),
            (Some(day), None) => Cell::Date(day),
            (None, None) => Cell::Empty,
        })
    }

    /// Shares 0.0–1.0, as percentages.
    fn percent(&mut self, column: impl Into<Column>, value: impl Fn(&'r R) -> Option<f64>) {
        self.cell(column.into().right(), move |r| {
            value(r).map_or(Cell::Empty, Cell::Percent)
        })
    }

    /// The row's place in the table, from 1.
    fn rank(&mut self, column: impl Into<Column>) {
        let rank = self.place() as i64 + 1;
        self.cell(column.into().right(), move |_| Cell::Int(rank))
    }

    /// A severity's text; a writer that can shows it in the severity's colour.
    fn severity(&mut self, column: impl Into<Column>, value: impl Fn(&'r R) -> (Severity, &'r str)) {
        self.text(column, move |r| value(r).1)
    }

    /// A cell of a register (`F17`); a writer that can links it to the cell.
    fn link(&mut self, column: impl Into<Column>, value: impl Fn(&'r R) -> &'r Location) {
        self.cell(column.into(), move |r| Cell::Text(Cow::Owned(value(r).cell())))
    }
}

/// The columns `table` declares.
pub(crate) fn columns_of<T: Table>(table: &T) -> Vec<Column> {
    struct Collect(Vec<Column>);
    impl<'r, R: 'r> Columns<'r, R> for Collect {
        fn place(&self) -> usize {
            0
        }
        fn cell(&mut self, column: Column, _: impl Fn(&'r R) -> Cell<'r>) {
            self.0.push(column);
        }
    }
    let mut collect = Collect(Vec::new());
    table.columns(&mut collect);
    collect.0
}

/// The headings of `columns` in the report language.
pub(crate) fn headings(columns: &[Column], text: &Catalogue) -> Vec<String> {
    columns.iter().map(|c| text.get(c.heading)).collect()
}

/// A row visited column by column: the row, where it stands, the column reached.
pub(super) struct Visit<'r, R> {
    pub(super) row: &'r R,
    pub(super) place: usize,
    pub(super) col: u16,
}

impl<'r, R> Visit<'r, R> {
    /// The value of the next column, and the column's number.
    pub(super) fn next(&mut self, value: impl Fn(&'r R) -> Cell<'r>) -> (u16, Cell<'r>) {
        let col = self.col;
        self.col += 1;
        (col, value(self.row))
    }
}

/// Fits `widths` to a cell of a column that grows to its values: text and dates on the left,
/// numbers on the right with their indent.
pub(crate) fn fit(widths: &mut Widths, column: Column, col: u16, cell: &Cell) {
    if !column.fits() {
        return;
    }
    match cell {
        Cell::Empty => {}
        Cell::Text(t) => match column.width {
            Width::Wrap { max, .. } => widths.fit_within(col, t, max),
            _ => widths.fit(col, t),
        },
        Cell::Date(_) | Cell::DateTime(_) | Cell::MonthDay(_) => widths.at_least(col, cell.width() as f64 + MARGIN),
        _ => widths.fit_number(col, cell.width()),
    }
}

/// Fits `widths` to every row of `table`.
pub(crate) fn fit_rows<'r, T: Table>(table: &'r T, rows: &'r [T::Row], widths: &mut Widths) {
    struct Fit<'w, 'r, R> {
        visit: Visit<'r, R>,
        widths: &'w mut Widths,
    }
    impl<'r, R> Columns<'r, R> for Fit<'_, 'r, R> {
        fn place(&self) -> usize {
            self.visit.place
        }
        fn cell(&mut self, column: Column, value: impl Fn(&'r R) -> Cell<'r>) {
            if !column.fits() {
                self.visit.col += 1; // not worth working the value out
                return;
            }
            let (col, cell) = self.visit.next(value);
            fit(self.widths, column, col, &cell);
        }
    }
    for (place, row) in rows.iter().enumerate() {
        let visit = Visit { row, place, col: 0 };
        table.columns(&mut Fit { visit, widths });
    }
}
