//! CR02 review authority.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use unicode_width::UnicodeWidthStr;

use crate::base::i18n::{Catalogue, Entry};
use crate::base::message::{Arg, Join, Message};
use crate::month::authority::{
    method_arg, method_label, need_message, role_arg, role_label, Case, Gap, Need, Required, Verdict,
};
use crate::month::contracts::ContractStanding;
use crate::registers::{contracts, AnyField, Kind, Record};
use crate::rules::finding::{Finding, Severity};
use crate::rules::{Context, Reads, Rule};
use crate::settings::ContractSettings;

/// **CR02 review authority.** Who reviews an order, and who approves the review, depends on the
/// product and the order (procedure 5.2.4.1–5.2.4.3): a routine product below 1,000,000 or an
/// oral order of one is reviewed by authorised staff and the sales manager; a routine product
/// with a large quantity, tight delivery or technical difficulty needs a countersign review
/// approved by the production vice-president; a non-routine product or one made to the
/// customer's drawing a countersign review approved by the general manager; a new product or one
/// with special technical requirements a meeting review approved by the general manager. For a
/// routine product of 1,000,000 or more the procedure is silent and the settings decide. The
/// whole table, the threshold and the ranking of methods and roles are settings
/// ([`authority`]); a stronger review than required is compliant.
///
/// An error when the recorded `review_method` or `approver_role` is weaker than required, at the
/// approver role (or at the review method when only the method is weak). Nothing is guessed:
/// when the method or role is blank, or a value the table needs (such as the amount of a routine
/// contract) is blank, a warning says so at that cell and names the review required. Values that
/// RG01/RG02 already report (blank required columns, unreadable cells) are left to them; a sheet
/// without a review method or approver role column gets one warning at its header row.
pub struct Cr02;

impl Rule for Cr02 {
    fn id(&self) -> &'static str {
        "CR02"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn clause(&self) -> &'static str {
        "5.2.4.1–5.2.4.3"
    }
    fn settings(&self) -> &'static [&'static str] {
        &[
            "contracts.large_amount",
            "contracts.large_amount_rule",
            "contracts.review_authority",
            "contracts.method_ranking",
            "contracts.role_ranking",
        ]
    }
    fn registers(&self) -> &'static [Kind] {
        &[Kind::Contracts]
    }
    fn reads(&self) -> &'static [Reads] {
        const READS: &[Reads] = &[
            Reads::read(contracts::DOCUMENT_TYPE),
            Reads::read(contracts::PRODUCT_CATEGORY),
            Reads::reported_when(contracts::AMOUNT),
            Reads::read(contracts::LARGE_QUANTITY),
            Reads::read(contracts::TIGHT_DELIVERY),
            Reads::read(contracts::TECHNICAL_DIFFICULTY),
            Reads::reported(contracts::REVIEW_METHOD),
            Reads::reported(contracts::APPROVER_ROLE),
        ];
        READS
    }
    fn texts(&self) -> &'static [Entry] {
        TEXTS
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let register = ctx.month.register(Kind::Contracts);
        let mut no_column: BTreeSet<(usize, usize)> = BTreeSet::new();
        let mut said = Shared::default();
        for standing in ctx.month.contracts.contracts.iter().filter(|s| s.reviewed) {
            let record = &register[standing.record];
            match &standing.verdict {
                Verdict::Compliant => {}
                Verdict::Weak { .. } => out.push(self.weak(ctx, &mut said, record, &standing.verdict)),
                Verdict::Unknown { blockers } => {
                    // The first blocking value that no other finding reports.
                    let open: Vec<(AnyField, Gap)> = blockers
                        .iter()
                        .copied()
                        .filter(|(field, gap)| !reported_elsewhere(*field, *gap))
                        .collect();
                    match open.first() {
                        Some((field, Gap::NoColumn)) => {
                            no_column.insert((record.source as usize, field.index()));
                        }
                        Some(_) => out.push(self.unknown(ctx, &mut said, record, standing, &open)),
                        None => {}
                    }
                }
            }
        }
        for (source, field) in no_column {
            out.push(self.no_column(ctx, source, Kind::Contracts.columns()[field].field));
        }
    }
}

