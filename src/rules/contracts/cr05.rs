//! CR05 amendment re-reviewed.

use crate::base::i18n::Entry;
use crate::base::message::{Arg, Message};
use crate::month::contracts::Rereview;
use crate::registers::{amendments, Kind};
use crate::rules::finding::{Finding, Severity};
use crate::rules::{Context, Reads, Rule};

/// **CR05 amendment re-reviewed.** When a change of product requirements changes a contract, the
/// changed requirements are reviewed again (procedure 5.2.5.2 c), and a change is accepted only
/// after its review (5.2.1).
///
/// Fires at `rereview_date` when it is blank, or before the `amendment_date` (a re-review on the
/// day of the amendment is in time). An unreadable re-review date is left to RG02.
pub struct Cr05;

impl Rule for Cr05 {
    fn id(&self) -> &'static str {
        "CR05"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn clause(&self) -> &'static str {
        "5.2.5.2 c"
    }
    fn registers(&self) -> &'static [Kind] {
        &[Kind::Amendments]
    }
    fn reads(&self) -> &'static [Reads] {
        const READS: &[Reads] = &[
            Reads::read(amendments::AMENDMENT_DATE),
            Reads::reported(amendments::REREVIEW_DATE),
        ];
        READS
    }
    fn texts(&self) -> &'static [Entry] {
        TEXTS
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let register = ctx.month.register(Kind::Amendments);
        for standing in &ctx.month.contracts.amendments {
            let message = match standing.rereview {
                Rereview::Missing => Message::new("msg.CR05.missing"),
                Rereview::Before { rereview, amendment } => Message::of(
                    "msg.CR05.before",
                    [
                        ("rereview", Arg::from(rereview.to_string())),
                        ("amendment", Arg::from(amendment.to_string())),
                    ],
                ),
                Rereview::Done | Rereview::Unreadable => continue,
            };
            out.push(ctx.finding(self, &register[standing.record], amendments::REREVIEW_DATE, message));
        }
    }
}

/// The rule's title, explanation and messages: key → [en, zh-Hant, zh-Hans].
#[rustfmt::skip]
static TEXTS: &[Entry] = &[
    ("rule.CR05.title", ["Amendment re-reviewed", "修訂已重新評審", "修订已重新评审"]),
    ("rule.CR05.explain", [
        "When changed product requirements change a contract, the changed requirements are reviewed again before the change is accepted (5.2.5.2 c, 5.2.1). Reported at the re-review date when it is blank or earlier than the amendment date. A re-review on the day of the amendment is in time.",
        "因產品要求變更而修改合同時，須對修訂內容重新評審後才可接受（5.2.5.2 c、5.2.1）。重新評審日期空白或早於修訂日期時，在重新評審日期處報告。修訂當天重新評審視為及時。",
        "因产品要求变更而修改合同时，须对修订内容重新评审后才可接受（5.2.5.2 c、5.2.1）。重新评审日期空白或早于修订日期时，在重新评审日期处报告。修订当天重新评审视为及时。",
    ]),
    ("msg.CR05.missing", [
        "No re-review date: review the amended requirements again before accepting the change (5.2.5.2 c).",
        "未填重新評審日期：修訂內容須重新評審後才可接受（5.2.5.2 c）。",
        "未填重新评审日期：修订内容须重新评审后才可接受（5.2.5.2 c）。",
    ]),
    ("msg.CR05.before", [
        "Re-reviewed on {rereview}, before the amendment of {amendment}: review the amendment as made (5.2.5.2 c).",
        "重新評審日期 {rereview} 早於修訂日期 {amendment}：請針對本次修訂內容重新評審（5.2.5.2 c）。",
        "重新评审日期 {rereview} 早于修订日期 {amendment}：请针对本次修订内容重新评审（5.2.5.2 c）。",
    ]),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    /// B: amendment date, D: re-review date.
    const HEADER: &str = "合同編號 | 修訂日期 | 修訂內容 | 重新評審日期";

    fn cr05(rows: &[&str]) -> Vec<Finding> {
        run(&Cr05, "2026-10", &[Sheet::new(Kind::Amendments, HEADER, rows)])
    }

    #[test]
    fn cr05_an_amendment_without_a_rereview_date_is_an_error_at_it() {
        let found = cr05(&["HT-1 | 2026-10-05 | 交貨期改為11月 | "]);
        assert_eq!(spots(&found), [spot("HT-1 2026-10-05", "D2", Severity::Error)]);
        assert_eq!(found[0].field, "rereview_date");
        assert_says(found[0].message.as_str(), &["No re-review date"]);
    }

    #[test]
    fn cr05_a_rereview_before_the_amendment_is_an_error() {
        let found = cr05(&["HT-1 | 2026-10-05 | 數量增加 | 2026-10-04"]);
        assert_eq!(spots(&found), [spot("HT-1 2026-10-05", "D2", Severity::Error)]);
        assert_says(
            found[0].message.as_str(),
            &["Re-reviewed on 2026-10-04", "before the amendment of 2026-10-05"],
        );
    }

    #[test]
    fn cr05_a_rereview_on_the_day_of_the_amendment_or_later_is_in_time() {
        let found = cr05(&[
            "HT-1 | 2026-10-05 | 數量增加 | 2026-10-05",
            "HT-2 | 2026-10-05 | 數量增加 | 2026-10-09",
        ]);
        assert_eq!(spots(&found), []);
    }

    #[test]
    fn cr05_an_unreadable_rereview_date_is_left_to_rg02() {
        assert_eq!(spots(&cr05(&["HT-1 | 2026-10-05 | 數量增加 | 2026/13/05"])), []);
    }

    #[test]
    fn cr05_an_amendment_of_another_month_gives_nothing() {
        assert_eq!(spots(&cr05(&["HT-1 | 2026-09-25 | 數量增加 | "])), []);
    }
}
