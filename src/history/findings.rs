//! A month's findings as the history stores them: in chunks of up to [`CHUNK_FINDINGS`] findings,
//! in the report's order, each chunk one byte string — for each finding its texts, each behind its
//! length (a varint), its row, and its message (as data, JSON, or as text) — compressed (LZ4).
//!
//! One row a finding (schema 1 to 3) made SQLite take a large month's hundred thousand findings
//! one by one, most of the history's cost; in chunks they cost a twentieth of that, and a third of
//! the bytes (BENCHMARKS.md). `clerk history --record/--rule` reads every month's chunks and
//! keeps the findings asked for.

use rusqlite::{params, Connection, Transaction};

use super::chunks::{compress, decompress};
use crate::base::message::Message;
use crate::base::sealed::Sealed;
use crate::base::varint::{push_varint, read_varint};
use crate::rules::finding::{Finding, Severity, Status};

/// Findings a chunk holds at most.
pub const CHUNK_FINDINGS: usize = 4096;

/// A finding as the history holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredFinding {
    pub month: String,
    pub rule: String,
    pub register: String,
    pub record: String,
    pub field: String,
    pub severity: Severity,
    pub file: String,
    pub sheet: String,
    pub row: u32,
    /// The column as findings.json writes it (`F`, a CSV column number), or empty.
    pub column: String,
    /// The message as data; text only for a month written before messages were data or started
    /// from a findings.json ([`Message::text`]).
    pub message: Message,
    pub first_reported: String,
    pub status: Status,
}

/// A finding as [`write`] takes it: borrowed, from a run's report or from a [`StoredFinding`]
/// (a large month's hundred thousand findings are not copied to be written).
#[derive(Clone, Debug)]
pub struct Entry<'a> {
    pub rule: &'a str,
    pub register: &'a str,
    pub record: &'a str,
    pub field: &'a str,
    pub severity: Severity,
    pub file: &'a str,
    pub sheet: &'a str,
    pub row: u32,
    pub column: std::borrow::Cow<'a, str>,
    pub message: EntryMessage<'a>,
    pub first_reported: &'a str,
    pub status: Status,
}

/// An [`Entry`]'s message: as data, or as the history's bytes for it already
/// ([`encode_message`]: a run encodes its month's messages as it says them, and keeps them
/// compressed until the history is written, rather than a hundred thousand messages as data).
#[derive(Clone, Copy, Debug)]
pub enum EntryMessage<'a> {
    Data(&'a Message),
    Encoded(&'a [u8]),
}

impl StoredFinding {
    pub fn entry(&self) -> Entry<'_> {
        Entry {
            rule: &self.rule,
            register: &self.register,
            record: &self.record,
            field: &self.field,
            severity: self.severity,
            file: &self.file,
            sheet: &self.sheet,
            row: self.row,
            column: self.column.as_str().into(),
            message: EntryMessage::Data(&self.message),
            first_reported: &self.first_reported,
            status: self.status,
        }
    }
}

impl<'a> Entry<'a> {
    /// A finding of this month as the history keeps it (its status as the lifecycle set it; new
    /// in `period` without one), with its `message` (the report holds it said in its language).
    pub fn of(f: &'a Finding, message: EntryMessage<'a>, period: &'a str) -> Entry<'a> {
        let (status, first_reported) = match &f.since {
            Some(s) => (s.status, s.first_reported.as_str()),
            None => (Status::New, period),
        };
        Entry {
            rule: f.rule,
            register: f.register.id(),
            record: &f.record,
            field: &f.field,
            severity: f.severity,
            file: &f.location.file,
            sheet: &f.location.sheet,
            row: f.location.row,
            column: f.location.column_name().into(),
            message,
            first_reported,
            status,
        }
    }
}

impl Entry<'_> {
    /// The finding as the history holds it, in `month`.
    pub fn stored(&self, month: &str) -> StoredFinding {
        StoredFinding {
            month: month.to_string(),
            rule: self.rule.to_string(),
            register: self.register.to_string(),
            record: self.record.to_string(),
            field: self.field.to_string(),
            severity: self.severity,
            file: self.file.to_string(),
            sheet: self.sheet.to_string(),
            row: self.row,
            column: self.column.to_string(),
            message: match self.message {
                EntryMessage::Data(message) => message.clone(),
                EntryMessage::Encoded(bytes) => (decode_message(bytes))
                    .map(|(message, _)| message)
                    .unwrap_or_else(|| Message::text("")),
            },
            first_reported: self.first_reported.to_string(),
            status: self.status,
        }
    }
}

