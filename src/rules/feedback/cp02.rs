//! CP02 complaint reply and record complete.

use crate::base::i18n::Entry;
use crate::base::message::Message;
use crate::registers::{feedback, AnyField, Kind, Record};
use crate::rules::finding::{Finding, Severity};
use crate::rules::{Context, Reads, Rule};

/// **CP02 complaint reply and record complete.** Once a complaint is handled, the process and
/// result are replied to the customer (Part 3 四, 復清楚) and the matter, the process and the result
/// are written in the complaint record (五, 記清楚).
///
/// Fires for a resolved complaint (a `resolved_date` is given) without `reply_date`, `reply` or
/// `action`; the finding is at the first blank one and the message names them all.
pub struct Cp02;

impl Rule for Cp02 {
    fn id(&self) -> &'static str {
        "CP02"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn clause(&self) -> &'static str {
        "Part 3 四, 五"
    }
    fn registers(&self) -> &'static [Kind] {
        &[Kind::Feedback]
    }
    fn reads(&self) -> &'static [Reads] {
        const READS: &[Reads] = &[
            Reads::read(feedback::KIND),
            Reads::reported_when(feedback::ACTION),
            Reads::reported_when(feedback::REPLY_DATE),
            Reads::reported_when(feedback::REPLY),
            Reads::read(feedback::RESOLVED_DATE),
        ];
        READS
    }
    fn texts(&self) -> &'static [Entry] {
        TEXTS
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let register = ctx.month.register(Kind::Feedback);
        for item in ctx.month.feedback.items.iter().filter(|i| i.complaint) {
            let record = &register[item.record];
            if !record.has(feedback::RESOLVED_DATE) {
                continue;
            }
            let missing = missing(record);
            let Some(first) = missing.first() else { continue };
            let (names, n) = ctx.fields(&missing);
            let message = Message::of("msg.CP02", [("missing", names), ("n", n)]);
            out.push(ctx.finding(self, record, *first, message));
        }
    }
}

/// What a resolved complaint's record lacks of its reply date, reply and actions (an unreadable
/// reply date is RG02's).
fn missing(record: &Record) -> Vec<AnyField> {
    let mut missing = Vec::new();
    if !record.has(feedback::REPLY_DATE) && !record.is_unreadable(feedback::REPLY_DATE) {
        missing.push(feedback::REPLY_DATE.any());
    }
    for field in [feedback::REPLY, feedback::ACTION] {
        if !record.has_text(field) {
            missing.push(field.any());
        }
    }
    missing
}

/// The rule's title, explanation and messages: key → [en, zh-Hant, zh-Hans].
#[rustfmt::skip]
static TEXTS: &[Entry] = &[
    ("rule.CP02.title", ["Complaint reply and record complete", "投訴回復及記錄完整", "投诉回复及记录完整"]),
    ("rule.CP02.explain", [
        "Once a complaint is handled, the process and the result are replied to the customer (Part 3 四, 復清楚) and the matter, the process and the result are written in the complaint record (五, 記清楚). A resolved complaint or grievance without a reply date, the reply or the action taken is an error. The finding is at the first blank one of those.",
        "投訴處理後，應及時把處理的過程及結果清楚地回復顧客（第三篇 四、復清楚），並把投訴事項、處理過程及結果記錄於《顧客投訴記錄》（五、記清楚）。已解決的投訴或抱怨缺少回復日期、回復內容或處理措施，即為錯誤。問題標在第一個空白的欄位。",
        "投诉处理后，应及时把处理的过程及结果清楚地回复顾客（第三篇 四、复清楚），并把投诉事项、处理过程及结果记录于《顾客投诉记录》（五、记清楚）。已解决的投诉或抱怨缺少回复日期、回复内容或处理措施，即为错误。问题标在第一个空白的列。",
    ]),
    ("msg.CP02", [
        "Complaint resolved, but {missing} {n|is|are} blank: reply the process and result to the customer and record them in the complaint record.",
        "投訴已解決，但{missing}未填寫：請把處理過程及結果回復顧客，並記錄在顧客投訴記錄中。",
        "投诉已解决，但{missing}未填写：请把处理过程及结果回复顾客，并记录在顾客投诉记录中。",
    ]),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::feedback::testing::*;

    #[test]
    fn cp02_resolved_complaint_needs_reply_and_action() {
        let found = check(
            &Cp02,
            &[
                &[
                    ("id", "A"),
                    ("received_date", "2026-10-02"),
                    COMPLAINT,
                    ("resolved_date", "2026-10-06"),
                    ("reply", "已處理"),
                ],
                &[
                    ("id", "B"),
                    ("received_date", "2026-10-02"),
                    COMPLAINT,
                    ("resolved_date", "2026-10-06"),
                    ("reply_date", "2026-10-06"),
                    ("reply", "您好,已更換"),
                    ("action", "更換零件"),
                ],
                &[("id", "C"), ("received_date", "2026-10-02"), COMPLAINT],
                &[
                    ("id", "D"),
                    ("received_date", "2026-10-02"),
                    ("kind", "表揚"),
                    ("resolved_date", "2026-10-06"),
                ],
            ],
        );
        assert_eq!(spots(&found), [spot("A", "M2", Severity::Error)]);
        assert!(
            found[0].message.as_str().contains("reply date and action are blank"),
            "{}",
            found[0].message.as_str()
        );
    }
}
