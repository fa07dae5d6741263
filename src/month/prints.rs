//! Each record's fingerprint, worked out once a run and kept packed (issue 25): its id, the month
//! it belongs to, where it was read, and its canonical values in one short byte string — each
//! field as its column's place in the register (one byte), its value's length (a varint) and the
//! value's UTF-8 bytes. RC01 compares these bytes with the ones of the record's month's report
//! and reads them back into words ([`Fingerprint`]) only for a record that changed; RC02 looks the
//! ids up; the history stores them as they are. What a fingerprint is made of — the record id,
//! the month, the canonical value — is said in [`super::closed`]'s doc.

use std::fmt::Write;

use rustc_hash::FxHashMap;

use super::Month;
use chrono::NaiveDate;

use crate::base::text::repeated_keys;
use crate::base::varint::{push_varint, read_varint};
use crate::registers::{amendments, callbacks, contracts, feedback, guests, visits, Kind, Record, Value};
use crate::values::push_digits;

/// A record as one run read it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fingerprint {
    pub kind: Kind,
    /// The record id as the report shows it (see the module's doc), unique in its register.
    pub record: String,
    /// `YYYY-MM`: the month the record belongs to (see the module's doc).
    pub month: String,
    /// Where it was read (path relative to the inbox, sheet, 1-based row), for RC02's location.
    pub file: String,
    pub sheet: String,
    pub row: u32,
    /// (field name as `Kind::columns` names it, canonical value), in column order, blank fields
    /// left out. A name read back from elsewhere is made `'static` by
    /// `kind.any_field(name).map(|f| f.name)`.
    pub fields: Vec<(&'static str, String)>,
}

impl Fingerprint {
    /// The canonical value of a field, none when the field was blank.
    pub fn value(&self, field: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(name, _)| *name == field)
            .map(|(_, v)| v.as_str())
    }
}

/// `YYYY-MM` of a day.
pub fn month_id(day: NaiveDate) -> String {
    day.format("%Y-%m").to_string()
}

/// The canonical text of a typed value (see the module's doc).
pub fn canonical(value: Value) -> String {
    let mut out = String::new();
    super::prints::canonical_into(value, &mut out);
    out
}

/// The month a record belongs to (see the module's doc); none when no key day can be read.
pub fn record_month(record: &Record) -> Option<String> {
    record_day(record).map(month_id)
}

/// The last key day of a record, whose month it belongs to (see the module's doc).
pub(super) fn record_day(record: &Record) -> Option<NaiveDate> {
    let day = |field| record.day(field);
    match record.kind {
        Kind::Guests => day(guests::DEVELOPED_DATE),
        // Feedback without a receipt date has no month, whatever else it holds.
        Kind::Feedback => day(feedback::RECEIVED_DATE)
            .map(|received| received.max(day(feedback::REVIEW_DATE).unwrap_or(received)))
            .map(|latest| latest.max(day(feedback::RESOLVED_DATE).unwrap_or(latest))),
        Kind::Contracts => match (day(contracts::RECEIVED_DATE), day(contracts::COMMITMENT_DATE)) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        },
        Kind::Amendments => day(amendments::AMENDMENT_DATE),
        Kind::Visits => day(visits::DATE),
        Kind::Callbacks => day(callbacks::DATE),
    }
}

/// Writes the record's id without the `#n` of a repeated one into `key` (emptied first); false
/// when it has no usable key.
pub(super) fn base_key(record: &Record, key: &mut String) -> bool {
    key.clear();
    let has_date = |field| record.day(field).is_some();
    let usable = match record.kind {
        Kind::Contracts | Kind::Feedback | Kind::Guests => true,
        Kind::Amendments => record.has_text(amendments::CONTRACT_ID) && has_date(amendments::AMENDMENT_DATE),
        Kind::Visits => (record.has_text(visits::GUEST_ID) || record.has_text(visits::NAME)) && has_date(visits::DATE),
        Kind::Callbacks => record.has_text(callbacks::GUEST_ID) && has_date(callbacks::DATE),
    };
    if !usable {
        return false;
    }
    record.label_into(key);
    let trimmed = key.trim();
    if trimmed.len() != key.len() {
        *key = trimmed.to_string();
    }
    !key.is_empty()
}

/// A month (`YYYY-MM`) as a number, year * 12 + month - 1, so months compare and count as
/// numbers; [`NO_MONTH`] for a label that is no month.
pub fn month_number(label: &str) -> i32 {
    let parsed = label
        .split_once('-')
        .and_then(|(y, m)| Some((y.parse::<i32>().ok()?, m.parse::<i32>().ok()?)));
    match parsed {
        Some((y, m)) if (1..=12).contains(&m) && (0..=9999).contains(&y) && label.len() == 7 => y * 12 + m - 1,
        _ => NO_MONTH,
    }
}