/// Which findings [`read`] keeps: those of one record, or of one rule (ASCII case aside, as the
/// user may type `gh01`).
#[derive(Clone, Copy, Debug)]
pub enum Filter<'a> {
    Record(&'a str),
    Rule(&'a str),
}

impl Filter<'_> {
    fn keeps(self, f: &StoredFinding) -> bool {
        match self {
            Filter::Record(record) => f.record.eq_ignore_ascii_case(record),
            Filter::Rule(rule) => f.rule.eq_ignore_ascii_case(rule),
        }
    }
}

/// How a message is kept: as data (`Message` as JSON), or as text already said.
const AS_DATA: u8 = 1;
const AS_TEXT: u8 = 0;

/// A month's findings as [`write`] takes them, one at a time (a large month's hundred thousand
/// findings are neither copied nor listed to be written).
#[derive(Clone, Copy)]
pub enum Findings<'a> {
    /// Findings the history holds (a month started from its findings.json).
    Stored(&'a [StoredFinding]),
    /// A run's month: its report's `findings` (their statuses set by the lifecycle) with
    /// their `messages` as data, encoded one piece a finding in their order and compressed
    /// ([`super::After::messages`]; a finding past them keeps its message as the report said
    /// it), then the previous month's findings it `closed`.
    Run {
        findings: &'a [Finding],
        period: &'a str,
        messages: &'a Sealed,
        closed: &'a [StoredFinding],
    },
}

impl Findings<'_> {
    /// Hands each finding to `f`, in order; a chunk of messages is uncompressed only while its
    /// findings are handed over.
    pub fn each(&self, f: &mut dyn FnMut(&Entry) -> rusqlite::Result<()>) -> rusqlite::Result<()> {
        match *self {
            Findings::Stored(stored) => stored.iter().try_for_each(|s| f(&s.entry())),
            Findings::Run {
                findings,
                period,
                messages,
                closed,
            } => {
                let mut rest = findings.iter();
                messages.each_chunk(|chunk| {
                    let mut encoded = chunk;
                    while let Some((message, after)) = split_message(encoded) {
                        encoded = after;
                        let Some(finding) = rest.next() else {
                            return Ok::<(), rusqlite::Error>(());
                        };
                        f(&Entry::of(finding, EntryMessage::Encoded(message), period))?;
                    }
                    Ok(())
                })?;
                for finding in rest {
                    f(&Entry::of(finding, EntryMessage::Data(&finding.message), period))?;
                }
                closed.iter().try_for_each(|s| f(&s.entry()))
            }
        }
    }
}

/// Writes a month's findings (whatever the history held of that month is deleted by the caller),
/// each chunk as soon as it is full.
pub fn write(tx: &Transaction, month: &str, findings: Findings) -> rusqlite::Result<()> {
    let mut insert = tx.prepare("INSERT INTO finding_chunks (month, seq, data) VALUES (?1, ?2, ?3)")?;
    let (mut chunk, mut held, mut seq) = (Vec::new(), 0, 0i64);
    let mut flush = |chunk: &mut Vec<u8>, seq: &mut i64| {
        insert.execute(params![month, *seq, compress(chunk)])?;
        chunk.clear();
        *seq += 1;
        Ok::<(), rusqlite::Error>(())
    };
    findings.each(&mut |entry| {
        if chunk.capacity() == 0 {
            chunk.reserve(CHUNK_FINDINGS * 160);
        }
        encode_into(&mut chunk, entry);
        held += 1;
        if held == CHUNK_FINDINGS {
            held = 0;
            flush(&mut chunk, &mut seq)?;
        }
        Ok(())
    })?;
    match held {
        0 => Ok(()),
        _ => flush(&mut chunk, &mut seq),
    }
}

