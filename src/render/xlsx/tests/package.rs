//! A saved workbook read back as a person sees it (test code): each sheet's cells with their value,
//! shown text width, horizontal alignment and wrapping, the widths of its columns, its tables,
//! print set-up and charts — from the package's XML, not from clerk's model.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};
use unicode_width::UnicodeWidthStr;

use crate::read::column_letters;
use crate::render::ooxml::{attribute, read_part};
use crate::render::tests::elements;

/// Where a cell's value stands in it, as shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Shown {
    Left,
    Right,
    Center,
}

/// A cell as shown.
#[derive(Clone, Debug)]
pub(super) struct ShownCell {
    /// The text the cell shows (a number in its number format).
    pub(super) text: String,
    pub(super) align: Shown,
    pub(super) wraps: bool,
    /// The number format's code (`General` for none).
    pub(super) format: String,
}

/// A sheet of the package.
pub(super) struct Sheet {
    pub(super) name: String,
    pub(super) xml: String,
    /// Cells by (0-based row, column).
    pub(super) cells: BTreeMap<(u32, u32), ShownCell>,
    /// Column widths by 0-based column, as written.
    pub(super) widths: BTreeMap<u32, f64>,
    /// Each table's XML and its range: (name, first row, first column, last row, last column).
    pub(super) tables: Vec<(String, u32, u32, u32, u32, String)>,
    /// The drawing's XML and its charts' XML, in order.
    pub(super) drawing: String,
    pub(super) charts: Vec<String>,
}

impl Sheet {
    pub(super) fn cell(&self, row: u32, col: u32) -> Option<&ShownCell> {
        self.cells.get(&(row, col))
    }

    /// The width of column `col` (8.43, Excel's default, when not set).
    pub(super) fn width(&self, col: u32) -> f64 {
        self.widths.get(&col).copied().unwrap_or(8.43)
    }

    /// The table named `name` (its range as for [`Sheet::tables`]).
    pub(super) fn table(&self, name: &str) -> Option<&(String, u32, u32, u32, u32, String)> {
        self.tables.iter().find(|t| t.0 == name)
    }
}

/// Every sheet of `book`, in order.
pub(super) fn sheets(book: &[u8]) -> Vec<Sheet> {
    let workbook = read_part(book, "xl/workbook.xml").unwrap();
    let names: Vec<String> = elements(&workbook, "sheet")
        .iter()
        .map(|s| unescape(attribute(s, "name").unwrap()))
        .collect();
    let styles = Styles::read(book);
    let shared: Vec<String> = read_part(book, "xl/sharedStrings.xml")
        .map(|x| elements(&x, "si").iter().map(|si| text_of(si)).collect())
        .unwrap_or_default();
    (names.into_iter().enumerate())
        .map(|(i, name)| {
            let xml = read_part(book, &format!("xl/worksheets/sheet{}.xml", i + 1)).unwrap();
            let rels = read_part(book, &format!("xl/worksheets/_rels/sheet{}.xml.rels", i + 1)).unwrap_or_default();
            let targets = |kind: &str| -> Vec<String> {
                elements(&rels, "Relationship")
                    .iter()
                    .filter(|r| attribute(r, "Type").is_some_and(|t| t.ends_with(kind)))
                    .map(|r| format!("xl/{}", attribute(r, "Target").unwrap().trim_start_matches("../")))
                    .collect()
            };
            let tables = (targets("/table").iter())
                .map(|t| {
                    let table = read_part(book, t).unwrap();
                    let head = elements(&table, "table")[0];
                    let (first, last) = attribute(head, "ref").unwrap().split_once(':').unwrap();
                    let ((r1, c1), (r2, c2)) = (place(first), place(last));
                    (attribute(head, "name").unwrap().to_string(), r1, c1, r2, c2, table)
                })
                .collect();
            let drawing = targets("/drawing")
                .first()
                .map(|d| read_part(book, d).unwrap())
                .unwrap_or_default();
            let drawing_rels = (targets("/drawing").first())
                .map(|d| {
                    let (folder, file) = d.rsplit_once('/').unwrap();
                    read_part(book, &format!("{folder}/_rels/{file}.rels")).unwrap()
                })
                .unwrap_or_default();
            let charts = elements(&drawing_rels, "Relationship")
                .iter()
                .map(|r| {
                    let target = attribute(r, "Target").unwrap().trim_start_matches("../");
                    read_part(book, &format!("xl/{target}")).unwrap()
                })
                .collect();
            let widths = elements(&xml, "col")
                .iter()
                .flat_map(|c| {
                    let (min, max): (u32, u32) = (
                        attribute(c, "min").unwrap().parse().unwrap(),
                        attribute(c, "max").unwrap().parse().unwrap(),
                    );
                    let width: f64 = attribute(c, "width").unwrap().parse().unwrap();
                    (min..=max).map(move |col| (col - 1, width))
                })
                .collect();
            let cells = (elements(&xml, "c").iter())
                .map(|c| (place(attribute(c, "r").unwrap()), styles.shown(c, &shared)))
                .collect();
            Sheet {
                name,
                xml,
                cells,
                widths,
                tables,
                drawing,
                charts,
            }
        })
        .collect()
}

