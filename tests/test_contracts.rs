//! CR01–CR07 on small fixture workbooks (each fires where it must, at the right cell, and stays
//! quiet where it must not, boundaries included), the Contract reviews sheet and its figures read
//! back from the workbook, and the planted CR cases of sample-data.

mod common;

use std::path::Path;

use calamine::{Data, Reader};
use common::*;
use serde_json::Value;

// ---------------------------------------------------------------- fixtures

/// The contracts header used by these tests (Traditional Chinese, as staff write it) and the
/// column letter of each field.
const CONTRACT_COLUMNS: &[(&str, &str)] = &[
    ("id", "合同編號"),                          // A
    ("customer", "客戶名稱"),                    // B
    ("document_type", "單據類型"),               // C
    ("product_category", "產品類別"),            // D
    ("amount", "金額"),                          // E
    ("large_quantity", "數量較大"),              // F
    ("tight_delivery", "交貨期緊"),              // G
    ("technical_difficulty", "技術難度大"),      // H
    ("received_date", "接收日期"),               // I
    ("review_method", "評審方式"),               // J
    ("review_date", "評審日期"),                 // K
    ("approver", "批准人"),                      // L
    ("approver_role", "批准人職務"),             // M
    ("commitment_date", "簽訂日期"),             // N
    ("review_form_no", "評審單編號"),            // O
    ("minutes_no", "會議記錄編號"),              // P
    ("outcome", "評審結論"),                     // Q
    ("customer_contact_date", "與顧客溝通日期"), // R
];

fn index(columns: &[(&str, &str)], field: &str) -> usize {
    columns
        .iter()
        .position(|(f, _)| *f == field)
        .unwrap_or_else(|| panic!("no column {field}"))
}

/// One contract row; starts as a compliant routine contract of October.
#[derive(Clone)]
struct Row(Vec<C>);

impl Row {
    fn contract(id: &'static str) -> Row {
        let mut r = Row(vec![B; CONTRACT_COLUMNS.len()]);
        r = r
            .set("id", s(id))
            .set("customer", s("華東機械廠"))
            .set("document_type", s("合同"))
            .set("product_category", s("常規產品"))
            .set("amount", N(250_000.0))
            .set("received_date", D(2026, 10, 8))
            .set("review_method", s("授權人員評審"))
            .set("review_date", D(2026, 10, 9))
            .set("approver", s("王經理"))
            .set("approver_role", s("銷售公司經理"))
            .set("commitment_date", D(2026, 10, 10));
        r
    }
    fn set(mut self, field: &str, value: C) -> Row {
        let i = index(CONTRACT_COLUMNS, field);
        self.0[i] = value;
        self
    }
    /// A review by the given method and role, with the records it needs.
    fn review(self, method: &'static str, role: &'static str) -> Row {
        self.set("review_method", s(method))
            .set("approver_role", s(role))
            .set("review_form_no", s("PR-01"))
            .set("minutes_no", s("M-01"))
    }
}

fn header(columns: &[(&str, &str)]) -> Vec<C> {
    columns.iter().map(|(_, h)| T(h.to_string())).collect()
}

/// An inbox with a contracts workbook (header in row 1, data from row 2).
fn contracts_inbox(rows: Vec<Row>) -> tempfile::TempDir {
    let dir = tempdir();
    write_contracts(&dir.path().join("inbox/合同台帳.xlsx"), CONTRACT_COLUMNS, rows);
    dir
}

fn write_contracts(path: &Path, columns: &[(&str, &str)], rows: Vec<Row>) {
    let mut all = vec![header(columns)];
    all.extend(rows.into_iter().map(|r| r.0));
    xlsx(path, vec![sheet("2026", all)]);
}

const AMENDMENT_COLUMNS: &[(&str, &str)] = &[
    ("contract_id", "合同編號"),       // A
    ("amendment_date", "修訂日期"),    // B
    ("content", "修訂內容"),           // C
    ("rereview_date", "重新評審日期"), // D
    ("rereviewer", "重新評審人"),      // E
    ("notice_no", "修訂通知單編號"),   // F
    ("notice_date", "通知日期"),       // G
];

/// One amendment row; starts as a compliant October amendment of HT-001.
fn amendment(contract: &'static str) -> Vec<C> {
    vec![
        s(contract),
        D(2026, 10, 12),
        s("交貨期由11月20日改為11月10日"),
        D(2026, 10, 13),
        s("李工"),
        s("XG-2026-07"),
        D(2026, 10, 15),
    ]
}

fn set_amendment(mut row: Vec<C>, field: &str, value: C) -> Vec<C> {
    row[index(AMENDMENT_COLUMNS, field)] = value;
    row
}

fn write_amendments(path: &Path, rows: Vec<Vec<C>>) {
    let mut all = vec![header(AMENDMENT_COLUMNS)];
    all.extend(rows);
    xlsx(path, vec![sheet("修訂", all)]);
}

fn check(dir: &tempfile::TempDir) -> Value {
    check_json(&dir.path().join("inbox"), Some("2026-10"))
}

fn findings<'a>(json: &'a Value, rule: &str) -> Vec<&'a Value> {
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == rule)
        .collect()
}

/// The only finding of `rule`; fails when there are none or several.
fn one<'a>(json: &'a Value, rule: &str) -> &'a Value {
    let found = findings(json, rule);
    assert_eq!(found.len(), 1, "expected one {rule}: {json:#}");
    found[0]
}

fn cell(f: &Value) -> String {
    format!("{}{}", f["column"].as_str().unwrap(), f["row"])
}

fn no_cr(json: &Value) {
    let cr: Vec<&Value> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"].as_str().unwrap().starts_with("CR"))
        .collect();
    assert!(cr.is_empty(), "unexpected CR findings: {cr:#?}");
}

