//! GH02 class out of date.

use chrono::Datelike;

use super::history::{money_text, proposals, totals_between, window_start};
use crate::month::period::Period;
use crate::registers::Kind;
use crate::rules::finding::{Finding, Severity};
use crate::rules::{Context, Rule};

/// **GH02 class out of date** (info, a warning in quarter-end months; procedure Part 2 四.4). The
/// recorded class differs from the class the guest's spend over the 12 months to as-of earns
/// (defaults: A from 100,000, B from 20,000, else C; `guests.class_a_spend`,
/// `guests.class_b_spend`). Spend is the sum of every visit of the guest in every visits register,
/// whatever month the row belongs to, in exact decimals; a visit is matched to its profile by
/// guest id, else by name.
///
/// Why: each quarter the sales and catering departments move guests between the A, B and C files
/// according to what they spent. Between reviews a difference is only a note; at the review (a
/// quarter-end month, or a quarter, half-year or year asked for with `--period`) it is a warning.
/// A guest with no class recorded is read as C (the procedure's class for ordinary and newly won
/// guests) and is proposed for a class once its spend earns B or A. The proposals are listed with
/// the spend behind them on the Guests sheet.
pub struct Gh02;

/// The consumption review is due: a quarter-end month, or a period ending a quarter.
pub fn review_due(period: &Period) -> bool {
    !period.all_rows && period.as_of.month().is_multiple_of(3)
}

impl Rule for Gh02 {
    fn id(&self) -> &'static str {
        "GH02"
    }
    fn severity(&self) -> Severity {
        Severity::Info
    }
    fn clause(&self) -> &'static str {
        "Part 2 四.4"
    }
    fn settings(&self) -> &'static [&'static str] {
        &["guests.class_a_spend", "guests.class_b_spend"]
    }
    fn registers(&self) -> &'static [Kind] {
        &[Kind::Guests, Kind::Visits]
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let book = ctx.guest_book();
        let as_of = ctx.period.as_of;
        let (per_guest, _) = totals_between(ctx.visit_entries(), book.len(), window_start(as_of, 12), as_of);
        let settings = &ctx.settings.guests;
        let severity = if review_due(ctx.period) {
            Severity::Warning
        } else {
            self.severity()
        };
        let a = money_text(settings.class_a_spend.into());
        let b = money_text(settings.class_b_spend.into());
        for p in proposals(book, &per_guest, settings) {
            let record = book.record(p.guest);
            let spend = money_text(p.spend.spend);
            let visits = p.spend.visits.to_string();
            let as_of_text = as_of.to_string();
            let mut args = vec![
                ("proposed", p.proposed),
                ("spend", spend.as_str()),
                ("visits", visits.as_str()),
                ("as_of", as_of_text.as_str()),
                ("a", a.as_str()),
                ("b", b.as_str()),
            ];
            let key = match p.recorded {
                Some(class) => {
                    args.push(("class", class));
                    "msg.GH02"
                }
                None => "msg.GH02.none",
            };
            let message = ctx.text.fmt(key, &args);
            out.push(Finding::at(
                self.id(),
                severity,
                self.clause(),
                ctx.registers,
                Kind::Guests,
                record,
                "class",
                message,
            ));
        }
    }
}
