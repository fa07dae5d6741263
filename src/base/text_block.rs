//! A row's texts held one after another in one block of their size: a report's long tables hold a
//! row for each of a million contracts, or each of fifty thousand guests, and a `String` a column
//! (24 bytes, and a heap block of its own, the longer ones grown by doubling) was most of their
//! memory (BENCHMARKS.md, fifteenth sitting).

use crate::base::varint::{push_varint, read_varint};

/// `N` texts in one block, read back as they were given ([`TextBlock::texts`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextBlock<const N: usize> {
    /// The texts one after another.
    block: Box<str>,
    /// Where each text ends in `block`.
    ends: [u32; N],
}

impl<const N: usize> Default for TextBlock<N> {
    fn default() -> Self {
        TextBlock {
            block: Box::default(),
            ends: [0; N],
        }
    }
}

impl<const N: usize> TextBlock<N> {
    /// The texts, in one block of their size. A block holds up to 4 GB: texts beyond are cut
    /// (a report row's texts are a few hundred bytes).
    pub fn new(texts: [&str; N]) -> Self {
        let mut block = String::with_capacity(texts.iter().map(|t| t.len()).sum());
        let ends = texts.map(|text| {
            if block.len() + text.len() <= u32::MAX as usize {
                block.push_str(text);
            }
            block.len() as u32
        });
        TextBlock {
            block: block.into_boxed_str(),
            ends,
        }
    }

    /// The texts, in the order they were given.
    pub fn texts(&self) -> [&str; N] {
        let mut start = 0;
        self.ends.map(|end| {
            let text = &self.block[start..end as usize];
            start = end as usize;
            text
        })
    }

    /// Appends the texts to `out` as bytes [`TextBlock::unpack`] reads back: each text's length
    /// as a varint, then the texts one after another.
    pub fn pack(&self, out: &mut Vec<u8>) {
        let mut start = 0;
        for end in self.ends {
            push_varint(out, (end - start) as usize);
            start = end;
        }
        out.extend_from_slice(self.block.as_bytes());
    }

    /// The texts [`TextBlock::pack`] wrote at the start of `bytes`, and the bytes after them;
    /// None when they are cut short or not UTF-8.
    pub fn unpack(mut bytes: &[u8]) -> Option<(Self, &[u8])> {
        let mut ends = [0u32; N];
        let mut end = 0usize;
        for slot in &mut ends {
            let (len, rest) = read_varint(bytes)?;
            end = end.checked_add(len)?;
            *slot = u32::try_from(end).ok()?;
            bytes = rest;
        }
        let (block, rest) = (bytes.get(..end)?, bytes.get(end..)?);
        let block = std::str::from_utf8(block).ok()?.into();
        Some((TextBlock { block, ends }, rest))
    }

    /// Text `i` (of `N`, counted from 0).
    pub fn get(&self, i: usize) -> &str {
        let start = match i {
            0 => 0,
            _ => self.ends[i - 1] as usize,
        };
        &self.block[start..self.ends[i] as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::TextBlock;

    /// Texts read back as they were given: blank ones, Chinese ones, and none at all.
    #[test]
    fn texts_read_back_as_given() {
        let texts = ["G-0001", "", "王偉", "A 類客人、資料不全", ""];
        let block = TextBlock::new(texts);
        assert_eq!(block.texts(), texts);
        assert_eq!((0..5).map(|i| block.get(i)).collect::<Vec<_>>(), texts);
        assert_eq!(TextBlock::<3>::default().texts(), ["", "", ""]);
        assert_eq!(TextBlock::<0>::new([]).texts(), [""; 0]);
    }

    /// Texts packed as bytes read back as they were, with the bytes after them; bytes cut short
    /// read back as none.
    #[test]
    fn texts_packed_read_back_as_they_were() {
        let block = TextBlock::new(["G-0001", "", "王偉", &"長".repeat(100), ""]);
        let mut bytes = Vec::new();
        block.pack(&mut bytes);
        bytes.push(7);
        let (back, rest) = TextBlock::<5>::unpack(&bytes).unwrap();
        assert_eq!((back, rest), (block, &[7u8][..]));
        assert_eq!(TextBlock::<5>::unpack(&bytes[..bytes.len() - 3]), None);
        assert_eq!(TextBlock::<2>::unpack(&[1, 1, 0xff, 0xff]), None, "not UTF-8");
    }
}
