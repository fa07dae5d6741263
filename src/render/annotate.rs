//! Annotated registers (SPEC 3, `annotated/`): for each input workbook with findings, a copy with
//! the same sheets and values, the offending cells highlighted and a note giving rule and message,
//! so that staff can fix their own register. Inputs are never touched.
//!
//! A copy needs every cell, not only the typed values of the register columns: `run` keeps each
//! sheet's rows as first read ([`crate::read::kept`]), so the inputs are read once. A sheet longer than
//! `report.annotate_max_rows` is copied as its header and the rows with findings only, each with
//! its original row number in a first column. Each copy is written straight from the kept rows,
//! on whichever core is free.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use rust_xlsxwriter::{Color, DocProperties, Format, FormatPattern, IntoExcelDateTime, Workbook, Worksheet, XlsxError};

use crate::read::kept::KeptSheet;
use crate::read::{Merge, SheetRow, SheetSink};
use crate::registers::Source;
use crate::report::Report;
use crate::rules::finding::{Finding, Severity};
use crate::values::RawCell;

/// Catalogue texts of the annotated copies.
pub static TEXTS: &[crate::base::i18n::Entry] = &[
    ("annotate.row", ["Row in the register", "原表行號", "原表行号"]),
    (
        "annotate.partial",
        [
            "This register has {rows} row{rows|s}; the copy holds its header and the rows with findings only.",
            "此台帳共 {rows} 行;副本只保留表頭和有問題的行。",
            "此台账共 {rows} 行;副本只保留表头和有问题的行。",
        ],
    ),
];

/// Where the copy of `rel` goes: same folders, `.xlsx`.
fn target(dir: &Path, rel: &str) -> PathBuf {
    let mut path = dir.join("annotated");
    for part in rel.split('/') {
        path.push(part);
    }
    match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase) {
        Some(ext) if ext == "xlsx" => path,
        Some(ext) => {
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().to_string())
                .unwrap_or_default();
            path.with_file_name(format!("{stem}.{ext}.xlsx"))
        }
        None => path.with_extension("xlsx"),
    }
}

/// One annotated copy to write: an input file with findings, and its findings.
pub struct AnnotatedCopy<'a> {
    rel: &'a str,
    findings: Vec<&'a Finding>,
    /// The file's rows as first read.
    kept: Vec<KeptSheet>,
}

impl AnnotatedCopy<'_> {
    /// About how long the copy takes to write, in the time a kept byte takes (~15 ns on the
    /// benchmark's machine): its rows, and a finding's note (~3 µs, 200 bytes' worth) each. A
    /// whole copy of a large sheet with few findings can take longer than one with thousands.
    pub fn cost(&self) -> u64 {
        let bytes: usize = self.kept.iter().map(KeptSheet::bytes).sum();
        bytes as u64 + 200 * self.findings.len() as u64
    }
}

/// Lets go of the kept rows no copy will show, as soon as the findings are known (before the
/// report is built, when a large run's memory is at its highest): the rows of files without
/// findings, and in a sheet of more than `max_rows` rows — whose copy holds its header and its
/// rows with findings only — every other row. On a large run that is most of the kept rows.
pub fn prune(kept: &mut BTreeMap<String, Vec<KeptSheet>>, findings: &[Finding], sources: &[Source], max_rows: u64) {
    let mut flagged: BTreeMap<(&str, &str), BTreeSet<u32>> = BTreeMap::new();
    for f in findings {
        flagged
            .entry((f.location.file.as_str(), f.location.sheet.as_str()))
            .or_default()
            .insert(f.location.row);
    }
    kept.retain(|file, _| flagged.keys().any(|(f, _)| f == file));
    for (file, sheets) in kept.iter_mut() {
        for sheet in sheets {
            // As the copy finds its sheet's header and size (`Copier::start`).
            let Some(source) = sources.iter().find(|s| &s.file == file && s.sheet == sheet.name) else {
                continue;
            };
            if !in_part(source.rows, max_rows) {
                continue;
            }
            let name = sheet.name.clone();
            let rows = flagged.get(&(file.as_str(), name.as_str()));
            sheet
                .retain_rows(|row| shown_in_part(row, source.header_row, |row| rows.is_some_and(|r| r.contains(&row))));
        }
    }
}

/// Whether the copy of a sheet of `rows` rows holds only its header and its rows with findings.
fn in_part(rows: usize, max_rows: u64) -> bool {
    rows as u64 > max_rows
}

