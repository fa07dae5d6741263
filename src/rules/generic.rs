//! Generic rules that apply to every register: RG01–RG04 (SPEC 2, "Generic").
//!
//! They keep the registers usable as records (procedure Part 1 5.2.4.5 and 6.x; Part 3 五 記清楚):
//! a record with a blank key field, an unreadable value, a reused number or an impossible date
//! cannot prove anything to an auditor.

use std::borrow::Cow;
use std::collections::hash_map::Entry;
use std::collections::BTreeMap;

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use super::{Context, Rule};
use crate::base::text::id_key;
use crate::registers::{Kind, Record};
use crate::rules::finding::{Finding, Severity};

/// The generic rules, in listing order.
pub static RULES: &[&dyn Rule] = &[&Rg01, &Rg02, &Rg03, &Rg04];

/// **RG01 required value missing.** A column marked ● in SPEC 1.4 is blank in a non-blank row.
///
/// Why: without the id, customer, dates or type of a record no other rule can judge it, and the
/// record proves nothing. A required column missing from the header altogether is reported once,
/// at the header row, instead of once per row.
pub struct Rg01;

impl Rule for Rg01 {
    fn id(&self) -> &'static str {
        "RG01"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn clause(&self) -> &'static str {
        "5.2.4.5; 6"
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for kind in Kind::ALL {
            let columns = kind.columns();
            let mut header_reported = vec![false; ctx.registers.sources.len()];
            for (_, record, coverage) in ctx.records(kind) {
                if !coverage.generic_rules_apply() {
                    continue;
                }
                let source = &ctx.registers.sources[record.source];
                for (i, column) in columns.iter().enumerate() {
                    if !column.required || (source.complaint_record && column.name == "kind") {
                        continue;
                    }
                    let stand_in = kind.stand_in(column.name);
                    let has_stand_in = stand_in.is_some_and(|s| record.get(kind, s).is_some());
                    if source.columns[i].is_none() {
                        let stand_in_column = stand_in.and_then(|s| kind.field(s)).and_then(|s| source.columns[s]);
                        if stand_in_column.is_some() {
                            if record.get(kind, column.name).is_none()
                                && !has_stand_in
                                && !record.is_unreadable(kind, stand_in.unwrap_or(""))
                            {
                                let field = stand_in.unwrap_or(column.name);
                                let message = ctx.text.fmt("msg.RG01", &[("field", &ctx.field_label(field))]);
                                out.push(self.finding(ctx, kind, record, field, message));
                            }
                            continue;
                        }
                        if !header_reported[record.source] {
                            header_reported[record.source] = true;
                            let message = ctx
                                .text
                                .fmt("msg.RG01.column", &[("field", &ctx.field_label(column.name))]);
                            out.push(Finding {
                                rule: self.id(),
                                severity: self.severity(),
                                register: kind,
                                record: String::new(),
                                location: source.row_location(source.header_row),
                                field: column.name.to_string(),
                                message,
                                clause: self.clause(),
                            });
                        }
                        continue;
                    }
                    if record.value(i).is_none() && record.unreadable & (1 << i) == 0 && !has_stand_in {
                        let message = ctx.text.fmt("msg.RG01", &[("field", &ctx.field_label(column.name))]);
                        out.push(self.finding(ctx, kind, record, column.name, message));
                    }
                }
            }
        }
    }
}

/// **RG02 unreadable value.** A cell is not of its column's type (SPEC 1.3): a date that is no
/// date (`2026/13/05`), an amount in words, a yes/no column holding something else, a value that
/// is not one of the column's options. The finding quotes the cell; the rest of the row is still
/// checked.
pub struct Rg02;

impl Rule for Rg02 {
    fn id(&self) -> &'static str {
        "RG02"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn clause(&self) -> &'static str {
        "5.2.4.5; 6"
    }
    fn settings(&self) -> &'static [&'static str] {
        &["date_order", "columns", "enums"]
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for kind in Kind::ALL {
            let Some(register) = ctx.registers.by_kind.get(&kind) else {
                continue;
            };
            let columns = kind.columns();
            for problem in &register.problems {
                let Some(record) = register.records.get(problem.record) else {
                    continue;
                };
                if !ctx.coverage(kind, record).generic_rules_apply() {
                    continue;
                }
                let column = &columns[problem.field];
                let message = ctx.text.fmt(
                    "msg.RG02",
                    &[
                        ("field", &ctx.field_label(column.name)),
                        ("raw", &problem.raw),
                        ("reason", &ctx.text.get(&format!("value.{}", problem.reason))),
                    ],
                );
                out.push(self.finding(ctx, kind, record, column.name, message));
            }
        }
    }
}

/// **RG03 duplicate id.** The same contract, feedback or guest number is used twice in one
/// register kind (across every file and sheet of it). Both places are named, so staff can tell a
/// copied row from a reused number.
pub struct Rg03;