impl Cr02 {
    /// An error: the review recorded is weaker than the table requires.
    fn weak(&self, ctx: &Context, said: &mut Shared, record: &Record, verdict: &Verdict) -> Finding {
        let Verdict::Weak {
            need,
            cases,
            method_weak,
            role_weak,
        } = verdict
        else {
            unreachable!("only a weak verdict is reported as weak")
        };
        debug_assert!(*method_weak || *role_weak);
        let field = match role_weak {
            true => contracts::APPROVER_ROLE.any(),
            false => contracts::REVIEW_METHOD.any(),
        };
        let message = Message::of(
            "msg.CR02.weak",
            [
                ("case", said.cases(ctx, cases)),
                ("actual", said.actual(record)),
                ("required", said.need(ctx, *need)),
                ("clause", clause(cases).into()),
            ],
        );
        ctx.finding_as(self, Severity::Error, clause(cases), record, field, message)
    }

    /// A warning: the review required, or the one recorded, cannot be told from the register.
    fn unknown(
        &self,
        ctx: &Context,
        said: &mut Shared,
        record: &Record,
        standing: &ContractStanding,
        open: &[(AnyField, Gap)],
    ) -> Finding {
        let (field, _) = open[0];
        let needs = needs(ctx, said, &standing.required);
        let review_fields = [contracts::REVIEW_METHOD.any(), contracts::APPROVER_ROLE.any()];
        let message = if review_fields.contains(&field) {
            // Both the method and the role may be blank: name both.
            let blank: Vec<AnyField> = open
                .iter()
                .filter(|(f, g)| *g == Gap::Blank && review_fields.contains(f))
                .map(|(f, _)| *f)
                .collect();
            let (fields, _) = ctx.fields(&blank);
            Message::of("msg.CR02.unrecorded", [("fields", fields), ("needs", needs)])
        } else {
            Message::of(
                "msg.CR02.undetermined",
                [
                    ("field", ctx.field_label(field)),
                    ("needs", needs),
                    ("actual", said.actual(record)),
                ],
            )
        };
        let first = &standing.required.outcomes[0];
        ctx.finding_as(self, Severity::Warning, clause(&first.cases), record, field, message)
    }

    /// A warning at the header row of a sheet without a column the table needs.
    fn no_column(&self, ctx: &Context, source: usize, field: AnyField) -> Finding {
        let source = &ctx.registers.sources[source];
        Finding {
            rule: self.id(),
            severity: Severity::Warning,
            register: Kind::Contracts,
            record: String::new(),
            location: source.row_location(source.header_row),
            field: field.name.to_string(),
            message: Message::of("msg.CR02.no_column", [("field", ctx.field_label(field))]),
            clause: self.clause(),
            since: None,
        }
    }
}

/// The reviews each possible answer needs: `routine product …: countersign review … (5.2.4.2 a)
/// or …`.
fn needs(ctx: &Context, said: &mut Shared, required: &Required) -> Arg {
    let needs = required.outcomes.iter().map(|o| {
        Message::of(
            "contracts.needs",
            [
                ("case", said.cases(ctx, &o.cases)),
                ("review", said.need(ctx, o.need)),
                ("clause", clause(&o.cases).into()),
            ],
        )
        .into()
    });
    Arg::list(Join::Key("contracts.or".into()), needs)
}

/// Unreadable cells are RG02's; blank or missing product category and document type (required
/// columns) are RG01's.
fn reported_elsewhere(field: AnyField, gap: Gap) -> bool {
    gap == Gap::Unreadable || Kind::Contracts.columns().iter().any(|c| c.field == field && c.required)
}

fn clause(cases: &[Case]) -> &'static str {
    cases.first().map(|c| c.clause()).unwrap_or("5.2.4")
}

/// The parts of CR02's messages that many findings have alike — a review, by its method and
/// role; a row of the table — made once in a check and shared by the findings ([`Arg::Message`]
/// holds them in an `Arc`; a message reads the same either way). A million contracts' CR02
/// findings held 44 MB of message data, most of it the same few reviews again and again.
#[derive(Default)]
struct Shared {
    needs: BTreeMap<Need, Arc<Message>>,
    actual: BTreeMap<(Option<&'static str>, Option<&'static str>), Arc<Message>>,
    cases: BTreeMap<Case, Arc<Message>>,
}

impl Shared {
    /// A review needed ([`need_message`]).
    fn need(&mut self, ctx: &Context, need: Need) -> Arg {
        shared(&mut self.needs, need, || need_message(&ctx.settings.contracts, need))
    }

