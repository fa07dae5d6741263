//! SMTP: delivers the messages `clerk run --email` packaged ([`crate::render::eml`]), read back
//! by [`super::message`].
//!
//! Everything that can be checked without a server is checked first ([`prepare`]: the server
//! set, the security, the login's password in its environment variable), by `--dry-run` as by a
//! real send, so that a dry run fails where the send would. Then it talks SMTP step by step so
//! that each failure can be named in one line: a refused connection, a failed TLS handshake, a
//! refused login, a rejected recipient (then nothing is sent), a refused message. The message
//! goes with its Date header stamped at the time of sending.

use std::io;
use std::time::Duration;

use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{SmtpConnection, TlsParameters};
use lettre::transport::smtp::commands::{Data, Mail, Rcpt};
use lettre::transport::smtp::extension::ClientId;

use super::message::{stamp_date, Outgoing};
use crate::base::i18n::Catalogue;
use crate::base::os::io_words;
use crate::render::words::one_line;
use crate::settings::EmailSettings;

/// Catalogue texts of `clerk send`: key → [en, zh-Hant, zh-Hans].
pub static TEXTS: &[crate::base::i18n::Entry] = &[
    ("send.dry_run", [
        "{file}: would send “{subject}” from {from} to {to}, {size} bytes, through {server}",
        "{file}：將經由 {server} 寄出「{subject}」，寄件人 {from}，收件人 {to}，{size} 位元組",
        "{file}：将经由 {server} 发出「{subject}」，发件人 {from}，收件人 {to}，{size} 字节",
    ]),
    ("send.server", ["{server} ({security})", "{server}（{security}）", "{server}（{security}）"]),
    ("send.security.starttls", ["STARTTLS", "STARTTLS 加密", "STARTTLS 加密"]),
    ("send.security.tls", ["TLS", "TLS 加密", "TLS 加密"]),
    ("send.security.none", ["no encryption", "不加密", "不加密"]),
    ("send.security", [
        "{file}: email.security is \"{value}\"; it should be \"starttls\", \"tls\" or \"none\" (in {settings})",
        "{file}：email.security 為 \"{value}\"；應為 \"starttls\"、\"tls\" 或 \"none\"（於 {settings}）",
        "{file}：email.security 为 \"{value}\"；应为 \"starttls\"、\"tls\" 或 \"none\"（于 {settings}）",
    ]),
    ("send.sent", ["{file}: sent to {to}", "{file}：已寄給 {to}", "{file}：已发送给 {to}"]),
    ("send.unreadable", ["{file}: cannot be read: {error}", "{file}：無法讀取：{error}", "{file}：无法读取：{error}"]),
    ("send.not_a_message", [
        "{file}: not an e-mail message (no From header); give the .eml files that clerk run --email writes",
        "{file}：不是郵件（沒有 From 標頭）；請提供 clerk run --email 產生的 .eml 檔案",
        "{file}：不是邮件（没有 From 标头）；请提供 clerk run --email 生成的 .eml 文件",
    ]),
    ("send.bad_header", [
        "{file}: the {header} header cannot be read: {value}",
        "{file}：無法讀取 {header} 標頭：{value}",
        "{file}：无法读取 {header} 标头：{value}",
    ]),
    ("send.no_recipient", [
        "{file}: the message has no recipient (To, Cc or Bcc)",
        "{file}：郵件沒有收件人（To、Cc 或 Bcc）",
        "{file}：邮件没有收件人（To、Cc 或 Bcc）",
    ]),
    ("send.no_host", [
        "{file}: no SMTP server: set email.smtp_host in the settings ({settings})",
        "{file}：沒有 SMTP 伺服器：請在設定檔（{settings}）中填寫 email.smtp_host",
        "{file}：没有 SMTP 服务器：请在配置文件（{settings}）中填写 email.smtp_host",
    ]),
    ("send.password", [
        "{file}: the SMTP password is missing: set the environment variable {var} (email.password_env)",
        "{file}：缺少 SMTP 密碼：請設定環境變數 {var}（email.password_env）",
        "{file}：缺少 SMTP 密码：请设置环境变量 {var}（email.password_env）",
    ]),
    ("send.refused", [
        "{file}: cannot connect to {server}: the connection was refused (check email.smtp_host, email.smtp_port and email.security)",
        "{file}：無法連線到 {server}：連線被拒絕（請檢查 email.smtp_host、email.smtp_port 和 email.security）",
        "{file}：无法连接到 {server}：连接被拒绝（请检查 email.smtp_host、email.smtp_port 和 email.security）",
    ]),
    ("send.connect", [
        "{file}: cannot connect to {server}: {error}",
        "{file}：無法連線到 {server}：{error}",
        "{file}：无法连接到 {server}：{error}",
    ]),
    ("send.tls", [
        "{file}: no secure connection to {server}: {error}",
        "{file}：無法與 {server} 建立加密連線：{error}",
        "{file}：无法与 {server} 建立加密连接：{error}",
    ]),
    ("send.no_starttls", [
        "{file}: {server} does not offer STARTTLS; set email.security to \"tls\" (port 465) or check the port",
        "{file}：{server} 不支援 STARTTLS；請把 email.security 設為 \"tls\"（連接埠 465）或檢查連接埠",
        "{file}：{server} 不支持 STARTTLS；请把 email.security 设为 \"tls\"（端口 465）或检查端口",
    ]),
    ("send.login", [
        "{file}: {server} refused the login of {user}: {reply}",
        "{file}：{server} 拒絕了 {user} 的登入：{reply}",
        "{file}：{server} 拒绝了 {user} 的登录：{reply}",
    ]),
    ("send.sender", [
        "{file}: {server} refused the sender {address}: {reply}",
        "{file}：{server} 拒絕了寄件人 {address}：{reply}",
        "{file}：{server} 拒绝了发件人 {address}：{reply}",
    ]),
    ("send.recipient", [
        "{file}: {server} rejected the recipient {address}: {reply}; nothing was sent",
        "{file}：{server} 拒絕了收件人 {address}：{reply}；郵件未寄出",
        "{file}：{server} 拒绝了收件人 {address}：{reply}；邮件未发出",
    ]),
    ("send.message", [
        "{file}: {server} refused the message: {reply}",
        "{file}：{server} 拒絕了這封郵件：{reply}",
        "{file}：{server} 拒绝了这封邮件：{reply}",
    ]),
    ("send.failed", [
        "{file}: sending through {server} failed: {error}",
        "{file}：經由 {server} 寄送失敗：{error}",
        "{file}：经由 {server} 发送失败：{error}",
    ]),
];

