//! The history across months (issue 25, SPEC 3 "History"): `clerk-history.sqlite` in the output
//! folder keeps each reported month's findings and the fingerprints of the records it read. It is
//! read before the rules (the records of closed months, for RC01/RC02; the previous month's
//! findings, for each finding's status) and written after the report, in one transaction.
//!
//! An output folder of earlier reports without a history starts it from their findings.json
//! (`bootstrap.rs`): findings only, so RC01/RC02 judge no record of those months.

pub mod bootstrap;
pub mod chunks;
pub mod findings;
pub mod lifecycle;
mod schema;
pub mod store;
mod texts;

pub use chunks::Chunk;
pub use findings::{Entry, EntryMessage, Filter, Findings, StoredFinding};
pub use lifecycle::{months_between, Previous};
pub use store::{History, MonthEntry, MonthRow, FILE_NAME};
pub use texts::TEXTS;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::base::spill::Spill;
use crate::month::{ClosedRecords, Coverage, Month, ReportedMonth};
use crate::registers::Kind;
use crate::rules::finding::{Finding, Status};
use chunks::Sealing;

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
    /// The chunks of fingerprints the history holds already (not compressed again).
    pub known: FxHashSet<i64>,
    /// Where the run's chunks wait for the history to be written: a file beside it.
    pub spill: Spill,
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
                closed: ClosedRecords::of_months(reported.collect()),
                earlier,
                previous,
                started,
                known: FxHashSet::default(),
                spill: Spill::beside(out),
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
        Ok(Before {
            closed: self.closed_records(period, reported.collect())?,
            earlier,
            previous,
            started: Vec::new(),
            known: self.chunk_ids()?,
            spill: Spill::beside(out),
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
    /// The fingerprints of every record read, in chunks, their bytes in `spill`.
    pub chunks: Vec<Chunk>,
    pub spill: Spill,
    /// (file, sheet) of each chunk's `source`.
    pub sources: Vec<(String, String)>,
    /// The register kinds read.
    pub kinds: Vec<Kind>,
    /// The report's findings' messages as data, encoded as the history keeps them
    /// ([`findings::encode_message`]), one piece a finding in the findings' order, compressed (the
    /// report holds them said in its language; as data they were a large month's 35 MB).
    pub messages: crate::base::sealed::Sealed,
}

impl Before {
    /// Gives each finding its status against the previous month; returns the previous month's
    /// findings absent now, fixed or gone.
    pub fn statuses(&self, month: &Month, findings: &mut [Finding]) -> Vec<StoredFinding> {
        let present = present(month, self.previous.as_ref());
        lifecycle::apply(findings, &month.period.label, self.previous.as_ref(), &present)
    }

    /// What the run's [`fingerprints`] need: the chunks the history holds, and where to put
    /// away the others (taken out of `self`).
    pub fn for_prints(&mut self) -> (FxHashSet<i64>, Spill) {
        (std::mem::take(&mut self.known), std::mem::take(&mut self.spill))
    }

    /// What the history keeps of the run: `closed` from [`Before::statuses`], `chunks` from
    /// [`fingerprints`], their bytes in `spill`.
    pub fn after(self, month: &Month, closed: Vec<StoredFinding>, (chunks, spill): (Vec<Chunk>, Spill)) -> After {
        let sources = (month.registers.sources.iter())
            .map(|s| (s.file.clone(), s.sheet.clone()))
            .collect();
        After {
            earlier: self.earlier,
            started: self.started,
            previous: self.previous.map(|p| p.month),
            closed,
            chunks,
            spill,
            sources,
            kinds: Kind::ALL.into_iter().filter(|&k| month.has(k)).collect(),
            messages: Default::default(),
        }
    }
}

/// The fingerprints of every record read in chunks, those not `known` to the history compressed
/// and put away in `spill` (handed back with them). Where RC01 and RC02 compare records of closed
/// months, the fingerprints they work out ([`Month::prints`]) are chunked; where they compare
/// none, each fingerprint is written into its chunk as it is made ([`chunks::stream`]: no buffer
/// of them all first). A run makes them on a thread of its own while its rules run and its report
/// is built, which leave a core idle half the time (BENCHMARKS.md).
pub fn fingerprints(month: &Month, (known, spill): (FxHashSet<i64>, Spill)) -> (Vec<Chunk>, Spill) {
    let _t = crate::base::timing::Phase::start("history fingerprints");
    let sealing = Sealing {
        known: &known,
        spill: &spill,
    };
    let chunks = match month.closed.has_records() {
        false => chunks::stream(month, sealing),
        true => (crate::base::parallel::in_parallel(&Kind::ALL, |&kind| {
            chunks::chunks(kind, month.prints().of(kind), sealing)
        }))
        .into_iter()
        .flatten()
        .collect(),
    };
    (chunks, spill)
}

/// Of the records the previous month's findings name, (register, record id) of each read now,
/// and whether this period's rules checked it again (the period covers it): see
/// [`lifecycle::apply`].
fn present<'p>(month: &Month, previous: Option<&'p Previous>) -> FxHashMap<(&'p str, &'p str), bool> {
    let mut present = FxHashMap::default();
    let Some(previous) = previous else {
        return present;
    };
    let named = |kind: Kind| -> FxHashSet<&'p str> {
        (previous.findings.iter())
            .filter(|f| f.register == kind.id())
            .map(|f| f.record.as_str())
            .collect()
    };
    let kinds: Vec<(Kind, FxHashSet<&'p str>)> = (Kind::ALL.into_iter())
        .map(|kind| (kind, named(kind)))
        .filter(|(_, named)| !named.is_empty())
        .collect();
    let found = crate::base::parallel::in_parallel(&kinds, |(kind, named)| {
        let (mut found, mut label) = (Vec::new(), String::new());
        for (_, record, coverage) in month.records(*kind) {
            label.clear();
            record.label_into(&mut label);
            if let Some(&record) = named.get(label.as_str()) {
                found.push(((kind.id(), record), coverage != Coverage::Outside));
            }
        }
        found
    });
    for (key, checked) in found.into_iter().flatten() {
        *present.entry(key).or_default() |= checked;
    }
    present
}

impl After {
    /// The entries the run writes: the months started from earlier reports, and its own month
    /// (`row`: its findings by severity) with its `findings` (the report's, with [`After::messages`])
    /// and the previous month's closed ones; `period`: the month's label.
    pub fn entries<'a>(&'a self, row: MonthRow, findings: &'a [Finding], period: &'a str) -> Vec<MonthEntry<'a>> {
        let mut entries: Vec<MonthEntry> = (self.started.iter())
            .map(|s| MonthEntry {
                month: s.month.clone(),
                findings: Findings::Stored(&s.findings),
                chunks: &[],
                spill: &self.spill,
                sources: &[],
            })
            .collect();
        let findings = Findings::Run {
            findings,
            period,
            messages: &self.messages,
            closed: &self.closed,
        };
        entries.push(MonthEntry {
            month: MonthRow {
                kinds: self.kinds.clone(),
                ..row
            },
            findings,
            chunks: &self.chunks,
            spill: &self.spill,
            sources: &self.sources,
        });
        entries
    }
}
