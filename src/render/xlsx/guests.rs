//! The Guests sheet (SPEC 3.5), laid out from the report model: the figures, the call-backs of
//! new A-class guests, the proposals to reclassify, and next month's key-attention list — the
//! sheet's main table, last, so that its heading is the one repeated on every printed page. A
//! birthday or anniversary shows as the month and day it falls on next month (`11-27`), as the
//! reasons say it, not as a date of birth.

use rust_xlsxwriter::{Format, FormatAlign, Workbook, Worksheet, XlsxError};

use super::cell::Cell;
use super::long_tables::LongTables;
use super::table::Column;
use super::table::{Columns, Table};
use super::writer::SheetLayout;
use super::{footer, print_setup, Print};
use crate::report::guests::{AttentionRow, AttentionText, CallbackRow, ProposalRow};
use crate::report::Report;

/// A figure of a guest sheet: a count or an amount.
pub(super) struct Figure {
    pub(super) label: String,
    pub(super) value: Cell<'static>,
}

impl Figure {
    pub(super) fn new(label: String, value: Cell<'static>) -> Self {
        Figure { label, value }
    }
}

/// The figures of a guest sheet.
pub(super) struct Figures;

impl Table for Figures {
    type Row = Figure;
    const FILTERS: bool = false;
    fn columns<'r>(&'r self, c: &mut impl Columns<'r, Figure>) {
        c.text("guests.col.figure", |f| &f.label);
        c.cell("guests.col.value".into(), |f| f.value.clone());
    }
}

/// Next month's key-attention list: every guest to watch, with every reason.
struct Attention;

impl Table for Attention {
    type Row = AttentionRow;
    const LONG: bool = true;
    fn columns<'r>(&'r self, c: &mut impl Columns<'r, AttentionRow>) {
        c.text("guests.col.guest_id", |r| r.text(AttentionText::GuestId));
        c.text("guests.col.name", |r| r.text(AttentionText::Name));
        c.text("guests.col.class", |r| r.text(AttentionText::Class));
        c.text("guests.col.company", |r| r.text(AttentionText::Company));
        c.text("guests.col.phone", |r| r.text(AttentionText::Phone));
        c.text("guests.col.account_manager", |r| r.text(AttentionText::AccountManager));
        c.text(Column::wrapped("guests.col.reasons", 10.0, 40.0), |r| {
            r.text(AttentionText::Reasons)
        });
        c.month_day("guests.col.birthday", |r| r.birthday);
        c.month_day("guests.col.anniversary", |r| r.anniversary);
        c.date("guests.col.developed", |r| r.developed);
        c.text("guests.col.complaints", |r| r.text(AttentionText::Complaints));
        c.text("guests.col.missing", |r| r.text(AttentionText::Missing));
    }
}

/// The call-backs of new A-class guests in the report months.
struct Callbacks;

impl Table for Callbacks {
    type Row = CallbackRow;
    const LONG: bool = true;
    fn columns<'r>(&'r self, c: &mut impl Columns<'r, CallbackRow>) {
        c.text("guests.col.guest_id", |r| &r.guest_id);
        c.text("guests.col.name", |r| &r.name);
        c.text("guests.col.account_manager", |r| &r.account_manager);
        c.date("guests.col.developed", |r| r.developed);
        c.int("guests.col.calls", |r| r.calls);
        c.date("guests.col.last_call", |r| r.last_call);
        c.text("guests.col.status", |r| &r.status);
    }
}

/// Guests whose spend over 12 months earns another class than the recorded one.
struct Proposals;

impl Table for Proposals {
    type Row = ProposalRow;
    const LONG: bool = true;
    fn columns<'r>(&'r self, c: &mut impl Columns<'r, ProposalRow>) {
        c.text("guests.col.guest_id", |p| &p.guest_id);
        c.text("guests.col.name", |p| &p.name);
        c.text("guests.col.company", |p| &p.company);
        c.text("guests.col.recorded", |p| &p.recorded);
        c.text("guests.col.proposed", |p| &p.proposed);
        c.text("guests.col.change", |p| &p.direction);
        c.money("guests.col.spend_12m", |p| p.spend);
        c.int("guests.col.visits_12m", |p| p.visits);
        c.money("guests.col.average", |p| p.average);
    }
}