/// Whether `row` is in such a copy: the header and the rows above it, and the rows with findings.
fn shown_in_part(row: u32, header_row: u32, has_findings: impl Fn(u32) -> bool) -> bool {
    row <= header_row || has_findings(row)
}

/// The copies to write, one per input file with findings, in file order, each taking its kept
/// rows out of `kept`. Copies from an earlier run of the same month would be stale: the
/// `annotated/` folder is emptied first.
pub fn plan<'a>(
    report: &'a Report,
    out_dir: &Path,
    kept: &mut BTreeMap<String, Vec<KeptSheet>>,
) -> Result<Vec<AnnotatedCopy<'a>>, String> {
    let mut by_file: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    for f in &report.findings {
        by_file.entry(f.location.file.as_str()).or_default().push(f);
    }
    let dir = out_dir.join("annotated");
    if dir.is_dir() {
        std::fs::remove_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    Ok(by_file
        .into_iter()
        .filter_map(|(rel, findings)| {
            let kept = kept.remove(rel)?;
            Some(AnnotatedCopy { rel, findings, kept })
        })
        .collect())
}

/// Writes one annotated copy into `out_dir/annotated/`; returns its path.
pub fn write(report: &Report, copy: &AnnotatedCopy, out_dir: &Path, max_rows: u64) -> Result<PathBuf, String> {
    let rel = copy.rel;
    let _t = crate::base::timing::Phase::start(format!("annotated {rel}"));
    let bytes = render(report, copy, max_rows, Writer::Clerk)?;
    let out = target(out_dir, rel);
    super::write_atomically(&out, &bytes)?;
    Ok(out)
}

/// Who writes the copy's cells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Writer {
    /// clerk, into the saved workbook (see [`SheetXml`]).
    Clerk,
    /// rust_xlsxwriter, cell by cell: the reference the tests compare with.
    #[cfg(test)]
    Library,
}

/// The copy as bytes.
fn render(report: &Report, copy: &AnnotatedCopy, max_rows: u64, writer: Writer) -> Result<Vec<u8>, String> {
    let rel = copy.rel;
    let mut copier = Copier::new(report, rel, &copy.findings, max_rows, writer);
    for sheet in &copy.kept {
        copier.begin_sheet(&sheet.name, sheet.hidden);
        sheet.replay(&mut copier);
        copier.end_sheet();
    }
    copier.finish().map_err(|e| format!("{rel}: {e}"))
}

/// The fill of a cell with findings: red, amber or blue by the most severe of them.
fn fill(severity: Severity, base: &Format) -> Format {
    let color = match severity {
        Severity::Error => Color::RGB(0xFFC7CE),
        Severity::Warning => Color::RGB(0xFFEB9C),
        Severity::Info => Color::RGB(0xDDEBF7),
    };
    base.clone()
        .set_pattern(FormatPattern::Solid)
        .set_background_color(color)
}

/// A cell's format in a copy: a date's number format, the fill of its findings, the quote prefix
/// of text that reads like a formula.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Look {
    base: Base,
    fill: Option<Severity>,
    quoted: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Base {
    General,
    Date,
    DateTime,
}

impl Look {
    /// The look of a cell with no finding (the default format).
    const PLAIN: Look = Look {
        base: Base::General,
        fill: None,
        quoted: false,
    };
    const BASES: [Base; 3] = [Base::General, Base::Date, Base::DateTime];
    const FILLS: [Option<Severity>; 4] = [
        None,
        Some(Severity::Info),
        Some(Severity::Warning),
        Some(Severity::Error),
    ];
    /// How many looks there are (one probe cell each).
    const COUNT: usize = Look::BASES.len() * Look::FILLS.len() * 2;

    /// Every look, in the order of [`Look::index`].
    fn all() -> impl Iterator<Item = Look> {
        Look::BASES.into_iter().flat_map(|base| {
            Look::FILLS
                .into_iter()
                .flat_map(move |fill| [false, true].map(|quoted| Look { base, fill, quoted }))
        })
    }

    fn index(self) -> usize {
        let base = Look::BASES.iter().position(|b| *b == self.base).unwrap_or(0);
        let fill = Look::FILLS.iter().position(|f| *f == self.fill).unwrap_or(0);
        (base * Look::FILLS.len() + fill) * 2 + usize::from(self.quoted)
    }

