//! The Feedback monthly report and Complaints sheets (SPEC 3.4), laid out from the report model:
//! each a title block, its figures, its tables — the main one (the open items, the open
//! complaints) last, so that its heading is the one repeated on every printed page — and (the
//! monthly report) lines to sign on. The sheets' titles name the period: a quarter's report is
//! a quarterly report.
//!
//! A figure's label spans columns A–B (the open items' number and date), so that the figures
//! leave the tables' columns as narrow as their values.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, XlsxError};

use super::cell::text_width;
use super::table::{Column, Columns, Table};
use super::writer::SheetLayout;
use super::{footer, print_setup, Print};
use crate::report::feedback::{CountRow, MajorComplaint, OpenComplaint, OpenItem, PhraseRow};
use crate::report::Report;

/// Feedback received this month and still open, counted by a column of the register.
struct CountsBy {
    heading: &'static str,
}

impl Table for CountsBy {
    type Row = CountRow;
    const FILTERS: bool = false;
    fn columns<'r>(&'r self, c: &mut impl Columns<'r, CountRow>) {
        c.text(self.heading, |r| &r.label);
        c.int("feedback.col.received_month", |r| r.received);
        c.int("feedback.col.open", |r| r.open);
    }
}

/// The feedback still open, oldest first; `yes` marks an item carried over from earlier months.
struct OpenItems {
    yes: String,
}

impl Table for OpenItems {
    type Row = OpenItem;
    fn columns<'r>(&'r self, c: &mut impl Columns<'r, OpenItem>) {
        c.text("feedback.col.id", |i| &i.id);
        c.date_time("feedback.col.received", |i| (Some(i.received), i.received_at));
        c.int("feedback.col.age", |i| i.age_days);
        c.text("feedback.col.earlier", |i| if i.carried_over { &self.yes } else { "" });
        c.text("feedback.col.kind", |i| &i.kind);
        c.text(Column::wrapped("feedback.col.customer", 10.0, 30.0), |i| &i.customer);
        c.text(Column::wrapped("feedback.col.content", 10.0, 40.0), |i| &i.content);
        c.text("feedback.col.department", |i| &i.department);
        c.text("feedback.col.handler", |i| &i.handler);
        c.date("feedback.col.next_reply", |i| i.next_reply_date);
        c.text(Column::wrapped("feedback.col.status", 10.0, 30.0), |i| &i.status);
        c.text(Column::wrapped("feedback.col.source", 10.0, 40.0), |i| &i.source);
    }
}

/// The complaints still open, with how late their replies are.
struct OpenComplaints;

impl Table for OpenComplaints {
    type Row = OpenComplaint;
    fn columns<'r>(&'r self, c: &mut impl Columns<'r, OpenComplaint>) {
        c.text("feedback.col.id", |o| &o.id);
        c.date_time("feedback.col.received", |o| (Some(o.received), o.received_at));
        c.int("feedback.col.age", |o| o.age_days);
        c.text(Column::wrapped("feedback.col.customer", 10.0, 30.0), |o| &o.customer);
        c.text(Column::wrapped("feedback.col.content", 10.0, 40.0), |o| &o.content);
        c.text("feedback.col.handler", |o| &o.handler);
        c.date("feedback.cp.col.last_reply", |o| o.last_reply);
        c.date("feedback.col.next_reply", |o| o.next_reply_date);
        c.int("feedback.cp.col.overdue_days", |o| o.overdue_days);
        c.text("feedback.col.status", |o| &o.status);
    }
}

/// Major complaints, and when they were reported up.
struct MajorComplaints;

impl Table for MajorComplaints {
    type Row = MajorComplaint;
    fn columns<'r>(&'r self, c: &mut impl Columns<'r, MajorComplaint>) {
        c.text("feedback.col.id", |m| &m.id);
        c.date_time("feedback.col.received", |m| (Some(m.received), m.received_at));
        c.text("feedback.col.customer", |m| &m.customer);
        c.text("feedback.cp.col.reported_to", |m| &m.reported_to);
        c.date_time("feedback.cp.col.reported_at", |m| {
            (m.reported, m.reported.and(m.reported_at))
        });
        c.text("feedback.cp.col.delay", |m| &m.delay);
        c.text("feedback.col.status", |m| &m.status);
    }
}

/// Replies with phrases the procedure asks to avoid.
struct Phrases;

