//! The key-attention list (procedure Part 2 三): next month's A-class guests, new A-class guests,
//! birthdays and anniversaries, guests with a recent complaint, incomplete profiles.

use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use serde::ser::{Serialize, SerializeStruct, Serializer};

use super::{first_of_next_month, COMPLAINT_MONTHS};
use crate::base::i18n::Catalogue;
use crate::base::text;
use crate::base::text_block::TextBlock;
use crate::month::guests::{class_rank, occurrence_in, recorded_class, window_start, GuestBook, Guests};
use crate::read::RawCell;
use crate::registers::{feedback, guests, Kind, Registers};
use crate::values;

/// One guest of next month's key-attention list, with every reason to watch it. Its ten texts
/// are held in one block ([`TextBlock`]): a large month lists every guest.
#[derive(Clone, Debug, Default)]
pub struct AttentionRow {
    /// The texts of [`AttentionTexts`], in its order.
    texts: TextBlock<10>,
    /// The day the birthday falls on next month (29 February on 28 February in other years).
    pub birthday: Option<NaiveDate>,
    pub birthday_recorded: Option<NaiveDate>,
    pub anniversary: Option<NaiveDate>,
    pub anniversary_recorded: Option<NaiveDate>,
    /// Developed date of a new A-class guest.
    pub developed: Option<NaiveDate>,
}

/// The texts of an [`AttentionRow`]: handed to [`AttentionRow::set_texts`], read back with
/// [`AttentionRow::texts`].
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct AttentionTexts<'a> {
    pub guest_id: &'a str,
    pub name: &'a str,
    pub class: &'a str,
    pub company: &'a str,
    pub phone: &'a str,
    pub phone_digits: &'a str,
    pub account_manager: &'a str,
    /// The reasons, in the report language.
    pub reasons: &'a str,
    /// Complaints of the last 3 months: `FB-031 (2026-09-14)`.
    pub complaints: &'a str,
    /// Fields its class requires that are blank.
    pub missing: &'a str,
}

/// One text of an [`AttentionRow`] ([`AttentionRow::text`]), as [`AttentionTexts`] names it: a
/// table reads each cell's text alone.
#[derive(Clone, Copy, Debug)]
pub enum AttentionText {
    GuestId,
    Name,
    Class,
    Company,
    Phone,
    PhoneDigits,
    AccountManager,
    Reasons,
    Complaints,
    Missing,
}

impl AttentionRow {
    /// One of the row's texts.
    pub fn text(&self, which: AttentionText) -> &str {
        self.texts.get(which as usize)
    }

    /// The row's texts.
    pub fn texts(&self) -> AttentionTexts<'_> {
        let [guest_id, name, class, company, phone, phone_digits, account_manager, reasons, complaints, missing] =
            self.texts.texts();
        AttentionTexts {
            guest_id,
            name,
            class,
            company,
            phone,
            phone_digits,
            account_manager,
            reasons,
            complaints,
            missing,
        }
    }

    /// Sets the row's texts.
    pub fn set_texts(&mut self, texts: AttentionTexts) {
        self.texts = block(texts);
    }

    /// Masks the phone number as those who may not see it whole see it (`138****5678`), and
    /// forgets its digits.
    pub fn mask_phone(&mut self) {
        let phone = self.shown_phone(true);
        self.texts = block(AttentionTexts {
            phone: &phone,
            phone_digits: "",
            ..self.texts()
        });
    }
}

fn block(t: AttentionTexts) -> TextBlock<10> {
    TextBlock::new([
        t.guest_id,
        t.name,
        t.class,
        t.company,
        t.phone,
        t.phone_digits,
        t.account_manager,
        t.reasons,
        t.complaints,
        t.missing,
    ])
}

impl Serialize for AttentionRow {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let t = self.texts();
        let mut s = serializer.serialize_struct("AttentionRow", 15)?;
        s.serialize_field("guest_id", t.guest_id)?;
        s.serialize_field("name", t.name)?;
        s.serialize_field("class", t.class)?;
        s.serialize_field("company", t.company)?;
        s.serialize_field("phone", t.phone)?;
        s.serialize_field("phone_digits", t.phone_digits)?;
        s.serialize_field("account_manager", t.account_manager)?;
        s.serialize_field("reasons", t.reasons)?;
        s.serialize_field("birthday", &self.birthday)?;
        s.serialize_field("birthday_recorded", &self.birthday_recorded)?;
        s.serialize_field("anniversary", &self.anniversary)?;
        s.serialize_field("anniversary_recorded", &self.anniversary_recorded)?;
        s.serialize_field("developed", &self.developed)?;
        s.serialize_field("complaints", t.complaints)?;
        s.serialize_field("missing", t.missing)?;
        s.end()
    }
}

