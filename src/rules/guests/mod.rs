//! Guest relations rules GH01–GH06 (procedure Part 2, 客史檔案管理): profiles complete for their
//! class, classes reviewed against spend, banquets recorded, new A-class guests called on every
//! month, visits and call-backs booked to a known profile, one profile per guest. The guests as the
//! month stands — the guest book, visits, spend, call-backs — are worked out in
//! [`crate::month::guests`].

mod gh01;
mod gh02;
mod gh03;
mod gh04;
mod gh05;
mod gh06;

pub use gh01::Gh01;
pub use gh02::{review_due, Gh02};
pub use gh03::Gh03;
pub use gh04::Gh04;
pub use gh05::Gh05;
pub use gh06::Gh06;

use crate::registers::{AnyField, Source};

/// The field a finding about several missing fields points at: the first that has a column in
/// the sheet (so the cell can be found), else the first.
fn first_present(source: &Source, missing: &[AnyField]) -> AnyField {
    missing
        .iter()
        .copied()
        .find(|f| source.has_column(f.index()))
        .unwrap_or(missing[0])
}