impl Table for Phrases {
    type Row = PhraseRow;
    fn columns<'r>(&'r self, c: &mut impl Columns<'r, PhraseRow>) {
        c.text("col.record", |p| &p.record);
        c.text("col.field", |p| &p.field);
        c.text("col.cell", |p| &p.cell);
        c.text(Column::wrapped("col.message", 10.0, 50.0), |p| &p.message);
    }
}

/// Formats shared by the two sheets.
struct Formats {
    title: Format,
    subtitle: Format,
    bold: Format,
    section: Format,
    label: Format,
    count: Format,
    days: Format,
    /// A figure with no value ("–"), where the numbers stand.
    dash: Format,
    percent: Format,
    date: Format,
    note: Format,
    line: Format,
}

impl Formats {
    fn new() -> Formats {
        let number = |format: &str| {
            (Format::new().set_num_format(format))
                .set_border_bottom(FormatBorder::Hair)
                .set_align(FormatAlign::Right)
                .set_indent(1)
        };
        Formats {
            title: Format::new().set_bold().set_font_size(16),
            subtitle: Format::new().set_italic().set_font_color("#52606D"),
            bold: Format::new().set_bold(),
            section: Format::new()
                .set_bold()
                .set_font_size(12)
                .set_border_bottom(FormatBorder::Thin),
            label: Format::new().set_border_bottom(FormatBorder::Hair),
            count: number("#,##0"),
            days: number("0.0"),
            dash: number("General"),
            percent: number("0.0%"),
            date: Format::new().set_num_format("yyyy-mm-dd").set_align(FormatAlign::Left),
            note: Format::new().set_italic(),
            line: Format::new().set_border_bottom(FormatBorder::Thin),
        }
    }
}

/// A headline figure: a count or a number of days (none: no value to show).
enum Figure {
    Count(usize),
    Days(Option<f64>),
}

/// A line of the figures: label, figure, and its share of a whole.
type FigureLine = (String, Figure, Option<f64>);

/// Adds this part's sheets to the workbook, after Summary and Findings.
pub(super) fn write_sheets(book: &mut Workbook, report: &Report) -> Result<(), XlsxError> {
    let fm = Formats::new();
    feedback_sheet(book, report, &fm)?;
    complaints_sheet(book, report, &fm)
}

/// The Feedback monthly report: figures, counts by kind, channel and department, the open items,
/// signatures.
fn feedback_sheet(book: &mut Workbook, report: &Report, fm: &Formats) -> Result<(), XlsxError> {
    let text = report.text();
    let s = &report.feedback;
    let sheet = book.add_worksheet();
    let span = report.span.id();
    sheet.set_name(text.get(&format!("feedback.sheet.{span}")))?;
    let mut at = SheetLayout::new(sheet, text, None);
    heading(
        &mut at,
        report,
        fm,
        &format!("feedback.title.{span}"),
        "feedback.record",
    )?;
    let (mut main, mut labels) = (None, 0);
    if s.present {
        labels = figures(&mut at, &feedback_figures(report), fm)?;
        for (title, heading, name, rows) in [
            ("feedback.by_kind", "feedback.col.kind", "FbByKind", &s.by_kind),
            (
                "feedback.by_channel",
                "feedback.col.channel",
                "FbByChannel",
                &s.by_channel,
            ),
            (
                "feedback.by_department",
                "feedback.col.department",
                "FbByDepartment",
                &s.by_department,
            ),
        ] {
            table_or_note(&mut at, fm, &CountsBy { heading }, rows, (title, name), "–")?;
        }
        let open = OpenItems {
            yes: text.get("feedback.yes"),
        };
        let empty = text.get("feedback.no_open_items");
        main = table_or_note(
            &mut at,
            fm,
            &open,
            &s.open_items,
            ("feedback.open_items", "FbOpenItems"),
            &empty,
        )?;
        signatures(&mut at, fm)?;
    }
    finish(at, report, main, labels)
}

/// The Complaints sheet: figures, the open complaints, the major ones, the phrases to avoid.
fn complaints_sheet(book: &mut Workbook, report: &Report, fm: &Formats) -> Result<(), XlsxError> {
    let text = report.text();
    let s = &report.feedback;
    let c = &s.complaints;
    let sheet = book.add_worksheet();
    sheet.set_name(text.get("feedback.cp.sheet"))?;
    let mut at = SheetLayout::new(sheet, text, None);
    heading(&mut at, report, fm, "feedback.cp.title", "feedback.cp.basis")?;
    let (mut main, mut labels) = (None, 0);
    if s.present {
        labels = figures(&mut at, &complaint_figures(report), fm)?;
        let empty = text.get("feedback.cp.none_major");
        table_or_note(
            &mut at,
            fm,
            &MajorComplaints,
            &c.major,
            ("feedback.cp.major", "CpMajor"),
            &empty,
        )?;
        let empty = text.get("feedback.cp.none_phrases");
        table_or_note(
            &mut at,
            fm,
            &Phrases,
            &c.phrases,
            ("feedback.cp.phrases", "CpPhrases"),
            &empty,
        )?;
        let empty = text.get("feedback.cp.none_open");
        main = table_or_note(
            &mut at,
            fm,
            &OpenComplaints,
            &c.open,
            ("feedback.cp.open", "CpOpen"),
            &empty,
        )?;
    }
    finish(at, report, main, labels)
}

