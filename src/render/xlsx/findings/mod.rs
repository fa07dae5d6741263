//! The Findings sheet of the monthly workbook (SPEC 3): one row per finding, its cell linked to
//! the source cell.
//!
//! It is the largest sheet by far (100,000 findings and more in a large month), so clerk writes
//! its rows itself, straight into the saved workbook's zip as they are made. rust_xlsxwriter lays
//! out everything else about the sheet ([`lay_out`]: name, table, column widths and formats,
//! frozen header, print set-up) on a placeholder sheet with a few probe rows, one cell in each
//! format the rows use and one link to each source file; [`Findings::complete`] reads from the
//! saved placeholder the style numbers and link targets rust_xlsxwriter chose, and puts the real
//! rows, links and table range in place of the probes.
//!
//! (rust_xlsxwriter's constant-memory mode also streams rows, but version 0.102 writes the last
//! row twice when it has a height of its own — a file Excel has to repair — and its per-cell work
//! was most of the sheet's cost.)

use std::fmt::Write as _;
use std::io::Write;
use std::path::{Path, PathBuf};

use rust_xlsxwriter::{Format, FormatAlign, FormatUnderline, Url, Workbook, XlsxError};
use rustc_hash::FxHashMap;
use unicode_width::UnicodeWidthStr;

use super::ooxml::{attribute, escape_attribute, inline_text, push_int, push_points, read_part, write_parts};
use super::xlsx::{add_table, footer, looks_like_formula, print_setup, put_text, Widths};
use crate::registers::{Kind, Layout};
use crate::report::Report;
use crate::rules::finding::Severity;

/// Links one sheet may hold: Excel keeps at most 65,530 hyperlinks in a worksheet. Findings after
/// that many show their cell without a link.
pub(super) const MAX_LINKS: usize = 65_530;

/// Rows under the header: a worksheet has 1,048,576 rows. (findings.json keeps every finding.)
const MAX_ROWS: usize = 1_048_575;

/// The longest link location Excel takes.
const MAX_LOCATION: usize = 2_080;

/// The tallest row Excel takes, in points.
const MAX_ROW_HEIGHT: f64 = 409.0;

/// The column letters of the sheet's ten columns.
const COLUMNS: &[u8; 10] = b"ABCDEFGHIJ";

/// The Findings sheet between [`lay_out`] and [`Findings::complete`].
pub(super) struct Findings<'a> {
    report: &'a Report,
    /// The sheet's place among the workbook's worksheets (its part is `sheet{n+1}.xml`).
    index: usize,
    /// Rows of the placeholder under its header.
    probes: usize,
    /// Source files a finding may link to, each with its probe row's number in the placeholder.
    files: FxHashMap<&'a str, u32>,
    /// The width of the message column less its margins, in characters.
    message_width: f64,
    max_links: usize,
    wording: Wording<'a>,
}

/// The texts a finding's row shows for its severity, register and field, each worded once.
struct Wording<'a> {
    severities: [String; 3],
    kinds: FxHashMap<Kind, String>,
    fields: FxHashMap<&'a str, String>,
}

impl<'a> Wording<'a> {
    fn new(report: &'a Report) -> Self {
        let text = report.text();
        let mut kinds = FxHashMap::default();
        let mut fields = FxHashMap::default();
        for f in &report.findings {
            kinds.entry(f.register).or_insert_with(|| f.register.label(&text));
            fields
                .entry(f.field.as_str())
                .or_insert_with(|| crate::registers::texts::field_label(&text, &f.field));
        }
        Wording {
            severities: [Severity::Error, Severity::Warning, Severity::Info]
                .map(|s| text.get(&format!("severity.{}", s.id()))),
            kinds,
            fields,
        }
    }

    fn severity(&self, severity: Severity) -> &str {
        match severity {
            Severity::Error => &self.severities[0],
            Severity::Warning => &self.severities[1],
            Severity::Info => &self.severities[2],
        }
    }

    fn kind(&self, kind: Kind) -> &str {
        self.kinds.get(&kind).map_or("", String::as_str)
    }

    fn field(&self, field: &str) -> &str {
        self.fields.get(field).map_or("", String::as_str)
    }
}

