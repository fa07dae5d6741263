//! Registers: recognising a sheet's register kind from its header row (SPEC 1.2) and typing its
//! rows (SPEC 1.3). Files → typed records; nothing here decides what is a problem except that a
//! cell cannot be read as its column's type, which is kept for RG02.

mod schema;
pub mod texts;

use compact_str::CompactString;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

pub use schema::*;

use crate::base::text;
use crate::read::{column_letters, RawCell, SheetRow, SheetSink, SkipReason, Skipped};
use crate::settings::Settings;
use crate::values::{self, DateValue, ValueError};

/// The header row is looked for among the first rows of a sheet.
pub const HEADER_SEARCH_ROWS: u32 = 20;

/// A typed cell value.
#[derive(Clone, Debug, PartialEq)]
///
/// Kept to 24 bytes, because a register of a million rows holds twenty-odd of these per row:
/// text as a `CompactString` (up to 24 bytes — a name, an id, eight Chinese characters — held in
/// the value itself, a longer one on the heap), the rarer phone boxed.
pub enum Value {
    Text(CompactString),
    Date(DateValue),
    Money(Decimal),
    Flag(bool),
    Int(i64),
    Phone(Box<Phone>),
    Enum(&'static str),
}

/// A phone number as written, and its digits for comparison (`+86 138-1234-5678` → `13812345678`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phone {
    pub text: CompactString,
    pub digits: CompactString,
}

impl Value {
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Value::Text(s) => Some(s),
            Value::Phone(p) => Some(&p.text),
            Value::Enum(code) => Some(code),
            _ => None,
        }
    }
    pub fn as_date(&self) -> Option<DateValue> {
        match self {
            Value::Date(d) => Some(*d),
            _ => None,
        }
    }
}

/// One data row of a register.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    /// Index into [`Registers::sources`].
    pub source: usize,
    /// 1-based Excel row (CSV: line number).
    pub row: u32,
    /// Bit i set: column i of the kind has a value, in `values`.
    present: u64,
    /// The values of the columns in `present`, in column order (a blank or unreadable cell takes
    /// no room: registers leave many of their columns empty).
    values: Box<[Value]>,
    /// Bit i set: column i had a value that could not be read (RG02).
    pub unreadable: u64,
    /// Non-blank cells of columns the kind does not know: (column index, text).
    pub extras: Box<[(u32, String)]>,
}

impl Record {
    /// A record of `values` — (column of the kind, value) in column order — from `row` of
    /// `source`.
    pub fn new(source: usize, row: u32, values: impl IntoIterator<Item = (usize, Value)>) -> Record {
        let mut present = 0;
        let values = values
            .into_iter()
            .map(|(i, value)| {
                debug_assert!(i < 64 && present >> i == 0, "columns in order, fewer than 64");
                present |= 1 << i;
                value
            })
            .collect();
        Record {
            source,
            row,
            present,
            values,
            unreadable: 0,
            extras: Box::default(),
        }
    }

    /// The value of column `i` of the kind.
    pub fn value(&self, i: usize) -> Option<&Value> {
        if i >= 64 || self.present & (1 << i) == 0 {
            return None;
        }
        let rank = (self.present & ((1 << i) - 1)).count_ones() as usize;
        self.values.get(rank)
    }

    pub fn get(&self, kind: Kind, field: &str) -> Option<&Value> {
        kind.field(field).and_then(|i| self.value(i))
    }
    pub fn text(&self, kind: Kind, field: &str) -> Option<&str> {
        self.get(kind, field).and_then(Value::as_text)
    }
    pub fn date(&self, kind: Kind, field: &str) -> Option<DateValue> {
        self.get(kind, field).and_then(Value::as_date)
    }
    pub fn is_unreadable(&self, kind: Kind, field: &str) -> bool {
        kind.field(field).is_some_and(|i| self.unreadable & (1 << i) != 0)
    }
}

/// A cell that could not be read as its column's type.
#[derive(Clone, Debug, PartialEq)]
pub struct CellProblem {
    /// Index into the register's records.
    pub record: usize,
    pub field: usize,
    pub raw: String,
    /// Why, as a key of the value catalogue (`not_a_date`, `not_an_option`…).
    pub reason: &'static str,
}

