//! Records of closed months (issue 25): each record's fingerprint — its register, its id, the
//! month it belongs to, where it was read and its values in canonical form — and the fingerprints
//! of the months already reported, handed in by the history, for RC01 (changed) and RC02 (deleted).
//!
//! **The record id** is the one findings show ([`crate::registers::Record::label`]): the number for contracts,
//! feedback and guest profiles; for registers without an id column, the id columns they have and
//! the record's date (`HT-1 2026-10-05` for an amendment, `G-017 2026-10-05` for a visit — the
//! guest's name where no guest id is kept —, `G-017 2026-10-05` for a call-back). The second and
//! later records of a kind with the same id, in register order, take `#2`, `#3`… after it (two
//! visits of one guest on one day), so each key is one record. A record **without a usable key**
//! — no id; for amendments, visits and call-backs no id column *or* no date — is not
//! fingerprinted. A record **without a month** (no key date that can be read; a guest profile
//! without a developed date) is, with no month, and kept by the history, but belongs to no
//! reported month, so RC01 and RC02 never compare it.
//!
//! **The month a record belongs to** (`YYYY-MM`) is the month of its last key day, the last month
//! whose report covers it: an order's receipt or commitment, whichever is later; an amendment's,
//! a visit's or a call-back's date; a guest profile's developed date; for feedback the latest of
//! its receipt, review and resolution (feedback is reported while it is open, so it is closed
//! with the month it was finished in).
//!
//! **The canonical value** of a field is from its *typed* value, so re-typing a value does not
//! change it: a date `YYYY-MM-DD` (with ` HH:MM:SS` when the cell gave a time), whether typed as
//! text, `2026年10月8日` or a date cell; an amount as a plain decimal without trailing zeros
//! (`120萬`, `1,200,000.00` and `1200000` are `1200000`); a yes/no `true`/`false`; an option its
//! code; a phone number its digits; text trimmed. A cell that cannot be typed keeps its raw text.
//! A blank cell is no field at all. Columns the register does not know are not fingerprinted.

use std::collections::BTreeMap;

use rustc_hash::{FxHashMap, FxHashSet};

use super::prints::{month_label, month_number, unpack_fields, Fingerprint, Ids, Packed, NO_MONTH};
use super::Month;
use crate::registers::Kind;

/// A field whose value differs between two fingerprints of a record: its name, the value then
/// and now (none: blank).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change<'a> {
    pub field: &'static str,
    pub then: Option<&'a str>,
    pub now: Option<&'a str>,
}

/// The fields whose canonical values differ between `then` and `now` (of the same kind), in
/// column order.
pub fn changes<'a>(then: &'a Fingerprint, now: &'a Fingerprint) -> Vec<Change<'a>> {
    (now.kind.columns().iter())
        .map(|column| Change {
            field: column.name,
            then: then.value(column.name),
            now: now.value(column.name),
        })
        .filter(|c| c.then != c.now)
        .collect()
}

/// A month already reported, and the register kinds its report read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportedMonth {
    /// `YYYY-MM`.
    pub month: String,
    pub kinds: Vec<Kind>,
}

/// The records of months already reported before this period, as they were at the latest report
/// of their month, by kind, packed ([`Packed`]) and found by id; and the months reported. Made by
/// the history; the default is empty (no history: RC01 and RC02 find nothing).
#[derive(Debug, Default)]
pub struct ClosedRecords {
    months: BTreeMap<String, Vec<Kind>>,
    /// The months reported, as [`month_number`]s.
    numbers: FxHashSet<i32>,
    kinds: [Packed; Kind::ALL.len()],
    ids: [Ids; Kind::ALL.len()],
    /// (file, sheet) of each print's `source`.
    sources: Vec<(String, String)>,
    source_ids: FxHashMap<(String, String), u32>,
}

