//! What a file really is, whatever its name says ([`sniff`]), with the checks a zipped workbook
//! passes before it is parsed; a file's SHA-256; and whether a workbook has merged areas at all.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

use sha2::{Digest, Sha256};

use super::error::ReadError;
use super::{Format, Limits};

/// A part that unpacks to more than this many times its packed size (and over 1 MB) is a zip bomb.
const MAX_RATIO: u64 = 200;

/// What the file really is, from its first bytes, whatever its name says: staff rename files, and
/// programs save HTML or CSV under a `.xls` name. Damaged, empty, encrypted and bomb-like files
/// get a plain reason instead of a parser error.
pub fn sniff(path: &Path, named: Format, limits: &Limits) -> Result<Format, ReadError> {
    let mut head = [0u8; 8];
    let n = File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .map_err(ReadError::damaged)?;
    let head = &head[..n];
    if n == 0 {
        return Err(ReadError::new("empty"));
    }
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        return check_zip(path, named, limits);
    }
    if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        // An OLE container: a real .xls, or an Office file saved with a password.
        let bytes = std::fs::read(path).map_err(ReadError::damaged)?;
        let utf16 = |s: &str| s.encode_utf16().flat_map(u16::to_le_bytes).collect::<Vec<u8>>();
        if bytes.windows(32).any(|w| w == &utf16("EncryptedPackage")[..]) {
            return Err(ReadError::new("password"));
        }
        return Ok(Format::Xls);
    }
    let text_like = head.iter().all(|b| !matches!(b, 0..=8 | 14..=26 | 28..=31));
    if named == Format::Csv && text_like {
        return Ok(Format::Csv);
    }
    if text_like {
        let start = String::from_utf8_lossy(head)
            .trim_start_matches('\u{feff}')
            .trim_start()
            .to_ascii_lowercase();
        if start.starts_with('<') {
            return Err(ReadError::new("web_page"));
        }
        return Ok(Format::Csv);
    }
    match named {
        Format::Xls
            if head.starts_with(&[0x09, 0x00])
                || head.starts_with(&[0x09, 0x02])
                || head.starts_with(&[0x09, 0x04]) =>
        {
            Err(ReadError::new("too_old"))
        }
        _ => Err(ReadError::new("unknown")),
    }
}

fn check_zip(path: &Path, named: Format, limits: &Limits) -> Result<Format, ReadError> {
    let file = File::open(path).map_err(ReadError::damaged)?;
    let mut zip = zip::ZipArchive::new(BufReader::new(file)).map_err(ReadError::damaged)?;
    if zip.len() > limits.max_zip_parts {
        return Err(ReadError::with(
            "zip_parts",
            &[
                ("parts", zip.len().to_string()),
                ("max", limits.max_zip_parts.to_string()),
            ],
        ));
    }
    let mut total: u64 = 0;
    let mut names = Vec::new();
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(ReadError::damaged)?;
        let name = entry.name().map(|n| n.to_string()).unwrap_or_default();
        let size = entry.size();
        let packed = entry.compressed_size().max(1);
        if size > 1 << 20 && size / packed > MAX_RATIO {
            return Err(ReadError::with(
                "zip_bomb",
                &[
                    ("part", name),
                    ("mb", (size >> 20).to_string()),
                    ("kb", (packed >> 10).to_string()),
                ],
            ));
        }
        total = total.saturating_add(size);
        names.push(name);
    }
    if total > limits.max_unpacked_mb.saturating_mul(1 << 20) {
        return Err(ReadError::with(
            "too_big",
            &[
                ("mb", (total >> 20).to_string()),
                ("max", limits.max_unpacked_mb.to_string()),
            ],
        ));
    }
    let has = |n: &str| names.iter().any(|x| x.eq_ignore_ascii_case(n));
    if has("xl/workbook.xml") {
        Ok(Format::Xlsx)
    } else if has("xl/workbook.bin") {
        Ok(Format::Xlsb)
    } else if has("content.xml") {
        Ok(Format::Ods)
    } else if named == Format::Csv {
        Err(ReadError::new("zip_csv"))
    } else {
        Err(ReadError::new("zip_other"))
    }
}

