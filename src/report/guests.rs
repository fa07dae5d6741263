//! The Guests sheet (SPEC 3.6), the consumption analyses (SPEC 3.7) and the guest headline figures.
//!
//! Everything here is computed once in [`build`] from the typed registers, with the same matching
//! and spend rules the GH rules use ([`crate::rules::guests::history`]); the sheet writers and the
//! HTML blocks only lay the [`Section`] out.

use chrono::{Datelike, Months, NaiveDate};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;
use serde::Serialize;

use super::{HtmlBlock, Report};
use crate::base::i18n::Catalogue;
use crate::base::text;
use crate::month::period::Period;
use crate::registers::{Kind, Record, Registers, Value};
use crate::rules::guests::history::{
    callback_dates, class_rank, has_date_between, missing_fields, money_text, new_a_class, occurrence_in, proposals,
    recorded_class, report_months, totals_between, window_start, GuestBook, Totals, VisitEntry,
};
use crate::rules::guests::{list, list_some};
use crate::rules::Context;
use crate::settings::GuestSettings;
use crate::values::{self, RawCell};

/// How many guests the "top guests" tables show.
pub(crate) const TOP_GUESTS: usize = 10;
/// How many key-attention rows the HTML summary shows before pointing to the workbook.
const HTML_ATTENTION_ROWS: usize = 20;
/// Per-guest rows of an analysis sheet, at most (the largest spenders first); Excel holds about a
/// million rows and a manager reads far fewer.
const MAX_GUEST_ROWS: usize = 100_000;
/// Months of feedback searched for complaints of a guest.
const COMPLAINT_MONTHS: u32 = 3;

/// Spend groups of the analyses: the recorded classes, profiles without a class, and visits
/// that match no profile.
pub const GROUPS: [&str; 5] = ["A", "B", "C", "none", "unmatched"];

/// What this part of the report shows, computed once from the checked registers.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Section {
    pub guests_present: bool,
    pub visits_present: bool,
    pub callbacks_present: bool,
    pub feedback_present: bool,
    pub profiles: usize,
    /// Profiles per recorded class: A, B, C, none.
    pub class_counts: [usize; 4],
    /// The month the key-attention list is for (`2026-11`).
    pub next_month: String,
    /// The 12 months to as-of that spend and classes are judged on.
    pub year_start: Option<NaiveDate>,
    pub year_spend: Decimal,
    pub year_visits: u32,
    /// Spend over the 12 months per group of [`GROUPS`].
    pub year_by_group: Vec<Decimal>,
    /// The report months the call-back status covers (`2026-10`).
    pub months: Vec<String>,
    pub attention: Vec<AttentionRow>,
    pub callbacks: Vec<CallbackRow>,
    pub callbacks_missing: usize,
    pub proposals: Vec<ProposalRow>,
    pub analyses: Vec<Analysis>,
}

impl Section {
    /// The report months the call-back status covers, as a list in the report language.
    pub fn months_listed(&self, text: &Catalogue) -> String {
        list(text, &self.months)
    }
}

/// One guest of next month's key-attention list, with every reason to watch it.
#[derive(Clone, Debug, Default, Serialize)]
pub struct AttentionRow {
    pub guest_id: String,
    pub name: String,
    pub class: String,
    pub company: String,
    pub phone: String,
    pub phone_digits: String,
    pub account_manager: String,
    /// The reasons, in the report language.
    pub reasons: String,
    /// The day the birthday falls on next month (29 February on 28 February in other years).
    pub birthday: Option<NaiveDate>,
    pub birthday_recorded: Option<NaiveDate>,
    pub anniversary: Option<NaiveDate>,
    pub anniversary_recorded: Option<NaiveDate>,
    /// Developed date of a new A-class guest.
    pub developed: Option<NaiveDate>,
    /// Complaints of the last 3 months: `FB-031 (2026-09-14)`.
    pub complaints: String,
    /// Fields its class requires that are blank.
    pub missing: String,
}

/// The call-back status of one new A-class guest.
#[derive(Clone, Debug, Default, Serialize)]
pub struct CallbackRow {
    pub guest_id: String,
    pub name: String,
    pub account_manager: String,
    pub developed: Option<NaiveDate>,
    /// Call-backs dated in the report period.
    pub calls: usize,
    pub last_call: Option<NaiveDate>,
    /// Report months without a call-back.
    pub missing_months: Vec<String>,
    pub status: String,
    pub ok: bool,
}

/// A proposal to move a guest to another class, with the spend behind it.
#[derive(Clone, Debug, Default, Serialize)]
pub struct ProposalRow {
    pub guest_id: String,
    pub name: String,
    pub company: String,
    /// Recorded class, empty when none.
    pub recorded: String,
    pub proposed: String,
    /// "up" or "down", in the report language.
    pub direction: String,
    pub spend: Decimal,
    pub visits: u32,
    pub average: Option<Decimal>,
}

/// One consumption analysis: a quarter, half-year or year.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Analysis {
    /// `quarter`, `half` or `year`.
    pub scope: &'static str,
    /// `2026-Q3`, `2026-H1`, `2026`.
    pub label: String,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    /// First day of the 12 months to `end`.
    pub trailing_start: Option<NaiveDate>,
    pub spend: Decimal,
    pub visits: u32,
    pub average: Option<Decimal>,
    pub trailing_spend: Decimal,
    pub guests_with_visits: usize,
    pub upgrades: usize,
    pub downgrades: usize,
    pub by_group: Vec<GroupRow>,
    pub by_month: Vec<MonthRow>,
    pub top: Vec<GuestSpendRow>,
    pub changes: Vec<GuestSpendRow>,
    pub guests: Vec<GuestSpendRow>,
    /// Guests left out of the per-guest table (beyond [`MAX_GUEST_ROWS`]).
    pub guests_left_out: usize,
}

