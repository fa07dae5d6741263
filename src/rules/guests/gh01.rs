//! GH01 profile incomplete.

use crate::base::i18n::Entry;
use crate::base::message::{Arg, Message};
use crate::registers::{guests, Kind};
use crate::rules::finding::{Finding, Severity};
use crate::rules::{Context, Reads, Rule};

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
    fn reads(&self) -> &'static [Reads] {
        const READS: &[Reads] = &[
            Reads::read(guests::CLASS),
            Reads::reported_when(guests::COMPANY),
            Reads::reported_when(guests::PHONE),
            Reads::reported_when(guests::BIRTHDAY),
            Reads::reported_when(guests::ANNIVERSARY),
            Reads::reported_when(guests::DIETARY_HABITS),
        ];
        READS
    }
    fn texts(&self) -> &'static [Entry] {
        TEXTS
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let guests = &ctx.month.guests;
        for (i, record) in ctx.month.covered(Kind::Guests) {
            let Some(gap) = &guests.gaps[i] else { continue };
            let source = ctx.registers.source_of(record);
            let field = super::first_present(source, &gap.missing);
            let (fields, n) = ctx.fields(&gap.missing);
            let message = Message::of(
                "msg.GH01",
                [("class", Arg::from(gap.class)), ("fields", fields), ("n", n)],
            );
            out.push(ctx.finding(self, record, field, message));
        }
    }
}

