//! Every rule's behaviour, one fixture folder each (`tests/rules/<ID>/`), in the manner of ruff's
//! rule fixtures: a small inbox with rows that must fire and look-alike rows that must not, and the
//! expected findings of that rule as a snapshot a reviewer reads in a diff.
//!
//! A folder holds:
//! - `inbox/`: the registers (CSV where it can be, xlsx where a case needs real Excel cells), and a
//!   `clerk.toml` when the case needs settings other than the defaults;
//! - `fixture.toml`: `month = "2026-10"` (the report month) and `quiet = ["file:row", …]`, the
//!   look-alike rows that must give no finding of the rule (a row as clerk names it: the sheet row,
//!   or the CSV line);
//! - `expected.txt`: the rule's findings, one a line, as `clerk check --format json` gives them;
//! - for the rules that compare with the history (RC01, RC02), `reported/YYYY-MM/`: the inbox as
//!   the report of that month read it. The harness fingerprints each such month as the history does
//!   and runs the report month in this process with those records as the closed months'
//!   ([`clerk::month::ClosedRecords`]), the findings in the shape of findings.json.
//!
//! `UPDATE_SNAPSHOTS=1 cargo test --test rule_fixtures` rewrites every `expected.txt` from what
//! clerk finds now: for a change of behaviour made on purpose, read in the diff.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/rules")
}

/// The rule ids of the registry, as `clerk rules` lists them.
fn registry() -> Vec<String> {
    let out = Command::new(env!("CARGO_BIN_EXE_clerk"))
        .args(["rules", "--lang", "en"])
        .output()
        .expect("run clerk rules");
    assert!(out.status.success(), "clerk rules failed");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .map(String::from)
        .collect()
}

