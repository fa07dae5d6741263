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

use std::path::{Path, PathBuf};

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
    let mut file = AtomicFile::create(path)?;
    write(file.out()).map_err(|e| file.error(e))?;
    file.keep()
}

/// A file written under a temporary name in its folder (`.name.tmp`), buffered, and put in its
/// place only once whole ([`AtomicFile::keep`]); let go of before, it goes and leaves the file
/// at `path` as it was. A zip package is written into it as it is made (it can seek), not
/// gathered in memory first.
pub struct AtomicFile {
    path: PathBuf,
    tmp: PathBuf,
    out: Option<std::io::BufWriter<std::fs::File>>,
}

impl AtomicFile {
    /// Makes the folder of `path` if need be and the temporary file in it.
    pub fn create(path: &Path) -> Result<AtomicFile, String> {
        let dir = path.parent().unwrap_or_else(|| Path::new("."));
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let tmp = dir.join(format!(".{name}.tmp"));
        let file = std::fs::File::create(&tmp).map_err(|e| format!("{}: {e}", tmp.display()))?;
        Ok(AtomicFile {
            path: path.to_path_buf(),
            tmp,
            out: Some(std::io::BufWriter::with_capacity(1 << 16, file)),
        })
    }

    /// Where to write the file's bytes.
    pub fn out(&mut self) -> &mut std::io::BufWriter<std::fs::File> {
        self.out.as_mut().expect("an AtomicFile is written until it is kept")
    }

    /// A failure to write it, in words naming the temporary file.
    pub fn error(&self, e: impl std::fmt::Display) -> String {
        format!("{}: {e}", self.tmp.display())
    }

    /// The file, written whole, put in its place.
    pub fn keep(mut self) -> Result<(), String> {
        let out = self.out.take().expect("an AtomicFile is kept once");
        if let Err(e) = out.into_inner() {
            let _ = std::fs::remove_file(&self.tmp);
            return Err(self.error(e.error()));
        }
        std::fs::rename(&self.tmp, &self.path).map_err(|e| format!("{}: {e}", self.path.display()))
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if self.out.take().is_some() {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}
