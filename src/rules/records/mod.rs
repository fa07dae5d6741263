//! Records control RC01–RC02 (procedure Part 1, 6 形成的文件和記錄, kept under the records
//! control procedure 記錄控制程序; ISO 9001 7.5.3): a record of a month already reported is not
//! changed or deleted afterwards. They compare the records read now with their fingerprints at
//! their month's report ([`crate::month::ClosedRecords`], from the history `clerk run` keeps);
//! without a history they find nothing.
//!
//! A record is of a **closed month** when its month ([`crate::month::record_month`]) was reported
//! before the report period. A record the period covers (an order committed in it, feedback
//! still open, every guest profile) or whose month is now the period's (feedback finished in it)
//! is of the current period: it may still be worked on, and is never RC01 or RC02.
//!
//! Routing: no `[departments]` entry names RC by default, so an RC finding goes, like an RG one,
//! to the manager and to the department that keeps the record's register (`render/html/routing.rs`):
//! the people who keep the register are the ones who can say why a closed record changed.

mod rc01;
mod rc02;

pub use rc01::Rc01;
pub use rc02::Rc02;

use crate::month::{month_id, month_number, NO_MONTH};
use crate::rules::Context;

/// The clause both rules cite: the records of Part 1, 6 and the control of documented
/// information of ISO 9001.
const CLAUSE: &str = "6; ISO 9001 7.5.3";

/// Whether a month (a [`month_number`]) ends before the report period starts.
fn before_period(ctx: &Context, month: i32) -> bool {
    month != NO_MONTH && month < month_number(&month_id(ctx.period.start))
}

/// Whether a month (a [`month_number`]) is one of the report period's.
fn in_period(ctx: &Context, month: i32) -> bool {
    month_number(&month_id(ctx.period.start)) <= month && month <= month_number(&month_id(ctx.period.as_of))
}
