//! The inbox (SPEC 1.1): what is read, what is skipped and listed, and that one bad file costs
//! only itself.

mod common;

use common::*;

fn json_list<'a>(json: &'a serde_json::Value, key: &str) -> &'a Vec<serde_json::Value> {
    json[key].as_array().unwrap()
}

fn contracts(path: &std::path::Path) {
    xlsx(
        path,
        vec![sheet("2026", vec![contract_header(), contract_row("HT-001")])],
    );
}

#[test]
fn lock_hidden_and_other_files_are_skipped_and_listed() {
    let dir = tempdir();
    let inbox = dir.path().join("inbox");
    contracts(&inbox.join("合同.xlsx"));
    std::fs::write(inbox.join("~$合同.xlsx"), b"\x05owner").unwrap();
    std::fs::write(inbox.join(".secret.xlsx"), b"x").unwrap();
    std::fs::write(inbox.join("notes.txt"), b"hello").unwrap();
    let json = check_json(&inbox, Some("2026-10"));
    let skipped: Vec<(String, String)> = json_list(&json, "skipped")
        .iter()
        .map(|s| {
            (
                s["file"].as_str().unwrap().to_string(),
                s["reason"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(
        skipped.contains(&(".secret.xlsx".into(), "hidden".into())),
        "{skipped:?}"
    );
    assert!(
        skipped.contains(&("notes.txt".into(), "not_a_spreadsheet".into())),
        "{skipped:?}"
    );
    assert!(
        skipped.contains(&("~$合同.xlsx".into(), "lock_file".into())),
        "{skipped:?}"
    );
    assert_eq!(json_list(&json, "inputs").len(), 1);
}

#[test]
fn a_corrupt_file_is_one_located_line_and_the_run_goes_on() {
    let dir = tempdir();
    let inbox = dir.path().join("inbox");
    contracts(&inbox.join("a/good.xlsx"));
    std::fs::write(inbox.join("a/broken.xlsx"), b"PK\x03\x04 this is not really a zip").unwrap();
    std::fs::write(inbox.join("empty.xls"), b"").unwrap();
    let ran = run_in(dir.path(), &["check", "inbox", "--month", "2026-10"]);
    assert_eq!(ran.status, 0, "{}", ran.stderr);
    let lines: Vec<&str> = ran.stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{}", ran.stderr);
    assert!(lines[0].starts_with("a/broken.xlsx: "), "{}", ran.stderr);
    assert!(lines[1].starts_with("empty.xls: "), "{}", ran.stderr);
    assert!(!ran.stderr.contains("panicked"));
    assert!(ran.stdout.contains("0 errors"), "{}", ran.stdout);
}

#[test]
fn nothing_readable_is_exit_status_2() {
    let dir = tempdir();
    let inbox = dir.path().join("inbox");
    std::fs::create_dir_all(&inbox).unwrap();
    std::fs::write(inbox.join("notes.txt"), b"hello").unwrap();
    let ran = run_in(dir.path(), &["check", "inbox"]);
    assert_eq!(ran.status, 2);
    assert!(ran.stderr.contains("no register could be read"), "{}", ran.stderr);
    let ran = run_in(dir.path(), &["check", "no-such-folder"]);
    assert_eq!(ran.status, 2);
    assert_eq!(ran.stderr.lines().count(), 1, "{}", ran.stderr);
}

fn visits_csv(text: &str) -> String {
    format!("日期,客户编号,消费金额,宴会菜单,菜品评价\n{text}")
}

#[test]
fn csv_in_gb18030_big5_and_utf8_with_bom() {
    let dir = tempdir();
    let inbox = dir.path().join("inbox");
    std::fs::create_dir_all(&inbox).unwrap();
    let gb_text = visits_csv("2026-10-05,G001,\"8,800.00\",龙虾宴,满意\n");
    let (gb, _, _) = encoding_rs::GB18030.encode(&gb_text);
    std::fs::write(inbox.join("gb.csv"), gb).unwrap();
    let big5_text = "日期,客戶編號,消費金額,宴會菜單,菜品評價\n2026-10-06,G002,1200,點心,很好\n";
    let (big5, _, _) = encoding_rs::BIG5.encode(big5_text);
    std::fs::write(inbox.join("big5.csv"), big5).unwrap();
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(visits_csv("2026-10-07,G003,300,,好\n").as_bytes());
    std::fs::write(inbox.join("bom.csv"), bom).unwrap();
    let json = check_json(&inbox, Some("2026-10"));
    let inputs = json_list(&json, "inputs");
    assert_eq!(inputs.len(), 3, "{json}");
    for input in inputs {
        assert_eq!(input["register"], "visits");
        assert_eq!(input["rows"], 1);
        assert_eq!(input["sheet"], input["file"].as_str().unwrap().trim_end_matches(".csv"));
    }
    assert!(cells(&json, "RG02").is_empty(), "{json}");
}

#[test]
fn csv_findings_name_the_line() {
    let dir = tempdir();
    let inbox = dir.path().join("inbox");
    std::fs::create_dir_all(&inbox).unwrap();
    std::fs::write(
        inbox.join("v.csv"),
        visits_csv("2026-10-05,G001,100,a,b\n2026-10-06,G002,很多,a,b\n"),
    )
    .unwrap();
    let json = check_json(&inbox, Some("2026-10"));
    // SPEC 6: a CSV column is its number.
    assert_eq!(
        cells_of(&json, "RG02"),
        vec![("v.csv".into(), "v".into(), "33".into(), "G002 2026-10-06".into())]
    );
    assert_eq!(json["findings"][0]["column"], "3");
    let ran = run_in(&inbox, &["check", "v.csv", "--month", "2026-10"]);
    assert!(ran.stdout.starts_with("v.csv › v › R3C3: error RG02"), "{}", ran.stdout);
}

#[test]
fn a_csv_header_under_a_title_and_blank_lines_is_named_by_its_line() {
    let dir = tempdir();
    let inbox = dir.path().join("inbox");
    std::fs::create_dir_all(&inbox).unwrap();
    let title = "2026年10月消費記錄\n\n";
    std::fs::write(
        inbox.join("a.csv"),
        format!("{title}{}", visits_csv("2026-10-05,G001,很多,a,b\n")),
    )
    .unwrap();
    let crlf = format!("消費記錄,,\r\n\r\n\r\n{}", visits_csv("2026-10-05,G001,很多,a,b\r\n"));
    std::fs::write(inbox.join("b.csv"), crlf.replace("金额\n", "金额\r\n")).unwrap();
    let json = check_json(&inbox, Some("2026-10"));
    let inputs = json_list(&json, "inputs");
    let header_rows: Vec<(&str, u64)> = inputs
        .iter()
        .map(|i| (i["file"].as_str().unwrap(), i["header_row"].as_u64().unwrap()))
        .collect();
    // The header is the line a person sees it on, as the findings under it count lines.
    assert_eq!(header_rows, [("a.csv", 3), ("b.csv", 4)], "{json}");
    let rg02: Vec<String> = cells_of(&json, "RG02")
        .into_iter()
        .map(|c| format!("{}:{}", c.0, c.2))
        .collect();
    assert_eq!(rg02, ["a.csv:34", "b.csv:35"]);
}

#[test]
fn hidden_sheets_are_read_and_flagged_and_registers_span_files_and_sheets() {
    let dir = tempdir();
    let inbox = dir.path().join("inbox");
    let mut hidden = sheet("old", vec![contract_header(), contract_row("HT-009")]);
    hidden.hidden = true;
    xlsx(
        &inbox.join("one.xlsx"),
        vec![sheet("Oct", vec![contract_header(), contract_row("HT-001")]), hidden],
    );
    xlsx(
        &inbox.join("two.xlsx"),
        vec![sheet("Oct", vec![contract_header(), contract_row("HT-002")])],
    );
    let json = check_json(&inbox, Some("2026-10"));
    let inputs = json_list(&json, "inputs");
    assert_eq!(inputs.len(), 3);
    assert_eq!(inputs[1]["sheet"], "old");
    assert_eq!(inputs[1]["hidden"], true);
    assert!(inputs[0].get("hidden").is_none());
    // One register: HT-001 and HT-002 come from two files, no duplicates among them.
    assert!(cells(&json, "RG03").is_empty());
}

#[test]
fn inputs_are_never_written_to() {
    let dir = tempdir();
    let inbox = dir.path().join("inbox");
    contracts(&inbox.join("c.xlsx"));
    // A register still open elsewhere, or on a read-only share: read-only to us.
    let mut permissions = std::fs::metadata(inbox.join("c.xlsx")).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(inbox.join("c.xlsx"), permissions).unwrap();
    let before = std::fs::read(inbox.join("c.xlsx")).unwrap();
    let modified = std::fs::metadata(inbox.join("c.xlsx")).unwrap().modified().unwrap();
    let ran = run_in(
        dir.path(),
        &["run", "inbox", "--month", "2026-10", "--out", "inbox/reports"],
    );
    assert_eq!(ran.status, 0, "{}", ran.stderr);
    assert_eq!(std::fs::read(inbox.join("c.xlsx")).unwrap(), before);
    assert_eq!(
        std::fs::metadata(inbox.join("c.xlsx")).unwrap().modified().unwrap(),
        modified
    );
    // A second run does not read the first run's report as a register.
    let ran = run_in(
        dir.path(),
        &["run", "inbox", "--month", "2026-10", "--out", "inbox/reports"],
    );
    assert_eq!(ran.status, 0);
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(inbox.join("reports/2026-10/findings.json")).unwrap()).unwrap();
    assert_eq!(json_list(&json, "inputs").len(), 1, "{json}");
}

#[test]
fn one_file_can_be_checked_alone() {
    let dir = tempdir();
    let inbox = dir.path().join("inbox");
    contracts(&inbox.join("c.xlsx"));
    let mut row = contract_row("HT-002");
    row[1] = B;
    xlsx(&inbox.join("d.xlsx"), vec![sheet("s", vec![contract_header(), row])]);
    let ran = run_in(&inbox, &["check", "c.xlsx"]);
    assert_eq!(ran.status, 0, "{}{}", ran.stdout, ran.stderr);
    let ran = run_in(&inbox, &["check", "d.xlsx"]);
    assert_eq!(ran.status, 1, "{}", ran.stdout);
    assert!(
        ran.stdout.starts_with("d.xlsx › s › B2: error RG01 [HT-002]: "),
        "{}",
        ran.stdout
    );
}

#[test]
fn csv_with_windows_line_ends_keeps_its_header_and_line_numbers() {
    let dir = tempdir();
    let inbox = dir.path().join("inbox");
    std::fs::create_dir_all(&inbox).unwrap();
    let text = visits_csv("2026-10-05,G001,100,a,b\n2026-10-06,G002,很多,a,b\n").replace('\n', "\r\n");
    std::fs::write(inbox.join("v.csv"), text).unwrap();
    let json = check_json(&inbox, Some("2026-10"));
    assert_eq!(json["inputs"][0]["rows"], 2, "{json}");
    assert_eq!(json["findings"][0]["row"], 3);
    assert_eq!(json["findings"][0]["column"], "3");
}

/// A register kept one sheet a month, with the lines offices write under the records.
fn month_sheet(name: &str, ids: [&'static str; 2], footer: Vec<Vec<C>>) -> Sheet {
    let mut rows = vec![
        vec![s("2026年10月合同評審台帳")],
        contract_header(),
        contract_row(ids[0]),
        contract_row(ids[1]),
        vec![],
    ];
    rows.extend(footer);
    sheet(name, rows)
}

#[test]
fn footer_lines_under_the_records_are_no_records_and_are_listed_once_per_sheet() {
    let dir = tempdir();
    let inbox = dir.path().join("inbox");
    xlsx(
        &inbox.join("合同.xlsx"),
        vec![
            // One cell, full-width colons and spaces; then a total line with its sum (rows 6–7).
            month_sheet(
                "10月",
                ["HT-001", "HT-002"],
                vec![
                    vec![s("填表人：林曉紅　審核：馮建業　日期：2026年11月3日")],
                    vec![B, B, B, s("合計"), N(500000.0)],
                ],
            ),
            // Labels spread over cells, Simplified, half-width colons, a date cell, a signature line.
            month_sheet(
                "9月",
                ["HT-011", "HT-012"],
                vec![vec![
                    s("制表人:"),
                    s("林晓红"),
                    s("审核:"),
                    s("冯建业"),
                    s("日期:"),
                    D(2026, 11, 3),
                    s("签名：________"),
                ]],
            ),
        ],
    );
    let json = check_json(&inbox, Some("2026-10"));
    assert_eq!(json["findings"].as_array().unwrap().len(), 0, "{json}");
    let inputs = json_list(&json, "inputs");
    assert!(inputs.iter().all(|i| i["rows"] == 2), "{json}");
    let footers: Vec<(&str, &serde_json::Value)> = json_list(&json, "skipped")
        .iter()
        .filter(|s| s["reason"] == "footer")
        .map(|s| (s["sheet"].as_str().unwrap(), &s["rows"]))
        .collect();
    assert_eq!(
        footers,
        [("10月", &serde_json::json!([6, 7])), ("9月", &serde_json::json!([6]))],
        "{json}"
    );
    // The terminal says it in the report language, once per sheet.
    let ran = run_in(dir.path(), &["check", "inbox", "--month", "2026-10"]);
    let lines: Vec<&str> = ran.stdout.lines().filter(|l| l.contains("footer")).collect();
    assert_eq!(
        lines,
        [
            "skipped: 合同.xlsx › 10月: 2 footer lines below the last record (rows 6–7) are not records",
            "skipped: 合同.xlsx › 9月: 1 footer line below the last record (row 6) is not a record",
        ],
        "{}",
        ran.stdout
    );
    for (lang, said) in [
        ("zh-Hant", "最後一筆記錄下方的 2 行表尾（第 6–7 行）不是記錄"),
        ("zh-Hans", "最后一条记录下方的 2 行表尾（第 6–7 行）不是记录"),
    ] {
        let ran = run_in(
            dir.path(),
            &["run", "inbox", "--month", "2026-10", "--out", "out", "--lang", lang],
        );
        let line = |l: &&str| l.contains("合同.xlsx › 10月") && l.ends_with(said);
        assert_eq!(ran.stdout.lines().filter(line).count(), 1, "{lang}: {}", ran.stdout);
    }
}

#[test]
fn a_record_after_a_footer_looking_row_makes_that_row_a_record_too() {
    let dir = tempdir();
    let inbox = dir.path().join("inbox");
    let mut late = contract_row("HT-003");
    late[1] = B;
    xlsx(
        &inbox.join("合同.xlsx"),
        vec![month_sheet(
            "10月",
            ["HT-001", "HT-002"],
            vec![vec![s("備註：HT-003 補登")], late, vec![s("審核：馮建業")]],
        )],
    );
    let json = check_json(&inbox, Some("2026-10"));
    // Row 6 is followed by a record, so it is one (and lacks its required values); row 7 is HT-003,
    // checked as any record; row 8, the last, is the footer.
    let rg01: Vec<String> = cells(&json, "RG01");
    assert!(rg01.contains(&"B7".to_string()), "{rg01:?}");
    assert!(rg01.iter().any(|c| c.ends_with('6')), "{rg01:?}");
    assert_eq!(json["inputs"][0]["rows"], 4, "{json}");
    let footers: Vec<&serde_json::Value> = json_list(&json, "skipped")
        .iter()
        .filter(|s| s["reason"] == "footer")
        .collect();
    assert_eq!(footers.len(), 1, "{json}");
    assert_eq!(footers[0]["rows"], serde_json::json!([8]));
}
