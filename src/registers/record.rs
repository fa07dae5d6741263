//! A record: one data row of a register, its values typed, read by typed fields.

use compact_str::CompactString;
use rust_decimal::Decimal;

use super::field::{self, AnyField, Field};
use super::Kind;
use crate::values::DateValue;

/// A typed cell value.
#[derive(Clone, Debug, PartialEq)]
///
/// Kept to 24 bytes, because a register of a million rows holds twenty-odd of these per row:
/// text as a `CompactString` (up to 24 bytes — a name, an id, eight Chinese characters — held in
/// the value itself, a longer one on the heap), the rarer phone boxed.
pub enum Value {
    Text(CompactString),
    Date(DateValue),
    Money(Decimal),
    Flag(bool),
    Int(i64),
    Phone(Box<Phone>),
    Enum(&'static str),
}

/// A phone number as written, and its digits for comparison (`+86 138-1234-5678` → `13812345678`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phone {
    pub text: CompactString,
    pub digits: CompactString,
}

impl Value {
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Value::Text(s) => Some(s),
            Value::Phone(p) => Some(&p.text),
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

/// One data row of a register.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    /// Index into [`super::Registers::sources`].
    pub source: usize,
    /// 1-based Excel row (CSV: line number).
    pub row: u32,
    /// The register the record belongs to.
    pub kind: Kind,
    /// Bit i set: column i of the kind has a value, in `values`.
    present: u64,
    /// The values of the columns in `present`, in column order (a blank or unreadable cell takes
    /// no room: registers leave many of their columns empty).
    values: Box<[Value]>,
    /// Non-blank cells of columns the kind does not know: (column index, text); and which
    /// columns could not be read.
    pub extras: Extras,
}

/// What few records have, kept out of the record (one pointer, none when the record has
/// neither): the cells of columns the kind does not know, and the columns whose value could not
/// be read. Reads as the cells: `for (col, text) in &record.extras`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Extras(Option<Box<Rare>>);

#[derive(Clone, Debug, PartialEq)]
struct Rare {
    /// Bit i set: column i had a value that could not be read (RG02).
    unreadable: u64,
    cells: Box<[(u32, String)]>,
}

impl Extras {
    fn unreadable(&self) -> u64 {
        self.0.as_ref().map_or(0, |rare| rare.unreadable)
    }
}

impl std::ops::Deref for Extras {
    type Target = [(u32, String)];
    fn deref(&self) -> &[(u32, String)] {
        self.0.as_ref().map_or(&[], |rare| &rare.cells)
    }
}

impl<'a> IntoIterator for &'a Extras {
    type Item = &'a (u32, String);
    type IntoIter = std::slice::Iter<'a, (u32, String)>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl Record {
    /// A record of `kind` of `values` — (column of the kind, value) in column order — from `row`
    /// of `source`.
    pub fn new(kind: Kind, source: usize, row: u32, values: impl IntoIterator<Item = (usize, Value)>) -> Record {
        let mut present = 0;
        let values = values
            .into_iter()
            .map(|(i, value)| {
                debug_assert!(i < 64 && present >> i == 0, "columns in order, fewer than 64");
                present |= 1 << i;
                value
            })
            .collect();
        Record {
            source,
            row,
            kind,
            present,
            values,
            extras: Extras::default(),
        }
    }

    /// Sets the columns whose value could not be read (bit i: column i) and the cells of columns
    /// the kind does not know.
    pub fn set_extras(&mut self, unreadable: u64, cells: Vec<(u32, String)>) {
        self.extras = match (unreadable, cells.is_empty()) {
            (0, true) => Extras(None),
            _ => Extras(Some(Box::new(Rare {
                unreadable,
                cells: cells.into_boxed_slice(),
            }))),
        };
    }

    /// The value of column `i` of the kind.
    pub fn value(&self, i: usize) -> Option<&Value> {
        if i >= 64 || self.present & (1 << i) == 0 {
            return None;
        }
        let rank = (self.present & ((1 << i) - 1)).count_ones() as usize;
        self.values.get(rank)
    }

    /// The value of a field of the record's register.
    pub fn get(&self, field: impl Into<AnyField>) -> Option<&Value> {
        let field = field.into();
        debug_assert_eq!(field.kind, self.kind, "{} is not a field of this register", field.name);
        self.value(field.index())
    }

    /// Whether the field holds a value (blank and unreadable cells hold none).
    pub fn has(&self, field: impl Into<AnyField>) -> bool {
        self.get(field).is_some()
    }

