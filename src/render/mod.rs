//! The renderers: the workbook, the HTML summaries, findings.json, the e-mail messages and the
//! annotated copies, each laid out from the report model.

pub mod annotate;
pub mod eml;
pub mod html;
pub mod json;
mod notes;
mod ooxml;
#[cfg(test)]
mod test_support;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_replaced_only_when_written_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out/findings.json");
        write_atomically_with(&path, |out| out.write_all(b"first")).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"first");
        // A writer that fails half-way leaves the previous file as it was, and no temporary file.
        let failed = write_atomically_with(&path, |out| {
            out.write_all(&[b'x'; 100_000])?;
            Err(std::io::Error::other("disk full"))
        });
        assert!(failed.unwrap_err().contains("disk full"));
        assert_eq!(std::fs::read(&path).unwrap(), b"first");
        let names: Vec<_> = std::fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["findings.json"]);
        write_atomically(&path, b"second").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
    }
}
