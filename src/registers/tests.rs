//! Header recognition (SPEC 1.2) and row typing (SPEC 1.3) on rows built in memory.

use rust_decimal::Decimal;

use std::collections::HashMap;

use super::*;
use crate::base::text::key;
use crate::read::RawCell;
use crate::read::{SheetRow, SheetSink};
use crate::settings::Settings;

fn t(text: &str) -> RawCell {
    RawCell::Text(text.into())
}

fn row(n: u32, cells: Vec<RawCell>) -> SheetRow {
    SheetRow { row: n, cells }
}

fn texts(n: u32, cells: &[&str]) -> SheetRow {
    row(
        n,
        cells
            .iter()
            .map(|c| if c.is_empty() { RawCell::Empty } else { t(c) })
            .collect(),
    )
}

/// Feeds one sheet through a loader.
fn load_with(settings: &Settings, sheet: &str, rows: Vec<SheetRow>) -> LoadedFile {
    let matcher = Matcher::new(&settings.vocabulary());
    let mut loader = Loader::new(&matcher, "f.xlsx", "00");
    loader.begin_sheet(sheet, false);
    for r in rows {
        loader.row(r);
    }
    loader.end_sheet();
    loader.out
}

fn load(sheet: &str, rows: Vec<SheetRow>) -> LoadedFile {
    load_with(&Settings::default(), sheet, rows)
}

fn only(out: &LoadedFile) -> &LoadedSheet {
    assert_eq!(out.sheets.len(), 1, "skipped: {:?}", out.skipped);
    &out.sheets[0]
}

#[test]
fn header_under_a_title_and_blank_rows() {
    let out = load(
        "2026",
        vec![
            texts(1, &["2026年10月合同評審台帳"]),
            texts(3, &["編號", "客戶", "類型", "產品類別", "接收日期"]),
            texts(4, &["HT-1", "甲廠", "合同", "常規產品", "2026-10-03"]),
            texts(6, &["HT-2", "乙廠", "訂單", "非常規產品", "2026-10-04"]),
        ],
    );
    let sheet = only(&out);
    assert_eq!(sheet.source.kind, Kind::Contracts);
    assert_eq!(sheet.source.header_row, 3);
    assert_eq!(sheet.records.len(), 2, "blank row 5 dropped");
    assert_eq!(sheet.records[1].row, 6);
    assert_eq!(
        sheet.records[1].get(contracts::PRODUCT_CATEGORY),
        Some(Value::Enum("non_routine"))
    );
}

#[test]
fn header_words_forgive_width_case_space_breaks_units_and_script() {
    let out = load(
        "x",
        vec![
            texts(
                1,
                &[
                    "ＩＤ",
                    "客 户",
                    "单据\n类型",
                    "product_category",
                    "Received-Date",
                    "金額（萬元）",
                ],
            ),
            texts(2, &["HT-1", "甲厂", "oral order", "ROUTINE", "2026/10/3", "12.5"]),
        ],
    );
    let sheet = only(&out);
    assert_eq!(sheet.source.kind, Kind::Contracts);
    let r = &sheet.records[0];
    assert_eq!(r.get(contracts::DOCUMENT_TYPE), Some(Value::Enum("oral_order")));
    assert_eq!(r.get(contracts::AMOUNT), Some(Value::Money(Decimal::from(125_000))));
    assert_eq!(r.text(contracts::CUSTOMER), Some("甲厂"));
}

#[test]
fn header_unit_thousand_scales_amounts() {
    let out = load(
        "x",
        vec![
            texts(
                1,
                &[
                    "Contract No",
                    "Customer",
                    "Document type",
                    "Product category",
                    "Received",
                    "Amount (CNY thousand)",
                ],
            ),
            row(
                2,
                vec![
                    t("C1"),
                    t("Acme"),
                    t("order"),
                    t("routine"),
                    t("2026-10-03"),
                    RawCell::Number(1200.0),
                ],
            ),
        ],
    );
    let r = &only(&out).records[0];
    assert_eq!(r.get(contracts::AMOUNT), Some(Value::Money(Decimal::from(1_200_000))));
}

#[test]
fn configured_aliases_extend_headers_and_enums() {
    let settings = crate::settings::parse_in_english(
        "[columns.contracts]\ncustomer = [\"甲方\"]\n[enums.document_type]\n\"框架協議\" = \"contract\"\n",
    )
    .unwrap();
    let out = load_with(
        &settings,
        "x",
        vec![
            texts(1, &["編號", "甲方", "類型", "產品類別", "接收日期"]),
            texts(2, &["HT-1", "甲廠", "框架协议", "常規產品", "2026-10-03"]),
        ],
    );
    let r = &only(&out).records[0];
    assert_eq!(r.text(contracts::CUSTOMER), Some("甲廠"));
    assert_eq!(r.get(contracts::DOCUMENT_TYPE), Some(Value::Enum("contract")));
}

