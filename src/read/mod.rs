//! Finding the spreadsheets in an inbox and reading their cells (SPEC 1.1).
//!
//! Every `.xlsx .xlsm .xls .xlsb .ods .csv` under the inbox is read; Excel lock files (`~$…`),
//! hidden files and other types are skipped and listed. Cells are handed row by row to a sink with
//! their absolute Excel position, so a register is never held twice in memory. xlsx/xlsm/xlsb are
//! read through calamine's streaming cell reader: a stray value at XFD60000 costs one cell, not a
//! dense range of a billion cells.
//!
//! By job: [`discover`] finds the files, [`sniff`] tells what each really is, a reader (`workbook`,
//! `csv`, or [`contain`] for xls and ods in a child process) gives its cells, which are made into
//! rows (`assemble`, on a second thread: [`pipe`]) for a [`SheetSink`]. [`kept`] keeps the rows as
//! read for the annotated copies; [`count`] counts them for the progress line.

mod assemble;
pub(crate) mod cell;
pub mod contain;
pub mod count;
mod csv;
mod discover;
mod error;
pub mod kept;
mod options;
pub mod pipe;
mod sheet;
mod sniff;
mod workbook;

use std::fs::File;
use std::io::BufReader;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use self::csv::read_csv;
use self::workbook::{read_range_workbook, read_xlsb, read_xlsx};

pub(crate) use self::assemble::RowAssembler;
pub use self::assemble::{clean_text, MAX_CELL_CHARS};
pub use self::cell::RawCell;
pub use self::csv::decode_csv;
pub use self::discover::{discover, Format, InboxFile, SkipReason, Skipped};
pub use self::error::{ReadError, TEXTS};
pub use self::options::{Limits, ReadOptions};
pub use self::sheet::{Merge, SheetRow, SheetSink};
pub use self::sniff::{sha256, sniff};

/// Reads every worksheet of `file` into `sink`; the format it was read as (told by its content,
/// not its name). An error is the file's one-line reason.
pub fn read_file(file: &InboxFile, options: &ReadOptions, sink: &mut dyn SheetSink) -> Result<Format, ReadError> {
    let format = sniff(&file.path, file.format, &options.limits)?;
    let read = match (format, &options.reader_exe) {
        // Read as one dense range each: contained in a child process when `main` allows it.
        (Format::Xls | Format::Ods, Some(exe)) => contain::read(&file.path, format, exe, &options.limits, sink),
        _ => read_in_process(&file.path, format, &options.limits, sink),
    };
    read.map(|()| format)
}

/// Reads a file of a known format in this process; a panic in the parser costs the file only.
pub fn read_in_process(
    path: &Path,
    format: Format,
    limits: &Limits,
    sink: &mut dyn SheetSink,
) -> Result<(), ReadError> {
    let outcome = catch_unwind(AssertUnwindSafe(|| match format {
        Format::Xlsx => read_xlsx(path, limits, sink),
        Format::Xlsb => read_xlsb(path, limits, sink),
        Format::Xls => read_range_workbook::<calamine::Xls<BufReader<File>>>(path, limits, sink),
        Format::Ods => read_range_workbook::<calamine::Ods<BufReader<File>>>(path, limits, sink),
        Format::Csv => read_csv(path, limits, sink),
    }));
    match outcome {
        Ok(result) => result,
        Err(_) => Err(ReadError::gave_up()),
    }
}

/// Excel column letters of a 0-based column index (0 → A, 26 → AA).
pub fn column_letters(col: u32) -> String {
    let mut n = col + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        out.push((b'A' + rem) as char);
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_match_excel() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(16383), "XFD");
    }
}
