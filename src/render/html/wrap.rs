//! Long words that a phone cannot fit on a line: a file path, a record number or an e-mail address
//! of thirty characters without a space pushes a summary wider than the screen. CSS that lets a
//! browser break such words (`overflow-wrap`, `word-break`) is dropped by Gmail, Outlook and Yahoo
//! (caniemail), and so is `<wbr>` in Gmail's and Outlook's apps; a zero-width space is plain text
//! that every client keeps. So the template's `breakable` filter puts one into each run of more
//! than [`RUN`] characters without a break: after a separator (`/ \ _ . @ - : ; , = & ?`) where
//! there is one, else every [`RUN`] characters. Shorter words — ids like `HT-2026-031`, dates,
//! amounts — stay exactly as typed, so they can be copied and searched for; a copied long word
//! carries the invisible spaces.

use std::collections::HashMap;

/// The longest run of characters left without a break.
const RUN: usize = 20;

const SPACE: char = '\u{200B}';

/// Chinese, Japanese and Korean characters: a browser may break a line between any two of them.
fn breaks_around(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

fn separator(c: char) -> bool {
    "/\\_.@-:;,=&?|".contains(c)
}

/// `text` with a zero-width space in each run of more than [`RUN`] characters without a break.
pub(super) fn breakable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word: Vec<char> = Vec::new();
    for c in text.chars() {
        if c.is_whitespace() || breaks_around(c) || c == SPACE {
            flush(&mut word, &mut out);
            out.push(c);
        } else {
            word.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// Writes a word, with breaks when it is longer than [`RUN`].
fn flush(word: &mut Vec<char>, out: &mut String) {
    if word.len() <= RUN {
        out.extend(word.drain(..));
        return;
    }
    let mut run = 0;
    let last = word.len() - 1;
    for (i, &c) in word.iter().enumerate() {
        out.push(c);
        run += 1;
        if i < last && (separator(c) || run >= RUN) {
            out.push(SPACE);
            run = 0;
        }
    }
    word.clear();
}

/// The tera filter: `{{ value | breakable }}` (escaped by the template's autoescaping after).
pub(super) fn filter(value: &tera::Value, _: &HashMap<String, tera::Value>) -> tera::Result<tera::Value> {
    match value {
        tera::Value::String(s) => Ok(tera::Value::String(breakable(s))),
        other => Ok(other.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_words_and_chinese_text_stay_as_typed() {
        for text in [
            "HT-2026-031",
            "銷售公司/合同評審台帳2026.xlsx › 2026年10月 › A31",
            "number DH-2026-1012 is used more than once",
            "2026-10-15",
        ] {
            assert_eq!(breakable(text), text);
        }
    }

    #[test]
    fn long_words_get_a_break_after_separators_or_every_twenty_characters() {
        assert_eq!(
            breakable("registers/northern-region/contracts_2026.xlsx x"),
            "registers/\u{200B}northern-\u{200B}region/\u{200B}contracts_\u{200B}2026.\u{200B}xlsx x"
        );
        let long = "A".repeat(45);
        let broken = breakable(&long);
        assert_eq!(broken.replace(SPACE, ""), long);
        assert!(broken.split(SPACE).all(|part| part.chars().count() <= RUN));
        assert_eq!(broken.matches(SPACE).count(), 2);
    }
}