/// The findings of one month or (None) of every month, in month order and then as each month's
/// report listed them, those `filter` keeps. A chunk that cannot be read (a damaged history) is
/// passed over, not guessed at.
pub fn read(conn: &Connection, month: Option<&str>, filter: Option<Filter>) -> rusqlite::Result<Vec<StoredFinding>> {
    let mut statement =
        conn.prepare("SELECT month, data FROM finding_chunks WHERE (?1 IS NULL OR month = ?1) ORDER BY month, seq")?;
    let mut rows = statement.query([month])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let month: String = row.get(0)?;
        let Some(data) = decompress(row.get_ref(1)?.as_blob()?) else {
            continue;
        };
        let Some(found) = decode(&month, &data) else {
            continue;
        };
        out.extend(
            found
                .into_iter()
                .filter(|f| filter.is_none_or(|filter| filter.keeps(f))),
        );
    }
    Ok(out)
}

/// Findings as one chunk's bytes (uncompressed).
#[cfg(test)]
fn encode(findings: &[Entry]) -> Vec<u8> {
    let mut out = Vec::new();
    for f in findings {
        encode_into(&mut out, f);
    }
    out
}

/// A finding as its chunk holds it, appended to `out`.
fn encode_into(out: &mut Vec<u8>, f: &Entry) {
    let texts = [
        f.rule,
        f.register,
        f.record,
        f.field,
        f.severity.id(),
        f.file,
        f.sheet,
        &f.column,
        f.first_reported,
        f.status.id(),
    ];
    for text in texts {
        push_text(out, text);
    }
    push_varint(out, f.row as usize);
    match f.message {
        EntryMessage::Data(message) => encode_message(out, message),
        EntryMessage::Encoded(bytes) => out.extend_from_slice(bytes),
    }
}

/// A message as a chunk holds it: how it is kept, then its text or its JSON.
pub fn encode_message(out: &mut Vec<u8>, message: &Message) {
    match message.as_text() {
        Some(text) => {
            out.push(AS_TEXT);
            push_text(out, text);
        }
        None => {
            out.push(AS_DATA);
            push_text(out, &message.to_json());
        }
    }
}

/// The first of messages encoded one after the other ([`encode_message`]) and the bytes after
/// it; None when the bytes hold no message.
pub fn split_message(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    let (_, rest) = bytes.split_first()?;
    let (n, after) = read_varint(rest)?;
    let end = bytes.len() - after.len() + n;
    (end <= bytes.len()).then(|| bytes.split_at(end))
}

/// The message [`encode_message`] wrote at the start of `bytes`, and the bytes after it.
fn decode_message(bytes: &[u8]) -> Option<(Message, &[u8])> {
    let (&how, rest) = bytes.split_first()?;
    let (message, rest) = read_text(rest)?;
    let message = match how {
        AS_DATA => Message::from_json(message)?,
        _ => Message::text(message),
    };
    Some((message, rest))
}

fn push_text(out: &mut Vec<u8>, text: &str) {
    push_varint(out, text.len());
    out.extend_from_slice(text.as_bytes());
}

/// A chunk's findings (of `month`); None when its bytes cannot be read.
fn decode(month: &str, mut data: &[u8]) -> Option<Vec<StoredFinding>> {
    let mut out = Vec::new();
    while !data.is_empty() {
        let mut texts: [&str; 10] = Default::default();
        for text in &mut texts {
            (*text, data) = read_text(data)?;
        }
        let [rule, register, record, field, severity, file, sheet, column, first_reported, status] = texts;
        let (row, rest) = read_varint(data)?;
        let (message, rest) = decode_message(rest)?;
        data = rest;
        out.push(StoredFinding {
            month: month.to_string(),
            rule: rule.into(),
            register: register.into(),
            record: record.into(),
            field: field.into(),
            severity: Severity::parse(severity)?,
            file: file.into(),
            sheet: sheet.into(),
            row: u32::try_from(row).ok()?,
            column: column.into(),
            message,
            first_reported: first_reported.into(),
            status: Status::parse(status)?,
        });
    }
    Some(out)
}

