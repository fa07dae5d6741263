//! CSV files: their encoding found ([`decode_csv`]) and their records read as one sheet.

use std::path::Path;

use compact_str::CompactString;

use super::assemble::sheet_cells;
use super::{Limits, RawCell, ReadError, SheetSink};

/// Decodes CSV bytes: UTF-8 (with or without BOM), else the legacy encoding chardetng detects
/// (GB18030 and Big5 are the ones staff here use). UTF-8 — nearly every file, and the largest —
/// becomes its text in the bytes' own memory, not a copy of them.
pub fn decode_csv(mut bytes: Vec<u8>) -> (String, &'static str) {
    let bom = bytes.starts_with(b"\xEF\xBB\xBF");
    if bom {
        bytes.drain(..3);
    }
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => return (text, "UTF-8"),
        Err(e) => e.into_bytes(),
    };
    if bom || mostly_utf8(&bytes) {
        // A UTF-8 file with a few bad bytes (or one its byte-order mark says is UTF-8): they
        // become U+FFFD in their cells (RG02 there),
        // instead of the whole file being read in a legacy encoding.
        return (String::from_utf8_lossy(&bytes).into_owned(), "UTF-8");
    }
    let bytes = &bytes[..];
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let mut encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
    if encoding == encoding_rs::GBK {
        encoding = encoding_rs::GB18030;
    }
    let (text, _, _) = encoding.decode(bytes);
    (text.into_owned(), encoding.name())
}

/// True when the bytes are UTF-8 but for a few bad sequences: far more valid multi-byte
/// characters than errors. GB18030 or Big5 text read as UTF-8 gives almost nothing but errors.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut valid, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            bad += 1;
        }
    }
    bad * 8 <= valid
}

pub(super) fn read_csv(path: &Path, limits: &Limits, sink: &mut dyn SheetSink) -> Result<(), ReadError> {
    let bytes = std::fs::read(path).map_err(ReadError::damaged)?;
    let (text, _encoding) = decode_csv(bytes);
    let text = fold_line_ends(text);
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    if !sink.begin_sheet(&name, false) {
        return Ok(());
    }
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut record = ::csv::StringRecord::new();
    sheet_cells(
        sink,
        limits,
        Vec::new(),
        |cell| cell,
        |to| loop {
            match reader.read_record(&mut record) {
                Ok(true) => {
                    // The line number where the record starts, so findings name the line a person sees.
                    let line = record.position().map_or(1, |p| first_line(&text, p));
                    let row0 = u32::try_from(line - 1).unwrap_or(u32::MAX - 1);
                    for (c, field) in record.iter().enumerate() {
                        to.push((row0, c as u32, RawCell::Text(CompactString::new(field))))?;
                    }
                }
                Ok(false) => return Ok(()),
                Err(e) => return Err(ReadError::damaged(e)),
            }
        },
    )?;
    sink.end_sheet();
    Ok(())
}

/// Windows line ends: the csv reader's line count goes wrong on `\r\n` (the header and the first
/// row would both be line 1), so they are folded to `\n` (and a lone `\r` too), in the text's
/// own memory.
fn fold_line_ends(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let mut bytes = text.into_bytes();
    let (mut to, mut from) = (0, 0);
    while from < bytes.len() {
        let byte = bytes[from];
        from += 1;
        if byte == b'\r' {
            bytes[to] = b'\n';
            from += usize::from(bytes.get(from) == Some(&b'\n'));
        } else {
            bytes[to] = byte;
        }
        to += 1;
    }
    bytes.truncate(to);
    // Only ASCII bytes were changed or left out: the text is as valid UTF-8 as it was.
    String::from_utf8(bytes).unwrap_or_default()
}

/// The line a record starts on. The csv reader gives the place where it began to look for the
/// record, which is before the blank lines it steps over (a blank line under a title line would
/// put the header one line up): those lines are counted here.
fn first_line(text: &str, position: &::csv::Position) -> u64 {
    let rest = text.as_bytes().get(position.byte() as usize..).unwrap_or_default();
    let blank = rest.iter().take_while(|b| **b == b'\n').count() as u64;
    (position.line() + blank).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_encodings_are_detected() {
        let text = "日期,客户编号,消费金额\n2026-10-05,G001,8800\n";
        let (gb, _, _) = encoding_rs::GB18030.encode(text);
        assert_eq!(decode_csv(gb.to_vec()).0, text);
        let big5_text = "日期,客戶編號,消費金額\n2026-10-05,G001,8800\n";
        let (big5, _, _) = encoding_rs::BIG5.encode(big5_text);
        assert_eq!(decode_csv(big5.to_vec()).0, big5_text);
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(text.as_bytes());
        assert_eq!(decode_csv(bom).0, text);
    }

    #[test]
    fn utf8_with_a_bad_byte_stays_utf8() {
        let mut bytes = "日期,客户编号\n2026-10-05,龙虾".as_bytes().to_vec();
        bytes.push(0xFF);
        let (text, encoding) = decode_csv(bytes);
        assert_eq!(
            (text.as_str(), encoding),
            ("日期,客户编号\n2026-10-05,龙虾\u{FFFD}", "UTF-8")
        );
        let (gb, _, _) = encoding_rs::GB18030.encode("日期,客户编号\n2026-10-05,龙虾宴");
        assert!(!mostly_utf8(&gb));
    }

    #[test]
    fn windows_and_old_mac_line_ends_become_one_line_end() {
        let folded = fold_line_ends("日期,客户编号\r\n2026-10-05,G-1\r2026-10-06,\"a\r\nb\"\r\n\r\n".into());
        assert_eq!(folded, "日期,客户编号\n2026-10-05,G-1\n2026-10-06,\"a\nb\"\n\n");
        assert_eq!(fold_line_ends("no ends".into()), "no ends");
    }
}
