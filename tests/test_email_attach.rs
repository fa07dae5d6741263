//! The workbook each message of `clerk run --email` carries (SPEC 3, `[email] attach`): the
//! manager's the whole workbook; a department's a workbook of its own part only, personal data
//! masked — never another department's registers, never the annotated copies. Every attachment
//! of the sample month's messages is decoded by Python's e-mail parser (tests/support/eml_dump.py)
//! and read back with calamine.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use calamine::{open_workbook, Data, DataType, Reader, Xlsx};
use common::*;

const DEPARTMENTS: [&str; 3] = ["customer-service", "guest-relations", "sales"];

/// The sample month run with `--email`, every audience given a recipient; `attach`: the
/// `[email] attach` line, if any. Returns the temporary folder and the month's output folder.
fn sample_run(attach: Option<&str>) -> (tempfile::TempDir, PathBuf) {
    let dir = tempdir();
    let sample = repo_root().join("sample-data");
    let mut settings = std::fs::read_to_string(sample.join("clerk.toml")).unwrap();
    settings.push_str("\n[email]\nfrom = \"Office <office@example.com>\"\n");
    if let Some(value) = attach {
        settings.push_str(&format!("attach = \"{value}\"\n"));
    }
    settings.push_str("[email.recipients]\nmanager = [\"boss@example.com\"]\n");
    for d in DEPARTMENTS {
        settings.push_str(&format!("{d} = [\"{d}@example.com\"]\n"));
    }
    std::fs::write(dir.path().join("clerk.toml"), settings).unwrap();
    let ran = run_in(
        dir.path(),
        &[
            "run",
            sample.to_str().unwrap(),
            "--month",
            "2026-10",
            "--out",
            "out",
            "--config",
            "clerk.toml",
            "--email",
        ],
    );
    assert_eq!(ran.status, 0, "{}\n{}", ran.stdout, ran.stderr);
    let out = dir.path().join("out/2026-10");
    (dir, out)
}

/// The message of `audience` (`""` for the manager): its dump and its attachments' saved paths.
fn message(out: &Path, audience: &str) -> (serde_json::Value, Vec<PathBuf>) {
    let suffix = match audience {
        "" => String::new(),
        d => format!("-{d}"),
    };
    let eml = out.join(format!("clerk-2026-10{suffix}.eml"));
    let saved = out.join(format!("../saved{suffix}"));
    let m = dump(&eml, &saved);
    let files = (m["attachments"].as_array().unwrap().iter())
        .map(|a| PathBuf::from(a["saved"].as_str().unwrap()))
        .collect();
    (m, files)
}

/// A cell as text: a date as `2026-10-31`, a number without a needless `.0`.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::DateTime(_) | Data::DateTimeIso(_) => cell.as_date().map(|d| d.to_string()).unwrap_or_default(),
        Data::Float(f) if f.fract() == 0.0 => format!("{}", *f as i64),
        other => other.to_string(),
    }
}

/// Every sheet of a workbook: its name and its cells as text, row by row.
fn sheets(path: &Path) -> BTreeMap<String, Vec<Vec<String>>> {
    let mut book: Xlsx<_> = open_workbook(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let names = book.sheet_names();
    names
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).unwrap();
            let rows = range.rows().map(|r| r.iter().map(cell_text).collect()).collect();
            (name, rows)
        })
        .collect()
}

