use crate::month::period::Coverage;
use crate::registers::Kind;
use crate::rules::finding::{Finding, Severity};
use crate::rules::{Context, Rule};

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
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let kind = Kind::Amendments;
        for (_, record, coverage) in ctx.records(kind) {
            if coverage != Coverage::Covered || record.is_unreadable(kind, "rereview_date") {
                continue;
            }
            let amended = record.date(kind, "amendment_date").map(|d| d.date);
            let message = match (record.date(kind, "rereview_date").map(|d| d.date), amended) {
                (None, _) => ctx.text.get("msg.CR05.missing"),
                (Some(r), Some(a)) if r < a => ctx.text.fmt(
                    "msg.CR05.before",
                    &[("rereview", &r.to_string()), ("amendment", &a.to_string())],
                ),
                _ => continue,
            };
            out.push(self.finding(ctx, kind, record, "rereview_date", message));
        }
    }
}
