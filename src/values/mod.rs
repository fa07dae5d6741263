//! Reading cell values typed for their column: dates, date-times, amounts of money, yes/no
//! flags, whole numbers and phone numbers, as office staff actually type them into Excel
//! registers in English, Traditional and Simplified Chinese (full-width digits, `2026年11月3日`,
//! `120萬`, `√`, `+86 138-1234-5678`, …). Every parser takes a [`RawCell`] as the sheet
//! reader produced it and either returns the typed value or a [`ValueError`] that says why the
//! cell cannot be read, so that the caller can report finding RG02 and carry on. None of these
//! functions panics, whatever the input.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime};
use rust_decimal::Decimal;
use unicode_normalization::UnicodeNormalization;

use crate::read::cell::{is_space, round_to_second, trim_spaces};
use crate::read::RawCell;

/// How to read ambiguous all-numeric text dates such as `3/11/2026`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateOrder {
    #[default]
    Ymd,
    Dmy,
    Mdy,
}

/// A date with the time of day when the cell gave one.
///
/// A time of exactly midnight counts as "no time given": an Excel date cell and a date-time
/// cell at 00:00 look the same to the reader, and CSV exports write `2026-11-03 00:00:00`
/// for plain dates, so treating midnight alike keeps every source consistent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateValue {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
}

impl DateValue {
    /// date + time, midnight when no time
    pub fn datetime(&self) -> NaiveDateTime {
        self.date.and_time(self.time.unwrap_or(NaiveTime::MIN))
    }

    /// Builds a value from a date-time, dropping a midnight time (see the type's doc).
    fn from_datetime(datetime: NaiveDateTime) -> DateValue {
        let time = datetime.time();
        DateValue {
            date: datetime.date(),
            time: (time != NaiveTime::MIN).then_some(time),
        }
    }
}

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

/// Catalogue texts of the reasons added for bad inputs (the older `value.*` rows live in
/// `i18n.rs`).
pub static TEXTS: &[crate::base::i18n::Entry] = &[
    (
        "value.time_only",
        [
            "a time of day without a date",
            "只有時間,沒有日期",
            "只有时间,没有日期",
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
            "無法讀成文字:檔案在此處有不是字元的位元組(顯示為 \u{FFFD}),請另存為 UTF-8",
            "无法读成文字:文件在此处有不是字符的字节(显示为 \u{FFFD}),请另存为 UTF-8",
        ],
    ),
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
];

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

const FIRST_YEAR: i32 = 1900;
const LAST_YEAR: i32 = 2100;

/// Serial 2,958,466 is 10000-01-01 in Excel; anything at or above it is no Excel date at all.
const SERIAL_LIMIT: f64 = 2_958_466.0;

/// Parse a date or date-time. Accepts: DateTime cells; Numbers that are Excel serials of a date in
/// 1900-01-01..=2100-12-31 (serial 1 = 1900-01-01 in the 1900 system, honour Excel's fake 1900-02-29 the
/// usual way: serials >= 61 are offset by one; fractional part = time of day) — but an 8-digit integer
/// Number like 20261103 is read as yyyymmdd first; Text forms: `2026-11-03`, `2026/11/3`, `2026.11.3`,
/// `2026年11月3日` (also with 号/號), `20261103`, full-width digits and separators (apply NFKC first),
/// each optionally followed by a time `14:30`, `14:30:05`, `下午2:30`/`上午`, `14時30分`/`14点30分`, or ISO `T14:30:00`
/// (seconds optional; ignore a trailing `Z`); two-digit years in y-first forms (`26/11/3` → 2026; 00-69 → 20xx, 70-99 → 19xx);
/// day-first / month-first forms like `3/11/2026`, `3-11-2026`, `3.11.2026`: if one of the first two parts is > 12
/// the reading is unambiguous whatever `order` is; otherwise use `order` (Dmy or Mdy) and with `Ymd` (the default)
/// return the ambiguous-date error. Invalid calendar dates (2026-02-30, month 13) are errors naming why.
/// Years outside 1900..=2100 are errors. Bool and Error cells are errors. Blank cells are the caller's business:
/// return an error for them too (the caller checks is_blank first).
///
/// Also accepted, because people type them: `AM`/`PM` after the time, `早上`/`凌晨`/`晚上`
/// like `上午`/`下午`, `14點半`, fractional seconds (dropped), `24:00` as the end of the day
/// (the next day at 00:00, as Excel reads it), and `3/3/2026` whatever the order (both
/// readings agree).
pub fn parse_date(cell: &RawCell, order: DateOrder) -> Result<DateValue, ValueError> {
    match cell {
        RawCell::Empty => Err(ValueError::Blank),
        RawCell::Text(_) if cell.is_blank() => Err(ValueError::Blank),
        RawCell::Text(text) => parse_date_text(text, order),
        RawCell::Number(number) => parse_date_number(*number),
        RawCell::DateTime(datetime) => {
            let datetime = round_to_second(*datetime);
            check_year(datetime.year())?;
            Ok(DateValue::from_datetime(datetime))
        }
        RawCell::Bool(_) => Err(ValueError::NotADate),
        RawCell::Error(code) => Err(ValueError::ExcelError(trim_spaces(code).to_string())),
    }
}

/// Converts an Excel serial day number to a date-time, to the nearest second.
///
/// In the 1900 system serial 1 is 1900-01-01 and Excel counts a 1900-02-29 that never was,
/// so serials from 61 on are one day ahead of a plain count; serial 60 (the fake day) gives
/// `None`. In the 1904 system (old Mac workbooks) serial 0 is 1904-01-01. Serials below 0 or
/// past 9999-12-31 give `None`.
pub fn excel_serial_to_datetime(serial: f64, date1904: bool) -> Option<NaiveDateTime> {
    let (days, seconds) = split_serial(serial)?;
    let base = if date1904 {
        NaiveDate::from_ymd_opt(1904, 1, 1)?
    } else if days < 60 {
        NaiveDate::from_ymd_opt(1899, 12, 31)?
    } else if days == 60 {
        return None;
    } else {
        NaiveDate::from_ymd_opt(1899, 12, 30)?
    };
    let date = base.checked_add_days(Days::new(days))?;
    let time = NaiveTime::from_num_seconds_from_midnight_opt(seconds, 0)?;
    Some(date.and_time(time))
}

/// The Excel serial (1900 system) of a date-time: the inverse of [`excel_serial_to_datetime`].
pub fn datetime_to_serial(datetime: NaiveDateTime) -> Option<f64> {
    let base = NaiveDate::from_ymd_opt(1899, 12, 30)?.and_time(NaiveTime::MIN);
    let seconds = (datetime - base).num_seconds();
    let mut days = seconds.div_euclid(86_400);
    if days < 61 {
        days -= 1; // before Excel's fake 1900-02-29
    }
    let serial = days as f64 + seconds.rem_euclid(86_400) as f64 / 86_400.0;
    (serial >= 0.0).then_some(serial)
}

/// Splits a serial into whole days and the second of the day, rounding to the nearest second.
fn split_serial(serial: f64) -> Option<(u64, u32)> {
    if !serial.is_finite() || !(0.0..SERIAL_LIMIT).contains(&serial) {
        return None;
    }
    let whole = serial.floor();
    let mut days = whole as u64;
    let mut seconds = ((serial - whole) * 86_400.0).round() as u32;
    if seconds >= 86_400 {
        days += 1;
        seconds -= 86_400;
    }
    Some((days, seconds))
}

fn parse_date_number(number: f64) -> Result<DateValue, ValueError> {
    if !number.is_finite() {
        return Err(ValueError::NotADate);
    }
    // Some systems export dates as the integer 20261103; no Excel serial that large is a date
    // in range, so reading it as yyyymmdd first loses nothing.
    if number.fract() == 0.0 && (10_000_000.0..=99_999_999.0).contains(&number) {
        let digits = number as u32;
        let date = make_date((digits / 10_000) as i32, digits / 100 % 100, digits % 100)?;
        return Ok(DateValue { date, time: None });
    }
    // Below 1 is a bare time of day or a negative number: neither says which day.
    if number < 1.0 {
        return Err(ValueError::NotADate);
    }
    match split_serial(number) {
        Some((60, _)) => Err(ValueError::InvalidDay {
            year: 1900,
            month: 2,
            day: 29,
        }),
        _ => {
            let datetime = excel_serial_to_datetime(number, false).ok_or(ValueError::DateOutOfRange)?;
            check_year(datetime.year())?;
            Ok(DateValue::from_datetime(datetime))
        }
    }
}

fn parse_date_text(text: &str, order: DateOrder) -> Result<DateValue, ValueError> {
    if let Some(date) = plain_date(text) {
        return Ok(DateValue { date, time: None });
    }
    parse_date_text_in_full(text, order)
}

/// `2026-10-05` or `2026/10/05`, a date in range: how exports write dates, read without the
/// normalising the general reading does first (the same date, a test holds it to that). None for
/// anything else, an impossible date too (the general reading names what is wrong).
fn plain_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    if b.len() != 10 || !matches!(b[4], b'-' | b'/') || b[7] != b[4] {
        return None;
    }
    let year = plain_digits(&b[..4])? as i32;
    make_date(year, plain_digits(&b[5..7])?, plain_digits(&b[8..])?).ok()
}

/// The value of a short run of ASCII digits; None if any byte is not one.
fn plain_digits(digits: &[u8]) -> Option<u32> {
    digits.iter().try_fold(0u32, |n, &d| match d {
        b'0'..=b'9' => Some(n * 10 + u32::from(d - b'0')),
        _ => None,
    })
}

/// `12`, `2664.00`: ASCII digits with at most one inner point, as exports write amounts and
/// counts (no sign, grouping, currency or unit), short enough for any number type here.
fn is_plain_number(text: &str) -> bool {
    let b = text.as_bytes();
    let mut points = 0;
    (1..=20).contains(&b.len())
        && b.iter().all(|&c| match c {
            b'0'..=b'9' => true,
            b'.' => {
                points += 1;
                points == 1
            }
            _ => false,
        })
        && b[0] != b'.'
        && b[b.len() - 1] != b'.'
}

