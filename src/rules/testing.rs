//! Helpers for the rules' unit tests: registers built in memory from sheets of text — a header row
//! written as staff write it, then data rows — read through the real header matcher and loader;
//! one rule run on them for a period as [`super::check_all`] runs it (only when its registers are
//! given; findings in SPEC 6 order); findings seen as (record, cell, severity).
//!
//! ```ignore
//! let header = "合同編號 | 顧客 | 類型 | 產品類別 | 接收日期";
//! let sheet = Sheet::new(Kind::Contracts, header, &["HT-1 |  | 合同 | 常規產品 | 2026-10-02"]);
//! let found = run(&Rg01, "2026-10", &[sheet]);
//! assert_eq!(spots(&found), [spot("HT-1", "B2", Severity::Error)]);
//! ```

pub use crate::base::i18n::Lang;
pub use crate::registers::{Kind, Registers};
pub use crate::rules::finding::{Finding, Severity};
pub use crate::rules::Rule;
pub use crate::settings::Settings;

use crate::base::message::Message;
use crate::month::{ClosedRecords, Month, Period, ReportedMonth};
use crate::read::RawCell;
use crate::read::{SheetRow, SheetSink};
use crate::registers::{Loader, Matcher};
use crate::rules::Context;

/// One sheet of a register: the header in row 1, the data rows from row 2. A blank text is a
/// blank cell; a row shorter than the header is blank to its end.
#[derive(Clone, Debug)]
pub struct Sheet {
    /// The register the header must be recognised as.
    pub kind: Kind,
    pub file: String,
    pub name: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Sheet {
    /// A sheet `Sheet1` of `book.xlsx`; the header and each row written as a line of a table,
    /// cells between `|` (spaces around them do not count): `"HT-1 | 甲公司 |  | 2026-10-05"`.
    pub fn new(kind: Kind, header: &str, rows: &[&str]) -> Sheet {
        let split = |line: &str| line.split('|').map(|c| c.trim_matches(' ').to_string()).collect();
        Sheet::of(kind, split(header), rows.iter().map(|r| split(r)).collect())
    }

    /// A sheet given cell by cell, each text as it is (for a cell holding `|` or spaces).
    pub fn cells(kind: Kind, header: &[&str], rows: &[&[&str]]) -> Sheet {
        let strings = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect();
        Sheet::of(kind, strings(header), rows.iter().map(|r| strings(r)).collect())
    }

    fn of(kind: Kind, header: Vec<String>, rows: Vec<Vec<String>>) -> Sheet {
        Sheet {
            kind,
            file: "book.xlsx".into(),
            name: "Sheet1".into(),
            header,
            rows,
        }
    }

    /// The same rows in a sheet of another name (a 顧客投訴記錄 is told by its name).
    pub fn named(mut self, name: &str) -> Sheet {
        self.name = name.into();
        self
    }

    /// The same sheet in another file.
    pub fn in_file(mut self, file: &str) -> Sheet {
        self.file = file.into();
        self
    }
}

fn cell(text: &str) -> RawCell {
    match text {
        "" => RawCell::Empty,
        t => RawCell::Text(t.into()),
    }
}

/// The registers the sheets make, read with the header words, options and date order of
/// `settings`. Each sheet must be recognised as its kind.
pub fn registers(settings: &Settings, sheets: &[Sheet]) -> Registers {
    let matcher = Matcher::new(&settings.vocabulary());
    let mut registers = Registers::default();
    for sheet in sheets {
        let mut loader = Loader::new(&matcher, &sheet.file, "00");
        loader.begin_sheet(&sheet.name, false);
        let header = sheet.header.iter().map(|h| cell(h)).collect();
        loader.row(SheetRow { row: 1, cells: header });
        for (i, row) in sheet.rows.iter().enumerate() {
            let cells = row.iter().map(|c| cell(c)).collect();
            loader.row(SheetRow {
                row: i as u32 + 2,
                cells,
            });
        }
        loader.end_sheet();
        let kinds: Vec<Kind> = loader.out.sheets.iter().map(|s| s.source.kind).collect();
        assert_eq!(
            kinds,
            [sheet.kind],
            "{} › {}: {:?}",
            sheet.file,
            sheet.name,
            loader.out.skipped
        );
        registers.add(loader.out);
    }
    registers
}

/// The settings a clerk.toml gives (errors in English).
pub fn settings(toml: &str) -> Settings {
    crate::settings::parse_in_english(toml).unwrap_or_else(|e| panic!("{e}"))
}

/// What `rule` finds in `registers` for `period` (`2026-10`, `2026-Q3`, `2026-H2`, `2026`), with
/// English texts: nothing when one of the registers it needs is absent, as in a run.
pub fn findings(rule: &dyn Rule, registers: &Registers, settings: &Settings, period: &str) -> Vec<Finding> {
    findings_after(rule, registers, settings, period, ClosedRecords::default())
}

/// What `rule` finds as [`findings`] does, the month given the records of months reported before.
pub fn findings_after(
    rule: &dyn Rule,
    registers: &Registers,
    settings: &Settings,
    period: &str,
    closed: ClosedRecords,
) -> Vec<Finding> {
    if !rule.registers().iter().all(|k| registers.has(*k)) {
        return Vec::new();
    }
    let period = Period::parse(period).unwrap();
    let month = Month::new(registers, &period, settings).with_closed(closed);
    let ctx = Context::new(&month, crate::rules::tests::catalogue(Lang::En));
    let mut out = Vec::new();
    rule.check(&ctx, &mut out);
    crate::rules::finding::sort(&mut out, &ctx.text);
    // The messages as a user reads them, in English.
    for f in &mut out {
        f.message = Message::text(ctx.text.render(&f.message));
    }
    out
}

/// What `rule` finds in the sheets for `period`, with the default settings.
pub fn run(rule: &dyn Rule, period: &str, sheets: &[Sheet]) -> Vec<Finding> {
    run_with(rule, &Settings::default(), period, sheets)
}

/// What `rule` finds in the sheets for `period`, with `settings`.
pub fn run_with(rule: &dyn Rule, settings: &Settings, period: &str, sheets: &[Sheet]) -> Vec<Finding> {
    findings(rule, &registers(settings, sheets), settings, period)
}

/// What `rule` finds in the sheets for `period`, after the months `reported` were reported.
pub fn run_after(rule: &dyn Rule, reported: ClosedRecords, period: &str, sheets: &[Sheet]) -> Vec<Finding> {
    let settings = Settings::default();
    findings_after(rule, &registers(&settings, sheets), &settings, period, reported)
}

/// The closed records a history hands in after each month of `reports` (`YYYY-MM`, in order) was
/// reported from its sheets: every record's fingerprint as the latest report read it.
pub fn reported(reports: &[(&str, &[Sheet])]) -> ClosedRecords {
    let settings = Settings::default();
    let mut prints = Vec::new();
    let mut months = Vec::new();
    for (month, sheets) in reports {
        let registers = registers(&settings, sheets);
        let period = Period::parse(month).unwrap();
        prints.extend(Month::new(&registers, &period, &settings).fingerprints());
        let kinds = sheets.iter().map(|s| s.kind).collect();
        months.push(ReportedMonth {
            month: month.to_string(),
            kinds,
        });
    }
    ClosedRecords::new(prints, months)
}

/// (record, cell, severity) of each finding; the cell is `F17`, or the row alone when the sheet
/// lacks the column.
pub fn spots(findings: &[Finding]) -> Vec<(String, String, Severity)> {
    findings
        .iter()
        .map(|f| (f.record.clone(), f.location.cell(), f.severity))
        .collect()
}

pub fn spot(record: &str, cell: &str, severity: Severity) -> (String, String, Severity) {
    (record.to_string(), cell.to_string(), severity)
}

/// The messages of the findings, in order.
pub fn messages(findings: &[Finding]) -> Vec<&str> {
    findings.iter().map(|f| f.message.as_str()).collect()
}

/// Asserts that `message` contains every one of `parts`.
#[track_caller]
pub fn assert_says(message: &str, parts: &[&str]) {
    for part in parts {
        assert!(message.contains(part), "«{part}» not in: {message}");
    }
}

#[test]
fn a_sheet_is_read_through_the_header_matcher_and_the_loader() {
    let header = "合同編號 | 顧客 | 類型 | 產品類別 | 金額(萬元) | 接收日期";
    let sheet = Sheet::new(
        Kind::Contracts,
        header,
        &["HT-1 | 甲公司 |  | 常規產品 | 12 | 2026/10/3"],
    );
    let regs = registers(&Settings::default(), &[sheet.in_file("合同.xlsx").named("2026")]);
    let record = &regs.by_kind[&Kind::Contracts].records[0];
    use crate::registers::contracts;
    assert_eq!(record.money(contracts::AMOUNT), Some(120_000.into()));
    assert_eq!(record.day(contracts::RECEIVED_DATE).unwrap().to_string(), "2026-10-03");
    assert!(!record.has(contracts::DOCUMENT_TYPE));
    assert_eq!(
        (regs.sources[0].file.as_str(), regs.sources[0].sheet.as_str()),
        ("合同.xlsx", "2026")
    );
    assert_eq!(record.row, 2);
    let cells = Sheet::cells(Kind::Contracts, &["合同編號", "顧客"], &[&[" HT-1 ", "甲|乙"]]);
    assert_eq!(cells.rows, [[" HT-1 ", "甲|乙"]]);
}

#[test]
#[should_panic(expected = "Sheet1")]
fn a_sheet_not_recognised_as_its_kind_fails_the_test() {
    registers(
        &Settings::default(),
        &[Sheet::new(Kind::Guests, "合同編號 | 顧客", &["HT-1 | 甲"])],
    );
}
