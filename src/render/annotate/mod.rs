//! Annotated registers (SPEC 3, `annotated/`): for each input workbook with findings, a copy with
//! the same sheets and values, the offending cells highlighted and a note giving rule and message,
//! so that staff can fix their own register. Inputs are never touched.
//!
//! A copy needs every cell, not only the typed values of the register columns: `run` keeps each
//! sheet's rows as first read ([`crate::read::kept`]), so the inputs are read once. A sheet longer than
//! `report.annotate_max_rows` is copied as its header and the rows with findings only, each with
//! its original row number in a first column. Each copy is written straight from the kept rows,
//! on whichever core is free.
//!
//! `plan.rs` picks the copies and lets go of the rows none shows; `copy.rs` replays a file's kept
//! rows into its copy, each cell in its look (`look.rs`: fills, dates, quote prefixes), following
//! the register's merged areas (`merges.rs`); `sheet_xml.rs` holds the rows as clerk writes them
//! and puts them into the saved copy.

mod copy;
mod look;
mod merges;
mod plan;
mod sheet_xml;
#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};

use self::copy::Copier;
use self::plan::target;
pub use self::plan::{plan, prune, AnnotatedCopy};
use crate::read::SheetSink;
use crate::report::Report;

/// Catalogue texts of the annotated copies.
pub static TEXTS: &[crate::base::i18n::Entry] = &[
    ("annotate.row", ["Row in the register", "原表行號", "原表行号"]),
    (
        "annotate.partial",
        [
            "This register has {rows} row{rows|s}; the copy holds its header and the rows with findings only.",
            "此台帳共 {rows} 行；副本只保留表頭和有問題的行。",
            "此台账共 {rows} 行；副本只保留表头和有问题的行。",
        ],
    ),
];

/// Writes one annotated copy into `out_dir/annotated/`; returns its path.
pub fn write(report: &Report, copy: &AnnotatedCopy, out_dir: &Path, max_rows: u64) -> Result<PathBuf, String> {
    let rel = copy.rel;
    let _t = crate::base::timing::Phase::start(format!("annotated {rel}"));
    let bytes = render(report, copy, max_rows, Writer::Clerk)?;
    let out = target(out_dir, rel);
    super::write_atomically(&out, &bytes)?;
    Ok(out)
}

/// Who writes the copy's cells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Writer {
    /// clerk, into the saved workbook (see [`sheet_xml::SheetXml`]).
    Clerk,
    /// rust_xlsxwriter, cell by cell: the reference the tests compare with.
    #[cfg(test)]
    Library,
}

/// The copy as bytes.
fn render(report: &Report, copy: &AnnotatedCopy, max_rows: u64, writer: Writer) -> Result<Vec<u8>, String> {
    let rel = copy.rel;
    let mut copier = Copier::new(report, rel, &copy.findings, max_rows, writer);
    for sheet in &copy.kept {
        copier.begin_sheet(&sheet.name, sheet.hidden);
        sheet.replay(&mut copier);
        copier.end_sheet();
    }
    copier.finish().map_err(|e| format!("{rel}: {e}"))
}
