//! Phone numbers: normalised for finding the same guest twice (`+86 138-1234-5678`,
//! `(021) 6234 5678 轉 801`), and masked for showing (`138****5678`).

use super::text::nfkc;
use crate::read::cell::is_space;
use crate::read::RawCell;

/// Extension markers, lower case, longest first.
const EXTENSION_MARKERS: [&str; 7] = ["extension", "ext", "分機", "分机", "轉", "转", "x"];

/// Normalise a phone number for duplicate detection: keep digits (NFKC first); drop a leading `+86`/`0086`/`86`
/// country code when what remains is an 11-digit mobile starting with 1; accept spaces, dashes, dots, brackets;
/// `ext`/`轉`/`转`/`分機` extensions are dropped. Return None when fewer than 7 or more than 15 digits remain, or
/// when the text holds letters other than an extension marker. Numbers (e.g. 13812345678.0) are accepted.
///
/// Beyond the brief: an explicit `+86`/`0086` before a landline without its trunk zero
/// (`+86 21 6234 5678`) becomes the national form `02162345678`, so that it matches the same
/// line written `(021) 6234 5678`; `分机` and `x` (`555 1234 x12`) also mark extensions, and an
/// extension must hold at least one digit.
pub fn normalize_phone(cell: &RawCell) -> Option<String> {
    match cell {
        RawCell::Text(text) => normalize_phone_text(text),
        RawCell::Number(number) => {
            if !number.is_finite() || *number < 0.0 || number.fract() != 0.0 || *number >= 1e16 {
                return None;
            }
            normalize_phone_text(&format!("{number}"))
        }
        _ => None,
    }
}

fn normalize_phone_text(text: &str) -> Option<String> {
    let normal = nfkc(text).to_lowercase();
    let main = match find_extension(&normal) {
        Some((start, extension)) => {
            let has_digit = extension.chars().any(|c| c.is_ascii_digit());
            let only_number = extension
                .chars()
                .all(|c| c.is_ascii_digit() || is_phone_separator(c) || matches!(c, ':' | '#'));
            if !has_digit || !only_number {
                return None;
            }
            &normal[..start]
        }
        None => normal.as_str(),
    };

    let mut digits = String::new();
    let mut plus = false;
    for c in main.chars() {
        match c {
            '0'..='9' => digits.push(c),
            '+' if digits.is_empty() && !plus => plus = true,
            c if is_phone_separator(c) => {}
            _ => return None,
        }
    }

    let national = if let Some(rest) = digits.strip_prefix("0086") {
        Some(rest)
    } else if plus {
        digits.strip_prefix("86")
    } else {
        None
    };
    let digits = match national {
        Some(rest) if is_mobile(rest) || rest.starts_with('0') => rest.to_string(),
        Some(rest) if (9..=11).contains(&rest.len()) => format!("0{rest}"),
        Some(_) => digits,
        None => match digits.strip_prefix("86") {
            Some(rest) if is_mobile(rest) => rest.to_string(),
            _ => digits,
        },
    };
    (7..=15).contains(&digits.len()).then_some(digits)
}

/// Where the first extension marker starts, and the text after the marker.
fn find_extension(text: &str) -> Option<(usize, &str)> {
    EXTENSION_MARKERS
        .iter()
        .filter_map(|marker| text.find(marker).map(|start| (start, marker.len())))
        .min_by_key(|(start, length)| (*start, usize::MAX - length))
        .map(|(start, length)| (start, &text[start + length..]))
}

fn is_phone_separator(c: char) -> bool {
    is_space(c) || matches!(c, '-' | '.' | '(' | ')' | '‐' | '‑' | '‒' | '–' | '—' | '−')
}

/// An 11-digit mainland mobile number: it starts with 1.
fn is_mobile(digits: &str) -> bool {
    digits.len() == 11 && digits.starts_with('1')
}

