//! The summaries as their readers see them: the findings to act on first (which, in what order,
//! how many) in the HTML and in the e-mail's text part, and what keeps a page within a phone's
//! width.

use super::routing::tests::{finding, routing};
use super::routing::{Audience, Routing};
use super::{render, Enclosure, Summary};
use crate::base::i18n::Lang;
use crate::base::message::Message;
use crate::commands::texts::catalogue;
use crate::registers::Kind;
use crate::report::Report;
use crate::rules::finding::{Finding, Severity};

fn departments() -> Routing {
    routing(&[
        ("sales", &["CR"]),
        ("customer-service", &["FB", "CP"]),
        ("guest-relations", &["GH"]),
    ])
}

/// A finding of `rule` about `record`, at row `row` of the register's file.
fn at(rule: &'static str, severity: Severity, register: Kind, row: u32, record: &str) -> Finding {
    let mut f = Finding {
        severity,
        record: record.into(),
        message: Message::text(format!("{rule} problem of {record}")),
        ..finding(rule, register)
    };
    f.location.file = format!("{}.xlsx", register.id());
    f.location.row = row;
    f
}

/// A month's report holding `findings` (put in SPEC 6 order, as a run does).
fn report(mut findings: Vec<Finding>) -> Report {
    crate::rules::finding::sort(&mut findings, &catalogue(Lang::En));
    Report {
        company: "Co".into(),
        period: "2026-10".into(),
        span: crate::month::Span::Month,
        title: "Monthly register check".into(),
        empty_period: None,
        as_of: chrono::NaiveDate::from_ymd_opt(2026, 10, 31).unwrap(),
        lang: Lang::En,
        catalogue: catalogue(Lang::En),
        currency: "CNY".into(),
        inputs: Vec::new(),
        skipped: Vec::new(),
        findings,
        registers: Vec::new(),
        rules: Vec::new(),
        counts: Default::default(),
        settings: Vec::new(),
        settings_json: serde_json::Value::Null,
        settings_source: String::new(),
        inbox: Default::default(),
        out_dir: None,
        contracts: Default::default(),
        feedback: Default::default(),
        guests: Default::default(),
        trend: Vec::new(),
        families: crate::report::Families::ALL,
        department: None,
        lifecycle: None,
        departments: Default::default(),
    }
}

fn page(report: &Report, audience: Audience) -> Summary {
    render(report, &departments(), &audience, Enclosure::Whole).unwrap()
}

fn sales() -> Audience {
    Audience::Department("sales".into())
}

/// The text part's list of findings to act on first: each heading with the records of its lines,
/// and the group's closing line ("… and 6 more in the workbook."), if any.
fn list(summary: &Summary) -> Vec<(String, Vec<String>, String)> {
    let text = &summary.text;
    let start = text.find("== Findings to act on first ==").expect("no list") + 31;
    let mut groups: Vec<(String, Vec<String>, String)> = Vec::new();
    for line in text[start..].lines() {
        if line.starts_with("== ") || line.starts_with("Every finding") || line.starts_with("Notes (") {
            break;
        }
        if line.is_empty() {
            continue;
        }
        if let Some(item) = line.strip_prefix("- ") {
            let record = item.split(" · ").nth(1).unwrap_or("").to_string();
            groups.last_mut().expect("a line before any heading").1.push(record);
        } else if line.starts_with('…') || line == "Listed in the workbook." {
            groups.last_mut().expect("a closing line before any heading").2 = line.to_string();
        } else if !line.starts_with(' ') {
            groups.push((line.to_string(), Vec::new(), String::new()));
        }
    }
    groups
}

/// The number in "… and 6 more in the workbook."
fn more(closing: &str) -> usize {
    (closing.split_whitespace()).find_map(|w| w.parse().ok()).unwrap_or(0)
}

