//! The annotated copies' tests: clerk's copies have the cells, notes and merged areas
//! rust_xlsxwriter wrote for the same rows.

use std::path::{Path, PathBuf};

use rust_xlsxwriter::{Format, XlsxError};

use super::copy::SheetCopy;
use super::look::{self, fill};
use super::merges::Merges;
use super::plan::{plan, target, AnnotatedCopy};
use super::sheet_xml::SheetXml;
use super::{render, Writer};
use crate::base::i18n::Lang;
use crate::base::message::Message;
use crate::read::kept::KeptSheet;
use crate::read::RawCell;
use crate::read::{Merge, SheetRow, SheetSink};
use crate::render::tests::sample_month;
use crate::report::Report;
use crate::rules::finding::{Finding, Severity};

/// A row as the previous version of clerk wrote it, cell by cell through rust_xlsxwriter: the
/// reference for the rows clerk now writes itself.
pub(super) fn write_with_library(
    report: &Report,
    copy_notes: &mut crate::render::notes::CopyNotes,
    copy: &mut SheetCopy,
    row: &SheetRow,
) -> Result<(), XlsxError> {
    let header = copy.header_row > 0 && row.row == copy.header_row;
    let style = |format: Format| if header { look::header(&format) } else { format };
    let date = style(Format::new().set_num_format("yyyy-mm-dd"));
    let datetime = style(Format::new().set_num_format("yyyy-mm-dd hh:mm"));
    let general = style(Format::new());
    let shift: u16 = if copy.partial { 1 } else { 0 };
    let sheet = &mut copy.sheet;
    let r = if copy.partial { copy.out_row } else { row.row - 1 };
    copy.out_row += 1;
    if copy.partial {
        if row.row == copy.header_row {
            sheet.write_string_with_format(r, 0, report.text().get("annotate.row"), &general)?;
        } else if row.row > copy.header_row {
            sheet.write_number(r, 0, row.row)?;
        }
    }
    let notes = &copy.notes;
    for (c, cell) in row.cells.iter().enumerate() {
        let Ok(c) = u16::try_from(c) else { break };
        let Some(c) = c.checked_add(shift) else { break };
        let note = notes.get(&(row.row, u32::from(c - shift)));
        if copy.merges.away(row.row - 1, u32::from(c - shift)) {
            if let Some((severity, _)) = note {
                sheet.write_blank(r, c, &fill(*severity, &general))?;
            }
            continue;
        }
        let base = match cell {
            RawCell::DateTime(dt) if dt.time() == chrono::NaiveTime::MIN => Some(&date),
            RawCell::DateTime(_) => Some(&datetime),
            _ => header.then_some(&general),
        };
        let filled = note.map(|(s, _)| fill(*s, base.unwrap_or(&general)));
        match (cell, filled.as_ref().or(base)) {
            (RawCell::Empty, Some(format)) => drop(sheet.write_blank(r, c, format)?),
            (RawCell::Empty, None) => {}
            (RawCell::Text(t), None) if !crate::render::xlsx::cell::looks_like_formula(t) => {
                sheet.write_string(r, c, t.as_str())?;
            }
            (RawCell::Text(t), format) => {
                crate::render::xlsx::cell::put_text(sheet, r, c, t, format.unwrap_or(&Format::new()))?;
            }
            (RawCell::Number(n), Some(format)) => drop(sheet.write_number_with_format(r, c, *n, format)?),
            (RawCell::Number(n), None) => drop(sheet.write_number(r, c, *n)?),
            (RawCell::DateTime(dt), format) => {
                sheet.write_datetime_with_format(r, c, *dt, format.unwrap_or(&date))?;
            }
            (RawCell::Bool(b), Some(format)) => drop(sheet.write_boolean_with_format(r, c, *b, format)?),
            (RawCell::Bool(b), None) => drop(sheet.write_boolean(r, c, *b)?),
            (RawCell::Error(e), Some(format)) => drop(sheet.write_string_with_format(r, c, e, format)?),
            (RawCell::Error(e), None) => drop(sheet.write_string(r, c, e)?),
        }
    }
    for ((_, col), (severity, _)) in notes.range((row.row, 0)..(row.row + 1, 0)) {
        let c = (*col as u16).saturating_add(shift);
        if row.cells.get(*col as usize).is_none_or(RawCell::is_blank) {
            sheet.write_blank(r, c, &fill(*severity, &general))?;
        }
    }
    for ((_, col), (_, lines)) in notes.range((row.row, 0)..(row.row + 1, 0)) {
        let c = (*col as u16).saturating_add(shift);
        copy_notes.add(sheet, r, c, lines.join("\n"))?;
    }
    Ok(())
}

