//! RC02 record of a closed month deleted.

use crate::base::i18n::Entry;
use crate::base::message::{Arg, Message};
use crate::month::{month_label, Closed, NO_MONTH};
use crate::registers::{Kind, Layout, Location};
use crate::rules::finding::{Finding, Severity};
use crate::rules::{Context, Rule};

/// **RC02 record of a closed month deleted** (warning; procedure Part 1, 6 and the records
/// control procedure; ISO 9001 7.5.3). A record that was in the registers at its month's report
/// is in no register now (no record of its kind has its id). Found at the file, sheet and row
/// where it was at that report (the row only: the cell may hold another record now).
///
/// Not a deletion, so not reported:
/// - a register kind not read in this run (a company that did not hand in its guest register
///   this month has not deleted its guests), and a run whose inbox is one file (the kind's other
///   files were not read);
/// - a register whose records now all belong to later months than the record's — the company
///   hands in recent months only, or moved old rows to a file outside the inbox;
/// - records of the current period and of months never reported (see [`super`]).
///
/// A record whose id was changed is this rule's under its old id; RC01 does not know the new one.
pub struct Rc02;

impl Rule for Rc02 {
    fn id(&self) -> &'static str {
        "RC02"
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
    fn clause(&self) -> &'static str {
        super::CLAUSE
    }
    fn texts(&self) -> &'static [Entry] {
        TEXTS
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let closed = &ctx.month.closed;
        if ctx.registers.one_file {
            return;
        }
        for kind in Kind::ALL {
            if !ctx.month.has(kind) || closed.count(kind) == 0 {
                continue;
            }
            let packed = ctx.month.prints().of(kind);
            let mut present = vec![false; closed.count(kind)];
            for now in packed.prints() {
                if let Some(then) = closed.find(kind, packed.key(now)) {
                    present[then.place] = true;
                }
            }
            let months = packed.prints().iter().map(|p| p.belongs).filter(|&m| m != NO_MONTH);
            let Some(earliest) = months.min() else {
                continue;
            };
            for then in closed.of_kind(kind) {
                if !present[then.place] && super::before_period(ctx, then.belongs) && earliest <= then.belongs {
                    out.push(self.finding(ctx, &then));
                }
            }
        }
    }
}

impl Rc02 {
    fn finding(&self, ctx: &Context, then: &Closed) -> Finding {
        let layout = (ctx.registers.sources.iter())
            .find(|s| s.file == then.file)
            .map_or(Layout::Grid, |s| s.layout);
        Finding {
            rule: self.id(),
            severity: self.severity_in(ctx.period),
            register: then.kind,
            record: then.record.to_string(),
            location: Location {
                file: then.file.to_string(),
                sheet: then.sheet.to_string(),
                layout,
                row: then.row,
                column: None,
            },
            field: then.kind.columns()[0].name.to_string(),
            message: Message::of(
                "msg.RC02",
                [
                    ("record", Arg::from(then.record)),
                    ("month", Arg::period(month_label(then.belongs))),
                    ("row", Arg::from(then.row.to_string())),
                ],
            ),
            clause: self.clause(),
            since: None,
        }
    }
}

