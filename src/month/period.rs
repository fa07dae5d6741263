//! The report period and which rows it covers (SPEC 2, "Which rows a month covers").
//!
//! As-of is the last day of the period, never the wall clock, so a rerun gives the same result.

use chrono::{Datelike, Months, NaiveDate};

use crate::base::i18n::{Catalogue, Entry, Lang};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Period {
    /// `2026-10`, `2026-Q3`, `2026-H2`, `2026`, or `all`.
    pub label: String,
    pub start: NaiveDate,
    /// As-of: the last day of the period.
    pub as_of: NaiveDate,
    /// `clerk check` without `--month`: every row is covered.
    pub all_rows: bool,
}

fn month_start(year: i32, month: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, 1)
}

fn last_day(start: NaiveDate, months: u32) -> Option<NaiveDate> {
    start.checked_add_months(Months::new(months))?.pred_opt()
}

/// How long a period runs, which its report's titles name (monthly, quarterly…).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Span {
    Month,
    Quarter,
    Half,
    Year,
    /// `clerk check` without `--month`: every row.
    All,
}

impl Span {
    /// `month`, `quarter`, `half`, `year` or `all`: the last part of the keys of its texts.
    pub fn id(self) -> &'static str {
        match self {
            Span::Month => "month",
            Span::Quarter => "quarter",
            Span::Half => "half",
            Span::Year => "year",
            Span::All => "all",
        }
    }
}

impl Period {
    /// How long the period runs.
    pub fn span(&self) -> Span {
        if self.all_rows {
            return Span::All;
        }
        let months =
            (self.as_of.year() - self.start.year()) * 12 + self.as_of.month() as i32 - self.start.month() as i32 + 1;
        match months {
            1 => Span::Month,
            3 => Span::Quarter,
            6 => Span::Half,
            _ => Span::Year,
        }
    }

    /// One calendar month.
    pub fn month(year: i32, month: u32) -> Option<Period> {
        let start = month_start(year, month)?;
        Some(Period {
            label: format!("{year:04}-{month:02}"),
            start,
            as_of: last_day(start, 1)?,
            all_rows: false,
        })
    }

    /// Parses `2026-10`, `2026-Q3`, `2026-H2` or `2026`.
    pub fn parse(text: &str) -> Result<Period, String> {
        let bad = || format!("`{text}` is not a period: use YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY");
        let t = text.trim();
        let (year, rest) = match t.split_once('-') {
            Some((y, r)) => (y, Some(r)),
            None => (t, None),
        };
        let year: i32 = year.parse().map_err(|_| bad())?;
        if !(1900..=2100).contains(&year) {
            return Err(bad());
        }
        let (first_month, months, label) = match rest {
            None => (1, 12, format!("{year:04}")),
            Some(r) if r.starts_with(['Q', 'q']) => {
                let q: u32 = r[1..].parse().map_err(|_| bad())?;
                if !(1..=4).contains(&q) {
                    return Err(bad());
                }
                ((q - 1) * 3 + 1, 3, format!("{year:04}-Q{q}"))
            }
            Some(r) if r.starts_with(['H', 'h']) => {
                let h: u32 = r[1..].parse().map_err(|_| bad())?;
                if !(1..=2).contains(&h) {
                    return Err(bad());
                }
                ((h - 1) * 6 + 1, 6, format!("{year:04}-H{h}"))
            }
            Some(r) => {
                let m: u32 = r.parse().map_err(|_| bad())?;
                if !(1..=12).contains(&m) {
                    return Err(bad());
                }
                (m, 1, format!("{year:04}-{m:02}"))
            }
        };
        let start = month_start(year, first_month).ok_or_else(bad)?;
        Ok(Period {
            label,
            start,
            as_of: last_day(start, months).ok_or_else(bad)?,
            all_rows: false,
        })
    }

    /// The month before `today`: the default report month.
    pub fn previous_month(today: NaiveDate) -> Period {
        let first = today.with_day(1).unwrap_or(today);
        let prev = first.pred_opt().unwrap_or(first);
        Period::month(prev.year(), prev.month()).unwrap_or_else(|| Period::all(today))
    }

    /// Every row, as-of the end of `today`'s month (`clerk check` without `--month`).
    pub fn all(today: NaiveDate) -> Period {
        let start = today.with_day(1).unwrap_or(today);
        Period {
            label: "all".into(),
            start: NaiveDate::MIN,
            as_of: last_day(start, 1).unwrap_or(today),
            all_rows: true,
        }
    }