/// The sheet named `name`.
pub(super) fn sheet<'s>(sheets: &'s [Sheet], name: &str) -> &'s Sheet {
    sheets
        .iter()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("no sheet {name}"))
}

/// (0-based row, column) of a reference such as `B12`.
pub(super) fn place(reference: &str) -> (u32, u32) {
    let split = reference.find(|c: char| c.is_ascii_digit()).unwrap();
    let (letters, digits) = reference.split_at(split);
    let col = letters.bytes().fold(0u32, |n, b| n * 26 + u32::from(b - b'A') + 1);
    (digits.parse::<u32>().unwrap() - 1, col - 1)
}

/// `B12` for (11, 1).
pub(super) fn reference(row: u32, col: u32) -> String {
    format!("{}{}", column_letters(col), row + 1)
}

/// The text of an element (its `<t>` parts joined), unescaped.
pub(super) fn text_of(xml: &str) -> String {
    elements(xml, "t")
        .iter()
        .map(|t| unescape(&t[t.find('>').unwrap() + 1..t.rfind("</t>").unwrap_or(t.len())]))
        .collect()
}

pub(super) fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The cell styles of a package: each `<xf>`'s number format code, horizontal alignment and
/// wrapping.
struct Styles {
    xfs: Vec<(String, Option<String>, bool)>,
}

impl Styles {
    fn read(book: &[u8]) -> Styles {
        let xml = read_part(book, "xl/styles.xml").unwrap();
        let formats: BTreeMap<String, String> = elements(&xml, "numFmt")
            .iter()
            .map(|f| {
                (
                    attribute(f, "numFmtId").unwrap().into(),
                    unescape(attribute(f, "formatCode").unwrap()),
                )
            })
            .collect();
        let builtin = |id: &str| match id {
            "0" => "General".to_string(),
            "3" => "#,##0".to_string(),
            "14" => "yyyy-mm-dd".to_string(),
            other => formats
                .get(other)
                .cloned()
                .unwrap_or_else(|| format!("builtin {other}")),
        };
        let section = &xml[xml.find("<cellXfs").unwrap()..xml.find("</cellXfs>").unwrap()];
        let xfs = elements(section, "xf")
            .iter()
            .map(|xf| {
                let alignment = elements(xf, "alignment");
                let horizontal = alignment
                    .first()
                    .and_then(|a| attribute(a, "horizontal"))
                    .map(String::from);
                let wraps = alignment.first().is_some_and(|a| attribute(a, "wrapText") == Some("1"));
                (builtin(attribute(xf, "numFmtId").unwrap_or("0")), horizontal, wraps)
            })
            .collect();
        Styles { xfs }
    }

    /// How the cell `<c …>` shows.
    fn shown(&self, c: &str, shared: &[String]) -> ShownCell {
        let s: usize = attribute(c, "s").map_or(0, |s| s.parse().unwrap());
        let (format, horizontal, wraps) = self.xfs[s].clone();
        let value = elements(c, "v").first().map(|v| text_of_v(v));
        let (text, is_text) = match attribute(c, "t") {
            Some("s") => (shared[value.unwrap().parse::<usize>().unwrap()].clone(), true),
            Some("inlineStr") | Some("str") => (text_of(c), true),
            _ => match value {
                Some(v) => (shown_number(v.parse().unwrap(), &format), false),
                None => (String::new(), true),
            },
        };
        let align = match horizontal.as_deref() {
            Some("right") => Shown::Right,
            Some("center") => Shown::Center,
            Some(_) => Shown::Left,
            None if is_text => Shown::Left,
            None => Shown::Right,
        };
        ShownCell {
            text,
            align,
            wraps,
            format,
        }
    }
}

fn text_of_v(v: &str) -> String {
    v[v.find('>').unwrap() + 1..v.rfind("</v>").unwrap()].to_string()
}

/// A number as its format shows it (the formats clerk writes).
pub(super) fn shown_number(n: f64, format: &str) -> String {
    let day = || NaiveDate::from_ymd_opt(1899, 12, 30).unwrap() + Days::new(n.floor() as u64);
    let grouped = |whole: f64| {
        let digits = format!("{}", whole.abs().trunc() as u64);
        let mut out = String::new();
        for (i, d) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(d);
        }
        format!("{}{out}", if whole < 0.0 { "-" } else { "" })
    };
    match format {
        "yyyy-mm-dd" => day().format("%Y-%m-%d").to_string(),
        "mm-dd" => day().format("%m-%d").to_string(),
        "yyyy-mm-dd hh:mm" => format!("{} 00:00", day().format("%Y-%m-%d")),
        "#,##0" => grouped(n.round()),
        "0.0%" => format!("{:.1}%", n * 100.0),
        "0.0" => format!("{n:.1}"),
        f if f.ends_with("#,##0.00") => {
            let symbol = f.trim_end_matches("#,##0.00").trim_matches('"');
            format!(
                "{symbol}{}.{:02}",
                grouped(n.trunc()),
                ((n.abs().fract()) * 100.0).round() as u64
            )
        }
        _ => {
            let text = format!("{n}");
            text.trim_end_matches(".0").to_string()
        }
    }
}

/// How wide `text` shows: its widest line, an East Asian wide character counting two.
pub(super) fn shown_width(text: &str) -> usize {
    text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0)
}
