//! CR01 reviewed before commitment.

use crate::base::i18n::Entry;
use crate::month::contracts::ReviewTiming;
use crate::registers::{contracts, Kind};
use crate::rules::finding::{Finding, Severity};
use crate::rules::{Context, Rule};

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
    fn texts(&self) -> &'static [Entry] {
        TEXTS
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let register = ctx.month.register(Kind::Contracts);
        for standing in &ctx.month.contracts.contracts {
            let message = match standing.timing {
                ReviewTiming::Missing { commitment: Some(c) } => ctx
                    .text
                    .fmt("msg.CR01.missing_committed", &[("commitment", &c.to_string())]),
                ReviewTiming::Missing { commitment: None } => ctx.text.get("msg.CR01.missing"),
                ReviewTiming::Late { review, commitment } => ctx.text.fmt(
                    "msg.CR01.late",
                    &[("review", &review.to_string()), ("commitment", &commitment.to_string())],
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
        "每一份標書、合同或訂單(包括口頭訂單、電話訂貨和委託單)都須在向顧客做出承諾前評審:投標、簽訂合同或接受訂單之前(5.2.1)。台帳須有評審日期,且不晚於承諾日期(標書為投標日期)。評審日期空白或晚於承諾日期時,在評審日期處報告。承諾當天評審視為及時。",
        "每一份标书、合同或订单(包括口头订单、电话订货和委托单)都须在向顾客做出承诺前评审:投标、签订合同或接受订单之前(5.2.1)。台账须有评审日期,且不晚于承诺日期(标书为投标日期)。评审日期空白或晚于承诺日期时,在评审日期处报告。承诺当天评审视为及时。",
    ]),
    ("msg.CR01.missing", [
        "no review date: review the bid, contract or order before committing to the customer, and record the date (5.2.1)",
        "未填評審日期:標書、合同或訂單須在向顧客承諾前評審,並記錄評審日期(5.2.1)",
        "未填评审日期:标书、合同或订单须在向顾客承诺前评审,并记录评审日期(5.2.1)",
    ]),
    ("msg.CR01.missing_committed", [
        "no review date, yet committed on {commitment}: a bid, contract or order is reviewed before the commitment (5.2.1); record the review",
        "未填評審日期,但已於 {commitment} 承諾:標書、合同或訂單須在承諾前評審(5.2.1);請補記評審",
        "未填评审日期,但已于 {commitment} 承诺:标书、合同或订单须在承诺前评审(5.2.1);请补记评审",
    ]),
    ("msg.CR01.late", [
        "reviewed on {review}, after the commitment on {commitment}: the review must come first (5.2.1)",
        "評審日期 {review} 晚於承諾日期 {commitment}:須先評審後承諾(5.2.1)",
        "评审日期 {review} 晚于承诺日期 {commitment}:须先评审后承诺(5.2.1)",
    ]),
];
