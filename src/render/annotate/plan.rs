//! Which copies to write: one per input file with findings, with the kept rows they show.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::read::kept::KeptSheet;
use crate::registers::Source;
use crate::report::Report;
use crate::rules::finding::Finding;

/// Where the copy of `rel` goes: the same folders under `annotated/`; a patched package keeps its
/// name (an xlsm its macros and extension), a copy from values is an `.xlsx`.
pub(super) fn target(dir: &Path, rel: &str, patched: bool) -> PathBuf {
    let mut path = dir.join("annotated");
    for part in rel.split('/') {
        path.push(part);
    }
    match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase) {
        Some(ext) if ext == "xlsx" || (patched && ext == "xlsm") => path,
        Some(ext) => {
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().to_string())
                .unwrap_or_default();
            path.with_file_name(format!("{stem}.{ext}.xlsx"))
        }
        None => path.with_extension("xlsx"),
    }
}

/// One annotated copy to write: an input file with findings, and its findings.
pub struct AnnotatedCopy<'a> {
    pub(super) rel: &'a str,
    pub(super) findings: Vec<&'a Finding>,
    /// The file's rows as first read.
    pub(super) kept: Vec<KeptSheet>,
}

impl AnnotatedCopy<'_> {
    /// About how long the copy takes to write, in the time a kept byte takes (~15 ns on the
    /// benchmark's machine): its rows, and a finding's note (~3 µs, 200 bytes' worth) each. A
    /// whole copy of a large sheet with few findings can take longer than one with thousands.
    pub fn cost(&self) -> u64 {
        let bytes: usize = self.kept.iter().map(KeptSheet::bytes).sum();
        bytes as u64 + 200 * self.findings.len() as u64
    }
}

/// Lets go of the kept rows no copy will show, as soon as the findings are known (before the
/// report is built, when a large run's memory is at its highest): the rows of files without
/// findings, and in a sheet of more than `max_rows` rows — whose copy holds its header and its
/// rows with findings only — every other row. On a large run that is most of the kept rows.
/// (The rows of an xlsx whose copy will be its patched package stay: should the patching fail,
/// the copy is made from them.)
pub fn prune(kept: &mut BTreeMap<String, Vec<KeptSheet>>, findings: &[Finding], sources: &[Source], max_rows: u64) {
    let mut flagged: BTreeMap<(&str, &str), BTreeSet<u32>> = BTreeMap::new();
    for f in findings {
        flagged
            .entry((f.location.file.as_str(), f.location.sheet.as_str()))
            .or_default()
            .insert(f.location.row);
    }
    kept.retain(|file, _| flagged.keys().any(|(f, _)| f == file));
    for (file, sheets) in kept.iter_mut() {
        for sheet in sheets {
            // As the copy finds its sheet's header and size (`Copier::start`).
            let Some(source) = sources.iter().find(|s| &s.file == file && s.sheet == sheet.name) else {
                continue;
            };
            if !in_part(source.rows, max_rows) {
                continue;
            }
            let name = sheet.name.clone();
            let rows = flagged.get(&(file.as_str(), name.as_str()));
            sheet
                .retain_rows(|row| shown_in_part(row, source.header_row, |row| rows.is_some_and(|r| r.contains(&row))));
        }
    }
}

/// Whether the copy of a sheet of `rows` rows holds only its header and its rows with findings.
pub(super) fn in_part(rows: usize, max_rows: u64) -> bool {
    rows as u64 > max_rows
}

/// Whether `row` is in such a copy: the header and the rows above it, and the rows with findings.
pub(super) fn shown_in_part(row: u32, header_row: u32, has_findings: impl Fn(u32) -> bool) -> bool {
    row <= header_row || has_findings(row)
}

/// The copies to write, one per input file with findings, in file order, each taking its kept
/// rows out of `kept`. Copies from an earlier run of the same month would be stale: the
/// `annotated/` folder is emptied first.
pub fn plan<'a>(
    report: &'a Report,
    out_dir: &Path,
    kept: &mut BTreeMap<String, Vec<KeptSheet>>,
) -> Result<Vec<AnnotatedCopy<'a>>, String> {
    let mut by_file: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    for f in &report.findings {
        by_file.entry(f.location.file.as_str()).or_default().push(f);
    }
    let dir = out_dir.join("annotated");
    if dir.is_dir() {
        std::fs::remove_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    Ok(by_file
        .into_iter()
        .filter_map(|(rel, findings)| {
            let kept = kept.remove(rel)?;
            Some(AnnotatedCopy { rel, findings, kept })
        })
        .collect())
}
