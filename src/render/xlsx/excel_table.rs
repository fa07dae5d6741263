//! The Excel table a declared table is written as: banded rows, filter buttons where wanted, and
//! each heading aligned like its column's values (see [`super::writer`]).

use rust_xlsxwriter::{Format, TableColumn, TableStyle, Worksheet, XlsxError};

use super::cell::{text_width, Align};
use super::widths::{Widths, BUTTON, INDENT, MARGIN};

/// An Excel table as [`add_table`] makes it.
pub(crate) struct TableSpec<'a> {
    /// The header's row and first column (0-based).
    pub(crate) header: u32,
    pub(crate) first: u16,
    /// The last row (an empty table keeps one blank row, as Excel requires).
    pub(crate) last_row: u32,
    pub(crate) headings: &'a [String],
    pub(crate) name: &'a str,
    /// A column with a format gives it to every cell of the column written so far (and Excel to
    /// the rows added to the table later).
    pub(crate) formats: &'a [Option<&'a Format>],
    /// Where each column's values sit: its heading sits the same way (left when not given).
    pub(crate) aligns: &'a [Align],
    pub(crate) filters: bool,
}

/// Makes the rows of `spec` an Excel table (banded rows, filter buttons if wanted), each heading
/// aligned like its column's values, and fits `widths` to the headings.
pub(crate) fn add_table(sheet: &mut Worksheet, spec: &TableSpec, widths: &mut Widths) -> Result<(), XlsxError> {
    let columns: Vec<TableColumn> = (spec.headings.iter().enumerate())
        .map(|(i, h)| {
            let align = spec.aligns.get(i).copied().unwrap_or(Align::Left);
            let column = TableColumn::new()
                .set_header(h)
                .set_header_format(heading_format(align, spec.filters));
            match spec.formats.get(i).copied().flatten() {
                Some(format) => column.set_format(format.clone()),
                None => column,
            }
        })
        .collect();
    for (i, h) in spec.headings.iter().enumerate() {
        let align = spec.aligns.get(i).copied().unwrap_or(Align::Left);
        widths.at_least(spec.first + i as u16, heading_width(h, align, spec.filters));
    }
    let table = rust_xlsxwriter::Table::new()
        .set_columns(&columns)
        .set_name(spec.name)
        .set_autofilter(spec.filters)
        .set_style(TableStyle::Medium2);
    let last_row = spec.last_row.max(spec.header + 1);
    let last_col = spec.first + spec.headings.len() as u16 - 1;
    sheet.add_table(spec.header, spec.first, last_row, last_col, &table)?;
    Ok(())
}

/// A heading's format: aligned like its values; a number's heading indented past the filter
/// button, if any.
fn heading_format(align: Align, filters: bool) -> Format {
    align.on(Format::new(), if filters { 2 } else { 1 })
}

/// The width a heading needs: its text, the margins, the filter button or the indent.
fn heading_width(heading: &str, align: Align, filters: bool) -> f64 {
    let room = match (align, filters) {
        (Align::Left, true) => BUTTON,
        (Align::Left, false) => 0.0,
        (Align::Right, true) => 2.0 * INDENT,
        (Align::Right, false) => INDENT,
    };
    text_width(heading) as f64 + MARGIN + room
}
