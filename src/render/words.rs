//! Wording the summaries and the e-mail messages share: the period in words, and text from the
//! settings or the registers put on one line (for a subject, a header, an intro).

use crate::base::i18n::{Catalogue, Entry, Lang};

/// Catalogue texts of the period in words: key → [en, zh-Hant, zh-Hans].
pub static TEXTS: &[Entry] = &[
    (
        "period.month",
        ["{month} {year}", "{year}年{month}月", "{year}年{month}月"],
    ),
    (
        "period.quarter",
        ["Q{quarter} {year}", "{year}年第{quarter}季", "{year}年第{quarter}季度"],
    ),
    (
        "period.half1",
        ["first half of {year}", "{year}年上半年", "{year}年上半年"],
    ),
    (
        "period.half2",
        ["second half of {year}", "{year}年下半年", "{year}年下半年"],
    ),
    ("period.year", ["{year}", "{year}年", "{year}年"]),
];

/// The period in words: `October 2026`, `2026年10月`, `Q3 2026`, `2026年下半年`.
pub fn period_words(period: &str, text: &Catalogue) -> String {
    let lang = text.lang;
    let (year, rest) = match period.split_once('-') {
        Some((y, r)) => (y, Some(r)),
        None => (period, None),
    };
    match rest {
        None if year.len() == 4 => text.fmt("period.year", &[("year", year)]),
        Some(q) if q.starts_with('Q') => text.fmt("period.quarter", &[("year", year), ("quarter", &q[1..])]),
        Some("H1") => text.fmt("period.half1", &[("year", year)]),
        Some("H2") => text.fmt("period.half2", &[("year", year)]),
        Some(m) => match (year.parse::<i32>(), m.parse::<u32>()) {
            (Ok(y), Ok(n)) => {
                let month = match (lang, chrono::NaiveDate::from_ymd_opt(y, n, 1)) {
                    (Lang::En, Some(d)) => d.format("%B").to_string(),
                    _ => n.to_string(),
                };
                text.fmt("period.month", &[("year", year), ("month", &month)])
            }
            _ => period.to_string(),
        },
        None => period.to_string(),
    }
}

/// Text for a header: control characters (CR, LF, tabs…) become spaces, runs of spaces one.
pub fn one_line(text: &str) -> String {
    text.split(|c: char| c.is_control() || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::texts::catalogue;

    #[test]
    fn periods_in_words() {
        assert_eq!(period_words("2026-10", &catalogue(Lang::En)), "October 2026");
        assert_eq!(period_words("2026-10", &catalogue(Lang::ZhHant)), "2026年10月");
        assert_eq!(period_words("2026-Q3", &catalogue(Lang::ZhHans)), "2026年第3季度");
        assert_eq!(period_words("2026-H2", &catalogue(Lang::En)), "second half of 2026");
        assert_eq!(period_words("2026", &catalogue(Lang::ZhHant)), "2026年");
    }

    #[test]
    fn header_text_is_one_line() {
        assert_eq!(
            one_line("甲公司\r\nBcc: evil@example.com"),
            "甲公司 Bcc: evil@example.com"
        );
        assert_eq!(one_line("  a\t b \u{7}c "), "a b c");
    }
}
