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

/// The note on each column's header cell in the template `clerk init` writes: what to write,
/// an example as staff type it, and for a column needed in some rows only, when. Whether a column
/// must be filled in, and which rules check it, come from the rules (`Rule::reads`). Placeholders
/// are settings (`{large_amount}`…). Key → [en, zh-Hant, zh-Hans].
#[rustfmt::skip]
pub static HEADER_NOTES: &[crate::base::i18n::Entry] = &[
    ("note.feedback.id.what", [
        "The number of the feedback; each number once in the register.",
        "反饋的編號，同一編號只登記一次。",
        "反馈的编号，同一编号只登记一次。",
    ]),
    ("note.feedback.id.example", ["FK-2026-087", "FK-2026-087", "FK-2026-087"]),
    ("note.feedback.received_date.what", [
        "When the feedback was received; for a complaint that may be major, with the time.",
        "接收反饋的日期；可能屬重大投訴的，連時間一起填寫。",
        "接收反馈的日期；可能属重大投诉的，连时间一起填写。",
    ]),
    ("note.feedback.received_date.example", ["2026-11-04 09:30", "2026年11月4日 9:30", "2026年11月4日 9:30"]),
    ("note.feedback.customer.what", [
        "Who gave the feedback: a customer company, a guest or a resident.",
        "提出反饋的顧客、客人或住戶。",
        "提出反馈的顾客、客人或住户。",
    ]),
    ("note.feedback.customer.example", ["East China Heavy Machinery Co., Ltd.", "華東重型機械有限公司", "华东重型机械有限公司"]),
    ("note.feedback.channel.what", [
        "How the feedback came in; the monthly feedback report counts by channel.",
        "反饋的渠道，月報表按渠道統計。",
        "反馈的渠道，月报表按渠道统计。",
    ]),
    ("note.feedback.channel.example", ["phone", "電話", "电话"]),
    ("note.feedback.kind.what", [
        "What kind of feedback it is; complaints and grievances are followed up as complaints.",
        "反饋的類別；投訴和抱怨都按投訴跟進處理。",
        "反馈的类别；投诉和抱怨都按投诉跟进处理。",
    ]),
    ("note.feedback.kind.example", ["complaint", "投訴", "投诉"]),
    ("note.feedback.major.what", [
        "Yes for a major complaint, which must be reported at once; blank means no.",
        "重大投訴填「是」，須馬上報告；空白即「否」。",
        "重大投诉填「是」，须马上报告；空白即「否」。",
    ]),
    ("note.feedback.major.example", ["Yes", "是", "是"]),
    ("note.feedback.content.what", [
        "What the customer said, in their own words where possible.",
        "顧客反映的內容，盡量照錄原話。",
        "顾客反映的内容，尽量照录原话。",
    ]),
    ("note.feedback.content.example", ["Two of the gearboxes delivered leak oil", "收到的減速機有兩台漏油", "收到的减速机有两台漏油"]),
    ("note.feedback.handler.what", [
        "Who handles the feedback; the monthly report names them beside each open item.",
        "負責處理的人員，月報列出未結事項時會註明。",
        "负责处理的人员，月报列出未结事项时会注明。",
    ]),
    ("note.feedback.handler.example", ["Zhang Li", "張麗", "张丽"]),
    ("note.feedback.review_date.what", [
        "The day the departments concerned reviewed the feedback: within {review_days} days of receipt.",
        "有關部門評審此反饋的日期，須在接收後 {review_days} 天內。",
        "有关部门评审此反馈的日期，须在接收后 {review_days} 天内。",
    ]),
    ("note.feedback.review_date.example", ["2026-11-05", "2026年11月5日", "2026年11月5日"]),
    ("note.feedback.action.what", [
        "What was done about it; never a forbidden service phrase.",
        "處理措施和過程，不得使用服務忌語。",
        "处理措施和过程，不得使用服务忌语。",
    ]),
    ("note.feedback.action.example", ["Technician sent to replace the seals", "派技術員上門更換密封件", "派技术员上门更换密封件"]),
    ("note.feedback.action.when", ["for a complaint, once it is resolved", "投訴解決後", "投诉解决后"]),
    ("note.feedback.service_required.what", [
        "Yes when after-sales service is needed; blank means no.",
        "需要售後服務時填「是」，空白即「否」。",
        "需要售后服务时填「是」，空白即「否」。",
    ]),
    ("note.feedback.service_required.example", ["Yes", "是", "是"]),
    ("note.feedback.service_date.what", ["The day the after-sales service was given.", "實施售後服務的日期。", "实施售后服务的日期。"]),
    ("note.feedback.service_date.example", ["2026-11-07", "2026年11月7日", "2026年11月7日"]),
    ("note.feedback.service_report_no.what", [
        "The number of the after-sales service report.",
        "售後服務報告單的編號。",
        "售后服务报告单的编号。",
    ]),
    ("note.feedback.service_report_no.example", ["SF-2026-019", "SF-2026-019", "SF-2026-019"]),
    ("note.feedback.service_report_no.when", [
        "when after-sales service is needed or given",
        "需要或已實施售後服務時",
        "需要或已实施售后服务时",
    ]),
    ("note.feedback.customer_evaluation.what", [
        "The customer's evaluation of the service, as on the service report.",
        "顧客對售後服務的評價，與報告單一致。",
        "顾客对售后服务的评价，与报告单一致。",
    ]),
    ("note.feedback.customer_evaluation.example", ["Satisfied", "滿意", "满意"]),
    ("note.feedback.customer_evaluation.when", [
        "when after-sales service is needed or given",
        "需要或已實施售後服務時",
        "需要或已实施售后服务时",
    ]),
    ("note.feedback.verification.what", ["How the result of the service was verified.", "對服務結果的驗證。", "对服务结果的验证。"]),
    ("note.feedback.verification.example", ["No leak after a 48-hour trial run", "試運行48小時無漏油", "试运行48小时无漏油"]),
    ("note.feedback.verification.when", ["when after-sales service is needed or given", "需要或已實施售後服務時", "需要或已实施售后服务时"]),
    ("note.feedback.reply_date.what", ["The day the customer was answered.", "回復顧客的日期。", "回复顾客的日期。"]),
    ("note.feedback.reply_date.example", ["2026-11-09", "2026年11月9日", "2026年11月9日"]),
    ("note.feedback.reply_date.when", [
        "for a complaint, once it is resolved, or while it is open with no next reply date agreed",
        "投訴解決後，或投訴未解決又未約定下次回復日期時",
        "投诉解决后，或投诉未解决又未约定下次回复日期时",
    ]),
    ("note.feedback.reply.what", [
        "What the customer was told: how it was handled and the result, in courteous words; never a forbidden service phrase.",
        "回復顧客的內容：處理過程和結果，請用文明用語，不得使用服務忌語。",
        "回复顾客的内容：处理过程和结果，请用文明用语，不得使用服务忌语。",
    ]),
    ("note.feedback.reply.example", [
        "The seals have been replaced and the trial run is normal. Thank you for your patience.",
        "密封件已更換，試運行正常。感謝您的耐心等待。",
        "密封件已更换，试运行正常。感谢您的耐心等待。",
    ]),
    ("note.feedback.reply.when", ["for a complaint, once it is resolved", "投訴解決後", "投诉解决后"]),
    ("note.feedback.resolved_date.what", [
        "The day the matter was resolved; leave blank while it is open.",
        "問題解決的日期；未解決時留空。",
        "问题解决的日期；未解决时留空。",
    ]),
    ("note.feedback.resolved_date.example", ["2026-11-09", "2026年11月9日", "2026年11月9日"]),
    ("note.feedback.next_reply_date.what", [
        "The day agreed with the customer for the next reply.",
        "與顧客約定的下次回復日期。",
        "与顾客约定的下次回复日期。",
    ]),
    ("note.feedback.next_reply_date.example", ["2026-11-20", "2026年11月20日", "2026年11月20日"]),
    ("note.feedback.next_reply_date.when", ["for a complaint that cannot be resolved yet", "投訴暫時未能解決時", "投诉暂时未能解决时"]),
    ("note.feedback.reported_to.what", [
        "Whom the major complaint was reported to: the head of the department or the manager in charge.",
        "重大投訴的報告對象：部門負責人或主管經理。",
        "重大投诉的报告对象：部门负责人或主管经理。",
    ]),
    ("note.feedback.reported_to.example", ["Li Qiang, sales manager", "銷售公司經理李強", "销售公司经理李强"]),
    ("note.feedback.reported_to.when", ["for a major complaint", "重大投訴", "重大投诉"]),
    ("note.feedback.reported_at.what", [
        "When it was reported: within {report_hours} hours of receipt; give the time as well as the date.",
        "報告的時間，須在接收後 {report_hours} 小時內；請填日期和時間。",
        "报告的时间，须在接收后 {report_hours} 小时内；请填日期和时间。",
    ]),
    ("note.feedback.reported_at.example", ["2026-11-04 10:15", "2026年11月4日 10:15", "2026年11月4日 10:15"]),
    ("note.feedback.reported_at.when", ["for a major complaint", "重大投訴", "重大投诉"]),
    ("note.feedback.department.what", [
        "The department responsible; the monthly feedback report counts by department.",
        "責任部門，月報表按部門統計。",
        "责任部门，月报表按部门统计。",
    ]),
    ("note.feedback.department.example", ["Sales company", "銷售公司", "销售公司"]),
];