/// Spend of one group ([`GROUPS`]) in an analysis.
#[derive(Clone, Debug, Default, Serialize)]
pub struct GroupRow {
    pub group: &'static str,
    pub label: String,
    /// Profiles of the class (None for visits matched to no profile).
    pub profiles: Option<usize>,
    pub guests_with_visits: usize,
    pub visits: u32,
    pub spend: Decimal,
    pub share: f64,
    pub average: Option<Decimal>,
    pub trailing_spend: Decimal,
}

/// Spend of one month of an analysis, per group.
#[derive(Clone, Debug, Default, Serialize)]
pub struct MonthRow {
    pub month: String,
    pub by_group: Vec<Decimal>,
    pub spend: Decimal,
    pub visits: u32,
}

/// One guest's spend in an analysis.
#[derive(Clone, Debug, Default, Serialize)]
pub struct GuestSpendRow {
    pub guest_id: String,
    pub name: String,
    pub company: String,
    pub class: String,
    pub spend: Decimal,
    pub visits: u32,
    pub average: Option<Decimal>,
    pub trailing_spend: Decimal,
    pub trailing_visits: u32,
    /// The class the trailing year's spend earns.
    pub spend_class: String,
    /// The proposed class when it differs from the recorded one.
    pub proposed: String,
}

fn guest_text(record: &Record, field: &str) -> String {
    record.text(Kind::Guests, field).unwrap_or_default().to_string()
}

fn group_of(record: &Record) -> usize {
    match recorded_class(record) {
        Some("A") => 0,
        Some("B") => 1,
        Some("C") => 2,
        _ => 3,
    }
}

fn month_label(date: NaiveDate) -> String {
    date.format("%Y-%m").to_string()
}

fn first_of_next_month(date: NaiveDate) -> NaiveDate {
    date.with_day(1)
        .and_then(|d| d.checked_add_months(Months::new(1)))
        .unwrap_or(date)
}

pub fn build(ctx: &Context) -> Section {
    let text = &ctx.text;
    let registers = ctx.registers;
    let settings = &ctx.settings.guests;
    let period = ctx.period;
    let as_of = period.as_of;
    let book = ctx.guest_book();
    let entries = ctx.visit_entries();
    let year_start = window_start(as_of, 12);
    let (per_guest, unmatched) = totals_between(entries, book.len(), year_start, as_of);

    let mut section = Section {
        guests_present: registers.has(Kind::Guests),
        visits_present: registers.has(Kind::Visits),
        callbacks_present: registers.has(Kind::Callbacks),
        feedback_present: registers.has(Kind::Feedback),
        profiles: book.len(),
        next_month: month_label(first_of_next_month(as_of)),
        year_start: Some(year_start),
        months: report_months(period).iter().map(|(s, _)| month_label(*s)).collect(),
        ..Section::default()
    };
    let mut year_by_group = vec![Decimal::ZERO; GROUPS.len()];
    for (i, record) in book.records.iter().enumerate() {
        section.class_counts[group_of(record)] += 1;
        let t = per_guest[i];
        let g = &mut year_by_group[group_of(record)];
        *g = g.checked_add(t.spend).unwrap_or(Decimal::MAX);
        section.year_spend = section.year_spend.checked_add(t.spend).unwrap_or(Decimal::MAX);
        section.year_visits += t.visits;
    }
    year_by_group[4] = unmatched.spend;
    section.year_spend = section.year_spend.checked_add(unmatched.spend).unwrap_or(Decimal::MAX);
    section.year_visits += unmatched.visits;
    section.year_by_group = year_by_group;

    if section.guests_present {
        section.attention = attention(text, registers, book, settings, as_of);
        section.callbacks = callback_status(text, registers, book, settings, period, section.callbacks_present);
        section.callbacks_missing = section.callbacks.iter().filter(|c| !c.ok).count();
        if section.visits_present {
            section.proposals = proposal_rows(text, book, &per_guest, settings);
        }
    }
    if section.visits_present {
        section.analyses = scopes(period)
            .into_iter()
            .map(|(scope, label, start, end)| analysis(text, book, entries, settings, scope, label, start, end))
            .collect();
    }
    section
}

// ---------------------------------------------------------------------------------------------
// The key-attention list
// ---------------------------------------------------------------------------------------------

/// Digit runs in a text that read as phone numbers (`王偉 138-1234-5678` → `13812345678`).
fn phones_in(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut part = String::new();
    for c in text.chars().chain(std::iter::once('\u{0}')) {
        if c.is_ascii_digit() || matches!(c, ' ' | '-' | '+' | '(' | ')' | '.') {
            part.push(c);
            continue;
        }
        if part.chars().filter(char::is_ascii_digit).count() >= 7 {
            if let Some(digits) = values::normalize_phone(&RawCell::Text(part.as_str().into())) {
                out.push(digits);
            }
        }
        part.clear();
    }
    out
}

/// A complaint as the key-attention list names it: its id and the day it was received.
type Complaint<'a> = (&'a str, NaiveDate);

