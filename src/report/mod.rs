//! The month's report model: every figure and table the renderers show, in the report language.
//! Renderers (json, xlsx, html, terminal) only lay this out; they never re-read the registers
//! and never decide what is a problem.

pub mod contracts;
pub mod feedback;
pub mod guests;
pub mod lifecycle;
mod mask;
mod part;
pub mod settings;
mod summary;
pub mod texts;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use serde::Serialize;

use crate::base::i18n::{Catalogue, Lang};
use crate::base::spill::Spill;
use crate::month::{Month, Span};
use crate::registers::Kind;
use crate::rules::finding::{Finding, Severity};
use crate::settings::SettingsSource;

pub use self::mask::{mask_personal, masks};
pub use self::part::Share;

/// Where a report's inputs came from.
pub struct About {
    /// The inbox, to link findings to their source cells.
    pub inbox: PathBuf,
    pub settings_source: SettingsSource,
    /// Where the long tables' rows are put away until the workbook is written
    /// ([`crate::base::put_away`]); none: held compressed.
    pub spill: Option<Arc<Spill>>,
}

pub const TOOL: &str = "clerk";
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

#[derive(Clone, Debug)]
pub struct Report {
    pub company: String,
    pub period: String,
    /// How long the period runs: its titles say monthly, quarterly, half-yearly or yearly.
    pub span: Span,
    /// The report's title for its period (`Quarterly register check`), in the report language.
    pub title: String,
    pub as_of: NaiveDate,
    pub lang: Lang,
    /// The report's texts, in its language.
    pub catalogue: Catalogue,
    pub currency: String,
    pub inputs: Vec<InputRow>,
    pub skipped: Vec<SkippedRow>,
    pub findings: Vec<Finding>,
    pub registers: Vec<RegisterRow>,
    pub rules: Vec<RuleRow>,
    pub counts: Counts,
    /// The settings the rules used: (name in words with its key in clerk.toml, value in words).
    pub settings: Vec<(String, String)>,
    pub settings_json: serde_json::Value,
    pub settings_source: String,
    /// The inbox, to link findings to their source cells.
    pub inbox: PathBuf,
    /// The folder the report is written to, to make those links relative.
    pub out_dir: Option<PathBuf>,
    pub contracts: contracts::Section,
    pub feedback: feedback::Section,
    pub guests: guests::Section,
    /// Findings per month: earlier months' findings.json found beside this report, and this month.
    pub trend: Vec<TrendPoint>,
    /// Set when the registers hold dated rows and the period covers none of them (most likely
    /// the wrong `--month`): what every output says first.
    pub empty_period: Option<EmptyPeriod>,
    /// Since last month, from the history: None when the run keeps none (`--no-history`, a
    /// period other than a month).
    pub lifecycle: Option<lifecycle::Lifecycle>,
    /// `[departments]`: who receives which rules, for the Summary's block since last month.
    pub departments: BTreeMap<String, Vec<String>>,
    /// The rule families whose sheets the workbook holds: all of them, but in a department's part.
    pub families: Families,
    /// The department in words when this is its part ([`Report::part`]); None for the whole report.
    pub department: Option<String>,
}

/// Which rule families' sheets a workbook holds: each in the whole report (with a note where its
/// register was not given); in a department's part ([`Report::part`]), those of the registers it
/// keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Families {
    pub contracts: bool,
    pub feedback: bool,
    pub guests: bool,
}

impl Families {
    pub const ALL: Families = Families {
        contracts: true,
        feedback: true,
        guests: true,
    };
}

/// A period that covers no dated row of the registers read ([`Month::covers_no_dated_row`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EmptyPeriod {
    /// The months of the first and the last dated row read (`2026-08`), if any row has a date.
    pub rows_from: Option<String>,
    pub rows_to: Option<String>,
}

/// A month of the trend: its findings by severity, or (`reported` false) a month between two
/// reported ones that the output folder holds no report of.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct TrendPoint {
    pub month: String,
    pub reported: bool,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

