//! Generates large registers for the benchmark: `cargo run --release --example gen_large -- DIR ROWS`.
//!
//! ROWS data rows in all, spread over the six register kinds and several xlsx files (at most
//! 100,000 rows a file, as staff split a long register by year or outlet) plus one CSV of visits,
//! with Chinese text, real dates, amounts, and the kinds of problems the sample month plants at a
//! low rate (about 1 row in 200). Deterministic: the same arguments give the same files.
//!
//! `gen_large DIR ROWS contracts` writes the other case instead: one register kept in one
//! workbook (a decade of contracts, ROWS rows of 15 columns in one sheet).
//!
//! `gen_large DIR ROWS --visits VISITS` writes the registers of ROWS rows as above, but VISITS
//! rows in the CSV of visits instead of its share of ROWS (the set of ten million visits with the
//! other registers at their million-row sizes: `gen_large DIR 1000000 --visits 10000000`; with
//! a `clerk.toml` raising `limits.max_rows` when the visits are more than its default allows).

use std::error::Error;
use std::path::Path;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};

/// A small fixed-seed generator (xorshift), so the data needs no extra crate.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
    /// True about once in `n` rows.
    fn rare(&mut self, n: u64) -> bool {
        self.below(n) == 0
    }
}

const SURNAMES: &[&str] = &[
    "王", "李", "張", "劉", "陳", "楊", "黃", "趙", "吳", "周", "徐", "孫", "馬", "朱", "胡", "郭",
];
const GIVEN: &[&str] = &[
    "偉", "芳", "娜", "敏", "靜", "麗", "強", "磊", "軍", "洋", "勇", "艷", "傑", "娟", "濤", "明",
];
const COMPANIES: &[&str] = &[
    "華東機械廠",
    "江南重工",
    "長江電氣",
    "海天設備",
    "金橋建設",
    "東方船舶",
    "新華礦業",
    "永安化工",
    "明德物流",
    "宏遠科技",
    "中原鋼鐵",
    "北辰能源",
];
const DISHES: &[&str] = &[
    "龍蝦宴",
    "商務套餐",
    "粵式點心",
    "海鮮火鍋",
    "素齋",
    "烤鴨宴",
    "婚宴A",
    "壽宴B",
];
const RATINGS: &[&str] = &["滿意", "很好", "一般", "偏鹹", "上菜慢", "非常滿意"];
const REPLIES: &[&str] = &[
    "您好,已為您更換房間,請放心。",
    "對不起,讓您久等了,我們已安排維修。",
    "謝謝您的建議,我們會盡量改進。",
    "很抱歉給您帶來不便,已退回差價。",
];

fn name(rng: &mut Rng) -> String {
    format!("{}{}", rng.pick(SURNAMES), rng.pick(GIVEN))
}

fn date(year: u16, day_of_year: u64) -> Result<ExcelDateTime, Box<dyn Error>> {
    let d = ExcelDateTime::from_ymd(year, 1, 1)?;
    Ok(ExcelDateTime::from_serial_datetime(d.to_excel() + day_of_year as f64)?)
}

