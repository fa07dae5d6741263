//! GH01–GH06, the Guests sheet and the consumption analyses on small fixture workbooks: each rule
//! fires where it must, at the right cell, and stays quiet where it must not; the workbook's
//! figures are read back and checked against sums computed here from the fixture rows.

mod common;

use std::path::{Path, PathBuf};

use calamine::{open_workbook_auto, Data, DataType, Reader};
use chrono::NaiveDate;
use common::*;

// ---------------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------------

/// Guest register columns: A id, B name, C class, D company, E phone, F birthday,
/// G anniversary, H dietary habits, I developed, J account manager.
fn guest_header() -> Vec<C> {
    [
        "客戶編號",
        "姓名",
        "類別",
        "單位",
        "電話",
        "生日",
        "結婚紀念日",
        "飲食習慣",
        "開發日期",
        "客戶經理",
    ]
    .into_iter()
    .map(s)
    .collect()
}

/// A complete profile developed long ago; the phone is made from the id so that no two clash.
fn guest(id: &'static str, name: &'static str, class: &'static str) -> Vec<C> {
    let digits: String = id.chars().filter(char::is_ascii_digit).collect();
    vec![
        s(id),
        s(name),
        if class.is_empty() { B } else { s(class) },
        s("華東機械廠"),
        T(format!("139{:0>8}", digits)),
        D(1975, 3, 14),
        D(2000, 5, 20),
        s("不吃辣"),
        D(2020, 1, 10),
        s("李經理"),
    ]
}

/// Visit columns: A date, B guest id, C name, D spend, E menu, F dish rating.
fn visit_header() -> Vec<C> {
    ["日期", "客戶編號", "姓名", "消費金額", "菜單", "菜品評價"]
        .into_iter()
        .map(s)
        .collect()
}

fn visit(date: (u16, u8, u8), id: &'static str, spend: f64) -> Vec<C> {
    vec![
        D(date.0, date.1, date.2),
        if id.is_empty() { B } else { s(id) },
        B,
        N(spend),
        s("宴會菜單甲"),
        s("滿意"),
    ]
}

fn visit_by_name(date: (u16, u8, u8), name: &'static str, spend: f64) -> Vec<C> {
    let mut row = visit(date, "", spend);
    row[2] = s(name);
    row
}

/// Call-back columns: A date, B guest id, C by, D notes.
fn callback_header() -> Vec<C> {
    ["回訪日期", "客戶編號", "回訪人", "回訪內容"]
        .into_iter()
        .map(s)
        .collect()
}

fn callback(date: (u16, u8, u8), id: &'static str) -> Vec<C> {
    vec![D(date.0, date.1, date.2), s(id), s("李經理"), s("電話回訪")]
}

/// Writes the inbox's feedback register (顧客反饋.xlsx): rows of number, received, customer,
/// kind and content.
fn feedback(dir: &tempfile::TempDir, rows: Vec<Vec<C>>) {
    let header = vec![s("編號"), s("接收日期"), s("顧客"), s("類別"), s("內容")];
    xlsx(
        &dir.path().join("inbox/顧客反饋.xlsx"),
        vec![sheet("反饋", with_header(header, rows))],
    );
}

fn with_header(header: Vec<C>, rows: Vec<Vec<C>>) -> Vec<Vec<C>> {
    let mut all = vec![header];
    all.extend(rows);
    all
}

/// An inbox with the registers given (an empty list: that register is absent).
fn inbox(guests: Vec<Vec<C>>, visits: Vec<Vec<C>>, callbacks: Vec<Vec<C>>) -> tempfile::TempDir {
    let dir = tempdir();
    let inbox = dir.path().join("inbox");
    std::fs::create_dir_all(&inbox).unwrap();
    if !guests.is_empty() {
        xlsx(
            &inbox.join("客史檔案.xlsx"),
            vec![sheet("客史", with_header(guest_header(), guests))],
        );
    }
    if !visits.is_empty() {
        xlsx(
            &inbox.join("消費記錄.xlsx"),
            vec![sheet("2026", with_header(visit_header(), visits))],
        );
    }
    if !callbacks.is_empty() {
        xlsx(
            &inbox.join("回訪記錄.xlsx"),
            vec![sheet("回訪", with_header(callback_header(), callbacks))],
        );
    }
    dir
}

fn findings<'a>(json: &'a serde_json::Value, rule: &str) -> Vec<&'a serde_json::Value> {
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == rule)
        .collect()
}

fn check_period(dir: &Path, period: &str) -> serde_json::Value {
    let ran = run_in(dir, &["check", "inbox", "--period", period, "--format", "json"]);
    assert!(ran.status == 0 || ran.status == 1, "{}", ran.stderr);
    serde_json::from_str(&ran.stdout).unwrap()
}

// ---------------------------------------------------------------------------------------------
// GH01
// ---------------------------------------------------------------------------------------------

#[test]
fn gh01_fires_on_a_and_b_profiles_missing_fields_of_their_class() {
    let mut a = guest("G001", "王偉", "A");
    a[4] = B; // phone
    a[5] = B; // birthday
    let mut b = guest("G002", "李娜", "B");
    b[3] = B; // company
    b[5] = B; // birthday: not required for B
    let dir = inbox(vec![a, b, guest("G003", "張強", "A")], vec![], vec![]);
    let json = check_json(&dir.path().join("inbox"), Some("2026-10"));
    assert_eq!(
        cells_of(&json, "GH01"),
        vec![
            ("客史檔案.xlsx".into(), "客史".into(), "E2".into(), "G001".into()),
            ("客史檔案.xlsx".into(), "客史".into(), "D3".into(), "G002".into()),
        ]
    );
    let f = findings(&json, "GH01");
    assert_eq!(f[0]["severity"], "warning");
    assert_eq!(f[0]["field"], "phone");
    let message = f[0]["message"].as_str().unwrap();
    assert!(message.contains("phone and birthday"), "{message}");
    assert!(!f[1]["message"].as_str().unwrap().contains("birthday"));
}

