//! RG02 unreadable value.

use crate::base::i18n::Entry;
use crate::base::message::{Arg, Message};
use crate::registers::Kind;
use crate::rules::finding::{Finding, Severity};
use crate::rules::{Context, Rule};

/// **RG02 unreadable value** (error; procedure Part 1 5.2.4.5, records 6). A cell is not of its
/// column's type (SPEC 1.3): a date that is no date (`2026/13/05`), an amount in words, a yes/no
/// column holding something else, a value that is not one of the column's options. The finding
/// quotes the cell; the rest of the row is still checked.
pub struct Rg02;

impl Rule for Rg02 {
    fn id(&self) -> &'static str {
        "RG02"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn clause(&self) -> &'static str {
        super::CLAUSE
    }
    fn settings(&self) -> &'static [&'static str] {
        &["date_order", "columns", "enums"]
    }
    fn texts(&self) -> &'static [Entry] {
        TEXTS
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for kind in Kind::ALL {
            let Some(register) = ctx.registers.by_kind.get(&kind) else {
                continue;
            };
            let columns = kind.columns();
            for problem in &register.problems {
                let Some(record) = register.records.get(problem.record) else {
                    continue;
                };
                if !ctx.month.coverage_of(kind, problem.record).generic_rules_apply() {
                    continue;
                }
                let field = columns[problem.field].field;
                let message = Message::of(
                    "msg.RG02",
                    [
                        ("field", ctx.field_label(field)),
                        ("raw", Arg::from(&problem.raw)),
                        ("reason", Arg::text(format!("value.{}", problem.reason))),
                    ],
                );
                out.push(super::finding(self, ctx, record, field, message));
            }
        }
    }
}

