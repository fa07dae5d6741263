//! Writes `sample-data/`: one month (2026-10) of the registers a fictional company keeps
//! (industrial products sales, plus a hotel and restaurant), with known problems planted in
//! them and documented in `sample-data/README.md`.
//!
//! ```text
//! cargo run --example make_sample -- sample-data
//! ```
//!
//! The output is deterministic: a fixed-seed generator, fixed document properties and fixed
//! zip timestamps, so the same run writes byte-identical files. Every planted problem is
//! attached to the row that carries it, and the README tables are computed from those rows,
//! so the documentation cannot drift from the data.

use std::collections::{BTreeMap, BTreeSet};
use std::error::Error;
use std::fmt::Write as _;
use std::fs;
use std::io::Write as _;
use std::path::Path;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Weekday};
use rust_xlsxwriter::{Color, DocProperties, Format, FormatAlign, FormatBorder, Workbook, Worksheet};

type Res<T> = Result<T, Box<dyn Error>>;

const F_CONTRACTS: &str = "銷售公司/合同評審台帳2026.xlsx";
const F_LOCK: &str = "銷售公司/~$合同評審台帳2026.xlsx";
const F_ORAL: &str = "銷售公司/口头订单登记.ods";
const F_FEEDBACK: &str = "客服部/顧客反饋信息處理登記表.xlsx";
const F_GUESTS: &str = "餐饮部/客史档案.xlsx";
const F_VISITS: &str = "餐饮部/visits-2026.csv";
const F_CALLBACKS: &str = "營銷部/回訪記錄.xlsx";

/// The order rules are listed in (SPEC section 2).
#[rustfmt::skip]
const RULE_ORDER: &[&str] = &[
    "RG01", "RG02", "RG03", "RG04", "CR01", "CR02", "CR03", "CR04", "CR05", "CR06", "CR07", "FB01",
    "FB02", "CP01", "CP02", "CP03", "CP04", "GH01", "GH02", "GH03", "GH04", "GH05", "GH06",
];

// ───────────────────────────── small helpers ─────────────────────────────

/// splitmix64: a tiny, fixed-seed generator so that the data never changes between runs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Inclusive range.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % ((hi - lo + 1) as u64)) as i64
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[(self.next() % xs.len() as u64) as usize]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("the generator only uses real calendar dates")
}
fn oct(d: u32) -> NaiveDate {
    date(2026, 10, d)
}
fn at(d: NaiveDate, h: u32, mi: u32) -> NaiveDateTime {
    d.and_hms_opt(h, mi, 0)
        .expect("the generator only uses real clock times")
}
fn days(n: i64) -> Duration {
    Duration::days(n)
}

/// Office working days: no weekends, no National Day holiday, no Mid-Autumn Festival.
fn is_workday(d: NaiveDate) -> bool {
    let weekend = matches!(d.weekday(), Weekday::Sat | Weekday::Sun);
    let holiday = (oct(1)..=oct(7)).contains(&d) || d == date(2026, 9, 25);
    !weekend && !holiday
}
fn add_workdays(d: NaiveDate, n: i64) -> NaiveDate {
    let mut x = d;
    let mut left = n;
    while left > 0 {
        x += days(1);
        if is_workday(x) {
            left -= 1;
        }
    }
    x
}
fn workdays(from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let mut x = from;
    while x <= to {
        if is_workday(x) {
            out.push(x);
        }
        x += days(1);
    }
    out
}

/// The text date forms staff type (SPEC 1.3).
#[derive(Clone, Copy)]
enum TextDate {
    Slash,
    Chinese,
    Dot,
    Compact,
    Iso,
}
fn text_date(d: NaiveDate, form: TextDate) -> String {
    match form {
        TextDate::Slash => format!("{}/{}/{}", d.year(), d.month(), d.day()),
        TextDate::Chinese => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
        TextDate::Dot => format!("{}.{}.{}", d.year(), d.month(), d.day()),
        TextDate::Compact => d.format("%Y%m%d").to_string(),
        TextDate::Iso => d.format("%Y-%m-%d").to_string(),
    }
}

/// `8800.0` → `8,800.00`
fn money_text(cents: i64) -> String {
    let yuan = cents / 100;
    let mut digits = yuan.to_string();
    let mut grouped = String::new();
    while digits.len() > 3 {
        let tail = digits.split_off(digits.len() - 3);
        grouped = format!(",{tail}{grouped}");
    }
    format!("{digits}{grouped}.{:02}", cents % 100)
}

fn col_letter(mut idx: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push((b'A' + (idx % 26) as u8) as char);
        if idx < 26 {
            break;
        }
        idx = idx / 26 - 1;
    }
    s.iter().rev().collect()
}

fn display_width(s: &str) -> usize {
    s.chars().map(|c| if (c as u32) < 0x1100 { 1 } else { 2 }).sum()
}

// ───────────────────────────── the data model ─────────────────────────────

#[derive(Clone, Debug)]
enum V {
    T(String),
    N(f64),
    D(NaiveDate),
    Dt(NaiveDateTime),
}
impl From<&str> for V {
    fn from(s: &str) -> V {
        V::T(s.to_string())
    }
}
impl From<String> for V {
    fn from(s: String) -> V {
        V::T(s)
    }
}
impl From<&String> for V {
    fn from(s: &String) -> V {
        V::T(s.clone())
    }
}
impl From<NaiveDate> for V {
    fn from(d: NaiveDate) -> V {
        V::D(d)
    }
}
impl From<NaiveDateTime> for V {
    fn from(d: NaiveDateTime) -> V {
        V::Dt(d)
    }
}
impl From<f64> for V {
    fn from(x: f64) -> V {
        V::N(x)
    }
}
impl V {
    fn display(&self) -> String {
        match self {
            V::T(s) => s.clone(),
            V::N(x) => format!("{x}"),
            V::D(d) => d.format("%Y-%m-%d").to_string(),
            V::Dt(d) => d.format("%Y-%m-%d %H:%M").to_string(),
        }
    }
}

/// A planted problem (`expect == true`) or a decoy that must not be reported.
struct Mark {
    rule: &'static str,
    col: &'static str,
    what: String,
    expect: bool,
}

#[derive(Default)]
struct Row {
    vals: BTreeMap<&'static str, V>,
    marks: Vec<Mark>,
}

impl Row {
    fn set(&mut self, col: &'static str, v: impl Into<V>) -> &mut Self {
        self.vals.insert(col, v.into());
        self
    }
    fn clear(&mut self, col: &'static str) -> &mut Self {
        self.vals.remove(col);
        self
    }
    fn text(&self, col: &str) -> String {
        self.vals.get(col).map(V::display).unwrap_or_default()
    }
    fn date(&self, col: &str) -> Option<NaiveDate> {
        match self.vals.get(col) {
            Some(V::D(d)) => Some(*d),
            Some(V::Dt(d)) => Some(d.date()),
            _ => None,
        }
    }
    fn plant(&mut self, rule: &'static str, col: &'static str, what: impl Into<String>) {
        self.marks.push(Mark {
            rule,
            col,
            what: what.into(),
            expect: true,
        });
    }
    fn decoy(&mut self, rule: &'static str, col: &'static str, what: impl Into<String>) {
        self.marks.push(Mark {
            rule,
            col,
            what: what.into(),
            expect: false,
        });
    }
}

/// One register as it is laid out on one sheet (or in one CSV file).
struct Table {
    file: &'static str,
    sheet: String,
    title: Option<String>,
    blank_after_title: bool,
    headers: Vec<&'static str>,
    /// The column whose value names the record in findings.
    id_col: &'static str,
    /// Number formats for numeric and date cells, by column.
    formats: Vec<(&'static str, &'static str)>,
    rows: Vec<Row>,
}

impl Table {
    fn new(file: &'static str, sheet: &str, headers: &[&'static str], id_col: &'static str) -> Table {
        Table {
            file,
            sheet: sheet.to_string(),
            title: None,
            blank_after_title: false,
            headers: headers.to_vec(),
            id_col,
            formats: Vec::new(),
            rows: Vec::new(),
        }
    }
    /// 1-based row of the header, as Excel shows it.
    fn header_row(&self) -> u32 {
        match (&self.title, self.blank_after_title) {
            (None, _) => 1,
            (Some(_), false) => 2,
            (Some(_), true) => 3,
        }
    }
    fn row_no(&self, i: usize) -> u32 {
        self.header_row() + 1 + i as u32
    }
    fn col_idx(&self, col: &str) -> Res<usize> {
        self.headers
            .iter()
            .position(|h| *h == col)
            .ok_or_else(|| format!("{} › {}: no column {col}", self.file, self.sheet).into())
    }
    fn cell(&self, i: usize, col: &str) -> Res<String> {
        Ok(format!("{}{}", col_letter(self.col_idx(col)?), self.row_no(i)))
    }
    fn format_of(&self, col: &str) -> Option<&'static str> {
        self.formats.iter().find(|(c, _)| *c == col).map(|(_, f)| *f)
    }
    /// Every value and every mark must name a column of the table.
    fn check(&self) -> Res<()> {
        for row in &self.rows {
            for k in row.vals.keys() {
                self.col_idx(k)?;
            }
            for m in &row.marks {
                self.col_idx(m.col)?;
            }
        }
        Ok(())
    }
}

// ───────────────────────────── contracts ─────────────────────────────

#[derive(Clone, Copy, PartialEq)]
enum Doc {
    Bid,
    Contract,
    Order,
    Oral,
    Phone,
    Commission,
}
#[derive(Clone, Copy, PartialEq)]
enum Cat {
    Routine,
    NonRoutine,
    Drawing,
    NewProduct,
    SpecialTech,
}
#[derive(Clone, Copy, PartialEq)]
enum Method {
    Authorized,
    Countersign,
    Meeting,
}
#[derive(Clone, Copy, PartialEq)]
enum Role {
    Sales,
    Vp,
    Gm,
}

fn doc_t(d: Doc) -> &'static str {
    match d {
        Doc::Bid => "標書",
        Doc::Contract => "合同",
        Doc::Order => "訂單",
        Doc::Oral => "口頭訂單",
        Doc::Phone => "電話訂貨",
        Doc::Commission => "委託單",
    }
}
fn doc_s(d: Doc) -> &'static str {
    match d {
        Doc::Bid => "标书",
        Doc::Contract => "合同",
        Doc::Order => "订单",
        Doc::Oral => "口头订单",
        Doc::Phone => "电话订货",
        Doc::Commission => "委托单",
    }
}
fn cat_t(c: Cat) -> &'static str {
    match c {
        Cat::Routine => "常規產品",
        Cat::NonRoutine => "非常規產品",
        Cat::Drawing => "顧客帶圖加工",
        Cat::NewProduct => "新產品",
        Cat::SpecialTech => "特殊技術要求",
    }
}
fn method_t(m: Method) -> &'static str {
    match m {
        Method::Authorized => "授權人員評審",
        Method::Countersign => "會簽評審",
        Method::Meeting => "會議評審",
    }
}
fn role_t(r: Role) -> &'static str {
    match r {
        Role::Sales => "銷售公司經理",
        Role::Vp => "生產副總經理",
        Role::Gm => "總經理",
    }
}
fn approver_t(r: Role) -> &'static str {
    match r {
        Role::Sales => "陳志強",
        Role::Vp => "劉德勝",
        Role::Gm => "周文博",
    }
}

/// SPEC CR02: the review a contract needs (default settings).
fn required_review(doc: Doc, cat: Cat, amount: f64, flagged: bool) -> (Method, Role) {
    match cat {
        Cat::Routine if matches!(doc, Doc::Oral | Doc::Phone) => (Method::Authorized, Role::Sales),
        Cat::Routine if flagged || amount >= 1_000_000.0 => (Method::Countersign, Role::Vp),
        Cat::Routine => (Method::Authorized, Role::Sales),
        Cat::NonRoutine | Cat::Drawing => (Method::Countersign, Role::Gm),
        Cat::NewProduct | Cat::SpecialTech => (Method::Meeting, Role::Gm),
    }
}

#[rustfmt::skip]
const CUSTOMERS_T: &[&str] = &[
    "華東重型機械有限公司", "江蘇恒力液壓股份有限公司", "上海振華港機配件廠",
    "寧波東方軸承有限公司", "山東魯南水泥集團有限公司", "唐山鋼鐵設備檢修公司",
    "安徽海螺建材設備有限公司", "浙江巨化電氣有限公司", "武漢重冶設備製造廠",
    "南京汽輪電機配套公司", "常州天合傳動設備有限公司", "無錫華光鍋爐配件廠",
    "蘇州精工機械有限公司", "杭州制氧機集團有限公司", "青島港口機械有限公司",
    "徐州工程機械配件公司", "馬鞍山鋼鐵股份有限公司", "南通中遠船務工程公司",
    "鎮江大全電氣有限公司", "揚州亞星客車配件廠",
];
#[rustfmt::skip]
const CUSTOMERS_S: &[&str] = &[
    "华东重型机械有限公司", "江苏恒力液压股份有限公司", "上海振华港机配件厂",
    "宁波东方轴承有限公司", "嘉兴永信五金机电商行", "昆山德宏机电设备有限公司",
    "湖州南浔起重设备厂", "合肥力达工程机械维修部", "绍兴柯桥纺机配件公司", "泰州润通港务有限公司",
    "盐城恒泰钢结构有限公司", "金华金牛起重机械有限公司",
];
#[rustfmt::skip]
const PRODUCTS_T: &[&str] = &[
    "ZQ-500減速機", "ZQ-650減速機", "GICL-6齒輪聯軸器", "φ600起重機車輪組", "YWZ-300液壓推桿制動器",
    "卷筒組", "回轉支承", "ZSY-315硬齒面減速機", "皮帶輸送機托輥", "輥壓機主軸",
];
#[rustfmt::skip]
const PRODUCTS_S: &[&str] = &[
    "GICL-4齿轮联轴器", "φ400起重机车轮", "ZQ-350减速机油封", "制动器闸瓦", "托辊轴承座",
    "YWZ-200制动器", "减速机齿轮",
];
const SALES_T: &[&str] = &["張明華", "李建國", "王立新", "趙曉燕"];
const SALES_S: &[&str] = &["张明华", "李建国", "赵晓燕"];