#[test]
fn gh01_quiet_for_complete_and_c_class_profiles() {
    let mut c = guest("G003", "張強", "C");
    for cell in &mut c[3..9] {
        *cell = B;
    }
    let mut none = guest("G004", "趙敏", "");
    none[4] = B;
    let dir = inbox(
        vec![guest("G001", "王偉", "A"), guest("G002", "李娜", "B"), c, none],
        vec![],
        vec![],
    );
    let json = check_json(&dir.path().join("inbox"), Some("2026-10"));
    assert!(cells(&json, "GH01").is_empty(), "{json}");
}

#[test]
fn gh01_follows_the_configured_fields() {
    let mut a = guest("G001", "王偉", "A");
    a[7] = B; // dietary habits: required by default, not by this configuration
    let mut b = guest("G002", "李娜", "B");
    b[5] = B; // birthday: required for B by this configuration
    let dir = inbox(vec![a, b], vec![], vec![]);
    std::fs::write(
        dir.path().join("inbox/clerk.toml"),
        "[guests]\nrequired_a = [\"company\", \"phone\"]\nrequired_b = [\"birthday\"]\n",
    )
    .unwrap();
    let json = check_json(&dir.path().join("inbox"), Some("2026-10"));
    assert_eq!(cells(&json, "GH01"), vec!["F3"]);
}

// ---------------------------------------------------------------------------------------------
// GH02
// ---------------------------------------------------------------------------------------------

/// As of 2026-10-31 the 12 months run from 2025-11-01.
fn class_fixture() -> tempfile::TempDir {
    let guests = vec![
        guest("G01", "王偉", "A"), // 100,000.00 (one visit in September): stays A
        guest("G02", "李娜", "A"), // 99,999.99 (and 5,000 on 2025-10-31, outside): → B
        guest("G03", "張強", "B"), // 20,000 on 2025-11-01, the window's first day: stays B
        guest("G04", "劉洋", "C"), // 19,999.99: stays C
        guest("G05", "陳靜", "C"), // 20,000 from the CSV register: → B
        guest("G06", "趙六", ""),  // 25,000 by name, in Simplified script: no class → B
        guest("G07", "孫琳", ""),  // 5,000: no class, stays unproposed
        guest("G08", "周杰", "B"), // no visits: → C
    ];
    let visits = vec![
        visit((2026, 10, 5), "G01", 60000.0),
        visit((2026, 9, 10), "g01", 40000.0),
        visit((2026, 10, 6), "G02", 99999.99),
        visit((2025, 10, 31), "G02", 5000.0),
        visit((2025, 11, 1), "G03", 20000.0),
        visit((2026, 10, 7), "G04", 19999.99),
        visit_by_name((2026, 10, 8), "赵六", 25000.0),
        visit((2026, 10, 9), "G07", 5000.0),
    ];
    let dir = inbox(guests, visits, vec![]);
    std::fs::write(
        dir.path().join("inbox/pos-export.csv"),
        "date,guest_id,spend,menu,dish_rating\n2026-10-12,G05,\"20,000.00\",宴會菜單乙,好\n",
    )
    .unwrap();
    dir
}

#[test]
fn gh02_proposes_the_class_of_the_years_spend_at_the_thresholds() {
    let dir = class_fixture();
    let json = check_json(&dir.path().join("inbox"), Some("2026-10"));
    assert_eq!(
        cells_of(&json, "GH02")
            .into_iter()
            .map(|c| (c.2, c.3))
            .collect::<Vec<_>>(),
        vec![
            ("C3".to_string(), "G02".to_string()),
            ("C6".into(), "G05".into()),
            ("C7".into(), "G06".into()),
            ("C9".into(), "G08".into()),
        ]
    );
    let f = findings(&json, "GH02");
    assert!(f.iter().all(|f| f["severity"] == "info"), "{json}");
    let m = |i: usize| f[i]["message"].as_str().unwrap().to_string();
    assert!(m(0).contains("99,999.99") && m(0).contains("class B"), "{}", m(0));
    assert!(m(1).contains("20,000.00") && m(1).contains("class B"), "{}", m(1));
    assert!(
        m(2).starts_with("No class recorded") && m(2).contains("25,000.00"),
        "{}",
        m(2)
    );
    assert!(
        m(3).contains("0.00 over 0 visits") && m(3).contains("class C"),
        "{}",
        m(3)
    );
}

#[test]
fn gh02_is_a_warning_in_quarter_end_months_and_review_periods() {
    let dir = class_fixture();
    for (args_month, period) in [(Some("2026-12"), None), (None, Some("2026-Q4"))] {
        let json = match (args_month, period) {
            (Some(m), _) => check_json(&dir.path().join("inbox"), Some(m)),
            (_, Some(p)) => check_period(dir.path(), p),
            _ => unreachable!(),
        };
        let f = findings(&json, "GH02");
        assert!(!f.is_empty());
        assert!(f.iter().all(|f| f["severity"] == "warning"), "{json}");
        // By 2026-12-31 the visit of 2025-11-01 has left the window: G03 falls to C.
        assert!(cells_of(&json, "GH02").iter().any(|c| c.3 == "G03"));
    }
}

#[test]
fn gh02_does_not_run_without_visits() {
    let dir = inbox(vec![guest("G08", "周杰", "B")], vec![], vec![]);
    let json = check_json(&dir.path().join("inbox"), Some("2026-10"));
    assert!(cells(&json, "GH02").is_empty(), "{json}");
}

// ---------------------------------------------------------------------------------------------
// GH03
// ---------------------------------------------------------------------------------------------