/// `book` with the merged areas of `sheets` after their rows.
pub(super) fn with_merges(book: Vec<u8>, sheets: &[SheetXml]) -> Vec<u8> {
    let parts: Vec<(String, String)> = (sheets.iter().enumerate())
        .filter(|(_, sheet)| !sheet.merges.is_empty())
        .map(|(i, sheet)| {
            let name = format!("xl/worksheets/sheet{}.xml", i + 1);
            let xml = crate::render::ooxml::read_part(&book, &name).unwrap();
            let end = ["</sheetData>", "<sheetData/>"]
                .iter()
                .find_map(|e| Some(xml.find(e)? + e.len()));
            let end = end.unwrap();
            (name, format!("{}{}{}", &xml[..end], sheet.merge_cells(), &xml[end..]))
        })
        .collect();
    let names: Vec<&str> = parts.iter().map(|(n, _)| n.as_str()).collect();
    crate::render::ooxml::rewrite_parts(book, &names, |name, out| {
        let xml = &parts.iter().find(|(n, _)| n == name).unwrap().1;
        out.write_all(xml.as_bytes())
    })
    .unwrap()
}

/// Asserts that clerk's copy and rust_xlsxwriter's have the same cells, sheets and notes.
fn assert_same_copy(report: &Report, copy: &AnnotatedCopy, max_rows: u64) {
    let ours = render(report, copy, max_rows, Writer::Clerk).unwrap();
    let reference = render(report, copy, max_rows, Writer::Library).unwrap();
    crate::render::tests::assert_same_workbook(&ours, &reference);
    for n in 1.. {
        let comments = format!("xl/comments{n}.xml");
        let Ok(theirs) = crate::render::ooxml::read_part(&reference, &comments) else {
            break;
        };
        assert_eq!(
            crate::render::ooxml::read_part(&ours, &comments).unwrap(),
            theirs,
            "{comments}"
        );
        let vml = format!("xl/drawings/vmlDrawing{n}.vml");
        let theirs = crate::render::ooxml::read_part(&reference, &vml).unwrap();
        assert_eq!(crate::render::ooxml::read_part(&ours, &vml).unwrap(), theirs, "{vml}");
    }
}

#[test]
fn the_sample_months_copies_have_the_cells_rust_xlsxwriter_wrote() {
    let mut checked = sample_month(Lang::ZhHant, true);
    let mut kept = std::mem::take(&mut checked.registers.kept);
    let report = checked.report;
    let out = tempfile::tempdir().unwrap();
    let copies = plan(&report, out.path(), &mut kept).unwrap();
    assert!(copies.len() >= 5, "{}", copies.len());
    for copy in &copies {
        // Whole copies, and copies of the rows with findings only.
        for max_rows in [50_000, 3] {
            assert_same_copy(&report, copy, max_rows);
        }
    }
    // The contract register's title is merged over A1:U1: the copy shows it once, merged.
    let contracts = copies
        .iter()
        .find(|c| c.rel.ends_with("合同評審台帳2026.xlsx"))
        .unwrap();
    let book = render(&report, contracts, 50_000, Writer::Clerk).unwrap();
    let xml = crate::render::ooxml::read_part(&book, "xl/worksheets/sheet1.xml").unwrap();
    assert!(xml.contains("<mergeCell ref=\"A1:U1\"/>"), "{xml}");
    assert!(
        xml.contains("<c r=\"A1\" t=\"inlineStr\">") && !xml.contains("<c r=\"B1\""),
        "{xml}"
    );
}

/// One sheet's rows kept as `run` keeps them, with its merged areas.
fn kept(name: &str, merges: &[Merge], rows: impl IntoIterator<Item = SheetRow>) -> Vec<KeptSheet> {
    struct Ignore;
    impl SheetSink for Ignore {
        fn begin_sheet(&mut self, _: &str, _: bool) -> bool {
            true
        }
        fn row(&mut self, _: SheetRow) {}
        fn end_sheet(&mut self) {}
    }
    let mut keeping = crate::read::kept::Keeping {
        inner: &mut Ignore,
        sheets: Vec::new(),
        spill: None,
    };
    keeping.begin_sheet(name, false);
    if !merges.is_empty() {
        keeping.merged_areas(merges);
    }
    for row in rows {
        keeping.row(row);
    }
    keeping.end_sheet();
    keeping.sheets
}

