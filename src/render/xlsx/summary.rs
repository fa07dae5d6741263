//! The Summary sheet (SPEC 3): the month at a glance — the registers read and their findings, the
//! findings by rule, the trend over earlier months, the feedback and spend figures, the files read
//! and skipped — in a band of tables (columns A–G), with the charts and the settings in a band
//! of their own on the right (from column I).
//!
//! The tables share the left band's columns, chosen so that each fits: a label or a file name in
//! A, numbers and short codes in B–F, a note in G (a rule's title, the longest text of its table,
//! goes first and wraps). The settings, whose keys and values are both long, would fit no such
//! grid and stand under the charts.

use rust_decimal::Decimal;
use rust_xlsxwriter::{
    Chart, ChartAxis, ChartEmptyCells, ChartFormat, ChartLegendPosition, ChartMarker, ChartMarkerType, ChartSolidFill,
    ChartType, Format, FormatAlign, Workbook, XlsxError,
};

use super::cell::Cell;
use super::table::{Column, Columns, Look, Table};
use super::writer::SheetLayout;
use super::{footer, print_setup, Print};
use crate::report::feedback::CountRow;
use crate::report::{InputRow, RegisterRow, Report, RuleRow, SkippedRow, TrendPoint};

/// Rows one chart takes in the chart band of the Summary (a chart is 288 px high).
const CHART_ROWS: u32 = 16;

/// The left band's columns (A–G), and the column of the right band: the charts and the settings.
pub(super) const BAND: u16 = 7;
const RIGHT: u16 = BAND + 1;

/// The row the first table (and the first chart) starts in: under the title lines and the line
/// for an empty period.
const FIRST_TABLE: u32 = 7;

/// The registers, with their rows and findings; an absent register says why instead.
struct Registers;

impl Table for Registers {
    type Row = RegisterRow;
    const FILTERS: bool = false;
    fn columns<'r>(&'r self, c: &mut impl Columns<'r, RegisterRow>) {
        c.text("col.register", |r| &r.label);
        c.int("col.rows", |r| r.present.then_some(r.rows));
        c.int("col.rows_covered", |r| r.present.then_some(r.covered));
        c.int("col.errors", |r| r.present.then_some(r.errors));
        c.int("col.warnings", |r| r.present.then_some(r.warnings));
        c.int("col.infos", |r| r.present.then_some(r.infos));
        c.cell(Column::wrapped("col.note", 10.0, 28.0), |r| match r.present {
            true => Cell::Empty,
            false => Cell::text(&r.absent_text),
        });
    }
}

/// Every rule, those with findings first (most first), with its findings this period. The title
/// leads (it is the longest, and wraps in the label column).
struct FindingsByRule;

impl Table for FindingsByRule {
    type Row = RuleRow;
    const FILTERS: bool = false;
    fn columns<'r>(&'r self, c: &mut impl Columns<'r, RuleRow>) {
        c.text(Column::wrapped("col.title", 10.0, 30.0), |r| &r.title);
        c.text("col.rule", |r| r.id);
        c.text("col.severity", |r| &r.severity_text);
        c.text("col.clause", |r| &r.clause);
        c.int("col.findings", |r| r.count);
    }
}

/// Findings per month, from the reports of earlier months in the same folder; a month without a
/// report says so.
struct Trend {
    no_report: String,
}

impl Table for Trend {
    type Row = TrendPoint;
    const LOOK: Look = Look::Plain;
    const FILTERS: bool = false;
    fn columns<'r>(&'r self, c: &mut impl Columns<'r, TrendPoint>) {
        c.text("report.period", |t| &t.month);
        c.int("col.errors", |t| t.reported.then_some(t.errors));
        c.int("col.warnings", |t| t.reported.then_some(t.warnings));
        c.int("col.infos", |t| t.reported.then_some(t.infos));
        c.text("col.note", |t| if t.reported { "" } else { &self.no_report });
    }
}