// ---------------------------------------------------------------- CR01

#[test]
fn cr01_fires_when_the_review_date_is_blank() {
    let dir = contracts_inbox(vec![
        Row::contract("HT-001").set("review_date", B),
        Row::contract("HT-002"),
    ]);
    let json = check(&dir);
    let f = one(&json, "CR01");
    assert_eq!(cell(f), "K2");
    assert_eq!(f["record"], "HT-001");
    assert_eq!(f["severity"], "error");
    assert_eq!(f["clause"], "5.2.1");
    assert!(f["message"].as_str().unwrap().contains("2026-10-10"), "{f}");
}

#[test]
fn cr01_fires_when_reviewed_after_commitment() {
    let dir = contracts_inbox(vec![Row::contract("HT-001").set("review_date", D(2026, 10, 11))]);
    let json = check(&dir);
    let f = one(&json, "CR01");
    assert_eq!((cell(f).as_str(), f["record"].as_str().unwrap()), ("K2", "HT-001"));
}

#[test]
fn cr01_quiet_when_reviewed_before_or_on_the_day_of_commitment() {
    let dir = contracts_inbox(vec![
        Row::contract("HT-001"),
        Row::contract("HT-002").set("review_date", D(2026, 10, 10)),
    ]);
    no_cr(&check(&dir));
}

#[test]
fn cr01_a_bid_commits_on_its_bid_date() {
    let bid = |id| {
        Row::contract(id)
            .set("document_type", s("標書"))
            .set("commitment_date", D(2026, 10, 20))
    };
    let dir = contracts_inbox(vec![
        bid("TB-001").set("review_date", D(2026, 10, 21)),
        bid("TB-002").set("review_date", D(2026, 10, 20)),
    ]);
    let json = check(&dir);
    assert_eq!(
        cells_of(&json, "CR01"),
        vec![("合同台帳.xlsx".into(), "2026".into(), "K2".into(), "TB-001".into())]
    );
}

#[test]
fn cr01_is_not_reported_for_contracts_of_another_month() {
    let dir = contracts_inbox(vec![Row::contract("HT-001")
        .set("received_date", D(2026, 9, 1))
        .set("review_date", B)
        .set("commitment_date", D(2026, 9, 3))]);
    no_cr(&check(&dir));
}

// ---------------------------------------------------------------- CR02

#[test]
fn cr02_fires_at_exactly_one_million_and_not_just_below() {
    let dir = contracts_inbox(vec![
        Row::contract("HT-001").set("amount", N(1_000_000.0)),
        Row::contract("HT-002").set("amount", N(999_999.99)),
    ]);
    let json = check(&dir);
    let f = one(&json, "CR02");
    assert_eq!((cell(f).as_str(), f["record"].as_str().unwrap()), ("M2", "HT-001"));
    assert_eq!(f["severity"], "error");
    assert_eq!(f["clause"], "5.2.4.1 b");
    assert_eq!(f["field"], "approver_role");
}

#[test]
fn cr02_reads_an_amount_column_in_wan_yuan() {
    let mut columns = CONTRACT_COLUMNS.to_vec();
    columns[index(CONTRACT_COLUMNS, "amount")].1 = "金額（萬元）";
    let dir = tempdir();
    write_contracts(
        &dir.path().join("inbox/合同台帳.xlsx"),
        &columns,
        vec![
            Row::contract("HT-001").set("amount", N(100.0)),
            Row::contract("HT-002").set("amount", N(99.99)),
        ],
    );
    let json = check(&dir);
    assert_eq!(cells(&json, "CR02"), vec!["M2"]);
}

#[test]
fn cr02_message_names_what_was_done_and_what_is_needed() {
    let dir = contracts_inbox(vec![Row::contract("HT-001").set("product_category", s("非常規產品"))]);
    let json = check(&dir);
    let f = one(&json, "CR02");
    assert_eq!(cell(f), "M2");
    assert_eq!(f["clause"], "5.2.4.2 b");
    assert_eq!(
        f["message"],
        "Non-routine product: authorized-person review approved by the sales manager; \
         needs countersign review approved by the general manager (5.2.4.2 b)."
    );
}

#[test]
fn cr02_cell_is_the_method_when_only_the_method_is_weak() {
    let dir = contracts_inbox(vec![
        // Non-routine: countersign + general manager needed.
        Row::contract("HT-001")
            .set("product_category", s("非常規產品"))
            .review("授權人員評審", "總經理"),
        Row::contract("HT-002")
            .set("product_category", s("非常規產品"))
            .review("會簽評審", "銷售公司經理"),
        // New product: meeting + general manager needed.
        Row::contract("HT-003")
            .set("product_category", s("新產品"))
            .review("會簽評審", "總經理"),
        Row::contract("HT-004")
            .set("product_category", s("特殊技術要求"))
            .review("會議評審", "總經理"),
        Row::contract("HT-005")
            .set("product_category", s("顧客帶圖加工"))
            .review("會簽評審", "總經理"),
    ]);
    let json = check(&dir);
    let got: Vec<(String, String)> = cells_of(&json, "CR02").into_iter().map(|c| (c.2, c.3)).collect();
    assert_eq!(
        got,
        vec![
            ("J2".to_string(), "HT-001".to_string()),
            ("M3".into(), "HT-002".into()),
            ("J4".into(), "HT-003".into()),
        ]
    );
    let clauses: Vec<&str> = findings(&json, "CR02")
        .iter()
        .map(|f| f["clause"].as_str().unwrap())
        .collect();
    assert_eq!(clauses, ["5.2.4.2 b", "5.2.4.2 b", "5.2.4.3 a"]);
}

