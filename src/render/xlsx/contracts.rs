//! The Contract reviews sheet (SPEC 3.3), laid out from the report model: the headline, the
//! summary figures and the counts by document type and product category, the month's
//! amendments, then the month's contracts — the sheet's main table, last, so that its heading is
//! the one repeated on every printed page (with the order's number on the left of each page).
//!
//! The short tables start in column B, the contracts' customer column, whose width suits their
//! labels; column A holds the orders' numbers.

use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::long_tables::LongTables;
use super::table::Column;
use super::table::{Columns, Table};
use super::writer::SheetLayout;
use super::{footer, print_setup, Print};
use crate::report::contracts::{headline, percent, AmendmentRow, ContractRow, ContractText};
use crate::report::Report;

/// The month's contracts, one row each, with what their review required and what it was.
struct ContractReviews;

impl Table for ContractReviews {
    type Row = ContractRow;
    const LONG: bool = true;
    fn columns<'r>(&'r self, c: &mut impl Columns<'r, ContractRow>) {
        c.text("contracts.col.id", |r| r.text(ContractText::Id));
        c.text(Column::wrapped("contracts.col.customer", 10.0, 30.0), |r| {
            r.text(ContractText::Customer)
        });
        c.text("contracts.col.document_type", |r| r.text(ContractText::DocumentType));
        c.text("contracts.col.product_category", |r| {
            r.text(ContractText::ProductCategory)
        });
        c.money("contracts.col.amount", |r| r.values.amount);
        c.date("contracts.col.received", |r| r.values.received);
        c.text("contracts.col.required_method", |r| {
            r.text(ContractText::RequiredMethod)
        });
        c.text("contracts.col.required_approver", |r| {
            r.text(ContractText::RequiredApprover)
        });
        c.text("contracts.col.method", |r| r.text(ContractText::Method));
        c.text("contracts.col.approver_role", |r| r.text(ContractText::ApproverRole));
        c.text("contracts.col.approver", |r| r.text(ContractText::Approver));
        c.date("contracts.col.review_date", |r| r.values.review_date);
        c.date("contracts.col.commitment_date", |r| r.values.commitment_date);
        c.text("contracts.col.review_form_no", |r| r.text(ContractText::ReviewFormNo));
        c.text("contracts.col.minutes_no", |r| r.text(ContractText::MinutesNo));
        c.text("contracts.col.outcome", |r| r.text(ContractText::Outcome));
        c.text(Column::wrapped("contracts.col.status", 10.0, 30.0), |r| {
            r.text(ContractText::Status)
        });
        c.text(Column::wrapped("contracts.col.source", 10.0, 40.0), |r| {
            r.text(ContractText::Source)
        });
    }
}

/// The month's amendments, with their re-review and notice.
struct ContractAmendments;

impl Table for ContractAmendments {
    type Row = AmendmentRow;
    const LONG: bool = true;
    fn columns<'r>(&'r self, c: &mut impl Columns<'r, AmendmentRow>) {
        c.text("contracts.col.id", |a| &a.contract_id);
        c.text("contracts.col.contract_known", |a| &a.contract_known);
        c.date("contracts.col.amendment_date", |a| a.amendment_date);
        c.text(Column::wrapped("contracts.col.content", 10.0, 30.0), |a| &a.content);
        c.date("contracts.col.rereview_date", |a| a.rereview_date);
        c.text("contracts.col.rereviewer", |a| &a.rereviewer);
        c.text("contracts.col.rereview", |a| &a.rereview_status);
        c.text("contracts.col.notice_no", |a| &a.notice_no);
        c.date("contracts.col.notice_date", |a| a.notice_date);
        c.int("contracts.col.notice_after", |a| a.notice_after);
        c.text("contracts.col.notice", |a| &a.notice_status);
        c.text(Column::wrapped("contracts.col.status", 10.0, 30.0), |a| &a.status);
        c.text(Column::wrapped("contracts.col.source", 10.0, 40.0), |a| &a.source);
    }
}

/// A summary figure: a count, and the whole it is a share of.
struct Share {
    label: String,
    count: usize,
    of: Option<usize>,
}

/// The summary figures.
struct ContractFigures;

impl Table for ContractFigures {
    type Row = Share;
    const FILTERS: bool = false;
    fn columns<'r>(&'r self, c: &mut impl Columns<'r, Share>) {
        c.text(Column::wrapped("contracts.col.figure", 10.0, 30.0), |s| &s.label);
        c.int("col.count", |s| s.count);
        c.int("contracts.col.of", |s| s.of);
        c.percent("contracts.col.share", |s| s.of.and_then(|of| percent(s.count, of)));
    }
}

