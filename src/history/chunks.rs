//! The fingerprints of the records a run read ([`crate::month::Prints`]), as the history stores
//! them: in chunks of up to [`CHUNK_RECORDS`] records of one kind, read from one sheet, that
//! belong to one month, in register order. A chunk is one byte string — for each record its id,
//! its row and its packed values, each behind its length (a varint) —, compressed (LZ4: about
//! a third of the size) and stored once under the first 8 bytes of the SHA-256 of
//! its bytes: a month's run that reads the same records unchanged as the month before adds no
//! bytes but the list of its chunks, and does not compress them again (BENCHMARKS.md).

use rustc_hash::{FxHashMap, FxHashSet};

use std::collections::BTreeMap;
use std::ops::Range;

use crate::base::parallel::in_parallel;
use crate::base::spill::{Spill, Spilled};
use crate::base::varint::{push_varint, read_varint};
use crate::month::{print_month, Month, Packed, PrintPlan};
use crate::registers::Kind;

/// Records a chunk holds at most.
pub const CHUNK_RECORDS: usize = 512;

/// One chunk of a run's fingerprints.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chunk {
    pub kind: Kind,
    /// The sheet the records were read from: its place in the run's sources.
    pub source: u32,
    /// The month the records belong to (a [`crate::month::month_number`]).
    pub belongs: i32,
    /// The chunk's place among those of its kind, sheet and month.
    pub seq: u32,
    /// The first 8 bytes of the SHA-256 of the chunk's bytes.
    pub id: i64,
    /// Where its bytes, compressed ([`compress`]), wait in the run's [`Spill`]; None for a chunk
    /// the history already holds.
    pub data: Option<Spilled>,
}

impl Chunk {
    /// Its bytes, compressed, read back from `spill`; None for a chunk the history already holds.
    /// (Bytes that cannot be read back are an error of the history's writing.)
    pub fn bytes(&self, spill: &Spill) -> rusqlite::Result<Option<Vec<u8>>> {
        (self.data.map(|at| spill.get(at)).transpose()).map_err(|e| rusqlite::Error::ToSqlConversionFailure(e.into()))
    }
}

/// How a run's chunks are sealed: those the history holds already (`known`) are not compressed
/// again; the others are compressed and put away in `spill` until the history is written.
#[derive(Clone, Copy)]
pub struct Sealing<'a> {
    pub known: &'a FxHashSet<i64>,
    pub spill: &'a Spill,
}

impl Sealing<'_> {
    /// A chunk of `kind`, `source`, `belongs` and `seq` holding `data`: its id, and its bytes
    /// compressed and put away unless the history holds it already.
    fn seal(&self, (kind, source, belongs, seq): (Kind, u32, i32, u32), data: &[u8]) -> Chunk {
        let id = chunk_id(data);
        Chunk {
            kind,
            source,
            belongs,
            seq,
            id,
            data: (!self.known.contains(&id)).then(|| self.spill.put(&compress(data))),
        }
    }
}

/// The chunks of one kind's prints: grouped by sheet and month, each group in register order;
/// sealed as `sealing` says.
pub fn chunks(kind: Kind, packed: &Packed, sealing: Sealing) -> Vec<Chunk> {
    let prints = packed.prints();
    let mut order: Vec<u32> = (0..prints.len() as u32).collect();
    order.sort_by_key(|&i| (prints[i as usize].source, prints[i as usize].belongs));
    let mut out = Vec::new();
    let mut at = 0;
    while at < order.len() {
        let first = &prints[order[at] as usize];
        let group = (first.source, first.belongs);
        let end = (at..order.len())
            .find(|&i| (prints[order[i] as usize].source, prints[order[i] as usize].belongs) != group)
            .unwrap_or(order.len());
        for (seq, part) in order[at..end].chunks(CHUNK_RECORDS).enumerate() {
            let mut data = Vec::with_capacity(part.len() * 128);
            for &i in part {
                let print = &prints[i as usize];
                encode(&mut data, packed.key_bytes(print), print.row, packed.fields(print));
            }
            out.push(sealing.seal((kind, group.0, group.1, seq as u32), &data));
        }
        at = end;
    }
    out
}

