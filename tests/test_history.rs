//! The history across months (issue 25): three months run in sequence on a copy of the sample
//! registers, edited between runs as an office would — a reported record changed, one deleted,
//! two findings fixed, a new problem — and what a manager then sees: each finding's status in
//! findings.json, the Summary's block, the sheet of fixed findings, the HTML line, `clerk
//! history`; a rerun that leaves the history as it was, a run stopped half-way, a damaged file,
//! `--no-history`, and a start from earlier reports.

mod common;

use std::path::{Path, PathBuf};

use calamine::{open_workbook_auto, Data, Reader};
use common::*;
use rust_xlsxwriter::{Format, Workbook};

const GUESTS: &str = "餐饮部/客史档案.xlsx";
const VISITS: &str = "餐饮部/visits-2026.csv";

/// A copy of sample-data in a scratch folder, and the reports folder beside it.
struct Office {
    _dir: tempfile::TempDir,
    inbox: PathBuf,
    out: PathBuf,
}

impl Office {
    fn new() -> Office {
        let dir = tempdir();
        let inbox = dir.path().join("inbox");
        copy_dir(&repo_root().join("sample-data"), &inbox);
        let out = dir.path().join("reports");
        Office { _dir: dir, inbox, out }
    }

    fn run(&self, month: &str, extra: &[&str]) -> Ran {
        let (inbox, out) = (self.inbox.to_str().unwrap(), self.out.to_str().unwrap());
        let mut args = vec!["run", inbox, "--month", month, "--out", out];
        args.extend_from_slice(extra);
        run_in(self.inbox.parent().unwrap(), &args)
    }

    fn run_ok(&self, month: &str) {
        let ran = self.run(month, &[]);
        assert_eq!(ran.status, 0, "{}{}", ran.stdout, ran.stderr);
    }

    fn findings(&self, month: &str) -> Vec<serde_json::Value> {
        let text = std::fs::read_to_string(self.out.join(month).join("findings.json")).unwrap();
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        json["findings"].as_array().unwrap().clone()
    }

    fn history(&self, args: &[&str]) -> Ran {
        let mut all = vec!["history", "--out", self.out.to_str().unwrap()];
        all.extend_from_slice(args);
        run_in(self.inbox.parent().unwrap(), &all)
    }

    fn database(&self) -> PathBuf {
        self.out.join("clerk-history.sqlite")
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// The finding of `rule` about `record`, if any.
fn find<'a>(findings: &'a [serde_json::Value], rule: &str, record: &str) -> Option<&'a serde_json::Value> {
    findings.iter().find(|f| f["rule"] == rule && f["record"] == record)
}

/// Rewrites the (one-sheet) workbook at `path` with `edit` applied to its rows of cells as text,
/// numbers and dates (the header row included).
fn edit_workbook(path: &Path, edit: impl FnOnce(&mut Vec<Vec<Data>>)) {
    let mut book = open_workbook_auto(path).unwrap();
    let name = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&name).unwrap();
    let mut rows: Vec<Vec<Data>> = range.rows().map(|r| r.to_vec()).collect();
    drop(book);
    edit(&mut rows);
    let mut out = Workbook::new();
    let sheet = out.add_worksheet();
    sheet.set_name(&name).unwrap();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            match cell {
                Data::String(s) => drop(sheet.write_string(r, c, s).unwrap()),
                Data::Float(n) => drop(sheet.write_number(r, c, *n).unwrap()),
                Data::Int(n) => drop(sheet.write_number(r, c, *n as f64).unwrap()),
                Data::DateTime(d) => drop(sheet.write_number_with_format(r, c, d.as_f64(), &date).unwrap()),
                Data::Bool(b) => drop(sheet.write_boolean(r, c, *b).unwrap()),
                _ => {}
            }
        }
    }
    out.save(path).unwrap();
}

/// Sets the cell of `column` (by its header) in the row of `id` (first column).
fn set(rows: &mut [Vec<Data>], id: &str, column: &str, value: Data) {
    let col = rows[0].iter().position(|h| *h == column).unwrap();
    let row = rows.iter_mut().find(|r| r[0] == id).unwrap();
    row[col] = value;
}

