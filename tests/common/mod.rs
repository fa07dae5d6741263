//! Helpers for the end-to-end tests: small fixture workbooks written on the fly, and running the
//! real `clerk` binary on them.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

/// A cell of a fixture row.
#[derive(Clone, Debug)]
pub enum C {
    S(&'static str),
    T(String),
    N(f64),
    /// A real Excel date cell.
    D(u16, u8, u8),
    /// A real Excel date-time cell.
    Dt(u16, u8, u8, u16, u8),
    B,
}

pub use C::*;

pub fn s(text: &'static str) -> C {
    C::S(text)
}

/// A sheet: name and rows (row 1 first).
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<C>>,
    pub hidden: bool,
}

pub fn sheet(name: &str, rows: Vec<Vec<C>>) -> Sheet {
    Sheet {
        name: name.to_string(),
        rows,
        hidden: false,
    }
}

/// Writes an xlsx fixture.
pub fn xlsx(path: &Path, sheets: Vec<Sheet>) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).unwrap();
    }
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let datetime = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    for sh in sheets {
        let ws = book.add_worksheet();
        ws.set_name(&sh.name).unwrap();
        if sh.hidden {
            ws.set_hidden(true);
        }
        for (r, row) in sh.rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match cell {
                    S(t) => {
                        ws.write_string(r, c, *t).unwrap();
                    }
                    T(t) => {
                        ws.write_string(r, c, t).unwrap();
                    }
                    N(n) => {
                        ws.write_number(r, c, *n).unwrap();
                    }
                    D(y, m, d) => {
                        let v = ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
                        ws.write_datetime_with_format(r, c, &v, &date).unwrap();
                    }
                    Dt(y, m, d, hh, mm) => {
                        let v = ExcelDateTime::from_ymd(*y, *m, *d)
                            .unwrap()
                            .and_hms(*hh, *mm, 0)
                            .unwrap();
                        ws.write_datetime_with_format(r, c, &v, &datetime).unwrap();
                    }
                    B => {}
                }
            }
        }
    }
    book.save(path).unwrap();
}

pub fn clerk() -> Command {
    Command::new(env!("CARGO_BIN_EXE_clerk"))
}

pub struct Ran {
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn run_in(dir: &Path, args: &[&str]) -> Ran {
    let out = clerk().current_dir(dir).args(args).output().expect("run clerk");
    Ran {
        status: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// `clerk check INBOX --format json [--month M]`, parsed.
pub fn check_json(inbox: &Path, month: Option<&str>) -> serde_json::Value {
    let mut args = vec![
        "check".to_string(),
        inbox.display().to_string(),
        "--format".into(),
        "json".into(),
    ];
    if let Some(m) = month {
        args.push("--month".into());
        args.push(m.into());
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let ran = run_in(inbox.parent().unwrap_or(inbox), &args);
    assert!(
        ran.status == 0 || ran.status == 1,
        "clerk check failed: {}\n{}",
        ran.status,
        ran.stderr
    );
    serde_json::from_str(&ran.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", ran.stdout))
}

/// Findings of a rule as (file, sheet, cell, record) tuples.
pub fn cells_of(json: &serde_json::Value, rule: &str) -> Vec<(String, String, String, String)> {
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == rule)
        .map(|f| {
            (
                f["file"].as_str().unwrap().to_string(),
                f["sheet"].as_str().unwrap().to_string(),
                format!("{}{}", f["column"].as_str().unwrap(), f["row"]),
                f["record"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// Just the cells (`F17`) of a rule's findings.
pub fn cells(json: &serde_json::Value, rule: &str) -> Vec<String> {
    cells_of(json, rule).into_iter().map(|c| c.2).collect()
}

pub fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A contracts header row in Traditional Chinese and a compliant October contract row.
pub fn contract_header() -> Vec<C> {
    vec![
        s("合同編號"),
        s("客戶名稱"),
        s("單據類型"),
        s("產品類別"),
        s("金額"),
        s("接收日期"),
        s("評審方式"),
        s("評審日期"),
        s("批准人"),
        s("批准人職務"),
        s("簽訂日期"),
    ]
}

pub fn contract_row(id: &'static str) -> Vec<C> {
    vec![
        s(id),
        s("華東機械廠"),
        s("合同"),
        s("常規產品"),
        N(250000.0),
        D(2026, 10, 8),
        s("授權人員評審"),
        D(2026, 10, 9),
        s("王經理"),
        s("銷售公司經理"),
        D(2026, 10, 10),
    ]
}

/// `eml_dump.py`: the message as Python's e-mail package reads it; attachments saved to `saved`.
pub fn dump(eml: &Path, saved: &Path) -> serde_json::Value {
    let out = Command::new("python3")
        .arg(repo_root().join("tests/support/eml_dump.py"))
        .arg(eml)
        .arg(saved)
        .output()
        .expect("python3 must be installed to run the e-mail tests");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}
