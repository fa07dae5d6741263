//! Contract review rules CR01–CR07 (procedure Part 1, 5.2): every bid, contract and order,
//! oral ones included, is reviewed before the company commits, by the method and authority the
//! review-authority table requires, with its records kept; revised or rejected requirements are
//! taken back to the customer; amendments are re-reviewed and announced.
//!
//! Each rule reports only rows the report period covers (SPEC 2), never guesses a value that is
//! blank or unreadable, and leaves to RG01/RG02 the cells they already report. Where each order and
//! amendment stands is worked out in [`crate::month::contracts`].

mod cr01;
mod cr02;
mod cr03;
mod cr04;
mod cr05;
mod cr06;
mod cr07;

pub use cr01::Cr01;
pub use cr02::{authority_table, Cr02};
pub use cr03::Cr03;
pub use cr04::Cr04;
pub use cr05::Cr05;
pub use cr06::Cr06;
pub use cr07::Cr07;
