//! CR01 reviewed before commitment.

use crate::base::i18n::Entry;
use crate::base::message::{Arg, Message};
use crate::month::contracts::ReviewTiming;
use crate::registers::{contracts, Kind};
use crate::rules::finding::{Finding, Severity};
use crate::rules::{Context, Reads, Rule};

/// **CR01 reviewed before commitment.** Every bid, contract and order, oral and telephone orders
/// and commissions included, is reviewed before the company commits to the customer (procedure
/// 5.2.1): before the bid is sent, the contract signed or the order accepted. The register must
/// show a `review_date`, on or before the `commitment_date` (for a bid, the bid date).
///
/// Fires when the review date is blank, or is after the commitment date. A review on the day of
/// commitment is in time (the register keeps days, not hours). An unreadable review date is left
/// to RG02; a blank commitment date leaves nothing to compare.
pub struct Cr01;

impl Rule for Cr01 {
    fn id(&self) -> &'static str {
        "CR01"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn clause(&self) -> &'static str {
        "5.2.1"
    }
    fn registers(&self) -> &'static [Kind] {
        &[Kind::Contracts]
    }
    fn reads(&self) -> &'static [Reads] {
        const READS: &[Reads] = &[
            Reads::reported(contracts::REVIEW_DATE),
            Reads::read(contracts::COMMITMENT_DATE),
        ];
        READS
    }
    fn texts(&self) -> &'static [Entry] {
        TEXTS
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let register = ctx.month.register(Kind::Contracts);
        for standing in &ctx.month.contracts.contracts {
            let message = match standing.timing {
                ReviewTiming::Missing { commitment: Some(c) } => {
                    Message::of("msg.CR01.missing_committed", [("commitment", Arg::from(c.to_string()))])
                }
                ReviewTiming::Missing { commitment: None } => Message::new("msg.CR01.missing"),
                ReviewTiming::Late { review, commitment } => Message::of(
                    "msg.CR01.late",
                    [
                        ("review", Arg::from(review.to_string())),
                        ("commitment", Arg::from(commitment.to_string())),
                    ],
                ),
                ReviewTiming::InTime | ReviewTiming::Unreadable => continue,
            };
            out.push(ctx.finding(self, &register[standing.record], contracts::REVIEW_DATE, message));
        }
    }
}