/// Where a register's rows came from: one sheet (or CSV file).
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub file: String,
    pub sheet: String,
    pub kind: Kind,
    pub hidden: bool,
    /// 1-based row of the header.
    pub header_row: u32,
    /// For each column of the kind, its 0-based sheet column when present.
    pub columns: Vec<Option<u32>>,
    /// Header text of the sheet's other columns.
    pub extra_headers: Vec<(u32, String)>,
    /// Value multiplier from a unit in a header (`金額(萬元)` → 10,000), per column of the kind.
    pub scales: Vec<Option<Decimal>>,
    /// A 顧客投訴記錄: no kind column, every row a complaint.
    pub complaint_record: bool,
    pub rows: usize,
    pub sha256: String,
}

impl Source {
    /// A CSV file has no column letters: SPEC 6 names its columns by number.
    pub fn is_csv(&self) -> bool {
        self.file.to_ascii_lowercase().ends_with(".csv")
    }

    /// The column of a field as findings name it: letters (`F`), or for CSV its number (`6`).
    pub fn letters(&self, field: usize) -> Option<String> {
        let col = self.columns.get(field).copied().flatten()?;
        Some(if self.is_csv() {
            (col + 1).to_string()
        } else {
            column_letters(col)
        })
    }

    /// `file › sheet › F17` (CSV: `file › sheet › R17C6`), the place a person looks.
    pub fn place(&self, field: usize, row: u32) -> String {
        crate::rules::finding::place(&self.file, &self.sheet, &self.letters(field).unwrap_or_default(), row)
    }
}

/// All records of one kind, across every file and sheet.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Register {
    pub records: Vec<Record>,
    pub problems: Vec<CellProblem>,
}

/// Everything read from the inbox.
#[derive(Clone, Debug, Default)]
pub struct Registers {
    pub sources: Vec<Source>,
    pub by_kind: FxHashMap<Kind, Register>,
    pub skipped: Vec<Skipped>,
    /// One-line errors about files that could not be read.
    pub errors: Vec<String>,
    /// Every sheet's rows as read, by file (only when asked for: see [`crate::read::kept`]).
    pub kept: std::collections::BTreeMap<String, Vec<crate::read::kept::KeptSheet>>,
}

impl Registers {
    pub fn has(&self, kind: Kind) -> bool {
        self.sources.iter().any(|s| s.kind == kind)
    }

    /// Adds what one file gave. Files are added in inbox order, so the result is deterministic.
    pub fn add(&mut self, loaded: LoadedFile) {
        for sheet in loaded.sheets {
            let source_index = self.sources.len();
            let kind = sheet.source.kind;
            self.sources.push(sheet.source);
            let register = self.by_kind.entry(kind).or_default();
            let offset = register.records.len();
            let mut records = sheet.records;
            for record in &mut records {
                record.source = source_index;
            }
            // The first sheet of a kind is taken as it is: a million records are not moved.
            if register.records.is_empty() {
                register.records = records;
            } else {
                register.records.append(&mut records);
            }
            for mut problem in sheet.problems {
                problem.record += offset;
                register.problems.push(problem);
            }
        }
        self.skipped.extend(loaded.skipped);
    }
}

/// Header words of every kind, prepared once per run from the schema and the settings.
pub struct Matcher {
    /// (kind, header key → column index)
    headers: Vec<(Kind, FxHashMap<String, usize>)>,
    /// column name → word key → code
    enums: FxHashMap<&'static str, FxHashMap<String, &'static str>>,
    date_order: values::DateOrder,
}

/// Sheet names or titles that mark a complaint record (顧客投訴記錄).
fn marks_complaint_record(text: &str) -> bool {
    let k = text::key(text);
    k.contains(&text::key("投訴記錄")) || k.contains("complaint")
}

