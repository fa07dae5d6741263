//! Varints: an unsigned number in 7 bits a byte, the high bit set on all but the last byte — the
//! lengths and rows of the packed records, fingerprints and the history's chunks.

/// Appends `n` as a varint (7 bits a byte, the high bit set on all but the last).
pub fn push_varint(out: &mut Vec<u8>, mut n: usize) {
    while n >= 0x80 {
        out.push((n as u8 & 0x7f) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// A varint from the start of `bytes`, and the bytes after it; None when cut short or too long.
pub fn read_varint(mut bytes: &[u8]) -> Option<(usize, &[u8])> {
    let (mut n, mut shift) = (0usize, 0u32);
    loop {
        let (&b, rest) = bytes.split_first()?;
        bytes = rest;
        n |= ((b & 0x7f) as usize).checked_shl(shift)?;
        shift += 7;
        if b < 0x80 {
            return Some((n, bytes));
        }
        if shift > 35 {
            return None;
        }
    }
}
