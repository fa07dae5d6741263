//! The Guests sheet and the quarter-end consumption analyses (SPEC 3.5), laid out from the report
//! model.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Chart, ChartType, Format, FormatAlign, Workbook, Worksheet, XlsxError};

use super::{footer, print_setup, write_long_table, write_table, Cell, Widths};
use crate::base::i18n::Catalogue;
use crate::render::long_tables::LongTables;
use crate::report::guests::*;
use crate::report::Report;

// ---------------------------------------------------------------------------------------------
// Workbook
// ---------------------------------------------------------------------------------------------

fn money(d: Decimal) -> Cell {
    Cell::Money(d)
}

fn opt_money(d: Option<Decimal>) -> Cell {
    d.map_or(Cell::Empty, Cell::Money)
}

fn date(d: Option<NaiveDate>) -> Cell {
    d.map_or(Cell::Empty, Cell::Date)
}

fn txt(s: &str) -> Cell {
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s.to_string())
    }
}

fn int(n: impl Into<i64>) -> Cell {
    Cell::Int(n.into())
}

fn headers(text: &Catalogue, keys: &[&str]) -> Vec<String> {
    keys.iter().map(|k| text.get(&format!("guests.col.{k}"))).collect()
}

/// The title lines of a guest sheet; returns the first free row.
fn sheet_title(sheet: &mut Worksheet, title: &str, subtitle: &str) -> Result<u32, XlsxError> {
    let big = Format::new().set_bold().set_font_size(16);
    sheet.write_string_with_format(0, 0, title, &big)?;
    sheet.write_string(1, 0, subtitle)?;
    Ok(3)
}