/// Edits the visits CSV (GB18030) line by line.
fn edit_visits(inbox: &Path, edit: impl Fn(&str) -> Option<String>) {
    let path = inbox.join(VISITS);
    let bytes = std::fs::read(&path).unwrap();
    let (text, _, _) = encoding_rs::GB18030.decode(&bytes);
    let lines: Vec<String> = text.split("\r\n").filter_map(edit).collect();
    let text = lines.join("\r\n");
    let (bytes, _, _) = encoding_rs::GB18030.encode(&text);
    std::fs::write(&path, bytes).unwrap();
}

/// Every row of every table of the history, as text, to compare two states of it.
fn dump(path: &Path) -> String {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut out = String::new();
    let tables: Vec<String> = (conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"))
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(tables.contains(&"chunks".to_string()), "{tables:?}");
    for table in &tables {
        let mut statement = conn
            .prepare(&format!("SELECT * FROM {table} ORDER BY rowid"))
            .or_else(|_| conn.prepare(&format!("SELECT * FROM {table}")))
            .unwrap();
        let columns = statement.column_count();
        let mut rows = statement.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            out.push_str(table);
            for i in 0..columns {
                let value: rusqlite::types::Value = row.get(i).unwrap();
                out.push_str(&format!(" {value:?}"));
            }
            out.push('\n');
        }
    }
    out
}

/// The Summary sheet's row that starts with `label`, as text.
fn summary_row(workbook: &Path, label: &str) -> Vec<String> {
    let mut book = open_workbook_auto(workbook).unwrap();
    let name = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&name).unwrap();
    range
        .rows()
        .find(|r| r.first().is_some_and(|c| *c == label))
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .unwrap_or_default()
}

/// Between October and November: two findings fixed (G-0026's birthday and G-0035's phone
/// filled in), an October visit changed (its amount), one deleted (G-0014's of 2026-10-11, which
/// had GH03), and nothing else.
fn november_edits(inbox: &Path) {
    edit_workbook(&inbox.join(GUESTS), |rows| {
        set(rows, "G-0026", "生日", Data::String("1980-05-06".into()));
        set(rows, "G-0035", "电话", Data::String("13912340035".into()));
    });
    edit_visits(inbox, |line| match line {
        l if l.starts_with("2026-10-11,G-0014,") => None,
        l if l.starts_with("2026-10-02,G-0018,") => Some(l.replace("\"15,290.00\"", "\"16,290.00\"")),
        l => Some(l.to_string()),
    });
}

