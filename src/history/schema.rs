//! The history's schema, versioned by `PRAGMA user_version`: one migration per version, SQL or,
//! where rows must be rewritten, code. `store.rs` applies them in one transaction when it opens
//! a history of an earlier version.

use rusqlite::{params, Transaction};

use super::chunks::{self, Sealing};
use crate::base::spill::Spill;
use crate::month::Packed;
use crate::registers::Kind;

/// A step of the schema: SQL, or code where the rows must be rewritten.
pub enum Migration {
    Sql(&'static str),
    Code(fn(&Transaction) -> rusqlite::Result<()>),
}

/// The schema, one migration per version: `MIGRATIONS[n]` takes version n to n + 1.
pub const MIGRATIONS: &[Migration] = &[
    // 1: months, their findings and the fingerprints of the records read (one row a record).
    Migration::Sql(V1),
    // 2: the fingerprints in chunks (`chunks.rs`), each chunk kept once.
    Migration::Code(chunked),
    // 3: each finding's message as data (`Message` as JSON), said in the language `clerk history`
    // is asked for; `message` keeps the text of rows written before (and of months started from
    // a findings.json), and is empty where `args` is set.
    Migration::Sql("ALTER TABLE findings ADD COLUMN args TEXT"),
    // 4: the findings in chunks (`findings.rs`), not one row a finding.
    Migration::Code(super::findings::chunked),
];

pub const V1: &str = "CREATE TABLE months (
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
     CREATE INDEX records_month ON records (month);";

/// The schema version this clerk writes.
pub const VERSION: i32 = MIGRATIONS.len() as i32;

/// Migration 2: the fingerprints of schema 1 (`records`, one row a record, its values in `vals`)
/// rewritten in chunks, month by month.
pub fn chunked(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(
        "CREATE TABLE chunks (
             id INTEGER PRIMARY KEY,
             data BLOB NOT NULL
         );
         -- Months as numbers (year * 12 + month - 1), kinds as their place in Kind::ALL.
         CREATE TABLE prints (
             month INTEGER NOT NULL,
             kind INTEGER NOT NULL,
             source INTEGER NOT NULL,
             belongs INTEGER NOT NULL,
             seq INTEGER NOT NULL,
             chunk INTEGER NOT NULL,
             PRIMARY KEY (month, kind, source, belongs, seq)
         ) WITHOUT ROWID;",
    )?;
    let mut old = tx.prepare(
        "SELECT r.month, r.kind, r.source, r.belongs, r.record, r.row, v.fields \
         FROM records r JOIN vals v ON v.id = r.vals ORDER BY r.month, r.rowid",
    )?;
    let mut rows = old.query([])?;
    let mut by_sheet: std::collections::BTreeMap<(i32, i64), Vec<Packed>> = Default::default();
    while let Some(row) = rows.next()? {
        let (month, kind, source): (i32, i64, i64) = (row.get(0)?, row.get(1)?, row.get(2)?);
        let Some(&kind) = usize::try_from(kind).ok().and_then(|i| Kind::ALL.get(i)) else {
            continue;
        };
        let (record, sheet_row, fields): (String, u32, Vec<u8>) = (row.get(4)?, row.get(5)?, row.get(6)?);
        let packed = (by_sheet.entry((month, source))).or_insert_with(|| vec![Packed::default(); Kind::ALL.len()]);
        packed[kind as usize].push(&record, &fields, row.get(3)?, 0, sheet_row, 0);
    }
    drop(rows);
    drop(old);
    let mut data = tx.prepare("INSERT OR IGNORE INTO chunks (id, data) VALUES (?1, ?2)")?;
    let mut print =
        tx.prepare("INSERT INTO prints (month, kind, source, belongs, seq, chunk) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")?;
    for ((month, source), packed) in &by_sheet {
        for (kind, packed) in Kind::ALL.iter().zip(packed) {
            let spill = Spill::in_memory();
            let sealing = Sealing {
                known: &Default::default(),
                spill: &spill,
            };
            for chunk in chunks::chunks(*kind, packed, sealing) {
                data.execute(params![chunk.id, chunk.bytes(&spill)?])?;
                print.execute(params![month, *kind as i64, source, chunk.belongs, chunk.seq, chunk.id])?;
            }
        }
    }
    tx.execute_batch("DROP TABLE records; DROP TABLE vals;")
}
