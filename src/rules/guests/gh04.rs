//! GH04 call-back missing.

use crate::base::i18n::Entry;
use crate::base::message::{Arg, Message};
use crate::registers::{callbacks, guests, Kind};
use crate::rules::finding::{Finding, Severity};
use crate::rules::{Context, Reads, Rule};

/// **GH04 call-back missing** (error; procedure Part 2 四.2). An A-class guest developed within
/// `guests.new_months` (default 12) months before the end of the report month has no call-back
/// dated in that month.
///
/// Why: the sales department calls on every newly won A-class client each month. "Within" counts
/// both ends: a guest developed on 2025-10-31 still needs a call in October 2026, one developed on
/// 2025-10-30 no longer does; a guest developed during the month needs its first call in that
/// month. A call-back on the last day of the month counts. Call-backs are matched to the guest by
/// guest id, from every call-back register. When the period is a quarter, half-year or year, each
/// of its months is checked and a missing month is one finding. The rule runs only when both a
/// guest register and a call-back register are given.
pub struct Gh04;

impl Rule for Gh04 {
    fn id(&self) -> &'static str {
        "GH04"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn clause(&self) -> &'static str {
        "Part 2 四.2"
    }
    fn settings(&self) -> &'static [&'static str] {
        &["guests.new_months"]
    }
    fn registers(&self) -> &'static [Kind] {
        &[Kind::Guests, Kind::Callbacks]
    }
    fn joins(&self) -> &'static [Kind] {
        &[Kind::Callbacks]
    }
    fn reads(&self) -> &'static [Reads] {
        // A new A-class guest without an id matches no call-back: reported at the id.
        const READS: &[Reads] = &[
            Reads::reported_when(guests::GUEST_ID),
            Reads::read(guests::CLASS),
            Reads::read(guests::DEVELOPED_DATE),
            Reads::read(callbacks::DATE),
            Reads::read(callbacks::GUEST_ID),
        ];
        READS
    }
    fn texts(&self) -> &'static [Entry] {
        TEXTS
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let guests = &ctx.month.guests;
        for new in &guests.new_a {
            let record = guests.book.record(new.guest);
            for (start, _, developed) in new.due.iter().filter(|(start, _, _)| new.missing.contains(start)) {
                let message = Message::of(
                    "msg.GH04",
                    [
                        ("developed", Arg::from(developed.to_string())),
                        ("month", Arg::period(start.format("%Y-%m").to_string())),
                    ],
                );
                out.push(ctx.finding(self, record, guests::GUEST_ID, message));
            }
        }
    }
}

