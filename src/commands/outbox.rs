//! What a month's folder keeps for sending its messages (SPEC 3, 4), beside the `.eml` files:
//!
//! - `send-settings.toml`, written by `clerk run --email`: the settings file the run used (its
//!   full path and SHA-256), so that `clerk send` uses the same SMTP settings without `--config`.
//!   It never holds a password (the settings name only the environment variable that holds it)
//!   and a rerun writes the same bytes.
//! - `sent.toml`, the record of what was sent: each message's file, the SHA-256 of its content, its
//!   recipients and the time it went, added as each message is sent, so that a scheduled
//!   `clerk run --email --send` sends a month's messages once (`--resend` sends them again) and a
//!   half-failed run sends only what failed. It is not a report file: it differs between reruns.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::base::i18n::Catalogue;
use crate::base::os::io_words;

/// The file naming the settings the run used.
pub const SETTINGS_RECORD: &str = "send-settings.toml";
/// The record of the messages sent.
pub const SENT_RECORD: &str = "sent.toml";

/// Catalogue texts of the month's sending records: key → [en, zh-Hant, zh-Hans].
#[rustfmt::skip]
pub static TEXTS: &[crate::base::i18n::Entry] = &[
    ("outbox.settings_comment", [
        "Written by clerk run --email: the settings file this run used, which clerk send reads for its SMTP settings. No password is kept here.",
        "由 clerk run --email 寫入：本次執行所用的設定檔，clerk send 從中讀取 SMTP 設定。此處不保存密碼。",
        "由 clerk run --email 写入：本次运行所用的配置文件，clerk send 从中读取 SMTP 设置。此处不保存密码。",
    ]),
    ("outbox.sent_comment", [
        "The messages of this folder that clerk has sent: clerk run --send sends none of them twice (--resend sends them again).",
        "clerk 已寄出的本資料夾郵件：clerk run --send 不會重複寄送（--resend 會再寄一次）。",
        "clerk 已发出的本文件夹邮件：clerk run --send 不会重复发送（--resend 会再发一次）。",
    ]),
    ("outbox.bad_record", [
        "{path}: cannot be read as clerk's record ({error}); move it away to go on",
        "{path}：無法讀取 clerk 的紀錄（{error}）；請將它移走後再試",
        "{path}：无法读取 clerk 的记录（{error}）；请将它移走后再试",
    ]),
    ("outbox.settings_gone", [
        "{file}: the settings file the run used, {settings}, is gone (named in {record}); give the settings with --config FILE",
        "{file}：執行時所用的設定檔 {settings} 已不存在（記載於 {record}）；請以 --config 指定設定檔",
        "{file}：运行时所用的配置文件 {settings} 已不存在（记载于 {record}）；请以 --config 指定配置文件",
    ]),
    ("outbox.settings_changed", [
        "Note: {settings} has changed since the run that wrote {record}; sending with it as it is now",
        "注意：{settings} 在產生 {record} 的執行之後已修改；將按其目前內容寄送",
        "注意：{settings} 在生成 {record} 的运行之后已修改；将按其当前内容发送",
    ]),
    ("outbox.already_sent", [
        "{file}: already sent on {at} to {to}; not sent again (--resend sends it again)",
        "{file}：已於 {at} 寄給 {to}；不再寄送（--resend 會再寄一次）",
        "{file}：已于 {at} 发送给 {to}；不再发送（--resend 会再发一次）",
    ]),
    ("outbox.already_sent_changed", [
        "{file}: already sent on {at} to {to}, and changed since; not sent again (--resend sends the new one)",
        "{file}：已於 {at} 寄給 {to}，其後內容有變；不再寄送（--resend 會寄出新的一封）",
        "{file}：已于 {at} 发送给 {to}，其后内容有变；不再发送（--resend 会发出新的一封）",
    ]),
    ("outbox.sent_before", [
        "Note: {file} had been sent before, on {at} to {to}; it was sent again",
        "注意：{file} 曾於 {at} 寄給 {to}；這次又寄了一次",
        "注意：{file} 曾于 {at} 发送给 {to}；这次又发了一次",
    ]),
    ("outbox.not_recorded", [
        "{file}: sent, but the record of it could not be written ({error}); a later run --send would send it again",
        "{file}：已寄出，但無法寫入寄送紀錄（{error}）；之後的 run --send 會再寄一次",
        "{file}：已发出，但无法写入发送记录（{error}）；之后的 run --send 会再发一次",
    ]),
];

