//! `clerk init DIR`: blank register templates, one workbook per kind, and the commented settings.
//!
//! Each template has the canonical headers in the chosen language, a note on every header cell
//! explaining the column, drop-down lists for enum and yes/no columns, date formats on date
//! columns and a frozen header row — so that what staff type is what clerk reads.

use std::path::{Path, PathBuf};

use rust_xlsxwriter::{DataValidation, DocProperties, Format, FormatBorder, Note, Workbook, XlsxError};
use unicode_width::UnicodeWidthStr;

use super::column_notes::{self, option};
use crate::base::i18n::{Catalogue, Lang};
use crate::base::text;
use crate::registers::{Column, ColumnType, Kind};
use crate::settings::{default_toml, Settings};

/// Rows that get the drop-down lists and formats.
const TEMPLATE_ROWS: u32 = 5000;

/// Width of a header note, in pixels.
const NOTE_WIDTH: u32 = 330;

/// A header note's height in pixels: its lines as wrapped at [`NOTE_WIDTH`] (a Chinese character
/// about 12 pixels at 9 points, a Latin one about 6), so the whole note shows without scrolling.
fn note_height(note: &str) -> u32 {
    let per_line = (NOTE_WIDTH as usize - 20) / 6;
    let lines: usize = note
        .lines()
        .map(|line| UnicodeWidthStr::width(line).div_ceil(per_line).max(1))
        .sum();
    lines as u32 * 15 + 14
}

pub static TEXTS: &[crate::base::i18n::Entry] = &[("init.yes", ["Yes", "是", "是"]), ("init.no", ["No", "否", "否"])];

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
    // The notes name the settings of the clerk.toml `init` writes beside the templates.
    let settings = Settings::default();
    for (i, column) in kind.columns().iter().enumerate() {
        let c = i as u16;
        let label = header(column, lang);
        sheet.write_string_with_format(0, c, &label, &head)?;
        let explained = column_notes::note(kind, column, text, &settings);
        let note = Note::new(&explained)
            .set_author("clerk")
            .add_author_prefix(false)
            .set_font_size(9)
            .set_width(NOTE_WIDTH)
            .set_height(note_height(&explained));
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
