//! `clerk-history.sqlite`: its schema (versioned by `PRAGMA user_version`, marked as clerk's by
//! `PRAGMA application_id`), opening it safely, and reading and writing a month's entries.
//!
//! A file at the history's path that is not SQLite, or SQLite of another program, or of a newer
//! clerk, is never written to: opening it is one line naming it. Every write is one transaction,
//! so a run that fails or is stopped half-way leaves the history as it was (SQLite's journal).

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{params, Connection, ErrorCode, OpenFlags, Transaction};

use super::fingerprints::StoredRecord;
use crate::base::i18n::Catalogue;
use crate::base::message::Message;
use crate::month::Fingerprint;
use crate::registers::Kind;
use crate::rules::finding::{Severity, Status};

/// The history's file name in the output folder.
pub const FILE_NAME: &str = "clerk-history.sqlite";

/// `clrk`: marks the database as clerk's, so another program's SQLite file is told apart.
const APPLICATION_ID: i32 = 0x636c_726b;

/// How long a run waits for another run that is writing the history.
const BUSY_WAIT: Duration = Duration::from_secs(10);

/// The schema, one migration per version: `MIGRATIONS[n]` takes version n to n + 1.
const MIGRATIONS: &[&str] = &[
    // 1: months, their findings and the fingerprints of the records read.
    "CREATE TABLE months (
         month TEXT PRIMARY KEY,
         origin TEXT NOT NULL,
         errors INTEGER NOT NULL,
         warnings INTEGER NOT NULL,
         infos INTEGER NOT NULL,
         kinds TEXT NOT NULL
     ) WITHOUT ROWID;
     CREATE TABLE findings (
         month TEXT NOT NULL,
         rule TEXT NOT NULL,
         register TEXT NOT NULL,
         record TEXT NOT NULL,
         field TEXT NOT NULL,
         severity TEXT NOT NULL,
         file TEXT NOT NULL,
         sheet TEXT NOT NULL,
         row INTEGER NOT NULL,
         col TEXT NOT NULL,
         message TEXT NOT NULL,
         first_reported TEXT NOT NULL,
         status TEXT NOT NULL
     );
     CREATE INDEX findings_month ON findings (month);
     CREATE TABLE sources (
         id INTEGER PRIMARY KEY,
         month TEXT NOT NULL,
         file TEXT NOT NULL,
         sheet TEXT NOT NULL
     );
     CREATE INDEX sources_month ON sources (month);
     -- A record's values, each set kept once however many months read it unchanged; its id is
     -- the first 8 bytes of the SHA-256 of the values.
     CREATE TABLE vals (
         id INTEGER PRIMARY KEY,
         fields BLOB NOT NULL
     );
     -- Months as numbers (year * 12 + month - 1), kinds as their place in Kind::ALL: a few bytes
     -- a record a month.
     CREATE TABLE records (
         month INTEGER NOT NULL,
         kind INTEGER NOT NULL,
         record TEXT NOT NULL,
         belongs INTEGER NOT NULL,
         source INTEGER NOT NULL,
         row INTEGER NOT NULL,
         vals INTEGER NOT NULL
     );
     CREATE INDEX records_month ON records (month);",
    // 2: each finding's message as data (`Message` as JSON), said in the language `clerk history`
    // is asked for; `message` keeps the text of rows written before (and of months started from
    // a findings.json), and is empty where `args` is set.
    "ALTER TABLE findings ADD COLUMN args TEXT",
];

/// The schema version this clerk writes.
pub const VERSION: i32 = MIGRATIONS.len() as i32;

/// A month as the history holds it: where its entries came from and its findings by severity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonthRow {
    pub month: String,
    /// `run` (a run of clerk) or `findings.json` (started from an earlier report).
    pub origin: String,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// The register kinds the month's run read (none for a month started from findings.json).
    pub kinds: Vec<Kind>,
}

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

/// Everything a run writes for its month: it replaces what the history held of that month.
pub struct MonthEntry<'a> {
    pub month: MonthRow,
    pub findings: &'a [StoredFinding],
    pub records: &'a [StoredRecord],
}

/// A finding's message as a row holds it: its data where the row has them and they can be read,
/// else its text.
fn stored_message(text: String, args: Option<&str>) -> Message {
    args.and_then(Message::from_json).unwrap_or_else(|| Message::text(text))
}

/// The open history.
pub struct History {
    conn: Connection,
    path: PathBuf,
    text: Catalogue,
}

/// The first bytes of every SQLite database file.
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