#[rustfmt::skip]
const C_HEADERS: &[&str] = &[
    "合同編號", "客戶名稱", "單據類型", "產品類別", "金額(元)", "數量較大", "交貨期緊",
    "技術難度大", "接收日期", "評審方式", "評審人", "評審日期", "批准人", "批准人職務", "批准日期",
    "簽訂日期", "評審單編號", "會議記錄編號", "評審結論", "與顧客溝通日期", "備註",
];

#[derive(Default)]
struct Seq {
    form: u32,
    oral: u32,
    minutes: u32,
}

struct ContractPlan {
    id: String,
    customer: String,
    doc: Doc,
    cat: Cat,
    amount: f64,
    flags: [bool; 3],
    received: NaiveDate,
    /// The last day a review, approval or signature may fall on (end of its month).
    limit: NaiveDate,
}

/// A clean contract row: reviewed before commitment by the method and approver it needs.
fn contract_row(rng: &mut Rng, seq: &mut Seq, p: &ContractPlan) -> Row {
    let flagged = p.flags.iter().any(|f| *f);
    let (method, role) = required_review(p.doc, p.cat, p.amount, flagged);
    let mut r = Row::default();
    r.set("合同編號", &p.id)
        .set("客戶名稱", &p.customer)
        .set("單據類型", doc_t(p.doc))
        .set("產品類別", cat_t(p.cat))
        .set("金額(元)", p.amount)
        .set("接收日期", p.received);
    let flag_cols = ["數量較大", "交貨期緊", "技術難度大"];
    if flagged {
        for (c, f) in flag_cols.iter().zip(p.flags) {
            r.set(c, if f { "是" } else { "否" });
        }
    } else if rng.chance(50) {
        for c in flag_cols {
            r.set(c, "否");
        }
    }
    let review_lag = match method {
        Method::Meeting => 2,
        _ => rng.range(0, 1),
    };
    let review = add_workdays(p.received, review_lag).min(p.limit);
    let approval = match method {
        Method::Authorized => review,
        _ => add_workdays(review, rng.range(0, 1)).min(p.limit),
    };
    let commit_lag = if p.doc == Doc::Bid { 1 } else { rng.range(0, 2) };
    let commit = add_workdays(approval, commit_lag).min(p.limit);
    let reviewer = match method {
        Method::Authorized => rng.pick(SALES_T).to_string(),
        Method::Countersign => format!("{}、劉強、孫偉", rng.pick(SALES_T)),
        Method::Meeting => "周文博、劉德勝、孫偉等6人".to_string(),
    };
    r.set("評審方式", method_t(method))
        .set("評審人", reviewer)
        .set("評審日期", review)
        .set("批准人", approver_t(role))
        .set("批准人職務", role_t(role))
        .set("批准日期", approval)
        .set("簽訂日期", commit)
        .set("評審結論", "接受");
    if matches!(p.doc, Doc::Oral | Doc::Phone) {
        seq.oral += 1;
        r.set("評審單編號", format!("KT-2026-{:03}", 100 + seq.oral));
    } else if method != Method::Authorized {
        seq.form += 1;
        r.set("評審單編號", format!("PR-2026-{:03}", 200 + seq.form));
    }
    if method == Method::Meeting {
        seq.minutes += 1;
        r.set("會議記錄編號", format!("HY-2026-{:02}", 10 + seq.minutes));
    }
    let qty = rng.range(1, 12);
    r.set("備註", format!("{} {}台", rng.pick(PRODUCTS_T), qty));
    r
}

fn amount_for(rng: &mut Rng, code: &str) -> f64 {
    let (lo, hi) = match code {
        "R" => (600, 8_800),
        "RO" => (80, 2_600),
        "RW" => (50, 600),
        "RL" => (30, 480),
        "RF" => (3_000, 9_500),
        "RB" => (10_500, 28_000),
        "N" | "D" => (1_200, 18_000),
        "P" | "S" => (4_500, 36_000),
        "BR" => (3_000, 9_000),
        _ => (5_000, 20_000),
    };
    (rng.range(lo, hi) * 100) as f64
}

fn doc_cat_for(code: &str) -> (Doc, Cat) {
    match code {
        "RO" => (Doc::Order, Cat::Routine),
        "RW" => (Doc::Commission, Cat::Routine),
        "RL" => (Doc::Oral, Cat::Routine),
        "N" => (Doc::Contract, Cat::NonRoutine),
        "D" => (Doc::Contract, Cat::Drawing),
        "P" => (Doc::Contract, Cat::NewProduct),
        "S" => (Doc::Contract, Cat::SpecialTech),
        "BR" => (Doc::Bid, Cat::Routine),
        "BN" => (Doc::Bid, Cat::NonRoutine),
        _ => (Doc::Contract, Cat::Routine),
    }
}

fn flags_for(rng: &mut Rng, code: &str) -> [bool; 3] {
    if code == "RF" {
        *rng.pick(&[
            [true, false, false],
            [false, true, false],
            [false, false, true],
            [true, true, false],
        ])
    } else {
        [false; 3]
    }
}

/// The oral / telephone order book (ODS, Simplified headers, amounts in 万元).
#[rustfmt::skip]
const O_HEADERS: &[&str] = &[
    "编号", "客户", "单据类型", "产品类别", "金额（万元）", "接收日期", "评审方式", "评审人",
    "评审日期", "批准人", "批准人职务", "承诺日期", "评审单编号", "评审结论", "备注",
];
/// Index of the oral order that is entered again, under the same number, in the xlsx.
const ORAL_DUP: usize = 11;

fn build_oral(rng: &mut Rng) -> Table {
    let mut t = Table::new(F_ORAL, "2026年10月", O_HEADERS, "编号");
    let days = workdays(oct(8), oct(30));
    // O = written order, L = oral order, P = telephone order
    #[rustfmt::skip]
    let codes = [
        "L", "P", "O", "L", "P", "L", "O", "P", "L", "O", "L", "P", "L", "O", "L", "P", "L", "O",
        "P", "L", "L", "O", "P", "L", "P",
    ];
    let mut oral_seq = 0;
    let mut form_seq = 0;
    for (i, code) in codes.iter().enumerate() {
        let received = days[i * days.len() / codes.len()];
        let doc = match *code {
            "O" => Doc::Order,
            "L" => Doc::Oral,
            _ => Doc::Phone,
        };
        // amount in tenths of 万元
        let tenths = if doc == Doc::Order {
            rng.range(20, 800)
        } else {
            rng.range(3, 450)
        };
        let mut r = Row::default();
        r.set("编号", format!("DH-2026-{}", 1001 + i))
            .set("客户", *rng.pick(CUSTOMERS_S))
            .set("单据类型", doc_s(doc))
            .set("产品类别", "常规产品")
            .set("金额（万元）", tenths as f64 / 10.0)
            .set("接收日期", received)
            .set("评审方式", "授权人员评审")
            .set("评审人", *rng.pick(SALES_S))
            .set("评审日期", received)
            .set("批准人", "陈志强")
            .set("批准人职务", "销售公司经理")
            .set("承诺日期", add_workdays(received, rng.range(0, 1)).min(oct(30)))
            .set("评审结论", "接受")
            .set("备注", format!("{} {}件", rng.pick(PRODUCTS_S), rng.range(2, 40)));
        if doc != Doc::Order {
            oral_seq += 1;
            r.set("评审单编号", format!("KT-2026-{:03}", 300 + oral_seq));
        }
        match i {
            ORAL_DUP => {
                r.set("客户", "华东重型机械有限公司");
            }
            4 => {
                let d = received;
                r.set("接收日期", text_date(d, TextDate::Dot));
                r.decoy(
                    "RG02",
                    "接收日期",
                    format!(
                        "接收日期 written as text {} (accepted form)",
                        text_date(d, TextDate::Dot)
                    ),
                );
            }
            6 => {
                // 120 万元 = 1,200,000: routine over the threshold, reviewed as it must be.
                form_seq += 1;
                r.set("金额（万元）", 120.0)
                    .set("评审方式", "会签评审")
                    .set("评审人", "张明华、刘强、孙伟")
                    .set("批准人", "刘德胜")
                    .set("批准人职务", "生产副总经理")
                    .set("评审单编号", format!("PR-2026-{:03}", 400 + form_seq));
                r.decoy(
                    "CR02",
                    "评审方式",
                    "120 万元 (= 1,200,000) order reviewed by 会签评审 / 生产副总经理, as required",
                );
            }
            8 => {
                let d = r.date("承诺日期").unwrap_or(received);
                r.set("承诺日期", text_date(d, TextDate::Compact));
                r.decoy(
                    "RG02",
                    "承诺日期",
                    format!(
                        "承诺日期 written as text {} (accepted form)",
                        text_date(d, TextDate::Compact)
                    ),
                );
            }
            9 => {
                // Exactly 1,000,000 once the 万元 unit is applied: needs countersign + VP.
                form_seq += 1;
                r.set("金额（万元）", 100.0)
                    .set("批准人", "刘德胜")
                    .set("批准人职务", "生产副总经理")
                    .set("评审单编号", format!("PR-2026-{:03}", 400 + form_seq));
                r.plant("CR02", "评审方式", "routine order of 100 万元 = 1,000,000 (threshold reached) reviewed by 授权人员评审; 会签评审 required (approver 生产副总经理 is sufficient)");
            }
            14 => {
                r.clear("评审单编号");
                r.plant(
                    "CR03",
                    "评审单编号",
                    "oral order without its 口头合同记录评审单 number (评审单编号 blank)",
                );
            }
            _ => {}
        }
        t.rows.push(r);
    }
    t
}

