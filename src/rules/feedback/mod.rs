//! Feedback and complaint rules FB01–FB02, CP01–CP04 (procedure Part 1, 5.3; Part 3).
//!
//! Part 1 5.3.3 asks that every piece of customer feedback (complaints included) is reviewed and
//! handled, 5.3.4 that after-sales service is reported with the customer's evaluation and its
//! verification (record 6.10). Part 3 sets how complaints are followed until resolved and answered
//! (跟清楚, 復清楚, 記清楚), that major complaints are reported at once (報告), and which phrases staff
//! must never use (服務忌語).
//!
//! Every rule judges only the rows the report period covers (received in the period, or received
//! earlier and still open at as-of) and never guesses from a cell it could not read: such a cell
//! already has its RG02 finding, and the rule leaves that row's judgement to a rerun after the fix.

mod phrases;
mod texts;

use chrono::{NaiveDate, TimeDelta};

pub use phrases::{Found, PhraseList};
pub use texts::TEXTS;

use super::{Context, Rule};
use crate::month::period::Coverage;
use crate::registers::{Kind, Record, Registers, Value};
use crate::rules::finding::{record_label, Finding, Severity};
use crate::values::DateValue;

/// The rules of this family, in listing order.
pub static RULES: &[&dyn Rule] = &[&Fb01, &Fb02, &Cp01, &Cp02, &Cp03, &Cp04];

const KIND: Kind = Kind::Feedback;

/// A cell the rules read: blank, unreadable (RG02 has it), or a value.
enum Cell<T> {
    Blank,
    Unreadable,
    Is(T),
}

fn date_cell(record: &Record, field: &str) -> Cell<DateValue> {
    if record.is_unreadable(KIND, field) {
        Cell::Unreadable
    } else {
        match record.date(KIND, field) {
            Some(d) => Cell::Is(d),
            None => Cell::Blank,
        }
    }
}

fn has_text(record: &Record, field: &str) -> bool {
    record.text(KIND, field).is_some_and(|t| !t.trim().is_empty())
}

/// Rows the family reports on: those the period covers.
fn covered<'c, 'a>(ctx: &'c Context<'a>) -> impl Iterator<Item = &'a Record> + 'c {
    ctx.records(KIND)
        .filter(|(_, _, c)| *c == Coverage::Covered)
        .map(|(_, r, _)| r)
}

fn finding(
    rule: &dyn Rule,
    severity: Severity,
    ctx: &Context,
    record: &Record,
    field: &str,
    message: String,
) -> Finding {
    Finding::at(
        rule.id(),
        severity,
        rule.clause(),
        ctx.registers,
        KIND,
        record,
        field,
        message,
    )
}

/// The first of `fields` the record's sheet has a column for; the first field when it has none.
fn first_column<'f>(registers: &Registers, record: &Record, fields: &[&'f str]) -> &'f str {
    let source = &registers.sources[record.source];
    fields
        .iter()
        .copied()
        .find(|f| KIND.field(f).is_some_and(|i| source.has_column(i)))
        .unwrap_or(fields[0])
}

/// A complaint in the sense of Part 3: kind `complaint` (投訴) or `grievance` (抱怨). Every row of a
/// complaint record (顧客投訴記錄) is one.
pub fn is_complaint(record: &Record) -> bool {
    matches!(record.get(KIND, "kind"), Some(Value::Enum("complaint" | "grievance")))
}

/// Resolved on or before as-of (a resolution dated after as-of has not happened yet at as-of).
pub fn is_resolved_at(record: &Record, as_of: NaiveDate) -> bool {
    record.date(KIND, "resolved_date").is_some_and(|d| d.date <= as_of)
}