#[test]
fn gh03_fires_on_visits_of_the_month_without_menu_or_rating() {
    let mut no_rating = visit((2026, 10, 3), "G01", 800.0);
    no_rating[5] = B;
    let mut neither = visit((2026, 10, 31), "G01", 900.0);
    neither[4] = B;
    neither[5] = B;
    let mut last_month = visit((2026, 9, 30), "G01", 700.0);
    last_month[4] = B;
    last_month[5] = B;
    let dir = inbox(
        vec![guest("G01", "王偉", "A")],
        vec![visit((2026, 10, 2), "G01", 500.0), no_rating, neither, last_month],
        vec![],
    );
    let json = check_json(&dir.path().join("inbox"), Some("2026-10"));
    assert_eq!(
        cells_of(&json, "GH03"),
        vec![
            (
                "消費記錄.xlsx".into(),
                "2026".into(),
                "F3".into(),
                "G01 2026-10-03".into()
            ),
            (
                "消費記錄.xlsx".into(),
                "2026".into(),
                "E4".into(),
                "G01 2026-10-31".into()
            ),
        ]
    );
    let f = findings(&json, "GH03");
    assert_eq!(f[0]["severity"], "warning");
    assert!(
        f[1]["message"].as_str().unwrap().contains("menu and dish rating"),
        "{json}"
    );
}

// ---------------------------------------------------------------------------------------------
// GH04
// ---------------------------------------------------------------------------------------------

fn developed(mut row: Vec<C>, date: (u16, u8, u8)) -> Vec<C> {
    row[8] = D(date.0, date.1, date.2);
    row
}

#[test]
fn gh04_fires_for_new_a_class_guests_without_a_call_back_this_month() {
    let guests = vec![
        developed(guest("G01", "王偉", "A"), (2025, 10, 31)), // exactly 12 months before as-of: new
        developed(guest("G02", "李娜", "A"), (2025, 10, 30)), // one day more: no longer new
        developed(guest("G03", "張強", "A"), (2026, 3, 1)),   // called on the month's last day
        developed(guest("G04", "劉洋", "A"), (2026, 3, 1)),   // called only in September
        developed(guest("G05", "陳靜", "B"), (2026, 3, 1)),   // not A
        developed(guest("G06", "趙敏", "A"), (2026, 10, 20)), // developed this month, called
    ];
    let callbacks = vec![
        callback((2026, 10, 31), "G03"),
        callback((2026, 9, 30), "G04"),
        callback((2026, 11, 1), "G04"),
        callback((2026, 10, 25), "g06"),
    ];
    let dir = inbox(guests, vec![], callbacks);
    let json = check_json(&dir.path().join("inbox"), Some("2026-10"));
    assert_eq!(
        cells_of(&json, "GH04"),
        vec![
            ("客史檔案.xlsx".into(), "客史".into(), "A2".into(), "G01".into()),
            ("客史檔案.xlsx".into(), "客史".into(), "A5".into(), "G04".into()),
        ]
    );
    let f = findings(&json, "GH04");
    assert_eq!(f[0]["severity"], "error");
    assert!(f[0]["message"].as_str().unwrap().contains("October 2026"), "{json}");
}

#[test]
fn gh04_checks_each_month_of_a_quarter() {
    let guests = vec![developed(guest("G01", "王偉", "A"), (2026, 3, 1))];
    let callbacks = vec![callback((2026, 7, 15), "G01"), callback((2026, 9, 30), "G01")];
    let dir = inbox(guests, vec![], callbacks);
    let json = check_period(dir.path(), "2026-Q3");
    let f = findings(&json, "GH04");
    assert_eq!(f.len(), 1, "{json}");
    assert!(f[0]["message"].as_str().unwrap().contains("August 2026"));
}

#[test]
fn gh04_does_not_run_without_a_call_back_register() {
    let guests = vec![developed(guest("G01", "王偉", "A"), (2026, 3, 1))];
    let dir = inbox(guests, vec![], vec![]);
    let json = check_json(&dir.path().join("inbox"), Some("2026-10"));
    assert!(cells(&json, "GH04").is_empty(), "{json}");
}

// ---------------------------------------------------------------------------------------------
// GH05
// ---------------------------------------------------------------------------------------------

#[test]
fn gh05_fires_on_visits_and_call_backs_of_unknown_guests() {
    let visits = vec![
        visit((2026, 10, 2), "G01", 500.0),
        visit((2026, 10, 3), "G99", 600.0),            // unknown id
        visit_by_name((2026, 10, 4), "王伟", 700.0),   // known by name, other script
        visit_by_name((2026, 10, 5), "錢多多", 800.0), // unknown name
        visit((2026, 9, 30), "G98", 900.0),            // unknown, but last month
    ];
    let callbacks = vec![callback((2026, 10, 6), "G01"), callback((2026, 10, 7), "G97")];
    let dir = inbox(vec![guest("G01", "王偉", "A")], visits, callbacks);
    let json = check_json(&dir.path().join("inbox"), Some("2026-10"));
    assert_eq!(
        cells_of(&json, "GH05"),
        vec![
            (
                "消費記錄.xlsx".into(),
                "2026".into(),
                "B3".into(),
                "G99 2026-10-03".into()
            ),
            (
                "消費記錄.xlsx".into(),
                "2026".into(),
                "C5".into(),
                "錢多多 2026-10-05".into()
            ),
            (
                "回訪記錄.xlsx".into(),
                "回訪".into(),
                "B3".into(),
                "G97 2026-10-07".into()
            ),
        ]
    );
    assert!(findings(&json, "GH05").iter().all(|f| f["severity"] == "warning"));
}

#[test]
fn gh05_needs_a_guest_register() {
    let dir = inbox(vec![], vec![visit((2026, 10, 3), "G99", 600.0)], vec![]);
    let json = check_json(&dir.path().join("inbox"), Some("2026-10"));
    assert!(cells(&json, "GH05").is_empty(), "{json}");
}

// ---------------------------------------------------------------------------------------------
// GH06
// ---------------------------------------------------------------------------------------------