/// Reads the findings counts of earlier months from `out/YYYY-MM/findings.json`, oldest first, up
/// to `before` (a month label); unreadable files are passed over.
pub fn earlier_months(out: &Path, before: &str) -> Vec<TrendPoint> {
    let Ok(entries) = std::fs::read_dir(out) else {
        return Vec::new();
    };
    let mut points: Vec<TrendPoint> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let month = e.file_name().to_string_lossy().to_string();
            let is_month = month.len() == 7 && month.as_bytes()[4] == b'-' && month.as_str() < before;
            if !is_month {
                return None;
            }
            let text = std::fs::read_to_string(e.path().join("findings.json")).ok()?;
            let json: serde_json::Value = serde_json::from_str(&text).ok()?;
            let n = |k: &str| json["summary"]["by_severity"][k].as_u64().unwrap_or(0) as usize;
            Some(TrendPoint {
                month,
                reported: true,
                errors: n("error"),
                warnings: n("warning"),
                infos: n("info"),
            })
        })
        .collect();
    points.sort_by(|a, b| a.month.cmp(&b.month));
    points
}
/// Findings per month for a month's report: the `earlier` months (from the history, or
/// [`earlier_months`]), the month itself, and every month between without a report, as a gap.
/// None for a first month, or a report of another period than a month.
pub fn trend(earlier: Vec<TrendPoint>, report: &Report) -> Vec<TrendPoint> {
    if report.span != Span::Month {
        return Vec::new();
    }
    let mut points = earlier;
    if points.is_empty() {
        return points;
    }
    let c = &report.counts;
    points.push(TrendPoint {
        month: report.period.clone(),
        reported: true,
        errors: c.errors,
        warnings: c.warnings,
        infos: c.infos,
    });
    with_gaps(points)
}

/// `points` (in month order) with a point not reported for every month missing between two.
fn with_gaps(points: Vec<TrendPoint>) -> Vec<TrendPoint> {
    let month_of = |label: &str| {
        let (y, m) = label.split_once('-')?;
        Some(y.parse::<i32>().ok()? * 12 + m.parse::<i32>().ok()? - 1)
    };
    let mut out: Vec<TrendPoint> = Vec::with_capacity(points.len());
    for point in points {
        let last = out.last().and_then(|p| month_of(&p.month));
        if let (Some(last), Some(this)) = (last, month_of(&point.month)) {
            for m in last + 1..this {
                out.push(TrendPoint {
                    month: format!("{:04}-{:02}", m.div_euclid(12), m.rem_euclid(12) + 1),
                    ..TrendPoint::default()
                });
            }
        }
        out.push(point);
    }
    out
}

