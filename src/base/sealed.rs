//! Bytes held compressed while a run waits to write them: pieces (a sheet's kept rows, a long
//! table's rows of XML) appended to an open chunk of about [`CHUNK`] bytes, which is
//! LZ4-compressed — sealed — once full, and read back chunk by chunk, uncompressed, in order.
//! A piece is never split between chunks, so a reader of a chunk sees whole pieces.
//!
//! A large month holds a million kept rows and tens of megabytes of table XML for most of the
//! run; compressed they take a third to a tenth of the room, for a few hundred megabytes a second
//! of one core (BENCHMARKS.md). One buffer grown by doubling would also copy itself over and
//! over, into fresh memory each time.

use std::borrow::Cow;
use std::sync::Arc;

use crate::base::spill::{Spill, Spilled};

/// Bytes of a chunk, uncompressed.
pub const CHUNK: usize = 1 << 20;
/// A chunk is sealed before a piece when it has less room than this left (a longer piece grows
/// its chunk).
const ROOM: usize = 1 << 16;

/// Pieces of bytes, compressed in chunks as they come.
#[derive(Clone, Debug, Default)]
pub struct Sealed {
    /// The full chunks, each LZ4-compressed with its length before it.
    sealed: Vec<Stored>,
    /// The pieces after the last sealed chunk, not yet compressed.
    open: Vec<u8>,
    /// Bytes of every piece, uncompressed.
    bytes: usize,
    /// Where sealed chunks are put away; None: held in memory.
    spill: Option<Arc<Spill>>,
}

/// A sealed chunk: held, or put away in the [`Sealed`]'s spill.
#[derive(Clone, Debug)]
enum Stored {
    Held(Box<[u8]>),
    Away(Spilled),
}

impl Sealed {
    /// Pieces whose chunks are put away in `spill` once sealed, rather than held.
    pub fn spilling(spill: Arc<Spill>) -> Sealed {
        Sealed {
            spill: Some(spill),
            ..Sealed::default()
        }
    }

    /// No pieces, put away where these are.
    pub fn emptied(&self) -> Sealed {
        Sealed {
            spill: self.spill.clone(),
            ..Sealed::default()
        }
    }

    /// The buffer to append the next piece to (whole: call [`Sealed::piece`] once for each);
    /// the open chunk is sealed first when it is nearly full.
    pub fn piece(&mut self) -> Piece<'_> {
        if self.open.len() + ROOM > CHUNK {
            self.seal();
        }
        if self.open.capacity() == 0 {
            self.open.reserve(CHUNK);
        }
        let start = self.open.len();
        Piece { sealed: self, start }
    }

    /// Appends `bytes` as one piece.
    pub fn push(&mut self, bytes: &[u8]) {
        self.piece().extend_from_slice(bytes);
    }

    fn seal(&mut self) {
        if !self.open.is_empty() {
            let compressed = Sealed::compress(&self.open);
            self.store(compressed);
            self.open.clear();
        }
    }

    fn store(&mut self, compressed: Vec<u8>) {
        self.sealed.push(match &self.spill {
            Some(spill) => Stored::Away(spill.put(&compressed)),
            None => Stored::Held(compressed.into_boxed_slice()),
        });
    }

    /// Whole pieces, `bytes` sealed as one chunk — on any thread, for [`Sealed::push_sealed`].
    pub fn compress(bytes: &[u8]) -> Vec<u8> {
        lz4_flex::compress_prepend_size(bytes)
    }

    /// Appends a chunk [`Sealed::compress`] sealed, of `bytes` bytes uncompressed, after the
    /// pieces before it.
    pub fn push_sealed(&mut self, compressed: Vec<u8>, bytes: usize) {
        self.seal();
        self.store(compressed);
        self.bytes += bytes;
    }

    /// Seals the last pieces and lets go of the open chunk's room: no more pieces come.
    pub fn finish(&mut self) {
        self.seal();
        self.open = Vec::new();
    }

    /// Each chunk, uncompressed, in order. (A chunk that will not uncompress — which this
    /// module's own compression never gives —, or that cannot be read back from the spill's
    /// file, is none of the pieces.)
    pub fn each_chunk<E>(&self, mut f: impl FnMut(&[u8]) -> Result<(), E>) -> Result<(), E> {
        self.chunks().try_for_each(|chunk| f(&chunk))
    }

    /// Each chunk, uncompressed, in order, as [`Sealed::each_chunk`] hands them over; one
    /// sealed chunk in memory at a time, the open one borrowed.
    pub fn chunks(&self) -> impl Iterator<Item = Cow<'_, [u8]>> + '_ {
        let open = (!self.open.is_empty()).then_some(Cow::Borrowed(self.open.as_slice()));
        (self.sealed.iter())
            .filter_map(|s| self.unseal(s).map(Cow::Owned))
            .chain(open)
    }

    /// A sealed chunk, uncompressed (none: see [`Sealed::each_chunk`]).
    fn unseal(&self, sealed: &Stored) -> Option<Vec<u8>> {
        let away;
        let compressed: &[u8] = match (sealed, &self.spill) {
            (Stored::Held(bytes), _) => bytes,
            (Stored::Away(at), Some(spill)) => {
                away = spill.get(*at).ok()?;
                &away
            }
            (Stored::Away(_), None) => return None,
        };
        lz4_flex::decompress_size_prepended(compressed).ok()
    }

    /// Bytes of the pieces, uncompressed.
    pub fn bytes(&self) -> usize {
        self.bytes
    }

    /// Bytes the pieces take as held (compressed, and the open chunk as it is).
    #[cfg(test)]
    pub fn held(&self) -> usize {
        let held = self.sealed.iter().map(|s| match s {
            Stored::Held(bytes) => bytes.len(),
            Stored::Away(_) => 0,
        });
        held.sum::<usize>() + self.open.len()
    }
}

