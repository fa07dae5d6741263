//! The workbook as a person sees it, read back from the saved package: every table's headings
//! over their values, columns as wide as what they show, the findings-by-rule chart, the print
//! set-up of every sheet, titles that follow the period, birthdays by month and day, the trend's
//! months without a report, and the line for a period the registers do not reach.

mod package;
mod periods;

use package::{reference, sheet, sheets, shown_width, Sheet, Shown};

use crate::base::i18n::Lang;
use crate::render::ooxml::{attribute, read_part};
use crate::render::tests::{elements, sample_month, sample_period};
use crate::report::Report;

/// The report of the sample registers for `period`, in `lang`.
fn report(lang: Lang, period: &str) -> Report {
    sample_period(lang, period, false).report
}

/// The workbook of `report`, its sheets read back.
fn workbook(report: &Report) -> Vec<Sheet> {
    sheets(&super::render(report).unwrap())
}

#[test]
fn every_heading_of_every_table_is_worded_in_the_report_language() {
    for lang in [Lang::En, Lang::ZhHant, Lang::ZhHans] {
        let report = sample_month(lang, false).report;
        let book = super::render(&report).unwrap();
        let mut headings = 0;
        for t in 1.. {
            let Ok(table) = read_part(&book, &format!("xl/tables/table{t}.xml")) else {
                break;
            };
            for column in elements(&table, "tableColumn") {
                let name = attribute(column, "name").unwrap();
                let key = name.contains('.') && name.chars().all(|c| c.is_ascii_lowercase() || "._".contains(c));
                assert!(!key, "{lang:?}: a heading is its catalogue key: {name}");
                headings += 1;
            }
        }
        assert!(headings > 100, "{headings}");
    }
}

/// For every table of every sheet: each heading stands like the values under it (a number's
/// heading on the right, over its numbers), and each column is as wide as its heading and its
/// widest value show (an East Asian character counting two), unless the value wraps.
fn assert_headings_over_values_and_columns_wide_enough(report: &Report) {
    let what = format!("{:?} {}", report.lang, report.period);
    let mut columns = 0;
    for sheet in workbook(report) {
        for (name, top, left, bottom, right, _) in &sheet.tables {
            for col in *left..=*right {
                let at = |row: u32| format!("{what} {} {name} {}", sheet.name, reference(row, col));
                let heading = sheet
                    .cell(*top, col)
                    .unwrap_or_else(|| panic!("{}: no heading", at(*top)));
                let width = sheet.width(col);
                assert!(
                    (shown_width(&heading.text) as f64) < width,
                    "{}: the heading {:?} is wider than its column ({width})",
                    at(*top),
                    heading.text
                );
                for row in top + 1..=*bottom {
                    let Some(value) = sheet.cell(row, col).filter(|c| !c.text.is_empty()) else {
                        continue;
                    };
                    assert_eq!(
                        heading.align,
                        value.align,
                        "{}: {:?} stands otherwise than its heading {:?}",
                        at(row),
                        value.text,
                        heading.text
                    );
                    let shown = shown_width(&value.text) as f64;
                    assert!(
                        value.wraps || shown < width,
                        "{}: {:?} ({shown} wide, in {}) does not fit its column ({width})",
                        at(row),
                        value.text,
                        value.format
                    );
                }
                columns += 1;
            }
        }
    }
    assert!(columns > 100, "{what}: {columns} columns");
}

#[test]
fn every_tables_headings_stand_over_their_values_in_columns_that_fit_them() {
    for lang in [Lang::En, Lang::ZhHant, Lang::ZhHans] {
        assert_headings_over_values_and_columns_wide_enough(&report(lang, "2026-10"));
    }
    // December: the quarter's, half-year's and year's consumption analyses too.
    assert_headings_over_values_and_columns_wide_enough(&report(Lang::ZhHant, "2026-12"));
}

