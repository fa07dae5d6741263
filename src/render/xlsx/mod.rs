//! The monthly workbook (SPEC 3): Summary and Findings for now; later issues add the register
//! sheets. Real dates, tables with filters, frozen header rows, CJK-aware column widths, print
//! set-up, and fixed document properties so that a rerun writes identical bytes.

mod contracts;
mod feedback;
mod guests;

use std::path::Path;

use chrono::NaiveTime;
use rust_xlsxwriter::{
    Chart, ChartType, DocProperties, Format, FormatAlign, FormatBorder, Table, TableColumn, TableStyle, Workbook,
    Worksheet, XlsxError,
};
use unicode_width::UnicodeWidthStr;

use super::long_tables::{LongTables, PROBES};
use crate::report::Report;

/// Column widths follow the text's display width (CJK characters count double), within bounds.
pub(crate) struct Widths(pub(crate) Vec<f64>);

impl Widths {
    pub(crate) fn new() -> Self {
        Widths(Vec::new())
    }
    pub(crate) fn fit(&mut self, col: u16, text: &str) {
        let i = col as usize;
        if self.0.len() <= i {
            self.0.resize(i + 1, 8.0);
        }
        // Most cells of a long column cannot widen it any more, and are not measured.
        if width_bound(text) as f64 + 2.0 <= self.0[i] || self.0[i] >= 70.0 {
            return;
        }
        let width = text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0) as f64 + 2.0;
        self.0[i] = self.0[i].max(width.min(70.0));
    }
    pub(crate) fn apply(&self, sheet: &mut Worksheet) -> Result<(), XlsxError> {
        for (i, w) in self.0.iter().enumerate() {
            sheet.set_column_width(i as u16, *w)?;
        }
        Ok(())
    }
}

/// A bound on how wide `text` shows, without measuring it: a character one byte long (ASCII) is
/// at most one column wide, two bytes long at most one, three or four bytes long at most two —
/// so at most two columns for every three bytes outside ASCII (Chinese text: exactly that).
fn width_bound(text: &str) -> usize {
    let ascii = text.bytes().filter(u8::is_ascii).count();
    (2 * text.len() + ascii) / 3
}

/// Text a spreadsheet would take for a formula once someone edits the cell (`=`, `+`, `-`, `@`,
/// tab, carriage return). rust_xlsxwriter already stores every string as a string; such text also
/// gets Excel's quote prefix, so that it stays text after an edit (CSV/formula injection).
pub(crate) fn looks_like_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// Writes text, with the quote prefix where [`looks_like_formula`] says so.
pub(crate) fn put_text(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    text: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    if looks_like_formula(text) {
        sheet.write_string_with_format(row, col, text, &format.clone().set_quote_prefix())?;
    } else {
        sheet.write_string_with_format(row, col, text, format)?;
    }
    Ok(())
}

/// Landscape A4, fit to one page wide, the header row repeated on every page, page numbers.
pub(crate) fn print_setup(sheet: &mut Worksheet, header_row: u32, footer: &str) -> Result<(), XlsxError> {
    sheet.set_landscape();
    sheet.set_paper_size(9); // A4
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(header_row, header_row)?;
    sheet.set_footer(footer);
    Ok(())
}

thread_local! {
    /// The number format of amounts in this workbook, from the currency in the settings (set by
    /// [`render`] before any sheet is written, so every table shows money the same way).
    static MONEY_FORMAT: std::cell::RefCell<String> = std::cell::RefCell::new(money_format("CNY"));
}

/// `¥#,##0.00` for CNY, `$#,##0.00` for USD…; other codes are written before the number.
pub(crate) fn money_format(currency: &str) -> String {
    let symbol = match currency.trim().to_ascii_uppercase().as_str() {
        "CNY" | "RMB" | "JPY" => "¥".to_string(),
        "USD" => "$".to_string(),
        "HKD" => "HK$".to_string(),
        "TWD" | "NTD" => "NT$".to_string(),
        "EUR" => "€".to_string(),
        "GBP" => "£".to_string(),
        "" => String::new(),
        other => format!("\"{other} \""),
    };
    format!("{symbol}#,##0.00")
}