    /// The look of a cell of the register, with the most severe of its findings if any.
    fn of(cell: &RawCell, fill: Option<Severity>) -> Look {
        let base = match cell {
            RawCell::DateTime(dt) if dt.time() == chrono::NaiveTime::MIN => Base::Date,
            RawCell::DateTime(_) => Base::DateTime,
            _ => Base::General,
        };
        let quoted = matches!(cell, RawCell::Text(t) if super::xlsx::cell::looks_like_formula(t));
        Look { base, fill, quoted }
    }

    fn format(self) -> Format {
        let base = match self.base {
            Base::General => Format::new(),
            Base::Date => Format::new().set_num_format("yyyy-mm-dd"),
            Base::DateTime => Format::new().set_num_format("yyyy-mm-dd hh:mm"),
        };
        let format = match self.fill {
            Some(severity) => fill(severity, &base),
            None => base,
        };
        match self.quoted {
            true => format.set_quote_prefix(),
            false => format,
        }
    }
}

/// The rows of one sheet of a copy as clerk writes them: `<row>` elements whose cells carry a
/// mark for their [`Look`] ([`super::ooxml::MARK`]). rust_xlsxwriter lays the sheet out (name,
/// visibility, the notes' parts) with one probe cell per look in column A; once the copy is
/// saved, [`complete`] puts these rows in place of the probes, each mark replaced by the style
/// number rust_xlsxwriter gave that look's probe.
#[derive(Default)]
struct SheetXml {
    rows: String,
    /// 0-based first row and column, last row and column, of the cells written.
    bounds: Option<(u32, u16, u32, u16)>,
    /// Where the current row's XML starts, and whether it has a cell yet.
    row_start: usize,
    row_cells: bool,
    row: u32,
    columns: Vec<String>,
    /// The merged areas of a whole copy, as in the register.
    merges: Vec<Merge>,
}

impl SheetXml {
    fn begin_row(&mut self, row: u32) {
        self.row_start = self.rows.len();
        self.row_cells = false;
        self.row = row;
        self.rows.push_str("<row r=\"");
        super::ooxml::push_int(&mut self.rows, row + 1);
        self.rows.push_str("\">");
    }

    /// Ends the row; a row without cells is not written (as rust_xlsxwriter does not).
    fn end_row(&mut self) {
        match self.row_cells {
            true => self.rows.push_str("</row>"),
            false => self.rows.truncate(self.row_start),
        }
    }

    fn start_cell(&mut self, col: u16, look: Look) {
        let (row, at) = (self.row, usize::from(col));
        while self.columns.len() <= at {
            self.columns
                .push(crate::read::column_letters(self.columns.len() as u32));
        }
        let index = (look != Look::PLAIN).then(|| look.index());
        super::ooxml::cell_start(&mut self.rows, &self.columns[at], row + 1, index);
        self.row_cells = true;
        self.bounds = Some(match self.bounds {
            None => (row, col, row, col),
            Some((r1, c1, r2, c2)) => (r1.min(row), c1.min(col), r2.max(row), c2.max(col)),
        });
    }

    /// Text as rust_xlsxwriter writes a string: none when empty, unless it has a format (then a
    /// blank cell with it).
    fn text(&mut self, col: u16, look: Look, text: &str) {
        if text.is_empty() {
            if look != Look::PLAIN {
                self.blank(col, look);
            }
            return;
        }
        self.start_cell(col, look);
        super::ooxml::inline_text(&mut self.rows, text);
    }

    fn number(&mut self, col: u16, look: Look, number: f64) {
        self.start_cell(col, look);
        super::ooxml::number_end(&mut self.rows, number);
    }

    fn boolean(&mut self, col: u16, look: Look, value: bool) {
        self.start_cell(col, look);
        self.rows.push_str(if value {
            " t=\"b\"><v>1</v></c>"
        } else {
            " t=\"b\"><v>0</v></c>"
        });
    }

    fn blank(&mut self, col: u16, look: Look) {
        self.start_cell(col, look);
        self.rows.push_str("/>");
    }

    /// The sheet's `<mergeCells>` (none without merged areas).
    fn merge_cells(&self) -> String {
        if self.merges.is_empty() {
            return String::new();
        }
        let cell = |r: u32, c: u32| format!("{}{}", crate::read::column_letters(c), r + 1);
        let mut xml = format!("<mergeCells count=\"{}\">", self.merges.len());
        for &(r1, c1, r2, c2) in &self.merges {
            let _ = write!(xml, "<mergeCell ref=\"{}:{}\"/>", cell(r1, c1), cell(r2, c2));
        }
        xml.push_str("</mergeCells>");
        xml
    }

