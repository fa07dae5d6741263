//! FB01–FB02 and CP01–CP04 on small fixture workbooks (each fires where it must, at the right cell,
//! and stays quiet where it must not), the complaint-record variant end to end, and the Feedback
//! monthly report and Complaints sheets read back from the workbook `clerk run` writes.

mod common;

use std::path::{Path, PathBuf};

use calamine::{open_workbook_auto, Data, Reader};
use common::*;

/// The test register's columns: canonical name, header, column letter.
const COLUMNS: &[(&str, &str)] = &[
    ("id", "編號"),                            // A
    ("received_date", "接收日期"),             // B
    ("customer", "顧客"),                      // C
    ("channel", "渠道"),                       // D
    ("kind", "類別"),                          // E
    ("major", "重大"),                         // F
    ("content", "內容"),                       // G
    ("handler", "處理人"),                     // H
    ("review_date", "評審日期"),               // I
    ("action", "處理措施"),                    // J
    ("service_required", "需售後服務"),        // K
    ("service_date", "服務日期"),              // L
    ("service_report_no", "售後服務報告單號"), // M
    ("customer_evaluation", "顧客評價"),       // N
    ("verification", "驗證結果"),              // O
    ("reply_date", "回復日期"),                // P
    ("reply", "回復內容"),                     // Q
    ("resolved_date", "解決日期"),             // R
    ("next_reply_date", "下次回復日期"),       // S
    ("reported_to", "報告對象"),               // T
    ("reported_at", "報告時間"),               // U
    ("department", "責任部門"),                // V
    ("notes", "備註"),                         // W
];

fn header() -> Vec<C> {
    COLUMNS.iter().map(|(_, h)| s(h)).collect()
}

/// A compliant, resolved October complaint: received, reviewed, handled, replied courteously.
fn good(id: &'static str) -> Vec<C> {
    let mut row = vec![B; COLUMNS.len()];
    set(
        &mut row,
        &[
            ("id", s(id)),
            ("received_date", Dt(2026, 10, 5, 9, 0)),
            ("customer", s("華東機械廠")),
            ("channel", s("電話")),
            ("kind", s("投訴")),
            ("content", s("送貨延誤")),
            ("handler", s("張三")),
            ("review_date", D(2026, 10, 6)),
            ("action", s("補發貨物並致歉")),
            ("reply_date", D(2026, 10, 8)),
            ("reply", s("您好，已為您補發貨物，謝謝您的耐心。")),
            ("resolved_date", D(2026, 10, 8)),
            ("department", s("售後服務部")),
        ],
    );
    row
}

fn set(row: &mut [C], values: &[(&str, C)]) {
    for (field, value) in values {
        let i = COLUMNS
            .iter()
            .position(|(f, _)| f == field)
            .unwrap_or_else(|| panic!("no column {field}"));
        row[i] = value.clone();
    }
}

fn with(mut row: Vec<C>, values: &[(&str, C)]) -> Vec<C> {
    set(&mut row, values);
    row
}

/// An inbox holding the feedback register (title row, blank row, header on row 3, data from row 4).
fn inbox(rows: Vec<Vec<C>>) -> tempfile::TempDir {
    let dir = tempdir();
    let mut all = vec![vec![s("2026年10月顧客反饋信息處理登記表")], vec![], header()];
    all.extend(rows);
    xlsx(&dir.path().join("inbox/反饋.xlsx"), vec![sheet("登記表", all)]);
    dir
}

fn check(dir: &tempfile::TempDir) -> serde_json::Value {
    check_json(&dir.path().join("inbox"), Some("2026-10"))
}

