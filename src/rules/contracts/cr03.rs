//! CR03 review record kept.

use crate::base::i18n::Entry;
use crate::base::message::Message;
use crate::month::authority::method_arg;
use crate::registers::{contracts, AnyField, Kind, Record};
use crate::rules::finding::{Finding, Severity};
use crate::rules::{Context, Reads, Rule};

/// **CR03 review record kept.** The review, its coordination and the communication with the
/// customer are recorded (procedure 5.2.4.5): a countersign or meeting review on the product
/// requirement review form 產品要求評審單 (6.3), an oral order on the oral-contract record and
/// review form 口頭合同記錄評審單 (6.2), a meeting review also in the meeting minutes 評審會議記錄
/// (6.6); and every review names who approved it.
///
/// Fires once per missing record, at its cell: `review_form_no` for countersign and meeting
/// reviews and for oral orders, `minutes_no` for meeting reviews, `approver` for every review.
/// An order without any review is CR01's alone. When the review method is blank or unreadable,
/// only what does not depend on it is checked (CR02 reports the method).
pub struct Cr03;

impl Rule for Cr03 {
    fn id(&self) -> &'static str {
        "CR03"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn clause(&self) -> &'static str {
        "5.2.4.5; 6.2; 6.3; 6.6"
    }
    fn registers(&self) -> &'static [Kind] {
        &[Kind::Contracts]
    }
    fn reads(&self) -> &'static [Reads] {
        const READS: &[Reads] = &[
            Reads::read(contracts::DOCUMENT_TYPE),
            Reads::read(contracts::REVIEW_METHOD),
            Reads::reported(contracts::APPROVER),
            Reads::reported_when(contracts::REVIEW_FORM_NO),
            Reads::reported_when(contracts::MINUTES_NO),
        ];
        READS
    }
    fn texts(&self) -> &'static [Entry] {
        TEXTS
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let register = ctx.month.register(Kind::Contracts);
        for standing in ctx.month.contracts.contracts.iter().filter(|s| s.reviewed) {
            let record = &register[standing.record];
            for (field, clause, message) in missing_records(record) {
                out.push(ctx.finding_as(self, self.severity(), clause, record, field, message));
            }
        }
    }
}

/// The records a reviewed order lacks: (the field, the clause asking for it, the message).
fn missing_records(record: &Record) -> Vec<(AnyField, &'static str, Message)> {
    let method = record.code(contracts::REVIEW_METHOD);
    let oral = record.code(contracts::DOCUMENT_TYPE) == Some("oral_order");
    let blank = |field: AnyField| !record.has(field) && !record.is_unreadable(field);
    let mut missing = Vec::new();
    if blank(contracts::REVIEW_FORM_NO.any()) {
        let form = contracts::REVIEW_FORM_NO.any();
        if oral {
            missing.push((form, "5.2.4.5; 6.2", Message::new("msg.CR03.oral_form")));
        } else if let Some(m @ ("countersign" | "meeting")) = method {
            missing.push((
                form,
                "5.2.4.5; 6.3",
                Message::of("msg.CR03.form", [("method", method_arg(m))]),
            ));
        }
    }
    if method == Some("meeting") && blank(contracts::MINUTES_NO.any()) {
        missing.push((
            contracts::MINUTES_NO.any(),
            "5.2.4.5; 6.6",
            Message::new("msg.CR03.minutes"),
        ));
    }
    if blank(contracts::APPROVER.any()) {
        missing.push((contracts::APPROVER.any(), "5.2.4.5", Message::new("msg.CR03.approver")));
    }
    missing
}

