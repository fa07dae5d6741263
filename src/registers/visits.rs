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

/// The note on each column's header cell in the template `clerk init` writes: what to write,
/// an example as staff type it, and for a column needed in some rows only, when. Whether a column
/// must be filled in, and which rules check it, come from the rules (`Rule::reads`). Placeholders
/// are settings (`{large_amount}`…). Key → [en, zh-Hant, zh-Hans].
#[rustfmt::skip]
pub static HEADER_NOTES: &[crate::base::i18n::Entry] = &[
    ("note.visits.date.what", ["The day of the visit or banquet.", "消費或宴會的日期。", "消费或宴会的日期。"]),
    ("note.visits.date.example", ["2026-11-18", "2026年11月18日", "2026年11月18日"]),
    ("note.visits.guest_id.what", [
        "The number of the guest's file, as in the guest profiles.",
        "客戶編號，須與客史檔案一致。",
        "客户编号，须与客史档案一致。",
    ]),
    ("note.visits.guest_id.example", ["KH-0032", "KH-0032", "KH-0032"]),
    ("note.visits.guest_id.when", ["unless the guest's name is given instead", "未填姓名時", "未填姓名时"]),
    ("note.visits.name.what", [
        "The guest's name; enough to find the profile when no file number is kept.",
        "客人姓名；未填客戶編號時按姓名對應客史檔案。",
        "客人姓名；未填客户编号时按姓名对应客史档案。",
    ]),
    ("note.visits.name.example", ["Chen Zhihua", "陳志華", "陈志华"]),
    ("note.visits.spend.what", [
        "What was spent, in yuan; the guest's class is reviewed on these amounts.",
        "消費金額（元），客人分類按此累計。",
        "消费金额（元），客人分类按此累计。",
    ]),
    ("note.visits.spend.example", ["128,000", "12.8萬", "12.8万"]),
    ("note.visits.menu.what", [
        "The menu served: file it with the guest's history.",
        "所用菜單或宴會菜單，須存入客史檔案。",
        "所用菜单或宴会菜单，须存入客史档案。",
    ]),
    ("note.visits.menu.example", ["Celebration banquet menu B, 16 tables", "慶典宴會菜單B（16桌）", "庆典宴会菜单B（16桌）"]),
    ("note.visits.dish_rating.what", [
        "The guest's opinion of the dishes, for the kitchen to adjust next time.",
        "客人對菜品的評價，供廚房下次調整。",
        "客人对菜品的评价，供厨房下次调整。",
    ]),
    ("note.visits.dish_rating.example", ["Steamed grouper very good; dessert too sweet", "清蒸石斑很好，甜品偏甜", "清蒸石斑很好，甜品偏甜"]),
    ("note.visits.covers.what", ["How many people ate.", "用餐人數。", "用餐人数。"]),
    ("note.visits.covers.example", ["160", "160", "160"]),
    ("note.visits.outlet.what", ["The restaurant or hall.", "餐廳或宴會廳。", "餐厅或宴会厅。"]),
    ("note.visits.outlet.example", ["Banquet hall", "宴會廳", "宴会厅"]),
];