/// (cell, record, severity) of a rule's findings.
fn spots(json: &serde_json::Value, rule: &str) -> Vec<(String, String, String)> {
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == rule)
        .map(|f| {
            (
                format!("{}{}", f["column"].as_str().unwrap(), f["row"]),
                f["record"].as_str().unwrap().to_string(),
                f["severity"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn spot(cell: &str, record: &str, severity: &str) -> (String, String, String) {
    (cell.into(), record.into(), severity.into())
}

fn messages(json: &serde_json::Value, rule: &str) -> Vec<String> {
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == rule)
        .map(|f| f["message"].as_str().unwrap().to_string())
        .collect()
}

fn family_findings(json: &serde_json::Value) -> Vec<String> {
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| {
            let r = f["rule"].as_str().unwrap();
            r.starts_with("FB") || r.starts_with("CP")
        })
        .map(|f| format!("{} {}{} {}", f["rule"], f["column"], f["row"], f["record"]))
        .collect()
}

#[test]
fn a_compliant_register_gives_no_feedback_findings() {
    let dir = inbox(vec![
        good("FK-01"),
        with(good("FK-02"), &[("kind", s("表揚")), ("reply", B), ("reply_date", B)]),
    ]);
    let json = check(&dir);
    assert!(family_findings(&json).is_empty(), "{:?}", family_findings(&json));
}

#[test]
fn fb01_unreviewed_is_an_error_late_review_a_warning() {
    let dir = inbox(vec![
        // As-of 2026-10-31: received 10-23 is 8 days before it, 10-24 exactly 7.
        with(
            good("FK-01"),
            &[
                ("received_date", D(2026, 10, 23)),
                ("review_date", B),
                ("reply_date", D(2026, 10, 25)),
                ("resolved_date", D(2026, 10, 25)),
            ],
        ),
        with(
            good("FK-02"),
            &[
                ("received_date", D(2026, 10, 24)),
                ("review_date", B),
                ("reply_date", D(2026, 10, 25)),
                ("resolved_date", D(2026, 10, 25)),
            ],
        ),
        // Reviewed 8 days after receipt: late; 7 days: on time.
        with(
            good("FK-03"),
            &[
                ("received_date", D(2026, 10, 1)),
                ("review_date", D(2026, 10, 9)),
                ("reply_date", D(2026, 10, 9)),
                ("resolved_date", D(2026, 10, 9)),
            ],
        ),
        with(
            good("FK-04"),
            &[
                ("received_date", D(2026, 10, 1)),
                ("review_date", D(2026, 10, 8)),
                ("reply_date", D(2026, 10, 9)),
                ("resolved_date", D(2026, 10, 9)),
            ],
        ),
    ]);
    let json = check(&dir);
    assert_eq!(
        spots(&json, "FB01"),
        [spot("I4", "FK-01", "error"), spot("I6", "FK-03", "warning")]
    );
    let m = messages(&json, "FB01");
    assert!(m[0].contains("8 days") && m[0].contains("7 days"), "{m:?}");
    assert!(m[1].contains("2026-10-09"), "{m:?}");
}

#[test]
fn fb01_review_days_is_a_setting() {
    let dir = inbox(vec![with(
        good("FK-01"),
        &[("received_date", D(2026, 10, 1)), ("review_date", D(2026, 10, 4))],
    )]);
    std::fs::write(dir.path().join("inbox/clerk.toml"), "[feedback]\nreview_days = 2\n").unwrap();
    let json = check(&dir);
    assert_eq!(spots(&json, "FB01"), [spot("I4", "FK-01", "warning")]);
}

#[test]
fn fb02_after_sales_service_needs_its_report() {
    let service = |id| {
        with(
            good(id),
            &[
                ("service_required", s("是")),
                ("service_date", D(2026, 10, 7)),
                ("service_report_no", s("SR-1")),
                ("customer_evaluation", s("滿意")),
                ("verification", s("已驗證合格")),
            ],
        )
    };
    let dir = inbox(vec![
        with(service("FK-01"), &[("service_report_no", B), ("verification", B)]),
        with(service("FK-02"), &[("service_required", B), ("customer_evaluation", B)]),
        with(service("FK-03"), &[("service_date", B), ("verification", B)]),
        service("FK-04"),
        with(good("FK-05"), &[("service_required", s("否"))]),
    ]);
    let json = check(&dir);
    assert_eq!(
        spots(&json, "FB02"),
        [
            spot("M4", "FK-01", "error"),
            spot("N5", "FK-02", "error"),
            spot("O6", "FK-03", "error"),
        ]
    );
    let m = messages(&json, "FB02");
    assert!(
        m[0].contains("service report no") && m[0].contains("verification"),
        "{m:?}"
    );
}

#[test]
fn cp01_unfollowed_and_overdue_complaints() {
    let open = |id| with(good(id), &[("reply", B), ("reply_date", B), ("resolved_date", B)]);
    let dir = inbox(vec![
        // Never replied, no next reply date.
        open("FK-01"),
        // Agreed next reply 10-20, nothing since: overdue.
        with(open("FK-02"), &[("next_reply_date", D(2026, 10, 20))]),
        // Agreed next reply in the future, or on the as-of day: not overdue.
        with(open("FK-03"), &[("next_reply_date", D(2026, 11, 5))]),
        with(open("FK-04"), &[("next_reply_date", D(2026, 10, 31))]),
        // Replied on the agreed day: followed.
        with(
            open("FK-05"),
            &[("next_reply_date", D(2026, 10, 20)), ("reply_date", D(2026, 10, 20))],
        ),
        // Replied the day before the agreed one, nothing after: overdue.
        with(
            open("FK-06"),
            &[("next_reply_date", D(2026, 10, 20)), ("reply_date", D(2026, 10, 19))],
        ),
        // A grievance counts; a suggestion does not.
        with(open("FK-07"), &[("kind", s("抱怨"))]),
        with(open("FK-08"), &[("kind", s("建議"))]),
        // Resolved: followed through.
        good("FK-09"),
    ]);
    let json = check(&dir);
    assert_eq!(
        spots(&json, "CP01"),
        [
            spot("P4", "FK-01", "error"),
            spot("S5", "FK-02", "error"),
            spot("S9", "FK-06", "error"),
            spot("P10", "FK-07", "error"),
        ]
    );
    let m = messages(&json, "CP01");
    assert!(m[1].contains("2026-10-20") && m[1].contains("11 days"), "{m:?}");
}

#[test]
fn cp01_complaint_from_an_earlier_month_still_open() {
    let dir = inbox(vec![
        // September, next reply agreed for 09-30 and never given: still open, overdue.
        with(
            good("OLD-1"),
            &[
                ("received_date", D(2026, 9, 10)),
                ("review_date", D(2026, 9, 11)),
                ("reply", B),
                ("reply_date", B),
                ("resolved_date", B),
                ("next_reply_date", D(2026, 9, 30)),
            ],
        ),
        // September, resolved in September: not covered, no findings.
        with(
            good("OLD-2"),
            &[
                ("received_date", D(2026, 9, 10)),
                ("review_date", D(2026, 9, 11)),
                ("reply", B),
            ],
        ),
        // September, resolved in October: no longer open at as-of.
        with(
            good("OLD-3"),
            &[
                ("received_date", D(2026, 9, 10)),
                ("review_date", D(2026, 9, 11)),
                ("resolved_date", D(2026, 10, 3)),
                ("reply_date", D(2026, 10, 3)),
            ],
        ),
    ]);
    let json = check(&dir);
    assert_eq!(spots(&json, "CP01"), [spot("S4", "OLD-1", "error")]);
    assert!(messages(&json, "CP01")[0].contains("31 days"));
    assert!(spots(&json, "CP02").is_empty(), "OLD-2 is outside the month");
}

#[test]
fn cp02_resolved_complaint_needs_reply_and_record() {
    let dir = inbox(vec![
        with(good("FK-01"), &[("reply_date", B)]),
        with(good("FK-02"), &[("reply", B), ("action", B)]),
        with(good("FK-03"), &[("action", B)]),
        good("FK-04"),
        // Not resolved: CP01's business, not CP02's.
        with(
            good("FK-05"),
            &[("resolved_date", B), ("action", B), ("next_reply_date", D(2026, 11, 2))],
        ),
        // Praise needs no reply record.
        with(
            good("FK-06"),
            &[("kind", s("表揚")), ("reply", B), ("reply_date", B), ("action", B)],
        ),
    ]);
    let json = check(&dir);
    assert_eq!(
        spots(&json, "CP02"),
        [
            spot("P4", "FK-01", "error"),
            spot("Q5", "FK-02", "error"),
            spot("J6", "FK-03", "error"),
        ]
    );
    assert!(messages(&json, "CP02")[1].contains("reply and action are blank"));
}

#[test]
fn cp03_major_complaints_exactly_24_hours_is_on_time_24_01_is_not() {
    let major = |id, received: C, to: C, at: C| {
        with(
            good(id),
            &[
                ("major", s("是")),
                ("received_date", received),
                ("review_date", D(2026, 10, 6)),
                ("reported_to", to),
                ("reported_at", at),
            ],
        )
    };
    let dir = inbox(vec![
        major("FK-01", Dt(2026, 10, 5, 9, 30), s("王經理"), Dt(2026, 10, 6, 9, 30)),
        major("FK-02", Dt(2026, 10, 5, 9, 30), s("王經理"), Dt(2026, 10, 6, 9, 31)),
        major("FK-03", Dt(2026, 10, 5, 9, 30), B, B),
        major("FK-04", Dt(2026, 10, 5, 9, 30), s("王經理"), B),
        // Dates only: the next day is on time, two days later is not.
        major("FK-05", D(2026, 10, 5), s("王經理"), D(2026, 10, 6)),
        major("FK-06", D(2026, 10, 5), s("王經理"), D(2026, 10, 7)),
        // Not marked major: no report needed.
        with(good("FK-07"), &[("major", s("否"))]),
        // Date-time written as text.
        major("FK-08", s("2026-10-05 08:00"), s("李總"), s("2026/10/6 8:00")),
    ]);
    let json = check(&dir);
    assert_eq!(
        spots(&json, "CP03"),
        [
            spot("U5", "FK-02", "error"),
            spot("T6", "FK-03", "error"),
            spot("U7", "FK-04", "error"),
            spot("U9", "FK-06", "error"),
        ]
    );
    let m = messages(&json, "CP03");
    assert!(
        m[0].contains("reported 24 hours 1 minute after it was received"),
        "{m:?}"
    );
    assert!(m[3].contains("2 days"), "{m:?}");
}

#[test]
fn cp04_forbidden_phrases_in_either_script_and_any_punctuation() {
    let dir = inbox(vec![
        // Traditional with full-width punctuation.
        with(good("FK-01"), &[("reply", s("喂，幹什麼？您的貨已補發。"))]),
        // Simplified, in the action.
        with(good("FK-02"), &[("action", s("答复顾客:不关我的事"))]),
        // Spaces and half-width punctuation; in the notes column.
        with(good("FK-03"), &[("notes", s("電話中說了「煩 不 煩!」,已批評教育"))]),
        // Courtesy phrases and ordinary words sharing characters: nothing.
        with(
            good("FK-04"),
            &[("reply", s("您好，請稍等一下，老太太的報修已安排師傅上門，請放心。"))],
        ),
        // The customer's own words are not checked.
        with(good("FK-05"), &[("content", s("服務員說:你這人真啰嗦"))]),
    ]);
    let json = check(&dir);
    assert_eq!(
        spots(&json, "CP04"),
        [
            spot("Q4", "FK-01", "error"),
            spot("J5", "FK-02", "error"),
            spot("W6", "FK-03", "error"),
        ]
    );
    let m = messages(&json, "CP04");
    assert!(m[0].contains("喂，幹什麼"), "{m:?}");
    assert!(m[1].contains("不关我的事"), "{m:?}");
    assert!(m[2].contains("煩 不 煩"), "{m:?}");
}

#[test]
fn cp04_quotes_the_phrase_in_the_report_language() {
    let dir = inbox(vec![with(good("FK-01"), &[("reply", s("你問我,我問誰?"))])]);
    let ran = run_in(
        dir.path(),
        &[
            "check", "inbox", "--month", "2026-10", "--format", "json", "--lang", "zh-Hant",
        ],
    );
    let json: serde_json::Value = serde_json::from_str(&ran.stdout).unwrap();
    let m = messages(&json, "CP04");
    assert_eq!(m.len(), 1);
    assert!(m[0].contains("服務忌語「你問我,我問誰」"), "{m:?}");
}

#[test]
fn complaint_record_without_a_kind_column_makes_every_row_a_complaint() {
    let dir = tempdir();
    let header = vec![
        s("投訴編號"),
        s("投訴日期"),
        s("投訴人"),
        s("投訴內容"),
        s("評審日期"),
        s("回復日期"),
        s("回復內容"),
        s("處理措施"),
        s("解決日期"),
    ];
    let rows = vec![
        header.clone(),
        vec![
            s("TS-1"),
            D(2026, 10, 3),
            s("李先生"),
            s("噪音"),
            D(2026, 10, 4),
            B,
            B,
            B,
            B,
        ],
        vec![
            s("TS-2"),
            D(2026, 10, 3),
            s("王女士"),
            s("漏水"),
            D(2026, 10, 4),
            D(2026, 10, 6),
            s("您好，已維修"),
            s("維修"),
            D(2026, 10, 6),
        ],
    ];
    // By sheet name…
    xlsx(
        &dir.path().join("inbox/投訴.xlsx"),
        vec![sheet("顧客投訴記錄", rows.clone())],
    );
    // …and by a title row above the header.
    let mut titled = vec![vec![s("顧客投訴記錄(2026年10月)")]];
    titled.extend(rows.into_iter().map(|mut r| {
        if let S(id) = r[0] {
            if id.starts_with("TS") {
                r[0] = S(if id == "TS-1" { "TT-1" } else { "TT-2" });
            }
        }
        r
    }));
    xlsx(&dir.path().join("inbox/投訴2.xlsx"), vec![sheet("Sheet1", titled)]);
    let json = check_json(&dir.path().join("inbox"), Some("2026-10"));
    assert!(cells(&json, "RG01").is_empty(), "no kind column is needed: {json}");
    assert_eq!(
        cells_of(&json, "CP01"),
        [
            ("投訴.xlsx".into(), "顧客投訴記錄".into(), "F2".into(), "TS-1".into()),
            ("投訴2.xlsx".into(), "Sheet1".into(), "F3".into(), "TT-1".into()),
        ]
    );
    // The Complaints sheet lists both open complaints.
    let (book, _) = run_report(dir.path(), &[]);
    let grid = read_sheet(&book, "Complaints");
    assert_eq!(figure(&grid, "Complaints and grievances received in the month"), "4");
    assert!(row_of(&grid, "TS-1").is_some() && row_of(&grid, "TT-1").is_some());
    assert!(row_of(&grid, "TS-2").is_none());
}

// ---- The workbook, read back

/// Runs `clerk run inbox --month 2026-10 --out reports`; the workbook and HTML paths.
fn run_report(dir: &Path, extra: &[&str]) -> (PathBuf, PathBuf) {
    let mut args = vec!["run", "inbox", "--month", "2026-10", "--out", "reports"];
    args.extend_from_slice(extra);
    let ran = run_in(dir, &args);
    assert_eq!(ran.status, 0, "{}\n{}", ran.stdout, ran.stderr);
    let folder = dir.join("reports/2026-10");
    (folder.join("clerk-2026-10.xlsx"), folder.join("summary-2026-10.html"))
}

/// A sheet as text: dates as `2026-10-05` or `2026-10-05 09:30`, numbers as written.
fn read_sheet(path: &Path, name: &str) -> Vec<Vec<String>> {
    let mut book = open_workbook_auto(path).unwrap();
    let names = book.sheet_names();
    assert!(names.iter().any(|n| n == name), "no sheet {name} in {names:?}");
    let range = book.worksheet_range(name).unwrap();
    let (first_row, first_col) = range.start().unwrap_or((0, 0));
    let mut grid = vec![Vec::new(); first_row as usize];
    for row in range.rows() {
        let mut cells = vec![String::new(); first_col as usize];
        cells.extend(row.iter().map(shown));
        grid.push(cells);
    }
    grid
}

fn shown(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(n) => n.to_string(),
        Data::Float(f) => {
            if f.fract() == 0.0 {
                format!("{}", *f as i64)
            } else {
                format!("{f:.3}").trim_end_matches('0').to_string()
            }
        }
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) => {
            let serial = dt.as_f64();
            let base = chrono::NaiveDate::from_ymd_opt(1899, 12, 30)
                .unwrap()
                .and_hms_opt(0, 0, 0)
                .unwrap();
            let at = base + chrono::Duration::seconds((serial * 86400.0).round() as i64);
            if serial.fract() == 0.0 {
                at.format("%Y-%m-%d").to_string()
            } else {
                at.format("%Y-%m-%d %H:%M").to_string()
            }
        }
        other => other.to_string(),
    }
}