/// The rule's title, explanation and messages: key → [en, zh-Hant, zh-Hans].
#[rustfmt::skip]
static TEXTS: &[Entry] = &[
    ("rule.CR03.title", ["Review record kept", "評審記錄齊全", "评审记录齐全"]),
    ("rule.CR03.explain", [
        "A review leaves its records (5.2.4.5): countersign and meeting reviews a product requirement review form (6.3), oral orders an oral-contract record and review form (6.2), meeting reviews also the minutes of the review meeting (6.6); and every review names its approver. Reported at the missing number or name: review form no., minutes no., approver. An order with no review at all is reported by CR01 only.",
        "評審須留下記錄（5.2.4.5）：會簽評審和會議評審填寫產品要求評審單（6.3），口頭訂單填寫口頭合同記錄評審單（6.2），會議評審另有評審會議記錄（6.6）；每次評審都須寫明批准人。在缺少的編號或姓名處報告：評審單編號、會議記錄編號、批准人。完全未評審的單只由 CR01 報告。",
        "评审须留下记录（5.2.4.5）：会签评审和会议评审填写产品要求评审单（6.3），口头订单填写口头合同记录评审单（6.2），会议评审另有评审会议记录（6.6）；每次评审都须写明批准人。在缺少的编号或姓名处报告：评审单编号、会议记录编号、批准人。完全未评审的单只由 CR01 报告。",
    ]),
    ("msg.CR03.oral_form", [
        "Oral order without a review form number: record the order and its review on the oral-contract record and review form (6.2) and enter its number.",
        "口頭訂單未填評審單編號：請將訂單及評審記錄在口頭合同記錄評審單（6.2）上，並登記編號。",
        "口头订单未填评审单编号：请将订单及评审记录在口头合同记录评审单（6.2）上，并登记编号。",
    ]),
    ("msg.CR03.form", [
        "{method} without a review form number: record it on the product requirement review form (6.3) and enter its number.",
        "{method}未填評審單編號：請填寫產品要求評審單（6.3），並登記編號。",
        "{method}未填评审单编号：请填写产品要求评审单（6.3），并登记编号。",
    ]),
    ("msg.CR03.minutes", [
        "Meeting review without a minutes number: keep the minutes of the review meeting (6.6) and enter their number.",
        "會議評審未填會議記錄編號：請保存評審會議記錄（6.6），並登記編號。",
        "会议评审未填会议记录编号：请保存评审会议记录（6.6），并登记编号。",
    ]),
    ("msg.CR03.approver", [
        "No approver: enter who approved the review (5.2.4).",
        "未填批准人：請填寫批准此次評審的人員（5.2.4）。",
        "未填批准人：请填写批准此次评审的人员（5.2.4）。",
    ]),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    /// F: review method, H: approver, I: review form no., J: minutes no.
    const HEADER: &str =
        "合同編號 | 顧客 | 類型 | 產品類別 | 接收日期 | 評審方式 | 評審日期 | 批准人 | 評審單編號 | 會議記錄編號";

    fn cr03(rows: &[&str]) -> Vec<Finding> {
        run(&Cr03, "2026-10", &[Sheet::new(Kind::Contracts, HEADER, rows)])
    }

    #[test]
    fn cr03_a_countersign_review_without_its_form_is_an_error_at_the_form_number() {
        let found = cr03(&["HT-1 | 甲公司 | 合同 | 非常規產品 | 2026-10-05 | 會簽評審 | 2026-10-06 | 王明 |  | "]);
        assert_eq!(spots(&found), [spot("HT-1", "I2", Severity::Error)]);
        assert_eq!(
            (found[0].field.as_str(), found[0].clause),
            ("review_form_no", "5.2.4.5; 6.3")
        );
        assert_says(
            found[0].message.as_str(),
            &["Countersign review", "product requirement review form (6.3)"],
        );
    }

    #[test]
    fn cr03_a_meeting_review_needs_its_form_and_its_minutes() {
        let found = cr03(&[
            "HT-1 | 甲公司 | 合同 | 新產品 | 2026-10-05 | 會議評審 | 2026-10-06 | 王明 |  | ",
            "HT-2 | 甲公司 | 合同 | 新產品 | 2026-10-05 | 會議評審 | 2026-10-06 | 王明 | PR-2 | MM-2",
        ]);
        assert_eq!(
            spots(&found),
            [spot("HT-1", "I2", Severity::Error), spot("HT-1", "J2", Severity::Error)]
        );
        assert_eq!(found[1].clause, "5.2.4.5; 6.6");
        assert_says(found[1].message.as_str(), &["Meeting review without a minutes number"]);
    }

    #[test]
    fn cr03_an_oral_order_needs_its_oral_contract_record_other_authorized_reviews_no_form() {
        let found = cr03(&[
            "HT-1 | 甲公司 | 電話訂貨 | 常規產品 | 2026-10-05 | 授權人員評審 | 2026-10-05 | 王明 |  | ",
            "HT-2 | 甲公司 | 合同 | 常規產品 | 2026-10-05 | 授權人員評審 | 2026-10-05 | 王明 |  | ",
        ]);
        assert_eq!(spots(&found), [spot("HT-1", "I2", Severity::Error)]);
        assert_eq!(found[0].clause, "5.2.4.5; 6.2");
        assert_says(
            found[0].message.as_str(),
            &["Oral order", "oral-contract record and review form (6.2)"],
        );
    }

    #[test]
    fn cr03_every_review_names_its_approver() {
        let found = cr03(&["HT-1 | 甲公司 | 合同 | 常規產品 | 2026-10-05 | 授權人員評審 | 2026-10-06 |  |  | "]);
        assert_eq!(spots(&found), [spot("HT-1", "H2", Severity::Error)]);
        assert_says(found[0].message.as_str(), &["No approver"]);
    }

    #[test]
    fn cr03_an_order_without_any_review_is_cr01s_alone() {
        let found = cr03(&["HT-1 | 甲公司 | 電話訂貨 | 常規產品 | 2026-10-05 |  |  |  |  | "]);
        assert_eq!(spots(&found), []);
    }

    #[test]
    fn cr03_with_the_method_blank_or_unreadable_only_the_approver_is_checked() {
        let found = cr03(&[
            "HT-1 | 甲公司 | 合同 | 非常規產品 | 2026-10-05 |  | 2026-10-06 |  |  | ",
            "HT-2 | 甲公司 | 合同 | 非常規產品 | 2026-10-05 | 電郵評審 | 2026-10-06 | 王明 |  | ",
        ]);
        assert_eq!(spots(&found), [spot("HT-1", "H2", Severity::Error)]);
    }

    #[test]
    fn cr03_a_row_of_another_month_gives_nothing() {
        let found = cr03(&["HT-1 | 甲公司 | 合同 | 新產品 | 2026-09-05 | 會議評審 | 2026-09-06 |  |  | "]);
        assert_eq!(spots(&found), []);
    }
}