/// The [`month_number`] of a day.
pub fn day_month(day: chrono::NaiveDate) -> i32 {
    use chrono::Datelike;
    match day.year() {
        y @ 0..=9999 => y * 12 + day.month0() as i32,
        _ => NO_MONTH,
    }
}

/// A record without a month.
pub const NO_MONTH: i32 = -1;

/// [`month_number`] back as `2026-10` (empty for [`NO_MONTH`]).
pub fn month_label(number: i32) -> String {
    match number {
        n if n < 0 => String::new(),
        n => format!("{:04}-{:02}", n / 12, n % 12 + 1),
    }
}

/// Bytes `start..start + len` of a [`Packed`]'s buffer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Span {
    start: u32,
    len: u32,
}

impl Span {
    fn of<'a>(&self, bytes: &'a [u8]) -> &'a [u8] {
        let start = self.start as usize;
        &bytes[start..start + self.len as usize]
    }
}

/// One record's packed fingerprint; its id and values are in its [`Packed`]'s buffer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Print {
    key: Span,
    fields: Span,
    /// The month it belongs to ([`month_number`]), or [`NO_MONTH`].
    pub belongs: i32,
    /// Where it was read: the source's index (in the registers read, or in the history's list).
    pub source: u32,
    /// 1-based sheet row.
    pub row: u32,
    /// The record's place in its register (this run's prints only).
    pub index: u32,
}

/// The packed fingerprints of one register kind, in the order given.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Packed {
    prints: Vec<Print>,
    bytes: Vec<u8>,
}

impl Packed {
    /// Adds a print of record `key` whose packed values are `fields` ([`pack_fields`]).
    pub fn push(&mut self, key: &str, fields: &[u8], belongs: i32, source: u32, row: u32, index: u32) {
        let print = self.pack(key, fields, belongs, source, row, index);
        self.prints.push(print);
    }

    /// A print of record `key` whose bytes are added to the buffer, not yet among the prints
    /// (see [`Packed::push`], [`Packed::replace`]).
    pub fn pack(&mut self, key: &str, fields: &[u8], belongs: i32, source: u32, row: u32, index: u32) -> Print {
        Print {
            key: self.append(key.as_bytes()),
            fields: self.append(fields),
            belongs,
            source,
            row,
            index,
        }
    }

    /// Adds a print made by [`Packed::pack`].
    pub fn push_print(&mut self, print: Print) {
        self.prints.push(print);
    }

    /// Room for `prints` more prints of about `bytes` bytes in all.
    pub fn reserve(&mut self, prints: usize, bytes: usize) {
        self.prints.reserve(prints);
        self.bytes.reserve(bytes);
    }

    /// Puts print `at` in place of print `i` (its old bytes stay, unused).
    pub fn replace(&mut self, i: usize, at: Print) {
        self.prints[i] = at;
    }

    fn append(&mut self, bytes: &[u8]) -> Span {
        let start = self.bytes.len() as u32;
        self.bytes.extend_from_slice(bytes);
        Span {
            start,
            len: bytes.len() as u32,
        }
    }

    pub fn prints(&self) -> &[Print] {
        &self.prints
    }

    pub fn len(&self) -> usize {
        self.prints.len()
    }

    pub fn is_empty(&self) -> bool {
        self.prints.is_empty()
    }

    /// The record id of a print.
    pub fn key(&self, print: &Print) -> &str {
        std::str::from_utf8(print.key.of(&self.bytes)).unwrap_or_default()
    }

    /// The record id of a print, as bytes (UTF-8).
    pub fn key_bytes(&self, print: &Print) -> &[u8] {
        print.key.of(&self.bytes)
    }

    /// The packed values of a print.
    pub fn fields(&self, print: &Print) -> &[u8] {
        print.fields.of(&self.bytes)
    }

    /// The print back as a [`Fingerprint`] of `kind`, read at `file` › `sheet`; None when its
    /// values cannot be read (a damaged history).
    pub fn fingerprint(&self, kind: Kind, print: &Print, file: &str, sheet: &str) -> Option<Fingerprint> {
        Some(Fingerprint {
            kind,
            record: self.key(print).to_string(),
            month: month_label(print.belongs),
            file: file.to_string(),
            sheet: sheet.to_string(),
            row: print.row,
            fields: unpack_fields(kind, self.fields(print))?,
        })
    }
}

/// The fingerprints of every record read, by kind: each record with a usable key, in register
/// order (see [`super::closed`] for the key and the month).
#[derive(Debug, Default)]
pub struct Prints {
    kinds: [Packed; Kind::ALL.len()],
}

impl Prints {
    pub fn of(&self, kind: Kind) -> &Packed {
        &self.kinds[kind as usize]
    }

