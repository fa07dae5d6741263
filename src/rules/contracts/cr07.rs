//! CR07 amendment of an unknown contract.

use crate::base::i18n::Entry;
use crate::base::message::{Arg, Message};
use crate::registers::{amendments, contracts, Kind};
use crate::rules::finding::{Finding, Severity};
use crate::rules::{Context, Reads, Rule};

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
    fn joins(&self) -> &'static [Kind] {
        &[Kind::Amendments]
    }
    fn reads(&self) -> &'static [Reads] {
        const READS: &[Reads] = &[Reads::read(contracts::ID), Reads::read(amendments::CONTRACT_ID)];
        READS
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
                Message::of("msg.CR07", [("id", Arg::from(id))]),
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
        "修訂針對的是已評審並承諾的合同（5.2.5），因此其合同編號須在合同台帳中（所有檔案和工作表、任何月份）。比對編號時不分全形半形、大小寫，並忽略前後空格。只在同時提供合同台帳和修訂登記時檢查。",
        "修订针对的是已评审并承诺的合同（5.2.5），因此其合同编号须在合同台账中（所有文件和工作表、任何月份）。比对编号时不分全角半角、大小写，并忽略前后空格。只在同时提供合同台账和修订登记时检查。",
    ]),
    ("msg.CR07", [
        "Contract {id} is in no contracts register: check the number, or enter the contract in the register.",
        "合同 {id} 不在任何合同台帳中：請核對編號，或將該合同登記到台帳中。",
        "合同 {id} 不在任何合同台账中：请核对编号，或将该合同登记到台账中。",
    ]),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    fn contracts(rows: &[&str]) -> Sheet {
        Sheet::new(Kind::Contracts, "合同編號 | 顧客 | 類型 | 產品類別 | 接收日期", rows).in_file("合同台帳.xlsx")
    }

    /// A: contract no., B: amendment date.
    fn amendments(rows: &[&str]) -> Sheet {
        Sheet::new(Kind::Amendments, "合同編號 | 修訂日期 | 修訂內容", rows).in_file("修訂.xlsx")
    }

    #[test]
    fn cr07_an_amendment_of_a_number_in_no_contracts_register_is_a_warning_at_the_number() {
        let found = run(
            &Cr07,
            "2026-10",
            &[
                contracts(&["HT-1 | 甲公司 | 合同 | 常規產品 | 2026-10-02"]),
                amendments(&["HT-1 | 2026-10-05 | 數量增加", "HT-9 | 2026-10-06 | 交期提前"]),
            ],
        );
        assert_eq!(spots(&found), [spot("HT-9 2026-10-06", "A3", Severity::Warning)]);
        assert_eq!(
            (found[0].location.file.as_str(), found[0].field.as_str()),
            ("修訂.xlsx", "contract_id")
        );
        assert_says(
            found[0].message.as_str(),
            &["Contract HT-9 is in no contracts register"],
        );
    }

    #[test]
    fn cr07_contracts_of_every_month_file_and_sheet_count() {
        let found = run(
            &Cr07,
            "2026-10",
            &[
                contracts(&["HT-1 | 甲公司 | 合同 | 常規產品 | 2025-03-02"]),
                contracts(&["HT-2 | 乙公司 | 合同 | 常規產品 | 2026-10-02"]).in_file("分公司.xlsx"),
                amendments(&["HT-1 | 2026-10-05 | 數量增加", "HT-2 | 2026-10-06 | 交期提前"]),
            ],
        );
        assert_eq!(spots(&found), []);
    }

    #[test]
    fn cr07_numbers_compare_ignoring_width_case_and_surrounding_spaces() {
        let amendments = Sheet::cells(
            Kind::Amendments,
            &["合同編號", "修訂日期"],
            &[&["ｈｔ－００１", "2026-10-05"], &[" ht-001\u{3000}", "2026-10-06"]],
        );
        let found = run(
            &Cr07,
            "2026-10",
            &[
                contracts(&["HT-001 | 甲公司 | 合同 | 常規產品 | 2026-10-02"]),
                amendments,
            ],
        );
        assert_eq!(spots(&found), []);
    }

    #[test]
    fn cr07_runs_only_when_both_registers_are_given() {
        assert_eq!(
            spots(&run(&Cr07, "2026-10", &[amendments(&["HT-9 | 2026-10-05 | 數量增加"])])),
            []
        );
    }

    #[test]
    fn cr07_a_blank_number_is_rg01s_and_an_amendment_of_another_month_gives_nothing() {
        let found = run(
            &Cr07,
            "2026-10",
            &[
                contracts(&["HT-1 | 甲公司 | 合同 | 常規產品 | 2026-10-02"]),
                amendments(&[" | 2026-10-05 | 數量增加", "HT-9 | 2026-09-05 | 交期提前"]),
            ],
        );
        assert_eq!(spots(&found), []);
    }
}