/// Complaints (kind complaint or grievance) received in the last 3 months to as-of, and for each
/// guest the ones that are theirs (indexes into the first list): the feedback's customer matched
/// to the guest's name or company (compared across width, case and script) or to its phone number.
fn recent_complaints<'a>(
    registers: &'a Registers,
    book: &GuestBook,
    as_of: NaiveDate,
) -> (Vec<Complaint<'a>>, FxHashMap<usize, Vec<u32>>) {
    let mut out: FxHashMap<usize, Vec<u32>> = FxHashMap::default();
    let Some(feedback) = registers.by_kind.get(&Kind::Feedback) else {
        return (Vec::new(), out);
    };
    let from = window_start(as_of, COMPLAINT_MONTHS);
    let kind = Kind::Feedback;
    let recent: Vec<(&str, Complaint)> = feedback
        .records
        .iter()
        .filter(|r| matches!(r.get(kind, "kind"), Some(Value::Enum("complaint" | "grievance"))))
        .filter_map(|r| {
            let received = r.date(kind, "received_date")?.date;
            let customer = r.text(kind, "customer")?;
            let id = r.text(kind, "id").unwrap_or_default();
            (from <= received && received <= as_of).then_some((customer, (id, received)))
        })
        .collect();
    if recent.is_empty() {
        return (Vec::new(), out);
    }
    // The recent complaints are few next to the guests: index them, and look each guest up.
    let mut by_key: FxHashMap<String, Vec<u32>> = FxHashMap::default();
    let mut by_phone: FxHashMap<String, Vec<u32>> = FxHashMap::default();
    for (n, (customer, _)) in recent.iter().enumerate() {
        let k = text::key(customer);
        if !k.is_empty() {
            by_key.entry(k).or_default().push(n as u32);
        }
        for digits in phones_in(customer) {
            by_phone.entry(digits).or_default().push(n as u32);
        }
    }
    let mut found: Vec<u32> = Vec::new();
    for (g, (record, (name, company))) in book.records.iter().zip(book.keys()).enumerate() {
        found.clear();
        for k in [name, company].into_iter().filter(|k| !k.is_empty()) {
            found.extend(by_key.get(k.as_str()).into_iter().flatten());
        }
        if let Some(Value::Phone(phone)) = record.get(Kind::Guests, "phone") {
            found.extend(by_phone.get(phone.digits.as_str()).into_iter().flatten());
        }
        if !found.is_empty() {
            found.sort_unstable();
            found.dedup();
            out.insert(g, found.clone());
        }
    }
    (recent.into_iter().map(|(_, c)| c).collect(), out)
}

fn attention(
    text: &Catalogue,
    registers: &Registers,
    book: &GuestBook,
    settings: &GuestSettings,
    as_of: NaiveDate,
) -> Vec<AttentionRow> {
    let next = first_of_next_month(as_of);
    let (complaints, by_guest) = recent_complaints(registers, book, as_of);
    let mut rows: Vec<(u8, usize, AttentionRow)> = Vec::new();
    for (i, record) in book.records.iter().enumerate() {
        let kind = Kind::Guests;
        let class = recorded_class(record);
        let recorded = |f: &str| record.date(kind, f).map(|d| d.date);
        let birthday = recorded("birthday").and_then(|d| occurrence_in(d, next));
        let anniversary = recorded("anniversary").and_then(|d| occurrence_in(d, next));
        let developed = new_a_class(record, as_of, settings.new_months);
        let missing = missing_fields(record, settings).map(|(_, m)| m).unwrap_or_default();
        let theirs = by_guest.get(&i);
        let mut reasons = Vec::new();
        if class == Some("A") {
            reasons.push(text.get("guests.why.class_a"));
        }
        if developed.is_some() {
            reasons.push(text.get("guests.why.new_a"));
        }
        if let Some(d) = birthday {
            reasons.push(text.fmt("guests.why.birthday", &[("day", &d.format("%m-%d").to_string())]));
        }
        if let Some(d) = anniversary {
            reasons.push(text.fmt("guests.why.anniversary", &[("day", &d.format("%m-%d").to_string())]));
        }
        if theirs.is_some() {
            reasons.push(text.get("guests.why.complaint"));
        }
        if !missing.is_empty() {
            reasons.push(text.get("guests.why.incomplete"));
        }
        if reasons.is_empty() {
            continue;
        }
        let phone = match record.get(kind, "phone") {
            Some(Value::Phone(phone)) => (phone.text.to_string(), phone.digits.to_string()),
            _ => Default::default(),
        };
        let complaints_text = theirs
            .map(|v| {
                list_some(text, v, |&n| {
                    let (id, d) = complaints[n as usize];
                    format!("{id} ({d})")
                })
            })
            .unwrap_or_default();
        let missing_text: Vec<String> = missing
            .iter()
            .map(|f| crate::registers::texts::field_label(text, f))
            .collect();
        let row = AttentionRow {
            guest_id: guest_text(record, "guest_id"),
            name: guest_text(record, "name"),
            class: class.unwrap_or_default().to_string(),
            company: guest_text(record, "company"),
            phone: phone.0,
            phone_digits: phone.1,
            account_manager: guest_text(record, "account_manager"),
            reasons: list(text, &reasons),
            birthday,
            birthday_recorded: birthday.and(recorded("birthday")),
            anniversary,
            anniversary_recorded: anniversary.and(recorded("anniversary")),
            developed,
            complaints: complaints_text,
            missing: list(text, &missing_text),
        };
        rows.push((class.map_or(3, class_rank), i, row));
    }
    rows.sort_by_key(|(rank, i, _)| (*rank, *i));
    rows.into_iter().map(|(_, _, r)| r).collect()
}

