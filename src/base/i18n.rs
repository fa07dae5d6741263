//! The catalogue of every fixed text in English, Traditional and Simplified Chinese.
//!
//! One table, one row per key, one column per language, so a missing translation is a missing
//! cell that a test finds. Placeholders are written `{name}`.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::base::text;
use crate::registers::Kind;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    #[serde(rename = "en")]
    En,
    #[serde(rename = "zh-Hant")]
    ZhHant,
    #[serde(rename = "zh-Hans")]
    ZhHans,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::ZhHant, Lang::ZhHans];

    pub fn parse(text: &str) -> Option<Lang> {
        match text.to_ascii_lowercase().replace('_', "-").as_str() {
            "en" | "english" => Some(Lang::En),
            "zh-hant" | "zh-tw" | "zh-hk" => Some(Lang::ZhHant),
            "zh-hans" | "zh-cn" | "zh" => Some(Lang::ZhHans),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhHant => "zh-Hant",
            Lang::ZhHans => "zh-Hans",
        }
    }

    fn index(self) -> usize {
        match self {
            Lang::En => 0,
            Lang::ZhHant => 1,
            Lang::ZhHans => 2,
        }
    }
}

/// Texts of one language.
#[derive(Clone, Copy, Debug)]
pub struct Catalogue {
    pub lang: Lang,
}

impl Catalogue {
    pub fn new(lang: Lang) -> Catalogue {
        Catalogue { lang }
    }

    pub fn has(&self, key: &str) -> bool {
        lookup(key).is_some_and(|row| !row[self.lang.index()].is_empty())
    }

    /// The text of `key`; the key itself when it is missing (a test makes sure none is).
    pub fn get(&self, key: &str) -> String {
        match lookup(key) {
            Some(row) => row[self.lang.index()].to_string(),
            None => key.to_string(),
        }
    }

