//! A cell as a reader gives it ([`RawCell`]), before it is typed for its column, and the text a
//! person sees in it.

use chrono::{NaiveDateTime, NaiveTime, TimeDelta, Timelike};
use compact_str::CompactString;

/// A cell as read from a sheet, before it is typed for its column.
#[derive(Clone, Debug, PartialEq)]
pub enum RawCell {
    Empty,
    Text(CompactString),
    /// A plain number (no date format).
    Number(f64),
    /// A cell Excel/ODS stored as a date or date-time (already converted from the serial by the reader).
    DateTime(NaiveDateTime),
    Bool(bool),
    /// An Excel error value such as `#N/A`, `#REF!`.
    Error(String),
}

impl RawCell {
    /// True for Empty, and for Text that is empty or only white space (incl. full-width space U+3000, NBSP).
    pub fn is_blank(&self) -> bool {
        match self {
            RawCell::Empty => true,
            RawCell::Text(text) => text.chars().all(is_space),
            _ => false,
        }
    }

    /// The text a person sees, for quoting in messages and using as ids/text:
    /// Text trimmed; integral numbers without ".0" (12345.0 -> "12345"; 1e15-ish integers printed in full, not 1e15);
    /// other numbers in shortest round-trip form; DateTime as "2026-11-03" or "2026-11-03 14:30" (seconds only when non-zero);
    /// Bool as "TRUE"/"FALSE"; Error as its code; Empty as "".
    pub fn display(&self) -> String {
        match self {
            RawCell::Empty => String::new(),
            RawCell::Text(text) => trim_spaces(text).to_string(),
            RawCell::Number(number) => number_text(*number),
            RawCell::DateTime(datetime) => datetime_text(round_to_second(*datetime)),
            RawCell::Bool(true) => "TRUE".to_string(),
            RawCell::Bool(false) => "FALSE".to_string(),
            RawCell::Error(code) => trim_spaces(code).to_string(),
        }
    }

    /// [`RawCell::display`], taking the text out of the cell rather than copying it (the cell is
    /// left empty).
    pub fn take_display(&mut self) -> CompactString {
        match self {
            RawCell::Text(text) if trim_spaces(text).len() == text.len() => std::mem::take(text),
            other => CompactString::from(other.display()),
        }
    }

    /// The text of a text cell as a person sees it (trimmed), without copying.
    pub fn as_text(&self) -> Option<&str> {
        match self {
            RawCell::Text(text) => Some(trim_spaces(text)),
            _ => None,
        }
    }
}

/// White space as people paste it: Unicode white space (incl. U+3000 and NBSP) plus the
/// zero-width space and byte-order mark that come along from web pages.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}')
}

pub(crate) fn trim_spaces(text: &str) -> &str {
    text.trim_matches(is_space)
}

fn number_text(number: f64) -> String {
    if number.is_nan() {
        "NaN".to_string()
    } else if number.is_infinite() {
        if number > 0.0 { "Infinity" } else { "-Infinity" }.to_string()
    } else if number == 0.0 {
        "0".to_string()
    } else if number.abs() >= 1e21 || number.abs() < 1e-9 {
        format!("{number:e}")
    } else {
        // Display gives the shortest round-trip form without exponent: 12345.0 is "12345",
        // 1e15 is "1000000000000000", 0.1 is "0.1".
        format!("{number}")
    }
}

fn datetime_text(datetime: NaiveDateTime) -> String {
    let time = datetime.time();
    if time == NaiveTime::MIN {
        datetime.format("%Y-%m-%d").to_string()
    } else if time.second() == 0 {
        datetime.format("%Y-%m-%d %H:%M").to_string()
    } else {
        datetime.format("%Y-%m-%d %H:%M:%S").to_string()
    }
}

/// Readers convert serials with float error (14:29:59.9997); round to the nearest second.
pub(crate) fn round_to_second(datetime: NaiveDateTime) -> NaiveDateTime {
    let nanos = datetime.nanosecond();
    let whole = datetime.with_nanosecond(0).unwrap_or(datetime);
    if nanos >= 500_000_000 {
        whole.checked_add_signed(TimeDelta::seconds(1)).unwrap_or(whole)
    } else {
        whole
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn text(s: &str) -> RawCell {
        RawCell::Text(s.into())
    }

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    fn hms(h: u32, m: u32, s: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, s).expect("valid test time")
    }

    #[test]
    fn blank_cells() {
        assert!(RawCell::Empty.is_blank());
        assert!(text("").is_blank());
        assert!(text("  \t\n").is_blank());
        assert!(text("\u{3000}").is_blank());
        assert!(text("\u{00A0}").is_blank());
        assert!(text("\u{200B}\u{FEFF}").is_blank());
        assert!(!text(" x ").is_blank());
        assert!(!RawCell::Number(0.0).is_blank());
        assert!(!RawCell::Bool(false).is_blank());
        assert!(!RawCell::Error("#N/A".into()).is_blank());
    }

    #[test]
    fn display_of_each_kind() {
        assert_eq!(RawCell::Empty.display(), "");
        assert_eq!(text("  C-001\u{3000}").display(), "C-001");
        assert_eq!(RawCell::Number(12345.0).display(), "12345");
        assert_eq!(RawCell::Number(1e15).display(), "1000000000000000");
        assert_eq!(
            RawCell::Number(123_456_789_012_345_680.0).display(),
            "123456789012345680"
        );
        assert_eq!(RawCell::Number(0.1).display(), "0.1");
        assert_eq!(RawCell::Number(-2.5).display(), "-2.5");
        assert_eq!(RawCell::Number(1.0 / 3.0).display(), "0.3333333333333333");
        assert_eq!(RawCell::Number(-0.0).display(), "0");
        assert_eq!(RawCell::Number(1e300).display(), "1e300");
        assert_eq!(RawCell::Number(f64::NAN).display(), "NaN");
        assert_eq!(RawCell::Number(f64::INFINITY).display(), "Infinity");
        assert_eq!(RawCell::Bool(true).display(), "TRUE");
        assert_eq!(RawCell::Bool(false).display(), "FALSE");
        assert_eq!(RawCell::Error("#REF!".into()).display(), "#REF!");
    }

    #[test]
    fn display_of_dates() {
        let midnight = ymd(2026, 11, 3).and_time(NaiveTime::MIN);
        assert_eq!(RawCell::DateTime(midnight).display(), "2026-11-03");
        let afternoon = ymd(2026, 11, 3).and_time(hms(14, 30, 0));
        assert_eq!(RawCell::DateTime(afternoon).display(), "2026-11-03 14:30");
        let with_seconds = ymd(2026, 11, 3).and_time(hms(14, 30, 5));
        assert_eq!(RawCell::DateTime(with_seconds).display(), "2026-11-03 14:30:05");
        // Float error from the serial conversion rounds to the intended minute.
        let almost = ymd(2026, 11, 3)
            .and_hms_milli_opt(14, 29, 59, 999)
            .expect("valid test time");
        assert_eq!(RawCell::DateTime(almost).display(), "2026-11-03 14:30");
    }
}