#[test]
fn three_months_each_finding_new_carried_over_fixed_or_gone() {
    let office = Office::new();
    office.run_ok("2026-10");
    assert!(office.database().is_file());
    let october = office.findings("2026-10");
    assert!(october
        .iter()
        .all(|f| f["status"] == "new" && f["first_reported"] == "2026-10"));
    let gh01 = find(&october, "GH01", "G-0026").unwrap();
    assert_eq!(gh01["status"], "new");

    november_edits(&office.inbox);
    office.run_ok("2026-11");
    let november = office.findings("2026-11");
    // Fixed: no longer found.
    assert!(find(&november, "GH01", "G-0026").is_none());
    assert!(find(&november, "GH01", "G-0035").is_none());
    // Carried over since October; new this month.
    let fb01 = find(&november, "FB01", "FK-2026-125").unwrap();
    assert_eq!(
        (fb01["status"].as_str(), fb01["first_reported"].as_str()),
        (Some("carried_over"), Some("2026-10"))
    );
    let gh04 = find(&november, "GH04", "G-0005").unwrap();
    assert_eq!(
        (gh04["status"].as_str(), gh04["first_reported"].as_str()),
        (Some("new"), Some("2026-11"))
    );

    // findings.json lists last month's findings no longer found, with what they were.
    let json = std::fs::read_to_string(office.out.join("2026-11/findings.json")).unwrap();
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let since = &json["since_last_month"];
    assert_eq!(
        (
            since["previous"].as_str(),
            since["fixed"].as_u64(),
            since["gone"].as_u64()
        ),
        (Some("2026-10"), Some(2), Some(1))
    );
    let closed: Vec<(&str, &str, &str, &str)> = (since["no_longer_found"].as_array().unwrap().iter())
        .map(|f| {
            (
                f["status"].as_str().unwrap(),
                f["rule"].as_str().unwrap(),
                f["record"].as_str().unwrap(),
                f["first_reported"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        closed,
        [
            ("fixed", "GH01", "G-0026", "2026-10"),
            ("fixed", "GH01", "G-0035", "2026-10"),
            ("gone", "GH03", "G-0014 2026-10-11", "2026-10"),
        ]
    );
    let gone = &since["no_longer_found"][2];
    assert_eq!(
        (gone["file"].as_str(), gone["row"].as_u64(), gone["column"].as_str()),
        (Some(VISITS), Some(108), Some("4"))
    );
    assert_eq!(
        since["new"].as_u64().unwrap() + since["carried_over"].as_u64().unwrap(),
        november.len() as u64
    );
    assert!(office.run("2026-11", &["--no-history"]).status == 0);
    let json = std::fs::read_to_string(office.out.join("2026-11/findings.json")).unwrap();
    assert!(!json.contains("since_last_month"), "no history, no such block");
    office.run_ok("2026-11");

    // The sheet of fixed findings: the two fixed, and GH03 gone with its visit.
    let workbook = office.out.join("2026-11/clerk-2026-11.xlsx");
    let mut book = open_workbook_auto(&workbook).unwrap();
    assert_eq!(book.sheet_names()[2], "Fixed since last month");
    let fixed = book.worksheet_range("Fixed since last month").unwrap();
    let rows: Vec<Vec<String>> = fixed
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    let listed: Vec<(&str, &str, &str)> = (rows.iter())
        .filter(|r| r.len() > 5 && r[2].len() == 4 && r[0] != "Status")
        .map(|r| (r[0].as_str(), r[2].as_str(), r[5].as_str()))
        .collect();
    assert_eq!(
        listed,
        [
            ("Fixed", "GH01", "G-0026"),
            ("Fixed", "GH01", "G-0035"),
            ("Gone (record deleted)", "GH03", "G-0014 2026-10-11"),
        ],
        "{rows:?}"
    );
    // A CSV file's cell as the report names it: line and column.
    assert!(rows.iter().any(|r| r[2] == "GH03" && r[8] == "R108C4"), "{rows:?}");
    // The Findings sheet: status and first reported.
    let sheet = book.worksheet_range("Findings").unwrap();
    let header: Vec<String> = sheet.rows().next().unwrap().iter().map(|c| c.to_string()).collect();
    assert_eq!(&header[10..], ["Status", "First reported"]);
    let row = sheet.rows().find(|r| r[4] == "FK-2026-125").unwrap();
    assert_eq!(
        (row[10].to_string(), row[11].to_string()),
        ("Carried over".into(), "2026-10".into())
    );

    // The Summary: per department, then all; guest relations fixed two, lost one with its visit.
    let all = summary_row(&workbook, "All departments");
    let open = november.len();
    let carried = november.iter().filter(|f| f["status"] == "carried_over").count();
    let expected = [open - carried, carried, 2, 1].map(|n| n.to_string());
    assert_eq!(&all[1..5], expected, "{all:?}");
    let guests = summary_row(&workbook, "Guest relations");
    assert_eq!(&guests[3..5], ["2", "1"], "{guests:?}");
    assert!(!summary_row(&workbook, "Oldest open findings").is_empty());

    // The HTML summary's line.
    let html = std::fs::read_to_string(office.out.join("2026-11/summary-2026-11.html")).unwrap();
    let line =
        format!("2 fixed and 1 gone with their records since October 2026; {open} still open, the oldest for 1 month.");
    assert!(html.replace('\u{200b}', "").contains(&line), "{line}");

    // December: a new problem (G-0005's birthday blanked).
    edit_workbook(&office.inbox.join(GUESTS), |rows| {
        set(rows, "G-0005", "生日", Data::Empty)
    });
    office.run_ok("2026-12");
    let december = office.findings("2026-12");
    let new = find(&december, "GH01", "G-0005").unwrap();
    assert_eq!(
        (new["status"].as_str(), new["first_reported"].as_str()),
        (Some("new"), Some("2026-12"))
    );
    for (rule, record) in [("RC01", "G-0018 2026-10-02"), ("RC02", "G-0014 2026-10-11")] {
        let f = find(&december, rule, record).unwrap();
        assert_eq!(
            (f["status"].as_str(), f["first_reported"].as_str()),
            (Some("carried_over"), Some("2026-11"))
        );
    }
    let old = find(&december, "FB01", "FK-2026-125").unwrap();
    assert_eq!(
        (old["status"].as_str(), old["first_reported"].as_str()),
        (Some("carried_over"), Some("2026-10"))
    );
    let html = std::fs::read_to_string(office.out.join("2026-12/summary-2026-12.html")).unwrap();
    assert!(
        html.replace('\u{200b}', "").contains("the oldest for 2 months."),
        "{html}"
    );

    // `clerk history`: the months a record appeared in, and each finding's status.
    let ran = office.history(&["--record", "G-0026"]);
    assert_eq!(ran.status, 0, "{}", ran.stderr);
    assert_eq!(
        ran.stdout.lines().collect::<Vec<_>>(),
        [
            "October 2026: 1 finding",
            "  GH01 G-0026 — New (first reported 2026-10) — Class A profile is missing birthday: ask the guest or the account manager and fill it in.",
            "November 2026: 1 finding",
            "  GH01 G-0026 — Fixed (first reported 2026-10) — Class A profile is missing birthday: ask the guest or the account manager and fill it in.",
            "December 2026: 1 finding",
            "  GH02 G-0026 — New (first reported 2026-12) — Recorded as class A, but the spend in the 12 months to 2026-12-31 is 75,400.00 over 2 visits, which earns class B (A from 100,000.00, B from 20,000.00): propose class B at the consumption review.",
        ]
    );
    let ran = office.history(&["--rule", "fb01", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&ran.stdout).unwrap();
    let fk125: Vec<(&str, &str)> = (json.as_array().unwrap().iter())
        .filter(|f| f["record"] == "FK-2026-125")
        .map(|f| (f["month"].as_str().unwrap(), f["status"].as_str().unwrap()))
        .collect();
    assert_eq!(
        fk125,
        [
            ("2026-10", "new"),
            ("2026-11", "carried_over"),
            ("2026-12", "carried_over")
        ]
    );
    let ran = office.history(&["--rule", "GH01", "--lang", "zh-Hant"]);
    assert!(ran.stdout.contains("2026年10月"), "{}", ran.stdout);
    assert!(ran.stdout.contains("（首次報告：2026-10）"), "{}", ran.stdout);
}

#[test]
fn a_rerun_of_a_month_leaves_the_history_and_the_reports_as_they_were() {
    let office = Office::new();
    office.run_ok("2026-10");
    november_edits(&office.inbox);
    office.run_ok("2026-11");
    let history = dump(&office.database());
    let files = ["findings.json", "clerk-2026-11.xlsx", "summary-2026-11.html"];
    let read = |name: &str| std::fs::read(office.out.join("2026-11").join(name)).unwrap();
    let before: Vec<Vec<u8>> = files.iter().map(|f| read(f)).collect();
    office.run_ok("2026-11");
    assert!(dump(&office.database()) == history, "the history changed on a rerun");
    for (name, bytes) in files.iter().zip(before) {
        assert!(read(name) == bytes, "{name} differs after a rerun");
    }
    assert!(history.contains("\"2026-11\""), "{history}");
}

#[test]
fn a_run_stopped_half_way_leaves_the_history_as_it_was() {
    let office = Office::new();
    office.run_ok("2026-10");
    let before = dump(&office.database());
    // The run ends inside the history's transaction, as a killed run would.
    let out = clerk()
        .current_dir(office.inbox.parent().unwrap())
        .env("CLERK_TEST_HISTORY_ABORT", "1")
        .args([
            "run",
            office.inbox.to_str().unwrap(),
            "--month",
            "2026-11",
            "--out",
            office.out.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        dump(&office.database()) == before,
        "the stopped run changed the history"
    );
    // The next run finds the history as the October run left it.
    office.run_ok("2026-11");
    let november = office.findings("2026-11");
    assert_eq!(find(&november, "GH01", "G-0026").unwrap()["status"], "carried_over");
}

#[test]
fn a_damaged_or_foreign_file_in_place_of_the_history_is_refused_and_left_alone() {
    let office = Office::new();
    std::fs::create_dir_all(&office.out).unwrap();
    let garbage = b"this is not a database, but somebody's notes\n".repeat(20);
    std::fs::write(office.database(), &garbage).unwrap();
    let ran = office.run("2026-10", &[]);
    assert_eq!(ran.status, 2, "{}", ran.stderr);
    let line = format!(
        "clerk: {} is not a clerk history (a damaged file, or another program's); it was left as it is: move it away, or run with --no-history",
        office.database().display()
    );
    assert_eq!(ran.stderr.trim_end(), line);
    assert_eq!(std::fs::read(office.database()).unwrap(), garbage);
    assert!(!office.out.join("2026-10").exists());

    // Another program's SQLite database.
    std::fs::remove_file(office.database()).unwrap();
    let conn = rusqlite::Connection::open(office.database()).unwrap();
    conn.execute_batch("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('keep me');")
        .unwrap();
    drop(conn);
    let before = std::fs::read(office.database()).unwrap();
    let ran = office.run("2026-10", &[]);
    assert_eq!(ran.status, 2, "{}", ran.stderr);
    assert!(ran.stderr.contains("is not a clerk history"), "{}", ran.stderr);
    assert_eq!(std::fs::read(office.database()).unwrap(), before);

    // --no-history runs without it (and writes no statuses).
    let ran = office.run("2026-10", &["--no-history"]);
    assert_eq!(ran.status, 0, "{}", ran.stderr);
    assert_eq!(std::fs::read(office.database()).unwrap(), before);
    assert!(office.findings("2026-10").iter().all(|f| f.get("status").is_none()));
}

#[test]
fn no_history_writes_no_file() {
    let office = Office::new();
    let ran = office.run("2026-10", &["--no-history"]);
    assert_eq!(ran.status, 0, "{}", ran.stderr);
    assert!(office.out.join("2026-10/findings.json").is_file());
    assert!(!office.database().exists());
    // A quarter's report neither reads nor writes it.
    let ran = office.run("2026-10", &[]);
    assert_eq!(ran.status, 0);
    std::fs::remove_file(office.database()).unwrap();
    let inbox = office.inbox.to_str().unwrap();
    let ran = run_in(
        &office.inbox,
        &[
            "run",
            inbox,
            "--period",
            "2026-Q4",
            "--out",
            office.out.to_str().unwrap(),
        ],
    );
    assert_eq!(ran.status, 0, "{}", ran.stderr);
    assert!(!office.database().exists());
}

#[test]
fn a_folder_of_earlier_reports_starts_the_history_from_their_findings() {
    let office = Office::new();
    // October reported by a clerk without a history.
    let ran = office.run("2026-10", &["--no-history"]);
    assert_eq!(ran.status, 0, "{}", ran.stderr);
    november_edits(&office.inbox);
    office.run_ok("2026-11");
    let november = office.findings("2026-11");
    let fb01 = find(&november, "FB01", "FK-2026-125").unwrap();
    assert_eq!(
        (fb01["status"].as_str(), fb01["first_reported"].as_str()),
        (Some("carried_over"), Some("2026-10"))
    );
    let history = dump(&office.database());
    assert!(
        history.contains("months Text(\"2026-10\") Text(\"findings.json\")"),
        "{history}"
    );
    // The fixed ones are told from October's findings too.
    let html = std::fs::read_to_string(office.out.join("2026-11/summary-2026-11.html")).unwrap();
    assert!(html
        .replace('\u{200b}', "")
        .contains("2 fixed and 1 gone with their records since October 2026"));
}

#[test]
fn a_second_run_waits_for_the_one_holding_the_history() {
    let office = Office::new();
    office.run_ok("2026-10");
    let conn = rusqlite::Connection::open(office.database()).unwrap();
    conn.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let holder = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(1500));
        conn.execute_batch("COMMIT").unwrap();
    });
    let started = std::time::Instant::now();
    office.run_ok("2026-11");
    assert!(started.elapsed() >= std::time::Duration::from_millis(1400));
    holder.join().unwrap();
    assert_eq!(
        find(&office.findings("2026-11"), "GH01", "G-0026").unwrap()["status"],
        "carried_over"
    );
}

#[test]
fn the_history_is_never_attached_to_a_message() {
    let office = Office::new();
    let config = office.inbox.join("clerk.toml");
    let settings = std::fs::read_to_string(&config).unwrap();
    assert!(!settings.contains("[email]"));
    let settings = format!(
        "{settings}\n[email]\nfrom = \"office@example.com\"\n[email.recipients]\nmanager = [\"boss@example.com\"]\n"
    );
    std::fs::write(&config, settings).unwrap();
    for month in ["2026-10", "2026-11"] {
        let ran = office.run(month, &["--email"]);
        assert_eq!(ran.status, 0, "{}", ran.stderr);
    }
    assert!(office.database().is_file());
    let mut messages = 0;
    for entry in std::fs::read_dir(office.out.join("2026-11")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "eml") {
            messages += 1;
            let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).to_string();
            assert!(
                !text.contains("sqlite") && !text.contains("clerk-history"),
                "{}",
                path.display()
            );
        }
    }
    assert!(messages > 0);
}

