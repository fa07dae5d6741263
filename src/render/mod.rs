//! The renderers: the workbook, the HTML summaries, findings.json, the e-mail messages and the
//! annotated copies, each laid out from the report model.

pub mod annotate;
pub mod eml;
pub mod html;
pub mod json;
mod notes;
mod ooxml;
#[cfg(test)]
pub(crate) mod tests;
pub mod words;
pub mod xlsx;

use std::path::Path;

/// Writes `bytes` to `path` through a temporary name in the same folder, so a reader never sees a
/// half-written file and an interrupted run leaves the previous file intact.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), String> {
    write_atomically_with(path, |out| out.write_all(bytes))
}

/// [`write_atomically`], with the bytes given by `write` as it makes them (buffered).
pub fn write_atomically_with(
    path: &Path,
    write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<(), String> {
    let write_to = |tmp: &Path| -> std::io::Result<()> {
        let mut out = std::io::BufWriter::with_capacity(1 << 16, std::fs::File::create(tmp)?);
        write(&mut out)?;
        std::io::Write::flush(&mut out)
    };
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.tmp"));
    if let Err(e) = write_to(&tmp) {
        let _ = std::fs::remove_file(&tmp);
        return Err(format!("{}: {e}", tmp.display()));
    }
    std::fs::rename(&tmp, path).map_err(|e| format!("{}: {e}", path.display()))
}
