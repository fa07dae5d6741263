//! RG01 required value missing.

use crate::base::i18n::Entry;
use crate::base::message::Message;
use crate::registers::{feedback, Kind, Record, Source};
use crate::rules::finding::{Finding, Severity};
use crate::rules::{Blank, Context, Reads, Rule};

/// **RG01 required value missing** (error; procedure Part 1 5.2.4.5, records 6). A column marked ●
/// in SPEC 1.4 is blank in a non-blank row.
///
/// Why: without the id, customer, dates or type of a record no other rule can judge it, and the
/// record proves nothing. A required column missing from the header altogether is reported once,
/// at the header row, instead of once per row. A visit may name its guest by name instead of id;
/// a complaint record (顧客投訴記錄) has no kind column, every row being a complaint.
pub struct Rg01;

impl Rule for Rg01 {
    fn id(&self) -> &'static str {
        "RG01"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn clause(&self) -> &'static str {
        super::CLAUSE
    }
    /// Every required column: reported whenever blank, or only when the column that may stand in
    /// for it (a visit's guest name) is blank too.
    fn reads(&self) -> &'static [Reads] {
        static READS: std::sync::OnceLock<Vec<Reads>> = std::sync::OnceLock::new();
        READS.get_or_init(|| {
            let required = Kind::ALL
                .into_iter()
                .flat_map(|k| k.columns().iter().map(move |c| (k, c)));
            required
                .filter(|(_, c)| c.required)
                .map(|(kind, c)| Reads {
                    field: c.field,
                    blank: match kind.stand_in(c.field) {
                        Some(_) => Blank::ReportedWhen,
                        None => Blank::Reported,
                    },
                })
                .collect()
        })
    }
    fn texts(&self) -> &'static [Entry] {
        TEXTS
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for kind in Kind::ALL {
            let mut header_reported = vec![false; ctx.registers.sources.len()];
            for (_, record, coverage) in ctx.month.records(kind) {
                if coverage.generic_rules_apply() {
                    self.check_record(ctx, record, &mut header_reported, out);
                }
            }
        }
    }
}

impl Rg01 {
    fn check_record(&self, ctx: &Context, record: &Record, header_reported: &mut [bool], out: &mut Vec<Finding>) {
        let source = ctx.registers.source_of(record);
        for column in record.kind.columns() {
            let field = column.field;
            if !column.required || (source.complaint_record && field == feedback::KIND.any()) {
                continue;
            }
            let stand_in = record.kind.stand_in(field);
            let has_stand_in = stand_in.is_some_and(|s| record.has(s));
            if !source.has_column(field.index()) {
                match stand_in.filter(|s| source.has_column(s.index())) {
                    // The sheet names the guest by name only: the name is what is required.
                    Some(s) if !has_stand_in && !record.is_unreadable(s) => {
                        let message = Message::of("msg.RG01", [("field", ctx.field_label(s))]);
                        out.push(super::finding(self, ctx, record, s, message));
                    }
                    Some(_) => {}
                    None if !header_reported[record.source as usize] => {
                        header_reported[record.source as usize] = true;
                        out.push(self.missing_column(ctx, record, source, column.field));
                    }
                    None => {}
                }
                continue;
            }
            if !record.has(field) && !record.is_unreadable(field) && !has_stand_in {
                let message = Message::of("msg.RG01", [("field", ctx.field_label(field))]);
                out.push(super::finding(self, ctx, record, field, message));
            }
        }
    }

    /// The one finding, at the header row, of a required column the sheet lacks.
    fn missing_column(
        &self,
        ctx: &Context,
        record: &Record,
        source: &Source,
        field: crate::registers::AnyField,
    ) -> Finding {
        Finding {
            rule: self.id(),
            severity: self.severity(),
            register: record.kind,
            record: String::new(),
            location: source.row_location(source.header_row),
            field: field.name.to_string(),
            message: Message::of("msg.RG01.column", [("field", ctx.field_label(field))]),
            clause: super::records_clause(ctx, record),
            since: None,
        }
    }
}

