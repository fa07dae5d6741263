//! The Contract reviews sheet (SPEC 3.3), laid out from the report model.

use chrono::NaiveDate;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::{footer, print_setup, write_long_table, write_table, Cell, Widths};
use crate::render::long_tables::LongTables;
use crate::report::contracts::*;
use crate::report::Report;

fn t(s: &str) -> Cell {
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s.to_string())
    }
}

fn date(d: Option<NaiveDate>) -> Cell {
    d.map(Cell::Date).unwrap_or(Cell::Empty)
}

fn int(n: usize) -> Cell {
    Cell::Int(n as i64)
}

/// Adds the Contract reviews sheet: headline, the month's contracts (frozen header), the month's
/// amendments, then the summary figures and the counts by document type and product category.
pub(crate) fn write_sheets(book: &mut Workbook, report: &Report, long: &mut LongTables) -> Result<(), XlsxError> {
    let text = report.text();
    let section = &report.contracts;
    let f = &section.figures;
    let sheet = book.add_worksheet();
    sheet.set_name(text.get("contracts.sheet"))?;
    let mut widths = Widths::new();
    let title = Format::new().set_bold().set_font_size(16);
    sheet.write_string_with_format(
        0,
        0,
        format!("{} — {}", text.get("contracts.sheet"), report.period),
        &title,
    )?;
    let lines = headline(&text, section);
    for (i, line) in lines.iter().enumerate() {
        sheet.write_string(1 + i as u32, 0, line)?;
    }
    let mut row = 2 + lines.len() as u32;
    let mut header_row = None;

    if section.contracts_present {
        let headers: Vec<String> = [
            "id",
            "customer",
            "document_type",
            "product_category",
            "amount",
            "received",
            "required_method",
            "required_approver",
            "method",
            "approver_role",
            "approver",
            "review_date",
            "commitment_date",
            "review_form_no",
            "minutes_no",
            "outcome",
            "status",
            "source",
        ]
        .iter()
        .map(|k| text.get(&format!("contracts.col.{k}")))
        .collect();
        let rows: Vec<Vec<Cell>> = section
            .contracts
            .iter()
            .map(|c| {
                vec![
                    t(&c.id),
                    t(&c.customer),
                    t(&c.document_type),
                    t(&c.product_category),
                    c.amount.map(Cell::Money).unwrap_or(Cell::Empty),
                    date(c.received),
                    t(&c.required_method),
                    t(&c.required_approver),
                    t(&c.method),
                    t(&c.approver_role),
                    t(&c.approver),
                    date(c.review_date),
                    date(c.commitment_date),
                    t(&c.review_form_no),
                    t(&c.minutes_no),
                    t(&c.outcome),
                    t(&c.status),
                    t(&c.source),
                ]
            })
            .collect();
        header_row = Some(row + 1);
        row = write_long_table(
            sheet,
            long,
            row,
            Some(&text.get("contracts.table.contracts")),
            "ContractReviews",
            &headers,
            &rows,
            &mut widths,
        )?;
    }

    if section.amendments_present {
        let headers: Vec<String> = [
            "id",
            "contract_known",
            "amendment_date",
            "content",
            "rereview_date",
            "rereviewer",
            "rereview",
            "notice_no",
            "notice_date",
            "notice_after",
            "notice",
            "status",
            "source",
        ]
        .iter()
        .map(|k| text.get(&format!("contracts.col.{k}")))
        .collect();
        let rows: Vec<Vec<Cell>> = section
            .amendments
            .iter()
            .map(|a| {
                vec![
                    t(&a.contract_id),
                    t(&a.contract_known),
                    date(a.amendment_date),
                    t(&a.content),
                    date(a.rereview_date),
                    t(&a.rereviewer),
                    t(&a.rereview_status),
                    t(&a.notice_no),
                    date(a.notice_date),
                    a.notice_after.map(Cell::Int).unwrap_or(Cell::Empty),
                    t(&a.notice_status),
                    t(&a.status),
                    t(&a.source),
                ]
            })
            .collect();
        header_row = header_row.or(Some(row + 1));
        row = write_long_table(
            sheet,
            long,
            row,
            Some(&text.get("contracts.table.amendments")),
            "ContractAmendments",
            &headers,
            &rows,
            &mut widths,
        )?;
    }

    if section.contracts_present || section.amendments_present {
        let share_row = |label: String, n: usize, of: usize| {
            vec![
                Cell::Text(label),
                int(n),
                int(of),
                percent(n, of).map(Cell::Percent).unwrap_or(Cell::Empty),
            ]
        };
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        if section.contracts_present {
            rows.push(vec![
                Cell::Text(text.get("contracts.fig.contracts")),
                int(f.contracts),
                Cell::Empty,
                Cell::Empty,
            ]);
            rows.push(share_row(
                text.get("contracts.fig.reviewed"),
                f.reviewed_before_commitment,
                f.contracts,
            ));
            rows.push(share_row(
                text.get("contracts.fig.authority"),
                f.with_required_authority,
                f.contracts,
            ));
            rows.push(share_row(
                text.get("contracts.fig.undetermined"),
                f.authority_undetermined,
                f.contracts,
            ));
        }
        if section.amendments_present {
            rows.push(vec![
                Cell::Text(text.get("contracts.fig.amendments")),
                int(f.amendments),
                Cell::Empty,
                Cell::Empty,
            ]);
            rows.push(share_row(
                text.get("contracts.fig.rereviewed"),
                f.rereviewed,
                f.amendments,
            ));
            rows.push(share_row(
                text.fmt("contracts.fig.announced", &[("days", &section.notice_days.to_string())]),
                f.announced_in_time,
                f.amendments,
            ));
        }
        let headers: Vec<String> = ["figure", "count", "of", "share"]
            .iter()
            .map(|k| match *k {
                "count" => text.get("col.count"),
                k => text.get(&format!("contracts.col.{k}")),
            })
            .collect();
        row = write_table(
            sheet,
            row,
            Some(&text.get("contracts.table.figures")),
            "ContractFigures",
            &headers,
            &rows,
            &mut widths,
        )?;
    }

    if section.contracts_present {
        for (key, counts, name, column) in [
            ("by_type", &section.by_type, "ContractsByType", "document_type"),
            (
                "by_category",
                &section.by_category,
                "ContractsByCategory",
                "product_category",
            ),
        ] {
            let rows: Vec<Vec<Cell>> = counts
                .iter()
                .map(|(label, n)| vec![Cell::Text(label.clone()), int(*n)])
                .collect();
            let headers = [text.get(&format!("contracts.col.{column}")), text.get("col.count")];
            row = write_table(
                sheet,
                row,
                Some(&text.get(&format!("contracts.table.{key}"))),
                name,
                &headers,
                &rows,
                &mut widths,
            )?;
        }
    }

    // The headline lines span the sheet; they should not widen the first column.
    if widths.0.is_empty() {
        widths.fit(0, &text.get("contracts.sheet"));
    }
    widths.0[0] = widths.0[0].min(40.0);
    widths.apply(sheet)?;
    let header = header_row.unwrap_or(0);
    print_setup(sheet, header, &footer(report))?;
    if header > 0 {
        sheet.set_freeze_panes(header + 1, 0)?;
    }
    Ok(())
}
