//! What one file may cost ([`Limits`], the settings' `[limits]`).

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

static LIMITS: std::sync::RwLock<Limits> = std::sync::RwLock::new(Limits::DEFAULT);

/// Sets the limits of the reads that follow (the run's settings).
pub fn set_limits(limits: Limits) {
    *LIMITS.write().unwrap_or_else(|e| e.into_inner()) = limits;
}

pub fn limits() -> Limits {
    *LIMITS.read().unwrap_or_else(|e| e.into_inner())
}
