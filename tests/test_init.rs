//! `clerk init`: blank templates that clerk recognises and finds nothing wrong with.

mod common;

use std::io::Read;

use calamine::{open_workbook_auto, Data, Reader};
use common::*;

#[test]
fn init_then_check_finds_nothing() {
    for lang in ["en", "zh-Hant", "zh-Hans"] {
        let dir = tempdir();
        let ran = run_in(dir.path(), &["init", "templates", "--lang", lang]);
        assert_eq!(ran.status, 0, "{}", ran.stderr);
        let files: Vec<_> = std::fs::read_dir(dir.path().join("templates")).unwrap().collect();
        assert_eq!(files.len(), 7, "six registers and clerk.toml");
        let json = check_json(&dir.path().join("templates"), None);
        let registers: Vec<&str> = json["inputs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["register"].as_str().unwrap())
            .collect();
        assert_eq!(registers.len(), 6, "{lang}: {json}");
        for kind in ["contracts", "amendments", "feedback", "guests", "visits", "callbacks"] {
            assert!(registers.contains(&kind), "{lang}: {kind} not recognised");
        }
        assert!(json["findings"].as_array().unwrap().is_empty(), "{json}");
        assert!(json["skipped"].as_array().unwrap().is_empty(), "{json}");
    }
}

#[test]
fn templates_have_notes_drop_downs_and_the_language() {
    let dir = tempdir();
    let ran = run_in(dir.path(), &["init", "t", "--lang", "zh-Hant"]);
    assert_eq!(ran.status, 0, "{}", ran.stderr);
    let path = dir.path().join("t/合同及訂單.xlsx");
    let mut book = open_workbook_auto(&path).unwrap();
    let range = book.worksheet_range("合同及訂單").unwrap();
    assert_eq!(range.get_value((0, 0)), Some(&Data::String("編號".into())));
    assert_eq!(range.get_value((0, 2)), Some(&Data::String("類型".into())));
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
    let mut sheet = String::new();
    zip.by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_string(&mut sheet)
        .unwrap();
    assert!(sheet.contains("<dataValidation"), "drop-downs");
    assert!(sheet.contains("口頭訂單"), "enum options in the language");
    assert!(sheet.contains("<pane"), "frozen header");
    let mut notes = String::new();
    zip.by_name("xl/comments1.xml")
        .unwrap()
        .read_to_string(&mut notes)
        .unwrap();
    assert!(notes.contains("必填"), "{notes}");
    let toml = std::fs::read_to_string(dir.path().join("t/clerk.toml")).unwrap();
    assert!(toml.contains("language = \"zh-Hant\""));
    // A second init leaves the files alone.
    std::fs::write(dir.path().join("t/clerk.toml"), "company = \"x\"\n").unwrap();
    let ran = run_in(dir.path(), &["init", "t", "--lang", "zh-Hant"]);
    assert_eq!(ran.status, 0);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("t/clerk.toml")).unwrap(),
        "company = \"x\"\n"
    );
}

/// The notes on a template's header cells, by header: the header row read with calamine, the
/// notes from the comments part of the workbook, as Excel shows them.
fn header_notes(path: &std::path::Path) -> Vec<(String, String)> {
    let mut book = open_workbook_auto(path).unwrap();
    let sheet = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&sheet).unwrap();
    let headers: Vec<String> = range.rows().next().unwrap().iter().map(|c| c.to_string()).collect();
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut xml = String::new();
    zip.by_name("xl/comments1.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let mut notes = Vec::new();
    for comment in xml.split("<comment ref=\"").skip(1) {
        let cell = &comment[..comment.find('"').unwrap()];
        let column = cell.trim_end_matches(|c: char| c.is_ascii_digit());
        let index = column.bytes().fold(0, |n, b| n * 26 + (b - b'A' + 1) as usize) - 1;
        // The text runs: `<t>…</t>` or `<t xml:space="preserve">…</t>` (not `<text>`).
        let mut text = String::new();
        for run in comment.split("</t>") {
            let Some(open) = run.rfind("<t>").or_else(|| run.rfind("<t ")) else {
                continue;
            };
            text.push_str(&run[open + run[open..].find('>').unwrap() + 1..]);
        }
        let text = text
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&amp;", "&");
        notes.push((headers[index].clone(), text));
    }
    assert_eq!(
        notes.len(),
        headers.len(),
        "a note on every header cell of {}",
        path.display()
    );
    notes
}

fn note_of<'a>(notes: &'a [(String, String)], header: &str) -> &'a str {
    notes
        .iter()
        .find(|(h, _)| h == header)
        .map(|(_, n)| n.as_str())
        .unwrap_or_else(|| panic!("no column {header}"))
}

/// The example a note gives (the line after "Example: ").
fn example(note: &str, lang: &str) -> String {
    let prefix = if lang == "en" { "Example: " } else { "例如：" };
    let line = note
        .lines()
        .find(|l| l.starts_with(prefix))
        .unwrap_or_else(|| panic!("no example in {note}"));
    line[prefix.len()..].to_string()
}