fn parse_date_text_in_full(text: &str, order: DateOrder) -> Result<DateValue, ValueError> {
    let normal = nfkc(text);
    parse_date_normal(&normal, order).map_err(|e| match e {
        ValueError::NotADate | ValueError::AmbiguousDate if is_month_day(&normal) => ValueError::NoYear,
        ValueError::NotADate if is_time_only(&normal) => ValueError::TimeOnly,
        e => e,
    })
}

/// `3月14日`, `10-08`, `10/8`: two numbers that can be a month and a day, and nothing else.
fn is_month_day(normal: &str) -> bool {
    let t = trim_spaces(normal);
    let t = t.trim_end_matches(['日', '号', '號']);
    let parts: Vec<&str> = t.split(['月', '-', '/', '.']).collect();
    match parts.as_slice() {
        [a, b] if (1..=2).contains(&a.len()) && (1..=2).contains(&b.len()) => {
            match (a.parse::<u32>(), b.parse::<u32>()) {
                (Ok(a), Ok(b)) => (1..=31).contains(&a) && (1..=31).contains(&b) && (a <= 12 || b <= 12),
                _ => false,
            }
        }
        _ => false,
    }
}

/// `14:30`, `下午2:30`, `14時30分`: a time of day alone.
fn is_time_only(normal: &str) -> bool {
    let t = trim_spaces(normal);
    let t = ["上午", "下午", "早上", "晚上", "凌晨", "中午"]
        .iter()
        .find_map(|p| t.strip_prefix(p))
        .unwrap_or(t);
    let t = t.trim_end_matches(['A', 'P', 'M', 'a', 'p', 'm', ' ']);
    let t = t.replace(['時', '时', '點', '点'], ":").replace(['分', '秒'], "");
    let t = t.trim_end_matches(':');
    let parts: Vec<&str> = t.split(':').collect();
    (2..=3).contains(&parts.len())
        && parts
            .iter()
            .all(|p| (1..=2).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit()))
}

fn parse_date_normal(normal: &str, order: DateOrder) -> Result<DateValue, ValueError> {
    let normal = normal.to_string();
    if let Some(date) = roc_date(&normal) {
        return date;
    }
    let mut cursor = Cursor::new(&normal);
    let date = parse_date_part(&mut cursor, order)?;
    let Some((hour, minute, second)) = parse_time_part(&mut cursor)? else {
        return Ok(DateValue { date, time: None });
    };
    if (hour, minute, second) == (24, 0, 0) {
        let next_day = date.succ_opt().ok_or(ValueError::DateOutOfRange)?;
        check_year(next_day.year())?;
        return Ok(DateValue {
            date: next_day,
            time: None,
        });
    }
    let time = NaiveTime::from_hms_opt(hour, minute, second).ok_or(ValueError::InvalidTime { hour, minute, second })?;
    Ok(DateValue::from_datetime(date.and_time(time)))
}

/// A Republic of China (民國) date as Taiwanese registers write it: `民國115年10月3日`,
/// `民國115/10/3` — year 1 is 1912. None when the text does not start with 民國/民国.
fn roc_date(text: &str) -> Option<Result<DateValue, ValueError>> {
    let rest = text
        .trim()
        .strip_prefix("民國")
        .or_else(|| text.trim().strip_prefix("民国"))?;
    let parts: Vec<&str> = rest
        .split(|c: char| matches!(c, '年' | '月' | '日' | '号' | '號' | '/' | '-' | '.') || c.is_whitespace())
        .filter(|p| !p.is_empty())
        .collect();
    let numbers: Option<Vec<u32>> = parts.iter().map(|p| p.parse::<u32>().ok()).collect();
    Some(match numbers.as_deref() {
        Some([year, month, day]) if (1..=189).contains(year) => {
            make_date(*year as i32 + 1911, *month, *day).map(|date| DateValue { date, time: None })
        }
        _ => Err(ValueError::NotADate),
    })
}

/// Reads the date at the start of the text: `2026-11-03`, `2026年11月3日`, `20261103`,
/// `3/11/2026`, `26/11/3`, …
fn parse_date_part(cursor: &mut Cursor, order: DateOrder) -> Result<NaiveDate, ValueError> {
    cursor.skip_spaces();
    let first = cursor.digits();
    if first.is_empty() {
        return Err(ValueError::NotADate);
    }
    cursor.skip_spaces();
    if cursor.eat('年') {
        cursor.skip_spaces();
        let month = cursor.digits();
        cursor.skip_spaces();
        if !cursor.eat('月') {
            return Err(ValueError::NotADate);
        }
        cursor.skip_spaces();
        let day = cursor.digits();
        cursor.skip_spaces();
        cursor.eat_any(&['日', '号', '號']);
        return year_first(&first, &month, &day);
    }
    if let Some(separator) = cursor.eat_any(&['-', '/', '.']) {
        cursor.skip_spaces();
        let second = cursor.digits();
        cursor.skip_spaces();
        if !cursor.eat(separator) {
            return Err(ValueError::NotADate);
        }
        cursor.skip_spaces();
        let third = cursor.digits();
        return match (first.len(), third.len()) {
            (4, _) | (2, 1..=2) => year_first(&first, &second, &third),
            (1..=2, 4) | (1, 2) => day_or_month_first(&first, &second, &third, order),
            _ => Err(ValueError::NotADate),
        };
    }
    if first.len() == 8 {
        return year_first(&first[..4], &first[4..6], &first[6..]);
    }
    Err(ValueError::NotADate)
}

fn year_first(year: &str, month: &str, day: &str) -> Result<NaiveDate, ValueError> {
    let year = read_year(year)?;
    let month = read_part(month)?;
    let day = read_part(day)?;
    make_date(year, month, day)
}

/// `3/11/2026`: day-first or month-first. A part above 12 can only be the day; otherwise the
/// configured order decides, and the default `ymd` order cannot.
fn day_or_month_first(first: &str, second: &str, year: &str, order: DateOrder) -> Result<NaiveDate, ValueError> {
    let year = read_year(year)?;
    let first = read_part(first)?;
    let second = read_part(second)?;
    let (day, month) = if first > 12 && second <= 12 {
        (first, second)
    } else if second > 12 && first <= 12 {
        (second, first)
    } else if first == second {
        (first, second)
    } else {
        match order {
            DateOrder::Dmy => (first, second),
            DateOrder::Mdy => (second, first),
            DateOrder::Ymd if first > 12 => return Err(ValueError::NotADate),
            DateOrder::Ymd => return Err(ValueError::AmbiguousDate),
        }
    };
    make_date(year, month, day)
}

/// A four-digit year, or a two-digit one: 00–69 are 2000–2069, 70–99 are 1970–1999.
fn read_year(digits: &str) -> Result<i32, ValueError> {
    let value: i32 = match digits.len() {
        2 | 4 => digits.parse().map_err(|_| ValueError::NotADate)?,
        _ => return Err(ValueError::NotADate),
    };
    Ok(match (digits.len(), value) {
        (2, 0..=69) => 2000 + value,
        (2, _) => 1900 + value,
        _ => value,
    })
}

/// A month or day: one or two digits.
fn read_part(digits: &str) -> Result<u32, ValueError> {
    if digits.is_empty() || digits.len() > 2 {
        return Err(ValueError::NotADate);
    }
    digits.parse().map_err(|_| ValueError::NotADate)
}

fn check_year(year: i32) -> Result<(), ValueError> {
    if (FIRST_YEAR..=LAST_YEAR).contains(&year) {
        Ok(())
    } else {
        Err(ValueError::DateOutOfRange)
    }
}

/// A calendar date in range, or the error that names what is wrong with it.
fn make_date(year: i32, month: u32, day: u32) -> Result<NaiveDate, ValueError> {
    check_year(year)?;
    if !(1..=12).contains(&month) {
        return Err(ValueError::InvalidMonth(month));
    }
    NaiveDate::from_ymd_opt(year, month, day).ok_or(ValueError::InvalidDay { year, month, day })
}

/// Reads the optional time after the date and checks that nothing else follows. Returns the
/// hour, minute and second as written (24-hour clock), not yet checked.
fn parse_time_part(cursor: &mut Cursor) -> Result<Option<(u32, u32, u32)>, ValueError> {
    cursor.skip_spaces();
    if cursor.at_end() {
        return Ok(None);
    }
    if cursor.eat_any(&['T', 't']).is_some() {
        cursor.skip_spaces();
    }
    let mut afternoon = None;
    for (word, pm) in [
        ("上午", false),
        ("早上", false),
        ("凌晨", false),
        ("下午", true),
        ("晚上", true),
    ] {
        if cursor.eat_str(word) {
            afternoon = Some(pm);
            cursor.skip_spaces();
            break;
        }
    }
    let hour = read_time_part(&cursor.digits())?;
    let (minute, second);
    if cursor.eat(':') {
        minute = read_time_part(&cursor.digits())?;
        if cursor.eat(':') {
            second = read_time_part(&cursor.digits())?;
            if cursor.eat('.') && cursor.digits().is_empty() {
                return Err(ValueError::NotADate);
            }
        } else {
            second = 0;
        }
    } else if cursor.eat_any(&['時', '时', '点', '點']).is_some() {
        cursor.skip_spaces();
        if cursor.eat('半') {
            minute = 30;
            second = 0;
        } else {
            minute = read_optional_time_part(cursor, '分')?;
            second = read_optional_time_part(cursor, '秒')?;
        }
    } else {
        return Err(ValueError::NotADate);
    }
    cursor.skip_spaces();
    if afternoon.is_none() {
        if cursor.eat_str_ignore_case("am") {
            afternoon = Some(false);
        } else if cursor.eat_str_ignore_case("pm") {
            afternoon = Some(true);
        }
    }
    cursor.skip_spaces();
    cursor.eat_any(&['Z', 'z']);
    cursor.skip_spaces();
    if !cursor.at_end() {
        return Err(ValueError::NotADate);
    }
    let hour = match afternoon {
        Some(true) if hour < 12 => hour + 12,
        Some(false) if hour == 12 => 0,
        Some(false) if hour > 12 => return Err(ValueError::InvalidTime { hour, minute, second }),
        _ => hour,
    };
    Ok(Some((hour, minute, second)))
}

