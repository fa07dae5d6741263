//! A reader of an xlsx package of the tests' own, to compare an annotated copy with its
//! original: every part by name, each cell of a sheet with its style spelled out through
//! `styles.xml` (number format code, font, fill, border, alignment), a sheet's XML outside its
//! rows. Independent of clerk's code: quick-xml and zip only.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// Every part of a package, by name, unpacked.
pub struct Package {
    pub parts: BTreeMap<String, Vec<u8>>,
}

/// A cell's style, spelled out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Style {
    pub num_fmt: String,
    pub font: String,
    pub fill: String,
    pub border: String,
    /// The `<xf>`'s children (alignment, protection) and its quote prefix.
    pub rest: String,
}

/// A cell as the sheet's XML has it: its style number, and the rest of it (type, formula,
/// value) as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    pub style: usize,
    pub content: String,
}

/// Each element `<name …>` anywhere in `xml`, as written (start to end), in order.
pub fn elements(xml: &str, name: &str) -> Vec<String> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    loop {
        let start = reader.buffer_position() as usize;
        match reader.read_event().unwrap() {
            Event::Empty(e) if e.local_name().into_inner() == name => {
                out.push(xml[start..reader.buffer_position() as usize].to_string());
            }
            Event::Start(e) if e.local_name().into_inner() == name => {
                reader.read_to_end(e.name()).unwrap();
                out.push(xml[start..reader.buffer_position() as usize].to_string());
            }
            Event::Eof => return out,
            _ => {}
        }
    }
}

/// The first element `<name …>` of `xml` as written, or nothing.
pub fn element(xml: &str, name: &str) -> String {
    elements(xml, name).into_iter().next().unwrap_or_default()
}

/// The start tag of an element written as `xml`.
fn start_tag(xml: &str) -> BytesStart<'_> {
    let mut reader = Reader::from_str(xml);
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) | Event::Empty(e) => return e,
            Event::Eof => panic!("no element in {xml}"),
            _ => {}
        }
    }
}

/// An attribute of the element written as `xml`.
pub fn attribute(xml: &str, name: &str) -> Option<String> {
    let tag = start_tag(xml);
    let value = tag.try_get_attribute(name).unwrap()?;
    Some(
        value
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .unwrap()
            .into_owned(),
    )
}

/// What an element holds, as written (nothing for `<x/>`).
fn inside(xml: &str) -> &str {
    match (xml.find('>'), xml.rfind("</")) {
        (Some(open), Some(close)) if !xml[..open].ends_with('/') => &xml[open + 1..close],
        _ => "",
    }
}

impl Package {
    pub fn open(path: &Path) -> Package {
        let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
        let parts = (0..zip.len())
            .map(|i| {
                let mut file = zip.by_index(i).unwrap();
                let mut data = Vec::new();
                file.read_to_end(&mut data).unwrap();
                (file.name().unwrap().to_string(), data)
            })
            .collect();
        Package { parts }
    }

    pub fn text(&self, name: &str) -> String {
        String::from_utf8(self.parts[name].clone()).unwrap()
    }

    /// The part of the worksheet named `sheet`.
    pub fn sheet_part(&self, sheet: &str) -> String {
        let workbook = self.text("xl/workbook.xml");
        let entry = (elements(&workbook, "sheet").into_iter())
            .find(|s| attribute(s, "name").as_deref() == Some(sheet))
            .unwrap_or_else(|| panic!("no sheet {sheet}"));
        let id = attribute(&entry, "r:id").unwrap();
        let rels = self.text("xl/_rels/workbook.xml.rels");
        let rel = (elements(&rels, "Relationship").into_iter())
            .find(|r| attribute(r, "Id").as_deref() == Some(id.as_str()))
            .unwrap();
        let target = attribute(&rel, "Target").unwrap();
        match target.strip_prefix('/') {
            Some(absolute) => absolute.to_string(),
            None => format!("xl/{target}"),
        }
    }

    /// Every cell style of the workbook by its number, spelled out.
    pub fn styles(&self) -> Vec<Style> {
        let xml = self.text("xl/styles.xml");
        let section = |name: &str| element(&xml, name);
        let formats: BTreeMap<String, String> = (elements(&section("numFmts"), "numFmt").iter())
            .map(|f| (attribute(f, "numFmtId").unwrap(), attribute(f, "formatCode").unwrap()))
            .collect();
        let fonts = elements(&section("fonts"), "font");
        let fills = elements(&section("fills"), "fill");
        let borders = elements(&section("borders"), "border");
        let nth = |list: &[String], xf: &str, name: &str| {
            let n: usize = attribute(xf, name).unwrap_or("0".into()).parse().unwrap();
            list[n].clone()
        };
        (elements(&section("cellXfs"), "xf").iter())
            .map(|xf| {
                let format = attribute(xf, "numFmtId").unwrap_or("0".into());
                Style {
                    num_fmt: formats.get(&format).cloned().unwrap_or(format!("built-in {format}")),
                    font: nth(&fonts, xf, "fontId"),
                    fill: nth(&fills, xf, "fillId"),
                    border: nth(&borders, xf, "borderId"),
                    rest: format!("{} quote {:?}", inside(xf), attribute(xf, "quotePrefix")),
                }
            })
            .collect()
    }

    /// Each cell of the sheet part `part` by its reference.
    pub fn cells(&self, part: &str) -> BTreeMap<String, Cell> {
        let xml = self.text(part);
        (elements(&element(&xml, "sheetData"), "c").iter())
            .map(|c| {
                let style = attribute(c, "s").map_or(0, |s| s.parse().unwrap());
                let kind = attribute(c, "t").unwrap_or_default();
                let cell = Cell {
                    style,
                    content: format!("{kind} {}", inside(c)),
                };
                (attribute(c, "r").unwrap(), cell)
            })
            .collect()
    }

    /// The start tag of each row of the sheet part `part`, by its number.
    pub fn rows(&self, part: &str) -> BTreeMap<u32, String> {
        let xml = self.text(part);
        (elements(&element(&xml, "sheetData"), "row").iter())
            .map(|row| {
                let tag = &row[..row.find('>').unwrap() + 1];
                (
                    attribute(row, "r").unwrap().parse().unwrap(),
                    tag.trim_end_matches("/>").trim_end_matches('>').to_string(),
                )
            })
            .collect()
    }

    /// The sheet part's XML but its rows.
    pub fn outside_rows(&self, part: &str) -> String {
        let xml = self.text(part);
        xml.replace(&element(&xml, "sheetData"), "<sheetData/>")
    }
}
