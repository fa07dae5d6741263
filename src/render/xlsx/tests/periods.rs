//! What follows the period: the titles (monthly, quarterly…), the trend's months without a report,
//! the line for a period the registers do not reach; and the birthdays of next month by month
//! and day.

use super::package::{sheet, sheets};
use super::{report, workbook};
use crate::base::i18n::Lang;
use crate::render::ooxml::read_part;
use crate::report::TrendPoint;

#[test]
fn the_titles_follow_the_period() {
    for (period, lang, title, feedback) in [
        ("2026-10", Lang::En, "Monthly register check", "Feedback monthly report"),
        (
            "2026-Q4",
            Lang::En,
            "Quarterly register check",
            "Feedback quarterly report",
        ),
        ("2026-H2", Lang::ZhHant, "半年度台帳檢查報告", "顧客反饋信息半年報表"),
        ("2026", Lang::ZhHans, "年度台账检查报告", "顾客反馈信息年报表"),
    ] {
        let report = report(lang, period);
        let book = crate::render::xlsx::render(&report).unwrap();
        let sheets = sheets(&book);
        let summary = &sheets[0];
        assert!(summary.cell(0, 0).unwrap().text.starts_with(title), "{period}");
        let fb = sheet(&sheets, feedback);
        let heading = &fb.cell(0, 0).unwrap().text;
        assert!(
            !heading.contains("monthly") && !heading.contains("月報") && !heading.contains("月报")
                || period == "2026-10"
        );
        let core = read_part(&book, "docProps/core.xml").unwrap();
        assert!(
            core.contains(&format!("<dc:title>{title} {period}</dc:title>")),
            "{core}"
        );
        // The e-mail's subject says it in the same words.
        let subject = crate::render::eml::subject(&report, &crate::render::html::Audience::Manager);
        assert!(subject.contains(title), "{subject}");
    }
}

#[test]
fn a_quarter_or_a_year_says_the_period_where_a_month_says_the_month() {
    let said = |lang, period: &str| -> Vec<String> {
        let report = report(lang, period);
        let mut texts: Vec<String> = (sheets(&crate::render::xlsx::render(&report).unwrap()).iter())
            .flat_map(|s| s.cells.values().map(|c| c.text.clone()).collect::<Vec<_>>())
            .collect();
        let blocks = crate::report::feedback::html_blocks(&report);
        texts.extend(
            blocks
                .iter()
                .flat_map(|b| b.figures.iter().map(|(label, _)| label.clone())),
        );
        texts
    };
    let labels = ["feedback.figures", "feedback.fig.received", "contracts.table.contracts"];
    for lang in Lang::ALL {
        let text = report(lang, "2026-10").text();
        let month = said(lang, "2026-10");
        for key in labels {
            assert!(month.contains(&text.get(key)), "{lang:?} {key}");
            assert!(!month.contains(&text.in_variant("period").get(key)), "{lang:?} {key}");
        }
        let in_month = match lang {
            Lang::En => " the month",
            _ => "本月",
        };
        for period in ["2026-Q4", "2026-H2", "2026"] {
            let texts = said(lang, period);
            let month_words: Vec<&String> = (texts.iter())
                .filter(|t| t.contains(in_month) && !t.contains("Record 6.9"))
                .collect();
            assert!(month_words.is_empty(), "{lang:?} {period}: {month_words:?}");
            for key in labels {
                assert!(
                    texts.contains(&text.in_variant("period").get(key)),
                    "{lang:?} {period} {key}"
                );
            }
        }
    }
}

#[test]
fn a_birthday_shows_the_month_and_day_it_falls_on() {
    let report = report(Lang::ZhHant, "2026-10");
    let (row, day) = (report.guests.attention.iter().enumerate())
        .find_map(|(row, r)| Some((row, r.birthday?)))
        .expect("a birthday next month");
    let sheets = workbook(&report);
    let guests = sheet(&sheets, "客史檔案");
    let (_, top, left, _, right, _) = guests.table("GuestsAttention").unwrap();
    let col = (*left..=*right)
        .find(|c| guests.cell(*top, *c).unwrap().text == "生日")
        .unwrap();
    let cell = guests.cell(top + 1 + row as u32, col).unwrap();
    assert_eq!(cell.format, "mm-dd");
    assert_eq!(cell.text, day.format("%m-%d").to_string());
    assert_eq!(cell.text.len(), 5, "{}", cell.text);
}