// ---------------------------------------------------------------------------------------------
// Call-backs and proposals
// ---------------------------------------------------------------------------------------------

fn callback_status(
    text: &Catalogue,
    registers: &Registers,
    book: &GuestBook,
    settings: &GuestSettings,
    period: &Period,
    callbacks_present: bool,
) -> Vec<CallbackRow> {
    let calls = callback_dates(registers, book);
    let months = report_months(period);
    let (Some(first), Some(last)) = (months.first(), months.last()) else {
        return Vec::new();
    };
    let (from, to) = (first.0, last.1);
    let mut out = Vec::new();
    for (i, record) in book.records.iter().enumerate() {
        let new_in: Vec<&(NaiveDate, NaiveDate)> = months
            .iter()
            .filter(|(_, end)| new_a_class(record, *end, settings.new_months).is_some())
            .collect();
        if new_in.is_empty() {
            continue;
        }
        let dates = &calls[i];
        let missing_months: Vec<String> = new_in
            .iter()
            .filter(|(s, e)| !has_date_between(dates, *s, *e))
            .map(|(s, _)| month_label(*s))
            .collect();
        let ok = callbacks_present && missing_months.is_empty();
        let status = if !callbacks_present {
            text.get("guests.callback.no_register")
        } else if ok {
            text.get("guests.callback.ok")
        } else {
            text.fmt("guests.callback.missing", &[("months", &list(text, &missing_months))])
        };
        out.push(CallbackRow {
            guest_id: guest_text(record, "guest_id"),
            name: guest_text(record, "name"),
            account_manager: guest_text(record, "account_manager"),
            developed: record.date(Kind::Guests, "developed_date").map(|d| d.date),
            calls: dates.iter().filter(|d| from <= **d && **d <= to).count(),
            last_call: dates.iter().rev().find(|d| **d <= to).copied(),
            missing_months,
            status,
            ok,
        });
    }
    out
}

fn direction(text: &Catalogue, recorded: Option<&str>, proposed: &str) -> String {
    if class_rank(proposed) < class_rank(recorded.unwrap_or("C")) {
        text.get("guests.change.up")
    } else {
        text.get("guests.change.down")
    }
}