fn build_contracts(rng: &mut Rng, oral: &Table) -> Res<Table> {
    let mut t = Table::new(F_CONTRACTS, "2026年10月", C_HEADERS, "合同編號");
    t.title = Some("2026年10月合同評審台帳".to_string());
    t.blank_after_title = true;
    t.formats = vec![("金額(元)", "#,##0"), ("簽訂日期", "yyyy\"年\"m\"月\"d\"日\"")];
    let mut seq = Seq::default();
    let mut next_id = 18;
    let mut id = || {
        let s = format!("HT-2026-{next_id:03}");
        next_id += 1;
        s
    };

    // September: received and signed in September, so the month does not cover them.
    let sept_days = [7, 10, 14, 16, 21, 23];
    for (i, code) in ["R", "N", "RO", "D", "RF", "R"].iter().enumerate() {
        let (doc, cat) = doc_cat_for(code);
        let plan = ContractPlan {
            id: id(),
            customer: rng.pick(CUSTOMERS_T).to_string(),
            doc,
            cat,
            amount: amount_for(rng, code),
            flags: flags_for(rng, code),
            received: date(2026, 9, sept_days[i]),
            limit: date(2026, 9, 29),
        };
        let mut r = contract_row(rng, &mut seq, &plan);
        if i == 3 {
            r.clear("客戶名稱");
            r.decoy(
                "RG01",
                "客戶名稱",
                "客戶名稱 blank, but the contract was received and signed in September: not covered by 2026-10",
            );
        }
        t.rows.push(r);
    }

    // October.
    #[rustfmt::skip]
    let codes = [
        "R", "RO", "N", "RF", "R", "RL", "D", "R", "RB", "P",   // 0-9
        "R", "RO", "N", "S", "RF", "R", "BR", "D", "R", "RO",   // 10-19
        "S", "RO", "RB", "N", "R", "RF", "P", "RW", "D", "R",   // 20-29
        "RO", "BN", "R", "RB", "RO", "R", "N", "RF", "RW", "S", // 30-39
        "R", "D", "RO", "RB", "R", "RL", "N", "R", "RO", "P",   // 40-49
        "R", "RF", "RO", "R",                                   // 50-53
    ];
    let oct_days = workdays(oct(8), oct(28));
    for (oi, code) in codes.iter().enumerate() {
        let (doc, cat) = doc_cat_for(code);
        let plan = ContractPlan {
            id: id(),
            customer: rng.pick(CUSTOMERS_T).to_string(),
            doc,
            cat,
            amount: amount_for(rng, code),
            flags: flags_for(rng, code),
            received: oct_days[oi * oct_days.len() / codes.len()],
            limit: oct(30),
        };
        let mut r = contract_row(rng, &mut seq, &plan);
        let review = r.date("評審日期").unwrap_or(plan.received);
        let commit = r.date("簽訂日期").unwrap_or(plan.received);
        match oi {
            4 => {
                let s = text_date(plan.received, TextDate::Slash);
                r.set("接收日期", s.clone());
                r.decoy(
                    "RG02",
                    "接收日期",
                    format!("接收日期 written as text {s} (accepted form)"),
                );
            }
            7 => {
                r.set("接收日期", "2026/13/05");
                r.plant(
                    "RG02",
                    "接收日期",
                    "接收日期 written as 2026/13/05 (no month 13); the row is still covered by its 簽訂日期 in October",
                );
            }
            8 => {
                r.set("金額(元)", "¥1,200,000");
                r.decoy("RG02", "金額(元)", "amount written as text ¥1,200,000 (accepted form; routine ≥ 1,000,000, reviewed by 會簽評審 / 生產副總經理 as required)");
            }
            10 => {
                r.clear("客戶名稱");
                r.plant("RG01", "客戶名稱", "客戶名稱 (customer, required) blank");
            }
            11 => {
                let s = text_date(review, TextDate::Chinese);
                r.set("評審日期", s.clone());
                r.decoy(
                    "RG02",
                    "評審日期",
                    format!("評審日期 written as text {s} (accepted form)"),
                );
            }
            12 => {
                r.set("評審方式", method_t(Method::Authorized))
                    .set("評審人", "王立新")
                    .set("批准人", approver_t(Role::Sales))
                    .set("批准人職務", role_t(Role::Sales));
                r.plant(
                    "CR02",
                    "批准人職務",
                    "非常規產品 reviewed by 授權人員評審 and approved by 銷售公司經理; 會簽評審 + 總經理 required",
                );
            }
            13 => {
                r.set("金額(元)", "約一百萬");
                r.plant("RG02", "金額(元)", "amount written as 約一百萬 (not a money value)");
            }
            15 => {
                let late = add_workdays(commit, 2);
                r.set("評審日期", late).set("批准日期", late);
                r.plant(
                    "CR01",
                    "評審日期",
                    format!("reviewed {} after the contract was signed {}", late, commit),
                );
            }
            18 => {
                r.set("評審日期", commit).set("批准日期", commit);
                r.decoy(
                    "CR01",
                    "評審日期",
                    format!("reviewed, approved and signed on the same day {commit}"),
                );
            }
            20 => {
                r.clear("會議記錄編號");
                r.plant(
                    "CR03",
                    "會議記錄編號",
                    "會議評審 without 會議記錄編號 (meeting minutes)",
                );
            }
            21 => {
                // The customer confirmed a telephone order in writing; the clerk entered it
                // again under the oral order's number.
                let o = &oral.rows[ORAL_DUP];
                let dup_id = o.text("编号");
                let wan = match o.vals.get("金额（万元）") {
                    Some(V::N(x)) => *x,
                    _ => 10.0,
                };
                let received = o.date("接收日期").unwrap_or(plan.received);
                let plan2 = ContractPlan {
                    id: dup_id.clone(),
                    customer: "華東重型機械有限公司".to_string(),
                    doc: Doc::Order,
                    cat: Cat::Routine,
                    amount: (wan * 10.0).round() * 1000.0,
                    flags: [false; 3],
                    received,
                    limit: oct(30),
                };
                r = contract_row(rng, &mut seq, &plan2);
                r.plant(
                    "RG03",
                    "合同編號",
                    format!(
                        "{dup_id} also in {F_ORAL} › {} › {} (first occurrence; that file is read first)",
                        oral.sheet,
                        oral.cell(ORAL_DUP, "编号")?
                    ),
                );
            }
            23 | 35 => {
                let contact = review;
                r.set("評審結論", "修訂後接受").set("與顧客溝通日期", contact);
                r.set("備註", "交貨期經與顧客協商延後10天");
            }
            24 => {
                r.clear("評審日期");
                r.plant(
                    "CR01",
                    "評審日期",
                    "評審日期 blank: no record that the contract was reviewed before it was signed",
                );
            }
            28 => {
                r.set("評審結論", "拒絕")
                    .set("與顧客溝通日期", review)
                    .clear("簽訂日期")
                    .set("備註", "顧客要求15天交貨，無法滿足，已電話告知顧客");
            }
            29 => {
                r.clear("批准人");
                r.plant(
                    "CR03",
                    "批准人",
                    "批准人 (approver) blank although 批准人職務 is filled",
                );
            }
            32 => {
                r.set("評審結論", "拒絕")
                    .clear("簽訂日期")
                    .set("備註", "材質要求超出本公司工藝能力");
                r.plant(
                    "CR04",
                    "與顧客溝通日期",
                    "評審結論 拒絕 without 與顧客溝通日期 (customer not told)",
                );
            }
            33 => {
                seq.minutes += 1;
                r.set("評審方式", method_t(Method::Meeting))
                    .set("評審人", "周文博、劉德勝、孫偉等5人")
                    .set("批准人", approver_t(Role::Gm))
                    .set("批准人職務", role_t(Role::Gm))
                    .set("會議記錄編號", format!("HY-2026-{:02}", 10 + seq.minutes));
                r.decoy(
                    "CR02",
                    "批准人職務",
                    "routine ≥ 1,000,000 reviewed by 會議評審 / 總經理: stronger than required is allowed",
                );
            }
            43 => {
                let s = "RMB 1,050,000.00".to_string();
                r.set("金額(元)", s.clone());
                r.decoy(
                    "RG02",
                    "金額(元)",
                    format!("amount written as text {s} (accepted form)"),
                );
            }
            _ => {}
        }
        t.rows.push(r);
    }
    Ok(t)
}

#[rustfmt::skip]
const A_HEADERS: &[&str] = &[
    "合同編號", "修訂日期", "修訂內容", "重新評審日期", "重新評審人", "修訂通知單編號", "通知日期",
    "通知部門",
];

fn build_amendments(rng: &mut Rng, contracts: &Table, oral: &Table) -> Table {
    let mut t = Table::new(F_CONTRACTS, "合同修訂", A_HEADERS, "合同編號");
    let contents = [
        "交貨期由10月30日改為11月15日",
        "數量由4台增加至6台",
        "增加出廠型式試驗項目",
        "付款方式改為3:6:1",
        "交貨地點改為顧客南通工地",
        "油漆顏色改為RAL5015天藍色",
        "輸出軸軸伸長度改為180mm",
        "包裝改為出口木箱",
        "增加隨機備件一套",
        "驗收標準改為GB/T 10095.1-2022 7級",
    ];
    let notified = [
        "生產部、技術部、質檢部",
        "生產部、採購部",
        "技術部、質檢部、物流部",
        "生產部、物流部",
    ];
    let mut notice_seq = 0;
    let mut push = |t: &mut Table, rng: &mut Rng, cid: String, amend: NaiveDate, lag: i64, nlag: i64| -> usize {
        notice_seq += 1;
        let rereview = add_workdays(amend, lag);
        let mut nlag = nlag;
        while nlag > 0 && !is_workday(rereview + days(nlag)) {
            nlag -= 1;
        }
        let mut r = Row::default();
        r.set("合同編號", cid)
            .set("修訂日期", amend)
            .set("修訂內容", *rng.pick(&contents))
            .set("重新評審日期", rereview)
            .set("重新評審人", *rng.pick(&["張明華", "李建國", "劉德勝"]))
            .set("修訂通知單編號", format!("XT-2026-{:03}", 40 + notice_seq))
            .set("通知日期", rereview + days(nlag))
            .set("通知部門", *rng.pick(&notified));
        t.rows.push(r);
        t.rows.len() - 1
    };

    // A September amendment of a September contract: not covered.
    let sep = push(&mut t, rng, contracts.rows[0].text("合同編號"), date(2026, 9, 24), 0, 1);
    t.rows[sep].clear("修訂通知單編號");
    t.rows[sep].decoy(
        "CR06",
        "修訂通知單編號",
        "no 修訂通知單編號, but the amendment was made in September: not covered",
    );

    // An October amendment of a September contract.
    let sept_id = contracts.rows[2].text("合同編號");
    let i = push(&mut t, rng, sept_id.clone(), oct(9), 0, 1);
    t.rows[i].decoy(
        "CR07",
        "合同編號",
        format!("{sept_id} is a September contract: other months are read for references"),
    );

    // October amendments of October contracts that were signed (accepted), in order.
    let signed: Vec<(String, NaiveDate)> = contracts
        .rows
        .iter()
        .skip(6)
        .filter(|r| r.marks.iter().all(|m| !m.expect))
        .filter_map(|r| {
            let d = r.date("簽訂日期")?;
            (d <= oct(21) && r.text("評審結論") == "接受").then(|| (r.text("合同編號"), d))
        })
        .collect();
    let picks: Vec<&(String, NaiveDate)> = (0..11).filter_map(|k| signed.get(k * signed.len() / 11)).collect();
    for (k, (cid, signed_on)) in picks.iter().enumerate() {
        let amend = add_workdays(*signed_on, 2 + (k as i64 % 3));
        let lag = if k % 2 == 0 { 0 } else { 1 };
        let nlag = rng.range(0, 2);
        let i = push(&mut t, rng, cid.clone(), amend, lag, nlag);
        let r = &mut t.rows[i];
        match k {
            0 => {
                r.set("重新評審日期", amend).set("通知日期", amend + days(1));
                r.decoy(
                    "CR05",
                    "重新評審日期",
                    format!("re-reviewed on the day of the amendment {amend}"),
                );
            }
            2 => {
                r.clear("重新評審日期").clear("重新評審人");
                r.plant(
                    "CR05",
                    "重新評審日期",
                    "amendment without 重新評審日期 (not re-reviewed)",
                );
            }
            4 => {
                let mut before = amend - days(1);
                while !is_workday(before) {
                    before -= days(1);
                }
                r.set("重新評審日期", before).set("通知日期", amend);
                r.plant(
                    "CR05",
                    "重新評審日期",
                    format!("re-reviewed {before}, before the amendment was made {amend}"),
                );
            }
            6 => {
                let rr = amend;
                r.set("重新評審日期", rr).set("通知日期", rr + days(5));
                r.plant(
                    "CR06",
                    "通知日期",
                    format!(
                        "notice {} issued 5 days after the re-review {rr} (limit 3)",
                        rr + days(5)
                    ),
                );
            }
            8 => {
                r.clear("修訂通知單編號");
                r.plant(
                    "CR06",
                    "修訂通知單編號",
                    "修訂通知單編號 blank: no amendment notice issued",
                );
            }
            10 => {
                let mut rr = amend;
                while !is_workday(rr + days(3)) {
                    rr = add_workdays(rr, 1);
                }
                r.set("重新評審日期", rr).set("通知日期", rr + days(3));
                r.decoy(
                    "CR06",
                    "通知日期",
                    format!("notice {} exactly 3 days after the re-review {rr}", rr + days(3)),
                );
            }
            _ => {}
        }
    }

    // An amendment of an oral order kept in the ODS book.
    let o = &oral.rows[3];
    let od = o.date("承诺日期").unwrap_or(oct(12));
    let i = push(&mut t, rng, o.text("编号"), add_workdays(od, 2), 0, 1);
    t.rows[i].decoy(
        "CR07",
        "合同編號",
        format!("{} is an oral order kept in {F_ORAL}", o.text("编号")),
    );

    // An amendment of a contract that no register holds.
    let i = push(&mut t, rng, "HT-2025-047".to_string(), oct(22), 1, 1);
    t.rows[i].plant("CR07", "合同編號", "HT-2025-047 is in no contracts register");

    t.rows.sort_by_key(|r| r.date("修訂日期"));
    // Notices are numbered in the order they were issued.
    let mut n = 40;
    for r in &mut t.rows {
        if r.vals.contains_key("修訂通知單編號") {
            n += 1;
            r.set("修訂通知單編號", format!("XT-2026-{n:03}"));
        }
    }
    t
}

// ───────────────────────────── feedback & complaints ─────────────────────────────

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Complaint,
    Grievance,
    Inquiry,
    Suggestion,
    Praise,
}
fn kind_t(k: Kind) -> &'static str {
    match k {
        Kind::Complaint => "投訴",
        Kind::Grievance => "抱怨",
        Kind::Inquiry => "問詢",
        Kind::Suggestion => "建議",
        Kind::Praise => "表揚",
    }
}

/// content, action, reply core, department, after-sales verification (when a service visit is needed)
type Tmpl = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
);

