//! Typing a file's sheets (SPEC 1.3): the rows of each sheet are buffered until its header is
//! found, then each data row becomes a record; a cell that cannot be read as its column's type is
//! kept as a problem for RG02.

use std::sync::Arc;

use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

use super::footer;
use super::matcher::{best, marks_complaint_record, HeaderMatch, Matcher};
use super::{
    feedback, CellProblem, Column, ColumnType, Kind, Layout, Packer, Phone, Record, Skip, SkipDetail, Source, Value,
};
use crate::base::text;
use crate::read::RawCell;
use crate::read::{SheetRow, SheetSink, SkipReason};
use crate::values::{self, DateValue, ValueError};

/// The header row is looked for among the first rows of a sheet.
pub const HEADER_SEARCH_ROWS: u32 = 20;

/// What one file gave.
#[derive(Debug, Default)]
pub struct LoadedFile {
    pub sheets: Vec<LoadedSheet>,
    pub skipped: Vec<Skip>,
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
                        layout: Layout::Grid,
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
                let mut typing = Typing {
                    values: Packer::sharing(),
                    ..Typing::default()
                };
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
            Some(c) => SkipDetail::Closest {
                kind: c.kind,
                missing: c.missing,
            },
            None => SkipDetail::None,
        };
        let empty = rows.is_empty();
        self.out.skipped.push(Skip {
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
        self.out.skipped.push(Skip {
            file: self.file.clone(),
            sheet: Some(self.sheet.clone()),
            reason: SkipReason::CellsIgnored,
            detail: SkipDetail::Text(cell.to_string()),
        });
    }

    fn end_sheet(&mut self) {
        if let SheetState::Searching(rows) = &mut self.state {
            let rows = std::mem::take(rows);
            self.recognise(rows);
        }
        if let SheetState::Reading(sheet, mut typing) = std::mem::replace(&mut self.state, SheetState::Ignored) {
            let mut sheet = *sheet;
            sheet.source.rows = sheet.records.len();
            let store = Arc::new(typing.values.finish());
            for record in &mut sheet.records {
                record.set_store(&store);
            }
            // The rows held back with no record after them are the sheet's footer lines.
            if !typing.held.is_empty() {
                self.out.skipped.push(Skip {
                    file: self.file.clone(),
                    sheet: Some(self.sheet.clone()),
                    reason: SkipReason::Footer,
                    detail: SkipDetail::Rows(typing.held.iter().map(|r| r.row).collect()),
                });
            }
            self.out.sheets.push(sheet);
        }
    }
}

/// Codes of the option cells already read, per column of the kind: a register repeats a handful
/// of options a million times.
type EnumCache = FxHashMap<usize, FxHashMap<Box<str>, &'static str>>;

/// What typing a sheet's rows keeps from one row to the next.
#[derive(Default)]
struct Typing {
    enums: EnumCache,
    /// The row being typed, its values packed as they are read into the sheet's store, the texts
    /// the sheet repeats kept once ([`Packer`]).
    values: Packer,
    /// Rows that read as footer lines (SPEC 1.2), held back: records if a record follows them,
    /// footers if none does.
    held: Vec<SheetRow>,
}

/// Types one data row: blank rows are dropped, footer-looking rows held back until the next
/// record shows they were records after all.
fn type_row(matcher: &Matcher, sheet: &mut LoadedSheet, typing: &mut Typing, row: SheetRow) {
    if row.is_blank() {
        return;
    }
    if footer::looks_like_footer(&row) {
        typing.held.push(row);
        return;
    }
    if !typing.held.is_empty() {
        for held in std::mem::take(&mut typing.held) {
            type_record(matcher, sheet, typing, held);
        }
    }
    type_record(matcher, sheet, typing, row);
}

/// Types one data row into a record.
fn type_record(matcher: &Matcher, sheet: &mut LoadedSheet, typing: &mut Typing, mut row: SheetRow) {
    let source = &sheet.source;
    let kind = source.kind;
    let columns = kind.columns();
    // A 顧客投訴記錄 has no kind column: every row is a complaint.
    let complaint = source.complaint_record.then_some(feedback::KIND.index());
    let values = &mut typing.values;
    let mut unreadable = 0;
    for (i, column) in columns.iter().enumerate() {
        if complaint == Some(i) {
            values.push(kind, i, Value::Enum("complaint"));
            continue;
        }
        let Some(col) = source.columns[i] else { continue };
        let Some(cell) = row.cells.get_mut(col as usize) else {
            continue;
        };
        if cell.is_blank() {
            continue;
        }
        match read_value(
            matcher,
            (kind, column, i),
            cell,
            source.scales[i],
            &mut typing.enums,
            values,
        ) {
            Ok(()) => {}
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
    let mut record = Record::packed(kind, 0, row.row, values);
    let extras: Vec<(u32, String)> = source
        .extra_headers
        .iter()
        .map(|(col, _)| (*col, row.cell(*col)))
        .filter(|(_, cell)| !cell.is_blank())
        .map(|(col, cell)| (col, cell.display()))
        .collect();
    record.set_extras(unreadable, extras);
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

/// Reads `cell` as a value of `column` (column `index` of `kind`) into `out`; pushes nothing
/// when it cannot be read, and says why.
fn read_value(
    matcher: &Matcher,
    (kind, column, index): (Kind, &Column, usize),
    cell: &mut RawCell,
    scale: Option<Decimal>,
    enum_cache: &mut EnumCache,
    out: &mut Packer,
) -> Result<(), &'static str> {
    let why = |e: ValueError| e.key();
    let value = match column.ty {
        ColumnType::Text => {
            // U+FFFD stands for bytes that were not text in the file's encoding (a CSV with a bad
            // byte): what the cell said is lost, so it is not read as if it were whole.
            if matches!(cell, RawCell::Text(t) if has_replacement_character(t)) {
                return Err("bad_characters");
            }
            Value::Text(shown(cell))
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
            let text = shown(cell);
            out.push(kind, index, Value::Phone(Phone { text, digits: &digits }));
            return Ok(());
        }
        ColumnType::Enum(_) => {
            let cache = enum_cache.entry(index).or_default();
            if let Some(code) = cell.as_text().and_then(|t| cache.get(t)) {
                Value::Enum(code)
            } else {
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
        }
    };
    out.push(kind, index, value);
    Ok(())
}

/// The text a person sees in `cell` ([`RawCell::display`]), without copying a text cell's.
fn shown(cell: &mut RawCell) -> &str {
    if !matches!(cell, RawCell::Text(_)) {
        *cell = RawCell::Text(cell.display().into());
    }
    cell.as_text().unwrap_or_default()
}