/// One workbook of `rows` rows of `kind`, starting at sequence number `first`.
/// Writes one workbook of `rows` rows of `kind`, numbered from `first`. `low_memory`: its rows
/// are written out as they come (for a sheet of a million rows; the XML then has no row spans).
fn workbook(
    path: &Path,
    kind: &str,
    first: u64,
    rows: u64,
    rng: &mut Rng,
    low_memory: bool,
) -> Result<(), Box<dyn Error>> {
    let mut book = Workbook::new();
    // A fixed creation time (not now), so that the same arguments give the same bytes.
    book.set_properties(&DocProperties::new().set_creation_datetime(&ExcelDateTime::from_ymd(2026, 1, 1)?));
    let sheet = match low_memory {
        true => book.add_worksheet_with_low_memory()?,
        false => book.add_worksheet(),
    };
    sheet.set_name("2026")?;
    let date_fmt = Format::new().set_num_format("yyyy-mm-dd");
    let time_fmt = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    let money = Format::new().set_num_format("#,##0.00");
    let headers: &[&str] = match kind {
        "contracts" => &[
            "合同編號",
            "客戶名稱",
            "單據類型",
            "產品類別",
            "金額",
            "接收日期",
            "評審方式",
            "評審人",
            "評審日期",
            "批准人",
            "批准人職務",
            "簽訂日期",
            "評審單編號",
            "評審結論",
            "備註",
        ],
        "amendments" => &[
            "合同編號",
            "修訂日期",
            "修訂內容",
            "重新評審日期",
            "重新評審人",
            "修訂通知單編號",
            "通知日期",
            "通知部門",
        ],
        "feedback" => &[
            "編號",
            "接收日期",
            "顧客",
            "渠道",
            "類別",
            "重大",
            "內容",
            "處理人",
            "評審日期",
            "處理措施",
            "回復日期",
            "回復內容",
            "解決日期",
            "責任部門",
        ],
        "guests" => &[
            "客戶編號",
            "姓名",
            "類別",
            "單位",
            "電話",
            "生日",
            "結婚紀念日",
            "飲食習慣",
            "建檔日期",
            "客戶經理",
        ],
        _ => &["日期", "客戶編號", "回訪人", "方式", "內容"],
    };
    sheet.write_string(0, 0, format!("{kind} 2026"))?;
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(1, c as u16, *h)?;
    }
    for i in 0..rows {
        let r = (i + 2) as u32;
        let n = first + i;
        let day = rng.below(300);
        match kind {
            "contracts" => {
                let id = if rng.rare(400) {
                    format!("HT-{:07}", n.saturating_sub(1))
                } else {
                    format!("HT-{n:07}")
                };
                sheet.write_string(r, 0, id)?;
                if !rng.rare(300) {
                    sheet.write_string(r, 1, rng.pick(COMPANIES))?;
                }
                sheet.write_string(r, 2, rng.pick(&["合同", "訂單", "口頭訂單", "標書"]))?;
                sheet.write_string(
                    r,
                    3,
                    rng.pick(&["常規產品", "常規產品", "常規產品", "非常規產品", "新產品"]),
                )?;
                if rng.rare(500) {
                    sheet.write_string(r, 4, "約一百萬")?;
                } else {
                    sheet.write_number_with_format(r, 4, (rng.below(2_000_000) + 10_000) as f64, &money)?;
                }
                sheet.write_datetime_with_format(r, 5, date(2026, day)?, &date_fmt)?;
                sheet.write_string(r, 6, rng.pick(&["授權人員評審", "會簽評審", "會議評審"]))?;
                sheet.write_string(r, 7, name(rng))?;
                sheet.write_datetime_with_format(r, 8, date(2026, day + 1)?, &date_fmt)?;
                sheet.write_string(r, 9, name(rng))?;
                sheet.write_string(r, 10, rng.pick(&["銷售公司經理", "生產副總經理", "總經理"]))?;
                sheet.write_datetime_with_format(r, 11, date(2026, day + 2)?, &date_fmt)?;
                sheet.write_string(r, 12, format!("PS-{n:07}"))?;
                sheet.write_string(r, 13, "接受")?;
            }
            "amendments" => {
                sheet.write_string(r, 0, format!("HT-{:07}", rng.below(first + rows)))?;
                sheet.write_datetime_with_format(r, 1, date(2026, day)?, &date_fmt)?;
                sheet.write_string(r, 2, "交貨期延後兩週")?;
                if !rng.rare(200) {
                    sheet.write_datetime_with_format(r, 3, date(2026, day)?, &date_fmt)?;
                }
                sheet.write_string(r, 4, name(rng))?;
                sheet.write_string(r, 5, format!("XT-{n:07}"))?;
                sheet.write_datetime_with_format(r, 6, date(2026, day + 1)?, &date_fmt)?;
                sheet.write_string(r, 7, "生產部、採購部")?;
            }
            "feedback" => {
                sheet.write_string(r, 0, format!("FK-{n:07}"))?;
                let received = date(2026, day)?;
                sheet.write_datetime_with_format(r, 1, received, &time_fmt)?;
                sheet.write_string(r, 2, name(rng))?;
                sheet.write_string(r, 3, rng.pick(&["電話", "來訪", "郵件", "網上"]))?;
                sheet.write_string(r, 4, rng.pick(&["投訴", "抱怨", "問詢", "建議", "表揚"]))?;
                sheet.write_string(r, 5, if rng.rare(50) { "是" } else { "否" })?;
                sheet.write_string(r, 6, "房間空調噪音大,影響休息")?;
                sheet.write_string(r, 7, name(rng))?;
                sheet.write_datetime_with_format(r, 8, date(2026, day + 1)?, &date_fmt)?;
                sheet.write_string(r, 9, "安排工程部檢修")?;
                let replied = if rng.rare(200) { day.saturating_sub(3) } else { day + 2 };
                sheet.write_datetime_with_format(r, 10, date(2026, replied)?, &date_fmt)?;
                sheet.write_string(r, 11, rng.pick(REPLIES))?;
                sheet.write_datetime_with_format(r, 12, date(2026, day + 3)?, &date_fmt)?;
                sheet.write_string(r, 13, rng.pick(&["客房部", "餐飲部", "工程部", "銷售公司"]))?;
            }
            "guests" => {
                sheet.write_string(r, 0, format!("G-{n:07}"))?;
                sheet.write_string(r, 1, name(rng))?;
                sheet.write_string(r, 2, rng.pick(&["A", "B", "C", "C", "C"]))?;
                sheet.write_string(r, 3, rng.pick(COMPANIES))?;
                sheet.write_string(r, 4, format!("1{:010}", rng.below(10_000_000_000)))?;
                sheet.write_datetime_with_format(r, 5, date(1975, rng.below(7000))?, &date_fmt)?;
                sheet.write_datetime_with_format(r, 6, date(2000, rng.below(7000))?, &date_fmt)?;
                sheet.write_string(r, 7, rng.pick(&["清淡", "喜辣", "素食", "海鮮過敏"]))?;
                sheet.write_datetime_with_format(r, 8, date(2024, rng.below(900))?, &date_fmt)?;
                sheet.write_string(r, 9, name(rng))?;
            }
            _ => {
                sheet.write_datetime_with_format(r, 0, date(2026, day)?, &date_fmt)?;
                sheet.write_string(r, 1, format!("G-{:07}", rng.below(first + rows)))?;
                sheet.write_string(r, 2, name(rng))?;
                sheet.write_string(r, 3, rng.pick(&["電話", "拜訪", "微信"]))?;
                sheet.write_string(r, 4, "節日問候,邀請參加品鑒會")?;
            }
        }
    }
    book.save(path)?;
    Ok(())
}

