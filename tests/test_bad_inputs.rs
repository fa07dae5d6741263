//! Files as staff really hand them in: renamed, empty, cut short, locked with a password, or not
//! spreadsheets at all. Each gets one clear line naming the file; the run goes on with the rest.

mod common;

use std::io::Write;

use common::*;

fn good(path: &std::path::Path) {
    xlsx(path, vec![sheet("s", vec![contract_header(), contract_row("HT-1")])]);
}

/// Runs `check` on the inbox; returns (stderr lines, registers read).
fn check(dir: &std::path::Path) -> (Vec<String>, usize) {
    let ran = run_in(dir, &["check", "inbox", "--month", "2026-10", "--format", "json"]);
    assert!(ran.status == 0 || ran.status == 1, "{}", ran.stderr);
    assert!(!ran.stderr.contains("panicked"));
    let json: serde_json::Value = serde_json::from_str(&ran.stdout).unwrap();
    (
        ran.stderr.lines().map(String::from).collect(),
        json["inputs"].as_array().unwrap().len(),
    )
}

#[test]
fn renamed_workbooks_are_read_by_their_content() {
    let dir = tempdir();
    let inbox = dir.path().join("inbox");
    good(&inbox.join("a.xlsx"));
    std::fs::copy(inbox.join("a.xlsx"), inbox.join("b.xls")).unwrap(); // xlsx named .xls
    std::fs::copy(inbox.join("a.xlsx"), inbox.join("C.XLSX")).unwrap(); // upper-case extension
    std::fs::copy(inbox.join("a.xlsx"), inbox.join("noext")).unwrap(); // no extension
    std::fs::write(inbox.join("d.xlsx"), "日期,客户编号,消费金额\n2026-10-05,G1,100\n").unwrap(); // CSV named .xlsx
    let (errors, inputs) = check(dir.path());
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(inputs, 5);
}

#[test]
fn broken_files_are_one_line_each() {
    let dir = tempdir();
    let inbox = dir.path().join("inbox");
    good(&inbox.join("ok.xlsx"));
    std::fs::write(inbox.join("empty.xlsx"), b"").unwrap();
    let bytes = std::fs::read(inbox.join("ok.xlsx")).unwrap();
    std::fs::write(inbox.join("cut.xlsx"), &bytes[..bytes.len() / 2]).unwrap();
    std::fs::write(
        inbox.join("page.xls"),
        "<html><body><table><tr><td>1</td></tr></table></body></html>",
    )
    .unwrap();
    // An Office file saved with a password is an OLE container holding an EncryptedPackage stream.
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(512, 0);
    ole.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    ole.resize(2048, 0);
    std::fs::write(inbox.join("secret.xlsx"), ole).unwrap();
    std::fs::write(inbox.join("junk.xls"), [0u8, 1, 2, 3, 200, 201, 5, 6, 7]).unwrap();
    let (errors, inputs) = check(dir.path());
    assert_eq!(inputs, 1, "the good file is still read");
    let line = |name: &str| {
        errors
            .iter()
            .find(|l| l.starts_with(&format!("{name}: ")))
            .cloned()
            .unwrap_or_default()
    };
    assert!(line("empty.xlsx").contains("empty"), "{errors:?}");
    assert!(line("cut.xlsx").contains("damaged"), "{errors:?}");
    assert!(line("page.xls").contains("web page"), "{errors:?}");
    assert!(line("secret.xlsx").contains("password"), "{errors:?}");
    assert!(line("junk.xls").contains("not a spreadsheet"), "{errors:?}");
    assert_eq!(errors.len(), 5, "{errors:?}");
}

#[test]
fn a_zip_bomb_is_refused_before_it_is_unpacked() {
    let dir = tempdir();
    let inbox = dir.path().join("inbox");
    good(&inbox.join("ok.xlsx"));
    let file = std::fs::File::create(inbox.join("bomb.xlsx")).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("xl/workbook.xml", options).unwrap();
    let zeros = vec![0u8; 1 << 20];
    for _ in 0..8 {
        zip.write_all(&zeros).unwrap();
    }
    zip.finish().unwrap();
    let (errors, inputs) = check(dir.path());
    assert_eq!(inputs, 1);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with("bomb.xlsx: ") && errors[0].contains("zip bomb"),
        "{errors:?}"
    );
}

#[test]
fn merged_cells_and_subtotal_rows() {
    let dir = tempdir();
    let inbox = dir.path().join("inbox");
    let path = inbox.join("c.xlsx");
    std::fs::create_dir_all(&inbox).unwrap();
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("s").unwrap();
    let plain = rust_xlsxwriter::Format::new();
    // A merged title over the header width, then the header.
    ws.merge_range(0, 0, 0, 10, "2026年10月合同評審台帳", &plain).unwrap();
    for (c, h) in contract_header().iter().enumerate() {
        if let C::S(t) = h {
            ws.write_string(1, c as u16, *t).unwrap();
        }
    }
    // Two order lines of one customer: the customer cell merged over both rows.
    let date = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
    for (r, id) in [(2u32, "HT-1"), (3, "HT-2")] {
        ws.write_string(r, 0, id).unwrap();
        ws.write_string(r, 2, "合同").unwrap();
        ws.write_string(r, 3, "常規產品").unwrap();
        ws.write_number(r, 4, 1000.0).unwrap();
        let d = rust_xlsxwriter::ExcelDateTime::from_ymd(2026, 10, 8).unwrap();
        ws.write_datetime_with_format(r, 5, &d, &date).unwrap();
    }
    ws.merge_range(2, 1, 3, 1, "華東機械廠", &plain).unwrap();
    // A total line under the data.
    ws.write_string(4, 3, "合計").unwrap();
    ws.write_number(4, 4, 2000.0).unwrap();
    book.save(&path).unwrap();
    let json = check_json(&inbox, Some("2026-10"));
    assert_eq!(json["inputs"][0]["header_row"], 2, "{json}");
    assert_eq!(json["inputs"][0]["rows"], 2, "the total line is not a record: {json}");
    assert!(
        cells(&json, "RG01").is_empty(),
        "the merged customer applies to both rows: {json}"
    );
}

