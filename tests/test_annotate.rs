//! Annotated registers: a copy of each input with findings, the cells highlighted and a note; an
//! xlsx or xlsm copy is the staff's own workbook with only that added, compared with its original
//! cell by cell by a reader of the tests' own (`package/`).

mod common;
mod package;

use std::io::Read;
use std::path::Path;

use calamine::{open_workbook_auto, Data, Reader};
use common::*;
use package::{element, Package, Style};
use rust_xlsxwriter::{Color, DataValidation, Format, FormatAlign, FormatBorder, Workbook};

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

// ---------------------------------------------------------------------------------------------
// The staff's own workbook, kept.

/// A register as staff keep it: a merged title, a bold bordered header, amounts as `#,##0`,
/// dates as `yyyy"年"m"月"d"日"`, widths, frozen below the header, a drop-down of review methods,
/// and a sheet of totals with a formula. Rows 5–8 have a blank customer (no cell at all), a blank
/// document type (a bordered blank cell), an amount in words and a date that is no date.
fn staff_register() -> Workbook {
    let mut book = Workbook::new();
    let title = Format::new()
        .set_bold()
        .set_font_size(16)
        .set_align(FormatAlign::Center);
    let head = (Format::new().set_bold().set_border(FormatBorder::Thin))
        .set_background_color(Color::RGB(0xD9E1F2))
        .set_align(FormatAlign::Center);
    let text = Format::new().set_border(FormatBorder::Thin);
    let money = text.clone().set_num_format("#,##0");
    let day = text.clone().set_num_format("yyyy\"年\"m\"月\"d\"日\"");
    let sheet = book.add_worksheet().set_name("2026").unwrap();
    sheet
        .merge_range(0, 0, 0, 10, "2026年10月合同評審台帳", &title)
        .unwrap();
    for (c, cell) in contract_header().iter().enumerate() {
        let S(heading) = cell else { unreachable!() };
        sheet.write_string_with_format(2, c as u16, *heading, &head).unwrap();
    }
    for (i, id) in ["HT-001", "HT-002", "HT-003", "HT-004", "HT-005", "HT-006"]
        .into_iter()
        .enumerate()
    {
        let r = 3 + i as u32;
        for (c, cell) in contract_row(id).into_iter().enumerate() {
            let c = c as u16;
            match (r, c, cell) {
                (4, 1, _) => {}
                (5, 2, _) => drop(sheet.write_blank(r, c, &text).unwrap()),
                (6, 4, _) => drop(sheet.write_string_with_format(r, c, "壹佰貳拾萬元", &money).unwrap()),
                (7, 5, _) => drop(sheet.write_string_with_format(r, c, "2026/13/05", &day).unwrap()),
                (_, _, S(t)) => drop(sheet.write_string_with_format(r, c, t, &text).unwrap()),
                (_, _, N(n)) => drop(sheet.write_number_with_format(r, c, n, &money).unwrap()),
                (_, _, D(y, m, d)) => {
                    let date = rust_xlsxwriter::ExcelDateTime::from_ymd(y, m, d).unwrap();
                    sheet.write_datetime_with_format(r, c, date, &day).unwrap();
                }
                (_, _, other) => panic!("{other:?}"),
            }
        }
    }
    for (c, width) in [
        (0, 12.0),
        (1, 24.0),
        (4, 14.0),
        (5, 18.0),
        (6, 16.0),
        (7, 18.0),
        (10, 18.0),
    ] {
        sheet.set_column_width(c, width).unwrap();
    }
    sheet.set_row_height(2, 30).unwrap();
    sheet.set_freeze_panes(3, 0).unwrap();
    let methods = DataValidation::new()
        .allow_list_strings(&["授權人員評審", "會簽評審"])
        .unwrap();
    sheet.add_data_validation(3, 6, 200, 6, &methods).unwrap();
    let totals = book.add_worksheet().set_name("匯總").unwrap();
    totals.write_string(0, 0, "金額合計").unwrap();
    totals
        .write_formula_with_format(0, 1, "=SUM('2026'!E4:E9)", &Format::new().set_num_format("#,##0"))
        .unwrap();
    totals.set_column_width(0, 20).unwrap();
    book
}

