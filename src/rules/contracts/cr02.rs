use std::collections::BTreeSet;

use super::authority::{self, need_label, Actual, Case, Facts, Gap, Verdict};
use super::has_review;
use crate::month::period::Coverage;
use crate::registers::{Kind, Record};
use crate::rules::finding::{Finding, Severity};
use crate::rules::{Context, Rule};

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

const KIND: Kind = Kind::Contracts;

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
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let settings = &ctx.settings.contracts;
        let mut no_column: BTreeSet<(usize, &'static str)> = BTreeSet::new();
        for (_, record, coverage) in ctx.records(KIND) {
            if coverage != Coverage::Covered || !has_review(record) {
                continue;
            }
            let facts = Facts::of(ctx.registers, settings, record);
            let required = authority::required(settings, &facts);
            let actual = Actual::of(ctx.registers, settings, record);
            match authority::verdict(&required, &actual) {
                Verdict::Compliant => {}
                Verdict::Weak {
                    need,
                    cases,
                    method_weak,
                    role_weak,
                } => {
                    debug_assert!(method_weak || role_weak);
                    let field = if role_weak { "approver_role" } else { "review_method" };
                    let message = ctx.text.fmt(
                        "msg.CR02.weak",
                        &[
                            ("case", &case_labels(ctx, &cases)),
                            ("actual", &actual_label(ctx, record)),
                            ("required", &need_label(settings, &ctx.text, need)),
                            ("clause", clause(&cases)),
                        ],
                    );
                    out.push(self.at(ctx, record, field, Severity::Error, clause(&cases), message));
                }
                Verdict::Unknown { blockers } => {
                    // The first blocking value that no other finding reports.
                    let open: Vec<(&'static str, Gap)> = blockers
                        .into_iter()
                        .filter(|(field, gap)| !reported_elsewhere(field, *gap))
                        .collect();
                    let Some(&(field, gap)) = open.first() else {
                        continue;
                    };
                    if gap == Gap::NoColumn {
                        no_column.insert((record.source, field));
                        continue;
                    }
                    let first = &required.outcomes[0];
                    let needs: Vec<String> = required
                        .outcomes
                        .iter()
                        .map(|o| {
                            ctx.text.fmt(
                                "contracts.needs",
                                &[
                                    ("case", &case_labels(ctx, &o.cases)),
                                    ("review", &need_label(settings, &ctx.text, o.need)),
                                    ("clause", clause(&o.cases)),
                                ],
                            )
                        })
                        .collect();
                    let needs = needs.join(&ctx.text.get("contracts.or"));
                    let message = if field == "review_method" || field == "approver_role" {
                        // Both the method and the role may be blank: name both.
                        let blank: Vec<String> = open
                            .iter()
                            .filter(|(f, g)| *g == Gap::Blank && (*f == "review_method" || *f == "approver_role"))
                            .map(|(f, _)| ctx.field_label(f))
                            .collect();
                        ctx.text.fmt(
                            "msg.CR02.unrecorded",
                            &[
                                ("field", &blank.join(&ctx.text.get("contracts.and"))),
                                ("needs", &needs),
                            ],
                        )
                    } else {
                        ctx.text.fmt(
                            "msg.CR02.undetermined",
                            &[
                                ("field", &ctx.field_label(field)),
                                ("needs", &needs),
                                ("actual", &actual_label(ctx, record)),
                            ],
                        )
                    };
                    out.push(self.at(ctx, record, field, Severity::Warning, clause(&first.cases), message));
                }
            }
        }
        for (source_index, field) in no_column {
            let source = &ctx.registers.sources[source_index];
            out.push(Finding {
                rule: self.id(),
                severity: Severity::Warning,
                register: KIND,
                record: String::new(),
                location: source.row_location(source.header_row),
                field: field.to_string(),
                message: ctx
                    .text
                    .fmt("msg.CR02.no_column", &[("field", &ctx.field_label(field))]),
                clause: self.clause(),
            });
        }
    }
}

impl Cr02 {
    fn at(
        &self,
        ctx: &Context,
        record: &Record,
        field: &str,
        severity: Severity,
        clause: &'static str,
        message: String,
    ) -> Finding {
        Finding::at(self.id(), severity, clause, ctx.registers, KIND, record, field, message)
    }
}

/// Unreadable cells are RG02's; blank or missing product category and document type (required
/// columns) are RG01's.
fn reported_elsewhere(field: &str, gap: Gap) -> bool {
    gap == Gap::Unreadable || KIND.columns().iter().any(|c| c.name == field && c.required)
}

/// The clause of the first row (the SPEC 6 example: `5.2.4.2 b`).
fn clause(cases: &[Case]) -> &'static str {
    cases.first().map(|c| c.clause()).unwrap_or("5.2.4")
}

fn case_labels(ctx: &Context, cases: &[Case]) -> String {
    let labels: Vec<String> = cases
        .iter()
        .map(|c| c.label(&ctx.settings.contracts, &ctx.text))
        .collect();
    labels.join(&ctx.text.get("contracts.and"))
}

/// The recorded review: `authorized-person review approved by the sales manager`, or, when the
/// method or role is blank, each with its column name (`review method: blank; approver role: …`).
fn actual_label(ctx: &Context, record: &Record) -> String {
    let method = record.text(KIND, "review_method");
    let role = record.text(KIND, "approver_role");
    if let (Some(m), Some(r)) = (method, role) {
        return ctx.text.fmt(
            "contracts.review",
            &[
                ("method", &authority::method_label(&ctx.text, m)),
                ("role", &authority::role_label(&ctx.text, r)),
            ],
        );
    }
    let shown = |field: &str, value: Option<String>| {
        ctx.text.fmt(
            "contracts.recorded",
            &[
                ("field", &ctx.field_label(field)),
                ("value", &value.unwrap_or_else(|| ctx.text.get("contracts.blank"))),
            ],
        )
    };
    ctx.text.fmt(
        "contracts.review_partial",
        &[
            (
                "method",
                &shown("review_method", method.map(|m| authority::method_label(&ctx.text, m))),
            ),
            (
                "role",
                &shown("approver_role", role.map(|r| authority::role_label(&ctx.text, r))),
            ),
        ],
    )
}
