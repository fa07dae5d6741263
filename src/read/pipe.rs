//! One file read on two cores: the file is parsed on this thread while its cells are made into
//! rows, typed and kept on a second. For a file that is most of a run's reading (a decade of
//! contracts in one workbook), which would otherwise keep one core busy while the others wait.
//!
//! A reader asks its sink for the second thread ([`SheetSink::second_thread`], which
//! [`TwoThreads`] answers) sheet by sheet, and hands over each sheet's cells as the parser gave
//! them ([`cells_into_rows`]): for an xlsx, a cell borrowing its text from the workbook's shared
//! strings. The second thread turns them into [`RawCell`]s (copying the text: reading it from a
//! table of millions of strings is most of that cost) and makes them into rows by the same
//! `RowAssembler` the reader would use, so the sink sees the same calls in the same order.
//! The sheet's beginning and end are told on the reader's thread, before and after.

use std::sync::mpsc::{sync_channel, SyncSender};

use crate::read::{Limits, Merge, RawCell, ReadError, RowAssembler, SheetRow, SheetSink};

/// Cells handed over at a time, and how many such batches may wait: the reader runs at most a
/// few thousand rows ahead of the sink.
const BATCH: usize = 4096;
const WAITING: usize = 8;

/// A sink whose sheets' cells are made into rows on a second thread: every call is passed on to
/// the sink it holds, which is given to that thread while a sheet's cells are read. (Rows that
/// come whole — an old-format workbook read in a child process, [`crate::read::contain`], which is
/// parsed on another core anyway — are passed on here.)
pub struct TwoThreads<'a>(pub &'a mut (dyn SheetSink + Send));

impl SheetSink for TwoThreads<'_> {
    fn begin_sheet(&mut self, sheet: &str, hidden: bool) -> bool {
        self.0.begin_sheet(sheet, hidden)
    }
    fn row(&mut self, row: SheetRow) {
        self.0.row(row);
    }
    fn wants_row(&self, row: u32) -> bool {
        self.0.wants_row(row)
    }
    fn cells_ignored(&mut self, cell: &str) {
        self.0.cells_ignored(cell);
    }
    fn merged_areas(&mut self, areas: &[Merge]) {
        self.0.merged_areas(areas);
    }
    fn end_sheet(&mut self) {
        self.0.end_sheet();
    }
    fn second_thread(&mut self) -> Option<&mut (dyn SheetSink + Send)> {
        Some(&mut *self.0)
    }
}

/// The reader's end of a sheet's cells on their way to the second thread.
pub struct CellSender<C> {
    batch: Vec<C>,
    to: SyncSender<Vec<C>>,
}

impl<C> CellSender<C> {
    /// Hands over one cell. An error: the second thread has failed (a panic while typing), and
    /// reading on would be for nothing.
    pub fn push(&mut self, cell: C) -> Result<(), ReadError> {
        self.batch.push(cell);
        match self.batch.len() < BATCH {
            true => Ok(()),
            false => self.flush(),
        }
    }

    fn flush(&mut self) -> Result<(), ReadError> {
        let batch = std::mem::replace(&mut self.batch, Vec::with_capacity(BATCH));
        self.to.send(batch).map_err(|_| ReadError::gave_up())
    }
}