#[test]
fn cr02_stronger_review_than_required_is_compliant() {
    let dir = contracts_inbox(vec![
        Row::contract("HT-001").review("會議評審", "總經理"),
        Row::contract("HT-002").review("會簽評審", "生產副總經理"),
        Row::contract("HT-003")
            .set("amount", N(1_500_000.0))
            .review("會簽評審", "總經理"),
    ]);
    no_cr(&check(&dir));
}

#[test]
fn cr02_flags_need_a_countersign_review() {
    let dir = contracts_inbox(vec![
        Row::contract("HT-001").set("tight_delivery", s("是")),
        Row::contract("HT-002")
            .set("large_quantity", s("否"))
            .set("technical_difficulty", s("×")),
        Row::contract("HT-003")
            .set("technical_difficulty", s("√"))
            .review("會簽評審", "生產副總經理"),
    ]);
    let json = check(&dir);
    let f = one(&json, "CR02");
    assert_eq!((cell(f).as_str(), f["clause"].as_str().unwrap()), ("M2", "5.2.4.2 a"));
}

#[test]
fn cr02_oral_orders_of_routine_products_need_the_sales_manager_whatever_the_amount() {
    let oral = |id| {
        Row::contract(id)
            .set("document_type", s("電話訂貨"))
            .set("review_form_no", s("KT-01"))
    };
    let dir = contracts_inbox(vec![
        oral("DD-001").set("amount", N(2_000_000.0)),
        oral("DD-002").set("amount", B),
        // A flagged oral order needs the countersign review of 5.2.4.2 a.
        oral("DD-003").set("large_quantity", s("是")),
    ]);
    let json = check(&dir);
    assert_eq!(
        cells_of(&json, "CR02").into_iter().map(|c| c.3).collect::<Vec<_>>(),
        ["DD-003"]
    );
}

#[test]
fn cr02_says_so_when_the_amount_of_a_routine_contract_is_blank() {
    let dir = contracts_inbox(vec![
        Row::contract("HT-001").set("amount", B),
        // Strong enough whatever the amount: nothing to say.
        Row::contract("HT-002")
            .set("amount", B)
            .review("會簽評審", "生產副總經理"),
        // The amount does not matter for a non-routine product.
        Row::contract("HT-003")
            .set("amount", B)
            .set("product_category", s("非常規產品"))
            .review("會簽評審", "總經理"),
    ]);
    let json = check(&dir);
    let f = one(&json, "CR02");
    assert_eq!((cell(f).as_str(), f["record"].as_str().unwrap()), ("E2", "HT-001"));
    assert_eq!(f["severity"], "warning");
    let message = f["message"].as_str().unwrap();
    assert!(message.starts_with("Amount is blank"), "{message}");
    assert!(message.contains("countersign review"), "{message}");
}

#[test]
fn cr02_leaves_an_unreadable_amount_to_rg02() {
    let dir = contracts_inbox(vec![Row::contract("HT-001").set("amount", s("約一百萬"))]);
    let json = check(&dir);
    assert_eq!(cells(&json, "RG02"), vec!["E2"]);
    no_cr(&json);
}

#[test]
fn cr02_says_so_when_the_approver_role_is_blank() {
    let dir = contracts_inbox(vec![Row::contract("HT-001")
        .set("product_category", s("非常規產品"))
        .set("review_method", s("會簽評審"))
        .set("review_form_no", s("PR-9"))
        .set("approver_role", B)]);
    let json = check(&dir);
    let f = one(&json, "CR02");
    assert_eq!(cell(f), "M2");
    assert_eq!(f["severity"], "warning");
    assert!(f["message"].as_str().unwrap().contains("general manager"), "{f}");
}

#[test]
fn cr02_a_sheet_without_the_role_column_is_reported_once_at_its_header() {
    let columns: Vec<(&str, &str)> = CONTRACT_COLUMNS
        .iter()
        .copied()
        .filter(|(f, _)| *f != "approver_role")
        .collect();
    let role = index(CONTRACT_COLUMNS, "approver_role");
    let strip = |r: Row| {
        let mut v = r.0;
        v.remove(role);
        Row(v)
    };
    let dir = tempdir();
    write_contracts(
        &dir.path().join("inbox/合同台帳.xlsx"),
        &columns,
        vec![strip(Row::contract("HT-001")), strip(Row::contract("HT-002"))],
    );
    let json = check(&dir);
    let f = one(&json, "CR02");
    assert_eq!((f["row"].as_u64(), f["column"].as_str()), (Some(1), Some("")));
    assert_eq!(f["field"], "approver_role");
}

#[test]
fn cr02_and_cr03_leave_an_unreviewed_order_to_cr01() {
    let dir = contracts_inbox(vec![Row::contract("HT-001")
        .set("product_category", s("新產品"))
        .set("review_method", B)
        .set("review_date", B)
        .set("approver", B)
        .set("approver_role", B)]);
    let json = check(&dir);
    assert_eq!(cells(&json, "CR01"), vec!["K2"]);
    assert!(
        findings(&json, "CR02").is_empty() && findings(&json, "CR03").is_empty(),
        "{json:#}"
    );
}

#[test]
fn cr02_table_is_read_from_the_settings() {
    let dir = contracts_inbox(vec![
        Row::contract("HT-001")
            .set("product_category", s("非常規產品"))
            .review("會簽評審", "總經理"),
        Row::contract("HT-002").set("amount", N(600_000.0)),
    ]);
    let json = check(&dir);
    no_cr(&json);
    std::fs::write(
        dir.path().join("inbox/clerk.toml"),
        "[contracts]\nlarge_amount = 500000\n\
         [contracts.review_authority]\nnon_routine = { method = \"meeting\", approver = \"general_manager\" }\n",
    )
    .unwrap();
    let json = check(&dir);
    let got: Vec<(String, String)> = cells_of(&json, "CR02").into_iter().map(|c| (c.2, c.3)).collect();
    assert_eq!(
        got,
        vec![("J2".to_string(), "HT-001".to_string()), ("M3".into(), "HT-002".into())]
    );
}

