//! The consumption analyses (SPEC 3.7, procedure Part 2 四.4): spend by class, by month and by
//! guest over a quarter, half-year or year.

use chrono::{Datelike, Months, NaiveDate};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

use super::{
    group_of, guest_text, month_label, Analysis, GroupRow, GuestSpendRow, MonthRow, GROUPS, MAX_GUEST_ROWS, TOP_GUESTS,
};
use crate::base::i18n::Catalogue;
use crate::month::guests::{class_rank, recorded_class, strangers_between, totals_between, Guests, Totals};
use crate::month::Period;
use crate::registers::guests;

fn months_between(start: NaiveDate, end: NaiveDate) -> i32 {
    (end.year() - start.year()) * 12 + end.month() as i32 - start.month() as i32 + 1
}

/// The analyses a period asks for (SPEC 3.7): a quarter-end month gives its quarter, June and
/// December also the half-year, December also the year; a quarter, half-year or year period gives
/// that one analysis.
pub(super) fn scopes(period: &Period) -> Vec<(&'static str, String, NaiveDate, NaiveDate)> {
    if period.all_rows {
        return Vec::new();
    }
    let end = period.as_of;
    let year = end.year();
    let back = |months: u32| {
        end.with_day(1)
            .and_then(|d| d.checked_sub_months(Months::new(months - 1)))
            .unwrap_or(end)
    };
    let quarter = (
        "quarter",
        format!("{year:04}-Q{}", end.month().div_ceil(3)),
        back(3),
        end,
    );
    let half = ("half", format!("{year:04}-H{}", end.month().div_ceil(6)), back(6), end);
    let whole = ("year", format!("{year:04}"), back(12), end);
    match months_between(period.start, end) {
        1 if period.is_quarter_end_month() => {
            let mut out = vec![quarter];
            if end.month().is_multiple_of(6) {
                out.push(half);
            }
            if end.month() == 12 {
                out.push(whole);
            }
            out
        }
        3 => vec![quarter],
        6 => vec![half],
        12 => vec![whole],
        _ => Vec::new(),
    }
}

/// An analysis of the spend from `start` to `end`; every analysis ends at as-of, so its trailing
/// year is the month's ([`Guests::year`]) and so are the class proposals.
pub(super) fn analysis(
    text: &Catalogue,
    g: &Guests,
    scope: &'static str,
    label: String,
    start: NaiveDate,
    end: NaiveDate,
) -> Analysis {
    let range = totals_between(&g.visits, g.book.len(), start, end);
    let strangers = strangers_between(&g.visits, start, end);
    let (groups, total, trailing_total) = group_rows(text, g, &range, strangers);
    let mut guests = guest_rows(g, &range.0);
    let top: Vec<GuestSpendRow> = guests
        .iter()
        .filter(|(_, g)| g.spend > Decimal::ZERO)
        .take(TOP_GUESTS)
        .map(|(_, g)| g.clone())
        .collect();
    let mut changes: Vec<(usize, GuestSpendRow)> =
        guests.iter().filter(|(_, g)| !g.proposed.is_empty()).cloned().collect();
    changes.sort_by(|(ia, a), (ib, b)| {
        class_rank(&a.proposed)
            .cmp(&class_rank(&b.proposed))
            .then_with(|| b.trailing_spend.cmp(&a.trailing_spend))
            .then_with(|| ia.cmp(ib))
    });
    let upgrades = changes
        .iter()
        .filter(|(_, g)| class_rank(&g.proposed) < class_rank(if g.class.is_empty() { "C" } else { &g.class }))
        .count();
    let left_out = guests.len().saturating_sub(MAX_GUEST_ROWS);
    guests.truncate(MAX_GUEST_ROWS);
    Analysis {
        scope,
        label,
        start: Some(start),
        end: Some(end),
        trailing_start: Some(g.year_start),
        spend: total.spend,
        visits: total.visits,
        average: total.average(),
        trailing_spend: trailing_total.spend,
        guests_with_visits: range.0.iter().filter(|t| t.visits > 0).count() + strangers,
        upgrades,
        downgrades: changes.len() - upgrades,
        by_group: groups,
        by_month: month_rows(g, start, end),
        top,
        changes: changes.into_iter().map(|(_, g)| g).collect(),
        guests: guests.into_iter().map(|(_, g)| g).collect(),
        guests_left_out: left_out,
    }
}