/// The title block (company, period, as-of, what the sheet is based on); or, without a feedback
/// register, the line saying so.
fn heading(at: &mut SheetLayout, report: &Report, fm: &Formats, title: &str, basis: &str) -> Result<(), XlsxError> {
    let text = report.text();
    let sheet = &mut *at.sheet;
    sheet.write_string_with_format(0, 0, format!("{} — {}", text.get(title), report.company), &fm.title)?;
    // The period and as-of pairs: labels in A and C, values in B and D.
    sheet.write_string_with_format(1, 0, text.get("report.period"), &fm.bold)?;
    sheet.write_string(1, 1, &report.period)?;
    sheet.write_string_with_format(1, 2, text.get("report.as_of"), &fm.bold)?;
    sheet.write_date_with_format(1, 3, report.as_of, &fm.date)?;
    sheet.write_string_with_format(2, 0, text.get(basis), &fm.subtitle)?;
    at.widths.fit(0, &text.get("report.period"));
    at.widths.fit(1, &report.period);
    at.widths.fit(2, &text.get("report.as_of"));
    at.widths.fit(3, "2026-10-31");
    at.row = 4;
    if !report.feedback.present {
        let absent = &report.feedback.absent_text;
        at.sheet.write_string_with_format(at.row, 0, absent, &fm.bold)?;
        at.widths.fit(0, absent);
    }
    Ok(())
}

/// Keeps the title block in view; repeats the main table's heading (`main`; else the title) on
/// every printed page; widens column B for the figures' labels (`labels` wide across A–B).
fn finish(mut at: SheetLayout, report: &Report, main: Option<u32>, labels: usize) -> Result<(), XlsxError> {
    // The figures' labels span columns A and B: together they fit the widest.
    let a = at.widths.0.first().copied().unwrap_or(8.0);
    at.widths.at_least(1, labels as f64 + super::widths::MARGIN - a);
    at.apply()?;
    at.sheet.set_freeze_panes(3, 0)?;
    let print = match main {
        Some(header) => Print::rows(header, header),
        None => Print::rows(0, 1),
    };
    print_setup(at.sheet, &at.widths, &print, &footer(report))
}

/// The monthly report's figures.
fn feedback_figures(report: &Report) -> Vec<FigureLine> {
    let text = report.text();
    let (s, f) = (&report.feedback, &report.feedback.figures);
    let of_received = |key: &str, n: usize| (text.get(key), Figure::Count(n), share(n, f.received));
    let of_services = |key: &str, n: usize| (text.get(key), Figure::Count(n), share(n, f.services));
    let count = |key: &str, n: usize| (text.get(key), Figure::Count(n), None);
    let days = |key: &str, d: Option<f64>| (text.get(key), Figure::Days(d), None);
    let review_days = s.review_days.to_string();
    vec![
        count("feedback.fig.received", f.received),
        of_received("feedback.fig.complaints", f.complaints),
        of_received("feedback.fig.reviewed", f.reviewed),
        (
            text.fmt("feedback.fig.reviewed_on_time", &[("days", &review_days)]),
            Figure::Count(f.reviewed_on_time),
            share(f.reviewed_on_time, f.received),
        ),
        of_received("feedback.fig.replied", f.replied),
        of_received("feedback.fig.resolved", f.resolved),
        count("feedback.fig.services", f.services),
        of_services("feedback.fig.service_reports", f.service_reports),
        of_services("feedback.fig.evaluations", f.evaluations),
        of_services("feedback.fig.verified", f.verified),
        days("feedback.fig.median_review", f.median_review_days),
        days("feedback.fig.median_reply", f.median_reply_days),
        days("feedback.fig.median_resolve", f.median_resolve_days),
        count("feedback.fig.carried_over", f.carried_over),
        count("feedback.fig.open", f.open),
    ]
}

