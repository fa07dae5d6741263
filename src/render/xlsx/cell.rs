//! A cell of a declared table ([`super::table`]): its typed value, and the format that value takes
//! in a table ([`Style`]).

use std::borrow::Cow;

use chrono::{NaiveDate, NaiveDateTime};
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, FormatAlign, Worksheet, XlsxError};

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
    /// A day of the coming year shown by its month and day (`11-27`): a birthday's next
    /// occurrence, which a full date would pass off as the day of birth.
    MonthDay(NaiveDate),
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

    /// How wide the cell shows in its format, in character widths (an East Asian wide character
    /// counts two): text by its widest line, numbers as their format writes them (`¥1,234.50`,
    /// `97.8%`), without working the text out.
    pub(crate) fn width(&self) -> usize {
        match self {
            Cell::Empty => 0,
            Cell::Text(t) => text_width(t),
            Cell::Int(n) => grouped_width(n.unsigned_abs()) + usize::from(*n < 0),
            Cell::Number(n) => n.to_string().len(),
            Cell::Money(m) => {
                let whole = rust_decimal::prelude::ToPrimitive::to_u64(&m.abs().trunc()).unwrap_or(u64::MAX);
                money_symbol_width() + grouped_width(whole) + 3 + usize::from(m.is_sign_negative())
            }
            Cell::Date(_) => 10,
            Cell::MonthDay(_) => 5,
            Cell::DateTime(_) => 16,
            Cell::Percent(p) => {
                let whole = (p.abs() * 100.0).round() as u64;
                whole.to_string().len() + 3 + usize::from(*p < 0.0)
            }
        }
    }
}

/// The display width of `text`: its widest line, East Asian wide characters counting two.
pub(crate) fn text_width(text: &str) -> usize {
    use unicode_width::UnicodeWidthStr;
    text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0)
}

/// The width of a whole number with thousands separators (`1,234,567`: 9).
fn grouped_width(n: u64) -> usize {
    let digits = n.checked_ilog10().map_or(1, |d| d as usize + 1);
    digits + (digits - 1) / 3
}

/// Where a value sits in its cell: text and dates on the left, numbers on the right (with a
/// little room before the next column's text, see [`super::widths`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Align {
    Left,
    Right,
}

impl Align {
    /// The alignment of the values of a column whose cells mostly take `style` (none: an empty
    /// column, whose values would be of `declared`).
    pub(crate) fn of(style: Option<Style>, declared: Align) -> Align {
        style.map_or(declared, Style::align)
    }

    /// Sets the alignment on `format`, with `indent` levels of room on the right of a number.
    pub(crate) fn on(self, format: Format, indent: u8) -> Format {
        match self {
            Align::Left => format.set_align(FormatAlign::Left),
            Align::Right => format.set_align(FormatAlign::Right).set_indent(indent),
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
    MonthDay,
}

impl Style {
    pub(crate) const ALL: [Style; 8] = [
        Style::Text,
        Style::Quoted,
        Style::Int,
        Style::Money,
        Style::Date,
        Style::DateTime,
        Style::Percent,
        Style::MonthDay,
    ];

    /// The styles a whole column can take: every one but [`Style::Quoted`] (the exception).
    pub(crate) const COLUMN: [Style; 7] = [
        Style::Text,
        Style::Int,
        Style::Money,
        Style::Date,
        Style::DateTime,
        Style::Percent,
        Style::MonthDay,
    ];

    /// The style's place in [`Style::ALL`].
    pub(crate) fn index(self) -> usize {
        Style::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    /// Where a value of this style sits in its cell.
    pub(crate) fn align(self) -> Align {
        match self {
            Style::Int | Style::Money | Style::Percent => Align::Right,
            Style::Text | Style::Quoted | Style::Date | Style::DateTime | Style::MonthDay => Align::Left,
        }
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
            Cell::MonthDay(_) => Style::MonthDay,
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
    /// [`super::save`] before any sheet is written, so every table shows money the same way), and
    /// the width of the symbol it writes before the number.
    static MONEY_FORMAT: std::cell::RefCell<(String, usize)> =
        std::cell::RefCell::new((money_format("CNY"), money_symbol("CNY").1));
}

/// Sets the number format of amounts for the tables written next on this thread.
pub(crate) fn set_currency(currency: &str) {
    MONEY_FORMAT.with(|f| *f.borrow_mut() = (money_format(currency), money_symbol(currency).1));
}

/// The number format of amounts ([`set_currency`]).
pub(crate) fn money_number_format() -> String {
    MONEY_FORMAT.with(|f| f.borrow().0.clone())
}

/// How wide the currency symbol before an amount shows ([`set_currency`]).
fn money_symbol_width() -> usize {
    MONEY_FORMAT.with(|f| f.borrow().1)
}

/// `¥#,##0.00` for CNY, `$#,##0.00` for USD…; other codes are written before the number.
pub(crate) fn money_format(currency: &str) -> String {
    format!("{}#,##0.00", money_symbol(currency).0)
}

/// The currency's symbol in a number format, and how wide it shows.
fn money_symbol(currency: &str) -> (String, usize) {
    let symbol = match currency.trim().to_ascii_uppercase().as_str() {
        "CNY" | "RMB" | "JPY" => "¥",
        "USD" => "$",
        "HKD" => "HK$",
        "TWD" | "NTD" => "NT$",
        "EUR" => "€",
        "GBP" => "£",
        "" => "",
        other => return (format!("\"{other} \""), text_width(other) + 1),
    };
    (symbol.to_string(), text_width(symbol))
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
