//! `clerk send`: delivers the messages `clerk run --email` packaged ([`crate::render::eml`]).
//!
//! It reads the envelope (From; To, Cc, Bcc) back from the file, drops any Bcc header, and talks
//! SMTP step by step so that each failure can be named in one line: a refused connection, a failed
//! TLS handshake, a refused login, a rejected recipient (then nothing is sent), a refused message.
//! `--dry-run` says what would be sent, without connecting.

use std::io;
use std::path::Path;
use std::time::Duration;

use base64::Engine;
use lettre::message::Mailboxes;
use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{SmtpConnection, TlsParameters};
use lettre::transport::smtp::commands::{Data, Mail, Rcpt};
use lettre::transport::smtp::extension::ClientId;
use lettre::Address;

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
    ("send.dry_run_no_server", [
        "{file}: would send “{subject}” from {from} to {to}, {size} bytes, but no SMTP server is set (email.smtp_host)",
        "{file}：將寄出「{subject}」，寄件人 {from}，收件人 {to}，{size} 位元組；但尚未設定 SMTP 伺服器（email.smtp_host）",
        "{file}：将发出「{subject}」，发件人 {from}，收件人 {to}，{size} 字节；但尚未设置 SMTP 服务器（email.smtp_host）",
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
// Reading a packaged message back
// ---------------------------------------------------------------------------------------------

/// A packaged message as `clerk send` reads it.
#[derive(Clone, Debug)]
pub struct Outgoing {
    pub from: Address,
    /// To, Cc and Bcc, in that order, each once.
    pub recipients: Vec<Address>,
    /// The subject, decoded.
    pub subject: String,
    /// The bytes to send: CRLF line ends, no Bcc header.
    pub data: Vec<u8>,
}

/// Header lines of a message, unfolded: (name, value).
fn headers(head: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for line in head.split("\r\n").flat_map(|l| l.split('\n')) {
        if line.starts_with([' ', '\t']) {
            if let Some(last) = out.last_mut() {
                last.1.push(' ');
                last.1.push_str(line.trim());
            }
        } else if let Some((name, value)) = line.split_once(':') {
            out.push((name.trim().to_string(), value.trim().to_string()));
        }
    }
    out
}

/// Line ends as SMTP wants them: every LF preceded by CR.
fn crlf(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() + bytes.len() / 50);
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' && (i == 0 || bytes[i - 1] != b'\r') {
            out.push(b'\r');
        }
        out.push(b);
    }
    out
}

/// The header block and the body of a message, split at the first empty line.
fn split_message(bytes: &[u8]) -> (&[u8], &[u8]) {
    let at = bytes.windows(4).position(|w| w == b"\r\n\r\n");
    match at {
        Some(i) => (&bytes[..i + 2], &bytes[i + 2..]),
        None => (bytes, &[]),
    }
}

/// Decodes RFC 2047 encoded words (`=?utf-8?b?…?=`) in a header value; adjacent words of one
/// charset are joined before decoding, since a character may be split between them.
pub fn decode_header(value: &str) -> String {
    let mut out = String::new();
    let mut pending: Option<(String, Vec<u8>)> = None;
    let flush = |pending: &mut Option<(String, Vec<u8>)>, out: &mut String| {
        if let Some((charset, bytes)) = pending.take() {
            let encoding = encoding_rs::Encoding::for_label(charset.as_bytes()).unwrap_or(encoding_rs::UTF_8);
            out.push_str(&encoding.decode(&bytes).0);
        }
    };
    let mut rest = value;
    loop {
        let word_start = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        let space = &rest[..word_start];
        rest = &rest[word_start..];
        if rest.is_empty() {
            break;
        }
        let end = rest.find([' ', '\t']).unwrap_or(rest.len());
        let word = &rest[..end];
        rest = &rest[end..];
        match (encoded_word(word), &mut pending) {
            (Some((charset, bytes)), Some((c, b))) if c.eq_ignore_ascii_case(&charset) => b.extend(bytes),
            // Space between two encoded words is not part of the text.
            (Some(word), Some(_)) => {
                flush(&mut pending, &mut out);
                pending = Some(word);
            }
            (Some(word), None) => {
                out.push_str(space);
                pending = Some(word);
            }
            (None, _) => {
                flush(&mut pending, &mut out);
                out.push_str(space);
                out.push_str(word);
            }
        }
    }
    flush(&mut pending, &mut out);
    out
}

fn encoded_word(word: &str) -> Option<(String, Vec<u8>)> {
    let inner = word.strip_prefix("=?")?.strip_suffix("?=")?;
    let mut parts = inner.splitn(3, '?');
    let charset = parts.next()?.split('*').next()?.to_string();
    let encoding = parts.next()?;
    let text = parts.next()?;
    let bytes = match encoding {
        "B" | "b" => base64::engine::general_purpose::STANDARD.decode(text).ok()?,
        "Q" | "q" => {
            let mut out = Vec::new();
            let raw = text.as_bytes();
            let mut i = 0;
            while i < raw.len() {
                match raw[i] {
                    b'_' => out.push(b' '),
                    b'=' => {
                        let hex = std::str::from_utf8(raw.get(i + 1..i + 3)?).ok()?;
                        out.push(u8::from_str_radix(hex, 16).ok()?);
                        i += 2;
                    }
                    b => out.push(b),
                }
                i += 1;
            }
            out
        }
        _ => return None,
    };
    Some((charset, bytes))
}

