//! The Findings sheet's tests: its rows are the ones rust_xlsxwriter wrote for the same findings,
//! links within Excel's limits, an empty month keeps its table.

use rust_xlsxwriter::{Format, Url, Workbook, Worksheet};
use unicode_width::UnicodeWidthStr;

use super::*;
use crate::base::message::Message;
use crate::render::ooxml::attribute;
use crate::render::tests::{part, sample_report};
use crate::render::xlsx::cell::Align;
use crate::render::xlsx::cell::{looks_like_formula, put_text};
use crate::render::xlsx::widths::Widths;
use crate::render::xlsx::writer::{add_table, TableSpec};
use crate::render::xlsx::{footer, print_setup, Print};

/// The workbook with only the Findings sheet, as clerk writes it.
fn book(report: &Report, max_links: usize) -> Vec<u8> {
    let mut book = Workbook::new();
    let findings = lay_out(&mut book, report, max_links).unwrap();
    findings.complete(book.save_to_buffer().unwrap()).unwrap()
}

/// The Findings sheet as the previous version of clerk laid it out, with rust_xlsxwriter's
/// constant-memory mode: the reference for the rows clerk now writes itself.
fn reference_sheet(book: &mut Workbook, report: &Report, max_links: usize) -> Worksheet {
    let mut sheet = book.new_worksheet_with_constant_memory().unwrap();
    let message_width = reference_layout(&mut sheet, report);
    let formats = Formats::new();
    let mut links = FileLinks::new(report);
    let mut linked = 0;
    let text = report.text();
    for (i, f) in report.findings.iter().enumerate() {
        let r = i as u32 + 1;
        let lines = (UnicodeWidthStr::width(text.render(&f.message).as_str()) as f64 / message_width)
            .ceil()
            .max(1.0);
        if lines > 1.0 {
            sheet.set_row_height(r, 15.0 * lines).unwrap();
        }
        let linkable = linked < max_links && f.location.is_linkable();
        let relative = linkable.then(|| links.get(&f.location.file)).flatten();
        linked += usize::from(relative.is_some());
        reference_row(&mut sheet, report, &formats, r, f, relative);
    }
    sheet
}

/// The reference sheet's name, table, widths and column formats; returns the width of its
/// message column less its margins.
fn reference_layout(s: &mut Worksheet, report: &Report) -> f64 {
    let text = report.text();
    let formats = Formats::new();
    s.set_name(text.get("sheet.findings")).unwrap();
    let headers = [
        "col.severity",
        "col.rule",
        "col.message",
        "col.register",
        "col.record",
        "col.file",
        "col.sheet",
        "col.cell",
        "col.field",
        "col.clause",
    ]
    .map(|h| text.get(h));
    let severity_text = |s: Severity| text.get(&format!("severity.{}", s.id()));
    let mut widths = Widths::new();
    for f in &report.findings {
        widths.fit(0, &severity_text(f.severity));
        widths.fit(2, &text.render(&f.message));
        widths.fit(3, &f.register.label(&text));
        widths.fit(4, &f.record);
        widths.fit(5, &f.location.file);
        widths.fit(6, &f.location.sheet);
        widths.fit(7, &f.location.cell());
        widths.fit(8, &crate::registers::texts::field_label(&text, &f.field));
        widths.fit(9, f.clause);
    }
    let last = (report.findings.len() as u32).max(1);
    for col in 0..10 {
        s.set_column_format(col, if col == 2 { &formats.wrap } else { &formats.top })
            .unwrap();
    }
    let aligns = [Align::Left; 10];
    let spec = TableSpec {
        header: 0,
        first: 0,
        last_row: last,
        headings: &headers,
        name: "Findings",
        formats: &[],
        aligns: &aligns,
        filters: true,
    };
    add_table(s, &spec, &mut widths).unwrap();
    widths.0[2] = widths.0[2].clamp(30.0, 70.0);
    widths.apply(s).unwrap();
    s.set_freeze_panes(1, 0).unwrap();
    let print = Print {
        key_columns: Some((0, 1)),
        ..Print::rows(0, 0)
    };
    print_setup(s, &widths, &print, &footer(report)).unwrap();
    (widths.0[2] - 2.0).max(10.0)
}