/// The Complaints sheet's figures.
fn complaint_figures(report: &Report) -> Vec<FigureLine> {
    let text = report.text();
    let (s, c) = (&report.feedback, &report.feedback.complaints);
    let open = c.open.len();
    let count = |key: &str, n: usize| (text.get(key), Figure::Count(n), None);
    let of_open = |key: &str, n: usize| (text.get(key), Figure::Count(n), share(n, open));
    let hours = s.report_hours.to_string();
    vec![
        count("feedback.cp.fig.received", c.received),
        count("feedback.cp.fig.open", open),
        of_open("feedback.cp.fig.overdue", c.overdue),
        of_open("feedback.cp.fig.no_next_date", c.no_next_date),
        count("feedback.cp.fig.major", c.major.len()),
        (
            text.fmt("feedback.cp.fig.major_late", &[("hours", &hours)]),
            Figure::Count(c.major_not_on_time),
            share(c.major_not_on_time, c.major.len()),
        ),
        count("feedback.cp.fig.phrases", c.phrases.len()),
        count("feedback.cp.fig.replies", c.replies),
        (
            text.get("feedback.cp.fig.courteous"),
            Figure::Count(c.courteous),
            c.courtesy_share,
        ),
    ]
}

fn share(n: usize, total: usize) -> Option<f64> {
    (total > 0).then(|| n as f64 / total as f64)
}

/// Writes the figures, `(label, figure, share)` a line, under their section title: the label
/// across columns A–B, the figure in C, its share in D. Returns the width of the widest label.
fn figures(at: &mut SheetLayout, lines: &[FigureLine], fm: &Formats) -> Result<usize, XlsxError> {
    let sheet = &mut *at.sheet;
    let mut row = at.row;
    sheet.write_string_with_format(row, 0, at.text.get("feedback.figures"), &fm.section)?;
    row += 1;
    let widest = lines.iter().map(|(label, ..)| text_width(label)).max().unwrap_or(0);
    for (label, figure, share) in lines {
        sheet.merge_range(row, 0, row, 1, label, &fm.label)?;
        match figure {
            Figure::Count(n) => sheet.write_number_with_format(row, 2, *n as f64, &fm.count)?,
            Figure::Days(Some(d)) => sheet.write_number_with_format(row, 2, *d, &fm.days)?,
            Figure::Days(None) => sheet.write_string_with_format(row, 2, "–", &fm.dash)?,
        };
        match share {
            Some(p) => sheet.write_number_with_format(row, 3, *p, &fm.percent)?,
            None => sheet.write_blank(row, 3, &fm.label)?,
        };
        row += 1;
    }
    at.widths.fit_number(2, 7);
    at.widths.fit_number(3, 6);
    at.row = row + 1;
    Ok(widest)
}

/// A titled table, or the title and a line saying there is nothing to list.
fn table_or_note<'r, T: Table>(
    at: &mut SheetLayout,
    fm: &Formats,
    table: &'r T,
    rows: &'r [T::Row],
    (title, name): (&str, &str),
    empty: &str,
) -> Result<Option<u32>, XlsxError> {
    let title = at.text.get(title);
    if rows.is_empty() {
        at.sheet.write_string_with_format(at.row, 0, &title, &fm.section)?;
        at.sheet.write_string_with_format(at.row + 1, 0, empty, &fm.note)?;
        at.row += 3;
        return Ok(None);
    }
    at.table(table, rows, Some(&title), name).map(Some)
}

/// 編製 / 審核 / 批准, each with a line to sign on and a date line.
fn signatures(at: &mut SheetLayout, fm: &Formats) -> Result<(), XlsxError> {
    let row = at.row + 1;
    let keys = [
        "feedback.sign.prepared",
        "feedback.sign.checked",
        "feedback.sign.approved",
    ];
    for (i, key) in keys.iter().enumerate() {
        let col = (i * 3) as u16;
        let label = at.text.fmt("feedback.sign.label", &[("label", &at.text.get(key))]);
        at.sheet.write_string_with_format(row, col, &label, &fm.bold)?;
        at.widths.fit(col, &label);
        at.widths.fit(col + 1, "______________");
        at.sheet.write_blank(row, col + 1, &fm.line)?;
        let date = at
            .text
            .fmt("feedback.sign.label", &[("label", &at.text.get("feedback.sign.date"))]);
        at.sheet.write_string_with_format(row + 2, col, date, &fm.bold)?;
        at.sheet.write_blank(row + 2, col + 1, &fm.line)?;
    }
    Ok(())
}