/// Records of one register printed on a core of their own at least ([`stream`]): fewer are
/// printed with the rest.
const PIECE_RECORDS: usize = 1 << 16;

/// The chunks of every kind's prints as [`chunks`] makes them from [`Month::prints`], made from
/// [`Month::each_print_in`] instead (for a month whose rules did not need the prints): each record
/// written into its group's chunk as it comes, a chunk sealed once it is full — no buffer of
/// every print first. The kinds are printed on every core, one kind on a core; a register of more
/// than half of all the records is then printed in pieces on every core ([`in_pieces`]: a
/// million contracts in one workbook were printed on one core while the other waited,
/// BENCHMARKS.md).
pub fn stream(month: &Month, sealing: Sealing) -> Vec<Chunk> {
    let total: usize = Kind::ALL.iter().map(|&kind| month.register(kind).len()).sum();
    let (large, small): (Vec<Kind>, Vec<Kind>) =
        (Kind::ALL.into_iter()).partition(|&kind| month.register(kind).len() * 2 > total);
    let mut out: Vec<Chunk> = in_parallel(&small, |&kind| whole(kind, month, sealing))
        .into_iter()
        .flatten()
        .collect();
    // One piece a core: each piece holds the parts of chunks at its edges, a few per group, until
    // all are made (pieces of 65,536 records held 20 MB of them at a million contracts).
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    for kind in large {
        let size = month.register(kind).len().div_ceil(cores).max(PIECE_RECORDS);
        out.extend(in_pieces(kind, month, sealing, size));
    }
    out.sort_unstable_by_key(|c| (Kind::ALL.iter().position(|k| *k == c.kind), c.source, c.belongs, c.seq));
    out
}

/// The chunks of one kind's prints, made on one core: its register as one piece, whose last
/// chunks of each group are sealed as they are.
fn whole(kind: Kind, month: &Month, sealing: Sealing) -> Vec<Chunk> {
    let all = 0..month.register(kind).len();
    let plan = month.print_plan(kind, month.print_hashes(kind, all.clone(), |_| {}));
    let (mut out, last) = piece(month, &plan, all, &FxHashMap::default(), sealing);
    out.extend(
        (last.into_iter()).map(|((source, belongs, seq), data)| sealing.seal((kind, source, belongs, seq), &data)),
    );
    out
}

/// The chunks of one kind's prints, its register printed in pieces of `size` records or more on
/// every core, the same chunks as [`whole`] makes: a first pass over each piece finds its ids'
/// hashes and how many of its records each group (sheet and month) has, so that each piece knows
/// where its records fall in their groups' chunks; it seals the chunks it fills whole, and hands
/// back the parts of those it shares with the pieces before and after it, which are joined in
/// order and sealed last.
fn in_pieces(kind: Kind, month: &Month, sealing: Sealing, size: usize) -> Vec<Chunk> {
    let pieces: Vec<Range<usize>> = cut(month.register(kind).len(), size).collect();
    let surveyed = in_parallel(&pieces, |range| {
        let mut groups: FxHashMap<(u32, i32), u32> = FxHashMap::default();
        let hashes = month.print_hashes(kind, range.clone(), |record| {
            *groups.entry((record.source, print_month(record))).or_default() += 1;
        });
        (hashes, groups)
    });
    // Where each piece's records start in their groups: after those of the pieces before it.
    let mut starts = Vec::with_capacity(pieces.len());
    let mut hashes = Vec::new();
    let mut running: FxHashMap<(u32, i32), u32> = FxHashMap::default();
    for (piece_hashes, groups) in surveyed {
        let start: FxHashMap<(u32, i32), u32> = (groups.iter())
            .map(|(&group, &n)| {
                let before = running.entry(group).or_default();
                let start = *before;
                *before += n;
                (group, start)
            })
            .collect();
        starts.push(start);
        hashes.extend(piece_hashes);
    }
    let plan = month.print_plan(kind, hashes);
    let jobs: Vec<_> = pieces.into_iter().zip(starts).collect();
    let made = in_parallel(&jobs, |(range, start)| {
        piece(month, &plan, range.clone(), start, sealing)
    });
    let mut out = Vec::new();
    let mut parts: BTreeMap<(u32, i32, u32), Vec<u8>> = BTreeMap::new();
    for (sealed, edges) in made {
        out.extend(sealed);
        for (at, bytes) in edges {
            parts.entry(at).or_default().extend_from_slice(&bytes);
        }
    }
    out.extend(
        (parts.into_iter()).map(|((source, belongs, seq), data)| sealing.seal((kind, source, belongs, seq), &data)),
    );
    out
}

