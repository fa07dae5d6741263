//! The six register kinds of SPEC 1.4: their columns, the type of each column, its aliases in
//! English, Traditional and Simplified Chinese, and the values each enum column accepts.
//!
//! Aliases are compared through [`crate::base::text::key`], so one spelling per script is enough and
//! Simplified spellings of a Traditional alias need not be listed; they are listed where staff
//! commonly use a different word.

use serde::Serialize;

/// A register kind (SPEC 1.4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Contracts,
    Amendments,
    Feedback,
    Guests,
    Visits,
    Callbacks,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Contracts,
        Kind::Amendments,
        Kind::Feedback,
        Kind::Guests,
        Kind::Visits,
        Kind::Callbacks,
    ];

    /// The name used in findings.json and settings.
    pub fn id(self) -> &'static str {
        match self {
            Kind::Contracts => "contracts",
            Kind::Amendments => "amendments",
            Kind::Feedback => "feedback",
            Kind::Guests => "guests",
            Kind::Visits => "visits",
            Kind::Callbacks => "callbacks",
        }
    }

    pub fn from_id(id: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.id() == id)
    }

    pub fn columns(self) -> &'static [Column] {
        match self {
            Kind::Contracts => CONTRACTS,
            Kind::Amendments => AMENDMENTS,
            Kind::Feedback => FEEDBACK,
            Kind::Guests => GUESTS,
            Kind::Visits => VISITS,
            Kind::Callbacks => CALLBACKS,
        }
    }

    /// Index of a column by its canonical name.
    pub fn field(self, name: &str) -> Option<usize> {
        self.columns().iter().position(|c| c.name == name)
    }

    /// The column holding the record id shown in findings.
    pub fn id_field(self) -> Option<&'static str> {
        match self {
            Kind::Contracts | Kind::Feedback => Some("id"),
            Kind::Guests => Some("guest_id"),
            _ => None,
        }
    }

    /// Columns that may stand in for a required one (visits: `name` when no guest id is kept).
    pub fn stand_in(self, field: &str) -> Option<&'static str> {
        match (self, field) {
            (Kind::Visits, "guest_id") => Some("name"),
            _ => None,
        }
    }
}

/// How a column's cells are read (SPEC 1.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnType {
    Text,
    Date,
    /// A date, with the time of day when known.
    DateTime,
    Money,
    Flag,
    Integer,
    Phone,
    Enum(&'static [EnumValue]),
}

impl ColumnType {
    /// A short name of the type for messages and templates.
    pub fn name(self) -> &'static str {
        match self {
            ColumnType::Text => "text",
            ColumnType::Date => "date",
            ColumnType::DateTime => "datetime",
            ColumnType::Money => "money",
            ColumnType::Flag => "flag",
            ColumnType::Integer => "integer",
            ColumnType::Phone => "phone",
            ColumnType::Enum(_) => "enum",
        }
    }
}

/// One value of an enum column: its canonical code and the words staff write for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EnumValue {
    pub code: &'static str,
    pub aliases: &'static [&'static str],
}

/// One column of a register.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Column {
    /// Canonical English name (SPEC 1.4), also the field name in findings.
    pub name: &'static str,
    pub required: bool,
    pub ty: ColumnType,
    /// Header words in English, Traditional and Simplified Chinese. The first Traditional alias is
    /// the column's Chinese label.
    pub aliases: &'static [&'static str],
}