/// A closed record, as [`ClosedRecords`] hands it out.
#[derive(Clone, Copy, Debug)]
pub struct Closed<'a> {
    pub kind: Kind,
    /// Its place among the closed records of its kind.
    pub place: usize,
    pub record: &'a str,
    /// The month it belongs to, a [`month_number`].
    pub belongs: i32,
    pub file: &'a str,
    pub sheet: &'a str,
    pub row: u32,
    /// Its packed values ([`super::prints::pack_fields`]).
    pub fields: &'a [u8],
}

impl Closed<'_> {
    /// The record in words (None: its values could not be read back).
    pub fn fingerprint(&self) -> Option<Fingerprint> {
        Some(Fingerprint {
            kind: self.kind,
            record: self.record.to_string(),
            month: month_label(self.belongs),
            file: self.file.to_string(),
            sheet: self.sheet.to_string(),
            row: self.row,
            fields: unpack_fields(self.kind, self.fields)?,
        })
    }
}

impl ClosedRecords {
    /// The months reported, without records yet ([`ClosedRecords::push`] adds them).
    pub fn of_months(months: Vec<ReportedMonth>) -> ClosedRecords {
        let mut by_month: BTreeMap<String, Vec<Kind>> = BTreeMap::new();
        for reported in months {
            let kinds = by_month.entry(reported.month).or_default();
            kinds.extend(reported.kinds);
            kinds.sort();
            kinds.dedup();
        }
        ClosedRecords {
            numbers: by_month.keys().map(|m| month_number(m)).collect(),
            months: by_month,
            ..ClosedRecords::default()
        }
    }

    /// From fingerprints in words (see [`ClosedRecords::push`]).
    pub fn new(fingerprints: Vec<Fingerprint>, months: Vec<ReportedMonth>) -> ClosedRecords {
        let mut closed = ClosedRecords::of_months(months);
        for f in fingerprints {
            let fields = super::prints::pack_fields(f.kind, &f.fields);
            let source = (f.file.as_str(), f.sheet.as_str());
            closed.push(f.kind, &f.record, month_number(&f.month), source, f.row, &fields);
        }
        closed
    }

    /// Adds a record as a report read it. Only records of a reported month are kept; when a
    /// record (kind and id) is given more than once, the last given wins — give them in report
    /// order.
    pub fn push(&mut self, kind: Kind, record: &str, belongs: i32, source: (&str, &str), row: u32, fields: &[u8]) {
        if !self.numbers.contains(&belongs) {
            return;
        }
        let source = self.source_id(source);
        let (packed, ids) = (&mut self.kinds[kind as usize], &mut self.ids[kind as usize]);
        let print = packed.pack(record, fields, belongs, source, row, 0);
        match ids.get(packed, record) {
            Some(place) => packed.replace(place, print),
            None => {
                packed.push_print(print);
                ids.insert(packed, packed.len() - 1);
            }
        }
    }

    fn source_id(&mut self, (file, sheet): (&str, &str)) -> u32 {
        if let Some((last_file, last_sheet)) = self.sources.last() {
            if last_file == file && last_sheet == sheet {
                return self.sources.len() as u32 - 1;
            }
        }
        let key = (file.to_string(), sheet.to_string());
        if let Some(&id) = self.source_ids.get(&key) {
            return id;
        }
        let id = self.sources.len() as u32;
        self.sources.push(key.clone());
        self.source_ids.insert(key, id);
        id
    }

    /// Whether any record of a closed month is held (for RC01 and RC02 to compare).
    pub fn has_records(&self) -> bool {
        self.kinds.iter().any(|packed| !packed.is_empty())
    }

    /// Whether there is no history.
    pub fn is_empty(&self) -> bool {
        self.months.is_empty() && self.len() == 0
    }

    /// Whether the month (`YYYY-MM`) has been reported.
    pub fn is_reported(&self, month: &str) -> bool {
        self.months.contains_key(month)
    }

    /// The register kinds the report of a month read (empty when it was not reported).
    pub fn kinds_read(&self, month: &str) -> &[Kind] {
        self.months.get(month).map_or(&[], |k| k.as_slice())
    }

    /// The months reported, in order.
    pub fn months(&self) -> impl Iterator<Item = &str> {
        self.months.keys().map(String::as_str)
    }