/// The bytes of a chunk a piece shares with others: (sheet, month, place among the group's
/// chunks), and the bytes.
type Part = ((u32, i32, u32), Vec<u8>);

/// `0..len` in pieces of `size` records or more, in order.
fn cut(len: usize, size: usize) -> impl Iterator<Item = Range<usize>> {
    let pieces = (len / size.max(1)).max(1);
    let size = len.div_ceil(pieces);
    (0..pieces).map(move |i| (i * size).min(len)..((i + 1) * size).min(len))
}

/// The chunks of the records `range` of a register: those it fills whole, sealed; and the bytes
/// of those it shares with other pieces (sheet, month, place among the group's chunks).
/// `start`: where its first record of each group falls among the group's records.
fn piece(
    month: &Month,
    plan: &PrintPlan,
    range: Range<usize>,
    start: &FxHashMap<(u32, i32), u32>,
    sealing: Sealing,
) -> (Vec<Chunk>, Vec<Part>) {
    // (source, month) → the chunk being filled: its bytes, the group's records so far, whether
    // the chunk began in this piece.
    let mut groups: FxHashMap<(u32, i32), (Vec<u8>, u32, bool)> = FxHashMap::default();
    let (mut sealed, mut edges) = (Vec::new(), Vec::new());
    let kind = plan.kind();
    month.each_print_in(plan, range, |print| {
        let group = (print.source, print.belongs);
        let (data, at, whole) = groups.entry(group).or_insert_with(|| {
            let at = start.get(&group).copied().unwrap_or(0);
            (Vec::new(), at, at % CHUNK_RECORDS as u32 == 0)
        });
        encode(data, print.key.as_bytes(), print.row, print.fields);
        *at += 1;
        if *at % CHUNK_RECORDS as u32 == 0 {
            let seq = *at / CHUNK_RECORDS as u32 - 1;
            match whole {
                true => sealed.push(sealing.seal((kind, group.0, group.1, seq), data)),
                false => edges.push(((group.0, group.1, seq), data.clone())),
            }
            data.clear();
            *whole = true;
        }
    });
    for ((source, belongs), (data, at, _)) in groups {
        if !data.is_empty() {
            // The group's last chunk, or its first part: ended by the end of this piece.
            edges.push(((source, belongs, at / CHUNK_RECORDS as u32), data));
        }
    }
    (sealed, edges)
}

/// One record in a chunk's bytes.
fn encode(data: &mut Vec<u8>, key: &[u8], row: u32, fields: &[u8]) {
    push_varint(data, key.len());
    data.extend_from_slice(key);
    push_varint(data, row as usize);
    push_varint(data, fields.len());
    data.extend_from_slice(fields);
}

/// A chunk's records, (id, row, packed values) each; None when the chunk cannot be read (a
/// damaged history: passed over, not guessed at).
pub fn records(mut data: &[u8]) -> Option<Vec<(&str, u32, &[u8])>> {
    let mut out = Vec::new();
    while !data.is_empty() {
        let (n, rest) = read_varint(data)?;
        let key = std::str::from_utf8(rest.get(..n)?).ok()?;
        let (row, rest) = read_varint(&rest[n..])?;
        let (n, rest) = read_varint(rest)?;
        let fields = rest.get(..n)?;
        out.push((key, u32::try_from(row).ok()?, fields));
        data = &rest[n..];
    }
    Some(out)
}

