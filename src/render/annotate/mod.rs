//! Annotated registers (SPEC 3, `annotated/`): for each input workbook with findings, a copy with
//! the same sheets and values, the offending cells highlighted and a note giving rule and message,
//! so that staff can fix their own register. Inputs are never touched.
//!
//! An xlsx or xlsm register is copied as the staff's own package with only the highlights and
//! notes added (`patch/`): every style, width, number format, merged cell, frozen pane, data
//! validation, formula, macro and other sheet stays as it was, and the copy keeps the file's
//! name. Patching copies the parts it does not change as they are, so a whole copy costs about
//! what its marked sheets take to unpack and pack again.
//!
//! Other registers (xls, xlsb, ods, CSV), an xlsx with a register longer than
//! `report.annotate_max_rows` (whose copy holds the header and the rows with findings only, each
//! with its original row number in a first column, as SPEC 3 says), and a package clerk cannot
//! patch (said in one line; the copy is still written) are copied from their values into a new
//! `.xlsx`, the header bold, bordered and frozen. Such a copy needs every cell, not only the typed
//! values of the register columns: `run` keeps each sheet's rows as first read
//! ([`crate::read::kept`]), so the inputs are read once. Each copy is written on whichever core is
//! free.
//!
//! `plan.rs` picks the copies and lets go of the rows none shows; `copy.rs` replays a file's kept
//! rows into its copy, each cell in its look (`look.rs`: header, fills, dates, quote prefixes),
//! following the register's merged areas (`merges.rs`); `sheet_xml.rs` holds the rows as clerk
//! writes them and puts them into the saved copy.

mod copy;
mod look;
mod merges;
mod patch;
mod plan;
mod sheet_xml;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use self::copy::Copier;
use self::patch::{Patched, SheetMarks};
use self::plan::{in_part, target};
pub use self::plan::{plan, prune, AnnotatedCopy};
use crate::base::i18n::Catalogue;
use crate::read::SheetSink;
use crate::render::AtomicFile;
use crate::report::Report;
use crate::rules::finding::{Finding, Severity};

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
    (
        "annotate.values_only",
        [
            "{file}: the annotated copy holds the register's values only, not its own formatting ({reason}).",
            "{file}：標註副本只保留了台帳的數值，未能保留原表的格式（{reason}）。",
            "{file}：标注副本只保留了台账的数值，未能保留原表的格式（{reason}）。",
        ],
    ),
    (
        "annotate.changed",
        [
            "the file changed while clerk was reading the inbox",
            "檔案在 clerk 讀取期間被修改過",
            "文件在 clerk 读取期间被修改过",
        ],
    ),
];

/// An annotated copy written: where, and the line to show when it could not keep the register's
/// own formatting.
pub struct Written {
    pub path: PathBuf,
    pub warning: Option<String>,
}

/// Writes one annotated copy into `out_dir/annotated/`: the register's own package with the
/// highlights and notes added (xlsx, xlsm), or a workbook of its values.
pub fn write(report: &Report, copy: &AnnotatedCopy, out_dir: &Path, max_rows: u64) -> Result<Written, String> {
    let rel = copy.rel;
    let _t = crate::base::timing::Phase::start(format!("annotated {rel}"));
    let patched_at = target(out_dir, rel, true);
    let patched = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        patched(report, copy, max_rows, &patched_at)
    }))
    .unwrap_or_else(|_| Err("an internal error".into()));
    let (bytes, out, warning) = match patched {
        Ok(Some(file)) => {
            file.keep()?;
            return Ok(Written {
                path: patched_at,
                warning: None,
            });
        }
        Ok(None) => (
            render(report, copy, max_rows, Writer::Clerk)?,
            target(out_dir, rel, false),
            None,
        ),
        Err(reason) => {
            let line = report
                .text()
                .fmt("annotate.values_only", &[("file", rel), ("reason", &reason)]);
            (
                render(report, copy, max_rows, Writer::Clerk)?,
                target(out_dir, rel, false),
                Some(line),
            )
        }
    };
    super::write_atomically(&out, &bytes)?;
    Ok(Written { path: out, warning })
}

/// The copy of an xlsx or xlsm register patched (see [`patch`]); none for the other files and
/// for a file with a register longer than `max_rows` (its copy holds the rows with findings
/// only); the reason when it should have been and could not be. The copy is written into its
/// file at `at` as it is made, to be kept ([`AtomicFile::keep`]) by the caller.
fn patched(report: &Report, copy: &AnnotatedCopy, max_rows: u64, at: &Path) -> Result<Option<AtomicFile>, String> {
    let rel = copy.rel;
    let inputs: Vec<_> = report.inputs.iter().filter(|i| i.file == rel).collect();
    let mut sheets: Vec<&str> = copy.findings.iter().map(|f| f.location.sheet.as_str()).collect();
    sheets.sort_unstable();
    sheets.dedup();
    let long = |sheet: &str| inputs.iter().any(|i| i.sheet == sheet && in_part(i.rows, max_rows));
    if sheets.iter().any(|s| long(s)) {
        return Ok(None);
    }
    let path = report.inbox.join(rel);
    if !is_zip(&path) {
        return Ok(None);
    }
    let original = std::fs::read(&path).map_err(|e| e.to_string())?;
    if let Some(input) = inputs.first() {
        let sha = <sha2::Sha256 as sha2::Digest>::digest(&original);
        let sha: String = sha.iter().map(|b| format!("{b:02x}")).collect();
        if sha != input.sha256 {
            return Err(report.text().get("annotate.changed"));
        }
    }
    let marks: Vec<SheetMarks> = (sheets.iter())
        .map(|&name| {
            let mut notes = sheet_notes(&copy.findings, name, &report.text());
            // (A finding is on a row of the sheet; were one not, it would be on no cell.)
            notes.retain(|&(row, col), _| row > 0 && col < 16_384);
            SheetMarks {
                name: name.to_string(),
                marks: notes.iter().map(|(&at, (severity, _))| (at, *severity)).collect(),
                notes: (notes.into_iter())
                    .map(|((row, col), (_, lines))| (row - 1, col as u16, lines.join("\n")))
                    .collect(),
            }
        })
        .collect();
    let mut file = AtomicFile::create(at)?;
    match patch::patch(&original, &marks, file.out())? {
        Patched::Copy(_) => Ok(Some(file)),
        Patched::NotXml => Ok(None),
    }
}

/// Whether the file at `path` is a zip package (a workbook of parts, whatever its name).
fn is_zip(path: &Path) -> bool {
    let mut head = [0u8; 4];
    std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head))
        .is_ok()
        && head == *b"PK\x03\x04"
}

/// The findings of one sheet by cell (row, 1-based; column, 0-based): the most severe, and each
/// rule and message.
pub(super) fn sheet_notes(
    findings: &[&Finding],
    sheet: &str,
    text: &Catalogue,
) -> BTreeMap<(u32, u32), (Severity, Vec<String>)> {
    let mut notes: BTreeMap<(u32, u32), (Severity, Vec<String>)> = BTreeMap::new();
    for f in findings.iter().filter(|f| f.location.sheet == sheet) {
        let col = f.location.column.unwrap_or(0);
        let entry = notes.entry((f.location.row, col)).or_insert((f.severity, Vec::new()));
        entry.0 = entry.0.max(f.severity);
        entry.1.push(format!("{} {}", f.rule, text.render(&f.message)));
    }
    notes
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

/// The copy from the register's values, as bytes.
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
