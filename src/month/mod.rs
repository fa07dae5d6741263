//! What the month is made of: the period and its as-of date, and which records it covers.

pub mod period;
