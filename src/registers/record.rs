//! A record: one data row of a register, its values typed, read by typed fields.

use std::sync::Arc;

use rust_decimal::Decimal;

use super::field::{self, AnyField, Field};
use super::packing::{self, Packer};
use super::shared::SharedTexts;
use super::store::SheetStore;
use super::value::{Phone, Value};
use super::Kind;
use crate::values::DateValue;

/// One data row of a register.
#[derive(Clone)]
pub struct Record {
    /// Index into [`super::Registers::sources`].
    pub source: u32,
    /// 1-based Excel row (CSV: line number).
    pub row: u32,
    /// The register the record belongs to.
    pub kind: Kind,
    /// Bit i set: column i of the kind has a value, in `values`.
    present: u32,
    /// Where the values of the columns in `present` are in `store`: (block, start). They are
    /// packed in column order ([`super::packing`]; a blank or unreadable cell takes no room:
    /// registers leave many of their columns empty).
    place: (u32, u32),
    /// The values of the record's sheet, and the texts it repeats, which its values may name by
    /// number ([`super::store`]); none until the sheet is typed.
    store: Option<Arc<SheetStore>>,
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
    pub fn new<'a>(kind: Kind, source: u32, row: u32, values: impl IntoIterator<Item = (usize, Value<'a>)>) -> Record {
        let mut packer = Packer::default();
        for (i, value) in values {
            packer.push(kind, i, value);
        }
        let mut record = Record::packed(kind, source, row, &mut packer);
        record.set_store(&Arc::new(packer.finish()));
        record
    }

    /// A record of the values pushed into `packer` (which is emptied for the next). Its values
    /// read once it is handed the store the packer makes of them ([`Record::set_store`]).
    pub fn packed(kind: Kind, source: u32, row: u32, packer: &mut Packer) -> Record {
        let (present, place) = packer.pack();
        Record {
            source,
            row,
            kind,
            present,
            place,
            store: None,
            extras: Extras::default(),
        }
    }

    /// Hands the record the store of its sheet ([`Packer::finish`] of the packer that packed it).
    pub fn set_store(&mut self, store: &Arc<SheetStore>) {
        self.store = Some(Arc::clone(store));
    }

    /// Bytes the record's values take, packed.
    #[cfg(test)]
    fn packed_len(&self) -> usize {
        self.packed_values().map_or(0, |(bytes, _)| bytes.len())
    }

    /// The record's packed values.
    fn packed_values(&self) -> Option<(&[u8], &SharedTexts)> {
        let store = self.store.as_deref()?;
        Some((store.bytes(self.place)?, store.shared()))
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
    pub fn value(&self, i: usize) -> Option<Value<'_>> {
        if i >= 32 || self.present & (1 << i) == 0 {
            return None;
        }
        let rank = (self.present & ((1 << i) - 1)).count_ones() as usize;
        let count = self.present.count_ones() as usize;
        let (bytes, shared) = self.packed_values()?;
        packing::unpack(bytes, shared, (count, rank), self.kind, i)
    }

    /// The values the record holds: (column of the kind, value), in column order.
    pub fn values(&self) -> impl Iterator<Item = (usize, Value<'_>)> + '_ {
        (0..32)
            .filter(|i| self.present & (1 << i) != 0)
            .filter_map(|i| Some((i, self.value(i)?)))
    }

    /// The value of a field of the record's register.
    pub fn get(&self, field: impl Into<AnyField>) -> Option<Value<'_>> {
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
            Value::Date(d) => Some(d),
            _ => None,
        }
    }

    /// The day of a date field, without its time.
    pub fn day(&self, field: Field<field::Date>) -> Option<chrono::NaiveDate> {
        self.date(field).map(|d| d.date)
    }

    pub fn money(&self, field: Field<field::Money>) -> Option<Decimal> {
        match self.get(field)? {
            Value::Money(m) => Some(m),
            _ => None,
        }
    }

    pub fn flag(&self, field: Field<field::Flag>) -> Option<bool> {
        match self.get(field)? {
            Value::Flag(f) => Some(f),
            _ => None,
        }
    }

    pub fn int(&self, field: Field<field::Int>) -> Option<i64> {
        match self.get(field)? {
            Value::Int(n) => Some(n),
            _ => None,
        }
    }

    pub fn phone(&self, field: Field<field::Phone>) -> Option<Phone<'_>> {
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

