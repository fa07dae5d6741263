//! Where each piece of feedback the period covers stands at as-of (procedure Part 1 5.3, Part 3):
//! its review against `feedback.review_days`, and for a complaint its follow-up (跟清楚) and, when
//! major, its reporting (報告). FB01, CP01 and CP03 turn these standings into findings; the
//! Feedback and Complaints sheets show and count them.
//!
//! A cell that could not be read leaves its standing unknown: RG02 reports the cell, and nothing
//! is judged from it until it is fixed.

use chrono::{NaiveDate, TimeDelta};

use super::{is_open_at, Month};
use crate::registers::field::Date;
use crate::registers::{feedback, Field, Kind, Record};
use crate::values::DateValue;

/// The standings of the feedback the period covers, in register order.
#[derive(Debug, Default)]
pub struct Feedback {
    pub items: Vec<FeedbackStanding>,
}

/// One piece of feedback the period covers.
#[derive(Clone, Copy, Debug)]
pub struct FeedbackStanding {
    /// Index of the record in the feedback register.
    pub record: usize,
    /// When it was received; None when the date is blank or unreadable.
    pub received: Option<DateValue>,
    /// Received in the period (not carried over from an earlier one).
    pub this_period: bool,
    /// Still open at as-of: not resolved by then, or never reviewed.
    pub open: bool,
    /// A complaint in the sense of Part 3: kind `complaint` (投訴) or `grievance` (抱怨).
    pub complaint: bool,
    /// A complaint marked major.
    pub major: bool,
    /// Resolved on or before as-of.
    pub resolved: bool,
    /// After-sales service was required or given (Part 1 5.3.4).
    pub service: bool,
    /// Its review; None when the receipt date is not known.
    pub review: Option<Review>,
    /// A complaint's follow-up; None for other feedback.
    pub follow_up: Option<FollowUp>,
    /// A major complaint's reporting; None for other feedback.
    pub reporting: Option<Reporting>,
}

/// The review of a piece of feedback against `feedback.review_days` (Part 1 5.3.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Review {
    /// The review date could not be read.
    Unreadable,
    /// Not reviewed; `waiting` days from receipt to as-of, `overdue` when more than allowed.
    Waiting { waiting: i64, overdue: bool },
    /// Reviewed `days` after receipt (negative: dated before it, an RG04 finding), `late` when
    /// more than allowed.
    Done { on: NaiveDate, days: i64, late: bool },
}

/// Where a complaint stands against Part 3 三 (跟清楚) at as-of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FollowUp {
    /// Resolved by as-of.
    Resolved,
    /// Open, and followed: replied, or a next reply date agreed that is not yet past.
    Followed,
    /// Open, never replied to and no next reply date agreed.
    NoNextDate,
    /// Open, the agreed next reply date is before as-of and no reply came on or after it.
    Overdue { since: NaiveDate },
    /// A date needed to tell cannot be read (RG02).
    Unknown,
}

/// How a major complaint was reported (Part 3 報告).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Reporting {
    /// No `reported_to`.
    NotReported,
    /// Reported to someone, but when is not recorded.
    NoTime,
    /// Within the allowance. `hours` when both date-times have a time of day.
    OnTime { hours: Option<f64> },
    /// Later than the allowance: `hours` when both have a time of day, else whole days.
    Late { hours: Option<f64>, days: i64 },
    /// A date needed to tell cannot be read (RG02).
    Unknown,
}

impl Feedback {
    pub fn of(month: &Month) -> Feedback {
        let items = month
            .covered(Kind::Feedback)
            .map(|(i, record)| standing(month, i, record))
            .collect();
        Feedback { items }
    }
}

fn standing(month: &Month, i: usize, record: &Record) -> FeedbackStanding {
    let (period, settings) = (month.period, month.settings);
    let as_of = period.as_of;
    let received = record.date(feedback::RECEIVED_DATE);
    let complaint = is_complaint(record);
    let major = complaint && record.flag(feedback::MAJOR) == Some(true);
    let review_days = i64::from(settings.feedback.review_days);
    FeedbackStanding {
        record: i,
        received,
        this_period: received.is_some_and(|d| period.contains(d.date)),
        open: is_open_at(record, as_of),
        complaint,
        major,
        resolved: record.day(feedback::RESOLVED_DATE).is_some_and(|d| d <= as_of),
        service: record.flag(feedback::SERVICE_REQUIRED) == Some(true) || record.has(feedback::SERVICE_DATE),
        review: received.map(|r| review(record, r.date, as_of, review_days)),
        follow_up: complaint.then(|| follow_up(record, as_of)),
        reporting: major.then(|| reporting(record, settings.complaints.report_hours)),
    }
}

