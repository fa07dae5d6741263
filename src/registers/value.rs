//! A typed cell value as a record hands it out ([`super::record`]) and its packing takes it
//! ([`super::packing`]).

use rust_decimal::Decimal;

use crate::values::DateValue;

/// A typed cell value, as a record hands it out: a text borrowed from the record, the rest by
/// value. (A record keeps its values packed: [`super::packing`].)
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value<'a> {
    Text(&'a str),
    Date(DateValue),
    Money(Decimal),
    Flag(bool),
    Int(i64),
    Phone(Phone<'a>),
    Enum(&'static str),
}

/// A phone number as written, and its digits for comparison (`+86 138-1234-5678` → `13812345678`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Phone<'a> {
    pub text: &'a str,
    pub digits: &'a str,
}

impl<'a> Value<'a> {
    pub fn as_text(&self) -> Option<&'a str> {
        match *self {
            Value::Text(s) => Some(s),
            Value::Phone(p) => Some(p.text),
            Value::Enum(code) => Some(code),
            _ => None,
        }
    }
    pub fn as_date(&self) -> Option<DateValue> {
        match self {
            Value::Date(d) => Some(*d),
            _ => None,
        }
    }
}