/// The first row whose first cell (trimmed) is `label`.
fn row_of<'a>(grid: &'a [Vec<String>], label: &str) -> Option<&'a Vec<String>> {
    grid.iter().find(|r| r.first().is_some_and(|c| c.trim() == label))
}

/// Index of the first row whose first cell is `label`.
fn index_of(grid: &[Vec<String>], label: &str) -> usize {
    grid.iter()
        .position(|r| r.first().is_some_and(|c| c.trim() == label))
        .unwrap_or_else(|| panic!("no row {label}"))
}

/// The value next to a label.
/// A figure: its label spans columns A–B, the figure stands in C.
fn figure(grid: &[Vec<String>], label: &str) -> String {
    row_of(grid, label).unwrap_or_else(|| panic!("no figure {label} in {grid:?}"))[2].clone()
}

/// The rows of the table under a section title, up to the first blank row.
fn table<'a>(grid: &'a [Vec<String>], title: &str) -> Vec<&'a Vec<String>> {
    let start = index_of(grid, title) + 2;
    grid[start..]
        .iter()
        .take_while(|r| r.iter().any(|c| !c.is_empty()))
        .collect()
}

/// The month of the report tests: see the expected figures in the test below.
fn month_inbox() -> tempfile::TempDir {
    inbox(vec![
        // A resolved complaint, replied courteously.
        good("FK-01"),
        // A suggestion reviewed but not resolved.
        with(
            good("FK-02"),
            &[
                ("kind", s("建議")),
                ("channel", s("郵件")),
                ("department", s("銷售公司")),
                ("received_date", D(2026, 10, 10)),
                ("review_date", D(2026, 10, 12)),
                ("reply", B),
                ("reply_date", B),
                ("resolved_date", B),
            ],
        ),
        // A complaint whose agreed reply of 10-20 never came: overdue.
        with(
            good("FK-03"),
            &[
                ("channel", s("來訪")),
                ("handler", s("李四")),
                ("received_date", D(2026, 10, 12)),
                ("review_date", D(2026, 10, 13)),
                ("next_reply_date", D(2026, 10, 20)),
                ("reply", B),
                ("reply_date", B),
                ("resolved_date", B),
            ],
        ),
        // A complaint with the next reply agreed for November: open, not overdue.
        with(
            good("FK-04"),
            &[
                ("received_date", D(2026, 10, 15)),
                ("review_date", D(2026, 10, 16)),
                ("next_reply_date", D(2026, 11, 5)),
                ("reply", B),
                ("reply_date", B),
                ("resolved_date", B),
            ],
        ),
        // A major complaint reported 25 hours after receipt, answered with a forbidden phrase.
        with(
            good("FK-05"),
            &[
                ("major", s("是")),
                ("received_date", Dt(2026, 10, 20, 9, 30)),
                ("review_date", D(2026, 10, 20)),
                ("reported_to", s("王經理")),
                ("reported_at", Dt(2026, 10, 21, 10, 30)),
                ("reply_date", D(2026, 10, 25)),
                ("reply", s("喂，幹什麼？已處理。")),
                ("resolved_date", D(2026, 10, 25)),
            ],
        ),
        // Praise received three days before as-of, not reviewed yet: open.
        with(
            good("FK-06"),
            &[
                ("kind", s("表揚")),
                ("received_date", D(2026, 10, 28)),
                ("review_date", B),
                ("action", B),
                ("reply", B),
                ("reply_date", B),
                ("resolved_date", B),
                ("department", B),
            ],
        ),
        // An inquiry with after-sales service whose verification is missing.
        with(
            good("FK-07"),
            &[
                ("kind", s("問詢")),
                ("received_date", D(2026, 10, 7)),
                ("review_date", D(2026, 10, 8)),
                ("service_required", s("是")),
                ("service_date", D(2026, 10, 10)),
                ("service_report_no", s("SR-7")),
                ("customer_evaluation", s("滿意")),
                ("reply_date", D(2026, 10, 12)),
                ("reply", s("已處理完畢。")),
                ("resolved_date", D(2026, 10, 13)),
            ],
        ),
        // September, still open, overdue since 09-30.
        with(
            good("OLD-09"),
            &[
                ("received_date", D(2026, 9, 10)),
                ("review_date", D(2026, 9, 11)),
                ("next_reply_date", D(2026, 9, 30)),
                ("reply", B),
                ("reply_date", B),
                ("resolved_date", B),
            ],
        ),
        // August, resolved: not part of October.
        with(
            good("OLD-08"),
            &[
                ("received_date", D(2026, 8, 1)),
                ("review_date", D(2026, 8, 2)),
                ("reply_date", D(2026, 8, 10)),
                ("resolved_date", D(2026, 8, 10)),
            ],
        ),
    ])
}

