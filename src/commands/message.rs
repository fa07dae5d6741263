//! A packaged message read back for sending (`clerk send`, `clerk run --send`): its envelope
//! (From; To, Cc, Bcc), its subject, and the bytes to send, without any Bcc header; and the Date
//! header stamped with the time of sending.

use std::path::Path;

use base64::Engine;
use lettre::message::Mailboxes;
use lettre::Address;

use crate::base::i18n::Catalogue;
use crate::base::os::io_words;

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

impl Outgoing {
    /// The recipients as written on the terminal and in the record of what was sent.
    pub fn to(&self) -> Vec<String> {
        self.recipients.iter().map(|a| a.to_string()).collect()
    }
}

/// The message's bytes with its Date header saying `now`: the packaged file keeps the as-of
/// day (so that a rerun writes the same bytes), the message sent says when it was sent. A message
/// without a Date header gets one first.
pub fn stamp_date(data: &[u8], now: chrono::DateTime<chrono::FixedOffset>) -> Vec<u8> {
    let date = format!("Date: {}\r\n", now.format("%a, %d %b %Y %H:%M:%S %z"));
    let (head, body) = split_message(data);
    let mut out = Vec::with_capacity(data.len() + date.len());
    let mut stamped = false;
    let mut in_date = false;
    for line in head.split_inclusive(|&b| b == b'\n') {
        let folded = line.first().is_some_and(|b| *b == b' ' || *b == b'\t');
        if !folded {
            in_date = line.len() >= 5 && line[..5].eq_ignore_ascii_case(b"date:");
            if in_date && !stamped {
                out.extend_from_slice(date.as_bytes());
                stamped = true;
            }
        }
        if !in_date {
            out.extend_from_slice(line);
        }
    }
    if !stamped {
        out.splice(0..0, date.bytes());
    }
    out.extend_from_slice(body);
    out
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
    fn the_date_header_is_replaced_by_the_time_of_sending() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-03T08:05:09+08:00").unwrap();
        let message = b"From: a@example.com\r\nDate: Sat, 31 Oct 2026\r\n 12:00:00 +0000\r\nTo: b@example.com\r\n\r\nDate: body\r\n";
        assert_eq!(
            String::from_utf8(stamp_date(message, now)).unwrap(),
            "From: a@example.com\r\nDate: Tue, 03 Nov 2026 08:05:09 +0800\r\nTo: b@example.com\r\n\r\nDate: body\r\n"
        );
        let undated = b"From: a@example.com\r\n\r\nx";
        assert_eq!(
            String::from_utf8(stamp_date(undated, now)).unwrap(),
            "Date: Tue, 03 Nov 2026 08:05:09 +0800\r\nFrom: a@example.com\r\n\r\nx"
        );
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