/// A chart of a two-column table written by [`write_table`] (labels, values) whose header is at
/// `header_row` of the sheet, titled `title`.
fn table_chart(kind: ChartType, sheet: &str, header_row: u32, rows: usize, title: &str) -> Chart {
    let (first, last) = (header_row + 1, header_row + rows as u32);
    let mut chart = Chart::new(kind);
    chart
        .add_series()
        .set_categories((sheet, first, 0, last, 0))
        .set_values((sheet, first, 1, last, 1))
        .set_name(title);
    chart.title().set_name(title);
    chart
}

/// Rows one chart takes in the chart band of the Summary (a chart is 288 px high).
const CHART_ROWS: u32 = 16;

/// The page footer: company and period on the left, page x / y on the right.
pub(crate) fn footer(report: &Report) -> String {
    format!("&L{} {}&R&P / &N", report.company, report.period)
}

/// A typed value for [`write_table`].
#[derive(Clone, Debug, PartialEq)]
#[allow(dead_code)] // the rule families' sheets use every variant
pub(crate) enum Cell {
    Empty,
    Text(String),
    Int(i64),
    /// An amount, shown with thousands separators and two decimals.
    Money(rust_decimal::Decimal),
    Date(chrono::NaiveDate),
    DateTime(chrono::NaiveDateTime),
    /// A share 0.0–1.0, shown as a percentage.
    Percent(f64),
}

impl Cell {
    pub(super) fn shown(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.clone(),
            Cell::Int(n) => format!("{n:>10}"),
            Cell::Money(m) => format!("{m:>14.2}"),
            Cell::Date(_) => "2026-10-31".into(),
            Cell::DateTime(_) => "2026-10-31 23:59".into(),
            Cell::Percent(_) => "100.0%".into(),
        }
    }
}

/// Writes a titled table at `first_row` of `sheet`: an optional title line, the header row, the
/// rows with real dates and number formats, as an Excel table named `name` (unique in the
/// workbook, letters/digits/underscore). Returns the row after the table. Column widths are
/// accumulated in `widths`; call [`Widths::apply`] once the sheet is done.
#[allow(clippy::too_many_arguments)]
pub(crate) fn write_table(
    sheet: &mut Worksheet,
    first_row: u32,
    title: Option<&str>,
    name: &str,
    headers: &[String],
    rows: &[Vec<Cell>],
    widths: &mut Widths,
) -> Result<u32, XlsxError> {
    table(sheet, None, first_row, title, name, headers, rows, widths)
}

/// [`write_table`] for a table that can run to many thousands of rows (one row per contract, per
/// guest): its rows are written into the saved workbook by `long` ([`LongTables`]) rather than
/// cell by cell through rust_xlsxwriter. Not for a table a chart draws on (rust_xlsxwriter fills
/// the chart's cache from the cells it holds).
#[allow(clippy::too_many_arguments)]
pub(crate) fn write_long_table(
    sheet: &mut Worksheet,
    long: &mut LongTables,
    first_row: u32,
    title: Option<&str>,
    name: &str,
    headers: &[String],
    rows: &[Vec<Cell>],
    widths: &mut Widths,
) -> Result<u32, XlsxError> {
    table(sheet, Some(long), first_row, title, name, headers, rows, widths)
}

