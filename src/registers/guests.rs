//! The guest profiles register (SPEC 1.4): the hotel and restaurant's 客史檔案.

use super::column::{checked, col, Column, ColumnType, EnumValue};
use super::field::{Code, Date, Field, Phone, Text};
use super::Kind;

const K: Kind = Kind::Guests;

pub const GUEST_ID: Field<Text> = Field::new(K, 0, "guest_id");
pub const NAME: Field<Text> = Field::new(K, 1, "name");
pub const CLASS: Field<Code> = Field::new(K, 2, "class");
pub const COMPANY: Field<Text> = Field::new(K, 3, "company");
pub const ADDRESS: Field<Text> = Field::new(K, 4, "address");
pub const TITLE: Field<Text> = Field::new(K, 5, "title");
pub const PHONE: Field<Phone> = Field::new(K, 6, "phone");
pub const BIRTHDAY: Field<Date> = Field::new(K, 7, "birthday");
pub const ANNIVERSARY: Field<Date> = Field::new(K, 8, "anniversary");
pub const FAMILY: Field<Text> = Field::new(K, 9, "family");
pub const PERSONALITY: Field<Text> = Field::new(K, 10, "personality");
pub const DIETARY_HABITS: Field<Text> = Field::new(K, 11, "dietary_habits");
pub const DEVELOPED_DATE: Field<Date> = Field::new(K, 12, "developed_date");
pub const ACCOUNT_MANAGER: Field<Text> = Field::new(K, 13, "account_manager");

/// The columns, in the order of the fields above (checked when the crate is compiled).
pub const COLUMNS: &[Column] = checked(
    K,
    &[
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
            true,
            ColumnType::Text,
            &["姓名", "客人姓名", "顧客姓名", "guest name", "guest"],
        ),
        col(
            CLASS,
            false,
            ColumnType::Enum(GUEST_CLASSES),
            &["類別", "客戶類別", "等級", "客戶等級", "category", "grade"],
        ),
        col(
            COMPANY,
            false,
            ColumnType::Text,
            &[
                "單位",
                "公司",
                "工作單位",
                "company name",
                "organisation",
                "organization",
            ],
        ),
        col(ADDRESS, false, ColumnType::Text, &["住址", "地址", "家庭住址"]),
        col(
            TITLE,
            false,
            ColumnType::Text,
            &["職務", "職位", "position", "job title"],
        ),
        col(
            PHONE,
            false,
            ColumnType::Phone,
            &["電話", "聯繫電話", "聯系電話", "手機", "telephone", "mobile", "tel"],
        ),
        col(
            BIRTHDAY,
            false,
            ColumnType::Date,
            &["生日", "出生日期", "date of birth", "dob"],
        ),
        col(
            ANNIVERSARY,
            false,
            ColumnType::Date,
            &["結婚紀念日", "紀念日", "wedding anniversary"],
        ),
        col(
            FAMILY,
            false,
            ColumnType::Text,
            &["家庭成員情況", "家庭成員", "family members"],
        ),
        col(PERSONALITY, false, ColumnType::Text, &["性格", "性格特點", "character"]),
        col(
            DIETARY_HABITS,
            false,
            ColumnType::Text,
            &["飲食習慣", "飲食喜好", "口味", "diet", "dietary preferences"],
        ),
        col(
            DEVELOPED_DATE,
            false,
            ColumnType::Date,
            &["開發日期", "建檔日期", "developed on", "client since", "created"],
        ),
        col(
            ACCOUNT_MANAGER,
            false,
            ColumnType::Text,
            &["客戶經理", "負責人", "account manager"],
        ),
    ],
);

pub const GUEST_CLASSES: &[EnumValue] = &[
    EnumValue {
        code: "A",
        aliases: &["A類", "A級", "VIP", "大客戶"],
    },
    EnumValue {
        code: "B",
        aliases: &["B類", "B級", "普通客戶"],
    },
    EnumValue {
        code: "C",
        aliases: &["C類", "C級", "散客"],
    },
];
