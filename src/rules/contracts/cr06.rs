//! CR06 amendment notice issued promptly.

use crate::base::i18n::Entry;
use crate::base::message::{Arg, Message};
use crate::month::contracts::Notice;
use crate::registers::{amendments, Kind};
use crate::rules::finding::{Finding, Severity};
use crate::rules::{Context, Reads, Rule};

/// **CR06 amendment notice issued promptly.** After a contract is amended, the sales company
/// writes the change on the contract amendment notice 合同修訂通知單 and passes it without delay
/// to the managers concerned (procedure 5.2.5.3, record 6.5), so that technical, purchasing and
/// inspection documents are revised (5.2.5.4).
///
/// Fires at `notice_no` when the notice number is blank (or at `notice_date` when only the date
/// is), and at `notice_date` when the notice went out more than `contracts.notice_days` days
/// after the re-review (exactly that many days is in time). Without a re-review date the delay
/// cannot be measured (CR05 reports it); unreadable dates are left to RG02.
pub struct Cr06;

impl Rule for Cr06 {
    fn id(&self) -> &'static str {
        "CR06"
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
    fn clause(&self) -> &'static str {
        "5.2.5.3"
    }
    fn settings(&self) -> &'static [&'static str] {
        &["contracts.notice_days"]
    }
    fn registers(&self) -> &'static [Kind] {
        &[Kind::Amendments]
    }
    fn reads(&self) -> &'static [Reads] {
        const READS: &[Reads] = &[
            Reads::read(amendments::REREVIEW_DATE),
            Reads::reported(amendments::NOTICE_NO),
            Reads::reported(amendments::NOTICE_DATE),
        ];
        READS
    }
    fn texts(&self) -> &'static [Entry] {
        TEXTS
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let register = ctx.month.register(Kind::Amendments);
        let limit = ctx.settings.contracts.notice_days.to_string();
        for standing in &ctx.month.contracts.amendments {
            let record = &register[standing.record];
            let notice = standing.notice;
            let no_date = notice.date.is_none() && !notice.date_unreadable;
            match (notice.number, no_date) {
                (false, true) => out.push(ctx.finding(
                    self,
                    record,
                    amendments::NOTICE_NO,
                    Message::of("msg.CR06.missing", [("days", Arg::from(&limit))]),
                )),
                (false, false) => {
                    out.push(ctx.finding(self, record, amendments::NOTICE_NO, Message::new("msg.CR06.no_number")))
                }
                (true, true) => out.push(ctx.finding(
                    self,
                    record,
                    amendments::NOTICE_DATE,
                    Message::of("msg.CR06.no_date", [("days", Arg::from(&limit))]),
                )),
                (true, false) => {}
            }
            if notice.late {
                out.push(ctx.finding(
                    self,
                    record,
                    amendments::NOTICE_DATE,
                    late_message(record, &notice, &limit),
                ));
            }
        }
    }
}

fn late_message(record: &crate::registers::Record, notice: &Notice, limit: &str) -> Message {
    let rereview = record
        .day(amendments::REREVIEW_DATE)
        .map(|d| d.to_string())
        .unwrap_or_default();
    let notice_date = notice.date.map(|d| d.to_string()).unwrap_or_default();
    Message::of(
        "msg.CR06.late",
        [
            ("notice", Arg::from(&notice_date)),
            ("rereview", Arg::from(&rereview)),
            ("late", Arg::from(notice.delay.unwrap_or_default().to_string())),
            ("days", Arg::from(limit)),
        ],
    )
}

