//! The Feedback monthly report and Complaints sheets (SPEC 3.4), laid out from the report model.

use chrono::{NaiveDate, NaiveDateTime};
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use super::{footer, print_setup, write_table, Cell, Widths};
use crate::base::i18n::Catalogue;
use crate::report::feedback::*;
use crate::report::Report;

/// Formats shared by the two sheets.
struct Formats {
    title: Format,
    subtitle: Format,
    bold: Format,
    section: Format,
    label: Format,
    count: Format,
    days: Format,
    percent: Format,
    date: Format,
    note: Format,
    line: Format,
}

impl Formats {
    fn new() -> Formats {
        Formats {
            title: Format::new().set_bold().set_font_size(16),
            subtitle: Format::new().set_italic().set_font_color("#52606D"),
            bold: Format::new().set_bold(),
            section: Format::new()
                .set_bold()
                .set_font_size(12)
                .set_border_bottom(FormatBorder::Thin),
            label: Format::new().set_border_bottom(FormatBorder::Hair),
            count: Format::new()
                .set_num_format("#,##0")
                .set_border_bottom(FormatBorder::Hair),
            days: Format::new()
                .set_num_format("0.0")
                .set_border_bottom(FormatBorder::Hair),
            percent: Format::new()
                .set_num_format("0.0%")
                .set_border_bottom(FormatBorder::Hair),
            date: Format::new().set_num_format("yyyy-mm-dd").set_align(FormatAlign::Left),
            note: Format::new().set_italic(),
            line: Format::new().set_border_bottom(FormatBorder::Thin),
        }
    }
}

/// A figure of the form: label, value, and optionally its share of a whole.
enum Figure {
    Count(usize),
    Days(Option<f64>),
}

/// Writes the title block; returns the next free row.
fn heading(
    sheet: &mut Worksheet,
    report: &Report,
    fm: &Formats,
    title: &str,
    basis: &str,
    widths: &mut Widths,
) -> Result<u32, XlsxError> {
    let text = report.text();
    sheet.write_string_with_format(0, 0, format!("{title} — {}", report.company), &fm.title)?;
    sheet.write_string_with_format(1, 0, text.get("report.period"), &fm.bold)?;
    sheet.write_string(1, 1, &report.period)?;
    sheet.write_string_with_format(1, 2, text.get("report.as_of"), &fm.bold)?;
    sheet.write_date_with_format(1, 3, report.as_of, &fm.date)?;
    sheet.write_string_with_format(2, 0, basis, &fm.subtitle)?;
    widths.fit(1, &report.period);
    widths.fit(2, &text.get("report.as_of"));
    widths.fit(3, "2026-10-31");
    Ok(4)
}

/// Writes `(label, figure, share)` lines under a section title; returns the next free row.
fn figures(
    sheet: &mut Worksheet,
    mut row: u32,
    title: &str,
    lines: &[(String, Figure, Option<f64>)],
    fm: &Formats,
    widths: &mut Widths,
) -> Result<u32, XlsxError> {
    sheet.write_string_with_format(row, 0, title, &fm.section)?;
    row += 1;
    for (label, figure, share) in lines {
        sheet.write_string_with_format(row, 0, label, &fm.label)?;
        widths.fit(0, label);
        match figure {
            Figure::Count(n) => {
                sheet.write_number_with_format(row, 1, *n as f64, &fm.count)?;
            }
            Figure::Days(Some(d)) => {
                sheet.write_number_with_format(row, 1, *d, &fm.days)?;
            }
            Figure::Days(None) => {
                sheet.write_string_with_format(row, 1, "–", &fm.label)?;
            }
        }
        match share {
            Some(p) => {
                sheet.write_number_with_format(row, 2, *p, &fm.percent)?;
            }
            None => {
                sheet.write_blank(row, 2, &fm.label)?;
            }
        }
        row += 1;
    }
    Ok(row + 1)
}

fn share(n: usize, total: usize) -> Option<f64> {
    (total > 0).then(|| n as f64 / total as f64)
}

fn date_cell(date: NaiveDate, at: Option<NaiveDateTime>) -> Cell {
    match at {
        Some(dt) => Cell::DateTime(dt),
        None => Cell::Date(date),
    }
}

fn text_cell(s: &str) -> Cell {
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s.to_string())
    }
}