const fn col(name: &'static str, required: bool, ty: ColumnType, aliases: &'static [&'static str]) -> Column {
    Column {
        name,
        required,
        ty,
        aliases,
    }
}

use ColumnType::*;

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

pub const CONTRACTS: &[Column] = &[
    col(
        "id",
        true,
        Text,
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
        "customer",
        true,
        Text,
        &["顧客", "客戶", "客戶名稱", "顧客名稱", "customer name", "client"],
    ),
    col(
        "document_type",
        true,
        Enum(DOCUMENT_TYPES),
        &["類型", "單據類型", "合同類型", "document type", "type"],
    ),
    col(
        "product_category",
        true,
        Enum(PRODUCT_CATEGORIES),
        &["產品類別", "產品類型", "product category", "category"],
    ),
    col(
        "amount",
        false,
        Money,
        &["金額", "合同金額", "訂單金額", "價款", "amount", "value"],
    ),
    col("large_quantity", false, Flag, &["數量較大", "數量大", "large quantity"]),
    col("tight_delivery", false, Flag, &["交貨期緊", "交期緊", "tight delivery"]),
    col(
        "technical_difficulty",
        false,
        Flag,
        &["技術難度大", "技術難度較大", "technical difficulty"],
    ),
    col(
        "received_date",
        true,
        Date,
        &["接收日期", "收到日期", "受理日期", "received", "date received"],
    ),
    col(
        "review_method",
        false,
        Enum(REVIEW_METHODS),
        &["評審方式", "評審方法", "review method"],
    ),
    col("reviewer", false, Text, &["評審人", "評審人員", "reviewed by"]),
    col("review_date", false, Date, &["評審日期", "review date", "reviewed on"]),
    col("approver", false, Text, &["批准人", "審批人", "approved by"]),
    col(
        "approver_role",
        false,
        Enum(APPROVER_ROLES),
        &["批准人職務", "審批人職務", "approver role", "approver title"],
    ),
    col("approval_date", false, Date, &["批准日期", "審批日期", "approved on"]),
    col(
        "commitment_date",
        false,
        Date,
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
        "review_form_no",
        false,
        Text,
        &[
            "評審單編號",
            "評審單號",
            "評審記錄編號",
            "review form no",
            "review form",
        ],
    ),
    col(
        "minutes_no",
        false,
        Text,
        &["會議記錄編號", "會議紀要編號", "minutes no", "minutes"],
    ),
    col(
        "outcome",
        false,
        Enum(OUTCOMES),
        &["評審結論", "評審結果", "結論", "review outcome", "result"],
    ),
    col(
        "customer_contact_date",
        false,
        Date,
        &[
            "與顧客溝通日期",
            "顧客溝通日期",
            "溝通日期",
            "customer contacted on",
            "customer contact",
        ],
    ),
    col("notes", false, Text, &["備註", "說明", "remarks", "note"]),
];

pub const AMENDMENTS: &[Column] = &[
    col(
        "contract_id",
        true,
        Text,
        &["合同編號", "合同號", "訂單號", "contract no", "contract"],
    ),
    col(
        "amendment_date",
        true,
        Date,
        &["修訂日期", "變更日期", "修改日期", "amended on", "date of amendment"],
    ),
    col(
        "content",
        false,
        Text,
        &["修訂內容", "變更內容", "修改內容", "amendment", "change"],
    ),
    col(
        "rereview_date",
        false,
        Date,
        &[
            "重新評審日期",
            "再評審日期",
            "複審日期",
            "re-review date",
            "rereviewed on",
        ],
    ),
    col(
        "rereviewer",
        false,
        Text,
        &["重新評審人", "複審人", "re-reviewer", "rereviewed by"],
    ),
    col(
        "notice_no",
        false,
        Text,
        &["修訂通知單編號", "通知單編號", "通知單號", "notice no", "notice number"],
    ),
    col(
        "notice_date",
        false,
        Date,
        &["通知日期", "發出日期", "notice date", "notified on"],
    ),
    col(
        "notified",
        false,
        Text,
        &["通知部門", "通知人員", "通知部門/人員", "notified to", "recipients"],
    ),
];

pub const FEEDBACK: &[Column] = &[
    col(
        "id",
        true,
        Text,
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
        "received_date",
        true,
        DateTime,
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
        "customer",
        true,
        Text,
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
        "channel",
        false,
        Enum(CHANNELS),
        &["渠道", "方式", "來源", "反饋方式", "投訴方式"],
    ),
    col(
        "kind",
        true,
        Enum(FEEDBACK_KINDS),
        &["類別", "反饋類別", "類型", "type", "category"],
    ),
    col(
        "major",
        false,
        Flag,
        &["重大", "重大投訴", "是否重大", "major complaint"],
    ),
    col(
        "content",
        false,
        Text,
        &["內容", "反饋內容", "投訴內容", "投訴事項", "details"],
    ),
    col("handler", false, Text, &["處理人", "受理人", "經辦人", "handled by"]),
    col("review_date", false, Date, &["評審日期", "review date", "reviewed on"]),
    col(
        "action",
        false,
        Text,
        &["處理措施", "處理過程", "處理情況", "actions taken"],
    ),
    col(
        "service_required",
        false,
        Flag,
        &[
            "需售後服務",
            "需要售後服務",
            "售後服務",
            "after-sales service required",
            "service needed",
        ],
    ),
    col(
        "service_date",
        false,
        Date,
        &["服務日期", "售後服務日期", "service date"],
    ),
    col(
        "service_report_no",
        false,
        Text,
        &[
            "售後服務報告單號",
            "服務報告單號",
            "售後服務報告單編號",
            "service report no",
            "service report",
        ],
    ),
    col(
        "customer_evaluation",
        false,
        Text,
        &["顧客評價", "客戶評價", "customer rating"],
    ),
    col("verification", false, Text, &["驗證結果", "驗證", "verified"]),
    col(
        "reply_date",
        false,
        Date,
        &["回復日期", "答復日期", "回覆日期", "replied on"],
    ),
    col(
        "reply",
        false,
        Text,
        &["回復內容", "答復內容", "回覆內容", "回復", "reply text"],
    ),
    col(
        "resolved_date",
        false,
        Date,
        &["解決日期", "結案日期", "resolved on", "closed on"],
    ),
    col(
        "next_reply_date",
        false,
        Date,
        &[
            "下次回復日期",
            "約定回復日期",
            "下次回覆日期",
            "next reply",
            "next reply due",
        ],
    ),
    col(
        "reported_to",
        false,
        Text,
        &["報告對象", "報告給", "上報對象", "reported to"],
    ),
    col(
        "reported_at",
        false,
        DateTime,
        &["報告時間", "上報時間", "報告日期", "reported on"],
    ),
    col(
        "department",
        false,
        Text,
        &["責任部門", "部門", "dept", "responsible department"],
    ),
];

pub const GUESTS: &[Column] = &[
    col(
        "guest_id",
        true,
        Text,
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
        "name",
        true,
        Text,
        &["姓名", "客人姓名", "顧客姓名", "guest name", "guest"],
    ),
    col(
        "class",
        false,
        Enum(GUEST_CLASSES),
        &["類別", "客戶類別", "等級", "客戶等級", "category", "grade"],
    ),
    col(
        "company",
        false,
        Text,
        &[
            "單位",
            "公司",
            "工作單位",
            "company name",
            "organisation",
            "organization",
        ],
    ),
    col("address", false, Text, &["住址", "地址", "家庭住址"]),
    col("title", false, Text, &["職務", "職位", "position", "job title"]),
    col(
        "phone",
        false,
        Phone,
        &["電話", "聯繫電話", "聯系電話", "手機", "telephone", "mobile", "tel"],
    ),
    col("birthday", false, Date, &["生日", "出生日期", "date of birth", "dob"]),
    col(
        "anniversary",
        false,
        Date,
        &["結婚紀念日", "紀念日", "wedding anniversary"],
    ),
    col("family", false, Text, &["家庭成員情況", "家庭成員", "family members"]),
    col("personality", false, Text, &["性格", "性格特點", "character"]),
    col(
        "dietary_habits",
        false,
        Text,
        &["飲食習慣", "飲食喜好", "口味", "diet", "dietary preferences"],
    ),
    col(
        "developed_date",
        false,
        Date,
        &["開發日期", "建檔日期", "developed on", "client since", "created"],
    ),
    col(
        "account_manager",
        false,
        Text,
        &["客戶經理", "負責人", "account manager"],
    ),
];

pub const VISITS: &[Column] = &[
    col("date", true, Date, &["日期", "消費日期", "就餐日期", "visit date"]),
    col(
        "guest_id",
        true,
        Text,
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
        "name",
        false,
        Text,
        &["姓名", "客人姓名", "顧客姓名", "guest name", "guest"],
    ),
    col("spend", true, Money, &["消費金額", "消費", "金額", "amount", "spent"]),
    col("menu", false, Text, &["菜單", "宴會菜單", "菜品", "menu items"]),
    col(
        "dish_rating",
        false,
        Text,
        &["菜品評價", "評價", "dish feedback", "rating"],
    ),
    col("covers", false, Integer, &["人數", "用餐人數", "guests", "pax"]),
    col("outlet", false, Text, &["餐廳", "營業點", "廳房", "restaurant"]),
];

pub const CALLBACKS: &[Column] = &[
    col(
        "date",
        true,
        Date,
        &["日期", "回訪日期", "拜訪日期", "call date", "callback date"],
    ),
    col(
        "guest_id",
        true,
        Text,
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
    col("by", false, Text, &["回訪人", "拜訪人", "經辦人", "called by", "staff"]),
    col("method", false, Text, &["方式", "回訪方式", "channel"]),
    col("notes", false, Text, &["內容", "回訪內容", "備註", "remarks", "note"]),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::text::key;
    use std::collections::HashMap;

    /// Two columns of one kind answering to the same header would make recognition depend on order.
    #[test]
    fn no_alias_is_shared_by_two_columns_of_a_kind() {
        for kind in Kind::ALL {
            let mut seen: HashMap<String, &str> = HashMap::new();
            for column in kind.columns() {
                for word in column.aliases.iter().chain(std::iter::once(&column.name)) {
                    let k = key(word);
                    if let Some(other) = seen.insert(k.clone(), column.name) {
                        assert_eq!(
                            other,
                            column.name,
                            "{}: `{word}` used by {other} and {}",
                            kind.id(),
                            column.name
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn no_enum_word_means_two_values() {
        for list in [
            DOCUMENT_TYPES,
            PRODUCT_CATEGORIES,
            REVIEW_METHODS,
            APPROVER_ROLES,
            OUTCOMES,
            CHANNELS,
            FEEDBACK_KINDS,
            GUEST_CLASSES,
        ] {
            let mut seen: HashMap<String, &str> = HashMap::new();
            for value in list {
                for word in value.aliases.iter().chain(std::iter::once(&value.code)) {
                    if let Some(other) = seen.insert(key(word), value.code) {
                        assert_eq!(other, value.code, "`{word}`");
                    }
                }
            }
        }
    }
}