// ---------------------------------------------------------------------------------------------
// Sending
// ---------------------------------------------------------------------------------------------

/// `host:port`, with the security in words for the dry run.
pub fn server(settings: &EmailSettings) -> String {
    format!("{}:{}", settings.smtp_host, settings.port())
}

/// The line `--dry-run` prints for a message that would be sent.
pub fn describe(file: &str, message: &Outgoing, settings: &EmailSettings, text: &Catalogue) -> String {
    let to: Vec<String> = message.recipients.iter().map(|a| a.to_string()).collect();
    let security = text.get(&format!("send.security.{}", settings.security));
    let server = text.fmt("send.server", &[("server", &server(settings)), ("security", &security)]);
    text.fmt(
        "send.dry_run",
        &[
            ("file", file),
            ("subject", &message.subject),
            ("from", message.from.as_ref()),
            ("to", &text.list(&to)),
            ("size", &message.data.len().to_string()),
            ("server", &server),
        ],
    )
}

/// The server's reply in an error: `550 5.1.1 user unknown`.
fn reply(e: &lettre::transport::smtp::Error) -> String {
    let message = std::error::Error::source(e).map(|s| s.to_string()).unwrap_or_default();
    match e.status() {
        Some(code) => one_line(&format!("{code} {message}")),
        None => one_line(&e.to_string()),
    }
}

