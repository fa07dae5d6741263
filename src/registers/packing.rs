//! A record's values packed into one byte string (issue 26's compact record store): a million-row
//! register holds twenty-odd values a row, and as 24-byte slots (a text inline or on the heap, a
//! 16-byte amount, an option's 16-byte `&str`) they were most of a large run's memory — and, on
//! a machine where every fresh page costs its zeroing, much of its time.
//!
//! The layout: the place of each value (from the start of the values) as a `u8` when the whole
//! packing fits in 255 bytes (most records), a `u16` when it fits in 65,535, a `u32` in the rare
//! record whose packing would not — the whole's length tells which — then the values in column order,
//! each a tag byte and its bytes:
//!
//! | value | tag | bytes |
//! |---|---|---|
//! | text | `TEXT` | its length (a varint) and its UTF-8 |
//! | date | `DATE` | days from 0001-01-01 (`i32`) |
//! | date and time | `DATETIME` | days (`i32`), seconds from midnight and nanoseconds (`u32` each) |
//! | amount | `AMOUNT` | its scale, with the sign as the top bit (one byte), then its digits as a whole number (a varint) |
//! | amount of 2⁴² or more in its last digit's unit, or −0 | `MONEY` | `Decimal::serialize` (16) |
//! | yes / no | `TRUE` / `FALSE` | — |
//! | whole number | `INT` | `i64` |
//! | phone | `PHONE` | its text and its digits, each as a text's |
//! | option | `OPTION` | its place among the column's options (one byte) |
//! | text the sheet repeats | `SHARED` | its number among the sheet's [`SharedTexts`] (a varint) |
//!
//! Numbers little-endian. A contract of fifteen columns takes about 130 bytes, where its slots took
//! 360 and its longer texts a heap block more.

use chrono::{NaiveDate, NaiveTime, Timelike};
use rust_decimal::Decimal;

use super::column::ColumnType;
use super::shared::{SharedTexts, Sharing};
use super::store::{Blocks, SheetStore};
use super::value::{Phone, Value};
use super::Kind;
use crate::base::varint::{push_varint, read_varint};
use crate::values::DateValue;

const TEXT: u8 = 1;
const DATE: u8 = 2;
const DATETIME: u8 = 3;
const MONEY: u8 = 4;
const TRUE: u8 = 5;
const FALSE: u8 = 6;
const INT: u8 = 7;
const PHONE: u8 = 8;
const OPTION: u8 = 9;
const AMOUNT: u8 = 10;
const SHARED: u8 = 11;

/// A record's values as they are typed, packed when the record is made ([`Packer::pack`]) into
/// the blocks of its sheet's store ([`super::store`]). Reused from one record to the next.
#[derive(Debug, Default)]
pub struct Packer {
    /// Bit i set: column i has a value.
    present: u32,
    /// Where each value starts in `values`.
    starts: Vec<u32>,
    values: Vec<u8>,
    /// The texts a sheet repeats, when its records share them ([`Packer::sharing`]).
    sharing: Option<Box<Sharing>>,
    /// The records packed so far.
    blocks: Blocks,
}

impl Packer {
    /// A packer of a sheet's records that keeps the texts they repeat once ([`super::shared`]).
    pub fn sharing() -> Packer {
        Packer {
            sharing: Some(Box::default()),
            ..Packer::default()
        }
    }

    /// The store of the records packed so far, and of the texts they share, which must be handed
    /// to each of them ([`super::Record::set_store`]); the packer starts again empty.
    pub fn finish(&mut self) -> SheetStore {
        let shared = self.sharing.as_mut().map(|s| s.take()).unwrap_or_default();
        self.blocks.finish(shared)
    }

    /// Appends the value of column `i` of `kind` (columns in order; an option not among the
    /// column's own is left out, as a blank would be).
    pub fn push(&mut self, kind: Kind, i: usize, value: Value) {
        debug_assert!(i < 32 && self.present >> i == 0, "columns in order, fewer than 32");
        let start = self.values.len() as u32;
        let out = &mut self.values;
        match value {
            Value::Text(t) => match self.sharing.as_mut().and_then(|s| s.number(i, t)) {
                Some(n) => {
                    out.push(SHARED);
                    push_varint(out, n as usize);
                }
                None => put_text(out, TEXT, t),
            },
            Value::Date(d) => put_date(out, d),
            Value::Money(m) => put_money(out, m),
            Value::Flag(f) => out.push(if f { TRUE } else { FALSE }),
            Value::Int(n) => {
                out.push(INT);
                out.extend_from_slice(&n.to_le_bytes());
            }
            Value::Phone(p) => {
                put_text(out, PHONE, p.text);
                push_varint(out, p.digits.len());
                out.extend_from_slice(p.digits.as_bytes());
            }
            Value::Enum(code) => {
                let place = match kind.columns().get(i).map(|c| c.ty) {
                    Some(ColumnType::Enum(options)) => options.iter().position(|o| o.code == code),
                    _ => None,
                };
                let Some(place) = place.filter(|&p| p <= u8::MAX as usize) else {
                    debug_assert!(false, "{code} is not an option of column {i} of {kind:?}");
                    return;
                };
                out.extend_from_slice(&[OPTION, place as u8]);
            }
        }
        self.present |= 1 << i;
        self.starts.push(start);
    }

