//! The rules each row of the Contract reviews section broke, from the month's findings.

use crate::registers::Kind;
use crate::rules::finding::Finding;

/// The contracts' and amendments' findings in the order of their rows (file, sheet, row): the
/// rules a row broke are looked up by halving ([`RowRules::of`]). A map of the rows to their
/// rules held 21 MB at a million rows, at the month's highest memory; this holds 4 bytes a
/// finding.
pub(super) struct RowRules<'a> {
    findings: &'a [Finding],
    in_row_order: Vec<u32>,
}

/// Where a finding is, as a row of the section is looked up.
fn place(f: &Finding) -> (&str, &str, u32) {
    (f.location.file.as_str(), f.location.sheet.as_str(), f.location.row)
}

impl<'a> RowRules<'a> {
    /// Only the findings of the two registers whose rows this section lists.
    pub(super) fn new(findings: &'a [Finding]) -> Self {
        let mut in_row_order: Vec<u32> = (0..findings.len() as u32)
            .filter(|&i| matches!(findings[i as usize].register, Kind::Contracts | Kind::Amendments))
            .collect();
        in_row_order.sort_unstable_by_key(|&i| place(&findings[i as usize]));
        RowRules { findings, in_row_order }
    }

    /// The rules the findings of the row at `at` broke, each once, in the order of their ids.
    pub(super) fn of(&self, at: (&str, &str, u32)) -> Vec<&'static str> {
        let place_of = |i: &u32| place(&self.findings[*i as usize]);
        let first = self.in_row_order.partition_point(|i| place_of(i) < at);
        let mut rules: Vec<&'static str> = self.in_row_order[first..]
            .iter()
            .take_while(|i| place_of(i) == at)
            .map(|&i| self.findings[i as usize].rule)
            .collect();
        rules.sort_unstable();
        rules.dedup();
        rules
    }
}

#[cfg(test)]
mod tests {
    use super::RowRules;
    use crate::base::message::Message;
    use crate::registers::{Kind, Layout, Location};
    use crate::rules::finding::{Finding, Severity};

    fn finding(rule: &'static str, register: Kind, file: &str, row: u32) -> Finding {
        Finding {
            rule,
            severity: Severity::Error,
            register,
            record: String::new(),
            location: Location {
                file: file.to_string(),
                sheet: "2026".to_string(),
                layout: Layout::default(),
                row,
                column: None,
            },
            field: String::new(),
            message: Message::text("x"),
            clause: "",
            since: None,
        }
    }

    /// A row's rules are those of its own findings, each once and in the order of their ids,
    /// whatever order the findings came in; a row of another file or register has none of them.
    #[test]
    fn a_rows_rules_are_its_findings_each_once_in_order() {
        let findings = [
            finding("CR03", Kind::Contracts, "contracts.xlsx", 7),
            finding("CR02", Kind::Contracts, "contracts.xlsx", 9),
            finding("CR02", Kind::Contracts, "contracts.xlsx", 7),
            finding("RG01", Kind::Contracts, "contracts.xlsx", 7),
            finding("CR03", Kind::Contracts, "contracts.xlsx", 7),
            finding("CR05", Kind::Amendments, "amendments.xlsx", 7),
            finding("GH01", Kind::Guests, "contracts.xlsx", 8),
        ];
        let rules = RowRules::new(&findings);
        assert_eq!(rules.of(("contracts.xlsx", "2026", 7)), ["CR02", "CR03", "RG01"]);
        assert_eq!(rules.of(("contracts.xlsx", "2026", 9)), ["CR02"]);
        assert_eq!(rules.of(("amendments.xlsx", "2026", 7)), ["CR05"]);
        assert!(
            rules.of(("contracts.xlsx", "2026", 8)).is_empty(),
            "not a contracts finding"
        );
        assert!(rules.of(("contracts.xlsx", "2027", 7)).is_empty());
        assert!(RowRules::new(&[]).of(("contracts.xlsx", "2026", 7)).is_empty());
    }
}