    /// The `<dimension>` range of the cells written, as rust_xlsxwriter gives it.
    fn dimension(&self) -> String {
        let cell = |r: u32, c: u16| format!("{}{}", crate::read::column_letters(u32::from(c)), r + 1);
        match self.bounds {
            None => "A1".to_string(),
            Some((r1, c1, r2, c2)) if (r1, c1) == (r2, c2) => cell(r1, c1),
            Some((r1, c1, r2, c2)) => format!("{}:{}", cell(r1, c1), cell(r2, c2)),
        }
    }
}

/// `book` (a copy as rust_xlsxwriter saved it, with probe cells) with the rows of `sheets`, the
/// copy's sheets in order.
fn complete(book: Vec<u8>, sheets: &[SheetXml]) -> Result<Vec<u8>, String> {
    let mut parts = Vec::new();
    for (i, sheet) in sheets.iter().enumerate() {
        let name = format!("xl/worksheets/sheet{}.xml", i + 1);
        let xml = super::ooxml::read_part(&book, &name)?;
        let styles = (0..Look::COUNT)
            .map(|k| super::ooxml::style_of(&xml, &format!("A{}", k + 1)))
            .collect::<Option<Vec<String>>>()
            .ok_or_else(|| format!("{name}: no probe cells"))?;
        let (Some(start), Some(end)) = (xml.find("<sheetData>"), xml.find("</sheetData>")) else {
            return Err(format!("{name}: no sheet data"));
        };
        let head = super::ooxml::with_dimension(&xml[..start], &sheet.dimension());
        // The merged areas come right after the rows (the placeholder has nothing between them).
        let tail = format!("{}{}", sheet.merge_cells(), &xml[end + "</sheetData>".len()..]);
        parts.push((name, head, styles, tail));
    }
    let names: Vec<&str> = parts.iter().map(|(name, ..)| name.as_str()).collect();
    super::ooxml::rewrite_parts(book, &names, |name, out| {
        let Some(i) = parts.iter().position(|(n, ..)| n == name) else {
            return Ok(());
        };
        let (_, head, styles, tail) = &parts[i];
        out.write_all(head.as_bytes())?;
        match sheets[i].rows.is_empty() {
            true => out.write_all(b"<sheetData/>")?,
            false => {
                out.write_all(b"<sheetData>")?;
                super::ooxml::write_marked(out, &sheets[i].rows, styles)?;
                out.write_all(b"</sheetData>")?;
            }
        }
        out.write_all(tail.as_bytes())
    })
    .map_err(|e| format!("the rows could not be written: {e}"))
}

/// The sheet being copied.
struct SheetCopy {
    sheet: Worksheet,
    /// Findings of this sheet by (row, 0-based column): the most severe, and each rule + message.
    notes: BTreeMap<(u32, u32), (Severity, Vec<String>)>,
    header_row: u32,
    /// Only the header and the rows with findings are kept, each after its original row number.
    partial: bool,
    /// The next row of the copy (partial copies only).
    out_row: u32,
    rows: SheetXml,
    merges: Merges,
    widths: super::xlsx::widths::Widths,
    /// A number as text, for its width.
    number: String,
}

/// The merged areas of a whole copy, as in the register. Only an area's first cell keeps its
/// value in the copy (the rows as read carry the area's value in each of its cells).
#[derive(Default)]
struct Merges {
    areas: Vec<Merge>,
    /// The areas by first row, and the next of them to reach; rows come in order, so only the
    /// areas over the current row are looked at, however many rows an area declares.
    by_first_row: Vec<Merge>,
    next: usize,
    over_row: Vec<Merge>,
}

impl Merges {
    fn new(areas: &[Merge]) -> Merges {
        let mut by_first_row = areas.to_vec();
        by_first_row.sort_by_key(|m| m.0);
        Merges {
            areas: areas.to_vec(),
            by_first_row,
            next: 0,
            over_row: Vec::new(),
        }
    }

    /// Moves on to 0-based row `row0`.
    fn reach(&mut self, row0: u32) {
        while let Some(&area) = self.by_first_row.get(self.next).filter(|m| m.0 <= row0) {
            self.over_row.push(area);
            self.next += 1;
        }
        self.over_row.retain(|m| m.2 >= row0);
    }