/// Visits as a CSV: the largest register, as a point-of-sale export would give it.
fn visits_csv(path: &Path, rows: u64, guests: u64, rng: &mut Rng) -> Result<(), Box<dyn Error>> {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    writeln!(out, "日期,客户编号,消费金额,宴会菜单,菜品评价,人数,餐厅")?;
    for _ in 0..rows {
        let month = 1 + rng.below(12);
        let day = 1 + rng.below(28);
        let guest = rng.below(guests.max(1));
        let spend = rng.below(30_000) + 200;
        let rating = if rng.rare(200) { "" } else { rng.pick(RATINGS) };
        writeln!(
            out,
            "2026-{month:02}-{day:02},G-{guest:07},{spend}.00,{},{rating},{},中餐厅",
            rng.pick(DISHES),
            1 + rng.below(12)
        )?;
    }
    Ok(())
}

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().collect();
    let usage = || {
        eprintln!("usage: gen_large DIR ROWS [contracts | --visits VISITS]");
        std::process::exit(2)
    };
    let (Some(dir), Some(total)) = (args.get(1), args.get(2).and_then(|n| n.parse::<u64>().ok())) else {
        usage()
    };
    let dir = Path::new(dir);
    match args.get(3).map(String::as_str) {
        None => generate(dir, total, total * 40 / 100),
        Some("contracts") if args.len() == 4 => one_workbook(dir, total),
        Some("--visits") if args.len() == 5 => match args[4].parse::<u64>() {
            Ok(visits) => generate(dir, total, visits),
            Err(_) => usage(),
        },
        Some(kind) if !kind.starts_with('-') => {
            eprintln!("gen_large: one workbook of {kind} is not made (only contracts)");
            std::process::exit(2);
        }
        Some(_) => usage(),
    }
}

/// Writes `total` rows of contracts as one workbook.
fn one_workbook(dir: &Path, total: u64) -> Result<(), Box<dyn Error>> {
    std::fs::create_dir_all(dir)?;
    let mut rng = Rng(SEED);
    workbook(&dir.join("contracts.xlsx"), "contracts", 1, total, &mut rng, true)
}

const SEED: u64 = 0x9E37_79B9_7F4A_7C15;

