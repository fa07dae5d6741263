//! GH06 duplicate guest profile.

use std::borrow::Cow;

use rustc_hash::FxHashMap;

use crate::base::i18n::Entry;
use crate::base::message::{Arg, Message};
use crate::base::text::id_key;
use crate::registers::{guests, Kind, Record};
use crate::rules::finding::{Finding, Severity};
use crate::rules::{Context, Reads, Rule};

/// **GH06 possible duplicate profile** (warning; procedure Part 2 三, 四.1). Two guest profiles
/// carry the same phone number (compared after normalising: `+86`, spaces, dashes and brackets
/// do not count), or the same name and the same company (compared across width, case and
/// Traditional/Simplified script).
///
/// Why: one guest with two files splits the visits, the spend and the class review between them,
/// and staff see half the history. The finding is reported at the later profile (in register
/// order), at its phone cell for a shared phone and at its name cell for a shared name and company,
/// and names the earlier profiles. Two profiles with the same guest id are RG03's finding, not
/// this one; a name without a company is not compared.
pub struct Gh06;

impl Rule for Gh06 {
    fn id(&self) -> &'static str {
        "GH06"
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
    fn reads(&self) -> &'static [Reads] {
        const READS: &[Reads] = &[
            Reads::read(guests::NAME),
            Reads::read(guests::COMPANY),
            Reads::read(guests::PHONE),
        ];
        READS
    }
    fn texts(&self) -> &'static [Entry] {
        TEXTS
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let records = ctx.month.register(Kind::Guests);
        let mut by_phone: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
        let mut by_name: FxHashMap<(&str, &str), Vec<usize>> = FxHashMap::default();
        // The guest book's records are this register's.
        let keys = ctx.month.guests.book.keys();
        let ids: Vec<Option<Cow<str>>> = records.iter().map(|r| r.text(guests::GUEST_ID).map(id_key)).collect();
        let same_id = |a: usize, b: usize| ids[a].is_some() && ids[a] == ids[b];
        // A profile shared by many is named in many messages: describe each once.
        let described: std::cell::RefCell<Vec<Option<Arg>>> = std::cell::RefCell::new(vec![None; records.len()]);
        let describe_once = |e: usize| {
            described.borrow_mut()[e]
                .get_or_insert_with(|| describe(ctx, &records[e]).into())
                .clone()
        };
        // A profile developed after as-of does not exist yet (SPEC 2): it has no twin in the period.
        for (i, record) in records
            .iter()
            .enumerate()
            .filter(|(i, _)| ctx.month.guests.book.exists(*i))
        {
            let phone = record.phone(guests::PHONE).map(|p| p.digits).filter(|d| !d.is_empty());
            let name_company = keys
                .get(i)
                .filter(|(n, c)| !n.is_empty() && !c.is_empty())
                .map(|(n, c)| (n.as_str(), c.as_str()));
            let phone_twins: Vec<usize> = phone
                .and_then(|p| by_phone.get(p))
                .map(|v| v.iter().copied().filter(|&e| !same_id(e, i)).collect())
                .unwrap_or_default();
            let name_twins: Vec<usize> = name_company
                .as_ref()
                .and_then(|k| by_name.get(k))
                .map(|v| v.iter().copied().filter(|&e| !same_id(e, i)).collect())
                .unwrap_or_default();
            if let Some(p) = phone {
                by_phone.entry(p).or_default().push(i);
            }
            if let Some(k) = name_company {
                by_name.entry(k).or_default().push(i);
            }
            let name_only: Vec<usize> = name_twins.into_iter().filter(|e| !phone_twins.contains(e)).collect();
            for (field, key, twins) in [
                (guests::PHONE.any(), "msg.GH06.phone", phone_twins),
                (guests::NAME.any(), "msg.GH06.name", name_only),
            ] {
                if twins.is_empty() {
                    continue;
                }
                let message = Message::of(key, [("others", Arg::some(&twins, |&e| describe_once(e)))]);
                out.push(ctx.finding(self, record, field, message));
            }
        }
    }
}

/// `G-001 王偉 (guests.xlsx › 客史 › row 5)`
fn describe(ctx: &Context, record: &Record) -> Message {
    let source = ctx.registers.source_of(record);
    let id = record.text(guests::GUEST_ID).unwrap_or_default();
    let name = record.text(guests::NAME).unwrap_or_default();
    let who = format!("{id} {name}");
    Message::of(
        "msg.GH06.profile",
        [
            ("who", Arg::from(who.trim())),
            ("file", Arg::from(&source.file)),
            ("sheet", Arg::from(&source.sheet)),
            ("row", Arg::from(record.row.to_string())),
        ],
    )
}

