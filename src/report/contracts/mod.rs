//! The Contract reviews sheet (SPEC 3.3) and the contract headline figures.
//!
//! Each contract the month covers, with the review the authority table requires next to the one
//! recorded, its dates and record numbers and its status (compliant, or the rules its row broke);
//! the month's amendments with their re-review and notice; and the figures an auditor asks for
//! first. Where each contract stands comes from the month ([`crate::month::contracts`]); what is
//! wrong comes from the findings. Nothing here decides a problem of its own.

use std::sync::Arc;

use chrono::NaiveDate;
use serde::Serialize;

use super::{HtmlBlock, Report};
use crate::base::i18n::Catalogue;
use crate::base::put_away::PutAway;
use crate::base::spill::Spill;
use crate::month::authority::{method_code, method_label, role_code, role_label, Verdict};
use crate::month::contracts::{AmendmentStanding, ContractStanding, Rereview, ReviewTiming};
use crate::month::Month;
use crate::registers::contracts::{self, DOCUMENT_TYPES, PRODUCT_CATEGORIES};
use crate::registers::field::{Code, Text};
use crate::registers::{amendments, EnumValue, Field, Kind, Record, Registers};
use crate::rules::finding::Finding;
use crate::settings::ContractSettings;

mod row;
mod row_rules;

pub use row::{ContractRow, ContractText, ContractTexts, ContractValues};
use row_rules::RowRules;

/// What this part of the report shows, computed once from the checked registers.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Section {
    pub contracts_present: bool,
    pub amendments_present: bool,
    /// "No contracts register was given." (and the same for amendments) when absent.
    pub notes: Vec<String>,
    /// A row for each contract the month covers, put away until the workbook is written.
    pub contracts: PutAway<ContractRow>,
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
        "合同及訂單 {contracts} 份；承諾前評審：{reviewed}；評審權限符合：{authority}。",
        "合同及订单 {contracts} 份；承诺前评审：{reviewed}；评审权限符合：{authority}。",
    ]),
    ("contracts.headline_amendments", [
        "{amendments} amendment{amendments|s}; {rereviewed} re-reviewed; {announced} announced within {days} day{days|s}.",
        "合同修訂 {amendments} 項；已重新評審：{rereviewed}；{days} 天內發出通知：{announced}。",
        "合同修订 {amendments} 项；已重新评审：{rereviewed}；{days} 天内发出通知：{announced}。",
    ]),
    ("contracts.share", ["{n} of {of} ({pct})", "{n}/{of}（{pct}）", "{n}/{of}（{pct}）"]),
    ("contracts.table.contracts", ["Contracts and orders of the month", "本月合同及訂單", "本月合同及订单"]),
    ("contracts.table.amendments", ["Amendments of the month", "本月合同修訂", "本月合同修订"]),
    ("contracts.table.contracts@period", ["Contracts and orders of the period", "本期合同及訂單", "本期合同及订单"]),
    ("contracts.table.amendments@period", ["Amendments of the period", "本期合同修訂", "本期合同修订"]),
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
    ("contracts.fig.undetermined", ["Required authority cannot be told (blank or unreadable values)", "無法確定應有評審權限（有空白或無法讀取的值）", "无法确定应有评审权限（有空白或无法读取的值）"]),
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
    ("contracts.status.cannot_tell", ["cannot tell (no re-review date)", "無法判斷（無重新評審日期）", "无法判断（无重新评审日期）"]),
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

/// Where the row of a record is, and the rules its findings broke.
struct Rows<'a> {
    text: Catalogue,
    registers: &'a Registers,
    rules: RowRules<'a>,
}

impl Rows<'_> {
    /// The rules the record's findings broke, each once, in the order of their ids.
    fn rules_of(&self, record: &Record) -> Vec<&'static str> {
        let source = self.registers.source_of(record);
        self.rules.of((source.file.as_str(), source.sheet.as_str(), record.row))
    }

    fn status(&self, rules: &[&'static str]) -> String {
        if rules.is_empty() {
            self.text.get("contracts.status.compliant")
        } else {
            rules.join(", ")
        }
    }

    fn source_label(&self, record: &Record) -> String {
        let source = self.registers.source_of(record);
        self.text.fmt(
            "contracts.source",
            &[
                ("file", &source.file),
                ("sheet", &source.sheet),
                ("row", &record.row.to_string()),
            ],
        )
    }
}

