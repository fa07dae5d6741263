//! Generic rules that apply to every register: RG01–RG04 (SPEC 2, "Generic").
//!
//! They keep the registers usable as records: a record with a blank key field, an unreadable
//! value, a reused number or an impossible date cannot prove anything to an auditor. Each finding
//! cites the records clause of the procedure that keeps the register of its row
//! ([`records_clause`]): a feedback row is no contract record, so it does not cite 5.2.4.5. RG01–RG03 judge the rows the period covers and the rows
//! whose month cannot be told (their key date is blank or unreadable); RG04, which compares dates,
//! only the rows the period covers.

mod rg01;
mod rg02;
mod rg03;
mod rg04;

pub use rg01::Rg01;
pub use rg02::Rg02;
pub use rg03::Rg03;
pub use rg04::Rg04;

use crate::registers::{Kind, Record};
use crate::rules::finding::Finding;
use crate::rules::{Context, Rule};

/// The clause every RG rule cites as a whole: the records clauses of the three procedures.
const CLAUSE: &str = "6; Part 2 三; Part 3 五";

/// The records clause of the procedure that keeps a row's register: contracts and orders are the
/// records of the review (5.2.4.5, 6.1), amendments those of the change (5.2.5.2 b, 6.4);
/// feedback is kept in the feedback register (顧客反饋信息處理登記表, 6.8), a complaint record sheet
/// is the complaint record of Part 3 五 (記清楚); guest profiles and visits are the guest history
/// files of Part 2 三, call-backs the monthly call-backs of Part 2 四.2.
pub fn records_clause(ctx: &Context, record: &Record) -> &'static str {
    match record.kind {
        Kind::Contracts => "5.2.4.5; 6.1",
        Kind::Amendments => "5.2.5.2 b; 6.4",
        Kind::Feedback if ctx.registers.source_of(record).complaint_record => "Part 3 五",
        Kind::Feedback => "6.8",
        Kind::Guests | Kind::Visits => "Part 2 三",
        Kind::Callbacks => "Part 2 四.2",
    }
}

/// A finding of an RG rule at `field` of `record`, citing the records clause of its register.
fn finding(
    rule: &dyn Rule,
    ctx: &Context,
    record: &Record,
    field: impl Into<crate::registers::AnyField>,
    message: crate::base::message::Message,
) -> Finding {
    let severity = rule.severity_in(ctx.period);
    ctx.finding_as(rule, severity, records_clause(ctx, record), record, field, message)
}

#[cfg(test)]
mod tests {
    use crate::registers::Kind;
    use crate::rules::testing::*;

    #[test]
    fn a_finding_cites_the_records_clause_of_its_rows_register() {
        let contracts = Sheet::new(
            Kind::Contracts,
            "合同編號 | 顧客 | 類型 | 產品類別 | 接收日期",
            &["HT-1 |  | 合同 | 常規產品 | 2026-10-02"],
        );
        let feedback = Sheet::new(
            Kind::Feedback,
            "編號 | 接收日期 | 顧客 | 類別",
            &["FK-1 | 2026-10-02 |  | 投訴"],
        );
        let complaints = Sheet::new(
            Kind::Feedback,
            "編號 | 接收日期 | 顧客 | 處理人 | 回復內容",
            &["TS-1 | 2026-10-03 |  | 王明 | "],
        )
        .named("顧客投訴記錄");
        let guests = Sheet::new(Kind::Guests, "客戶編號 | 姓名", &["G-1 | "]);
        let callbacks = Sheet::new(
            Kind::Callbacks,
            "日期 | 客戶編號 | 回訪人 | 方式",
            &["2026-10-05 |  | 錢磊 | 電話"],
        );
        let found = run(
            &super::Rg01,
            "2026-10",
            &[contracts, feedback, complaints, guests, callbacks],
        );
        let clauses: Vec<(&str, &str)> = found.iter().map(|f| (f.field.as_str(), f.clause)).collect();
        assert_eq!(
            clauses,
            [
                ("customer", "5.2.4.5; 6.1"),
                ("customer", "6.8"),
                ("customer", "Part 3 五"),
                ("name", "Part 2 三"),
                ("guest_id", "Part 2 四.2"),
            ]
        );
    }
}