impl Rule for Rg03 {
    fn id(&self) -> &'static str {
        "RG03"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn clause(&self) -> &'static str {
        "5.2.4.5; 6"
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for kind in Kind::ALL {
            let Some(field) = kind.id_field() else { continue };
            // Each id's first record; the records of an id used more than once, by its first.
            // (Findings are sorted afterwards: the order of the groups does not matter.)
            let records: Vec<&Record> = ctx.records(kind).map(|(_, record, _)| record).collect();
            let mut first: FxHashMap<Cow<str>, usize> =
                FxHashMap::with_capacity_and_hasher(records.len(), Default::default());
            let mut repeated: BTreeMap<usize, Vec<&Record>> = BTreeMap::new();
            for (i, record) in records.iter().enumerate() {
                let Some(id) = record.text(kind, field) else { continue };
                match first.entry(id_key(id)) {
                    Entry::Vacant(entry) => {
                        entry.insert(i);
                    }
                    Entry::Occupied(entry) => {
                        let first = *entry.get();
                        repeated
                            .entry(first)
                            .or_insert_with(|| vec![records[first]])
                            .push(record);
                    }
                }
            }
            for records in repeated.values() {
                for record in records {
                    if !ctx.coverage(kind, record).generic_rules_apply() {
                        continue;
                    }
                    let others: Vec<String> = records
                        .iter()
                        .filter(|o| !std::ptr::eq(**o, *record))
                        .map(|o| {
                            let s = &ctx.registers.sources[o.source];
                            kind.field(field)
                                .map(|i| s.location(i, o.row).place())
                                .unwrap_or_default()
                        })
                        .collect();
                    let id = record.text(kind, field).unwrap_or_default();
                    let message = ctx.text.fmt("msg.RG03", &[("id", id), ("places", &others.join("; "))]);
                    out.push(self.finding(ctx, kind, record, field, message));
                }
            }
        }
    }
}

/// Dates of things that happened (a planned date such as `next_reply_date` may lie ahead).
fn happened_dates(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Contracts => &[
            "received_date",
            "review_date",
            "approval_date",
            "commitment_date",
            "customer_contact_date",
        ],
        Kind::Amendments => &["amendment_date", "rereview_date", "notice_date"],
        Kind::Feedback => &[
            "received_date",
            "review_date",
            "service_date",
            "reply_date",
            "resolved_date",
            "reported_at",
        ],
        Kind::Guests => &["birthday", "anniversary", "developed_date"],
        Kind::Visits | Kind::Callbacks => &["date"],
    }
}

/// (later, earlier): the first may not come before the second.
fn date_order(kind: Kind) -> &'static [(&'static str, &'static str)] {
    match kind {
        Kind::Contracts => &[("review_date", "received_date")],
        Kind::Amendments => &[("notice_date", "amendment_date")],
        Kind::Feedback => &[
            ("review_date", "received_date"),
            ("reply_date", "received_date"),
            ("resolved_date", "received_date"),
        ],
        _ => &[],
    }
}

/// **RG04 impossible date.** The date of something that happened lies after the as-of date (the
/// last day of the report month), or two dates are in an order that cannot be: a review, reply or
/// resolution before the receipt, a notice before the amendment. Planned dates such as the next
/// agreed reply date may lie in the future.
pub struct Rg04;

impl Rule for Rg04 {
    fn id(&self) -> &'static str {
        "RG04"
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
    fn clause(&self) -> &'static str {
        "5.2.4.5; 6"
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let as_of = ctx.period.as_of;
        for kind in Kind::ALL {
            for (_, record, coverage) in ctx.records(kind) {
                if coverage != crate::month::period::Coverage::Covered {
                    continue;
                }
                let day = |f: &str| -> Option<NaiveDate> { record.date(kind, f).map(|d| d.date) };
                let mut flagged: Vec<&str> = Vec::new();
                for field in happened_dates(kind) {
                    if let Some(d) = day(field) {
                        if d > as_of {
                            let message = ctx.text.fmt(
                                "msg.RG04.future",
                                &[
                                    ("field", &ctx.field_label(field)),
                                    ("date", &d.to_string()),
                                    ("as_of", &as_of.to_string()),
                                ],
                            );
                            out.push(self.finding(ctx, kind, record, field, message));
                            flagged.push(field);
                        }
                    }
                }
                for (later, earlier) in date_order(kind) {
                    if flagged.contains(later) {
                        continue;
                    }
                    if let (Some(a), Some(b)) = (day(later), day(earlier)) {
                        if a < b {
                            let message = ctx.text.fmt(
                                "msg.RG04.order",
                                &[
                                    ("field", &ctx.field_label(later)),
                                    ("date", &a.to_string()),
                                    ("other", &ctx.field_label(earlier)),
                                    ("other_date", &b.to_string()),
                                ],
                            );
                            out.push(self.finding(ctx, kind, record, later, message));
                        }
                    }
                }
            }
        }
    }
}
