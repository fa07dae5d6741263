//! One file read on two cores: the file is parsed on this thread while its rows are typed and
//! kept on a second ([`piped`]). For a file that is most of a run's reading (a decade of
//! contracts in one workbook), which would otherwise keep one core busy while the others wait.
//!
//! The sink sees the same calls in the same order as if the reader called it itself, so what it
//! makes of them is the same.

use std::any::Any;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};

use crate::inbox::{Merge, SheetRow, SheetSink};

/// Rows handed over at a time, and how many such batches may wait: the reader runs at most a
/// few thousand rows ahead of the sink.
const BATCH: usize = 256;
const WAITING: usize = 8;

/// A call on the sink, as the reader made it.
enum Event {
    Begin(String, bool),
    Rows(Vec<SheetRow>),
    CellsIgnored(String),
    Merges(Vec<Merge>),
    End,
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
    for event in incoming {
        match event {
            Event::Begin(sheet, hidden) => {
                let _ = answers.send(sink.begin_sheet(&sheet, hidden));
            }
            Event::Rows(rows) => rows.into_iter().for_each(|row| sink.row(row)),
            Event::CellsIgnored(cell) => sink.cells_ignored(&cell),
            Event::Merges(areas) => sink.merged_areas(&areas),
            Event::End => sink.end_sheet(),
        }
    }
}

/// The reader's side.
struct Pipe {
    /// None once the sink has gone (it panicked): the rest of the calls go nowhere.
    events: Option<SyncSender<Event>>,
    answer: Receiver<bool>,
    batch: Vec<SheetRow>,
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