/// Runs `read`, which gives one sheet's cells, with the cells made into rows for `sink` on a
/// second thread: each turned by `make` into its position and [`RawCell`], then through a
/// `RowAssembler` with the sheet's `merges` and the `limits` on its rows and columns. Returns once the sink has had every row (and the
/// note of values left out). A panic on the second thread comes back as [`ReadError::gave_up`].
pub fn cells_into_rows<C, M, T>(
    sink: &mut (dyn SheetSink + Send),
    limits: &Limits,
    merges: Vec<Merge>,
    mut make: M,
    read: impl FnOnce(&mut CellSender<C>) -> Result<T, ReadError>,
) -> Result<T, ReadError>
where
    C: Send,
    M: FnMut(C) -> (u32, u32, RawCell) + Send,
{
    std::thread::scope(|scope| {
        let (to, incoming) = sync_channel::<Vec<C>>(WAITING);
        let rows = scope.spawn(move || {
            let mut rows = RowAssembler::with_merges(sink, limits, merges);
            for batch in incoming {
                for cell in batch {
                    let (row0, col0, cell) = make(cell);
                    rows.push(row0, col0, cell);
                }
            }
            rows.finish();
        });
        let mut cells = CellSender {
            batch: Vec::with_capacity(BATCH),
            to,
        };
        let result = read(&mut cells).and_then(|value| cells.flush().map(|()| value));
        // Closes the channel: the second thread ends once it has made the last row.
        drop(cells);
        let made = rows.join();
        match (result, made) {
            (_, Err(_)) => Err(ReadError::gave_up()),
            (result, Ok(())) => result,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::RawCell;

    /// Writes down every call, as text.
    #[derive(Default)]
    struct Log {
        calls: Vec<String>,
        /// Panics at this row.
        panic_at: Option<u32>,
    }

    impl SheetSink for Log {
        fn begin_sheet(&mut self, sheet: &str, hidden: bool) -> bool {
            self.calls.push(format!("begin {sheet} {hidden}"));
            true
        }
        fn row(&mut self, row: SheetRow) {
            assert_ne!(Some(row.row), self.panic_at, "a bug in the sink");
            self.calls.push(format!("row {} {:?}", row.row, row.cells));
        }
        fn cells_ignored(&mut self, cell: &str) {
            self.calls.push(format!("ignored {cell}"));
        }
        fn merged_areas(&mut self, areas: &[Merge]) {
            self.calls.push(format!("merged {areas:?}"));
        }
        fn end_sheet(&mut self) {
            self.calls.push("end".into());
        }
    }

    const MERGES: [Merge; 2] = [(1, 0, 2, 0), (5, 5, 5, 5)];

    /// A sheet's cells as a reader gives them: a merged area over two rows, a blank, a value far
    /// beyond the columns kept, a row's cells out of order, and more cells than a batch.
    fn cells() -> Vec<(u32, u32, RawCell)> {
        let mut cells = vec![
            (0, 0, RawCell::Text("合同評審台帳".into())),
            (1, 0, RawCell::Text("華東機械廠".into())),
            (1, 2, RawCell::Number(3.0)),
            (1, 1, RawCell::Text(" ".into())),
            (2, 1, RawCell::Number(4.0)),
            (2, 50_000, RawCell::Text("stray".into())),
        ];
        for row0 in 3..3_000 {
            for col0 in 0..4 {
                cells.push((row0, col0, RawCell::Number(f64::from(row0 * 10 + col0))));
            }
        }
        cells
    }

    /// The cells given as the reader holds them (their position apart from the value, here).
    fn held(cells: Vec<(u32, u32, RawCell)>) -> Vec<((u32, u32), RawCell)> {
        cells.into_iter().map(|(r, c, cell)| ((r, c), cell)).collect()
    }

    fn make(((row0, col0), cell): ((u32, u32), RawCell)) -> (u32, u32, RawCell) {
        (row0, col0, cell)
    }

    #[test]
    fn cells_are_made_into_rows_on_the_second_thread_as_the_reader_would() {
        let mut direct = Log::default();
        let mut rows = RowAssembler::with_merges(&mut direct, &Limits::DEFAULT, MERGES.to_vec());
        cells().into_iter().for_each(|(r, c, cell)| rows.push(r, c, cell));
        rows.finish();

        let mut through = Log::default();
        let given = cells_into_rows(&mut through, &Limits::DEFAULT, MERGES.to_vec(), make, |to| {
            held(cells()).into_iter().try_for_each(|cell| to.push(cell))?;
            Ok(held(cells()).len())
        });
        assert_eq!(given, Ok(6 + 2_997 * 4));
        assert_eq!(through.calls, direct.calls);
        // The merged area's value in both its rows; the stray value noted once, after the rows.
        assert_eq!(through.calls[0], "merged [(1, 0, 2, 0)]");
        assert!(
            through.calls[2].starts_with("row 2 [Text(\"華東機械廠\"), Empty, Number(3.0)]"),
            "{}",
            through.calls[2]
        );
        assert!(
            through.calls[3].starts_with("row 3 [Text(\"華東機械廠\"), Number(4.0)]"),
            "{}",
            through.calls[3]
        );
        assert_eq!(through.calls.len(), 1 + 3 + 2_997 + 1);
        assert_eq!(through.calls.last().unwrap(), "ignored BUYC3");
    }

    #[test]
    fn a_panic_on_the_second_thread_stops_the_reader_with_an_error() {
        let mut log = Log {
            panic_at: Some(300),
            ..Log::default()
        };
        let mut pushed = 0;
        let outcome = cells_into_rows(&mut log, &Limits::DEFAULT, Vec::new(), make, |to| {
            for row0 in 0..100_000 {
                for col0 in 0..4 {
                    to.push(((row0, col0), RawCell::Number(1.0)))?;
                    pushed += 1;
                }
            }
            Ok(())
        });
        assert_eq!(outcome, Err(ReadError::gave_up()));
        // The rows before the one it failed at; the reader stopped soon after (a few batches on).
        assert_eq!(log.calls.len(), 299);
        assert!(pushed < 300 * 4 + (WAITING + 2) * BATCH, "{pushed} cells read");
    }

    #[test]
    fn a_panic_in_the_reader_ends_the_second_thread_too() {
        // calamine can panic on a malformed file; the reader's caller catches it
        // (`read_in_process`), which it can only do once the second thread has let go.
        let mut log = Log::default();
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            cells_into_rows(
                &mut log,
                &Limits::DEFAULT,
                Vec::new(),
                make,
                |to| -> Result<(), ReadError> {
                    for row0 in 0..10_000 {
                        to.push(((row0, 0), RawCell::Number(1.0)))?;
                    }
                    panic!("a bug in the parser")
                },
            )
        }));
        assert!(outcome.is_err());
        // The rows handed over before it, made and given.
        assert!(
            !log.calls.is_empty() && log.calls.len() <= 10_000,
            "{}",
            log.calls.len()
        );
    }

    #[test]
    fn an_error_of_the_reader_is_its_result_once_the_rows_are_made() {
        let mut log = Log::default();
        let outcome: Result<(), ReadError> = cells_into_rows(&mut log, &Limits::DEFAULT, Vec::new(), make, |to| {
            to.push(((0, 0), RawCell::Number(1.0)))?;
            Err(ReadError::damaged("the sheet ends early"))
        });
        assert_eq!(outcome, Err(ReadError::damaged("the sheet ends early")));
    }
}
