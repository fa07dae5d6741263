//! The lifecycle of a finding (issue 25): compared with the previous reported month, each finding
//! is new or carried over (since the month it was first reported); each of that month's findings
//! absent now is fixed (its record still read) or gone (its record in no register).

use rustc_hash::{FxHashMap, FxHashSet};

use super::findings::StoredFinding;
use crate::rules::finding::{Finding, Since, Status};

/// The same finding, month to month: rule, register, record and field.
type Key<'a> = (&'a str, &'a str, &'a str, &'a str);

fn key_of(f: &Finding) -> Key<'_> {
    (f.rule, f.register.id(), &f.record, &f.field)
}

fn stored_key(f: &StoredFinding) -> Key<'_> {
    (&f.rule, &f.register, &f.record, &f.field)
}

/// The previous reported month and its open findings (new or carried over then).
#[derive(Clone, Debug, Default)]
pub struct Previous {
    pub month: String,
    pub findings: Vec<StoredFinding>,
}

/// Gives each of this month's `findings` its status against `previous` (none: every finding is
/// new), and returns the previous month's findings absent now, each fixed or gone. `present`
/// holds every record read (register id, record id), and whether this period's rules checked it
/// again (the period covers it). A finding whose record is gone is gone; one whose record was
/// checked again and no longer has it is fixed; one whose record this period does not cover (an
/// order of last month) was not looked at again and is neither: it stays with its month. A
/// finding given twice (two rows of one record) is listed once.
pub fn apply(
    findings: &mut [Finding],
    period: &str,
    previous: Option<&Previous>,
    present: &FxHashMap<(&str, &str), bool>,
) -> Vec<StoredFinding> {
    let before: FxHashMap<Key, &StoredFinding> = previous
        .map(|p| p.findings.iter().map(|f| (stored_key(f), f)).collect())
        .unwrap_or_default();
    for f in findings.iter_mut() {
        let since = match before.get(&key_of(f)) {
            Some(old) => Since {
                status: Status::CarriedOver,
                first_reported: old.first_reported.clone(),
            },
            None => Since {
                status: Status::New,
                first_reported: period.to_string(),
            },
        };
        f.since = Some(since);
    }
    let Some(previous) = previous else {
        return Vec::new();
    };
    let now: FxHashSet<Key> = findings.iter().map(key_of).collect();
    let mut listed = FxHashSet::default();
    let mut closed = Vec::new();
    for old in &previous.findings {
        let key = stored_key(old);
        if now.contains(&key) || !listed.insert(key) {
            continue;
        }
        let status = match present.get(&(old.register.as_str(), old.record.as_str())) {
            _ if old.record.is_empty() => Status::Fixed,
            None => Status::Gone,
            Some(true) => Status::Fixed,
            Some(false) => continue,
        };
        closed.push(StoredFinding {
            month: period.to_string(),
            status,
            ..old.clone()
        });
    }
    closed
}

/// Whole months from `from` to `to` (`YYYY-MM`), 0 when either cannot be read.
pub fn months_between(from: &str, to: &str) -> u32 {
    let index = |label: &str| -> Option<i32> {
        let (y, m) = label.split_once('-')?;
        Some(y.parse::<i32>().ok()? * 12 + m.parse::<i32>().ok()?)
    };
    match (index(from), index(to)) {
        (Some(a), Some(b)) if b > a => (b - a) as u32,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::findings::{Entry, EntryMessage};
    use crate::registers::{Kind, Layout, Location};
    use crate::rules::finding::Severity;

    fn finding(rule: &'static str, record: &str, field: &str) -> Finding {
        Finding {
            rule,
            severity: Severity::Error,
            register: Kind::Contracts,
            record: record.into(),
            location: Location {
                file: "c.xlsx".into(),
                sheet: "2026".into(),
                layout: Layout::Grid,
                row: 5,
                column: Some(2),
            },
            field: field.into(),
            message: "m".into(),
            clause: "1",
            since: None,
        }
    }

    #[test]
    fn each_finding_is_new_carried_over_fixed_or_gone() {
        let old = |rule: &'static str, record: &str, first: &str| {
            let f = finding(rule, record, "amount");
            StoredFinding {
                first_reported: first.into(),
                ..Entry::of(&f, EntryMessage::Data(&f.message), "2026-09").stored("2026-09")
            }
        };
        let previous = Previous {
            month: "2026-09".into(),
            findings: vec![
                old("CR01", "HT-1", "2026-07"),
                old("CR01", "HT-2", "2026-09"),
                old("CR01", "HT-3", "2026-08"),
                old("CR01", "HT-3", "2026-08"),
                old("CR01", "HT-5", "2026-09"),
            ],
        };
        let mut now = vec![finding("CR01", "HT-1", "amount"), finding("CR01", "HT-4", "amount")];
        // HT-5 is read but not covered by October: its finding was not checked again.
        let present: FxHashMap<(&str, &str), bool> = [
            (("contracts", "HT-1"), true),
            (("contracts", "HT-2"), true),
            (("contracts", "HT-5"), false),
        ]
        .into_iter()
        .collect();
        let closed = apply(&mut now, "2026-10", Some(&previous), &present);
        let since: Vec<_> = now.iter().map(|f| f.since.clone().unwrap()).collect();
        assert_eq!(
            since[0],
            Since {
                status: Status::CarriedOver,
                first_reported: "2026-07".into()
            }
        );
        assert_eq!(
            since[1],
            Since {
                status: Status::New,
                first_reported: "2026-10".into()
            }
        );
        let closed: Vec<_> = closed
            .iter()
            .map(|f| (f.record.as_str(), f.status, f.month.as_str()))
            .collect();
        assert_eq!(
            closed,
            [("HT-2", Status::Fixed, "2026-10"), ("HT-3", Status::Gone, "2026-10")]
        );
        assert_eq!(months_between("2026-07", "2026-10"), 3);
        assert_eq!(months_between("2025-12", "2026-01"), 1);
    }
}
