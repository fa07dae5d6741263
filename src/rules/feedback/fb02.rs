//! FB02 after-sales service reported.

use crate::base::i18n::Entry;
use crate::base::message::Message;
use crate::registers::field::Text;
use crate::registers::{feedback, Field, Kind};
use crate::rules::finding::{Finding, Severity};
use crate::rules::{Context, Reads, Rule};

/// **FB02 after-sales service reported.** After after-sales service the sales company and the
/// service staff fill in the after-sales service report (售後服務報告單, record 6.10) with what
/// was done, the customer's evaluation and the verification of the result (Part 1 5.3.4).
///
/// Fires when `service_required` is ticked or a `service_date` is given and any of
/// `service_report_no`, `customer_evaluation`, `verification` is blank; the finding is at the
/// first blank one and the message names them all.
pub struct Fb02;

impl Rule for Fb02 {
    fn id(&self) -> &'static str {
        "FB02"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn clause(&self) -> &'static str {
        "5.3.4; 6.10"
    }
    fn registers(&self) -> &'static [Kind] {
        &[Kind::Feedback]
    }
    fn reads(&self) -> &'static [Reads] {
        const READS: &[Reads] = &[
            Reads::read(feedback::SERVICE_REQUIRED),
            Reads::read(feedback::SERVICE_DATE),
            Reads::reported_when(feedback::SERVICE_REPORT_NO),
            Reads::reported_when(feedback::CUSTOMER_EVALUATION),
            Reads::reported_when(feedback::VERIFICATION),
        ];
        READS
    }
    fn texts(&self) -> &'static [Entry] {
        TEXTS
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let register = ctx.month.register(Kind::Feedback);
        for item in ctx.month.feedback.items.iter().filter(|i| i.service) {
            let record = &register[item.record];
            let missing: Vec<Field<Text>> = SERVICE_RECORD.into_iter().filter(|f| !record.has_text(*f)).collect();
            let Some(first) = missing.first() else { continue };
            let (names, n) = ctx.fields(&missing);
            let message = Message::of("msg.FB02", [("missing", names), ("n", n)]);
            out.push(ctx.finding(self, record, *first, message));
        }
    }
}

/// The after-sales service report: its number, the customer's evaluation, the verification.
const SERVICE_RECORD: [Field<Text>; 3] = [
    feedback::SERVICE_REPORT_NO,
    feedback::CUSTOMER_EVALUATION,
    feedback::VERIFICATION,
];

/// The rule's title, explanation and messages: key → [en, zh-Hant, zh-Hans].
#[rustfmt::skip]
static TEXTS: &[Entry] = &[
    ("rule.FB02.title", ["After-sales service reported", "售後服務已填寫報告單", "售后服务已填写报告单"]),
    ("rule.FB02.explain", [
        "After after-sales service, the sales company and the service staff fill in the after-sales service report (售後服務報告單, record 6.10) with what was done, the customer's evaluation and the verification of the result (5.3.4). A row with after-sales service required or a service date, but without the service report number, the customer's evaluation or the verification, is an error. The finding is at the first blank one of those.",
        "實施售後服務後，銷售公司及售後服務人員應填寫售後服務報告單（記錄 6.10），記錄服務內容、顧客評價意見和驗證結果（5.3.4）。標明需售後服務或填有服務日期的行，若缺少售後服務報告單號、顧客評價或驗證結果，即為錯誤。問題標在第一個空白的欄位。",
        "实施售后服务后，销售公司及售后服务人员应填写售后服务报告单（记录 6.10），记录服务内容、顾客评价意见和验证结果（5.3.4）。标明需售后服务或填有服务日期的行，若缺少售后服务报告单号、顾客评价或验证结果，即为错误。问题标在第一个空白的列。",
    ]),
    ("msg.FB02", [
        "After-sales service without a complete service report: {missing} {n|is|are} blank. Fill in the after-sales service report (售後服務報告單) with its number, the customer's evaluation and the verification.",
        "已安排售後服務，但{missing}未填寫。請填寫售後服務報告單，記錄報告單號、顧客評價和驗證結果。",
        "已安排售后服务，但{missing}未填写。请填写售后服务报告单，记录报告单号、顾客评价和验证结果。",
    ]),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::feedback::testing::*;

    #[test]
    fn fb02_names_every_missing_part_at_the_first() {
        let found = check(
            &Fb02,
            &[
                &[
                    ("id", "F1"),
                    ("received_date", "2026-10-02"),
                    ("service_required", "是"),
                    ("customer_evaluation", "滿意"),
                ],
                &[
                    ("id", "F2"),
                    ("received_date", "2026-10-02"),
                    ("service_date", "2026-10-05"),
                    ("service_report_no", "SR-1"),
                    ("customer_evaluation", "滿意"),
                    ("verification", "合格"),
                ],
                &[
                    ("id", "F3"),
                    ("received_date", "2026-10-02"),
                    ("service_required", "否"),
                ],
                &[
                    ("id", "F4"),
                    ("received_date", "2026-10-02"),
                    ("service_date", "2026-10-05"),
                    ("service_report_no", "SR-2"),
                    ("customer_evaluation", "滿意"),
                ],
            ],
        );
        assert_eq!(
            spots(&found),
            [spot("F1", "J2", Severity::Error), spot("F4", "L5", Severity::Error)]
        );
        assert!(
            found[0]
                .message
                .as_str()
                .contains("service report no and verification are blank"),
            "{}",
            found[0].message.as_str()
        );
    }
}
