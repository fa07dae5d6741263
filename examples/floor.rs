//! The benchmark's floor: read every spreadsheet in a folder and touch every cell, nothing else.
//! `cargo run --release --example floor -- DIR`. xlsx through calamine's streaming cell reader,
//! CSV through the csv crate; one thread, as a plain script would.

use std::error::Error;

use calamine::{DataRef, Reader, Xlsx};

fn main() -> Result<(), Box<dyn Error>> {
    let dir = std::env::args().nth(1).ok_or("usage: floor DIR")?;
    let mut entries: Vec<_> = std::fs::read_dir(&dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    entries.sort();
    let (mut cells, mut text_bytes) = (0u64, 0u64);
    for path in entries {
        match path.extension().and_then(|e| e.to_str()) {
            Some("xlsx") => {
                let mut book: Xlsx<_> = calamine::open_workbook(&path)?;
                for name in book.sheet_names() {
                    let mut reader = book.worksheet_cells_reader(&name)?;
                    while let Some(cell) = reader.next_cell()? {
                        cells += 1;
                        if let DataRef::SharedString(s) = cell.get_value() {
                            text_bytes += s.len() as u64;
                        } else if let DataRef::String(s) = cell.get_value() {
                            text_bytes += s.len() as u64;
                        }
                    }
                }
            }
            Some("csv") => {
                let mut reader = csv::ReaderBuilder::new().has_headers(false).from_path(&path)?;
                for record in reader.records() {
                    for field in record?.iter() {
                        cells += 1;
                        text_bytes += field.len() as u64;
                    }
                }
            }
            _ => {}
        }
    }
    println!("{cells} cells, {text_bytes} bytes of text");
    Ok(())
}
