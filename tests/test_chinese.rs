//! Chinese that reads as Chinese (SPEC 3, Languages): every zh-Hant and zh-Hans text uses Chinese
//! punctuation, and no English word is left in a Chinese output except ids, file names, rule ids,
//! the keys and codes of clerk.toml, and the user's own values.
//!
//! Checked on the catalogue, every text with its placeholders filled, and on what a user really
//! sees of the sample month in both scripts: the terminal of `run`, `check`, `rules` and `init`,
//! the HTML summaries, every text cell of the workbook, the e-mail's subject and plain text, and
//! the clerk.toml `init` writes.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use calamine::{open_workbook_auto, Data, Reader};
use clerk::base::i18n::Lang;
use common::*;

// ---------------------------------------------------------------------------------------------
// What is checked
// ---------------------------------------------------------------------------------------------

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xFF00..=0xFFEF)
}

/// ASCII `,` `:` `;` `(` `)` directly before or after a Chinese character (spaces between do not
/// count): each with a little of the text around it.
fn ascii_punctuation_by_chinese(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let neighbour = |from: usize, step: isize| -> Option<char> {
        let mut i = from as isize + step;
        while i >= 0 && (i as usize) < chars.len() {
            match chars[i as usize] {
                ' ' => i += step,
                c => return Some(c),
            }
        }
        None
    };
    (0..chars.len())
        .filter(|&i| matches!(chars[i], ',' | ':' | ';' | '(' | ')'))
        .filter(|&i| neighbour(i, -1).is_some_and(is_cjk) || neighbour(i, 1).is_some_and(is_cjk))
        .map(|i| chars[i.saturating_sub(8)..(i + 8).min(chars.len())].iter().collect())
        .collect()
}

/// Words of English: runs of two or more Latin letters standing alone. A run that is part of an
/// id, a file name, a key or a number (`HT-2026-031`, `clerk.toml`, `date_order`, `v0.1`) is not
/// a word, and neither is a word of `allowed`.
fn english_words(text: &str, allowed: &BTreeSet<String>) -> Vec<String> {
    let id_like = |c: char| c.is_ascii_alphanumeric() || "._-/@+~$#*\\".contains(c);
    text.split(|c: char| !id_like(c))
        .filter(|t| t.chars().all(|c| c.is_ascii_alphabetic()) && t.len() >= 2)
        .filter(|t| !allowed.contains(*t))
        .map(String::from)
        .collect()
}

/// Words that stay as they are in a Chinese text: the keys and codes a user writes in clerk.toml
/// (and the register codes its tables name), rule ids, language codes, and the names of programs,
/// formats, units and standards (`ISO 9001`).
fn allowed_words() -> BTreeSet<String> {
    let mut words: BTreeSet<String> = BTreeSet::new();
    for line in clerk::settings::DEFAULT_TOML
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
    {
        let code = line.split(" #").next().unwrap_or(line);
        // Keys, table names and the codes in quotes (not the Chinese phrases).
        for word in code.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')) {
            if word.chars().all(|c| c.is_ascii_alphabetic()) && !word.is_empty() {
                words.insert(word.to_string());
            }
        }
    }
    for rule in clerk::rules::registry::all() {
        words.insert(rule.id().to_string());
    }
    for kind in clerk::registers::Kind::ALL {
        words.insert(kind.id().to_string());
    }
    let fixed = "clerk run check rules init send tls none full en ISO Excel xlsx xlsm xls xlsb ods XML UTF CSV TOML HTML SMTP STARTTLS TLS From To Cc Bcc KB MB AMJ \
                 YYYY MM Qn Hn ymd dmy mdy true false CNY";
    words.extend(fixed.split_whitespace().map(String::from));
    words
}

/// [`allowed_words`], and the column and option codes clerk.toml's comments explain
/// (`company 單位`, `"框架協議" = "contract"`): for the settings file only.
fn allowed_in_settings() -> BTreeSet<String> {
    let mut words = allowed_words();
    for column in clerk::registers::Kind::ALL.iter().flat_map(|k| k.columns()) {
        words.insert(column.name.to_string());
        if let clerk::registers::ColumnType::Enum(values) = column.ty {
            words.extend(values.iter().map(|v| v.code.to_string()));
        }
    }
    words
}

fn assert_chinese(place: &str, text: &str, allowed: &BTreeSet<String>) {
    let punctuation = ascii_punctuation_by_chinese(text);
    assert!(
        punctuation.is_empty(),
        "{place}: ASCII punctuation by Chinese: {punctuation:?}"
    );
    let english = english_words(text, allowed);
    assert!(english.is_empty(), "{place}: English words {english:?}");
}

