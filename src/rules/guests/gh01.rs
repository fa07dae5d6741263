//! GH01 profile incomplete.

use super::history::missing_fields;
use super::{first_present, list};
use crate::registers::Kind;
use crate::rules::finding::{Finding, Severity};
use crate::rules::{Context, Rule};

/// **GH01 profile incomplete** (warning; procedure Part 2 一, 三). An A- or B-class guest's
/// profile misses a field its class requires: by default company, phone, birthday, dietary
/// habits and wedding anniversary for A; company and phone for B (`guests.required_a`,
/// `guests.required_b`).
///
/// Why: the procedure asks for particular care over the history files of A- and B-class guests,
/// and the form it gives (姓名 單位 住址 職務 電話 生日 結婚紀念日 …) is what staff use to greet,
/// seat and congratulate them. The finding points at the first missing field (the first one with
/// a column in the sheet) and the message lists all of them.
pub struct Gh01;

impl Rule for Gh01 {
    fn id(&self) -> &'static str {
        "GH01"
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
    fn clause(&self) -> &'static str {
        "Part 2 一, 三"
    }
    fn settings(&self) -> &'static [&'static str] {
        &["guests.required_a", "guests.required_b"]
    }
    fn registers(&self) -> &'static [Kind] {
        &[Kind::Guests]
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let kind = Kind::Guests;
        for (_, record, coverage) in ctx.records(kind) {
            if coverage != crate::month::period::Coverage::Covered {
                continue;
            }
            let Some((class, missing)) = missing_fields(record, &ctx.settings.guests) else {
                continue;
            };
            let source = &ctx.registers.sources[record.source];
            let field = first_present(source, kind, &missing);
            let fields: Vec<String> = missing.iter().map(|f| ctx.field_label(f)).collect();
            let message = ctx
                .text
                .fmt("msg.GH01", &[("class", class), ("fields", &list(&ctx.text, &fields))]);
            out.push(self.finding(ctx, kind, record, field, message));
        }
    }
}
