//! GH05 visit or call-back of an unknown guest.

use crate::base::i18n::Entry;
use crate::base::message::{Arg, Message};
use crate::month::guests::{Match, Resolver};
use crate::registers::{callbacks, guests, visits, AnyField, Kind, Record};
use crate::rules::finding::{Finding, Severity};
use crate::rules::{Context, Reads, Rule};

/// **GH05 visit or call-back of an unknown guest** (warning; procedure Part 2 三, 四.1). A visit
/// or call-back of the report month names a guest id that no profile in the guest registers
/// carries; a visit that names only the guest (no id) is looked up by name, compared across width,
/// case and script.
///
/// Why: a visit booked to no profile is spend that never reaches the guest's history or class
/// review, and a call-back to no profile cannot be counted as the monthly call of a new A-class
/// guest. A name that several profiles carry is not reported here (the profile exists; GH06 may
/// report the duplicates). The rule runs only when a guest register is given together with visits
/// or call-backs.
pub struct Gh05;

impl Rule for Gh05 {
    fn id(&self) -> &'static str {
        "GH05"
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
    fn clause(&self) -> &'static str {
        "Part 2 三, 四.1"
    }
    fn registers(&self) -> &'static [Kind] {
        &[Kind::Guests]
    }
    fn joins(&self) -> &'static [Kind] {
        &[Kind::Visits, Kind::Callbacks]
    }
    fn reads(&self) -> &'static [Reads] {
        const READS: &[Reads] = &[
            Reads::read(visits::GUEST_ID),
            Reads::read(visits::NAME),
            Reads::read(callbacks::GUEST_ID),
        ];
        READS
    }
    fn texts(&self) -> &'static [Entry] {
        TEXTS
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let book = &ctx.month.guests.book;
        let mut resolver = Resolver::new(book);
        for kind in [Kind::Visits, Kind::Callbacks] {
            for (_, record) in ctx.month.covered(kind) {
                let reference = resolver.resolve(record);
                let (field, message) = match (reference.id, reference.name) {
                    (Some(Match::Unknown), name) => (id_field(kind), unknown_id(ctx, record, name)),
                    (None, Some(Match::Unknown)) => {
                        let name = record.text(visits::NAME).unwrap_or_default();
                        (
                            visits::NAME.any(),
                            Message::of("msg.GH05.name", [("name", Arg::from(name))]),
                        )
                    }
                    _ => continue,
                };
                out.push(ctx.finding(self, record, field, message));
            }
        }
    }
}

fn id_field(kind: Kind) -> AnyField {
    match kind {
        Kind::Visits => visits::GUEST_ID.any(),
        _ => callbacks::GUEST_ID.any(),
    }
}

/// "guest id G-9 is not in the guest register", with a hint when the row's name is a profile's.
fn unknown_id(ctx: &Context, record: &Record, name: Option<Match>) -> Message {
    let id = match record.kind {
        Kind::Visits => record.text(visits::GUEST_ID),
        _ => record.text(callbacks::GUEST_ID),
    };
    let mut message = Message::of("msg.GH05.id", [("id", Arg::from(id.unwrap_or_default()))]);
    if let Some(Match::Guest(g)) = name {
        let other = ctx
            .month
            .guests
            .book
            .record(g)
            .text(guests::GUEST_ID)
            .unwrap_or_default();
        let shown = record.text(visits::NAME).unwrap_or_default();
        let hint = Message::of(
            "msg.GH05.hint",
            [("name", Arg::from(shown)), ("other", Arg::from(other))],
        );
        message = Message::sentences([message, hint]);
    }
    message
}