    /// The merged area cell (`row0`, `col`) is in, 0-based in the register.
    fn area(&self, row0: u32, col: u32) -> Option<Merge> {
        (self.over_row.iter().copied()).find(|m| m.0 <= row0 && row0 <= m.2 && m.1 <= col && col <= m.3)
    }

    /// A cell of a merged area other than its first: blank in the copy.
    fn away(&self, row0: u32, col: u32) -> bool {
        self.area(row0, col).is_some_and(|m| (m.0, m.1) != (row0, col))
    }
}

impl SheetCopy {
    /// Widens the copy's columns to the row's values (an area's value spans its columns).
    fn fit(&mut self, row: &SheetRow, label: &str) {
        let shift: u16 = if self.partial { 1 } else { 0 };
        if self.partial {
            match row.row.cmp(&self.header_row) {
                std::cmp::Ordering::Equal => self.widths.fit(0, label),
                std::cmp::Ordering::Greater => self.widths.fit(0, &row.row.to_string()),
                std::cmp::Ordering::Less => {}
            }
        }
        let row0 = row.row - 1;
        for (c, cell) in row.cells.iter().enumerate() {
            let Ok(c) = u16::try_from(c) else { break };
            let Some(col) = c.checked_add(shift) else { break };
            let area = self.merges.area(row0, u32::from(c));
            if area.is_some_and(|m| m.3 > m.1 || (m.0, m.1) != (row0, u32::from(c))) {
                continue;
            }
            match cell {
                RawCell::Text(t) => self.widths.fit(col, t),
                RawCell::Error(t) => self.widths.fit(col, t),
                RawCell::Number(n) => {
                    self.number.clear();
                    let _ = write!(self.number, "{n}");
                    self.widths.fit(col, &self.number);
                }
                RawCell::DateTime(dt) if dt.time() == chrono::NaiveTime::MIN => self.widths.fit(col, "2026-10-31"),
                RawCell::DateTime(_) => self.widths.fit(col, "2026-10-31 23:59"),
                RawCell::Bool(_) => self.widths.fit(col, "FALSE"),
                RawCell::Empty => {}
            }
        }
    }
}

/// Receives one input file's kept rows and writes them straight into the copy; the rows a partial
/// copy leaves out are stepped over without being built.
struct Copier<'a> {
    report: &'a Report,
    rel: &'a str,
    findings: &'a [&'a Finding],
    max_rows: u64,
    writer: Writer,
    book: Workbook,
    /// The sheet being copied (boxed: it is taken out and put back for every row).
    current: Option<Box<SheetCopy>>,
    /// The rows of the sheets done, in order.
    sheets: Vec<SheetXml>,
    /// The notes of the findings, written with the copy ([`super::notes`]).
    notes: super::notes::CopyNotes,
    /// The first error from the workbook writer; the copy stops there.
    error: Option<XlsxError>,
    /// The heading of a partial copy's first column.
    row_label: String,
}

