//! FB01 feedback reviewed.

use crate::base::i18n::Entry;
use crate::base::message::{Arg, Message};
use crate::month::feedback::Review;
use crate::registers::{feedback, Kind};
use crate::rules::finding::{Finding, Severity};
use crate::rules::{Context, Reads, Rule};

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
    fn reads(&self) -> &'static [Reads] {
        const READS: &[Reads] = &[
            Reads::read(feedback::RECEIVED_DATE),
            Reads::reported(feedback::REVIEW_DATE),
        ];
        READS
    }
    fn texts(&self) -> &'static [Entry] {
        TEXTS
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let register = ctx.month.register(Kind::Feedback);
        let limit = ctx.settings.feedback.review_days.to_string();
        for item in &ctx.month.feedback.items {
            let (Some(received), Some(review)) = (item.received, item.review) else {
                continue;
            };
            let received = received.date.to_string();
            let (severity, message) = match review {
                Review::Waiting { waiting, overdue: true } => (
                    Severity::Error,
                    Message::of(
                        "msg.FB01.missing",
                        [
                            ("received", Arg::from(&received)),
                            ("days", Arg::from(waiting.to_string())),
                            ("limit", Arg::from(&limit)),
                        ],
                    ),
                ),
                Review::Done { on, days, late: true } => (
                    Severity::Warning,
                    Message::of(
                        "msg.FB01.late",
                        [
                            ("received", Arg::from(&received)),
                            ("reviewed", Arg::from(on.to_string())),
                            ("days", Arg::from(days.to_string())),
                            ("limit", Arg::from(&limit)),
                        ],
                    ),
                ),
                _ => continue,
            };
            let record = &register[item.record];
            out.push(ctx.finding_as(self, severity, self.clause(), record, feedback::REVIEW_DATE, message));
        }
    }
}

/// The rule's title, explanation and messages: key → [en, zh-Hant, zh-Hans].
#[rustfmt::skip]
static TEXTS: &[Entry] = &[
    ("rule.FB01.title", ["Feedback reviewed", "顧客反饋已評審", "顾客反馈已评审"]),
    ("rule.FB01.explain", [
        "Every piece of customer feedback, complaints included, is reviewed by the departments concerned after it is received, and after-sales service and handling are arranged from that review (5.3.3). A row without a review date that was received more than feedback.review_days days (default 7) before the as-of date is an error; a review dated later than that is a warning. The finding is at the review date.",
        "銷售公司接受顧客反饋信息（包括抱怨和投訴）後，應組織有關部門/人員進行評審，並根據評審結果安排售後服務和處理（5.3.3）。沒有評審日期、而接收日期早於截止日超過 feedback.review_days 天（預設 7 天）的為錯誤；已評審但評審日期晚於此期限的為警告。問題標在評審日期欄。",
        "销售公司接受顾客反馈信息（包括抱怨和投诉）后，应组织有关部门/人员进行评审，并根据评审结果安排售后服务和处理（5.3.3）。没有评审日期、而接收日期早于截止日超过 feedback.review_days 天（默认 7 天）的为错误；已评审但评审日期晚于此期限的为警告。问题标在评审日期列。",
    ]),
    ("msg.FB01.missing", [
        "Not reviewed: received {received}, {days} day{days|s} before the as-of date, and feedback must be reviewed within {limit} day{limit|s}. Review it and enter the review date.",
        "未評審：{received} 接收，至截止日已 {days} 天，反饋須在 {limit} 天內評審。請組織評審，並填寫評審日期。",
        "未评审：{received} 接收，至截止日已 {days} 天，反馈须在 {limit} 天内评审。请组织评审，并填写评审日期。",
    ]),
    ("msg.FB01.late", [
        "Reviewed late: received {received}, reviewed {reviewed}, {days} day{days|s} later; the limit is {limit} day{limit|s}.",
        "評審逾期：{received} 接收，{reviewed} 才評審，相隔 {days} 天，超過 {limit} 天的期限。",
        "评审逾期：{received} 接收，{reviewed} 才评审，相隔 {days} 天，超过 {limit} 天的期限。",
    ]),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::feedback::testing::*;

    #[test]
    fn fb01_unreviewed_beyond_the_limit_is_an_error_up_to_it_nothing() {
        // As-of 2026-10-31; review_days 7: received 10-24 is exactly 7 days before, 10-23 is 8.
        let found = check(
            &Fb01,
            &[
                &[("id", "F1"), ("received_date", "2026-10-23"), ("kind", "建議")],
                &[("id", "F2"), ("received_date", "2026-10-24"), ("kind", "建議")],
            ],
        );
        assert_eq!(spots(&found), [spot("F1", "F2", Severity::Error)]);
        assert!(
            found[0].message.as_str().contains("8 days"),
            "{}",
            found[0].message.as_str()
        );
        assert_eq!(found[0].field, "review_date");
    }

    #[test]
    fn fb01_late_review_is_a_warning() {
        let found = check(
            &Fb01,
            &[
                &[
                    ("id", "F1"),
                    ("received_date", "2026-10-01"),
                    ("review_date", "2026-10-09"),
                ],
                &[
                    ("id", "F2"),
                    ("received_date", "2026-10-01"),
                    ("review_date", "2026-10-08"),
                ],
            ],
        );
        assert_eq!(spots(&found), [spot("F1", "F2", Severity::Warning)]);
    }

    #[test]
    fn fb01_follows_the_setting_and_skips_unreadable_review_dates() {
        let mut settings = Settings::default();
        settings.feedback.review_days = 3;
        let regs = registers(&[
            &[
                ("id", "F1"),
                ("received_date", "2026-10-01"),
                ("review_date", "2026-10-05"),
            ],
            &[
                ("id", "F2"),
                ("received_date", "2026-10-01"),
                ("review_date", "2026-10-04"),
            ],
            &[("id", "F3"), ("received_date", "2026-10-01"), ("review_date", "明天")],
        ]);
        let found = check_with(&Fb01, &regs, &settings, "2026-10");
        assert_eq!(spots(&found), [spot("F1", "F2", Severity::Warning)]);
    }
}