/// Whole days from `from` to `to`.
fn days(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days()
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

/// CP01's judgement of a complaint, also used by the Complaints sheet.
pub fn follow_up(record: &Record, as_of: NaiveDate) -> FollowUp {
    let resolved = date_cell(record, "resolved_date");
    let reply = date_cell(record, "reply_date");
    let next = date_cell(record, "next_reply_date");
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
        _ if replied_on.is_some() || has_text(record, "reply") => FollowUp::Followed,
        _ => FollowUp::NoNextDate,
    }
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

/// CP03's judgement of a major complaint, also used by the Complaints sheet.
///
/// With a time of day on both `received_date` and `reported_at` the allowance is exactly
/// `report_hours` hours (24 h is on time, 24 h 1 min is not). When either lacks a time, the hours
/// cannot be counted: the report is on time when it is dated no later than the received date plus
/// `report_hours` rounded up to whole days (with the default 24 h: the same or the next day).
pub fn reporting(record: &Record, report_hours: u32) -> Reporting {
    if !has_text(record, "reported_to") {
        return Reporting::NotReported;
    }
    let (received, reported) = match (date_cell(record, "received_date"), date_cell(record, "reported_at")) {
        (Cell::Is(a), Cell::Is(b)) => (a, b),
        (_, Cell::Blank) => return Reporting::NoTime,
        _ => return Reporting::Unknown,
    };
    let day_count = days(received.date, reported.date);
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

/// Whether a feedback row is a major complaint (CP03).
pub fn is_major_complaint(record: &Record) -> bool {
    is_complaint(record) && matches!(record.get(KIND, "major"), Some(Value::Flag(true)))
}

/// **FB01 feedback reviewed.** Every piece of customer feedback, complaints included, must be
/// reviewed by the departments concerned after it is received (Part 1 5.3.3), within
/// `feedback.review_days` days (default 7; the procedure leaves the number open).
///
/// No `review_date` and received more than that many days before as-of: error. Reviewed, but
/// later than that: warning (the review happened, only late). The finding is at the review date.
pub struct Fb01;

impl Rule for Fb01 {
    fn id(&self) -> &'static str {
        "FB01"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn clause(&self) -> &'static str {
        "5.3.3"
    }
    fn settings(&self) -> &'static [&'static str] {
        &["feedback.review_days"]
    }
    fn registers(&self) -> &'static [Kind] {
        &[Kind::Feedback]
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let limit = i64::from(ctx.settings.feedback.review_days);
        let as_of = ctx.period.as_of;
        for record in covered(ctx) {
            let Some(received) = record.date(KIND, "received_date") else {
                continue;
            };
            let received = received.date;
            match date_cell(record, "review_date") {
                Cell::Unreadable => {}
                Cell::Blank => {
                    let waiting = days(received, as_of);
                    if waiting > limit {
                        let message = ctx.text.fmt(
                            "msg.FB01.missing",
                            &[
                                ("received", &received.to_string()),
                                ("days", &waiting.to_string()),
                                ("limit", &limit.to_string()),
                            ],
                        );
                        out.push(finding(self, Severity::Error, ctx, record, "review_date", message));
                    }
                }
                Cell::Is(review) => {
                    let took = days(received, review.date);
                    if took > limit {
                        let message = ctx.text.fmt(
                            "msg.FB01.late",
                            &[
                                ("received", &received.to_string()),
                                ("reviewed", &review.date.to_string()),
                                ("days", &took.to_string()),
                                ("limit", &limit.to_string()),
                            ],
                        );
                        out.push(finding(self, Severity::Warning, ctx, record, "review_date", message));
                    }
                }
            }
        }
    }
}

/// **FB02 after-sales service reported.** After after-sales service the sales company and the
/// service staff fill in the after-sales service report (售後服務報告單, record 6.10) with what
/// was done, the customer's evaluation and the verification of the result (Part 1 5.3.4).
///
/// Fires when `service_required` is ticked or a `service_date` is given and any of
/// `service_report_no`, `customer_evaluation`, `verification` is blank; the finding is at the
/// first blank one and the message names them all.
pub struct Fb02;

const SERVICE_RECORD: [&str; 3] = ["service_report_no", "customer_evaluation", "verification"];

impl Rule for Fb02 {
    fn id(&self) -> &'static str {
        "FB02"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn clause(&self) -> &'static str {
        "5.3.4; 6.10"
    }
    fn registers(&self) -> &'static [Kind] {
        &[Kind::Feedback]
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for record in covered(ctx) {
            if !needs_service_report(record) {
                continue;
            }
            let missing: Vec<&str> = SERVICE_RECORD
                .iter()
                .copied()
                .filter(|f| !has_text(record, f))
                .collect();
            let Some(first) = missing.first() else { continue };
            let names: Vec<String> = missing.iter().map(|f| ctx.field_label(f)).collect();
            let message = ctx.text.fmt(
                "msg.FB02",
                &[("missing", &names.join(ctx.text.get("msg.FBCP.list_sep").as_str()))],
            );
            out.push(finding(self, self.severity(), ctx, record, first, message));
        }
    }
}

/// After-sales service was required or given (FB02).
pub fn needs_service_report(record: &Record) -> bool {
    matches!(record.get(KIND, "service_required"), Some(Value::Flag(true)))
        || record.get(KIND, "service_date").is_some()
}

