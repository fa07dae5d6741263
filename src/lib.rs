//! clerk: reads a company's monthly Excel registers, checks every row against its review and
//! record rules, and writes the monthly report (workbook, HTML summary, findings.json).
//!
//! Data flows one way: [`inbox`] finds and reads files → [`registers`] recognises and types rows
//! ([`value`]) → [`rules`] turn records into [`finding::Finding`]s → [`report`] builds one model
//! that the renderers lay out.

pub mod cli;
pub mod commands;
pub mod config;
pub mod contain;
pub mod email;
pub mod finding;
pub mod i18n;
pub mod inbox;
pub mod init;
pub mod kept;
pub mod parallel;
pub mod period;
pub mod pipe;
pub mod registers;
pub mod report;
pub mod rules;
pub mod run;
pub mod text;
pub mod timing;
pub mod value;