    /// The record of a kind with this id, as it was at its month's report.
    pub fn find(&self, kind: Kind, record: &str) -> Option<Closed<'_>> {
        let packed = &self.kinds[kind as usize];
        let place = self.ids[kind as usize].get(packed, record)?;
        Some(self.at(kind, place))
    }

    /// [`ClosedRecords::find`], in words.
    pub fn get(&self, kind: Kind, record: &str) -> Option<Fingerprint> {
        self.find(kind, record)?.fingerprint()
    }

    fn at(&self, kind: Kind, place: usize) -> Closed<'_> {
        let packed = &self.kinds[kind as usize];
        let print = &packed.prints()[place];
        let (file, sheet) = self
            .sources
            .get(print.source as usize)
            .map_or(("", ""), |(f, s)| (f, s));
        Closed {
            kind,
            place,
            record: packed.key(print),
            belongs: print.belongs,
            file,
            sheet,
            row: print.row,
            fields: packed.fields(print),
        }
    }

    /// Every record, by kind, in the order given.
    pub fn iter(&self) -> impl Iterator<Item = Closed<'_>> {
        Kind::ALL.into_iter().flat_map(move |kind| self.of_kind(kind))
    }

    /// The records of one kind, in the order given.
    pub fn of_kind(&self, kind: Kind) -> impl Iterator<Item = Closed<'_>> {
        (0..self.kinds[kind as usize].len()).map(move |place| self.at(kind, place))
    }

    /// How many records of a kind there are.
    pub fn count(&self, kind: Kind) -> usize {
        self.kinds[kind as usize].len()
    }

    pub fn len(&self) -> usize {
        self.kinds.iter().map(Packed::len).sum()
    }
}

