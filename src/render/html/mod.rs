//! The HTML summaries: one for the manager (everything) and one per department (only its part),
//! each with a plain-text twin for the e-mail's text part.
//!
//! A summary must read the same in a browser, in Gmail, in Outlook on Windows (which lays HTML
//! out with Word) and in phone apps, so the template uses table layout and inline styles only: no
//! `<style>` block, no scripts, no external files, no SVG, no `data:` URIs; charts are table-cell
//! bars. The styles are written inline in `templates/summary.html` rather than inlined by a crate
//! (css-inline brings a browser's HTML parser and selector engine into the build for one file).
//! Media queries are not used either (many clients drop them): a page is fluid — at most 680 px
//! wide, never wider than the screen, its cards inline blocks that wrap, a block's rows written as
//! lines rather than wide tables, long words given invisible breaks (`wrap.rs`) — and Outlook on
//! Windows gets fixed-width tables of its own in `<!--[if mso]>` comments. `tools/email-check.mjs`
//! and `tools/phone-width.mjs` check the pages against caniemail and at 400 px.
//! Gmail clips a message past ~100 KB, so long lists are capped with a pointer to the workbook and
//! the caps shrink until the page fits. Phone numbers and birthdays are masked (SPEC 3) and every
//! cell text is escaped by tera's autoescaping of `.html` templates.
//!
//! The findings to act on first — in the reader's order, at most 50 lines, a duplicate number on
//! one line, no department left out — are `act_first.rs`'s.
//!
//! Which findings reach which department is [`Routing`]'s (`routing.rs`), which also makes a
//! department's part of the report for its workbook; the masking of personal data is
//! `report/mask.rs`'s (a department's workbook is masked alike); what a page shows, worded and
//! capped, is the template context's (`context.rs`).

mod act_first;
mod context;
mod routing;
mod wrap;

use std::path::Path;

use self::context::context;
pub use self::routing::{Audience, Routing};
use crate::report::Report;
use crate::settings::Attach;

pub const TEMPLATE: &str = include_str!("../../../templates/summary.html");
pub const TEXT_TEMPLATE: &str = include_str!("../../../templates/summary.txt");

/// Gmail clips a message body past 102 KB; stay below with room for the e-mail's headers.
pub const MAX_BYTES: usize = 95_000;

/// How many rows of each block a summary lists before pointing to the workbook. When a page does
/// not fit in [`MAX_BYTES`], the block rows are halved first, then the findings to act on first
/// ([`act_first::LINES`]).
const BLOCK_ROWS: usize = 15;