#[test]
fn the_checks_catch_what_they_are_for() {
    assert_eq!(
        ascii_punctuation_by_chinese("「顧客」未填寫,此欄必填"),
        ["「顧客」未填寫,此欄必填"]
    );
    assert_eq!(ascii_punctuation_by_chinese("期間: 2026年10月").len(), 1);
    assert_eq!(ascii_punctuation_by_chinese("須先評審 (5.2.1)").len(), 1);
    assert!(ascii_punctuation_by_chinese("¥1,200,000 元；時間 14:30；A (b), c").is_empty());
    let allowed = allowed_words();
    assert_eq!(english_words("Part 3 服務忌語", &allowed), ["Part"]);
    assert_eq!(english_words("(nothing)", &allowed), ["nothing"]);
    assert!(english_words("HT-2026-031 在 clerk.toml 的 contracts.notice_days 和 CR02", &allowed).is_empty());
}

// ---------------------------------------------------------------------------------------------
// The catalogue
// ---------------------------------------------------------------------------------------------

/// A zh text with its placeholders filled: each with `value` (a plural word with its plural).
fn filled(text: &str, value: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        match rest[open..].find('}') {
            Some(close) => {
                let inner = &rest[open + 1..open + close];
                out.push_str(match inner.split('|').nth(1) {
                    Some(word) => word,
                    None => value,
                });
                rest = &rest[open + close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out + rest
}

#[test]
fn every_chinese_text_of_the_catalogue_has_chinese_punctuation() {
    for (key, row) in clerk::commands::texts::texts().entries() {
        for text in &row[1..] {
            // A Chinese value (甲), a number and a Latin value beside the text's own characters.
            for value in ["甲", "12", "HT-1"] {
                let bad = ascii_punctuation_by_chinese(&filled(text, value));
                assert!(bad.is_empty(), "{key}: {text}: {bad:?}");
            }
        }
    }
}

#[test]
fn no_chinese_text_of_the_catalogue_holds_english_words() {
    let allowed = allowed_words();
    for (key, row) in clerk::commands::texts::texts().entries() {
        for text in &row[1..] {
            let english = english_words(&filled(text, "甲"), &allowed);
            assert!(english.is_empty(), "{key}: {text}: {english:?}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// What the sample month shows
// ---------------------------------------------------------------------------------------------

/// The sample month in a language, with e-mail on: (terminal of `run`, the month's folder).
fn sample_run(dir: &Path, lang: Lang) -> (String, std::path::PathBuf) {
    let settings = dir.join("clerk.toml");
    std::fs::write(
        &settings,
        "company = \"華東機電實業有限公司\"\n[email]\nfrom = \"行政部 <office@example.com>\"\n\
         [email.recipients]\nmanager = [\"經理 <boss@example.com>\"]\nsales = [\"sales@example.com\"]\n",
    )
    .unwrap();
    let inbox = repo_root().join("sample-data");
    let out = dir.join("out");
    let args = [
        "run",
        inbox.to_str().unwrap(),
        "--month",
        "2026-10",
        "--lang",
        lang.code(),
        "--out",
        out.to_str().unwrap(),
        "--config",
        settings.to_str().unwrap(),
        "--email",
    ];
    let ran = run_in(dir, &args);
    assert_eq!(ran.status, 0, "{}", ran.stderr);
    (ran.stdout, out.join("2026-10"))
}

/// The text a reader sees of a page: the title and the body, without tags, styles or entities.
fn html_text(html: &str) -> String {
    let mut text = String::new();
    let mut rest = html;
    // Styles are no text.
    while let Some(start) = rest.find("<style") {
        text.push_str(&rest[..start]);
        rest = rest[start..].split_once("</style>").map_or("", |(_, r)| r);
    }
    text.push_str(rest);
    let mut out = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    unescape(&out)
}

/// `&amp;`, `&#x2F;`, `&#39;` and the like as the characters they stand for.
fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let entity = rest[at + 1..].split_once(';').map(|(e, _)| e).filter(|e| e.len() <= 8);
        let c = entity.and_then(|e| match e {
            "nbsp" => Some(' '),
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            _ => e
                .strip_prefix("#x")
                .map(|h| u32::from_str_radix(h, 16))
                .or_else(|| e.strip_prefix('#').map(str::parse))
                .and_then(Result::ok)
                .and_then(char::from_u32),
        });
        match (entity, c) {
            (Some(e), Some(c)) => {
                out.push(c);
                rest = &rest[at + e.len() + 2..];
            }
            _ => {
                out.push('&');
                rest = &rest[at + 1..];
            }
        }
    }
    out + rest
}

/// Every text cell of every sheet of a workbook, and the sheets' names.
fn workbook_texts(path: &Path) -> Vec<(String, String)> {
    let mut book = open_workbook_auto(path).unwrap();
    let mut out = Vec::new();
    for name in book.sheet_names().to_vec() {
        out.push((name.clone(), name.clone()));
        let range = book.worksheet_range(&name).unwrap();
        for (r, row) in range.rows().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                if let Data::String(s) = cell {
                    out.push((format!("{name}!R{}C{}", r + 1, c + 1), s.clone()));
                }
            }
        }
    }
    out
}

/// The subject and plain text of a message, as Python's e-mail parser reads them.
fn eml_texts(path: &Path) -> Vec<String> {
    let out = std::process::Command::new("python3")
        .arg(repo_root().join("tests/support/eml_dump.py"))
        .arg(path)
        .output()
        .expect("python3");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let subject = json["headers"]["Subject"][0].as_str().unwrap_or_default().to_string();
    vec![subject, json["text"].as_str().unwrap_or_default().to_string()]
}

fn sample_month_reads_as_chinese(lang: Lang) {
    let allowed = allowed_words();
    let dir = tempdir();
    let (terminal, month) = sample_run(dir.path(), lang);
    assert_chinese("run", &terminal, &allowed);
    // What the checks read is what a user reads (so that they cannot pass on nothing).
    let script = |hant: &str| match lang {
        Lang::ZhHans => clerk::base::text::to_simplified(hant),
        _ => hant.to_string(),
    };
    assert!(terminal.contains(&script("檢查了 8 個工作表共 287 行")), "{terminal}");
    let book = workbook_texts(&month.join("clerk-2026-10.xlsx"));
    for expected in ["重大投訴在收到後 25 小時才報告，應在 24 小時內報告。", "第三篇 四、五"]
    {
        assert!(book.iter().any(|(_, t)| t == &script(expected)), "{expected}");
    }

    let inbox = repo_root().join("sample-data");
    let check = run_in(
        dir.path(),
        &[
            "check",
            inbox.to_str().unwrap(),
            "--month",
            "2026-10",
            "--lang",
            lang.code(),
        ],
    );
    assert_eq!(check.status, 1, "{}", check.stderr);
    assert_chinese("check", &check.stdout, &allowed);
    for args in [
        vec!["rules"],
        vec!["rules", "CR02"],
        vec!["rules", "RG02"],
        vec!["rules", "CP03"],
    ] {
        let ran = run_in(dir.path(), &[args.as_slice(), &["--lang", lang.code()]].concat());
        assert_eq!(ran.status, 0, "{}", ran.stderr);
        assert_chinese(&args.join(" "), &ran.stdout, &allowed);
    }

    let mut pages = 0;
    for entry in std::fs::read_dir(&month).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        match path.extension().and_then(|e| e.to_str()) {
            Some("html") => {
                pages += 1;
                let text = html_text(&std::fs::read_to_string(&path).unwrap());
                assert_chinese(&name, &text, &allowed);
            }
            Some("eml") => {
                for text in eml_texts(&path) {
                    assert_chinese(&name, &text, &allowed);
                }
            }
            Some("xlsx") => {
                for (place, text) in workbook_texts(&path) {
                    assert_chinese(&format!("{name} {place}"), &text, &allowed);
                }
            }
            _ => {}
        }
    }
    assert_eq!(pages, 4);
    assert!(month.join("clerk-2026-10.eml").is_file());

    let init = dir.path().join("init");
    let ran = run_in(dir.path(), &["init", init.to_str().unwrap(), "--lang", lang.code()]);
    assert_eq!(ran.status, 0, "{}", ran.stderr);
    assert_chinese("init", &ran.stdout, &allowed);
    let toml = std::fs::read_to_string(init.join("clerk.toml")).unwrap();
    assert_chinese("clerk.toml", &toml, &allowed_in_settings());
    assert!(toml.contains(&format!("language = \"{}\"", lang.code())));
}

#[test]
fn the_sample_month_reads_as_traditional_chinese() {
    sample_month_reads_as_chinese(Lang::ZhHant);
}

#[test]
fn the_sample_month_reads_as_simplified_chinese() {
    sample_month_reads_as_chinese(Lang::ZhHans);
}

#[test]
fn send_speaks_chinese() {
    let allowed = allowed_words();
    let dir = tempdir();
    let (_, month) = sample_run(dir.path(), Lang::ZhHant);
    let eml = month.join("clerk-2026-10.eml");
    let settings = dir.path().join("clerk.toml");
    // No server yet: the dry run fails as the send would, in words (it once said "(none)").
    let ran = run_in(
        dir.path(),
        &[
            "send",
            eml.to_str().unwrap(),
            "--dry-run",
            "--config",
            settings.to_str().unwrap(),
            "--lang",
            "zh-Hant",
        ],
    );
    assert_eq!(ran.status, 2, "{}", ran.stdout);
    assert!(ran.stderr.contains("沒有 SMTP 伺服器：請在設定檔（"), "{}", ran.stderr);
    assert_chinese("send --dry-run", &ran.stderr, &allowed);
    // A file that is not there: the system's error in words.
    let missing = dir.path().join("no-such.eml");
    let ran = run_in(
        dir.path(),
        &[
            "send",
            missing.to_str().unwrap(),
            "--config",
            settings.to_str().unwrap(),
            "--lang",
            "zh-Hans",
        ],
    );
    assert_eq!(ran.status, 2);
    assert!(
        ran.stderr.trim_end().ends_with("：无法读取：找不到文件或文件夹"),
        "{}",
        ran.stderr
    );
    assert_chinese("send", &ran.stderr, &allowed);
}
