//! Yes/no flags in every script: `是`/`否`, `Y`/`N`, `√`/`×`, `有`/`沒有`, TRUE/FALSE, 1/0.

use super::error::ValueError;
use super::text::nfkc;
use crate::read::cell::trim_spaces;
use crate::read::RawCell;

const YES_WORDS: [&str; 11] = ["是", "有", "y", "yes", "true", "√", "✓", "✔", "1", "对", "對"];
const NO_WORDS: [&str; 16] = [
    "否", "無", "无", "没有", "沒有", "n", "no", "false", "×", "✗", "✘", "✕", "✖", "0", "沒", "没",
];

/// A yes or no word in the form of the lists ([`flag_form`]).
fn flag_word(word: &str) -> Option<bool> {
    if YES_WORDS.contains(&word) {
        Some(true)
    } else if NO_WORDS.contains(&word) {
        Some(false)
    } else {
        None
    }
}

/// A flag's text as the word lists hold it: NFKC, trimmed, lower case, without emoji or text
/// presentation selectors.
fn flag_form(text: &str) -> String {
    nfkc(text)
        .to_lowercase()
        .chars()
        .filter(|c| !matches!(c, '\u{FE0E}' | '\u{FE0F}'))
        .collect()
}

/// Parse a yes/no flag. Yes: 是, 有, Y, yes, true, √, ✓, ✔, 1, 对/對 ; No: 否, 無, 无, 没有/沒有, N, no, false, ×, ✗, ✘, 0.
/// Case-insensitive, NFKC, trimmed. Bool cells map directly; Numbers 1 and 0 too; anything else is an error.
///
/// Emoji variation selectors (`✔️`) are ignored, and `✕`, `✖`, `沒`/`没` also read as no. A blank
/// cell is an error here: whether blank means no is the caller's rule.
pub fn parse_flag(cell: &RawCell) -> Result<bool, ValueError> {
    match cell {
        RawCell::Empty => Err(ValueError::Blank),
        RawCell::Text(_) if cell.is_blank() => Err(ValueError::Blank),
        // The marks as registers mostly hold them (是, 否, Y, ✓) are already in the lists' form:
        // only other text is normalised first.
        RawCell::Text(text) => flag_word(trim_spaces(text))
            .or_else(|| flag_word(&flag_form(text)))
            .ok_or(ValueError::NotAFlag),
        RawCell::Bool(value) => Ok(*value),
        RawCell::Number(number) if *number == 1.0 => Ok(true),
        RawCell::Number(number) if *number == 0.0 => Ok(false),
        RawCell::Error(code) => Err(ValueError::ExcelError(trim_spaces(code).to_string())),
        RawCell::Number(_) | RawCell::DateTime(_) => Err(ValueError::NotAFlag),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, NaiveTime};

    fn text(s: &str) -> RawCell {
        RawCell::Text(s.into())
    }

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    #[test]
    fn flags_in_every_script() {
        for yes in [
            "是",
            "有",
            "Y",
            "y",
            "yes",
            "YES",
            "Yes",
            "true",
            "TRUE",
            "√",
            "✓",
            "✔",
            "✔️",
            "1",
            "对",
            "對",
            " 是 ",
            "\u{3000}是",
            "Ｙ",
            "ｙｅｓ",
            "１",
        ] {
            assert_eq!(parse_flag(&text(yes)), Ok(true), "{yes:?}");
        }
        for no in [
            "否", "無", "无", "没有", "沒有", "N", "n", "no", "NO", "No", "false", "FALSE", "×", "✗", "✘", "✕", "✖",
            "0", "Ｎ", "ｎｏ", "０",
        ] {
            assert_eq!(parse_flag(&text(no)), Ok(false), "{no:?}");
        }
    }

    /// A cell holding a list's word as it is takes the short way: every word must be in the form
    /// the long way gives, or the two ways could differ.
    #[test]
    fn the_flag_words_are_in_their_normal_form() {
        for word in YES_WORDS.iter().chain(&NO_WORDS) {
            assert_eq!(flag_form(word), *word);
        }
    }

    #[test]
    fn flags_from_other_cells() {
        assert_eq!(parse_flag(&RawCell::Bool(true)), Ok(true));
        assert_eq!(parse_flag(&RawCell::Bool(false)), Ok(false));
        assert_eq!(parse_flag(&RawCell::Number(1.0)), Ok(true));
        assert_eq!(parse_flag(&RawCell::Number(0.0)), Ok(false));
        assert_eq!(parse_flag(&RawCell::Number(-0.0)), Ok(false));
        assert_eq!(parse_flag(&RawCell::Number(2.0)), Err(ValueError::NotAFlag));
        assert_eq!(parse_flag(&RawCell::Number(0.5)), Err(ValueError::NotAFlag));
        assert_eq!(parse_flag(&RawCell::Number(f64::NAN)), Err(ValueError::NotAFlag));
        assert_eq!(parse_flag(&RawCell::Empty), Err(ValueError::Blank));
        assert_eq!(parse_flag(&text(" ")), Err(ValueError::Blank));
        assert_eq!(
            parse_flag(&RawCell::Error("#N/A".into())),
            Err(ValueError::ExcelError("#N/A".into()))
        );
        let datetime = RawCell::DateTime(ymd(2026, 11, 3).and_time(NaiveTime::MIN));
        assert_eq!(parse_flag(&datetime), Err(ValueError::NotAFlag));
    }

    #[test]
    fn flag_failures() {
        for form in [
            "maybe",
            "是否",
            "yes no",
            "2",
            "10",
            "x",
            "X",
            "t",
            "f",
            "yess",
            "不知道",
        ] {
            let result = parse_flag(&text(form));
            assert_eq!(result.clone().map_err(|e| e.key()), Err("not_a_flag"), "{form:?}");
            assert_eq!(result.map_err(|e| e.to_string()), Err("not yes/no".into()));
        }
    }

    mod plain_forms {
        use super::super::*;
        use crate::read::cell::is_space;
        use proptest::prelude::*;

        proptest! {
            /// A flag reads as the long way (normal form, then the lists) reads it, spaces and
            /// all, whichever way it took.
            #[test]
            fn flags_read_as_the_general_reading_reads_them(
                before in "[ \u{3000}\u{a0}]{0,2}",
                word in "是|否|[yYnN]|yes|No|TRUE|√|✓|✔\u{fe0f}|×|1|0|對|沒有|ｙｅｓ|maybe|是否",
                after in "[ \u{3000}\u{a0}]{0,2}",
            ) {
                let text = format!("{before}{word}{after}");
                let long = if text.trim_matches(is_space).is_empty() {
                    Err(ValueError::Blank)
                } else {
                    flag_word(&flag_form(&text)).ok_or(ValueError::NotAFlag)
                };
                prop_assert_eq!(parse_flag(&RawCell::Text(text.as_str().into())), long);
            }
        }
    }
}