impl<'a> Copier<'a> {
    fn new(report: &'a Report, rel: &'a str, findings: &'a [&'a Finding], max_rows: u64, writer: Writer) -> Self {
        let mut book = Workbook::new();
        book.set_zip_compression_level(3);
        let created = report.as_of.and_time(chrono::NaiveTime::MIN);
        book.set_properties(&DocProperties::new().set_author("clerk").set_creation_datetime(&created));
        // Rows and columns of the copy are those of the register (less one, 0-based), or fewer.
        let by_library = findings.iter().any(|f| {
            let col = f.location.column.unwrap_or(0);
            super::notes::placed_by_library(f.location.row.saturating_sub(1), col.saturating_add(1))
        });
        Copier {
            report,
            rel,
            findings,
            max_rows,
            writer,
            book,
            notes: super::notes::CopyNotes::new(by_library),
            current: None,
            sheets: Vec::new(),
            error: None,
            row_label: report.text().get("annotate.row"),
        }
    }

    fn start(&mut self, name: &str, hidden: bool) -> Result<SheetCopy, XlsxError> {
        let mut sheet = Worksheet::new();
        // Sheet names are valid in the source workbook; CSV stems may not be.
        if sheet.set_name(name).is_err() {
            let safe: String = name
                .chars()
                .filter(|c| !"[]:*?/\\".contains(*c))
                .take(31)
                .collect::<String>()
                .trim_matches('\'')
                .to_string();
            let _ = sheet.set_name(if safe.is_empty() { "Sheet" } else { &safe });
        }
        if hidden {
            sheet.set_hidden(true);
        }
        if self.writer == Writer::Clerk {
            for (k, look) in Look::all().enumerate() {
                sheet.write_string_with_format(k as u32, 0, "x", &look.format())?;
            }
        }
        let mut notes: BTreeMap<(u32, u32), (Severity, Vec<String>)> = BTreeMap::new();
        for f in self.findings.iter().filter(|f| f.location.sheet == name) {
            let col = f.location.column.unwrap_or(0);
            let entry = notes.entry((f.location.row, col)).or_insert((f.severity, Vec::new()));
            entry.0 = entry.0.max(f.severity);
            entry.1.push(format!("{} {}", f.rule, f.message));
        }
        let input = self
            .report
            .inputs
            .iter()
            .find(|i| i.file == self.rel && i.sheet == name);
        let header_row = input.map(|i| i.header_row).unwrap_or(0);
        let partial = input.is_some_and(|i| in_part(i.rows, self.max_rows));
        let mut copy = SheetCopy {
            sheet,
            notes,
            header_row,
            partial,
            out_row: 0,
            rows: SheetXml::default(),
            merges: Merges::default(),
            widths: super::xlsx::widths::Widths::new(),
            number: String::new(),
        };
        if partial {
            let rows = input.map(|i| i.rows).unwrap_or(0).to_string();
            let line = self.report.text().fmt("annotate.partial", &[("rows", &rows)]);
            match self.writer {
                Writer::Clerk => {
                    copy.rows.begin_row(0);
                    copy.rows.text(0, Look::PLAIN, &line);
                    copy.rows.end_row();
                }
                #[cfg(test)]
                Writer::Library => drop(copy.sheet.write_string(0, 0, line)?),
            }
            copy.out_row = 1;
        }
        self.notes.begin_sheet();
        Ok(copy)
    }

    /// Writes a row of the register into the copy, with the fills and notes of its findings.
    fn write(&mut self, copy: &mut SheetCopy, row: &SheetRow) -> Result<(), XlsxError> {
        #[cfg(test)]
        if self.writer == Writer::Library {
            return tests::write_with_library(self.report, &mut self.notes, copy, row);
        }
        let shift: u16 = if copy.partial { 1 } else { 0 };
        let r = if copy.partial { copy.out_row } else { row.row - 1 };
        copy.out_row += 1;
        // A sheet holds no more (a CSV can have more lines): the copy fails, as rust_xlsxwriter
        // would fail it.
        let last_col = row.cells.len().saturating_add(usize::from(shift));
        if r >= super::notes::ROW_MAX || last_col > usize::from(super::notes::COL_MAX) {
            return Err(XlsxError::RowColumnLimitError);
        }
        let out = &mut copy.rows;
        out.begin_row(r);
        if copy.partial {
            if row.row == copy.header_row {
                out.text(0, Look::PLAIN, &self.row_label);
            } else if row.row > copy.header_row {
                out.number(0, Look::PLAIN, f64::from(row.row));
            }
        }
        let notes = &copy.notes;
        // The row's findings by column, looked up once (most rows have none), not cell by cell.
        let fills: Vec<(u32, Severity)> = notes
            .range((row.row, 0)..(row.row + 1, 0))
            .map(|(&(_, col), (severity, _))| (col, *severity))
            .collect();
        for (c, cell) in row.cells.iter().enumerate() {
            let Ok(c) = u16::try_from(c) else { break };
            let Some(c) = c.checked_add(shift) else { break };
            let fill = fills
                .iter()
                .find(|(col, _)| *col == u32::from(c - shift))
                .map(|(_, severity)| *severity);
            let look = Look::of(cell, fill);
            let away = copy.merges.away(row.row - 1, u32::from(c - shift));
            match cell {
                _ if away && fill.is_none() => {}
                // A blank cell with findings is shown filled, whatever blank it held.
                _ if fill.is_some() && (away || cell.is_blank()) => out.blank(c, Look { quoted: false, ..look }),
                RawCell::Empty => {}
                RawCell::Text(t) => out.text(c, look, t),
                RawCell::Number(n) => out.number(c, look, *n),
                RawCell::DateTime(dt) => out.number(c, look, dt.to_excel_serial_date()),
                RawCell::Bool(b) => out.boolean(c, look, *b),
                RawCell::Error(e) => out.text(c, look, e),
            }
        }
        // Findings on cells past the end of the row (a blank required value).
        for &(col, severity) in &fills {
            if col as usize >= row.cells.len() {
                let look = Look {
                    fill: Some(severity),
                    ..Look::PLAIN
                };
                out.blank((col as u16).saturating_add(shift), look);
            }
        }
        out.end_row();
        for ((_, col), (_, lines)) in notes.range((row.row, 0)..(row.row + 1, 0)) {
            let c = (*col as u16).saturating_add(shift);
            self.notes.add(&mut copy.sheet, r, c, lines.join("\n"))?;
        }
        Ok(())
    }

    fn finish(mut self) -> Result<Vec<u8>, String> {
        self.end_sheet();
        if let Some(e) = self.error.take() {
            return Err(e.to_string());
        }
        let book = self.book.save_to_buffer().map_err(|e| e.to_string())?;
        let book = self.notes.complete(book)?;
        match self.writer {
            Writer::Clerk => complete(book, &self.sheets),
            #[cfg(test)]
            Writer::Library => Ok(tests::with_merges(book, &self.sheets)),
        }
    }
}

