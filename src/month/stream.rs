//! Every record's fingerprint handed out one by one, not kept (issue 25): a month whose rules
//! compare no record of a closed month (RC01 and RC02 have none) needs the fingerprints only for
//! the history to store, which writes them straight into its chunks as they come — no buffer of
//! every print first (a hundred megabytes at a million rows) and no second copy of it
//! (BENCHMARKS.md). [`Month::prints`] is made from them too, so both are the same, byte for byte.

use std::fmt::Write;

use rustc_hash::FxHashMap;

use super::prints::{base_key, day_month, pack_values, record_day, repeats, Ids, NO_MONTH};
use super::Month;
use crate::registers::Kind;

/// One print as [`Month::each_print`] hands it out.
pub struct PrintOut<'a> {
    /// The record id, `#2`… after a repeated one.
    pub key: &'a str,
    /// The packed values ([`super::pack_fields`]).
    pub fields: &'a [u8],
    /// The month it belongs to ([`super::month_number`]), or [`NO_MONTH`].
    pub belongs: i32,
    /// Where it was read: the source's index in the registers read, and the 1-based row.
    pub source: u32,
    pub row: u32,
    /// The record's place in its register.
    pub index: u32,
}

impl Month<'_> {
    /// Hands `each` the print of every record of `kind` with a usable key, in register order:
    /// the one way fingerprints are made ([`Month::prints`] keeps them all).
    pub fn each_print(&self, kind: Kind, mut each: impl FnMut(PrintOut)) {
        let Some(register) = self.registers.by_kind.get(&kind) else {
            return;
        };
        // First the ids (the repeated ones are numbered once all are known), then the values.
        let (mut ids, mut spans, mut hashes) = (String::new(), Vec::new(), Vec::new());
        let mut key = String::new();
        for (i, record) in register.records.iter().enumerate() {
            if base_key(record, &mut key) {
                hashes.push((Ids::hash(&key), spans.len() as u32));
                spans.push((i, ids.len(), key.len()));
                ids.push_str(&key);
            }
        }
        let id = |place: u32| {
            let (_, start, len) = spans[place as usize];
            &ids[start..start + len]
        };
        let numbers: FxHashMap<u32, u32> = repeats(hashes, |a, b| id(a) == id(b)).into_iter().collect();
        let raw: FxHashMap<(usize, usize), &str> = (register.problems.iter())
            .map(|p| ((p.record, p.field), p.raw.as_str()))
            .collect();
        let (mut scratch, mut fields) = (String::new(), Vec::new());
        for (place, &(i, start, len)) in spans.iter().enumerate() {
            let record = &register.records[i];
            key.clear();
            key.push_str(&ids[start..start + len]);
            if let Some(n) = numbers.get(&(place as u32)) {
                let _ = write!(key, " #{n}");
            }
            fields.clear();
            pack_values((kind, i, record), &raw, &mut scratch, &mut fields);
            each(PrintOut {
                key: &key,
                fields: &fields,
                belongs: record_day(record).map_or(NO_MONTH, day_month),
                source: record.source,
                row: record.row,
                index: i as u32,
            });
        }
    }
}
