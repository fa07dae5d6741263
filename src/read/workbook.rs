//! Workbooks read through calamine: xlsx/xlsm and xlsb by its streaming cell reader, xls and ods
//! as one range per sheet; their date cells made into dates ([`Days`]).

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use calamine::{Data, DataRef, Reader, SheetType, SheetVisible};
use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use compact_str::{CompactString, ToCompactString};

use super::assemble::{sheet_cells, Cells};
use super::error::describe;
use super::sniff::mentions_merged_cells;
use super::{Limits, Merge, RawCell, ReadError, SheetSink};

/// Workbooks up to this size get their merged areas read (see `read_xlsx`).
const MERGES_MAX_FILE_BYTES: u64 = 1 << 20;

fn is_worksheet(meta: &calamine::Sheet) -> bool {
    meta.typ == SheetType::WorkSheet
}

fn is_hidden(meta: &calamine::Sheet) -> bool {
    meta.visible != SheetVisible::Visible
}

pub(super) fn read_xlsx(path: &Path, limits: &Limits, sink: &mut dyn SheetSink) -> Result<(), ReadError> {
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(path).map_err(ReadError::damaged)?;
    let sheets = book.sheets_metadata().to_vec();
    let read_merges =
        std::fs::metadata(path).is_ok_and(|m| m.len() <= MERGES_MAX_FILE_BYTES) && mentions_merged_cells(path);
    for meta in sheets.iter().filter(|m| is_worksheet(m)) {
        if !sink.begin_sheet(&meta.name, is_hidden(meta)) {
            continue;
        }
        // The merged areas are listed after the cells, so finding them is a pass of its own over
        // the sheet. Registers kept by hand (where merged data cells happen) are small; a large
        // machine export is spared the second pass, and so is a workbook that has none.
        let merges: Vec<Merge> = if read_merges {
            book.merge_cells_by_sheet_name(&meta.name)
                .unwrap_or_default()
                .iter()
                .map(|d| (d.start.0, d.start.1, d.end.0, d.end.1))
                .collect()
        } else {
            Vec::new()
        };
        let mut cells = book.worksheet_cells_reader(&meta.name).map_err(ReadError::damaged)?;
        sheet_cells(sink, limits, merges, streamed_cell(), |to| {
            stream(&meta.name, to, || cells.next_cell().map_err(|e| describe(&e)))
        })?;
        drop(cells);
        sink.end_sheet();
    }
    Ok(())
}

/// A cell of a streaming reader (xlsx or xlsb) made into its position and value. Until then it
/// borrows its text from the workbook's shared strings, so that a sheet read on two threads has
/// the text copied on the second ([`crate::read::pipe`]).
fn streamed_cell() -> impl for<'a> FnMut(calamine::Cell<DataRef<'a>>) -> (u32, u32, RawCell) + Send {
    let mut days = Days::new();
    move |cell| {
        let (row0, col0) = cell.get_position();
        (row0, col0, from_data_ref(cell.get_value(), &mut days))
    }
}

/// Feeds a streaming cell reader (xlsx or xlsb) into the cells of one sheet.
fn stream<C, M: FnMut(C) -> (u32, u32, RawCell)>(
    sheet: &str,
    cells: &mut Cells<'_, C, M>,
    mut next: impl FnMut() -> Result<Option<C>, String>,
) -> Result<(), ReadError> {
    loop {
        match next() {
            Ok(Some(cell)) => cells.push(cell)?,
            Ok(None) => return Ok(()),
            Err(detail) => {
                return Err(ReadError::with(
                    "sheet",
                    &[("sheet", sheet.to_string()), ("detail", detail)],
                ))
            }
        }
    }
}

pub(super) fn read_xlsb(path: &Path, limits: &Limits, sink: &mut dyn SheetSink) -> Result<(), ReadError> {
    let mut book: calamine::Xlsb<_> = calamine::open_workbook(path).map_err(ReadError::damaged)?;
    let sheets = book.sheets_metadata().to_vec();
    for meta in sheets.iter().filter(|m| is_worksheet(m)) {
        if !sink.begin_sheet(&meta.name, is_hidden(meta)) {
            continue;
        }
        let mut cells = book.worksheet_cells_reader(&meta.name).map_err(ReadError::damaged)?;
        sheet_cells(sink, limits, Vec::new(), streamed_cell(), |to| {
            stream(&meta.name, to, || cells.next_cell().map_err(|e| describe(&e)))
        })?;
        drop(cells);
        sink.end_sheet();
    }
    Ok(())
}