/// The rule's title, explanation and messages: key → [en, zh-Hant, zh-Hans].
#[rustfmt::skip]
static TEXTS: &[Entry] = &[
    ("rule.GH01.title", [
        "Guest profile incomplete",
        "客史檔案不完整",
        "客史档案不完整",
    ]),
    ("rule.GH01.explain", [
        "An A- or B-class guest's profile misses a field its class requires (settings guests.required_a and guests.required_b; by default company, phone, birthday, dietary habits and wedding anniversary for class A, company and phone for class B). The procedure asks for particular care over the history files of A- and B-class guests, whose details staff use to greet, seat and congratulate them. The finding points at the first missing field (the first with a column in the sheet) and the message lists them all.",
        "A類或B類客人的客史檔案缺少其類別要求的欄位（設定 guests.required_a 和 guests.required_b；預設A類為單位、電話、生日、飲食習慣和結婚紀念日，B類為單位和電話）。規定要求特別注重搞好A類和B類客戶的客史檔案建設，員工憑這些資料稱呼、接待和祝賀客人。問題指向第一個缺少的欄位（工作表中有該欄者優先），說明中列出全部缺少的欄位。",
        "A类或B类客人的客史档案缺少其类别要求的列（设置项 guests.required_a 和 guests.required_b；默认A类为单位、电话、生日、饮食习惯和结婚纪念日，B类为单位和电话）。规定要求特别注重搞好A类和B类客户的客史档案建设，员工凭这些信息称呼、接待和祝贺客人。问题指向第一个缺少的列（工作表中有该列者优先），说明中列出全部缺少的列。",
    ]),
    ("msg.GH01", [
        "Class {class} profile is missing {fields}: ask the guest or the account manager and fill {n|it|them} in.",
        "{class}類客人的檔案缺少{fields}：請向客人或客戶經理了解後補齊。",
        "{class}类客人的档案缺少{fields}：请向客人或客户经理了解后补齐。",
    ]),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    /// D: company, E: phone, F: birthday, G: anniversary, H: dietary habits.
    const HEADER: &str = "客戶編號 | 姓名 | 類別 | 單位 | 電話 | 生日 | 結婚紀念日 | 飲食習慣 | 開發日期";

    fn gh01(settings: &Settings, rows: &[&str]) -> Vec<Finding> {
        run_with(&Gh01, settings, "2026-10", &[Sheet::new(Kind::Guests, HEADER, rows)])
    }

    /// The columns it declares it reports blank (what the templates' notes say) are those the
    /// default settings require of A- and B-class guests.
    #[test]
    fn declares_the_fields_the_default_settings_require() {
        let settings = Settings::default().guests;
        let mut required: Vec<&str> = settings
            .required_a
            .iter()
            .chain(&settings.required_b)
            .map(String::as_str)
            .collect();
        required.sort();
        required.dedup();
        let mut declared: Vec<&str> = Gh01
            .reads()
            .iter()
            .filter(|r| r.blank == crate::rules::Blank::ReportedWhen)
            .map(|r| r.field.name)
            .collect();
        declared.sort();
        assert_eq!(declared, required);
    }

    #[test]
    fn gh01_an_a_class_profile_missing_fields_is_a_warning_at_the_first_naming_them_all() {
        let found = gh01(
            &Settings::default(),
            &["G-1 | 王偉 | A |  | 138-1234-5678 |  | 2000-05-01 | 清淡 | 2024-03-01"],
        );
        assert_eq!(spots(&found), [spot("G-1", "D2", Severity::Warning)]);
        assert_eq!(found[0].field, "company");
        assert_says(
            found[0].message.as_str(),
            &["Class A profile is missing company and birthday"],
        );
    }

    #[test]
    fn gh01_a_complete_a_class_profile_gives_nothing() {
        let row = "G-1 | 王偉 | A | 甲公司 | 138-1234-5678 | 1970-02-03 | 2000-05-01 | 清淡 | 2024-03-01";
        assert_eq!(spots(&gh01(&Settings::default(), &[row])), []);
    }

    #[test]
    fn gh01_class_b_needs_company_and_phone_only_class_c_or_none_nothing() {
        let found = gh01(
            &Settings::default(),
            &[
                "G-2 | 李娜 | B | 甲公司 | 139-0000-1111 |  |  |  | ",
                "G-3 | 張三 | B | 乙公司 |  |  |  |  | ",
                "G-4 | 趙六 | C |  |  |  |  |  | ",
                "G-5 | 錢七 |  |  |  |  |  |  | ",
            ],
        );
        assert_eq!(spots(&found), [spot("G-3", "E3", Severity::Warning)]);
        assert_says(found[0].message.as_str(), &["Class B profile is missing phone"]);
    }

    #[test]
    fn gh01_points_at_the_first_missing_field_the_sheet_has_a_column_for() {
        let header = "客戶編號 | 姓名 | 類別 | 單位 | 電話 | 飲食習慣";
        let rows = ["G-1 | 王偉 | A | 甲公司 | 138-1234-5678 | "];
        let found = run(&Gh01, "2026-10", &[Sheet::new(Kind::Guests, header, &rows)]);
        assert_eq!(spots(&found), [spot("G-1", "F2", Severity::Warning)]);
        assert_says(found[0].message.as_str(), &["birthday, dietary habits and anniversary"]);
    }

    #[test]
    fn gh01_an_unreadable_field_is_rg02s_not_missing() {
        let row = "G-1 | 王偉 | A | 甲公司 | 138-1234-5678 | 1975-02-30 | 2000-05-01 | 清淡 | 2024-03-01";
        assert_eq!(spots(&gh01(&Settings::default(), &[row])), []);
    }

    #[test]
    fn gh01_follows_the_fields_the_settings_require() {
        let row = "G-2 | 李娜 | B | 甲公司 | 139-0000-1111 |  |  |  | ";
        let own = settings("[guests]\nrequired_b = [\"company\", \"phone\", \"birthday\"]\n");
        let found = gh01(&own, &[row]);
        assert_eq!(spots(&found), [spot("G-2", "F2", Severity::Warning)]);
    }

    #[test]
    fn gh01_a_profile_developed_after_as_of_does_not_exist_yet() {
        let row = "G-9 | 周曉明 | A | 甲公司 |  |  |  |  | 2026-11-12";
        assert_eq!(spots(&gh01(&Settings::default(), &[row])), []);
    }
}