#[test]
fn the_one_line_is_in_the_report_language() {
    let dir = tempdir();
    let inbox = dir.path().join("inbox");
    good(&inbox.join("ok.xlsx"));
    std::fs::write(inbox.join("empty.xlsx"), b"").unwrap();
    let ran = run_in(
        dir.path(),
        &["check", "inbox", "--month", "2026-10", "--lang", "zh-Hant"],
    );
    assert_eq!(ran.stderr.trim(), "empty.xlsx：檔案是空的（0 位元組）");
    let ran = run_in(
        dir.path(),
        &["check", "inbox", "--month", "2026-10", "--lang", "zh-Hans"],
    );
    assert_eq!(ran.stderr.trim(), "empty.xlsx：文件是空的（0 字节）");
}

// ---------------------------------------------------------------------------------------------
// The catalogue: each case writes its file(s) into an inbox and checks what the run said about
// them, looking only at its own files. Every case runs alone (with a good register beside it that
// must still be read), and all of them run together in one inbox.
// ---------------------------------------------------------------------------------------------

use std::path::Path;

/// What one `clerk check --format json` said.
struct Outcome {
    json: serde_json::Value,
    stdout_text: String,
    stderr: Vec<String>,
}

impl Outcome {
    /// The stderr lines about one file.
    fn lines(&self, file: &str) -> Vec<&str> {
        let prefix = format!("{file}: ");
        self.stderr
            .iter()
            .filter(|l| l.starts_with(&prefix))
            .map(String::as_str)
            .collect()
    }

    /// The one line about a file (exactly one).
    fn line(&self, file: &str) -> &str {
        let lines = self.lines(file);
        assert_eq!(lines.len(), 1, "one line about {file}: {:?}", self.stderr);
        lines[0]
    }

    /// Inputs read from a file: (sheet, register, rows, hidden).
    fn inputs(&self, file: &str) -> Vec<(String, String, u64, bool)> {
        self.json["inputs"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|i| i["file"] == file)
            .map(|i| {
                (
                    i["sheet"].as_str().unwrap().to_string(),
                    i["register"].as_str().unwrap().to_string(),
                    i["rows"].as_u64().unwrap(),
                    i["hidden"].as_bool().unwrap_or(false),
                )
            })
            .collect()
    }

