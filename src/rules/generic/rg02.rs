//! RG02 unreadable value.

use crate::base::i18n::Entry;
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
        "5.2.4.5; 6"
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
                let message = ctx.text.fmt(
                    "msg.RG02",
                    &[
                        ("field", &ctx.field_label(field)),
                        ("raw", &problem.raw),
                        ("reason", &ctx.text.get(&format!("value.{}", problem.reason))),
                    ],
                );
                out.push(ctx.finding(self, record, field, message));
            }
        }
    }
}

/// The rule's title, explanation and messages: key → [en, zh-Hant, zh-Hans].
#[rustfmt::skip]
static TEXTS: &[Entry] = &[
    ("rule.RG02.title", ["Unreadable value", "無法讀取的值", "无法读取的值"]),
    ("rule.RG02.explain", [
        "A cell cannot be read as its column's type: a date that is no date (2026/13/05), an amount in words, a yes/no column holding something else, or a value that is not one of the column's options. The finding quotes the cell; the rest of the row is still checked. Ambiguous dates such as 3/11/2026 are read with the date_order setting.",
        "儲存格的內容不符合該欄的類型:不存在的日期(2026/13/05)、以文字書寫的金額、是/否欄填了其他內容,或不在該欄選項內的值。問題會引用原儲存格內容,該行其餘欄位照常檢查。像 3/11/2026 這類有歧義的日期依 date_order 設定讀取。",
        "单元格的内容不符合该栏的类型:不存在的日期(2026/13/05)、以文字书写的金额、是/否栏填了其他内容,或不在该栏选项内的值。问题会引用原单元格内容,该行其余栏位照常检查。像 3/11/2026 这类有歧义的日期依 date_order 设定读取。",
    ]),
    ("msg.RG02", [
        "{field}: “{raw}” cannot be read ({reason})",
        "「{field}」的值「{raw}」無法讀取({reason})",
        "「{field}」的值「{raw}」无法读取({reason})",
    ]),
];
