//! One file read on two cores: the file is parsed on this thread while its cells are made into
//! rows, typed and kept on a second ([`piped`]). For a file that is most of a run's reading (a
//! decade of contracts in one workbook), which would otherwise keep one core busy while the
//! others wait.
//!
//! The sink sees the same calls in the same order as if the reader called it itself, so what it
//! makes of them is the same. A reader that gives cells ([`SheetSink::assembles_rows`]) has them
//! made into rows on the second thread, by the same [`RowAssembler`] it would use itself.

use std::any::Any;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};

use crate::inbox::{Merge, RowAssembler, SheetRow, SheetSink};
use crate::value::RawCell;

/// Rows (or cells) handed over at a time, and how many such batches may wait: the reader runs at
/// most a few thousand rows ahead of the sink.
const BATCH: usize = 256;
const BATCH_CELLS: usize = 4096;
const WAITING: usize = 8;

/// A call on the sink, as the reader made it.
enum Event {
    Begin(String, bool),
    Rows(Vec<SheetRow>),
    CellsIgnored(String),
    Merges(Vec<Merge>),
    End,
    CellsStart(Vec<Merge>),
    Cells(Vec<(u32, u32, RawCell)>),
    CellsEnd,
}

/// Runs `read` with a sink that passes every call, in order, to `sink` on a second thread, and
/// gives `read`'s result once `sink` has had them all. A panic in `sink` is given back as `Err`
/// (the reader then reads on with nowhere to put the rows, and its result is dropped).
pub fn piped<S: SheetSink + Send, T>(
    sink: &mut S,
    read: impl FnOnce(&mut dyn SheetSink) -> T,
) -> Result<T, Box<dyn Any + Send>> {
    std::thread::scope(|scope| {
        let (events, incoming) = sync_channel::<Event>(WAITING);
        let (answers, answer) = sync_channel::<bool>(1);
        let worker = scope.spawn(move || drain(sink, incoming, answers));
        let mut pipe = Pipe {
            events: Some(events),
            answer,
            batch: Vec::with_capacity(BATCH),
            cells: Vec::new(),
        };
        let result = read(&mut pipe);
        pipe.flush();
        // Closes the channel: the worker ends once it has had every call.
        drop(pipe);
        worker.join().map(|()| result)
    })
}

/// The second thread: the calls, in order, on the sink.
fn drain<S: SheetSink>(sink: &mut S, incoming: Receiver<Event>, answers: SyncSender<bool>) {
    let mut pending = None;
    loop {
        let event = match pending.take() {
            Some(event) => event,
            None => match incoming.recv() {
                Ok(event) => event,
                Err(_) => break,
            },
        };
        match event {
            Event::Begin(sheet, hidden) => {
                let _ = answers.send(sink.begin_sheet(&sheet, hidden));
            }
            Event::Rows(rows) => rows.into_iter().for_each(|row| sink.row(row)),
            Event::CellsIgnored(cell) => sink.cells_ignored(&cell),
            Event::Merges(areas) => sink.merged_areas(&areas),
            Event::End => sink.end_sheet(),
            Event::CellsStart(merges) => {
                // The sheet's cells, up to their end, made into rows as the reader would.
                let mut rows = RowAssembler::with_merges(sink, merges);
                loop {
                    match incoming.recv() {
                        Ok(Event::Cells(cells)) => {
                            cells
                                .into_iter()
                                .for_each(|(row0, col0, cell)| rows.push(row0, col0, cell));
                        }
                        Ok(Event::CellsEnd) | Err(_) => break,
                        // Another call before the cells' end (no reader makes one): they end here.
                        Ok(other) => {
                            pending = Some(other);
                            break;
                        }
                    }
                }
                rows.finish();
            }
            Event::Cells(_) | Event::CellsEnd => {}
        }
    }
}

