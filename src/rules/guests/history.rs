//! The guest history model the GH rules and the Guests report share: which profile a visit or a
//! call-back belongs to, spend per guest over a window, the class that spend earns, new A-class
//! guests and incomplete profiles (procedure Part 2).
//!
//! Registers may hold a million rows, so every join is a hash look-up and every total one pass.

use std::borrow::Cow;
use std::sync::OnceLock;

use chrono::{Datelike, Months, NaiveDate};
use compact_str::CompactString;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

use crate::base::text;
use crate::month::period::Period;
use crate::registers::{Kind, Record, Registers, Value};
use crate::settings::GuestSettings;

/// Guest ids are compared as RG03 compares ids: width folded, trimmed, case-insensitive
/// (`g-001` = `G-001` = `Ｇ-001`).
pub use crate::base::text::id_key;

/// What a guest id or name found in the guest register.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Match {
    /// Index of the profile in the guests register.
    Guest(usize),
    /// A name that several profiles carry: the visit cannot be told apart.
    Ambiguous,
    Unknown,
}

impl Match {
    pub fn guest(self) -> Option<usize> {
        match self {
            Match::Guest(i) => Some(i),
            _ => None,
        }
    }
}

/// The guest register, indexed by id and (on first use) by name.
pub struct GuestBook<'a> {
    pub records: &'a [Record],
    by_id: FxHashMap<Cow<'a, str>, usize>,
    /// Built only when a row names a guest without an id: folding a million names across scripts
    /// is the costly part of the index.
    by_name: OnceLock<FxHashMap<String, Match>>,
    /// Each profile's name and company as [`text::key`]s, empty when blank: folded once for the
    /// name index, GH06 and the Guests sheet's complaint matching, which all compare them.
    keys: OnceLock<Vec<(String, String)>>,
}

impl<'a> GuestBook<'a> {
    pub fn new(registers: &'a Registers) -> GuestBook<'a> {
        let records: &[Record] = registers
            .by_kind
            .get(&Kind::Guests)
            .map(|r| r.records.as_slice())
            .unwrap_or(&[]);
        let mut by_id = FxHashMap::with_capacity_and_hasher(records.len(), Default::default());
        for (i, record) in records.iter().enumerate() {
            if let Some(id) = record.text(Kind::Guests, "guest_id") {
                // A reused id is RG03's finding; the first profile answers to it.
                by_id.entry(id_key(id)).or_insert(i);
            }
        }
        GuestBook {
            records,
            by_id,
            by_name: OnceLock::new(),
            keys: OnceLock::new(),
        }
    }

    /// The name and company keys of each profile (in register order; empty when blank).
    pub fn keys(&self) -> &[(String, String)] {
        self.keys.get_or_init(|| {
            let key =
                |record: &Record, field: &str| record.text(Kind::Guests, field).map(text::key).unwrap_or_default();
            self.records
                .iter()
                .map(|record| (key(record, "name"), key(record, "company")))
                .collect()
        })
    }

    pub fn find_id(&self, id: &str) -> Match {
        self.by_id.get(&id_key(id)).map_or(Match::Unknown, |&i| Match::Guest(i))
    }

    /// Names are compared with [`text::key`]: width, case, spaces and script are ignored. A name
    /// that several profiles carry is [`Match::Ambiguous`].
    pub fn find_name(&self, name: &str) -> Match {
        let by_name = self.by_name.get_or_init(|| {
            let mut map: FxHashMap<String, Match> =
                FxHashMap::with_capacity_and_hasher(self.records.len(), Default::default());
            for (i, (key, _)) in self.keys().iter().enumerate() {
                if !key.is_empty() {
                    map.entry(key.clone())
                        .and_modify(|m| *m = Match::Ambiguous)
                        .or_insert(Match::Guest(i));
                }
            }
            map
        });
        by_name.get(&text::key(name)).copied().unwrap_or(Match::Unknown)
    }

    pub fn record(&self, guest: usize) -> &'a Record {
        &self.records[guest]
    }

    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }
}

/// Who a visit or call-back names: its guest id and (visits only) its name, each looked up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reference {
    pub id: Option<Match>,
    pub name: Option<Match>,
}

impl Reference {
    /// The profile the row belongs to: by id first, else by name.
    pub fn guest(&self) -> Option<usize> {
        self.id
            .and_then(Match::guest)
            .or_else(|| self.name.and_then(Match::guest))
    }
}

/// Looks up the guest of visits and call-backs, remembering each distinct text it has seen (a
/// register of a million visits names a few thousand guests). The texts are kept in the maps
/// (`CompactString`: an id or a name fits in its 24 bytes), not borrowed from the rows: comparing
/// with a borrowed key read a far-off row's memory at every lookup.
pub struct Resolver<'a, 'b> {
    book: &'b GuestBook<'a>,
    ids: FxHashMap<CompactString, Match>,
    names: FxHashMap<CompactString, Match>,
}

