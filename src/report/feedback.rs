//! The Feedback monthly report (SPEC 3.4, record 6.9) and Complaints (SPEC 3.5) sheets, and their headline figures.
//!
//! The Feedback monthly report is the monthly summary that procedure 5.3.5 asks the sales company
//! to send to the manager in charge (顧客反饋信息月報表): what was received, reviewed, handled and
//! serviced in the month, how fast, and every item still open (earlier months included), laid out
//! as a form with a signature block. The Complaints sheet follows Part 3: open and overdue
//! complaints, major complaints and their reporting, forbidden phrases found and the share of
//! replies that use a courtesy phrase.
//!
//! The figures are counted here from where each piece of feedback stands at as-of
//! ([`crate::month::feedback`]: reviewed in time, overdue, reported late) and from the findings;
//! nothing is judged here.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

use super::{HtmlBlock, Report};
use crate::base::i18n::Catalogue;
use crate::base::phrases::PhraseList;
use crate::base::text::hours_text;
use crate::month::feedback::{FollowUp, Reporting, Review};
use crate::month::Month;
use crate::registers::feedback::{self, CHANNELS, FEEDBACK_KINDS};
use crate::registers::field::{Date, Text};
use crate::registers::{Field, Kind, Record};
use crate::rules::finding::Finding;
use crate::values::DateValue;

const KIND: Kind = Kind::Feedback;

/// What this part of the report shows, computed once from the checked registers.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Section {
    /// Whether a feedback register was given.
    pub present: bool,
    /// "No feedback register was given." when absent.
    pub absent_text: String,
    pub review_days: u32,
    pub report_hours: u32,
    pub figures: Figures,
    pub by_kind: Vec<CountRow>,
    pub by_channel: Vec<CountRow>,
    pub by_department: Vec<CountRow>,
    /// Every item open at as-of, oldest first (earlier months included).
    pub open_items: Vec<OpenItem>,
    pub complaints: Complaints,
}

/// The month's figures (items received in the period, unless said otherwise).
#[derive(Clone, Debug, Default, Serialize)]
pub struct Figures {
    pub received: usize,
    /// Of those, complaints and grievances.
    pub complaints: usize,
    /// Received in earlier months and still open at as-of.
    pub carried_over: usize,
    pub reviewed: usize,
    /// Reviewed within `feedback.review_days` days of receipt.
    pub reviewed_on_time: usize,
    pub replied: usize,
    /// Handled: resolved by as-of.
    pub resolved: usize,
    /// Open at as-of, every month.
    pub open: usize,
    /// After-sales services required or given.
    pub services: usize,
    pub service_reports: usize,
    pub evaluations: usize,
    pub verified: usize,
    /// With report number, evaluation and verification all given.
    pub services_complete: usize,
    pub median_review_days: Option<f64>,
    pub median_reply_days: Option<f64>,
    pub median_resolve_days: Option<f64>,
}

/// One line of a count table: received in the month, open at as-of.
#[derive(Clone, Debug, Default, Serialize)]
pub struct CountRow {
    pub label: String,
    pub received: usize,
    pub open: usize,
}

/// An item still open at as-of.
#[derive(Clone, Debug, Serialize)]
pub struct OpenItem {
    pub id: String,
    pub received: NaiveDate,
    /// The received date-time, when it has a time of day.
    pub received_at: Option<NaiveDateTime>,
    /// As-of minus the received date.
    pub age_days: i64,
    /// Received before the period.
    pub carried_over: bool,
    pub kind: String,
    pub customer: String,
    pub content: String,
    pub department: String,
    pub handler: String,
    pub next_reply_date: Option<NaiveDate>,
    pub status: String,
    /// `file › sheet › row`
    pub source: String,
}

/// The Complaints sheet.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Complaints {
    /// Complaints and grievances received in the period.
    pub received: usize,
    /// Open at as-of, oldest first (earlier months included).
    pub open: Vec<OpenComplaint>,
    pub overdue: usize,
    pub no_next_date: usize,
    pub major: Vec<MajorComplaint>,
    /// Major complaints not reported, reported without a time, or reported late.
    pub major_not_on_time: usize,
    pub phrases: Vec<PhraseRow>,
    /// Covered rows with a reply, and those of them using at least one courtesy phrase.
    pub replies: usize,
    pub courteous: usize,
    pub courtesy_share: Option<f64>,
}