/// The reader's side.
struct Pipe {
    /// None once the sink has gone (it panicked): the rest of the calls go nowhere.
    events: Option<SyncSender<Event>>,
    answer: Receiver<bool>,
    batch: Vec<SheetRow>,
    cells: Vec<(u32, u32, RawCell)>,
}

impl Pipe {
    fn send(&mut self, event: Event) {
        if let Some(events) = &self.events {
            if events.send(event).is_err() {
                self.events = None;
            }
        }
    }

    fn flush(&mut self) {
        if !self.batch.is_empty() {
            let rows = std::mem::replace(&mut self.batch, Vec::with_capacity(BATCH));
            self.send(Event::Rows(rows));
        }
        if !self.cells.is_empty() {
            let cells = std::mem::replace(&mut self.cells, Vec::with_capacity(BATCH_CELLS));
            self.send(Event::Cells(cells));
        }
    }
}

impl SheetSink for Pipe {
    fn begin_sheet(&mut self, sheet: &str, hidden: bool) -> bool {
        self.flush();
        self.send(Event::Begin(sheet.to_string(), hidden));
        // The sink's answer, once it has had every call before this one.
        self.events.is_some() && self.answer.recv().unwrap_or(false)
    }

    fn row(&mut self, row: SheetRow) {
        self.batch.push(row);
        if self.batch.len() == BATCH {
            self.flush();
        }
    }

    fn cells_ignored(&mut self, cell: &str) {
        self.flush();
        self.send(Event::CellsIgnored(cell.to_string()));
    }

    fn merged_areas(&mut self, areas: &[Merge]) {
        self.flush();
        self.send(Event::Merges(areas.to_vec()));
    }

    fn end_sheet(&mut self) {
        self.flush();
        self.send(Event::End);
    }

    fn assembles_rows(&self) -> bool {
        true
    }

    fn cells_start(&mut self, merges: Vec<Merge>) {
        self.flush();
        self.send(Event::CellsStart(merges));
    }

    fn cell(&mut self, row0: u32, col0: u32, cell: RawCell) {
        self.cells.push((row0, col0, cell));
        if self.cells.len() == BATCH_CELLS {
            self.flush();
        }
    }

