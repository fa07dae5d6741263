//! The month's job, one way through: files → typed records → findings → report model.

use std::path::{Path, PathBuf};

use indicatif::ProgressBar;

use crate::config::{Settings, SettingsSource};
use crate::finding::Finding;
use crate::i18n::{Catalogue, Lang};
use crate::inbox::{self, InboxFile, ReadError, SkipReason, Skipped};
use crate::period::Period;
use crate::registers::{LoadedFile, Loader, Matcher, Registers};
use crate::rules::{self, Context};

/// Reads every register in the inbox. Files are read in parallel ([`crate::parallel`]), then
/// combined in path order.
pub fn load(
    inbox_dir: &Path,
    settings: &Settings,
    exclude: Option<&Path>,
    progress: &ProgressBar,
    lang: Lang,
) -> Registers {
    let text = Catalogue::new(lang);
    inbox::set_limits(settings.limits);
    let (files, skipped) = inbox::discover(inbox_dir, exclude);
    let matcher = Matcher::new(settings);
    progress.set_length(files.len() as u64);
    let mut registers = Registers {
        skipped,
        ..Registers::default()
    };
    let results = read_all(&files, &matcher, progress);
    for (file, result) in files.iter().zip(results) {
        match result {
            Ok(loaded) => registers.add(loaded),
            Err(error) => {
                let reason = error.text(&text);
                registers.errors.push(format!("{}: {reason}", file.rel));
                registers.skipped.push(Skipped {
                    file: file.rel.clone(),
                    sheet: None,
                    reason: SkipReason::Unreadable,
                    detail: reason,
                });
            }
        }
    }
    registers
}

fn read_one(file: &InboxFile, matcher: &Matcher) -> Result<LoadedFile, ReadError> {
    let _t = crate::timing::Phase::start(file.rel.clone());
    let sha = inbox::sha256(&file.path)?;
    let mut loader = Loader::new(matcher, &file.rel, &sha);
    inbox::read_file(file, &mut loader)?;
    Ok(loader.out)
}

fn read_all(files: &[InboxFile], matcher: &Matcher, progress: &ProgressBar) -> Vec<Result<LoadedFile, ReadError>> {
    crate::parallel::in_parallel(files, |file| {
        progress.set_message(file.rel.clone());
        let result = read_one(file, matcher);
        progress.inc(1);
        result
    })
}

/// Everything one run produced, before rendering.
pub struct Checked {
    pub inbox: PathBuf,
    pub registers: Registers,
    pub findings: Vec<Finding>,
    pub settings: Settings,
    pub settings_source: SettingsSource,
    pub period: Period,
    pub lang: Lang,
}

/// Reads and checks.
pub fn check(
    inbox_dir: &Path,
    settings: Settings,
    settings_source: SettingsSource,
    period: Period,
    lang: Lang,
    exclude: Option<&Path>,
    progress: &ProgressBar,
) -> Checked {
    let registers = {
        let _t = crate::timing::Phase::start("read");
        load(inbox_dir, &settings, exclude, progress, lang)
    };
    let findings = {
        let _t = crate::timing::Phase::start("rules");
        let ctx = Context {
            registers: &registers,
            settings: &settings,
            period: &period,
            text: Catalogue::new(lang),
        };
        rules::check_all(&ctx)
    };
    Checked {
        inbox: inbox_dir.to_path_buf(),
        registers,
        findings,
        settings,
        settings_source,
        period,
        lang,
    }
}
