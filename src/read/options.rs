//! How files are read ([`ReadOptions`]): what one file may cost ([`Limits`], the settings'
//! `[limits]`) and whether xls and ods files are read in a child process. Given to each read as
//! an argument, once per file.

use std::path::PathBuf;

/// Bounds on what one file may cost (settings `[limits]`): a stray value far out, a workbook that
/// unpacks to gigabytes, a range declared huge. Within them every real register is read whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Limits {
    /// Columns kept per sheet (Excel has 16,384); values beyond are left out and listed.
    pub max_columns: u32,
    /// Rows kept per sheet; values beyond are left out and listed.
    pub max_rows: u32,
    /// Parts a zipped workbook may hold.
    pub max_zip_parts: usize,
    /// What a zipped workbook may unpack to, in MB.
    pub max_unpacked_mb: u64,
    /// Memory of the child process that reads an xls or ods file, in MB.
    pub reader_memory_mb: u64,
    /// Time that child may take, in seconds.
    pub reader_seconds: u64,
}

impl Limits {
    pub const DEFAULT: Limits = Limits {
        max_columns: 1024,
        max_rows: 2_000_000,
        max_zip_parts: 10_000,
        max_unpacked_mb: 4096,
        reader_memory_mb: 1024,
        reader_seconds: 120,
    };
}

impl Default for Limits {
    fn default() -> Self {
        Limits::DEFAULT
    }
}

/// What a run's reads need besides the files: the run's limits, and the clerk executable that
/// reads xls and ods files contained in a child process of its own ([`super::contain`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// The settings' `[limits]`.
    pub limits: Limits,
    /// The clerk executable (`main` gives its own); None: xls and ods are read in this process,
    /// as a library user or a unit test reads them.
    pub reader_exe: Option<PathBuf>,
}
