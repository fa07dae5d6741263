//! The catalogue of every text clerk shows, put together from the tables that live beside their
//! owners (each layer's `TEXTS`), and handed down to the layers below.

use std::sync::OnceLock;

use crate::base::i18n::{Catalogue, Entry, Lang, Texts};

/// Every table of texts, from the bottom layer up; each lives beside the code that uses it.
pub fn tables() -> Vec<&'static [Entry]> {
    let mut tables = vec![
        crate::base::i18n::TEXTS,
        crate::base::os::TEXTS,
        crate::read::TEXTS,
        crate::values::TEXTS,
        crate::registers::texts::TEXTS,
        crate::settings::TEXTS,
        crate::month::PERIOD_TEXTS,
        crate::settings::SHAPE_TEXTS,
        crate::month::authority::TEXTS,
    ];
    tables.extend(crate::registers::Kind::ALL.map(crate::registers::Kind::header_notes));
    tables.extend(crate::rules::registry::texts());
    tables.extend([
        crate::history::TEXTS,
        crate::report::texts::TEXTS,
        crate::report::lifecycle::TEXTS,
        crate::report::contracts::TEXTS,
        crate::report::feedback::TEXTS,
        crate::report::guests::TEXTS,
        crate::report::settings::TEXTS,
        crate::render::annotate::TEXTS,
        crate::render::html::TEXTS,
        crate::render::eml::TEXTS,
        crate::commands::init::TEXTS,
        crate::commands::column_notes::TEXTS,
        crate::commands::send::TEXTS,
        crate::commands::outbox::TEXTS,
        TEXTS,
    ]);
    tables
}

/// The catalogue, made once.
pub fn texts() -> &'static Texts {
    static TEXTS: OnceLock<&'static Texts> = OnceLock::new();
    TEXTS.get_or_init(|| Texts::new(&tables()).with_words(crate::month::words).leak())
}

/// The catalogue's texts in `lang`.
pub fn catalogue(lang: Lang) -> Catalogue {
    Catalogue::new(lang, texts())
}

