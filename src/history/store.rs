//! `clerk-history.sqlite`: its schema (versioned by `PRAGMA user_version`, marked as clerk's by
//! `PRAGMA application_id`), opening it safely, and reading and writing a month's entries.
//!
//! A file at the history's path that is not SQLite, or SQLite of another program, or of a newer
//! clerk, is never written to: opening it is one line naming it. Every write is one transaction,
//! so a run that fails or is stopped half-way leaves the history as it was (SQLite's journal).

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{params, Connection, ErrorCode, OpenFlags, Transaction};

use super::chunks::{self, Chunk};
use super::findings::{self, Filter, Findings, StoredFinding};
use super::schema::{Migration, MIGRATIONS, VERSION};
use crate::base::i18n::Catalogue;
use crate::base::spill::Spill;
use crate::month::{month_number, ClosedRecords, ReportedMonth};
use crate::registers::Kind;

/// The history's file name in the output folder.
pub const FILE_NAME: &str = "clerk-history.sqlite";

/// `clrk`: marks the database as clerk's, so another program's SQLite file is told apart.
const APPLICATION_ID: i32 = 0x636c_726b;

/// How long a run waits for another run that is writing the history.
const BUSY_WAIT: Duration = Duration::from_secs(10);

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

/// Everything a run writes for its month: it replaces what the history held of that month.
pub struct MonthEntry<'a> {
    pub month: MonthRow,
    pub findings: Findings<'a>,
    /// The fingerprints of the records read, in chunks ([`chunks`]); a chunk's `source` is its
    /// place in `sources`, (file, sheet) each; their bytes in `spill`.
    pub chunks: &'a [Chunk],
    pub spill: &'a Spill,
    pub sources: &'a [(String, String)],
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
            let done = match migration {
                Migration::Sql(sql) => tx.execute_batch(sql),
                Migration::Code(step) => step(&tx),
            };
            done.map_err(|e| self.error(e))?;
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
    /// and then as each month's report listed them, those `filter` keeps.
    pub fn findings(&self, month: Option<&str>, filter: Option<Filter>) -> Result<Vec<StoredFinding>, String> {
        findings::read(&self.conn, month, filter).map_err(|e| self.error(e))
    }

    /// The records of the months reported before `period` (`months`), each as its own month's
    /// report fingerprinted it (a record of September as September's run read it).
    pub fn closed_records(&self, period: &str, months: Vec<ReportedMonth>) -> Result<ClosedRecords, String> {
        let mut closed = ClosedRecords::of_months(months);
        let mut statement = self
            .conn
            .prepare(
                "SELECT p.kind, p.belongs, s.file, s.sheet, c.data \
                 FROM prints p JOIN sources s ON s.id = p.source JOIN chunks c ON c.id = p.chunk \
                 WHERE p.month = p.belongs AND p.month < ?1 ORDER BY p.month, p.kind, p.source, p.seq",
            )
            .map_err(|e| self.error(e))?;
        let mut rows = statement.query([month_number(period)]).map_err(|e| self.error(e))?;
        while let Some(row) = rows.next().map_err(|e| self.error(e))? {
            let (kind, belongs, file, sheet, data) = chunk_row(row).map_err(|e| self.error(e))?;
            let Some(data) = chunks::decompress(data) else {
                continue;
            };
            let (Some(kind), Some(records)) = (kind, chunks::records(&data)) else {
                continue;
            };
            for (record, sheet_row, fields) in records {
                closed.push(kind, record, belongs, (&file, &sheet), sheet_row, fields);
            }
        }
        Ok(closed)
    }

    /// The ids of the chunks of fingerprints the history holds.
    pub fn chunk_ids(&self) -> Result<rustc_hash::FxHashSet<i64>, String> {
        let mut statement = self.conn.prepare("SELECT id FROM chunks").map_err(|e| self.error(e))?;
        let ids = statement
            .query_map([], |r| r.get(0))
            .and_then(Iterator::collect)
            .map_err(|e| self.error(e));
        ids
    }

    /// Replaces the months' entries with `entries`, all in one transaction: the history after it
    /// holds all of them or (on any error, or a run stopped half-way) none of them.
    pub fn record(&mut self, entries: &[MonthEntry]) -> Result<(), String> {
        self.record_if(entries, || true)
    }

    /// [`History::record`], committed only if `keep` says so once the entries are written (a
    /// run writes its history while it writes its report, and keeps it only if the report was
    /// written); otherwise the history stays as it was.
    pub fn record_if(&mut self, entries: &[MonthEntry], keep: impl FnOnce() -> bool) -> Result<(), String> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(|e| error_of(&self.path, &self.text, e))?;
        let written = entries.iter().try_for_each(|entry| write_month(&tx, entry));
        fault_point();
        let result = match written {
            Ok(()) if keep() => tx.commit(),
            Ok(()) => tx.rollback(),
            Err(e) => Err(e),
        };
        result.map_err(|e| error_of(&self.path, &self.text, e))
    }
}

