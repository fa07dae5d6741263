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
        // First the ids' hashes (the repeated ids are numbered once all are known), then the
        // values. An id is made again where it is needed rather than kept: a million contracts'
        // ids, their places and hashes, each vector grown by doubling, were a hundred megabytes
        // beside the rules (BENCHMARKS.md).
        let records = &register.records;
        let mut key = String::new();
        let mut hashes: Vec<(u64, u32)> = Vec::with_capacity(records.len());
        for (i, record) in records.iter().enumerate() {
            if base_key(record, &mut key) {
                hashes.push((Ids::hash(&key), i as u32));
            }
        }
        let same = |a: u32, b: u32| {
            let (mut first, mut second) = (String::new(), String::new());
            base_key(&records[a as usize], &mut first);
            base_key(&records[b as usize], &mut second);
            first == second
        };
        let numbers: FxHashMap<u32, u32> = repeats(hashes, same).into_iter().collect();
        let raw: FxHashMap<(usize, usize), &str> = (register.problems.iter())
            .map(|p| ((p.record, p.field), p.raw.as_str()))
            .collect();
        let (mut scratch, mut fields) = (String::new(), Vec::new());
        for (i, record) in records.iter().enumerate() {
            if !base_key(record, &mut key) {
                continue;
            }
            if let Some(n) = numbers.get(&(i as u32)) {
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
