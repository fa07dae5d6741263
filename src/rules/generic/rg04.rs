//! RG04 impossible date.

use chrono::NaiveDate;

use crate::base::i18n::Entry;
use crate::base::message::{Arg, Message};
use crate::month::Coverage;
use crate::registers::field::Date;
use crate::registers::{amendments, callbacks, contracts, feedback, guests, visits, Field, Kind, Record};
use crate::rules::finding::{Finding, Severity};
use crate::rules::{Context, Reads, Rule};

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
        super::CLAUSE
    }
    /// The dates of things that happened, and those compared with another date.
    fn reads(&self) -> &'static [Reads] {
        static READS: std::sync::OnceLock<Vec<Reads>> = std::sync::OnceLock::new();
        READS.get_or_init(|| {
            let mut fields: Vec<Field<Date>> = Vec::new();
            for kind in Kind::ALL {
                let ordered = date_order(kind).iter().flat_map(|(a, b)| [*a, *b]);
                for field in happened_dates(kind).iter().copied().chain(ordered) {
                    if !fields.iter().any(|f| f.any() == field.any()) {
                        fields.push(field);
                    }
                }
            }
            fields.into_iter().map(Reads::read).collect()
        })
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
            let message = Message::of(
                "msg.RG04.future",
                [
                    ("field", ctx.field_label(field)),
                    ("date", Arg::from(d.to_string())),
                    ("as_of", Arg::from(as_of.to_string())),
                ],
            );
            out.push(super::finding(self, ctx, record, field, message));
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
                out.push(super::finding(
                    self,
                    ctx,
                    record,
                    later,
                    order_message(ctx, later, a, earlier, b),
                ));
            }
        }
    }
}

