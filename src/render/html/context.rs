//! The template context of a summary: what one audience's page shows, worded and capped.

use std::collections::BTreeMap;

use serde::Serialize;

use super::act_first::act_first;
use super::routing::{Audience, Routing};
use crate::base::i18n::Catalogue;
use crate::render::words::{one_line, period_words};
use crate::report::{mask_personal, HtmlBlock, Report, RuleRow};
use crate::rules::finding::{Finding, Severity};

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
pub(super) struct BlockView {
    title: String,
    figures: Vec<(String, String)>,
    columns: Vec<String>,
    rows: Vec<RowView>,
    more: String,
    note: String,
}

/// A row of a block: its cells (the text part writes them in a line), and as the HTML shows it at
/// any width — the first cell as the row's name, then each other non-blank cell after its column's
/// name.
#[derive(Serialize, Debug, PartialEq)]
pub(super) struct RowView {
    cells: Vec<String>,
    head: String,
    pairs: Vec<(String, String)>,
}

impl RowView {
    fn new(cells: Vec<String>, columns: &[String]) -> RowView {
        let head = cells.first().cloned().unwrap_or_default();
        let pairs = (columns.iter().zip(&cells).skip(1))
            .filter(|(_, v)| !v.trim().is_empty())
            .map(|(c, v)| (c.clone(), v.clone()))
            .collect();
        RowView { cells, head, pairs }
    }
}

/// The blocks as the template shows them: at most `rows_cap` rows each, with a line saying how
/// many more the workbook holds; cells under a phone or birthday column masked.
pub(super) fn block_views(
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
                    let cells = (row.into_iter().enumerate())
                        .map(|(i, cell)| mask(fields.get(i).copied().unwrap_or(""), &cell))
                        .collect();
                    RowView::new(cells, &b.columns)
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

/// Masks personal data in the text of a page when the settings ask for it, noting whether it did,
/// to say so under the summary.
struct Mask {
    masking: bool,
    masked_any: std::cell::Cell<bool>,
}

impl Mask {
    fn new(report: &Report) -> Self {
        Mask {
            masking: report.masks_personal_data(),
            masked_any: std::cell::Cell::new(false),
        }
    }

    fn apply(&self, field: &str, text: &str) -> String {
        if !self.masking {
            return text.to_string();
        }
        let masked = mask_personal(field, text);
        if masked != text {
            self.masked_any.set(true);
        }
        masked
    }
}

/// The page of `audience`: at most `top_cap` lines of findings to act on first and `rows_cap`
/// rows of each block.
pub(super) fn context(
    report: &Report,
    routing: &Routing,
    audience: &Audience,
    enclosure: super::Enclosure,
    top_cap: usize,
    rows_cap: usize,
) -> tera::Context {
    let text = report.text();
    let mask = Mask::new(report);
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
    let registers = register_lines(report, routing, department, &findings);
    let rows_covered: usize = registers.iter().map(|r| r.covered).sum();
    let (groups, left_out) = act_first(&text, routing, audience, &findings, top_cap, &|field, t| {
        mask.apply(field, t)
    });
    // The manager's page leaves the notes to the workbook.
    let more = match left_out {
        0 => String::new(),
        n => text.fmt("html.notes_in_workbook", &[("n", &n.to_string())]),
    };
    // The rule families' blocks: all for the manager, the owned families' for a department.
    let blocks = match department {
        None => report.html_blocks(),
        Some(d) => routing.blocks(d, report),
    };
    let blocks = block_views(blocks, &text, rows_cap, &|field, t| mask.apply(field, t));
    let departments = department_lines(report, routing, manager);

    let period_label = period_words(&report.period, &report.text());
    let audience_label = audience.label(&text);
    let intro = intro(report, &counts, rows_covered, &period_label, (manager, &audience_label));

    let mut ctx = tera::Context::new();
    let mut labels = labels(&text);
    labels.insert("report_title".into(), report.title.clone());
    // What the page says of the workbook is true of what goes with it (SPEC 3).
    let (attachment, masked) = enclosure.keys();
    let workbook_name = enclosure.workbook_name(report, audience);
    labels.insert("html_masked".into(), text.get(masked));
    ctx.insert("t", &labels);
    ctx.insert("empty_period", &report.empty_period_notice());
    insert_titles(&mut ctx, report, &period_label, (manager, &audience_label));
    ctx.insert("lang", report.lang.code());
    ctx.insert("company", &one_line(&report.company));
    ctx.insert("period", &report.period);
    ctx.insert("period_label", &period_label);
    ctx.insert("as_of", &report.as_of.to_string());
    ctx.insert("manager", &manager);
    ctx.insert("audience", &audience_label);
    ctx.insert("intro", &intro);
    // Since last month, from the history: the manager's summary says it in one line.
    let since = report.lifecycle.as_ref().filter(|_| manager);
    ctx.insert("since", &since.and_then(|l| l.headline(&text)));
    ctx.insert("counts", &counts);
    ctx.insert("total", &findings.len());
    ctx.insert("registers", &registers);
    ctx.insert("departments", &departments);
    ctx.insert("rules", &rule_bars(report, routing, department, &findings));
    ctx.insert("groups", &groups);
    ctx.insert("more", &more);
    ctx.insert("skipped", if manager { &report.skipped[..] } else { &[] });
    ctx.insert("blocks", &blocks);
    ctx.insert("masked", &mask.masked_any.get());
    ctx.insert("attachment", &text.fmt(attachment, &[("file", &workbook_name)]));
    let made_by = text.fmt("report.made_by", &[("version", crate::report::VERSION)]);
    ctx.insert("made_by", &made_by);
    ctx
}

/// The page's title and heading, and the punctuation the templates put between a label and its
/// value, in the report language (`期間：`, not `期間: `).
fn insert_titles(ctx: &mut tera::Context, report: &Report, period: &str, (manager, audience): (bool, &str)) {
    let text = report.text();
    let title = report.title.clone();
    let company = one_line(&report.company);
    let named = [("title", title.as_str()), ("company", &company), ("period", period)];
    ctx.insert("heading", &text.fmt("html.heading", &named));
    let page_title = match manager {
        true => text.fmt("html.page_title", &named),
        false => text.fmt(
            "html.page_title_department",
            &[named.as_slice(), &[("audience", audience)]].concat(),
        ),
    };
    ctx.insert("page_title", &page_title);
    for (name, key) in [
        ("colon", "punct.colon"),
        ("open", "punct.open"),
        ("close", "punct.close"),
    ] {
        ctx.insert(name, &text.get(key));
    }
}

/// The line opening the page: the findings of the month, the department's for a department.
fn intro(report: &Report, counts: &Tally, rows: usize, period: &str, (manager, audience): (bool, &str)) -> String {
    let text = report.text();
    let numbers = [
        ("company", one_line(&report.company)),
        ("period", period.to_string()),
        ("errors", counts.errors.to_string()),
        ("warnings", counts.warnings.to_string()),
        ("infos", counts.infos.to_string()),
        ("rows", rows.to_string()),
        ("department", audience.to_string()),
    ];
    let args: Vec<(&str, &str)> = numbers.iter().map(|(k, v)| (*k, v.as_str())).collect();
    text.fmt(if manager { "html.intro" } else { "html.intro_department" }, &args)
}

/// The labels the templates use, by key with `_` for `.` (`t.col_rule`).
fn labels(text: &Catalogue) -> BTreeMap<String, String> {
    let keys = [
        "report.period",
        "report.as_of",
        "summary.registers",
        "summary.by_rule",
        "summary.skipped",
        "summary.no_findings",
        "html.top",
        "html.for",
        "html.colon",
        "html.departments",
        "html.department",
        "html.no_findings_department",
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
    keys.iter().map(|k| (k.replace('.', "_"), text.get(k))).collect()
}

/// The registers: all for the manager; a department's own and those its findings are about.
fn register_lines<'a>(
    report: &'a Report,
    routing: &Routing,
    department: Option<&str>,
    findings: &[&Finding],
) -> Vec<RegisterLine<'a>> {
    (report.registers.iter())
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
        .collect()
}

