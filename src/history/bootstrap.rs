//! Starting a history from the reports already in the output folder (`<out>/YYYY-MM/findings.json`,
//! written by clerk before it kept a history), so the lifecycle works from the first run that
//! keeps one. Those months give their findings only — no fingerprints, so RC01/RC02 cannot judge
//! their records — and each finding's status is worked out month after month from them (new or
//! carried over; without the records read, the findings that went are not told fixed from gone).
//! A findings.json that cannot be read is passed over, as the trend always did.

use std::path::Path;

use rustc_hash::FxHashMap;

use super::findings::StoredFinding;
use super::store::MonthRow;
use crate::base::message::Message;
use crate::rules::finding::{Severity, Status};

/// A month started from its findings.json.
#[derive(Clone, Debug)]
pub struct Started {
    pub month: MonthRow,
    pub findings: Vec<StoredFinding>,
}

/// The months of `out` other than `period` with a readable findings.json, oldest first.
pub fn from_reports(out: &Path, period: &str) -> Vec<Started> {
    let Ok(entries) = std::fs::read_dir(out) else {
        return Vec::new();
    };
    let mut months: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|m| is_month(m) && m != period)
        .collect();
    months.sort();
    let mut first: FxHashMap<(String, String, String, String), String> = FxHashMap::default();
    let mut started = Vec::new();
    for month in months {
        let Some(mut findings) = read(&out.join(&month).join("findings.json"), &month) else {
            continue;
        };
        let mut now = FxHashMap::default();
        for f in &mut findings {
            let key = (f.rule.clone(), f.register.clone(), f.record.clone(), f.field.clone());
            if let Some(since) = first.get(&key) {
                f.first_reported = since.clone();
                f.status = Status::CarriedOver;
            }
            now.insert(key, f.first_reported.clone());
        }
        first = now;
        let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
        started.push(Started {
            month: MonthRow {
                month: month.clone(),
                origin: "findings.json".into(),
                errors: count(Severity::Error),
                warnings: count(Severity::Warning),
                infos: count(Severity::Info),
                kinds: Vec::new(),
            },
            findings,
        });
    }
    started
}

fn is_month(label: &str) -> bool {
    let b = label.as_bytes();
    b.len() == 7 && b[4] == b'-' && b.iter().enumerate().all(|(i, c)| i == 4 || c.is_ascii_digit())
}

/// A month's findings from its findings.json (SPEC 6), each new in that month until compared.
fn read(path: &Path, month: &str) -> Option<Vec<StoredFinding>> {
    let text = std::fs::read_to_string(path).ok()?;
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    let s = |f: &serde_json::Value, k: &str| f[k].as_str().unwrap_or_default().to_string();
    let findings = json["findings"].as_array()?;
    Some(
        findings
            .iter()
            .map(|f| StoredFinding {
                month: month.to_string(),
                rule: s(f, "rule"),
                register: s(f, "register"),
                record: s(f, "record"),
                field: s(f, "field"),
                severity: Severity::parse(f["severity"].as_str().unwrap_or_default()).unwrap_or(Severity::Info),
                file: s(f, "file"),
                sheet: s(f, "sheet"),
                row: f["row"].as_u64().unwrap_or(0) as u32,
                column: s(f, "column"),
                message: Message::text(s(f, "message")),
                first_reported: month.to_string(),
                status: Status::New,
            })
            .collect(),
    )
}