#[rustfmt::skip]
const COMPLAINTS: &[Tmpl] = &[
    ("ZQ-500減速機運行兩週後輸出軸漏油", "派售後工程師上門更換油封並試運行", "我們已派工程師上門更換油封，設備已恢復正常運行", "生產部", Some("更換油封後試運行4小時無滲漏")),
    ("起重機車輪組交貨延遲6天，影響安裝進度", "物流部加急發運，並向顧客書面說明原因", "貨物已加急發出，延誤原因已書面說明", "物流部", None),
    ("聯軸器內孔尺寸與圖紙不符，無法裝配", "技術部核對圖紙後重新加工兩件並上門更換", "重新加工的聯軸器已送到並完成裝配", "技術部", Some("現場裝配到位，尺寸符合圖紙")),
    ("到貨齒輪箱外包裝破損，油漆剝落", "更換包裝箱，售後人員上門補漆", "售後人員已上門完成補漆", "物流部", Some("補漆後外觀檢查合格")),
    ("液壓推桿制動器動作遲緩", "售後工程師現場調整並更換密封件", "工程師已現場調整制動器並更換密封件", "生產部", Some("制動器動作時間恢復到0.4秒以內")),
    ("宴會上菜間隔過長，賓客等候超過30分鐘", "餐飲部調整出菜流程，當場贈送果盤", "我們已調整宴會出菜流程，避免再次發生", "餐飲部", None),
    ("客房空調噪音大，影響休息", "工程部更換風機軸承，並為顧客調換房間", "空調已維修，並已為您調換到安靜的房間", "客房部", None),
    ("發票金額與合同金額不一致", "財務部作廢原發票並重新開具", "發票已重新開具並以快遞寄出", "財務部", None),
    ("齒輪箱運轉有異響", "售後人員開箱檢查，更換中間軸齒輪", "異響原因已查明，中間軸齒輪已更換", "質檢部", Some("更換後空載、負載試運行無異響")),
    ("包廂菜品中發現異物", "餐飲部經理當面致歉、免單，並整改後廚衛生", "後廚已全面整改，本次用餐費用已免除", "餐飲部", None),
];
#[rustfmt::skip]
const GRIEVANCES: &[Tmpl] = &[
    ("送貨司機態度生硬", "物流部對司機進行服務規範培訓", "我們已對司機進行服務規範培訓", "物流部", None),
    ("客服電話多次無人接聽", "客服部增設值班電話，專人接聽", "客服部已增設值班電話並安排專人接聽", "客服部", None),
    ("產品說明書只有英文版", "技術部提供中文版說明書電子檔", "中文版說明書已發到您的郵箱", "技術部", None),
    ("酒店停車位緊張", "安排保安引導，高峰時段開放員工停車區", "高峰時段已開放員工停車區並安排保安引導", "客房部", None),
    ("報價有效期太短", "銷售公司將報價有效期延長至30天", "報價有效期已延長至30天", "銷售公司", None),
    ("早餐品種較少", "餐飲部每週更新早餐菜單", "早餐已增加品種並每週更新菜單", "餐飲部", None),
];
#[rustfmt::skip]
const INQUIRIES: &[Tmpl] = &[
    ("詢問ZQ-650減速機交貨周期", "銷售公司答覆常規交貨期25天", "ZQ-650減速機常規交貨期為25天", "銷售公司", None),
    ("詢問齒輪聯軸器備件價格", "發送備件報價單", "備件報價單已發到您的郵箱", "銷售公司", None),
    ("詢問產品質保期限", "答覆整機質保12個月", "整機質保期為12個月", "銷售公司", None),
    ("詢問宴會廳場地預訂", "宴會部發送場地資料及報價", "宴會廳資料和報價已發給您", "餐飲部", None),
    ("詢問能否開具增值稅專用發票", "答覆可以開具並說明所需資料", "可以開具增值稅專用發票，所需資料已發給您", "財務部", None),
    ("詢問華東地區售後服務網點", "提供服務網點清單", "華東地區服務網點清單已發給您", "銷售公司", None),
];
#[rustfmt::skip]
const SUGGESTIONS: &[Tmpl] = &[
    ("建議提供產品說明書電子版下載", "技術部整理後放到公司網站下載區", "說明書電子版已放到公司網站下載區", "技術部", None),
    ("建議增加素食菜品", "餐飲部推出素食套餐", "餐飲部已推出素食套餐", "餐飲部", None),
    ("建議發貨前電話通知", "物流部發貨前一天電話通知顧客", "今後發貨前一天我們會電話通知您", "物流部", None),
    ("建議客房增設USB充電口", "列入客房改造計劃", "已列入明年客房改造計劃", "客房部", None),
];
#[rustfmt::skip]
const PRAISES: &[Tmpl] = &[
    ("表揚售後工程師張工服務周到", "通報表揚並記入月度考核", "我們已轉達並表揚張工", "銷售公司", None),
    ("表揚宴會服務熱情周到", "餐飲部通報表揚當班服務員", "我們已轉達並表揚當班服務員", "餐飲部", None),
    ("表揚交貨及時、包裝規範", "轉達物流部全體員工", "我們已轉達物流部全體員工", "物流部", None),
];
#[rustfmt::skip]
const PERSONS_T: &[&str] = &[
    "王先生", "李女士", "張先生（1208房）", "趙女士", "劉先生", "陳女士（宴會客人）", "周先生",
    "孫女士", "何先生（806房）", "鄭女士",
];
const HANDLERS_T: &[&str] = &["林曉雯", "黃麗娟", "吳國平", "鄭佳"];
const CHANNELS_T: &[&str] = &["電話", "來訪", "信函", "郵件", "網上", "其他"];

fn templates(k: Kind) -> &'static [Tmpl] {
    match k {
        Kind::Complaint => COMPLAINTS,
        Kind::Grievance => GRIEVANCES,
        Kind::Inquiry => INQUIRIES,
        Kind::Suggestion => SUGGESTIONS,
        Kind::Praise => PRAISES,
    }
}

/// A reply as staff write it, usually with courtesy phrases (文明用語).
fn reply_text(rng: &mut Rng, k: Kind, core: &str, courteous: bool) -> String {
    if !courteous {
        return format!("{core}。");
    }
    match k {
        Kind::Complaint | Kind::Grievance => format!(
            "{}{core}，{}",
            rng.pick(&[
                "您好，對不起給您添麻煩了。",
                "您好，很抱歉給您帶來不便。",
                "您好，我理解您的心情。"
            ]),
            rng.pick(&[
                "請放心。謝謝您的反饋！",
                "謝謝您的理解！",
                "請放心，如有問題請隨時聯繫我們。"
            ])
        ),
        Kind::Inquiry => format!(
            "您好，{core}。{}",
            rng.pick(&["謝謝您的來電！", "如有需要請隨時聯繫，不客氣。"])
        ),
        Kind::Suggestion => format!("您好，謝謝您的建議，{core}。"),
        Kind::Praise => format!("您好，謝謝您的表揚，{core}，我們會繼續努力！"),
    }
}

#[rustfmt::skip]
const FB_HEADERS: &[&str] = &[
    "編號", "接收日期", "顧客", "渠道", "類別", "重大", "內容", "處理人", "評審日期", "處理措施",
    "需售後服務", "服務日期", "售後服務報告單號", "顧客評價", "驗證結果", "回復日期", "回復內容",
    "解決日期", "下次回復日期", "報告對象", "報告時間", "責任部門",
];

struct FbPlan {
    id: String,
    kind: Kind,
    received: V,
    customer: String,
    channel: &'static str,
    tmpl: Tmpl,
    major: bool,
    courteous: bool,
}

/// A clean, closed feedback item: reviewed at once, serviced and verified when needed,
/// replied to and resolved.
fn feedback_row(rng: &mut Rng, svc_seq: &mut u32, p: &FbPlan) -> Row {
    let (content, action, core, dept, verification) = p.tmpl;
    let received_day = match &p.received {
        V::D(d) => *d,
        V::Dt(d) => d.date(),
        _ => oct(1),
    };
    // A datetime receipt is followed by dates on later days only, never the same day.
    let min_lag = if matches!(p.received, V::Dt(_)) { 1 } else { 0 };
    let review = received_day + days(rng.range(min_lag, 2));
    let mut r = Row::default();
    r.set("編號", &p.id)
        .set("接收日期", p.received.clone())
        .set("顧客", &p.customer)
        .set("渠道", p.channel)
        .set("類別", kind_t(p.kind))
        .set("內容", content)
        .set("處理人", *rng.pick(HANDLERS_T))
        .set("評審日期", review)
        .set("處理措施", action)
        .set("責任部門", dept);
    let mut done = review;
    if p.kind == Kind::Complaint || p.kind == Kind::Grievance {
        r.set("需售後服務", if verification.is_some() { "是" } else { "否" });
    }
    if let Some(v) = verification {
        *svc_seq += 1;
        let service = review + days(rng.range(1, 2));
        r.set("服務日期", service)
            .set("售後服務報告單號", format!("SF-2026-{:03}", 60 + *svc_seq))
            .set("顧客評價", *rng.pick(&["滿意", "非常滿意", "基本滿意"]))
            .set("驗證結果", v);
        done = service;
    }
    let reply = done + days(rng.range(0, 1));
    r.set("回復日期", reply)
        .set("回復內容", reply_text(rng, p.kind, core, p.courteous))
        .set("解決日期", reply);
    if p.major {
        r.set("重大", "是");
        if let V::Dt(rec) = p.received {
            r.set("報告對象", *rng.pick(&["銷售公司經理 陳志強", "分管副總 劉德勝"]))
                .set("報告時間", rec + Duration::minutes(rng.range(40, 240)));
        }
    }
    r
}

