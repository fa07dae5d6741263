use crate::month::period::Coverage;
use crate::registers::{Kind, Value};
use crate::rules::finding::{Finding, Severity};
use crate::rules::{Context, Rule};

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
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let kind = Kind::Contracts;
        for (_, record, coverage) in ctx.records(kind) {
            if coverage != Coverage::Covered {
                continue;
            }
            let Some(Value::Enum(outcome @ ("revised" | "rejected"))) = record.get(kind, "outcome") else {
                continue;
            };
            if record.get(kind, "customer_contact_date").is_some()
                || record.is_unreadable(kind, "customer_contact_date")
            {
                continue;
            }
            let message = ctx.text.get(&format!("msg.CR04.{outcome}"));
            out.push(self.finding(ctx, kind, record, "customer_contact_date", message));
        }
    }
}
