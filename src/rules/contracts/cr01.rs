use crate::month::period::Coverage;
use crate::registers::Kind;
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
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let kind = Kind::Contracts;
        for (_, record, coverage) in ctx.records(kind) {
            if coverage != Coverage::Covered || record.is_unreadable(kind, "review_date") {
                continue;
            }
            let committed = record.date(kind, "commitment_date").map(|d| d.date);
            let message = match (record.date(kind, "review_date").map(|d| d.date), committed) {
                (None, Some(c)) => ctx
                    .text
                    .fmt("msg.CR01.missing_committed", &[("commitment", &c.to_string())]),
                (None, None) => ctx.text.get("msg.CR01.missing"),
                (Some(r), Some(c)) if r > c => ctx.text.fmt(
                    "msg.CR01.late",
                    &[("review", &r.to_string()), ("commitment", &c.to_string())],
                ),
                _ => continue,
            };
            out.push(self.finding(ctx, kind, record, "review_date", message));
        }
    }
}