/// The record's place and its values, as they read (not as they are packed).
impl std::fmt::Debug for Record {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let columns = self.kind.columns();
        let values: Vec<_> = (self.values())
            .map(|(i, v)| (columns.get(i).map_or("?", |c| c.name), v))
            .collect();
        (f.debug_struct("Record"))
            .field("source", &self.source)
            .field("row", &self.row)
            .field("kind", &self.kind)
            .field("values", &values)
            .field("extras", &self.extras)
            .finish()
    }
}

/// Records are equal when they hold equal values (an amount of 1.0 equals one of 1.00), wherever
/// their packing differs.
impl PartialEq for Record {
    fn eq(&self, other: &Record) -> bool {
        (self.source, self.row, self.kind, self.present) == (other.source, other.row, other.kind, other.present)
            && self.extras == other.extras
            && self.values().eq(other.values())
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
    use super::{Kind, Phone, Record, Value};
    use crate::values::DateValue;
    use chrono::{NaiveDate, NaiveTime};
    use rust_decimal::Decimal;

    /// A million-row register holds twenty-odd values a row: they are packed, not slots.
    #[test]
    fn a_record_is_40_bytes_and_its_values_what_they_take() {
        // The source, row, register, columns present, where its values are in its sheet's store,
        // the store, and what few records have.
        assert_eq!(std::mem::size_of::<Record>(), 40);
        let record = Record::new(
            Kind::Contracts,
            0,
            2,
            [
                (0, Value::Text("HT-2026-031")),
                (2, Value::Text("華南機電設備有限公司")),
                (5, Value::Money(Decimal::from(1_200_000))),
            ],
        );
        // Three places (a byte each: the whole fits in 255), a tag and a length each text, and
        // the amount: a tag, its scale and sign, and 1,200,000 as a varint (3 bytes).
        assert_eq!(record.packed_len(), 3 + 2 + 11 + 2 + 30 + 5);
    }

    /// An amount comes back exactly as it went in — its digits, its scale (`1.50` stays `1.50`)
    /// and its sign, −0 included — whether it is packed short or, with many digits, whole.
    #[test]
    fn amounts_come_back_as_they_went_in() {
        let negative_zero = Decimal::from_parts(0, 0, 0, false, 2) * Decimal::NEGATIVE_ONE;
        let amounts = [
            Decimal::ZERO,
            negative_zero,
            Decimal::new(150, 2),
            Decimal::new(-1, 2),
            Decimal::new(1_200_000, 0),
            Decimal::from_parts(u32::MAX, u32::MAX, 0, true, 28),
            Decimal::new((1 << 42) - 1, 2),
            Decimal::new(1 << 42, 2),
            Decimal::from_parts(0, 0, 1, false, 3),
            Decimal::MAX,
            Decimal::MIN,
        ];
        for amount in amounts {
            let record = Record::new(Kind::Visits, 0, 2, [(3, Value::Money(amount))]);
            let Some(Value::Money(back)) = record.value(3) else {
                panic!("{amount}: no amount came back");
            };
            assert_eq!(
                (back.serialize(), back.to_string()),
                (amount.serialize(), amount.to_string()),
                "{amount}"
            );
        }
        let short = |amount| Record::new(Kind::Visits, 0, 2, [(3, Value::Money(amount))]).packed_len();
        assert_eq!(short(Decimal::new(-880_000, 2)), 1 + 1 + 1 + 3);
        assert_eq!(short(Decimal::MAX), 1 + 1 + 16);
    }

    #[test]
    fn a_record_holds_the_values_it_has_and_finds_each_by_its_column() {
        let day = NaiveDate::from_ymd_opt(2026, 10, 31).unwrap();
        let at = NaiveTime::from_hms_nano_opt(23, 59, 59, 1_500_000_000).unwrap();
        let values = [
            (0, Value::Int(-10)),
            (3, Value::Flag(true)),
            (4, Value::Flag(false)),
            (5, Value::Date(DateValue { date: day, time: None })),
            (
                6,
                Value::Date(DateValue {
                    date: day,
                    time: Some(at),
                }),
            ),
            (7, Value::Money(Decimal::new(-880_000, 2))),
            (
                8,
                Value::Phone(Phone {
                    text: "+86 138-1234-5678",
                    digits: "13812345678",
                }),
            ),
            (9, Value::Text("")),
            (30, Value::Text("長".repeat(30).leak())),
            (31, Value::Text("last")),
        ];
        let record = Record::new(Kind::Visits, 2, 7, values);
        assert_eq!((record.source, record.row), (2, 7));
        for (i, value) in values {
            assert_eq!(record.value(i), Some(value), "column {i}");
        }
        assert!(record.values().eq(values), "{record:?}");
        for blank in [1, 2, 10, 29, 32, 64, 100] {
            assert_eq!(record.value(blank), None, "column {blank}");
        }
        assert_eq!(Record::new(Kind::Contracts, 0, 1, []).value(0), None);
    }

    #[test]
    fn an_option_is_kept_as_its_place_among_the_columns_options() {
        use crate::registers::{contracts, ColumnType};
        let i = contracts::DOCUMENT_TYPE.index();
        let ColumnType::Enum(options) = Kind::Contracts.columns()[i].ty else {
            panic!("an option column");
        };
        for option in options {
            let record = Record::new(Kind::Contracts, 0, 2, [(i, Value::Enum(option.code))]);
            assert_eq!(record.code(contracts::DOCUMENT_TYPE), Some(option.code));
            assert_eq!(record.packed_len(), 1 + 2);
        }
    }

    /// A record whose packing fits in 255 bytes places its values with a byte each, one of 256
    /// bytes or more with two: each value is found on either side of the edge.
    #[test]
    fn a_record_of_255_bytes_places_its_values_with_a_byte_and_one_of_256_with_two() {
        for (len, whole) in [(244, 255), (245, 258)] {
            let long = "x".repeat(len);
            let values = [(0, Value::Text("FK-1")), (2, Value::Text(&long))];
            let record = Record::new(Kind::Feedback, 0, 2, values);
            assert_eq!(record.packed_len(), whole, "a text of {len}");
            assert!(record.values().eq(values), "a text of {len}");
        }
    }

    /// A record whose values take more than 65,535 bytes places them with four bytes each.
    #[test]
    fn a_record_of_long_texts_finds_each_of_them() {
        let long: Vec<String> = (0..12).map(|i| format!("{i}").repeat(10_000 + i)).collect();
        let record = Record::new(
            Kind::Feedback,
            0,
            2,
            long.iter().enumerate().map(|(i, t)| (i, Value::Text(t))),
        );
        assert!(record.packed_len() > 120_000);
        for (i, text) in long.iter().enumerate() {
            assert_eq!(record.value(i), Some(Value::Text(text)), "column {i}");
        }
        let short = Record::new(Kind::Feedback, 0, 2, [(0, Value::Text(&long[0]))]);
        assert_eq!(short.value(0), Some(Value::Text(&long[0])));
    }

    /// Records of a sheet that share the texts it repeats read as records that keep their own:
    /// each of their texts is found, those of a column of new texts and of a repeating one alike,
    /// and a repeated text takes two bytes where it took its length.
    #[test]
    fn records_that_share_their_sheets_texts_read_as_those_that_do_not() {
        use super::Packer;
        use std::sync::Arc;
        let rows: Vec<[String; 3]> = (0..2000)
            .map(|n| {
                [
                    format!("FK-{n:07}"),
                    ["王偉", "李娜"][n % 2].to_string(),
                    "房間空調噪音大".repeat(n % 3),
                ]
            })
            .collect();
        fn values(row: &[String; 3]) -> impl Iterator<Item = (usize, Value<'_>)> {
            [0, 2, 6].into_iter().zip(row.iter().map(|t| Value::Text(t)))
        }
        let mut packer = Packer::sharing();
        let mut shared: Vec<Record> = (rows.iter())
            .map(|row| {
                for (i, value) in values(row) {
                    packer.push(Kind::Feedback, i, value);
                }
                Record::packed(Kind::Feedback, 0, 2, &mut packer)
            })
            .collect();
        let store = Arc::new(packer.finish());
        shared.iter_mut().for_each(|r| r.set_store(&store));
        for (row, record) in rows.iter().zip(&shared) {
            assert_eq!(*record, Record::new(Kind::Feedback, 0, 2, values(row)));
        }
        let last = shared.last().unwrap();
        let own = Record::new(Kind::Feedback, 0, 2, values(rows.last().unwrap()));
        // 李娜 (a tag, its length and 6 bytes) and the complaint (21 bytes) shared: a tag and a
        // number of one byte each. The id, of a column of new texts, is kept in the record.
        assert_eq!(own.packed_len() - last.packed_len(), (2 + 6) + (2 + 21) - 2 * 2);
    }

    #[test]
    fn records_are_equal_when_their_values_are() {
        let i = crate::registers::contracts::AMOUNT.index();
        let amount = |m| Record::new(Kind::Contracts, 0, 2, [(i, Value::Money(m))]);
        assert_eq!(amount(Decimal::new(10, 1)), amount(Decimal::new(100, 2)));
        assert_ne!(amount(Decimal::new(10, 1)), amount(Decimal::new(11, 1)));
    }
}