#[test]
fn clerk_rules_cr02_shows_the_settings_in_force() {
    let dir = tempdir();
    std::fs::write(
        dir.path().join("clerk.toml"),
        "[contracts.review_authority]\nnon_routine = { method = \"meeting\", approver = \"general_manager\" }\n",
    )
    .unwrap();
    let ran = run_in(dir.path(), &["rules", "CR02"]);
    assert_eq!(ran.status, 0, "{}", ran.stderr);
    // In words, each with its key in clerk.toml.
    for line in [
        "  Review for non-routine product (contracts.review_authority.non_routine): \
         meeting review approved by the general manager",
        "  Large amount of a routine order (contracts.large_amount): 1,000,000",
    ] {
        assert!(ran.stdout.lines().any(|l| l == line), "{line}\n{}", ran.stdout);
    }
    let zh = run_in(dir.path(), &["rules", "CR02", "--lang", "zh-Hant"]);
    assert!(
        zh.stdout
            .lines()
            .any(|l| l == "  非常規產品的評審（contracts.review_authority.non_routine）：總經理批准的會議評審"),
        "{}",
        zh.stdout
    );
}

// ---------------------------------------------------------------- CR03

#[test]
fn cr03_fires_at_each_missing_record() {
    let dir = contracts_inbox(vec![
        Row::contract("HT-001")
            .set("product_category", s("非常規產品"))
            .set("review_method", s("會簽評審"))
            .set("approver_role", s("總經理")),
        Row::contract("HT-002")
            .set("product_category", s("新產品"))
            .review("會議評審", "總經理")
            .set("minutes_no", B),
        Row::contract("HT-003")
            .set("document_type", s("口頭訂單"))
            .set("approver", B),
    ]);
    let json = check(&dir);
    assert_eq!(cells(&json, "CR03"), vec!["O2", "P3", "L4", "O4"]);
    let clauses: Vec<&str> = findings(&json, "CR03")
        .iter()
        .map(|f| f["clause"].as_str().unwrap())
        .collect();
    assert_eq!(clauses, ["5.2.4.5; 6.3", "5.2.4.5; 6.6", "5.2.4.5", "5.2.4.5; 6.2"]);
    assert!(findings(&json, "CR03").iter().all(|f| f["severity"] == "error"));
}

#[test]
fn cr03_quiet_when_the_records_are_kept() {
    let dir = contracts_inbox(vec![
        // An authorized review of a routine contract is signed on the contract itself.
        Row::contract("HT-001"),
        Row::contract("HT-002")
            .set("product_category", s("新產品"))
            .review("會議評審", "總經理"),
        Row::contract("HT-003")
            .set("document_type", s("口頭訂單"))
            .set("review_form_no", s("KT-2026-03")),
    ]);
    no_cr(&check(&dir));
}

// ---------------------------------------------------------------- CR04

#[test]
fn cr04_fires_on_revised_or_rejected_without_customer_contact() {
    let dir = contracts_inbox(vec![
        Row::contract("HT-001").set("outcome", s("修訂後接受")),
        Row::contract("HT-002")
            .set("outcome", s("拒絕"))
            .set("commitment_date", B),
        Row::contract("HT-003")
            .set("outcome", s("拒絕"))
            .set("commitment_date", B)
            .set("customer_contact_date", D(2026, 10, 9)),
        Row::contract("HT-004").set("outcome", s("接受")),
    ]);
    let json = check(&dir);
    let found = findings(&json, "CR04");
    assert_eq!(found.iter().map(|f| cell(f)).collect::<Vec<_>>(), ["R2", "R3"]);
    assert!(found
        .iter()
        .all(|f| f["severity"] == "warning" && f["clause"] == "5.2.4.4 b"));
    assert_eq!(found[1]["record"], "HT-002");
}

// ---------------------------------------------------------------- CR05–CR07

/// Contracts HT-001 and HT-002 in one workbook, amendments in another.
fn amendments_inbox(rows: Vec<Vec<C>>) -> tempfile::TempDir {
    let dir = contracts_inbox(vec![Row::contract("HT-001"), Row::contract("HT-002")]);
    write_amendments(&dir.path().join("inbox/合同修訂.xlsx"), rows);
    dir
}

#[test]
fn cr05_fires_without_a_re_review_or_with_one_before_the_amendment() {
    let dir = amendments_inbox(vec![
        set_amendment(amendment("HT-001"), "rereview_date", B),
        set_amendment(amendment("HT-002"), "rereview_date", D(2026, 10, 11)),
        // Re-reviewed the same day: in time.
        set_amendment(amendment("HT-001"), "rereview_date", D(2026, 10, 12)),
    ]);
    let json = check(&dir);
    let found = findings(&json, "CR05");
    assert_eq!(found.iter().map(|f| cell(f)).collect::<Vec<_>>(), ["D2", "D3"]);
    assert_eq!(found[0]["record"], "HT-001 2026-10-12");
    assert!(found
        .iter()
        .all(|f| f["severity"] == "error" && f["clause"] == "5.2.5.2 c"));
}

