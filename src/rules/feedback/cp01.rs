//! CP01 complaint followed through.

use crate::base::i18n::Entry;
use crate::base::message::{Arg, Message};
use crate::month::feedback::FollowUp;
use crate::registers::{feedback, Kind};
use crate::rules::finding::{Finding, Severity};
use crate::rules::{Context, Reads, Rule};

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
    fn reads(&self) -> &'static [Reads] {
        const READS: &[Reads] = &[
            Reads::read(feedback::KIND),
            Reads::reported_when(feedback::REPLY_DATE),
            Reads::read(feedback::REPLY),
            Reads::read(feedback::RESOLVED_DATE),
            Reads::read(feedback::NEXT_REPLY_DATE),
        ];
        READS
    }
    fn texts(&self) -> &'static [Entry] {
        TEXTS
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let register = ctx.month.register(Kind::Feedback);
        let as_of = ctx.period.as_of;
        for item in &ctx.month.feedback.items {
            let record = &register[item.record];
            match item.follow_up {
                Some(FollowUp::NoNextDate) => {
                    let fields = [
                        feedback::REPLY_DATE.any(),
                        feedback::NEXT_REPLY_DATE.any(),
                        feedback::REPLY.any(),
                    ];
                    let field = super::first_column(ctx, record, &fields);
                    out.push(ctx.finding(self, record, field, Message::new("msg.CP01.no_next_date")));
                }
                Some(FollowUp::Overdue { since }) => {
                    let days = (as_of - since).num_days().to_string();
                    let message = Message::of(
                        "msg.CP01.overdue",
                        [("date", Arg::from(since.to_string())), ("days", Arg::from(days))],
                    );
                    out.push(ctx.finding(self, record, feedback::NEXT_REPLY_DATE, message));
                }
                _ => {}
            }
        }
    }
}

/// The rule's title, explanation and messages: key → [en, zh-Hant, zh-Hans].
#[rustfmt::skip]
static TEXTS: &[Entry] = &[
    ("rule.CP01.title", ["Complaint followed through", "投訴跟進到底", "投诉跟进到底"]),
    ("rule.CP01.explain", [
        "A complaint is followed until the problem is solved and the customer answered; when it cannot be solved yet, the customer is told so and a time for the next reply is agreed (Part 3 三, 跟清楚). A complaint or grievance not resolved by the as-of date is an error when it was never replied to and has no next reply date (finding at the reply date), or when its next reply date is before the as-of date and no reply is dated on or after it: overdue (finding at the next reply date). A next reply date on or after the as-of date is not overdue.",
        "受理投訴要一跟到底，直到問題得到解決並回復為止；不能解決的投訴，應婉轉地向顧客講清楚，並確定下次回復的時間（第三篇 三、跟清楚）。截止日仍未解決的投訴或抱怨，如從未回復又沒有下次回復日期（問題標在回復日期欄），或下次回復日期早於截止日而該日及之後沒有回復（逾期，問題標在下次回復日期欄），即為錯誤。下次回復日期在截止日當天或之後的不算逾期。",
        "受理投诉要一跟到底，直到问题得到解决并回复为止；不能解决的投诉，应婉转地向顾客讲清楚，并确定下次回复的时间（第三篇 三、跟清楚）。截止日仍未解决的投诉或抱怨，如从未回复又没有下次回复日期（问题标在回复日期列），或下次回复日期早于截止日而该日及之后没有回复（逾期，问题标在下次回复日期列），即为错误。下次回复日期在截止日当天或之后的不算逾期。",
    ]),
    ("msg.CP01.no_next_date", [
        "Complaint neither resolved nor replied to, and no next reply date agreed: reply to the customer, or agree when you will reply next and enter that date.",
        "投訴既未解決也未回復，又未約定下次回復日期：請回復顧客，或與顧客約定下次回復的時間，並填寫下次回復日期。",
        "投诉既未解决也未回复，又未约定下次回复日期：请回复顾客，或与顾客约定下次回复的时间，并填写下次回复日期。",
    ]),
    ("msg.CP01.overdue", [
        "Overdue: the next reply was agreed for {date}, {days} day{days|s} before the as-of date, and no reply is recorded on or after it. Reply to the customer and record it, or agree a new date.",
        "已逾期：約定 {date} 再次回復，至截止日已過 {days} 天，但該日及之後沒有回復記錄。請回復顧客並記錄，或重新約定回復日期。",
        "已逾期：约定 {date} 再次回复，至截止日已过 {days} 天，但该日及之后没有回复记录。请回复顾客并记录，或重新约定回复日期。",
    ]),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::month::feedback::follow_up;
    use crate::rules::feedback::testing::*;
    use chrono::NaiveDate;

    #[test]
    fn cp01_follow_up_states() {
        const RECEIVED: (&str, &str) = ("received_date", "2026-10-02");
        let as_of = NaiveDate::from_ymd_opt(2026, 10, 31).unwrap();
        let regs = registers(&[
            &[("id", "A"), RECEIVED, COMPLAINT],
            &[("id", "B"), RECEIVED, COMPLAINT, ("next_reply_date", "2026-10-30")],
            &[("id", "C"), RECEIVED, COMPLAINT, ("next_reply_date", "2026-10-31")],
            &[
                ("id", "D"),
                RECEIVED,
                COMPLAINT,
                ("next_reply_date", "2026-10-20"),
                ("reply_date", "2026-10-20"),
            ],
            &[
                ("id", "E"),
                RECEIVED,
                COMPLAINT,
                ("next_reply_date", "2026-10-20"),
                ("reply_date", "2026-10-19"),
            ],
            &[("id", "F"), RECEIVED, COMPLAINT, ("reply_date", "2026-10-05")],
            &[("id", "G"), RECEIVED, COMPLAINT, ("resolved_date", "2026-10-05")],
            &[("id", "H"), RECEIVED, COMPLAINT, ("resolved_date", "2026-11-05")],
            &[("id", "I"), RECEIVED, COMPLAINT, ("next_reply_date", "十月底")],
            &[("id", "J"), RECEIVED, COMPLAINT, ("reply", "已電話說明")],
        ]);
        let records = &regs.by_kind[&Kind::Feedback].records;
        let states: Vec<FollowUp> = records.iter().map(|r| follow_up(r, as_of)).collect();
        let day = |d| NaiveDate::from_ymd_opt(2026, 10, d).unwrap();
        assert_eq!(
            states,
            [
                FollowUp::NoNextDate,
                FollowUp::Overdue { since: day(30) },
                FollowUp::Followed,
                FollowUp::Followed,
                FollowUp::Overdue { since: day(20) },
                FollowUp::Followed,
                FollowUp::Resolved,
                FollowUp::NoNextDate,
                FollowUp::Unknown,
                FollowUp::Followed,
            ]
        );
    }

    #[test]
    fn cp01_only_complaints_and_grievances() {
        let found = check(
            &Cp01,
            &[
                &[("id", "A"), ("received_date", "2026-10-02"), ("kind", "建議")],
                &[("id", "B"), ("received_date", "2026-10-02"), ("kind", "抱怨")],
                &[
                    ("id", "C"),
                    ("received_date", "2026-10-02"),
                    ("kind", "投訴"),
                    ("next_reply_date", "2026-10-10"),
                ],
            ],
        );
        assert_eq!(
            spots(&found),
            [spot("B", "M3", Severity::Error), spot("C", "P4", Severity::Error)]
        );
        assert_eq!(found[1].field, "next_reply_date");
        assert!(found[1].message.as_str().contains("2026-10-10") && found[1].message.as_str().contains("21 days"));
    }
}
