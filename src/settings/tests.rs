//! Settings: the documented default is the built-in one; every bad key or value is named.

use super::*;

use super::parse_in_english as parse;

#[test]
fn documented_default_is_the_built_in_default() {
    assert_eq!(parse(DEFAULT_TOML), Ok(Settings::default()));
}

#[test]
fn the_templates_in_every_language_hold_the_same_settings() {
    // Line for line, without the comments: the Chinese templates differ from the English one in
    // their comments only, so the values have one source.
    let values = |toml: &str| -> Vec<String> {
        toml.lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .map(|l| l.split(" #").next().unwrap_or(l).trim_end().to_string())
            .collect()
    };
    for lang in Lang::ALL {
        let toml = default_toml(lang);
        assert_eq!(values(toml), values(DEFAULT_TOML), "{lang:?}");
        assert_eq!(parse(toml), Ok(Settings::default()), "{lang:?}");
    }
}

#[test]
fn unknown_key_is_named() {
    let err = parse("[feedback]\nreview_dayz = 3\n").unwrap_err();
    assert!(err.contains("review_dayz"), "{err}");
    assert!(err.contains("line 2"), "{err}");
}

#[test]
fn wrong_type_is_named() {
    let err = parse("[feedback]\nreview_days = \"seven\"\n").unwrap_err();
    assert_eq!(
        err,
        "line 2: [feedback] review_days should be a whole number of days, 0 or more (e.g. review_days = 7), but is \"seven\""
    );
}

#[test]
fn unknown_column_and_enum_value_are_named() {
    let err = parse("[columns.contracts]\namountt = [\"價款\"]\n").unwrap_err();
    assert!(err.contains("[columns.contracts] amountt"), "{err}");
    let err = parse("[enums.document_type]\n\"框架協議\" = \"contrakt\"\n").unwrap_err();
    assert!(err.contains("contrakt"), "{err}");
}

#[test]
fn review_authority_table_is_settings() {
    let settings = parse(
        "[contracts]\nmethod_ranking = [\"authorized\", \"meeting\", \"countersign\"]\n\
         [contracts.review_authority]\nnon_routine = { method = \"meeting\", approver = \"general_manager\" }\n",
    )
    .unwrap();
    let c = &settings.contracts;
    assert_eq!(c.review_authority.non_routine.method, "meeting");
    assert_eq!(c.review_authority.routine.method, "authorized");
    assert_eq!(c.method_ranking[2], "countersign");
    assert_eq!(c.large_amount_rule, ReviewRequirement::default());
}

#[test]
fn review_authority_values_are_validated() {
    let err = parse("[contracts.review_authority]\nroutine = { method = \"phone\", approver = \"sales_manager\" }\n")
        .unwrap_err();
    assert!(err.contains("[contracts.review_authority] routine.method"), "{err}");
    let err = parse("[contracts.review_authority]\nroutine = { method = \"authorized\" }\n").unwrap_err();
    assert!(
        err.contains("[contracts.review_authority] routine.approver is missing"),
        "{err}"
    );
    let err = parse("[contracts]\nrole_ranking = [\"sales_manager\", \"general_manager\"]\n").unwrap_err();
    assert!(err.contains("[contracts] role_ranking"), "{err}");
    let err = parse("[contracts.large_amount_rule]\nmethod = \"meeting\"\napprover = \"ceo\"\n").unwrap_err();
    assert!(err.contains("[contracts.large_amount_rule] approver"), "{err}");
}

#[test]
fn partial_file_keeps_other_defaults() {
    let settings = parse("[contracts]\nnotice_days = 5\n").unwrap();
    assert_eq!(settings.contracts.notice_days, 5);
    assert_eq!(settings.contracts.large_amount, 1_000_000);
    assert_eq!(settings.feedback.review_days, 7);
}

#[test]
fn department_names_cannot_leave_the_report_folder() {
    for bad in ["\"../../etc\"", "\"a/b\"", "\"a.b\"", "\"\"", "manager"] {
        let err = parse(&format!("[departments]\n{bad} = [\"CR\"]\n")).unwrap_err();
        assert!(err.contains("[departments] "), "{bad}: {err}");
    }
    assert_eq!(
        parse("[departments]\n\"銷售部\" = [\"CR\"]\nfront-desk = [\"GH\"]\n").err(),
        None
    );
}

/// Every key of the documented file, and every field of the settings (with the ones the file
/// leaves out, such as `smtp_port`), is described: what it holds in plain words in the three
/// languages, and an example line that is itself a valid setting.
#[test]
fn every_key_has_its_plain_words_expectation() {
    fn leaves(value: &serde_json::Value, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
        match value.as_object() {
            Some(map) => {
                for (k, v) in map {
                    path.push(k.clone());
                    leaves(v, path, out);
                    path.pop();
                }
            }
            _ => out.push(path.clone()),
        }
    }
    let mut paths = Vec::new();
    let template: toml::Value = toml::from_str(DEFAULT_TOML).unwrap();
    leaves(&serde_json::to_value(&template).unwrap(), &mut Vec::new(), &mut paths);
    leaves(
        &serde_json::to_value(Settings::default()).unwrap(),
        &mut Vec::new(),
        &mut paths,
    );
    let texts = crate::base::i18n::Texts::new(&[TEXTS, SHAPE_TEXTS]).leak();
    let mut described = 0;
    for path in paths {
        let key =
            keys::find(&path).unwrap_or_else(|| panic!("{} has no description in settings/keys.rs", path.join(".")));
        let wording = key.expects.text_key();
        for lang in Lang::ALL {
            assert!(
                crate::base::i18n::Catalogue::new(lang, texts).has(wording),
                "{wording} in {lang:?}"
            );
        }
        described += 1;
    }
    assert!(described > 60, "{described}");
    // Each example, written in its table, is a setting clerk accepts.
    for key in keys::all() {
        let section = key
            .section
            .replace('*', "contracts")
            .replace("enums.contracts", "enums.document_type");
        let toml = match section.is_empty() {
            true => format!("{}\n", key.example),
            false => format!("[{section}]\n{}\n", key.example),
        };
        let toml = toml.replace(
            "method = \"countersign\"\n",
            "method = \"countersign\"\napprover = \"production_vp\"\n",
        );
        assert!(parse(&toml).is_ok(), "{toml}: {:?}", parse(&toml));
    }
}