#[derive(Clone, Debug, Serialize)]
pub struct OpenComplaint {
    pub id: String,
    pub received: NaiveDate,
    pub received_at: Option<NaiveDateTime>,
    pub age_days: i64,
    pub customer: String,
    pub content: String,
    pub handler: String,
    pub last_reply: Option<NaiveDate>,
    pub next_reply_date: Option<NaiveDate>,
    pub overdue: bool,
    /// Days from the agreed reply date to as-of, when overdue.
    pub overdue_days: Option<i64>,
    pub status: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct MajorComplaint {
    pub id: String,
    pub received: NaiveDate,
    pub received_at: Option<NaiveDateTime>,
    pub customer: String,
    pub reported_to: String,
    pub reported: Option<NaiveDate>,
    pub reported_at: Option<NaiveDateTime>,
    /// `25:01` when both have a time of day.
    pub delay: String,
    pub on_time: bool,
    pub status: String,
}

/// A CP04 finding.
#[derive(Clone, Debug, Serialize)]
pub struct PhraseRow {
    pub record: String,
    pub field: String,
    pub cell: String,
    pub message: String,
}

/// Catalogue texts of this part of the report: key → [en, zh-Hant, zh-Hans] (see [`crate::base::i18n`]).
pub static TEXTS: &[crate::base::i18n::Entry] = &[
    // Feedback monthly report
    ("feedback.sheet", ["Feedback monthly report", "顧客反饋信息月報表", "顾客反馈信息月报表"]),
    ("feedback.title", ["Customer feedback monthly report", "顧客反饋信息月報表", "顾客反馈信息月报表"]),
    ("feedback.record", [
        "Record 6.9: the month's customer feedback and its review and handling, to the manager in charge and the departments concerned (procedure 5.3.5)",
        "記錄 6.9:每月將顧客反饋信息及其評審、處理情況匯總,報主管經理並傳遞到相關部門(5.3.5)",
        "记录 6.9:每月将顾客反馈信息及其评审、处理情况汇总,报主管经理并传递到相关部门(5.3.5)",
    ]),
    ("feedback.figures", ["The month in figures", "本月匯總", "本月汇总"]),
    ("feedback.fig.received", ["Feedback received in the month", "本月接收的顧客反饋", "本月接收的顾客反馈"]),
    ("feedback.fig.complaints", ["  of which complaints and grievances", "  其中投訴及抱怨", "  其中投诉及抱怨"]),
    ("feedback.fig.reviewed", ["Reviewed", "已評審", "已评审"]),
    ("feedback.fig.reviewed_on_time", ["  reviewed within {days} day{days|s}", "  {days} 天內評審", "  {days} 天内评审"]),
    ("feedback.fig.replied", ["Replied to the customer", "已回復顧客", "已回复顾客"]),
    ("feedback.fig.resolved", ["Handled and resolved", "已處理解決", "已处理解决"]),
    ("feedback.fig.carried_over", ["Open items from earlier months", "以前月份仍未結案的項目", "以前月份仍未结案的项目"]),
    ("feedback.fig.open", ["Open at the as-of date (all months)", "截止日仍未結案(含以前月份)", "截止日仍未结案(含以前月份)"]),
    ("feedback.fig.services", ["After-sales services", "售後服務", "售后服务"]),
    ("feedback.fig.service_reports", ["  with a service report", "  已填寫售後服務報告單", "  已填写售后服务报告单"]),
    ("feedback.fig.evaluations", ["  with the customer's evaluation", "  有顧客評價", "  有顾客评价"]),
    ("feedback.fig.verified", ["  with the verification of the result", "  有驗證結果", "  有验证结果"]),
    ("feedback.fig.median_review", ["Median days from receipt to review", "接收至評審天數(中位數)", "接收至评审天数(中位数)"]),
    ("feedback.fig.median_reply", ["Median days from receipt to reply", "接收至回復天數(中位數)", "接收至回复天数(中位数)"]),
    ("feedback.fig.median_resolve", ["Median days from receipt to resolution", "接收至解決天數(中位數)", "接收至解决天数(中位数)"]),
    ("feedback.col.item", ["Item", "項目", "项目"]),
    ("feedback.col.count", ["Number", "數量", "数量"]),
    ("feedback.col.share", ["Share", "比例", "比例"]),
    ("feedback.by_kind", ["By kind", "按類別", "按类别"]),
    ("feedback.by_channel", ["By channel", "按渠道", "按渠道"]),
    ("feedback.by_department", ["By responsible department", "按責任部門", "按责任部门"]),
    ("feedback.col.kind", ["Kind", "類別", "类别"]),
    ("feedback.col.channel", ["Channel", "渠道", "渠道"]),
    ("feedback.col.department", ["Department", "責任部門", "责任部门"]),
    ("feedback.col.received_month", ["Received in the month", "本月接收", "本月接收"]),
    ("feedback.col.open", ["Open at as-of", "截止日未結案", "截止日未结案"]),
    ("feedback.open_items", ["Items still open, oldest first", "仍未結案的項目(由舊至新)", "仍未结案的项目(由旧至新)"]),
    ("feedback.no_open_items", ["No item is open at the as-of date.", "截止日沒有未結案的項目。", "截止日没有未结案的项目。"]),
    ("feedback.col.id", ["No.", "編號", "编号"]),
    ("feedback.col.received", ["Received", "接收日期", "接收日期"]),
    ("feedback.col.age", ["Age (days)", "已過天數", "已过天数"]),
    ("feedback.col.earlier", ["From an earlier month", "以前月份", "以前月份"]),
    ("feedback.col.customer", ["Customer", "顧客", "顾客"]),
    ("feedback.col.content", ["Content", "內容", "内容"]),
    ("feedback.col.handler", ["Handled by", "處理人", "处理人"]),
    ("feedback.col.next_reply", ["Next reply due", "下次回復日期", "下次回复日期"]),
    ("feedback.col.status", ["Status", "狀態", "状态"]),
    ("feedback.col.source", ["Source row", "來源行", "来源行"]),
    ("feedback.yes", ["yes", "是", "是"]),
    ("feedback.not_given", ["(not given)", "(未填)", "(未填)"]),
    ("feedback.kind.complaint", ["complaint", "投訴", "投诉"]),
    ("feedback.kind.grievance", ["grievance", "抱怨", "抱怨"]),
    ("feedback.kind.inquiry", ["inquiry", "問詢", "问询"]),
    ("feedback.kind.suggestion", ["suggestion", "建議", "建议"]),
    ("feedback.kind.praise", ["praise", "表揚", "表扬"]),
    ("feedback.channel.phone", ["phone", "電話", "电话"]),
    ("feedback.channel.visit", ["visit", "來訪", "来访"]),
    ("feedback.channel.letter", ["letter", "信函", "信函"]),
    ("feedback.channel.email", ["e-mail", "電子郵件", "电子邮件"]),
    ("feedback.channel.online", ["online", "網上", "网上"]),
    ("feedback.channel.other", ["other", "其他", "其他"]),
    ("feedback.status.not_reviewed", ["not reviewed", "未評審", "未评审"]),
    ("feedback.status.not_resolved", ["not resolved", "未解決", "未解决"]),
    ("feedback.status.overdue", ["reply overdue since {date}", "約定 {date} 回復,已逾期", "约定 {date} 回复,已逾期"]),
    ("feedback.status.no_next_date", ["not replied, no next reply date", "未回復,未約定下次回復日期", "未回复,未约定下次回复日期"]),
    ("feedback.status.awaiting", ["next reply due {date}", "約定 {date} 回復", "约定 {date} 回复"]),
    ("feedback.status.replied", ["replied, not resolved", "已回復,未解決", "已回复,未解决"]),
    ("feedback.status.unknown", ["a date cannot be read", "有日期無法讀取", "有日期无法读取"]),
    ("feedback.status.sep", ["; ", ";", ";"]),
    ("feedback.sign.prepared", ["Prepared by", "編製", "编制"]),
    ("feedback.sign.checked", ["Checked by", "審核", "审核"]),
    ("feedback.sign.approved", ["Approved by", "批准", "批准"]),
    ("feedback.sign.date", ["Date", "日期", "日期"]),
    // Complaints
    ("feedback.cp.sheet", ["Complaints", "顧客投訴", "顾客投诉"]),
    ("feedback.cp.title", ["Complaint follow-up", "顧客投訴跟進", "顾客投诉跟进"]),
    ("feedback.cp.basis", [
        "Procedure Part 3: follow every complaint until resolved and answered (三, 四), report major complaints at once (報告), no forbidden service phrases (服務忌語)",
        "依據第三篇:投訴一跟到底直至解決並回復(三、四),重大投訴馬上報告(報告),不得使用服務忌語",
        "依据第三篇:投诉一跟到底直至解决并回复(三、四),重大投诉马上报告(报告),不得使用服务忌语",
    ]),
    ("feedback.cp.fig.received", ["Complaints and grievances received in the month", "本月接收的投訴及抱怨", "本月接收的投诉及抱怨"]),
    ("feedback.cp.fig.open", ["Open at the as-of date (all months)", "截止日仍未解決(含以前月份)", "截止日仍未解决(含以前月份)"]),
    ("feedback.cp.fig.overdue", ["  overdue: agreed reply date passed without a reply", "  逾期:約定回復日期已過仍未回復", "  逾期:约定回复日期已过仍未回复"]),
    ("feedback.cp.fig.no_next_date", ["  not replied and no next reply date agreed", "  未回復也未約定下次回復日期", "  未回复也未约定下次回复日期"]),
    ("feedback.cp.fig.major", ["Major complaints", "重大投訴", "重大投诉"]),
    ("feedback.cp.fig.major_late", ["  not reported within {hours} hour{hours|s}", "  未在 {hours} 小時內報告", "  未在 {hours} 小时内报告"]),
    ("feedback.cp.fig.phrases", ["Forbidden service phrases found", "發現的服務忌語", "发现的服务忌语"]),
    ("feedback.cp.fig.replies", ["Replies recorded", "有回復內容的記錄", "有回复内容的记录"]),
    ("feedback.cp.fig.courteous", ["  using at least one courtesy phrase (文明用語)", "  使用至少一句文明用語", "  使用至少一句文明用语"]),
    ("feedback.cp.open", ["Open complaints, oldest first", "未解決的投訴(由舊至新)", "未解决的投诉(由旧至新)"]),
    ("feedback.cp.none_open", ["No complaint is open at the as-of date.", "截止日沒有未解決的投訴。", "截止日没有未解决的投诉。"]),
    ("feedback.cp.major", ["Major complaints and their reporting", "重大投訴及其報告", "重大投诉及其报告"]),
    ("feedback.cp.none_major", ["No major complaint in the period.", "本期沒有重大投訴。", "本期没有重大投诉。"]),
    ("feedback.cp.phrases", ["Forbidden service phrases found (服務忌語)", "發現的服務忌語", "发现的服务忌语"]),
    ("feedback.cp.none_phrases", ["No forbidden service phrase was found.", "沒有發現服務忌語。", "没有发现服务忌语。"]),
    ("feedback.cp.col.last_reply", ["Last reply", "最近回復日期", "最近回复日期"]),
    ("feedback.cp.col.overdue_days", ["Days overdue", "逾期天數", "逾期天数"]),
    ("feedback.cp.col.reported_to", ["Reported to", "報告對象", "报告对象"]),
    ("feedback.cp.col.reported_at", ["Reported at", "報告時間", "报告时间"]),
    ("feedback.cp.col.delay", ["Time taken (h:mm)", "相隔(時:分)", "相隔(时:分)"]),
    ("feedback.cp.rep.on_time", ["on time", "及時", "及时"]),
    ("feedback.cp.rep.late", ["late", "逾時", "逾时"]),
    ("feedback.cp.rep.not_reported", ["not reported", "未報告", "未报告"]),
    ("feedback.cp.rep.no_time", ["time of report not recorded", "未記錄報告時間", "未记录报告时间"]),
    ("feedback.cp.rep.unknown", ["cannot be told: a date cannot be read", "無法判斷:有日期無法讀取", "无法判断:有日期无法读取"]),
    // HTML summary
    ("feedback.html.title", ["Customer feedback", "顧客反饋", "顾客反馈"]),
    ("feedback.html.received", ["Received in the month (complaints)", "本月接收(其中投訴)", "本月接收(其中投诉)"]),
    ("feedback.html.reviewed", ["Reviewed within {days} day{days|s}", "{days} 天內評審", "{days} 天内评审"]),
    ("feedback.html.resolved", ["Handled and resolved", "已處理解決", "已处理解决"]),
    ("feedback.html.open", ["Open at the as-of date (oldest)", "截止日未結案(最久)", "截止日未结案(最久)"]),
    ("feedback.html.services", ["After-sales services with a complete report", "售後服務報告完整", "售后服务报告完整"]),
    ("feedback.html.of", ["{n} of {total}", "{n} / {total}", "{n} / {total}"]),
    ("feedback.html.days", ["{n} day{n|s}", "{n} 天", "{n} 天"]),
    ("feedback.html.cp_title", ["Complaints", "顧客投訴", "顾客投诉"]),
    ("feedback.html.cp_open", ["Open complaints", "未解決的投訴", "未解决的投诉"]),
    ("feedback.html.cp_overdue", ["Overdue replies", "逾期未回復", "逾期未回复"]),
    ("feedback.html.cp_major", ["Major complaints not reported within {hours} hour{hours|s}", "重大投訴未在 {hours} 小時內報告", "重大投诉未在 {hours} 小时内报告"]),
    ("feedback.html.cp_phrases", ["Forbidden service phrases found", "發現的服務忌語", "发现的服务忌语"]),
    ("feedback.html.cp_courtesy", ["Replies using a courtesy phrase", "回復使用文明用語", "回复使用文明用语"]),
    ("feedback.html.no_overdue", ["No complaint reply is overdue.", "沒有逾期未回復的投訴。", "没有逾期未回复的投诉。"]),
];

fn text_of(record: &Record, field: Field<Text>) -> String {
    record.text(field).unwrap_or("").to_string()
}

fn received_at(d: DateValue) -> Option<NaiveDateTime> {
    d.time.map(|_| d.datetime())
}

/// The median of whole-day counts (the mean of the two middle ones for an even count).
fn median(mut values: Vec<i64>) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    let n = values.len();
    Some(if n % 2 == 1 {
        values[n / 2] as f64
    } else {
        (values[n / 2 - 1] + values[n / 2]) as f64 / 2.0
    })
}

