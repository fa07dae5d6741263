//! Texts of the registers: the kinds' names and what a sheet that is no register lacks; and the
//! names of the columns, in the report's language.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::Kind;
use crate::base::i18n::{Catalogue, Lang};
use crate::base::text;

/// A column's name: English words, or its first Chinese alias in the language's script.
/// Worked out once per language (a large report names a field on every finding row).
pub fn field_label(text: &Catalogue, field: &str) -> String {
    static NAMES: [OnceLock<FxHashMap<&'static str, String>>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let index = Lang::ALL.iter().position(|l| *l == text.lang).unwrap_or(0);
    let names = NAMES[index].get_or_init(|| {
        Kind::ALL
            .iter()
            .flat_map(|k| k.columns())
            .map(|c| (c.name, field_name(text.lang, c.name)))
            .collect()
    });
    match names.get(field) {
        Some(name) => name.clone(),
        None => field_name(text.lang, field),
    }
}

fn field_name(lang: Lang, field: &str) -> String {
    let column = Kind::ALL.iter().flat_map(|k| k.columns()).find(|c| c.name == field);
    let chinese = column.and_then(|c| c.aliases.iter().find(|a| !a.is_ascii()));
    match (lang, chinese) {
        (Lang::ZhHant, Some(label)) => label.to_string(),
        (Lang::ZhHans, Some(label)) => text::to_simplified(label),
        _ => field.replace('_', " "),
    }
}

/// An option of a register's column in the language: its code in words in English, its first
/// Chinese alias in Chinese (`vip`, `貴賓`). A code the column does not list is said as it is.
pub fn option_label(text: &Catalogue, kind: &str, field: &str, code: &str) -> String {
    let column = Kind::from_id(kind).and_then(|k| k.columns().iter().find(|c| c.name == field));
    let option = match column.map(|c| c.ty) {
        Some(super::ColumnType::Enum(options)) => options.iter().find(|o| o.code == code),
        _ => None,
    };
    let chinese = option.and_then(|o| o.aliases.iter().find(|a| !a.is_ascii()));
    match (text.lang, chinese) {
        (Lang::ZhHant, Some(alias)) => alias.to_string(),
        (Lang::ZhHans, Some(alias)) => text::to_simplified(alias),
        _ => code.replace('_', " "),
    }
}

impl Kind {
    /// The register's name in the report's language.
    pub fn label(self, text: &Catalogue) -> String {
        text.get(&format!("kind.{}", self.id()))
    }
}

/// key → [en, zh-Hant, zh-Hans]
#[rustfmt::skip]
pub static TEXTS: &[crate::base::i18n::Entry] = &[
    ("kind.contracts", ["Contracts and orders", "合同及訂單", "合同及订单"]),
    ("kind.amendments", ["Contract amendments", "合同修訂", "合同修订"]),
    ("kind.feedback", ["Feedback and complaints", "顧客反饋及投訴", "顾客反馈及投诉"]),
    ("kind.guests", ["Guest profiles", "客史檔案", "客史档案"]),
    ("kind.visits", ["Visits and banquets", "消費記錄", "消费记录"]),
    ("kind.callbacks", ["Call-backs", "回訪記錄", "回访记录"]),
    ("kind.absent.contracts", ["No contracts register was given.", "未提供合同台帳。", "未提供合同台账。"]),
    ("kind.absent.amendments", ["No amendments register was given.", "未提供合同修訂登記。", "未提供合同修订登记。"]),
    ("kind.absent.feedback", ["No feedback register was given.", "未提供顧客反饋登記表。", "未提供顾客反馈登记表。"]),
    ("kind.absent.guests", ["No guest register was given.", "未提供客史檔案。", "未提供客史档案。"]),
    ("kind.absent.visits", ["No visits register was given.", "未提供消費記錄。", "未提供消费记录。"]),
    ("kind.absent.callbacks", ["No call-back register was given.", "未提供回訪記錄。", "未提供回访记录。"]),
    ("skip.closest", ["closest: {kind}; missing columns: {missing}", "最接近：{kind}；缺少欄：{missing}", "最接近：{kind}；缺少列：{missing}"]),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::i18n::Texts;

    #[test]
    fn field_labels() {
        let texts = Texts::new(&[TEXTS]).leak();
        let text = |lang| Catalogue::new(lang, texts);
        assert_eq!(field_label(&text(Lang::En), "received_date"), "received date");
        assert_eq!(field_label(&text(Lang::ZhHant), "received_date"), "接收日期");
        assert_eq!(field_label(&text(Lang::ZhHans), "customer"), "顾客");
        assert_eq!(Kind::Guests.label(&text(Lang::ZhHans)), "客史档案");
    }
}