    /// The text of `key` with `{name}` placeholders filled, in one pass over the text (a value
    /// is put in as it is: braces in it are not placeholders). `{name|s}` is the plural ending of
    /// the word before it: `s` unless `name` is 1 (English: `{days} day{days|s}`). A placeholder
    /// without a value stays as written.
    pub fn fmt(&self, key: &str, args: &[(&str, &str)]) -> String {
        let template = match lookup(key) {
            Some(row) => row[self.lang.index()],
            None => key,
        };
        let mut out = String::with_capacity(template.len() + args.iter().map(|(_, v)| v.len()).sum::<usize>());
        let mut rest = template;
        let value = |name: &str| args.iter().find(|(n, _)| *n == name).map(|(_, v)| *v);
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let filled = after.find('}').and_then(|close| {
                let filled = match after[..close].split_once('|') {
                    Some((name, ending)) => match value(name)? {
                        "1" => "",
                        _ => ending,
                    },
                    None => value(&after[..close])?,
                };
                Some((close, filled))
            });
            match filled {
                Some((close, value)) => {
                    out.push_str(value);
                    rest = &after[close + 1..];
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// A column's name: English words, or its first Chinese alias in the language's script.
    /// Worked out once per language (a large report names a field on every finding row).
    pub fn field(&self, field: &str) -> String {
        static NAMES: [OnceLock<FxHashMap<&'static str, String>>; 3] =
            [OnceLock::new(), OnceLock::new(), OnceLock::new()];
        let names = NAMES[self.lang.index()].get_or_init(|| {
            Kind::ALL
                .iter()
                .flat_map(|k| k.columns())
                .map(|c| (c.name, self.field_name(c.name)))
                .collect()
        });
        match names.get(field) {
            Some(name) => name.clone(),
            None => self.field_name(field),
        }
    }

    fn field_name(&self, field: &str) -> String {
        let column = Kind::ALL.iter().flat_map(|k| k.columns()).find(|c| c.name == field);
        let chinese = column.and_then(|c| c.aliases.iter().find(|a| !a.is_ascii()));
        match (self.lang, chinese) {
            (Lang::ZhHant, Some(label)) => label.to_string(),
            (Lang::ZhHans, Some(label)) => text::to_simplified(label),
            _ => field.replace('_', " "),
        }
    }

    pub fn kind(&self, kind: Kind) -> String {
        self.get(&format!("kind.{}", kind.id()))
    }
}

/// The general catalogue and each rule family's own texts.
pub static TABLES: &[&[(&str, [&str; 3])]] = &[
    CATALOGUE,
    crate::rules::contracts::TEXTS,
    crate::rules::feedback::TEXTS,
    crate::rules::guests::TEXTS,
    crate::report::contracts::TEXTS,
    crate::report::feedback::TEXTS,
    crate::report::guests::TEXTS,
    crate::render::annotate::TEXTS,
    crate::read::TEXTS,
    crate::settings::TEXTS,
    crate::values::TEXTS,
    crate::render::html::TEXTS,
    crate::render::eml::TEXTS,
    crate::commands::init::TEXTS,
];

fn entries() -> impl Iterator<Item = &'static (&'static str, [&'static str; 3])> {
    TABLES.iter().flat_map(|t| t.iter())
}

fn lookup(key: &str) -> Option<&'static [&'static str; 3]> {
    static INDEX: OnceLock<FxHashMap<&'static str, &'static [&'static str; 3]>> = OnceLock::new();
    INDEX
        .get_or_init(|| entries().map(|(k, row)| (*k, row)).collect())
        .get(key)
        .copied()
}

/// key → [en, zh-Hant, zh-Hans]
pub static CATALOGUE: &[(&str, [&str; 3])] = &[
    // Register kinds
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
    // Severities
    ("severity.error", ["error", "錯誤", "错误"]),
    ("severity.warning", ["warning", "警告", "警告"]),
    ("severity.info", ["info", "提示", "提示"]),
    // Rules
    ("rule.RG01.title", ["Required value missing", "必填欄位空白", "必填栏位空白"]),
    ("rule.RG01.explain", [
        "A column marked required in the register layout is blank in a row that holds other data. Without the number, customer, type or key date of a record no other rule can judge it, and the record proves nothing to an auditor. When a required column is missing from the header altogether, it is reported once at the header row.",
        "台帳格式中標為必填的欄位,在有其他資料的一行中空白。記錄缺少編號、顧客、類型或關鍵日期,其他規則便無法判斷,記錄也無法向審核人員證明任何事。若表頭根本沒有某必填欄,則在表頭行報告一次。",
        "台账格式中标为必填的栏位,在有其他资料的一行中空白。记录缺少编号、顾客、类型或关键日期,其他规则便无法判断,记录也无法向审核人员证明任何事。若表头根本没有某必填栏,则在表头行报告一次。",
    ]),
    ("rule.RG02.title", ["Unreadable value", "無法讀取的值", "无法读取的值"]),
    ("rule.RG02.explain", [
        "A cell cannot be read as its column's type: a date that is no date (2026/13/05), an amount in words, a yes/no column holding something else, or a value that is not one of the column's options. The finding quotes the cell; the rest of the row is still checked. Ambiguous dates such as 3/11/2026 are read with the date_order setting.",
        "儲存格的內容不符合該欄的類型:不存在的日期(2026/13/05)、以文字書寫的金額、是/否欄填了其他內容,或不在該欄選項內的值。問題會引用原儲存格內容,該行其餘欄位照常檢查。像 3/11/2026 這類有歧義的日期依 date_order 設定讀取。",
        "单元格的内容不符合该栏的类型:不存在的日期(2026/13/05)、以文字书写的金额、是/否栏填了其他内容,或不在该栏选项内的值。问题会引用原单元格内容,该行其余栏位照常检查。像 3/11/2026 这类有歧义的日期依 date_order 设定读取。",
    ]),
    ("rule.RG03.title", ["Duplicate id", "編號重複", "编号重复"]),
    ("rule.RG03.explain", [
        "The same contract, feedback or guest number is used twice in one kind of register, across all its files and sheets. Both places are named so that staff can tell a copied row from a reused number.",
        "同一類台帳(跨所有檔案和工作表)中,同一個合同、反饋或客戶編號出現兩次。兩處位置都會列出,方便同事分辨是重複抄錄還是編號重用。",
        "同一类台账(跨所有文件和工作表)中,同一个合同、反馈或客户编号出现两次。两处位置都会列出,方便同事分辨是重复抄录还是编号重用。",
    ]),
    ("rule.RG04.title", ["Impossible date", "不可能的日期", "不可能的日期"]),
    ("rule.RG04.explain", [
        "The date of something that happened lies after the as-of date (the last day of the report month), or two dates are in an order that cannot be: a review, reply or resolution before the receipt, or an amendment notice before the amendment. Planned dates such as the next agreed reply date may lie in the future.",
        "已發生事項的日期晚於截止日(報告月份的最後一天),或兩個日期的先後不可能成立:評審、回復或解決早於接收,或修訂通知早於修訂。約定的下次回復日期等計劃日期可以在將來。",
        "已发生事项的日期晚于截止日(报告月份的最后一天),或两个日期的先后不可能成立:评审、回复或解决早于接收,或修订通知早于修订。约定的下次回复日期等计划日期可以在将来。",
    ]),
    // Finding messages
    ("msg.RG01", ["{field} is blank; it is required", "「{field}」未填寫,此欄必填", "「{field}」未填写,此栏必填"]),
    ("msg.RG01.column", [
        "the sheet has no {field} column, which is required; add it to the header",
        "工作表沒有必填欄「{field}」,請在表頭加上",
        "工作表没有必填栏「{field}」,请在表头加上",
    ]),
    ("msg.RG02", [
        "{field}: “{raw}” cannot be read ({reason})",
        "「{field}」的值「{raw}」無法讀取({reason})",
        "「{field}」的值「{raw}」无法读取({reason})",
    ]),
    ("msg.RG03", [
        "number {id} is used more than once; also at {places}",
        "編號 {id} 重複使用,另見 {places}",
        "编号 {id} 重复使用,另见 {places}",
    ]),
    ("msg.RG04.future", [
        "{field} {date} is after the as-of date {as_of}",
        "「{field}」{date} 晚於截止日 {as_of}",
        "「{field}」{date} 晚于截止日 {as_of}",
    ]),
    ("msg.RG04.order", [
        "{field} {date} is before {other} {other_date}",
        "「{field}」{date} 早於「{other}」{other_date}",
        "「{field}」{date} 早于「{other}」{other_date}",
    ]),
    // Why a value cannot be read
    ("value.not_a_date", ["not a date", "不是日期", "不是日期"]),
    ("value.ambiguous_date", [
        "ambiguous date: set date_order to dmy or mdy",
        "日期有歧義:請把 date_order 設為 dmy 或 mdy",
        "日期有歧义:请把 date_order 设为 dmy 或 mdy",
    ]),
    ("value.invalid_month", ["no such month", "沒有這個月份", "没有这个月份"]),
    ("value.invalid_day", ["no such day in the calendar", "日曆上沒有這一天", "日历上没有这一天"]),
    ("value.invalid_time", ["no such time of day", "沒有這個時間", "没有这个时间"]),
    ("value.blank", ["blank", "空白", "空白"]),
    ("value.number_too_large", ["number too large", "數字過大", "数字过大"]),
    ("value.date_out_of_range", ["year before 1900 or after 2100", "年份早於 1900 或晚於 2100", "年份早于 1900 或晚于 2100"]),
    ("value.not_an_amount", ["not an amount", "不是金額", "不是金额"]),
    ("value.amount_too_large", ["amount too large", "金額過大", "金额过大"]),
    ("value.not_a_flag", ["not yes/no", "不是「是/否」", "不是「是/否」"]),
    ("value.not_a_whole_number", ["not a whole number", "不是整數", "不是整数"]),
    ("value.not_a_phone", ["not a phone number", "不是電話號碼", "不是电话号码"]),
    ("value.not_an_option", ["not one of the column's options", "不是此欄的選項之一", "不是此栏的选项之一"]),
    ("value.excel_error", ["the cell holds an Excel error", "儲存格是 Excel 錯誤值", "单元格是 Excel 错误值"]),
    // Why a file or sheet was skipped
    ("skip.lock_file", ["Excel lock file", "Excel 鎖定檔", "Excel 锁定文件"]),
    ("skip.hidden", ["hidden file", "隱藏檔案", "隐藏文件"]),
    ("skip.not_a_spreadsheet", ["not a spreadsheet", "不是試算表", "不是电子表格"]),
    ("skip.unreadable", ["cannot be read", "無法讀取", "无法读取"]),
    ("skip.not_recognised", ["not recognised as a register", "無法辨識為台帳", "无法识别为台账"]),
    ("skip.empty", ["empty sheet", "空白工作表", "空白工作表"]),
    ("skip.closest", ["closest: {kind}; missing columns: {missing}", "最接近:{kind};缺少欄:{missing}", "最接近:{kind};缺少栏:{missing}"]),
    // Report
    ("report.title", ["Monthly register check", "月度台帳檢查報告", "月度台账检查报告"]),
    ("report.period", ["Period", "期間", "期间"]),
    ("report.as_of", ["As of", "截止日", "截止日"]),
    ("report.made_by", ["Made by clerk {version}", "由 clerk {version} 產生", "由 clerk {version} 生成"]),
    ("report.settings_source", ["Settings", "設定來源", "设定来源"]),
    ("report.settings_builtin", ["built-in defaults", "內建預設值", "内置默认值"]),
    ("sheet.summary", ["Summary", "摘要", "摘要"]),
    ("sheet.findings", ["Findings", "問題清單", "问题清单"]),
    ("col.severity", ["Severity", "嚴重程度", "严重程度"]),
    ("col.rule", ["Rule", "規則", "规则"]),
    ("col.title", ["What", "內容", "内容"]),
    ("col.message", ["Message", "說明", "说明"]),
    ("col.register", ["Register", "台帳", "台账"]),
    ("col.record", ["Record", "記錄", "记录"]),
    ("col.file", ["File", "檔案", "文件"]),
    ("col.sheet", ["Sheet", "工作表", "工作表"]),
    ("col.cell", ["Cell", "儲存格", "单元格"]),
    ("col.clause", ["Clause", "條款", "条款"]),
    ("col.field", ["Column", "欄位", "栏位"]),
    ("col.header_row", ["Header row", "表頭行", "表头行"]),
    ("col.rows", ["Rows", "行數", "行数"]),
    ("col.rows_covered", ["Rows in the period", "本期行數", "本期行数"]),
    ("col.findings", ["Findings", "問題數", "问题数"]),
    ("col.errors", ["Errors", "錯誤", "错误"]),
    ("col.warnings", ["Warnings", "警告", "警告"]),
    ("col.infos", ["Info", "提示", "提示"]),
    ("col.reason", ["Reason", "原因", "原因"]),
    ("col.note", ["Note", "備註", "备注"]),
    ("col.setting", ["Setting", "設定", "设定"]),
    ("col.value", ["Value", "值", "值"]),
    ("col.count", ["Count", "數量", "数量"]),
    ("summary.registers", ["Registers", "台帳", "台账"]),
    ("summary.by_rule", ["Findings by rule", "各規則問題數", "各规则问题数"]),
    ("summary.inputs", ["Sheets read", "已讀取的工作表", "已读取的工作表"]),
    ("summary.skipped", ["Files and sheets not read", "未讀取的檔案和工作表", "未读取的文件和工作表"]),
    ("summary.settings", ["Settings used", "使用的設定", "使用的设定"]),
    ("summary.no_findings", ["No findings: every checked row follows the rules.", "沒有發現問題:所有檢查的行均符合規定。", "没有发现问题:所有检查的行均符合规定。"]),
    ("summary.hidden_sheet", ["hidden sheet", "隱藏工作表", "隐藏工作表"]),
    ("summary.complaint_record", ["complaint record: every row a complaint", "投訴記錄:每行均為投訴", "投诉记录:每行均为投诉"]),
    ("summary.chart_title", ["Findings by rule", "各規則問題數", "各规则问题数"]),
    ("summary.chart_severity", ["Findings by register and severity", "各台帳問題數(按嚴重程度)", "各台账问题数(按严重程度)"]),
    ("summary.trend", ["Findings per month", "每月問題數", "每月问题数"]),
    ("summary.spend_by_class", ["Spend by guest class, 12 months to as-of", "各類客戶消費(截至報告日的12個月)", "各类客户消费(截至报告日的12个月)"]),
    ("col.class", ["Class", "類別", "类别"]),
    ("col.spend", ["Spend", "消費金額", "消费金额"]),
    ("summary.feedback_by_kind", ["Feedback by kind", "顧客反饋(按類別)", "顾客反馈(按类别)"]),
    ("summary.feedback_by_channel", ["Feedback by channel", "顧客反饋(按渠道)", "顾客反馈(按渠道)"]),
    ("html.intro", [
        "The monthly check of the registers of {company} for {period} found {errors} error{errors|s}, {warnings} warning{warnings|s} and {infos} note{infos|s} in {rows} row{rows|s}.",
        "{company} {period} 台帳月度檢查:{rows} 行中發現 {errors} 項錯誤、{warnings} 項警告、{infos} 項提示。",
        "{company} {period} 台账月度检查:{rows} 行中发现 {errors} 项错误、{warnings} 项警告、{infos} 项提示。",
    ]),
    ("html.top", ["Findings to act on first", "優先處理的問題", "优先处理的问题"]),
    ("html.more", ["… and {n} more in the workbook.", "……另有 {n} 項,詳見工作簿。", "……另有 {n} 项,详见工作簿。"]),
    ("html.attachment", [
        "Every finding, with a link to its cell, is in the workbook {file}.",
        "全部問題及其儲存格連結見工作簿 {file}。",
        "全部问题及其单元格链接见工作簿 {file}。",
    ]),
    // Terminal
    ("cli.summary", [
        "{errors} error{errors|s}, {warnings} warning{warnings|s}, {infos} info in {rows} row{rows|s} of {sheets} sheet{sheets|s}",
        "{sheets} 個工作表 {rows} 行:{errors} 項錯誤、{warnings} 項警告、{infos} 項提示",
        "{sheets} 个工作表 {rows} 行:{errors} 项错误、{warnings} 项警告、{infos} 项提示",
    ]),
    ("cli.wrote", ["Wrote", "已寫入", "已写入"]),
    ("cli.skipped", ["skipped", "略過", "跳过"]),
    ("cli.no_register", [
        "no register could be read in {inbox}",
        "在 {inbox} 中沒有可讀取的台帳",
        "在 {inbox} 中没有可读取的台账",
    ]),
    ("cli.bad_lang", ["--lang {code}: use en, zh-Hant or zh-Hans", "--lang {code}:請用 en、zh-Hant 或 zh-Hans", "--lang {code}:请用 en、zh-Hant 或 zh-Hans"]),
    ("cli.no_inbox", ["{path}: no such folder or file", "{path}:沒有這個資料夾或檔案", "{path}:没有这个文件夹或文件"]),
    (
        "cli.bad_month",
        [
            "--month {value}: use YYYY-MM (or --period for a quarter, half-year or year)",
            "--month {value}:請用 YYYY-MM 格式(季度、半年或全年請用 --period)",
            "--month {value}:请用 YYYY-MM 格式(季度、半年或全年请用 --period)",
        ],
    ),
    (
        "cli.bad_period",
        [
            "--period {value}: use YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY",
            "--period {value}:請用 YYYY-MM、YYYY-Qn、YYYY-Hn 或 YYYY",
            "--period {value}:请用 YYYY-MM、YYYY-Qn、YYYY-Hn 或 YYYY",
        ],
    ),
    ("cli.no_rule", ["no rule `{id}`; the rules are {ids}", "沒有規則 `{id}`;規則有:{ids}", "没有规则 `{id}`;规则有:{ids}"]),
    ("cli.settings", ["Settings", "設定", "设定"]),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_every_language() {
        for (key, row) in entries() {
            for (i, text) in row.iter().enumerate() {
                assert!(!text.trim().is_empty(), "{key} has no text in language {i}");
            }
        }
    }

    #[test]
    fn keys_are_unique() {
        let mut keys: Vec<&str> = entries().map(|(k, _)| *k).collect();
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
        for (key, row) in entries() {
            assert_eq!(names(row[0]), names(row[1]), "{key}");
            assert_eq!(names(row[0]), names(row[2]), "{key}");
        }
    }

    #[test]
    fn simplified_texts_have_no_traditional_only_characters() {
        for (key, row) in entries() {
            assert_eq!(
                text::to_simplified(row[2]),
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
                assert!(
                    Catalogue::new(lang).has(&format!("value.{key}")),
                    "value.{key} in {lang:?}"
                );
            }
        }
    }

    #[test]
    fn placeholders_are_filled_once_each_and_values_go_in_as_they_are() {
        let en = Catalogue::new(Lang::En);
        assert_eq!(
            en.fmt("msg.RG01", &[("field", "amount")]),
            "amount is blank; it is required"
        );
        let zh = Catalogue::new(Lang::ZhHant);
        assert_eq!(zh.fmt("msg.RG01", &[("field", "金額")]), "「金額」未填寫,此欄必填");
        // A value holding braces, even a placeholder's name, is put in as written.
        assert_eq!(
            en.fmt("msg.RG01", &[("field", "{field} {x}")]),
            "{field} {x} is blank; it is required"
        );
        // A missing key is its own text; placeholders without a value and stray braces stay.
        assert_eq!(en.fmt("no {a} {b}} {", &[("a", "A"), ("c", "C")]), "no A {b}} {");
        assert_eq!(en.fmt("{a}{a}{", &[("a", "1")]), "11{");
        assert_eq!(en.fmt("{{a}}", &[("a", "1")]), "{1}");
    }

    #[test]
    fn a_plural_ending_follows_its_count() {
        let en = Catalogue::new(Lang::En);
        let summary = |e: &str, s: &str| {
            en.fmt(
                "cli.summary",
                &[
                    ("errors", e),
                    ("warnings", "0"),
                    ("infos", "1"),
                    ("rows", "1"),
                    ("sheets", s),
                ],
            )
        };
        assert_eq!(summary("1", "1"), "1 error, 0 warnings, 1 info in 1 row of 1 sheet");
        assert_eq!(summary("2", "12"), "2 errors, 0 warnings, 1 info in 1 row of 12 sheets");
        // Chinese has no plural: the same text whatever the count.
        let zh = Catalogue::new(Lang::ZhHans);
        assert_eq!(zh.fmt("feedback.html.days", &[("n", "1")]), "1 天");
        assert_eq!(en.fmt("feedback.html.days", &[("n", "1")]), "1 day");
        assert_eq!(en.fmt("feedback.html.days", &[("n", "10")]), "10 days");
        // An ending whose count is not given stays as written.
        assert_eq!(en.fmt("feedback.html.days", &[]), "{n} day{n|s}");
    }

    #[test]
    fn field_labels() {
        assert_eq!(Catalogue::new(Lang::En).field("received_date"), "received date");
        assert_eq!(Catalogue::new(Lang::ZhHant).field("received_date"), "接收日期");
        assert_eq!(Catalogue::new(Lang::ZhHans).field("customer"), "顾客");
    }
}