    /// The review recorded ([`actual_label`]).
    fn actual(&mut self, record: &Record) -> Arg {
        let method = record.code(contracts::REVIEW_METHOD);
        let role = record.code(contracts::APPROVER_ROLE);
        shared(&mut self.actual, (method, role), || actual_label(method, role))
    }

    /// The rows of the table that apply: `new product and …`.
    fn cases(&mut self, ctx: &Context, cases: &[Case]) -> Arg {
        let settings = &ctx.settings.contracts;
        let labels = (cases.iter()).map(|&c| shared(&mut self.cases, c, || c.message(settings)));
        Arg::list(Join::Key("contracts.and".into()), labels)
    }
}

/// The message `made` holds for `key`, made by `make` the first time it is asked for.
fn shared<K: Ord>(made: &mut BTreeMap<K, Arc<Message>>, key: K, make: impl FnOnce() -> Message) -> Arg {
    Arg::Message(made.entry(key).or_insert_with(|| Arc::new(make())).clone())
}

/// The review recorded — its method and role codes —, as the messages show it.
fn actual_label(method: Option<&'static str>, role: Option<&'static str>) -> Message {
    if let (Some(m), Some(r)) = (method, role) {
        return Message::of("contracts.review", [("method", method_arg(m)), ("role", role_arg(r))]);
    }
    let shown = |field: AnyField, value: Option<Arg>| {
        let value = value.unwrap_or_else(|| Arg::text("contracts.blank"));
        Message::of(
            "contracts.recorded",
            [("field", Arg::field(field.name)), ("value", value)],
        )
    };
    Message::of(
        "contracts.review_partial",
        [
            (
                "method",
                shown(contracts::REVIEW_METHOD.any(), method.map(method_arg)).into(),
            ),
            ("role", shown(contracts::APPROVER_ROLE.any(), role.map(role_arg)).into()),
        ],
    )
}

/// The review-authority table in force, for `clerk rules CR02`.
pub fn authority_table(settings: &crate::settings::Settings, text: &Catalogue) -> String {
    table(&settings.contracts, text)
}

fn pad(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(text.width())))
}

