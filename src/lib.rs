//! clerk: reads a company's monthly Excel registers, checks every row against its review and
//! record rules, and writes the monthly report (workbook, HTML summary, findings.json).
//!
//! Data flows one way, from the bottom up (ARCHITECTURE.md): [`read`] finds and reads files →
//! [`values`] types cells → [`registers`] recognises sheets and types rows → [`month`] works out
//! what the month is made of → [`rules`] judge it into findings → [`report`] counts them into one
//! model → [`render`] lays it out → [`commands`] tie it together. [`base`] and [`settings`] serve
//! the layers above them.

pub mod base;
pub mod commands;
pub mod history;
pub mod month;
pub mod read;
pub mod registers;
pub mod render;
pub mod report;
pub mod rules;
pub mod settings;
pub mod values;
