//! Counting the feedback of the month into the section: per kind, channel and department, the
//! month's figures, the items still open, the open and the major complaints.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime};

use super::{CountRow, MajorComplaint, OpenComplaint, OpenItem, PhraseRow, Section};
use crate::base::i18n::Catalogue;
use crate::base::phrases::PhraseList;
use crate::month::feedback::{FeedbackStanding, FollowUp, Reporting, Review};
use crate::month::Month;
use crate::registers::feedback::{self, CHANNELS, FEEDBACK_KINDS};
use crate::registers::field::{Date, Text};
use crate::registers::{Field, Kind, Record, Registers};
use crate::rules::finding::Finding;
use crate::values::DateValue;

/// The feedback section of a month: every piece of feedback the period covers, counted.
pub fn build(month: &Month, findings: &[Finding], text: Catalogue) -> Section {
    let settings = month.settings;
    let mut section = Section {
        review_days: settings.feedback.review_days,
        report_hours: settings.complaints.report_hours,
        ..Section::default()
    };
    if !month.has(Kind::Feedback) {
        section.absent_text = text.get("kind.absent.feedback");
        return section;
    }
    section.present = true;
    let mut counting = Counting::new(month, text, section);
    let register = month.register(Kind::Feedback);
    for item in &month.feedback.items {
        if let Some(received) = item.received {
            counting.add(item, &register[item.record], received);
        }
    }
    counting.finish(findings)
}

/// What counting keeps from one piece of feedback to the next.
struct Counting<'a> {
    text: Catalogue,
    as_of: NaiveDate,
    registers: &'a Registers,
    courtesy: PhraseList,
    not_given: String,
    kinds: Tally,
    channels: Tally,
    departments: Tally,
    to_review: Vec<i64>,
    to_reply: Vec<i64>,
    to_resolve: Vec<i64>,
    section: Section,
}

