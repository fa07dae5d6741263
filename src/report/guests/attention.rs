//! The key-attention list (procedure Part 2 三): next month's A-class guests, new A-class guests,
//! birthdays and anniversaries, guests with a recent complaint, incomplete profiles.

use std::sync::Arc;

use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use serde::ser::{Serialize, SerializeStruct, Serializer};

use super::{first_of_next_month, COMPLAINT_MONTHS};
use crate::base::i18n::Catalogue;
use crate::base::put_away::{pack_day, unpack_day, Packed, PutAway};
use crate::base::spill::Spill;
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

/// A row put away until the workbook is written ([`crate::base::put_away`]): its texts, then its
/// days.
impl Packed for AttentionRow {
    fn pack(&self, out: &mut Vec<u8>) {
        self.texts.pack(out);
        let days = [
            self.birthday,
            self.birthday_recorded,
            self.anniversary,
            self.anniversary_recorded,
            self.developed,
        ];
        for day in days {
            pack_day(out, day);
        }
    }

    fn unpack(bytes: &[u8]) -> Option<(Self, &[u8])> {
        let (texts, mut rest) = TextBlock::unpack(bytes)?;
        let mut days = [None; 5];
        for day in &mut days {
            (*day, rest) = unpack_day(rest)?;
        }
        let [birthday, birthday_recorded, anniversary, anniversary_recorded, developed] = days;
        let row = AttentionRow {
            texts,
            birthday,
            birthday_recorded,
            anniversary,
            anniversary_recorded,
            developed,
        };
        Some((row, rest))
    }
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

/// Complaints (kind complaint or grievance) received in the last 3 months to as-of, indexed by
/// their customer: its key (compared across width, case and script) and the phone numbers in it.
/// A guest's are looked up as the list reaches the guest ([`RecentComplaints::of_guest`]): a
/// large month's guests and their complaints, listed for every guest at once, held 18 MB.
#[derive(Default)]
struct RecentComplaints<'a> {
    complaints: Vec<Complaint<'a>>,
    by_key: FxHashMap<String, Vec<u32>>,
    by_phone: FxHashMap<String, Vec<u32>>,
}

impl<'a> RecentComplaints<'a> {
    fn new(registers: &'a Registers, as_of: NaiveDate) -> Self {
        let Some(register) = registers.by_kind.get(&Kind::Feedback) else {
            return RecentComplaints::default();
        };
        let from = window_start(as_of, COMPLAINT_MONTHS);
        let mut recent = RecentComplaints::default();
        let complaints = register
            .records
            .iter()
            .filter(|r| crate::month::feedback::is_complaint(r));
        for r in complaints {
            let (Some(received), Some(customer)) = (r.day(feedback::RECEIVED_DATE), r.text(feedback::CUSTOMER)) else {
                continue;
            };
            if !(from <= received && received <= as_of) {
                continue;
            }
            let n = recent.complaints.len() as u32;
            recent
                .complaints
                .push((r.text(feedback::ID).unwrap_or_default(), received));
            let k = text::key(customer);
            if !k.is_empty() {
                recent.by_key.entry(k).or_default().push(n);
            }
            for digits in phones_in(customer) {
                recent.by_phone.entry(digits).or_default().push(n);
            }
        }
        recent
    }

    /// The complaints of guest `g` (indexes into `complaints`, in order), into `found`: the
    /// feedback's customer matched to the guest's name or company or to its phone number.
    fn of_guest(&self, book: &GuestBook, g: usize, found: &mut Vec<u32>) {
        found.clear();
        if self.complaints.is_empty() {
            return;
        }
        let (name, company) = &book.keys()[g];
        for k in [name, company].into_iter().filter(|k| !k.is_empty()) {
            found.extend(self.by_key.get(k.as_str()).into_iter().flatten());
        }
        if let Some(phone) = book.record(g).phone(guests::PHONE) {
            found.extend(self.by_phone.get(phone.digits).into_iter().flatten());
        }
        found.sort_unstable();
        found.dedup();
    }
}

/// Next month's key-attention list, put away in `spill` ([`PutAway`]).
pub(super) fn attention(
    text: &Catalogue,
    registers: &Registers,
    g: &Guests,
    as_of: NaiveDate,
    spill: Option<&Arc<Spill>>,
) -> PutAway<AttentionRow> {
    let next = first_of_next_month(as_of);
    let book = &g.book;
    let recent = RecentComplaints::new(registers, as_of);
    let mut theirs = Vec::new();
    // The list goes by rank (the class's), each rank in the guests' order: the guests are gone
    // through once for each rank, and each row is put away as it is made (a large month lists
    // every guest).
    let in_rank_order = (0..=3).flat_map(|rank| {
        (book.profiles()).filter(move |(_, record)| recorded_class(record).map_or(3, class_rank) == rank)
    });
    let mut list = PutAway::new(spill);
    for (i, record) in in_rank_order {
        let class = recorded_class(record);
        let birthday = record.day(guests::BIRTHDAY).and_then(|d| occurrence_in(d, next));
        let anniversary = record.day(guests::ANNIVERSARY).and_then(|d| occurrence_in(d, next));
        let developed = g.new_at_as_of[i];
        let missing = g.gaps[i].as_ref().map(|gap| gap.missing.as_slice()).unwrap_or_default();
        recent.of_guest(book, i, &mut theirs);
        let reasons = reasons(
            text,
            class,
            developed,
            birthday,
            anniversary,
            !theirs.is_empty(),
            !missing.is_empty(),
        );
        if reasons.is_empty() {
            continue;
        }
        let (phone, phone_digits) = record.phone(guests::PHONE).map_or(("", ""), |p| (p.text, p.digits));
        let complaints_text = if theirs.is_empty() {
            String::new()
        } else {
            text.list_some(&theirs, |&n| {
                let (id, d) = recent.complaints[n as usize];
                text.fmt("guests.complaint_on", &[("id", id), ("date", &d.to_string())])
            })
        };
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
        list.push(&row);
    }
    list.finish();
    list
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
    use super::{AttentionRow, AttentionText, AttentionTexts};
    use crate::base::put_away::Packed;

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

    /// A row packed and unpacked is the row it was — its texts and its days, given and blank —
    /// and reads no further than itself.
    #[test]
    fn a_row_put_away_reads_back_as_it_was() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 3).unwrap();
        let texts = AttentionTexts {
            guest_id: "G-0001",
            name: "王偉",
            reasons: "A 類客人、生日",
            ..AttentionTexts::default()
        };
        let mut row = AttentionRow::default();
        row.set_texts(texts);
        row.birthday = Some(day);
        row.developed = Some(day - chrono::Days::new(400));
        let mut bytes = Vec::new();
        row.pack(&mut bytes);
        bytes.push(0xAB);
        let (back, rest) = AttentionRow::unpack(&bytes).expect("the row reads back");
        assert_eq!(back.texts(), texts);
        let days = |r: &AttentionRow| {
            [
                r.birthday,
                r.birthday_recorded,
                r.anniversary,
                r.anniversary_recorded,
                r.developed,
            ]
        };
        assert_eq!(days(&back), days(&row));
        assert_eq!(rest, [0xAB]);
        assert!(AttentionRow::unpack(&bytes[..bytes.len() - 2]).is_none(), "cut short");
    }
}
