//! The contracts and orders register (SPEC 1.4): bids, contracts, orders, oral and telephone
//! orders and commissions, with their review, approval and commitment.

use super::column::{checked, col, Column, ColumnType, EnumValue};
use super::field::{Code, Date, Field, Flag, Money, Text};
use super::Kind;

const K: Kind = Kind::Contracts;

pub const ID: Field<Text> = Field::new(K, 0, "id");
pub const CUSTOMER: Field<Text> = Field::new(K, 1, "customer");
pub const DOCUMENT_TYPE: Field<Code> = Field::new(K, 2, "document_type");
pub const PRODUCT_CATEGORY: Field<Code> = Field::new(K, 3, "product_category");
pub const AMOUNT: Field<Money> = Field::new(K, 4, "amount");
pub const LARGE_QUANTITY: Field<Flag> = Field::new(K, 5, "large_quantity");
pub const TIGHT_DELIVERY: Field<Flag> = Field::new(K, 6, "tight_delivery");
pub const TECHNICAL_DIFFICULTY: Field<Flag> = Field::new(K, 7, "technical_difficulty");
pub const RECEIVED_DATE: Field<Date> = Field::new(K, 8, "received_date");
pub const REVIEW_METHOD: Field<Code> = Field::new(K, 9, "review_method");
pub const REVIEWER: Field<Text> = Field::new(K, 10, "reviewer");
pub const REVIEW_DATE: Field<Date> = Field::new(K, 11, "review_date");
pub const APPROVER: Field<Text> = Field::new(K, 12, "approver");
pub const APPROVER_ROLE: Field<Code> = Field::new(K, 13, "approver_role");
pub const APPROVAL_DATE: Field<Date> = Field::new(K, 14, "approval_date");
pub const COMMITMENT_DATE: Field<Date> = Field::new(K, 15, "commitment_date");
pub const REVIEW_FORM_NO: Field<Text> = Field::new(K, 16, "review_form_no");
pub const MINUTES_NO: Field<Text> = Field::new(K, 17, "minutes_no");
pub const OUTCOME: Field<Code> = Field::new(K, 18, "outcome");
pub const CUSTOMER_CONTACT_DATE: Field<Date> = Field::new(K, 19, "customer_contact_date");
pub const NOTES: Field<Text> = Field::new(K, 20, "notes");

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
                "合同編號",
                "訂單號",
                "合同號",
                "單據編號",
                "合同/訂單編號",
                "contract no",
                "order no",
                "contract id",
            ],
        ),
        col(
            CUSTOMER,
            true,
            ColumnType::Text,
            &["顧客", "客戶", "客戶名稱", "顧客名稱", "customer name", "client"],
        ),
        col(
            DOCUMENT_TYPE,
            true,
            ColumnType::Enum(DOCUMENT_TYPES),
            &["類型", "單據類型", "合同類型", "document type", "type"],
        ),
        col(
            PRODUCT_CATEGORY,
            true,
            ColumnType::Enum(PRODUCT_CATEGORIES),
            &["產品類別", "產品類型", "product category", "category"],
        ),
        col(
            AMOUNT,
            false,
            ColumnType::Money,
            &["金額", "合同金額", "訂單金額", "價款", "amount", "value"],
        ),
        col(
            LARGE_QUANTITY,
            false,
            ColumnType::Flag,
            &["數量較大", "數量大", "large quantity"],
        ),
        col(
            TIGHT_DELIVERY,
            false,
            ColumnType::Flag,
            &["交貨期緊", "交期緊", "tight delivery"],
        ),
        col(
            TECHNICAL_DIFFICULTY,
            false,
            ColumnType::Flag,
            &["技術難度大", "技術難度較大", "technical difficulty"],
        ),
        col(
            RECEIVED_DATE,
            true,
            ColumnType::Date,
            &["接收日期", "收到日期", "受理日期", "received", "date received"],
        ),
        col(
            REVIEW_METHOD,
            false,
            ColumnType::Enum(REVIEW_METHODS),
            &["評審方式", "評審方法", "review method"],
        ),
        col(
            REVIEWER,
            false,
            ColumnType::Text,
            &["評審人", "評審人員", "reviewed by"],
        ),
        col(
            REVIEW_DATE,
            false,
            ColumnType::Date,
            &["評審日期", "review date", "reviewed on"],
        ),
        col(APPROVER, false, ColumnType::Text, &["批准人", "審批人", "approved by"]),
        col(
            APPROVER_ROLE,
            false,
            ColumnType::Enum(APPROVER_ROLES),
            &["批准人職務", "審批人職務", "approver role", "approver title"],
        ),
        col(
            APPROVAL_DATE,
            false,
            ColumnType::Date,
            &["批准日期", "審批日期", "approved on"],
        ),
        col(
            COMMITMENT_DATE,
            false,
            ColumnType::Date,
            &[
                "承諾日期",
                "簽訂日期",
                "投標日期",
                "簽約日期",
                "commitment date",
                "signed on",
                "signing date",
            ],
        ),
        col(
            REVIEW_FORM_NO,
            false,
            ColumnType::Text,
            &[
                "評審單編號",
                "評審單號",
                "評審記錄編號",
                "review form no",
                "review form",
            ],
        ),
        col(
            MINUTES_NO,
            false,
            ColumnType::Text,
            &["會議記錄編號", "會議紀要編號", "minutes no", "minutes"],
        ),
        col(
            OUTCOME,
            false,
            ColumnType::Enum(OUTCOMES),
            &["評審結論", "評審結果", "結論", "review outcome", "result"],
        ),
        col(
            CUSTOMER_CONTACT_DATE,
            false,
            ColumnType::Date,
            &[
                "與顧客溝通日期",
                "顧客溝通日期",
                "溝通日期",
                "customer contacted on",
                "customer contact",
            ],
        ),
        col(NOTES, false, ColumnType::Text, &["備註", "說明", "remarks", "note"]),
    ],
);

