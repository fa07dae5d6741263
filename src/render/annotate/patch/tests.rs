//! The patching of a package's parts: cells and rows made where the XML has none, the
//! `<legacyDrawing>` in its place, styles with the highlight fills, notes added to a sheet's own
//! comments and drawing.

use std::collections::BTreeSet;
use std::io::{Cursor, Read, Write};

use super::comments::{last_block, merge_comments, merge_vml};
use super::sheet::{column_of, scan, Marks};
use super::xml::{apply, Events, Styles};
use super::{patch, Patched, SheetMarks};
use crate::render::notes::Grid;
use crate::rules::finding::Severity::{self, Error, Info, Warning};

/// The sheet `xml` with `marks` made, each new style numbered 100 + its base style (+ 1000 for a
/// warning, + 2000 for an error).
/// The copy [`patch`] writes, as bytes.
fn patch_bytes(original: &[u8], sheets: &[SheetMarks]) -> Result<Patched<Vec<u8>>, String> {
    Ok(match patch(original, sheets, Cursor::new(Vec::new()))? {
        Patched::Copy(out) => Patched::Copy(out.into_inner()),
        Patched::NotXml => Patched::NotXml,
    })
}

fn patched_sheet(xml: &str, marks: &[((u32, u32), Severity)]) -> String {
    let marks: Marks = marks.iter().copied().collect();
    let scanned = scan(xml.as_bytes(), &marks).unwrap();
    let mut styles = Styles::new();
    for base in 0..10 {
        for (k, severity) in [Info, Warning, Error].into_iter().enumerate() {
            styles.insert((base, severity), 100 + base + 1000 * k as u32);
        }
    }
    let mut out = Vec::new();
    apply(xml.as_bytes(), &scanned.edits, &styles, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

const HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#;

#[test]
fn a_marked_cell_keeps_its_place_and_value_and_gets_a_style_of_its_own() {
    let xml = format!(
        r#"{HEAD}<dimension ref="A1:D3"/><sheetData><row r="1" spans="1:4"><c r="A1" s="3" t="s"><v>0</v></c><c r="B1"><v>5</v></c><c r="D1" s="2"/></row><row r="3"><c r="A3"><f>SUM(1,2)</f><v>3</v></c></row></sheetData></worksheet>"#
    );
    let out = patched_sheet(&xml, &[((1, 0), Error), ((1, 1), Info), ((3, 0), Warning)]);
    assert_eq!(
        out,
        format!(
            r#"{HEAD}<dimension ref="A1:D3"/><sheetData><row r="1" spans="1:4"><c r="A1" s="2103" t="s"><v>0</v></c><c s="100" r="B1"><v>5</v></c><c r="D1" s="2"/></row><row r="3"><c s="1100" r="A3"><f>SUM(1,2)</f><v>3</v></c></row></sheetData></worksheet>"#
        )
    );
}

#[test]
fn a_cell_not_in_the_xml_is_made_in_its_row_in_column_order() {
    // C1 between B1 and D1, F1 after the last cell, A2 before the first; spans and dimension widen.
    let xml = format!(
        r#"{HEAD}<dimension ref="A1:D2"/><cols><col min="6" max="6" width="12" style="7" customWidth="1"/></cols><sheetData><row r="1" spans="1:4"><c r="B1"><v>1</v></c><c r="D1"><v>2</v></c></row><row r="2" s="4" customFormat="1"><c r="B2"><v>3</v></c></row></sheetData></worksheet>"#
    );
    let out = patched_sheet(&xml, &[((1, 2), Error), ((1, 5), Warning), ((2, 0), Info)]);
    assert_eq!(
        out,
        format!(
            r#"{HEAD}<dimension ref="A1:F2"/><cols><col min="6" max="6" width="12" style="7" customWidth="1"/></cols><sheetData><row r="1" spans="1:6"><c r="B1"><v>1</v></c><c r="C1" s="2100"/><c r="D1"><v>2</v></c><c r="F1" s="1107"/></row><row r="2" s="4" customFormat="1"><c r="A2" s="104"/><c r="B2"><v>3</v></c></row></sheetData></worksheet>"#
        ),
        "the new cells take the row's style, else the column's"
    );
}

#[test]
fn a_row_not_in_the_xml_is_made_in_row_order() {
    // Row 2 between rows 1 and 4, row 3 in an empty row element, row 9 after the last.
    let xml = format!(
        r#"{HEAD}<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="3" ht="30" customHeight="1"/><row r="4"><c r="A4"><v>4</v></c></row></sheetData></worksheet>"#
    );
    let out = patched_sheet(
        &xml,
        &[((2, 1), Error), ((3, 0), Info), ((9, 2), Warning), ((9, 3), Warning)],
    );
    assert_eq!(
        out,
        format!(
            r#"{HEAD}<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="B2" s="2100"/></row><row r="3" ht="30" customHeight="1"><c r="A3" s="100"/></row><row r="4"><c r="A4"><v>4</v></c></row><row r="9"><c r="C9" s="1100"/><c r="D9" s="1100"/></row></sheetData></worksheet>"#
        )
    );
    // No rows at all.
    let empty = format!(r#"{HEAD}<sheetData/></worksheet>"#);
    assert_eq!(
        patched_sheet(&empty, &[((2, 0), Error)]),
        format!(r#"{HEAD}<sheetData><row r="2"><c r="A2" s="2100"/></row></sheetData></worksheet>"#)
    );
}

#[test]
fn rows_and_cells_without_references_are_counted() {
    // Rows and cells may leave out `r`: the next after the last.
    let xml =
        format!(r#"{HEAD}<sheetData><row><c><v>1</v></c><c><v>2</v></c></row><row><c/></row></sheetData></worksheet>"#);
    let out = patched_sheet(&xml, &[((1, 1), Error), ((2, 2), Info)]);
    assert_eq!(
        out,
        format!(
            r#"{HEAD}<sheetData><row><c><v>1</v></c><c s="2100"><v>2</v></c></row><row><c/><c r="C2" s="100"/></row></sheetData></worksheet>"#
        )
    );
}

#[test]
fn prefixed_elements_get_prefixed_cells() {
    let xml = r#"<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" s="1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>"#;
    let out = patched_sheet(xml, &[((1, 0), Info), ((1, 2), Info)]);
    assert_eq!(
        out,
        r#"<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" s="101"><x:v>1</x:v></x:c><x:c r="C1" s="100"/></x:row></x:sheetData></x:worksheet>"#
    );
}

#[test]
fn rows_out_of_order_are_not_patched() {
    let xml = format!(r#"{HEAD}<sheetData><row r="3"/><row r="2"/></sheetData></worksheet>"#);
    let marks: Marks = [((2, 0), Error)].into_iter().collect();
    assert!(scan(xml.as_bytes(), &marks).unwrap_err().contains("row 2 after row 3"));
    let cells = format!(r#"{HEAD}<sheetData><row r="1"><c r="C1"/><c r="A1"/></row></sheetData></worksheet>"#);
    let marks: Marks = [((1, 1), Error)].into_iter().collect();
    assert!(scan(cells.as_bytes(), &marks).is_err());
    assert!(scan(b"<worksheet><sheetData><row>", &marks).is_err(), "cut short");
}

/// Where the `<legacyDrawing>` goes in a sheet with these parts after its rows.
fn legacy_place(after: &str) -> String {
    let xml = format!(r#"{HEAD}<sheetData/>{after}</worksheet>"#);
    let scanned = scan(xml.as_bytes(), &Marks::new()).unwrap();
    format!(
        "{}|{}",
        &xml[xml.find("<sheetData/>").unwrap() + 12..scanned.legacy_at],
        &xml[scanned.legacy_at..]
    )
}

#[test]
fn the_legacy_drawing_goes_where_the_schema_puts_it() {
    let tail = r#"<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells><pageMargins left="0.7"/><pageSetup/><headerFooter/><drawing r:id="rId1"/>"#;
    assert_eq!(legacy_place(tail), format!("{tail}|</worksheet>"));
    assert_eq!(
        legacy_place(r#"<pageSetup/><tableParts count="1"><tablePart r:id="rId2"/></tableParts><extLst/>"#),
        r#"<pageSetup/>|<tableParts count="1"><tablePart r:id="rId2"/></tableParts><extLst/></worksheet>"#
    );
    assert_eq!(
        legacy_place(r#"<drawing r:id="rId1"/><legacyDrawingHF r:id="rId3"/>"#),
        r#"<drawing r:id="rId1"/>|<legacyDrawingHF r:id="rId3"/></worksheet>"#
    );
    let controls = r#"<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="x14"><controls/></mc:Choice></mc:AlternateContent>"#;
    assert_eq!(
        legacy_place(&format!("<pageSetup/>{controls}")),
        format!("<pageSetup/>|{controls}</worksheet>")
    );
    // One already there is found, with its relationship.
    let xml = format!(r#"{HEAD}<sheetData/><legacyDrawing r:id="rId7"/></worksheet>"#);
    assert_eq!(
        scan(xml.as_bytes(), &Marks::new()).unwrap().legacy_drawing.as_deref(),
        Some("rId7")
    );
}

#[test]
fn column_letters_read_back() {
    for col in [0, 1, 25, 26, 27, 701, 702, 16_383] {
        assert_eq!(column_of(&format!("{}12", crate::read::column_letters(col))), Some(col));
    }
    assert_eq!(column_of("12"), None);
    assert_eq!(column_of("ABCD1"), None);
}

const STYLES: &str = r##"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0"/></numFmts><fonts count="1"><font><sz val="11"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="1" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1"><alignment horizontal="center"/></xf></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"##;

#[test]
fn each_marked_style_is_copied_with_the_fill_of_its_severity() {
    let used: BTreeSet<(u32, Severity)> = [(1, Error), (0, Warning), (1, Warning), (9, Info)]
        .into_iter()
        .collect();
    let (edits, styles) = super::styles::patch(STYLES.as_bytes(), &used).unwrap();
    let out = String::from_utf8(super::xml::applied(STYLES.as_bytes(), &edits)).unwrap();
    // Fills 2, 3, 4 for info, warning, error (in that order); styles from 2 in (base, severity) order.
    assert!(out.contains(r#"<fills count="5">"#), "{out}");
    assert!(out.contains(r#"<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFEB9C"/><bgColor indexed="64"/></patternFill></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"/><bgColor indexed="64"/></patternFill></fill></fills>"#), "{out}");
    assert!(out.contains(r#"<cellXfs count="6">"#), "{out}");
    // After the workbook's own two (the second the first to end with `</xf>`).
    let new_xfs = &out[out.find("</xf>").unwrap()..];
    assert!(new_xfs.starts_with(concat!(
        r#"</xf><xf numFmtId="0" fontId="0" borderId="0" xfId="0" fillId="3" applyFill="1"/>"#,
        r#"<xf numFmtId="164" fontId="0" borderId="0" xfId="0" applyNumberFormat="1" fillId="3" applyFill="1"><alignment horizontal="center"/></xf>"#,
        r#"<xf numFmtId="164" fontId="0" borderId="0" xfId="0" applyNumberFormat="1" fillId="4" applyFill="1"><alignment horizontal="center"/></xf>"#,
    )), "{new_xfs}");
    // A style the workbook does not have is taken as the first.
    assert!(
        new_xfs.contains(
            r#"<xf numFmtId="0" fontId="0" borderId="0" xfId="0" fillId="2" applyFill="1"/></cellXfs><cellStyles"#
        ),
        "{new_xfs}"
    );
    let numbered: Vec<_> = styles.into_iter().collect();
    assert_eq!(
        numbered,
        vec![((0, Warning), 2), ((1, Warning), 3), ((1, Error), 4), ((9, Info), 5)]
    );
    assert!(well_formed(out.as_bytes()));
}

/// Whether `xml` reads to its end without an error.
fn well_formed(xml: &[u8]) -> bool {
    let mut events = Events::new(xml);
    loop {
        match events.next() {
            Ok(Some((super::xml::Ev::Open { empty: false, .. }, ..))) => events.enter(),
            Ok(Some(_)) => {}
            Ok(None) => return events.depth == 0,
            Err(_) => return false,
        }
    }
}

const COMMENTS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>王經理</author></authors><commentList><comment ref="B2" authorId="0"><text><r><t>請核對 &amp; 補上</t></r></text></comment></commentList></comments>"#;

#[test]
fn notes_join_the_sheets_own_comments() {
    let notes = vec![(1, 1, "RG01 必填 <客戶>".to_string()), (2, 2, "CR01 late".to_string())];
    let (out, had) = merge_comments(COMMENTS.as_bytes(), &notes).unwrap();
    let out = String::from_utf8(out).unwrap();
    assert_eq!(had, vec![true, false]);
    assert!(
        out.contains("<authors><author>王經理</author><author>clerk</author></authors>"),
        "{out}"
    );
    // The staff's comment keeps its text; clerk's note follows it, on a line of its own.
    assert!(
        out.contains("</t></r><r><rPr><b/><sz val=\"8\"/><color indexed=\"81\"/><rFont val=\"Tahoma\"/><family val=\"2\"/></rPr><t xml:space=\"preserve\">\nclerk:</t>"),
        "{out}"
    );
    assert!(
        out.contains(r#"<comment ref="B2" authorId="0"><text><r><t>請核對 &amp; 補上</t></r><r><rPr><b/>"#),
        "{out}"
    );
    assert!(
        out.contains("\nRG01 必填 &lt;客戶&gt;</t></r></text></comment>"),
        "{out}"
    );
    assert!(
        out.contains(r#"<comment ref="C3" authorId="1"><text><r><rPr><b/>"#),
        "{out}"
    );
    assert!(
        out.contains("\nCR01 late</t></r></text></comment></commentList></comments>"),
        "{out}"
    );
    assert!(well_formed(out.as_bytes()));
}

const VML: &str = r##"<xml xmlns:v="urn:schemas-microsoft-com:vml"
 xmlns:o="urn:schemas-microsoft-com:office:office"
 xmlns:x="urn:schemas-microsoft-com:office:excel">
 <o:shapelayout v:ext="edit">
  <o:idmap v:ext="edit" data="1"/>
 </o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202"
  path="m,l,21600r21600,l21600,xe">
  <v:stroke joinstyle="miter"/>
  <v:path gradientshapeok="t" o:connecttype="rect"/>
 </v:shapetype><v:shape id="_x0000_s1025" type="#_x0000_t202" style='position:absolute;
  margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:1;
  visibility:hidden'>
  <x:ClientData ObjectType="Note">
   <x:Row>1</x:Row>
   <x:Column>1</x:Column>
  </x:ClientData>
 </v:shape></xml>"##;

#[test]
fn boxes_join_the_sheets_own_drawing_in_new_blocks() {
    assert_eq!(last_block(&[VML.as_bytes().to_vec()]), 1);
    let cells: Vec<(u32, u16)> = (0..1030).map(|i| (2 + i, 2)).collect();
    let out = merge_vml(VML.as_bytes(), &cells, 2, &Grid::default()).unwrap();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.contains(r#"<o:idmap v:ext="edit" data="1,2,3"/>"#),
        "{}",
        &out[..300]
    );
    assert_eq!(
        out.matches("<v:shapetype ").count(),
        1,
        "the shape type is there already"
    );
    assert!(out.contains(r##"<v:shape id="_x0000_s2049" type="#_x0000_t202""##));
    assert!(out.contains(r##"<v:shape id="_x0000_s3078" type="#_x0000_t202""##));
    assert!(out.contains("z-index:2;"), "after the drawing's own shape");
    assert!(out.ends_with("</x:ClientData></v:shape></xml>"));
    assert_eq!(last_block(&[out.into_bytes()]), 3);
    // A drawing without the note shape type or blocks (form controls only) gets them.
    let bare = r#"<xml xmlns:v="urn:schemas-microsoft-com:vml"><v:shape id="_x0000_s5121"/></xml>"#;
    let out = String::from_utf8(merge_vml(bare.as_bytes(), &[(0, 0)], 6, &Grid::default()).unwrap()).unwrap();
    assert!(out.starts_with(r#"<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="6"/></o:shapelayout><v:shape id="_x0000_s5121"/><v:shapetype id="_x0000_t202""#), "{out}");
    assert!(out.contains(r#"<v:shape id="_x0000_s6145""#), "{out}");
    assert_eq!(last_block(&[bare.as_bytes().to_vec()]), 5);
}

/// Every part of a package, by name.
fn parts(bytes: &[u8]) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut file = zip.by_index(i).unwrap();
            let mut data = Vec::new();
            file.read_to_end(&mut data).unwrap();
            (file.name().unwrap().to_string(), data)
        })
        .collect()
}

fn text(parts: &std::collections::BTreeMap<String, Vec<u8>>, name: &str) -> String {
    String::from_utf8(parts[name].clone()).unwrap()
}

/// A workbook with a note of its own on `Sheet1!B2` and a second sheet.
fn workbook_with_a_note() -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "合同編號").unwrap();
    sheet.write_string(1, 1, "華東機械廠").unwrap();
    sheet
        .insert_note(
            1,
            1,
            &rust_xlsxwriter::Note::new("staff's own note").set_author("王經理"),
        )
        .unwrap();
    book.add_worksheet().write_string(0, 0, "other").unwrap();
    book.save_to_buffer().unwrap()
}

fn marks(sheet: &str, notes: &[(u32, u16, &str)]) -> SheetMarks {
    SheetMarks {
        name: sheet.to_string(),
        marks: notes.iter().map(|(r, c, _)| ((r + 1, u32::from(*c)), Error)).collect(),
        notes: notes.iter().map(|(r, c, t)| (*r, *c, t.to_string())).collect(),
    }
}

#[test]
fn a_sheet_with_notes_of_its_own_keeps_them_and_gets_clerks() {
    let original = workbook_with_a_note();
    let Patched::Copy(copy) =
        patch_bytes(&original, &[marks("Sheet1", &[(1, 1, "RG01 one"), (3, 2, "RG01 two")])]).unwrap()
    else {
        panic!("not patched");
    };
    let (before, after) = (parts(&original), parts(&copy));
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>(),
        "no new parts"
    );
    for (name, data) in &before {
        let changed = [
            "xl/styles.xml",
            "xl/worksheets/sheet1.xml",
            "xl/comments1.xml",
            "xl/drawings/vmlDrawing1.vml",
            "[Content_Types].xml",
        ];
        if !changed.contains(&name.as_str()) {
            assert_eq!(&after[name], data, "{name} unchanged");
        }
        assert!(!name.ends_with(".xml") || well_formed(&after[name]), "{name}");
    }
    let comments = text(&after, "xl/comments1.xml");
    assert_eq!(comments.matches("<comment ").count(), 2, "{comments}");
    assert!(comments.contains("staff's own note") && comments.contains("RG01 one") && comments.contains("RG01 two"));
    let vml = text(&after, "xl/drawings/vmlDrawing1.vml");
    assert_eq!(vml.matches("<v:shape ").count(), 2, "one box more, for C4: {vml}");
    let sheet = text(&after, "xl/worksheets/sheet1.xml");
    assert_eq!(sheet.matches("<legacyDrawing ").count(), 1, "{sheet}");
    assert!(sheet.contains(r#"<row r="4"><c r="C4" s="#), "{sheet}");
}

#[test]
fn a_sheet_without_notes_gets_comments_and_a_drawing_of_its_own() {
    let original = workbook_with_a_note();
    let Patched::Copy(copy) =
        patch_bytes(&original, &[marks("Sheet2", &[(0, 0, "GH01 x"), (4, 3, "GH02 y")])]).unwrap()
    else {
        panic!("not patched");
    };
    let after = parts(&copy);
    let comments = text(&after, "xl/comments2.xml");
    assert!(
        comments.contains(r#"<comment ref="A1""#) && comments.contains(r#"<comment ref="D5""#),
        "{comments}"
    );
    let vml = text(&after, "xl/drawings/vmlDrawing2.vml");
    assert!(
        vml.contains(r#"data="2""#) && vml.contains("_x0000_s2049"),
        "after the first sheet's block: {vml}"
    );
    let rels = text(&after, "xl/worksheets/_rels/sheet2.xml.rels");
    assert!(
        rels.contains(r#"Target="/xl/comments2.xml""#) && rels.contains(r#"Target="/xl/drawings/vmlDrawing2.vml""#),
        "{rels}"
    );
    let sheet = text(&after, "xl/worksheets/sheet2.xml");
    let id = &sheet[sheet.find("<legacyDrawing r:id=\"").unwrap() + 21..];
    assert!(
        rels.contains(&format!("Id=\"{}\"", &id[..id.find('"').unwrap()])),
        "{sheet}\n{rels}"
    );
    let types = text(&after, "[Content_Types].xml");
    assert!(types.contains(r#"<Override PartName="/xl/comments2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>"#), "{types}");
    assert_eq!(types.matches(r#"Extension="vml""#).count(), 1, "{types}");
    for name in [
        "[Content_Types].xml",
        "xl/worksheets/sheet2.xml",
        "xl/worksheets/_rels/sheet2.xml.rels",
        "xl/comments2.xml",
        "xl/styles.xml",
    ] {
        assert!(well_formed(&after[name]), "{name}");
    }
    // The same marks give the same bytes.
    let Patched::Copy(again) =
        patch_bytes(&original, &[marks("Sheet2", &[(0, 0, "GH01 x"), (4, 3, "GH02 y")])]).unwrap()
    else {
        panic!("not patched");
    };
    assert_eq!(again, copy);
}

#[test]
fn packages_that_are_no_workbook_of_xml_or_are_broken_say_so() {
    let one = [marks("Sheet1", &[(0, 0, "x")])];
    // An OpenDocument spreadsheet is a zip too.
    let mut ods = zip::ZipWriter::new(Cursor::new(Vec::new()));
    ods.start_file("mimetype", zip::write::SimpleFileOptions::default())
        .unwrap();
    ods.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    let ods = ods.finish().unwrap().into_inner();
    assert!(matches!(patch_bytes(&ods, &one), Ok(Patched::NotXml)));
    assert!(patch_bytes(b"PK\x03\x04 not really a zip", &one).is_err());
    // A sheet whose XML is cut short.
    let original = workbook_with_a_note();
    let broken = crate::render::ooxml::rewrite_parts(original, &["xl/worksheets/sheet1.xml"], |_, out| {
        out.write_all(b"<worksheet><sheetData><row r=\"1\">")
    })
    .unwrap();
    let error = patch_bytes(&broken, &one).err().unwrap();
    assert!(error.starts_with("xl/worksheets/sheet1.xml: "), "{error}");
    let missing = [super::SheetMarks {
        name: "Nope".into(),
        ..marks("x", &[])
    }];
    assert_eq!(
        patch_bytes(&workbook_with_a_note(), &missing).err().unwrap(),
        "no sheet Nope"
    );
}

#[test]
fn note_boxes_are_placed_on_the_sheets_own_widths_and_heights_as_rust_xlsxwriter_places_them() {
    // A sheet with wide, narrow and hidden columns, tall and hidden rows.
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (col, width) in [(0, 30.0), (1, 2.0), (2, 12.0), (4, 0.5), (7, 50.0)] {
        sheet.set_column_width(col, width).unwrap();
    }
    sheet.set_column_hidden(3).unwrap();
    for (row, height) in [(0, 40.0), (2, 7.5), (3, 60.0), (9, 100.0)] {
        sheet.set_row_height(row, height).unwrap();
    }
    sheet.set_row_hidden(5).unwrap();
    let cells: Vec<(u32, u16)> = vec![
        (0, 0),
        (1, 1),
        (2, 2),
        (3, 3),
        (4, 6),
        (6, 0),
        (8, 2),
        (20, 7),
        (1_048_575, 16_383),
    ];
    let notes: Vec<(u32, u16, String)> = cells.iter().map(|&(r, c)| (r, c, format!("{r} {c}"))).collect();
    for (r, c, text) in &notes {
        sheet.write_number(*r, *c, 1).unwrap();
        sheet.insert_note(*r, *c, &crate::render::notes::note(text)).unwrap();
    }
    let saved = book.save_to_buffer().unwrap();
    let all = parts(&saved);
    let scanned = scan(&all["xl/worksheets/sheet1.xml"], &Marks::new()).unwrap();
    let mut ours = Vec::new();
    crate::render::notes::write_vml(&notes, 1, &scanned.grid, &mut ours).unwrap();
    assert_eq!(
        String::from_utf8(ours).unwrap(),
        text(&all, "xl/drawings/vmlDrawing1.vml")
    );
}

#[test]
fn rows_with_comments_among_them_are_read_event_by_event_alike() {
    // Rows are stepped through by their tags, unless something else is among them (a comment
    // could hold `<row`): then every event is read. Both ways give the same changes.
    let rows = r#"<row r="1" spans="1:2"><c r="A1"><v>1</v></c><c r="B1" s="1"><v>2</v></c></row><row r="3" x="a>b"><c r="B3"/></row><row r="4"/><row r="6"><c r="A6" t="inlineStr"><is><t>&lt;row r="5"&gt;</t></is></c></row>"#;
    let marks = [
        ((1, 1), Error),
        ((1, 3), Info),
        ((2, 0), Warning),
        ((4, 1), Error),
        ((5, 0), Info),
        ((6, 0), Warning),
        ((7, 2), Error),
    ];
    let stepped = patched_sheet(&format!("{HEAD}<sheetData>{rows}</sheetData></worksheet>"), &marks);
    let commented = format!("{HEAD}<sheetData><!-- <row r=\"2\"> -->{rows}</sheetData></worksheet>");
    let read = patched_sheet(&commented, &marks);
    assert_eq!(read.replace("<!-- <row r=\"2\"> -->", ""), stepped);
    assert!(stepped.contains(r#"<row r="1" spans="1:4"><c r="A1"><v>1</v></c><c r="B1" s="2101"><v>2</v></c><c r="D1" s="100"/></row><row r="2"><c r="A2" s="1100"/></row><row r="3" x="a>b"><c r="B3"/></row><row r="4"><c r="B4" s="2100"/></row><row r="5"><c r="A5" s="100"/></row><row r="6"><c s="1100" r="A6" t="inlineStr">"#), "{stepped}");
    assert!(
        stepped.ends_with(r#"</row><row r="7"><c r="C7" s="2100"/></row></sheetData></worksheet>"#),
        "{stepped}"
    );
}
