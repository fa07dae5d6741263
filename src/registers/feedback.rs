//! The customer feedback and complaints register (SPEC 1.4): every piece of feedback, how it
//! was reviewed, handled, answered and resolved.

use super::column::{checked, col, Column, ColumnType, EnumValue};
use super::field::{Code, Date, Field, Flag, Text};
use super::Kind;

const K: Kind = Kind::Feedback;

pub const ID: Field<Text> = Field::new(K, 0, "id");
pub const RECEIVED_DATE: Field<Date> = Field::new(K, 1, "received_date");
pub const CUSTOMER: Field<Text> = Field::new(K, 2, "customer");
pub const CHANNEL: Field<Code> = Field::new(K, 3, "channel");
pub const KIND: Field<Code> = Field::new(K, 4, "kind");
pub const MAJOR: Field<Flag> = Field::new(K, 5, "major");
pub const CONTENT: Field<Text> = Field::new(K, 6, "content");
pub const HANDLER: Field<Text> = Field::new(K, 7, "handler");
pub const REVIEW_DATE: Field<Date> = Field::new(K, 8, "review_date");
pub const ACTION: Field<Text> = Field::new(K, 9, "action");
pub const SERVICE_REQUIRED: Field<Flag> = Field::new(K, 10, "service_required");
pub const SERVICE_DATE: Field<Date> = Field::new(K, 11, "service_date");
pub const SERVICE_REPORT_NO: Field<Text> = Field::new(K, 12, "service_report_no");
pub const CUSTOMER_EVALUATION: Field<Text> = Field::new(K, 13, "customer_evaluation");
pub const VERIFICATION: Field<Text> = Field::new(K, 14, "verification");
pub const REPLY_DATE: Field<Date> = Field::new(K, 15, "reply_date");
pub const REPLY: Field<Text> = Field::new(K, 16, "reply");
pub const RESOLVED_DATE: Field<Date> = Field::new(K, 17, "resolved_date");
pub const NEXT_REPLY_DATE: Field<Date> = Field::new(K, 18, "next_reply_date");
pub const REPORTED_TO: Field<Text> = Field::new(K, 19, "reported_to");
pub const REPORTED_AT: Field<Date> = Field::new(K, 20, "reported_at");
pub const DEPARTMENT: Field<Text> = Field::new(K, 21, "department");

/// The columns, in the order of the fields above (checked when the crate is compiled).
pub const COLUMNS: &[Column] = checked(
    K,
    &[
        col(
            ID,
            true,
            ColumnType::Text,
            &[
                "編號",
                "反饋編號",
                "投訴編號",
                "記錄編號",
                "feedback no",
                "complaint no",
            ],
        ),
        col(
            RECEIVED_DATE,
            true,
            ColumnType::DateTime,
            &[
                "接收日期",
                "收到日期",
                "受理日期",
                "投訴日期",
                "接收時間",
                "received",
                "date received",
            ],
        ),
        col(
            CUSTOMER,
            true,
            ColumnType::Text,
            &[
                "顧客",
                "客戶",
                "住戶",
                "業主",
                "顧客名稱",
                "投訴人",
                "customer name",
                "client",
            ],
        ),
        col(
            CHANNEL,
            false,
            ColumnType::Enum(CHANNELS),
            &["渠道", "方式", "來源", "反饋方式", "投訴方式"],
        ),
        col(
            KIND,
            true,
            ColumnType::Enum(FEEDBACK_KINDS),
            &["類別", "反饋類別", "類型", "type", "category"],
        ),
        col(
            MAJOR,
            false,
            ColumnType::Flag,
            &["重大", "重大投訴", "是否重大", "major complaint"],
        ),
        col(
            CONTENT,
            false,
            ColumnType::Text,
            &["內容", "反饋內容", "投訴內容", "投訴事項", "details"],
        ),
        col(
            HANDLER,
            false,
            ColumnType::Text,
            &["處理人", "受理人", "經辦人", "handled by"],
        ),
        col(
            REVIEW_DATE,
            false,
            ColumnType::Date,
            &["評審日期", "review date", "reviewed on"],
        ),
        col(
            ACTION,
            false,
            ColumnType::Text,
            &["處理措施", "處理過程", "處理情況", "actions taken"],
        ),
        col(
            SERVICE_REQUIRED,
            false,
            ColumnType::Flag,
            &[
                "需售後服務",
                "需要售後服務",
                "售後服務",
                "after-sales service required",
                "service needed",
            ],
        ),
        col(
            SERVICE_DATE,
            false,
            ColumnType::Date,
            &["服務日期", "售後服務日期", "service date"],
        ),
        col(
            SERVICE_REPORT_NO,
            false,
            ColumnType::Text,
            &[
                "售後服務報告單號",
                "服務報告單號",
                "售後服務報告單編號",
                "service report no",
                "service report",
            ],
        ),
        col(
            CUSTOMER_EVALUATION,
            false,
            ColumnType::Text,
            &["顧客評價", "客戶評價", "customer rating"],
        ),
        col(VERIFICATION, false, ColumnType::Text, &["驗證結果", "驗證", "verified"]),
        col(
            REPLY_DATE,
            false,
            ColumnType::Date,
            &["回復日期", "答復日期", "回覆日期", "replied on"],
        ),
        col(
            REPLY,
            false,
            ColumnType::Text,
            &["回復內容", "答復內容", "回覆內容", "回復", "reply text"],
        ),
        col(
            RESOLVED_DATE,
            false,
            ColumnType::Date,
            &["解決日期", "結案日期", "resolved on", "closed on"],
        ),
        col(
            NEXT_REPLY_DATE,
            false,
            ColumnType::Date,
            &[
                "下次回復日期",
                "約定回復日期",
                "下次回覆日期",
                "next reply",
                "next reply due",
            ],
        ),
        col(
            REPORTED_TO,
            false,
            ColumnType::Text,
            &["報告對象", "報告給", "上報對象", "reported to"],
        ),
        col(
            REPORTED_AT,
            false,
            ColumnType::DateTime,
            &["報告時間", "上報時間", "報告日期", "reported on"],
        ),
        col(
            DEPARTMENT,
            false,
            ColumnType::Text,
            &["責任部門", "部門", "dept", "responsible department"],
        ),
    ],
);

pub const CHANNELS: &[EnumValue] = &[
    EnumValue {
        code: "phone",
        aliases: &["電話", "來電", "telephone", "call"],
    },
    EnumValue {
        code: "visit",
        aliases: &["來訪", "上門", "面談", "in person"],
    },
    EnumValue {
        code: "letter",
        aliases: &["信函", "來信", "信件", "post"],
    },
    EnumValue {
        code: "email",
        aliases: &["郵件", "電子郵件", "電郵", "e-mail", "mail"],
    },
    EnumValue {
        code: "online",
        aliases: &["網上", "網絡", "網站", "微信", "web"],
    },
    EnumValue {
        code: "other",
        aliases: &["其他", "其它"],
    },
];

pub const FEEDBACK_KINDS: &[EnumValue] = &[
    EnumValue {
        code: "complaint",
        aliases: &["投訴"],
    },
    EnumValue {
        code: "grievance",
        aliases: &["抱怨", "不滿"],
    },
    EnumValue {
        code: "inquiry",
        aliases: &["問詢", "詢問", "咨詢", "諮詢", "enquiry", "question"],
    },
    EnumValue {
        code: "suggestion",
        aliases: &["建議", "意見"],
    },
    EnumValue {
        code: "praise",
        aliases: &["表揚", "讚揚", "表彰", "compliment"],
    },
];