/// The review-authority table in force, as `clerk rules CR02` shows it: one line per row with its
/// clause, required method and approver, then the rankings and the settings keys to change it.
pub fn table(settings: &ContractSettings, text: &Catalogue) -> String {
    let header = [
        text.get("contracts.table.order"),
        text.get("contracts.table.method"),
        text.get("contracts.table.approver"),
    ];
    let rows: Vec<[String; 3]> = Case::ALL
        .iter()
        .map(|case| {
            let r = case.requirement(settings);
            [
                text.fmt(
                    "contracts.table.case",
                    &[("case", &case.label(settings, text)), ("clause", case.clause())],
                ),
                method_label(text, &r.method),
                role_label(text, &r.approver),
            ]
        })
        .collect();
    let widths: Vec<usize> = (0..3)
        .map(|i| {
            rows.iter()
                .map(|r| r[i].width())
                .chain(std::iter::once(header[i].width()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: &[String; 3]| {
        format!(
            "  {}  {}  {}",
            pad(&cells[0], widths[0]),
            pad(&cells[1], widths[1]),
            cells[2]
        )
        .trim_end()
        .to_string()
    };
    let mut out = vec![text.get("contracts.table.title"), line(&header)];
    out.push(format!(
        "  {}",
        "-".repeat(widths[0] + widths[1] + widths[2].max(header[2].width()) + 4)
    ));
    out.extend(rows.iter().map(line));
    let methods: Vec<String> = settings
        .method_ranking
        .iter()
        .rev()
        .map(|m| method_label(text, m))
        .collect();
    let roles: Vec<String> = settings
        .role_ranking
        .iter()
        .rev()
        .map(|r| role_label(text, r))
        .collect();
    out.push(String::new());
    out.push(text.fmt(
        "contracts.table.ranking",
        &[("methods", &methods.join(" > ")), ("roles", &roles.join(" > "))],
    ));
    out.join("\n")
}

/// The rule's title, explanation and messages: key → [en, zh-Hant, zh-Hans].
#[rustfmt::skip]
static TEXTS: &[Entry] = &[
    ("rule.CR02.title", ["Review authority", "評審權限", "评审权限"]),
    ("rule.CR02.explain", [
        "The review method and the approver's role must be at least those the review-authority table requires for the order (5.2.4.1–5.2.4.3): oral orders of routine products and routine products below the large amount, authorized-person review approved by the sales manager; routine products with large quantity, tight delivery or technical difficulty, countersign review approved by the production vice-president; non-routine products and products made to the customer's drawing, countersign review approved by the general manager; new products needing design and development and products with special technical requirements, meeting review approved by the general manager. For routine products at or above the large amount the procedure is silent and the setting large_amount_rule decides. An order needs every row that applies to it; a stronger review than required is compliant. An error at the approver role (or at the review method when only the method is weak). When the method, the role or a value the table needs (such as the amount of a routine contract) is blank, a warning says so instead of guessing. The table, the amount and the ranking of methods and roles are settings in clerk.toml ([contracts.review_authority], [contracts.large_amount_rule], large_amount, method_ranking, role_ranking); the values in force are listed below.",
        "評審方式和批准人職務不得低於評審權限表對該單的要求（5.2.4.1–5.2.4.3）：常規產品的口頭訂單及金額未達大額標準的常規產品，由授權人員評審、銷售公司經理批准；數量較大、交貨期緊或技術難度大的常規產品，會簽評審、生產副總經理批准；非常規產品和顧客帶圖加工產品，會簽評審、總經理批准；需設計開發的新產品和有特殊技術要求的產品，會議評審、總經理批准。金額達大額標準的常規產品，規定未明確，依 large_amount_rule 設定。適用多行時須全部滿足；高於要求的評審視為符合。錯誤在批准人職務處報告（僅評審方式不足時在評審方式處）。評審方式、批准人職務或判定所需的值（如常規合同的金額）空白時，以警告說明，不作猜測。權限表、金額標準及方式和職務的高低順序都在 clerk.toml 中設定（[contracts.review_authority]、[contracts.large_amount_rule]、large_amount、method_ranking、role_ranking），現行值列於下方。",
        "评审方式和批准人职务不得低于评审权限表对该单的要求（5.2.4.1–5.2.4.3）：常规产品的口头订单及金额未达大额标准的常规产品，由授权人员评审、销售公司经理批准；数量较大、交货期紧或技术难度大的常规产品，会签评审、生产副总经理批准；非常规产品和顾客带图加工产品，会签评审、总经理批准；需设计开发的新产品和有特殊技术要求的产品，会议评审、总经理批准。金额达大额标准的常规产品，规定未明确，依 large_amount_rule 设置。适用多行时须全部满足；高于要求的评审视为符合。错误在批准人职务处报告（仅评审方式不足时在评审方式处）。评审方式、批准人职务或判定所需的值（如常规合同的金额）空白时，以警告说明，不作猜测。权限表、金额标准及方式和职务的高低顺序都在 clerk.toml 中设置（[contracts.review_authority]、[contracts.large_amount_rule]、large_amount、method_ranking、role_ranking），现行值列于下方。",
    ]),
    ("msg.CR02.weak", [
        "{case}: {actual}; needs {required} ({clause}).",
        "{case}須經{required}，實際為{actual}（{clause}）。",
        "{case}须经{required}，实际为{actual}（{clause}）。",
    ]),
    ("msg.CR02.unrecorded", [
        "{fields} not recorded, so the review authority cannot be checked: {needs}.",
        "{fields}未填寫，無法核對評審權限。{needs}。",
        "{fields}未填写，无法核对评审权限。{needs}。",
    ]),
    ("msg.CR02.undetermined", [
        "{field} is blank, so the review this order needs cannot be told: {needs}; recorded: {actual}. Fill in {field}.",
        "「{field}」未填寫，無法確定此單應採用的評審：{needs}；台帳記錄為{actual}。請填寫「{field}」。",
        "「{field}」未填写，无法确定此单应采用的评审：{needs}；台账记录为{actual}。请填写「{field}」。",
    ]),
    ("msg.CR02.no_column", [
        "The sheet has no {field} column, so the review authority of its orders cannot be checked (CR02): add the column.",
        "工作表沒有「{field}」欄，無法核對各單的評審權限（CR02），請加上此欄。",
        "工作表没有「{field}」列，无法核对各单的评审权限（CR02），请加上此列。",
    ]),
    ("contracts.needs", ["{case} needs {review} ({clause})", "{case}須經{review}（{clause}）", "{case}须经{review}（{clause}）"]),
    ("contracts.review_partial", ["{method}; {role}", "{method}；{role}", "{method}；{role}"]),
    ("contracts.recorded", ["{field}: {value}", "{field}：{value}", "{field}：{value}"]),
    ("contracts.blank", ["blank", "空白", "空白"]),
    ("contracts.or", ["; or ", "；或", "；或"]),
    ("contracts.and", [" and ", "、", "、"]),
    ("contracts.table.title", ["Review authority in force (CR02):", "現行評審權限表（CR02）：", "现行评审权限表（CR02）："]),
    ("contracts.table.case", ["{case} ({clause})", "{case}（{clause}）", "{case}（{clause}）"]),
    ("contracts.table.order", ["Order", "訂單情況", "订单情况"]),
    ("contracts.table.method", ["Required review", "評審方式", "评审方式"]),
    ("contracts.table.approver", ["Approved by", "批准人", "批准人"]),
    ("contracts.table.ranking", [
        "A stronger review than required is compliant: {methods}; {roles}.",
        "高於要求的評審亦屬符合：{methods}；{roles}。",
        "高于要求的评审亦属符合：{methods}；{roles}。",
    ]),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    /// E: amount, F: large quantity, H: review method, K: approver role.
    const HEADER: &str =
        "合同編號 | 顧客 | 類型 | 產品類別 | 金額 | 數量較大 | 接收日期 | 評審方式 | 評審日期 | 批准人 | 批准人職務";

    /// An order received on 2026-10-05 and reviewed the next day: "id | type | category | amount
    /// | large quantity" and "method | role".
    fn order(what: &str, review: &str) -> String {
        format!(
            "{what} | 2026-10-05 | {} | 2026-10-06 | 王明 | {}",
            cell(review, 0),
            cell(review, 1)
        )
    }

    fn cell(line: &str, i: usize) -> &str {
        line.split('|').nth(i).unwrap_or("").trim()
    }

    fn cr02(settings: &Settings, rows: &[&str]) -> Vec<Finding> {
        run_with(&Cr02, settings, "2026-10", &[Sheet::new(Kind::Contracts, HEADER, rows)])
    }

    #[test]
    fn cr02_a_role_below_the_table_is_an_error_at_the_approver_role_citing_its_row() {
        let row = order(
            "HT-1 | 甲公司 | 合同 | 常規產品 | 350000 | 是",
            "授權人員評審 | 銷售公司經理",
        );
        let found = cr02(&Settings::default(), &[&row]);
        assert_eq!(spots(&found), [spot("HT-1", "K2", Severity::Error)]);
        assert_eq!(found[0].clause, "5.2.4.2 a");
        let needs = "needs countersign review approved by the production vice-president";
        assert_says(found[0].message.as_str(), &["large quantity", needs]);
    }

    #[test]
    fn cr02_only_a_weak_method_is_an_error_at_the_review_method() {
        let row = order("HT-1 | 甲公司 | 合同 | 顧客帶圖加工 |  | ", "授權人員評審 | 總經理");
        let found = cr02(&Settings::default(), &[&row]);
        assert_eq!(spots(&found), [spot("HT-1", "H2", Severity::Error)]);
        assert_eq!(found[0].clause, "5.2.4.2 b");
        assert_says(
            found[0].message.as_str(),
            &["needs countersign review approved by the general manager"],
        );
    }

    #[test]
    fn cr02_a_stronger_review_than_required_is_compliant() {
        let rows = [
            order("HT-1 | 甲公司 | 合同 | 非常規產品 |  | ", "會議評審 | 總經理"),
            order("HT-2 | 甲公司 | 訂單 | 常規產品 | 350000 | ", "會簽評審 | 生產副總經理"),
            order("HT-3 | 甲公司 | 合同 | 新產品 |  | ", "會議評審 | 總經理"),
        ];
        assert_eq!(spots(&cr02(&Settings::default(), &[&rows[0], &rows[1], &rows[2]])), []);
    }

    #[test]
    fn cr02_from_the_large_amount_on_a_routine_order_needs_the_large_amount_rule() {
        let authorized = "授權人員評審 | 銷售公司經理";
        let rows = [
            order("HT-1 | 甲公司 | 合同 | 常規產品 | 1000000 | ", authorized),
            order("HT-2 | 甲公司 | 合同 | 常規產品 | 999999 | ", authorized),
            // An oral order of a routine product has its own row of the table, whatever the amount.
            order("HT-3 | 甲公司 | 電話訂貨 | 常規產品 | 1500000 | ", authorized),
        ];
        let rows = [rows[0].as_str(), &rows[1], &rows[2]];
        let found = cr02(&Settings::default(), &rows);
        assert_eq!(spots(&found), [spot("HT-1", "K2", Severity::Error)]);
        assert_says(
            found[0].message.as_str(),
            &["1,000,000 or more", "needs countersign review"],
        );
        let higher = settings("[contracts]\nlarge_amount = 2000000\n");
        assert_eq!(spots(&cr02(&higher, &rows)), []);
    }

    #[test]
    fn cr02_a_blank_method_and_role_is_a_warning_naming_both_and_the_review_needed() {
        let row = order("HT-1 | 甲公司 | 合同 | 非常規產品 |  | ", " | ");
        let found = cr02(&Settings::default(), &[&row]);
        assert_eq!(spots(&found), [spot("HT-1", "K2", Severity::Warning)]);
        let needs = "countersign review approved by the general manager";
        assert_says(
            found[0].message.as_str(),
            &["review method", "Approver role", "not recorded", needs],
        );
    }

    #[test]
    fn cr02_a_blank_amount_is_a_warning_only_when_the_review_recorded_may_fall_short() {
        let rows = [
            order("HT-1 | 甲公司 | 合同 | 常規產品 |  | ", "授權人員評審 | 銷售公司經理"),
            order("HT-2 | 甲公司 | 合同 | 常規產品 |  | ", "會簽評審 | 生產副總經理"),
        ];
        let found = cr02(&Settings::default(), &[&rows[0], &rows[1]]);
        assert_eq!(spots(&found), [spot("HT-1", "E2", Severity::Warning)]);
        assert_says(found[0].message.as_str(), &["Amount is blank"]);
    }

    #[test]
    fn cr02_a_sheet_without_the_role_column_is_warned_once_at_its_header() {
        let header = "合同編號 | 顧客 | 類型 | 產品類別 | 金額 | 接收日期 | 評審方式 | 評審日期";
        let rows = [
            "HT-1 | 甲公司 | 合同 | 常規產品 | 350000 | 2026-10-05 | 授權人員評審 | 2026-10-06",
            "HT-2 | 甲公司 | 合同 | 非常規產品 |  | 2026-10-05 | 會簽評審 | 2026-10-06",
        ];
        let found = run(&Cr02, "2026-10", &[Sheet::new(Kind::Contracts, header, &rows)]);
        assert_eq!(spots(&found), [spot("", "1", Severity::Warning)]);
        assert_says(found[0].message.as_str(), &["no approver role column"]);
    }

    #[test]
    fn cr02_leaves_unreviewed_orders_unreadable_values_and_other_months_alone() {
        let weak = "授權人員評審 | 銷售公司經理";
        let rows = [
            "HT-1 | 甲公司 | 合同 | 非常規產品 |  |  | 2026-10-05 |  |  |  | ".to_string(),
            order("HT-2 | 甲公司 | 合同 | 標準件 | 350000 | ", weak),
            order("HT-3 | 甲公司 | 合同 | 非常規產品 |  | ", weak).replace("2026-10-05", "2026-09-05"),
            // A blank product category is RG01's.
            order("HT-4 | 甲公司 | 合同 |  | 350000 | ", weak),
        ];
        let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
        assert_eq!(spots(&cr02(&Settings::default(), &rows)), []);
    }

    #[test]
    fn the_table_in_force_is_printed_from_the_settings() {
        let mut s = Settings::default().contracts;
        let text = crate::rules::tests::catalogue(crate::base::i18n::Lang::En);
        let shown = table(&s, &text);
        assert!(
            shown.contains("routine product of 1,000,000 or more (5.2.4.1 b)"),
            "{shown}"
        );
        assert!(shown.contains("meeting review > countersign review"), "{shown}");
        s.large_amount = 2_000_000;
        s.review_authority.non_routine.method = "meeting".into();
        let shown = table(&s, &text);
        assert!(shown.contains("2,000,000 or more"), "{shown}");
        let line = shown.lines().find(|l| l.contains("non-routine")).unwrap();
        assert!(line.contains("meeting review"), "{line}");
    }
}