/// A record as the history keeps it: register, id, month it belongs to, values by field.
type Stored = (String, String, String, Vec<(&'static str, String)>);

/// The records the history keeps of a month's run: (register, record id, the month it belongs
/// to, its values by field), in the order stored.
fn stored(database: &Path, month: &str) -> Vec<Stored> {
    use clerk::history::chunks;
    use clerk::month::{month_label, month_number, unpack_fields};
    use clerk::registers::Kind;
    let conn = rusqlite::Connection::open(database).unwrap();
    let mut statement = conn
        .prepare(
            "SELECT p.kind, p.belongs, c.data FROM prints p JOIN chunks c ON c.id = p.chunk \
             WHERE p.month = ?1 ORDER BY p.kind, p.source, p.belongs, p.seq",
        )
        .unwrap();
    let mut rows = statement.query([month_number(month)]).unwrap();
    let mut out = Vec::new();
    while let Some(row) = rows.next().unwrap() {
        let kind = Kind::ALL[row.get::<_, i64>(0).unwrap() as usize];
        let belongs = month_label(row.get(1).unwrap());
        let data = chunks::decompress(row.get_ref(2).unwrap().as_blob().unwrap()).unwrap();
        for (record, _, fields) in chunks::records(&data).unwrap() {
            let fields = unpack_fields(kind, fields).unwrap();
            out.push((kind.id().to_string(), record.to_string(), belongs.clone(), fields));
        }
    }
    out
}

/// Every record a run reads is in the history, with the month it belongs to and its values,
/// whatever its month; a month whose run reads the same records unchanged adds none of their
/// bytes again.
#[test]
fn every_record_read_is_kept_once_while_it_does_not_change() {
    let office = Office::new();
    office.run_ok("2026-10");
    let october = stored(&office.database(), "2026-10");
    // A September contract, read by October's run, kept with its month and typed values.
    let (_, _, belongs, fields) = (october.iter())
        .find(|(kind, record, _, _)| kind == "contracts" && record == "HT-2026-019")
        .expect("HT-2026-019 kept");
    assert_eq!(belongs, "2026-09");
    assert!(
        fields.contains(&("customer", "揚州亞星客車配件廠".to_string())),
        "{fields:?}"
    );
    assert!(
        fields.contains(&("review_date", "2026-09-10".to_string())),
        "{fields:?}"
    );
    let months: std::collections::BTreeSet<&str> = october.iter().map(|r| r.2.as_str()).collect();
    assert!(months.len() > 3 && months.contains("2026-06"), "{months:?}");
    let kinds: std::collections::BTreeSet<&str> = october.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(kinds.len(), 6, "{kinds:?}");
    // Every record read, each once (`#2` on a second visit of one guest on one day).
    let ids: std::collections::BTreeSet<(&str, &str)> = october.iter().map(|r| (r.0.as_str(), r.1.as_str())).collect();
    assert_eq!(ids.len(), october.len());
    let json = std::fs::read_to_string(office.out.join("2026-10/findings.json")).unwrap();
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let read: u64 = (json["inputs"].as_array().unwrap().iter())
        .map(|i| i["rows"].as_u64().unwrap())
        .sum();
    assert!(
        october.len() as u64 > read * 9 / 10 && october.len() as u64 <= read,
        "{} of {read}",
        october.len()
    );

    // November reads the same registers: the same records, no chunk of them stored again.
    let chunks = |db: &Path| -> i64 {
        let conn = rusqlite::Connection::open(db).unwrap();
        conn.query_row("SELECT count(*) FROM chunks", [], |r| r.get(0)).unwrap()
    };
    let before = chunks(&office.database());
    office.run_ok("2026-11");
    assert_eq!(stored(&office.database(), "2026-11"), october);
    assert_eq!(chunks(&office.database()), before);
}

#[test]
fn a_month_run_in_english_reads_back_in_chinese_and_a_row_of_text_only_as_written() {
    let office = Office::new();
    let ran = office.run("2026-10", &["--lang", "en"]);
    assert_eq!(ran.status, 0, "{}", ran.stderr);
    // The history keeps the message as data, not as English text.
    let conn = rusqlite::Connection::open(office.database()).unwrap();
    let kept: Vec<u8> = conn
        .query_row("SELECT data FROM finding_chunks WHERE month = '2026-10'", [], |r| {
            r.get(0)
        })
        .unwrap();
    let kept = String::from_utf8_lossy(&clerk::history::chunks::decompress(&kept).unwrap()).into_owned();
    assert!(kept.contains(r#"{"k":"msg.GH01","a":{"class":"A""#), "{kept}");
    assert!(!kept.contains("Class A profile is missing"), "{kept}");
    let lines = |lang: &str| {
        let ran = office.history(&["--rule", "GH01", "--lang", lang]);
        assert_eq!(ran.status, 0, "{}", ran.stderr);
        ran.stdout.lines().map(str::to_string).collect::<Vec<_>>()
    };
    assert_eq!(
        lines("zh-Hant"),
        [
            "2026年10月：2 項問題",
            "  GH01 G-0026——新增（首次報告：2026-10）——A類客人的檔案缺少「生日」：請向客人或客戶經理了解後補齊。",
            "  GH01 G-0035——新增（首次報告：2026-10）——B類客人的檔案缺少「電話」：請向客人或客戶經理了解後補齊。",
        ]
    );
    assert_eq!(
        lines("en")[1],
        "  GH01 G-0026 — New (first reported 2026-10) — Class A profile is missing birthday: ask the guest or the account manager and fill it in."
    );
    // A history of schema 3 (one row a finding): a row of text only, written before messages were
    // kept as data, and one with its message as data. Opened, its findings are rewritten in
    // chunks, and each reads back as it was.
    conn.execute_batch(
        r#"DROP TABLE finding_chunks;
         CREATE TABLE findings (month TEXT NOT NULL, rule TEXT NOT NULL, register TEXT NOT NULL,
             record TEXT NOT NULL, field TEXT NOT NULL, severity TEXT NOT NULL, file TEXT NOT NULL,
             sheet TEXT NOT NULL, row INTEGER NOT NULL, col TEXT NOT NULL, message TEXT NOT NULL,
             first_reported TEXT NOT NULL, status TEXT NOT NULL, args TEXT);
         INSERT INTO findings VALUES ('2026-10', 'GH01', 'guests', 'G-0026', 'birthday', 'warning',
             'guests.xlsx', '2026', 5, 'F', 'Written in English by an earlier clerk.', '2026-10',
             'new', NULL);
         INSERT INTO findings VALUES ('2026-10', 'GH01', 'guests', 'G-0035', 'phone', 'warning',
             'guests.xlsx', '2026', 6, 'G', '', '2026-10', 'new',
             '{"k":"msg.GH01","a":{"class":"B","fields":{"l":["f",[{"w":{"f":"phone"}}]]},"n":"1"}}');
         PRAGMA user_version = 3;"#,
    )
    .unwrap();
    drop(conn);
    assert_eq!(
        lines("zh-Hant")[1..],
        [
            "  GH01 G-0026——新增（首次報告：2026-10）——Written in English by an earlier clerk.",
            "  GH01 G-0035——新增（首次報告：2026-10）——B類客人的檔案缺少「電話」：請向客人或客戶經理了解後補齊。",
        ]
    );
    let conn = rusqlite::Connection::open(office.database()).unwrap();
    let version: i32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, 4);
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_master WHERE name = 'findings'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(tables, 0, "the rows are rewritten in chunks");
}

/// The history is written while the report is, and kept only if the report was written: a run
/// whose workbook cannot be written leaves the history as it was.
#[test]
fn a_run_whose_report_cannot_be_written_leaves_the_history_as_it_was() {
    let office = Office::new();
    office.run_ok("2026-10");
    let before = dump(&office.database());
    // A folder where November's workbook goes: the workbook cannot be written there.
    std::fs::create_dir_all(office.out.join("2026-11/clerk-2026-11.xlsx/in-the-way")).unwrap();
    let ran = office.run("2026-11", &[]);
    assert_eq!(ran.status, 2, "{}{}", ran.stdout, ran.stderr);
    assert!(ran.stderr.contains("clerk-2026-11.xlsx"), "{}", ran.stderr);
    assert_eq!(dump(&office.database()), before);
}
