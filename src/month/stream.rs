//! Every record's fingerprint handed out one by one, not kept (issue 25): a month whose rules
//! compare no record of a closed month (RC01 and RC02 have none) needs the fingerprints only for
//! the history to store, which writes them straight into its chunks as they come — no buffer of
//! every print first (a hundred megabytes at a million rows) and no second copy of it
//! (BENCHMARKS.md). [`Month::prints`] is made from them too, so both are the same, byte for byte.

use std::fmt::Write;
use std::ops::Range;

use rustc_hash::FxHashMap;

use super::prints::{base_key, day_month, pack_values, record_day, repeats, Ids, NO_MONTH};
use super::Month;
use crate::registers::{Kind, Record};

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

/// What a kind's prints need known before any is made, whatever part of its register is printed
/// ([`Month::each_print_in`]): the numbers of its repeated ids and the raw text of the values
/// that could not be read.
pub struct PrintPlan<'m> {
    kind: Kind,
    /// The record's place → its id's number (2 for the second record of a repeated id…).
    numbers: FxHashMap<u32, u32>,
    raw: FxHashMap<(usize, usize), &'m str>,
}

impl PrintPlan<'_> {
    pub fn kind(&self) -> Kind {
        self.kind
    }
}

impl<'m> Month<'m> {
    /// Hands `each` the print of every record of `kind` with a usable key, in register order:
    /// the one way fingerprints are made ([`Month::prints`] keeps them all).
    pub fn each_print(&self, kind: Kind, each: impl FnMut(PrintOut)) {
        let records = self.register(kind);
        let hashes = self.print_hashes(kind, 0..records.len(), |_| {});
        self.each_print_in(&self.print_plan(kind, hashes), 0..records.len(), each);
    }

    /// The hashes of the ids of records `range` of `kind` with a usable key, with their places
    /// ([`Month::print_plan`] takes those of every part of the register, in order); `with` is
    /// handed each such record.
    pub fn print_hashes(&self, kind: Kind, range: Range<usize>, mut with: impl FnMut(&Record)) -> Vec<(u64, u32)> {
        // An id is made again where it is needed rather than kept: a million contracts' ids,
        // their places and hashes, each vector grown by doubling, were a hundred megabytes beside
        // the rules (BENCHMARKS.md).
        let records = self.register(kind);
        let mut key = String::new();
        let mut hashes: Vec<(u64, u32)> = Vec::with_capacity(range.len());
        for i in range {
            let record = &records[i];
            if base_key(record, &mut key) {
                hashes.push((Ids::hash(&key), i as u32));
                with(record);
            }
        }
        hashes
    }

    /// The plan of `kind`'s prints from the `hashes` of all its ids, in register order
    /// ([`Month::print_hashes`]): the repeated ids are numbered once all are known.
    pub fn print_plan(&self, kind: Kind, hashes: Vec<(u64, u32)>) -> PrintPlan<'m> {
        let records = self.register(kind);
        let same = |a: u32, b: u32| {
            let (mut first, mut second) = (String::new(), String::new());
            base_key(&records[a as usize], &mut first);
            base_key(&records[b as usize], &mut second);
            first == second
        };
        let raw = match self.registers.by_kind.get(&kind) {
            Some(register) => (register.problems.iter())
                .map(|p| ((p.record, p.field), p.raw.as_str()))
                .collect(),
            None => FxHashMap::default(),
        };
        PrintPlan {
            kind,
            numbers: repeats(hashes, same).into_iter().collect(),
            raw,
        }
    }

    /// Hands `each` the print of every record of `range` of the plan's kind with a usable key, in
    /// register order: a part of [`Month::each_print`], the same prints (several parts of one
    /// register are printed on several cores).
    pub fn each_print_in(&self, plan: &PrintPlan, range: Range<usize>, mut each: impl FnMut(PrintOut)) {
        let kind = plan.kind;
        let records = self.register(kind);
        let (mut key, mut scratch, mut fields) = (String::new(), String::new(), Vec::new());
        for i in range {
            let record = &records[i];
            if !base_key(record, &mut key) {
                continue;
            }
            if let Some(n) = plan.numbers.get(&(i as u32)) {
                let _ = write!(key, " #{n}");
            }
            fields.clear();
            pack_values((kind, i, record), &plan.raw, &mut scratch, &mut fields);
            each(PrintOut {
                key: &key,
                fields: &fields,
                belongs: print_month(record),
                source: record.source,
                row: record.row,
                index: i as u32,
            });
        }
    }
}

/// The month a record's print belongs to ([`super::month_number`]), or [`NO_MONTH`].
pub fn print_month(record: &Record) -> i32 {
    record_day(record).map_or(NO_MONTH, day_month)
}