#[rustfmt::skip]
static TEXTS: &[Entry] = &[
    ("rule.RC02.title", ["Record of a closed month deleted", "已報告月份的記錄被刪除", "已报告月份的记录被删除"]),
    ("rule.RC02.explain", [
        "A record that was in the registers at its month's report is in no register now: no record of its kind has its id. Records are kept once they are made; a record made in error is marked as such, not deleted. The finding is at the file, sheet and row where the record was at that report. Registers not handed in this month are not compared (a guest register left out has not lost its guests), nor a register whose records all belong to later months than the deleted one (only recent months handed in, or old rows moved to a file outside the inbox), nor a run on one file. Records of the report period and of months never reported are not compared. The rule needs the history that clerk run keeps in the output folder (clerk-history.sqlite): without it, it finds nothing.",
        "在其月份報告時仍在台帳中的記錄，現已不在任何台帳中：同類台帳中沒有此編號的記錄。記錄一經形成即應保存；誤填的記錄應註明作廢，不應刪除。問題的位置為該記錄在報告時所在的檔案、工作表和行。本月未提供的台帳不作比較（未交客史檔案不等於刪除了客人），所有記錄都屬於較後月份的台帳（只交了近幾個月，或舊記錄已移到收件資料夾以外的檔案）以及只讀一個檔案的執行也不作比較。報告期間內的記錄和從未報告過的月份的記錄不作比較。此規則需要 clerk run 在輸出資料夾保存的歷史（clerk-history.sqlite）；沒有歷史時不會發現任何問題。",
        "在其月份报告时仍在台账中的记录，现已不在任何台账中：同类台账中没有此编号的记录。记录一经形成即应保存；误填的记录应注明作废，不应删除。问题的位置为该记录在报告时所在的文件、工作表和行。本月未提供的台账不作比较（未交客史档案不等于删除了客人），所有记录都属于较后月份的台账（只交了近几个月，或旧记录已移到收件文件夹以外的文件）以及只读一个文件的运行也不作比较。报告期间内的记录和从未报告过的月份的记录不作比较。此规则需要 clerk run 在输出文件夹保存的历史（clerk-history.sqlite）；没有历史时不会发现任何问题。",
    ]),
    ("msg.RC02", [
        "{record} was in the register at the report of {month} (then row {row}) and is in no register now. A record of a closed month is kept: mark one made in error as void rather than delete it.",
        "{record} 在{month}報告時仍在台帳中（當時第 {row} 行），現已不在任何台帳中。已報告月份的記錄應保存；誤填的記錄應註明作廢，不應刪除。",
        "{record} 在{month}报告时仍在台账中（当时第 {row} 行），现已不在任何台账中。已报告月份的记录应保存；误填的记录应注明作废，不应删除。",
    ]),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    const HEADER: &str = "合同編號 | 顧客 | 類型 | 產品類別 | 金額 | 接收日期 | 承諾日期";
    const VISITS: &str = "日期 | 客戶編號 | 姓名 | 消費金額";

    /// What September's report read: contracts (HT-3 committed in October) and visits.
    fn september() -> Vec<Sheet> {
        vec![
            Sheet::new(
                Kind::Contracts,
                HEADER,
                &[
                    "HT-0 | 戊公司 | 合同 | 常規產品 | 1000 | 2026-08-20 | 2026-08-22",
                    "HT-1 | 甲公司 | 合同 | 常規產品 | 1000 | 2026-09-01 | 2026-09-10",
                    "HT-2 | 乙公司 | 合同 | 常規產品 | 1000 | 2026-09-02 | 2026-09-04",
                    "HT-3 | 丙公司 | 合同 | 常規產品 | 1000 | 2026-09-25 | 2026-10-05",
                ],
            )
            .in_file("合同.xlsx"),
            Sheet::new(Kind::Visits, VISITS, &["2026-09-05 | G-017 | 王先生 | 800"]).in_file("消費.xlsx"),
        ]
    }

    #[test]
    fn a_record_of_a_reported_month_gone_from_every_register_is_found_where_it_was() {
        // HT-1 deleted; HT-0 (August, never reported) and HT-3 (this period's) deleted too.
        let now = Sheet::new(
            Kind::Contracts,
            HEADER,
            &["HT-2 | 乙公司 | 合同 | 常規產品 | 1000 | 2026-09-02 | 2026-09-04"],
        )
        .in_file("合同.xlsx");
        let found = run_after(&Rc02, reported(&[("2026-09", &september())]), "2026-10", &[now]);
        assert_eq!(spots(&found), [spot("HT-1", "3", Severity::Warning)]);
        let f = &found[0];
        assert_eq!(
            (f.location.file.as_str(), f.location.sheet.as_str(), f.field.as_str()),
            ("合同.xlsx", "Sheet1", "id")
        );
        assert_eq!(
            f.message.as_str(),
            "HT-1 was in the register at the report of September 2026 (then row 3) and is in no register now. A record of a closed month is kept: mark one made in error as void rather than delete it."
        );
    }

    #[test]
    fn a_record_moved_to_another_file_or_row_is_not_deleted() {
        let moved = Sheet::new(
            Kind::Contracts,
            HEADER,
            &["HT-2 | 乙公司 | 合同 | 常規產品 | 1000 | 2026-09-02 | 2026-09-04"],
        );
        let rest = Sheet::new(
            Kind::Contracts,
            HEADER,
            &["HT-1 | 甲公司 | 合同 | 常規產品 | 1000 | 2026-09-01 | 2026-09-10"],
        )
        .in_file("合同2.xlsx");
        let found = run_after(&Rc02, reported(&[("2026-09", &september())]), "2026-10", &[moved, rest]);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_register_not_handed_in_or_holding_later_months_only_has_not_lost_its_records() {
        // No visits sheet this month: the September visit is not deleted.
        let contracts = Sheet::new(
            Kind::Contracts,
            HEADER,
            &[
                "HT-1 | 甲公司 | 合同 | 常規產品 | 1000 | 2026-09-01 | 2026-09-10",
                "HT-2 | 乙公司 | 合同 | 常規產品 | 1000 | 2026-09-02 | 2026-09-04",
            ],
        );
        let found = run_after(
            &Rc02,
            reported(&[("2026-09", &september())]),
            "2026-10",
            std::slice::from_ref(&contracts),
        );
        assert!(found.is_empty(), "{found:?}");
        // A visits register of October only: handed in for the month, not a deletion.
        let october = Sheet::new(Kind::Visits, VISITS, &["2026-10-05 | G-017 | 王先生 | 800"]);
        let found = run_after(
            &Rc02,
            reported(&[("2026-09", &september())]),
            "2026-10",
            &[contracts.clone(), october],
        );
        assert!(found.is_empty(), "{found:?}");
        // A visits register reaching back to August lost the September visit.
        let year = Sheet::new(
            Kind::Visits,
            VISITS,
            &["2026-08-05 | G-017 | 王先生 | 800", "2026-10-05 | G-017 | 王先生 | 800"],
        );
        let found = run_after(
            &Rc02,
            reported(&[("2026-09", &september())]),
            "2026-10",
            &[contracts, year],
        );
        assert_eq!(spots(&found), [spot("G-017 2026-09-05", "2", Severity::Warning)]);
        assert_eq!(found[0].location.file, "消費.xlsx");
    }

    #[test]
    fn without_a_history_or_in_the_reported_month_itself_nothing_is_deleted() {
        let now = Sheet::new(
            Kind::Contracts,
            HEADER,
            &["HT-9 | 甲公司 | 合同 | 常規產品 | 1000 | 2026-09-01 | 2026-09-10"],
        );
        assert!(run(&Rc02, "2026-10", std::slice::from_ref(&now)).is_empty());
        assert!(run_after(&Rc02, reported(&[("2026-09", &september())]), "2026-09", &[now]).is_empty());
    }
}