/// Digit runs in a text that read as phone numbers (`王偉 138-1234-5678` → `13812345678`).
pub(super) fn phones_in(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut part = String::new();
    for c in text.chars().chain(std::iter::once('\u{0}')) {
        if c.is_ascii_digit() || matches!(c, ' ' | '-' | '+' | '(' | ')' | '.') {
            part.push(c);
            continue;
        }
        if part.chars().filter(char::is_ascii_digit).count() >= 7 {
            if let Some(digits) = values::normalize_phone(&RawCell::Text(part.as_str().into())) {
                out.push(digits);
            }
        }
        part.clear();
    }
    out
}

/// A complaint as the key-attention list names it: its id and the day it was received.
type Complaint<'a> = (&'a str, NaiveDate);

/// Complaints (kind complaint or grievance) received in the last 3 months to as-of, and for each
/// guest the ones that are theirs (indexes into the first list): the feedback's customer matched
/// to the guest's name or company (compared across width, case and script) or to its phone number.
fn recent_complaints<'a>(
    registers: &'a Registers,
    book: &GuestBook,
    as_of: NaiveDate,
) -> (Vec<Complaint<'a>>, FxHashMap<usize, Vec<u32>>) {
    let mut out: FxHashMap<usize, Vec<u32>> = FxHashMap::default();
    let Some(register) = registers.by_kind.get(&Kind::Feedback) else {
        return (Vec::new(), out);
    };
    let from = window_start(as_of, COMPLAINT_MONTHS);
    let recent: Vec<(&str, Complaint)> = register
        .records
        .iter()
        .filter(|r| crate::month::feedback::is_complaint(r))
        .filter_map(|r| {
            let received = r.day(feedback::RECEIVED_DATE)?;
            let customer = r.text(feedback::CUSTOMER)?;
            let id = r.text(feedback::ID).unwrap_or_default();
            (from <= received && received <= as_of).then_some((customer, (id, received)))
        })
        .collect();
    if recent.is_empty() {
        return (Vec::new(), out);
    }
    // The recent complaints are few next to the guests: index them, and look each guest up.
    let mut by_key: FxHashMap<String, Vec<u32>> = FxHashMap::default();
    let mut by_phone: FxHashMap<String, Vec<u32>> = FxHashMap::default();
    for (n, (customer, _)) in recent.iter().enumerate() {
        let k = text::key(customer);
        if !k.is_empty() {
            by_key.entry(k).or_default().push(n as u32);
        }
        for digits in phones_in(customer) {
            by_phone.entry(digits).or_default().push(n as u32);
        }
    }
    let mut found: Vec<u32> = Vec::new();
    for (g, (record, (name, company))) in book.records.iter().zip(book.keys()).enumerate() {
        if !book.exists(g) {
            continue;
        }
        found.clear();
        for k in [name, company].into_iter().filter(|k| !k.is_empty()) {
            found.extend(by_key.get(k.as_str()).into_iter().flatten());
        }
        if let Some(phone) = record.phone(guests::PHONE) {
            found.extend(by_phone.get(phone.digits).into_iter().flatten());
        }
        if !found.is_empty() {
            found.sort_unstable();
            found.dedup();
            out.insert(g, found.clone());
        }
    }
    (recent.into_iter().map(|(_, c)| c).collect(), out)
}

pub(super) fn attention(text: &Catalogue, registers: &Registers, g: &Guests, as_of: NaiveDate) -> Vec<AttentionRow> {
    let next = first_of_next_month(as_of);
    let book = &g.book;
    let (complaints, by_guest) = recent_complaints(registers, book, as_of);
    // The rows, and the rank of each (its class's): the list goes by rank, each rank in the
    // guests' order.
    let (mut rows, mut ranks): (Vec<AttentionRow>, Vec<u8>) = Default::default();
    for (i, record) in book.profiles() {
        let class = recorded_class(record);
        let birthday = record.day(guests::BIRTHDAY).and_then(|d| occurrence_in(d, next));
        let anniversary = record.day(guests::ANNIVERSARY).and_then(|d| occurrence_in(d, next));
        let developed = g.new_at_as_of[i];
        let missing = g.gaps[i].as_ref().map(|gap| gap.missing.as_slice()).unwrap_or_default();
        let theirs = by_guest.get(&i);
        let reasons = reasons(
            text,
            class,
            developed,
            birthday,
            anniversary,
            theirs.is_some(),
            !missing.is_empty(),
        );
        if reasons.is_empty() {
            continue;
        }
        let (phone, phone_digits) = record.phone(guests::PHONE).map_or(("", ""), |p| (p.text, p.digits));
        let complaints_text = theirs
            .map(|v| {
                text.list_some(v, |&n| {
                    let (id, d) = complaints[n as usize];
                    text.fmt("guests.complaint_on", &[("id", id), ("date", &d.to_string())])
                })
            })
            .unwrap_or_default();
        let missing_text: Vec<String> = missing
            .iter()
            .map(|f| crate::registers::texts::field_label(text, f.name))
            .collect();
        let mut row = AttentionRow {
            birthday,
            birthday_recorded: birthday.and(record.day(guests::BIRTHDAY)),
            anniversary,
            anniversary_recorded: anniversary.and(record.day(guests::ANNIVERSARY)),
            developed,
            ..AttentionRow::default()
        };
        row.set_texts(AttentionTexts {
            guest_id: record.text(guests::GUEST_ID).unwrap_or_default(),
            name: record.text(guests::NAME).unwrap_or_default(),
            class: class.unwrap_or_default(),
            company: record.text(guests::COMPANY).unwrap_or_default(),
            phone,
            phone_digits,
            account_manager: record.text(guests::ACCOUNT_MANAGER).unwrap_or_default(),
            reasons: &text.list(&reasons),
            complaints: &complaints_text,
            missing: &text.list(&missing_text),
        });
        rows.push(row);
        ranks.push(class.map_or(3, class_rank));
    }
    // A stable sort of the places (the guests came in order), the rows then moved into them in
    // place: a large month lists every guest, and a second vector of them held 30 MB more.
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by_key(|&k| ranks[k]);
    in_order(&mut rows, order);
    rows
}