fn read_text(data: &[u8]) -> Option<(&str, &[u8])> {
    let (n, rest) = read_varint(data)?;
    let text = std::str::from_utf8(rest.get(..n)?).ok()?;
    Some((text, &rest[n..]))
}

/// Migration 4: schema 3's findings (one row a finding) rewritten in chunks, month by month.
pub fn chunked(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(
        "CREATE TABLE finding_chunks (
             month TEXT NOT NULL,
             seq INTEGER NOT NULL,
             data BLOB NOT NULL,
             PRIMARY KEY (month, seq)
         );",
    )?;
    let mut old = tx.prepare(
        "SELECT month, rule, register, record, field, severity, file, sheet, row, col, message, \
         first_reported, status, args FROM findings ORDER BY month, rowid",
    )?;
    let rows = old.query_map([], |r| {
        let (severity, status, args): (String, String, Option<String>) = (r.get(5)?, r.get(12)?, r.get(13)?);
        let text: String = r.get(10)?;
        Ok(StoredFinding {
            month: r.get(0)?,
            rule: r.get(1)?,
            register: r.get(2)?,
            record: r.get(3)?,
            field: r.get(4)?,
            severity: Severity::parse(&severity).unwrap_or(Severity::Info),
            file: r.get(6)?,
            sheet: r.get(7)?,
            row: r.get(8)?,
            column: r.get(9)?,
            message: args
                .as_deref()
                .and_then(Message::from_json)
                .unwrap_or_else(|| Message::text(text)),
            first_reported: r.get(11)?,
            status: Status::parse(&status).unwrap_or(Status::New),
        })
    })?;
    let findings: Vec<StoredFinding> = rows.collect::<rusqlite::Result<_>>()?;
    drop(old);
    for month in findings.chunk_by(|a, b| a.month == b.month) {
        write(tx, &month[0].month, Findings::Stored(month))?;
    }
    tx.execute_batch("DROP TABLE findings;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::message::Arg;

    fn finding(record: &str, message: Message) -> StoredFinding {
        StoredFinding {
            month: "2026-10".into(),
            rule: "GH01".into(),
            register: "guests".into(),
            record: record.into(),
            field: "birthday".into(),
            severity: Severity::Warning,
            file: "客人檔案.xlsx".into(),
            sheet: "2026".into(),
            row: 70_000,
            column: "F".into(),
            message,
            first_reported: "2026-08".into(),
            status: Status::CarriedOver,
        }
    }

    /// Findings come back from their chunk as they went in, messages as data or as text; a
    /// damaged chunk is not read.
    #[test]
    fn findings_come_back_from_their_chunk_as_they_were() {
        let findings = vec![
            finding("G-0026", Message::new("msg.GH01").with("field", Arg::field("birthday"))),
            finding("G-0035", Message::text("Written in English by an earlier clerk.")),
        ];
        let data = encode(&findings.iter().map(StoredFinding::entry).collect::<Vec<_>>());
        assert_eq!(decode("2026-10", &data), Some(findings));
        assert_eq!(decode("2026-10", &data[..data.len() - 1]), None);
        assert_eq!(decode("2026-10", &[]), Some(Vec::new()));
    }

    /// A run's findings are handed over with their messages from the compressed pieces, over
    /// many chunks, as with their messages as data; a finding past the pieces keeps its message
    /// as said, the closed ones come last, and they are written in chunks of
    /// [`CHUNK_FINDINGS`] and read back as they were.
    #[test]
    fn a_runs_findings_are_written_with_their_messages_chunk_by_chunk() {
        use crate::registers::{Kind, Layout, Location};
        let n = 50_000;
        let run: Vec<Finding> = (0..=n)
            .map(|i| Finding {
                rule: "GH01",
                severity: Severity::Warning,
                register: Kind::Guests,
                record: format!("G-{i}"),
                location: Location {
                    file: "客人檔案.xlsx".into(),
                    sheet: "2026".into(),
                    layout: Layout::Grid,
                    row: i as u32 + 2,
                    column: Some(5),
                },
                field: "birthday".into(),
                message: Message::text(format!("said {i}")),
                clause: "1",
                since: None,
            })
            .collect();
        let data = |i: usize| Message::new("msg.GH01").with("n", i.to_string());
        let mut messages = Sealed::default();
        for i in 0..n {
            encode_message(&mut messages.piece(), &data(i));
        }
        messages.finish();
        let mut chunks = 0;
        messages
            .each_chunk(|_| {
                chunks += 1;
                Ok::<(), ()>(())
            })
            .unwrap();
        assert!(chunks > 1, "{chunks} chunk");
        let closed = vec![finding("G-0035", Message::text("fixed"))];
        let findings = Findings::Run {
            findings: &run,
            period: "2026-10",
            messages: &messages,
            closed: &closed,
        };
        let expected: Vec<StoredFinding> = (run.iter().enumerate())
            .map(|(i, f)| {
                let message = if i < n { data(i) } else { f.message.clone() };
                Entry::of(f, EntryMessage::Data(&message), "2026-10").stored("2026-10")
            })
            .chain(closed.iter().map(|c| c.entry().stored("2026-10")))
            .collect();
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE finding_chunks (month TEXT, seq INTEGER, data BLOB);")
            .unwrap();
        let tx = rusqlite::Transaction::new_unchecked(&conn, rusqlite::TransactionBehavior::Deferred).unwrap();
        write(&tx, "2026-10", findings).unwrap();
        tx.commit().unwrap();
        let rows: i64 = (conn.query_row("SELECT COUNT(*) FROM finding_chunks", [], |r| r.get(0))).unwrap();
        assert_eq!(rows as usize, (n + 2).div_ceil(CHUNK_FINDINGS));
        assert_eq!(read(&conn, Some("2026-10"), None).unwrap(), expected);
    }

    /// Messages encoded one after the other as a run says them ([`encode_message`]) are split
    /// back one by one, and a finding given its message so encoded goes into its chunk as the
    /// same bytes as one given the message as data.
    #[test]
    fn messages_encoded_ahead_are_split_back_and_chunked_as_messages_as_data() {
        let findings = vec![
            finding("G-0026", Message::new("msg.GH01").with("field", Arg::field("birthday"))),
            finding("G-0035", Message::text("客人「王小明」的生日未填寫。")),
            finding("G-0036", Message::new("msg.GH02").with("n", "3")),
        ];
        let mut encoded = Vec::new();
        for f in &findings {
            encode_message(&mut encoded, &f.message);
        }
        let mut rest = encoded.as_slice();
        let entries: Vec<Entry> = (findings.iter())
            .map(|f| {
                let (message, after) = split_message(rest).expect("a message");
                rest = after;
                Entry {
                    message: EntryMessage::Encoded(message),
                    ..f.entry()
                }
            })
            .collect();
        assert!(rest.is_empty() && split_message(rest).is_none());
        assert_eq!(entries[1].stored("2026-10"), findings[1]);
        let as_data: Vec<Entry> = findings.iter().map(StoredFinding::entry).collect();
        assert_eq!(encode(&entries), encode(&as_data));
        assert_eq!(decode("2026-10", &encode(&entries)), Some(findings));
        // Cut short, the last message is none.
        let cut = &encoded[..encoded.len() - 1];
        let (_, rest) = split_message(cut)
            .and_then(|(_, r)| split_message(r))
            .expect("two whole");
        assert!(!rest.is_empty() && split_message(rest).is_none());
    }
}
