//! End to end: `clerk run` on the sample month and on small fixtures — the files it writes, their
//! shape, their determinism, and what a manager sees in them.

mod common;

use std::path::Path;

use calamine::{open_workbook_auto, Data, Reader};
use common::*;

/// One row of a table in sample-data/README.md.
#[derive(Debug, Clone, PartialEq)]
struct Planted {
    rule: String,
    file: String,
    sheet: String,
    cell: String,
    record: String,
}

/// Reads the planted-findings table (and the "Must not be reported" table) of sample-data/README.md.
fn planted_tables() -> (Vec<Planted>, Vec<Planted>) {
    let text = std::fs::read_to_string(repo_root().join("sample-data/README.md")).unwrap();
    let mut planted = Vec::new();
    let mut decoys = Vec::new();
    let mut in_decoys = false;
    for line in text.lines() {
        let lower = line.to_lowercase();
        if line.starts_with('#') {
            in_decoys = lower.contains("must not");
        }
        let cells: Vec<&str> = line.trim().trim_matches('|').split('|').map(str::trim).collect();
        if !line.trim_start().starts_with('|') || cells.len() < 5 {
            continue;
        }
        let rule = cells[0].trim_matches('`');
        let is_rule_id = rule.len() == 4 && rule.chars().take(2).all(|c| c.is_ascii_uppercase());
        if !is_rule_id {
            continue;
        }
        let row = Planted {
            rule: rule.to_string(),
            file: cells[1].trim_matches('`').to_string(),
            sheet: cells[2].trim_matches('`').to_string(),
            cell: cells[3].trim_matches('`').to_string(),
            record: cells[4].trim_matches('`').to_string(),
        };
        if in_decoys {
            decoys.push(row);
        } else {
            planted.push(row);
        }
    }
    (planted, decoys)
}

/// The README names every cell by Excel letters, CSV included; findings.json numbers CSV columns.
fn readme_cell(f: &serde_json::Value) -> String {
    let column = f["column"].as_str().unwrap();
    match column.parse::<u32>() {
        Ok(n) => format!("{}{}", letters(n - 1), f["row"]),
        Err(_) => format!("{column}{}", f["row"]),
    }
}

