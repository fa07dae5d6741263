//! The month's e-mail (SPEC 3, 4): `clerk run --email` packages each audience's summary as a
//! ready message (`.eml`), which `clerk send` delivers (`commands/send.rs`).
//!
//! A message is `multipart/mixed`: a `multipart/alternative` of the plain-text and the HTML
//! summary, then the workbook attached under its ASCII name (`clerk-2026-10.xlsx`; Outlook mangles
//! RFC 2231 file names). Which workbook is `[email] attach`'s (SPEC 3): by default the manager's
//! message carries the whole workbook and a department's a workbook of its own part only
//! (`clerk-2026-10-sales.xlsx`, made from `Report::part` for the message and written nowhere
//! else); `full` attaches the whole workbook to every message, `none` none (the message is then
//! its `multipart/alternative` alone). The annotated copies of the registers are never attached.
//! Everything that could differ between two runs is fixed: the Date header is noon UTC of the
//! as-of date (`clerk send` stamps the time of sending on the message it delivers), the
//! Message-ID and MIME boundaries are made from a hash of the
//! content, so a rerun on the same inputs writes the same bytes. Header text from the settings or
//! the registers (company, department names) is put on one line before lettre encodes it, so no
//! header can be injected.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use sha2::{Digest, Sha256};

use crate::render::html::{Audience, Enclosure, Routing, Summary};
use crate::render::words::{one_line, period_words};
use crate::report::Report;
use crate::settings::{Attach, EmailSettings};

/// Catalogue texts of the e-mail: key → [en, zh-Hant, zh-Hans].
pub static TEXTS: &[crate::base::i18n::Entry] = &[
    (
        "email.subject.title",
        [
            "{company}: {title}, {period}",
            "{company} {title}（{period}）",
            "{company} {title}（{period}）",
        ],
    ),
    (
        "email.subject.title_department",
        [
            "{company}: {title}, {period} ({department})",
            "{company} {title}（{period}，{department}）",
            "{company} {title}（{period}，{department}）",
        ],
    ),
    (
        "email.no_recipients",
        [
            "No message for {audience}: no recipients in email.recipients.{id}",
            "{audience}沒有收件人（email.recipients.{id}），未產生郵件",
            "{audience}没有收件人（email.recipients.{id}），未生成邮件",
        ],
    ),
    (
        "email.no_page",
        [
            "No message for {audience} (email.recipients.{id}): no rules are routed to it in [departments]",
            "{audience}（email.recipients.{id}）未產生郵件：[departments] 中沒有分派給該部門的規則",
            "{audience}（email.recipients.{id}）未生成邮件：[departments] 中没有分派给该部门的规则",
        ],
    ),
    (
        "email.no_from",
        [
            "--email: the sender is not set; put email.from in the settings ({settings})",
            "--email：未設定寄件人，請在設定檔（{settings}）中填寫 email.from",
            "--email：未设置发件人，请在配置文件（{settings}）中填写 email.from",
        ],
    ),
];

/// The MIME type of the workbook attachment.
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// `clerk-2026-10.eml`, `clerk-2026-10-sales.eml`.
pub fn file_name(report: &Report, audience: &Audience) -> String {
    format!("{}{}.eml", report.stem(), audience.suffix())
}

fn mailbox(key: &str, address: &str) -> Result<Mailbox, String> {
    one_line(address)
        .parse::<Mailbox>()
        .map_err(|_| format!("{key}: `{address}` is not an e-mail address"))
}

/// The subject: company, the report's title (monthly, quarterly…), period in words, and the
/// department for a department's message.
pub fn subject(report: &Report, audience: &Audience) -> String {
    let text = report.text();
    let period = period_words(&report.period, &report.text());
    let company = one_line(&report.company);
    let title = report.title.as_str();
    match audience {
        Audience::Manager => text.fmt(
            "email.subject.title",
            &[("company", &company), ("title", title), ("period", &period)],
        ),
        Audience::Department(_) => text.fmt(
            "email.subject.title_department",
            &[
                ("company", &company),
                ("title", title),
                ("period", &period),
                ("department", &one_line(&audience.label(&text))),
            ],
        ),
    }
}

/// A workbook attached to a message: its file name and bytes.
pub struct Attached<'a> {
    pub name: &'a str,
    pub bytes: &'a [u8],
}

