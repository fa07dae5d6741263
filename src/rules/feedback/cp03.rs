//! CP03 major complaint reported at once.

use crate::base::i18n::Entry;
use crate::base::message::{Arg, Message};
use crate::month::feedback::Reporting;
use crate::registers::{feedback, Kind};
use crate::rules::finding::{Finding, Severity};
use crate::rules::{Context, Reads, Rule};

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
    fn reads(&self) -> &'static [Reads] {
        const READS: &[Reads] = &[
            Reads::read(feedback::RECEIVED_DATE),
            Reads::read(feedback::KIND),
            Reads::read(feedback::MAJOR),
            Reads::reported_when(feedback::REPORTED_TO),
            Reads::reported_when(feedback::REPORTED_AT),
        ];
        READS
    }
    fn texts(&self) -> &'static [Entry] {
        TEXTS
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let register = ctx.month.register(Kind::Feedback);
        let limit = ctx.settings.complaints.report_hours.to_string();
        for item in &ctx.month.feedback.items {
            let Some(reporting) = item.reporting else { continue };
            let (field, message) = match reporting {
                Reporting::NotReported => (feedback::REPORTED_TO.any(), Message::new("msg.CP03.not_reported")),
                Reporting::NoTime => (feedback::REPORTED_AT.any(), Message::new("msg.CP03.no_time")),
                Reporting::Late { hours: Some(h), .. } => (
                    feedback::REPORTED_AT.any(),
                    Message::of(
                        "msg.CP03.late_hours",
                        [("delay", Arg::hours(h)), ("limit", Arg::from(&limit))],
                    ),
                ),
                Reporting::Late { hours: None, days } => (
                    feedback::REPORTED_AT.any(),
                    Message::of(
                        "msg.CP03.late_days",
                        [("days", Arg::from(days.to_string())), ("limit", Arg::from(&limit))],
                    ),
                ),
                Reporting::OnTime { .. } | Reporting::Unknown => continue,
            };
            out.push(ctx.finding(self, &register[item.record], field, message));
        }
    }
}