/// The rule's title, explanation and messages: key → [en, zh-Hant, zh-Hans].
#[rustfmt::skip]
static TEXTS: &[Entry] = &[
    ("rule.GH06.title", [
        "Possible duplicate profile",
        "疑似重複檔案",
        "疑似重复档案",
    ]),
    ("rule.GH06.explain", [
        "Two guest profiles carry the same phone number (compared after dropping +86, spaces, dashes and brackets), or the same name and the same company (compared across width, case and Traditional or Simplified script). One guest with two files splits the visits, the spend and the class review between them. Reported at the later profile in register order, at its phone cell or its name cell, naming the earlier one. Profiles with the same guest id are reported by RG03 instead; a name without a company is not compared.",
        "兩份客史檔案的電話號碼相同（去掉 +86、空格、連字號和括號後比較），或姓名和單位都相同（不分全形半形、大小寫和繁簡）。同一位客人有兩份檔案，消費、客史和類別評定都會被分開。在台帳中較後的檔案的電話或姓名儲存格報告，並指出較前的檔案。客戶編號相同的檔案由 RG03 報告；沒有單位的姓名不作比較。",
        "两份客史档案的电话号码相同（去掉 +86、空格、连字符和括号后比较），或姓名和单位都相同（不分全角半角、大小写和繁简）。同一位客人有两份档案，消费、客史和类别评定都会被分开。在台账中较后的档案的电话或姓名单元格报告，并指出较前的档案。客户编号相同的档案由 RG03 报告；没有单位的姓名不作比较。",
    ]),
    ("msg.GH06.phone", [
        "Same phone number as {others}: check whether this is the same guest and merge the profiles.",
        "電話號碼與 {others}相同：請核實是否為同一位客人，並合併檔案。",
        "电话号码与 {others}相同：请核实是否为同一位客人，并合并档案。",
    ]),
    ("msg.GH06.name", [
        "Same name and company as {others}: check whether this is the same guest and merge the profiles.",
        "姓名和單位與 {others}相同：請核實是否為同一位客人，並合併檔案。",
        "姓名和单位与 {others}相同：请核实是否为同一位客人，并合并档案。",
    ]),
    ("msg.GH06.profile", [
        "{who} ({file} › {sheet} › row {row})",
        "{who}（{file} › {sheet} › 第 {row} 行）",
        "{who}（{file} › {sheet} › 第 {row} 行）",
    ]),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    /// B: name, D: phone.
    const HEADER: &str = "客戶編號 | 姓名 | 單位 | 電話";

    fn gh06(rows: &[&str]) -> Vec<Finding> {
        run(&Gh06, "2026-10", &[Sheet::new(Kind::Guests, HEADER, rows)])
    }

    #[test]
    fn gh06_a_shared_phone_is_a_warning_at_the_later_profiles_phone_naming_the_earlier() {
        let found = gh06(&[
            "G-1 | 王建国 | 华东机电 | 138-1234-5678",
            "G-2 | 李娜 | 丁公司 | +86 (138) 1234 5678",
        ]);
        assert_eq!(spots(&found), [spot("G-2", "D3", Severity::Warning)]);
        assert_eq!(found[0].field, "phone");
        assert_says(
            found[0].message.as_str(),
            &["Same phone number as G-1 王建国 (book.xlsx › Sheet1 › row 2)"],
        );
    }

    #[test]
    fn gh06_the_same_name_and_company_across_script_is_a_warning_at_the_later_name() {
        let found = gh06(&[
            "G-1 | 王建国 | 华东机电 | 138-1234-5678",
            "G-2 | 王建國 | 華東機電 | 139-0000-1111",
        ]);
        assert_eq!(spots(&found), [spot("G-2", "B3", Severity::Warning)]);
        assert_says(found[0].message.as_str(), &["Same name and company as G-1 王建国"]);
    }

    #[test]
    fn gh06_a_phone_shared_by_several_names_every_earlier_profile() {
        let found = gh06(&[
            "G-1 | 王建国 | 华东机电 | 138-1234-5678",
            "G-2 | 李娜 | 丁公司 | 13812345678",
            "G-3 | 張三 | 乙公司 | 138 1234 5678",
        ]);
        assert_eq!(
            spots(&found),
            [
                spot("G-2", "D3", Severity::Warning),
                spot("G-3", "D4", Severity::Warning)
            ]
        );
        assert_says(found[1].message.as_str(), &["G-1 王建国", "G-2 李娜"]);
    }

    #[test]
    fn gh06_a_name_without_a_company_or_a_different_phone_is_not_a_duplicate() {
        let found = gh06(&[
            "G-1 | 趙磊 |  | ",
            "G-2 | 趙磊 |  | ",
            "G-3 | 張偉 | 甲公司 | 138-1234-5678",
            "G-4 | 張偉 | 乙公司 | 138-1234-5679",
        ]);
        assert_eq!(spots(&found), []);
    }

    #[test]
    fn gh06_profiles_with_the_same_id_are_rg03s() {
        let found = gh06(&[
            "G-1 | 王建国 | 华东机电 | 138-1234-5678",
            "G-1 | 王建国 | 华东机电 | 138-1234-5678",
        ]);
        assert_eq!(spots(&found), []);
    }
}
