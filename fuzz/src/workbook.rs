//! Fuzz target: the whole read path (sniffing, zip checks, parsing, header recognition, typing) on
//! mutated workbooks. The input is written to a file named .xlsx in a private folder and read as
//! an inbox.

use clerk::settings::Settings;
use clerk::base::i18n::Lang;

fn main() {
    let dir = std::env::temp_dir().join(format!("clerk-fuzz-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let settings = Settings::default();
    let spill = std::sync::Arc::new(clerk::base::spill::Spill::in_memory());
    afl::fuzz!(|data: &[u8]| {
        let path = dir.join("register.xlsx");
        if std::fs::write(&path, data).is_ok() {
            let bar = indicatif::ProgressBar::hidden();
            let reading = clerk::commands::pipeline::Reading {
                exclude: None,
                progress: &bar,
                keep_rows: false,
                reader_exe: None,
                history: None,
            };
            let text = clerk::commands::texts::catalogue(Lang::En);
            let _ = clerk::commands::pipeline::load(&dir, &settings, &reading, &text, &spill);
        }
    });
}
