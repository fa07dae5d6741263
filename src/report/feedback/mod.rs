//! The Feedback monthly report (SPEC 3.4, record 6.9) and Complaints (SPEC 3.5) sheets, and their headline figures.
//!
//! The Feedback monthly report is the monthly summary that procedure 5.3.5 asks the sales company
//! to send to the manager in charge (顧客反饋信息月報表): what was received, reviewed, handled and
//! serviced in the month, how fast, and every item still open (earlier months included), laid out
//! as a form with a signature block. The Complaints sheet follows Part 3: open and overdue
//! complaints, major complaints and their reporting, forbidden phrases found and the share of
//! replies that use a courtesy phrase.
//!
//! The figures are counted here from where each piece of feedback stands at as-of
//! ([`crate::month::feedback`]: reviewed in time, overdue, reported late) and from the findings;
//! nothing is judged here.

use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

/// What this part of the report shows, computed once from the checked registers.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Section {
    /// Whether a feedback register was given.
    pub present: bool,
    /// "No feedback register was given." when absent.
    pub absent_text: String,
    pub review_days: u32,
    pub report_hours: u32,
    pub figures: Figures,
    pub by_kind: Vec<CountRow>,
    pub by_channel: Vec<CountRow>,
    pub by_department: Vec<CountRow>,
    /// Every item open at as-of, oldest first (earlier months included).
    pub open_items: Vec<OpenItem>,
    pub complaints: Complaints,
}

/// The month's figures (items received in the period, unless said otherwise).
#[derive(Clone, Debug, Default, Serialize)]
pub struct Figures {
    pub received: usize,
    /// Of those, complaints and grievances.
    pub complaints: usize,
    /// Received in earlier months and still open at as-of.
    pub carried_over: usize,
    pub reviewed: usize,
    /// Reviewed within `feedback.review_days` days of receipt.
    pub reviewed_on_time: usize,
    pub replied: usize,
    /// Handled: resolved by as-of.
    pub resolved: usize,
    /// Open at as-of, every month.
    pub open: usize,
    /// After-sales services required or given.
    pub services: usize,
    pub service_reports: usize,
    pub evaluations: usize,
    pub verified: usize,
    /// With report number, evaluation and verification all given.
    pub services_complete: usize,
    pub median_review_days: Option<f64>,
    pub median_reply_days: Option<f64>,
    pub median_resolve_days: Option<f64>,
}

/// One line of a count table: received in the month, open at as-of.
#[derive(Clone, Debug, Default, Serialize)]
pub struct CountRow {
    pub label: String,
    pub received: usize,
    pub open: usize,
}

/// An item still open at as-of.
#[derive(Clone, Debug, Serialize)]
pub struct OpenItem {
    pub id: String,
    pub received: NaiveDate,
    /// The received date-time, when it has a time of day.
    pub received_at: Option<NaiveDateTime>,
    /// As-of minus the received date.
    pub age_days: i64,
    /// Received before the period.
    pub carried_over: bool,
    pub kind: String,
    pub customer: String,
    pub content: String,
    pub department: String,
    pub handler: String,
    pub next_reply_date: Option<NaiveDate>,
    pub status: String,
    /// `file › sheet › row`
    pub source: String,
}

/// The Complaints sheet.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Complaints {
    /// Complaints and grievances received in the period.
    pub received: usize,
    /// Open at as-of, oldest first (earlier months included).
    pub open: Vec<OpenComplaint>,
    pub overdue: usize,
    pub no_next_date: usize,
    pub major: Vec<MajorComplaint>,
    /// Major complaints not reported, reported without a time, or reported late.
    pub major_not_on_time: usize,
    pub phrases: Vec<PhraseRow>,
    /// Covered rows with a reply, and those of them using at least one courtesy phrase.
    pub replies: usize,
    pub courteous: usize,
    pub courtesy_share: Option<f64>,
}

#[derive(Clone, Debug, Serialize)]
pub struct OpenComplaint {
    pub id: String,
    pub received: NaiveDate,
    pub received_at: Option<NaiveDateTime>,
    pub age_days: i64,
    pub customer: String,
    pub content: String,
    pub handler: String,
    pub last_reply: Option<NaiveDate>,
    pub next_reply_date: Option<NaiveDate>,
    pub overdue: bool,
    /// Days from the agreed reply date to as-of, when overdue.
    pub overdue_days: Option<i64>,
    pub status: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct MajorComplaint {
    pub id: String,
    pub received: NaiveDate,
    pub received_at: Option<NaiveDateTime>,
    pub customer: String,
    pub reported_to: String,
    pub reported: Option<NaiveDate>,
    pub reported_at: Option<NaiveDateTime>,
    /// `25:01` when both have a time of day.
    pub delay: String,
    pub on_time: bool,
    pub status: String,
}

/// A CP04 finding.
#[derive(Clone, Debug, Serialize)]
pub struct PhraseRow {
    pub record: String,
    pub field: String,
    pub cell: String,
    pub message: String,
}

mod count;
mod html;
#[cfg(test)]
mod tests;
mod texts;

pub use count::build;
pub use html::html_blocks;
pub use texts::TEXTS;