fn text_of(record: &Record, field: Field<Text>) -> String {
    record.text(field).unwrap_or_default().to_string()
}

fn code_label(text: &Catalogue, record: &Record, field: Field<Code>, prefix: &str) -> String {
    match record.code(field) {
        Some(code) => text.get(&format!("{prefix}.{code}")),
        None => String::new(),
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

/// Counts per option in the register's order, then blank or unreadable values.
fn counts(
    text: &Catalogue,
    records: &[&Record],
    field: Field<Code>,
    options: &[EnumValue],
    prefix: &str,
) -> Vec<(String, usize)> {
    // One pass over the records (a large register's records are far apart in memory), each
    // counted under its code, or as unknown when it holds no listed value.
    let mut tally = vec![0; options.len()];
    let mut unknown = 0;
    for record in records {
        match record
            .code(field)
            .and_then(|c| options.iter().position(|o| o.code == c))
        {
            Some(i) => tally[i] += 1,
            None => unknown += usize::from(record.code(field).is_none()),
        }
    }
    let mut out: Vec<(String, usize)> = options
        .iter()
        .zip(tally)
        .map(|(option, n)| (text.get(&format!("{prefix}.{}", option.code)), n))
        .collect();
    if unknown > 0 {
        out.push((text.get("contracts.status.unknown_value"), unknown));
    }
    out
}

fn contract_row(
    rows: &Rows,
    settings: &ContractSettings,
    standing: &ContractStanding,
    record: &Record,
    figures: &mut Figures,
) -> ContractRow {
    let text = &rows.text;
    if standing.reviewed {
        match standing.verdict {
            Verdict::Compliant => figures.with_required_authority += 1,
            Verdict::Unknown { .. } => figures.authority_undetermined += 1,
            Verdict::Weak { .. } => {}
        }
    }
    if standing.timing == ReviewTiming::InTime {
        figures.reviewed_before_commitment += 1;
    }
    let outcomes = &standing.required.outcomes;
    let row_rules = rows.rules_of(record);
    let label = |field, prefix| code_label(text, record, field, prefix);
    let texts = ContractTexts {
        id: record.text(contracts::ID).unwrap_or_default(),
        customer: record.text(contracts::CUSTOMER).unwrap_or_default(),
        document_type: &label(contracts::DOCUMENT_TYPE, "contracts.doc"),
        product_category: &label(contracts::PRODUCT_CATEGORY, "contracts.cat"),
        required_method: &options(
            outcomes
                .iter()
                .map(|o| method_label(text, method_code(settings, o.need.method))),
        ),
        required_approver: &options(
            outcomes
                .iter()
                .map(|o| role_label(text, role_code(settings, o.need.role))),
        ),
        method: &label(contracts::REVIEW_METHOD, "contracts.method"),
        approver_role: &label(contracts::APPROVER_ROLE, "contracts.role"),
        approver: record.text(contracts::APPROVER).unwrap_or_default(),
        review_form_no: record.text(contracts::REVIEW_FORM_NO).unwrap_or_default(),
        minutes_no: record.text(contracts::MINUTES_NO).unwrap_or_default(),
        outcome: &label(contracts::OUTCOME, "contracts.outcome"),
        status: &rows.status(&row_rules),
        source: &rows.source_label(record),
    };
    let values = ContractValues {
        amount: record.money(contracts::AMOUNT),
        received: record.day(contracts::RECEIVED_DATE),
        review_date: record.day(contracts::REVIEW_DATE),
        commitment_date: record.day(contracts::COMMITMENT_DATE),
    };
    ContractRow::new(texts, values)
}

fn amendment_row(rows: &Rows, standing: &AmendmentStanding, record: &Record, figures: &mut Figures) -> AmendmentRow {
    let text = &rows.text;
    let status_text = |key: &str| text.get(&format!("contracts.status.{key}"));
    let rereview_status = match standing.rereview {
        Rereview::Unreadable => status_text("unreadable"),
        Rereview::Missing => status_text("missing"),
        Rereview::Before { .. } => status_text("before_amendment"),
        Rereview::Done => {
            figures.rereviewed += 1;
            status_text("rereviewed")
        }
    };
    let notice = standing.notice;
    let notice_status = match notice.delay {
        _ if !notice.number || notice.date.is_none() => status_text("missing"),
        _ if notice.late => status_text("late"),
        Some(_) => {
            figures.announced_in_time += 1;
            status_text("in_time")
        }
        None => status_text("cannot_tell"),
    };
    let row_rules = rows.rules_of(record);
    AmendmentRow {
        contract_known: match standing.contract_known {
            Some(known) => status_text(if known { "yes" } else { "no" }),
            None => String::new(),
        },
        contract_id: text_of(record, amendments::CONTRACT_ID),
        amendment_date: record.day(amendments::AMENDMENT_DATE),
        content: text_of(record, amendments::CONTENT),
        rereview_date: record.day(amendments::REREVIEW_DATE),
        rereviewer: text_of(record, amendments::REREVIEWER),
        rereview_status,
        notice_no: text_of(record, amendments::NOTICE_NO),
        notice_date: notice.date,
        notice_after: notice.delay,
        notice_status,
        status: rows.status(&row_rules),
        rules: row_rules,
        source: rows.source_label(record),
    }
}

/// The Contract reviews section: each contract and amendment the month covers, where it stands,
/// the rules its row broke, and the counts; the contracts' rows put away in `spill`
/// ([`PutAway`]).
pub fn build(month: &Month, findings: &[Finding], text: Catalogue, spill: Option<&Arc<Spill>>) -> Section {
    let rows = Rows {
        text,
        registers: month.registers,
        rules: RowRules::new(findings),
    };
    let mut section = Section {
        contracts_present: month.has(Kind::Contracts),
        amendments_present: month.has(Kind::Amendments),
        notice_days: month.settings.contracts.notice_days,
        ..Section::default()
    };
    let mut figures = Figures::default();
    if section.contracts_present {
        contract_rows(month, &rows, &mut section, &mut figures, spill);
    } else {
        section.notes.push(text.get("kind.absent.contracts"));
    }
    if section.amendments_present {
        let register = month.register(Kind::Amendments);
        for standing in &month.contracts.amendments {
            figures.amendments += 1;
            let row = amendment_row(&rows, standing, &register[standing.record], &mut figures);
            section.amendments.push(row);
        }
    } else {
        section.notes.push(text.get("kind.absent.amendments"));
    }
    section.figures = figures;
    section
}

/// The contracts' rows, made and packed in chunks on every core (a decade of contracts covers a
/// hundred thousand in a month), put away in order ([`PutAway`]); and their counts by type and
/// category.
fn contract_rows(month: &Month, rows: &Rows, section: &mut Section, figures: &mut Figures, spill: Option<&Arc<Spill>>) {
    let register = month.register(Kind::Contracts);
    let standings = &month.contracts.contracts;
    figures.contracts = standings.len();
    let chunks: Vec<&[ContractStanding]> = standings.chunks(CHUNK_ROWS).collect();
    let settings = &month.settings.contracts;
    let done = crate::base::parallel::in_parallel(&chunks, |chunk| {
        let mut figures = Figures::default();
        let made = chunk
            .iter()
            .map(|s| contract_row(rows, settings, s, &register[s.record], &mut figures));
        (PutAway::chunk(made), figures)
    });
    let mut away = PutAway::new(spill);
    for (chunk, counted) in done {
        away.push_chunk(chunk);
        figures.add(&counted);
    }
    away.finish();
    section.contracts = away;
    let records: Vec<&Record> = standings.iter().map(|s| &register[s.record]).collect();
    let text = &rows.text;
    section.by_type = counts(
        text,
        &records,
        contracts::DOCUMENT_TYPE,
        DOCUMENT_TYPES,
        "contracts.doc",
    );
    section.by_category = counts(
        text,
        &records,
        contracts::PRODUCT_CATEGORY,
        PRODUCT_CATEGORIES,
        "contracts.cat",
    );
}

/// Contracts a chunk of the Contract reviews rows holds (see [`build`]).
const CHUNK_ROWS: usize = 4096;

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

/// `bid 2, contract 39` / `標書 2、合同 39`: a list in the report language.
fn breakdown(text: &Catalogue, counts: &[(String, usize)]) -> String {
    let items: Vec<String> = counts
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(label, n)| format!("{label} {n}"))
        .collect();
    text.list(&items)
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
        note: text.sentences(&section.notes),
        ..HtmlBlock::default()
    };
    if section.contracts_present {
        block.figures.extend([
            (text.get("contracts.fig.contracts"), f.contracts.to_string()),
            (text.get("contracts.table.by_type"), breakdown(&text, &section.by_type)),
            (
                text.get("contracts.table.by_category"),
                breakdown(&text, &section.by_category),
            ),
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