#[test]
fn cr06_fires_without_a_notice_or_with_a_late_one() {
    let dir = amendments_inbox(vec![
        set_amendment(set_amendment(amendment("HT-001"), "notice_no", B), "notice_date", B),
        // Re-reviewed 10-13; notice 10-17 is 4 days later, one too many.
        set_amendment(amendment("HT-002"), "notice_date", D(2026, 10, 17)),
        // Exactly 3 days: in time.
        set_amendment(amendment("HT-001"), "notice_date", D(2026, 10, 16)),
        set_amendment(amendment("HT-002"), "notice_date", B),
    ]);
    let json = check(&dir);
    let found = findings(&json, "CR06");
    assert_eq!(found.iter().map(|f| cell(f)).collect::<Vec<_>>(), ["F2", "G3", "G5"]);
    assert!(found.iter().all(|f| f["severity"] == "warning"));
    assert!(found[1]["message"].as_str().unwrap().contains("4 days"), "{}", found[1]);
}

#[test]
fn cr06_notice_days_is_a_setting() {
    let dir = amendments_inbox(vec![set_amendment(amendment("HT-002"), "notice_date", D(2026, 10, 17))]);
    std::fs::write(dir.path().join("inbox/clerk.toml"), "[contracts]\nnotice_days = 5\n").unwrap();
    no_cr(&check(&dir));
}

#[test]
fn cr07_fires_for_an_amendment_of_an_unknown_contract() {
    let dir = amendments_inbox(vec![amendment("HT-001"), amendment("HT-404")]);
    let json = check(&dir);
    assert_eq!(
        cells_of(&json, "CR07"),
        vec![(
            "合同修訂.xlsx".into(),
            "修訂".into(),
            "A3".into(),
            "HT-404 2026-10-12".into()
        )]
    );
    assert_eq!(one(&json, "CR07")["severity"], "warning");
}

#[test]
fn cr07_links_amendments_to_contracts_across_files_ignoring_width_and_case() {
    let dir = contracts_inbox(vec![Row::contract("HT-001")]);
    // The same register continued in another workbook, with a contract of September.
    write_contracts(
        &dir.path().join("inbox/舊合同/2026-09.xlsx"),
        CONTRACT_COLUMNS,
        vec![Row::contract("HT-0900")
            .set("received_date", D(2026, 9, 2))
            .set("review_date", D(2026, 9, 3))
            .set("commitment_date", D(2026, 9, 4))],
    );
    write_amendments(
        &dir.path().join("inbox/合同修訂.xlsx"),
        vec![amendment("ht-001"), amendment("ＨＴ-0900 ")],
    );
    no_cr(&check(&dir));
}

#[test]
fn cr07_needs_both_registers() {
    let dir = tempdir();
    write_amendments(&dir.path().join("inbox/合同修訂.xlsx"), vec![amendment("HT-404")]);
    let json = check(&dir);
    assert!(findings(&json, "CR07").is_empty(), "{json:#}");
}

#[test]
fn cr07_is_not_run_on_one_file_and_the_check_says_why() {
    // The contracts workbook keeps its amendments on a second sheet; the amendment of DH-9 is of
    // an oral order kept in another file, which `clerk check 合同台帳.xlsx` does not read.
    let dir = tempdir();
    let book = dir.path().join("inbox/合同台帳.xlsx");
    let mut contracts = vec![header(CONTRACT_COLUMNS)];
    contracts.push(Row::contract("HT-001").0);
    let mut amendments = vec![header(AMENDMENT_COLUMNS)];
    amendments.extend([amendment("HT-001"), amendment("DH-9")]);
    xlsx(&book, vec![sheet("2026", contracts), sheet("修訂", amendments)]);
    write_contracts(
        &dir.path().join("inbox/口頭訂單.xlsx"),
        CONTRACT_COLUMNS,
        vec![Row::contract("DH-9")],
    );
    let inbox = dir.path().join("inbox");
    let one = |args: &[&str]| {
        run_in(
            &inbox,
            &[&["check", "合同台帳.xlsx", "--month", "2026-10"], args].concat(),
        )
    };

    let json: Value = serde_json::from_str(&one(&["--format", "json"]).stdout).unwrap();
    assert!(findings(&json, "CR07").is_empty(), "{json:#}");
    let said: Vec<&Value> = json["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["reason"] == "one_file")
        .collect();
    assert_eq!(said.len(), 1, "{json:#}");
    assert_eq!(
        (&said[0]["file"], &said[0]["rules"]),
        (&Value::from("合同台帳.xlsx"), &serde_json::json!(["CR07"]))
    );
    for (lang, line) in [
        ("en", "skipped: 合同台帳.xlsx: only this one file was read, so rule CR07 was not checked: it looks records up in another register, which may be kept in another file"),
        ("zh-Hant", "只讀取了這一個檔案，因此未檢查規則 CR07：該規則要到另一本台帳查對記錄，而那本台帳可能存放在別的檔案中"),
        ("zh-Hans", "只读取了这一个文件，因此未检查规则 CR07：该规则要到另一本台账查对记录，而那本台账可能存放在别的文件中"),
    ] {
        let out = one(&["--lang", lang]).stdout;
        assert_eq!(out.lines().filter(|l| l.ends_with(line)).count(), 1, "{lang}: {out}");
    }
    // The whole inbox finds the oral order: nothing to report, nothing left unchecked.
    let json = check(&dir);
    assert!(findings(&json, "CR07").is_empty(), "{json:#}");
    assert!(json["skipped"].as_array().unwrap().is_empty(), "{json:#}");
    // And an amendment of a contract in no file is CR07's when the inbox is the folder.
    amendments = vec![header(AMENDMENT_COLUMNS), amendment("HT-404")];
    xlsx(&book, vec![sheet("修訂", amendments)]);
    assert_eq!(cells(&check(&dir), "CR07"), ["A2"]);
}

// ---------------------------------------------------------------- the workbook

/// Runs `clerk run` for October and returns the output folder.
fn run_month(dir: &tempfile::TempDir, lang: &str) -> std::path::PathBuf {
    let out = dir.path().join("out");
    let ran = run_in(
        dir.path(),
        &["run", "inbox", "--month", "2026-10", "--out", "out", "--lang", lang],
    );
    assert_eq!(ran.status, 0, "{}\n{}", ran.stdout, ran.stderr);
    out.join("2026-10")
}

/// The count next to `label` in the table titled `title` (the first such label after the title).
fn count_after(rows: &[Vec<String>], title: &str, label: &str) -> String {
    let start = rows.iter().position(|r| starts_with(r, title)).unwrap();
    rows[start..]
        .iter()
        .find(|r| starts_with(r, label))
        .map(|r| from_first(r)[1].clone())
        .unwrap()
}

/// A row from its first cell that is not empty (the short tables start in column B).
fn from_first(row: &[String]) -> &[String] {
    &row[row.iter().position(|c| !c.is_empty()).unwrap_or(row.len())..]
}

fn starts_with(row: &[String], first: &str) -> bool {
    from_first(row).first().is_some_and(|c| c == first)
}

/// The rows of the contracts table (the sheet's last): from its header row on.
fn contracts_table(rows: &[Vec<String>]) -> &[Vec<String>] {
    let header = |r: &Vec<String>| {
        ["Contract no.", "合同編號", "合同编号"]
            .iter()
            .any(|h| starts_with(r, h))
    };
    &rows[rows.iter().rposition(header).expect("the contracts table")..]
}

/// The sheet's cells as text (dates as yyyy-mm-dd, numbers as written), row by row.
fn sheet_text(workbook: &Path, name: &str) -> Vec<Vec<String>> {
    let mut book = calamine::open_workbook_auto(workbook).unwrap();
    assert!(
        book.sheet_names().iter().any(|n| n == name),
        "no sheet {name}: {:?}",
        book.sheet_names()
    );
    let range = book.worksheet_range(name).unwrap();
    let (first_row, first_col) = range.start().unwrap_or((0, 0));
    let mut rows = vec![Vec::new(); first_row as usize];
    for row in range.rows() {
        let mut cells = vec![String::new(); first_col as usize];
        cells.extend(row.iter().map(|c| match c {
            Data::DateTime(d) => {
                let (y, m, day, ..) = d.to_ymd_hms_milli();
                format!("{y:04}-{m:02}-{day:02}")
            }
            Data::Float(f) => format!("{f}"),
            other => other.to_string(),
        }));
        rows.push(cells);
    }
    rows
}

/// The row whose first cell (that is not empty) is `first`, from that cell on.
fn find_row<'a>(rows: &'a [Vec<String>], first: &str) -> &'a [String] {
    rows.iter()
        .find(|r| starts_with(r, first))
        .map(|r| from_first(r))
        .unwrap_or_else(|| panic!("no row starting with {first}: {rows:#?}"))
}

