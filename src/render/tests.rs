//! What the render tests share (test code only): the sample month read and checked through the
//! commands' pipeline, as a run reads it, and comparisons of workbooks cell by cell.

use std::collections::BTreeMap;
use std::path::Path;

use super::ooxml::{attribute, read_part};
use super::{write_atomically, write_atomically_with, AtomicFile};
use crate::base::i18n::Lang;
use crate::month::Period;
use crate::report::Report;
use crate::settings::{Settings, SettingsSource};

/// The sample month (2026-10) read and checked, in `lang`, its rows kept if `keep_rows`.
pub(crate) fn sample_month(lang: Lang, keep_rows: bool) -> crate::commands::pipeline::Checked {
    sample_period(lang, "2026-10", keep_rows)
}

/// The sample registers read and checked for `period` (`2026-12`, `2026-Q4`, `2026`), in `lang`.
pub(crate) fn sample_period(lang: Lang, period: &str, keep_rows: bool) -> crate::commands::pipeline::Checked {
    let progress = indicatif::ProgressBar::hidden();
    crate::commands::pipeline::check(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data"),
        &Settings::default(),
        SettingsSource::BuiltIn,
        &Period::parse(period).unwrap(),
        crate::commands::texts::catalogue(lang),
        crate::commands::pipeline::Reading {
            exclude: None,
            progress: &progress,
            keep_rows,
            reader_exe: None,
            history: None,
        },
    )
}

/// The sample month's report (2026-10), its output folder `out`.
pub(crate) fn sample_report(out: &Path) -> Report {
    let mut report = sample_month(Lang::En, false).report;
    report.out_dir = Some(out.to_path_buf());
    report
}

pub(crate) fn part(book: &[u8], name: &str) -> String {
    read_part(book, name).unwrap()
}

/// The elements `<name …>…</name>` (or `<name …/>`) of a section of `xml`, in order.
pub(crate) fn elements<'x>(xml: &'x str, name: &str) -> Vec<&'x str> {
    let open = format!("<{name}");
    let close = format!("</{name}>");
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(at) = rest.find(&open) {
        let after = &rest[at + open.len()..];
        if !after.starts_with([' ', '>', '/']) {
            rest = after;
            continue;
        }
        let tag_end = at + rest[at..].find('>').unwrap() + 1;
        let end = match rest[..tag_end].ends_with("/>") {
            true => tag_end,
            false => tag_end + rest[tag_end..].find(&close).unwrap() + close.len(),
        };
        out.push(&rest[at..end]);
        rest = &rest[end..];
    }
    out
}

/// Every cell style of a saved workbook by its number, spelled out: the `<xf>` with its number
/// format, font, fill and border written into it.
fn styles(book: &[u8]) -> Vec<String> {
    let xml = part(book, "xl/styles.xml");
    let section = |name: &str| match (xml.find(&format!("<{name} ")), xml.find(&format!("</{name}>"))) {
        (Some(start), Some(end)) => &xml[start..end],
        _ => "",
    };
    let formats: BTreeMap<&str, &str> = elements(section("numFmts"), "numFmt")
        .into_iter()
        .map(|f| (attribute(f, "numFmtId").unwrap(), attribute(f, "formatCode").unwrap()))
        .collect();
    let fonts = elements(section("fonts"), "font");
    let fills = elements(section("fills"), "fill");
    let borders = elements(section("borders"), "border");
    elements(section("cellXfs"), "xf")
        .into_iter()
        .map(|xf| {
            let number = |name: &str| attribute(xf, name).unwrap_or("0");
            let format = number("numFmtId");
            let nth = |list: &[&str], name: &str| list[number(name).parse::<usize>().unwrap()].to_string();
            let children = xf.find('>').map_or("", |at| &xf[at..]);
            format!(
                "format {} font {} fill {} border {} quote {} {children}",
                formats.get(format).copied().unwrap_or(format),
                nth(&fonts, "fontId"),
                nth(&fills, "fillId"),
                nth(&borders, "borderId"),
                attribute(xf, "quotePrefix").unwrap_or("0"),
            )
        })
        .collect()
}