/// Adds the Findings sheet to `book` as a placeholder (see the module's documentation); at most
/// `max_links` findings get a link.
pub(super) fn lay_out<'a>(
    book: &mut Workbook,
    report: &'a Report,
    max_links: usize,
) -> Result<Findings<'a>, XlsxError> {
    let text = report.text();
    let headers = [
        text.get("col.severity"),
        text.get("col.rule"),
        text.get("col.message"),
        text.get("col.register"),
        text.get("col.record"),
        text.get("col.file"),
        text.get("col.sheet"),
        text.get("col.cell"),
        text.get("col.field"),
        text.get("col.clause"),
    ];
    let wording = Wording::new(report);
    let mut widths = Widths::new();
    for f in &report.findings {
        widths.fit(0, wording.severity(f.severity));
        widths.fit(2, &f.message);
        widths.fit(3, wording.kind(f.register));
        widths.fit(4, &f.record);
        widths.fit(5, &f.location.file);
        widths.fit(6, &f.location.sheet);
        widths.fit(8, wording.field(&f.field));
        widths.fit(9, f.clause);
    }

    let index = book.worksheets().len();
    let sheet = book.add_worksheet();
    sheet.set_name(text.get("sheet.findings"))?;
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let top = Format::new().set_align(FormatAlign::Top);
    let link = Format::new()
        .set_font_color("#0563C1")
        .set_underline(FormatUnderline::Single)
        .set_align(FormatAlign::Top);
    // Cells without a format of their own take their column's.
    for col in 0..headers.len() as u16 {
        sheet.set_column_format(col, if col == 2 { &wrap } else { &top })?;
    }
    // Probe cells, one in each format a finding's row uses (see `Styles::read`).
    let error = Format::new().set_font_color("#9C0006").set_align(FormatAlign::Top);
    let warning = Format::new().set_font_color("#9C5700").set_align(FormatAlign::Top);
    sheet.write_string_with_format(1, 0, "x", &error)?;
    sheet.write_string_with_format(2, 0, "x", &warning)?;
    sheet.write_string(1, 1, "x")?;
    sheet.write_string(2, 2, "x")?;
    put_text(sheet, 1, 2, "=", &wrap)?;
    put_text(sheet, 1, 4, "=", &top)?;
    // One link to each source file a finding can link to, in the order of their first findings.
    let mut files = FxHashMap::default();
    let mut links = FileLinks::new(report);
    for f in &report.findings {
        if files.contains_key(f.location.file.as_str()) || f.location.layout == Layout::Csv {
            continue;
        }
        let Some(relative) = links.get(&f.location.file) else {
            continue;
        };
        if relative.contains('#') {
            continue; // Excel would take the rest of the name for the place in the file
        }
        let row = files.len() as u32 + 1;
        let probe = Url::new(format!("file:///{relative}#'x'!A1")).set_text("x");
        if sheet.write_url_with_format(row, 7, probe, &link).is_ok() {
            files.insert(f.location.file.as_str(), row);
        }
    }
    let probes = files.len().max(2);
    add_table(sheet, 0, probes as u32, &headers, "Findings", &[], &mut widths)?;
    widths.0[2] = widths.0[2].clamp(30.0, 70.0);
    widths.apply(sheet)?;
    sheet.set_freeze_panes(1, 0)?;
    print_setup(sheet, 0, &footer(report))?;
    Ok(Findings {
        report,
        index,
        probes,
        files,
        message_width: (widths.0[2] - 2.0).max(10.0),
        max_links,
        wording,
    })
}

/// The style numbers of the formats a finding's row uses, as rust_xlsxwriter numbered them in
/// the saved workbook.
struct Styles {
    error: u32,
    warning: u32,
    /// The top-aligned format of every column but the message's.
    top: u32,
    /// The message column's wrapping format.
    wrap: u32,
    top_quoted: u32,
    wrap_quoted: u32,
    link: u32,
}

impl Styles {
    fn read(sheet: &str) -> Result<Styles, String> {
        Ok(Styles {
            error: style_of(sheet, "A2")?,
            warning: style_of(sheet, "A3")?,
            top: style_of(sheet, "B2")?,
            wrap: style_of(sheet, "C3")?,
            top_quoted: style_of(sheet, "E2")?,
            wrap_quoted: style_of(sheet, "C2")?,
            link: style_of(sheet, "H2").unwrap_or(0),
        })
    }
}

