//! Files as staff really hand them in: renamed, empty, cut short, locked with a password, or not
//! spreadsheets at all. Each gets one clear line naming the file; the run goes on with the rest.

mod common;

use std::io::Write;

use common::*;

fn good(path: &std::path::Path) {
    xlsx(path, vec![sheet("s", vec![contract_header(), contract_row("HT-1")])]);
}

/// Runs `check` on the inbox; returns (stderr lines, registers read).
fn check(dir: &std::path::Path) -> (Vec<String>, usize) {
    let ran = run_in(dir, &["check", "inbox", "--month", "2026-10", "--format", "json"]);
    assert!(ran.status == 0 || ran.status == 1, "{}", ran.stderr);
    assert!(!ran.stderr.contains("panicked"));
    let json: serde_json::Value = serde_json::from_str(&ran.stdout).unwrap();
    (
        ran.stderr.lines().map(String::from).collect(),
        json["inputs"].as_array().unwrap().len(),
    )
}

#[test]
fn renamed_workbooks_are_read_by_their_content() {
    let dir = tempdir();
    let inbox = dir.path().join("inbox");
    good(&inbox.join("a.xlsx"));
    std::fs::copy(inbox.join("a.xlsx"), inbox.join("b.xls")).unwrap(); // xlsx named .xls
    std::fs::copy(inbox.join("a.xlsx"), inbox.join("C.XLSX")).unwrap(); // upper-case extension
    std::fs::copy(inbox.join("a.xlsx"), inbox.join("noext")).unwrap(); // no extension
    std::fs::write(inbox.join("d.xlsx"), "日期,客户编号,消费金额\n2026-10-05,G1,100\n").unwrap(); // CSV named .xlsx
    let (errors, inputs) = check(dir.path());
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(inputs, 5);
}

#[test]
fn broken_files_are_one_line_each() {
    let dir = tempdir();
    let inbox = dir.path().join("inbox");
    good(&inbox.join("ok.xlsx"));
    std::fs::write(inbox.join("empty.xlsx"), b"").unwrap();
    let bytes = std::fs::read(inbox.join("ok.xlsx")).unwrap();
    std::fs::write(inbox.join("cut.xlsx"), &bytes[..bytes.len() / 2]).unwrap();
    std::fs::write(
        inbox.join("page.xls"),
        "<html><body><table><tr><td>1</td></tr></table></body></html>",
    )
    .unwrap();
    // An Office file saved with a password is an OLE container holding an EncryptedPackage stream.
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(512, 0);
    ole.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    ole.resize(2048, 0);
    std::fs::write(inbox.join("secret.xlsx"), ole).unwrap();
    std::fs::write(inbox.join("junk.xls"), [0u8, 1, 2, 3, 200, 201, 5, 6, 7]).unwrap();
    let (errors, inputs) = check(dir.path());
    assert_eq!(inputs, 1, "the good file is still read");
    let line = |name: &str| {
        errors
            .iter()
            .find(|l| l.starts_with(&format!("{name}: ")))
            .cloned()
            .unwrap_or_default()
    };
    assert!(line("empty.xlsx").contains("empty"), "{errors:?}");
    assert!(line("cut.xlsx").contains("damaged"), "{errors:?}");
    assert!(line("page.xls").contains("web page"), "{errors:?}");
    assert!(line("secret.xlsx").contains("password"), "{errors:?}");
    assert!(line("junk.xls").contains("not a spreadsheet"), "{errors:?}");
    assert_eq!(errors.len(), 5, "{errors:?}");
}

#[test]
fn a_zip_bomb_is_refused_before_it_is_unpacked() {
    let dir = tempdir();
    let inbox = dir.path().join("inbox");
    good(&inbox.join("ok.xlsx"));
    let file = std::fs::File::create(inbox.join("bomb.xlsx")).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("xl/workbook.xml", options).unwrap();
    let zeros = vec![0u8; 1 << 20];
    for _ in 0..8 {
        zip.write_all(&zeros).unwrap();
    }
    zip.finish().unwrap();
    let (errors, inputs) = check(dir.path());
    assert_eq!(inputs, 1);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with("bomb.xlsx: ") && errors[0].contains("zip bomb"),
        "{errors:?}"
    );
}

#[test]
fn merged_cells_and_subtotal_rows() {
    let dir = tempdir();
    let inbox = dir.path().join("inbox");
    let path = inbox.join("c.xlsx");
    std::fs::create_dir_all(&inbox).unwrap();
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("s").unwrap();
    let plain = rust_xlsxwriter::Format::new();
    // A merged title over the header width, then the header.
    ws.merge_range(0, 0, 0, 10, "2026年10月合同評審台帳", &plain).unwrap();
    for (c, h) in contract_header().iter().enumerate() {
        if let C::S(t) = h {
            ws.write_string(1, c as u16, *t).unwrap();
        }
    }
    // Two order lines of one customer: the customer cell merged over both rows.
    let date = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
    for (r, id) in [(2u32, "HT-1"), (3, "HT-2")] {
        ws.write_string(r, 0, id).unwrap();
        ws.write_string(r, 2, "合同").unwrap();
        ws.write_string(r, 3, "常規產品").unwrap();
        ws.write_number(r, 4, 1000.0).unwrap();
        let d = rust_xlsxwriter::ExcelDateTime::from_ymd(2026, 10, 8).unwrap();
        ws.write_datetime_with_format(r, 5, &d, &date).unwrap();
    }
    ws.merge_range(2, 1, 3, 1, "華東機械廠", &plain).unwrap();
    // A total line under the data.
    ws.write_string(4, 3, "合計").unwrap();
    ws.write_number(4, 4, 2000.0).unwrap();
    book.save(&path).unwrap();
    let json = check_json(&inbox, Some("2026-10"));
    assert_eq!(json["inputs"][0]["header_row"], 2, "{json}");
    assert_eq!(json["inputs"][0]["rows"], 2, "the total line is not a record: {json}");
    assert!(
        cells(&json, "RG01").is_empty(),
        "the merged customer applies to both rows: {json}"
    );
}

#[test]
fn the_one_line_is_in_the_report_language() {
    let dir = tempdir();
    let inbox = dir.path().join("inbox");
    good(&inbox.join("ok.xlsx"));
    std::fs::write(inbox.join("empty.xlsx"), b"").unwrap();
    let ran = run_in(
        dir.path(),
        &["check", "inbox", "--month", "2026-10", "--lang", "zh-Hant"],
    );
    assert_eq!(ran.stderr.trim(), "empty.xlsx: 檔案是空的(0 位元組)");
    let ran = run_in(
        dir.path(),
        &["check", "inbox", "--month", "2026-10", "--lang", "zh-Hans"],
    );
    assert_eq!(ran.stderr.trim(), "empty.xlsx: 文件是空的(0 字节)");
}