/// The cells of findings.json's findings in `file` (`B5`), with the most severe's colour.
fn marked(out: &Path, file: &str) -> std::collections::BTreeMap<String, &'static str> {
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(out.join("findings.json")).unwrap()).unwrap();
    let mut marks = std::collections::BTreeMap::new();
    for f in json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["file"] == file)
    {
        let cell = format!("{}{}", f["column"].as_str().unwrap_or("A"), f["row"]);
        let colour = match f["severity"].as_str().unwrap() {
            "error" => "FFFFC7CE",
            "warning" => "FFFFEB9C",
            _ => "FFDDEBF7",
        };
        let rank = |c: &str| ["FFDDEBF7", "FFFFEB9C", "FFFFC7CE"].iter().position(|x| *x == c);
        let entry = marks.entry(cell).or_insert(colour);
        if rank(colour) > rank(entry) {
            *entry = colour;
        }
    }
    marks
}

/// Asserts that `copy` is `original` with only the cells of `marks` highlighted (and noted):
/// every cell's value and style, the sheet outside its rows, every other part.
fn assert_kept(original: &Package, copy: &Package, sheet: &str, marks: &std::collections::BTreeMap<String, &str>) {
    let part = original.sheet_part(sheet);
    assert_eq!(copy.sheet_part(sheet), part);
    let changed = [
        "xl/styles.xml",
        "[Content_Types].xml",
        part.as_str(),
        &part
            .replace("worksheets/", "worksheets/_rels/")
            .replace(".xml", ".xml.rels"),
    ];
    for (name, data) in &original.parts {
        if !changed.contains(&name.as_str()) {
            assert!(copy.parts.get(name) == Some(data), "{name} unchanged");
        }
    }
    // Widths, merged cells, panes, validations: the sheet outside its rows, less the notes' drawing.
    let copy_xml = copy.text(&part);
    let outside = copy
        .outside_rows(&part)
        .replace(&element(&copy_xml, "legacyDrawing"), "");
    assert_eq!(outside, original.outside_rows(&part));
    assert!(!element(&copy_xml, "legacyDrawing").is_empty(), "the notes are drawn");
    assert_eq!(
        copy.rows(&part),
        original.rows(&part),
        "the rows' own heights and styles"
    );
    let styles = |p: &Package| -> Vec<String> {
        let xml = p.text("xl/styles.xml");
        ["numFmts", "fonts", "borders", "cellStyleXfs", "cellStyles", "dxfs"]
            .map(|s| element(&xml, s))
            .to_vec()
    };
    assert_eq!(styles(copy), styles(original), "the workbook's other styles");
    let (before, after) = (original.cells(&part), copy.cells(&part));
    let (before_styles, after_styles) = (original.styles(), copy.styles());
    for (at, cell) in &after {
        let style = &after_styles[cell.style];
        let (was, was_style) = match before.get(at) {
            Some(was) => (was.content.clone(), before_styles[was.style].clone()),
            None => (" ".to_string(), before_styles[0].clone()),
        };
        assert_eq!(cell.content, was, "{at}: the value as it was");
        match marks.get(at) {
            None => assert_eq!(style, &was_style, "{at}: not marked, its style as it was"),
            Some(colour) => {
                assert_eq!(
                    Style {
                        fill: was_style.fill.clone(),
                        ..style.clone()
                    },
                    was_style,
                    "{at}: its own style but the fill"
                );
                assert!(
                    style.fill.contains(&format!("rgb=\"{colour}\"")),
                    "{at}: {}",
                    style.fill
                );
                assert!(style.fill.contains("patternType=\"solid\""), "{at}: {}", style.fill);
            }
        }
    }
    let gone: Vec<&String> = before.keys().filter(|at| !after.contains_key(*at)).collect();
    assert!(gone.is_empty(), "cells gone: {gone:?}");
    for at in marks.keys() {
        assert!(after.contains_key(at), "{at} is marked");
    }
}

