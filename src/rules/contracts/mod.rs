//! Contract review rules CR01–CR07 (procedure Part 1, 5.2): every bid, contract and order,
//! oral ones included, is reviewed before the company commits, by the method and authority the
//! review-authority table requires, with its records kept; revised or rejected requirements are
//! taken back to the customer; amendments are re-reviewed and announced.
//!
//! Each rule reports only rows the report period covers (SPEC 2), never guesses a value that is
//! blank or unreadable, and leaves to RG01/RG02 the cells they already report.

pub mod authority;
mod cr01;
mod cr02;
mod cr03;
mod cr04;
mod cr05;
mod cr06;
mod cr07;
mod texts;

pub use cr01::Cr01;
pub use cr02::Cr02;
pub use cr03::Cr03;
pub use cr04::Cr04;
pub use cr05::Cr05;
pub use cr06::Cr06;
pub use cr07::Cr07;
pub use texts::TEXTS;

use super::Rule;
use crate::registers::{Kind, Record};

/// The rules of this family, in listing order.
pub static RULES: &[&dyn Rule] = &[&Cr01, &Cr02, &Cr03, &Cr04, &Cr05, &Cr06, &Cr07];

/// The review-authority table in force, for `clerk rules CR02` (see [`authority::table`]).
pub fn authority_table(settings: &crate::settings::Settings, text: &crate::base::i18n::Catalogue) -> String {
    authority::table(&settings.contracts, text)
}

/// Fields that show a review took place.
const REVIEW_FIELDS: [&str; 6] = [
    "review_method",
    "reviewer",
    "review_date",
    "approver",
    "approver_role",
    "approval_date",
];

/// Whether the register shows any review of the order (a value, readable or not, in any review
/// column). An order with none is reported once, by CR01; CR02 and CR03 have nothing to judge.
pub fn has_review(record: &Record) -> bool {
    REVIEW_FIELDS
        .iter()
        .any(|f| record.get(Kind::Contracts, f).is_some() || record.is_unreadable(Kind::Contracts, f))
}

/// Contract numbers are compared as RG03 compares ids ([`crate::base::text::id_key`]), so an amendment
/// of `ht-2026-001` belongs to contract `HT-2026-001`.
pub use crate::base::text::id_key;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_compare_like_rg03() {
        assert_eq!(id_key(" ｈｔ-001 "), id_key("HT-001"));
        assert_ne!(id_key("HT-001"), id_key("HT-0001"));
    }

    #[test]
    fn rules_are_in_id_order() {
        let ids: Vec<&str> = RULES.iter().map(|r| r.id()).collect();
        assert_eq!(ids, ["CR01", "CR02", "CR03", "CR04", "CR05", "CR06", "CR07"]);
    }
}