#[test]
fn a_whole_copy_of_many_rows_is_costlier_than_a_small_one_with_more_findings() {
    let checked = sample_month(Lang::En, false);
    let report = checked.report;
    let rows = |n: u32| {
        (1..=n).map(|row| SheetRow {
            row,
            cells: vec![RawCell::Text("華東機械廠".into()), RawCell::Number(f64::from(row))],
        })
    };
    let few: Vec<&Finding> = report.findings.iter().take(2).collect();
    let many: Vec<&Finding> = report.findings.iter().take(20).collect();
    assert_eq!(many.len(), 20);
    let large = AnnotatedCopy {
        rel: "large.xlsx",
        findings: few,
        kept: kept("large", &[], rows(5_000)),
    };
    let small = AnnotatedCopy {
        rel: "small.xlsx",
        findings: many,
        kept: kept("small", &[], rows(10)),
    };
    // A row here packs into 8 bytes of row and count, 1 + 4 + 15 of text, 1 + 8 of number.
    assert_eq!(large.kept[0].bytes(), 5_000 * 37);
    assert_eq!(large.cost(), 5_000 * 37 + 2 * 200);
    assert_eq!(small.cost(), 10 * 37 + 20 * 200);
    assert!(large.cost() > small.cost());
}

#[test]
fn a_copy_past_a_sheets_last_row_fails_as_rust_xlsxwriter_fails_it() {
    let checked = sample_month(Lang::En, false);
    let report = checked.report;
    // A CSV can have more lines than a sheet has rows.
    let rows = [1, 1_048_576, 1_048_577].map(|row| SheetRow {
        row,
        cells: vec![RawCell::Text("x".into())],
    });
    let copy = AnnotatedCopy {
        rel: "long.csv",
        findings: Vec::new(),
        kept: kept("long", &[], rows),
    };
    let error = render(&report, &copy, u64::MAX, Writer::Clerk).unwrap_err();
    assert!(error.starts_with("long.csv: "), "{error}");
    assert_eq!(error, render(&report, &copy, u64::MAX, Writer::Library).unwrap_err());
}

/// A row of headings, a row of every kind of cell, a row of formula-like text, an empty row.
fn every_kind_of_cell() -> Vec<SheetRow> {
    let day = chrono::NaiveDate::from_ymd_opt(2026, 10, 5).unwrap();
    let headings = [
        "text", "formula", "spaces", "empty", "number", "date", "at", "flag", "error",
    ];
    vec![
        SheetRow {
            row: 1,
            cells: headings.map(|h| RawCell::Text(h.into())).to_vec(),
        },
        SheetRow {
            row: 2,
            cells: vec![
                RawCell::Text("客戶 & <b> _x0041_".into()),
                RawCell::Text("=SUM(A1)".into()),
                RawCell::Text("\t ".into()),
                RawCell::Text("".into()),
                RawCell::Number(-1234.5),
                RawCell::DateTime(day.and_hms_opt(0, 0, 0).unwrap()),
                RawCell::DateTime(day.and_hms_milli_opt(14, 30, 5, 250).unwrap()),
                RawCell::Bool(true),
                RawCell::Error("#N/A".into()),
            ],
        },
        SheetRow {
            row: 3,
            cells: vec![RawCell::Empty, RawCell::Text("+1".into())],
        },
        SheetRow {
            row: 4,
            cells: vec![RawCell::Empty, RawCell::Empty],
        },
    ]
}

/// `report` with findings on every column of row 12 of `awkward.xlsx` and past its end, and on
/// both cells of row 13, its sheet read as 8 rows under a header in row 1.
fn awkward_findings(report: &mut Report) {
    let template = report.findings[0].clone();
    report.findings = (0..11)
        .map(|col| (12, col))
        .chain([(13, 0), (13, 1), (14, 3)])
        .enumerate()
        .map(|(i, (row, col))| Finding {
            location: crate::registers::Location {
                file: "awkward.xlsx".into(),
                sheet: "Tom's list".into(),
                layout: crate::registers::Layout::Grid,
                row,
                column: Some(col),
            },
            severity: [Severity::Info, Severity::Warning, Severity::Error][i % 3],
            message: Message::text(format!("finding {i} & <more>")),
            ..template.clone()
        })
        .collect();
    report.inputs.push(crate::report::InputRow {
        file: "awkward.xlsx".into(),
        sheet: "Tom's list".into(),
        header_row: 1,
        rows: 8,
        ..report.inputs[0].clone()
    });
}