/// The style number of `cell` in the placeholder's XML.
fn style_of(sheet: &str, cell: &str) -> Result<u32, String> {
    super::ooxml::style_of(sheet, cell)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("no probe cell {cell}"))
}

impl Findings<'_> {
    /// `book` (the workbook as rust_xlsxwriter saved it, with this sheet's placeholder) with the
    /// sheet's real rows, links and table range. (A run puts [`Findings::parts`] into the workbook
    /// together with the long tables'.)
    #[cfg(test)]
    pub(super) fn complete(&self, book: Vec<u8>) -> Result<Vec<u8>, String> {
        let parts = self.parts(&book)?;
        super::ooxml::replace_parts(book, &[parts]).map_err(|e| format!("the Findings sheet could not be written: {e}"))
    }

    /// The sheet's rows, relations and table, as parts to go into `book` ([`super::ooxml::replace_parts`]).
    pub(super) fn parts(&self, book: &[u8]) -> Result<Vec<u8>, String> {
        let failed = |e: String| format!("the Findings sheet could not be written: {e}");
        let sheet_part = format!("xl/worksheets/sheet{}.xml", self.index + 1);
        let rels_part = format!("xl/worksheets/_rels/sheet{}.xml.rels", self.index + 1);
        let placeholder = read_part(book, &sheet_part).map_err(failed)?;
        let rels = read_part(book, &rels_part).map_err(failed)?;
        // Each relation's attributes, from the space before its first.
        let relations: Vec<String> = rels.split("<Relationship ").skip(1).map(|r| format!(" {r}")).collect();
        let relations: Vec<&str> = relations.iter().map(String::as_str).collect();
        let target_of = |id: &str| {
            relations
                .iter()
                .find(|r| attribute(r, "Id") == Some(id))
                .and_then(|r| attribute(r, "Target"))
        };
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
        // Each linked file's target, as rust_xlsxwriter wrote it for the file's probe link.
        let mut targets: FxHashMap<u32, &str> = FxHashMap::default();
        for &row in self.files.values() {
            let id = placeholder
                .find(&format!("<hyperlink ref=\"H{}\"", row + 1))
                .and_then(|at| attribute(&placeholder[at..at + placeholder[at..].find('>')?], "r:id"))
                .ok_or_else(|| failed(format!("no probe link in row {}", row + 1)))?;
            let target = target_of(id).ok_or_else(|| failed(format!("no relation {id}")))?;
            targets.insert(row, target);
        }

        let (head, rest) = placeholder
            .split_once("<sheetData>")
            .ok_or_else(|| failed("no sheet data".into()))?;
        let (data, tail) = rest
            .split_once("</sheetData>")
            .ok_or_else(|| failed("no end of sheet data".into()))?;
        let header_row = &data[..data.find("</row>").ok_or_else(|| failed("no header row".into()))? + 6];
        let rows = self.report.findings.len().min(MAX_ROWS);
        let head = replace_range(head, "dimension", self.probes, rows);
        let table = replace_range(
            &replace_range(&table, "table", self.probes, rows.max(1)),
            "autoFilter",
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
                out.write_all(self.tail(tail, &relations, &links).as_bytes())
            } else if name == rels_part {
                out.write_all(relations_xml(&rels, &relations, &links, &targets).as_bytes())
            } else {
                out.write_all(table.as_bytes())
            }
        })
        .map_err(failed)
    }
}

/// A finding's link: the row (1-based), the probe row of its file, and its place in the file.
struct Link {
    row: u32,
    file: u32,
    location: String,
}

