//! Settings errors in the user's words (SPEC 5): the key as it is written in clerk.toml, what it
//! should hold in plain words with an example, and what it holds, in the language of the
//! messages (`--lang`, else the settings file's own `language`, else English).

mod common;

use common::*;

/// `clerk check inbox` with `toml` as the inbox's clerk.toml (and `args` after): the one line on
/// stderr. Settings that cannot be read end the command with status 2 and nothing on stdout.
fn settings_error(toml: &str, args: &[&str]) -> String {
    let dir = tempdir();
    let inbox = dir.path().join("inbox");
    std::fs::create_dir_all(&inbox).unwrap();
    std::fs::write(inbox.join("clerk.toml"), toml).unwrap();
    let mut all = vec!["check", "inbox"];
    all.extend(args);
    let ran = run_in(dir.path(), &all);
    assert_eq!(ran.status, 2, "{toml}: {}", ran.stderr);
    assert_eq!(ran.stdout, "", "{toml}");
    assert_eq!(ran.stderr.lines().count(), 1, "{toml}: {}", ran.stderr);
    ran.stderr.trim_end().to_string()
}

const LANGUAGES: [(&str, &str); 3] = [("en", "line {n}"), ("zh-Hant", "第 {n} 行"), ("zh-Hans", "第 {n} 行")];

/// The four examples of the issue, each in the three languages: chosen by the file's own
/// `language` and by `--lang`.
fn examples(lang: &str) -> [(String, [&'static str; 3]); 4] {
    let top = format!("language = \"{lang}\"\n");
    [
        (
            format!("{top}[feedback]\nreview_days = \"seven\"\n"),
            [
                "[feedback] review_days should be a whole number of days, 0 or more (e.g. review_days = 7), but is \"seven\"",
                "[feedback] review_days 應為不小於 0 的整數天數（例如「review_days = 7」），目前填的是「seven」",
                "[feedback] review_days 应为不小于 0 的整数天数（例如「review_days = 7」），目前填的是「seven」",
            ],
        ),
        (
            format!("{top}[contracts]\nlarge_amount = -5\n"),
            [
                "[contracts] large_amount should be a whole amount of money, 0 or more (e.g. large_amount = 1000000), but is -5",
                "[contracts] large_amount 應為不小於 0 的整數金額（例如「large_amount = 1000000」），目前填的是「-5」",
                "[contracts] large_amount 应为不小于 0 的整数金额（例如「large_amount = 1000000」），目前填的是「-5」",
            ],
        ),
        (
            format!("{top}[departments]\nsales = [\"CR\", \"XX\"]\n"),
            [
                "[departments] sales: \"XX\" names no rule; write a rule id such as RG01, or the first letters of a group of rules: RG, CR, FB, CP, GH, RC",
                "[departments] sales：「XX」不是任何規則；請寫規則編號（如 RG01），或一組規則的開頭字母：RG、CR、FB、CP、GH、RC",
                "[departments] sales：「XX」不是任何规则；请写规则编号（如 RG01），或一组规则的开头字母：RG、CR、FB、CP、GH、RC",
            ],
        ),
        (
            // The language of the file cannot be read here: --lang, else English.
            "company = \"甲\"\nlanguage = \"fr\"\n".to_string(),
            [
                "language should be one of \"en\", \"zh-Hant\", \"zh-Hans\" (e.g. language = \"zh-Hant\"), but is \"fr\"",
                "language 應為「en」、「zh-Hant」、「zh-Hans」其中之一（例如「language = \"zh-Hant\"」），目前填的是「fr」",
                "language 应为「en」、「zh-Hant」、「zh-Hans」其中之一（例如「language = \"zh-Hant\"」），目前填的是「fr」",
            ],
        ),
    ]
}

#[test]
fn a_wrong_value_is_named_with_what_it_should_be_in_three_languages() {
    for (i, (lang, line_word)) in LANGUAGES.iter().enumerate() {
        for (n, (toml, expected)) in examples(lang).iter().enumerate() {
            let line = toml.lines().count();
            let by_flag = settings_error(toml, &["--lang", lang]);
            assert!(by_flag.starts_with("clerk: "), "{by_flag}");
            assert!(
                by_flag.contains(&line_word.replace("{n}", &line.to_string())),
                "{by_flag}"
            );
            assert!(by_flag.ends_with(expected[i]), "{lang}:\n{by_flag}\n{}", expected[i]);
            if n < 3 {
                let by_file = settings_error(toml, &[]);
                assert_eq!(by_file, by_flag, "the file's own language");
            }
        }
    }
    // Without --lang, a language the file does not name readably is English.
    let (toml, expected) = &examples("en")[3];
    assert!(settings_error(toml, &[]).ends_with(expected[0]));
    // --lang wins over the file's language.
    let (toml, expected) = &examples("zh-Hant")[0];
    assert!(settings_error(toml, &["--lang", "en"]).ends_with(expected[0]));
}

#[test]
fn every_key_with_a_choice_lists_what_it_may_be() {
    for (toml, expected) in [
        ("date_order = \"ddmmyy\"\n", "\"ymd\", \"dmy\", \"mdy\""),
        ("[email]\nsecurity = \"ssl\"\n", "\"starttls\", \"tls\", \"none\""),
        (
            "[contracts.large_amount_rule]\nmethod = \"phone\"\napprover = \"ceo\"\n",
            "\"authorized\", \"countersign\", \"meeting\"",
        ),
        (
            "[contracts.review_authority]\nroutine = { method = \"authorized\", approver = \"boss\" }\n",
            "\"sales_manager\", \"production_vp\", \"general_manager\"",
        ),
    ] {
        let error = settings_error(toml, &[]);
        assert!(error.contains(&format!("should be one of {expected}")), "{error}");
    }
}

#[test]
fn an_unknown_key_is_named_with_the_keys_there_are() {
    let error = settings_error("[feedback]\nreview_dayz = 3\n", &[]);
    assert!(
        error.ends_with("line 2: [feedback] review_dayz: there is no such setting; the settings here are review_days"),
        "{error}"
    );
}