/// Builds one audience's message: text and HTML alternatives, the workbook attached if any.
/// `to` must not be empty.
pub fn build(
    report: &Report,
    settings: &EmailSettings,
    summary: &Summary,
    to: &[String],
    workbook: Option<Attached>,
) -> Result<Vec<u8>, String> {
    let (workbook_name, workbook) = workbook.map_or(("", &[][..]), |w| (w.name, w.bytes));
    let from = mailbox("email.from", &settings.from)?;
    let key = format!("email.recipients.{}", summary.audience.id());
    let to: Vec<Mailbox> = to.iter().map(|a| mailbox(&key, a)).collect::<Result<_, _>>()?;
    let cc: Vec<Mailbox> = settings
        .cc
        .iter()
        .map(|a| mailbox("email.cc", a))
        .collect::<Result<_, _>>()?;
    let subject = subject(report, &summary.audience);

    // Everything the message says, hashed: the Message-ID and the boundaries come from it.
    let mut hash = Sha256::new();
    for part in [
        report.period.as_bytes(),
        summary.audience.id().as_bytes(),
        subject.as_bytes(),
        from.to_string().as_bytes(),
        summary.text.as_bytes(),
        summary.html.as_bytes(),
        workbook_name.as_bytes(),
        workbook,
    ] {
        hash.update((part.len() as u64).to_le_bytes());
        hash.update(part);
    }
    for m in to.iter().chain(&cc) {
        hash.update(m.to_string().as_bytes());
        hash.update([0]);
    }
    let digest: String = hash.finalize().iter().map(|b| format!("{b:02x}")).collect();
    let id = &digest[..32];
    let domain = match from.email.domain() {
        d if d.is_ascii() => d.to_string(),
        _ => "clerk.invalid".to_string(),
    };

    let noon = report
        .as_of
        .and_hms_opt(12, 0, 0)
        .map(|t| t.and_utc().timestamp())
        .unwrap_or(0);
    let date = SystemTime::UNIX_EPOCH + Duration::from_secs(noon.max(0) as u64);

    let mut builder = lettre::Message::builder()
        .from(from)
        .subject(subject)
        .date(date)
        .message_id(Some(format!("<clerk.{}.{id}@{domain}>", report.period)));
    for m in to {
        builder = builder.to(m);
    }
    for m in cc {
        builder = builder.cc(m);
    }
    let alternative = MultiPart::alternative()
        .boundary(format!("clerk-alt-{id}"))
        .singlepart(SinglePart::plain(summary.text.clone()))
        .singlepart(SinglePart::html(summary.html.clone()));
    let body = match workbook_name {
        "" => alternative,
        _ => MultiPart::mixed()
            .boundary(format!("clerk-mixed-{id}"))
            .multipart(alternative)
            .singlepart(Attachment::new(workbook_name.to_string()).body(
                workbook.to_vec(),
                ContentType::parse(XLSX).map_err(|e| format!("{XLSX}: {e}"))?,
            )),
    };
    let message = builder.multipart(body).map_err(|e| format!("e-mail: {e}"))?;
    Ok(message.formatted())
}

/// What `run --email` did for one audience.
pub enum Packaged {
    Written(PathBuf),
    /// One line saying why no message was written.
    Skipped(String),
}

/// Writes one `.eml` per audience that has recipients into `dir`; says so for those that have
/// none. Settings naming an audience without a page get a line too. `workbook`: the whole
/// workbook written; a department's part is made here, for its message only, when one is sent.
pub fn write_all(
    report: &Report,
    settings: &EmailSettings,
    routing: &Routing,
    summaries: &[Summary],
    workbook: &Path,
    dir: &Path,
) -> Result<Vec<Packaged>, String> {
    let text = report.text();
    let whole = match settings.attach {
        Attach::None => Vec::new(),
        _ => std::fs::read(workbook).map_err(|e| format!("{}: {e}", workbook.display()))?,
    };
    let mut out = Vec::new();
    for summary in summaries {
        let to = settings
            .recipients
            .get(summary.audience.id())
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        if to.is_empty() {
            out.push(Packaged::Skipped(text.fmt(
                "email.no_recipients",
                &[
                    ("audience", &summary.audience.label(&text)),
                    ("id", summary.audience.id()),
                ],
            )));
            continue;
        }
        let audience = &summary.audience;
        let enclosure = Enclosure::of(Some(settings.attach), audience);
        let name = enclosure.workbook_name(report, audience);
        let part = match (enclosure, audience) {
            (Enclosure::Part, Audience::Department(d)) => {
                crate::render::xlsx::render(&routing.part(report, d)).map_err(|e| format!("{name}: {e}"))?
            }
            _ => Vec::new(),
        };
        let attached = match enclosure {
            Enclosure::Whole => Some(Attached {
                name: &name,
                bytes: &whole,
            }),
            Enclosure::Part => Some(Attached {
                name: &name,
                bytes: &part,
            }),
            Enclosure::Nothing => None,
        };
        let eml = build(report, settings, summary, to, attached)?;
        let path = dir.join(file_name(report, &summary.audience));
        crate::render::write_atomically(&path, &eml)?;
        out.push(Packaged::Written(path));
    }
    for (id, to) in &settings.recipients {
        let has_page = summaries.iter().any(|s| s.audience.id() == id);
        if !has_page && !to.is_empty() {
            let audience = Audience::Department(id.clone());
            out.push(Packaged::Skipped(
                text.fmt("email.no_page", &[("audience", &audience.label(&text)), ("id", id)]),
            ));
        }
    }
    Ok(out)
}