fn build_feedback(rng: &mut Rng) -> Table {
    let mut t = Table::new(F_FEEDBACK, "反饋登記", FB_HEADERS, "編號");
    t.title = Some("顧客反饋信息處理登記表".to_string());
    t.formats = vec![("接收日期", "yyyy-mm-dd hh:mm"), ("報告時間", "yyyy-mm-dd hh:mm")];
    let mut svc = 0u32;
    let customer = |rng: &mut Rng, tmpl: &Tmpl| -> String {
        if matches!(tmpl.3, "餐飲部" | "客房部") {
            rng.pick(PERSONS_T).to_string()
        } else {
            rng.pick(CUSTOMERS_T).to_string()
        }
    };

    // ── earlier months: closed ones (not covered) and ones still open at 2026-10-31
    let older: [(u32, u32, Kind, usize); 8] = [
        (7, 8, Kind::Complaint, 0),
        (7, 21, Kind::Complaint, 1),
        (8, 5, Kind::Inquiry, 2),
        (8, 18, Kind::Complaint, 8),
        (9, 3, Kind::Praise, 0),
        (9, 10, Kind::Grievance, 1),
        (9, 16, Kind::Inquiry, 5),
        (9, 24, Kind::Complaint, 2),
    ];
    for (n, (m, d, kind, ti)) in older.iter().enumerate() {
        let tmpl = templates(*kind)[*ti];
        let plan = FbPlan {
            id: format!("FK-2026-{:03}", 71 + n * 9),
            kind: *kind,
            received: V::D(date(2026, *m, *d)),
            customer: customer(rng, &tmpl),
            channel: CHANNELS_T[n % CHANNELS_T.len()],
            tmpl,
            major: false,
            courteous: true,
        };
        let mut r = feedback_row(rng, &mut svc, &plan);
        let rec = date(2026, *m, *d);
        match n {
            1 => {
                r.clear("回復內容");
                r.decoy(
                    "CP02",
                    "回復內容",
                    "resolved complaint without 回復內容, but received and resolved in July: not covered",
                );
            }
            3 => {
                // Still open: an interim reply in August and a promise for 15 October.
                r.set("回復日期", rec + days(2))
                    .set(
                        "回復內容",
                        "您好，很抱歉給您帶來不便。我們已安排開箱檢查，10月15日前給您最終答覆，請放心。",
                    )
                    .set("處理措施", "售後人員開箱檢查，等待齒輪供應商分析報告")
                    .set("需售後服務", "否")
                    .clear("服務日期")
                    .clear("售後服務報告單號")
                    .clear("顧客評價")
                    .clear("驗證結果")
                    .clear("解決日期")
                    .set("下次回復日期", oct(15));
                r.plant(
                    "CP01",
                    "下次回復日期",
                    "open complaint from August: promised a reply by 2026-10-15, last reply 2026-08-20 (overdue)",
                );
            }
            5 => {
                r.clear("解決日期");
                r.decoy(
                    "CP01",
                    "回復日期",
                    "grievance from September still open at 2026-10-31, but replied to on 回復日期: followed through",
                );
            }
            6 => {
                r.clear("評審日期")
                    .clear("回復日期")
                    .clear("回復內容")
                    .clear("解決日期");
                r.plant(
                    "FB01",
                    "評審日期",
                    "inquiry received 2026-09-16, still open and never reviewed (carried over)",
                );
            }
            7 => {
                r.clear("回復日期")
                    .clear("回復內容")
                    .clear("解決日期")
                    .clear("服務日期")
                    .clear("售後服務報告單號")
                    .clear("顧客評價")
                    .clear("驗證結果")
                    .set("需售後服務", "否")
                    .set("處理措施", "送第三方檢測，已與顧客約定11月6日前答覆")
                    .set("下次回復日期", date(2026, 11, 6));
                r.decoy(
                    "CP01",
                    "下次回復日期",
                    "open complaint, not yet replied to, with an agreed next reply date 2026-11-06 (not overdue)",
                );
            }
            _ => {}
        }
        t.rows.push(r);
    }

    // ── October
    #[rustfmt::skip]
    let pattern = [
        Kind::Complaint, Kind::Inquiry, Kind::Grievance, Kind::Praise, Kind::Suggestion,
        Kind::Complaint, Kind::Inquiry, Kind::Complaint, Kind::Grievance, Kind::Inquiry,
        Kind::Praise, Kind::Suggestion,
    ];
    let n_oct = 72;
    for i in 0..n_oct {
        let kind = pattern[i % pattern.len()];
        let day = 1 + (i * 29 / n_oct) as u32;
        let mut received_day = oct(day);
        if i == n_oct - 1 {
            received_day = oct(30);
        }
        let major = matches!(i, 7 | 29 | 43 | 55);
        let tmpls = templates(kind);
        let mut tmpl = tmpls[(i / pattern.len() + i) % tmpls.len()];
        if matches!(i, 19) {
            tmpl = COMPLAINTS[4]; // needs an after-sales visit
        }
        let received = if major {
            V::Dt(at(received_day, 8 + (i as u32 % 9), [5, 20, 30, 45][i % 4]))
        } else {
            V::D(received_day)
        };
        let plan = FbPlan {
            id: format!("FK-2026-{:03}", 140 + i),
            kind,
            received,
            customer: customer(rng, &tmpl),
            // 其他 (other) is rare; the five named channels take turns.
            channel: if i % 24 == 23 {
                "其他"
            } else {
                CHANNELS_T[(i * 3 + i / 5) % 5]
            },
            tmpl,
            major,
            courteous: !rng.chance(15),
        };
        let mut r = feedback_row(rng, &mut svc, &plan);

        // Items received in the last days of the month are still in progress at 2026-10-31.
        if received_day >= oct(27) && i != n_oct - 1 {
            let review = received_day + days(1);
            r.set("評審日期", review)
                .clear("服務日期")
                .clear("售後服務報告單號")
                .clear("顧客評價")
                .clear("驗證結果")
                .set("回復日期", review);
            if r.vals.contains_key("需售後服務") {
                r.set("需售後服務", "否");
            }
            if kind == Kind::Complaint || kind == Kind::Grievance {
                r.set("回復內容", "您好，已收到您的反映，我們正在核查，將盡快給您答覆。謝謝！")
                    .clear("解決日期");
            } else {
                r.set("解決日期", review);
            }
        }

        let received_text = r.text("接收日期");
        match i {
            13 => {
                r.clear("評審日期");
                r.plant(
                    "FB01",
                    "評審日期",
                    format!("inquiry received {received_text}, never reviewed (replied and closed without review)"),
                );
            }
            16 => {
                let late = received_day + days(10);
                r.set("評審日期", late)
                    .set("回復日期", late + days(1))
                    .set("解決日期", late + days(1));
                r.plant(
                    "FB01",
                    "評審日期",
                    format!("received {received_text}, reviewed {late}: 10 days later (limit 7; warning)"),
                );
            }
            19 => {
                r.clear("驗證結果");
                r.plant(
                    "FB02",
                    "驗證結果",
                    "after-sales service done (服務日期, report no. and customer evaluation given) but 驗證結果 blank",
                );
            }
            20 => {
                r.set(
                    "回復內容",
                    "您好，請不要著急，這事我們幫您辦，今天下午就給您答覆。沒關系，謝謝您的提醒！",
                );
                r.decoy("CP04", "回復內容", "courtesy phrases 請不要著急 / 這事我們幫您辦 / 沒關系 share characters with forbidden ones (這事我管不了, 不關我的事) but are not forbidden");
            }
            26 => {
                r.clear("回復內容");
                r.plant("CP02", "回復內容", "resolved grievance without 回復內容 (reply text)");
            }
            29 => {
                let rec = match r.vals.get("接收日期") {
                    Some(V::Dt(d)) => *d,
                    _ => at(received_day, 9, 0),
                };
                r.set("報告時間", rec + Duration::hours(2));
            }
            31 => {
                r.set("回復內容", "这个不归我们部门管，有意见 找领导！");
                r.plant(
                    "CP04",
                    "回復內容",
                    "reply contains 有意見,找領導 (服務忌語 23), written in Simplified script as 有意见 找领导！",
                );
            }
            37 => {
                let early = received_day - days(10);
                r.set("回復日期", early);
                r.plant(
                    "RG04",
                    "回復日期",
                    format!("回復日期 {early} is before the receipt {received_text}"),
                );
            }
            43 => {
                let rec = at(received_day, 16, 30);
                r.set("接收日期", rec)
                    .set("評審日期", received_day + days(1))
                    .set("報告對象", "分管副總 劉德勝")
                    .set("報告時間", rec + Duration::hours(25));
                r.plant(
                    "CP03",
                    "報告時間",
                    format!(
                        "major complaint received {}, reported {}: 25 hours later (limit 24)",
                        rec.format("%Y-%m-%d %H:%M"),
                        (rec + Duration::hours(25)).format("%Y-%m-%d %H:%M")
                    ),
                );
            }
            45 => {
                r.clear("類別");
                r.plant("RG01", "類別", "類別 (kind, required) blank");
            }
            53 => {
                r.clear("回復日期").clear("回復內容").clear("解決日期");
                r.set("處理措施", "待生產部分析原因");
                if r.vals.contains_key("服務日期") {
                    r.clear("服務日期")
                        .clear("售後服務報告單號")
                        .clear("顧客評價")
                        .clear("驗證結果")
                        .set("需售後服務", "否");
                }
                r.plant(
                    "CP01",
                    "回復日期",
                    format!("complaint received {received_text}: no reply, not resolved and no 下次回復日期"),
                );
            }
            57 => {
                let rv = received_day + days(1);
                let rp = received_day + days(3);
                r.set("評審日期", rv)
                    .set("回復日期", rp)
                    .set("解決日期", date(2026, 11, 5));
                r.plant(
                    "RG04",
                    "解決日期",
                    "解決日期 2026-11-05 is after the as-of date 2026-10-31",
                );
            }
            71 => {
                r.clear("評審日期")
                    .clear("回復日期")
                    .clear("回復內容")
                    .clear("解決日期");
                r.decoy(
                    "FB01",
                    "評審日期",
                    "suggestion received 2026-10-30, not reviewed yet: within the 7 days",
                );
            }
            _ => {}
        }
        t.rows.push(r);
    }
    t
}

#[rustfmt::skip]
const CP_HEADERS: &[&str] = &[
    "編號", "接收日期", "顧客", "渠道", "重大", "內容", "受理人", "評審日期", "處理過程",
    "回復日期", "回復內容", "解決日期", "下次回復日期", "報告對象", "報告時間", "責任部門",
];
#[rustfmt::skip]
const HOTEL_COMPLAINTS: &[(&str, &str, &str, &str)] = &[
    ("客房熱水供應不穩定，洗澡時忽冷忽熱", "工程部檢修熱水循環泵，為顧客調換房間", "熱水循環泵已檢修，並為您調換了房間", "工程部"),
    ("餐廳結賬時多收了服務費", "財務部核對賬單後退還多收費用", "多收的服務費已退還到您的賬戶", "財務部"),
    ("洗衣服務送錯衣物", "客房部找回顧客衣物並送還，免收洗衣費", "您的衣物已找回送還，本次洗衣費用已免除", "客房部"),
    ("前台辦理入住等候時間過長", "前廳部增加高峰時段接待人員", "我們已在高峰時段增加接待人員", "前廳部"),
    ("預訂的包廂被重複安排給其他客人", "餐飲部為顧客安排更大包廂並贈送果盤", "已為您安排更大的包廂，並完善了預訂核對流程", "餐飲部"),
    ("會議室投影儀故障，影響會議", "工程部更換投影儀，會議室費用打八折", "投影儀已更換，會議室費用按八折結算", "工程部"),
    ("菜品口味偏鹹", "廚師長調整口味並重新上菜", "廚師長已調整口味並為您重新上菜", "餐飲部"),
    ("夜間走廊施工噪音大", "暫停夜間施工，向顧客致歉並贈送早餐", "夜間施工已暫停，並為您贈送了早餐", "工程部"),
    ("客房衛生間有異味", "客房部徹底清潔並更換地漏", "衛生間已徹底清潔並更換地漏", "客房部"),
    ("叫醒服務未按時叫醒", "總機核查系統設置，向顧客致歉並減免房費一晚", "叫醒系統已核查修正，並為您減免了一晚房費", "前廳部"),
    ("停車場收費與告示不一致", "保安部更新收費告示，退還差額", "收費告示已更新，差額已退還", "保安部"),
    ("房間無線網絡信號差", "工程部加裝無線接入點", "已在您所在樓層加裝無線接入點", "工程部"),
];

fn build_complaint_record(rng: &mut Rng) -> Table {
    let mut t = Table::new(F_FEEDBACK, "顧客投訴記錄", CP_HEADERS, "編號");
    t.title = Some("顧客投訴記錄".to_string());
    t.formats = vec![("接收日期", "yyyy-mm-dd hh:mm"), ("報告時間", "yyyy-mm-dd hh:mm")];
    let n = 20;
    let customers = [
        "王先生（1208房）",
        "李女士",
        "宏達貿易公司 陳經理",
        "張先生",
        "趙女士（宴會客人）",
        "劉先生（906房）",
        "孫女士",
        "周先生（1512房）",
        "吳先生",
        "鄭女士（婚宴客人）",
    ];
    for i in 0..n {
        let day = 1 + (i * 29 / n) as u32;
        let rec = at(oct(day), 8 + (i as u32 * 5) % 13, [0, 15, 30, 45][i % 4]);
        let (content, action, core, dept) = HOTEL_COMPLAINTS[i % HOTEL_COMPLAINTS.len()];
        let review = oct(day) + days(1);
        let reply = review + days(rng.range(0, 1));
        let mut r = Row::default();
        r.set("編號", format!("TS-2026-{}", 101 + i))
            .set("接收日期", rec)
            .set("顧客", customers[i % customers.len()])
            .set("渠道", ["電話", "來訪", "網上", "信函", "郵件"][i % 5])
            .set("內容", content)
            .set("受理人", *rng.pick(&["吳國平", "黃麗娟", "許文"]))
            .set("評審日期", review)
            .set("處理過程", action)
            .set("回復日期", reply)
            .set("回復內容", {
                let courteous = !rng.chance(10);
                reply_text(rng, Kind::Complaint, core, courteous)
            })
            .set("解決日期", reply)
            .set("責任部門", dept);
        if day >= 29 {
            r.set("回復日期", review)
                .set(
                    "回復內容",
                    "您好，很抱歉給您帶來不便，我們正在處理，明日給您答覆。謝謝！",
                )
                .clear("解決日期");
        }
        match i {
            5 => {
                r.set("重大", "是")
                    .set("報告對象", "值班經理 吳國平")
                    .set("報告時間", rec + Duration::hours(24));
                r.decoy(
                    "CP03",
                    "報告時間",
                    format!(
                        "major complaint received {}, reported {}: exactly 24 hours (not more than the limit)",
                        rec.format("%Y-%m-%d %H:%M"),
                        (rec + Duration::hours(24)).format("%Y-%m-%d %H:%M")
                    ),
                );
            }
            9 => {
                r.set("重大", "是");
                r.plant(
                    "CP03",
                    "報告對象",
                    "major complaint never reported (報告對象 and 報告時間 blank)",
                );
            }
            12 => {
                r.clear("顧客").set("渠道", "網上");
                r.plant("RG01", "顧客", "顧客 (customer, required) blank");
            }
            14 => {
                r.set("重大", "是")
                    .set("報告對象", "餐飲部經理 許文")
                    .set("報告時間", rec + Duration::minutes(50));
            }
            _ => {}
        }
        t.rows.push(r);
    }
    t
}

// ───────────────────────────── guests, visits, call-backs ─────────────────────────────

#[rustfmt::skip]
const G_HEADERS: &[&str] = &[
    "客户编号", "姓名", "类别", "单位", "住址", "职务", "电话", "生日", "结婚纪念日",
    "家庭成员情况", "性格", "饮食习惯", "建档日期", "客户经理",
];
#[rustfmt::skip]
const V_HEADERS: &[&str] = &[
    "日期", "客户编号", "消费金额", "宴会菜单", "菜品评价", "人数", "餐厅",
];
const CB_HEADERS: &[&str] = &["Date", "Guest ID", "By", "Method", "Notes"];

const CLASS_A: &[usize] = &[1, 3, 5, 9, 13, 17, 21, 26, 31, 37, 44, 50];
const CLASS_B: &[usize] = &[2, 6, 10, 14, 18, 22, 27, 32, 35, 38, 41, 45, 48, 53, 57];
/// New A-class guests (developed within 12 months before 2026-10-31).
const NEW_A: &[(usize, u32, u32)] = &[(5, 2, 10), (9, 4, 18), (13, 6, 15), (17, 8, 3), (21, 9, 7)];
const GH01_A: usize = 26;
const GH01_B: usize = 35;
const GH02_C: usize = 40;
const GH06_FIRST: usize = 23;
const GH06_LATER: usize = 51;
const UNKNOWN_VISIT_GUEST: &str = "G-0068";
const UNKNOWN_CALLBACK_GUEST: &str = "G-0075";

fn gid(n: usize) -> String {
    format!("G-{n:04}")
}