    /// How many prints there are, of every kind.
    pub fn len(&self) -> usize {
        self.kinds.iter().map(Packed::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Month<'_> {
    /// Every record's fingerprint, worked out the first time it is asked for (on every core, a
    /// kind each) and kept for the rest of the run: RC01, RC02 and the history share it.
    pub fn prints(&self) -> &Prints {
        self.prints.get_or_init(|| {
            let by_kind = crate::base::parallel::in_parallel(&Kind::ALL, |&kind| self.packed(kind));
            Prints {
                kinds: by_kind.try_into().unwrap_or_default(),
            }
        })
    }

    /// The packed fingerprint of every record of a kind with a usable key ([`Month::each_print`]).
    fn packed(&self, kind: Kind) -> Packed {
        let mut packed = Packed::default();
        let records = self.registers.by_kind.get(&kind).map_or(0, |r| r.records.len());
        // From 84 bytes a record (visits) to 228 (feedback): room for the rest is made once the
        // first few show how many, not by a buffer of a hundred megabytes copied as it doubles.
        const SAMPLE: usize = 64;
        packed.reserve(records, SAMPLE * 256);
        self.each_print(kind, |print| {
            packed.push(
                print.key,
                print.fields,
                print.belongs,
                print.source,
                print.row,
                print.index,
            );
            if packed.len() == SAMPLE {
                let each = packed.bytes.len() / SAMPLE;
                packed.bytes.reserve(records.saturating_sub(SAMPLE) * (each + each / 8));
            }
        });
        packed
    }
}

/// Of prints given as (their id's hash, their place), the second and later of each id, each with
/// its number (`2` for the second) in register order; `same` tells whether two places hold one
/// id (two ids of one hash are told apart).
pub(super) fn repeats(hashes: Vec<(u64, u32)>, same: impl Fn(u32, u32) -> bool) -> Vec<(u32, u32)> {
    (repeated_keys(hashes, same).into_iter())
        .flat_map(|group| group.into_iter().skip(1).zip(2..))
        .collect()
}

/// Packs the canonical values of record `i` of `kind` into `out` ([`pack_field`] for each
/// column); a value that could not be read is packed as it was written (`raw`).
pub(super) fn pack_values(
    (kind, i, record): (Kind, usize, &Record),
    raw: &FxHashMap<(usize, usize), &str>,
    scratch: &mut String,
    out: &mut Vec<u8>,
) {
    for c in 0..kind.columns().len() {
        scratch.clear();
        match record.value(c) {
            Some(value) => canonical_into(value, scratch),
            None => scratch.push_str(raw.get(&(i, c)).map_or("", |r| r.trim())),
        }
        pack_field(out, c, scratch);
    }
}

/// The records of a kind by id: each id's hash to its place, with the rare id whose hash another
/// id already has kept aside by the id itself.
#[derive(Debug, Default)]
pub(super) struct Ids {
    by_hash: FxHashMap<u64, u32>,
    others: FxHashMap<Box<str>, u32>,
}

impl Ids {
    pub(super) fn hash(record: &str) -> u64 {
        use std::hash::{BuildHasher, BuildHasherDefault};
        BuildHasherDefault::<rustc_hash::FxHasher>::default().hash_one(record)
    }

    /// The place of the print of `record` in `packed`, if it is in.
    pub(super) fn get(&self, packed: &Packed, record: &str) -> Option<usize> {
        match self.by_hash.get(&Self::hash(record)) {
            Some(&place) if packed.key(&packed.prints()[place as usize]) == record => Some(place as usize),
            _ => self.others.get(record).map(|&p| p as usize),
        }
    }

    /// Adds the print at `place` (whose id is not in yet).
    pub(super) fn insert(&mut self, packed: &Packed, place: usize) {
        let record = packed.key(&packed.prints()[place]);
        match self.by_hash.entry(Self::hash(record)) {
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(place as u32);
            }
            std::collections::hash_map::Entry::Occupied(_) => {
                self.others.insert(record.into(), place as u32);
            }
        }
    }
}

/// Writes the canonical text of a typed value (see [`super::closed`]'s doc) into `out`.
pub fn canonical_into(value: Value, out: &mut String) {
    use chrono::{Datelike, Timelike};
    match value {
        Value::Text(t) => out.push_str(t.trim()),
        Value::Date(d)
            if (0..=9999).contains(&d.date.year()) && d.time.is_none_or(|t| t.nanosecond() < 1_000_000_000) =>
        {
            crate::values::push_day(out, d.date);
            if let Some(t) = d.time {
                out.push(' ');
                push_digits(out, t.hour(), 2);
                out.push(':');
                push_digits(out, t.minute(), 2);
                out.push(':');
                push_digits(out, t.second(), 2);
            }
        }
        Value::Date(d) => {
            let _ = write!(out, "{}", d.date);
            if let Some(t) = d.time {
                let _ = write!(out, " {}", t.format("%H:%M:%S"));
            }
        }
        Value::Money(m) => {
            let _ = write!(out, "{}", m.normalize());
        }
        Value::Flag(f) => out.push_str(if f { "true" } else { "false" }),
        Value::Int(n) => {
            let _ = write!(out, "{n}");
        }
        Value::Phone(p) if !p.digits.is_empty() => out.push_str(p.digits),
        Value::Phone(p) => out.push_str(p.text.trim()),
        Value::Enum(code) => out.push_str(code),
    }
}

/// Appends field `place` (its column's place in the register) with `value` to packed values; a
/// blank value is no field.
pub fn pack_field(out: &mut Vec<u8>, place: usize, value: &str) {
    if value.is_empty() || place > u8::MAX as usize {
        return;
    }
    out.push(place as u8);
    push_varint(out, value.len());
    out.extend_from_slice(value.as_bytes());
}

/// A fingerprint's values packed ([`pack_field`] for each, fields the kind does not know left out).
pub fn pack_fields(kind: Kind, fields: &[(&'static str, String)]) -> Vec<u8> {
    let columns = kind.columns();
    let mut out = Vec::new();
    for (name, value) in fields {
        if let Some(place) = columns.iter().position(|c| c.name == *name) {
            pack_field(&mut out, place, value);
        }
    }
    out
}

/// Packed values back as (field name, value); None when they cannot be read.
pub fn unpack_fields(kind: Kind, mut bytes: &[u8]) -> Option<Vec<(&'static str, String)>> {
    let columns = kind.columns();
    let mut fields = Vec::new();
    while let Some((&place, rest)) = bytes.split_first() {
        let name = columns.get(place as usize)?.name;
        let (n, rest) = read_varint(rest)?;
        let value = std::str::from_utf8(rest.get(..n)?).ok()?;
        fields.push((name, value.to_string()));
        bytes = &rest[n..];
    }
    Some(fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_kept_as_numbers_and_back() {
        assert_eq!(month_label(month_number("2026-10")), "2026-10");
        assert_eq!(month_number("2026-01") + 1, month_number("2026-02"));
        assert_eq!(month_number("2025-12") + 1, month_number("2026-01"));
        assert_eq!(month_number(""), NO_MONTH);
        assert_eq!(month_number("2026-13"), NO_MONTH);
        assert_eq!(month_label(NO_MONTH), "");
    }

    /// The second and later prints of an id are numbered in register order, two ids that share
    /// a hash told apart.
    #[test]
    fn repeated_ids_are_numbered_in_register_order() {
        let ids = ["A", "B", "A", "C", "A", "B"];
        // C given A's hash, as if the two collided.
        let hash = |id: &str| if id == "B" { 2 } else { 1 };
        let hashes = ids.iter().enumerate().map(|(i, id)| (hash(id), i as u32)).collect();
        let mut numbers = repeats(hashes, |a, b| ids[a as usize] == ids[b as usize]);
        numbers.sort_unstable();
        let keys: Vec<String> = (ids.iter().enumerate())
            .map(|(i, id)| match numbers.iter().find(|(place, _)| *place == i as u32) {
                Some((_, n)) => format!("{id} #{n}"),
                None => id.to_string(),
            })
            .collect();
        assert_eq!(keys, ["A", "B", "A #2", "C", "A #3", "B #2"]);
    }

    #[test]
    fn packed_values_come_back_as_they_were_and_damaged_ones_do_not() {
        let columns = Kind::Contracts.columns();
        let long = "長".repeat(100);
        let fields = vec![(columns[0].name, "HT-2026-031".to_string()), (columns[2].name, long)];
        let bytes = pack_fields(Kind::Contracts, &fields);
        assert!(bytes.len() < 320, "{}", bytes.len());
        assert_eq!(unpack_fields(Kind::Contracts, &bytes), Some(fields));
        assert_eq!(unpack_fields(Kind::Contracts, &[0, 200]), None);
        assert_eq!(unpack_fields(Kind::Contracts, &[200, 1, b'x']), None, "no such column");
        assert_eq!(read_varint(&[0xff; 8]), None);
    }

    #[test]
    fn a_packed_print_comes_back_as_its_fingerprint() {
        let mut packed = Packed::default();
        let fields = pack_fields(Kind::Visits, &[("guest_id", "G-017".into())]);
        packed.push("G-017 2026-10-05", &fields, month_number("2026-10"), 3, 7, 2);
        let print = packed.prints()[0];
        let back = packed.fingerprint(Kind::Visits, &print, "消費.xlsx", "2026").unwrap();
        assert_eq!(
            (
                back.record.as_str(),
                back.month.as_str(),
                back.row,
                back.value("guest_id")
            ),
            ("G-017 2026-10-05", "2026-10", 7, Some("G-017"))
        );
        assert_eq!((print.source, print.index), (3, 2));
    }
}