impl Matcher {
    pub fn new(settings: &Settings) -> Matcher {
        let mut headers = Vec::new();
        let mut enums: FxHashMap<&'static str, FxHashMap<String, &'static str>> = FxHashMap::default();
        for kind in Kind::ALL {
            let mut words = FxHashMap::default();
            for (i, column) in kind.columns().iter().enumerate() {
                let extra = settings.column_aliases(kind, column.name);
                let all = std::iter::once(column.name)
                    .chain(column.aliases.iter().copied())
                    .chain(extra.iter().map(String::as_str));
                for word in all {
                    words.entry(text::header_key(word).0).or_insert(i);
                }
                if let ColumnType::Enum(values) = column.ty {
                    let map = enums.entry(column.name).or_default();
                    for v in values {
                        for word in std::iter::once(v.code).chain(v.aliases.iter().copied()) {
                            map.entry(text::key(word)).or_insert(v.code);
                        }
                    }
                    if let Some(extra) = settings.enums.get(column.name) {
                        for (word, code) in extra {
                            if let Some(v) = values.iter().find(|v| v.code == code) {
                                map.insert(text::key(word), v.code);
                            }
                        }
                    }
                }
            }
            headers.push((kind, words));
        }
        Matcher {
            headers,
            enums,
            date_order: settings.date_order,
        }
    }

    /// Scores one row as a header row of every kind.
    fn score(&self, row: &SheetRow, complaint_record: bool) -> Vec<HeaderMatch> {
        let keys: Vec<(u32, String, Option<String>, String)> = row
            .cells
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.is_blank())
            .map(|(i, c)| {
                let raw = c.display();
                let (k, unit) = text::header_key(&raw);
                (i as u32, k, unit, raw)
            })
            .collect();
        let mut out = Vec::new();
        for (kind, words) in &self.headers {
            let kind = *kind;
            let columns = kind.columns();
            let mut found: Vec<Option<u32>> = vec![None; columns.len()];
            let mut scales: Vec<Option<Decimal>> = vec![None; columns.len()];
            let mut extras = Vec::new();
            for (col, k, unit, raw) in &keys {
                match words.get(k) {
                    Some(&i) if found[i].is_none() => {
                        found[i] = Some(*col);
                        if columns[i].ty == ColumnType::Money {
                            scales[i] = unit.as_deref().and_then(unit_scale);
                        }
                    }
                    _ => extras.push((*col, raw.clone())),
                }
            }
            let complaint = kind == Kind::Feedback && complaint_record && found[4].is_none();
            let required: Vec<usize> = columns
                .iter()
                .enumerate()
                .filter(|(_, c)| c.required && !(complaint && c.name == "kind"))
                .map(|(i, _)| i)
                .collect();
            let present = |i: usize| {
                found[i].is_some()
                    || kind
                        .stand_in(columns[i].name)
                        .and_then(|s| kind.field(s))
                        .is_some_and(|s| found[s].is_some())
            };
            let matched_required = required.iter().filter(|&&i| present(i)).count();
            let missing = required
                .iter()
                .filter(|&&i| !present(i))
                .map(|&i| columns[i].name)
                .collect();
            out.push(HeaderMatch {
                kind,
                matched_required,
                required: required.len(),
                matched_all: found.iter().filter(|f| f.is_some()).count(),
                columns: found,
                scales,
                extras,
                missing,
                complaint_record: complaint,
            });
        }
        out
    }
}

/// Value multiplier of a unit written in a header's brackets.
fn unit_scale(unit: &str) -> Option<Decimal> {
    let u = unit.to_lowercase();
    if u.contains('亿') {
        Some(Decimal::from(100_000_000u64))
    } else if u.contains("百万") || u.contains("million") {
        Some(Decimal::from(1_000_000u64))
    } else if u.contains('万') || u.contains("10k") {
        Some(Decimal::from(10_000u64))
    } else if u.contains('千') || u.contains("thousand") || u == "k" || u.ends_with("'000") {
        Some(Decimal::from(1_000u64))
    } else {
        None
    }
}

#[derive(Clone, Debug)]
struct HeaderMatch {
    kind: Kind,
    matched_required: usize,
    required: usize,
    matched_all: usize,
    columns: Vec<Option<u32>>,
    scales: Vec<Option<Decimal>>,
    extras: Vec<(u32, String)>,
    missing: Vec<&'static str>,
    complaint_record: bool,
}

