//! GH05 visit or call-back of an unknown guest.

use super::history::{Match, Resolver};
use crate::month::period::Coverage;
use crate::registers::Kind;
use crate::rules::finding::{Finding, Severity};
use crate::rules::{Context, Rule};

/// **GH05 visit or call-back of an unknown guest** (warning; procedure Part 2 三, 四.1). A visit
/// or call-back of the report month names a guest id that no profile in the guest registers
/// carries; a visit that names only the guest (no id) is looked up by name, compared across width,
/// case and script.
///
/// Why: a visit booked to no profile is spend that never reaches the guest's history or class
/// review, and a call-back to no profile cannot be counted as the monthly call of a new A-class
/// guest. A name that several profiles carry is not reported here (the profile exists; GH06 may
/// report the duplicates). The rule runs only when a guest register is given together with visits
/// or call-backs.
pub struct Gh05;

impl Rule for Gh05 {
    fn id(&self) -> &'static str {
        "GH05"
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
    fn clause(&self) -> &'static str {
        "Part 2 三, 四.1"
    }
    fn registers(&self) -> &'static [Kind] {
        &[Kind::Guests]
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let book = ctx.guest_book();
        let mut resolver = Resolver::new(book);
        for kind in [Kind::Visits, Kind::Callbacks] {
            for (_, record, coverage) in ctx.records(kind) {
                if coverage != Coverage::Covered {
                    continue;
                }
                let reference = resolver.resolve(kind, record);
                let (field, message) = match (reference.id, reference.name) {
                    (Some(Match::Unknown), name) => {
                        let id = record.text(kind, "guest_id").unwrap_or_default();
                        let mut message = ctx.text.fmt("msg.GH05.id", &[("id", id)]);
                        if let Some(Match::Guest(g)) = name {
                            let other = book.record(g).text(Kind::Guests, "guest_id").unwrap_or_default();
                            let shown = record.text(kind, "name").unwrap_or_default();
                            message.push(' ');
                            message.push_str(&ctx.text.fmt("msg.GH05.hint", &[("name", shown), ("other", other)]));
                        }
                        ("guest_id", message)
                    }
                    (None, Some(Match::Unknown)) => {
                        let name = record.text(kind, "name").unwrap_or_default();
                        ("name", ctx.text.fmt("msg.GH05.name", &[("name", name)]))
                    }
                    _ => continue,
                };
                out.push(self.finding(ctx, kind, record, field, message));
            }
        }
    }
}