/// Days from receipt to a later date of the record, when it has one (a date before receipt is an
/// RG04 finding and left out of the medians).
fn days_to(record: &Record, received: NaiveDate, field: Field<Date>) -> Option<i64> {
    let d = record.day(field)?;
    let n = (d - received).num_days();
    (n >= 0).then_some(n)
}

/// Counts by a key, in a fixed order of keys first.
struct Tally {
    order: Vec<String>,
    rows: BTreeMap<String, CountRow>,
}

impl Tally {
    fn new(fixed: impl IntoIterator<Item = (String, String)>) -> Tally {
        let mut t = Tally {
            order: Vec::new(),
            rows: BTreeMap::new(),
        };
        for (key, label) in fixed {
            t.slot(&key, &label);
        }
        t
    }
    fn slot(&mut self, key: &str, label: &str) -> &mut CountRow {
        if !self.rows.contains_key(key) {
            self.order.push(key.to_string());
        }
        self.rows.entry(key.to_string()).or_insert_with(|| CountRow {
            label: label.to_string(),
            ..CountRow::default()
        })
    }
    fn rows(mut self) -> Vec<CountRow> {
        self.order.iter().filter_map(|k| self.rows.remove(k)).collect()
    }
}

pub fn build(month: &Month, findings: &[Finding], text: Catalogue) -> Section {
    let settings = month.settings;
    let mut section = Section {
        review_days: settings.feedback.review_days,
        report_hours: settings.complaints.report_hours,
        ..Section::default()
    };
    if !month.has(KIND) {
        section.absent_text = text.get("kind.absent.feedback");
        return section;
    }
    section.present = true;
    let as_of = month.period.as_of;
    let courtesy = PhraseList::new(&settings.complaints.courtesy_phrases);
    let not_given = text.get("feedback.not_given");
    let sep = text.get("feedback.status.sep");

    let mut kinds = Tally::new(
        FEEDBACK_KINDS
            .iter()
            .map(|v| (v.code.to_string(), text.get(&format!("feedback.kind.{}", v.code)))),
    );
    let mut channels = Tally::new(
        CHANNELS
            .iter()
            .map(|v| (v.code.to_string(), text.get(&format!("feedback.channel.{}", v.code)))),
    );
    let mut departments = Tally::new([]);
    let (mut to_review, mut to_reply, mut to_resolve) = (Vec::new(), Vec::new(), Vec::new());
    let f = &mut section.figures;
    let c = &mut section.complaints;
    let register = month.register(KIND);

    for item in &month.feedback.items {
        let record = &register[item.record];
        let Some(received) = item.received else {
            continue;
        };
        let day = received.date;
        let (this_period, open, complaint) = (item.this_period, item.open, item.complaint);
        let kind_code = record.code(feedback::KIND).unwrap_or("");
        let kind_label = if kind_code.is_empty() {
            not_given.clone()
        } else {
            text.get(&format!("feedback.kind.{kind_code}"))
        };

        // Counts by kind, channel and department: received in the month; open at as-of.
        let channel_code = record.code(feedback::CHANNEL).unwrap_or("");
        let department = text_of(record, feedback::DEPARTMENT);
        let department_key = crate::base::text::key(&department);
        let channel_label = if channel_code.is_empty() {
            not_given.clone()
        } else {
            text.get(&format!("feedback.channel.{channel_code}"))
        };
        let or_blank = |key: &str| if key.is_empty() { "~" } else { key }.to_string();
        let lines = [
            kinds.slot(&or_blank(kind_code), &kind_label),
            channels.slot(&or_blank(channel_code), &channel_label),
            departments.slot(
                &or_blank(&department_key),
                if department.is_empty() { &not_given } else { &department },
            ),
        ];
        for line in lines {
            line.received += usize::from(this_period);
            line.open += usize::from(open);
        }

        if this_period {
            f.received += 1;
            if complaint {
                f.complaints += 1;
                c.received += 1;
            }
            if let Some(Review::Done { days, late, .. }) = item.review {
                f.reviewed += 1;
                if days >= 0 {
                    f.reviewed_on_time += usize::from(!late);
                    to_review.push(days);
                }
            }
            if record.date(feedback::REPLY_DATE).is_some() {
                f.replied += 1;
            }
            if let Some(n) = days_to(record, day, feedback::REPLY_DATE) {
                to_reply.push(n);
            }
            if item.resolved {
                f.resolved += 1;
                if let Some(n) = days_to(record, day, feedback::RESOLVED_DATE) {
                    to_resolve.push(n);
                }
            }
            if item.service {
                f.services += 1;
                let has = |field| record.has_text(field);
                let (report, evaluation, verified) = (
                    has(feedback::SERVICE_REPORT_NO),
                    has(feedback::CUSTOMER_EVALUATION),
                    has(feedback::VERIFICATION),
                );
                f.service_reports += usize::from(report);
                f.evaluations += usize::from(evaluation);
                f.verified += usize::from(verified);
                f.services_complete += usize::from(report && evaluation && verified);
            }
        } else if open {
            f.carried_over += 1;
        }

        // Courtesy share: every covered row with a reply.
        if let Some(reply) = record.text(feedback::REPLY).filter(|t| !t.trim().is_empty()) {
            c.replies += 1;
            if courtesy.any(reply) {
                c.courteous += 1;
            }
        }

        let age_days = (as_of - day).num_days();
        let state = item.follow_up;
        let follow_text = |state: FollowUp| match state {
            FollowUp::Overdue { since } => text.fmt("feedback.status.overdue", &[("date", &since.to_string())]),
            FollowUp::NoNextDate => text.get("feedback.status.no_next_date"),
            FollowUp::Unknown => text.get("feedback.status.unknown"),
            FollowUp::Followed => match record.date(feedback::NEXT_REPLY_DATE) {
                Some(n) if n.date >= as_of => text.fmt("feedback.status.awaiting", &[("date", &n.date.to_string())]),
                _ => text.get("feedback.status.replied"),
            },
            FollowUp::Resolved => String::new(),
        };

        if open {
            f.open += 1;
            let mut status = Vec::new();
            if record.date(feedback::REVIEW_DATE).is_none() {
                status.push(text.get("feedback.status.not_reviewed"));
            }
            match state {
                Some(s) if s != FollowUp::Resolved => status.push(follow_text(s)),
                _ if !item.resolved => status.push(text.get("feedback.status.not_resolved")),
                _ => {}
            }
            let source = &month.registers.sources[record.source];
            section.open_items.push(OpenItem {
                id: text_of(record, feedback::ID),
                received: day,
                received_at: received_at(received),
                age_days,
                carried_over: !this_period,
                kind: kind_label.clone(),
                customer: text_of(record, feedback::CUSTOMER),
                content: text_of(record, feedback::CONTENT),
                department: department.clone(),
                handler: text_of(record, feedback::HANDLER),
                next_reply_date: record.date(feedback::NEXT_REPLY_DATE).map(|d| d.date),
                status: status.join(&sep),
                source: format!("{} › {} › {}", source.file, source.sheet, record.row),
            });
        }

        if let Some(state) = state.filter(|s| *s != FollowUp::Resolved) {
            let overdue_days = match state {
                FollowUp::Overdue { since } => Some((as_of - since).num_days()),
                _ => None,
            };
            c.overdue += usize::from(overdue_days.is_some());
            c.no_next_date += usize::from(state == FollowUp::NoNextDate);
            c.open.push(OpenComplaint {
                id: text_of(record, feedback::ID),
                received: day,
                received_at: received_at(received),
                age_days,
                customer: text_of(record, feedback::CUSTOMER),
                content: text_of(record, feedback::CONTENT),
                handler: text_of(record, feedback::HANDLER),
                last_reply: record.date(feedback::REPLY_DATE).map(|d| d.date),
                next_reply_date: record.date(feedback::NEXT_REPLY_DATE).map(|d| d.date),
                overdue: overdue_days.is_some(),
                overdue_days,
                status: follow_text(state),
            });
        }

        if let Some(judged) = item.reporting {
            let (on_time, status) = match judged {
                Reporting::OnTime { .. } => (true, "on_time"),
                Reporting::Late { .. } => (false, "late"),
                Reporting::NotReported => (false, "not_reported"),
                Reporting::NoTime => (false, "no_time"),
                Reporting::Unknown => (true, "unknown"),
            };
            if !on_time {
                c.major_not_on_time += 1;
            }
            let delay = match judged {
                Reporting::OnTime { hours: Some(h) } | Reporting::Late { hours: Some(h), .. } => hours_text(h),
                _ => String::new(),
            };
            let reported = record.date(feedback::REPORTED_AT);
            c.major.push(MajorComplaint {
                id: text_of(record, feedback::ID),
                received: day,
                received_at: received_at(received),
                customer: text_of(record, feedback::CUSTOMER),
                reported_to: text_of(record, feedback::REPORTED_TO),
                reported: reported.map(|d| d.date),
                reported_at: reported.and_then(received_at),
                delay,
                on_time,
                status: text.get(&format!("feedback.cp.rep.{status}")),
            });
        }
    }

    f.median_review_days = median(to_review);
    f.median_reply_days = median(to_reply);
    f.median_resolve_days = median(to_resolve);
    c.courtesy_share = (c.replies > 0).then(|| c.courteous as f64 / c.replies as f64);
    c.phrases = findings
        .iter()
        .filter(|x| x.rule == "CP04")
        .map(|x| PhraseRow {
            record: x.record.clone(),
            field: crate::registers::texts::field_label(&text, &x.field),
            cell: x.location.place(),
            message: x.message.clone(),
        })
        .collect();

    section
        .open_items
        .sort_by(|a, b| (a.received, a.received_at, &a.id).cmp(&(b.received, b.received_at, &b.id)));
    c.open
        .sort_by(|a, b| (a.received, a.received_at, &a.id).cmp(&(b.received, b.received_at, &b.id)));
    c.major
        .sort_by(|a, b| (a.received, a.received_at, &a.id).cmp(&(b.received, b.received_at, &b.id)));

    section.by_kind = kinds.rows();
    // Channels nobody used are left out, except that the table is never empty.
    section.by_channel = channels
        .rows()
        .into_iter()
        .filter(|r| r.received + r.open > 0)
        .collect();
    let mut by_department = departments.rows();
    by_department.sort_by(|a, b| {
        (a.label == not_given)
            .cmp(&(b.label == not_given))
            .then(b.received.cmp(&a.received))
            .then(a.label.cmp(&b.label))
    });
    section.by_department = by_department;
    section
}