/// A finding's row of the reference sheet, cell by cell; `relative` is the path of its file when
/// its cell is linked.
fn reference_row(s: &mut Worksheet, report: &Report, formats: &Formats, r: u32, f: &Finding, relative: Option<&str>) {
    let text = report.text();
    let in_column = |s: &mut Worksheet, c: u16, t: &str, f: &Format| {
        match looks_like_formula(t) {
            true => put_text(s, r, c, t, f).unwrap(),
            false => drop(s.write_string(r, c, t).unwrap()),
        };
    };
    let severity = text.get(&format!("severity.{}", f.severity.id()));
    match f.severity {
        Severity::Error => s.write_string_with_format(r, 0, severity, &formats.error).unwrap(),
        Severity::Warning => s.write_string_with_format(r, 0, severity, &formats.warning).unwrap(),
        Severity::Info => s.write_string(r, 0, severity).unwrap(),
    };
    s.write_string(r, 1, f.rule).unwrap();
    in_column(s, 2, &text.render(&f.message), &formats.wrap);
    s.write_string(r, 3, f.register.label(&text)).unwrap();
    in_column(s, 4, &f.record, &formats.top);
    in_column(s, 5, &f.location.file, &formats.top);
    in_column(s, 6, &f.location.sheet, &formats.top);
    let cell = f.location.cell();
    match relative {
        Some(relative) => {
            let sheet = f.location.sheet.replace('\'', "''");
            let url = Url::new(format!("file:///{relative}#'{sheet}'!{cell}")).set_text(&cell);
            s.write_url_with_format(r, 7, url, &formats.link).unwrap();
        }
        None => drop(s.write_string(r, 7, &cell).unwrap()),
    }
    s.write_string(r, 8, crate::registers::texts::field_label(&text, &f.field))
        .unwrap();
    s.write_string(r, 9, f.clause).unwrap();
}

/// Every cell's style in a saved workbook by its number, spelled out: the `<xf>` with its
/// font (which is where the Findings formats differ) written into it.
fn styles(book: &[u8]) -> Vec<String> {
    let xml = part(book, "xl/styles.xml");
    let section = |name: &str| {
        let start = xml.find(&format!("<{name} ")).unwrap();
        let end = xml.find(&format!("</{name}>")).unwrap();
        xml[start..end].to_string()
    };
    let fonts: Vec<String> = section("fonts").split("<font>").skip(1).map(str::to_string).collect();
    section("cellXfs")
        .split("<xf ")
        .skip(1)
        .map(|xf| {
            let font = attribute(&format!(" {xf}"), "fontId").unwrap().to_string();
            let xf = xf.replacen(&format!(" fontId=\"{font}\""), "", 1);
            format!("{xf} font {}", fonts[font.parse::<usize>().unwrap()])
        })
        .collect()
}

/// The sheet's rows under the header and its end (links, set-up, table part), with style
/// numbers and relation ids replaced by what they stand for.
fn normalized(book: &[u8], sheet: usize) -> (Vec<String>, String) {
    let xml = part(book, &format!("xl/worksheets/sheet{sheet}.xml"));
    let rels = part(book, &format!("xl/worksheets/_rels/sheet{sheet}.xml.rels"));
    let styles = styles(book);
    let data = &xml[xml.find("<sheetData>").unwrap()..xml.find("</sheetData>").unwrap()];
    let spell = |text: &str| {
        let mut out = String::new();
        let mut rest = text;
        while let Some(at) = rest.find(' ') {
            let (before, after) = rest.split_at(at);
            out.push_str(before);
            if let Some(number) = after.strip_prefix(" s=\"") {
                let end = number.find('"').unwrap();
                out.push_str(&format!(" s=\"{}\"", styles[number[..end].parse::<usize>().unwrap()]));
                rest = &number[end + 1..];
            } else if let Some(id) = after.strip_prefix(" r:id=\"") {
                let end = id.find('"').unwrap();
                let relation = rels
                    .split("<Relationship ")
                    .find(|r| r.starts_with(&format!("Id=\"{}\"", &id[..end])));
                let relation = format!(" {}", relation.unwrap());
                out.push_str(&format!(" target=\"{}\"", attribute(&relation, "Target").unwrap()));
                rest = &id[end + 1..];
            } else {
                out.push_str(&after[..1]);
                rest = &after[1..];
            }
        }
        out.push_str(rest);
        out
    };
    let rows = data.split("<row ").skip(2).map(spell).collect();
    (rows, spell(&xml[xml.find("</sheetData>").unwrap()..]))
}

