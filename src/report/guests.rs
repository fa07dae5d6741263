//! The Guests sheet (SPEC 3.6), the consumption analyses (SPEC 3.7) and the guest headline figures.

use rust_xlsxwriter::{Workbook, XlsxError};
use serde::Serialize;

use super::{HtmlBlock, Report};
use crate::run::Checked;

/// What this part of the report shows, computed once from the checked registers.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Section {}

/// Catalogue texts of this part of the report: key → [en, zh-Hant, zh-Hans] (see [`crate::i18n`]).
pub static TEXTS: &[(&str, [&str; 3])] = &[];

pub fn build(_checked: &Checked) -> Section {
    Section::default()
}

/// Headline figures and short lists for the HTML summary.
pub fn html_blocks(_report: &Report) -> Vec<HtmlBlock> {
    Vec::new()
}

/// Adds this part's sheets to the workbook, after Summary and Findings.
pub fn write_sheets(_book: &mut Workbook, _report: &Report) -> Result<(), XlsxError> {
    Ok(())
}