fn addresses(file: &str, text: &Catalogue, name: &str, value: &str) -> Result<Vec<Address>, String> {
    let boxes: Mailboxes = value
        .parse()
        .map_err(|_| text.fmt("send.bad_header", &[("file", file), ("header", name), ("value", value)]))?;
    Ok(boxes.into_iter().map(|m| m.email).collect())
}

/// Reads a packaged message: its envelope and the bytes to send.
pub fn read(path: &Path, text: &Catalogue) -> Result<Outgoing, String> {
    let file = path.display().to_string();
    let raw = std::fs::read(path)
        .map_err(|e| text.fmt("send.unreadable", &[("file", &file), ("error", &io_words(&e, text))]))?;
    let bytes = crlf(&raw);
    let (head, body) = split_message(&bytes);
    let head_text = String::from_utf8_lossy(head);
    let fields = headers(&head_text);
    let get = |name: &str| {
        fields
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .collect::<Vec<_>>()
    };
    let from_values = get("From");
    let Some(from_value) = from_values.first() else {
        return Err(text.fmt("send.not_a_message", &[("file", &file)]));
    };
    let from = addresses(&file, text, "From", from_value)?
        .into_iter()
        .next()
        .ok_or_else(|| text.fmt("send.not_a_message", &[("file", &file)]))?;
    let mut recipients: Vec<Address> = Vec::new();
    for name in ["To", "Cc", "Bcc"] {
        for value in get(name) {
            if value.is_empty() {
                continue;
            }
            for a in addresses(&file, text, name, value)? {
                if !recipients.contains(&a) {
                    recipients.push(a);
                }
            }
        }
    }
    if recipients.is_empty() {
        return Err(text.fmt("send.no_recipient", &[("file", &file)]));
    }
    let subject = get("Subject").first().map(|s| decode_header(s)).unwrap_or_default();

    // The data: the header block without Bcc (and its folded lines), then the body.
    let mut data = Vec::with_capacity(bytes.len());
    let mut in_bcc = false;
    for line in head.split_inclusive(|&b| b == b'\n') {
        let folded = line.first().is_some_and(|b| *b == b' ' || *b == b'\t');
        if !folded {
            in_bcc = line.len() >= 4 && line[..4].eq_ignore_ascii_case(b"bcc:");
        }
        if !in_bcc {
            data.extend_from_slice(line);
        }
    }
    data.extend_from_slice(body);
    Ok(Outgoing {
        from,
        recipients,
        subject,
        data,
    })
}

// ---------------------------------------------------------------------------------------------
// Sending
// ---------------------------------------------------------------------------------------------

/// `host:port`, with the security in words for the dry run.
pub fn server(settings: &EmailSettings) -> String {
    format!("{}:{}", settings.smtp_host, settings.port())
}

/// The line `--dry-run` prints for a message.
pub fn describe(file: &str, message: &Outgoing, settings: &EmailSettings, text: &Catalogue) -> String {
    let to: Vec<String> = message.recipients.iter().map(|a| a.to_string()).collect();
    let security = text.get(&format!("send.security.{}", settings.security));
    let server = text.fmt("send.server", &[("server", &server(settings)), ("security", &security)]);
    let key = match settings.smtp_host.is_empty() {
        true => "send.dry_run_no_server",
        false => "send.dry_run",
    };
    text.fmt(
        key,
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

/// Delivers one message; the password comes from the environment variable the settings name.
/// Returns the line to print, or the one-line error.
pub fn deliver(
    file: &str,
    message: &Outgoing,
    settings: &EmailSettings,
    settings_name: &str,
    text: &Catalogue,
) -> Result<String, String> {
    if settings.smtp_host.trim().is_empty() {
        return Err(text.fmt("send.no_host", &[("file", file), ("settings", settings_name)]));
    }
    let credentials = credentials(file, settings, text)?;
    let session = Session {
        file,
        server: server(settings),
        settings,
        text,
    };
    let host = settings.smtp_host.trim();
    let tls = match settings.security.as_str() {
        "none" => None,
        _ => Some(
            TlsParameters::new(host.to_string())
                .map_err(|e| session.fail("send.tls", &[("error", &one_line(&e.to_string()))]))?,
        ),
    };
    let mut conn = session.connect(tls.as_ref())?;
    let result = session.transaction(&mut conn, tls.as_ref(), credentials.as_ref(), message);
    match &result {
        Ok(()) => {
            let _ = conn.quit();
        }
        Err(_) => conn.abort(),
    }
    result?;
    let to: Vec<String> = message.recipients.iter().map(|a| a.to_string()).collect();
    Ok(text.fmt("send.sent", &[("file", file), ("to", &text.list(&to))]))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoded_words_are_decoded() {
        assert_eq!(decode_header("plain subject"), "plain subject");
        assert_eq!(decode_header("=?utf-8?b?5Y+w5biz?="), "台帳");
        // A character split between two words, folded.
        assert_eq!(decode_header("=?utf-8?b?5Y+w5Q==?= =?UTF-8?B?uLM=?="), "台帳");
        assert_eq!(decode_header("=?utf-8?q?a_b=3Dc?= d"), "a b=c d");
        assert_eq!(decode_header("x =?utf-8?b?5Y+w?= y"), "x 台 y");
    }

    #[test]
    fn bare_line_feeds_become_crlf() {
        assert_eq!(crlf(b"a\nb\r\nc\n"), b"a\r\nb\r\nc\r\n");
    }

    #[test]
    fn folded_headers_are_unfolded() {
        let h = headers("To: a@example.com,\r\n b@example.com\r\nSubject: x\r\n");
        assert_eq!(h[0], ("To".to_string(), "a@example.com, b@example.com".to_string()));
        assert_eq!(h[1].1, "x");
    }
}