/// The number in a heading "Sales: 80 errors".
fn count(heading: &str) -> usize {
    heading
        .rsplit(": ")
        .next()
        .unwrap()
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

fn ids(prefix: &str, n: std::ops::RangeInclusive<usize>) -> Vec<String> {
    n.map(|i| format!("{prefix}-{i:03}")).collect()
}

#[test]
fn up_to_fifty_errors_are_all_listed_by_severity_then_department_then_register() {
    let mut findings = Vec::new();
    for (i, id) in ids("HT", 1..=24).iter().enumerate() {
        findings.push(at("CR02", Severity::Error, Kind::Contracts, 2 + i as u32, id));
    }
    findings.push(at("RG01", Severity::Error, Kind::Contracts, 30, "HT-025"));
    findings.push(at("CR05", Severity::Error, Kind::Amendments, 2, "HT-900"));
    findings.push(at("CR04", Severity::Warning, Kind::Contracts, 40, "HT-030"));
    findings.push(at("FB01", Severity::Error, Kind::Feedback, 3, "FK-002"));
    findings.push(at("FB01", Severity::Error, Kind::Feedback, 2, "FK-001"));
    findings.push(at("GH03", Severity::Warning, Kind::Visits, 2, "G-002"));
    findings.push(at("GH04", Severity::Error, Kind::Guests, 9, "G-001"));
    findings.push(at("GH02", Severity::Info, Kind::Guests, 3, "G-003"));
    let report = report(findings);

    let manager = page(&report, Audience::Manager);
    let mut contracts = ids("HT", 1..=25);
    contracts.push("HT-900".into());
    let expected = vec![
        (
            "Customer service: 2 errors".to_string(),
            ids("FK", 1..=2),
            String::new(),
        ),
        ("Guest relations: 1 error".into(), vec!["G-001".into()], String::new()),
        ("Sales: 26 errors".into(), contracts.clone(), String::new()),
        ("Guest relations: 1 warning".into(), vec!["G-002".into()], String::new()),
        ("Sales: 1 warning".into(), vec!["HT-030".into()], String::new()),
    ];
    assert_eq!(list(&manager), expected);
    // The HTML lists the same lines in the same order; the manager's page leaves notes to the
    // workbook and says so.
    let html = &manager.html;
    let places: Vec<usize> = (expected.iter())
        .flat_map(|(heading, records, _)| {
            let at = html.find(&format!(">{heading}<")).expect(heading);
            std::iter::once(at).chain(records.iter().map(|r| html.find(&format!("<b>{r}</b>")).expect(r)))
        })
        .collect();
    assert!(places.windows(2).all(|w| w[0] < w[1]), "{places:?}");
    assert!(html.contains("Notes (1) are listed in the workbook only."));
    assert!(!html.contains("G-003"));

    // A department's page: by register, its notes last.
    let page = page(&report, sales());
    let rows = list(&page);
    assert_eq!(
        rows.iter().map(|(h, r, _)| (h.as_str(), r.len())).collect::<Vec<_>>(),
        [
            ("Contracts and orders: 25 errors", 25),
            ("Contract amendments: 1 error", 1),
            ("Contracts and orders: 1 warning", 1)
        ]
    );
    assert_eq!(rows[0].1, contracts[..25]);
}

#[test]
fn past_fifty_errors_every_department_keeps_its_count_and_first_errors() {
    let mut findings = Vec::new();
    for (i, id) in ids("HT", 1..=80).iter().enumerate() {
        findings.push(at("CR02", Severity::Error, Kind::Contracts, 2 + i as u32, id));
        if i < 5 {
            findings.push(at("CR04", Severity::Warning, Kind::Contracts, 2 + i as u32, id));
        }
    }
    for (i, id) in ids("FK", 1..=30).iter().enumerate() {
        findings.push(at("FB01", Severity::Error, Kind::Feedback, 2 + i as u32, id));
    }
    findings.push(at("GH04", Severity::Error, Kind::Guests, 2, "G-001"));
    findings.push(at("GH04", Severity::Error, Kind::Guests, 3, "G-002"));
    let report = report(findings);

    let groups = list(&page(&report, Audience::Manager));
    let headings: Vec<&str> = groups.iter().map(|(h, _, _)| h.as_str()).collect();
    assert_eq!(
        headings,
        [
            "Customer service: 30 errors",
            "Guest relations: 2 errors",
            "Sales: 80 errors",
            "Sales: 5 warnings"
        ]
    );
    // Fifty lines of errors in all, shared: the small department lists all of its own.
    let errors = &groups[..3];
    assert_eq!(errors.iter().map(|(_, r, _)| r.len()).sum::<usize>(), 50);
    assert_eq!(errors[1].1, ["G-001", "G-002"]);
    for (heading, records, closing) in errors {
        assert!(!records.is_empty(), "{heading} lists nothing");
        // Each lists its first errors in register order and says how many more the workbook holds.
        let prefix = records[0].split('-').next().unwrap();
        assert_eq!(records, &ids(prefix, 1..=records.len()), "{heading}");
        assert_eq!(records.len() + more(closing), count(heading), "{heading}: {closing}");
    }
    // No room is left for warnings: their heading and count stay, the lines are in the workbook.
    assert_eq!(groups[3].1.len(), 0);
    assert_eq!(groups[3].2, "Listed in the workbook.");

    // A department's page: each register keeps its count and first errors.
    let mut findings = report.findings.clone();
    for i in 0..3 {
        findings.push(at(
            "CR05",
            Severity::Error,
            Kind::Amendments,
            2 + i,
            &format!("AM-{:03}", i + 1),
        ));
    }
    let groups = list(&page(&super::tests::report(findings), sales()));
    assert_eq!(groups[0].0, "Contracts and orders: 80 errors");
    assert_eq!(
        groups[1],
        ("Contract amendments: 3 errors".into(), ids("AM", 1..=3), String::new())
    );
    assert_eq!(groups[0].1.len() + groups[1].1.len(), 50);
}

#[test]
fn a_department_s_only_error_is_never_hidden() {
    let mut findings: Vec<Finding> = (ids("HT", 1..=120).iter().enumerate())
        .map(|(i, id)| at("CR02", Severity::Error, Kind::Contracts, 2 + i as u32, id))
        .collect();
    findings.push(at("FB01", Severity::Error, Kind::Feedback, 2, "FK-001"));
    findings.push(at("GH04", Severity::Error, Kind::Guests, 500, "G-001"));
    let report = report(findings.clone());
    let manager = page(&report, Audience::Manager);
    assert!(manager.html.contains("Guest relations: 1 error"));
    assert!(manager.html.contains("<b>G-001</b>"), "the guest error is hidden");
    assert!(manager.text.contains("- GH04 · G-001"));
    // Nor when a page must shrink to fit Gmail's limit: one line each at the least.
    let refs: Vec<&Finding> = report.findings.iter().collect();
    let (groups, _) = super::act_first::act_first(
        &report.catalogue,
        &departments(),
        &Audience::Manager,
        &refs,
        1,
        &|_, t| t.to_string(),
    );
    let lines: Vec<Vec<&str>> = groups
        .iter()
        .map(|g| g.lines.iter().map(|l| l.record).collect())
        .collect();
    assert_eq!(lines, [vec!["FK-001"], vec!["G-001"], vec!["HT-001"]]);
}

#[test]
fn a_duplicate_number_is_one_line_naming_both_places() {
    let first = Finding {
        message: "number HT-007 is used more than once; also at contracts.xlsx › s › A9".into(),
        ..at("RG03", Severity::Error, Kind::Contracts, 5, "HT-007")
    };
    let second = Finding {
        // The same number, typed in other case: RG03 compares numbers ignoring it.
        message: "number ht-007 is used more than once; also at contracts.xlsx › s › A5".into(),
        ..at("RG03", Severity::Error, Kind::Contracts, 9, "ht-007")
    };
    let other = at("CR02", Severity::Error, Kind::Contracts, 7, "HT-008");
    let report = report(vec![second, other, first]);
    for audience in [Audience::Manager, sales()] {
        let summary = page(&report, audience.clone());
        let groups = list(&summary);
        assert_eq!(groups[0].1, ["HT-007", "HT-008"], "{audience:?}");
        assert!(groups[0].0.ends_with(": 3 errors"), "{}", groups[0].0);
        assert_eq!(groups[0].2, "", "a finding counted as left out");
        for text in [&summary.html, &summary.text] {
            assert_eq!(text.to_lowercase().matches("ht-007 is used").count(), 1, "{audience:?}");
            assert!(text.contains("contracts.xlsx › s › A5"), "first place missing");
            assert!(text.contains("also at contracts.xlsx › s › A9"), "second place missing");
        }
    }
}

/// Widths in pixels a page sets (`width:680px`, `width="680"`), leaving out `max-width` and
/// `min-width` and what only Outlook on Windows reads (`<!--[if mso]>…<![endif]-->`).
fn fixed_widths(html: &str) -> Vec<u32> {
    let mut rest = String::new();
    let mut tail = html;
    while let Some(start) = tail.find("<!--[if mso]>") {
        rest.push_str(&tail[..start]);
        tail = tail[start..].split_once("<![endif]-->").map(|(_, t)| t).unwrap_or("");
    }
    rest.push_str(tail);
    let mut widths = Vec::new();
    for (i, _) in rest.match_indices("width") {
        let before = &rest[..i];
        if before.ends_with("max-") || before.ends_with("min-") {
            continue;
        }
        let after = rest[i + 5..].trim_start_matches([':', '=', '"', ' ']);
        let digits: String = after.chars().take_while(|c| c.is_ascii_digit()).collect();
        let unit = &after[digits.len()..];
        if !digits.is_empty() && !unit.starts_with('%') && !unit.starts_with('.') {
            widths.push(digits.parse().unwrap());
        }
    }
    widths
}

#[test]
fn no_page_sets_a_width_a_phone_cannot_show() {
    assert_eq!(
        fixed_widths("<td width=\"500\" style=\"max-width:680px;width:100%\">"),
        [500]
    );
    assert_eq!(
        fixed_widths("<!--[if mso]><table width=\"680\"><![endif]--><div style=\"width:33%\">"),
        [0u32; 0]
    );
    let dir = tempfile::tempdir().unwrap();
    let report = crate::render::tests::sample_report(dir.path());
    let routing = Routing::new(&crate::settings::Settings::default().departments);
    let mut pages = vec![super::TEMPLATE.to_string()];
    for audience in routing.audiences() {
        pages.push(render(&report, &routing, &audience, Enclosure::Whole).unwrap().html);
    }
    for html in &pages {
        let too_wide: Vec<u32> = fixed_widths(html).into_iter().filter(|w| *w > 400).collect();
        assert!(too_wide.is_empty(), "fixed widths {too_wide:?}");
        // What keeps it within a phone: a page at most 680 px wide but never wider than the
        // screen, cards that wrap, no text kept from wrapping.
        assert!(html.contains("<div style=\"max-width:680px;\">"));
        // Three cards on a page, from the one card macro of the template.
        let cards = html.matches("display:inline-block;vertical-align:top;width:33%;min-width:96px;");
        assert_eq!(cards.count(), if *html == super::TEMPLATE { 1 } else { 3 });
        assert!(
            !html.contains("nowrap"),
            "white-space:nowrap keeps a line from wrapping"
        );
    }
}

#[test]
fn a_departments_part_holds_its_findings_and_rules_masked() {
    let mut phone = at("RG02", Severity::Error, Kind::Guests, 3, "G-0001");
    phone.field = "phone".into();
    phone.message = "Phone 「138-1234-5678x」 cannot be read".into();
    let mut report = report(vec![
        at("CR02", Severity::Error, Kind::Contracts, 2, "HT-1"),
        at("RG01", Severity::Error, Kind::Amendments, 4, "BG-1"),
        phone,
    ]);
    report.rules = crate::rules::registry::all()
        .map(|r| crate::report::RuleRow {
            id: r.id(),
            title: String::new(),
            severity: r.severity(),
            severity_text: String::new(),
            clause: String::new(),
            count: report.findings.iter().filter(|f| f.rule == r.id()).count(),
            ran: true,
        })
        .collect();
    let routing = departments();

    let sales = routing.part(&report, "sales");
    let records: Vec<&str> = sales.findings.iter().map(|f| f.record.as_str()).collect();
    assert_eq!(records, ["HT-1", "BG-1"]);
    assert_eq!(sales.department.as_deref(), Some("Sales"));
    let families = sales.families;
    assert!(families.contracts && !families.feedback && !families.guests);
    let rules: Vec<&str> = sales.rules.iter().map(|r| r.id).collect();
    assert!(rules.contains(&"CR02") && rules.contains(&"RG01"), "{rules:?}");
    assert!(
        !rules.iter().any(|r| r.starts_with("GH") || r.starts_with("FB")),
        "{rules:?}"
    );
    assert_eq!(sales.counts.errors, 2);

    let guests = routing.part(&report, "guest-relations");
    assert_eq!(guests.findings.len(), 1);
    assert_eq!(
        guests.findings[0].message.as_str(),
        "Phone 「138****5678x」 cannot be read"
    );
    let rg02 = guests.rules.iter().find(|r| r.id == "RG02").unwrap();
    assert_eq!(rg02.count, 1);
    // The whole report is left as it was.
    assert_eq!(report.findings.len(), 3);
    assert!(report.findings[2].message.as_str().contains("1234"));
}
