//! Visits and what guests spent: every visit matched to its profile, totals over a window, and
//! the class a year's spend earns (procedure Part 2 一, 四.4).

use std::num::NonZeroU32;

use chrono::{Months, NaiveDate};
use compact_str::CompactString;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

use super::book::{GuestBook, Resolver};
use crate::base::text::{self, id_key};
use crate::registers::{guests, visits, Kind, Record, Registers};
use crate::settings::GuestSettings;

/// One visit whose date and spend could be read: 24 bytes, for a register can hold ten million
/// visits (with a guest and a stranger each a field of its own, 40: BENCHMARKS.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VisitEntry {
    pub date: NaiveDate,
    /// Whom the visit is of ([`Who`]).
    who: u32,
    pub spend: Decimal,
}

const _: () = assert!(std::mem::size_of::<VisitEntry>() == 24);

/// Whom a visit is of, as a [`VisitEntry`] holds it: 0 nobody, a guest `g` as `g + 1`, a
/// stranger `n` as `n` with the top bit set.
struct Who;

impl Who {
    const STRANGER: u32 = 1 << 31;

    fn of(guest: Option<usize>, stranger: Option<NonZeroU32>) -> u32 {
        match (guest, stranger) {
            (Some(g), _) => u32::try_from(g)
                .ok()
                .filter(|g| *g < Self::STRANGER - 1)
                .map_or(0, |g| g + 1),
            (None, Some(n)) if n.get() < Self::STRANGER => Self::STRANGER | n.get(),
            _ => 0,
        }
    }
}

impl VisitEntry {
    pub fn new(date: NaiveDate, guest: Option<usize>, stranger: Option<NonZeroU32>, spend: Decimal) -> VisitEntry {
        VisitEntry {
            date,
            who: Who::of(guest, stranger),
            spend,
        }
    }

    /// The guest in the guest register the visit is matched to.
    pub fn guest(&self) -> Option<usize> {
        (self.who & Who::STRANGER == 0 && self.who > 0).then(|| self.who as usize - 1)
    }

    /// For a visit matched to no profile, which of the guests in no profile it names (the same
    /// number for the same guest id, or name when it gives no id); None when it names nobody.
    pub fn stranger(&self) -> Option<NonZeroU32> {
        match self.who & Who::STRANGER {
            0 => None,
            _ => NonZeroU32::new(self.who & !Who::STRANGER),
        }
    }
}

/// The guests that visits name but no profile of the period answers to, numbered from 1 as they
/// are first met: by guest id (compared as ids are), else by name (compared as names are).
#[derive(Default)]
struct Strangers {
    /// Each text as written, by whether it is an id: a million visits name a few guests.
    seen: FxHashMap<(bool, CompactString), NonZeroU32>,
    by_key: FxHashMap<(bool, String), NonZeroU32>,
}

impl Strangers {
    fn number(&mut self, record: &Record) -> Option<NonZeroU32> {
        let given = |t: &&str| !t.trim().is_empty();
        let (is_id, written) = match record.text(visits::GUEST_ID).filter(given) {
            Some(id) => (true, id),
            None => (false, record.text(visits::NAME).filter(given)?),
        };
        if let Some(n) = self.seen.get(&(is_id, CompactString::new(written))) {
            return Some(*n);
        }
        let key = match is_id {
            true => id_key(written).into_owned(),
            false => text::key(written),
        };
        let next = NonZeroU32::new(self.by_key.len() as u32 + 1)?;
        let n = *self.by_key.entry((is_id, key)).or_insert(next);
        self.seen.insert((is_id, CompactString::new(written)), n);
        Some(n)
    }
}

/// Every visit of every visits register (all files and sheets, CSV included, every month), with
/// its guest. A visit whose date or spend cannot be read (RG01/RG02 report it) is left out: its
/// spend is unknown. A visit of a profile that does not exist yet at as-of is matched to no
/// profile in the period: its spend is in the totals, not in a guest's.
pub fn visit_entries(registers: &Registers, book: &GuestBook) -> Vec<VisitEntry> {
    let Some(visits) = registers.by_kind.get(&Kind::Visits) else {
        return Vec::new();
    };
    let mut resolver = Resolver::new(book);
    let mut strangers = Strangers::default();
    let mut out = Vec::with_capacity(visits.records.len());
    for record in &visits.records {
        let (Some(date), Some(spend)) = (record.day(visits::DATE), record.money(visits::SPEND)) else {
            continue;
        };
        let guest = resolver.resolve(record).guest().filter(|g| book.exists(*g));
        let stranger = guest.is_none().then(|| strangers.number(record)).flatten();
        out.push(VisitEntry::new(date, guest, stranger, spend));
    }
    out
}

/// How many guests in no profile (ids, or names where no id is given) visited in `from..=to`.
pub fn strangers_between(entries: &[VisitEntry], from: NaiveDate, to: NaiveDate) -> usize {
    let mut seen: Vec<bool> = Vec::new();
    for n in entries
        .iter()
        .filter(|e| from <= e.date && e.date <= to)
        .filter_map(|e| e.stranger())
    {
        let i = n.get() as usize - 1;
        if seen.len() <= i {
            seen.resize(i + 1, false);
        }
        seen[i] = true;
    }
    seen.iter().filter(|s| **s).count()
}