/// A complaint in the sense of Part 3: kind `complaint` (投訴) or `grievance` (抱怨). Every row of a
/// complaint record (顧客投訴記錄) is one.
pub fn is_complaint(record: &Record) -> bool {
    matches!(record.code(feedback::KIND), Some("complaint" | "grievance"))
}

/// A date cell: blank, unreadable (RG02 has it), or a date.
enum Cell {
    Blank,
    Unreadable,
    Is(DateValue),
}

fn date_cell(record: &Record, field: Field<Date>) -> Cell {
    if record.is_unreadable(field) {
        Cell::Unreadable
    } else {
        record.date(field).map_or(Cell::Blank, Cell::Is)
    }
}

fn review(record: &Record, received: NaiveDate, as_of: NaiveDate, limit: i64) -> Review {
    match date_cell(record, feedback::REVIEW_DATE) {
        Cell::Unreadable => Review::Unreadable,
        Cell::Blank => {
            let waiting = (as_of - received).num_days();
            Review::Waiting {
                waiting,
                overdue: waiting > limit,
            }
        }
        Cell::Is(on) => {
            let days = (on.date - received).num_days();
            Review::Done {
                on: on.date,
                days,
                late: days > limit,
            }
        }
    }
}

/// Where a complaint stands at as-of: resolved; else followed when replied or a next reply date is
/// agreed that is not past; overdue when that date is past with no reply on or after it.
pub(crate) fn follow_up(record: &Record, as_of: NaiveDate) -> FollowUp {
    let resolved = date_cell(record, feedback::RESOLVED_DATE);
    let reply = date_cell(record, feedback::REPLY_DATE);
    let next = date_cell(record, feedback::NEXT_REPLY_DATE);
    if matches!(resolved, Cell::Is(d) if d.date <= as_of) {
        return FollowUp::Resolved;
    }
    if [&resolved, &reply, &next].iter().any(|c| matches!(c, Cell::Unreadable)) {
        return FollowUp::Unknown;
    }
    let replied_on = match reply {
        Cell::Is(d) => Some(d.date),
        _ => None,
    };
    match next {
        Cell::Is(n) if n.date < as_of && replied_on.is_none_or(|r| r < n.date) => FollowUp::Overdue { since: n.date },
        Cell::Is(_) => FollowUp::Followed,
        _ if replied_on.is_some() || record.has_text(feedback::REPLY) => FollowUp::Followed,
        _ => FollowUp::NoNextDate,
    }
}

/// How a major complaint was reported against `report_hours`.
///
/// With a time of day on both `received_date` and `reported_at` the allowance is exactly
/// `report_hours` hours (24 h is on time, 24 h 1 min is not). When either lacks a time, the hours
/// cannot be counted: the report is on time when it is dated no later than the received date plus
/// `report_hours` rounded up to whole days (with the default 24 h: the same or the next day).
pub(crate) fn reporting(record: &Record, report_hours: u32) -> Reporting {
    if !record.has_text(feedback::REPORTED_TO) {
        return Reporting::NotReported;
    }
    let (received, reported) = match (
        date_cell(record, feedback::RECEIVED_DATE),
        date_cell(record, feedback::REPORTED_AT),
    ) {
        (Cell::Is(a), Cell::Is(b)) => (a, b),
        (_, Cell::Blank) => return Reporting::NoTime,
        _ => return Reporting::Unknown,
    };
    let day_count = (reported.date - received.date).num_days();
    if received.time.is_some() && reported.time.is_some() {
        let delay = reported.datetime() - received.datetime();
        let hours = Some(delay.num_minutes() as f64 / 60.0);
        if delay > TimeDelta::hours(i64::from(report_hours)) {
            Reporting::Late { hours, days: day_count }
        } else {
            Reporting::OnTime { hours }
        }
    } else if day_count > i64::from(report_hours.div_ceil(24)) {
        Reporting::Late {
            hours: None,
            days: day_count,
        }
    } else {
        Reporting::OnTime { hours: None }
    }
}
