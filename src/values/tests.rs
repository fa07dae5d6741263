//! Every parser at once, on inputs that break parsers: none panics, and odd text is no value.

use chrono::NaiveDateTime;

use super::*;
use crate::read::RawCell;

fn text(s: &str) -> RawCell {
    RawCell::Text(s.into())
}

fn money_key(s: &str) -> &'static str {
    match parse_money(&text(s)) {
        Ok(value) => panic!("{s:?} should not parse, got {value}"),
        Err(error) => error.key(),
    }
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
