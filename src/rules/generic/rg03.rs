//! RG03 duplicate id.

use std::hash::{BuildHasher, BuildHasherDefault};

use rustc_hash::FxHasher;

use crate::base::i18n::Entry;
use crate::base::message::{Arg, Join, Message};
use crate::base::text::{id_key, repeated_keys};
use crate::registers::field::Text;
use crate::registers::{Field, Kind, Record};
use crate::rules::finding::{Finding, Severity};
use crate::rules::{Context, Reads, Rule};

/// **RG03 duplicate id** (error; procedure Part 1 5.2.4.5, records 6). The same contract, feedback
/// or guest number is used twice in one register kind (across every file and sheet of it, any
/// month). Both places are named, so staff can tell a copied row from a reused number. Numbers are
/// compared ignoring width, case and surrounding spaces.
pub struct Rg03;

impl Rule for Rg03 {
    fn id(&self) -> &'static str {
        "RG03"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn clause(&self) -> &'static str {
        super::CLAUSE
    }
    /// The id column of each register kind that has one.
    fn reads(&self) -> &'static [Reads] {
        static READS: std::sync::OnceLock<Vec<Reads>> = std::sync::OnceLock::new();
        READS.get_or_init(|| {
            Kind::ALL
                .into_iter()
                .filter_map(|k| k.id_field())
                .map(Reads::read)
                .collect()
        })
    }
    fn texts(&self) -> &'static [Entry] {
        TEXTS
    }
    fn reports_each_place(&self) -> bool {
        true
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for kind in Kind::ALL {
            let Some(field) = kind.id_field() else { continue };
            for group in repeated(ctx.month.register(kind), field) {
                self.report_group(ctx, kind, field, &group, out);
            }
        }
    }
}

impl Rg03 {
    /// A finding on each record of a group sharing one id (in the period), naming the others.
    fn report_group(
        &self,
        ctx: &Context,
        kind: Kind,
        field: Field<Text>,
        group: &[(usize, &Record)],
        out: &mut Vec<Finding>,
    ) {
        for &(i, record) in group {
            if !ctx.month.coverage_of(kind, i).generic_rules_apply() {
                continue;
            }
            let others = group
                .iter()
                .filter(|(o, _)| *o != i)
                .map(|(_, o)| ctx.registers.source_of(o).location(field.index(), o.row).place().into());
            let id = record.text(field).unwrap_or_default();
            let message = Message::of(
                "msg.RG03",
                [("id", Arg::from(id)), ("places", Arg::list(Join::List, others))],
            );
            out.push(super::finding(self, ctx, record, field, message));
        }
    }
}

/// The records of each id used more than once (with their index), each group in register order.
/// (Findings are sorted afterwards: the order of the groups does not matter.) The ids are found
/// again by their hashes ([`repeated_keys`]): a map of every id took 69 MB at a million contracts
/// (BENCHMARKS.md, sixteenth sitting).
fn repeated(records: &[Record], field: Field<Text>) -> Vec<Vec<(usize, &Record)>> {
    let key = |i: u32| records[i as usize].text(field).map(id_key);
    let hasher = BuildHasherDefault::<FxHasher>::default();
    let mut hashes: Vec<(u64, u32)> = Vec::with_capacity(records.len());
    for (i, record) in records.iter().enumerate() {
        if let Some(id) = record.text(field) {
            hashes.push((hasher.hash_one(id_key(id)), i as u32));
        }
    }
    (repeated_keys(hashes, |a, b| key(a) == key(b)).into_iter())
        .map(|group| group.into_iter().map(|i| (i as usize, &records[i as usize])).collect())
        .collect()
}