impl<'a, 'b> Resolver<'a, 'b> {
    pub fn new(book: &'b GuestBook<'a>) -> Resolver<'a, 'b> {
        Resolver {
            book,
            ids: FxHashMap::default(),
            names: FxHashMap::default(),
        }
    }

    /// The guest a visit or call-back row names. Call-backs keep no name column.
    pub fn resolve(&mut self, kind: Kind, record: &'a Record) -> Reference {
        let book = self.book;
        let id = record
            .text(kind, "guest_id")
            .filter(|t| !t.trim().is_empty())
            .map(|t| remembered(&mut self.ids, t, |t| book.find_id(t)));
        let name = record
            .text(kind, "name")
            .filter(|t| !t.trim().is_empty())
            .map(|t| remembered(&mut self.names, t, |t| book.find_name(t)));
        Reference { id, name }
    }
}

/// The match of `text` in `seen`, found by `find` the first time.
fn remembered(seen: &mut FxHashMap<CompactString, Match>, text: &str, find: impl FnOnce(&str) -> Match) -> Match {
    if let Some(found) = seen.get(text) {
        return *found;
    }
    let found = find(text);
    seen.insert(CompactString::new(text), found);
    found
}

/// One visit whose date and spend could be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VisitEntry {
    pub date: NaiveDate,
    pub guest: Option<usize>,
    pub spend: Decimal,
}

