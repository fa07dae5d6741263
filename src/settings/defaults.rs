//! The built-in settings: the values `templates/clerk.toml` documents, and the procedure's lists of
//! forbidden and courtesy phrases (Part 3).

use super::keys::{METHODS, ROLES};
use super::*;

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            company: String::new(),
            language: Lang::En,
            currency: "CNY".into(),
            date_order: DateOrder::Ymd,
            columns: BTreeMap::new(),
            enums: BTreeMap::new(),
            contracts: ContractSettings::default(),
            feedback: FeedbackSettings::default(),
            complaints: ComplaintSettings::default(),
            guests: GuestSettings::default(),
            report: ReportSettings::default(),
            limits: crate::read::Limits::default(),
            departments: [
                ("sales", &["CR"][..]),
                ("customer-service", &["FB", "CP"][..]),
                ("guest-relations", &["GH"][..]),
            ]
            .into_iter()
            .map(|(d, r)| (d.to_string(), strings(r)))
            .collect(),
            email: EmailSettings::default(),
        }
    }
}

impl Default for ContractSettings {
    fn default() -> Self {
        ContractSettings {
            large_amount: 1_000_000,
            notice_days: 3,
            large_amount_rule: ReviewRequirement::default(),
            method_ranking: strings(&METHODS),
            role_ranking: strings(&ROLES),
            review_authority: ReviewAuthority::default(),
        }
    }
}

impl ReviewRequirement {
    fn new(method: &str, approver: &str) -> Self {
        ReviewRequirement {
            method: method.into(),
            approver: approver.into(),
        }
    }
}

/// The review a routine product at or above `large_amount` needs when the settings do not say:
/// the procedure is silent, so the one of a routine product with a large quantity (5.2.4.2 a).
impl Default for ReviewRequirement {
    fn default() -> Self {
        ReviewRequirement::new("countersign", "production_vp")
    }
}

/// SPEC 2, CR02.
impl Default for ReviewAuthority {
    fn default() -> Self {
        ReviewAuthority {
            oral_order: ReviewRequirement::new("authorized", "sales_manager"),
            routine: ReviewRequirement::new("authorized", "sales_manager"),
            routine_flagged: ReviewRequirement::new("countersign", "production_vp"),
            non_routine: ReviewRequirement::new("countersign", "general_manager"),
            customer_drawing: ReviewRequirement::new("countersign", "general_manager"),
            new_product: ReviewRequirement::new("meeting", "general_manager"),
            special_tech: ReviewRequirement::new("meeting", "general_manager"),
        }
    }
}

impl Default for FeedbackSettings {
    fn default() -> Self {
        FeedbackSettings { review_days: 7 }
    }
}

/// Part 3, 服務忌語 items 1–28, item 1 split into its example words and the bracketed
/// alternatives of items 5, 14 and 24 split out.
pub const FORBIDDEN_PHRASES: &[&str] = &[
    "老頭",
    "老太婆",
    "神經病",
    "喂，干什麼",
    "喊什麼，等一會兒",
    "少啰嗦，快點講",
    "你管不著",
    "你少管閑事",
    "喂，叫你呢",
    "不關我的事",
    "急什麼，還沒上班呢",
    "找別人去，我管不著",
    "墻上貼著，自己看",
    "就你急，怎麼不早來",
    "給你講過幾遍了，怎麼還拎不清",
    "急什麼，沒看我正忙著嗎",
    "你能怎麼樣",
    "你看著辦",
    "沒看快下班了嗎，早干什麼了",
    "煩不煩",
    "這麼晚了明天來",
    "你問我，我問誰",
    "這事我管不了，你去找我們領導",
    "你這人是不是有毛病",
    "你這人真啰嗦",
    "你耳聾啦",
    "有意見，找領導",
    "我就這態度",
    "有本事你告去",
    "叫什麼，等一下",
    "我就這種態度，怎麼啦",
    "不是我管，我不曉得",
    "不知道，你問我，我問誰",
];

/// Part 3, 文明用語.
pub const COURTESY_PHRASES: &[&str] = &[
    "您好",
    "請進",
    "請坐",
    "請講",
    "請問",
    "請稍等",
    "謝謝",
    "對不起",
    "請原諒",
    "很抱歉",
    "很報歉",
    "沒關系",
    "不客氣",
    "請您排隊等候",
    "請不要著急",
    "很高興能為您服務",
    "請您先看一下須知",
    "請告訴我",
    "我能為您提供什麼幫助",
    "我理解您的心情",
    "我會盡量幫助您",
    "請您按規定填寫表格",
    "有不懂的地方您盡管問",
    "讓您久等了",
    "不用謝",
    "請放心",
    "我們幫您辦",
    "請留下寶貴意見",
    "請留下保貴意見",
    "您慢走",
    "請走好",
    "再見",
    "為您服務是我應該做的",
    "您的需求就是我的職責",
];

impl Default for ComplaintSettings {
    fn default() -> Self {
        ComplaintSettings {
            report_hours: 24,
            forbidden_phrases: strings(FORBIDDEN_PHRASES),
            courtesy_phrases: strings(COURTESY_PHRASES),
        }
    }
}

impl Default for GuestSettings {
    fn default() -> Self {
        GuestSettings {
            class_a_spend: 100_000,
            class_b_spend: 20_000,
            required_a: strings(&["company", "phone", "birthday", "dietary_habits", "anniversary"]),
            required_b: strings(&["company", "phone"]),
            new_months: 12,
        }
    }
}

impl Default for ReportSettings {
    fn default() -> Self {
        ReportSettings {
            annotate_max_rows: 50_000,
            mask_personal_data: true,
        }
    }
}

impl Default for EmailSettings {
    fn default() -> Self {
        EmailSettings {
            from: String::new(),
            cc: Vec::new(),
            recipients: ["manager", "sales", "customer-service", "guest-relations"]
                .into_iter()
                .map(|a| (a.to_string(), Vec::new()))
                .collect(),
            smtp_host: String::new(),
            smtp_port: None,
            smtp_user: String::new(),
            password_env: "CLERK_SMTP_PASSWORD".into(),
            security: "starttls".into(),
            attach: super::Attach::Department,
        }
    }
}