/// Contracts counted by a column of the register (`heading`).
struct CountsBy {
    heading: &'static str,
}

impl Table for CountsBy {
    type Row = (String, usize);
    const FILTERS: bool = false;
    fn columns<'r>(&'r self, c: &mut impl Columns<'r, (String, usize)>) {
        c.text(self.heading, |(label, _)| label);
        c.int("col.count", |(_, n)| *n);
    }
}

/// Adds the Contract reviews sheet.
pub(super) fn write_sheet(book: &mut Workbook, report: &Report, long: &mut LongTables) -> Result<(), XlsxError> {
    let text = report.text();
    let section = &report.contracts;
    let sheet = book.add_worksheet();
    sheet.set_name(text.get("contracts.sheet"))?;
    let mut at = SheetLayout::new(sheet, text, Some(long));
    title(&mut at, report)?;
    short_tables(&mut at, report)?;
    let mut header = 0;
    if section.amendments_present {
        let title = text.get("contracts.table.amendments");
        let amendments = &section.amendments;
        header = at.table(&ContractAmendments, amendments, Some(&title), "ContractAmendments")?;
    }
    if section.contracts_present {
        let title = text.get("contracts.table.contracts");
        header = at.table(&ContractReviews, &section.contracts, Some(&title), "ContractReviews")?;
    }
    at.apply()?;
    at.sheet.set_freeze_panes(1, 0)?;
    let print = Print {
        key_columns: Some((0, 0)),
        ..Print::rows(header, header)
    };
    print_setup(at.sheet, &at.widths, &print, &footer(report))
}

/// The summary figures and the counts by document type and product category, from column B.
fn short_tables(at: &mut SheetLayout, report: &Report) -> Result<(), XlsxError> {
    let (text, section) = (report.text(), &report.contracts);
    at.col = 1;
    if section.contracts_present || section.amendments_present {
        let title = text.get("contracts.table.figures");
        at.table(&ContractFigures, &figures(report), Some(&title), "ContractFigures")?;
    }
    if section.contracts_present {
        for (key, counts, name, heading) in [
            (
                "by_type",
                &section.by_type,
                "ContractsByType",
                "contracts.col.document_type",
            ),
            (
                "by_category",
                &section.by_category,
                "ContractsByCategory",
                "contracts.col.product_category",
            ),
        ] {
            let title = text.get(&format!("contracts.table.{key}"));
            at.table(&CountsBy { heading }, counts, Some(&title), name)?;
        }
    }
    at.col = 0;
    Ok(())
}

/// The sheet's title and headline lines; the tables start under them.
fn title(at: &mut SheetLayout, report: &Report) -> Result<(), XlsxError> {
    let title = Format::new().set_bold().set_font_size(16);
    let line = format!("{} — {}", at.text.get("contracts.sheet"), report.period);
    at.sheet.write_string_with_format(0, 0, line, &title)?;
    let lines = headline(&at.text, &report.contracts);
    for (i, line) in lines.iter().enumerate() {
        at.sheet.write_string(1 + i as u32, 0, line)?;
    }
    at.row = 2 + lines.len() as u32;
    Ok(())
}

/// The summary figures of the registers given: contracts reviewed in time and with the required
/// authority, amendments re-reviewed and announced in time.
fn figures(report: &Report) -> Vec<Share> {
    let (text, section) = (report.text(), &report.contracts);
    let f = &section.figures;
    let share = |label: String, count: usize, of: usize| Share {
        label,
        count,
        of: Some(of),
    };
    let total = |label: String, count: usize| Share { label, count, of: None };
    let mut rows = Vec::new();
    if section.contracts_present {
        rows.extend([
            total(text.get("contracts.fig.contracts"), f.contracts),
            share(
                text.get("contracts.fig.reviewed"),
                f.reviewed_before_commitment,
                f.contracts,
            ),
            share(
                text.get("contracts.fig.authority"),
                f.with_required_authority,
                f.contracts,
            ),
            share(
                text.get("contracts.fig.undetermined"),
                f.authority_undetermined,
                f.contracts,
            ),
        ]);
    }
    if section.amendments_present {
        let days = section.notice_days.to_string();
        rows.extend([
            total(text.get("contracts.fig.amendments"), f.amendments),
            share(text.get("contracts.fig.rereviewed"), f.rereviewed, f.amendments),
            share(
                text.fmt("contracts.fig.announced", &[("days", &days)]),
                f.announced_in_time,
                f.amendments,
            ),
        ]);
    }
    rows
}