/// The rule's title, explanation and messages: key → [en, zh-Hant, zh-Hans].
#[rustfmt::skip]
static TEXTS: &[Entry] = &[
    ("rule.CR01.title", ["Reviewed before commitment", "承諾前評審", "承诺前评审"]),
    ("rule.CR01.explain", [
        "Every bid, contract and order, oral and telephone orders and commissions included, is reviewed before the company commits to the customer: before the bid is sent, the contract signed or the order accepted (5.2.1). The register must show a review date on or before the commitment date (for a bid, the bid date). Reported at the review date when it is blank or later than the commitment date. A review on the day of commitment is in time.",
        "每一份標書、合同或訂單（包括口頭訂單、電話訂貨和委託單）都須在向顧客做出承諾前評審：投標、簽訂合同或接受訂單之前（5.2.1）。台帳須有評審日期，且不晚於承諾日期（標書為投標日期）。評審日期空白或晚於承諾日期時，在評審日期處報告。承諾當天評審視為及時。",
        "每一份标书、合同或订单（包括口头订单、电话订货和委托单）都须在向顾客做出承诺前评审：投标、签订合同或接受订单之前（5.2.1）。台账须有评审日期，且不晚于承诺日期（标书为投标日期）。评审日期空白或晚于承诺日期时，在评审日期处报告。承诺当天评审视为及时。",
    ]),
    ("msg.CR01.missing", [
        "No review date: review the bid, contract or order before committing to the customer, and record the date (5.2.1).",
        "未填評審日期：標書、合同或訂單須在向顧客承諾前評審，並記錄評審日期（5.2.1）。",
        "未填评审日期：标书、合同或订单须在向顾客承诺前评审，并记录评审日期（5.2.1）。",
    ]),
    ("msg.CR01.missing_committed", [
        "No review date, yet committed on {commitment}: a bid, contract or order is reviewed before the commitment (5.2.1). Record the review.",
        "未填評審日期，但已於 {commitment} 承諾。標書、合同或訂單須在承諾前評審（5.2.1），請補記評審。",
        "未填评审日期，但已于 {commitment} 承诺。标书、合同或订单须在承诺前评审（5.2.1），请补记评审。",
    ]),
    ("msg.CR01.late", [
        "Reviewed on {review}, after the commitment on {commitment}: the review must come first (5.2.1).",
        "評審日期 {review} 晚於承諾日期 {commitment}，應先評審、後承諾（5.2.1）。",
        "评审日期 {review} 晚于承诺日期 {commitment}，应先评审、后承诺（5.2.1）。",
    ]),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    /// F: review date, G: commitment date.
    const HEADER: &str = "合同編號 | 顧客 | 類型 | 產品類別 | 接收日期 | 評審日期 | 承諾日期";

    fn cr01(month: &str, rows: &[&str]) -> Vec<Finding> {
        run(&Cr01, month, &[Sheet::new(Kind::Contracts, HEADER, rows)])
    }

    #[test]
    fn cr01_reviewed_after_the_commitment_is_an_error_at_the_review_date() {
        let found = cr01(
            "2026-10",
            &["HT-1 | 甲公司 | 合同 | 常規產品 | 2026-10-01 | 2026-10-08 | 2026-10-05"],
        );
        assert_eq!(spots(&found), [spot("HT-1", "F2", Severity::Error)]);
        assert_eq!(found[0].field, "review_date");
        assert_says(
            found[0].message.as_str(),
            &["Reviewed on 2026-10-08", "after the commitment on 2026-10-05"],
        );
    }

    #[test]
    fn cr01_reviewed_before_or_on_the_day_of_the_commitment_is_in_time() {
        let found = cr01(
            "2026-10",
            &[
                "HT-1 | 甲公司 | 合同 | 常規產品 | 2026-10-01 | 2026-10-03 | 2026-10-05",
                "HT-2 | 乙公司 | 訂單 | 常規產品 | 2026-10-01 | 2026-10-06 | 2026-10-06",
            ],
        );
        assert_eq!(spots(&found), []);
    }

    #[test]
    fn cr01_no_review_date_is_an_error_with_or_without_a_commitment() {
        let found = cr01(
            "2026-10",
            &[
                "HT-1 | 甲公司 | 合同 | 常規產品 | 2026-10-01 |  | 2026-10-09",
                "HT-2 | 乙公司 | 訂單 | 常規產品 | 2026-10-20 |  | ",
            ],
        );
        assert_eq!(
            spots(&found),
            [spot("HT-1", "F2", Severity::Error), spot("HT-2", "F3", Severity::Error)]
        );
        assert_says(
            found[0].message.as_str(),
            &["No review date", "committed on 2026-10-09"],
        );
        assert_says(
            found[1].message.as_str(),
            &["No review date: review the bid, contract or order before"],
        );
    }

    #[test]
    fn cr01_oral_orders_and_commissions_are_reviewed_too() {
        let found = cr01(
            "2026-10",
            &[
                "HT-1 | 甲公司 | 電話訂貨 | 常規產品 | 2026-10-12 |  | 2026-10-12",
                "HT-2 | 乙公司 | 委託單 | 非常規產品 | 2026-10-12 |  | 2026-10-13",
            ],
        );
        assert_eq!(
            spots(&found),
            [spot("HT-1", "F2", Severity::Error), spot("HT-2", "F3", Severity::Error)]
        );
    }

    #[test]
    fn cr01_an_unreadable_review_date_is_left_to_rg02() {
        let found = cr01(
            "2026-10",
            &["HT-1 | 甲公司 | 合同 | 常規產品 | 2026-10-01 | 2026/13/05 | 2026-10-05"],
        );
        assert_eq!(spots(&found), []);
    }

    #[test]
    fn cr01_a_blank_commitment_date_leaves_a_review_nothing_to_be_late_for() {
        let found = cr01(
            "2026-10",
            &["HT-1 | 甲公司 | 標書 | 常規產品 | 2026-10-01 | 2026-10-16 | "],
        );
        assert_eq!(spots(&found), []);
    }

    #[test]
    fn cr01_only_rows_received_or_committed_in_the_month_are_judged() {
        let rows = [
            "HT-9 | 甲公司 | 合同 | 常規產品 | 2026-09-02 |  | 2026-09-05",
            // Received in September, committed in October: both months cover it.
            "HT-10 | 乙公司 | 合同 | 常規產品 | 2026-09-28 | 2026-10-05 | 2026-10-02",
        ];
        assert_eq!(spots(&cr01("2026-10", &rows)), [spot("HT-10", "F3", Severity::Error)]);
        let september = [
            spot("HT-9", "F2", Severity::Error),
            spot("HT-10", "F3", Severity::Error),
        ];
        assert_eq!(spots(&cr01("2026-09", &rows)), september);
        assert_eq!(spots(&cr01("2026-11", &rows)), []);
    }
}
