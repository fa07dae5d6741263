//! Generic rules that apply to every register: RG01–RG04 (SPEC 2, "Generic").
//!
//! They keep the registers usable as records (procedure Part 1 5.2.4.5 and 6.x; Part 3 五 記清楚):
//! a record with a blank key field, an unreadable value, a reused number or an impossible date
//! cannot prove anything to an auditor. RG01–RG03 judge the rows the period covers and the rows
//! whose month cannot be told (their key date is blank or unreadable); RG04, which compares dates,
//! only the rows the period covers.

mod rg01;
mod rg02;
mod rg03;
mod rg04;

pub use rg01::Rg01;
pub use rg02::Rg02;
pub use rg03::Rg03;
pub use rg04::Rg04;