/// A row of [`History::closed_records`]'s query: kind, month, file, sheet and the chunk.
type ChunkRow<'r> = (Option<Kind>, i32, String, String, &'r [u8]);

fn chunk_row<'r>(row: &'r rusqlite::Row) -> rusqlite::Result<ChunkRow<'r>> {
    let kind = usize::try_from(row.get::<_, i64>(0)?)
        .ok()
        .and_then(|i| Kind::ALL.get(i));
    Ok((
        kind.copied(),
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get_ref(4)?.as_blob()?,
    ))
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
    for table in ["months", "finding_chunks", "sources"] {
        tx.execute(&format!("DELETE FROM {table} WHERE month = ?1"), [month])?;
    }
    let number = month_number(month);
    let again = tx.execute("DELETE FROM prints WHERE month = ?1", [number])? > 0;
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
    findings::write(tx, month, entry.findings)?;
    write_chunks(tx, number, month, entry)?;
    if again {
        // A month run again: the chunks only its old prints had go with them (once the new
        // prints are in: they may name the same chunks).
        tx.execute("DELETE FROM chunks WHERE id NOT IN (SELECT chunk FROM prints)", [])?;
    }
    Ok(())
}

/// The month's chunks of fingerprints, and the sheets they were read from.
fn write_chunks(tx: &Transaction, number: i32, month: &str, entry: &MonthEntry) -> rusqlite::Result<()> {
    let mut source = tx.prepare("INSERT INTO sources (month, file, sheet) VALUES (?1, ?2, ?3)")?;
    let mut ids = Vec::with_capacity(entry.sources.len());
    for (file, sheet) in entry.sources {
        source.execute(params![month, file, sheet])?;
        ids.push(tx.last_insert_rowid());
    }
    let mut data = tx.prepare("INSERT OR IGNORE INTO chunks (id, data) VALUES (?1, ?2)")?;
    let mut held = tx.prepare("SELECT 1 FROM chunks WHERE id = ?1")?;
    let mut print =
        tx.prepare("INSERT INTO prints (month, kind, source, belongs, seq, chunk) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")?;
    for chunk in entry.chunks {
        let Some(&source) = ids.get(chunk.source as usize) else {
            continue;
        };
        match chunk.bytes(entry.spill)? {
            // Held when the run began: still there unless another run took it away meanwhile.
            None => held.query_row([chunk.id], |_| Ok(()))?,
            Some(bytes) => {
                data.execute(params![chunk.id, bytes])?;
            }
        }
        print.execute(params![
            number,
            chunk.kind as i64,
            source,
            chunk.belongs,
            chunk.seq,
            chunk.id
        ])?;
    }
    Ok(())
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

    /// The history's texts and those of the layers below it, in English (not the commands'
    /// catalogue: the history is below them).
    fn english() -> Catalogue {
        use crate::base::i18n::{Lang, Texts};
        let tables = [super::super::TEXTS, crate::base::i18n::TEXTS, crate::base::os::TEXTS];
        Catalogue::new(Lang::En, Texts::new(&tables).leak())
    }

    /// A run that finds another one writing the history waits, then says so in one line.
    #[test]
    fn another_run_holding_the_history_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let text = english();
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

    /// A history of schema 1 (one row a record) opened by this clerk: its records rewritten in
    /// chunks, and read back as they were.
    #[test]
    fn a_history_of_the_first_schema_keeps_its_records() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(super::super::schema::V1).unwrap();
        conn.execute_batch(&format!(
            "PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = 1;"
        ))
        .unwrap();
        let mut fields = Vec::new();
        crate::month::pack_field(&mut fields, 1, "甲公司");
        let september = month_number("2026-09");
        conn.execute_batch(
            "INSERT INTO months VALUES ('2026-09', 'run', 0, 0, 0, 'contracts');
             INSERT INTO sources (id, month, file, sheet) VALUES (7, '2026-09', '合同.xlsx', '2026');",
        )
        .unwrap();
        conn.execute("INSERT INTO vals (id, fields) VALUES (1, ?1)", [&fields])
            .unwrap();
        conn.execute("INSERT INTO records VALUES (?1, 0, 'HT-1', ?1, 7, 12, 1)", [september])
            .unwrap();
        drop(conn);
        let text = english();
        let history = History::open(dir.path(), text).unwrap();
        let months = vec![ReportedMonth {
            month: "2026-09".into(),
            kinds: vec![Kind::Contracts],
        }];
        let closed = history.closed_records("2026-10", months).unwrap();
        let found = closed.get(Kind::Contracts, "HT-1").unwrap();
        assert_eq!(
            (
                found.month.as_str(),
                found.file.as_str(),
                found.sheet.as_str(),
                found.row
            ),
            ("2026-09", "合同.xlsx", "2026", 12)
        );
        assert_eq!(found.value("customer"), Some("甲公司"));
        let tables: i64 = (history.conn)
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE name IN ('records', 'vals')",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(tables, 0);
    }
}
