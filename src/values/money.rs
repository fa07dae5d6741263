//! Amounts of money as exact decimals: `¥1,200,000`, `RMB 1,200,000.00`, `120萬元`, `1.2億`,
//! `(500)`, `△1,200`, and number cells.

use std::str::FromStr;

use chrono::Datelike;
use rust_decimal::Decimal;

use super::date::{datetime_to_serial, LAST_YEAR};
use super::error::ValueError;
use super::text::{collapse_spaces, is_plain_number, nfkc, split_grouped_number};
use crate::read::cell::trim_spaces;
use crate::read::RawCell;

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
    fn triangle_marks_a_negative_amount() {
        assert_eq!(parse_money(&RawCell::Text("△1,200".into())), Ok(Decimal::from(-1200)));
        assert_eq!(parse_money(&RawCell::Text("▲500元".into())), Ok(Decimal::from(-500)));
        assert_eq!(
            parse_money(&RawCell::Text("１２０万".into())),
            Ok(Decimal::from(1_200_000))
        );
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

    mod plain_forms {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            /// The short way for plain amounts reads what the general reading reads, to the
            /// decimal places written, or leaves the text to it.
            #[test]
            fn plain_amounts_read_as_the_general_reading_reads_them(text in "[0-9.]{1,24}|[0-9]{1,3}\\.[0-9]{1,30}") {
                let (money, full) = (parse_money_text(&text), parse_money_text_in_full(&text));
                prop_assert_eq!(&money, &full);
                if let (Ok(a), Ok(b)) = (&money, &full) {
                    prop_assert_eq!(a.scale(), b.scale(), "{}", text);
                }
            }
        }
    }
}