#[test]
fn the_month_inbox_gives_exactly_its_planted_findings() {
    let dir = month_inbox();
    let json = check(&dir);
    assert_eq!(
        family_findings(&json),
        [
            "\"CP01\" \"S\"6 \"FK-03\"",
            "\"CP03\" \"U\"8 \"FK-05\"",
            "\"CP04\" \"Q\"8 \"FK-05\"",
            "\"FB02\" \"O\"10 \"FK-07\"",
            "\"CP01\" \"S\"11 \"OLD-09\"",
        ]
    );
}

#[test]
fn feedback_monthly_report_sheet() {
    let dir = month_inbox();
    let (book, _) = run_report(dir.path(), &[]);
    let grid = read_sheet(&book, "Feedback monthly report");
    assert!(
        grid[0][0].starts_with("Customer feedback monthly report"),
        "{:?}",
        grid[0]
    );
    assert!(grid[2][0].contains("6.9"), "{:?}", grid[2]);

    let expect = [
        ("Feedback received in the month", "7"),
        ("of which complaints and grievances", "4"),
        ("Reviewed", "6"),
        ("reviewed within 7 days", "6"),
        ("Replied to the customer", "3"),
        ("Handled and resolved", "3"),
        ("After-sales services", "1"),
        ("with a service report", "1"),
        ("with the customer's evaluation", "1"),
        ("with the verification of the result", "0"),
        ("Median days from receipt to review", "1"),
        ("Median days from receipt to reply", "5"),
        ("Median days from receipt to resolution", "5"),
        ("Open items from earlier months", "1"),
        ("Open at the as-of date (all months)", "5"),
    ];
    for (label, value) in expect {
        assert_eq!(figure(&grid, label), value, "{label}");
    }
    // Shares of the month's feedback: 4 of 7 complaints.
    assert_eq!(row_of(&grid, "of which complaints and grievances").unwrap()[3], "0.571");

    let kinds = table(&grid, "By kind");
    let line = |label: &str| -> Vec<String> {
        kinds
            .iter()
            .find(|r| r[0] == label)
            .map(|r| r[..3].to_vec())
            .unwrap_or_else(|| panic!("no {label} in {kinds:?}"))
    };
    assert_eq!(line("complaint"), ["complaint", "4", "3"]);
    assert_eq!(line("grievance"), ["grievance", "0", "0"]);
    assert_eq!(line("suggestion"), ["suggestion", "1", "1"]);
    assert_eq!(line("praise"), ["praise", "1", "1"]);
    assert_eq!(line("inquiry"), ["inquiry", "1", "0"]);

    let channels: Vec<(String, String)> = table(&grid, "By channel")
        .iter()
        .map(|r| (r[0].clone(), r[1].clone()))
        .collect();
    assert_eq!(
        channels,
        [
            ("phone".to_string(), "5".to_string()),
            ("visit".into(), "1".into()),
            ("e-mail".into(), "1".into()),
        ]
    );
    let departments: Vec<(String, String, String)> = table(&grid, "By responsible department")
        .iter()
        .map(|r| (r[0].clone(), r[1].clone(), r[2].clone()))
        .collect();
    assert_eq!(
        departments,
        [
            ("售後服務部".to_string(), "5".to_string(), "3".to_string()),
            ("銷售公司".into(), "1".into(), "1".into()),
            ("(not given)".into(), "1".into(), "1".into()),
        ]
    );

    // Every open item, oldest first, with its age in days at as-of 2026-10-31.
    let open: Vec<(String, String, String, String)> = table(&grid, "Items still open, oldest first")
        .iter()
        .map(|r| (r[0].clone(), r[1].clone(), r[2].clone(), r[3].clone()))
        .collect();
    assert_eq!(
        open,
        [
            (
                "OLD-09".to_string(),
                "2026-09-10".to_string(),
                "51".to_string(),
                "yes".to_string()
            ),
            ("FK-02".into(), "2026-10-10".into(), "21".into(), "".into()),
            ("FK-03".into(), "2026-10-12".into(), "19".into(), "".into()),
            ("FK-04".into(), "2026-10-15".into(), "16".into(), "".into()),
            ("FK-06".into(), "2026-10-28".into(), "3".into(), "".into()),
        ]
    );
    let status = |id: &str| row_of(&grid, id).unwrap()[10].clone();
    assert_eq!(status("OLD-09"), "reply overdue since 2026-09-30");
    assert_eq!(status("FK-04"), "next reply due 2026-11-05");
    assert_eq!(status("FK-06"), "not reviewed; not resolved");

    // Signed as the monthly record.
    let signatures = grid
        .iter()
        .find(|r| r.first().is_some_and(|c| c == "Prepared by:"))
        .expect("signature line");
    assert!(signatures.contains(&"Checked by:".to_string()) && signatures.contains(&"Approved by:".to_string()));
    assert!(grid.iter().any(|r| r.first().is_some_and(|c| c == "Date:")));
}