/// The sheets read.
struct Inputs;

impl Table for Inputs {
    type Row = InputRow;
    const FILTERS: bool = false;
    fn columns<'r>(&'r self, c: &mut impl Columns<'r, InputRow>) {
        c.text("col.file", |i| &i.file);
        c.text("col.sheet", |i| &i.sheet);
        c.text("col.register", |i| &i.register_label);
        c.cell(Column::from("col.header_row").right(), |i| {
            Cell::Number(i.header_row.into())
        });
        c.int("col.rows", |i| i.rows);
        c.int("col.rows_covered", |i| i.covered);
        c.cell(Column::wrapped("col.note", 10.0, 28.0), |i| match i.note.is_empty() {
            true => Cell::Empty,
            false => Cell::text(&i.note),
        });
    }
}

/// The files and sheets not read, and why.
struct Skipped;

impl Table for Skipped {
    type Row = SkippedRow;
    const FILTERS: bool = false;
    fn columns<'r>(&'r self, c: &mut impl Columns<'r, SkippedRow>) {
        c.text("col.file", |s| &s.file);
        c.text("col.sheet", |s| s.sheet.as_deref().unwrap_or(""));
        c.text(Column::wrapped("col.reason", 10.0, 24.0), |s| &s.reason_text);
        c.text(Column::wrapped("col.note", 10.0, 28.0), |s| &s.detail);
    }
}

/// The settings the month was checked with.
struct Settings;

impl Table for Settings {
    type Row = (String, String);
    fn columns<'r>(&'r self, c: &mut impl Columns<'r, (String, String)>) {
        c.text("col.setting", |(key, _)| key);
        c.text(Column::wrapped("col.value", 10.0, 60.0), |(_, value)| value);
    }
}

/// Feedback received by kind or by channel.
struct FeedbackCounts;

impl Table for FeedbackCounts {
    type Row = CountRow;
    const FILTERS: bool = false;
    fn columns<'r>(&'r self, c: &mut impl Columns<'r, CountRow>) {
        c.text("col.value", |r| &r.label);
        c.int("col.count", |r| r.received);
    }
}

/// Spend by guest class over the 12 months to as-of.
struct SpendByClass;

impl Table for SpendByClass {
    type Row = (String, Decimal);
    const FILTERS: bool = false;
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
        row: FIRST_TABLE,
    };
    heading(&mut at, report)?;
    at.row = FIRST_TABLE;
    let header = at.table(
        &Registers,
        &report.registers,
        Some(&text.get("summary.registers")),
        "Registers",
    )?;
    if report.counts.total() > 0 {
        let chart = severity_chart(&charts.sheet_name, &at, header, report);
        charts.add(&mut at, &chart, CHART_ROWS)?;
    }
    super::lifecycle::summary_block(&mut at, report)?;
    findings_by_rule(&mut at, &mut charts, report)?;
    trend(&mut at, &mut charts, report)?;
    feedback(&mut at, &mut charts, report)?;
    spend_by_class(&mut at, &mut charts, report)?;
    at.table(&Inputs, &report.inputs, Some(&text.get("summary.inputs")), "Inputs")?;
    if !report.skipped.is_empty() {
        at.table(&Skipped, &report.skipped, Some(&text.get("summary.skipped")), "Skipped")?;
    }
    // The settings: under the charts, in the right band.
    (at.row, at.col) = (charts.row, RIGHT);
    at.table(
        &Settings,
        &report.settings,
        Some(&text.get("summary.settings")),
        "Settings",
    )?;
    at.widths.at_least(BAND, 2.0);
    at.apply()?;
    at.sheet.set_column_width(BAND, 2.0)?;
    at.sheet.set_freeze_panes(1, 0)?;
    // The charts and the settings print on pages of their own, after the tables' pages.
    at.sheet.set_vertical_page_breaks(&[u32::from(RIGHT)])?;
    let print = Print {
        band: Some(BAND),
        ..Print::rows(0, 0)
    };
    print_setup(at.sheet, &at.widths, &print, &footer(report))
}