/// One or two digits of a clock time.
fn read_time_part(digits: &str) -> Result<u32, ValueError> {
    if digits.is_empty() || digits.len() > 2 {
        return Err(ValueError::NotADate);
    }
    digits.parse().map_err(|_| ValueError::NotADate)
}

/// The `30分` or `05秒` of `14時30分05秒`: zero when absent.
fn read_optional_time_part(cursor: &mut Cursor, unit: char) -> Result<u32, ValueError> {
    cursor.skip_spaces();
    let digits = cursor.digits();
    if digits.is_empty() {
        return Ok(0);
    }
    let value = read_time_part(&digits)?;
    cursor.eat(unit);
    cursor.skip_spaces();
    Ok(value)
}

// ---------------------------------------------------------------------------------------------
// Money
// ---------------------------------------------------------------------------------------------

/// Currency marks, longest first so that `US$` is not read as `US` + `$`. Upper case because
/// the text is upper-cased before matching.
const CURRENCY_MARKS: [&str; 13] = [
    "人民币",
    "人民幣",
    "US$",
    "HK$",
    "RMB",
    "CNY",
    "¥",
    "$",
    "元",
    "圓",
    "圆",
    "块",
    "塊",
];

/// Multiplier suffixes. They may stack (`1千万` is ten million).
const MULTIPLIERS: [(char, i64); 6] = [
    ('万', 10_000),
    ('萬', 10_000),
    ('亿', 100_000_000),
    ('億', 100_000_000),
    ('千', 1_000),
    ('百', 100),
];

/// Parse an amount of money as an exact decimal (never via binary floating point arithmetic for text).
/// Numbers: convert from f64 via its shortest round-trip decimal text (so 0.1 stays 0.1), reject NaN/inf.
/// Text: optional sign (`-`, `－`, `△`/`▲`, or brackets `(1,200)` = negative), currency marks anywhere at start or end:
/// `¥`, `￥`, `RMB`, `CNY`, `US$`, `$`, `HK$`, `元`, `圓`, `块`; thousands separators `,` `，` and spaces;
/// full-width digits (NFKC); multiplier suffixes `萬`/`万` (×10,000), `億`/`亿` (×100,000,000), `千` (×1,000),
/// possibly followed by `元` (`120萬元`, `1.2億`, `120万`). Anything else (letters, two numbers, empty) is an error.
///
/// Thousands separators must group the digits in threes (`1,200,000`): `1,5` could be a
/// European decimal comma and is refused rather than read as 15. Also accepted: `人民币`/`人民幣`,
/// `圆`/`塊` (the other script's form of `圓`/`块`), `百` and stacked multipliers (`1千万`).
/// After a multiplier the result is normalised (`1.2億` is 120000000, not 120000000.0).
pub fn parse_money(cell: &RawCell) -> Result<Decimal, ValueError> {
    match cell {
        RawCell::Empty => Err(ValueError::Blank),
        RawCell::Text(_) if cell.is_blank() => Err(ValueError::Blank),
        RawCell::Text(text) => parse_money_text(text),
        RawCell::Number(number) => {
            if !number.is_finite() {
                return Err(ValueError::NotAnAmount);
            }
            decimal_from_f64(*number).ok_or(ValueError::AmountTooLarge)
        }
        RawCell::Error(code) => Err(ValueError::ExcelError(trim_spaces(code).to_string())),
        // A number that merely carries a date format (an amount typed into a column formatted
        // for dates, shown as a year past 2100): the number is the amount. A date a register
        // could hold is a date typed into the amount column, not an amount.
        RawCell::DateTime(datetime) if datetime.year() > LAST_YEAR => datetime_to_serial(*datetime)
            .and_then(decimal_from_f64)
            .ok_or(ValueError::NotAnAmount),
        RawCell::DateTime(_) => Err(ValueError::NotAnAmount),
        RawCell::Bool(_) => Err(ValueError::NotAnAmount),
    }
}

/// The exact decimal that the f64's shortest round-trip text shows (0.1 stays 0.1). Numbers
/// smaller than the 28 decimal places a `Decimal` holds round to them.
fn decimal_from_f64(number: f64) -> Option<Decimal> {
    if number == 0.0 {
        return Some(Decimal::ZERO);
    }
    if number.abs() < 1e-28 {
        return Some(Decimal::ZERO);
    }
    // Display for f64 never uses an exponent: 1e22 prints all its digits.
    Decimal::from_str(&format!("{number}")).ok()
}

fn parse_money_text(text: &str) -> Result<Decimal, ValueError> {
    // What the general reading comes to for plain digits: the same text, as a decimal.
    if is_plain_number(text) {
        if let Ok(amount) = Decimal::from_str(text) {
            return Ok(amount);
        }
    }
    parse_money_text_in_full(text)
}

fn parse_money_text_in_full(text: &str) -> Result<Decimal, ValueError> {
    let normal = collapse_spaces(&nfkc(text).to_uppercase());
    let mut rest = normal.as_str();
    let mut negative = false;
    let mut signed = false;
    let mut bracketed = false;

    // Leading marks: currency, one sign or one opening bracket, in any order.
    loop {
        rest = rest.trim_start();
        if let Some(after) = strip_currency_prefix(rest) {
            rest = after;
        } else if let Some(after) = rest
            .strip_prefix(['-', '−', '△', '▲'])
            .filter(|_| !signed && !bracketed)
        {
            // △ / ▲ mark a negative amount in Chinese and Japanese bookkeeping.
            negative = true;
            signed = true;
            rest = after;
        } else if let Some(after) = rest.strip_prefix('+').filter(|_| !signed && !bracketed) {
            signed = true;
            rest = after;
        } else if let Some(after) = rest.strip_prefix('(').filter(|_| !signed && !bracketed) {
            negative = true;
            bracketed = true;
            rest = after;
        } else {
            break;
        }
    }

    // Trailing marks: currency and the closing bracket.
    let mut closed = false;
    loop {
        rest = rest.trim_end();
        if let Some(before) = strip_currency_suffix(rest) {
            rest = before;
        } else if let Some(before) = rest.strip_suffix(')').filter(|_| bracketed && !closed) {
            closed = true;
            rest = before;
        } else {
            break;
        }
    }
    if bracketed != closed {
        return Err(ValueError::NotAnAmount);
    }

    // Multipliers sit right after the number: `120萬元`, `1.2億`.
    let mut multiplier = Decimal::ONE;
    let mut scaled = false;
    while let Some((before, factor)) = strip_multiplier(rest.trim_end()) {
        multiplier = multiplier
            .checked_mul(Decimal::from(factor))
            .ok_or(ValueError::AmountTooLarge)?;
        scaled = true;
        rest = before;
    }

    let (whole, fraction) = split_grouped_number(rest.trim()).ok_or(ValueError::NotAnAmount)?;
    let digits = if fraction.is_empty() {
        whole
    } else {
        format!("{whole}.{fraction}")
    };
    let mut amount = Decimal::from_str(&digits).map_err(|_| ValueError::AmountTooLarge)?;
    if scaled {
        amount = amount
            .checked_mul(multiplier)
            .ok_or(ValueError::AmountTooLarge)?
            .normalize();
    }
    if negative && !amount.is_zero() {
        amount = -amount;
    }
    Ok(amount)
}

fn strip_currency_prefix(text: &str) -> Option<&str> {
    CURRENCY_MARKS.iter().find_map(|mark| text.strip_prefix(mark))
}

fn strip_currency_suffix(text: &str) -> Option<&str> {
    CURRENCY_MARKS.iter().find_map(|mark| text.strip_suffix(mark))
}

fn strip_multiplier(text: &str) -> Option<(&str, i64)> {
    MULTIPLIERS
        .iter()
        .find_map(|(mark, factor)| text.strip_suffix(*mark).map(|before| (before, *factor)))
}

/// Splits `1,200,000.50` (or `1 200 000.50`) into its whole digits `1200000` and fraction
/// digits `50`. None unless separators group the whole part in threes and everything else is
/// ASCII digits (the text is NFKC-normalised and its spaces collapsed already).
fn split_grouped_number(text: &str) -> Option<(String, String)> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if text.ends_with('.') || !fraction.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let groups: Vec<&str> = whole.split([',', ' ']).collect();
    let all_digits = |group: &&str| group.chars().all(|c| c.is_ascii_digit());
    if !groups.iter().all(all_digits) {
        return None;
    }
    if let Some((head, tail)) = groups.split_first() {
        if !tail.is_empty() && (head.is_empty() || head.len() > 3 || tail.iter().any(|g| g.len() != 3)) {
            return None;
        }
    }
    let whole = groups.concat();
    if whole.is_empty() && fraction.is_empty() {
        return None;
    }
    let whole = if whole.is_empty() { "0".to_string() } else { whole };
    Some((whole, fraction.to_string()))
}

// ---------------------------------------------------------------------------------------------
// Flags and whole numbers
// ---------------------------------------------------------------------------------------------

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

