//! `clerk init DIR`: blank register templates, one workbook per kind, and the commented settings.
//!
//! Each template has the canonical headers in the chosen language, a note on every header cell
//! explaining the column, drop-down lists for enum and yes/no columns, date formats on date
//! columns and a frozen header row — so that what staff type is what clerk reads.

use std::path::{Path, PathBuf};

use rust_xlsxwriter::{DataValidation, DocProperties, Format, FormatBorder, Note, Workbook, XlsxError};
use unicode_width::UnicodeWidthStr;

use crate::base::i18n::{Catalogue, Lang};
use crate::base::text;
use crate::registers::{Column, ColumnType, EnumValue, Kind};
use crate::settings::default_toml;

/// Rows that get the drop-down lists and formats.
const TEMPLATE_ROWS: u32 = 5000;

pub static TEXTS: &[crate::base::i18n::Entry] = &[
    ("init.required", ["Required.", "必填。", "必填。"]),
    ("init.optional", ["Optional.", "選填。", "选填。"]),
    ("init.type.text", ["Text.", "文字。", "文字。"]),
    (
        "init.type.date",
        [
            "A date, e.g. 2026-11-03.",
            "日期，例如 2026-11-03。",
            "日期，例如 2026-11-03。",
        ],
    ),
    (
        "init.type.datetime",
        [
            "A date, with the time when known, e.g. 2026-11-03 14:30.",
            "日期，知道時間時連時間，例如 2026-11-03 14:30。",
            "日期，知道时间时连时间，例如 2026-11-03 14:30。",
        ],
    ),
    (
        "init.type.money",
        [
            "An amount in yuan, e.g. 1200000 or ¥1,200,000.",
            "金額（元），例如 1200000 或 ¥1,200,000。",
            "金额（元），例如 1200000 或 ¥1,200,000。",
        ],
    ),
    ("init.type.flag", ["Yes or no.", "是或否。", "是或否。"]),
    ("init.type.integer", ["A whole number.", "整數。", "整数。"]),
    (
        "init.type.phone",
        [
            "A phone number, e.g. 138-1234-5678.",
            "電話號碼，例如 138-1234-5678。",
            "电话号码，例如 138-1234-5678。",
        ],
    ),
    (
        "init.type.enum",
        ["One of: {options}.", "可選：{options}。", "可选：{options}。"],
    ),
    ("init.yes", ["Yes", "是", "是"]),
    ("init.no", ["No", "否", "否"]),
];

/// A column's header in a language: English words, or its first Chinese alias in the script.
pub fn header(column: &Column, lang: Lang) -> String {
    let chinese = column.aliases.iter().find(|a| !a.is_ascii());
    match (lang, chinese) {
        (Lang::ZhHant, Some(label)) => label.to_string(),
        (Lang::ZhHans, Some(label)) => text::to_simplified(label),
        _ => {
            let words = column.name.replace('_', " ");
            let mut chars = words.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
                .unwrap_or_default()
        }
    }
}

/// An enum value as staff write it in a language.
pub fn option(value: &EnumValue, lang: Lang) -> String {
    let chinese = value.aliases.iter().find(|a| !a.is_ascii());
    match (lang, chinese) {
        (Lang::ZhHant, Some(label)) => label.to_string(),
        (Lang::ZhHans, Some(label)) => text::to_simplified(label),
        _ => value.code.replace('_', " "),
    }
}

fn explanation(column: &Column, text: &Catalogue, lang: Lang) -> String {
    let required = text.get(if column.required {
        "init.required"
    } else {
        "init.optional"
    });
    let kind = match column.ty {
        ColumnType::Enum(values) => {
            let options: Vec<String> = values.iter().map(|v| option(v, lang)).collect();
            let sep = if lang == Lang::En { ", " } else { "、" };
            text.fmt("init.type.enum", &[("options", &options.join(sep))])
        }
        other => text.get(&format!("init.type.{}", other.name())),
    };
    format!("{required} {kind}")
}