#[test]
fn gh06_fires_on_the_later_of_two_profiles_with_one_phone_or_name_and_company() {
    let mut first = guest("G01", "王偉", "A");
    first[4] = s("+86 138-1234-5678");
    let mut same_phone = guest("G02", "王大偉", "B");
    same_phone[4] = s("13812345678");
    let mut same_name = guest("G03", "王伟", "C");
    same_name[3] = s("华东机械厂");
    let dir = inbox(vec![first, same_phone, same_name], vec![], vec![]);
    let json = check_json(&dir.path().join("inbox"), Some("2026-10"));
    assert_eq!(
        cells_of(&json, "GH06"),
        vec![
            ("客史檔案.xlsx".into(), "客史".into(), "E3".into(), "G02".into()),
            ("客史檔案.xlsx".into(), "客史".into(), "B4".into(), "G03".into()),
        ]
    );
    let f = findings(&json, "GH06");
    assert_eq!(f[0]["severity"], "warning");
    for f in &f {
        let message = f["message"].as_str().unwrap();
        assert!(message.contains("G01 王偉") && message.contains("row 2"), "{message}");
    }
}

/// Seven profiles share one phone: the seventh names the first five and says how many more, so
/// that a message stays readable however many profiles clash.
#[test]
fn gh06_names_five_earlier_profiles_then_how_many_more() {
    let ids = ["G01", "G02", "G03", "G04", "G05", "G06", "G07"];
    let names = ["王一", "王二", "王三", "王四", "王五", "王六", "王七"];
    let rows: Vec<Vec<C>> = ids
        .iter()
        .zip(names)
        .map(|(id, name)| {
            let mut row = guest(id, name, "C");
            row[4] = s("13812345678");
            row
        })
        .collect();
    let dir = inbox(rows, vec![], vec![]);
    let json = check_json(&dir.path().join("inbox"), Some("2026-10"));
    let f = findings(&json, "GH06");
    assert_eq!(f.len(), 6, "{json}");
    let last = f[5]["message"].as_str().unwrap();
    for named in ["G01 王一", "G05 王五"] {
        assert!(last.contains(named), "{last}");
    }
    assert!(!last.contains("G06 王六"), "{last}");
    assert!(last.contains(" and 1 more"), "{last}");
    let fifth = f[4]["message"].as_str().unwrap();
    assert!(fifth.contains("G05 王五") && !fifth.contains("more"), "{fifth}");
}

#[test]
fn gh06_quiet_for_namesakes_of_other_companies_and_without_company() {
    let mut other_company = guest("G02", "王偉", "B");
    other_company[3] = s("南方貿易公司");
    let mut no_company = guest("G03", "王偉", "C");
    no_company[3] = B;
    let mut no_company_too = guest("G04", "王偉", "C");
    no_company_too[3] = B;
    let dir = inbox(
        vec![guest("G01", "王偉", "A"), other_company, no_company, no_company_too],
        vec![],
        vec![],
    );
    let json = check_json(&dir.path().join("inbox"), Some("2026-10"));
    assert!(cells(&json, "GH06").is_empty(), "{json}");
}

// ---------------------------------------------------------------------------------------------
// The workbook
// ---------------------------------------------------------------------------------------------

fn run_report(dir: &Path, args: &[&str]) -> PathBuf {
    let mut all = vec!["run", "inbox", "--out", "reports"];
    all.extend(args);
    let ran = run_in(dir, &all);
    assert_eq!(ran.status, 0, "{}\n{}", ran.stdout, ran.stderr);
    let label = args[1];
    dir.join(format!("reports/{label}/clerk-{label}.xlsx"))
}

fn sheet_names(path: &Path) -> Vec<String> {
    open_workbook_auto(path).unwrap().sheet_names().to_vec()
}

fn read_sheet(path: &Path, name: &str) -> Vec<Vec<Data>> {
    let mut book = open_workbook_auto(path).unwrap();
    let range = book.worksheet_range(name).unwrap();
    // Keep absolute row/column positions: the range may not start at A1.
    let (r0, c0) = range.start().unwrap_or((0, 0));
    let mut rows = vec![Vec::new(); r0 as usize];
    for row in range.rows() {
        let mut cells = vec![Data::Empty; c0 as usize];
        cells.extend(row.iter().cloned());
        rows.push(cells);
    }
    rows
}

fn cell_text(row: &[Data], col: usize) -> String {
    row.get(col).map(|d| d.to_string()).unwrap_or_default()
}

fn cell_number(row: &[Data], col: usize) -> f64 {
    row.get(col).and_then(|d| d.as_f64()).unwrap_or(f64::NAN)
}

fn cell_date(row: &[Data], col: usize) -> Option<NaiveDate> {
    let serial = match row.get(col)? {
        Data::DateTime(d) => d.as_f64(),
        other => other.as_f64()?,
    };
    NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_days(chrono::Days::new(serial as u64))
}

/// The data rows of the table titled `title`: the rows after its header until a blank first cell.
fn table<'a>(rows: &'a [Vec<Data>], title: &str) -> (&'a [Data], Vec<&'a [Data]>) {
    let at = rows
        .iter()
        .position(|r| cell_text(r, 0) == title)
        .unwrap_or_else(|| panic!("no table titled {title}"));
    let header = rows[at + 1].as_slice();
    let data = rows[at + 2..]
        .iter()
        .take_while(|r| !cell_text(r, 0).is_empty())
        .map(Vec::as_slice)
        .collect();
    (header, data)
}

fn column(header: &[Data], name: &str) -> usize {
    header
        .iter()
        .position(|d| cell_text(std::slice::from_ref(d), 0) == name)
        .unwrap_or_else(|| panic!("no column {name} in {header:?}"))
}

fn figure(rows: &[Vec<Data>], label: &str) -> f64 {
    let (_, data) = table(rows, "Figures");
    let row = data
        .iter()
        .find(|r| cell_text(r, 0) == label)
        .unwrap_or_else(|| panic!("no figure {label}"));
    cell_number(row, 1)
}

fn yuan(amount: i64) -> i64 {
    amount * 100
}

fn cents(amount: f64) -> i64 {
    (amount * 100.0).round() as i64
}

/// A year of visits (amounts in cents) of four guests and a stranger, some in a CSV file.
struct Year {
    dir: tempfile::TempDir,
    /// (date, guest id or "", class of the guest or "unmatched", cents)
    visits: Vec<(NaiveDate, &'static str, &'static str, i64)>,
}

