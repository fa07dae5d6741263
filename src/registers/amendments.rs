//! The contract amendments register (SPEC 1.4): each change to a contract, its re-review and
//! the amendment notice.

use super::column::{checked, col, Column, ColumnType};
use super::field::{Date, Field, Text};
use super::Kind;

const K: Kind = Kind::Amendments;

pub const CONTRACT_ID: Field<Text> = Field::new(K, 0, "contract_id");
pub const AMENDMENT_DATE: Field<Date> = Field::new(K, 1, "amendment_date");
pub const CONTENT: Field<Text> = Field::new(K, 2, "content");
pub const REREVIEW_DATE: Field<Date> = Field::new(K, 3, "rereview_date");
pub const REREVIEWER: Field<Text> = Field::new(K, 4, "rereviewer");
pub const NOTICE_NO: Field<Text> = Field::new(K, 5, "notice_no");
pub const NOTICE_DATE: Field<Date> = Field::new(K, 6, "notice_date");
pub const NOTIFIED: Field<Text> = Field::new(K, 7, "notified");

/// The columns, in the order of the fields above (checked when the crate is compiled).
pub const COLUMNS: &[Column] = checked(
    K,
    &[
        col(
            CONTRACT_ID,
            true,
            ColumnType::Text,
            &["合同編號", "合同號", "訂單號", "contract no", "contract"],
        ),
        col(
            AMENDMENT_DATE,
            true,
            ColumnType::Date,
            &["修訂日期", "變更日期", "修改日期", "amended on", "date of amendment"],
        ),
        col(
            CONTENT,
            false,
            ColumnType::Text,
            &["修訂內容", "變更內容", "修改內容", "amendment", "change"],
        ),
        col(
            REREVIEW_DATE,
            false,
            ColumnType::Date,
            &[
                "重新評審日期",
                "再評審日期",
                "複審日期",
                "re-review date",
                "rereviewed on",
            ],
        ),
        col(
            REREVIEWER,
            false,
            ColumnType::Text,
            &["重新評審人", "複審人", "re-reviewer", "rereviewed by"],
        ),
        col(
            NOTICE_NO,
            false,
            ColumnType::Text,
            &["修訂通知單編號", "通知單編號", "通知單號", "notice no", "notice number"],
        ),
        col(
            NOTICE_DATE,
            false,
            ColumnType::Date,
            &["通知日期", "發出日期", "notice date", "notified on"],
        ),
        col(
            NOTIFIED,
            false,
            ColumnType::Text,
            &["通知部門", "通知人員", "通知部門/人員", "notified to", "recipients"],
        ),
    ],
);

/// The note on each column's header cell in the template `clerk init` writes: what to write,
/// an example as staff type it, and for a column needed in some rows only, when. Whether a column
/// must be filled in, and which rules check it, come from the rules (`Rule::reads`). Placeholders
/// are settings (`{large_amount}`…). Key → [en, zh-Hant, zh-Hans].
#[rustfmt::skip]
pub static HEADER_NOTES: &[crate::base::i18n::Entry] = &[
    ("note.amendments.contract_id.what", [
        "The number of the contract amended, as in the contracts register.",
        "被修訂合同的編號，須與合同台帳一致。",
        "被修订合同的编号，须与合同台账一致。",
    ]),
    ("note.amendments.contract_id.example", ["HT-2026-118", "HT-2026-118", "HT-2026-118"]),
    ("note.amendments.amendment_date.what", ["The day the contract was amended.", "合同修訂的日期。", "合同修订的日期。"]),
    ("note.amendments.amendment_date.example", ["2026-11-12", "2026年11月12日", "2026年11月12日"]),
    ("note.amendments.content.what", ["What was changed.", "修訂的內容。", "修订的内容。"]),
    ("note.amendments.content.example", [
        "Delivery moved from 10 to 20 December",
        "交貨期由12月10日改為12月20日",
        "交货期由12月10日改为12月20日",
    ]),
    ("note.amendments.rereview_date.what", [
        "The day the changed requirements were reviewed again: on or after the amendment date.",
        "對修訂內容重新評審的日期，不得早於修訂日期。",
        "对修订内容重新评审的日期，不得早于修订日期。",
    ]),
    ("note.amendments.rereview_date.example", ["2026-11-13", "2026年11月13日", "2026年11月13日"]),
    ("note.amendments.rereviewer.what", [
        "Who reviewed the change; kept for the record.",
        "重新評審的人員，供記錄查閱。",
        "重新评审的人员，供记录查阅。",
    ]),
    ("note.amendments.rereviewer.example", ["Wang Ming", "王明", "王明"]),
    ("note.amendments.notice_no.what", ["The number of the contract amendment notice.", "合同修訂通知單的編號。", "合同修订通知单的编号。"]),
    ("note.amendments.notice_no.example", ["TZ-2026-031", "TZ-2026-031", "TZ-2026-031"]),
    ("note.amendments.notice_date.what", [
        "The day the notice was passed to the managers concerned: within {notice_days} days of the re-review.",
        "修訂通知單傳遞給有關管理人員的日期，須在重新評審後 {notice_days} 天內。",
        "修订通知单传递给有关管理人员的日期，须在重新评审后 {notice_days} 天内。",
    ]),
    ("note.amendments.notice_date.example", ["2026-11-14", "2026年11月14日", "2026年11月14日"]),
    ("note.amendments.notified.what", [
        "Who received the notice; kept for the record.",
        "收到通知的部門或人員，供記錄查閱。",
        "收到通知的部门或人员，供记录查阅。",
    ]),
    ("note.amendments.notified.example", ["Production, Purchasing, Quality", "生產部、採購部、品質部", "生产部、采购部、品质部"]),
];
