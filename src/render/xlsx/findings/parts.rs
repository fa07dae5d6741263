//! The Findings sheet's parts once rust_xlsxwriter has saved the placeholder: the sheet with the
//! findings' rows and links in place of the probes, its relations, its table.

use std::fmt::Write as _;
use std::io::Write;

use rustc_hash::FxHashMap;

use super::rows::Link;
use super::{Findings, Styles};
use crate::render::ooxml::{attribute, escape_attribute, read_part, write_parts};

/// Rows under the header: a worksheet has 1,048,576 rows. (findings.json keeps every finding.)
const MAX_ROWS: usize = 1_048_575;

impl Findings<'_> {
    /// `book` (the workbook as rust_xlsxwriter saved it, with this sheet's placeholder) with the
    /// sheet's real rows, links and table range. (A run puts [`Findings::parts`] into the workbook
    /// together with the long tables'.)
    #[cfg(test)]
    pub(crate) fn complete(&self, book: Vec<u8>) -> Result<Vec<u8>, String> {
        let parts = self.parts(&book)?;
        crate::render::ooxml::replace_parts(book, &[parts])
            .map_err(|e| format!("the Findings sheet could not be written: {e}"))
    }

    /// The sheet's rows, relations and table, as parts to go into `book` ([`crate::render::ooxml::replace_parts`]).
    pub(crate) fn parts(&self, book: &[u8]) -> Result<Vec<u8>, String> {
        let failed = |e: String| format!("the Findings sheet could not be written: {e}");
        let sheet_part = format!("xl/worksheets/sheet{}.xml", self.index + 1);
        let rels_part = format!("xl/worksheets/_rels/sheet{}.xml.rels", self.index + 1);
        let placeholder = read_part(book, &sheet_part).map_err(failed)?;
        let rels = read_part(book, &rels_part).map_err(failed)?;
        // Each relation's attributes, from the space before its first.
        let relations: Vec<String> = rels.split("<Relationship ").skip(1).map(|r| format!(" {r}")).collect();
        let relations: Vec<&str> = relations.iter().map(String::as_str).collect();
        let table_part = relations
            .iter()
            .find(|r| attribute(r, "Type").is_some_and(|t| t.ends_with("/table")))
            .and_then(|r| attribute(r, "Target"))
            .and_then(|t| t.strip_prefix("../"))
            .map(|t| format!("xl/{t}"))
            .ok_or_else(|| failed("the placeholder has no table".into()))?;
        let table = read_part(book, &table_part).map_err(failed)?;
        if !table.contains(" name=\"Findings\"") {
            return Err(failed(format!("{sheet_part} is not the Findings sheet")));
        }

        let styles = Styles::read(&placeholder).map_err(failed)?;
        let targets = self.link_targets(&placeholder, &relations).map_err(failed)?;

        let (head, rest) = placeholder
            .split_once("<sheetData>")
            .ok_or_else(|| failed("no sheet data".into()))?;
        let (data, tail) = rest
            .split_once("</sheetData>")
            .ok_or_else(|| failed("no end of sheet data".into()))?;
        let header_row = &data[..data.find("</row>").ok_or_else(|| failed("no header row".into()))? + 6];
        let rows = self.report.findings.len().min(MAX_ROWS);
        let last = self.last_column();
        let head = replace_range(head, "dimension", last, self.probes, rows);
        let table = replace_range(
            &replace_range(&table, "table", last, self.probes, rows.max(1)),
            "autoFilter",
            last,
            self.probes,
            rows.max(1),
        );

        // The rows go out as they are made; their links are kept for the end of the sheet and for
        // the sheet's relations (which come after it in the zip).
        let mut links: Vec<Link> = Vec::new();
        write_parts(&[&sheet_part, &rels_part, &table_part], |name, out| {
            if name == sheet_part {
                out.write_all(head.as_bytes())?;
                out.write_all(b"<sheetData>")?;
                out.write_all(header_row.as_bytes())?;
                self.write_rows(out, &styles, rows, &mut links)?;
                out.write_all(b"</sheetData>")?;
                self.write_tail(out, tail, &relations, &links)
            } else if name == rels_part {
                write_relations(out, &rels, &relations, &links, &targets)
            } else {
                out.write_all(table.as_bytes())
            }
        })
        .map_err(failed)
    }

    /// Each linked file's target by its probe row, as rust_xlsxwriter wrote it for the file's
    /// probe link.
    fn link_targets<'p>(&self, placeholder: &str, relations: &[&'p str]) -> Result<FxHashMap<u32, &'p str>, String> {
        let target_of = |id: &str| {
            (relations.iter())
                .find(|r| attribute(r, "Id") == Some(id))
                .and_then(|r| attribute(r, "Target"))
        };
        let mut targets: FxHashMap<u32, &str> = FxHashMap::default();
        for &row in self.files.values() {
            let id = placeholder
                .find(&format!("<hyperlink ref=\"H{}\"", row + 1))
                .and_then(|at| attribute(&placeholder[at..at + placeholder[at..].find('>')?], "r:id"))
                .ok_or_else(|| format!("no probe link in row {}", row + 1))?;
            let target = target_of(id).ok_or_else(|| format!("no relation {id}"))?;
            targets.insert(row, target);
        }
        Ok(targets)
    }
}

