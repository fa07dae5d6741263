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

// ---- Cells and serials ---------------------------------------------------------------------

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
fn serials_round_trip() {
    for serial in [1.0, 59.0, 61.0, 45_000.5, 2_958_465.0] {
        let dt = excel_serial_to_datetime(serial, false).unwrap();
        assert_eq!(datetime_to_serial(dt), Some(serial));
    }
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

// ---- Text ----------------------------------------------------------------------------------

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
        "115/11/3",
        "115-11-03",
        "115年11月3日",
    ] {
        assert_eq!(date(form), Ok(day(2026, 11, 3)), "{form:?}");
    }
}

#[test]
fn a_two_digit_year_after_the_day_and_month_pivots() {
    let dmy = |t: &str| parse_date(&text(t), DateOrder::Dmy);
    assert_eq!(dmy("1/1/00"), Ok(day(2000, 1, 1)));
    assert_eq!(dmy("3/12/69"), Ok(day(2069, 12, 3)));
    assert_eq!(dmy("1/1/70"), Ok(day(1970, 1, 1)));
    assert_eq!(dmy("3/12/99"), Ok(day(1999, 12, 3)));
}

#[test]
fn a_year_of_two_or_three_digits_below_200_written_first_is_a_minguo_year() {
    // SPEC 1.3: 民國 115 is 2026, with or without the word 民國, in every written form.
    for form in [
        "115/12/03",
        "115.12.3",
        "115年12月3日",
        "民國115年12月3日",
        "民国115年12月3日",
        "１１５／１２／０３",
        "115/12/3",
        " 115 年 12 月 3 日 ",
    ] {
        for order in [DateOrder::Ymd, DateOrder::Dmy, DateOrder::Mdy] {
            assert_eq!(
                parse_date(&text(form), order),
                Ok(day(2026, 12, 3)),
                "{form:?} {order:?}"
            );
        }
    }
    assert_eq!(date("115/12/03 14:30"), Ok(at(2026, 12, 3, 14, 30, 0)));
    // Two digits are a 民國 year too: 民國 99 is 2010, 民國 26 is 1937.
    assert_eq!(date("99/12/31"), Ok(day(2010, 12, 31)));
    assert_eq!(date("26/11/3"), Ok(day(1937, 11, 3)));
    assert_eq!(date("55年3月14日"), Ok(day(1966, 3, 14)));
    assert_eq!(date("001/1/1"), Ok(day(1912, 1, 1)));
    // 200 and more, or none at all, is no 民國 year; the calendar still has its say.
    assert_eq!(date_key("200/1/1", DateOrder::Ymd), "not_a_date");
    assert_eq!(date_key("000/1/1", DateOrder::Ymd), "not_a_date");
    assert_eq!(date_key("115/2/30", DateOrder::Ymd), "invalid_day");
    assert_eq!(date_key("115/13/3", DateOrder::Ymd), "invalid_month");
    assert_eq!(date_key("5/12/3", DateOrder::Ymd), "not_a_date");
}

#[test]
fn republic_of_china_years() {
    let d = |t: &str| parse_date(&RawCell::Text(t.into()), DateOrder::Ymd).map(|v| v.date.to_string());
    assert_eq!(d("民國115年10月3日"), Ok("2026-10-03".to_string()));
    assert_eq!(d("民国115/10/03"), Ok("2026-10-03".to_string()));
    assert_eq!(d("民國115年2月30日").map_err(|e| e.key()), Err("invalid_day"));
    assert_eq!(d("民國一百年").map_err(|e| e.key()), Err("not_a_date"));
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

// ---- Times of day --------------------------------------------------------------------------

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

// ---- The value -----------------------------------------------------------------------------

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

// ---- The short way -------------------------------------------------------------------------

mod plain_forms {
    use super::super::*;
    use proptest::prelude::*;

    proptest! {
        /// The short way for plain dates reads what the general reading reads, in every date
        /// order, or leaves the text to it.
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
    }

    proptest! {
        /// A 民國 year of two or three digits below 200, written first in any of the forms staff
        /// use, is the year 1911 later, in every date order (SPEC 1.3).
        #[test]
        fn minguo_dates_are_1911_years_on(
            year in 10i32..190, month in 1u32..=12, day in 1u32..=28, form in 0usize..5, pad in any::<bool>()
        ) {
            let (m, d) = if pad { (format!("{month:02}"), format!("{day:02}")) } else { (month.to_string(), day.to_string()) };
            let text = match form {
                0 => format!("{year}/{m}/{d}"),
                1 => format!("{year}.{m}.{d}"),
                2 => format!("{year}-{m}-{d}"),
                3 => format!("{year}年{m}月{d}日"),
                _ => format!("民國{year}年{m}月{d}日"),
            };
            let expected = NaiveDate::from_ymd_opt(year + 1911, month, day);
            for order in [DateOrder::Ymd, DateOrder::Dmy, DateOrder::Mdy] {
                let read = parse_date(&RawCell::Text(text.as_str().into()), order).map(|v| v.date);
                prop_assert_eq!(read.ok(), expected, "{}", text);
            }
        }
    }

    #[test]
    fn plain_dates_are_taken_the_short_way_and_others_are_not() {
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
    }
}

/// A day is written as chrono writes it, whatever its year (record ids and fingerprints use it).
#[test]
fn a_day_is_written_as_chrono_writes_it() {
    for (y, m, d) in [
        (2026, 11, 3),
        (5, 1, 9),
        (9999, 12, 31),
        (0, 1, 1),
        (10_000, 2, 3),
        (-1, 6, 30),
    ] {
        let day = NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let mut out = String::from("x");
        super::push_day(&mut out, day);
        assert_eq!(out, format!("x{day}"));
    }
}
