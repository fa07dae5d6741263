//! The merged areas of a register's sheet, followed row by row.

use crate::read::Merge;

/// The merged areas of a whole copy, as in the register. Only an area's first cell keeps its
/// value in the copy (the rows as read carry the area's value in each of its cells).
#[derive(Default)]
pub(super) struct Merges {
    pub(super) areas: Vec<Merge>,
    /// The areas by first row, and the next of them to reach; rows come in order, so only the
    /// areas over the current row are looked at, however many rows an area declares.
    pub(super) by_first_row: Vec<Merge>,
    pub(super) next: usize,
    pub(super) over_row: Vec<Merge>,
}

impl Merges {
    pub(super) fn new(areas: &[Merge]) -> Merges {
        let mut by_first_row = areas.to_vec();
        by_first_row.sort_by_key(|m| m.0);
        Merges {
            areas: areas.to_vec(),
            by_first_row,
            next: 0,
            over_row: Vec::new(),
        }
    }

    /// Moves on to 0-based row `row0`.
    pub(super) fn reach(&mut self, row0: u32) {
        while let Some(&area) = self.by_first_row.get(self.next).filter(|m| m.0 <= row0) {
            self.over_row.push(area);
            self.next += 1;
        }
        self.over_row.retain(|m| m.2 >= row0);
    }

    /// The merged area cell (`row0`, `col`) is in, 0-based in the register.
    pub(super) fn area(&self, row0: u32, col: u32) -> Option<Merge> {
        (self.over_row.iter().copied()).find(|m| m.0 <= row0 && row0 <= m.2 && m.1 <= col && col <= m.3)
    }

    /// A cell of a merged area other than its first: blank in the copy.
    pub(super) fn away(&self, row0: u32, col: u32) -> bool {
        self.area(row0, col).is_some_and(|m| (m.0, m.1) != (row0, col))
    }
}
