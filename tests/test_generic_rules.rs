//! RG01–RG04 on small fixture workbooks: each fires where it must, at the right cell, and stays
//! quiet where it must not.

mod common;

use common::*;

fn contracts_inbox(rows: Vec<Vec<C>>) -> tempfile::TempDir {
    let dir = tempdir();
    let mut all = vec![vec![s("2026年10月合同評審台帳")], vec![], contract_header()];
    all.extend(rows);
    xlsx(&dir.path().join("inbox/合同.xlsx"), vec![sheet("2026", all)]);
    dir
}

#[test]
fn rg01_fires_on_a_blank_required_cell() {
    let mut row = contract_row("HT-001");
    row[1] = B; // customer
    let dir = contracts_inbox(vec![row, contract_row("HT-002")]);
    let json = check_json(&dir.path().join("inbox"), Some("2026-10"));
    assert_eq!(
        cells_of(&json, "RG01"),
        vec![("合同.xlsx".into(), "2026".into(), "B4".into(), "HT-001".into())]
    );
    let f = &json["findings"][0];
    assert_eq!(f["field"], "customer");
    assert_eq!(f["severity"], "error");
}

#[test]
fn rg01_quiet_when_required_cells_are_filled_or_optional_are_blank() {
    let mut row = contract_row("HT-001");
    row[4] = B; // amount is optional
    let dir = contracts_inbox(vec![row]);
    let json = check_json(&dir.path().join("inbox"), Some("2026-10"));
    assert!(cells(&json, "RG01").is_empty(), "{json}");
}

#[test]
fn rg01_is_not_reported_for_rows_of_another_month() {
    let mut row = contract_row("HT-001");
    row[1] = B;
    row[5] = D(2026, 9, 3);
    row[7] = D(2026, 9, 4);
    row[10] = D(2026, 9, 5);
    let dir = contracts_inbox(vec![row]);
    let json = check_json(&dir.path().join("inbox"), Some("2026-10"));
    assert!(cells(&json, "RG01").is_empty(), "{json}");
    // …but `check` without a month covers every row.
    let json = check_json(&dir.path().join("inbox"), None);
    assert_eq!(cells(&json, "RG01"), vec!["B4"]);
}

#[test]
fn rg01_reports_a_missing_required_column_once_at_the_header() {
    let dir = tempdir();
    let header = vec![s("合同編號"), s("客戶名稱"), s("單據類型"), s("接收日期")];
    let row = |id| vec![s(id), s("甲廠"), s("合同"), D(2026, 10, 2)];
    xlsx(
        &dir.path().join("inbox/c.xlsx"),
        vec![sheet("s", vec![header, row("A1"), row("A2")])],
    );
    let json = check_json(&dir.path().join("inbox"), Some("2026-10"));
    let found: Vec<_> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "RG01")
        .collect();
    assert_eq!(found.len(), 1, "{json}");
    assert_eq!(found[0]["row"], 1);
    assert_eq!(found[0]["field"], "product_category");
}

#[test]
fn rg02_fires_on_unreadable_cells_and_the_row_is_still_checked() {
    let mut row = contract_row("HT-001");
    row[4] = s("約一百萬");
    row[7] = s("2026/13/05");
    row[1] = B;
    let dir = contracts_inbox(vec![row]);
    let json = check_json(&dir.path().join("inbox"), Some("2026-10"));
    assert_eq!(cells(&json, "RG02"), vec!["E4", "H4"]);
    assert_eq!(cells(&json, "RG01"), vec!["B4"], "rest of the row still checked");
    let messages: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "RG02")
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert!(messages[0].contains("約一百萬"), "{messages:?}");
    assert!(
        messages[1].contains("2026/13/05") && messages[1].contains("month"),
        "{messages:?}"
    );
}

#[test]
fn rg02_quiet_on_every_accepted_form() {
    let mut row = contract_row("HT-001");
    row[4] = s("¥1,200,000");
    row[5] = s("2026年10月8日");
    row[7] = s("2026/10/9");
    row[10] = s("20261010");
    row[6] = s("授权人员评审"); // Simplified spelling of an enum value
    let dir = contracts_inbox(vec![row]);
    let json = check_json(&dir.path().join("inbox"), Some("2026-10"));
    assert!(cells(&json, "RG02").is_empty(), "{json}");
}

#[test]
fn rg02_on_an_unknown_option() {
    let mut row = contract_row("HT-001");
    row[3] = s("普通貨");
    let dir = contracts_inbox(vec![row]);
    let json = check_json(&dir.path().join("inbox"), Some("2026-10"));
    assert_eq!(cells(&json, "RG02"), vec!["D4"]);
    assert_eq!(json["findings"][0]["field"], "product_category");
}

#[test]
fn rg03_names_both_places_across_files() {
    let dir = contracts_inbox(vec![contract_row("HT-001"), contract_row("HT-002")]);
    xlsx(
        &dir.path().join("inbox/more.xlsx"),
        vec![sheet(
            "Oct",
            vec![contract_header(), contract_row("HT-003"), contract_row("ht-001")],
        )],
    );
    let json = check_json(&dir.path().join("inbox"), Some("2026-10"));
    let found = cells_of(&json, "RG03");
    assert_eq!(found.len(), 2, "{json}");
    assert_eq!(found[0].0, "more.xlsx");
    assert_eq!(found[0].2, "A3");
    assert_eq!(found[1].0, "合同.xlsx");
    assert_eq!(found[1].2, "A4");
    let message = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "RG03")
        .unwrap()["message"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(message.contains("合同.xlsx › 2026 › A4"), "{message}");
}

#[test]
fn rg03_quiet_on_distinct_ids() {
    let dir = contracts_inbox(vec![contract_row("HT-001"), contract_row("HT-0011")]);
    let json = check_json(&dir.path().join("inbox"), Some("2026-10"));
    assert!(cells(&json, "RG03").is_empty());
}

#[test]
fn rg04_future_date_and_wrong_order() {
    let mut late = contract_row("HT-001");
    late[7] = D(2026, 11, 2); // reviewed after as-of
    let mut early = contract_row("HT-002");
    early[7] = D(2026, 10, 7); // reviewed before it was received (10-08)
    let dir = contracts_inbox(vec![late, early]);
    let json = check_json(&dir.path().join("inbox"), Some("2026-10"));
    assert_eq!(cells(&json, "RG04"), vec!["H4", "H5"]);
    let rg04: Vec<_> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "RG04")
        .collect();
    assert!(rg04.iter().all(|f| f["severity"] == "warning"), "{json}");
}

#[test]
fn rg04_quiet_on_same_day_and_planned_dates() {
    let mut same_day = contract_row("HT-001");
    same_day[7] = D(2026, 10, 8); // reviewed the day it came in
    let dir = contracts_inbox(vec![same_day]);
    // A feedback row with a next reply date in the future is fine.
    xlsx(
        &dir.path().join("inbox/反饋.xlsx"),
        vec![sheet(
            "反饋",
            vec![
                vec![
                    s("編號"),
                    s("接收日期"),
                    s("顧客"),
                    s("類別"),
                    s("評審日期"),
                    s("下次回復日期"),
                ],
                vec![
                    s("FB-1"),
                    Dt(2026, 10, 3, 9, 30),
                    s("李先生"),
                    s("投訴"),
                    D(2026, 10, 4),
                    D(2026, 11, 15),
                ],
            ],
        )],
    );
    let json = check_json(&dir.path().join("inbox"), Some("2026-10"));
    assert!(cells(&json, "RG04").is_empty(), "{json}");
}