/// The sample month's findings, with text that needs care in XML and in Excel.
fn awkward(report: &mut Report) {
    let linked = report
        .findings
        .iter()
        .position(|f| f.location.file.ends_with(".xlsx"))
        .unwrap();
    let f = &mut report.findings[linked];
    f.message = "=SUM(A1) keeps _x0041_ & <b> \u{1} as text ".into();
    f.record = " padded\n".into();
    f.location.sheet = "Tom's & <sheet>".into();
    report.findings[1].record = "+1 row".into();
    report.findings[2].field = String::new();
    report.findings[3].location.file = "-x.xlsx".into();
    report.findings.last_mut().unwrap().message = "short".into();
}

#[test]
fn rows_are_the_ones_rust_xlsxwriter_wrote_for_the_same_findings() {
    let out = tempfile::tempdir().unwrap();
    let mut report = sample_report(out.path());
    awkward(&mut report);
    assert!(report.findings.iter().any(|f| f.severity == Severity::Info));
    for max_links in [MAX_LINKS, 3] {
        let mut reference = Workbook::new();
        let sheet = reference_sheet(&mut reference, &report, max_links);
        reference.push_worksheet(sheet);
        let reference = reference.save_to_buffer().unwrap();
        let ours = book(&report, max_links);
        let (reference_rows, reference_end) = normalized(&reference, 1);
        let (rows, end) = normalized(&ours, 1);
        assert_eq!(rows.len(), report.findings.len());
        for (row, (ours, theirs)) in rows.iter().zip(&reference_rows).enumerate() {
            let same = ours.bytes().zip(theirs.bytes()).take_while(|(a, b)| a == b).count();
            let from = ours.floor_char_boundary(same.saturating_sub(80));
            assert!(
                ours == theirs,
                "row {}: {}\n   vs {}",
                row + 2,
                &ours[from..(from + 300).min(ours.len())],
                &theirs[from..(from + 300).min(theirs.len())]
            );
        }
        assert_eq!(rows.len(), reference_rows.len());
        assert_eq!(end, reference_end);
        assert!(end.contains("target="), "{end}");
        // The header (and the probes) went into the shared strings: the only other difference.
        let strings = "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>";
        for name in ["xl/tables/table1.xml", "xl/workbook.xml", "[Content_Types].xml"] {
            let (ours, theirs) = (part(&ours, name).replacen(strings, "", 1), part(&reference, name));
            let same = ours.bytes().zip(theirs.bytes()).take_while(|(a, b)| a == b).count();
            assert!(ours == theirs, "{name}: {}\n   vs {}", &ours[same..], &theirs[same..]);
        }
        let head = |book: &[u8]| {
            let xml = part(book, "xl/worksheets/sheet1.xml");
            xml[..xml.find("<sheetData>").unwrap()].to_string()
        };
        assert_eq!(head(&ours), head(&reference));
    }
}

