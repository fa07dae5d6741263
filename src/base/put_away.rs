//! A long list of rows put away while the run does other work: each row packed as bytes
//! ([`Packed`]), the bytes compressed in chunks ([`Sealed`]) and, given a [`Spill`], written to
//! its file; read back one chunk at a time, in order.
//!
//! The report model's longest tables — a row for each of the month's contracts, for each guest of
//! next month's key-attention list — were a sixth of a million-row month's memory at its highest
//! (BENCHMARKS.md, nineteenth sitting). Nothing reads them until the workbook is written, and
//! then only in order.

use std::marker::PhantomData;
use std::sync::Arc;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::base::sealed::Sealed;
use crate::base::spill::Spill;

/// A row that is put away as bytes and read back as it was.
pub trait Packed: Sized {
    /// Appends the row to `out`, as [`Packed::unpack`] reads it back.
    fn pack(&self, out: &mut Vec<u8>);
    /// The row at the start of `bytes`, and the bytes after it; None when they are cut short.
    fn unpack(bytes: &[u8]) -> Option<(Self, &[u8])>;
}

/// Rows put away, in order.
pub struct PutAway<R> {
    sealed: Sealed,
    len: usize,
    row: PhantomData<fn() -> R>,
}

/// Rows packed and compressed together, to be appended to a [`PutAway`] in their place.
pub struct Chunk<R> {
    compressed: Vec<u8>,
    bytes: usize,
    count: usize,
    row: PhantomData<fn() -> R>,
}

impl<R> Default for PutAway<R> {
    fn default() -> Self {
        PutAway {
            sealed: Sealed::default(),
            len: 0,
            row: PhantomData,
        }
    }
}

impl<R> Clone for PutAway<R> {
    /// The same rows (a chunk put away in a spill is the same bytes of its file).
    fn clone(&self) -> Self {
        PutAway {
            sealed: self.sealed.clone(),
            len: self.len,
            row: PhantomData,
        }
    }
}

impl<R> std::fmt::Debug for PutAway<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PutAway({} rows, {} bytes)", self.len, self.sealed.bytes())
    }
}

impl<R: Packed> PutAway<R> {
    /// No rows yet; those pushed go to `spill` once their chunk is full (none: they are held
    /// compressed).
    pub fn new(spill: Option<&Arc<Spill>>) -> Self {
        PutAway {
            sealed: spill.map_or_else(Sealed::default, |spill| Sealed::spilling(spill.clone())),
            ..PutAway::default()
        }
    }

    /// These rows and then `rows`, put away: no more rows come.
    pub fn filled(mut self, rows: impl IntoIterator<Item = R>) -> Self {
        for row in rows {
            self.push(&row);
        }
        self.finish();
        self
    }

    /// Appends `row`.
    pub fn push(&mut self, row: &R) {
        row.pack(&mut self.sealed.piece());
        self.len += 1;
    }

    /// `rows` packed and compressed together — on any thread —, for [`PutAway::push_chunk`].
    pub fn chunk(rows: impl IntoIterator<Item = R>) -> Chunk<R> {
        let (mut packed, mut count) = (Vec::new(), 0);
        for row in rows {
            row.pack(&mut packed);
            count += 1;
        }
        Chunk {
            compressed: Sealed::compress(&packed),
            bytes: packed.len(),
            count,
            row: PhantomData,
        }
    }

    /// Appends the rows of `chunk` ([`PutAway::chunk`]).
    pub fn push_chunk(&mut self, chunk: Chunk<R>) {
        if chunk.count > 0 {
            self.sealed.push_sealed(chunk.compressed, chunk.bytes);
            self.len += chunk.count;
        }
    }

    /// Puts the last rows away: no more rows come.
    pub fn finish(&mut self) {
        self.sealed.finish();
    }

    /// How many rows there are.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The rows, in order, read back one chunk at a time. (Rows of a chunk that cannot be read
    /// back from the spill's file are missing: see [`Sealed::each_chunk`].)
    pub fn iter(&self) -> impl Iterator<Item = R> + '_ {
        self.sealed.chunks().flat_map(|chunk| {
            let mut rows = Vec::new();
            let mut rest = &chunk[..];
            while let Some((row, after)) = R::unpack(rest) {
                rows.push(row);
                rest = after;
            }
            rows
        })
    }

    /// Each row changed by `change`, put away in the same spill.
    pub fn map(&self, mut change: impl FnMut(&mut R)) -> Self {
        let away = PutAway {
            sealed: self.sealed.emptied(),
            ..PutAway::default()
        };
        away.filled(self.iter().map(|mut row| {
            change(&mut row);
            row
        }))
    }
}

impl<R: Packed + serde::Serialize> serde::Serialize for PutAway<R> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

/// Appends a day as 4 bytes (none: `i32::MIN`).
pub fn pack_day(out: &mut Vec<u8>, day: Option<NaiveDate>) {
    let n = day.map_or(i32::MIN, |d| chrono::Datelike::num_days_from_ce(&d));
    out.extend_from_slice(&n.to_le_bytes());
}