/// The rule's title, explanation and messages: key → [en, zh-Hant, zh-Hans].
#[rustfmt::skip]
static TEXTS: &[Entry] = &[
    ("rule.CP03.title", ["Major complaint reported at once", "重大投訴馬上報告", "重大投诉马上报告"]),
    ("rule.CP03.explain", [
        "A major complaint must be reported at once to the head of the department or the manager in charge (Part 3 報告); at once means within complaints.report_hours hours (default 24) of receipt. A complaint marked major without the person it was reported to, without the time of the report, or reported later than that is an error. With a time of day on both the received date and the report time, exactly 24 hours is on time and 24 hours 1 minute is late; when either has no time of day, a report dated no later than the received date plus the allowance rounded up to whole days (by default the next day) is on time.",
        "重大投訴必須馬上報告部門負責人或分管經理（第三篇 報告）；「馬上」指接收後 complaints.report_hours 小時內（預設 24 小時）。標為重大的投訴，如沒有報告對象、沒有報告時間，或報告晚於此時限，即為錯誤。接收日期和報告時間都有時刻時，恰好 24 小時為及時，24 小時 1 分即為逾時；任一方沒有時刻時，報告日期不晚於接收日期加上時限（按整日向上取整，預設為次日）即為及時。",
        "重大投诉必须马上报告部门负责人或分管经理（第三篇 报告）；「马上」指接收后 complaints.report_hours 小时内（默认 24 小时）。标为重大的投诉，如没有报告对象、没有报告时间，或报告晚于此时限，即为错误。接收日期和报告时间都有时刻时，恰好 24 小时为及时，24 小时 1 分即为逾时；任一方没有时刻时，报告日期不晚于接收日期加上时限（按整日向上取整，默认为次日）即为及时。",
    ]),
    ("msg.CP03.not_reported", [
        "Major complaint not reported: report it at once to the head of department or the manager in charge, and record to whom and when.",
        "重大投訴未報告：須馬上報告部門負責人或分管經理，並記錄報告對象和報告時間。",
        "重大投诉未报告：须马上报告部门负责人或分管经理，并记录报告对象和报告时间。",
    ]),
    ("msg.CP03.no_time", [
        "Major complaint without the time of the report, so it cannot be shown that it was reported at once: enter the date and time of the report.",
        "重大投訴沒有記錄報告時間，無法證明已馬上報告：請填寫報告的日期和時間。",
        "重大投诉没有记录报告时间，无法证明已马上报告：请填写报告的日期和时间。",
    ]),
    ("msg.CP03.late_hours", [
        "Major complaint reported {delay} after it was received; it must be reported within {limit} hour{limit|s}.",
        "重大投訴在收到後 {delay}才報告，應在 {limit} 小時內報告。",
        "重大投诉在收到后 {delay}才报告，应在 {limit} 小时内报告。",
    ]),
    ("msg.CP03.late_days", [
        "Major complaint reported {days} day{days|s} after the day it was received; it must be reported within {limit} hour{limit|s} (no time of day recorded, so whole days are compared).",
        "重大投訴在收到 {days} 天後才報告，應在 {limit} 小時內報告（未記錄時刻，按日期比較）。",
        "重大投诉在收到 {days} 天后才报告，应在 {limit} 小时内报告（未记录时刻，按日期比较）。",
    ]),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::month::feedback::reporting;
    use crate::rules::feedback::testing::*;

    #[test]
    fn cp03_reporting_boundaries() {
        let regs = registers(&[
            &[
                ("id", "A"),
                ("received_date", "2026-10-05 09:30"),
                ("reported_to", "王經理"),
                ("reported_at", "2026-10-06 09:30"),
            ],
            &[
                ("id", "B"),
                ("received_date", "2026-10-05 09:30"),
                ("reported_to", "王經理"),
                ("reported_at", "2026-10-06 09:31"),
            ],
            &[
                ("id", "C"),
                ("received_date", "2026-10-05"),
                ("reported_to", "王經理"),
                ("reported_at", "2026-10-06"),
            ],
            &[
                ("id", "D"),
                ("received_date", "2026-10-05 09:30"),
                ("reported_to", "王經理"),
                ("reported_at", "2026-10-07"),
            ],
            &[
                ("id", "E"),
                ("received_date", "2026-10-05 09:30"),
                ("reported_to", "王經理"),
            ],
            &[
                ("id", "F"),
                ("received_date", "2026-10-05 09:30"),
                ("reported_at", "2026-10-05 10:00"),
            ],
            &[
                ("id", "G"),
                ("received_date", "2026-10-05 09:30"),
                ("reported_to", "王經理"),
                ("reported_at", "2026-10-05 08:00"),
            ],
        ]);
        let records = &regs.by_kind[&Kind::Feedback].records;
        let states: Vec<Reporting> = records.iter().map(|r| reporting(r, 24)).collect();
        assert_eq!(
            states,
            [
                Reporting::OnTime { hours: Some(24.0) },
                Reporting::Late {
                    hours: Some(24.0 + 1.0 / 60.0),
                    days: 1
                },
                Reporting::OnTime { hours: None },
                Reporting::Late { hours: None, days: 2 },
                Reporting::NoTime,
                Reporting::NotReported,
                Reporting::OnTime { hours: Some(-1.5) },
            ]
        );
        assert_eq!(crate::base::text::hours_text(24.0 + 1.0 / 60.0), "24:01");
        // A 36-hour allowance rounds up to two whole days when a time is missing.
        assert_eq!(reporting(&records[3], 36), Reporting::OnTime { hours: None });
    }

    #[test]
    fn cp03_only_major_complaints() {
        let found = check(
            &Cp03,
            &[
                &[
                    ("id", "A"),
                    ("received_date", "2026-10-05 09:30"),
                    COMPLAINT,
                    ("major", "是"),
                    ("reported_at", "2026-10-05 10:00"),
                ],
                &[
                    ("id", "B"),
                    ("received_date", "2026-10-05 09:30"),
                    COMPLAINT,
                    ("major", "否"),
                ],
                &[
                    ("id", "C"),
                    ("received_date", "2026-10-05 09:30"),
                    ("kind", "建議"),
                    ("major", "是"),
                ],
                &[
                    ("id", "D"),
                    ("received_date", "2026-10-05 09:30"),
                    COMPLAINT,
                    ("major", "是"),
                    ("reported_to", "李總"),
                    ("reported_at", "2026-10-06 10:00"),
                ],
            ],
        );
        assert_eq!(
            spots(&found),
            [spot("A", "Q2", Severity::Error), spot("D", "R5", Severity::Error)]
        );
        assert!(
            found[1].message.as_str().contains("reported 24 hours 30 minutes after"),
            "{}",
            found[1].message.as_str()
        );
    }
}