/// Puts `rows[order[i]]` at place `i` for every `i` (`order` a permutation), each cycle of the
/// permutation by swaps.
fn in_order<T>(rows: &mut [T], mut order: Vec<usize>) {
    for start in 0..rows.len() {
        let mut at = start;
        while order[at] != start {
            let from = order[at];
            rows.swap(at, from);
            order[at] = at;
            at = from;
        }
        order[at] = at;
    }
}

/// Why a guest is on the key-attention list, in the list's order of reasons.
fn reasons(
    text: &Catalogue,
    class: Option<&str>,
    developed: Option<NaiveDate>,
    birthday: Option<NaiveDate>,
    anniversary: Option<NaiveDate>,
    complained: bool,
    incomplete: bool,
) -> Vec<String> {
    let mut reasons = Vec::new();
    if class == Some("A") {
        reasons.push(text.get("guests.why.class_a"));
    }
    if developed.is_some() {
        reasons.push(text.get("guests.why.new_a"));
    }
    if let Some(d) = birthday {
        reasons.push(text.fmt("guests.why.birthday", &[("day", &d.format("%m-%d").to_string())]));
    }
    if let Some(d) = anniversary {
        reasons.push(text.fmt("guests.why.anniversary", &[("day", &d.format("%m-%d").to_string())]));
    }
    if complained {
        reasons.push(text.get("guests.why.complaint"));
    }
    if incomplete {
        reasons.push(text.get("guests.why.incomplete"));
    }
    reasons
}

#[cfg(test)]
mod tests {
    use super::{in_order, AttentionRow, AttentionText, AttentionTexts};

    /// A row's texts read back as they were set, blank ones and Chinese ones among them; masking
    /// its phone changes the phone and its digits only.
    #[test]
    fn a_rows_texts_read_back_as_set() {
        let texts = AttentionTexts {
            guest_id: "G-0001",
            name: "王偉",
            class: "A",
            company: "",
            phone: "138-1234-5678",
            phone_digits: "13812345678",
            account_manager: "李娜",
            reasons: "A 類客人、資料不全",
            complaints: "",
            missing: "生日",
        };
        let mut row = AttentionRow::default();
        assert_eq!(row.texts(), AttentionTexts::default());
        row.set_texts(texts);
        assert_eq!(row.texts(), texts);
        row.mask_phone();
        let masked = AttentionTexts {
            phone: "138****5678",
            phone_digits: "",
            ..texts
        };
        assert_eq!(row.texts(), masked);
        use AttentionText::*;
        let each = [
            (GuestId, masked.guest_id),
            (Name, masked.name),
            (Class, masked.class),
            (Company, masked.company),
            (Phone, masked.phone),
            (PhoneDigits, masked.phone_digits),
            (AccountManager, masked.account_manager),
            (Reasons, masked.reasons),
            (Complaints, masked.complaints),
            (Missing, masked.missing),
        ];
        for (which, text) in each {
            assert_eq!(row.text(which), text, "{which:?}");
        }
    }

    /// Rows moved in place by a permutation are where a copy in that order would put them: a
    /// stable sort by rank, as the key-attention list makes it, of rows of many ranks, and the
    /// permutations with one cycle, none, and of one row.
    #[test]
    fn rows_put_in_order_in_place_are_those_taken_in_that_order() {
        let rows: Vec<String> = (0..1000).map(|i| format!("G-{i:04}")).collect();
        let ranks: Vec<u8> = (0..1000u32).map(|i| (i * 7919 % 13 % 4) as u8).collect();
        let mut by_rank: Vec<usize> = (0..rows.len()).collect();
        by_rank.sort_by_key(|&k| ranks[k]);
        let one_cycle: Vec<usize> = (1..rows.len()).chain([0]).collect();
        let none: Vec<usize> = (0..rows.len()).collect();
        for order in [by_rank, one_cycle, none] {
            let wanted: Vec<String> = order.iter().map(|&k| rows[k].clone()).collect();
            let mut moved = rows.clone();
            in_order(&mut moved, order);
            assert_eq!(moved, wanted);
        }
        let mut single = vec!["G-0001"];
        in_order(&mut single, vec![0]);
        assert_eq!(single, ["G-0001"]);
    }
}
