//! Footer lines under a register's records (SPEC 1.2): `填表人：王明　審核：李強　日期：2026-12-31`,
//! `製表`, `負責人`, `備註：…`, signature lines, `合計`/`小計` lines. The loader holds such a row
//! back; it is a footer when no record follows it, and a record after all when one does.

use crate::read::{RawCell, SheetRow};

/// Words that label a footer line's cells, in Traditional and Simplified script and in English
/// (compared without case). A cell is a label when it starts with one and the rest is nothing, or
/// begins with a colon, a space, a bracket or a signature line: `填表人：林曉紅`, `審核`, `Date: 3/11`.
const LABELS: &[&str] = &[
    "填表人",
    "填表",
    "填報人",
    "填报人",
    "製表人",
    "製表",
    "制表人",
    "制表",
    "審核人",
    "審核",
    "审核人",
    "审核",
    "覆核",
    "複核",
    "复核",
    "審批",
    "审批",
    "批准人",
    "批准",
    "核准",
    "負責人",
    "负责人",
    "部門負責人",
    "部门负责人",
    "部門經理",
    "部门经理",
    "主管",
    "經辦人",
    "经办人",
    "記錄人",
    "记录人",
    "登記人",
    "登记人",
    "日期",
    "備註",
    "備注",
    "备注",
    "說明",
    "说明",
    "簽名",
    "签名",
    "簽字",
    "签字",
    "簽章",
    "签章",
    "prepared by",
    "checked by",
    "reviewed by",
    "approved by",
    "signature",
    "signed",
    "date",
    "remarks",
    "remark",
    "notes",
    "note",
];

/// A label that needs its colon, the word being common in other text (`注塑機`).
const LABELS_WITH_COLON: &[&str] = &["注", "註"];

/// Words that start a total line, whatever follows them (`合計`, `合計金額（元）`, `Total (CNY)`).
const TOTALS: &[&str] = &[
    "合計",
    "合计",
    "小計",
    "小计",
    "總計",
    "总计",
    "共計",
    "共计",
    "累計",
    "累计",
    "grand total",
    "subtotal",
    "total",
];

/// What a cell of a footer line is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    /// A label with nothing after it (`填表人：`): the next cell may be its value.
    BareLabel,
    /// A label with its value (`審核：馮建業`), or several (`填表人：林曉紅　審核：馮建業`).
    Label,
    /// A total line's first word: what follows on the row is its figures.
    Total,
    /// Anything else.
    Other,
}

/// Whether the row reads as a footer line: its first non-blank cell is a label or a total, and
/// each later one a label, the value of a bare label just before it, a figure or date, or a
/// signature line. Whether it *is* a footer depends on the rows after it (the loader's business).
pub fn looks_like_footer(row: &SheetRow) -> bool {
    let mut cells = row.cells.iter().filter(|c| !c.is_blank());
    let mut before = match cells.next() {
        Some(RawCell::Text(text)) => part(text),
        _ => return false,
    };
    match before {
        Part::Total => return true,
        Part::Other => return false,
        _ => {}
    }
    for cell in cells {
        before = match cell {
            RawCell::Text(text) => match part(text) {
                Part::Other if before == Part::BareLabel || is_signature_line(text) => Part::Label,
                Part::Other => return false,
                found => found,
            },
            RawCell::Number(_) | RawCell::DateTime(_) => Part::Label,
            _ => return false,
        };
    }
    true
}

/// What a text cell is, by its start.
fn part(text: &str) -> Part {
    let text = text.trim_start_matches(is_space);
    if TOTALS.iter().any(|w| starts_with_word(text, w)) {
        return Part::Total;
    }
    for label in LABELS {
        let Some(rest) = strip_word(text, label) else { continue };
        let after = rest.trim_start_matches(is_space);
        // The label stands alone: `日期待定` and `Datex` are no labels.
        if !(rest.is_empty() || after.len() != rest.len() || rest.starts_with(LABEL_ENDS)) {
            continue;
        }
        let value = after.trim_start_matches([':', '：']).trim_matches(is_space);
        return if value.is_empty() { Part::BareLabel } else { Part::Label };
    }
    let with_colon = LABELS_WITH_COLON
        .iter()
        .filter_map(|w| strip_word(text, w))
        .any(|rest| rest.starts_with([':', '：']));
    if with_colon {
        Part::Label
    } else {
        Part::Other
    }
}