/// Parse a whole number (e.g. covers / number of guests): integral Numbers, or Text digits with optional
/// thousands separators and an optional trailing unit 人/位/pax. Errors otherwise.
///
/// A sign is allowed (the caller judges whether a negative count makes sense), and so is a
/// fraction of zeros (`12.00`) since it still says twelve.
pub fn parse_integer(cell: &RawCell) -> Result<i64, ValueError> {
    match cell {
        RawCell::Empty => Err(ValueError::Blank),
        RawCell::Text(_) if cell.is_blank() => Err(ValueError::Blank),
        RawCell::Text(text) => parse_integer_text(text),
        RawCell::Number(number) => {
            if !number.is_finite() || number.fract() != 0.0 {
                return Err(ValueError::NotAWholeNumber);
            }
            // 2^63 is exactly representable; every integral f64 below it fits an i64.
            if !(-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(number) {
                return Err(ValueError::NumberTooLarge);
            }
            Ok(*number as i64)
        }
        RawCell::Error(code) => Err(ValueError::ExcelError(trim_spaces(code).to_string())),
        RawCell::DateTime(_) | RawCell::Bool(_) => Err(ValueError::NotAWholeNumber),
    }
}

fn parse_integer_text(text: &str) -> Result<i64, ValueError> {
    if is_plain_number(text) && !text.contains('.') {
        if let Ok(n) = text.parse() {
            return Ok(n);
        }
    }
    parse_integer_text_in_full(text)
}

fn parse_integer_text_in_full(text: &str) -> Result<i64, ValueError> {
    let normal = collapse_spaces(&nfkc(text).to_lowercase());
    let mut rest = normal.as_str();
    for unit in ["人", "位", "pax"] {
        if let Some(before) = rest.strip_suffix(unit) {
            rest = before.trim_end();
            break;
        }
    }
    let (negative, rest) = match rest.strip_prefix(['-', '−']) {
        Some(after) => (true, after),
        None => (false, rest.strip_prefix('+').unwrap_or(rest)),
    };
    let (whole, fraction) = split_grouped_number(rest).ok_or(ValueError::NotAWholeNumber)?;
    if fraction.chars().any(|c| c != '0') {
        return Err(ValueError::NotAWholeNumber);
    }
    let digits = if negative { format!("-{whole}") } else { whole };
    // The digits are checked already, so the only way to fail is overflow.
    digits.parse().map_err(|_| ValueError::NumberTooLarge)
}

// ---------------------------------------------------------------------------------------------
// Phones
// ---------------------------------------------------------------------------------------------

/// Extension markers, lower case, longest first.
const EXTENSION_MARKERS: [&str; 7] = ["extension", "ext", "分機", "分机", "轉", "转", "x"];

/// Normalise a phone number for duplicate detection: keep digits (NFKC first); drop a leading `+86`/`0086`/`86`
/// country code when what remains is an 11-digit mobile starting with 1; accept spaces, dashes, dots, brackets;
/// `ext`/`轉`/`转`/`分機` extensions are dropped. Return None when fewer than 7 or more than 15 digits remain, or
/// when the text holds letters other than an extension marker. Numbers (e.g. 13812345678.0) are accepted.
///
/// Beyond the brief: an explicit `+86`/`0086` before a landline without its trunk zero
/// (`+86 21 6234 5678`) becomes the national form `02162345678`, so that it matches the same
/// line written `(021) 6234 5678`; `分机` and `x` (`555 1234 x12`) also mark extensions, and an
/// extension must hold at least one digit.
pub fn normalize_phone(cell: &RawCell) -> Option<String> {
    match cell {
        RawCell::Text(text) => normalize_phone_text(text),
        RawCell::Number(number) => {
            if !number.is_finite() || *number < 0.0 || number.fract() != 0.0 || *number >= 1e16 {
                return None;
            }
            normalize_phone_text(&format!("{number}"))
        }
        _ => None,
    }
}

fn normalize_phone_text(text: &str) -> Option<String> {
    let normal = nfkc(text).to_lowercase();
    let main = match find_extension(&normal) {
        Some((start, extension)) => {
            let has_digit = extension.chars().any(|c| c.is_ascii_digit());
            let only_number = extension
                .chars()
                .all(|c| c.is_ascii_digit() || is_phone_separator(c) || matches!(c, ':' | '#'));
            if !has_digit || !only_number {
                return None;
            }
            &normal[..start]
        }
        None => normal.as_str(),
    };

    let mut digits = String::new();
    let mut plus = false;
    for c in main.chars() {
        match c {
            '0'..='9' => digits.push(c),
            '+' if digits.is_empty() && !plus => plus = true,
            c if is_phone_separator(c) => {}
            _ => return None,
        }
    }

    let national = if let Some(rest) = digits.strip_prefix("0086") {
        Some(rest)
    } else if plus {
        digits.strip_prefix("86")
    } else {
        None
    };
    let digits = match national {
        Some(rest) if is_mobile(rest) || rest.starts_with('0') => rest.to_string(),
        Some(rest) if (9..=11).contains(&rest.len()) => format!("0{rest}"),
        Some(_) => digits,
        None => match digits.strip_prefix("86") {
            Some(rest) if is_mobile(rest) => rest.to_string(),
            _ => digits,
        },
    };
    (7..=15).contains(&digits.len()).then_some(digits)
}

/// Where the first extension marker starts, and the text after the marker.
fn find_extension(text: &str) -> Option<(usize, &str)> {
    EXTENSION_MARKERS
        .iter()
        .filter_map(|marker| text.find(marker).map(|start| (start, marker.len())))
        .min_by_key(|(start, length)| (*start, usize::MAX - length))
        .map(|(start, length)| (start, &text[start + length..]))
}

fn is_phone_separator(c: char) -> bool {
    is_space(c) || matches!(c, '-' | '.' | '(' | ')' | '‐' | '‑' | '‒' | '–' | '—' | '−')
}

/// An 11-digit mainland mobile number: it starts with 1.
fn is_mobile(digits: &str) -> bool {
    digits.len() == 11 && digits.starts_with('1')
}

/// Mask a phone for HTML: keep the first 3 and last 4 digits of the normalised form, `*` x4 between
/// (`13812345678` → `138****5678`); shorter numbers keep only the last 4 digits with `****` before them.
///
/// "Shorter" means fewer than 11 digits, where showing seven of them would give most of the
/// number away. Anything but digits is ignored, and four digits or fewer are masked whole.
pub fn mask_phone(normalised: &str) -> String {
    let digits: Vec<char> = normalised.chars().filter(|c| c.is_ascii_digit()).collect();
    let count = digits.len();
    let tail: String = digits[count.saturating_sub(4)..].iter().collect();
    if count >= 11 {
        let head: String = digits[..3].iter().collect();
        format!("{head}****{tail}")
    } else if count > 4 {
        format!("****{tail}")
    } else {
        "****".to_string()
    }
}

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

/// NFKC (full-width to half-width and the like), trimmed.
fn nfkc(text: &str) -> String {
    // ASCII is its own NFKC form: most dates, amounts and numbers need no work.
    if text.is_ascii() {
        return trim_spaces(text).to_string();
    }
    let normal: String = text.nfkc().collect();
    trim_spaces(&normal).to_string()
}

/// Every run of white space becomes one ASCII space; the ends are trimmed.
fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(is_space).filter(|word| !word.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// A character cursor for the small hand-written date and time grammar.
struct Cursor {
    chars: Vec<char>,
    position: usize,
}

impl Cursor {
    fn new(text: &str) -> Cursor {
        Cursor {
            chars: text.chars().collect(),
            position: 0,
        }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.position).copied()
    }

    fn at_end(&self) -> bool {
        self.position >= self.chars.len()
    }

    fn skip_spaces(&mut self) {
        while self.peek().is_some_and(is_space) {
            self.position += 1;
        }
    }

    /// The run of ASCII digits at the cursor (possibly empty).
    fn digits(&mut self) -> String {
        let mut out = String::new();
        while let Some(c) = self.peek().filter(char::is_ascii_digit) {
            out.push(c);
            self.position += 1;
        }
        out
    }

    fn eat(&mut self, expected: char) -> bool {
        self.eat_any(&[expected]).is_some()
    }

    fn eat_any(&mut self, expected: &[char]) -> Option<char> {
        let c = self.peek().filter(|c| expected.contains(c))?;
        self.position += 1;
        Some(c)
    }

    fn eat_str(&mut self, expected: &str) -> bool {
        self.eat_matching(expected, |a, b| a == b)
    }

    fn eat_str_ignore_case(&mut self, expected: &str) -> bool {
        self.eat_matching(expected, |a, b| a.eq_ignore_ascii_case(&b))
    }

    fn eat_matching(&mut self, expected: &str, same: impl Fn(char, char) -> bool) -> bool {
        let mut position = self.position;
        for wanted in expected.chars() {
            match self.chars.get(position) {
                Some(&c) if same(c, wanted) => position += 1,
                _ => return false,
            }
        }
        self.position = position;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> RawCell {
        RawCell::Text(s.into())
    }

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    fn hms(h: u32, m: u32, s: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, s).expect("valid test time")
    }

    fn day(y: i32, m: u32, d: u32) -> DateValue {
        DateValue {
            date: ymd(y, m, d),
            time: None,
        }
    }

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32, s: u32) -> DateValue {
        DateValue {
            date: ymd(y, m, d),
            time: Some(hms(h, min, s)),
        }
    }

    fn date(s: &str) -> Result<DateValue, ValueError> {
        parse_date(&text(s), DateOrder::Ymd)
    }

    fn date_key(s: &str, order: DateOrder) -> &'static str {
        match parse_date(&text(s), order) {
            Ok(value) => panic!("{s:?} should not parse, got {value:?}"),
            Err(error) => error.key(),
        }
    }

    fn money(s: &str) -> Result<Decimal, ValueError> {
        parse_money(&text(s))
    }

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).expect("valid test decimal")
    }

    fn money_key(s: &str) -> &'static str {
        match money(s) {
            Ok(value) => panic!("{s:?} should not parse, got {value}"),
            Err(error) => error.key(),
        }
    }

    fn phone(s: &str) -> Option<String> {
        normalize_phone(&text(s))
    }

    /// Strings that once broke parsers somewhere; no function here may panic on them.
    const ODD_INPUTS: [&str; 34] = [
        "",
        " ",
        "\u{3000}",
        "NaN",
        "nan",
        "inf",
        "-inf",
        "Infinity",
        "9999999999999999999999",
        "99999999999999999999999999999999999999999999999999",
        "-9999999999999999999999",
        "1e308",
        "1e-308",
        "0.0000000000000000000000000000000000001",
        "..",
        ".",
        "-",
        "()",
        "(",
        ")",
        "¥",
        "萬",
        "億億億億億億億億億億億億億億億億",
        "9999999999999999999億億億",
        "年月日",
        "2026年",
        "2026-",
        "2026-11-",
        "T",
        "2026-11-03T",
        "2026-11-03 下午",
        "💥🎉\u{0}\u{FFFF}\u{10FFFF}",
        "ｘ̸̛̖̣̻̏͒",
        "+++---,,,",
    ];

    // ---- Dates: cells and serials ------------------------------------------------------

    #[test]
    fn datetime_cells() {
        let cell = RawCell::DateTime(ymd(2026, 11, 3).and_time(hms(14, 30, 0)));
        assert_eq!(parse_date(&cell, DateOrder::Ymd), Ok(at(2026, 11, 3, 14, 30, 0)));
        let cell = RawCell::DateTime(ymd(2026, 11, 3).and_time(NaiveTime::MIN));
        assert_eq!(parse_date(&cell, DateOrder::Ymd), Ok(day(2026, 11, 3)));
        let cell = RawCell::DateTime(ymd(1899, 12, 31).and_time(NaiveTime::MIN));
        assert_eq!(parse_date(&cell, DateOrder::Ymd), Err(ValueError::DateOutOfRange));
        let cell = RawCell::DateTime(ymd(2101, 1, 1).and_time(NaiveTime::MIN));
        assert_eq!(
            parse_date(&cell, DateOrder::Ymd).map_err(|e| e.key()),
            Err("date_out_of_range")
        );
    }

    #[test]
    fn excel_serials_1900_system() {
        let serial = |n: f64| parse_date(&RawCell::Number(n), DateOrder::Ymd);
        assert_eq!(serial(46329.0), Ok(day(2026, 11, 3)));
        // The brief gave 45963 for 2025-11-03; counting back 365 days from 46329 gives 45964.
        assert_eq!(serial(45964.0), Ok(day(2025, 11, 3)));
        assert_eq!(serial(45963.0), Ok(day(2025, 11, 2)));
        assert_eq!(serial(1.0), Ok(day(1900, 1, 1)));
        assert_eq!(serial(59.0), Ok(day(1900, 2, 28)));
        assert_eq!(
            serial(60.0),
            Err(ValueError::InvalidDay {
                year: 1900,
                month: 2,
                day: 29
            })
        );
        assert_eq!(serial(61.0), Ok(day(1900, 3, 1)));
        assert_eq!(serial(73415.0), Ok(day(2100, 12, 31)));
        assert_eq!(serial(73416.0), Err(ValueError::DateOutOfRange));
        assert_eq!(serial(46329.5), Ok(at(2026, 11, 3, 12, 0, 0)));
        assert_eq!(serial(46329.0 + 14.5 / 24.0), Ok(at(2026, 11, 3, 14, 30, 0)));
        // A hair below midnight rounds to the next day's midnight.
        assert_eq!(serial(46_329.999_999_9), Ok(day(2026, 11, 4)));
        assert_eq!(serial(0.5).map_err(|e| e.key()), Err("not_a_date"));
        assert_eq!(serial(0.0).map_err(|e| e.key()), Err("not_a_date"));
        assert_eq!(serial(-5.0).map_err(|e| e.key()), Err("not_a_date"));
        assert_eq!(serial(f64::NAN).map_err(|e| e.key()), Err("not_a_date"));
        assert_eq!(serial(f64::INFINITY).map_err(|e| e.key()), Err("not_a_date"));
        assert_eq!(serial(f64::NEG_INFINITY).map_err(|e| e.key()), Err("not_a_date"));
        assert_eq!(serial(1e300).map_err(|e| e.key()), Err("date_out_of_range"));
        assert_eq!(serial(f64::MAX).map_err(|e| e.key()), Err("date_out_of_range"));
    }

    #[test]
    fn large_numbers_are_not_dates() {
        assert_eq!(
            parse_date(&RawCell::Number(1_200_000.0), DateOrder::Ymd),
            Err(ValueError::DateOutOfRange)
        );
        assert_eq!(
            parse_date(&RawCell::Number(1_200_000.0), DateOrder::Ymd).map_err(|e| e.to_string()),
            Err("date out of range (before 1900 or after 2100)".to_string())
        );
        assert_eq!(
            parse_date(&RawCell::Number(9_999_999_999_999_999_999_999.0), DateOrder::Ymd),
            Err(ValueError::DateOutOfRange)
        );
    }

    #[test]
    fn eight_digit_numbers_are_yyyymmdd() {
        let number = |n: f64| parse_date(&RawCell::Number(n), DateOrder::Ymd);
        assert_eq!(number(20261103.0), Ok(day(2026, 11, 3)));
        assert_eq!(number(20261301.0), Err(ValueError::InvalidMonth(13)));
        assert_eq!(
            number(20260230.0),
            Err(ValueError::InvalidDay {
                year: 2026,
                month: 2,
                day: 30
            })
        );
        assert_eq!(number(12000101.0), Err(ValueError::DateOutOfRange));
        // Not integral: a serial, and far out of range.
        assert_eq!(number(20261103.5), Err(ValueError::DateOutOfRange));
    }

    #[test]
    fn serial_conversion_in_both_systems() {
        let expected = ymd(2026, 11, 3).and_time(NaiveTime::MIN);
        assert_eq!(excel_serial_to_datetime(46329.0, false), Some(expected));
        assert_eq!(excel_serial_to_datetime(46329.0 - 1462.0, true), Some(expected));
        assert_eq!(
            excel_serial_to_datetime(0.0, true),
            Some(ymd(1904, 1, 1).and_time(NaiveTime::MIN))
        );
        assert_eq!(excel_serial_to_datetime(60.0, false), None);
        assert_eq!(excel_serial_to_datetime(-1.0, false), None);
        assert_eq!(excel_serial_to_datetime(f64::NAN, false), None);
        assert_eq!(excel_serial_to_datetime(3e6, false), None);
        assert_eq!(
            excel_serial_to_datetime(2_958_465.0, false),
            Some(ymd(9999, 12, 31).and_time(NaiveTime::MIN))
        );
    }

    #[test]
    fn other_cells_are_not_dates() {
        assert_eq!(parse_date(&RawCell::Empty, DateOrder::Ymd), Err(ValueError::Blank));
        assert_eq!(date(" \u{3000} "), Err(ValueError::Blank));
        assert_eq!(
            parse_date(&RawCell::Bool(true), DateOrder::Ymd),
            Err(ValueError::NotADate)
        );
        let error = parse_date(&RawCell::Error("#N/A".into()), DateOrder::Ymd);
        assert_eq!(error, Err(ValueError::ExcelError("#N/A".into())));
        assert_eq!(error.map_err(|e| e.key()), Err("excel_error"));
    }

    // ---- Dates: text -------------------------------------------------------------------

    #[test]
    fn year_first_text_forms() {
        for form in [
            "2026-11-03",
            "2026-11-3",
            "2026/11/3",
            "2026/11/03",
            "2026.11.3",
            "2026年11月3日",
            "2026年11月03日",
            "2026年11月3号",
            "2026年11月3號",
            "2026年11月3",
            "2026 年 11 月 3 日",
            "20261103",
            "  2026-11-03  ",
            "\u{3000}2026-11-03\u{3000}",
            "２０２６－１１－０３",
            "２０２６／１１／３",
            "２０２６．１１．３",
            "２０２６年１１月３日",
            "26/11/3",
            "26-11-03",
            "26年11月3日",
        ] {
            assert_eq!(date(form), Ok(day(2026, 11, 3)), "{form:?}");
        }
    }

    #[test]
    fn two_digit_year_pivot() {
        assert_eq!(date("00/1/1"), Ok(day(2000, 1, 1)));
        assert_eq!(date("69/12/31"), Ok(day(2069, 12, 31)));
        assert_eq!(date("70/1/1"), Ok(day(1970, 1, 1)));
        assert_eq!(date("99/12/31"), Ok(day(1999, 12, 31)));
    }

    #[test]
    fn date_time_text_forms() {
        let expected = at(2026, 11, 3, 14, 30, 0);
        for form in [
            "2026-11-03 14:30",
            "2026-11-03 14:30:00",
            "2026-11-03T14:30",
            "2026-11-03T14:30:00",
            "2026-11-03T14:30:00Z",
            "2026-11-03T14:30:00.000Z",
            "2026-11-03 14:30:00.123",
            "2026/11/3 14:30",
            "2026.11.3 14:30",
            "20261103 14:30",
            "2026-11-03 下午2:30",
            "2026-11-03 下午 2:30",
            "2026/11/3 下午 02:30:00",
            "2026-11-03 晚上2:30",
            "2026-11-03 2:30 PM",
            "2026-11-03 2:30pm",
            "2026年11月3日 14:30",
            "2026年11月3日14時30分",
            "2026年11月3日 14时30分",
            "2026年11月3日 14点30分",
            "2026年11月3日 14點30分",
            "2026年11月3日 下午2點30分",
            "2026年11月3日 下午2点半",
            "２０２６－１１－０３　１４：３０",
            "3/11/2026 14:30",
        ] {
            let order = if form.starts_with("3/") {
                DateOrder::Dmy
            } else {
                DateOrder::Ymd
            };
            assert_eq!(parse_date(&text(form), order), Ok(expected), "{form:?}");
        }
        assert_eq!(date("2026-11-03 14:30:05"), Ok(at(2026, 11, 3, 14, 30, 5)));
        assert_eq!(date("2026年11月3日14時30分05秒"), Ok(at(2026, 11, 3, 14, 30, 5)));
        assert_eq!(date("2026年11月3日 14時"), Ok(at(2026, 11, 3, 14, 0, 0)));
        assert_eq!(date("2026-11-03 上午9:05"), Ok(at(2026, 11, 3, 9, 5, 0)));
        assert_eq!(date("2026-11-03 9:05 AM"), Ok(at(2026, 11, 3, 9, 5, 0)));
    }

    #[test]
    fn twelve_hour_clock_edges() {
        assert_eq!(date("2026-11-03 上午12:15"), Ok(at(2026, 11, 3, 0, 15, 0)));
        assert_eq!(date("2026-11-03 下午12:15"), Ok(at(2026, 11, 3, 12, 15, 0)));
        assert_eq!(date("2026-11-03 12:15 AM"), Ok(at(2026, 11, 3, 0, 15, 0)));
        // Some people write the 24-hour time after 下午 anyway.
        assert_eq!(date("2026-11-03 下午14:30"), Ok(at(2026, 11, 3, 14, 30, 0)));
        assert_eq!(
            date("2026-11-03 上午14:30"),
            Err(ValueError::InvalidTime {
                hour: 14,
                minute: 30,
                second: 0
            })
        );
    }

    #[test]
    fn twenty_four_hour_boundary() {
        assert_eq!(date("2026-11-03 23:59:59"), Ok(at(2026, 11, 3, 23, 59, 59)));
        assert_eq!(date("2026-11-03 00:00"), Ok(day(2026, 11, 3)));
        // 24:00 closes the day: Excel reads it as the next midnight.
        assert_eq!(date("2026-11-03 24:00"), Ok(day(2026, 11, 4)));
        assert_eq!(date("2026-12-31 24:00:00"), Ok(day(2027, 1, 1)));
        assert_eq!(date("2100-12-31 24:00"), Err(ValueError::DateOutOfRange));
        let invalid = date("2026-11-03 24:01");
        assert_eq!(
            invalid,
            Err(ValueError::InvalidTime {
                hour: 24,
                minute: 1,
                second: 0
            })
        );
        assert_eq!(
            invalid.map_err(|e| e.to_string()),
            Err("time 24:01 does not exist".into())
        );
        assert_eq!(date_key("2026-11-03 25:00", DateOrder::Ymd), "invalid_time");
        assert_eq!(date_key("2026-11-03 14:60", DateOrder::Ymd), "invalid_time");
        assert_eq!(date_key("2026-11-03 14:30:60", DateOrder::Ymd), "invalid_time");
    }

    #[test]
    fn malformed_times() {
        for form in [
            "2026-11-03 14",
            "2026-11-03 14:",
            "2026-11-03 :30",
            "2026-11-03 143:00",
            "2026-11-03 14:300",
            "2026-11-03 14:30:00.",
            "2026-11-03 14:30 tomorrow",
            "2026-11-03 14:30+08:00",
            "2026-11-03T",
            "2026-11-03 下午",
            "2026-11-03 星期二",
            "2026-11-03 2026-11-04",
        ] {
            assert_eq!(date_key(form, DateOrder::Ymd), "not_a_date", "{form:?}");
        }
    }

    #[test]
    fn day_or_month_first_under_each_order() {
        assert_eq!(date_key("3/11/2026", DateOrder::Ymd), "ambiguous_date");
        assert_eq!(parse_date(&text("3/11/2026"), DateOrder::Dmy), Ok(day(2026, 11, 3)));
        assert_eq!(parse_date(&text("3/11/2026"), DateOrder::Mdy), Ok(day(2026, 3, 11)));
        assert_eq!(parse_date(&text("3-11-2026"), DateOrder::Dmy), Ok(day(2026, 11, 3)));
        assert_eq!(parse_date(&text("3.11.2026"), DateOrder::Mdy), Ok(day(2026, 3, 11)));
        assert_eq!(
            date("3/11/2026").map_err(|e| e.to_string()),
            Err("ambiguous date: set date_order".to_string())
        );
        for order in [DateOrder::Ymd, DateOrder::Dmy, DateOrder::Mdy] {
            // A part above 12 can only be the day.
            assert_eq!(parse_date(&text("13/11/2026"), order), Ok(day(2026, 11, 13)));
            assert_eq!(parse_date(&text("11/13/2026"), order), Ok(day(2026, 11, 13)));
            assert_eq!(
                parse_date(&text("03/11/2026 14:30"), DateOrder::Dmy),
                Ok(at(2026, 11, 3, 14, 30, 0))
            );
            // Both readings agree.
            assert_eq!(parse_date(&text("3/3/2026"), order), Ok(day(2026, 3, 3)));
            assert_eq!(parse_date(&text("3/11/26"), DateOrder::Dmy), Ok(day(2026, 11, 3)));
        }
        assert_eq!(date_key("3/11/26", DateOrder::Ymd), "ambiguous_date");
        assert_eq!(date_key("13/14/2026", DateOrder::Ymd), "not_a_date");
        assert_eq!(date_key("13/14/2026", DateOrder::Dmy), "invalid_month");
        assert_eq!(date_key("31/02/2026", DateOrder::Ymd), "invalid_day");
    }

    #[test]
    fn impossible_calendar_dates() {
        assert_eq!(
            date("2026-02-29"),
            Err(ValueError::InvalidDay {
                year: 2026,
                month: 2,
                day: 29
            })
        );
        assert_eq!(date("2024-02-29"), Ok(day(2024, 2, 29)));
        assert_eq!(date("2100-02-29").map_err(|e| e.key()), Err("invalid_day"));
        assert_eq!(date("2000-02-29"), Ok(day(2000, 2, 29)));
        let february = date("2026-02-30");
        assert_eq!(february.clone().map_err(|e| e.key()), Err("invalid_day"));
        assert_eq!(
            february.map_err(|e| e.to_string()),
            Err("day 30 does not exist in 2026-02".to_string())
        );
        let month = date("2026-13-01");
        assert_eq!(month, Err(ValueError::InvalidMonth(13)));
        assert_eq!(month.map_err(|e| e.to_string()), Err("month 13 does not exist".into()));
        assert_eq!(date("2026-00-10"), Err(ValueError::InvalidMonth(0)));
        assert_eq!(date_key("2026-11-00", DateOrder::Ymd), "invalid_day");
        assert_eq!(date_key("2026-04-31", DateOrder::Ymd), "invalid_day");
        assert_eq!(date_key("2026年13月1日", DateOrder::Ymd), "invalid_month");
        assert_eq!(date_key("20261332", DateOrder::Ymd), "invalid_month");
    }

    #[test]
    fn years_out_of_range() {
        assert_eq!(date("1899-12-31"), Err(ValueError::DateOutOfRange));
        assert_eq!(date("1900-01-01"), Ok(day(1900, 1, 1)));
        assert_eq!(date("2100-12-31"), Ok(day(2100, 12, 31)));
        assert_eq!(date("2101-01-01"), Err(ValueError::DateOutOfRange));
        assert_eq!(date("0001-01-01"), Err(ValueError::DateOutOfRange));
        assert_eq!(date("9999-13-45"), Err(ValueError::DateOutOfRange));
        assert_eq!(date("31/12/1899").map_err(|e| e.key()), Err("date_out_of_range"));
    }

    #[test]
    fn text_that_is_no_date() {
        for form in [
            "tomorrow",
            "N/A",
            "待定",
            "2026",
            "2026-11",
            "2026年11月",
            "202611031",
            "2026113",
            "2026-11/03",
            "2026 11 03",
            "02026-11-03",
            "2026-011-03",
            "2026-11-003",
            "123/11/2026",
            "3/11/202",
            "3/11/20266",
            "2026-11-03 extra",
            "9999999999999999999999",
            "-2026-11-03",
            "2026--11-03",
            "二〇二六年十一月三日",
        ] {
            assert_eq!(date_key(form, DateOrder::Ymd), "not_a_date", "{form:?}");
        }
    }

    #[test]
    fn date_value_datetime() {
        assert_eq!(day(2026, 11, 3).datetime(), ymd(2026, 11, 3).and_time(NaiveTime::MIN));
        assert_eq!(
            at(2026, 11, 3, 14, 30, 0).datetime(),
            ymd(2026, 11, 3).and_time(hms(14, 30, 0))
        );
        assert!(day(2026, 11, 3) < at(2026, 11, 3, 0, 0, 1));
    }

    #[test]
    fn date_order_serde_names() {
        assert_eq!(DateOrder::default(), DateOrder::Ymd);
        let value = serde::de::value::StrDeserializer::<serde::de::value::Error>::new("dmy");
        let parsed: Result<DateOrder, _> = serde::Deserialize::deserialize(value);
        assert_eq!(parsed, Ok(DateOrder::Dmy));
        let value = serde::de::value::StrDeserializer::<serde::de::value::Error>::new("Dmy");
        let parsed: Result<DateOrder, _> = serde::Deserialize::deserialize(value);
        assert!(parsed.is_err());
    }

    // ---- Money -------------------------------------------------------------------------

    #[test]
    fn money_examples_from_the_brief() {
        assert_eq!(money("¥1,200,000"), Ok(dec("1200000")));
        assert_eq!(money("RMB 1,200,000.00"), Ok(dec("1200000")));
        assert_eq!(money("1,200,000元"), Ok(dec("1200000")));
        assert_eq!(money("120萬"), Ok(dec("1200000")));
        assert_eq!(money("120万"), Ok(dec("1200000")));
        assert_eq!(money("120萬元"), Ok(dec("1200000")));
        assert_eq!(money("1.2億"), Ok(dec("120000000")));
        assert_eq!(money("1.2亿"), Ok(dec("120000000")));
        assert_eq!(money("1.5万元"), Ok(dec("15000")));
        assert_eq!(money("(500)"), Ok(dec("-500")));
    }

    #[test]
    fn money_keeps_written_scale_and_normalises_multiplied() {
        let amount = money("RMB 1,200,000.00").expect("amount");
        assert_eq!(amount.to_string(), "1200000.00");
        let amount = money("1.2億").expect("amount");
        assert_eq!(amount.to_string(), "120000000");
        let amount = money("1.5万元").expect("amount");
        assert_eq!(amount.to_string(), "15000");
    }

    #[test]
    fn money_text_forms() {
        for (form, expected) in [
            ("1200000", "1200000"),
            ("1,200,000", "1200000"),
            ("1，200，000", "1200000"),
            ("1 200 000", "1200000"),
            ("1\u{00A0}200\u{00A0}000", "1200000"),
            ("１，２００，０００", "1200000"),
            ("￥1,200,000", "1200000"),
            ("¥ 1,200,000", "1200000"),
            ("rmb1200000", "1200000"),
            ("CNY 1,200,000", "1200000"),
            ("1,200,000 RMB", "1200000"),
            ("US$1,200", "1200"),
            ("$1,200.50", "1200.50"),
            ("HK$ 1,200", "1200"),
            ("1200圓", "1200"),
            ("1200块", "1200"),
            ("1200塊", "1200"),
            ("人民币1200元", "1200"),
            ("人民幣 120萬元", "1200000"),
            ("-1,200", "-1200"),
            ("－1,200", "-1200"),
            ("−1200", "-1200"),
            ("+1200", "1200"),
            ("¥-1,200", "-1200"),
            ("-¥1,200", "-1200"),
            ("(1,200)", "-1200"),
            ("（1,200）", "-1200"),
            ("(¥1,200)", "-1200"),
            ("¥(1,200)", "-1200"),
            ("(120萬)", "-1200000"),
            ("(1.5万)元", "-15000"),
            ("3千", "3000"),
            ("3千元", "3000"),
            ("1千万", "10000000"),
            ("5百万", "5000000"),
            ("120 萬 元", "1200000"),
            ("0", "0"),
            ("0.00", "0"),
            ("-0", "0"),
            (".5", "0.5"),
            ("0.1", "0.1"),
            ("1234.5678", "1234.5678"),
            ("9999999999999999999999", "9999999999999999999999"),
        ] {
            assert_eq!(money(form), Ok(dec(expected)), "{form:?}");
        }
    }

    #[test]
    fn money_text_is_exact() {
        // Text never goes through f64: 0.1 + 0.2 is exactly 0.3.
        let sum = money("0.1").expect("amount") + money("0.2").expect("amount");
        assert_eq!(sum, dec("0.3"));
        assert_eq!(money("12345678901234567890.12"), Ok(dec("12345678901234567890.12")));
    }

    #[test]
    fn money_from_numbers() {
        let number = |n: f64| parse_money(&RawCell::Number(n));
        assert_eq!(number(1_200_000.0), Ok(dec("1200000")));
        assert_eq!(number(0.1), Ok(dec("0.1")));
        assert_eq!(number(0.1).expect("amount") + number(0.2).expect("amount"), dec("0.3"));
        assert_eq!(number(-500.25), Ok(dec("-500.25")));
        assert_eq!(number(-0.0), Ok(Decimal::ZERO));
        assert_eq!(number(1e22), Ok(dec("10000000000000000000000")));
        assert_eq!(number(1e-30), Ok(Decimal::ZERO));
        assert_eq!(number(f64::MIN_POSITIVE), Ok(Decimal::ZERO));
        assert_eq!(number(1e30), Err(ValueError::AmountTooLarge));
        assert_eq!(number(f64::MAX), Err(ValueError::AmountTooLarge));
        assert_eq!(number(f64::NAN), Err(ValueError::NotAnAmount));
        assert_eq!(number(f64::INFINITY), Err(ValueError::NotAnAmount));
        assert_eq!(number(f64::NEG_INFINITY), Err(ValueError::NotAnAmount));
    }

    #[test]
    fn money_failures() {
        for form in [
            "abc",
            "1200 USD",
            "about 1200",
            "1,200 or 1,300",
            "1200-1300",
            "1200/1300",
            "1,5",
            "12,00",
            "1,2000",
            "1234,567",
            ",123",
            "1.200.000",
            "1.2.3",
            "1.",
            "1e6",
            "1.2E+06",
            "NaN",
            "inf",
            "Infinity",
            "5%",
            "--5",
            "-(5)",
            "(-5)",
            "(5",
            "5)",
            "((5))",
            "萬",
            "¥",
            "元",
            "-",
            "()",
            "1200元整",
            "萬120",
            "一百元",
            "£100",
            "1 200 000 and 5",
            "١٢٣",
        ] {
            assert_eq!(money_key(form), "not_an_amount", "{form:?}");
        }
        assert_eq!(
            money("1200 USD").map_err(|e| e.to_string()),
            Err("not an amount".into())
        );
    }

    #[test]
    fn money_too_large() {
        assert_eq!(
            money_key("99999999999999999999999999999999999999999999999999"),
            "amount_too_large"
        );
        assert_eq!(money_key("9999999999999999999999億"), "amount_too_large");
        assert_eq!(money_key("1億億億億億億億億億億億億億億億億"), "amount_too_large");
    }

    #[test]
    fn times_and_dates_without_a_year_say_so() {
        for form in ["14:30", "9:05:10", "下午2:30", "14時30分", "2:30 PM"] {
            assert_eq!(date_key(form, DateOrder::Ymd), "time_only", "{form:?}");
        }
        for form in ["3月14日", "10-08", "10/8", "12.25", "３月１４號"] {
            assert_eq!(date_key(form, DateOrder::Ymd), "no_year", "{form:?}");
        }
        for form in ["13-13", "2026-10", "1:2:3:4"] {
            assert_eq!(date_key(form, DateOrder::Ymd), "not_a_date", "{form:?}");
        }
    }

    #[test]
    fn serials_round_trip() {
        for serial in [1.0, 59.0, 61.0, 45_000.5, 2_958_465.0] {
            let dt = excel_serial_to_datetime(serial, false).unwrap();
            assert_eq!(datetime_to_serial(dt), Some(serial));
        }
    }

    #[test]
    fn money_other_cells() {
        assert_eq!(parse_money(&RawCell::Empty), Err(ValueError::Blank));
        assert_eq!(money("  "), Err(ValueError::Blank));
        assert_eq!(parse_money(&RawCell::Bool(true)), Err(ValueError::NotAnAmount));
        let datetime = RawCell::DateTime(ymd(2026, 11, 3).and_time(NaiveTime::MIN));
        assert_eq!(parse_money(&datetime), Err(ValueError::NotAnAmount));
        // 250,000 formatted as a date shows as 2584-06-21: an amount with the wrong format.
        let not_a_date = RawCell::DateTime(ymd(2584, 6, 21).and_time(NaiveTime::MIN));
        assert_eq!(parse_money(&not_a_date), Ok(Decimal::from(250_000)));
        assert_eq!(
            parse_money(&RawCell::Error("#DIV/0!".into())),
            Err(ValueError::ExcelError("#DIV/0!".into()))
        );
    }

    // ---- Flags -------------------------------------------------------------------------

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

    // ---- Whole numbers -----------------------------------------------------------------

    #[test]
    fn integers() {
        let number = |n: f64| parse_integer(&RawCell::Number(n));
        assert_eq!(number(12.0), Ok(12));
        assert_eq!(number(-3.0), Ok(-3));
        assert_eq!(number(0.0), Ok(0));
        assert_eq!(number(1e15), Ok(1_000_000_000_000_000));
        assert_eq!(number(12.5), Err(ValueError::NotAWholeNumber));
        assert_eq!(number(f64::NAN), Err(ValueError::NotAWholeNumber));
        assert_eq!(number(f64::INFINITY), Err(ValueError::NotAWholeNumber));
        assert_eq!(number(9.3e18), Err(ValueError::NumberTooLarge));
        assert_eq!(number(-9.3e18), Err(ValueError::NumberTooLarge));
        assert_eq!(number(-9_223_372_036_854_775_808.0), Ok(i64::MIN));
        assert_eq!(number(9_223_372_036_854_775_808.0), Err(ValueError::NumberTooLarge));

        for (form, expected) in [
            ("12", 12),
            (" 12 ", 12),
            ("１２", 12),
            ("12人", 12),
            ("12 人", 12),
            ("12位", 12),
            ("12 pax", 12),
            ("12PAX", 12),
            ("1,200", 1200),
            ("1 200", 1200),
            ("1,200人", 1200),
            ("12.00", 12),
            ("-3", -3),
            ("+3", 3),
            ("0", 0),
            ("9223372036854775807", i64::MAX),
        ] {
            assert_eq!(parse_integer(&text(form)), Ok(expected), "{form:?}");
        }
    }

    #[test]
    fn integer_failures() {
        for form in [
            "12.5",
            "twelve",
            "十二",
            "12人左右",
            "12-14",
            "1,20",
            "12 13 14",
            "1e3",
            "人",
            "pax",
            "12个",
            "",
            "..",
            "-",
        ] {
            let result = parse_integer(&text(form));
            let key = result.map_err(|e| e.key());
            assert!(
                key == Err("not_a_whole_number") || key == Err("blank"),
                "{form:?}: {key:?}"
            );
        }
        assert_eq!(
            parse_integer(&text("12.5")).map_err(|e| e.to_string()),
            Err("not a whole number".into())
        );
        assert_eq!(
            parse_integer(&text("9999999999999999999999")),
            Err(ValueError::NumberTooLarge)
        );
        assert_eq!(parse_integer(&RawCell::Bool(true)), Err(ValueError::NotAWholeNumber));
        assert_eq!(parse_integer(&RawCell::Empty), Err(ValueError::Blank));
        assert_eq!(
            parse_integer(&RawCell::Error("#VALUE!".into())).map_err(|e| e.key()),
            Err("excel_error")
        );
    }

    // ---- Phones ------------------------------------------------------------------------

    #[test]
    fn phones_normalise() {
        let mobile = Some("13812345678".to_string());
        for form in [
            "13812345678",
            "138-1234-5678",
            "138 1234 5678",
            "138.1234.5678",
            "+86 138-1234-5678",
            "+86 13812345678",
            "+8613812345678",
            "(+86) 138 1234 5678",
            "0086 13812345678",
            "008613812345678",
            "86 13812345678",
            "8613812345678",
            "１３８１２３４５６７８",
            "＋８６　１３８－１２３４－５６７８",
            "138—1234—5678",
            "13812345678 ext 12",
            "13812345678 ext. 12",
            "13812345678 EXT12",
            "13812345678 x12",
            "13812345678轉12",
            "13812345678转12",
            "13812345678 分機 12",
            "13812345678分机12",
        ] {
            assert_eq!(phone(form), mobile, "{form:?}");
        }
        assert_eq!(normalize_phone(&RawCell::Number(13812345678.0)), mobile);
        assert_eq!(phone("(021) 6234 5678"), Some("02162345678".into()));
        assert_eq!(phone("021-62345678"), Some("02162345678".into()));
        assert_eq!(phone("021-6234-5678 轉 801"), Some("02162345678".into()));
        assert_eq!(phone("+86 21 6234 5678"), Some("02162345678".into()));
        assert_eq!(phone("+86 (0)21 6234 5678"), Some("02162345678".into()));
        assert_eq!(phone("0086 21 6234 5678"), Some("02162345678".into()));
        assert_eq!(phone("6234 5678"), Some("62345678".into()));
        assert_eq!(phone("1234567"), Some("1234567".into()));
        assert_eq!(phone("+852 2345 6789"), Some("85223456789".into()));
        // A bare 86 before a landline is left alone: it may be part of the number.
        assert_eq!(phone("862162345678"), Some("862162345678".into()));
    }

    #[test]
    fn phones_rejected() {
        for form in [
            "",
            "   ",
            "123456",
            "1234567890123456",
            "n/a",
            "none",
            "待定",
            "手机 13812345678",
            "tel: 13812345678",
            "fax 021 6234 5678",
            "13812345678 / 13912345678",
            "13812345678, 13912345678",
            "13812345678 ext",
            "13812345678 ext abc",
            "138+12345678",
            "13812345678#",
            "9999999999999999999999",
            "+",
        ] {
            assert_eq!(phone(form), None, "{form:?}");
        }
        assert_eq!(normalize_phone(&RawCell::Number(13812345678.5)), None);
        assert_eq!(normalize_phone(&RawCell::Number(-13812345678.0)), None);
        assert_eq!(normalize_phone(&RawCell::Number(f64::NAN)), None);
        assert_eq!(normalize_phone(&RawCell::Number(1e300)), None);
        assert_eq!(normalize_phone(&RawCell::Number(123.0)), None);
        assert_eq!(normalize_phone(&RawCell::Empty), None);
        assert_eq!(normalize_phone(&RawCell::Bool(true)), None);
        assert_eq!(ValueError::NotAPhone.key(), "not_a_phone");
        assert_eq!(ValueError::NotAPhone.to_string(), "not a phone number");
    }

    #[test]
    fn phones_masked() {
        assert_eq!(mask_phone("13812345678"), "138****5678");
        assert_eq!(mask_phone("02162345678"), "021****5678");
        assert_eq!(mask_phone("862162345678"), "862****5678");
        assert_eq!(mask_phone("62345678"), "****5678");
        assert_eq!(mask_phone("1234567"), "****4567");
        assert_eq!(mask_phone("1234"), "****");
        assert_eq!(mask_phone(""), "****");
        assert_eq!(mask_phone("138-1234-5678"), "138****5678");
        assert_eq!(mask_phone("電話"), "****");
    }

    // ---- Errors and robustness ---------------------------------------------------------

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

    #[test]
    fn odd_inputs_never_panic() {
        let orders = [DateOrder::Ymd, DateOrder::Dmy, DateOrder::Mdy];
        let mut cells: Vec<RawCell> = ODD_INPUTS.iter().map(|s| text(s)).collect();
        for number in [
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.5,
            60.0,
            60.5,
            59.999_999_99,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MAX,
            f64::MIN,
            f64::MIN_POSITIVE,
            f64::EPSILON,
            9_999_999_999_999_999_999_999.0,
            2_958_465.999_999_9,
            2_958_466.0,
            99_999_999.0,
            10_000_000.0,
            i64::MAX as f64,
        ] {
            cells.push(RawCell::Number(number));
        }
        cells.push(RawCell::DateTime(NaiveDateTime::MAX));
        cells.push(RawCell::DateTime(NaiveDateTime::MIN));
        cells.push(RawCell::Error(String::new()));
        cells.push(RawCell::Bool(true));
        cells.push(RawCell::Empty);
        for cell in &cells {
            let _ = cell.is_blank();
            let _ = cell.display();
            for order in orders {
                let _ = parse_date(cell, order);
            }
            let _ = parse_money(cell);
            let _ = parse_flag(cell);
            let _ = parse_integer(cell);
            if let Some(normal) = normalize_phone(cell) {
                let _ = mask_phone(&normal);
            }
        }
        for s in ODD_INPUTS {
            let _ = mask_phone(s);
        }
    }

    #[test]
    fn odd_inputs_give_errors_not_values() {
        for s in ODD_INPUTS {
            let cell = text(s);
            assert!(parse_date(&cell, DateOrder::Dmy).is_err(), "{s:?}");
            assert!(parse_flag(&cell).is_err(), "{s:?}");
        }
        assert_eq!(money_key("NaN"), "not_an_amount");
        assert_eq!(money_key("inf"), "not_an_amount");
        assert_eq!(
            parse_date(&RawCell::DateTime(NaiveDateTime::MAX), DateOrder::Ymd),
            Err(ValueError::DateOutOfRange)
        );
    }

    /// Every character, and every short string of interesting characters, through every parser.
    #[test]
    fn exhaustive_short_strings_never_panic() {
        let alphabet: Vec<char> = "0123456789-/.:年月日時点萬億(),¥元+ TZ下午x轉".chars().collect();
        let mut inputs = Vec::new();
        for a in &alphabet {
            for b in &alphabet {
                for c in &alphabet {
                    inputs.push(format!("{a}{b}{c}"));
                }
            }
        }
        for input in inputs {
            let cell = RawCell::Text(input.into());
            let _ = parse_date(&cell, DateOrder::Dmy);
            let _ = parse_money(&cell);
            let _ = parse_integer(&cell);
            let _ = normalize_phone(&cell);
        }
    }

    #[test]
    fn triangle_marks_a_negative_amount() {
        assert_eq!(parse_money(&RawCell::Text("△1,200".into())), Ok(Decimal::from(-1200)));
        assert_eq!(parse_money(&RawCell::Text("▲500元".into())), Ok(Decimal::from(-500)));
        assert_eq!(
            parse_money(&RawCell::Text("１２０万".into())),
            Ok(Decimal::from(1_200_000))
        );
    }

    #[test]
    fn republic_of_china_years() {
        let d = |t: &str| parse_date(&RawCell::Text(t.into()), DateOrder::Ymd).map(|v| v.date.to_string());
        assert_eq!(d("民國115年10月3日"), Ok("2026-10-03".to_string()));
        assert_eq!(d("民国115/10/03"), Ok("2026-10-03".to_string()));
        assert_eq!(d("民國115年2月30日").map_err(|e| e.key()), Err("invalid_day"));
        assert_eq!(d("民國一百年").map_err(|e| e.key()), Err("not_a_date"));
    }

    mod plain_forms {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            /// The short ways for plain dates, amounts and counts read what the general reading
            /// reads, in every date order, or leave the text to it.
            #[test]
            fn plain_dates_read_as_the_general_reading_reads_them(
                y in 0u32..10_000, m in 0u32..100, d in 0u32..100, slash in any::<bool>()
            ) {
                let sep = if slash { '/' } else { '-' };
                let text = format!("{y:04}{sep}{m:02}{sep}{d:02}");
                for order in [DateOrder::Ymd, DateOrder::Dmy, DateOrder::Mdy] {
                    let full = parse_date_text_in_full(&text, order);
                    match plain_date(&text) {
                        Some(date) => prop_assert_eq!(Ok(DateValue { date, time: None }), full.clone()),
                        None => prop_assert!(full.is_err(), "{} read as {:?}", text, full),
                    }
                    prop_assert_eq!(parse_date_text(&text, order), full);
                }
            }

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

            #[test]
            fn plain_amounts_and_counts_read_as_the_general_reading_reads_them(text in "[0-9.]{1,24}|[0-9]{1,3}\\.[0-9]{1,30}") {
                let (money, full) = (parse_money_text(&text), parse_money_text_in_full(&text));
                prop_assert_eq!(&money, &full);
                if let (Ok(a), Ok(b)) = (&money, &full) {
                    prop_assert_eq!(a.scale(), b.scale(), "{}", text);
                }
                prop_assert_eq!(parse_integer_text(&text), parse_integer_text_in_full(&text));
            }
        }

        #[test]
        fn plain_forms_are_taken_the_short_way_and_others_are_not() {
            assert_eq!(plain_date("2026-10-05"), NaiveDate::from_ymd_opt(2026, 10, 5));
            assert_eq!(plain_date("2026/10/05"), NaiveDate::from_ymd_opt(2026, 10, 5));
            for other in [
                "2026-10/05",
                "2026-02-30",
                "1899-12-31",
                "２０２６-10-05",
                "2026-1-05",
                " 2026-10-5",
            ] {
                assert_eq!(plain_date(other), None, "{other}");
            }
            for plain in ["0", "12", "2664.00", "007.5"] {
                assert!(is_plain_number(plain), "{plain}");
            }
            for other in ["", ".5", "5.", "1.2.3", "-5", "1,200", "１２", "123456789012345678901"] {
                assert!(!is_plain_number(other), "{other}");
            }
        }
    }
}
