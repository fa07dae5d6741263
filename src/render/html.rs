//! The HTML summaries: one for the manager (everything) and one per department (only its part),
//! each with a plain-text twin for the e-mail's text part.
//!
//! A summary must read the same in a browser, in Gmail, in Outlook on Windows (which lays HTML
//! out with Word) and in phone apps, so the template uses table layout and inline styles only: no
//! `<style>` block, no scripts, no external files, no SVG, no `data:` URIs; charts are table-cell
//! bars. The styles are written inline in `templates/summary.html` rather than inlined by a crate
//! (css-inline brings a browser's HTML parser and selector engine into the build for one file).
//! Gmail clips a message past ~100 KB, so long lists are capped with a pointer to the workbook and
//! the caps shrink until the page fits. Phone numbers and birthdays are masked (SPEC 3) and every
//! cell text is escaped by tera's autoescaping of `.html` templates.
//!
//! Routing (SPEC 5, `[departments]`): a finding goes to each department whose list names its
//! rule id or a prefix of it. A finding of a rule no department names (the generic RG rules) goes
//! to the department that owns the register it is about — the one that receives that register's
//! whole rule family (contracts and amendments: CR; feedback: FB, CP; guests, visits and
//! call-backs: GH) — so that the people who keep a register hear about its blank and unreadable
//! cells. A department's page also holds the HTML blocks of the families it owns.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use crate::base::i18n::{Catalogue, Lang};
use crate::registers::Kind;
use crate::report::{HtmlBlock, Report};
use crate::rules::finding::{Finding, Severity};
use crate::values;

pub const TEMPLATE: &str = include_str!("../../templates/summary.html");
pub const TEXT_TEMPLATE: &str = include_str!("../../templates/summary.txt");

/// Gmail clips a message body past 102 KB; stay below with room for the e-mail's headers.
pub const MAX_BYTES: usize = 95_000;

/// How many findings and block rows a summary lists before pointing to the workbook; halved
/// until the page fits in [`MAX_BYTES`].
const TOP_FINDINGS: usize = 25;
const BLOCK_ROWS: usize = 15;