#[test]
fn complaints_sheet() {
    let dir = month_inbox();
    let (book, _) = run_report(dir.path(), &[]);
    let grid = read_sheet(&book, "Complaints");
    for (label, value) in [
        ("Complaints and grievances received in the month", "4"),
        ("Open at the as-of date (all months)", "3"),
        ("overdue: agreed reply date passed without a reply", "2"),
        ("not replied and no next reply date agreed", "0"),
        ("Major complaints", "1"),
        ("not reported within 24 hours", "1"),
        ("Forbidden service phrases found", "1"),
        ("Replies recorded", "3"),
        ("using at least one courtesy phrase (文明用語)", "1"),
    ] {
        assert_eq!(figure(&grid, label), value, "{label}");
    }
    assert_eq!(
        row_of(&grid, "using at least one courtesy phrase (文明用語)").unwrap()[3],
        "0.333"
    );

    // Open complaints, oldest first: id, received, age, …, last reply, next reply, days overdue.
    let open: Vec<(String, String, String, String)> = table(&grid, "Open complaints, oldest first")
        .iter()
        .map(|r| (r[0].clone(), r[2].clone(), r[7].clone(), r[8].clone()))
        .collect();
    assert_eq!(
        open,
        [
            (
                "OLD-09".to_string(),
                "51".to_string(),
                "2026-09-30".to_string(),
                "31".to_string()
            ),
            ("FK-03".into(), "19".into(), "2026-10-20".into(), "11".into()),
            ("FK-04".into(), "16".into(), "2026-11-05".into(), "".into()),
        ]
    );

    let major = table(&grid, "Major complaints and their reporting");
    assert_eq!(major.len(), 1);
    assert_eq!(
        major[0][..7],
        [
            "FK-05",
            "2026-10-20 09:30",
            "華東機械廠",
            "王經理",
            "2026-10-21 10:30",
            "25 hours",
            "late"
        ]
    );

    let phrases = table(&grid, "Forbidden service phrases found (服務忌語)");
    assert_eq!(phrases.len(), 1);
    assert_eq!(phrases[0][0], "FK-05");
    assert_eq!(phrases[0][2], "反饋.xlsx › 登記表 › Q8");
    assert!(phrases[0][3].contains("喂，幹什麼"), "{:?}", phrases[0]);
}