/// A titled table, or the title and a line saying there is nothing to list.
#[allow(clippy::too_many_arguments)]
fn table_or_note(
    sheet: &mut Worksheet,
    row: u32,
    title: &str,
    name: &str,
    headers: &[String],
    rows: &[Vec<Cell>],
    empty: &str,
    fm: &Formats,
    widths: &mut Widths,
) -> Result<u32, XlsxError> {
    if rows.is_empty() {
        sheet.write_string_with_format(row, 0, title, &fm.section)?;
        sheet.write_string_with_format(row + 1, 0, empty, &fm.note)?;
        return Ok(row + 3);
    }
    write_table(sheet, row, Some(title), name, headers, rows, widths)
}

fn count_rows(rows: &[CountRow]) -> Vec<Vec<Cell>> {
    rows.iter()
        .map(|r| {
            vec![
                Cell::Text(r.label.clone()),
                Cell::Int(r.received as i64),
                Cell::Int(r.open as i64),
            ]
        })
        .collect()
}

/// Adds this part's sheets to the workbook, after Summary and Findings.
pub fn write_sheets(book: &mut Workbook, report: &Report) -> Result<(), XlsxError> {
    let fm = Formats::new();
    feedback_sheet(book, report, &fm)?;
    complaints_sheet(book, report, &fm)
}

fn feedback_sheet(book: &mut Workbook, report: &Report, fm: &Formats) -> Result<(), XlsxError> {
    let text = report.text();
    let s = &report.feedback;
    let f = &s.figures;
    let sheet = book.add_worksheet();
    sheet.set_name(text.get("feedback.sheet"))?;
    let mut widths = Widths::new();
    let mut row = heading(
        sheet,
        report,
        fm,
        &text.get("feedback.title"),
        &text.get("feedback.record"),
        &mut widths,
    )?;
    if !s.present {
        sheet.write_string_with_format(row, 0, &s.absent_text, &fm.bold)?;
        widths.fit(0, &s.absent_text);
    } else {
        let days = s.review_days.to_string();
        let lines = [
            (text.get("feedback.fig.received"), Figure::Count(f.received), None),
            (
                text.get("feedback.fig.complaints"),
                Figure::Count(f.complaints),
                share(f.complaints, f.received),
            ),
            (
                text.get("feedback.fig.reviewed"),
                Figure::Count(f.reviewed),
                share(f.reviewed, f.received),
            ),
            (
                text.fmt("feedback.fig.reviewed_on_time", &[("days", &days)]),
                Figure::Count(f.reviewed_on_time),
                share(f.reviewed_on_time, f.received),
            ),
            (
                text.get("feedback.fig.replied"),
                Figure::Count(f.replied),
                share(f.replied, f.received),
            ),
            (
                text.get("feedback.fig.resolved"),
                Figure::Count(f.resolved),
                share(f.resolved, f.received),
            ),
            (text.get("feedback.fig.services"), Figure::Count(f.services), None),
            (
                text.get("feedback.fig.service_reports"),
                Figure::Count(f.service_reports),
                share(f.service_reports, f.services),
            ),
            (
                text.get("feedback.fig.evaluations"),
                Figure::Count(f.evaluations),
                share(f.evaluations, f.services),
            ),
            (
                text.get("feedback.fig.verified"),
                Figure::Count(f.verified),
                share(f.verified, f.services),
            ),
            (
                text.get("feedback.fig.median_review"),
                Figure::Days(f.median_review_days),
                None,
            ),
            (
                text.get("feedback.fig.median_reply"),
                Figure::Days(f.median_reply_days),
                None,
            ),
            (
                text.get("feedback.fig.median_resolve"),
                Figure::Days(f.median_resolve_days),
                None,
            ),
            (
                text.get("feedback.fig.carried_over"),
                Figure::Count(f.carried_over),
                None,
            ),
            (text.get("feedback.fig.open"), Figure::Count(f.open), None),
        ];
        row = figures(sheet, row, &text.get("feedback.figures"), &lines, fm, &mut widths)?;

        let counts = [text.get("feedback.col.received_month"), text.get("feedback.col.open")];
        for (title, first, name, rows) in [
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
            let headers = [text.get(first), counts[0].clone(), counts[1].clone()];
            row = table_or_note(
                sheet,
                row,
                &text.get(title),
                name,
                &headers,
                &count_rows(rows),
                "–",
                fm,
                &mut widths,
            )?;
        }

        let headers = [
            text.get("feedback.col.id"),
            text.get("feedback.col.received"),
            text.get("feedback.col.age"),
            text.get("feedback.col.earlier"),
            text.get("feedback.col.kind"),
            text.get("feedback.col.customer"),
            text.get("feedback.col.content"),
            text.get("feedback.col.department"),
            text.get("feedback.col.handler"),
            text.get("feedback.col.next_reply"),
            text.get("feedback.col.status"),
            text.get("feedback.col.source"),
        ];
        let yes = text.get("feedback.yes");
        let rows: Vec<Vec<Cell>> = s
            .open_items
            .iter()
            .map(|i| {
                vec![
                    text_cell(&i.id),
                    date_cell(i.received, i.received_at),
                    Cell::Int(i.age_days),
                    if i.carried_over {
                        Cell::Text(yes.clone())
                    } else {
                        Cell::Empty
                    },
                    text_cell(&i.kind),
                    text_cell(&i.customer),
                    text_cell(&i.content),
                    text_cell(&i.department),
                    text_cell(&i.handler),
                    i.next_reply_date.map_or(Cell::Empty, Cell::Date),
                    text_cell(&i.status),
                    Cell::Text(i.source.clone()),
                ]
            })
            .collect();
        row = table_or_note(
            sheet,
            row,
            &text.get("feedback.open_items"),
            "FbOpenItems",
            &headers,
            &rows,
            &text.get("feedback.no_open_items"),
            fm,
            &mut widths,
        )?;
        signatures(sheet, row, &text, fm, &mut widths)?;
    }
    // Text columns are capped so a long complaint wraps instead of pushing the page wide.
    for w in widths.0.iter_mut() {
        *w = w.min(40.0);
    }
    if let Some(w) = widths.0.first_mut() {
        *w = w.max(34.0);
    }
    widths.apply(sheet)?;
    print_setup(sheet, 0, &footer(report))?;
    sheet.set_repeat_rows(0, 1)?;
    sheet.set_freeze_panes(3, 0)?;
    Ok(())
}

