//! Registers: recognising a sheet's register kind from its header row (SPEC 1.2) and typing its
//! rows (SPEC 1.3). Files → typed records; nothing here decides what is a problem except that a
//! cell cannot be read as its column's type, which is kept for RG02.

pub mod amendments;
pub mod callbacks;
mod column;
pub mod contracts;
pub mod feedback;
pub mod field;
mod footer;
pub mod guests;
mod kind;
mod loader;
mod location;
mod matcher;
mod packing;
mod record;
mod shared;
mod store;
pub mod texts;
mod value;
pub mod visits;

pub use column::{Column, ColumnType, EnumValue};
use field::Text;
pub use field::{AnyField, Field};
pub use kind::Kind;
pub use loader::{LoadedFile, LoadedSheet, Loader, HEADER_SEARCH_ROWS};
pub use location::{Layout, Location};
pub use matcher::{Matcher, Vocabulary};
pub use packing::Packer;
pub use record::Record;
pub use value::{Phone, Value};

use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

use crate::read::{SkipReason, Skipped};

/// The columns of each register, from the registers' own files.
impl Kind {
    pub fn columns(self) -> &'static [Column] {
        match self {
            Kind::Contracts => contracts::COLUMNS,
            Kind::Amendments => amendments::COLUMNS,
            Kind::Feedback => feedback::COLUMNS,
            Kind::Guests => guests::COLUMNS,
            Kind::Visits => visits::COLUMNS,
            Kind::Callbacks => callbacks::COLUMNS,
        }
    }

    /// The notes on the header cells of the register's template (`clerk init`): key → [en,
    /// zh-Hant, zh-Hans], keyed `note.<register>.<column>.what` / `.example` / `.when`.
    pub fn header_notes(self) -> &'static [crate::base::i18n::Entry] {
        match self {
            Kind::Contracts => contracts::HEADER_NOTES,
            Kind::Amendments => amendments::HEADER_NOTES,
            Kind::Feedback => feedback::HEADER_NOTES,
            Kind::Guests => guests::HEADER_NOTES,
            Kind::Visits => visits::HEADER_NOTES,
            Kind::Callbacks => callbacks::HEADER_NOTES,
        }
    }

    /// The field of a column by its canonical name (a name the settings give, say).
    pub fn any_field(self, name: &str) -> Option<AnyField> {
        self.columns().iter().find(|c| c.name == name).map(|c| c.field)
    }

    /// Index of a column by its canonical name.
    pub fn field(self, name: &str) -> Option<usize> {
        self.columns().iter().position(|c| c.name == name)
    }

    /// The column holding the record id shown in findings.
    pub fn id_field(self) -> Option<Field<Text>> {
        match self {
            Kind::Contracts => Some(contracts::ID),
            Kind::Feedback => Some(feedback::ID),
            Kind::Guests => Some(guests::GUEST_ID),
            _ => None,
        }
    }

    /// Columns that may stand in for a required one (visits: `name` when no guest id is kept).
    pub fn stand_in(self, field: AnyField) -> Option<AnyField> {
        (field == visits::GUEST_ID.any()).then_some(visits::NAME.any())
    }
}

/// A cell that could not be read as its column's type.
#[derive(Clone, Debug, PartialEq)]
pub struct CellProblem {
    /// Index into the register's records.
    pub record: usize,
    pub field: usize,
    pub raw: String,
    /// Why, as a key of the value catalogue (`not_a_date`, `not_an_option`…).
    pub reason: &'static str,
}

/// Where a register's rows came from: one sheet (or CSV file).
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub file: String,
    pub sheet: String,
    pub kind: Kind,
    /// Worksheet or CSV file: how its columns are named.
    pub layout: Layout,
    pub hidden: bool,
    /// 1-based row of the header.
    pub header_row: u32,
    /// For each column of the kind, its 0-based sheet column when present.
    pub columns: Vec<Option<u32>>,
    /// Header text of the sheet's other columns.
    pub extra_headers: Vec<(u32, String)>,
    /// Value multiplier from a unit in a header (`金額(萬元)` → 10,000), per column of the kind.
    pub scales: Vec<Option<Decimal>>,
    /// A 顧客投訴記錄: no kind column, every row a complaint.
    pub complaint_record: bool,
    pub rows: usize,
    pub sha256: String,
}

