//! Feedback and complaint rules FB01–FB02, CP01–CP04 (procedure Part 1, 5.3; Part 3).
//!
//! Part 1 5.3.3 asks that every piece of customer feedback (complaints included) is reviewed and
//! handled, 5.3.4 that after-sales service is reported with the customer's evaluation and its
//! verification (record 6.10). Part 3 sets how complaints are followed until resolved and answered
//! (跟清楚, 復清楚, 記清楚), that major complaints are reported at once (報告), and which phrases staff
//! must never use (服務忌語).
//!
//! Every rule judges only the rows the report period covers (received in the period, or received
//! earlier and still open at as-of) and never guesses from a cell it could not read: such a cell
//! already has its RG02 finding, and the rule leaves that row's judgement to a rerun after the fix.
//! Where each piece of feedback stands is worked out in [`crate::month::feedback`].

mod cp01;
mod cp02;
mod cp03;
mod cp04;
mod fb01;
mod fb02;
#[cfg(test)]
mod testing;

pub use cp01::Cp01;
pub use cp02::Cp02;
pub use cp03::Cp03;
pub use cp04::Cp04;
pub use fb01::Fb01;
pub use fb02::Fb02;

use crate::base::i18n::Entry;
use crate::registers::{AnyField, Record};
use crate::rules::Context;

/// The first of `fields` the record's sheet has a column for; the first field when it has none.
fn first_column(ctx: &Context, record: &Record, fields: &[AnyField]) -> AnyField {
    let source = ctx.registers.source_of(record);
    fields
        .iter()
        .copied()
        .find(|f| source.has_column(f.index()))
        .unwrap_or(fields[0])
}

/// Texts the family's rules share: key → [en, zh-Hant, zh-Hans] (none at present: each rule's are
/// in its own file).
pub static TEXTS: &[Entry] = &[];