fn year_fixture() -> Year {
    let guests = vec![
        guest("G01", "王偉", "A"),
        guest("G02", "李娜", "B"),
        guest("G03", "張強", "C"),
        guest("G04", "趙敏", ""),
    ];
    let class_of = |id: &str| match id {
        "G01" => "A",
        "G02" => "B",
        "G03" => "C",
        "G04" => "none",
        _ => "unmatched",
    };
    let ids = ["G01", "G02", "G03", "G04", "G77"];
    let mut visits = Vec::new();
    let mut rows = Vec::new();
    let mut csv = String::from("date,guest_id,spend,menu,dish_rating\n");
    for month in 1..=12u32 {
        for (k, id) in ids.iter().enumerate() {
            // Uneven amounts with cents, a few visits per guest and month.
            for n in 0..(1 + (month as usize + k) % 3) {
                let c = yuan(1_000) * (5 - k as i64) * (month as i64 % 4 + 1) + 123 * n as i64 + 7 * k as i64;
                let day = 3 + 7 * n as u32;
                let date = NaiveDate::from_ymd_opt(2026, month, day).unwrap();
                visits.push((date, *id, class_of(id), c));
                if (month + n as u32).is_multiple_of(4) {
                    csv.push_str(&format!("{date},{id},{}.{:02},菜單,好\n", c / 100, c % 100));
                } else {
                    rows.push(visit((2026, month as u8, day as u8), id, c as f64 / 100.0));
                }
            }
        }
    }
    // Last year's visits: inside the trailing 12 months of an H1 analysis only.
    let last_year = NaiveDate::from_ymd_opt(2025, 8, 8).unwrap();
    visits.push((last_year, "G02", "B", yuan(300_000)));
    rows.push(visit((2025, 8, 8), "G02", 300_000.0));
    let dir = inbox(guests, rows, vec![callback((2026, 12, 1), "G01")]);
    std::fs::write(dir.path().join("inbox/pos.csv"), csv).unwrap();
    Year { dir, visits }
}

