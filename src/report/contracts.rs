//! The Contract reviews sheet (SPEC 3.3) and the contract headline figures.
//!
//! Each contract the month covers, with the review the authority table requires next to the one
//! recorded, its dates and record numbers and its status (compliant, or the rules its row broke);
//! the month's amendments with their re-review and notice; and the figures an auditor asks for
//! first. What is required comes from the CR02 table ([`crate::rules::contracts::authority`]);
//! what is wrong comes from the findings. Nothing here decides a problem of its own.

use std::borrow::Cow;
use std::collections::BTreeSet;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::{HtmlBlock, Report};
use crate::base::i18n::Catalogue;
use crate::commands::pipeline::Checked;
use crate::month::period::{coverage, Coverage, Period};
use crate::registers::{Kind, Record, Registers, Value, DOCUMENT_TYPES, PRODUCT_CATEGORIES};
use crate::rules::contracts::authority::{self, Actual, Facts, Verdict};
use crate::rules::contracts::id_key;
use crate::rules::finding::Finding;
use crate::settings::Settings;

/// What this part of the report shows, computed once from the checked registers.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Section {
    pub contracts_present: bool,
    pub amendments_present: bool,
    /// "No contracts register was given." (and the same for amendments) when absent.
    pub notes: Vec<String>,
    pub contracts: Vec<ContractRow>,
    pub amendments: Vec<AmendmentRow>,
    /// (label, count) per document type, then per product category, in the register's order;
    /// a last row for blank or unreadable values when there are any.
    pub by_type: Vec<(String, usize)>,
    pub by_category: Vec<(String, usize)>,
    pub figures: Figures,
    pub notice_days: u32,
}

/// The month's headline figures.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Figures {
    /// Contracts, bids and orders the month covers.
    pub contracts: usize,
    /// With a review date, not after the commitment date (CR01 holds).
    pub reviewed_before_commitment: usize,
    /// Reviewed by at least the method and authority the table requires (CR02 holds).
    pub with_required_authority: usize,
    /// Whose required authority cannot be told from the register (a value is blank or unreadable).
    pub authority_undetermined: usize,
    pub amendments: usize,
    /// Re-reviewed on or after the amendment date (CR05 holds).
    pub rereviewed: usize,
    /// Notice number and date recorded, within `notice_days` of the re-review (CR06 holds).
    pub announced_in_time: usize,
}