/// Writes registers for `total` rows into `dir`, over the six kinds and several files: each kind
/// its share of `total`, but the CSV of visits `visits` rows (40 % of `total` in the usual set).
fn generate(dir: &Path, total: u64, visits: u64) -> Result<(), Box<dyn Error>> {
    std::fs::create_dir_all(dir)?;
    let mut rng = Rng(SEED);
    // Share of all rows per kind; visits go to the CSV.
    let shares = [
        ("contracts", 20),
        ("amendments", 5),
        ("feedback", 20),
        ("guests", 5),
        ("callbacks", 10),
    ];
    let guests = total * 5 / 100;
    for (kind, share) in shares {
        let rows = total * share / 100;
        let per_file = 100_000;
        let mut first = 1;
        let mut part = 1;
        while first <= rows {
            let n = per_file.min(rows - first + 1);
            let path = dir.join(format!("{kind}-{part:02}.xlsx"));
            workbook(&path, kind, first, n, &mut rng, false)?;
            first += n;
            part += 1;
        }
    }
    visits_csv(&dir.join("visits.csv"), visits, guests, &mut rng)?;
    // More rows than a register may have by default (limits.max_rows): the set says so in its
    // own settings, as an office with such a register would.
    if visits >= 2_000_000 {
        let settings = format!("[limits]\nmax_rows = {}\n", visits + 1);
        std::fs::write(dir.join("clerk.toml"), settings)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clerk::base::i18n::Lang;
    use clerk::month::Period;
    use clerk::registers::Kind;
    use clerk::settings::{Settings, SettingsSource};

    fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
        let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .map(|p| {
                (
                    p.file_name().unwrap().to_string_lossy().to_string(),
                    std::fs::read(&p).unwrap(),
                )
            })
            .collect();
        files.sort();
        files
    }

    #[test]
    fn the_same_arguments_give_the_same_files() {
        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        generate(a.path(), 3_000, 1_200).unwrap();
        generate(b.path(), 3_000, 1_200).unwrap();
        let names: Vec<String> = files(a.path()).into_iter().map(|(name, _)| name).collect();
        assert_eq!(
            names,
            [
                "amendments-01.xlsx",
                "callbacks-01.xlsx",
                "contracts-01.xlsx",
                "feedback-01.xlsx",
                "guests-01.xlsx",
                "visits.csv"
            ]
        );
        assert!(files(a.path()) == files(b.path()), "two runs gave different bytes");
        // Not even the time of writing differs (two runs within one second would hide it).
        let book = std::fs::File::open(a.path().join("contracts-01.xlsx")).unwrap();
        let mut core = String::new();
        std::io::Read::read_to_string(
            &mut zip::ZipArchive::new(book)
                .unwrap()
                .by_name("docProps/core.xml")
                .unwrap(),
            &mut core,
        )
        .unwrap();
        assert!(core.contains(">2026-01-01T00:00:00Z</dcterms:created>"), "{core}");
    }

    /// `--visits`: the same workbooks as the usual set, and a CSV of as many visits as asked for.
    #[test]
    fn more_visits_leave_the_workbooks_as_they_are() {
        let (usual, big) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        generate(usual.path(), 3_000, 1_200).unwrap();
        generate(big.path(), 3_000, 5_000).unwrap();
        let (usual, big) = (files(usual.path()), files(big.path()));
        assert_eq!(usual.len(), big.len());
        for ((name, a), (_, b)) in usual.iter().zip(&big) {
            let lines = |bytes: &[u8]| bytes.iter().filter(|b| **b == b'\n').count();
            match name.as_str() {
                "visits.csv" => assert_eq!((lines(a), lines(b)), (1 + 1_200, 1 + 5_000)),
                _ => assert!(a == b, "{name} differs"),
            }
        }
    }

    /// clerk reads every generated file as its register, and finds the planted problems — each
    /// kind of them at least once, all of them at a low rate.
    #[test]
    fn the_planted_problems_are_found_at_a_low_rate() {
        let dir = tempfile::tempdir().unwrap();
        let rows = 10_000;
        generate(dir.path(), rows, rows * 40 / 100).unwrap();
        let hidden = indicatif::ProgressBar::hidden();
        let checked = clerk::commands::pipeline::check(
            dir.path(),
            &Settings::default(),
            SettingsSource::BuiltIn,
            &Period::month(2026, 10).unwrap(),
            clerk::commands::texts::catalogue(Lang::En),
            clerk::commands::pipeline::Reading {
                exclude: None,
                progress: &hidden,
                keep_rows: false,
                reader_exe: None,
                history: None,
            },
        );
        let registers = &checked.registers;
        assert!(registers.errors.is_empty(), "{:?}", registers.errors);
        for kind in Kind::ALL {
            assert!(registers.has(kind), "no {kind:?} register");
        }
        let read: usize = registers.by_kind.values().map(|r| r.records.len()).sum();
        assert_eq!(read as u64, rows);
        let count = |rule: &str| checked.report.findings.iter().filter(|f| f.rule == rule).count();
        // Blank required cells, an amount in words, reused numbers, dates after the month's end,
        // a major complaint reported late.
        let planted = ["RG01", "RG02", "RG03", "RG04", "CP03"];
        for rule in planted {
            assert!(count(rule) > 0, "{rule} planted but not found");
        }
        let all: usize = planted.iter().map(|rule| count(rule)).sum();
        assert!(all * 100 < read, "{all} planted problems in {read} rows");
    }
}