/// The rule's title, explanation and messages: key → [en, zh-Hant, zh-Hans].
#[rustfmt::skip]
static TEXTS: &[Entry] = &[
    ("rule.RG01.title", ["Required value missing", "必填欄位空白", "必填项为空"]),
    ("rule.RG01.explain", [
        "A column marked required in the register layout is blank in a row that holds other data. Without the number, customer, type or key date of a record no other rule can judge it, and the record proves nothing to an auditor. When a required column is missing from the header altogether, it is reported once at the header row. A finding cites the records clause of the register its row belongs to: 5.2.4.5 and 6.1 for contracts and orders, 5.2.5.2 b and 6.4 for amendments, 6.8 for feedback (Part 3 五 for a complaint record), Part 2 三 for guest profiles and visits, Part 2 四.2 for call-backs.",
        "台帳格式中標為必填的欄位，在有其他資料的一行中空白。記錄缺少編號、顧客、類型或關鍵日期，其他規則便無法判斷，記錄也無法向審核人員證明任何事。若表頭根本沒有某必填欄，則在表頭行報告一次。每個問題引用該行所屬台帳的記錄條款：合同及訂單為 5.2.4.5、6.1，合同修訂為 5.2.5.2 b、6.4，顧客反饋為 6.8（顧客投訴記錄為第三篇 五），客史檔案和消費記錄為第二篇 三，回訪記錄為第二篇 四.2。",
        "台账格式中标为必填的列，在有其他数据的一行中空白。记录缺少编号、顾客、类型或关键日期，其他规则便无法判断，记录也无法向审核人员证明任何事。若表头根本没有某必填列，则在表头行报告一次。每个问题引用该行所属台账的记录条款：合同及订单为 5.2.4.5、6.1，合同修订为 5.2.5.2 b、6.4，顾客反馈为 6.8（顾客投诉记录为第三篇 五），客史档案和消费记录为第二篇 三，回访记录为第二篇 四.2。",
    ]),
    ("msg.RG01", ["{field} is blank, but it is required.", "必填欄「{field}」未填寫。", "必填列「{field}」未填写。"]),
    ("msg.RG01.column", [
        "The sheet has no {field} column, which is required: add it to the header row.",
        "工作表缺少必填欄「{field}」，請在表頭加上此欄。",
        "工作表缺少必填列「{field}」，请在表头加上此列。",
    ]),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    /// B: customer, E: received date; the commitment date is not required.
    const CONTRACTS: &str = "合同編號 | 顧客 | 類型 | 產品類別 | 接收日期 | 承諾日期";

    fn contracts(month: &str, rows: &[&str]) -> Vec<Finding> {
        run(&Rg01, month, &[Sheet::new(Kind::Contracts, CONTRACTS, rows)])
    }

    #[test]
    fn rg01_a_blank_required_cell_is_an_error_at_that_cell() {
        let found = contracts("2026-10", &["HT-1 |  | 合同 | 常規產品 | 2026-10-02 | "]);
        assert_eq!(spots(&found), [spot("HT-1", "B2", Severity::Error)]);
        assert_eq!(found[0].field, "customer");
        assert_says(found[0].message.as_str(), &["Customer is blank, but it is required."]);
    }

    #[test]
    fn rg01_an_unreadable_value_is_rg02s_not_a_blank_one() {
        assert_eq!(
            spots(&contracts(
                "2026-10",
                &["HT-1 | 甲公司 | 傳真 | 常規產品 | 2026-10-02 | "]
            )),
            []
        );
    }

    #[test]
    fn rg01_a_required_column_missing_from_the_header_is_reported_once_at_the_header_row() {
        let header = "合同編號 | 顧客 | 類型 | 接收日期";
        let rows = ["HT-1 | 甲公司 | 合同 | 2026-10-02", "HT-2 | 乙公司 | 訂單 | 2026-10-03"];
        let found = run(&Rg01, "2026-10", &[Sheet::new(Kind::Contracts, header, &rows)]);
        assert_eq!(spots(&found), [spot("", "1", Severity::Error)]);
        assert_eq!(found[0].field, "product_category");
        assert_says(found[0].message.as_str(), &["no product category column"]);
    }

    #[test]
    fn rg01_rows_of_the_month_or_of_no_known_month_are_checked_rows_of_other_months_not() {
        let rows = [
            "HT-1 |  | 合同 | 常規產品 | 2026-09-02 | ",
            // No key date: its month cannot be told.
            "HT-2 |  | 合同 | 常規產品 |  | ",
            "HT-3 |  | 合同 | 常規產品 | 2026/13/05 | ",
        ];
        let october = [
            spot("HT-2", "B3", Severity::Error),
            spot("HT-2", "E3", Severity::Error),
            spot("HT-3", "B4", Severity::Error),
        ];
        assert_eq!(spots(&contracts("2026-10", &rows)), october);
        let september = spots(&contracts("2026-09", &rows));
        assert_eq!(september[0], spot("HT-1", "B2", Severity::Error));
        assert_eq!(september[1..], october);
    }

    #[test]
    fn rg01_an_unreadable_receipt_with_a_commitment_belongs_to_the_commitments_month_only() {
        let rows = ["HT-1 |  | 合同 | 常規產品 | 2026/13/05 | 2026-09-20"];
        assert_eq!(
            spots(&contracts("2026-09", &rows)),
            [spot("HT-1", "B2", Severity::Error)]
        );
        assert_eq!(spots(&contracts("2026-10", &rows)), []);
    }

    #[test]
    fn rg01_a_visit_may_name_its_guest_instead_of_its_id() {
        let with_id = Sheet::new(
            Kind::Visits,
            "日期 | 客戶編號 | 姓名 | 消費金額",
            &["2026-10-05 |  | 王偉 | 800", "2026-10-06 |  |  | 500"],
        );
        let names_only = Sheet::new(
            Kind::Visits,
            "日期 | 姓名 | 消費金額",
            &["2026-10-07 |  | 300", "2026-10-08 | 李娜 | 300"],
        )
        .in_file("散客.xlsx");
        let found = run(&Rg01, "2026-10", &[with_id, names_only]);
        assert_eq!(
            spots(&found),
            [
                spot("2026-10-06", "B3", Severity::Error),
                spot("2026-10-07", "B2", Severity::Error)
            ]
        );
        assert_eq!((found[0].field.as_str(), found[1].field.as_str()), ("guest_id", "name"));
    }

    #[test]
    fn rg01_a_complaint_record_needs_no_kind_column_other_feedback_sheets_do() {
        let sheet = Sheet::new(
            Kind::Feedback,
            "編號 | 接收日期 | 顧客 | 回復內容",
            &["TS-1 | 2026-10-05 | 陳先生 | 已致電道歉"],
        );
        assert_eq!(
            spots(&run(&Rg01, "2026-10", &[sheet.clone().named("顧客投訴記錄")])),
            []
        );
        let found = run(&Rg01, "2026-10", &[sheet]);
        assert_eq!(spots(&found), [spot("", "1", Severity::Error)]);
        assert_eq!(found[0].field, "kind");
    }
}