#[test]
fn html_summary_has_the_headline_figures_and_the_overdue_list() {
    let dir = month_inbox();
    let (_, html) = run_report(dir.path(), &[]);
    let html = std::fs::read_to_string(html).unwrap();
    for needle in [
        "Customer feedback",
        "Received in the month",
        "7, of which 4 complaints or grievances",
        "Overdue replies",
        "OLD-09",
        "FK-03",
        "2026-10-20",
        "33% (1 of 3)",
    ] {
        assert!(html.contains(needle), "{needle} not in the HTML");
    }
    // FK-04 is open but not overdue: it is not in the overdue list.
    assert!(!html.contains("FK-04"));
}

#[test]
fn nothing_open_and_nothing_major_is_said_plainly() {
    let dir = inbox(vec![good("FK-01")]);
    let (book, html) = run_report(dir.path(), &[]);
    let grid = read_sheet(&book, "Complaints");
    assert!(row_of(&grid, "No complaint is open at the as-of date.").is_some());
    assert!(row_of(&grid, "No major complaint in the period.").is_some());
    assert!(row_of(&grid, "No forbidden service phrase was found.").is_some());
    let grid = read_sheet(&book, "Feedback monthly report");
    assert!(row_of(&grid, "No item is open at the as-of date.").is_some());
    let html = std::fs::read_to_string(html).unwrap();
    assert!(html.contains("No complaint reply is overdue."));
}