/// The values calamine reads from every sheet, cell by cell.
fn values(path: &Path) -> Vec<(String, Vec<Vec<Data>>)> {
    let mut book = open_workbook_auto(path).unwrap();
    let names = book.sheet_names();
    (names.into_iter())
        .map(|name| {
            let range = book.worksheet_range(&name).unwrap();
            let rows = range.rows().map(|r| r.to_vec()).collect::<Vec<_>>();
            let start = range.start().unwrap_or((0, 0));
            (format!("{name} from {start:?}"), rows)
        })
        .collect()
}

#[test]
fn an_xlsx_copy_is_the_staffs_own_workbook_with_only_highlights_and_notes_added() {
    let dir = tempdir();
    let inbox = dir.path().join("inbox");
    std::fs::create_dir_all(inbox.join("銷售")).unwrap();
    let original_path = inbox.join("銷售/合同.xlsx");
    staff_register().save(&original_path).unwrap();
    let original_bytes = std::fs::read(&original_path).unwrap();
    let ran = run_in(dir.path(), &["run", "inbox", "--month", "2026-10", "--out", "out"]);
    assert_eq!(ran.status, 0, "{}", ran.stderr);
    assert!(ran.stderr.is_empty(), "no line about the copy: {}", ran.stderr);
    assert_eq!(
        std::fs::read(&original_path).unwrap(),
        original_bytes,
        "the input is untouched"
    );
    let out = dir.path().join("out/2026-10");
    let copy_path = out.join("annotated/銷售/合同.xlsx");
    let marks = marked(&out, "銷售/合同.xlsx");
    for (cell, why) in [
        ("B5", "no cell at all"),
        ("C6", "a bordered blank"),
        ("E7", "an amount"),
        ("F8", "a date"),
    ] {
        assert_eq!(
            marks.get(cell),
            Some(&"FFFFC7CE"),
            "{cell} ({why}) is an error: {marks:?}"
        );
    }
    let (original, copy) = (Package::open(&original_path), Package::open(&copy_path));
    assert_kept(&original, &copy, "2026", &marks);
    // The amount in words keeps `#,##0`, the date `yyyy"年"m"月"d"日"`, both their borders.
    let (cells, styles) = (copy.cells("xl/worksheets/sheet1.xml"), copy.styles());
    assert_eq!(styles[cells["E7"].style].num_fmt, "#,##0");
    assert_eq!(styles[cells["F8"].style].num_fmt, "yyyy\"年\"m\"月\"d\"日\"");
    assert!(styles[cells["C6"].style].border.contains("thin"));
    assert_eq!(
        values(&copy_path),
        values(&original_path),
        "calamine reads the same values"
    );
    let comments = copy.text("xl/comments1.xml");
    for cell in marks.keys() {
        assert!(
            comments.contains(&format!("<comment ref=\"{cell}\"")),
            "{cell}: {comments}"
        );
    }
    assert!(comments.contains("RG01 Customer is blank"), "{comments}");
    // A rerun writes the same bytes.
    let first = std::fs::read(&copy_path).unwrap();
    let again = run_in(dir.path(), &["run", "inbox", "--month", "2026-10", "--out", "out"]);
    assert_eq!(again.status, 0, "{}", again.stderr);
    assert_eq!(std::fs::read(&copy_path).unwrap(), first);
}

#[test]
fn an_xlsm_copy_keeps_its_macros_and_its_name() {
    let dir = tempdir();
    let inbox = dir.path().join("inbox");
    std::fs::create_dir_all(&inbox).unwrap();
    let vba = dir.path().join("vbaProject.bin");
    std::fs::write(&vba, b"macros of the office, kept byte for byte").unwrap();
    let mut book = staff_register();
    book.add_vba_project(&vba).unwrap();
    book.save(inbox.join("合同.xlsm")).unwrap();
    let ran = run_in(dir.path(), &["run", "inbox", "--month", "2026-10", "--out", "out"]);
    assert_eq!(ran.status, 0, "{}", ran.stderr);
    let out = dir.path().join("out/2026-10");
    let copy_path = out.join("annotated/合同.xlsm");
    assert!(
        copy_path.is_file(),
        "{:?}",
        std::fs::read_dir(out.join("annotated")).unwrap().collect::<Vec<_>>()
    );
    let (original, copy) = (Package::open(&inbox.join("合同.xlsm")), Package::open(&copy_path));
    assert_eq!(copy.parts["xl/vbaProject.bin"], original.parts["xl/vbaProject.bin"]);
    assert!(copy
        .text("[Content_Types].xml")
        .contains("application/vnd.ms-excel.sheet.macroEnabled.main+xml"));
    assert_kept(&original, &copy, "2026", &marked(&out, "合同.xlsm"));
}