fn folders() -> Vec<String> {
    let mut ids: Vec<String> = std::fs::read_dir(fixtures())
        .map(|dir| {
            dir.filter_map(Result::ok)
                .filter(|e| e.path().is_dir())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    ids.sort();
    ids
}

struct Fixture {
    id: String,
    dir: PathBuf,
    month: String,
    quiet: Vec<(String, u32)>,
    /// The months of `reported/`, in order, each with its folder.
    reported: Vec<(String, PathBuf)>,
}

impl Fixture {
    fn load(id: &str) -> Fixture {
        let dir = fixtures().join(id);
        let path = dir.join("fixture.toml");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let table: toml::Table = toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let month = table
            .get("month")
            .and_then(|m| m.as_str())
            .unwrap_or_else(|| panic!("{}: no month", path.display()))
            .to_string();
        let quiet = table
            .get("quiet")
            .and_then(|q| q.as_array())
            .unwrap_or_else(|| panic!("{}: no quiet rows", path.display()))
            .iter()
            .map(|row| {
                let row = row.as_str().unwrap_or_default();
                let (file, line) = row
                    .rsplit_once(':')
                    .unwrap_or_else(|| panic!("{}: `{row}` is not file:row", path.display()));
                let line = line
                    .parse()
                    .unwrap_or_else(|_| panic!("{}: `{row}` is not file:row", path.display()));
                (file.to_string(), line)
            })
            .collect();
        let mut reported: Vec<(String, PathBuf)> = std::fs::read_dir(dir.join("reported"))
            .map(|d| {
                d.filter_map(Result::ok)
                    .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
                    .collect()
            })
            .unwrap_or_default();
        reported.sort();
        Fixture {
            id: id.to_string(),
            dir,
            month,
            quiet,
            reported,
        }
    }

    /// `clerk check` on the fixture's inbox, as JSON; after the months of `reported/`, when it has
    /// them.
    fn check(&self) -> serde_json::Value {
        if !self.reported.is_empty() {
            return history::check_after(&self.dir.join("inbox"), &self.month, &self.reported);
        }
        let inbox = self.dir.join("inbox");
        let out = Command::new(env!("CARGO_BIN_EXE_clerk"))
            .current_dir(&self.dir)
            .args([
                "check",
                "inbox",
                "--month",
                &self.month,
                "--format",
                "json",
                "--fail-on",
                "never",
            ])
            .args(["--lang", "en"])
            .output()
            .expect("run clerk check");
        assert!(
            out.status.success(),
            "{}: clerk check {} failed: {}",
            self.id,
            inbox.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{}: not JSON: {e}", self.id))
    }
}

/// The findings of one rule, a line each: where, how severe, which record, the field, the message.
fn lines_of(json: &serde_json::Value, rule: &str) -> Vec<String> {
    let text = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_string();
    json["findings"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .filter(|f| f["rule"] == rule)
        .map(|f| {
            format!(
                "{} › {} › row {} column {} | {} | {} | {} | {}",
                text(&f["file"]),
                text(&f["sheet"]),
                f["row"],
                text(&f["column"]),
                text(&f["severity"]),
                text(&f["record"]),
                text(&f["field"]),
                text(&f["message"]),
            )
        })
        .collect()
}

/// Each rule's findings on its fixture are its snapshot, and none is on a look-alike row.
#[test]
fn every_rule_finds_what_its_fixture_expects_and_nothing_on_the_look_alikes() {
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| !v.is_empty());
    let mut failures = Vec::new();
    for id in folders() {
        let fixture = Fixture::load(&id);
        let json = fixture.check();
        let found = lines_of(&json, &id);
        let snapshot = fixture.dir.join("expected.txt");
        let mut got = found.join("\n");
        got.push('\n');
        if update {
            std::fs::write(&snapshot, &got).unwrap();
        } else {
            let want = std::fs::read_to_string(&snapshot).unwrap_or_default();
            if want != got {
                failures.push(format!(
                    "{id}: findings differ from {}\n--- expected\n{want}--- found\n{got}",
                    snapshot.display()
                ));
            }
        }
        for (file, row) in &fixture.quiet {
            let fired = json["findings"]
                .as_array()
                .map(Vec::as_slice)
                .unwrap_or_default()
                .iter()
                .any(|f| f["rule"] == id.as_str() && f["file"] == file.as_str() && f["row"] == *row);
            if fired {
                failures.push(format!("{id}: the look-alike row {file}:{row} fired"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The registry and the fixture folders name the same rules; every fixture has rows that fire, and
/// look-alike rows that are records of its inbox.
#[test]
fn every_rule_of_the_registry_has_a_fixture_and_every_fixture_a_rule() {
    let registry: BTreeSet<String> = registry().into_iter().collect();
    let folders: BTreeSet<String> = folders().into_iter().collect();
    assert!(registry.len() >= 23, "clerk rules listed {registry:?}");
    let without: Vec<&String> = registry.difference(&folders).collect();
    let unknown: Vec<&String> = folders.difference(&registry).collect();
    assert!(
        without.is_empty(),
        "rules without a fixture folder in tests/rules: {without:?}"
    );
    assert!(unknown.is_empty(), "fixture folders of no rule: {unknown:?}");
    for id in &folders {
        let fixture = Fixture::load(id);
        let expected = std::fs::read_to_string(fixture.dir.join("expected.txt")).unwrap_or_default();
        assert!(
            expected.lines().any(|l| !l.trim().is_empty()),
            "{id}: expected.txt has no finding: a fixture needs rows that fire"
        );
        assert!(
            !fixture.quiet.is_empty(),
            "{id}: fixture.toml names no look-alike row (quiet)"
        );
        let inputs = &fixture.check()["inputs"];
        for (file, row) in &fixture.quiet {
            let read = inputs
                .as_array()
                .map(Vec::as_slice)
                .unwrap_or_default()
                .iter()
                .any(|i| i["file"] == file.as_str() && i["header_row"].as_u64().is_some_and(|h| h < u64::from(*row)));
            assert!(
                read,
                "{id}: the look-alike row {file}:{row} is not below the header of a sheet clerk read"
            );
        }
    }
}

/// A run after months already reported, in this process: what `clerk run` does with its history.
mod history {
    use std::path::{Path, PathBuf};

    use clerk::base::i18n::Lang;
    use clerk::commands::pipeline::{load, Reading};
    use clerk::month::{ClosedRecords, Month, Period, ReportedMonth};
    use clerk::registers::Registers;
    use clerk::rules::{check_all, Context};
    use clerk::settings::Settings;

    fn read(inbox: &Path) -> Registers {
        assert!(
            !inbox.join("clerk.toml").exists(),
            "{}: settings are not read here",
            inbox.display()
        );
        let progress = indicatif::ProgressBar::hidden();
        let reading = Reading {
            exclude: None,
            progress: &progress,
            keep_rows: false,
            reader_exe: None,
            history: None,
        };
        let text = clerk::commands::texts::catalogue(Lang::En);
        let spill = std::sync::Arc::new(clerk::base::spill::Spill::in_memory());
        load(inbox, &Settings::default(), &reading, &text, &spill)
    }

    /// The records of the months reported, as the history hands them in: every record's
    /// fingerprint as the latest report read it.
    fn closed(reported: &[(String, PathBuf)]) -> ClosedRecords {
        let settings = Settings::default();
        let (mut prints, mut months) = (Vec::new(), Vec::new());
        for (month, dir) in reported {
            let registers = read(dir);
            let period = Period::parse(month).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
            prints.extend(Month::new(&registers, &period, &settings).fingerprints());
            let kinds = registers.sources.iter().map(|s| s.kind).collect();
            months.push(ReportedMonth {
                month: month.clone(),
                kinds,
            });
        }
        ClosedRecords::new(prints, months)
    }

    /// The findings of `month` in `inbox` after the months reported, as findings.json names them.
    pub fn check_after(inbox: &Path, month: &str, reported: &[(String, PathBuf)]) -> serde_json::Value {
        let settings = Settings::default();
        let registers = read(inbox);
        let period = Period::parse(month).unwrap();
        let month = Month::new(&registers, &period, &settings).with_closed(closed(reported));
        let text = clerk::commands::texts::catalogue(Lang::En);
        let findings = check_all(&Context::new(&month, text));
        let findings: Vec<serde_json::Value> = findings
            .iter()
            .map(|f| {
                serde_json::json!({
                    "rule": f.rule,
                    "severity": f.severity.id(),
                    "register": f.register.id(),
                    "record": f.record,
                    "file": f.location.file,
                    "sheet": f.location.sheet,
                    "row": f.location.row,
                    "column": f.location.column_name(),
                    "field": f.field,
                    "message": text.render(&f.message),
                })
            })
            .collect();
        let inputs: Vec<serde_json::Value> = (registers.sources.iter())
            .map(|s| serde_json::json!({ "file": s.file, "sheet": s.sheet, "header_row": s.header_row }))
            .collect();
        serde_json::json!({ "inputs": inputs, "findings": findings })
    }
}
