use std::borrow::Cow;

use rustc_hash::FxHashSet;

use super::id_key;
use crate::month::period::Coverage;
use crate::registers::Kind;
use crate::rules::finding::{Finding, Severity};
use crate::rules::{Context, Rule};

/// **CR07 amendment of an unknown contract.** An amendment changes a contract the company has
/// reviewed and committed to (procedure 5.2.5); its `contract_id` must be the number of a
/// contract in the contracts register. The register may be split over several files and sheets,
/// and contracts of every month count; numbers are compared as RG03 compares ids (width, case and
/// surrounding spaces ignored).
///
/// Runs only when both a contracts and an amendments register are given. A blank contract number
/// is RG01's.
pub struct Cr07;

impl Rule for Cr07 {
    fn id(&self) -> &'static str {
        "CR07"
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
    fn clause(&self) -> &'static str {
        "5.2.5"
    }
    fn registers(&self) -> &'static [Kind] {
        &[Kind::Contracts, Kind::Amendments]
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let known: FxHashSet<Cow<str>> = ctx
            .records(Kind::Contracts)
            .filter_map(|(_, r, _)| r.text(Kind::Contracts, "id"))
            .map(id_key)
            .collect();
        let kind = Kind::Amendments;
        for (_, record, coverage) in ctx.records(kind) {
            if coverage != Coverage::Covered {
                continue;
            }
            let Some(id) = record.text(kind, "contract_id") else {
                continue;
            };
            if known.contains(&id_key(id)) {
                continue;
            }
            out.push(self.finding(
                ctx,
                kind,
                record,
                "contract_id",
                ctx.text.fmt("msg.CR07", &[("id", id.trim())]),
            ));
        }
    }
}