    fn cells_end(&mut self) {
        self.flush();
        self.send(Event::CellsEnd);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::RawCell;

    /// Writes down every call, as text.
    #[derive(Default)]
    struct Log {
        calls: Vec<String>,
        /// Sheets whose rows are not wanted.
        refuse: Vec<String>,
        /// Panics at this row.
        panic_at: Option<u32>,
    }

    impl SheetSink for Log {
        fn begin_sheet(&mut self, sheet: &str, hidden: bool) -> bool {
            self.calls.push(format!("begin {sheet} {hidden}"));
            !self.refuse.iter().any(|s| s == sheet)
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

    /// Two sheets, the first of more rows than a batch, with every kind of call; the answers of
    /// `begin_sheet` as the reader got them.
    fn read(sink: &mut dyn SheetSink) -> Vec<bool> {
        let mut answers = Vec::new();
        for (sheet, rows) in [("2026", 1_000), ("備註", 3)] {
            answers.push(sink.begin_sheet(sheet, sheet == "備註"));
            sink.merged_areas(&[(0, 0, 0, 3)]);
            for row in 1..=rows {
                sink.row(SheetRow {
                    row,
                    cells: vec![
                        RawCell::Text(format!("HT-{row}").into()),
                        RawCell::Number(f64::from(row)),
                    ],
                });
                if row == 600 {
                    sink.cells_ignored("XFD600");
                }
            }
            sink.end_sheet();
        }
        answers
    }

    #[test]
    fn the_sink_gets_every_call_in_order_and_the_reader_its_answers() {
        let mut direct = Log {
            refuse: vec!["備註".into()],
            ..Log::default()
        };
        let answers = read(&mut direct);
        let mut through = Log {
            refuse: vec!["備註".into()],
            ..Log::default()
        };
        let piped_answers = piped(&mut through, read).unwrap();
        assert_eq!(piped_answers, answers);
        assert_eq!(answers, vec![true, false]);
        assert_eq!(through.calls, direct.calls);
        // Per sheet its beginning, merged areas, rows and end; one cell ignored.
        assert_eq!(through.calls.len(), 2 * 3 + 1_000 + 3 + 1);
        assert_eq!(through.calls[602], "ignored XFD600");
        assert_eq!(through.calls[1_003], "end");
        assert_eq!(through.calls[1_004], "begin 備註 true");
    }

    /// A sheet's cells as a reader gives them to a sink that makes its own rows: a merged area
    /// over two rows, a blank, a value far beyond the columns kept, rows out of order within a
    /// row's cells, and more cells than a batch.
    fn give_cells(sink: &mut dyn SheetSink) {
        assert!(sink.assembles_rows());
        sink.begin_sheet("2026", false);
        sink.cells_start(vec![(1, 0, 2, 0), (5, 5, 5, 5)]);
        sink.cell(0, 0, RawCell::Text("合同評審台帳".into()));
        sink.cell(1, 0, RawCell::Text("華東機械廠".into()));
        sink.cell(1, 2, RawCell::Number(3.0));
        sink.cell(1, 1, RawCell::Text(" ".into()));
        sink.cell(2, 1, RawCell::Number(4.0));
        sink.cell(2, 50_000, RawCell::Text("stray".into()));
        for row0 in 3..1_500 {
            for col0 in 0..4 {
                sink.cell(row0, col0, RawCell::Number(f64::from(row0 * 10 + col0)));
            }
        }
        sink.cells_end();
        sink.end_sheet();
    }

    #[test]
    fn cells_are_made_into_rows_on_the_second_thread_as_the_reader_would() {
        let mut direct = Log::default();
        direct.begin_sheet("2026", false);
        let mut rows = RowAssembler::with_merges(&mut direct, vec![(1, 0, 2, 0), (5, 5, 5, 5)]);
        let mut reader = Log::default();
        // The same cells, through the assembler here.
        struct Here<'a, 'b>(&'a mut RowAssembler<'b>);
        impl SheetSink for Here<'_, '_> {
            fn begin_sheet(&mut self, _: &str, _: bool) -> bool {
                true
            }
            fn row(&mut self, _: SheetRow) {}
            fn end_sheet(&mut self) {}
            fn assembles_rows(&self) -> bool {
                true
            }
            fn cell(&mut self, row0: u32, col0: u32, cell: RawCell) {
                self.0.push(row0, col0, cell);
            }
        }
        give_cells(&mut Here(&mut rows));
        rows.finish();
        direct.end_sheet();
        piped(&mut reader, give_cells).unwrap();
        assert_eq!(reader.calls, direct.calls);
        // The merged area's value in both its rows; the stray value noted once, after the rows.
        assert_eq!(reader.calls[1], "merged [(1, 0, 2, 0)]");
        assert!(
            reader.calls[3].starts_with("row 2 [Text(\"華東機械廠\"), Empty, Number(3.0)]"),
            "{}",
            reader.calls[3]
        );
        assert!(
            reader.calls[4].starts_with("row 3 [Text(\"華東機械廠\"), Number(4.0)]"),
            "{}",
            reader.calls[4]
        );
        assert_eq!(reader.calls.len(), 1 + 1 + 3 + 1_497 + 1 + 1);
        assert_eq!(reader.calls[reader.calls.len() - 2], "ignored BUYC3");
    }

    #[test]
    fn a_panic_in_the_sink_comes_back_as_an_error_once_the_reader_is_done() {
        let mut log = Log {
            panic_at: Some(300),
            ..Log::default()
        };
        let outcome = piped(&mut log, read);
        assert!(outcome.is_err());
        // The first sheet's beginning, its merged areas and its rows up to the one it failed at.
        assert_eq!(log.calls.len(), 2 + 299);
    }
}
