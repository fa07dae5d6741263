//! The review-authority table against the SPEC table, other settings, unknown values.

use super::*;
use crate::registers::contracts;
use crate::settings::{parse_in_english as parse, Settings};

fn facts(category: &'static str, oral: bool, large: Fact<bool>, flagged: bool) -> Facts {
    Facts {
        category: Ok(category),
        oral: Ok(oral),
        large,
        flagged: Ok(flagged),
    }
}

fn need(settings: &ContractSettings, method: &str, role: &str) -> Need {
    Need {
        method: method_rank(settings, method),
        role: role_rank(settings, role),
    }
}

fn only(required: &Required) -> Need {
    assert!(required.is_known(), "{required:?}");
    required.outcomes[0].need
}

#[test]
fn the_default_table_is_the_spec_table() {
    let s = Settings::default().contracts;
    let n = |m, r| need(&s, m, r);
    let cases: [(Facts, Need); 8] = [
        (
            facts("routine", true, Ok(false), false),
            n("authorized", "sales_manager"),
        ),
        (
            facts("routine", true, Ok(true), false),
            n("authorized", "sales_manager"),
        ),
        (
            facts("routine", false, Ok(false), false),
            n("authorized", "sales_manager"),
        ),
        (
            facts("routine", false, Ok(false), true),
            n("countersign", "production_vp"),
        ),
        (
            facts("routine", false, Ok(true), false),
            n("countersign", "production_vp"),
        ),
        (
            facts("non_routine", false, Ok(false), false),
            n("countersign", "general_manager"),
        ),
        (
            facts("customer_drawing", true, Ok(false), false),
            n("countersign", "general_manager"),
        ),
        (
            facts("special_tech", false, Ok(true), true),
            n("meeting", "general_manager"),
        ),
    ];
    for (f, expected) in cases {
        assert_eq!(only(&required(&s, &f)), expected, "{f:?}");
    }
    assert_eq!(
        only(&required(&s, &facts("new_product", false, Ok(false), false))),
        n("meeting", "general_manager")
    );
    // A flagged oral order needs the countersign review of 5.2.4.2 a.
    assert_eq!(
        only(&required(&s, &facts("routine", true, Ok(false), true))),
        n("countersign", "production_vp")
    );
}

#[test]
fn a_different_matrix_is_a_change_of_settings() {
    let s = parse(
        "[contracts]\nlarge_amount = 500000\n\
         [contracts.large_amount_rule]\nmethod = \"meeting\"\napprover = \"general_manager\"\n\
         [contracts.review_authority]\nnon_routine = { method = \"meeting\", approver = \"production_vp\" }\n",
    )
    .unwrap()
    .contracts;
    let r = required(&s, &facts("non_routine", false, Ok(false), false));
    assert_eq!(only(&r), need(&s, "meeting", "production_vp"));
    // Flagged and large: every row applies, so the stronger of the two.
    let mut f = facts("routine", false, Ok(true), true);
    assert_eq!(only(&required(&s, &f)), need(&s, "meeting", "general_manager"));
    f.large = Ok(false);
    assert_eq!(only(&required(&s, &f)), need(&s, "countersign", "production_vp"));
}

#[test]
fn an_unknown_amount_blocks_only_routine_non_oral_orders() {
    let s = Settings::default().contracts;
    let blank = Err((contracts::AMOUNT.any(), Gap::Blank));
    let r = required(&s, &facts("routine", false, blank, false));
    assert_eq!(r.outcomes.len(), 2);
    assert_eq!(r.blockers, vec![(contracts::AMOUNT.any(), Gap::Blank)]);
    assert_eq!(r.floor(), need(&s, "authorized", "sales_manager"));
    for f in [
        facts("routine", true, blank, false),
        facts("non_routine", false, blank, false),
    ] {
        let r = required(&s, &f);
        assert!(r.is_known() && r.blockers.is_empty(), "{f:?}");
    }
}

#[test]
fn verdicts() {
    let s = Settings::default().contracts;
    let actual = |m: &str, r: &str| Actual {
        method: Ok(method_rank(&s, m)),
        role: Ok(role_rank(&s, r)),
    };
    let non_routine = required(&s, &facts("non_routine", false, Ok(false), false));
    assert!(matches!(
        verdict(&non_routine, &actual("authorized", "sales_manager")),
        Verdict::Weak {
            method_weak: true,
            role_weak: true,
            ..
        }
    ));
    assert!(matches!(
        verdict(&non_routine, &actual("authorized", "general_manager")),
        Verdict::Weak {
            method_weak: true,
            role_weak: false,
            ..
        }
    ));
    // Stronger than required is compliant.
    assert_eq!(
        verdict(&non_routine, &actual("meeting", "general_manager")),
        Verdict::Compliant
    );
    // A blank role cannot be judged; a known weak method can.
    let blank_role = Actual {
        method: Ok(method_rank(&s, "countersign")),
        role: Err((contracts::APPROVER_ROLE.any(), Gap::Blank)),
    };
    assert_eq!(
        verdict(&non_routine, &blank_role),
        Verdict::Unknown {
            blockers: vec![(contracts::APPROVER_ROLE.any(), Gap::Blank)]
        }
    );
    // Amount unknown: a review strong enough for either answer is compliant; a weak one is unknown.
    let unknown = required(
        &s,
        &facts("routine", false, Err((contracts::AMOUNT.any(), Gap::Unreadable)), false),
    );
    assert_eq!(
        verdict(&unknown, &actual("countersign", "production_vp")),
        Verdict::Compliant
    );
    assert_eq!(
        verdict(&unknown, &actual("authorized", "sales_manager")),
        Verdict::Unknown {
            blockers: vec![(contracts::AMOUNT.any(), Gap::Unreadable)]
        }
    );
}

#[test]
fn thousands_separators() {
    assert_eq!(thousands(1_000_000), "1,000,000");
    assert_eq!(thousands(999), "999");
    assert_eq!(thousands(12_345), "12,345");
}
