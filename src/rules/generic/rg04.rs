//! RG04 impossible date.

use chrono::NaiveDate;

use crate::base::i18n::Entry;
use crate::month::Coverage;
use crate::registers::field::Date;
use crate::registers::{amendments, callbacks, contracts, feedback, guests, visits, Field, Kind, Record};
use crate::rules::finding::{Finding, Severity};
use crate::rules::{Context, Rule};

/// **RG04 impossible date** (warning; procedure Part 1 5.2.4.5, records 6). The date of something
/// that happened lies after the as-of date (the last day of the report month), or two dates are in
/// an order that cannot be: a review, reply or resolution before the receipt, a notice before the
/// amendment. Planned dates such as the next agreed reply date may lie in the future.
pub struct Rg04;

impl Rule for Rg04 {
    fn id(&self) -> &'static str {
        "RG04"
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
    fn clause(&self) -> &'static str {
        "5.2.4.5; 6"
    }
    fn texts(&self) -> &'static [Entry] {
        TEXTS
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for kind in Kind::ALL {
            for (_, record, coverage) in ctx.month.records(kind) {
                if coverage == Coverage::Covered {
                    self.check_record(ctx, record, out);
                }
            }
        }
    }
}

impl Rg04 {
    fn check_record(&self, ctx: &Context, record: &Record, out: &mut Vec<Finding>) {
        let as_of = ctx.period.as_of;
        let mut flagged: Vec<Field<Date>> = Vec::new();
        for &field in happened_dates(record.kind) {
            let Some(d) = record.day(field).filter(|d| *d > as_of) else {
                continue;
            };
            let message = ctx.text.fmt(
                "msg.RG04.future",
                &[
                    ("field", &ctx.field_label(field)),
                    ("date", &d.to_string()),
                    ("as_of", &as_of.to_string()),
                ],
            );
            out.push(ctx.finding(self, record, field, message));
            flagged.push(field);
        }
        for &(later, earlier) in date_order(record.kind) {
            if flagged.iter().any(|f| f.index() == later.index()) {
                continue;
            }
            let (Some(a), Some(b)) = (record.day(later), record.day(earlier)) else {
                continue;
            };
            if a < b {
                out.push(ctx.finding(self, record, later, order_message(ctx, later, a, earlier, b)));
            }
        }
    }
}

fn order_message(ctx: &Context, later: Field<Date>, a: NaiveDate, earlier: Field<Date>, b: NaiveDate) -> String {
    ctx.text.fmt(
        "msg.RG04.order",
        &[
            ("field", &ctx.field_label(later)),
            ("date", &a.to_string()),
            ("other", &ctx.field_label(earlier)),
            ("other_date", &b.to_string()),
        ],
    )
}

/// Dates of things that happened (a planned date such as `next_reply_date` may lie ahead).
fn happened_dates(kind: Kind) -> &'static [Field<Date>] {
    match kind {
        Kind::Contracts => &[
            contracts::RECEIVED_DATE,
            contracts::REVIEW_DATE,
            contracts::APPROVAL_DATE,
            contracts::COMMITMENT_DATE,
            contracts::CUSTOMER_CONTACT_DATE,
        ],
        Kind::Amendments => &[
            amendments::AMENDMENT_DATE,
            amendments::REREVIEW_DATE,
            amendments::NOTICE_DATE,
        ],
        Kind::Feedback => &[
            feedback::RECEIVED_DATE,
            feedback::REVIEW_DATE,
            feedback::SERVICE_DATE,
            feedback::REPLY_DATE,
            feedback::RESOLVED_DATE,
            feedback::REPORTED_AT,
        ],
        Kind::Guests => &[guests::BIRTHDAY, guests::ANNIVERSARY, guests::DEVELOPED_DATE],
        Kind::Visits => &[visits::DATE],
        Kind::Callbacks => &[callbacks::DATE],
    }
}

/// (later, earlier): the first may not come before the second.
fn date_order(kind: Kind) -> &'static [(Field<Date>, Field<Date>)] {
    match kind {
        Kind::Contracts => &[(contracts::REVIEW_DATE, contracts::RECEIVED_DATE)],
        Kind::Amendments => &[(amendments::NOTICE_DATE, amendments::AMENDMENT_DATE)],
        Kind::Feedback => &[
            (feedback::REVIEW_DATE, feedback::RECEIVED_DATE),
            (feedback::REPLY_DATE, feedback::RECEIVED_DATE),
            (feedback::RESOLVED_DATE, feedback::RECEIVED_DATE),
        ],
        _ => &[],
    }
}

/// The rule's title, explanation and messages: key → [en, zh-Hant, zh-Hans].
#[rustfmt::skip]
static TEXTS: &[Entry] = &[
    ("rule.RG04.title", ["Impossible date", "不可能的日期", "不可能的日期"]),
    ("rule.RG04.explain", [
        "The date of something that happened lies after the as-of date (the last day of the report month), or two dates are in an order that cannot be: a review, reply or resolution before the receipt, or an amendment notice before the amendment. Planned dates such as the next agreed reply date may lie in the future.",
        "已發生事項的日期晚於截止日(報告月份的最後一天),或兩個日期的先後不可能成立:評審、回復或解決早於接收,或修訂通知早於修訂。約定的下次回復日期等計劃日期可以在將來。",
        "已发生事项的日期晚于截止日(报告月份的最后一天),或两个日期的先后不可能成立:评审、回复或解决早于接收,或修订通知早于修订。约定的下次回复日期等计划日期可以在将来。",
    ]),
    ("msg.RG04.future", [
        "{field} {date} is after the as-of date {as_of}",
        "「{field}」{date} 晚於截止日 {as_of}",
        "「{field}」{date} 晚于截止日 {as_of}",
    ]),
    ("msg.RG04.order", [
        "{field} {date} is before {other} {other_date}",
        "「{field}」{date} 早於「{other}」{other_date}",
        "「{field}」{date} 早于「{other}」{other_date}",
    ]),
];
