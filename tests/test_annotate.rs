//! Annotated registers: a copy of each input with findings, the cells highlighted and a note.

mod common;

use std::io::Read;
use std::path::Path;

use calamine::{open_workbook_auto, Data, Reader};
use common::*;

/// The text of every part of an xlsx whose name starts with `prefix` (e.g. `xl/comments`).
fn parts(path: &Path, prefix: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut out = String::new();
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).unwrap();
        if file.name().unwrap().starts_with(prefix) {
            file.read_to_string(&mut out).unwrap();
        }
    }
    out
}

#[test]
fn annotated_copy_has_the_values_and_a_note_on_the_cell() {
    let dir = tempdir();
    let inbox = dir.path().join("inbox");
    let mut row = contract_row("HT-002");
    row[1] = B; // RG01 at B4
    let rows = vec![
        vec![s("2026年10月合同評審台帳")],
        vec![],
        contract_header(),
        contract_row("HT-001"),
        row,
    ];
    xlsx(
        &inbox.join("銷售/合同.xlsx"),
        vec![sheet("2026", rows), sheet("說明", vec![vec![s("填表說明")]])],
    );
    xlsx(
        &inbox.join("clean.xlsx"),
        vec![sheet("s", vec![contract_header(), contract_row("HT-003")])],
    );
    let ran = run_in(
        dir.path(),
        &[
            "run", "inbox", "--month", "2026-10", "--out", "out", "--lang", "zh-Hant",
        ],
    );
    assert_eq!(ran.status, 0, "{}", ran.stderr);
    let copy = dir.path().join("out/2026-10/annotated/銷售/合同.xlsx");
    assert!(copy.is_file(), "{}", ran.stdout);
    assert!(
        !dir.path().join("out/2026-10/annotated/clean.xlsx").exists(),
        "no findings, no copy"
    );

    let mut book = open_workbook_auto(&copy).unwrap();
    assert_eq!(book.sheet_names(), vec!["2026".to_string(), "說明".to_string()]);
    let range = book.worksheet_range("2026").unwrap();
    assert_eq!(
        range.get_value((0, 0)),
        Some(&Data::String("2026年10月合同評審台帳".into()))
    );
    assert_eq!(range.get_value((3, 0)), Some(&Data::String("HT-001".into())));
    assert_eq!(range.get_value((4, 0)), Some(&Data::String("HT-002".into())));
    assert!(
        matches!(range.get_value((3, 5)), Some(Data::DateTime(_))),
        "dates stay dates"
    );

    let comments = parts(&copy, "xl/comments");
    assert!(comments.contains("ref=\"B5\""), "{comments}");
    assert!(comments.contains("RG01"), "{comments}");
    assert!(comments.contains("必填"), "note in the report language: {comments}");
    // The input is untouched and has no notes.
    assert!(parts(&inbox.join("銷售/合同.xlsx"), "xl/comments").is_empty());
}

#[test]
fn a_long_register_is_copied_as_header_and_rows_with_findings() {
    let dir = tempdir();
    let inbox = dir.path().join("inbox");
    let mut rows = vec![contract_header()];
    let ids: Vec<String> = (1..=30).map(|i| format!("HT-{i:03}")).collect();
    for (i, id) in ids.iter().enumerate() {
        let mut row = contract_row("x");
        row[0] = T(id.clone());
        if i == 19 {
            row[1] = B; // RG01 at B21
        }
        rows.push(row);
    }
    xlsx(&inbox.join("c.xlsx"), vec![sheet("s", rows)]);
    std::fs::write(inbox.join("clerk.toml"), "[report]\nannotate_max_rows = 10\n").unwrap();
    let ran = run_in(dir.path(), &["run", "inbox", "--month", "2026-10", "--out", "out"]);
    assert_eq!(ran.status, 0, "{}", ran.stderr);
    let copy = dir.path().join("out/2026-10/annotated/c.xlsx");
    let mut book = open_workbook_auto(&copy).unwrap();
    let range = book.worksheet_range("s").unwrap();
    let rows: Vec<Vec<Data>> = range.rows().map(|r| r.to_vec()).collect();
    assert_eq!(rows.len(), 3, "note, header, one row: {rows:?}");
    assert_eq!(rows[1][0], Data::String("Row in the register".into()));
    assert_eq!(rows[1][1], Data::String("合同編號".into()));
    assert_eq!(rows[2][0], Data::Float(21.0));
    assert_eq!(rows[2][1], Data::String("HT-020".into()));
    let comments = parts(&copy, "xl/comments");
    assert!(comments.contains("ref=\"C3\""), "shifted one column right: {comments}");
}
