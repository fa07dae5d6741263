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

/// The note on each column's header cell in the template `clerk init` writes: what to write,
/// an example as staff type it, and for a column needed in some rows only, when. Whether a column
/// must be filled in, and which rules check it, come from the rules (`Rule::reads`). Placeholders
/// are settings (`{large_amount}`…). Key → [en, zh-Hant, zh-Hans].
#[rustfmt::skip]
pub static HEADER_NOTES: &[crate::base::i18n::Entry] = &[
    ("note.guests.guest_id.what", [
        "The number of the guest's file; each number once in the register.",
        "客戶編號，同一編號只登記一次。",
        "客户编号，同一编号只登记一次。",
    ]),
    ("note.guests.guest_id.example", ["KH-0032", "KH-0032", "KH-0032"]),
    ("note.guests.name.what", ["The guest's name.", "客人姓名。", "客人姓名。"]),
    ("note.guests.name.example", ["Chen Zhihua", "陳志華", "陈志华"]),
    ("note.guests.class.what", [
        "A: major client (spends {class_a_spend} or more in 12 months); B: regular client ({class_b_spend} or more); C: other and new guests. Blank is read as C.",
        "A類為大客戶（12個月內消費 {class_a_spend} 元及以上），B類為普通客戶（{class_b_spend} 元及以上），C類為散客或新開發客戶。空白按C類計。",
        "A类为大客户（12个月内消费 {class_a_spend} 元及以上），B类为普通客户（{class_b_spend} 元及以上），C类为散客或新开发客户。空白按C类计。",
    ]),
    ("note.guests.class.example", ["A", "A類", "A类"]),
    ("note.guests.class.when", [
        "once the guest has spent {class_b_spend} or more in 12 months",
        "客人12個月內消費達到 {class_b_spend} 元時",
        "客人12个月内消费达到 {class_b_spend} 元时",
    ]),
    ("note.guests.company.what", ["The guest's company or organisation.", "客人的工作單位。", "客人的工作单位。"]),
    ("note.guests.company.example", ["Shenhua Trading Co., Ltd.", "上海申華貿易有限公司", "上海申华贸易有限公司"]),
    ("note.guests.company.when", ["for a class A or B guest", "A類和B類客人", "A类和B类客人"]),
    ("note.guests.address.what", ["The guest's address.", "客人住址。", "客人住址。"]),
    ("note.guests.address.example", ["100 Century Avenue, Pudong, Shanghai", "上海市浦東新區世紀大道100號", "上海市浦东新区世纪大道100号"]),
    ("note.guests.title.what", ["The guest's position.", "客人的職務。", "客人的职务。"]),
    ("note.guests.title.example", ["General manager", "總經理", "总经理"]),
    ("note.guests.phone.what", ["The guest's phone number.", "客人的聯繫電話。", "客人的联系电话。"]),
    ("note.guests.phone.example", ["138-1234-5678", "138-1234-5678", "138-1234-5678"]),
    ("note.guests.phone.when", ["for a class A or B guest", "A類和B類客人", "A类和B类客人"]),
    ("note.guests.birthday.what", [
        "The guest's birthday; the monthly report lists next month's birthdays.",
        "客人生日，月報會列出下月生日的客人。",
        "客人生日，月报会列出下月生日的客人。",
    ]),
    ("note.guests.birthday.example", ["1975-03-14", "1975年3月14日", "1975年3月14日"]),
    ("note.guests.birthday.when", ["for a class A guest", "A類客人", "A类客人"]),
    ("note.guests.anniversary.what", [
        "The guest's wedding anniversary; the monthly report lists next month's anniversaries.",
        "結婚紀念日，月報會列出下月結婚紀念日的客人。",
        "结婚纪念日，月报会列出下月结婚纪念日的客人。",
    ]),
    ("note.guests.anniversary.example", ["2001-10-08", "2001年10月8日", "2001年10月8日"]),
    ("note.guests.anniversary.when", ["for a class A guest", "A類客人", "A类客人"]),
    ("note.guests.family.what", [
        "The guest's family, as far as it helps to serve them.",
        "家庭成員情況，有助於服務的都可記下。",
        "家庭成员情况，有助于服务的都可记下。",
    ]),
    ("note.guests.family.example", ["Wife; a daughter of 12", "妻子、女兒（12歲）", "妻子、女儿（12岁）"]),
    ("note.guests.personality.what", [
        "The guest's character and what they like in service.",
        "客人的性格特點和服務上的偏好。",
        "客人的性格特点和服务上的偏好。",
    ]),
    ("note.guests.personality.example", ["Talkative, punctual", "健談，守時", "健谈，守时"]),
    ("note.guests.dietary_habits.what", ["What the guest likes, dislikes or cannot eat.", "飲食喜好和忌口。", "饮食喜好和忌口。"]),
    ("note.guests.dietary_habits.example", ["No spicy food; likes steamed fish", "不吃辣，愛吃清蒸魚", "不吃辣，爱吃清蒸鱼"]),
    ("note.guests.dietary_habits.when", ["for a class A guest", "A類客人", "A类客人"]),
    ("note.guests.developed_date.what", [
        "The day the guest became a client; a new class A guest is called on every month for {new_months} months.",
        "開發為客戶的日期；新開發的A類客人在 {new_months} 個月內每月須回訪。",
        "开发为客户的日期；新开发的A类客人在 {new_months} 个月内每月须回访。",
    ]),
    ("note.guests.developed_date.example", ["2026-06-15", "2026年6月15日", "2026年6月15日"]),
    ("note.guests.account_manager.what", [
        "The member of staff who looks after the guest; the monthly report names them in the guest lists.",
        "負責此客人的客戶經理，月報的客人名單會寫明。",
        "负责此客人的客户经理，月报的客人名单会写明。",
    ]),
    ("note.guests.account_manager.example", ["Zhou Min", "周敏", "周敏"]),
];