#[test]
fn each_kind_is_recognised_from_its_own_headers() {
    let cases: [(&[&str], Kind); 6] = [
        (
            &["合同編號", "客戶名稱", "單據類型", "產品類別", "接收日期", "評審方式"],
            Kind::Contracts,
        ),
        (&["合同編號", "修訂日期", "修訂內容", "重新評審日期"], Kind::Amendments),
        (
            &["編號", "接收日期", "顧客", "渠道", "類別", "回復日期"],
            Kind::Feedback,
        ),
        (&["客户编号", "姓名", "类别", "单位", "电话"], Kind::Guests),
        (&["日期", "客户编号", "消费金额", "宴会菜单", "菜品评价"], Kind::Visits),
        (&["Date", "Guest ID", "By", "Method", "Notes"], Kind::Callbacks),
    ];
    for (headers, kind) in cases {
        let out = load("s", vec![texts(1, headers)]);
        assert_eq!(only(&out).source.kind, kind, "{headers:?}");
    }
}

#[test]
fn tie_break_prefers_most_required_then_most_columns() {
    // A call-back header also holds 日期 + 客戶編號 (2 of the 3 visit columns): call-backs win on
    // matched columns in all.
    let out = load(
        "s",
        vec![texts(1, &["日期", "客戶編號", "回訪人", "回訪方式", "回訪內容"])],
    );
    assert_eq!(only(&out).source.kind, Kind::Callbacks);
    // A visits header holds all of the call-back's required columns too; visits win on required.
    let out = load("s", vec![texts(1, &["日期", "客戶編號", "消費金額"])]);
    assert_eq!(only(&out).source.kind, Kind::Visits);
}

#[test]
fn complaint_record_needs_no_kind_column() {
    let rows = || {
        vec![
            texts(1, &["顧客投訴記錄"]),
            texts(2, &["編號", "接收日期", "顧客", "投訴內容", "處理措施"]),
            texts(3, &["TS-1", "2026-10-05 10:30", "王女士", "房間有異味", "已更換房間"]),
        ]
    };
    let out = load("Sheet1", rows());
    let sheet = only(&out);
    assert_eq!(sheet.source.kind, Kind::Feedback);
    assert!(sheet.source.complaint_record);
    assert_eq!(sheet.records[0].get(feedback::KIND), Some(Value::Enum("complaint")));
    // Named by the sheet instead of a title row.
    let mut r = rows();
    r.remove(0);
    let out = load("顾客投诉记录", r);
    assert!(only(&out).source.complaint_record);
    // Without the title or name it is not a complaint record, and not a complete feedback header.
    let mut r = rows();
    r.remove(0);
    let out = load("Sheet1", r);
    assert!(out.sheets.iter().all(|s| !s.source.complaint_record));
}

#[test]
fn unrecognised_sheet_names_the_closest_kind_and_missing_columns() {
    let out = load(
        "說明",
        vec![texts(1, &["填表說明"]), texts(2, &["合同編號", "客戶名稱", "金額"])],
    );
    assert!(out.sheets.is_empty());
    let skipped = &out.skipped[0];
    assert_eq!(skipped.reason, crate::read::SkipReason::NotRecognised);
    assert_eq!(
        skipped.detail,
        SkipDetail::Closest {
            kind: Kind::Contracts,
            missing: vec![
                contracts::DOCUMENT_TYPE.any(),
                contracts::PRODUCT_CATEGORY.any(),
                contracts::RECEIVED_DATE.any(),
            ],
        }
    );
}

#[test]
fn a_single_matching_title_cell_is_not_a_header() {
    let out = load("s", vec![texts(1, &["日期:"]), texts(2, &["2026-10-01"])]);
    assert!(out.sheets.is_empty());
}

#[test]
fn header_after_row_20_is_not_found() {
    let mut rows: Vec<SheetRow> = (1..=21).map(|n| texts(n, &["說明"])).collect();
    rows.push(texts(22, &["合同編號", "客戶名稱", "單據類型", "產品類別", "接收日期"]));
    let out = load("s", rows);
    assert!(out.sheets.is_empty());
    assert_eq!(out.skipped[0].reason, crate::read::SkipReason::NotRecognised);
}

