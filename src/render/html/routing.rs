//! Who receives what (SPEC 5, `[departments]`): a finding goes to each department whose list
//! names its rule id or a prefix of it. A finding of a rule no department names (the generic RG
//! rules) goes to the department that owns the register it is about — the one that receives that
//! register's whole rule family (contracts and amendments: CR; feedback: FB, CP; guests, visits
//! and call-backs: GH) — so that the people who keep a register hear about its blank and
//! unreadable cells. A department's page also holds the HTML blocks of the families it owns.

use std::collections::BTreeMap;

use crate::base::i18n::Catalogue;
use crate::registers::Kind;
use crate::report::{HtmlBlock, Report};
use crate::rules::finding::Finding;

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
    pub(super) fn names_rule(&self, department: &str, rule: &str) -> bool {
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

    pub(super) fn owns_register(&self, department: &str, kind: Kind) -> bool {
        FAMILIES
            .iter()
            .any(|f| f.registers.contains(&kind) && self.owns(department, f))
    }

    /// The HTML blocks of the rule families the department owns.
    pub(super) fn blocks(&self, department: &str, report: &Report) -> Vec<HtmlBlock> {
        (FAMILIES.iter())
            .filter(|f| self.owns(department, f))
            .flat_map(|f| (f.blocks)(report))
            .collect()
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
        self.routes_rule(department, finding.rule, Some(finding.register))
    }

    /// Does a finding of `rule` about `register` belong on the department's page?
    pub fn routes_rule(&self, department: &str, rule: &str, register: Option<Kind>) -> bool {
        if self.names_rule(department, rule) {
            return true;
        }
        let named_elsewhere = self.departments.iter().any(|(d, _)| self.names_rule(d, rule));
        !named_elsewhere && register.is_some_and(|kind| self.owns_register(department, kind))
    }

    /// The rule's line belongs in the department's Summary: its list names the rule, or no list
    /// does and the department keeps a register the rule reads (any, for the generic rules).
    fn shows_rule(&self, department: &str, rule: &dyn crate::rules::Rule) -> bool {
        if self.names_rule(department, rule.id()) {
            return true;
        }
        let named_elsewhere = self.departments.iter().any(|(d, _)| self.names_rule(d, rule.id()));
        let registers = match rule.registers() {
            [] => &Kind::ALL[..],
            kinds => kinds,
        };
        !named_elsewhere && registers.iter().any(|&k| self.owns_register(department, k))
    }

    /// The department's part of the report, for the workbook of its message: its findings, the
    /// registers of the families it owns, personal data masked ([`Report::part`]).
    pub fn part(&self, report: &Report, department: &str) -> Report {
        let rules: Vec<&str> = (crate::rules::registry::all())
            .filter(|r| self.shows_rule(department, *r))
            .map(|r| r.id())
            .collect();
        let audience = Audience::Department(department.to_string());
        report.part(&crate::report::Share {
            label: audience.label(&report.text()),
            finding: &|f| self.routes(department, f),
            register: &|kind| self.owns_register(department, kind),
            rule: &|id| rules.contains(&id),
        })
    }

    pub(super) fn sees(&self, audience: &Audience, finding: &Finding) -> bool {
        match audience {
            Audience::Manager => true,
            Audience::Department(d) => self.routes(d, finding),
        }
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::rules::finding::Severity;

    pub(crate) fn routing(pairs: &[(&str, &[&str])]) -> Routing {
        Routing::new(
            &pairs
                .iter()
                .map(|(d, e)| (d.to_string(), e.iter().map(|s| s.to_string()).collect()))
                .collect(),
        )
    }

    pub(crate) fn finding(rule: &'static str, register: Kind) -> Finding {
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
            since: None,
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
    fn records_control_findings_go_to_the_keeper_of_the_register_unless_rc_is_named() {
        let r = routing(&[
            ("sales", &["CR"]),
            ("customer-service", &["FB", "CP"]),
            ("guest-relations", &["GH"]),
        ]);
        assert!(r.routes("sales", &finding("RC01", Kind::Contracts)));
        assert!(r.routes("customer-service", &finding("RC02", Kind::Feedback)));
        assert!(!r.routes("sales", &finding("RC02", Kind::Feedback)));
        let r = routing(&[("sales", &["CR"]), ("quality", &["RC"])]);
        assert!(r.routes("quality", &finding("RC01", Kind::Contracts)));
        assert!(!r.routes("sales", &finding("RC01", Kind::Contracts)));
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
}
