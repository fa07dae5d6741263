//! GH03 visit record incomplete.

use crate::base::i18n::Entry;
use crate::base::message::Message;
use crate::registers::{visits, AnyField, Kind, Value};
use crate::rules::finding::{Finding, Severity};
use crate::rules::{Context, Reads, Rule};

/// **GH03 visit record incomplete** (warning; procedure Part 2 三). A visit or banquet of the
/// report month has no menu or no rating of the dishes.
///
/// Why: the procedure asks that the banquet menu of every visit be filed in the guest's history
/// with the guest's opinion of the dishes, so the kitchen can adjust next time — "the part of a
/// catering history most easily forgotten". The finding points at the first missing field.
pub struct Gh03;

impl Rule for Gh03 {
    fn id(&self) -> &'static str {
        "GH03"
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
    fn clause(&self) -> &'static str {
        "Part 2 三"
    }
    fn registers(&self) -> &'static [Kind] {
        &[Kind::Visits]
    }
    fn reads(&self) -> &'static [Reads] {
        const READS: &[Reads] = &[Reads::reported(visits::MENU), Reads::reported(visits::DISH_RATING)];
        READS
    }
    fn texts(&self) -> &'static [Entry] {
        TEXTS
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for (_, record) in ctx.month.covered(Kind::Visits) {
            let missing: Vec<AnyField> = VISIT_FIELDS
                .into_iter()
                .filter(|f| match record.get(*f) {
                    None => !record.is_unreadable(*f),
                    Some(Value::Text(t)) => t.trim().is_empty(),
                    Some(_) => false,
                })
                .collect();
            if missing.is_empty() {
                continue;
            }
            let source = ctx.registers.source_of(record);
            let field = super::first_present(source, &missing);
            let (fields, _) = ctx.fields(&missing);
            let message = Message::of("msg.GH03", [("fields", fields)]);
            out.push(ctx.finding(self, record, field, message));
        }
    }
}

/// What a banquet's record keeps besides its date, guest and spend: the menu and the guests' view
/// of the dishes.
const VISIT_FIELDS: [AnyField; 2] = [visits::MENU.any(), visits::DISH_RATING.any()];

/// The rule's title, explanation and messages: key → [en, zh-Hant, zh-Hans].
#[rustfmt::skip]
static TEXTS: &[Entry] = &[
    ("rule.GH03.title", [
        "Visit record incomplete",
        "消費記錄不完整",
        "消费记录不完整",
    ]),
    ("rule.GH03.explain", [
        "A visit or banquet of the report month has no menu or no rating of the dishes. The procedure asks that the banquet menu of every visit be filed in the guest's history together with the guest's opinion of the dishes, so that the next menu can be adjusted; it is the part of a catering history most easily forgotten. The finding points at the first missing field.",
        "本月的消費或宴會記錄沒有菜單或沒有菜品評價。規定要求把顧客每次來就餐的宴會菜單收到客史檔案中，並註明顧客對菜品的評價，以便做出相應的調整；這是餐飲客史檔案較易被人們忽略的地方。問題指向第一個缺少的欄位。",
        "本月的消费或宴会记录没有菜单或没有菜品评价。规定要求把顾客每次来就餐的宴会菜单收到客史档案中，并注明顾客对菜品的评价，以便做出相应的调整；这是餐饮客史档案较易被人们忽略的地方。问题指向第一个缺少的列。",
    ]),
    ("msg.GH03", [
        "Visit record is missing {fields}: file the banquet menu and the guest's rating of the dishes.",
        "消費記錄缺少{fields}：請把宴會菜單和客人對菜品的評價記入檔案。",
        "消费记录缺少{fields}：请把宴会菜单和客人对菜品的评价记入档案。",
    ]),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    /// D: menu, E: dish rating.
    const HEADER: &str = "日期 | 客戶編號 | 消費金額 | 宴會菜單 | 菜品評價";

    fn gh03(rows: &[&str]) -> Vec<Finding> {
        run(&Gh03, "2026-10", &[Sheet::new(Kind::Visits, HEADER, rows)])
    }

    #[test]
    fn gh03_a_visit_without_menu_or_rating_is_a_warning_at_the_first_missing() {
        let found = gh03(&[
            "2026-10-05 | G-1 | 3000 | 宴會A套餐 | 滿意",
            "2026-10-08 | G-2 | 2000 |  | 偏鹹",
            "2026-10-12 | G-3 | 1500 | 商務套餐 | ",
            "2026-10-18 | G-1 | 800 |  | ",
        ]);
        assert_eq!(
            spots(&found),
            [
                spot("G-2 2026-10-08", "D3", Severity::Warning),
                spot("G-3 2026-10-12", "E4", Severity::Warning),
                spot("G-1 2026-10-18", "D5", Severity::Warning),
            ]
        );
        assert_eq!(found[0].field, "menu");
        assert_says(
            found[2].message.as_str(),
            &["Visit record is missing menu and dish rating"],
        );
    }

    #[test]
    fn gh03_only_visits_of_the_month_the_last_day_included() {
        let found = gh03(&[
            "2026-10-31 | G-1 | 3000 |  | 滿意",
            "2026-09-30 | G-2 | 2000 |  | 滿意",
            "2026-11-01 | G-3 | 1500 | 商務套餐 | ",
            // Its month cannot be told: RG02 reports the date.
            "2026-10-32 | G-4 | 1500 |  | ",
        ]);
        assert_eq!(spots(&found), [spot("G-1 2026-10-31", "D2", Severity::Warning)]);
    }

    #[test]
    fn gh03_in_a_sheet_without_a_menu_column_the_finding_keeps_to_the_row_or_the_rating() {
        let header = "日期 | 客戶編號 | 消費金額 | 菜品評價";
        let rows = ["2026-10-09 | G-4 | 600 | 滿意", "2026-10-15 | G-2 | 900 | "];
        let found = run(&Gh03, "2026-10", &[Sheet::new(Kind::Visits, header, &rows)]);
        assert_eq!(
            spots(&found),
            [
                spot("G-4 2026-10-09", "2", Severity::Warning),
                spot("G-2 2026-10-15", "D3", Severity::Warning)
            ]
        );
        assert_says(found[1].message.as_str(), &["menu and dish rating"]);
    }
}