/// `3 of 5` / `3 / 5`.
fn of(text: &Catalogue, n: usize, total: usize) -> String {
    text.fmt(
        "feedback.html.of",
        &[("n", &n.to_string()), ("total", &total.to_string())],
    )
}

/// Headline figures and short lists for the HTML summary.
pub fn html_blocks(report: &Report) -> Vec<HtmlBlock> {
    let text = report.text();
    let s = &report.feedback;
    if !s.present {
        return vec![HtmlBlock {
            title: text.get("feedback.html.title"),
            note: s.absent_text.clone(),
            ..HtmlBlock::default()
        }];
    }
    let f = &s.figures;
    let c = &s.complaints;
    let days = s.review_days.to_string();
    let oldest = s
        .open_items
        .iter()
        .map(|i| i.age_days)
        .max()
        .map(|n| format!(" ({})", text.fmt("feedback.html.days", &[("n", &n.to_string())])))
        .unwrap_or_default();
    let feedback = HtmlBlock {
        title: text.get("feedback.html.title"),
        figures: vec![
            (
                text.get("feedback.html.received"),
                format!("{} ({})", f.received, f.complaints),
            ),
            (
                text.fmt("feedback.html.reviewed", &[("days", &days)]),
                of(&text, f.reviewed_on_time, f.received),
            ),
            (text.get("feedback.html.resolved"), of(&text, f.resolved, f.received)),
            (text.get("feedback.html.open"), format!("{}{oldest}", f.open)),
            (
                text.get("feedback.html.services"),
                of(&text, f.services_complete, f.services),
            ),
        ],
        ..HtmlBlock::default()
    };
    let hours = s.report_hours.to_string();
    let courtesy = match c.courtesy_share {
        Some(share) => format!("{:.0}% ({})", share * 100.0, of(&text, c.courteous, c.replies)),
        None => "–".to_string(),
    };
    let overdue: Vec<&OpenComplaint> = c.open.iter().filter(|o| o.overdue).collect();
    let complaints = HtmlBlock {
        title: text.get("feedback.html.cp_title"),
        figures: vec![
            (text.get("feedback.html.cp_open"), c.open.len().to_string()),
            (text.get("feedback.html.cp_overdue"), c.overdue.to_string()),
            (
                text.fmt("feedback.html.cp_major", &[("hours", &hours)]),
                of(&text, c.major_not_on_time, c.major.len()),
            ),
            (text.get("feedback.html.cp_phrases"), c.phrases.len().to_string()),
            (text.get("feedback.html.cp_courtesy"), courtesy),
        ],
        columns: if overdue.is_empty() {
            Vec::new()
        } else {
            vec![
                text.get("feedback.col.id"),
                text.get("feedback.col.customer"),
                text.get("feedback.col.received"),
                text.get("feedback.col.next_reply"),
                text.get("feedback.cp.col.overdue_days"),
                text.get("feedback.col.handler"),
            ]
        },
        rows: overdue
            .iter()
            .map(|o| {
                vec![
                    o.id.clone(),
                    o.customer.clone(),
                    o.received.to_string(),
                    o.next_reply_date.map(|d| d.to_string()).unwrap_or_default(),
                    o.overdue_days.map(|d| d.to_string()).unwrap_or_default(),
                    o.handler.clone(),
                ]
            })
            .collect(),
        note: if overdue.is_empty() {
            text.get("feedback.html.no_overdue")
        } else {
            String::new()
        },
    };
    vec![feedback, complaints]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians() {
        assert_eq!(median(vec![]), None);
        assert_eq!(median(vec![5]), Some(5.0));
        assert_eq!(median(vec![9, 1, 3]), Some(3.0));
        assert_eq!(median(vec![4, 1, 3, 2]), Some(2.5));
    }

    #[test]
    fn sheet_names_fit_excel() {
        for lang in crate::base::i18n::Lang::ALL {
            let text = crate::commands::texts::catalogue(lang);
            for key in ["feedback.sheet", "feedback.cp.sheet"] {
                let name = text.get(key);
                assert!(name.chars().count() <= 31, "{name}");
                assert!(!name.contains(['[', ']', ':', '*', '?', '/', '\\']), "{name}");
            }
        }
    }
}