/// A day [`pack_day`] wrote, and the bytes after it.
pub fn unpack_day(bytes: &[u8]) -> Option<(Option<NaiveDate>, &[u8])> {
    let (n, rest) = bytes.split_first_chunk::<4>()?;
    let day = match i32::from_le_bytes(*n) {
        i32::MIN => None,
        n => Some(NaiveDate::from_num_days_from_ce_opt(n)?),
    };
    Some((day, rest))
}

/// Appends an amount as a byte (0: none) and, when there is one, its 16 bytes.
pub fn pack_amount(out: &mut Vec<u8>, amount: Option<Decimal>) {
    match amount {
        None => out.push(0),
        Some(amount) => {
            out.push(1);
            out.extend_from_slice(&amount.serialize());
        }
    }
}

/// An amount [`pack_amount`] wrote, and the bytes after it.
pub fn unpack_amount(bytes: &[u8]) -> Option<(Option<Decimal>, &[u8])> {
    match bytes.split_first()? {
        (0, rest) => Some((None, rest)),
        (1, rest) => {
            let (amount, rest) = rest.split_first_chunk::<16>()?;
            Some((Some(Decimal::deserialize(*amount)), rest))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A row of a text, a day and an amount.
    #[derive(Clone, Debug, PartialEq, serde::Serialize)]
    struct Row(String, Option<NaiveDate>, Option<Decimal>);

    impl Packed for Row {
        fn pack(&self, out: &mut Vec<u8>) {
            crate::base::varint::push_varint(out, self.0.len());
            out.extend_from_slice(self.0.as_bytes());
            pack_day(out, self.1);
            pack_amount(out, self.2);
        }
        fn unpack(bytes: &[u8]) -> Option<(Self, &[u8])> {
            let (len, rest) = crate::base::varint::read_varint(bytes)?;
            let text = std::str::from_utf8(rest.get(..len)?).ok()?.to_string();
            let (day, rest) = unpack_day(rest.get(len..)?)?;
            let (amount, rest) = unpack_amount(rest)?;
            Some((Row(text, day, amount), rest))
        }
    }

    fn rows(n: usize) -> Vec<Row> {
        let day = NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
        (0..n)
            .map(|i| {
                Row(
                    format!("HT-{i:06} 客戶{}", i % 97),
                    (i % 3 != 0).then(|| day + chrono::Days::new(i as u64 % 400)),
                    (i % 4 != 0).then(|| Decimal::new(i as i64 * 12_345, 2)),
                )
            })
            .collect()
    }

    /// Rows over many chunks come back as they were and in order, held compressed and put away in
    /// a file alike; a clone reads the same rows, a map changes each, and serde sees a list.
    #[test]
    fn rows_put_away_come_back_as_they_were() {
        let dir = tempfile::tempdir().unwrap();
        let spill = Arc::new(Spill::beside(dir.path()));
        let given = rows(60_000);
        for spill in [None, Some(&spill)] {
            let away = PutAway::new(spill).filled(given.clone());
            assert_eq!(away.len(), given.len());
            assert!(away.iter().eq(given.iter().cloned()));
            assert!(away.clone().iter().eq(given.iter().cloned()));
            let changed = away.map(|r| r.0.push('!'));
            assert!(changed
                .iter()
                .map(|r| r.0)
                .eq(given.iter().map(|r| format!("{}!", r.0))));
            assert!(
                away.iter().eq(given.iter().cloned()),
                "the rows mapped are as they were"
            );
            let json = serde_json::to_value(PutAway::new(spill).filled(rows(2))).unwrap();
            assert_eq!(json, serde_json::to_value(rows(2)).unwrap());
        }
        assert!(PutAway::<Row>::default().iter().next().is_none());
    }

    /// Rows packed and compressed in chunks elsewhere, appended between rows pushed one by one,
    /// read back in order.
    #[test]
    fn chunks_of_rows_read_back_in_their_place() {
        let dir = tempfile::tempdir().unwrap();
        let spill = Arc::new(Spill::beside(dir.path()));
        let given = rows(20_000);
        for spill in [None, Some(&spill)] {
            let mut away = PutAway::<Row>::new(spill);
            away.push(&given[0]);
            away.push_chunk(PutAway::chunk(given[1..9_000].iter().cloned()));
            away.push_chunk(PutAway::chunk([]));
            away.push(&given[9_000]);
            away.push_chunk(PutAway::chunk(given[9_001..].iter().cloned()));
            away.finish();
            assert_eq!(away.len(), given.len());
            assert!(away.iter().eq(given.iter().cloned()));
        }
    }

    /// Days and amounts cut short read back as none.
    #[test]
    fn values_cut_short_are_none() {
        assert_eq!(unpack_day(&[1, 2]), None);
        assert_eq!(unpack_amount(&[1, 2, 3]), None);
        assert_eq!(unpack_amount(&[9]), None);
        let mut out = Vec::new();
        pack_day(&mut out, None);
        pack_amount(&mut out, None);
        assert_eq!(unpack_day(&out), Some((None, &[0u8][..])));
    }
}
