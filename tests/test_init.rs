//! `clerk init`: blank templates that clerk recognises and finds nothing wrong with.

mod common;

use std::io::Read;

use calamine::{open_workbook_auto, Data, Reader};
use common::*;

#[test]
fn init_then_check_finds_nothing() {
    for lang in ["en", "zh-Hant", "zh-Hans"] {
        let dir = tempdir();
        let ran = run_in(dir.path(), &["init", "templates", "--lang", lang]);
        assert_eq!(ran.status, 0, "{}", ran.stderr);
        let files: Vec<_> = std::fs::read_dir(dir.path().join("templates")).unwrap().collect();
        assert_eq!(files.len(), 7, "six registers and clerk.toml");
        let json = check_json(&dir.path().join("templates"), None);
        let registers: Vec<&str> = json["inputs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["register"].as_str().unwrap())
            .collect();
        assert_eq!(registers.len(), 6, "{lang}: {json}");
        for kind in ["contracts", "amendments", "feedback", "guests", "visits", "callbacks"] {
            assert!(registers.contains(&kind), "{lang}: {kind} not recognised");
        }
        assert!(json["findings"].as_array().unwrap().is_empty(), "{json}");
        assert!(json["skipped"].as_array().unwrap().is_empty(), "{json}");
    }
}

#[test]
fn templates_have_notes_drop_downs_and_the_language() {
    let dir = tempdir();
    let ran = run_in(dir.path(), &["init", "t", "--lang", "zh-Hant"]);
    assert_eq!(ran.status, 0, "{}", ran.stderr);
    let path = dir.path().join("t/合同及訂單.xlsx");
    let mut book = open_workbook_auto(&path).unwrap();
    let range = book.worksheet_range("合同及訂單").unwrap();
    assert_eq!(range.get_value((0, 0)), Some(&Data::String("編號".into())));
    assert_eq!(range.get_value((0, 2)), Some(&Data::String("類型".into())));
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
    let mut sheet = String::new();
    zip.by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_string(&mut sheet)
        .unwrap();
    assert!(sheet.contains("<dataValidation"), "drop-downs");
    assert!(sheet.contains("口頭訂單"), "enum options in the language");
    assert!(sheet.contains("<pane"), "frozen header");
    let mut notes = String::new();
    zip.by_name("xl/comments1.xml")
        .unwrap()
        .read_to_string(&mut notes)
        .unwrap();
    assert!(notes.contains("必填"), "{notes}");
    let toml = std::fs::read_to_string(dir.path().join("t/clerk.toml")).unwrap();
    assert!(toml.contains("language = \"zh-Hant\""));
    // A second init leaves the files alone.
    std::fs::write(dir.path().join("t/clerk.toml"), "company = \"x\"\n").unwrap();
    let ran = run_in(dir.path(), &["init", "t", "--lang", "zh-Hant"]);
    assert_eq!(ran.status, 0);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("t/clerk.toml")).unwrap(),
        "company = \"x\"\n"
    );
}
