//! Whole numbers such as counts of guests: `12`, `1,200`, `12人`, `12 pax`, `12.00`.

use super::error::ValueError;
use super::text::{collapse_spaces, is_plain_number, nfkc, split_grouped_number};
use crate::read::cell::trim_spaces;
use crate::read::RawCell;

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

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> RawCell {
        RawCell::Text(s.into())
    }

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

    mod plain_forms {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            /// The short way for plain counts reads what the general reading reads, or leaves
            /// the text to it.
            #[test]
            fn plain_counts_read_as_the_general_reading_reads_them(text in "[0-9.]{1,24}|[0-9]{1,3}\\.[0-9]{1,30}") {
                prop_assert_eq!(parse_integer_text(&text), parse_integer_text_in_full(&text));
            }
        }
    }
}