#[allow(clippy::too_many_arguments)]
fn table(
    sheet: &mut Worksheet,
    long: Option<&mut LongTables>,
    first_row: u32,
    title: Option<&str>,
    name: &str,
    headers: &[String],
    rows: &[Vec<Cell>],
    widths: &mut Widths,
) -> Result<u32, XlsxError> {
    let section = Format::new()
        .set_bold()
        .set_font_size(12)
        .set_border_bottom(FormatBorder::Thin);
    let date = Format::new()
        .set_num_format("yyyy-mm-dd")
        .set_align(FormatAlign::Top)
        .set_align(FormatAlign::Left);
    let datetime = Format::new()
        .set_num_format("yyyy-mm-dd hh:mm")
        .set_align(FormatAlign::Top)
        .set_align(FormatAlign::Left);
    let int = Format::new().set_num_format("#,##0").set_align(FormatAlign::Top);
    let money = Format::new()
        .set_num_format(MONEY_FORMAT.with(|f| f.borrow().clone()))
        .set_align(FormatAlign::Top);
    let percent = Format::new().set_num_format("0.0%").set_align(FormatAlign::Top);
    let text = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let quoted = text.clone().set_quote_prefix();
    let format = |style: Style| match style {
        Style::Text => &text,
        Style::Quoted => &quoted,
        Style::Int => &int,
        Style::Money => &money,
        Style::Date => &date,
        Style::DateTime => &datetime,
        Style::Percent => &percent,
    };
    let mut row = first_row;
    if let Some(title) = title {
        sheet.write_string_with_format(row, 0, title, &section)?;
        row += 1;
    }
    let header_row = row;
    // Each column's most common format becomes the table column's: the table gives it to the
    // column's cells, and only to them (a worksheet column format would also reach the sheet's
    // titles and other tables), without a look-up of the format for every cell. Cells in another
    // format (a quote prefix, another type) are written with theirs after the table.
    let styles = column_styles(rows, headers.len());
    let formats: Vec<Option<&Format>> = styles.iter().map(|s| s.map(format)).collect();
    let last = header_row + rows.len() as u32;
    if let Some(long) = long.filter(|long| long.takes(rows.len())) {
        // Past a sheet's last row rust_xlsxwriter refuses the cells; so does this.
        if u64::from(header_row) + rows.len() as u64 >= 1_048_576 {
            return Err(XlsxError::RowColumnLimitError);
        }
        // The rows go in when the workbook is saved; the placeholder rows under the header hold
        // a probe cell in each format, written after the table so that they keep their own.
        long.add(
            sheet.name().as_str(),
            name,
            header_row,
            headers.len() as u16,
            rows,
            widths,
        );
        add_table(sheet, header_row, header_row + PROBES, headers, name, &formats, widths)?;
        for (k, style) in Style::ALL.iter().enumerate() {
            sheet.write_string_with_format(header_row + 1 + k as u32, 0, "x", format(*style))?;
        }
        return Ok(last + 2);
    }
    let mut others = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        let r_idx = header_row + 1 + i as u32;
        for (c, cell) in r.iter().enumerate() {
            let Some(style) = Style::of(cell) else { continue };
            let c = c as u16;
            match cell {
                Cell::Text(t) => widths.fit(c, t),
                _ => widths.fit(c, &cell.shown()),
            }
            if styles.get(c as usize).copied().flatten() != Some(style) {
                others.push((r_idx, c, cell, style));
                continue;
            }
            match cell {
                Cell::Empty => {}
                Cell::Text(t) => drop(sheet.write_string(r_idx, c, t)?),
                Cell::Int(n) => drop(sheet.write_number(r_idx, c, *n as f64)?),
                Cell::Money(m) => drop(sheet.write_number(r_idx, c, money_value(m))?),
                Cell::Date(d) => drop(sheet.write_datetime(r_idx, c, *d)?),
                Cell::DateTime(d) => drop(sheet.write_datetime(r_idx, c, *d)?),
                Cell::Percent(p) => drop(sheet.write_number(r_idx, c, *p)?),
            }
        }
    }
    add_table(sheet, header_row, last, headers, name, &formats, widths)?;
    for (r_idx, c, cell, style) in others {
        let format = format(style);
        match cell {
            Cell::Empty => {}
            Cell::Text(t) => drop(sheet.write_string_with_format(r_idx, c, t, format)?),
            Cell::Int(n) => drop(sheet.write_number_with_format(r_idx, c, *n as f64, format)?),
            Cell::Money(m) => drop(sheet.write_number_with_format(r_idx, c, money_value(m), format)?),
            Cell::Date(d) => drop(sheet.write_datetime_with_format(r_idx, c, *d, format)?),
            Cell::DateTime(d) => drop(sheet.write_datetime_with_format(r_idx, c, *d, format)?),
            Cell::Percent(p) => drop(sheet.write_number_with_format(r_idx, c, *p, format)?),
        }
    }
    Ok(last.max(header_row + 1) + 2)
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
pub(super) fn save<'a>(
    report: &'a Report,
    long: &mut LongTables,
) -> Result<(Vec<u8>, super::findings_sheet::Findings<'a>), XlsxError> {
    MONEY_FORMAT.with(|f| *f.borrow_mut() = money_format(&report.currency));
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

    let title = Format::new().set_bold().set_font_size(16);
    let plain = Format::new();
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("yyyy-mm-dd").set_align(FormatAlign::Left);
    let count = Format::new().set_num_format("#,##0");
    let section = Format::new()
        .set_bold()
        .set_font_size(12)
        .set_border_bottom(FormatBorder::Thin);
    let footer = footer(report);

    // ---- Summary
    let summary = book.add_worksheet();
    summary.set_name(text.get("sheet.summary"))?;
    let mut widths = Widths::new();
    summary.write_string_with_format(
        0,
        0,
        format!("{} — {}", text.get("report.title"), report.company),
        &title,
    )?;
    summary.write_string_with_format(1, 0, text.get("report.period"), &bold)?;
    summary.write_string(1, 1, &report.period)?;
    summary.write_string_with_format(2, 0, text.get("report.as_of"), &bold)?;
    summary.write_date_with_format(2, 1, report.as_of, &date)?;
    summary.write_string_with_format(3, 0, text.get("report.settings_source"), &bold)?;
    summary.write_string(3, 1, &report.settings_source)?;
    summary.write_string(4, 0, text.fmt("report.made_by", &[("version", crate::report::VERSION)]))?;
    widths.fit(0, &text.get("report.settings_source"));
    widths.fit(1, &report.period);

    // Registers
    let mut row = 6u32;
    summary.write_string_with_format(row, 0, text.get("summary.registers"), &section)?;
    row += 1;
    let headers = [
        text.get("col.register"),
        text.get("col.rows"),
        text.get("col.rows_covered"),
        text.get("col.errors"),
        text.get("col.warnings"),
        text.get("col.infos"),
        text.get("col.note"),
    ];
    let first = row;
    for r in &report.registers {
        row += 1;
        summary.write_string(row, 0, &r.label)?;
        widths.fit(0, &r.label);
        if r.present {
            for (c, n) in [
                (1, r.rows),
                (2, r.covered),
                (3, r.errors),
                (4, r.warnings),
                (5, r.infos),
            ] {
                summary.write_number_with_format(row, c, n as f64, &count)?;
            }
        } else {
            summary.write_string(row, 6, &r.absent_text)?;
            widths.fit(6, &r.absent_text);
        }
    }
    add_table(summary, first, row, &headers, "Registers", &[], &mut widths)?;
    let sheet_name = text.get("sheet.summary");
    // Charts stand in one band right of the tables (columns I–P), one under the other.
    let mut chart_row: u32 = 1;
    if report.counts.total() > 0 {
        // Findings by register and severity, stacked.
        let mut chart = Chart::new(ChartType::BarStacked);
        for (col, key, color) in [
            (3u16, "col.errors", "#C00000"),
            (4, "col.warnings", "#ED7D31"),
            (5, "col.infos", "#5B9BD5"),
        ] {
            chart
                .add_series()
                .set_categories((sheet_name.as_str(), first + 1, 0, row, 0))
                .set_values((sheet_name.as_str(), first + 1, col, row, col))
                .set_name(text.get(key).as_str())
                .set_format(
                    rust_xlsxwriter::ChartFormat::new()
                        .set_solid_fill(rust_xlsxwriter::ChartSolidFill::new().set_color(color)),
                );
        }
        chart.title().set_name(text.get("summary.chart_severity").as_str());
        // In a bar chart the categories run up the vertical axis: list them top-down as in the table.
        chart.y_axis().set_reverse();
        chart
            .legend()
            .set_position(rust_xlsxwriter::ChartLegendPosition::Bottom);
        summary.insert_chart(chart_row, 8, &chart)?;
        chart_row += CHART_ROWS;
    }

    // Findings by rule
    row += 2;
    summary.write_string_with_format(row, 0, text.get("summary.by_rule"), &section)?;
    row += 1;
    let rule_first = row;
    let headers = [
        text.get("col.rule"),
        text.get("col.title"),
        text.get("col.severity"),
        text.get("col.clause"),
        text.get("col.findings"),
    ];
    for r in &report.rules {
        row += 1;
        summary.write_string(row, 0, r.id)?;
        summary.write_string(row, 1, &r.title)?;
        summary.write_string(row, 2, &r.severity_text)?;
        summary.write_string(row, 3, r.clause)?;
        summary.write_number_with_format(row, 4, r.count as f64, &count)?;
        widths.fit(1, &r.title);
    }
    add_table(summary, rule_first, row, &headers, "FindingsByRule", &[], &mut widths)?;
    let rule_last = row;
    if report.counts.total() > 0 {
        let mut chart = Chart::new(ChartType::Bar);
        chart
            .add_series()
            .set_categories((sheet_name.as_str(), rule_first + 1, 0, rule_last, 0))
            .set_values((sheet_name.as_str(), rule_first + 1, 4, rule_last, 4))
            .set_name(text.get("col.findings").as_str());
        chart.title().set_name(text.get("summary.chart_title").as_str());
        chart.legend().set_hidden();
        chart.y_axis().set_reverse();
        // Right of the widest table (the sheets read, columns A–G), so it covers none of it.
        summary.insert_chart(chart_row, 8, &chart)?;
        chart_row += CHART_ROWS;
    }

    // Feedback by kind and by channel (SPEC 3.1), when a feedback register was given.
    if report.feedback.present && report.feedback.figures.received > 0 {
        let f = &report.feedback;
        for (title_key, name, rows) in [
            ("summary.feedback_by_kind", "SummaryFeedbackKind", &f.by_kind),
            ("summary.feedback_by_channel", "SummaryFeedbackChannel", &f.by_channel),
        ] {
            row += 2;
            let title = text.get(title_key);
            let cells: Vec<Vec<Cell>> = rows
                .iter()
                .map(|r| vec![Cell::Text(r.label.clone()), Cell::Int(r.received as i64)])
                .collect();
            let headers = [text.get("col.value"), text.get("col.count")];
            let header_row = row + 1;
            row = write_table(summary, row, Some(&title), name, &headers, &cells, &mut widths)? - 2;
            if !cells.is_empty() {
                let mut chart = table_chart(ChartType::Column, &sheet_name, header_row, cells.len(), &title);
                chart.legend().set_hidden();
                summary.insert_chart(chart_row, 8, &chart)?;
                chart_row += CHART_ROWS;
            }
        }
    }

    // Spend by guest class over the 12 months to as-of, when visits were given.
    let g = &report.guests;
    if g.visits_present && g.year_by_group.iter().any(|v| !v.is_zero()) {
        row += 2;
        let title = text.get("summary.spend_by_class");
        let cells: Vec<Vec<Cell>> = crate::report::guests::GROUPS
            .iter()
            .zip(&g.year_by_group)
            .filter(|(_, spend)| !spend.is_zero())
            .map(|(group, spend)| {
                vec![
                    Cell::Text(text.get(&format!("guests.group.{group}"))),
                    Cell::Money(*spend),
                ]
            })
            .collect();
        let headers = [text.get("col.class"), text.get("col.spend")];
        let header_row = row + 1;
        row = write_table(
            summary,
            row,
            Some(&title),
            "SummarySpendByClass",
            &headers,
            &cells,
            &mut widths,
        )? - 2;
        let chart = table_chart(ChartType::Pie, &sheet_name, header_row, cells.len(), &title);
        summary.insert_chart(chart_row, 8, &chart)?;
        chart_row += CHART_ROWS;
    }

    // Findings per month, when earlier months' reports lie in the same folder.
    if report.trend.len() >= 2 {
        row += 2;
        summary.write_string_with_format(row, 0, text.get("summary.trend"), &section)?;
        row += 1;
        let trend_first = row;
        let headers = [
            text.get("report.period"),
            text.get("col.errors"),
            text.get("col.warnings"),
            text.get("col.infos"),
        ];
        for t in &report.trend {
            row += 1;
            summary.write_string(row, 0, &t.month)?;
            summary.write_number_with_format(row, 1, t.errors as f64, &count)?;
            summary.write_number_with_format(row, 2, t.warnings as f64, &count)?;
            summary.write_number_with_format(row, 3, t.infos as f64, &count)?;
        }
        add_table(summary, trend_first, row, &headers, "Trend", &[], &mut widths)?;
        let mut chart = Chart::new(ChartType::Line);
        for (col, key) in [(1u16, "col.errors"), (2, "col.warnings"), (3, "col.infos")] {
            chart
                .add_series()
                .set_categories((sheet_name.as_str(), trend_first + 1, 0, row, 0))
                .set_values((sheet_name.as_str(), trend_first + 1, col, row, col))
                .set_name(text.get(key).as_str());
        }
        chart.title().set_name(text.get("summary.trend").as_str());
        chart
            .legend()
            .set_position(rust_xlsxwriter::ChartLegendPosition::Bottom);
        summary.insert_chart(chart_row, 8, &chart)?;
        // the last chart of the band
    }

    // Inputs
    row += 2;
    summary.write_string_with_format(row, 0, text.get("summary.inputs"), &section)?;
    row += 1;
    let input_first = row;
    let headers = [
        text.get("col.file"),
        text.get("col.sheet"),
        text.get("col.register"),
        text.get("col.header_row"),
        text.get("col.rows"),
        text.get("col.rows_covered"),
        text.get("col.note"),
    ];
    for i in &report.inputs {
        row += 1;
        put_text(summary, row, 0, &i.file, &plain)?;
        put_text(summary, row, 1, &i.sheet, &plain)?;
        summary.write_string(row, 2, &i.register_label)?;
        summary.write_number(row, 3, i.header_row)?;
        summary.write_number_with_format(row, 4, i.rows as f64, &count)?;
        summary.write_number_with_format(row, 5, i.covered as f64, &count)?;
        summary.write_string(row, 6, &i.note)?;
        widths.fit(0, &i.file);
        widths.fit(1, &i.sheet);
        widths.fit(6, &i.note);
    }
    if report.inputs.is_empty() {
        row += 1;
    }
    add_table(summary, input_first, row, &headers, "Inputs", &[], &mut widths)?;

    // Skipped
    if !report.skipped.is_empty() {
        row += 2;
        summary.write_string_with_format(row, 0, text.get("summary.skipped"), &section)?;
        row += 1;
        let first = row;
        let headers = [
            text.get("col.file"),
            text.get("col.sheet"),
            text.get("col.reason"),
            text.get("col.note"),
        ];
        for s in &report.skipped {
            row += 1;
            put_text(summary, row, 0, &s.file, &plain)?;
            put_text(summary, row, 1, s.sheet.as_deref().unwrap_or(""), &plain)?;
            summary.write_string(row, 2, &s.reason_text)?;
            put_text(summary, row, 3, &s.detail, &plain)?;
            widths.fit(0, &s.file);
            widths.fit(2, &s.reason_text);
            widths.fit(3, &s.detail);
        }
        add_table(summary, first, row, &headers, "Skipped", &[], &mut widths)?;
    }

    // Settings
    row += 2;
    let settings: Vec<Vec<Cell>> = report
        .settings
        .iter()
        .map(|(k, v)| vec![Cell::Text(k.clone()), Cell::Text(v.clone())])
        .collect();
    let headers = [text.get("col.setting"), text.get("col.value")];
    write_table(
        summary,
        row,
        Some(&text.get("summary.settings")),
        "Settings",
        &headers,
        &settings,
        &mut widths,
    )?;
    widths.0.resize(widths.0.len().max(2), 8.0);
    widths.0[1] = widths.0[1].clamp(14.0, 60.0);
    widths.apply(summary)?;
    print_setup(summary, 0, &footer)?;
    summary.set_repeat_rows(0, 0)?;

    // The Findings sheet (the largest) takes its place after the Summary; its rows are written
    // into the saved workbook.
    let findings = super::findings_sheet::lay_out(&mut book, report, super::findings_sheet::MAX_LINKS)?;
    contracts::write_sheets(&mut book, report, long)?;
    feedback::write_sheets(&mut book, report)?;
    guests::write_sheets(&mut book, report, long)?;
    let _t = crate::base::timing::Phase::start("workbook save");
    Ok((book.save_to_buffer()?, findings))
}