impl Month<'_> {
    /// Every record's fingerprint in words, by kind in [`Kind::ALL`] order, then in register
    /// order (records without a usable key or a month left out: see the module's doc).
    pub fn fingerprints(&self) -> Vec<Fingerprint> {
        let prints = self.prints();
        let mut out = Vec::new();
        for kind in Kind::ALL {
            let packed = prints.of(kind);
            for print in packed.prints().iter().filter(|p| p.belongs != NO_MONTH) {
                let source = self.registers.sources.get(print.source as usize);
                let (file, sheet) = source.map_or(("", ""), |s| (s.file.as_str(), s.sheet.as_str()));
                out.extend(packed.fingerprint(kind, print, file, sheet));
            }
        }
        out
    }

    /// The month with the closed records the history handed in, for RC01 and RC02.
    pub fn with_closed(mut self, closed: ClosedRecords) -> Self {
        self.closed = closed;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::month::canonical;
    use crate::month::Period;
    use crate::read::RawCell;
    use crate::registers::Value;
    use crate::rules::testing::{registers, Sheet};
    use crate::settings::Settings;
    use crate::values::{parse_date, parse_money, DateOrder};
    use chrono::NaiveDate;

    const CONTRACTS: &str = "合同編號 | 顧客 | 類型 | 產品類別 | 金額 | 數量較大 | 接收日期 | 評審日期 | 承諾日期";

    /// The fingerprints of the sheets' records, read for October 2026.
    fn prints(sheets: &[Sheet]) -> Vec<Fingerprint> {
        let settings = Settings::default();
        let registers = registers(&settings, sheets);
        let period = Period::parse("2026-10").unwrap();
        Month::new(&registers, &period, &settings).fingerprints()
    }

    fn print(kind: Kind, record: &str, month: &str, fields: &[(&'static str, &str)]) -> Fingerprint {
        Fingerprint {
            kind,
            record: record.into(),
            month: month.into(),
            file: "book.xlsx".into(),
            sheet: "Sheet1".into(),
            row: 2,
            fields: fields.iter().map(|(f, v)| (*f, v.to_string())).collect(),
        }
    }

    #[test]
    fn a_contract_is_fingerprinted_with_its_typed_values_its_month_and_where_it_was_read() {
        let sheet = Sheet::new(
            Kind::Contracts,
            CONTRACTS,
            &["HT-1 | 甲公司 | 合同 | 常規產品 | 120萬 | 是 | 2026-09-28 | 2026年10月8日 | 2026/10/9"],
        );
        let found = prints(&[sheet]);
        let expected = print(
            Kind::Contracts,
            "HT-1",
            "2026-10",
            &[
                ("id", "HT-1"),
                ("customer", "甲公司"),
                ("document_type", "contract"),
                ("product_category", "routine"),
                ("amount", "1200000"),
                ("large_quantity", "true"),
                ("received_date", "2026-09-28"),
                ("review_date", "2026-10-08"),
                ("commitment_date", "2026-10-09"),
            ],
        );
        assert_eq!(found, [expected]);
    }

    #[test]
    fn re_typing_the_same_values_gives_the_same_fingerprint() {
        let rows = [
            "HT-1 | 甲公司 | 合同 | 常規產品 | 120萬 |  | 2026-09-28 | 2026年10月8日 | 2026/10/9",
            "HT-1 | 甲公司 | 合同 | 常規產品 | 1,200,000.00 |  | 20260928 | 2026-10-08 | 2026.10.09",
            "HT-1 | 甲公司 | 合同 | 常規產品 | １２０００００ |  | ２０２６-０９-２８ | 2026/10/08 | 2026年10月9日",
        ];
        let found: Vec<_> = (rows.iter())
            .map(|row| prints(&[Sheet::new(Kind::Contracts, CONTRACTS, &[row])]).remove(0))
            .collect();
        assert_eq!(found[0], found[1]);
        assert_eq!(found[0], found[2]);
        // A date cell and the same date typed as text; an amount as a number and in 萬.
        let date = |cell: RawCell| canonical(Value::Date(parse_date(&cell, DateOrder::Ymd).unwrap()));
        let day = NaiveDate::from_ymd_opt(2026, 10, 8).unwrap();
        assert_eq!(
            date(RawCell::DateTime(day.into())),
            date(RawCell::Text("2026年10月8日".into()))
        );
        assert_eq!(date(RawCell::DateTime(day.into())), "2026-10-08");
        let money = |cell: RawCell| canonical(Value::Money(parse_money(&cell).unwrap()));
        assert_eq!(
            money(RawCell::Number(1_200_000.0)),
            money(RawCell::Text("120萬".into()))
        );
    }

    #[test]
    fn a_changed_value_and_an_unreadable_cell_show_in_the_fingerprint() {
        let sheet = Sheet::new(
            Kind::Contracts,
            CONTRACTS,
            &["HT-1 | 甲公司 | 合同 | 常規產品 | 一百萬 |  | 2026-09-28 | 2026-10-03 | 2026-10-09"],
        );
        let now = prints(&[sheet]).remove(0);
        assert_eq!(now.value("amount"), Some("一百萬"), "raw text of an unreadable cell");
        assert_eq!(now.value("large_quantity"), None, "a blank cell is no field");
        let mut then = now.clone();
        then.fields.retain(|(f, _)| *f != "amount");
        then.fields.push(("review_date", "2026-10-08".into()));
        then.fields.retain(|(f, v)| *f != "review_date" || v == "2026-10-08");
        let found = changes(&then, &now);
        let expected = [
            Change {
                field: "amount",
                then: None,
                now: Some("一百萬"),
            },
            Change {
                field: "review_date",
                then: Some("2026-10-08"),
                now: Some("2026-10-03"),
            },
        ];
        assert_eq!(found, expected, "in column order");
        assert!(changes(&now, &now.clone()).is_empty());
    }

    #[test]
    fn registers_without_an_id_column_are_keyed_by_who_and_when_and_repeats_are_numbered() {
        let visits = Sheet::new(
            Kind::Visits,
            "日期 | 客戶編號 | 姓名 | 消費金額",
            &[
                "2026-10-05 | G-017 | 王先生 | 800",
                "2026-10-05 | G-017 | 王先生 | 300",
                "2026-10-06 |  | 李小姐 | 500",
                " | G-018 | 張先生 | 500",
                "2026-10-07 |  |  | 500",
            ],
        );
        let found = prints(&[visits]);
        let keys: Vec<(&str, &str, u32)> = found
            .iter()
            .map(|f| (f.record.as_str(), f.month.as_str(), f.row))
            .collect();
        assert_eq!(
            keys,
            [
                ("G-017 2026-10-05", "2026-10", 2),
                ("G-017 2026-10-05 #2", "2026-10", 3),
                ("李小姐 2026-10-06", "2026-10", 4),
            ],
            "no date or no one: not fingerprinted"
        );
    }

    #[test]
    fn feedback_belongs_to_the_month_it_was_finished_in() {
        let header = "編號 | 接收日期 | 顧客 | 評審日期 | 解決日期";
        let feedback = Sheet::new(
            Kind::Feedback,
            header,
            &[
                "FB-1 | 2026-09-20 | 甲 | 2026-09-25 | 2026-10-02",
                "FB-2 | 2026-09-20 | 甲 |  | ",
                "FB-3 |  | 甲 | 2026-09-25 | 2026-10-02",
            ],
        );
        let found = prints(&[feedback]);
        let months: Vec<(&str, &str)> = found.iter().map(|f| (f.record.as_str(), f.month.as_str())).collect();
        assert_eq!(
            months,
            [("FB-1", "2026-10"), ("FB-2", "2026-09")],
            "FB-3: no receipt date, no month"
        );
    }

    #[test]
    fn closed_records_keep_only_reported_months_and_the_last_print_of_a_record() {
        let months = vec![
            ReportedMonth {
                month: "2026-08".into(),
                kinds: vec![Kind::Contracts],
            },
            ReportedMonth {
                month: "2026-09".into(),
                kinds: vec![Kind::Visits, Kind::Contracts, Kind::Contracts],
            },
        ];
        let prints = vec![
            print(Kind::Contracts, "HT-1", "2026-08", &[("amount", "1")]),
            print(Kind::Contracts, "HT-1", "2026-09", &[("amount", "2")]),
            print(Kind::Contracts, "HT-2", "2026-06", &[("amount", "3")]),
            print(Kind::Visits, "HT-1", "2026-09", &[]),
        ];
        let closed = ClosedRecords::new(prints, months);
        assert_eq!(closed.len(), 2, "June was never reported");
        assert_eq!(closed.get(Kind::Contracts, "HT-1").unwrap().value("amount"), Some("2"));
        assert!(closed.get(Kind::Contracts, "HT-2").is_none());
        assert!(closed.get(Kind::Visits, "HT-1").is_some());
        assert!(closed.is_reported("2026-08") && !closed.is_reported("2026-10"));
        assert_eq!(closed.kinds_read("2026-09"), [Kind::Contracts, Kind::Visits]);
        assert_eq!(closed.months().collect::<Vec<_>>(), ["2026-08", "2026-09"]);
        let order: Vec<Kind> = closed.iter().map(|f| f.kind).collect();
        assert_eq!(order, [Kind::Contracts, Kind::Visits]);
        assert!(ClosedRecords::default().is_empty() && !closed.is_empty());
    }

    #[test]
    fn a_month_has_no_closed_records_until_it_is_given_them() {
        let settings = Settings::default();
        let registers = registers(&settings, &[]);
        let period = Period::parse("2026-10").unwrap();
        let month = Month::new(&registers, &period, &settings);
        assert!(month.closed.is_empty());
        let closed = ClosedRecords::new(
            vec![print(Kind::Contracts, "HT-1", "2026-09", &[])],
            vec![ReportedMonth {
                month: "2026-09".into(),
                kinds: vec![Kind::Contracts],
            }],
        );
        let month = month.with_closed(closed);
        assert_eq!(
            month.closed.get(Kind::Contracts, "HT-1").map(|f| f.month),
            Some("2026-09".into())
        );
    }
}