/// The column of a header in the last table whose header row starts with `first_header` and
/// holds it.
fn column_of(rows: &[Vec<String>], first_header: &str, header: &str) -> usize {
    (rows.iter().rev())
        .filter(|r| starts_with(r, first_header))
        .find_map(|r| r.iter().position(|h| h == header))
        .unwrap_or_else(|| panic!("no column {header}"))
}

fn month_inbox() -> tempfile::TempDir {
    let dir = contracts_inbox(vec![
        // Compliant routine contract.
        Row::contract("HT-001"),
        // Non-routine reviewed by the sales manager alone: CR02.
        Row::contract("HT-002").set("product_category", s("非常規產品")),
        // Oral order, reviewed after accepting it: CR01.
        Row::contract("DD-003")
            .set("document_type", s("口頭訂單"))
            .set("review_form_no", s("KT-01"))
            .set("review_date", D(2026, 10, 11)),
        // A bid with a meeting review, stronger than required.
        Row::contract("TB-004")
            .set("document_type", s("標書"))
            .set("amount", N(3_000_000.0))
            .review("會議評審", "總經理"),
        // September: not in the month.
        Row::contract("HT-0901")
            .set("received_date", D(2026, 9, 2))
            .set("review_date", D(2026, 9, 3))
            .set("commitment_date", D(2026, 9, 4)),
    ]);
    write_amendments(
        &dir.path().join("inbox/合同修訂.xlsx"),
        vec![
            amendment("HT-001"),
            set_amendment(amendment("HT-002"), "notice_date", D(2026, 10, 20)),
            set_amendment(amendment("HT-404"), "rereview_date", B),
        ],
    );
    dir
}