/// The rule's title, explanation and messages: key → [en, zh-Hant, zh-Hans].
#[rustfmt::skip]
static TEXTS: &[Entry] = &[
    ("rule.GH05.title", [
        "Visit or call-back of an unknown guest",
        "消費或回訪的客人不在檔案中",
        "消费或回访的客人不在档案中",
    ]),
    ("rule.GH05.explain", [
        "A visit or call-back of the report month gives a guest id that no guest profile carries; a visit that gives only the guest's name is looked up by name (width, case and Traditional or Simplified script ignored). Spend booked to no profile never reaches the guest's history or class review, and a call-back to no profile cannot count as the monthly call. A name that several profiles carry is not reported. Runs only when a guest register is given together with visits or call-backs.",
        "本月的消費或回訪記錄所填的客戶編號不在任何客史檔案中；只填姓名的消費記錄按姓名查找（不分全形半形、大小寫和繁簡）。對應不到檔案的消費無法計入客人的客史和類別評定，對應不到檔案的回訪也不能算作每月回訪。多個檔案同名時不報告。僅在提供客史檔案以及消費或回訪記錄時檢查。",
        "本月的消费或回访记录所填的客户编号不在任何客史档案中；只填姓名的消费记录按姓名查找（不分全角半角、大小写和繁简）。对应不到档案的消费无法计入客人的客史和类别评定，对应不到档案的回访也不能算作每月回访。多个档案同名时不报告。仅在提供客史档案以及消费或回访记录时检查。",
    ]),
    ("msg.GH05.id", [
        "Guest id {id} is in no guest profile: correct the id, or open a profile for the guest.",
        "客戶編號 {id} 不在客史檔案中：請更正編號，或為客人建立檔案。",
        "客户编号 {id} 不在客史档案中：请更正编号，或为客人建立档案。",
    ]),
    ("msg.GH05.name", [
        "No guest profile is named {name}: add the guest id, or open a profile for the guest.",
        "客史檔案中沒有名為「{name}」的客人：請填寫客戶編號，或為客人建立檔案。",
        "客史档案中没有名为「{name}」的客人：请填写客户编号，或为客人建立档案。",
    ]),
    ("msg.GH05.hint", [
        "The name {name} is on profile {other}.",
        "姓名「{name}」對應的檔案是 {other}。",
        "姓名「{name}」对应的档案是 {other}。",
    ]),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    fn guests() -> Sheet {
        let rows = [
            "G-1 | 陈建华 | 甲公司",
            "G-2 | 王伟 | 乙公司",
            "G-3 | 王伟 | 丙公司",
            "G-4 | 李娜 | 丁公司",
        ];
        Sheet::new(Kind::Guests, "客戶編號 | 姓名 | 單位", &rows).in_file("客史.xlsx")
    }

    /// B: guest id, C: name.
    fn visits(rows: &[&str]) -> Sheet {
        Sheet::new(Kind::Visits, "日期 | 客戶編號 | 姓名 | 消費金額", rows).in_file("消費.xlsx")
    }

    /// B: guest id.
    fn callbacks(rows: &[&str]) -> Sheet {
        Sheet::new(Kind::Callbacks, "日期 | 客戶編號 | 回訪人", rows).in_file("回訪.xlsx")
    }

    #[test]
    fn gh05_a_visit_or_call_back_of_an_id_on_no_profile_is_a_warning_at_the_id() {
        let found = run(
            &Gh05,
            "2026-10",
            &[
                guests(),
                visits(&["2026-10-05 | G-1 | 陈建华 | 800", "2026-10-08 | G-9 |  | 500"]),
                callbacks(&["2026-10-16 | G-8 | 劉經理", "2026-10-17 | G-4 | 劉經理"]),
            ],
        );
        assert_eq!(
            spots(&found),
            [
                spot("G-9 2026-10-08", "B3", Severity::Warning),
                spot("G-8 2026-10-16", "B2", Severity::Warning)
            ]
        );
        assert_says(found[0].message.as_str(), &["Guest id G-9 is in no guest profile"]);
        assert_eq!(found[1].location.file, "回訪.xlsx");
    }

    #[test]
    fn gh05_names_the_profile_that_carries_the_visits_name() {
        let found = run(
            &Gh05,
            "2026-10",
            &[guests(), visits(&["2026-10-10 | G-99 | 李娜 | 500"])],
        );
        assert_eq!(spots(&found), [spot("G-99 2026-10-10", "B2", Severity::Warning)]);
        assert_says(found[0].message.as_str(), &["The name 李娜 is on profile G-4"]);
    }

    #[test]
    fn gh05_a_visit_without_an_id_is_looked_up_by_name_across_width_case_and_script() {
        let found = run(
            &Gh05,
            "2026-10",
            &[
                guests(),
                visits(&[
                    "2026-10-12 |  | 周曉明 | 500",
                    "2026-10-13 |  | 陳建華 | 500",
                    // Two profiles carry the name: the profile exists.
                    "2026-10-14 |  | 王伟 | 500",
                    "2026-10-15 | ｇ－１ |  | 500",
                ]),
            ],
        );
        assert_eq!(spots(&found), [spot("周曉明 2026-10-12", "C2", Severity::Warning)]);
        assert_eq!(found[0].field, "name");
        assert_says(found[0].message.as_str(), &["No guest profile is named 周曉明"]);
    }

    #[test]
    fn gh05_rows_of_other_months_give_nothing() {
        let found = run(
            &Gh05,
            "2026-10",
            &[
                guests(),
                visits(&["2026-09-28 | G-9 |  | 500"]),
                callbacks(&["2026-11-01 | G-8 | 劉經理"]),
            ],
        );
        assert_eq!(spots(&found), []);
    }

    #[test]
    fn gh05_runs_only_with_a_guest_register() {
        let found = run(&Gh05, "2026-10", &[visits(&["2026-10-08 | G-9 |  | 500"])]);
        assert_eq!(spots(&found), []);
    }
}