/// `xml` with the range `A1:J{placeholder + 1}` of the first `element` set to `A1:J{rows + 1}`.
fn replace_range(xml: &str, element: &str, placeholder: usize, rows: usize) -> String {
    let old = format!("ref=\"A1:J{}\"", placeholder + 1);
    let new = format!("ref=\"A1:J{}\"", rows + 1);
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
fn relations_xml(rels: &str, relations: &[&str], links: &[Link], targets: &FxHashMap<u32, &str>) -> String {
    let start = rels.find("<Relationship ").unwrap_or(rels.len());
    let mut out = String::with_capacity(start + links.len() * 160 + 200);
    out.push_str(&rels[..start]);
    for (i, link) in links.iter().enumerate() {
        let _ = write!(
            out,
            "<Relationship Id=\"rId{}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"{}\" TargetMode=\"External\"/>",
            i + 1,
            targets.get(&link.file).copied().unwrap_or_default()
        );
    }
    for (relation, old, new) in other_relations(relations, links.len()) {
        let relation = relation.split("</Relationships>").next().unwrap_or(relation);
        out.push_str("<Relationship");
        out.push_str(&relation.replacen(&format!("Id=\"{old}\""), &format!("Id=\"{new}\""), 1));
    }
    out.push_str("</Relationships>");
    out
}

impl Findings<'_> {
    /// The end of the sheet after its rows: the findings' links in place of the probes', and the
    /// other relations' new numbers.
    fn tail(&self, tail: &str, relations: &[&str], links: &[Link]) -> String {
        let mut hyperlinks = String::with_capacity(links.len() * 80 + 30);
        if !links.is_empty() {
            hyperlinks.push_str("<hyperlinks>");
            for (i, link) in links.iter().enumerate() {
                let _ = write!(
                    hyperlinks,
                    "<hyperlink ref=\"H{}\" r:id=\"rId{}\" location=\"",
                    link.row,
                    i + 1
                );
                escape_attribute(&link.location, &mut hyperlinks);
                hyperlinks.push_str("\"/>");
            }
            hyperlinks.push_str("</hyperlinks>");
        }
        // (A placeholder without links has no findings with links either.)
        let (before, after) = match (tail.find("<hyperlinks>"), tail.find("</hyperlinks>")) {
            (Some(start), Some(end)) => (&tail[..start], &tail[end + "</hyperlinks>".len()..]),
            _ => (tail, ""),
        };
        let renumbered: FxHashMap<&str, String> = other_relations(relations, links.len())
            .into_iter()
            .map(|(_, old, new)| (old, new))
            .collect();
        let mut out = String::with_capacity(tail.len() + hyperlinks.len());
        renumber(before, &renumbered, &mut out);
        out.push_str(&hyperlinks);
        renumber(after, &renumbered, &mut out);
        out
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

impl Findings<'_> {
    /// Writes one `<row>` per finding (the first `rows`), numbered from 2, keeping their links.
    fn write_rows(
        &self,
        out: &mut dyn Write,
        styles: &Styles,
        rows: usize,
        links: &mut Vec<Link>,
    ) -> std::io::Result<()> {
        let wording = &self.wording;
        let quoted = |text: &str, plain: u32, quoted: u32| match looks_like_formula(text) {
            true => quoted,
            false => plain,
        };
        let mut row = String::with_capacity(8192);
        for (i, f) in self.report.findings.iter().take(rows).enumerate() {
            let r = i as u32 + 2;
            row.clear();
            // Wrapped messages get the height of their lines: Excel grows such rows on its own,
            // LibreOffice and printing do not. (Excel's rows end at 409 points.)
            let lines = (UnicodeWidthStr::width(f.message.as_str()) as f64 / self.message_width).ceil();
            if lines > 1.0 {
                // Points as rust_xlsxwriter stores them (whole pixels).
                let pixels = ((15.0 * lines).min(MAX_ROW_HEIGHT) * 4.0 / 3.0).round() as u32;
                row.push_str("<row r=\"");
                push_int(&mut row, r);
                row.push_str("\" ht=\"");
                push_points(&mut row, pixels);
                row.push_str("\" customHeight=\"1\">");
            } else {
                row.push_str("<row r=\"");
                push_int(&mut row, r);
                row.push_str("\">");
            }
            let severity_style = match f.severity {
                Severity::Error => styles.error,
                Severity::Warning => styles.warning,
                Severity::Info => styles.top,
            };
            cell(&mut row, 0, r, severity_style, wording.severity(f.severity));
            cell(&mut row, 1, r, styles.top, f.rule);
            cell(
                &mut row,
                2,
                r,
                quoted(&f.message, styles.wrap, styles.wrap_quoted),
                &f.message,
            );
            cell(&mut row, 3, r, styles.top, wording.kind(f.register));
            cell(
                &mut row,
                4,
                r,
                quoted(&f.record, styles.top, styles.top_quoted),
                &f.record,
            );
            let (file, sheet) = (&f.location.file, &f.location.sheet);
            cell(&mut row, 5, r, quoted(file, styles.top, styles.top_quoted), file);
            cell(&mut row, 6, r, quoted(sheet, styles.top, styles.top_quoted), sheet);
            let place = f.location.cell();
            let file = match links.len() < self.max_links && f.location.is_linkable() {
                true => self.files.get(file.as_str()),
                false => None,
            };
            let location = format!("'{}'!{place}", sheet.replace('\'', "''"));
            match file {
                Some(&file) if location.encode_utf16().count() <= MAX_LOCATION => {
                    cell(&mut row, 7, r, styles.link, &place);
                    links.push(Link { row: r, file, location });
                }
                _ => cell(&mut row, 7, r, styles.top, &place),
            }
            cell(&mut row, 8, r, styles.top, wording.field(&f.field));
            cell(&mut row, 9, r, styles.top, f.clause);
            row.push_str("</row>");
            out.write_all(row.as_bytes())?;
        }
        Ok(())
    }
}

/// One `<c>` with inline text, as rust_xlsxwriter writes it; none for empty text (as
/// rust_xlsxwriter leaves out an empty string without a format of its own).
fn cell(out: &mut String, col: usize, row: u32, style: u32, text: &str) {
    if text.is_empty() {
        return;
    }
    out.push_str("<c r=\"");
    out.push(COLUMNS[col] as char);
    push_int(out, row);
    out.push('"');
    if style > 0 {
        out.push_str(" s=\"");
        push_int(out, style);
        out.push('"');
    }
    inline_text(out, text);
}

/// Input files relative to the report folder, each resolved once: resolving a path asks the
/// file system about each of its folders. (Relative, so the links survive moving the inbox and
/// reports together.)
struct FileLinks<'a> {
    report: &'a Report,
    base: Option<PathBuf>,
    resolved: FxHashMap<String, Option<String>>,
}

