//! A running count of the rows read, for the progress line: while one large file is read, the
//! terminal shows how far in it is. The count is one atomic number shared by the files read at
//! once, told every [`EVERY`] rows (and at a sheet's end), so that counting costs nothing a row.

use std::sync::atomic::{AtomicU64, Ordering};

use super::{Merge, SheetRow, SheetSink};

/// Rows counted before they are added to the shared count.
pub const EVERY: u64 = 4096;

/// A sink that passes every call on to the sink it holds, counting the rows into `rows`.
pub struct Counted<'a> {
    inner: &'a mut (dyn SheetSink + Send),
    rows: &'a AtomicU64,
    /// Rows passed on but not yet added to `rows`.
    untold: u64,
}

impl<'a> Counted<'a> {
    pub fn new(inner: &'a mut (dyn SheetSink + Send), rows: &'a AtomicU64) -> Self {
        Counted { inner, rows, untold: 0 }
    }

    fn tell(&mut self) {
        if self.untold > 0 {
            self.rows.fetch_add(std::mem::take(&mut self.untold), Ordering::Relaxed);
        }
    }
}

impl SheetSink for Counted<'_> {
    fn begin_sheet(&mut self, sheet: &str, hidden: bool) -> bool {
        self.inner.begin_sheet(sheet, hidden)
    }
    fn row(&mut self, row: SheetRow) {
        self.inner.row(row);
        self.untold += 1;
        if self.untold >= EVERY {
            self.tell();
        }
    }
    fn wants_row(&self, row: u32) -> bool {
        self.inner.wants_row(row)
    }
    fn cells_ignored(&mut self, cell: &str) {
        self.inner.cells_ignored(cell);
    }
    fn merged_areas(&mut self, areas: &[Merge]) {
        self.inner.merged_areas(areas);
    }
    fn end_sheet(&mut self) {
        self.tell();
        self.inner.end_sheet();
    }
}

impl Drop for Counted<'_> {
    /// A file that failed halfway still counts the rows it gave.
    fn drop(&mut self) {
        self.tell();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::pipe::TwoThreads;
    use crate::read::RawCell;

    #[derive(Default)]
    struct Rows(Vec<u32>);

    impl SheetSink for Rows {
        fn begin_sheet(&mut self, _sheet: &str, _hidden: bool) -> bool {
            true
        }
        fn row(&mut self, row: SheetRow) {
            self.0.push(row.row);
        }
        fn end_sheet(&mut self) {}
    }

    fn row(n: u32) -> SheetRow {
        SheetRow {
            row: n,
            cells: vec![RawCell::Number(f64::from(n))],
        }
    }

    #[test]
    fn the_count_goes_up_every_few_thousand_rows_and_is_whole_at_the_sheets_end() {
        let (rows, mut sink) = (AtomicU64::new(0), Rows::default());
        let mut counted = Counted::new(&mut sink, &rows);
        counted.begin_sheet("visits", false);
        (1..EVERY as u32).for_each(|n| counted.row(row(n)));
        assert_eq!(rows.load(Ordering::Relaxed), 0, "not yet told");
        counted.row(row(EVERY as u32));
        assert_eq!(rows.load(Ordering::Relaxed), EVERY);
        (0..10).for_each(|n| counted.row(row(EVERY as u32 + 1 + n)));
        counted.end_sheet();
        assert_eq!(rows.load(Ordering::Relaxed), EVERY + 10);
        drop(counted);
        assert_eq!(sink.0.len() as u64, EVERY + 10, "every row passed on");
    }

    /// A CSV read on two threads, as a large file is: the rows are counted on the second.
    #[test]
    fn a_file_read_counts_its_rows_into_the_shared_count() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("visits.csv");
        let lines: String = (0..10_000).map(|n| format!("2026-10-05,G-{n:05}\n")).collect();
        std::fs::write(&path, format!("日期,客户编号\n{lines}")).unwrap();
        let (rows, mut sink) = (AtomicU64::new(5), Rows::default());
        let mut counted = Counted::new(&mut sink, &rows);
        let limits = crate::read::Limits::DEFAULT;
        let read =
            crate::read::read_in_process(&path, crate::read::Format::Csv, &limits, &mut TwoThreads(&mut counted));
        assert_eq!(read, Ok(()));
        drop(counted);
        assert_eq!(rows.load(Ordering::Relaxed), 5 + 10_001);
        assert_eq!(sink.0.last(), Some(&10_001));
    }
}