pub(super) fn read_range_workbook<R>(path: &Path, limits: &Limits, sink: &mut dyn SheetSink) -> Result<(), ReadError>
where
    R: Reader<BufReader<File>> + 'static,
    R::Error: std::fmt::Display,
{
    let mut book: R = calamine::open_workbook(path).map_err(|e: R::Error| ReadError::damaged(e))?;
    let sheets = book.sheets_metadata().to_vec();
    for meta in sheets.iter().filter(|m| is_worksheet(m)) {
        if !sink.begin_sheet(&meta.name, is_hidden(meta)) {
            continue;
        }
        let range = book.worksheet_range(&meta.name).map_err(ReadError::damaged)?;
        let (row0, col0) = range.start().unwrap_or((0, 0));
        let mut days = Days::new();
        let make =
            move |(r, c, value): (usize, usize, &Data)| (row0 + r as u32, col0 + c as u32, from_data(value, &mut days));
        sheet_cells(sink, limits, merges(&book, &meta.name), make, |to| {
            range.used_cells().try_for_each(|cell| to.push(cell))
        })?;
        sink.end_sheet();
    }
    Ok(())
}

/// Merged areas of a sheet in a format read as a whole range (xls has them; ods does not say).
fn merges<R: std::any::Any>(book: &R, sheet: &str) -> Vec<Merge> {
    let any = book as &dyn std::any::Any;
    match any.downcast_ref::<calamine::Xls<BufReader<File>>>() {
        Some(xls) => xls
            .merge_cells_by_sheet_name(sheet)
            .unwrap_or_default()
            .iter()
            .map(|d| (d.start.0, d.start.1, d.end.0, d.end.1))
            .collect(),
        None => Vec::new(),
    }
}

/// The whole-day dates of one sheet already read, by day number: a register holds a few
/// hundred days over and over, and every date of a workbook counts from the same epoch.
struct Days(Box<[(u32, NaiveDateTime)]>);

impl Days {
    const SLOTS: usize = 1024;

    fn new() -> Days {
        Days(vec![(u32::MAX, NaiveDateTime::MIN); Days::SLOTS].into_boxed_slice())
    }

    /// The date of whole day `day` of `dt`'s workbook (from 1 March 1900 on; none past 9999).
    fn date(&mut self, day: u32, dt: &calamine::ExcelDateTime) -> Option<NaiveDateTime> {
        let slot = &mut self.0[day as usize % Days::SLOTS];
        if slot.0 == day {
            return Some(slot.1);
        }
        // (Past the year 9999 calamine's parts stop at its last day: the long way, then.)
        let date = dt.as_datetime().filter(|d| d.year() <= 9999)?;
        *slot = (day, date);
        Some(date)
    }
}

fn excel_datetime(dt: &calamine::ExcelDateTime, days: &mut Days) -> RawCell {
    if dt.is_duration() {
        return RawCell::Number(dt.as_f64());
    }
    let value = dt.as_f64();
    // A time of day with no date (a cell formatted `h:mm`): the time a person sees.
    if (0.0..1.0).contains(&value) {
        let seconds = (value * 86_400.0).round() as u32;
        if let Some(time) = chrono::NaiveTime::from_num_seconds_from_midnight_opt(seconds.min(86_399), 0) {
            let shown = if time.second() == 0 { "%H:%M" } else { "%H:%M:%S" };
            return RawCell::Text(time.format(shown).to_compact_string());
        }
    }
    // Range-check before converting: a huge number formatted as a date is not a date.
    if !(1.0..2_958_466.0).contains(&value) {
        return RawCell::Number(value);
    }
    // A whole number of days from 1 March 1900 on — nearly every date cell — is its epoch plus
    // that many days (chrono's arithmetic; Excel's 1900 leap-day bug lies before it).
    if value.fract() == 0.0 && value >= 61.0 {
        if let Some(date) = days.date(value as u32, dt) {
            return RawCell::DateTime(date);
        }
    }
    excel_datetime_by_parts(dt, value)
}

/// A date or date and time from the calendar parts calamine works out (its 1900 leap-day bug,
/// times of day).
fn excel_datetime_by_parts(dt: &calamine::ExcelDateTime, value: f64) -> RawCell {
    let (y, m, d, hh, mm, ss, ms) = dt.to_ymd_hms_milli();
    let date = NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(d));
    let time = chrono::NaiveTime::from_hms_milli_opt(u32::from(hh), u32::from(mm), u32::from(ss), u32::from(ms));
    match (date, time) {
        (Some(date), Some(time)) => RawCell::DateTime(NaiveDateTime::new(date, time)),
        _ => RawCell::Number(value),
    }
}