/// Required / required-when / optional, and the rule that checks, as each language says it.
struct Says {
    lang: &'static str,
    file: &'static str,
    required: &'static str,
    optional: &'static str,
    /// (header, how the note begins, a rule it names)
    columns: [(&'static str, &'static str, &'static str); 7],
}

#[test]
fn notes_say_what_the_rules_enforce() {
    let says = [
        Says {
            lang: "en",
            file: "Contracts and orders.xlsx",
            required: "Required.",
            optional: "Optional.",
            columns: [
                (
                    "Review date",
                    "Required. The day the order was reviewed: on or before the commitment date.",
                    "CR01 (Reviewed before commitment)",
                ),
                ("Commitment date", "Required once the company has committed", "CR01"),
                (
                    "Approver",
                    "Required. Who approved the review",
                    "CR03 (Review record kept)",
                ),
                ("Approver role", "Required.", "CR02 (Review authority)"),
                (
                    "Review form no",
                    "Required for a countersign or meeting review and for an oral order.",
                    "CR03",
                ),
                ("Minutes no", "Required for a meeting review.", "CR03"),
                (
                    "Amount",
                    "Required for a routine product, except an oral order.",
                    "CR02",
                ),
            ],
        },
        Says {
            lang: "zh-Hant",
            file: "合同及訂單.xlsx",
            required: "必填。",
            optional: "選填。",
            columns: [
                (
                    "評審日期",
                    "必填。評審日期，須在承諾日期當天或之前。",
                    "CR01（承諾前評審）",
                ),
                (
                    "承諾日期",
                    "已向顧客承諾（已投標、已簽訂合同或已接受訂單）後必填。",
                    "CR01",
                ),
                ("批准人", "必填。批准此評審的人員", "CR03（評審記錄齊全）"),
                ("批准人職務", "必填。", "CR02（評審權限）"),
                ("評審單編號", "會簽評審、會議評審和口頭訂單必填。", "CR03"),
                ("會議記錄編號", "會議評審必填。", "CR03"),
                ("金額", "常規產品（口頭訂單除外）必填。", "CR02"),
            ],
        },
        Says {
            lang: "zh-Hans",
            file: "合同及订单.xlsx",
            required: "必填。",
            optional: "选填。",
            columns: [
                (
                    "评审日期",
                    "必填。评审日期，须在承诺日期当天或之前。",
                    "CR01（承诺前评审）",
                ),
                (
                    "承诺日期",
                    "已向顾客承诺（已投标、已签订合同或已接受订单）后必填。",
                    "CR01",
                ),
                ("批准人", "必填。批准此评审的人员", "CR03（评审记录齐全）"),
                ("批准人职务", "必填。", "CR02（评审权限）"),
                ("评审单编号", "会签评审、会议评审和口头订单必填。", "CR03"),
                ("会议记录编号", "会议评审必填。", "CR03"),
                ("金额", "常规产品（口头订单除外）必填。", "CR02"),
            ],
        },
    ];
    for says in says {
        let dir = tempdir();
        let ran = run_in(dir.path(), &["init", "t", "--lang", says.lang]);
        assert_eq!(ran.status, 0, "{}", ran.stderr);
        let notes = header_notes(&dir.path().join("t").join(says.file));
        for (header, begins, rule) in says.columns {
            let note = note_of(&notes, header);
            assert!(note.starts_with(begins), "{}: {header}: {note}", says.lang);
            assert!(note.contains(rule), "{}: {header}: {note}", says.lang);
        }
        // The first column is required (RG01); the remarks are not checked at all.
        assert!(notes[0].1.starts_with(says.required), "{}", notes[0].1);
        let (_, remarks) = notes.last().unwrap();
        assert!(remarks.starts_with(says.optional), "{remarks}");
        assert!(!remarks.contains("CR") && !remarks.contains("RG"), "{remarks}");
    }
    // The feedback register: the review deadline and the reporting of a major complaint, with
    // the numbers of the clerk.toml written beside the templates.
    let dir = tempdir();
    run_in(dir.path(), &["init", "t", "--lang", "zh-Hant"]);
    let notes = header_notes(&dir.path().join("t/顧客反饋及投訴.xlsx"));
    let review = note_of(&notes, "評審日期");
    assert!(
        review.starts_with("必填。") && review.contains("7 天內") && review.contains("FB01"),
        "{review}"
    );
    let reported = note_of(&notes, "報告時間");
    assert!(
        reported.starts_with("重大投訴必填。") && reported.contains("24 小時內") && reported.contains("CP03"),
        "{reported}"
    );
}

/// Each template filled in with the examples of its own notes is read without an unreadable
/// value (RG02), and makes a correct November of every register: nothing to report.
#[test]
fn templates_filled_with_their_examples_are_read_and_correct() {
    for lang in ["en", "zh-Hant", "zh-Hans"] {
        let dir = tempdir();
        let ran = run_in(dir.path(), &["init", "templates", "--lang", lang]);
        assert_eq!(ran.status, 0, "{}", ran.stderr);
        let inbox = dir.path().join("inbox");
        let mut templates: Vec<_> = std::fs::read_dir(dir.path().join("templates"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "xlsx"))
            .collect();
        templates.sort();
        assert_eq!(templates.len(), 6);
        for template in templates {
            let notes = header_notes(&template);
            let header: Vec<C> = notes.iter().map(|(h, _)| T(h.clone())).collect();
            let row: Vec<C> = notes.iter().map(|(_, n)| T(example(n, lang))).collect();
            xlsx(
                &inbox.join(template.file_name().unwrap()),
                vec![sheet("2026", vec![header, row])],
            );
        }
        let json = check_json(&inbox, Some("2026-11"));
        let rows: Vec<u64> = json["inputs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["rows"].as_u64().unwrap())
            .collect();
        assert_eq!(rows, [1; 6], "{lang}: one row of each register read: {json}");
        assert!(
            cells(&json, "RG02").is_empty(),
            "{lang}: an example is unreadable: {json}"
        );
        assert_eq!(json["findings"].as_array().unwrap().len(), 0, "{lang}: {json}");
    }
}