impl History {
    /// Opens (or makes) the history in the output folder `out`. A file there that is not clerk's
    /// history is an error line and is left untouched.
    pub fn open(out: &Path, text: Catalogue) -> Result<History, String> {
        let path = out.join(FILE_NAME);
        let failed = |error: String| {
            text.fmt(
                "history.failed",
                &[("path", &path.display().to_string()), ("error", &error)],
            )
        };
        let foreign = || text.fmt("history.foreign", &[("path", &path.display().to_string())]);
        let existing = match std::fs::metadata(&path) {
            Ok(m) if !m.is_file() => return Err(foreign()),
            Ok(m) => m.len() > 0,
            Err(_) => false,
        };
        if existing && !looks_like_sqlite(&path).map_err(|e| failed(crate::base::os::io_words(&e, &text)))? {
            return Err(foreign());
        }
        if !existing {
            std::fs::create_dir_all(out).map_err(|e| failed(crate::base::os::io_words(&e, &text)))?;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(&path, flags).map_err(|e| failed(e.to_string()))?;
        let history = History { conn, path, text };
        history.conn.busy_timeout(BUSY_WAIT).map_err(|e| history.error(e))?;
        history.prepare(existing)?;
        Ok(history)
    }

    /// Checks that an existing file is clerk's history of a version this clerk knows, and brings
    /// its schema up to date (a new file gets the whole schema), in one transaction.
    fn prepare(&self, existing: bool) -> Result<(), String> {
        let pragma = |name: &str| -> Result<i32, String> {
            self.conn
                .query_row(&format!("PRAGMA {name}"), [], |r| r.get(0))
                .map_err(|e| self.error(e))
        };
        let (app, version) = (pragma("application_id")?, pragma("user_version")?);
        if existing && (app != APPLICATION_ID || version == 0) {
            // An SQLite file of another program (or an empty database clerk did not make).
            let empty: i64 = self
                .conn
                .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
                .map_err(|e| self.error(e))?;
            if app != 0 || empty > 0 {
                return Err(self.foreign());
            }
        }
        if version > VERSION {
            let (found, known) = (version.to_string(), VERSION.to_string());
            let path = self.path.display().to_string();
            return Err(self.text.fmt(
                "history.newer",
                &[("path", &path), ("found", &found), ("known", &known)],
            ));
        }
        if version == VERSION {
            return Ok(());
        }
        let tx = self.conn.unchecked_transaction().map_err(|e| self.error(e))?;
        for migration in &MIGRATIONS[version as usize..] {
            tx.execute_batch(migration).map_err(|e| self.error(e))?;
        }
        tx.execute_batch(&format!(
            "PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = {VERSION};"
        ))
        .map_err(|e| self.error(e))?;
        tx.commit().map_err(|e| self.error(e))
    }

    /// The line for an SQLite error: another run holding the history, a damaged file, or the
    /// error in SQLite's words.
    pub fn error(&self, e: rusqlite::Error) -> String {
        error_of(&self.path, &self.text, e)
    }

    fn foreign(&self) -> String {
        self.text
            .fmt("history.foreign", &[("path", &self.path.display().to_string())])
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Every month the history holds, oldest first.
    pub fn months(&self) -> Result<Vec<MonthRow>, String> {
        let mut statement = self
            .conn
            .prepare("SELECT month, origin, errors, warnings, infos, kinds FROM months ORDER BY month")
            .map_err(|e| self.error(e))?;
        let rows = statement
            .query_map([], |r| {
                Ok(MonthRow {
                    month: r.get(0)?,
                    origin: r.get(1)?,
                    errors: r.get::<_, i64>(2)? as usize,
                    warnings: r.get::<_, i64>(3)? as usize,
                    infos: r.get::<_, i64>(4)? as usize,
                    kinds: r.get::<_, String>(5)?.split(' ').filter_map(Kind::from_id).collect(),
                })
            })
            .and_then(Iterator::collect)
            .map_err(|e| self.error(e));
        rows
    }

    /// The findings the history holds, of one month or (None) of every month, in month order
    /// and then as each month's report listed them; `filter` narrows them in SQL (`record = ?1`).
    pub fn findings(&self, month: Option<&str>, filter: Option<(&str, &str)>) -> Result<Vec<StoredFinding>, String> {
        let mut sql = String::from(
            "SELECT month, rule, register, record, field, severity, file, sheet, row, col, message, \
             first_reported, status, args FROM findings WHERE (?1 IS NULL OR month = ?1)",
        );
        let value = filter.map(|(column, value)| {
            sql.push_str(&format!(" AND {column} = ?2 COLLATE NOCASE"));
            value
        });
        if value.is_none() {
            sql.push_str(" AND ?2 IS NULL");
        }
        sql.push_str(" ORDER BY month, rowid");
        let mut statement = self.conn.prepare(&sql).map_err(|e| self.error(e))?;
        let rows = statement
            .query_map(params![month, value], |r| {
                let severity: String = r.get(5)?;
                let status: String = r.get(12)?;
                let args: Option<String> = r.get(13)?;
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
                    message: stored_message(r.get(10)?, args.as_deref()),
                    first_reported: r.get(11)?,
                    status: Status::parse(&status).unwrap_or(Status::New),
                })
            })
            .and_then(Iterator::collect)
            .map_err(|e| self.error(e));
        rows
    }

