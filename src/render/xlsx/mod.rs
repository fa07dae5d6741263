//! The monthly workbook (SPEC 3): the Summary, the Findings, and the sheets of the rule
//! families — or a department's part of them, laid out the same from its part of the report
//! (`Report::part`: its findings, its registers' sheets, personal data masked). Real dates, tables with filters, frozen header rows, CJK-aware column widths, print
//! set-up, and fixed document properties so that a rerun writes identical bytes.
//!
//! Every table is declared once (`table.rs`) and written by one writer (`writer.rs`, with the fast
//! path for long tables in `long_tables.rs`); the sheets' modules (`summary.rs`, `findings/`,
//! `contracts.rs`, `feedback.rs`, `guests.rs`, `analysis.rs`) hold their tables' declarations and
//! the free-form parts around them (titles, headline figures, notes, signatures, charts).

mod analysis;
pub(crate) mod cell;
mod contracts;
mod excel_table;
mod feedback;
pub(crate) mod findings;
mod guests;
pub(crate) mod lifecycle;
pub(crate) mod long_tables;
mod summary;
pub(crate) mod table;
pub(crate) mod widths;
pub(crate) mod writer;

use std::path::Path;

use chrono::NaiveTime;
use rust_xlsxwriter::{DocProperties, Workbook, Worksheet, XlsxError};

use self::long_tables::LongTables;
use self::widths::Widths;
use crate::report::Report;

/// How a sheet prints (A4 landscape, page numbers, the period in the footer; see [`print_setup`]).
pub(crate) struct Print {
    /// The rows repeated at the top of every page from the first page that holds them: the
    /// heading of the sheet's main table (its last, so that no other table's pages carry it), or
    /// the sheet's title.
    pub(crate) title_rows: (u32, u32),
    /// The columns repeated on the left of every page when the sheet is wider than a page: what
    /// names a row (an order's number).
    pub(crate) key_columns: Option<(u16, u16)>,
    /// The columns that should fit the width of a page (the Summary's tables, not the charts
    /// right of them); none: every column the widths give, and `min_px` (a chart under a table).
    pub(crate) band: Option<u16>,
    pub(crate) min_px: u32,
}

impl Print {
    /// A sheet whose rows `title_rows` repeat on every page.
    pub(crate) fn rows(first: u32, last: u32) -> Print {
        Print {
            title_rows: (first, last),
            key_columns: None,
            band: None,
            min_px: 0,
        }
    }
}

/// The smallest scale a sheet is shrunk to so as to fit the width of a page: 11-point text stays
/// at 8 points or more (a sheet that would need less prints at full size, over several pages).
pub(crate) const MIN_SCALE: f64 = 0.73;

/// The printable width of an A4 page in landscape with [`print_setup`]'s margins, in pixels at 96
/// to the inch: 297 mm less two margins of half an inch, less 8 % that other programs than Excel
/// (LibreOffice, WPS; Excel on some printers) lay a column out wider by: a digit of Calibri 11 is
/// 7.4 pixels wide unrounded, not 7.
pub(crate) const PAGE_PX: f64 = (297.0 / 25.4 - 1.0) * 96.0 * 0.92;

/// A column `width` characters wide in pixels, as Excel and rust_xlsxwriter count them (Calibri 11:
/// a digit 7 pixels wide, 5 of padding).
pub(crate) fn column_px(width: f64) -> f64 {
    if width < 1.0 {
        (width * 12.0).round()
    } else {
        (width * 7.0).round() + 5.0
    }
}

/// Landscape A4 with narrow margins, `print.title_rows` repeated, page numbers and the period in
/// the footer. A sheet that fits the width of a page at [`MIN_SCALE`] or more is shrunk to fit
/// it; a wider one prints at full size over several pages, over then down (the pages of the same
/// rows follow one another, each with the key columns), so that no text is printed too small
/// to read.
pub(crate) fn print_setup(
    sheet: &mut Worksheet,
    widths: &Widths,
    print: &Print,
    footer: &str,
) -> Result<(), XlsxError> {
    sheet.set_landscape();
    sheet.set_paper_size(9); // A4
    sheet.set_margins(0.5, 0.5, 0.6, 0.7, 0.3, 0.3);
    sheet.set_repeat_rows(print.title_rows.0, print.title_rows.1)?;
    sheet.set_footer(footer);
    sheet.set_page_order(false); // over, then down
                                 // A column whose width was never set is 64 pixels wide.
    let columns = print.band.map_or(widths.0.len(), usize::from);
    let px: f64 = (0..columns)
        .map(|i| widths.0.get(i).map_or(64.0, |w| column_px(*w)))
        .sum();
    let px = px.max(f64::from(print.min_px));
    let scale = PAGE_PX / px;
    if scale >= 1.0 {
        return Ok(());
    }
    if scale >= MIN_SCALE {
        match print.band {
            None => drop(sheet.set_print_fit_to_pages(1, 0)),
            Some(_) => drop(sheet.set_print_scale((scale * 100.0).floor() as u16)),
        }
        return Ok(());
    }
    if let Some((first, last)) = print.key_columns {
        sheet.set_repeat_columns(first, last)?;
    }
    Ok(())
}

