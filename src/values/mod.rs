//! Reading cell values typed for their column: dates, date-times, amounts of money, yes/no
//! flags, whole numbers and phone numbers, as office staff actually type them into Excel
//! registers in English, Traditional and Simplified Chinese (full-width digits, `2026年11月3日`,
//! `120萬`, `√`, `+86 138-1234-5678`, …). Every parser takes a [`RawCell`](crate::read::RawCell)
//! as the sheet reader produced it and either returns the typed value or a [`ValueError`] that
//! says why the cell cannot be read, so that the caller can report finding RG02 and carry on.
//! None of these functions panics, whatever the input.
//!
//! One file per kind of value (`date`, `money`, `flag`, `integer`, `phone`); the reasons a cell
//! is not one, and their texts, in `error`.

mod cursor;
mod date;
mod error;
mod flag;
mod integer;
mod money;
mod phone;
mod text;

pub use self::date::{
    datetime_to_serial, excel_serial_to_datetime, parse_date, push_day, push_digits, DateOrder, DateValue,
};
pub use self::error::{ValueError, TEXTS};
pub use self::flag::parse_flag;
pub use self::integer::parse_integer;
pub use self::money::parse_money;
pub use self::phone::{mask_phone, normalize_phone};

#[cfg(test)]
mod tests;
