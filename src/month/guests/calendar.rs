//! The guests' calendar: incomplete profiles, new A-class guests and their call-backs, the months
//! of the period, and the day a birthday falls on (procedure Part 2 一, 三, 四.2).

use chrono::{Datelike, Months, NaiveDate};

use super::book::{GuestBook, Resolver};
use super::spend::recorded_class;
use crate::month::Period;
use crate::registers::{callbacks, guests, AnyField, Kind, Record, Registers, Value};
use crate::settings::GuestSettings;

/// For an A- or B-class profile, the fields its class requires that are blank.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProfileGap {
    pub class: &'static str,
    pub missing: Vec<AnyField>,
}

/// For an A- or B-class profile, the fields its class requires that are blank (procedure Part 2
/// 一, 三; `guests.required_a` / `guests.required_b`). A cell that holds something unreadable is
/// not blank: RG02 reports it.
pub fn missing_fields(record: &Record, settings: &GuestSettings) -> Option<ProfileGap> {
    let class = recorded_class(record)?;
    let required = match class {
        "A" => &settings.required_a,
        "B" => &settings.required_b,
        _ => return None,
    };
    let missing: Vec<AnyField> = required
        .iter()
        .filter_map(|name| Kind::Guests.any_field(name))
        .filter(|f| {
            let blank = match record.get(*f) {
                None => true,
                Some(Value::Text(t)) => t.trim().is_empty(),
                Some(_) => false,
            };
            blank && !record.is_unreadable(*f)
        })
        .collect();
    (!missing.is_empty()).then_some(ProfileGap { class, missing })
}

/// The developed date of an A-class guest that is new at `month_end`: developed within
/// `new_months` months before it, both ends included (a guest developed on 2025-10-31 is still
/// new on 2026-10-31; one developed on 2025-10-30 is not). A date after `month_end` is not new yet.
pub fn new_a_class(record: &Record, month_end: NaiveDate, new_months: u32) -> Option<NaiveDate> {
    if recorded_class(record) != Some("A") {
        return None;
    }
    let developed = record.day(guests::DEVELOPED_DATE)?;
    let earliest = month_end.checked_sub_months(Months::new(new_months))?;
    (earliest <= developed && developed <= month_end).then_some(developed)
}

/// The calendar months of the report period, as (first day, last day). A `clerk check` of every
/// row looks at the month of its as-of date.
pub fn report_months(period: &Period) -> Vec<(NaiveDate, NaiveDate)> {
    let first = if period.all_rows {
        period.as_of.with_day(1).unwrap_or(period.as_of)
    } else {
        period.start
    };
    let mut out = Vec::new();
    let mut start = first;
    while start <= period.as_of {
        let Some(next) = start.checked_add_months(Months::new(1)) else {
            break;
        };
        let end = next.pred_opt().unwrap_or(next).min(period.as_of);
        out.push((start, end));
        start = next;
    }
    out
}

/// Dates of the call-backs of each guest (indexed like the guest register), matched by guest id.
pub fn callback_dates(registers: &Registers, book: &GuestBook) -> Vec<Vec<NaiveDate>> {
    let mut out = vec![Vec::new(); book.len()];
    let Some(callbacks) = registers.by_kind.get(&Kind::Callbacks) else {
        return out;
    };
    let mut resolver = Resolver::new(book);
    for record in &callbacks.records {
        let Some(date) = record.day(callbacks::DATE) else {
            continue;
        };
        if let Some(g) = resolver.resolve(record).guest() {
            out[g].push(date);
        }
    }
    for dates in &mut out {
        dates.sort_unstable();
    }
    out
}

/// Whether a sorted list of dates holds one in `from..=to`.
pub fn has_date_between(dates: &[NaiveDate], from: NaiveDate, to: NaiveDate) -> bool {
    let i = dates.partition_point(|d| *d < from);
    dates.get(i).is_some_and(|d| *d <= to)
}

/// The day a yearly date (birthday, anniversary) falls on in the month starting `month_start`, if
/// it falls in that month. A 29 February in a year without one is kept on 28 February, the day
/// the guest is usually congratulated.
pub fn occurrence_in(date: NaiveDate, month_start: NaiveDate) -> Option<NaiveDate> {
    if date.month() != month_start.month() {
        return None;
    }
    let year = month_start.year();
    NaiveDate::from_ymd_opt(year, date.month(), date.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, date.month(), date.day() - 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn leap_day_falls_on_28_february_in_other_years() {
        assert_eq!(occurrence_in(d(1980, 2, 29), d(2027, 2, 1)), Some(d(2027, 2, 28)));
        assert_eq!(occurrence_in(d(1980, 2, 29), d(2028, 2, 1)), Some(d(2028, 2, 29)));
        assert_eq!(occurrence_in(d(1980, 3, 14), d(2027, 2, 1)), None);
    }

    #[test]
    fn months_of_a_period() {
        let q = Period::parse("2026-Q3").unwrap();
        let months = report_months(&q);
        assert_eq!(months.len(), 3);
        assert_eq!(months[2], (d(2026, 9, 1), d(2026, 9, 30)));
        let all = Period::all(d(2026, 11, 12));
        assert_eq!(report_months(&all), vec![(d(2026, 11, 1), d(2026, 11, 30))]);
    }

    #[test]
    fn call_back_dates_are_found_inclusively() {
        let dates = [d(2026, 9, 30), d(2026, 10, 31)];
        assert!(has_date_between(&dates, d(2026, 10, 1), d(2026, 10, 31)));
        assert!(!has_date_between(&dates, d(2026, 10, 1), d(2026, 10, 30)));
        assert!(!has_date_between(&[], d(2026, 10, 1), d(2026, 10, 31)));
    }
}
