//! Dates and date-times as registers hold them: date cells, Excel serial numbers, `20261103`,
//! `2026-11-03`, `2026年11月3日`, `3/11/2026` in the configured order, 民國 years, each with an
//! optional time of day (`date/time.rs`).

mod time;

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime};

use self::time::parse_time_part;
use super::cursor::Cursor;
use super::error::ValueError;
use super::text::nfkc;
use crate::read::cell::{round_to_second, trim_spaces};
use crate::read::RawCell;

/// Appends a day as chrono writes it (`2026-11-03`), without `format!`'s machinery for the
/// years 0 to 9999 that registers hold (a million record ids and fingerprints a large run).
pub fn push_day(out: &mut String, day: NaiveDate) {
    use std::fmt::Write;
    match day.year() {
        year @ 0..=9999 => {
            let (y, m, d) = (year as u32, day.month(), day.day());
            let digit = |n: u32| b'0' + (n % 10) as u8;
            let text = [
                digit(y / 1000),
                digit(y / 100),
                digit(y / 10),
                digit(y),
                b'-',
                digit(m / 10),
                digit(m),
                b'-',
                digit(d / 10),
                digit(d),
            ];
            out.push_str(std::str::from_utf8(&text).unwrap_or_default());
        }
        _ => {
            let _ = write!(out, "{day}");
        }
    }
}

/// Appends `n` as `width` digits, zeros in front (`n` has no more digits than that).
pub fn push_digits(out: &mut String, n: u32, width: u32) {
    for place in (0..width).rev() {
        out.push(char::from(b'0' + (n / 10u32.pow(place) % 10) as u8));
    }
}

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

const FIRST_YEAR: i32 = 1900;
pub(super) const LAST_YEAR: i32 = 2100;

/// Serial 2,958,466 is 10000-01-01 in Excel; anything at or above it is no Excel date at all.
const SERIAL_LIMIT: f64 = 2_958_466.0;

/// Parse a date or date-time. Accepts: DateTime cells; Numbers that are Excel serials of a date in
/// 1900-01-01..=2100-12-31 (serial 1 = 1900-01-01 in the 1900 system, honour Excel's fake 1900-02-29 the
/// usual way: serials >= 61 are offset by one; fractional part = time of day) — but an 8-digit integer
/// Number like 20261103 is read as yyyymmdd first; Text forms: `2026-11-03`, `2026/11/3`, `2026.11.3`,
/// `2026年11月3日` (also with 号/號), `20261103`, full-width digits and separators (apply NFKC first),
/// each optionally followed by a time `14:30`, `14:30:05`, `下午2:30`/`上午`, `14時30分`/`14点30分`, or ISO `T14:30:00`
/// (seconds optional; ignore a trailing `Z`); 民國 (ROC) years: a year-first date whose year has two or three digits
/// and is below 200 (`115/11/03`, `115.11.3`, `115年11月3日`, also after the word 民國) is 1911 years on (SPEC 1.3);
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
            make_date(*year as i32 + ROC_OFFSET, *month, *day).map(|date| DateValue { date, time: None })
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
            (4, _) | (2..=3, 1..=2) => year_first(&first, &second, &third),
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
    let year = read_leading_year(year)?;
    let month = read_part(month)?;
    let day = read_part(day)?;
    make_date(year, month, day)
}

/// `3/11/2026`: day-first or month-first. A part above 12 can only be the day; otherwise the
/// configured order decides, and the default `ymd` order cannot.
fn day_or_month_first(first: &str, second: &str, year: &str, order: DateOrder) -> Result<NaiveDate, ValueError> {
    let year = read_trailing_year(year)?;
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

/// The year of a year-first date: four digits as written, or a 民國 year of two or three digits
/// below 200 (SPEC 1.3): `115` is 2026, `99` is 2010. Taiwanese registers count years so; a
/// two-digit Western year written first (`26/11/3`) is therefore 民國 26, 1937, as the SPEC says.
fn read_leading_year(digits: &str) -> Result<i32, ValueError> {
    let value: i32 = match digits.len() {
        2..=4 => digits.parse().map_err(|_| ValueError::NotADate)?,
        _ => return Err(ValueError::NotADate),
    };
    match (digits.len(), value) {
        (4, _) => Ok(value),
        (_, 1..=199) => Ok(value + ROC_OFFSET),
        _ => Err(ValueError::NotADate),
    }
}

/// The year ending a day-first or month-first date (`3/11/2026`, `3/11/26`): four digits, or two
/// where 00–69 are 2000–2069 and 70–99 are 1970–1999.
fn read_trailing_year(digits: &str) -> Result<i32, ValueError> {
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

/// 民國 1 is 1912.
const ROC_OFFSET: i32 = 1911;

/// A month or day: one or two digits.
fn read_part(digits: &str) -> Result<u32, ValueError> {
    if digits.is_empty() || digits.len() > 2 {
        return Err(ValueError::NotADate);
    }
    digits.parse().map_err(|_| ValueError::NotADate)
}

pub(super) fn check_year(year: i32) -> Result<(), ValueError> {
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

#[cfg(test)]
mod tests;
