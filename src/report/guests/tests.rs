//! The guests' part of the report: which analyses a period asks for, and how guests are counted.

use chrono::NaiveDate;

use super::analysis::scopes;
use super::attention::phones_in;
use super::html::{bar, shown_day};
use crate::month::Period;

fn labels(period: &str) -> Vec<(String, NaiveDate)> {
    scopes(&Period::parse(period).unwrap())
        .into_iter()
        .map(|(_, label, start, _)| (label, start))
        .collect()
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn quarter_end_months_and_periods_ask_for_their_analyses() {
    assert!(labels("2026-10").is_empty());
    assert_eq!(labels("2026-09"), vec![("2026-Q3".to_string(), d(2026, 7, 1))]);
    assert_eq!(
        labels("2026-06"),
        vec![
            ("2026-Q2".to_string(), d(2026, 4, 1)),
            ("2026-H1".to_string(), d(2026, 1, 1))
        ]
    );
    assert_eq!(labels("2026-12").len(), 3);
    assert_eq!(labels("2026-12")[2], ("2026".to_string(), d(2026, 1, 1)));
    assert_eq!(labels("2026-H2"), vec![("2026-H2".to_string(), d(2026, 7, 1))]);
    assert_eq!(labels("2026-Q1"), vec![("2026-Q1".to_string(), d(2026, 1, 1))]);
    assert_eq!(labels("2026"), vec![("2026".to_string(), d(2026, 1, 1))]);
    assert!(scopes(&Period::all(d(2026, 12, 5))).is_empty());
}

#[test]
fn phones_are_found_in_customer_names() {
    assert_eq!(phones_in("王偉 138-1234-5678"), vec!["13812345678"]);
    assert_eq!(phones_in("+86 139 1234 5678（手機）"), vec!["13912345678"]);
    assert!(phones_in("華東機械廠 3號樓").is_empty());
}

#[test]
fn shares_are_drawn_as_bars() {
    assert_eq!(bar(0.5), format!("{} 50.0%", "█".repeat(10)));
    assert_eq!(bar(0.0), " 0.0%");
}

#[test]
fn masked_days_hide_the_year() {
    assert_eq!(shown_day(Some(d(1980, 3, 14)), true), "**-03-14");
    assert_eq!(shown_day(Some(d(1980, 3, 14)), false), "1980-03-14");
}