#[test]
fn the_contract_reviews_sheet_lists_the_month_with_required_and_actual_review() {
    let dir = month_inbox();
    let out = run_month(&dir, "en");
    let rows = sheet_text(&out.join("clerk-2026-10.xlsx"), "Contract reviews");
    assert_eq!(rows[0][0], "Contract reviews — 2026-10");

    let col = |h: &str| column_of(&rows, "Contract no.", h);
    let header = &contracts_table(&rows)[0];
    assert_eq!(
        &header[..8],
        [
            "Contract no.",
            "Customer",
            "Document type",
            "Product category",
            "Amount",
            "Received",
            "Required review",
            "Required approver"
        ]
    );
    let contract_ids: Vec<&str> = contracts_table(&rows)
        .iter()
        .skip(1)
        .take_while(|r| r.first().is_some_and(|c| !c.is_empty()))
        .map(|r| r[0].as_str())
        .collect();
    assert_eq!(contract_ids, ["HT-001", "HT-002", "DD-003", "TB-004"]);

    let ht002 = find_row(contracts_table(&rows), "HT-002");
    assert_eq!(ht002[col("Product category")], "non-routine");
    assert_eq!(ht002[col("Required review")], "countersign review");
    assert_eq!(ht002[col("Required approver")], "general manager");
    assert_eq!(ht002[col("Review method")], "authorized-person review");
    assert_eq!(ht002[col("Approver role")], "sales manager");
    assert_eq!(ht002[col("Status")], "CR02");
    assert_eq!(ht002[col("Review date")], "2026-10-09");
    assert_eq!(ht002[col("Commitment date")], "2026-10-10");
    assert_eq!(ht002[col("Amount")], "250000");
    assert_eq!(ht002[col("Source")], "合同台帳.xlsx › 2026 › row 3");

    assert_eq!(find_row(contracts_table(&rows), "HT-001")[col("Status")], "compliant");
    assert_eq!(find_row(contracts_table(&rows), "DD-003")[col("Status")], "CR01");
    let tb = find_row(contracts_table(&rows), "TB-004");
    assert_eq!(tb[col("Document type")], "bid");
    assert_eq!(tb[col("Required review")], "countersign review");
    assert_eq!(tb[col("Review method")], "meeting review");
    assert_eq!(tb[col("Status")], "compliant");

    // Amendments of the month with their re-review and notice.
    let acol = |h: &str| {
        let header = rows
            .iter()
            .find(|r| r.iter().any(|c| c == "Re-review"))
            .expect("amendments table");
        header.iter().position(|c| c == h).unwrap()
    };
    let amendments: Vec<&Vec<String>> = rows
        .iter()
        .skip_while(|r| !r.iter().any(|c| c == "Re-review"))
        .skip(1)
        .take_while(|r| r.first().is_some_and(|c| !c.is_empty()))
        .collect();
    assert_eq!(amendments.len(), 3);
    assert_eq!(amendments[0][acol("Re-review")], "re-reviewed");
    assert_eq!(amendments[0][acol("Notice")], "in time");
    assert_eq!(amendments[0][acol("Status")], "compliant");
    assert_eq!(amendments[1][acol("Notice")], "late");
    assert_eq!(amendments[1][acol("Days after re-review")], "7");
    assert_eq!(amendments[1][acol("Status")], "CR06");
    assert_eq!(amendments[2][acol("Contract in register")], "no");
    assert_eq!(amendments[2][acol("Re-review")], "missing");
    assert_eq!(amendments[2][acol("Status")], "CR05, CR07");
}

#[test]
fn the_contract_reviews_sheet_holds_the_summary_figures() {
    let dir = month_inbox();
    let out = run_month(&dir, "en");
    let rows = sheet_text(&out.join("clerk-2026-10.xlsx"), "Contract reviews");
    let figure = |label: &str| find_row(&rows, label)[1..4].to_vec();
    assert_eq!(figure("Contracts and orders")[0], "4");
    // HT-001, HT-002 and TB-004 reviewed in time; DD-003 after accepting it.
    assert_eq!(figure("Reviewed before commitment"), ["3", "4", "0.75"]);
    // HT-002 is weaker than required.
    assert_eq!(figure("With the required review authority"), ["3", "4", "0.75"]);
    assert_eq!(figure("Amendments")[0], "3");
    assert_eq!(figure("Amendments re-reviewed"), ["2", "3", "0.6666666666666666"]);
    assert_eq!(
        figure("Amendment notices within 3 days of re-review"),
        ["1", "3", "0.3333333333333333"]
    );
    // By document type and product category.
    let after = |title: &str, label: &str| count_after(&rows, title, label);
    assert_eq!(after("Contracts by document type", "contract"), "2");
    assert_eq!(after("Contracts by document type", "oral order"), "1");
    assert_eq!(after("Contracts by document type", "bid"), "1");
    assert_eq!(after("Contracts by document type", "order"), "0");
    assert_eq!(after("Contracts by product category", "routine"), "3");
    assert_eq!(after("Contracts by product category", "non-routine"), "1");
    assert!(rows[1][0].contains("4 contracts and orders"), "{:?}", rows[1]);
    assert!(
        rows[1][0].contains("3 of 4 (75.0%) reviewed before commitment"),
        "{:?}",
        rows[1]
    );
}

#[test]
fn a_month_of_thousands_of_contracts_is_listed_in_register_order_with_every_figure() {
    // More contracts than one chunk of the sheet's rows takes (they are made on every core):
    // every third is weaker than required (CR02), every fifth reviewed after commitment (CR01),
    // every fourth an order.
    let n = 2_500;
    let rows: Vec<Row> = (1..=n)
        .map(|i| {
            let id: &'static str = Box::leak(format!("HT-{i:05}").into_boxed_str());
            let mut row = Row::contract(id);
            if i % 3 == 0 {
                row = row.set("product_category", s("非常規產品"));
            }
            if i % 5 == 0 {
                row = row.set("review_date", D(2026, 10, 11));
            }
            if i % 4 == 0 {
                row = row.set("document_type", s("訂單"));
            }
            row
        })
        .collect();
    let dir = contracts_inbox(rows);
    let out = run_month(&dir, "en");
    let rows = sheet_text(&out.join("clerk-2026-10.xlsx"), "Contract reviews");
    let ids: Vec<&str> = contracts_table(&rows)
        .iter()
        .skip(1)
        .take_while(|r| r.first().is_some_and(|c| c.starts_with("HT-")))
        .map(|r| r[0].as_str())
        .collect();
    let expected: Vec<String> = (1..=n).map(|i| format!("HT-{i:05}")).collect();
    assert_eq!(ids, expected);
    let col = |h: &str| column_of(&rows, "Contract no.", h);
    for (id, status) in [
        ("HT-00001", "compliant"),
        ("HT-01025", "CR01"),
        ("HT-01026", "CR02"),
        ("HT-02010", "CR01, CR02"),
        ("HT-02051", "compliant"),
        ("HT-02500", "CR01"),
    ] {
        assert_eq!(find_row(contracts_table(&rows), id)[col("Status")], status, "{id}");
    }
    assert_eq!(
        find_row(contracts_table(&rows), "HT-02052")[col("Document type")],
        "order"
    );
    let count = |keep: fn(u32) -> bool| (1..=n).filter(|i| keep(*i)).count().to_string();
    let figure = |label: &str| find_row(&rows, label)[1..3].to_vec();
    assert_eq!(figure("Contracts and orders")[0], n.to_string());
    assert_eq!(
        figure("Reviewed before commitment"),
        [count(|i| i % 5 != 0), n.to_string()]
    );
    assert_eq!(
        figure("With the required review authority"),
        [count(|i| i % 3 != 0), n.to_string()]
    );
    let after = |title: &str, label: &str| count_after(&rows, title, label);
    assert_eq!(after("Contracts by document type", "order"), count(|i| i % 4 == 0));
    assert_eq!(after("Contracts by document type", "contract"), count(|i| i % 4 != 0));
    assert_eq!(
        after("Contracts by product category", "non-routine"),
        count(|i| i % 3 == 0)
    );
}