pub const DOCUMENT_TYPES: &[EnumValue] = &[
    EnumValue {
        code: "bid",
        aliases: &["標書", "投標", "投標書", "tender"],
    },
    EnumValue {
        code: "contract",
        aliases: &["合同", "合約"],
    },
    EnumValue {
        code: "order",
        aliases: &["訂單", "采購訂單", "purchase order", "po"],
    },
    EnumValue {
        code: "oral_order",
        aliases: &[
            "口頭訂單",
            "電話訂貨",
            "電話訂單",
            "口頭訂貨",
            "oral order",
            "telephone order",
            "phone order",
        ],
    },
    EnumValue {
        code: "commission",
        aliases: &["委託單", "委托單", "委託", "commission"],
    },
];

pub const PRODUCT_CATEGORIES: &[EnumValue] = &[
    EnumValue {
        code: "routine",
        aliases: &["常規產品", "常規", "routine product"],
    },
    EnumValue {
        code: "non_routine",
        aliases: &["非常規產品", "非常規", "non-routine product"],
    },
    EnumValue {
        code: "customer_drawing",
        aliases: &["顧客帶圖加工", "帶圖加工", "來圖加工", "customer drawing"],
    },
    EnumValue {
        code: "new_product",
        aliases: &[
            "新產品",
            "需設計開發",
            "新產品(需設計開發)",
            "需要設計和開發的新產品",
            "new product",
        ],
    },
    EnumValue {
        code: "special_tech",
        aliases: &[
            "特殊技術要求",
            "特殊技術",
            "special technical requirements",
            "special technical",
        ],
    },
];

pub const REVIEW_METHODS: &[EnumValue] = &[
    EnumValue {
        code: "authorized",
        aliases: &["授權人員評審", "授權評審", "授權", "authorised"],
    },
    EnumValue {
        code: "countersign",
        aliases: &["會簽評審", "會簽", "countersigned"],
    },
    EnumValue {
        code: "meeting",
        aliases: &["會議評審", "會議", "meeting review"],
    },
];

pub const APPROVER_ROLES: &[EnumValue] = &[
    EnumValue {
        code: "sales_manager",
        aliases: &["銷售公司經理", "銷售經理", "sales manager"],
    },
    EnumValue {
        code: "production_vp",
        aliases: &["生產副總經理", "生產副總", "production vp", "production vice president"],
    },
    EnumValue {
        code: "general_manager",
        aliases: &["總經理", "general manager", "gm"],
    },
];

pub const OUTCOMES: &[EnumValue] = &[
    EnumValue {
        code: "accepted",
        aliases: &["接受", "同意", "accept"],
    },
    EnumValue {
        code: "revised",
        aliases: &["修訂後接受", "修訂", "修改後接受", "revise"],
    },
    EnumValue {
        code: "rejected",
        aliases: &["拒絕", "不接受", "reject"],
    },
];
