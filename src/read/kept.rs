//! The rows of each sheet as first read, kept packed in one buffer per sheet, so that the
//! annotated copies (SPEC 3) made from values — of xls, ods and CSV files, of registers too long
//! to copy whole, and of a workbook whose own package cannot be patched — are written without
//! reading the input files a second time. (An xlsx or xlsm copy is the file's own package with
//! the marks added; its kept rows are only the fallback.)
//!
//! A cell costs a byte beyond its content (text as UTF-8 with its length, numbers and dates as
//! eight bytes), about what the file's own XML spends on it once inflated, and far less than the
//! typed records. Only `run` keeps rows; `check` writes no copies.

use chrono::DateTime;
use compact_str::CompactString;

use std::sync::Arc;

use crate::base::sealed::Sealed;
use crate::base::spill::Spill;
use crate::read::{Merge, RawCell, SheetRow, SheetSink};

/// One sheet's rows, in reading order.
#[derive(Clone, Debug, Default)]
pub struct KeptSheet {
    pub name: String,
    pub hidden: bool,
    /// The sheet's merged areas ([`SheetSink::merged_areas`]).
    pub merges: Vec<Merge>,
    /// The packed rows, compressed in chunks as they come ([`Sealed`]): a large register's rows
    /// are kept for the few its copy shows, and compressed they take about a fifth of the room
    /// (169 → 37 MB at 1M rows: BENCHMARKS.md); a run puts them away in a file beside its
    /// reports until the rules have said which rows its copies show ([`Keeping::spill`]).
    rows: Sealed,
}

const EMPTY: u8 = 0;
const TEXT: u8 = 1;
const NUMBER: u8 = 2;
const DATETIME: u8 = 3;
const TRUE: u8 = 4;
const FALSE: u8 = 5;
const ERROR: u8 = 6;

impl KeptSheet {
    fn push(&mut self, row: &SheetRow) {
        let mut piece = self.rows.piece();
        let out: &mut Vec<u8> = &mut piece;
        out.extend_from_slice(&row.row.to_le_bytes());
        out.extend_from_slice(&(row.cells.len() as u32).to_le_bytes());
        for cell in &row.cells {
            match cell {
                RawCell::Empty => out.push(EMPTY),
                RawCell::Text(t) => put_text(out, TEXT, t),
                RawCell::Number(n) => {
                    out.push(NUMBER);
                    out.extend_from_slice(&n.to_le_bytes());
                }
                RawCell::DateTime(dt) => {
                    out.push(DATETIME);
                    let utc = dt.and_utc();
                    out.extend_from_slice(&utc.timestamp().to_le_bytes());
                    out.extend_from_slice(&utc.timestamp_subsec_nanos().to_le_bytes());
                }
                RawCell::Bool(b) => out.push(if *b { TRUE } else { FALSE }),
                RawCell::Error(e) => put_text(out, ERROR, e),
            }
        }
    }

    /// Seals the last rows: no more come.
    fn finish(&mut self) {
        self.rows.finish();
    }

    /// Each chunk of packed rows, uncompressed, in order.
    fn each_chunk(&self, mut f: impl FnMut(&[u8])) {
        let _ = self.rows.each_chunk(|chunk| {
            f(chunk);
            Ok::<(), ()>(())
        });
    }

    /// Bytes the packed rows take (what a copy of them has to write, roughly).
    pub fn bytes(&self) -> usize {
        self.rows.bytes()
    }

    /// Keeps the rows `keep` says yes to, as they were, and lets go of the others.
    pub fn retain_rows(&mut self, keep: impl Fn(u32) -> bool) {
        let mut kept = Sealed::default();
        self.each_chunk(|chunk| {
            let mut at = Cursor { bytes: chunk, at: 0 };
            while at.at < chunk.len() {
                let start = at.at;
                let row = at.u32();
                let count = at.u32();
                (0..count).for_each(|_| at.skip_cell());
                if keep(row) {
                    kept.push(&chunk[start..at.at]);
                }
            }
        });
        kept.finish();
        self.rows = kept;
    }

