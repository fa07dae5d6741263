//! Helpers for the feedback rules' tests: a feedback register built in memory, a rule run on it.

pub use crate::base::i18n::Lang;
pub use crate::registers::{Kind, Registers};
pub use crate::rules::finding::{Finding, Severity};
pub use crate::rules::Rule;
pub use crate::settings::Settings;

use crate::month::{Month, Period};
use crate::read::{SheetRow, SheetSink};
use crate::registers::{Loader, Matcher};
use crate::rules::Context;
use crate::values::RawCell;

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

/// A feedback register with one sheet; each row given as (column, text) pairs.
pub fn registers(rows: &[&[(&str, &str)]]) -> Registers {
    let settings = Settings::default();
    let matcher = Matcher::new(&settings.vocabulary());
    let mut loader = Loader::new(&matcher, "fb.xlsx", "00");
    loader.begin_sheet("2026", false);
    let text = |s: &str| {
        if s.is_empty() {
            RawCell::Empty
        } else {
            RawCell::Text(s.into())
        }
    };
    loader.row(SheetRow {
        row: 1,
        cells: COLUMNS.iter().map(|(_, h)| text(h)).collect(),
    });
    for (i, values) in rows.iter().enumerate() {
        let cells = COLUMNS
            .iter()
            .map(|(name, _)| text(values.iter().find(|(n, _)| n == name).map_or("", |(_, v)| v)))
            .collect();
        loader.row(SheetRow {
            row: i as u32 + 2,
            cells,
        });
    }
    loader.end_sheet();
    let mut registers = Registers::default();
    registers.add(loader.out);
    assert!(registers.has(Kind::Feedback), "{:?}", registers.skipped);
    registers
}

pub fn check_with(rule: &dyn Rule, registers: &Registers, settings: &Settings, month: &str) -> Vec<Finding> {
    let period = Period::parse(month).unwrap();
    let month = Month::new(registers, &period, settings);
    let ctx = Context::new(&month, crate::rules::tests::catalogue(Lang::En));
    let mut out = Vec::new();
    rule.check(&ctx, &mut out);
    out
}

pub fn check(rule: &dyn Rule, rows: &[&[(&str, &str)]]) -> Vec<Finding> {
    check_with(rule, &registers(rows), &Settings::default(), "2026-10")
}

/// (record, cell, severity) of each finding.
pub fn spots(findings: &[Finding]) -> Vec<(String, String, Severity)> {
    findings
        .iter()
        .map(|f| (f.record.clone(), f.location.cell(), f.severity))
        .collect()
}

pub fn spot(record: &str, cell: &str, severity: Severity) -> (String, String, Severity) {
    (record.to_string(), cell.to_string(), severity)
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