/// `xml` with the range `A1:{last}{placeholder + 1}` of the first `element` set to
/// `A1:{last}{rows + 1}`.
fn replace_range(xml: &str, element: &str, last: char, placeholder: usize, rows: usize) -> String {
    let old = format!("ref=\"A1:{last}{}\"", placeholder + 1);
    let new = format!("ref=\"A1:{last}{}\"", rows + 1);
    match xml.find(&format!("<{element} ")) {
        Some(at) => match xml[at..].find(&old) {
            Some(i) if !xml[at..at + i].contains('>') => {
                format!("{}{new}{}", &xml[..at + i], &xml[at + i + old.len()..])
            }
            _ => xml.to_string(),
        },
        None => xml.to_string(),
    }
}

/// The relations other than the placeholder's links, in their order, each with its new number:
/// the findings' links take `rId1..=links`, as rust_xlsxwriter numbers them.
fn other_relations<'r>(relations: &[&'r str], links: usize) -> Vec<(&'r str, &'r str, String)> {
    relations
        .iter()
        .filter(|r| !attribute(r, "Type").is_some_and(|t| t.ends_with("/hyperlink")))
        .enumerate()
        .filter_map(|(i, r)| Some((*r, attribute(r, "Id")?, format!("rId{}", links + 1 + i))))
        .collect()
}

/// The sheet's relations file: the findings' links, then the placeholder's other relations.
/// Written as it is made: a large month's links are tens of megabytes of XML.
fn write_relations(
    out: &mut dyn Write,
    rels: &str,
    relations: &[&str],
    links: &[Link],
    targets: &FxHashMap<u32, &str>,
) -> std::io::Result<()> {
    let start = rels.find("<Relationship ").unwrap_or(rels.len());
    out.write_all(&rels.as_bytes()[..start])?;
    for (i, link) in links.iter().enumerate() {
        write!(
            out,
            "<Relationship Id=\"rId{}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"{}\" TargetMode=\"External\"/>",
            i + 1,
            targets.get(&link.file).copied().unwrap_or_default()
        )?;
    }
    for (relation, old, new) in other_relations(relations, links.len()) {
        let relation = relation.split("</Relationships>").next().unwrap_or(relation);
        out.write_all(b"<Relationship")?;
        out.write_all(
            relation
                .replacen(&format!("Id=\"{old}\""), &format!("Id=\"{new}\""), 1)
                .as_bytes(),
        )?;
    }
    out.write_all(b"</Relationships>")
}

impl Findings<'_> {
    /// The end of the sheet after its rows: the findings' links in place of the probes', and the
    /// other relations' new numbers. Written as it is made, as the relations are.
    fn write_tail(&self, out: &mut dyn Write, tail: &str, relations: &[&str], links: &[Link]) -> std::io::Result<()> {
        // (A placeholder without links has no findings with links either.)
        let (before, after) = match (tail.find("<hyperlinks>"), tail.find("</hyperlinks>")) {
            (Some(start), Some(end)) => (&tail[..start], &tail[end + "</hyperlinks>".len()..]),
            _ => (tail, ""),
        };
        let renumbered: FxHashMap<&str, String> = other_relations(relations, links.len())
            .into_iter()
            .map(|(_, old, new)| (old, new))
            .collect();
        let mut text = String::with_capacity(tail.len());
        renumber(before, &renumbered, &mut text);
        out.write_all(text.as_bytes())?;
        if !links.is_empty() {
            out.write_all(b"<hyperlinks>")?;
            for (i, link) in links.iter().enumerate() {
                text.clear();
                let _ = write!(
                    text,
                    "<hyperlink ref=\"H{}\" r:id=\"rId{}\" location=\"",
                    link.row,
                    i + 1
                );
                escape_attribute(&link.location, &mut text);
                text.push_str("\"/>");
                out.write_all(text.as_bytes())?;
            }
            out.write_all(b"</hyperlinks>")?;
        }
        text.clear();
        renumber(after, &renumbered, &mut text);
        out.write_all(text.as_bytes())
    }
}

/// `xml` with each `r:id` in `renumbered` given its new number.
fn renumber(xml: &str, renumbered: &FxHashMap<&str, String>, out: &mut String) {
    let mut rest = xml;
    while let Some(at) = rest.find(" r:id=\"") {
        let (before, after) = rest.split_at(at + 7);
        out.push_str(before);
        let end = after.find('"').unwrap_or(after.len());
        let id = &after[..end];
        out.push_str(renumbered.get(id).map_or(id, String::as_str));
        rest = &after[end..];
    }
    out.push_str(rest);
}