    /// Gives `sink` the rows it wants ([`SheetSink::wants_row`]) in order; the cells of the others
    /// are stepped over without being built.
    pub fn replay(&self, sink: &mut dyn SheetSink) {
        if !self.merges.is_empty() {
            sink.merged_areas(&self.merges);
        }
        self.each_chunk(|chunk| {
            let mut at = Cursor { bytes: chunk, at: 0 };
            while at.at < chunk.len() {
                let row = at.u32();
                let count = at.u32() as usize;
                if sink.wants_row(row) {
                    let cells = (0..count).map(|_| at.cell()).collect();
                    sink.row(SheetRow { row, cells });
                } else {
                    (0..count).for_each(|_| at.skip_cell());
                }
            }
        });
    }
}

fn put_text(out: &mut Vec<u8>, tag: u8, text: &str) {
    out.push(tag);
    out.extend_from_slice(&(text.len() as u32).to_le_bytes());
    out.extend_from_slice(text.as_bytes());
}

struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Cursor<'_> {
    fn take<const N: usize>(&mut self) -> [u8; N] {
        let mut out = [0; N];
        out.copy_from_slice(&self.bytes[self.at..self.at + N]);
        self.at += N;
        out
    }
    fn u32(&mut self) -> u32 {
        u32::from_le_bytes(self.take())
    }
    fn text(&mut self) -> CompactString {
        let len = self.u32() as usize;
        let bytes = &self.bytes[self.at..self.at + len];
        // The bytes were a `str` when kept. (compact_str's from_utf8_lossy decodes a character at
        // a time: it was most of the replay.)
        let text = match std::str::from_utf8(bytes) {
            Ok(text) => CompactString::new(text),
            Err(_) => CompactString::from_utf8_lossy(bytes),
        };
        self.at += len;
        text
    }
    fn cell(&mut self) -> RawCell {
        let tag = self.take::<1>()[0];
        match tag {
            TEXT => RawCell::Text(self.text()),
            NUMBER => RawCell::Number(f64::from_le_bytes(self.take())),
            DATETIME => {
                let secs = i64::from_le_bytes(self.take());
                let nanos = u32::from_le_bytes(self.take());
                DateTime::from_timestamp(secs, nanos).map_or(RawCell::Empty, |d| RawCell::DateTime(d.naive_utc()))
            }
            TRUE => RawCell::Bool(true),
            FALSE => RawCell::Bool(false),
            ERROR => RawCell::Error(self.text().into_string()),
            _ => RawCell::Empty,
        }
    }
    fn skip_cell(&mut self) {
        let tag = self.take::<1>()[0];
        self.at += match tag {
            TEXT | ERROR => self.u32() as usize,
            NUMBER => 8,
            DATETIME => 12,
            _ => 0,
        };
    }
}

/// Passes everything read to `inner` and keeps a copy of every row, sheet by sheet.
pub struct Keeping<'a> {
    /// Sendable, so that the keeping can be done on a thread of its own ([`crate::read::pipe`]).
    pub inner: &'a mut (dyn SheetSink + Send),
    pub sheets: Vec<KeptSheet>,
    /// Where the rows are put away once compressed ([`Sealed::spilling`]); None: held.
    pub spill: Option<Arc<Spill>>,
}

