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

pub use lifecycle::{months_between, Previous};
pub use store::{History, MonthEntry, MonthRow, StoredFinding, StoredRecord, FILE_NAME};
pub use texts::TEXTS;

use crate::month::{ClosedRecords, ReportedMonth};
use crate::rules::finding::Status;

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