/// A line saying why a part is not shown.
fn note(sheet: &mut Worksheet, row: u32, title: Option<&str>, line: &str) -> Result<u32, XlsxError> {
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

/// Freeze the title lines (each sheet holds several tables, each with its own header and
/// filters), print landscape with the title repeated.
fn finish(sheet: &mut Worksheet, report: &Report, widths: &Widths) -> Result<(), XlsxError> {
    widths.apply(sheet)?;
    sheet.set_freeze_panes(2, 0)?;
    print_setup(sheet, 0, &footer(report))?;
    sheet.set_repeat_rows(0, 1)?;
    Ok(())
}

/// Adds this part's sheets to the workbook, after Summary and Findings.
pub(crate) fn write_sheets(book: &mut Workbook, report: &Report, long: &mut LongTables) -> Result<(), XlsxError> {
    write_guests_sheet(book, report, long)?;
    for a in &report.guests.analyses {
        write_analysis_sheet(book, report, a, long)?;
    }
    Ok(())
}

fn write_guests_sheet(book: &mut Workbook, report: &Report, long: &mut LongTables) -> Result<(), XlsxError> {
    let text = report.text();
    let s = &report.guests;
    let sheet = book.add_worksheet();
    sheet.set_name(text.get("guests.sheet"))?;
    let mut widths = Widths::new();
    let title = format!("{} — {}", text.get("guests.sheet"), report.company);
    let subtitle = text.fmt(
        "guests.subtitle",
        &[
            ("period", &report.period),
            ("as_of", &report.as_of.to_string()),
            ("next", &s.next_month),
        ],
    );
    let mut row = sheet_title(sheet, &title, &subtitle)?;
    if !s.guests_present {
        note(sheet, row, None, &text.get("kind.absent.guests"))?;
        return finish(sheet, report, &widths);
    }

    // Figures
    let [a, b, c, none] = s.class_counts;
    let mut figures = vec![
        vec![txt(&text.get("guests.fig.profiles")), int(s.profiles as i64)],
        vec![txt(&text.get("guests.group.A")), int(a as i64)],
        vec![txt(&text.get("guests.group.B")), int(b as i64)],
        vec![txt(&text.get("guests.group.C")), int(c as i64)],
        vec![txt(&text.get("guests.group.none")), int(none as i64)],
        vec![txt(&text.get("guests.fig.new_a")), int(s.callbacks.len() as i64)],
    ];
    if s.callbacks_present {
        figures.push(vec![
            txt(&text.get("guests.fig.callbacks_missing")),
            int(s.callbacks_missing as i64),
        ]);
    }
    if s.visits_present {
        figures.push(vec![
            txt(&text.get("guests.fig.proposals")),
            int(s.proposals.len() as i64),
        ]);
        figures.push(vec![txt(&text.get("guests.fig.year_spend")), money(s.year_spend)]);
        figures.push(vec![txt(&text.get("guests.fig.year_visits")), int(s.year_visits)]);
    }
    figures.push(vec![
        txt(&text.fmt("guests.fig.attention", &[("month", &s.next_month)])),
        int(s.attention.len() as i64),
    ]);
    row = write_table(
        sheet,
        row,
        Some(&text.get("guests.figures")),
        "GuestsFigures",
        &headers(&text, &["figure", "value"]),
        &figures,
        &mut widths,
    )?;

    // Key-attention list
    let rows: Vec<Vec<Cell>> = s
        .attention
        .iter()
        .map(|r| {
            vec![
                txt(&r.guest_id),
                txt(&r.name),
                txt(&r.class),
                txt(&r.company),
                txt(&r.phone),
                txt(&r.account_manager),
                txt(&r.reasons),
                date(r.birthday),
                date(r.anniversary),
                date(r.developed),
                txt(&r.complaints),
                txt(&r.missing),
            ]
        })
        .collect();
    row = write_long_table(
        sheet,
        long,
        row,
        Some(&text.fmt("guests.attention.title", &[("month", &s.next_month)])),
        "GuestsAttention",
        &headers(
            &text,
            &[
                "guest_id",
                "name",
                "class",
                "company",
                "phone",
                "account_manager",
                "reasons",
                "birthday",
                "anniversary",
                "developed",
                "complaints",
                "missing",
            ],
        ),
        &rows,
        &mut widths,
    )?;

    // Call-back status
    let months = text.list(&s.months);
    let callback_title = text.fmt("guests.callbacks.title", &[("months", &months)]);
    if !s.callbacks_present {
        row = note(sheet, row, Some(&callback_title), &text.get("guests.note.no_callbacks"))?;
    }
    let rows: Vec<Vec<Cell>> = s
        .callbacks
        .iter()
        .map(|r| {
            vec![
                txt(&r.guest_id),
                txt(&r.name),
                txt(&r.account_manager),
                date(r.developed),
                int(r.calls as i64),
                date(r.last_call),
                txt(&r.status),
            ]
        })
        .collect();
    row = write_long_table(
        sheet,
        long,
        row,
        s.callbacks_present.then_some(callback_title.as_str()),
        "GuestsCallbacks",
        &headers(
            &text,
            &[
                "guest_id",
                "name",
                "account_manager",
                "developed",
                "calls",
                "last_call",
                "status",
            ],
        ),
        &rows,
        &mut widths,
    )?;

    // Reclassification proposals
    let proposals_title = text.fmt(
        "guests.proposals.title",
        &[
            ("from", &s.year_start.map(|d| d.to_string()).unwrap_or_default()),
            ("to", &report.as_of.to_string()),
        ],
    );
    if s.visits_present {
        let rows: Vec<Vec<Cell>> = s
            .proposals
            .iter()
            .map(|p| {
                vec![
                    txt(&p.guest_id),
                    txt(&p.name),
                    txt(&p.company),
                    txt(&p.recorded),
                    txt(&p.proposed),
                    txt(&p.direction),
                    money(p.spend),
                    int(p.visits),
                    opt_money(p.average),
                ]
            })
            .collect();
        write_long_table(
            sheet,
            long,
            row,
            Some(&proposals_title),
            "GuestsProposals",
            &headers(
                &text,
                &[
                    "guest_id",
                    "name",
                    "company",
                    "recorded",
                    "proposed",
                    "change",
                    "spend_12m",
                    "visits_12m",
                    "average",
                ],
            ),
            &rows,
            &mut widths,
        )?;
    } else {
        note(sheet, row, Some(&proposals_title), &text.get("kind.absent.visits"))?;
    }
    finish(sheet, report, &widths)
}

/// Rows a chart takes on the sheet, so that the next table starts below it.
const CHART_ROWS: u32 = 17;

fn write_analysis_sheet(
    book: &mut Workbook,
    report: &Report,
    a: &Analysis,
    long: &mut LongTables,
) -> Result<(), XlsxError> {
    let text = report.text();
    let s = &report.guests;
    let sheet_name = text.get(&format!("guests.analysis.{}", a.scope));
    let prefix = match a.scope {
        "quarter" => "GuestsQ",
        "half" => "GuestsH",
        _ => "GuestsY",
    };
    let sheet = book.add_worksheet();
    sheet.set_name(&sheet_name)?;
    let mut widths = Widths::new();
    let day = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let title = format!("{} {} — {}", sheet_name, a.label, report.company);
    let subtitle = text.fmt(
        "guests.analysis.subtitle",
        &[
            ("start", &day(a.start)),
            ("end", &day(a.end)),
            ("trailing", &day(a.trailing_start)),
            ("currency", &report.currency),
        ],
    );
    let mut row = sheet_title(sheet, &title, &subtitle)?;

    // Figures
    let mut figures = vec![
        vec![txt(&text.get("guests.fig.spend")), money(a.spend)],
        vec![txt(&text.get("guests.fig.visits")), int(a.visits)],
        vec![txt(&text.get("guests.fig.average")), opt_money(a.average)],
        vec![txt(&text.get("guests.fig.trailing_spend")), money(a.trailing_spend)],
    ];
    if s.guests_present {
        figures.push(vec![
            txt(&text.get("guests.fig.guests_with_visits")),
            int(a.guests_with_visits as i64),
        ]);
        figures.push(vec![txt(&text.get("guests.fig.upgrades")), int(a.upgrades as i64)]);
        figures.push(vec![txt(&text.get("guests.fig.downgrades")), int(a.downgrades as i64)]);
    }
    row = write_table(
        sheet,
        row,
        Some(&text.get("guests.figures")),
        &format!("{prefix}_Figures"),
        &headers(&text, &["figure", "value"]),
        &figures,
        &mut widths,
    )?;
    if !s.guests_present {
        row = note(sheet, row, None, &text.get("guests.note.no_guests_analysis"))?;
    }

    // Spend by class, with its chart
    if s.guests_present {
        let first = row + 1; // header row (after the title line)
        let rows: Vec<Vec<Cell>> = a
            .by_group
            .iter()
            .map(|g| {
                vec![
                    txt(&g.label),
                    g.profiles.map_or(Cell::Empty, |p| int(p as i64)),
                    int(g.guests_with_visits as i64),
                    int(g.visits),
                    money(g.spend),
                    Cell::Percent(g.share),
                    opt_money(g.average),
                    money(g.trailing_spend),
                ]
            })
            .collect();
        row = write_table(
            sheet,
            row,
            Some(&text.get("guests.by_class.title")),
            &format!("{prefix}_ByClass"),
            &headers(
                &text,
                &[
                    "group",
                    "profiles",
                    "guests_with_visits",
                    "visits",
                    "spend",
                    "share",
                    "average",
                    "trailing_spend",
                ],
            ),
            &rows,
            &mut widths,
        )?;
        if !a.spend.is_zero() {
            let mut chart = Chart::new(ChartType::Column);
            chart
                .add_series()
                .set_categories((sheet_name.as_str(), first + 1, 0, first + rows.len() as u32, 0))
                .set_values((sheet_name.as_str(), first + 1, 4, first + rows.len() as u32, 4))
                .set_name(text.get("guests.col.spend").as_str());
            chart.title().set_name(text.get("guests.chart.by_class").as_str());
            chart.legend().set_hidden();
            chart.y_axis().set_num_format("#,##0");
            chart.set_width(640).set_height(300);
            sheet.insert_chart(row - 1, 0, &chart)?;
            row += CHART_ROWS;
        }
    }

    // Spend by month, with its chart
    let first = row + 1;
    let group_keys: Vec<String> = GROUPS.iter().map(|g| format!("group.{g}")).collect();
    let mut month_headers = vec![text.get("guests.col.month")];
    month_headers.extend(group_keys.iter().map(|k| text.get(&format!("guests.{k}"))));
    month_headers.push(text.get("guests.col.spend"));
    month_headers.push(text.get("guests.col.visits"));
    let rows: Vec<Vec<Cell>> = a
        .by_month
        .iter()
        .map(|m| {
            let mut r = vec![txt(&m.month)];
            r.extend(m.by_group.iter().map(|d| money(*d)));
            r.push(money(m.spend));
            r.push(int(m.visits));
            r
        })
        .collect();
    row = write_table(
        sheet,
        row,
        Some(&text.get("guests.by_month.title")),
        &format!("{prefix}_ByMonth"),
        &month_headers,
        &rows,
        &mut widths,
    )?;
    if !a.spend.is_zero() && !rows.is_empty() {
        let last = first + rows.len() as u32;
        let mut chart = Chart::new(ChartType::ColumnStacked);
        for (g, name) in month_headers.iter().enumerate().skip(1).take(GROUPS.len()) {
            let used = a.by_month.iter().any(|m| !m.by_group[g - 1].is_zero());
            if !used {
                continue;
            }
            chart
                .add_series()
                .set_categories((sheet_name.as_str(), first + 1, 0, last, 0))
                .set_values((sheet_name.as_str(), first + 1, g as u16, last, g as u16))
                .set_name(name.as_str());
        }
        chart.title().set_name(text.get("guests.chart.by_month").as_str());
        chart.y_axis().set_num_format("#,##0");
        chart.set_width(640).set_height(300);
        sheet.insert_chart(row - 1, 0, &chart)?;
        row += CHART_ROWS;
    }

    if s.guests_present {
        // Top guests
        let rows: Vec<Vec<Cell>> = a
            .top
            .iter()
            .enumerate()
            .map(|(i, g)| {
                vec![
                    int(i as i64 + 1),
                    txt(&g.guest_id),
                    txt(&g.name),
                    txt(&g.company),
                    txt(&g.class),
                    money(g.spend),
                    int(g.visits),
                    opt_money(g.average),
                ]
            })
            .collect();
        row = write_long_table(
            sheet,
            long,
            row,
            Some(&text.fmt("guests.top.title", &[("n", &TOP_GUESTS.to_string())])),
            &format!("{prefix}_Top"),
            &headers(
                &text,
                &[
                    "rank", "guest_id", "name", "company", "class", "spend", "visits", "average",
                ],
            ),
            &rows,
            &mut widths,
        )?;

        // Class changes proposed
        let rows: Vec<Vec<Cell>> = a
            .changes
            .iter()
            .map(|g| {
                vec![
                    txt(&g.guest_id),
                    txt(&g.name),
                    txt(&g.company),
                    txt(&g.class),
                    txt(&g.proposed),
                    money(g.trailing_spend),
                    int(g.trailing_visits),
                ]
            })
            .collect();
        row = write_long_table(
            sheet,
            long,
            row,
            Some(&text.get("guests.changes.title")),
            &format!("{prefix}_Changes"),
            &headers(
                &text,
                &[
                    "guest_id",
                    "name",
                    "company",
                    "recorded",
                    "proposed",
                    "trailing_spend",
                    "trailing_visits",
                ],
            ),
            &rows,
            &mut widths,
        )?;

        // Spend per guest
        let rows: Vec<Vec<Cell>> = a
            .guests
            .iter()
            .map(|g| {
                vec![
                    txt(&g.guest_id),
                    txt(&g.name),
                    txt(&g.company),
                    txt(&g.class),
                    money(g.spend),
                    int(g.visits),
                    opt_money(g.average),
                    money(g.trailing_spend),
                    int(g.trailing_visits),
                    txt(&g.spend_class),
                    txt(&g.proposed),
                ]
            })
            .collect();
        row = write_long_table(
            sheet,
            long,
            row,
            Some(&text.get("guests.per_guest.title")),
            &format!("{prefix}_Guests"),
            &headers(
                &text,
                &[
                    "guest_id",
                    "name",
                    "company",
                    "class",
                    "spend",
                    "visits",
                    "average",
                    "trailing_spend",
                    "trailing_visits",
                    "spend_class",
                    "proposed",
                ],
            ),
            &rows,
            &mut widths,
        )?;
        if a.guests_left_out > 0 {
            note(
                sheet,
                row - 1,
                None,
                &text.fmt("guests.note.left_out", &[("n", &a.guests_left_out.to_string())]),
            )?;
        }
    }
    finish(sheet, report, &widths)
}