/// Adds the Guests sheet.
pub(super) fn write_sheet(book: &mut Workbook, report: &Report, long: &mut LongTables) -> Result<(), XlsxError> {
    let text = report.text();
    let s = &report.guests;
    let sheet = book.add_worksheet();
    sheet.set_name(text.get("guests.sheet"))?;
    let mut at = SheetLayout::new(sheet, text, Some(long));
    let title = format!("{} — {}", text.get("guests.sheet"), report.company);
    let as_of = report.as_of.to_string();
    let args = [
        ("period", report.period.as_str()),
        ("as_of", &as_of),
        ("next", &s.next_month),
    ];
    sheet_title(&mut at, &title, &text.fmt("guests.subtitle", &args))?;
    if !s.guests_present {
        note(&mut at, None, &text.get("kind.absent.guests"))?;
        return finish(at, report, None);
    }
    at.table(
        &Figures,
        &figures(report),
        Some(&text.get("guests.figures")),
        "GuestsFigures",
    )?;
    let title = text.fmt("guests.callbacks.title", &[("months", &s.months_listed(&text))]);
    if !s.callbacks_present {
        note(&mut at, Some(&title), &text.get("guests.note.no_callbacks"))?;
    }
    let title = s.callbacks_present.then_some(title.as_str());
    at.table(&Callbacks, &s.callbacks, title, "GuestsCallbacks")?;

    let from = s.year_start.map(|d| d.to_string()).unwrap_or_default();
    let title = text.fmt("guests.proposals.title", &[("from", &from), ("to", &as_of)]);
    if s.visits_present {
        at.table(&Proposals, &s.proposals, Some(&title), "GuestsProposals")?;
    } else {
        note(&mut at, Some(&title), &text.get("kind.absent.visits"))?;
    }
    let title = text.fmt("guests.attention.title", &[("month", &s.next_month)]);
    let main = at.table(&Attention, &s.attention, Some(&title), "GuestsAttention")?;
    finish(at, report, Some(main))
}

/// The guest figures: profiles by class, new A-class guests and their call-backs, the spend over
/// 12 months, next month's key-attention list.
fn figures(report: &Report) -> Vec<Figure> {
    let (text, s) = (report.text(), &report.guests);
    let count = |label: String, n: usize| Figure::new(label, Cell::Int(n as i64));
    let [a, b, c, none] = s.class_counts;
    let mut figures = vec![
        count(text.get("guests.fig.profiles"), s.profiles),
        count(text.get("guests.group.A"), a),
        count(text.get("guests.group.B"), b),
        count(text.get("guests.group.C"), c),
        count(text.get("guests.group.none"), none),
        count(text.get("guests.fig.new_a"), s.callbacks.len()),
    ];
    if s.callbacks_present {
        figures.push(count(text.get("guests.fig.callbacks_missing"), s.callbacks_missing));
    }
    if s.visits_present {
        figures.push(count(text.get("guests.fig.proposals"), s.proposals.len()));
        figures.push(Figure::new(
            text.get("guests.fig.year_spend"),
            Cell::Money(s.year_spend),
        ));
        figures.push(Figure::new(
            text.get("guests.fig.year_visits"),
            Cell::Int(s.year_visits.into()),
        ));
    }
    let attention = text.fmt("guests.fig.attention", &[("month", &s.next_month)]);
    figures.push(count(attention, s.attention.len()));
    figures
}

/// The title lines of a guest sheet; the first part goes under them.
pub(super) fn sheet_title(at: &mut SheetLayout, title: &str, subtitle: &str) -> Result<(), XlsxError> {
    let big = Format::new().set_bold().set_font_size(16);
    at.sheet.write_string_with_format(0, 0, title, &big)?;
    at.sheet.write_string(1, 0, subtitle)?;
    at.row = 3;
    Ok(())
}

/// A line saying why a part is not shown, under the part's title if any.
pub(super) fn note(at: &mut SheetLayout, title: Option<&str>, line: &str) -> Result<(), XlsxError> {
    at.row = note_at(at.sheet, at.row, title, line)?;
    Ok(())
}

/// [`note`] at `row`; returns the row two under the line.
pub(super) fn note_at(sheet: &mut Worksheet, row: u32, title: Option<&str>, line: &str) -> Result<u32, XlsxError> {
    let section = Format::new().set_bold().set_font_size(12);
    let italic = Format::new()
        .set_italic()
        .set_font_color("#52606D")
        .set_align(FormatAlign::Left);
    let mut row = row;
    if let Some(t) = title {
        sheet.write_string_with_format(row, 0, t, &section)?;
        row += 1;
    }
    sheet.write_string_with_format(row, 0, line, &italic)?;
    Ok(row + 2)
}

/// Freezes the title lines (each sheet holds several tables, each with its own heading); prints
/// with the heading of the sheet's main table (`main`, its last; else the title lines) on every
/// page. (A chart under a table is 640 pixels wide.)
pub(super) fn finish(mut at: SheetLayout, report: &Report, main: Option<u32>) -> Result<(), XlsxError> {
    at.apply()?;
    at.sheet.set_freeze_panes(2, 0)?;
    let print = Print {
        min_px: 640,
        key_columns: Some((0, 0)),
        ..match main {
            Some(header) => Print::rows(header, header),
            None => Print::rows(0, 1),
        }
    };
    print_setup(at.sheet, &at.widths, &print, &footer(report))
}