#[test]
fn every_kind_of_cell_is_copied_as_rust_xlsxwriter_wrote_it() {
    let mut report = sample_month(Lang::En, false).report;
    let rows = every_kind_of_cell();
    let mut rows_with_findings = rows.clone();
    rows_with_findings.iter_mut().for_each(|r| r.row += 10);
    // An amount and a date merged (the date is left out), and a name over two rows, the
    // second with a finding.
    let merges = [(1, 4, 1, 5), (11, 0, 12, 0)];
    let kept = kept("Tom's list", &merges, rows.into_iter().chain(rows_with_findings));
    awkward_findings(&mut report);
    let findings: Vec<&Finding> = report.findings.iter().collect();
    let copy = AnnotatedCopy {
        rel: "awkward.xlsx",
        findings,
        kept,
    };
    for max_rows in [50_000, 3] {
        assert_same_copy(&report, &copy, max_rows);
    }
    let book = render(&report, &copy, 50_000, Writer::Clerk).unwrap();
    let xml = crate::render::ooxml::read_part(&book, "xl/worksheets/sheet1.xml").unwrap();
    assert!(xml.contains("<dimension ref=\"A1:K14\"/>"), "{xml}");
    assert!(!xml.contains("<row r=\"4\"") && !xml.contains('\u{1}'), "{xml}");
    assert!(
        xml.contains("</sheetData><mergeCells count=\"2\"><mergeCell ref=\"E2:F2\"/><mergeCell ref=\"A12:A13\"/></mergeCells><pageMargins "),
        "{xml}"
    );
    assert!(xml.contains("<c r=\"E2\"") && !xml.contains("<c r=\"F2\""), "{xml}");
    assert!(xml.contains("<c r=\"A13\" s=\""), "the finding's fill: {xml}");
    // Columns as wide as their values: the date and time needs 16 characters and more.
    assert!(
        xml.contains("<col min=\"7\" max=\"7\" width=\"18.7109375\" customWidth=\"1\"/>"),
        "{xml}"
    );
    let partial = render(&report, &copy, 3, Writer::Clerk).unwrap();
    let xml = crate::render::ooxml::read_part(&partial, "xl/worksheets/sheet1.xml").unwrap();
    assert!(
        !xml.contains("mergeCell"),
        "a partial copy keeps no merged areas: {xml}"
    );
}

#[test]
fn merged_areas_are_followed_row_by_row() {
    // A title over A1:D1, a name over B3:B5, and a column declared merged to the last row.
    let mut merges = Merges::new(&[(2, 1, 4, 1), (0, 0, 0, 3), (6, 5, 1_048_575, 5)]);
    merges.reach(0);
    assert!(!merges.away(0, 0) && merges.away(0, 3) && !merges.away(0, 4));
    merges.reach(3);
    assert!(merges.away(3, 1) && !merges.away(3, 0));
    assert_eq!(merges.over_row, vec![(2, 1, 4, 1)]);
    merges.reach(500_000);
    assert!(merges.away(500_000, 5) && !merges.away(500_000, 1));
    assert_eq!(merges.over_row.len(), 1);
}

#[test]
fn copies_keep_folders_and_become_xlsx() {
    let d = Path::new("/r");
    assert_eq!(target(d, "a/b.xlsx", false), PathBuf::from("/r/annotated/a/b.xlsx"));
    assert_eq!(target(d, "a/b.ods", false), PathBuf::from("/r/annotated/a/b.ods.xlsx"));
    assert_eq!(target(d, "v.csv", false), PathBuf::from("/r/annotated/v.csv.xlsx"));
    // A patched package keeps its name; an xlsm its macros and extension.
    assert_eq!(target(d, "a/b.xlsx", true), PathBuf::from("/r/annotated/a/b.xlsx"));
    assert_eq!(target(d, "m.XLSM", true), PathBuf::from("/r/annotated/m.XLSM"));
    assert_eq!(target(d, "m.xlsm", false), PathBuf::from("/r/annotated/m.xlsm.xlsx"));
    assert_eq!(
        target(d, "renamed.xls", true),
        PathBuf::from("/r/annotated/renamed.xls.xlsx")
    );
}