impl HeaderMatch {
    /// SPEC 1.2: at least half of the kind's required columns. A single matched cell is not a
    /// header (a title such as `日期：` would otherwise make a call-back register).
    fn qualifies(&self) -> bool {
        self.matched_required > 0 && self.matched_required * 2 >= self.required && self.matched_all >= 2
    }
    fn rank(&self) -> (usize, usize) {
        (self.matched_required, self.matched_all)
    }
}

/// The kind a header row belongs to, with the tie-break of SPEC 1.2: most matched required
/// columns, then most matched columns in all, then the order of [`Kind::ALL`].
fn best(matches: Vec<HeaderMatch>) -> Option<HeaderMatch> {
    let mut best: Option<HeaderMatch> = None;
    for m in matches.into_iter().filter(HeaderMatch::qualifies) {
        if best.as_ref().is_none_or(|b| m.rank() > b.rank()) {
            best = Some(m);
        }
    }
    best
}

/// What one file gave.
#[derive(Debug, Default)]
pub struct LoadedFile {
    pub sheets: Vec<LoadedSheet>,
    pub skipped: Vec<Skipped>,
}

#[derive(Debug)]
pub struct LoadedSheet {
    pub source: Source,
    pub records: Vec<Record>,
    pub problems: Vec<CellProblem>,
}

enum SheetState {
    /// Rows before the header is known.
    Searching(Vec<SheetRow>),
    Reading(Box<LoadedSheet>, Typing),
    Ignored,
}

/// Receives the rows of one file's sheets and turns them into typed records.
pub struct Loader<'a> {
    matcher: &'a Matcher,
    file: String,
    sha256: String,
    sheet: String,
    hidden: bool,
    state: SheetState,
    pub out: LoadedFile,
}

impl<'a> Loader<'a> {
    pub fn new(matcher: &'a Matcher, file: &str, sha256: &str) -> Loader<'a> {
        Loader {
            matcher,
            file: file.to_string(),
            sha256: sha256.to_string(),
            sheet: String::new(),
            hidden: false,
            state: SheetState::Ignored,
            out: LoadedFile::default(),
        }
    }

    /// Decides the header among the buffered rows; then types the rows after it.
    fn recognise(&mut self, rows: Vec<SheetRow>) {
        let mut title_complaint = marks_complaint_record(&self.sheet);
        let mut closest: Option<HeaderMatch> = None;
        for (i, row) in rows.iter().enumerate() {
            let scores = self.matcher.score(row, title_complaint);
            for s in &scores {
                // Closest: most columns recognised, then the larger share of required ones.
                let better = closest.as_ref().is_none_or(|c| {
                    (s.matched_all, s.matched_required * c.required.max(1))
                        > (c.matched_all, c.matched_required * s.required.max(1))
                });
                if s.matched_all > 0 && better {
                    closest = Some(s.clone());
                }
            }
            if let Some(found) = best(scores) {
                let mut sheet = Box::new(LoadedSheet {
                    source: Source {
                        file: self.file.clone(),
                        sheet: self.sheet.clone(),
                        kind: found.kind,
                        hidden: self.hidden,
                        header_row: row.row,
                        columns: found.columns,
                        extra_headers: found.extras,
                        scales: found.scales,
                        complaint_record: found.complaint_record,
                        rows: 0,
                        sha256: self.sha256.clone(),
                    },
                    records: Vec::new(),
                    problems: Vec::new(),
                });
                let mut typing = Typing::default();
                for data in rows.into_iter().skip(i + 1) {
                    type_row(self.matcher, &mut sheet, &mut typing, data);
                }
                self.state = SheetState::Reading(sheet, typing);
                return;
            }
            if row.cells.iter().any(|c| marks_complaint_record(&c.display())) {
                title_complaint = true;
            }
        }
        let detail = match closest {
            Some(c) => format!("closest: {}; missing: {}", c.kind.id(), c.missing.join(", ")),
            None => String::new(),
        };
        let empty = rows.is_empty();
        self.out.skipped.push(Skipped {
            file: self.file.clone(),
            sheet: Some(self.sheet.clone()),
            reason: if empty {
                SkipReason::Empty
            } else {
                SkipReason::NotRecognised
            },
            detail,
        });
        self.state = SheetState::Ignored;
    }
}

impl SheetSink for Loader<'_> {
    fn begin_sheet(&mut self, sheet: &str, hidden: bool) -> bool {
        self.sheet = sheet.to_string();
        self.hidden = hidden;
        self.state = SheetState::Searching(Vec::new());
        true
    }

