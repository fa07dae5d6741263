//! Texts every rule family shares: the names of the severities.

/// key → [en, zh-Hant, zh-Hans]
#[rustfmt::skip]
pub static TEXTS: &[crate::base::i18n::Entry] = &[
    ("severity.error", ["error", "錯誤", "错误"]),
    ("severity.warning", ["warning", "警告", "警告"]),
    ("severity.info", ["info", "提示", "提示"]),
];