/// The innermost cause of an error, without lettre's "network error:" prefixes.
fn cause(e: &(dyn std::error::Error + 'static)) -> String {
    let mut last = e;
    while let Some(s) = last.source() {
        last = s;
    }
    one_line(&last.to_string())
}

fn io_kind(e: &(dyn std::error::Error + 'static)) -> Option<io::ErrorKind> {
    io_error(e).map(io::Error::kind)
}

/// The system's error under an error, if there is one.
fn io_error<'e>(e: &'e (dyn std::error::Error + 'static)) -> Option<&'e io::Error> {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(s) = source {
        if let Some(io) = s.downcast_ref::<io::Error>() {
            return Some(io);
        }
        source = s.source();
    }
    None
}

/// What a send needs that can be had without a server.
pub struct Prepared {
    credentials: Option<Credentials>,
    tls: Option<TlsParameters>,
}

/// Checks everything a send can check before it connects, for `--dry-run` as for a real send:
/// a server is set, the security is one clerk knows, the server's name can be checked against
/// a certificate, and, when the settings name a user, the password's environment variable is
/// set. (The sender and the recipients were read with the message.) `settings_name` names the
/// settings file in the line that says what is missing.
pub fn prepare(
    file: &str,
    settings: &EmailSettings,
    settings_name: &str,
    text: &Catalogue,
) -> Result<Prepared, String> {
    let host = settings.smtp_host.trim();
    if host.is_empty() {
        return Err(text.fmt("send.no_host", &[("file", file), ("settings", settings_name)]));
    }
    let tls = match settings.security.as_str() {
        "none" => None,
        "starttls" | "tls" => Some(TlsParameters::new(host.to_string()).map_err(|e| {
            let server = server(settings);
            text.fmt(
                "send.tls",
                &[
                    ("file", file),
                    ("server", &server),
                    ("error", &one_line(&e.to_string())),
                ],
            )
        })?),
        other => {
            let args = [("file", file), ("value", other), ("settings", settings_name)];
            return Err(text.fmt("send.security", &args));
        }
    };
    let credentials = credentials(file, settings, text)?;
    Ok(Prepared { credentials, tls })
}

/// Delivers one message, [`prepare`]d, with its Date header stamped now. Returns the line to
/// print, or the one-line error.
pub fn deliver(
    file: &str,
    message: &Outgoing,
    prepared: &Prepared,
    settings: &EmailSettings,
    text: &Catalogue,
) -> Result<String, String> {
    let session = Session {
        file,
        server: server(settings),
        settings,
        text,
    };
    let stamped = Outgoing {
        data: stamp_date(&message.data, chrono::Local::now().fixed_offset()),
        ..message.clone()
    };
    let tls = prepared.tls.as_ref();
    let mut conn = session.connect(tls)?;
    let result = session.transaction(&mut conn, tls, prepared.credentials.as_ref(), &stamped);
    match &result {
        Ok(()) => {
            let _ = conn.quit();
        }
        Err(_) => conn.abort(),
    }
    result?;
    Ok(text.fmt("send.sent", &[("file", file), ("to", &text.list(&message.to()))]))
}

/// The login, when the settings name a user: the password from the environment.
fn credentials(file: &str, settings: &EmailSettings, text: &Catalogue) -> Result<Option<Credentials>, String> {
    if settings.smtp_user.is_empty() {
        return Ok(None);
    }
    match std::env::var(&settings.password_env) {
        Ok(p) if !p.is_empty() => Ok(Some(Credentials::new(settings.smtp_user.clone(), p))),
        _ => Err(text.fmt("send.password", &[("file", file), ("var", &settings.password_env)])),
    }
}

/// One message's talk with the server, and how its failures are worded.
struct Session<'a> {
    file: &'a str,
    /// `host:port`.
    server: String,
    settings: &'a EmailSettings,
    text: &'a Catalogue,
}

impl Session<'_> {
    /// The line saying what failed (`key`), naming the file and the server.
    fn fail(&self, key: &str, extra: &[(&str, &str)]) -> String {
        let mut args: Vec<(&str, &str)> = vec![("file", self.file), ("server", &self.server)];
        args.extend_from_slice(extra);
        self.text.fmt(key, &args)
    }

    /// Connects, over TLS from the start when the security is `tls`.
    fn connect(&self, tls: Option<&TlsParameters>) -> Result<SmtpConnection, String> {
        let settings = self.settings;
        let timeout = Some(Duration::from_secs(60));
        let implicit = if settings.security == "tls" { tls } else { None };
        let address = (settings.smtp_host.trim(), settings.port());
        SmtpConnection::connect(address, timeout, &ClientId::default(), implicit, None).map_err(|e| {
            let kind = io_kind(&e);
            if kind == Some(io::ErrorKind::ConnectionRefused) {
                self.fail("send.refused", &[])
            } else if e.is_tls() || (implicit.is_some() && kind == Some(io::ErrorKind::InvalidData)) {
                // rustls reports a failed handshake or certificate as invalid data.
                self.fail("send.tls", &[("error", &cause(&e))])
            } else {
                let error = io_error(&e).map_or_else(|| cause(&e), |io| io_words(io, self.text));
                self.fail("send.connect", &[("error", &error)])
            }
        })
    }

    /// STARTTLS if asked for, the login, the envelope, the message.
    fn transaction(
        &self,
        conn: &mut SmtpConnection,
        tls: Option<&TlsParameters>,
        credentials: Option<&Credentials>,
        message: &Outgoing,
    ) -> Result<(), String> {
        if self.settings.security == "starttls" {
            if !conn.can_starttls() {
                return Err(self.fail("send.no_starttls", &[]));
            }
            if let Some(tls) = tls {
                conn.starttls(tls, &ClientId::default())
                    .map_err(|e| self.fail("send.tls", &[("error", &cause(&e))]))?;
            }
        }
        if let Some(credentials) = credentials {
            let user = &self.settings.smtp_user;
            conn.auth(&[Mechanism::Plain, Mechanism::Login], credentials)
                .map_err(|e| self.fail("send.login", &[("user", user), ("reply", &reply(&e))]))?;
        }
        let from = &message.from;
        conn.command(Mail::new(Some(from.clone()), vec![]))
            .map_err(|e| self.fail("send.sender", &[("address", from.as_ref()), ("reply", &reply(&e))]))?;
        for to in &message.recipients {
            conn.command(Rcpt::new(to.clone(), vec![]))
                .map_err(|e| self.fail("send.recipient", &[("address", to.as_ref()), ("reply", &reply(&e))]))?;
        }
        conn.command(Data)
            .map_err(|e| self.fail("send.message", &[("reply", &reply(&e))]))?;
        // lettre ends the data with CRLF "." CRLF itself: without the message's own last line
        // end, what arrives is byte for byte the file.
        let data = message.data.strip_suffix(b"\r\n").unwrap_or(&message.data);
        conn.message(data)
            .map_err(|e| self.fail("send.message", &[("reply", &reply(&e))]))?;
        Ok(())
    }
}