/// Catalogue texts of the summaries and the e-mail: key → [en, zh-Hant, zh-Hans].
pub static TEXTS: &[crate::base::i18n::Entry] = &[
    ("audience.manager", ["Manager", "經理", "经理"]),
    ("audience.sales", ["Sales", "銷售部", "销售部"]),
    ("audience.customer-service", ["Customer service", "客服部", "客服部"]),
    ("audience.guest-relations", ["Guest relations", "客戶關係部", "客户关系部"]),
    ("html.for", ["For", "收件部門", "收件部门"]),
    ("html.heading", ["{title} — {company}", "{company}{title}", "{company}{title}"]),
    ("html.page_title", ["{title} — {company} {period}", "{title}：{company}（{period}）", "{title}：{company}（{period}）"]),
    ("html.page_title_department", [
        "{title} — {company} {period} — {audience}",
        "{title}：{company}（{period}，{audience}）",
        "{title}：{company}（{period}，{audience}）",
    ]),
    ("punct.colon", [": ", "：", "："]),
    ("punct.open", [" (", "（", "（"]),
    ("punct.close", [")", "）", "）"]),
    // After a label: "Period: October 2026", "期間：2026年10月".
    ("html.colon", [": ", "：", "："]),
    ("html.intro_department", [
        "The check of the registers of {company} for {period} found {errors} error{errors|s}, {warnings} warning{warnings|s} and {infos} note{infos|s} for {department}.",
        "{company} {period}台帳檢查：{department}有 {errors} 項錯誤、{warnings} 項警告、{infos} 項提示。",
        "{company} {period}台账检查：{department}有 {errors} 项错误、{warnings} 项警告、{infos} 项提示。",
    ]),
    ("html.departments", ["By department", "各部門", "各部门"]),
    ("html.department", ["Department", "部門", "部门"]),
    ("html.department_none", [
        "No department has findings routed to it.",
        "沒有分派給任何部門的問題。",
        "没有分派给任何部门的问题。",
    ]),
    ("html.no_findings_department", [
        "No findings for your registers this month.",
        "本月貴部門的台帳沒有發現問題。",
        "本月贵部门的台账没有发现问题。",
    ]),
    ("html.no_findings_department@period", [
        "No findings for your registers in this period.",
        "本期貴部門的台帳沒有發現問題。",
        "本期贵部门的台账没有发现问题。",
    ]),
    ("html.rows_more", [
        "… and {n} more in the workbook.",
        "……另有 {n} 行，詳見工作簿。",
        "……另有 {n} 行，详见工作簿。",
    ]),
    ("html.masked", [
        "Phone numbers and birthdays are partly hidden in this summary; the workbook holds them in full.",
        "本摘要中的電話號碼和生日已部分隱藏，完整資料見工作簿。",
        "本摘要中的电话号码和生日已部分隐藏，完整信息见工作簿。",
    ]),
    ("html.intro", [
        "The check of the registers of {company} for {period} found {errors} error{errors|s}, {warnings} warning{warnings|s} and {infos} note{infos|s} in {rows} row{rows|s}.",
        "{company} {period}台帳檢查：共檢查 {rows} 行，發現 {errors} 項錯誤、{warnings} 項警告、{infos} 項提示。",
        "{company} {period}台账检查：共检查 {rows} 行，发现 {errors} 项错误、{warnings} 项警告、{infos} 项提示。",
    ]),
    ("html.top", ["Findings to act on first", "優先處理的問題", "优先处理的问题"]),
    ("html.group.error", ["{section}: {n} error{n|s}", "{section}：{n} 項錯誤", "{section}：{n} 项错误"]),
    ("html.group.warning", ["{section}: {n} warning{n|s}", "{section}：{n} 項警告", "{section}：{n} 项警告"]),
    ("html.group.info", ["{section}: {n} note{n|s}", "{section}：{n} 項提示", "{section}：{n} 项提示"]),
    ("html.count.error", ["{n} error{n|s}", "{n} 項錯誤", "{n} 项错误"]),
    ("html.count.warning", ["{n} warning{n|s}", "{n} 項警告", "{n} 项警告"]),
    ("html.count.info", ["{n} note{n|s}", "{n} 項提示", "{n} 项提示"]),
    ("html.notes_in_workbook", [
        "Notes ({n}) are listed in the workbook only.",
        "提示 {n} 項，僅列於工作簿。",
        "提示 {n} 项，仅列于工作簿。",
    ]),
    ("html.no_department", ["No department", "未分派部門", "未分派部门"]),
    ("html.group_in_workbook", [
        "Listed in the workbook.",
        "詳見工作簿。",
        "详见工作簿。",
    ]),
    ("html.more", ["… and {n} more in the workbook.", "……另有 {n} 項，詳見工作簿。", "……另有 {n} 项，详见工作簿。"]),
    ("html.attachment", [
        "Every finding, with a link to its cell, is in the workbook {file}.",
        "全部問題及對應儲存格的連結，請見工作簿 {file}。",
        "全部问题及对应单元格的链接，请见工作簿 {file}。",
    ]),
    ("html.attachment_part", [
        "Every finding of your registers, with its cell, is in the attached workbook {file}, which holds your part only.",
        "貴部門台帳的全部問題及對應儲存格，請見附件工作簿 {file}（只含貴部門的部分）。",
        "贵部门台账的全部问题及对应单元格，请见附件工作簿 {file}（只含贵部门的部分）。",
    ]),
    ("html.attachment_none", [
        "No workbook is attached to this message; every finding, with a link to its cell, is in the workbook {file} in the month's report folder.",
        "本郵件不附工作簿；全部問題及對應儲存格的連結，見當月報告資料夾中的工作簿 {file}。",
        "本邮件不附带工作簿；全部问题及对应单元格的链接，见当月报告文件夹中的工作簿 {file}。",
    ]),
    ("html.masked_part", [
        "Phone numbers and birthdays are partly hidden in this summary and in the attached workbook.",
        "本摘要及附件工作簿中的電話號碼和生日均已部分隱藏。",
        "本摘要及附件工作簿中的电话号码和生日均已部分隐藏。",
    ]),
    ("html.masked_none", [
        "Phone numbers and birthdays are partly hidden in this summary.",
        "本摘要中的電話號碼和生日已部分隱藏。",
        "本摘要中的电话号码和生日已部分隐藏。",
    ]),
];

/// The workbook a summary points its reader to (SPEC 3, `[email] attach`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Enclosure {
    /// The whole workbook: beside the page in the month's folder, or attached to its message.
    Whole,
    /// The department's part of the workbook, attached to its message (`Report::part`).
    Part,
    /// No workbook is attached to the message; the whole one stays in the month's folder.
    Nothing,
}