#[test]
fn a_long_last_message_ends_the_sheet_once() {
    // rust_xlsxwriter 0.102's constant-memory mode wrote such a last row twice.
    let out = tempfile::tempdir().unwrap();
    let mut report = sample_report(out.path());
    report.findings.last_mut().unwrap().message = Message::text("a long message ".repeat(20));
    let xml = part(&book(&report, MAX_LINKS), "xl/worksheets/sheet1.xml");
    let numbers: Vec<u32> = xml
        .split("<row r=\"")
        .skip(1)
        .map(|row| row[..row.find('"').unwrap()].parse().unwrap())
        .collect();
    assert_eq!(numbers, (1..=report.findings.len() as u32 + 1).collect::<Vec<_>>());
    let last = format!(
        "<row r=\"{}\" ht=\"75\" customHeight=\"1\"><c ",
        report.findings.len() + 1
    );
    assert!(xml.contains(&last), "{last}");
}

#[test]
fn findings_past_the_link_limit_show_their_cell_without_a_link() {
    let out = tempfile::tempdir().unwrap();
    let report = sample_report(out.path());
    let linkable: Vec<usize> = (report.findings.iter().enumerate())
        .filter(|(_, f)| f.location.is_linkable())
        .map(|(i, _)| i)
        .collect();
    assert!(linkable.len() > 3, "the sample month has findings in workbooks");
    let xml = part(&book(&report, 3), "xl/worksheets/sheet1.xml");
    assert_eq!(xml.matches("<hyperlink ").count(), 3, "{xml}");
    // The first three linkable findings are linked, the fourth is not, and shows its cell.
    for (n, i) in linkable.iter().take(4).enumerate() {
        let linked = xml.contains(&format!("<hyperlink ref=\"H{}\"", i + 2));
        assert_eq!(linked, n < 3, "finding {i}");
    }
    let f = &report.findings[linkable[3]];
    assert!(xml.contains(&format!("<c r=\"H{}\" s=\"", linkable[3] + 2)));
    assert!(xml.contains(&format!("<t>{}</t>", f.location.cell())));
    // Without the limit, every one of them is, to its file's own relation.
    let book = book(&report, MAX_LINKS);
    let xml = part(&book, "xl/worksheets/sheet1.xml");
    assert_eq!(xml.matches("<hyperlink ").count(), linkable.len());
    let rels = part(&book, "xl/worksheets/_rels/sheet1.xml.rels");
    assert_eq!(rels.matches("/hyperlink\" Target=\"").count(), linkable.len());
    let first = &report.findings[linkable[0]];
    let name = first.location.file.rsplit('/').next().unwrap();
    assert!(
        rels.contains(&format!("sample-data/{}\" TargetMode", first.location.file)),
        "{name} in {rels}"
    );
}

#[test]
fn a_month_without_findings_keeps_the_table_with_one_empty_row() {
    let out = tempfile::tempdir().unwrap();
    let mut report = sample_report(out.path());
    report.findings.clear();
    let book = book(&report, MAX_LINKS);
    let xml = part(&book, "xl/worksheets/sheet1.xml");
    assert!(xml.contains("<dimension ref=\"A1:J1\"/>"), "{xml}");
    assert_eq!(xml.matches("<row ").count(), 1, "{xml}");
    assert!(!xml.contains("hyperlink"), "{xml}");
    assert!(xml.contains("<tablePart r:id=\"rId1\"/>"), "{xml}");
    let table = part(&book, "xl/tables/table1.xml");
    assert!(table.contains("ref=\"A1:J2\""), "{table}");
    let rels = part(&book, "xl/worksheets/_rels/sheet1.xml.rels");
    assert!(rels.contains("<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/table\""), "{rels}");
    assert_eq!(rels.matches("<Relationship ").count(), 1, "{rels}");
    // The header is all a reader finds.
    use calamine::Reader;
    let mut workbook = calamine::Xlsx::new(std::io::Cursor::new(book)).unwrap();
    let range = workbook.worksheet_range("Findings").unwrap();
    assert_eq!(range.get_size(), (1, 10));
    assert_eq!(range.get((0, 2)).unwrap().to_string(), "Message");
}