    /// Findings of a rule in a file: (sheet, cell, record, message).
    fn findings(&self, rule: &str, file: &str) -> Vec<(String, String, String, String)> {
        self.json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] == rule && f["file"] == file)
            .map(|f| {
                (
                    f["sheet"].as_str().unwrap().to_string(),
                    format!("{}{}", f["column"].as_str().unwrap(), f["row"]),
                    f["record"].as_str().unwrap().to_string(),
                    f["message"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    }

    /// Skipped entries of a file: (sheet, reason, detail).
    fn skipped(&self, file: &str) -> Vec<(Option<String>, String, String)> {
        self.json["skipped"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["file"] == file)
            .map(|s| {
                (
                    s["sheet"].as_str().map(String::from),
                    s["reason"].as_str().unwrap().to_string(),
                    s["detail"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect()
    }

    /// The cells a rule names in a file.
    fn cells(&self, rule: &str, file: &str) -> Vec<String> {
        self.findings(rule, file).into_iter().map(|f| f.1).collect()
    }
}

fn run_check(root: &Path) -> Outcome {
    let ran = run_in(root, &["check", "inbox", "--month", "2026-10", "--format", "json"]);
    assert!(
        ran.status == 0 || ran.status == 1,
        "status {}: {}",
        ran.status,
        ran.stderr
    );
    assert!(!ran.stderr.contains("panicked"), "{}", ran.stderr);
    Outcome {
        json: serde_json::from_str(&ran.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", ran.stdout)),
        stdout_text: ran.stdout,
        stderr: ran.stderr.lines().map(String::from).collect(),
    }
}

struct Case {
    write: fn(&Path),
    check: fn(&Outcome),
}

/// One case alone, beside a good register that must still be read and checked.
fn run_case(case: &Case) {
    let dir = tempdir();
    let inbox = dir.path().join("inbox");
    std::fs::create_dir_all(&inbox).unwrap();
    let mut late = contract_row("HT-OK");
    late[1] = B; // no customer: RG01 at B2 proves the good register was checked
    xlsx(&inbox.join("ok.xlsx"), vec![sheet("s", vec![contract_header(), late])]);
    (case.write)(&inbox);
    let outcome = run_check(dir.path());
    assert_eq!(outcome.inputs("ok.xlsx").len(), 1, "{:?}", outcome.stderr);
    assert_eq!(outcome.cells("RG01", "ok.xlsx"), vec!["B2"]);
    assert!(outcome.lines("ok.xlsx").is_empty(), "{:?}", outcome.stderr);
    (case.check)(&outcome);
}

// --- A workbook written part by part, to hold what no writer library would write -------------

/// A cell of a hand-written sheet.
#[derive(Clone)]
enum X {
    /// Inline text (XML-escaped here; `_x001B_`-style escapes pass through).
    Str(String),
    Num(f64),
    /// A number with a date format (built-in format 14).
    Date(f64),
    /// A number with a time-of-day format (built-in format 20, h:mm).
    Time(f64),
    /// An error value such as `#N/A`.
    Err(&'static str),
    /// A formula with no cached value.
    Formula(&'static str),
    /// A shared string by index.
    Shared(usize),
    Blank,
}

fn esc(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn cell_xml(at: &str, x: &X) -> String {
    match x {
        X::Str(t) => format!(r#"<c r="{at}" t="inlineStr"><is><t>{}</t></is></c>"#, esc(t)),
        X::Num(n) => format!(r#"<c r="{at}"><v>{n}</v></c>"#),
        X::Date(n) => format!(r#"<c r="{at}" s="1"><v>{n}</v></c>"#),
        X::Time(n) => format!(r#"<c r="{at}" s="2"><v>{n}</v></c>"#),
        X::Err(e) => format!(r#"<c r="{at}" t="e"><v>{e}</v></c>"#),
        X::Formula(f) => format!(r#"<c r="{at}"><f>{}</f></c>"#, esc(f)),
        X::Shared(i) => format!(r#"<c r="{at}" t="s"><v>{i}</v></c>"#),
        X::Blank => String::new(),
    }
}

/// Excel serial of a day in the 1900 date system.
fn serial(y: i32, m: u32, d: u32) -> f64 {
    let base = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap();
    (chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap() - base).num_days() as f64
}

fn str_(t: &str) -> X {
    X::Str(t.to_string())
}

const HEADER: [&str; 11] = [
    "合同編號",
    "客戶名稱",
    "單據類型",
    "產品類別",
    "金額",
    "接收日期",
    "評審方式",
    "評審日期",
    "批准人",
    "批准人職務",
    "簽訂日期",
];

fn header_xml() -> String {
    let cells: String = HEADER
        .iter()
        .enumerate()
        .map(|(c, h)| cell_xml(&format!("{}1", (b'A' + c as u8) as char), &str_(h)))
        .collect();
    format!(r#"<row r="1">{cells}</row>"#)
}

/// A compliant October contract row (as `contract_row`), with some columns replaced.
fn contract_xml(r: u32, id: &str, replace: &[(char, X)]) -> String {
    let mut cells = vec![
        str_(id),
        str_("華東機械廠"),
        str_("合同"),
        str_("常規產品"),
        X::Num(250000.0),
        X::Date(serial(2026, 10, 8)),
        str_("授權人員評審"),
        X::Date(serial(2026, 10, 9)),
        str_("王經理"),
        str_("銷售公司經理"),
        X::Date(serial(2026, 10, 10)),
    ];
    for (col, x) in replace {
        cells[(*col as u8 - b'A') as usize] = x.clone();
    }
    let xml: String = cells
        .iter()
        .enumerate()
        .map(|(c, x)| cell_xml(&format!("{}{r}", (b'A' + c as u8) as char), x))
        .collect();
    format!(r#"<row r="{r}">{xml}</row>"#)
}

struct RawSheet {
    name: &'static str,
    /// `visible`, `hidden` or `veryHidden`.
    state: &'static str,
    /// The `<row>` elements; or, when it starts with `<?xml` or `<!`, the whole part as is.
    xml: String,
}

fn raw_sheet(name: &'static str, rows: Vec<String>) -> RawSheet {
    RawSheet {
        name,
        state: "visible",
        xml: rows.concat(),
    }
}

const MAIN_NS: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// Writes an xlsx from its parts. `shared` is the whole sharedStrings part, when there is one.
fn raw_xlsx(path: &Path, sheets: &[RawSheet], date1904: bool, shared: Option<&str>) {
    use std::io::Write;
    let file = std::fs::File::create(path).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let mut put = |name: &str, text: &str| {
        zip.start_file(name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    };
    let mut overrides = String::new();
    let mut rels = String::new();
    let mut list = String::new();
    for (i, s) in sheets.iter().enumerate() {
        let n = i + 1;
        overrides.push_str(&format!(r#"<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#));
        rels.push_str(&format!(
            r#"<Relationship Id="rId{n}" Type="{REL_NS}/worksheet" Target="worksheets/sheet{n}.xml"/>"#
        ));
        let state = if s.state == "visible" {
            String::new()
        } else {
            format!(r#" state="{}""#, s.state)
        };
        list.push_str(&format!(
            r#"<sheet name="{}" sheetId="{n}"{state} r:id="rId{n}"/>"#,
            s.name
        ));
    }
    rels.push_str(&format!(
        r#"<Relationship Id="rIdS" Type="{REL_NS}/styles" Target="styles.xml"/>"#
    ));
    if shared.is_some() {
        rels.push_str(&format!(
            r#"<Relationship Id="rIdT" Type="{REL_NS}/sharedStrings" Target="sharedStrings.xml"/>"#
        ));
    }
    put(
        "[Content_Types].xml",
        &format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>{overrides}</Types>"#
        ),
    );
    put(
        "_rels/.rels",
        &format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
        ),
    );
    put(
        "xl/_rels/workbook.xml.rels",
        &format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>"#
        ),
    );
    let pr = if date1904 {
        r#"<workbookPr date1904="1"/>"#
    } else {
        "<workbookPr/>"
    };
    put(
        "xl/workbook.xml",
        &format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">{pr}<sheets>{list}</sheets></workbook>"#
        ),
    );
    put(
        "xl/styles.xml",
        &format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="{MAIN_NS}"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="20" applyNumberFormat="1"/></cellXfs></styleSheet>"#
        ),
    );
    if let Some(shared) = shared {
        put("xl/sharedStrings.xml", shared);
    }
    for (i, s) in sheets.iter().enumerate() {
        let xml = if s.xml.starts_with("<?xml") || s.xml.starts_with("<!") {
            s.xml.clone()
        } else {
            format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{MAIN_NS}"><sheetData>{}</sheetData></worksheet>"#,
                s.xml
            )
        };
        put(&format!("xl/worksheets/sheet{}.xml", i + 1), &xml);
    }
    zip.finish().unwrap();
}

// --- The cases ---------------------------------------------------------------------------------

const CSV_HEADER: &str = "日期,客户编号,消费金额,宴会菜单,菜品评价\n";

static CSV_BAD_BYTE: Case = Case {
    write: |inbox| {
        // UTF-8 with one byte that is not UTF-8 in line 3's comment.
        let mut bytes = CSV_HEADER.as_bytes().to_vec();
        bytes.extend_from_slice("2026-10-05,G001,100,龙虾宴,满意\n2026-10-06,G002,200,点心,好".as_bytes());
        bytes.push(0xFF);
        bytes.extend_from_slice("吃\n".as_bytes());
        std::fs::write(inbox.join("bad-byte.csv"), bytes).unwrap();
    },
    check: |o| {
        assert_eq!(
            o.inputs("bad-byte.csv"),
            vec![("bad-byte".into(), "visits".into(), 2, false)]
        );
        // The rest of the file keeps its UTF-8 reading: the ids and the other comment are intact.
        let found = o.findings("RG02", "bad-byte.csv");
        assert_eq!(found.len(), 1, "{found:?}");
        let (sheet, cell, record, message) = &found[0];
        assert_eq!(
            (sheet.as_str(), cell.as_str(), record.as_str()),
            ("bad-byte", "53", "G002 2026-10-06")
        );
        assert!(message.contains("好\u{FFFD}吃"), "{message}");
        assert!(message.contains("cannot be read as text"), "{message}");
        assert!(o.lines("bad-byte.csv").is_empty());
    },
};

#[test]
fn csv_with_a_bad_byte() {
    run_case(&CSV_BAD_BYTE);
}

static CORRUPT_XML_PART: Case = Case {
    write: |inbox| {
        let mut xml = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN_NS}"><sheetData>{}{}"#,
            header_xml(),
            contract_xml(2, "HT-C1", &[])
        );
        xml.push_str(r#"<row r="3"><c r="A3" t="inlineStr"><is><t>HT-C2</t></is></c><c r="B3" t="inlineStr"><is><t>華東</is></c></row>"#);
        raw_xlsx(
            &inbox.join("corrupt-part.xlsx"),
            &[
                RawSheet {
                    name: "broken",
                    state: "visible",
                    xml,
                },
                raw_sheet("fine", vec![header_xml(), contract_xml(2, "HT-C3", &[])]),
            ],
            false,
            None,
        );
    },
    check: |o| {
        let line = o.line("corrupt-part.xlsx");
        assert!(line.starts_with("corrupt-part.xlsx: sheet broken: "), "{line}");
        assert!(
            o.inputs("corrupt-part.xlsx").is_empty(),
            "a damaged workbook is not half read"
        );
    },
};

#[test]
fn corrupt_xml_part_inside_a_valid_xlsx() {
    run_case(&CORRUPT_XML_PART);
}

const LAUGHS: &str = r#"<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;"><!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;"><!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>"#;

static ENTITY_BOMBS: Case = Case {
    write: |inbox| {
        // Billion laughs in a sheet part.
        let sheet = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?>{LAUGHS}<worksheet xmlns="{MAIN_NS}"><sheetData>{}<row r="2"><c r="A2" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>"#,
            header_xml()
        );
        raw_xlsx(
            &inbox.join("laughs.xlsx"),
            &[RawSheet {
                name: "s",
                state: "visible",
                xml: sheet,
            }],
            false,
            None,
        );
        // An external entity (XXE) in the shared strings.
        let shared = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><sst xmlns="{MAIN_NS}" count="1" uniqueCount="1"><si><t>&xxe;</t></si></sst>"#
        );
        let rows = vec![header_xml(), contract_xml(2, "HT-X1", &[('B', X::Shared(0))])];
        let mut all = vec![];
        all.extend(rows);
        raw_xlsx(&inbox.join("xxe.xlsx"), &[raw_sheet("s", all)], false, Some(&shared));
    },
    check: |o| {
        for file in ["laughs.xlsx", "xxe.xlsx"] {
            let line = o.line(file);
            assert!(line.contains("unrecognized entity"), "{line}");
            assert!(o.inputs(file).is_empty());
        }
        assert!(!o.stdout_text.contains("lollol"));
        assert!(!o.stdout_text.contains("root:"));
    },
};

#[test]
fn entity_bombs_and_external_entities_are_not_expanded() {
    run_case(&ENTITY_BOMBS);
}

static FAR_STRAY_CELL: Case = Case {
    write: |inbox| {
        let xml = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN_NS}"><dimension ref="A1:XFD60000"/><sheetData>{}{}<row r="60000"><c r="XFD60000" t="inlineStr"><is><t> </t></is></c><c r="XFD60000" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>"#,
            header_xml(),
            contract_xml(2, "HT-F1", &[('B', X::Blank)])
        );
        raw_xlsx(
            &inbox.join("far.xlsx"),
            &[RawSheet {
                name: "s",
                state: "visible",
                xml,
            }],
            false,
            None,
        );
    },
    check: |o| {
        assert_eq!(o.inputs("far.xlsx"), vec![("s".into(), "contracts".into(), 1, false)]);
        assert_eq!(o.cells("RG01", "far.xlsx"), vec!["B2"]);
        // The stray value is beyond the columns read: listed once, with its cell.
        assert!(o.lines("far.xlsx").is_empty(), "{:?}", o.stderr);
        assert_eq!(
            o.skipped("far.xlsx"),
            vec![(Some("s".into()), "cells_ignored".into(), "XFD60000".into())]
        );
    },
};

#[test]
fn a_far_stray_cell_costs_little() {
    run_case(&FAR_STRAY_CELL);
}

/// Text a compressor cannot shrink much (a 10 MB run of one letter would be refused as a zip bomb).
fn noise(chars: usize) -> String {
    let mut x: u32 = 2_463_534_242;
    (0..chars)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            (b'a' + (x % 26) as u8) as char
        })
        .collect()
}

static HUGE_STRINGS: Case = Case {
    write: |inbox| {
        let shared = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN_NS}" count="1" uniqueCount="1"><si><t>{}</t></si></sst>"#,
            noise(10 << 20)
        );
        let rows = vec![
            header_xml(),
            contract_xml(2, "HT-H1", &[('B', X::Shared(0))]),
            contract_xml(
                3,
                "HT-H2",
                &[('B', X::Str(noise(40_000))), ('E', X::Str(noise(40_000)))],
            ),
        ];
        raw_xlsx(&inbox.join("huge.xlsx"), &[raw_sheet("s", rows)], false, Some(&shared));
    },
    check: |o| {
        assert_eq!(o.inputs("huge.xlsx"), vec![("s".into(), "contracts".into(), 2, false)]);
        assert!(o.lines("huge.xlsx").is_empty(), "{:?}", o.stderr);
        // The amount of 40,000 letters is one RG02, its quote cut short.
        let found = o.findings("RG02", "huge.xlsx");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "E3");
        assert!(found[0].3.chars().count() < 1000, "{}", found[0].3.len());
    },
};

#[test]
fn huge_shared_strings_and_cells_beyond_32767_characters() {
    run_case(&HUGE_STRINGS);
}

/// The same, through `clerk run`: every output is still written (a workbook cell holds at most
/// 32,767 characters).
#[test]
fn huge_cells_do_not_stop_the_report() {
    let dir = tempdir();
    let inbox = dir.path().join("inbox");
    std::fs::create_dir_all(&inbox).unwrap();
    let rows = vec![
        header_xml(),
        contract_xml(
            2,
            "HT-H2",
            &[('B', X::Str(noise(40_000))), ('E', X::Str(noise(40_000)))],
        ),
    ];
    raw_xlsx(&inbox.join("huge.xlsx"), &[raw_sheet("s", rows)], false, None);
    let ran = run_in(dir.path(), &["run", "inbox", "--month", "2026-10", "--out", "out"]);
    assert_eq!(ran.status, 0, "{}", ran.stderr);
    assert!(dir.path().join("out/2026-10/findings.json").exists());
}

static VERY_HIDDEN: Case = Case {
    write: |inbox| {
        let mut hidden = raw_sheet("old", vec![header_xml(), contract_xml(2, "HT-V1", &[('B', X::Blank)])]);
        hidden.state = "veryHidden";
        raw_xlsx(
            &inbox.join("very-hidden.xlsx"),
            &[
                raw_sheet("Oct", vec![header_xml(), contract_xml(2, "HT-V2", &[])]),
                hidden,
            ],
            false,
            None,
        );
    },
    check: |o| {
        assert_eq!(
            o.inputs("very-hidden.xlsx"),
            vec![
                ("Oct".into(), "contracts".into(), 1, false),
                ("old".into(), "contracts".into(), 1, true)
            ]
        );
        assert_eq!(
            o.findings("RG01", "very-hidden.xlsx")
                .into_iter()
                .map(|f| (f.0, f.1))
                .collect::<Vec<_>>(),
            vec![("old".to_string(), "B2".to_string())]
        );
    },
};

#[test]
fn very_hidden_sheets_are_read_and_listed() {
    run_case(&VERY_HIDDEN);
}

static DUPLICATE_HEADERS: Case = Case {
    write: |inbox| {
        // 金額 twice (E and M), and a column with data but no label (L).
        let mut header = header_xml();
        header = header.replace("</row>", &format!("{}</row>", cell_xml("M1", &str_("金額"))));
        let row = contract_xml(2, "HT-D1", &[('E', str_("很多"))]).replace(
            "</row>",
            &format!(
                "{}{}</row>",
                cell_xml("L2", &str_("note")),
                cell_xml("M2", &str_("也很多"))
            ),
        );
        raw_xlsx(
            &inbox.join("dup-header.xlsx"),
            &[raw_sheet("s", vec![header, row])],
            false,
            None,
        );
    },
    check: |o| {
        // The first 金額 is the amount; the second is an extra column, like the unlabelled one.
        assert_eq!(o.cells("RG02", "dup-header.xlsx"), vec!["E2"]);
        assert_eq!(o.inputs("dup-header.xlsx").len(), 1);
    },
};

#[test]
fn duplicate_or_blank_header_labels() {
    run_case(&DUPLICATE_HEADERS);
}

static NUMBERS_AS_DATES: Case = Case {
    write: |inbox| {
        let rows = vec![
            header_xml(),
            // An amount that happens to carry a date format: an amount.
            contract_xml(2, "HT-N1", &[('E', X::Date(250000.0))]),
            // A date column holding a number far beyond any date.
            contract_xml(3, "HT-N2", &[('F', X::Date(9.0e9))]),
        ];
        raw_xlsx(&inbox.join("num-dates.xlsx"), &[raw_sheet("s", rows)], false, None);
    },
    check: |o| {
        let found = o.findings("RG02", "num-dates.xlsx");
        assert_eq!(
            found.iter().map(|f| f.1.as_str()).collect::<Vec<_>>(),
            vec!["F3"],
            "{found:?}"
        );
    },
};

#[test]
fn numbers_formatted_as_dates_are_not_dates() {
    run_case(&NUMBERS_AS_DATES);
}

static DATE1904: Case = Case {
    write: |inbox| {
        // In the 1904 system the serials are 1,462 days smaller. The row has no customer: RG01
        // fires only if its October dates are read as October (else the row is out of the month).
        let d = |y, m, day| X::Date(serial(y, m, day) - 1462.0);
        let rows = vec![
            header_xml(),
            contract_xml(
                2,
                "HT-M1",
                &[
                    ('F', d(2026, 10, 8)),
                    ('H', d(2026, 10, 9)),
                    ('K', d(2026, 10, 10)),
                    ('B', X::Blank),
                ],
            ),
        ];
        raw_xlsx(&inbox.join("mac1904.xlsx"), &[raw_sheet("s", rows)], true, None);
    },
    check: |o| {
        assert_eq!(o.cells("RG01", "mac1904.xlsx"), vec!["B2"]);
        assert!(o.cells("RG04", "mac1904.xlsx").is_empty());
    },
};

#[test]
fn workbooks_with_1904_dates() {
    run_case(&DATE1904);
}

static TIME_ONLY: Case = Case {
    write: |inbox| {
        let rows = vec![
            header_xml(),
            contract_xml(2, "HT-T1", &[('F', X::Time(0.5))]),
            contract_xml(3, "HT-T2", &[('F', str_("14:30"))]),
        ];
        raw_xlsx(&inbox.join("time-only.xlsx"), &[raw_sheet("s", rows)], false, None);
    },
    check: |o| {
        let found = o.findings("RG02", "time-only.xlsx");
        assert_eq!(
            found.iter().map(|f| f.1.as_str()).collect::<Vec<_>>(),
            vec!["F2", "F3"],
            "{found:?}"
        );
        for f in &found {
            assert!(f.3.contains("a time of day without a date"), "{}", f.3);
        }
        assert!(found[1].3.contains("14:30"), "{}", found[1].3);
    },
};

#[test]
fn time_only_values_in_a_date_column() {
    run_case(&TIME_ONLY);
}

static NO_YEAR: Case = Case {
    write: |inbox| {
        let rows = vec![
            header_xml(),
            contract_xml(2, "HT-Y1", &[('F', str_("3月14日"))]),
            contract_xml(3, "HT-Y2", &[('F', str_("10-08"))]),
            contract_xml(4, "HT-Y3", &[('F', str_("10/8"))]),
        ];
        raw_xlsx(&inbox.join("no-year.xlsx"), &[raw_sheet("s", rows)], false, None);
    },
    check: |o| {
        let found = o.findings("RG02", "no-year.xlsx");
        assert_eq!(
            found.iter().map(|f| f.1.as_str()).collect::<Vec<_>>(),
            vec!["F2", "F3", "F4"],
            "{found:?}"
        );
        for f in &found {
            assert!(f.3.contains("the date has no year"), "{}", f.3);
        }
    },
};

#[test]
fn dates_with_no_year() {
    run_case(&NO_YEAR);
}

static LOST_ZEROS: Case = Case {
    write: |inbox| {
        // `00123` typed into a number cell became 123: it is kept as read (no zeros are guessed).
        let rows = vec![
            header_xml(),
            contract_xml(2, "x", &[('A', X::Num(123.0)), ('B', X::Blank)]),
        ];
        raw_xlsx(&inbox.join("zeros.xlsx"), &[raw_sheet("s", rows)], false, None);
    },
    check: |o| {
        let found = o.findings("RG01", "zeros.xlsx");
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].1.as_str(), found[0].2.as_str()), ("B2", "123"));
    },
};

#[test]
fn ids_that_lost_leading_zeros_are_kept_as_read() {
    run_case(&LOST_ZEROS);
}

static FORMULAS_AND_ERRORS: Case = Case {
    write: |inbox| {
        let rows = vec![
            header_xml(),
            contract_xml(2, "HT-E1", &[('F', X::Err("#N/A"))]),
            contract_xml(3, "HT-E2", &[('E', X::Err("#DIV/0!"))]),
            // A formula never calculated (written by a program, not Excel): no value to read.
            contract_xml(4, "HT-E3", &[('B', X::Formula("A4&\"\""))]),
        ];
        raw_xlsx(&inbox.join("errors.xlsx"), &[raw_sheet("s", rows)], false, None);
    },
    check: |o| {
        let found = o.findings("RG02", "errors.xlsx");
        assert_eq!(
            found.iter().map(|f| f.1.as_str()).collect::<Vec<_>>(),
            vec!["F2", "E3"],
            "{:?} {:?}",
            o.stderr,
            o.inputs("errors.xlsx")
        );
        assert!(
            found[0].3.contains("#N/A") && found[0].3.contains("Excel error"),
            "{}",
            found[0].3
        );
        assert!(found[1].3.contains("#DIV/0!"), "{}", found[1].3);
        // The uncalculated formula is a blank cell: the customer is missing.
        assert_eq!(o.cells("RG01", "errors.xlsx"), vec!["B4"]);
    },
};

#[test]
fn error_cells_and_formulas_without_a_value() {
    run_case(&FORMULAS_AND_ERRORS);
}

static CONTROL_CHARS: Case = Case {
    write: |inbox| {
        let rows = vec![
            header_xml(),
            // Excel writes control characters as _xHHHH_ escapes.
            contract_xml(
                2,
                "HT-K1",
                &[
                    ('B', str_("華東_x001B_[2J機械廠_x0007_")),
                    ('E', str_("12_x001B_]0;pwned_x0007_34")),
                ],
            ),
        ];
        raw_xlsx(&inbox.join("control.xlsx"), &[raw_sheet("s", rows)], false, None);
    },
    check: |o| {
        let found = o.findings("RG02", "control.xlsx");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "E2");
        assert!(!o.stdout_text.contains('\u{1b}') && !o.stdout_text.contains("\\u001b"));
        assert!(!o.stdout_text.contains('\u{7}') && !o.stdout_text.contains("\\u0007"));
        assert!(found[0].3.contains("12]0;pwned34"), "{}", found[0].3);
    },
};

#[test]
fn control_characters_in_cells_are_removed() {
    run_case(&CONTROL_CHARS);
}

static CATALOGUE: &[&Case] = &[
    &CSV_BAD_BYTE,
    &CORRUPT_XML_PART,
    &ENTITY_BOMBS,
    &FAR_STRAY_CELL,
    &HUGE_STRINGS,
    &VERY_HIDDEN,
    &DUPLICATE_HEADERS,
    &NUMBERS_AS_DATES,
    &DATE1904,
    &TIME_ONLY,
    &NO_YEAR,
    &LOST_ZEROS,
    &FORMULAS_AND_ERRORS,
    &CONTROL_CHARS,
];

/// Every catalogue file in one inbox, with the broken files of the tests above: the run ends
/// normally, says what each case says alone, and stays well under 1 GiB.
#[test]
fn the_whole_catalogue_in_one_inbox() {
    let dir = tempdir();
    let inbox = dir.path().join("inbox");
    std::fs::create_dir_all(&inbox).unwrap();
    let mut ok = contract_row("HT-OK");
    ok[1] = B;
    xlsx(&inbox.join("ok.xlsx"), vec![sheet("s", vec![contract_header(), ok])]);
    for case in CATALOGUE {
        (case.write)(&inbox);
    }
    std::fs::write(inbox.join("~$ok.xlsx"), b"\x05owner").unwrap();
    std::fs::write(inbox.join("empty.xlsx"), b"").unwrap();
    let bytes = std::fs::read(inbox.join("ok.xlsx")).unwrap();
    std::fs::write(inbox.join("cut.xlsx"), &bytes[..bytes.len() / 2]).unwrap();
    std::fs::write(inbox.join("renamed.xls"), &bytes).unwrap();
    std::fs::write(inbox.join("page.xls"), "<html><body><table></table></body></html>").unwrap();
    std::fs::write(inbox.join("junk.xls"), [0u8, 1, 2, 3, 200, 201, 5, 6, 7]).unwrap();
    let out = std::process::Command::new("/usr/bin/time")
        .current_dir(dir.path())
        .args(["-f", "peak-kb %M", env!("CARGO_BIN_EXE_clerk")])
        .args(["check", "inbox", "--month", "2026-10", "--format", "json"])
        .output()
        .expect("/usr/bin/time");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    // /usr/bin/time reports the child's status on its own line when it is not 0.
    assert!(
        matches!(out.status.code(), Some(0) | Some(1)),
        "{:?}: {stderr}",
        out.status
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    let peak_kb: u64 = stderr
        .lines()
        .find_map(|l| l.strip_prefix("peak-kb "))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no peak memory in {stderr}"));
    eprintln!("catalogue inbox: peak memory {peak_kb} KB");
    assert!(peak_kb < 1 << 20, "peak {peak_kb} KB");
    let outcome = Outcome {
        json: serde_json::from_slice(&out.stdout).unwrap(),
        stdout_text: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: stderr.lines().map(String::from).collect(),
    };
    assert_eq!(outcome.cells("RG01", "ok.xlsx"), vec!["B2"]);
    assert_eq!(outcome.inputs("renamed.xls").len(), 1);
    for name in ["empty.xlsx", "cut.xlsx", "page.xls", "junk.xls"] {
        outcome.line(name);
    }
    for case in CATALOGUE {
        (case.check)(&outcome);
    }
}

/// An ODS whose one row is declared 9,000 times over 11,000 columns: calamine would build a dense
/// range of 99 million cells. The contained reader is stopped; the run goes on.
#[test]
fn an_ods_declaring_a_huge_range_costs_one_line() {
    let dir = tempdir();
    let inbox = dir.path().join("inbox");
    good(&inbox.join("ok.xlsx"));
    let file = std::fs::File::create(inbox.join("huge.ods")).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let deflated = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    zip.start_file("META-INF/manifest.xml", deflated).unwrap();
    zip.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#).unwrap();
    zip.start_file("content.xml", deflated).unwrap();
    zip.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="s"><table:table-row table:number-rows-repeated="9000"><table:table-cell table:number-columns-repeated="11000" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#).unwrap();
    zip.finish().unwrap();
    let ran = run_in(
        dir.path(),
        &["check", "inbox", "--month", "2026-10", "--format", "json"],
    );
    assert!(ran.status == 0 || ran.status == 1, "{}", ran.stderr);
    assert_eq!(ran.stderr.lines().count(), 1, "{}", ran.stderr);
    assert!(
        ran.stderr.starts_with("huge.ods: ") && ran.stderr.contains("memory"),
        "{}",
        ran.stderr
    );
    let json: serde_json::Value = serde_json::from_str(&ran.stdout).unwrap();
    assert_eq!(json["inputs"].as_array().unwrap().len(), 1, "ok.xlsx is still read");
}

/// Workbooks found by the AFL++ run of fuzz/ (the `workbook` target) that make calamine panic:
/// each costs its file one line, and the run goes on.
#[test]
fn workbooks_that_make_the_reader_panic_cost_one_line() {
    let dir = tempdir();
    let inbox = dir.path().join("inbox");
    good(&inbox.join("ok.xlsx"));
    for name in ["calamine-panic-1.xlsx", "calamine-panic-2.xlsx"] {
        std::fs::copy(repo_root().join("tests/fixtures/bad").join(name), inbox.join(name)).unwrap();
    }
    let ran = run_in(
        dir.path(),
        &["check", "inbox", "--month", "2026-10", "--format", "json"],
    );
    assert!(ran.status == 0 || ran.status == 1, "{}", ran.stderr);
    assert!(!ran.stderr.contains("panicked"));
    let lines: Vec<&str> = ran.stderr.lines().collect();
    if cfg!(debug_assertions) {
        assert_eq!(lines.len(), 2, "{}", ran.stderr);
        assert!(lines[0].starts_with("calamine-panic-1.xlsx: "), "{}", ran.stderr);
        assert!(lines[1].starts_with("calamine-panic-2.xlsx: "), "{}", ran.stderr);
    } else {
        // Without overflow checks (release builds) the second file does not make calamine panic.
        assert!(lines.len() <= 2, "{}", ran.stderr);
        assert!(lines[0].starts_with("calamine-panic-1.xlsx: "), "{}", ran.stderr);
    }
    let json: serde_json::Value = serde_json::from_str(&ran.stdout).unwrap();
    let inputs = json["inputs"].as_array().unwrap();
    assert!(inputs.iter().any(|i| i["file"] == "ok.xlsx"), "ok.xlsx is still read");
    assert_eq!(
        inputs.len(),
        if cfg!(debug_assertions) { 1 } else { inputs.len().min(2) }
    );
}

/// The limits are settings: rows beyond `max_rows` are left out and listed; a workbook of more
/// parts than `max_zip_parts` is refused with one line.
#[test]
fn limits_come_from_the_settings() {
    let dir = tempdir();
    let inbox = dir.path().join("inbox");
    let rows = vec![
        contract_header(),
        contract_row("HT-1"),
        contract_row("HT-2"),
        contract_row("HT-3"),
        contract_row("HT-4"),
    ];
    xlsx(&inbox.join("c.xlsx"), vec![sheet("s", rows)]);
    std::fs::write(inbox.join("clerk.toml"), "[limits]\nmax_rows = 3\n").unwrap();
    let json = check_json(&inbox, Some("2026-10"));
    assert_eq!(json["inputs"][0]["rows"], 2, "{json}");
    let skipped = json["skipped"].as_array().unwrap();
    assert!(
        skipped
            .iter()
            .any(|s| s["reason"] == "cells_ignored" && s["detail"] == "A4"),
        "{skipped:?}"
    );
    std::fs::write(inbox.join("clerk.toml"), "[limits]\nmax_zip_parts = 3\n").unwrap();
    let ran = run_in(dir.path(), &["check", "inbox", "--month", "2026-10"]);
    assert_eq!(ran.status, 2, "nothing readable is left");
    assert!(
        ran.stderr.contains("c.xlsx: ") && ran.stderr.contains("more than 3"),
        "{}",
        ran.stderr
    );
    std::fs::write(inbox.join("clerk.toml"), "[limits]\nmax_columns = 0\n").unwrap();
    let ran = run_in(dir.path(), &["check", "inbox"]);
    assert_eq!(ran.status, 2);
    assert!(ran.stderr.contains("[limits] max_columns"), "{}", ran.stderr);
}