    fn row(&mut self, row: SheetRow) {
        match &mut self.state {
            SheetState::Searching(rows) => {
                if row.row > HEADER_SEARCH_ROWS {
                    let rows = std::mem::take(rows);
                    self.recognise(rows);
                    self.row(row);
                } else {
                    rows.push(row);
                }
            }
            SheetState::Reading(sheet, typing) => type_row(self.matcher, sheet, typing, row),
            SheetState::Ignored => {}
        }
    }

    fn cells_ignored(&mut self, cell: &str) {
        self.out.skipped.push(Skipped {
            file: self.file.clone(),
            sheet: Some(self.sheet.clone()),
            reason: SkipReason::CellsIgnored,
            detail: cell.to_string(),
        });
    }

    fn end_sheet(&mut self) {
        if let SheetState::Searching(rows) = &mut self.state {
            let rows = std::mem::take(rows);
            self.recognise(rows);
        }
        if let SheetState::Reading(sheet, _) = std::mem::replace(&mut self.state, SheetState::Ignored) {
            let mut sheet = *sheet;
            sheet.source.rows = sheet.records.len();
            self.out.sheets.push(sheet);
        }
    }
}

/// A 合計/小計/Total line under the data: its id column is blank and a cell says it is a total.
fn is_subtotal(source: &Source, row: &SheetRow) -> bool {
    let id_blank = source
        .kind
        .id_field()
        .or(Some(source.kind.columns()[0].name))
        .and_then(|f| source.kind.field(f))
        .and_then(|i| source.columns[i])
        .is_none_or(|col| row.cell(col).is_blank());
    id_blank
        && row.cells.iter().any(|c| match c {
            RawCell::Text(t) => {
                let k = text::key(t);
                ["合计", "小计", "总计", "total", "subtotal"]
                    .iter()
                    .any(|w| k.starts_with(w))
            }
            _ => false,
        })
}

/// Codes of the option cells already read, per column of the kind: a register repeats a handful
/// of options a million times.
type EnumCache = FxHashMap<usize, FxHashMap<Box<str>, &'static str>>;

/// What typing a sheet's rows keeps from one row to the next.
#[derive(Default)]
struct Typing {
    enums: EnumCache,
    /// The row being typed: (column of the kind, value). Reused, so that a record's values are
    /// allocated once, at their exact size.
    values: Vec<(usize, Value)>,
}

/// Types one data row into a record (blank rows are dropped).
fn type_row(matcher: &Matcher, sheet: &mut LoadedSheet, typing: &mut Typing, mut row: SheetRow) {
    if row.is_blank() || is_subtotal(&sheet.source, &row) {
        return;
    }
    let source = &sheet.source;
    let kind = source.kind;
    let columns = kind.columns();
    // A 顧客投訴記錄 has no kind column: every row is a complaint.
    let complaint = source.complaint_record.then(|| kind.field("kind")).flatten();
    let values = &mut typing.values;
    values.clear();
    let mut unreadable = 0;
    for (i, column) in columns.iter().enumerate() {
        if complaint == Some(i) {
            values.push((i, Value::Enum("complaint")));
            continue;
        }
        let Some(col) = source.columns[i] else { continue };
        let Some(cell) = row.cells.get_mut(col as usize) else {
            continue;
        };
        if cell.is_blank() {
            continue;
        }
        match read_value(matcher, column, i, cell, source.scales[i], &mut typing.enums) {
            Ok(v) => values.push((i, v)),
            Err(reason) => {
                unreadable |= 1 << i;
                sheet.problems.push(CellProblem {
                    record: sheet.records.len(),
                    field: i,
                    raw: quote(&cell.display()),
                    reason,
                });
            }
        }
    }
    let mut record = Record::new(0, row.row, values.drain(..));
    record.unreadable = unreadable;
    let extras: Vec<(u32, String)> = source
        .extra_headers
        .iter()
        .map(|(col, _)| (*col, row.cell(*col)))
        .filter(|(_, cell)| !cell.is_blank())
        .map(|(col, cell)| (col, cell.display()))
        .collect();
    if !extras.is_empty() {
        record.extras = extras.into_boxed_slice();
    }
    sheet.records.push(record);
}

