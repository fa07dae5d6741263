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
