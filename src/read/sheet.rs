//! What a reader gives: a sheet's rows ([`SheetRow`]) and merged areas ([`Merge`]), told to a
//! [`SheetSink`].

use super::RawCell;

/// One row of a sheet: its 1-based Excel row number and its cells, index 0 = column A.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SheetRow {
    pub row: u32,
    pub cells: Vec<RawCell>,
}

impl SheetRow {
    pub fn cell(&self, col: u32) -> &RawCell {
        self.cells.get(col as usize).unwrap_or(&RawCell::Empty)
    }

    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(RawCell::is_blank)
    }
}

/// What a reader tells its sink.
pub trait SheetSink {
    /// A new sheet begins. Returns false to skip its rows.
    fn begin_sheet(&mut self, sheet: &str, hidden: bool) -> bool;
    /// The sheet's rows, in order; blank rows may be left out.
    fn row(&mut self, row: SheetRow);
    /// False when the sink has no use for the 1-based `row`: a replay of kept rows
    /// ([`crate::read::kept::KeptSheet::replay`]) then steps over its cells without building them.
    fn wants_row(&self, _row: u32) -> bool {
        true
    }
    /// Values beyond the columns kept were left out; `cell` is the first of them (`XFD60000`).
    fn cells_ignored(&mut self, _cell: &str) {}
    /// The sheet's merged areas of more than one cell (0-based first row, first column, last
    /// row, last column), before its rows. The rows carry an area's value in each of its cells.
    fn merged_areas(&mut self, _areas: &[Merge]) {}
    fn end_sheet(&mut self);
    /// The sink to give a sheet's cells to on a second thread, where they are made into rows
    /// ([`crate::read::pipe`]); None (the default): the reader makes them into rows itself.
    fn second_thread(&mut self) -> Option<&mut (dyn SheetSink + Send)> {
        None
    }
}

/// A merged area, 0-based inclusive: (first row, first col, last row, last col).
pub type Merge = (u32, u32, u32, u32);
