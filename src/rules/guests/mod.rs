//! Guest history rules GH01–GH06 (procedure Part 2, 酒店企業怎樣建立顧客檔案): complete profiles
//! for A- and B-class guests, classes that follow the year's spend, a menu and a dish rating for
//! every visit, the monthly call on newly won A-class guests, visits and call-backs that belong to
//! a profile, and one profile per guest.
//!
//! [`history`] holds what the rules share with the Guests sheet and the consumption analyses
//! (`crate::report::guests`): matching rows to profiles, spend per guest, classes.

pub mod history;

mod gh01;
mod gh02;
mod gh03;
mod gh04;
mod gh05;
mod gh06;
mod texts;

pub use gh01::Gh01;
pub use gh02::{review_due, Gh02};
pub use gh03::Gh03;
pub use gh04::Gh04;
pub use gh05::Gh05;
pub use gh06::Gh06;
pub use texts::TEXTS;

use super::Rule;
use crate::base::i18n::Catalogue;
use crate::registers::{Kind, Source};

/// The rules of this family, in listing order.
pub static RULES: &[&dyn Rule] = &[&Gh01, &Gh02, &Gh03, &Gh04, &Gh05, &Gh06];

/// The field a finding about several missing fields points at: the first that has a column in
/// the sheet (so the cell can be found), else the first.
fn first_present<'f>(source: &Source, kind: Kind, missing: &[&'f str]) -> &'f str {
    missing
        .iter()
        .copied()
        .find(|f| kind.field(f).is_some_and(|i| source.has_column(i)))
        .or_else(|| missing.first().copied())
        .unwrap_or_default()
}

/// Items joined the way the report language writes a list (`a, b` / `甲、乙`).
pub fn list(text: &Catalogue, items: &[String]) -> String {
    items.join(&text.get("msg.GH.list_sep"))
}

/// How many items a message or a report cell names before it says "and N more".
pub const LIST_MAX: usize = 5;

/// The first [`LIST_MAX`] of `total` items, described by `describe`, then "and N more" when there
/// are others — so a message stays readable however many rows share a phone or a name.
pub fn list_some<T>(text: &Catalogue, items: &[T], describe: impl Fn(&T) -> String) -> String {
    let shown: Vec<String> = items.iter().take(LIST_MAX).map(describe).collect();
    let mut out = list(text, &shown);
    if items.len() > LIST_MAX {
        let more = (items.len() - LIST_MAX).to_string();
        out.push_str(&text.fmt("msg.GH.list_more", &[("n", &more)]));
    }
    out
}