impl<'a> Counting<'a> {
    fn new(month: &Month<'a>, text: Catalogue, section: Section) -> Counting<'a> {
        let labels = |prefix: &str, codes: &[crate::registers::EnumValue]| -> Vec<(String, String)> {
            codes
                .iter()
                .map(|v| (v.code.to_string(), text.get(&format!("{prefix}.{}", v.code))))
                .collect()
        };
        Counting {
            text,
            as_of: month.period.as_of,
            registers: month.registers,
            courtesy: PhraseList::new(&month.settings.complaints.courtesy_phrases),
            not_given: text.get("feedback.not_given"),
            kinds: Tally::new(labels("feedback.kind", FEEDBACK_KINDS)),
            channels: Tally::new(labels("feedback.channel", CHANNELS)),
            departments: Tally::new([]),
            to_review: Vec::new(),
            to_reply: Vec::new(),
            to_resolve: Vec::new(),
            section,
        }
    }

    fn add(&mut self, item: &FeedbackStanding, record: &Record, received: DateValue) {
        let kind_label = self.tally(item, record);
        if item.this_period {
            self.received_in_period(item, record, received.date);
        } else if item.open {
            self.section.figures.carried_over += 1;
        }
        // Courtesy share: every covered row with a reply.
        if let Some(reply) = record.text(feedback::REPLY).filter(|t| !t.trim().is_empty()) {
            let c = &mut self.section.complaints;
            c.replies += 1;
            c.courteous += usize::from(self.courtesy.any(reply));
        }
        if item.open {
            self.open_item(item, record, received, kind_label);
        }
        if let Some(state) = item.follow_up.filter(|s| *s != FollowUp::Resolved) {
            self.open_complaint(state, record, received);
        }
        if let Some(reporting) = item.reporting {
            self.major(reporting, record, received);
        }
    }

    /// Counts by kind, channel and department: received in the month; open at as-of. The kind's
    /// label, for the open items.
    fn tally(&mut self, item: &FeedbackStanding, record: &Record) -> String {
        let label = |prefix: &str, code: &str| match code {
            "" => self.not_given.clone(),
            code => self.text.get(&format!("{prefix}.{code}")),
        };
        let kind_code = record.code(feedback::KIND).unwrap_or("");
        let channel_code = record.code(feedback::CHANNEL).unwrap_or("");
        let (kind_label, channel_label) = (
            label("feedback.kind", kind_code),
            label("feedback.channel", channel_code),
        );
        let department = text_of(record, feedback::DEPARTMENT);
        let department_key = crate::base::text::key(&department);
        let or_blank = |key: &str| if key.is_empty() { "~" } else { key }.to_string();
        let department_label = if department.is_empty() {
            &self.not_given
        } else {
            &department
        };
        let lines = [
            self.kinds.slot(&or_blank(kind_code), &kind_label),
            self.channels.slot(&or_blank(channel_code), &channel_label),
            self.departments.slot(&or_blank(&department_key), department_label),
        ];
        for line in lines {
            line.received += usize::from(item.this_period);
            line.open += usize::from(item.open);
        }
        kind_label
    }

    /// The month's figures, of a piece of feedback received in the period.
    fn received_in_period(&mut self, item: &FeedbackStanding, record: &Record, day: NaiveDate) {
        let f = &mut self.section.figures;
        f.received += 1;
        if item.complaint {
            f.complaints += 1;
            self.section.complaints.received += 1;
        }
        if let Some(Review::Done { days, late, .. }) = item.review {
            f.reviewed += 1;
            if days >= 0 {
                f.reviewed_on_time += usize::from(!late);
                self.to_review.push(days);
            }
        }
        f.replied += usize::from(record.has(feedback::REPLY_DATE));
        if let Some(n) = days_to(record, day, feedback::REPLY_DATE) {
            self.to_reply.push(n);
        }
        if item.resolved {
            f.resolved += 1;
            if let Some(n) = days_to(record, day, feedback::RESOLVED_DATE) {
                self.to_resolve.push(n);
            }
        }
        if item.service {
            f.services += 1;
            let (report, evaluation, verified) = (
                record.has_text(feedback::SERVICE_REPORT_NO),
                record.has_text(feedback::CUSTOMER_EVALUATION),
                record.has_text(feedback::VERIFICATION),
            );
            f.service_reports += usize::from(report);
            f.evaluations += usize::from(evaluation);
            f.verified += usize::from(verified);
            f.services_complete += usize::from(report && evaluation && verified);
        }
    }

    /// How a complaint's follow-up reads in the status column.
    fn follow_text(&self, state: FollowUp, record: &Record) -> String {
        let text = &self.text;
        match state {
            FollowUp::Overdue { since } => text.fmt("feedback.status.overdue", &[("date", &since.to_string())]),
            FollowUp::NoNextDate => text.get("feedback.status.no_next_date"),
            FollowUp::Unknown => text.get("feedback.status.unknown"),
            FollowUp::Followed => match record.day(feedback::NEXT_REPLY_DATE) {
                Some(n) if n >= self.as_of => text.fmt("feedback.status.awaiting", &[("date", &n.to_string())]),
                _ => text.get("feedback.status.replied"),
            },
            FollowUp::Resolved => String::new(),
        }
    }

    fn open_item(&mut self, item: &FeedbackStanding, record: &Record, received: DateValue, kind: String) {
        self.section.figures.open += 1;
        let mut status = Vec::new();
        if !record.has(feedback::REVIEW_DATE) {
            status.push(self.text.get("feedback.status.not_reviewed"));
        }
        match item.follow_up {
            Some(s) if s != FollowUp::Resolved => status.push(self.follow_text(s, record)),
            _ if !item.resolved => status.push(self.text.get("feedback.status.not_resolved")),
            _ => {}
        }
        let source = self.registers.source_of(record);
        let row = OpenItem {
            id: text_of(record, feedback::ID),
            received: received.date,
            received_at: received_at(received),
            age_days: (self.as_of - received.date).num_days(),
            carried_over: !item.this_period,
            kind,
            customer: text_of(record, feedback::CUSTOMER),
            content: text_of(record, feedback::CONTENT),
            department: text_of(record, feedback::DEPARTMENT),
            handler: text_of(record, feedback::HANDLER),
            next_reply_date: record.day(feedback::NEXT_REPLY_DATE),
            status: status.join(&self.text.get("feedback.status.sep")),
            source: format!("{} › {} › {}", source.file, source.sheet, record.row),
        };
        self.section.open_items.push(row);
    }

    fn open_complaint(&mut self, state: FollowUp, record: &Record, received: DateValue) {
        let overdue_days = match state {
            FollowUp::Overdue { since } => Some((self.as_of - since).num_days()),
            _ => None,
        };
        let row = OpenComplaint {
            id: text_of(record, feedback::ID),
            received: received.date,
            received_at: received_at(received),
            age_days: (self.as_of - received.date).num_days(),
            customer: text_of(record, feedback::CUSTOMER),
            content: text_of(record, feedback::CONTENT),
            handler: text_of(record, feedback::HANDLER),
            last_reply: record.day(feedback::REPLY_DATE),
            next_reply_date: record.day(feedback::NEXT_REPLY_DATE),
            overdue: overdue_days.is_some(),
            overdue_days,
            status: self.follow_text(state, record),
        };
        let c = &mut self.section.complaints;
        c.overdue += usize::from(overdue_days.is_some());
        c.no_next_date += usize::from(state == FollowUp::NoNextDate);
        c.open.push(row);
    }

    fn major(&mut self, reporting: Reporting, record: &Record, received: DateValue) {
        let (on_time, status) = match reporting {
            Reporting::OnTime { .. } => (true, "on_time"),
            Reporting::Late { .. } => (false, "late"),
            Reporting::NotReported => (false, "not_reported"),
            Reporting::NoTime => (false, "no_time"),
            Reporting::Unknown => (true, "unknown"),
        };
        let delay = match reporting {
            Reporting::OnTime { hours: Some(h) } | Reporting::Late { hours: Some(h), .. } => self.text.duration(h),
            _ => String::new(),
        };
        let reported = record.date(feedback::REPORTED_AT);
        let row = MajorComplaint {
            id: text_of(record, feedback::ID),
            received: received.date,
            received_at: received_at(received),
            customer: text_of(record, feedback::CUSTOMER),
            reported_to: text_of(record, feedback::REPORTED_TO),
            reported: reported.map(|d| d.date),
            reported_at: reported.and_then(received_at),
            delay,
            on_time,
            status: self.text.get(&format!("feedback.cp.rep.{status}")),
        };
        let c = &mut self.section.complaints;
        c.major_not_on_time += usize::from(!on_time);
        c.major.push(row);
    }

    /// The medians, the forbidden phrases found (CP04's findings), the lists in order.
    fn finish(self, findings: &[Finding]) -> Section {
        let text = self.text;
        let mut section = self.section;
        let f = &mut section.figures;
        f.median_review_days = median(self.to_review);
        f.median_reply_days = median(self.to_reply);
        f.median_resolve_days = median(self.to_resolve);
        let c = &mut section.complaints;
        c.courtesy_share = (c.replies > 0).then(|| c.courteous as f64 / c.replies as f64);
        c.phrases = findings
            .iter()
            .filter(|x| x.rule == "CP04")
            .map(|x| PhraseRow {
                record: x.record.clone(),
                field: crate::registers::texts::field_label(&text, &x.field),
                cell: x.location.place(),
                message: text.render(&x.message),
            })
            .collect();
        let by_receipt =
            |a: &(NaiveDate, Option<NaiveDateTime>, &String), b: &(NaiveDate, Option<NaiveDateTime>, &String)| a.cmp(b);
        section
            .open_items
            .sort_by(|a, b| by_receipt(&(a.received, a.received_at, &a.id), &(b.received, b.received_at, &b.id)));
        c.open
            .sort_by(|a, b| by_receipt(&(a.received, a.received_at, &a.id), &(b.received, b.received_at, &b.id)));
        c.major
            .sort_by(|a, b| by_receipt(&(a.received, a.received_at, &a.id), &(b.received, b.received_at, &b.id)));
        section.by_kind = self.kinds.rows();
        // Channels nobody used are left out, except that the table is never empty.
        section.by_channel = self
            .channels
            .rows()
            .into_iter()
            .filter(|r| r.received + r.open > 0)
            .collect();
        let not_given = self.not_given;
        let mut by_department = self.departments.rows();
        by_department.sort_by(|a, b| {
            (a.label == not_given)
                .cmp(&(b.label == not_given))
                .then(b.received.cmp(&a.received))
                .then(a.label.cmp(&b.label))
        });
        section.by_department = by_department;
        section
    }
}

fn text_of(record: &Record, field: Field<Text>) -> String {
    record.text(field).unwrap_or("").to_string()
}

fn received_at(d: DateValue) -> Option<NaiveDateTime> {
    d.time.map(|_| d.datetime())
}

/// The median of whole-day counts (the mean of the two middle ones for an even count).
pub(super) fn median(mut values: Vec<i64>) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    let n = values.len();
    Some(if n % 2 == 1 {
        values[n / 2] as f64
    } else {
        (values[n / 2 - 1] + values[n / 2]) as f64 / 2.0
    })
}

/// Days from receipt to a later date of the record, when it has one (a date before receipt is an
/// RG04 finding and left out of the medians).
fn days_to(record: &Record, received: NaiveDate, field: Field<Date>) -> Option<i64> {
    let d = record.day(field)?;
    let n = (d - received).num_days();
    (n >= 0).then_some(n)
}

/// Counts by a key, in a fixed order of keys first.
struct Tally {
    order: Vec<String>,
    rows: BTreeMap<String, CountRow>,
}

impl Tally {
    fn new(fixed: impl IntoIterator<Item = (String, String)>) -> Tally {
        let mut t = Tally {
            order: Vec::new(),
            rows: BTreeMap::new(),
        };
        for (key, label) in fixed {
            t.slot(&key, &label);
        }
        t
    }
    fn slot(&mut self, key: &str, label: &str) -> &mut CountRow {
        if !self.rows.contains_key(key) {
            self.order.push(key.to_string());
        }
        self.rows.entry(key.to_string()).or_insert_with(|| CountRow {
            label: label.to_string(),
            ..CountRow::default()
        })
    }
    fn rows(mut self) -> Vec<CountRow> {
        self.order.iter().filter_map(|k| self.rows.remove(k)).collect()
    }
}