impl Year {
    fn sum(&self, from: NaiveDate, to: NaiveDate, pick: impl Fn(&str, &str) -> bool) -> (i64, usize) {
        let chosen: Vec<i64> = self
            .visits
            .iter()
            .filter(|(d, id, class, _)| from <= *d && *d <= to && pick(id, class))
            .map(|v| v.3)
            .collect();
        (chosen.iter().sum(), chosen.len())
    }
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Checks an analysis sheet against the fixture: totals, groups, months and guests.
fn check_analysis(year: &Year, book: &Path, sheet: &str, from: NaiveDate, to: NaiveDate) {
    let rows = read_sheet(book, sheet);
    let (total, visits) = year.sum(from, to, |_, _| true);
    assert_eq!(cents(figure(&rows, "Spend")), total, "{sheet}");
    assert_eq!(figure(&rows, "Visits") as usize, visits, "{sheet}");
    let trailing_from = to
        .succ_opt()
        .unwrap()
        .checked_sub_months(chrono::Months::new(12))
        .unwrap();
    let (trailing, _) = year.sum(trailing_from, to, |_, _| true);
    assert_eq!(
        cents(figure(&rows, "Spend over the 12 months to the end of the period")),
        trailing
    );

    let (header, groups) = table(&rows, "Spend by class");
    let spend = column(header, "Spend");
    let visits_col = column(header, "Visits");
    let guests_col = column(header, "Guests with visits");
    let mut by_group_total = 0;
    let mut all_guests = 0;
    for (label, group) in [
        ("Class A", "A"),
        ("Class B", "B"),
        ("Class C", "C"),
        ("No class recorded", "none"),
        ("Not in the guest register", "unmatched"),
    ] {
        let row = groups.iter().find(|r| cell_text(r, 0) == label).unwrap();
        let (expected, n) = year.sum(from, to, |_, class| class == group);
        assert_eq!(cents(cell_number(row, spend)), expected, "{sheet} {label}");
        assert_eq!(cell_number(row, visits_col) as usize, n, "{sheet} {label}");
        // The guests of the group who visited: the stranger G77 too, on the no-profile row.
        let mut ids: Vec<&str> = (year.visits.iter())
            .filter(|(d, _, class, _)| from <= *d && *d <= to && *class == group)
            .map(|v| v.1)
            .collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(cell_number(row, guests_col) as usize, ids.len(), "{sheet} {label}");
        all_guests += ids.len();
        by_group_total += cents(cell_number(row, spend));
    }
    assert_eq!(by_group_total, total);
    assert_eq!(figure(&rows, "Guests with visits") as usize, all_guests, "{sheet}");

    let (header, months) = table(&rows, "Spend by month");
    let spend = column(header, "Spend");
    assert_eq!(months.len() as u32, (to.year_month() - from.year_month()) + 1);
    for row in &months {
        let label = cell_text(row, 0);
        let first = NaiveDate::parse_from_str(&format!("{label}-01"), "%Y-%m-%d").unwrap();
        let last = first
            .checked_add_months(chrono::Months::new(1))
            .unwrap()
            .pred_opt()
            .unwrap();
        assert_eq!(
            cents(cell_number(row, spend)),
            year.sum(first, last, |_, _| true).0,
            "{label}"
        );
    }

    let (header, guests) = table(&rows, "Spend per guest");
    let spend = column(header, "Spend");
    let average = column(header, "Average per visit");
    for row in &guests {
        let id = cell_text(row, 0);
        let (expected, n) = year.sum(from, to, |g, _| g == id);
        assert_eq!(cents(cell_number(row, spend)), expected, "{sheet} {id}");
        let avg = (expected as f64 / n as f64).round();
        assert_eq!(cents(cell_number(row, average)), avg as i64, "{sheet} {id}");
    }
    assert_eq!(guests.len(), 4);

    let (header, top) = table(&rows, "Top 10 guests");
    let spend = column(header, "Spend");
    let ranked: Vec<f64> = top.iter().map(|r| cell_number(r, spend)).collect();
    assert!(ranked.windows(2).all(|w| w[0] >= w[1]), "{ranked:?}");
}

trait YearMonth {
    fn year_month(&self) -> u32;
}

impl YearMonth for NaiveDate {
    fn year_month(&self) -> u32 {
        use chrono::Datelike;
        self.year() as u32 * 12 + self.month()
    }
}

#[test]
fn a_quarter_end_month_adds_the_quarterly_analysis() {
    let year = year_fixture();
    let book = run_report(year.dir.path(), &["--month", "2026-09"]);
    let names = sheet_names(&book);
    assert!(names.contains(&"Guests".to_string()), "{names:?}");
    assert!(
        names.contains(&"Quarterly consumption analysis".to_string()),
        "{names:?}"
    );
    assert!(
        !names.contains(&"Half-year consumption analysis".to_string()),
        "{names:?}"
    );
    check_analysis(
        &year,
        &book,
        "Quarterly consumption analysis",
        ymd(2026, 7, 1),
        ymd(2026, 9, 30),
    );

    let book = run_report(year.dir.path(), &["--month", "2026-10"]);
    let names = sheet_names(&book);
    assert!(names.contains(&"Guests".to_string()));
    assert!(!names.iter().any(|n| n.contains("consumption")), "{names:?}");
}

#[test]
fn december_adds_quarter_half_year_and_year() {
    let year = year_fixture();
    let book = run_report(year.dir.path(), &["--month", "2026-12"]);
    let names = sheet_names(&book);
    for name in [
        "Quarterly consumption analysis",
        "Half-year consumption analysis",
        "Annual consumption analysis",
    ] {
        assert!(names.contains(&name.to_string()), "{names:?}");
    }
    check_analysis(
        &year,
        &book,
        "Annual consumption analysis",
        ymd(2026, 1, 1),
        ymd(2026, 12, 31),
    );
}

#[test]
fn a_period_asks_for_one_analysis() {
    let year = year_fixture();
    let book = run_report(year.dir.path(), &["--period", "2026-H1"]);
    let names = sheet_names(&book);
    assert!(
        names.contains(&"Half-year consumption analysis".to_string()),
        "{names:?}"
    );
    assert!(!names.contains(&"Quarterly consumption analysis".to_string()));
    check_analysis(
        &year,
        &book,
        "Half-year consumption analysis",
        ymd(2026, 1, 1),
        ymd(2026, 6, 30),
    );

    let book = run_report(year.dir.path(), &["--period", "2026"]);
    let names = sheet_names(&book);
    assert!(names.contains(&"Annual consumption analysis".to_string()), "{names:?}");
    assert!(!names.contains(&"Half-year consumption analysis".to_string()));

    let book = run_report(year.dir.path(), &["--period", "2026-Q3"]);
    let names = sheet_names(&book);
    assert!(
        names.contains(&"Quarterly consumption analysis".to_string()),
        "{names:?}"
    );
    check_analysis(
        &year,
        &book,
        "Quarterly consumption analysis",
        ymd(2026, 7, 1),
        ymd(2026, 9, 30),
    );
}

#[test]
fn the_analysis_sheets_have_native_charts() {
    let year = year_fixture();
    let book = run_report(year.dir.path(), &["--month", "2026-09"]);
    let file = std::fs::File::open(&book).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let charts = (0..zip.len())
        .filter(|&i| zip.by_index(i).unwrap().name().unwrap().starts_with("xl/charts/chart"))
        .count();
    // Summary's findings chart (when there are findings) and the two charts of the analysis.
    assert!(charts >= 2, "{charts} charts");
}

/// A guest with seven complaints in the last three months: the key-attention cell names five of
/// them and says how many more, so one cell stays readable however often a name comes up.
#[test]
fn the_attention_list_names_five_complaints_then_how_many_more() {
    let mut complained = guest("G01", "趙敏", "A");
    complained[3] = s("南方貿易公司");
    let dir = inbox(vec![complained], vec![], vec![]);
    let rows = (1..=7u8)
        .map(|n| vec![T(format!("FB-{n}")), D(2026, 10, n), s("趙敏"), s("投訴"), s("上菜慢")])
        .collect();
    feedback(&dir, rows);
    let book = run_report(dir.path(), &["--month", "2026-10"]);
    let rows = read_sheet(&book, "Guests");
    let (header, attention) = table(&rows, "Key-attention list for November 2026");
    assert_eq!(attention.len(), 1, "{attention:?}");
    let complaints = cell_text(attention[0], column(header, "Complaints (last 3 months)"));
    assert!(
        complaints.contains("FB-1 (2026-10-01)") && complaints.contains("FB-5"),
        "{complaints}"
    );
    assert!(
        !complaints.contains("FB-6") && !complaints.contains("FB-7"),
        "{complaints}"
    );
    assert!(complaints.ends_with(" and 2 more"), "{complaints}");
}

/// A complaint is a guest's when its customer is the guest's name or company (across scripts) or
/// carries the guest's phone number; one that matches several ways is listed once.
#[test]
fn complaints_are_matched_to_guests_by_name_company_or_phone() {
    let mut zhao = guest("G01", "趙敏", "B");
    zhao[3] = s("南方貿易公司");
    let mut li = guest("G02", "李娜", "B");
    li[3] = s("北方公司");
    // A sole trader: the profile's company is the guest's name.
    let mut zhang = guest("G03", "張強", "B");
    zhang[3] = s("張強");
    let dir = inbox(vec![zhao, li, zhang], vec![], vec![]);
    let complaint = |id: &str, day: u8, customer: &str| {
        vec![
            T(id.to_string()),
            D(2026, 10, day),
            T(customer.to_string()),
            s("投訴"),
            s("上菜慢"),
        ]
    };
    feedback(
        &dir,
        vec![
            complaint("FB-1", 1, "李先生 139-0000-0002"),
            complaint("FB-2", 2, "赵敏"),
            complaint("FB-3", 3, "南方贸易公司"),
            complaint("FB-4", 4, "趙敏 139 0000 0001"),
            complaint("FB-5", 5, ""),
            complaint("FB-6", 6, "张强"),
        ],
    );
    let book = run_report(dir.path(), &["--month", "2026-10"]);
    let rows = read_sheet(&book, "Guests");
    let (header, attention) = table(&rows, "Key-attention list for November 2026");
    let complaints = column(header, "Complaints (last 3 months)");
    let of = |id: &str| {
        attention
            .iter()
            .find(|r| cell_text(r, 0) == id)
            .map(|r| cell_text(r, complaints))
            .unwrap_or_default()
    };
    let zhao = of("G01");
    for fb in ["FB-2 ", "FB-3 ", "FB-4 "] {
        assert_eq!(zhao.matches(fb).count(), 1, "{fb} in {zhao}");
    }
    assert!(!zhao.contains("FB-1") && !zhao.contains("FB-5"), "{zhao}");
    assert_eq!(of("G02"), "FB-1 (2026-10-01)");
    assert_eq!(of("G03"), "FB-6 (2026-10-06)");
}

#[test]
fn the_guests_sheet_lists_attention_call_backs_and_proposals() {
    let mut leap = guest("G01", "王偉", "A");
    leap[5] = D(1980, 2, 29);
    leap[8] = D(2026, 6, 1); // a new A-class guest
    let mut c_class = guest("G02", "李娜", "C");
    c_class[6] = D(2001, 2, 3); // anniversary in February
    c_class[5] = D(1970, 7, 7);
    let mut quiet = guest("G03", "張強", "C");
    quiet[5] = D(1970, 7, 7);
    quiet[6] = D(2001, 8, 3);
    let mut complained = guest("G04", "趙敏", "B");
    complained[3] = s("南方貿易公司");
    complained[5] = D(1970, 7, 7);
    complained[6] = D(2001, 8, 3);
    let dir = inbox(
        vec![leap, c_class, quiet, complained],
        vec![visit((2026, 12, 5), "G04", 150_000.0)],
        vec![callback((2026, 12, 20), "G01")],
    );
    // Feedback: a complaint of the company 南方貿易公司 (in Simplified script) in November, and
    // one of 張強 in September (more than 3 months before 2027-01-31).
    feedback(
        &dir,
        vec![
            vec![s("FB-1"), D(2026, 11, 20), s("南方贸易公司"), s("投訴"), s("上菜慢")],
            vec![s("FB-2"), D(2026, 9, 20), s("張強"), s("投訴"), s("太吵")],
            vec![s("FB-3"), D(2027, 1, 5), s("李娜"), s("表揚"), s("很好")],
        ],
    );
    let book = run_report(dir.path(), &["--month", "2027-01"]);
    let rows = read_sheet(&book, "Guests");
    let (header, attention) = table(&rows, "Key-attention list for February 2027");
    let id = |r: &&[Data]| cell_text(r, 0);
    let listed: Vec<String> = attention.iter().map(id).collect();
    assert_eq!(listed, vec!["G01", "G04", "G02"], "{attention:?}");
    let birthday = column(header, "Birthday");
    let anniversary = column(header, "Wedding anniversary");
    let why = column(header, "Why");
    let complaints = column(header, "Complaints (last 3 months)");
    // 29 February falls on 28 February in 2027.
    assert_eq!(cell_date(attention[0], birthday), Some(ymd(2027, 2, 28)));
    assert!(cell_text(attention[0], why).contains("new A-class guest"));
    assert!(cell_text(attention[1], complaints).contains("FB-1"));
    assert!(!cell_text(attention[1], complaints).contains("FB-2"));
    assert_eq!(cell_date(attention[2], anniversary), Some(ymd(2027, 2, 3)));

    // Call-back status: G01 is new and was called in December, not in January.
    let (header, calls) = table(&rows, "Call-back status of new A-class guests, January 2027");
    assert_eq!(calls.len(), 1);
    assert_eq!(cell_text(calls[0], 0), "G01");
    assert_eq!(
        cell_date(calls[0], column(header, "Last call-back")),
        Some(ymd(2026, 12, 20))
    );
    assert!(cell_text(calls[0], column(header, "Status")).contains("no call-back in January 2027"));

    // Proposals: G04 spent 150,000 (→ A), G01 spent nothing (→ C).
    let (header, proposals) = table(&rows, "Reclassification proposals (spend 2026-02-01 – 2027-01-31)");
    let found: Vec<(String, String, i64)> = proposals
        .iter()
        .map(|r| {
            (
                cell_text(r, 0),
                cell_text(r, column(header, "Proposed class")),
                cents(cell_number(r, column(header, "Spend, 12 months"))),
            )
        })
        .collect();
    assert_eq!(
        found,
        vec![("G04".into(), "A".into(), yuan(150_000)), ("G01".into(), "C".into(), 0)]
    );

    // In 2028 the leap day is kept.
    let book = run_report(dir.path(), &["--month", "2028-01"]);
    let rows = read_sheet(&book, "Guests");
    let (header, attention) = table(&rows, "Key-attention list for February 2028");
    let g01 = attention.iter().find(|r| cell_text(r, 0) == "G01").unwrap();
    assert_eq!(cell_date(g01, column(header, "Birthday")), Some(ymd(2028, 2, 29)));
}

#[test]
fn a_profile_developed_after_the_month_is_in_none_of_its_counts_analyses_or_proposals() {
    // G01 and G02 are A-class guests of long standing; G08 and G09 were made A-class guests in
    // August 2026, with no spend. June 2026 knows only G01 and G02 (SPEC 2).
    let guests = vec![
        guest("G01", "王偉", "A"),
        guest("G02", "李娜", "A"),
        developed(guest("G08", "周明", "A"), (2026, 8, 3)),
        developed(guest("G09", "吳芳", "A"), (2026, 8, 20)),
    ];
    let visits = vec![
        visit((2026, 5, 10), "G01", 120_000.0),
        visit((2026, 6, 2), "G02", 500.0),
    ];
    let dir = inbox(guests, visits, vec![]);
    let book = run_report(dir.path(), &["--month", "2026-06"]);
    let rows = read_sheet(&book, "Guests");
    assert_eq!(figure(&rows, "Guest profiles"), 2.0);
    assert_eq!(figure(&rows, "Class A"), 2.0);
    let (header, proposals) = table(&rows, "Reclassification proposals (spend 2025-07-01 – 2026-06-30)");
    let proposed: Vec<(String, String)> = proposals
        .iter()
        .map(|r| (cell_text(r, 0), cell_text(r, column(header, "Proposed class"))))
        .collect();
    assert_eq!(proposed, [("G02".to_string(), "C".to_string())]);
    for sheet in ["Quarterly consumption analysis", "Half-year consumption analysis"] {
        let rows = read_sheet(&book, sheet);
        let (header, groups) = table(&rows, "Spend by class");
        let class_a = groups.iter().find(|r| cell_text(r, 0) == "Class A").unwrap();
        assert_eq!(cell_number(class_a, column(header, "Profiles")), 2.0, "{sheet}");
        assert_eq!(figure(&rows, "Class changes proposed: down"), 1.0, "{sheet}");
        let (_, per_guest) = table(&rows, "Spend per guest");
        let listed: Vec<String> = per_guest.iter().map(|r| cell_text(r, 0)).collect();
        assert_eq!(listed, ["G01", "G02"], "{sheet}");
    }
    // Nor do GH01 and GH02 speak of them in June; in August they exist.
    let mut g09 = developed(guest("G09", "吳芳", "A"), (2026, 8, 20));
    g09[5] = B;
    let dir = inbox(
        vec![guest("G01", "王偉", "A"), g09],
        vec![visit((2026, 5, 10), "G01", 120_000.0)],
        vec![],
    );
    let june = check_period(dir.path(), "2026-06");
    assert!(
        findings(&june, "GH01").is_empty() && findings(&june, "GH02").is_empty(),
        "{june}"
    );
    let august = check_period(dir.path(), "2026-08");
    assert_eq!(findings(&august, "GH01").len(), 1, "{august}");
    assert_eq!(findings(&august, "GH02").len(), 1, "{august}");
}

#[test]
fn the_html_summary_masks_phones_and_birthdays() {
    let mut g = guest("G01", "王偉", "A");
    g[4] = s("138-1234-5678");
    g[5] = D(1980, 11, 14);
    let dir = inbox(vec![g], vec![visit((2026, 10, 5), "G01", 500.0)], vec![]);
    run_report(dir.path(), &["--month", "2026-10"]);
    let html = std::fs::read_to_string(dir.path().join("reports/2026-10/summary-2026-10.html")).unwrap();
    assert!(html.contains("138****5678"), "phone not masked");
    assert!(!html.contains("138-1234-5678") && !html.contains("13812345678"));
    assert!(html.contains("**-11-14"), "birthday not masked");
    assert!(!html.contains("1980-11-14"));
}

#[test]
fn absent_registers_are_said_plainly() {
    let dir = inbox(vec![], vec![visit((2026, 9, 5), "G01", 500.0)], vec![]);
    let book = run_report(dir.path(), &["--month", "2026-09"]);
    let rows = read_sheet(&book, "Guests");
    assert!(rows.iter().any(|r| cell_text(r, 0) == "No guest register was given."));
    let rows = read_sheet(&book, "Quarterly consumption analysis");
    assert_eq!(cents(figure(&rows, "Spend")), yuan(500));
    let html = std::fs::read_to_string(dir.path().join("reports/2026-09/summary-2026-09.html")).unwrap();
    assert!(html.contains("No guest register was given."));
}

// ---------------------------------------------------------------------------------------------
// Sample data
// ---------------------------------------------------------------------------------------------

/// The README names every cell by Excel letters, CSV included; findings.json numbers CSV columns.
fn readme_cell(f: &serde_json::Value) -> String {
    let column = f["column"].as_str().unwrap();
    match column.parse::<u32>() {
        Ok(n) => {
            let mut letters = String::new();
            let mut n = n;
            while n > 0 {
                letters.insert(0, (b'A' + ((n - 1) % 26) as u8) as char);
                n = (n - 1) / 26;
            }
            format!("{letters}{}", f["row"])
        }
        Err(_) => format!("{column}{}", f["row"]),
    }
}

/// Every planted GH case of sample-data/README.md is found at its cell, and nothing else in the
/// sample data is flagged by a GH rule.
#[test]
fn sample_data_gh_cases_are_found_and_nothing_else() {
    let root = repo_root();
    let readme = root.join("sample-data/README.md");
    let text = std::fs::read_to_string(&readme).unwrap();
    let mut expected: Vec<(String, String, String, String, String)> = Vec::new();
    let mut in_planted = true;
    for line in text.lines() {
        let lower = line.to_lowercase();
        if lower.starts_with('#') {
            in_planted = !lower.contains("must not");
        }
        let cells: Vec<String> = line
            .split('|')
            .map(|c| c.trim().trim_matches('`').to_string())
            .collect();
        if !in_planted || cells.len() < 6 || !cells[1].starts_with("GH") {
            continue;
        }
        expected.push((
            cells[1].clone(),
            cells[2].clone(),
            cells[3].clone(),
            cells[4].clone(),
            cells[5].clone(),
        ));
    }
    assert!(!expected.is_empty(), "no GH rows in the README");
    let json = check_json(&root.join("sample-data"), Some("2026-10"));
    // Visits and call-backs keep no id of their own: their record is `G-0014 2026-10-11`, the
    // README names the guest.
    let mut found: Vec<(String, String, String, String, String)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"].as_str().unwrap().starts_with("GH"))
        .map(|f| {
            let record = f["record"].as_str().unwrap();
            (
                f["rule"].as_str().unwrap().to_string(),
                f["file"].as_str().unwrap().to_string(),
                f["sheet"].as_str().unwrap().to_string(),
                readme_cell(f),
                record.split(' ').next().unwrap_or(record).to_string(),
            )
        })
        .collect();
    expected.sort();
    found.sort();
    assert_eq!(found, expected);
}