    /// The records of the months reported before `period`, each as its own month's report
    /// fingerprinted it (a record of September as September's run read it), in month order.
    pub fn closed_records(&self, period: &str) -> Result<Vec<Fingerprint>, String> {
        self.fingerprints("r.month = r.belongs AND r.month < ?1", period)
    }

    fn fingerprints(&self, condition: &str, month: &str) -> Result<Vec<Fingerprint>, String> {
        let sql = format!(
            "SELECT r.kind, r.record, r.belongs, s.file, s.sheet, r.row, v.fields \
             FROM records r JOIN sources s ON s.id = r.source JOIN vals v ON v.id = r.vals \
             WHERE {condition} ORDER BY r.month, r.rowid"
        );
        let mut statement = self.conn.prepare(&sql).map_err(|e| self.error(e))?;
        let rows = statement
            .query_map([month_number(month)], |r| {
                let kind = usize::try_from(r.get::<_, i64>(0)?).ok().and_then(|i| Kind::ALL.get(i));
                Ok(StoredRecord {
                    kind: kind.map_or("", |k| k.id()).to_string(),
                    record: r.get(1)?,
                    belongs: month_label(r.get(2)?),
                    file: r.get(3)?,
                    sheet: r.get(4)?,
                    row: r.get(5)?,
                    fields: r.get(6)?,
                })
            })
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<StoredRecord>>>())
            .map_err(|e| self.error(e))?;
        Ok(rows.iter().filter_map(super::fingerprints::decode).collect())
    }

    /// Replaces the months' entries with `entries`, all in one transaction: the history after it
    /// holds all of them or (on any error, or a run stopped half-way) none of them.
    pub fn record(&mut self, entries: &[MonthEntry]) -> Result<(), String> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(|e| error_of(&self.path, &self.text, e))?;
        let written = entries.iter().try_for_each(|entry| write_month(&tx, entry));
        fault_point();
        let result = written.and_then(|()| tx.commit());
        result.map_err(|e| error_of(&self.path, &self.text, e))
    }
}

/// See [`History::error`].
fn error_of(path: &Path, text: &Catalogue, e: rusqlite::Error) -> String {
    let path = path.display().to_string();
    match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => text.fmt("history.busy", &[("path", &path)]),
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => text.fmt("history.foreign", &[("path", &path)]),
        _ => text.fmt("history.failed", &[("path", &path), ("error", &e.to_string())]),
    }
}

/// For the tests of a run stopped half-way: with `CLERK_TEST_HISTORY_ABORT` set, the process
/// ends here, inside the history's transaction, as a killed run would (the journal must undo it).
fn fault_point() {
    if std::env::var_os("CLERK_TEST_HISTORY_ABORT").is_some() {
        std::process::abort();
    }
}