/// A part of the HTML summary contributed by a rule family: a title, headline figures, and an
/// optional short table (e.g. overdue complaints). The template lays every block out the same way.
#[derive(Clone, Debug, Default, Serialize)]
pub struct HtmlBlock {
    pub title: String,
    /// (label, value) pairs.
    pub figures: Vec<(String, String)>,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// A line under the block, e.g. "No guest register was given."
    pub note: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct InputRow {
    pub file: String,
    pub sheet: String,
    pub register: Kind,
    pub register_label: String,
    pub header_row: u32,
    pub rows: usize,
    pub covered: usize,
    pub hidden: bool,
    pub complaint_record: bool,
    pub sha256: String,
    /// Human note: hidden sheet, complaint record.
    pub note: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct SkippedRow {
    pub file: String,
    pub sheet: Option<String>,
    pub reason: String,
    pub reason_text: String,
    pub detail: String,
    /// The rows left out of a sheet read (its footer lines), as the sheet numbers them.
    pub rows: Vec<u32>,
    /// The rules not run (`one_file`: an inbox of one file, whose other registers were not read).
    pub rules: Vec<&'static str>,
}

#[derive(Clone, Debug, Serialize)]
pub struct RegisterRow {
    pub kind: Kind,
    pub label: String,
    pub present: bool,
    /// "No guest register was given." when absent.
    pub absent_text: String,
    pub sheets: usize,
    pub rows: usize,
    pub covered: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct RuleRow {
    pub id: &'static str,
    pub title: String,
    pub severity: Severity,
    pub severity_text: String,
    /// The clause in the report language (`第三篇 四、五`).
    pub clause: String,
    pub count: usize,
    /// Whether the rule was run: its registers were given (and, for a rule that joins registers,
    /// the inbox was more than one file).
    pub ran: bool,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub rows: usize,
    pub covered: usize,
    pub sheets: usize,
}

impl Counts {
    pub fn total(&self) -> usize {
        self.errors + self.warnings + self.infos
    }

    fn add(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Info => self.infos += 1,
        }
    }
}

impl Report {
    /// The report of a month and its findings. The findings move into the report (a large run
    /// has a hundred thousand of them); the rule families' parts are built on every core.
    pub fn build(month: &Month, findings: Vec<Finding>, text: Catalogue, about: About) -> Report {
        // A quarter's, half-year's or year's report says "in the period" (本期) where a month's
        // says "in the month" (本月): the texts' `@period` wordings.
        let text = match month.period.span() {
            crate::month::Span::Month => text,
            _ => text.in_variant("period"),
        };
        let ((contracts, feedback), guests) = crate::base::parallel::both(
            || {
                crate::base::parallel::both(
                    || contracts::build(month, &findings, text, about.spill.as_ref()),
                    || feedback::build(month, &findings, text),
                )
            },
            || guests::build(month, text, about.spill.as_ref()),
        );
        let period = month.period;
        let inputs = summary::input_rows(month, &text);
        let skipped = summary::skipped_rows(month.registers, &text);
        let counts = summary::counts(&findings, &inputs);
        let register_rows = summary::register_rows(&inputs, &findings, &text);
        let rule_rows = summary::rule_rows(&findings, month.registers, period, &text);
        let s = month.settings;
        let (settings, settings_json) = summary::settings(s, &text);
        let month_of = |d: NaiveDate| d.format("%Y-%m").to_string();
        let empty_period = month.covers_no_dated_row().then(|| {
            let span = month.dated_span();
            EmptyPeriod {
                rows_from: span.map(|(first, _)| month_of(first)),
                rows_to: span.map(|(_, last)| month_of(last)),
            }
        });

        Report {
            company: match s.company.trim() {
                "" => text.get("report.company_default"),
                name => name.to_string(),
            },
            period: period.label.clone(),
            span: period.span(),
            title: text.get(&format!("report.title.{}", period.span().id())),
            as_of: period.as_of,
            lang: text.lang,
            catalogue: text,
            currency: s.currency.clone(),
            inputs,
            skipped,
            findings,
            registers: register_rows,
            rules: rule_rows,
            counts,
            settings,
            settings_json,
            settings_source: match &about.settings_source {
                SettingsSource::BuiltIn => text.get("report.settings_builtin"),
                SettingsSource::File(p) => p.display().to_string(),
            },
            inbox: about.inbox,
            out_dir: None,
            contracts,
            feedback,
            guests,
            trend: Vec::new(),
            empty_period,
            families: Families::ALL,
            department: None,
            lifecycle: None,
            departments: s.departments.clone(),
        }
    }

    /// The line every output opens with when the period covers no dated row (see
    /// [`Report::empty_period`]), in the report language.
    pub fn empty_period_notice(&self) -> Option<String> {
        let empty = self.empty_period.as_ref()?;
        let text = self.text();
        let period = crate::month::period_words(&self.period, &text);
        let mut lines = vec![text.fmt("report.empty_period", &[("period", &period)])];
        if let (Some(from), Some(to)) = (&empty.rows_from, &empty.rows_to) {
            let from = crate::month::period_words(from, &text);
            let to = crate::month::period_words(to, &text);
            lines.push(text.fmt("report.empty_period_rows", &[("from", &from), ("to", &to)]));
        }
        Some(text.sentences(&lines))
    }

    /// The rule families' parts of the HTML summary, in SPEC order.
    pub fn html_blocks(&self) -> Vec<HtmlBlock> {
        let mut blocks = contracts::html_blocks(self);
        blocks.extend(feedback::html_blocks(self));
        blocks.extend(guests::html_blocks(self));
        blocks
    }

    pub fn text(&self) -> Catalogue {
        self.catalogue
    }

    /// Base name of the month's files: `clerk-2026-10`.
    pub fn stem(&self) -> String {
        format!("clerk-{}", self.period)
    }
}