/// `send-settings.toml`.
#[derive(Serialize, Deserialize)]
struct SettingsRecord {
    /// The settings file's full path.
    settings: String,
    /// The SHA-256 of its bytes when the run read it.
    sha256: String,
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// A file's SHA-256, or None when it cannot be read.
pub fn file_sha256(path: &Path) -> Option<String> {
    std::fs::read(path).ok().map(|b| sha256_hex(&b))
}

/// A comment line (`# …`), then the record as TOML.
fn commented(comment: &str, body: &str) -> String {
    format!("# {comment}\n{body}")
}

/// Writes `send-settings.toml` into the month's folder `dir`: the settings file `settings`, by its
/// full path, and its hash. The same run writes the same bytes.
pub fn record_settings(dir: &Path, settings: &Path, text: &Catalogue) -> Result<(), String> {
    let full = std::path::absolute(settings).unwrap_or_else(|_| settings.to_path_buf());
    let record = SettingsRecord {
        settings: full.display().to_string(),
        sha256: file_sha256(settings).unwrap_or_default(),
    };
    let body = toml::to_string(&record).map_err(|e| e.to_string())?;
    let bytes = commented(&text.get("outbox.settings_comment"), &body);
    crate::render::write_atomically(&dir.join(SETTINGS_RECORD), bytes.as_bytes())
}

/// The settings file a run recorded in a month's folder.
pub struct RecordedSettings {
    pub path: PathBuf,
    /// The record's own path, to name it.
    pub record: PathBuf,
    /// The file's bytes are no longer those the run read.
    pub changed: bool,
}

/// The settings file recorded in `dir`, if a run recorded one there; an error line naming
/// `file` when the record cannot be read or the file it names is gone.
pub fn recorded_settings(dir: &Path, file: &str, text: &Catalogue) -> Result<Option<RecordedSettings>, String> {
    let record = dir.join(SETTINGS_RECORD);
    if !record.is_file() {
        return Ok(None);
    }
    let parsed: SettingsRecord = read_toml(&record, text)?;
    let path = PathBuf::from(&parsed.settings);
    if !path.is_file() {
        return Err(text.fmt(
            "outbox.settings_gone",
            &[
                ("file", file),
                ("settings", &parsed.settings),
                ("record", &record.display().to_string()),
            ],
        ));
    }
    let changed = file_sha256(&path).is_none_or(|h| h != parsed.sha256);
    Ok(Some(RecordedSettings { path, record, changed }))
}

fn read_toml<T: serde::de::DeserializeOwned>(path: &Path, text: &Catalogue) -> Result<T, String> {
    let bad = |error: String| {
        text.fmt(
            "outbox.bad_record",
            &[("path", &path.display().to_string()), ("error", &error)],
        )
    };
    let raw = std::fs::read_to_string(path).map_err(|e| bad(io_words(&e, text)))?;
    toml::from_str(&raw).map_err(|e| bad(crate::render::words::one_line(e.message())))
}

/// One message sent, as `sent.toml` keeps it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SentMessage {
    /// The `.eml` file's name.
    pub file: String,
    /// The SHA-256 of the message as read from the file for sending (CRLF line ends, no Bcc),
    /// before its Date is stamped: the same file gives the same hash.
    pub sha256: String,
    pub to: Vec<String>,
    /// The time it was sent, `2026-11-02 07:30:12 +0800`.
    pub at: String,
}

#[derive(Default, Serialize, Deserialize)]
struct SentRecord {
    #[serde(default)]
    sent: Vec<SentMessage>,
}

/// What the record says of a message about to be sent.
pub enum Before {
    /// Not sent from this folder yet.
    Never,
    /// Sent, and the file is still what was sent.
    Same(SentMessage),
    /// Sent, and the file has changed since.
    Changed(SentMessage),
}

/// The file's name within its folder (the record's key) and its folder.
fn name_and_folder(eml: &Path) -> (String, PathBuf) {
    let name = eml
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let folder = match eml.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    (name, folder)
}

/// Whether `eml` was sent before, by the record in its folder (the last sending of it).
pub fn sent_before(eml: &Path, bytes: &[u8], text: &Catalogue) -> Result<Before, String> {
    let (name, folder) = name_and_folder(eml);
    let record = folder.join(SENT_RECORD);
    if !record.is_file() {
        return Ok(Before::Never);
    }
    let parsed: SentRecord = read_toml(&record, text)?;
    let Some(last) = parsed.sent.into_iter().rev().find(|m| m.file == name) else {
        return Ok(Before::Never);
    };
    Ok(match last.sha256 == sha256_hex(bytes) {
        true => Before::Same(last),
        false => Before::Changed(last),
    })
}

/// Whether the folder of `eml` keeps a record of sending: a run packaged it there, or something
/// was sent from there before. A message sent from elsewhere leaves no record behind.
pub fn keeps_record(eml: &Path) -> bool {
    let (_, folder) = name_and_folder(eml);
    folder.join(SETTINGS_RECORD).is_file() || folder.join(SENT_RECORD).is_file()
}

/// Adds to the record in the folder of `eml` that it was sent now, to `to`.
pub fn record_sent(eml: &Path, bytes: &[u8], to: &[String], text: &Catalogue) -> Result<(), String> {
    let (name, folder) = name_and_folder(eml);
    let path = folder.join(SENT_RECORD);
    let mut record: SentRecord = match path.is_file() {
        true => read_toml(&path, text)?,
        false => SentRecord::default(),
    };
    record.sent.push(SentMessage {
        file: name,
        sha256: sha256_hex(bytes),
        to: to.to_vec(),
        at: chrono::Local::now().format("%Y-%m-%d %H:%M:%S %z").to_string(),
    });
    let body = toml::to_string(&record).map_err(|e| e.to_string())?;
    crate::render::write_atomically(&path, commented(&text.get("outbox.sent_comment"), &body).as_bytes())
}

/// The line saying that `file` is not sent again.
pub fn skipped(file: &str, before: &Before, text: &Catalogue) -> Option<String> {
    let (key, sent) = match before {
        Before::Never => return None,
        Before::Same(m) => ("outbox.already_sent", m),
        Before::Changed(m) => ("outbox.already_sent_changed", m),
    };
    Some(text.fmt(key, &[("file", file), ("at", &sent.at), ("to", &text.list(&sent.to))]))
}

/// The note that `file` had been sent before and went again (`clerk send` by hand).
pub fn again(file: &str, before: &Before, text: &Catalogue) -> Option<String> {
    match before {
        Before::Never => None,
        Before::Same(m) | Before::Changed(m) => Some(text.fmt(
            "outbox.sent_before",
            &[("file", file), ("at", &m.at), ("to", &text.list(&m.to))],
        )),
    }
}