    /// The columns with a value, and where the packed values (see the module's doc) are in the
    /// store ([`Packer::finish`]): (block, start); the packer is emptied for the next record.
    pub fn pack(&mut self) -> (u32, (u32, u32)) {
        let (n, len) = (self.starts.len(), self.values.len());
        // The narrowest places that fit, so that the whole's length tells which were taken.
        let width = match (n + len <= u8::MAX as usize, 2 * n + len <= u16::MAX as usize) {
            (true, _) => 1,
            (false, true) => 2,
            (false, false) => 4,
        };
        let (out, place) = self.blocks.room(width * n + len);
        for &start in &self.starts {
            match width {
                1 => out.push(start as u8),
                2 => out.extend_from_slice(&(start as u16).to_le_bytes()),
                _ => out.extend_from_slice(&start.to_le_bytes()),
            }
        }
        out.extend_from_slice(&self.values);
        let present = std::mem::take(&mut self.present);
        self.starts.clear();
        self.values.clear();
        (present, place)
    }
}

/// The value at `rank` (0: the first present) of `count` packed in `bytes`, of column `i` of
/// `kind`, its text found among `shared` if the sheet shares it; none when the bytes do not hold
/// one (they always do, as [`Packer`] wrote them, with the shared texts it made).
pub fn unpack<'a>(
    bytes: &'a [u8],
    shared: &'a SharedTexts,
    (count, rank): (usize, usize),
    kind: Kind,
    i: usize,
) -> Option<Value<'a>> {
    let (width, start) = match bytes.len() {
        len if len <= u8::MAX as usize => (1, *bytes.get(rank)? as usize),
        len if len <= u16::MAX as usize => (2, u16::from_le_bytes(take(bytes, 2 * rank)?) as usize),
        _ => (4, u32::from_le_bytes(take(bytes, 4 * rank)?) as usize),
    };
    let at = bytes.get(width * count + start..)?;
    let (&tag, rest) = at.split_first()?;
    Some(match tag {
        TEXT => Value::Text(text(rest)?.0),
        SHARED => Value::Text(shared.get(read_varint(rest)?.0)?),
        DATE => Value::Date(DateValue {
            date: day(rest)?,
            time: None,
        }),
        DATETIME => Value::Date(DateValue {
            date: day(rest)?,
            time: Some(NaiveTime::from_num_seconds_from_midnight_opt(
                u32::from_le_bytes(take(rest, 4)?),
                u32::from_le_bytes(take(rest, 8)?),
            )?),
        }),
        MONEY => Value::Money(Decimal::deserialize(take(rest, 0)?)),
        AMOUNT => {
            let (&scale, rest) = rest.split_first()?;
            let (digits, _) = read_varint(rest)?;
            let (lo, mid) = (digits as u32, (digits as u64 >> 32) as u32);
            Value::Money(Decimal::from_parts(
                lo,
                mid,
                0,
                scale & 0x80 != 0,
                u32::from(scale & 0x7f),
            ))
        }
        TRUE => Value::Flag(true),
        FALSE => Value::Flag(false),
        INT => Value::Int(i64::from_le_bytes(take(rest, 0)?)),
        PHONE => {
            let (text, rest) = text(rest)?;
            Value::Phone(Phone {
                text,
                digits: self::text(rest)?.0,
            })
        }
        OPTION => match kind.columns().get(i)?.ty {
            ColumnType::Enum(options) => Value::Enum(options.get(*rest.first()? as usize)?.code),
            _ => return None,
        },
        _ => return None,
    })
}

fn put_text(out: &mut Vec<u8>, tag: u8, text: &str) {
    out.push(tag);
    push_varint(out, text.len());
    out.extend_from_slice(text.as_bytes());
}

fn put_date(out: &mut Vec<u8>, d: DateValue) {
    use chrono::Datelike;
    out.push(if d.time.is_some() { DATETIME } else { DATE });
    out.extend_from_slice(&d.date.num_days_from_ce().to_le_bytes());
    if let Some(t) = d.time {
        out.extend_from_slice(&t.num_seconds_from_midnight().to_le_bytes());
        out.extend_from_slice(&t.nanosecond().to_le_bytes());
    }
}

/// An amount in as few bytes as its digits need (a register's amounts are a few digits, which
/// `Decimal::serialize` spends 16 bytes on). −0, which `Decimal::from_parts` would make 0, and
/// digits of [`SHORT_DIGITS`] or more, go in whole.
fn put_money(out: &mut Vec<u8>, m: Decimal) {
    /// The digits a varint of six bytes holds (what [`read_varint`] reads): 43,980,465,111.04
    /// with two decimals.
    const SHORT_DIGITS: usize = 1 << 42;
    match usize::try_from(m.mantissa().unsigned_abs()) {
        Ok(digits) if digits < SHORT_DIGITS && !(digits == 0 && m.is_sign_negative()) => {
            out.push(AMOUNT);
            out.push(m.scale() as u8 | if m.is_sign_negative() { 0x80 } else { 0 });
            push_varint(out, digits);
        }
        _ => {
            out.push(MONEY);
            out.extend_from_slice(&m.serialize());
        }
    }
}

/// `N` bytes at `at` of `bytes`.
fn take<const N: usize>(bytes: &[u8], at: usize) -> Option<[u8; N]> {
    bytes.get(at..at + N)?.try_into().ok()
}

fn day(bytes: &[u8]) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::from_le_bytes(take(bytes, 0)?))
}

/// A text (its length, then its bytes) at the start of `bytes`, and the bytes after it.
fn text(bytes: &[u8]) -> Option<(&str, &[u8])> {
    let (len, rest) = read_varint(bytes)?;
    let (text, rest) = (rest.get(..len)?, &rest[len..]);
    Some((std::str::from_utf8(text).ok()?, rest))
}