fn from_data_ref(value: &DataRef<'_>, days: &mut Days) -> RawCell {
    match value {
        DataRef::Int(i) => RawCell::Number(*i as f64),
        DataRef::Float(f) => RawCell::Number(*f),
        DataRef::String(s) => RawCell::Text(CompactString::new(s)),
        DataRef::SharedString(s) => RawCell::Text(CompactString::new(s)),
        DataRef::Bool(b) => RawCell::Bool(*b),
        DataRef::DateTime(dt) => excel_datetime(dt, days),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => RawCell::Text(CompactString::new(s)),
        DataRef::Error(e) => RawCell::Error(e.to_string()),
        DataRef::Empty => RawCell::Empty,
    }
}

fn from_data(value: &Data, days: &mut Days) -> RawCell {
    match value {
        Data::Int(i) => RawCell::Number(*i as f64),
        Data::Float(f) => RawCell::Number(*f),
        Data::String(s) => RawCell::Text(CompactString::new(s)),
        Data::Bool(b) => RawCell::Bool(*b),
        Data::DateTime(dt) => excel_datetime(dt, days),
        Data::DateTimeIso(s) | Data::DurationIso(s) => RawCell::Text(CompactString::new(s)),
        Data::Error(e) => RawCell::Error(e.to_string()),
        Data::Empty => RawCell::Empty,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// A whole-day date taken the short way is the date the calendar parts give, in either
        /// epoch of Excel's.
        #[test]
        fn whole_day_dates_read_as_their_calendar_parts(day in 61u32..2_958_466, is_1904 in proptest::bool::ANY) {
            let value = f64::from(day);
            let dt = calamine::ExcelDateTime::new(value, calamine::ExcelDateTimeType::DateTime, is_1904);
            proptest::prop_assert_eq!(excel_datetime(&dt, &mut Days::new()), excel_datetime_by_parts(&dt, value));
        }
    }

    #[test]
    fn dates_on_either_side_of_the_short_way() {
        // One workbook in the 1900 system: its days are remembered as they are read.
        let mut days = Days::new();
        let mut at = |value: f64| {
            let dt = calamine::ExcelDateTime::new(value, calamine::ExcelDateTimeType::DateTime, false);
            excel_datetime(&dt, &mut days)
        };
        let day = |y, m, d| {
            RawCell::DateTime(
                NaiveDate::from_ymd_opt(y, m, d)
                    .unwrap()
                    .and_time(chrono::NaiveTime::MIN),
            )
        };
        assert_eq!(at(60.0), RawCell::Number(60.0), "Excel's 29 February 1900");
        assert_eq!(at(59.0), day(1900, 2, 28));
        assert_eq!(at(61.0), day(1900, 3, 1));
        assert_eq!(at(46_331.0), day(2026, 11, 5));
        assert_eq!(at(46_331.0), day(2026, 11, 5), "remembered");
        // A day that takes the same place among the remembered ones is still its own day.
        assert_eq!(at(46_331.0 + Days::SLOTS as f64), day(2029, 8, 25));
        assert_eq!(at(46_331.0), day(2026, 11, 5));
        let noon = NaiveDate::from_ymd_opt(2026, 11, 5)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap();
        assert_eq!(at(46_331.5), RawCell::DateTime(noon));
        // A workbook in the 1904 system counts its days from its own epoch.
        let in_1904 = calamine::ExcelDateTime::new(46_331.0 - 1462.0, calamine::ExcelDateTimeType::DateTime, true);
        assert_eq!(excel_datetime(&in_1904, &mut Days::new()), day(2026, 11, 5));
        // At the end of the calendar, in either epoch, as the parts give it.
        for is_1904 in [false, true] {
            let mut days = Days::new();
            for value in [2_957_003.0, 2_957_004.0, 2_958_465.0] {
                let dt = calamine::ExcelDateTime::new(value, calamine::ExcelDateTimeType::DateTime, is_1904);
                assert_eq!(
                    excel_datetime(&dt, &mut days),
                    excel_datetime_by_parts(&dt, value),
                    "{value} {is_1904}"
                );
            }
        }
    }
}
