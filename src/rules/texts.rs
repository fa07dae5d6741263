//! Texts every rule family shares: the names of the severities, and of the procedures' parts a
//! clause names.

/// key → [en, zh-Hant, zh-Hans]
#[rustfmt::skip]
pub static TEXTS: &[crate::base::i18n::Entry] = &[
    ("severity.error", ["error", "錯誤", "错误"]),
    ("severity.warning", ["warning", "警告", "警告"]),
    ("severity.info", ["note", "提示", "提示"]),
    ("clause.part.2", ["Part 2", "第二篇", "第二篇"]),
    ("clause.part.3", ["Part 3", "第三篇", "第三篇"]),
    ("clause.sep", ["; ", "；", "；"]),
    ("clause.in_part", ["{part} {items}", "{part} {items}", "{part} {items}"]),
];