struct Guest {
    n: usize,
    class: char,
    developed: NaiveDate,
}

fn build_guests(rng: &mut Rng) -> (Table, Vec<Guest>) {
    let mut t = Table::new(F_GUESTS, "客史档案", G_HEADERS, "客户编号");
    t.formats = vec![
        ("生日", "yyyy-mm-dd"),
        ("结婚纪念日", "yyyy-mm-dd"),
        ("建档日期", "yyyy-mm-dd"),
    ];
    let surnames = [
        "王", "李", "张", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗",
        "高", "郑",
    ];
    let given = [
        "建国", "丽华", "志刚", "海燕", "文博", "晓东", "秀英", "国强", "玉兰", "立群", "振宇", "美玲", "德明", "春生",
        "宏伟", "静怡", "子健", "慧敏", "永康", "雪梅",
    ];
    let companies = [
        "华东重型机械有限公司",
        "市建设银行城东支行",
        "江苏恒力液压股份有限公司",
        "市第一人民医院",
        "宏达贸易有限公司",
        "市交通运输局",
        "恒通房地产开发有限公司",
        "市电力公司",
        "新华书店集团",
        "天元律师事务所",
        "东方国际旅行社",
        "市第三中学",
        "金茂置业有限公司",
        "长江证券营业部",
        "润泽生物科技有限公司",
        "市税务局直属分局",
    ];
    let titles = [
        "总经理",
        "董事长",
        "副总经理",
        "办公室主任",
        "采购经理",
        "处长",
        "科长",
        "院长",
        "财务总监",
        "行长",
    ];
    let streets = [
        "人民路",
        "解放路",
        "中山路",
        "建设路",
        "和平路",
        "新华路",
        "滨江路",
        "文化路",
    ];
    let districts = ["城东区", "城西区", "高新区", "开发区"];
    let family = [
        "妻子、一子",
        "丈夫、一女",
        "妻子、一子一女",
        "父母同住，一子",
        "妻子、两个女儿",
    ];
    let personality = ["爽朗健谈", "稳重内敛", "注重细节", "性格随和", "讲究效率", "喜欢安静"];
    let dietary = [
        "喜食海鲜，不吃辣",
        "清淡少油",
        "忌牛羊肉",
        "爱喝黄酒",
        "糖尿病，少糖",
        "喜欢本帮菜",
        "素食为主",
    ];
    let managers = ["赵敏", "孙丽", "钱磊", "周婷"];

    let mut used_names = BTreeSet::new();
    let mut used_phones = BTreeSet::new();
    let mut guests = Vec::new();
    for n in 1..=60usize {
        let class = if CLASS_A.contains(&n) {
            'A'
        } else if CLASS_B.contains(&n) {
            'B'
        } else {
            'C'
        };
        let mut name;
        loop {
            name = format!("{}{}", rng.pick(&surnames), rng.pick(&given));
            if name != "刘洋" && name != "刘阳" && used_names.insert(name.clone()) {
                break;
            }
        }
        if n == GH06_FIRST {
            name = "刘洋".to_string();
        }
        if n == GH06_LATER {
            name = "刘阳".to_string();
        }
        let developed = if let Some((_, m, d)) = NEW_A.iter().find(|(g, _, _)| *g == n) {
            date(2026, *m, *d)
        } else {
            // anywhere in 2024-01 … 2025-09, or (C class only) 2026-01 … 2026-09
            let base = if class == 'C' && rng.chance(30) {
                date(2026, 1, 5)
            } else {
                date(2024, 1, 8)
            };
            let span = if base.year() == 2026 { 240 } else { 600 };
            base + days(rng.range(0, span))
        };
        // 11-digit mobile numbers, unique; written in the forms staff use.
        let mut digits;
        loop {
            digits = format!(
                "1{}{:09}",
                rng.pick(&["38", "39", "36", "58", "86", "35"]),
                rng.range(0, 999_999_999) % 1_000_000_000
            );
            digits.truncate(11);
            if used_phones.insert(digits.clone()) {
                break;
            }
        }
        let phone = match n % 6 {
            0 => format!("{}-{}-{}", &digits[0..3], &digits[3..7], &digits[7..11]),
            1 => format!("+86 {} {} {}", &digits[0..3], &digits[3..7], &digits[7..11]),
            2 => digits.clone(),
            3 => format!("{} {} {}", &digits[0..3], &digits[3..7], &digits[7..11]),
            4 => format!("(021){}", 62_000_000 + n * 1_217),
            _ => format!("021-{} {}", 5_500 + n * 7, 1_000 + n * 31),
        };
        let birthday = date(
            rng.range(1958, 1992) as i32,
            rng.range(1, 12) as u32,
            rng.range(1, 28) as u32,
        );
        let mut r = Row::default();
        r.set("客户编号", gid(n))
            .set("姓名", name.clone())
            .set("类别", class.to_string())
            .set(
                "住址",
                format!("{}{}{}号", rng.pick(&districts), rng.pick(&streets), rng.range(1, 388)),
            )
            .set("电话", phone)
            .set("建档日期", developed)
            .set("客户经理", *rng.pick(&managers))
            .set("性格", *rng.pick(&personality));
        if class != 'C' || rng.chance(60) {
            r.set("单位", *rng.pick(&companies)).set("职务", *rng.pick(&titles));
        }
        if class == 'A' || rng.chance(50) {
            r.set("生日", birthday)
                .set("饮食习惯", *rng.pick(&dietary))
                .set("家庭成员情况", *rng.pick(&family));
        }
        if class == 'A' || (class == 'B' && rng.chance(50)) {
            let wed = birthday
                .with_year(birthday.year() + rng.range(24, 30) as i32)
                .unwrap_or(birthday + days(9000));
            r.set("结婚纪念日", wed);
        }
        match n {
            GH01_A => {
                r.clear("生日");
                r.plant("GH01", "生日", "A-class guest without 生日 (birthday, required for A)");
            }
            GH01_B => {
                r.clear("电话");
                r.plant("GH01", "电话", "B-class guest without 电话 (phone, required for B)");
            }
            GH02_C => {
                r.plant(
                    "GH02",
                    "类别",
                    "recorded C, but spent 127,000.00 in the 12 months to 2026-10-31 (≥ 100,000: A)",
                );
            }
            GH06_FIRST => {
                r.set("电话", "136-2188-4417")
                    .set("单位", "华东机电设备公司")
                    .set("职务", "采购经理");
            }
            GH06_LATER => {
                r.set("电话", "+86 136 2188 4417")
                    .set("单位", "华东机电")
                    .set("职务", "采购主管");
                r.plant(
                    "GH06",
                    "电话",
                    format!(
                        "phone +86 136 2188 4417 is the same number as {} 刘洋 (136-2188-4417, {})",
                        gid(GH06_FIRST),
                        t.cell(GH06_FIRST - 1, "电话").unwrap_or_default()
                    ),
                );
            }
            13 => {
                r.plant(
                    "GH04",
                    "客户编号",
                    "new A-class guest (建档 2026-06-15) with no call-back in 2026-10 (last one 2026-09-22)",
                );
            }
            17 => {
                r.decoy(
                    "GH04",
                    "客户编号",
                    "new A-class guest (建档 2026-08-03) called back on 2026-10-31, the last day of the month",
                );
            }
            _ => {}
        }
        t.rows.push(r);
        guests.push(Guest { n, class, developed });
    }
    (t, guests)
}

struct Visit {
    date: NaiveDate,
    guest: String,
    cents: i64,
    menu: Option<String>,
    rating: Option<String>,
    covers: i64,
    outlet: &'static str,
    mark: Option<Mark>,
}

fn build_visits(rng: &mut Rng, guests: &[Guest]) -> Table {
    let window_start = date(2025, 11, 10);
    let last = oct(30);
    let ratings = [
        "满意",
        "很满意",
        "满意，清蒸东星斑火候好",
        "红烧肉偏甜，已反馈厨房",
        "整体满意，上菜稍慢",
        "非常满意，点名表扬厨师",
        "满意，希望增加时令蔬菜",
        "松鼠鳜鱼酸甜适中，满意",
    ];
    let set_menus = [
        "商务套餐A",
        "商务套餐B",
        "家宴套餐（8人）",
        "点菜：东坡肉、清蒸鲈鱼、蟹粉豆腐",
        "点菜：白切鸡、油爆虾、腌笃鲜",
    ];
    let mut visits: Vec<Visit> = Vec::new();
    let mut menu_seq = 0;
    let mut make = |rng: &mut Rng, d: NaiveDate, g: String, cents: i64| -> Visit {
        let yuan = cents / 100;
        let (menu, outlet) = if yuan >= 10_000 {
            menu_seq += 1;
            (
                format!("宴会菜单 YH-{}-{:02}", d.format("%y%m%d"), menu_seq % 3 + 1),
                "宴会厅",
            )
        } else {
            (
                rng.pick(&set_menus).to_string(),
                *rng.pick(&["中餐厅", "包厢 牡丹厅", "包厢 芙蓉厅", "西餐厅"]),
            )
        };
        Visit {
            date: d,
            guest: g,
            cents,
            menu: Some(menu),
            rating: Some(rng.pick(&ratings).to_string()),
            covers: (yuan / 450).clamp(2, 120),
            outlet,
            mark: None,
        }
    };
    for g in guests {
        let start = (g.developed + days(7)).max(window_start);
        let span = (last - start).num_days();
        let amounts: Vec<i64> = match (g.class, g.n) {
            (_, GH02_C) => vec![32_800, 28_600, 36_200, 29_400],
            ('A', _) => {
                let k = rng.range(3, 5);
                let mut v: Vec<i64> = (0..k).map(|_| rng.range(220, 580) * 100).collect();
                while v.iter().sum::<i64>() < 110_000 {
                    v.push(40_000);
                }
                v
            }
            ('B', _) => {
                let k = rng.range(2, 3);
                let mut v: Vec<i64> = (0..k)
                    .map(|_| rng.range(90, 280) * 100 + rng.range(0, 9) * 10)
                    .collect();
                while v.iter().sum::<i64>() < 24_000 {
                    v.push(9_000);
                }
                v
            }
            _ => {
                let k = rng.range(0, 2);
                (0..k).map(|_| rng.range(6, 65) * 100 + rng.range(0, 9) * 10).collect()
            }
        };
        let force_october = g.class != 'C' && g.n % 3 == 0 || g.n == GH02_C;
        for (j, yuan) in amounts.iter().enumerate() {
            let d = if j == 0 && force_october {
                oct(rng.range(2, 30) as u32)
            } else {
                start + days(rng.range(0, span.max(0)))
            };
            visits.push(make(rng, d, gid(g.n), yuan * 100));
        }
    }
    // A visit of a guest no profile holds.
    let mut u = make(rng, oct(17), UNKNOWN_VISIT_GUEST.to_string(), 368_000);
    u.mark = Some(Mark {
        rule: "GH05",
        col: "客户编号",
        what: format!("visit of {UNKNOWN_VISIT_GUEST}, which is in no guest profile"),
        expect: true,
    });
    visits.push(u);

    visits.sort_by(|a, b| (a.date, &a.guest).cmp(&(b.date, &b.guest)));

    // An October visit of a B-class guest without its menu.
    if let Some(v) = visits
        .iter_mut()
        .find(|v| v.date >= oct(1) && v.guest == gid(CLASS_B[3]) && v.mark.is_none())
    {
        v.menu = None;
        v.mark = Some(Mark {
            rule: "GH03",
            col: "宴会菜单",
            what: format!("{} visit on {} without 宴会菜单 (menu)", v.guest, v.date),
            expect: true,
        });
    }
    // An old visit without its rating: not covered by 2026-10.
    if let Some(v) = visits
        .iter_mut()
        .find(|v| v.date.month() == 6 && v.date.year() == 2026 && v.mark.is_none())
    {
        v.rating = None;
        v.mark = Some(Mark {
            rule: "GH03",
            col: "菜品评价",
            what: format!("visit on {} without 菜品评价, but in June: not covered", v.date),
            expect: false,
        });
    }

    let mut t = Table::new(F_VISITS, "visits-2026", V_HEADERS, "客户编号");
    for v in visits {
        let mut r = Row::default();
        r.set("日期", text_date(v.date, TextDate::Iso))
            .set("客户编号", v.guest)
            .set("消费金额", money_text(v.cents))
            .set("人数", v.covers.to_string())
            .set("餐厅", v.outlet);
        if let Some(m) = v.menu {
            r.set("宴会菜单", m);
        }
        if let Some(x) = v.rating {
            r.set("菜品评价", x);
        }
        if let Some(m) = v.mark {
            r.marks.push(m);
        }
        t.rows.push(r);
    }
    t
}

