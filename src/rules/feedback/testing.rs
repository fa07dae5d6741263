//! Helpers for the feedback rules' tests: a feedback register built in memory from (column, text)
//! pairs, a rule run on it (see [`crate::rules::testing`], which builds and runs it).

pub use crate::rules::testing::{
    findings as check_with, spot, spots, Finding, Kind, Lang, Registers, Rule, Settings, Severity,
};

use crate::rules::testing::Sheet;

/// The columns of the test sheet: canonical name and header text.
const COLUMNS: &[(&str, &str)] = &[
    ("id", "編號"),
    ("received_date", "接收日期"),
    ("customer", "顧客"),
    ("kind", "類別"),
    ("major", "重大"),
    ("review_date", "評審日期"),
    ("action", "處理措施"),
    ("service_required", "需售後服務"),
    ("service_date", "服務日期"),
    ("service_report_no", "售後服務報告單號"),
    ("customer_evaluation", "顧客評價"),
    ("verification", "驗證結果"),
    ("reply_date", "回復日期"),
    ("reply", "回復內容"),
    ("resolved_date", "解決日期"),
    ("next_reply_date", "下次回復日期"),
    ("reported_to", "報告對象"),
    ("reported_at", "報告時間"),
    ("notes", "備註"),
];

/// A feedback register with one sheet (`fb.xlsx`); each row given as (column, text) pairs.
pub fn registers(rows: &[&[(&str, &str)]]) -> Registers {
    let header: Vec<&str> = COLUMNS.iter().map(|(_, h)| *h).collect();
    let rows: Vec<Vec<&str>> = rows
        .iter()
        .map(|values| {
            COLUMNS
                .iter()
                .map(|(name, _)| values.iter().find(|(n, _)| n == name).map_or("", |(_, v)| *v))
                .collect()
        })
        .collect();
    let rows: Vec<&[&str]> = rows.iter().map(Vec::as_slice).collect();
    let sheet = Sheet::cells(Kind::Feedback, &header, &rows)
        .in_file("fb.xlsx")
        .named("2026");
    crate::rules::testing::registers(&Settings::default(), &[sheet])
}

pub fn check(rule: &dyn Rule, rows: &[&[(&str, &str)]]) -> Vec<Finding> {
    check_with(rule, &registers(rows), &Settings::default(), "2026-10")
}

pub const COMPLAINT: (&str, &str) = ("kind", "投訴");

#[test]
fn rules_are_listed_in_id_order_and_documented() {
    let family: Vec<&dyn Rule> = crate::rules::registry::all()
        .filter(|r| r.id().starts_with("FB") || r.id().starts_with("CP"))
        .collect();
    let ids: Vec<&str> = family.iter().map(|r| r.id()).collect();
    assert_eq!(ids, ["FB01", "FB02", "CP01", "CP02", "CP03", "CP04"]);
    for rule in family {
        assert_eq!(rule.registers(), &[Kind::Feedback]);
        for lang in Lang::ALL {
            let c = crate::rules::tests::catalogue(lang);
            assert!(c.has(&format!("rule.{}.title", rule.id())));
        }
    }
}

#[test]
fn rows_of_other_months_give_no_findings_but_open_earlier_ones_do() {
    // Received in September: resolved and reviewed → outside; still open → covered.
    let found = check(
        &super::Cp01,
        &[
            &[
                ("id", "OLD-CLOSED"),
                ("received_date", "2026-09-02"),
                COMPLAINT,
                ("review_date", "2026-09-03"),
                ("resolved_date", "2026-09-20"),
            ],
            &[
                ("id", "OLD-OPEN"),
                ("received_date", "2026-09-02"),
                COMPLAINT,
                ("review_date", "2026-09-03"),
                ("next_reply_date", "2026-09-30"),
            ],
            &[("id", "NEXT-MONTH"), ("received_date", "2026-11-02"), COMPLAINT],
        ],
    );
    assert_eq!(spots(&found), [spot("OLD-OPEN", "P3", Severity::Error)]);
}