/// The rule's title, explanation and messages: key → [en, zh-Hant, zh-Hans].
#[rustfmt::skip]
static TEXTS: &[Entry] = &[
    ("rule.RG02.title", ["Unreadable value", "無法讀取的值", "无法读取的值"]),
    ("rule.RG02.explain", [
        "A cell cannot be read as its column's type: a date that is no date (2026/13/05), an amount in words, a yes/no column holding something else, or a value that is not one of the column's options. The finding quotes the cell; the rest of the row is still checked. Ambiguous dates such as 3/11/2026 are read with the date_order setting. A finding cites the records clause of the register its row belongs to: 5.2.4.5 and 6.1 for contracts and orders, 5.2.5.2 b and 6.4 for amendments, 6.8 for feedback (Part 3 五 for a complaint record), Part 2 三 for guest profiles and visits, Part 2 四.2 for call-backs.",
        "儲存格的內容不符合該欄的類型：不存在的日期（2026/13/05）、以文字書寫的金額、是/否欄填了其他內容，或不在該欄選項內的值。問題會引用原儲存格內容，該行其餘欄位照常檢查。像 3/11/2026 這類有歧義的日期依 date_order 設定讀取。每個問題引用該行所屬台帳的記錄條款：合同及訂單為 5.2.4.5、6.1，合同修訂為 5.2.5.2 b、6.4，顧客反饋為 6.8（顧客投訴記錄為第三篇 五），客史檔案和消費記錄為第二篇 三，回訪記錄為第二篇 四.2。",
        "单元格的内容不符合该列的类型：不存在的日期（2026/13/05）、以文字书写的金额、是/否列填了其他内容，或不在该列选项内的值。问题会引用原单元格内容，该行其余列照常检查。像 3/11/2026 这类有歧义的日期依 date_order 设置读取。每个问题引用该行所属台账的记录条款：合同及订单为 5.2.4.5、6.1，合同修订为 5.2.5.2 b、6.4，顾客反馈为 6.8（顾客投诉记录为第三篇 五），客史档案和消费记录为第二篇 三，回访记录为第二篇 四.2。",
    ]),
    ("msg.RG02", [
        "{field}: “{raw}” cannot be read ({reason}).",
        "「{field}」欄的「{raw}」無法識別：{reason}。",
        "「{field}」列的「{raw}」无法识别：{reason}。",
    ]),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    /// C: type, E: amount, F: large quantity (yes/no), G: received, H: review date, I: commitment.
    const HEADER: &str = "合同編號 | 顧客 | 類型 | 產品類別 | 金額 | 數量較大 | 接收日期 | 評審日期 | 承諾日期";

    fn rg02(settings: &Settings, month: &str, rows: &[&str]) -> Vec<Finding> {
        run_with(&Rg02, settings, month, &[Sheet::new(Kind::Contracts, HEADER, rows)])
    }

    #[test]
    fn rg02_a_date_that_is_no_date_is_an_error_quoting_the_cell() {
        let found = rg02(
            &Settings::default(),
            "2026-10",
            &["HT-1 | 甲公司 | 合同 | 常規產品 | 350000 |  | 2026-10-02 | 2026/13/05 | "],
        );
        assert_eq!(spots(&found), [spot("HT-1", "H2", Severity::Error)]);
        assert_eq!(found[0].field, "review_date");
        assert_says(
            found[0].message.as_str(),
            &["Review date", "“2026/13/05” cannot be read"],
        );
    }

    #[test]
    fn rg02_every_unreadable_cell_of_a_row_is_reported_and_the_rest_still_read() {
        let found = rg02(
            &Settings::default(),
            "2026-10",
            &["HT-1 | 甲公司 | 傳真 | 常規產品 | about a million | maybe | 2026-10-02 | 2026-10-03 | "],
        );
        let cells: Vec<(String, String)> = found.iter().map(|f| (f.location.cell(), f.field.clone())).collect();
        let expected = [("C2", "document_type"), ("E2", "amount"), ("F2", "large_quantity")];
        assert_eq!(cells, expected.map(|(c, f)| (c.to_string(), f.to_string())));
        assert_says(found[0].message.as_str(), &["“傳真”"]);
        assert_says(found[1].message.as_str(), &["“about a million”"]);
    }

    #[test]
    fn rg02_values_written_the_ways_staff_write_them_are_read() {
        let found = rg02(
            &Settings::default(),
            "2026-10",
            &[
                "HT-1 | 甲公司 | 合同 | 常規產品 | ¥1,200,000 | 是 | 2026年10月3日 | 20261003 | 民國115年10月3日",
                "HT-2 | 乙公司 | oral order | routine product | 120萬 | √ | 2026/10/3 | 2026.10.3 | 2026-10-03",
                "HT-3 | 丙公司 | 訂單 | 非常規產品 | RMB 1,200,000.00 | N | 2026-10-03 |  | ",
                "HT-4 | 丁公司 | 標書 | 新產品 | 1,200,000元 | Y | 2026-10-03 |  | ",
            ],
        );
        assert_eq!(spots(&found), []);
    }

    #[test]
    fn rg02_a_minguo_year_without_the_word_minguo_is_read() {
        let found = rg02(
            &Settings::default(),
            "2026-10",
            &["HT-1 | 甲公司 | 合同 | 常規產品 |  |  | 115/10/03 | 115.10.3 | 115年10月3日"],
        );
        assert_eq!(spots(&found), []);
    }

    #[test]
    fn rg02_reads_with_the_date_order_and_the_options_a_company_sets() {
        let row = ["HT-1 | 甲公司 | 傳真訂單 | 常規產品 | 350000 |  | 2026-10-02 | 5/10/2026 | "];
        let found = rg02(&Settings::default(), "2026-10", &row);
        let cells: Vec<String> = found.iter().map(|f| f.location.cell()).collect();
        assert_eq!(cells, ["C2", "H2"]);
        let own = settings("date_order = \"dmy\"\n[enums.document_type]\n\"傳真訂單\" = \"order\"\n");
        assert_eq!(spots(&rg02(&own, "2026-10", &row)), []);
    }

    #[test]
    fn rg02_rows_of_the_month_or_of_no_known_month_are_checked_rows_of_other_months_not() {
        let rows = [
            "HT-1 | 甲公司 | 合同 | 常規產品 |  |  | 2026-09-02 | 2026/13/05 | ",
            "HT-2 | 甲公司 | 合同 | 常規產品 |  |  | 2026/13/05 |  | ",
        ];
        let found = rg02(&Settings::default(), "2026-10", &rows);
        assert_eq!(spots(&found), [spot("HT-2", "G3", Severity::Error)]);
        let september = rg02(&Settings::default(), "2026-09", &rows);
        let expected = [spot("HT-1", "H2", Severity::Error), spot("HT-2", "G3", Severity::Error)];
        assert_eq!(spots(&september), expected);
    }

    #[test]
    fn rg02_an_unreadable_receipt_with_a_commitment_belongs_to_the_commitments_month_only() {
        let rows = ["HT-1 | 甲公司 | 合同 | 常規產品 |  |  | 2026/13/05 |  | 2026-09-20"];
        let september = rg02(&Settings::default(), "2026-09", &rows);
        assert_eq!(spots(&september), [spot("HT-1", "G2", Severity::Error)]);
        assert_eq!(spots(&rg02(&Settings::default(), "2026-10", &rows)), []);
    }
}