fn build_callbacks() -> Table {
    let mut t = Table::new(F_CALLBACKS, "回訪", CB_HEADERS, "Guest ID");
    t.title = Some("Call-back log 2026".to_string());
    t.formats = vec![("Date", "yyyy-mm-dd")];
    #[rustfmt::skip]
    let rows: &[(u32, u32, usize, &str, &str, &str)] = &[
        (9, 3, 1, "赵敏", "电话", "中秋礼盒已送达，客人表示感谢"),
        (9, 8, 5, "孙丽", "上门拜访", "了解下季度商务宴请计划"),
        (9, 10, 2, "钱磊", "电话", "确认国庆家宴包厢预订"),
        (9, 15, 9, "赵敏", "微信", "发送秋季新菜单，客人有兴趣"),
        (9, 17, 3, "孙丽", "电话", "对上次宴会菜品满意，建议增加海鲜品种"),
        (9, 22, 13, "钱磊", "上门拜访", "新客户首次回访，介绍宴会厅和客房协议价"),
        (9, 24, 17, "周婷", "电话", "了解公司年会需求"),
        (9, 25, 21, "赵敏", "上门拜访", "新签协议客户，登记饮食习惯"),
        (9, 28, 6, "孙丽", "微信", "生日祝福，赠送生日蛋糕券"),
        (9, 29, 10, "钱磊", "电话", "确认10月会议用餐安排"),
        (10, 9, 5, "孙丽", "电话", "国庆宴请反馈良好，预订11月答谢宴"),
        (10, 12, 1, "赵敏", "上门拜访", "送达年度消费对账单"),
        (10, 13, 2, "钱磊", "电话", "客人对包厢服务满意"),
        (10, 14, 9, "赵敏", "电话", "新客户月度回访，客人希望增加素食菜品"),
        (10, 16, 14, "周婷", "微信", "结婚纪念日祝福，预订纪念日晚宴"),
        (10, 19, 75, "钱磊", "电话", "回访客人对生日宴的评价"),
        (10, 20, 21, "赵敏", "上门拜访", "新客户月度回访，确认年会场地"),
        (10, 21, 3, "孙丽", "电话", "介绍冬季滋补菜单"),
        (10, 23, 18, "周婷", "电话", "客人反映停车方便了，表示满意"),
        (10, 26, 22, "钱磊", "微信", "发送11月宴会厅档期"),
        (10, 27, 26, "赵敏", "上门拜访", "补充登记家庭成员情况"),
        (10, 28, 31, "孙丽", "电话", "感谢客人推荐新客户"),
        (10, 29, 27, "周婷", "电话", "确认客人饮食禁忌：忌牛羊肉"),
        (10, 30, 37, "钱磊", "电话", "年终答谢宴初步沟通"),
        (10, 31, 17, "周婷", "上门拜访", "新客户月度回访，客人对年会方案满意"),
    ];
    for (m, d, g, by, method, notes) in rows {
        let mut r = Row::default();
        let guest = if *g == 75 {
            UNKNOWN_CALLBACK_GUEST.to_string()
        } else {
            gid(*g)
        };
        r.set("Date", date(2026, *m, *d))
            .set("Guest ID", guest)
            .set("By", *by)
            .set("Method", *method)
            .set("Notes", *notes);
        if *g == 75 {
            r.plant(
                "GH05",
                "Guest ID",
                format!("call-back of {UNKNOWN_CALLBACK_GUEST}, which is in no guest profile"),
            );
        }
        t.rows.push(r);
    }
    t
}

// ───────────────────────────── self-checks ─────────────────────────────

/// Fragments of the forbidden phrases (服務忌語 1–28), in both scripts. No ordinary text
/// may contain one, whichever way a checker splits or normalises the list.
#[rustfmt::skip]
const FORBIDDEN_FRAGMENTS: &[&str] = &[
    "老頭", "老头", "老太婆", "神經病", "神经病", "喂", "干什么", "幹什麼", "喊什么", "等一會兒",
    "等一会儿", "啰嗦", "囉嗦", "快點講", "快点讲", "管不著", "管不着", "少管閑事", "少管闲事",
    "叫你呢", "不關我的事", "不关我的事", "急什么", "急什麼", "還沒上班", "还没上班", "找別人去",
    "找别人去", "墻上貼著", "墙上贴着", "自己看", "就你急", "不早來", "不早来", "講過幾遍",
    "讲过几遍", "拎不清", "正忙著", "正忙着", "你能怎么", "你能怎麼", "你看著辦", "你看着办",
    "快下班了", "早干什么", "煩不煩", "烦不烦", "明天來", "明天来", "你問我", "你问我", "我問誰",
    "我问谁", "我管不了", "找我們領導", "找我们领导", "有毛病", "你找誰", "你找谁", "他不在",
    "跟你說過了", "跟你说过了", "耳聾", "耳聋", "有意見", "有意见", "找領導", "找领导", "這態度",
    "这态度", "有本事你告", "叫什么", "叫什麼", "等一下", "種態度", "种态度", "怎么啦", "怎麼啦",
    "不是我管", "不曉得", "不晓得", "不知道",
];

fn strip_punct(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).collect()
}

fn self_check(tables: &[&Table]) -> Res<()> {
    for t in tables {
        t.check()?;
        for (i, row) in t.rows.iter().enumerate() {
            for (col, v) in &row.vals {
                let V::T(s) = v else { continue };
                let planted = row.marks.iter().any(|m| m.rule == "CP04" && m.expect && m.col == *col);
                let bare = strip_punct(s);
                for f in FORBIDDEN_FRAGMENTS {
                    if bare.contains(f) && !planted {
                        return Err(format!(
                            "{} › {} › {}: ordinary text contains the forbidden fragment {f}: {s}",
                            t.file,
                            t.sheet,
                            t.cell(i, col)?
                        )
                        .into());
                    }
                }
            }
            for m in &row.marks {
                if !RULE_ORDER.contains(&m.rule) {
                    return Err(format!("unknown rule {}", m.rule).into());
                }
            }
        }
    }
    // Planted and decoy sets must cover every rule, and ids must be unique per kind.
    let planted: BTreeSet<&str> = tables
        .iter()
        .flat_map(|t| t.rows.iter())
        .flat_map(|r| r.marks.iter())
        .filter(|m| m.expect)
        .map(|m| m.rule)
        .collect();
    for rule in RULE_ORDER {
        if !planted.contains(rule) {
            return Err(format!("rule {rule} is not planted").into());
        }
    }
    Ok(())
}

// ───────────────────────────── writers ─────────────────────────────

fn doc_properties(title: &str, author: &str) -> Res<DocProperties> {
    let created = at(oct(31), 18, 0);
    Ok(DocProperties::new()
        .set_title(title)
        .set_author(author)
        .set_company("華東機電實業有限公司")
        .set_creation_datetime(&created))
}

fn write_table(ws: &mut Worksheet, t: &Table) -> Res<()> {
    ws.set_name(&t.sheet)?;
    let ncols = t.headers.len() as u16;
    let header0 = t.header_row() - 1;
    if let Some(title) = &t.title {
        let f = Format::new()
            .set_bold()
            .set_font_size(14)
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter);
        ws.merge_range(0, 0, 0, ncols - 1, title, &f)?;
        ws.set_row_height(0, 26)?;
    }
    let hf = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_border(FormatBorder::Thin)
        .set_background_color(Color::RGB(0x00DD_EBF7));
    let mut widths: Vec<usize> = t.headers.iter().map(|h| display_width(h)).collect();
    for (c, h) in t.headers.iter().enumerate() {
        ws.write_string_with_format(header0, c as u16, *h, &hf)?;
    }
    for (i, row) in t.rows.iter().enumerate() {
        let r = header0 + 1 + i as u32;
        for (c, h) in t.headers.iter().enumerate() {
            let Some(v) = row.vals.get(h) else { continue };
            let c16 = c as u16;
            let fmt = t.format_of(h);
            match v {
                V::T(s) => {
                    ws.write_string(r, c16, s)?;
                }
                V::N(x) => match fmt {
                    Some(f) => {
                        ws.write_number_with_format(r, c16, *x, &Format::new().set_num_format(f))?;
                    }
                    None => {
                        ws.write_number(r, c16, *x)?;
                    }
                },
                V::D(d) => {
                    let f = match fmt {
                        Some(f) if !f.contains("hh") => f,
                        _ => "yyyy-mm-dd",
                    };
                    ws.write_datetime_with_format(r, c16, d, &Format::new().set_num_format(f))?;
                }
                V::Dt(d) => {
                    ws.write_datetime_with_format(r, c16, d, &Format::new().set_num_format("yyyy-mm-dd hh:mm"))?;
                }
            }
            let w = match v {
                V::D(_) => 11,
                V::Dt(_) => 16,
                other => display_width(&other.display()),
            };
            widths[c] = widths[c].max(w);
        }
    }
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, (*w as f64 + 2.0).min(46.0))?;
    }
    ws.set_freeze_panes(header0 + 1, 0)?;
    Ok(())
}

fn save_workbook(
    out: &Path,
    file: &str,
    title: &str,
    author: &str,
    tables: &[&Table],
    notes: Option<(&str, &[&str])>,
) -> Res<()> {
    let mut wb = Workbook::new();
    wb.set_properties(&doc_properties(title, author)?);
    for t in tables {
        let ws = wb.add_worksheet();
        write_table(ws, t)?;
    }
    if let Some((name, lines)) = notes {
        let ws = wb.add_worksheet();
        ws.set_name(name)?;
        ws.set_column_width(0, 110)?;
        let bold = Format::new().set_bold().set_font_size(13);
        for (i, line) in lines.iter().enumerate() {
            if i == 0 {
                ws.write_string_with_format(0, 0, *line, &bold)?;
            } else {
                ws.write_string(i as u32, 0, *line)?;
            }
        }
    }
    let path = out.join(file);
    wb.save(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(())
}

fn xml_escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&apos;"),
            _ => o.push(c),
        }
    }
    o
}

const ODS_NS: &str = r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/""#;

fn ods_content(t: &Table) -> String {
    let mut x = String::new();
    x.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = write!(x, "<office:document-content {ODS_NS} office:version=\"1.2\">");
    x.push_str("<office:automatic-styles>");
    x.push_str("<style:style style:name=\"co1\" style:family=\"table-column\"><style:table-column-properties style:column-width=\"2.8cm\"/></style:style>");
    x.push_str("<number:date-style style:name=\"N37\"><number:year number:style=\"long\"/><number:text>-</number:text><number:month number:style=\"long\"/><number:text>-</number:text><number:day number:style=\"long\"/></number:date-style>");
    x.push_str("<style:style style:name=\"ce1\" style:family=\"table-cell\" style:data-style-name=\"N37\"/>");
    x.push_str("<style:style style:name=\"ce2\" style:family=\"table-cell\"><style:text-properties fo:font-weight=\"bold\"/></style:style>");
    x.push_str("</office:automatic-styles><office:body><office:spreadsheet>");
    let _ = write!(x, "<table:table table:name=\"{}\">", xml_escape(&t.sheet));
    let _ = write!(
        x,
        "<table:table-column table:style-name=\"co1\" table:number-columns-repeated=\"{}\"/>",
        t.headers.len()
    );
    x.push_str("<table:table-row>");
    for h in &t.headers {
        let _ = write!(x, "<table:table-cell table:style-name=\"ce2\" office:value-type=\"string\"><text:p>{}</text:p></table:table-cell>", xml_escape(h));
    }
    x.push_str("</table:table-row>");
    for row in &t.rows {
        x.push_str("<table:table-row>");
        for h in &t.headers {
            match row.vals.get(h) {
                None => x.push_str("<table:table-cell/>"),
                Some(V::T(s)) => {
                    let _ = write!(
                        x,
                        "<table:table-cell office:value-type=\"string\"><text:p>{}</text:p></table:table-cell>",
                        xml_escape(s)
                    );
                }
                Some(V::N(n)) => {
                    let _ = write!(x, "<table:table-cell office:value-type=\"float\" office:value=\"{n}\"><text:p>{n}</text:p></table:table-cell>");
                }
                Some(V::D(d)) => {
                    let s = d.format("%Y-%m-%d");
                    let _ = write!(x, "<table:table-cell table:style-name=\"ce1\" office:value-type=\"date\" office:date-value=\"{s}\"><text:p>{s}</text:p></table:table-cell>");
                }
                Some(V::Dt(d)) => {
                    let _ = write!(
                        x,
                        "<table:table-cell office:value-type=\"date\" office:date-value=\"{}\"><text:p>{}</text:p></table:table-cell>",
                        d.format("%Y-%m-%dT%H:%M:%S"),
                        d.format("%Y-%m-%d %H:%M")
                    );
                }
            }
        }
        x.push_str("</table:table-row>");
    }
    x.push_str("</table:table></office:spreadsheet></office:body></office:document-content>\n");
    x
}