/// The rule's title, explanation and messages: key → [en, zh-Hant, zh-Hans].
#[rustfmt::skip]
static TEXTS: &[Entry] = &[
    ("rule.GH04.title", [
        "Call-back missing",
        "缺少回訪",
        "缺少回访",
    ]),
    ("rule.GH04.explain", [
        "An A-class guest developed within the last guests.new_months months (default 12) before the end of the report month has no call-back dated in that month. Both ends count: with the month ending 2026-10-31, a guest developed on 2025-10-31 still needs a call, one developed on 2025-10-30 no longer does, and a guest developed during the month needs its first call in it. The sales department calls on newly won A-class clients every month. A call-back on the last day of the month counts; call-backs are matched by guest id. For a quarter, half-year or year each month is checked. Runs only when both a guest register and a call-back register are given.",
        "開發日期在本月最後一天之前 guests.new_months 個月內（預設 12 個月）的A類客人，在本月沒有回訪記錄。首尾都計算在內：本月最後一天為 2026-10-31 時，2025-10-31 開發的客人仍須回訪，2025-10-30 開發的則不再需要，本月內開發的客人本月就須第一次回訪。營銷部每月對A類新開發的客戶進行回訪。月末最後一天的回訪也算；回訪按客戶編號對應。按季度、半年或年度統計時逐月檢查。僅在同時提供客史檔案和回訪記錄時檢查。",
        "开发日期在本月最后一天之前 guests.new_months 个月内（默认 12 个月）的A类客人，在本月没有回访记录。首尾都计算在内：本月最后一天为 2026-10-31 时，2025-10-31 开发的客人仍须回访，2025-10-30 开发的则不再需要，本月内开发的客人本月就须第一次回访。营销部每月对A类新开发的客户进行回访。月末最后一天的回访也算；回访按客户编号对应。按季度、半年或年度统计时逐月检查。仅在同时提供客史档案和回访记录时检查。",
    ]),
    ("msg.GH04", [
        "New class A guest (developed {developed}) has no call-back dated in {month}: call on the guest and record it in the call-back register.",
        "新開發的A類客人（開發日期 {developed}）在 {month}沒有回訪記錄：請進行回訪，並記入回訪記錄。",
        "新开发的A类客人（开发日期 {developed}）在 {month}没有回访记录：请进行回访，并记入回访记录。",
    ]),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    /// A: guest id, C: class, D: developed date.
    fn guests(rows: &[&str]) -> Sheet {
        Sheet::new(Kind::Guests, "客戶編號 | 姓名 | 類別 | 開發日期", rows)
    }

    fn callbacks(rows: &[&str]) -> Sheet {
        Sheet::new(Kind::Callbacks, "日期 | 客戶編號 | 回訪人", rows).in_file("回訪記錄.xlsx")
    }

    #[test]
    fn gh04_a_new_a_class_guest_without_a_call_back_in_the_month_is_an_error_at_its_id() {
        let found = run(
            &Gh04,
            "2026-10",
            &[
                guests(&["G-1 | 王偉 | A | 2026-03-10"]),
                callbacks(&["2026-09-20 | G-1 | 劉經理", "2026-11-02 | G-1 | 劉經理"]),
            ],
        );
        assert_eq!(spots(&found), [spot("G-1", "A2", Severity::Error)]);
        assert_eq!(found[0].field, "guest_id");
        assert_says(
            found[0].message.as_str(),
            &["developed 2026-03-10", "no call-back dated in October 2026"],
        );
    }

    #[test]
    fn gh04_new_means_developed_within_new_months_of_the_month_end_both_ends_counted() {
        let found = run(
            &Gh04,
            "2026-10",
            &[
                guests(&[
                    "G-1 | 王偉 | A | 2025-10-31",
                    "G-2 | 李娜 | A | 2025-10-30",
                    "G-3 | 張三 | A | 2026-10-12",
                    // After the month: not new yet.
                    "G-4 | 趙六 | A | 2026-11-03",
                ]),
                callbacks(&["2026-10-05 | G-9 | 劉經理"]),
            ],
        );
        assert_eq!(
            spots(&found),
            [spot("G-1", "A2", Severity::Error), spot("G-3", "A4", Severity::Error)]
        );
    }

    #[test]
    fn gh04_a_call_on_the_last_day_counts_and_ids_match_whatever_their_case() {
        let found = run(
            &Gh04,
            "2026-10",
            &[
                guests(&["G-1 | 王偉 | A | 2026-05-01", "G-2 | 李娜 | A | 2026-07-15"]),
                callbacks(&["2026-10-31 | G-1 | 劉經理", "2026-10-10 | g-2 | 劉經理"]),
            ],
        );
        assert_eq!(spots(&found), []);
    }

    #[test]
    fn gh04_only_a_class_guests_with_a_developed_date() {
        let found = run(
            &Gh04,
            "2026-10",
            &[
                guests(&[
                    "G-1 | 王偉 | B | 2026-06-01",
                    "G-2 | 李娜 | A | ",
                    "G-3 | 張三 |  | 2026-06-01",
                ]),
                callbacks(&["2026-10-05 | G-9 | 劉經理"]),
            ],
        );
        assert_eq!(spots(&found), []);
    }

    #[test]
    fn gh04_each_month_of_a_longer_period_is_checked() {
        let found = run(
            &Gh04,
            "2026-Q3",
            &[
                guests(&["G-1 | 王偉 | A | 2026-03-10", "G-2 | 李娜 | A | 2026-08-15"]),
                callbacks(&["2026-08-05 | G-1 | 劉經理", "2026-09-01 | G-2 | 劉經理"]),
            ],
        );
        let error = Severity::Error;
        let expected = [
            spot("G-1", "A2", error),
            spot("G-1", "A2", error),
            spot("G-2", "A3", error),
        ];
        assert_eq!(spots(&found), expected);
        assert_says(found[0].message.as_str(), &["no call-back dated in July 2026"]);
        assert_says(found[1].message.as_str(), &["no call-back dated in September 2026"]);
        assert_says(
            found[2].message.as_str(),
            &["developed 2026-08-15", "no call-back dated in August 2026"],
        );
    }

    #[test]
    fn gh04_follows_the_new_months_setting() {
        let sheets = [
            guests(&["G-1 | 王偉 | A | 2026-03-10"]),
            callbacks(&["2026-10-05 | G-9 | 劉經理"]),
        ];
        let six = settings("[guests]\nnew_months = 6\n");
        assert_eq!(spots(&run_with(&Gh04, &six, "2026-10", &sheets)), []);
        assert_eq!(run(&Gh04, "2026-10", &sheets).len(), 1);
    }

    #[test]
    fn gh04_runs_only_with_a_call_back_register() {
        assert_eq!(
            spots(&run(&Gh04, "2026-10", &[guests(&["G-1 | 王偉 | A | 2026-03-10"])])),
            []
        );
    }
}