/// Every visit of every visits register (all files and sheets, CSV included, every month), with
/// its guest. A visit whose date or spend cannot be read (RG01/RG02 report it) is left out: its
/// spend is unknown.
pub fn visit_entries(registers: &Registers, book: &GuestBook) -> Vec<VisitEntry> {
    let Some(visits) = registers.by_kind.get(&Kind::Visits) else {
        return Vec::new();
    };
    let mut resolver = Resolver::new(book);
    let mut out = Vec::with_capacity(visits.records.len());
    for record in &visits.records {
        let (Some(date), Some(Value::Money(spend))) =
            (record.date(Kind::Visits, "date"), record.get(Kind::Visits, "spend"))
        else {
            continue;
        };
        out.push(VisitEntry {
            date: date.date,
            guest: resolver.resolve(Kind::Visits, record).guest(),
            spend: *spend,
        });
    }
    out
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
        match e.guest {
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
    match record.get(Kind::Guests, "class") {
        Some(Value::Enum(code)) => Some(code),
        _ => None,
    }
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

/// Guests whose spend over the window (`per_guest`) earns another class than the recorded one. A
/// blank class is read as C, so an unclassified guest is proposed only once its spend earns B or
/// A; a class that could not be read (RG02) is left alone.
pub fn proposals(book: &GuestBook, per_guest: &[Totals], settings: &GuestSettings) -> Vec<Proposal> {
    let mut out = Vec::new();
    for (i, record) in book.records.iter().enumerate() {
        if record.is_unreadable(Kind::Guests, "class") {
            continue;
        }
        let recorded = recorded_class(record);
        let spend = per_guest.get(i).copied().unwrap_or_default();
        let proposed = spend_class(spend.spend, settings);
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

/// For an A- or B-class profile, the fields its class requires that are blank (procedure Part 2
/// 一, 三; `guests.required_a` / `guests.required_b`). A cell that holds something unreadable is
/// not blank: RG02 reports it.
pub fn missing_fields<'s>(record: &Record, settings: &'s GuestSettings) -> Option<(&'static str, Vec<&'s str>)> {
    let class = recorded_class(record)?;
    let required = match class {
        "A" => &settings.required_a,
        "B" => &settings.required_b,
        _ => return None,
    };
    let missing: Vec<&str> = required
        .iter()
        .map(String::as_str)
        .filter(|f| {
            let blank = match record.get(Kind::Guests, f) {
                None => true,
                Some(Value::Text(t)) => t.trim().is_empty(),
                Some(_) => false,
            };
            blank && !record.is_unreadable(Kind::Guests, f)
        })
        .collect();
    (!missing.is_empty()).then_some((class, missing))
}

/// The developed date of an A-class guest that is new at `month_end`: developed within
/// `new_months` months before it, both ends included (a guest developed on 2025-10-31 is still
/// new on 2026-10-31; one developed on 2025-10-30 is not). A date after `month_end` is not new yet.
pub fn new_a_class(record: &Record, month_end: NaiveDate, new_months: u32) -> Option<NaiveDate> {
    if recorded_class(record) != Some("A") {
        return None;
    }
    let developed = record.date(Kind::Guests, "developed_date")?.date;
    let earliest = month_end.checked_sub_months(Months::new(new_months))?;
    (earliest <= developed && developed <= month_end).then_some(developed)
}

/// The calendar months of the report period, as (first day, last day). A `clerk check` of every
/// row looks at the month of its as-of date.
pub fn report_months(period: &Period) -> Vec<(NaiveDate, NaiveDate)> {
    let first = if period.all_rows {
        period.as_of.with_day(1).unwrap_or(period.as_of)
    } else {
        period.start
    };
    let mut out = Vec::new();
    let mut start = first;
    while start <= period.as_of {
        let Some(next) = start.checked_add_months(Months::new(1)) else {
            break;
        };
        let end = next.pred_opt().unwrap_or(next).min(period.as_of);
        out.push((start, end));
        start = next;
    }
    out
}

/// Dates of the call-backs of each guest (indexed like the guest register), matched by guest id.
pub fn callback_dates(registers: &Registers, book: &GuestBook) -> Vec<Vec<NaiveDate>> {
    let mut out = vec![Vec::new(); book.len()];
    let Some(callbacks) = registers.by_kind.get(&Kind::Callbacks) else {
        return out;
    };
    let mut resolver = Resolver::new(book);
    for record in &callbacks.records {
        let Some(date) = record.date(Kind::Callbacks, "date") else {
            continue;
        };
        if let Some(g) = resolver.resolve(Kind::Callbacks, record).guest() {
            out[g].push(date.date);
        }
    }
    for dates in &mut out {
        dates.sort_unstable();
    }
    out
}

/// Whether a sorted list of dates holds one in `from..=to`.
pub fn has_date_between(dates: &[NaiveDate], from: NaiveDate, to: NaiveDate) -> bool {
    let i = dates.partition_point(|d| *d < from);
    dates.get(i).is_some_and(|d| *d <= to)
}

/// The day a yearly date (birthday, anniversary) falls on in the month starting `month_start`, if
/// it falls in that month. A 29 February in a year without one is kept on 28 February, the day
/// the guest is usually congratulated.
pub fn occurrence_in(date: NaiveDate, month_start: NaiveDate) -> Option<NaiveDate> {
    if date.month() != month_start.month() {
        return None;
    }
    let year = month_start.year();
    NaiveDate::from_ymd_opt(year, date.month(), date.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, date.month(), date.day() - 1))
}

/// An amount as staff write it: thousands separators, two decimals (`120,000.00`).
pub fn money_text(amount: Decimal) -> String {
    let rounded = amount.round_dp(2);
    let negative = rounded.is_sign_negative() && !rounded.is_zero();
    let plain = format!("{:.2}", rounded.abs());
    let (whole, cents) = plain.split_once('.').unwrap_or((&plain, "00"));
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{}{grouped}.{cents}", if negative { "-" } else { "" })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
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

    #[test]
    fn leap_day_falls_on_28_february_in_other_years() {
        assert_eq!(occurrence_in(d(1980, 2, 29), d(2027, 2, 1)), Some(d(2027, 2, 28)));
        assert_eq!(occurrence_in(d(1980, 2, 29), d(2028, 2, 1)), Some(d(2028, 2, 29)));
        assert_eq!(occurrence_in(d(1980, 3, 14), d(2027, 2, 1)), None);
    }

    #[test]
    fn months_of_a_period() {
        let q = Period::parse("2026-Q3").unwrap();
        let months = report_months(&q);
        assert_eq!(months.len(), 3);
        assert_eq!(months[2], (d(2026, 9, 1), d(2026, 9, 30)));
        let all = Period::all(d(2026, 11, 12));
        assert_eq!(report_months(&all), vec![(d(2026, 11, 1), d(2026, 11, 30))]);
    }

    #[test]
    fn call_back_dates_are_found_inclusively() {
        let dates = [d(2026, 9, 30), d(2026, 10, 31)];
        assert!(has_date_between(&dates, d(2026, 10, 1), d(2026, 10, 31)));
        assert!(!has_date_between(&dates, d(2026, 10, 1), d(2026, 10, 30)));
        assert!(!has_date_between(&[], d(2026, 10, 1), d(2026, 10, 31)));
    }

    #[test]
    fn money_is_grouped() {
        assert_eq!(money_text(Decimal::new(12_000_050, 2)), "120,000.50");
        assert_eq!(money_text(Decimal::from(999)), "999.00");
        assert_eq!(money_text(Decimal::from(-1_234_567)), "-1,234,567.00");
        assert_eq!(money_text(Decimal::ZERO), "0.00");
    }
}
