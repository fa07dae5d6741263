//! GH02 class out of date.

use chrono::Datelike;

use crate::base::i18n::Entry;
use crate::base::message::{Arg, Message};
use crate::base::text::money_text;
use crate::month::Period;
use crate::registers::{guests, visits, Kind};
use crate::rules::finding::{Finding, Severity};
use crate::rules::{Context, Reads, Rule};

/// **GH02 class out of date** (info, a warning in quarter-end months; procedure Part 2 四.4). The
/// recorded class differs from the class the guest's spend over the 12 months to as-of earns
/// (defaults: A from 100,000, B from 20,000, else C; `guests.class_a_spend`,
/// `guests.class_b_spend`). Spend is the sum of every visit of the guest in every visits register,
/// whatever month the row belongs to, in exact decimals; a visit is matched to its profile by
/// guest id, else by name.
///
/// Why: each quarter the sales and catering departments move guests between the A, B and C files
/// according to what they spent. Between reviews a difference is only a note; at the review (a
/// quarter-end month, or a quarter, half-year or year asked for with `--period`) it is a warning.
/// A guest with no class recorded is read as C (the procedure's class for ordinary and newly won
/// guests) and is proposed for a class once its spend earns B or A. The proposals are listed with
/// the spend behind them on the Guests sheet.
pub struct Gh02;

impl Rule for Gh02 {
    fn id(&self) -> &'static str {
        "GH02"
    }
    fn severity(&self) -> Severity {
        Severity::Info
    }
    fn clause(&self) -> &'static str {
        "Part 2 四.4"
    }
    fn settings(&self) -> &'static [&'static str] {
        &["guests.class_a_spend", "guests.class_b_spend"]
    }
    fn registers(&self) -> &'static [Kind] {
        &[Kind::Guests, Kind::Visits]
    }
    fn joins(&self) -> &'static [Kind] {
        &[Kind::Visits]
    }
    fn reads(&self) -> &'static [Reads] {
        const READS: &[Reads] = &[Reads::reported_when(guests::CLASS), Reads::read(visits::SPEND)];
        READS
    }
    fn texts(&self) -> &'static [Entry] {
        TEXTS
    }
    fn severity_in(&self, period: &Period) -> Severity {
        match review_due(period) {
            true => Severity::Warning,
            false => self.severity(),
        }
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let guests = &ctx.month.guests;
        let settings = &ctx.settings.guests;
        let a = money_text(settings.class_a_spend.into());
        let b = money_text(settings.class_b_spend.into());
        let as_of = ctx.period.as_of.to_string();
        for p in &guests.proposals {
            let record = guests.book.record(p.guest);
            let message = Message::of(
                "msg.GH02.none",
                [
                    ("proposed", p.proposed.into()),
                    ("spend", money_text(p.spend.spend).into()),
                    ("visits", Arg::count(p.spend.visits as usize)),
                    ("as_of", Arg::from(&as_of)),
                    ("a", Arg::from(&a)),
                    ("b", Arg::from(&b)),
                ],
            );
            let message = match p.recorded {
                Some(class) => Message {
                    key: "msg.GH02".into(),
                    ..message
                }
                .with("class", class),
                None => message,
            };
            out.push(ctx.finding(self, record, guests::CLASS, message));
        }
    }
}

/// The consumption review is due: a quarter-end month, or a period ending a quarter.
pub fn review_due(period: &Period) -> bool {
    !period.all_rows && period.as_of.month().is_multiple_of(3)
}

