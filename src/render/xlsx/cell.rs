//! A cell of a declared table ([`super::table`]): its typed value, and the format that value takes
//! in a table ([`Style`]).

use std::borrow::Cow;

use chrono::{NaiveDate, NaiveDateTime};
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Worksheet, XlsxError};

/// A typed value of a table's cell.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Cell<'a> {
    Empty,
    Text(Cow<'a, str>),
    Int(i64),
    /// A number written as it is, without a number format (a row number).
    Number(f64),
    /// An amount, shown with thousands separators and two decimals.
    Money(Decimal),
    Date(NaiveDate),
    DateTime(NaiveDateTime),
    /// A share 0.0–1.0, shown as a percentage.
    Percent(f64),
}

impl<'a> Cell<'a> {
    pub(crate) fn text(text: &'a str) -> Cell<'a> {
        Cell::Text(Cow::Borrowed(text))
    }

    /// The number a numeric cell holds (0 for another).
    pub(crate) fn number(&self) -> f64 {
        match self {
            Cell::Int(n) => *n as f64,
            Cell::Number(n) | Cell::Percent(n) => *n,
            Cell::Money(m) => money_value(m),
            _ => 0.0,
        }
    }

    /// What the cell shows, as far as the width of its column goes.
    pub(crate) fn shown(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.to_string(),
            Cell::Int(n) => format!("{n:>10}"),
            Cell::Number(n) => n.to_string(),
            Cell::Money(m) => format!("{m:>14.2}"),
            Cell::Date(_) => "2026-10-31".into(),
            Cell::DateTime(_) => "2026-10-31 23:59".into(),
            Cell::Percent(_) => "100.0%".into(),
        }
    }
}

/// The format a [`Cell`] takes in a table of the typed look ([`super::table::Look::Typed`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Style {
    Text,
    /// Text with the quote prefix ([`looks_like_formula`]).
    Quoted,
    Int,
    Money,
    Date,
    DateTime,
    Percent,
}

impl Style {
    pub(crate) const ALL: [Style; 7] = [
        Style::Text,
        Style::Quoted,
        Style::Int,
        Style::Money,
        Style::Date,
        Style::DateTime,
        Style::Percent,
    ];

    /// The styles a whole column can take: every one but [`Style::Quoted`] (the exception).
    pub(crate) const COLUMN: [Style; 6] = [
        Style::Text,
        Style::Int,
        Style::Money,
        Style::Date,
        Style::DateTime,
        Style::Percent,
    ];

    /// The style's place in [`Style::ALL`].
    pub(crate) fn index(self) -> usize {
        Style::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    /// None for an empty cell (written as no cell at all).
    pub(crate) fn of(cell: &Cell) -> Option<Style> {
        Some(match cell {
            Cell::Empty => return None,
            Cell::Text(t) if t.is_empty() => return None,
            Cell::Text(t) if looks_like_formula(t) => Style::Quoted,
            Cell::Text(_) => Style::Text,
            Cell::Int(_) | Cell::Number(_) => Style::Int,
            Cell::Money(_) => Style::Money,
            Cell::Date(_) => Style::Date,
            Cell::DateTime(_) => Style::DateTime,
            Cell::Percent(_) => Style::Percent,
        })
    }
}

/// Text a spreadsheet would take for a formula once someone edits the cell (`=`, `+`, `-`, `@`,
/// tab, carriage return). rust_xlsxwriter already stores every string as a string; such text also
/// gets Excel's quote prefix, so that it stays text after an edit (CSV/formula injection).
pub(crate) fn looks_like_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// Writes text, with the quote prefix where [`looks_like_formula`] says so.
pub(crate) fn put_text(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    text: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    if looks_like_formula(text) {
        sheet.write_string_with_format(row, col, text, &format.clone().set_quote_prefix())?;
    } else {
        sheet.write_string_with_format(row, col, text, format)?;
    }
    Ok(())
}

thread_local! {
    /// The number format of amounts in this workbook, from the currency in the settings (set by
    /// [`super::save`] before any sheet is written, so every table shows money the same way).
    static MONEY_FORMAT: std::cell::RefCell<String> = std::cell::RefCell::new(money_format("CNY"));
}

/// Sets the number format of amounts for the tables written next on this thread.
pub(crate) fn set_currency(currency: &str) {
    MONEY_FORMAT.with(|f| *f.borrow_mut() = money_format(currency));
}

/// The number format of amounts ([`set_currency`]).
pub(crate) fn money_number_format() -> String {
    MONEY_FORMAT.with(|f| f.borrow().clone())
}

/// `¥#,##0.00` for CNY, `$#,##0.00` for USD…; other codes are written before the number.
pub(crate) fn money_format(currency: &str) -> String {
    let symbol = match currency.trim().to_ascii_uppercase().as_str() {
        "CNY" | "RMB" | "JPY" => "¥".to_string(),
        "USD" => "$".to_string(),
        "HKD" => "HK$".to_string(),
        "TWD" | "NTD" => "NT$".to_string(),
        "EUR" => "€".to_string(),
        "GBP" => "£".to_string(),
        "" => String::new(),
        other => format!("\"{other} \""),
    };
    format!("{symbol}#,##0.00")
}

/// An amount as the number a cell holds.
pub(crate) fn money_value(m: &Decimal) -> f64 {
    rust_decimal::prelude::ToPrimitive::to_f64(m).unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_show_the_currency_of_the_settings() {
        assert_eq!(money_format("cny"), "¥#,##0.00");
        assert_eq!(money_format(" USD "), "$#,##0.00");
        assert_eq!(money_format("CHF"), "\"CHF \"#,##0.00");
        assert_eq!(money_format(""), "#,##0.00");
    }

    #[test]
    fn text_that_reads_like_a_formula_is_quoted_and_empty_text_is_no_cell() {
        assert_eq!(Style::of(&Cell::text("=SUM(A1)")), Some(Style::Quoted));
        assert_eq!(Style::of(&Cell::text("-5 days")), Some(Style::Quoted));
        assert_eq!(Style::of(&Cell::text("A-5")), Some(Style::Text));
        assert_eq!(Style::of(&Cell::text("")), None);
        assert_eq!(Style::of(&Cell::Empty), None);
    }
}