fn save_ods(out: &Path, t: &Table) -> Res<()> {
    use zip::write::SimpleFileOptions;
    use zip::{CompressionMethod, DateTime, ZipWriter};
    let stamp = DateTime::from_date_and_time(2026, 10, 31, 18, 0, 0).map_err(|e| format!("zip timestamp: {e}"))?;
    let stored = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Stored)
        .last_modified_time(stamp)
        .unix_permissions(0o644);
    let deflated = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(stamp)
        .unix_permissions(0o644);
    let manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">\n <manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.2\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>\n <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\n <manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>\n <manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/>\n</manifest:manifest>\n";
    let styles = format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-styles {ODS_NS} office:version=\"1.2\"><office:styles/></office:document-styles>\n");
    let meta = format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-meta {ODS_NS} office:version=\"1.2\"><office:meta><meta:generator>clerk make_sample</meta:generator><dc:title>口头订单登记</dc:title><meta:initial-creator>赵晓燕</meta:initial-creator><meta:creation-date>2026-10-31T18:00:00</meta:creation-date><dc:date>2026-10-31T18:00:00</dc:date></office:meta></office:document-meta>\n");
    let path = out.join(t.file);
    let f = fs::File::create(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut z = ZipWriter::new(f);
    z.start_file("mimetype", stored)?;
    z.write_all(b"application/vnd.oasis.opendocument.spreadsheet")?;
    z.start_file("META-INF/manifest.xml", deflated)?;
    z.write_all(manifest.as_bytes())?;
    z.start_file("content.xml", deflated)?;
    z.write_all(ods_content(t).as_bytes())?;
    z.start_file("styles.xml", deflated)?;
    z.write_all(styles.as_bytes())?;
    z.start_file("meta.xml", deflated)?;
    z.write_all(meta.as_bytes())?;
    z.finish()?;
    Ok(())
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn save_csv_gb18030(out: &Path, t: &Table) -> Res<()> {
    let mut text = String::new();
    text.push_str(&t.headers.iter().map(|h| csv_field(h)).collect::<Vec<_>>().join(","));
    text.push_str("\r\n");
    for row in &t.rows {
        let line: Vec<String> = t.headers.iter().map(|h| csv_field(&row.text(h))).collect();
        text.push_str(&line.join(","));
        text.push_str("\r\n");
    }
    let (bytes, _, had_errors) = encoding_rs::GB18030.encode(&text);
    if had_errors {
        return Err(format!("{}: text not representable in GB18030", t.file).into());
    }
    let path = out.join(t.file);
    fs::write(&path, &bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(())
}

/// An Excel owner ("lock") file, as Excel leaves it beside an open workbook: 165 bytes,
/// the user name as a length byte plus ANSI text padded with spaces, then again in UTF-16.
fn save_lock_file(out: &Path) -> Res<()> {
    let user = "chen.jing";
    let mut b = Vec::with_capacity(165);
    b.push(user.len() as u8);
    b.extend_from_slice(user.as_bytes());
    b.resize(54, b' ');
    b.push(user.len() as u8);
    b.push(0);
    for u in user.encode_utf16() {
        b.extend_from_slice(&u.to_le_bytes());
    }
    while b.len() < 164 {
        b.extend_from_slice(&[b' ', 0]);
    }
    b.truncate(164);
    b.push(b' ');
    let path = out.join(F_LOCK);
    fs::write(&path, &b).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(())
}

// ───────────────────────────── README ─────────────────────────────

struct Expect {
    rule: &'static str,
    file: &'static str,
    sheet: String,
    row: u32,
    col: usize,
    cell: String,
    record: String,
    what: String,
    expect: bool,
}

fn collect_expectations(tables: &[&Table]) -> Res<Vec<Expect>> {
    let mut out = Vec::new();
    for t in tables {
        for (i, row) in t.rows.iter().enumerate() {
            for m in &row.marks {
                out.push(Expect {
                    rule: m.rule,
                    file: t.file,
                    sheet: t.sheet.clone(),
                    row: t.row_no(i),
                    col: t.col_idx(m.col)?,
                    cell: t.cell(i, m.col)?,
                    record: row.text(t.id_col),
                    what: m.what.replace('|', "/"),
                    expect: m.expect,
                });
            }
        }
    }
    let rank = |r: &str| RULE_ORDER.iter().position(|x| *x == r).unwrap_or(usize::MAX);
    out.sort_by(|a, b| {
        (rank(a.rule), a.file, &a.sheet, a.row, a.col).cmp(&(rank(b.rule), b.file, &b.sheet, b.row, b.col))
    });
    Ok(out)
}

fn table_md(rows: &[&Expect]) -> String {
    let mut s = String::from("| rule | file | sheet | cell | record | what |\n|---|---|---|---|---|---|\n");
    for e in rows {
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} | {} |",
            e.rule, e.file, e.sheet, e.cell, e.record, e.what
        );
    }
    s
}

fn readme(counts: &[(String, usize)], expects: &[Expect]) -> String {
    let mut s = String::new();
    s.push_str("# sample-data — one month of registers\n\n");
    s.push_str("One month, **2026-10**, of the registers a fictional company keeps: 華東機電實業 sells industrial\n");
    s.push_str(
        "products (its 銷售公司 reviews bids, contracts and orders) and runs a hotel with a restaurant. Staff\n",
    );
    s.push_str("keep the registers in their own folders, scripts and layouts, as they would in real life. Known\n");
    s.push_str("problems are planted in them; every other row is meant to be clean for every rule.\n\n");
    s.push_str(
        "Check it with `clerk check sample-data --month 2026-10` (as-of date 2026-10-31, default settings).\n\n",
    );
    s.push_str("Regenerate (deterministic, byte-identical output) from the crate root:\n\n");
    s.push_str("```\ncargo run --example make_sample -- sample-data\n```\n\n");
    s.push_str("## Files\n\n");
    s.push_str("| file | sheet | register | data rows | notes |\n|---|---|---|---|---|\n");
    let count = |key: &str| counts.iter().find(|(k, _)| k == key).map(|(_, n)| *n).unwrap_or(0);
    let lines: Vec<(String, &str, &str, String, &str)> = vec![
        (F_CONTRACTS.into(), "2026年10月", "contracts", count("contracts").to_string(), "Traditional Chinese. Merged title row 1 (`2026年10月合同評審台帳`), blank row 2, header on row 3. Real date cells (簽訂日期 shown as `yyyy年m月d日`), a few text dates (`2026/10/8` form, `2026年10月9日` form); amounts in 元 with `#,##0`, a few as text (`¥1,200,000`, `RMB 1,050,000.00`). Six rows from September 2026 that the month does not cover."),
        (F_CONTRACTS.into(), "合同修訂", "amendments", count("amendments").to_string(), "Header on row 1. One September amendment (not covered)."),
        (F_CONTRACTS.into(), "填表說明", "— (not a register)", "—".into(), "Filling instructions. clerk must list it as *not recognised*."),
        (F_LOCK.into(), "—", "— (skipped)", "—".into(), "Excel owner/lock file (165 bytes). clerk must skip it and list it as skipped."),
        (F_ORAL.into(), "2026年10月", "contracts", count("oral").to_string(), "OpenDocument, Simplified Chinese headers; mostly 口头订单 / 电话订货 of routine products. **金额（万元）**: amounts in 10,000 yuan (`12.5` = 125,000), scaled by the header unit. Date cells plus text dates `2026.10.12` and `20261015` forms."),
        (F_FEEDBACK.into(), "反饋登記", "feedback", count("feedback").to_string(), "Traditional Chinese; title row 1, header row 2. All kinds and channels; major complaints received as date-time cells (`yyyy-mm-dd hh:mm`). Eight items from July–September: closed ones (not covered) and ones still open at 2026-10-31 (covered)."),
        (F_FEEDBACK.into(), "顧客投訴記錄", "feedback (complaint record)", count("complaints").to_string(), "The 顧客投訴記錄 variant: title row 1 `顧客投訴記錄`, header row 2, no 類別 column — every row is a complaint. Received as date-time."),
        (F_GUESTS.into(), "客史档案", "guests", count("guests").to_string(), "Simplified Chinese. Classes A/B/C; phones in mixed forms (`138-1234-5678`, `+86 139 1234 5678`, `13912345678`, `(021)62345678`, `021-5500 1000`). 建档日期 2024–2026; five A-class guests developed within the 12 months before 2026-10-31 (G-0005, G-0009, G-0013, G-0017, G-0021)."),
        (F_VISITS.into(), "(visits-2026)", "visits", count("visits").to_string(), "CSV encoded in **GB18030**, CRLF lines, Simplified headers; text dates `2026-10-05`, amounts as text `8,800.00` (quoted). 2025-11 … 2026-10, so 12-month spend per guest can be computed."),
        (F_CALLBACKS.into(), "回訪", "callbacks", count("callbacks").to_string(), "English headers (`Date`, `Guest ID`, `By`, `Method`, `Notes`) under a title row `Call-back log 2026`; September and October 2026."),
    ];
    for (f, sh, kind, n, notes) in &lines {
        let _ = writeln!(s, "| {f} | {sh} | {kind} | {n} | {notes} |");
    }
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    let _ = writeln!(s, "\nTotal data rows: {total}.\n");
    s.push_str(
        "In the tables below, `cell` is the cell of the field a finding is about, as Excel shows it; in the CSV the\n",
    );
    s.push_str("column letter counts fields (A = first) and the row is the line number (line 1 = header), and the\n");
    s.push_str("sheet is the file name without extension. Files are read in path order (by code point), so\n");
    s.push_str("`銷售公司/口头订单登记.ods` comes before `銷售公司/合同評審台帳2026.xlsx`.\n\n");
    s.push_str("## Planted findings\n\n");
    s.push_str("Every one of these must be reported (rule, file, sheet, cell), and nothing else.\n\n");
    let yes: Vec<&Expect> = expects.iter().filter(|e| e.expect).collect();
    s.push_str(&table_md(&yes));
    s.push_str("\n## Must not be reported\n\n");
    s.push_str("Decoys: rows that look suspicious but are correct, or that lie outside the month.\n\n");
    let no: Vec<&Expect> = expects.iter().filter(|e| !e.expect).collect();
    s.push_str(&table_md(&no));
    s
}

// ───────────────────────────── main ─────────────────────────────

fn main() -> Result<(), Box<dyn Error>> {
    let out = std::env::args()
        .nth(1)
        .ok_or("usage: make_sample OUTPUT_DIR   (e.g. sample-data)")?;
    let out = Path::new(&out);
    let mut rng = Rng(20_261_031);

    let oral = build_oral(&mut rng);
    let contracts = build_contracts(&mut rng, &oral)?;
    let amendments = build_amendments(&mut rng, &contracts, &oral);
    let feedback = build_feedback(&mut rng);
    let complaints = build_complaint_record(&mut rng);
    let (guests, guest_list) = build_guests(&mut rng);
    let visits = build_visits(&mut rng, &guest_list);
    let callbacks = build_callbacks();

    let all: Vec<&Table> = vec![
        &contracts,
        &amendments,
        &oral,
        &feedback,
        &complaints,
        &guests,
        &visits,
        &callbacks,
    ];
    self_check(&all)?;

    for dir in ["銷售公司", "客服部", "餐饮部", "營銷部"] {
        let p = out.join(dir);
        fs::create_dir_all(&p).map_err(|e| format!("{}: {e}", p.display()))?;
    }
    let instructions: &[&str] = &[
        "填表說明",
        "1. 每份標書、合同、訂單（含口頭訂單、委託單）須在向顧客承諾前完成評審，評審日期不得晚於簽訂日期。",
        "2. 常規產品由銷售公司經理授權評審；數量較大、交貨期緊或技術難度大的常規產品會簽評審，由生產副總經理批准。",
        "3. 非常規產品、顧客帶圖加工產品會簽評審，新產品和有特殊技術要求的產品會議評審，均由總經理批准。",
        "4. 會簽評審、會議評審及口頭訂單須填寫評審單編號；會議評審另填會議記錄編號。",
        "5. 評審結論為「修訂後接受」或「拒絕」時，須填寫與顧客溝通的日期。",
        "6. 合同修訂後須重新評審，並在3天內發出合同修訂通知單。",
        "7. 日期請填寫為日期格式，金額以元為單位。",
    ];
    save_workbook(
        out,
        F_CONTRACTS,
        "2026年合同評審台帳",
        "趙曉燕",
        &[&contracts, &amendments],
        Some(("填表說明", instructions)),
    )?;
    save_lock_file(out)?;
    save_ods(out, &oral)?;
    save_workbook(
        out,
        F_FEEDBACK,
        "顧客反饋信息處理登記表",
        "林曉雯",
        &[&feedback, &complaints],
        None,
    )?;
    save_workbook(out, F_GUESTS, "客史档案", "孙丽", &[&guests], None)?;
    save_csv_gb18030(out, &visits)?;
    save_workbook(out, F_CALLBACKS, "Call-back log 2026", "Zhao Min", &[&callbacks], None)?;

    let counts = vec![
        ("contracts".to_string(), contracts.rows.len()),
        ("amendments".to_string(), amendments.rows.len()),
        ("oral".to_string(), oral.rows.len()),
        ("feedback".to_string(), feedback.rows.len()),
        ("complaints".to_string(), complaints.rows.len()),
        ("guests".to_string(), guests.rows.len()),
        ("visits".to_string(), visits.rows.len()),
        ("callbacks".to_string(), callbacks.rows.len()),
    ];
    let expects = collect_expectations(&all)?;
    let readme_path = out.join("README.md");
    fs::write(&readme_path, readme(&counts, &expects)).map_err(|e| format!("{}: {e}", readme_path.display()))?;

    let planted = expects.iter().filter(|e| e.expect).count();
    println!(
        "wrote {} ({} data rows, {} planted findings, {} decoys)",
        out.display(),
        counts.iter().map(|(_, n)| n).sum::<usize>(),
        planted,
        expects.len() - planted
    );
    Ok(())
}