#[test]
fn numbers_keep_off_the_text_of_the_next_column() {
    let report = report(Lang::En, "2026-12");
    let book = super::render(&report).unwrap();
    let styles = read_part(&book, "xl/styles.xml").unwrap();
    // Every right-aligned style keeps an indent of room on its right.
    for alignment in elements(&styles, "alignment") {
        if attribute(alignment, "horizontal") == Some("right") {
            assert!(attribute(alignment, "indent").is_some(), "{alignment}");
        }
    }
    // The rank before the guest's id ("5" and "G-0014" were shown as "5G-0014").
    let sheets = sheets(&book);
    let analysis = sheet(&sheets, "Quarterly consumption analysis");
    let (_, top, left, ..) = analysis.table("GuestsQ_Top").unwrap();
    assert_eq!(analysis.cell(top + 1, *left).unwrap().align, Shown::Right);
    assert_eq!(analysis.cell(top + 1, left + 1).unwrap().align, Shown::Left);
}

/// The chart titled `title` on `sheet`, with its frame in the drawing.
fn chart<'s>(sheet: &'s Sheet, title: &str) -> (&'s str, &'s str) {
    let i = (sheet.charts.iter())
        .position(|c| c.contains(&format!(">{title}<")))
        .unwrap_or_else(|| panic!("no chart {title}"));
    let frames = elements(&sheet.drawing, "xdr:twoCellAnchor");
    (&sheet.charts[i], frames[i])
}

#[test]
fn the_findings_by_rule_chart_shows_the_rules_with_findings_most_first_in_whole_steps() {
    let report = report(Lang::En, "2026-12");
    let mut with_findings: Vec<(&str, usize)> = (report.rules.iter())
        .filter(|r| r.count > 0)
        .map(|r| (r.id, r.count))
        .collect();
    with_findings.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    assert!(with_findings.len() >= 3 && with_findings.len() < report.rules.len());
    let sheets = workbook(&report);
    let (chart, frame) = chart(sheet(&sheets, "Summary"), "Findings by rule");
    let categories: Vec<String> = elements(elements(chart, "c:cat")[0], "c:v")
        .iter()
        .map(|v| package::text_of(&v.replace("c:v", "t")))
        .collect();
    let values: Vec<usize> = elements(elements(chart, "c:val")[0], "c:v")
        .iter()
        .map(|v| package::text_of(&v.replace("c:v", "t")).parse().unwrap())
        .collect();
    let shown: Vec<(&str, usize)> = categories.iter().map(String::as_str).zip(values).collect();
    assert_eq!(shown, with_findings, "only the rules with findings, most first");
    // Whole steps, thick bars. (Every label: Excel shows each when it has the room, which the
    // chart's height gives it; rust_xlsxwriter writes no label interval of 1.)
    let major: f64 = attribute(elements(chart, "c:majorUnit")[0], "val")
        .unwrap()
        .parse()
        .unwrap();
    assert!(major >= 1.0 && major.fract() == 0.0, "{major}");
    assert!(!chart.contains("<c:tickLblSkip"), "no label skipped");
    let gap: u32 = attribute(elements(chart, "c:gapWidth")[0], "val")
        .unwrap()
        .parse()
        .unwrap();
    assert!(gap <= 50, "bars as thick as their labels: gap {gap}");
    // The chart grows with its bars: at least 20 pixels a bar (9525 EMU a pixel).
    let height: u64 = attribute(elements(frame, "a:ext")[0], "cy")
        .or_else(|| elements(frame, "xdr:ext").first().and_then(|e| attribute(e, "cy")))
        .map_or(0, |cy| cy.parse().unwrap());
    let rows = (elements(frame, "xdr:row").iter())
        .map(|r| package::text_of(&r.replace("xdr:row", "t")).parse::<u64>().unwrap())
        .collect::<Vec<_>>();
    let tall = height.max((rows[1] - rows[0]) * 20 * 9525);
    assert!(
        tall >= 20 * 9525 * with_findings.len() as u64,
        "{tall} for {} bars",
        with_findings.len()
    );
}

