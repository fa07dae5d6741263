//! The feedback rules on registers built in memory: boundaries of each judgement.

use super::*;
use crate::base::i18n::Lang;
use crate::month::period::Period;
use crate::read::{RawCell, SheetRow, SheetSink};
use crate::registers::{Loader, Matcher, Registers};
use crate::settings::Settings;

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
fn registers(rows: &[&[(&str, &str)]]) -> Registers {
    let settings = Settings::default();
    let matcher = Matcher::new(&settings);
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

fn check_with(rule: &dyn Rule, registers: &Registers, settings: &Settings, month: &str) -> Vec<Finding> {
    let period = Period::parse(month).unwrap();
    let ctx = Context::new(registers, settings, &period, crate::rules::tests::catalogue(Lang::En));
    let mut out = Vec::new();
    rule.check(&ctx, &mut out);
    out
}

fn check(rule: &dyn Rule, rows: &[&[(&str, &str)]]) -> Vec<Finding> {
    check_with(rule, &registers(rows), &Settings::default(), "2026-10")
}

/// (record, cell, severity) of each finding.
fn spots(findings: &[Finding]) -> Vec<(String, String, Severity)> {
    findings
        .iter()
        .map(|f| (f.record.clone(), format!("{}{}", f.column, f.row), f.severity))
        .collect()
}

fn spot(record: &str, cell: &str, severity: Severity) -> (String, String, Severity) {
    (record.to_string(), cell.to_string(), severity)
}

const COMPLAINT: (&str, &str) = ("kind", "投訴");

#[test]
fn rules_are_listed_in_id_order_and_documented() {
    let ids: Vec<&str> = RULES.iter().map(|r| r.id()).collect();
    assert_eq!(ids, ["FB01", "FB02", "CP01", "CP02", "CP03", "CP04"]);
    for rule in RULES {
        assert_eq!(rule.registers(), &[Kind::Feedback]);
        for lang in Lang::ALL {
            let c = crate::rules::tests::catalogue(lang);
            assert!(c.has(&format!("rule.{}.title", rule.id())));
        }
    }
}

#[test]
fn fb01_unreviewed_beyond_the_limit_is_an_error_up_to_it_nothing() {
    // As-of 2026-10-31; review_days 7: received 10-24 is exactly 7 days before, 10-23 is 8.
    let found = check(
        &Fb01,
        &[
            &[("id", "F1"), ("received_date", "2026-10-23"), ("kind", "建議")],
            &[("id", "F2"), ("received_date", "2026-10-24"), ("kind", "建議")],
        ],
    );
    assert_eq!(spots(&found), [spot("F1", "F2", Severity::Error)]);
    assert!(found[0].message.contains("8 days"), "{}", found[0].message);
    assert_eq!(found[0].field, "review_date");
}

#[test]
fn fb01_late_review_is_a_warning() {
    let found = check(
        &Fb01,
        &[
            &[
                ("id", "F1"),
                ("received_date", "2026-10-01"),
                ("review_date", "2026-10-09"),
            ],
            &[
                ("id", "F2"),
                ("received_date", "2026-10-01"),
                ("review_date", "2026-10-08"),
            ],
        ],
    );
    assert_eq!(spots(&found), [spot("F1", "F2", Severity::Warning)]);
}

#[test]
fn fb01_follows_the_setting_and_skips_unreadable_review_dates() {
    let mut settings = Settings::default();
    settings.feedback.review_days = 3;
    let regs = registers(&[
        &[
            ("id", "F1"),
            ("received_date", "2026-10-01"),
            ("review_date", "2026-10-05"),
        ],
        &[
            ("id", "F2"),
            ("received_date", "2026-10-01"),
            ("review_date", "2026-10-04"),
        ],
        &[("id", "F3"), ("received_date", "2026-10-01"), ("review_date", "明天")],
    ]);
    let found = check_with(&Fb01, &regs, &settings, "2026-10");
    assert_eq!(spots(&found), [spot("F1", "F2", Severity::Warning)]);
}

#[test]
fn fb02_names_every_missing_part_at_the_first() {
    let found = check(
        &Fb02,
        &[
            &[
                ("id", "F1"),
                ("received_date", "2026-10-02"),
                ("service_required", "是"),
                ("customer_evaluation", "滿意"),
            ],
            &[
                ("id", "F2"),
                ("received_date", "2026-10-02"),
                ("service_date", "2026-10-05"),
                ("service_report_no", "SR-1"),
                ("customer_evaluation", "滿意"),
                ("verification", "合格"),
            ],
            &[
                ("id", "F3"),
                ("received_date", "2026-10-02"),
                ("service_required", "否"),
            ],
            &[
                ("id", "F4"),
                ("received_date", "2026-10-02"),
                ("service_date", "2026-10-05"),
                ("service_report_no", "SR-2"),
                ("customer_evaluation", "滿意"),
            ],
        ],
    );
    assert_eq!(
        spots(&found),
        [spot("F1", "J2", Severity::Error), spot("F4", "L5", Severity::Error)]
    );
    assert!(
        found[0].message.contains("service report no, verification"),
        "{}",
        found[0].message
    );
}

#[test]
fn cp01_follow_up_states() {
    let as_of = NaiveDate::from_ymd_opt(2026, 10, 31).unwrap();
    let regs = registers(&[
        &[("id", "A"), ("received_date", "2026-10-02"), COMPLAINT],
        &[
            ("id", "B"),
            ("received_date", "2026-10-02"),
            COMPLAINT,
            ("next_reply_date", "2026-10-30"),
        ],
        &[
            ("id", "C"),
            ("received_date", "2026-10-02"),
            COMPLAINT,
            ("next_reply_date", "2026-10-31"),
        ],
        &[
            ("id", "D"),
            ("received_date", "2026-10-02"),
            COMPLAINT,
            ("next_reply_date", "2026-10-20"),
            ("reply_date", "2026-10-20"),
        ],
        &[
            ("id", "E"),
            ("received_date", "2026-10-02"),
            COMPLAINT,
            ("next_reply_date", "2026-10-20"),
            ("reply_date", "2026-10-19"),
        ],
        &[
            ("id", "F"),
            ("received_date", "2026-10-02"),
            COMPLAINT,
            ("reply_date", "2026-10-05"),
        ],
        &[
            ("id", "G"),
            ("received_date", "2026-10-02"),
            COMPLAINT,
            ("resolved_date", "2026-10-05"),
        ],
        &[
            ("id", "H"),
            ("received_date", "2026-10-02"),
            COMPLAINT,
            ("resolved_date", "2026-11-05"),
        ],
        &[
            ("id", "I"),
            ("received_date", "2026-10-02"),
            COMPLAINT,
            ("next_reply_date", "十月底"),
        ],
        &[
            ("id", "J"),
            ("received_date", "2026-10-02"),
            COMPLAINT,
            ("reply", "已電話說明"),
        ],
    ]);
    let records = &regs.by_kind[&Kind::Feedback].records;
    let states: Vec<FollowUp> = records.iter().map(|r| follow_up(r, as_of)).collect();
    let day = |d| NaiveDate::from_ymd_opt(2026, 10, d).unwrap();
    assert_eq!(
        states,
        [
            FollowUp::NoNextDate,
            FollowUp::Overdue { since: day(30) },
            FollowUp::Followed,
            FollowUp::Followed,
            FollowUp::Overdue { since: day(20) },
            FollowUp::Followed,
            FollowUp::Resolved,
            FollowUp::NoNextDate,
            FollowUp::Unknown,
            FollowUp::Followed,
        ]
    );
}

#[test]
fn cp01_only_complaints_and_grievances() {
    let found = check(
        &Cp01,
        &[
            &[("id", "A"), ("received_date", "2026-10-02"), ("kind", "建議")],
            &[("id", "B"), ("received_date", "2026-10-02"), ("kind", "抱怨")],
            &[
                ("id", "C"),
                ("received_date", "2026-10-02"),
                ("kind", "投訴"),
                ("next_reply_date", "2026-10-10"),
            ],
        ],
    );
    assert_eq!(
        spots(&found),
        [spot("B", "M3", Severity::Error), spot("C", "P4", Severity::Error)]
    );
    assert_eq!(found[1].field, "next_reply_date");
    assert!(found[1].message.contains("2026-10-10") && found[1].message.contains("21 days"));
}

#[test]
fn cp02_resolved_complaint_needs_reply_and_action() {
    let found = check(
        &Cp02,
        &[
            &[
                ("id", "A"),
                ("received_date", "2026-10-02"),
                COMPLAINT,
                ("resolved_date", "2026-10-06"),
                ("reply", "已處理"),
            ],
            &[
                ("id", "B"),
                ("received_date", "2026-10-02"),
                COMPLAINT,
                ("resolved_date", "2026-10-06"),
                ("reply_date", "2026-10-06"),
                ("reply", "您好,已更換"),
                ("action", "更換零件"),
            ],
            &[("id", "C"), ("received_date", "2026-10-02"), COMPLAINT],
            &[
                ("id", "D"),
                ("received_date", "2026-10-02"),
                ("kind", "表揚"),
                ("resolved_date", "2026-10-06"),
            ],
        ],
    );
    assert_eq!(spots(&found), [spot("A", "M2", Severity::Error)]);
    assert!(found[0].message.contains("reply date, action"), "{}", found[0].message);
}

#[test]
fn cp03_reporting_boundaries() {
    let regs = registers(&[
        &[
            ("id", "A"),
            ("received_date", "2026-10-05 09:30"),
            ("reported_to", "王經理"),
            ("reported_at", "2026-10-06 09:30"),
        ],
        &[
            ("id", "B"),
            ("received_date", "2026-10-05 09:30"),
            ("reported_to", "王經理"),
            ("reported_at", "2026-10-06 09:31"),
        ],
        &[
            ("id", "C"),
            ("received_date", "2026-10-05"),
            ("reported_to", "王經理"),
            ("reported_at", "2026-10-06"),
        ],
        &[
            ("id", "D"),
            ("received_date", "2026-10-05 09:30"),
            ("reported_to", "王經理"),
            ("reported_at", "2026-10-07"),
        ],
        &[
            ("id", "E"),
            ("received_date", "2026-10-05 09:30"),
            ("reported_to", "王經理"),
        ],
        &[
            ("id", "F"),
            ("received_date", "2026-10-05 09:30"),
            ("reported_at", "2026-10-05 10:00"),
        ],
        &[
            ("id", "G"),
            ("received_date", "2026-10-05 09:30"),
            ("reported_to", "王經理"),
            ("reported_at", "2026-10-05 08:00"),
        ],
    ]);
    let records = &regs.by_kind[&Kind::Feedback].records;
    let states: Vec<Reporting> = records.iter().map(|r| reporting(r, 24)).collect();
    assert_eq!(
        states,
        [
            Reporting::OnTime { hours: Some(24.0) },
            Reporting::Late {
                hours: Some(24.0 + 1.0 / 60.0),
                days: 1
            },
            Reporting::OnTime { hours: None },
            Reporting::Late { hours: None, days: 2 },
            Reporting::NoTime,
            Reporting::NotReported,
            Reporting::OnTime { hours: Some(-1.5) },
        ]
    );
    assert_eq!(hours_text(24.0 + 1.0 / 60.0), "24:01");
    // A 36-hour allowance rounds up to two whole days when a time is missing.
    assert_eq!(reporting(&records[3], 36), Reporting::OnTime { hours: None });
}

#[test]
fn cp03_only_major_complaints() {
    let found = check(
        &Cp03,
        &[
            &[
                ("id", "A"),
                ("received_date", "2026-10-05 09:30"),
                COMPLAINT,
                ("major", "是"),
                ("reported_at", "2026-10-05 10:00"),
            ],
            &[
                ("id", "B"),
                ("received_date", "2026-10-05 09:30"),
                COMPLAINT,
                ("major", "否"),
            ],
            &[
                ("id", "C"),
                ("received_date", "2026-10-05 09:30"),
                ("kind", "建議"),
                ("major", "是"),
            ],
            &[
                ("id", "D"),
                ("received_date", "2026-10-05 09:30"),
                COMPLAINT,
                ("major", "是"),
                ("reported_to", "李總"),
                ("reported_at", "2026-10-06 10:00"),
            ],
        ],
    );
    assert_eq!(
        spots(&found),
        [spot("A", "Q2", Severity::Error), spot("D", "R5", Severity::Error)]
    );
    assert!(found[1].message.contains("24:30"), "{}", found[1].message);
}

#[test]
fn cp04_checks_reply_action_and_notes_and_quotes_the_phrase() {
    let found = check(
        &Cp04,
        &[
            &[("id", "A"), ("received_date", "2026-10-05"), ("reply", "喂，幹什麼？")],
            &[
                ("id", "B"),
                ("received_date", "2026-10-05"),
                ("action", "答復:不关我的事"),
            ],
            &[
                ("id", "C"),
                ("received_date", "2026-10-05"),
                ("notes", "他說:你這人真啰嗦。"),
            ],
            &[
                ("id", "D"),
                ("received_date", "2026-10-05"),
                ("reply", "您好，請稍等一下，我們馬上處理。"),
            ],
        ],
    );
    assert_eq!(
        spots(&found),
        [
            spot("A", "N2", Severity::Error),
            spot("B", "G3", Severity::Error),
            spot("C", "S4", Severity::Error),
        ]
    );
    assert!(found[0].message.contains("“喂，幹什麼”"), "{}", found[0].message);
    assert!(found[1].message.contains("“不关我的事”"), "{}", found[1].message);
    assert_eq!(found[2].field, "notes");
    assert!(found[2].message.starts_with("備註"), "{}", found[2].message);
}

#[test]
fn cp04_uses_the_configured_list() {
    let mut settings = Settings::default();
    settings.complaints.forbidden_phrases = vec!["沒空".into()];
    let regs = registers(&[&[("id", "A"), ("received_date", "2026-10-05"), ("reply", "没空,煩不煩")]]);
    let found = check_with(&Cp04, &regs, &settings, "2026-10");
    assert_eq!(found.len(), 1);
    assert!(found[0].message.contains("没空") && !found[0].message.contains("煩不煩"));
    settings.complaints.forbidden_phrases.clear();
    assert!(check_with(&Cp04, &regs, &settings, "2026-10").is_empty());
}

#[test]
fn rows_of_other_months_give_no_findings_but_open_earlier_ones_do() {
    // Received in September: resolved and reviewed → outside; still open → covered.
    let found = check(
        &Cp01,
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