/// The title, the period, the as-of date, where the settings came from, the version; and, when
/// the period covers no dated row, the line that says so.
fn heading(at: &mut SheetLayout, report: &Report) -> Result<(), XlsxError> {
    let text = report.text();
    let title = Format::new().set_bold().set_font_size(16);
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("yyyy-mm-dd").set_align(FormatAlign::Left);
    let sheet = &mut *at.sheet;
    let line = match &report.department {
        None => format!("{} — {}", report.title, report.company),
        Some(department) => format!("{} — {} — {department}", report.title, report.company),
    };
    sheet.write_string_with_format(0, 0, line, &title)?;
    sheet.write_string_with_format(1, 0, text.get("report.period"), &bold)?;
    sheet.write_string(1, 1, &report.period)?;
    sheet.write_string_with_format(2, 0, text.get("report.as_of"), &bold)?;
    sheet.write_date_with_format(2, 1, report.as_of, &date)?;
    sheet.write_string_with_format(3, 0, text.get("report.settings_source"), &bold)?;
    sheet.write_string(3, 1, &report.settings_source)?;
    sheet.write_string(4, 0, text.fmt("report.made_by", &[("version", crate::report::VERSION)]))?;
    for key in ["report.period", "report.as_of", "report.settings_source"] {
        at.widths.fit(0, &text.get(key));
    }
    if let Some(notice) = report.empty_period_notice() {
        empty_period(at, &notice)?;
    }
    Ok(())
}

/// The line saying the period covers no dated row, across the left band, in red.
fn empty_period(at: &mut SheetLayout, notice: &str) -> Result<(), XlsxError> {
    let format = Format::new()
        .set_bold()
        .set_font_color("#9C0006")
        .set_background_color("#FFC7CE")
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    // About 110 characters a line across the band; a line is 15 points high.
    let lines = (super::cell::text_width(notice) / 100 + 1) as f64;
    at.sheet.set_row_height(5, 15.0 * lines + 3.0)?;
    at.sheet.merge_range(5, 0, 5, BAND - 1, notice, &format)?;
    Ok(())
}

/// Every rule with its findings, and a chart of those with findings.
fn findings_by_rule(at: &mut SheetLayout, charts: &mut ChartBand, report: &Report) -> Result<(), XlsxError> {
    // Most findings first; the rules without findings after, in the registry's order.
    let mut rules = report.rules.clone();
    rules.sort_by_key(|r| std::cmp::Reverse(r.count));
    let title = at.text.get("summary.by_rule");
    let header = at.table(&FindingsByRule, &rules, Some(&title), "FindingsByRule")?;
    let bars = rules.iter().take_while(|r| r.count > 0).count();
    if bars > 0 {
        let (chart, rows) = rule_chart(&charts.sheet_name, at, header, bars, rules[0].count);
        charts.add(at, &chart, rows)?;
    }
    Ok(())
}

/// Findings per month with its chart, once earlier months' reports are found.
fn trend(at: &mut SheetLayout, charts: &mut ChartBand, report: &Report) -> Result<(), XlsxError> {
    if report.trend.len() < 2 {
        return Ok(());
    }
    let table = Trend {
        no_report: at.text.get("summary.no_report"),
    };
    let title = at.text.get("summary.trend");
    let header = at.table(&table, &report.trend, Some(&title), "Trend")?;
    let chart = trend_chart(&charts.sheet_name, at, header, &report.trend);
    charts.add(at, &chart, CHART_ROWS)
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
            whole_numbers(chart.y_axis(), rows.iter().map(|r| r.received).max().unwrap_or(0));
            charts.add(at, &chart, CHART_ROWS)?;
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
    charts.add(at, &chart, CHART_ROWS)
}

