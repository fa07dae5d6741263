//! Which records a period covers (SPEC 2, "Which rows a month covers").

use chrono::NaiveDate;

use super::Period;
use crate::registers::field::Date;
use crate::registers::{amendments, callbacks, contracts, feedback, guests, visits, Field, Kind, Record};

/// Whether a record belongs to the period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Coverage {
    Covered,
    /// No key date of the row can be read: RG01–RG03 still apply.
    Unknown,
    Outside,
}

impl Coverage {
    /// RG01–RG03 apply to covered rows and rows whose month cannot be told.
    pub fn generic_rules_apply(self) -> bool {
        self != Coverage::Outside
    }
}

/// SPEC 2: contracts received or committed in the period; amendments, visits and call-backs
/// dated in it; feedback received in it or received earlier and still open at as-of; every guest
/// profile developed by as-of (or whose developed date is not known).
pub fn coverage(period: &Period, record: &Record) -> Coverage {
    if period.all_rows {
        return Coverage::Covered;
    }
    let by_key = |key: Field<Date>| match record.day(key) {
        Some(d) if period.contains(d) => Coverage::Covered,
        Some(_) => Coverage::Outside,
        None => Coverage::Unknown,
    };
    match record.kind {
        // A profile developed after as-of does not exist yet for the period (SPEC 2).
        Kind::Guests => match record.day(guests::DEVELOPED_DATE) {
            Some(d) if d > period.as_of => Coverage::Outside,
            _ => Coverage::Covered,
        },
        // Either key date in the period covers the row; one readable date outside it, the other
        // blank or unreadable, puts the row in that date's month only (SPEC 2).
        Kind::Contracts => match (by_key(contracts::COMMITMENT_DATE), by_key(contracts::RECEIVED_DATE)) {
            (Coverage::Covered, _) | (_, Coverage::Covered) => Coverage::Covered,
            (Coverage::Unknown, Coverage::Unknown) => Coverage::Unknown,
            _ => Coverage::Outside,
        },
        Kind::Amendments => by_key(amendments::AMENDMENT_DATE),
        Kind::Visits => by_key(visits::DATE),
        Kind::Callbacks => by_key(callbacks::DATE),
        Kind::Feedback => match record.day(feedback::RECEIVED_DATE) {
            None => Coverage::Unknown,
            Some(d) if period.contains(d) => Coverage::Covered,
            Some(d) if d < period.start && is_open_at(record, period.as_of) => Coverage::Covered,
            Some(_) => Coverage::Outside,
        },
    }
}

/// The days that place a record in a period: an order's receipt and commitment, an amendment's,
/// a visit's or a call-back's date, the day feedback was received. A guest profile has none: it
/// belongs to every period.
pub fn key_days(record: &Record) -> [Option<NaiveDate>; 2] {
    match record.kind {
        Kind::Guests => [None, None],
        Kind::Contracts => [
            record.day(contracts::RECEIVED_DATE),
            record.day(contracts::COMMITMENT_DATE),
        ],
        Kind::Amendments => [record.day(amendments::AMENDMENT_DATE), None],
        Kind::Visits => [record.day(visits::DATE), None],
        Kind::Callbacks => [record.day(callbacks::DATE), None],
        Kind::Feedback => [record.day(feedback::RECEIVED_DATE), None],
    }
}

/// Feedback still open at as-of: not resolved by then, or never reviewed.
pub fn is_open_at(record: &Record, as_of: NaiveDate) -> bool {
    let resolved = record.day(feedback::RESOLVED_DATE).is_some_and(|d| d <= as_of);
    let reviewed = record.has(feedback::REVIEW_DATE);
    !resolved || !reviewed
}
