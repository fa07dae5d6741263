//! The guest register indexed by id and name, and the look-up of the guest a visit or call-back
//! names. Registers may hold a million rows, so every join is a hash look-up.

use std::borrow::Cow;
use std::sync::OnceLock;

use compact_str::CompactString;
use rustc_hash::FxHashMap;

use crate::base::text::{self, id_key};
use crate::month::{coverage, Coverage, Period};
use crate::registers::field::Text;
use crate::registers::{callbacks, guests, visits, Field, Kind, Record, Registers};

/// What a guest id or name found in the guest register.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Match {
    /// Index of the profile in the guests register.
    Guest(usize),
    /// A name that several profiles carry: the visit cannot be told apart.
    Ambiguous,
    Unknown,
}

impl Match {
    pub fn guest(self) -> Option<usize> {
        match self {
            Match::Guest(i) => Some(i),
            _ => None,
        }
    }
}

/// The guest register, indexed by id and (on first use) by name.
///
/// It holds every profile, so that a visit or call-back naming a profile developed after as-of
/// still finds it (GH05); [`GuestBook::exists`] tells which profiles exist at as-of (SPEC 2) and
/// are counted, analysed and proposed in the period.
pub struct GuestBook<'a> {
    pub records: &'a [Record],
    /// For each profile, whether it exists at as-of (developed by then, or when not known).
    exists: Vec<bool>,
    by_id: FxHashMap<Cow<'a, str>, usize>,
    /// Built only when a row names a guest without an id: folding a million names across scripts
    /// is the costly part of the index.
    by_name: OnceLock<FxHashMap<String, Match>>,
    /// Each profile's name and company as [`text::key`]s, empty when blank: folded once for the
    /// name index, GH06 and the Guests sheet's complaint matching, which all compare them.
    keys: OnceLock<Vec<(String, String)>>,
}

impl<'a> GuestBook<'a> {
    /// A book of no guests.
    pub fn empty() -> GuestBook<'a> {
        GuestBook {
            records: &[],
            exists: Vec::new(),
            by_id: FxHashMap::default(),
            by_name: OnceLock::new(),
            keys: OnceLock::new(),
        }
    }

    pub fn new(registers: &'a Registers, period: &Period) -> GuestBook<'a> {
        let records: &[Record] = registers
            .by_kind
            .get(&Kind::Guests)
            .map(|r| r.records.as_slice())
            .unwrap_or(&[]);
        let mut by_id = FxHashMap::with_capacity_and_hasher(records.len(), Default::default());
        for (i, record) in records.iter().enumerate() {
            if let Some(id) = record.text(guests::GUEST_ID) {
                // A reused id is RG03's finding; the first profile answers to it.
                by_id.entry(id_key(id)).or_insert(i);
            }
        }
        let exists = records
            .iter()
            .map(|r| coverage(period, r) == Coverage::Covered)
            .collect();
        GuestBook {
            records,
            exists,
            by_id,
            by_name: OnceLock::new(),
            keys: OnceLock::new(),
        }
    }

    /// The name and company keys of each profile (in register order; empty when blank).
    pub fn keys(&self) -> &[(String, String)] {
        self.keys.get_or_init(|| {
            let key = |record: &Record, field: Field<Text>| record.text(field).map(text::key).unwrap_or_default();
            self.records
                .iter()
                .map(|record| (key(record, guests::NAME), key(record, guests::COMPANY)))
                .collect()
        })
    }

    pub fn find_id(&self, id: &str) -> Match {
        self.by_id.get(&id_key(id)).map_or(Match::Unknown, |&i| Match::Guest(i))
    }

    /// Names are compared with [`text::key`]: width, case, spaces and script are ignored. A name
    /// that several profiles carry is [`Match::Ambiguous`].
    pub fn find_name(&self, name: &str) -> Match {
        let by_name = self.by_name.get_or_init(|| {
            let mut map: FxHashMap<String, Match> =
                FxHashMap::with_capacity_and_hasher(self.records.len(), Default::default());
            for (i, (key, _)) in self.keys().iter().enumerate() {
                if !key.is_empty() {
                    map.entry(key.clone())
                        .and_modify(|m| *m = Match::Ambiguous)
                        .or_insert(Match::Guest(i));
                }
            }
            map
        });
        by_name.get(&text::key(name)).copied().unwrap_or(Match::Unknown)
    }

    /// Whether profile `guest` exists at as-of: developed by then, or its developed date unknown.
    pub fn exists(&self, guest: usize) -> bool {
        self.exists.get(guest).copied().unwrap_or(false)
    }

    /// The profiles that exist at as-of, with their index in the register.
    pub fn profiles(&self) -> impl Iterator<Item = (usize, &'a Record)> + '_ {
        let records = self.records;
        records.iter().enumerate().filter(|(i, _)| self.exists[*i])
    }

    /// How many profiles exist at as-of.
    pub fn count(&self) -> usize {
        self.exists.iter().filter(|e| **e).count()
    }

    pub fn record(&self, guest: usize) -> &'a Record {
        &self.records[guest]
    }

    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }
}

/// Who a visit or call-back names: its guest id and (visits only) its name, each looked up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reference {
    pub id: Option<Match>,
    pub name: Option<Match>,
}

impl Reference {
    /// The profile the row belongs to: by id first, else by name.
    pub fn guest(&self) -> Option<usize> {
        self.id
            .and_then(Match::guest)
            .or_else(|| self.name.and_then(Match::guest))
    }
}

/// Looks up the guest of visits and call-backs, remembering each distinct text it has seen (a
/// register of a million visits names a few thousand guests). The texts are kept in the maps
/// (`CompactString`: an id or a name fits in its 24 bytes), not borrowed from the rows: comparing
/// with a borrowed key read a far-off row's memory at every lookup.
pub struct Resolver<'a, 'b> {
    book: &'b GuestBook<'a>,
    ids: FxHashMap<CompactString, Match>,
    names: FxHashMap<CompactString, Match>,
}

impl<'a, 'b> Resolver<'a, 'b> {
    pub fn new(book: &'b GuestBook<'a>) -> Resolver<'a, 'b> {
        Resolver {
            book,
            ids: FxHashMap::default(),
            names: FxHashMap::default(),
        }
    }

    /// The guest a visit or call-back row names. Call-backs keep no name column.
    pub fn resolve(&mut self, record: &'a Record) -> Reference {
        let book = self.book;
        let (id, name) = match record.kind {
            Kind::Visits => (record.text(visits::GUEST_ID), record.text(visits::NAME)),
            _ => (record.text(callbacks::GUEST_ID), None),
        };
        let id = id
            .filter(|t| !t.trim().is_empty())
            .map(|t| remembered(&mut self.ids, t, |t| book.find_id(t)));
        let name = name
            .filter(|t| !t.trim().is_empty())
            .map(|t| remembered(&mut self.names, t, |t| book.find_name(t)));
        Reference { id, name }
    }
}

/// The match of `text` in `seen`, found by `find` the first time.
fn remembered(seen: &mut FxHashMap<CompactString, Match>, text: &str, find: impl FnOnce(&str) -> Match) -> Match {
    if let Some(found) = seen.get(text) {
        return *found;
    }
    let found = find(text);
    seen.insert(CompactString::new(text), found);
    found
}
