//! CSV files: their encoding found ([`decode_csv`]) and their records read as one sheet.

use std::fs::File;
use std::io::{BufRead, Read};
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
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    // A UTF-8 file (nearly every one, and the largest) is read as it streams from the disk;
    // another is decoded whole first.
    if is_utf8(path)? {
        let mut input = std::io::BufReader::with_capacity(1 << 16, File::open(path).map_err(ReadError::damaged)?);
        if input
            .fill_buf()
            .map_err(ReadError::damaged)?
            .starts_with(b"\xEF\xBB\xBF")
        {
            input.consume(3);
        }
        return read_records(&name, LineEnds::new(input), limits, sink);
    }
    let bytes = std::fs::read(path).map_err(ReadError::damaged)?;
    let (text, _encoding) = decode_csv(bytes);
    read_records(&name, LineEnds::new(text.as_bytes()), limits, sink)
}

/// Whether the file is all UTF-8 (with or without its byte-order mark), read a megabyte at a time.
fn is_utf8(path: &Path) -> Result<bool, ReadError> {
    let mut file = File::open(path).map_err(ReadError::damaged)?;
    let mut buffer = vec![0; 1 << 20];
    // Bytes of a character cut by the end of the last megabyte, at the start of the buffer.
    let mut carried = 0;
    loop {
        let n = file.read(&mut buffer[carried..]).map_err(ReadError::damaged)?;
        let filled = carried + n;
        match std::str::from_utf8(&buffer[..filled]) {
            Ok(_) if n == 0 => return Ok(true),
            Ok(_) => carried = 0,
            Err(e) if e.error_len().is_some() || n == 0 => return Ok(false),
            Err(e) => {
                let cut = e.valid_up_to();
                buffer.copy_within(cut..filled, 0);
                carried = filled - cut;
            }
        }
    }
}

/// Reads the CSV records of `input` as the one sheet `name`, each at the line it starts on.
fn read_records(name: &str, input: impl Read, limits: &Limits, sink: &mut dyn SheetSink) -> Result<(), ReadError> {
    if !sink.begin_sheet(name, false) {
        return Ok(());
    }
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .buffer_capacity(1 << 16)
        .from_reader(input);
    let mut record = ::csv::StringRecord::new();
    sheet_cells(
        sink,
        limits,
        Vec::new(),
        |cell| cell,
        |to| loop {
            match reader.read_record(&mut record) {
                Ok(true) => {
                    // The line number where the record starts, so findings name the line a person
                    // sees: every record ends with its line end ([`LineEnds`]), so the reader's
                    // count of lines is one past the record's last line, less the line ends
                    // within its quoted values. (Blank lines before it are counted, as they must.)
                    let within: usize = record.iter().map(|f| f.bytes().filter(|b| *b == b'\n').count()).sum();
                    let line = reader.position().line().saturating_sub(1 + within as u64).max(1);
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

/// CSV text with one kind of line end: Windows `\r\n` and a lone `\r` become `\n` (the csv
/// reader's line count goes wrong on `\r\n`: the header and the first row would both be line 1),
/// and the last line ends with one even when the file's does not.
struct LineEnds<R> {
    inner: R,
    after_cr: bool,
    last: Option<u8>,
    ended: bool,
}

impl<R: Read> LineEnds<R> {
    fn new(inner: R) -> Self {
        LineEnds {
            inner,
            after_cr: false,
            last: None,
            ended: false,
        }
    }
}

impl<R: Read> Read for LineEnds<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while !self.ended && !buf.is_empty() {
            let n = self.inner.read(buf)?;
            if n == 0 {
                self.ended = true;
                if self.last.is_some_and(|b| b != b'\n') {
                    buf[0] = b'\n';
                    return Ok(1);
                }
                break;
            }
            let mut to = 0;
            for from in 0..n {
                let byte = buf[from];
                if std::mem::replace(&mut self.after_cr, byte == b'\r') && byte == b'\n' {
                    continue;
                }
                buf[to] = if byte == b'\r' { b'\n' } else { byte };
                to += 1;
            }
            if to > 0 {
                self.last = Some(buf[to - 1]);
                return Ok(to);
            }
        }
        Ok(0)
    }
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

    /// The sheet's rows as read: (row, first cell).
    fn rows_of(bytes: &[u8]) -> Vec<(u32, String)> {
        #[derive(Default)]
        struct Rows(Vec<(u32, String)>);
        impl SheetSink for Rows {
            fn begin_sheet(&mut self, _: &str, _: bool) -> bool {
                true
            }
            fn row(&mut self, row: crate::read::SheetRow) {
                self.0.push((row.row, row.cell(0).display()));
            }
            fn end_sheet(&mut self) {}
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("visits.csv");
        std::fs::write(&path, bytes).unwrap();
        let mut rows = Rows::default();
        read_csv(&path, &Limits::DEFAULT, &mut rows).unwrap();
        rows.0
    }

    /// Each row at the line a person sees it on: under a title and a blank line, after a value
    /// over two lines, with Windows and old Mac line ends, in UTF-8 with its mark or in GB18030,
    /// and a last line without its line end.
    #[test]
    fn rows_are_numbered_by_the_line_they_start_on() {
        let text = "到访记录\n\n日期,客户编号\n\"2026-10-05\n上午\",G-1\n\n2026-10-06,G-2\n2026-10-07,G-3";
        let want: Vec<(u32, String)> = [
            (1, "到访记录"),
            (3, "日期"),
            (4, "2026-10-05\n上午"),
            (7, "2026-10-06"),
            (8, "2026-10-07"),
        ]
        .map(|(row, cell)| (row, cell.to_string()))
        .to_vec();
        assert_eq!(rows_of(text.as_bytes()), want);
        assert_eq!(rows_of(text.replace('\n', "\r\n").as_bytes()), want);
        assert_eq!(rows_of(text.replace('\n', "\r").as_bytes()), want);
        assert_eq!(rows_of(format!("\u{FEFF}{text}\n").as_bytes()), want);
        let (gb, _, _) = encoding_rs::GB18030.encode(text);
        assert_eq!(rows_of(&gb), want);
    }

    /// A character cut by the end of the megabyte the check reads at a time is still UTF-8.
    #[test]
    fn a_large_utf8_file_is_utf8_whatever_its_characters_fall_on() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("visits.csv");
        for pad in 0..3 {
            let text = format!("{}{}", "a".repeat(pad), "龍蝦宴,".repeat(400_000));
            std::fs::write(&path, &text).unwrap();
            assert!(is_utf8(&path).unwrap(), "{pad}");
            let mut bytes = text.into_bytes();
            bytes.push(0xE9);
            std::fs::write(&path, &bytes).unwrap();
            assert!(!is_utf8(&path).unwrap(), "{pad}: cut at the end");
        }
    }
}
