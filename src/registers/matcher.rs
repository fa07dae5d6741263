//! Recognising a sheet's register from its header row (SPEC 1.2): every kind's header words, a
//! row scored against each kind, the best kind chosen.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

use super::{feedback, AnyField, ColumnType, Kind};
use crate::base::text;
use crate::read::SheetRow;
use crate::values::DateOrder;

/// The words a company adds to the built-in ones, and how it writes dates (settings `[columns]`,
/// `[enums]`, `date_order`).
pub struct Vocabulary<'a> {
    /// Register id → column name → extra header words.
    pub columns: &'a BTreeMap<String, BTreeMap<String, Vec<String>>>,
    /// Column name → word → option code.
    pub enums: &'a BTreeMap<String, BTreeMap<String, String>>,
    pub date_order: DateOrder,
}

impl Vocabulary<'_> {
    fn column_aliases(&self, kind: Kind, column: &str) -> &[String] {
        self.columns
            .get(kind.id())
            .and_then(|c| c.get(column))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }
}

/// Header words of every kind, prepared once per run from the columns and the vocabulary.
pub struct Matcher {
    /// (kind, header key → column index)
    headers: Vec<(Kind, FxHashMap<String, usize>)>,
    /// column name → word key → code
    pub(super) enums: FxHashMap<&'static str, FxHashMap<String, &'static str>>,
    pub(super) date_order: DateOrder,
}

/// Sheet names or titles that mark a complaint record (顧客投訴記錄).
pub(super) fn marks_complaint_record(text: &str) -> bool {
    let k = text::key(text);
    k.contains(&text::key("投訴記錄")) || k.contains("complaint")
}

impl Matcher {
    pub fn new(settings: &Vocabulary) -> Matcher {
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
    pub(super) fn score(&self, row: &SheetRow, complaint_record: bool) -> Vec<HeaderMatch> {
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
            let complaint = kind == Kind::Feedback && complaint_record && found[feedback::KIND.index()].is_none();
            let required: Vec<usize> = columns
                .iter()
                .enumerate()
                .filter(|(_, c)| c.required && !(complaint && c.field == feedback::KIND.any()))
                .map(|(i, _)| i)
                .collect();
            let present = |i: usize| {
                found[i].is_some()
                    || kind
                        .stand_in(columns[i].field)
                        .is_some_and(|s| found[s.index()].is_some())
            };
            let matched_required = required.iter().filter(|&&i| present(i)).count();
            let missing = required
                .iter()
                .filter(|&&i| !present(i))
                .map(|&i| columns[i].field)
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
pub(super) struct HeaderMatch {
    pub(super) kind: Kind,
    pub(super) matched_required: usize,
    pub(super) required: usize,
    pub(super) matched_all: usize,
    pub(super) columns: Vec<Option<u32>>,
    pub(super) scales: Vec<Option<Decimal>>,
    pub(super) extras: Vec<(u32, String)>,
    pub(super) missing: Vec<AnyField>,
    pub(super) complaint_record: bool,
}

impl HeaderMatch {
    /// SPEC 1.2: at least half of the kind's required columns. A single matched cell is not a
    /// header (a title such as `日期：` would otherwise make a call-back register).
    pub(super) fn qualifies(&self) -> bool {
        self.matched_required > 0 && self.matched_required * 2 >= self.required && self.matched_all >= 2
    }
    pub(super) fn rank(&self) -> (usize, usize) {
        (self.matched_required, self.matched_all)
    }
}

/// The kind a header row belongs to, with the tie-break of SPEC 1.2: most matched required
/// columns, then most matched columns in all, then the order of [`Kind::ALL`].
pub(super) fn best(matches: Vec<HeaderMatch>) -> Option<HeaderMatch> {
    let mut best: Option<HeaderMatch> = None;
    for m in matches.into_iter().filter(HeaderMatch::qualifies) {
        if best.as_ref().is_none_or(|b| m.rank() > b.rank()) {
            best = Some(m);
        }
    }
    best
}
