//! The Summary sheet (SPEC 3): the month at a glance — the registers read and their findings, the
//! findings by rule, the feedback and spend figures, the trend over earlier months, the files read
//! and skipped, the settings — with a band of charts on the right.

use rust_decimal::Decimal;
use rust_xlsxwriter::{
    Chart, ChartFormat, ChartLegendPosition, ChartSolidFill, ChartType, Format, FormatAlign, Workbook, XlsxError,
};

use super::cell::Cell;
use super::table::{Column, Columns, Look, Table};
use super::writer::SheetLayout;
use super::{footer, print_setup};
use crate::report::feedback::CountRow;
use crate::report::{InputRow, RegisterRow, Report, RuleRow, SkippedRow, TrendPoint};

/// Rows one chart takes in the chart band of the Summary (a chart is 288 px high).
const CHART_ROWS: u32 = 16;

/// The column of the chart band: right of the widest table (the files read, columns A–G), so
/// that a chart covers none of it.
const CHART_COLUMN: u16 = 8;

/// The registers, with their rows and findings; an absent register says why instead.
struct Registers;

impl Table for Registers {
    type Row = RegisterRow;
    const LOOK: Look = Look::Plain;
    fn columns<'r>(&'r self, c: &mut impl Columns<'r, RegisterRow>) {
        c.text("col.register", |r| &r.label);
        c.int(Column::by_heading("col.rows"), |r| r.present.then_some(r.rows));
        c.int(Column::by_heading("col.rows_covered"), |r| {
            r.present.then_some(r.covered)
        });
        c.int(Column::by_heading("col.errors"), |r| r.present.then_some(r.errors));
        c.int(Column::by_heading("col.warnings"), |r| r.present.then_some(r.warnings));
        c.int(Column::by_heading("col.infos"), |r| r.present.then_some(r.infos));
        c.cell("col.note".into(), |r| match r.present {
            true => Cell::Empty,
            false => Cell::text(&r.absent_text),
        });
    }
}

/// Every rule, with its findings this month.
struct FindingsByRule;

impl Table for FindingsByRule {
    type Row = RuleRow;
    const LOOK: Look = Look::Plain;
    fn columns<'r>(&'r self, c: &mut impl Columns<'r, RuleRow>) {
        c.text(Column::by_heading("col.rule"), |r| r.id);
        c.text("col.title", |r| &r.title);
        c.text(Column::by_heading("col.severity"), |r| &r.severity_text);
        c.text(Column::by_heading("col.clause"), |r| &r.clause);
        c.int(Column::by_heading("col.findings"), |r| r.count);
    }
}

/// Findings per month, from the reports of earlier months in the same folder.
struct Trend;

impl Table for Trend {
    type Row = TrendPoint;
    const LOOK: Look = Look::Plain;
    fn columns<'r>(&'r self, c: &mut impl Columns<'r, TrendPoint>) {
        c.text(Column::by_heading("report.period"), |t| &t.month);
        c.int(Column::by_heading("col.errors"), |t| t.errors);
        c.int(Column::by_heading("col.warnings"), |t| t.warnings);
        c.int(Column::by_heading("col.infos"), |t| t.infos);
    }
}

/// The sheets read.
struct Inputs;

impl Table for Inputs {
    type Row = InputRow;
    const LOOK: Look = Look::Plain;
    fn columns<'r>(&'r self, c: &mut impl Columns<'r, InputRow>) {
        c.text("col.file", |i| &i.file);
        c.text("col.sheet", |i| &i.sheet);
        c.text(Column::by_heading("col.register"), |i| &i.register_label);
        c.cell(Column::by_heading("col.header_row"), |i| {
            Cell::Number(i.header_row.into())
        });
        c.int(Column::by_heading("col.rows"), |i| i.rows);
        c.int(Column::by_heading("col.rows_covered"), |i| i.covered);
        c.cell("col.note".into(), |i| match i.note.is_empty() {
            true => Cell::Empty,
            false => Cell::text(&i.note),
        });
    }
}

/// The files and sheets not read, and why.
struct Skipped;

impl Table for Skipped {
    type Row = SkippedRow;
    const LOOK: Look = Look::Plain;
    fn columns<'r>(&'r self, c: &mut impl Columns<'r, SkippedRow>) {
        c.text("col.file", |s| &s.file);
        c.text(Column::by_heading("col.sheet"), |s| s.sheet.as_deref().unwrap_or(""));
        c.text("col.reason", |s| &s.reason_text);
        c.text("col.note", |s| &s.detail);
    }
}

/// The settings the month was checked with.
struct Settings;

