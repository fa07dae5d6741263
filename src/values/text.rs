//! Text as people type it, made plain before it is read: its normal form and spaces, and the
//! digits of a number written plainly or grouped in threes (shared by amounts and counts).

use unicode_normalization::UnicodeNormalization;

use crate::read::cell::{is_space, trim_spaces};

/// NFKC (full-width to half-width and the like), trimmed.
pub(super) fn nfkc(text: &str) -> String {
    // ASCII is its own NFKC form: most dates, amounts and numbers need no work.
    if text.is_ascii() {
        return trim_spaces(text).to_string();
    }
    let normal: String = text.nfkc().collect();
    trim_spaces(&normal).to_string()
}

/// Every run of white space becomes one ASCII space; the ends are trimmed.
pub(super) fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(is_space).filter(|word| !word.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// `12`, `2664.00`: ASCII digits with at most one inner point, as exports write amounts and
/// counts (no sign, grouping, currency or unit), short enough for any number type here.
pub(super) fn is_plain_number(text: &str) -> bool {
    let b = text.as_bytes();
    let mut points = 0;
    (1..=20).contains(&b.len())
        && b.iter().all(|&c| match c {
            b'0'..=b'9' => true,
            b'.' => {
                points += 1;
                points == 1
            }
            _ => false,
        })
        && b[0] != b'.'
        && b[b.len() - 1] != b'.'
}

/// Splits `1,200,000.50` (or `1 200 000.50`) into its whole digits `1200000` and fraction
/// digits `50`. None unless separators group the whole part in threes and everything else is
/// ASCII digits (the text is NFKC-normalised and its spaces collapsed already).
pub(super) fn split_grouped_number(text: &str) -> Option<(String, String)> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if text.ends_with('.') || !fraction.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let groups: Vec<&str> = whole.split([',', ' ']).collect();
    let all_digits = |group: &&str| group.chars().all(|c| c.is_ascii_digit());
    if !groups.iter().all(all_digits) {
        return None;
    }
    if let Some((head, tail)) = groups.split_first() {
        if !tail.is_empty() && (head.is_empty() || head.len() > 3 || tail.iter().any(|g| g.len() != 3)) {
            return None;
        }
    }
    let whole = groups.concat();
    if whole.is_empty() && fraction.is_empty() {
        return None;
    }
    let whole = if whole.is_empty() { "0".to_string() } else { whole };
    Some((whole, fraction.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_numbers_are_told_from_others() {
        for plain in ["0", "12", "2664.00", "007.5"] {
            assert!(is_plain_number(plain), "{plain}");
        }
        for other in ["", ".5", "5.", "1.2.3", "-5", "1,200", "１２", "123456789012345678901"] {
            assert!(!is_plain_number(other), "{other}");
        }
    }
}
