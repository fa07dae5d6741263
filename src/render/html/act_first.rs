//! "Findings to act on first": the to-do list of a summary, in the order its reader works through
//! it. (The workbook and findings.json keep SPEC 6's order; this list is the reader's.)
//!
//! **Order.** Severity first (errors, then warnings; a department's page lists its notes last, the
//! manager's leaves them to the workbook), then the section — on the manager's page the department
//! a finding goes to (in the settings' order, findings no department receives last), on a
//! department's page the register — then the report's order (file, sheet, row, rule). Each section
//! of a severity is headed by its count ("Sales: 12 errors").
//!
//! **One problem, one line.** A rule that reports one problem at each of its places (RG03: every
//! record sharing a number, each finding naming the others) gives one line per problem: the first
//! place's finding, at its cell, whose message names the other places.
//!
//! **How much.** At most [`LINES`] lines. When a severity's lines fit in what is left, all are
//! listed: every error is listed when there are at most 50, and warnings (then notes) fill the
//! rest. When they do not fit, the lines left are shared between the sections so that none
//! vanishes: each section lists up to an equal share, a share a small section leaves unused goes
//! to the larger ones in order. A section with errors lists at least its first error, whatever the
//! budget (a page shrunk to fit Gmail's limit included); a section of warnings or notes left
//! without a line still shows its heading and count. Each section says how many of its findings
//! are in the workbook only.

use std::collections::HashMap;

use serde::Serialize;

use super::routing::{Audience, Routing};
use crate::base::i18n::Catalogue;
use crate::base::text::id_key;
use crate::registers::Kind;
use crate::rules::finding::{Finding, Severity};

/// The most lines the list holds (before a page too large for Gmail shrinks it).
pub(super) const LINES: usize = 50;

/// A line of the list: one finding, or the findings of one problem reported at each of its places.
#[derive(Serialize, Debug)]
pub(super) struct Line<'a> {
    pub severity: &'static str,
    pub rule: &'static str,
    pub record: &'a str,
    pub location: String,
    pub message: String,
}

/// The lines of one severity and section, under a heading with their count.
#[derive(Serialize, Debug)]
pub(super) struct Group<'a> {
    pub severity: &'static str,
    pub heading: String,
    pub lines: Vec<Line<'a>>,
    /// How many of the group's findings are in the workbook only; empty when none.
    pub more: String,
}

/// The findings of one severity and section, as far as the list may need them.
#[derive(Default)]
struct Bucket<'a> {
    /// Findings in all.
    count: usize,
    /// Lines in all (a problem reported at several places is one).
    lines: usize,
    /// The first [`LINES`] lines: each line's first finding and how many findings it stands for.
    kept: Vec<(&'a Finding, usize)>,
}

/// Where a problem reported at several places was first met: its bucket and kept line, if kept.
type Seen = HashMap<(&'static str, Kind, String), (usize, Option<usize>)>;

/// The list of `audience`'s `findings` (in report order), at most `cap` lines, with a line saying
/// how many findings of the severities it leaves out the workbook holds.
pub(super) fn act_first<'a>(
    text: &Catalogue,
    routing: &Routing,
    audience: &Audience,
    findings: &[&'a Finding],
    cap: usize,
    mask: &dyn Fn(&str, &str) -> String,
) -> (Vec<Group<'a>>, usize) {
    let severities: &[Severity] = match audience {
        Audience::Manager => &[Severity::Error, Severity::Warning],
        Audience::Department(_) => &[Severity::Error, Severity::Warning, Severity::Info],
    };
    let mut sections = Sections::new(text, routing, audience);
    let width = sections.labels.len();
    let mut buckets: Vec<Bucket> = (0..severities.len() * width).map(|_| Bucket::default()).collect();
    let each_place: Vec<&str> = (crate::rules::registry::all())
        .filter(|r| r.reports_each_place())
        .map(|r| r.id())
        .collect();
    let mut seen: Seen = HashMap::new();
    let mut left_out = 0;
    for f in findings {
        let Some(s) = severities.iter().position(|s| *s == f.severity) else {
            left_out += 1;
            continue;
        };
        let b = s * width + sections.of(f);
        let place = each_place
            .contains(&f.rule)
            .then(|| (f.rule, f.register, id_key(&f.record).into_owned()));
        add(&mut buckets, b, f, place, &mut seen);
    }
    let mut budget = cap;
    let mut groups = Vec::new();
    for (s, severity) in severities.iter().enumerate() {
        let row = &buckets[s * width..(s + 1) * width];
        let mut shares = share(&row.iter().map(|b| b.lines).collect::<Vec<_>>(), budget);
        if *severity == Severity::Error {
            // A department's (a register's) errors are never all hidden, whatever the budget.
            for (n, b) in shares.iter_mut().zip(row.iter()) {
                *n = (*n).max(b.lines.min(1));
            }
        }
        budget = budget.saturating_sub(shares.iter().sum());
        for (section, (bucket, n)) in row.iter().zip(shares).enumerate() {
            if bucket.count > 0 {
                groups.push(group(text, *severity, &sections.labels[section], bucket, n, mask));
            }
        }
    }
    (groups, left_out)
}

/// Counts `f` into bucket `b`, as a line of its own unless it is one more place of a problem
/// already met (`place`: the problem's rule, register and number).
fn add<'a>(
    buckets: &mut [Bucket<'a>],
    b: usize,
    f: &'a Finding,
    place: Option<(&'static str, Kind, String)>,
    seen: &mut Seen,
) {
    buckets[b].count += 1;
    if let Some(key) = place {
        match seen.get(&key) {
            Some(&(first, kept)) if first == b => {
                if let Some(i) = kept {
                    buckets[first].kept[i].1 += 1;
                }
                return;
            }
            _ => {
                let kept = (buckets[b].kept.len() < LINES).then_some(buckets[b].kept.len());
                seen.insert(key, (b, kept));
            }
        }
    }
    let bucket = &mut buckets[b];
    bucket.lines += 1;
    if bucket.kept.len() < LINES {
        bucket.kept.push((f, 1));
    }
}

/// The group of a bucket listing its first `n` lines.
fn group<'a>(
    text: &Catalogue,
    severity: Severity,
    section: &str,
    bucket: &Bucket<'a>,
    n: usize,
    mask: &dyn Fn(&str, &str) -> String,
) -> Group<'a> {
    let count = bucket.count.to_string();
    let heading = match section {
        "" => text.fmt(&format!("html.count.{}", severity.id()), &[("n", &count)]),
        _ => text.fmt(
            &format!("html.group.{}", severity.id()),
            &[("section", section), ("n", &count)],
        ),
    };
    let shown = &bucket.kept[..n.min(bucket.kept.len())];
    let hidden = bucket.count - shown.iter().map(|(_, places)| places).sum::<usize>();
    let more = match (hidden, shown.len()) {
        (0, _) => String::new(),
        (_, 0) => text.get("html.group_in_workbook"),
        (n, _) => text.fmt("html.more", &[("n", &n.to_string())]),
    };
    Group {
        severity: severity.id(),
        heading,
        lines: shown
            .iter()
            .map(|(f, _)| Line {
                severity: f.severity.id(),
                rule: f.rule,
                record: &f.record,
                location: f.location.place(),
                message: mask(&f.field, &text.render(&f.message)),
            })
            .collect(),
        more,
    }
}