/// **CP01 complaint followed through.** A complaint is followed to the end, until the problem is
/// solved and the customer answered; one that cannot be solved yet is explained to the customer
/// and a time for the next reply is agreed (Part 3 三, 跟清楚).
///
/// Fires for a complaint (kind `complaint` or `grievance`) not resolved by as-of that was never
/// replied to and has no `next_reply_date` (the finding is at the reply date), or whose
/// `next_reply_date` is before as-of with no reply dated on or after it: overdue (the finding is at
/// the next reply date). A next reply date on or after as-of is not overdue.
pub struct Cp01;

impl Rule for Cp01 {
    fn id(&self) -> &'static str {
        "CP01"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn clause(&self) -> &'static str {
        "Part 3 三"
    }
    fn registers(&self) -> &'static [Kind] {
        &[Kind::Feedback]
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let as_of = ctx.period.as_of;
        for record in covered(ctx).filter(|r| is_complaint(r)) {
            match follow_up(record, as_of) {
                FollowUp::NoNextDate => {
                    let field = first_column(ctx.registers, record, &["reply_date", "next_reply_date", "reply"]);
                    let message = ctx.text.get("msg.CP01.no_next_date");
                    out.push(finding(self, self.severity(), ctx, record, field, message));
                }
                FollowUp::Overdue { since } => {
                    let message = ctx.text.fmt(
                        "msg.CP01.overdue",
                        &[("date", &since.to_string()), ("days", &days(since, as_of).to_string())],
                    );
                    out.push(finding(self, self.severity(), ctx, record, "next_reply_date", message));
                }
                FollowUp::Resolved | FollowUp::Followed | FollowUp::Unknown => {}
            }
        }
    }
}

/// **CP02 complaint reply and record complete.** Once a complaint is handled, the process and
/// result are replied to the customer (Part 3 四, 復清楚) and the matter, the process and the result
/// are written in the complaint record (五, 記清楚).
///
/// Fires for a resolved complaint (a `resolved_date` is given) without `reply_date`, `reply` or
/// `action`; the finding is at the first blank one and the message names them all.
pub struct Cp02;

impl Rule for Cp02 {
    fn id(&self) -> &'static str {
        "CP02"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn clause(&self) -> &'static str {
        "Part 3 四, 五"
    }
    fn registers(&self) -> &'static [Kind] {
        &[Kind::Feedback]
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for record in covered(ctx).filter(|r| is_complaint(r)) {
            if record.date(KIND, "resolved_date").is_none() {
                continue;
            }
            let missing: Vec<&str> = ["reply_date", "reply", "action"]
                .into_iter()
                .filter(|f| match *f {
                    "reply_date" => matches!(date_cell(record, f), Cell::Blank),
                    _ => !has_text(record, f),
                })
                .collect();
            let Some(first) = missing.first() else { continue };
            let names: Vec<String> = missing.iter().map(|f| ctx.field_label(f)).collect();
            let message = ctx.text.fmt(
                "msg.CP02",
                &[("missing", &names.join(ctx.text.get("msg.FBCP.list_sep").as_str()))],
            );
            out.push(finding(self, self.severity(), ctx, record, first, message));
        }
    }
}

/// **CP03 major complaint reported at once.** A major complaint must be reported at once to the
/// head of the department or the manager in charge (Part 3 報告); "at once" is
/// `complaints.report_hours` hours (default 24) after receipt.
///
/// Fires for a complaint marked `major` without `reported_to` (finding at reported_to), without
/// `reported_at` (the record cannot show it was reported at once; finding at reported_at), or
/// reported more than the allowance after `received_date` (finding at reported_at). Exactly 24 h
/// is on time, 24 h 1 min is not. When either date has no time of day, a report dated the same
/// day or within the allowance rounded up to whole days (default: the next day) is on time.
pub struct Cp03;