/// The charts of the Summary, one under the other right of the tables (from column I).
struct ChartBand {
    sheet_name: String,
    /// Where the next chart goes.
    row: u32,
}

impl ChartBand {
    /// Puts `chart` at the next place, `rows` rows high.
    fn add(&mut self, at: &mut SheetLayout, chart: &Chart, rows: u32) -> Result<(), XlsxError> {
        at.sheet.insert_chart(self.row, RIGHT, chart)?;
        self.row += rows;
        Ok(())
    }
}

/// The rows of the table whose header is at `header`, the layout being just under the table.
fn data_rows(at: &SheetLayout, header: u32) -> (u32, u32) {
    (header + 1, at.row - 2)
}

/// Findings by register and severity, stacked.
fn severity_chart(sheet: &str, at: &SheetLayout, header: u32, report: &Report) -> Chart {
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
    let most = report.registers.iter().map(|r| r.errors + r.warnings + r.infos).max();
    whole_numbers(chart.x_axis(), most.unwrap_or(0));
    chart.legend().set_position(ChartLegendPosition::Bottom);
    chart
}

/// The rules with findings (the first `bars` rows of the table whose header is at `header`), most
/// first: a bar each, as thick as its label, every label shown, on an axis of whole findings; the
/// chart as high as its bars need. Returns the chart and the rows it takes.
fn rule_chart(sheet: &str, at: &SheetLayout, header: u32, bars: usize, most: usize) -> (Chart, u32) {
    let (first, last) = (header + 1, header + bars as u32);
    let mut chart = Chart::new(ChartType::Bar);
    chart
        .add_series()
        .set_categories((sheet, first, 1, last, 1))
        .set_values((sheet, first, 4, last, 4))
        .set_name(at.text.get("col.findings").as_str())
        .set_gap(40);
    chart.title().set_name(at.text.get("summary.chart_title").as_str());
    chart.legend().set_hidden();
    // In a bar chart the categories run up the vertical axis: list them top-down as in the table.
    chart.y_axis().set_reverse();
    whole_numbers(chart.x_axis(), most);
    // 90 px for the title and the axis, 24 px a bar: room for every label, which Excel then shows.
    let height = 90 + 24 * bars as u32;
    chart.set_height(height.max(200));
    (chart, height.max(200).div_ceil(20) + 2)
}

/// A value axis of counts up to `most`: from 0 in whole steps (1, 2 or 5 times a power of ten, at
/// most ten of them), never a half finding.
fn whole_numbers(axis: &mut ChartAxis, most: usize) {
    let step = (0..15)
        .flat_map(|power| [1, 2, 5].map(|m| m * 10usize.pow(power)))
        .find(|step| most.div_ceil(*step) <= 10)
        .unwrap_or(1);
    axis.set_min(0).set_major_unit(step as f64).set_num_format("#,##0");
}

/// Findings per month, a line per severity; a month without a report is a gap in the lines.
fn trend_chart(sheet: &str, at: &SheetLayout, header: u32, trend: &[TrendPoint]) -> Chart {
    let (first, last) = data_rows(at, header);
    let mut chart = Chart::new(ChartType::Line);
    for (col, key) in [(1u16, "col.errors"), (2, "col.warnings"), (3, "col.infos")] {
        chart
            .add_series()
            .set_categories((sheet, first, 0, last, 0))
            .set_values((sheet, first, col, last, col))
            .set_name(at.text.get(key).as_str())
            // A month between two gaps has no line to draw: its marker shows it.
            .set_marker(ChartMarker::new().set_type(ChartMarkerType::Circle).set_size(6));
    }
    chart.title().set_name(at.text.get("summary.trend").as_str());
    chart.legend().set_position(ChartLegendPosition::Bottom);
    chart.show_empty_cells_as(ChartEmptyCells::Gaps);
    let most = trend.iter().map(|t| t.errors.max(t.warnings).max(t.infos)).max();
    whole_numbers(chart.y_axis(), most.unwrap_or(0));
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
