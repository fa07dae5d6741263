//! Since last month (issue 25), from the history: the Summary's block — new, carried over, fixed
//! and gone per department (routed as `[departments]` routes the HTML summaries), the oldest open
//! findings — and the sheet of last month's findings fixed (or gone) since.

use rust_xlsxwriter::{Workbook, XlsxError};

use super::guests::{finish, sheet_title};
use super::table::{Column, Columns, Table};
use super::writer::SheetLayout;
use crate::render::html::{Audience, Routing};
use crate::report::lifecycle::{ClosedRow, Lifecycle, OldestRow};
use crate::report::Report;
use crate::rules::finding::Status;

/// A department's findings by status.
pub(crate) struct DepartmentRow {
    pub(crate) label: String,
    pub(crate) new: usize,
    pub(crate) carried_over: usize,
    pub(crate) fixed: usize,
    pub(crate) gone: usize,
}

struct ByDepartment;

impl Table for ByDepartment {
    type Row = DepartmentRow;
    const FILTERS: bool = false;
    fn columns<'r>(&'r self, c: &mut impl Columns<'r, DepartmentRow>) {
        c.text("col.department", |r| &r.label);
        c.int("col.new", |r| r.new);
        c.int("col.carried_over", |r| r.carried_over);
        c.int("col.fixed", |r| r.fixed);
        c.int("col.gone", |r| r.gone);
    }
}

struct Oldest;

impl Table for Oldest {
    type Row = OldestRow;
    const FILTERS: bool = false;
    fn columns<'r>(&'r self, c: &mut impl Columns<'r, OldestRow>) {
        c.text("col.rule", |r| r.rule);
        c.text("col.register", |r| &r.register_label);
        c.text("col.record", |r| &r.record);
        c.text("col.first_reported", |r| &r.first_reported);
        // No message: the Summary prints on one page width (its messages are on the Findings sheet).
        c.int("col.months_open", |r| r.months);
    }
}

struct Closed;

impl Table for Closed {
    type Row = ClosedRow;
    fn columns<'r>(&'r self, c: &mut impl Columns<'r, ClosedRow>) {
        c.text("col.status", |r| &r.status_text);
        c.severity("col.severity", |r| (r.severity, &r.severity_text));
        c.text("col.rule", |r| &r.rule);
        c.text(Column::wrapped("col.message", 30.0, 70.0), |r| &r.message);
        c.text("col.register", |r| &r.register_label);
        c.text("col.record", |r| &r.record);
        c.text("col.file", |r| &r.file);
        c.text("col.sheet", |r| &r.sheet);
        c.text("col.cell", |r| &r.cell);
        c.text("col.field", |r| &r.field_label);
        c.text("col.first_reported", |r| &r.first_reported);
    }
}

/// Each department's findings by status, then all departments.
pub(crate) fn by_department(report: &Report, lifecycle: &Lifecycle) -> Vec<DepartmentRow> {
    let text = report.text();
    let routing = Routing::new(&report.departments);
    let count = |label: String, sees: &dyn Fn(&str, Option<crate::registers::Kind>) -> bool| {
        let status = |s: Status| {
            (report.findings.iter())
                .filter(|f| f.since.as_ref().is_some_and(|x| x.status == s) && sees(f.rule, Some(f.register)))
                .count()
        };
        let closed = |s: Status| {
            (lifecycle.closed.iter())
                .filter(|c| c.status == s && sees(&c.rule, c.register))
                .count()
        };
        DepartmentRow {
            label,
            new: status(Status::New),
            carried_over: status(Status::CarriedOver),
            fixed: closed(Status::Fixed),
            gone: closed(Status::Gone),
        }
    };
    let mut rows: Vec<DepartmentRow> = (routing.departments().into_iter())
        .map(|d| {
            let label = Audience::Department(d.to_string()).label(&text);
            count(label, &|rule, register| routing.routes_rule(d, rule, register))
        })
        .collect();
    rows.push(count(text.get("lifecycle.all"), &|_, _| true));
    rows
}

/// The Summary's block since last month, when the report keeps a history and a month before.
pub(super) fn summary_block(at: &mut SheetLayout, report: &Report) -> Result<(), XlsxError> {
    let Some(lifecycle) = &report.lifecycle else {
        return Ok(());
    };
    let Some(previous) = &lifecycle.previous else {
        return Ok(());
    };
    let text = report.text();
    let previous = crate::month::period_words(previous, &text);
    let title = text.fmt("lifecycle.title", &[("previous", &previous)]);
    let rows = by_department(report, lifecycle);
    at.table(&ByDepartment, &rows, Some(&title), "SinceLastMonth")?;
    if !lifecycle.oldest.is_empty() {
        let title = text.get("lifecycle.oldest");
        at.table(&Oldest, &lifecycle.oldest, Some(&title), "OldestOpen")?;
    }
    Ok(())
}

/// The sheet "Fixed since last month", when the report keeps a history and a month before.
pub(super) fn write_sheet(book: &mut Workbook, report: &Report) -> Result<(), XlsxError> {
    let Some(lifecycle) = &report.lifecycle else {
        return Ok(());
    };
    let Some(previous) = &lifecycle.previous else {
        return Ok(());
    };
    let text = report.text();
    let sheet = book.add_worksheet();
    sheet.set_name(text.get("sheet.fixed"))?;
    let mut at = SheetLayout::new(sheet, text, None);
    let title = format!("{} — {}", text.get("sheet.fixed"), report.company);
    let previous = crate::month::period_words(previous, &text);
    sheet_title(
        &mut at,
        &title,
        &text.fmt("lifecycle.title", &[("previous", &previous)]),
    )?;
    let main = at.table(&Closed, &lifecycle.closed, None, "FixedSinceLastMonth")?;
    finish(at, report, Some(main))
}
