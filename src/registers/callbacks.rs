//! The call-backs register (SPEC 1.4): each call or visit made to a guest.

use super::column::{checked, col, Column, ColumnType};
use super::field::{Date, Field, Text};
use super::Kind;

const K: Kind = Kind::Callbacks;

pub const DATE: Field<Date> = Field::new(K, 0, "date");
pub const GUEST_ID: Field<Text> = Field::new(K, 1, "guest_id");
pub const BY: Field<Text> = Field::new(K, 2, "by");
pub const METHOD: Field<Text> = Field::new(K, 3, "method");
pub const NOTES: Field<Text> = Field::new(K, 4, "notes");

/// The columns, in the order of the fields above (checked when the crate is compiled).
pub const COLUMNS: &[Column] = checked(
    K,
    &[
        col(
            DATE,
            true,
            ColumnType::Date,
            &["日期", "回訪日期", "拜訪日期", "call date", "callback date"],
        ),
        col(
            GUEST_ID,
            true,
            ColumnType::Text,
            &[
                "客戶編號",
                "顧客編號",
                "客人編號",
                "檔案編號",
                "guest no",
                "client id",
                "customer id",
            ],
        ),
        col(
            BY,
            false,
            ColumnType::Text,
            &["回訪人", "拜訪人", "經辦人", "called by", "staff"],
        ),
        col(METHOD, false, ColumnType::Text, &["方式", "回訪方式", "channel"]),
        col(
            NOTES,
            false,
            ColumnType::Text,
            &["內容", "回訪內容", "備註", "remarks", "note"],
        ),
    ],
);

/// The note on each column's header cell in the template `clerk init` writes: what to write,
/// an example as staff type it, and for a column needed in some rows only, when. Whether a column
/// must be filled in, and which rules check it, come from the rules (`Rule::reads`). Placeholders
/// are settings (`{large_amount}`…). Key → [en, zh-Hant, zh-Hans].
#[rustfmt::skip]
pub static HEADER_NOTES: &[crate::base::i18n::Entry] = &[
    ("note.callbacks.date.what", ["The day of the call or visit.", "回訪或拜訪的日期。", "回访或拜访的日期。"]),
    ("note.callbacks.date.example", ["2026-11-20", "2026年11月20日", "2026年11月20日"]),
    ("note.callbacks.guest_id.what", [
        "The number of the guest's file, as in the guest profiles.",
        "客戶編號，須與客史檔案一致。",
        "客户编号，须与客史档案一致。",
    ]),
    ("note.callbacks.guest_id.example", ["KH-0032", "KH-0032", "KH-0032"]),
    ("note.callbacks.by.what", ["Who made the call; kept for the record.", "回訪人員，供記錄查閱。", "回访人员，供记录查阅。"]),
    ("note.callbacks.by.example", ["Zhou Min", "周敏", "周敏"]),
    ("note.callbacks.method.what", ["How: by phone, a visit, a message.", "回訪方式，如電話、上門拜訪、短信。", "回访方式，如电话、上门拜访、短信。"]),
    ("note.callbacks.method.example", ["phone", "電話", "电话"]),
    ("note.callbacks.notes.what", ["What was said and what follows.", "回訪內容及後續安排。", "回访内容及后续安排。"]),
    ("note.callbacks.notes.example", [
        "Asked about the banquet; booked a thank-you dinner for December",
        "詢問宴會滿意度，預訂12月答謝宴",
        "询问宴会满意度，预订12月答谢宴",
    ]),
];