impl<'a> FileLinks<'a> {
    fn new(report: &'a Report) -> Self {
        FileLinks {
            report,
            base: report.out_dir.as_ref().and_then(|d| d.canonicalize().ok()),
            resolved: Default::default(),
        }
    }

    fn get(&mut self, file: &str) -> Option<&str> {
        if !self.resolved.contains_key(file) {
            let target = self.report.inbox.join(file).canonicalize().ok();
            let relative = match (&self.base, target) {
                (Some(base), Some(target)) => relative_path(base, &target),
                _ => None,
            };
            self.resolved.insert(file.to_string(), relative);
        }
        self.resolved.get(file).and_then(|r| r.as_deref())
    }
}

/// `to` relative to the folder `from`, with `/` separators.
fn relative_path(from: &Path, to: &Path) -> Option<String> {
    let from: Vec<_> = from.components().collect();
    let to: Vec<_> = to.components().collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    if common == 0 {
        return None;
    }
    let mut parts: Vec<String> = vec!["..".to_string(); from.len() - common];
    parts.extend(to[common..].iter().map(|c| c.as_os_str().to_string_lossy().to_string()));
    Some(parts.join("/"))
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::base::i18n::Lang;
    use crate::month::period::Period;
    use crate::settings::{Settings, SettingsSource};
    use rust_xlsxwriter::Worksheet;

    /// The sample month (2026-10) read and checked, in `lang`, its rows kept if `keep_rows`.
    pub(crate) fn sample_month(lang: Lang, keep_rows: bool) -> crate::commands::pipeline::Checked {
        let progress = indicatif::ProgressBar::hidden();
        crate::commands::pipeline::check(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data"),
            Settings::default(),
            SettingsSource::BuiltIn,
            Period::month(2026, 10).unwrap(),
            crate::commands::texts::catalogue(lang),
            crate::commands::pipeline::Reading {
                exclude: None,
                progress: &progress,
                keep_rows,
            },
        )
    }

    /// The sample month's report (2026-10), its output folder `out`.
    pub(crate) fn sample_report(out: &Path) -> Report {
        let mut checked = sample_month(Lang::En, false);
        let mut report = Report::build(&mut checked);
        report.out_dir = Some(out.to_path_buf());
        report
    }

    /// The workbook with only the Findings sheet, as clerk writes it.
    fn book(report: &Report, max_links: usize) -> Vec<u8> {
        let mut book = Workbook::new();
        let findings = lay_out(&mut book, report, max_links).unwrap();
        findings.complete(book.save_to_buffer().unwrap()).unwrap()
    }

    fn part(book: &[u8], name: &str) -> String {
        read_part(book, name).unwrap()
    }

    /// The Findings sheet as the previous version of clerk laid it out, with rust_xlsxwriter's
    /// constant-memory mode: the reference for the rows clerk now writes itself.
    fn reference_sheet(book: &mut Workbook, report: &Report, max_links: usize) -> Worksheet {
        let mut sheet = book.new_worksheet_with_constant_memory().unwrap();
        let text = report.text();
        let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
        let top = Format::new().set_align(FormatAlign::Top);
        let link = Format::new()
            .set_font_color("#0563C1")
            .set_underline(FormatUnderline::Single)
            .set_align(FormatAlign::Top);
        let s = &mut sheet;
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
            widths.fit(2, &f.message);
            widths.fit(3, &f.register.label(&text));
            widths.fit(4, &f.record);
            widths.fit(5, &f.location.file);
            widths.fit(6, &f.location.sheet);
            widths.fit(8, &crate::registers::texts::field_label(&text, &f.field));
            widths.fit(9, f.clause);
        }
        let last = (report.findings.len() as u32).max(1);
        add_table(s, 0, last, &headers, "Findings", &[], &mut widths).unwrap();
        widths.0[2] = widths.0[2].clamp(30.0, 70.0);
        widths.apply(s).unwrap();
        s.set_freeze_panes(1, 0).unwrap();
        print_setup(s, 0, &footer(report)).unwrap();
        for col in 0..10 {
            s.set_column_format(col, if col == 2 { &wrap } else { &top }).unwrap();
        }
        let error_fill = Format::new().set_font_color("#9C0006").set_align(FormatAlign::Top);
        let warning_fill = Format::new().set_font_color("#9C5700").set_align(FormatAlign::Top);
        let message_width = (widths.0[2] - 2.0).max(10.0);
        let mut links = FileLinks::new(report);
        let mut linked = 0;
        let in_column = |s: &mut Worksheet, r: u32, c: u16, t: &str, f: &Format| {
            match looks_like_formula(t) {
                true => put_text(s, r, c, t, f).unwrap(),
                false => drop(s.write_string(r, c, t).unwrap()),
            };
        };
        for (i, f) in report.findings.iter().enumerate() {
            let r = i as u32 + 1;
            let lines = (UnicodeWidthStr::width(f.message.as_str()) as f64 / message_width)
                .ceil()
                .max(1.0);
            if lines > 1.0 {
                s.set_row_height(r, 15.0 * lines).unwrap();
            }
            let severity = severity_text(f.severity);
            match f.severity {
                Severity::Error => s.write_string_with_format(r, 0, severity, &error_fill).unwrap(),
                Severity::Warning => s.write_string_with_format(r, 0, severity, &warning_fill).unwrap(),
                Severity::Info => s.write_string(r, 0, severity).unwrap(),
            };
            s.write_string(r, 1, f.rule).unwrap();
            in_column(s, r, 2, &f.message, &wrap);
            s.write_string(r, 3, f.register.label(&text)).unwrap();
            in_column(s, r, 4, &f.record, &top);
            in_column(s, r, 5, &f.location.file, &top);
            in_column(s, r, 6, &f.location.sheet, &top);
            let cell = f.location.cell();
            let url = match linked < max_links && f.location.is_linkable() {
                true => links
                    .get(&f.location.file)
                    .map(|relative| format!("file:///{relative}#'{}'!{cell}", f.location.sheet.replace('\'', "''"))),
                false => None,
            };
            match url {
                Some(url) => {
                    s.write_url_with_format(r, 7, Url::new(url).set_text(&cell), &link)
                        .unwrap();
                    linked += 1;
                }
                None => drop(s.write_string(r, 7, &cell).unwrap()),
            }
            s.write_string(r, 8, crate::registers::texts::field_label(&text, &f.field))
                .unwrap();
            s.write_string(r, 9, f.clause).unwrap();
        }
        sheet
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
        report.findings.last_mut().unwrap().message = "a long message ".repeat(20);
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
}