/// Whether `text` holds U+FFFD (bytes EF BF BD): found by its first byte, which few characters
/// of Chinese text start with (`str::contains` searched every cell's text for the last one).
fn has_replacement_character(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(0xEF, bytes).any(|at| bytes.get(at + 1..at + 3) == Some(&[0xBF, 0xBD]))
}

/// Characters of a cell quoted in a message; the rest is cut with an ellipsis.
const QUOTE_CHARS: usize = 100;

fn quote(text: &str) -> String {
    match text.char_indices().nth(QUOTE_CHARS) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

fn read_value(
    matcher: &Matcher,
    column: &Column,
    index: usize,
    cell: &mut RawCell,
    scale: Option<Decimal>,
    enum_cache: &mut EnumCache,
) -> Result<Value, &'static str> {
    let why = |e: ValueError| e.key();
    Ok(match column.ty {
        ColumnType::Text => {
            // U+FFFD stands for bytes that were not text in the file's encoding (a CSV with a bad
            // byte): what the cell said is lost, so it is not read as if it were whole.
            if matches!(cell, RawCell::Text(t) if has_replacement_character(t)) {
                return Err("bad_characters");
            }
            Value::Text(cell.take_display())
        }
        ColumnType::Date => {
            let d = values::parse_date(cell, matcher.date_order).map_err(why)?;
            Value::Date(DateValue {
                date: d.date,
                time: None,
            })
        }
        ColumnType::DateTime => Value::Date(values::parse_date(cell, matcher.date_order).map_err(why)?),
        ColumnType::Money => {
            let amount = values::parse_money(cell).map_err(why)?;
            Value::Money(match scale {
                Some(s) => amount.checked_mul(s).ok_or("amount_too_large")?,
                None => amount,
            })
        }
        ColumnType::Flag => Value::Flag(values::parse_flag(cell).map_err(why)?),
        ColumnType::Integer => Value::Int(values::parse_integer(cell).map_err(why)?),
        ColumnType::Phone => {
            let digits = values::normalize_phone(cell).ok_or("not_a_phone")?;
            Value::Phone(Box::new(Phone {
                text: cell.take_display(),
                digits: CompactString::from(digits),
            }))
        }
        ColumnType::Enum(_) => {
            let cache = enum_cache.entry(index).or_default();
            if let Some(code) = cell.as_text().and_then(|t| cache.get(t)) {
                return Ok(Value::Enum(code));
            }
            let shown = cell.display();
            let code = matcher
                .enums
                .get(column.name)
                .and_then(|m| m.get(&text::key(&shown)))
                .copied()
                .ok_or("not_an_option")?;
            cache.insert(shown.into_boxed_str(), code);
            Value::Enum(code)
        }
    })
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod size {
    /// A million-row register holds twenty-odd values a row: keep them small.
    #[test]
    fn a_value_slot_is_24_bytes() {
        assert_eq!(std::mem::size_of::<Option<super::Value>>(), 24);
        assert!(std::mem::size_of::<super::Record>() <= 64);
    }

    #[test]
    fn a_record_holds_the_values_it_has_and_finds_each_by_its_column() {
        use super::{Record, Value};
        let record = Record::new(
            2,
            7,
            [
                (0, Value::Int(10)),
                (3, Value::Flag(true)),
                (63, Value::Text("last".into())),
            ],
        );
        assert_eq!((record.source, record.row), (2, 7));
        assert_eq!(record.value(0), Some(&Value::Int(10)));
        assert_eq!(record.value(3), Some(&Value::Flag(true)));
        assert_eq!(record.value(63), Some(&Value::Text("last".into())));
        for blank in [1, 2, 4, 62, 64, 100] {
            assert_eq!(record.value(blank), None, "column {blank}");
        }
        assert_eq!(Record::new(0, 1, []).value(0), None);
    }
}