fn letters(col: u32) -> String {
    let mut n = col + 1;
    let mut out = Vec::new();
    while n > 0 {
        out.push((b'A' + ((n - 1) % 26) as u8) as char);
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

fn run_sample(out: &Path, extra: &[&str]) -> Ran {
    let mut args = vec!["run", "sample-data", "--month", "2026-10", "--out"];
    let out_s = out.display().to_string();
    args.push(&out_s);
    args.extend_from_slice(extra);
    let ran = run_in(&repo_root(), &args);
    assert_eq!(ran.status, 0, "clerk run failed:\n{}\n{}", ran.stdout, ran.stderr);
    ran
}

fn findings_json(dir: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(dir.join("findings.json")).unwrap()).unwrap()
}

#[test]
fn sample_month_writes_the_three_reports() {
    let out = tempdir();
    let ran = run_sample(out.path(), &[]);
    let dir = out.path().join("2026-10");
    for name in ["clerk-2026-10.xlsx", "summary-2026-10.html", "findings.json"] {
        assert!(dir.join(name).is_file(), "{name} missing; stdout:\n{}", ran.stdout);
    }
    assert!(ran.stdout.contains("clerk-2026-10.xlsx"), "{}", ran.stdout);
    assert!(ran.stderr.is_empty(), "sample data should read cleanly: {}", ran.stderr);
}

#[test]
fn findings_json_has_the_spec_shape() {
    let out = tempdir();
    run_sample(out.path(), &[]);
    let json = findings_json(&out.path().join("2026-10"));
    assert_eq!(json["tool"], "clerk");
    assert_eq!(json["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(json["month"], "2026-10");
    assert_eq!(json["as_of"], "2026-10-31");
    assert!(json["settings"]["feedback"]["review_days"].is_number());
    let inputs = json["inputs"].as_array().unwrap();
    assert!(inputs.len() >= 6, "{inputs:?}");
    for input in inputs {
        for key in ["file", "sheet", "register", "header_row", "rows", "sha256"] {
            assert!(!input[key].is_null(), "input lacks {key}: {input}");
        }
        assert_eq!(input["sha256"].as_str().unwrap().len(), 64);
        assert!(!input["file"].as_str().unwrap().contains('\\'));
    }
    let findings = json["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    for f in findings {
        for key in [
            "rule", "severity", "register", "record", "file", "sheet", "row", "column", "field", "message", "clause",
        ] {
            assert!(!f[key].is_null(), "finding lacks {key}: {f}");
        }
        assert!(["error", "warning", "info"].contains(&f["severity"].as_str().unwrap()));
    }
    // Sorted by register, file, sheet, row, rule.
    let order = ["contracts", "amendments", "feedback", "guests", "visits", "callbacks"];
    let keys: Vec<(usize, String, String, u64, String)> = findings
        .iter()
        .map(|f| {
            (
                order.iter().position(|r| *r == f["register"]).unwrap(),
                f["file"].as_str().unwrap().to_string(),
                f["sheet"].as_str().unwrap().to_string(),
                f["row"].as_u64().unwrap(),
                f["rule"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    // The summary counts what the list holds.
    let by_rule = json["summary"]["by_rule"].as_object().unwrap();
    let total: u64 = by_rule.values().map(|v| v.as_u64().unwrap()).sum();
    assert_eq!(total as usize, findings.len());
    let by_severity = json["summary"]["by_severity"].as_object().unwrap();
    let total: u64 = by_severity.values().map(|v| v.as_u64().unwrap()).sum();
    assert_eq!(total as usize, findings.len());
    // Skipped: the lock file and the instructions sheet are listed.
    let skipped = json["skipped"].as_array().unwrap();
    assert!(skipped.iter().any(|s| s["reason"] == "lock_file"), "{skipped:?}");
    assert!(skipped.iter().any(|s| s["reason"] == "not_recognised"), "{skipped:?}");
}

#[test]
fn every_planted_generic_finding_is_found_at_its_cell() {
    let (planted, decoys) = planted_tables();
    let planted: Vec<Planted> = planted.into_iter().filter(|p| p.rule.starts_with("RG")).collect();
    assert!(planted.len() >= 4, "README lists too few RG cases: {planted:?}");
    let json = check_json(&repo_root().join("sample-data"), Some("2026-10"));
    let found: Vec<Planted> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"].as_str().unwrap().starts_with("RG"))
        .map(|f| Planted {
            rule: f["rule"].as_str().unwrap().to_string(),
            file: f["file"].as_str().unwrap().to_string(),
            sheet: f["sheet"].as_str().unwrap().to_string(),
            cell: readme_cell(f),
            record: f["record"].as_str().unwrap().to_string(),
        })
        .collect();
    let same_place =
        |a: &Planted, b: &Planted| a.rule == b.rule && a.file == b.file && a.sheet == b.sheet && a.cell == b.cell;
    for p in &planted {
        assert!(
            found.iter().any(|f| same_place(f, p)),
            "planted {p:?} not found; found: {found:#?}"
        );
    }
    for d in decoys.iter().filter(|d| d.rule.starts_with("RG")) {
        assert!(!found.iter().any(|f| same_place(f, d)), "decoy {d:?} was reported");
    }
    // Nothing else: every RG finding is planted, or the other place of a planted duplicate id.
    for f in &found {
        let explained = planted.iter().any(|p| same_place(f, p))
            || (f.rule == "RG03"
                && planted
                    .iter()
                    .any(|p| p.rule == "RG03" && p.record.eq_ignore_ascii_case(&f.record)));
        assert!(explained, "unexpected finding {f:?}");
    }
}

#[test]
fn reruns_are_byte_identical() {
    let a = tempdir();
    let b = tempdir();
    run_sample(a.path(), &[]);
    run_sample(b.path(), &[]);
    for name in ["clerk-2026-10.xlsx", "summary-2026-10.html", "findings.json"] {
        let x = std::fs::read(a.path().join("2026-10").join(name)).unwrap();
        let y = std::fs::read(b.path().join("2026-10").join(name)).unwrap();
        assert!(x == y, "{name} differs between two runs");
    }
}

fn sheet_cells(path: &Path, sheet: &str) -> Vec<Vec<Data>> {
    let mut book = open_workbook_auto(path).unwrap();
    let range = book.worksheet_range(sheet).unwrap();
    range.rows().map(|r| r.to_vec()).collect()
}

fn text_of(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        other => format!("{other:?}"),
    }
}

#[test]
fn workbook_holds_summary_and_findings() {
    let out = tempdir();
    run_sample(out.path(), &[]);
    let dir = out.path().join("2026-10");
    let path = dir.join("clerk-2026-10.xlsx");
    let book = open_workbook_auto(&path).unwrap();
    let names = book.sheet_names();
    assert_eq!(&names[..2], &["Summary".to_string(), "Findings".to_string()]);
    let json = findings_json(&dir);
    let findings = json["findings"].as_array().unwrap();

    let rows = sheet_cells(&path, "Findings");
    assert_eq!(text_of(&rows[0][0]), "Severity");
    assert_eq!(rows.len(), findings.len() + 1);
    for (row, f) in rows.iter().skip(1).zip(findings) {
        assert_eq!(text_of(&row[1]), f["rule"].as_str().unwrap());
        assert_eq!(text_of(&row[2]), f["message"].as_str().unwrap());
        let cell = text_of(&row[7]);
        let column = f["column"].as_str().unwrap();
        assert!(
            cell == format!("{column}{}", f["row"]) || cell == format!("R{}C{column}", f["row"]),
            "{cell}"
        );
    }

    // Every table is an Excel table with filters; the Findings sheet's header row is frozen.
    let tables = {
        let zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
        zip.file_names()
            .filter(|n| n.as_ref().is_ok_and(|n| n.starts_with("xl/tables/table")))
            .count()
    };
    assert!(tables >= 8, "{tables} tables");
    let findings_table = (1..=tables)
        .map(|i| xlsx_part(&path, &format!("xl/tables/table{i}.xml")))
        .find(|t| t.contains("displayName=\"Findings\""))
        .expect("a table named Findings");
    // Ten columns, and each finding's status and first month from the history (issue 25).
    assert!(
        findings_table.contains(&format!("ref=\"A1:L{}\"", findings.len() + 1)),
        "{findings_table}"
    );
    assert!(findings_table.contains("<autoFilter"));
    assert!(xlsx_part(&path, "xl/worksheets/sheet2.xml").contains("<pane ySplit=\"1\""));

    let summary = sheet_cells(&path, "Summary");
    assert!(text_of(&summary[0][0]).starts_with("Monthly register check"));
    assert!(
        text_of(&summary[0][0]).contains("華東機電實業有限公司"),
        "sample-data/clerk.toml names the company"
    );
    // As-of is a real date cell.
    assert!(matches!(summary[2][1], Data::DateTime(_)), "{:?}", summary[2][1]);
    // Findings by rule (the rule's title, then its id): the RG01 row counts what findings.json holds.
    let rg01 = summary
        .iter()
        .find(|r| r.len() > 4 && text_of(&r[1]) == "RG01")
        .unwrap();
    let expected = findings.iter().filter(|f| f["rule"] == "RG01").count();
    assert_eq!(text_of(&rg01[4]), expected.to_string());
}

#[test]
fn workbook_is_in_the_chosen_language() {
    for (lang, summary, findings) in [("zh-Hant", "摘要", "問題清單"), ("zh-Hans", "摘要", "问题清单")] {
        let out = tempdir();
        run_sample(out.path(), &["--lang", lang]);
        let book = open_workbook_auto(out.path().join("2026-10/clerk-2026-10.xlsx")).unwrap();
        assert_eq!(&book.sheet_names()[..2], &[summary.to_string(), findings.to_string()]);
        let html = std::fs::read_to_string(out.path().join("2026-10/summary-2026-10.html")).unwrap();
        assert!(html.contains(&format!("lang=\"{lang}\"")));
    }
}

#[test]
fn html_summary_is_self_contained_and_small() {
    let out = tempdir();
    run_sample(out.path(), &[]);
    let html = std::fs::read_to_string(out.path().join("2026-10/summary-2026-10.html")).unwrap();
    let lower = html.to_lowercase();
    for bad in ["<script", "<link", "<svg", "data:", "src=\"http", "@import", "<style"] {
        assert!(!lower.contains(bad), "HTML holds {bad}");
    }
    assert!(html.len() < 100_000, "HTML is {} bytes", html.len());
    assert!(html.contains("2026-10"));
    assert!(html.contains("RG02"));
    // Counts read as English: one info finding is "1 note", not "1 notes".
    assert!(
        html.contains("found 26 errors, 13 warnings and 1 note in 287 rows."),
        "{html}"
    );
    let guests = std::fs::read_to_string(out.path().join("2026-10/summary-2026-10-guest-relations.html")).unwrap();
    assert!(guests.contains("found 1 error, 6 warnings and 1 note for Guest relations."));
}

#[test]
fn cell_text_is_escaped_in_html_and_never_a_formula_in_the_workbook() {
    let dir = tempdir();
    let inbox = dir.path().join("inbox");
    let mut row = contract_row("=HYPERLINK(\"http://x\")");
    row[5] = s("<script>alert('x')</script> & co");
    xlsx(&inbox.join("c.xlsx"), vec![sheet("s", vec![contract_header(), row])]);
    let ran = run_in(dir.path(), &["run", "inbox", "--month", "2026-10", "--out", "out"]);
    assert_eq!(ran.status, 0, "{}", ran.stderr);
    let html = std::fs::read_to_string(dir.path().join("out/2026-10/summary-2026-10.html")).unwrap();
    assert!(!html.contains("<script>"), "unescaped script");
    assert!(html.contains("&lt;script&gt;"), "{html}");
    assert!(html.contains("&amp; co"));
    let rows = sheet_cells(&dir.path().join("out/2026-10/clerk-2026-10.xlsx"), "Findings");
    assert_eq!(rows[1][4], Data::String("=HYPERLINK(\"http://x\")".into()));
    // …with Excel's quote prefix, so it stays text after someone edits the cell.
    let styles = xlsx_part(&dir.path().join("out/2026-10/clerk-2026-10.xlsx"), "xl/styles.xml");
    assert!(styles.contains("quotePrefix=\"1\""), "{styles}");
    // The annotated copy is the register's own workbook: the cell is the text it was there, no
    // formula.
    let copy = dir.path().join("out/2026-10/annotated/c.xlsx");
    assert_eq!(
        sheet_cells(&copy, "s")[1][0],
        Data::String("=HYPERLINK(\"http://x\")".into())
    );
    let sheet = xlsx_part(&copy, "xl/worksheets/sheet1.xml");
    assert!(
        sheet.contains("<c r=\"A2\" t=\"s\">") && !sheet.contains("<f>"),
        "{sheet}"
    );
}

#[test]
fn absent_registers_are_said_plainly() {
    let dir = tempdir();
    let inbox = dir.path().join("inbox");
    xlsx(
        &inbox.join("c.xlsx"),
        vec![sheet("s", vec![contract_header(), contract_row("HT-1")])],
    );
    let ran = run_in(dir.path(), &["run", "inbox", "--month", "2026-10", "--out", "out"]);
    assert_eq!(ran.status, 0, "{}", ran.stderr);
    assert!(ran.stdout.contains("No guest register was given."), "{}", ran.stdout);
    let html = std::fs::read_to_string(dir.path().join("out/2026-10/summary-2026-10.html")).unwrap();
    assert!(html.contains("No guest register was given."));
    let summary = sheet_cells(&dir.path().join("out/2026-10/clerk-2026-10.xlsx"), "Summary");
    assert!(summary
        .iter()
        .any(|r| r.iter().any(|c| text_of(c) == "No guest register was given.")));
}

#[test]
fn rules_command_lists_and_explains() {
    let ran = run_in(&repo_root(), &["rules"]);
    assert_eq!(ran.status, 0);
    assert!(
        ran.stdout
            .lines()
            .any(|l| l.starts_with("RG01") && l.contains("Required value missing")),
        "{}",
        ran.stdout
    );
    let ran = run_in(&repo_root(), &["rules", "rg02", "--lang", "zh-Hant"]);
    assert_eq!(ran.status, 0);
    assert!(ran.stdout.starts_with("RG02：無法讀取的值"), "{}", ran.stdout);
    assert!(ran.stdout.contains("date_order"), "{}", ran.stdout);
    let ran = run_in(&repo_root(), &["rules", "XX99"]);
    assert_eq!(ran.status, 2);
    assert_eq!(ran.stderr.lines().count(), 1);
}

#[test]
fn usage_errors_are_one_line_and_status_2() {
    for args in [
        vec!["run", "sample-data", "--month", "2026-13"],
        vec!["run", "sample-data", "--lang", "fr"],
        vec!["send", "x.eml"],
        vec!["frobnicate"],
    ] {
        let ran = run_in(&repo_root(), &args);
        assert_eq!(ran.status, 2, "{args:?}: {}", ran.stderr);
        assert!(!ran.stderr.contains("panicked"));
    }
    // A bad settings file in the current folder (the inbox has none) is one line naming key and file.
    let dir = tempdir();
    xlsx(
        &dir.path().join("inbox/c.xlsx"),
        vec![sheet("s", vec![contract_header(), contract_row("HT-1")])],
    );
    std::fs::write(dir.path().join("clerk.toml"), "[feedback]\nreview_dayz = 3\n").unwrap();
    let ran = run_in(dir.path(), &["check", "inbox"]);
    assert_eq!(ran.status, 2);
    assert!(
        ran.stderr.contains("review_dayz") && ran.stderr.contains("clerk.toml"),
        "{}",
        ran.stderr
    );
    assert_eq!(ran.stderr.lines().count(), 1, "{}", ran.stderr);
    // The inbox's own clerk.toml comes first.
    std::fs::write(dir.path().join("inbox/clerk.toml"), "company = \"甲公司\"\n").unwrap();
    let ran = run_in(dir.path(), &["run", "inbox", "--month", "2026-10", "--out", "out"]);
    assert_eq!(ran.status, 0, "{}", ran.stderr);
    assert!(ran.stdout.contains("甲公司"), "{}", ran.stdout);
    // --config beats both; a missing one is an error naming it.
    std::fs::write(dir.path().join("other.toml"), "company = \"乙公司\"\n").unwrap();
    let ran = run_in(
        dir.path(),
        &[
            "run",
            "inbox",
            "--month",
            "2026-10",
            "--out",
            "out",
            "--config",
            "other.toml",
        ],
    );
    assert!(ran.stdout.contains("乙公司"), "{}", ran.stdout);
    let ran = run_in(dir.path(), &["check", "inbox", "--config", "missing.toml"]);
    assert_eq!(ran.status, 2);
    assert!(ran.stderr.contains("missing.toml"), "{}", ran.stderr);
}

#[test]
fn summary_has_native_charts_and_a_trend_once_earlier_months_exist() {
    let out = tempdir();
    run_sample(out.path(), &[]);
    let first = out.path().join("2026-10/clerk-2026-10.xlsx");
    let charts = |path: &Path| {
        let zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
        zip.file_names()
            .filter(|n| n.as_ref().is_ok_and(|n| n.starts_with("xl/charts/chart")))
            .count()
    };
    assert!(charts(&first) >= 2, "findings by rule and by severity");
    let summary = sheet_cells(&first, "Summary");
    assert!(
        !summary.iter().any(|r| text_of(&r[0]) == "Findings per month"),
        "no trend for a first month"
    );
    // The next month, written beside it, shows both months.
    let ran = run_in(
        &repo_root(),
        &[
            "run",
            "sample-data",
            "--month",
            "2026-11",
            "--out",
            &out.path().display().to_string(),
        ],
    );
    assert_eq!(ran.status, 0, "{}", ran.stderr);
    let second = out.path().join("2026-11/clerk-2026-11.xlsx");
    let summary = sheet_cells(&second, "Summary");
    let at = summary
        .iter()
        .position(|r| text_of(&r[0]) == "Findings per month")
        .expect("trend table");
    assert_eq!(text_of(&summary[at + 2][0]), "2026-10");
    assert_eq!(text_of(&summary[at + 3][0]), "2026-11");
    let october = findings_json(&out.path().join("2026-10"));
    let errors = october["summary"]["by_severity"]["error"].as_u64().unwrap();
    assert_eq!(text_of(&summary[at + 2][1]), errors.to_string());
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&second).unwrap()).unwrap();
    let mut xml = String::new();
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).unwrap();
        if part.name().unwrap().starts_with("xl/charts/chart") {
            std::io::Read::read_to_string(&mut part, &mut xml).unwrap();
        }
    }
    assert!(xml.contains("Findings per month"), "a line chart of the trend");
}

#[test]
fn summary_charts_feedback_by_kind_and_channel() {
    let out = tempdir();
    run_sample(out.path(), &[]);
    let path = out.path().join("2026-10/clerk-2026-10.xlsx");
    let summary = sheet_cells(&path, "Summary");
    let at = summary
        .iter()
        .position(|r| text_of(&r[0]) == "Feedback by kind")
        .expect("feedback by kind table");
    // The counts add up to the month's feedback received (kinds cover every row).
    let mut total = 0.0;
    for r in &summary[at + 2..] {
        match &r[1] {
            Data::Float(n) => total += n,
            _ => break,
        }
    }
    let sheet = book_sheet_names(&path);
    assert!(sheet.iter().any(|s| s == "Feedback monthly report"), "{sheet:?}");
    assert!(total > 0.0);
    let json = findings_json(&out.path().join("2026-10"));
    assert!(json["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .any(|i| i["register"] == "feedback"));
}

fn book_sheet_names(path: &Path) -> Vec<String> {
    open_workbook_auto(path).unwrap().sheet_names()
}

#[test]
fn summary_spend_by_class_adds_up_to_the_visits_of_the_year() {
    let out = tempdir();
    run_sample(out.path(), &[]);
    let summary = sheet_cells(&out.path().join("2026-10/clerk-2026-10.xlsx"), "Summary");
    let at = summary
        .iter()
        .position(|r| text_of(&r[0]).starts_with("Spend by guest class"))
        .expect("spend table");
    let mut total = 0.0;
    for r in &summary[at + 2..] {
        match &r[1] {
            Data::Float(n) => total += n,
            _ => break,
        }
    }
    // The same sum straight from the CSV: visits from 2025-11-01 to 2026-10-31.
    let bytes = std::fs::read(repo_root().join("sample-data/餐饮部/visits-2026.csv")).unwrap();
    let (text, _, _) = encoding_rs::GB18030.decode(&bytes);
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let mut expected = 0.0;
    for record in reader.records() {
        let record = record.unwrap();
        let date = &record[0];
        if ("2025-11-01"..="2026-10-31").contains(&date) {
            expected += record[2].replace(',', "").parse::<f64>().unwrap();
        }
    }
    assert!(expected > 0.0);
    assert!((total - expected).abs() < 0.005, "summary {total} vs csv {expected}");
}

/// The text of one part of an xlsx.
fn xlsx_part(path: &Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut out = String::new();
    std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut out).unwrap();
    out
}

#[test]
fn findings_link_to_their_source_cells_and_amounts_show_the_currency() {
    let out = tempdir();
    run_sample(out.path(), &[]);
    let dir = out.path().join("2026-10");
    let path = dir.join("clerk-2026-10.xlsx");
    let json = findings_json(&dir);
    // The first finding in a workbook (not a CSV) links to its sheet and cell.
    let (i, f) = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
        .find(|(_, f)| !f["file"].as_str().unwrap().ends_with(".csv"))
        .unwrap();
    let sheet_xml = xlsx_part(&path, "xl/worksheets/sheet2.xml");
    let location = format!(
        "<hyperlink ref=\"H{}\" r:id=\"rId1\" location=\"'{}'!{}{}\"/>",
        i + 2,
        f["sheet"].as_str().unwrap(),
        f["column"].as_str().unwrap(),
        f["row"]
    );
    assert!(sheet_xml.contains(&location), "{location} not in the Findings sheet");
    let rels = xlsx_part(&path, "xl/worksheets/_rels/sheet2.xml.rels");
    let file = f["file"].as_str().unwrap();
    assert!(
        rels.contains(&format!("sample-data/{file}\" TargetMode=\"External\"")),
        "{rels}"
    );
    // The link is relative, so it survives moving the inbox and the reports together.
    assert!(!rels.contains("Target=\"file:///"), "{rels}");
    // Amounts carry the currency of the settings (CNY).
    assert!(xlsx_part(&path, "xl/styles.xml").contains("formatCode=\"¥#,##0.00\""));
}

#[test]
fn usage_errors_speak_the_chosen_language() {
    let ran = run_in(
        &repo_root(),
        &["run", "sample-data", "--month", "2026-13", "--lang", "zh-Hant"],
    );
    assert_eq!(ran.status, 2);
    assert_eq!(
        ran.stderr.trim(),
        "clerk: --month 2026-13：請用 YYYY-MM 格式（季度、半年或全年請用 --period）"
    );
    let ran = run_in(&repo_root(), &["check", "no-such-folder", "--lang", "zh-Hans"]);
    assert_eq!(ran.stderr.trim(), "clerk: no-such-folder：没有这个文件夹或文件");
    let ran = run_in(&repo_root(), &["rules", "XX99", "--lang", "zh-Hant"]);
    assert!(
        ran.stderr.starts_with("clerk: 沒有規則「XX99」；規則有：RG01、RG02、"),
        "{}",
        ran.stderr
    );
}

#[test]
fn settings_errors_speak_the_chosen_language() {
    let dir = tempdir();
    xlsx(
        &dir.path().join("inbox/c.xlsx"),
        vec![sheet("s", vec![contract_header(), contract_row("HT-1")])],
    );
    std::fs::write(
        dir.path().join("inbox/clerk.toml"),
        "[guests]\nclass_a_spend = 10\nclass_b_spend = 20\n",
    )
    .unwrap();
    let ran = run_in(dir.path(), &["check", "inbox", "--lang", "zh-Hant"]);
    assert_eq!(ran.status, 2);
    assert!(
        ran.stderr.ends_with("[guests] class_b_spend 不可大於 class_a_spend\n"),
        "{}",
        ran.stderr
    );
    std::fs::write(
        dir.path().join("inbox/clerk.toml"),
        "[feedback]\nreview_days = \"七\"\n",
    )
    .unwrap();
    let ran = run_in(dir.path(), &["check", "inbox", "--lang", "zh-Hans"]);
    assert!(ran.stderr.contains("第 2 行："), "{}", ran.stderr);
    assert!(
        ran.stderr.contains("[feedback] review_days 应为不小于 0 的整数天数"),
        "{}",
        ran.stderr
    );
}

/// Reports are written under a temporary name and renamed: a run that cannot finish writing
/// leaves the previous reports as they were, never half-written.
#[test]
fn a_run_that_fails_to_write_leaves_the_previous_reports_intact() {
    let dir = tempdir();
    xlsx(
        &dir.path().join("inbox/c.xlsx"),
        vec![sheet("s", vec![contract_header(), contract_row("HT-1")])],
    );
    let ran = run_in(dir.path(), &["run", "inbox", "--month", "2026-10", "--out", "out"]);
    assert_eq!(ran.status, 0, "{}", ran.stderr);
    let month = dir.path().join("out/2026-10");
    let before = std::fs::read(month.join("clerk-2026-10.xlsx")).unwrap();
    // Something in the way of the temporary file: the next write cannot complete.
    std::fs::create_dir(month.join(".clerk-2026-10.xlsx.tmp")).unwrap();
    let ran = run_in(
        dir.path(),
        &[
            "run", "inbox", "--month", "2026-10", "--out", "out", "--lang", "zh-Hant",
        ],
    );
    assert_eq!(ran.status, 2, "{}", ran.stdout);
    assert_eq!(ran.stderr.lines().count(), 1, "{}", ran.stderr);
    assert_eq!(
        std::fs::read(month.join("clerk-2026-10.xlsx")).unwrap(),
        before,
        "the previous workbook is intact"
    );
}

#[test]
fn a_month_the_registers_do_not_reach_is_named_in_the_terminal_by_run_and_check() {
    let out = tempdir();
    let out_s = out.path().display().to_string();
    let ran = run_in(
        &repo_root(),
        &["run", "sample-data", "--month", "2025-03", "--out", &out_s],
    );
    assert_eq!(ran.status, 0, "{}", ran.stderr);
    let line = "Nothing in the registers falls in March 2025";
    let lines: Vec<&str> = ran.stdout.lines().collect();
    assert!(lines[1].starts_with(line), "under the title line: {}", ran.stdout);
    assert!(lines[1].contains("from November 2025 to October 2026"), "{}", lines[1]);
    let sample = repo_root().join("sample-data");
    let inbox = sample.to_str().unwrap();
    let check = run_in(out.path(), &["check", inbox, "--month", "2025-03", "--lang", "en"]);
    assert_eq!(
        check.stdout.lines().filter(|l| l.starts_with(line)).count(),
        1,
        "{}",
        check.stdout
    );
    let json = run_in(out.path(), &["check", inbox, "--month", "2025-03", "--format", "json"]);
    assert!(json.stderr.contains(line), "{}", json.stderr);
    serde_json::from_str::<serde_json::Value>(&json.stdout).expect("the JSON stays whole");
    // A month the registers reach says nothing of the kind.
    let october = run_sample(out.path(), &[]);
    assert!(
        !october.stdout.contains("Nothing in the registers"),
        "{}",
        october.stdout
    );
}
