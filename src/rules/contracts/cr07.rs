//! CR07 amendment of an unknown contract.

use crate::base::i18n::Entry;
use crate::registers::{amendments, Kind};
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
    fn texts(&self) -> &'static [Entry] {
        TEXTS
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let register = ctx.month.register(Kind::Amendments);
        for standing in &ctx.month.contracts.amendments {
            if standing.contract_known != Some(false) {
                continue;
            }
            let record = &register[standing.record];
            let id = record.text(amendments::CONTRACT_ID).unwrap_or_default().trim();
            out.push(ctx.finding(
                self,
                record,
                amendments::CONTRACT_ID,
                ctx.text.fmt("msg.CR07", &[("id", id)]),
            ));
        }
    }
}

/// The rule's title, explanation and messages: key → [en, zh-Hant, zh-Hans].
#[rustfmt::skip]
static TEXTS: &[Entry] = &[
    ("rule.CR07.title", ["Amendment of an unknown contract", "修訂的合同不在台帳中", "修订的合同不在台账中"]),
    ("rule.CR07.explain", [
        "An amendment changes a contract that was reviewed and committed (5.2.5), so its contract number must be in the contracts register (all its files and sheets, any month). Numbers are compared ignoring width, case and surrounding spaces. Runs only when both a contracts and an amendments register are given.",
        "修訂針對的是已評審並承諾的合同(5.2.5),因此其合同編號須在合同台帳中(所有檔案和工作表、任何月份)。比對編號時不分全形半形、大小寫,並忽略前後空格。只在同時提供合同台帳和修訂登記時檢查。",
        "修订针对的是已评审并承诺的合同(5.2.5),因此其合同编号须在合同台账中(所有文件和工作表、任何月份)。比对编号时不分全角半角、大小写,并忽略前后空格。只在同时提供合同台账和修订登记时检查。",
    ]),
    ("msg.CR07", [
        "contract {id} is in no contracts register: check the number, or enter the contract in the register",
        "合同 {id} 不在任何合同台帳中:請核對編號,或將該合同登記入台帳",
        "合同 {id} 不在任何合同台账中:请核对编号,或将该合同登记入台账",
    ]),
];