/// The rule's title, explanation and messages: key → [en, zh-Hant, zh-Hans].
#[rustfmt::skip]
static TEXTS: &[Entry] = &[
    ("rule.CR06.title", ["Amendment notice issued promptly", "及時發出合同修訂通知單", "及时发出合同修订通知单"]),
    ("rule.CR06.explain", [
        "After a contract is amended, the change is written on the contract amendment notice and passed without delay to the managers concerned (5.2.5.3, record 6.5). Reported at the notice number when it is blank (at the notice date when only the date is blank), and at the notice date when the notice went out more than contracts.notice_days days after the re-review.",
        "合同修訂後，銷售公司應將修訂內容填寫在合同修訂通知單上，並及時傳遞給有關管理人員（5.2.5.3，記錄 6.5）。通知單編號空白時在編號處報告（僅通知日期空白時在日期處），通知日期晚於重新評審超過 contracts.notice_days 天時在通知日期處報告。",
        "合同修订后，销售公司应将修订内容填写在合同修订通知单上，并及时传递给有关管理人员（5.2.5.3，记录 6.5）。通知单编号空白时在编号处报告（仅通知日期空白时在日期处），通知日期晚于重新评审超过 contracts.notice_days 天时在通知日期处报告。",
    ]),
    ("msg.CR06.missing", [
        "No amendment notice: fill in the contract amendment notice and pass it to the managers concerned within {days} day{days|s} of the re-review (5.2.5.3).",
        "未發合同修訂通知單：請在重新評審後 {days} 天內填寫，並傳遞給有關管理人員（5.2.5.3）。",
        "未发合同修订通知单：请在重新评审后 {days} 天内填写，并传递给有关管理人员（5.2.5.3）。",
    ]),
    ("msg.CR06.no_number", [
        "Notice date given but no notice number: enter the number of the contract amendment notice (5.2.5.3, 6.5).",
        "已填通知日期，但未填通知單編號：請登記合同修訂通知單的編號（5.2.5.3、6.5）。",
        "已填通知日期，但未填通知单编号：请登记合同修订通知单的编号（5.2.5.3、6.5）。",
    ]),
    ("msg.CR06.no_date", [
        "No notice date: record when the amendment notice was passed on, within {days} day{days|s} of the re-review (5.2.5.3).",
        "未填通知日期：請記錄合同修訂通知單的傳遞日期，應在重新評審後 {days} 天內（5.2.5.3）。",
        "未填通知日期：请记录合同修订通知单的传递日期，应在重新评审后 {days} 天内（5.2.5.3）。",
    ]),
    ("msg.CR06.late", [
        "Notice of {notice}, {late} day{late|s} after the re-review of {rereview}; it is due within {days} day{days|s} (5.2.5.3).",
        "通知日期 {notice} 距重新評審（{rereview}）已 {late} 天，應在 {days} 天內發出（5.2.5.3）。",
        "通知日期 {notice} 距重新评审（{rereview}）已 {late} 天，应在 {days} 天内发出（5.2.5.3）。",
    ]),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    /// C: re-review date, D: notice no., E: notice date.
    const HEADER: &str = "合同編號 | 修訂日期 | 重新評審日期 | 修訂通知單編號 | 通知日期";

    fn cr06(settings: &Settings, rows: &[&str]) -> Vec<Finding> {
        run_with(
            &Cr06,
            settings,
            "2026-10",
            &[Sheet::new(Kind::Amendments, HEADER, rows)],
        )
    }

    const AMENDED: &str = "HT-1 2026-10-05";

    #[test]
    fn cr06_no_notice_at_all_is_a_warning_at_the_notice_number() {
        let found = cr06(&Settings::default(), &["HT-1 | 2026-10-05 | 2026-10-06 |  | "]);
        assert_eq!(spots(&found), [spot(AMENDED, "D2", Severity::Warning)]);
        assert_eq!(found[0].field, "notice_no");
        assert_says(
            found[0].message.as_str(),
            &["No amendment notice", "within 3 days of the re-review"],
        );
    }

    #[test]
    fn cr06_a_date_without_its_number_is_reported_at_the_number_a_number_without_its_date_at_the_date() {
        let found = cr06(
            &Settings::default(),
            &[
                "HT-1 | 2026-10-05 | 2026-10-06 |  | 2026-10-07",
                "HT-2 | 2026-10-05 | 2026-10-06 | TZ-2 | ",
            ],
        );
        let (number, date) = (
            spot(AMENDED, "D2", Severity::Warning),
            spot("HT-2 2026-10-05", "E3", Severity::Warning),
        );
        assert_eq!(spots(&found), [number, date]);
        assert_says(found[0].message.as_str(), &["no notice number"]);
        assert_says(found[1].message.as_str(), &["No notice date"]);
    }

    #[test]
    fn cr06_a_notice_more_than_notice_days_after_the_rereview_is_late_exactly_that_many_is_in_time() {
        let found = cr06(
            &Settings::default(),
            &[
                "HT-1 | 2026-10-05 | 2026-10-05 | TZ-1 | 2026-10-09",
                "HT-2 | 2026-10-05 | 2026-10-05 | TZ-2 | 2026-10-08",
                "HT-3 | 2026-10-05 | 2026-10-05 | TZ-3 | 2026-10-05",
            ],
        );
        assert_eq!(spots(&found), [spot(AMENDED, "E2", Severity::Warning)]);
        assert_eq!(found[0].field, "notice_date");
        assert_says(
            found[0].message.as_str(),
            &["Notice of 2026-10-09", "4 days after the re-review of 2026-10-05"],
        );
    }

    #[test]
    fn cr06_a_missing_number_and_a_late_notice_are_two_findings() {
        let found = cr06(
            &Settings::default(),
            &["HT-1 | 2026-10-05 | 2026-10-05 |  | 2026-10-15"],
        );
        let (number, date) = (
            spot(AMENDED, "D2", Severity::Warning),
            spot(AMENDED, "E2", Severity::Warning),
        );
        assert_eq!(spots(&found), [number, date]);
    }

    #[test]
    fn cr06_follows_the_notice_days_setting() {
        let rows = [
            "HT-1 | 2026-10-05 | 2026-10-05 | TZ-1 | 2026-10-09",
            "HT-2 | 2026-10-05 | 2026-10-05 | TZ-2 | 2026-10-11",
        ];
        let found = cr06(&settings("[contracts]\nnotice_days = 5\n"), &rows);
        assert_eq!(spots(&found), [spot("HT-2 2026-10-05", "E3", Severity::Warning)]);
        assert_says(found[0].message.as_str(), &["6 days", "within 5 days"]);
    }

    #[test]
    fn cr06_without_a_rereview_date_the_delay_is_not_measured_and_an_unreadable_date_is_not_blank() {
        let found = cr06(
            &Settings::default(),
            &[
                "HT-1 | 2026-10-05 |  | TZ-1 | 2026-10-25",
                "HT-2 | 2026-10-05 | 2026-10-06 | TZ-2 | 10/20號",
            ],
        );
        assert_eq!(spots(&found), []);
    }

    #[test]
    fn cr06_an_amendment_of_another_month_gives_nothing() {
        assert_eq!(
            spots(&cr06(&Settings::default(), &["HT-1 | 2026-09-25 | 2026-09-26 |  | "])),
            []
        );
    }
}