/// Spend and number of visits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    pub spend: Decimal,
    pub visits: u32,
}

impl Totals {
    pub fn add(&mut self, spend: Decimal) {
        self.spend = self.spend.checked_add(spend).unwrap_or(Decimal::MAX);
        self.visits += 1;
    }

    pub fn merge(&mut self, other: Totals) {
        self.spend = self.spend.checked_add(other.spend).unwrap_or(Decimal::MAX);
        self.visits += other.visits;
    }

    /// Average spend per visit, to the cent (half a cent rounds up); None without visits.
    pub fn average(&self) -> Option<Decimal> {
        (self.visits > 0).then(|| {
            (self.spend / Decimal::from(self.visits))
                .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
        })
    }
}

/// Totals per guest (indexed like the guest register) and of the visits matched to no profile,
/// for visits dated `from..=to`.
pub fn totals_between(entries: &[VisitEntry], guests: usize, from: NaiveDate, to: NaiveDate) -> (Vec<Totals>, Totals) {
    let mut per_guest = vec![Totals::default(); guests];
    let mut unmatched = Totals::default();
    for e in entries.iter().filter(|e| from <= e.date && e.date <= to) {
        match e.guest() {
            Some(g) => per_guest[g].add(e.spend),
            None => unmatched.add(e.spend),
        }
    }
    (per_guest, unmatched)
}

/// First day of the `months` months that end with `as_of`: the 12 months to 2026-10-31 run from
/// 2025-11-01.
pub fn window_start(as_of: NaiveDate, months: u32) -> NaiveDate {
    as_of
        .succ_opt()
        .and_then(|d| d.checked_sub_months(Months::new(months)))
        .unwrap_or(NaiveDate::MIN)
}

/// The class a yearly spend earns (procedure Part 2 一): A from `class_a_spend`, B from
/// `class_b_spend`, else C. The thresholds themselves belong to the higher class.
pub fn spend_class(spend: Decimal, settings: &GuestSettings) -> &'static str {
    if spend >= Decimal::from(settings.class_a_spend) {
        "A"
    } else if spend >= Decimal::from(settings.class_b_spend) {
        "B"
    } else {
        "C"
    }
}

/// The recorded class of a profile (`A`, `B`, `C`), None when blank or unreadable.
pub fn recorded_class(record: &Record) -> Option<&'static str> {
    record.code(guests::CLASS)
}

/// A proposal to move a guest to the class its spend earns (procedure Part 2 四.4).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Proposal {
    pub guest: usize,
    /// None: no class recorded (read as C, the procedure's class for ordinary and new guests).
    pub recorded: Option<&'static str>,
    pub proposed: &'static str,
    pub spend: Totals,
}

/// Guests existing at as-of whose spend over the window (`per_guest`) earns another class than
/// the recorded one. A blank class is read as C, so an unclassified guest is proposed only once
/// its spend earns B or A; a class that could not be read (RG02) is left alone.
pub fn proposals(book: &GuestBook, per_guest: &[Totals], earned: &[&'static str]) -> Vec<Proposal> {
    let mut out = Vec::new();
    for (i, record) in book.profiles() {
        if record.is_unreadable(guests::CLASS) {
            continue;
        }
        let recorded = recorded_class(record);
        let spend = per_guest.get(i).copied().unwrap_or_default();
        let proposed = earned[i];
        if recorded.unwrap_or("C") != proposed {
            out.push(Proposal {
                guest: i,
                recorded,
                proposed,
                spend,
            });
        }
    }
    out
}

/// The class rank for ordering and for telling an upgrade from a downgrade: A 0, B 1, C 2.
pub fn class_rank(class: &str) -> u8 {
    match class {
        "A" => 0,
        "B" => 1,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_visit_entry_gives_back_its_guest_or_its_stranger() {
        let (day, spend) = (d(2026, 10, 3), Decimal::new(12_345, 2));
        let n = |n| NonZeroU32::new(n);
        for (guest, stranger) in [
            (Some(0), None),
            (Some(41), None),
            (None, n(1)),
            (None, n(70_000)),
            (None, None),
        ] {
            let e = VisitEntry::new(day, guest, stranger, spend);
            assert_eq!(
                (e.date, e.guest(), e.stranger(), e.spend),
                (day, guest, stranger, spend)
            );
        }
        // A visit matched to a guest names no stranger.
        assert_eq!(VisitEntry::new(day, Some(5), n(2), spend).stranger(), None);
    }

    #[test]
    fn classes_include_their_threshold() {
        let s = GuestSettings::default();
        assert_eq!(spend_class(Decimal::from(100_000), &s), "A");
        assert_eq!(spend_class(Decimal::new(9_999_999, 2), &s), "B");
        assert_eq!(spend_class(Decimal::from(20_000), &s), "B");
        assert_eq!(spend_class(Decimal::new(1_999_999, 2), &s), "C");
    }

    #[test]
    fn the_window_is_twelve_whole_months() {
        assert_eq!(window_start(d(2026, 10, 31), 12), d(2025, 11, 1));
        assert_eq!(window_start(d(2024, 2, 29), 12), d(2023, 3, 1));
        assert_eq!(window_start(d(2026, 9, 30), 3), d(2026, 7, 1));
    }
}