/// What may follow a label word in its cell: a colon, a bracket, a signature line.
const LABEL_ENDS: &[char] = &[':', '：', '(', '（', '_', '＿', '/', '／'];

/// The text after `word` when the text starts with it (ASCII letters compared without case).
fn strip_word<'t>(text: &'t str, word: &str) -> Option<&'t str> {
    let head = text.get(..word.len())?;
    head.eq_ignore_ascii_case(word).then(|| &text[word.len()..])
}

/// Whether the text starts with `word`, as a word: an English word is not the start of a longer
/// one (`Totally` is no total).
fn starts_with_word(text: &str, word: &str) -> bool {
    strip_word(text, word).is_some_and(|rest| !rest.starts_with(|c: char| c.is_ascii_alphabetic()))
}

/// A line to sign on: `________`, `＿＿＿`, `--------`.
fn is_signature_line(text: &str) -> bool {
    let text = text.trim_matches(is_space);
    !text.is_empty()
        && text
            .chars()
            .all(|c| matches!(c, '_' | '＿' | '-' | '－' | '—' | '.' | '…'))
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[RawCell]) -> SheetRow {
        SheetRow {
            row: 58,
            cells: cells.to_vec(),
        }
    }

    fn t(text: &str) -> RawCell {
        RawCell::Text(text.into())
    }

    fn texts(cells: &[&str]) -> SheetRow {
        row(&cells
            .iter()
            .map(|c| if c.is_empty() { RawCell::Empty } else { t(c) })
            .collect::<Vec<_>>())
    }

    #[test]
    fn footer_lines_as_offices_write_them() {
        for cells in [
            &["填表人：林曉紅　審核：馮建業　日期：2026年11月3日"][..],
            &["填表人:林晓红 审核:冯建业 日期:2026-11-03"],
            &["", "填表人：", "林曉紅", "", "審核：", "馮建業", "日期：", "2026-11-03"],
            &["填表人：林曉紅", "審核：馮建業", "日期：2026-11-03"],
            &["製表", "", "負責人"],
            &["制表人：", "", "负责人："],
            &["備註：本表每月5日前交營銷部。"],
            &["备注"],
            &["簽名：________"],
            &["签字：", "＿＿＿＿＿＿"],
            &["審核人", "________"],
            &["合計"],
            &["", "小计", "", "3筆"],
            &["合計金額（元）：2,500,000"],
            &["Prepared by: Li Ming", "Approved by: Wang Qiang", "Date: 2026-11-03"],
            &["Total"],
            &["注：一式兩份"],
        ] {
            assert!(looks_like_footer(&texts(cells)), "{cells:?}");
        }
        let total = row(&[RawCell::Empty, t("合計"), RawCell::Empty, RawCell::Number(1_671_000.0)]);
        assert!(looks_like_footer(&total));
        let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 3)
            .unwrap()
            .and_hms_opt(0, 0, 0)
            .unwrap();
        assert!(looks_like_footer(&row(&[t("日期："), RawCell::DateTime(date)])));
    }

    #[test]
    fn records_and_look_alikes_are_no_footer_lines() {
        for cells in [
            &["HT-2026-001", "華東機械廠", "合同"][..],
            &["日期待定", "華東機械廠"],
            &["注塑機配件", "華東機械廠"],
            &["Totally Fine Ltd", "order"],
            &["Datex Co.", "order"],
            &["備註：加急", "HT-2026-001", "華東機械廠"],
            &["填表人：林曉紅", "華東機械廠"],
            &[""],
        ] {
            assert!(!looks_like_footer(&texts(cells)), "{cells:?}");
        }
        assert!(!looks_like_footer(&row(&[RawCell::Number(5.0), t("合計")])));
    }
}