#[test]
fn without_a_feedback_register_the_report_says_so() {
    let dir = tempdir();
    xlsx(
        &dir.path().join("inbox/合同.xlsx"),
        vec![sheet("2026", vec![contract_header(), contract_row("HT-001")])],
    );
    let (book, html) = run_report(dir.path(), &[]);
    for name in ["Feedback monthly report", "Complaints"] {
        let grid = read_sheet(&book, name);
        assert!(
            row_of(&grid, "No feedback register was given.").is_some(),
            "{name}: {grid:?}"
        );
        assert!(row_of(&grid, "Feedback received in the month").is_none());
    }
    let html = std::fs::read_to_string(html).unwrap();
    assert!(html.contains("No feedback register was given."));
    assert!(!html.contains("Overdue replies"));
}

#[test]
fn the_report_in_traditional_chinese() {
    let dir = month_inbox();
    let (book, _) = run_report(dir.path(), &["--lang", "zh-Hant"]);
    let grid = read_sheet(&book, "顧客反饋信息月報表");
    assert!(grid[0][0].starts_with("顧客反饋信息月報表"));
    assert_eq!(figure(&grid, "本月接收的顧客反饋"), "7");
    assert_eq!(figure(&grid, "其中投訴及抱怨"), "4");
    let signatures = grid
        .iter()
        .find(|r| r.first().is_some_and(|c| c == "編製："))
        .expect("signature line");
    assert!(signatures.contains(&"審核：".to_string()) && signatures.contains(&"批准：".to_string()));
    let grid = read_sheet(&book, "顧客投訴");
    assert_eq!(figure(&grid, "重大投訴"), "1");
    let major = table(&grid, "重大投訴及其報告");
    assert_eq!(major[0][5], "25 小時");
    assert_eq!(major[0][6], "逾時");
}

