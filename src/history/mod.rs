//! The history across months (issue 25, SPEC 3 "History"): `clerk-history.sqlite` in the output
//! folder keeps each reported month's findings and the fingerprints of the records it read. It is
//! read before the rules (the records of closed months, for RC01/RC02; the previous month's
//! findings, for each finding's status) and written after the report, in one transaction.
//!
//! An output folder of earlier reports without a history starts it from their findings.json
//! (`bootstrap.rs`): findings only, so RC01/RC02 judge no record of those months.

pub mod bootstrap;
pub mod fingerprints;
pub mod lifecycle;
pub mod store;
mod texts;

pub use fingerprints::StoredRecord;
pub use lifecycle::{months_between, Previous};
pub use store::{History, MonthEntry, MonthRow, StoredFinding, FILE_NAME};
pub use texts::TEXTS;

use rustc_hash::FxHashMap;

use crate::month::{ClosedRecords, Coverage, Month, ReportedMonth};
use crate::registers::Kind;
use crate::rules::finding::{Finding, Status};

/// What the history tells a run of `period` before its rules: the months reported before it,
/// the previous one's open findings, and the records of closed months.
#[derive(Default)]
pub struct Before {
    /// Months before the period, oldest first (for the trend).
    pub earlier: Vec<MonthRow>,
    pub previous: Option<Previous>,
    pub closed: ClosedRecords,
    /// Months started from earlier reports' findings.json, written with the run's month.
    pub started: Vec<bootstrap::Started>,
}

impl History {
    /// What the history holds before `period` (`YYYY-MM`); a history without months starts from
    /// the findings.json of the earlier months' reports in `out` ([`bootstrap`]).
    pub fn before(&self, period: &str, out: &std::path::Path) -> Result<Before, String> {
        let months = self.months()?;
        if months.is_empty() {
            let started = bootstrap::from_reports(out, period);
            let earlier: Vec<MonthRow> = started.iter().map(|s| s.month.clone()).collect();
            let previous = started.last().map(|s| Previous {
                month: s.month.month.clone(),
                findings: s.findings.clone(),
            });
            let reported = earlier.iter().map(|m| ReportedMonth {
                month: m.month.clone(),
                kinds: Vec::new(),
            });
            return Ok(Before {
                closed: ClosedRecords::new(Vec::new(), reported.collect()),
                earlier,
                previous,
                started,
            });
        }
        let earlier: Vec<MonthRow> = months.into_iter().filter(|m| m.month.as_str() < period).collect();
        let previous = match earlier.last() {
            Some(m) => Some(Previous {
                month: m.month.clone(),
                findings: (self.findings(Some(&m.month), None)?.into_iter())
                    .filter(|f| matches!(f.status, Status::New | Status::CarriedOver))
                    .collect(),
            }),
            None => None,
        };
        let reported = earlier.iter().map(|m| ReportedMonth {
            month: m.month.clone(),
            kinds: m.kinds.clone(),
        });
        let fingerprints = self.closed_records(period)?;
        Ok(Before {
            closed: ClosedRecords::new(fingerprints, reported.collect()),
            earlier,
            previous,
            started: Vec::new(),
        })
    }
}

/// What the history keeps of a run, worked out after its rules (the month's records are gone by
/// the time the report is written).
pub struct After {
    /// Months before the period, oldest first (for the trend).
    pub earlier: Vec<MonthRow>,
    pub started: Vec<bootstrap::Started>,
    /// The previous reported month, if any.
    pub previous: Option<String>,
    /// The previous month's findings absent now, fixed or gone.
    pub closed: Vec<StoredFinding>,
    /// The fingerprints of the records that belong to the month.
    pub records: Vec<StoredRecord>,
    /// The register kinds read.
    pub kinds: Vec<Kind>,
}

impl Before {
    /// Gives each finding its status against the previous month and keeps the fingerprints of
    /// the month's records (its closed records taken out first: see [`Month::with_closed`]).
    pub fn after(self, month: &Month, findings: &mut [Finding]) -> After {
        let labels: Vec<(Kind, String, bool)> = Kind::ALL
            .iter()
            .flat_map(|&kind| {
                (month.records(kind)).map(move |(_, r, coverage)| (kind, r.label(), coverage != Coverage::Outside))
            })
            .collect();
        let mut present: FxHashMap<(&str, &str), bool> = FxHashMap::default();
        for (kind, label, checked) in &labels {
            *present.entry((kind.id(), label.as_str())).or_default() |= checked;
        }
        let closed = lifecycle::apply(findings, &month.period.label, self.previous.as_ref(), &present);
        // Kept: the records that belong to the month reported, the ones a later month's RC01 and
        // RC02 compare with (`History::closed_records`). The others are kept by the report of
        // their own month; fingerprinting every record read again every month would cost a
        // large month as much time as the rest of its run (BENCHMARKS.md).
        let label = &month.period.label;
        let records = (month.fingerprints().iter())
            .filter(|f| f.month == *label)
            .map(fingerprints::encode)
            .collect();
        After {
            earlier: self.earlier,
            started: self.started,
            previous: self.previous.map(|p| p.month),
            closed,
            records,
            kinds: Kind::ALL.into_iter().filter(|&k| month.has(k)).collect(),
        }
    }
}

impl After {
    /// The entries the run writes: the months started from earlier reports, and its own month
    /// (`row`: its findings by severity) with its findings and the previous month's closed ones.
    pub fn entries<'a>(&'a self, row: MonthRow, findings: &'a [StoredFinding]) -> Vec<MonthEntry<'a>> {
        let mut entries: Vec<MonthEntry> = (self.started.iter())
            .map(|s| MonthEntry {
                month: s.month.clone(),
                findings: &s.findings,
                records: &[],
            })
            .collect();
        entries.push(MonthEntry {
            month: MonthRow {
                kinds: self.kinds.clone(),
                ..row
            },
            findings,
            records: &self.records,
        });
        entries
    }
}