impl Figures {
    /// Adds the figures counted over another part of the records.
    fn add(&mut self, other: &Figures) {
        let Figures {
            contracts,
            reviewed_before_commitment,
            with_required_authority,
            authority_undetermined,
            amendments,
            rereviewed,
            announced_in_time,
        } = other;
        self.contracts += contracts;
        self.reviewed_before_commitment += reviewed_before_commitment;
        self.with_required_authority += with_required_authority;
        self.authority_undetermined += authority_undetermined;
        self.amendments += amendments;
        self.rereviewed += rereviewed;
        self.announced_in_time += announced_in_time;
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct ContractRow {
    pub id: String,
    pub customer: String,
    pub document_type: String,
    pub product_category: String,
    pub amount: Option<Decimal>,
    pub received: Option<NaiveDate>,
    pub required_method: String,
    pub required_approver: String,
    pub method: String,
    pub approver_role: String,
    pub approver: String,
    pub review_date: Option<NaiveDate>,
    pub commitment_date: Option<NaiveDate>,
    pub review_form_no: String,
    pub minutes_no: String,
    pub outcome: String,
    /// Rule ids of the row's findings; empty when compliant.
    pub rules: Vec<&'static str>,
    pub status: String,
    /// `contracts.xlsx › 2026 › row 17`
    pub source: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct AmendmentRow {
    pub contract_id: String,
    /// yes / no; blank when no contracts register was given.
    pub contract_known: String,
    pub amendment_date: Option<NaiveDate>,
    pub content: String,
    pub rereview_date: Option<NaiveDate>,
    pub rereviewer: String,
    pub rereview_status: String,
    pub notice_no: String,
    pub notice_date: Option<NaiveDate>,
    /// Days from the re-review to the notice.
    pub notice_after: Option<i64>,
    pub notice_status: String,
    pub rules: Vec<&'static str>,
    pub status: String,
    pub source: String,
}

/// Catalogue texts of this part of the report: key → [en, zh-Hant, zh-Hans] (see [`crate::base::i18n`]).
#[rustfmt::skip]
pub static TEXTS: &[crate::base::i18n::Entry] = &[
    ("contracts.sheet", ["Contract reviews", "合同評審", "合同评审"]),
    ("contracts.headline", [
        "{contracts} contracts and orders; {reviewed} reviewed before commitment; {authority} with the required review authority.",
        "合同及訂單 {contracts} 份;承諾前評審:{reviewed};評審權限符合:{authority}。",
        "合同及订单 {contracts} 份;承诺前评审:{reviewed};评审权限符合:{authority}。",
    ]),
    ("contracts.headline_amendments", [
        "{amendments} amendment{amendments|s}; {rereviewed} re-reviewed; {announced} announced within {days} day{days|s}.",
        "合同修訂 {amendments} 項;已重新評審:{rereviewed};{days} 天內發出通知:{announced}。",
        "合同修订 {amendments} 项;已重新评审:{rereviewed};{days} 天内发出通知:{announced}。",
    ]),
    ("contracts.share", ["{n} of {of} ({pct})", "{n}/{of}({pct})", "{n}/{of}({pct})"]),
    ("contracts.table.contracts", ["Contracts and orders of the month", "本月合同及訂單", "本月合同及订单"]),
    ("contracts.table.amendments", ["Amendments of the month", "本月合同修訂", "本月合同修订"]),
    ("contracts.table.figures", ["Summary figures", "匯總數字", "汇总数字"]),
    ("contracts.table.by_type", ["Contracts by document type", "按單據類型", "按单据类型"]),
    ("contracts.table.by_category", ["Contracts by product category", "按產品類別", "按产品类别"]),
    ("contracts.col.id", ["Contract no.", "合同編號", "合同编号"]),
    ("contracts.col.customer", ["Customer", "顧客", "顾客"]),
    ("contracts.col.document_type", ["Document type", "單據類型", "单据类型"]),
    ("contracts.col.product_category", ["Product category", "產品類別", "产品类别"]),
    ("contracts.col.amount", ["Amount", "金額", "金额"]),
    ("contracts.col.received", ["Received", "接收日期", "接收日期"]),
    ("contracts.col.required_method", ["Required review", "應有評審方式", "应有评审方式"]),
    ("contracts.col.required_approver", ["Required approver", "應有批准人", "应有批准人"]),
    ("contracts.col.method", ["Review method", "評審方式", "评审方式"]),
    ("contracts.col.approver_role", ["Approver role", "批准人職務", "批准人职务"]),
    ("contracts.col.approver", ["Approver", "批准人", "批准人"]),
    ("contracts.col.review_date", ["Review date", "評審日期", "评审日期"]),
    ("contracts.col.commitment_date", ["Commitment date", "承諾日期", "承诺日期"]),
    ("contracts.col.review_form_no", ["Review form no.", "評審單編號", "评审单编号"]),
    ("contracts.col.minutes_no", ["Minutes no.", "會議記錄編號", "会议记录编号"]),
    ("contracts.col.outcome", ["Outcome", "評審結論", "评审结论"]),
    ("contracts.col.status", ["Status", "狀態", "状态"]),
    ("contracts.col.source", ["Source", "來源", "来源"]),
    ("contracts.col.contract_known", ["Contract in register", "合同在台帳中", "合同在台账中"]),
    ("contracts.col.amendment_date", ["Amendment date", "修訂日期", "修订日期"]),
    ("contracts.col.content", ["Content", "修訂內容", "修订内容"]),
    ("contracts.col.rereview_date", ["Re-review date", "重新評審日期", "重新评审日期"]),
    ("contracts.col.rereviewer", ["Re-reviewed by", "重新評審人", "重新评审人"]),
    ("contracts.col.rereview", ["Re-review", "重新評審", "重新评审"]),
    ("contracts.col.notice_no", ["Notice no.", "通知單編號", "通知单编号"]),
    ("contracts.col.notice_date", ["Notice date", "通知日期", "通知日期"]),
    ("contracts.col.notice_after", ["Days after re-review", "距重新評審天數", "距重新评审天数"]),
    ("contracts.col.notice", ["Notice", "修訂通知", "修订通知"]),
    ("contracts.col.figure", ["Figure", "項目", "项目"]),
    ("contracts.col.of", ["Of", "總數", "总数"]),
    ("contracts.col.share", ["Share", "比例", "比例"]),
    ("contracts.fig.contracts", ["Contracts and orders", "合同及訂單數", "合同及订单数"]),
    ("contracts.fig.reviewed", ["Reviewed before commitment", "承諾前已評審", "承诺前已评审"]),
    ("contracts.fig.authority", ["With the required review authority", "評審權限符合要求", "评审权限符合要求"]),
    ("contracts.fig.undetermined", ["Required authority cannot be told (blank or unreadable values)", "無法確定應有評審權限(有空白或無法讀取的值)", "无法确定应有评审权限(有空白或无法读取的值)"]),
    ("contracts.fig.amendments", ["Amendments", "合同修訂數", "合同修订数"]),
    ("contracts.fig.rereviewed", ["Amendments re-reviewed", "修訂已重新評審", "修订已重新评审"]),
    ("contracts.fig.announced", ["Amendment notices within {days} day{days|s} of re-review", "重新評審後 {days} 天內發出修訂通知", "重新评审后 {days} 天内发出修订通知"]),
    ("contracts.status.compliant", ["compliant", "符合", "符合"]),
    ("contracts.status.unknown_value", ["blank or unreadable", "空白或無法讀取", "空白或无法读取"]),
    ("contracts.status.yes", ["yes", "是", "是"]),
    ("contracts.status.no", ["no", "否", "否"]),
    ("contracts.status.rereviewed", ["re-reviewed", "已重新評審", "已重新评审"]),
    ("contracts.status.missing", ["missing", "未填", "未填"]),
    ("contracts.status.unreadable", ["unreadable", "無法讀取", "无法读取"]),
    ("contracts.status.before_amendment", ["before the amendment", "早於修訂", "早于修订"]),
    ("contracts.status.in_time", ["in time", "及時", "及时"]),
    ("contracts.status.late", ["late", "逾期", "逾期"]),
    ("contracts.status.cannot_tell", ["cannot tell (no re-review date)", "無法判斷(無重新評審日期)", "无法判断(无重新评审日期)"]),
    ("contracts.source", ["{file} › {sheet} › row {row}", "{file} › {sheet} › 第 {row} 行", "{file} › {sheet} › 第 {row} 行"]),
    ("contracts.doc.bid", ["bid", "標書", "标书"]),
    ("contracts.doc.contract", ["contract", "合同", "合同"]),
    ("contracts.doc.order", ["order", "訂單", "订单"]),
    ("contracts.doc.oral_order", ["oral order", "口頭訂單", "口头订单"]),
    ("contracts.doc.commission", ["commission", "委託單", "委托单"]),
    ("contracts.cat.routine", ["routine", "常規產品", "常规产品"]),
    ("contracts.cat.non_routine", ["non-routine", "非常規產品", "非常规产品"]),
    ("contracts.cat.customer_drawing", ["customer drawing", "顧客帶圖加工", "顾客带图加工"]),
    ("contracts.cat.new_product", ["new product", "新產品", "新产品"]),
    ("contracts.cat.special_tech", ["special technical requirements", "特殊技術要求", "特殊技术要求"]),
    ("contracts.outcome.accepted", ["accepted", "接受", "接受"]),
    ("contracts.outcome.revised", ["revised", "修訂後接受", "修订后接受"]),
    ("contracts.outcome.rejected", ["rejected", "拒絕", "拒绝"]),
];

const CONTRACTS: Kind = Kind::Contracts;
const AMENDMENTS: Kind = Kind::Amendments;

/// Rule ids of findings per (file, sheet, row).
type RowRules<'a> = rustc_hash::FxHashMap<(&'a str, &'a str, u32), BTreeSet<&'static str>>;

fn row_rules(findings: &[Finding]) -> RowRules<'_> {
    let mut map: RowRules = RowRules::default();
    for f in findings {
        map.entry((f.location.file.as_str(), f.location.sheet.as_str(), f.location.row))
            .or_default()
            .insert(f.rule);
    }
    map
}

fn rules_of(map: &RowRules, registers: &Registers, record: &Record) -> Vec<&'static str> {
    let source = &registers.sources[record.source];
    map.get(&(source.file.as_str(), source.sheet.as_str(), record.row))
        .map(|s| s.iter().copied().collect())
        .unwrap_or_default()
}

fn status(text: &Catalogue, rules: &[&'static str]) -> String {
    if rules.is_empty() {
        text.get("contracts.status.compliant")
    } else {
        rules.join(", ")
    }
}

fn source_label(text: &Catalogue, registers: &Registers, record: &Record) -> String {
    let source = &registers.sources[record.source];
    text.fmt(
        "contracts.source",
        &[
            ("file", &source.file),
            ("sheet", &source.sheet),
            ("row", &record.row.to_string()),
        ],
    )
}

fn covered<'a>(registers: &'a Registers, period: &'a Period, kind: Kind) -> impl Iterator<Item = &'a Record> {
    registers
        .by_kind
        .get(&kind)
        .into_iter()
        .flat_map(|r| r.records.iter())
        .filter(move |r| coverage(period, kind, r) == Coverage::Covered)
}

fn text_of(record: &Record, kind: Kind, field: &str) -> String {
    match record.get(kind, field) {
        Some(Value::Text(t)) => t.to_string(),
        Some(v) => v.as_text().unwrap_or_default().to_string(),
        None => String::new(),
    }
}

fn day(record: &Record, kind: Kind, field: &str) -> Option<NaiveDate> {
    record.date(kind, field).map(|d| d.date)
}

fn enum_label(text: &Catalogue, record: &Record, field: &str, prefix: &str) -> String {
    match record.get(CONTRACTS, field) {
        Some(Value::Enum(code)) => text.get(&format!("{prefix}.{code}")),
        _ => String::new(),
    }
}

/// Distinct labels of the possible required methods (or roles), joined by ` / `.
fn options(labels: impl Iterator<Item = String>) -> String {
    let mut seen: Vec<String> = Vec::new();
    for l in labels {
        if !seen.contains(&l) {
            seen.push(l);
        }
    }
    seen.join(" / ")
}

/// Counts per enum value in the register's order, then blank or unreadable values.
fn counts(
    text: &Catalogue,
    records: &[&Record],
    field: &str,
    codes: &[&'static str],
    prefix: &str,
) -> Vec<(String, usize)> {
    // One pass over the records (a large register's records are far apart in memory), each
    // counted under its code, or as unknown when it holds no listed value.
    let mut tally = vec![0; codes.len()];
    let mut unknown = 0;
    for record in records {
        match record.get(CONTRACTS, field) {
            Some(Value::Enum(c)) => {
                if let Some(i) = codes.iter().position(|code| code == c) {
                    tally[i] += 1;
                }
            }
            _ => unknown += 1,
        }
    }
    let mut out: Vec<(String, usize)> = codes
        .iter()
        .zip(tally)
        .map(|(code, n)| (text.get(&format!("{prefix}.{code}")), n))
        .collect();
    if unknown > 0 {
        out.push((text.get("contracts.status.unknown_value"), unknown));
    }
    out
}

fn contract_row(
    text: &Catalogue,
    settings: &Settings,
    registers: &Registers,
    rules: &RowRules,
    record: &Record,
    figures: &mut Figures,
) -> ContractRow {
    let contracts = &settings.contracts;
    let facts = Facts::of(registers, contracts, record);
    let required = authority::required(contracts, &facts);
    let actual = Actual::of(registers, contracts, record);
    let reviewed = crate::rules::contracts::has_review(record);
    match authority::verdict(&required, &actual) {
        Verdict::Compliant if reviewed => figures.with_required_authority += 1,
        Verdict::Unknown { .. } if reviewed => figures.authority_undetermined += 1,
        _ => {}
    }
    let review_date = day(record, CONTRACTS, "review_date");
    let commitment_date = day(record, CONTRACTS, "commitment_date");
    if review_date.is_some_and(|r| commitment_date.is_none_or(|c| r <= c)) {
        figures.reviewed_before_commitment += 1;
    }
    let row_rules = rules_of(rules, registers, record);
    ContractRow {
        id: text_of(record, CONTRACTS, "id"),
        customer: text_of(record, CONTRACTS, "customer"),
        document_type: enum_label(text, record, "document_type", "contracts.doc"),
        product_category: enum_label(text, record, "product_category", "contracts.cat"),
        amount: match record.get(CONTRACTS, "amount") {
            Some(Value::Money(m)) => Some(*m),
            _ => None,
        },
        received: day(record, CONTRACTS, "received_date"),
        required_method: options(
            required
                .outcomes
                .iter()
                .map(|o| authority::method_label(text, authority::method_code(contracts, o.need.method))),
        ),
        required_approver: options(
            required
                .outcomes
                .iter()
                .map(|o| authority::role_label(text, authority::role_code(contracts, o.need.role))),
        ),
        method: enum_label(text, record, "review_method", "contracts.method"),
        approver_role: enum_label(text, record, "approver_role", "contracts.role"),
        approver: text_of(record, CONTRACTS, "approver"),
        review_date,
        commitment_date,
        review_form_no: text_of(record, CONTRACTS, "review_form_no"),
        minutes_no: text_of(record, CONTRACTS, "minutes_no"),
        outcome: enum_label(text, record, "outcome", "contracts.outcome"),
        status: status(text, &row_rules),
        rules: row_rules,
        source: source_label(text, registers, record),
    }
}

fn amendment_row(
    text: &Catalogue,
    settings: &Settings,
    registers: &Registers,
    rules: &RowRules,
    known: Option<&BTreeSet<Cow<str>>>,
    record: &Record,
    figures: &mut Figures,
) -> AmendmentRow {
    let contract_id = text_of(record, AMENDMENTS, "contract_id");
    let amendment_date = day(record, AMENDMENTS, "amendment_date");
    let rereview_date = day(record, AMENDMENTS, "rereview_date");
    let notice_date = day(record, AMENDMENTS, "notice_date");
    let notice_no = text_of(record, AMENDMENTS, "notice_no");
    let status_text = |key: &str| text.get(&format!("contracts.status.{key}"));
    let rereview_status = match (rereview_date, amendment_date) {
        (None, _) if record.is_unreadable(AMENDMENTS, "rereview_date") => status_text("unreadable"),
        (None, _) => status_text("missing"),
        (Some(r), Some(a)) if r < a => status_text("before_amendment"),
        _ => {
            figures.rereviewed += 1;
            status_text("rereviewed")
        }
    };
    let notice_after = match (notice_date, rereview_date) {
        (Some(n), Some(r)) => Some((n - r).num_days()),
        _ => None,
    };
    let limit = i64::from(settings.contracts.notice_days);
    let notice_status = if notice_no.is_empty() || notice_date.is_none() {
        status_text("missing")
    } else {
        match notice_after {
            Some(days) if days > limit => status_text("late"),
            Some(_) => {
                figures.announced_in_time += 1;
                status_text("in_time")
            }
            None => status_text("cannot_tell"),
        }
    };
    let row_rules = rules_of(rules, registers, record);
    AmendmentRow {
        contract_known: match known {
            Some(ids) if !contract_id.is_empty() => status_text(if ids.contains(&id_key(&contract_id)) {
                "yes"
            } else {
                "no"
            }),
            _ => String::new(),
        },
        contract_id,
        amendment_date,
        content: text_of(record, AMENDMENTS, "content"),
        rereview_date,
        rereviewer: text_of(record, AMENDMENTS, "rereviewer"),
        rereview_status,
        notice_no,
        notice_date,
        notice_after,
        notice_status,
        status: status(text, &row_rules),
        rules: row_rules,
        source: source_label(text, registers, record),
    }
}

pub fn build(checked: &Checked) -> Section {
    let text = checked.text;
    let registers = &checked.registers;
    let period = &checked.period;
    let rules = row_rules(&checked.findings);
    let mut section = Section {
        contracts_present: registers.has(CONTRACTS),
        amendments_present: registers.has(AMENDMENTS),
        notice_days: checked.settings.contracts.notice_days,
        ..Section::default()
    };
    let mut figures = Figures::default();
    if section.contracts_present {
        let records: Vec<&Record> = covered(registers, period, CONTRACTS).collect();
        figures.contracts = records.len();
        // The rows in chunks on every core (a decade of contracts covers a hundred thousand in a
        // month), put together in order.
        let chunks: Vec<&[&Record]> = records.chunks(CHUNK_ROWS).collect();
        let done = crate::base::parallel::in_parallel(&chunks, |chunk| {
            let mut figures = Figures::default();
            let rows: Vec<ContractRow> = chunk
                .iter()
                .map(|record| contract_row(&text, &checked.settings, registers, &rules, record, &mut figures))
                .collect();
            (rows, figures)
        });
        section.contracts.reserve(records.len());
        for (rows, counted) in done {
            section.contracts.extend(rows);
            figures.add(&counted);
        }
        let types: Vec<&str> = DOCUMENT_TYPES.iter().map(|v| v.code).collect();
        let categories: Vec<&str> = PRODUCT_CATEGORIES.iter().map(|v| v.code).collect();
        section.by_type = counts(&text, &records, "document_type", &types, "contracts.doc");
        section.by_category = counts(&text, &records, "product_category", &categories, "contracts.cat");
    } else {
        section.notes.push(text.get("kind.absent.contracts"));
    }
    if section.amendments_present {
        let known: Option<BTreeSet<Cow<str>>> = section.contracts_present.then(|| {
            registers
                .by_kind
                .get(&CONTRACTS)
                .into_iter()
                .flat_map(|r| r.records.iter())
                .filter_map(|r| r.text(CONTRACTS, "id"))
                .map(id_key)
                .collect()
        });
        for record in covered(registers, period, AMENDMENTS) {
            figures.amendments += 1;
            let row = amendment_row(
                &text,
                &checked.settings,
                registers,
                &rules,
                known.as_ref(),
                record,
                &mut figures,
            );
            section.amendments.push(row);
        }
    } else {
        section.notes.push(text.get("kind.absent.amendments"));
    }
    section.figures = figures;
    section
}

/// Contracts a chunk of the Contract reviews rows holds (see [`build`]).
const CHUNK_ROWS: usize = 1024;

pub(crate) fn percent(n: usize, of: usize) -> Option<f64> {
    (of > 0).then(|| n as f64 / of as f64)
}

/// `10 of 12 (83.3%)`
fn share(text: &Catalogue, n: usize, of: usize) -> String {
    let pct = percent(n, of)
        .map(|p| format!("{:.1}%", p * 100.0))
        .unwrap_or_else(|| "–".into());
    text.fmt(
        "contracts.share",
        &[("n", &n.to_string()), ("of", &of.to_string()), ("pct", &pct)],
    )
}

fn breakdown(counts: &[(String, usize)]) -> String {
    counts
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(label, n)| format!("{label} {n}"))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The figures lines shared by the sheet's headline and the HTML block.
pub(crate) fn headline(text: &Catalogue, section: &Section) -> Vec<String> {
    let f = &section.figures;
    let mut lines = Vec::new();
    if section.contracts_present {
        lines.push(text.fmt(
            "contracts.headline",
            &[
                ("contracts", &f.contracts.to_string()),
                ("reviewed", &share(text, f.reviewed_before_commitment, f.contracts)),
                ("authority", &share(text, f.with_required_authority, f.contracts)),
            ],
        ));
    }
    if section.amendments_present {
        lines.push(text.fmt(
            "contracts.headline_amendments",
            &[
                ("amendments", &f.amendments.to_string()),
                ("rereviewed", &share(text, f.rereviewed, f.amendments)),
                ("announced", &share(text, f.announced_in_time, f.amendments)),
                ("days", &section.notice_days.to_string()),
            ],
        ));
    }
    lines.extend(section.notes.iter().cloned());
    lines
}

/// Headline figures for the HTML summary.
pub fn html_blocks(report: &Report) -> Vec<HtmlBlock> {
    let text = report.text();
    let section = &report.contracts;
    let f = &section.figures;
    let mut block = HtmlBlock {
        title: text.get("contracts.sheet"),
        note: section.notes.join(" "),
        ..HtmlBlock::default()
    };
    if section.contracts_present {
        block.figures.extend([
            (text.get("contracts.fig.contracts"), f.contracts.to_string()),
            (text.get("contracts.table.by_type"), breakdown(&section.by_type)),
            (text.get("contracts.table.by_category"), breakdown(&section.by_category)),
            (
                text.get("contracts.fig.reviewed"),
                share(&text, f.reviewed_before_commitment, f.contracts),
            ),
            (
                text.get("contracts.fig.authority"),
                share(&text, f.with_required_authority, f.contracts),
            ),
        ]);
        if f.authority_undetermined > 0 {
            block.figures.push((
                text.get("contracts.fig.undetermined"),
                f.authority_undetermined.to_string(),
            ));
        }
    }
    if section.amendments_present {
        block.figures.extend([
            (text.get("contracts.fig.amendments"), f.amendments.to_string()),
            (
                text.get("contracts.fig.rereviewed"),
                share(&text, f.rereviewed, f.amendments),
            ),
            (
                text.fmt("contracts.fig.announced", &[("days", &section.notice_days.to_string())]),
                share(&text, f.announced_in_time, f.amendments),
            ),
        ]);
    }
    vec![block]
}
