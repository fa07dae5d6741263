//! The feedback part of the report: medians, sheet names.

use super::count::median;

#[test]
fn medians() {
    assert_eq!(median(vec![]), None);
    assert_eq!(median(vec![5]), Some(5.0));
    assert_eq!(median(vec![9, 1, 3]), Some(3.0));
    assert_eq!(median(vec![4, 1, 3, 2]), Some(2.5));
}

#[test]
fn sheet_names_fit_excel() {
    for lang in crate::base::i18n::Lang::ALL {
        let text = crate::commands::texts::catalogue(lang);
        let spans = ["month", "quarter", "half", "year", "all"];
        let names = spans.map(|s| format!("feedback.sheet.{s}"));
        for key in names.iter().map(String::as_str).chain(["feedback.cp.sheet"]) {
            let name = text.get(key);
            assert_ne!(name, key, "a sheet name in every language");
            assert!(name.chars().count() <= 31, "{name}");
            assert!(!name.contains(['[', ']', ':', '*', '?', '/', '\\']), "{name}");
        }
    }
}
