//! What every layer may use: the text catalogue's types, text keys, work on every core, timings.

pub mod i18n;
pub mod memory;
pub mod message;
pub mod os;
pub mod parallel;
pub mod phrases;
pub mod put_away;
pub mod sealed;
pub mod spill;
pub mod text;
pub mod text_block;
pub mod timing;
pub mod varint;