/// SHA-256 of a file, hex.
pub fn sha256(path: &Path) -> Result<String, ReadError> {
    let mut file = File::open(path).map_err(ReadError::damaged)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = file.read(&mut buf).map_err(ReadError::damaged)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hasher.finalize().iter().map(|b| format!("{b:02x}")).collect())
}

/// Whether a part of the workbook at `path`, other than its shared strings, holds the word
/// `mergeCell` (as a sheet's list of merged areas does). calamine finds a sheet's merged areas by
/// parsing the whole sheet, the list being at its end; a workbook without any — every machine
/// export, most registers — is spared that second parse for the price of unpacking its parts
/// once more. When in doubt (a part that cannot be read), the answer is yes.
pub(super) fn mentions_merged_cells(path: &Path) -> bool {
    let word = memchr::memmem::Finder::new(b"mergeCell");
    let Ok(file) = File::open(path) else { return true };
    let Ok(mut zip) = zip::ZipArchive::new(BufReader::new(file)) else {
        return true;
    };
    let mut buf = vec![0u8; 1 << 16];
    for i in 0..zip.len() {
        let Ok(mut part) = zip.by_index(i) else { return true };
        let Ok(name) = part.name().map(|n| n.to_ascii_lowercase()) else {
            return true;
        };
        if name.ends_with("sharedstrings.xml") || name.ends_with(".rels") || name.starts_with("docprops/") {
            continue;
        }
        if holds(&word, &mut part, &mut buf).unwrap_or(true) {
            return true;
        }
    }
    false
}

/// Whether the bytes of `input` hold `word`, read through `buf` (longer than the word): the last
/// bytes of each read are carried over, so that the word is found where it straddles two reads.
fn holds(word: &memchr::memmem::Finder, input: &mut impl Read, buf: &mut [u8]) -> std::io::Result<bool> {
    let keep = word.needle().len() - 1;
    let mut filled = 0;
    loop {
        let n = input.read(&mut buf[filled..])?;
        if n == 0 {
            return Ok(false);
        }
        filled += n;
        if word.find(&buf[..filled]).is_some() {
            return Ok(true);
        }
        let tail = filled.min(keep);
        buf.copy_within(filled - tail..filled, 0);
        filled = tail;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_workbook_with_merged_cells_gets_its_sheets_parsed_for_them() {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, merged: bool| {
            let mut book = rust_xlsxwriter::Workbook::new();
            let sheet = book.add_worksheet();
            sheet.write(0, 0, "客戶").unwrap();
            for row in 1..2000 {
                sheet.write(row, 0, format!("華東機械廠 {row}")).unwrap();
            }
            if merged {
                let plain = rust_xlsxwriter::Format::new();
                sheet.merge_range(2000, 1, 2001, 1, "華東", &plain).unwrap();
            }
            let path = dir.path().join(name);
            book.save(&path).unwrap();
            path
        };
        assert!(!mentions_merged_cells(&write("plain.xlsx", false)));
        assert!(mentions_merged_cells(&write("merged.xlsx", true)));
        // Not a workbook at all: in doubt, the merged areas are looked for.
        let junk = dir.path().join("junk.xlsx");
        std::fs::write(&junk, b"not a zip").unwrap();
        assert!(mentions_merged_cells(&junk));
    }

    #[test]
    fn a_word_is_found_across_the_reads_of_a_part() {
        /// Gives its bytes a few at a time, as an inflating reader may.
        struct Trickle<'a>(&'a [u8], usize);
        impl Read for Trickle<'_> {
            fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
                let n = self.1.min(self.0.len()).min(out.len());
                out[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let word = memchr::memmem::Finder::new(b"mergeCell");
        let xml = b"<sheetData/><mergeCells count=\"1\"><mergeCell ref=\"B3:B4\"/></mergeCells>";
        for step in 1..xml.len() {
            for room in [10, 16, 64] {
                let mut buf = vec![0; room];
                let found = holds(&word, &mut Trickle(xml, step), &mut buf).unwrap();
                assert!(found, "read {step} bytes at a time into {room}");
            }
        }
        let plain = b"<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row></sheetData>";
        assert!(!holds(&word, &mut Trickle(plain, 3), &mut [0; 12]).unwrap());
    }
}