/// Spend per group (the recorded classes, no class, no profile) in the range and the trailing
/// year, with each group's share of the range; and the totals of both. `strangers`: the guests
/// in no profile who visited in the range, the no-profile group's guests with visits.
fn group_rows(
    text: &Catalogue,
    g: &Guests,
    range: &(Vec<Totals>, Totals),
    strangers: usize,
) -> (Vec<GroupRow>, Totals, Totals) {
    let (range, range_unmatched) = (&range.0, range.1);
    let mut groups: Vec<GroupRow> = GROUPS
        .iter()
        .map(|g| GroupRow {
            group: g,
            label: text.get(&format!("guests.group.{g}")),
            profiles: (*g != "unmatched").then_some(0),
            ..GroupRow::default()
        })
        .collect();
    let mut total = Totals::default();
    let mut trailing_total = Totals::default();
    for (i, record) in g.book.profiles() {
        let row = &mut groups[group_of(record)];
        row.profiles = row.profiles.map(|p| p + 1);
        if range[i].visits > 0 {
            row.guests_with_visits += 1;
        }
        row.visits += range[i].visits;
        row.spend = row.spend.checked_add(range[i].spend).unwrap_or(Decimal::MAX);
        row.trailing_spend = row.trailing_spend.checked_add(g.year[i].spend).unwrap_or(Decimal::MAX);
        total.merge(range[i]);
        trailing_total.merge(g.year[i]);
    }
    let u = &mut groups[4];
    u.guests_with_visits = strangers;
    u.visits = range_unmatched.visits;
    u.spend = range_unmatched.spend;
    u.trailing_spend = g.year_unmatched.spend;
    total.merge(range_unmatched);
    trailing_total.merge(g.year_unmatched);
    for row in &mut groups {
        row.average = Totals {
            spend: row.spend,
            visits: row.visits,
        }
        .average();
        row.share = if total.spend.is_zero() {
            0.0
        } else {
            (row.spend / total.spend).to_f64().unwrap_or(0.0)
        };
    }
    (groups, total, trailing_total)
}

/// Spend per month of the range, per group.
fn month_rows(g: &Guests, start: NaiveDate, end: NaiveDate) -> Vec<MonthRow> {
    let month_count = months_between(start, end).max(0) as usize;
    let mut by_month: Vec<MonthRow> = (0..month_count)
        .map(|m| MonthRow {
            month: month_label(start.checked_add_months(Months::new(m as u32)).unwrap_or(start)),
            by_group: vec![Decimal::ZERO; GROUPS.len()],
            ..MonthRow::default()
        })
        .collect();
    for e in g.visits.iter().filter(|e| start <= e.date && e.date <= end) {
        let m = months_between(start, e.date) as usize - 1;
        let Some(row) = by_month.get_mut(m) else { continue };
        let group = e.guest().map_or(4, |i| group_of(g.book.record(i)));
        row.by_group[group] = row.by_group[group].checked_add(e.spend).unwrap_or(Decimal::MAX);
        row.spend = row.spend.checked_add(e.spend).unwrap_or(Decimal::MAX);
        row.visits += 1;
    }
    by_month
}

/// Each guest with visits in the range or the trailing year, or of class A or B, the largest
/// spenders first (with its index in the guest register).
fn guest_rows(g: &Guests, range: &[Totals]) -> Vec<(usize, GuestSpendRow)> {
    let proposed: FxHashMap<usize, &'static str> = g.proposals.iter().map(|p| (p.guest, p.proposed)).collect();
    let trailing = &g.year;
    let mut guests: Vec<(usize, GuestSpendRow)> = g
        .book
        .profiles()
        .filter(|(i, r)| {
            range[*i].visits > 0 || trailing[*i].visits > 0 || matches!(recorded_class(r), Some("A" | "B"))
        })
        .map(|(i, record)| {
            let row = GuestSpendRow {
                guest_id: guest_text(record, guests::GUEST_ID),
                name: guest_text(record, guests::NAME),
                company: guest_text(record, guests::COMPANY),
                class: recorded_class(record).unwrap_or_default().to_string(),
                spend: range[i].spend,
                visits: range[i].visits,
                average: range[i].average(),
                trailing_spend: trailing[i].spend,
                trailing_visits: trailing[i].visits,
                spend_class: g.earned[i].to_string(),
                proposed: proposed.get(&i).map(|p| p.to_string()).unwrap_or_default(),
            };
            (i, row)
        })
        .collect();
    guests.sort_by(|(ia, a), (ib, b)| {
        b.spend
            .cmp(&a.spend)
            .then_with(|| b.trailing_spend.cmp(&a.trailing_spend))
            .then_with(|| ia.cmp(ib))
    });
    guests
}
