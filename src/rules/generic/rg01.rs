//! RG01 required value missing.

use crate::base::i18n::Entry;
use crate::registers::{feedback, Kind, Record, Source};
use crate::rules::finding::{Finding, Severity};
use crate::rules::{Context, Rule};

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
        "5.2.4.5; 6"
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
        let source = &ctx.registers.sources[record.source];
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
                        let message = ctx.text.fmt("msg.RG01", &[("field", &ctx.field_label(s))]);
                        out.push(ctx.finding(self, record, s, message));
                    }
                    Some(_) => {}
                    None if !header_reported[record.source] => {
                        header_reported[record.source] = true;
                        out.push(self.missing_column(ctx, record, source, column.field));
                    }
                    None => {}
                }
                continue;
            }
            if !record.has(field) && !record.is_unreadable(field) && !has_stand_in {
                let message = ctx.text.fmt("msg.RG01", &[("field", &ctx.field_label(field))]);
                out.push(ctx.finding(self, record, field, message));
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
            message: ctx.text.fmt("msg.RG01.column", &[("field", &ctx.field_label(field))]),
            clause: self.clause(),
        }
    }
}

/// The rule's title, explanation and messages: key → [en, zh-Hant, zh-Hans].
#[rustfmt::skip]
static TEXTS: &[Entry] = &[
    ("rule.RG01.title", ["Required value missing", "必填欄位空白", "必填栏位空白"]),
    ("rule.RG01.explain", [
        "A column marked required in the register layout is blank in a row that holds other data. Without the number, customer, type or key date of a record no other rule can judge it, and the record proves nothing to an auditor. When a required column is missing from the header altogether, it is reported once at the header row.",
        "台帳格式中標為必填的欄位,在有其他資料的一行中空白。記錄缺少編號、顧客、類型或關鍵日期,其他規則便無法判斷,記錄也無法向審核人員證明任何事。若表頭根本沒有某必填欄,則在表頭行報告一次。",
        "台账格式中标为必填的栏位,在有其他资料的一行中空白。记录缺少编号、顾客、类型或关键日期,其他规则便无法判断,记录也无法向审核人员证明任何事。若表头根本没有某必填栏,则在表头行报告一次。",
    ]),
    ("msg.RG01", ["{field} is blank; it is required", "「{field}」未填寫,此欄必填", "「{field}」未填写,此栏必填"]),
    ("msg.RG01.column", [
        "the sheet has no {field} column, which is required; add it to the header",
        "工作表沒有必填欄「{field}」,請在表頭加上",
        "工作表没有必填栏「{field}」,请在表头加上",
    ]),
];