fn proposal_rows(
    text: &Catalogue,
    book: &GuestBook,
    per_guest: &[Totals],
    settings: &GuestSettings,
) -> Vec<ProposalRow> {
    let mut found = proposals(book, per_guest, settings);
    found.sort_by(|a, b| {
        class_rank(a.proposed)
            .cmp(&class_rank(b.proposed))
            .then_with(|| b.spend.spend.cmp(&a.spend.spend))
            .then_with(|| a.guest.cmp(&b.guest))
    });
    found
        .into_iter()
        .map(|p| {
            let record = book.record(p.guest);
            ProposalRow {
                guest_id: guest_text(record, "guest_id"),
                name: guest_text(record, "name"),
                company: guest_text(record, "company"),
                recorded: p.recorded.unwrap_or_default().to_string(),
                proposed: p.proposed.to_string(),
                direction: direction(text, p.recorded, p.proposed),
                spend: p.spend.spend,
                visits: p.spend.visits,
                average: p.spend.average(),
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Consumption analyses
// ---------------------------------------------------------------------------------------------

fn months_between(start: NaiveDate, end: NaiveDate) -> i32 {
    (end.year() - start.year()) * 12 + end.month() as i32 - start.month() as i32 + 1
}

/// The analyses a period asks for (SPEC 3.7): a quarter-end month gives its quarter, June and
/// December also the half-year, December also the year; a quarter, half-year or year period gives
/// that one analysis.
fn scopes(period: &Period) -> Vec<(&'static str, String, NaiveDate, NaiveDate)> {
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

#[allow(clippy::too_many_arguments)]
fn analysis(
    text: &Catalogue,
    book: &GuestBook,
    entries: &[VisitEntry],
    settings: &GuestSettings,
    scope: &'static str,
    label: String,
    start: NaiveDate,
    end: NaiveDate,
) -> Analysis {
    let n = book.len();
    let (range, range_unmatched) = totals_between(entries, n, start, end);
    let trailing_start = window_start(end, 12);
    let (trailing, trailing_unmatched) = totals_between(entries, n, trailing_start, end);
    let proposed: FxHashMap<usize, &'static str> = proposals(book, &trailing, settings)
        .into_iter()
        .map(|p| (p.guest, p.proposed))
        .collect();

    // Groups
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
    for (i, record) in book.records.iter().enumerate() {
        let g = &mut groups[group_of(record)];
        g.profiles = g.profiles.map(|p| p + 1);
        if range[i].visits > 0 {
            g.guests_with_visits += 1;
        }
        g.visits += range[i].visits;
        g.spend = g.spend.checked_add(range[i].spend).unwrap_or(Decimal::MAX);
        g.trailing_spend = g.trailing_spend.checked_add(trailing[i].spend).unwrap_or(Decimal::MAX);
        total.merge(range[i]);
        trailing_total.merge(trailing[i]);
    }
    let u = &mut groups[4];
    u.visits = range_unmatched.visits;
    u.spend = range_unmatched.spend;
    u.trailing_spend = trailing_unmatched.spend;
    total.merge(range_unmatched);
    trailing_total.merge(trailing_unmatched);
    for g in &mut groups {
        g.average = Totals {
            spend: g.spend,
            visits: g.visits,
        }
        .average();
        g.share = if total.spend.is_zero() {
            0.0
        } else {
            (g.spend / total.spend).to_f64().unwrap_or(0.0)
        };
    }

    // Months
    let month_count = months_between(start, end).max(0) as usize;
    let mut by_month: Vec<MonthRow> = (0..month_count)
        .map(|m| MonthRow {
            month: month_label(start.checked_add_months(Months::new(m as u32)).unwrap_or(start)),
            by_group: vec![Decimal::ZERO; GROUPS.len()],
            ..MonthRow::default()
        })
        .collect();
    for e in entries.iter().filter(|e| start <= e.date && e.date <= end) {
        let m = months_between(start, e.date) as usize - 1;
        let Some(row) = by_month.get_mut(m) else { continue };
        let g = e.guest.map_or(4, |i| group_of(book.record(i)));
        row.by_group[g] = row.by_group[g].checked_add(e.spend).unwrap_or(Decimal::MAX);
        row.spend = row.spend.checked_add(e.spend).unwrap_or(Decimal::MAX);
        row.visits += 1;
    }

    // Guests
    let mut guests: Vec<(usize, GuestSpendRow)> = book
        .records
        .iter()
        .enumerate()
        .filter(|(i, r)| {
            range[*i].visits > 0 || trailing[*i].visits > 0 || matches!(recorded_class(r), Some("A" | "B"))
        })
        .map(|(i, record)| {
            let spend_class = crate::rules::guests::history::spend_class(trailing[i].spend, settings);
            (
                i,
                GuestSpendRow {
                    guest_id: guest_text(record, "guest_id"),
                    name: guest_text(record, "name"),
                    company: guest_text(record, "company"),
                    class: recorded_class(record).unwrap_or_default().to_string(),
                    spend: range[i].spend,
                    visits: range[i].visits,
                    average: range[i].average(),
                    trailing_spend: trailing[i].spend,
                    trailing_visits: trailing[i].visits,
                    spend_class: spend_class.to_string(),
                    proposed: proposed.get(&i).map(|p| p.to_string()).unwrap_or_default(),
                },
            )
        })
        .collect();
    guests.sort_by(|(ia, a), (ib, b)| {
        b.spend
            .cmp(&a.spend)
            .then_with(|| b.trailing_spend.cmp(&a.trailing_spend))
            .then_with(|| ia.cmp(ib))
    });
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
    let downgrades = changes.len() - upgrades;
    let guests_with_visits = range.iter().filter(|t| t.visits > 0).count();
    let left_out = guests.len().saturating_sub(MAX_GUEST_ROWS);
    guests.truncate(MAX_GUEST_ROWS);

    Analysis {
        scope,
        label,
        start: Some(start),
        end: Some(end),
        trailing_start: Some(trailing_start),
        spend: total.spend,
        visits: total.visits,
        average: total.average(),
        trailing_spend: trailing_total.spend,
        guests_with_visits,
        upgrades,
        downgrades,
        by_group: groups,
        by_month,
        top,
        changes: changes.into_iter().map(|(_, g)| g).collect(),
        guests: guests.into_iter().map(|(_, g)| g).collect(),
        guests_left_out: left_out,
    }
}

// ---------------------------------------------------------------------------------------------
// HTML
// ---------------------------------------------------------------------------------------------

fn masking(report: &Report) -> bool {
    report.settings_json["report"]["mask_personal_data"]
        .as_bool()
        .unwrap_or(true)
}

/// A yearly date as the HTML shows it: `**-03-14` when personal data is masked.
fn shown_day(recorded: Option<NaiveDate>, mask: bool) -> String {
    match recorded {
        Some(d) if mask => format!("**-{}", d.format("%m-%d")),
        Some(d) => d.to_string(),
        None => String::new(),
    }
}

/// A share as a bar of block characters, for e-mail clients that show no images.
fn bar(share: f64) -> String {
    let blocks = (share * 20.0).round().clamp(0.0, 20.0) as usize;
    format!("{} {:.1}%", "█".repeat(blocks), share * 100.0)
}

/// Headline figures and short lists for the HTML summary.
pub fn html_blocks(report: &Report) -> Vec<HtmlBlock> {
    let text = report.text();
    let s = &report.guests;
    let mut guests = HtmlBlock {
        title: text.get("guests.html.title"),
        ..HtmlBlock::default()
    };
    if !s.guests_present {
        guests.note = text.get("kind.absent.guests");
        if !s.visits_present {
            return vec![guests];
        }
    }
    let mut notes = Vec::new();
    let int = |n: usize| n.to_string();
    if s.guests_present {
        let [a, b, c, none] = s.class_counts;
        guests.figures.push((
            text.get("guests.fig.profiles"),
            text.fmt(
                "guests.fig.profiles_value",
                &[
                    ("n", &int(s.profiles)),
                    ("a", &int(a)),
                    ("b", &int(b)),
                    ("c", &int(c)),
                    ("none", &int(none)),
                ],
            ),
        ));
        guests
            .figures
            .push((text.get("guests.fig.new_a"), int(s.callbacks.len())));
        if s.callbacks_present {
            guests
                .figures
                .push((text.get("guests.fig.callbacks_missing"), int(s.callbacks_missing)));
        } else {
            notes.push(text.get("guests.note.no_callbacks"));
        }
        if s.visits_present {
            guests
                .figures
                .push((text.get("guests.fig.proposals"), int(s.proposals.len())));
        }
        guests.figures.push((
            text.fmt("guests.fig.attention", &[("month", &s.next_month)]),
            int(s.attention.len()),
        ));
    }
    if s.visits_present {
        guests.figures.push((
            text.get("guests.fig.year_spend"),
            format!("{} {}", money_text(s.year_spend), report.currency),
        ));
        guests
            .figures
            .push((text.get("guests.fig.year_visits"), s.year_visits.to_string()));
    } else {
        notes.push(text.get("kind.absent.visits"));
    }
    if s.guests_present {
        let mask = masking(report);
        guests.columns = vec![
            text.get("guests.col.guest"),
            text.get("guests.col.class"),
            text.get("guests.col.reasons"),
            text.get("guests.col.days"),
            text.get("guests.col.phone"),
        ];
        for r in s.attention.iter().take(HTML_ATTENTION_ROWS) {
            let mut days = Vec::new();
            if r.birthday.is_some() {
                days.push(text.fmt(
                    "guests.html.birthday",
                    &[("day", &shown_day(r.birthday_recorded, mask))],
                ));
            }
            if r.anniversary.is_some() {
                days.push(text.fmt(
                    "guests.html.anniversary",
                    &[("day", &shown_day(r.anniversary_recorded, mask))],
                ));
            }
            let phone = if mask && !r.phone_digits.is_empty() {
                values::mask_phone(&r.phone_digits)
            } else {
                r.phone.clone()
            };
            let who = format!("{} {}", r.guest_id, r.name).trim().to_string();
            guests
                .rows
                .push(vec![who, r.class.clone(), r.reasons.clone(), list(&text, &days), phone]);
        }
        if s.attention.len() > HTML_ATTENTION_ROWS {
            notes.push(text.fmt(
                "html.more",
                &[("n", &(s.attention.len() - HTML_ATTENTION_ROWS).to_string())],
            ));
        }
    }
    guests.note = std::iter::once(guests.note)
        .chain(notes)
        .filter(|n| !n.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let mut blocks = vec![guests];
    for a in &s.analyses {
        let mut block = HtmlBlock {
            title: format!("{} {}", text.get(&format!("guests.analysis.{}", a.scope)), a.label),
            ..HtmlBlock::default()
        };
        block.figures = vec![
            (
                text.get("guests.fig.spend"),
                format!("{} {}", money_text(a.spend), report.currency),
            ),
            (text.get("guests.fig.visits"), a.visits.to_string()),
            (
                text.get("guests.fig.average"),
                a.average.map(money_text).unwrap_or_default(),
            ),
            (
                text.get("guests.fig.guests_with_visits"),
                a.guests_with_visits.to_string(),
            ),
        ];
        if s.guests_present {
            block
                .figures
                .push((text.get("guests.fig.upgrades"), a.upgrades.to_string()));
            block
                .figures
                .push((text.get("guests.fig.downgrades"), a.downgrades.to_string()));
            block.columns = vec![
                text.get("guests.col.group"),
                text.get("guests.col.spend"),
                text.get("guests.col.share"),
            ];
            block.rows = a
                .by_group
                .iter()
                .filter(|g| g.visits > 0)
                .map(|g| vec![g.label.clone(), money_text(g.spend), bar(g.share)])
                .collect();
            if let Some(top) = a.top.first() {
                block.note = text.fmt(
                    "guests.html.top",
                    &[
                        ("guest", format!("{} {}", top.guest_id, top.name).trim()),
                        ("spend", &money_text(top.spend)),
                    ],
                );
            }
        }
        blocks.push(block);
    }
    blocks
}

// ---------------------------------------------------------------------------------------------
// Texts
// ---------------------------------------------------------------------------------------------

/// Catalogue texts of this part of the report: key → [en, zh-Hant, zh-Hans] (see [`crate::base::i18n`]).
pub static TEXTS: &[crate::base::i18n::Entry] = &[
    ("guests.sheet", [
        "Guests",
        "客史檔案",
        "客史档案",
    ]),
    ("guests.subtitle", [
        "Report period {period}, as of {as_of}; key-attention list for {next}.",
        "統計期間{period},截至{as_of};{next}重點關注客人名單。",
        "统计期间{period},截至{as_of};{next}重点关注客人名单。",
    ]),
    ("guests.figures", [
        "Figures",
        "數據",
        "数据",
    ]),
    ("guests.attention.title", [
        "Key-attention list for {month}",
        "{month}重點關注客人名單",
        "{month}重点关注客人名单",
    ]),
    ("guests.callbacks.title", [
        "Call-back status of new A-class guests, {months}",
        "新開發A類客人回訪情況({months})",
        "新开发A类客人回访情况({months})",
    ]),
    ("guests.proposals.title", [
        "Reclassification proposals (spend {from} – {to})",
        "類別調整建議(消費期間{from}至{to})",
        "类别调整建议(消费期间{from}至{to})",
    ]),
    ("guests.html.title", [
        "Guest history",
        "客史檔案",
        "客史档案",
    ]),
    ("guests.html.birthday", [
        "birthday {day}",
        "生日{day}",
        "生日{day}",
    ]),
    ("guests.html.anniversary", [
        "anniversary {day}",
        "結婚紀念日{day}",
        "结婚纪念日{day}",
    ]),
    ("guests.html.top", [
        "Top guest: {guest}, {spend}.",
        "消費最高的客人:{guest},{spend}。",
        "消费最高的客人:{guest},{spend}。",
    ]),
    ("guests.why.class_a", [
        "class A",
        "A類客人",
        "A类客人",
    ]),
    ("guests.why.new_a", [
        "new A-class guest",
        "新開發A類客人",
        "新开发A类客人",
    ]),
    ("guests.why.birthday", [
        "birthday {day}",
        "生日{day}",
        "生日{day}",
    ]),
    ("guests.why.anniversary", [
        "wedding anniversary {day}",
        "結婚紀念日{day}",
        "结婚纪念日{day}",
    ]),
    ("guests.why.complaint", [
        "complaint in the last 3 months",
        "近3個月有投訴",
        "近3个月有投诉",
    ]),
    ("guests.why.incomplete", [
        "profile to complete",
        "檔案待補齊",
        "档案待补齐",
    ]),
    ("guests.callback.no_register", [
        "not checked: no call-back register was given",
        "未檢查:未提供回訪記錄",
        "未检查:未提供回访记录",
    ]),
    ("guests.callback.ok", [
        "called",
        "已回訪",
        "已回访",
    ]),
    ("guests.callback.missing", [
        "no call-back in {months}",
        "{months}沒有回訪",
        "{months}没有回访",
    ]),
    ("guests.change.up", [
        "up",
        "升級",
        "升级",
    ]),
    ("guests.change.down", [
        "down",
        "降級",
        "降级",
    ]),
    ("guests.group.A", [
        "Class A",
        "A類",
        "A类",
    ]),
    ("guests.group.B", [
        "Class B",
        "B類",
        "B类",
    ]),
    ("guests.group.C", [
        "Class C",
        "C類",
        "C类",
    ]),
    ("guests.group.none", [
        "No class recorded",
        "未填類別",
        "未填类别",
    ]),
    ("guests.group.unmatched", [
        "Not in the guest register",
        "不在客史檔案中",
        "不在客史档案中",
    ]),
    ("guests.fig.profiles", [
        "Guest profiles",
        "客史檔案數",
        "客史档案数",
    ]),
    ("guests.fig.profiles_value", [
        "{n} (A {a}, B {b}, C {c}, no class {none})",
        "{n}(A類{a},B類{b},C類{c},未填類別{none})",
        "{n}(A类{a},B类{b},C类{c},未填类别{none})",
    ]),
    ("guests.fig.new_a", [
        "New A-class guests",
        "新開發A類客人",
        "新开发A类客人",
    ]),
    ("guests.fig.callbacks_missing", [
        "New A-class guests without a call-back",
        "未回訪的新開發A類客人",
        "未回访的新开发A类客人",
    ]),
    ("guests.fig.proposals", [
        "Reclassification proposals",
        "類別調整建議",
        "类别调整建议",
    ]),
    ("guests.fig.attention", [
        "Guests to watch in {month}",
        "{month}重點關注客人",
        "{month}重点关注客人",
    ]),
    ("guests.fig.year_spend", [
        "Spend over the last 12 months",
        "近12個月消費金額",
        "近12个月消费金额",
    ]),
    ("guests.fig.year_visits", [
        "Visits over the last 12 months",
        "近12個月消費次數",
        "近12个月消费次数",
    ]),
    ("guests.fig.spend", [
        "Spend",
        "消費金額",
        "消费金额",
    ]),
    ("guests.fig.visits", [
        "Visits",
        "消費次數",
        "消费次数",
    ]),
    ("guests.fig.average", [
        "Average spend per visit",
        "平均每次消費",
        "平均每次消费",
    ]),
    ("guests.fig.trailing_spend", [
        "Spend over the 12 months to the end of the period",
        "截至期末12個月消費金額",
        "截至期末12个月消费金额",
    ]),
    ("guests.fig.guests_with_visits", [
        "Guests with visits",
        "有消費的客人",
        "有消费的客人",
    ]),
    ("guests.fig.upgrades", [
        "Class changes proposed: up",
        "建議升級",
        "建议升级",
    ]),
    ("guests.fig.downgrades", [
        "Class changes proposed: down",
        "建議降級",
        "建议降级",
    ]),
    ("guests.note.no_callbacks", [
        "No call-back register was given: call-backs of new A-class guests could not be checked.",
        "未提供回訪記錄:無法檢查新開發A類客人的回訪。",
        "未提供回访记录:无法检查新开发A类客人的回访。",
    ]),
    ("guests.note.no_guests_analysis", [
        "No guest register was given: spend is shown in total, not per guest or class.",
        "未提供客史檔案:消費只列合計,不按客人或類別分列。",
        "未提供客史档案:消费只列合计,不按客人或类别分列。",
    ]),
    ("guests.note.left_out", [
        "{n} more guests with smaller spend are not listed.",
        "另有{n}位消費較少的客人未列出。",
        "另有{n}位消费较少的客人未列出。",
    ]),
    ("guests.analysis.quarter", [
        "Quarterly consumption analysis",
        "季度消費分析",
        "季度消费分析",
    ]),
    ("guests.analysis.half", [
        "Half-year consumption analysis",
        "半年度消費分析",
        "半年度消费分析",
    ]),
    ("guests.analysis.year", [
        "Annual consumption analysis",
        "年度消費分析",
        "年度消费分析",
    ]),
    ("guests.analysis.subtitle", [
        "Visits from {start} to {end}; classes judged on the 12 months from {trailing} to {end}; amounts in {currency}.",
        "消費期間{start}至{end};類別按{trailing}至{end}的12個月消費評定;金額單位{currency}。",
        "消费期间{start}至{end};类别按{trailing}至{end}的12个月消费评定;金额单位{currency}。",
    ]),
    ("guests.by_class.title", [
        "Spend by class",
        "各類別消費",
        "各类别消费",
    ]),
    ("guests.by_month.title", [
        "Spend by month",
        "各月消費",
        "各月消费",
    ]),
    ("guests.chart.by_class", [
        "Spend by class",
        "各類別消費",
        "各类别消费",
    ]),
    ("guests.chart.by_month", [
        "Spend by month and class",
        "各月各類別消費",
        "各月各类别消费",
    ]),
    ("guests.top.title", [
        "Top {n} guest{n|s}",
        "消費前{n}名客人",
        "消费前{n}名客人",
    ]),
    ("guests.changes.title", [
        "Class changes proposed",
        "建議調整類別",
        "建议调整类别",
    ]),
    ("guests.per_guest.title", [
        "Spend per guest",
        "各客人消費",
        "各客人消费",
    ]),
    ("guests.col.figure", [
        "Figure",
        "項目",
        "项目",
    ]),
    ("guests.col.value", [
        "Value",
        "數值",
        "数值",
    ]),
    ("guests.col.guest", [
        "Guest",
        "客人",
        "客人",
    ]),
    ("guests.col.guest_id", [
        "Guest id",
        "客戶編號",
        "客户编号",
    ]),
    ("guests.col.name", [
        "Name",
        "姓名",
        "姓名",
    ]),
    ("guests.col.class", [
        "Class",
        "類別",
        "类别",
    ]),
    ("guests.col.company", [
        "Company",
        "單位",
        "单位",
    ]),
    ("guests.col.phone", [
        "Phone",
        "電話",
        "电话",
    ]),
    ("guests.col.account_manager", [
        "Account manager",
        "客戶經理",
        "客户经理",
    ]),
    ("guests.col.reasons", [
        "Why",
        "關注原因",
        "关注原因",
    ]),
    ("guests.col.days", [
        "Dates",
        "日期",
        "日期",
    ]),
    ("guests.col.birthday", [
        "Birthday",
        "生日",
        "生日",
    ]),
    ("guests.col.anniversary", [
        "Wedding anniversary",
        "結婚紀念日",
        "结婚纪念日",
    ]),
    ("guests.col.developed", [
        "Developed",
        "開發日期",
        "开发日期",
    ]),
    ("guests.col.complaints", [
        "Complaints (last 3 months)",
        "投訴(近3個月)",
        "投诉(近3个月)",
    ]),
    ("guests.col.missing", [
        "Fields to complete",
        "待補欄位",
        "待补栏位",
    ]),
    ("guests.col.calls", [
        "Call-backs in the period",
        "本期回訪次數",
        "本期回访次数",
    ]),
    ("guests.col.last_call", [
        "Last call-back",
        "最近回訪日期",
        "最近回访日期",
    ]),
    ("guests.col.status", [
        "Status",
        "狀態",
        "状态",
    ]),
    ("guests.col.recorded", [
        "Recorded class",
        "現類別",
        "现类别",
    ]),
    ("guests.col.proposed", [
        "Proposed class",
        "建議類別",
        "建议类别",
    ]),
    ("guests.col.change", [
        "Change",
        "調整",
        "调整",
    ]),
    ("guests.col.spend_12m", [
        "Spend, 12 months",
        "12個月消費",
        "12个月消费",
    ]),
    ("guests.col.visits_12m", [
        "Visits, 12 months",
        "12個月消費次數",
        "12个月消费次数",
    ]),
    ("guests.col.average", [
        "Average per visit",
        "平均每次消費",
        "平均每次消费",
    ]),
    ("guests.col.month", [
        "Month",
        "月份",
        "月份",
    ]),
    ("guests.col.group", [
        "Class",
        "類別",
        "类别",
    ]),
    ("guests.col.spend", [
        "Spend",
        "消費金額",
        "消费金额",
    ]),
    ("guests.col.share", [
        "Share",
        "佔比",
        "占比",
    ]),
    ("guests.col.visits", [
        "Visits",
        "消費次數",
        "消费次数",
    ]),
    ("guests.col.profiles", [
        "Profiles",
        "檔案數",
        "档案数",
    ]),
    ("guests.col.guests_with_visits", [
        "Guests with visits",
        "有消費的客人",
        "有消费的客人",
    ]),
    ("guests.col.trailing_spend", [
        "Spend, trailing 12 months",
        "近12個月消費",
        "近12个月消费",
    ]),
    ("guests.col.trailing_visits", [
        "Visits, trailing 12 months",
        "近12個月消費次數",
        "近12个月消费次数",
    ]),
    ("guests.col.rank", [
        "Rank",
        "名次",
        "名次",
    ]),
    ("guests.col.spend_class", [
        "Class by spend",
        "按消費應屬類別",
        "按消费应属类别",
    ]),
];

#[cfg(test)]
mod tests {
    use super::*;

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
}