/// The rule's title, explanation and messages: key → [en, zh-Hant, zh-Hans].
#[rustfmt::skip]
static TEXTS: &[Entry] = &[
    ("rule.GH02.title", [
        "Guest class out of date",
        "客戶類別需要調整",
        "客户类别需要调整",
    ]),
    ("rule.GH02.explain", [
        "The recorded class differs from the class the guest's spend over the 12 months to the as-of date earns (settings guests.class_a_spend and guests.class_b_spend; by default class A from 100,000, class B from 20,000, otherwise class C; the threshold belongs to the higher class). Spend is the exact sum of every visit of the guest in every visits register, matched to the profile by guest id, otherwise by name. Each quarter the sales and catering departments move guests between classes by their spending: between reviews this is a note, in quarter-end months (and for a quarter, half-year or year period) a warning. A guest with no class recorded is read as class C and proposed once its spend earns class B or A. The proposals are listed, with the spend behind them, on the Guests sheet.",
        "記錄的類別與客人截至統計日前 12 個月的消費金額所對應的類別不符（設定 guests.class_a_spend 和 guests.class_b_spend；預設滿 100,000 為A類，滿 20,000 為B類，其餘為C類；剛好等於門檻者屬較高類別）。消費金額為所有消費記錄中該客人每次消費的精確合計，按客戶編號對應檔案，沒有編號時按姓名對應。營銷部會同餐飲部每季度根據客戶消費情況進行A、B、C類動態轉換：平時為提示，季末月份（以及按季度、半年或年度統計時）為警告。未填類別的客人按C類看待，消費達到B類或A類時提出調整建議。調整建議及其消費金額列在客史工作表中。",
        "记录的类别与客人截至统计日前 12 个月的消费金额所对应的类别不符（设置项 guests.class_a_spend 和 guests.class_b_spend；默认满 100,000 为A类，满 20,000 为B类，其余为C类；刚好等于门槛者属较高类别）。消费金额为所有消费记录中该客人每次消费的精确合计，按客户编号对应档案，没有编号时按姓名对应。营销部会同餐饮部每季度根据客户消费情况进行A、B、C类动态转换：平时为提示，季末月份（以及按季度、半年或年度统计时）为警告。未填类别的客人按C类看待，消费达到B类或A类时提出调整建议。调整建议及其消费金额列在客史工作表中。",
    ]),
    ("msg.GH02", [
        "Recorded as class {class}, but the spend in the 12 months to {as_of} is {spend} over {visits} visit{visits|s}, which earns class {proposed} (A from {a}, B from {b}): propose class {proposed} at the consumption review.",
        "記錄為{class}類，但截至 {as_of} 的 12 個月消費 {spend}（共 {visits} 次），應為{proposed}類（A類滿 {a}，B類滿 {b}）：請在消費分析會上提出轉為{proposed}類。",
        "记录为{class}类，但截至 {as_of} 的 12 个月消费 {spend}（共 {visits} 次），应为{proposed}类（A类满 {a}，B类满 {b}）：请在消费分析会上提出转为{proposed}类。",
    ]),
    ("msg.GH02.none", [
        "No class recorded; the spend in the 12 months to {as_of} is {spend} over {visits} visit{visits|s}, which earns class {proposed} (A from {a}, B from {b}): record class {proposed}.",
        "未填類別；截至 {as_of} 的 12 個月消費 {spend}（共 {visits} 次），應為{proposed}類（A類滿 {a}，B類滿 {b}）：請填寫為{proposed}類。",
        "未填类别；截至 {as_of} 的 12 个月消费 {spend}（共 {visits} 次），应为{proposed}类（A类满 {a}，B类满 {b}）：请填写为{proposed}类。",
    ]),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    /// C: class.
    fn guests(rows: &[&str]) -> Sheet {
        Sheet::new(Kind::Guests, "客戶編號 | 姓名 | 類別 | 開發日期", rows)
    }

    fn visits(rows: &[&str]) -> Sheet {
        Sheet::new(Kind::Visits, "日期 | 客戶編號 | 姓名 | 消費金額", rows).in_file("消費記錄.xlsx")
    }

    #[test]
    fn gh02_a_class_the_spend_does_not_earn_is_a_note_at_the_class() {
        let found = run(
            &Gh02,
            "2026-10",
            &[
                guests(&["G-1 | 王偉 | B | 2024-03-01"]),
                visits(&["2026-08-10 | G-1 | 王偉 | 60000", "2026-09-05 | G-1 | 王偉 | 40000"]),
            ],
        );
        assert_eq!(spots(&found), [spot("G-1", "C2", Severity::Info)]);
        assert_eq!(found[0].field, "class");
        assert_says(
            found[0].message.as_str(),
            &["Recorded as class B", "100,000.00 over 2 visits", "earns class A"],
        );
    }

    #[test]
    fn gh02_is_a_warning_when_the_quarterly_review_is_due() {
        let sheets = [
            guests(&["G-1 | 王偉 | B | 2024-03-01"]),
            visits(&["2026-08-10 | G-1 | 王偉 | 100000"]),
        ];
        for (period, severity) in [
            ("2026-09", Severity::Warning),
            ("2026-Q3", Severity::Warning),
            ("2026-H2", Severity::Warning),
            ("2026", Severity::Warning),
            ("2026-11", Severity::Info),
        ] {
            assert_eq!(
                spots(&run(&Gh02, period, &sheets)),
                [spot("G-1", "C2", severity)],
                "{period}"
            );
        }
    }

    #[test]
    fn gh02_each_threshold_belongs_to_the_higher_class() {
        let found = run(
            &Gh02,
            "2026-10",
            &[
                guests(&["G-1 | 王偉 | B | ", "G-2 | 李娜 | C | ", "G-3 | 張三 | A | "]),
                visits(&[
                    "2026-10-05 | G-1 | 王偉 | 99999.99",
                    "2026-10-05 | G-2 | 李娜 | 20000",
                    "2026-10-05 | G-3 | 張三 | 15000",
                ]),
            ],
        );
        assert_eq!(
            spots(&found),
            [spot("G-2", "C3", Severity::Info), spot("G-3", "C4", Severity::Info)]
        );
        assert_says(found[0].message.as_str(), &["earns class B"]);
        assert_says(found[1].message.as_str(), &["Recorded as class A", "earns class C"]);
    }

    #[test]
    fn gh02_a_guest_without_a_class_is_read_as_c() {
        let found = run(
            &Gh02,
            "2026-10",
            &[
                guests(&["G-1 | 王偉 |  | ", "G-2 | 李娜 |  | "]),
                visits(&["2026-10-05 | G-1 | 王偉 | 5000", "2026-10-05 | G-2 | 李娜 | 25000"]),
            ],
        );
        assert_eq!(spots(&found), [spot("G-2", "C3", Severity::Info)]);
        assert_says(found[0].message.as_str(), &["No class recorded", "record class B"]);
    }

    #[test]
    fn gh02_spend_is_of_the_12_months_to_as_of_from_every_visits_register() {
        let found = run(
            &Gh02,
            "2026-10",
            &[
                guests(&["G-1 | 王偉 | C | ", "G-2 | 李娜 | C | "]),
                // The 12 months to 2026-10-31 run from 2025-11-01.
                visits(&[
                    "2025-10-31 | G-1 | 王偉 | 10000",
                    "2026-11-02 | G-1 | 王偉 | 10000",
                    "2025-11-01 | G-2 | 李娜 | 10000",
                ]),
                visits(&["2026-10-05 | G-1 | 王偉 | 15000", "2026-10-05 | G-2 | 李娜 | 10000"]).in_file("宴會.xlsx"),
            ],
        );
        assert_eq!(spots(&found), [spot("G-2", "C3", Severity::Info)]);
        assert_says(found[0].message.as_str(), &["20,000.00 over 2 visits"]);
    }

    #[test]
    fn gh02_a_visit_is_matched_by_guest_id_else_by_name_across_script() {
        let found = run(
            &Gh02,
            "2026-10",
            &[
                guests(&["G-1 | 陈建华 | C | ", "G-2 | 李娜 | B | "]),
                visits(&["2026-10-05 |  | 陳建華 | 20000", "2026-10-06 | G-2 | 陳建華 | 20000"]),
            ],
        );
        assert_eq!(spots(&found), [spot("G-1", "C2", Severity::Info)]);
        assert_says(found[0].message.as_str(), &["20,000.00 over 1 visit,"]);
    }

    #[test]
    fn gh02_needs_a_visits_register() {
        assert_eq!(spots(&run(&Gh02, "2026-10", &[guests(&["G-1 | 王偉 | A | "])])), []);
    }

    #[test]
    fn gh02_a_profile_developed_after_as_of_is_in_no_proposal() {
        let found = run(
            &Gh02,
            "2026-10",
            &[
                guests(&["G-1 | 王偉 | A | 2026-11-20"]),
                visits(&["2026-10-05 | G-2 | 李娜 | 500"]),
            ],
        );
        assert_eq!(spots(&found), []);
    }
}