/// Mask a phone for HTML: keep the first 3 and last 4 digits of the normalised form, `*` x4 between
/// (`13812345678` → `138****5678`); shorter numbers keep only the last 4 digits with `****` before them.
///
/// "Shorter" means fewer than 11 digits, where showing seven of them would give most of the
/// number away. Anything but digits is ignored, and four digits or fewer are masked whole.
pub fn mask_phone(normalised: &str) -> String {
    let digits: Vec<char> = normalised.chars().filter(|c| c.is_ascii_digit()).collect();
    let count = digits.len();
    let tail: String = digits[count.saturating_sub(4)..].iter().collect();
    if count >= 11 {
        let head: String = digits[..3].iter().collect();
        format!("{head}****{tail}")
    } else if count > 4 {
        format!("****{tail}")
    } else {
        "****".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::ValueError;

    fn text(s: &str) -> RawCell {
        RawCell::Text(s.into())
    }

    fn phone(s: &str) -> Option<String> {
        normalize_phone(&text(s))
    }

    #[test]
    fn phones_normalise() {
        let mobile = Some("13812345678".to_string());
        for form in [
            "13812345678",
            "138-1234-5678",
            "138 1234 5678",
            "138.1234.5678",
            "+86 138-1234-5678",
            "+86 13812345678",
            "+8613812345678",
            "(+86) 138 1234 5678",
            "0086 13812345678",
            "008613812345678",
            "86 13812345678",
            "8613812345678",
            "１３８１２３４５６７８",
            "＋８６　１３８－１２３４－５６７８",
            "138—1234—5678",
            "13812345678 ext 12",
            "13812345678 ext. 12",
            "13812345678 EXT12",
            "13812345678 x12",
            "13812345678轉12",
            "13812345678转12",
            "13812345678 分機 12",
            "13812345678分机12",
        ] {
            assert_eq!(phone(form), mobile, "{form:?}");
        }
        assert_eq!(normalize_phone(&RawCell::Number(13812345678.0)), mobile);
        assert_eq!(phone("(021) 6234 5678"), Some("02162345678".into()));
        assert_eq!(phone("021-62345678"), Some("02162345678".into()));
        assert_eq!(phone("021-6234-5678 轉 801"), Some("02162345678".into()));
        assert_eq!(phone("+86 21 6234 5678"), Some("02162345678".into()));
        assert_eq!(phone("+86 (0)21 6234 5678"), Some("02162345678".into()));
        assert_eq!(phone("0086 21 6234 5678"), Some("02162345678".into()));
        assert_eq!(phone("6234 5678"), Some("62345678".into()));
        assert_eq!(phone("1234567"), Some("1234567".into()));
        assert_eq!(phone("+852 2345 6789"), Some("85223456789".into()));
        // A bare 86 before a landline is left alone: it may be part of the number.
        assert_eq!(phone("862162345678"), Some("862162345678".into()));
    }

    #[test]
    fn phones_rejected() {
        for form in [
            "",
            "   ",
            "123456",
            "1234567890123456",
            "n/a",
            "none",
            "待定",
            "手机 13812345678",
            "tel: 13812345678",
            "fax 021 6234 5678",
            "13812345678 / 13912345678",
            "13812345678, 13912345678",
            "13812345678 ext",
            "13812345678 ext abc",
            "138+12345678",
            "13812345678#",
            "9999999999999999999999",
            "+",
        ] {
            assert_eq!(phone(form), None, "{form:?}");
        }
        assert_eq!(normalize_phone(&RawCell::Number(13812345678.5)), None);
        assert_eq!(normalize_phone(&RawCell::Number(-13812345678.0)), None);
        assert_eq!(normalize_phone(&RawCell::Number(f64::NAN)), None);
        assert_eq!(normalize_phone(&RawCell::Number(1e300)), None);
        assert_eq!(normalize_phone(&RawCell::Number(123.0)), None);
        assert_eq!(normalize_phone(&RawCell::Empty), None);
        assert_eq!(normalize_phone(&RawCell::Bool(true)), None);
        assert_eq!(ValueError::NotAPhone.key(), "not_a_phone");
        assert_eq!(ValueError::NotAPhone.to_string(), "not a phone number");
    }

    #[test]
    fn phones_masked() {
        assert_eq!(mask_phone("13812345678"), "138****5678");
        assert_eq!(mask_phone("02162345678"), "021****5678");
        assert_eq!(mask_phone("862162345678"), "862****5678");
        assert_eq!(mask_phone("62345678"), "****5678");
        assert_eq!(mask_phone("1234567"), "****4567");
        assert_eq!(mask_phone("1234"), "****");
        assert_eq!(mask_phone(""), "****");
        assert_eq!(mask_phone("138-1234-5678"), "138****5678");
        assert_eq!(mask_phone("電話"), "****");
    }
}