impl SheetSink for Keeping<'_> {
    fn begin_sheet(&mut self, sheet: &str, hidden: bool) -> bool {
        self.sheets.push(KeptSheet {
            name: sheet.to_string(),
            hidden,
            rows: self.spill.clone().map(Sealed::spilling).unwrap_or_default(),
            ..KeptSheet::default()
        });
        self.inner.begin_sheet(sheet, hidden);
        true
    }
    fn row(&mut self, row: SheetRow) {
        if let Some(kept) = self.sheets.last_mut() {
            kept.push(&row);
        }
        self.inner.row(row);
    }
    fn cells_ignored(&mut self, cell: &str) {
        self.inner.cells_ignored(cell);
    }
    fn merged_areas(&mut self, areas: &[Merge]) {
        if let Some(kept) = self.sheets.last_mut() {
            kept.merges = areas.to_vec();
        }
        self.inner.merged_areas(areas);
    }
    fn end_sheet(&mut self) {
        if let Some(kept) = self.sheets.last_mut() {
            kept.finish();
        }
        self.inner.end_sheet();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Collects what a replay gives.
    #[derive(Default)]
    struct Rows {
        skip: Option<u32>,
        rows: Vec<SheetRow>,
    }

    impl SheetSink for Rows {
        fn begin_sheet(&mut self, _: &str, _: bool) -> bool {
            true
        }
        fn row(&mut self, row: SheetRow) {
            self.rows.push(row);
        }
        fn wants_row(&self, row: u32) -> bool {
            self.skip != Some(row)
        }
        fn end_sheet(&mut self) {}
    }

    #[test]
    fn the_rows_retained_come_back_as_they_were_and_no_others() {
        let rows: Vec<SheetRow> = (1..=20_000)
            .map(|row| SheetRow {
                row,
                cells: vec![
                    RawCell::Text(format!("客戶 {row} 華東機械廠股份有限公司").as_str().into()),
                    RawCell::Number(f64::from(row)),
                    RawCell::Empty,
                ],
            })
            .collect();
        let mut sheet = KeptSheet::default();
        for row in &rows {
            sheet.push(row);
        }
        sheet.finish();
        let mut chunks = 0;
        sheet.each_chunk(|_| chunks += 1);
        assert!(chunks > 1, "the rows span several chunks");
        let packed = sheet.bytes();
        let held = sheet.rows.held();
        assert!(held * 2 < packed, "compressed: {held} bytes for {packed}");
        sheet.retain_rows(|row| row <= 2 || row % 997 == 7);
        let mut all = Rows::default();
        sheet.replay(&mut all);
        let wanted: Vec<SheetRow> = rows.into_iter().filter(|r| r.row <= 2 || r.row % 997 == 7).collect();
        assert_eq!(all.rows, wanted);
        sheet.retain_rows(|_| false);
        let mut none = Rows::default();
        sheet.replay(&mut none);
        assert!(none.rows.is_empty());
    }

    #[test]
    fn every_kind_of_cell_comes_back_as_it_went_in() {
        let when = chrono::NaiveDate::from_ymd_opt(2026, 10, 5)
            .unwrap()
            .and_hms_milli_opt(14, 30, 5, 250)
            .unwrap();
        let rows = vec![
            SheetRow {
                row: 1,
                cells: vec![
                    RawCell::Text("合同編號".into()),
                    RawCell::Empty,
                    RawCell::Text("".into()),
                    RawCell::Text("華東機械廠股份有限公司第三分廠 (longer than a value holds inline)".into()),
                ],
            },
            SheetRow {
                row: 7,
                cells: vec![
                    RawCell::Number(-1234.5),
                    RawCell::DateTime(when),
                    RawCell::Bool(true),
                    RawCell::Bool(false),
                    RawCell::Error("#N/A".into()),
                ],
            },
            SheetRow { row: 9, cells: vec![] },
            SheetRow {
                row: 10,
                cells: vec![RawCell::Number(3.0)],
            },
        ];
        let mut sheet = KeptSheet::default();
        for row in &rows {
            sheet.push(row);
        }
        let mut all = Rows::default();
        sheet.replay(&mut all);
        assert_eq!(all.rows, rows);

        // A row the sink does not want is stepped over; the rows after it still read right.
        let mut some = Rows {
            skip: Some(7),
            ..Rows::default()
        };
        sheet.replay(&mut some);
        let numbers: Vec<u32> = some.rows.iter().map(|r| r.row).collect();
        assert_eq!(numbers, vec![1, 9, 10]);
        assert_eq!(some.rows[2], rows[3]);
    }

    #[test]
    fn rows_over_many_chunks_and_longer_than_one_come_back_in_order() {
        let long = "長".repeat(crate::base::sealed::CHUNK); // one row longer than a chunk
        let rows: Vec<SheetRow> = (1..=100_000u32)
            .map(|row| SheetRow {
                row,
                cells: vec![
                    RawCell::Text(if row == 50_000 {
                        long.as_str().into()
                    } else {
                        format!("客户{row}").into()
                    }),
                    RawCell::Number(f64::from(row)),
                ],
            })
            .collect();
        let mut sheet = KeptSheet::default();
        for row in &rows {
            sheet.push(row);
        }
        let mut chunks = 0;
        sheet.each_chunk(|_| chunks += 1);
        assert!(chunks > 3, "{chunks} chunks");
        let mut all = Rows::default();
        sheet.replay(&mut all);
        assert!(all.rows == rows);
    }
}