/// 編製 / 審核 / 批准, each with a line to sign on and a date line.
fn signatures(
    sheet: &mut Worksheet,
    row: u32,
    text: &Catalogue,
    fm: &Formats,
    widths: &mut Widths,
) -> Result<(), XlsxError> {
    let row = row + 1;
    for (i, key) in [
        "feedback.sign.prepared",
        "feedback.sign.checked",
        "feedback.sign.approved",
    ]
    .iter()
    .enumerate()
    {
        let col = (i * 3) as u16;
        let label = format!("{}:", text.get(key));
        sheet.write_string_with_format(row, col, &label, &fm.bold)?;
        widths.fit(col, &label);
        widths.fit(col + 1, "______________");
        sheet.write_blank(row, col + 1, &fm.line)?;
        sheet.write_string_with_format(row + 2, col, format!("{}:", text.get("feedback.sign.date")), &fm.bold)?;
        sheet.write_blank(row + 2, col + 1, &fm.line)?;
    }
    Ok(())
}

fn complaints_sheet(book: &mut Workbook, report: &Report, fm: &Formats) -> Result<(), XlsxError> {
    let text = report.text();
    let s = &report.feedback;
    let c = &s.complaints;
    let sheet = book.add_worksheet();
    sheet.set_name(text.get("feedback.cp.sheet"))?;
    let mut widths = Widths::new();
    let mut row = heading(
        sheet,
        report,
        fm,
        &text.get("feedback.cp.title"),
        &text.get("feedback.cp.basis"),
        &mut widths,
    )?;
    if !s.present {
        sheet.write_string_with_format(row, 0, &s.absent_text, &fm.bold)?;
        widths.fit(0, &s.absent_text);
    } else {
        let hours = s.report_hours.to_string();
        let open = c.open.len();
        let lines = [
            (text.get("feedback.cp.fig.received"), Figure::Count(c.received), None),
            (text.get("feedback.cp.fig.open"), Figure::Count(open), None),
            (
                text.get("feedback.cp.fig.overdue"),
                Figure::Count(c.overdue),
                share(c.overdue, open),
            ),
            (
                text.get("feedback.cp.fig.no_next_date"),
                Figure::Count(c.no_next_date),
                share(c.no_next_date, open),
            ),
            (text.get("feedback.cp.fig.major"), Figure::Count(c.major.len()), None),
            (
                text.fmt("feedback.cp.fig.major_late", &[("hours", &hours)]),
                Figure::Count(c.major_not_on_time),
                share(c.major_not_on_time, c.major.len()),
            ),
            (
                text.get("feedback.cp.fig.phrases"),
                Figure::Count(c.phrases.len()),
                None,
            ),
            (text.get("feedback.cp.fig.replies"), Figure::Count(c.replies), None),
            (
                text.get("feedback.cp.fig.courteous"),
                Figure::Count(c.courteous),
                c.courtesy_share,
            ),
        ];
        row = figures(sheet, row, &text.get("feedback.figures"), &lines, fm, &mut widths)?;

        let headers = [
            text.get("feedback.col.id"),
            text.get("feedback.col.received"),
            text.get("feedback.col.age"),
            text.get("feedback.col.customer"),
            text.get("feedback.col.content"),
            text.get("feedback.col.handler"),
            text.get("feedback.cp.col.last_reply"),
            text.get("feedback.col.next_reply"),
            text.get("feedback.cp.col.overdue_days"),
            text.get("feedback.col.status"),
        ];
        let rows: Vec<Vec<Cell>> = c
            .open
            .iter()
            .map(|o| {
                vec![
                    text_cell(&o.id),
                    date_cell(o.received, o.received_at),
                    Cell::Int(o.age_days),
                    text_cell(&o.customer),
                    text_cell(&o.content),
                    text_cell(&o.handler),
                    o.last_reply.map_or(Cell::Empty, Cell::Date),
                    o.next_reply_date.map_or(Cell::Empty, Cell::Date),
                    o.overdue_days.map_or(Cell::Empty, Cell::Int),
                    text_cell(&o.status),
                ]
            })
            .collect();
        row = table_or_note(
            sheet,
            row,
            &text.get("feedback.cp.open"),
            "CpOpen",
            &headers,
            &rows,
            &text.get("feedback.cp.none_open"),
            fm,
            &mut widths,
        )?;

        let headers = [
            text.get("feedback.col.id"),
            text.get("feedback.col.received"),
            text.get("feedback.col.customer"),
            text.get("feedback.cp.col.reported_to"),
            text.get("feedback.cp.col.reported_at"),
            text.get("feedback.cp.col.delay"),
            text.get("feedback.col.status"),
        ];
        let rows: Vec<Vec<Cell>> = c
            .major
            .iter()
            .map(|m| {
                vec![
                    text_cell(&m.id),
                    date_cell(m.received, m.received_at),
                    text_cell(&m.customer),
                    text_cell(&m.reported_to),
                    m.reported.map_or(Cell::Empty, |d| date_cell(d, m.reported_at)),
                    text_cell(&m.delay),
                    text_cell(&m.status),
                ]
            })
            .collect();
        row = table_or_note(
            sheet,
            row,
            &text.get("feedback.cp.major"),
            "CpMajor",
            &headers,
            &rows,
            &text.get("feedback.cp.none_major"),
            fm,
            &mut widths,
        )?;

        let headers = [
            text.get("col.record"),
            text.get("col.field"),
            text.get("col.cell"),
            text.get("col.message"),
        ];
        let rows: Vec<Vec<Cell>> = c
            .phrases
            .iter()
            .map(|p| {
                vec![
                    text_cell(&p.record),
                    text_cell(&p.field),
                    text_cell(&p.cell),
                    text_cell(&p.message),
                ]
            })
            .collect();
        table_or_note(
            sheet,
            row,
            &text.get("feedback.cp.phrases"),
            "CpPhrases",
            &headers,
            &rows,
            &text.get("feedback.cp.none_phrases"),
            fm,
            &mut widths,
        )?;
    }
    for w in widths.0.iter_mut() {
        *w = w.min(40.0);
    }
    if let Some(w) = widths.0.first_mut() {
        *w = w.max(34.0);
    }
    widths.apply(sheet)?;
    print_setup(sheet, 0, &footer(report))?;
    sheet.set_repeat_rows(0, 1)?;
    sheet.set_freeze_panes(3, 0)?;
    Ok(())
}