#[test]
fn a_csv_copy_has_its_header_bold_bordered_and_frozen() {
    let dir = tempdir();
    let inbox = dir.path().join("inbox");
    std::fs::create_dir_all(&inbox).unwrap();
    std::fs::write(
        inbox.join("合同.csv"),
        "合同編號,客戶名稱,單據類型,產品類別,金額,接收日期,評審方式,評審日期,批准人,批准人職務,簽訂日期\n\
         HT-001,,合同,常規產品,250000,2026-10-08,授權人員評審,2026-10-09,王經理,銷售公司經理,2026-10-10\n",
    )
    .unwrap();
    let ran = run_in(dir.path(), &["run", "inbox", "--month", "2026-10", "--out", "out"]);
    assert_eq!(ran.status, 0, "{}", ran.stderr);
    let copy = Package::open(&dir.path().join("out/2026-10/annotated/合同.csv.xlsx"));
    let (cells, styles) = (copy.cells("xl/worksheets/sheet1.xml"), copy.styles());
    for at in ["A1", "F1", "K1"] {
        let style = &styles[cells[at].style];
        assert!(
            style.font.contains("<b/>") && style.border.contains("thin"),
            "{at}: {style:?}"
        );
    }
    let data = &styles[cells["A2"].style];
    assert!(!data.font.contains("<b/>") && !data.border.contains("thin"), "{data:?}");
    assert!(
        styles[cells["B2"].style].fill.contains("FFFFC7CE"),
        "the blank customer is marked"
    );
    let view = element(&copy.text("xl/worksheets/sheet1.xml"), "pane");
    assert!(
        view.contains("ySplit=\"1\"") && view.contains("state=\"frozen\""),
        "{view}"
    );
}

#[test]
fn a_package_clerk_cannot_patch_is_copied_from_its_values_with_one_line() {
    let dir = tempdir();
    let inbox = dir.path().join("inbox");
    std::fs::create_dir_all(&inbox).unwrap();
    let path = inbox.join("合同.xlsx");
    staff_register().save(&path).unwrap();
    // The register's rows in reverse order: calamine reads them, Excel would repair them.
    let package = Package::open(&path);
    let xml = package.text("xl/worksheets/sheet1.xml");
    let rows = package::elements(&element(&xml, "sheetData"), "row");
    let reversed = format!(
        "<sheetData>{}</sheetData>",
        rows.iter().rev().cloned().collect::<String>()
    );
    let xml = xml.replace(&element(&xml, "sheetData"), &reversed);
    let mut zip = zip::ZipWriter::new(std::fs::File::create(inbox.join("odd.xlsx")).unwrap());
    for (name, data) in &package.parts {
        zip.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .unwrap();
        let data = if name == "xl/worksheets/sheet1.xml" {
            xml.as_bytes()
        } else {
            data.as_slice()
        };
        std::io::Write::write_all(&mut zip, data).unwrap();
    }
    zip.finish().unwrap();
    std::fs::remove_file(&path).unwrap();
    let ran = run_in(
        dir.path(),
        &[
            "run", "inbox", "--month", "2026-10", "--out", "out", "--lang", "zh-Hant",
        ],
    );
    assert_eq!(ran.status, 0, "{}", ran.stderr);
    let lines: Vec<&str> = ran.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{}", ran.stderr);
    assert!(
        lines[0].starts_with("odd.xlsx：標註副本只保留了台帳的數值"),
        "{}",
        lines[0]
    );
    let copy = dir.path().join("out/2026-10/annotated/odd.xlsx");
    let mut book = open_workbook_auto(&copy).unwrap();
    let range = book.worksheet_range("2026").unwrap();
    assert_eq!(range.get_value((3, 0)), Some(&Data::String("HT-001".into())));
}
