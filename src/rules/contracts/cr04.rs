//! CR04 customer told of revised or rejected requirements.

use crate::base::i18n::Entry;
use crate::base::message::Message;
use crate::registers::{contracts, Kind};
use crate::rules::finding::{Finding, Severity};
use crate::rules::{Context, Reads, Rule};

/// **CR04 customer told of revised or rejected requirements.** When the review finds a
/// requirement unclear or unacceptable, the sales company takes it back to the customer and
/// revises the bid, contract or order, or declines it (procedure 5.2.4.4 b), and records that
/// communication (5.2.4.5, 6.7).
///
/// Fires on an `outcome` of revised or rejected without a `customer_contact_date`. An unreadable
/// contact date is left to RG02.
pub struct Cr04;

impl Rule for Cr04 {
    fn id(&self) -> &'static str {
        "CR04"
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
    fn clause(&self) -> &'static str {
        "5.2.4.4 b"
    }
    fn registers(&self) -> &'static [Kind] {
        &[Kind::Contracts]
    }
    fn reads(&self) -> &'static [Reads] {
        const READS: &[Reads] = &[
            Reads::read(contracts::OUTCOME),
            Reads::reported_when(contracts::CUSTOMER_CONTACT_DATE),
        ];
        READS
    }
    fn texts(&self) -> &'static [Entry] {
        TEXTS
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let contact = contracts::CUSTOMER_CONTACT_DATE;
        for (_, record) in ctx.month.covered(Kind::Contracts) {
            let Some(outcome @ ("revised" | "rejected")) = record.code(contracts::OUTCOME) else {
                continue;
            };
            if record.has(contact) || record.is_unreadable(contact) {
                continue;
            }
            let message = Message::new(format!("msg.CR04.{outcome}"));
            out.push(ctx.finding(self, record, contact, message));
        }
    }
}

/// The rule's title, explanation and messages: key → [en, zh-Hant, zh-Hans].
#[rustfmt::skip]
static TEXTS: &[Entry] = &[
    ("rule.CR04.title", ["Customer told of revised or rejected requirements", "修訂或拒絕已與顧客溝通", "修订或拒绝已与顾客沟通"]),
    ("rule.CR04.explain", [
        "When the review finds requirements unclear or unacceptable, the sales company talks to the customer and revises the bid, contract or order, or declines it (5.2.4.4 b), and records that communication. Reported at the customer contact date when the outcome is revised or rejected and that date is blank.",
        "評審中發現標書、合同或訂單有不明確或無法接受的要求時，銷售公司應與顧客溝通，修訂要求或拒絕接受（5.2.4.4 b），並記錄溝通情況。評審結論為修訂後接受或拒絕而與顧客溝通日期空白時，在該日期處報告。",
        "评审中发现标书、合同或订单有不明确或无法接受的要求时，销售公司应与顾客沟通，修订要求或拒绝接受（5.2.4.4 b），并记录沟通情况。评审结论为修订后接受或拒绝而与顾客沟通日期空白时，在该日期处报告。",
    ]),
    ("msg.CR04.revised", [
        "Requirements revised in the review, but no customer contact date: agree the revision with the customer and record when (5.2.4.4 b).",
        "評審結論為修訂後接受，但未填與顧客溝通日期：請與顧客溝通修訂內容，並記錄溝通日期（5.2.4.4 b）。",
        "评审结论为修订后接受，但未填与顾客沟通日期：请与顾客沟通修订内容，并记录沟通日期（5.2.4.4 b）。",
    ]),
    ("msg.CR04.rejected", [
        "Order rejected in the review, but no customer contact date: tell the customer and record when (5.2.4.4 b).",
        "評審結論為拒絕，但未填與顧客溝通日期：請告知顧客，並記錄溝通日期（5.2.4.4 b）。",
        "评审结论为拒绝，但未填与顾客沟通日期：请告知顾客，并记录沟通日期（5.2.4.4 b）。",
    ]),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    /// F: review outcome, G: customer contact date.
    const HEADER: &str = "合同編號 | 顧客 | 類型 | 產品類別 | 接收日期 | 評審結論 | 與顧客溝通日期";

    fn cr04(rows: &[&str]) -> Vec<Finding> {
        run(&Cr04, "2026-10", &[Sheet::new(Kind::Contracts, HEADER, rows)])
    }

    #[test]
    fn cr04_revised_or_rejected_without_a_contact_date_is_a_warning_at_that_date() {
        let found = cr04(&[
            "HT-1 | 甲公司 | 合同 | 常規產品 | 2026-10-05 | 修訂後接受 | ",
            "HT-2 | 乙公司 | 標書 | 新產品 | 2026-10-06 | 拒絕 | ",
        ]);
        assert_eq!(
            spots(&found),
            [
                spot("HT-1", "G2", Severity::Warning),
                spot("HT-2", "G3", Severity::Warning)
            ]
        );
        assert_eq!(found[0].field, "customer_contact_date");
        assert_says(found[0].message.as_str(), &["revised", "no customer contact date"]);
        assert_says(found[1].message.as_str(), &["rejected", "tell the customer"]);
    }

    #[test]
    fn cr04_accepted_or_no_outcome_needs_no_contact_and_a_recorded_contact_is_enough() {
        let found = cr04(&[
            "HT-1 | 甲公司 | 合同 | 常規產品 | 2026-10-05 | 接受 | ",
            "HT-2 | 乙公司 | 合同 | 常規產品 | 2026-10-05 |  | ",
            "HT-3 | 丙公司 | 合同 | 常規產品 | 2026-10-05 | 修訂後接受 | 2026-10-07",
            "HT-4 | 丁公司 | 合同 | 常規產品 | 2026-10-05 | 拒絕 | 2026-10-06",
        ]);
        assert_eq!(spots(&found), []);
    }

    #[test]
    fn cr04_an_unreadable_contact_date_is_left_to_rg02() {
        let found = cr04(&["HT-1 | 甲公司 | 合同 | 常規產品 | 2026-10-05 | 修訂後接受 | 下週一"]);
        assert_eq!(spots(&found), []);
    }

    #[test]
    fn cr04_a_row_of_another_month_gives_nothing() {
        let found = cr04(&["HT-1 | 甲公司 | 合同 | 常規產品 | 2026-09-05 | 拒絕 | "]);
        assert_eq!(spots(&found), []);
    }
}