/// Each cell of sheet `sheet` (1-based) by its reference: its value (shared or inline text as
/// written, or the number) and its style spelled out.
fn cells(book: &[u8], sheet: usize) -> BTreeMap<String, String> {
    let xml = part(book, &format!("xl/worksheets/sheet{sheet}.xml"));
    let shared = read_part(book, "xl/sharedStrings.xml").unwrap_or_default();
    let strings: Vec<&str> = elements(&shared, "si").into_iter().map(text).collect();
    let styles = styles(book);
    elements(&xml, "c")
        .into_iter()
        .map(|c| {
            let value = match attribute(c, "t") {
                Some("s") => strings[value(c).parse::<usize>().unwrap()].to_string(),
                Some("inlineStr") => text(c).to_string(),
                _ => value(c).to_string(),
            };
            let style = &styles[attribute(c, "s").unwrap_or("0").parse::<usize>().unwrap()];
            (attribute(c, "r").unwrap().to_string(), format!("{value:?} {style}"))
        })
        .collect()
}

/// The text of a `<t>` in `xml`, as written (with `xml:space` said).
fn text(xml: &str) -> &str {
    let at = xml.find("<t").unwrap();
    &xml[at..xml.find("</t>").unwrap()]
}

fn value(xml: &str) -> &str {
    xml.find("<v>").map_or("", |at| &xml[at + 3..xml.find("</v>").unwrap()])
}

/// What must be the same in the two workbooks: every cell of every sheet, each sheet's XML
/// outside its rows, the tables.
pub(crate) fn assert_same_workbook(ours: &[u8], reference: &[u8]) {
    let sheets = elements(&part(reference, "xl/workbook.xml"), "sheet").len();
    assert!(sheets > 0);
    for sheet in 1..=sheets {
        let (ours_cells, their_cells) = (cells(ours, sheet), cells(reference, sheet));
        for (at, theirs) in &their_cells {
            assert_eq!(ours_cells.get(at), Some(theirs), "sheet {sheet} cell {at}");
        }
        assert_eq!(ours_cells.len(), their_cells.len(), "sheet {sheet}");
        let name = format!("xl/worksheets/sheet{sheet}.xml");
        let (ours_xml, their_xml) = (part(ours, &name), part(reference, &name));
        let outside = |xml: &str| {
            let (head, rest) = xml.split_once("<sheetData>").unwrap();
            format!("{head}{}", &rest[rest.find("</sheetData>").unwrap()..])
        };
        assert_eq!(outside(&ours_xml), outside(&their_xml), "{name}");
    }
    for t in 1.. {
        let name = format!("xl/tables/table{t}.xml");
        let Ok(theirs) = read_part(reference, &name) else { break };
        assert_eq!(part(ours, &name), theirs, "{name}");
    }
}

#[test]
fn a_file_is_replaced_only_when_written_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out/findings.json");
    write_atomically_with(&path, |out| out.write_all(b"first")).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"first");
    // A writer that fails half-way leaves the previous file as it was, and no temporary file.
    let failed = write_atomically_with(&path, |out| {
        out.write_all(&[b'x'; 100_000])?;
        Err(std::io::Error::other("disk full"))
    });
    assert!(failed.unwrap_err().contains("disk full"));
    assert_eq!(std::fs::read(&path).unwrap(), b"first");
    let names: Vec<_> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["findings.json"]);
    write_atomically(&path, b"second").unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"second");
}

/// A file written as it is made (a zip package, which seeks back) is put in its place only when
/// kept; let go of before (a copy that could not be patched), it leaves nothing behind, and the
/// file that was there stays.
#[test]
fn a_file_let_go_of_before_it_is_kept_leaves_nothing() {
    use std::io::{Seek, Write};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("annotated/合同.xlsm");
    let mut file = AtomicFile::create(&path).unwrap();
    file.out().write_all(b"12345").unwrap();
    file.out().seek(std::io::SeekFrom::Start(1)).unwrap();
    file.out().write_all(b"x").unwrap();
    file.keep().unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"1x345");
    let mut file = AtomicFile::create(&path).unwrap();
    file.out().write_all(&[b'y'; 100_000]).unwrap();
    drop(file);
    let names: Vec<_> = (std::fs::read_dir(path.parent().unwrap()).unwrap())
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["合同.xlsm"]);
    assert_eq!(std::fs::read(&path).unwrap(), b"1x345");
}
