//! A sheet's cells made into rows ([`RowAssembler`]): text cleaned ([`clean_text`]), merged areas
//! filled in, values beyond the limits left out; here, or on a second thread ([`super::pipe`]).

use super::{column_letters, Limits, Merge, RawCell, ReadError, SheetRow, SheetSink};

/// A sheet's cells on their way to rows: made into rows here, or handed over to a second thread
/// that makes them ([`SheetSink::second_thread`]). `C` is a cell as the reader has it.
pub(crate) enum Cells<'a, C, M> {
    Here(RowAssembler<'a>, M),
    There(&'a mut crate::read::pipe::CellSender<C>),
}

impl<C, M: FnMut(C) -> (u32, u32, RawCell)> Cells<'_, C, M> {
    pub(super) fn push(&mut self, cell: C) -> Result<(), ReadError> {
        match self {
            Cells::Here(rows, make) => {
                let (row0, col0, cell) = make(cell);
                rows.push(row0, col0, cell);
                Ok(())
            }
            Cells::There(to) => to.push(cell),
        }
    }
}

/// Reads one sheet's cells with `read` into rows for `sink`: `make` gives a cell's 0-based
/// position and value, on whichever thread makes the rows. The sheet's merged areas apply, and
/// the `limits` on its rows and columns.
pub(super) fn sheet_cells<C, M>(
    sink: &mut dyn SheetSink,
    limits: &Limits,
    merges: Vec<Merge>,
    make: M,
    read: impl FnOnce(&mut Cells<'_, C, M>) -> Result<(), ReadError>,
) -> Result<(), ReadError>
where
    C: Send,
    M: FnMut(C) -> (u32, u32, RawCell) + Send,
{
    if let Some(sink) = sink.second_thread() {
        return crate::read::pipe::cells_into_rows(sink, limits, merges, make, |to| read(&mut Cells::There(to)));
    }
    let mut cells = Cells::Here(RowAssembler::with_merges(sink, limits, merges), make);
    read(&mut cells)?;
    if let Cells::Here(rows, _) = &mut cells {
        rows.finish();
    }
    Ok(())
}

/// Excel's own limit on the text of one cell; longer text (a hand-made file, a CSV) is cut here,
/// so every workbook we write can hold what we read.
pub const MAX_CELL_CHARS: usize = 32_767;

/// Text as it is kept: control characters other than tab and line breaks removed (they could
/// drive a terminal or break a workbook), and no more than [`MAX_CELL_CHARS`] characters.
pub fn clean_text(text: &str) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r');
    let long = text.len() > MAX_CELL_CHARS && text.chars().nth(MAX_CELL_CHARS).is_some();
    // The control characters are U+0000–U+001F, U+007F and U+0080–U+009F (UTF-8 C2 80–C2 9F):
    // a text without such bytes — nearly every cell — is kept without decoding its characters.
    let maybe_bad = |b: &u8| *b < 0x20 || *b == 0x7F || *b == 0xC2;
    if !long && (!text.as_bytes().iter().any(maybe_bad) || !text.chars().any(bad)) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(text.chars().filter(|c| !bad(*c)).take(MAX_CELL_CHARS).collect())
}

/// Collects streamed cells into rows. In a merged area the top-left value applies to every cell
/// of the area (a customer name merged over three order lines belongs to each of them).
pub(crate) struct RowAssembler<'a> {
    sink: &'a mut dyn SheetSink,
    current: Option<SheetRow>,
    merges: Vec<Merge>,
    anchors: std::collections::HashMap<(u32, u32), RawCell>,
    /// The first value left out for lying beyond the limits, 0-based (row, col).
    ignored: Option<(u32, u32)>,
    max_columns: u32,
    max_rows: u32,
    /// Cells of the last row given on: the next row's room, so that it does not grow cell by cell.
    width: usize,
}

impl<'a> RowAssembler<'a> {
    fn new(sink: &'a mut dyn SheetSink, limits: &Limits) -> Self {
        RowAssembler {
            sink,
            current: None,
            merges: Vec::new(),
            anchors: std::collections::HashMap::new(),
            ignored: None,
            max_columns: limits.max_columns.max(1),
            max_rows: limits.max_rows.max(1),
            width: 0,
        }
    }

    pub(crate) fn with_merges(sink: &'a mut dyn SheetSink, limits: &Limits, merges: Vec<Merge>) -> Self {
        // Only areas of more than one cell, and within the columns kept.
        let mut rows = RowAssembler::new(sink, limits);
        rows.merges = merges
            .into_iter()
            .filter(|m| (m.0, m.1) != (m.2, m.3) && m.1 < rows.max_columns)
            .collect();
        if !rows.merges.is_empty() {
            rows.sink.merged_areas(&rows.merges);
        }
        rows
    }

    pub(crate) fn push(&mut self, row0: u32, col0: u32, cell: RawCell) {
        if cell.is_blank() {
            return;
        }
        if col0 >= self.max_columns || row0 >= self.max_rows {
            if self.ignored.is_none_or(|first| (row0, col0) < first) {
                self.ignored = Some((row0, col0));
            }
            return;
        }
        let cell = match cell {
            RawCell::Text(t) => match clean_text(&t) {
                std::borrow::Cow::Borrowed(_) => RawCell::Text(t),
                std::borrow::Cow::Owned(clean) => RawCell::Text(clean.into()),
            },
            RawCell::Error(e) => RawCell::Error(clean_text(&e).into_owned()),
            other => other,
        };
        if self.merges.iter().any(|m| (m.0, m.1) == (row0, col0)) {
            self.anchors.insert((row0, col0), cell.clone());
        }
        let row = row0 + 1;
        if self.current.as_ref().is_some_and(|r| r.row != row) {
            self.flush();
        }
        let width = self.width;
        let current = self.current.get_or_insert_with(|| SheetRow {
            row,
            cells: Vec::with_capacity(width),
        });
        let idx = col0 as usize;
        if idx < current.cells.len() {
            current.cells[idx] = cell;
        } else {
            // Blank cells before it (none when the cells come in order, as they nearly always do).
            current.cells.resize(idx, RawCell::Empty);
            current.cells.push(cell);
        }
    }

    fn flush(&mut self) {
        if let Some(mut row) = self.current.take() {
            let row0 = row.row - 1;
            for m in self.merges.iter().filter(|m| m.0 <= row0 && row0 <= m.2) {
                let Some(value) = self.anchors.get(&(m.0, m.1)) else {
                    continue;
                };
                let last = m.3.min(self.max_columns - 1) as usize;
                if row.cells.len() <= last {
                    row.cells.resize(last + 1, RawCell::Empty);
                }
                for col in m.1 as usize..=last {
                    if row.cells[col].is_blank() {
                        row.cells[col] = value.clone();
                    }
                }
            }
            // (A stray cell far to the right must not make every later row that wide.)
            self.width = row.cells.len().min(64);
            self.sink.row(row);
        }
    }

    /// The sheet's last row, and the note about values left out.
    pub(crate) fn finish(&mut self) {
        self.flush();
        if let Some((r, c)) = self.ignored.take() {
            self.sink
                .cells_ignored(&format!("{}{}", column_letters(c), u64::from(r) + 1));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_go_and_long_text_is_cut() {
        assert_eq!(clean_text("a\u{1b}[2Jb\u{7}\u{85}c\td\ne"), "a[2Jbc\td\ne");
        assert!(matches!(clean_text("plain 文字"), std::borrow::Cow::Borrowed(_)));
        let long = "字".repeat(MAX_CELL_CHARS + 5);
        assert_eq!(clean_text(&long).chars().count(), MAX_CELL_CHARS);
    }
}