/// Catalogue texts of the summaries and the e-mail: key → [en, zh-Hant, zh-Hans].
pub static TEXTS: &[crate::base::i18n::Entry] = &[
    ("audience.manager", ["Manager", "經理", "经理"]),
    ("audience.sales", ["Sales", "銷售部", "销售部"]),
    ("audience.customer-service", ["Customer service", "客服部", "客服部"]),
    ("audience.guest-relations", ["Guest relations", "客戶關係部", "客户关系部"]),
    ("html.for", ["For", "收件部門", "收件部门"]),
    ("html.intro_department", [
        "The monthly check of the registers of {company} for {period} found {errors} error{errors|s}, {warnings} warning{warnings|s} and {infos} note{infos|s} for {department}.",
        "{company} {period} 台帳月度檢查:{department}有 {errors} 項錯誤、{warnings} 項警告、{infos} 項提示。",
        "{company} {period} 台账月度检查:{department}有 {errors} 项错误、{warnings} 项警告、{infos} 项提示。",
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
    ("html.rows_more", [
        "… and {n} more in the workbook.",
        "……另有 {n} 行,詳見工作簿。",
        "……另有 {n} 行,详见工作簿。",
    ]),
    ("html.masked", [
        "Phone numbers and birthdays are partly hidden in this summary; the workbook holds them in full.",
        "本摘要中的電話號碼和生日已部分隱藏,完整資料見工作簿。",
        "本摘要中的电话号码和生日已部分隐藏,完整资料见工作簿。",
    ]),
    ("period.month", ["{month} {year}", "{year}年{month}月", "{year}年{month}月"]),
    ("period.quarter", ["Q{quarter} {year}", "{year}年第{quarter}季", "{year}年第{quarter}季度"]),
    ("period.half1", ["first half of {year}", "{year}年上半年", "{year}年上半年"]),
    ("period.half2", ["second half of {year}", "{year}年下半年", "{year}年下半年"]),
    ("period.year", ["{year}", "{year}年", "{year}年"]),
    ("html.intro", [
        "The monthly check of the registers of {company} for {period} found {errors} error{errors|s}, {warnings} warning{warnings|s} and {infos} note{infos|s} in {rows} row{rows|s}.",
        "{company} {period} 台帳月度檢查:{rows} 行中發現 {errors} 項錯誤、{warnings} 項警告、{infos} 項提示。",
        "{company} {period} 台账月度检查:{rows} 行中发现 {errors} 项错误、{warnings} 项警告、{infos} 项提示。",
    ]),
    ("html.top", ["Findings to act on first", "優先處理的問題", "优先处理的问题"]),
    ("html.more", ["… and {n} more in the workbook.", "……另有 {n} 項,詳見工作簿。", "……另有 {n} 项,详见工作簿。"]),
    ("html.attachment", [
        "Every finding, with a link to its cell, is in the workbook {file}.",
        "全部問題及其儲存格連結見工作簿 {file}。",
        "全部问题及其单元格链接见工作簿 {file}。",
    ]),
];

/// Who a summary is for.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Audience {
    Manager,
    /// A department named in `[departments]`.
    Department(String),
}

impl Audience {
    /// `manager`, or the department's name as the settings write it.
    pub fn id(&self) -> &str {
        match self {
            Audience::Manager => "manager",
            Audience::Department(name) => name,
        }
    }

    /// The audience's name in the report language; a department the catalogue does not know is
    /// shown as the settings name it.
    pub fn label(&self, text: &Catalogue) -> String {
        let key = format!("audience.{}", self.id());
        if text.has(&key) {
            text.get(&key)
        } else {
            self.id().to_string()
        }
    }

    /// What the audience's file names end with: nothing for the manager, `-sales` for a
    /// department. Characters a file name cannot hold on Windows become `_`.
    pub fn suffix(&self) -> String {
        match self {
            Audience::Manager => String::new(),
            Audience::Department(name) => {
                let safe: String = name
                    .chars()
                    .map(|c| {
                        if c.is_control() || "/\\:*?\"<>|".contains(c) {
                            '_'
                        } else {
                            c
                        }
                    })
                    .collect();
                format!("-{}", safe.trim_matches(['.', ' ']))
            }
        }
    }
}

/// `summary-2026-10.html`, `summary-2026-10-sales.html`.
pub fn file_name(period: &str, audience: &Audience) -> String {
    format!("summary-{period}{}.html", audience.suffix())
}

/// A rule family: the rule-id prefixes it uses, the registers it reads, its HTML blocks.
struct Family {
    prefixes: &'static [&'static str],
    registers: &'static [Kind],
    blocks: fn(&Report) -> Vec<HtmlBlock>,
}

static FAMILIES: [Family; 3] = [
    Family {
        prefixes: &["CR"],
        registers: &[Kind::Contracts, Kind::Amendments],
        blocks: crate::report::contracts::html_blocks,
    },
    Family {
        prefixes: &["FB", "CP"],
        registers: &[Kind::Feedback],
        blocks: crate::report::feedback::html_blocks,
    },
    Family {
        prefixes: &["GH"],
        registers: &[Kind::Guests, Kind::Visits, Kind::Callbacks],
        blocks: crate::report::guests::html_blocks,
    },
];

fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.len() >= prefix.len()
        && text.is_char_boundary(prefix.len())
        && text[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// Which department receives which findings (`[departments]`: department → rule ids or prefixes).
#[derive(Clone, Debug)]
pub struct Routing {
    departments: Vec<(String, Vec<String>)>,
}

impl Routing {
    pub fn new(departments: &BTreeMap<String, Vec<String>>) -> Routing {
        Routing {
            departments: departments
                .iter()
                .map(|(name, entries)| {
                    let entries = entries
                        .iter()
                        .map(|e| e.trim().to_string())
                        .filter(|e| !e.is_empty())
                        .collect();
                    (name.clone(), entries)
                })
                .collect(),
        }
    }

    fn entries(&self, department: &str) -> &[String] {
        self.departments
            .iter()
            .find(|(name, _)| name == department)
            .map(|(_, e)| e.as_slice())
            .unwrap_or(&[])
    }

    /// The department's list names the rule id or a prefix of it.
    fn names_rule(&self, department: &str, rule: &str) -> bool {
        self.entries(department)
            .iter()
            .any(|e| starts_with_ignore_case(rule, e))
    }

    /// The department receives the whole family: an entry is one of the family's prefixes or a
    /// prefix of one (`CR`, `C`). An entry naming single rules (`CR02`) routes just those.
    fn owns(&self, department: &str, family: &Family) -> bool {
        self.entries(department)
            .iter()
            .any(|e| family.prefixes.iter().any(|p| starts_with_ignore_case(p, e)))
    }

    fn owns_register(&self, department: &str, kind: Kind) -> bool {
        FAMILIES
            .iter()
            .any(|f| f.registers.contains(&kind) && self.owns(department, f))
    }

    /// Departments with rules routed to them, in the settings' order (by name): each gets a page.
    pub fn departments(&self) -> Vec<&str> {
        self.departments
            .iter()
            .filter(|(name, _)| {
                FAMILIES.iter().any(|f| self.owns(name, f))
                    || crate::rules::registry::all().any(|r| self.names_rule(name, r.id()))
            })
            .map(|(name, _)| name.as_str())
            .collect()
    }

    /// The manager, then each department with rules routed to it.
    pub fn audiences(&self) -> Vec<Audience> {
        std::iter::once(Audience::Manager)
            .chain(
                self.departments()
                    .into_iter()
                    .map(|d| Audience::Department(d.to_string())),
            )
            .collect()
    }

    /// Does the finding belong on the department's page?
    pub fn routes(&self, department: &str, finding: &Finding) -> bool {
        if self.names_rule(department, finding.rule) {
            return true;
        }
        let named_elsewhere = self.departments.iter().any(|(d, _)| self.names_rule(d, finding.rule));
        !named_elsewhere && self.owns_register(department, finding.register)
    }

    fn sees(&self, audience: &Audience, finding: &Finding) -> bool {
        match audience {
            Audience::Manager => true,
            Audience::Department(d) => self.routes(d, finding),
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

/// Hides phone numbers (`138****5678`) and birthdays (`**-03-14`) in text shown in HTML.
pub fn mask_personal(field: &str, text: &str) -> String {
    match field {
        "phone" => mask_digit_runs(text),
        "birthday" => mask_years(text),
        _ => text.to_string(),
    }
}

fn mask_digit_runs(text: &str) -> String {
    let mut out = String::new();
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        if run.len() >= 7 {
            out.push_str(&values::mask_phone(run));
        } else {
            out.push_str(run);
        }
        run.clear();
    };
    for c in text.chars() {
        if c.is_ascii_digit() {
            run.push(c);
        } else if (c == '-' || c == ' ') && !run.is_empty() {
            // keep grouping inside a number out of the masked output
            continue;
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

fn mask_years(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let is_year = i + 4 < chars.len()
            && chars[i..i + 4].iter().all(char::is_ascii_digit)
            && matches!(chars[i + 4], '-' | '/' | '.' | '年')
            && (i == 0 || !chars[i - 1].is_ascii_digit());
        if is_year {
            out.push_str("**");
            i += 4;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// The period in words: `October 2026`, `2026年10月`, `Q3 2026`, `2026年下半年`.
pub fn period_words(period: &str, text: &Catalogue) -> String {
    let lang = text.lang;
    let (year, rest) = match period.split_once('-') {
        Some((y, r)) => (y, Some(r)),
        None => (period, None),
    };
    match rest {
        None if year.len() == 4 => text.fmt("period.year", &[("year", year)]),
        Some(q) if q.starts_with('Q') => text.fmt("period.quarter", &[("year", year), ("quarter", &q[1..])]),
        Some("H1") => text.fmt("period.half1", &[("year", year)]),
        Some("H2") => text.fmt("period.half2", &[("year", year)]),
        Some(m) => match (year.parse::<i32>(), m.parse::<u32>()) {
            (Ok(y), Ok(n)) => {
                let month = match (lang, chrono::NaiveDate::from_ymd_opt(y, n, 1)) {
                    (Lang::En, Some(d)) => d.format("%B").to_string(),
                    _ => n.to_string(),
                };
                text.fmt("period.month", &[("year", year), ("month", &month)])
            }
            _ => period.to_string(),
        },
        None => period.to_string(),
    }
}

#[derive(Serialize)]
struct Row<'a> {
    severity: &'static str,
    severity_text: String,
    rule: &'static str,
    register: String,
    record: &'a str,
    location: String,
    message: String,
}

#[derive(Serialize)]
struct RuleBar<'a> {
    id: &'static str,
    title: &'a str,
    count: usize,
    /// Bar width in percent of the largest count.
    width: usize,
}

#[derive(Serialize, Default)]
struct Tally {
    errors: usize,
    warnings: usize,
    infos: usize,
}

impl Tally {
    fn add(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Info => self.infos += 1,
        }
    }
}

#[derive(Serialize)]
struct RegisterLine<'a> {
    label: &'a str,
    present: bool,
    absent_text: &'a str,
    covered: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
}

#[derive(Serialize)]
struct DepartmentLine {
    label: String,
    errors: usize,
    warnings: usize,
    infos: usize,
}

/// An [`HtmlBlock`] as the template shows it: rows capped, personal data masked.
#[derive(Serialize)]
struct BlockView {
    title: String,
    figures: Vec<(String, String)>,
    columns: Vec<String>,
    rows: Vec<Vec<String>>,
    more: String,
    note: String,
}

/// The blocks as the template shows them: at most `rows_cap` rows each, with a line saying how
/// many more the workbook holds; cells under a phone or birthday column masked.
fn block_views(
    blocks: Vec<HtmlBlock>,
    text: &Catalogue,
    rows_cap: usize,
    mask: &dyn Fn(&str, &str) -> String,
) -> Vec<BlockView> {
    let phone = crate::registers::texts::field_label(text, "phone");
    let birthday = crate::registers::texts::field_label(text, "birthday");
    blocks
        .into_iter()
        .map(|b| {
            let fields: Vec<&str> = b
                .columns
                .iter()
                .map(|c| match c {
                    c if *c == phone => "phone",
                    c if *c == birthday => "birthday",
                    _ => "",
                })
                .collect();
            let hidden = b.rows.len().saturating_sub(rows_cap);
            let rows = b
                .rows
                .into_iter()
                .take(rows_cap)
                .map(|row| {
                    row.into_iter()
                        .enumerate()
                        .map(|(i, cell)| mask(fields.get(i).copied().unwrap_or(""), &cell))
                        .collect()
                })
                .collect();
            BlockView {
                title: b.title,
                figures: b.figures,
                columns: b.columns,
                rows,
                more: if hidden > 0 {
                    text.fmt("html.rows_more", &[("n", &hidden.to_string())])
                } else {
                    String::new()
                },
                note: b.note,
            }
        })
        .collect()
}

/// Renders every audience's summary: the manager's, then each department's.
pub fn render_all(report: &Report, routing: &Routing, workbook_name: &str) -> Result<Vec<Summary>, String> {
    routing
        .audiences()
        .into_iter()
        .map(|a| render(report, routing, &a, workbook_name))
        .collect()
}

/// Renders one audience's summary (HTML and text), shrinking its lists until the HTML fits in
/// [`MAX_BYTES`].
pub fn render(report: &Report, routing: &Routing, audience: &Audience, workbook_name: &str) -> Result<Summary, String> {
    let (mut top, mut rows) = (TOP_FINDINGS, BLOCK_ROWS);
    loop {
        let ctx = context(report, routing, audience, workbook_name, top, rows);
        let html = render_template("summary.html", TEMPLATE, &ctx)?;
        if html.len() <= MAX_BYTES || (top <= 1 && rows <= 1) {
            let text = render_template("summary.txt", TEXT_TEMPLATE, &ctx)?;
            return Ok(Summary {
                audience: audience.clone(),
                html,
                text,
            });
        }
        top = (top / 2).max(1);
        rows = (rows / 2).max(1);
    }
}

fn render_template(name: &str, source: &str, ctx: &tera::Context) -> Result<String, String> {
    let mut tera = tera::Tera::default();
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

fn context(
    report: &Report,
    routing: &Routing,
    audience: &Audience,
    workbook_name: &str,
    top_cap: usize,
    rows_cap: usize,
) -> tera::Context {
    let text = report.text();
    let masking = report.settings_json["report"]["mask_personal_data"]
        .as_bool()
        .unwrap_or(true);
    // Notes whether anything was masked, to say so under the summary.
    let masked_any = std::cell::Cell::new(false);
    let mask = |field: &str, t: &str| {
        if masking {
            let m = mask_personal(field, t);
            if m != t {
                masked_any.set(true);
            }
            m
        } else {
            t.to_string()
        }
    };
    let manager = *audience == Audience::Manager;
    let department = match audience {
        Audience::Manager => None,
        Audience::Department(d) => Some(d.as_str()),
    };
    let findings: Vec<&Finding> = report.findings.iter().filter(|f| routing.sees(audience, f)).collect();

    let mut counts = Tally::default();
    for f in &findings {
        counts.add(f.severity);
    }

    // Registers: all for the manager; a department's own and those its findings are about.
    let registers: Vec<RegisterLine> = report
        .registers
        .iter()
        .filter(|r| match department {
            None => true,
            Some(d) => routing.owns_register(d, r.kind) || findings.iter().any(|f| f.register == r.kind),
        })
        .map(|r| {
            let mut tally = Tally::default();
            for f in findings.iter().filter(|f| f.register == r.kind) {
                tally.add(f.severity);
            }
            RegisterLine {
                label: &r.label,
                present: r.present,
                absent_text: &r.absent_text,
                covered: r.covered,
                errors: tally.errors,
                warnings: tally.warnings,
                infos: tally.infos,
            }
        })
        .collect();
    let rows_covered: usize = registers.iter().map(|r| r.covered).sum();

    // Findings by rule: every rule for the manager; a department's rules and any with findings.
    let mut by_rule: BTreeMap<&str, usize> = BTreeMap::new();
    for f in &findings {
        *by_rule.entry(f.rule).or_default() += 1;
    }
    let shown_rules: Vec<(&crate::report::RuleRow, usize)> = report
        .rules
        .iter()
        .map(|r| (r, by_rule.get(r.id).copied().unwrap_or(0)))
        .filter(|(r, n)| match department {
            None => true,
            Some(d) => *n > 0 || routing.names_rule(d, r.id),
        })
        .collect();
    let max = shown_rules.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    let bars: Vec<RuleBar> = shown_rules
        .iter()
        .map(|(r, n)| RuleBar {
            id: r.id,
            title: &r.title,
            count: *n,
            width: n * 100 / max,
        })
        .collect();

    // The findings to act on first: errors, then warnings (the manager's page leaves notes to the
    // workbook; a department's lists them too, as its to-do list).
    // (In report order within a severity: a pass over the findings per severity, which stops
    // once the list is full, instead of sorting a hundred thousand of them for a few dozen.)
    let floor = if manager { Severity::Warning } else { Severity::Info };
    let top: Vec<Row> = [Severity::Error, Severity::Warning, Severity::Info]
        .into_iter()
        .filter(|s| *s >= floor)
        .flat_map(|s| findings.iter().filter(move |f| f.severity == s))
        .take(top_cap)
        .map(|f| Row {
            severity: f.severity.id(),
            severity_text: text.get(&format!("severity.{}", f.severity.id())),
            rule: f.rule,
            register: f.register.label(&text),
            record: &f.record,
            location: f.location.place(),
            message: mask(&f.field, &f.message),
        })
        .collect();
    let remaining = findings.len() - top.len();
    let more = if remaining > 0 {
        text.fmt("html.more", &[("n", &remaining.to_string())])
    } else {
        String::new()
    };

    // The rule families' blocks: all for the manager, the owned families' for a department.
    let blocks: Vec<HtmlBlock> = match department {
        None => report.html_blocks(),
        Some(d) => FAMILIES
            .iter()
            .filter(|f| routing.owns(d, f))
            .flat_map(|f| (f.blocks)(report))
            .collect(),
    };
    let blocks = block_views(blocks, &text, rows_cap, &mask);

    // The manager's table of departments.
    let departments: Vec<DepartmentLine> = if manager {
        routing
            .departments()
            .into_iter()
            .map(|d| {
                let mut tally = Tally::default();
                for f in report.findings.iter().filter(|f| routing.routes(d, f)) {
                    tally.add(f.severity);
                }
                DepartmentLine {
                    label: Audience::Department(d.to_string()).label(&text),
                    errors: tally.errors,
                    warnings: tally.warnings,
                    infos: tally.infos,
                }
            })
            .collect()
    } else {
        Vec::new()
    };

    let keys = [
        "report.title",
        "report.period",
        "report.as_of",
        "summary.registers",
        "summary.by_rule",
        "summary.skipped",
        "summary.no_findings",
        "html.top",
        "html.for",
        "html.departments",
        "html.department",
        "html.no_findings_department",
        "html.masked",
        "col.register",
        "col.rows",
        "col.rows_covered",
        "col.errors",
        "col.warnings",
        "col.infos",
        "col.rule",
        "col.title",
        "col.findings",
        "col.severity",
        "col.record",
        "col.cell",
        "col.message",
        "col.file",
        "col.sheet",
        "col.reason",
        "col.note",
    ];
    let labels: BTreeMap<String, String> = keys.iter().map(|k| (k.replace('.', "_"), text.get(k))).collect();
    let period_label = period_words(&report.period, &report.text());
    let audience_label = audience.label(&text);
    let numbers = [
        ("company", crate::render::eml::one_line(&report.company)),
        ("period", period_label.clone()),
        ("errors", counts.errors.to_string()),
        ("warnings", counts.warnings.to_string()),
        ("infos", counts.infos.to_string()),
        ("rows", rows_covered.to_string()),
        ("department", audience_label.clone()),
    ];
    let args: Vec<(&str, &str)> = numbers.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let intro = if manager {
        text.fmt("html.intro", &args)
    } else {
        text.fmt("html.intro_department", &args)
    };

    let mut ctx = tera::Context::new();
    ctx.insert("t", &labels);
    ctx.insert("lang", report.lang.code());
    ctx.insert("company", &crate::render::eml::one_line(&report.company));
    ctx.insert("period", &report.period);
    ctx.insert("period_label", &period_label);
    ctx.insert("as_of", &report.as_of.to_string());
    ctx.insert("manager", &manager);
    ctx.insert("audience", &audience_label);
    ctx.insert("intro", &intro);
    ctx.insert("counts", &counts);
    ctx.insert("total", &findings.len());
    ctx.insert("registers", &registers);
    ctx.insert("departments", &departments);
    ctx.insert("rules", &bars);
    ctx.insert("top", &top);
    ctx.insert("more", &more);
    ctx.insert("skipped", if manager { &report.skipped[..] } else { &[] });
    ctx.insert("blocks", &blocks);
    ctx.insert("masked", &masked_any.get());
    ctx.insert("attachment", &text.fmt("html.attachment", &[("file", workbook_name)]));
    ctx.insert(
        "made_by",
        &text.fmt("report.made_by", &[("version", crate::report::VERSION)]),
    );
    ctx
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
mod tests {
    use super::*;
    use crate::commands::texts::catalogue;

    #[test]
    fn phones_and_birthdays_are_masked() {
        assert_eq!(
            mask_personal("phone", "電話「138-1234-5678x」無法讀取"),
            "電話「138****5678x」無法讀取"
        );
        assert_eq!(mask_personal("birthday", "生日 1980-03-14 晚於"), "生日 **-03-14 晚於");
        assert_eq!(mask_personal("customer", "138-1234-5678"), "138-1234-5678");
    }

    fn routing(pairs: &[(&str, &[&str])]) -> Routing {
        Routing::new(
            &pairs
                .iter()
                .map(|(d, e)| (d.to_string(), e.iter().map(|s| s.to_string()).collect()))
                .collect(),
        )
    }

    fn finding(rule: &'static str, register: Kind) -> Finding {
        Finding {
            rule,
            severity: Severity::Error,
            register,
            record: "X".into(),
            location: crate::registers::Location {
                file: "f.xlsx".into(),
                sheet: "s".into(),
                layout: crate::registers::Layout::Grid,
                row: 2,
                column: Some(0),
            },
            field: "id".into(),
            message: "m".into(),
            clause: "1",
        }
    }

    #[test]
    fn findings_go_to_the_department_named_for_their_rule() {
        let r = routing(&[
            ("sales", &["CR"]),
            ("customer-service", &["FB", "CP"]),
            ("guest-relations", &["GH"]),
        ]);
        assert!(r.routes("sales", &finding("CR02", Kind::Contracts)));
        assert!(!r.routes("customer-service", &finding("CR02", Kind::Contracts)));
        assert!(r.routes("customer-service", &finding("CP01", Kind::Feedback)));
        assert!(r.routes("guest-relations", &finding("GH05", Kind::Visits)));
        // Generic findings go to the owner of the register.
        assert!(r.routes("sales", &finding("RG01", Kind::Amendments)));
        assert!(r.routes("customer-service", &finding("RG02", Kind::Feedback)));
        assert!(r.routes("guest-relations", &finding("RG03", Kind::Callbacks)));
        assert!(!r.routes("sales", &finding("RG03", Kind::Callbacks)));
        assert_eq!(r.departments(), vec!["customer-service", "guest-relations", "sales"]);
    }

    #[test]
    fn a_rule_named_by_a_department_goes_there_only() {
        let r = routing(&[("sales", &["CR"]), ("quality", &["RG01", "cr07"])]);
        assert!(r.routes("quality", &finding("RG01", Kind::Contracts)));
        assert!(!r.routes("sales", &finding("RG01", Kind::Contracts)));
        // Named by both: both get it.
        assert!(r.routes("sales", &finding("CR07", Kind::Amendments)));
        assert!(r.routes("quality", &finding("CR07", Kind::Amendments)));
        // RG02 is named by no one: the register's owner gets it, not a department with one rule.
        assert!(r.routes("sales", &finding("RG02", Kind::Contracts)));
        assert!(!r.routes("quality", &finding("RG02", Kind::Contracts)));
        assert_eq!(r.departments(), vec!["quality", "sales"]);
    }

    #[test]
    fn departments_without_rules_get_no_page() {
        let r = routing(&[("sales", &["CR"]), ("finance", &["XX"]), ("empty", &[])]);
        assert_eq!(r.departments(), vec!["sales"]);
        assert_eq!(
            r.audiences(),
            vec![Audience::Manager, Audience::Department("sales".into())]
        );
    }

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

    #[test]
    fn long_blocks_are_capped_and_personal_columns_masked() {
        let text = crate::commands::texts::catalogue(Lang::ZhHant);
        let block = HtmlBlock {
            title: "重點客人".into(),
            figures: vec![("A 類".into(), "5".into())],
            columns: vec![
                crate::registers::texts::field_label(&text, "guest_id"),
                crate::registers::texts::field_label(&text, "phone"),
                crate::registers::texts::field_label(&text, "birthday"),
            ],
            rows: (0..40)
                .map(|i| vec![format!("G-{i:04}"), "138-1234-5678".into(), "1980-03-14".into()])
                .collect(),
            note: String::new(),
        };
        let views = block_views(vec![block], &text, 15, &mask_personal);
        assert_eq!(views[0].rows.len(), 15);
        assert_eq!(views[0].rows[0], vec!["G-0000", "138****5678", "**-03-14"]);
        assert_eq!(views[0].more, "……另有 25 行,詳見工作簿。");
        let views = block_views(
            vec![HtmlBlock {
                rows: vec![vec!["x".into()]],
                ..HtmlBlock::default()
            }],
            &text,
            15,
            &mask_personal,
        );
        assert!(views[0].more.is_empty());
    }

    #[test]
    fn the_top_findings_are_errors_then_warnings_each_in_report_order() {
        let mut findings = Vec::new();
        for (record, severity) in [
            ("W1", Severity::Warning),
            ("E1", Severity::Error),
            ("I1", Severity::Info),
            ("E2", Severity::Error),
            ("W2", Severity::Warning),
        ] {
            findings.push(Finding {
                severity,
                record: record.into(),
                ..finding("CR02", Kind::Contracts)
            });
        }
        let report = Report {
            company: "Co".into(),
            period: "2026-10".into(),
            as_of: chrono::NaiveDate::from_ymd_opt(2026, 10, 31).unwrap(),
            lang: Lang::En,
            catalogue: catalogue(Lang::En),
            currency: "CNY".into(),
            inputs: Vec::new(),
            skipped: Vec::new(),
            findings,
            registers: Vec::new(),
            rules: Vec::new(),
            counts: Default::default(),
            settings: Vec::new(),
            settings_json: serde_json::Value::Null,
            settings_source: String::new(),
            inbox: Default::default(),
            out_dir: None,
            contracts: Default::default(),
            feedback: Default::default(),
            guests: Default::default(),
            trend: Vec::new(),
        };
        let r = routing(&[("sales", &["CR"])]);
        let top = |audience: &Audience, cap: usize| -> Vec<String> {
            let ctx = context(&report, &r, audience, "book.xlsx", cap, 10).into_json();
            ctx["top"]
                .as_array()
                .unwrap()
                .iter()
                .map(|row| row["record"].as_str().unwrap().to_string())
                .collect()
        };
        // The manager's list leaves the notes to the workbook; a department's lists them last.
        assert_eq!(top(&Audience::Manager, 10), ["E1", "E2", "W1", "W2"]);
        let sales = Audience::Department("sales".into());
        assert_eq!(top(&sales, 10), ["E1", "E2", "W1", "W2", "I1"]);
        assert_eq!(top(&sales, 3), ["E1", "E2", "W1"]);
    }

    #[test]
    fn periods_in_words() {
        assert_eq!(period_words("2026-10", &catalogue(Lang::En)), "October 2026");
        assert_eq!(period_words("2026-10", &catalogue(Lang::ZhHant)), "2026年10月");
        assert_eq!(period_words("2026-Q3", &catalogue(Lang::ZhHans)), "2026年第3季度");
        assert_eq!(period_words("2026-H2", &catalogue(Lang::En)), "second half of 2026");
        assert_eq!(period_words("2026", &catalogue(Lang::ZhHant)), "2026年");
    }
}