/// The page footer: company and period on the left, the sheet in the middle, page x / y on the
/// right (an `&` of the company's name written as Excel reads it, `&&`).
pub(crate) fn footer(report: &Report) -> String {
    let company: String = report.company.chars().take(80).collect();
    format!("&L{} {}&C&A&R&P / &N", company.replace('&', "&&"), report.period)
}

/// Renders the workbook to bytes.
pub fn render(report: &Report) -> Result<Vec<u8>, String> {
    render_into(report, std::io::Cursor::new(Vec::new())).map(std::io::Cursor::into_inner)
}

/// Renders the workbook into `out`, written as it is put together.
fn render_into<W: std::io::Write + std::io::Seek>(report: &Report, out: W) -> Result<W, String> {
    let mut long = LongTables::new();
    let (book, findings) = save(report, &mut long).map_err(|e| e.to_string())?;
    // The long tables and the Findings sheet are parts of their own: written side by side, then
    // put into the saved workbook in one pass.
    let (long_parts, findings_parts) = crate::base::parallel::both(
        || {
            let _t = crate::base::timing::Phase::start("long tables");
            long.parts(&book)
        },
        || {
            let _t = crate::base::timing::Phase::start("findings sheet");
            findings.parts(&book)
        },
    );
    let parts: Vec<Vec<u8>> = long_parts?.into_iter().chain([findings_parts?]).collect();
    super::ooxml::replace_parts_into(book, &parts, out)
        .map_err(|e| format!("the workbook could not be put together: {e}"))
}

/// The workbook as rust_xlsxwriter saves it, with the Findings sheet and the long tables still to
/// complete.
pub(crate) fn save<'a>(
    report: &'a Report,
    long: &mut LongTables,
) -> Result<(Vec<u8>, findings::Findings<'a>), XlsxError> {
    cell::set_currency(&report.currency);
    let mut book = Workbook::new();
    // Level 3 instead of 6: saving is a large share of a big run, for files about 6 % larger.
    book.set_zip_compression_level(3);
    let created = report.as_of.and_time(NaiveTime::MIN);
    let title = match &report.department {
        None => format!("{} {}", report.title, report.period),
        Some(department) => format!("{} {} {department}", report.title, report.period),
    };
    let properties = DocProperties::new()
        .set_title(title)
        .set_company(&report.company)
        .set_author("clerk")
        .set_creation_datetime(&created);
    book.set_properties(&properties);
    summary::write_sheet(&mut book, report)?;
    // The Findings sheet (the largest) takes its place after the Summary; its rows are written
    // into the saved workbook.
    let findings = findings::lay_out(&mut book, report, findings::MAX_LINKS)?;
    // A department's part holds the sheets of its own registers only.
    let families = report.families;
    lifecycle::write_sheet(&mut book, report)?;
    if families.contracts {
        contracts::write_sheet(&mut book, report, long)?;
    }
    if families.feedback {
        feedback::write_sheets(&mut book, report)?;
    }
    if families.guests {
        guests::write_sheet(&mut book, report, long)?;
        for a in &report.guests.analyses {
            analysis::write_sheet(&mut book, report, a, long)?;
        }
    }
    let _t = crate::base::timing::Phase::start("workbook save");
    Ok((book.save_to_buffer()?, findings))
}

/// Writes the workbook file.
pub fn write(report: &Report, path: &Path) -> Result<(), String> {
    let mut file = super::AtomicFile::create(path)?;
    render_into(report, file.out()).map_err(|e| format!("{}: {e}", path.display()))?;
    file.keep()
}

#[cfg(test)]
mod tests;
