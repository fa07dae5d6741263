//! The settings the rules read, in words: a name in the report language with the key of clerk.toml
//! beside it (so that an administrator finds it in the file), and the value as a reader says it —
//! `3 days`, `countersign review approved by the general manager`, `company, phone` — never the
//! codes of the file (`countersign`, `production_vp`, `dietary_habits`).

use crate::base::i18n::{Catalogue, Entry};
use crate::month::authority::{method_label, role_label, thousands, Case};
use crate::registers::texts::field_label;
use crate::settings::{ReviewRequirement, Settings};

/// One setting: its key in clerk.toml, its name and its value in words.
#[derive(Clone, Debug, PartialEq)]
pub struct SettingLine {
    pub key: String,
    pub label: String,
    pub value: String,
}

impl SettingLine {
    /// `Amendment notice due within (contracts.notice_days)`: the name, then the key.
    pub fn name_and_key(&self, text: &Catalogue) -> String {
        text.fmt("setting.name_key", &[("name", &self.label), ("key", &self.key)])
    }
}

/// Every setting the rules read, in the order of clerk.toml.
pub fn in_words(s: &Settings, text: &Catalogue) -> Vec<SettingLine> {
    let mut out = vec![line(
        text,
        "date_order",
        text.get(&format!("setting.date_order.{}", date_order(s))),
    )];
    out.extend(extra_words(s, text));
    out.extend(contracts(s, text));
    let days = |n: u32| count(text, "unit.days", u64::from(n));
    out.push(line(text, "feedback.review_days", days(s.feedback.review_days)));
    let c = &s.complaints;
    out.push(line(
        text,
        "complaints.report_hours",
        count(text, "unit.hours", u64::from(c.report_hours)),
    ));
    out.push(line(
        text,
        "complaints.forbidden_phrases",
        text.list(&c.forbidden_phrases),
    ));
    out.push(line(
        text,
        "complaints.courtesy_phrases",
        text.list(&c.courtesy_phrases),
    ));
    let g = &s.guests;
    out.push(line(text, "guests.class_a_spend", thousands(g.class_a_spend)));
    out.push(line(text, "guests.class_b_spend", thousands(g.class_b_spend)));
    out.push(line(text, "guests.required_a", fields(text, &g.required_a)));
    out.push(line(text, "guests.required_b", fields(text, &g.required_b)));
    out.push(line(
        text,
        "guests.new_months",
        count(text, "unit.months", u64::from(g.new_months)),
    ));
    let r = &s.report;
    out.push(line(
        text,
        "report.annotate_max_rows",
        count(text, "unit.rows", r.annotate_max_rows),
    ));
    let yes_no = if r.mask_personal_data {
        "setting.yes"
    } else {
        "setting.no"
    };
    out.push(line(text, "report.mask_personal_data", text.get(yes_no)));
    out
}

/// The settings under each of `keys` (a key, or a table such as `contracts.large_amount_rule`).
pub fn under(s: &Settings, keys: &[&str], text: &Catalogue) -> Vec<SettingLine> {
    in_words(s, text)
        .into_iter()
        .filter(|l| {
            keys.iter()
                .any(|k| l.key == *k || l.key.strip_prefix(k).is_some_and(|rest| rest.starts_with('.')))
        })
        .collect()
}

