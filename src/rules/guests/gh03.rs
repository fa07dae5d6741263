//! GH03 visit record incomplete.

use super::{first_present, list};
use crate::month::period::Coverage;
use crate::registers::{Kind, Value};
use crate::rules::finding::{Finding, Severity};
use crate::rules::{Context, Rule};

/// The fields every visit must keep (procedure Part 2 三).
const VISIT_FIELDS: [&str; 2] = ["menu", "dish_rating"];

/// **GH03 visit record incomplete** (warning; procedure Part 2 三). A visit or banquet of the
/// report month has no menu or no rating of the dishes.
///
/// Why: the procedure asks that the banquet menu of every visit be filed in the guest's history
/// with the guest's opinion of the dishes, so the kitchen can adjust next time — "the part of a
/// catering history most easily forgotten". The finding points at the first missing field.
pub struct Gh03;

impl Rule for Gh03 {
    fn id(&self) -> &'static str {
        "GH03"
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
    fn clause(&self) -> &'static str {
        "Part 2 三"
    }
    fn registers(&self) -> &'static [Kind] {
        &[Kind::Visits]
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let kind = Kind::Visits;
        for (_, record, coverage) in ctx.records(kind) {
            if coverage != Coverage::Covered {
                continue;
            }
            let missing: Vec<&str> = VISIT_FIELDS
                .into_iter()
                .filter(|f| match record.get(kind, f) {
                    None => !record.is_unreadable(kind, f),
                    Some(Value::Text(t)) => t.trim().is_empty(),
                    Some(_) => false,
                })
                .collect();
            if missing.is_empty() {
                continue;
            }
            let source = &ctx.registers.sources[record.source];
            let field = first_present(source, kind, &missing);
            let fields: Vec<String> = missing.iter().map(|f| ctx.field_label(f)).collect();
            let message = ctx.text.fmt("msg.GH03", &[("fields", &list(&ctx.text, &fields))]);
            out.push(self.finding(ctx, kind, record, field, message));
        }
    }
}