impl Enclosure {
    /// What goes with `audience`'s page: `email` is `[email] attach` for a run with `--email`
    /// (the pages are the messages' bodies), None for a run without (the pages are read beside
    /// the whole workbook). The manager's message carries the whole workbook unless `none`.
    pub fn of(email: Option<Attach>, audience: &Audience) -> Enclosure {
        match (email, audience) {
            (None, _) | (Some(Attach::Full), _) => Enclosure::Whole,
            (Some(Attach::None), _) => Enclosure::Nothing,
            (Some(Attach::Department), Audience::Manager) => Enclosure::Whole,
            (Some(Attach::Department), Audience::Department(_)) => Enclosure::Part,
        }
    }

    /// The workbook's file name: `clerk-2026-10.xlsx`; a department's part `clerk-2026-10-sales.xlsx`.
    pub fn workbook_name(self, report: &Report, audience: &Audience) -> String {
        match self {
            Enclosure::Part => format!("{}{}.xlsx", report.stem(), audience.suffix()),
            Enclosure::Whole | Enclosure::Nothing => format!("{}.xlsx", report.stem()),
        }
    }

    /// The line under the summary naming the workbook, and the one saying what is masked.
    fn keys(self) -> (&'static str, &'static str) {
        match self {
            Enclosure::Whole => ("html.attachment", "html.masked"),
            Enclosure::Part => ("html.attachment_part", "html.masked_part"),
            Enclosure::Nothing => ("html.attachment_none", "html.masked_none"),
        }
    }
}

/// A summary of one audience, ready to write or to send.
#[derive(Clone, Debug)]
pub struct Summary {
    pub audience: Audience,
    pub html: String,
    pub text: String,
}

/// `summary-2026-10.html`, `summary-2026-10-sales.html`.
pub fn file_name(period: &str, audience: &Audience) -> String {
    format!("summary-{period}{}.html", audience.suffix())
}

/// Renders every audience's summary: the manager's, then each department's. `email`: see
/// [`Enclosure::of`].
pub fn render_all(report: &Report, routing: &Routing, email: Option<Attach>) -> Result<Vec<Summary>, String> {
    routing
        .audiences()
        .into_iter()
        .map(|a| render(report, routing, &a, Enclosure::of(email, &a)))
        .collect()
}

/// Renders one audience's summary (HTML and text), shrinking its lists until the HTML fits in
/// [`MAX_BYTES`].
pub fn render(
    report: &Report,
    routing: &Routing,
    audience: &Audience,
    enclosure: Enclosure,
) -> Result<Summary, String> {
    let (mut top, mut rows) = (act_first::LINES, BLOCK_ROWS);
    loop {
        let ctx = context(report, routing, audience, enclosure, top, rows);
        let html = render_template("summary.html", TEMPLATE, &ctx)?;
        if html.len() <= MAX_BYTES || (top <= 1 && rows <= 1) {
            let text = render_template("summary.txt", TEXT_TEMPLATE, &ctx)?;
            return Ok(Summary {
                audience: audience.clone(),
                html,
                text,
            });
        }
        if rows > 1 {
            rows /= 2;
        } else {
            top = (top / 2).max(1);
        }
    }
}

fn render_template(name: &str, source: &str, ctx: &tera::Context) -> Result<String, String> {
    let mut tera = tera::Tera::default();
    tera.register_filter("breakable", wrap::filter);
    tera.add_raw_template(name, source)
        .map_err(|e| format!("template {name}: {e}"))?;
    tera.render(name, ctx).map_err(|e| {
        let mut msg = e.to_string();
        let mut source = std::error::Error::source(&e);
        while let Some(s) = source {
            msg.push_str(": ");
            msg.push_str(&s.to_string());
            source = s.source();
        }
        format!("template {name}: {msg}")
    })
}

/// Writes every audience's HTML summary into `dir`; returns the files written.
pub fn write_all(summaries: &[Summary], period: &str, dir: &Path) -> Result<Vec<std::path::PathBuf>, String> {
    let mut written = Vec::new();
    for s in summaries {
        let path = dir.join(file_name(period, &s.audience));
        super::write_atomically(&path, s.html.as_bytes())?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod file_names {
    use super::*;

    #[test]
    fn file_names_per_audience() {
        assert_eq!(file_name("2026-10", &Audience::Manager), "summary-2026-10.html");
        assert_eq!(
            file_name("2026-10", &Audience::Department("guest-relations".into())),
            "summary-2026-10-guest-relations.html"
        );
        assert_eq!(
            file_name("2026-10", &Audience::Department("a/b:c".into())),
            "summary-2026-10-a_b_c.html"
        );
    }
}