impl Table for Settings {
    type Row = (String, String);
    fn columns<'r>(&'r self, c: &mut impl Columns<'r, (String, String)>) {
        c.text("col.setting", |(key, _)| key);
        c.text("col.value", |(_, value)| value);
    }
}

/// Feedback received by kind or by channel.
struct FeedbackCounts;

impl Table for FeedbackCounts {
    type Row = CountRow;
    fn columns<'r>(&'r self, c: &mut impl Columns<'r, CountRow>) {
        c.text("col.value", |r| &r.label);
        c.int("col.count", |r| r.received);
    }
}

/// Spend by guest class over the 12 months to as-of.
struct SpendByClass;

impl Table for SpendByClass {
    type Row = (String, Decimal);
    fn columns<'r>(&'r self, c: &mut impl Columns<'r, (String, Decimal)>) {
        c.text("col.class", |(class, _)| class);
        c.money("col.spend", |(_, spend)| *spend);
    }
}

/// Adds the Summary sheet.
pub(super) fn write_sheet(book: &mut Workbook, report: &Report) -> Result<(), XlsxError> {
    let text = report.text();
    let sheet = book.add_worksheet();
    sheet.set_name(text.get("sheet.summary"))?;
    let mut at = SheetLayout::new(sheet, text, None);
    let mut charts = ChartBand {
        sheet_name: text.get("sheet.summary"),
        row: 1,
    };
    heading(&mut at, report)?;
    at.row = 6;
    let header = at.table(
        &Registers,
        &report.registers,
        Some(&text.get("summary.registers")),
        "Registers",
    )?;
    if report.counts.total() > 0 {
        let chart = severity_chart(&charts.sheet_name, &at, header);
        charts.add(&mut at, &chart)?;
    }
    let header = at.table(
        &FindingsByRule,
        &report.rules,
        Some(&text.get("summary.by_rule")),
        "FindingsByRule",
    )?;
    if report.counts.total() > 0 {
        let chart = rule_chart(&charts.sheet_name, &at, header);
        charts.add(&mut at, &chart)?;
    }
    feedback(&mut at, &mut charts, report)?;
    spend_by_class(&mut at, &mut charts, report)?;
    if report.trend.len() >= 2 {
        let header = at.table(&Trend, &report.trend, Some(&text.get("summary.trend")), "Trend")?;
        let chart = trend_chart(&charts.sheet_name, &at, header);
        charts.add(&mut at, &chart)?;
    }
    at.table(&Inputs, &report.inputs, Some(&text.get("summary.inputs")), "Inputs")?;
    if !report.skipped.is_empty() {
        at.table(&Skipped, &report.skipped, Some(&text.get("summary.skipped")), "Skipped")?;
    }
    at.table(
        &Settings,
        &report.settings,
        Some(&text.get("summary.settings")),
        "Settings",
    )?;
    at.widths.clamp(1, 14.0, 60.0);
    at.widths.apply(at.sheet)?;
    print_setup(at.sheet, 0, &footer(report))?;
    at.sheet.set_repeat_rows(0, 0)?;
    Ok(())
}

/// The title, the period, the as-of date, where the settings came from, the version.
fn heading(at: &mut SheetLayout, report: &Report) -> Result<(), XlsxError> {
    let text = report.text();
    let title = Format::new().set_bold().set_font_size(16);
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("yyyy-mm-dd").set_align(FormatAlign::Left);
    let sheet = &mut *at.sheet;
    let line = format!("{} — {}", text.get("report.title"), report.company);
    sheet.write_string_with_format(0, 0, line, &title)?;
    sheet.write_string_with_format(1, 0, text.get("report.period"), &bold)?;
    sheet.write_string(1, 1, &report.period)?;
    sheet.write_string_with_format(2, 0, text.get("report.as_of"), &bold)?;
    sheet.write_date_with_format(2, 1, report.as_of, &date)?;
    sheet.write_string_with_format(3, 0, text.get("report.settings_source"), &bold)?;
    sheet.write_string(3, 1, &report.settings_source)?;
    sheet.write_string(4, 0, text.fmt("report.made_by", &[("version", crate::report::VERSION)]))?;
    at.widths.fit(0, &text.get("report.settings_source"));
    at.widths.fit(1, &report.period);
    Ok(())
}