/// One month's entries, the old ones of that month deleted first.
fn write_month(tx: &Transaction, entry: &MonthEntry) -> rusqlite::Result<()> {
    let month = &entry.month.month;
    for table in ["months", "findings", "sources"] {
        tx.execute(&format!("DELETE FROM {table} WHERE month = ?1"), [month])?;
    }
    let number = month_number(month);
    if tx.execute("DELETE FROM records WHERE month = ?1", [number])? > 0 {
        // A month run again: the values only its old records had go with them.
        tx.execute("DELETE FROM vals WHERE id NOT IN (SELECT vals FROM records)", [])?;
    }
    let m = &entry.month;
    tx.execute(
        "INSERT INTO months (month, origin, errors, warnings, infos, kinds) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            m.month,
            m.origin,
            m.errors as i64,
            m.warnings as i64,
            m.infos as i64,
            m.kinds.iter().map(|k| k.id()).collect::<Vec<_>>().join(" ")
        ],
    )?;
    let mut insert = tx.prepare(
        "INSERT INTO findings (month, rule, register, record, field, severity, file, sheet, row, col, \
         message, first_reported, status, args) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?;
    for f in entry.findings {
        // Text only stays text (a month started from a findings.json); a message as data is kept
        // as data.
        let (message, args) = match f.message.as_text() {
            Some(text) => (text, None),
            None => ("", Some(f.message.to_json())),
        };
        insert.execute(params![
            month,
            f.rule,
            f.register,
            f.record,
            f.field,
            f.severity.id(),
            f.file,
            f.sheet,
            f.row,
            f.column,
            message,
            f.first_reported,
            f.status.id(),
            args
        ])?;
    }
    let mut source = tx.prepare("INSERT INTO sources (month, file, sheet) VALUES (?1, ?2, ?3)")?;
    let mut insert = tx.prepare(
        "INSERT INTO records (month, kind, record, belongs, source, row, vals) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let mut vals = tx.prepare("INSERT OR IGNORE INTO vals (id, fields) VALUES (?1, ?2)")?;
    let mut last: Option<(&str, &str, i64)> = None;
    for r in entry.records {
        let id = match last {
            Some((file, sheet, id)) if file == r.file && sheet == r.sheet => id,
            _ => {
                source.execute(params![month, r.file, r.sheet])?;
                let id = tx.last_insert_rowid();
                last = Some((&r.file, &r.sheet, id));
                id
            }
        };
        let values = values_id(&r.fields);
        vals.execute(params![values, r.fields])?;
        let kind = Kind::ALL.iter().position(|k| k.id() == r.kind).map_or(-1, |i| i as i64);
        let belongs = month_number(&r.belongs);
        insert.execute(params![number, kind, r.record, belongs, id, r.row, values])?;
    }
    Ok(())
}

/// A set of values' id: the first 8 bytes of their SHA-256 (two different sets of a history
/// sharing one is a chance of about one in 10^19 a pair).
fn values_id(fields: &[u8]) -> i64 {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(fields);
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    i64::from_le_bytes(first)
}

/// `2026-10` as a number (year * 12 + month - 1); -1 for a label that is no month.
fn month_number(label: &str) -> i64 {
    let parsed = label
        .split_once('-')
        .and_then(|(y, m)| Some((y.parse::<i64>().ok()?, m.parse::<i64>().ok()?)));
    match parsed {
        Some((y, m)) if (1..=12).contains(&m) && label.len() == 7 => y * 12 + m - 1,
        _ => -1,
    }
}

/// [`month_number`] back as `2026-10` (empty for -1).
fn month_label(number: i64) -> String {
    match number {
        n if n < 0 => String::new(),
        n => format!("{:04}-{:02}", n / 12, n % 12 + 1),
    }
}

/// Whether the file starts as every SQLite database does.
fn looks_like_sqlite(path: &Path) -> std::io::Result<bool> {
    use std::io::Read;
    let mut head = [0u8; 16];
    let mut file = std::fs::File::open(path)?;
    let mut read = 0;
    while read < head.len() {
        match file.read(&mut head[read..])? {
            0 => return Ok(false),
            n => read += n,
        }
    }
    Ok(&head == SQLITE_HEADER)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_kept_as_numbers_and_back() {
        assert_eq!(month_label(month_number("2026-10")), "2026-10");
        assert_eq!(month_number("2026-01") + 1, month_number("2026-02"));
        assert_eq!(month_number("2025-12") + 1, month_number("2026-01"));
        assert_eq!(month_number(""), -1);
        assert_eq!(month_number("2026-13"), -1);
        assert_eq!(month_label(-1), "");
    }

    /// A run that finds another one writing the history waits, then says so in one line.
    #[test]
    fn another_run_holding_the_history_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let text = crate::commands::texts::catalogue(crate::base::i18n::Lang::En);
        let mut history = History::open(dir.path(), text).unwrap();
        history.conn.busy_timeout(Duration::from_millis(50)).unwrap();
        let other = Connection::open(dir.path().join(FILE_NAME)).unwrap();
        other.execute_batch("BEGIN EXCLUSIVE").unwrap();
        let line = history.record(&[]).unwrap_err();
        let path = dir.path().join(FILE_NAME).display().to_string();
        assert_eq!(
            line,
            format!("another clerk run is writing the history {path}; try again when it has finished")
        );
        other.execute_batch("COMMIT").unwrap();
        assert_eq!(history.record(&[]), Ok(()));
    }
}