/// A chunk's bytes compressed (LZ4, their length in front).
pub fn compress(data: &[u8]) -> Vec<u8> {
    lz4_flex::compress_prepend_size(data)
}

/// A chunk of a history is never larger than this uncompressed (records of a few hundred bytes).
const MAX_CHUNK: usize = 64 << 20;

/// A compressed chunk's bytes; None when they cannot be read (a damaged history).
pub fn decompress(data: &[u8]) -> Option<Vec<u8>> {
    let size = u32::from_le_bytes(data.get(..4)?.try_into().ok()?) as usize;
    if size > MAX_CHUNK {
        return None;
    }
    lz4_flex::decompress_size_prepended(data).ok()
}

/// The first 8 bytes of the SHA-256 of `data` (two different chunks of a history sharing one is
/// a chance of about one in 10^19 a pair).
pub fn chunk_id(data: &[u8]) -> i64 {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(data);
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    i64::from_le_bytes(first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::month::{month_number, pack_field};

    fn sealing<'a>(known: &'a FxHashSet<i64>, spill: &'a Spill) -> Sealing<'a> {
        Sealing { known, spill }
    }

    /// Chunks as they compare: kind, sheet, month, place, id and bytes (None: known).
    type Opened = (Kind, u32, i32, u32, i64, Option<Vec<u8>>);

    fn opened(chunks: &[Chunk], spill: &Spill) -> Vec<Opened> {
        (chunks.iter())
            .map(|c| {
                (
                    c.kind,
                    c.source,
                    c.belongs,
                    c.seq,
                    c.id,
                    c.data.map(|at| spill.get(at).unwrap()),
                )
            })
            .collect()
    }

    /// A month's fingerprints written into their chunks as they are made are the chunks made from
    /// them all at once: the same bytes and ids, whatever the sheets, months and repeated ids.
    #[test]
    fn chunks_made_as_the_prints_come_are_those_made_from_them_all() {
        use crate::rules::testing::{registers, Sheet};
        let header = "合同編號 | 顧客 | 類型 | 產品類別 | 金額 | 數量較大 | 接收日期 | 評審日期 | 承諾日期";
        let rows: Vec<String> = (0..4_000)
            .map(|i| {
                // Every seventh id repeated; months from August to October; some amounts unread.
                let id = if i % 7 == 0 { 1 } else { i };
                let amount = if i % 11 == 0 {
                    "many".to_string()
                } else {
                    format!("{}", i * 10)
                };
                format!(
                    "HT-{id} | 客{i} | 一般 | 閥門 | {amount} | 否 | 2026-{:02}-05 | | ",
                    8 + i % 3
                )
            })
            .collect();
        let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
        let sheets = [
            Sheet::new(Kind::Contracts, header, &rows[..2_000]).in_file("a.xlsx"),
            Sheet::new(Kind::Contracts, header, &rows[2_000..]).in_file("b.xlsx"),
        ];
        let settings = crate::settings::Settings::default();
        let registers = registers(&settings, &sheets);
        let period = crate::month::Period::parse("2026-10").unwrap();
        let month = Month::new(&registers, &period, &settings);
        let (spill, none) = (Spill::in_memory(), FxHashSet::default());
        let first = chunks(
            Kind::Contracts,
            month.prints().of(Kind::Contracts),
            sealing(&none, &spill),
        );
        let known: FxHashSet<i64> = [first[1].id].into_iter().collect();
        let sealing = sealing(&known, &spill);
        let all = opened(
            &chunks(Kind::Contracts, month.prints().of(Kind::Contracts), sealing),
            &spill,
        );
        assert!(all.len() > 6, "{} chunks", all.len());
        assert!(
            all.iter().any(|c| c.5.is_none()),
            "a known chunk is not compressed again"
        );
        // However the register is cut into pieces (one, or pieces that end inside a chunk, on
        // its edge, or hold less than a chunk of a group), the same chunks in the same order.
        assert_eq!(opened(&stream(&month, sealing), &spill), all);
        let sorted = |mut chunks: Vec<Chunk>| {
            chunks.sort_unstable_by_key(|c| (c.source, c.belongs, c.seq));
            opened(&chunks, &spill)
        };
        assert_eq!(sorted(whole(Kind::Contracts, &month, sealing)), all);
        for size in [1, 100, 511, 512, 513, 1_500, 1_999, 4_000] {
            let pieces = in_pieces(Kind::Contracts, &month, sealing, size);
            assert_eq!(sorted(pieces), all, "pieces of {size}");
        }
        let ranges: Vec<_> = cut(10, 3).collect();
        assert_eq!(ranges, [0..4, 4..8, 8..10]);
        assert!(cut(0, 3).count() == 1 && cut(0, 3).all(|r| r.is_empty()));
    }

    #[test]
    fn records_are_chunked_by_sheet_and_month_in_register_order_and_come_back() {
        let mut packed = Packed::default();
        let (sep, oct) = (month_number("2026-09"), month_number("2026-10"));
        let values = |v: &str| {
            let mut out = Vec::new();
            pack_field(&mut out, 1, v);
            out
        };
        packed.push("HT-1", &values("甲"), oct, 0, 2, 0);
        packed.push("HT-2", &values("乙"), sep, 0, 3, 1);
        packed.push("HT-3", &values("丙"), oct, 0, 4, 2);
        packed.push("HT-4", &values("丁"), oct, 1, 2, 3);
        let (spill, none) = (Spill::in_memory(), FxHashSet::default());
        let found = chunks(Kind::Contracts, &packed, sealing(&none, &spill));
        let bytes = |c: &Chunk| spill.get(c.data.unwrap()).unwrap();
        let data: Vec<Vec<u8>> = found.iter().map(|c| decompress(&bytes(c)).unwrap()).collect();
        let groups: Vec<(u32, i32, Vec<&str>)> = (found.iter().zip(&data))
            .map(|(c, data)| {
                (
                    c.source,
                    c.belongs,
                    records(data).unwrap().iter().map(|r| r.0).collect(),
                )
            })
            .collect();
        assert_eq!(
            groups,
            [
                (0, sep, vec!["HT-2"]),
                (0, oct, vec!["HT-1", "HT-3"]),
                (1, oct, vec!["HT-4"])
            ]
        );
        let back = records(&data[1]).unwrap();
        assert_eq!(back[1], ("HT-3", 4, values("丙").as_slice()));
        assert_eq!(found[1].id, chunk_id(&data[1]));
        assert_eq!(records(&data[1][..5]), None, "cut short");
        assert_eq!(decompress(b"not deflate at all"), None);
        // A chunk the history holds already is not compressed again.
        let known: FxHashSet<i64> = [found[1].id].into_iter().collect();
        let again = chunks(Kind::Contracts, &packed, sealing(&known, &spill));
        assert!(again[1].data.is_none() && bytes(&again[0]) == bytes(&found[0]));
    }

    #[test]
    fn a_large_group_is_cut_into_chunks_of_a_bounded_size_and_the_same_records_give_the_same_chunks() {
        let mut packed = Packed::default();
        for i in 0..(CHUNK_RECORDS + 3) {
            packed.push(
                &format!("HT-{i}"),
                &[],
                month_number("2026-10"),
                0,
                i as u32 + 2,
                i as u32,
            );
        }
        let (spill, none) = (Spill::in_memory(), FxHashSet::default());
        let found = opened(&chunks(Kind::Contracts, &packed, sealing(&none, &spill)), &spill);
        let sizes: Vec<(u32, usize)> = (found.iter())
            .map(|c| (c.3, records(&decompress(c.5.as_ref().unwrap()).unwrap()).unwrap().len()))
            .collect();
        assert_eq!(sizes, [(0, CHUNK_RECORDS), (1, 3)]);
        let again = chunks(Kind::Contracts, &packed, sealing(&none, &spill));
        assert_eq!(opened(&again, &spill), found);
    }
}
