//! Where a value is: file, sheet, row and column, and whether the sheet is a worksheet grid or a
//! CSV file. A location stays this typed value from the reading of a register to the edge of
//! every output; this is the one place that writes it as a person reads it (SPEC 6): `F17` in a
//! worksheet, `R17C6` in a CSV file, whose columns have numbers, not letters.

use crate::read::column_letters;

/// How a source names its columns: a worksheet by letters, a CSV file by number. Told by what
/// the file is (a CSV file saved under an `.xlsx` name is a CSV file), not by its name.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Layout {
    #[default]
    Grid,
    Csv,
}

/// A cell, or a row when the column is not known (a column missing from the sheet).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    /// Path relative to the inbox, with `/` separators.
    pub file: String,
    /// The sheet; for a CSV file, its name without extension.
    pub sheet: String,
    pub layout: Layout,
    /// 1-based row as Excel shows it (CSV: the line number).
    pub row: u32,
    /// 0-based column in the sheet; `None` when the column is missing from the sheet.
    pub column: Option<u32>,
}

impl Location {
    /// The column as findings name it: letters (`F`), a CSV file's column number (`6`), or
    /// nothing when the column is missing.
    pub fn column_name(&self) -> String {
        match (self.column, self.layout) {
            (None, _) => String::new(),
            (Some(col), Layout::Grid) => column_letters(col),
            (Some(col), Layout::Csv) => (col + 1).to_string(),
        }
    }

    /// The cell in the form Excel shows: `F17`; in a CSV file the R1C1 form `R17C6`; the row
    /// number alone when the column is missing.
    pub fn cell(&self) -> String {
        match (self.column, self.layout) {
            (Some(_), Layout::Csv) => format!("R{}C{}", self.row, self.column_name()),
            _ => format!("{}{}", self.column_name(), self.row),
        }
    }

    /// `file › sheet › F17`, the place a person looks.
    pub fn place(&self) -> String {
        format!("{} › {} › {}", self.file, self.sheet, self.cell())
    }

    /// Whether a link can point at the cell: a worksheet cell, not a CSV line.
    pub fn is_linkable(&self) -> bool {
        self.layout == Layout::Grid && self.column.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(layout: Layout, row: u32, column: Option<u32>) -> Location {
        Location {
            file: "客服部/登記表.csv".into(),
            sheet: "登記表".into(),
            layout,
            row,
            column,
        }
    }

    #[test]
    fn a_worksheet_cell_is_letters_and_row() {
        let l = at(Layout::Grid, 17, Some(5));
        assert_eq!((l.column_name(), l.cell()), ("F".to_string(), "F17".to_string()));
        assert_eq!(l.place(), "客服部/登記表.csv › 登記表 › F17");
        assert!(l.is_linkable());
        assert_eq!(at(Layout::Grid, 2, Some(26)).cell(), "AA2");
    }

    #[test]
    fn a_csv_cell_is_its_column_number_in_r1c1_form() {
        let l = at(Layout::Csv, 17, Some(6));
        assert_eq!((l.column_name(), l.cell()), ("7".to_string(), "R17C7".to_string()));
        assert!(!l.is_linkable());
    }

    #[test]
    fn a_missing_column_leaves_the_row() {
        for layout in [Layout::Grid, Layout::Csv] {
            let l = at(layout, 3, None);
            assert_eq!((l.column_name(), l.cell()), (String::new(), "3".to_string()));
            assert!(!l.is_linkable());
        }
    }
}