impl Rule for Cp03 {
    fn id(&self) -> &'static str {
        "CP03"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn clause(&self) -> &'static str {
        "Part 3 報告"
    }
    fn settings(&self) -> &'static [&'static str] {
        &["complaints.report_hours"]
    }
    fn registers(&self) -> &'static [Kind] {
        &[Kind::Feedback]
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let limit = ctx.settings.complaints.report_hours;
        for record in covered(ctx).filter(|r| is_major_complaint(r)) {
            let (field, message) = match reporting(record, limit) {
                Reporting::NotReported => ("reported_to", ctx.text.get("msg.CP03.not_reported")),
                Reporting::NoTime => ("reported_at", ctx.text.get("msg.CP03.no_time")),
                Reporting::Late { hours: Some(h), .. } => (
                    "reported_at",
                    ctx.text.fmt(
                        "msg.CP03.late_hours",
                        &[("delay", &hours_text(h)), ("limit", &limit.to_string())],
                    ),
                ),
                Reporting::Late { hours: None, days } => (
                    "reported_at",
                    ctx.text.fmt(
                        "msg.CP03.late_days",
                        &[("days", &days.to_string()), ("limit", &limit.to_string())],
                    ),
                ),
                Reporting::OnTime { .. } | Reporting::Unknown => continue,
            };
            out.push(finding(self, self.severity(), ctx, record, field, message));
        }
    }
}

/// `25:01` for 25 hours and 1 minute.
pub fn hours_text(hours: f64) -> String {
    let minutes = (hours * 60.0).round() as i64;
    format!("{}:{:02}", minutes / 60, minutes % 60)
}

/// Headers of extra columns that hold notes (備註), checked by CP04 like `reply` and `action`.
const NOTES_HEADERS: &[&str] = &["備註", "附註", "notes", "note", "remarks", "remark"];

fn is_notes_header(header: &str) -> bool {
    let (key, _) = crate::base::text::header_key(header);
    NOTES_HEADERS.iter().any(|h| crate::base::text::key(h) == key)
}

/// **CP04 forbidden service phrase.** Staff must never use the forbidden service phrases of
/// Part 3 (服務忌語, items 1–28; the list is the setting `complaints.forbidden_phrases`).
///
/// Checks the `reply` and `action` of every covered feedback row and, where the sheet has one, a
/// notes column (備註/notes: the feedback register has no notes column of its own, so an extra
/// column of that name is read). The customer's own words (`content`) are not checked. Matching
/// ignores Traditional/Simplified script, full/half width, spaces and punctuation, and looks for
/// whole phrases only. One finding per cell, at that cell, quoting the phrase as written.
pub struct Cp04;

impl Rule for Cp04 {
    fn id(&self) -> &'static str {
        "CP04"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn clause(&self) -> &'static str {
        "Part 3 服務忌語"
    }
    fn settings(&self) -> &'static [&'static str] {
        &["complaints.forbidden_phrases"]
    }
    fn registers(&self) -> &'static [Kind] {
        &[Kind::Feedback]
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let forbidden = PhraseList::new(&ctx.settings.complaints.forbidden_phrases);
        if forbidden.is_empty() {
            return;
        }
        let quote = |found: &[Found]| {
            let written: Vec<&str> = found.iter().map(|f| f.written.as_str()).collect();
            written.join(ctx.text.get("msg.CP04.sep").as_str())
        };
        // The notes columns of each sheet, found once.
        let notes: Vec<Vec<(u32, &str)>> = ctx
            .registers
            .sources
            .iter()
            .map(|source| {
                source
                    .extra_headers
                    .iter()
                    .filter(|(_, header)| source.kind == KIND && is_notes_header(header))
                    .map(|(col, header)| (*col, header.trim()))
                    .collect()
            })
            .collect();
        for record in covered(ctx) {
            for field in ["reply", "action"] {
                let Some(text) = record.text(KIND, field) else { continue };
                let found = forbidden.find(text);
                if !found.is_empty() {
                    let message = ctx.text.fmt(
                        "msg.CP04",
                        &[("field", &ctx.field_label(field)), ("phrase", &quote(&found))],
                    );
                    out.push(finding(self, self.severity(), ctx, record, field, message));
                }
            }
            let source = &ctx.registers.sources[record.source];
            for (col, text) in &record.extras {
                let Some((_, header)) = notes[record.source].iter().find(|(c, _)| c == col) else {
                    continue;
                };
                let found = forbidden.find(text);
                if found.is_empty() {
                    continue;
                }
                let message = ctx
                    .text
                    .fmt("msg.CP04", &[("field", header.trim()), ("phrase", &quote(&found))]);
                out.push(Finding {
                    rule: self.id(),
                    severity: self.severity(),
                    register: KIND,
                    record: record_label(KIND, record),
                    location: crate::registers::Location {
                        column: Some(*col),
                        ..source.row_location(record.row)
                    },
                    field: "notes".to_string(),
                    message,
                    clause: self.clause(),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests;
