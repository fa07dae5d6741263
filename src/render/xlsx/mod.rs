//! The monthly workbook (SPEC 3): the Summary, the Findings, and the sheets of the rule
//! families. Real dates, tables with filters, frozen header rows, CJK-aware column widths, print
//! set-up, and fixed document properties so that a rerun writes identical bytes.
//!
//! Every table is declared once (`table.rs`) and written by one writer (`writer.rs`, with the fast
//! path for long tables in `long_tables.rs`); the sheets' modules (`summary.rs`, `findings/`,
//! `contracts.rs`, `feedback.rs`, `guests.rs`, `analysis.rs`) hold their tables' declarations and
//! the free-form parts around them (titles, headline figures, notes, signatures, charts).

mod analysis;
pub(crate) mod cell;
mod contracts;
mod feedback;
pub(crate) mod findings;
mod guests;
pub(crate) mod long_tables;
mod summary;
pub(crate) mod table;
pub(crate) mod widths;
pub(crate) mod writer;

use std::path::Path;

use chrono::NaiveTime;
use rust_xlsxwriter::{DocProperties, Workbook, Worksheet, XlsxError};

use self::long_tables::LongTables;
use crate::report::Report;

/// Landscape A4, fit to one page wide, the header row repeated on every page, page numbers.
pub(crate) fn print_setup(sheet: &mut Worksheet, header_row: u32, footer: &str) -> Result<(), XlsxError> {
    sheet.set_landscape();
    sheet.set_paper_size(9); // A4
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(header_row, header_row)?;
    sheet.set_footer(footer);
    Ok(())
}

/// The page footer: company and period on the left, page x / y on the right.
pub(crate) fn footer(report: &Report) -> String {
    format!("&L{} {}&R&P / &N", report.company, report.period)
}

/// Renders the workbook to bytes.
pub fn render(report: &Report) -> Result<Vec<u8>, String> {
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
    super::ooxml::replace_parts(book, &parts).map_err(|e| format!("the workbook could not be put together: {e}"))
}

/// The workbook as rust_xlsxwriter saves it, with the Findings sheet and the long tables still to
/// complete.
pub(crate) fn save<'a>(
    report: &'a Report,
    long: &mut LongTables,
) -> Result<(Vec<u8>, findings::Findings<'a>), XlsxError> {
    cell::set_currency(&report.currency);
    let text = report.text();
    let mut book = Workbook::new();
    // Level 3 instead of 6: saving is a large share of a big run, for files about 6 % larger.
    book.set_zip_compression_level(3);
    let created = report.as_of.and_time(NaiveTime::MIN);
    let properties = DocProperties::new()
        .set_title(format!("{} {}", text.get("report.title"), report.period))
        .set_company(&report.company)
        .set_author("clerk")
        .set_creation_datetime(&created);
    book.set_properties(&properties);
    summary::write_sheet(&mut book, report)?;
    // The Findings sheet (the largest) takes its place after the Summary; its rows are written
    // into the saved workbook.
    let findings = findings::lay_out(&mut book, report, findings::MAX_LINKS)?;
    contracts::write_sheet(&mut book, report, long)?;
    feedback::write_sheets(&mut book, report)?;
    guests::write_sheet(&mut book, report, long)?;
    for a in &report.guests.analyses {
        analysis::write_sheet(&mut book, report, a, long)?;
    }
    let _t = crate::base::timing::Phase::start("workbook save");
    Ok((book.save_to_buffer()?, findings))
}

/// Writes the workbook file.
pub fn write(report: &Report, path: &Path) -> Result<(), String> {
    let bytes = render(report).map_err(|e| format!("{}: {e}", path.display()))?;
    super::write_atomically(path, &bytes)
}

#[cfg(test)]
mod tests {
    use crate::base::i18n::Lang;
    use crate::render::ooxml::{attribute, read_part};
    use crate::render::tests::{elements, sample_month};

    #[test]
    fn every_heading_of_every_table_is_worded_in_the_report_language() {
        for lang in [Lang::En, Lang::ZhHant, Lang::ZhHans] {
            let report = sample_month(lang, false).report;
            let book = super::render(&report).unwrap();
            let mut headings = 0;
            for t in 1.. {
                let Ok(table) = read_part(&book, &format!("xl/tables/table{t}.xml")) else {
                    break;
                };
                for column in elements(&table, "tableColumn") {
                    let name = attribute(column, "name").unwrap();
                    let key = name.contains('.') && name.chars().all(|c| c.is_ascii_lowercase() || "._".contains(c));
                    assert!(!key, "{lang:?}: a heading is its catalogue key: {name}");
                    headings += 1;
                }
            }
            assert!(headings > 100, "{headings}");
        }
    }
}