    pub fn contains(&self, date: NaiveDate) -> bool {
        self.all_rows || (self.start <= date && date <= self.as_of)
    }

    /// Is this a single calendar month ending a quarter (March, June, September, December)?
    pub fn is_quarter_end_month(&self) -> bool {
        !self.all_rows && self.start.month() == self.as_of.month() && self.as_of.month().is_multiple_of(3)
    }
}

/// Catalogue texts of the period in words: key → [en, zh-Hant, zh-Hans].
pub static TEXTS: &[Entry] = &[
    (
        "period.month",
        ["{month} {year}", "{year}年{month}月", "{year}年{month}月"],
    ),
    (
        "period.quarter",
        ["Q{quarter} {year}", "{year}年第{quarter}季", "{year}年第{quarter}季度"],
    ),
    (
        "period.half1",
        ["first half of {year}", "{year}年上半年", "{year}年上半年"],
    ),
    (
        "period.half2",
        ["second half of {year}", "{year}年下半年", "{year}年下半年"],
    ),
    ("period.year", ["{year}", "{year}年", "{year}年"]),
];

/// The period in words: `October 2026`, `2026年10月`, `Q3 2026`, `2026年下半年`.
pub fn period_words(period: &str, text: &Catalogue) -> String {
    let lang = text.lang;
    let (year, rest) = match period.split_once('-') {
        Some((y, r)) => (y, Some(r)),
        None => (period, None),
    };
    match rest {
        None if year.len() == 4 => text.fmt("period.year", &[("year", year)]),
        Some(q) if q.starts_with('Q') => text.fmt("period.quarter", &[("year", year), ("quarter", &q[1..])]),
        Some("H1") => text.fmt("period.half1", &[("year", year)]),
        Some("H2") => text.fmt("period.half2", &[("year", year)]),
        Some(m) => match (year.parse::<i32>(), m.parse::<u32>()) {
            (Ok(y), Ok(n)) => {
                let month = match (lang, chrono::NaiveDate::from_ymd_opt(y, n, 1)) {
                    (Lang::En, Some(d)) => d.format("%B").to_string(),
                    _ => n.to_string(),
                };
                text.fmt("period.month", &[("year", year), ("month", &month)])
            }
            _ => period.to_string(),
        },
        None => period.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_period_knows_how_long_it_runs() {
        let span = |text: &str| Period::parse(text).unwrap().span();
        assert_eq!(span("2026-10"), Span::Month);
        assert_eq!(span("2026-Q4"), Span::Quarter);
        assert_eq!(span("2026-H1"), Span::Half);
        assert_eq!(span("2026"), Span::Year);
        assert_eq!(Period::all(d(2026, 10, 5)).span(), Span::All);
    }

    #[test]
    fn periods_parse() {
        let p = Period::parse("2026-10").unwrap();
        assert_eq!((p.start, p.as_of), (d(2026, 10, 1), d(2026, 10, 31)));
        let p = Period::parse("2024-02").unwrap();
        assert_eq!(p.as_of, d(2024, 2, 29));
        let p = Period::parse("2026-Q3").unwrap();
        assert_eq!((p.start, p.as_of), (d(2026, 7, 1), d(2026, 9, 30)));
        let p = Period::parse("2026-H2").unwrap();
        assert_eq!((p.start, p.as_of), (d(2026, 7, 1), d(2026, 12, 31)));
        let p = Period::parse("2026").unwrap();
        assert_eq!((p.start, p.as_of), (d(2026, 1, 1), d(2026, 12, 31)));
        for bad in ["2026-13", "2026-Q5", "26-10", "october", "2026-H3", ""] {
            assert!(Period::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn default_month_is_the_previous_one() {
        assert_eq!(Period::previous_month(d(2026, 11, 27)).label, "2026-10");
        assert_eq!(Period::previous_month(d(2026, 1, 5)).label, "2025-12");
    }

    #[test]
    fn quarter_end_months() {
        assert!(Period::parse("2026-09").unwrap().is_quarter_end_month());
        assert!(!Period::parse("2026-10").unwrap().is_quarter_end_month());
        assert!(!Period::parse("2026-Q3").unwrap().is_quarter_end_month());
    }
}
