//! CP04 forbidden service phrase.

use crate::base::i18n::Entry;
use crate::base::message::{Arg, Join, Message};
use crate::base::phrases::{Found, PhraseList};
use crate::base::text::{header_key, key};
use crate::registers::{feedback, Kind, Location, Record};
use crate::rules::finding::{Finding, Severity};
use crate::rules::{Context, Reads, Rule};

/// **CP04 forbidden service phrase.** Staff must never use the forbidden service phrases of
/// Part 3 (服務忌語, items 1–28; the list is the setting `complaints.forbidden_phrases`).
///
/// Checks the `reply` and `action` of every covered feedback row and, where the sheet has one, a
/// notes column (備註/notes: the feedback register has no notes column of its own, so an extra
/// column of that name is read). The customer's own words (`content`) are not checked. Matching
/// ignores Traditional/Simplified script, full/half width, spaces and punctuation, and looks for
/// whole phrases only. One finding per cell, at that cell, quoting the phrase as written.
pub struct Cp04;

impl Rule for Cp04 {
    fn id(&self) -> &'static str {
        "CP04"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn clause(&self) -> &'static str {
        "Part 3 服務忌語"
    }
    fn settings(&self) -> &'static [&'static str] {
        &["complaints.forbidden_phrases"]
    }
    fn registers(&self) -> &'static [Kind] {
        &[Kind::Feedback]
    }
    fn reads(&self) -> &'static [Reads] {
        const READS: &[Reads] = &[Reads::read(feedback::ACTION), Reads::read(feedback::REPLY)];
        READS
    }
    fn texts(&self) -> &'static [Entry] {
        TEXTS
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let forbidden = PhraseList::new(&ctx.settings.complaints.forbidden_phrases);
        if forbidden.is_empty() {
            return;
        }
        let notes = notes_columns(ctx);
        for (_, record) in ctx.month.covered(Kind::Feedback) {
            for field in [feedback::REPLY, feedback::ACTION] {
                let Some(text) = record.text(field) else { continue };
                let found = forbidden.find(text);
                if !found.is_empty() {
                    let message = Message::of(
                        "msg.CP04",
                        [("field", ctx.field_label(field)), ("phrase", quote(&found))],
                    );
                    out.push(ctx.finding(self, record, field, message));
                }
            }
            self.check_notes(ctx, &forbidden, &notes[record.source as usize], record, out);
        }
    }
}

impl Cp04 {
    /// The sheet's notes columns of a record: one finding per cell holding a forbidden phrase.
    fn check_notes(
        &self,
        ctx: &Context,
        forbidden: &PhraseList,
        notes: &[(u32, &str)],
        record: &Record,
        out: &mut Vec<Finding>,
    ) {
        let source = ctx.registers.source_of(record);
        for (col, text) in &record.extras {
            let Some((_, header)) = notes.iter().find(|(c, _)| c == col) else {
                continue;
            };
            let found = forbidden.find(text);
            if found.is_empty() {
                continue;
            }
            let message = Message::of(
                "msg.CP04",
                [("field", Arg::from(header.trim())), ("phrase", quote(&found))],
            );
            out.push(Finding {
                rule: self.id(),
                severity: self.severity(),
                register: Kind::Feedback,
                record: record.label(),
                location: Location {
                    column: Some(*col),
                    ..source.row_location(record.row)
                },
                field: "notes".to_string(),
                message,
                clause: self.clause(),
                since: None,
            });
        }
    }
}

/// The phrases found, as written, joined.
fn quote(found: &[Found]) -> Arg {
    let written = found.iter().map(|f| Arg::from(f.written.as_str()));
    Arg::list(Join::Key("msg.CP04.sep".into()), written)
}

/// Headers of extra columns that hold notes (備註), checked like `reply` and `action`.
const NOTES_HEADERS: &[&str] = &["備註", "附註", "notes", "note", "remarks", "remark"];

fn is_notes_header(header: &str) -> bool {
    let (header, _) = header_key(header);
    NOTES_HEADERS.iter().any(|h| key(h) == header)
}

/// The notes columns of each sheet (by source), found once: (column, header).
fn notes_columns<'a>(ctx: &Context<'a>) -> Vec<Vec<(u32, &'a str)>> {
    ctx.registers
        .sources
        .iter()
        .map(|source| {
            source
                .extra_headers
                .iter()
                .filter(|(_, header)| source.kind == Kind::Feedback && is_notes_header(header))
                .map(|(col, header)| (*col, header.trim()))
                .collect()
        })
        .collect()
}

