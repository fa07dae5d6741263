//! Properties of the cell readers over generated input: they never panic, and what they read back
//! is what was written.

use chrono::{Datelike, NaiveDate};
use clerk::read::RawCell;
use clerk::values::{normalize_phone, parse_date, parse_flag, parse_integer, parse_money, DateOrder};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn text(s: &str) -> RawCell {
    RawCell::Text(s.into())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// No text, however odd, makes a reader panic.
    #[test]
    fn readers_never_panic_on_any_text(s in any::<String>()) {
        let cell = text(&s);
        for order in [DateOrder::Ymd, DateOrder::Dmy, DateOrder::Mdy] {
            let _ = parse_date(&cell, order);
        }
        let _ = parse_money(&cell);
        let _ = parse_flag(&cell);
        let _ = parse_integer(&cell);
        let _ = normalize_phone(&cell);
        let _ = cell.display();
    }

    /// An ASCII id takes the short way to its key, and gets the key of the long way.
    #[test]
    fn ascii_ids_get_the_key_of_the_full_folding(s in "[ -~\t\n\r\x0b\x0c]{0,24}") {
        use unicode_normalization::UnicodeNormalization;
        let full = s.nfkc().collect::<String>().trim().to_uppercase();
        prop_assert_eq!(clerk::base::text::id_key(&s), full);
    }

    /// A cell's text loses its control characters (tab and line breaks stay) and nothing else,
    /// whichever way clean_text takes to decide there is nothing to remove.
    #[test]
    fn clean_text_removes_control_characters_and_nothing_else(
        s in "([\\x00-\\x7f]|[\\u{80}-\\u{a0}]|\\PC|文){0,40}"
    ) {
        let expected: String = s
            .chars()
            .filter(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r'))
            .collect();
        prop_assert_eq!(clerk::read::clean_text(&s), expected);
    }

    /// Nor does any number.
    #[test]
    fn readers_never_panic_on_any_number(n in any::<f64>()) {
        let cell = RawCell::Number(n);
        let _ = parse_date(&cell, DateOrder::Ymd);
        let _ = parse_money(&cell);
        let _ = parse_integer(&cell);
        let _ = cell.display();
    }

    /// A day written in any of the accepted forms reads back as that day.
    #[test]
    fn dates_read_back_as_written(days in 0i64..73_000, form in 0usize..6) {
        let day = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + chrono::Duration::days(days);
        let (y, m, d) = (day.year(), day.month(), day.day());
        let written = match form {
            0 => format!("{y:04}-{m:02}-{d:02}"),
            1 => format!("{y}/{m}/{d}"),
            2 => format!("{y}.{m}.{d}"),
            3 => format!("{y}年{m}月{d}日"),
            4 => format!("{y:04}{m:02}{d:02}"),
            _ => format!("{y:04}-{m:02}-{d:02} 14:30"),
        };
        let read = parse_date(&text(&written), DateOrder::Ymd);
        prop_assert_eq!(read.map(|v| v.date), Ok(day), "{}", written);
    }

    /// An amount written with separators, currency marks or 萬 reads back exactly.
    #[test]
    fn amounts_read_back_exactly(cents in 0i64..10_000_000_000, form in 0usize..4) {
        let amount = Decimal::new(cents, 2);
        let whole = cents / 100;
        let grouped = {
            let digits = whole.to_string();
            let mut out = String::new();
            for (i, c) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i) % 3 == 0 {
                    out.push(',');
                }
                out.push(c);
            }
            format!("{out}.{:02}", cents % 100)
        };
        let written = match form {
            0 => format!("¥{grouped}"),
            1 => format!("RMB {grouped}"),
            2 => format!("{grouped}元"),
            _ => format!("{}萬", amount / Decimal::from(10_000)),
        };
        prop_assert_eq!(parse_money(&text(&written)), Ok(amount), "{}", written);
    }
}
