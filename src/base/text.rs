//! Text keys for forgiving comparison of headers, enum values, names and phrases.
//!
//! Staff type the same header as `合同編號`, `合同编号`, `合同 编号`, `合同编号（必填）` or `Contract_No`.
//! SPEC 1.2 asks that width, case, white space, `_`/`-`, line breaks, a trailing unit in brackets and
//! Traditional vs Simplified script are all ignored. Script conversion uses OpenCC's tables (through
//! `ferrous-opencc`), never a hand-made character list.

use std::borrow::Cow;
use std::sync::OnceLock;

use ferrous_opencc::{config::BuiltinConfig, OpenCC};
use unicode_normalization::UnicodeNormalization;

fn t2s_converter() -> Option<&'static OpenCC> {
    static T2S: OnceLock<Option<OpenCC>> = OnceLock::new();
    T2S.get_or_init(|| OpenCC::from_config(BuiltinConfig::T2s).ok())
        .as_ref()
}

/// Traditional → Simplified script (text without Han characters is returned unchanged, cheaply).
pub fn to_simplified(text: &str) -> String {
    if text.is_ascii() {
        return text.to_string();
    }
    match t2s_converter() {
        Some(cc) => cc.convert(text),
        None => text.to_string(),
    }
}

/// The comparison key of an id (a contract, feedback or guest number): width-folded (NFKC),
/// trimmed and upper case, so `ｈｔ-001 ` = `HT-001`; the digits count (`HT-0001` is another id).
pub fn id_key(id: &str) -> Cow<'_, str> {
    if id.is_ascii() {
        // NFKC leaves ASCII as it is: the usual id (`HT-0064686`) is its own key, no copy made.
        let id = id.trim();
        if !id.bytes().any(|b| b.is_ascii_lowercase()) {
            return Cow::Borrowed(id);
        }
        return Cow::Owned(id.to_ascii_uppercase());
    }
    Cow::Owned(id.nfkc().collect::<String>().trim().to_uppercase())
}

/// Of places given as (their key's hash, the place), the places of each key given more than once:
/// each group in place order, the groups in the order of their hashes; `same` tells whether two
/// places hold one key (two keys of one hash are told apart). 16 bytes a place, sorted where they
/// are: a map of every key took several times that (BENCHMARKS.md, fifteenth and sixteenth
/// sittings). For the repeated ids of RG03 and of the fingerprints.
pub fn repeated_keys(mut hashes: Vec<(u64, u32)>, same: impl Fn(u32, u32) -> bool) -> Vec<Vec<u32>> {
    hashes.sort_unstable();
    let mut groups = Vec::new();
    for same_hash in hashes.chunk_by(|a, b| a.0 == b.0).filter(|run| run.len() > 1) {
        let mut places: Vec<u32> = same_hash.iter().map(|&(_, place)| place).collect();
        while let Some((&first, rest)) = places.split_first() {
            let (one, other): (Vec<u32>, Vec<u32>) = rest.iter().partition(|&&p| same(first, p));
            if !one.is_empty() {
                groups.push(std::iter::once(first).chain(one).collect());
            }
            places = other;
        }
    }
    groups
}

/// The comparison key of a value: NFKC, lower case, Simplified script, without white space,
/// line breaks, `_` and `-`.
pub fn key(text: &str) -> String {
    let folded: String = text
        .nfkc()
        .flat_map(char::to_lowercase)
        .filter(|c| !c.is_whitespace() && *c != '_' && *c != '-' && *c != '\u{200b}')
        .collect();
    to_simplified(&folded)
}

/// A header cell split into its comparison key and the unit written in trailing brackets
/// (`金額（萬元）` → key `金额`, unit `万元`). Required-column markers (`*`, `●`) and a trailing
/// colon are dropped too.
pub fn header_key(text: &str) -> (String, Option<String>) {
    let normal: String = text.nfkc().collect();
    let mut body = normal.trim().to_string();
    let mut unit = None;
    // A trailing bracketed part: (…), […], 【…】 (NFKC already turned full-width brackets to ASCII).
    for (open, close) in [('(', ')'), ('[', ']'), ('【', '】')] {
        let trimmed = body.trim_end();
        if trimmed.ends_with(close) {
            if let Some(start) = trimmed.rfind(open) {
                if start > 0 {
                    let inner = &trimmed[start + open.len_utf8()..trimmed.len() - close.len_utf8()];
                    unit = Some(key(inner));
                    body = trimmed[..start].to_string();
                    break;
                }
            }
        }
    }
    let body = body.trim_matches(|c: char| c == '*' || c == '●' || c == ':' || c.is_whitespace());
    (key(body), unit)
}

/// The key of a phrase for containment matching: [`key`] and, in addition, no punctuation or symbols,
/// so that `喂，干什么` matches `喂干什麼？`.
pub fn phrase_key(text: &str) -> String {
    key(text).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// `25:01` for 25 hours and 1 minute.
pub fn hours_text(hours: f64) -> String {
    let minutes = (hours * 60.0).round() as i64;
    format!("{}:{:02}", minutes / 60, minutes % 60)
}

/// An amount as staff write it: thousands separators, two decimals (`120,000.00`).
pub fn money_text(amount: rust_decimal::Decimal) -> String {
    let rounded = amount.round_dp(2);
    let negative = rounded.is_sign_negative() && !rounded.is_zero();
    let plain = format!("{:.2}", rounded.abs());
    let (whole, cents) = plain.split_once('.').unwrap_or((&plain, "00"));
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{}{grouped}.{cents}", if negative { "-" } else { "" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_fold_width_case_and_outer_space() {
        assert_eq!(id_key(" ｈｔ-001 "), "HT-001");
        assert_eq!(id_key("\tht-2026-001 "), "HT-2026-001");
        assert_ne!(id_key("HT-001"), id_key("HT-0001"));
        assert_ne!(id_key("HT 001"), id_key("HT-001"));
        // An id already in its key's form is its own key (no copy); any other is folded.
        assert!(matches!(id_key(" HT-001\t"), Cow::Borrowed("HT-001")));
        assert_eq!(id_key("Ht-001"), "HT-001");
        assert_eq!(id_key("G-00ａ1"), "G-00A1");
    }

    #[test]
    fn keys_ignore_width_case_space_script() {
        assert_eq!(key("合同編號"), key("合同编号"));
        assert_eq!(key(" Contract_No "), key("contract-no"));
        assert_eq!(key("ＡＢＣ"), "abc");
        assert_eq!(key("接收\n日期"), key("接收日期"));
    }

    #[test]
    fn header_units_are_split_off() {
        assert_eq!(header_key("金額（萬元）"), (key("金额"), Some(key("万元"))));
        assert_eq!(header_key("Amount (CNY)"), ("amount".to_string(), Some("cny".into())));
        assert_eq!(header_key("*客戶名稱:"), (key("客户名称"), None));
        assert_eq!(header_key("(備註)").1, None);
    }

    #[test]
    fn phrases_ignore_punctuation() {
        assert_eq!(phrase_key("喂，干什麼？"), phrase_key("喂,干什么"));
    }

    #[test]
    fn money_is_grouped() {
        assert_eq!(money_text(rust_decimal::Decimal::new(12_000_050, 2)), "120,000.50");
        assert_eq!(money_text(rust_decimal::Decimal::from(999)), "999.00");
        assert_eq!(money_text(rust_decimal::Decimal::from(-1_234_567)), "-1,234,567.00");
        assert_eq!(money_text(rust_decimal::Decimal::ZERO), "0.00");
    }
}