// ---- Sample data

/// Rows of the sample-data README table `| rule | file | sheet | cell | record | what |` whose
/// rule is FB… or CP….
fn planted(readme: &str) -> Vec<(String, String, String, String, String)> {
    let mut out = Vec::new();
    let mut in_planted = false;
    for line in readme.lines() {
        let lower = line.to_lowercase();
        if lower.starts_with('#') {
            in_planted = !lower.contains("must not");
            continue;
        }
        if !in_planted || !line.trim_start().starts_with('|') {
            continue;
        }
        let cells: Vec<String> = line
            .trim()
            .trim_matches('|')
            .split('|')
            .map(|c| c.trim().trim_matches('`').to_string())
            .collect();
        if cells.len() < 5 {
            continue;
        }
        let rule = cells[0].clone();
        if rule.starts_with("FB") || rule.starts_with("CP") {
            out.push((
                rule,
                cells[1].clone(),
                cells[2].clone(),
                cells[3].clone(),
                cells[4].clone(),
            ));
        }
    }
    out.sort();
    out
}

#[test]
fn sample_data_planted_feedback_cases_are_found_and_nothing_else() {
    let root = repo_root();
    let readme = root.join("sample-data/README.md");
    let readme = std::fs::read_to_string(&readme).expect("sample-data/README.md");
    let expected = planted(&readme);
    assert!(!expected.is_empty(), "the README lists no FB/CP case");
    let json = check_json(&root.join("sample-data"), Some("2026-10"));
    let mut found: Vec<(String, String, String, String, String)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| {
            let r = f["rule"].as_str().unwrap();
            r.starts_with("FB") || r.starts_with("CP")
        })
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["file"].as_str().unwrap().to_string(),
                f["sheet"].as_str().unwrap().to_string(),
                format!("{}{}", f["column"].as_str().unwrap(), f["row"]),
                f["record"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    found.sort();
    assert_eq!(found, expected);
}
