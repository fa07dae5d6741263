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

/// The note on each column's header cell in the template `clerk init` writes: what to write,
/// an example as staff type it, and for a column needed in some rows only, when. Whether a column
/// must be filled in, and which rules check it, come from the rules (`Rule::reads`). Placeholders
/// are settings (`{large_amount}`…). Key → [en, zh-Hant, zh-Hans].
#[rustfmt::skip]
pub static HEADER_NOTES: &[crate::base::i18n::Entry] = &[
    ("note.contracts.id.what", [
        "The number of the bid, contract or order, as on the document; each number once in the register.",
        "標書、合同或訂單上的編號，同一編號在台帳中只登記一次。",
        "标书、合同或订单上的编号，同一编号在台账中只登记一次。",
    ]),
    ("note.contracts.id.example", ["HT-2026-118", "HT-2026-118", "HT-2026-118"]),
    ("note.contracts.customer.what", ["The customer's name, as on the contract.", "顧客名稱，與合同上一致。", "顾客名称，与合同上一致。"]),
    ("note.contracts.customer.example", ["East China Heavy Machinery Co., Ltd.", "華東重型機械有限公司", "华东重型机械有限公司"]),
    ("note.contracts.document_type.what", [
        "What the customer's requirements came as: a bid, a contract, an order (oral and telephone orders included) or a commission.",
        "顧客要求的形式：標書、合同、訂單（包括口頭訂單和電話訂貨）或委託單。",
        "顾客要求的形式：标书、合同、订单（包括口头订单和电话订货）或委托单。",
    ]),
    ("note.contracts.document_type.example", ["contract", "合同", "合同"]),
    ("note.contracts.product_category.what", [
        "The kind of product ordered: it decides which review the order needs.",
        "所訂產品的類別，決定須採用哪種評審。",
        "所订产品的类别，决定须采用哪种评审。",
    ]),
    ("note.contracts.product_category.example", ["routine", "常規產品", "常规产品"]),
    ("note.contracts.amount.what", [
        "The value of the order in yuan. For a routine product, the review it needs depends on whether the amount reaches {large_amount}.",
        "合同或訂單金額（元）。常規產品須採用哪種評審，要看金額是否達到 {large_amount} 元。",
        "合同或订单金额（元）。常规产品须采用哪种评审，要看金额是否达到 {large_amount} 元。",
    ]),
    ("note.contracts.amount.example", ["380,000", "38萬", "38万"]),
    ("note.contracts.amount.when", ["for a routine product, except an oral order", "常規產品（口頭訂單除外）", "常规产品（口头订单除外）"]),
    ("note.contracts.large_quantity.what", [
        "Yes when the quantity ordered is large; blank means no. A routine product ordered in a large quantity needs a countersign review (5.2.4.2 a).",
        "訂貨數量較大時填「是」，空白即「否」。數量較大的常規產品須會簽評審（5.2.4.2 a）。",
        "订货数量较大时填「是」，空白即「否」。数量较大的常规产品须会签评审（5.2.4.2 a）。",
    ]),
    ("note.contracts.large_quantity.example", ["No", "否", "否"]),
    ("note.contracts.tight_delivery.what", [
        "Yes when the delivery time is tight; blank means no. A routine product with a tight delivery needs a countersign review (5.2.4.2 a).",
        "交貨期緊時填「是」，空白即「否」。交貨期緊的常規產品須會簽評審（5.2.4.2 a）。",
        "交货期紧时填「是」，空白即「否」。交货期紧的常规产品须会签评审（5.2.4.2 a）。",
    ]),
    ("note.contracts.tight_delivery.example", ["Yes", "是", "是"]),
    ("note.contracts.technical_difficulty.what", [
        "Yes when the order is technically difficult; blank means no. A routine product of great technical difficulty needs a countersign review (5.2.4.2 a).",
        "技術難度大時填「是」，空白即「否」。技術難度大的常規產品須會簽評審（5.2.4.2 a）。",
        "技术难度大时填「是」，空白即「否」。技术难度大的常规产品须会签评审（5.2.4.2 a）。",
    ]),
    ("note.contracts.technical_difficulty.example", ["No", "否", "否"]),
    ("note.contracts.received_date.what", [
        "The day the bid invitation, contract or order reached the company.",
        "收到招標文件、合同或訂單的日期。",
        "收到招标文件、合同或订单的日期。",
    ]),
    ("note.contracts.received_date.example", ["2026-11-03", "2026年11月3日", "2026年11月3日"]),
    ("note.contracts.review_method.what", [
        "How the order was reviewed: it must be at least the method the review authority table asks for.",
        "評審方式，不得低於評審權限表的要求。",
        "评审方式，不得低于评审权限表的要求。",
    ]),
    ("note.contracts.review_method.example", ["countersign", "會簽評審", "会签评审"]),
    ("note.contracts.reviewer.what", [
        "Who reviewed the order; kept for the record.",
        "進行評審的人員，供記錄查閱。",
        "进行评审的人员，供记录查阅。",
    ]),
    ("note.contracts.reviewer.example", ["Wang Ming", "王明", "王明"]),
    ("note.contracts.review_date.what", [
        "The day the order was reviewed: on or before the commitment date.",
        "評審日期，須在承諾日期當天或之前。",
        "评审日期，须在承诺日期当天或之前。",
    ]),
    ("note.contracts.review_date.example", ["2026-11-05", "2026年11月5日", "2026年11月5日"]),
    ("note.contracts.approver.what", [
        "Who approved the review; every review names its approver.",
        "批准此評審的人員；每次評審都須寫明批准人。",
        "批准此评审的人员；每次评审都须写明批准人。",
    ]),
    ("note.contracts.approver.example", ["Li Qiang", "李強", "李强"]),
    ("note.contracts.approver_role.what", [
        "The approver's position: at least the one the review authority table asks for.",
        "批准人的職務，不得低於評審權限表的要求。",
        "批准人的职务，不得低于评审权限表的要求。",
    ]),
    ("note.contracts.approver_role.example", ["production vp", "生產副總經理", "生产副总经理"]),
    ("note.contracts.approval_date.what", ["The day the review was approved.", "評審獲批准的日期。", "评审获批准的日期。"]),
    ("note.contracts.approval_date.example", ["2026-11-05", "2026年11月5日", "2026年11月5日"]),
    ("note.contracts.commitment_date.what", [
        "The day the company committed to the customer; the review must come first. Leave blank until then.",
        "向顧客做出承諾的日期，評審須在此之前；未承諾時留空。",
        "向顾客做出承诺的日期，评审须在此之前；未承诺时留空。",
    ]),
    ("note.contracts.commitment_date.example", ["2026-11-06", "2026年11月6日", "2026年11月6日"]),
    ("note.contracts.commitment_date.when", [
        "once the company has committed: bid sent, contract signed or order accepted",
        "已向顧客承諾（已投標、已簽訂合同或已接受訂單）後",
        "已向顾客承诺（已投标、已签订合同或已接受订单）后",
    ]),
    ("note.contracts.review_form_no.what", [
        "The number of the product requirement review form (for an oral order, of the oral-contract record and review form).",
        "產品要求評審單的編號（口頭訂單填口頭合同記錄評審單的編號）。",
        "产品要求评审单的编号（口头订单填口头合同记录评审单的编号）。",
    ]),
    ("note.contracts.review_form_no.example", ["PS-2026-045", "PS-2026-045", "PS-2026-045"]),
    ("note.contracts.review_form_no.when", [
        "for a countersign or meeting review and for an oral order",
        "會簽評審、會議評審和口頭訂單",
        "会签评审、会议评审和口头订单",
    ]),
    ("note.contracts.minutes_no.what", [
        "The number of the minutes of the review meeting.",
        "評審會議記錄的編號。",
        "评审会议记录的编号。",
    ]),
    ("note.contracts.minutes_no.example", ["HY-2026-012", "HY-2026-012", "HY-2026-012"]),
    ("note.contracts.minutes_no.when", ["for a meeting review", "會議評審", "会议评审"]),
    ("note.contracts.outcome.what", ["The conclusion of the review.", "評審的結論。", "评审的结论。"]),
    ("note.contracts.outcome.example", ["accepted", "接受", "接受"]),
    ("note.contracts.customer_contact_date.what", [
        "The day the revision or the refusal was discussed with the customer.",
        "就修訂或拒絕與顧客溝通的日期。",
        "就修订或拒绝与顾客沟通的日期。",
    ]),
    ("note.contracts.customer_contact_date.example", ["2026-11-04", "2026年11月4日", "2026年11月4日"]),
    ("note.contracts.customer_contact_date.when", [
        "when the outcome is revised or rejected",
        "評審結論為修訂後接受或拒絕時",
        "评审结论为修订后接受或拒绝时",
    ]),
    ("note.contracts.notes.what", ["Anything else worth recording about the order.", "其他需要記錄的事項。", "其他需要记录的事项。"]),
    ("note.contracts.notes.example", ["Delivery in two lots", "顧客要求分兩批交貨", "顾客要求分两批交货"]),
];
