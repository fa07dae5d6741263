//! The key-attention list (procedure Part 2 三): next month's A-class guests, new A-class guests,
//! birthdays and anniversaries, guests with a recent complaint, incomplete profiles.

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use super::{first_of_next_month, guest_text, AttentionRow, COMPLAINT_MONTHS};
use crate::base::i18n::Catalogue;
use crate::base::text;
use crate::month::guests::{class_rank, occurrence_in, recorded_class, window_start, GuestBook, Guests};
use crate::read::RawCell;
use crate::registers::{feedback, guests, Kind, Registers};
use crate::values;

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
        let phone = match record.phone(guests::PHONE) {
            Some(phone) => (phone.text.to_string(), phone.digits.to_string()),
            None => Default::default(),
        };
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
        let row = AttentionRow {
            guest_id: guest_text(record, guests::GUEST_ID),
            name: guest_text(record, guests::NAME),
            class: class.unwrap_or_default().to_string(),
            company: guest_text(record, guests::COMPANY),
            phone: phone.0,
            phone_digits: phone.1,
            account_manager: guest_text(record, guests::ACCOUNT_MANAGER),
            reasons: text.list(&reasons),
            birthday,
            birthday_recorded: birthday.and(record.day(guests::BIRTHDAY)),
            anniversary,
            anniversary_recorded: anniversary.and(record.day(guests::ANNIVERSARY)),
            developed,
            complaints: complaints_text,
            missing: text.list(&missing_text),
        };
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
    use super::in_order;

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