#[test]
fn every_sheet_prints_on_a4_landscape_legibly_with_its_heading_and_the_period() {
    for period in ["2026-10", "2026-12"] {
        let report = report(Lang::ZhHant, period);
        let book = super::render(&report).unwrap();
        let workbook_xml = read_part(&book, "xl/workbook.xml").unwrap();
        let sheets = sheets(&book);
        assert!(sheets.len() >= 6);
        for (i, s) in sheets.iter().enumerate() {
            let setup = elements(&s.xml, "pageSetup")[0];
            assert_eq!(attribute(setup, "orientation"), Some("landscape"), "{}", s.name);
            assert_eq!(attribute(setup, "paperSize"), Some("9"), "{}: A4", s.name);
            // Shrunk to no less than 73 % (11-point text at 8 points), or printed at full size
            // over several pages.
            let scale: u32 = attribute(setup, "scale").map_or(100, |v| v.parse().unwrap());
            assert!((73..=100).contains(&scale), "{}: {scale} %", s.name);
            let fit = elements(&s.xml, "pageSetUpPr")
                .first()
                .is_some_and(|p| p.contains("fitToPage=\"1\""));
            assert!(
                !fit || attribute(setup, "fitToHeight") == Some("0"),
                "{}: fit to width only",
                s.name
            );
            let titles = format!("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"{i}\">");
            assert!(workbook_xml.contains(&titles), "{}: no heading repeated", s.name);
            let footer = package::text_of(&elements(&s.xml, "oddFooter")[0].replace("oddFooter", "t"));
            assert!(footer.contains(&report.period), "{}: {footer}", s.name);
            assert!(
                footer.contains("&P") && footer.contains("&N"),
                "{}: page numbers",
                s.name
            );
        }
    }
}

#[test]
fn the_summary_tables_print_on_one_page_width() {
    for lang in [Lang::En, Lang::ZhHant] {
        for period in ["2026-10", "2026-12", "2026"] {
            let report = report(lang, period);
            let sheets = sheets(&super::render(&report).unwrap());
            let setup = elements(&sheets[0].xml, "pageSetup")[0];
            let scale: u32 = attribute(setup, "scale").map_or(100, |v| v.parse().unwrap());
            // The left band of tables on a page's width, shrunk by its scale (a width as written
            // has the 0.71 of a character that Excel adds to the width asked for).
            let band: f64 = (0..super::summary::BAND)
                .map(|c| super::column_px(sheets[0].width(c.into()) - 0.7109375))
                .sum();
            assert!(
                band * f64::from(scale) / 100.0 <= super::PAGE_PX,
                "{lang:?} {period}: {band} px at {scale} %"
            );
        }
    }
}

#[test]
fn the_contract_reviews_print_their_heading_and_order_numbers_on_every_page() {
    let report = report(Lang::En, "2026-10");
    let book = super::render(&report).unwrap();
    let workbook_xml = read_part(&book, "xl/workbook.xml").unwrap();
    let sheets = sheets(&book);
    let contracts = sheet(&sheets, "Contract reviews");
    let (_, header, ..) = contracts.table("ContractReviews").unwrap();
    let titles = format!("'Contract reviews'!$A:$A,'Contract reviews'!${0}:${0}", header + 1);
    assert!(workbook_xml.contains(&titles), "{titles}");
    // Too wide for a page at 73 %: printed at full size, over then down.
    let setup = elements(&contracts.xml, "pageSetup")[0];
    assert_eq!(attribute(setup, "scale"), None);
    assert_eq!(attribute(setup, "pageOrder"), Some("overThenDown"));
    // The contracts are the last table: no other table's pages carry their heading.
    assert!(contracts.tables.iter().all(|t| t.1 <= *header));
}

/// The workbook written into its file as it is put together is the workbook rendered in memory,
/// byte for byte, and no temporary file is left beside it.
#[test]
fn the_workbook_written_to_its_file_is_the_one_rendered() {
    let report = report(Lang::ZhHant, "2026-10");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("2026-10/clerk-2026-10.xlsx");
    super::write(&report, &path).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), super::render(&report).unwrap());
    let names: Vec<_> = (std::fs::read_dir(path.parent().unwrap()).unwrap())
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["clerk-2026-10.xlsx"]);
}