/// The format a [`Cell`] takes in [`write_table`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Style {
    Text,
    /// Text with the quote prefix ([`looks_like_formula`]).
    Quoted,
    Int,
    Money,
    Date,
    DateTime,
    Percent,
}

impl Style {
    pub(super) const ALL: [Style; 7] = [
        Style::Text,
        Style::Quoted,
        Style::Int,
        Style::Money,
        Style::Date,
        Style::DateTime,
        Style::Percent,
    ];

    /// The style's place in [`Style::ALL`].
    pub(super) fn index(self) -> usize {
        Style::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    /// None for an empty cell (written as no cell at all).
    pub(super) fn of(cell: &Cell) -> Option<Style> {
        Some(match cell {
            Cell::Empty => return None,
            Cell::Text(t) if t.is_empty() => return None,
            Cell::Text(t) if looks_like_formula(t) => Style::Quoted,
            Cell::Text(_) => Style::Text,
            Cell::Int(_) => Style::Int,
            Cell::Money(_) => Style::Money,
            Cell::Date(_) => Style::Date,
            Cell::DateTime(_) => Style::DateTime,
            Cell::Percent(_) => Style::Percent,
        })
    }
}

/// Each column's most common style (the first of equals), none for an empty column; quoted text
/// never (it is the exception).
fn column_styles(rows: &[Vec<Cell>], columns: usize) -> Vec<Option<Style>> {
    const ALL: [Style; 6] = [
        Style::Text,
        Style::Int,
        Style::Money,
        Style::Date,
        Style::DateTime,
        Style::Percent,
    ];
    (0..columns)
        .map(|c| {
            let mut counts = [0usize; 6];
            for cell in rows.iter().filter_map(|r| r.get(c)) {
                if let Some(i) = Style::of(cell).and_then(|s| ALL.iter().position(|a| *a == s)) {
                    counts[i] += 1;
                }
            }
            let (best, count) = counts
                .iter()
                .enumerate()
                .fold((0, 0), |b, (i, n)| if *n > b.1 { (i, *n) } else { b });
            (count > 0).then_some(ALL[best])
        })
        .collect()
}

pub(super) fn money_value(m: &rust_decimal::Decimal) -> f64 {
    rust_decimal::prelude::ToPrimitive::to_f64(m).unwrap_or(0.0)
}

/// Makes `header_row..=last_row` an Excel table (filters, banded rows) with `headers`; an empty
/// table keeps one blank row, as Excel requires. A column with a format in `formats` gives it to
/// every cell of the column written so far (and Excel to the rows added to the table later).
pub(crate) fn add_table(
    sheet: &mut Worksheet,
    header_row: u32,
    last_row: u32,
    headers: &[String],
    name: &str,
    formats: &[Option<&Format>],
    widths: &mut Widths,
) -> Result<(), XlsxError> {
    let columns: Vec<TableColumn> = (headers.iter().enumerate())
        .map(|(i, h)| match formats.get(i).copied().flatten() {
            Some(format) => TableColumn::new().set_header(h).set_format(format.clone()),
            None => TableColumn::new().set_header(h),
        })
        .collect();
    for (i, h) in headers.iter().enumerate() {
        widths.fit(i as u16, h);
        widths.fit(i as u16, "xxxx"); // room for the filter button
    }
    let table = Table::new()
        .set_columns(&columns)
        .set_name(name)
        .set_style(TableStyle::Medium2);
    let last_row = last_row.max(header_row + 1);
    sheet.add_table(header_row, 0, last_row, headers.len() as u16 - 1, &table)?;
    Ok(())
}

/// Writes the workbook file.
pub fn write(report: &Report, path: &Path) -> Result<(), String> {
    let bytes = render(report).map_err(|e| format!("{}: {e}", path.display()))?;
    super::write_atomically(path, &bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// No text shows wider than the bound the column widths skip measuring by — emoji,
        /// variation selectors, combining marks, control characters and all.
        #[test]
        fn no_text_is_wider_than_its_bound(
            text in "(\\PC|\\pC|[\u{fe0f}\u{200d}\u{1f1e6}-\u{1f1ff}\u{1f600}-\u{1f64f}☺✔]|文字|ｘ){0,24}"
        ) {
            let widest = text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0);
            proptest::prop_assert!(widest <= width_bound(&text), "{:?}: {} > {}", text, widest, width_bound(&text));
        }
    }