/// Findings by rule: every rule for the manager; a department's rules and any with findings.
fn rule_bars<'a>(
    report: &'a Report,
    routing: &Routing,
    department: Option<&str>,
    findings: &[&Finding],
) -> Vec<RuleBar<'a>> {
    let mut by_rule: BTreeMap<&str, usize> = BTreeMap::new();
    for f in findings {
        *by_rule.entry(f.rule).or_default() += 1;
    }
    let shown: Vec<(&RuleRow, usize)> = (report.rules.iter())
        .map(|r| (r, by_rule.get(r.id).copied().unwrap_or(0)))
        .filter(|(r, n)| match department {
            None => true,
            Some(d) => *n > 0 || routing.names_rule(d, r.id),
        })
        .collect();
    let max = shown.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    (shown.iter())
        .map(|(r, n)| RuleBar {
            id: r.id,
            title: &r.title,
            count: *n,
            width: n * 100 / max,
        })
        .collect()
}

/// The manager's table of departments, with the findings routed to each (none on a department's page).
fn department_lines(report: &Report, routing: &Routing, manager: bool) -> Vec<DepartmentLine> {
    if !manager {
        return Vec::new();
    }
    let text = report.text();
    (routing.departments().into_iter())
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::i18n::Lang;

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
        assert_eq!(views[0].rows[0].cells, ["G-0000", "138****5678", "**-03-14"]);
        assert_eq!(views[0].rows[0].head, "G-0000");
        assert_eq!(
            views[0].rows[0].pairs[0],
            (views[0].columns[1].clone(), "138****5678".into())
        );
        assert_eq!(views[0].more, "……另有 25 行，詳見工作簿。");
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
}