#[test]
fn a_month_without_a_report_is_a_named_gap_in_the_trend() {
    let out = tempfile::tempdir().unwrap();
    let findings = r#"{"summary": {"by_severity": {"error": 26, "warning": 13, "info": 2}}}"#;
    std::fs::create_dir_all(out.path().join("2026-10")).unwrap();
    std::fs::write(out.path().join("2026-10/findings.json"), findings).unwrap();
    let mut report = report(Lang::En, "2026-12");
    report.trend = crate::report::trend(crate::report::earlier_months(out.path(), &report.period), &report);
    let months: Vec<(&str, bool)> = report.trend.iter().map(|t| (t.month.as_str(), t.reported)).collect();
    assert_eq!(months, [("2026-10", true), ("2026-11", false), ("2026-12", true)]);
    assert_eq!(
        report.trend[0],
        TrendPoint {
            month: "2026-10".into(),
            reported: true,
            errors: 26,
            warnings: 13,
            infos: 2
        }
    );
    let sheets = workbook(&report);
    let summary = sheet(&sheets, "Summary");
    let (_, top, left, bottom, right, _) = summary.table("Trend").unwrap();
    assert_eq!(bottom - top, 3);
    let november: Vec<String> = (*left..=*right)
        .map(|c| summary.cell(top + 2, c).map_or(String::new(), |c| c.text.clone()))
        .collect();
    assert_eq!(november, ["2026-11", "", "", "", "no report"]);
    // October's counts stand under their own headings.
    let headings: Vec<String> = (*left..=*right)
        .map(|c| summary.cell(*top, c).unwrap().text.clone())
        .collect();
    let october: Vec<String> = (*left..=*right)
        .map(|c| summary.cell(top + 1, c).map_or(String::new(), |c| c.text.clone()))
        .collect();
    assert_eq!(headings[1..4], ["Errors", "Warnings", "Notes"]);
    assert_eq!(october[1..4], ["26", "13", "2"]);
    // The chart leaves the month out: a gap, not a line across it.
    let trend = summary
        .charts
        .iter()
        .find(|c| c.contains(">Findings per month<"))
        .unwrap();
    assert!(trend.contains("<c:dispBlanksAs val=\"gap\"/>"), "{trend}");
    // A quarter's report has no trend of months.
    let quarter = report_of("2026-Q4");
    assert!(crate::report::trend(crate::report::earlier_months(out.path(), &quarter.period), &quarter).is_empty());
}

fn report_of(period: &str) -> crate::report::Report {
    report(Lang::En, period)
}

#[test]
fn a_period_the_registers_do_not_reach_says_so_first() {
    let report = report(Lang::En, "2025-03");
    let notice = report
        .empty_period_notice()
        .expect("the sample registers start in 2025-11");
    assert!(notice.contains("March 2025") && notice.contains("--month"), "{notice}");
    assert!(notice.contains("from November 2025 to October 2026"), "{notice}");
    let sheets = workbook(&report);
    let summary = &sheets[0];
    let line = summary.cell(5, 0).expect("the line under the title");
    assert_eq!(line.text, notice);
    // The HTML summary says it before anything else of the month.
    let routing = crate::render::html::Routing::new(&crate::settings::Settings::default().departments);
    let page = crate::render::html::render(
        &report,
        &routing,
        &crate::render::html::Audience::Manager,
        crate::render::html::Enclosure::Whole,
    )
    .unwrap()
    .html;
    let first = notice.split(':').next().unwrap(); // the rest HTML-escaped
    let at = page.find(first).expect("the notice in the HTML");
    assert!(at < page.find(&report.text().get("summary.registers")).unwrap());
    // A month the registers reach has no such line.
    let october = report_of("2026-10");
    assert_eq!(october.empty_period_notice(), None);
    assert!(!sheets_text(&october).contains("Nothing in the registers"));
}

/// The Summary's cells of `report`, as one text.
fn sheets_text(report: &crate::report::Report) -> String {
    let sheets = workbook(report);
    sheets[0]
        .cells
        .values()
        .map(|c| c.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}