fn digits(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

/// The phone numbers (their digits) and birthdays (`1980-03-14`) of the sample's guest register.
fn guest_phones_and_birthdays() -> (Vec<String>, Vec<String>) {
    let register = sheets(&repo_root().join("sample-data/餐饮部/客史档案.xlsx"));
    let rows = register.values().next().unwrap();
    let header = rows.iter().position(|r| r.iter().any(|c| c == "电话")).unwrap();
    let column = |name: &str| rows[header].iter().position(|c| c == name).unwrap();
    let (phone, birthday) = (column("电话"), column("生日"));
    let mut phones = Vec::new();
    let mut birthdays = Vec::new();
    for row in &rows[header + 1..] {
        if digits(&row[phone]).len() >= 7 {
            phones.push(digits(&row[phone]));
        }
        if !row[birthday].is_empty() {
            birthdays.push(row[birthday].clone());
        }
    }
    assert!(phones.len() > 20 && birthdays.len() > 10, "{phones:?} {birthdays:?}");
    (phones, birthdays)
}

/// `138****5678`, as the summaries show a phone number.
fn masked(phone: &str) -> String {
    format!("{}****{}", &phone[..3], &phone[phone.len() - 4..])
}

/// The department of the sample's settings a finding is routed to: by its rule's family, a
/// generic rule's by its register.
fn department_of(finding: &serde_json::Value) -> &'static str {
    let rule = finding["rule"].as_str().unwrap();
    let register = finding["register"].as_str().unwrap();
    match (&rule[..2], register) {
        ("CR", _) | ("RG", "contracts" | "amendments") => "sales",
        ("FB" | "CP", _) | ("RG", "feedback") => "customer-service",
        _ => "guest-relations",
    }
}

/// The (rule, record) of each row of a workbook's Findings sheet.
fn finding_rows(book: &BTreeMap<String, Vec<Vec<String>>>) -> Vec<(String, String)> {
    let rows = &book["Findings"];
    let rule = rows[0].iter().position(|c| c == "Rule").unwrap();
    let record = rows[0].iter().position(|c| c == "Record").unwrap();
    (rows[1..].iter())
        .map(|r| (r[rule].clone(), r[record].clone()))
        .collect()
}

/// Record ids of the registers of each department in the sample (`HT-2026-027`, `DH-…`, `FK-…`,
/// `G-0014`) found in a text.
fn register_ids(text: &str) -> BTreeSet<&'static str> {
    let mut found = BTreeSet::new();
    for (prefix, department) in [
        ("HT-2026-", "sales"),
        ("DH-2026-", "sales"),
        ("FK-2026-", "customer-service"),
        ("G-0", "guest-relations"),
    ] {
        if text.contains(prefix) {
            found.insert(department);
        }
    }
    found
}

