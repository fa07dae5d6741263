//! The Findings sheet of the monthly workbook (SPEC 3): one row per finding, its cell linked to
//! the source cell.
//!
//! It is the largest sheet by far (100,000 findings and more in a large month), so clerk writes
//! its rows itself, straight into the saved workbook's zip as they are made. rust_xlsxwriter lays
//! out everything else about the sheet ([`lay_out`]: name, table, column widths and formats,
//! frozen header, print set-up) on a placeholder sheet with a few probe rows, one cell in each
//! format the rows use and one link to each source file; [`Findings::parts`] reads from the
//! saved placeholder the style numbers and link targets rust_xlsxwriter chose, and puts the real
//! rows, links and table range in place of the probes (`parts.rs`).
//!
//! The table is declared like every other ([`FindingsTable`]); its rows are written by a visitor
//! of that declaration of its own (`rows.rs`), which colours the severities and links each
//! finding's cell.
//!
//! (rust_xlsxwriter's constant-memory mode also streams rows, but version 0.102 writes the last
//! row twice when it has a height of its own — a file Excel has to repair — and its per-cell work
//! was most of the sheet's cost.)

mod parts;
mod rows;
#[cfg(test)]
mod tests;

use std::borrow::Cow;
use std::cell::RefCell;
use std::path::{Path, PathBuf};

use rust_xlsxwriter::{Format, FormatAlign, FormatUnderline, Url, Workbook, Worksheet, XlsxError};
use rustc_hash::FxHashMap;

use super::cell::Align;
use super::cell::{put_text, Cell};
use super::table::{columns_of, fit_rows, headings, Column, Columns, Table, Width};
use super::widths::Widths;
use super::writer::{add_table, TableSpec};
use super::{footer, print_setup, Print};
use crate::base::i18n::Catalogue;
use crate::registers::{Kind, Layout};
use crate::report::Report;
use crate::rules::finding::{Finding, Severity, Status};

/// Links one sheet may hold: Excel keeps at most 65,530 hyperlinks in a worksheet. Findings after
/// that many show their cell without a link.
pub(crate) const MAX_LINKS: usize = 65_530;

/// The Findings sheet between [`lay_out`] and [`Findings::parts`].
pub(crate) struct Findings<'a> {
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
    /// How many columns the table has.
    columns: usize,
}

impl Findings<'_> {
    /// The letter of the table's last column.
    fn last_column(&self) -> char {
        rows::COLUMNS[self.columns - 1] as char
    }
}

/// The Findings table: one row per finding in the report's order, its severity in colour, its
/// cell linked to the register's cell.
struct FindingsTable<'w> {
    wording: &'w Wording<'w>,
    /// The message of the row being written, said once for its height and its cell; without
    /// it (fitting the columns) each message is said as it is visited.
    said: Option<&'w RefCell<String>>,
}

impl Table for FindingsTable<'_> {
    type Row = Finding;
    fn columns<'r>(&'r self, c: &mut impl Columns<'r, Finding>) {
        let w = self.wording;
        c.severity("col.severity", |f| (f.severity, w.severity(f.severity)));
        c.text(Column::by_heading("col.rule"), |f| f.rule);
        c.cell(MESSAGE, |f| {
            Cell::Text(Cow::Owned(match self.said {
                Some(said) => said.borrow().clone(),
                None => w.text.render(&f.message),
            }))
        });
        c.text("col.register", |f| w.kind(f.register));
        c.text("col.record", |f| &f.record);
        c.text("col.file", |f| &f.location.file);
        c.text("col.sheet", |f| &f.location.sheet);
        c.link("col.cell", |f| &f.location);
        c.text("col.field", |f| w.field(&f.field));
        c.text("col.clause", |f| w.clause(f.clause));
        if w.history {
            c.text("col.status", |f| f.since.as_ref().map_or("", |s| w.status(s.status)));
            c.text("col.first_reported", |f| {
                f.since.as_ref().map_or("", |s| &s.first_reported)
            });
        }
    }
}

/// The message column: wrapped, its rows as high as their lines.
const MESSAGE: Column = Column::wrapped("col.message", 30.0, 70.0);

/// The texts a finding's row shows for its severity, register and field, each worded once.
struct Wording<'a> {
    /// The report's language, for the messages.
    text: Catalogue,
    severities: [String; 3],
    kinds: FxHashMap<Kind, String>,
    fields: FxHashMap<&'a str, String>,
    clauses: FxHashMap<&'static str, String>,
    /// The report keeps a history: each finding's status and first month have columns.
    history: bool,
    statuses: [String; 2],
}