impl SheetSink for Copier<'_> {
    fn begin_sheet(&mut self, sheet: &str, hidden: bool) -> bool {
        self.end_sheet();
        match self.start(sheet, hidden) {
            Ok(copy) => self.current = Some(Box::new(copy)),
            Err(e) => {
                self.error.get_or_insert(e);
            }
        }
        true
    }

    fn wants_row(&self, row: u32) -> bool {
        match &self.current {
            Some(copy) if copy.partial => shown_in_part(row, copy.header_row, |row| {
                copy.notes.range((row, 0)..(row + 1, 0)).next().is_some()
            }),
            Some(_) => true,
            None => false,
        }
    }

    fn merged_areas(&mut self, areas: &[Merge]) {
        // A copy of some rows only has none (its rows are not where they were).
        let Some(copy) = self.current.as_mut().filter(|copy| !copy.partial) else {
            return;
        };
        copy.merges = Merges::new(areas);
    }

    fn row(&mut self, row: SheetRow) {
        if !self.wants_row(row.row) {
            return;
        }
        let Some(mut copy) = self.current.take() else { return };
        copy.merges.reach(row.row - 1);
        copy.fit(&row, &self.row_label);
        if let Err(e) = self.write(&mut copy, &row) {
            self.error.get_or_insert(e);
        }
        self.current = Some(copy);
    }

    fn end_sheet(&mut self) {
        if let Some(mut copy) = self.current.take() {
            if let Err(e) = copy.widths.apply(&mut copy.sheet) {
                self.error.get_or_insert(e);
            }
            self.book.push_worksheet(copy.sheet);
            copy.rows.merges = copy.merges.areas;
            self.sheets.push(copy.rows);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::i18n::Lang;
    use crate::render::test_support::sample_month;

    /// A row as the previous version of clerk wrote it, cell by cell through rust_xlsxwriter: the
    /// reference for the rows clerk now writes itself.
    pub(super) fn write_with_library(
        report: &Report,
        copy_notes: &mut super::super::notes::CopyNotes,
        copy: &mut SheetCopy,
        row: &SheetRow,
    ) -> Result<(), XlsxError> {
        let date = Format::new().set_num_format("yyyy-mm-dd");
        let datetime = Format::new().set_num_format("yyyy-mm-dd hh:mm");
        let shift: u16 = if copy.partial { 1 } else { 0 };
        let sheet = &mut copy.sheet;
        let r = if copy.partial { copy.out_row } else { row.row - 1 };
        copy.out_row += 1;
        if copy.partial {
            if row.row == copy.header_row {
                sheet.write_string(r, 0, report.text().get("annotate.row"))?;
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
                    sheet.write_blank(r, c, &fill(*severity, &Format::new()))?;
                }
                continue;
            }
            let base = match cell {
                RawCell::DateTime(dt) if dt.time() == chrono::NaiveTime::MIN => Some(&date),
                RawCell::DateTime(_) => Some(&datetime),
                _ => None,
            };
            let filled = note.map(|(s, _)| fill(*s, base.unwrap_or(&Format::new())));
            match (cell, filled.as_ref().or(base)) {
                (RawCell::Empty, Some(format)) => drop(sheet.write_blank(r, c, format)?),
                (RawCell::Empty, None) => {}
                (RawCell::Text(t), None) if !super::super::xlsx::cell::looks_like_formula(t) => {
                    sheet.write_string(r, c, t.as_str())?;
                }
                (RawCell::Text(t), format) => {
                    super::super::xlsx::cell::put_text(sheet, r, c, t, format.unwrap_or(&Format::new()))?;
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
                sheet.write_blank(r, c, &fill(*severity, &Format::new()))?;
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
                let xml = super::super::ooxml::read_part(&book, &name).unwrap();
                let end = ["</sheetData>", "<sheetData/>"]
                    .iter()
                    .find_map(|e| Some(xml.find(e)? + e.len()));
                let end = end.unwrap();
                (name, format!("{}{}{}", &xml[..end], sheet.merge_cells(), &xml[end..]))
            })
            .collect();
        let names: Vec<&str> = parts.iter().map(|(n, _)| n.as_str()).collect();
        super::super::ooxml::rewrite_parts(book, &names, |name, out| {
            let xml = &parts.iter().find(|(n, _)| n == name).unwrap().1;
            out.write_all(xml.as_bytes())
        })
        .unwrap()
    }

    /// Asserts that clerk's copy and rust_xlsxwriter's have the same cells, sheets and notes.
    fn assert_same_copy(report: &Report, copy: &AnnotatedCopy, max_rows: u64) {
        let ours = render(report, copy, max_rows, Writer::Clerk).unwrap();
        let reference = render(report, copy, max_rows, Writer::Library).unwrap();
        crate::render::test_support::assert_same_workbook(&ours, &reference);
        for n in 1.. {
            let comments = format!("xl/comments{n}.xml");
            let Ok(theirs) = super::super::ooxml::read_part(&reference, &comments) else {
                break;
            };
            assert_eq!(
                super::super::ooxml::read_part(&ours, &comments).unwrap(),
                theirs,
                "{comments}"
            );
            let vml = format!("xl/drawings/vmlDrawing{n}.vml");
            let theirs = super::super::ooxml::read_part(&reference, &vml).unwrap();
            assert_eq!(super::super::ooxml::read_part(&ours, &vml).unwrap(), theirs, "{vml}");
        }
    }

    #[test]
    fn the_sample_months_copies_have_the_cells_rust_xlsxwriter_wrote() {
        let mut checked = sample_month(Lang::ZhHant, true);
        let mut kept = std::mem::take(&mut checked.registers.kept);
        let report = Report::build(&mut checked);
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
        let xml = super::super::ooxml::read_part(&book, "xl/worksheets/sheet1.xml").unwrap();
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
        let mut checked = sample_month(Lang::En, false);
        let report = Report::build(&mut checked);
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
        let mut checked = sample_month(Lang::En, false);
        let report = Report::build(&mut checked);
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

    #[test]
    fn every_kind_of_cell_is_copied_as_rust_xlsxwriter_wrote_it() {
        let mut checked = sample_month(Lang::En, false);
        let mut report = Report::build(&mut checked);
        let day = chrono::NaiveDate::from_ymd_opt(2026, 10, 5).unwrap();
        let rows = vec![
            SheetRow {
                row: 1,
                cells: [
                    "text", "formula", "spaces", "empty", "number", "date", "at", "flag", "error",
                ]
                .map(|h| RawCell::Text(h.into()))
                .to_vec(),
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
        ];
        let mut rows_with_findings = rows.clone();
        rows_with_findings.iter_mut().for_each(|r| r.row += 10);
        // An amount and a date merged (the date is left out), and a name over two rows, the
        // second with a finding.
        let merges = [(1, 4, 1, 5), (11, 0, 12, 0)];
        let kept = kept("Tom's list", &merges, rows.into_iter().chain(rows_with_findings));
        // A finding on every column of row 12 and past its end, and on both cells of row 13.
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
                message: format!("finding {i} & <more>"),
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
        let xml = super::super::ooxml::read_part(&book, "xl/worksheets/sheet1.xml").unwrap();
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
        let xml = super::super::ooxml::read_part(&partial, "xl/worksheets/sheet1.xml").unwrap();
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
        assert_eq!(target(d, "a/b.xlsx"), PathBuf::from("/r/annotated/a/b.xlsx"));
        assert_eq!(target(d, "a/b.ods"), PathBuf::from("/r/annotated/a/b.ods.xlsx"));
        assert_eq!(target(d, "v.csv"), PathBuf::from("/r/annotated/v.csv.xlsx"));
    }
}
