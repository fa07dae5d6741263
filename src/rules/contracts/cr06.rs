use crate::month::period::Coverage;
use crate::registers::Kind;
use crate::rules::finding::{Finding, Severity};
use crate::rules::{Context, Rule};

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
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let kind = Kind::Amendments;
        let limit = i64::from(ctx.settings.contracts.notice_days);
        for (_, record, coverage) in ctx.records(kind) {
            if coverage != Coverage::Covered {
                continue;
            }
            let mut push = |field: &str, message: String| {
                out.push(self.finding(ctx, kind, record, field, message));
            };
            let no_number = record.get(kind, "notice_no").is_none();
            let no_date = record.get(kind, "notice_date").is_none() && !record.is_unreadable(kind, "notice_date");
            let limit_text = limit.to_string();
            let days = [("days", limit_text.as_str())];
            match (no_number, no_date) {
                (true, true) => push("notice_no", ctx.text.fmt("msg.CR06.missing", &days)),
                (true, false) => push("notice_no", ctx.text.get("msg.CR06.no_number")),
                (false, true) => push("notice_date", ctx.text.fmt("msg.CR06.no_date", &days)),
                (false, false) => {}
            }
            let (Some(notice), Some(rereview)) = (record.date(kind, "notice_date"), record.date(kind, "rereview_date"))
            else {
                continue;
            };
            let late = (notice.date - rereview.date).num_days();
            if late > limit {
                push(
                    "notice_date",
                    ctx.text.fmt(
                        "msg.CR06.late",
                        &[
                            ("notice", &notice.date.to_string()),
                            ("rereview", &rereview.date.to_string()),
                            ("late", &late.to_string()),
                            ("days", &limit.to_string()),
                        ],
                    ),
                );
            }
        }
    }
}
