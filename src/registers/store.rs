//! Where a sheet's records keep their values (issue 26's compact record store): their packed
//! bytes ([`super::packing`]) one after another in blocks of [`BLOCK`] bytes, with the texts the
//! sheet repeats ([`super::shared`]), held by each of the sheet's records behind one `Arc`.
//!
//! A record's bytes in a block of their own each (a `Box<[u8]>`) cost the record 16 bytes of
//! pointer and length, the allocator its rounding up and a block's bookkeeping, and the run the
//! freeing of ten million blocks one by one (BENCHMARKS.md, sixteenth sitting). Here a record
//! holds the number of its block and where its bytes start in it, the length in front of them.

use super::shared::SharedTexts;
use crate::base::varint::{push_varint, read_varint};

/// Bytes a block holds (a record longer than this has a block of its own).
const BLOCK: usize = 64 << 10;

/// A sheet's records' values, read only once the sheet is typed.
#[derive(Debug, Default)]
pub struct SheetStore {
    blocks: Vec<Vec<u8>>,
    shared: SharedTexts,
}

impl SheetStore {
    /// The packed bytes of the record at `at` of `block`; none when there are none there (never,
    /// for the place [`Blocks::push`] gave).
    pub fn bytes(&self, (block, at): (u32, u32)) -> Option<&[u8]> {
        let block = self.blocks.get(block as usize)?;
        let (len, rest) = read_varint(block.get(at as usize..)?)?;
        rest.get(..len)
    }

    pub fn shared(&self) -> &SharedTexts {
        &self.shared
    }
}

/// A sheet's blocks as its records are packed into them.
#[derive(Debug, Default)]
pub struct Blocks {
    done: Vec<Vec<u8>>,
    open: Vec<u8>,
}

impl Blocks {
    /// Room for a record of `len` bytes, its length in front: the block to write it into, and
    /// its place (block, start).
    pub fn room(&mut self, len: usize) -> (&mut Vec<u8>, (u32, u32)) {
        let need = len + 10;
        if self.open.capacity() - self.open.len() < need {
            let open = std::mem::replace(&mut self.open, Vec::with_capacity(need.max(BLOCK)));
            if !open.is_empty() {
                self.done.push(open);
            }
        }
        let place = (self.done.len() as u32, self.open.len() as u32);
        push_varint(&mut self.open, len);
        (&mut self.open, place)
    }

    /// The store of the blocks written and of `shared`; the blocks start again empty.
    pub fn finish(&mut self, shared: SharedTexts) -> SheetStore {
        let mut blocks = std::mem::take(&mut self.done);
        let mut open = std::mem::take(&mut self.open);
        if !open.is_empty() {
            open.shrink_to_fit();
            blocks.push(open);
        }
        blocks.shrink_to_fit();
        SheetStore { blocks, shared }
    }
}

#[cfg(test)]
mod tests {
    use super::{Blocks, SharedTexts, BLOCK};

    /// Records are found where they were put, a long one in a block of its own, the blocks
    /// filled before the next is begun.
    #[test]
    fn each_record_is_found_where_it_was_put() {
        let mut blocks = Blocks::default();
        let records: Vec<Vec<u8>> = (0..3000usize)
            .map(|n| vec![n as u8; if n == 1500 { 3 * BLOCK } else { n % 200 }])
            .collect();
        let places: Vec<(u32, u32)> = (records.iter())
            .map(|bytes| {
                let (block, place) = blocks.room(bytes.len());
                block.extend_from_slice(bytes);
                place
            })
            .collect();
        let store = blocks.finish(SharedTexts::default());
        for (bytes, place) in records.iter().zip(&places) {
            assert_eq!(store.bytes(*place), Some(&bytes[..]), "{place:?}");
        }
        // About 300 kB of short records in 64 kB blocks, each but the last nearly full, and the
        // long one alone.
        let short: usize = records.iter().map(|r| r.len() + 2).filter(|&n| n < BLOCK).sum();
        assert!(store.blocks.len() <= short / BLOCK + 3, "{} blocks", store.blocks.len());
        assert_eq!(store.blocks.iter().filter(|b| b.len() > BLOCK).count(), 1);
        assert_eq!(store.bytes((9, 0)), None);
        assert!(blocks.finish(SharedTexts::default()).blocks.is_empty());
    }
}
