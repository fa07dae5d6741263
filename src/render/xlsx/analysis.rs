//! The quarter-end consumption analyses (SPEC 3.5), one sheet each for the quarter, half-year or
//! year ending with the report period: figures, spend by class and by month with their charts,
//! the top guests, the class changes proposed, the spend of every guest.

use chrono::NaiveDate;
use rust_xlsxwriter::{Chart, ChartType, Workbook, XlsxError};

use super::cell::Cell;
use super::guests::{finish, note, note_at, sheet_title, Figure, Figures};
use super::long_tables::LongTables;
use super::table::{Columns, Table};
use super::writer::SheetLayout;
use crate::report::guests::{Analysis, GroupRow, GuestSpendRow, MonthRow, TOP_GUESTS};
use crate::report::Report;

/// Rows a chart takes on the sheet, so that the next table starts below it.
const CHART_ROWS: u32 = 17;

/// Spend by class (the groups of [`crate::report::guests::GROUPS`]).
struct ByClass;

impl Table for ByClass {
    type Row = GroupRow;
    const FILTERS: bool = false;
    fn columns<'r>(&'r self, c: &mut impl Columns<'r, GroupRow>) {
        c.text("guests.col.group", |g| &g.label);
        c.int("guests.col.profiles", |g| g.profiles);
        c.int("guests.col.guests_with_visits", |g| g.guests_with_visits);
        c.int("guests.col.visits", |g| g.visits);
        c.money("guests.col.spend", |g| g.spend);
        c.percent("guests.col.share", |g| Some(g.share));
        c.money("guests.col.average", |g| g.average);
        c.money("guests.col.trailing_spend", |g| g.trailing_spend);
    }
}

/// Spend by month, per group.
struct ByMonth;

impl Table for ByMonth {
    type Row = MonthRow;
    const FILTERS: bool = false;
    fn columns<'r>(&'r self, c: &mut impl Columns<'r, MonthRow>) {
        c.text("guests.col.month", |m| &m.month);
        c.money("guests.group.A", |m| m.by_group.first().copied());
        c.money("guests.group.B", |m| m.by_group.get(1).copied());
        c.money("guests.group.C", |m| m.by_group.get(2).copied());
        c.money("guests.group.none", |m| m.by_group.get(3).copied());
        c.money("guests.group.unmatched", |m| m.by_group.get(4).copied());
        c.money("guests.col.spend", |m| m.spend);
        c.int("guests.col.visits", |m| m.visits);
    }
}

/// The guests who spent the most, ranked.
struct TopGuests;

impl Table for TopGuests {
    type Row = GuestSpendRow;
    const LONG: bool = true;
    fn columns<'r>(&'r self, c: &mut impl Columns<'r, GuestSpendRow>) {
        c.rank("guests.col.rank");
        c.text("guests.col.guest_id", |g| &g.guest_id);
        c.text("guests.col.name", |g| &g.name);
        c.text("guests.col.company", |g| &g.company);
        c.text("guests.col.class", |g| &g.class);
        c.money("guests.col.spend", |g| g.spend);
        c.int("guests.col.visits", |g| g.visits);
        c.money("guests.col.average", |g| g.average);
    }
}

/// The guests whose trailing year earns another class.
struct Changes;

impl Table for Changes {
    type Row = GuestSpendRow;
    const LONG: bool = true;
    fn columns<'r>(&'r self, c: &mut impl Columns<'r, GuestSpendRow>) {
        c.text("guests.col.guest_id", |g| &g.guest_id);
        c.text("guests.col.name", |g| &g.name);
        c.text("guests.col.company", |g| &g.company);
        c.text("guests.col.recorded", |g| &g.class);
        c.text("guests.col.proposed", |g| &g.proposed);
        c.money("guests.col.trailing_spend", |g| g.trailing_spend);
        c.int("guests.col.trailing_visits", |g| g.trailing_visits);
    }
}

/// The spend of every guest with visits.
struct PerGuest;

impl Table for PerGuest {
    type Row = GuestSpendRow;
    const LONG: bool = true;
    fn columns<'r>(&'r self, c: &mut impl Columns<'r, GuestSpendRow>) {
        c.text("guests.col.guest_id", |g| &g.guest_id);
        c.text("guests.col.name", |g| &g.name);
        c.text("guests.col.company", |g| &g.company);
        c.text("guests.col.class", |g| &g.class);
        c.money("guests.col.spend", |g| g.spend);
        c.int("guests.col.visits", |g| g.visits);
        c.money("guests.col.average", |g| g.average);
        c.money("guests.col.trailing_spend", |g| g.trailing_spend);
        c.int("guests.col.trailing_visits", |g| g.trailing_visits);
        c.text("guests.col.spend_class", |g| &g.spend_class);
        c.text("guests.col.proposed", |g| &g.proposed);
    }
}

