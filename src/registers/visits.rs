//! The visits and banquets register (SPEC 1.4): each visit of a guest with its spend.

use super::column::{checked, col, Column, ColumnType};
use super::field::{Date, Field, Int, Money, Text};
use super::Kind;

const K: Kind = Kind::Visits;

pub const DATE: Field<Date> = Field::new(K, 0, "date");
pub const GUEST_ID: Field<Text> = Field::new(K, 1, "guest_id");
pub const NAME: Field<Text> = Field::new(K, 2, "name");
pub const SPEND: Field<Money> = Field::new(K, 3, "spend");
pub const MENU: Field<Text> = Field::new(K, 4, "menu");
pub const DISH_RATING: Field<Text> = Field::new(K, 5, "dish_rating");
pub const COVERS: Field<Int> = Field::new(K, 6, "covers");
pub const OUTLET: Field<Text> = Field::new(K, 7, "outlet");

/// The columns, in the order of the fields above (checked when the crate is compiled).
pub const COLUMNS: &[Column] = checked(
    K,
    &[
        col(
            DATE,
            true,
            ColumnType::Date,
            &["日期", "消費日期", "就餐日期", "visit date"],
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
            NAME,
            false,
            ColumnType::Text,
            &["姓名", "客人姓名", "顧客姓名", "guest name", "guest"],
        ),
        col(
            SPEND,
            true,
            ColumnType::Money,
            &["消費金額", "消費", "金額", "amount", "spent"],
        ),
        col(
            MENU,
            false,
            ColumnType::Text,
            &["菜單", "宴會菜單", "菜品", "menu items"],
        ),
        col(
            DISH_RATING,
            false,
            ColumnType::Text,
            &["菜品評價", "評價", "dish feedback", "rating"],
        ),
        col(
            COVERS,
            false,
            ColumnType::Integer,
            &["人數", "用餐人數", "guests", "pax"],
        ),
        col(
            OUTLET,
            false,
            ColumnType::Text,
            &["餐廳", "營業點", "廳房", "restaurant"],
        ),
    ],
);