/// Feedback by kind and by channel (SPEC 3.1), each with its chart, when feedback was given.
fn feedback(at: &mut SheetLayout, charts: &mut ChartBand, report: &Report) -> Result<(), XlsxError> {
    let f = &report.feedback;
    if !f.present || f.figures.received == 0 {
        return Ok(());
    }
    for (title_key, name, rows) in [
        ("summary.feedback_by_kind", "SummaryFeedbackKind", &f.by_kind),
        ("summary.feedback_by_channel", "SummaryFeedbackChannel", &f.by_channel),
    ] {
        let title = at.text.get(title_key);
        let header = at.table(&FeedbackCounts, rows, Some(&title), name)?;
        if !rows.is_empty() {
            let mut chart = table_chart(ChartType::Column, &charts.sheet_name, header, rows.len(), &title);
            chart.legend().set_hidden();
            charts.add(at, &chart)?;
        }
    }
    Ok(())
}

/// Spend by guest class over the 12 months to as-of, with its pie, when visits were given.
fn spend_by_class(at: &mut SheetLayout, charts: &mut ChartBand, report: &Report) -> Result<(), XlsxError> {
    let g = &report.guests;
    if !g.visits_present || g.year_by_group.iter().all(|v| v.is_zero()) {
        return Ok(());
    }
    let rows: Vec<(String, Decimal)> = crate::report::guests::GROUPS
        .iter()
        .zip(&g.year_by_group)
        .filter(|(_, spend)| !spend.is_zero())
        .map(|(group, spend)| (at.text.get(&format!("guests.group.{group}")), *spend))
        .collect();
    let title = at.text.get("summary.spend_by_class");
    let header = at.table(&SpendByClass, &rows, Some(&title), "SummarySpendByClass")?;
    let chart = table_chart(ChartType::Pie, &charts.sheet_name, header, rows.len(), &title);
    charts.add(at, &chart)
}

/// The charts of the Summary, one under the other right of the tables (columns I–P).
struct ChartBand {
    sheet_name: String,
    /// Where the next chart goes.
    row: u32,
}

impl ChartBand {
    fn add(&mut self, at: &mut SheetLayout, chart: &Chart) -> Result<(), XlsxError> {
        at.sheet.insert_chart(self.row, CHART_COLUMN, chart)?;
        self.row += CHART_ROWS;
        Ok(())
    }
}

/// The rows of the table whose header is at `header`, the layout being just under the table.
fn data_rows(at: &SheetLayout, header: u32) -> (u32, u32) {
    (header + 1, at.row - 2)
}

/// Findings by register and severity, stacked.
fn severity_chart(sheet: &str, at: &SheetLayout, header: u32) -> Chart {
    let (first, last) = data_rows(at, header);
    let mut chart = Chart::new(ChartType::BarStacked);
    for (col, key, color) in [
        (3u16, "col.errors", "#C00000"),
        (4, "col.warnings", "#ED7D31"),
        (5, "col.infos", "#5B9BD5"),
    ] {
        chart
            .add_series()
            .set_categories((sheet, first, 0, last, 0))
            .set_values((sheet, first, col, last, col))
            .set_name(at.text.get(key).as_str())
            .set_format(ChartFormat::new().set_solid_fill(ChartSolidFill::new().set_color(color)));
    }
    chart.title().set_name(at.text.get("summary.chart_severity").as_str());
    // In a bar chart the categories run up the vertical axis: list them top-down as in the table.
    chart.y_axis().set_reverse();
    chart.legend().set_position(ChartLegendPosition::Bottom);
    chart
}

/// Findings by rule.
fn rule_chart(sheet: &str, at: &SheetLayout, header: u32) -> Chart {
    let (first, last) = data_rows(at, header);
    let mut chart = Chart::new(ChartType::Bar);
    chart
        .add_series()
        .set_categories((sheet, first, 0, last, 0))
        .set_values((sheet, first, 4, last, 4))
        .set_name(at.text.get("col.findings").as_str());
    chart.title().set_name(at.text.get("summary.chart_title").as_str());
    chart.legend().set_hidden();
    chart.y_axis().set_reverse();
    chart
}

/// Findings per month, a line per severity.
fn trend_chart(sheet: &str, at: &SheetLayout, header: u32) -> Chart {
    let (first, last) = data_rows(at, header);
    let mut chart = Chart::new(ChartType::Line);
    for (col, key) in [(1u16, "col.errors"), (2, "col.warnings"), (3, "col.infos")] {
        chart
            .add_series()
            .set_categories((sheet, first, 0, last, 0))
            .set_values((sheet, first, col, last, col))
            .set_name(at.text.get(key).as_str());
    }
    chart.title().set_name(at.text.get("summary.trend").as_str());
    chart.legend().set_position(ChartLegendPosition::Bottom);
    chart
}

/// A chart of a two-column table (labels, values) whose header is at `header_row` of the sheet,
/// titled `title`.
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
