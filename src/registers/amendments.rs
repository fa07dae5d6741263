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