#[test]
fn a_department_receives_its_own_part_only_masked() {
    let (_dir, out) = sample_run(None);
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("findings.json")).unwrap()).unwrap();
    let findings = json["findings"].as_array().unwrap();
    let (phones, birthdays) = guest_phones_and_birthdays();

    // The manager's message keeps the whole workbook.
    let (manager, files) = message(&out, "");
    assert_eq!(files.len(), 1, "{manager}");
    assert!(files[0].ends_with("clerk-2026-10.xlsx"));
    assert!(
        std::fs::read(&files[0]).unwrap() == std::fs::read(out.join("clerk-2026-10.xlsx")).unwrap(),
        "the manager's attachment is not the workbook"
    );
    let whole = sheets(&files[0]);
    assert!(whole.contains_key("Guests") && whole.contains_key("Contract reviews"));

    for d in DEPARTMENTS {
        let (m, files) = message(&out, d);
        // One attachment, the department's workbook; no annotated copy, no whole workbook.
        assert_eq!(files.len(), 1, "{d}: {}", m["attachments"]);
        let name = format!("clerk-2026-10-{d}.xlsx");
        assert!(files[0].ends_with(&name), "{d}: {files:?}");
        // Written nowhere but in the message.
        assert!(!out.join(&name).exists(), "{name} written to the folder");
        let book = sheets(&files[0]);
        let cells: Vec<&String> = book.values().flatten().flatten().collect();

        // Its own findings, all of them, and no other department's.
        let mut expected: Vec<(String, String)> = (findings.iter())
            .filter(|f| department_of(f) == d)
            .map(|f| (f["rule"].as_str().unwrap().into(), f["record"].as_str().unwrap().into()))
            .collect();
        let mut rows = finding_rows(&book);
        expected.sort();
        rows.sort();
        assert!(!expected.is_empty(), "{d} has no findings in the sample");
        assert_eq!(rows, expected, "{d}'s Findings sheet");

        // No register row of another department.
        for cell in &cells {
            for other in register_ids(cell) {
                let complaint_of_a_guest = d == "guest-relations"
                    && other == "customer-service"
                    && book["Guests"].iter().flatten().any(|c| c == *cell);
                assert!(
                    other == d || complaint_of_a_guest,
                    "{d}'s workbook holds {other}'s `{cell}`"
                );
            }
        }
        // Sheets: its own registers' only.
        let names: Vec<&str> = book.keys().map(String::as_str).collect();
        let own: &[&str] = match d {
            "sales" => &["Contract reviews"],
            "customer-service" => &["Complaints", "Feedback monthly report"],
            _ => &["Guests"],
        };
        let mut expected_names = vec!["Findings", "Summary"];
        expected_names.extend(own);
        expected_names.sort();
        assert_eq!(names, expected_names, "{d}'s sheets");

        // No phone number in full, no birthday; another department's masked phones neither.
        for cell in &cells {
            let cell_digits = digits(cell);
            for phone in &phones {
                assert!(!cell_digits.contains(phone.as_str()), "{d}: phone in `{cell}`");
                if d != "guest-relations" {
                    assert!(!cell.contains(&masked(phone)), "{d}: a guest's phone in `{cell}`");
                }
            }
            for birthday in &birthdays {
                assert!(
                    !cell.contains(birthday.as_str()),
                    "{d}: birthday {birthday} in `{cell}`"
                );
            }
        }
    }
    // Guest relations sees its guests' phone numbers masked as in the HTML.
    let (_, files) = message(&out, "guest-relations");
    let guests = &sheets(&files[0])["Guests"];
    let shown = guests.iter().flatten().filter(|c| c.contains("****")).count();
    assert!(shown > 0, "no masked phone on the Guests sheet: {guests:?}");
    let page = std::fs::read_to_string(out.join("summary-2026-10-guest-relations.html")).unwrap();
    for phone in phones.iter().filter(|p| page.contains(&masked(p))) {
        assert!(
            guests.iter().flatten().any(|c| c == &masked(phone)),
            "{} on the page, not in the workbook",
            masked(phone)
        );
    }
}

#[test]
fn the_summaries_say_what_is_attached() {
    let (_dir, out) = sample_run(None);
    let (m, _) = message(&out, "guest-relations");
    let text = m["text"].as_str().unwrap();
    assert!(
        text.contains("in the attached workbook clerk-2026-10-guest-relations.xlsx, which holds your part only"),
        "{text}"
    );
    assert!(
        text.contains("Phone numbers and birthdays are partly hidden in this summary and in the attached workbook."),
        "{text}"
    );
    assert!(!text.contains("in full"), "{text}");
    let (m, _) = message(&out, "");
    let text = m["text"].as_str().unwrap();
    assert!(text.contains("is in the workbook clerk-2026-10.xlsx."), "{text}");
    // The page written beside the messages is the message's.
    let page = std::fs::read_to_string(out.join("summary-2026-10-guest-relations.html")).unwrap();
    assert!(page.contains("partly hidden in this summary and in the attached workbook"));

    // A rerun writes the same bytes, the department's workbook included.
    let eml = std::fs::read(out.join("clerk-2026-10-guest-relations.eml")).unwrap();
    let (_again, out_again) = sample_run(None);
    assert!(
        eml == std::fs::read(out_again.join("clerk-2026-10-guest-relations.eml")).unwrap(),
        "the guest-relations message differs between two runs"
    );
}