    #[test]
    fn chinese_text_is_bounded_by_its_width() {
        assert_eq!(width_bound("華東機械廠"), 10);
        assert_eq!(width_bound("HT-0001"), 7);
        assert_eq!(width_bound("G-001 王偉"), 10);
    }

    fn part(book: &[u8], name: &str) -> String {
        super::super::ooxml::read_part(book, name).unwrap()
    }

    /// The `<xf>` of `cell` in the first sheet (its attributes and alignment).
    fn xf_of(book: &[u8], cell: &str) -> String {
        let sheet = part(book, "xl/worksheets/sheet1.xml");
        let at = sheet
            .find(&format!("<c r=\"{cell}\""))
            .unwrap_or_else(|| panic!("no {cell}"));
        let tag = &sheet[at..at + sheet[at..].find('>').unwrap()];
        let s: usize = tag
            .split(" s=\"")
            .nth(1)
            .map_or(0, |s| s[..s.find('"').unwrap()].parse().unwrap());
        let styles = part(book, "xl/styles.xml");
        let xfs = &styles[styles.find("<cellXfs").unwrap()..styles.find("</cellXfs>").unwrap()];
        let xf = xfs.split("<xf ").nth(s + 1).unwrap();
        xf.split("</xf>").next().unwrap().to_string()
    }