/// The rule's title, explanation and messages: key → [en, zh-Hant, zh-Hans].
#[rustfmt::skip]
static TEXTS: &[Entry] = &[
    ("rule.CP04.title", ["Forbidden service phrase", "服務忌語", "服务忌语"]),
    ("rule.CP04.explain", [
        "Staff must never use the forbidden service phrases of Part 3 (服務忌語, items 1–28; the list is the setting complaints.forbidden_phrases). The reply, the action taken and a notes column (備註) of every feedback row are checked; the customer's own words are not. Matching ignores Traditional or Simplified script, full or half width, spaces and punctuation, and looks for whole phrases only, so courtesy phrases and ordinary words that share a character with a phrase are not reported. The finding is at the cell and quotes the phrase.",
        "員工不得使用第三篇所列的服務忌語（第 1–28 條；清單為設定 complaints.forbidden_phrases）。檢查每行反饋的回復內容、處理措施和備註欄，顧客本人的話不檢查。比對時不分繁簡、全形半形，忽略空格和標點，只找整句忌語，因此文明用語和只含忌語中某個字的普通詞語不會報告。問題標在該儲存格，並引用所用的忌語。",
        "员工不得使用第三篇所列的服务忌语（第 1–28 条；清单为设置项 complaints.forbidden_phrases）。检查每行反馈的回复内容、处理措施和备注列，顾客本人的话不检查。比对时不分繁简、全角半角，忽略空格和标点，只找整句忌语，因此文明用语和只含忌语中某个字的普通词语不会报告。问题标在该单元格，并引用所用的忌语。",
    ]),
    ("msg.CP04", [
        "{field} uses the forbidden service phrase “{phrase}”: rewrite it in courteous words (文明用語).",
        "「{field}」使用了服務忌語「{phrase}」，請改用文明用語。",
        "「{field}」使用了服务忌语「{phrase}」，请改用文明用语。",
    ]),
    ("msg.CP04.sep", ["”, “", "」、「", "」、「"]),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::feedback::testing::*;

    #[test]
    fn cp04_checks_reply_action_and_notes_and_quotes_the_phrase() {
        let found = check(
            &Cp04,
            &[
                &[("id", "A"), ("received_date", "2026-10-05"), ("reply", "喂，幹什麼？")],
                &[
                    ("id", "B"),
                    ("received_date", "2026-10-05"),
                    ("action", "答復:不关我的事"),
                ],
                &[
                    ("id", "C"),
                    ("received_date", "2026-10-05"),
                    ("notes", "他說:你這人真啰嗦。"),
                ],
                &[
                    ("id", "D"),
                    ("received_date", "2026-10-05"),
                    ("reply", "您好，請稍等一下，我們馬上處理。"),
                ],
            ],
        );
        assert_eq!(
            spots(&found),
            [
                spot("A", "N2", Severity::Error),
                spot("B", "G3", Severity::Error),
                spot("C", "S4", Severity::Error),
            ]
        );
        assert!(
            found[0].message.as_str().contains("“喂，幹什麼”"),
            "{}",
            found[0].message.as_str()
        );
        assert!(
            found[1].message.as_str().contains("“不关我的事”"),
            "{}",
            found[1].message.as_str()
        );
        assert_eq!(found[2].field, "notes");
        assert!(
            found[2].message.as_str().starts_with("備註"),
            "{}",
            found[2].message.as_str()
        );
    }

    #[test]
    fn cp04_uses_the_configured_list() {
        let mut settings = Settings::default();
        settings.complaints.forbidden_phrases = vec!["沒空".into()];
        let regs = registers(&[&[("id", "A"), ("received_date", "2026-10-05"), ("reply", "没空,煩不煩")]]);
        let found = check_with(&Cp04, &regs, &settings, "2026-10");
        assert_eq!(found.len(), 1);
        assert!(found[0].message.as_str().contains("没空") && !found[0].message.as_str().contains("煩不煩"));
        settings.complaints.forbidden_phrases.clear();
        assert!(check_with(&Cp04, &regs, &settings, "2026-10").is_empty());
    }
}
