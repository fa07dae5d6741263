//! Personal data hidden (SPEC 3): phone numbers and birthdays, in the HTML summaries and in a
//! department's workbook ([`super::Report::part`]); the whole workbook holds them in full.

use crate::values;

/// Whether [`mask_personal`] hides anything in a text of `field`.
pub fn masks(field: &str) -> bool {
    matches!(field, "phone" | "birthday")
}

/// Hides phone numbers (`138****5678`) and birthdays (`**-03-14`) in the text of a cell or a
/// finding of the field `field` (`phone`, `birthday`; any other field's text is kept).
pub fn mask_personal(field: &str, text: &str) -> String {
    match field {
        "phone" => mask_digit_runs(text),
        "birthday" => mask_years(text),
        _ => text.to_string(),
    }
}

fn mask_digit_runs(text: &str) -> String {
    let mut out = String::new();
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        if run.len() >= 7 {
            out.push_str(&values::mask_phone(run));
        } else {
            out.push_str(run);
        }
        run.clear();
    };
    for c in text.chars() {
        if c.is_ascii_digit() {
            run.push(c);
        } else if (c == '-' || c == ' ') && !run.is_empty() {
            // keep grouping inside a number out of the masked output
            continue;
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

fn mask_years(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let is_year = i + 4 < chars.len()
            && chars[i..i + 4].iter().all(char::is_ascii_digit)
            && matches!(chars[i + 4], '-' | '/' | '.' | '年')
            && (i == 0 || !chars[i - 1].is_ascii_digit());
        if is_year {
            out.push_str("**");
            i += 4;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_and_birthdays_are_masked() {
        assert_eq!(
            mask_personal("phone", "電話「138-1234-5678x」無法讀取"),
            "電話「138****5678x」無法讀取"
        );
        assert_eq!(mask_personal("birthday", "生日 1980-03-14 晚於"), "生日 **-03-14 晚於");
        assert_eq!(mask_personal("customer", "138-1234-5678"), "138-1234-5678");
    }
}
