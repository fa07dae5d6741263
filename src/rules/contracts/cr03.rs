use super::has_review;
use crate::month::period::Coverage;
use crate::registers::{Kind, Value};
use crate::rules::finding::{Finding, Severity};
use crate::rules::{Context, Rule};

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
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let kind = Kind::Contracts;
        for (_, record, coverage) in ctx.records(kind) {
            if coverage != Coverage::Covered || !has_review(record) {
                continue;
            }
            let method = match record.get(kind, "review_method") {
                Some(Value::Enum(m)) => Some(*m),
                _ => None,
            };
            let oral = matches!(record.get(kind, "document_type"), Some(Value::Enum("oral_order")));
            let blank = |field: &str| record.get(kind, field).is_none() && !record.is_unreadable(kind, field);
            let mut missing: Vec<(&str, &'static str, String)> = Vec::new();
            if blank("review_form_no") {
                if oral {
                    missing.push(("review_form_no", "5.2.4.5; 6.2", ctx.text.get("msg.CR03.oral_form")));
                } else if let Some(m @ ("countersign" | "meeting")) = method {
                    let method = super::authority::method_label(&ctx.text, m);
                    missing.push((
                        "review_form_no",
                        "5.2.4.5; 6.3",
                        ctx.text.fmt("msg.CR03.form", &[("method", &method)]),
                    ));
                }
            }
            if method == Some("meeting") && blank("minutes_no") {
                missing.push(("minutes_no", "5.2.4.5; 6.6", ctx.text.get("msg.CR03.minutes")));
            }
            if blank("approver") {
                missing.push(("approver", "5.2.4.5", ctx.text.get("msg.CR03.approver")));
            }
            for (field, clause, message) in missing {
                out.push(Finding::at(
                    self.id(),
                    self.severity(),
                    clause,
                    ctx.registers,
                    kind,
                    record,
                    field,
                    message,
                ));
            }
        }
    }
}