impl Source {
    /// The cell of column `field` of the kind in `row` (only the row when the sheet lacks the
    /// column).
    pub fn location(&self, field: usize, row: u32) -> Location {
        Location {
            column: self.columns.get(field).copied().flatten(),
            ..self.row_location(row)
        }
    }

    /// A row of the sheet, no column.
    pub fn row_location(&self, row: u32) -> Location {
        Location {
            file: self.file.clone(),
            sheet: self.sheet.clone(),
            layout: self.layout,
            row,
            column: None,
        }
    }

    /// Whether the sheet has a column for `field` of the kind.
    pub fn has_column(&self, field: usize) -> bool {
        self.columns.get(field).copied().flatten().is_some()
    }
}

/// All records of one kind, across every file and sheet.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Register {
    pub records: Vec<Record>,
    pub problems: Vec<CellProblem>,
}

/// Everything read from the inbox.
#[derive(Clone, Debug, Default)]
pub struct Registers {
    pub sources: Vec<Source>,
    pub by_kind: FxHashMap<Kind, Register>,
    pub skipped: Vec<Skip>,
    /// One-line errors about files that could not be read.
    pub errors: Vec<String>,
    /// Every sheet's rows as read, by file (only when asked for: see [`crate::read::kept`]).
    pub kept: std::collections::BTreeMap<String, Vec<crate::read::kept::KeptSheet>>,
    /// The inbox was one file, not a folder: registers kept in other files were not read.
    pub one_file: bool,
}

impl Registers {
    pub fn has(&self, kind: Kind) -> bool {
        self.sources.iter().any(|s| s.kind == kind)
    }

    /// Adds what one file gave. Files are added in inbox order, so the result is deterministic.
    /// The file and sheet `record` was read from.
    pub fn source_of(&self, record: &Record) -> &Source {
        &self.sources[record.source as usize]
    }

    pub fn add(&mut self, loaded: LoadedFile) {
        for sheet in loaded.sheets {
            let source_index = self.sources.len();
            let kind = sheet.source.kind;
            self.sources.push(sheet.source);
            let register = self.by_kind.entry(kind).or_default();
            let offset = register.records.len();
            let mut records = sheet.records;
            for record in &mut records {
                record.source = source_index as u32;
            }
            // The first sheet of a kind is taken, not appended to an empty vector. Its vector
            // grew by doubling as the sheet was read, and an appended one would grow likewise:
            // up to half of it empty, held all run, so both are brought to their length (one
            // copy of the records at most: BENCHMARKS.md).
            if register.records.is_empty() {
                records.shrink_to_fit();
                register.records = records;
            } else {
                register.records.reserve_exact(records.len());
                register.records.append(&mut records);
            }
            for mut problem in sheet.problems {
                problem.record += offset;
                register.problems.push(problem);
            }
        }
        self.skipped.extend(loaded.skipped);
    }
}

/// A file or sheet not read as a register, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skip {
    pub file: String,
    pub sheet: Option<String>,
    pub reason: SkipReason,
    pub detail: SkipDetail,
}

/// More about why a file or sheet was not read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum SkipDetail {
    #[default]
    None,
    /// As the reader said it (a parser's error, a cell beyond the limits).
    Text(String),
    /// A sheet that is no register: the register it comes closest to, and the required columns
    /// it lacks.
    Closest { kind: Kind, missing: Vec<AnyField> },
    /// The rows left out, as the sheet numbers them (footer lines under the records).
    Rows(Vec<u32>),
}

impl From<Skipped> for Skip {
    fn from(s: Skipped) -> Skip {
        Skip {
            file: s.file,
            sheet: s.sheet,
            reason: s.reason,
            detail: match s.detail.is_empty() {
                true => SkipDetail::None,
                false => SkipDetail::Text(s.detail),
            },
        }
    }
}

#[cfg(test)]
mod tests;
