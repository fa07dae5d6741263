//! The guests as the month stands (procedure Part 2): the guest book, every visit matched to its
//! profile, each guest's call-backs and spend over the 12 months to as-of, the class proposals
//! that spend makes, incomplete profiles, and new A-class guests with the months they still lack
//! a call-back. GH01, GH02, GH04 turn these into findings; the Guests sheet shows and counts them.

mod book;
mod calendar;
mod spend;

pub use book::{GuestBook, Match, Reference, Resolver};
pub use calendar::{has_date_between, occurrence_in, report_months, ProfileGap};
pub use spend::{
    class_rank, recorded_class, spend_class, strangers_between, totals_between, window_start, Proposal, Totals,
    VisitEntry,
};

use chrono::NaiveDate;

use super::Period;
use crate::registers::{Kind, Registers};
use crate::settings::GuestSettings;

/// The guests as the month stands.
pub struct Guests<'a> {
    pub book: GuestBook<'a>,
    /// Every visit whose date and spend could be read, with its profile, in register order.
    pub visits: Vec<VisitEntry>,
    /// Dates of each guest's call-backs (indexed like the guest register), sorted.
    pub calls: Vec<Vec<NaiveDate>>,
    /// The calendar months of the report period, as (first day, last day).
    pub months: Vec<(NaiveDate, NaiveDate)>,
    /// First day of the 12 months to as-of.
    pub year_start: NaiveDate,
    /// Spend of each guest over those 12 months (indexed like the guest register).
    pub year: Vec<Totals>,
    /// Spend of the visits matched to no profile over those 12 months.
    pub year_unmatched: Totals,
    /// The class each guest's spend over those 12 months earns (indexed like the guest register).
    pub earned: Vec<&'static str>,
    /// Guests whose year's spend earns another class than the recorded one; none without a
    /// visits register (no spend is known).
    pub proposals: Vec<Proposal>,
    /// For each guest (indexed like the guest register), the fields its class requires that are
    /// blank.
    pub gaps: Vec<Option<ProfileGap>>,
    /// For each guest, the date it was developed when it is a new A-class guest at as-of.
    pub new_at_as_of: Vec<Option<NaiveDate>>,
    /// The A-class guests new in a month of the period, with those months and the ones without a
    /// call-back.
    pub new_a: Vec<NewGuest>,
}

/// An A-class guest that is new in at least one month of the period (procedure Part 2 四.2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewGuest {
    pub guest: usize,
    /// The months it is new in, as (first day, last day), with the developed date.
    pub due: Vec<(NaiveDate, NaiveDate, NaiveDate)>,
    /// The first days of the months among them without a call-back.
    pub missing: Vec<NaiveDate>,
}

impl<'a> Guests<'a> {
    /// No guests: the month before its standings are worked out.
    pub fn empty() -> Guests<'a> {
        Guests {
            book: GuestBook::empty(),
            visits: Vec::new(),
            calls: Vec::new(),
            months: Vec::new(),
            year_start: NaiveDate::MIN,
            year: Vec::new(),
            year_unmatched: Totals::default(),
            earned: Vec::new(),
            proposals: Vec::new(),
            gaps: Vec::new(),
            new_at_as_of: Vec::new(),
            new_a: Vec::new(),
        }
    }

    pub fn of(registers: &'a Registers, period: &Period, settings: &GuestSettings) -> Guests<'a> {
        let as_of = period.as_of;
        let book = GuestBook::new(registers, period);
        let visits = spend::visit_entries(registers, &book);
        let calls = calendar::callback_dates(registers, &book);
        let months = report_months(period);
        let year_start = window_start(as_of, 12);
        let (year, year_unmatched) = totals_between(&visits, book.len(), year_start, as_of);
        let earned: Vec<&'static str> = year.iter().map(|t| spend_class(t.spend, settings)).collect();
        let proposals = match registers.has(Kind::Visits) {
            true => spend::proposals(&book, &year, &earned),
            false => Vec::new(),
        };
        let gaps = (book.records.iter().enumerate())
            .map(|(i, r)| calendar::missing_fields(r, settings).filter(|_| book.exists(i)))
            .collect();
        let new_at_as_of = book
            .records
            .iter()
            .map(|r| calendar::new_a_class(r, as_of, settings.new_months))
            .collect();
        let new_a = new_guests(&book, &calls, &months, settings.new_months);
        Guests {
            book,
            visits,
            calls,
            months,
            year_start,
            year,
            year_unmatched,
            earned,
            proposals,
            gaps,
            new_at_as_of,
            new_a,
        }
    }
}

fn new_guests(
    book: &GuestBook,
    calls: &[Vec<NaiveDate>],
    months: &[(NaiveDate, NaiveDate)],
    new_months: u32,
) -> Vec<NewGuest> {
    let mut out = Vec::new();
    for (guest, record) in book.records.iter().enumerate() {
        let due: Vec<(NaiveDate, NaiveDate, NaiveDate)> = months
            .iter()
            .filter_map(|&(start, end)| calendar::new_a_class(record, end, new_months).map(|d| (start, end, d)))
            .collect();
        if due.is_empty() {
            continue;
        }
        let missing = due
            .iter()
            .filter(|(start, end, _)| !has_date_between(&calls[guest], *start, *end))
            .map(|(start, _, _)| *start)
            .collect();
        out.push(NewGuest { guest, due, missing });
    }
    out
}