    #[test]
    fn a_table_column_gives_its_format_to_its_cells_and_a_cell_of_another_kind_keeps_its_own() {
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write_string(0, 0, "Title above the table").unwrap();
        let rows = vec![
            vec![Cell::Text("plain".into()), Cell::Int(1_234)],
            vec![Cell::Text("=looks like a formula".into()), Cell::Int(5)],
            vec![Cell::Int(42), Cell::Text("n/a".into())],
            vec![Cell::Text("more".into()), Cell::Empty],
        ];
        let headers = ["What".to_string(), "Count".to_string()];
        let next = write_table(sheet, 1, None, "Mixed", &headers, &rows, &mut Widths::new()).unwrap();
        assert_eq!(next, 7, "two rows after the table");
        let book = book.save_to_buffer().unwrap();
        let int_format = |xf: &str| xf.contains("numFmtId=\"3\"") || xf.contains("numFmtId=\"16");
        // Text in the text column wraps and is top-aligned; formula-like text keeps its quote
        // prefix; a number in the text column has the number format.
        assert!(xf_of(&book, "A3").contains("wrapText=\"1\""), "{}", xf_of(&book, "A3"));
        assert!(
            xf_of(&book, "A4").contains("quotePrefix=\"1\""),
            "{}",
            xf_of(&book, "A4")
        );
        assert!(int_format(&xf_of(&book, "A5")), "{}", xf_of(&book, "A5"));
        assert!(!xf_of(&book, "A5").contains("wrapText"), "{}", xf_of(&book, "A5"));
        assert!(int_format(&xf_of(&book, "B3")), "{}", xf_of(&book, "B3"));
        assert!(xf_of(&book, "B5").contains("wrapText=\"1\""), "{}", xf_of(&book, "B5"));
        // The table's formats stay in the table: the title above it has the default style.
        assert!(!xf_of(&book, "A1").contains("applyAlignment"), "{}", xf_of(&book, "A1"));
        let sheet = part(&book, "xl/worksheets/sheet1.xml");
        assert!(!sheet.contains("<c r=\"B6\""), "an empty cell stays empty");
        let table = part(&book, "xl/tables/table1.xml");
        assert_eq!(table.matches("dataDxfId=").count(), 2, "{table}");
    }
}