fn date_order(s: &Settings) -> String {
    serde_json::to_value(s.date_order)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

fn line(text: &Catalogue, key: &str, value: String) -> SettingLine {
    SettingLine {
        key: key.to_string(),
        label: text.get(&format!("setting.{key}")),
        value,
    }
}

fn count(text: &Catalogue, unit: &str, n: u64) -> String {
    text.fmt(unit, &[("n", &thousands(n))])
}

fn fields(text: &Catalogue, names: &[String]) -> String {
    let labels: Vec<String> = names.iter().map(|f| field_label(text, f)).collect();
    text.list(&labels)
}

fn review(text: &Catalogue, r: &ReviewRequirement) -> String {
    text.fmt(
        "contracts.review",
        &[
            ("method", &method_label(text, &r.method)),
            ("role", &role_label(text, &r.approver)),
        ],
    )
}

/// The review-authority table, one line per kind of order, then the amount and the rankings.
fn contracts(s: &Settings, text: &Catalogue) -> Vec<SettingLine> {
    let c = &s.contracts;
    let mut out = vec![line(text, "contracts.large_amount", thousands(c.large_amount))];
    for case in Case::ALL {
        let label = text.fmt("setting.review_of", &[("case", &case.label(c, text))]);
        out.push(SettingLine {
            key: case.settings_key(),
            label,
            value: review(text, case.requirement(c)),
        });
    }
    let methods: Vec<String> = c.method_ranking.iter().map(|m| method_label(text, m)).collect();
    let roles: Vec<String> = c.role_ranking.iter().map(|r| role_label(text, r)).collect();
    out.push(line(text, "contracts.method_ranking", text.list(&methods)));
    out.push(line(text, "contracts.role_ranking", text.list(&roles)));
    out.push(line(
        text,
        "contracts.notice_days",
        count(text, "unit.days", u64::from(c.notice_days)),
    ));
    out
}

/// The company's own header and option words (`[columns.…]`, `[enums.…]`), or that there are none.
fn extra_words(s: &Settings, text: &Catalogue) -> Vec<SettingLine> {
    let mut out = Vec::new();
    for (register, columns) in &s.columns {
        for (column, words) in columns {
            let label = text.fmt("setting.columns.one", &[("column", &field_label(text, column))]);
            let key = format!("columns.{register}.{column}");
            out.push(SettingLine {
                key,
                label,
                value: text.list(words),
            });
        }
    }
    if s.columns.is_empty() {
        out.push(line(text, "columns", text.get("setting.none")));
    }
    for (column, words) in &s.enums {
        let values = crate::settings::enum_values(column).unwrap_or(&[]);
        let pairs: Vec<String> = words
            .iter()
            .map(|(word, code)| {
                let meaning = values.iter().find(|v| v.code == code).map(|v| option(v, text));
                let meaning = meaning.unwrap_or_else(|| code.clone());
                text.fmt("setting.enums.pair", &[("word", word), ("value", &meaning)])
            })
            .collect();
        let label = text.fmt("setting.enums.one", &[("column", &field_label(text, column))]);
        let key = format!("enums.{column}");
        out.push(SettingLine {
            key,
            label,
            value: text.list(&pairs),
        });
    }
    if s.enums.is_empty() {
        out.push(line(text, "enums", text.get("setting.none")));
    }
    out
}

/// An option of a column as staff write it in the report language.
fn option(value: &crate::registers::EnumValue, text: &Catalogue) -> String {
    use crate::base::i18n::Lang;
    let chinese = value.aliases.iter().find(|a| !a.is_ascii());
    match (text.lang, chinese) {
        (Lang::ZhHant, Some(label)) => label.to_string(),
        (Lang::ZhHans, Some(label)) => crate::base::text::to_simplified(label),
        _ => value.code.replace('_', " "),
    }
}

/// The names of the settings and their units: key → [en, zh-Hant, zh-Hans].
#[rustfmt::skip]
pub static TEXTS: &[Entry] = &[
    ("setting.name_key", ["{name} ({key})", "{name}（{key}）", "{name}（{key}）"]),
    ("setting.line", ["{name} ({key}): {value}", "{name}（{key}）：{value}", "{name}（{key}）：{value}"]),
    ("setting.yes", ["yes", "是", "是"]),
    ("setting.no", ["no", "否", "否"]),
    ("setting.none", ["none", "無", "无"]),
    ("setting.date_order", ["How all-numeric dates such as 3/11/2026 are read", "純數字日期（如 3/11/2026）的讀法", "纯数字日期（如 3/11/2026）的读法"]),
    ("setting.date_order.ymd", [
        "year first; 3/11/2026 is reported as ambiguous",
        "年份在前；3/11/2026 這類日期報告為有歧義",
        "年份在前；3/11/2026 这类日期报告为有歧义",
    ]),
    ("setting.date_order.dmy", ["day, month, year: 3/11/2026 is 3 November", "日、月、年：3/11/2026 為 11 月 3 日", "日、月、年：3/11/2026 为 11 月 3 日"]),
    ("setting.date_order.mdy", ["month, day, year: 3/11/2026 is 11 March", "月、日、年：3/11/2026 為 3 月 11 日", "月、日、年：3/11/2026 为 3 月 11 日"]),
    ("setting.columns", ["The company's own column names", "公司自訂的欄名", "公司自定义的列名"]),
    ("setting.columns.one", ["Other names of the column {column}", "「{column}」欄的其他名稱", "「{column}」列的其他名称"]),
    ("setting.enums", ["The company's own words for options", "公司自訂的選項寫法", "公司自定义的选项写法"]),
    ("setting.enums.one", ["Other words for the options of {column}", "「{column}」欄選項的其他寫法", "「{column}」列选项的其他写法"]),
    ("setting.enums.pair", ["{word} means {value}", "「{word}」即「{value}」", "「{word}」即「{value}」"]),
    ("setting.contracts.large_amount", ["Large amount of a routine order", "常規產品的大額合同金額標準", "常规产品的大额合同金额标准"]),
    ("setting.review_of", ["Review for {case}", "{case}的評審", "{case}的评审"]),
    ("setting.contracts.method_ranking", ["Review methods, weakest first", "評審方式由弱到強的順序", "评审方式由弱到强的顺序"]),
    ("setting.contracts.role_ranking", ["Approvers, lowest authority first", "批准人職務由低到高的順序", "批准人职务由低到高的顺序"]),
    ("setting.contracts.notice_days", ["Amendment notice due within, after the re-review", "重新評審後發出合同修訂通知單的期限", "重新评审后发出合同修订通知单的期限"]),
    ("setting.feedback.review_days", ["Feedback reviewed within, after receipt", "顧客反饋接收後的評審期限", "顾客反馈接收后的评审期限"]),
    ("setting.complaints.report_hours", ["Major complaint reported within, after receipt", "重大投訴接收後的報告期限", "重大投诉接收后的报告期限"]),
    ("setting.complaints.forbidden_phrases", ["Forbidden service phrases", "服務忌語", "服务忌语"]),
    ("setting.complaints.courtesy_phrases", ["Courtesy phrases", "文明用語", "文明用语"]),
    ("setting.guests.class_a_spend", ["Class A from a spend over 12 months of", "A類客人的 12 個月消費標準", "A类客人的 12 个月消费标准"]),
    ("setting.guests.class_b_spend", ["Class B from a spend over 12 months of", "B類客人的 12 個月消費標準", "B类客人的 12 个月消费标准"]),
    ("setting.guests.required_a", ["Fields an A-class profile must hold", "A類客人檔案必填欄位", "A类客人档案必填项"]),
    ("setting.guests.required_b", ["Fields a B-class profile must hold", "B類客人檔案必填欄位", "B类客人档案必填项"]),
    ("setting.guests.new_months", ["New A-class guests are called back every month for", "新開發A類客人每月回訪的期間", "新开发A类客人每月回访的期间"]),
    ("setting.report.annotate_max_rows", ["Annotated copies hold every row up to", "批註副本保留全部行的上限", "批注副本保留全部行的上限"]),
    ("setting.report.mask_personal_data", ["Phone numbers and birthdays partly hidden in the summaries", "摘要中部分隱藏電話號碼和生日", "摘要中部分隐藏电话号码和生日"]),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::i18n::Lang;
    use crate::commands::texts::catalogue;

    #[test]
    fn settings_read_as_words_with_their_key() {
        let s = Settings::default();
        let zh = catalogue(Lang::ZhHant);
        let lines = under(&s, &["contracts.large_amount_rule", "guests.required_b", "report"], &zh);
        let shown: Vec<String> = lines
            .iter()
            .map(|l| format!("{} = {}", l.name_and_key(&zh), l.value))
            .collect();
        assert_eq!(
            shown,
            [
                "金額 1,000,000 及以上的常規產品的評審（contracts.large_amount_rule） = 生產副總經理批准的會簽評審",
                "B類客人檔案必填欄位（guests.required_b） = 單位、電話",
                "批註副本保留全部行的上限（report.annotate_max_rows） = 50,000 行",
                "摘要中部分隱藏電話號碼和生日（report.mask_personal_data） = 是",
            ]
        );
        let en = catalogue(Lang::En);
        let days = under(&s, &["contracts.notice_days"], &en);
        assert_eq!(days[0].value, "3 days");
        assert_eq!(
            days[0].name_and_key(&en),
            "Amendment notice due within, after the re-review (contracts.notice_days)"
        );
    }

    #[test]
    fn every_setting_has_a_name_in_every_language() {
        let s = Settings::default();
        for lang in Lang::ALL {
            let text = catalogue(lang);
            for l in in_words(&s, &text) {
                assert!(!l.label.starts_with("setting."), "{} has no name in {lang:?}", l.key);
            }
        }
    }
}