impl<'a> Wording<'a> {
    fn new(report: &'a Report) -> Self {
        let text = report.text();
        let mut kinds = FxHashMap::default();
        let mut fields = FxHashMap::default();
        let mut clauses = FxHashMap::default();
        for f in &report.findings {
            kinds.entry(f.register).or_insert_with(|| f.register.label(&text));
            clauses
                .entry(f.clause)
                .or_insert_with(|| crate::rules::registry::clause_words(f.clause, &text));
            fields
                .entry(f.field.as_str())
                .or_insert_with(|| crate::registers::texts::field_label(&text, &f.field));
        }
        Wording {
            severities: [Severity::Error, Severity::Warning, Severity::Info]
                .map(|s| text.get(&format!("severity.{}", s.id()))),
            kinds,
            fields,
            clauses,
            history: report.lifecycle.is_some(),
            statuses: [Status::New, Status::CarriedOver].map(|s| text.get(&format!("status.{}", s.id()))),
            text,
        }
    }

    fn status(&self, status: Status) -> &str {
        match status {
            Status::New => &self.statuses[0],
            _ => &self.statuses[1],
        }
    }

    fn clause<'s>(&'s self, clause: &'s str) -> &'s str {
        self.clauses.get(clause).map_or(clause, String::as_str)
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

/// The formats of the sheet's cells.
struct Formats {
    /// The message column's.
    wrap: Format,
    /// Every other column's.
    top: Format,
    link: Format,
    error: Format,
    warning: Format,
}

impl Formats {
    fn new() -> Self {
        Formats {
            wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            top: Format::new().set_align(FormatAlign::Top),
            link: Format::new()
                .set_font_color("#0563C1")
                .set_underline(FormatUnderline::Single)
                .set_align(FormatAlign::Top),
            error: Format::new().set_font_color("#9C0006").set_align(FormatAlign::Top),
            warning: Format::new().set_font_color("#9C5700").set_align(FormatAlign::Top),
        }
    }
}

/// Adds the Findings sheet to `book` as a placeholder (see the module's documentation); at most
/// `max_links` findings get a link.
pub(crate) fn lay_out<'a>(
    book: &mut Workbook,
    report: &'a Report,
    max_links: usize,
) -> Result<Findings<'a>, XlsxError> {
    let text = report.text();
    let wording = Wording::new(report);
    let table = FindingsTable {
        wording: &wording,
        said: None,
    };
    let columns = columns_of(&table);
    let mut widths = Widths::new();
    fit_rows(&table, &report.findings, &mut widths);

    let index = book.worksheets().len();
    let sheet = book.add_worksheet();
    sheet.set_name(text.get("sheet.findings"))?;
    let formats = Formats::new();
    // Cells without a format of their own take their column's.
    for (col, column) in columns.iter().enumerate() {
        let wrapped = matches!(column.width, Width::Wrap { .. });
        sheet.set_column_format(col as u16, if wrapped { &formats.wrap } else { &formats.top })?;
    }
    probe_cells(sheet, &formats)?;
    let files = probe_links(sheet, report, &formats.link);
    let probes = files.len().max(2);
    let headings = headings(&columns, &text);
    let aligns = vec![Align::Left; columns.len()];
    let spec = TableSpec {
        header: 0,
        first: 0,
        last_row: probes as u32,
        headings: &headings,
        name: "Findings",
        formats: &[],
        aligns: &aligns,
        filters: true,
    };
    add_table(sheet, &spec, &mut widths)?;
    let mut message_width = 0.0;
    for (col, column) in columns.iter().enumerate() {
        if let Width::Wrap { min, max } = column.width {
            widths.clamp(col as u16, min, max);
            message_width = widths.0[col];
        }
    }
    widths.apply(sheet)?;
    sheet.set_freeze_panes(1, 0)?;
    let print = Print {
        key_columns: Some((0, 1)),
        ..Print::rows(0, 0)
    };
    print_setup(sheet, &widths, &print, &footer(report))?;
    Ok(Findings {
        report,
        index,
        probes,
        files,
        message_width: (message_width - 2.0).max(10.0),
        max_links,
        wording,
        columns: columns.len(),
    })
}

/// Probe cells, one in each format a finding's row uses (see [`Styles::read`]).
fn probe_cells(sheet: &mut Worksheet, formats: &Formats) -> Result<(), XlsxError> {
    sheet.write_string_with_format(1, 0, "x", &formats.error)?;
    sheet.write_string_with_format(2, 0, "x", &formats.warning)?;
    sheet.write_string(1, 1, "x")?;
    sheet.write_string(2, 2, "x")?;
    put_text(sheet, 1, 2, "=", &formats.wrap)?;
    put_text(sheet, 1, 4, "=", &formats.top)?;
    Ok(())
}

/// One link to each source file a finding can link to, in the order of their first findings;
/// returns each file's probe row.
fn probe_links<'a>(sheet: &mut Worksheet, report: &'a Report, link: &Format) -> FxHashMap<&'a str, u32> {
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
        if sheet.write_url_with_format(row, 7, probe, link).is_ok() {
            files.insert(f.location.file.as_str(), row);
        }
    }
    files
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
    crate::render::ooxml::style_of(sheet, cell)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("no probe cell {cell}"))
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