#[test]
fn the_html_summary_has_the_contract_headline_figures() {
    let dir = month_inbox();
    let out = run_month(&dir, "en");
    let html = std::fs::read_to_string(out.join("summary-2026-10.html")).unwrap();
    for expected in [
        "Contract reviews",
        "Reviewed before commitment",
        "3 of 4 (75.0%)",
        "With the required review authority",
        "Amendments re-reviewed",
        "2 of 3 (66.7%)",
        "bid 1, contract 2, oral order 1",
    ] {
        assert!(html.contains(expected), "{expected} missing");
    }
}

#[test]
fn the_sheet_is_in_the_report_language() {
    let dir = month_inbox();
    let out = run_month(&dir, "zh-Hans");
    let rows = sheet_text(&out.join("clerk-2026-10.xlsx"), "合同评审");
    let col = column_of(&rows, "合同编号", "应有批准人");
    assert_eq!(find_row(contracts_table(&rows), "HT-002")[col], "总经理");
}

#[test]
fn without_a_contracts_register_the_sheet_and_summary_say_so() {
    let dir = tempdir();
    let header = vec![s("編號"), s("接收日期"), s("顧客"), s("類別")];
    xlsx(
        &dir.path().join("inbox/反饋.xlsx"),
        vec![sheet(
            "10月",
            vec![header, vec![s("FK-1"), D(2026, 10, 3), s("張先生"), s("問詢")]],
        )],
    );
    let out = run_month(&dir, "en");
    let rows = sheet_text(&out.join("clerk-2026-10.xlsx"), "Contract reviews");
    let all: Vec<&String> = rows.iter().flatten().collect();
    assert!(all.iter().any(|c| *c == "No contracts register was given."), "{rows:?}");
    assert!(!all.iter().any(|c| *c == "Contract no."), "{rows:?}");
    let html = std::fs::read_to_string(out.join("summary-2026-10.html")).unwrap();
    assert!(html.contains("No contracts register was given."));
}

// ---------------------------------------------------------------- sample-data

/// Rows of a README table under `## {heading}` whose rule starts with `CR`:
/// (rule, file, sheet, cell, record).
fn readme_cr_rows(readme: &str, heading: &str) -> Vec<(String, String, String, String, String)> {
    let mut rows: Vec<(String, String, String, String, String)> = readme
        .lines()
        .skip_while(|l| l.trim() != format!("## {heading}"))
        .skip(1)
        .take_while(|l| !l.starts_with("## "))
        .filter_map(|l| {
            let cells: Vec<String> = l
                .trim()
                .strip_prefix('|')?
                .strip_suffix('|')?
                .split('|')
                .map(|c| c.trim().trim_matches('`').to_string())
                .collect();
            (cells.len() >= 5 && cells[0].starts_with("CR")).then(|| {
                (
                    cells[0].clone(),
                    cells[1].clone(),
                    cells[2].clone(),
                    cells[3].clone(),
                    cells[4].clone(),
                )
            })
        })
        .collect();
    rows.sort();
    rows
}

/// The planted CR cases of sample-data/README.md are found at their documented cells, nothing
/// else in sample-data is flagged CR, and in particular none of the documented decoys.
#[test]
fn sample_data_planted_contract_cases_are_found_and_nothing_else() {
    let root = repo_root();
    let readme = std::fs::read_to_string(root.join("sample-data/README.md")).expect("sample-data/README.md");
    let planted = readme_cr_rows(&readme, "Planted findings");
    let decoys = readme_cr_rows(&readme, "Must not be reported");
    assert!(planted.len() >= 7 && !decoys.is_empty(), "README tables not found");
    let json = check_json(&root.join("sample-data"), Some("2026-10"));
    let mut found: Vec<(String, String, String, String, String)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"].as_str().unwrap().starts_with("CR"))
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["file"].as_str().unwrap().to_string(),
                f["sheet"].as_str().unwrap().to_string(),
                cell(f),
                f["record"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    found.sort();
    for decoy in &decoys {
        let hit = found
            .iter()
            .any(|f| f.0 == decoy.0 && f.1 == decoy.1 && f.2 == decoy.2 && f.3 == decoy.3);
        assert!(!hit, "decoy reported: {decoy:?}");
    }
    // Amendments carry no id of their own: the README names them by contract number, findings by
    // contract number and amendment date.
    let key = |rows: &[(String, String, String, String, String)]| -> Vec<(String, String, String, String, String)> {
        rows.iter()
            .map(|r| {
                let record = r.4.split(' ').next().unwrap_or_default().to_string();
                (r.0.clone(), r.1.clone(), r.2.clone(), r.3.clone(), record)
            })
            .collect()
    };
    assert_eq!(key(&found), key(&planted));
}