#[test]
fn attach_full_gives_every_message_the_whole_workbook() {
    let (_dir, out) = sample_run(Some("full"));
    let whole = std::fs::read(out.join("clerk-2026-10.xlsx")).unwrap();
    for audience in ["", "sales", "customer-service", "guest-relations"] {
        let (m, files) = message(&out, audience);
        assert_eq!(files.len(), 1, "{audience}: {}", m["attachments"]);
        assert!(files[0].ends_with("clerk-2026-10.xlsx"), "{files:?}");
        assert!(
            std::fs::read(&files[0]).unwrap() == whole,
            "{audience}: not the whole workbook"
        );
        let text = m["text"].as_str().unwrap();
        assert!(text.contains("is in the workbook clerk-2026-10.xlsx."), "{text}");
    }
    let (m, _) = message(&out, "guest-relations");
    assert!(m["text"].as_str().unwrap().contains("the workbook holds them in full"));
}

#[test]
fn attach_none_attaches_nothing_and_says_so() {
    let (_dir, out) = sample_run(Some("none"));
    for audience in ["", "sales", "customer-service", "guest-relations"] {
        let (m, files) = message(&out, audience);
        assert!(files.is_empty(), "{audience}: {}", m["attachments"]);
        assert_eq!(
            m["structure"],
            serde_json::json!(["multipart/alternative", "text/plain", "text/html"]),
            "{audience}"
        );
        assert_eq!(m["defects"], serde_json::json!([]));
        let text = m["text"].as_str().unwrap();
        assert!(text.contains("No workbook is attached to this message"), "{text}");
    }
    let (m, _) = message(&out, "guest-relations");
    let text = m["text"].as_str().unwrap();
    assert!(
        text.contains("Phone numbers and birthdays are partly hidden in this summary."),
        "{text}"
    );
    assert!(
        !text.contains("attached workbook") && !text.contains("in full"),
        "{text}"
    );
}

#[test]
fn an_unknown_attach_value_is_one_line_naming_the_key_and_its_values() {
    let dir = tempdir();
    std::fs::create_dir(dir.path().join("inbox")).unwrap();
    std::fs::write(dir.path().join("inbox/clerk.toml"), "[email]\nattach = \"all\"\n").unwrap();
    for (lang, expected) in [
        (
            "en",
            "line 2: [email] attach should be one of \"department\", \"full\", \"none\" (e.g. attach = \"department\"), but is \"all\"",
        ),
        ("zh-Hant", "[email] attach 應為「department」、「full」、「none」其中之一"),
        ("zh-Hans", "[email] attach 应为「department」、「full」、「none」其中之一"),
    ] {
        let ran = run_in(
            dir.path(),
            &["run", "inbox", "--month", "2026-10", "--out", "out", "--lang", lang],
        );
        assert_eq!(ran.status, 2, "{}", ran.stdout);
        assert_eq!(ran.stderr.lines().count(), 1, "{}", ran.stderr);
        assert!(ran.stderr.contains(expected), "{lang}: {}", ran.stderr);
    }
}

#[test]
fn the_annotated_copies_never_go_out() {
    for attach in [None, Some("full")] {
        let (_dir, out) = sample_run(attach);
        let copies: Vec<String> = walk(&out.join("annotated"));
        assert!(!copies.is_empty(), "the sample month has annotated copies");
        let mut messages = 0;
        for eml in std::fs::read_dir(&out).unwrap().filter_map(Result::ok) {
            let name = eml.file_name().to_string_lossy().to_string();
            if !name.ends_with(".eml") {
                continue;
            }
            messages += 1;
            let m = dump(&eml.path(), &out.join("../saved-copies"));
            let files = m["attachments"].as_array().unwrap();
            assert_eq!(files.len(), 1, "{name}: {files:?}");
            let file = files[0]["filename"].as_str().unwrap();
            assert!(file.starts_with("clerk-2026-10"), "{name} carries {file}");
            assert!(
                !copies.iter().any(|c| c.ends_with(file)),
                "{name} carries the copy {file}"
            );
        }
        assert_eq!(messages, 4, "{attach:?}");
    }
}

/// The files under a folder, as paths.
fn walk(dir: &Path) -> Vec<String> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().filter_map(Result::ok) {
        match entry.path().is_dir() {
            true => files.extend(walk(&entry.path())),
            false => files.push(entry.path().display().to_string()),
        }
    }
    files
}