#[test]
fn unreadable_cells_are_kept_as_problems_and_the_row_goes_on() {
    let out = load(
        "s",
        vec![
            texts(1, &["編號", "客戶", "類型", "產品類別", "接收日期", "金額", "數量較大"]),
            texts(
                2,
                &["HT-1", "甲廠", "合同", "常規產品", "2026/13/05", "約一百萬", "也許"],
            ),
        ],
    );
    let sheet = only(&out);
    let reasons: Vec<(usize, &str, &str)> = sheet
        .problems
        .iter()
        .map(|p| (p.field, p.raw.as_str(), p.reason))
        .collect();
    let f = |n| Kind::Contracts.field(n).unwrap();
    assert_eq!(
        reasons,
        vec![
            (f("amount"), "約一百萬", "not_an_amount"),
            (f("large_quantity"), "也許", "not_a_flag"),
            (f("received_date"), "2026/13/05", "invalid_month"),
        ]
    );
    let r = &sheet.records[0];
    assert!(r.is_unreadable(contracts::RECEIVED_DATE));
    assert_eq!(r.text(contracts::CUSTOMER), Some("甲廠"));
}

#[test]
fn text_with_replaced_bytes_is_unreadable_and_fullwidth_punctuation_is_not() {
    let out = load(
        "s",
        vec![
            texts(1, &["編號", "客戶", "類型", "產品類別", "接收日期"]),
            texts(2, &["HT-1", "龍蝦\u{FFFD}酒樓", "合同", "常規產品", "2026-10-05"]),
            // '，' (EF BC 8C), '￼' (EF BF BC) and '\u{FFFE}' (EF BF BE) share the first bytes.
            texts(
                3,
                &["HT-2", "甲廠，乙廠\u{FFFC}\u{FFFE}", "合同", "常規產品", "2026-10-05"],
            ),
        ],
    );
    let sheet = only(&out);
    let problems: Vec<(usize, &str)> = sheet.problems.iter().map(|p| (p.record, p.reason)).collect();
    assert_eq!(problems, vec![(0, "bad_characters")]);
    assert!(sheet.records[0].is_unreadable(contracts::CUSTOMER));
    assert_eq!(
        sheet.records[1].text(contracts::CUSTOMER),
        Some("甲廠，乙廠\u{FFFC}\u{FFFE}")
    );
}

#[test]
fn extra_columns_are_kept() {
    let out = load(
        "s",
        vec![
            texts(1, &["編號", "客戶", "類型", "產品類別", "接收日期", "業務員"]),
            texts(2, &["HT-1", "甲廠", "合同", "常規產品", "2026-10-03", "小陳"]),
        ],
    );
    let sheet = only(&out);
    assert_eq!(sheet.source.extra_headers, vec![(5, "業務員".to_string())]);
    assert_eq!(&*sheet.records[0].extras, &[(5, "小陳".to_string())]);
}

#[test]
fn visits_may_name_the_guest_instead_of_an_id() {
    let out = load(
        "s",
        vec![
            texts(1, &["日期", "姓名", "消費金額"]),
            texts(2, &["2026-10-03", "張先生", "8,800.00"]),
        ],
    );
    let sheet = only(&out);
    assert_eq!(sheet.source.kind, Kind::Visits);
    assert_eq!(
        sheet.records[0].get(visits::SPEND),
        Some(Value::Money(Decimal::new(880000, 2)))
    );
}

// Columns and options
/// Two columns of one kind answering to the same header would make recognition depend on order.
#[test]
fn no_alias_is_shared_by_two_columns_of_a_kind() {
    for kind in Kind::ALL {
        let mut seen: HashMap<String, &str> = HashMap::new();
        for column in kind.columns() {
            for word in column.aliases.iter().chain(std::iter::once(&column.name)) {
                let k = key(word);
                if let Some(other) = seen.insert(k.clone(), column.name) {
                    assert_eq!(
                        other,
                        column.name,
                        "{}: `{word}` used by {other} and {}",
                        kind.id(),
                        column.name
                    );
                }
            }
        }
    }
}

#[test]
fn no_enum_word_means_two_values() {
    use crate::registers::{contracts as c, feedback as f, guests as g};
    for list in [
        c::DOCUMENT_TYPES,
        c::PRODUCT_CATEGORIES,
        c::REVIEW_METHODS,
        c::APPROVER_ROLES,
        c::OUTCOMES,
        f::CHANNELS,
        f::FEEDBACK_KINDS,
        g::GUEST_CLASSES,
    ] {
        let mut seen: HashMap<String, &str> = HashMap::new();
        for value in list {
            for word in value.aliases.iter().chain(std::iter::once(&value.code)) {
                if let Some(other) = seen.insert(key(word), value.code) {
                    assert_eq!(other, value.code, "`{word}`");
                }
            }
        }
    }
}