/// The rule's title, explanation and messages: key → [en, zh-Hant, zh-Hans].
#[rustfmt::skip]
static TEXTS: &[Entry] = &[
    ("rule.RG03.title", ["Duplicate id", "編號重複", "编号重复"]),
    ("rule.RG03.explain", [
        "The same contract, feedback or guest number is used twice in one kind of register, across all its files and sheets. Both places are named so that staff can tell a copied row from a reused number. A finding cites the records clause of the register its row belongs to: 5.2.4.5 and 6.1 for contracts and orders, 5.2.5.2 b and 6.4 for amendments, 6.8 for feedback (Part 3 五 for a complaint record), Part 2 三 for guest profiles and visits, Part 2 四.2 for call-backs.",
        "同一類台帳（跨所有檔案和工作表）中，同一個合同、反饋或客戶編號出現兩次。兩處位置都會列出，方便同事分辨是重複抄錄還是編號重用。每個問題引用該行所屬台帳的記錄條款：合同及訂單為 5.2.4.5、6.1，合同修訂為 5.2.5.2 b、6.4，顧客反饋為 6.8（顧客投訴記錄為第三篇 五），客史檔案和消費記錄為第二篇 三，回訪記錄為第二篇 四.2。",
        "同一类台账（跨所有文件和工作表）中，同一个合同、反馈或客户编号出现两次。两处位置都会列出，方便同事分辨是重复抄录还是编号重用。每个问题引用该行所属台账的记录条款：合同及订单为 5.2.4.5、6.1，合同修订为 5.2.5.2 b、6.4，顾客反馈为 6.8（顾客投诉记录为第三篇 五），客史档案和消费记录为第二篇 三，回访记录为第二篇 四.2。",
    ]),
    ("msg.RG03", [
        "Number {id} is used more than once; also at {places}.",
        "編號 {id} 重複使用，另見 {places}。",
        "编号 {id} 重复使用，另见 {places}。",
    ]),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    const CONTRACTS: &str = "合同編號 | 顧客 | 類型 | 產品類別 | 接收日期";

    fn contracts(rows: &[&str]) -> Sheet {
        Sheet::new(Kind::Contracts, CONTRACTS, rows)
    }

    #[test]
    fn rg03_each_row_of_a_reused_number_is_an_error_naming_the_other() {
        let sheet = contracts(&[
            "HT-1 | 甲公司 | 合同 | 常規產品 | 2026-10-02",
            "HT-1 | 乙公司 | 合同 | 常規產品 | 2026-10-03",
            "HT-10 | 丙公司 | 合同 | 常規產品 | 2026-10-04",
        ]);
        let found = run(&Rg03, "2026-10", &[sheet]);
        assert_eq!(
            spots(&found),
            [spot("HT-1", "A2", Severity::Error), spot("HT-1", "A3", Severity::Error)]
        );
        let [first, second] = messages(&found)[..] else {
            panic!()
        };
        assert_says(
            first,
            &["Number HT-1 is used more than once", "also at book.xlsx › Sheet1 › A3"],
        );
        assert_says(second, &["also at book.xlsx › Sheet1 › A2"]);
    }

    #[test]
    fn rg03_numbers_compare_ignoring_width_case_and_surrounding_spaces() {
        let sheet = Sheet::cells(
            Kind::Contracts,
            &["合同編號", "顧客", "類型", "產品類別", "接收日期"],
            &[
                &["HT-001", "甲公司", "合同", "常規產品", "2026-10-02"],
                &["ｈｔ－００１", "乙公司", "合同", "常規產品", "2026-10-03"],
                &[" Ht-001\u{3000}", "丙公司", "合同", "常規產品", "2026-10-04"],
            ],
        );
        let found = run(&Rg03, "2026-10", &[sheet]);
        assert_eq!(found.len(), 3, "{found:?}");
        assert_says(found[2].message.as_str(), &["A2", "A3"]);
    }

    #[test]
    fn rg03_counts_every_file_and_sheet_of_a_kind_but_not_other_kinds() {
        let feedback = Sheet::new(
            Kind::Feedback,
            "編號 | 接收日期 | 顧客 | 類別",
            &["HT-2 | 2026-10-05 | 陳先生 | 建議"],
        );
        let found = run(
            &Rg03,
            "2026-10",
            &[
                contracts(&[
                    "HT-1 | 甲公司 | 合同 | 常規產品 | 2026-10-02",
                    "HT-2 | 乙公司 | 合同 | 常規產品 | 2026-10-02",
                ])
                .in_file("總公司.xlsx"),
                contracts(&["HT-1 | 丙公司 | 合同 | 常規產品 | 2026-10-03"])
                    .in_file("分公司.xlsx")
                    .named("十月"),
                feedback,
            ],
        );
        assert_eq!(
            spots(&found),
            [spot("HT-1", "A2", Severity::Error), spot("HT-1", "A2", Severity::Error)]
        );
        let files: Vec<&str> = found.iter().map(|f| f.location.file.as_str()).collect();
        assert_eq!(files, ["分公司.xlsx", "總公司.xlsx"]);
        assert_says(found[0].message.as_str(), &["also at 總公司.xlsx › Sheet1 › A2"]);
        assert_says(found[1].message.as_str(), &["also at 分公司.xlsx › 十月 › A2"]);
    }

    #[test]
    fn rg03_a_row_of_another_month_is_named_but_gives_no_finding_of_its_own() {
        let sheet = contracts(&[
            "HT-1 | 甲公司 | 合同 | 常規產品 | 2026-09-02",
            "HT-1 | 乙公司 | 合同 | 常規產品 | 2026-10-03",
        ]);
        let found = run(&Rg03, "2026-10", &[sheet]);
        assert_eq!(spots(&found), [spot("HT-1", "A3", Severity::Error)]);
        assert_says(found[0].message.as_str(), &["also at book.xlsx › Sheet1 › A2"]);
    }

    #[test]
    fn rg03_guest_numbers_too() {
        let guests = Sheet::new(
            Kind::Guests,
            "客戶編號 | 姓名",
            &["G-1 | 王偉", "G-2 | 李娜", "G-1 | 王小明"],
        );
        let found = run(&Rg03, "2026-10", &[guests]);
        assert_eq!(
            spots(&found),
            [spot("G-1", "A2", Severity::Error), spot("G-1", "A4", Severity::Error)]
        );
    }
}
