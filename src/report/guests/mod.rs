//! The Guests sheet (SPEC 3.6), the consumption analyses (SPEC 3.7) and the guest headline figures.
//!
//! Everything here is counted in [`build`] from the guests as the month stands
//! ([`crate::month::guests`]: the guest book, visits, spend, call-backs, proposals) — the same
//! standings the GH rules turn into findings; the sheet writers and the HTML blocks only lay the
//! [`Section`] out.

use std::sync::Arc;

use chrono::{Datelike, Months, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::base::i18n::Catalogue;
use crate::base::put_away::PutAway;
use crate::base::spill::Spill;
use crate::month::guests::recorded_class;
use crate::month::Month;
use crate::registers::field::Text;
use crate::registers::{Field, Kind, Record};

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
    /// Put away until the workbook is written: a large month lists every guest.
    pub attention: PutAway<AttentionRow>,
    pub callbacks: Vec<CallbackRow>,
    pub callbacks_missing: usize,
    pub proposals: Vec<ProposalRow>,
    pub analyses: Vec<Analysis>,
}

impl Section {
    /// The report months the call-back status covers, as a list in the report language.
    pub fn months_listed(&self, text: &Catalogue) -> String {
        text.list(&self.months)
    }
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

fn guest_text(record: &Record, field: Field<Text>) -> String {
    record.text(field).unwrap_or_default().to_string()
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

/// A month in words: `October 2026`, `2026年10月`.
fn month_words(date: NaiveDate, text: &Catalogue) -> String {
    crate::month::period_words(&month_label(date), text)
}

fn first_of_next_month(date: NaiveDate) -> NaiveDate {
    date.with_day(1)
        .and_then(|d| d.checked_add_months(Months::new(1)))
        .unwrap_or(date)
}

/// The guests section; the key-attention list put away in `spill` ([`PutAway`]).
pub fn build(month: &Month, text: Catalogue, spill: Option<&Arc<Spill>>) -> Section {
    let text = &text;
    let registers = month.registers;
    let period = month.period;
    let as_of = period.as_of;
    let g = &month.guests;
    let book = &g.book;
    let year_start = g.year_start;
    let (per_guest, unmatched) = (&g.year, g.year_unmatched);

    let mut section = Section {
        guests_present: registers.has(Kind::Guests),
        visits_present: registers.has(Kind::Visits),
        callbacks_present: registers.has(Kind::Callbacks),
        feedback_present: registers.has(Kind::Feedback),
        profiles: book.count(),
        next_month: month_words(first_of_next_month(as_of), text),
        year_start: Some(year_start),
        months: g.months.iter().map(|(s, _)| month_words(*s, text)).collect(),
        ..Section::default()
    };
    let mut year_by_group = vec![Decimal::ZERO; GROUPS.len()];
    for (i, record) in book.profiles() {
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
        section.attention = attention::attention(text, registers, g, as_of, spill);
        section.callbacks = callbacks::callback_status(text, g, section.callbacks_present);
        section.callbacks_missing = section.callbacks.iter().filter(|c| !c.ok).count();
        if section.visits_present {
            section.proposals = callbacks::proposal_rows(text, g);
        }
    }
    if section.visits_present {
        section.analyses = analysis::scopes(period)
            .into_iter()
            .map(|(scope, label, start, end)| analysis::analysis(text, g, scope, label, start, end))
            .collect();
    }
    section
}

mod analysis;
mod attention;
mod callbacks;
mod html;
#[cfg(test)]
mod tests;
mod texts;

pub use attention::{AttentionRow, AttentionText};
pub use html::html_blocks;
pub use texts::TEXTS;
