//! What the month is made of, worked out once for the rules and the report to read: the period
//! and its as-of date, which records it covers, and where each record stands at as-of — the
//! review each order needs and got, each amendment's re-review and notice, each piece of
//! feedback's review and follow-up, the guest book with its visits, spend and call-backs.
//!
//! A rule turns a standing into findings; the report counts standings and findings. Neither works
//! a standing out again, so the meaning of "reviewed in time" or "overdue" has one home: here.

pub mod authority;
mod closed;
pub mod contracts;
mod coverage;
pub mod feedback;
pub mod guests;
mod period;
mod prints;
mod stream;
mod words;

pub use closed::{changes, Change, Closed, ClosedRecords, ReportedMonth};
pub use coverage::{coverage, is_open_at, key_days, Coverage};
pub use period::{period_words, Period, Span, TEXTS as PERIOD_TEXTS};
pub use prints::{
    canonical, month_id, month_label, month_number, pack_field, record_month, unpack_fields, Fingerprint, Packed,
    Print, Prints, NO_MONTH,
};
pub use stream::{print_month, PrintOut, PrintPlan};
pub use words::words;

use chrono::NaiveDate;

use crate::registers::{Kind, Record, Registers};
use crate::settings::Settings;

/// The month: the registers read, the period, and every standing the rules and the report share.
pub struct Month<'a> {
    pub registers: &'a Registers,
    pub period: &'a Period,
    pub settings: &'a Settings,
    /// Each record's coverage, by kind (`kind as usize`), in register order.
    coverage: [Vec<Coverage>; Kind::ALL.len()],
    pub contracts: contracts::Contracts,
    pub feedback: feedback::Feedback,
    pub guests: guests::Guests<'a>,
    /// The records of months already reported, from the history (empty without one; set with
    /// [`Month::with_closed`] before the rules run).
    pub closed: ClosedRecords,
    /// Every record's fingerprint, worked out when first asked for ([`Month::prints`]).
    prints: std::sync::OnceLock<Prints>,
}

impl<'a> Month<'a> {
    /// Works the month out, on every core: first which records the period covers, then the
    /// standings of contracts, feedback and guests side by side.
    pub fn new(registers: &'a Registers, period: &'a Period, settings: &'a Settings) -> Month<'a> {
        let by_kind = crate::base::parallel::in_parallel(&Kind::ALL, |&kind| {
            let records = records_of(registers, kind);
            records.iter().map(|r| coverage(period, r)).collect::<Vec<Coverage>>()
        });
        let coverage: [Vec<Coverage>; Kind::ALL.len()] = by_kind.try_into().unwrap_or_default();
        let mut month = Month {
            registers,
            period,
            settings,
            coverage,
            contracts: contracts::Contracts::default(),
            feedback: feedback::Feedback::default(),
            guests: guests::Guests::empty(),
            closed: ClosedRecords::default(),
            prints: std::sync::OnceLock::new(),
        };
        let ((contracts, feedback), guests) = {
            let m = &month;
            crate::base::parallel::both(
                || crate::base::parallel::both(|| contracts::Contracts::of(m), || feedback::Feedback::of(m)),
                || guests::Guests::of(registers, period, &settings.guests),
            )
        };
        (month.contracts, month.feedback, month.guests) = (contracts, feedback, guests);
        month
    }

    /// Every record of a kind, in register order.
    pub fn register(&self, kind: Kind) -> &'a [Record] {
        records_of(self.registers, kind)
    }

    /// Whether the registers hold a sheet of this kind.
    pub fn has(&self, kind: Kind) -> bool {
        self.registers.has(kind)
    }

    /// Records of a kind with their index and coverage.
    pub fn records(&self, kind: Kind) -> impl Iterator<Item = (usize, &'a Record, Coverage)> + '_ {
        let coverage = &self.coverage[kind as usize];
        self.register(kind)
            .iter()
            .zip(coverage)
            .enumerate()
            .map(|(i, (r, c))| (i, r, *c))
    }

    /// The records of a kind the period covers, with their index.
    pub fn covered(&self, kind: Kind) -> impl Iterator<Item = (usize, &'a Record)> + '_ {
        self.records(kind)
            .filter(|(_, _, c)| *c == Coverage::Covered)
            .map(|(i, r, _)| (i, r))
    }

    /// Whether the registers hold dated rows (orders, amendments, feedback, visits, call-backs)
    /// and the period covers none of them: a period the registers do not reach, most likely the
    /// wrong `--month`. (Guest profiles are not dated: every period covers them.)
    pub fn covers_no_dated_row(&self) -> bool {
        let dated = Kind::ALL.iter().filter(|k| **k != Kind::Guests);
        let mut any = false;
        for &kind in dated {
            any |= !self.register(kind).is_empty();
            if self.coverage[kind as usize].contains(&Coverage::Covered) {
                return false;
            }
        }
        any
    }

    /// The first and last of the days that place the dated registers' rows in a period
    /// ([`key_days`]); none when no row has one.
    pub fn dated_span(&self) -> Option<(NaiveDate, NaiveDate)> {
        let days = (Kind::ALL.iter())
            .flat_map(|kind| self.register(*kind))
            .flat_map(|record| key_days(record).into_iter().flatten());
        days.fold(None, |span, day| match span {
            None => Some((day, day)),
            Some((first, last)) => Some((first.min(day), last.max(day))),
        })
    }

    /// The coverage of record `i` of a kind.
    pub fn coverage_of(&self, kind: Kind, i: usize) -> Coverage {
        self.coverage[kind as usize]
            .get(i)
            .copied()
            .unwrap_or(Coverage::Outside)
    }
}

fn records_of(registers: &Registers, kind: Kind) -> &[Record] {
    registers.by_kind.get(&kind).map_or(&[], |r| r.records.as_slice())
}