/// The open chunk while one piece is appended to it ([`Sealed::piece`]); counts the piece's
/// bytes when dropped.
pub struct Piece<'a> {
    sealed: &'a mut Sealed,
    start: usize,
}

impl std::ops::Deref for Piece<'_> {
    type Target = Vec<u8>;
    fn deref(&self) -> &Vec<u8> {
        &self.sealed.open
    }
}

impl std::ops::DerefMut for Piece<'_> {
    fn deref_mut(&mut self) -> &mut Vec<u8> {
        &mut self.sealed.open
    }
}

impl Drop for Piece<'_> {
    fn drop(&mut self) {
        self.sealed.bytes += self.sealed.open.len().saturating_sub(self.start);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pieces over many chunks, one longer than a chunk, come back whole and in order, and the
    /// sealed chunks take less room than the pieces — or none, put away in a file.
    #[test]
    fn pieces_come_back_whole_and_in_order_over_many_chunks() {
        let dir = tempfile::tempdir().unwrap();
        let spill = Arc::new(Spill::beside(dir.path()));
        for (mut sealed, away) in [(Sealed::default(), false), (Sealed::spilling(spill.clone()), true)] {
            let mut pieces: Vec<Vec<u8>> = (0..200_000u32)
                .map(|i| format!("<row r=\"{i}\"><c>{}</c></row>", i % 97).into_bytes())
                .collect();
            pieces.insert(100_000, vec![b'x'; 3 * CHUNK]);
            for piece in &pieces {
                sealed.push(piece);
            }
            sealed.finish();
            let all: Vec<u8> = pieces.concat();
            assert_eq!(sealed.bytes(), all.len());
            let held = sealed.held();
            assert!(held * 4 < all.len(), "{held} held for {}", all.len());
            assert_eq!(held == 0, away, "{held} held");
            let mut back = Vec::new();
            let mut chunks = 0;
            sealed
                .each_chunk(|chunk| {
                    chunks += 1;
                    // Whole pieces: a chunk starts where a piece does.
                    assert!(chunk.starts_with(b"<row") || chunk.starts_with(b"x"), "{chunks}");
                    back.extend_from_slice(chunk);
                    Ok::<(), ()>(())
                })
                .unwrap();
            assert_eq!(back, all);
            assert!(chunks > 3, "{chunks} chunks");
        }
    }

    /// Nothing in, nothing out; and pieces not yet sealed come back too.
    #[test]
    fn an_open_chunk_is_read_as_it_is() {
        let mut sealed = Sealed::default();
        sealed.each_chunk(|_| Err("no chunk")).unwrap();
        sealed.push(b"abc");
        sealed.piece().extend_from_slice(b"def");
        let mut back = Vec::new();
        sealed
            .each_chunk(|chunk| {
                back.extend_from_slice(chunk);
                Ok::<(), ()>(())
            })
            .unwrap();
        assert_eq!((back.as_slice(), sealed.bytes()), (&b"abcdef"[..], 6));
    }
}