/// How many lines each section lists out of `budget`, the sections having `sizes` lines: all of
/// them when they fit; else up to an equal share each, the shares small sections leave unused going
/// to the others in order. While the budget lasts for one line each, every section with lines
/// gets one.
fn share(sizes: &[usize], budget: usize) -> Vec<usize> {
    if sizes.iter().sum::<usize>() <= budget {
        return sizes.to_vec();
    }
    let level = (0..=budget)
        .take_while(|&q| sizes.iter().map(|&n| n.min(q)).sum::<usize>() <= budget)
        .last()
        .unwrap_or(0);
    let mut shares: Vec<usize> = sizes.iter().map(|&n| n.min(level)).collect();
    let mut left = budget - shares.iter().sum::<usize>();
    for (share, &n) in shares.iter_mut().zip(sizes) {
        if left > 0 && n > *share {
            *share += 1;
            left -= 1;
        }
    }
    shares
}

/// The sections of the list: the departments (then "no department") on the manager's page, the
/// registers on a department's.
struct Sections<'r> {
    labels: Vec<String>,
    /// The manager's page: the departments and the routing that says which finding goes where.
    departments: Option<(Vec<&'r str>, &'r Routing)>,
    /// The section of each (rule, register) met so far on the manager's page.
    cache: HashMap<(&'static str, Kind), usize>,
}

impl<'r> Sections<'r> {
    fn new(text: &Catalogue, routing: &'r Routing, audience: &Audience) -> Sections<'r> {
        let (labels, departments) = match audience {
            Audience::Manager => {
                let names = routing.departments();
                let mut labels: Vec<String> = (names.iter())
                    .map(|d| Audience::Department(d.to_string()).label(text))
                    .collect();
                // Findings no department receives; unnamed when there are no departments at all.
                labels.push(match names.is_empty() {
                    true => String::new(),
                    false => text.get("html.no_department"),
                });
                (labels, Some((names, routing)))
            }
            Audience::Department(_) => (Kind::ALL.iter().map(|k| k.label(text)).collect(), None),
        };
        Sections {
            labels,
            departments,
            cache: Default::default(),
        }
    }

    fn of(&mut self, f: &Finding) -> usize {
        let Some((names, routing)) = &self.departments else {
            return Kind::ALL.iter().position(|k| *k == f.register).unwrap_or(0);
        };
        *self
            .cache
            .entry((f.rule, f.register))
            .or_insert_with(|| (names.iter()).position(|d| routing.routes(d, f)).unwrap_or(names.len()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_shared_so_that_no_section_vanishes() {
        assert_eq!(share(&[3, 0, 20], 50), [3, 0, 20]);
        assert_eq!(share(&[100, 2, 100], 50), [24, 2, 24]);
        assert_eq!(share(&[100, 3, 100], 50), [24, 3, 23]);
        assert_eq!(share(&[60, 1], 50), [49, 1]);
        assert_eq!(share(&[5, 5, 5], 2), [1, 1, 0]);
        assert_eq!(share(&[5, 5], 0), [0, 0]);
    }
}