/// Adds the sheet of analysis `a`.
pub(super) fn write_sheet(
    book: &mut Workbook,
    report: &Report,
    a: &Analysis,
    long: &mut LongTables,
) -> Result<(), XlsxError> {
    let text = report.text();
    let guests_present = report.guests.guests_present;
    let sheet_name = text.get(&format!("guests.analysis.{}", a.scope));
    // The tables' names: unique in the workbook, so each sheet's have a prefix of their own.
    let prefix = match a.scope {
        "quarter" => "GuestsQ",
        "half" => "GuestsH",
        _ => "GuestsY",
    };
    let sheet = book.add_worksheet();
    sheet.set_name(&sheet_name)?;
    let mut at = SheetLayout::new(sheet, text, Some(long));
    let day = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let title = format!("{} {} — {}", sheet_name, a.label, report.company);
    let (start, end, trailing) = (day(a.start), day(a.end), day(a.trailing_start));
    let args = [
        ("start", start.as_str()),
        ("end", &end),
        ("trailing", &trailing),
        ("currency", &report.currency),
    ];
    sheet_title(&mut at, &title, &text.fmt("guests.analysis.subtitle", &args))?;

    let figures = figures(report, a);
    at.table(
        &Figures,
        &figures,
        Some(&text.get("guests.figures")),
        &format!("{prefix}_Figures"),
    )?;
    if !guests_present {
        note(&mut at, None, &text.get("guests.note.no_guests_analysis"))?;
    } else {
        let title = text.get("guests.by_class.title");
        let header = at.table(&ByClass, &a.by_group, Some(&title), &format!("{prefix}_ByClass"))?;
        if !a.spend.is_zero() {
            let chart = class_chart(&at, &sheet_name, header, a.by_group.len());
            chart_under(&mut at, &chart)?;
        }
    }
    let title = text.get("guests.by_month.title");
    let header = at.table(&ByMonth, &a.by_month, Some(&title), &format!("{prefix}_ByMonth"))?;
    if !a.spend.is_zero() && !a.by_month.is_empty() {
        let chart = month_chart(&at, &sheet_name, header, a);
        chart_under(&mut at, &chart)?;
    }
    let main = match guests_present {
        true => Some(guest_tables(&mut at, a, prefix)?),
        false => None,
    };
    finish(at, report, main)
}

/// The top guests, the class changes proposed, and the spend of every guest (the sheet's main
/// table, last); returns the row of the main table's header.
fn guest_tables(at: &mut SheetLayout, a: &Analysis, prefix: &str) -> Result<u32, XlsxError> {
    let text = at.text;
    let title = text.fmt("guests.top.title", &[("n", &TOP_GUESTS.to_string())]);
    at.table(&TopGuests, &a.top, Some(&title), &format!("{prefix}_Top"))?;
    let title = text.get("guests.changes.title");
    at.table(&Changes, &a.changes, Some(&title), &format!("{prefix}_Changes"))?;
    let title = text.get("guests.per_guest.title");
    let main = at.table(&PerGuest, &a.guests, Some(&title), &format!("{prefix}_Guests"))?;
    if a.guests_left_out > 0 {
        let line = text.fmt("guests.note.left_out", &[("n", &a.guests_left_out.to_string())]);
        note_at(at.sheet, at.row - 1, None, &line)?;
    }
    Ok(main)
}

/// The analysis figures: spend, visits, the average, the trailing year; with a guest register,
/// the guests with visits and the class changes.
fn figures(report: &Report, a: &Analysis) -> Vec<Figure> {
    let text = report.text();
    let money =
        |key: &str, m: Option<rust_decimal::Decimal>| Figure::new(text.get(key), m.map_or(Cell::Empty, Cell::Money));
    let count = |key: &str, n: i64| Figure::new(text.get(key), Cell::Int(n));
    let mut figures = vec![
        money("guests.fig.spend", Some(a.spend)),
        count("guests.fig.visits", a.visits.into()),
        money("guests.fig.average", a.average),
        money("guests.fig.trailing_spend", Some(a.trailing_spend)),
    ];
    if report.guests.guests_present {
        figures.push(count("guests.fig.guests_with_visits", a.guests_with_visits as i64));
        figures.push(count("guests.fig.upgrades", a.upgrades as i64));
        figures.push(count("guests.fig.downgrades", a.downgrades as i64));
    }
    figures
}

/// Puts `chart` just under the table above it, and the next part under the chart.
fn chart_under(at: &mut SheetLayout, chart: &Chart) -> Result<(), XlsxError> {
    at.sheet.insert_chart(at.row - 1, 0, chart)?;
    at.row += CHART_ROWS;
    Ok(())
}

/// Spend by class, a column each (the by-class table's header at `header`, `rows` rows).
fn class_chart(at: &SheetLayout, sheet: &str, header: u32, rows: usize) -> Chart {
    let (first, last) = (header + 1, header + rows as u32);
    let mut chart = Chart::new(ChartType::Column);
    chart
        .add_series()
        .set_categories((sheet, first, 0, last, 0))
        .set_values((sheet, first, 4, last, 4))
        .set_name(at.text.get("guests.col.spend").as_str());
    chart.title().set_name(at.text.get("guests.chart.by_class").as_str());
    chart.legend().set_hidden();
    chart.y_axis().set_num_format("#,##0");
    chart.set_width(640).set_height(300);
    chart
}

/// Spend by month, stacked by the groups that spent anything.
fn month_chart(at: &SheetLayout, sheet: &str, header: u32, a: &Analysis) -> Chart {
    let (first, last) = (header + 1, header + a.by_month.len() as u32);
    let mut chart = Chart::new(ChartType::ColumnStacked);
    for (g, group) in crate::report::guests::GROUPS.iter().enumerate() {
        if a.by_month.iter().all(|m| m.by_group[g].is_zero()) {
            continue;
        }
        let col = g as u16 + 1;
        chart
            .add_series()
            .set_categories((sheet, first, 0, last, 0))
            .set_values((sheet, first, col, last, col))
            .set_name(at.text.get(&format!("guests.group.{group}")).as_str());
    }
    chart.title().set_name(at.text.get("guests.chart.by_month").as_str());
    chart.y_axis().set_num_format("#,##0");
    chart.set_width(640).set_height(300);
    chart
}
