//! Where each contract and amendment the period covers stands at as-of (procedure Part 1, 5.2):
//! whether and when it was reviewed, the review the authority table requires and how the one
//! recorded compares, each amendment's re-review and notice, and whether its contract is known.
//! CR01–CR07 turn these standings into findings; the Contract reviews sheet shows and counts them.

use std::borrow::Cow;

use chrono::NaiveDate;
use rustc_hash::FxHashSet;

use super::authority::{self, Actual, Facts, Required, Verdict};
use super::Month;
use crate::base::text::id_key;
use crate::registers::{amendments, contracts, AnyField, Kind, Record};

/// The standings of the period's contracts and amendments, each in register order.
#[derive(Debug, Default)]
pub struct Contracts {
    pub contracts: Vec<ContractStanding>,
    pub amendments: Vec<AmendmentStanding>,
}

/// A contract, bid or order the period covers.
#[derive(Clone, Debug)]
pub struct ContractStanding {
    /// Index of the record in the contracts register.
    pub record: usize,
    /// The register shows a review: a value, readable or not, in any review column. An order
    /// with none is CR01's alone; CR02 and CR03 have nothing to judge.
    pub reviewed: bool,
    pub timing: ReviewTiming,
    /// The review the authority table requires (one answer, or several when a value it depends
    /// on is blank or unreadable).
    pub required: Required,
    /// How the review recorded compares with it.
    pub verdict: Verdict,
}

/// When the review took place against the commitment (procedure 5.2.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReviewTiming {
    /// The review date could not be read (RG02 reports it).
    Unreadable,
    /// No review date; the commitment date when there is one.
    Missing { commitment: Option<NaiveDate> },
    /// Reviewed after the company committed.
    Late { review: NaiveDate, commitment: NaiveDate },
    /// Reviewed on or before the commitment, or reviewed with no commitment date to compare.
    InTime,
}

/// An amendment the period covers.
#[derive(Clone, Copy, Debug)]
pub struct AmendmentStanding {
    /// Index of the record in the amendments register.
    pub record: usize,
    pub rereview: Rereview,
    pub notice: Notice,
    /// Whether its contract number is in the contracts register; None when no contracts register
    /// was given or the amendment names no contract.
    pub contract_known: Option<bool>,
}

/// The amendment's re-review (procedure 5.2.5.2 c).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rereview {
    /// The re-review date could not be read (RG02 reports it).
    Unreadable,
    Missing,
    /// Re-reviewed before the amendment it reviews.
    Before {
        rereview: NaiveDate,
        amendment: NaiveDate,
    },
    Done,
}

/// The amendment notice (procedure 5.2.5.3, record 6.5).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Notice {
    /// A notice number is recorded.
    pub number: bool,
    pub date: Option<NaiveDate>,
    /// The notice date could not be read (RG02 reports it).
    pub date_unreadable: bool,
    /// Days from the re-review to the notice, when both dates are known.
    pub delay: Option<i64>,
    /// More than `contracts.notice_days` days after the re-review.
    pub late: bool,
}

/// Fields that show a review took place.
const REVIEW_FIELDS: [AnyField; 6] = [
    contracts::REVIEW_METHOD.any(),
    contracts::REVIEWER.any(),
    contracts::REVIEW_DATE.any(),
    contracts::APPROVER.any(),
    contracts::APPROVER_ROLE.any(),
    contracts::APPROVAL_DATE.any(),
];

/// Contracts are worked out in chunks of this many on every core (a decade of contracts covers a
/// hundred thousand in a month).
const CHUNK: usize = 1024;

impl Contracts {
    pub fn of(month: &Month) -> Contracts {
        let covered: Vec<(usize, &Record)> = month.covered(Kind::Contracts).collect();
        let chunks: Vec<&[(usize, &Record)]> = covered.chunks(CHUNK).collect();
        let done = crate::base::parallel::in_parallel(&chunks, |chunk| {
            chunk
                .iter()
                .map(|&(i, record)| contract(month, i, record))
                .collect::<Vec<_>>()
        });
        let known = known_contracts(month);
        let amendments = month
            .covered(Kind::Amendments)
            .map(|(i, record)| amendment(month, known.as_ref(), i, record))
            .collect();
        Contracts {
            contracts: done.into_iter().flatten().collect(),
            amendments,
        }
    }
}

fn contract(month: &Month, i: usize, record: &Record) -> ContractStanding {
    let settings = &month.settings.contracts;
    let facts = Facts::of(month.registers, settings, record);
    let required = authority::required(settings, &facts);
    let actual = Actual::of(month.registers, settings, record);
    let verdict = authority::verdict(&required, &actual);
    ContractStanding {
        record: i,
        reviewed: REVIEW_FIELDS.iter().any(|f| record.has(*f) || record.is_unreadable(*f)),
        timing: timing(record),
        required,
        verdict,
    }
}

fn timing(record: &Record) -> ReviewTiming {
    if record.is_unreadable(contracts::REVIEW_DATE) {
        return ReviewTiming::Unreadable;
    }
    let commitment = record.day(contracts::COMMITMENT_DATE);
    match (record.day(contracts::REVIEW_DATE), commitment) {
        (None, commitment) => ReviewTiming::Missing { commitment },
        (Some(review), Some(commitment)) if review > commitment => ReviewTiming::Late { review, commitment },
        _ => ReviewTiming::InTime,
    }
}

/// The contract numbers the month's amendments name that the contracts register holds (in any
/// file, sheet or month), compared as RG03 compares ids; None without a contracts register.
/// Only the amendments' numbers are held, not every contract's: a million contracts' numbers
/// made a set of 79 MB at the month's highest memory.
fn known_contracts<'a>(month: &Month<'a>) -> Option<FxHashSet<Cow<'a, str>>> {
    month.has(Kind::Contracts).then(|| {
        let named: FxHashSet<Cow<str>> = month
            .covered(Kind::Amendments)
            .filter_map(|(_, r)| r.text(amendments::CONTRACT_ID))
            .map(id_key)
            .collect();
        if named.is_empty() {
            return named;
        }
        month
            .register(Kind::Contracts)
            .iter()
            .filter_map(|r| r.text(contracts::ID))
            .map(id_key)
            .filter(|id| named.contains(id))
            .collect()
    })
}

fn amendment(month: &Month, known: Option<&FxHashSet<Cow<str>>>, i: usize, record: &Record) -> AmendmentStanding {
    let amended = record.day(amendments::AMENDMENT_DATE);
    let rereviewed = record.day(amendments::REREVIEW_DATE);
    let rereview = match (rereviewed, amended) {
        (None, _) if record.is_unreadable(amendments::REREVIEW_DATE) => Rereview::Unreadable,
        (None, _) => Rereview::Missing,
        (Some(r), Some(a)) if r < a => Rereview::Before {
            rereview: r,
            amendment: a,
        },
        _ => Rereview::Done,
    };
    let date = record.day(amendments::NOTICE_DATE);
    let delay = date.zip(rereviewed).map(|(n, r)| (n - r).num_days());
    let notice = Notice {
        number: record.has(amendments::NOTICE_NO),
        date,
        date_unreadable: record.is_unreadable(amendments::NOTICE_DATE),
        delay,
        late: delay.is_some_and(|d| d > i64::from(month.settings.contracts.notice_days)),
    };
    let contract_known = known
        .zip(record.text(amendments::CONTRACT_ID))
        .map(|(ids, id)| ids.contains(&id_key(id)));
    AmendmentStanding {
        record: i,
        rereview,
        notice,
        contract_known,
    }
}