    /// Whether the field's cell held something that could not be read as its type (RG02).
    pub fn is_unreadable(&self, field: impl Into<AnyField>) -> bool {
        let field = field.into();
        debug_assert_eq!(field.kind, self.kind, "{} is not a field of this register", field.name);
        self.extras.unreadable() & (1 << field.index()) != 0
    }

    pub fn text(&self, field: Field<field::Text>) -> Option<&str> {
        match self.get(field)? {
            Value::Text(t) => Some(t),
            _ => None,
        }
    }

    /// A text field's value, trimmed, when it says anything.
    pub fn has_text(&self, field: Field<field::Text>) -> bool {
        self.text(field).is_some_and(|t| !t.trim().is_empty())
    }

    pub fn date(&self, field: Field<field::Date>) -> Option<DateValue> {
        match self.get(field)? {
            Value::Date(d) => Some(*d),
            _ => None,
        }
    }

    /// The day of a date field, without its time.
    pub fn day(&self, field: Field<field::Date>) -> Option<chrono::NaiveDate> {
        self.date(field).map(|d| d.date)
    }

    pub fn money(&self, field: Field<field::Money>) -> Option<Decimal> {
        match self.get(field)? {
            Value::Money(m) => Some(*m),
            _ => None,
        }
    }

    pub fn flag(&self, field: Field<field::Flag>) -> Option<bool> {
        match self.get(field)? {
            Value::Flag(f) => Some(*f),
            _ => None,
        }
    }

    pub fn int(&self, field: Field<field::Int>) -> Option<i64> {
        match self.get(field)? {
            Value::Int(n) => Some(*n),
            _ => None,
        }
    }

    pub fn phone(&self, field: Field<field::Phone>) -> Option<&Phone> {
        match self.get(field)? {
            Value::Phone(p) => Some(p),
            _ => None,
        }
    }

    /// The code of the option an option field holds (`countersign`, `A`…).
    pub fn code(&self, field: Field<field::Code>) -> Option<&'static str> {
        match self.get(field)? {
            Value::Enum(code) => Some(code),
            _ => None,
        }
    }
}

impl Record {
    /// The id a finding shows for the record: its number, or where the register keeps none a
    /// short description (`G-017 2026-10-05` for a visit).
    pub fn label(&self) -> String {
        let mut label = String::new();
        self.label_into(&mut label);
        label
    }

    /// Appends [`Record::label`] to `out`.
    pub fn label_into(&self, out: &mut String) {
        use super::{amendments, callbacks, contracts, feedback, guests, visits};
        let text = |f: Field<field::Text>| self.text(f).unwrap_or("");
        // Id and day, a space between them when both are there.
        let joined = |out: &mut String, id: &str, day: Field<field::Date>| {
            out.push_str(id);
            if let Some(day) = self.day(day) {
                if !id.is_empty() {
                    out.push(' ');
                }
                crate::values::push_day(out, day);
            }
        };
        match self.kind {
            Kind::Contracts => out.push_str(text(contracts::ID)),
            Kind::Feedback => out.push_str(text(feedback::ID)),
            Kind::Guests => out.push_str(text(guests::GUEST_ID)),
            Kind::Amendments => joined(out, text(amendments::CONTRACT_ID), amendments::AMENDMENT_DATE),
            Kind::Visits => {
                let who = match text(visits::GUEST_ID) {
                    "" => text(visits::NAME),
                    id => id,
                };
                joined(out, who, visits::DATE)
            }
            Kind::Callbacks => joined(out, text(callbacks::GUEST_ID), callbacks::DATE),
        }
    }
}

#[cfg(test)]
mod tests {
    /// A million-row register holds twenty-odd values a row: keep them small.
    #[test]
    fn a_value_slot_is_24_bytes() {
        assert_eq!(std::mem::size_of::<Option<super::Value>>(), 24);
        // The source, row, register, columns present, values, and what few records have.
        assert_eq!(std::mem::size_of::<super::Record>(), 48);
    }

    #[test]
    fn a_record_holds_the_values_it_has_and_finds_each_by_its_column() {
        use super::{Kind, Record, Value};
        let record = Record::new(
            Kind::Contracts,
            2,
            7,
            [
                (0, Value::Int(10)),
                (3, Value::Flag(true)),
                (63, Value::Text("last".into())),
            ],
        );
        assert_eq!((record.source, record.row), (2, 7));
        assert_eq!(record.value(0), Some(&Value::Int(10)));
        assert_eq!(record.value(3), Some(&Value::Flag(true)));
        assert_eq!(record.value(63), Some(&Value::Text("last".into())));
        for blank in [1, 2, 4, 62, 64, 100] {
            assert_eq!(record.value(blank), None, "column {blank}");
        }
        assert_eq!(Record::new(Kind::Contracts, 0, 1, []).value(0), None);
    }
}