/// Texts of the terminal: key → [en, zh-Hant, zh-Hans].
#[rustfmt::skip]
pub static TEXTS: &[Entry] = &[
    ("cli.rows_read", [
        "{rows} row{rows|s} read",
        "已讀取 {rows} 行",
        "已读取 {rows} 行",
    ]),
    ("cli.summary", [
        "{errors} error{errors|s}, {warnings} warning{warnings|s}, {infos} note{infos|s} in {rows} row{rows|s} of {sheets} sheet{sheets|s}",
        "檢查了 {sheets} 個工作表共 {rows} 行：{errors} 項錯誤、{warnings} 項警告、{infos} 項提示",
        "检查了 {sheets} 个工作表共 {rows} 行：{errors} 项错误、{warnings} 项警告、{infos} 项提示",
    ]),
    ("cli.heading", ["{title} — {company} {period}", "{title}：{company}（{period}）", "{title}：{company}（{period}）"]),
    ("cli.wrote", ["Wrote {path}", "已寫入 {path}", "已写入 {path}"]),
    ("cli.wrote_copies", [
        "Wrote {path} ({n} file{n|s})",
        "已寫入 {path}（{n} 個檔案）",
        "已写入 {path}（{n} 个文件）",
    ]),
    ("cli.exists", ["{path}: exists, left as it is", "{path}：已存在，保持不變", "{path}：已存在，保持不变"]),
    ("cli.skipped", ["skipped: {place}: {reason}", "略過：{place}，{reason}", "跳过：{place}，{reason}"]),
    ("cli.skipped_detail", [
        "skipped: {place}: {reason} ({detail})",
        "略過：{place}，{reason}（{detail}）",
        "跳过：{place}，{reason}（{detail}）",
    ]),
    ("cli.finding", [
        "{place}: {severity} {rule}: {message}",
        "{place}：{severity} {rule}：{message}",
        "{place}：{severity} {rule}：{message}",
    ]),
    ("cli.finding_record", [
        "{place}: {severity} {rule} [{record}]: {message}",
        "{place}：{severity} {rule}「{record}」：{message}",
        "{place}：{severity} {rule}「{record}」：{message}",
    ]),
    ("cli.stdout", ["cannot write the output: {error}", "無法輸出結果：{error}", "无法输出结果：{error}"]),
    ("cli.no_register", [
        "no register could be read in {inbox}",
        "在 {inbox} 中沒有可讀取的台帳",
        "在 {inbox} 中没有可读取的台账",
    ]),
    ("cli.bad_lang", ["--lang {code}: use en, zh-Hant or zh-Hans", "--lang {code}：請用 en、zh-Hant 或 zh-Hans", "--lang {code}：请用 en、zh-Hant 或 zh-Hans"]),
    ("cli.no_inbox", ["{path}: no such folder or file", "{path}：沒有這個資料夾或檔案", "{path}：没有这个文件夹或文件"]),
    (
        "cli.bad_month",
        [
            "--month {value}: use YYYY-MM (or --period for a quarter, half-year or year)",
            "--month {value}：請用 YYYY-MM 格式（季度、半年或全年請用 --period）",
            "--month {value}：请用 YYYY-MM 格式（季度、半年或全年请用 --period）",
        ],
    ),
    (
        "cli.bad_period",
        [
            "--period {value}: use YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY",
            "--period {value}：請用 YYYY-MM、YYYY-Qn、YYYY-Hn 或 YYYY",
            "--period {value}：请用 YYYY-MM、YYYY-Qn、YYYY-Hn 或 YYYY",
        ],
    ),
    ("cli.no_rule", ["no rule `{id}`; the rules are {ids}", "沒有規則「{id}」；規則有：{ids}", "没有规则「{id}」；规则有：{ids}"]),
    ("cli.settings", ["Settings it reads:", "此規則使用的設定：", "此规则使用的设置："]),
    ("rules.item", ["{title}  ({clause})", "{title}（{clause}）", "{title}（{clause}）"]),
    ("rules.heading", ["{id} — {title}", "{id}：{title}", "{id}：{title}"]),
    ("rules.severity", ["Severity: {severity}", "嚴重程度：{severity}", "严重程度：{severity}"]),
    ("rules.clause", ["Clause: {clause}", "條款：{clause}", "条款：{clause}"]),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_every_language() {
        for (key, row) in texts().entries() {
            // A separator may be a space, or nothing at all (sentences in Chinese).
            if key.ends_with(".sep") {
                continue;
            }
            for (i, text) in row.iter().enumerate() {
                assert!(!text.trim().is_empty(), "{key} has no text in language {i}");
            }
        }
    }

    #[test]
    fn keys_are_unique() {
        let mut keys: Vec<&str> = texts().entries().map(|(k, _)| *k).collect();
        keys.sort();
        let n = keys.len();
        keys.dedup();
        assert_eq!(n, keys.len());
    }

    #[test]
    fn placeholders_agree_across_languages() {
        // The values a text names (a plural ending, `{days|s}`, names `days` again).
        let names = |t: &str| {
            let mut v: Vec<String> = t
                .split('{')
                .skip(1)
                .filter_map(|p| {
                    p.split_once('}')
                        .map(|(n, _)| n.split('|').next().unwrap_or(n).to_string())
                })
                .collect();
            v.sort();
            v.dedup();
            v
        };
        // The names a text puts in as values; a name English uses only for a plural word
        // (`{n|is|are}`) is not needed in Chinese.
        let values = |t: &str| -> Vec<String> {
            let mut v: Vec<String> = t
                .split('{')
                .skip(1)
                .filter_map(|p| p.split_once('}').map(|(n, _)| n))
                .filter(|n| !n.contains('|'))
                .map(String::from)
                .collect();
            v.sort();
            v.dedup();
            v
        };
        for (key, row) in texts().entries() {
            for zh in [row[1], row[2]] {
                assert_eq!(values(row[0]), values(zh), "{key}");
                let all = names(zh);
                assert!(
                    names(row[0])
                        .iter()
                        .all(|n| all.contains(n) || !values(row[0]).contains(n)),
                    "{key}"
                );
                assert!(all.iter().all(|n| names(row[0]).contains(n)), "{key}: {zh}");
            }
        }
    }

    #[test]
    fn every_variant_is_another_wording_of_a_key_with_the_same_values() {
        let names = |t: &'static str| {
            let mut v: Vec<&str> = t
                .split('{')
                .skip(1)
                .filter_map(|p| p.split_once('}'))
                .map(|(n, _)| n)
                .collect();
            v.sort();
            v
        };
        let all = texts();
        let mut variants = 0;
        for (key, row) in all.entries() {
            let Some((base, variant)) = key.split_once('@') else {
                continue;
            };
            variants += 1;
            let (_, base_row) = all
                .entries()
                .find(|(k, _)| *k == base)
                .unwrap_or_else(|| panic!("{key} has no {base}"));
            for lang in 0..3 {
                assert_eq!(names(row[lang]), names(base_row[lang]), "{key} in language {lang}");
            }
            let text = catalogue(Lang::ZhHant);
            assert_eq!(text.get(base), base_row[1]);
            assert_eq!(text.in_variant(variant).get(base), row[1]);
            assert_eq!(text.in_variant("other").get(base), base_row[1]);
        }
        assert!(variants >= 8, "{variants} variants");
    }

    #[test]
    fn simplified_texts_have_no_traditional_only_characters() {
        for (key, row) in texts().entries() {
            assert_eq!(
                crate::base::text::to_simplified(row[2]),
                row[2],
                "{key} zh-Hans holds Traditional characters"
            );
        }
    }

    #[test]
    fn every_value_reason_is_translated() {
        use crate::values::ValueError;
        let errors = [
            ValueError::Blank,
            ValueError::ExcelError("#N/A".into()),
            ValueError::NotADate,
            ValueError::AmbiguousDate,
            ValueError::InvalidMonth(13),
            ValueError::InvalidDay {
                year: 2026,
                month: 2,
                day: 30,
            },
            ValueError::InvalidTime {
                hour: 25,
                minute: 0,
                second: 0,
            },
            ValueError::DateOutOfRange,
            ValueError::NotAnAmount,
            ValueError::AmountTooLarge,
            ValueError::NotAFlag,
            ValueError::NotAWholeNumber,
            ValueError::NumberTooLarge,
            ValueError::NotAPhone,
        ];
        let keys = errors.iter().map(|e| e.key()).chain(["not_an_option"]);
        for key in keys {
            for lang in Lang::ALL {
                assert!(catalogue(lang).has(&format!("value.{key}")), "value.{key} in {lang:?}");
            }
        }
    }
}
