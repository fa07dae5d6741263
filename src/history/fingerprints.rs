//! A record's fingerprint ([`crate::month::Fingerprint`]) as the history stores it: its values in
//! one short blob, each field as its column's place in the register (one byte), its value's
//! length (a varint) and the value's UTF-8 bytes. Field names are not repeated on every record:
//! the history grows by little more than the values themselves (BENCHMARKS.md).

use crate::month::Fingerprint;
use crate::registers::Kind;

/// A record's fingerprint as the history holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredRecord {
    pub kind: String,
    pub record: String,
    /// The month the record belongs to (`YYYY-MM`), or empty.
    pub belongs: String,
    pub file: String,
    pub sheet: String,
    pub row: u32,
    /// The canonical typed values, packed by [`encode`].
    pub fields: Vec<u8>,
}

/// The fingerprint as the history stores it.
pub fn encode(f: &Fingerprint) -> StoredRecord {
    let columns = f.kind.columns();
    let mut fields = Vec::with_capacity(f.fields.iter().map(|(_, v)| v.len() + 2).sum());
    for (name, value) in &f.fields {
        let Some(place) = columns.iter().position(|c| c.name == *name) else {
            continue;
        };
        fields.push(place as u8);
        let mut n = value.len();
        while n >= 0x80 {
            fields.push((n as u8 & 0x7f) | 0x80);
            n >>= 7;
        }
        fields.push(n as u8);
        fields.extend_from_slice(value.as_bytes());
    }
    StoredRecord {
        kind: f.kind.id().to_string(),
        record: f.record.clone(),
        belongs: f.month.clone(),
        file: f.file.clone(),
        sheet: f.sheet.clone(),
        row: f.row,
        fields,
    }
}

/// The fingerprint back from the history; None when its kind is unknown or its values cannot
/// be read (a damaged row is passed over, not guessed at).
pub fn decode(r: &StoredRecord) -> Option<Fingerprint> {
    let kind = Kind::from_id(&r.kind)?;
    let columns = kind.columns();
    let mut fields = Vec::new();
    let mut bytes = r.fields.as_slice();
    while let Some((&place, rest)) = bytes.split_first() {
        let name = columns.get(place as usize)?.name;
        let (mut n, mut shift, mut rest) = (0usize, 0u32, rest);
        loop {
            let (&b, after) = rest.split_first()?;
            rest = after;
            n |= ((b & 0x7f) as usize).checked_shl(shift)?;
            shift += 7;
            if b < 0x80 {
                break;
            }
        }
        let value = std::str::from_utf8(rest.get(..n)?).ok()?;
        fields.push((name, value.to_string()));
        bytes = &rest[n..];
    }
    Some(Fingerprint {
        kind,
        record: r.record.clone(),
        month: r.belongs.clone(),
        file: r.file.clone(),
        sheet: r.sheet.clone(),
        row: r.row,
        fields,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fingerprint_comes_back_as_it_was_stored() {
        let columns = Kind::Contracts.columns();
        let long = "長".repeat(100);
        let f = Fingerprint {
            kind: Kind::Contracts,
            record: "HT-2026-031".into(),
            month: "2026-09".into(),
            file: "銷售公司/合同評審台帳.xlsx".into(),
            sheet: "2026".into(),
            row: 17,
            fields: vec![(columns[0].name, "HT-2026-031".into()), (columns[2].name, long)],
        };
        let stored = encode(&f);
        assert!(stored.fields.len() < 320, "{}", stored.fields.len());
        assert_eq!(decode(&stored), Some(f));
        let damaged = StoredRecord {
            fields: vec![0, 200],
            ..stored
        };
        assert_eq!(decode(&damaged), None);
    }
}
