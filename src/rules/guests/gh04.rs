//! GH04 call-back missing.

use super::history::{callback_dates, has_date_between, new_a_class, report_months};
use crate::registers::Kind;
use crate::rules::finding::{Finding, Severity};
use crate::rules::{Context, Rule};

/// **GH04 call-back missing** (error; procedure Part 2 四.2). An A-class guest developed within
/// `guests.new_months` (default 12) months before the end of the report month has no call-back
/// dated in that month.
///
/// Why: the sales department calls on every newly won A-class client each month. "Within" counts
/// both ends: a guest developed on 2025-10-31 still needs a call in October 2026, one developed on
/// 2025-10-30 no longer does; a guest developed during the month needs its first call in that
/// month. A call-back on the last day of the month counts. Call-backs are matched to the guest by
/// guest id, from every call-back register. When the period is a quarter, half-year or year, each
/// of its months is checked and a missing month is one finding. The rule runs only when both a
/// guest register and a call-back register are given.
pub struct Gh04;

impl Rule for Gh04 {
    fn id(&self) -> &'static str {
        "GH04"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn clause(&self) -> &'static str {
        "Part 2 四.2"
    }
    fn settings(&self) -> &'static [&'static str] {
        &["guests.new_months"]
    }
    fn registers(&self) -> &'static [Kind] {
        &[Kind::Guests, Kind::Callbacks]
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let book = ctx.guest_book();
        let calls = callback_dates(ctx.registers, book);
        let months = report_months(ctx.period);
        let new_months = ctx.settings.guests.new_months;
        for (i, record) in book.records.iter().enumerate() {
            for &(start, end) in &months {
                let Some(developed) = new_a_class(record, end, new_months) else {
                    continue;
                };
                if has_date_between(&calls[i], start, end) {
                    continue;
                }
                let month = start.format("%Y-%m").to_string();
                let message = ctx
                    .text
                    .fmt("msg.GH04", &[("developed", &developed.to_string()), ("month", &month)]);
                out.push(self.finding(ctx, Kind::Guests, record, "guest_id", message));
            }
        }
    }
}
