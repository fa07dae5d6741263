//! Wording the summaries and the e-mail messages share: the period in words (worked out in
//! [`crate::month`], whose findings name months too), and text from the settings or the registers
//! put on one line (for a subject, a header, an intro).

pub use crate::month::period_words;

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
    use crate::base::i18n::Lang;
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