fn order_message(ctx: &Context, later: Field<Date>, a: NaiveDate, earlier: Field<Date>, b: NaiveDate) -> Message {
    Message::of(
        "msg.RG04.order",
        [
            ("field", ctx.field_label(later)),
            ("date", Arg::from(a.to_string())),
            ("other", ctx.field_label(earlier)),
            ("other_date", Arg::from(b.to_string())),
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
        "The date of something that happened lies after the as-of date (the last day of the report month), or two dates are in an order that cannot be: a review, reply or resolution before the receipt, or an amendment notice before the amendment. Planned dates such as the next agreed reply date may lie in the future. A finding cites the records clause of the register its row belongs to: 5.2.4.5 and 6.1 for contracts and orders, 5.2.5.2 b and 6.4 for amendments, 6.8 for feedback (Part 3 五 for a complaint record), Part 2 三 for guest profiles and visits, Part 2 四.2 for call-backs.",
        "已發生事項的日期晚於截止日（報告月份的最後一天），或兩個日期的先後不可能成立：評審、回復或解決早於接收，或修訂通知早於修訂。約定的下次回復日期等計劃日期可以在將來。每個問題引用該行所屬台帳的記錄條款：合同及訂單為 5.2.4.5、6.1，合同修訂為 5.2.5.2 b、6.4，顧客反饋為 6.8（顧客投訴記錄為第三篇 五），客史檔案和消費記錄為第二篇 三，回訪記錄為第二篇 四.2。",
        "已发生事项的日期晚于截止日（报告月份的最后一天），或两个日期的先后不可能成立：评审、回复或解决早于接收，或修订通知早于修订。约定的下次回复日期等计划日期可以在将来。每个问题引用该行所属台账的记录条款：合同及订单为 5.2.4.5、6.1，合同修订为 5.2.5.2 b、6.4，顾客反馈为 6.8（顾客投诉记录为第三篇 五），客史档案和消费记录为第二篇 三，回访记录为第二篇 四.2。",
    ]),
    ("msg.RG04.future", [
        "{field} {date} is after the as-of date {as_of}.",
        "「{field}」為 {date}，晚於截止日 {as_of}。",
        "「{field}」为 {date}，晚于截止日 {as_of}。",
    ]),
    ("msg.RG04.order", [
        "{field} {date} is before {other} {other_date}.",
        "「{field}」為 {date}，早於「{other}」{other_date}。",
        "「{field}」为 {date}，早于「{other}」{other_date}。",
    ]),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    /// E: received, F: review date, G: commitment date.
    const CONTRACTS: &str = "合同編號 | 顧客 | 類型 | 產品類別 | 接收日期 | 評審日期 | 承諾日期";

    fn contracts(rows: &[&str]) -> Vec<Finding> {
        run(&Rg04, "2026-10", &[Sheet::new(Kind::Contracts, CONTRACTS, rows)])
    }

    #[test]
    fn rg04_a_date_of_something_done_after_as_of_is_a_warning_the_last_day_is_not() {
        let found = contracts(&[
            "HT-1 | 甲公司 | 合同 | 常規產品 | 2026-10-02 | 2026-11-02 | ",
            "HT-2 | 乙公司 | 合同 | 常規產品 | 2026-10-02 | 2026-10-31 | 2026-10-31",
        ]);
        assert_eq!(spots(&found), [spot("HT-1", "F2", Severity::Warning)]);
        assert_eq!(found[0].field, "review_date");
        assert_says(
            found[0].message.as_str(),
            &["Review date 2026-11-02 is after the as-of date 2026-10-31"],
        );
    }

    #[test]
    fn rg04_a_review_before_the_receipt_cannot_be_on_the_same_day_it_can() {
        let found = contracts(&[
            "HT-1 | 甲公司 | 合同 | 常規產品 | 2026-10-05 | 2026-10-03 | ",
            "HT-2 | 乙公司 | 合同 | 常規產品 | 2026-10-05 | 2026-10-05 | ",
        ]);
        assert_eq!(spots(&found), [spot("HT-1", "F2", Severity::Warning)]);
        assert_says(
            found[0].message.as_str(),
            &["Review date 2026-10-03 is before received date 2026-10-05"],
        );
    }

    #[test]
    fn rg04_feedback_replied_or_resolved_before_its_receipt_but_a_planned_reply_may_lie_ahead() {
        let header = "編號 | 接收日期 | 顧客 | 類別 | 評審日期 | 回復日期 | 解決日期 | 下次回復日期";
        let rows = [
            "FK-1 | 2026-10-12 | 陳先生 | 投訴 |  | 2026-10-11 |  | ",
            "FK-2 | 2026-10-15 | 李女士 | 投訴 | 2026-10-15 |  | 2026-10-14 | ",
            // Received at 14:30, dealt with the same day: dates compare by day.
            "FK-3 | 2026-10-18 14:30 | 王先生 | 抱怨 | 2026-10-18 | 2026-10-18 | 2026-10-18 | ",
            "FK-4 | 2026-10-20 | 趙女士 | 投訴 | 2026-10-21 |  |  | 2026-11-15",
        ];
        let found = run(&Rg04, "2026-10", &[Sheet::new(Kind::Feedback, header, &rows)]);
        assert_eq!(
            spots(&found),
            [
                spot("FK-1", "F2", Severity::Warning),
                spot("FK-2", "G3", Severity::Warning)
            ]
        );
        assert_says(
            found[1].message.as_str(),
            &["Resolved date 2026-10-14 is before received date 2026-10-15"],
        );
    }

    #[test]
    fn rg04_an_amendment_notice_before_the_amendment_cannot_be() {
        let header = "合同編號 | 修訂日期 | 重新評審日期 | 修訂通知單編號 | 通知日期";
        let rows = [
            "HT-1 | 2026-10-12 | 2026-10-12 | TZ-1 | 2026-10-10",
            "HT-2 | 2026-10-12 | 2026-10-13 | TZ-2 | 2026-10-12",
        ];
        let found = run(&Rg04, "2026-10", &[Sheet::new(Kind::Amendments, header, &rows)]);
        assert_eq!(spots(&found), [spot("HT-1 2026-10-12", "E2", Severity::Warning)]);
        assert_says(
            found[0].message.as_str(),
            &["Notice date 2026-10-10 is before amendment date 2026-10-12"],
        );
    }

    #[test]
    fn rg04_rows_of_other_months_or_of_no_known_month_give_nothing() {
        let found = contracts(&[
            // A November order is not in the future of November's report.
            "HT-1 | 甲公司 | 合同 | 常規產品 | 2026-11-02 | 2026-11-03 | ",
            "HT-2 | 乙公司 | 合同 | 常規產品 | 2026-09-05 | 2026-09-03 | ",
            // No key date: RG01 reports it; RG04 judges only the rows the month covers (SPEC 2).
            "HT-3 | 丙公司 | 合同 | 常規產品 |  | 2027-01-05 | ",
        ]);
        assert_eq!(spots(&found), []);
    }
}
