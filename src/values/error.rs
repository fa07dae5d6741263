//! Why a cell could not be read as its column's type ([`ValueError`]), and the catalogue texts of
//! the reasons ([`TEXTS`]).

use std::fmt;

/// Why a cell could not be read as its column's type. `Display` gives a short English reason;
/// [`ValueError::key`] gives a stable id so that messages can be translated elsewhere.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ValueError {
    /// The cell is empty or only white space.
    Blank,
    /// The cell holds an Excel error value such as `#N/A`.
    ExcelError(String),
    NotADate,
    /// `14:30`, or a cell formatted as a time: a time of day that says nothing of the day.
    TimeOnly,
    /// `3月14日`, `10-08`: a day and month with no year (the year is not guessed).
    NoYear,
    /// `3/11/2026` with the default `ymd` date order: 3 November or 11 March.
    AmbiguousDate,
    InvalidMonth(u32),
    InvalidDay {
        year: i32,
        month: u32,
        day: u32,
    },
    InvalidTime {
        hour: u32,
        minute: u32,
        second: u32,
    },
    DateOutOfRange,
    NotAnAmount,
    /// More digits than an exact decimal can hold (about 28).
    AmountTooLarge,
    NotAFlag,
    NotAWholeNumber,
    /// A whole number outside the 64-bit range.
    NumberTooLarge,
    NotAPhone,
}

impl ValueError {
    /// A stable snake_case id per variant, for translating messages.
    pub fn key(&self) -> &'static str {
        match self {
            ValueError::Blank => "blank",
            ValueError::ExcelError(_) => "excel_error",
            ValueError::NotADate => "not_a_date",
            ValueError::TimeOnly => "time_only",
            ValueError::NoYear => "no_year",
            ValueError::AmbiguousDate => "ambiguous_date",
            ValueError::InvalidMonth(_) => "invalid_month",
            ValueError::InvalidDay { .. } => "invalid_day",
            ValueError::InvalidTime { .. } => "invalid_time",
            ValueError::DateOutOfRange => "date_out_of_range",
            ValueError::NotAnAmount => "not_an_amount",
            ValueError::AmountTooLarge => "amount_too_large",
            ValueError::NotAFlag => "not_a_flag",
            ValueError::NotAWholeNumber => "not_a_whole_number",
            ValueError::NumberTooLarge => "number_too_large",
            ValueError::NotAPhone => "not_a_phone",
        }
    }
}

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ValueError::Blank => write!(f, "blank"),
            ValueError::ExcelError(code) => write!(f, "the cell shows the Excel error {code}"),
            ValueError::NotADate => write!(f, "not a date"),
            ValueError::TimeOnly => write!(f, "a time of day without a date"),
            ValueError::NoYear => write!(f, "the date has no year"),
            ValueError::AmbiguousDate => write!(f, "ambiguous date: set date_order"),
            ValueError::InvalidMonth(month) => write!(f, "month {month} does not exist"),
            ValueError::InvalidDay { year, month, day } => {
                write!(f, "day {day} does not exist in {year}-{month:02}")
            }
            ValueError::InvalidTime { hour, minute, second } => {
                if *second == 0 {
                    write!(f, "time {hour:02}:{minute:02} does not exist")
                } else {
                    write!(f, "time {hour:02}:{minute:02}:{second:02} does not exist")
                }
            }
            ValueError::DateOutOfRange => {
                write!(f, "date out of range (before 1900 or after 2100)")
            }
            ValueError::NotAnAmount => write!(f, "not an amount"),
            ValueError::AmountTooLarge => write!(f, "amount too large"),
            ValueError::NotAFlag => write!(f, "not yes/no"),
            ValueError::NotAWholeNumber => write!(f, "not a whole number"),
            ValueError::NumberTooLarge => write!(f, "number too large"),
            ValueError::NotAPhone => write!(f, "not a phone number"),
        }
    }
}

impl std::error::Error for ValueError {}

/// Catalogue texts of the reasons a cell cannot be read (`value.<key>`: every
/// [`ValueError::key`], and the two reasons the registers give of their own).
pub static TEXTS: &[crate::base::i18n::Entry] = &[
    (
        "value.time_only",
        [
            "a time of day without a date",
            "只有時間，沒有日期",
            "只有时间，没有日期",
        ],
    ),
    (
        "value.no_year",
        ["the date has no year", "日期沒有年份", "日期没有年份"],
    ),
    (
        "value.bad_characters",
        [
            "cannot be read as text: the file has bytes that are not characters here (shown as \u{FFFD}); save it again as UTF-8",
            "無法讀成文字：檔案在此處有無法辨認的字元（顯示為 \u{FFFD}），請另存為 UTF-8 編碼",
            "无法读成文字：文件在此处有无法识别的字符（显示为 \u{FFFD}），请另存为 UTF-8 编码",
        ],
    ),
    ("value.not_a_date", ["not a date", "不是日期", "不是日期"]),
    ("value.ambiguous_date", [
        "ambiguous date: set date_order to dmy or mdy",
        "日期有歧義：請把 date_order 設為 dmy 或 mdy",
        "日期有歧义：请把 date_order 设为 dmy 或 mdy",
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
    ("value.not_an_option", ["not one of the column's options", "不是此欄的選項之一", "不是此列的选项之一"]),
    ("value.excel_error", ["the cell holds an Excel error", "儲存格是 Excel 錯誤值", "单元格是 Excel 错误值"]),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_keys_and_messages() {
        let all = [
            (ValueError::Blank, "blank", "blank"),
            (
                ValueError::ExcelError("#REF!".into()),
                "excel_error",
                "the cell shows the Excel error #REF!",
            ),
            (ValueError::NotADate, "not_a_date", "not a date"),
            (
                ValueError::AmbiguousDate,
                "ambiguous_date",
                "ambiguous date: set date_order",
            ),
            (ValueError::InvalidMonth(13), "invalid_month", "month 13 does not exist"),
            (
                ValueError::InvalidDay {
                    year: 2026,
                    month: 2,
                    day: 30,
                },
                "invalid_day",
                "day 30 does not exist in 2026-02",
            ),
            (
                ValueError::InvalidTime {
                    hour: 25,
                    minute: 0,
                    second: 0,
                },
                "invalid_time",
                "time 25:00 does not exist",
            ),
            (
                ValueError::InvalidTime {
                    hour: 14,
                    minute: 30,
                    second: 61,
                },
                "invalid_time",
                "time 14:30:61 does not exist",
            ),
            (
                ValueError::DateOutOfRange,
                "date_out_of_range",
                "date out of range (before 1900 or after 2100)",
            ),
            (ValueError::NotAnAmount, "not_an_amount", "not an amount"),
            (ValueError::AmountTooLarge, "amount_too_large", "amount too large"),
            (ValueError::NotAFlag, "not_a_flag", "not yes/no"),
            (ValueError::NotAWholeNumber, "not_a_whole_number", "not a whole number"),
            (ValueError::NumberTooLarge, "number_too_large", "number too large"),
            (ValueError::NotAPhone, "not_a_phone", "not a phone number"),
        ];
        for (error, key, message) in all {
            assert_eq!(error.key(), key);
            assert_eq!(error.to_string(), message);
        }
    }
}