/// The template workbook of one register kind.
pub fn template(kind: Kind, text: &Catalogue) -> Result<Vec<u8>, XlsxError> {
    let lang = text.lang;
    let mut book = Workbook::new();
    book.set_properties(
        &DocProperties::new()
            .set_title(kind.label(text))
            .set_author("clerk")
            .set_creation_datetime(&chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default()),
    );
    let sheet = book.add_worksheet();
    sheet.set_name(kind.label(text).chars().take(31).collect::<String>())?;
    let head = Format::new()
        .set_bold()
        .set_background_color("#DDEBF7")
        .set_border_bottom(FormatBorder::Thin);
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let datetime = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    let yes_no = [text.get("init.yes"), text.get("init.no")];
    for (i, column) in kind.columns().iter().enumerate() {
        let c = i as u16;
        let label = header(column, lang);
        sheet.write_string_with_format(0, c, &label, &head)?;
        let note = Note::new(explanation(column, text, lang))
            .set_author("clerk")
            .set_width(260)
            .set_height(90);
        sheet.insert_note(0, c, &note)?;
        let width = (UnicodeWidthStr::width(label.as_str()) as f64 + 4.0).max(12.0);
        match column.ty {
            ColumnType::Date => {
                sheet.set_column_format(c, &date)?;
            }
            ColumnType::DateTime => {
                sheet.set_column_format(c, &datetime)?;
            }
            ColumnType::Enum(values) => {
                let options: Vec<String> = values.iter().map(|v| option(v, lang)).collect();
                let validation = DataValidation::new().allow_list_strings(&options)?.ignore_blank(true);
                sheet.add_data_validation(1, c, TEMPLATE_ROWS, c, &validation)?;
            }
            ColumnType::Flag => {
                let validation = DataValidation::new().allow_list_strings(&yes_no)?.ignore_blank(true);
                sheet.add_data_validation(1, c, TEMPLATE_ROWS, c, &validation)?;
            }
            _ => {}
        }
        sheet.set_column_width(c, width)?;
        // The header format again: set_column_format would otherwise restyle the header cell.
        sheet.write_string_with_format(0, c, &label, &head)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    book.save_to_buffer()
}

/// File name of a template: the register's name in the language.
pub fn file_name(kind: Kind, text: &Catalogue) -> String {
    format!("{}.xlsx", kind.label(text))
}

/// Writes the templates and `clerk.toml` into `dir`, leaving existing files alone. Returns each
/// file with whether it was written.
pub fn write(dir: &Path, text: &Catalogue) -> Result<Vec<(PathBuf, bool)>, String> {
    let lang = text.lang;
    std::fs::create_dir_all(dir).map_err(|e| {
        let words = crate::base::os::io_words(&e, text);
        text.fmt("os.path", &[("path", &dir.display().to_string()), ("error", &words)])
    })?;
    let mut out = Vec::new();
    for kind in Kind::ALL {
        let path = dir.join(file_name(kind, text));
        if path.exists() {
            out.push((path, false));
            continue;
        }
        let bytes = template(kind, text).map_err(|e| format!("{}: {e}", path.display()))?;
        crate::render::write_atomically(&path, &bytes)?;
        out.push((path, true));
    }
    let settings = dir.join("clerk.toml");
    if settings.exists() {
        out.push((settings, false));
    } else {
        let toml = default_toml(lang).replace("language = \"en\"", &format!("language = \"{}\"", lang.code()));
        crate::render::write_atomically(&settings, toml.as_bytes())?;
        out.push((settings, true));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_recognised_as_their_columns() {
        for lang in Lang::ALL {
            for kind in Kind::ALL {
                for column in kind.columns() {
                    let (key, unit) = text::header_key(&header(column, lang));
                    let (canonical, _) = text::header_key(column.name);
                    let alias_keys: Vec<String> = column.aliases.iter().map(|a| text::header_key(a).0).collect();
                    assert!(
                        key == canonical || alias_keys.contains(&key),
                        "{lang:?} {}: {key}",
                        column.name
                    );
                    assert!(unit.is_none());
                }
            }
        }
    }
}
